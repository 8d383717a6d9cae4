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
        for key in (f"{lemma} {particle}".strip(), f"{lemma} {prep}".strip(), lemma):
            if key in self.verbs:
                return self.verbs[key]
        return None

    def is_symmetric(self, name: str) -> bool:
        pred = self.by_name.get(name)
        return bool(pred and pred.symmetric)


def load_predicates(path: Path) -> Predicates:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise OntologyError(f"{path}: cannot read predicates: {err.strerror}") from None
    except yaml.YAMLError as err:
        raise OntologyError(f"{path}: malformed predicates: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("predicates"), dict):
        raise OntologyError(f"{path}: expected a mapping with 'predicates'")
    preds = Predicates()
    for name, raw in data["predicates"].items():
        if not isinstance(raw, dict) or "definition" not in raw:
            raise OntologyError(f"{path}: predicate {name!r} needs a definition")
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
