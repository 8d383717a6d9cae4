"""The spaCy pipeline as kg loads it (kg/nlp.py)."""
from __future__ import annotations

TEXTS = [
    "Kosovo's prime minister Albin Kurti accused Belgrade of arming the gunmen who stormed Banjska on Sunday.",
    "The junta's jets bombed a camp near Laukkaing; the Three Brotherhood Alliance said it had seized 150 posts.",
    "Ethiopia's federal government and the TPLF signed a cessation of hostilities in Pretoria on 2 November 2022.",
    "Venezuela's referendum on Essequibo, held on December 3, alarmed Georgetown, which appealed to the ICJ.",
    "Ms. Nguyen-Okafor, 47, told reporters in São Paulo: \"We won't leave.\" Zhytomyr's mayor didn't comment.",
]


def _parse(doc) -> list[tuple]:
    return [(t.text, t.norm_, t.shape_, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
             t.ent_type_, t.is_sent_start, t.has_vector) for t in doc]


def test_the_model_parses_the_same_without_its_string_table_and_saved_tokenizer():
    import spacy

    from kg.nlp import DEFAULT_MODEL, NOT_LOADED, load_model

    name = DEFAULT_MODEL
    assert {"strings", "tokenizer"} <= set(NOT_LOADED)
    full, ours = spacy.load(name), load_model(name)
    assert len(ours.vocab.strings) < len(full.vocab.strings) / 100  # the table really was left out
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == full.tokenizer.to_bytes(exclude=["vocab"])
    for text in TEXTS:
        assert _parse(ours(text)) == _parse(full(text)), text



def test_a_saved_tokenizer_that_differs_from_the_defaults_is_read(tmp_path):
    """A pipeline whose tokenizer is not the language's defaults (here: one more special case) keeps its own."""
    import shutil

    import spacy

    from kg.nlp import DEFAULT_MODEL, load_model

    source = spacy.load(DEFAULT_MODEL)._path
    copy = tmp_path / "model"
    shutil.copytree(source, copy)
    custom = spacy.load(copy)
    custom.tokenizer.add_special_case("Karabakhgate", [{"ORTH": "Karabakh"}, {"ORTH": "gate"}])
    custom.tokenizer.to_disk(copy / "tokenizer", exclude=["vocab"])
    assert [t.text for t in load_model(str(copy)).make_doc("the Karabakhgate affair")] == ["the", "Karabakh", "gate", "affair"]
    assert [t.text for t in load_model(DEFAULT_MODEL).make_doc("the Karabakhgate affair")] == ["the", "Karabakhgate", "affair"]


def _ents(doc) -> list[tuple]:
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_patterns_added_only_where_a_text_could_match_find_the_same_entities(nlp, gazetteer):
    """A background reader adds to an empty ruler only the patterns its articles could match (0.3 s less of a
    rebuild): the entities are those of the ruler with every pattern."""
    from pathlib import Path

    from kg.gazetteer import ruler_patterns
    from kg.nlp import RULER, PendingPatterns, build_nlp, mask_stray_words

    root = Path(__file__).resolve().parent.parent
    texts = TEXTS + [mask_stray_words(p.read_text(encoding="utf-8")) for p in sorted((root / "sources").glob("*.txt"))]
    texts.append("Talks in Baku and Yerevan; the U. S. and the E.U. spoke, as did Sergei  Lavrov and the OSCE Minsk Group.")
    lazy = build_nlp(gazetteer, patterns=False)
    assert len(lazy.get_pipe(RULER)) == 0
    patterns = ruler_patterns(gazetteer)
    pending = PendingPatterns(lazy, patterns)
    added = pending.add_for(texts)
    assert 0 < added < len(patterns) / 4 and len(pending) == len(patterns) - added
    assert pending.add_for(texts) == 0  # each pattern once
    for text in texts:
        assert _ents(lazy(text)) == _ents(nlp(text)), text[:80]


def test_a_pattern_whose_tokens_the_text_spaces_otherwise_is_still_added(nlp, gazetteer):
    """The ruler matches tokens, not characters: "Nagorno - Karabakh" is the pattern "Nagorno-Karabakh"."""
    from kg.gazetteer import ruler_patterns
    from kg.nlp import PendingPatterns, build_nlp

    text = "Shelling was reported across Nagorno - Karabakh on Tuesday."
    assert ("Nagorno - Karabakh", "nagorno_karabakh") in [(e.text, e.ent_id_) for e in nlp(text).ents]
    lazy = build_nlp(gazetteer, patterns=False)
    PendingPatterns(lazy, ruler_patterns(gazetteer)).add_for([text])
    assert _ents(lazy(text)) == _ents(nlp(text))


def test_a_ruler_no_pattern_of_which_could_match_reads_without_warnings(gazetteer):
    """An article naming nothing the gazetteer knows leaves the background reader's ruler empty: spaCy would
    warn on every text ([W036]), the full ruler never does."""
    import warnings

    from kg.gazetteer import ruler_patterns
    from kg.nlp import PendingPatterns, build_nlp

    text = "Nothing anyone here knows of was said."
    lazy = build_nlp(gazetteer, patterns=False)
    pending = PendingPatterns(lazy, ruler_patterns(gazetteer))
    assert pending.add_for([text]) == 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pending.quiet():
            lazy(text)
    assert not [w for w in caught if "W036" in str(w.message)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lazy(text)
    assert [w for w in caught if "W036" in str(w.message)]  # what quiet() keeps out
