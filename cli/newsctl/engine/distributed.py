"""Run a batch on a Dask cluster (``--engine dask``; ``pip install 'newsctl[dask]'``).

The contract is the process pool's (:func:`newsctl.engine.runner.run`): one :class:`Outcome` per item, in
input order, per-input errors collected and never lost.  Sources go to the workers in chunks of
paths, not contents, with a bounded number in flight; each worker reads its files itself, builds
the task's heavy resources once per process, and sends back the transformed documents.  The
client writes every output with the same code as the local engine, so the output is the same.

What a worker needs: the same newsctl installed, and every input (and ``--dict`` / stop-word
file) visible at the same path.  Outputs (``-o``, ``-O``) are written by the client only.

Without ``--scheduler``, a :class:`distributed.LocalCluster` is started on this machine for the
run and shut down at its end.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import itertools
import logging
import os
import pickle
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsctl import __version__
from newsctl.engine.outcomes import (
    Outcome,
    Task,
    chunks,
    interleave,
    process_source,
    resolve_jobs,
    worker_died,
)
from newsctl.errors import ClusterError, DependencyError, NewsctlError
from newsctl.io.documents import Source, read_bytes

if TYPE_CHECKING:  # pragma: no cover - distributed is an optional dependency
    from distributed import Client, Future, LocalCluster

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
        with _connect(scheduler, jobs) as client:
            yield from _run_on(client, itertools.chain([item], remaining), task, encoding,
                               chunk_size, on_progress)
        return


def _require_distributed() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DependencyError(MISSING_EXTRA) from None


# --- the client side ----------------------------------------------------------------------------


@contextlib.contextmanager
def _connect(address: str | None, jobs: int) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a LocalCluster started (and closed) here."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(_quiet_logs("distributed"))
        stack.enter_context(_quiet_logs("tornado"))
        yield stack.enter_context(_client(address, jobs))


def _log_level() -> int:
    # newsctl reports what matters (a dead worker, a lost scheduler, a failed start) as its own
    # one-line errors; Dask's log lines and tracebacks only with NEWSCTL_DEBUG=1.
    return logging.WARNING if os.environ.get("NEWSCTL_DEBUG") else logging.CRITICAL


def _quiet_logs(root: str) -> contextlib.AbstractContextManager[None]:
    from distributed.utils import silence_logging_cmgr

    return silence_logging_cmgr(_log_level(), root=root)


@contextlib.contextmanager
def _client(address: str | None, jobs: int) -> Iterator[Client]:
    import distributed

    if address is not None:
        try:
            client = distributed.Client(  # type: ignore[no-untyped-call]
                address, set_as_default=False
            )
        except (OSError, ValueError) as exc:  # unreachable, timed out, or not an address
            raise ClusterError(
                f"cannot connect to the Dask scheduler at {address}: {exc}"
            ) from None
        try:
            _check_workers(client, address)
            yield client
        finally:
            client.close()  # type: ignore[no-untyped-call]
        return
    with _worker_start_method(), _local_cluster() as cluster:
        client = distributed.Client(cluster, set_as_default=False)  # type: ignore[no-untyped-call]
        try:
            workers = jobs if jobs > 1 else resolve_jobs(0)
            cluster.scale(workers)  # type: ignore[no-untyped-call]
            _wait_for_local_workers(client, workers)
            yield client
        finally:
            client.close()  # type: ignore[no-untyped-call]


@contextlib.contextmanager
def _local_cluster() -> Iterator[LocalCluster]:
    """A scheduler on loopback, without workers yet (they start with ``scale``).

    Starting the workers once the cluster object exists means that a Ctrl-C while they start
    still finds a cluster to close; a Ctrl-C during the scheduler's own start is held back
    until there is one.
    """
    import distributed

    try:
        with _sigint_deferred() as interrupted:
            cluster = distributed.LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=0,
                threads_per_worker=1,  # jieba and OpenCC hold the GIL: parallelism is processes
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                # The scheduler's small HTTP server (health, metrics) defaults to port 8787 and
                # warns on stderr when another cluster holds it: any free loopback port will do.
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                # Not WARNING: on Ctrl-C, busy workers warn about cancelled tasks and being
                # killed, a failing task is logged with its traceback; newsctl reports these.
                silence_logs=_log_level(),
            )
    except (OSError, RuntimeError) as exc:  # no free port on loopback
        raise ClusterError(f"cannot start a local Dask cluster: {exc}") from None
    try:
        if interrupted:
            raise KeyboardInterrupt
        yield cluster
    finally:
        cluster.close()


@contextlib.contextmanager
def _worker_start_method() -> Iterator[None]:
    """Start local workers from a fork server that ignores SIGINT.

    Ctrl-C goes to every process in the terminal's foreground group, and each worker would print
    a traceback. Workers forked from a server started with SIGINT ignored ignore it too, so the
    interrupt is left to this process, which cancels the work and closes the cluster. Only the
    fork server's own start happens with SIGINT ignored, so a Ctrl-C is never lost. On platforms
    without a fork server (Windows), Dask's default (spawn) is kept.
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        yield
        return
    import dask.config
    from distributed.utils import get_mp_context

    # The setting must stay in force for the whole run: a nanny restarts a dead worker with it.
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        get_mp_context()  # type: ignore[no-untyped-call]  # sets the fork server's preload
        from multiprocessing import forkserver

        with _sigint_ignored():
            forkserver.ensure_running()
        yield


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[list[int]]:
    """Hold a Ctrl-C back during the block: the yielded list is non-empty if one came."""
    pressed: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: pressed.append(signum))
    except ValueError:  # not the main thread: signals are not ours to change
        yield pressed
        return
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# How long local workers may take to start (import newsctl, register) on a busy machine.
_LOCAL_START_TIMEOUT = 120


def _wait_for_local_workers(client: Client, count: int) -> None:
    try:
        client.wait_for_workers(count, timeout=_LOCAL_START_TIMEOUT)
    except TimeoutError:
        raise ClusterError(
            f"the local Dask workers did not start within {_LOCAL_START_TIMEOUT} s"
        ) from None


def _check_workers(client: Client, address: str) -> None:
    """Fail clearly, before any work is sent, on a cluster that cannot give the same output."""
    import dask.config
    import dask.utils

    timeout = dask.utils.parse_timedelta(
        dask.config.get("distributed.comm.timeouts.connect"), default="seconds"
    )
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(
            f"no workers are connected to the Dask scheduler at {address} "
            f"(waited {timeout:g} s); start some with: dask worker {address}"
        ) from None
    try:
        versions = client.run(_newsctl_version)
    except ImportError as exc:
        raise ClusterError(_cannot_import(exc)) from None
    wrong = sorted(f"{worker} has {version}" for worker, version in versions.items()
                   if version != __version__)
    if wrong:
        raise ClusterError(
            f"Dask workers must run newsctl {__version__} like this client: {'; '.join(wrong)}"
        )


def _newsctl_version() -> str:
    return __version__


def _cannot_import(exc: ImportError) -> str:
    return (f"a Dask worker cannot run newsctl ({type(exc).__name__}: {exc}); "
            "install the same newsctl on every worker")


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
        raise ClusterError(_cannot_import(exc)) from None


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
