"""An interrupted process-pool batch stops its whole pool before the interrupt goes on.

Nothing of the pool may be left to the interpreter's exit: a worker still working after the
run was stopped, or the pool's manager thread, which at exit races with the exit hook of
concurrent.futures and prints a traceback ("OSError: handle is closed").
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import blocking_input, wait_until
from newsctl.engine.runner import run
from newsctl.io.documents import Document, expand_inputs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork pool, FIFOs")


@dataclass(frozen=True)
class Same:
    """A test task that changes nothing."""

    def setup(self) -> None:
        pass

    def __call__(self, document: Document) -> Document:
        return document


def _pool_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]


def test_ctrl_c_while_a_worker_is_busy_stops_the_workers_and_the_manager_thread(tmp_path: Path) -> None:
    # The first input is a named pipe: a worker opens it and then, the pipe being held open for
    # writing below, blocks reading it; the interrupt lands while the parent waits for that chunk.
    fifo = blocking_input(tmp_path, "0000-blocking.txt")
    for i in range(1, 40):
        (tmp_path / f"{i:04d}.txt").write_text("发展\n", encoding="utf-8")
    writer: list[int] = []

    def interrupt_once_a_worker_reads() -> None:
        def reader_waiting() -> bool:
            try:
                writer.append(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError as exc:
                if exc.errno == errno.ENXIO:  # no reader yet
                    return False
                raise
            return True

        wait_until(reader_waiting, "a worker reading the blocking input")
        os.kill(os.getpid(), signal.SIGINT)

    before = set(_pool_threads())
    interrupter = threading.Thread(target=interrupt_once_a_worker_reads)
    interrupter.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            for _ in run(list(expand_inputs([str(tmp_path)])), Same(), jobs=2, chunk_size=4):
                pass
        interrupter.join()
        # Right away, without waiting: the run has stopped everything it started.
        assert multiprocessing.active_children() == []
        assert set(_pool_threads()) <= before
    finally:
        interrupter.join()
        for fd in writer:
            os.close(fd)  # a worker left blocked (the bug) reads end of file and ends
        for child in multiprocessing.active_children():
            child.join(timeout=60)
