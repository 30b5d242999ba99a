"""Building blocks of ``newsctl clean``; the public entry point is :mod:`newsctl.clean`.

One job per module: ``lines`` (normalisation and fragment joining), ``encoding`` (mojibake,
injected pinyin), ``dates`` (date parsing), ``fields`` (metadata rows), ``rules`` (line
classifiers), ``inline`` (tags and credits cut from inside a line), ``title`` (headline and
its suffix), ``blocks`` (head / body / tail decisions), ``metadata`` (the ``meta`` record),
``sitefile`` (``--rules`` TOML) and ``lexicon`` (the word lists in ``data/clean``).
"""
