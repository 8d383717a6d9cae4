"""The interactive graph page: pyvis (vis-network) inlined into one self-contained HTML file.

pyvis's "in_line" mode inlines vis-network but still links Bootstrap from a CDN; those tags are removed,
and kg adds its own controls (plain DOM, no library): legend, filters by source, type, predicate, date and
contested claims, search, an evidence panel, neighbourhood highlight and a timeline of events.
Positions come from a seeded networkx layout and physics is off, so large graphs draw at once and
rebuilds are byte-identical. Every string reaches the page as JSON data (``<``, ``>``, ``&`` escaped)
and is shown with ``textContent``; node and edge tooltips are kg's own, never vis/pyvis HTML popups.
"""
from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path
import zlib
from collections import defaultdict

import networkx as nx

from .model import Extraction

#: entity type -> (colour, vis shape, legend glyph)
TYPE_STYLE = {
    "Country": ("#d62728", "diamond", "\u25c6"), "Person": ("#1f77b4", "dot", "\u25cf"),
    "Organization": ("#2ca02c", "square", "\u25a0"), "Group": ("#9467bd", "triangle", "\u25b2"),
    "Place": ("#8c564b", "hexagon", "\u2b22"), "Event": ("#ff7f0e", "star", "\u2605"),
}
SOURCE_COLORS = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999",
                 "#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"]
#: on a graph with more entities than this, only the most-mentioned are shown at first (the rest behind a filter)
DEFAULT_LIMIT = 300
_CDN_TAG = re.compile(r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.I | re.S)
_HEADINGS = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.S)
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def ranked_entities(extraction: Extraction) -> list[str]:
    """Entity ids, most-mentioned first: articles mentioning them, then mentions, then relations, then id."""
    degree: dict[str, int] = defaultdict(int)
    for r in extraction.relations:
        degree[r.subject] += 1
        degree[r.object] += 1
    key = {e.id: (-len(e.sources), -len(e.mentions), -degree[e.id], e.id) for e in extraction.entities}
    return sorted(key, key=key.__getitem__)


