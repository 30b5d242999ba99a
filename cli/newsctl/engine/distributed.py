"""Run a batch on a Dask cluster (``--engine dask``; ``pip install 'newsctl[dask]'``).

The contract is the process pool's (:func:`newsctl.engine.runner.run`): one :class:`Outcome` per item, in
input order, per-input errors collected and never lost.  Sources go to the workers in chunks of
paths, not contents, with a bounded number in flight; each worker reads its files itself, builds
the task's heavy resources once per process, and sends back the transformed documents.  The
client writes every output with the same code as the local engine, so the output is the same.

What a worker needs: the same newsctl installed, and every input (and ``--dict`` / stop-word
file) visible at the same path.  Outputs (``-o``, ``-O``) are written by the client only.

Without ``--scheduler``, a :class:`distributed.LocalCluster` is started on this machine for the
run and shut down at its end (the cluster and the client: :mod:`newsctl.engine.daskcluster`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import itertools
import os
import pickle
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsctl.engine.daskcluster import cannot_import_message, connect
from newsctl.engine.outcomes import (
    Outcome,
    Task,
    chunks,
    interleave,
    process_source,
    worker_died,
)
from newsctl.errors import ClusterError, DependencyError, NewsctlError
from newsctl.io.documents import Source, read_bytes

if TYPE_CHECKING:  # pragma: no cover - distributed is an optional dependency
    from distributed import Client, Future

MISSING_EXTRA = "--engine dask needs the dask extra: pip install 'newsctl[dask]'"

# Chunks queued per worker thread: enough to keep every worker busy while the client writes
# outputs, few enough that memory stays flat (as in the process pool).
_IN_FLIGHT_PER_THREAD = 4


def run_dask(
    items: Iterable[Source | NewsctlError],
    task: Task,
    *,
    encoding: str | None = None,
    scheduler: str | None = None,
    jobs: int = 0,
    chunk_size: int = 16,
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Yield one :class:`Outcome` per item, in input order, computed on a Dask cluster.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without it a
    LocalCluster of ``jobs`` worker processes (one per CPU unless ``jobs`` > 1) is started and
    shut down at the end.  Raises :class:`DependencyError` when dask is not installed and
    :class:`ClusterError` when the cluster cannot do the work.
    """
    _require_distributed()
    remaining = iter(items)
    # Errors before the first source come back at once; a run whose inputs all fail never
    # starts (or connects to) a cluster.
    for item in remaining:
        if isinstance(item, NewsctlError):
            yield Outcome(None, errors=(item,))
            if on_progress:
                on_progress(1)
            continue
        with connect(scheduler, jobs) as client:
            yield from _run_on(client, itertools.chain([item], remaining), task, encoding,
                               chunk_size, on_progress)
        return


def _require_distributed() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DependencyError(MISSING_EXTRA) from None


# --- the client side ----------------------------------------------------------------------------


def _run_on(
    client: Client,
    items: Iterable[Source | NewsctlError],
    task: Task,
    encoding: str | None,
    chunk_size: int,
    on_progress: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    key = task_key(task)
    cwd = os.getcwd()
    threads = sum(client.nthreads().values())  # type: ignore[no-untyped-call]
    max_in_flight = max(2, threads * _IN_FLIGHT_PER_THREAD)
    pending: deque[tuple[list[Source | NewsctlError], Future[list[Outcome]] | None]] = deque()
    signals = _DeferredSignals()
    try:
        for chunk in chunks(items, chunk_size):
            sources = [item for item in chunk if isinstance(item, Source)]
            future = (
                client.submit(work_chunk, key, task, sources, encoding, cwd, pure=False)
                if sources else None
            )
            pending.append((chunk, future))
            while len(pending) >= max_in_flight:
                signals.act()
                yield from _collect(pending.popleft(), on_progress)
        while pending:
            signals.act()
            yield from _collect(pending.popleft(), on_progress)
        signals.act()
    finally:
        signals.restore()
        # Stopped early (closed pipe, Ctrl-C, an error): drop the work nobody will read.
        futures = [future for _, future in pending if future is not None]
        if futures:
            with contextlib.suppress(Exception):  # the connection may be what failed
                client.cancel(futures)  # type: ignore[no-untyped-call]


class _DeferredSignals:
    """Ctrl-C and SIGTERM acted on between chunks only.

    Dask's client runs code of its own in the main thread (a future's ``__del__`` posting to the
    event loop, say); an interrupt raised in there is printed as "Exception ignored" and lost.
    So the Python-level handlers only remember the signal, and :meth:`act` re-raises it from
    newsctl's own loop, where the normal clean-up runs.
    """

    def __init__(self) -> None:
        self.pending: list[int] = []
        self.previous: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.previous[sig] = signal.signal(sig, self._remember)

    def _remember(self, signum: int, frame: object) -> None:
        self.pending.append(signum)

    def act(self) -> None:
        if self.pending:
            signum = self.pending[0]
            handler = self.previous.get(signum)
            self.restore()
            if callable(handler):
                handler(signum, None)
            raise KeyboardInterrupt

    def restore(self) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)
        self.previous = {}


