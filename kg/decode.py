"""Bytes of an article file to text: binary files refused, encodings detected, HTML pages reduced to their text.

* A byte-order mark decides the encoding (UTF-8, UTF-16, UTF-32).
* Otherwise UTF-8 is tried strictly; when it fails, charset-normalizer guesses the encoding and the
  caller gets a warning naming it.
* NUL bytes (without a UTF-16/32 mark) or mostly control characters mean a binary file: refused.
* Unicode's other line breaks (U+2028, NEL, form feed, ...) become ``\n``, one character for one.
* An HTML page (``.html``/``.htm``, or text that starts like one) goes through trafilatura, which keeps
  the main text and drops scripts, styles, navigation, headers and footers. Offsets then count from the
  start of that extracted text, which becomes the article body.
"""
from __future__ import annotations

import codecs
import logging
import re

from .errors import SourceError, warn

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same first bytes
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: characters Unicode (and Python's str.splitlines) treat as line breaks, made plain newlines: one character
#: for one, so nothing moves; tools that split lines on them would otherwise cut a literal in two
_LINE_BREAKS = str.maketrans({c: "\n" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})
_ANY_BREAK = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
#: an HTML page whose main text has fewer words than this holds no article
MIN_WORDS = 5


def decode_bytes(raw: bytes, path) -> str:
    """The text of a file's bytes; SourceError for a binary file; a warning when the text is not UTF-8."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as err:
                raise SourceError(path, f"starts with a {encoding.upper()} byte-order mark but does not decode: {err.reason}") from None
    if b"\x00" in raw[:65536]:
        raise SourceError(path, "binary file, not text (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _guess(raw, path)
        warn(log, "%s: not UTF-8; decoded as %s", path, encoding)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise SourceError(path, "binary file, not text (mostly control characters)")
    return normalize_breaks(text)


def normalize_breaks(text: str) -> str:
    """Unicode's other line breaks as ``\n`` (same length: offsets do not move)."""
    if _ANY_BREAK.search(text) is None:  # the usual case; translate() looks up every character in a dict
        return text
    return text.translate(_LINE_BREAKS)


def _guess(raw: bytes, path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw[:1_000_000]))
    encoding = matches[0].encoding if matches else "cp1252"
    if matches:
        # ties are common on short texts (cp1250 vs cp1252 for French): prefer Windows-1252, the web's usual legacy
        top = (matches[0].chaos, -matches[0].coherence)
        if any((m.chaos, -m.coherence) == top and "cp1252" in m.could_be_from_charset for m in matches):
            encoding = "cp1252"
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        # the guess was made on a sample; keep going with what decodes, marking the bad bytes
        log.debug("%s: %s does not decode the whole file", path, encoding)
        return raw.decode(encoding if _known(encoding) else "cp1252", errors="replace"), encoding


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def looks_like_html(text: str, suffix: str = "") -> bool:
    return suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:2048]))


def html_to_text(html: str, path) -> tuple[dict, str]:
    """``(metadata, main text)`` of an HTML page; SourceError when it holds no article text."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    options = {"include_comments": False, "include_tables": False, "deduplicate": False}
    text = (trafilatura.extract(html, favor_precision=True, **options)
            or trafilatura.extract(html, favor_recall=True, **options) or "")
    if len(text.split()) < MIN_WORDS:  # nothing, or a lone menu entry
        raise SourceError(path, "HTML page without article text")
    meta = {}
    found = trafilatura.extract_metadata(html)
    if found is not None:
        for field, key in (("title", "title"), ("author", "author"), ("url", "url"), ("sitename", "publisher")):
            value = getattr(found, field, None)
            if value:
                meta[key] = value
    date = _html_date(html)
    if date:
        meta["date"] = date
    return meta, text.strip() + "\n"


def _html_date(html: str) -> str | None:
    """The publication date the page's own markup states (never a guess from the copyright line)."""
    try:
        from htmldate import find_date

        return find_date(html, extensive_search=False, original_date=True)
    except Exception as err:  # noqa: BLE001 - htmldate raises assorted errors on odd markup; a date is optional
        log.debug("htmldate: %s", err)
        return None
