"""The runner: order kept, errors collected, workers set up once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsctl.io.documents import Document, Source, expand_inputs
from newsctl.errors import NewsctlError, UsageError
from newsctl.engine.runner import run


@pytest.fixture(autouse=True)
def _setup_counter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The setup counter lives in the environment (so workers see it); start it at 0 and let
    monkeypatch remove it afterwards, so later tests' workers do not inherit it."""
    monkeypatch.setenv("NEWSCTL_TEST_SETUP", "0")


@dataclass(frozen=True)
class Upper:
    """A test task: tag each document with the worker's pid; fail on a marker."""

    def setup(self) -> None:
        os.environ["NEWSCTL_TEST_SETUP"] = str(int(os.environ.get("NEWSCTL_TEST_SETUP", "0")) + 1)

    def __call__(self, document: Document) -> Document:
        if "FAIL" in document.text:
            raise UsageError("marker found")
        if "BUG" in document.text:
            raise ZeroDivisionError("boom")
        return document.with_fields(pid=os.getpid(), setups=os.environ["NEWSCTL_TEST_SETUP"])


def _files(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for i in range(count):
        path = tmp_path / f"{i:03d}.txt"
        path.write_text("FAIL" if i == 5 else ("BUG" if i == 7 else f"文{i}"), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_pool_keeps_order_and_collects_errors(tmp_path: Path) -> None:
    paths = _files(tmp_path, 40)
    items: list[Source | NewsctlError] = list(expand_inputs([*paths[:20], str(tmp_path / "missing"), *paths[20:]]))
    outcomes = list(run(items, Upper(), jobs=2, chunk_size=3))
    assert len(outcomes) == 41
    texts = [o.documents[0].text if o.documents else None for o in outcomes]
    assert texts[:5] == ["文0", "文1", "文2", "文3", "文4"]
    assert texts[5] is None and "marker found" in str(outcomes[5].errors[0])
    assert str(outcomes[5].errors[0]).startswith(paths[5])
    assert "internal error (ZeroDivisionError: boom)" in str(outcomes[7].errors[0])
    assert outcomes[20].source is None and "no such file" in str(outcomes[20].errors[0])
    assert texts[21] == "文20"
    pids = {o.documents[0].fields["pid"] for o in outcomes if o.documents}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    # each worker ran setup exactly once, however many chunks it handled
    assert {o.documents[0].fields["setups"] for o in outcomes if o.documents} == {"1"}


def test_serial_and_pool_agree(tmp_path: Path) -> None:
    paths = _files(tmp_path, 12)
    serial = [o.documents for o in run(list(expand_inputs(paths)), Upper(), jobs=1)]
    pooled = [o.documents for o in run(list(expand_inputs(paths)), Upper(), jobs=2)]
    strip = lambda docs: [d.text for d in docs]  # noqa: E731
    assert [strip(d) for d in serial] == [strip(d) for d in pooled]


def test_progress_callback_counts_every_item(tmp_path: Path) -> None:
    paths = _files(tmp_path, 10)
    seen: list[int] = []
    list(run(list(expand_inputs(paths)), Upper(), jobs=2, on_progress=seen.append))
    assert sum(seen) == 10
