"""Upload a build's named graphs to a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Every graph of ``kg.trig`` is sent as N-Triples in one request to ``ENDPOINT?graph=<graph IRI>`` (the
default graph to ``ENDPOINT?default``, or to a named graph of your choice with ``default_graph``).
``PUT`` replaces each graph, so pushing a rebuilt corpus twice leaves the store the same; ``POST`` adds
to what is there. The protocol is the same for every store; only the endpoint's path differs:

=================  =====================================================
Oxigraph server    ``http://HOST:7878/store``
Apache Jena Fuseki ``http://HOST:3030/DATASET/data``
GraphDB            ``http://HOST:7200/repositories/REPO/rdf-graphs/service``
Virtuoso           ``http://HOST:8890/sparql-graph-crud-auth`` (or ``-crud``)
=================  =====================================================
"""
from __future__ import annotations

import base64
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .errors import KGError, OutputError

log = logging.getLogger(__name__)

NTRIPLES = "application/n-triples"


@dataclass(frozen=True, slots=True)
class Pushed:
    graph: str  # graph IRI, or "" for the default graph
    triples: int
    status: int


def _graphs(trig: Path):
    """``(graph IRI or "", N-Triples bytes, triple count)`` for each graph of a TriG file, default graph first."""
    import pyoxigraph

    store = pyoxigraph.Store()
    try:
        store.load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    except (OSError, SyntaxError, ValueError) as err:
        raise OutputError(f"{trig}: cannot read the built graph ({err}); run kg build first") from None
    names = [pyoxigraph.DefaultGraph()] + sorted(store.named_graphs(), key=lambda g: g.value)
    for name in names:
        quads = list(store.quads_for_pattern(None, None, None, name))
        if not quads and isinstance(name, pyoxigraph.DefaultGraph):
            continue
        body = pyoxigraph.serialize([pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads],
                                    format=pyoxigraph.RdfFormat.N_TRIPLES)
        yield ("" if isinstance(name, pyoxigraph.DefaultGraph) else name.value), body, len(quads)


def _target(endpoint: str, graph: str) -> str:
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{sep}default" if not graph else f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def push(out_dir: Path, endpoint: str, *, method: str = "PUT", default_graph: str | None = None,
         user: str | None = None, password: str | None = None, timeout: float = 120.0) -> list[Pushed]:
    """Send every graph of ``out_dir/kg.trig`` to a Graph Store Protocol ``endpoint``; what was sent."""
    trig = Path(out_dir) / "kg.trig"
    if not trig.is_file():
        raise OutputError(f"{trig}: no built graph here (run kg build first)")
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise KGError(f"endpoint must be an http(s) URL, got {endpoint!r}")
    headers = {"Content-Type": NTRIPLES}
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    pushed = []
    for graph, body, count in _graphs(trig):
        url = _target(endpoint, graph or (default_graph or ""))
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
            raise KGError(f"{endpoint}: HTTP {err.code} {err.reason} for graph <{graph or 'default'}>"
                          + (f": {detail[0]}" if detail else "")) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise KGError(f"{endpoint}: cannot reach the store ({reason})") from None
        log.debug("%s %s: %d triples, HTTP %d", method, url, count, status)
        pushed.append(Pushed(graph=graph, triples=count, status=status))
    return pushed
