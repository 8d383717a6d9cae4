"""Reading articles from a folder: front matter, derived metadata, page furniture.

Every problem with a file is a SourceError naming the file and what is wrong: empty, binary, too large,
malformed front matter, a duplicate id. Files in another encoding than UTF-8 are decoded with a warning;
HTML pages are reduced to their main text (see kg/decode.py).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from pathlib import Path

import yaml

from .cache import read_stored, write_stored
from .dates import find_publication_date
from .decode import decode_bytes, html_to_text, looks_like_html, normalize_breaks
from .errors import SourceError, noting, warn
from .furniture import find_furniture
from .model import Article

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".html", ".htm")
#: files larger than this are refused before they are read (``kg build --max-bytes``)
MAX_BYTES = 5_000_000
#: the longest article body kg reads, in characters (spaCy's own default ``nlp.max_length``)
MAX_CHARS = 1_000_000
FIELDS = ("id", "title", "author", "publisher", "date", "url", "language", "duplicate_of")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_URL = re.compile(r"<?(https?://[^\s<>\"]+)>?")
_BYLINE = re.compile(r"^\s*[Bb][Yy]\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*$", re.M)
_UNCLOSED = re.compile(r"\A---[ \t]*\r?\n\s*[\w-]+[ \t]*:")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+\-Z]*)?$")
_IRI_BAD = re.compile(r"[\x00-\x20<>\"{}|\\^`]")


def find_sources(folder: Path) -> list[Path]:
    """The article files in ``folder`` (recursively), sorted by path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(folder, "not a folder of articles")
    return sorted(
        p for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)  # .kg-cache/, editor files
    )


def split_front_matter(text: str, path: Path | str = "<text>") -> tuple[dict, str]:
    """``(metadata, body)``; metadata is empty when the text has no ``---`` block at its top."""
    text = text.lstrip("\ufeff")
    match = _FRONT.match(text)
    if not match:
        if _UNCLOSED.match(text):
            raise SourceError(path, "malformed front matter: no closing '---' line")
        return {}, text
    try:
        # libyaml's loader when PyYAML has it (about 7x faster on front matter), else the pure-Python one
        meta = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as err:
        plain = _plain_fields(match.group(1))  # "title: Analysis: Iran's proxies" (an unquoted colon)
        if plain is not None and "mapping values are not allowed" in str(getattr(err, "problem", "")):
            warn(log, "%s: front matter is not valid YAML (an unquoted ':' in a value); read as plain "
                        "'field: value' lines", path)
            meta = plain
            return _checked(meta, path), text[match.end():]
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        what = getattr(err, "problem", None) or getattr(err, "reason", None) or str(err)
        raise SourceError(path, f"malformed front matter{where}: {' '.join(str(what).split())}") from None
    return _checked(meta, path), text[match.end():]


_PLAIN_FIELD = re.compile(r"^([A-Za-z_][\w-]*):[ \t]*(.*?)\s*$")


def _plain_fields(block: str) -> dict | None:
    """Front matter read as one ``field: value`` per line (the value is the rest of the line), or None when a
    line is not of that form."""
    out = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found = _PLAIN_FIELD.match(line)
        if found is None:
            return None
        value = found.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        out[found.group(1)] = value
    return out


def _checked(meta, path) -> dict:
    if not isinstance(meta, dict):
        raise SourceError(path, "front matter is not a mapping of fields")
    unknown = sorted(set(meta) - set(FIELDS))
    if unknown:
        warn(log, "%s: ignoring unknown front-matter fields: %s", path, ", ".join(map(str, unknown)))
    return meta


def _first_title_line(body: str, furniture) -> str:
    """The first line of the body that is not furniture and reads like a headline."""
    pos = 0
    for line in body.splitlines(keepends=True):
        start, text = pos, line.strip()
        pos += len(line)
        if not text or any(a <= start < b for a, b in furniture):
            continue
        if len(text.split()) >= 3 and not text.startswith("{"):
            return text
    return ""


def derive_metadata(body: str, furniture=()) -> dict:
    """What the text itself says about the article when it has no front matter."""
    header = body[:3000]
    meta: dict = {"title": _first_title_line(body, furniture)}
    date = find_publication_date(header)
    if date:
        meta["date"] = date
    byline = _BYLINE.search(header)
    if byline:
        meta["author"] = byline.group(1)
    return meta


def _as_text(value, path=None, field: str = "") -> str | None:
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):  # YAML turns 2023-09-21 into a date
        return value.isoformat()
    if isinstance(value, (dict, list, tuple, set)):
        warn(log, "%s: front-matter field %r is not text; ignored", path, field)
        return None
    return normalize_breaks(str(value)).strip() or None  # YAML escapes can bring back U+2028 & co.


def _as_date(value, path) -> str | None:
    """An ISO date at the precision given (``2023``, ``2023-09``, ``2023-09-21``); None, with a warning, otherwise."""
    text = _as_text(value, path, "date")
    if text is None:
        return None
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = match.groups()
        iso = "-".join(x for x in (year, month, day) if x)
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
            return iso
        except ValueError:
            pass
    warn(log, "%s: date %r is not an ISO date (YYYY-MM-DD); ignored", path, text[:40])
    return None


