"""Writers: text, JSON Lines, TSV/CSV and tables; atomic files; progress and messages on stderr.

Everything that reaches the terminal goes through here (or ``app.py``).  Files are written to a
temporary file in the same folder and renamed into place only when complete, so an interrupted
run never leaves a half-written output.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any, TextIO

from newsctl.documents import safe_relpath
from newsctl.errors import OutputError
from newsctl.messages import error_line  # noqa: F401  (re-exported for callers)

# Temporary files carry this marker so that a crash leaves something recognisable to delete.
TEMP_PREFIX = ".newsctl-tmp-"


# Characters that some line readers (Python's str.splitlines, JavaScript) take for line breaks:
# escaped in JSON output so that one record is always exactly one line for every reader.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(record: Mapping[str, Any]) -> str:
    """One JSON Lines record: UTF-8 characters as they are, not ``\\u`` escapes."""
    import json   # here, not at import: text output (the common case) never needs it

    line = json.dumps(record, ensure_ascii=False, separators=(", ", ": "))
    if any(char in line for char in _LINE_BREAKS):
        for char, escape in _LINE_BREAKS.items():
            line = line.replace(char, escape)
    return line


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back for a few system calls, so that a temporary file is never
    created or renamed half-way and always gets registered; the signal is acted on right after.

    Python runs signal handlers in the main thread between bytecodes whichever thread the OS
    delivered the signal to (the process pool has threads), so blocking at the OS level is not
    enough: the Python-level handlers are swapped for one that only remembers the signal.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def remember(signum: int, frame: object) -> None:
        pending.append(signum)

    previous = {sig: signal.signal(sig, remember) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for signum in pending[:1]:
            handler = previous[signum]
            if callable(handler):
                handler(signum, None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), signum)


# Temporary files not yet committed or aborted.  An interrupt can land between two bytecodes
# anywhere; whatever it leaves here is removed by :func:`remove_stray_temps` on the way out.
_LIVE_TEMPS: set[str] = set()


def remove_stray_temps() -> None:
    """Delete every temporary output file still open (called when a run is interrupted)."""
    for temp in list(_LIVE_TEMPS):
        with contextlib.suppress(OSError):
            os.unlink(temp)
        _LIVE_TEMPS.discard(temp)


class AtomicFile:
    """A text file written under a temporary name and renamed over ``path`` on :meth:`commit`."""

    def __init__(self, path: str, protected: frozenset[str] = frozenset()) -> None:
        self.path = path
        real = os.path.realpath(path)
        if real in protected:
            raise OutputError("refusing to write over an input file", path=path)
        folder = os.path.dirname(os.path.abspath(path))
        import tempfile   # not at import time: most runs write to stdout

        with _signals_deferred():
            try:
                os.makedirs(folder, exist_ok=True)
                fd, self._temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
                _LIVE_TEMPS.add(self._temp)
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
        with _signals_deferred():
            try:
                self.stream.flush()
                self.stream.close()
                os.chmod(self._temp, 0o666 & ~_umask())
                os.replace(self._temp, self.path)
                _LIVE_TEMPS.discard(self._temp)
            except OSError as exc:
                self.abort()
                raise OutputError(exc.strerror or "cannot write output file", path=self.path) from None

    def abort(self) -> None:
        """Throw the partial output away."""
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self._temp)
        _LIVE_TEMPS.discard(self._temp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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


def out_dir_target(out_dir: str, relpath: str, suffix: str | None = None) -> str:
    """Where ``-O DIR`` puts the output for a document, never outside DIR.

    ``suffix`` replaces the file's extension (``.jsonl`` outputs of ``.txt`` inputs, say).
    """
    rel = safe_relpath(relpath) or "stdin.txt"
    if suffix is not None:
        stem, _ = os.path.splitext(rel)
        rel = stem + suffix
    root = os.path.realpath(out_dir)
    target = os.path.realpath(os.path.join(root, rel))
    # realpath resolves symlinks already inside DIR: a link pointing out of it is refused.
    if os.path.commonpath([root, target]) != root:
        raise OutputError(f"output path escapes the output folder: {rel}", path=out_dir)
    return target


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
