"""kg serve: a real server process on 127.0.0.1, queried over HTTP; updates are refused."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.pipeline import write_outputs
from kg.serve import _negotiate, is_loopback
from tests.conftest import ROOT
from tests.fixtures.small import small_extraction

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/NewsArticle> }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve")
    write_outputs(small_extraction(), out)
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(out), "--port", "0"], cwd=ROOT,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = proc.stderr.readline()
        assert "serving" in line, line
        url = line.split(" at ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode()


def test_get_query_returns_sparql_json(server):
    status, ctype, body = _request(server + "?" + urllib.parse.urlencode({"query": COUNT}),
                                   headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2"


def test_post_form_and_direct_query_with_csv(server):
    status, _, body = _request(server, data=urllib.parse.urlencode({"query": COUNT}).encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and body.splitlines() == ["n", "2"]
    q = "SELECT ?g WHERE { GRAPH ?g { ?c a <https://example.org/kg/ontology#Claim> } } GROUP BY ?g ORDER BY ?g"
    status, _, body = _request(server, data=q.encode(), headers={"Content-Type": "application/sparql-query",
                                                                 "Accept": "text/csv"})
    assert status == 200 and len(body.splitlines()) == 3  # header + one graph per source


def test_construct_is_turtle(server):
    q = "CONSTRUCT WHERE { ?s a <https://schema.org/NewsArticle> }"
    status, ctype, body = _request(server + "?" + urllib.parse.urlencode({"query": q}))
    assert status == 200 and ctype.startswith("text/turtle") and "NewsArticle" in body


@pytest.mark.parametrize("how", ["sparql-update body", "update form", "update as query", "/update path"])
def test_updates_are_refused(server, how):
    update = "INSERT DATA { <http://x.example/a> <http://x.example/b> <http://x.example/c> }"
    if how == "sparql-update body":
        status, _, body = _request(server, data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    elif how == "update form":
        status, _, body = _request(server, data=urllib.parse.urlencode({"update": update}).encode(),
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "update as query":
        status, _, body = _request(server, data=urllib.parse.urlencode({"query": update}).encode(),
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, _, body = _request(server.replace("/sparql", "/update"), data=update.encode(),
                                   headers={"Content-Type": "application/sparql-update"})
    assert 400 <= status < 500, (status, body)
    # and nothing changed
    _, _, after = _request(server + "?" + urllib.parse.urlencode({"query": "ASK { <http://x.example/a> ?p ?o }"}))
    assert json.loads(after)["boolean"] is False


def test_bad_query_is_400(server):
    status, _, body = _request(server + "?" + urllib.parse.urlencode({"query": "SELECT WHERE {"}))
    assert status == 400 and "SPARQL" in body


def test_negotiation_and_loopback():
    import pyoxigraph

    fmts = {"text/csv": "csv", "application/sparql-results+json": "json"}
    assert _negotiate("text/html, text/csv;q=0.5, application/sparql-results+json;q=0.9", fmts, None) == "json"
    assert _negotiate("", fmts, "json") == "json" and pyoxigraph
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")


def test_serve_help_has_examples():
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "Examples:" in result.output and "127.0.0.1" in result.output
