"""The plain JSON export (``kg.json``), documented in the README; deterministic."""
from __future__ import annotations

from .corroboration import claim_key, corroboration
from .iris import statement_id
from .model import Contested, Entity, Extraction, Relation


def _entity(e: Entity) -> dict:
    out = {
        "id": e.id, "type": e.type, "label": e.label, "aliases": list(e.aliases), "wikidata": e.wikidata,
        "sources": list(e.sources), "kind": e.kind or None, "part_of": e.part_of,
        "mentions": [
            {"source": m.source, "section": m.section, "start": m.start, "end": m.end, "text": m.text, "reading": m.reading}
            for m in e.mentions
        ],
    }
    if e.type == "Event":
        out["event_type"] = e.event_type
        out["date"] = (
            {"start": e.date.start, "end": e.date.end or e.date.start, "precision": e.date.precision, "text": e.date.text}
            if e.date else None
        )
        out["participants"] = [{"entity": p.entity, "role": p.role} for p in e.participants]
        out["place"] = e.place
    return out


def _relation(r: Relation, statement: dict) -> dict:
    p = r.provenance
    return {
        "subject": r.subject, "predicate": r.predicate, "object": r.object, "source": r.source,
        "evidence": p.sentence, "start": p.start, "end": p.end, "section": p.section,
        "speaker": r.speaker, "cue": r.cue, "negated": r.negated, "hedged": r.hedged,
        "confidence": round(p.confidence, 3), "rule": p.rule, "verb": r.verb,
        "statement": statement["id"], "source_count": len(statement["sources"]),
        "outlet_count": len(statement["independent_outlets"]),
    }


def _statements(extraction: Extraction) -> dict[tuple, dict]:
    """Claim key -> its statement across sources: the articles that make it and their independent outlets.

    Listed once in ``statements``, not on every relation: a claim made by n articles has n relations, and
    repeating its sources on each made kg.json grow as n squared (30 of 46 MB on 1,000 articles)."""
    out = {}
    for key, support in corroboration(extraction).items():
        s, p, o, negated = key
        out[key] = {"id": statement_id(s, p, o, negated), "subject": s, "predicate": p, "object": o,
                    "negated": negated, "sources": support["sources"], "independent_outlets": support["independent"]}
    return out


def _contested(c: Contested) -> dict:
    return {"id": c.id, "kind": c.kind, "topic": c.topic, "subject": c.subject,
            "sides": [{"stance": s.stance, "source": s.source, "speaker": s.speaker, "evidence": s.evidence,
                       "claim": s.claim} for s in c.sides]}


def to_json_dict(extraction: Extraction) -> dict:
    statements = _statements(extraction)
    return {
        "generator": {"name": "kg", "model": extraction.model},
        "sources": [
            {"id": a.id, "file": a.file, "title": a.title, "author": a.author, "publisher": a.publisher,
             "date": a.date, "url": a.url, "language": a.language, "duplicate_of": a.duplicate_of}
            for a in extraction.articles
        ],
        "entities": [_entity(e) for e in extraction.entities],
        "relations": [_relation(r, statements[claim_key(r)]) for r in extraction.relations],
        "statements": sorted(statements.values(), key=lambda st: st["id"]),
        "contested": [_contested(c) for c in extraction.contested],
    }


def to_json(extraction: Extraction) -> bytes:
    """``kg.json`` as UTF-8, each top-level list one record a line (orjson: 3-4x json's C encoder here)."""
    import orjson

    parts = []
    for key, value in to_json_dict(extraction).items():
        if isinstance(value, list) and value:
            parts.append(b" " + orjson.dumps(key) + b": [\n  " + b",\n  ".join(map(orjson.dumps, value)) + b"]")
        else:
            parts.append(b" " + orjson.dumps(key) + b": " + orjson.dumps(value))
    return b"{\n" + b",\n".join(parts) + b"\n}\n"
