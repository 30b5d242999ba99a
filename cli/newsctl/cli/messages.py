"""Exit codes and the one-line messages on stderr: tiny on purpose (imported by --help)."""

from __future__ import annotations

import sys
from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes, as documented in the README."""

    OK = 0
    FAILED = 1  # at least one input failed; the others were processed and written
    USAGE = 2  # usage error, or nothing could be processed
    INTERRUPTED = 130  # Ctrl-C


def error_line(message: str) -> None:
    """Print ``newsctl: message`` on stderr (the message names the file when there is one)."""
    try:
        sys.stderr.write(f"newsctl: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed: nothing left to tell
        pass
