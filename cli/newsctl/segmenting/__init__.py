"""Building blocks of :mod:`newsctl.jobs.segment`.

* :mod:`~newsctl.segmenting.backends` — the :class:`Segmenter` protocol and its backends (jieba;
  rjieba), built lazily, with jieba's dictionary cache in newsctl's cache directory.
* :mod:`~newsctl.segmenting.userdict` — a tolerant reader for jieba-style user dictionaries.
* :mod:`~newsctl.segmenting.projection` — Traditional text segmented through its Simplified form.

Nothing here imports jieba or OpenCC at import time.
"""
