"""Events: trigger nouns and verbs, and what each event mention's sentence says about its event (type,
date, participants, place). Grouping mentions into instances is :mod:`kg.instances`.

* Named events come from the gazetteer and the NER (``EVENT``); events signalled by a trigger noun or verb
  of the event scheme (``ontology/events.yaml``: attack, ceasefire, talks, exodus, convened, ...) become
  events when the text anchors them with a participant, a place or a date.
* Dates are normalized against the article's publication date ("on Tuesday" -> 2023-09-19).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .dates import find_dates, parse_anchor
from .gazetteer import Gazetteer
from .model import DateValue, EventFact, Mention, Participant
from .predicates import load_scheme
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
    out = EventTypes()
    for name, raw in load_scheme(path, "event_types", "event type").items():
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
