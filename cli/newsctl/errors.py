"""The one error family of newsctl.

Library modules raise these; ``app.py`` turns them into ``newsctl: PATH: message`` on stderr
and an exit code.  Every class has a one-line docstring that says when it is raised.
"""

from __future__ import annotations


class NewsctlError(Exception):
    """Base class: something the user can fix, reported as one line without a traceback."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(NewsctlError):
    """An input path is missing, unreadable, a dangling link, or a folder without matching files."""


class DecodeError(InputError):
    """An input's bytes cannot be decoded confidently (binary file, unknown or mixed encoding)."""


class JsonLinesError(InputError):
    """A JSON Lines input has a line that is not a JSON object with a string ``text`` field."""


class OutputError(NewsctlError):
    """Output cannot be written (refused overwrite of an input, disk full, bad target folder)."""


class UsageError(NewsctlError):
    """Options that do not fit together, or a value an option does not accept."""


class RulesError(NewsctlError):
    """A ``--rules`` file, user dictionary, word list or regular expression is malformed."""


class DependencyError(NewsctlError):
    """An optional dependency (extra) needed for the requested feature is not installed."""


class ClusterError(NewsctlError):
    """The Dask scheduler cannot be reached, has no workers, or its workers cannot run newsctl."""
