"""An incremental `kg build` (cached readings, output blocks copied from the last build) writes exactly what a fresh --force build writes."""
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


def _counts(log: str) -> tuple[tuple[int, int], dict[str, tuple[int, int]]]:
    """((articles read, cached), {RDF output: (named-graph blocks copied, made)}) from a -v build's output
    (the outputs this process wrote: with -j 2 after an edit, all four)."""
    read = re.search(r"\((\d+) read, (\d+) cached\)", log)
    blocks = {m[1]: (int(m[2]), int(m[3])) for m in re.finditer(r"(\w+\.\w+): (\d+) blocks copied from the last build, (\d+) made", log)}
    return (int(read[1]), int(read[2])), blocks


def test_rebuilds_after_edits_equal_fresh_builds(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    files = sorted(corpus.glob("*.txt"))

    # one article gains a sentence (new claims, possibly new entities and shifted ranks)
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nRussia accused Azerbaijan of breaking the truce.\n",
                        encoding="utf-8")
    log = _build(corpus, out)
    (read, cached), blocks = _counts(log)
    assert (read, cached) == (1, len(files) - 1)
    # every RDF output copies the other graphs' blocks from the last build's file: only the edited graph is made
    assert blocks == {name: (len(files) - 1, 1) for name in ("kg.trig", "kg.nq", "kg.ttl", "kg.jsonld")}
    assert re.search(r"quads: (\d+) named graphs, 1 to serialize", log), log  # the others' quads are not even made
    _same_as_fresh(corpus, out, tmp_path, "an edit")

    # one article removed, one added: every entity and claim the others share may change
    files[0].unlink()
    shutil.copy(files[1], corpus / "copy_of_one.txt")
    _build(corpus, out)
    _same_as_fresh(corpus, out, tmp_path, "a removal and an addition")

    # nothing changed: nothing read, every block copied, same bytes
    before = {name: (out / name).read_bytes() for name in OUTPUT_NAMES}
    (read, _), blocks = _counts(_build(corpus, out))
    assert read == 0 and len(blocks) == 4 and all(made == 0 for _, made in blocks.values())
    assert {name: (out / name).read_bytes() for name in OUTPUT_NAMES} == before


def test_a_one_process_rebuild_copies_the_unchanged_articles_blocks_of_rdf_and_tables(corpus, tmp_path):
    """With -j 1 this process writes every file, so its log shows the tables' blocks too."""
    out = tmp_path / "out"
    _build(corpus, out, "-j", "1")
    files = sorted(corpus.glob("*.txt"))
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nRussia accused Azerbaijan of breaking the truce.\n",
                        encoding="utf-8")
    (read, cached), blocks = _counts(_build(corpus, out, "-j", "1"))
    assert (read, cached) == (1, len(files) - 1)
    assert blocks == {name: (len(files) - 1, 1)
                      for name in ("kg.trig", "kg.nq", "kg.ttl", "kg.jsonld", "claims.csv", "mentions.csv")}
    _same_as_fresh(corpus, out, tmp_path, "an edit")


@pytest.mark.parametrize("damage", ["index unreadable", "output edited", "output removed"])
def test_a_damaged_index_or_output_only_means_serializing_again(corpus, tmp_path, damage):
    out = tmp_path / "out"
    _build(corpus, out)
    if damage == "index unreadable":
        (out / ".kg-cache" / "splice-kg.trig.pickle").write_bytes(b"not a pickle")
    elif damage == "output edited":  # same size: only the modification time tells
        text = (out / "kg.trig").read_bytes()
        (out / "kg.trig").write_bytes(text.replace(b"@prefix", b"@PREFIX", 1))
    else:
        (out / "kg.trig").unlink()
    (_, _), blocks = _counts(_build(corpus, out))
    copied, made = blocks["kg.trig"]
    assert copied == 0 and made > 0  # nothing is copied from a file that is not the one noted
    _same_as_fresh(corpus, out, tmp_path, damage)


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


def test_the_stored_gazetteer_is_remade_when_a_curated_layer_changes(tmp_path, monkeypatch):
    from kg.gazetteer import CURATED_LAYERS
    from kg.pipeline import ONTOLOGY_DIR, cached_gazetteer

    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, ontology)
    monkeypatch.setenv("KG_ONTOLOGY", str(ontology))
    cache = tmp_path / "cache"
    assert cached_gazetteer(world=False, cache_dir=cache).lookup("Zanzibar Accord") is None
    layer = ontology / CURATED_LAYERS[0]
    layer.write_text(layer.read_text(encoding="utf-8") + "- {id: zanzibar_accord, type: Event, label: Zanzibar Accord,"
                     " kind: Agreement, date: {start: '1999-01-01'}}\n", encoding="utf-8")
    assert cached_gazetteer(world=False, cache_dir=cache).lookup("Zanzibar Accord").id == "zanzibar_accord"
