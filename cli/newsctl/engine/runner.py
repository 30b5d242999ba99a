"""Map a per-document transform over sources: serially or with a pool of worker processes.

Order is kept (outcomes come back in input order), per-document errors are collected and never
stop the batch, and heavy resources (jieba, OpenCC) are built once per worker in its initializer.
Sources go to workers in chunks, with a bounded number in flight, so memory stays flat however
many files a folder holds.
"""

from __future__ import annotations

import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - the pool modules are imported only for -j > 1
    from concurrent.futures import Future, ProcessPoolExecutor

from newsctl.engine.outcomes import (
    Outcome,
    Task,
    chunks,
    interleave,
    process_source,
    resolve_jobs,
    worker_died,
)
from newsctl.errors import NewsctlError
from newsctl.io.documents import Source
from newsctl.io.htmlpage import is_html, is_html_name


def run(
    items: Iterable[Source | NewsctlError],
    task: Task,
    *,
    jobs: int = 1,
    encoding: str | None = None,
    chunk_size: int = 16,
    on_progress: Callable[[int], None] | None = None,
    stream_text: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """Yield one :class:`Outcome` per item, in input order.

    ``items`` may hold errors found while expanding inputs (missing paths…); they come back as
    outcomes without documents at their place in the order.  With ``stream_text`` (and a task
    that has ``stream_source``), plain files in serial runs come back as lazy text streams, so a
    huge file is processed in bounded memory.  ``engine="dask"`` hands the work to a Dask
    cluster (``scheduler`` address, or a LocalCluster) through :mod:`newsctl.engine.distributed`.
    """
    if engine == "dask":
        from newsctl.engine.distributed import run_dask

        yield from run_dask(items, task, encoding=encoding, scheduler=scheduler,
                            jobs=jobs, chunk_size=chunk_size, on_progress=on_progress)
        return
    workers = resolve_jobs(jobs)
    if workers == 1:
        yield from _run_serial(items, task, encoding, on_progress, stream_text)
    else:
        yield from _run_pool(items, task, workers, encoding, chunk_size, on_progress)


def _run_serial(
    items: Iterable[Source | NewsctlError],
    task: Task,
    encoding: str | None,
    on_progress: Callable[[int], None] | None,
    stream_text: bool = False,
) -> Iterator[Outcome]:
    task_ready = False
    streams = stream_text and hasattr(task, "stream_source")
    for item in items:
        if isinstance(item, NewsctlError):
            yield Outcome(None, errors=(item,))
        else:
            if not task_ready:  # lazily: a run whose inputs all fail never loads jieba
                task.setup()
                task_ready = True
            if streams and not item.jsonl and item.data is None and not _looks_like_page(item):
                yield Outcome(item, stream=task.stream_source(item, encoding))  # type: ignore[attr-defined]
            else:
                yield process_source(item, task, encoding)
        if on_progress:
            on_progress(1)


def _looks_like_page(source: Source) -> bool:
    """A saved HTML page (by name, or by its first bytes) is read whole and parsed, never
    streamed line by line as text."""
    if is_html_name(source.path):
        return True
    try:
        with open(source.path, "rb") as handle:
            return is_html(source.path, handle.read(4096))
    except OSError:
        return False   # the reader reports it


# --- the process pool -------------------------------------------------------------------------

_worker_task: Task | None = None


def _init_worker(task: Task) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it) and build heavy resources once."""
    global _worker_task
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    task.setup()
    _worker_task = task


def _work_chunk(chunk: list[Source], encoding: str | None) -> list[Outcome]:
    assert _worker_task is not None, "worker used before its initializer ran"
    return [process_source(source, _worker_task, encoding) for source in chunk]


def _pool_context() -> Any:
    import multiprocessing

    # fork starts workers in milliseconds and shares the already-imported modules; elsewhere
    # (macOS, Windows) only spawn is safe.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _run_pool(
    items: Iterable[Source | NewsctlError],
    task: Task,
    workers: int,
    encoding: str | None,
    chunk_size: int,
    on_progress: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[tuple[list[Source | NewsctlError], Future[list[Outcome]] | None]] = deque()
    max_in_flight = workers * 4
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_pool_context(),
        initializer=_init_worker,
        initargs=(task,),
    )
    finished = False
    try:
        for chunk in chunks(items, chunk_size):
            sources = [item for item in chunk if isinstance(item, Source)]
            future = executor.submit(_work_chunk, sources, encoding) if sources else None
            pending.append((chunk, future))
            while len(pending) >= max_in_flight:
                yield from _collect(pending.popleft(), on_progress)
        while pending:
            yield from _collect(pending.popleft(), on_progress)
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:  # interrupted, or the consumer stopped reading (closed pipe): stop now
            executor.shutdown(wait=False, cancel_futures=True)
            _terminate_workers(executor)
            # Join the pool's manager thread now: left to the interpreter's exit hook, it can
            # race with the closing of its wake-up pipe and print a traceback.
            executor.shutdown(wait=True)


def _collect(
    entry: tuple[list[Source | NewsctlError], Future[list[Outcome]] | None],
    on_progress: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    from concurrent.futures.process import BrokenProcessPool

    chunk, future = entry
    try:
        results = future.result() if future is not None else []
    except BrokenProcessPool:
        # A worker died (killed by the OOM killer, a crash in a C extension): report every
        # input of its chunk rather than losing them silently.
        results = worker_died(chunk)
    yield from interleave(chunk, results, on_progress)


def _terminate_workers(executor: ProcessPoolExecutor) -> None:
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()
