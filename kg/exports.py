"""Exports for tools that do not read RDF: GraphML (Gephi, yEd, Cytoscape) and CSV tables.

Both are written from the extraction in its deterministic order, with the same IRIs as the RDF, so a
row of ``claims.csv`` or an edge of the GraphML file can be looked up in ``kg.trig``.
"""
from __future__ import annotations

import csv
import functools
import io

from typing import BinaryIO

from .fragments import SourceParts, source_key, source_parts
from .iris import IRIs
from .model import Extraction, Relation


def _claim_iri(r: Relation, iris: IRIs) -> str:
    return str(iris.claim_of(r))


def to_graphml(extraction: Extraction, *, base: str | None = None) -> str:
    """Entities as nodes, claims as directed edges (parallel edges kept, keyed by claim IRI).

    The text networkx's GraphML writer gives for that ``MultiDiGraph`` (``generate_graphml``: keys numbered
    as first used, data values as ``str``, ElementTree's escaping and indenting, non-ASCII as character
    references), written directly: building and serializing the element tree took ~2 s on 1,000 articles.
    """
    iris = IRIs(base) if base else IRIs()
    nodes: dict[str, dict] = {}
    for e in extraction.entities:
        nodes.setdefault(e.id, {}).update(
            label=e.label, type=e.type, kind=e.kind, iri=str(iris.entity(e.id)), wikidata=e.wikidata or "",
            sources="|".join(e.sources), mentions=len(e.mentions), date=e.date.start if e.date else "")
    edges: dict[str, dict[str, dict[str, dict]]] = {}  # source -> target -> claim IRI -> data, as networkx keeps them
    for r in extraction.relations:
        p = r.provenance
        nodes.setdefault(r.subject, {})
        nodes.setdefault(r.object, {})
        edges.setdefault(r.subject, {}).setdefault(r.object, {}).setdefault(_claim_iri(r, iris), {}).update(
            label=r.predicate, predicate=r.predicate, source=r.source, asserted=not (r.negated or r.hedged),
            negated=r.negated, hedged=r.hedged, speaker=r.speaker or "", cue=r.cue or "",
            confidence=round(p.confidence, 3), rule=p.rule, section=p.section, start=p.start, end=p.end,
            evidence=p.sentence)
    keys: dict[tuple[str, str, str], str] = {}

    def element(tag: str, attrs: str, data: dict, scope: str) -> list[str]:
        if not data:
            return [f"    <{tag}{attrs} />"]
        out = [f"    <{tag}{attrs}>"]
        for name, value in data.items():
            key = keys.setdefault((name, _graphml_type(value), scope), f"d{len(keys)}")
            text = _escape_cdata(str(value))
            out.append(f'      <data key="{key}">{text}</data>' if text else f'      <data key="{key}" />')
        out.append(f"    </{tag}>")
        return out

    body = [line for node, data in nodes.items() for line in element("node", f' id="{_escape_attrib(node)}"', data, "node")]
    for source in nodes:  # networkx lists edges by source node, in node order
        for target, claims in edges.get(source, {}).items():
            for claim, data in claims.items():
                attrs = f' source="{_escape_attrib(source)}" target="{_escape_attrib(target)}" id="{_escape_attrib(claim)}"'
                body.extend(element("edge", attrs, data, "edge"))
    key_lines = [f'  <key id="{key}" for="{scope}" attr.name="{_escape_attrib(name)}" attr.type="{kind}" />'
                 for (name, kind, scope), key in reversed(keys.items())]
    graph = ['  <graph edgedefault="directed">', *body, "  </graph>"] if body else ['  <graph edgedefault="directed" />']
    text = "\n".join([_GRAPHML_ROOT, *key_lines, *graph, "</graphml>"])
    text = text.encode("us-ascii", "xmlcharrefreplace").decode("us-ascii")
    return "\n".join(text.splitlines()) + "\n"  # as generate_graphml's lines, joined


