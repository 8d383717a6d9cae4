"""The published ontology (``ontology/kg.ttl``) and the two SKOS schemes generated into it.

The relation scheme (one ``kgr:`` property and concept per entry of ``ontology/predicates.yaml``) and the
event scheme (one ``kge:`` concept per entry of ``ontology/events.yaml``) are written between marker lines
of ``kg.ttl``. After editing either YAML file, run::

    python -m kg.ontology          # rewrite the generated blocks of ontology/kg.ttl
    python -m kg.ontology --check  # exit 1 if a block is out of date
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import yaml

from .errors import OntologyError
from .predicates import Predicates, load_predicates

ONTOLOGY = "<https://example.org/kg/ontology>"


def ontology_file(name: str) -> Path:
    """A file of the ontology folder (``KG_ONTOLOGY`` overrides the folder, as for kg.pipeline.ontology_path)."""
    return Path(os.environ.get("KG_ONTOLOGY", Path(__file__).resolve().parent.parent / "ontology")) / name


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False) + "@en"


def relation_scheme_turtle(predicates: Predicates) -> str:
    """The SKOS relation scheme as Turtle statements (prefixes of kg.ttl assumed), in file order."""
    blocks = []
    for name, pred in predicates.by_name.items():
        types = "owl:ObjectProperty, owl:SymmetricProperty, kg:RelationType" if pred.symmetric \
            else "owl:ObjectProperty, kg:RelationType"
        label = name.replace("_", " ")
        blocks.append(
            f"kgr:{name} a {types} ;\n"
            f"    rdfs:label {_literal(label)} ; skos:prefLabel {_literal(label)} ;\n"
            f"    skos:definition {_literal(pred.definition)} ;\n"
            f"    kg:category {json.dumps(pred.category)} ;\n"
            f"    skos:inScheme kg:relationScheme ; skos:topConceptOf kg:relationScheme ;\n"
            f"    rdfs:isDefinedBy {ONTOLOGY} .\n"
        )
    return "\n".join(blocks)


def load_event_scheme(path: Path) -> dict[str, dict]:
    """``ontology/events.yaml`` as name -> {label, definition, category, cameo}; {} when the file is absent."""
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise OntologyError(f"{path}: cannot read the event scheme: {err}") from None
    types = data.get("event_types") if isinstance(data, dict) else None
    if not isinstance(types, dict):
        raise OntologyError(f"{path}: expected a mapping with 'event_types'")
    return types


def event_scheme_turtle(event_types: dict[str, dict]) -> str:
    blocks = []
    for name, raw in event_types.items():
        label = str(raw.get("label") or name)
        lines = [
            f"kge:{name} a kg:EventType ;",
            f"    rdfs:label {_literal(label)} ; skos:prefLabel {_literal(label)} ;",
            f"    skos:definition {_literal(str(raw['definition']))} ;",
            f"    kg:category {json.dumps(str(raw.get('category', 'OTHER')))} ;",
        ]
        if raw.get("cameo"):
            lines.append(f"    kg:cameoCode {json.dumps(str(raw['cameo']))} ;")
        lines += ["    skos:inScheme kg:eventScheme ; skos:topConceptOf kg:eventScheme ;",
                  f"    rdfs:isDefinedBy {ONTOLOGY} .\n"]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _split(text: str, block: str, path: Path) -> tuple[str, str, str]:
    start = text.find(f"# --- BEGIN {block}")
    end = text.find(f"# --- END {block} ---")
    if start < 0 or end < start:
        raise OntologyError(f"{path}: the {block} markers are missing")
    head_end = text.index("\n", start) + 1
    return text[:head_end], text[head_end:end], text[end:]


def generated_block(ttl_path: Path, block: str) -> str:
    return _split(ttl_path.read_text(encoding="utf-8"), block, ttl_path)[1]


def expected_blocks(folder: Path) -> dict[str, str]:
    """What the generated blocks of kg.ttl should hold, from the YAML files in ``folder``."""
    return {
        "relation scheme": relation_scheme_turtle(load_predicates(folder / "predicates.yaml")),
        "event scheme": event_scheme_turtle(load_event_scheme(folder / "events.yaml")),
    }


def regenerate(ttl_path: Path, blocks: dict[str, str]) -> bool:
    """Rewrite the generated blocks of ``ttl_path``; True when the file changed."""
    text = original = ttl_path.read_text(encoding="utf-8")
    for block, body in blocks.items():
        head, _, tail = _split(text, block, ttl_path)
        text = head + body + tail
    if text != original:
        ttl_path.write_text(text, encoding="utf-8")
    return text != original


def load_ontology(path: Path | None = None):
    """``ontology/kg.ttl`` as an rdflib Graph."""
    from rdflib import Graph

    path = Path(path) if path else ontology_file("kg.ttl")
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as err:
        raise OntologyError(f"{path}: cannot read the ontology: {err}") from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ttl = ontology_file("kg.ttl")
    blocks = expected_blocks(ttl.parent)
    if "--check" in argv:
        stale = [b for b, body in blocks.items() if generated_block(ttl, b) != body]
        print(f"{ttl}: {'out of date: ' + ', '.join(stale) + ' (run python -m kg.ontology)' if stale else 'up to date'}")
        return 1 if stale else 0
    changed = regenerate(ttl, blocks)
    print(f"{ttl}: {'rewritten' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
