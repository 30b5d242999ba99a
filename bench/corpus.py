"""Benchmark inputs, generated from the samples (nothing large is committed).

Text is built from the sample articles' own paragraphs, shuffled with a fixed seed, so a run is
repeatable and the text is real-style news prose in the requested script.
"""

from __future__ import annotations

import random
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


def article_tree(count: int, name: str) -> Path:
    """A folder of ``count`` article files (copies of the samples as UTF-8) in nested folders."""
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
        (folder / f"{i:06d}.txt").write_text(rng.choice(articles), encoding="utf-8")
    marker.write_text("ok")
    return root
