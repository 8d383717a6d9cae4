"""Deterministic RDF text: the same quads always give the same bytes.

Every RDF output is written from one :class:`kg.rdf.Quads` (N-Quads lines per graph), in a fixed order:
a header (the prefixes, where the format has them), the default graph, then one block per named graph,
the graphs sorted by IRI; within a graph each quad once, the lines sorted. N-Quads and Turtle are those
blocks as sorted lines and as Turtle (Turtle has no graphs: every graph's triples in its own block, so a
triple two sources state is written twice, which Turtle allows); TriG and JSON-LD name each graph.
pyoxigraph's serializers turn sorted quads into TriG and Turtle (a subject's triples grouped), in the
order given; JSON-LD is written here, with a prefix context.

A named graph's block depends only on that graph's quads and the prefixes, so the writers take a
``splice`` (kg.fragments.Splice) that copies the block of an unchanged graph from the file the last build
wrote instead of making the graph and serializing it.
"""
from __future__ import annotations

import functools
import io
import json
from collections.abc import Callable
from typing import BinaryIO

from .rdf import Quads

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _nquads_bytes(lines: list[str]) -> bytes:
    return "".join(lines).encode("utf-8")


def _named_blocks(quads: Quads, fh: BinaryIO, make: Callable[[str, list[str]], bytes], *, splice=None,
                  separator: bytes = b"", first_separator: bytes | None = None) -> None:
    """Each named graph's block, ``make(name, its lines)``, or copied by ``splice`` when it has it; each
    after ``separator`` (the first after ``first_separator``, if given)."""
    sep = separator if first_separator is None else first_separator
    for name in quads.names():
        if not name:
            continue
        fh.write(sep)
        sep = separator
        if splice is None:
            fh.write(make(name, quads.lines(name)))
        else:
            splice.block(fh, quads.key(name), lambda name=name: make(name, quads.lines(name)))


def write_nquads(quads: Quads, fh: BinaryIO, *, splice=None) -> None:
    """The dataset as N-Quads, one quad a line: the default graph, then each named graph, each graph's lines sorted."""
    names = quads.names()
    if names and not names[0]:
        fh.write(_nquads_bytes(quads.lines("")))
    _named_blocks(quads, fh, lambda _, lines: _nquads_bytes(lines), splice=splice)


def write_trig(quads: Quads, fh: BinaryIO, *, splice=None) -> None:
    """TriG: the prefixes, then the default graph, then one block per named graph (sorted by IRI).

    Each graph is serialized on its own (pyoxigraph writes the same bytes for it as in the whole
    dataset), so ``splice`` can copy the block of an unchanged graph.
    """
    fh.write(_prefix_header(quads.prefixes))
    fh.write(_default_block(quads))
    _named_blocks(quads, fh, lambda _, lines: _without_header(_serialize(lines, "TRIG", quads.prefixes)), splice=splice)


def write_turtle(quads: Quads, fh: BinaryIO, *, splice=None) -> None:
    """Every triple of every graph as Turtle (for tools without named graphs): the prefixes, the default
    graph's triples, then each named graph's (in TriG's order; a triple in two graphs is written twice)."""
    fh.write(_prefix_header(quads.prefixes))
    fh.write(_default_block(quads))
    _named_blocks(quads, fh, lambda name, lines: _without_header(_serialize(_triples(name, lines), "TURTLE", quads.prefixes)),
                  splice=splice)


def _default_block(quads: Quads) -> bytes:
    """The default graph's triples as TriG, which is also their Turtle (pyoxigraph's Turtle writer is its TriG
    writer with every quad in the default graph): made once for kg.trig and kg.ttl."""
    block = quads.memo.get("default block")
    if block is None:
        names = quads.names()
        lines = quads.lines("") if names and not names[0] else []
        block = quads.memo["default block"] = _without_header(_serialize(lines, "TRIG", quads.prefixes)) if lines else b""
    return block


def _triples(name: str, lines: list[str]) -> list[str]:
    """A named graph's quad lines as triple lines (N-Triples), sorted."""
    cut = len(name) + 4  # " <g> .\n"
    return sorted([f"{line[:-cut]} .\n" for line in lines])


