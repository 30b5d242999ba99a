"""Compiled regular expressions kept between runs, so that a short ``newsctl clean`` starts fast.

The cleaner uses about a hundred patterns, some of them alternations of whole lexicons.  Python
compiles every one of them again in every process: about 0.1 s, a third of the cost of cleaning
one article (``newsctl clean page.txt``, run once per file by many users' scripts).  Compiling
has two stages: parsing and code generation in Python (the slow part), then ``_sre.compile`` in C
(microseconds), which takes the generated code as a list of integers.  This module stores those
integers in the user's cache folder (:func:`newsctl.text.cachedir.cache_dir`) and hands them straight
to ``_sre.compile`` next time.

The stage boundary is a private interface of CPython's ``re`` package, so everything here is
guarded: the store is keyed by the interpreter's version and the SRE engine's magic number,
``_sre`` checks the code it is given (bad code raises, it does not crash), and any failure falls
back to ``re.compile`` for good.  Only patterns written in newsctl go through here; a user's own
patterns (``--rules``) use ``re.compile``.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
from array import array
from typing import Any

from newsctl.text.cachedir import cache_dir
from newsctl.text.cachefiles import read_marshal, write_marshal

try:
    import _sre  # type: ignore[import-not-found]  # CPython's regex engine (builtin): no stubs
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

# (pattern, flags) -> the arguments of _sre.compile except the pattern itself
# (final flags, code, groups, groupindex, indexgroup): the arguments of _sre.compile after the
# pattern, the code kept as the bytes of an array of unsigned 32-bit ints (one object to load,
# not one per int: a store of 200 patterns loads in 0.5 ms instead of 5)
_Args = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]

# Entries kept in the store at most: a guard against growth from patterns that change between
# newsctl versions (each version adds its own); the store is rebuilt from this run's patterns.
MAX_ENTRIES = 300

_store: dict[tuple[str, int], _Args] | None = None
_used: set[tuple[str, int]] = set()   # the patterns this process asked for
_dirty = False
_broken = False     # the private interface did not behave: plain re.compile from now on


def _engine() -> tuple[Any, Any, Any] | None:
    """(_sre, parser module, compiler module) of this interpreter, or None if not as expected."""
    try:
        if sys.version_info >= (3, 11):
            from re import _compiler, _parser  # type: ignore[attr-defined]
        else:  # pragma: no cover - Python 3.10
            import sre_compile as _compiler
            import sre_parse as _parser
        # the attributes used below, checked once instead of failing half-way
        _compiler._code, _parser.parse, _sre.compile, _sre.MAGIC  # noqa: B018
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - not CPython
        return None
    return _sre, _parser, _compiler


def _store_path() -> str | None:
    folder = cache_dir()
    engine = _engine()
    if folder is None or engine is None:
        return None
    version = "".join(map(str, sys.version_info[:3]))
    return os.path.join(folder, f"regex-{sys.implementation.name}{version}-{engine[0].MAGIC}.marshal")


def _load() -> dict[tuple[str, int], _Args]:
    global _store
    if _store is None:
        _store = {}
        path = _store_path()
        if path is not None:
            loaded = read_marshal(path)
            if isinstance(loaded, dict):
                _store = loaded
    return _store


def _generate(pattern: str, flags: int) -> _Args:
    """Parse and generate code for ``pattern`` the way ``re.compile`` does (CPython 3.10-3.13)."""
    engine = _engine()
    if engine is None:
        raise TypeError("no SRE engine")
    _, parser, compiler = engine
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, array("I", code).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _sre_compile(pattern: str, args: _Args) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = args
    return _sre.compile(  # type: ignore[no-any-return]
        pattern, final_flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the store when this pattern was compiled before."""
    global _dirty, _broken
    if _broken:
        return re.compile(pattern, flags)
    store = _load()
    flags = int(flags)   # a re.RegexFlag is an int subclass that marshal does not store
    key = (pattern, flags)
    _used.add(key)
    args = store.get(key)
    if args is not None:
        try:
            return _sre_compile(pattern, args)
        except Exception:  # noqa: BLE001 - a damaged or foreign store: recompile, rewrite
            del store[key]
    try:
        args = _generate(pattern, flags)
        compiled = _sre_compile(pattern, args)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the private interface changed: stop using it
        _broken = True
        return re.compile(pattern, flags)
    store[key] = args
    if not _dirty:
        _dirty = True
        atexit.register(save)
    return compiled


def save() -> None:
    """Write newly compiled patterns to the store (atomically; silently skipped if impossible).

    Runs at exit; process-pool workers (which leave without running exit handlers) call it after
    their warm-up.
    """
    global _dirty
    if not _dirty or _store is None:
        return
    _dirty = False
    path = _store_path()
    if path is None:
        return
    entries = _store if len(_store) <= MAX_ENTRIES else {
        key: args for key, args in _store.items() if key in _used}
    write_marshal(path, entries)
