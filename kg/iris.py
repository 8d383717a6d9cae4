"""Every IRI kg mints, minted here, from stable keys (never from raw labels, never random)."""
from __future__ import annotations

import functools
import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef

DEFAULT_BASE = "https://example.org/kg/"
WIKIDATA = "http://www.wikidata.org/entity/"


@functools.lru_cache(maxsize=1 << 16)  # entity and source ids recur in every triple about them
def _safe(key: str) -> str:
    """A key as an IRI path segment: unreserved ASCII kept, everything else percent-encoded."""
    key = re.sub(r"\s+", "_", key.strip())
    return quote(key, safe="-._~") or "_"


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def statement_id(subject: str, predicate: str, obj: str, negated: bool) -> str:
    """The id of a statement across sources: the last segment of its IRI, and its ``id`` in kg.json."""
    return _digest(subject, predicate, obj, negated)


class IRIs:
    """IRI minting for one base. ``IRIs("https://example.org/kg/").entity("russia")``."""

    def __init__(self, base: str = DEFAULT_BASE):
        if not re.match(r"^[a-z][a-z0-9+.-]*:", base):
            raise ValueError(f"base IRI must be absolute: {base!r}")
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self._entities: dict[str, URIRef] = {}  # entity and source IRIs recur in most triples: minted once each
        self._sources: dict[str, URIRef] = {}

    def namespaces(self) -> dict[str, str]:
        """Prefix -> namespace of the instance IRIs (for Turtle, TriG and JSON-LD prefixes)."""
        return {"ent": f"{self.base}entity/", "src": f"{self.base}source/", "graph": f"{self.base}graph/",
                "claim": f"{self.base}claim/", "date": f"{self.base}date/", "role": f"{self.base}role/"}

    def entity(self, entity_id: str) -> URIRef:
        iri = self._entities.get(entity_id)
        if iri is None:
            iri = self._entities[entity_id] = URIRef(f"{self.base}entity/{_safe(entity_id)}")
        return iri

    def source(self, article_id: str) -> URIRef:
        iri = self._sources.get(article_id)
        if iri is None:
            iri = self._sources[article_id] = URIRef(f"{self.base}source/{_safe(article_id)}")
        return iri

    def graph(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/{_safe(article_id)}")

    def claim(self, source: str, subject: str, predicate: str, obj: str, start: int, section: str = "body", *,
              speaker: str | None = None, negated: bool = False) -> URIRef:
        """One relation as said in one sentence, in one voice: a sentence can say a thing and report its denial
        ("X is believed to arm Y, although X denies arming Y"); the source's plain assertion keeps the short form."""
        voice = (speaker or "", negated) if speaker is not None or negated else ()
        return URIRef(f"{self.base}claim/{_digest(source, subject, predicate, obj, start, section, *voice)}")

    def claim_of(self, rel) -> URIRef:
        """The claim IRI of a :class:`kg.model.Relation`."""
        p = rel.provenance
        return self.claim(rel.source, rel.subject, rel.predicate, rel.object, p.start, p.section,
                          speaker=rel.speaker, negated=rel.negated)

    def contested(self, group_id: str) -> URIRef:
        return URIRef(f"{self.base}contested/{_safe(group_id)}")

    def side(self, group_id: str, index: int) -> URIRef:
        return URIRef(f"{self.base}contested/{_safe(group_id)}/side/{index}")

    def statement(self, subject: str, predicate: str, obj: str, negated: bool) -> URIRef:
        """A statement across sources (kg.summary): what any source says, once, however many say it."""
        return URIRef(f"{self.base}statement/{statement_id(subject, predicate, obj, negated)}")

    def page(self, listing: str, number: int, *, of: str | None = None) -> URIRef:
        """A page of a named query's precomputed answer (kg.summary); ``of``: the entity of an ``about`` page."""
        middle = f"{_safe(of)}/" if of is not None else ""
        return URIRef(f"{self.base}page/{_safe(listing)}/{middle}{number}")

    def mention(self, source: str, section: str, start: int, end: int) -> URIRef:
        return URIRef(self.mention_text(source, section, start, end))

    def mention_text(self, source: str, section: str, start: int, end: int) -> str:
        """:meth:`mention` as plain text, for tables (rdflib's check of each of 76,000 IRIs took 0.1 s)."""
        return f"{self.base}mention/{_safe(source)}/{section}/{start}-{end}"

    def date(self, value: str) -> URIRef:
        return URIRef(f"{self.base}date/{_safe(value)}")

    def participation(self, event_id: str, entity_id: str, role: str) -> URIRef:
        return URIRef(f"{self.base}role/{_digest(event_id, entity_id, role)}")

    @staticmethod
    def wikidata(qid: str) -> URIRef:
        return URIRef(WIKIDATA + qid)
