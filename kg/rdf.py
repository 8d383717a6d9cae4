"""The extraction as RDF: one named graph per source, entities and sources in the default graph.

Pattern (see ontology/kg.ttl and the README):

* default graph: articles (schema:NewsArticle, Dublin Core terms), entities (schema/SEM classes,
  SKOS labels, owl:sameAs Wikidata), events with dates;
* ``graph/<source>``: what that source states. A positive, unhedged relation is a plain triple
  ``s kgr:p o`` so simple queries work; every relation (negated and hedged ones too) is also a
  ``kg:Claim`` (an ``rdf:Statement``) with evidence, offsets, speaker, cue, flags, confidence and rule.
  Mentions (``gaf:denotedBy``) live in the graph of the source whose text they are in.

The quads are made once, as N-Quads text (:class:`Quads`), and every RDF output is written from them
(kg/serialize.py): a build makes about a thousand quads per article, and rdflib's ``Dataset`` spent
minutes storing and serializing them. The helpers below add triples as they would to an rdflib graph,
``g.add((node, RDF.type, KG.Claim))``; here ``RDF``, ``KG``, ... give each term as N-Triples text
(``<https://...>``), made once from the rdflib namespaces of kg/vocab.py, and :func:`lit` makes literals.
:func:`to_dataset` still gives an rdflib ``Dataset`` for code that wants one.
"""
from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import XSD as _XSD
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import SKOS as _SKOS

from . import vocab
from .fragments import SourceParts, parts_key, plain_parts, source_parts
from .iris import IRIs
from .model import Entity, Extraction, Mention, Relation


class _Terms:
    """A namespace's terms as N-Triples text: ``_Terms(vocab.KG).Claim == "<https://example.org/kg/ontology#Claim>"``.

    Each term is made once (rdflib's namespaces build a new, validated ``URIRef`` on every access, and
    kg's DefinedNamespace still rejects unknown names); then it is a plain attribute.
    """

    def __init__(self, namespace):
        self._ns = namespace
        self._items: dict[str, str] = {}

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        value = f"<{getattr(self._ns, name)}>"
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> str:
        value = self._items.get(name)
        if value is None:
            value = self._items[name] = f"<{self._ns[name]}>"
        return value


RDF, RDFS, XSD = _Terms(_RDF), _Terms(_RDFS), _Terms(_XSD)
DCTERMS, OWL, PROV, SKOS = _Terms(_DCTERMS), _Terms(_OWL), _Terms(_PROV), _Terms(_SKOS)
GAF, KG, KGE, KGR = _Terms(vocab.GAF), _Terms(vocab.KG), _Terms(vocab.KGE), _Terms(vocab.KGR)
SCHEMA, SEM, TIME = _Terms(vocab.SCHEMA), _Terms(vocab.SEM), _Terms(vocab.TIME)

CLASSES = {
    "Country": (SCHEMA.Country, SEM.Actor),
    "Person": (SCHEMA.Person, SEM.Actor),
    "Organization": (SCHEMA.Organization, SEM.Actor),
    "Group": (KG.Group, SEM.Actor),
    "Place": (SCHEMA.Place, SEM.Place),
    "Event": (SEM.Event, SCHEMA.Event),
}
ROLE_TYPES = {"agent": KG.AgentRole, "patient": KG.PatientRole, "mediator": KG.MediatorRole,
              "facilitator": KG.FacilitatorRole,
              "participant": KG.ParticipantRole}
TIME_UNITS = {"year": TIME.unitYear, "month": TIME.unitMonth, "day": TIME.unitDay}
PREFIXES = {"kg": vocab.KG._NS, "kge": vocab.KGE, "kgr": vocab.KGR, "sem": vocab.SEM, "time": vocab.TIME,
            "gaf": vocab.GAF, "schema": vocab.SCHEMA, "prov": _PROV, "skos": _SKOS, "dcterms": _DCTERMS, "owl": _OWL,
            "wd": "http://www.wikidata.org/entity/"}


def prefixes(iris: IRIs) -> dict[str, str]:
    """Every prefix kg's RDF outputs declare: the vocabularies plus the instance namespaces under the base."""
    out = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    out.update({"rdf": str(_RDF), "rdfs": str(_RDFS), "xsd": str(_XSD)})
    out.update(iris.namespaces())
    return out


# ----- terms as N-Triples text -----