_GRAPHML_ROOT = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _graphml_type(value) -> str:
    kind = _GRAPHML_TYPES.get(type(value))
    if kind is None:  # a numpy number, say: networkx's own table
        from networkx.readwrite.graphml import GraphML

        kind = GraphML().get_xml_type(type(value))
    return kind


def _escape_cdata(text: str) -> str:
    """Element text escaped as ElementTree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attrib(text: str) -> str:
    """An attribute value escaped as ElementTree escapes it."""
    text = _escape_cdata(text)
    for char, ref in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if char in text:
            text = text.replace(char, ref)
    return text


CLAIMS_HEADER = ["claim", "article", "subject", "predicate", "object", "asserted", "negated", "hedged", "speaker",
                 "cue", "verb", "confidence", "rule", "section", "start", "end", "evidence"]
MENTIONS_HEADER = ["mention", "entity", "article", "section", "start", "end", "text", "reading"]


def to_csv_tables(extraction: Extraction, *, base: str | None = None) -> dict[str, str]:
    """``nodes.csv``, ``edges.csv`` (positive statements aggregated over sources), ``claims.csv``, ``mentions.csv``.

    claims.csv and mentions.csv list each article's rows together, the articles by id (one block each:
    :func:`write_source_table` can copy an unchanged article's block from the last build's file).
    """
    tables = node_tables(extraction, base=base)
    for name in SOURCE_TABLES:
        buf = io.BytesIO()
        write_source_table(name, extraction, buf, base=base)
        tables[name] = buf.getvalue().decode("utf-8")
    return tables


def node_tables(extraction: Extraction, *, base: str | None = None) -> dict[str, str]:
    """``nodes.csv`` and ``edges.csv``: the corpus-wide tables."""
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
    return {"nodes.csv": nodes, "edges.csv": edges}


def _claim_rows(parts: SourceParts, iris: IRIs) -> list[list]:
    return [[_claim_iri(r, iris), r.source, r.subject, r.predicate, r.object, str(not (r.negated or r.hedged)).lower(),
             str(r.negated).lower(), str(r.hedged).lower(), r.speaker or "", r.cue or "", r.verb,
             round(r.provenance.confidence, 3), r.provenance.rule, r.provenance.section, r.provenance.start,
             r.provenance.end, r.provenance.sentence] for r in parts.relations]


def _mention_rows(parts: SourceParts, iris: IRIs) -> list[list]:
    rows = sorted((m.section, m.start, m.end, entity_id, m.text, m.reading) for entity_id, m in parts.mentions)
    return [[iris.mention_text(parts.source, section, start, end), entity_id, parts.source, section, start, end, text,
             reading] for section, start, end, entity_id, text, reading in rows]


#: the tables made of one block of rows per article: name -> (header, the rows of one article's parts)
SOURCE_TABLES = {"claims.csv": (CLAIMS_HEADER, _claim_rows), "mentions.csv": (MENTIONS_HEADER, _mention_rows)}


def write_source_table(name: str, extraction: Extraction, fh: BinaryIO, *, base: str | None = None, splice=None,
                       parts: dict[str, SourceParts] | None = None, keys: dict[str, str] | None = None) -> None:
    """Table ``name`` of :data:`SOURCE_TABLES` into ``fh``: its header, then each article's rows (none: no block),
    the articles by id.

    ``splice`` (kg.fragments.Splice) copies the block of an article whose parts are unchanged (``keys``:
    article id -> kg.fragments.source_key) from the last build's file; ``parts``: kg.fragments.source_parts,
    if made.
    """
    iris = IRIs(base) if base else IRIs()
    header, rows_of = SOURCE_TABLES[name]
    fh.write(_table(header, ()).encode("utf-8"))
    parts = parts if parts is not None else source_parts(extraction)

    def block(one: SourceParts) -> bytes:
        return _table(None, rows_of(one, iris)).encode("utf-8")

    for source in sorted(parts):
        one = parts[source]
        if not one.mentions and not one.relations:
            continue
        if splice is None:
            fh.write(block(one))
        else:
            splice.block(fh, keys[source] if keys is not None else source_key(one), functools.partial(block, one))


def _table(header: list[str] | None, rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()
