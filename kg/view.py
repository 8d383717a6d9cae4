"""The interactive graph page: pyvis (vis-network) inlined into one self-contained HTML file.

pyvis's "in_line" mode inlines vis-network but still links Bootstrap from a CDN; those tags are removed,
and kg adds its own controls (plain DOM, no library): legend, filters by source, type, predicate, date and
contested claims, search, an evidence panel, neighbourhood highlight and a timeline of events.
Positions come from a seeded networkx layout and physics is off, so large graphs draw at once and
rebuilds are byte-identical. Every string reaches the page as JSON data (``<``, ``>``, ``&`` escaped)
and is shown with ``textContent``; node and edge tooltips are kg's own, never vis/pyvis HTML popups.
"""
from __future__ import annotations

import json
import math
import re
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
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def to_html(extraction: Extraction, *, title: str = "kg graph", limit: int = DEFAULT_LIMIT) -> str:
    """The page as a string (written by the caller)."""
    from pyvis.network import Network  # pyvis is only needed here

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
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
    return html.replace("</body>", _CONTROLS + f'<script id="kg-data" type="application/json">{data}</script>\n'
                        + "<script>" + _SCRIPT + "</script>\n</body>", 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_CONTROLS = """
<style>
 body { margin: 0; font-family: system-ui, sans-serif; }
 .card { border: 0 !important; }
 #mynetwork { height: calc(100vh - 84px) !important; border: 0 !important; }
 #kg-bar { position: fixed; top: 8px; left: 8px; z-index: 10; background: rgba(255,255,255,.95); border: 1px solid #ccc;
           border-radius: 6px; padding: 8px; font-size: 13px; width: 300px; max-height: calc(100vh - 110px); overflow: auto; }
 #kg-bar label.row { display: block; margin: 0 0 6px; }
 #kg-bar select, #kg-bar input[type=search] { width: 100%; box-sizing: border-box; }
 #kg-bar input[type=date] { width: 46%; }
 #kg-bar h4 { margin: 8px 0 2px; font-size: 13px; }
 .kg-item { display: flex; align-items: flex-start; gap: 4px; margin: 1px 0; }
 .kg-item button { font-size: 10px; padding: 0 3px; margin-left: auto; }
 .kg-glyph { width: 14px; text-align: center; }
 .kg-line { display: inline-block; width: 16px; height: 3px; margin-top: 7px; flex: none; }
 #kg-notice { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 4px; padding: 4px; margin-bottom: 6px; }
 #kg-count { color: #555; margin-bottom: 4px; }
 #kg-panel { position: fixed; top: 8px; right: 8px; width: 360px; max-height: calc(100vh - 110px); overflow: auto; z-index: 10;
             background: #fff; border: 1px solid #ccc; border-radius: 6px; padding: 10px; font-size: 13px; display: none; }
 #kg-panel blockquote { margin: 4px 0 4px; padding-left: 8px; border-left: 3px solid #bbb; }
 #kg-panel .kg-claim { margin-bottom: 10px; }
 #kg-panel .kg-meta { color: #555; }
 #kg-tip { position: fixed; z-index: 20; pointer-events: none; background: #ffffe8; border: 1px solid #999; padding: 3px 6px;
           font-size: 12px; max-width: 360px; white-space: pre-wrap; display: none; }
 #kg-timeline { position: fixed; left: 0; right: 0; bottom: 0; height: 84px; z-index: 10; background: rgba(250,250,250,.96);
                border-top: 1px solid #ccc; display: flex; gap: 6px; overflow-x: auto; padding: 6px 8px; box-sizing: border-box;
                font-size: 12px; align-items: stretch; }
 #kg-timeline .kg-day { display: flex; flex-direction: column; gap: 2px; border-left: 2px solid #ff7f0e; padding-left: 4px; flex: none; }
 #kg-timeline .kg-day b { color: #555; }
 #kg-timeline button { font-size: 12px; text-align: left; border: 1px solid #ddd; background: #fff; border-radius: 3px; cursor: pointer; }
 #kg-timeline button.kg-off { opacity: .4; }
</style>
<div id="kg-bar">
 <div id="kg-notice" hidden></div>
 <div id="kg-count"></div>
 <label class="row">Search <input id="kg-search" type="search" placeholder="name or alias, then Enter" list="kg-names"></label>
 <datalist id="kg-names"></datalist>
 <label class="row">Predicate <select id="kg-predicate"><option value="">all predicates</option></select></label>
 <div class="row">Sources dated <input id="kg-from" type="date" aria-label="from"> – <input id="kg-to" type="date" aria-label="to"></div>
 <label class="row" id="kg-contested-row" hidden><input id="kg-contested" type="checkbox"> contested claims only</label>
 <button id="kg-reset">reset filters</button>
 <h4>Sources (edge colour)</h4><div id="kg-sources"></div>
 <div class="kg-meta">dashed: negated or hedged · thicker: more sentences</div>
 <h4>Entity types (size: articles mentioning)</h4><div id="kg-types"></div>
</div>
<div id="kg-panel" role="dialog" aria-label="evidence"><button id="kg-close" style="float:right">×</button><div id="kg-panel-body"></div></div>
<div id="kg-tip"></div>
<div id="kg-timeline" aria-label="timeline of events"></div>
"""

_SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    for (var k in (attrs || {})) e.setAttribute(k, attrs[k]);
    return e;
  }
  var sourceById = {}, contestedOf = {}, entityIds = Object.keys(data.entities).sort();
  data.sources.forEach(function (s) { sourceById[s.id] = s; });
  var contestedNode = {};
  data.contested.forEach(function (g, gi) {
    g.claims.forEach(function (c) { contestedOf[c] = gi; });
    if (g.node) (contestedNode[g.node] = contestedNode[g.node] || []).push(gi);
  });
  var state = {sources: {}, types: {}, predicate: '', from: '', to: '', contested: false, showAll: false, pinned: {}};
  data.sources.forEach(function (s) { state.sources[s.id] = true; });
  Object.keys(data.types).forEach(function (t) { state.types[t] = true; });

  // ---- legend and filters -------------------------------------------------------------------
  function checkRow(box, mark, text, only) {
    var row = el('label', null, {'class': 'kg-item'});
    row.appendChild(box); row.appendChild(mark); row.appendChild(el('span', text));
    if (only) { var b = el('button', 'only', {type: 'button', 'class': 'kg-only'}); b.addEventListener('click', only); row.appendChild(b); }
    return row;
  }
  function toggles(containerId, keys, store, markFor, textFor, cls) {
    var boxes = {};
    keys.forEach(function (k) {
      var box = el('input', null, {type: 'checkbox', 'class': cls, value: k}); box.checked = true; boxes[k] = box;
      box.addEventListener('change', function () { store[k] = box.checked; apply(); });
      $(containerId).appendChild(checkRow(box, markFor(k), textFor(k), function (ev) {
        ev.preventDefault(); keys.forEach(function (o) { store[o] = (o === k); boxes[o].checked = (o === k); }); apply();
      }));
    });
    return boxes;
  }
  var srcBoxes = toggles('kg-sources', data.sources.map(function (s) { return s.id; }), state.sources, function (id) {
    var m = el('span', null, {'class': 'kg-line'}); m.style.background = sourceById[id].color; return m;
  }, function (id) { var s = sourceById[id]; return s.title + (s.date ? ' (' + s.date + ')' : ''); }, 'kg-src');
  var typeBoxes = toggles('kg-types', Object.keys(data.types), state.types, function (t) {
    var m = el('span', data.types[t].glyph, {'class': 'kg-glyph'}); m.style.color = data.types[t].color; return m;
  }, function (t) { return t; }, 'kg-type');
  Object.keys(data.predicates).forEach(function (p) {
    $('kg-predicate').appendChild(el('option', p + ' (' + data.predicates[p] + ')', {value: p}));
  });
  $('kg-predicate').addEventListener('change', function () { state.predicate = this.value; apply(); });
  ['from', 'to'].forEach(function (k) { $('kg-' + k).addEventListener('change', function () { state[k] = this.value; apply(); }); });
  if (data.contested.length) {
    $('kg-contested-row').hidden = false;
    $('kg-contested').addEventListener('change', function () { state.contested = this.checked; apply(); });
  }
  var names = $('kg-names');
  entityIds.forEach(function (id) { names.appendChild(el('option', null, {value: data.entities[id].label})); });
  if (data.limit.shown < data.limit.total) {
    var notice = $('kg-notice'); notice.hidden = false;
    notice.appendChild(el('div', 'Large graph: showing the ' + data.limit.shown + ' most-mentioned of ' + data.limit.total + ' entities.'));
    var all = el('input', null, {type: 'checkbox', id: 'kg-show-all'});
    all.addEventListener('change', function () { state.showAll = all.checked; if (all.checked) materialize(); apply(); });
    var lab = el('label'); lab.appendChild(all); lab.appendChild(document.createTextNode(' show all entities')); notice.appendChild(lab);
  }
  $('kg-reset').addEventListener('click', function () {
    Object.keys(state.sources).forEach(function (k) { state.sources[k] = true; srcBoxes[k].checked = true; });
    Object.keys(state.types).forEach(function (k) { state.types[k] = true; typeBoxes[k].checked = true; });
    state.predicate = state.from = state.to = ''; state.contested = false; state.pinned = {};
    $('kg-predicate').value = $('kg-from').value = $('kg-to').value = ''; if ($('kg-contested')) $('kg-contested').checked = false;
    apply();
  });

  // ---- visibility ---------------------------------------------------------------------------
  function inRange(d) {
    if (!state.from && !state.to) return true;
    if (!d) return false;
    return (!state.from || d >= state.from.substring(0, d.length)) && (!state.to || d <= state.to.substring(0, d.length));
  }
  function sourceOn(id) { return state.sources[id] && inRange((sourceById[id] || {}).date); }
  var topOf = {}; nodes.get().forEach(function (n) { topOf[n.id] = n.top; });
  function materialize() {  // the entities beyond the first view join vis-network only when asked for
    if (!data.rest) return;
    var rest = data.rest; data.rest = null;  // with the current filters applied: few updates follow
    // one setData is several times faster than adding thousands of items to the live data sets
    nodes = new vis.DataSet(nodes.get().concat(rest.nodes.map(function (n) { n.hidden = !nodeOK(n.id); return n; })));
    edges = new vis.DataSet(edges.get().concat(rest.edges.map(function (e) { e.hidden = !edgeOK(e); return e; })));
    network.setData({nodes: nodes, edges: edges});
  }
  function nodeOK(id) {
    var e = data.entities[id];
    if (state.pinned[id]) return true;
    if (!state.types[e.type] || !(state.showAll || topOf[id])) return false;
    return e.type !== 'Event' || !e.date || inRange(e.date);
  }
  function edgeOK(e) {
    if (!sourceOn(e.src) || (state.predicate && e.label !== state.predicate)) return false;
    if (state.contested && !e.claims.some(function (c) { return c in contestedOf; })
        && !(e.from in contestedNode) && !(e.to in contestedNode)) return false;
    return nodeOK(e.from) && nodeOK(e.to);
  }
  function apply() {
    var linked = {}, edgeUp = [], nodeUp = [], shownE = 0, shownN = 0;
    var edgeFilter = !!state.predicate || state.contested;
    edges.get().forEach(function (e) {
      var ok = edgeOK(e);
      if (ok) { linked[e.from] = linked[e.to] = true; shownE++; }
      if (!!e.hidden === ok) edgeUp.push({id: e.id, hidden: !ok});
    });
    nodes.get().forEach(function (n) {
      var ent = data.entities[n.id];
      var ok = nodeOK(n.id) && (!!state.pinned[n.id] || !!linked[n.id] || (state.contested && n.id in contestedNode)
                                || (!edgeFilter && ent.sources.some(sourceOn)));
      if (ok) shownN++;
      if (!!n.hidden === ok) nodeUp.push({id: n.id, hidden: !ok});
    });
    if (edgeUp.length) edges.update(edgeUp);
    if (nodeUp.length) nodes.update(nodeUp);
    $('kg-count').textContent = shownN + ' of ' + data.limit.total + ' entities · ' + shownE + ' of ' + edges.length + ' edges shown';
    document.querySelectorAll('#kg-timeline button').forEach(function (b) {
      var n = nodes.get(b.dataset.node); b.classList.toggle('kg-off', !n || !!n.hidden);
    });
  }

  // ---- highlight (neighbourhood, contested group) -------------------------------------------
  var dimmed = null;
  function clearHighlight() {
    if (!dimmed) return;
    nodes.update(dimmed.nodes.map(function (id) {
      return {id: id, color: data.types[data.entities[id].type].color, font: {color: '#343434'}};
    }));
    edges.update(dimmed.edges.map(function (id) { return {id: id, color: sourceById[edges.get(id).src].color}; }));
    dimmed = null;
  }
  function highlight(keepNodes, keepEdges) {
    clearHighlight();
    dimmed = {nodes: [], edges: []};
    var nu = [], eu = [];
    nodes.getIds().forEach(function (id) { if (!keepNodes[id]) { dimmed.nodes.push(id); nu.push({id: id, color: '#e4e4e4', font: {color: '#c8c8c8'}}); } });
    edges.getIds().forEach(function (id) { if (!keepEdges[id]) { dimmed.edges.push(id); eu.push({id: id, color: '#ececec'}); } });
    nodes.update(nu); edges.update(eu);
  }
  function highlightNeighbourhood(id) {
    var keepN = {}, keepE = {}; keepN[id] = true;
    network.getConnectedEdges(id).forEach(function (eid) {
      var e = edges.get(eid); if (e.hidden) return; keepE[eid] = true; keepN[e.from] = keepN[e.to] = true;
    });
    highlight(keepN, keepE);
  }
  function highlightClaims(claimIdx, node) {
    var want = {}, keepN = {}, keepE = {};
    if (node) keepN[node] = true;
    claimIdx.forEach(function (c) { want[c] = true; });
    edges.get().forEach(function (e) {
      if (e.claims.some(function (c) { return want[c]; })) { keepE[e.id] = true; keepN[e.from] = keepN[e.to] = true; }
    });
    highlight(keepN, keepE);
  }
  window.kgHighlightGroup = function (gi) {
    var g = data.contested[gi] || {claims: []};
    highlightClaims(g.claims, g.node);
  };

  // ---- evidence panel -----------------------------------------------------------------------
  var panel = $('kg-panel'), body = $('kg-panel-body');
  $('kg-close').addEventListener('click', function () { panel.style.display = 'none'; });
  function label(id) { return (data.entities[id] || {label: id}).label; }
  function sourceLine(id) {
    var s = sourceById[id] || {title: id};
    var p = el('div', [s.title, s.publisher, s.date].filter(Boolean).join(' · '), {'class': 'kg-meta kg-source'});
    if (s.url && /^https?:\/\//i.test(s.url)) {
      p.appendChild(document.createTextNode(' '));
      p.appendChild(el('a', 'link', {href: s.url, target: '_blank', rel: 'noopener noreferrer'}));
    }
    return p;
  }
  function showClaim(i) {
    var c = data.claims[i], box = el('div', null, {'class': 'kg-claim'});
    box.appendChild(el('b', label(c.subject) + ' — ' + c.predicate + (c.negated ? ' (negated)' : '') + (c.hedged ? ' (hedged)' : '') + ' → ' + label(c.object)));
    box.appendChild(el('div', c.speaker ? 'according to ' + c.speaker + (c.cue ? ' (' + c.cue + ')' : '') : 'in the source\u2019s own voice', {'class': 'kg-meta kg-speaker'}));
    box.appendChild(el('blockquote', c.evidence, {'class': 'kg-evidence'}));
    box.appendChild(sourceLine(c.source));
    if (i in contestedOf) {
      var g = data.contested[contestedOf[i]];
      box.appendChild(el('div', 'contested (' + g.kind + '): ' + g.topic, {'class': 'kg-meta'}));
      var b = el('button', 'highlight the ' + g.claims.length + ' claims of this group', {type: 'button', 'class': 'kg-group'});
      b.addEventListener('click', function () { window.kgHighlightGroup(contestedOf[i]); });
      box.appendChild(b);
    }
    body.appendChild(box);
  }
  function showNode(id) {
    var e = data.entities[id]; body.textContent = '';
    body.appendChild(el('h3', e.label));
    body.appendChild(el('div', e.type + (e.date ? ' · ' + e.date : '') + ' · ' + e.mentions + ' mention(s)'));
    if (e.aliases.length) body.appendChild(el('div', 'also: ' + e.aliases.join(', ')));
    body.appendChild(el('div', 'mentioned in: ' + e.sources.map(function (s) { return (sourceById[s] || {title: s}).title; }).join('; ')));
    (contestedNode[id] || []).forEach(function (gi) { showSides(data.contested[gi]); });
    var n = 0;
    data.claims.forEach(function (c, i) { if ((c.subject === id || c.object === id) && n++ < 200) showClaim(i); });
    panel.style.display = 'block';
  }
  function showSides(g) {
    var box = el('div', null, {'class': 'kg-claim kg-sides'});
    box.appendChild(el('b', 'contested (' + g.kind + '): ' + g.topic));
    g.sides.forEach(function (side) {
      box.appendChild(el('div', side.stance, {'class': 'kg-meta kg-stance'}));
      box.appendChild(el('blockquote', side.evidence, {'class': 'kg-evidence'}));
      box.appendChild(sourceLine(side.source));
    });
    body.appendChild(box);
  }
  function showEdges(ids) {
    body.textContent = '';
    ids.forEach(function (eid) { var e = edges.get(eid); if (e) e.claims.forEach(showClaim); });
    panel.style.display = 'block';
  }
  function focusNode(id) {
    if (!nodes.get(id)) materialize();
    if (nodes.get(id).hidden) { state.pinned[id] = true; apply(); }
    network.selectNodes([id]); network.focus(id, {scale: 1.2, animation: false});
    highlightNeighbourhood(id); showNode(id);
  }
  window.kgFocus = focusNode;

  // ---- search -------------------------------------------------------------------------------
  function find(q) {
    q = q.trim().toLowerCase(); if (!q) return null;
    var exact = entityIds.filter(function (id) {
      var e = data.entities[id];
      return e.label.toLowerCase() === q || e.aliases.some(function (a) { return a.toLowerCase() === q; });
    });
    if (exact.length) return exact[0];
    var part = entityIds.filter(function (id) { return data.entities[id].label.toLowerCase().indexOf(q) >= 0; });
    return part.length ? part[0] : null;
  }
  function search() {
    var hit = find($('kg-search').value);
    $('kg-search').setCustomValidity(hit ? '' : 'not found');
    if (hit) focusNode(hit);
  }
  $('kg-search').addEventListener('change', search);
  $('kg-search').addEventListener('keydown', function (ev) { if (ev.key === 'Enter') search(); });

  // ---- timeline -----------------------------------------------------------------------------
  var byDay = {};
  entityIds.forEach(function (id) { var e = data.entities[id]; if (e.type === 'Event' && e.date) (byDay[e.date] = byDay[e.date] || []).push(id); });
  var strip = $('kg-timeline');
  if (!Object.keys(byDay).length) strip.appendChild(el('span', 'No dated events.'));
  Object.keys(byDay).sort().forEach(function (d) {
    var day = el('div', null, {'class': 'kg-day'}); day.appendChild(el('b', d));
    byDay[d].forEach(function (id) {
      var b = el('button', data.entities[id].label, {type: 'button', 'data-node': id});
      b.addEventListener('click', function () { focusNode(id); });
      day.appendChild(b);
    });
    strip.appendChild(day);
  });

  // ---- tooltips (text only) and clicks ------------------------------------------------------
  var tip = $('kg-tip');
  function showTip(params, text) {
    var ev = params.event && (params.event.srcEvent || params.event), r = network.body.container.getBoundingClientRect();
    var x = ev && ev.clientX !== undefined ? ev.clientX : r.left + params.pointer.DOM.x;
    var y = ev && ev.clientY !== undefined ? ev.clientY : r.top + params.pointer.DOM.y;
    tip.textContent = text; tip.style.left = (x + 12) + 'px'; tip.style.top = (y + 12) + 'px'; tip.style.display = 'block';
  }
  network.on('hoverNode', function (p) {
    var e = data.entities[p.node];
    showTip(p, e.label + ' (' + e.type + ')\nmentioned in ' + e.sources.length + ' article(s)');
  });
  network.on('hoverEdge', function (p) {
    var e = edges.get(p.edge), c = data.claims[e.claims[0]];
    showTip(p, label(e.from) + ' — ' + e.label + ' → ' + label(e.to) + '\n\u201c' + c.evidence + '\u201d\n— ' + (sourceById[e.src] || {}).title
            + (e.claims.length > 1 ? '\n(+' + (e.claims.length - 1) + ' more; click for all)' : ''));
  });
  network.on('blurNode', function () { tip.style.display = 'none'; });
  network.on('blurEdge', function () { tip.style.display = 'none'; });
  network.on('click', function (params) {
    tip.style.display = 'none';
    if (params.nodes.length) { highlightNeighbourhood(params.nodes[0]); showNode(params.nodes[0]); return; }
    clearHighlight();
    if (params.edges.length) showEdges(params.edges);
  });
  apply();
  network.once('afterDrawing', function () { window.kgDrawn = performance.now(); });
  network.redraw();
  window.kgReady = true;
})();
"""
