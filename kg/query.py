"""SPARQL over a built output, with pyoxigraph (an embedded engine; see README for why)."""
from __future__ import annotations

import csv
import io
import itertools
import json
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

from .errors import KGError, OutputError

log = logging.getLogger(__name__)


def named_queries() -> dict[str, str]:
    """The queries shipped in ``kg/queries/*.rq``: name -> text."""
    folder = Path(__file__).resolve().parent / "queries"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}


STORE_DIR = ".kg-store"  # the indexed copy of kg.trig that queries run on, inside OUT
STORE_LAYOUT = "compacted"  # in OUT/.kg-store/STAMP: a copy made before compaction is rebuilt


def open_store(out_dir: Path, *, cache: bool = True):
    """A pyoxigraph store with ``OUT/kg.trig`` loaded.

    With ``cache`` (the default) the store is an on-disk (RocksDB) copy kept in ``OUT/.kg-store`` and
    rebuilt only when kg.trig changes: later queries open it at once, and its indexes join one to two
    orders of magnitude faster than pyoxigraph's in-memory store. The copy is compacted once when it is
    made (see ``_cached_store``). Without ``cache``, or when OUT is not writable, the store is in memory.
    """
    import pyoxigraph

    path = Path(out_dir) / "kg.trig"
    if not path.is_file():
        raise OutputError(f"{path}: no built graph here (run `kg build` first)")
    if cache:
        try:
            return _cached_store(path)
        except OSError as err:
            log.warning("cannot keep an indexed store next to %s (%s); querying in memory", path, err)
    store = pyoxigraph.Store()
    _load(store, path)
    return store


def _load(store, path: Path) -> None:
    import pyoxigraph

    try:
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TRIG)
    except (SyntaxError, ValueError) as err:
        raise OutputError(f"{path}: cannot load: {err}") from None


def _cached_store(path: Path):
    import pyoxigraph

    st = path.stat()
    stamp = f"{st.st_size} {st.st_mtime_ns} pyoxigraph {pyoxigraph.__version__} {STORE_LAYOUT}\n"
    folder = path.parent / STORE_DIR
    stamp_file = folder / "STAMP"
    if stamp_file.is_file() and stamp_file.read_text(encoding="utf-8") == stamp:
        return pyoxigraph.Store.read_only(str(folder / "db"))
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f"{STORE_DIR}."))
    try:
        store = pyoxigraph.Store(str(tmp / "db"))
        _load(store, path)
        # bulk_load ingests one set of sorted files per batch of quads, and their key ranges overlap, so
        # every index lookup has to seek in each of them: the cost of a lookup grows with the number of
        # batches, i.e. with the size of the graph (about 40-120 µs at 14 million quads). Compacting once
        # (RocksDB full compaction) rewrites each index as one sorted run: lookups cost a few µs at any size.
        store.optimize()
        store.flush()
        del store
        (tmp / "STAMP").write_text(stamp, encoding="utf-8")
        if folder.exists():
            old = folder.with_name(f"{STORE_DIR}.old.{os.getpid()}")
            folder.rename(old)
            shutil.rmtree(old, ignore_errors=True)
        tmp.rename(folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return pyoxigraph.Store.read_only(str(folder / "db"))


def _term(value, pyoxigraph) -> object:
    """A value as an RDF term to bind: ints are xsd:integer, IRIs stay IRIs, other text a plain literal."""
    if isinstance(value, (pyoxigraph.NamedNode, pyoxigraph.Literal)):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, str) and value.startswith(("http://", "https://", "urn:")):
        return pyoxigraph.NamedNode(value)
    return pyoxigraph.Literal(str(value))


def run_query(store, sparql: str, *, bindings: dict[str, object] | None = None, limit: int | None = None,
              offset: int = 0, values: dict[str, list] | None = None) -> tuple[list[str], list[list[str | None]]]:
    """(variable names, rows) of a SELECT; user values are bound as terms, never pasted into the text.

    The default graph is the union of all named graphs plus the default graph. ``limit``/``offset`` keep
    a slice of the rows (the engine still evaluates what the query asks; see ``run_named`` for paging).
    ``values`` (variable -> terms kg itself found in the store, e.g. the kg:Page to read) become a ``VALUES``
    block at the start of the WHERE clause (see ``_with_values``).
    """
    import pyoxigraph

    subs = {pyoxigraph.Variable(k): _term(v, pyoxigraph) for k, v in (bindings or {}).items()}
    for name, terms in (values or {}).items():
        sparql = _with_values(sparql, name, terms)
    try:
        result = store.query(sparql, use_default_graph_as_union=True, substitutions=subs)
    except SyntaxError as err:
        raise KGError(f"SPARQL syntax error: {err}") from None
    except RuntimeError as err:  # e.g. a bound variable that is not projected
        raise KGError(f"cannot run the query: {err}") from None
    if isinstance(result, bool) or not hasattr(result, "variables"):
        raise KGError("only SELECT queries are supported here")
    names = [v.value for v in result.variables]
    rows = []
    stop = None if limit is None else offset + limit
    for solution in itertools.islice(result, offset, stop):
        rows.append([None if solution[v] is None else solution[v].value for v in names])
    return names, rows


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def _with_values(sparql: str, name: str, terms: list) -> str:
    """``sparql`` with ``VALUES ?name { term ... }`` first in its (first) WHERE clause.

    Why not a substitution: pyoxigraph treats a substituted variable as given from outside, and its join
    planner does not connect two patterns through such a variable (it only follows variables the query
    binds itself). ``?page kg:pageOf ?actor`` and ``?page kg:pageItem ?claim`` then become separate parts
    joined by a cross product; with ``about``'s dozen patterns and its OPTIONAL the plan it picks took
    100-250 ms at 14 million quads, against 15-30 ms for the same query with the page in a VALUES block
    (the extra time is about what reading every claim's ``kg:speaker`` costs, but pyoxigraph does not show
    its plans). A one-row VALUES block is an ordinary pattern that the planner starts from and joins
    through. The terms are IRIs kg
    read from the store, written in N-Triples syntax by pyoxigraph (``str(NamedNode)``), never user text.
    """
    found = _WHERE.search(sparql)
    if not found:
        raise KGError("cannot bind the page: the query has no WHERE clause")
    block = f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}\n"
    return sparql[:found.end()] + "\n  " + block + sparql[found.end():]


