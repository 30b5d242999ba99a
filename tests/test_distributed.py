"""``--engine dask``: the same outputs, errors and exit codes as the local engine, on a cluster.

One LocalCluster (two worker processes on loopback) serves the module through ``--scheduler``;
two tests let newsctl start (and stop) its own cluster.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import random
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import dask.config  # noqa: E402

from conftest import SAMPLES  # noqa: E402
from helpers import blocking_input, invoke, release, run_cli, wait_until  # noqa: E402
from newsctl.engine.distributed import MISSING_EXTRA, task_key, work_chunk  # noqa: E402
from newsctl.io.documents import Document, Source, expand_inputs  # noqa: E402
from newsctl.errors import NewsctlError, UsageError  # noqa: E402
from newsctl.engine.runner import run  # noqa: E402

# processes, clusters and signals: the quick tier (-m "not slow") leaves these out
pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    # A chunk that kills its worker is reported at once, not retried (allowed-failures), and
    # only that chunk: no other is queued on a worker behind the running one (saturation 1).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                          "distributed.scheduler.worker-saturation": 1.0}):
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.WARNING,
        )
    with cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``base/tree/{a,b}/`` with every sample; tests run from ``base`` with relative paths."""
    base = tmp_path_factory.mktemp("dask")
    for part in ("a", "b"):
        folder = base / "tree" / part
        folder.mkdir(parents=True)
        for sample in SAMPLES.glob("*.txt"):
            (folder / sample.name).write_bytes(sample.read_bytes())
    return base


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _summary_free(stderr: str) -> list[str]:
    """stderr lines with the run time cut from the summary line (the one thing that differs)."""
    return [re.sub(r", [0-9.]+ s$", "", line) for line in stderr.splitlines()]


NEWS_LINE = "这是简体中文新闻，记者今天报道。\n"

