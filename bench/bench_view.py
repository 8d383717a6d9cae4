"""How fast a large graph page is built and drawn: ``python bench/bench_view.py [NODES] [EDGES]``.

Builds a synthetic extraction (default 5,000 entities, 15,000 relations over 8 sources), times
``kg.view.to_html`` and then headless Chromium (network off) from navigation to the first frame vis-network
draws, and to the page with every entity shown. Not a test: run it by hand, results go in RESULTS_view.md.
"""
from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import Article, DateValue, Entity, Extraction, Mention, Provenance, Relation  # noqa: E402

TYPES = ("Country", "Person", "Organization", "Group", "Place", "Event")
PREDICATES = ("attacks", "accuses", "meets_with", "supports", "related_to", "mediates", "visits", "allied_with")


def synthetic_extraction(n_nodes: int = 5000, n_edges: int = 15000, n_sources: int = 8, seed: int = 1) -> Extraction:
    """A seeded random extraction with a heavy-tailed mention count, like a real corpus."""
    rng = random.Random(seed)
    articles = tuple(Article(id=f"s{i}", file=f"s{i}.txt", title=f"Outlet {i}", body="", publisher=f"Publisher {i}",
                             date=f"2023-09-{1 + i:02d}", url=f"https://example.com/{i}") for i in range(n_sources))
    entities = []
    for i in range(n_nodes):
        k = min(n_sources, 1 + int(rng.paretovariate(1.5)) - 1)
        sources = rng.sample([a.id for a in articles], max(1, k))
        mentions = tuple(Mention(entity=f"n{i}", text=f"Entity {i}", start=j, end=j + 1, source=s)
                         for j, s in enumerate(sources * (1 + int(rng.paretovariate(1.2)))))
        etype = TYPES[i % len(TYPES)]
        date = DateValue(start=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", precision="day") if etype == "Event" else None
        entities.append(Entity(id=f"n{i}", type=etype, label=f"Entity {i}", mentions=mentions, date=date))
    weights = [len(e.mentions) for e in entities]
    relations = []
    for j in range(n_edges):
        s, o = rng.choices(range(n_nodes), weights=weights, k=2)
        if s == o:
            continue
        src = rng.choice(articles).id
        prov = Provenance(source=src, sentence=f"Sentence {j} says n{s} and n{o}.", start=j, end=j + 30, rule="svo",
                          confidence=0.7)
        relations.append(Relation(subject=f"n{s}", predicate=rng.choice(PREDICATES), object=f"n{o}", provenance=prov))
    return Extraction(articles=articles, entities=tuple(entities), relations=tuple(relations))


def draw_seconds(path: Path, chromium: str) -> tuple[float, float]:
    """Seconds from navigation to the first frame drawn after the page's scripts ran, and from ticking
    'show all entities' to the next drawn frame (both measured inside the page)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(offline=True, viewport={"width": 1400, "height": 900}).new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_function("window.kgDrawn !== undefined", timeout=120000, polling=50)
        first = page.evaluate("window.kgDrawn") / 1000
        show_all = 0.0
        if page.locator("#kg-show-all").count():
            show_all = page.evaluate("""new Promise(r => { const t = performance.now();
                const box = document.getElementById('kg-show-all'); box.checked = true;
                box.dispatchEvent(new Event('change'));
                network.once('afterDrawing', () => r((performance.now() - t) / 1000)); })""")
        browser.close()
        return first, show_all


def main(n_nodes: int = 5000, n_edges: int = 15000) -> None:
    from kg.view import to_html

    ex = synthetic_extraction(n_nodes, n_edges)
    t0 = time.perf_counter()
    html = to_html(ex)
    build = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        path.write_text(html, encoding="utf-8")
        first, show_all = draw_seconds(path, shutil.which("chromium") or "/usr/bin/chromium")
    print(f"{len(ex.entities)} nodes, {len(ex.relations)} relations: to_html {build:.2f} s, "
          f"{len(html) / 1e6:.1f} MB; first draw {first:.2f} s; show all {show_all:.2f} s")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
