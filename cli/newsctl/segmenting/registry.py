"""Backend name -> segmenter: the one place that knows every backend.

The jieba backend lives in :mod:`newsctl.segmenting.backends` with what all backends share; the
rjieba backend builds on that in its own module and is imported only when asked for.  Keeping
the table here means the shared module never imports a backend module (no import cycle).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsctl.segmenting.backends import JiebaSegmenter, Segmenter

if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsctl.segmenting.userdict import UserWord

BackendFactory = Callable[[Sequence["UserWord"]], Segmenter]


def _rjieba(words: Sequence[UserWord]) -> Segmenter:
    """The rjieba backend, from its own module (imported only when asked for)."""
    from newsctl.segmenting.rjieba_backend import RjiebaSegmenter

    return RjiebaSegmenter(words)


#: Backend name -> factory.  Adding a backend is a class in its module and a line here.
BACKENDS: dict[str, BackendFactory] = {
    "jieba": JiebaSegmenter,
    "rjieba": _rjieba,
}
