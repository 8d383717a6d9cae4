"""Events: trigger nouns and verbs, and what each event mention's sentence says about its event (type,
date, participants, place). Grouping mentions into instances is :mod:`kg.instances`.

* Named events come from the gazetteer and the NER (``EVENT``); events signalled by a trigger noun or verb
  of the event scheme (``ontology/events.yaml``: attack, ceasefire, talks, exodus, convened, ...) become
  events when the text anchors them with a participant, a place or a date.
* Dates are normalized against the article's publication date ("on Tuesday" -> 2023-09-19).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .dates import parse_anchor
from .event_dates import date_near
from .event_spans import SUPPORT_VERBS, after_dash, surface_spans
from .gazetteer import Gazetteer
from .model import EventFact, Mention, Participant
from .nlp import text_of
from .predicates import load_scheme
from .speech import HEDGE_VERBS, REQUEST_VERBS
from .context import Context
from .syntax import FRAMING_VERBS, is_verb as is_verb_token, noun_arguments, verb_arguments

TRIGGER = "Trig:"  # prefix of provisional keys of trigger-noun event mentions
KIND_TYPES = {"Conflict": "War"}  # curated event kinds that are named differently in the event scheme

#: posts set up on a route ("a checkpoint at the bridge"): a blockade trigger, but an event of their own, not the
#: blockade or closure of the route named beside them
POST_NOUNS = {"checkpoint", "checkpoints", "roadblock", "roadblocks", "checkpost", "checkposts"}


@dataclass
class EventTypes:
    types: dict[str, dict] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)  # "attack" / "ethnic cleansing" -> type
    verbs: dict[str, str] = field(default_factory=dict)  # "convene" -> Meeting
    objects: dict[str, str] = field(default_factory=dict)  # "declare independence" -> Secession
    symmetric: set[str] = field(default_factory=set)  # types whose parties' roles do not matter


def load_event_types(path: Path) -> EventTypes:
    out = EventTypes()
    for name, raw in load_scheme(path, "event_types", "event type").items():
        out.types[name] = raw
        for trigger in raw.get("triggers", ()):
            out.triggers.setdefault(str(trigger).lower(), name)
        for verb in raw.get("verbs", ()):
            out.verbs.setdefault(str(verb).lower(), name)
        for pair in raw.get("objects", ()):
            out.objects.setdefault(str(pair).lower(), name)
        if raw.get("symmetric"):
            out.symmetric.add(name)
    return out


def is_event_key(key: str, gaz: Gazetteer) -> bool:
    if key.startswith(("Event:", TRIGGER)):
        return True
    entry = gaz.entries.get(key)
    return entry is not None and entry.type == "Event"


def known_event_anaphora(found: list[Mention], facts: dict, gaz: Gazetteer, doc=None) -> list[Mention]:
    """A bare trigger the text does not anchor, read as an event named before:

    * "ceasefire violations", "the ceasefire conditions": the one known event of its type the same text names
      ("the trilateral agreements"), if exactly one;
    * "the strikes" after "India launched missile strikes on Wednesday": with a definite determiner, the
      last anchored event of its type before it in the same text.

    Otherwise it stays a trigger (and, unanchored, is dropped)."""
    known: dict[str, set[str]] = {}
    for m in found:
        entry = gaz.entries.get(m.entity)
        if entry is not None and entry.type == "Event" and entry.kind:
            known.setdefault(KIND_TYPES.get(entry.kind, entry.kind), set()).add(m.entity)
    out = []
    before: dict[str, list[tuple]] = {}  # event type -> (key, lemma, POS, start) of anchored triggers so far
    last_known: dict[str, int] = {}  # event type -> where a known event of it was last named
    for m in found:
        anchored = (m.source, m.section, m.start) in facts
        root = _root(doc, m) if doc is not None and m.entity.startswith(TRIGGER) else None
        entry = gaz.entries.get(m.entity)
        if entry is not None and entry.type == "Event" and entry.kind:
            last_known[KIND_TYPES.get(entry.kind, entry.kind)] = m.start
        if m.entity.startswith(TRIGGER) and not anchored:
            etype = _trigger_key_type(m.entity)
            events = known.get(etype, set())
            # "the deal" right after "signed a memorandum with X": the event named since the known one, not it
            since = root is not None and _definite(root) and any(
                x[3] > last_known.get(etype, len(text_of(doc)) if doc is not None else 0) and x[2] == "NOUN"
                for t in REFERS_TO.get(etype, (etype,)) for x in before.get(t, ()))
            if len(events) == 1 and not (root is not None and _another(root)) and not since:
                m = replace(m, entity=next(iter(events)), reading="anaphor")
            elif root is not None and _definite(root):
                # the last one with the same word ("the offensive" after "a lightning offensive"), else the last
                # noun of its type ("the strikes" after "missile strikes"; not "attacked" for "the offensive")
                earlier = sorted((x for t in REFERS_TO.get(etype, (etype,)) for x in before.get(t, ())),
                                 key=lambda x: x[3])
                same = [k for k, lemma, _, _ in earlier if lemma == root.lemma_.lower()]
                post = root.lemma_.lower() in POST_NOUNS  # "the blockade" is not "a checkpoint" set up on the road
                nouns = [k for k, lemma, pos, _ in earlier if pos == "NOUN" and (lemma in POST_NOUNS) == post]
                if same or nouns:
                    m = replace(m, entity=(same or nouns)[-1], reading="anaphor")
        elif m.entity.startswith(TRIGGER) and root is not None:
            before.setdefault(_trigger_key_type(m.entity), []).append((m.entity, root.lemma_.lower(), root.pos_,
                                                                       m.start))
        out.append(m)
    return out


#: the event types a definite trigger of a type can refer back to: "the deal" after "agreed to a ceasefire"
REFERS_TO = {"Agreement": ("Agreement", "Ceasefire"), "Meeting": ("Meeting", "Talks"), "Talks": ("Talks", "Meeting")}


#: determiners of an event other than one named before: "any Israeli counter-attack", "a new ceasefire"
OTHER_DETERMINERS = {"a", "an", "any", "another", "no", "each", "every", "some", "new"}


def _another(root) -> bool:
    """Is a trigger noun some other event than the known one ("any Israeli counter-attack" after Iran's attack)?"""
    before = []  # the words of its noun phrase before it, also where the parser cut a hyphenated noun apart
    i = root.i - 1
    while i >= root.sent.start and len(before) < 5 and (root.doc[i].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                                        or root.doc[i].text in ("-", "–")):
        before.append(root.doc[i])
        i -= 1
    return any(t.lower_ in OTHER_DETERMINERS or t.ent_type_ in ("NORP", "GPE") for t in before)


def _root(doc, m: Mention):
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return None if span is None else span.root


def _definite(root) -> bool:
    """Is a trigger noun a definite noun phrase of its own ("the strikes", "these talks")?"""
    if root.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("amod", "compound", "nmod", "poss", "nummod") for c in root.children):
        return False  # "the Pahalgam attack", "the second strike": a description of its own, not a reference back
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in root.children)


