"""What every engine shares: the per-document task, what became of each source, and chunks.

The local runner (serial and process pool) and the Dask engine both map a :class:`Task` over
sources in chunks and give back one :class:`Outcome` per source, in input order; the pieces they
share live here, so that neither engine imports the other's module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from newsctl.errors import NewsctlError
from newsctl.io.documents import Document, Source, read_source


class Task(Protocol):
    """A picklable per-document transform; ``setup`` builds its heavy resources once per process."""

    def setup(self) -> None: ...

    def __call__(self, document: Document) -> Document: ...


class InternalError(NewsctlError):
    """A bug in newsctl met while processing one input; reported on that input, the batch goes on."""


@dataclass(frozen=True)
class Outcome:
    """What became of one source: the transformed documents and the errors met on the way."""

    source: Source | None
    documents: tuple[Document, ...] = ()
    errors: tuple[NewsctlError, ...] = ()
    # Text output produced lazily, chunk by chunk (line-streaming tasks in serial runs only);
    # iterating it may raise NewsctlError for a file that turns out to be undecodable midway.
    stream: Iterator[str] | None = None


class StreamingTask(Task, Protocol):
    """A task that can also turn a whole plain-text file into text output chunk by chunk."""

    def stream_source(self, source: Source, encoding: str | None) -> Iterator[str]: ...


def process_source(source: Source, task: Task, encoding: str | None) -> Outcome:
    """Read one source and transform each of its documents, collecting errors per document."""
    documents: list[Document] = []
    errors: list[NewsctlError] = []
    for item in read_source(source, encoding):
        if isinstance(item, NewsctlError):
            errors.append(item)
            continue
        try:
            done = task(item)
            # the markup was for the task; results travel between processes without it
            documents.append(done.replace(page=None) if done.page is not None else done)
        except NewsctlError as error:
            errors.append(error if error.path else type(error)(error.message, path=item.path))
        except RecursionError:
            errors.append(InternalError("text too deeply nested to process", path=item.path))
        except Exception as exc:  # noqa: BLE001 - a bug on one input must not lose the others
            errors.append(_internal(exc, item.path))
    return Outcome(source, tuple(documents), tuple(errors))


def _internal(exc: Exception, path: str) -> InternalError:
    if os.environ.get("NEWSCTL_DEBUG"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    return InternalError(
        f"internal error ({type(exc).__name__}: {exc}); please report it "
        "(NEWSCTL_DEBUG=1 shows the traceback)",
        path=path,
    )


def resolve_jobs(jobs: int) -> int:
    """``0`` means one worker per CPU this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunks(
    items: Iterable[Source | NewsctlError], size: int
) -> Iterator[list[Source | NewsctlError]]:
    chunk: list[Source | NewsctlError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def worker_died(chunk: list[Source | NewsctlError]) -> list[Outcome]:
    """One error outcome per source of a chunk whose worker process died (any engine)."""
    message = "worker process died while processing this input"
    return [Outcome(item, errors=(InternalError(message, path=item.path),))
            for item in chunk if isinstance(item, Source)]


def interleave(
    chunk: list[Source | NewsctlError], results: list[Outcome],
    on_progress: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    """A chunk's outcomes in input order: the sources' results, expansion errors in place."""
    outcomes = iter(results)
    for item in chunk:
        if isinstance(item, NewsctlError):
            yield Outcome(None, errors=(item,))
        else:
            yield next(outcomes)
        if on_progress:
            on_progress(1)
