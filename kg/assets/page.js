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