def _trigger_key_type(key: str) -> str:
    """The event type a trigger mention's provisional key carries ("Trig:Attack:<source>:...")."""
    return key[len(TRIGGER):].split(":", 1)[0]


def _nominal(tok) -> bool:
    """A noun, or a gerund standing as one ("Fighting between the army and the RSF erupted"): no object or
    subject of its own."""
    if tok.pos_ == "NOUN":
        return True
    return (tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass", "pobj", "dobj")
            and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "aux") for c in tok.children))


#: verbs that tell an event only with a crowd for subject: "more than 100,000 Armenians fled", "tens of thousands
#: fled to Cúcuta" (a displacement); not "the president fled the country"
CROWD_VERBS = {"flee"}
#: words that count a crowd: "tens of thousands", "hundreds"
CROWD_WORDS = {"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozens",
               "scores"}


def _crowd(verb) -> bool:
    """Is a verb's subject a crowd counted in numbers ("160,000 Greek Cypriots", "tens of thousands of Sahrawis"),
    not a few ("two suspects fled")?"""
    return any(c.dep_ == "nsubj" and (c.lower_ in CROWD_WORDS or any(g.dep_ == "nummod" and _many(g) for g in c.subtree))
               for c in verb.children)


def _many(number) -> bool:
    """Is a number word a crowd's: 100 or more ("160,000", "1,500"), or a count word ("thousands")?"""
    if number.lower_ in CROWD_WORDS:
        return True
    digits = number.text.replace(",", "")
    return digits.isdigit() and int(digits) >= 100


