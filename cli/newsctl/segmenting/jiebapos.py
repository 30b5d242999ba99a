"""jieba's part-of-speech HMM, run where rjieba's tags need jieba's (see
:mod:`newsctl.segmenting.rjieba_backend`): the model's tables are read straight from jieba's
package files, and its cuts follow ``jieba.posseg.POSTokenizer`` step for step.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from typing import Any

from newsctl.segmenting.backends import jieba_file
from newsctl.text import regexcache

_RE_POS_HAN = regexcache.compile("([\u4e00-\u9fd5]+)")
_RE_POS_SKIP = regexcache.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_RE_POS_NUM = regexcache.compile("[\\.0-9]+")
_RE_POS_ENG = regexcache.compile("[a-zA-Z0-9]+")


# jieba.posseg's POS HMM: the viterbi and its four tables, loaded straight from the package's
# files (0.06 s) instead of importing jieba.posseg (1.3 s: it also reads the whole dictionary).
@functools.cache
def posseg_model() -> tuple[Any, ...]:
    """jieba.posseg's viterbi and its four tables (loaded once)."""
    loaded: Any = sys.modules.get("jieba.posseg")
    if loaded is None:
        try:
            viterbi = _load_jieba_module("viterbi").viterbi
            names = ("char_state_tab", "prob_start", "prob_trans", "prob_emit")
            return (viterbi, *(_load_jieba_module(name).P for name in names))
        except (ImportError, OSError, AttributeError):  # pragma: no cover - other jieba layouts
            loaded = importlib.import_module("jieba.posseg")
    return (
        loaded.viterbi, loaded.char_state_tab_P, loaded.start_P, loaded.trans_P, loaded.emit_P
    )


def _load_jieba_module(name: str) -> Any:
    path = jieba_file(os.path.join("posseg", f"{name}.py"))
    spec = importlib.util.spec_from_file_location(f"newsctl._jieba_posseg_{name}", path)
    if spec is None or spec.loader is None:  # pragma: no cover
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pos_detail(run: str) -> list[tuple[str, str]]:
    """``POSTokenizer.__cut_detail``: a run of characters the dictionary does not join."""
    out: list[tuple[str, str]] = []
    for block in _RE_POS_HAN.split(run):
        if not block:
            continue
        if _RE_POS_HAN.match(block):
            out += _pos_hmm(block)
            continue
        for piece in _RE_POS_SKIP.split(block):
            if piece:
                if _RE_POS_NUM.match(piece):
                    out.append((piece, "m"))
                elif _RE_POS_ENG.match(piece):
                    out.append((piece, "eng"))
                else:
                    out.append((piece, "x"))
    return out


@functools.lru_cache(maxsize=1 << 16)
def _pos_hmm(sentence: str) -> tuple[tuple[str, str], ...]:
    """``POSTokenizer.__cut``: jieba's POS HMM over Chinese characters (pure, so cached)."""
    viterbi, states, start_p, trans_p, emit_p = posseg_model()
    _, route = viterbi(sentence, states, start_p, trans_p, emit_p)
    out: list[tuple[str, str]] = []
    begin = following = 0
    for i, char in enumerate(sentence):
        position, tag = route[i]
        if position == "B":
            begin = i
        elif position == "E":
            out.append((sentence[begin : i + 1], tag))
            following = i + 1
        elif position == "S":
            out.append((char, tag))
            following = i + 1
    if following < len(sentence):
        out.append((sentence[following:], route[following][1]))
    return tuple(out)
