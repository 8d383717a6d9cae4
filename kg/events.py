"""Events: trigger nouns, what each event mention's sentence says (type, date, participants, place),
and the grouping of event mentions into event instances across articles.

* Named events come from the gazetteer and the NER (``EVENT``); events signalled by a trigger noun of the
  event scheme (``ontology/events.yaml``: attack, ceasefire, talks, exodus, ...) become events when the
  text anchors them with a participant, a place or a date.
* Dates are normalized against the article's publication date ("on Tuesday" -> 2023-09-19).
* Instances: a trigger mention joins a named event of the same type whose known dates contain its date;
  otherwise mentions of one type on the same day, or with the same participants in the same year, are one
  event; everything else stays its own event.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .dates import find_dates, parse_anchor
from .errors import OntologyError
from .gazetteer import Gazetteer, slug
from .model import DateValue, Entity, EventFact, Mention, Participant
from .syntax import Context, noun_arguments, verb_arguments

TRIGGER = "Trig:"  # prefix of provisional keys of trigger-noun event mentions
KIND_TYPES = {"Conflict": "War"}  # curated event kinds that are named differently in the event scheme


@dataclass
class EventTypes:
    types: dict[str, dict] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)  # "attack" / "ethnic cleansing" -> type
    verbs: dict[str, str] = field(default_factory=dict)  # "convene" -> Meeting
    symmetric: set[str] = field(default_factory=set)  # types whose parties' roles do not matter


def load_event_types(path: Path) -> EventTypes:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise OntologyError(f"{path}: cannot read the event scheme: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("event_types"), dict):
        raise OntologyError(f"{path}: expected a mapping with 'event_types'")
    out = EventTypes()
    for name, raw in data["event_types"].items():
        if not isinstance(raw, dict) or "definition" not in raw:
            raise OntologyError(f"{path}: event type {name!r} needs a definition")
        out.types[name] = raw
        for trigger in raw.get("triggers", ()):
            out.triggers.setdefault(str(trigger).lower(), name)
        for verb in raw.get("verbs", ()):
            out.verbs.setdefault(str(verb).lower(), name)
        if raw.get("symmetric"):
            out.symmetric.add(name)
    return out


def is_event_key(key: str, gaz: Gazetteer) -> bool:
    if key.startswith(("Event:", TRIGGER)):
        return True
    entry = gaz.entries.get(key)
    return entry is not None and entry.type == "Event"


def _trigger_type(tok, event_types: EventTypes) -> str | None:
    if tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass", "amod"):
        return event_types.verbs.get(tok.lemma_.lower())
    if tok.pos_ != "NOUN":
        return None
    mods = [c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound")]
    for mod in mods:
        found = event_types.triggers.get(f"{mod} {tok.lower_}")
        if found:
            return found
    return event_types.triggers.get(tok.lower_) or event_types.triggers.get(tok.lemma_.lower())


_MODIFIERS = ("amod", "compound", "nummod", "npadvmod", "quantmod", "nmod", "poss", "case")
_COMPLEMENT_PREPS = ("of", "on", "against", "from", "between", "with", "over")


def _phrase_tokens(tok, depth: int = 0) -> list:
    """A noun with its modifiers and its of/on/against/from complements ("exodus of Armenians from X")."""
    toks = [tok]
    for child in tok.lefts:
        if child.dep_ in _MODIFIERS:
            toks.extend(t for t in child.subtree)
    if depth < 2:
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in _COMPLEMENT_PREPS:
                objs = [g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
                if objs:
                    toks.append(prep)
                    toks.extend(_phrase_tokens(objs[0], depth + 1))
                    if prep.lower_ == "between":  # "talks between X and Y"
                        toks.extend(t for c in objs[0].children if c.dep_ in ("cc", "conj") for t in c.subtree)
    return toks


def _phrase(tok, *, full: bool = True) -> tuple[int, int]:
    """Character span naming an event: its trigger noun, modifiers and (``full``) complements, no determiner."""
    toks = _phrase_tokens(tok) if full else [tok] + [t for c in tok.lefts if c.dep_ in _MODIFIERS for t in c.subtree]
    first, last = min(t.i for t in toks), max(t.i for t in toks)
    doc = tok.doc
    while first < tok.i and (doc[first].is_punct or doc[first].dep_ == "det" or doc[first].is_space):
        first += 1
    while last > tok.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _clause(verb) -> tuple[int, int]:
    """Character span of an event verb's clause core: subject, verb, objects and place ("ministers ... convened in Moscow")."""
    toks = [verb]
    for child in verb.children:
        dated = child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children)
        if not dated and (child.dep_ in ("nsubj", "nsubjpass", "dobj", "prt", "neg") or (
                child.dep_ == "prep" and child.lower_ in ("in", "at", "with", "against", "on", "between"))):
            toks.extend(child.subtree)
    first, last = min(t.i for t in toks), max(t.i for t in toks)
    doc = verb.doc
    if last - first > 18:
        return verb.idx, verb.idx + len(verb.text)
    while first < verb.i and (doc[first].is_punct or doc[first].dep_ == "det"):
        first += 1
    while last > verb.i and doc[last].is_punct:
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def find_event_mentions(doc, mentions: list[Mention], *, source: str, section: str,
                        event_types: EventTypes) -> list[Mention]:
    """Trigger nouns that are not already inside a named mention, as event mentions."""
    taken = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            taken.update(t.i for t in span)
    found = []
    for tok in doc:
        if tok.i in taken:
            continue
        etype = _trigger_type(tok, event_types)
        if etype is None:
            continue
        start, end = _phrase(tok, full=False) if tok.pos_ == "NOUN" else (tok.idx, tok.idx + len(tok.text))
        if any(i in taken for i in range(doc.char_span(start, end, alignment_mode="expand").start, tok.i + 1)):
            start, end = tok.idx, tok.idx + len(tok.text)
        found.append(Mention(entity=f"{TRIGGER}{etype}:{source}:{section}:{start}", text=doc.text[start:end],
                             start=start, end=end, source=source, section=section, reading="trigger",
                             ner_label="EVENT"))
    return found