DEFAULT_LIMIT = 100  # rows a named query returns unless told otherwise (kg query --limit / --all)
_LISTING = re.compile(r'\?page\s+kg:listing\s+"(\w+)"')  # ?page is a kg:Page of this listing
_NUMBERED = re.compile(r"kg:pageNumber\s+\?pageNumber\b")  # ?pageNumber numbers the pages (about)
_PAGE_OF = re.compile(r"\?page\s+kg:pageOf\s+\?\w+")  # ?page is a page of one entity (about)


def is_paged(sparql: str) -> bool:
    """A query that reads kg's precomputed pages (kg/summary.py) through ``?page`` or ``?pageNumber``."""
    return bool(_LISTING.search(sparql) or _NUMBERED.search(sparql))


def _page_binder(store, sparql: str, bindings: dict[str, object]):
    """page number -> the kg:Page IRIs of that page, or None when there is no such page to bind.

    A listing's pages are ``<base>page/<listing>/<n>`` (kg.iris): the prefix is read from one of its pages.
    Per-entity pages (``about``: ``?page kg:pageOf ?actor``) are ``<base>page/about/<entity>/<n>``, for
    every entity whose ``skos:prefLabel`` is the bound ``?label``: one index lookup for the entities and
    one for a page of each.
    """
    import pyoxigraph

    from .vocab import KG

    found = _LISTING.search(sparql)
    of = _PAGE_OF.search(sparql)
    if found:
        listing = pyoxigraph.Literal(found.group(1))
        pages = [next(iter(store.quads_for_pattern(None, pyoxigraph.NamedNode(str(KG.listing)), listing)), None)]
    elif of and "label" in bindings:
        pref = pyoxigraph.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
        entities = [q.subject for q in store.quads_for_pattern(None, pref, _term(bindings["label"], pyoxigraph))]
        page_of = pyoxigraph.NamedNode(str(KG.pageOf))
        pages = [next(iter(store.quads_for_pattern(None, page_of, e)), None) for e in dict.fromkeys(entities)]
    else:
        return None
    prefixes = sorted({q.subject.value.rsplit("/", 1)[0] for q in pages if q is not None})
    if not prefixes:
        return None
    return lambda n: [pyoxigraph.NamedNode(f"{prefix}/{n}") for prefix in prefixes]


def run_named(store, sparql: str, *, bindings: dict[str, str] | None = None, limit: int | None = DEFAULT_LIMIT,
              offset: int = 0, paged: bool = True) -> tuple[list[str], list[list[str | None]]]:
    """Rows ``offset`` .. ``offset + limit`` of a query (``limit`` None: every row).

    A named query that reads kg's pages (``paged`` and ``is_paged``) is run once per precomputed page that
    holds those rows, with that page bound (``_with_values``), so a page costs a few index lookups per row
    however large the graph; other queries are evaluated whole and sliced.
    """
    if limit is not None and limit < 1 or offset < 0:
        raise KGError("--limit must be at least 1 and --offset at least 0")
    bindings = dict(bindings or {})
    if isinstance(bindings.get("pageNumber"), str) and bindings["pageNumber"].isdigit():
        bindings["pageNumber"] = int(bindings["pageNumber"])  # --bind pageNumber=2: an xsd:integer
    if {"page", "pageNumber"} & set(bindings) or not (paged and is_paged(sparql)) or limit is None:
        return run_query(store, sparql, bindings=bindings, limit=limit, offset=offset)
    from .summary import PAGE_SIZE

    select = _page_binder(store, sparql, bindings)
    if select is None:  # nothing listed: the query's own (empty) answer, with its column names
        return run_query(store, sparql, bindings=bindings, limit=limit, offset=offset)
    first, last = offset // PAGE_SIZE + 1, (offset + limit - 1) // PAGE_SIZE + 1
    names, rows = [], []
    for page in range(first, last + 1):
        names, found = run_query(store, sparql, bindings=bindings, values={"page": select(page)})
        rows += found
        if len(found) < PAGE_SIZE:
            break
    skip = offset - (first - 1) * PAGE_SIZE
    return names, rows[skip:skip + limit]


def format_rows(names: list[str], rows: list[list], fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([["" if c is None else c for c in r] for r in rows])
        return buf.getvalue()
    cells = [[("" if c is None else str(c)).replace("\n", " ") for c in r] for r in rows]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in cells])) for i, n in enumerate(names)]

    def line(values):
        return "  ".join(v[:60].ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
