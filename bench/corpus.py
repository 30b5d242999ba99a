"""Benchmark inputs, generated from the samples (nothing large is committed).

Text is built from the sample articles' own paragraphs, shuffled with a fixed seed, so a run is
repeatable and the text is real-style news prose in the requested script.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from newsctl.io.encodings import decode_bytes

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


_SENTENCE_END = re.compile(r"(?<=[。！？])")


def _prose_pool() -> dict[str, tuple[list[str], list[list[str]]]]:
    """Per script: every sentence of every invented page we have (samples and the evaluation
    pages), and the non-prose lines of each page (its menus, bylines, footers)."""
    folders = [SAMPLES, ROOT / "tests" / "data" / "clean_eval" / "pages",
               *sorted((ROOT / "tests" / "data").glob("clean_blind*/pages"))]
    pool: dict[str, tuple[list[str], list[list[str]]]] = {"hans": ([], []), "hant": ([], [])}
    for folder in folders:
        for path in sorted(folder.glob("zh-*.txt")):
            script = "hant" if path.name.startswith("zh-hant") else "hans"
            sentences, chrome = pool[script]
            lines = [line.strip() for line in decode_bytes(path.read_bytes(), str(path)).text.split("\n")]
            chrome.append([line for line in lines if line and not line.endswith(("。", "！", "？", "」", "”"))])
            for line in lines:
                if len(line) >= 30 and line.endswith(("。", "！", "？")):
                    sentences += [s for s in _SENTENCE_END.split(line) if len(s) >= 8]
    return pool


def _distinct_page_texts(rng: random.Random, scripts: tuple[str, ...]) -> Iterator[str]:
    """Scraped-style pages, the scripts taking turns, in which no paragraph repeats: each
    paragraph is 2-5 sentences drawn at random from the invented pages' sentences, between one
    page's own chrome lines (menus, bylines, footers), every number varied."""
    pool = _prose_pool()
    i = 0
    while True:
        sentences, chrome = pool[scripts[i % len(scripts)]]
        frame = rng.choice(chrome)
        head, tail = frame[: len(frame) // 2], frame[len(frame) // 2:]
        paragraphs = ["".join(rng.sample(sentences, rng.randint(2, 5))) for _ in range(rng.randint(5, 12))]
        yield _vary_numbers("\n".join([*head, *paragraphs, *tail]) + "\n", rng)
        i += 1


def distinct_pages(megabytes: float, name: str) -> Path:
    """A folder of about ``megabytes`` MB of scraped-style pages, half Traditional, half
    Simplified, in which no paragraph repeats (see :func:`_distinct_page_texts`): per-line memos
    and caches cannot flatter a benchmark on it."""
    root = WORK / name
    marker = root / ".complete"
    if marker.exists():
        return root
    target = int(megabytes * 1_000_000)
    written = 0
    for i, text in enumerate(_distinct_page_texts(random.Random(11), ("hans", "hant"))):
        if written >= target:
            break
        folder = root / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        written += len(data)
    marker.write_text("ok")
    return root


def distinct_text(script: str, megabytes: float) -> Path:
    """One UTF-8 file of about ``megabytes`` MB of such pages in one script (hans or hant), one
    after another: distinct text for benchmarks over a single input."""
    WORK.mkdir(exist_ok=True)
    path = WORK / f"distinct-{script}-{megabytes:g}MB.txt"
    target = int(megabytes * 1_000_000)
    if path.exists() and path.stat().st_size >= target:
        return path
    written = 0
    with open(path, "wb") as handle:
        for text in _distinct_page_texts(random.Random(13), (script,)):
            if written >= target:
                break
            data = text.encode("utf-8")
            handle.write(data)
            written += len(data)
    return path