def event_facts(doc, mentions: list[Mention], *, anchor: str | None, gaz: Gazetteer, event_types: EventTypes,
                is_person=None, state_of=None) -> dict[tuple[str, str, int], EventFact]:
    """(source, section, mention start) -> what the mention's sentence says about that event."""
    anchor_date = parse_anchor(anchor)
    ctx = Context(doc, mentions, is_person or (lambda k: False), state_of or (lambda k: None))
    out = {}
    for m in mentions:
        if not is_event_key(m.entity, gaz):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        etype = _mention_type(m, root, gaz, event_types)
        if root.pos_ == "VERB":
            agents, patients, places = verb_arguments(root, ctx)
        else:
            agents, patients, places, _ = noun_arguments(root, ctx)
        own = {m.entity}
        participants = tuple(dict.fromkeys(
            [Participant(k, "agent") for k in ctx.entities(agents) if k not in own]
            + [Participant(k, "patient") for k in ctx.entities(patients) if k not in own]))
        place = next((k for k in ctx.entities(places) if k not in own and _is_place(k, gaz)), None)
        date = _date_near(span, m, anchor_date)
        same_as = _named_event(m.text, etype, gaz) if m.entity.startswith(TRIGGER) else None
        if m.entity.startswith(TRIGGER) and not (participants or place or date or same_as):
            continue  # an unanchored trigger ("war is never the answer") is not an event
        phrase = m.text
        if m.entity.startswith(TRIGGER) and root.pos_ == "VERB":
            start, end = _clause(root)
            phrase = doc.text[start:end]
        elif m.entity.startswith(TRIGGER):
            start, end = _phrase(root)
            phrase = doc.text[start:end] if start <= m.start and end >= m.end and "\n" not in doc.text[start:end] else m.text
            phrase = re.sub(r"\s+", " ", re.sub(r"[“”\"«»]", "", phrase)).strip()
        out[(m.source, m.section, m.start)] = EventFact(event_type=etype, date=date, participants=participants,
                                                        place=place, trigger=phrase, evidence=span.sent.text.strip(),
                                                        same_as=same_as)
    return out


NAMED_EVENT_SIMILARITY = 85


