"""The words' ends (running sums of their lengths: the words tile the text), the places every
whole-text step after the cut works on, and the optional compiled helper that makes them.

A list of ints costs an int object per word (0.1 s for 4 million words on 20 MB of Traditional
pages); the compiled helper ``newsctl.speedups`` (``cli/newsctl/speedups.c``, built at install
time by ``hatch_build.py`` when a C compiler is there) gives a compact ``array("q")`` instead,
which ``bisect``, indexing and slicing read as they read a list.  Without the helper, or with
``NEWSCTL_PURE_PYTHON=1`` in the environment (to compare the two, or to rule the helper out),
every step runs its Python version, with the same output.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import MutableSequence
from itertools import accumulate
from typing import Any

__all__ = ["COMPILED", "HELPER", "SPEEDUPS_VERSION", "Ends", "word_ends"]

#: A list of ints, or an ``array("q")`` from the compiled helper.
Ends = MutableSequence[int]


#: The helper's version this code calls (``SPEEDUPS_VERSION`` in speedups.c).
SPEEDUPS_VERSION = 1


def _helper() -> Any:
    """The compiled helper module, None when it was not built, is ruled out, or was built from
    another version of speedups.c (an editable install not installed again since)."""
    if os.environ.get("NEWSCTL_PURE_PYTHON"):
        return None
    try:
        from newsctl import speedups
    except ImportError:
        return None
    return speedups if getattr(speedups, "VERSION", None) == SPEEDUPS_VERSION else None


#: The compiled helper module (``newsctl.speedups``), or None.
HELPER = _helper()
#: Whether the compiled helper is in use.
COMPILED = HELPER is not None


def word_ends(words: list[str]) -> Ends:
    """The running sums of the words' lengths: ``[2, 3, 5]`` for ``["新聞", "，", "今天"]``."""
    if HELPER is not None:
        return array("q", HELPER.word_ends(words))
    return list(accumulate(map(len, words)))
