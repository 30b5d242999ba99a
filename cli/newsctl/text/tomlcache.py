"""Built-in TOML data files, parsed once and kept in the user's cache folder.

Importing :mod:`tomllib` and parsing the cleaner's label table costs about 8 ms, which a short
``newsctl clean page.txt`` pays on every run.  The parsed table is stored with :mod:`marshal`
(plain dicts, lists and strings), keyed by the file's path, size and modification time, so an
edited file is parsed again.  Any problem with the cache means parsing the file as usual.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib
from typing import Any

from newsctl.text.cachedir import cache_dir
from newsctl.text.cachefiles import read_marshal, write_marshal


def _parse(path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def load_toml(path: str) -> dict[str, Any]:
    """The parsed contents of the TOML file ``path`` (a file shipped with newsctl)."""
    folder = cache_dir()
    try:
        info = os.stat(path)
    except OSError:
        return _parse(path)   # reports the problem as opening the file does
    if folder is None:
        return _parse(path)
    key = f"{os.path.abspath(path)}\0{info.st_size}\0{info.st_mtime_ns}\0{sys.version_info[:2]}"
    # crc32, not hashlib: importing hashlib alone costs more than the parse this saves
    name = f"toml-{os.path.basename(path)}-{zlib.crc32(key.encode('utf-8')):08x}.marshal"
    stored = os.path.join(folder, name)
    data = read_marshal(stored)
    if isinstance(data, dict):
        return data
    data = _parse(path)
    if write_marshal(stored, data):
        # copies of earlier versions of this file are of no use any more
        prefix = f"toml-{os.path.basename(path)}-"
        with contextlib.suppress(OSError):
            for old in os.listdir(folder):
                if old.startswith(prefix) and old.endswith(".marshal") and old != name:
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, old))
    return data