def _serialize(lines: list[str], fmt: str, prefixes: dict[str, str]) -> bytes:
    """Sorted N-Quads (or N-Triples) lines as TriG or Turtle by pyoxigraph, every prefix declared."""
    import pyoxigraph

    buf = io.BytesIO()
    source = pyoxigraph.RdfFormat.N_QUADS if fmt == "TRIG" else pyoxigraph.RdfFormat.N_TRIPLES
    pyoxigraph.serialize(pyoxigraph.parse(_nquads_bytes(lines), format=source), buf,
                         format=getattr(pyoxigraph.RdfFormat, fmt), prefixes=prefixes)
    return buf.getvalue()


@functools.lru_cache(maxsize=4)
def _header_of(items: tuple[tuple[str, str], ...]) -> bytes:
    # pyoxigraph declares every prefix it is given, in an order of its own: sorted here
    text = _serialize(["<urn:x> <urn:x> <urn:x> .\n"], "TURTLE", dict(items))
    return b"".join(sorted(text[:_header_end(text)].splitlines(keepends=True)))


def _prefix_header(prefixes: dict[str, str]) -> bytes:
    """The ``@prefix`` lines pyoxigraph writes for ``prefixes``, sorted: the header of TriG and Turtle."""
    return _header_of(tuple(sorted(prefixes.items())))


def _without_header(text: bytes) -> bytes:
    return text[_header_end(text):]


def _header_end(text: bytes) -> int:
    end = 0
    while text.startswith(b"@prefix ", end):
        end = text.index(b"\n", end) + 1
    return end


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


def write_jsonld(quads: Quads, fh: BinaryIO, *, splice=None) -> None:
    """JSON-LD 1.1 with a prefix context: default-graph nodes first, then one ``@graph`` object per named graph.

    Written from the sorted quads (not rdflib's serializer, whose order follows hashing), so it is byte-stable.
    Literals keep their datatype and language exactly; plain strings are plain JSON strings. One node a
    line (orjson; json's pure-Python indenting encoder took most of the time on large corpora).
    A named graph's object depends only on its quads: ``splice`` (kg.fragments.Splice) may copy it.
    """
    import orjson

    compact = _compactor(quads.prefixes)
    fh.write(b'{"@context": ' + orjson.dumps(dict(sorted(quads.prefixes.items()))) + b',\n "@graph": [')
    names = quads.names()
    first = True
    if names and not names[0]:
        for node in _nodes(_graph_nodes(quads.lines(""), compact)):
            fh.write(b"\n " if first else b",\n ")
            fh.write(orjson.dumps(node))
            first = False
    _named_blocks(quads, fh, lambda name, lines: _jsonld_block(lines, name=name, compact=compact),
                  splice=splice, separator=b",\n ", first_separator=b"\n " if first else b",\n ")
    fh.write(b"]}\n")


def _jsonld_block(lines: list[str], *, name: str, compact) -> bytes:
    """A named graph's object: its IRI and its nodes, one a line."""
    import orjson

    nodes = map(orjson.dumps, _nodes(_graph_nodes(lines, compact)))
    return b'{"@id": ' + orjson.dumps(compact(name[1:-1])) + b', "@graph": [\n  ' + b",\n  ".join(nodes) + b"]}"


@functools.cache
def _encoders() -> tuple[Callable[[object], str], Callable[[object], str]]:
    """``json.dumps(value, ensure_ascii=False)`` and the same with ``sort_keys=True``, without making an
    encoder for each of the ~100,000 values of a large default graph."""
    return (json.JSONEncoder(ensure_ascii=False).encode,
            json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode)