COMMANDS = {
    "clean": ["clean"],
    "convert": ["convert", "--to", "traditional"],
    "segment": ["segment"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_transforms_match_the_local_engine(
    command: str, scheduler: str, tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Relative paths from a folder other than the workers' own: they must read what we mean.
    monkeypatch.chdir(tree)
    args = COMMANDS[command]
    dask = ["--engine", "dask", "--scheduler", scheduler]
    local_dir, dask_dir = tmp_path / "local", tmp_path / "dask"

    # The local side runs serially in this process (jieba stays loaded between tests); plain
    # files then take the line-streaming path, the one most unlike the cluster's.
    local = invoke([*args, "-j", "1", "tree", "-O", str(local_dir)])
    remote = invoke([*args, *dask, "tree", "-O", str(dask_dir)])
    assert local.exit_code == remote.exit_code == 0, remote.stderr
    assert _files(dask_dir) == _files(local_dir)
    assert len(_files(dask_dir)) == 28
    lines = _summary_free(remote.stderr)  # clean's warnings, then the summary
    assert lines == _summary_free(local.stderr)
    assert lines[-1] == "newsctl: 28 inputs, 28 documents, 0 failed"

    local = invoke([*args, "-j", "1", "-q", "tree"])
    remote = invoke([*args, *dask, "-q", "tree"])
    assert (remote.exit_code, remote.stdout, remote.stderr) == (0, local.stdout, local.stderr)


def test_json_output_matches_the_local_engine(
    scheduler: str, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    local = invoke(["segment", "--json", "-j", "1", "-q", "tree/a"])
    remote = invoke(["segment", "--json", "-q", "--engine", "dask", "--scheduler", scheduler,
                     "tree/a"])
    assert remote.exit_code == 0 and remote.stdout == local.stdout
    assert [json.loads(line)["path"] for line in remote.stdout.splitlines()][:1] == [
        "tree/a/zh-hans-agency-rail-crlf.txt"
    ]


def test_stdin_goes_with_the_work(scheduler: str) -> None:
    text = (SAMPLES / "zh-hans-plain.txt").read_bytes()
    local = invoke(["convert", "--to", "traditional", "-q"], input=text)
    remote = invoke(["convert", "--to", "traditional", "-q", "--engine", "dask",
                     "--scheduler", scheduler], input=text)
    assert (remote.exit_code, remote.stdout) == (0, local.stdout)
    assert remote.stdout.startswith("鄱陽湖")


def test_bad_inputs_give_the_same_errors_as_local(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "mixed"
    folder.mkdir()
    for sample in ("zh-hans-plain.txt", "zh-hant-hk-paper.txt", "zh-hans-daily-metro-gbk.txt"):
        (folder / sample).write_bytes((SAMPLES / sample).read_bytes())
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "noise.txt").write_bytes(random.Random(8).randbytes(8192))
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")

    for args in (["convert", "--to", "simplified"], ["segment"]):
        local = invoke([*args, "-j", "1", "mixed", "missing.txt", "-O", "out-local"])
        remote = invoke([*args, "mixed", "missing.txt", "-O", "out-dask",
                         "--engine", "dask", "--scheduler", scheduler])
        assert local.exit_code == remote.exit_code == 1
        lines = _summary_free(remote.stderr)
        assert lines == _summary_free(local.stderr)
        assert lines[0] == "newsctl: mixed/dangling.txt: dangling symbolic link"
        assert lines[1].startswith("newsctl: mixed/image.txt: binary file")
        assert lines[2].startswith("newsctl: mixed/noise.txt: ")
        assert lines[3] == "newsctl: missing.txt: no such file or directory"
        assert lines[4] == "newsctl: 7 inputs, 3 documents, 4 failed"
        assert "Traceback" not in remote.stderr
        assert _files(tmp_path / "out-dask") == _files(tmp_path / "out-local")
        assert len(_files(tmp_path / "out-dask")) == 3


def test_reports_match_the_local_engine(
    scheduler: str, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    dask = ["--engine", "dask", "--scheduler", scheduler]
    local = invoke(["stats", "--json", "-j", "1", "-q", "tree"])
    remote = invoke(["stats", "--json", "-q", *dask, "tree"])
    assert remote.exit_code == 0 and remote.stderr == ""
    assert remote.stdout == local.stdout
    summary = json.loads(remote.stdout.splitlines()[-1])
    assert summary == json.loads(local.stdout.splitlines()[-1])
    assert summary["summary"]["documents"] == 28

    local = invoke(["keywords", "--top", "15", "-j", "1", "-q", "tree"])
    remote = invoke(["keywords", "--top", "15", "-q", *dask, "tree"])
    assert remote.exit_code == 0 and remote.stdout == local.stdout


def test_reports_send_back_no_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """stats returns a few numbers per document; keywords its term counts; neither the text."""
    import newsctl.engine.distributed
    from newsctl.jobs.keywords import KeywordOptions
    from newsctl.jobs.segment import SegmentOptions
    from newsctl.engine.tasks import KeywordsTask, StatsTask

    sources = [item for item in expand_inputs([str(SAMPLES)]) if isinstance(item, Source)]
    text_bytes = sum(os.path.getsize(source.path) for source in sources)
    sizes: dict[str, int] = {}
    tasks = {
        "stats": StatsTask(SegmentOptions()),
        "stats --no-words": StatsTask(None),
        "keywords": KeywordsTask(KeywordOptions(), SegmentOptions()),
    }
    for name, task in tasks.items():
        monkeypatch.setattr(newsctl.engine.distributed, "_ready", {})  # this process's set-up tasks
        outcomes = work_chunk(task_key(task), task, sources, None, os.getcwd())
        documents = [d for o in outcomes for d in o.documents]
        assert len(documents) == len(sources)
        assert all(d.text == "" for d in documents)
        sizes[name] = len(pickle.dumps(outcomes))
    assert sizes["stats"] < text_bytes / 4 and sizes["stats --no-words"] < text_bytes / 4
    # keywords sends per-document term counts, which grow with the distinct terms; today they
    # pickle to about 3.6 times the text (forms and doc_freq repeat the keys of counts): the
    # bound only catches something bigger still coming back.
    assert sizes["keywords"] < 6 * text_bytes


@dataclass(frozen=True)
class Tagged:
    """A test task: tag each document with its worker's pid and set-up count; fail on markers."""

    def setup(self) -> None:
        os.environ["NEWSCTL_TEST_SETUP"] = str(int(os.environ.get("NEWSCTL_TEST_SETUP", "0")) + 1)

    def __call__(self, document: Document) -> Document:
        if "FAIL" in document.text:
            raise UsageError("marker found")
        if "BUG" in document.text:
            raise ZeroDivisionError("boom")
        if "DIE" in document.text:
            os._exit(1)  # a worker killed mid-chunk (OOM killer, a crash in C)
        return document.with_fields(pid=os.getpid(), setups=os.environ["NEWSCTL_TEST_SETUP"])


def test_order_kept_errors_collected_setup_once_per_worker(scheduler: str, tmp_path: Path) -> None:
    paths = []
    for i in range(40):
        path = tmp_path / f"{i:03d}.txt"
        path.write_text("FAIL" if i == 5 else ("BUG" if i == 7 else f"文{i}"), encoding="utf-8")
        paths.append(str(path))
    items: list[Source | NewsctlError] = list(
        expand_inputs([*paths[:20], str(tmp_path / "missing"), *paths[20:]])
    )
    seen: list[int] = []
    outcomes = list(run(items, Tagged(), engine="dask", scheduler=scheduler, chunk_size=3,
                        on_progress=seen.append))
    assert len(outcomes) == 41 and sum(seen) == 41
    texts = [o.documents[0].text if o.documents else None for o in outcomes]
    assert texts[:5] == ["文0", "文1", "文2", "文3", "文4"] and texts[40] == "文39"
    assert str(outcomes[5].errors[0]) == f"{paths[5]}: marker found"
    assert "internal error (ZeroDivisionError: boom)" in str(outcomes[7].errors[0])
    assert outcomes[20].source is None and "no such file" in str(outcomes[20].errors[0])
    assert texts[21] == "文20"
    pids = {o.documents[0].fields["pid"] for o in outcomes if o.documents}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert {o.documents[0].fields["setups"] for o in outcomes if o.documents} == {"1"}


def test_closed_pipe_ends_quietly(scheduler: str, tree: Path) -> None:
    cmd = (f"{sys.executable} -m newsctl segment --engine dask --scheduler {scheduler} "
           f"{tree / 'tree'} | head -1")
    result = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, timeout=120)
    assert result.returncode == 0
    assert result.stdout.count(b"\n") == 1
    assert result.stderr.decode() == ""


def test_ctrl_c_cancels_quietly(scheduler: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(200):
        (src / f"{i:04d}.txt").write_text(NEWS_LINE * 40, encoding="utf-8")
    blocking = blocking_input(tmp_path)  # the run cannot end before the signal lands
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsctl", "segment", "-q", "-O", str(out), str(src), str(blocking),
         "--engine", "dask", "--scheduler", scheduler],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    wait_until(lambda: out.exists() and any(out.iterdir()), "the first output")
    proc.send_signal(signal.SIGINT)
    release(blocking, proc)
    _, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stderr.decode()) == (130, "newsctl: interrupted\n")
    assert len(list(out.iterdir())) < 200
    assert not (out / blocking.name).exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".newsctl-tmp-")]


def test_without_a_scheduler_newsctl_runs_its_own_cluster(tree: Path, tmp_path: Path) -> None:
    result = run_cli(["convert", "--to", "simplified", "-q", "--engine", "dask",
                      str(tree / "tree" / "b"), "-O", str(tmp_path / "dask")])
    assert (result.returncode, result.stderr.decode()) == (0, "")
    local = invoke(["convert", "--to", "simplified", "-q", "-j", "1", str(tree / "tree" / "b"),
                    "-O", str(tmp_path / "local")])
    assert local.exit_code == 0
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    assert len(_files(tmp_path / "dask")) == 14


def test_scheduler_without_the_dask_engine_is_a_usage_error() -> None:
    result = invoke(["segment", "--scheduler", "tcp://127.0.0.1:8786",
                     str(SAMPLES / "zh-hans-plain.txt")])
    assert result.exit_code == 2
    assert result.stderr == "newsctl: --scheduler goes with --engine dask\n"


def test_unreachable_scheduler_is_one_clear_error() -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = invoke(["segment", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                         str(SAMPLES / "zh-hans-plain.txt")])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "newsctl: cannot connect to the Dask scheduler at tcp://127.0.0.1:9: "
    )
    assert result.stderr.count("\n") == 1


