"""The RDF outputs' block layout and splicing them from the last build's files (kg/fragments.py, kg/serialize.py)."""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import replace

import pyoxigraph
import pytest

from kg.exports import to_csv_tables, write_source_table
from kg.fragments import Splice
from kg.iris import IRIs
from kg.rdf import to_quads
from kg.serialize import _compactor, _graph_nodes, write_jsonld, write_nquads, write_trig, write_turtle
from tests.fixtures.small import small_extraction

WRITERS = {"kg.trig": write_trig, "kg.nq": write_nquads, "kg.ttl": write_turtle, "kg.jsonld": write_jsonld}


def test_nquads_are_the_default_graph_then_each_named_graph_in_iri_order_each_sorted():
    quads = to_quads(small_extraction())
    lines = io.BytesIO()
    write_nquads(quads, lines)
    text = lines.getvalue().decode("utf-8").splitlines(keepends=True)
    graphs = [str(next(iter(pyoxigraph.parse(line.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS))).graph_name)
              for line in text]
    order = list(dict.fromkeys(graphs))
    assert order[0] == "DEFAULT" and order[1:] == sorted(order[1:]) and len(order) == 3  # default, then two sources
    for graph in order:
        block = [line for line, g in zip(text, graphs) if g == graph]
        assert block == sorted(set(block))  # each graph's lines sorted, each quad once
        assert text[graphs.index(graph):graphs.index(graph) + len(block)] == block  # one contiguous block


def test_turtle_has_every_triple_of_every_graph():
    quads = to_quads(small_extraction())
    buf = io.BytesIO()
    write_turtle(quads, buf)
    turtle = {str(t) for t in pyoxigraph.parse(buf.getvalue(), format=pyoxigraph.RdfFormat.TURTLE)}
    nq = io.BytesIO()
    write_nquads(quads, nq)
    every = {str(pyoxigraph.Triple(q.subject, q.predicate, q.object))
             for q in pyoxigraph.parse(nq.getvalue(), format=pyoxigraph.RdfFormat.N_QUADS)}
    assert turtle == every


@pytest.mark.parametrize("value", ['plain', 'a "quoted" word', "back\\slash", "two\nlines\tand\rtabs", "Ünïcödé — 𝔘",
                                   "\x01control\x7f", "it's", ""])
