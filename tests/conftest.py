"""Shared fixtures: the real spaCy pipeline and one real build of sources/, made once per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def gazetteer():
    from kg.gazetteer import load_gazetteer
    from kg.pipeline import ontology_path

    return load_gazetteer(ontology_path("gazetteer.yaml"))


@pytest.fixture(scope="session")
def predicates():
    from kg.pipeline import ontology_path
    from kg.predicates import load_predicates

    return load_predicates(ontology_path("predicates.yaml"))


@pytest.fixture(scope="session")
def nlp(gazetteer):
    from kg.nlp import build_nlp

    return build_nlp(gazetteer)


@pytest.fixture(scope="session")
def extract_text(nlp, gazetteer, predicates):
    """Run the whole extraction on short articles written in a test: ``extract_text("text", ...)``."""
    from kg.model import Article
    from kg.pipeline import extract

    def run(*texts: str, date: str | None = "2023-09-21"):
        articles = [Article(id=f"t{i}", file=f"t{i}.txt", title="", body=t, date=date) for i, t in enumerate(texts)]
        return extract(articles, nlp=nlp, gazetteer=gazetteer, predicates=predicates)

    return run


@pytest.fixture(scope="session")
def seed_output(tmp_path_factory):
    """``kg build sources -o <tmp>`` through the library, as the CLI does it."""
    from kg.pipeline import build, write_outputs

    out = tmp_path_factory.mktemp("seed-output")
    extraction = build(SOURCES)
    write_outputs(extraction, out)
    return out


@pytest.fixture(scope="session")
def chromium_path():
    """The system Chromium, or a skip (never in CI, where KG_REQUIRE_BROWSER is set)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if path is None:
        if os.environ.get("KG_REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail("no Chromium installed, and this run requires the browser tests (install: apt-get install chromium)")
        pytest.skip("no Chromium installed (apt-get install chromium)")
    return path