@functools.lru_cache(maxsize=1 << 16)
def _string(value: str) -> str:
    """A string as a quoted N-Triples literal, escaped by pyoxigraph (its canonical form)."""
    import pyoxigraph

    return str(pyoxigraph.Literal(value))


def lit(value: str | int | float | bool, datatype: str | None = None) -> str:
    """A literal as N-Triples text, with the lexical forms rdflib gives the same Python values.

    ``datatype`` is a term of this module (``XSD.decimal``); without it, a ``bool`` is an ``xsd:boolean``,
    an ``int`` an ``xsd:integer`` and a ``str`` a plain string.
    """
    if isinstance(value, bool):
        return f'"{"true" if value else "false"}"^^{datatype or XSD.boolean}'
    if isinstance(value, int):
        return f'"{value}"^^{datatype or XSD.integer}'
    text = _string(str(value))
    return text if datatype is None or datatype == XSD.string else f"{text}^^{datatype}"


def term(node) -> str:
    """N-Triples text of a term: already text (this module's terms), or an rdflib ``URIRef``/``Literal``."""
    if type(node) is str:
        return node
    if type(node) is URIRef or isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        if node.language:
            return f"{_string(str(node))}@{node.language}"
        return lit(str(node), None if node.datatype is None else f"<{node.datatype}>")
    raise TypeError(f"not an RDF term kg writes: {node!r}")


# ----- the dataset -----

class _Graph:
    """One graph of :class:`Quads`; ``add((s, p, o))`` as on an rdflib graph."""

    __slots__ = ("_lines", "_suffix")

    def __init__(self, lines: list[str], suffix: str):
        self._lines = lines
        self._suffix = suffix

    def add(self, triple) -> None:
        s, p, o = triple
        self._lines.append(f"{s if type(s) is str else term(s)} {p if type(p) is str else term(p)} "
                           f"{o if type(o) is str else term(o)}{self._suffix} .\n")


class Quads:
    """A dataset as N-Quads lines (``<s> <p> <o> <g> .\\n``), kept per graph; ``""`` is the default graph.

    Lines may repeat (a date node added by two events); kg/serialize.py writes each quad once, in a
    fixed order, so the outputs are byte-stable. A source's named graph may be *deferred*: made only when its
    lines are first asked for (:meth:`lines`), so that an output spliced from the last build's
    (kg/fragments.py) never makes the graphs it copies. :meth:`key` names what a deferred graph is made from.
    """

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = prefixes
        self.graphs: dict[str, list[str]] = {"": []}
        self._sorted: dict[str, int] = {}  # graph -> its number of lines when last sorted
        self._deferred: dict[str, Callable[[_Graph], None]] = {}  # graph -> what fills it
        self._parts: dict[str, Callable[[], object]] = {}  # graph -> what it is made from, as plain values
        self._keys: dict[str, str] = {}
        self.memo: dict = {}  # text the serializers derive from these quads and share (the default graph's)

    @property
    def default_graph(self) -> _Graph:
        return _Graph(self.graphs[""], "")

    def graph(self, name) -> _Graph:
        """The named graph ``name`` (an IRI as text or ``URIRef``)."""
        key = term(name)
        return _Graph(self.graphs.setdefault(key, []), f" {key}")

    def defer(self, name, fill: Callable[[_Graph], None], parts: Callable[[], object]) -> None:
        """Named graph ``name`` is made by ``fill(graph)`` when first needed; ``parts()``: all it is made from,
        as plain values (tuples, strings, numbers) whose ``repr`` is the graph's :meth:`key`."""
        self._deferred[term(name)] = fill
        self._parts[term(name)] = parts

    def names(self) -> list[str]:
        """Every graph with quads (deferred ones included): the default graph first, then by IRI."""
        named = {g for g, lines in self.graphs.items() if g and lines} | set(self._deferred)
        return ([""] if self.graphs[""] else []) + sorted(named, key=lambda g: g[1:-1])

    def key(self, name: str) -> str:
        """A hash of what named graph ``name`` is made from (its graph IRI, its source's mentions with their
        entity ids, its relations): graphs with the same key have the same quads (kg's code being the same)."""
        found = self._keys.get(name)
        if found is None:
            parts = self._parts[name]() if name in self._parts else tuple(self.lines(name))
            found = self._keys[name] = parts_key(name, parts)
        return found

    def lines(self, name: str) -> list[str]:
        """Graph ``name``'s lines, sorted and distinct (made first if deferred; sorted again only if lines
        were added since)."""
        fill = self._deferred.pop(name, None)
        if fill is not None:
            fill(self.graph(name))
        lines = self.graphs.get(name, [])
        if self._sorted.get(name) != len(lines):
            # sorted in place, then each line once: a graph's lines come in runs (a node's triples together), which
            # the sort keeps; sorting a set's order instead took four times as long
            lines.sort()
            lines[:] = [line for line, _ in itertools.groupby(lines)]
            self._sorted[name] = len(lines)
        return lines

    def make(self, names) -> None:
        """Make (and sort) the deferred graphs ``names`` now: before a fork, so both processes share them."""
        for name in names:
            self.lines(name)

    def sorted_graphs(self) -> list[tuple[str, list[str]]]:
        """``(graph, lines)`` for each graph with quads, in :meth:`names` order, every graph made."""
        return [(name, self.lines(name)) for name in self.names()]

    def __len__(self) -> int:
        return sum(len(lines) for _, lines in self.sorted_graphs())


