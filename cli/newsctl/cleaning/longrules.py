"""Strong verdicts that do not depend on the line being short: code left in a dump, cookie
banners, WeChat cards, reprint and source notes, paywalls and pitches, attachments, tickers,
end marks, lone clock times.  They are asked of prose too (a line with a full stop), so each
rule bounds its own length.
"""

from __future__ import annotations

from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.limits import LINK_BUTTON_MAX, PITCH_LINE_MAX, WIDGET_LINE_MAX
from newsctl.cleaning.lines import LIST_ITEM
from newsctl.cleaning.names import has_surname, parse_names
from newsctl.cleaning.rows import DATE_KINDS, Row
from newsctl.cleaning.rulewords import rule_words
from newsctl.cleaning.shapes import (
    AD_LABEL,
    ATTACHMENT,
    ATTACHMENT_HEADING,
    BIO_PAREN,
    CARD,
    CLICK_HERE,
    CLOCK_LINE,
    CODE_END,
    CODE_START,
    CONTENTS,
    COOKIE_BANNER,
    COPYRIGHT_FIRST,
    COPYRIGHT_LEAD,
    EDITION_LIST,
    END_MARK,
    FILE_SIZE,
    FOLLOW_CHANNEL,
    GALLERY_COUNTER,
    LONE_NUMBER,
    NAMED_IMAGE,
    NAMES_REPORT,
    ORIGINAL_TITLE,
    PAYWALL,
    PLAYER_SPEED,
    PRESS_CONTACT,
    PROGRAMME,
    PROMO,
    REFERENCE_ENTRY,
    REFERENCES_HEADING,
    REPRINT,
    RETURN_PROMPT,
    SALE_TEASER,
    SOURCE_NOTE,
    STOCK_QUOTE,
    SUBSCRIBE,
    VIDEO_LENGTH,
    YEARLESS,
)
from newsctl.cleaning.verdicts import Verdict, shared_verdict

_LINK_ARROWS = (">>", "＞＞", "»", "》》", "→")


