"""The gazetteer's curated, dated events (the Second Karabakh War, a signing, a blockade), and which one an
event mention names: of its type, with no state foreign to the event's sides, dated within the event's dates
(a long event also needs the text to point at it), pointed at near the mention: its paragraph names one of
the event's sides or its place, or the article names two of them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .events import KIND_TYPES
from .gazetteer import Gazetteer
from .model import DateValue, EventFact


def _within(date: DateValue, span: tuple[str, str | None]) -> bool:
    """Does a date (any precision) fall inside a (start, end) range (end None: ongoing), compared at the
    coarser precision?"""
    d, (start, end) = date.start, span
    m1 = min(len(d), len(start))
    if end is None:
        return d[:m1] >= start[:m1]
    m2 = min(len(d), len(end))
    return d[:m1] >= start[:m1] and d[:m2] <= end[:m2]


#: words of a mention that point at no event
FUNCTION_WORDS = {"the", "a", "an", "of", "on", "in", "at", "by", "and", "to", "for", "with", "its", "their", "this"}

#: a known event longer than this (a decades-long conflict) is not what a dated mention names ("the 2022 escalation")
MAX_KNOWN_EVENT_YEARS = 10


@dataclass(frozen=True)
class _Known:
    """A curated, dated event of the gazetteer, with what matching a mention against it needs."""
    id: str
    span: tuple[str, str | None]
    years: int
    words: frozenset  # the words of its names, lower case
    sides: frozenset  # its parties and its place
    side_states: frozenset  # the states among them
    place: str | None


class KnownEvents:
    """The gazetteer's curated dated events by type, and the state each key stands for, worked out once per
    resolution (matching each trigger mention against every known event was a third of it)."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self._states: dict[str, frozenset] = {}
        self.by_type: dict[str, list[_Known]] = defaultdict(list)
        for e in gaz.entries.values():
            if e.type == "Event" and e.date and e.curated:
                sides = frozenset(e.parties) | ({e.place} if e.place else frozenset())
                span = _span(e)
                self.by_type[KIND_TYPES.get(e.kind, e.kind)].append(_Known(
                    id=e.id, span=span, years=_years(span), place=e.place, sides=sides,
                    side_states=self.states(sides),
                    words=frozenset(w.lower() for name in e.names for w in re.split(r"[\s-]+", name))))

    def states(self, keys) -> frozenset:
        """The states among ``keys``, a body standing for its state ("russia__troops", a ministry, a capital):
        :meth:`kg.gazetteer.Gazetteer.state_of` of each key, remembered."""
        out = frozenset()
        for key in keys:
            found = self._states.get(key)
            if found is None:
                state = self.gaz.state_of(key)
                found = self._states[key] = frozenset({state} if state else ())
            out |= found
        return out

    def points_at(self, head: str, keys: set[str], known: _Known, states: frozenset | None = None) -> bool:
        """Do a mention's head word or its keys point at ``known`` (see :func:`_points_at`)?"""
        if head in known.words or keys & known.sides:
            return True
        return bool((self.states(keys) if states is None else states) & known.side_states)

    def sides_named(self, keys: set[str], known: _Known, states: frozenset | None = None) -> int:
        """How many of ``known``'s sides and place ``keys`` name, a side state by any body of it."""
        states = self.states(keys) if states is None else states
        return len((keys & known.sides) | (states & known.side_states))

    def names_place(self, places: set[str], known: _Known) -> bool:
        """Does a mention name ``known``'s place: the same place, a place within it, or a place one of its names
        is named after ("the attack in Pulwama" and the Pulwama attack, placed in Jammu and Kashmir)? An unknown
        place's key is the slug of its name."""
        return any(self._names_place(place, known) for place in places)

    def _names_place(self, place: str, known: _Known) -> bool:
        key, seen = place, set()
        while key and key not in seen:
            if key == known.place:
                return True
            seen.add(key)
            key = getattr(self.gaz.entries.get(key), "part_of", None)
        entry = self.gaz.entries.get(place)
        names = entry.names if entry is not None else (place.replace("_", " "),)
        return any(set(re.split(r"[\s-]+", name.lower())) <= known.words for name in names)


