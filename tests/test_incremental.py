"""An incremental `kg build` (cached readings, reused output fragments) writes exactly what a fresh --force build writes."""
from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import OUTPUT_NAMES
from tests.conftest import SOURCES


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SOURCES, src)
    return src


def _build(src, out, *extra):
    result = CliRunner().invoke(main, ["-v", "build", str(src), "-o", str(out), "-j", "2", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def _same_as_fresh(src, out, tmp_path, name):
    fresh = tmp_path / f"fresh-{name}"
    _build(src, fresh, "--force")
    for output in OUTPUT_NAMES:
        assert (out / output).read_bytes() == (fresh / output).read_bytes(), f"{output} differs after {name}"


def _counts(log: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """((articles read, cached), (named-graph blocks reused, made)) from a -v build's output."""
    read = re.search(r"\((\d+) read, (\d+) cached\)", log)
    blocks = re.search(r"fragments: (\d+) reused, (\d+) made", log)
    return (int(read[1]), int(read[2])), (int(blocks[1]), int(blocks[2]))


def test_rebuilds_after_edits_equal_fresh_builds(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    files = sorted(corpus.glob("*.txt"))

    # one article gains a sentence (new claims, possibly new entities and shifted ranks)
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nRussia accused Azerbaijan of breaking the truce.\n",
                        encoding="utf-8")
    (read, cached), (reused, made) = _counts(_build(corpus, out))
    assert (read, cached) == (1, len(files) - 1)
    assert reused == 2 * (len(files) - 1) and made == 2  # TriG and JSON-LD blocks: only the edited graph's made
    _same_as_fresh(corpus, out, tmp_path, "an edit")

    # one article removed, one added: every entity and claim the others share may change
    files[0].unlink()
    shutil.copy(files[1], corpus / "copy_of_one.txt")
    _build(corpus, out)
    _same_as_fresh(corpus, out, tmp_path, "a removal and an addition")

    # nothing changed: nothing read, every block reused, same bytes
    before = {name: (out / name).read_bytes() for name in OUTPUT_NAMES}
    (read, _), (_, made) = _counts(_build(corpus, out))
    assert (read, made) == (0, 0)
    assert {name: (out / name).read_bytes() for name in OUTPUT_NAMES} == before


def test_an_unreadable_fragment_store_only_means_serializing_again(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    (out / ".kg-cache" / "fragments.pickle").write_bytes(b"not a pickle")
    (_, _), (reused, made) = _counts(_build(corpus, out))
    assert reused == 0 and made > 0
    _same_as_fresh(corpus, out, tmp_path, "a broken store")


def _failing_model():
    raise RuntimeError("no such model")


class _BrokenPipeline:
    meta = {"lang": "en", "name": "broken", "version": "0"}

    def pipe(self, *args, **kwargs):
        raise ValueError("cannot parse")


@pytest.mark.parametrize("factory", [_failing_model, _BrokenPipeline], ids=["load fails", "reading fails"])
def test_a_failing_background_process_leaves_the_work_to_this_one(factory, gazetteer, predicates):
    from kg.model import Article
    from kg.parallel import PreloadedNLP, loaded

    nlp = PreloadedNLP(factory, {"lang": "en", "name": "x", "version": "0"}, gazetteer=gazetteer, predicates=predicates)
    nlp.submit([Article(id="a", file="a.txt", title="", body="Russia accused Azerbaijan.")])
    assert nlp.result() is None  # nothing read there: the caller loads the model itself, and sees the error
    if factory is _failing_model:
        with pytest.raises(RuntimeError, match="no such model"):
            loaded(nlp)
    else:
        assert isinstance(loaded(nlp), _BrokenPipeline)


def test_a_cache_is_warm_only_for_the_salt_of_the_last_build(tmp_path):
    from kg.cache import ArticleCache

    folder = tmp_path / "cache"
    assert not ArticleCache(folder, salt="a").warm()  # nothing there yet
    folder.mkdir()
    ArticleCache(folder, salt="a").prune()
    assert ArticleCache(folder, salt="a").warm()
    assert not ArticleCache(folder, salt="b").warm()  # another model, ontology or code: every article is read