#: verbs that tell an event only with a court for subject: "the ICJ ruled that ..." (a ruling); not "Assad ruled
#: Syria for decades"
COURT_VERBS = {"rule"}
#: words that name a court, in a subject or in a known court's name ("international_court_of_justice")
COURT_WORDS = {"court", "courts", "tribunal", "tribunals", "judge", "judges", "justice", "justices", "panel"}


def _court(verb) -> bool:
    """Is a verb's subject a court or its judges ("the ICJ", "the tribunal", "a panel of judges")?"""
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in COURT_WORDS or bool(COURT_WORDS & set(c.ent_id_.split("_"))))
               for c in verb.children)


def _trigger_type(tok, event_types: EventTypes) -> str | None:
    if tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass", "amod") and not _nominal(tok):
        if (tok.lemma_.lower() in CROWD_VERBS and not _crowd(tok)) or (tok.lemma_.lower() in COURT_VERBS
                                                                       and not _court(tok)):
            return None
        return event_types.verbs.get(tok.lemma_.lower())
    if not _nominal(tok):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return None  # "the conference broke up without agreement": none was made
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in KIND_NOUNS | CESSATION_NOUNS:
        return None  # "an act of war", "a form of genocide": what something is called, not an event of its own;
        # "a cessation of hostilities" is the ceasefire, not the war
    if tok.dep_ == "dobj" and is_verb_token(tok.head):  # "Kosovo declared independence"
        found = event_types.objects.get(f"{tok.head.lemma_.lower()} {tok.lemma_.lower()}")
        if found:
            return found
    for of in (g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"):
        found = event_types.triggers.get(f"{tok.lower_} of {of.lower_}")  # "its declaration of independence"
        if found:
            return found
    lefts = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "punct")]
    if lefts:  # a hyphenated modifier: "counter-terrorism measures"
        whole = text_of(tok.doc)[lefts[0].idx:tok.idx + len(tok.text)].lower()
        if whole in event_types.triggers:
            return event_types.triggers[whole]
    mods = [c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound")]
    for mod in mods:
        found = event_types.triggers.get(f"{mod} {tok.lower_}")
        if found:
            return found
    if any(m in PRESS_WORDS for m in mods):
        return None  # "told a news conference", "a press briefing": reporters hearing someone, not a meeting of sides
    if tok.lemma_.lower() in WHOSE_NOUNS and not any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
        return None  # "Malaysia Airlines flight MH17", "a flight from Kyiv": an aircraft's, not people fleeing
    found = event_types.triggers.get(tok.lower_) or event_types.triggers.get(tok.lemma_.lower())
    if found is None and tok.lemma_.lower() in NAMED_DISPUTE_NOUNS and "War" in event_types.types and any(
            c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "LOC", "NORP") for c in tok.lefts):
        return "War"  # "the Kashmir situation", "the Western Sahara dispute", "the Kurdish question"
    return found


#: trigger nouns that are an event only with whose it is, a possessive or an "of" phrase: "their flight from
#: Goma", "the flight of civilians" (people fleeing); not "a flight from Kyiv" or "flight MH17" (an aircraft's)
WHOSE_NOUNS = {"flight"}

#: words before a meeting noun that make it one with the press
PRESS_WORDS = {"news", "press", "media"}

#: nouns that name a conflict only when a place or people qualifies them: "the Kashmir issue", not "the issue"
NAMED_DISPUTE_NOUNS = {"situation", "conflict", "dispute", "question", "issue"}

#: nouns whose "of" phrase is the event they stop, and which are an event of their own
CESSATION_NOUNS = {"cessation"}

#: "an act of war", "a form of genocide", "a kind of blockade": the event noun says what something is called
KIND_NOUNS = {"act", "form", "kind", "type", "sort", "declaration", "threat", "risk", "danger", "prospect", "state"}

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


#: modifiers that say how near or how likely an event is, not which event: dropped from its label
VAGUE_MODIFIERS = {"potential", "possible", "prospective", "eventual", "likely", "probable", "recent", "latest",
                   "ongoing", "current", "upcoming", "forthcoming", "imminent", "impending", "subsequent", "further",
                   "future", "next", "new", "renewed", "continued", "continuing", "so-called"}


