"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a built output (pyoxigraph behind
``http.server``), for YASGUI-style tools and notebooks.

* ``GET /sparql?query=...``, ``POST /sparql`` with a form (``query=...``) or an ``application/sparql-query``
  body; ``default-graph-uri`` / ``named-graph-uri`` are honoured. Without them the default graph is the
  union of all graphs (as in ``kg query``), unless ``union=False``.
* Results by content negotiation: SPARQL JSON (default), XML, CSV, TSV; CONSTRUCT/DESCRIBE as Turtle
  (default), N-Triples, RDF/XML or JSON-LD.
* Updates are refused: ``application/sparql-update`` bodies, ``update=`` forms and ``/update`` get 403; an
  update sent as a query is a 400 (it does not parse as a query). The store is in memory and never written.
* Binds 127.0.0.1 unless another host is given.
"""
from __future__ import annotations

import ipaddress
import logging
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # 1 MiB of query text is plenty
SPARQL_PATHS = ("/sparql", "/query", "/")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _results_format(accept: str, pyoxigraph):
    fmts = {"application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
            "application/json": pyoxigraph.QueryResultsFormat.JSON,
            "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
            "application/xml": pyoxigraph.QueryResultsFormat.XML,
            "text/csv": pyoxigraph.QueryResultsFormat.CSV,
            "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV}
    return _negotiate(accept, fmts, pyoxigraph.QueryResultsFormat.JSON)


def _graph_format(accept: str, pyoxigraph):
    fmts = {"text/turtle": pyoxigraph.RdfFormat.TURTLE, "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
            "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML, "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
            "application/n-quads": pyoxigraph.RdfFormat.N_QUADS, "application/trig": pyoxigraph.RdfFormat.TRIG}
    return _negotiate(accept, fmts, pyoxigraph.RdfFormat.TURTLE)


def _negotiate(accept: str, formats: dict, default):
    """The first media type of ``Accept`` (by q, then order) that we can write; else ``default``."""
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, fields[0].lower()))
    for _, _, media in sorted(ranked):
        if media in formats:
            return formats[media]
    return default


class _Handler(BaseHTTPRequestHandler):
    server_version = "kg-sparql/1"
    protocol_version = "HTTP/1.1"

    # --- plumbing -------------------------------------------------------------------------------
    def log_message(self, fmt, *args):  # route http.server's access log through logging
        log.debug("%s %s", self.address_string(), fmt % args)

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"))

    def _refuse_update(self) -> None:
        self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")

    # --- methods --------------------------------------------------------------------------------
    def do_OPTIONS(self):
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/update" or "update" in params:
            return self._refuse_update()
        if url.path not in SPARQL_PATHS:
            return self._error(HTTPStatus.NOT_FOUND, f"no such resource: {url.path} (the endpoint is /sparql)")
        if "query" not in params:
            return self._send(HTTPStatus.OK, self.server.description.encode("utf-8"))
        self._answer(params)

    def do_POST(self):
        url = urlsplit(self.path)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path == "/update" or ctype == "application/sparql-update":
            return self._refuse_update()
        if url.path not in SPARQL_PATHS:
            return self._error(HTTPStatus.NOT_FOUND, f"no such resource: {url.path} (the endpoint is /sparql)")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                return self._refuse_update()
            params.update(form)
        elif ctype == "application/sparql-query":
            params["query"] = [body]
        else:
            return self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                               "POST a form (application/x-www-form-urlencoded) or application/sparql-query")
        if "query" not in params:
            return self._error(HTTPStatus.BAD_REQUEST, "no query given")
        self._answer(params)

    # --- the query ------------------------------------------------------------------------------
    def _answer(self, params: dict[str, list[str]]) -> None:
        import pyoxigraph

        queries = params.get("query", [])
        if len(queries) != 1:
            return self._error(HTTPStatus.BAD_REQUEST, "give exactly one query")
        kwargs = {}
        defaults = [pyoxigraph.NamedNode(g) for g in params.get("default-graph-uri", []) if g]
        named = [pyoxigraph.NamedNode(g) for g in params.get("named-graph-uri", []) if g]
        if defaults:
            kwargs["default_graph"] = defaults
        else:
            kwargs["use_default_graph_as_union"] = self.server.union
        if named:
            kwargs["named_graphs"] = named
        try:
            result = self.server.store.query(queries[0], **kwargs)
            accept = self.headers.get("Accept", "")
            if isinstance(result, pyoxigraph.QueryTriples):
                fmt = _graph_format(accept, pyoxigraph)
            else:
                fmt = _results_format(accept, pyoxigraph)
            body = result.serialize(format=fmt)
        except SyntaxError as err:
            return self._error(HTTPStatus.BAD_REQUEST, f"not a SPARQL query (updates are refused here): {err}")
        except (OSError, RuntimeError, ValueError) as err:
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {err}")
        ctype = fmt.media_type + ("; charset=utf-8" if fmt.media_type.startswith("text/") else "")
        self._send(HTTPStatus.OK, body, ctype)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, store, *, union: bool = True, cors: bool = False, description: str = ""):
        super().__init__(address, _Handler)
        self.store = store
        self.union = union
        self.cors = cors
        self.description = description

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"


def make_server(out_dir: Path, *, host: str = "127.0.0.1", port: int = 7878, union: bool = True,
                cors: bool = False) -> SparqlServer:
    """A server over ``OUT/kg.trig`` (not yet serving: call ``serve_forever()``; port 0 picks a free port)."""
    from .query import open_store

    store = open_store(out_dir)
    if not is_loopback(host):
        log.warning("serving on %s: reachable from other machines (use 127.0.0.1 to keep it local)", host)
    description = (f"kg read-only SPARQL 1.1 endpoint over {Path(out_dir) / 'kg.trig'} ({len(store)} quads).\n"
                   "GET /sparql?query=... or POST a form or application/sparql-query. Updates are refused.\n")
    return SparqlServer((host, port), store, union=union, cors=cors, description=description)
