"""Property-based fuzzing of the whole build on random Unicode articles (files on disk -> outputs on disk):
it never raises, the RDF always parses in rdflib and pyoxigraph, and it conforms to the SHACL shapes."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import SourceError
from kg.pipeline import extract, write_outputs
from kg.sources import load_articles
from tests.test_robust import HARD_NAMES, assert_valid_rdf

#: any character a UTF-8 file can hold (no lone surrogates)
CHARS = st.characters(blacklist_categories=("Cs",))
NAMES = st.sampled_from(HARD_NAMES + ["Armenia", "Azerbaijan", "Russia", "Nikol Pashinyan", "Ilham Aliyev",
                                      "Stepanakert", "the European Union", "Moscow"])
VERBS = st.sampled_from(["attacked", "accused", "met", "said that", "denied that", "condemned", "supported",
                         "may have shelled", "did not recognize", "signed a deal with", "visited"])
WORDS = st.text(CHARS, min_size=1, max_size=12)
#: the suite runs 25 fixed examples; KG_FUZZ_EXAMPLES=500 explores new random ones
EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "25"))


@st.composite
def sentence(draw) -> str:
    if draw(st.booleans()):
        noise = draw(st.lists(WORDS, max_size=4))
        return " ".join([draw(NAMES), draw(VERBS), draw(NAMES), *noise]) + draw(st.sampled_from([".", "!", "?", ""]))
    return draw(st.text(CHARS, max_size=120))


@st.composite
def article(draw) -> str:
    body = "\n\n".join(draw(st.lists(sentence(), min_size=1, max_size=6)))
    if not draw(st.booleans()):
        return body
    fields = {
        "title": draw(st.one_of(st.none(), st.text(CHARS, max_size=40), NAMES)),
        "author": draw(st.one_of(st.none(), NAMES, st.text(CHARS, max_size=20))),
        "date": draw(st.sampled_from([None, "2023-09-21", "2023-09", "2021", "yesterday", "2023-13-45"])),
        "id": draw(st.one_of(st.none(), st.text(CHARS, min_size=1, max_size=20))),
        "url": draw(st.sampled_from([None, "https://example.com/a?b=1&c=<d>", "https://example.com/ա", "nope"])),
    }
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


@settings(max_examples=EXAMPLES, deadline=None, derandomize="KG_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.lists(article(), min_size=1, max_size=3))
def test_random_unicode_articles_always_build_valid_rdf(texts, nlp, gazetteer, predicates):
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        for i, text in enumerate(texts):
            (src / f"a{i}.txt").write_text(text, encoding="utf-8")
        errors: list[SourceError] = []
        articles = load_articles(src, on_error=errors.append)  # bad files are reported, never raised
        assert len(articles) + len(errors) == len(texts)
        for err in errors:
            assert str(err).startswith(str(src)) and "\n" not in str(err)
        if not articles:
            return
        extraction = extract(articles, nlp=nlp, gazetteer=gazetteer, predicates=predicates)
        write_outputs(extraction, out)
        assert_valid_rdf(out)