def _graph_nodes(lines: list[str], compact) -> dict[str, dict[str, list]]:
    """One graph's quads as JSON-LD node objects by subject: ``{"@type": [...], "prefix:p": [values]}``.

    Read from the N-Quads lines kg made (IRIs as subjects and predicates, never blank nodes): each line is
    split at its terms' ends, and a literal's escapes decoded as JSON's (the same set but ``\\U`` and
    ``\\'``, for which pyoxigraph reads the line); about three times faster than parsing with pyoxigraph.
    """
    by_id: dict[str, dict[str, list]] = {}
    node: dict[str, list] = {}
    last = None
    for line in lines:
        if not line.startswith("<"):
            _parsed_line(line, by_id, compact)
            last = None
            continue
        cut = line.index("> ", 1)
        subject = line[1:cut]
        if subject != last:
            node = by_id.setdefault(compact(subject), {})
            last = subject
        cut2 = line.index("> ", cut + 3)
        predicate = line[cut + 3:cut2]
        rest = line[cut2 + 2:]
        if rest.startswith("<"):
            end = rest.index(">")
            if predicate == _RDF_TYPE:
                node.setdefault("@type", []).append(compact(rest[1:end]))
            else:
                node.setdefault(compact(predicate), []).append({"@id": compact(rest[1:end])})
            continue
        value = _literal(rest, compact)
        if value is None:  # an escape JSON does not have
            _parsed_line(line, by_id, compact)
            continue
        node.setdefault(compact(predicate), []).append(value)
    return by_id


def _literal(rest: str, compact) -> dict | str | None:
    """The JSON-LD value of a literal written as N-Quads (``rest``: from its opening quote to the line's end)."""
    close = rest.rindex('"', 0, rest.rindex(" ."))  # a datatype IRI, a language tag or a graph IRI has no quote
    lexical = rest[1:close]
    if "\\" in lexical:
        if "\\U" in lexical or "\\'" in lexical:
            return None
        lexical = json.loads(f'"{lexical}"', strict=False)
    suffix = rest[close + 1:]
    if suffix.startswith("@"):
        return {"@value": lexical, "@language": suffix[1:suffix.index(" ")]}
    if suffix.startswith("^^<"):
        datatype = suffix[3:suffix.index(">")]
        return lexical if datatype == _XSD_STRING else {"@value": lexical, "@type": compact(datatype)}
    return lexical


def _parsed_line(line: str, by_id: dict[str, dict[str, list]], compact) -> None:
    """One N-Quads line read by pyoxigraph, into ``by_id``."""
    import pyoxigraph

    def term(t) -> dict | str:
        if isinstance(t, pyoxigraph.Literal):
            if t.language:
                return {"@value": t.value, "@language": t.language}
            if t.datatype.value == _XSD_STRING:
                return t.value
            return {"@value": t.value, "@type": compact(t.datatype.value)}
        return {"@id": compact(t.value) if isinstance(t, pyoxigraph.NamedNode) else f"_:{t.value}"}

    for q in pyoxigraph.parse(line.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS):
        sid = compact(q.subject.value) if isinstance(q.subject, pyoxigraph.NamedNode) else f"_:{q.subject.value}"
        node = by_id.setdefault(sid, {})
        if q.predicate.value == _RDF_TYPE and isinstance(q.object, pyoxigraph.NamedNode):
            node.setdefault("@type", []).append(compact(q.object.value))
        else:
            node.setdefault(compact(q.predicate.value), []).append(term(q.object))


def _nodes(by_id: dict[str, dict[str, list]]) -> list[dict]:
    out = []
    for sid in sorted(by_id):
        props = by_id[sid]
        obj: dict = {"@id": sid}
        for key in sorted(props, key=lambda k: (k != "@type", k)):
            values = props[key]
            if len(values) > 1:
                values = _sorted_values(values)
            obj[key] = values[0] if len(values) == 1 and key != "@type" else values
        out.append(obj)
    return out


def _sorted_values(values: list) -> list:
    """Values sorted by their JSON text with sorted keys; node references (``{"@id": ...}``, most multiple values:
    page items, claims, sources) by their escaped IRI, which orders them the same, without an encoder call each."""
    from json.encoder import encode_basestring

    if all(type(v) is dict and len(v) == 1 and "@id" in v for v in values):
        return sorted(values, key=lambda v: encode_basestring(v["@id"]))
    return sorted(values, key=_encoders()[1])


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
