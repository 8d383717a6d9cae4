"""An event mention's date: the nearest date expression of its sentence that is the event's own, by the parse.

Not a date that bounds something else ("will stay until 2025"), not one inside another event's name ("the
2020 accord"), not the date of another event the clause stands in ("a deal signed in November 2022"), nor of
what someone said ("he stressed that ... in 2020"), nor "since 2012" after a superlative.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import counts_from_before, counts_from_today, find_dates, paragraph_starts, parse_anchor, tells_a_time
from .model import DateValue, Mention
from .nlp import text_of


#: a date after these words bounds something else ("will stay until at least 2025"), it does not date the event
_BOUND = re.compile(r"\b(?:until|till|through|by|before|after)\s+(?:at\s+(?:least|the\s+latest)\s+)?$", re.I)
_BOUND_IN = re.compile(r"(?:until|till|by)\b", re.I)  # ... or inside it: "By August, troops held a third of it"



def _date_owner(span, start: int, end: int, others) -> str | None:
    """Whose date a date expression is, by the parse: "me" if its heads reach this event's word first, "other"
    if they reach another event's ("the war, which ended with a deal signed in November 2022": the deal's)."""
    doc = span.doc
    date = doc.char_span(start, end, alignment_mode="expand")
    if date is None:
        return None
    roots = set()
    for a, b in others:
        other = doc.char_span(a, b, alignment_mode="expand")
        if other is not None:
            roots.add(other.root.i)
    if _embedded(span.root, date):
        return "other"  # "blocked a statement on the war last week": the statement's week, not the war's
    clause = _clause_head(span.root)
    if (clause is not None and date.root.i not in {t.i for t in clause.subtree}
            and not date.start <= clause.head.i < date.end):  # "on October 7, when gunmen attacked": that day
        return "other"  # "agreed on Wednesday to a ceasefire that would pause 15 months of war": not the war's day
    mine = {t.i for t in span.root.ancestors} | {span.root.i}
    if _apart(span.root, date, mine):
        return "other"
    tok = date.root
    for _ in range(len(doc)):
        if tok.i == span.root.i or (tok.lemma_.lower() in ONSET_VERBS and any(
                c.dep_ == "nsubj" and c.i == span.root.i for c in tok.children)):
            return "me"  # "since the war began on April 15": the war's day, whatever the clause hangs on
        if tok.i in roots and not _last_conjunct(span.root, tok, date):
            return "other"
        if tok.dep_ == "ccomp" and tok.i not in mine and span.root.i not in {t.i for t in tok.subtree}:
            return "other"  # "During the meeting, he stressed that ... in 2020": a date of what he said, not of the meeting
        if tok.dep_ in ("csubj", "csubjpass") and tok.i not in mine:
            return "other"  # "What started as protests in March turned into a war": the protests' month, not the war's
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _last_conjunct(verb, other, date) -> bool:
    """Is ``other`` (another event's verb) a later conjunct of the event verb ``verb``, with the date after it?
    A date closing coordinated verbs dates them all: "attacked Ukraine and annexed Crimea in 2014"."""
    return (verb.pos_ == "VERB" and other.dep_ == "conj" and other.head.i == verb.i
            and other.i < date.start)


#: verbs whose subject event starts, or takes place, when they do
ONSET_VERBS = {"begin", "start", "erupt", "break", "occur", "happen"}


#: words that make what they govern only possible, planned or wished for ("ready to host a meeting", "plans to
#: hold talks", "would help avoid a new war")
_UNREAL = {"ready", "willing", "prepared", "plan", "intend", "hope", "want", "wish", "seek", "propose", "offer",
           "aim", "avoid", "prevent", "threaten", "expect", "promise", "pledge", "vow", "encourage", "urge"}
#: a clause under these words sets another fact beside the main clause, not a second thing that happened then
_CONTRAST = {"while", "whereas", "although", "though"}


def _apart(event, date, mine: set[int]) -> bool:
    """Do the event and a date meet only above a clause boundary that keeps the date from the event: the event
    only possible under the verb the date hangs on ("said on Tuesday that Moscow was ready to host a meeting",
    "said on Monday that a treaty could be signed"), set beside it ("hosted talks in May, while Michel chaired
    meetings"), or the date inside a relative clause about something else ("came after a blockade, which
    Azerbaijan had imposed since December 2022") or inside a clause of what came before or since ("the first
    meeting since the two sides went to war in the early 1990s"; a bare year may hold both, as in
    :func:`_embedded`)? The date of the word they meet at is not the event's then."""
    year = _YEAR.fullmatch(date.text.strip()) is not None
    below_date = []
    tok = date.root
    for _ in range(len(event.doc)):
        if tok.i in mine:
            break
        below_date.append(tok)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    join = tok.i
    below_event = []
    tok = event
    while tok.i != join and tok.head.i != tok.i:
        below_event.append(tok)
        tok = tok.head
    noun = {t.i for t in event.subtree} if event.pos_ in ("NOUN", "PROPN") else {event.i}
    if any(t.dep_ == "relcl" and t.head.i not in noun and t.head.lemma_.lower() not in _SHARED_DATE_NOUNS
           for t in below_date):
        return True
    if any(t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in t.children)
           for t in below_date + below_event):
        return True
    marks = [c for t in below_date if t.dep_ == "advcl" for c in t.children
             if c.dep_ == "mark" and c.lower_ in _SEQUENCE]
    if marks and (marks[0].lower_ == "since" or not year or _counted(marks[0])):
        return True
    # what a modal or such a word governs is unreal, not the time around it ("would not intervene during the
    # clashes": the clashes happened) nor an event named before as its subject ("the deal would help")
    return any(_unreal(t) and (child is None or (child.dep_ not in _ADJUNCTS and not _definite_subject(child)))
               for child, t in zip([None, *below_event], below_event))