def long_line_rules(text: str) -> Verdict | None:
    """Strong verdicts that do not depend on the line being short."""
    first = text[0]
    if _is_code(text):
        return shared_verdict("markup", True)   # script or style text left in a page dump
    if ("ookie" in text or "OOKIE" in text) and len(text) <= 160 and COOKIE_BANNER.search(text):
        return shared_verdict("cookie-banner", True)
    if first == "[" and NAMED_IMAGE.match(text):
        return shared_verdict("image", True)   # "[图片: 老人们正在用餐。韩啸 摄]": its caption inside
    if first in "以Tt":
        card = CARD.match(text)
        if card:
            author = card.group("author")
            row = Row(("author",), authors=(author,)) if author else None
            return Verdict("wechat-card", True, row=row, value=card.group("name"))
    if (first == "【" and PROMO.match(text)) or (len(text) <= 120 and rule_words().spam.search(text)):
        return shared_verdict("ad", True)
    if len(text) <= 120 and first in COPYRIGHT_FIRST and COPYRIGHT_LEAD.match(text):
        return shared_verdict("copyright", True)
    if len(text) <= 160 and ("转" in text or "轉" in text) and (reprint := REPRINT.match(text)):
        name = reprint.group("name")
        dates = find_dates(reprint.group("date")) if reprint.group("date") else []
        row = Row(("source",), sources=(name,), labelled_sources=(name,),
                  dates=tuple((DATE_KINDS["date_plain"], d.iso) for d in dates[:1]))
        return Verdict("source", True, row=row)
    if first in "[［参參Rr" and (REFERENCES_HEADING.match(text) or REFERENCE_ENTRY.match(text)):
        return shared_verdict("references", True)
    if first in "本文来來内內" and len(text) <= 100:
        note = SOURCE_NOTE.match(text)
        if note is not None:
            row = Row(("source",), sources=(note.group("name"),),
                      labelled_sources=(note.group("name"),))
            return Verdict("source", True, row=row)
    if first in "（(" and BIO_PAREN.match(text):
        return shared_verdict("author-bio", True)
    if len(text) <= PITCH_LINE_MAX and PAYWALL.search(text) and "。" not in text[:-1]:
        return shared_verdict("paywall", True)
    # a pitch is no sentence, except one that ends with its link arrow ("…。立即訂閱 →")
    if (len(text) <= PITCH_LINE_MAX and ("。" not in text or text[-1] in "→›»>")
            and any(c in text for c in "订訂会會") and SUBSCRIBE.search(text)):
        return shared_verdict("ad", True)
    if first in "【[［(（" and AD_LABEL.match(text):
        return shared_verdict("ad", True)
    if (len(text) <= WIDGET_LINE_MAX and text[-1] not in "。；;" and FOLLOW_CHANNEL.search(text)
            and not LIST_ITEM.match(text)):   # "1. 加入市府LINE官方帳號，…；" is a step to take
        return shared_verdict("share-widget", True)
    if first in "本文目导導" and CONTENTS.match(text):
        return shared_verdict("navigation", True)
    if len(text) <= 30 and text[-1] in "道導" and (names := NAMES_REPORT.match(text)):
        found = parse_names(names.group("names"))
        if found and all(has_surname(name) for name in found):
            return Verdict("byline", True, row=Row(("author",), authors=tuple(found)))
    if len(text) <= LINK_BUTTON_MAX and text[-1] in ">»→＞" and SALE_TEASER.search(text):
        return shared_verdict("ad", True)
    if len(text) <= 80 and ORIGINAL_TITLE.match(text):
        return shared_verdict("original-title", True)
    if first == "《" and len(text) <= 50 and PROGRAMME.match(text):
        return shared_verdict("slogan", True)
    if len(text) <= WIDGET_LINE_MAX and "。" not in text and CLICK_HERE.search(text):
        return shared_verdict("share-widget", True)
    if "." in text and ATTACHMENT.match(text):
        return shared_verdict("attachment", True)
    if len(text) <= 6 and first in "附相" and ATTACHMENT_HEADING.match(text):
        return shared_verdict("attachment", True)
    if first in "(（" and len(text) <= 24 and FILE_SIZE.match(text):
        return shared_verdict("attachment", True)   # "(PDF，1.2MB)" under a linked file
    if first in "新媒" and len(text) <= 60 and PRESS_CONTACT.match(text):
        return shared_verdict("contact", True)
    if "版" in text and len(EDITION_LIST.findall(text)) >= 2:
        return shared_verdict("navigation", True)   # an e-paper's list of pages
    if ":" in text and len(text) <= 20 and VIDEO_LENGTH.match(text):
        return shared_verdict("image", True)
    if "%" in text and len(text) <= 60 and STOCK_QUOTE.match(text):
        return shared_verdict("ticker", True)
    if len(text) <= 12 and (first.isdigit() or first in "+-−±") and LONE_NUMBER.match(text) and (
            not first.isdigit() or "." in text or "%" in text or len(text) >= 5):
        return shared_verdict("ticker", True)   # a market box's figures, one per line
    if len(text) <= 3 and text.isdigit():
        return shared_verdict("counter", True)   # "22" alone: a gallery's photo count, a like counter
    if len(text) <= LINK_BUTTON_MAX and text.endswith(_LINK_ARROWS):
        return shared_verdict("share-widget", True)   # "想看更多，立即關注我們的專頁！>>": a link button
    if len(text) <= 6 and first.isdigit() and PLAYER_SPEED.match(text):
        return shared_verdict("share-widget", True)   # a video player's speed menu
    if len(text) <= 9 and first.isdigit() and GALLERY_COUNTER.match(text):
        return shared_verdict("image", True)   # a gallery's "1/8" stands for its photo: a caption follows
    if first == "返" and len(text) <= 24 and RETURN_PROMPT.match(text):
        return shared_verdict("share-widget", True)
    if len(text) <= 12 and END_MARK.match(text):
        return shared_verdict("end-mark", True)
    if len(text) <= 20 and first.isdigit() and YEARLESS.match(text):
        return shared_verdict("date", True)
    if len(text) <= 16 and (clock := CLOCK_LINE.match(text)) is not None:
        # the time of the date on the line above ("2025年3月16日（星期日）" / "香港時間15時45分")
        hour = int(clock.group("h")) + (12 if clock.group("pm") and int(clock.group("h")) < 12 else 0)
        if hour < 24:
            return Verdict("date", True, value=f"{hour:02d}:{clock.group('m')}")
    return None


def _is_code(text: str) -> bool:
    """A line of JavaScript or CSS: ASCII ending in ``;`` ``{`` ``}``, or opening like code."""
    if text[-1] in CODE_END and text.isascii():
        return True
    return text[0] in "vlcfwdg_(}$j" and CODE_START.match(text) is not None and text[-1] in ";{}),"
