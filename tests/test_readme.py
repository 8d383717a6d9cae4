"""Every SPARQL example in the README runs on the seed build and returns rows."""
from __future__ import annotations

import re

from kg.query import open_store, run_query
from tests.conftest import ROOT


def readme_queries():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sparql\n(.*?)```", text, re.S)


def test_readme_has_sparql_examples():
    assert readme_queries()


def test_every_readme_example_returns_the_expected_rows(seed_output):
    store = open_store(seed_output)
    for sparql in readme_queries():
        names, rows = run_query(store, sparql)
        assert rows, sparql
    # the first example: every country with how many sources mention it; Russia is in all five
    names, rows = run_query(store, readme_queries()[0])
    counts = {row[0]: int(row[1]) for row in rows}
    assert counts["Russia"] == 5 and counts["Armenia"] == 5 and counts["Azerbaijan"] == 5
