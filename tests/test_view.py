"""The graph page: self-contained, deterministic, escaped, and drawn by a real headless Chromium with the network off."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from types import SimpleNamespace

import pytest

from kg.model import Article, DateValue, Entity, Extraction, Mention, Provenance, Relation
from kg.view import edge_groups, to_html
from tests.conftest import ARTIFACTS, ROOT

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

XSS = '<script>window.kgPwned=1</script>'
IMG = '<img src=x onerror="window.kgPwned=2">'
HOSTILE_EVIDENCE = '</script><!--<script>window.kgPwned=3</script> ' + IMG + ' <a href="javascript:window.kgPwned=4">x</a>'


def _entity(eid, label, etype, sources, *, aliases=(), date=None):
    mentions = tuple(Mention(entity=eid, text=label, start=0, end=len(label), source=s) for s in sources)
    return Entity(id=eid, type=etype, label=label, aliases=aliases, mentions=mentions, date=date)


def _relation(s, p, o, source, sentence, *, start=0, speaker=None, negated=False):
    prov = Provenance(source=source, sentence=sentence, start=start, end=start + len(sentence), rule="svo", confidence=0.7)
    return Relation(subject=s, predicate=p, object=o, provenance=prov, speaker=speaker, cue="said" if speaker else None,
                    negated=negated)


def hostile_extraction() -> Extraction:
    """A hand-built extraction with script and onerror payloads in every string the page shows."""
    articles = (
        Article(id="a", file="a.txt", title="Title " + XSS, body="", publisher="Pub " + IMG, date="2023-09-19",
                url="javascript:window.kgPwned=5"),
        Article(id='b"><img src=x onerror=window.kgPwned=6>', file="b.txt", title=IMG, body="", date="2023-09-20",
                url="https://example.com/b?<x>"),
    )
    src_b = articles[1].id
    entities = (
        _entity("x1", "Evil " + XSS, "Country", ("a", src_b), aliases=(IMG, "href=" + IMG)),
        _entity('x2"><svg onload=window.kgPwned=7>', IMG + " href", "Person", ("a",), aliases=(XSS,)),
        _entity("x3", "<b>bold</b> & co", "Event", (src_b,), date=DateValue(start="2023-09-19", precision="day")),
    )
    x2 = entities[1].id
    relations = (
        _relation("x1", "attacks", x2, "a", HOSTILE_EVIDENCE, speaker=x2),
        _relation("x1", "attacks", x2, src_b, "Second outlet: " + XSS),
        _relation(x2, "participant_in", "x3", src_b, IMG, negated=True),
    )
    return Extraction(articles=articles, entities=entities, relations=relations)


# ---- without a browser ------------------------------------------------------------------------------

def test_page_links_no_remote_script_or_stylesheet(seed_output):
    html = (seed_output / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']https?://", html, re.I)
    assert not re.search(r"<link[^>]+href=[\"']https?://", html, re.I)
    assert not re.search(r"@import\s+url\([\"']?https?://", html, re.I)
    assert not re.search(r"https?://cdn", html, re.I)
    assert "vis.Network" in html  # vis-network is inlined, not fetched


def test_same_relation_from_two_sources_is_two_edges_and_one_source_is_one():
    ex = hostile_extraction()
    ex = replace(ex, relations=ex.relations + (_relation("x1", "attacks", ex.relations[0].object, "a", "again", start=99),))
    groups = edge_groups(ex)
    attacks = {key[3]: claims for key, claims in groups if key[1] == "attacks"}
    assert sorted(attacks) == sorted(["a", ex.articles[1].id])
    assert attacks["a"] == [0, 3]  # two sentences of one source: one edge carrying both


def test_hostile_strings_never_reach_the_page_as_markup():
    html = to_html(hostile_extraction(), title="t " + XSS)
    assert "window.kgPwned" in html  # the payloads are there, as data ...
    for payload in ("<script>window.kgPwned", "<img src=x onerror", "<svg onload", "<!--<script>", "<b>bold"):
        assert payload not in html  # ... but never as markup
    assert "popup.innerHTML" not in html  # pyvis's HTML tooltip (switched on by 'href' in a node title) stays off


def test_same_extraction_gives_byte_identical_html_across_processes(tmp_path):
    code = ("import sys; from tests.test_view import hostile_extraction; from kg.view import to_html;"
            "sys.stdout.write(to_html(hostile_extraction()))")
    outs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert outs[0] == outs[1] == to_html(hostile_extraction())


def synthetic(n_nodes: int, n_edges: int):
    spec = importlib.util.spec_from_file_location("bench_view", ROOT / "bench" / "bench_view.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_extraction(n_nodes, n_edges)


def test_large_graph_shows_the_most_mentioned_first():
    html = to_html(synthetic(600, 1200), limit=100)
    data = json.loads(re.search(r'id="kg-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert data["limit"] == {"shown": 100, "total": 600}


# ---- in Chromium ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser(chromium_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_offline(browser, path):
    """A page with every request other than the file itself refused; console errors and dialogs collected."""
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    requests, errors = [], []
    page = context.new_page()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("window.kgReady === true", timeout=20000)
    return context, page, requests, errors


@pytest.fixture(scope="module")
def seed_page(browser, seed_output):
    context, page, requests, errors = open_offline(browser, seed_output / "graph.html")
    yield page, requests, errors
    context.close()


def visible_edges(page):
    return page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.src)")


@pytest.mark.browser
def test_graph_is_drawn_offline_without_console_errors(seed_page):
    page, requests, errors = seed_page
    page.wait_for_function("window.kgDrawn !== undefined", timeout=20000)
    assert page.locator("#mynetwork canvas").count() == 1
    assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") > 20
    # the canvas really has ink on it: some pixels differ from the background
    inked = page.evaluate(
        """() => { const c = document.querySelector('#mynetwork canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] < 240 || d[i+1] < 240 || d[i+2] < 240) n++; }
                   return n; }""")
    assert inked > 1000
    assert page.locator("#kg-sources .kg-src").count() == 5 and page.locator("#kg-types .kg-type").count() == 6
    assert page.locator("#kg-timeline button").count() > 0
    assert [u for u in requests if not u.startswith("file://")] == []
    assert errors == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed-graph.png"))


@pytest.mark.browser
def test_source_filter_changes_what_is_visible(seed_page):
    page, _, errors = seed_page
    total = len(visible_edges(page))
    first, second = page.evaluate("[...document.querySelectorAll('#kg-sources .kg-src')].map(b => b.value).slice(0, 2)")
    page.locator("#kg-sources .kg-only").first.click()
    only_first = visible_edges(page)
    assert 0 < len(only_first) < total and set(only_first) == {first}
    page.locator(f"#kg-sources .kg-src[value='{second}']").check()  # one outlet next to another
    assert set(visible_edges(page)) == {first, second}
    page.click("#kg-reset")
    assert len(visible_edges(page)) == total
    assert errors == []


@pytest.mark.browser
def test_type_predicate_and_date_filters(seed_page):
    page, _, errors = seed_page
    total = len(visible_edges(page))
    page.locator("#kg-types .kg-type[value='Place']").uncheck()
    assert page.evaluate("nodes.get({filter: n => !n.hidden && n.etype === 'Place'}).length") == 0
    page.click("#kg-reset")
    pred = page.evaluate("document.querySelector('#kg-predicate option:nth-child(2)').value")
    page.select_option("#kg-predicate", pred)
    assert set(page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.label)")) == {pred}
    page.click("#kg-reset")
    page.fill("#kg-from", "2023-09-20")
    page.dispatch_event("#kg-from", "change")
    assert 0 < len(visible_edges(page)) < total
    page.click("#kg-reset")
    assert errors == []


@pytest.mark.browser
def test_clicking_an_edge_shows_its_evidence(seed_page):
    page, _, errors = seed_page
    edge = page.evaluate("edges.get()[0]")
    page.evaluate(f"network.body.emitter.emit('click', {{nodes: [], edges: ['{edge['id']}']}})")
    claim = page.evaluate(f"JSON.parse(document.getElementById('kg-data').textContent).claims[{edge['claims'][0]}]")
    assert page.locator("#kg-panel .kg-evidence").first.inner_text() == claim["evidence"] and len(claim["evidence"]) > 10
    assert page.locator("#kg-panel .kg-source").first.inner_text().startswith(page.evaluate(
        f"JSON.parse(document.getElementById('kg-data').textContent).sources.find(s => s.id === '{edge['src']}').title"))
    assert page.locator("#kg-panel .kg-speaker").count() == len(edge["claims"])
    assert page.locator("#kg-panel").is_visible()
    assert errors == []


@pytest.mark.browser
def test_search_focuses_a_node_and_highlights_its_neighbourhood(seed_page):
    page, _, errors = seed_page
    page.fill("#kg-search", "Russia")
    page.press("#kg-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["russia"]
    assert page.locator("#kg-panel h3").inner_text() == "Russia"
    # the view is centred on the node, and nodes outside its neighbourhood are dimmed
    pos = page.evaluate("network.canvasToDOM(network.getPositions(['russia']).russia)")
    size = page.evaluate("[document.getElementById('mynetwork').clientWidth, document.getElementById('mynetwork').clientHeight]")
    assert abs(pos["x"] - size[0] / 2) < 5 and abs(pos["y"] - size[1] / 2) < 5
    assert page.evaluate("nodes.get('russia').color") != "#e4e4e4"
    assert page.evaluate("nodes.get({filter: n => n.color === '#e4e4e4'}).length") > 0
    page.evaluate("network.body.emitter.emit('click', {nodes: [], edges: []})")
    assert page.evaluate("nodes.get({filter: n => n.color === '#e4e4e4'}).length") == 0
    assert errors == []


@pytest.mark.browser
def test_timeline_event_focuses_the_graph(seed_page):
    page, _, errors = seed_page
    button = page.locator("#kg-timeline button").first
    node = button.get_attribute("data-node")
    button.click()
    assert page.evaluate("network.getSelectedNodes()") == [node]
    assert errors == []


@pytest.mark.browser
def test_hostile_strings_render_as_text_and_run_nothing(browser, tmp_path):
    ex = hostile_extraction()
    group = SimpleNamespace(id="contested_001", kind="polarity", topic=XSS, members=(0, 2))
    if "contested" in Extraction.__dataclass_fields__:
        ex = replace(ex, contested=(group,))
    path = tmp_path / "graph.html"
    path.write_text(to_html(ex), encoding="utf-8")
    context, page, requests, errors = open_offline(browser, path)
    try:
        page.evaluate("network.body.emitter.emit('click', {nodes: [], edges: ['e0']})")
        assert page.locator("#kg-panel .kg-evidence").first.inner_text() == HOSTILE_EVIDENCE
        assert XSS in page.locator("#kg-panel .kg-source").first.inner_text()
        assert page.locator("#kg-panel a").count() == 0  # the javascript: link is not a link
        page.fill("#kg-search", IMG + " href")
        page.press("#kg-search", "Enter")
        assert page.locator("#kg-panel h3").inner_text() == IMG + " href"
        # hover every node, so any tooltip is rendered
        for nid in page.evaluate("nodes.getIds()"):
            p = page.evaluate(f"network.canvasToDOM(network.getPositions([{json.dumps(nid)}])[{json.dumps(nid)}])")
            page.mouse.move(p["x"], p["y"])
        if "contested" in Extraction.__dataclass_fields__:
            page.check("#kg-contested")
            assert sorted(page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.id)")) == ["e0", "e2"]
            page.evaluate("kgHighlightGroup(0)")
        page.wait_for_timeout(200)
        assert page.evaluate("window.kgPwned") is None
        assert page.locator("#kg-panel img, #kg-panel script, #kg-bar img, #kg-timeline img, svg[onload]").count() == 0
        assert [u for u in requests if not u.startswith("file://")] == []
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_large_graph_notice_and_show_all(browser, tmp_path):
    path = tmp_path / "graph.html"
    path.write_text(to_html(synthetic(800, 2000), limit=150), encoding="utf-8")
    context, page, _, errors = open_offline(browser, path)
    try:
        assert page.locator("#kg-notice").is_visible() and "150" in page.locator("#kg-notice").inner_text()
        assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") <= 150
        far = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).rest.nodes[0]")
        page.fill("#kg-search", far["label"])
        page.press("#kg-search", "Enter")  # an entity beyond the first view is found and shown
        assert page.evaluate("network.getSelectedNodes()") == [far["id"]]
        assert page.evaluate(f"nodes.get('{far['id']}').hidden") is False
        page.check("#kg-show-all")
        assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") > 150
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_contested_only_shows_the_contested_events_and_their_sides(seed_page, seed_output):
    page, _, errors = seed_page
    data = json.loads((seed_output / "kg.json").read_text(encoding="utf-8"))
    subjects = {g["subject"] for g in data["contested"]}
    assert subjects, "the seed build has contested groups"
    page.click("#kg-reset")
    assert page.locator("#kg-contested-row").is_visible()
    page.check("#kg-contested")
    shown = set(page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    assert subjects <= shown
    node = sorted(subjects)[0]
    page.evaluate(f"window.kgFocus({json.dumps(node)})")
    sides = page.locator("#kg-panel .kg-sides .kg-stance").all_inner_texts()
    group = next(g for g in data["contested"] if g["subject"] == node)
    assert sorted(sides) == sorted(s["stance"] for s in group["sides"])
    page.uncheck("#kg-contested")
    assert errors == []
