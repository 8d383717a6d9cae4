"""Which articles say the same thing: reposts, and the corroboration of every claim.

kg never decides who is right, but it says how independent the sources of a claim are:

* **reposts**: an article whose word 5-gram shingles are at least ``REPOST_THRESHOLD`` contained in a
  longer (or earlier) article reproduces it (``duplicate_of``); its statements are not independent;
* **corroboration**: for every claim, the articles and the independent outlets (reposts folded into what
  they repost) that make it.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import chain

from .model import Article, Extraction, Relation

SHINGLE = 5
#: share of an article's 5-word shingles found in another article above which it is a repost of it
REPOST_THRESHOLD = 0.5


# --- reposts ---------------------------------------------------------------------------------------------


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return set(zip(*(words[i:] for i in range(size))))  # every run of ``size`` words, as tuples


def _shingle_strings(text: str, size: int = SHINGLE) -> set[str]:
    """:func:`shingles` joined by spaces (one string each: hashed once, not at every lookup as a tuple is)."""
    words = re.findall(r"\w+", text.casefold())
    return set(map(" ".join, zip(*(words[i:] for i in range(size)))))


def containment(a: set, b: set) -> float:
    """Share of ``a``'s shingles that are also in ``b``."""
    return len(a & b) / len(a) if a else 0.0


#: a shingle found in more articles than this is a stock phrase, not evidence of copying
COMMON_SHINGLE = 20


def find_reposts(articles: list[Article], *, threshold: float = REPOST_THRESHOLD) -> dict[str, str]:
    """``{repost id: original id}``: the shorter (or, at equal length, later) of two overlapping articles.

    Candidate pairs come from an inverted index of the shingles that can show copying: those in at least two
    articles and at most COMMON_SHINGLE (most shingles are in one article only; counting them is done in C,
    and only the rest are indexed), so only articles that share text are compared.
    """
    sh = {a.id: _shingle_strings(a.content) for a in articles}
    dates = {a.id: a.date or "" for a in articles}
    counts = Counter(chain.from_iterable(sh.values()))
    telling = {s for s, n in counts.items() if 2 <= n <= COMMON_SHINGLE}
    mine = {a.id: sh[a.id] & telling for a in articles}
    postings: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        for s in mine[a.id]:
            postings[s].append(a.id)
    out: dict[str, str] = {}
    for a in articles:
        shared = Counter(chain.from_iterable(postings[s] for s in mine[a.id]))  # counted in C
        best = None
        for bid in sorted(shared):
            if a.id == bid or shared[bid] < threshold * len(sh[a.id]):
                continue
            score = containment(sh[a.id], sh[bid])
            shorter = (len(sh[a.id]), dates[bid] <= dates[a.id], a.id) < (len(sh[bid]), True, bid)
            if score >= threshold and shorter and (best is None or score > best[0]):
                best = (score, bid)
        if best is not None:
            out[a.id] = best[1]
    return out


def with_reposts(articles: list[Article]) -> list[Article]:
    """Articles with ``duplicate_of`` filled in where the front matter did not say."""
    found = find_reposts(articles)
    return [a if a.duplicate_of or a.id not in found else replace(a, duplicate_of=found[a.id]) for a in articles]


# --- corroboration ---------------------------------------------------------------------------------------


def claim_key(rel: Relation) -> tuple[str, str, str, bool]:
    return rel.subject, rel.predicate, rel.object, rel.negated


def independent_outlets(sources: set[str], articles: dict[str, Article]) -> list[str]:
    """Sources counted once per outlet, reposts folded into what they repost."""
    outlets = set()
    for sid in sources:
        art = articles.get(sid)
        while art is not None and art.duplicate_of and art.duplicate_of in articles:
            art = articles[art.duplicate_of]
        if art is None:
            outlets.add(sid)
        else:
            outlets.add(art.publisher or art.id)
    return sorted(outlets)


def corroboration(extraction: Extraction) -> dict[tuple, dict]:
    """For every claim (subject, predicate, object, negated): the sources and independent outlets asserting it."""
    articles = {a.id: a for a in extraction.articles}
    by_key: dict[tuple, set[str]] = defaultdict(set)
    for rel in extraction.relations:
        by_key[claim_key(rel)].add(rel.source)
    return {key: {"sources": sorted(srcs), "independent": independent_outlets(srcs, articles)}
            for key, srcs in by_key.items()}
