"""kg push: the seed build uploaded to a real Oxigraph server on 127.0.0.1, then queried back over HTTP."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main


def _oxigraph_binary() -> str:
    path = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(path).exists():
        pytest.fail("the oxigraph server is not installed (pip install -e '.[test]' installs it)")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def oxigraph_server(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([_oxigraph_binary(), "serve", "--location", str(tmp_path / "store"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # at most ~10 s
            if proc.poll() is not None:
                pytest.fail(f"oxigraph server exited: {proc.stderr.read().decode()[:500]}")
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _select(base: str, query: str) -> list[dict]:
    url = base + "/query?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.load(resp)["results"]["bindings"]


def test_push_uploads_every_named_graph_and_queries_back(oxigraph_server, seed_output):
    local = pyoxigraph.Store()
    local.load(path=str(seed_output / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    named = {g.value for g in local.named_graphs()}

    result = CliRunner().invoke(main, ["push", str(seed_output), "--endpoint", oxigraph_server + "/store"])
    assert result.exit_code == 0, result.output
    assert f"pushed {len(named) + 1} graphs" in result.output

    rows = _select(oxigraph_server, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    remote = {r["g"]["value"]: int(r["n"]["value"]) for r in rows}
    assert set(remote) == named
    for g in named:
        assert remote[g] == len(list(local.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(g))))
    default = _select(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(default[0]["n"]["value"]) == len(list(local.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())))

    # the README's kind of question, answered by the store: which sources mention Russia?
    russia = _select(oxigraph_server, """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?e skos:prefLabel "Russia" . GRAPH ?g { ?e ?p ?o } }""")
    assert int(russia[0]["n"]["value"]) >= 1

    # pushing again replaces each graph: nothing is doubled
    again = CliRunner().invoke(main, ["push", str(seed_output), "-e", oxigraph_server + "/store"])
    assert again.exit_code == 0, again.output
    total = _select(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(total[0]["n"]["value"]) == sum(remote.values())


def test_push_errors_are_one_line(tmp_path, seed_output):
    port = _free_port()  # nothing listens there
    result = CliRunner().invoke(main, ["push", str(seed_output), "-e", f"http://127.0.0.1:{port}/store"])
    assert result.exit_code == 2 and result.output.startswith("kg: error:") and "cannot reach" in result.output
    missing = CliRunner().invoke(main, ["push", str(tmp_path), "-e", "http://127.0.0.1:1/store"])
    assert missing.exit_code == 2 and "kg build" in missing.output
