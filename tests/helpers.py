"""Small helpers for tests that run the real CLI."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from typer.testing import CliRunner

from newsctl.cli.app import app

runner = CliRunner()


def invoke(args: Sequence[str], input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    """Run ``newsctl ARGS`` in-process with CliRunner (stdout and stderr kept apart)."""
    return runner.invoke(app, list(args), input=input)


def run_cli(
    args: Sequence[str], input: bytes | None = None, timeout: float = 120, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m newsctl ARGS`` in a subprocess: the real entry point, real pipes."""
    return subprocess.run(
        [sys.executable, "-m", "newsctl", *args],
        input=input, capture_output=True, timeout=timeout, **kwargs,  # type: ignore[arg-type]
    )


# --- interrupting a run at a known state ---------------------------------------------------------
#
# A test that sends Ctrl-C must know the run is still going when the signal lands.  Sleeping a
# fixed time and hoping it is still going fails on a fast machine (the run ends first).  Instead
# the run is given a named pipe as its last input: it cannot finish before someone opens the pipe
# for writing, so "interrupted while working" is a state the test waits for, whatever the speed.


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` if it never does.

    The timeout only bounds a broken run; no test outcome depends on how fast the machine is.
    """
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        time.sleep(0.01)  # a poll interval, not an assumption about the run's progress


def blocking_input(folder: Path, name: str = "zz-blocking.txt") -> Path:
    """A named pipe that blocks whoever reads it until :func:`release` opens it for writing."""
    import os

    path = folder / name
    os.mkfifo(path)
    return path


def release(fifo: Path, proc: subprocess.Popen[bytes]) -> None:
    """Let a reader blocked on ``fifo`` go on (it reads an empty file), unless ``proc`` ended.

    Opening a FIFO for writing without blocking only works once a reader has it open, so this
    waits for whichever comes first: a reader, or the end of the process.
    """
    import errno
    import os

    def reader_released_or_gone() -> bool:
        if proc.poll() is not None:
            return True
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno == errno.ENXIO:  # no reader yet
                return False
            raise
        os.close(fd)  # the reader sees end of file
        return True

    wait_until(reader_released_or_gone, "a reader of the blocking input, or the run's end")
