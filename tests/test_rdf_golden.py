"""Golden file for the RDF writer: a hand-made extraction (tests/fixtures/small.py) as kg.nq writes it (the
default graph, then each named graph, each sorted).

The input is a hand-built ``Extraction``, not the NLP's output, so this test only changes when the RDF
*writing* changes (kg/rdf.py, kg/iris.py, kg/vocab.py, kg/serialize.py). When such a change is intended,
regenerate the golden file and review its diff in git:

    KG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_rdf_golden.py

On failure the test prints a unified diff of the N-Quads (expected golden vs. written now).
"""
from __future__ import annotations

import difflib
import os

import pytest

from kg.rdf import to_dataset, to_quads
from kg.serialize import to_nquads
from tests.conftest import ROOT
from tests.fixtures.small import small_extraction

GOLDEN = ROOT / "tests" / "golden" / "small.nq"


def _current() -> str:
    return to_nquads(to_quads(small_extraction()))


def test_rdf_matches_the_golden_file():
    now = _current()
    if os.environ.get("KG_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(now, encoding="utf-8")
        pytest.skip(f"golden file regenerated: {GOLDEN}")
    assert GOLDEN.is_file(), f"no golden file; create it with KG_UPDATE_GOLDEN=1 (see {__file__})"
    expected = GOLDEN.read_text(encoding="utf-8")
    if now != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), now.splitlines(keepends=True),
                                            fromfile=f"{GOLDEN.name} (golden)", tofile="written now", n=0))
        pytest.fail(f"the RDF differs from the golden file (KG_UPDATE_GOLDEN=1 regenerates it):\n{diff}",
                    pytrace=False)


def test_golden_pattern_plain_triples_only_for_positive_unhedged_claims():
    nq = _current()
    graph_a = "<https://example.org/kg/graph/a01_geneva>"
    graph_b = "<https://example.org/kg/graph/b02_baku>"
    kgr = "https://example.org/kg/ontology/relation#"
    ent = "https://example.org/kg/entity/"
    assert f"<{ent}armenia> <{kgr}accuses> <{ent}azerbaijan> {graph_a} ." in nq
    assert f"<{ent}azerbaijan> <{kgr}rejects> <{ent}armenia> {graph_b} ." in nq
    assert f"<{kgr}related_to>" not in nq.replace(f"<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{kgr}related_to>", "")
    assert f"<{ent}azerbaijan> <{kgr}negotiates_with> <{ent}russia>" not in nq  # hedged: a claim only


def test_base_iri_is_configurable():
    nq = to_nquads(to_quads(small_extraction(), base="https://kg.example.com/x"))
    assert "https://example.org/kg/entity/" not in nq and "<https://kg.example.com/x/entity/russia>" in nq
    assert "https://example.org/kg/ontology#Claim" in nq  # the vocabulary does not move with the base


def test_the_rdflib_dataset_holds_the_same_quads():
    import pyoxigraph

    ds = to_dataset(small_extraction())
    from_rdflib = {str(q) for q in pyoxigraph.parse(ds.serialize(format="nquads").encode("utf-8"),
                                                      format=pyoxigraph.RdfFormat.N_QUADS)}
    ours = {str(q) for q in pyoxigraph.parse(_current().encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)}
    assert from_rdflib == ours
