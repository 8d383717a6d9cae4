"""Reading a corpus with spaCy: cached articles skipped, the rest read in chunks, in worker processes with ``jobs > 1``.

Why not spaCy's own ``nlp.pipe(n_process=N)``: it ships every parsed ``Doc`` back to the main process,
which deserializes it and then runs kg's extraction on it, competing with the workers for the same cores.
Here each worker (forked, so the loaded pipeline is shared copy-on-write) parses *and* extracts its chunk
of articles and sends back only kg's small records. Results come back in article order, so a build is
the same whatever ``jobs`` is.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os

from .cache import ArticleCache, Reading
from .model import Article

log = logging.getLogger(__name__)

#: set in the parent just before the workers are forked: (nlp, gazetteer, predicates)
_WORKER_STATE: tuple | None = None


class LazyNLP:
    """A spaCy pipeline loaded only when some article has to be read (all cached: no 2 s model load).

    ``meta`` comes from the model's meta.json without loading it, so ``model_version`` works either way.
    """

    def __init__(self, factory, meta: dict):
        self._factory = factory
        self._nlp = None
        self.meta = meta

    def load(self):
        if self._nlp is None:
            self._nlp = self._factory()
            self.meta = self._nlp.meta
        return self._nlp


#: at most this many articles to read: the model loading in the background reads them (more: worker processes)
PRELOAD_MAX = 16


class PreloadedNLP(LazyNLP):
    """A LazyNLP whose model a forked process starts loading at once, while the caller does other work.

    Made when the cache suggests few articles will need reading (an incremental build): the model load
    (2-4 s) then overlaps loading the articles and the cached readings. :meth:`submit` has that process
    read a few articles, :meth:`result` gives back their readings; with more articles, or when it failed,
    :meth:`close` stops it and the model is loaded here as by a LazyNLP. ``gazetteer`` and ``predicates``
    are the caller's (the fork shares them).
    """

    def __init__(self, factory, meta: dict, *, gazetteer, predicates):
        super().__init__(factory, meta)
        parent, child = multiprocessing.get_context("fork").Pipe()
        self._conn = parent
        self._proc = multiprocessing.get_context("fork").Process(
            target=_preload_main, args=(child, factory, gazetteer, predicates), daemon=True)
        self._proc.start()
        child.close()

    def submit(self, articles: list[Article]) -> None:
        """Have the background process read ``articles`` (:meth:`result` gives their readings)."""
        try:
            self._conn.send(articles)
        except OSError as err:
            log.warning("the background model process ended (%s); loading the model here", type(err).__name__)
            self.close()

    def result(self) -> dict[str, Reading] | None:
        """The readings of the articles submitted; None when the process could not read them (then closed)."""
        if self._proc is None:
            return None
        try:
            ok, found = self._conn.recv()
        except (EOFError, OSError) as err:
            log.warning("the background model process ended (%s); loading the model here", type(err).__name__)
            ok, found = False, None
        self.close()
        if not ok:  # loading here raises the same error, from this process
            return None
        self.meta = found.pop(None)
        log.debug("the background process read %d articles", len(found))
        return found

    def close(self) -> None:
        """Stop the background process (it writes nothing: stopping it midway loses nothing)."""
        if self._proc is None:
            return
        self._conn.close()
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._proc = None


def _preload_main(conn, factory, gazetteer, predicates) -> None:
    """The background process: load the model, then read the articles sent (None: stop)."""
    from .gazetteer import ruler_patterns
    from .nlp import PendingPatterns, mask_stray_words
    from .pipeline import read_articles

    try:
        nlp = factory(patterns=False)  # the ruler's patterns: only those the articles sent could match
        pending = PendingPatterns(nlp, ruler_patterns(gazetteer))
        log.debug("background process: model loaded")
    except Exception as err:  # noqa: BLE001 - the parent then loads the model itself and raises the error there
        log.debug("background process: no model (%s: %s); the build loads it", type(err).__name__, err)
        nlp = None
    try:
        articles = conn.recv()
        if articles is None:
            return
        if nlp is None:
            conn.send((False, None))
            return
        try:
            pending.add_for([mask_stray_words(text) for a in articles for text in (a.title, a.content)])
            with pending.quiet():
                found = _split(articles, read_articles(articles, nlp=nlp, gazetteer=gazetteer, predicates=predicates))
        except Exception:  # noqa: BLE001 - the parent reads them itself, and raises the error there
            conn.send((False, None))
            return
        found[None] = nlp.meta
        conn.send((True, found))
    except (EOFError, OSError):
        pass
    finally:
        conn.close()


@contextlib.contextmanager
def paused_gc():
    """No cyclic garbage collection while the block runs (the collector's state is restored after it).

    kg's records form no reference cycles, but a rebuild holds some 100,000 of them (cached readings, resolved
    records, quads), and each full collection the interpreter starts while more are made walks all of them
    again: about a second of a one-article rebuild's CPU on 1,000 articles. Reference counting still frees
    whatever is not in a cycle.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def loaded(nlp):
    return nlp.load() if isinstance(nlp, LazyNLP) else nlp


