"""The interactive graph page: pyvis (vis-network) inlined into one self-contained HTML file.

pyvis's "in_line" mode inlines vis-network but still links Bootstrap from a CDN; those tags are removed,
and kg adds its own legend, source filter, search box and evidence panel (plain DOM, no library).
Positions come from a seeded networkx layout and physics is off, so large graphs draw at once and
rebuilds are identical. Every string reaches the page as JSON data and is shown with ``textContent``.
"""
from __future__ import annotations

import json
import re

import networkx as nx

from .model import Extraction

TYPE_STYLE = {
    "Country": ("#d62728", "diamond"), "Person": ("#1f77b4", "dot"), "Organization": ("#2ca02c", "square"),
    "Group": ("#9467bd", "triangle"), "Place": ("#8c564b", "dot"), "Event": ("#ff7f0e", "star"),
}
SOURCE_COLORS = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999",
                 "#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"]
_CDN_TAG = re.compile(r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.I | re.S)
_HEADINGS = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.S)


def _layout(extraction: Extraction) -> dict[str, tuple[float, float]]:
    G = nx.Graph()
    G.add_nodes_from(sorted(e.id for e in extraction.entities))
    G.add_edges_from(sorted({tuple(sorted((r.subject, r.object))) for r in extraction.relations}))
    if not G:
        return {}
    k = 2.0 / max(len(G), 1) ** 0.5
    pos = nx.spring_layout(G, seed=7, k=k, iterations=60)
    return {n: (round(float(x) * 900, 1), round(float(y) * 900, 1)) for n, (x, y) in pos.items()}


def page_data(extraction: Extraction) -> dict:
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
                       "wikidata": e.wikidata, "date": e.date.start if e.date else None} for e in extraction.entities}
    return {"sources": sources, "claims": claims, "entities": entities,
            "types": {t: {"color": c, "shape": s} for t, (c, s) in TYPE_STYLE.items()}}