def _date_literal(value: str) -> str:
    parts = value.split("-")
    datatype = {1: XSD.gYear, 2: XSD.gYearMonth}.get(len(parts), XSD.date)
    return lit(value, datatype=datatype)


def to_quads(extraction: Extraction, *, base: str | None = None, summary: bool = True) -> Quads:
    """Every quad of the extraction (see the module's docstring for the pattern); ``summary``: with the
    build-time aggregates of kg/summary.py."""
    iris = IRIs(base) if base else IRIs()
    ds = Quads(prefixes(iris))
    default = ds.default_graph
    for article in extraction.articles:
        _add_article(default, article, iris)
    for entity in extraction.entities:
        _add_entity(default, entity, iris)
    for parts in source_parts(extraction).values():  # each source's graph made when first needed (kg/fragments.py)
        ds.defer(iris.graph(parts.source), functools.partial(_add_source, parts=parts, iris=iris),
                 functools.partial(plain_parts, parts))
    for group in getattr(extraction, "contested", ()):
        _add_contested(default, group, extraction, iris)
    if summary:
        from .summary import add_summary  # it builds on this module's terms

        add_summary(default, extraction, iris)
    return ds


def _add_source(g, *, parts: SourceParts, iris: IRIs) -> None:
    """A source's named graph: where it comes from, its mentions and its claims."""
    source, mentions, relations = parts
    g.add((iris.graph(source), PROV.wasDerivedFrom, iris.source(source)))
    for entity_id, m in mentions:
        _add_mention(g, entity_id, m, iris)
    for rel in relations:
        _add_claim(g, rel, iris)


def to_dataset(extraction: Extraction, *, base: str | None = None, summary: bool = True) -> Dataset:
    """The same quads as an rdflib ``Dataset`` (slow on large corpora; the outputs do not use it)."""
    from .serialize import to_nquads

    ds = Dataset()
    for prefix, ns in prefixes(IRIs(base) if base else IRIs()).items():
        ds.bind(prefix, ns, override=True, replace=True)
    ds.parse(data=to_nquads(to_quads(extraction, base=base, summary=summary)), format="nquads")
    return ds


def _add_contested(g, group, extraction: Extraction, iris: IRIs) -> None:
    """A contested group in the default graph: its kind, topic, subject and sides (each with its source)."""
    node = iris.contested(group.id)
    g.add((node, RDF.type, KG.ContestedGroup))
    g.add((node, RDFS.label, lit(group.topic)))
    g.add((node, KG.conflictKind, lit(group.kind)))
    g.add((node, KG.about, iris.entity(group.subject)))
    for index, side in enumerate(group.sides):
        snode = iris.side(group.id, index)
        g.add((node, KG.hasSide, snode))
        g.add((snode, RDF.type, KG.ContestedSide))
        g.add((snode, KG.stance, lit(side.stance)))
        g.add((snode, KG.evidence, lit(side.evidence)))
        g.add((snode, PROV.wasDerivedFrom, iris.source(side.source)))
        if side.speaker:
            g.add((snode, KG.speaker, iris.entity(side.speaker)))
        if side.claim is not None:
            rel = extraction.relations[side.claim]
            claim = iris.claim_of(rel)
            g.add((node, KG.hasMember, claim))
            g.add((snode, KG.supportingClaim, claim))


