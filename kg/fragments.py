"""Serialized named graphs kept from the last build, by content: an unchanged graph is not serialized again.

A source's named graph is most of an RDF output (a thousand quads per article) and, after one article
changed, almost every graph is the same as in the last build. kg.trig and kg.jsonld are a header, the
default graph, then one block per named graph that depends only on that graph's quads (and the
prefixes): those blocks are kept here under a hash of the graph's N-Quads lines, and a graph whose
lines hash the same is written from its stored block. A block is the text the serializer made from
those very lines, so the output is byte-identical to serializing everything again (tests/test_incremental.py).

The store is one pickle in the cache folder (``OUT/.kg-cache/fragments.pickle``), salted like the
article cache with kg's code and the serializer's version: a change to either discards it. Each build
rewrites it with the blocks it used (the others are dropped), atomically; an unreadable store is empty.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

#: bump when the layout of the store changes
FORMAT = 1


def salt_for(prefixes: dict[str, str]) -> str:
    """What a block depends on besides its graph's lines: kg's code, pyoxigraph's version, the prefixes."""
    from .cache import _sha, _version, code_fingerprint

    return _sha(FORMAT, code_fingerprint(), _version("pyoxigraph"), *sorted(prefixes.items()))


class Fragments:
    """``fragments.get(kind, name, data, make)``: the stored block for that graph's bytes, else ``make()``.

    ``path`` None: nothing is stored or loaded (every block is made). ``force``: what is stored is ignored.
    """

    def __init__(self, path: Path | None, *, salt: str, force: bool = False, lazy: bool = False):
        self.path = None if path is None else Path(path)
        self.salt = salt
        self.made = self.reused = 0
        self._force = force
        self._stored: dict[bytes, bytes] | None = None
        self._new: dict[bytes, bytes] = {}
        self._digests: dict[str, tuple[list[str], bytes]] = {}
        if not lazy:  # else loaded when a block is first asked for (by the process writing kg.trig)
            self._load_once()

    def _load_once(self) -> dict[bytes, bytes]:
        if self._stored is None:
            self._stored = {} if self._force or self.path is None else self._load()
        return self._stored

    def _load(self) -> dict[bytes, bytes]:
        try:
            with self.path.open("rb") as fh:
                fmt, salt, blocks = pickle.load(fh)
        except FileNotFoundError:
            return {}
        except Exception as err:  # noqa: BLE001 - an unreadable store only means every block is made again
            log.warning("%s: unreadable fragment store (%s); serializing every graph", self.path, type(err).__name__)
            return {}
        return blocks if (fmt, salt) == (FORMAT, self.salt) and isinstance(blocks, dict) else {}

    def _digest(self, name: str, lines: list[str]) -> bytes:
        """A hash of the graph's name and N-Quads, made once per graph and build."""
        found = self._digests.get(name)
        if found is None or found[0] is not lines:
            data = "".join(lines).encode("utf-8")
            found = self._digests[name] = (lines, hashlib.sha1(name.encode("utf-8", "surrogatepass") + b"\0" + data).digest())
        return found[1]

    def get(self, kind: str, name: str, lines: list[str], make: Callable[[bytes], bytes]) -> bytes:
        """The block of ``kind`` ("trig", "jsonld") for graph ``name`` (its sorted N-Quads ``lines``):
        stored, or ``make(the lines as bytes)``."""
        key = kind.encode() + b"\0" + self._digest(name, lines)
        block = self._new.get(key)
        if block is None:
            block = self._load_once().get(key)
            if block is None:
                block = make("".join(lines).encode("utf-8"))
                self.made += 1
            else:
                self.reused += 1
            self._new[key] = block
        return block

    def save(self) -> None:
        """Keep the blocks this build used (atomically; nothing when there is no path)."""
        if self.path is None:
            return
        log.debug("fragments: %d reused, %d made", self.reused, self.made)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for stale in self.path.parent.glob(f".{self.path.stem}.*.tmp"):  # left by a build that was killed
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((FORMAT, self.salt, self._new), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