def _named_event(phrase: str, etype: str, gaz: Gazetteer) -> str | None:
    """A known event of the same type one of whose names is near-identical to a modified trigger phrase
    ("40-day war" ~ "44-day war"); a bare trigger ("war") names nothing in particular."""
    from rapidfuzz import fuzz

    if len(phrase.split()) < 2:
        return None
    best = (0.0, None)
    for entry in gaz.entries.values():
        if entry.type != "Event" or not entry.curated or KIND_TYPES.get(entry.kind, entry.kind) != etype:
            continue
        for name in entry.names:
            score = fuzz.ratio(phrase.lower(), name.lower())
            if score > best[0]:
                best = (score, entry.id)
    return best[1] if best[0] >= NAMED_EVENT_SIMILARITY else None


def _is_place(key: str, gaz: Gazetteer) -> bool:
    entry = gaz.entries.get(key)
    return key.startswith("Place:") or (entry is not None and entry.type in ("Place", "Country"))


def _mention_type(m: Mention, root, gaz: Gazetteer, event_types: EventTypes) -> str:
    if m.entity.startswith(TRIGGER):
        return m.entity[len(TRIGGER):].split(":", 1)[0]
    entry = gaz.entries.get(m.entity)
    if entry is not None and entry.kind:
        kind = KIND_TYPES.get(entry.kind, entry.kind)
        if kind in event_types.types:
            return kind
    return _trigger_type(root, event_types) or "Event"


def _date_near(span, m: Mention, anchor_date) -> DateValue | None:
    """A date inside the mention ("the 2020 war") wins; else the nearest date expression in its sentence."""
    sent = span.sent
    found = find_dates(sent.text, anchor_date)
    if not found:
        return None
    rel = m.start - sent.start_char
    inside = [f for f in found if rel <= f[0] < rel + (m.end - m.start)]
    if inside:
        return inside[0][2]
    return min(found, key=lambda f: min(abs(f[0] - rel), abs(f[1] - rel)))[2]


# --- instances across articles ---------------------------------------------------------------------


def _within(date: DateValue, span: tuple[str, str]) -> bool:
    """Does a date (any precision) fall inside a (start, end) range, compared at the coarser precision?"""
    d, (start, end) = date.start, span
    m1, m2 = min(len(d), len(start)), min(len(d), len(end))
    return d[:m1] >= start[:m1] and d[:m2] <= end[:m2]


@dataclass
class _Group:
    etype: str
    agents: set = field(default_factory=set)
    patients: set = field(default_factory=set)
    places: set = field(default_factory=set)
    dates: list = field(default_factory=list)  # DateValue
    members: list = field(default_factory=list)
    phrases: set = field(default_factory=set)

    def accepts(self, etype: str, agents: set, patients: set, place, date, phrase: str = "") -> bool:
        if etype != self.etype or not self._dates_agree(date):
            return False
        if len(phrase.split()) >= 3 and phrase in self.phrases:
            return True  # the same words for the same kind of event ("ethnic cleansing of X's residents")
        if (agents or patients) and (self.agents or self.patients):
            shared = (agents & self.agents) or (patients & self.patients)
            clash = (agents and self.agents and not agents & self.agents) or \
                (patients and self.patients and not patients & self.patients)
            return bool(shared) and not clash
        same_day = date is not None and date.precision == "day" and any(
            d.precision == "day" and d.start == date.start for d in self.dates)
        return same_day or (place is not None and place in self.places)

    def _dates_agree(self, date) -> bool:
        """Same year, and same month where both give one (different days from different sources may agree:
        that is a discrepancy, reported as contested)."""
        if date is None:
            return True
        for d in self.dates:
            n = min(len(d.start), len(date.start), 7)
            if d.start[:n] != date.start[:n]:
                return False
        return True

    def add(self, m: Mention, agents: set, patients: set, place, date, phrase: str = "") -> None:
        self.phrases.add(phrase)
        self.agents |= agents
        self.patients |= patients
        if place is not None:
            self.places.add(place)
        if date is not None:
            self.dates.append(date)
        self.members.append(m)


