"""Map a per-document transform over sources: serially or with a pool of worker processes.

Order is kept (outcomes come back in input order), per-document errors are collected and never
stop the batch, and heavy resources (jieba, OpenCC) are built once per worker in its initializer.
Sources go to workers in chunks, with a bounded number in flight, so memory stays flat however
many files a folder holds.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
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


# Ctrl-C and SIGTERM are held (blocked) while the pool's workers are forked: a forked worker
# would otherwise run the parent's Python-level handlers until its initializer replaced them (an
# exception raised there is printed with a traceback), and in the parent an interrupt landing
# inside the fork's after-fork hooks is printed as "Exception ignored" and lost.
_HELD_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


def _init_worker(task: Task) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it), die quietly on SIGTERM (what the
    parent sends to stop an interrupted batch: the forked-in handler would raise and print a
    traceback), then take the held signals and build heavy resources once."""
    global _worker_task
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD_SIGNALS)
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
            future = _submit(executor, sources, encoding) if sources else None
            pending.append((chunk, future))
            while len(pending) >= max_in_flight:
                yield from _collect(pending.popleft(), on_progress)
        while pending:
            yield from _collect(pending.popleft(), on_progress)
        finished = True
    finally:
        # The pool is taken down with Ctrl-C and SIGTERM held: a signal landing meanwhile would
        # have its handler raise inside whatever runs then, often a weakref callback of the
        # pool's queues or the executor, where the exception is printed ("Exception ignored")
        # and lost, or inside the shutdown itself.  Held, it is taken when the mask is restored,
        # here, once nothing of the pool is left.
        with _signals_held():
            if finished:
                try:
                    executor.shutdown(wait=True)
                except BaseException:  # interrupted (where signals cannot be held)
                    _stop_now(executor)
                    raise
            else:  # interrupted, or the consumer stopped reading (closed pipe): stop now
                _stop_now(executor)
            del executor  # its weakref callback runs now, with the signals still held


def _submit(executor: ProcessPoolExecutor, sources: list[Source],
            encoding: str | None) -> Future[list[Outcome]]:
    """Submit a chunk; the first submit forks the workers, with Ctrl-C and SIGTERM held.

    A signal that arrives meanwhile is taken when the mask is restored, that is once every worker
    is forked and known to the executor, so the clean-up in :func:`_run_pool` stops them all.
    """
    if getattr(executor, "_executor_manager_thread", True) is not None:
        return executor.submit(_work_chunk, sources, encoding)
    with _signals_held():
        return executor.submit(_work_chunk, sources, encoding)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Block Ctrl-C and SIGTERM in this thread for the block (where the platform can); one
    that arrives meanwhile is taken, by its handler, when the block ends."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _stop_now(executor: ProcessPoolExecutor) -> None:
    """Stop an interrupted pool: cancel what has not started, kill the workers, and wait until
    the pool's manager thread has finished, so that nothing of the pool is left running.

    ``shutdown(wait=False)`` forgets the executor's workers and manager thread, so they are taken
    first.  Left to the interpreter's exit hook, the manager thread races with it (the hook wakes
    the thread through a pipe that the thread closes on its way out: "OSError: handle is closed",
    printed with a traceback), and the workers go on with their queued chunks.  A worker killed
    while sending its results leaves half a message in the result pipe, which the manager thread
    would wait on for ever: once the workers are dead, the parent's own end of that pipe is
    closed, so the thread reads end of file, marks the pool broken and ends.  Chunks still
    waiting to be written to the dead workers' pipe are dropped rather than waited for.
    """
    from multiprocessing.connection import wait

    processes = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    results = getattr(executor, "_result_queue", None)
    calls = getattr(executor, "_call_queue", None)
    if calls is not None:  # chunks still buffered for the dead workers are dropped, not waited on
        calls.cancel_join_thread()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    sentinels = [process.sentinel for process in processes]
    while sentinels:  # until every worker is dead (not reaped: the manager thread reaps them)
        for ready in wait(sentinels):
            sentinels.remove(ready)
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()
    if manager is not None:
        manager.join()


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
