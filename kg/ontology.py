"""The published ontology (``ontology/kg.ttl``) and the relation scheme generated into it.

The relation scheme (one ``kgr:`` property and SKOS concept per entry of ``ontology/predicates.yaml``)
is written between two marker lines of ``kg.ttl``. After editing predicates.yaml, run::

    python -m kg.ontology          # rewrite the generated block of ontology/kg.ttl
    python -m kg.ontology --check  # exit 1 if the block is out of date
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import OntologyError
from .predicates import Predicates, load_predicates

BEGIN = "# --- BEGIN relation scheme"
END = "# --- END relation scheme ---"


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
            f"    rdfs:isDefinedBy <https://example.org/kg/ontology> .\n"
        )
    return "\n".join(blocks)


def _split(text: str, path: Path) -> tuple[str, str, str]:
    start = text.find(BEGIN)
    end = text.find(END)
    if start < 0 or end < start:
        raise OntologyError(f"{path}: the relation scheme markers are missing")
    head_end = text.index("\n", start) + 1
    return text[:head_end], text[head_end:end], text[end:]


def regenerate(ttl_path: Path, predicates: Predicates) -> bool:
    """Rewrite the generated block of ``ttl_path``; True when the file changed."""
    text = ttl_path.read_text(encoding="utf-8")
    head, block, tail = _split(text, ttl_path)
    new_block = relation_scheme_turtle(predicates)
    if block == new_block:
        return False
    ttl_path.write_text(head + new_block + tail, encoding="utf-8")
    return True


def generated_block(ttl_path: Path) -> str:
    return _split(ttl_path.read_text(encoding="utf-8"), ttl_path)[1]


def load_ontology(path: Path | None = None):
    """``ontology/kg.ttl`` as an rdflib Graph."""
    from rdflib import Graph

    from .pipeline import ontology_path

    path = Path(path) if path else ontology_path("kg.ttl")
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as err:
        raise OntologyError(f"{path}: cannot read the ontology: {err}") from None


def main(argv: list[str] | None = None) -> int:
    from .pipeline import ontology_path

    argv = sys.argv[1:] if argv is None else argv
    ttl = ontology_path("kg.ttl")
    predicates = load_predicates(ontology_path("predicates.yaml"))
    if "--check" in argv:
        stale = generated_block(ttl) != relation_scheme_turtle(predicates)
        print(f"{ttl}: relation scheme {'out of date (run python -m kg.ontology)' if stale else 'up to date'}")
        return 1 if stale else 0
    changed = regenerate(ttl, predicates)
    print(f"{ttl}: relation scheme {'rewritten' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