def to_html(extraction: Extraction, *, title: str = "kg graph") -> str:
    """The page as a string (written by the caller)."""
    from pyvis.network import Network  # pyvis is only needed here

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    pos = _layout(extraction)
    colors = {a.id: SOURCE_COLORS[i % len(SOURCE_COLORS)] for i, a in enumerate(extraction.articles)}
    titles = {a.id: a.title for a in extraction.articles}
    for e in extraction.entities:
        color, shape = TYPE_STYLE[e.type]
        x, y = pos.get(e.id, (0.0, 0.0))
        tip = f"{e.label} ({e.type})\nmentioned in {len(e.sources)} article(s)"
        net.add_node(e.id, label=e.label, title=tip, color=color, shape=shape, x=x, y=y,
                     size=10 + 6 * len(e.sources), sources=list(e.sources), etype=e.type)
    for i, r in enumerate(extraction.relations):
        flag = " (negated)" if r.negated else " (hedged)" if r.hedged else ""
        speaker = f"\naccording to {r.speaker}" if r.speaker else ""
        tip = f"{r.predicate}{flag}{speaker}\n“{r.provenance.sentence}”\n— {titles.get(r.source, r.source)}"
        net.add_edge(r.subject, r.object, id=f"c{i}", label=r.predicate, title=tip, color=colors[r.source],
                     src=r.source, claim=i, dashes=bool(r.negated or r.hedged), arrows="to")
    net.set_options(json.dumps({
        "physics": {"enabled": False},
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 150},
        "edges": {"smooth": {"type": "continuous"}, "font": {"size": 9, "align": "middle"}},
        "nodes": {"font": {"size": 14}},
    }))
    html = net.generate_html()
    html = _CDN_TAG.sub("", html)
    html = _HEADINGS.sub("", html)
    html = html.replace("<html>", '<!DOCTYPE html>\n<html lang="en">', 1)
    html = html.replace("<head>", f"<head>\n<title>{_escape(title)}</title>", 1)
    data = json.dumps(page_data(extraction), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    html = html.replace("</body>", _CONTROLS + f'<script id="kg-data" type="application/json">{data}</script>\n'
                        + "<script>" + _SCRIPT + "</script>\n</body>", 1)
    return html


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_CONTROLS = """
<style>
 body { margin: 0; font-family: system-ui, sans-serif; }
 .card { border: 0 !important; }
 #kg-bar { position: fixed; top: 8px; left: 8px; z-index: 10; background: rgba(255,255,255,.95);
           border: 1px solid #ccc; border-radius: 6px; padding: 8px; font-size: 13px; max-width: 320px; }
 #kg-bar select, #kg-bar input { width: 100%; margin: 2px 0 6px; }
 #kg-legend span.sw { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
 #kg-panel { position: fixed; top: 8px; right: 8px; width: 360px; max-height: 90vh; overflow: auto; z-index: 10;
             background: #fff; border: 1px solid #ccc; border-radius: 6px; padding: 10px; font-size: 13px; display: none; }
 #kg-panel blockquote { margin: 4px 0 10px; padding-left: 8px; border-left: 3px solid #bbb; }
</style>
<div id="kg-bar">
 <label>Search <input id="kg-search" type="search" placeholder="name or alias" list="kg-names"></label>
 <datalist id="kg-names"></datalist>
 <label>Source <select id="kg-source"><option value="">all sources</option></select></label>
 <div id="kg-legend"></div>
</div>
<div id="kg-panel" role="dialog" aria-label="evidence"><button id="kg-close" style="float:right">×</button><div id="kg-panel-body"></div></div>
"""

_SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    for (var k in (attrs || {})) e.setAttribute(k, attrs[k]);
    return e;
  }
  var sourceById = {};
  data.sources.forEach(function (s) { sourceById[s.id] = s; });
  var legend = document.getElementById('kg-legend');
  legend.appendChild(el('b', 'Entity types'));
  Object.keys(data.types).forEach(function (t) {
    var row = el('div'); var sw = el('span', '', {'class': 'sw'}); sw.style.background = data.types[t].color;
    row.appendChild(sw); row.appendChild(document.createTextNode(t)); legend.appendChild(row);
  });
  legend.appendChild(el('b', 'Sources (edge colour)'));
  var select = document.getElementById('kg-source');
  data.sources.forEach(function (s) {
    var row = el('div'); var sw = el('span', '', {'class': 'sw'}); sw.style.background = s.color;
    row.appendChild(sw); row.appendChild(document.createTextNode(s.title)); legend.appendChild(row);
    select.appendChild(el('option', s.title, {value: s.id}));
  });
  var names = document.getElementById('kg-names');
  Object.keys(data.entities).forEach(function (id) {
    names.appendChild(el('option', null, {value: data.entities[id].label}));
  });
  select.addEventListener('change', function () {
    var src = select.value;
    var edgeUpdates = edges.get().map(function (e) { return {id: e.id, hidden: !!src && e.src !== src}; });
    edges.update(edgeUpdates);
    var nodeUpdates = nodes.get().map(function (n) {
      return {id: n.id, hidden: !!src && (n.sources || []).indexOf(src) < 0};
    });
    nodes.update(nodeUpdates);
  });
  document.getElementById('kg-search').addEventListener('change', function (ev) {
    var q = ev.target.value.trim().toLowerCase(); if (!q) return;
    var hit = null;
    Object.keys(data.entities).forEach(function (id) {
      var e = data.entities[id];
      if (hit) return;
      if (e.label.toLowerCase() === q || e.aliases.some(function (a) { return a.toLowerCase() === q; })) hit = id;
    });
    if (!hit) Object.keys(data.entities).forEach(function (id) {
      if (!hit && data.entities[id].label.toLowerCase().indexOf(q) >= 0) hit = id;
    });
    if (hit) { network.selectNodes([hit]); network.focus(hit, {scale: 1.2, animation: false}); showNode(hit); }
  });
  var panel = document.getElementById('kg-panel'), body = document.getElementById('kg-panel-body');
  document.getElementById('kg-close').addEventListener('click', function () { panel.style.display = 'none'; });
  function sourceLine(id) {
    var s = sourceById[id] || {title: id};
    var parts = [s.title, s.publisher, s.date].filter(Boolean).join(' · ');
    var p = el('div', parts);
    if (s.url && /^https?:\/\//.test(s.url)) { p.appendChild(document.createTextNode(' ')); p.appendChild(el('a', 'link', {href: s.url, target: '_blank', rel: 'noopener'})); }
    return p;
  }
  function showClaim(i) {
    var c = data.claims[i];
    var e = data.entities;
    body.appendChild(el('h4', (e[c.subject] || {}).label + ' — ' + c.predicate + (c.negated ? ' (negated)' : '') + (c.hedged ? ' (hedged)' : '') + ' → ' + (e[c.object] || {}).label));
    if (c.speaker) body.appendChild(el('div', 'according to ' + c.speaker + (c.cue ? ' (' + c.cue + ')' : '')));
    body.appendChild(el('blockquote', c.evidence, {'class': 'kg-evidence'}));
    body.appendChild(sourceLine(c.source));
  }
  function showNode(id) {
    var e = data.entities[id]; body.textContent = '';
    body.appendChild(el('h3', e.label));
    body.appendChild(el('div', e.type + (e.date ? ' · ' + e.date : '')));
    if (e.aliases.length) body.appendChild(el('div', 'also: ' + e.aliases.join(', ')));
    body.appendChild(el('div', 'mentioned in: ' + e.sources.map(function (s) { return (sourceById[s] || {title: s}).title; }).join('; ')));
    data.claims.forEach(function (c, i) { if (c.subject === id || c.object === id) showClaim(i); });
    panel.style.display = 'block';
  }
  network.on('click', function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); return; }
    if (params.edges.length) {
      body.textContent = '';
      params.edges.forEach(function (eid) { var edge = edges.get(eid); if (edge) showClaim(edge.claim); });
      panel.style.display = 'block';
    }
  });
  window.kgReady = true;
})();
"""
