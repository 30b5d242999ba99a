"""Shared fixtures: hermetic tests (caches in tmp_path, no colour, no real home)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# CI (CI=true) draws the same examples every run: a red build must mean a change broke
# something, never that a random draw found an old corner.  Exploration runs locally (random
# draws), and in long random sweeps; what they find is fixed and kept as explicit examples.
# No per-example deadline anywhere: how long an example takes depends on the machine and its
# load, not on the code under test (speed is measured by bench/, never by tests).
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
SAMPLES = ROOT / "samples"
# what a walk of samples/ takes: its text files and its saved HTML pages
SAMPLE_INPUTS = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.html")])


@pytest.fixture(autouse=True)
def _hermetic(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point newsctl's cache at a per-session temp dir and switch colour off."""
    cache = tmp_path_factory.getbasetemp() / "newsctl-cache"
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(cache))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NEWSCTL_BACKEND", raising=False)
    monkeypatch.delenv("NEWSCTL_SCHEDULER", raising=False)


@pytest.fixture
def samples() -> Path:
    return SAMPLES


def newsctl_cmd() -> list[str]:
    """The command that runs the installed CLI in a subprocess (same interpreter as the tests)."""
    return [sys.executable, "-m", "newsctl"]


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env
