"""Photo captions and photo credits.

A caption often reads like a sentence, so its *shape* is the evidence: a marker in front
(``▲``), a prefix (``图为``, ``這是……拍攝的``, ``图1``), or a credit at the end
(``（李嘉明攝）``, ``（圖／民眾提供）``, ``新华社记者 何佳 摄``, ``圖：鄧子軒``).  Its *position*
(right after an image) is judged by the caller.  A credit inside a paragraph
(``照片(圖/翻攝自臉書)，只見……``) is cut out and the paragraph kept.
"""

from __future__ import annotations

import functools
import re

from newsctl.cleaning import lexicon
from newsctl.cleaning.textcuts import cut_repeatedly
from newsctl.text import regexcache

_PHOTO = (r"(?:圖|图|照片|相片|攝影|摄影|影像|圖片|图片|圖源|图源|圖文|图文|圖片來源|图片来源|照片來源|照片来源"
          r"|photo|Photo|PHOTO)")
_CREDIT_WORD = r"(?:攝|摄|提供|資料照|资料照|資料圖|资料图|翻攝|翻摄|截圖|截图|供圖|供图|示意圖|示意图)"
# every character a caption prefix ("start" below) can begin with
_START_FIRST = frozenset("▲▼►△▽◀▶↑↓图圖上下左右这這F照")
_LABEL_HINT = regexcache.compile(r"[：:／/]")
# longest caption that a trailing credit alone may condemn; longer lines are paragraphs
# whose credit is cut out instead
CAPTION_MAX = 100


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    figure = lexicon.alternation(lexicon.labels()["figure_source"])
    return {
        "start": regexcache.compile(
            r"^(?:[▲▼►△▽◀▶↑↓]"
            r"|(?:图为|圖為|图片为|圖片為|上图|下图|左图|右图|上圖|下圖|左圖|右圖)[：:，,]?"
            # a caption's own label: "图注：…", "圖說：…", "图片说明：…"
            r"|(?:图注|圖注|图说|圖說|图片说明|圖片說明|图像说明|圖像說明|图像加注文字|圖像加註文字)\s*[：:，,]"
            r"|(?:这|這)是.{0,60}?(?:拍摄|拍攝)的"
            r"|(?:图|圖|图片|圖片|Figure|Fig\.?|照片)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:[\s：:．.、]|$))"
        ),
        # credits at the end: "（李嘉明攝）" / "（圖／民眾提供）", "。圖：鄧子軒", "新华社记者 何佳 摄"
        "paren_end": regexcache.compile(
            r"[（(]\s*" + _PHOTO + r"\s*[／/∕:：|｜]\s*[^（）()]{1,40}[）)]\s*[。.]?$"
            r"|[（(][^（）()]{0,30}" + _CREDIT_WORD + r"[^（）()]{0,12}[）)]\s*[。.]?"
            # a wire photo's date after its credit: "（某社記者林佩君攝）114年3月2日"
            r"(?:\d{2,4}年\d{1,2}月\d{1,2}日|\d{6,8})?$"
        ),
        "label_end": regexcache.compile(r"(?:^|[。！？!?\s])" + _PHOTO + r"\s*[：:／/]\s*[^。，,！？：:／/]{1,25}$"),
        "shot_end": regexcache.compile(
            r"(?:^|[。！？!?）)\s])[^。！？!?]{0,24}(?:\s|记者|記者|社发|社發)"
            r"[\u4e00-\u9fffA-Za-z·]{2,8}\s*(?<!拍)[摄攝]$"
            # "……四十年没有变过。乔砚 摄": the name right after the sentence, a space, 摄
            r"|[。！？!?][\u4e00-\u9fffA-Za-z·]{2,8}\s+[摄攝]$"
            # "……正在录制视频 乔砚 摄": the name set apart by spaces on both sides
            r"|\s[\u4e00-\u9fff]{2,4}\s+[摄攝]$"
        ),
        "inline": regexcache.compile(
            r"[（(]\s*(?:圖|图|圖片|图片|照片)\s*[／/∕:：]\s*[^（）()]{1,30}[）)]"
            r"|[（(][^（）()]{0,20}(?<!拍)(?:攝|摄|翻攝|翻摄)[）)]"
            r"|[（(](?:資料照|资料照|資料圖|资料图|示意圖|示意图)[^（）()]{0,10}[）)]"
        ),
        "figure_source": regexcache.compile(r"^(?:" + figure + r")\s*[：:]"),
        # "廉署。資料圖片", "……的聽證會。（Shutterstock）": a file-photo word or a photo agency's
        # Latin name after the caption's sentence
        "file_end": regexcache.compile(
            r"[。！？!?]\s*(?:(?:資料|资料|檔案|档案)(?:圖片|图片|照片|相片|圖|图|照)"
            r"|[（(][A-Z][A-Za-z .&/-]{2,30}[）)])$"),
        # a caption's label alone, its value on the next line: "图像来源，" / "Getty Images"
        "label_alone": regexcache.compile(
            r"^(?:" + figure + r"|图注|圖注|图说|圖說|图片说明|圖片說明|图像说明|圖像說明"
            r"|图像加注文字|圖像加註文字|图像来源|圖像來源)\s*[：:，,]?$"),
    }


