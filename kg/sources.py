"""Reading articles from a folder: front matter, derived metadata, page furniture."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml

from .dates import find_publication_date
from .errors import SourceError
from .furniture import find_furniture
from .model import Article

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")
FIELDS = ("id", "title", "author", "publisher", "date", "url", "language", "duplicate_of")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_URL = re.compile(r"<?(https?://[^\s<>\"]+)>?")
_BYLINE = re.compile(r"^\s*by\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*$", re.M)


def find_sources(folder: Path) -> list[Path]:
    """The article files in ``folder`` (recursively), sorted by path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(folder, "not a folder of articles")
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def split_front_matter(text: str, path: Path | str = "<text>") -> tuple[dict, str]:
    """``(metadata, body)``; metadata is empty when the text has no ``---`` block at its top."""
    text = text.lstrip("\ufeff")
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise SourceError(path, f"malformed front matter{where}: {getattr(err, 'problem', err)}") from None
    if not isinstance(meta, dict):
        raise SourceError(path, "front matter is not a mapping of fields")
    unknown = sorted(set(meta) - set(FIELDS))
    if unknown:
        log.warning("%s: ignoring unknown front-matter fields: %s", path, ", ".join(map(str, unknown)))
    return meta, text[match.end():]


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


def _as_text(value) -> str | None:
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):  # YAML turns 2023-09-21 into a date
        return value.isoformat()
    return str(value).strip()


def load_article(path: Path, *, root: Path | None = None) -> Article:
    """Read one article file; raise SourceError naming the file when it cannot be used."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SourceError(path, f"cannot read: {err.strerror}") from None
    if b"\x00" in raw[:4096]:
        raise SourceError(path, "binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        log.warning("%s: not UTF-8; decoded as Windows-1252", path)
    meta, body = split_front_matter(text, path)
    if not body.strip():
        raise SourceError(path, "empty article (no text after front matter)")
    furniture = find_furniture(body)
    derived = derive_metadata(body, furniture)
    merged = {**derived, **{k: v for k, v in meta.items() if v not in (None, "")}}
    title = _as_text(merged.get("title")) or path.stem
    return Article(
        id=_as_text(merged.get("id")) or path.stem,
        file=path.name if root is None else str(path.relative_to(root)),
        title=title,
        body=body,
        author=_as_text(merged.get("author")),
        publisher=_as_text(merged.get("publisher")),
        date=_as_text(merged.get("date")),
        url=_as_text(merged.get("url")),
        language=_as_text(merged.get("language")) or "en",
        duplicate_of=_as_text(merged.get("duplicate_of")),
        furniture=furniture,
    )


def load_articles(folder: Path, *, on_error=None) -> list[Article]:
    """Every readable article in ``folder``. Problems go to ``on_error(SourceError)`` (default: raise)."""
    folder = Path(folder)
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for path in find_sources(folder):
        try:
            article = load_article(path, root=folder)
            if article.id in seen:
                raise SourceError(path, f"duplicate article id {article.id!r} (also in {seen[article.id].name})")
        except SourceError as err:
            if on_error is None:
                raise
            on_error(err)
            continue
        seen[article.id] = path
        articles.append(article)
    return articles
