"""The extraction as RDF: one named graph per source, entities and sources in the default graph.

Pattern (see ontology/kg.ttl and the README):

* default graph: articles (schema:NewsArticle, Dublin Core terms), entities (schema/SEM classes,
  SKOS labels, owl:sameAs Wikidata), events with dates;
* ``graph/<source>``: what that source states. A positive, unhedged relation is a plain triple
  ``s kgr:p o`` so simple queries work; every relation (negated and hedged ones too) is also a
  ``kg:Claim`` (an ``rdf:Statement``) with evidence, offsets, speaker, cue, flags, confidence and rule.
  Mentions (``gaf:denotedBy``) live in the graph of the source whose text they are in.
"""
from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Literal
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from .iris import IRIs
from .model import Entity, Extraction, Relation
from .summary import add_summary
from .vocab import GAF, KG, KGE, KGR, SCHEMA, SEM, TIME

CLASSES = {
    "Country": (SCHEMA.Country, SEM.Actor),
    "Person": (SCHEMA.Person, SEM.Actor),
    "Organization": (SCHEMA.Organization, SEM.Actor),
    "Group": (KG.Group, SEM.Actor),
    "Place": (SCHEMA.Place, SEM.Place),
    "Event": (SEM.Event, SCHEMA.Event),
}
ROLE_TYPES = {"agent": KG.AgentRole, "patient": KG.PatientRole, "mediator": KG.MediatorRole,
              "participant": KG.ParticipantRole}
TIME_UNITS = {"year": TIME.unitYear, "month": TIME.unitMonth, "day": TIME.unitDay}
PREFIXES = {"kg": KG._NS, "kge": KGE._NS, "kgr": KGR, "sem": SEM, "time": TIME, "gaf": GAF, "schema": SCHEMA, "prov": PROV, "skos": SKOS,
            "dcterms": DCTERMS, "owl": OWL, "wd": "http://www.wikidata.org/entity/"}


def _date_literal(value: str) -> Literal:
    parts = value.split("-")
    datatype = {1: XSD.gYear, 2: XSD.gYearMonth}.get(len(parts), XSD.date)
    return Literal(value, datatype=datatype)


def prefixes(iris: IRIs) -> dict[str, str]:
    """Every prefix kg's RDF outputs declare: the vocabularies plus the instance namespaces under the base."""
    out = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    out.update({"rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)})
    out.update(iris.namespaces())
    return out


def to_dataset(extraction: Extraction, *, base: str | None = None, summary: bool = True) -> Dataset:
    """The extraction as an RDF dataset; ``summary``: add the build-time aggregates (kg/summary.py)."""
    iris = IRIs(base) if base else IRIs()
    ds = Dataset()
    for prefix, ns in prefixes(iris).items():
        ds.bind(prefix, ns, override=True, replace=True)
    default = ds.default_graph
    for article in extraction.articles:
        _add_article(default, article, iris)
    for entity in extraction.entities:
        _add_entity(default, entity, iris)
    graphs = {a.id: ds.graph(iris.graph(a.id)) for a in extraction.articles}
    for article in extraction.articles:
        g = graphs[article.id]
        g.add((iris.graph(article.id), PROV.wasDerivedFrom, iris.source(article.id)))
    for entity in extraction.entities:
        for m in entity.mentions:
            _add_mention(graphs[m.source], entity, m, iris)
    for rel in extraction.relations:
        _add_claim(graphs[rel.source], rel, iris)
    for group in getattr(extraction, "contested", ()):
        _add_contested(default, group, extraction, iris)
    if summary:
        add_summary(default, extraction, iris)
    return ds


def _add_contested(g, group, extraction: Extraction, iris: IRIs) -> None:
    """A contested group in the default graph: its kind, topic, subject and sides (each with its source)."""
    node = iris.contested(group.id)
    g.add((node, RDF.type, KG.ContestedGroup))
    g.add((node, RDFS.label, Literal(group.topic)))
    g.add((node, KG.conflictKind, Literal(group.kind)))
    g.add((node, KG.about, iris.entity(group.subject)))
    for index, side in enumerate(group.sides):
        snode = iris.side(group.id, index)
        g.add((node, KG.hasSide, snode))
        g.add((snode, RDF.type, KG.ContestedSide))
        g.add((snode, KG.stance, Literal(side.stance)))
        g.add((snode, KG.evidence, Literal(side.evidence)))
        g.add((snode, PROV.wasDerivedFrom, iris.source(side.source)))
        if side.speaker:
            g.add((snode, KG.speaker, iris.entity(side.speaker)))
        if side.claim is not None:
            rel = extraction.relations[side.claim]
            claim = iris.claim(rel.source, rel.subject, rel.predicate, rel.object, rel.provenance.start,
                               rel.provenance.section)
            g.add((node, KG.hasMember, claim))
            g.add((snode, KG.supportingClaim, claim))


def _add_article(g, article, iris: IRIs) -> None:
    node = iris.source(article.id)
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, DCTERMS.title, Literal(article.title)))
    g.add((node, DCTERMS.identifier, Literal(article.id)))
    g.add((node, SCHEMA.name, Literal(article.file)))
    g.add((node, DCTERMS.language, Literal(article.language)))
    if article.author:
        g.add((node, DCTERMS.creator, Literal(article.author)))
    if article.publisher:
        g.add((node, DCTERMS.publisher, Literal(article.publisher)))
    if article.date:
        g.add((node, DCTERMS.issued, _date_literal(article.date)))
    if article.url:
        g.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.duplicate_of:
        g.add((node, PROV.wasRevisionOf, iris.source(article.duplicate_of)))


