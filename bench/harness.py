"""Benchmark harness: measure whole processes, keep the best of N runs, print ratios.

Each benchmark times a whole ``newsctl`` process against the plain library doing the same job,
measured side by side in the same run (so a noisy machine does not mislead), and prints the
ratio.  Peak memory is the child's own maximum resident set size (``wait4``).  Benchmarks are
not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


PY = sys.executable
WORK_CACHE = Path(__file__).resolve().parent / ".work" / "cache"


def bench_env() -> dict[str, str]:
    """The environment of every measured process, newsctl's and the baseline's alike.

    Bytecode caching on (some sandboxes set PYTHONDONTWRITEBYTECODE; a user's pip install has
    .pyc files, and an editable install would otherwise recompile newsctl's source every run),
    output buffered as a user's Python buffers it (some sandboxes set PYTHONUNBUFFERED, which
    makes every record of a JSON Lines stream a system call of its own and every stage of a
    pipeline wake for it: a fifth more CPU time in the pipeline benchmark), and newsctl's
    cache folder (jieba dictionary, compiled patterns) kept under bench/.work.
    Runs are best-of-N, so the first run's cache filling does not count.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONUNBUFFERED", None)
    env.setdefault("NEWSCTL_CACHE_DIR", str(WORK_CACHE))
    return env


@dataclass
class Measurement:
    seconds: float
    peak_mb: float


def measure(argv: Sequence[str], stdout_path: str | None = None, env: dict[str, str] | None = None) -> Measurement:
    """Run a command once; wall time and the child's own peak RSS."""
    out = open(stdout_path or os.devnull, "wb")
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=subprocess.PIPE,
                                env=env if env is not None else bench_env())
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        stderr = proc.stderr.read() if proc.stderr else b""
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        out.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(argv)}\n{stderr.decode()[-2000:]}")
    return Measurement(seconds, usage.ru_maxrss / 1024)


def best_of(repeat: int, argv: Sequence[str], **kwargs: object) -> Measurement:
    runs = [measure(argv, **kwargs) for _ in range(repeat)]  # type: ignore[arg-type]
    return Measurement(min(r.seconds for r in runs), max(r.peak_mb for r in runs))


@dataclass
class Result:
    name: str
    ours: Measurement
    baseline: Measurement | None
    megabytes: float | None = None
    note: str = ""
    target: str = ""

    def row(self) -> str:
        ratio = f"{self.ours.seconds / self.baseline.seconds:6.2f}x" if self.baseline else "     - "
        base = f"{self.baseline.seconds:7.2f}s" if self.baseline else "       -"
        rate = f"{self.megabytes / self.ours.seconds:7.2f} MB/s" if self.megabytes else " " * 12
        return (f"{self.name:<34} {self.ours.seconds:7.2f}s {base} {ratio} {rate} "
                f"{self.ours.peak_mb:7.0f} MB  {self.target}  {self.note}")


BENCHMARKS: dict[str, Callable[[int], list[Result]]] = {}


def benchmark(name: str) -> Callable[[Callable[[int], list[Result]]], Callable[[int], list[Result]]]:
    def register(function: Callable[[int], list[Result]]) -> Callable[[int], list[Result]]:
        BENCHMARKS[name] = function
        return function

    return register


def newsctl(*args: str) -> list[str]:
    return [PY, "-m", "newsctl", *args]