@functools.lru_cache(maxsize=1)
def _figure_first() -> frozenset[str]:
    """First characters of the figure-source labels: most lines are ruled out by one lookup."""
    return frozenset(word[0] for word in lexicon.labels()["figure_source"])


def caption_label(text: str) -> bool:
    """A caption's label alone on its line (``图像来源，``): the caption or credit follows it."""
    return len(text) <= 10 and _patterns()["label_alone"].match(text) is not None


def caption_shape(text: str) -> bool:
    """True when ``text`` carries a caption's marks (marker, prefix, or a trailing credit)."""
    p = _patterns()
    if text[:1] in _START_FIRST and p["start"].match(text):
        return len(text) <= 2 * CAPTION_MAX
    if len(text) > CAPTION_MAX:
        return False
    if text[-1] in "片照圖图）)" and p["file_end"].search(text):
        return True
    # credits are anchored at the end: the last character says which shape can apply
    tail = max(0, len(text) - 48)
    last = text[-1]
    closes = last in "）)" or (last in "。." and text[-2:-1] in ("）", ")"))
    if closes:
        credit = p["paren_end"].search(text, tail)
        if credit is not None:
            # "……，……。（圖／翻攝自臉書）": a long sentence of several clauses carrying the
            # credit of the photo next to it is a paragraph (the credit is cut out of it); a
            # caption describes the photo in a clause or two.  Right after an image, the caller
            # takes either as the caption.
            return not _credited_paragraph(text[:credit.start()])
    if last in "摄攝":
        return p["shot_end"].search(text, tail) is not None
    if _LABEL_HINT.search(text, tail) is None:
        return False
    return p["label_end"].search(text, tail) is not None


# A sentence this long, of several clauses, before a trailing credit makes the line a paragraph.
CREDITED_PARAGRAPH_MIN = 35


def _credited_paragraph(body: str) -> bool:
    body = body.rstrip()
    return (len(body) >= CREDITED_PARAGRAPH_MIN and body[-1:] in "。！？!?"
            and ("，" in body or "," in body))


def has_trailing_credit(text: str) -> bool:
    """A photo credit in brackets ends ``text`` (``（李嘉明攝）``, ``（圖／民眾提供）``)."""
    if len(text) > 2 * CAPTION_MAX or not (text[-1:] in "）)。.日" or text[-1:].isdigit()):
        return False
    return _patterns()["paren_end"].search(text, max(0, len(text) - 48)) is not None


def is_figure_source(text: str) -> bool:
    """``资料来源：<机构>`` under a chart: a short label line, not prose."""
    return (len(text) <= 60 and text[0] in _figure_first() and "。" not in text[:-1]
            and _patterns()["figure_source"].match(text) is not None)


def cut_inline_credits(text: str) -> tuple[str, list[str]]:
    """Cut ``（圖／翻攝自臉書）``-style credits out of a paragraph; return the rest and the cuts."""
    if "(" not in text and "（" not in text:
        return text, []
    return cut_repeatedly(text, _patterns()["inline"])
