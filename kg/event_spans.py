"""The spans of text that denote an event, as written (GAF-style mentions): "the blockade of the Lachin
corridor", "Azerbaijan launched a military operation". Kept as the event's aliases, and matched across
articles ("the same words for the same kind of event").
"""
from __future__ import annotations

import re

from .nlp import text_of

#: the longest span kept as a name of an event (tokens)
MAX_SPAN_TOKENS = 16
_LEFT_DEPS = ("det", "predet", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "npadvmod", "case")
_RIGHT_DEPS = ("prep", "acl", "nummod", "npadvmod")
_PLACE_PREPS = ("in", "at", "to", "on", "with", "between", "against")
_BREAKS = (",", ";", ":", "(", ")", "—", "–", "[")
#: verbs whose object noun is the event itself, so the clause names it too ("X launched an attack")
SUPPORT_VERBS = {"launch", "hold", "stage", "publish", "establish", "sign", "initial", "issue", "call", "conduct", "host",
                 "organize", "organise", "carry", "start", "begin", "announce", "declare", "impose", "mount",
                 "make", "leak", "set", "open", "close", "reach", "conclude", "convene"}


def surface_spans(tok) -> tuple[str, ...]:
    """The spans of text that denote an event, as written (GAF-style mentions of the event).

    For a noun: its noun phrase with determiner and modifiers, then with each modifier to its right in turn
    ("a meeting", "a meeting in Sofia", "a meeting in Sofia on Monday"); when the phrase is the object of a
    verb with a subject, that clause too ("Meduza published a leak"). For a verb: the verb phrase ("visited
    Yerevan") and the clause with its subject ("the ministers convened in Moscow"). Never past the sentence
    or a line break, never a relative clause, at most MAX_SPAN_TOKENS tokens.
    """
    if tok.pos_ == "VERB":
        spans = [_verb_phrase(tok, subject=False), _verb_phrase(tok, subject=True)]
    else:
        spans = _noun_phrases(tok)
        head = tok.head
        if tok.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in SUPPORT_VERBS:
            subject = [c for c in head.lefts if c.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                first = min(t.i for t in subject[0].subtree)
                spans += [(first, end) for _, end in spans[:1] + spans[-1:]]
    doc = tok.doc
    out = []
    for first, last in spans:
        if first is None or last - first + 1 > MAX_SPAN_TOKENS:
            continue
        while last > first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        text = text_of(doc)[doc[first].idx:doc[last].idx + len(doc[last].text)]
        text = re.sub(r"\s+", " ", re.sub(r"[“”\"«»]", "", text)).strip()
        if "\n" not in text_of(doc)[doc[first].idx:doc[last].idx] and text and text not in out:
            out.append(text)
    return tuple(out)


def _cut(first: int, last: int, doc) -> int:
    """The end of a span before the first comma, bracket or dash after its start (an apposition or aside)."""
    for i in range(first + 1, last + 1):
        if doc[i].text in _BREAKS:
            return i - 1
    return last


def _noun_phrases(tok) -> list[tuple[int, int]]:
    left = min([tok.i] + [t.i for c in tok.lefts if c.dep_ in _LEFT_DEPS for t in c.subtree])
    spans, end = [(left, tok.i)], tok.i
    for child in tok.rights:
        if child.dep_ not in _RIGHT_DEPS or child.i != end + 1:
            break  # a comma, a relative clause, an apposition: the phrase ends here
        cut = _cut(end, max(t.i for t in child.subtree), tok.doc)
        if cut == end or any(t.sent != tok.sent for t in child.subtree):
            break
        end = cut
        spans.append((left, end))
    return spans


def _verb_phrase(verb, *, subject: bool) -> tuple[int | None, int]:
    toks = [verb]
    for child in verb.children:
        dated = child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children)
        if dated:
            continue
        if child.dep_ in ("dobj", "prt", "neg", "attr") or (child.dep_ == "prep" and child.lower_ in _PLACE_PREPS) \
                or (subject and child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")):
            toks.extend(child.subtree)
    first, last = min(t.i for t in toks), max(t.i for t in toks)
    if subject and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None, last
    return after_dash(first, verb.i, verb.doc), _cut(verb.i, last, verb.doc)


def after_dash(first: int, verb: int, doc) -> int:
    """The start of a clause after a free-standing dash before its verb: a dateline ("CARACAS (Reuters) -
    Officials met") or an aside is not part of what happened."""
    for i in range(verb - 1, first, -1):
        if doc[i].text in ("-", "—", "–") and (i == 0 or doc[i - 1].whitespace_):
            return i + 1
    return first
