"""Which script a text is written in: Traditional, Simplified, mixed, or no Chinese at all.

The measure is OpenCC itself: a character is a Traditional-only form when ``t2s`` changes it, and a
Simplified-only form when ``s2t`` changes it.  Characters both scripts share (人, 大, 中…) count
for neither.  The whole text is converted once per direction and compared character by character,
so profiling costs two OpenCC calls (about 30 MB/s t2s and 14 MB/s s2t), not one per line.

Thresholds for :attr:`ScriptProfile.label`, from the share of Traditional-only forms among all
script-specific characters (``traditional / (traditional + simplified)``):

* ``>= 0.8`` "traditional", ``<= 0.2`` "simplified", in between "mixed";
* no CJK ideograph at all: "none";
* CJK text made only of shared characters: "simplified" (nothing to convert either way).

Measured on 2.9 MB of zh_TW and zh_CN manual pages: real Traditional text scores 0.998 (s2t still
changes a few shared characters such as 游, 才, 群, 台), real Simplified text 0.000.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import ne

from newsctl.jobs.converters import convert_text
from newsctl.text import regexcache

__all__ = ["ScriptProfile", "count_differences", "is_traditional", "mostly_traditional",
           "script_profile", "script_summary"]

#: The CJK ideograph blocks that can carry a script difference: URO, extension A, compatibility
#: ideographs, and the supplementary ideographic planes (extensions B-H).
_CJK = regexcache.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

TRADITIONAL_THRESHOLD = 0.8
SIMPLIFIED_THRESHOLD = 0.2

# How much of a document the source-script detection looks at: enough to decide, cheap.
SCRIPT_SAMPLE_CHARS = 4000


@dataclass(frozen=True)
class ScriptProfile:
    """Character counts that decide a text's script (see the module docstring for thresholds)."""

    cjk: int
    """CJK ideographs in the text."""
    traditional: int
    """Characters that OpenCC ``t2s`` changes (Traditional-only forms)."""
    simplified: int
    """Characters that OpenCC ``s2t`` changes (Simplified-only forms)."""

    @property
    def traditional_share(self) -> float:
        """``traditional / (traditional + simplified)``; 0.0 when the text has neither."""
        marked = self.traditional + self.simplified
        return self.traditional / marked if marked else 0.0

    @property
    def label(self) -> str:
        """One of "none" (no CJK), "traditional", "simplified" or "mixed"."""
        if self.cjk == 0:
            return "none"
        share = self.traditional_share
        if share >= TRADITIONAL_THRESHOLD:
            return "traditional"
        if share <= SIMPLIFIED_THRESHOLD:
            return "simplified"
        return "mixed"


def count_cjk(text: str) -> int:
    """Number of CJK ideographs in ``text``."""
    return len(text) - len(_CJK.sub("", text))


def script_profile(text: str, *, simplified: str | None = None) -> ScriptProfile:
    """Count the CJK, Traditional-only and Simplified-only characters of ``text``.

    ``simplified`` may pass ``t2s(text)`` when the caller already has it (segmentation does),
    saving one conversion.

    >>> script_profile("國際新聞").label
    'traditional'
    """
    cjk = count_cjk(text)
    if cjk == 0:
        return ScriptProfile(0, 0, 0)
    if simplified is None:
        simplified = convert_text(text, "t2s")
    traditional_forms = _count_changed(text, simplified, "t2s")
    simplified_forms = _count_changed(text, convert_text(text, "s2t"), "s2t")
    return ScriptProfile(cjk, traditional_forms, simplified_forms)


def script_summary(text: str) -> tuple[str, float]:
    """``(label, traditional_share)`` of :func:`script_profile`, without its second conversion
    when the first finds no Traditional-only form (the share is 0 then, whatever s2t says):
    half the cost on Simplified text, which is what pipelines usually hand over.

    >>> script_summary("国际新闻")
    ('simplified', 0.0)
    """
    if _CJK.search(text) is None:
        return "none", 0.0
    if _count_changed(text, convert_text(text, "t2s"), "t2s") == 0:
        return "simplified", 0.0
    profile = script_profile(text)
    return profile.label, profile.traditional_share


