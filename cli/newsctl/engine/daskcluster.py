"""The Dask cluster a run works on (:mod:`newsctl.engine.distributed`): a client of a running
scheduler, checked for workers with the same newsctl before any work is sent, or a LocalCluster
started on this machine for the run (its workers spawned, Ctrl-C kept from them, its logs quiet)
and shut down at its end.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsctl import __version__
from newsctl.engine.outcomes import resolve_jobs
from newsctl.errors import ClusterError

if TYPE_CHECKING:  # pragma: no cover - distributed is an optional dependency
    from distributed import Client, LocalCluster


@contextlib.contextmanager
def connect(address: str | None, jobs: int) -> Iterator[Client]:
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
        raise ClusterError(cannot_import_message(exc)) from None
    wrong = sorted(f"{worker} has {version}" for worker, version in versions.items()
                   if version != __version__)
    if wrong:
        raise ClusterError(
            f"Dask workers must run newsctl {__version__} like this client: {'; '.join(wrong)}"
        )


def _newsctl_version() -> str:
    return __version__


def cannot_import_message(exc: ImportError) -> str:
    return (f"a Dask worker cannot run newsctl ({type(exc).__name__}: {exc}); "
            "install the same newsctl on every worker")
