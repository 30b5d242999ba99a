"""newsctl: clean, convert, segment and count Chinese news text.

The library API (:data:`__all__`: ``clean``, ``convert``, ``segment``, ``stats``, ``load``, and
their earlier names ``clean_text``, ``convert_text``, ``segment_words``, ``text_stats``,
``load_documents``) works on strings and paths as the commands do; see :mod:`newsctl.api`.
The package's layers are subpackages: ``cli`` (the command line), ``engine`` (running tasks over
documents), ``io`` (reading and writing), ``jobs`` (one module per command, with ``cleaning``
and ``segmenting``), ``text`` (shared helpers and caches).
Importing the package is cheap on purpose: nothing heavy (jieba, OpenCC, chardet) is loaded
here, and the API functions themselves load on first use.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "clean", "clean_text", "convert", "convert_text", "load",
           "load_documents", "segment", "segment_words", "stats", "text_stats"]


def __getattr__(name: str) -> Any:
    # the API module loads on first use: `newsctl --help` and `import newsctl.cli.app` stay fast
    if name in __all__ and name != "__version__":
        from newsctl import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsctl' has no attribute {name!r}")
