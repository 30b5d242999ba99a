"""segment through the real CLI: text and JSON output, options, folders, pools, streaming."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE_INPUTS, SAMPLES
from helpers import invoke, run_cli

HANT = SAMPLES / "zh-hant-tw-daily-politics.txt"


def test_one_output_line_per_input_line_and_tokens_rejoin() -> None:
    text = "北京今天发布新规。\n\n  臺灣的軟體產業成長。\n"
    result = invoke(["segment"], input=text)
    assert result.exit_code == 0, result.stderr
    out = result.stdout.split("\n")
    lines = text.split("\n")
    assert len(out) == len(lines)
    for line, segmented in zip(lines, out):
        assert segmented.replace(" ", "") == line.replace(" ", "")


def test_traditional_tokens_come_back_in_traditional() -> None:
    result = invoke(["segment"], input="臺灣的軟體產業與資訊服務")
    assert result.stdout == "臺灣 的 軟體 產業 與 資訊 服務\n"


def test_delimiter_pos_and_no_hmm() -> None:
    result = invoke(["segment", "-d", "|", "--pos"], input="我爱北京")
    assert result.stdout == "我/r|爱/v|北京/ns\n"
    result = invoke(["segment", "--no-hmm"], input="我爱北京")
    assert result.stdout == "我 爱 北京\n"


def test_search_mode_adds_inner_words() -> None:
    result = invoke(["segment", "--mode", "search"], input="中华人民共和国")
    words = result.stdout.split()
    assert "中华人民共和国" in words and "中华" in words and "共和国" in words


def test_json_tokens_pos_and_spans_index_the_text() -> None:
    text = "標題\n臺灣的軟體"
    result = invoke(["segment", "--json", "--pos", "--offsets"], input=json.dumps({"path": "a", "text": text}))
    record = json.loads(result.stdout)
    assert record["tokens"] == ["標題", "臺灣", "的", "軟體"]
    assert [text[s:e] for s, e in record["spans"]] == record["tokens"]
    assert len(record["pos"]) == 4 and record["pos"][2] == "uj"


def test_user_dictionary_with_bom_crlf_and_spaces(tmp_path: Path) -> None:
    user = tmp_path / "user.txt"
    user.write_bytes("\ufeff智慧 城市 5 n\r\n鄱阳湖越冬候鸟\r\n".encode())
    result = invoke(["segment", "--dict", str(user)], input="发展智慧 城市，看鄱阳湖越冬候鸟")
    assert "智慧 城市" not in result.stdout.replace("智慧 城市 ，", "")  # kept whole: one token
    assert "鄱阳湖越冬候鸟" in result.stdout.split()


def test_missing_user_dictionary_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke(["segment", "--dict", str(tmp_path / "nope.txt")], input="我爱北京")
    assert result.exit_code == 2
    assert str(tmp_path / "nope.txt") in result.stderr and "Traceback" not in result.stderr


def test_folder_with_out_dir_and_two_workers_matches_one_worker(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke(["segment", "-j", "1", "-q", "-O", str(one), str(SAMPLES)]).exit_code == 0
    assert invoke(["segment", "-j", "2", "-q", "-O", str(two), str(SAMPLES)]).exit_code == 0
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.stem + ".txt" for p in SAMPLE_INPUTS)   # a page gives .txt
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_large_file_streams_through_and_head_closes_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = "臺灣的軟體產業與資訊服務，今年營收創新高。"
    big.write_text(f"{line}\n" * 80_000, encoding="utf-8")
    cmd = f"{sys.executable} -m newsctl segment {big} | head -2"
    result = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=300)
    expected = invoke(["segment"], input=line).stdout.strip()
    assert result.stdout.decode().splitlines() == [expected] * 2
    assert result.stderr.decode() == ""


def test_samples_segment_without_errors() -> None:
    result = run_cli(["segment", "-q", str(SAMPLES)])
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().count("\n") >= sum(
        1 for p in SAMPLES.glob("*.txt") for _ in p.read_bytes().splitlines()
    )
