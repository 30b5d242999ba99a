"""Building blocks of ``newsctl clean``; the public entry point is :mod:`newsctl.clean`.

One job per module:

- ``lines``: split a page into normalised lines (markup, entities, invisible characters out),
  join paragraphs broken into fragments;
- ``encoding``: mojibake lines and injected pinyin;
- ``dates``: dates as pages print them (AD, ROC 民國, 〇一二 numerals) to ISO 8601;
- ``fields`` and ``names``: metadata rows (来源/作者/记者/编辑/日期/阅读…) and the names in bylines;
- ``dateline``: dateline/byline tags glued to the first paragraph (新华社…电, 〔記者…報導〕);
- ``captions``: photo captions and credits (whole lines, and credits inside a paragraph);
- ``rules``: line classifiers, strong (hold anywhere) and weak (hold around the body only);
- ``title``: the headline, its site/channel suffix and its column label;
- ``blocks``: head / body / tail decisions, related blocks, captions after images, footnotes;
- ``metadata``: the ``meta`` record, with the precedence rules for source, date and category;
- ``sitefile``: ``--rules`` TOML files;
- ``lexicon``: the word lists in ``newsctl/data/clean`` (read on first use).

The evaluation scorer lives with the tests (``tests/scoring.py``), outside the package.
"""