def known_event(fact: EventFact, text: str, parties: set[str], place: str | None, known: KnownEvents,
                 article: set[str] = frozenset(), targets: set[str] = frozenset(), article_states=None,
                 near: set[str] = frozenset()) -> str | None:
    """The known event a trigger mention names, if any.

    It must be of the mention's type and involve no state foreign to the event's sides (a 2022 war between
    Armenia and Azerbaijan is not the invasion of Ukraine). A dated mention joins the narrowest such event
    whose dates contain its date: within one calendar year the date is enough ("the 2020 war"), unless the
    date is coarser than a brief event's (a year for a one-day attack: "Pakistan shelled India in 2019" is not
    the one attack of 2019 between them), which a common word of the mention (its head, a modifier) or a place
    it names that is no state must then point at too ("the 2019 attack in Pulwama", "annexed Crimea in 2014"); a
    longer or ongoing event needs the text to point at it too (its head word is in one of the event's names, or it
    shares a side or the place); a decades-long conflict absorbs no dated mention. Either way the text must
    point at the event near the mention: the mention or its paragraph (``near``: the keys it names) names one of
    the event's sides or its place, or the article (``article``) names two of them, or all if it has fewer ("the
    war began in November 2020" in a story about Tigray is not the Karabakh war of that autumn; "the 2020
    ceasefire" in a story about Libya that names Russia once is not the Karabakh ceasefire Russia brokered). An
    undated mention joins the only such event at its place ("the corridor, blocked by X" -> that blockade).
    ``article_states``: the states among ``article``, if known.
    """
    at = parties | ({place} if place else set())
    head = text.split()[-1].lower() if text.split() else ""
    mine = known.states(at)
    if article and article_states is None:
        article_states = known.states(article)
    # its head and the common words before it ("a 2020 ceasefire deal"), not the names of its sides ("Russian")
    common = {head} | {w for w in re.split(r"[\s-]+", text) if w.isalpha() and w.islower() and w not in FUNCTION_WORDS}
    # the places it names that are no state: a state is too broad to single out an attack or a signing
    local = {k for k in at if getattr(known.gaz.entries.get(k), "type", "") != "Country"}
    fits = [e for e in known.by_type.get(fact.event_type, ())
            if (not mine or not e.side_states or mine <= e.side_states)
            and (not article or known.points_at("", at | near, e) or known.names_place(local, e)
                 or 0 < min(2, len(e.sides)) <= known.sides_named(article, e, article_states))]
    if fact.date is not None:  # within one calendar year the date is enough; a longer event needs a pointer
        match = [e for e in fits if _within(fact.date, e.span) and e.years <= MAX_KNOWN_EVENT_YEARS
                 and (known.points_at(head, at, e, mine) if e.years
                      else not _coarser(fact.date, e.span) or common & e.words or known.names_place(local, e))]
        spans = sorted((e.years, e.id) for e in match)
        if len(spans) == 1 or (spans and spans[0][0] < spans[1][0]):
            return spans[0][1]
        return None
    # undated: the one event at the place the mention names ("the closure of the Lachin corridor", "the war on
    # Ukrainian cities"); a state that acts in it is not its place ("Russia launched an assault" is not the one
    # attack the gazetteer places in Russia)
    where = {place} | set(targets) | {k for k in parties if getattr(known.gaz.entries.get(k), "type", "") != "Country"}
    match = [e for e in fits if e.place and e.place in where and _sides_fit(e, article_states or frozenset(), known)]
    return match[0].id if len(match) == 1 else None


def _coarser(date: DateValue, span: tuple[str, str | None]) -> bool:
    """Is a mention's date coarser than a brief known event's dates (a year or a month for a one-day attack)?
    Such a date does not single the event out: many attacks between two sides fall in one year."""
    return span[1] is not None and span[0][:7] == span[1][:7] and len(date.start) < len(span[0])


def _sides_fit(event: _Known, article_states: frozenset, known: KnownEvents) -> bool:
    """Does an article that names states name one of ``event``'s sides besides the state its place stands for?
    A capital hosts many events: "the Washington declaration" in a story about Armenia and Azerbaijan is not the
    Abraham Accords signed in Washington by Israel and the Gulf states. An article that names no other state
    leaves the place enough."""
    entry = known.gaz.entries.get(event.place)
    home = known.states({event.place, getattr(entry, "metonym_of", None) or event.place})  # Washington: the US
    others = event.side_states - home
    return not others or not (article_states - home) or bool(article_states & others)


#: kinds of known event that last: one with a start and no end is still going on (a war); any other kind with
#: only a start happened on that day (an attack, a signing)
LASTING_KINDS = {"War", "Conflict", "Blockade", "Repression", "Sanctions", "Protest", "Mission", "Displacement"}


def _span(entry) -> tuple[str, str | None]:
    start, end = entry.date
    if end is None and KIND_TYPES.get(entry.kind, entry.kind) not in LASTING_KINDS:
        return start, start
    return start, end


def _years(span: tuple[str, str | None]) -> int:
    """How many calendar years a known event spans (an ongoing one: unbounded)."""
    return int(span[1][:4]) - int(span[0][:4]) if span[1] else 10_000


def known_date(entry) -> DateValue:
    start, end = entry.date
    precision = {1: "year", 2: "month"}.get(len(start.split("-")), "day")
    return DateValue(start=start, precision=precision, end=end, text="(gazetteer)")
