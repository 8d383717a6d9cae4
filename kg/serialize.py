"""Deterministic RDF text: the same quads always give the same bytes.

Every RDF output is written from one :class:`kg.rdf.Quads` (N-Quads lines per graph), each quad once and
in a fixed order: N-Quads sorted line by line; TriG graph by graph (default graph first, then the named
graphs sorted by IRI), each graph's quads sorted; Turtle the sorted union of the triples. pyoxigraph's
serializers turn those sorted quads into TriG and Turtle (prefixes declared at the top, a subject's
triples grouped), in the order given; JSON-LD is written here, with a prefix context.
"""
from __future__ import annotations

import functools
import io
import json
from typing import BinaryIO

from .rdf import Quads

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _nquads_bytes(lines: list[str]) -> bytes:
    return "".join(lines).encode("utf-8")


def write_nquads(quads: Quads, fh: BinaryIO) -> None:
    """The dataset as N-Quads, one quad a line, sorted: diffable and byte-stable."""
    # each graph's lines are sorted already: the sort merges those runs
    lines = sorted([line for _, graph in quads.sorted_graphs() for line in graph])
    fh.write(_nquads_bytes(lines))


def write_trig(quads: Quads, fh: BinaryIO, *, fragments=None) -> None:
    """TriG: the prefixes, then the default graph, then one block per named graph (sorted by IRI).

    Each graph is serialized on its own (pyoxigraph writes the same bytes for it as in the whole
    dataset) so that ``fragments`` (a kg.fragments.Fragments) can give the block of an unchanged graph.
    """
    make = functools.partial(_trig_block, prefixes=quads.prefixes)
    first = True
    for name, lines in quads.sorted_graphs():
        text = make(_nquads_bytes(lines)) if not name or fragments is None else fragments.get("trig", name, lines, make)
        end = _header_end(text)
        if first:  # every block declares every prefix: the first block's declarations, sorted, are the header
            fh.write(b"".join(sorted(text[:end].splitlines(keepends=True))))
            first = False
        fh.write(memoryview(text)[end:])


def _trig_block(data: bytes, *, prefixes: dict[str, str]) -> bytes:
    """One graph's N-Quads as TriG, with every prefix declared (as pyoxigraph declares them)."""
    import pyoxigraph

    buf = io.BytesIO()
    pyoxigraph.serialize(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS), buf,
                         format=pyoxigraph.RdfFormat.TRIG, prefixes=prefixes)
    return buf.getvalue()


def _header_end(text: bytes) -> int:
    end = 0
    while text.startswith(b"@prefix ", end):
        end = text.index(b"\n", end) + 1
    return end


def _triple_lines(quads: Quads) -> list[str]:
    """Every triple of every graph, once, sorted (N-Triples lines)."""
    triples: list[str] = []
    for name, lines in quads.sorted_graphs():
        if name:
            cut = len(name) + 4  # " <g> .\n"
            triples.extend([f"{line[:-cut]} .\n" for line in lines])
        else:
            triples.extend(lines)
    triples.sort()  # runs already sorted (each graph's lines): cheaper than sorting a set
    return [line for i, line in enumerate(triples) if i == 0 or line != triples[i - 1]]


def write_turtle(quads: Quads, fh: BinaryIO) -> None:
    """Every triple of every graph as one Turtle graph (for tools without named graphs)."""
    import pyoxigraph

    data = _nquads_bytes(_triple_lines(quads))
    _pretty(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES), pyoxigraph.RdfFormat.TURTLE, quads, fh)


def _pretty(items, rdf_format, quads: Quads, fh: BinaryIO) -> None:
    """Turtle or TriG by pyoxigraph, in the order given, with the prefix declarations sorted.

    pyoxigraph groups consecutive triples of one subject (``;``) and object list (``,``) and compacts IRIs
    with the prefixes; it declares them in an order of its own, so they are sorted here.
    """
    import pyoxigraph

    buf = io.BytesIO()
    pyoxigraph.serialize(items, buf, format=rdf_format, prefixes=quads.prefixes)
    text = buf.getvalue()
    end = _header_end(text)
    fh.write(b"".join(sorted(text[:end].splitlines(keepends=True))))
    fh.write(memoryview(text)[end:])


