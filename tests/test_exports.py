"""Every export: parses in rdflib and pyoxigraph with the same quads, GraphML and CSV agree with the
extraction, and writing twice (with different hash seeds) gives byte-identical files."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import networkx as nx
import pyoxigraph
import pytest
import rdflib

from kg.pipeline import write_outputs
from tests.conftest import ROOT
from tests.fixtures.small import small_extraction

RDF_FILES = {"kg.trig": "trig", "kg.nq": "nquads", "kg.jsonld": "json-ld"}
OXI = {"kg.trig": pyoxigraph.RdfFormat.TRIG, "kg.nq": pyoxigraph.RdfFormat.N_QUADS,
       "kg.jsonld": pyoxigraph.RdfFormat.JSON_LD, "kg.ttl": pyoxigraph.RdfFormat.TURTLE}
ALL_FILES = ("kg.trig", "kg.nq", "kg.ttl", "kg.jsonld", "kg.json", "graph.html", "kg.graphml",
             "csv/nodes.csv", "csv/edges.csv", "csv/claims.csv", "csv/mentions.csv")


@pytest.fixture(scope="module")
def small_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("small-output")
    write_outputs(small_extraction(), out)
    return out


def _oxi_quads(path):
    return {str(q) for q in pyoxigraph.parse(path=str(path), format=OXI[path.name])}


def _rdflib_quads(path):
    ds = rdflib.Dataset()
    ds.parse(path, format=RDF_FILES[path.name])
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        out.add((s, p, o, None if g is None or g == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else g))
    return out


@pytest.mark.parametrize("which", ["small_output", "seed_output"])
def test_rdf_exports_parse_in_both_engines_and_agree(which, request):
    out = request.getfixturevalue(which)
    oxi = {name: _oxi_quads(out / name) for name in RDF_FILES}
    assert oxi["kg.trig"] == oxi["kg.nq"] == oxi["kg.jsonld"] and len(oxi["kg.trig"]) > 100
    lib = {name: _rdflib_quads(out / name) for name in RDF_FILES}
    assert lib["kg.trig"] == lib["kg.nq"] == lib["kg.jsonld"]
    assert len(lib["kg.trig"]) == len(oxi["kg.trig"])
    union = {str(t) for t in pyoxigraph.parse(path=str(out / "kg.ttl"), format=OXI["kg.ttl"])}
    triples = {str(pyoxigraph.Triple(q.subject, q.predicate, q.object))
               for q in pyoxigraph.parse(path=str(out / "kg.nq"), format=OXI["kg.nq"])}
    assert union == triples


def test_trig_has_one_named_graph_per_source(small_output):
    store = pyoxigraph.Store()
    store.load(path=str(small_output / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert sorted(g.value for g in store.named_graphs()) == [
        "https://example.org/kg/graph/a01_geneva", "https://example.org/kg/graph/b02_baku"]


def test_graphml_reads_back_with_every_entity_and_claim(small_output):
    ex = small_extraction()
    G = nx.read_graphml(small_output / "kg.graphml", force_multigraph=True)
    assert set(G.nodes) == {e.id for e in ex.entities}
    assert G.number_of_edges() == len(ex.relations)
    assert G.nodes["russia"]["label"] == "Russia"
    hedged = [d for _, _, d in G.edges(data=True) if d["predicate"] == "negotiates_with"]
    assert hedged and hedged[0]["hedged"] is True and hedged[0]["asserted"] is False


def _rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _networkx_graphml(extraction) -> str:
    """What kg.graphml held when networkx wrote it (kg/exports.py now writes the same text itself)."""
    from kg.exports import _claim_iri
    from kg.iris import IRIs

    iris = IRIs()
    G = nx.MultiDiGraph()
    for e in extraction.entities:
        G.add_node(e.id, label=e.label, type=e.type, kind=e.kind, iri=str(iris.entity(e.id)),
                   wikidata=e.wikidata or "", sources="|".join(e.sources), mentions=len(e.mentions),
                   date=e.date.start if e.date else "")
    for r in extraction.relations:
        p = r.provenance
        G.add_edge(r.subject, r.object, key=_claim_iri(r, iris), label=r.predicate, predicate=r.predicate,
                   source=r.source, asserted=not (r.negated or r.hedged), negated=r.negated, hedged=r.hedged,
                   speaker=r.speaker or "", cue=r.cue or "", confidence=round(p.confidence, 3), rule=p.rule,
                   section=p.section, start=p.start, end=p.end, evidence=p.sentence)
    return "\n".join(nx.generate_graphml(G, named_key_ids=False)) + "\n"


def test_graphml_is_the_text_networkx_writes():
    from dataclasses import replace

    from kg.exports import to_graphml

    ex = small_extraction()
    odd = replace(ex.relations[0], object="not_an_entity", provenance=replace(
        ex.relations[0].provenance, sentence='Tab\there, "quotes" & <tags>, caf\u00e9 \U0001F600, line\rbreak', confidence=1))
    ex = replace(ex, relations=(odd, *reversed(ex.relations)),
                 entities=(replace(ex.entities[0], label="A & B <c> \"d\" \u00e9"), *ex.entities[1:]))
    assert to_graphml(ex) == _networkx_graphml(ex)
    assert to_graphml(small_extraction()) == _networkx_graphml(small_extraction())


def test_csv_tables(small_output):
    ex = small_extraction()
    nodes, edges = _rows(small_output / "csv/nodes.csv"), _rows(small_output / "csv/edges.csv")
    claims, mentions = _rows(small_output / "csv/claims.csv"), _rows(small_output / "csv/mentions.csv")
    assert [n["id"] for n in nodes] == [e.id for e in ex.entities]
    assert len(claims) == len(ex.relations) and len(mentions) == sum(len(e.mentions) for e in ex.entities)
    # edges hold only what a source asserts: the negated and the hedged claims are not edges
    assert {(e["source"], e["predicate"], e["target"]) for e in edges} == {
        (r.subject, r.predicate, r.object) for r in ex.relations if not (r.negated or r.hedged)}
    negated = next(c for c in claims if c["predicate"] == "related_to")
    assert negated["negated"] == "true" and negated["asserted"] == "false"
    body = ex.articles[0].body
    for c in claims:
        if c["article"] == ex.articles[0].id:
            assert body[int(c["start"]):int(c["end"])] == c["evidence"]


def test_outputs_are_byte_identical_across_processes(tmp_path):
    script = ("import sys; from kg.pipeline import write_outputs; from tests.fixtures.small import small_extraction; "
              "write_outputs(small_extraction(), sys.argv[1], base='https://kg.example.com/')")
    for seed, name in ((1, "a"), (2, "b")):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / name)], cwd=ROOT, check=True,
                       env={"PYTHONHASHSEED": str(seed), "PATH": ""})
    for name in ALL_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_seed_build_writes_every_export(seed_output):
    for name in ALL_FILES:
        assert (seed_output / name).stat().st_size > 200, name
    assert len(_rows(seed_output / "csv/claims.csv")) >= 10


def test_a_sentence_that_says_a_thing_and_reports_its_denial_gives_two_claims():
    from dataclasses import replace

    from kg.iris import IRIs
    from kg.rdf import to_quads
    from kg.serialize import to_nquads

    ex = small_extraction()
    plain = next(r for r in ex.relations if r.speaker is None and not r.negated)
    denied = replace(plain, speaker=plain.subject, negated=True, cue="denies")
    iris = IRIs()
    assert iris.claim_of(plain) != iris.claim_of(denied)
    assert iris.claim_of(plain) == iris.claim(plain.source, plain.subject, plain.predicate, plain.object,
                                              plain.provenance.start, plain.provenance.section)
    text = to_nquads(to_quads(replace(ex, relations=[*ex.relations, denied])))
    node = f"<{iris.claim_of(denied)}>"
    assert f'{node} <https://example.org/kg/ontology#negated> "true"' in text
    assert f'<{iris.claim_of(plain)}> <https://example.org/kg/ontology#negated> "false"' in text
