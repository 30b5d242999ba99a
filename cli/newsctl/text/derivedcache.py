"""Values newsctl derives from its own code and data, kept between runs in the cache folder.

The cleaner builds the sources of its lexicon patterns (a trie of a few thousand words, the
phrase lists anchored on their rarest characters), reads from each rule's pattern which
characters can start a match, and compiles each rule table's code: about 13 ms that a short
``newsctl clean page.txt`` pays on every run, for the same results every time.  They are kept
here, keyed by what they are derived from (the kind of value and its input).  The whole store
is dropped when any file of newsctl's cleaner, text helpers or lexicons changes (a stamp of
their sizes and modification times) or the Python version does, so a result never outlives the
code or the data that made it.  Values are what :mod:`marshal` writes (strings, None, tuples,
code objects).
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from newsctl.text.cachedir import cache_dir
from newsctl.text.cachefiles import read_marshal, write_marshal

V = TypeVar("V")

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the folders whose files the derived values depend on (the code that derives them, the data)
_SOURCES = ("cleaning", "text", os.path.join("data", "clean"))

_values: dict[tuple[str, str], Any] | None = None
_stamped = ""   # the stamp of this run's sources, taken once when the store is loaded
_dirty = False


def _stamp() -> str:
    """What the stored values were derived with: the Python version and every source file's
    name, size and modification time (one directory scan per folder)."""
    parts = [sys.version]
    for folder in _SOURCES:
        try:
            with os.scandir(os.path.join(_PACKAGE, folder)) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_file():
                        info = entry.stat()
                        parts.append(f"{folder}/{entry.name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{folder}:?")
    return "\n".join(parts)


def _path() -> str | None:
    folder = cache_dir()
    return None if folder is None else os.path.join(folder, "derived.marshal")


def _load() -> dict[tuple[str, str], Any]:
    global _values, _stamped
    if _values is None:
        _values = {}
        _stamped = _stamp()
        path = _path()
        stored = read_marshal(path) if path is not None else None
        if isinstance(stored, dict) and stored.get("stamp") == _stamped and isinstance(stored.get("values"), dict):
            _values = stored["values"]
    return _values


def remembered(kind: str, key: str, build: Callable[[], V]) -> V:
    """``build()``, from the store when the value of this ``kind`` for this ``key`` (the whole
    input it is derived from) was built before."""
    global _dirty
    values = _load()
    found = values.get((kind, key), _load)   # (_load: a marker no stored value can be)
    if found is not _load:
        return found  # type: ignore[no-any-return]
    value = build()
    values[(kind, key)] = value
    if not _dirty:
        _dirty = True
        atexit.register(save)
    return value


def save() -> None:
    """Write the store if this run derived something new (at exit; process-pool workers, which
    leave without running exit handlers, call it after their warm-up)."""
    global _dirty
    path = _path()
    if not _dirty or _values is None or path is None:
        return
    _dirty = False
    write_marshal(path, {"stamp": _stamped, "values": _values})