def test_a_scheduler_without_workers_is_one_clear_error() -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with distributed.LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=None,
                                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}
                                      ) as empty:
            address = empty.scheduler_address
            result = invoke(["segment", "--engine", "dask", "--scheduler", address,
                             str(SAMPLES / "zh-hans-plain.txt")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"newsctl: no workers are connected to the Dask scheduler at {address} "
        f"(waited 1 s); start some with: dask worker {address}\n"
    )


def test_workers_with_another_newsctl_are_refused(
    scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsctl.engine.daskcluster

    monkeypatch.setattr(newsctl.engine.daskcluster, "__version__", "0.0.0-client")
    result = invoke(["segment", "--engine", "dask", "--scheduler", scheduler,
                     str(SAMPLES / "zh-hans-plain.txt")])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "newsctl: Dask workers must run newsctl 0.0.0-client like this client: tcp://"
    )


def test_inputs_that_all_fail_never_start_a_cluster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsctl.engine.distributed

    def no_cluster(*args: object) -> None:
        raise AssertionError("a cluster was started")

    monkeypatch.setattr(newsctl.engine.distributed, "connect", no_cluster)
    result = invoke(["segment", "--engine", "dask", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert result.stderr == f"newsctl: {tmp_path / 'missing.txt'}: no such file or directory\n"


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` then fails
    result = invoke(["segment", "--engine", "dask", str(SAMPLES / "zh-hans-plain.txt")])
    assert result.exit_code == 2
    assert result.stderr == f"newsctl: {MISSING_EXTRA}\n"
    assert MISSING_EXTRA == "--engine dask needs the dask extra: pip install 'newsctl[dask]'"


def test_ctrl_c_to_the_whole_process_group_is_quiet(tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches newsctl and its own cluster's workers: one line, exit 130.

    Whenever it lands (cluster starting, workers loading, work running), it is neither lost nor
    followed by worker tracebacks.
    """
    src = tmp_path / "src"
    src.mkdir()
    for i in range(40):
        (src / f"{i:04d}.txt").write_text(NEWS_LINE * 40, encoding="utf-8")
    blocking = blocking_input(tmp_path)  # the run cannot end before the signal lands
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsctl", "segment", "-q", "-O", str(out), str(src), str(blocking),
         "--engine", "dask"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    # Work is running: the cluster is up and the first chunks have come back.
    wait_until(lambda: out.exists() and any(out.iterdir()), "the first output")
    os.killpg(proc.pid, signal.SIGINT)
    release(blocking, proc)
    _, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stderr.decode()) == (130, "newsctl: interrupted\n")


def test_ctrl_c_while_the_scheduler_starts_is_held_back_then_honoured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsctl.engine.daskcluster

    closed = []

    class Starting:
        """A LocalCluster whose start is interrupted by Ctrl-C."""

        def __init__(self, **options: object) -> None:
            os.kill(os.getpid(), signal.SIGINT)

        def close(self) -> None:
            closed.append(True)

    monkeypatch.setattr(distributed, "LocalCluster", Starting)
    with pytest.raises(KeyboardInterrupt):
        with newsctl.engine.daskcluster._local_cluster():
            pytest.fail("the run went on after Ctrl-C")
    assert closed == [True]


def test_a_worker_that_dies_fails_its_inputs_not_the_batch(scheduler: str, tmp_path: Path) -> None:
    paths = []
    for i in range(10):
        path = tmp_path / f"{i}.txt"
        path.write_text("DIE" if i == 7 else f"文{i}", encoding="utf-8")
        paths.append(str(path))
    # One input per chunk, ten chunks: past the first 2 x threads, the scheduler queues chunks
    # and hands each worker one at a time, so the dying chunk is alone on its worker.
    outcomes = list(run(list(expand_inputs(paths)), Tagged(), engine="dask",
                        scheduler=scheduler, chunk_size=1))
    texts = [o.documents[0].text if o.documents else None for o in outcomes]
    assert texts == [f"文{i}" if i != 7 else None for i in range(10)]
    assert [str(e) for e in outcomes[7].errors] == [
        f"{paths[7]}: worker process died while processing this input"
    ]
    # (last in the module: the nanny restarts the worker, which must load everything again)
