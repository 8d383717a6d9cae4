"""SPARQL over a built output, with pyoxigraph (an embedded engine; see README for why)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .errors import KGError, OutputError


def named_queries() -> dict[str, str]:
    """The queries shipped in ``kg/queries/*.rq``: name -> text."""
    folder = Path(__file__).resolve().parent / "queries"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}


def open_store(out_dir: Path):
    """An in-memory pyoxigraph store loaded with ``OUT/kg.trig``."""
    import pyoxigraph

    path = Path(out_dir) / "kg.trig"
    if not path.is_file():
        raise OutputError(f"{path}: no built graph here (run `kg build` first)")
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TRIG)
    except (SyntaxError, ValueError, OSError) as err:
        raise OutputError(f"{path}: cannot load: {err}") from None
    return store


def _term(value, pyoxigraph) -> object:
    """A user value as an RDF term to bind: IRIs stay IRIs, everything else is a plain literal."""
    if isinstance(value, str) and value.startswith(("http://", "https://", "urn:")):
        return pyoxigraph.NamedNode(value)
    return pyoxigraph.Literal(str(value))


def run_query(store, sparql: str, *, bindings: dict[str, str] | None = None) -> tuple[list[str], list[list[str | None]]]:
    """(variable names, rows) of a SELECT; user values are bound as terms, never pasted into the text.

    The default graph is the union of all named graphs plus the default graph.
    """
    import pyoxigraph

    subs = {pyoxigraph.Variable(k): _term(v, pyoxigraph) for k, v in (bindings or {}).items()}
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
    for solution in result:
        rows.append([None if solution[v] is None else solution[v].value for v in names])
    return names, rows


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
