"""End to end on the real sources: the four outputs, parseable RDF, named graphs, determinism."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pyoxigraph
import pytest
import rdflib

from tests.conftest import ROOT, SOURCES

OUTPUTS = ("kg.trig", "kg.ttl", "kg.json", "graph.html")


def test_build_writes_the_four_outputs(seed_output):
    for name in OUTPUTS:
        assert (seed_output / name).stat().st_size > 1000, name


def test_trig_has_one_named_graph_per_source_in_rdflib_and_pyoxigraph(seed_output):
    n_sources = len(list(SOURCES.glob("*.txt")))
    ds = rdflib.Dataset()
    ds.parse(seed_output / "kg.trig", format="trig")
    named = {str(g.identifier) for g in ds.graphs() if str(g.identifier).startswith("https://example.org/kg/graph/")}
    assert len(named) == n_sources
    store = pyoxigraph.Store()
    store.load(path=str(seed_output / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert len(list(store.named_graphs())) == n_sources
    assert len(store) == sum(len(g) for g in ds.graphs())


def test_turtle_parses_in_both_engines(seed_output):
    g = rdflib.Graph().parse(seed_output / "kg.ttl", format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(seed_output / "kg.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(store) > 1000


def test_json_export_has_every_field_the_scorer_reads(seed_output):
    data = json.loads((seed_output / "kg.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in SOURCES.glob("*.txt"))
    assert sorted(s["file"] for s in data["sources"]) == files
    for s in data["sources"]:
        assert {"id", "file", "title", "publisher", "date", "url", "duplicate_of"} <= set(s)
    ids = {e["id"] for e in data["entities"]}
    source_ids = {s["id"] for s in data["sources"]}
    for e in data["entities"]:
        assert e["type"] in {"Country", "Person", "Organization", "Group", "Place", "Event"}
        assert {"label", "aliases", "wikidata", "sources"} <= set(e)
        assert set(e["sources"]) <= source_ids
    for r in data["relations"]:
        assert r["subject"] in ids and r["object"] in ids and r["source"] in source_ids
        body = next(_body(s) for s in data["sources"] if s["id"] == r["source"])
        if r["section"] == "body":
            assert body[r["start"]:r["end"]] == r["evidence"]  # offsets count from the article body


def test_json_relations_point_at_statements_listing_their_sources_once(seed_output):
    from kg.iris import IRIs

    data = json.loads((seed_output / "kg.json").read_text(encoding="utf-8"))
    statements = {st["id"]: st for st in data["statements"]}
    assert len(statements) == len(data["statements"])
    made = {}
    for r in data["relations"]:
        st = statements[r["statement"]]
        assert (st["subject"], st["predicate"], st["object"], st["negated"]) == \
            (r["subject"], r["predicate"], r["object"], r["negated"])
        assert r["source"] in st["sources"]
        assert (r["source_count"], r["outlet_count"]) == (len(st["sources"]), len(st["independent_outlets"]))
        assert str(IRIs().statement(r["subject"], r["predicate"], r["object"], r["negated"])).endswith("/" + st["id"])
        made.setdefault(st["id"], set()).add(r["source"])
    assert {k: sorted(v) for k, v in made.items()} == {k: st["sources"] for k, st in statements.items()}
    assert any(len(st["sources"]) > 1 for st in statements.values())  # the seeds corroborate some claims


def _body(source):
    from kg.sources import load_article

    return load_article(SOURCES / source["file"]).body


def test_known_actors_are_found_once_with_their_sources(seed_output):
    data = json.loads((seed_output / "kg.json").read_text(encoding="utf-8"))
    by_label = {}
    for e in data["entities"]:
        by_label.setdefault(e["label"], []).append(e)
    for label, etype in [("Russia", "Country"), ("Armenia", "Country"), ("Azerbaijan", "Country"),
                         ("Nikol Pashinyan", "Person"), ("Nagorno-Karabakh", "Place")]:
        assert len(by_label.get(label, [])) == 1, label
        assert by_label[label][0]["type"] == etype
    assert len(by_label["Russia"][0]["sources"]) == 5


def _cli_build(out, seed):
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "-q", "build", str(SOURCES), "-o", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path):
    _cli_build(tmp_path / "a", 1)
    _cli_build(tmp_path / "b", 2)
    for name in OUTPUTS:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
