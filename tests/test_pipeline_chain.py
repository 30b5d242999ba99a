"""The JSON Lines chain from the issue: clean | convert | segment | stats keeps every article."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SAMPLE_INPUTS, SAMPLES

# whole processes chained through pipes: the quick tier (-m "not slow") leaves these out
pytestmark = pytest.mark.slow


def test_clean_convert_segment_stats_chain() -> None:
    py = sys.executable
    chain = (
        f"{py} -m newsctl clean --json -q {SAMPLES} | {py} -m newsctl convert --to simplified --json | "
        f"{py} -m newsctl segment --json | {py} -m newsctl stats --json"
    )
    result = subprocess.run(["bash", "-o", "pipefail", "-c", chain], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    docs, summary = records[:-1], records[-1]["summary"]
    samples = [str(p) for p in SAMPLE_INPUTS]
    assert [d["path"] for d in docs] == samples
    assert summary["documents"] == len(samples)
    for doc in docs:
        assert set(doc["meta"]) >= {"title", "date", "source", "author", "category", "site", "editor", "views"}
        assert doc["tokens"] and doc["stats"]["script"] in ("simplified", "none")
    hk = next(d for d in docs if "hk-paper" in d["path"])
    # metadata went through convert too, and the tokens start with the (converted) headline
    title = hk["meta"]["title"]
    assert "袭" in title and "襲" not in title
    assert "".join(hk["tokens"]).startswith(title.replace(" ", "")[:6])


def test_json_lines_on_stdin_are_worked_on_as_they_arrive() -> None:
    """A stage of a pipeline starts writing before the stage before it has finished: its first
    records come out while its standard input is still open."""
    import json
    import select
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "newsctl", "convert", "--to", "traditional",
                             "--json", "-q", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    import threading

    record = json.dumps({"text": "这是简体中文新闻。" * 50}, ensure_ascii=False) + "\n"
    # more input than the output buffer holds, written from a thread (the pipes must not fill
    # while nobody reads them); the input stays open until the first output has been read
    writer = threading.Thread(target=lambda: (proc.stdin.write(record.encode("utf-8") * 200),
                                              proc.stdin.flush()))
    writer.start()
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)   # a bound, not a wait for time
        assert ready, "no output before the end of the input"
        first = json.loads(proc.stdout.readline())
        assert first["text"].startswith("這是簡體中文新聞。")
    finally:
        # drain the output first: the child may be waiting for room in it, and the writer for
        # the child
        drain = threading.Thread(target=proc.stdout.read)
        drain.start()
        writer.join(timeout=60)
        proc.stdin.close()
        drain.join(timeout=60)
        proc.wait(timeout=60)
    assert proc.returncode == 0


def test_json_lines_errors_on_stdin_name_their_line() -> None:
    from helpers import invoke

    result = invoke(["convert", "--to", "traditional", "--json", "-q", "-"],
                    input='{"text": "新闻"}\n\nnot json\n{"text": "记者"}\n')
    assert result.exit_code == 1
    assert result.stderr == "newsctl: -:3: not valid JSON (Expecting value)\n"
    assert [line for line in result.stdout.splitlines() if line] and "記者" in result.stdout
