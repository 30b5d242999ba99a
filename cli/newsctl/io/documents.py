"""The ``Document`` type and the loader every command shares.

Inputs are expanded into :class:`Source` items first (cheap: paths only), and each source is read
and decoded later, by whichever process handles it: the main one, a pool worker or a Dask worker.
That keeps a folder of 100,000 files streaming, with memory flat.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import itertools
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from newsctl.errors import InputError, JsonLinesError, NewsctlError
from newsctl.io.encodings import decode_bytes, normalize_newlines
from newsctl.io.htmlpage import Page, is_html
from newsctl.text import regexcache

STDIN = "-"
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.html", "*.htm")

# Keys of a JSON Lines record that map onto Document attributes; every other key is carried through.
_CORE_KEYS = ("path", "encoding", "text", "meta")


@dataclass(frozen=True)
class Document:
    """One article: its text, where it came from, and what earlier steps found out about it."""

    path: str
    relpath: str
    text: str
    encoding: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    fields: Mapping[str, Any] = field(default_factory=dict)
    nbytes: int | None = None  # size of the input file in bytes (None for JSON Lines records)
    # a parsed HTML page (its ``text`` is then the page's text, one line per text node); only
    # the cleaner reads its markup evidence, and a task's result no longer carries it
    page: Page | None = field(default=None, repr=False, compare=False)
    from_page: bool = False   # read from a saved HTML page (its text is the page's lines)

    def replace(self, **changes: Any) -> Document:
        """Return a copy with some attributes changed (documents are immutable).

        What ``dataclasses.replace`` does (a name that is no field is refused), without calling
        ``__init__`` with every field again through the frozen class's ``object.__setattr__``:
        a quarter of the cost, paid once per document by every task."""
        unknown = changes.keys() - _DOCUMENT_FIELDS
        if unknown:
            raise TypeError(f"Document has no field {min(unknown)!r}")
        copy = object.__new__(Document)
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        return copy

    def with_fields(self, **new_fields: Any) -> Document:
        """Return a copy with ``new_fields`` added to (or replacing entries of) ``fields``."""
        if not new_fields:
            return self   # nothing to add (most cleaned documents): immutable, so shared as is
        return dataclasses.replace(self, fields={**self.fields, **new_fields})

    def to_record(self, include_text: bool = True) -> dict[str, Any]:
        """The JSON Lines record for this document (its fields: README.md, "JSON Lines")."""
        record: dict[str, Any] = {"path": self.path, "encoding": self.encoding}
        if include_text:
            record["text"] = self.text
        if self.meta:
            record["meta"] = dict(self.meta)
        record.update(self.fields)
        return record


_DOCUMENT_FIELDS = frozenset(f.name for f in dataclasses.fields(Document))


@dataclass(frozen=True)
class Source:
    """Something to read: a file, a JSON Lines file, or stdin's bytes (read by the main process)."""

    path: str
    relpath: str
    jsonl: bool = False
    data: bytes | None = None  # only for stdin, which a worker process cannot read itself
    real: str = ""             # the path with symlinks resolved (outputs never overwrite it)
    first_line: int = 1        # the line number of data's first line (a record of stdin)


def given_tokens(document: Document) -> list[str] | None:
    """The words a record already carries (``"tokens"`` from ``segment --json``), else None."""
    tokens = document.fields.get("tokens")
    # a list of strings as segment --json writes it (checked by its ends: a record's tokens
    # run to millions, and a stray non-string is skipped where they are counted)
    if isinstance(tokens, list) and all(isinstance(t, str) for t in tokens[:1] + tokens[-1:]):
        return tokens
    return None


