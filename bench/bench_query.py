"""Benchmark: ``kg query`` latency for the named queries on a large synthetic dataset (run by hand).

    .venv/bin/python bench/bench_query.py                  # ~10 million triples (several minutes, ~6 GB RAM)
    .venv/bin/python bench/bench_query.py --triples 200000 # a quick run

The synthetic corpus is made of kg's own records (articles, entities with mentions, events with dates and
roles, relations with provenance; some negated, hedged or reported) and written by kg's real RDF writer
(kg.rdf.to_dataset), article chunk by article chunk, to N-Quads; the quads are then loaded into pyoxigraph
and dumped as ``kg.trig`` so ``kg query`` reads it exactly as it reads a build. It reports the time to
index kg.trig (the first query of a build) and to open that index (every later query), per named query
the p50/p90 on the open store (what ``kg serve`` pays per request) and the p50 of the whole
``kg query --name`` command, and writes bench/RESULTS_query.md with --write.
"""
from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import (  # noqa: E402
    Article, DateValue, Entity, Extraction, Mention, Participant, Provenance, Relation,
)

TYPES = (("Country", 200), ("Person", 6000), ("Organization", 2000), ("Group", 600), ("Place", 5000),
         ("Event", 3000))
WORDS = ("attacked", "accused", "met", "supported", "rejected", "negotiated with", "criticized", "visited")


def _entities(rng: random.Random) -> list[Entity]:
    out = []
    for etype, n in TYPES:
        for i in range(n):
            eid = f"{etype.lower()}_{i}"
            extra = {}
            if etype == "Event":
                y, m, d = 1990 + rng.randrange(34), 1 + rng.randrange(12), 1 + rng.randrange(28)
                precision = rng.choice(("year", "month", "day", "day", None))
                if precision:
                    start = {"year": f"{y}", "month": f"{y}-{m:02d}", "day": f"{y}-{m:02d}-{d:02d}"}[precision]
                    extra["date"] = DateValue(start=start, precision=precision, text=start)
                extra["event_type"] = rng.choice(("Attack", "War", "Ceasefire", "Talks", "Meeting", "Protest"))
                extra["participants"] = (Participant(f"country_{rng.randrange(200)}", "agent"),
                                         Participant(f"country_{rng.randrange(200)}", "patient"))
                extra["place"] = f"place_{rng.randrange(5000)}"
            out.append(Entity(id=eid, type=etype, label=f"{etype} {i}", aliases=(f"{etype[:3]}{i}",),
                              wikidata=f"Q{100000 + len(out)}" if i % 3 == 0 else None, **extra))
    return out


def _pick(rng: random.Random, entities: list[Entity], zipf: list[float]) -> Entity:
    """Skewed as news is: half the picks follow Zipf's law over the first 1,000 entities (``Country 0`` is
    in most articles, as Russia is in every seed), half are uniform over all."""
    if rng.random() < 0.5:
        return entities[rng.choices(range(len(zipf)), cum_weights=zipf)[0]]
    return entities[rng.randrange(len(entities))]


def _chunk(rng, first: int, n_articles: int, entities, predicates) -> Extraction:
    articles, mentions, relations = [], {}, []
    zipf = list(itertools.accumulate(1 / (i + 1) for i in range(1000)))
    for a in range(first, first + n_articles):
        aid = f"{a:06d}_synthetic"
        sentences = []
        chosen = [_pick(rng, entities, zipf) for _ in range(30)]
        pos = 0
        for k in range(25):
            s, o = rng.sample(chosen, 2)
            text = f"{s.label} {rng.choice(WORDS)} {o.label} in sentence {k}."
            sentences.append(text)
            for ent, word in ((s, s.label), (o, o.label)):
                start = pos + text.index(word)
                m = Mention(entity=ent.id, text=word, start=start, end=start + len(word), source=aid,
                            ner_label="GPE")
                mentions.setdefault(ent.id, {})[(aid, start)] = m
            if s.id != o.id:
                r = rng.random()
                relations.append(Relation(
                    subject=s.id, predicate=rng.choice(predicates), object=o.id,
                    provenance=Provenance(source=aid, sentence=text, start=pos, end=pos + len(text),
                                          rule="svo", confidence=round(rng.uniform(0.3, 0.9), 2)),
                    speaker=rng.choice(chosen).id if r < 0.2 else None, cue="said" if r < 0.2 else None,
                    negated=0.2 <= r < 0.25, hedged=0.25 <= r < 0.3, verb="verb"))
            pos += len(text) + 1
        articles.append(Article(id=aid, file=f"{aid}.txt", title=f"Synthetic article {a}", body=" ".join(sentences),
                                publisher=f"Outlet {a % 40}", date=f"20{10 + a % 14}-0{1 + a % 9}-1{a % 10}"))
    ents = tuple(Entity(**{**{f: getattr(e, f) for f in e.__slots__}, "mentions": tuple(mentions[e.id].values())})
                 for e in entities if e.id in mentions)
    return Extraction(articles=tuple(articles), entities=ents, relations=tuple(relations))


