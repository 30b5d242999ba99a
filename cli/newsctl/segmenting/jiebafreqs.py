"""jieba's word frequencies where jieba-rs keeps its own: what adding user words to rjieba needs
so that its cuts stay jieba's (``Tokenizer.FREQ``, ``total`` and ``suggest_freq``).
"""

from __future__ import annotations

import bisect
from typing import Any

from newsctl.segmenting.backends import jieba_file


class JiebaFreqs:
    """jieba's ``Tokenizer.FREQ`` and ``total``, as far as adding user words needs them.

    Read from jieba's own ``dict.txt`` (the dictionary jieba-rs embeds) on first use only: a user
    dictionary whose words all have frequencies and are new never reads it.
    """

    def __init__(self, jieba: Any) -> None:
        self._jieba = jieba
        self._builtin: dict[str, int] | None = None
        self._sorted: list[str] | None = None
        self._builtin_total = 0
        self._added_total = 0
        self._user: dict[str, int] = {}
        self._prefixes: set[str] = set()

    def _load(self) -> dict[str, int]:
        if self._builtin is None:
            table: dict[str, int] = {}
            total = 0
            with open(jieba_file("dict.txt"), encoding="utf-8") as handle:
                for line in handle:
                    fields = line.split(" ", 2)
                    if len(fields) >= 2:
                        table[fields[0]] = int(fields[1])
                        total += int(fields[1])
            self._builtin, self._builtin_total = table, total
        return self._builtin

    def builtin(self, word: str) -> int:
        """The frequency jieba-rs's own dictionary gives ``word``."""
        return self._load().get(word, 0)

    def added(self, word: str, freq: int) -> None:
        self._user[word] = freq
        self._added_total += freq
        self._prefixes.update(word[:i] for i in range(1, len(word)))

    def freq(self, word: str) -> int:
        """``FREQ.get(word, 1)``: 0 for a prefix of a word (jieba keeps those as 0)."""
        if word in self._user:
            return self._user[word]
        table = self._load()
        if word in table:
            return table[word]
        if word in self._prefixes:
            return 0
        if self._sorted is None:
            self._sorted = sorted(table)
        at = bisect.bisect_left(self._sorted, word)
        return 0 if at < len(self._sorted) and self._sorted[at].startswith(word) else 1

    def suggest(self, word: str) -> int:
        """``Tokenizer.suggest_freq(word)``, with jieba's own arithmetic."""
        self._load()
        total = self._builtin_total + self._added_total
        ftotal = float(total)
        freq = 1.0
        for piece in self._jieba.cut(word, False):
            freq *= self.freq(piece) / ftotal
        return max(int(freq * total) + 1, self.freq(word))
