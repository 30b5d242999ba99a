"""Compare ``newsctl clean`` with trafilatura and GeneralNewsExtractor (gne) on saved HTML pages.

trafilatura and gne are not dependencies of newsctl; keep them out of the project's venv and run
this script with a venv of its own (from the project root)::

    python3 -m venv /work/benchenv
    /work/benchenv/bin/pip install trafilatura gne lxml lxml_html_clean
    /work/benchenv/bin/pip install -e .
    /work/benchenv/bin/python bench/html_compare.py [PAGES_DIR]

PAGES_DIR (default ``../shared/realpages`` beside the checkout) holds ``html/NN.html``,
``article/NN.gold.txt`` (line 1 the headline, then one body paragraph per line) and ``index.json``
(each page's encoding).  Each page is decoded with that encoding and handed to every tool as str.

Scoring follows the set's ``score.py``: a tool's text is split into lines (stripped, blanks
dropped); a first line equal to the gold headline is the title, any other line is body; body lines
match gold lines exactly (multiset intersection), pooled over all pages.  A title is right when
the tool's own title (trafilatura's metadata title, gne's title, newsctl's headline line) equals
the gold headline.  Speed: in-process time with ``time.perf_counter``, best of 3 passes over all
pages; plus one whole-process run of ``newsctl clean --json FILES...`` over all pages.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "realpages"
REPEATS = 3
SETUP = """trafilatura and gne are needed (not newsctl dependencies; keep them out of its venv):
    python3 -m venv /work/benchenv
    /work/benchenv/bin/pip install trafilatura gne lxml lxml_html_clean
    /work/benchenv/bin/pip install -e {root}
    /work/benchenv/bin/python bench/html_compare.py [PAGES_DIR]"""

try:
    import trafilatura
    from gne import GeneralNewsExtractor
    from gne.exceptions import NoContentException

    from newsctl.jobs.clean import clean_html
except ImportError as exc:
    sys.exit(f"{exc}\n\n" + SETUP.format(root=ROOT))


def lines(text: str | None) -> list[str]:
    """score.py's line split: strip whitespace and ideographic spaces, drop blanks."""
    out = (ln.strip().strip("\u3000").strip() for ln in (text or "").splitlines())
    return [ln for ln in out if ln]


def run_newsctl(html: str) -> tuple[str | None, str]:
    text = clean_html(html).text
    return (lines(text) or [None])[0], text      # the headline is the output's first line


def run_trafilatura(html: str) -> tuple[str | None, str]:
    # one call for text and title; its .text is extract(output_format="txt")'s, up to whitespace
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                      with_metadata=True)
    return (doc.title, doc.text) if doc else (None, "")


GNE = GeneralNewsExtractor()


def run_gne(html: str) -> tuple[str | None, str]:
    try:
        result = GNE.extract(html)
    except NoContentException:
        return None, ""
    return result["title"], result["content"]


TOOLS = {"newsctl": run_newsctl, "trafilatura": run_trafilatura, "gne": run_gne}


def score(outputs: list[tuple[str | None, str]], golds: list[list[str]]) -> tuple[float, ...]:
    tp = fp = fn = titles = 0
    for (title, text), gold in zip(outputs, golds):
        pred = lines(text)
        titles += (title or "").strip() == gold[0]
        if pred and pred[0] == gold[0]:
            pred = pred[1:]
        g, p = Counter(gold[1:]), Counter(pred)
        hit = sum((g & p).values())
        tp, fp, fn = tp + hit, fp + sum(p.values()) - hit, fn + sum(g.values()) - hit
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return f1, prec, rec, titles


def best_time(fn, pages: list[str]) -> tuple[float, list[tuple[str | None, str]]]:
    best, outputs = float("inf"), []
    for _ in range(REPEATS):
        start = time.perf_counter()
        outputs = [fn(html) for html in pages]
        best = min(best, time.perf_counter() - start)
    return best, outputs


def ratio(mine: float, theirs: float, other: str) -> str:
    if mine <= theirs:
        return f"newsctl is {theirs / mine:.1f}x faster than {other} per page"
    return f"newsctl is {mine / theirs:.1f}x slower than {other} per page"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not (folder / "index.json").exists():
        print(f"no pages at {folder} (expected index.json, html/, article/)")
        return 2
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    files = [folder / "html" / f"{e['nn']}.html" for e in index]
    pages = [f.read_bytes().decode(e["encoding"]) for f, e in zip(files, index)]
    golds = [(folder / "article" / f"{e['nn']}.gold.txt").read_text(encoding="utf-8").splitlines()
             for e in index]
    mb = sum(f.stat().st_size for f in files) / 1e6
    n = len(pages)

    print(f"{n} pages, {mb:.2f} MB of HTML, {folder}")
    print(f"{'tool':12} {'F1':>6} {'P':>6} {'R':>6} {'titles':>7} {'ms/page':>8} {'MB/s':>6}")
    ms = {}
    for name, fn in TOOLS.items():
        secs, outputs = best_time(fn, pages)
        f1, prec, rec, titles = score(outputs, golds)
        ms[name] = secs * 1000 / n
        print(f"{name:12} {f1:6.3f} {prec:6.3f} {rec:6.3f} {titles:4d}/{n:<2d} "
              f"{ms[name]:8.1f} {mb / secs:6.2f}")

    exe = shutil.which("newsctl", path=str(Path(sys.executable).parent)) or shutil.which("newsctl")
    if exe:
        start = time.perf_counter()
        proc = subprocess.run([exe, "clean", "--json", *map(str, files)],
                              capture_output=True, check=False)
        secs = time.perf_counter() - start
        status = "" if proc.returncode == 0 else f" (exit {proc.returncode})"
        print(f"newsctl whole process (newsctl clean --json, {n} files, one run): "
              f"{secs:.2f} s, {secs * 1000 / n:.1f} ms/page, {mb / secs:.2f} MB/s{status}")
    else:
        print("newsctl not found next to this python or on PATH: whole-process time skipped")
    print("; ".join(ratio(ms["newsctl"], ms[other], other) for other in ("trafilatura", "gne")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
