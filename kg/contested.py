"""Sources that disagree: contested claims, side by side (reposts and corroboration: kg/corroboration.py).

kg never decides who is right. It shows who says what, who conflicts, and on what. **Contested groups**
are of eight kinds: ``polarity`` (one source asserts what another denies), ``denial`` (A accuses B, B
rejects it), ``exclusive`` (a territory part of two different states), ``blame`` (voices naming agents of
different sides for one act), ``role`` (the doer of an event in one source, its facilitator in another),
``date`` (one event, different days), ``number`` (one event, different figures: "40-day" vs "44-day"),
``framing`` (one event, terms of opposite readings: "anti-terrorist operation" vs "ethnic cleansing", see
``ontology/framing.yaml``).
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import yaml

from .errors import OntologyError
from .model import Contested, Extraction, Relation, Side

#: predicates for which one subject has one object: two different objects from two voices conflict
EXCLUSIVE = {"part_of", "capital_of"}
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_NUMBER_WORDS.update({w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
_DURATION = re.compile(r"\b(\d{1,4}|[a-z]+(?:-[a-z]+)?)[- ](day|week|month|year)s?(?:-long)?\b", re.I)


# --- contested groups ------------------------------------------------------------------------------------


def load_framing(path: Path) -> dict[str, list[str]]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return {stance: [t.lower() for t in raw["terms"]] for stance, raw in data["stances"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as err:
        raise OntologyError(f"{path}: cannot read framing terms: {err}") from None


def _side(rel: Relation, index: int, stance: str) -> Side:
    return Side(stance=stance, source=rel.source, evidence=rel.provenance.sentence, speaker=rel.speaker, claim=index)


def _polarity(extraction: Extraction, labels) -> list[Contested]:
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, rel in enumerate(extraction.relations):
        groups[(rel.subject, rel.predicate, rel.object)].append(i)
    out = []
    for (s, p, o), idx in sorted(groups.items()):
        rels = [extraction.relations[i] for i in idx]
        voices = {(r.negated, r.source, r.speaker) for r in rels}
        if {v[0] for v in voices} != {True, False} or len({(v[1], v[2]) for v in voices}) < 2:
            continue
        sides = tuple(_side(extraction.relations[i], i, ("denies: " if extraction.relations[i].negated else "asserts: ")
                            + f"{labels(s)} {p} {labels(o)}") for i in idx)
        out.append(Contested(id="", kind="polarity", topic=f"{labels(s)} {p.replace('_', ' ')} {labels(o)}?",
                             subject=s, sides=sides))
    return out


def _exclusive(extraction: Extraction, labels) -> list[Contested]:
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, rel in enumerate(extraction.relations):
        if rel.predicate in EXCLUSIVE and not rel.negated and not rel.hedged:
            groups[(rel.subject, rel.predicate)].append(i)
    out = []
    for (s, p), idx in sorted(groups.items()):
        rels = {i: extraction.relations[i] for i in idx}
        objects = {r.object for r in rels.values()}
        voices = {(r.source, r.speaker) for r in rels.values()}
        if len(objects) < 2 or len(voices) < 2:
            continue
        sides = tuple(_side(r, i, f"{labels(s)} {p.replace('_', ' ')} {labels(r.object)}") for i, r in rels.items())
        out.append(Contested(id="", kind="exclusive",
                             topic=f"{labels(s)}: {p.replace('_', ' ')} " + " or ".join(labels(o) for o in sorted(objects)),
                             subject=s, sides=sides))
    return out


#: what a person or body belongs to: its state (entity part_of, gazetteer roles, title relations)
AFFILIATIONS = ("leader_of", "spokesperson_of", "affiliated_with")
#: relations that set two parties against each other
HOSTILE = {"attacks", "accuses", "opposes", "ethnically_cleanses", "commits_genocide_against", "occupies", "blocks",
           "kills", "criticizes"}
#: relations that put a party on someone's side
ALIGNED = {"allied_with", "supports"}


def parties(extraction: Extraction, affiliations: dict[str, str] | None = None) -> dict[str, str]:
    """Entity id -> the state it speaks or acts for: a state itself, a body part of a state ("Russian
    peacekeepers"), a person holding a role of a state (gazetteer roles, or "Russian Foreign Minister X")."""
    direct: dict[str, str] = {}
    for e in extraction.entities:
        if e.type == "Country":
            direct[e.id] = e.id
        elif e.part_of:
            direct[e.id] = e.part_of
    for key, state in (affiliations or {}).items():
        direct.setdefault(key, state)
    for rel in extraction.relations:
        if rel.predicate in AFFILIATIONS and not rel.negated and rel.speaker is None:
            direct.setdefault(rel.subject, rel.object)
    out = {}
    for key in direct:
        seen, cur = {key}, direct[key]
        while cur in direct and direct[cur] != cur and direct[cur] not in seen:
            seen.add(cur)
            cur = direct[cur]
        out[key] = cur
    return out


_CLAIM_WORDS = re.compile(r"\b(claims?|allegations?|accusations?|charges?|assertions?)\b", re.I)


def _denials(extraction: Extraction, labels, party: dict[str, str]) -> list[Contested]:
    """A accuses B; B (or someone speaking for B's side) rejects claims from A's side: both, side by side."""
    accusations: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, rel in enumerate(extraction.relations):
        if rel.predicate == "accuses" and not rel.negated:
            accusations[(rel.subject, rel.object)].append(i)

    def same_side(a: str, b: str) -> bool:
        return a == b or (a in party and party.get(a) == party.get(b))

    out = []
    ordered = sorted(accusations.items())
    accusing: dict[tuple[str, str], tuple[Side, ...]] = {}
    for i, rel in enumerate(extraction.relations):
        if rel.predicate != "rejects" or rel.negated:
            continue
        about_claims = bool(_CLAIM_WORDS.search(rel.provenance.sentence))
        for (accuser, accused), idx in ordered:
            exact = (accuser, accused) == (rel.object, rel.subject)
            # by party only when the text says claims are rejected ("rejected claims from Armenia")
            if not (exact or (about_claims and same_side(accuser, rel.object) and same_side(accused, rel.subject))):
                continue
            if (accuser, accused) not in accusing:  # the same for every denial of it
                accusing[(accuser, accused)] = tuple(
                    _side(extraction.relations[j], j, f"{labels(accuser)} accuses {labels(accused)}") for j in idx)
            sides = accusing[(accuser, accused)] + (_side(rel, i, f"{labels(rel.subject)} rejects the accusation"),)
            out.append(Contested(id="", kind="denial",
                                 topic=f"{labels(accuser)} accuses {labels(accused)}, who denies it",
                                 subject=accused, sides=sides))
    return out


#: acts whose agent is what sources dispute: "who broke the ceasefire"
BLAME = {"violates": "violated"}


def _blame(extraction: Extraction, labels, party: dict[str, str]) -> list[Contested]:
    """Voices naming agents of different sides for one act on the same thing: "Armenia violated the ceasefire"
    in one source, "the Azerbaijani side violated it" in another."""
    by_act: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, rel in enumerate(extraction.relations):
        if rel.predicate in BLAME and not rel.negated:
            by_act[(rel.predicate, rel.object)].append(i)
    out = []
    for (pred, obj), idx in sorted(by_act.items()):
        agents = {party.get(extraction.relations[i].subject, extraction.relations[i].subject) for i in idx}
        voices = {(extraction.relations[i].source, extraction.relations[i].speaker) for i in idx}
        # a voice that blames both sides is not disputing who did it
        blames_both = any(len({party.get(extraction.relations[i].subject, extraction.relations[i].subject)
                               for i in idx if (extraction.relations[i].source, extraction.relations[i].speaker) == v}) > 1
                          for v in voices)
        if len(agents) < 2 or len(voices) < 2 or blames_both:
            continue
        sides = tuple(_side(extraction.relations[i], i, f"{labels(extraction.relations[i].subject)} "
                            f"{pred.replace('_', ' ')} {labels(obj)}") for i in idx)
        out.append(Contested(id="", kind="blame", subject=obj, sides=sides,
                             topic=f"Who {BLAME[pred]} {labels(obj)}: "
                                   + " or ".join(labels(a) for a in sorted(agents))))
    return out


def _alignments(extraction: Extraction, labels, party: dict[str, str]) -> list[Contested]:
    """One voice puts X on A's side, another on B's, where A and B are adversaries in the corpus."""
    hostile = {frozenset((party.get(r.subject, r.subject), party.get(r.object, r.object)))
               for r in extraction.relations if r.predicate in HOSTILE and not r.negated}
    by_subject: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, rel in enumerate(extraction.relations):
        if rel.predicate in ALIGNED and not rel.negated and not rel.hedged:
            by_subject[rel.subject][rel.object].append(i)
    out = []
    for subject, targets in sorted(by_subject.items()):
        names = sorted(targets)
        for a_pos, a in enumerate(names):
            for b in names[a_pos + 1:]:
                pa, pb = party.get(a, a), party.get(b, b)
                if pa == pb or frozenset((pa, pb)) not in hostile or subject in (pa, pb):
                    continue
                idx = targets[a] + targets[b]
                voices = {(extraction.relations[i].source, extraction.relations[i].speaker) for i in idx}
                if len(voices) < 2:
                    continue
                sides = tuple(_side(extraction.relations[i], i, f"{labels(subject)} on the side of "
                                    f"{labels(extraction.relations[i].object)}") for i in idx)
                out.append(Contested(id="", kind="exclusive", subject=subject, sides=sides,
                                     topic=f"{labels(subject)}: on the side of {labels(a)} or of {labels(b)}"))
    return out


def _number(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    total = 0
    for part in text.split("-"):
        if part not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[part]
    return total


@functools.lru_cache(maxsize=4096)  # one sentence is the evidence of many mentions (and reposts repeat it)
def _figures(text: str, evidence: str, trigger: str) -> tuple[str, ...]:
    """The durations said of an event mention ("forty-four-day Second Karabakh War" -> "44 days")."""
    near = re.search(rf"(\S+\s+)?{re.escape(text)}", evidence)
    out = []
    for match in _DURATION.finditer(" ".join([near.group(0) if near else text, trigger])):
        n = _number(match.group(1))
        if n is not None:
            out.append(f"{n} {match.group(2).lower()}s")
    return tuple(out)


def _frames(evidence: str, framing: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(stance, term) for each stance of ``framing`` whose first term the evidence uses."""
    low = evidence.lower()
    out = []
    for stance, terms in framing.items():
        for term in terms:
            if term in low and re.search(rf"\b{re.escape(term)}\b", low):  # most terms are not even a substring
                out.append((stance, term))
                break
    return out


def _event_sides(extraction: Extraction, facts: dict, framing: dict[str, list[str]], labels) -> list[Contested]:
    out = []
    framed: dict[str, list[tuple[str, str]]] = {}
    for ent in extraction.entities:
        if ent.type != "Event":
            continue
        days: dict[str, list[Side]] = defaultdict(list)
        numbers: dict[str, list[Side]] = defaultdict(list)
        frames: dict[str, list[Side]] = defaultdict(list)
        for m in ent.mentions:
            fact = facts.get((m.source, m.section, m.start))
            evidence = fact.evidence if fact is not None and fact.evidence else m.text
            if fact is not None and fact.date is not None and fact.date.precision == "day":
                days[fact.date.start].append(Side(stance=f"on {fact.date.start}", source=m.source, evidence=evidence))
            for figure in _figures(m.text, evidence, fact.trigger if fact else ""):
                numbers[figure].append(Side(stance=figure, source=m.source, evidence=evidence))
            if evidence not in framed:  # one sentence is the evidence of many mentions
                framed[evidence] = _frames(evidence, framing)
            for stance, term in framed[evidence]:
                frames[stance].append(Side(stance=f"{stance}: {term}", source=m.source, evidence=evidence))
        for kind, found, topic in (("date", days, "date"), ("number", numbers, "figures"), ("framing", frames, "framing")):
            sources = {s.source for sides in found.values() for s in sides}
            if len(found) >= 2 and len(sources) >= 2:
                sides = tuple(_dedupe(s for key in sorted(found) for s in found[key]))
                out.append(Contested(id="", kind=kind, topic=f"{labels(ent.id)}: {topic} differ between sources",
                                     subject=ent.id, sides=sides))
    return out


#: roles whose difference between sources is a discrepancy about who did it
DOER_ROLES = {"agent", "facilitator"}


def _roles(extraction: Extraction, facts: dict, labels, canon=None) -> list[Contested]:
    """One source makes X the doer of an event, another only its facilitator ("by Armenia and Russia" vs
    "facilitated by Armenia and Russia")."""
    out = []
    actors = {e.id for e in extraction.entities if e.type != "Event"}
    for ent in extraction.entities:
        if ent.type != "Event":
            continue
        roles: dict[str, dict[str, list[Side]]] = defaultdict(lambda: defaultdict(list))
        for m in ent.mentions:
            fact = facts.get((m.source, m.section, m.start))
            if fact is None:
                continue
            for p in fact.participants:
                who = canon(m.source, p.entity) if canon is not None else p.entity  # the facts keep reading keys
                if p.role in DOER_ROLES and who in actors:
                    roles[who][p.role].append(Side(stance=f"{labels(who)}: {p.role}", source=m.source,
                                                   evidence=fact.evidence or m.text))
        for who, by_role in sorted(roles.items()):
            sources = {s.source for sides in by_role.values() for s in sides}
            if len(by_role) >= 2 and len(sources) >= 2:
                sides = tuple(_dedupe(s for role in sorted(by_role) for s in by_role[role]))
                out.append(Contested(id="", kind="role", subject=ent.id, sides=sides,
                                     topic=f"{labels(ent.id)}: {labels(who)} as " + " or ".join(sorted(by_role))))
    return _merge_roles(out)


def _merge_roles(groups: list[Contested]) -> list[Contested]:
    """Participants with the same disagreement on one event are one group ("Armenia and Russia")."""
    merged: dict[tuple, Contested] = {}
    for g in groups:
        key = (g.subject, tuple(sorted({(s.source, s.stance.split(": ", 1)[1]) for s in g.sides})))
        if key in merged:
            old = merged[key]
            who = old.topic.split(": ", 1)[1].split(" as ", 1)
            topic = f"{old.topic.split(': ', 1)[0]}: {who[0]} and {g.topic.split(': ', 1)[1].split(' as ', 1)[0]} as {who[1]}"
            merged[key] = replace(old, topic=topic, sides=tuple(_dedupe(old.sides + g.sides)))
        else:
            merged[key] = g
    return list(merged.values())


def _dedupe(sides) -> list[Side]:
    seen, out = set(), []
    for s in sides:
        if (s.stance, s.source, s.evidence) not in seen:
            seen.add((s.stance, s.source, s.evidence))
            out.append(s)
    return out


def _merge_same(groups: list[Contested]) -> list[Contested]:
    """One group per (kind, topic): denials of the same accusation in several sentences are one conflict (the
    first group, with every group's sides, each once, in order)."""
    merged: dict[tuple[str, str], list[Contested]] = {}
    for g in groups:
        merged.setdefault((g.kind, g.topic), []).append(g)
    return [same[0] if len(same) == 1 else replace(same[0], sides=tuple(_dedupe(s for g in same for s in g.sides)))
            for same in merged.values()]


def neutral_event_labels(extraction: Extraction, framing: dict[str, list[str]], type_labels: dict[str, str]) -> Extraction:
    """An event kg names itself (not a known, named event) is not labelled with one side's word for it
    ("counter-terrorism measures", "assault"): such a label becomes "<type> in <place> (<date>)"; the
    framed words stay as aliases."""
    terms = [t for ts in framing.values() for t in ts]
    labels = {e.id: e.label for e in extraction.entities}
    out = []
    for e in extraction.entities:
        low = e.label.lower()
        type_label = type_labels.get(e.event_type or "", "event")
        if any(re.search(rf"\b{re.escape(t)}\b", type_label.lower()) for t in terms):
            out.append(e)  # the type's own name is a framing ("ethnic cleansing"): the label says no more
            continue
        if e.type == "Event" and e.id.startswith("event_") and any(re.search(rf"\b{re.escape(t)}\b", low) for t in terms):
            parts = [type_label]
            if e.place:
                parts.append(f"in {labels.get(e.place, e.place)}")
            if e.date:
                parts.append(f"({e.date.start})")
            label = " ".join(parts)
            e = replace(e, label=label, aliases=tuple(sorted(set(e.aliases) | {e.label})))
        out.append(e)
    return replace(extraction, entities=tuple(out))


def find_contested(extraction: Extraction, facts: dict, framing: dict[str, list[str]],
                   affiliations: dict[str, str] | None = None, canon=None) -> tuple[Contested, ...]:
    """Every contested group, with stable ids, in a deterministic order.

    ``affiliations`` maps people and bodies to the state they act for where the text does not say
    (the gazetteer's roles: Dmitry Peskov -> russia); ``canon(source, key)`` maps the reading keys of
    ``facts`` to entity ids."""
    label_of = {e.id: e.label for e in extraction.entities}

    def labels(key: str) -> str:
        return label_of.get(key, key)

    party = parties(extraction, affiliations)
    groups = (_polarity(extraction, labels) + _denials(extraction, labels, party) + _exclusive(extraction, labels)
              + _alignments(extraction, labels, party) + _blame(extraction, labels, party)
              + _event_sides(extraction, facts, framing, labels) + _roles(extraction, facts, labels, canon))
    groups = _merge_same(groups)
    groups.sort(key=lambda g: (g.kind, g.subject, g.topic))
    return tuple(replace(g, id=f"contested_{i + 1:03d}") for i, g in enumerate(groups))
