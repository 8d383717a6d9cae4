"""One exception family. The CLI turns these into one-line messages and an exit code.

Recoverable problems with an input are warnings, logged through :func:`warn`, which also notes them where a
caller collects them (:func:`noting`): a loaded article kept for the next build says its warnings again.
"""
from __future__ import annotations

import contextlib
import contextvars
import logging

_NOTED: contextvars.ContextVar[list | None] = contextvars.ContextVar("kg_noted", default=None)


def warn(logger: logging.Logger, message: str, *args) -> None:
    """``logger.warning(message, *args)``, also noted as ``(logger name, text)`` inside :func:`noting`."""
    logger.warning(message, *args)
    noted = _NOTED.get()
    if noted is not None:
        noted.append((logger.name, message % args if args else message))


@contextlib.contextmanager
def noting():
    """Collect the warnings :func:`warn` gives while the block runs (whatever the log level): ``with noting() as
    noted: ...``."""
    noted: list[tuple[str, str]] = []
    token = _NOTED.set(noted)
    try:
        yield noted
    finally:
        _NOTED.reset(token)


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class SourceError(KGError):
    """A source file cannot be read or understood. Names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ModelError(KGError):
    """The spaCy pipeline cannot be loaded."""


class OntologyError(KGError):
    """The gazetteer or ontology files are missing or malformed."""


class OutputError(KGError):
    """A built output is missing or unreadable."""
