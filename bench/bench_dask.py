"""``--engine dask`` against the local process pool, on this machine, in the same run.

A scheduler and two one-thread worker processes are started with the ``dask`` command-line tools
(as on a real cluster, see the README), then ``newsctl segment -O`` runs over ~1,000 articles
with ``--engine dask --scheduler ADDRESS`` and, as the baseline, with the local ``-j 2`` pool.
The first Dask run meets fresh workers (dictionaries not loaded yet); later runs find them
loaded, which is what a long-lived cluster gives.  A third row lets newsctl start and stop its
own LocalCluster (no ``--scheduler``).
"""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from corpus import WORK, article_tree
from harness import PY, Measurement, Result, benchmark, best_of, measure, newsctl


@contextmanager
def dask_cluster(workers: int = 2) -> Iterator[str]:
    """``dask scheduler`` and ``dask worker --nworkers N --nthreads 1`` on loopback; its address."""
    WORK.mkdir(exist_ok=True)
    info = WORK / "dask-scheduler.json"
    info.unlink(missing_ok=True)
    processes: list[subprocess.Popen[bytes]] = []
    with open(WORK / "dask-cluster.log", "wb") as log:
        try:
            processes.append(subprocess.Popen(
                [PY, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                 "--no-dashboard", "--dashboard-address", "127.0.0.1:0",
                 "--scheduler-file", str(info)],
                stdout=log, stderr=log,
            ))
            address = _wait_for_address(info, processes[0])
            processes.append(subprocess.Popen(
                [PY, "-m", "distributed.cli.dask_worker", address, "--nworkers", str(workers),
                 "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                stdout=log, stderr=log,
            ))
            _wait_for_workers(address, workers)
            yield address
        finally:
            for process in reversed(processes):  # workers first, then the scheduler
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_for_address(info: Path, scheduler: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if scheduler.poll() is not None:
            raise SystemExit(f"dask scheduler exited; see {WORK / 'dask-cluster.log'}")
        try:
            return str(json.loads(info.read_text())["address"])
        except (OSError, ValueError, KeyError):
            time.sleep(0.1)
    raise SystemExit("dask scheduler did not start within 60 s")


def _wait_for_workers(address: str, count: int) -> None:
    import distributed

    with distributed.Client(address, set_as_default=False) as client:
        client.wait_for_workers(count, timeout=120)


def _best(runs: list[Measurement]) -> Measurement:
    return Measurement(min(r.seconds for r in runs), max(r.peak_mb for r in runs))


def _megabytes(tree: Path) -> float:
    return sum(p.stat().st_size for p in tree.rglob("*.txt")) / 1e6


def _same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / p, b / p, shallow=False) for p in files_a)


@benchmark("dask")
def dask(repeat: int) -> list[Result]:
    """segment -O over ~1,000 articles: --engine dask (2 workers) vs the local pool, -j 2."""
    tree = article_tree(1000, "tree-1k")
    megabytes = _megabytes(tree)
    outs = {name: WORK / f"dask-{name}" for name in ("local", "dask", "own")}
    for out in outs.values():
        shutil.rmtree(out, ignore_errors=True)

    def segment(out: Path, *options: str) -> list[str]:
        return newsctl("segment", "-q", "-O", str(out), *options, str(tree))

    with dask_cluster(2) as address:
        remote = ["--engine", "dask", "--scheduler", address]
        cold = best_of(1, segment(outs["dask"], *remote))
        # Alternate the two, so that a machine that gets busier or quieter over the minutes of
        # the run does not favour whichever was measured last.
        locals_, warms = [], []
        for _ in range(repeat):
            locals_.append(measure(segment(outs["local"], "-j", "2")))
            warms.append(measure(segment(outs["dask"], *remote)))
    local, warm = _best(locals_), _best(warms)
    own = best_of(1, segment(outs["own"], "--engine", "dask"))
    same = _same_tree(outs["local"], outs["dask"]) and _same_tree(outs["local"], outs["own"])
    return [
        Result("segment 1,000 articles dask vs -j 2", warm, local, megabytes,
               note=f"2 workers, loaded; identical output: {same}"),
        Result("  dask, fresh workers", cold, local, megabytes,
               note="first run: each worker loads the dictionaries"),
        Result("  dask, own LocalCluster", own, local, megabytes,
               note="no --scheduler: cluster start and stop included"),
    ]
