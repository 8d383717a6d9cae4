"""kg's own RDF terms, defined once. ``ontology/kg.ttl`` documents them; a test keeps the two in step.

``KG`` holds the classes and properties. The relation predicates (``KGR``) are one per entry of
``ontology/predicates.yaml`` and the event types (``KGE``) one per entry of ``ontology/events.yaml``; their
SKOS schemes in ``ontology/kg.ttl`` are generated from those files (``python -m kg.ontology``).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")
#: relation predicates (``kgr:attacks``): one per entry of ontology/predicates.yaml
KGR = Namespace("https://example.org/kg/ontology/relation#")
#: event types (``kge:Attack``): one per entry of ontology/events.yaml
KGE = Namespace("https://example.org/kg/ontology/event#")
#: the ontology document itself
ONTOLOGY_IRI = URIRef("https://example.org/kg/ontology")


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

    # role types (sem:RoleType individuals) of an event's participants
    AgentRole: URIRef  # the participant who acts
    PatientRole: URIRef  # the participant acted upon
    MediatorRole: URIRef  # a third party that mediates
    FacilitatorRole: URIRef  # a participant that made the event possible ("facilitated by X")
    ParticipantRole: URIRef  # a participant whose part is not known more precisely

    # concept schemes
    eventScheme: URIRef  # the SKOS scheme of event types
    relationScheme: URIRef  # the SKOS scheme of relation predicates

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

    # contested groups
    hasMember: URIRef  # a claim that belongs to a contested group
    conflictKind: URIRef  # how the members conflict ("polarity", "denial", "exclusive", "blame", "role", "date", "number", "framing")
    ContestedSide: URIRef  # one side of a contested group: what one source (or speaker) says
    hasSide: URIRef  # a side of a contested group
    stance: URIRef  # what a side says, in a few words
    about: URIRef  # the entity a contested group is about
    supportingClaim: URIRef  # the claim a side rests on, when it is a relation

    # relation scheme
    category: URIRef  # the PLOVER/CAMEO-style category of a relation predicate or event type
    cameoCode: URIRef  # the CAMEO root code of an event type

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
    datePrecision: URIRef  # year, month, day, or unknown
    dateText: URIRef  # the words the date was read from

    # build-time aggregates (kg/summary.py), in the default graph
    Statement: URIRef  # a (subject, predicate, object, negated) statement across sources, with its claims
    Page: URIRef  # a page of a named query's precomputed answer
    sourceCount: URIRef  # how many articles mention an entity / make a statement
    outletCount: URIRef  # how many independent outlets make a statement (reposts folded in)
    mentionCount: URIRef  # how many mentions an entity has
    hasClaim: URIRef  # a claim that makes a statement
    rank: URIRef  # position of a node in the order its named query lists it (1 = first)
    listing: URIRef  # the named query a page belongs to
    pageNumber: URIRef  # the page's number in its listing (1 = first)
    pageItem: URIRef  # a node listed on a page
    pageOf: URIRef  # the entity an ``about`` page lists claims about


def defined_terms(namespace) -> list[str]:
    """The local names a DefinedNamespace declares, in declaration order."""
    return [name for name in namespace.__annotations__ if not name.startswith("_")]
