"""Every SPARQL example in the README runs on the seed build and returns the rows it promises."""
from __future__ import annotations

import re

import pytest

from kg.query import open_store, run_query
from tests.conftest import ROOT, SOURCES


def readme_queries():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sparql\n(.*?)```", text, re.S)


def _countries(names, rows):
    counts = {row[0]: int(row[1]) for row in rows}
    assert counts["Russia"] == counts["Armenia"] == counts["Azerbaijan"] == len(list(SOURCES.glob("*.txt")))


def _asserted_per_source(names, rows):
    assert names == ["source", "asserted"]
    assert len(rows) == len(list(SOURCES.glob("*.txt"))) and all(int(n) > 0 for _, n in rows)


def _russia_by_source(names, rows):
    assert names == ["source", "claims"] and len(rows) >= 3
    counts = [int(n) for _, n in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1


def _reported_speech(names, rows):
    assert names[0] == "speaker" and rows
    assert all(row[0] and row[5] for row in rows)  # a speaker and an evidence sentence on every row


def _events_by_year(names, rows):
    assert names == ["year", "event"] and len(rows) >= 3
    years = [int(row[0]) for row in rows]
    assert years == sorted(years) and all(1900 < y < 2100 for y in years)


CHECKS = [_countries, _asserted_per_source, _russia_by_source, _reported_speech, _events_by_year]


def test_readme_has_one_check_per_sparql_example():
    assert len(readme_queries()) == len(CHECKS), "add a check to CHECKS for each new ```sparql example"


@pytest.mark.parametrize("index", range(len(CHECKS)), ids=[c.__name__.strip("_") for c in CHECKS])
def test_readme_example_returns_the_expected_rows(seed_output, index):
    names, rows = run_query(open_store(seed_output), readme_queries()[index])
    CHECKS[index](names, rows)
