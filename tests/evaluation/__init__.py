"""The evaluation harness: newsctl scored on the sets ``tests/data/evalsets.toml`` lists.

It lives with the tests, outside the package, so that the installed wheel holds no evaluation
code.  The tests import it as ``evaluation`` (pytest puts ``tests/`` on the path); the command
``python bench/evaluate.py`` adds ``tests/`` to the path itself.

- ``manifest.py`` — the sets and their floors, read from the manifest.
- ``cases.py`` — a clean set's pages with their gold; a page read as ``newsctl clean`` reads it.
- ``cleanscore.py`` — the cleaner's score: body-line F1, headlines, metadata fields.
- ``segscore.py`` — the segmenter's score: word precision, recall and F1 (SIGHAN style).
- ``runner.py`` — one set scored, its one-line summary, and the floors it misses.
"""
