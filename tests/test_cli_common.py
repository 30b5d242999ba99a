"""Behaviour every command shares, through the real CLI: help, errors, exit codes, outputs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES
from helpers import blocking_input, invoke, release, run_cli, wait_until

COMMANDS = ["clean", "convert", "segment", "keywords", "stats"]


def test_help_lists_every_command() -> None:
    result = invoke(["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke([command, "--help"])
    assert result.exit_code == 0
    assert "Example: newsctl " + command in result.stdout
    for option in ("--json", "--output", "--encoding", "--jobs", "--glob", "--quiet"):
        assert option in result.stdout


@pytest.mark.parametrize("args", [["clean", "--help"], ["segment", "--bogus"], ["stats", "-j", "x"]])
def test_the_entry_point_trimmed_to_one_command_behaves_like_the_whole_app(args: list[str]) -> None:
    """``newsctl CMD`` builds only CMD's parser (start-up); help and usage errors are unchanged."""
    def run(code: str) -> tuple[int, str, str]:
        done = subprocess.run([sys.executable, "-c", "import sys; sys.argv[0] = 'newsctl'; " + code,
                               *args], capture_output=True, text=True, timeout=60)
        return done.returncode, done.stdout, done.stderr

    trimmed = run("from newsctl.cli.app import main; main()")
    assert trimmed == run("from newsctl.cli.app import app; app()")
    assert trimmed[0] == (0 if "--help" in args else 2)


def test_version() -> None:
    result = invoke(["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("newsctl ")


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(os.urandom(8192))
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    return {"binary": binary, "noise": noise, "missing": tmp_path / "missing.txt", "dangling": dangling}


def test_bad_inputs_each_give_one_error_line_and_the_rest_is_processed(tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path)
    good = SAMPLES / "zh-hans-plain.txt"
    args = ["convert", "--config", "s2t", str(bad["binary"]), str(good), str(bad["noise"]),
            str(bad["missing"]), str(bad["dangling"])]
    result = run_cli(args)
    stderr = result.stderr.decode()
    assert result.returncode == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 4, stderr
    assert lines[0].startswith(f"newsctl: {bad['binary']}: binary file")
    assert lines[1].startswith(f"newsctl: {bad['noise']}: ")
    assert lines[2] == f"newsctl: {bad['missing']}: no such file or directory"
    assert lines[3] == f"newsctl: {bad['dangling']}: dangling symbolic link"
    assert "Traceback" not in stderr
    # the good input was converted
    from newsctl.jobs.converters import convert_text

    expected = convert_text(good.read_text(encoding="utf-8"), "s2t")
    assert result.stdout.decode() == expected if expected.endswith("\n") else expected + "\n"


def test_nothing_processed_is_exit_2(tmp_path: Path) -> None:
    result = run_cli(["convert", "--config", "s2t", str(tmp_path / "missing.txt")])
    assert result.returncode == 2
    assert result.stderr.decode() == f"newsctl: {tmp_path / 'missing.txt'}: no such file or directory\n"


def test_no_input_on_a_terminal_is_a_usage_error() -> None:
    # CliRunner's stdin is not a tty; emulate "no input, nothing piped" via the library check
    from newsctl.errors import UsageError
    from newsctl.cli.pipeline import CommonOptions, resolve_inputs

    class Tty:
        def isatty(self) -> bool:
            return True

    with pytest.raises(UsageError, match="no input"):
        resolve_inputs(CommonOptions(), stdin=Tty())


def test_stdin_is_read_when_piped() -> None:
    result = invoke(["convert", "--config", "s2t"], input="头发与发展")
    assert result.exit_code == 0
    assert result.stdout == "頭髮與發展\n"


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "out.txt"
    result = invoke(["convert", "--config", "s2t", "-o", str(out), str(SAMPLES / "zh-hans-plain.txt")])
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").strip()
    assert [p.name for p in out.parent.iterdir()] == ["out.txt"]


def test_output_over_an_input_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "in.txt"
    target.write_text("发展", encoding="utf-8")
    result = invoke(["convert", "--config", "s2t", "-o", str(target), str(target)])
    assert result.exit_code == 2
    assert "refusing to write over an input file" in result.stderr
    assert target.read_text(encoding="utf-8") == "发展"


def test_out_dir_mirrors_the_input_tree(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "a").mkdir(parents=True)
    (src / "a" / "x.txt").write_text("发展", encoding="utf-8")
    (src / "y.txt").write_text("头发", encoding="utf-8")
    out = src / "converted"  # inside the input folder: must not be read back
    result = invoke(["convert", "--config", "s2t", "-q", "-O", str(out), str(src)])
    assert result.exit_code == 0, result.stderr
    assert (out / "a" / "x.txt").read_text(encoding="utf-8") == "發展\n"
    assert (out / "y.txt").read_text(encoding="utf-8") == "頭髮\n"
    again = invoke(["convert", "--config", "s2t", "-q", "-O", str(out), str(src)])
    assert again.exit_code == 0
    assert sorted(p.name for p in out.rglob("*")) == ["a", "x.txt", "y.txt"]


def test_json_output_keeps_path_and_encoding(tmp_path: Path) -> None:
    import json

    result = invoke(["convert", "--config", "t2s", "--json", str(SAMPLES / "zh-hant-tw-paper-roc-big5.txt")])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["path"].endswith("zh-hant-tw-paper-roc-big5.txt")
    assert record["encoding"] == "cp950"
    assert "\\u" not in result.stdout


def test_usage_error_for_both_output_options(tmp_path: Path) -> None:
    result = invoke(["convert", "--config", "s2t", "-o", str(tmp_path / "a"), "-O", str(tmp_path / "b"),
                     str(SAMPLES / "zh-hans-plain.txt")])
    assert result.exit_code == 2 and "not both" in result.stderr


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("这是一行简体中文新闻文本。\n" * 200_000, encoding="utf-8")
    cmd = f"{sys.executable} -m newsctl convert --config s2t {big} | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, timeout=120)
    assert result.stdout.decode() == "這是一行簡體中文新聞文本。\n"
    assert result.stderr.decode() == ""


def test_sigint_leaves_no_partial_or_temp_files(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(20):
        (src / f"{i:04d}.txt").write_text("这是简体中文新闻。\n" * 2000, encoding="utf-8")
    blocking = blocking_input(tmp_path)  # the run cannot end before the signal lands
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsctl", "convert", "--config", "s2t", "-j", "1", "-q", "-O", str(out),
         str(src), str(blocking)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    wait_until(lambda: out.exists() and len(os.listdir(out)) >= 20, "the folder's outputs")
    proc.send_signal(signal.SIGINT)
    release(blocking, proc)
    _, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stderr.decode()) == (130, "newsctl: interrupted\n")
    written = list(out.iterdir())
    assert not [p for p in written if p.name.startswith(".newsctl-tmp-")]
    assert blocking.name not in [p.name for p in written]
    for path in written:
        assert path.read_text(encoding="utf-8") == "這是簡體中文新聞。\n" * 2000