def _collect(
    entry: tuple[list[Source | NewsctlError], Future[list[Outcome]] | None],
    on_progress: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    chunk, future = entry
    yield from interleave(chunk, _results(future, chunk), on_progress)


def _results(
    future: Future[list[Outcome]] | None, chunk: list[Source | NewsctlError]
) -> list[Outcome]:
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    if future is None:
        return []
    try:
        outcomes: list[Outcome] = future.result()
        return outcomes
    except KilledWorker:
        # The chunk killed every worker it was tried on (out of memory, a crash in a C
        # extension): report each of its inputs rather than losing them.
        return worker_died(chunk)
    except CancelledError as exc:
        reason = getattr(exc, "reason", "cancelled")
        raise ClusterError(f"the Dask cluster dropped the work ({reason})") from None
    except ImportError as exc:
        raise ClusterError(cannot_import_message(exc)) from None


# --- the worker side ----------------------------------------------------------------------------


def task_key(task: Task) -> str:
    """Names a task by its content: chunks of one run share it, so setup runs once per worker."""
    return hashlib.sha256(pickle.dumps(task)).hexdigest()


_ready: dict[str, Task] = {}
_ready_lock = threading.Lock()
_READY_KEEP = 8  # tasks of recent runs kept on a long-lived worker (options only: small)


def _prepared(key: str, task: Task) -> Task:
    """This process's set-up copy of ``task``: ``setup()`` runs once per process and task.

    A lock, because a worker may run several threads: the first one loads the dictionaries
    while the others wait for it, rather than each loading its own.
    """
    with _ready_lock:
        ready = _ready.get(key)
        if ready is None:
            task.setup()
            if len(_ready) >= _READY_KEEP:
                _ready.pop(next(iter(_ready)))
            _ready[key] = ready = task
        return ready


def work_chunk(
    key: str, task: Task, sources: list[Source], encoding: str | None, cwd: str
) -> list[Outcome]:
    """Run on a Dask worker: read and transform a chunk of sources (``cwd``: the client's)."""
    ready = _prepared(key, task)
    return [_process(source, ready, encoding, cwd) for source in sources]


def _process(source: Source, task: Task, encoding: str | None, cwd: str) -> Outcome:
    if source.data is not None:  # stdin: its bytes came with the work; do not send them back
        outcome = process_source(source, task, encoding)
        return dataclasses.replace(outcome, source=dataclasses.replace(source, data=None))
    if os.path.isabs(source.path) or os.getcwd() == cwd:
        return process_source(source, task, encoding)
    # A worker started in another folder: read a relative path where the client meant it, but
    # keep naming it as the user gave it (messages, -O paths).
    try:
        data = read_bytes(os.path.join(cwd, source.path))
    except NewsctlError as error:
        return Outcome(source, errors=(type(error)(error.message, path=source.path),))
    outcome = process_source(dataclasses.replace(source, data=data), task, encoding)
    return dataclasses.replace(outcome, source=source)  # do not send the bytes back
