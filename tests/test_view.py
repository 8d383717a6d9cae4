"""The graph page: self-contained, and drawn by a real headless Chromium with the network off."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ARTIFACTS

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def test_page_links_no_remote_script_or_stylesheet(seed_output):
    html = (seed_output / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']https?://", html, re.I)
    assert not re.search(r"<link[^>]+href=[\"']https?://", html, re.I)
    assert not re.search(r"@import\s+url\([\"']?https?://", html, re.I)
    assert "vis.Network" in html  # vis-network is inlined, not fetched


@pytest.fixture(scope="module")
def browser(chromium_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_offline(browser, path):
    """A page with every request other than the file itself refused, and the console collected."""
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    requests, errors = [], []
    page = context.new_page()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

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


@pytest.mark.browser
def test_graph_is_drawn_offline_without_console_errors(browser, seed_output):
    context, page, requests, errors = open_offline(browser, seed_output / "graph.html")
    try:
        assert page.locator("#mynetwork canvas").count() == 1
        n_nodes = page.evaluate("nodes.length")
        assert n_nodes > 20
        # the canvas really has ink on it: some pixels differ from the background
        inked = page.evaluate(
            """() => { const c = document.querySelector('#mynetwork canvas');
                       const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                       let n = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] < 240 || d[i+1] < 240 || d[i+2] < 240) n++; }
                       return n; }""")
        assert inked > 1000
        assert [u for u in requests if not u.startswith("file://")] == []
        assert errors == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "seed-graph.png"))
    finally:
        context.close()


@pytest.mark.browser
def test_source_filter_hides_other_sources_edges(browser, seed_output):
    context, page, _, errors = open_offline(browser, seed_output / "graph.html")
    try:
        total = page.evaluate("edges.get({filter: e => !e.hidden}).length")
        first = page.evaluate("document.querySelector('#kg-source option:nth-child(2)').value")
        page.select_option("#kg-source", first)
        visible = page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.src)")
        assert 0 < len(visible) < total and set(visible) == {first}
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_clicking_an_edge_shows_its_evidence(browser, seed_output):
    context, page, _, errors = open_offline(browser, seed_output / "graph.html")
    try:
        edge = page.evaluate("edges.get()[0]")
        page.evaluate(f"network.body.emitter.emit('click', {{nodes: [], edges: ['{edge['id']}']}})")
        evidence = page.locator("#kg-panel .kg-evidence").first.inner_text()
        claim = page.evaluate(f"JSON.parse(document.getElementById('kg-data').textContent).claims[{edge['claim']}]")
        assert evidence == claim["evidence"] and len(evidence) > 10
        assert page.locator("#kg-panel").is_visible()
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_search_focuses_a_node(browser, seed_output):
    context, page, _, errors = open_offline(browser, seed_output / "graph.html")
    try:
        page.fill("#kg-search", "Russia")
        page.dispatch_event("#kg-search", "change")
        assert page.evaluate("network.getSelectedNodes()") == ["russia"]
        assert page.locator("#kg-panel h3").inner_text() == "Russia"
        assert errors == []
    finally:
        context.close()