def _as_url(value, path) -> str | None:
    text = _as_text(value, path, "url")
    if text is None:
        return None
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) or _IRI_BAD.search(text):
        warn(log, "%s: url %r is not a valid absolute URL; ignored", path, text[:80])
        return None
    return text


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of a file, refused (SourceError) when empty, too large or binary; never reads more than ``max_bytes``."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise SourceError(path, f"cannot read: {err.strerror}") from None
    if size == 0:
        raise SourceError(path, "empty file")
    if size > max_bytes:
        raise SourceError(path, f"file too large: {size:,} bytes (the limit is {max_bytes:,}; see --max-bytes)")
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)  # never more, even if the file grows meanwhile
    except OSError as err:
        raise SourceError(path, f"cannot read: {err.strerror}") from None
    if len(raw) > max_bytes:
        raise SourceError(path, f"file too large: more than {max_bytes:,} bytes (see --max-bytes)")
    return decode_bytes(raw, path)


def load_article(path: Path, *, root: Path | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """Read one article file; raise SourceError naming the file when it cannot be used."""
    path = Path(path)
    text = read_text(path, max_bytes=max_bytes)
    if looks_like_html(text, path.suffix):
        meta, body = html_to_text(text, path)
    else:
        meta, body = split_front_matter(text, path)
    if not body.strip():
        raise SourceError(path, "empty article (no text after front matter)")
    if len(body) > MAX_CHARS:
        raise SourceError(path, f"article too long: {len(body):,} characters (kg reads at most {MAX_CHARS:,} per article)")
    author, byline = meta.get("author"), _BYLINE.search(body[:3000])
    furniture = find_furniture(body, author if isinstance(author, str) and author else byline and byline.group(1))
    derived = derive_metadata(body, furniture)
    merged = {**derived, **{k: v for k, v in meta.items() if v not in (None, "")}}
    title = _as_text(merged.get("title"), path, "title") or path.stem
    date = _as_date(merged.get("date"), path) if "date" in meta else None
    return Article(
        id=_as_text(merged.get("id"), path, "id") or path.stem,
        file=path.name if root is None else str(path.relative_to(root)),
        title=title,
        body=body,
        author=_as_text(merged.get("author"), path, "author"),
        publisher=_as_text(merged.get("publisher"), path, "publisher"),
        date=date or _as_date(derived.get("date"), path),
        url=_as_url(merged.get("url"), path),
        language=_as_text(merged.get("language"), path, "language") or "en",
        duplicate_of=_as_text(merged.get("duplicate_of"), path, "duplicate_of"),
        furniture=furniture,
    )


def load_articles(folder: Path, *, on_error=None, max_bytes: int = MAX_BYTES,
                  memo: LoadedArticles | None = None) -> list[Article]:
    """Every readable article in ``folder``. Problems go to ``on_error(SourceError)`` (default: raise).

    Two files with the same id: the first (by path) is kept, the second is an error naming both. ``memo``: the
    articles the last build loaded, by file and content: an unchanged file is not parsed again.
    """
    folder = Path(folder)
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for path in find_sources(folder):
        try:
            if memo is None:
                article = load_article(path, root=folder, max_bytes=max_bytes)
            else:
                article = memo.load(path, root=folder, max_bytes=max_bytes)
            if article.id in seen:
                raise SourceError(path, f"duplicate article id {article.id!r} (also in {seen[article.id].relative_to(folder)})")
        except SourceError as err:
            if on_error is None:
                raise
            on_error(err)
            continue
        seen[article.id] = path
        articles.append(article)
    return articles


class LoadedArticles:
    """The articles a build loaded, kept for the next one (``OUT/.kg-cache/articles.pickle``), by file path and
    a hash of the file's bytes: an unchanged file is not decoded, split and searched for furniture again
    (~0.5 s on 1,000 articles, on the path of every rebuild). The warnings its loading gave are kept with it and
    given again. ``salt`` (:func:`kg.cache.loading_fingerprint`) covers kg's code; a file kept under another salt is
    ignored.
    """

    def __init__(self, path: Path, *, salt: str, force: bool = False):
        self.path = Path(path)
        self.salt = salt
        # key -> (article, its warnings, its path then)
        self._old: dict[tuple, tuple[Article, list, str]] = {} if force else read_stored(self.path, salt=salt) or {}
        self._new: dict[tuple, tuple[Article, list, str]] = {}

    def load(self, path: Path, *, root: Path, max_bytes: int = MAX_BYTES) -> Article:
        """:func:`load_article`, or what it gave the last build for the same file and bytes (its warnings again)."""
        try:
            with path.open("rb") as fh:
                raw = fh.read(max_bytes + 1)
        except OSError:
            return load_article(path, root=root, max_bytes=max_bytes)  # the usual error
        key = (str(path.relative_to(root)), max_bytes, hashlib.sha1(raw).hexdigest())
        found = self._old.get(key)
        if found is None:
            with noting() as noted:
                article = load_article(path, root=root, max_bytes=max_bytes)
            found = (article, list(noted), str(path))
        else:
            _, noted, then = found
            for name, text in noted:  # naming the file as this build was given it
                logging.getLogger(name).warning("%s", str(path) + text[len(then):] if text.startswith(then) else text)
        self._new[key] = found
        return found[0]

    def save(self) -> None:
        """Keep the articles this build loaded (only those: the file stays the size of the corpus)."""
        if self._new != self._old:
            write_stored(self.path, self._new, salt=self.salt)
