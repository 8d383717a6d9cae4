"""SHACL both ways: the real export conforms; deliberately broken graphs fail with a readable report."""
from __future__ import annotations

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import write_outputs
from kg.validate import validate_output
from tests.fixtures.small import small_extraction

KG = "https://example.org/kg/ontology#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"


@pytest.fixture(scope="module")
def small_trig(tmp_path_factory):
    out = tmp_path_factory.mktemp("small")
    write_outputs(small_extraction(), out)
    return out / "kg.trig"


def _broken(small_trig, tmp_path, drop, add=()):
    """A copy of the small build without the quads ``drop(quad)`` selects, plus ``add`` (as N-Quads lines)."""
    quads = [q for q in pyoxigraph.parse(path=str(small_trig), format=pyoxigraph.RdfFormat.TRIG) if not drop(q)]
    text = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS).decode() + "".join(add)
    store = pyoxigraph.Store()
    store.load(text.encode(), format=pyoxigraph.RdfFormat.N_QUADS)
    path = tmp_path / "kg.trig"
    path.write_bytes(store.dump(format=pyoxigraph.RdfFormat.TRIG))
    return path


def test_seed_export_conforms(seed_output):
    report = validate_output(seed_output)
    assert report.conforms, report.text()


def test_small_export_conforms_and_cli_says_so(small_trig):
    result = CliRunner().invoke(main, ["validate", str(small_trig.parent)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_event_without_date_node_fails(small_trig, tmp_path):
    path = _broken(small_trig, tmp_path, lambda q: q.predicate.value == SEM + "hasTime"
                   and q.subject.value.endswith("/shelling_of_stepanakert"))
    report = validate_output(path)
    assert not report.conforms
    text = report.text()
    assert "entity/shelling_of_stepanakert" in text and "date node" in text


def test_claim_without_source_fails_and_cli_exits_1(small_trig, tmp_path):
    path = _broken(small_trig, tmp_path, lambda q: q.predicate.value == PROV_DERIVED and "/claim/" in q.subject.value)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "does not conform: 6 problem(s)" in lines[0]
    assert all("prov:wasDerivedFrom: a claim has exactly one source" in line for line in lines[1:])


def test_plain_triple_for_a_hedged_claim_fails(small_trig, tmp_path):
    plain = ("<https://example.org/kg/entity/azerbaijan> <https://example.org/kg/ontology/relation#negotiates_with> "
             "<https://example.org/kg/entity/russia> <https://example.org/kg/graph/b02_baku> .\n")
    report = validate_output(_broken(small_trig, tmp_path, lambda q: False, add=[plain]))
    assert not report.conforms
    assert "never plain triples" in report.text() and "entity/azerbaijan" in report.text()


def test_claim_in_the_wrong_graph_fails(small_trig, tmp_path):

    quads = [q for q in pyoxigraph.parse(path=str(small_trig), format=pyoxigraph.RdfFormat.TRIG)]
    claim = next(q.subject for q in quads if q.predicate.value == KG + "statedIn"
                 and q.object.value.endswith("/a01_geneva"))
    extra = [f"{q.subject} {q.predicate} {q.object} <https://example.org/kg/graph/b02_baku> .\n"
             for q in quads if q.subject == claim]
    report = validate_output(_broken(small_trig, tmp_path, lambda q: q.subject == claim, add=extra))
    assert "a claim must be in the named graph it names" in report.text()


def test_missing_build_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and "kg build" in result.output


def test_validate_help_has_examples():
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0 and "Examples:" in result.output


def test_statement_without_source_count_fails(small_trig, tmp_path):
    path = _broken(small_trig, tmp_path, lambda q: q.predicate.value == KG + "sourceCount" and "/statement/" in q.subject.value)
    report = validate_output(path)
    assert not report.conforms
    assert "statement/" in report.text() and "kg:sourceCount" in report.text()