def generate(out: Path, target: int, *, seed: int = 7, chunk: int = 100) -> int:
    """Write ``out/kg.nq`` (then ``kg.trig``) with at least ``target`` quads; returns the quad count.

    The corpus is written chunk by chunk without its summary; the summary (kg/summary.py: counts,
    statements, ranks, pages) is then computed once over the whole corpus, as ``kg build`` does, and added.
    """
    import pyoxigraph

    from kg.iris import IRIs
    from kg.pipeline import ontology_path
    from kg.predicates import load_predicates
    from kg.rdf import to_dataset
    from kg.summary import summary_triples

    rng = random.Random(seed)
    predicates = sorted(load_predicates(ontology_path("predicates.yaml")).by_name)
    entities = _entities(rng)
    out.mkdir(parents=True, exist_ok=True)
    nq = out / "synthetic.nq"
    written, first, t0 = 0, 0, time.perf_counter()
    articles, relations, mentions = [], [], {}
    with nq.open("w", encoding="utf-8") as fh:
        while written < target * 1.15:  # entity triples repeat across chunks (~13%); the store keeps one
            part = _chunk(rng, first, chunk, entities, predicates)
            text = to_dataset(part, summary=False).serialize(format="nquads")
            fh.write(text)
            written += text.count("\n")
            first += chunk
            articles += part.articles
            relations += part.relations
            for e in part.entities:
                mentions.setdefault(e.id, []).extend(e.mentions)
            print(f"\r  generated {written:,} quads from {first:,} articles ({time.perf_counter() - t0:.0f} s)",
                  end="", file=sys.stderr)
        whole = Extraction(articles=tuple(articles), relations=tuple(relations), entities=tuple(
            Entity(**{**{f: getattr(e, f) for f in e.__slots__}, "mentions": tuple(mentions[e.id])})
            for e in entities if e.id in mentions))
        n = 0
        for s, p, o in summary_triples(whole, IRIs()):
            fh.write(f"{s.n3()} {p.n3()} {o.n3()} .\n")
            n += 1
    print(f"\n  summary: {n:,} triples ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    store = pyoxigraph.Store()
    store.bulk_load(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS)
    store.dump(str(out / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    nq.unlink()
    return len(store)


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


BINDINGS = {"about": {"label": "Country 0"}}  # the most mentioned actor, as Russia is in the seeds


def run(out: Path, repeat: int, cli_repeat: int, *, keep_index: bool = False, budget: float = 120.0,
        skip_all: tuple[str, ...] = ()) -> dict:
    import json
    import shutil
    import subprocess

    from kg.query import STORE_DIR, named_queries, open_store, run_named

    timing = out / "bench-index.json"
    if not (keep_index and timing.is_file()):
        shutil.rmtree(out / STORE_DIR, ignore_errors=True)
        t0 = time.perf_counter()
        store = open_store(out)  # first query of a build: index kg.trig into OUT/.kg-store
        timing.write_text(json.dumps({"index_s": time.perf_counter() - t0}), encoding="utf-8")
        del store
    results = {"index_s": json.loads(timing.read_text(encoding="utf-8"))["index_s"], "queries": {}}
    t0 = time.perf_counter()
    store = open_store(out)  # every later query: open the indexed store
    results["open_s"] = time.perf_counter() - t0
    results["quads"] = len(store)
    kg = Path(sys.executable).with_name("kg")
    for name, text in named_queries().items():
        times, rows, load = [], 0, os.getloadavg()[0]
        for _ in range(repeat):  # at least once; more while under the time budget
            t = time.perf_counter()
            _, found = run_named(store, text, bindings=BINDINGS.get(name))  # the first page, as kg query does
            times.append(time.perf_counter() - t)
            rows = len(found)
            if sum(times) > budget:
                break
        every, all_rows = None, None
        if name not in skip_all:
            t = time.perf_counter()
            _, found = run_named(store, text, bindings=BINDINGS.get(name), limit=None)  # kg query --all
            every, all_rows = time.perf_counter() - t, len(found)
        cli = []
        for _ in range(cli_repeat if sum(times) < budget else 0):
            args = [str(kg), "query", str(out), "--name", name, "--format", "csv"]
            for key, value in BINDINGS.get(name, {}).items():
                args += ["--bind", f"{key}={value}"]
            t = time.perf_counter()
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
            cli.append(time.perf_counter() - t)
        q = results["queries"][name] = {"p50": statistics.median(times), "p90": _pct(times, 0.9), "rows": rows,
                                        "runs": len(times), "load": load, "all_s": every, "all_rows": all_rows,
                                        "cli_p50": statistics.median(cli) if cli else None}
        print(f"  {name:14} load {load:4.2f}  p50 {q['p50'] * 1000:9.1f} ms   p90 {q['p90'] * 1000:9.1f} ms   {rows:,} rows"
              + (f"   kg query p50 {q['cli_p50']:.2f} s" if cli else "")
              + (f"   --all {every:.2f} s ({all_rows:,} rows)" if every is not None else ""), file=sys.stderr)
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=10_000_000, help="at least this many quads [10,000,000]")
    ap.add_argument("--out", type=Path, default=Path("/tmp/kg-bench"), help="where the synthetic build goes")
    ap.add_argument("--repeat", type=int, default=11, help="runs per query, in process [11]")
    ap.add_argument("--cli-repeat", type=int, default=3, help="runs of `kg query --name` per query [3]")
    ap.add_argument("--reuse", action="store_true", help="reuse OUT/kg.trig (and its index) if they are there")
    ap.add_argument("--budget", type=float, default=120.0,
                    help="stop repeating a query once its runs took this many seconds [120]")
    ap.add_argument("--skip-all", action="append", default=[], metavar="NAME",
                    help="do not time --all (every row) for this named query (repeatable)")
    ap.add_argument("--write", action="store_true", help="write bench/RESULTS_query.md")
    args = ap.parse_args(argv)
    trig = args.out / "kg.trig"
    if not (args.reuse and trig.is_file()):
        t0 = time.perf_counter()
        quads = generate(args.out, args.triples)
        print(f"  wrote {trig} ({quads:,} quads, {trig.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    res = run(args.out, args.repeat, args.cli_repeat, keep_index=args.reuse, budget=args.budget,
              skip_all=tuple(args.skip_all))
    print(f"  {res['quads']:,} quads: indexing kg.trig {res['index_s']:.1f} s, opening the index {res['open_s']:.2f} s",
          file=sys.stderr)
    if args.write:
        _write_results(res, args, trig)
    return 0


def _or_dash(value, fmt: str) -> str:
    return "-" if value is None else fmt.format(value)


def _write_results(res: dict, args, trig: Path) -> None:
    import pyoxigraph

    lines = [
        "# kg query: latency of the named queries",
        "",
        f"Measured by `bench/bench_query.py --triples {args.triples} --repeat {args.repeat}` on "
        f"{platform.machine()} Linux, Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}.",
        f"Synthetic dataset: {res['quads']:,} quads written by kg's RDF writer "
        f"(kg.trig {trig.stat().st_size / 1e6:.0f} MB).",
        "",
        f"The first `kg query` of a build indexes kg.trig into `OUT/.kg-store` (on-disk pyoxigraph store): "
        f"**{res['index_s']:.0f} s**. Every later query opens that index: **{res['open_s']:.2f} s**.",
        "",
        "p50/p90: the query alone on the open store (what `kg serve` pays per request), over "
        f"{args.repeat} runs. `kg query` p50: the whole command (`kg query OUT --name NAME --format csv`: "
        f"Python start-up, opening the index, the query, writing CSV), over {args.cli_repeat} runs.",
        "",
        "| named query | p50 | p90 | runs | rows | `kg query` p50 | `--all` | rows | load (1 min) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, q in res["queries"].items():
        cli = f"{q['cli_p50'] * 1000:,.0f} ms" if q["cli_p50"] is not None else "-"
        lines.append(f"| `{name}` | {q['p50'] * 1000:,.1f} ms | {q['p90'] * 1000:,.1f} ms | {q['runs']} | {q['rows']:,} "
                     f"| {cli} | {_or_dash(q['all_s'], '{:,.1f} s')} | {_or_dash(q['all_rows'], '{:,}')} | {q['load']:.2f} |")
    (ROOT / "bench" / "RESULTS_query.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
