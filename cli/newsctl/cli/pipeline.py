"""What every command does around its transform: inputs in, runner, writers out, exit code.

``app.py`` parses options into a :class:`CommonOptions` and a task, then calls
:func:`run_transform` (clean, convert, segment: one output per document) or
:func:`collect_documents` (keywords, stats: a report over all documents).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, TextIO

from newsctl.cli.messages import ExitCode, error_line
from newsctl.cli.output import AtomicFile, OutDir, Progress, atomic_output, json_line
from newsctl.engine.outcomes import Outcome, Task
from newsctl.engine.runner import run
from newsctl.errors import NewsctlError, OutputError, UsageError
from newsctl.io.documents import STDIN, Document, Source, expand_inputs


class CommonOptions(NamedTuple):
    """The options every command shares (docs/reference.md lists them per command)."""

    inputs: tuple[str, ...] = ()
    json: bool = False
    output: str | None = None
    out_dir: str | None = None
    encoding: str | None = None
    jobs: int | None = None  # None: one per CPU for folders, 1 otherwise
    globs: tuple[str, ...] = ("*.txt",)
    quiet: bool = False
    fail_fast: bool = False
    engine: str = "local"  # "local" (this machine) or "dask" (a Dask cluster)
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster


class RunStats:
    """What the summary line and the exit code are made from."""

    __slots__ = ("documents", "failed", "folder_run", "inputs")

    def __init__(self, folder_run: bool = False) -> None:
        self.inputs = 0
        self.documents = 0
        self.failed = 0
        self.folder_run = folder_run

    def exit_code(self) -> ExitCode:
        if self.failed and not self.documents:
            return ExitCode.USAGE  # nothing could be processed
        return ExitCode.FAILED if self.failed else ExitCode.OK


class FailFast(Exception):
    """Raised internally to stop a batch at the first failure (``--fail-fast``)."""


def resolve_inputs(options: CommonOptions, stdin: Any = None) -> tuple[str, ...]:
    """The inputs to read: as given, or ``-`` when none were given and stdin is not a terminal."""
    stdin = stdin if stdin is not None else sys.stdin
    if options.inputs:
        return options.inputs
    if stdin is None or (hasattr(stdin, "isatty") and stdin.isatty()):
        raise UsageError("no input: give files or folders, or pipe text in (see --help)")
    return (STDIN,)


def _plan(options: CommonOptions, stdin: Any) -> tuple[Sequence[Source | NewsctlError] | Iterator[Source | NewsctlError], RunStats, int]:
    if options.output and options.out_dir:
        raise UsageError("use either -o/--output or -O/--out-dir, not both")
    inputs = resolve_inputs(options, stdin)
    if inputs.count(STDIN) > 1:
        raise UsageError("'-' (stdin) can be given only once")
    exclude = [options.out_dir] if options.out_dir else []
    # Paths only (no file contents): a list is fine even for 100,000 files, and gives the
    # progress bar its total.  Stdin alone stays lazy: its JSON Lines records are worked on as
    # they arrive (a pipeline's stages then run side by side).
    expanded = expand_inputs(inputs, options.globs, exclude, stdin=stdin or sys.stdin)
    items = expanded if tuple(inputs) == (STDIN,) else list(expanded)
    stats = RunStats(folder_run=any(os.path.isdir(p) for p in inputs if p != STDIN))
    jobs = options.jobs if options.jobs is not None else (0 if stats.folder_run else 1)
    return items, stats, jobs


def _protected(items: Sequence[Source | NewsctlError] | Iterator[Source | NewsctlError]) -> frozenset[str]:
    if not isinstance(items, Sequence):
        return frozenset()   # stdin alone: no input file to protect
    return frozenset(
        item.real or os.path.realpath(item.path)
        for item in items
        if isinstance(item, Source) and item.path != STDIN
    )


def _outcomes(
    options: CommonOptions, task: Task,
    items: Sequence[Source | NewsctlError] | Iterator[Source | NewsctlError], jobs: int,
    stats: RunStats, stream_text: bool = False,
) -> Iterator[Outcome]:
    """Run the task and report errors as they come; count what happened."""
    total = len(items) if isinstance(items, Sequence) else None
    progress = Progress(total, enabled=not options.quiet)
    outcomes = run(items, task, jobs=jobs, encoding=options.encoding,
                   on_progress=progress.advance, stream_text=stream_text,
                   engine=options.engine, scheduler=options.scheduler)
    try:
        for outcome in outcomes:
            stats.inputs += 1
            for error in outcome.errors:
                _report(stats, error)
            if outcome.errors and options.fail_fast:
                raise FailFast()
            yield outcome
    finally:
        # Stop the engine (a process pool's workers and threads) now, whatever stopped the run,
        # rather than whenever the generator is collected: never as late as the interpreter's exit.
        _close(outcomes)
        progress.close()
    if stats.folder_run and not options.quiet:
        error_line(
            f"{stats.inputs} inputs, {stats.documents} documents, {stats.failed} failed, "
            f"{progress.seconds:.1f} s"
        )


def _close(iterator: Iterator[Any]) -> None:
    close = getattr(iterator, "close", None)  # a generator's; a plain iterator holds nothing
    if close is not None:
        close()


def _report(stats: RunStats, error: NewsctlError) -> None:
    error_line(str(error))
    stats.failed += 1


def _pieces(
    outcome: Outcome, render: Callable[[Document], str]
) -> Iterator[tuple[str, Iterator[str], bool]]:
    """(relpath, text chunks, lazy) for each output of an outcome: a lazy stream (which can fail
    midway) or rendered documents (already whole: nothing can fail while they are copied)."""
    if outcome.stream is not None and outcome.source is not None:
        yield outcome.source.relpath, outcome.stream, True
    for document in outcome.documents:
        yield document.relpath, iter((render(document),)), False


def _copy(chunks: Iterator[str], stream: TextIO) -> None:
    """Write chunks, ending with exactly one newline if there was any text."""
    last = ""
    for chunk in chunks:
        if chunk:
            stream.write(chunk)
            last = chunk
    if last and not last.endswith("\n"):
        stream.write("\n")


def run_transform(
    options: CommonOptions,
    task: Task,
    render_text: Callable[[Document], str],
    render_json: Callable[[Document], dict[str, Any]] | None = None,
    separator: str = "",
    stdin: Any = None,
    stdout: TextIO | None = None,
    in_place: bool = False,
    backup: bool = False,
) -> ExitCode:
    """Run a one-output-per-document command (clean, convert, segment) and write its results.

    ``render_text`` turns a transformed document into its text output (without a final newline);
    ``separator`` goes between the outputs of consecutive documents on one stream.  Tasks with
    a ``stream_source`` method get plain files streamed through them in text mode (serial runs).
    With ``in_place`` each input file is replaced (atomically) by its output.
    """
    items, stats, jobs = _plan(options, stdin)
    render_json = render_json or (lambda document: document.to_record())
    out = stdout or sys.stdout

    def render(document: Document) -> str:
        return json_line(render_json(document)) if options.json else render_text(document)

    protected = _protected(items)
    outcomes = _outcomes(options, task, items, jobs, stats, stream_text=not options.json)
    try:
        _write_outcomes(options, outcomes, stats, render, protected, separator, out, in_place, backup)
    except FailFast:
        pass
    finally:
        _close(outcomes)  # an interrupted run stops its engine here, before the guard reports it
    return stats.exit_code()


def _write_outcomes(
    options: CommonOptions, outcomes: Iterator[Outcome], stats: RunStats,
    render: Callable[[Document], str], protected: frozenset[str], separator: str, out: TextIO,
    in_place: bool, backup: bool,
) -> None:
    if in_place:
        if options.output or options.out_dir:
            raise UsageError("--in-place writes each input back; do not combine with -o/-O")
        _write_files(outcomes, stats, render, lambda o, rel: _in_place_target(o, backup))
    elif options.out_dir:
        out_dir = OutDir(options.out_dir)
        suffix = ".jsonl" if options.json else None

        def target(outcome: Outcome, rel: str) -> AtomicFile:
            path = out_dir.target(rel, suffix)
            return AtomicFile(path, protected, real=path)

        _write_files(outcomes, stats, render, target)
    elif options.output:
        with atomic_output(options.output, protected) as stream:
            _write_stream(outcomes, stats, render, separator if not options.json else "", stream)
    else:
        _write_stream(outcomes, stats, render, separator if not options.json else "", out)


def _write_stream(
    outcomes: Iterator[Outcome], stats: RunStats, render: Callable[[Document], str],
    separator: str, stream: TextIO,
) -> None:
    first = True
    for outcome in outcomes:
        for _, chunks, lazy in _pieces(outcome, render):
            # A file can turn out undecodable midway through streaming: in a file output, cut
            # what it had written so far; on a pipe, what was written has already gone.  Only a
            # lazy stream can fail so, and tell() flushes and costs ~15 us: rendered text skips it.
            start = stream.tell() if lazy and stream.seekable() else None
            if not first and separator:
                stream.write(separator)
            try:
                _copy(chunks, stream)
            except NewsctlError as error:
                if start is not None:
                    stream.seek(start)
                    stream.truncate()
                _report(stats, error)
                continue
            first = False
            stats.documents += 1
    stream.flush()


def _write_files(
    outcomes: Iterator[Outcome], stats: RunStats, render: Callable[[Document], str],
    target: Callable[[Outcome, str], AtomicFile],
) -> None:
    """One output file per document, each written atomically."""
    for outcome in outcomes:
        for rel, chunks, _ in _pieces(outcome, render):
            try:
                handle = target(outcome, rel)
            except OutputError as error:
                _report(stats, error)
                continue
            try:
                _copy(chunks, handle.stream)
            except NewsctlError as error:
                handle.abort()
                _report(stats, error)
                continue
            except BaseException:
                handle.abort()
                raise
            handle.commit()
            stats.documents += 1


def _in_place_target(outcome: Outcome, backup: bool) -> AtomicFile:
    source = outcome.source
    if source is None or source.path == STDIN:
        raise OutputError("--in-place needs files, not stdin", path=STDIN)
    if source.jsonl and len(outcome.documents) != 1:
        raise OutputError("--in-place does not rewrite JSON Lines files", path=source.path)
    if any(document.from_page for document in outcome.documents):
        # the output is the page's text: writing it back would lose the markup
        raise OutputError("--in-place does not rewrite saved HTML pages (write them with -O DIR)",
                          path=source.path)
    if backup:
        import shutil

        try:
            shutil.copy2(source.path, source.path + ".bak")
        except OSError as exc:
            raise OutputError(exc.strerror or "cannot write backup", path=source.path) from None
    return AtomicFile(source.path)


def collect_documents(
    options: CommonOptions, task: Task, stdin: Any = None
) -> tuple[Iterator[Document], RunStats]:
    """Run a task and stream the transformed documents (for reports over all inputs)."""
    items, stats, jobs = _plan(options, stdin)

    def documents() -> Iterator[Document]:
        try:
            for outcome in _outcomes(options, task, items, jobs, stats):
                for document in outcome.documents:
                    stats.documents += 1
                    yield document
        except FailFast:
            return

    return documents(), stats
