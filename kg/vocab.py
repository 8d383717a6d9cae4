"""kg's own RDF terms, defined once. ``ontology/kg.ttl`` documents them; a test keeps the two in step."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
#: relation predicates (``kgr:attacks``): one per entry of ontology/predicates.yaml
KGR = Namespace("https://example.org/kg/ontology/relation#")


class KG(DefinedNamespace):
    """Classes and properties of the kg ontology (``ontology/kg.ttl``)."""

    _fail = True
    _NS = Namespace("https://example.org/kg/ontology#")

    # classes
    Claim: URIRef  # a statement as one source makes it (an rdf:Statement with provenance)
    Mention: URIRef  # a span of an article's text that names an entity
    Group: URIRef  # a group of people acting together (Karabakh Armenians, Russian peacekeepers)
    ContestedGroup: URIRef  # claims from different sources that conflict
    EventType: URIRef  # a concept of the event scheme
    RelationType: URIRef  # a concept of the relation scheme

    # claim properties
    evidence: URIRef  # the sentence the claim is read from
    startOffset: URIRef  # character offset where the evidence starts in the article body
    endOffset: URIRef  # character offset where the evidence ends
    section: URIRef  # "title" or "body"
    speaker: URIRef  # whose words the claim reports (none: the source's own voice)
    cue: URIRef  # the reporting verb ("said", "accused")
    verb: URIRef  # the word the predicate was read from
    negated: URIRef  # the source says the relation does not hold
    hedged: URIRef  # the source asserts it with hedging
    confidence: URIRef  # kg's confidence in the reading, 0..1
    rule: URIRef  # the extraction rule that produced it
    statedIn: URIRef  # the named graph (source) the claim belongs to

    # mention properties
    anchorOf: URIRef  # the mention's text
    reading: URIRef  # name, alias, metonym or demonym
    nerLabel: URIRef  # the spaCy label the mention had

    # entity / event properties
    entityType: URIRef  # one of the six coarse types, as a literal
    kind: URIRef  # a finer type (City, Ministry, ArmedForces ...)
    mentionedIn: URIRef  # an article whose text mentions the entity
    partOf: URIRef  # a body that is part of a state (Russian peacekeepers -> Russia)
    eventType: URIRef  # the event's concept in the event scheme
    datePrecision: URIRef  # year, month or day
    dateText: URIRef  # the words the date was read from
