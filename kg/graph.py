"""The extraction as a networkx MultiDiGraph: one node per entity, one edge per relation per source."""
from __future__ import annotations

import networkx as nx

from .model import Extraction


def to_networkx(extraction: Extraction) -> nx.MultiDiGraph:
    """Entities as nodes (JSON-safe attributes), claims as keyed edges ``(source, predicate, start)``."""
    titles = {a.id: a.title for a in extraction.articles}
    G = nx.MultiDiGraph()
    for e in extraction.entities:
        G.add_node(e.id, label=e.label, type=e.type, kind=e.kind, wikidata=e.wikidata or "",
                   aliases=list(e.aliases), sources=list(e.sources), mentions=len(e.mentions),
                   date=e.date.start if e.date else "")
    for r in extraction.relations:
        p = r.provenance
        G.add_edge(r.subject, r.object, key=f"{r.source}|{r.predicate}|{p.section}|{p.start}",
                   predicate=r.predicate, source=r.source, source_title=titles.get(r.source, r.source),
                   evidence=p.sentence, start=p.start, end=p.end, speaker=r.speaker or "", cue=r.cue or "",
                   negated=r.negated, hedged=r.hedged, confidence=p.confidence, rule=p.rule)
    return G


def actor_network(G: nx.MultiDiGraph, *, min_weight: int = 1) -> nx.Graph:
    """An undirected weighted actor graph: how many claims link two entities, in any direction."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v in G.edges():
        if u == v:
            continue
        w = H.get_edge_data(u, v, {}).get("weight", 0) + 1
        H.add_edge(u, v, weight=w)
    H.remove_edges_from([(u, v) for u, v, w in H.edges(data="weight") if w < min_weight])
    return H
