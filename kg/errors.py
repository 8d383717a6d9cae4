"""One exception family. The CLI turns these into one-line messages and an exit code."""
from __future__ import annotations


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
