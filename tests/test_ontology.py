"""ontology/kg.ttl, the code's vocabulary (kg/vocab.py) and ontology/predicates.yaml agree both ways."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from kg.ontology import expected_blocks, generated_block, load_event_scheme, load_ontology, ontology_file
from kg.vocab import KG, KGE, KGR, defined_terms


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _terms_in(graph, ns: str) -> set[str]:
    return {str(s)[len(ns):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ns)
            and "/" not in str(s)[len(ns):]}


def test_code_and_ontology_define_the_same_terms(onto):
    in_code = set(defined_terms(KG))
    in_ttl = _terms_in(onto, str(KG._NS))
    assert in_code - in_ttl == set(), "defined in kg/vocab.py but not in ontology/kg.ttl"
    assert in_ttl - in_code == set(), "defined in ontology/kg.ttl but not in kg/vocab.py"


def test_relation_scheme_matches_predicates_yaml(onto, predicates):
    in_ttl = _terms_in(onto, str(KGR))
    assert in_ttl == set(predicates.by_name)
    for name, pred in predicates.by_name.items():
        term = KGR[name]
        assert (term, RDF.type, OWL.ObjectProperty) in onto
        assert (term, RDF.type, KG.RelationType) in onto
        assert (term, SKOS.inScheme, KG.relationScheme) in onto
        assert onto.value(term, SKOS.definition) == Literal(pred.definition, lang="en"), name
        assert onto.value(term, KG.category) == Literal(pred.category), name
        assert ((term, RDF.type, OWL.SymmetricProperty) in onto) == pred.symmetric, name


def test_event_scheme_matches_events_yaml(onto):
    scheme = load_event_scheme(ontology_file("events.yaml"))
    assert _terms_in(onto, str(KGE)) == set(scheme)
    for name, raw in scheme.items():
        assert (KGE[name], RDF.type, KG.EventType) in onto
        assert (KGE[name], SKOS.inScheme, KG.eventScheme) in onto
        assert onto.value(KGE[name], SKOS.definition) == Literal(raw["definition"], lang="en"), name


@pytest.mark.parametrize("block", ["relation scheme", "event scheme"])
def test_generated_blocks_are_up_to_date(block):
    expected = expected_blocks(ontology_file("kg.ttl").parent)[block]
    assert generated_block(ontology_file("kg.ttl"), block) == expected, \
        "ontology/kg.ttl is stale: run `python -m kg.ontology`"


def test_every_kg_term_has_a_label_and_a_definition(onto):
    for ns in (str(KG._NS), str(KGE._NS), str(KGR)):
        for name in _terms_in(onto, ns):
            term = URIRef(ns + name)
            assert onto.value(term, RDFS.label) is not None, term
            assert onto.value(term, SKOS.definition) is not None, term


def test_export_uses_only_terms_the_ontology_defines(onto, seed_output):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.bulk_load(path=str(seed_output / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    used = set()
    for quad in store:
        for term in (quad.predicate, quad.object):
            if isinstance(term, pyoxigraph.NamedNode):
                used.add(term.value)
    own = {u for u in used if u.startswith(("https://example.org/kg/ontology#", "https://example.org/kg/ontology/"))}
    defined = {str(s) for s in onto.subjects()}
    assert own and own <= defined, own - defined
