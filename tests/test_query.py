"""kg query's engine: the indexed store cache, named queries on a hand-made build, bound parameters."""
from __future__ import annotations

import os

import pytest

from kg.pipeline import write_outputs
from kg.query import STORE_DIR, named_queries, open_store, run_query
from tests.fixtures.small import small_extraction


@pytest.fixture()
def small_out(tmp_path):
    write_outputs(small_extraction(), tmp_path)
    return tmp_path


def test_store_is_cached_and_rebuilt_when_the_build_changes(small_out):
    store = open_store(small_out)
    stamp = small_out / STORE_DIR / "STAMP"
    first = stamp.read_text()
    assert len(store) > 100
    del store
    open_store(small_out)
    assert stamp.read_text() == first  # reused
    trig = small_out / "kg.trig"
    trig.write_text(trig.read_text() + "\n", encoding="utf-8")
    os.utime(trig, ns=(trig.stat().st_atime_ns, trig.stat().st_mtime_ns + 10**9))
    open_store(small_out)
    assert stamp.read_text() != first  # rebuilt
    assert [p.name for p in small_out.iterdir() if p.name.startswith(STORE_DIR)] == [STORE_DIR]


def test_in_memory_store_without_cache(small_out):
    store = open_store(small_out, cache=False)
    assert len(store) > 100 and not (small_out / STORE_DIR).exists()


def test_named_queries_on_the_small_build(small_out):
    store = open_store(small_out)
    queries = named_queries()
    names, rows = run_query(store, queries["accusations"])
    assert [(r[0], r[1], r[2]) for r in rows] == [("Armenia", "Azerbaijan", "Talks in Geneva")]
    names, rows = run_query(store, queries["about"], bindings={"label": "Russia"})
    about = {(r[1], r[2], r[3], r[4], r[5]) for r in rows}
    assert ("Russia", "related_to", "Armenia", "true", "false") in about  # negated claims are included
    assert ("Azerbaijan", "negotiates_with", "Russia", "false", "true") in about  # hedged too
    names, rows = run_query(store, queries["events"])
    assert [r[1] for r in rows] == ["Talks in Geneva", "shelling of Stepanakert", "Azerbaijani offensive"]
    names, rows = run_query(store, queries["single_source"])
    assert len(rows) == len(small_extraction().relations)
    names, rows = run_query(store, queries["actors"])
    assert {r[1]: int(r[3]) for r in rows}["Azerbaijan"] == 2


def test_default_graph_is_the_union(small_out):
    store = open_store(small_out)
    q = "SELECT ?c WHERE { ?c a <https://example.org/kg/ontology#Claim> }"
    assert len(run_query(store, q)[1]) == len(small_extraction().relations)