def _spring(nodes: list[str], pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """A seeded spring layout, its crowded centre spread out (radius r -> r ** 0.6), in pixels."""
    G = nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from(pairs)
    pos = nx.spring_layout(G, seed=7, k=2.0 / math.sqrt(len(G)), iterations=80, method="force")
    scale = 110 * math.sqrt(len(G))
    out = {}
    for n, (x, y) in pos.items():
        r = math.hypot(float(x), float(y))
        f = scale * r ** -0.4 if r > 1e-9 else 0.0
        out[n] = (float(x) * f, float(y) * f)
    return out


def _offset(node: str, radius: float) -> tuple[float, float]:
    angle = (zlib.crc32(node.encode("utf-8")) % 3600) / 3600 * 2 * math.pi
    return radius * math.cos(angle), radius * math.sin(angle)


def layout(extraction: Extraction, *, limit: int = DEFAULT_LIMIT) -> dict[str, tuple[float, float]]:
    """Seeded positions: a spring layout of the largest linked group of the top-``limit`` entities.

    Every other entity, in rank order, sits next to its best-ranked placed neighbour or, with none, on a
    sunflower ring around the core; so the layout stays fast on thousands of nodes (and needs no scipy).
    """
    ranked = ranked_entities(extraction)
    top = set(ranked[:limit])
    pairs = sorted({tuple(sorted((r.subject, r.object))) for r in extraction.relations})
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    linked = nx.Graph()
    linked.add_edges_from(p for p in pairs if p[0] in top and p[1] in top)
    core = max(sorted(sorted(c) for c in nx.connected_components(linked)), key=len, default=[])
    pos = _spring(core, [p for p in pairs if p[0] in core and p[1] in core]) if len(core) > 2 else {}
    rank = {n: i for i, n in enumerate(ranked)}
    radius = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + 120
    ring = 0
    for n in ranked:
        if n in pos:
            continue
        anchors = sorted((a for a in neighbours[n] if a in pos), key=rank.__getitem__)
        if anchors:
            dx, dy = _offset(n, 70 + 30 * (zlib.crc32(n.encode("utf-8")) % 4))
            pos[n] = (pos[anchors[0]][0] + dx, pos[anchors[0]][1] + dy)
        else:
            r = radius + 40 * math.sqrt(ring)
            pos[n] = (r * math.cos(ring * _GOLDEN_ANGLE), r * math.sin(ring * _GOLDEN_ANGLE))
            ring += 1
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def edge_groups(extraction: Extraction) -> list[tuple[tuple, list[int]]]:
    """One edge per (subject, predicate, object, source, negated, hedged): the claims it carries."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(extraction.relations):
        groups[(r.subject, r.predicate, r.object, r.source, r.negated, r.hedged)].append(i)
    return sorted(groups.items())


def _smooth(k: int, reverse: bool) -> dict:
    """Parallel edges between two nodes bend apart: 0 straight, then alternately either side."""
    if k == 0:
        return {"enabled": False}
    side = (1 if k % 2 else -1) * (-1 if reverse else 1)
    return {"enabled": True, "type": "curvedCW" if side > 0 else "curvedCCW", "roundness": 0.18 * ((k + 1) // 2)}


def vis_edges(extraction: Extraction, colors: dict[str, str], top: set[str]) -> list[dict]:
    """The vis-network edges: coloured by source, dashed if negated or hedged, wider with more sentences.

    Edges to an entity outside ``top`` start hidden, as the page's filters would hide them.
    """
    seen: dict[tuple[str, str], int] = defaultdict(int)
    out = []
    for k, ((s, p, o, src, negated, hedged), claims) in enumerate(edge_groups(extraction)):
        pair = tuple(sorted((s, o)))
        out.append({"id": f"e{k}", "from": s, "to": o, "label": p, "color": colors[src], "src": src,
                    "claims": claims, "width": 1 + min(len(claims), 5), "dashes": bool(negated or hedged),
                    "arrows": "to", "smooth": _smooth(seen[pair], s != pair[0]),
                    "hidden": not (s in top and o in top)})
        seen[pair] += 1
    return out


def vis_nodes(extraction: Extraction, pos: dict[str, tuple[float, float]], top: set[str]) -> list[dict]:
    """The vis-network nodes: coloured and shaped by type, sized by how many articles mention them."""
    out = []
    for e in extraction.entities:
        color, shape, _ = TYPE_STYLE.get(e.type, ("#7f7f7f", "dot", "\u25cf"))
        x, y = pos.get(e.id, (0.0, 0.0))
        out.append({"id": e.id, "label": e.label, "color": color, "shape": shape, "x": x, "y": y,
                    "size": 8 + 5 * len(e.sources), "etype": e.type, "top": e.id in top, "hidden": e.id not in top})
    return out


def _contested(extraction: Extraction, n_claims: int) -> list[dict]:
    """Contested groups: the claims they rest on (indexes into ``relations``), the entity or event they are
    about, and every side (stance, source, evidence) for the side-by-side panel."""
    groups = []
    entities = {e.id for e in extraction.entities}
    for group in getattr(extraction, "contested", None) or ():
        members = getattr(group, "members", None)
        members = getattr(group, "claims", group) if members is None else members
        idx = sorted({int(i) for i in members if i is not None and 0 <= int(i) < n_claims})
        node = getattr(group, "subject", None)
        node = node if node in entities else None
        sides = [{"stance": str(side.stance), "source": str(side.source), "evidence": str(side.evidence)}
                 for side in getattr(group, "sides", ())]
        if idx or node:
            groups.append({"id": str(getattr(group, "id", len(groups))), "kind": str(getattr(group, "kind", "")),
                           "topic": str(getattr(group, "topic", "")), "claims": idx, "node": node, "sides": sides})
    return groups


def page_data(extraction: Extraction, *, limit: int = DEFAULT_LIMIT) -> dict:
    """Everything the page's controls need, as JSON-safe data."""
    sources = [{"id": a.id, "title": a.title, "publisher": a.publisher, "date": a.date, "url": a.url,
                "color": SOURCE_COLORS[i % len(SOURCE_COLORS)]} for i, a in enumerate(extraction.articles)]
    labels = {e.id: e.label for e in extraction.entities}
    claims = [
        {"subject": r.subject, "object": r.object, "predicate": r.predicate, "source": r.source,
         "evidence": r.provenance.sentence, "speaker": labels.get(r.speaker, r.speaker) if r.speaker else None,
         "cue": r.cue, "negated": r.negated, "hedged": r.hedged, "confidence": r.provenance.confidence}
        for r in extraction.relations
    ]
    entities = {e.id: {"label": e.label, "type": e.type, "aliases": list(e.aliases), "sources": list(e.sources),
                       "mentions": len(e.mentions), "wikidata": e.wikidata, "date": e.date.start if e.date else None}
                for e in extraction.entities}
    predicates: dict[str, int] = defaultdict(int)
    for r in extraction.relations:
        predicates[r.predicate] += 1
    return {"sources": sources, "claims": claims, "entities": entities, "predicates": dict(sorted(predicates.items())),
            "contested": _contested(extraction, len(claims)),
            "limit": {"shown": min(limit, len(entities)), "total": len(entities)},
            "types": {t: {"color": c, "shape": s, "glyph": g} for t, (c, s, g) in TYPE_STYLE.items()}}


def _options(large: bool) -> str:
    return json.dumps({
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 150,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
        "edges": {"font": {"size": 9, "align": "middle"}, "selectionWidth": 2},
        "nodes": {"font": {"size": 14, "color": "#343434"}},
    }, sort_keys=True)


def _json_for_script(data: dict) -> str:
    import orjson

    text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode("utf-8")
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def to_html(extraction: Extraction, *, title: str = "kg graph", limit: int = DEFAULT_LIMIT) -> str:
    """The page as a string (written by the caller)."""
    from pyvis.network import Network  # pyvis is only needed here

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.templateEnv = template_env()  # its template compiled once per process, not once per page
    ranked = ranked_entities(extraction)
    colors = {a.id: SOURCE_COLORS[i % len(SOURCE_COLORS)] for i, a in enumerate(extraction.articles)}
    top = set(ranked[:limit])
    all_nodes = vis_nodes(extraction, layout(extraction, limit=limit), top)
    all_edges = vis_edges(extraction, colors, top)
    # only what is shown at first goes into vis-network now; the rest waits in the page data ("rest")
    # set directly: pyvis's add_node/add_edge check membership in lists (quadratic on large graphs)
    net.nodes = [n for n in all_nodes if n["top"]]
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [e for e in all_edges if not e["hidden"]]
    rest = {"nodes": [n for n in all_nodes if not n["top"]], "edges": [e for e in all_edges if e["hidden"]]}
    net.set_options(_options(len(all_nodes) > limit))
    html = net.generate_html()
    html = _CDN_TAG.sub("", html)
    html = _HEADINGS.sub("", html)
    html = html.replace("<html>", '<!DOCTYPE html>\n<html lang="en">', 1)
    html = html.replace("<head>", f"<head>\n<title>{_escape(title)}</title>", 1)
    data = _json_for_script({**page_data(extraction, limit=limit), "rest": rest})
    return html.replace("</body>", _asset("controls.html") + f'<script id="kg-data" type="application/json">{data}</script>\n'
                        + "<script>" + _asset("page.js") + "</script>\n</body>", 1)


@functools.cache
def template_env():
    """The jinja environment pyvis makes for each ``Network`` (its templates folder), made once: it keeps the
    page template compiled (0.1 s), so a writer process forked after :func:`prepare` has it ready."""
    from jinja2 import Environment, FileSystemLoader
    from pyvis import network

    return Environment(loader=FileSystemLoader(Path(network.__file__).resolve().parent / "templates"))


def prepare() -> None:
    """Import and compile what :func:`to_html` needs (pyvis, its page template), ahead of making a page."""
    from pyvis.network import Network

    template_env().get_template(Network().path)


def _asset(name: str) -> str:
    """The page's own controls and script (kg/assets/), read when a page is made."""
    return (Path(__file__).resolve().parent / "assets" / name).read_text(encoding="utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