def group_trigger_events(triggers: list[Mention], facts: dict, mapping, gaz: Gazetteer,
                         event_types: EventTypes) -> dict[str, str]:
    """Provisional trigger key -> event id: a known named event, a shared instance, or its own.

    Mentions join one instance when they have the same type and share participants without clashing
    (for symmetric types, roles do not matter), or, without participants, give the same day or place;
    their dates must agree to the month. Greedy, in article order, so the result is deterministic.
    """
    out: dict[str, str] = {}
    named = [e for e in gaz.entries.values() if e.type == "Event" and e.date and e.curated]
    groups: list[_Group] = []
    for m in triggers:
        fact = facts.get((m.source, m.section, m.start))
        if fact is None:
            continue
        if fact.same_as:
            out[m.entity] = fact.same_as
            continue
        if fact.date is not None:
            match = [e for e in named if KIND_TYPES.get(e.kind, e.kind) == fact.event_type and _within(fact.date, e.date)]
            if match:  # the narrowest known event that contains the date
                spans = sorted((_years(e.date), e.id) for e in match)
                if len(spans) == 1 or spans[0][0] < spans[1][0]:
                    out[m.entity] = spans[0][1]
                    continue
        agents = {mapping(m.source, p.entity) for p in fact.participants if p.role == "agent"}
        patients = {mapping(m.source, p.entity) for p in fact.participants if p.role == "patient"}
        if fact.event_type in event_types.symmetric:  # a meeting of A with B is a meeting of B with A
            agents, patients = set(), agents | patients
        place = mapping(m.source, fact.place) if fact.place else None
        phrase = re.sub(r"\W+", " ", fact.trigger.casefold()).strip()
        group = next((g for g in groups if g.accepts(fact.event_type, agents, patients, place, fact.date, phrase)), None)
        if group is None:
            group = _Group(fact.event_type)
            groups.append(group)
        group.add(m, agents, patients, place, fact.date, phrase)
    for group in groups:
        ms = _split_same_source_days(group.members, facts)
        for part in ms:
            first = min(part, key=lambda m: (m.source, m.section, m.start))
            fact = facts[(first.source, first.section, first.start)]
            base = slug(f"{first.text} {fact.date.start if fact.date else ''}")
            ent_id = f"event_{base}"
            n = 2
            while ent_id in out.values() or ent_id in gaz.entries:
                ent_id, n = f"event_{base}_{n}", n + 1
            for m in part:
                out[m.entity] = ent_id
    return out


def _years(span: tuple[str, str]) -> int:
    return int(span[1][:4]) - int(span[0][:4])


def _split_same_source_days(members: list[Mention], facts: dict) -> list[list[Mention]]:
    """One source giving two different days for a group means two events; different days from
    different sources stay one event (a discrepancy between the sources, reported as contested)."""
    day_of = {}
    for m in members:
        fact = facts[(m.source, m.section, m.start)]
        if fact.date is not None and fact.date.precision == "day":
            day_of[m.entity] = fact.date.start
    per_source: dict[str, set[str]] = defaultdict(set)
    for m in members:
        if m.entity in day_of:
            per_source[m.source].add(day_of[m.entity])
    if not any(len(days) > 1 for days in per_source.values()):
        return [members]
    first_day = min(day_of.values())
    parts: dict[str, list[Mention]] = defaultdict(list)
    for m in members:
        parts[day_of.get(m.entity, first_day)].append(m)
    return [parts[d] for d in sorted(parts)]


def attach_facts(entity: Entity, facts: list[EventFact], gaz: Gazetteer, mapping) -> Entity:
    """An event entity with its type, date, participants and place from its mentions (and the gazetteer)."""
    if not facts:
        entry = gaz.entries.get(entity.id)
        if entry is not None and entry.date:
            return replace(entity, date=_known_date(entry))
        return entity
    entry = gaz.entries.get(entity.id)
    types = Counter(f.event_type for f in facts)
    etype = types.most_common(1)[0][0]
    if entry is not None and entry.date:
        date = _known_date(entry)
    else:
        dated = [f.date for f in facts if f.date is not None]
        rank = {"day": 0, "month": 1, "year": 2}
        counts = Counter(d.start for d in dated)
        date = min(dated, key=lambda d: (-counts[d.start], rank[d.precision], d.start)) if dated else None
    participants: dict[str, str] = {}
    for f in facts:
        for p in f.participants:
            participants.setdefault(p.entity, p.role)
    places = Counter(f.place for f in facts if f.place)
    place = places.most_common(1)[0][0] if places else None
    return replace(entity, event_type=etype, date=date,
                   participants=tuple(Participant(k, r) for k, r in sorted(participants.items()) if k != entity.id),
                   place=place if place != entity.id else None)


