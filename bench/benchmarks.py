"""The benchmarks themselves; each compares newsctl with the plain library in the same run."""

from __future__ import annotations

from corpus import WORK, text_file
from harness import PY, Result, benchmark, best_of, newsctl


@benchmark("convert")
def convert(repeat: int) -> list[Result]:
    """t2s on 25 MB of Traditional text vs one OpenCC call in a bare Python process."""
    source = text_file("hant", 25)
    megabytes = source.stat().st_size / 1e6
    ours = best_of(repeat, newsctl("convert", "--config", "t2s", "-o", str(WORK / "convert.out"), str(source)))
    bare = (
        "import sys, opencc; c = opencc.OpenCC('t2s'); "
        "t = open(sys.argv[1], encoding='utf-8').read(); "
        "open(sys.argv[2], 'w', encoding='utf-8').write(c.convert(t))"
    )
    baseline = best_of(repeat, [PY, "-c", bare, str(source), str(WORK / "convert.base")])
    results = [Result("convert t2s 25 MB", ours, baseline, megabytes, target="ratio <= 1.5")]
    naive = (
        "import sys, opencc; c = opencc.OpenCC('t2s'); out = open(sys.argv[2], 'w', encoding='utf-8')\n"
        "for line in open(sys.argv[1], encoding='utf-8'): out.write(c.convert(line))"
    )
    results.append(Result("  (naive per-line OpenCC loop)", best_of(1, [PY, "-c", naive, str(source), str(WORK / "convert.naive")]),
                          baseline, megabytes, note="for reference"))
    return results


@benchmark("convert-stream")
def convert_stream(repeat: int) -> list[Result]:
    """200 MB through convert: throughput and peak memory (must stay under 250 MB)."""
    source = text_file("hant", 200)
    megabytes = source.stat().st_size / 1e6
    ours = best_of(1, newsctl("convert", "--config", "t2s", "-o", str(WORK / "stream.out"), str(source)))
    return [Result("convert t2s 200 MB streaming", ours, None, megabytes, target="peak < 250 MB")]


def _jieba_loop(pos: bool) -> str:
    cut = "[f'{w}/{t}' for w, t in pseg.lcut(line)]" if pos else "jieba.lcut(line)"
    return (
        "import sys, jieba, jieba.posseg as pseg, logging; jieba.setLogLevel(logging.WARNING)\n"
        "out = open(sys.argv[2], 'w', encoding='utf-8')\n"
        "for line in open(sys.argv[1], encoding='utf-8'):\n"
        "    line = line.rstrip('\\n')\n"
        f"    out.write(' '.join(w for w in {cut} if w.strip()) + '\\n')\n"
    )


@benchmark("segment")
def segment(repeat: int) -> list[Result]:
    """segment on 3 MB of Traditional and of Simplified text vs a plain jieba.lcut loop."""
    results = []
    for script, label in (("hant", "Traditional"), ("hans", "Simplified")):
        source = text_file(script, 3)
        megabytes = source.stat().st_size / 1e6
        ours = best_of(repeat, newsctl("segment", "-o", str(WORK / "seg.out"), str(source)))
        base = best_of(repeat, [PY, "-c", _jieba_loop(False), str(source), str(WORK / "seg.base")])
        target = "ratio <= 0.85" if script == "hant" else ""
        results.append(Result(f"segment 3 MB {label}", ours, base, megabytes, target=target))
    return results


@benchmark("segment-pos")
def segment_pos(repeat: int) -> list[Result]:
    """segment --pos on 20 KB of Traditional text vs plain jieba.posseg (start-up included)."""
    source = text_file("hant", 0.02, name="hant-20KB.txt")
    kilobytes = source.stat().st_size / 1e6
    ours = best_of(repeat, newsctl("segment", "--pos", "-o", str(WORK / "pos.out"), str(source)))
    base = best_of(1, [PY, "-c", _jieba_loop(True), str(source), str(WORK / "pos.base")])
    return [Result("segment --pos 20 KB Traditional", ours, base, kilobytes, target="ratio <= 0.3")]
