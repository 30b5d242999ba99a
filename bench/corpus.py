"""Benchmark inputs, generated from the samples (nothing large is committed).

Text is built from the sample articles' own paragraphs, shuffled with a fixed seed, so a run is
repeatable and the text is real-style news prose in the requested script.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from newsctl.encodings import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
WORK = Path(__file__).resolve().parent / ".work"


def sample_paragraphs(script: str) -> list[str]:
    """Paragraph-like lines (≥ 20 characters) of the samples in one script: hans or hant."""
    lines: list[str] = []
    for path in sorted(SAMPLES.glob(f"zh-{script}-*.txt")):
        text = decode_bytes(path.read_bytes(), str(path)).text
        lines += [line.strip().replace("\u3000", "") for line in text.splitlines() if len(line.strip()) >= 20]
    return lines


def text_file(script: str, megabytes: float, name: str | None = None) -> Path:
    """A UTF-8 file of about ``megabytes`` MB, one paragraph per line (cached in bench/.work)."""
    WORK.mkdir(exist_ok=True)
    path = WORK / (name or f"{script}-{megabytes:g}MB.txt")
    target = int(megabytes * 1_000_000)
    if path.exists() and path.stat().st_size >= target:
        return path
    rng = random.Random(42)
    paragraphs = sample_paragraphs(script)
    written = 0
    with open(path, "w", encoding="utf-8") as handle:
        while written < target:
            line = rng.choice(paragraphs) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
    return path


_DIGITS = re.compile(r"\d+")


def _vary_numbers(text: str, rng: random.Random) -> str:
    """Every number replaced by another of the same width, no larger and with the same first
    digit (2025-03-18 14:32 -> 2021-02-13 14:05; 阅读 1634 -> 阅读 1287), so dates stay valid
    and each copy's date, time and counter lines are its own, as on a real site: per-process
    memos then help only with what truly repeats (menus, share rows, copyright lines)."""
    def swap(match: "re.Match[str]") -> str:
        digits = match.group()
        value = int(digits)
        low = max(1, int(digits[0]) * 10 ** (len(digits) - 1))
        if value < low:
            return digits
        return str(rng.randint(low, value)).zfill(len(digits))
    return _DIGITS.sub(swap, text)


def article_tree(count: int, name: str, vary: bool = False) -> Path:
    """A folder of ``count`` article files (copies of the samples as UTF-8) in nested folders;
    with ``vary``, each copy's numbers differ (see :func:`_vary_numbers`)."""
    root = WORK / name
    marker = root / ".complete"
    if marker.exists():
        return root
    rng = random.Random(7)
    articles = []
    for path in sorted(SAMPLES.glob("*.txt")):
        articles.append(decode_bytes(path.read_bytes(), str(path)).text)
    for i in range(count):
        folder = root / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = rng.choice(articles)
        if vary:
            text = _vary_numbers(text, rng)
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    marker.write_text("ok")
    return root
