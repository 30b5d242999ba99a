"""Reading and writing the marshal files of newsctl's cache folder.

Every store there is a plain value written with :mod:`marshal` (the fastest format Python reads
back: dicts, lists, strings, bytes, code objects).  A file is read whole and written whole, to a
temporary name first and then renamed, so a reader never meets half a file; any problem means
there is no stored value (the caller builds it again), never an error.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from typing import Any


def read_marshal(path: str) -> Any:
    """The value stored at ``path``, or None when there is none (missing, damaged, foreign)."""
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError), open(path, "rb") as handle:
        # loads(read()): marshal.load on a file reads object by object, 20x slower
        return marshal.loads(handle.read())
    return None


def write_marshal(path: str, value: Any) -> bool:
    """Store ``value`` at ``path`` atomically; False when it cannot be written."""
    import tempfile

    folder = os.path.dirname(path)
    with contextlib.suppress(OSError, ValueError):
        fd, temp = tempfile.mkstemp(prefix=".store-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(value, handle)
            os.replace(temp, path)
            return True
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    return False