#: how an event's label joins it to a participant of a role, where the event scheme does not say
DEFAULT_LABEL_WORDS = {"agent": "by", "patient": "of", "mediator": "mediated by", "facilitator": "facilitated by"}


def label_word(event_types: EventTypes | None, etype: str | None, role: str) -> str:
    """How an event's label joins it to its ``role`` ("agent", "patient", "mediator", "facilitator"), from the
    event scheme's ``agent_word`` / ``patient_word`` / ``mediator_word``: "agreement signed by X", "attack on X",
    "meeting hosted by X"; else :data:`DEFAULT_LABEL_WORDS` ("ceasefire mediated by X")."""
    raw = event_types.types.get(etype or "", {}) if event_types is not None else {}
    return f" {raw.get(f'{role}_word') or DEFAULT_LABEL_WORDS.get(role, 'of')} "


def _named_by_object(verb, etype: str, event_types: EventTypes, ctx: Context) -> str:
    """A verb's event named as a noun phrase from its object, when the object names no entity: "attacked a
    federal army base" -> "attack on federal army base" ("" when there is no such object, or it is long)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is None or ctx.entity(obj) is not None:
        return ""  # "attacked the police": its participants name it (kg.instances)
    start, end = _phrase(obj)
    text = re.sub(r"\s+", " ", text_of(verb.doc)[start:end]).strip()
    if "\n" in text_of(verb.doc)[start:end] or len(text.split()) > 8:
        return ""
    type_label = str(event_types.types.get(etype, {}).get("label") or "")
    return f"{type_label}{label_word(event_types, etype, 'patient')}{text}" if type_label else ""


def _phrase(tok, *, full: bool = True) -> tuple[int, int]:
    """Character span naming an event: its trigger noun, modifiers and (``full``) complements, no determiner."""
    toks = _phrase_tokens(tok) if full else [tok] + [t for c in tok.lefts if c.dep_ in _MODIFIERS for t in c.subtree]
    first, last = min(t.i for t in toks), max(t.i for t in toks)
    doc = tok.doc
    while first < tok.i and (doc[first].is_punct or doc[first].dep_ == "det" or doc[first].is_space
                             or doc[first].tag_ == "PRP$"  # "its largest air assault": no "its"
                             or (doc[first].lower_ in VAGUE_MODIFIERS and doc[first].head.i == tok.i)):
        first += 1  # "a potential meeting", "recent elections": the event, not how near or likely it is
    while last > tok.i and (doc[last].is_punct or doc[last].is_space) and not (
            doc[last].text == ")" and any(t.text == "(" for t in doc[first:last])):  # "Forces (RSF)" keeps its ")"
        last -= 1
    if sum(t.text == "(" for t in doc[first:last + 1]) > sum(t.text == ")" for t in doc[first:last + 1]):
        last = max(tok.i, next(t.i for t in reversed(doc[first:last + 1]) if t.text == "(") - 1)  # no open bracket
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _without_vague(tok, start: int, end: int) -> str:
    """The text of an event's phrase without the vague modifiers inside it, after a possessive: "Israel's subsequent
    offensive" -> "Israel's offensive" (:func:`_phrase` drops those it opens with)."""
    text = text_of(tok.doc)
    out, at = [], start
    for t in tok.lefts:
        if start <= t.idx < end and t.lower_ in VAGUE_MODIFIERS and t.dep_ == "amod":
            out.append(text[at:t.idx])
            at = t.idx + len(t.text_with_ws)
    return "".join(out) + text[at:end]


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
    first = after_dash(first, verb.i, doc)
    if last - first > 18:
        return verb.idx, verb.idx + len(verb.text)
    while first < verb.i and (doc[first].is_punct or doc[first].dep_ == "det"
                              or doc[first].lower_ in ("that", "which", "who", "whom")):  # "that attacked X"
        first += 1
    while last > verb.i and doc[last].is_punct:
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


#: auxiliaries that put a verb's act in the future or the conditional: "doubt that Venezuela will invade"
UNREALIZED_AUX = {"will", "would", "could", "might", "may", "should", "must", "shall", "'ll", "wo"}