def _known_date(entry) -> DateValue:
    start, end = entry.date
    precision = {1: "year", 2: "month"}.get(len(start.split("-")), "day")
    return DateValue(start=start, precision=precision, end=end, text="(gazetteer)")


def resolve_events(entities: list[Entity], triggers: list[Mention], facts: dict, mapping: dict[str, str],
                   gaz: Gazetteer, event_types: EventTypes) -> tuple[list[Entity], dict[str, str]]:
    """Entities with event facts attached, plus new events from trigger mentions.

    Returns (entities, trigger key -> event id). ``mapping`` is what :func:`kg.entities.resolve_entities`
    returned for the other mentions.
    """
    from .entities import canonical

    anchored = [m for m in triggers if (m.source, m.section, m.start) in facts]
    trig_map = group_trigger_events(anchored, facts, lambda src, k: canonical(mapping, src, k), gaz, event_types)

    def final(source: str, key: str) -> str:
        return trig_map.get(key) or canonical(mapping, source, key)

    by_id = {e.id: e for e in entities}
    new_mentions: dict[str, list[Mention]] = defaultdict(list)
    phrases: dict[str, list[str]] = defaultdict(list)
    for m in anchored:
        new_mentions[trig_map[m.entity]].append(replace(m, entity=trig_map[m.entity]))
        phrases[trig_map[m.entity]].append(facts[(m.source, m.section, m.start)].trigger)
    for ent_id, ms in new_mentions.items():
        if ent_id in by_id:
            old = by_id[ent_id]
            by_id[ent_id] = replace(old, mentions=tuple(sorted(old.mentions + tuple(ms), key=lambda m: (m.source, m.section, m.start))),
                                    aliases=tuple(sorted(set(old.aliases) | set(phrases[ent_id]) - {old.label})))
        else:
            names = phrases[ent_id]
            label = max(names, key=lambda n: (len(n.split()) <= 12, len(n.split()), -names.index(n)))
            by_id[ent_id] = Entity(id=ent_id, type="Event", label=label, kind="",
                                   aliases=tuple(sorted((set(names) | {m.text for m in ms}) - {label})), mentions=tuple(ms))
    out = []
    for ent_id in sorted(by_id):
        entity = by_id[ent_id]
        if entity.type == "Event":
            mine = [facts[(m.source, m.section, m.start)] for m in entity.mentions if (m.source, m.section, m.start) in facts]
            mine = [replace(f, participants=tuple(Participant(final(m.source, p.entity), p.role) for p in f.participants
                                                  if not final(m.source, p.entity).startswith(TRIGGER)),
                            place=final(m.source, f.place) if f.place else None)
                    for m, f in zip([m for m in entity.mentions if (m.source, m.section, m.start) in facts], mine)]
            entity = attach_facts(entity, mine, gaz, None)
            if not entity.kind and entity.event_type:
                entity = replace(entity, kind=entity.event_type)
        out.append(entity)
    labels = {e.id: e.label for e in out}
    new_ids = set(trig_map.values()) - set(gaz.entries)
    return [_descriptive_label(e, labels) if e.id in new_ids else e for e in out], trig_map


def _descriptive_label(entity: Entity, labels: dict[str, str]) -> Entity:
    """A one-word event label ("meeting") says what, where and when it is: "meeting in Bratislava (2023-08)"."""
    if len(entity.label.split()) > 1:
        return entity
    label = entity.label
    if entity.place and entity.place in labels:
        label += f" in {labels[entity.place]}"
    elif entity.participants:
        names = [labels.get(p.entity, p.entity) for p in entity.participants[:2]]
        label += (" by " if entity.participants[0].role == "agent" else " of ") + " and ".join(names)
    if entity.date is not None:
        label += f" ({entity.date.start})"
    if label == entity.label:
        return entity
    return replace(entity, label=label, aliases=tuple(sorted(set(entity.aliases) | {entity.label})))