def expand_inputs(
    inputs: Sequence[str],
    globs: Sequence[str] = DEFAULT_GLOBS,
    exclude_dirs: Iterable[str] = (),
    stdin: Any = None,
) -> Iterator[Source | NewsctlError]:
    """Turn command-line inputs into sources, in a stable sorted order, yielding errors in place.

    Folders are walked recursively (symlinked folders are not followed, so a link cannot make the
    walk loop); only files whose name matches one of ``globs`` are taken.  ``exclude_dirs`` (an
    ``-O`` folder inside an input folder) are skipped so that outputs are never read back.  A path
    given twice is read once.
    """
    excluded = {os.path.realpath(d) for d in exclude_dirs}
    seen: set[str] = set()
    for given in inputs:
        if given == STDIN:
            yield from _stdin_sources(stdin)
            continue
        try:
            st = os.stat(given)
        except FileNotFoundError:
            if os.path.islink(given):
                yield InputError("dangling symbolic link", path=given)
            else:
                yield InputError("no such file or directory", path=given)
            continue
        except OSError as exc:
            yield InputError(exc.strerror or "cannot read", path=given)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_folder(given, globs, excluded, seen)
            continue
        real = os.path.realpath(given)
        if real in seen:
            continue
        seen.add(real)
        yield Source(given, os.path.basename(given), jsonl=given.endswith(".jsonl"), real=real)


def _stdin_sources(stdin: Any) -> Iterator[Source]:
    """Stdin as sources: JSON Lines (its first non-blank character is ``{``) one source per
    record, read as the records arrive, so that a command in a pipeline starts on the first
    record while the one before it is still writing; any other text as one source."""
    stream = stdin.buffer if hasattr(stdin, "buffer") else stdin
    lines = iter(stream)
    head: list[bytes] = []
    for raw in lines:
        line = raw.encode("utf-8") if isinstance(raw, str) else raw   # a text stream (tests)
        head.append(line)
        if line.strip():
            break
    if not (head and head[-1].lstrip()[:1] == b"{"):
        rest = (raw.encode("utf-8") if isinstance(raw, str) else raw for raw in lines)
        yield Source(STDIN, "stdin.txt", data=b"".join([*head, *rest]))
        return
    for number, raw in enumerate(itertools.chain(head, lines), start=1):
        line = raw.encode("utf-8") if isinstance(raw, str) else raw
        if line.strip():
            yield Source(STDIN, "stdin.txt", jsonl=True, data=line, first_line=number)


def _walk_folder(
    root: str, globs: Sequence[str], excluded: set[str], seen: set[str]
) -> Iterator[Source | NewsctlError]:
    found = 0
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        # resolved once per folder: a file that is not a link resolves to real_dir/name (a full
        # realpath per file cost about six system calls each, over 100,000 files)
        real_dir = os.path.realpath(dirpath)
        dirnames[:] = sorted(d for d in dirnames if os.path.join(real_dir, d) not in excluded)
        rel_dir = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            if not any(fnmatch.fnmatchcase(name, pattern) for pattern in globs):
                continue
            full = os.path.join(dirpath, name)
            found += 1
            if os.path.islink(full):
                if not os.path.exists(full):
                    yield InputError("dangling symbolic link", path=full)
                    continue
                real = os.path.realpath(full)
            else:
                real = os.path.join(real_dir, name)
            if real in seen:
                continue
            seen.add(real)
            rel = name if rel_dir == os.curdir else os.path.join(rel_dir, name)
            yield Source(full, rel, jsonl=name.endswith(".jsonl"), real=real)
    for error in errors:
        yield InputError(error.strerror or "cannot read folder", path=error.filename or root)
    if found == 0 and not errors:
        patterns = " ".join(globs)
        yield InputError(f"no files matching {patterns} in this folder", path=root)


def read_source(source: Source, encoding: str | None = None) -> Iterator[Document | NewsctlError]:
    """Read and decode one source into documents (one for a text file, one per JSON Lines line).

    A JSON Lines file with one bad line yields an error for that line and goes on with the rest;
    a file that cannot be read or decoded yields a single error.
    """
    try:
        data = source.data if source.data is not None else read_bytes(source.path)
        if source.jsonl:
            yield from _parse_jsonl(data, source, encoding)
            return
        if is_html(source.path, data):
            yield _html_document(data, source, encoding)
            return
        decoded = decode_bytes(data, source.path, encoding)
    except NewsctlError as error:
        yield error
        return
    yield Document(source.path, source.relpath, decoded.text, decoded.encoding, nbytes=len(data))


