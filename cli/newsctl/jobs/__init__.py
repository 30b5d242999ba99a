"""One library module per job: clean, convert, segment, keywords, stats (with
:mod:`newsctl.cleaning` and :mod:`newsctl.segmenting` holding their parts)."""
