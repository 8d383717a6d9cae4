"""Events: dates for event mentions, normalized against the article's publication date."""
from __future__ import annotations

from .dates import find_dates, parse_anchor
from .model import DateValue, Mention


def is_event_key(key: str, gaz) -> bool:
    if key.startswith("Event:"):
        return True
    entry = gaz.entries.get(key)
    return entry is not None and entry.type == "Event"


def event_dates(doc, mentions: list[Mention], *, anchor: str | None, gaz) -> dict[tuple[str, str, int], DateValue]:
    """(source, section, mention start) -> the date the text gives for that event mention.

    A date inside the mention ("the 2020 war") wins; otherwise the date expression nearest to the
    mention in the same sentence.
    """
    anchor_date = parse_anchor(anchor)
    out = {}
    for m in mentions:
        if not is_event_key(m.entity, gaz):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        found = find_dates(sent.text, anchor_date)
        if not found:
            continue
        rel = m.start - sent.start_char
        inside = [f for f in found if rel <= f[0] < rel + (m.end - m.start)]
        best = inside[0] if inside else min(found, key=lambda f: min(abs(f[0] - rel), abs(f[1] - rel)))
        out[(m.source, m.section, m.start)] = best[2]
    return out
