"""Deterministic RDF text: the same dataset always gives the same bytes.

rdflib sorts subjects and predicates within a graph, but writes the graphs of a dataset in set order,
which changes between processes. TriG is therefore written graph by graph, default graph first, then
the named graphs sorted by IRI, with the prefixes declared once at the top.
"""
from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID


def _bind_all(target, source) -> None:
    for prefix, ns in sorted(source.namespaces()):
        target.bind(prefix, ns, override=True, replace=True)


def to_trig(ds: Dataset) -> str:
    graphs = sorted(ds.graphs(), key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)))
    parts: list[str] = []
    header: set[str] = set()
    for graph in graphs:
        if len(graph) == 0:
            continue
        one = Dataset()
        _bind_all(one, ds)
        target = one.default_graph if graph.identifier == DATASET_DEFAULT_GRAPH_ID else one.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
        text = one.serialize(format="trig")
        lines = text.splitlines()
        header.update(line for line in lines if line.startswith("@prefix"))
        body = [line for line in lines if not line.startswith("@prefix")]
        parts.append("\n".join(body).strip("\n") + "\n")
    return "\n".join(["\n".join(sorted(header)) + "\n", *parts])


def to_turtle(ds: Dataset) -> str:
    """Every triple of every graph as one graph."""
    union = Graph()
    _bind_all(union, ds)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union.serialize(format="turtle")