_ADJUNCTS = {"prep", "advcl", "advmod", "npadvmod"}


def _definite_subject(tok) -> bool:
    """Is ``tok`` a subject named before ("the deal")?"""
    return tok.dep_ == "nsubj" and any(c.dep_ == "det" and c.lower_ in _BACK for c in tok.children)


def _unreal(verb) -> bool:
    """Is ``verb`` only possible or wished for: under a modal ("could be signed"), or a word like "ready" or
    "avoid" itself?"""
    return verb.lemma_.lower() in _UNREAL or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


#: nouns an event may stand in and still be what the clause dates ("a new round of talks on Monday", "the start of
#: the offensive on Friday", "dozens of strikes on Sunday", "played a role in the talks last year")
_SHARED_DATE_NOUNS = {"start", "beginning", "launch", "outbreak", "resumption", "onset", "renewal", "round", "wave",
                      "series", "spate", "barrage", "string", "volley", "salvo", "flurry", "escalation", "dozen",
                      "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "couple", "pair", "lot",
                      "role", "part", "involvement", "participation"}
#: a phrase or clause the event stands in, told by these words, is before or after the clause's time
_SEQUENCE = {"after", "before", "following", "since", "until", "ahead"}
#: what a statement, report or measure is about
_TOPIC = {"on", "about", "over", "regarding", "concerning", "into"}


