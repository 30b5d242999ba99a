"""Golden-file tests: every command's output on every sample, as pinned by tests/golden/pin.py.

A difference means behaviour changed: if the change is intended, re-pin with
``python tests/golden/pin.py`` and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from golden.pin import COMMANDS, GOLDEN, ROOT, SAMPLES, run

CASES = [(command, sample) for command in COMMANDS for sample in sorted(SAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("command,sample", CASES, ids=[f"{c}-{s.stem}" for c, s in CASES])
def test_output_matches_the_pinned_golden_file(command: str, sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    expected = (GOLDEN / command / f"{sample.stem}.out").read_text(encoding="utf-8")
    assert run(command, sample) == expected


def test_every_sample_is_pinned() -> None:
    for command in COMMANDS:
        pinned = {p.stem for p in (GOLDEN / command).glob("*.out")}
        assert pinned == {s.stem for s in SAMPLES.glob("*.txt")}, command