def _html_document(data: bytes, source: Source, encoding: str | None) -> Document:
    """A saved page: decoded as it declares, its text the page's lines, its markup kept for
    the cleaner; written out (``-O``) as ``.txt`` beside the mirrored path."""
    from newsctl.io.htmlpage import decode_html, parse_page

    decoded = decode_html(data, source.path, encoding)
    page = parse_page(decoded.text)
    relpath = str(PurePosixPath(source.relpath).with_suffix(".txt"))
    return Document(source.path, relpath, page.text, decoded.encoding, nbytes=len(data),
                    page=page, from_page=True)


def read_bytes(path: str) -> bytes:
    try:
        # unbuffered: the whole file is read in one call, a buffer in between would only copy it
        with open(path, "rb", buffering=0) as handle:
            return handle.read()
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except FileNotFoundError:
        raise InputError("no such file or directory", path=path) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read", path=path) from None


def _parse_jsonl(
    data: bytes, source: Source, encoding: str | None
) -> Iterator[Document | NewsctlError]:
    import json  # JSON Lines input only

    text = decode_bytes(data, source.path, encoding, check_text=False).text
    stem = _stem(source.relpath)
    for number, line in enumerate(text.split("\n"), start=source.first_line):
        if not line.strip():
            continue
        where = f"{source.path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield JsonLinesError(f"not valid JSON ({exc.msg})", path=where)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield JsonLinesError('each line must be a JSON object with a string "text"', where)
            continue
        if _has_surrogate(line):
            # JSON can escape a lone surrogate ("\ud800"); it is not text and cannot be written
            # as UTF-8, so the record is refused rather than silently altered.
            yield JsonLinesError("contains a lone surrogate escape (not valid Unicode)", where)
            continue
        yield _record_to_document(record, where, f"{stem}-{number}.txt")


_SURROGATE_ESCAPE = regexcache.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_surrogate(line: str) -> bool:
    """Whether a JSON line escapes a surrogate that is not part of a valid pair."""
    if not _SURROGATE_ESCAPE.search(line):
        return False
    import json

    try:
        json.dumps(json.loads(line), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _record_to_document(record: dict[str, Any], where: str, fallback_rel: str) -> Document:
    path = record.get("path")
    if not isinstance(path, str) or not path:
        path = where
        relpath = fallback_rel
    else:
        relpath = safe_relpath(path) or fallback_rel
    meta = record.get("meta")
    encoding = record.get("encoding")
    extra = {k: v for k, v in record.items() if k not in _CORE_KEYS}
    text = normalize_newlines(record["text"])
    page = None
    if text[:1] == "<" and is_html("", text[:4096].encode("utf-8", "replace")):
        # a scraper's record holding the page's HTML: read it as a saved page
        from newsctl.io.htmlpage import parse_page

        page = parse_page(text)
        text = page.text
    return Document(
        path=path,
        relpath=relpath,
        text=text,
        encoding=encoding if isinstance(encoding, str) else None,
        meta=meta if isinstance(meta, dict) else {},
        fields=extra,
        page=page,
        from_page=page is not None,
    )


@functools.lru_cache(maxsize=64)
def _stem(relpath: str) -> str:
    """``relpath`` without its suffix (stdin's records all share one: asked once, not per record)."""
    return str(PurePosixPath(relpath).with_suffix(""))


def safe_relpath(path: str) -> str:
    """A relative path that stays inside an output folder: no root, drive, ``..`` or empty parts.

    Plain string splitting (every JSON Lines record's path comes through here; PurePosixPath
    took a fifth of a record's reading time), and a path starting with two slashes loses them
    like any other root.
    """
    return "/".join(part for part in path.replace("\\", "/").split("/")
                    if part not in ("", ".", "..") and not part.endswith(":"))