def _embedded(event, date) -> bool:
    """Does the event stand inside a phrase the dated word governs, so that the date is another thing's: a noun
    ("a statement on the war last week", "weeks of attacks", "in response to the raid"), or a phrase or clause of
    what came before or after ("captured Goma on Monday after a lightning offensive", "two years after fighting
    broke out")? Coordination and apposition add no level ("strikes and raids on Monday")."""
    above = {date.root.i} | {t.i for t in date.root.ancestors}
    if event.i in above or date.start <= event.i < date.end:
        return False
    after = event.right_edge.i + 1
    if ((date.start == after and date[0].pos_ == "ADP")
            or (date.start == after + 1 and event.doc[after].lower_ in ("on", "in"))):
        # "retaliation for a strike on its embassy in Damascus | on April 1", hung high by the parser; but an adverb
        # ("will initial the text of the treaty | today") is the verb's
        return False
    if (event.dep_ == "pobj" and event.head.lower_ in _TOPIC and event.head.head.i in above
            and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in event.head.head.children)):
        return True  # "blocked a statement | on the war last week", the topic hung on the verb: the statement's
    # a year holds what just came before or after in it ("came to power in 2018 following a wave of protests"),
    # unless the text counts the time between ("in 2020, two years after the protests")
    year = _YEAR.fullmatch(date.text.strip()) is not None
    tok = event
    for _ in range(len(event.doc)):
        if tok.i in above:
            return False
        marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in _SEQUENCE] if tok.pos_ in ("VERB", "AUX") else []
        if marks:
            return not year or _counted(marks[0])
        if tok.i != event.i and tok.dep_ == "prep" and tok.lower_ in _SEQUENCE:
            return not year or _counted(tok)
        child, tok = tok, tok.head
        if tok.i == child.i:
            return False
        if (tok.i not in above and tok.pos_ in ("NOUN", "PROPN") and child.dep_ not in ("conj", "appos", "cc")
                and tok.lemma_.lower() not in _SHARED_DATE_NOUNS and tok.lower_ not in _SHARED_DATE_NOUNS):
            return True
    return False


_YEAR = re.compile(r"(?:(?:in|during) )?(?:the year )?\d{4}", re.I)
_SPANS_OF_TIME = {"year", "month", "week", "day", "decade", "hour", "century"}


def _counted(word) -> bool:
    """Does the text count the time before or after ``word`` ("two years after", "months before")?"""
    near = [*word.children, *([word.head] if word.dep_ == "mark" else [])]
    around = {t for n in near for t in (n, *n.children)}
    return any(t.lemma_.lower() in _SPANS_OF_TIME for t in around)


def _clause_head(tok):
    """The verb of the relative clause or clausal subject ``tok`` stands in ("a ceasefire that would pause the
    war": pause; "what began as a protest ended with ...": began), if any."""
    for _ in range(len(tok.doc)):
        if tok.dep_ in ("relcl", "csubj", "csubjpass"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


_SINCE = re.compile(r"\bsince\s+$", re.I)


def _superlative(noun) -> bool:
    """"the worst fighting", "the most serious escalation", "the first talks" (since ...)."""
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ == "first" for c in noun.lefts for t in c.subtree)


#: verbs of a reaction to an event named before: their date is the reaction's ("On Monday, X condemned the attack")
REACTION_VERBS = {"condemn", "denounce", "criticize", "criticise", "deplore", "decry", "welcome", "praise", "hail",
                  "applaud", "discuss", "investigate", "probe", "deny", "blame", "mourn", "commemorate", "remember",
                  "recall", "protest", "reject", "dismiss", "regret", "lament"}


def _reacted_to(noun) -> bool:
    """Is ``noun`` what a reaction verb is about: its object, or the object of its preposition ("protested
    against the raid")?"""
    head = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    return head is not None and head.pos_ == "VERB" and head.lemma_.lower() in REACTION_VERBS


#: verbs that stop, keep up or break an event that was going on before: their date is theirs ("Petro suspended the
#: talks in January", "the government halted air strikes the following spring", "the ceasefire expired in August")
COURSE_VERBS = {"suspend", "freeze", "halt", "end", "abandon", "cancel", "postpone", "boycott", "quit", "scrap",
                "interrupt", "violate", "breach", "break", "lift", "extend", "renew", "prolong"}
#: verbs whose subject is an event that ends by them
ENDING_VERBS = {"expire", "lapse"}


