"""Page furniture: the parts of a scraped page that are not the article.

General, site-independent heuristics over lines: navigation bullets, embedded JSON metadata, photo
credits, logo alt texts, contact lines (addresses, phones, e-mail, social links), copyright lines, indented teaser
lists, everything after a trailer heading such as "More from ..." or "About the author" once the
article's prose is behind us, and the author's bio that closes the article ("Jane Roe is a senior fellow at
..."). Returns character spans of the body; nothing is deleted, so offsets into the body stay valid.
"""
from __future__ import annotations

import re

_BULLET = re.compile(r"^\s*[•·▪►*\-–]\s+")
_URL_ONLY = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$", re.I)
_CREDIT = re.compile(r"^\s*(?:source|photo|image|credit|photograph|picture|illustration)s?\s*:\s*\S.{0,60}$", re.I)
_CONTACT = re.compile(
    r"^\s*(?:\*\*)?(?:tel|phone|fax|e-?mail|e-?posta|address|adres)\b|@\w+\s*$|\b[\w.+-]+@[\w-]+\.[\w.]+\b|"
    r"(?:facebook|twitter|instagram|linkedin|youtube|telegram|x)\.com/",
    re.I,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bcopyright\b|tüm hakları saklıdır", re.I)
_POSTAL = re.compile(r"\b\d{4,6}\b.*\b(?:no|sok|str|street|st|ave|road|blvd|floor|suite|daire)\b|\bno:\s*\d", re.I)
_TRAILER = re.compile(
    r"^\s*(?:more (?:work |stories |articles |news )?from\b|related(?: articles| posts| stories| content)?\s*:?\s*$|"
    r"read (?:more|next|also)\b|about the authors?\b|to cite this article\b|you (?:may|might) also like\b|"
    r"recommended(?: for you| reading)?\s*:?\s*$|get more (?:news|analysis)\b|share this\b|"
    r"subscribe\b|sign up for\b|follow us\b|most (?:read|popular)\b|to read the rest of the article\b)",
    re.I,
)
#: a byline on its own line ("By Jane Doe and Ali Khan"), or the staff credits at the end of a wire story
_BYLINE = re.compile(r"^\s*[Bb][Yy]\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*"
                     r"(?:\s+[A-Z][\w.'’-]*){0,3})*\s*$")
_CREDITS = re.compile(r"^\s*(?:\(?\s*)?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written|"
                      r"translated|produced)\s+by\b.{0,200}$|^\s*our standards\s*:", re.I)
#: a teaser line inside or after the article: "Related: Sudan's army and RSF trade accusations | ..."
_TEASER = re.compile(r"^\s*(?:related(?: articles?| stories| story| coverage| news| reading)?|read (?:more|also|next)|"
                     r"see also|also read|more on this(?: story)?|watch|listen|latest)\s*:\s*\S", re.I)
_LOGO = re.compile(r"\blogos?(?:\b|(?=[A-Z]))", re.I)  # image alt text: "Example Center logo", "logoExample"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")
#: an honorific or degree around an author's name: "Dr. Jane Roe", "Jane Roe, PhD"
_HONORIFIC = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|sir|col|gen|amb)\.?\s+|,?\s+(?:phd|ph\.d\.|md|jr\.?)$", re.I)


def _line_spans(body: str):
    pos = 0
    for line in body.splitlines(keepends=True):
        yield pos, pos + len(line.rstrip("\r\n")), line.rstrip("\r\n")
        pos += len(line)


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and bool(_SENTENCE_END.search(line))


def _json_blocks(lines) -> set[int]:
    """Indexes of lines inside a top-level ``{ ... }`` or ``[ ... ]`` block (embedded page metadata)."""
    inside: set[int] = set()
    depth, start = 0, None
    for i, (_, _, text) in enumerate(lines):
        stripped = text.strip()
        if depth == 0 and stripped in ("{", "["):
            depth, start = 1, i
            continue
        if depth:
            depth += stripped.count("{") + stripped.count("[") - stripped.count("}") - stripped.count("]")
            if depth <= 0:
                inside.update(range(start, i + 1))
                depth = 0
    return inside


_MENU_SEPARATORS = re.compile(r"\s[|»›·•/]\s|\s>\s")


def _is_menu(line: str) -> bool:
    """A navigation bar or breadcrumb: "Home | World | Africa | Opinion", "News › Europe › Ukraine"."""
    parts = [p for p in _MENU_SEPARATORS.split(line.strip().strip("|»›·•/> ")) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and not _SENTENCE_END.search(line)


def _bio(line: str, author: str) -> bool:
    """Does a line open with the author's name as the subject of a sentence about them ("Jane Roe is a senior
    fellow at ...", "*Jane Roe teaches at ...*")?"""
    name = _HONORIFIC.sub("", author.strip())
    if len(name.split()) < 2:
        return False
    text = line.strip().lstrip("*_ ")
    return text.startswith(name) and re.match(r"[\s,]+(?:is|was|has|had|teaches|taught|writes|works|leads|directs)\b",
                                              text[len(name):]) is not None


_PRONOUN_OPENING = re.compile(r"^\W*(?:he|she|they|his|her|their)\b", re.I)


def _closing_bio(lines, furniture: set[int], author: str | None) -> set[int]:
    """The lines of the author's bio at the end of the article: from the last line that is no furniture back,
    lines about the author (:func:`_bio`), and the lines after one that go on with a pronoun ("Her book ...")."""
    out: set[int] = set()
    pending: list[int] = []
    for i in range(len(lines) - 1, -1, -1) if author else ():
        text = lines[i][2]
        if not text.strip() or i in furniture:
            continue
        if _bio(text, author):
            out.update(pending, {i})
            pending = []
        elif _PRONOUN_OPENING.match(text):
            pending.append(i)
        else:
            break
    return out


def find_furniture(body: str, author: str | None = None) -> tuple[tuple[int, int], ...]:
    """Spans of ``body`` that are page furniture, merged and sorted; ``author``: the article's author, if known."""
    lines = list(_line_spans(body))
    if not lines:
        return ()
    furniture = _json_blocks(lines)
    prose = [i for i, (_, _, text) in enumerate(lines) if _is_prose(text) and not text[:1].isspace()]
    half = prose[len(prose) // 2] if prose else 0
    cut = None
    for i, (_, _, text) in enumerate(lines):
        if not text.strip():
            continue
        if _TRAILER.search(text) and i > half:
            cut = i
            break
        indented = text[:2] == "  " or text[:1] == "\t"
        prose = _is_prose(text)  # tested first: most lines are prose, and the patterns below are slow on them
        if (
            (_BULLET.search(text) and len(text.split()) <= 8)
            or _URL_ONLY.search(text)
            or _CREDIT.search(text)
            or _TEASER.search(text)
            or (not prose and len(text.split()) <= 10 and _LOGO.search(text))
            or (not prose and (_CONTACT.search(text) or _COPYRIGHT.search(text) or _POSTAL.search(text)))
            or (not prose and (_is_menu(text) or _BYLINE.search(text)))
            or (_CREDITS.search(text) and len(text.split()) <= 30)
            or indented
        ):
            furniture.add(i)
    if cut is not None:
        furniture.update(range(cut, len(lines)))
    furniture |= _closing_bio(lines, furniture, author)
    spans: list[tuple[int, int]] = []
    for i in sorted(furniture):
        start, end, _ = lines[i]
        if spans and body[spans[-1][1]:start].strip() == "":
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)