def _unrealized(tok) -> bool:
    """Is a trigger verb's act one that did not (or not yet) happen: "will invade", "did not attack", "urged the
    council to convene", "threatened to invade"?"""
    if tok.pos_ != "VERB" or _nominal(tok):
        return False
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in HEDGE_VERBS | REQUEST_VERBS:
        return True
    return any((c.dep_ == "aux" and c.lower_ in UNREALIZED_AUX) or c.dep_ == "neg" for c in tok.children)


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
        if etype is None or _unrealized(tok):
            continue
        if tok.dep_ == "compound" and _trigger_type(tok.head, event_types) == etype:
            continue  # "a 2020 ceasefire deal": one event, which the head noun names
        start, end = _phrase(tok, full=False) if _nominal(tok) else (tok.idx, tok.idx + len(tok.text))
        if any(i in taken for i in range(doc.char_span(start, end, alignment_mode="expand").start, tok.i + 1)):
            start, end = tok.idx, tok.idx + len(tok.text)
        found.append(Mention(entity=f"{TRIGGER}{etype}:{source}:{section}:{start}", text=text_of(doc)[start:end],
                             start=start, end=end, source=source, section=section, reading="trigger",
                             ner_label="EVENT"))
    return found


def event_facts(doc, mentions: list[Mention], *, anchor: str | None, gaz: Gazetteer, event_types: EventTypes,
                is_person=None, state_of=None) -> dict[tuple[str, str, int], EventFact]:
    """(source, section, mention start) -> what the mention's sentence says about that event."""
    anchor_date = parse_anchor(anchor)
    ctx = Context(doc, mentions, is_person or (lambda k: False), state_of or (lambda k: None))
    out = {}
    names: set[tuple[str, str, int]] = set()  # mentions that are a name someone gives another event mention
    events = [m for m in mentions if is_event_key(m.entity, gaz)]
    for m in events:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        etype = _mention_type(m, root, gaz, event_types)
        if root.pos_ == "VERB" and not _nominal(root):
            agents, patients, places = verb_arguments(root, ctx)
        else:
            agents, patients, places, _ = noun_arguments(root, ctx, None, event_types.types.get(etype, {}).get("predicate"))
            if (not agents and root.dep_ == "pobj" and root.head.lower_ in ("to", "in", "on")
                    and is_verb_token(root.head.head) and root.head.head.lemma_.lower() in PARTAKE_VERBS):
                agents = verb_arguments(root.head.head, ctx)[0]  # "Israel and Hamas agreed to a ceasefire"
            if (not agents and root.dep_ == "pobj" and root.head.lower_ == "for"
                    and root.head.head.lemma_.lower() == "responsibility" and root.head.head.dep_ == "dobj"
                    and root.head.head.head.lemma_.lower() in CLAIM_VERBS):
                agents = [c for c in root.head.head.head.children if c.dep_ == "nsubj"]  # "X claimed responsibility for"
            if (not agents and root.dep_ == "dobj" and root.head.lemma_.lower() in SUPPORT_VERBS
                    and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") for c in root.head.children)):
                # "X called snap elections"; but "X called the strikes an act of war" names them, not does them
                agents = [c for c in root.head.children if c.dep_ == "nsubj"]
        if not _nominal(root) and root.lemma_.lower() in CROWD_VERBS:
            # "100,000 Armenians fled": those who move, as in "the exodus of X", not whoever drives them out
            agents, patients = [], list(patients) + list(agents)
        helpers = _facilitators(root, m, events, doc) if _nominal(root) else []
        mediators = _facilitators(root, m, events, doc, MEDIATION) if _nominal(root) else []
        if _nominal(root) and root.dep_ == "dobj" and root.head.lemma_.lower() in MEDIATION:
            mediators += [t for t in agents if t.head.i == root.head.i]  # "X hosted the meeting": X hosts it
            agents = [t for t in agents if t.head.i != root.head.i]
        if _nominal(root) and root.dep_ in ("nsubjpass", "dobj") and root.head.lemma_.lower() in MEDIATION:
            verb = root.head  # "the talks were mediated by X", "X brokered the deal": X mediates them
            mediators += ([g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
                          if root.dep_ == "nsubjpass" else [c for c in verb.children if c.dep_ == "nsubj"])
        agents = [t for t in agents if t.i not in {h.i for h in helpers + mediators}]
        if _nominal(root):  # "the Pahalgam attack", "the Darfur crisis": a place before the noun is where
            where = [t for t in agents if t.dep_ == "compound" and any(_is_literal(k, gaz) for k in ctx.entities([t]))]
            agents, places = [t for t in agents if t not in where], where + list(places)
        own = {m.entity}
        participants = tuple(dict.fromkeys(
            [Participant(k, "agent") for k in ctx.entities(agents) if k not in own]
            + [Participant(k, "facilitator") for k in ctx.entities(helpers) if k not in own]
            + [Participant(k, "mediator") for k in ctx.entities(mediators) if k not in own]
            + [Participant(k, "patient") for k in ctx.entities(patients) if k not in own]))
        place = next((k for k in ctx.entities(places) if k not in own and _is_place(k, gaz)), None)
        date = date_near(span, m, anchor_date, others=[(o.start, o.end) for o in events if o is not m])
        if m.entity.startswith(TRIGGER) and root.dep_ == "compound" and root.head.pos_ == "NOUN":
            date = None  # "ceasefire violations recorded on Tuesday": the day is the violations', not the ceasefire's
        same_as = _named_event(m.text, etype, gaz) if m.entity.startswith(TRIGGER) else None
        if m.entity.startswith(TRIGGER) and same_as is None:
            same_as = _elaborated(root, mentions, m)
        framed = _framed(root, events, m) if m.entity.startswith(TRIGGER) and same_as is None else None
        if framed is not None:
            # "labelled the blockade as genocide": a name someone gives the blockade, not another event; who it
            # says did it is that speaker's claim (a relation), not a fact of the event
            same_as, participants, place, date = framed, (), None, None
            names.add((m.source, m.section, m.start))
        elif m.entity.startswith(TRIGGER) and same_as is None and _names_a_thing(root):
            continue  # "described the new law as an invasion": a name for the law, not an invasion
        if m.entity.startswith(TRIGGER) and not (participants or place or date or same_as):
            continue  # an unanchored trigger ("war is never the answer") is not an event
        phrase = m.text
        if m.entity.startswith(TRIGGER) and root.pos_ == "VERB" and not _nominal(root):
            start, end = _clause(root)
            phrase = text_of(doc)[start:end]
        elif m.entity.startswith(TRIGGER):
            start, end = _phrase(root)
            phrase = _without_vague(root, start, end) if start <= m.start and end >= m.end and "\n" not in text_of(doc)[start:end] else m.text
            phrase = re.sub(r"\s+", " ", re.sub(r"[“”\"«»]", "", phrase)).strip()
        out[(m.source, m.section, m.start)] = EventFact(event_type=etype, date=date, participants=participants,
                                                        place=place, trigger=phrase, evidence=text_of(doc)[span.sent.start_char:span.sent.end_char].strip(),
                                                        same_as=same_as, spans=surface_spans(root),
                                                        topics=_topics(root) if _nominal(root) else (),
                                                        clause=root.pos_ == "VERB" and not _nominal(root),
                                                        named=_named_by_object(root, etype, event_types, ctx)
                                                        if root.pos_ == "VERB" and not _nominal(root) else "")
    # a name given to what is no event is no event either: "called the agreement an attack on its sovereignty"
    anchored = {m.entity for m in events if (m.source, m.section, m.start) in out}
    return {key: fact for key, fact in out.items()
            if key not in names or not fact.same_as.startswith(TRIGGER) or fact.same_as in anchored}


def _framing_verb(noun):
    """The framing verb whose name for something ``noun`` is ("characterized X as an ethnic cleansing", "called
    X an attack"), or None."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
        if verb.dep_ == "dobj":  # the parser may hang "as ..." on the object: "characterized [the exodus as ...]"
            verb = verb.head
    elif noun.dep_ == "oprd":
        verb = noun.head
    else:
        return None
    return verb if is_verb_token(verb) and verb.lemma_.lower() in FRAMING_VERBS else None


def _framed(noun, events: list[Mention], own: Mention) -> str | None:
    """The event a framing verb names with this trigger noun: "characterized the exodus as an ethnic cleansing",
    "labelled the blockade of the corridor as genocide" -> the exodus, the blockade (their keys)."""
    verb = _framing_verb(noun)
    if verb is None:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found = next((m.entity for m in events if m is not own and m.start <= obj.idx < m.end), None)
        if found is not None:
            return found
    return None


def _names_a_thing(noun) -> bool:
    """Is ``noun`` a framing verb's name for something that is no event ("described the new law as an
    invasion")? Not when it names a pronoun ("called it a massacre"): that may be an event."""
    verb = _framing_verb(noun)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i != noun.i] if verb is not None else []
    return bool(objects) and not any(c.pos_ == "PRON" for c in objects)


def _topics(noun) -> tuple[str, ...]:
    """Common nouns compounded with an event noun, which say what it is about: "border" in "the 2022 border
    crisis" and "border clashes"."""
    return tuple(sorted({c.lemma_.lower() for c in noun.children
                         if c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_alpha and not c.ent_type_}))


def _elaborated(verb, mentions: list[Mention], own: Mention) -> str | None:
    """A "when" clause on an event noun tells that event ("the 2022 escalation, when X attacked Y"): its key."""
    if verb.pos_ != "VERB" or verb.dep_ != "relcl" or not any(c.lower_ == "when" for c in verb.children):
        return None
    head = verb.head
    return next((m.entity for m in mentions if m is not own and m.start <= head.idx < m.end), None)


#: verbs whose subject takes part in the event named after "to"/"in"/"on": "agreed to a ceasefire"
PARTAKE_VERBS = {"agree", "commit", "adhere", "return", "participate", "engage", "join", "sign"}
#: verbs with which one owns an act: "claimed responsibility for the attack"
CLAIM_VERBS = {"claim", "take", "accept", "admit", "bear"}


NAMED_EVENT_SIMILARITY = 85


def _named_event(phrase: str, etype: str, gaz: Gazetteer) -> str | None:
    """A known event of the same type one of whose names is near-identical to a modified trigger phrase
    ("40-day war" ~ "44-day war"); a bare trigger ("war") names nothing in particular."""
    from rapidfuzz import fuzz

    if len(phrase.split()) < 2:
        return None
    best = (0.0, None)
    text = phrase.lower()
    for kind, names in gaz.event_names().items():
        if KIND_TYPES.get(kind, kind) != etype:
            continue
        for name, ent_id in names:
            score = fuzz.ratio(text, name, score_cutoff=best[0])
            if score > best[0]:
                best = (score, ent_id)
    return best[1] if best[0] >= NAMED_EVENT_SIMILARITY else None


def _is_literal(key: str, gaz: Gazetteer) -> bool:
    """A place that is no actor (a city, region, route; not a state)."""
    entry = gaz.entries.get(key)
    return key.startswith("Place:") or (entry is not None and entry.type == "Place")


def _is_place(key: str, gaz: Gazetteer) -> bool:
    entry = gaz.entries.get(key)
    return key.startswith("Place:") or (entry is not None and entry.type in ("Place", "Country"))


def _mention_type(m: Mention, root, gaz: Gazetteer, event_types: EventTypes) -> str:
    if m.entity.startswith(TRIGGER):
        return _trigger_key_type(m.entity)
    entry = gaz.entries.get(m.entity)
    if entry is not None and entry.kind:
        kind = KIND_TYPES.get(entry.kind, entry.kind)
        if kind in event_types.types:
            return kind
    return _trigger_type(root, event_types) or "Event"


#: verbs that make their agent a facilitator of the event, not its doer: "a cleansing facilitated by X"
FACILITATION = {"facilitate", "enable", "abet", "assist", "aid", "help", "encourage", "allow", "permit"}


#: participles whose agent mediates the event rather than takes part in it: "talks mediated by Turkey"
MEDIATION = {"mediate", "broker", "host", "sponsor", "convene"}


def _facilitators(noun, m: Mention, events: list[Mention], doc, verbs=FACILITATION) -> list:
    """The agents of "facilitated by X" on an event noun; also when the parser hangs the participle on the
    clause ("the cleansing of ... in 1993—facilitated by X"): it then names the event mentioned last before it."""
    sent = noun.sent
    out = []
    for verb in sent:
        if verb.tag_ != "VBN" or verb.lemma_.lower() not in verbs or verb.dep_ not in ("acl", "relcl", "advcl"):
            continue
        if verb.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        before = [e for e in events if sent.start_char <= e.start < verb.idx]
        nearest = max(before, key=lambda e: e.start) if before else None
        if verb.head.i != noun.i and (nearest is None or nearest.start != m.start):
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            out.extend(g for g in agent.children if g.dep_ == "pobj")
    return out
