"""Hard inputs and failures: each one a test (issue: batch at scale and hard inputs)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES
from helpers import blocking_input, invoke, release, run_cli, wait_until

# processes, clusters and signals: the quick tier (-m "not slow") leaves these out
pytestmark = pytest.mark.slow



def test_empty_file_is_valid_and_gives_empty_output(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for command in (["clean"], ["convert", "--to", "simplified"], ["segment"]):
        result = invoke([*command, str(empty)])
        assert result.exit_code == 0 and result.stdout == "", command
    out = tmp_path / "out"
    assert invoke(["segment", "-q", "-O", str(out), str(empty)]).exit_code == 0
    assert (out / "empty.txt").read_text() == ""


def test_input_given_twice_is_processed_once() -> None:
    plain = str(SAMPLES / "zh-hans-plain.txt")
    once = invoke(["convert", "--config", "s2t", plain]).stdout
    twice = invoke(["convert", "--config", "s2t", plain, plain, str(SAMPLES / ".." / "samples" / "zh-hans-plain.txt")])
    assert twice.stdout == once


def test_out_dir_equal_to_the_input_folder_never_overwrites_inputs(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("发展", encoding="utf-8")
    result = invoke(["convert", "--config", "s2t", "-q", "-O", str(src), str(src)])
    assert result.exit_code == 2  # nothing could be written
    assert "refusing to write over an input file" in result.stderr
    assert (src / "a.txt").read_text(encoding="utf-8") == "发展"


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    good = SAMPLES / "zh-hans-plain.txt"
    result = invoke(["convert", "--config", "s2t", "--fail-fast", str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("newsctl: ") == 1
    without = invoke(["convert", "--config", "s2t", str(tmp_path / "missing.txt"), str(good)])
    assert without.exit_code == 1 and without.stdout


def test_summary_and_exit_code_tell_the_truth(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "good.txt").write_text("发展", encoding="utf-8")
    (tree / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = invoke(["convert", "--config", "s2t", str(tree)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"newsctl: {tree / 'bad.txt'}: binary file (not text in a known encoding)"
    assert lines[-1].startswith("newsctl: 2 inputs, 1 documents, 1 failed, ")


def test_write_error_is_reported_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsctl.cli.pipeline as pipeline

    def full_disk(chunks, stream):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pipeline, "_copy", full_disk)
    out = tmp_path / "out.txt"
    result = invoke(["convert", "--config", "s2t", "-o", str(out), str(SAMPLES / "zh-hans-plain.txt")])
    assert result.exit_code == 1
    assert "write error: No space left on device" in result.stderr
    assert not out.exists() and os.listdir(tmp_path) == []


def test_stdout_on_a_full_device_is_reported() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "newsctl", "convert", "--config", "s2t",
                                 str(SAMPLES / "zh-hans-plain.txt")], stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert result.returncode == 1
    assert b"write error: No space left on device" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signals_during_a_pooled_out_dir_batch_leave_only_complete_files(tmp_path: Path, sig: int, code: int) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(100):
        (src / f"{i:04d}.txt").write_text("这是简体中文新闻。\n" * 2000, encoding="utf-8")
    blocking = blocking_input(tmp_path)  # the run cannot end before the signal lands
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsctl", "convert", "--config", "s2t", "-j", "2", "-q", "-O", str(out),
         str(src), str(blocking)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    wait_until(lambda: out.exists() and len(os.listdir(out)) > 3, "some outputs")
    proc.send_signal(sig)
    release(blocking, proc)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    assert b"Traceback" not in stderr
    names = os.listdir(out)
    assert not [n for n in names if n.startswith(".newsctl-tmp-")]
    expected = "這是簡體中文新聞。\n" * 2000
    for name in names:
        assert (out / name).read_text(encoding="utf-8") == expected


def test_permission_denied_file_is_one_error_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("秘密", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("发展", encoding="utf-8")
    import builtins

    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    result = invoke(["convert", "--config", "s2t", str(locked), str(good)])
    assert result.exit_code == 1
    assert result.stderr == f"newsctl: {locked}: permission denied\n"
    assert result.stdout == "發展\n"


def test_permission_denied_as_a_real_non_root_user(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to an unprivileged user")
    import pwd

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no 'nobody' user")
    locked = tmp_path / "locked.txt"
    locked.write_text("秘密", encoding="utf-8")
    locked.chmod(0o600)
    good = tmp_path / "good.txt"
    good.write_text("发展", encoding="utf-8")
    good.chmod(0o644)
    tmp_path.chmod(0o755)
    for parent in tmp_path.parents:
        if not os.access(parent, os.X_OK):
            pytest.skip("tmp path not traversable")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "newsctl", "convert", "--config", "s2t", str(locked), str(good)],
            capture_output=True, timeout=60, user=nobody.pw_uid, group=nobody.pw_gid,
            env={**os.environ, "HOME": str(tmp_path)}, cwd=str(tmp_path),
        )
    except PermissionError:
        pytest.skip("the test interpreter is not executable by nobody (the mocked test covers this)")
    if b"No module named" in result.stderr or b"Permission denied: '/" in result.stderr:
        pytest.skip("the test interpreter is not readable by nobody")
    assert result.returncode == 1, result.stderr
    assert result.stderr.decode() == f"newsctl: {locked}: permission denied\n"
    assert result.stdout.decode() == "發展\n"


def test_a_very_long_single_line_streams(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("发展" * 3_000_000, encoding="utf-8")  # 18 MB, no newline at all
    result = run_cli(["convert", "--config", "s2t", str(path)])
    assert result.returncode == 0
    assert result.stdout.decode() == "發展" * 3_000_000 + "\n"


@pytest.mark.parametrize("args", [["clean", "-j", "1"], ["clean", "-j", "2"], ["convert", "--to", "traditional"]])
def test_many_files_never_leak_file_descriptors(tmp_path: Path, args: list[str]) -> None:
    """600 files under a limit of 48 open descriptors: one leaked per file would fail by the 50th."""
    import resource

    src = tmp_path / "src"
    page = (SAMPLES / "zh-hans-portal-finance.txt").read_bytes()
    for i in range(600):
        folder = src / f"{i % 3}" / f"{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:04d}.txt").write_bytes(page)
    out = tmp_path / "out"

    def low_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (48, 48))

    result = run_cli([*args, "-q", "-O", str(out), str(src)], preexec_fn=low_limit)
    assert result.returncode == 0, result.stderr.decode()
    assert len(list(out.rglob("*.txt"))) == 600
    streamed = run_cli([*args, "-q", "--json", str(src)], preexec_fn=low_limit)
    assert streamed.returncode == 0, streamed.stderr.decode()
    assert streamed.stdout.count(b"\n") == 600