def is_traditional(text: str, *, simplified: str | None = None) -> bool:
    """Whether ``--script auto`` treats ``text`` as Traditional: label "traditional" or "mixed".

    Mixed text is treated as Traditional because the t2s projection leaves Simplified characters
    alone (on 2.9 MB of Simplified text t2s changed no character at all), so the Simplified part
    loses nothing while the Traditional part gains the better segmentation.

    Decided from t2s alone whenever it can be: OpenCC's s2t dictionaries take about 0.2 s to load,
    a tenth of a whole ``segment --backend rjieba`` run on 5 MB.  No Traditional-only character
    means "simplified"; and since at most every ideograph is a Simplified-only form, a share of
    Traditional-only forms above ``traditional / (traditional + cjk)`` is certain (real
    Traditional text: about 0.3 of its ideographs are Traditional-only, so 0.23 at least).
    """
    cjk = count_cjk(text)
    if cjk == 0:
        return False
    if simplified is None:
        simplified = convert_text(text, "t2s")
    traditional = _count_changed(text, simplified, "t2s")
    if traditional == 0:
        return False
    if traditional / (traditional + cjk) > SIMPLIFIED_THRESHOLD:
        return True
    simplified_forms = _count_changed(text, convert_text(text, "s2t"), "s2t")
    return ScriptProfile(cjk, traditional, simplified_forms).label in ("traditional", "mixed")


def mostly_traditional(text: str) -> bool:
    """Whether Traditional-only forms are at least half of ``text``'s script-specific
    characters (:func:`script_profile`'s share ≥ 0.5, with at least one such form): how
    ``convert --to`` decides that a document is Traditional.

    Without s2t (about 0.2 ms per 1,000 characters, three times t2s) where t2s alone decides:
    text with no Traditional-only form is not, which is every Simplified document.

    >>> mostly_traditional("國際新聞"), mostly_traditional("国际新闻")
    (True, False)
    """
    if _CJK.search(text) is None:
        return False
    traditional = _count_changed(text, convert_text(text, "t2s"), "t2s")
    if traditional == 0:
        return False
    return traditional >= _count_changed(text, convert_text(text, "s2t"), "s2t")


def _count_changed(text: str, converted: str, config: str) -> int:
    if converted == text:  # one C comparison: Simplified text under t2s, most of all
        return 0
    if len(converted) == len(text):
        return count_differences(text, converted)
    # Some conversion changed the length: compare line by line, and where a line's length
    # changed, convert that line's characters one by one (one OpenCC call for the line).
    lines, converted_lines = text.split("\n"), converted.split("\n")
    if len(lines) != len(converted_lines):  # pragma: no cover - OpenCC never touches "\n"
        return _count_changed_per_char(text, config)
    total = 0
    for line, converted_line in zip(lines, converted_lines):
        if len(line) == len(converted_line):
            total += count_differences(line, converted_line)
        else:
            total += _count_changed_per_char(line, config)
    return total


def count_differences(text: str, other: str) -> int:
    """How many positions of two strings of the same length hold different characters.

    Big-integer steps in C instead of a Python comparison per character (4x faster on news
    text): each string becomes an integer with one 32-bit lane per character (UTF-32); XOR
    leaves a lane nonzero exactly where the characters differ; OR-ing every lane's bits down
    into its lowest bit (shifts of 16, 8, 4, 2, 1 reach all 32 bits of the lane, and what a shift
    brings down from the lane above stays above bit 0) and keeping only those bits leaves one
    set bit per difference.

    >>> count_differences("國際新聞", "国际新闻"), count_differences("新聞", "新聞")
    (3, 0)
    """
    # surrogatepass: a lone surrogate (possible in a str from Python code) is a character too
    lanes = (int.from_bytes(text.encode("utf-32-le", "surrogatepass"), "little")
             ^ int.from_bytes(other.encode("utf-32-le", "surrogatepass"), "little"))
    for shift in (16, 8, 4, 2, 1):
        lanes |= lanes >> shift
    return (lanes & int.from_bytes(b"\x01\x00\x00\x00" * len(text), "little")).bit_count()


def _count_changed_per_char(text: str, config: str) -> int:
    chars = [c for c in text if c != "\n"]
    converted = convert_text("\n".join(chars), config).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - defensive
        return sum(convert_text(c, config) != c for c in chars)
    return sum(map(ne, chars, converted))