def _course_changed(noun) -> bool:
    """Is ``noun`` an event a verb stops, keeps up or breaks (its object, or the subject of "expired")?"""
    head = noun.head
    if head.pos_ != "VERB":
        return False
    lemma = head.lemma_.lower()
    return ((noun.dep_ in ("dobj", "nsubjpass") and lemma in COURSE_VERBS)
            or (noun.dep_ == "nsubj" and lemma in ENDING_VERBS))


#: determiners of a noun that points back at an event named before ("the talks", "these strikes")
_BACK = {"the", "this", "these", "that", "those"}


def date_near(span, m: Mention, anchor_date, others: list[tuple[int, int]] = ()) -> DateValue | None:
    """A date inside the mention ("the 2020 war") wins; else the nearest date expression in its sentence that
    does not bound something else ("until 2025") and is not inside another event's name ("the 2020 accord")."""
    sent = span.sent
    base = sent.start_char
    sent_text = text_of(span.doc)[sent.start_char:sent.end_char]
    found = [f for f in _sentence_dates(span.doc, base, sent_text, anchor_date)
             if not _BOUND.search(sent_text[:f[0]]) and not _BOUND_IN.match(f[2].text)
             and not any(a <= base + f[0] < b for a, b in others)]
    found = [q for q in (_as_said(span.doc, base, f, anchor_date) for f in found) if q is not None]
    owners = {f: _date_owner(span, base + f[0], base + f[1], others) for f in found}
    found = [f for f in found if owners[f] != "other"]
    if span.root.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _BACK for c in span.root.children):
        # "A week later, Eritrea walked out of the talks": when the walking out happened, not the talks (named before)
        found = [f for f in found if not counts_from_before(f[2])]
        if _reacted_to(span.root):  # "On Monday, the EU condemned the attack": the day of the condemnation
            found = [f for f in found if owners[f] == "me"]
    if span.root.pos_ == "NOUN" and _course_changed(span.root):
        found = [f for f in found if owners[f] == "me"]
    if _superlative(span.root):  # "the most serious escalation since 2012": a comparison, not the event's date
        found = [f for f in found if not (_SINCE.search(sent_text[:f[0]]) or f[2].text.lower().startswith("since"))]
    if not found:
        return head_date(span, anchor_date)
    rel = m.start - sent.start_char
    inside = [f for f in found if rel <= f[0] < rel + (m.end - m.start)]
    if inside:
        return inside[0][2]
    # not a date closed inside an earlier clause the event's clause is coordinated with: "fought the Houthis from
    # 2015 and held talks with them" does not date the talks (a date fronted before both verbs, or one after the
    # last, may date both: "attacked Ukraine and annexed Crimea in 2014")
    verb = next((t for t in (span.root, *span.root.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    found = [f for f in found if not _other_conjunct(span.doc, base + f[0], base + f[1], verb)]
    if not found:
        return None
    return min(found, key=lambda f: min(abs(f[0] - rel), abs(f[1] - rel)))[2]


def _other_conjunct(doc, start: int, end: int, verb) -> bool:
    """Does a date expression hang on a verb coordinated with ``verb`` (the event's) and stand between the two?"""
    date = doc.char_span(start, end, alignment_mode="expand")
    if date is None or verb is None:
        return False
    own = next((t for t in date.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if own is None or not own.i < date.start < date.end <= verb.i:
        return False
    return ((verb.dep_ == "conj" and verb.head.i == own.i) or (own.dep_ == "conj" and own.head.i == verb.i)
            or (own.dep_ == "conj" and verb.dep_ == "conj" and own.head.i == verb.head.i))


_QUOTE_MARKS = re.compile(r"[\"“”]")
_WEEKDAY_ONLY = re.compile(r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)


def _quotations(doc) -> list[tuple[int, int]]:
    """(start, end) of every quotation of the text (balanced marks within a paragraph), found once per doc."""
    spans = doc.user_data.get("kg_quotations")
    if spans is None:
        text, spans, offset = text_of(doc), [], 0
        for paragraph in text.split("\n\n"):  # an unclosed quotation does not shift the pairs of the next paragraph
            marks = [offset + m.start() for m in _QUOTE_MARKS.finditer(paragraph)]
            spans += [(a, b) for a, b in zip(marks[::2], marks[1::2]) if text[a] != "”" and text[b] != "“"]
            offset += len(paragraph) + 2
        doc.user_data["kg_quotations"] = spans
    return spans


def _as_said(doc, base: int, found, anchor_date):
    """A date counted from "today" inside a quotation counts from the day the words were said: the day the words
    around the quotation give ('"We were shelled today," the governor said on Monday'). Else "today",
    "yesterday", "last week" are no day (None): a quotation need not be from the day it is printed; a weekday
    ("on Monday") still counts from that day, the last it can have been said on, as it names the same day
    whenever the words were said after it. Other dates are kept as they are."""
    start, end, value = found
    quote = next(((a, b) for a, b in _quotations(doc) if a < base + start < b), None)
    if quote is None or not counts_from_today(value):
        return found
    text = text_of(doc)
    said = doc.char_span(quote[0], quote[1] + 1, alignment_mode="expand")
    if said is None:
        return None
    first, last = doc[said.start].sent.start_char, doc[said.end - 1].sent.end_char
    around = text[first:quote[0]] + " " * (quote[1] + 1 - quote[0]) + text[quote[1] + 1:last]
    days = [v for a, _, v in find_dates(around, anchor_date) if v.precision == "day" and v.end is None
            and not any(p <= first + a < q for p, q in _quotations(doc))]
    day = parse_anchor(days[0].start) if days else None
    if day is None:
        return found if _WEEKDAY_ONLY.fullmatch(value.text) else None
    again = find_dates(value.text, day)
    return (start, end, again[0][2]) if again else None


def _sentence_dates(doc, base: int, sent_text: str, anchor_date) -> list:
    """The date expressions of the sentence at character ``base``, found once per sentence (a sentence with
    several events is read once, not once for each)."""
    cache = doc.user_data.setdefault("kg_sentence_dates", {})
    key = (base, str(anchor_date))
    if key not in cache:
        paragraph = _paragraph(doc, base, anchor_date)
        text = text_of(doc)
        told = [v for a, v in paragraph.dates if a < base and v.end is None and _of_main_clause(doc, a, v)
                and tells_a_time(v, text[max(0, a - 20):a])]
        cache[key] = find_dates(sent_text, anchor_date, previous=_last_day_before(doc, base, anchor_date),
                                earlier=told[-1] if told else None)
    return cache[key]


def _of_main_clause(doc, offset: int, value: DateValue) -> bool:
    """Does a date expression date its sentence's main clause ("The blow came in the summer of 1974"), not a
    relative clause or a noun's complement in it ("the troops of ATMIS, which succeeded AMISOM in April 2022")?
    Only such a date sets the year a text goes on telling."""
    date = doc.char_span(offset, offset + len(value.text), alignment_mode="expand")
    return date is not None and not any(t.dep_ in ("relcl", "acl", "ccomp", "advcl") for t in date.root.ancestors)


def _last_day_before(doc, offset: int, anchor_date) -> dt.date | None:
    """The last full date the text gives before character ``offset`` ("On September 19 ... Five days later"):
    what "later" counts from."""
    days = [v.start for p in _paragraphs(doc, anchor_date) for a, v in p.dates
            if a < offset and v.precision == "day" and v.end is None]
    return parse_anchor(days[-1]) if days else None


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int
    dates: tuple  # (offset, DateValue) of its date expressions
    head: DateValue | None  # the date its line begins with ("Nov. 6, 1975 —", "12:34 ET —"), if any


#: a date at the head of a line, before a dash or colon: a chronology's entry ("Nov. 6, 1975 — ...")
_HEAD_DASH = re.compile(r"\s*[—–:-]\s")
#: a clock time at the head of a line: a live blog's entry ("12:34 ET — ...", "9.05am: ...")
_HEAD_TIME = re.compile(r"\s*(?P<time>\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,5})?\s*[—–:-]\s")


def _paragraphs(doc, anchor_date) -> list[_Paragraph]:
    """The paragraphs of the text with their dates, found once per doc; a paragraph is read with the last full
    date of those before it (what "later" counts from). A clock time heads an entry of the day the text was
    published when two or more entries of the text begin with one (a live blog)."""
    key = f"kg_paragraph_dates:{anchor_date}"
    out = doc.user_data.get(key)
    if out is None:
        text, out, last = text_of(doc), [], None
        starts = paragraph_starts(text)
        timed = sum(1 for a in starts if _HEAD_TIME.match(text, a))
        for a, b in zip(starts, (*starts[1:], len(text))):
            found = find_dates(text[a:b], anchor_date, previous=last)
            head = next((v for s, e, v in found[:1] if not text[a:a + s].strip() and _HEAD_DASH.match(text, a + e)),
                        None)
            clock = _HEAD_TIME.match(text, a)
            if head is None and clock and timed >= 2 and anchor_date is not None:
                head = DateValue(anchor_date.isoformat(), "day", text=clock.group("time"))
            days = [v for _, _, v in found if v.precision == "day" and v.end is None]
            last = parse_anchor(days[-1].start) if days else last
            out.append(_Paragraph(a, b, tuple((a + s, v) for s, _, v in found), head))
        doc.user_data[key] = out
    return out


def _paragraph(doc, offset: int, anchor_date) -> _Paragraph:
    return next(p for p in reversed(_paragraphs(doc, anchor_date)) if p.start <= offset)


#: where a noun tells an event as what happens, not as what another thing is about ("commits both sides to the
#: treaty"): the subject or object of its clause, or the time of it ("during a visit")
_DONE_ROLES = {"nsubj", "nsubjpass", "dobj", "ROOT"}
_DURING = {"during", "at", "amid", "in"}


def _told_as_done(tok) -> bool:
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.pos_ in ("VERB", "AUX") or tok.dep_ in _DONE_ROLES:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in _DURING and tok.head.head.pos_ in ("VERB", "AUX")


def head_date(span, anchor_date) -> DateValue | None:
    """The date the line of an event mention begins with, for a mention whose sentence gives no date of its own
    ("Feb. 27, 1976 — The Polisario Front proclaims the SADR. War breaks out with Morocco."; "12:34 ET — Aliyev and
    Pashinyan have signed a joint declaration."), if the sentence tells it as done: not an event named before
    ("the deal"), nor one only possible, wished for, denied or done before ("cannot be signed", "had held")."""
    sent = span.sent
    paragraph = _paragraph(span.doc, sent.start_char, anchor_date)
    if paragraph.head is None or _sentence_dates(span.doc, sent.start_char, text_of(span.doc)[sent.start_char:sent.end_char],
                                                 anchor_date):
        return None
    root = span.root
    if root.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _BACK for c in root.children) and not any(
            c.dep_ in ("amod", "compound", "nmod", "poss", "nummod") for c in root.children):
        return None  # "the deal": one named before; not "the trilateral meeting", told of as it happens
    if any(c.dep_ == "relcl" and any(g.dep_ == "neg" for g in c.children) for c in root.children):
        return None  # "a referendum, which has never been held"
    if not _told_as_done(root):
        return None
    for tok in (root, *root.ancestors):
        if tok.pos_ in ("VERB", "AUX") and (_unreal(tok) or any(
                c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in ("had", "to")) for c in tok.children)):
            return None  # "cannot be signed", "had held", "to organise a referendum"
    return paragraph.head