def _add_article(g, article, iris: IRIs) -> None:
    node = iris.source(article.id)
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, DCTERMS.title, lit(article.title)))
    g.add((node, DCTERMS.identifier, lit(article.id)))
    g.add((node, SCHEMA.name, lit(article.file)))
    g.add((node, DCTERMS.language, lit(article.language)))
    if article.author:
        g.add((node, DCTERMS.creator, lit(article.author)))
    if article.publisher:
        g.add((node, DCTERMS.publisher, lit(article.publisher)))
    if article.date:
        g.add((node, DCTERMS.issued, _date_literal(article.date)))
    if article.url:
        g.add((node, SCHEMA.url, lit(article.url, datatype=XSD.anyURI)))
    if article.duplicate_of:
        g.add((node, PROV.wasRevisionOf, iris.source(article.duplicate_of)))


def _add_entity(g, entity: Entity, iris: IRIs) -> None:
    node = iris.entity(entity.id)
    for cls in CLASSES[entity.type]:
        g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, lit(entity.label)))
    g.add((node, SKOS.prefLabel, lit(entity.label)))
    g.add((node, KG.entityType, lit(entity.type)))
    for alias in entity.aliases:
        g.add((node, SKOS.altLabel, lit(alias)))
    if entity.kind:
        g.add((node, KG.kind, lit(entity.kind)))
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
        g.add((node, KG.datePrecision, lit(d.precision)))
        if d.text:
            g.add((node, KG.dateText, lit(d.text)))
    else:
        g.add((node, KG.datePrecision, lit("unknown")))
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
    g.add((node, RDFS.label, lit(value)))
    g.add((node, TIME.unitType, TIME_UNITS[("year", "month", "day")[min(len(parts), 3) - 1]]))
    g.add((node, TIME.year, lit(parts[0], datatype=XSD.gYear)))
    if len(parts) > 1:
        g.add((node, TIME.month, lit(f"--{parts[1]}", datatype=XSD.gMonth)))
    if len(parts) > 2:
        g.add((node, TIME.day, lit(f"---{parts[2]}", datatype=XSD.gDay)))


def _add_mention(g, entity_id: str, m: Mention, iris: IRIs) -> None:
    node = iris.mention(m.source, m.section, m.start, m.end)
    g.add((iris.entity(entity_id), GAF.denotedBy, node))
    g.add((node, RDF.type, KG.Mention))
    g.add((node, KG.anchorOf, lit(m.text)))
    g.add((node, KG.startOffset, lit(m.start)))
    g.add((node, KG.endOffset, lit(m.end)))
    g.add((node, KG.section, lit(m.section)))
    g.add((node, KG.reading, lit(m.reading)))
    if m.ner_label:
        g.add((node, KG.nerLabel, lit(m.ner_label)))
    g.add((node, PROV.wasDerivedFrom, iris.source(m.source)))


def _add_claim(g, rel: Relation, iris: IRIs) -> None:
    p = rel.provenance
    s, o, pred = iris.entity(rel.subject), iris.entity(rel.object), KGR[rel.predicate]
    if not rel.negated and not rel.hedged:
        g.add((s, pred, o))
    node = iris.claim_of(rel)
    g.add((node, RDF.type, KG.Claim))
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, pred))
    g.add((node, RDF.object, o))
    g.add((node, KG.evidence, lit(p.sentence)))
    g.add((node, KG.startOffset, lit(p.start)))
    g.add((node, KG.endOffset, lit(p.end)))
    g.add((node, KG.section, lit(p.section)))
    g.add((node, KG.rule, lit(p.rule)))
    g.add((node, KG.confidence, lit(round(p.confidence, 3), datatype=XSD.decimal)))
    g.add((node, KG.negated, lit(rel.negated)))
    g.add((node, KG.hedged, lit(rel.hedged)))
    g.add((node, KG.statedIn, iris.graph(rel.source)))
    g.add((node, PROV.wasDerivedFrom, iris.source(rel.source)))
    if rel.speaker:
        g.add((node, KG.speaker, iris.entity(rel.speaker)))
        g.add((node, PROV.wasAttributedTo, iris.entity(rel.speaker)))
    if rel.cue:
        g.add((node, KG.cue, lit(rel.cue)))
    if rel.verb:
        g.add((node, KG.verb, lit(rel.verb)))
