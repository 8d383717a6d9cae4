"""Exports for tools that do not read RDF: GraphML (Gephi, yEd, Cytoscape) and CSV tables.

Both are written from the extraction in its deterministic order, with the same IRIs as the RDF, so a
row of ``claims.csv`` or an edge of the GraphML file can be looked up in ``kg.trig``.
"""
from __future__ import annotations

import csv
import io

from .iris import IRIs
from .model import Extraction, Relation


def _claim_iri(r: Relation, iris: IRIs) -> str:
    return str(iris.claim(r.source, r.subject, r.predicate, r.object, r.provenance.start, r.provenance.section))


def to_graphml(extraction: Extraction, *, base: str | None = None) -> str:
    """Entities as nodes, claims as directed edges (parallel edges kept, keyed by claim IRI)."""
    import networkx as nx

    iris = IRIs(base) if base else IRIs()
    G = nx.MultiDiGraph()
    for e in extraction.entities:
        G.add_node(e.id, label=e.label, type=e.type, kind=e.kind, iri=str(iris.entity(e.id)),
                   wikidata=e.wikidata or "", sources="|".join(e.sources), mentions=len(e.mentions),
                   date=e.date.start if e.date else "")
    for r in extraction.relations:
        p = r.provenance
        G.add_edge(r.subject, r.object, key=_claim_iri(r, iris), label=r.predicate, predicate=r.predicate,
                   source=r.source, asserted=not (r.negated or r.hedged), negated=r.negated, hedged=r.hedged,
                   speaker=r.speaker or "", cue=r.cue or "", confidence=round(p.confidence, 3), rule=p.rule,
                   section=p.section, start=p.start, end=p.end, evidence=p.sentence)
    return "\n".join(nx.generate_graphml(G, named_key_ids=False)) + "\n"


def _table(header: list[str], rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def to_csv_tables(extraction: Extraction, *, base: str | None = None) -> dict[str, str]:
    """``nodes.csv``, ``edges.csv`` (positive statements aggregated over sources), ``claims.csv``, ``mentions.csv``."""
    iris = IRIs(base) if base else IRIs()
    nodes = _table(
        ["id", "label", "type", "kind", "iri", "wikidata", "aliases", "sources", "mentions", "date", "date_precision"],
        ([e.id, e.label, e.type, e.kind, str(iris.entity(e.id)), e.wikidata or "", "|".join(e.aliases),
          "|".join(e.sources), len(e.mentions), e.date.start if e.date else "", e.date.precision if e.date else ""]
         for e in extraction.entities))
    weights: dict[tuple[str, str, str], set[str]] = {}
    counts: dict[tuple[str, str, str], int] = {}
    for r in extraction.relations:
        if r.negated or r.hedged:
            continue
        key = (r.subject, r.object, r.predicate)
        weights.setdefault(key, set()).add(r.source)
        counts[key] = counts.get(key, 0) + 1
    edges = _table(["source", "target", "predicate", "weight", "articles"],
                   ([s, o, p, counts[(s, o, p)], "|".join(sorted(weights[(s, o, p)]))] for s, o, p in sorted(weights)))
    claims = _table(
        ["claim", "article", "subject", "predicate", "object", "asserted", "negated", "hedged", "speaker", "cue", "verb",
         "confidence", "rule", "section", "start", "end", "evidence"],
        ([_claim_iri(r, iris), r.source, r.subject, r.predicate, r.object, str(not (r.negated or r.hedged)).lower(),
          str(r.negated).lower(), str(r.hedged).lower(), r.speaker or "", r.cue or "", r.verb,
          round(r.provenance.confidence, 3), r.provenance.rule, r.provenance.section, r.provenance.start,
          r.provenance.end, r.provenance.sentence] for r in extraction.relations))
    mention_rows = sorted(
        (m.source, m.section, m.start, m.end, e.id, m.text, m.reading)
        for e in extraction.entities for m in e.mentions)
    mentions = _table(["mention", "entity", "article", "section", "start", "end", "text", "reading"],
                      ([str(iris.mention(src, sec, start, end)), ent, src, sec, start, end, text, reading]
                       for src, sec, start, end, ent, text, reading in mention_rows))
    return {"nodes.csv": nodes, "edges.csv": edges, "claims.csv": claims, "mentions.csv": mentions}
