"""Per-document transforms: small picklable objects that adapt the library functions to Documents.

Each task has ``setup()`` (build heavy resources once per process: called lazily in the main
process, and in the initializer of every pool worker) and ``__call__(document) -> document``.
Heavy modules are imported inside the methods.  One module per command, loaded on first use
(``from newsctl.engine.tasks import CleanTask`` imports only :mod:`newsctl.engine.tasks.clean`): scripts that
run ``newsctl clean`` once per article pay for nothing the other commands need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsctl.text.script import SCRIPT_SAMPLE_CHARS

_MODULES = {
    "CleanTask": "clean",
    "ConvertTask": "convert",
    "KeywordsTask": "keywords",
    "SegmentTask": "segment",
    "StatsTask": "stats",
}
__all__ = ["SCRIPT_SAMPLE_CHARS", "CleanTask", "ConvertTask", "KeywordsTask", "SegmentTask",
           "StatsTask"]

if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsctl.engine.tasks.clean import CleanTask
    from newsctl.engine.tasks.convert import ConvertTask
    from newsctl.engine.tasks.keywords import KeywordsTask
    from newsctl.engine.tasks.segment import SegmentTask
    from newsctl.engine.tasks.stats import StatsTask


def __getattr__(name: str) -> Any:
    """Import a task's module when the task is first asked for (PEP 562)."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
