"""``clean_text`` on every sample page against the hand-written gold in ``tests/data/clean_gold``.

Scores: line-level precision/recall/F1 of the body paragraphs (a paragraph counts when it is
printed exactly as in the gold), whether the headline is right, and the share of ``meta``
fields that equal the gold.  The floors below are what the cleaner reaches, minus a margin;
run ``pytest -s tests/test_clean_samples.py`` to see the per-file table.  (The holdout pages in
``tests/data/clean_eval`` are for measuring, not tuning, and are not read here.)
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsctl.jobs.clean import clean_text
from newsctl.io.encodings import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLD = ROOT / "tests" / "data" / "clean_gold"

F1_FLOOR_EACH = 0.8
F1_FLOOR_ALL = 0.95
TITLES_FLOOR = 13          # of 14
META_FLOOR = 0.9


@dataclass(frozen=True)
class Score:
    stem: str
    tp: int
    out: int
    gold: int
    title_ok: bool
    meta_right: int
    meta_total: int

    @property
    def precision(self) -> float:
        return self.tp / self.out if self.out else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(path: Path) -> Score:
    text = decode_bytes(path.read_bytes(), str(path)).text
    result = clean_text(text)
    gold_lines = (GOLD / path.name).read_text(encoding="utf-8").rstrip("\n").split("\n")
    gold_meta = json.loads((GOLD / f"{path.stem}.meta.json").read_text(encoding="utf-8"))
    gold_body = Counter(gold_lines[1:])
    ours = Counter(result.paragraphs)
    tp = sum((ours & gold_body).values())
    right = sum(result.meta.get(key) == value for key, value in gold_meta.items())
    return Score(path.stem, tp, sum(ours.values()), sum(gold_body.values()),
                 result.title == gold_lines[0], right, len(gold_meta))


@pytest.fixture(scope="module")
def scores() -> list[Score]:
    return [score(path) for path in SAMPLES]


def test_there_are_samples_with_gold() -> None:
    assert len(SAMPLES) == 14
    for p in SAMPLES:
        assert (GOLD / p.name).exists() and (GOLD / f"{p.stem}.meta.json").exists()


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_each_sample(path: Path) -> None:
    s = score(path)
    assert s.f1 >= F1_FLOOR_EACH, f"{s.stem}: F1 {s.f1:.2f}"


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_each_sample_is_idempotent(path: Path) -> None:
    once = clean_text(decode_bytes(path.read_bytes(), str(path)).text).text
    assert clean_text(once).text == once


def test_overall_scores(scores: list[Score]) -> None:
    print(f"\n{'sample':32} {'P':>5} {'R':>5} {'F1':>5} title meta")
    for s in scores:
        print(f"{s.stem:32} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} "
              f"{'ok' if s.title_ok else 'XX':>5} {s.meta_right}/{s.meta_total}")
    tp = sum(s.tp for s in scores)
    precision = tp / sum(s.out for s in scores)
    recall = tp / sum(s.gold for s in scores)
    f1 = 2 * precision * recall / (precision + recall)
    titles = sum(s.title_ok for s in scores)
    meta = sum(s.meta_right for s in scores) / sum(s.meta_total for s in scores)
    print(f"{'overall':32} {precision:5.2f} {recall:5.2f} {f1:5.2f} "
          f"{titles:>3}/{len(scores)} {meta:.0%}")
    assert f1 >= F1_FLOOR_ALL
    assert titles >= TITLES_FLOOR
    assert meta >= META_FLOOR
