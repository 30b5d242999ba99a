"""newsctl's per-user cache folder (jieba's dictionary cache, compiled regular expressions)."""

from __future__ import annotations

import os


def cache_dir() -> str | None:
    """newsctl's per-user cache folder, created on demand; None when it cannot be created.

    ``$NEWSCTL_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsctl``, else ``~/.cache/newsctl``.
    """
    path = os.environ.get("NEWSCTL_CACHE_DIR")
    if not path:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        path = os.path.join(base, "newsctl")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return None
    return path
