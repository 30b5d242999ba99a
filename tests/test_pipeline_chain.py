"""The JSON Lines chain from the issue: clean | convert | segment | stats keeps every article."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SAMPLES


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
    samples = sorted(str(p) for p in SAMPLES.glob("*.txt"))
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
