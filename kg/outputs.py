"""Writing output files atomically: each to a temporary file next to it, flushed, then all renamed.

A build that dies before the renames leaves every previous output whole; one that dies between them
leaves each file either old or new, never partial. The hidden temporary files (``.kg.trig.<random>.tmp``)
a killed build leaves are removed by the next build into the same folder (:func:`remove_stale_temps`).
With ``jobs > 1`` a forked process writes some of the files while this one writes the others.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import multiprocessing
import os
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import BinaryIO

from .errors import OutputError

log = logging.getLogger(__name__)

#: writes one file's content into an open binary file
Writer = Callable[[BinaryIO], object]


def _temp_for(path: Path) -> Path:
    """A new, empty temporary file next to ``path`` (hidden: ``.kg.trig.<random>.tmp``)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    return Path(tmp)


def _fill(tmp: Path, write: Writer, sync: ThreadPoolExecutor) -> Future:
    """``write(fh)`` into ``tmp``; ``sync`` (one thread) then flushes it to disk, before a rename may make it an
    output, while this thread makes the next file."""
    with tmp.open("wb") as fh:
        write(fh)
    os.chmod(tmp, 0o644)
    return sync.submit(_fsync, tmp)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fill_all(items: list[tuple[Path, Writer]]) -> None:
    """Every ``(tmp, write)``, each file on disk when this returns."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-fsync") as sync:
        pending = [_fill(tmp, write, sync) for tmp, write in items]
        for done in pending:
            done.result()  # raises what fsync raised


def remove_stale_temps(out_dir: Path, names: Iterable[str]) -> list[Path]:
    """Delete the temporary files a killed build left for the outputs ``names`` in ``out_dir``; which ones."""
    stale = []
    for name in names:
        path = Path(out_dir) / name
        stale.extend(path.parent.glob(f".{path.name}.*.tmp"))
    for path in stale:
        path.unlink(missing_ok=True)
    if stale:
        log.debug("removed %d temporary files left by an earlier build", len(stale))
    return stale


def write_atomically(writers: dict[Path, Writer], *, jobs: int = 1, forked: Collection[Path] = ()) -> list[Path]:
    """Write every file, then rename them over the old ones in the order given; the paths written.

    With ``jobs > 1`` the files in ``forked`` are written by a forked process (it shares what the
    writers read, copy-on-write) while this process writes the rest.
    """
    temps = {path: _temp_for(path) for path in writers}
    child = None
    try:
        if jobs > 1 and forked:
            child = multiprocessing.get_context("fork").Process(
                target=_fill_all, args=([(temps[p], writers[p]) for p in forked],), daemon=True)
            child.start()
        _fill_all([(temps[p], w) for p, w in writers.items() if child is None or p not in forked])
        if child is not None:
            child.join()
            if child.exitcode != 0:
                raise OutputError(f"writing {', '.join(p.name for p in forked)} failed in a worker process "
                                  f"(exit code {child.exitcode})")
        for path, tmp in temps.items():
            os.replace(tmp, path)
    except BaseException:
        if child is not None and child.is_alive():
            child.terminate()
            child.join()
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise
    return list(temps)


#: the lock file a build holds in its output folder (next to the outputs; never an output itself)
LOCK_NAME = ".kg.lock"


@contextlib.contextmanager
def build_lock(out_dir: Path):
    """Hold the output folder for one build at a time: a second ``kg build`` into the same folder waits (saying
    so) until the first is done, instead of removing its temporary files or mixing their caches. An advisory
    ``flock``: released by the kernel when the process ends, however it ends."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / LOCK_NAME).open("a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another kg build is writing %s; waiting for it to finish", out_dir)
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
