"""Write ``cli/newsctl/data/clean/char_frequency.txt``: ``python bench/char_frequency.py [N]``.

The N most frequent Chinese characters (default 3000), most frequent first, from the word
frequencies of jieba's dictionary (a general corpus: no page of ours is counted).  Each line
holds a Simplified character and its Traditional forms (OpenCC s2t, s2tw, s2hk), which share
its rank, since pages of both scripts are cleaned as they are.  The cleaner reads it to anchor
its lexicon scans on each phrase's rarest character (:func:`newsctl.cleaning.lexicon.anchored_alternation`).
"""

from __future__ import annotations

import collections
import os
import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "cli"))

from newsctl.jobs.converters import convert_text


def main(size: int = 3000) -> None:
    counts: collections.Counter[str] = collections.Counter()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as handle:
        for line in handle:
            word, freq = line.split()[:2]
            for char in word:
                if "\u3400" <= char <= "\u9fff":
                    counts[char] += int(freq)
    lines = []
    for char, _ in counts.most_common(size):
        forms = dict.fromkeys([char] + [convert_text(char, config) for config in ("s2t", "s2tw", "s2hk")])
        lines.append("".join(form for form in forms if len(form) == 1))
    out = ROOT / "cli" / "newsctl" / "data" / "clean" / "char_frequency.txt"
    header = ("# The most frequent Chinese characters, most frequent first; a line: a Simplified\n"
              "# character and its Traditional forms.  Written by bench/char_frequency.py from\n"
              "# jieba's dictionary; read to anchor lexicon scans on rare characters.\n")
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} lines")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
