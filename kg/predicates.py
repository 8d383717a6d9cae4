"""The controlled predicate vocabulary (``ontology/predicates.yaml``): verbs and nouns -> predicates."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import OntologyError

GENERIC = "related_to"


@dataclass(frozen=True, slots=True)
class Predicate:
    name: str
    definition: str
    category: str = "OTHER"
    symmetric: bool = False
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()


@dataclass
class Predicates:
    by_name: dict[str, Predicate] = field(default_factory=dict)
    verbs: dict[str, str] = field(default_factory=dict)  # "call for" / "attack" -> predicate
    nouns: dict[str, str] = field(default_factory=dict)

    def for_verb(self, lemma: str, particle: str = "", prep: str = "") -> str | None:
        keys = ([f"{lemma} {particle}"] if particle else []) + ([f"{lemma} {prep}"] if prep else []) + [lemma]
        for key in keys:
            if key in self.verbs:
                return self.verbs[key]
        return None

    def is_symmetric(self, name: str) -> bool:
        pred = self.by_name.get(name)
        return bool(pred and pred.symmetric)


def load_scheme(path: Path, key: str, what: str) -> dict[str, dict]:
    """The ``key`` mapping of a YAML scheme file, every entry a mapping with a definition."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise OntologyError(f"{path}: cannot read: {err.strerror}") from None
    except yaml.YAMLError as err:
        raise OntologyError(f"{path}: malformed YAML: {str(err).splitlines()[0]}") from None
    if not isinstance(data, dict) or not isinstance(data.get(key), dict):
        raise OntologyError(f"{path}: expected a mapping with {key!r}")
    for name, raw in data[key].items():
        if not isinstance(raw, dict) or "definition" not in raw:
            raise OntologyError(f"{path}: {what} {name!r} needs a definition")
    return data[key]


def load_predicates(path: Path) -> Predicates:
    entries = load_scheme(path, "predicates", "predicate")
    preds = Predicates()
    for name, raw in entries.items():
        pred = Predicate(name=name, definition=raw["definition"], category=raw.get("category", "OTHER"),
                         symmetric=bool(raw.get("symmetric", False)), verbs=tuple(raw.get("verbs", ())),
                         nouns=tuple(raw.get("nouns", ())))
        preds.by_name[name] = pred
        for verb in pred.verbs:
            preds.verbs.setdefault(verb, name)
        for noun in pred.nouns:
            preds.nouns.setdefault(noun, name)
    if GENERIC not in preds.by_name:
        raise OntologyError(f"{path}: the generic predicate {GENERIC!r} is missing")
    return preds
