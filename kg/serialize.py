"""Deterministic RDF text: the same dataset always gives the same bytes.

rdflib sorts subjects and predicates within a graph, but writes the graphs of a dataset in set order,
which changes between processes. TriG is therefore written graph by graph, default graph first, then
the named graphs sorted by IRI, with the prefixes declared once at the top. N-Quads and JSON-LD are
written from that TriG's quads, sorted.
"""
from __future__ import annotations

import json

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
        lines = text.split("\n")  # not splitlines(): literals may hold \x0b, \x1e, U+2028 ...
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


def _quads(trig: str) -> list:
    import pyoxigraph

    return list(pyoxigraph.parse(trig.encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG))


def to_nquads(trig: str) -> str:
    """The dataset as N-Quads, one quad a line, sorted: diffable and byte-stable."""
    import pyoxigraph

    text = pyoxigraph.serialize(_quads(trig), format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    return "".join(f"{line}\n" for line in sorted(set(text.split("\n"))) if line)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _compactor(prefixes: dict[str, str]):
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def compact(iri: str) -> str:
        for prefix, ns in ordered:
            local = iri[len(ns):]
            if iri.startswith(ns) and local and all(c.isalnum() or c in "_-." for c in local) and local[0] != ".":
                return f"{prefix}:{local}"
        return iri

    return compact


def to_jsonld(trig: str, prefixes: dict[str, str]) -> str:
    """JSON-LD 1.1 with a prefix context: default-graph nodes first, then one ``@graph`` object per named graph.

    Written from sorted quads (not rdflib's serializer, whose order follows hashing), so it is byte-stable.
    Literals keep their datatype and language exactly; plain strings are plain JSON strings.
    """
    import pyoxigraph

    compact = _compactor(prefixes)

    def term(t) -> dict | str:
        if isinstance(t, pyoxigraph.Literal):
            if t.language:
                return {"@value": t.value, "@language": t.language}
            if t.datatype.value == _XSD_STRING:
                return t.value
            return {"@value": t.value, "@type": compact(t.datatype.value)}
        return {"@id": compact(t.value) if isinstance(t, pyoxigraph.NamedNode) else f"_:{t.value}"}

    graphs: dict[str, dict[str, dict[str, list]]] = {}
    for q in _quads(trig):
        g = "" if isinstance(q.graph_name, pyoxigraph.DefaultGraph) else q.graph_name.value
        sid = compact(q.subject.value) if isinstance(q.subject, pyoxigraph.NamedNode) else f"_:{q.subject.value}"
        node = graphs.setdefault(g, {}).setdefault(sid, {})
        if q.predicate.value == _RDF_TYPE and isinstance(q.object, pyoxigraph.NamedNode):
            node.setdefault("@type", []).append(compact(q.object.value))
        else:
            node.setdefault(compact(q.predicate.value), []).append(term(q.object))

    def nodes(by_id: dict) -> list[dict]:
        out = []
        for sid in sorted(by_id):
            props = by_id[sid]
            obj = {"@id": sid}
            for key in sorted(props, key=lambda k: (k != "@type", k)):
                values = sorted(props[key], key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
                obj[key] = values[0] if len(values) == 1 and key != "@type" else values
            out.append(obj)
        return out

    top = nodes(graphs.get("", {}))
    for g in sorted(k for k in graphs if k):
        top.append({"@id": compact(g), "@graph": nodes(graphs[g])})
    doc = {"@context": dict(sorted(prefixes.items())), "@graph": top}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
