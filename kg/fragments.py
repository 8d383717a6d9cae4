"""Outputs spliced from the last build's files: an unchanged named graph's block is copied, not made again.

A source's named graph is most of an RDF output (a thousand quads per article) and, after one article
changed, almost every graph is the same as in the last build. kg.trig, kg.nq, kg.ttl and kg.jsonld are a
header, the default graph, then one block per named graph (kg/serialize.py), and a block depends only on
what its graph is made from (the source's mentions with their entity ids and its relations: the graph's
*key*, kg.rdf.Quads.key) and on the prefixes, kg's code and pyoxigraph's version (the *salt*).

So each build notes, per output file, where each graph's block lies in it and the file's identity
(device, inode, size, modification time in ns), in the cache folder (``OUT/.kg-cache/splice-kg.nq.pickle``,
...). The next build copies the block of every graph whose key is noted there straight from the old
file, in the kernel (``os.copy_file_range``), without making the graph's quads; only the graphs of changed
sources are made and serialized. The tables of claims and mentions (csv/claims.csv, csv/mentions.csv) are
one block of rows per article, made from the same parts (:class:`SourceParts`), and are spliced the same
way. A file that is not the one noted (edited, replaced, removed, or written with another salt) is not
read: every block is made. A block is the text the writer made from those very parts, so the output is
byte-identical to writing everything again (tests/test_incremental.py).
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import marshal
import operator
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .model import Extraction, Mention, Provenance, Relation

log = logging.getLogger(__name__)

#: bump when the layout of an index changes
FORMAT = 2
#: what the previous layout of the cache kept (serialized blocks in one pickle): removed when found
OLD_STORE = "fragments.pickle"


def salt_for(prefixes: dict[str, str]) -> str:
    """What a block depends on besides its graph's key: kg's code, pyoxigraph's version, the prefixes."""
    from .cache import _sha, _version, code_fingerprint

    return _sha(FORMAT, code_fingerprint(), _version("pyoxigraph"), *sorted(prefixes.items()))


def index_path(cache_dir: Path, output: str) -> Path:
    """Where the index of output ``output`` (``kg.nq``) is kept: at the top of the cache folder (the article
    cache prunes its subfolders)."""
    return Path(cache_dir) / f"splice-{output.replace('/', '_')}.pickle"


class SourceParts(NamedTuple):
    """What a source's block is made from (its named graph; its rows of claims.csv and mentions.csv)."""

    source: str
    mentions: list[tuple[str, Mention]]  # (entity id, mention), in entity order
    relations: list[Relation]  # in the extraction's order


def source_parts(extraction: Extraction) -> dict[str, SourceParts]:
    """Each article's :class:`SourceParts`, in article order."""
    mentions: dict[str, list[tuple[str, Mention]]] = {a.id: [] for a in extraction.articles}
    for entity in extraction.entities:
        for m in entity.mentions:
            mentions[m.source].append((entity.id, m))
    relations: dict[str, list[Relation]] = {a.id: [] for a in extraction.articles}
    for rel in extraction.relations:
        relations[rel.source].append(rel)
    return {a.id: SourceParts(a.id, mentions[a.id], relations[a.id]) for a in extraction.articles}


def parts_key(name: str, parts: object) -> str:
    """A hash of ``parts`` (plain values) for the block ``name``: equal parts, equal keys.

    marshal's version 0 writes values only (no references, no interning flags): equal parts, equal bytes,
    twice as fast as repr; another Python may write them otherwise, and then every block is made.
    """
    return hashlib.sha1(marshal.dumps((name, parts), 0)).hexdigest()


def source_key(parts: SourceParts) -> str:
    """:func:`parts_key` of a source's parts: what a block made from them alone depends on."""
    return parts_key(parts.source, plain_parts(parts))


@functools.cache
def _values_of(cls, skip: tuple[str, ...] = ()) -> Callable[[object], tuple]:
    """``record -> its field values`` (but those named in ``skip``), in C."""
    return operator.attrgetter(*(f.name for f in dataclasses.fields(cls) if f.name not in skip))


