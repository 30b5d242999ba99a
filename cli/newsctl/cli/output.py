"""Writers: text, JSON Lines, TSV/CSV and tables; atomic files; progress and messages on stderr.

Everything that reaches the terminal goes through here (or ``app.py``).  Files are written to a
temporary file in the same folder and renamed into place only when complete, so an interrupted
run never leaves a half-written output.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any, TextIO

from newsctl.cli.messages import error_line  # noqa: F401  (re-exported for callers)
from newsctl.errors import OutputError
from newsctl.io.documents import safe_relpath

# Temporary files carry this marker so that a crash leaves something recognisable to delete.
TEMP_PREFIX = ".newsctl-tmp-"


# Characters that some line readers (Python's str.splitlines, JavaScript) take for line breaks:
# escaped in JSON output so that one record is always exactly one line for every reader.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(record: Mapping[str, Any]) -> str:
    """One JSON Lines record: UTF-8 characters as they are, not ``\\u`` escapes."""
    import json  # here, not at import: text output (the common case) never needs it

    line = json.dumps(record, ensure_ascii=False, separators=(", ", ": "))
    if any(char in line for char in _LINE_BREAKS):
        for char, escape in _LINE_BREAKS.items():
            line = line.replace(char, escape)
    return line


# Temporary files not yet committed or aborted.  A name is registered here *before* the file is
# created and forgotten only *after* it has been renamed into place, so an interrupt landing
# between any two bytecodes leaves nothing unregistered: :func:`remove_stray_temps` deletes what
# is left on the way out (a name whose file was never created, or already renamed, is skipped).
_LIVE_TEMPS: set[str] = set()

# Folders known to exist: ``-O`` over thousands of files in a few folders asks once per folder.
_FOLDERS_MADE: set[str] = set()

_CREATE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                 | getattr(os, "O_NOFOLLOW", 0))


def remove_stray_temps() -> None:
    """Delete every temporary output file still open (called when a run is interrupted)."""
    for temp in list(_LIVE_TEMPS):
        with contextlib.suppress(OSError):
            os.unlink(temp)
        _LIVE_TEMPS.discard(temp)


def _create_temp(folder: str) -> tuple[int, str]:
    """Create and open a new, registered temporary file in ``folder``.

    Mode 0o666 as for any new file (the umask applies), so the renamed output gets the
    permissions a plain ``open(path, "w")`` would have given it.
    """
    for _ in range(100):
        temp = os.path.join(folder, TEMP_PREFIX + os.urandom(6).hex())
        _LIVE_TEMPS.add(temp)
        try:
            return os.open(temp, _CREATE_FLAGS, 0o666), temp
        except FileExistsError:
            _LIVE_TEMPS.discard(temp)
        except OSError:
            _LIVE_TEMPS.discard(temp)
            raise
    raise FileExistsError("no free temporary file name")


class AtomicFile:
    """A text file written under a temporary name and renamed over ``path`` on :meth:`commit`.

    ``real`` is ``path`` with symlinks resolved, when the caller knows it already (``-O``).
    """

    def __init__(self, path: str, protected: frozenset[str] = frozenset(),
                 real: str | None = None) -> None:
        self.path = path
        if (real or os.path.realpath(path)) in protected:
            raise OutputError("refusing to write over an input file", path=path)
        folder = os.path.dirname(os.path.abspath(path))
        try:
            if folder not in _FOLDERS_MADE:
                os.makedirs(folder, exist_ok=True)
                _FOLDERS_MADE.add(folder)
            try:
                fd, self._temp = _create_temp(folder)
            except FileNotFoundError:   # the folder was removed since: make it again
                os.makedirs(folder, exist_ok=True)
                fd, self._temp = _create_temp(folder)
        except OSError as exc:
            raise OutputError(exc.strerror or "cannot create output file", path=path) from None
        # newline="" keeps our "\n" as written on every platform.
        self.stream: TextIO = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115

    def commit(self) -> None:
        """Flush and rename into place; the output now exists complete or not at all.

        No fsync: the rename already guarantees that no reader (and no interrupted run) ever
        sees a partial file; an fsync per file made ``-O`` over thousands of small articles
        several times slower (1-2 ms each) for protection against power loss only.
        """
        try:
            self.stream.close()
            os.replace(self._temp, self.path)
        except OSError as exc:
            self.abort()
            raise OutputError(exc.strerror or "cannot write output file", path=self.path) from None
        _LIVE_TEMPS.discard(self._temp)

    def abort(self) -> None:
        """Throw the partial output away."""
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self._temp)
        _LIVE_TEMPS.discard(self._temp)


@contextlib.contextmanager
def atomic_output(path: str, protected: frozenset[str] = frozenset()) -> Iterator[TextIO]:
    """Context manager: yield a stream for ``path``; keep it only if the block ends normally."""
    target = AtomicFile(path, protected)
    try:
        yield target.stream
    except BaseException:
        target.abort()
        raise
    target.commit()


class OutDir:
    """``-O DIR``: where each document's output goes, never outside DIR.

    Symlinks are resolved as for :func:`os.path.realpath`, but each folder only once per run:
    resolving every output path in full cost about 50 system calls per file.
    """

    def __init__(self, out_dir: str) -> None:
        self.out_dir = out_dir
        self.root = os.path.realpath(out_dir)
        self._folders: dict[str, str] = {}

    def target(self, relpath: str, suffix: str | None = None) -> str:
        """The resolved output path for ``relpath``; ``suffix`` replaces its extension."""
        rel = safe_relpath(relpath) or "stdin.txt"
        if suffix is not None:
            stem, _ = os.path.splitext(rel)
            rel = stem + suffix
        parent, name = os.path.split(rel)
        folder = self._folders.get(parent)
        if folder is None:
            folder = self._folders[parent] = os.path.realpath(os.path.join(self.root, parent))
        target = os.path.join(folder, name)
        if os.path.islink(target):
            target = os.path.realpath(target)
        # symlinks already inside DIR are followed: one pointing out of it is refused
        if os.path.commonpath([self.root, target]) != self.root:
            raise OutputError(f"output path escapes the output folder: {rel}", path=self.out_dir)
        return target


def out_dir_target(out_dir: str, relpath: str, suffix: str | None = None) -> str:
    """Where ``-O DIR`` puts the output for a document (see :class:`OutDir`)."""
    return OutDir(out_dir).target(relpath, suffix)


# --- messages and progress on stderr ------------------------------------------------------------


class Progress:
    """A rich progress bar on stderr, shown only on a terminal and for more than a handful of inputs."""

    MIN_ITEMS = 8

    def __init__(self, total: int | None, enabled: bool, label: str = "files") -> None:
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None
        show = enabled and sys.stderr.isatty() and (total is None or total > self.MIN_ITEMS)
        if show:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr),
                transient=True,
            )
            self._task = self._bar.add_task(label, total=total, rate="")
            self._bar.start()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._bar is not None:
            elapsed = max(time.monotonic() - self.started, 1e-9)
            self._bar.update(self._task, advance=count, rate=f"{self.done / elapsed:,.0f}/s")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


# --- reports (keywords, stats) ------------------------------------------------------------------


def write_report(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str,
    stream: IO[str],
    title: str | None = None,
) -> None:
    """Write ``rows`` as ``table`` (rich, for terminals), ``tsv``, ``csv`` or ``json`` lines."""
    if fmt == "json":
        for row in rows:
            stream.write(json_line(row) + "\n")
    elif fmt in ("tsv", "csv"):
        import csv

        buffer = io.StringIO()
        writer = csv.writer(
            buffer, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n",
            quoting=csv.QUOTE_MINIMAL,
        )
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in columns])
        stream.write(buffer.getvalue())
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_edge=False, header_style="bold")
        for column in columns:
            table.add_column(column, justify="right" if _numeric(rows, column) else "left")
        for row in rows:
            table.add_row(*(_cell(row.get(column)) for column in columns))
        Console(file=stream).print(table)
    else:  # pragma: no cover - the CLI only passes the formats above
        raise ValueError(f"unknown report format {fmt!r}")


def _numeric(rows: Sequence[Mapping[str, Any]], column: str) -> bool:
    values = [row.get(column) for row in rows if row.get(column) is not None]
    return bool(values) and all(isinstance(v, (int, float)) for v in values)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e6 else f"{value:.0f}"
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return str(value)