def _compactor(prefixes: dict[str, str]):
    """``iri -> "prefix:local"`` when a prefix's namespace is all but a simple local name, else the IRI."""
    by_namespace: dict[str, str] = {}
    for prefix, ns in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
        by_namespace.setdefault(ns, prefix)
    cache: dict[str, str] = {}

    def compact(iri: str) -> str:
        out = cache.get(iri)
        if out is None:
            out = cache[iri] = _compact(iri, by_namespace)
        return out

    return compact


def _compact(iri: str, by_namespace: dict[str, str]) -> str:
    # a local name has no "/" or "#", so its namespace ends at the last one of them
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    local = iri[cut:]
    prefix = by_namespace.get(iri[:cut])
    if prefix is not None and local and local[0] != "." and all(c.isalnum() or c in "_-." for c in local):
        return f"{prefix}:{local}"
    return iri


def write_jsonld(quads: Quads, fh: BinaryIO, *, fragments=None) -> None:
    """JSON-LD 1.1 with a prefix context: default-graph nodes first, then one ``@graph`` object per named graph.

    Written from the sorted quads (not rdflib's serializer, whose order follows hashing), so it is byte-stable.
    Literals keep their datatype and language exactly; plain strings are plain JSON strings. One node a
    line (json's C encoder; its pure-Python indenting encoder took most of the time on large corpora).
    A named graph's object depends only on its quads: ``fragments`` (kg.fragments.Fragments) may give it.
    """
    compact = _compactor(quads.prefixes)
    fh.write(f'{{"@context": {_json(dict(sorted(quads.prefixes.items())))},\n "@graph": ['.encode("utf-8"))
    first = True
    for name, lines in quads.sorted_graphs():
        make = functools.partial(_jsonld_block, name=name, compact=compact)
        if not name:
            items = [_json(node).encode("utf-8") for node in _nodes(_graph_nodes(_nquads_bytes(lines), compact))]
        elif fragments is None:
            items = [make(_nquads_bytes(lines))]
        else:
            items = [fragments.get("jsonld", name, lines, make)]
        for item in items:
            fh.write(b"\n " if first else b",\n ")
            fh.write(item)
            first = False
    fh.write(b"]}\n")


def _jsonld_block(data: bytes, *, name: str, compact) -> bytes:
    """A named graph's object: its IRI and its nodes, one a line."""
    nodes = [_json(node) for node in _nodes(_graph_nodes(data, compact))]
    return (f'{{"@id": {_json(compact(name[1:-1]))}, "@graph": [\n  ' + ",\n  ".join(nodes) + "]}").encode("utf-8")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _graph_nodes(data: bytes, compact) -> dict[str, dict[str, list]]:
    """One graph's quads as JSON-LD node objects by subject: ``{"@type": [...], "prefix:p": [values]}``."""
    import pyoxigraph

    def term(t) -> dict | str:
        if isinstance(t, pyoxigraph.Literal):
            if t.language:
                return {"@value": t.value, "@language": t.language}
            if t.datatype.value == _XSD_STRING:
                return t.value
            return {"@value": t.value, "@type": compact(t.datatype.value)}
        return {"@id": compact(t.value) if isinstance(t, pyoxigraph.NamedNode) else f"_:{t.value}"}

    by_id: dict[str, dict[str, list]] = {}
    for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS):
        sid = compact(q.subject.value) if isinstance(q.subject, pyoxigraph.NamedNode) else f"_:{q.subject.value}"
        node = by_id.setdefault(sid, {})
        if q.predicate.value == _RDF_TYPE and isinstance(q.object, pyoxigraph.NamedNode):
            node.setdefault("@type", []).append(compact(q.object.value))
        else:
            node.setdefault(compact(q.predicate.value), []).append(term(q.object))
    return by_id


def _nodes(by_id: dict[str, dict[str, list]]) -> list[dict]:
    out = []
    for sid in sorted(by_id):
        props = by_id[sid]
        obj: dict = {"@id": sid}
        for key in sorted(props, key=lambda k: (k != "@type", k)):
            values = props[key]
            if len(values) > 1:
                values = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            obj[key] = values[0] if len(values) == 1 and key != "@type" else values
        out.append(obj)
    return out


def _text(write, quads: Quads) -> str:
    buf = io.BytesIO()
    write(quads, buf)
    return buf.getvalue().decode("utf-8")


def to_nquads(quads: Quads) -> str:
    return _text(write_nquads, quads)


def to_trig(quads: Quads) -> str:
    return _text(write_trig, quads)


def to_turtle(quads: Quads) -> str:
    return _text(write_turtle, quads)


def to_jsonld(quads: Quads) -> str:
    return _text(write_jsonld, quads)
