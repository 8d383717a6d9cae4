"""Office holders named by their office: "the Russian president", "Azerbaijan's foreign minister" -> the person the
gazetteer knows held that office on the article's date (one holder, or nothing).

A mention found this way has the reading ``role``. A name right after the title ("Russian President Vladimir
Putin") is left to the name, and "former" / "ex-" offices are not resolved (which former holder?).
"""
from __future__ import annotations

from .gazetteer import Gazetteer, norm
from .model import Mention
from .nlp import text_of

#: title words -> the role key the gazetteer's dated role facts use
OFFICES = {
    ("president",): "president", ("prime", "minister"): "prime_minister", ("premier",): "prime_minister",
    ("foreign", "minister"): "foreign_minister", ("defense", "minister"): "defense_minister",
    ("defence", "minister"): "defense_minister", ("chancellor",): "chancellor", ("king",): "king",
    ("supreme", "leader"): "supreme_leader", ("vice", "president"): "vice_president",
}
_HEADS = {words[-1] for words in OFFICES}
_LONGEST_FIRST = sorted(OFFICES.items(), key=lambda item: -len(item[0]))
_FORMER = {"former", "ex", "late", "then", "previous", "next", "future", "new", "outgoing", "incoming", "acting"}

RoleIndex = dict[tuple[str, str], list[tuple[str, str, str]]]


def role_index(gaz: Gazetteer) -> RoleIndex:
    """(role, state) -> [(since, until, person id)] from the gazetteer's dated role facts."""
    out: RoleIndex = {}
    for entry in gaz.entries.values():
        if entry.type != "Person":
            continue
        for role in entry.roles:
            out.setdefault((role.role, role.of), []).append((role.since or "", role.until or "", entry.id))
    return out


def holder(index: RoleIndex, role: str, state: str, on: str) -> str | None:
    """The one person who held ``role`` of ``state`` on date ``on`` (ISO, any precision), else None."""
    found = {pid for since, until, pid in index.get((role, state), ())
             if since[:len(on)] <= on and (not until or on[:len(until)] <= until)}
    return next(iter(found)) if len(found) == 1 else None


def role_mentions(doc, mentions: list[Mention], gaz: Gazetteer, index: RoleIndex, *, on: str | None,
                  source: str, section: str) -> list[Mention]:
    """Mentions of office holders named by office and state ("the Russian president", "Armenia's prime
    minister"), added to ``mentions``."""
    heads = [tok for tok in doc if tok.lower_ in _HEADS and tok.pos_ in ("NOUN", "PROPN")]
    if not on or not index or not heads:
        return mentions
    at = {i: m.entity for m in mentions for i in _token_range(doc, m)}
    found = []
    for tok in heads:
        if tok.i in at:
            continue
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," else (
            doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
        if after is not None and after.pos_ == "PROPN" and after.is_title:
            continue  # "Russian President Vladimir Putin", "Kosovo's prime minister, Albin Kurti": the name says who
        if tok.dep_ in ("attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
            continue  # "X became Britain's prime minister", "sworn in as Taiwan's president": the office X takes
        role, first = next(((key, tok.i - len(words) + 1) for words, key in _LONGEST_FIRST
                            if tok.i - len(words) + 1 >= 0
                            and tuple(t.lower_ for t in doc[tok.i - len(words) + 1:tok.i + 1]) == words),
                           (None, tok.i))
        if role is None:
            continue
        state, begin = _state_before(doc, first, at, gaz)
        if state is None or (begin > 0 and doc[begin - 1].lower_.strip("-") in _FORMER):
            continue
        person = holder(index, role, state, on)
        if person is None:
            continue
        start, end = doc[first].idx, tok.idx + len(tok.text)  # the office; the state's name stays its mention
        found.append(Mention(entity=person, text=text_of(doc)[start:end], start=start, end=end, source=source,
                             section=section, reading="role", ner_label="ROLE"))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _state_before(doc, first: int, at: dict[int, str], gaz: Gazetteer) -> tuple[str | None, int]:
    """The state named right before an office ("Russian", "Russia's") and where its name starts (to look for
    "former" before it)."""
    i = first - 1
    if i >= 0 and doc[i].tag_ == "POS":  # "Russia's president"
        i -= 1
    if i < 0:
        return None, first
    if doc[i].lower_ in _FORMER or doc[i].lower_.strip("-") in _FORMER:
        return None, first
    key = at.get(i)
    if key is None:
        key = gaz.demonyms.get(norm(doc[i].text))
    if key is None or gaz.entries.get(key) is None or gaz.entries[key].type != "Country":
        return None, first
    begin = i
    while begin - 1 >= 0 and at.get(begin - 1) == key and at.get(begin - 1) is not None:
        begin -= 1
    return key, begin


def _token_range(doc, m: Mention) -> range:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