def test_jsonld_reads_literals_as_pyoxigraph_does(value):
    """kg's N-Quads reader for JSON-LD gives the values pyoxigraph's parser gives, escapes and all."""
    s, p = pyoxigraph.NamedNode("https://example.org/kg/entity/x"), pyoxigraph.NamedNode("https://example.org/p")
    literals = [pyoxigraph.Literal(value), pyoxigraph.Literal(value, language="hy"),
                pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#token")),
                pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#string"))]
    lines = sorted(f"{s} {p} {o} .\n" for o in literals)
    lines += [f"{s} {p} {o} <https://example.org/kg/graph/g> .\n" for o in literals]
    lines.append(f'{s} {p} "A \\U0001D518 \\\' and \\u00e9" .\n')  # escapes JSON lacks: pyoxigraph reads the line
    compact = _compactor({"ent": "https://example.org/kg/entity/"})
    expected: dict[str, dict[str, list]] = {}
    for q in pyoxigraph.parse("".join(lines).encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS):
        o = q.object
        value_ = (o.value if o.datatype.value == "http://www.w3.org/2001/XMLSchema#string" and not o.language
                  else {"@value": o.value, "@language": o.language} if o.language
                  else {"@value": o.value, "@type": o.datatype.value})
        expected.setdefault("ent:x", {}).setdefault(p.value, []).append(value_)
    assert json.dumps(_graph_nodes(lines, compact)) == json.dumps(expected)


def _write(tmp_path, name, quads, index, *, force=False):
    out = tmp_path / name
    tmp = tmp_path / f".{name}.tmp"
    splice = Splice(out, index, salt="s", force=force)
    with tmp.open("wb") as fh:
        WRITERS[name](quads, fh, splice=splice)
        splice.finish(fh)
    os.replace(tmp, out)
    return splice


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_spliced_file_is_byte_identical_to_one_written_whole(tmp_path, name):
    index = tmp_path / "index.pickle"
    first = _write(tmp_path, name, to_quads(small_extraction()), index)
    assert (first.copied, first.made) == (0, 2)  # nothing noted yet
    whole = (tmp_path / name).read_bytes()
    again = _write(tmp_path, name, to_quads(small_extraction()), index)
    assert (again.copied, again.made) == (2, 0)  # both source graphs copied from the file written before
    assert (tmp_path / name).read_bytes() == whole
    forced = _write(tmp_path, name, to_quads(small_extraction()), index, force=True)
    assert (forced.copied, forced.made) == (0, 2)
    assert (tmp_path / name).read_bytes() == whole


def test_a_graph_made_from_other_records_is_made_again(tmp_path):
    index = tmp_path / "index.pickle"
    _write(tmp_path, "kg.nq", to_quads(small_extraction()), index)
    extraction = small_extraction()
    rel = extraction.relations[0]
    changed = replace(extraction, relations=(replace(rel, verb=rel.verb + "x"), *extraction.relations[1:]))
    quads = to_quads(changed)
    splice = _write(tmp_path, "kg.nq", quads, index)
    assert (splice.copied, splice.made) == (1, 1)  # the other source's graph is still copied
    fresh = io.BytesIO()
    write_nquads(to_quads(changed), fresh)
    assert (tmp_path / "kg.nq").read_bytes() == fresh.getvalue()


def test_another_salt_or_a_replaced_file_is_not_copied_from(tmp_path):
    index = tmp_path / "index.pickle"
    _write(tmp_path, "kg.nq", to_quads(small_extraction()), index)
    assert Splice(tmp_path / "kg.nq", index, salt="s").usable
    assert not Splice(tmp_path / "kg.nq", index, salt="another code or base").usable
    data = (tmp_path / "kg.nq").read_bytes()
    (tmp_path / "kg.nq").unlink()
    (tmp_path / "kg.nq").write_bytes(data)  # the same bytes, another file: not the one the index describes
    assert not Splice(tmp_path / "kg.nq", index, salt="s").usable


def _write_table(tmp_path, name, extraction, index):
    out = tmp_path / name
    tmp = tmp_path / f".{name}.tmp"
    splice = Splice(out, index, salt="s")
    with tmp.open("wb") as fh:
        write_source_table(name, extraction, fh, splice=splice)
        splice.finish(fh)
    os.replace(tmp, out)
    return splice


@pytest.mark.parametrize("name", ["claims.csv", "mentions.csv"])
def test_a_spliced_table_is_the_table_written_whole_and_an_articles_changed_rows_are_made_again(tmp_path, name):
    """claims.csv and mentions.csv: one block of rows per article, copied when the article's records are the same."""
    extraction = small_extraction()
    index = tmp_path / "index.pickle"
    assert _write_table(tmp_path, name, extraction, index).made == 2
    whole = to_csv_tables(extraction)[name]
    assert (tmp_path / name).read_text(encoding="utf-8") == whole
    header, *rows = csv.reader(whole.splitlines())
    column = {c: i for i, c in enumerate(header)}
    # one row per claim or mention of the extraction, the articles' rows together, by article id
    assert [r[column["article"]] for r in rows] == sorted(r[column["article"]] for r in rows)
    if name == "claims.csv":
        iris = IRIs()
        assert sorted(r[column["claim"]] for r in rows) == sorted(str(iris.claim_of(r)) for r in extraction.relations)
    else:
        expected = sorted((m.source, m.section, m.start, m.end, e.id) for e in extraction.entities for m in e.mentions)
        assert [(r[column["article"]], r[column["section"]], int(r[column["start"]]), int(r[column["end"]]),
                 r[column["entity"]]) for r in rows] == expected
    again = _write_table(tmp_path, name, extraction, index)
    assert (again.copied, again.made) == (2, 0)
    assert (tmp_path / name).read_text(encoding="utf-8") == whole
    rel = extraction.relations[0]
    entity = extraction.entities[0]
    mention = next(m for m in entity.mentions if m.source == rel.source)
    changed = replace(extraction, relations=(replace(rel, verb=rel.verb + "x"), *extraction.relations[1:]),
                      entities=(replace(entity, mentions=tuple(replace(m, reading="metonym") if m is mention else m
                                                               for m in entity.mentions)), *extraction.entities[1:]))
    third = _write_table(tmp_path, name, changed, index)
    assert (third.copied, third.made) == (1, 1)  # the other article's rows are still copied
    assert (tmp_path / name).read_text(encoding="utf-8") == to_csv_tables(changed)[name] != whole