def _add_entity(g, entity: Entity, iris: IRIs) -> None:
    node = iris.entity(entity.id)
    for cls in CLASSES[entity.type]:
        g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(entity.label)))
    g.add((node, SKOS.prefLabel, Literal(entity.label)))
    g.add((node, KG.entityType, Literal(entity.type)))
    for alias in entity.aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))
    if entity.kind:
        g.add((node, KG.kind, Literal(entity.kind)))
    if entity.wikidata:
        g.add((node, OWL.sameAs, iris.wikidata(entity.wikidata)))
    if entity.part_of:
        g.add((node, KG.partOf, iris.entity(entity.part_of)))
    for source in entity.sources:
        g.add((node, KG.mentionedIn, iris.source(source)))
    if entity.type == "Event":
        _add_event_facts(g, node, entity, iris)


def _add_event_facts(g, node, entity: Entity, iris: IRIs) -> None:
    if entity.event_type:  # a concept of the event scheme (ontology/events.yaml)
        g.add((node, KG.eventType, KGE[entity.event_type]))
    if entity.date:
        d = entity.date
        g.add((node, SEM.hasTime, iris.date(d.start)))
        _add_date_node(g, d.start, iris)
        g.add((node, SEM.hasBeginTimeStamp, _date_literal(d.start)))
        g.add((node, SEM.hasEndTimeStamp, _date_literal(d.end or d.start)))
        g.add((node, KG.datePrecision, Literal(d.precision)))
        if d.text:
            g.add((node, KG.dateText, Literal(d.text)))
    else:
        g.add((node, KG.datePrecision, Literal("unknown")))
    if entity.place:
        g.add((node, SEM.hasPlace, iris.entity(entity.place)))
    for p in entity.participants:
        role = iris.participation(entity.id, p.entity, p.role)
        g.add((node, SEM.hasActor, iris.entity(p.entity)))
        g.add((node, SEM.hasActor, role))
        g.add((role, RDF.type, SEM.Role))
        g.add((role, RDF.value, iris.entity(p.entity)))
        g.add((role, SEM.roleType, ROLE_TYPES.get(p.role, KG.ParticipantRole)))


def _add_date_node(g, value: str, iris: IRIs) -> None:
    """An OWL-Time date description (``time:year``/``month``/``day``) as SEM time, minted from its value."""
    node = iris.date(value)
    parts = value.split("-")
    g.add((node, RDF.type, SEM.Time))
    g.add((node, RDF.type, TIME.DateTimeDescription))
    g.add((node, RDFS.label, Literal(value)))
    g.add((node, TIME.unitType, TIME_UNITS[("year", "month", "day")[min(len(parts), 3) - 1]]))
    g.add((node, TIME.year, Literal(parts[0], datatype=XSD.gYear)))
    if len(parts) > 1:
        g.add((node, TIME.month, Literal(f"--{parts[1]}", datatype=XSD.gMonth)))
    if len(parts) > 2:
        g.add((node, TIME.day, Literal(f"---{parts[2]}", datatype=XSD.gDay)))


def _add_mention(g, entity: Entity, m, iris: IRIs) -> None:
    node = iris.mention(m.source, m.section, m.start, m.end)
    g.add((iris.entity(entity.id), GAF.denotedBy, node))
    g.add((node, RDF.type, KG.Mention))
    g.add((node, KG.anchorOf, Literal(m.text)))
    g.add((node, KG.startOffset, Literal(m.start)))
    g.add((node, KG.endOffset, Literal(m.end)))
    g.add((node, KG.section, Literal(m.section)))
    g.add((node, KG.reading, Literal(m.reading)))
    if m.ner_label:
        g.add((node, KG.nerLabel, Literal(m.ner_label)))
    g.add((node, PROV.wasDerivedFrom, iris.source(m.source)))


def _add_claim(g, rel: Relation, iris: IRIs) -> None:
    p = rel.provenance
    s, o, pred = iris.entity(rel.subject), iris.entity(rel.object), KGR[rel.predicate]
    if not rel.negated and not rel.hedged:
        g.add((s, pred, o))
    node = iris.claim(rel.source, rel.subject, rel.predicate, rel.object, p.start, p.section)
    g.add((node, RDF.type, KG.Claim))
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, pred))
    g.add((node, RDF.object, o))
    g.add((node, KG.evidence, Literal(p.sentence)))
    g.add((node, KG.startOffset, Literal(p.start)))
    g.add((node, KG.endOffset, Literal(p.end)))
    g.add((node, KG.section, Literal(p.section)))
    g.add((node, KG.rule, Literal(p.rule)))
    g.add((node, KG.confidence, Literal(round(p.confidence, 3), datatype=XSD.decimal)))
    g.add((node, KG.negated, Literal(rel.negated)))
    g.add((node, KG.hedged, Literal(rel.hedged)))
    g.add((node, KG.statedIn, iris.graph(rel.source)))
    g.add((node, PROV.wasDerivedFrom, iris.source(rel.source)))
    if rel.speaker:
        g.add((node, KG.speaker, iris.entity(rel.speaker)))
        g.add((node, PROV.wasAttributedTo, iris.entity(rel.speaker)))
    if rel.cue:
        g.add((node, KG.cue, Literal(rel.cue)))
    if rel.verb:
        g.add((node, KG.verb, Literal(rel.verb)))
