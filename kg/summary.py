"""Aggregates computed at build time, so the named queries are index lookups, not scans of every claim.

Written into the default graph (beside the articles and entities they describe; see README "Precomputed
aggregates" and ontology/kg.ttl):

* every entity: ``kg:sourceCount`` (articles that mention it) and ``kg:mentionCount``;
* every statement ``(subject, predicate, object, negated)`` any source makes: a ``kg:Statement`` node
  with ``kg:sourceCount`` / ``kg:outletCount`` (the corroboration of kg.contested), the articles
  (``prov:wasDerivedFrom``) and its claims (``kg:hasClaim``);
* ``kg:rank``: the position of every actor, event, claim and statement in the order its named query lists
  it (1 = first);
* ``kg:Page`` nodes: each named query's answer cut into pages of ``PAGE_SIZE`` items in that order
  (``kg:listing``, ``kg:pageNumber``, ``kg:pageItem``; ``about`` has pages per entity, ``kg:pageOf``).
  ``kg query`` binds the page and reads only it: a fixed number of index lookups per item, whatever the
  size of the graph.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from rdflib import URIRef

from .corroboration import claim_key, corroboration
from .iris import IRIs
from .model import Extraction, Relation
from .rdf import KG, KGR, PROV, RDF, lit

PAGE_SIZE = 100
ACTOR_TYPES = frozenset({"Country", "Person", "Organization", "Group"})

#: subject (an IRI kg minted), predicate and object as kg/rdf.py takes them: terms as N-Triples text (a
#: predicate, a literal) or ``URIRef``
Triple = tuple[URIRef, str, object]


def _int(n: int) -> str:
    return lit(n)


def summary_triples(extraction: Extraction, iris: IRIs) -> Iterator[Triple]:
    """Every triple of the summary, in a deterministic order, from the whole extraction."""
    labels = {e.id: e.label for e in extraction.entities}
    titles = {a.id: a.title for a in extraction.articles}
    yield from _entity_counts(extraction, iris)
    claim_iris = [_claim_iri(rel, iris) for rel in extraction.relations]  # minted once (a hash each)
    claims = _ranked_claims(extraction.relations, claim_iris, labels, titles)
    for rank, (_, node) in enumerate(claims, 1):
        yield node, KG.rank, _int(rank)
    yield from _pages(iris, "accusations", [n for r, n in claims if r.predicate == "accuses"])
    about: dict[str, list[URIRef]] = {}
    for rel, node in claims:
        for entity in dict.fromkeys((rel.subject, rel.object)):
            about.setdefault(entity, []).append(node)
    for entity in sorted(about):
        yield from _pages(iris, "about", about[entity], of=entity)
    yield from _statements(extraction, claim_iris, labels, iris)
    actors = sorted((e for e in extraction.entities if e.type in ACTOR_TYPES),
                    key=lambda e: (-len(e.sources), e.label, e.id))
    events = sorted((e for e in extraction.entities if e.type == "Event"),
                    key=lambda e: (e.date is None, e.date.start if e.date else "", e.label, e.id))
    for name, ranked in (("actors", actors), ("events", events)):
        nodes = [iris.entity(e.id) for e in ranked]
        for rank, node in enumerate(nodes, 1):
            yield node, KG.rank, _int(rank)
        yield from _pages(iris, name, nodes)


def _entity_counts(extraction: Extraction, iris: IRIs) -> Iterator[Triple]:
    for e in extraction.entities:
        node = iris.entity(e.id)
        yield node, KG.sourceCount, _int(len(e.sources))
        yield node, KG.mentionCount, _int(len(e.mentions))


def _claim_iri(rel: Relation, iris: IRIs) -> URIRef:
    return iris.claim_of(rel)


def _ranked_claims(relations: Iterable[Relation], claim_iris: list[URIRef], labels: dict[str, str],
                   titles: dict[str, str]) -> list[tuple[Relation, URIRef]]:
    """Claims in kg's claim order: source title, subject label, predicate, object label, evidence."""
    pairs = list(zip(relations, claim_iris))
    pairs.sort(key=lambda pair: (titles.get(pair[0].source, ""), labels.get(pair[0].subject, ""), pair[0].predicate,
                                 labels.get(pair[0].object, ""), pair[0].provenance.sentence, str(pair[1])))
    return pairs


def _statements(extraction: Extraction, claim_iris: list[URIRef], labels: dict[str, str],
                iris: IRIs) -> Iterator[Triple]:
    """One kg:Statement per (subject, predicate, object, negated), ranked by subject, predicate, object."""
    support = corroboration(extraction)
    claims: dict[tuple, list[URIRef]] = {}
    for rel, claim in zip(extraction.relations, claim_iris):
        claims.setdefault(claim_key(rel), []).append(claim)
    keys = sorted(support, key=lambda k: (labels.get(k[0], ""), k[1], labels.get(k[2], ""), k[3], k[0], k[2]))
    single = []
    for rank, key in enumerate(keys, 1):
        s, p, o, negated = key
        node = iris.statement(s, p, o, negated)
        yield node, RDF.type, KG.Statement
        yield node, RDF.subject, iris.entity(s)
        yield node, RDF.predicate, KGR[p]
        yield node, RDF.object, iris.entity(o)
        yield node, KG.negated, lit(negated)
        yield node, KG.sourceCount, _int(len(support[key]["sources"]))
        yield node, KG.outletCount, _int(len(support[key]["independent"]))
        yield node, KG.rank, _int(rank)
        for source in support[key]["sources"]:
            yield node, PROV.wasDerivedFrom, iris.source(source)
        for claim in sorted(set(claims[key])):
            yield node, KG.hasClaim, claim
        if len(support[key]["sources"]) == 1:
            single.append(node)
    yield from _pages(iris, "single_source", single)


def _pages(iris: IRIs, listing: str, items: Sequence[URIRef], *, of: str | None = None) -> Iterator[Triple]:
    """``items`` (already in order) cut into kg:Page nodes of PAGE_SIZE, numbered from 1."""
    for start in range(0, len(items), PAGE_SIZE):
        number = start // PAGE_SIZE + 1
        page = iris.page(listing, number, of=of)
        yield page, RDF.type, KG.Page
        yield page, KG.listing, lit(listing)
        yield page, KG.pageNumber, _int(number)
        if of is not None:
            yield page, KG.pageOf, iris.entity(of)
        for item in items[start:start + PAGE_SIZE]:
            yield page, KG.pageItem, item


def add_summary(graph, extraction: Extraction, iris: IRIs) -> None:
    """Add the summary to ``graph`` (the dataset's default graph)."""
    for triple in summary_triples(extraction, iris):
        graph.add(triple)
