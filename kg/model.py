"""Typed records that flow through kg's pipeline.

Every record is a frozen, slotted dataclass; collections are tuples, so records are hashable,
comparable and safe to share between stages. Stages never pass dicts around.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields

def _record(cls):
    """A frozen, slotted dataclass that pickles as ``(cls, field values)``, so unpickling calls its constructor.

    The ``__setstate__`` dataclasses generate for frozen slotted classes looks their fields up again for
    every record, and an incremental build unpickles ~100,000 cached records (kg/cache.py).
    """
    cls = dataclass(frozen=True, slots=True)(cls)
    values = operator.attrgetter(*(f.name for f in fields(cls)))
    if len(fields(cls)) == 1:
        cls.__reduce__ = lambda self: (cls, (values(self),))
    else:
        cls.__reduce__ = lambda self: (cls, values(self))
    return cls


#: The six coarse entity types of the export (kg's ontology may be finer).
ENTITY_TYPES = ("Country", "Person", "Organization", "Group", "Place", "Event")


@_record
class Article:
    """One source document. ``body`` is the text after any front matter; offsets count from its start."""

    id: str
    file: str
    title: str
    body: str
    author: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO 8601, as precise as known
    url: str | None = None
    language: str = "en"
    duplicate_of: str | None = None
    #: (start, end) spans of ``body`` judged to be page furniture (navigation, footers, credits, ...)
    furniture: tuple[tuple[int, int], ...] = ()

    @property
    def content(self) -> str:
        """``body`` with page furniture blanked to spaces: same length, so offsets stay valid."""
        if not self.furniture:
            return self.body
        chars = list(self.body)
        for start, end in self.furniture:
            for i in range(start, end):
                if chars[i] not in "\n":
                    chars[i] = " "
        return "".join(chars)


@_record
class Provenance:
    """Where a statement comes from: the source, the sentence, and how kg read it."""

    source: str  # Article.id
    sentence: str
    start: int  # character offsets of the sentence in the article body (or title)
    end: int
    rule: str
    confidence: float
    section: str = "body"  # "body" or "title"


@_record
class Mention:
    """One place where the text names an entity."""

    entity: str  # Entity.id
    text: str
    start: int
    end: int
    source: str
    section: str = "body"
    #: how the name was read: "name", "alias", "metonym" (Moscow for Russia), "demonym" (Russian ...)
    reading: str = "name"
    ner_label: str = ""

    def of(self, entity: str) -> Mention:
        """This mention as one of ``entity`` (``dataclasses.replace`` is ~5x slower, on 70,000 mentions)."""
        return Mention(entity, self.text, self.start, self.end, self.source, self.section, self.reading, self.ner_label)


@_record
class DateValue:
    """A normalized date: ``start`` is ISO at the given precision (``2023``, ``2023-09``, ``2023-09-19``)."""

    start: str
    precision: str  # "year", "month", "day"
    end: str | None = None
    text: str = ""


@_record
class Participant:
    entity: str
    role: str  # "agent", "patient", "mediator", "participant"


@_record
class EventFact:
    """What one event mention's sentence says about the event (participants as provisional keys)."""

    event_type: str
    date: DateValue | None = None
    participants: tuple[Participant, ...] = ()
    place: str | None = None
    trigger: str = ""  # the phrase that names the event ("a large military attack")
    evidence: str = ""  # the sentence
    same_as: str | None = None  # a named event (gazetteer id) the phrase names ("the 40-day war"), or the
    # provisional key of the event mention a "when" clause elaborates ("the 2022 escalation, when X attacked Y")
    spans: tuple[str, ...] = ()  # the text spans that denote the event, as written ("a meeting in Sofia")
    topics: tuple[str, ...] = ()  # lemmas of the nouns that say what the event is about ("border" in "border clashes")
    clause: bool = False  # ``trigger`` is a verb's clause ("the ministers convened in Moscow"), not a noun phrase
    named: str = ""  # a verb's event as a noun phrase, from its object ("attacked a base" -> "attack on a base")


@_record
class Entity:
    """A canonical entity: one node, however many names the sources give it."""

    id: str
    type: str  # one of ENTITY_TYPES
    label: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    kind: str = ""  # finer type, e.g. "City", "Ministry", "ArmedForces"
    mentions: tuple[Mention, ...] = ()
    part_of: str | None = None  # e.g. Russian peacekeepers -> russia
    # events only
    event_type: str | None = None
    date: DateValue | None = None
    participants: tuple[Participant, ...] = ()
    place: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({m.source for m in self.mentions}))


@_record
class Relation:
    """A statement ``subject predicate object`` as one source makes it (a claim, not a fact)."""

    subject: str  # Entity.id
    predicate: str
    object: str
    provenance: Provenance
    speaker: str | None = None  # Entity.id of the person/body whose words are reported; None = the source's own voice
    cue: str | None = None  # reporting verb ("said", "accused", ...)
    negated: bool = False
    hedged: bool = False
    verb: str = ""  # the word the predicate was read from

    @property
    def source(self) -> str:
        return self.provenance.source

    def between(self, subject: str, obj: str, speaker: str | None) -> Relation:
        """This claim with its ends and speaker resolved (``dataclasses.replace`` is ~5x slower)."""
        return Relation(subject, self.predicate, obj, self.provenance, speaker, self.cue, self.negated, self.hedged,
                        self.verb)


@_record
class Side:
    """One side of a contested group: what one source (or speaker) says."""

    stance: str
    source: str
    evidence: str
    speaker: str | None = None
    claim: int | None = None  # index into Extraction.relations, when the side is a relation


@_record
class Contested:
    """Claims from different sources that conflict; kg never decides who is right."""

    id: str
    kind: str  # "polarity", "denial", "exclusive", "blame", "role", "date", "number", "framing"
    topic: str
    subject: str  # the entity the conflict is about
    sides: tuple[Side, ...] = ()

    @property
    def members(self) -> tuple[int, ...]:
        return tuple(s.claim for s in self.sides if s.claim is not None)


@_record
class Extraction:
    """Everything one build produced, in a deterministic order."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    model: str = ""
    contested: tuple[Contested, ...] = ()
    stats: dict = field(default_factory=dict, compare=False, hash=False)

    def entity(self, entity_id: str) -> Entity:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)