def plain_parts(parts: SourceParts) -> tuple:
    """A source's parts as plain values: every field of every record (a dataclass's ``repr`` runs Python code
    per record; these tuples' runs in C)."""
    mention = _values_of(Mention)
    relation, provenance = _values_of(Relation, ("provenance",)), _values_of(Provenance)
    return (parts.source, [(entity_id, mention(m)) for entity_id, m in parts.mentions],
            [(relation(r), provenance(r.provenance)) for r in parts.relations])


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class Splice:
    """The blocks of one output file: ``splice.block(fh, key, make)`` copies the block the last build wrote
    for ``key`` from the old file ``out``, else writes ``make()``; :meth:`finish` notes where this build's
    blocks are.

    ``index`` None: nothing is read or noted (every block is made). ``force``: what is noted is ignored.
    """

    def __init__(self, out: Path, index: Path | None, *, salt: str, force: bool = False):
        self.out = Path(out)
        self.index = None if index is None else Path(index)
        self.salt = salt
        self.made = self.copied = 0
        self._old: dict[str, tuple[int, int]] = {}
        self._identity: tuple | None = None
        self._fd: int | None = None
        self._new: dict[str, tuple[int, int]] = {}
        if self.index is not None and not force:
            self._load()

    def _load(self) -> None:
        try:
            with self.index.open("rb") as fh:
                fmt, salt, identity, blocks = pickle.load(fh)
        except FileNotFoundError:
            return
        except Exception as err:  # noqa: BLE001 - an unreadable index only means every block is made
            log.warning("%s: unreadable index (%s); making every block", self.index, type(err).__name__)
            return
        if (fmt, salt) != (FORMAT, self.salt) or not isinstance(blocks, dict):
            return
        try:
            if _identity(os.stat(self.out)) != identity:
                return  # not the file the last build wrote
        except OSError:
            return
        self._old, self._identity = blocks, identity

    @property
    def usable(self) -> bool:
        """Whether the last build's file can be copied from (it is the file its index describes)."""
        return self._identity is not None

    def has(self, key: str) -> bool:
        """Whether the block for ``key`` can be copied from the old file."""
        return key in self._old

    def block(self, fh: BinaryIO, key: str, make: Callable[[], bytes]) -> None:
        """Write the block for ``key`` at the end of ``fh`` (a real file): copied from the old file if the
        last build wrote it, else ``make()``."""
        start = fh.tell()
        found = self._old.get(key)
        size = None if found is None else self._copy(fh, *found)
        if size is None:
            data = make()
            fh.write(data)
            size = len(data)
            self.made += 1
        else:
            self.copied += 1
        self._new[key] = (start, size)

    def _copy(self, fh: BinaryIO, offset: int, size: int) -> int | None:
        """Copy ``size`` bytes at ``offset`` of the old file to the end of ``fh``; None if it cannot be read."""
        if self._fd is None:
            try:
                self._fd = os.open(self.out, os.O_RDONLY)
                if _identity(os.fstat(self._fd)) != self._identity:
                    raise OSError("the old file changed")
            except OSError as err:
                log.warning("%s: cannot copy from the last build's file (%s); making every block", self.out, err)
                self._old = {}
                return None
        fh.flush()
        start = fh.tell()
        done = 0
        try:
            while done < size:  # in the kernel: the bytes never reach Python
                n = os.copy_file_range(self._fd, fh.fileno(), size - done, offset + done, start + done)
                if n <= 0:
                    break
                done += n
        except (AttributeError, OSError):  # no copy_file_range (not Linux), or a file system without it
            pass
        while done < size:
            chunk = os.pread(self._fd, min(1 << 22, size - done), offset + done)
            if not chunk:
                fh.seek(start)
                fh.truncate()
                return None
            os.pwrite(fh.fileno(), chunk, start + done)
            done += len(chunk)
        fh.seek(start + size)
        return size

    def finish(self, fh: BinaryIO) -> None:
        """The file is complete: note where its blocks are and its identity (atomically; nothing without an index)."""
        from .cache import _write_pickle

        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        log.debug("%s: %d blocks copied from the last build, %d made", self.out.name, self.copied, self.made)
        if self.index is None:
            return
        fh.flush()
        identity = _identity(os.fstat(fh.fileno()))  # the temporary file's: renaming keeps inode and mtime
        _write_pickle(self.index, (FORMAT, self.salt, identity, self._new), prefix=f".{self.index.stem}.")


def missing(splices: Iterable[Splice], keys: dict[str, str]) -> list[str]:
    """The graphs (of ``keys``: graph -> key) some splice cannot copy: those to make."""
    splices = list(splices)
    return [name for name, key in keys.items() if not all(s.has(key) for s in splices)]