def resolve_jobs(jobs: int) -> int:
    """``0`` means one job per core."""
    return max(1, os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


def _chunks(articles: list[Article], jobs: int) -> list[list[Article]]:
    # small enough to balance the workers and move the progress bar, big enough for spaCy's batching
    size = max(1, min(16, len(articles) // (jobs * 4) or 1))
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def _source_of(item) -> str:
    """The article id a per-doc record belongs to: its ``source`` (or its provenance's), or a key's first part."""
    for obj in (item, getattr(item, "provenance", None)):
        source = getattr(obj, "source", None)
        if isinstance(source, str):
            return source
    if isinstance(item, tuple) and item and isinstance(item[0], str):
        return item[0]
    raise TypeError(f"cannot tell which article {item!r} belongs to")


def _split(chunk: list[Article], found: Reading) -> dict[str, Reading]:
    """One chunk's records, per article; order within an article is kept.

    A reading is a tuple of lists (of records naming their source) and dicts (keyed by records or by
    tuples that start with the source id), whatever read_articles returns.
    """
    out = {a.id: tuple([] if isinstance(part, list) else {} for part in found) for a in chunk}
    for index, part in enumerate(found):
        if isinstance(part, dict):
            for key, value in part.items():
                out[_source_of(key)][index][key] = value
        else:
            for item in part:
                out[_source_of(item)][index].append(item)
    return out


def merge_readings(articles: list[Article], readings: dict[str, Reading]) -> Reading:
    """The per-article readings joined in article order: the same whichever came from the cache."""
    first = readings[articles[0].id] if articles else ([], [], {}, {})
    merged = tuple([] if isinstance(part, list) else {} for part in first)
    for article in articles:
        for into, part in zip(merged, readings[article.id]):
            if isinstance(into, dict):
                into.update(part)
            else:
                into.extend(part)
    return merged


def _read_chunk(chunk: list[Article]) -> Reading:
    from .pipeline import read_articles

    nlp, gazetteer, predicates = _WORKER_STATE
    return read_articles(chunk, nlp=nlp, gazetteer=gazetteer, predicates=predicates)


def read_corpus(articles: list[Article], *, nlp, gazetteer, predicates, jobs: int = 1,
                cache: ArticleCache | None = None, progress: bool = False, meanwhile=None) -> dict[str, Reading]:
    """``{article id: Reading}`` for every article: from ``cache`` when it has it, else read with spaCy.

    ``meanwhile``: a function called once, while a PreloadedNLP's process reads (else before reading).
    """
    global _WORKER_STATE
    from tqdm import tqdm

    readings: dict[str, Reading] = {}
    with paused_gc():  # not around the workers below: they parse with spaCy
        if cache is not None:
            for article in articles:
                hit = cache.get(article)
                if hit is not None:
                    readings[article.id] = hit
        missing = [a for a in articles if a.id not in readings]
        if cache is not None:
            log.info("cache: %d articles cached, %d to read", len(readings), len(missing))
        found = None
        if isinstance(nlp, PreloadedNLP) and 0 < len(missing) <= PRELOAD_MAX:
            nlp.submit(missing)
            if meanwhile is not None:
                meanwhile()
            found = nlp.result()
        else:
            if isinstance(nlp, PreloadedNLP):
                nlp.close()
            if meanwhile is not None:
                meanwhile()
        if found is not None:
            readings.update(found)
            if cache is not None:
                for article in missing:
                    cache.put(article, readings[article.id])
            missing = []
    if not missing:
        return readings
    jobs = min(resolve_jobs(jobs), len(missing))
    chunks = _chunks(missing, jobs)
    bar = tqdm(total=len(articles), initial=len(readings), unit="article", desc="reading",
               disable=not progress, leave=False)
    _WORKER_STATE = (loaded(nlp), gazetteer, predicates)
    try:
        if jobs > 1:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                results = list(_collect(pool.imap(_read_chunk, chunks), chunks, readings, cache, bar))
        else:
            results = list(_collect(map(_read_chunk, chunks), chunks, readings, cache, bar))
    finally:
        _WORKER_STATE = None
        bar.close()
    log.debug("read %d articles in %d chunks with %d jobs", len(results), len(chunks), jobs)
    return readings


def _collect(found, chunks, readings, cache, bar):
    for chunk, reading in zip(chunks, found):
        for article_id, one in _split(chunk, reading).items():
            readings[article_id] = one
            yield article_id
        if cache is not None:
            for article in chunk:
                cache.put(article, readings[article.id])
        bar.update(len(chunk))
