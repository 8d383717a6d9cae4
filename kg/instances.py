"""Event instances across articles: which event mentions are one event, and what each event is.

A trigger mention joins a named event of its type whose known dates contain its date (or whose name is
near-identical); otherwise mentions of one type that share participants (any role for symmetric types),
or give the same day, place or words, with dates agreeing to the month, are one event. Greedy, in article
order, so the result is deterministic. Different days from different sources stay one event: that is a
discrepancy between the sources, which :mod:`kg.contested` reports.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from datetime import date as Day
from dataclasses import dataclass, field, replace

from .events import POST_NOUNS, TRIGGER, EventTypes, label_word
from .gazetteer import Gazetteer, slug
from .known_events import KnownEvents, known_date, known_event
from .model import Entity, EventFact, Mention, Participant


def _other_sides(mine: set, theirs: set) -> bool:
    """Two sides each, and not the same two: a crisis between A and B is not one between A and C."""
    return len(mine) >= 2 and len(theirs) >= 2 and not (mine <= theirs or theirs <= mine)


@dataclass
class _Group:
    etype: str
    agents: set = field(default_factory=set)
    patients: set = field(default_factory=set)
    places: set = field(default_factory=set)
    dates: list = field(default_factory=list)  # DateValue
    members: list = field(default_factory=list)
    phrases: set = field(default_factory=set)
    topics: set = field(default_factory=set)
    published: str = ""  # the earliest publication date of an article that mentions it: it happened by then
    sources: set = field(default_factory=set)
    months: set = field(default_factory=set)  # its dates to the month ("2023-09") or year: what _dates_agree compares

    def accepts(self, etype: str, agents: set, patients: set, place, date, phrase: frozenset = frozenset(),
                topics: frozenset = frozenset(), published: str | None = None, source: str | None = None) -> bool:
        if etype != self.etype or not self._dates_agree(date):
            return False
        if (date is not None and not self.dates and _after(date.start, self.published)) or (
                date is None and published and self.dates and all(_after(d.start, published) for d in self.dates)):
            return False  # a mention with no date cannot be of an event after its article was published
        if phrase & self.phrases:
            return True  # the same words for the same kind of event ("ethnic cleansing of X's residents")
        if topics & self.topics and not ((agents or patients) and (self.agents or self.patients)):
            return True  # "the 2022 border crisis", with no sides named, is the border clashes of 2022
        if (agents or patients) and (self.agents or self.patients):
            shared = (agents & self.agents) | (patients & self.patients)
            clash = (agents and self.agents and not agents & self.agents) or \
                (patients and self.patients and not patients & self.patients) or \
                _other_sides(patients, self.patients)
            if (source is not None and source not in self.sources and len(shared) < 2
                    and (date is None or not self.dates) and not self._near(date, published)):
                # another article, one side in common, and one of the two undated: only if they are news of the
                # same weeks ("Israel's offensive" in a story of January 2025 is not the Israeli strike in
                # Damascus of April 2024)
                return not clash and place is not None and place in self.places
            return bool(shared) and not clash
        same_day = date is not None and date.precision == "day" and any(
            d.precision == "day" and d.start == date.start for d in self.dates)
        return same_day or (place is not None and place in self.places)

    def _dates_agree(self, date) -> bool:
        """Same year, and same month where both give one (different days from different sources may agree:
        that is a discrepancy, reported as contested)."""
        if date is None:
            return True
        for month in self.months:
            n = min(len(month), len(date.start))
            if month[:n] != date.start[:n]:
                return False
        return True

    def _near(self, date, published: str | None) -> bool:
        """Are a mention (its date, else its article's publication) and this event (its dates, else its earliest
        article's publication) within RECENT_DAYS of each other? Unknown: yes."""
        mine = date.start if date is not None else published
        theirs = [d.start for d in self.dates] or ([self.published] if self.published else [])
        return _within_days(mine, theirs)

    def add(self, m: Mention, agents: set, patients: set, place, date, phrase: frozenset = frozenset(),
            topics: frozenset = frozenset(), published: str | None = None) -> None:
        self.phrases |= phrase
        self.topics |= topics
        if published and (not self.published or published < self.published):
            self.published = published
        self.sources.add(m.source)
        self.agents |= agents
        self.patients |= patients
        if place is not None:
            self.places.add(place)
        if date is not None:
            self.dates.append(date)
            self.months.add(date.start[:7])
        self.members.append(m)


#: how long before an article's publication an event it mentions without a date is likely news
RECENT_DAYS = 90


def _within_days(day: str | None, others: list[str]) -> bool:
    """Is ``day`` within RECENT_DAYS of each of ``others`` (ISO dates; a year or a month counts as its first
    day)? Unknown dates: yes."""
    def parse(text: str) -> Day | None:
        parts = (text.split("-") + ["01", "01"])[:3]
        try:
            return Day(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            return None
    mine = parse(day) if day else None
    theirs = [d for d in map(parse, others) if d is not None]
    return mine is None or not theirs or all(abs((mine - d).days) <= RECENT_DAYS for d in theirs)


def _after(date: str, published: str) -> bool:
    """Is ``date`` later than ``published`` (ISO dates of any precision, compared at the coarser one)?"""
    n = min(len(date), len(published))
    return bool(published) and date[:n] > published[:n]


def group_trigger_events(triggers: list[Mention], facts: dict, mapping, gaz: Gazetteer,
                         event_types: EventTypes, owners: dict[str, str] | None = None,
                         named_in: dict[str, set[str]] | None = None,
                         published: dict[str, str] | None = None, near=None) -> dict[str, str]:
    """Provisional trigger key -> event id: a known named event, a shared instance, or its own.

    Mentions join one instance when they have the same type and share participants without clashing
    (for symmetric types, roles do not matter), or, without participants, give the same day or place;
    their dates must agree to the month. Greedy, in article order, so the result is deterministic.
    ``named_in``: article -> the entities it names; ``near``: a mention -> the entities named in its paragraph.
    """
    out: dict[str, str] = {}
    known_events = KnownEvents(gaz)
    article_states: dict[str, frozenset] = {}
    groups: list[_Group] = []
    index: dict[tuple, set[int]] = {}  # participant / day / place / phrase -> groups that have it
    deferred: list[tuple[str, str]] = []  # (trigger key, the trigger key of the event mention it elaborates)
    anchored = {m.entity for m in triggers if (m.source, m.section, m.start) in facts}
    for m in triggers:
        fact = facts.get((m.source, m.section, m.start))
        if fact is None:
            continue
        if fact.same_as and fact.same_as in anchored:
            deferred.append((m.entity, fact.same_as))
            continue
        if fact.same_as and not fact.same_as.startswith(TRIGGER):
            out[m.entity] = fact.same_as
            continue
        agents = {mapping(m.source, p.entity) for p in fact.participants if p.role == "agent"}
        patients = {mapping(m.source, p.entity) for p in fact.participants if p.role == "patient"}
        place = mapping(m.source, fact.place) if fact.place else None
        article = (named_in or {}).get(m.source, set())
        if m.source not in article_states:
            article_states[m.source] = known_events.states(article)
        known = known_event(fact, m.text, agents | patients, place, known_events, article, targets=patients,
                             article_states=article_states[m.source], near=near(m) if near else frozenset())
        if known is not None:
            out[m.entity] = known
            continue
        # sides compared as states: the Azerbaijani Defense Ministry's operation is Azerbaijan's
        owners = owners or {}
        agents = {_side(owners.get(k, k), gaz) for k in agents}
        patients = {_side(owners.get(k, k), gaz) for k in patients}
        if fact.event_type in event_types.symmetric:  # a meeting of A with B is a meeting of B with A
            agents, patients = set(), agents | patients
        phrase, topics = frozenset(_phrases(fact)), frozenset(_topic_keys(fact))
        # a checkpoint is a blockade event of its own, not the blockade or closure of the road it stands on
        head = m.text.split()[-1].lower() if m.text.split() else ""
        etype = f"{fact.event_type} post" if head in POST_NOUNS else fact.event_type
        keys = _index_keys(etype, agents | patients, place, fact.date, phrase, topics)
        candidates = sorted({i for k in keys for i in index.get(k, ())})  # only groups that could accept
        pub = (published or {}).get(m.source) or None
        number = next((i for i in candidates
                       if groups[i].accepts(etype, agents, patients, place, fact.date, phrase, topics, pub,
                                            m.source)),
                      None)
        if number is None:
            number = len(groups)
            groups.append(_Group(etype))
        groups[number].add(m, agents, patients, place, fact.date, phrase, topics, pub)
        for k in keys:
            index.setdefault(k, set()).add(number)
    used = set(out.values())  # the ids given so far (known events), then the new ones
    for group in groups:
        ms = _split_same_source_days(group.members, facts)
        for part in ms:
            first = min(part, key=lambda m: (m.source, m.section, m.start))
            fact = facts[(first.source, first.section, first.start)]
            base = slug(f"{first.text} {fact.date.start if fact.date else ''}")
            ent_id = f"event_{base}"
            if ent_id in used or ent_id in gaz.entries:
                # another event has that name: a suffix from this one's first mention, not a counter, so that an
                # event added elsewhere in the corpus does not renumber it (its IRI stays, its blocks are reused)
                where = hashlib.sha1(f"{first.source}\x1f{first.section}\x1f{first.start}".encode()).hexdigest()
                ent_id, n = f"event_{base}_{where[:6]}", 2
                while ent_id in used or ent_id in gaz.entries:
                    ent_id, n = f"event_{base}_{where[:6]}_{n}", n + 1
            for m in part:
                out[m.entity] = ent_id
            used.add(ent_id)
    for key, other in deferred:
        out[key] = out[other]
    return out


def _side(key: str, gaz: Gazetteer) -> str:
    """The state a participant acts for (a ministry, an army), else the participant itself."""
    return gaz.state_of(key) or key


def _words(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _phrases(fact: EventFact) -> set[str]:
    """Distinctive wordings of a mention: its trigger phrase of three words or more, its spans of four or more
    (two mentions of one kind of event in the same words are one event: a repost, a quoted phrase)."""
    out = {_words(fact.trigger)} if len(fact.trigger.split()) >= 3 else set()
    return out | {w for w in map(_words, fact.spans) if len(w.split()) >= 4}


def _topic_keys(fact: EventFact) -> set[str]:
    """What a dated mention is about, with its year: "the 2022 border crisis" and "border clashes" in 2022."""
    if fact.date is None:
        return set()
    return {f"{fact.date.start[:4]}:{t}" for t in fact.topics}


def _index_keys(etype: str, parties: set, place, date, phrase: frozenset, topics: frozenset = frozenset()) -> list[tuple]:
    keys = [("p", etype, k) for k in sorted(parties)] + [("t", etype, t) for t in sorted(topics)]
    if date is not None and date.precision == "day":
        keys.append(("d", etype, date.start))
    if place is not None:
        keys.append(("l", etype, place))
    keys.extend(("w", etype, p) for p in sorted(phrase))
    return keys


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
            return replace(entity, date=known_date(entry))
        return entity
    entry = gaz.entries.get(entity.id)
    types = Counter(f.event_type for f in facts)
    etype = types.most_common(1)[0][0]
    if entry is not None and entry.date:
        date = known_date(entry)
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


def resolve_events(entities: list[Entity], triggers: list[Mention], facts: dict, mapping: dict[str, str],
                   gaz: Gazetteer, event_types: EventTypes, published: dict[str, str] | None = None,
                   paragraphs: dict[str, tuple[int, ...]] | None = None) -> tuple[list[Entity], dict[str, str]]:
    """Entities with event facts attached, plus new events from trigger mentions.

    Returns (entities, trigger key -> event id). ``mapping`` is what :func:`kg.resolution.resolve_entities`
    returned for the other mentions; ``published`` maps an article id to its publication date; ``paragraphs``
    an article id to the offsets its body's paragraphs begin at (:func:`kg.dates.paragraph_starts`).
    """
    from .resolution import canonical

    anchored = [m for m in triggers if (m.source, m.section, m.start) in facts and m.reading != "anaphor"]
    owners = {e.id: e.part_of for e in entities if e.part_of}
    named_in: dict[str, set[str]] = defaultdict(set)  # source -> the entities its text names
    named_near: dict[tuple, set[str]] = defaultdict(set)  # (source, section, paragraph) -> the entities it names
    paragraphs = paragraphs or {}

    def paragraph(m: Mention) -> tuple[str, str, int]:
        return m.source, m.section, bisect_right(paragraphs.get(m.source, ()), m.start) if m.section == "body" else 0

    for e in entities:
        for m in e.mentions:
            named_in[m.source].add(e.id)
            named_near[paragraph(m)].add(e.id)
    trig_map = group_trigger_events(anchored, facts, lambda src, k: canonical(mapping, src, k), gaz, event_types,
                                    owners, named_in, published, near=lambda m: named_near.get(paragraph(m), set()))

    def final(source: str, key: str) -> str:
        return trig_map.get(key) or canonical(mapping, source, key)

    by_id = {e.id: e for e in entities}
    new_mentions: dict[str, list[Mention]] = defaultdict(list)
    phrases: dict[str, list[str]] = defaultdict(list)
    spans: dict[str, set[str]] = defaultdict(set)
    for m in anchored:
        new_mentions[trig_map[m.entity]].append(m.of(trig_map[m.entity]))
        fact = facts[(m.source, m.section, m.start)]
        phrases[trig_map[m.entity]].append(fact.trigger)
        spans[trig_map[m.entity]].update(fact.spans)
    for m in triggers:  # "the strikes" after "India launched missile strikes": a mention of that event
        if m.reading == "anaphor" and m.entity in trig_map:
            new_mentions[trig_map[m.entity]].append(m.of(trig_map[m.entity]))
    for ent_id, ms in new_mentions.items():
        if ent_id in by_id:
            old = by_id[ent_id]
            by_id[ent_id] = replace(old, mentions=tuple(sorted(old.mentions + tuple(ms), key=lambda m: (m.source, m.section, m.start))),
                                    aliases=tuple(sorted((set(old.aliases) | set(phrases[ent_id]) | spans[ent_id]) - {old.label})))
        elif ent_id in gaz.entries:  # a known event the article only describes ("the war began in 2020")
            entry = gaz.entries[ent_id]
            by_id[ent_id] = Entity(id=ent_id, type="Event", label=entry.label, kind=entry.kind, wikidata=entry.wikidata,
                                   aliases=tuple(sorted((set(entry.aliases) | set(phrases[ent_id]) | {m.text for m in ms}
                                                         | spans[ent_id]) - {entry.label})),
                                   mentions=tuple(ms))
        else:
            label = _new_event_label(phrases[ent_id], [facts[(m.source, m.section, m.start)] for m in ms
                                                        if (m.source, m.section, m.start) in facts], event_types)
            names = phrases[ent_id]
            by_id[ent_id] = Entity(id=ent_id, type="Event", label=label, kind="",
                                   aliases=tuple(sorted((set(names) | {m.text for m in ms} | spans[ent_id]) - {label})),
                                   mentions=tuple(ms))
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
    return [_descriptive_label(e, labels, event_types) if e.id in new_ids else e for e in out], trig_map


def _new_event_label(names: list[str], facts: list[EventFact], event_types: EventTypes) -> str:
    """The label of an event kg found itself: the longest noun phrase that names it ("siege of El Fasher"); an
    event only verbs tell of ("the ministers convened in Moscow") is called by its type ("meeting"), which
    :func:`_descriptive_label` then places and dates."""
    nouns = [f.trigger for f in facts if not f.clause and f.trigger] or [f.named for f in facts if f.named]
    if not nouns and facts:
        etype = Counter(f.event_type for f in facts).most_common(1)[0][0]
        return str(event_types.types.get(etype, {}).get("label") or names[0])
    nouns = nouns or names
    return max(nouns, key=lambda n: (len(n.split()) <= 12, len(n.split()), -nouns.index(n)))


def _descriptive_label(entity: Entity, labels: dict[str, str], event_types: EventTypes | None = None) -> Entity:
    """A one-word event label ("meeting"), or one that is only its type's name ("military exercise"), says what,
    where and when it is: "meeting in Bratislava (2023-08)", "agreement signed by X", "talks between X and Y"."""
    types = event_types.types if event_types is not None else {}
    if len(entity.label.split()) > 1 and entity.label not in {str(raw.get("label", "")) for raw in types.values()}:
        return entity
    label = entity.label
    if entity.place and entity.place in labels:
        label += f" in {labels[entity.place]}"
    elif entity.participants:
        role = entity.participants[0].role
        names = [labels.get(p.entity, p.entity) for p in entity.participants if p.role == role][:2]
        if len(names) == 2 and role in ("agent", "patient") and event_types is not None and (
                entity.event_type in event_types.symmetric):
            label += " between "  # "talks between X and Y": the parties, whichever the parse made the agent
        else:
            label += label_word(event_types, entity.event_type, role)
        label += " and ".join(names)
    if entity.date is not None:
        label += f" ({entity.date.start})"
    if label == entity.label:
        return entity
    return replace(entity, label=label, aliases=tuple(sorted(set(entity.aliases) | {entity.label})))
