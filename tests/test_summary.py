"""Build-time aggregates (kg/summary.py) and the paged named queries that read them."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import RDF, Literal

from kg import summary
from kg.cli import main
from kg.corroboration import claim_key, corroboration
from kg.errors import KGError
from kg.iris import IRIs
from kg.pipeline import write_outputs
from kg.query import named_queries, open_store, run_named
from kg.rdf import to_dataset
from kg.vocab import KG
from tests.fixtures.small import small_extraction

BIND = {"about": {"label": "Russia"}}
PAGED = ["about", "accusations", "actors", "events", "single_source"]


def test_counts_and_statements_match_the_extraction():
    ex = small_extraction()
    g = to_dataset(ex).default_graph
    iris = IRIs()
    for e in ex.entities:
        assert g.value(iris.entity(e.id), KG.sourceCount) == Literal(len(e.sources))
        assert g.value(iris.entity(e.id), KG.mentionCount) == Literal(len(e.mentions))
    support = corroboration(ex)
    assert len(set(g.subjects(RDF.type, KG.Statement))) == len(support)
    for rel in ex.relations:
        node = iris.statement(*claim_key(rel))
        assert g.value(node, KG.sourceCount) == Literal(len(support[claim_key(rel)]["sources"]))
        assert g.value(node, KG.outletCount) == Literal(len(support[claim_key(rel)]["independent"]))
        assert (node, KG.hasClaim, summary._claim_iri(rel, iris)) in g


def test_no_summary_when_asked():
    g = to_dataset(small_extraction(), summary=False).default_graph
    assert not list(g.subjects(RDF.type, KG.Page)) and not list(g.triples((None, KG.rank, None)))


@pytest.fixture()
def two_per_page(tmp_path, monkeypatch):
    """The small build with pages of 2 items, so every listing spans pages."""
    monkeypatch.setattr(summary, "PAGE_SIZE", 2)
    write_outputs(small_extraction(), tmp_path)
    return open_store(tmp_path)


@pytest.mark.parametrize("name", PAGED)
def test_pages_read_the_same_rows_as_the_whole_query(two_per_page, name):
    text = named_queries()[name]
    names, every = run_named(two_per_page, text, bindings=BIND.get(name), limit=None)
    assert every and names[-1] in ("page", "pageNumber")
    for offset in range(len(every) + 1):
        for limit in (1, 2, 3):
            _, rows = run_named(two_per_page, text, bindings=BIND.get(name), limit=limit, offset=offset)
            assert rows == every[offset:offset + limit], (offset, limit)
    assert len({r[-1] for r in every}) == (len(every) + 1) // 2  # two rows a page


def test_limit_and_offset_are_checked(two_per_page):
    with pytest.raises(KGError):
        run_named(two_per_page, named_queries()["actors"], limit=0)
    with pytest.raises(KGError):
        run_named(two_per_page, named_queries()["actors"], offset=-1)


def test_cli_pages_named_queries(tmp_path):
    write_outputs(small_extraction(), tmp_path)
    runner = CliRunner()

    def csv_rows(*args):
        result = runner.invoke(main, ["query", str(tmp_path), "--name", "actors", "--format", "csv", *args])
        assert result.exit_code == 0, result.output
        return result.output.splitlines()[1:]

    every = csv_rows("--all")
    assert len(every) == 4 and csv_rows() == every  # fewer than the default 100
    assert csv_rows("--limit", "2", "--offset", "1") == every[1:3]
    table = runner.invoke(main, ["query", str(tmp_path), "--name", "actors", "--limit", "2"]).output
    assert "--offset 2 for the next 2" in table
    both = runner.invoke(main, ["query", str(tmp_path), "--name", "actors", "--limit", "2", "--all"])
    assert both.exit_code != 0


def test_about_pages_by_label(two_per_page):
    """``about`` reads the pages of every entity with the bound ?label, found in the store."""
    text = named_queries()["about"]
    _, every = run_named(two_per_page, text, bindings={"label": "Russia"}, limit=None)
    assert run_named(two_per_page, text, bindings={"label": "Russia"}, limit=3, offset=1)[1] == every[1:4]
    assert run_named(two_per_page, text, bindings={"label": "Nobody"})[1] == []


def test_page_is_bound_as_values_first_in_the_where_clause():
    import pyoxigraph

    from kg.query import _with_values

    page = pyoxigraph.NamedNode("https://example.org/kg/page/actors/1")
    text = _with_values("SELECT ?x WHERE { ?page ?p ?x } ORDER BY ?x", "page", [page])
    assert text.startswith("SELECT ?x WHERE {\n  VALUES ?page { <https://example.org/kg/page/actors/1> }\n")
    with pytest.raises(KGError):
        _with_values("SELECT ?x { ?page ?p ?x }", "page", [page])
