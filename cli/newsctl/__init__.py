"""newsctl: clean, convert, segment and count Chinese news text.

The public library API lives in the submodules (``newsctl.documents``, ``newsctl.clean``,
``newsctl.convert``, ``newsctl.segment``, ``newsctl.keywords``, ``newsctl.stats``).  Importing
the package is cheap on purpose: nothing heavy (jieba, OpenCC, chardet) is loaded here.
"""

__version__ = "0.1.0"
