"""Strong rules that do not depend on the line being short, declared as data (see
:mod:`.registry`): code left in a dump, cookie banners, WeChat cards, reprint and source notes,
paywalls and pitches, attachments, tickers, end marks, lone clock times.

They are asked of prose too (a line with a full stop), so each one bounds its own length.  The
order is the order they are tried in: the first that holds decides.  To add a rule for a new
layout, add one declaration here (with its examples and near misses: the tests are made from
them); a site's own rules go in a ``--rules`` file instead.
"""

from __future__ import annotations

import re

from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.limits import LINK_BUTTON_MAX, PITCH_LINE_MAX, WIDGET_LINE_MAX
from newsctl.cleaning.lines import LIST_ITEM
from newsctl.cleaning.names import has_surname, parse_names
from newsctl.cleaning.registry import Find, Kind, LineRule, RuleTable
from newsctl.cleaning.rows import DATE_KINDS, Row
from newsctl.cleaning.rulewords import rule_words
from newsctl.cleaning.shapes import NAMED_IMAGE
from newsctl.cleaning.verdicts import Verdict
from newsctl.text import regexcache

_c = regexcache.compile
_LINK_ARROWS = (">>", "＞＞", "»", "》》", "→")
_CODE_START = _c(r"^(?:var|let|const|function|window\.|document\.|googletag|gtag\(|_hmt|dataLayer"
                 r"|\(function|\}\)|\$\(|jQuery)")
_EDITION = _c(r"第\s*[A-Z]?\d{1,3}\s*版")   # "第01版": one page of an e-paper


def _is_code(text: str) -> bool:
    """A line of JavaScript or CSS: ASCII ending in ``;`` ``{`` ``}``, or opening like code."""
    if text[-1] in ";{}" and text.isascii():
        return True
    return _CODE_START.match(text) is not None and text[-1] in ";{}),"


def _wechat_card(found: re.Match[str]) -> Verdict:
    author = found.group("author")
    row = Row(("author",), authors=(author,)) if author else None
    return Verdict(Kind.WECHAT_CARD.value, True, row=row, value=found.group("name"))


def _reprint(found: re.Match[str]) -> Verdict:
    name = found.group("name")
    dates = find_dates(found.group("date")) if found.group("date") else []
    row = Row(("source",), sources=(name,), labelled_sources=(name,),
              dates=tuple((DATE_KINDS["date_plain"], d.iso) for d in dates[:1]))
    return Verdict(Kind.SOURCE.value, True, row=row)


def _source_note(found: re.Match[str]) -> Verdict:
    name = found.group("name")
    return Verdict(Kind.SOURCE.value, True, row=Row(("source",), sources=(name,), labelled_sources=(name,)))


def _names_report(found: re.Match[str]) -> Verdict | None:
    names = parse_names(found.group("names"))
    if names and all(has_surname(name) for name in names):
        return Verdict(Kind.BYLINE.value, True, row=Row(("author",), authors=tuple(names)))
    return None   # "天气 报道": not names


def _clock(found: re.Match[str]) -> Verdict | None:
    hour = int(found.group("h")) + (12 if found.group("pm") and int(found.group("h")) < 12 else 0)
    return Verdict(Kind.DATE.value, True, value=f"{hour:02d}:{found.group('m')}") if hour < 24 else None


def _lone_number(text: str) -> bool:
    # a signed figure, or one with a point or a percent, or five characters: not "12" (a count)
    first = text[0]
    return not first.isdigit() or "." in text or "%" in text or len(text) >= 5


LONG_LINE_RULES = (
    LineRule(Kind.MARKUP, "script or style text left in a page dump", test=_is_code,
             examples=("var _hmt = _hmt || [];", ".nav a{color:#333}"),
             near_misses=("var 是一个词。",)),
    LineRule(Kind.COOKIE_BANNER, "a cookie banner",
             _c(r"(?:本网站|本網站|本站|我们|我們|網站|网站)[^。]{0,12}(?:使用|采用|採用)\s*[Cc]ookies?"),
             Find.ANYWHERE, max_len=160, needs=("ookie", "OOKIE"),
             examples=("本网站使用Cookie以提供更好的浏览体验，继续浏览即表示同意。",),
             near_misses=("饼干（cookie）的做法很简单。",)),
    LineRule(Kind.IMAGE, "an image placeholder naming the image, its caption inside", NAMED_IMAGE,
             examples=("[图片: 老人们在食堂用餐。某某 摄]", "[Image: 燈會現場]"),
             near_misses=("[1] 某某. 论文[J].",)),
    LineRule(Kind.WECHAT_CARD, "a WeChat card naming the account the post comes from",
             _c(r"^(?:以下文章来源于|以下文章來源於|本文来源于公众号|The following article is from)\s*"
                r"(?P<name>[^\s，,]{1,30})(?:\s+(?:Author|作者)\s+(?P<author>[^\s，,]{2,20}))?"),
             build=_wechat_card,
             examples=("以下文章来源于城南观察 作者 李青", "本文来源于公众号城市观察"),
             near_misses=("以下文章", "文章来源于网络")),
    LineRule(Kind.AD, "an app or e-paper promo in brackets",
             _c(r"^【[^】]{1,15}(?:电子报|電子報|电子版|電子版|数字报|數字報|数字版|數字版|数位版|數位版"
                r"|APP|App|app|客户端|客戶端|小程序|公众号|公眾號|视频号|視頻號)】"),
             examples=("【某某日报客户端】看更多新闻",), near_misses=("【独家】某某回应",)),
    LineRule(Kind.AD, "spam words of the lexicon on a short line", find=Find.ANYWHERE, max_len=120,
             test=lambda text: rule_words().spam.search(text) is not None),
    LineRule(Kind.COPYRIGHT, "a notice that opens with a copyright mark is one, however long",
             _c(r"^(?:©|Ⓒ|\([cC]\)\s*\d{4}|copyright\b|版权所有|版權所有|版权声明|版權聲明)", re.IGNORECASE),
             max_len=120,
             examples=("© 2025 某某传媒 版权所有", "Copyright 2024 Example News"),
             near_misses=("版本更新说明",)),
    LineRule(Kind.SOURCE, "a reprint note naming where the story comes from",
             _c(r"^(?P<date>(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?::\d{2})?)?)\s+)?"
                r"(?:本文|该文|該文)?(?:经授权|經授權)?(?:转载自|轉載自|转自|轉自)\s*"
                r"(?:微信公众号|微信公眾號|公众号|公眾號)?\s*"
                r"[“\"「]?(?P<name>[\u4e00-\u9fffA-Za-z][^\s，,（(：:。“”\"「」]{1,19})[”\"」]?"
                r"\s*(?:[（(](?:ID|id|微信号|微信號)[^）)]*[）)])?"),
             max_len=160, needs=("转", "轉"), build=_reprint,
             examples=("本文经授权转载自微观拾趣（ID：weiguanshiqu）", "2025-04-03 09:12　转自公众号“某某”"),
             near_misses=("他转身离开了会场。",)),
    LineRule(Kind.REFERENCES, "a bibliography's heading",
             _c(r"^(?:参考文献|參考文獻|参考资料|參考資料|References|REFERENCES)\s*[：:]?$"),
             examples=("参考文献",), near_misses=("参考文献显示，该病多发于冬季。",)),
    LineRule(Kind.REFERENCES, "a bibliography's entry",
             _c(r"^[\[［]\d{1,3}[\]］]\s*\S.{4,300}?(?:\[(?:J|M|D|C|N|R|S|P|Z|EB/OL)\]"
                r"|(?:19|20)\d{2}\s*[,，]\s*\d+\s*[(（])"),
             examples=("[1] 王某. 城市湿地研究[J]. 某某学报, 2019, 41(3): 112-120.",),
             near_misses=("[1] 第一步，打开设置。",)),
    LineRule(Kind.SOURCE, "where the post comes from, with a reprint note after it",
             _c(r"^(?:本文来源|本文來源|文章来源|文章來源|内容来源|內容來源|来源|來源)\s*[：:]\s*"
                r"(?P<name>[\u4e00-\u9fffA-Za-z][^\s，,（(：:。]{1,19})\s*"
                r"(?:[（(](?:ID|id|微信号|微信號)[^）)]*[）)])?\s*[，,]\s*.{0,40}(?:转载|轉載|授权|授權|原创|原創)"),
             max_len=100, build=_source_note,
             examples=("本文来源：暖灯读城（ID：nuandengdc），原创作品，转载请联系授权。",),
             near_misses=("来源：某某日报",)),
    LineRule(Kind.AUTHOR_BIO, "the author's bio in brackets",
             _c(r"^[（(](?:作者|本文作者|撰稿人|譯者|译者)(?:系|为|為|是|現為|现为|现任|現任)[^（）()]{2,120}[）)]$"),
             examples=("（作者系某某大学经济学院教授）",), near_misses=("（作者：李青）",)),
    LineRule(Kind.PAYWALL, "a paywall: subscribe or log in to read the rest",
             _c(r"(?:订阅|訂閱|成为会员|成為會員|加入会员|加入會員|登录|登入|付费|付費)[^。]{0,30}"
                r"(?:解锁|解鎖|阅读全文|閱讀全文|查看全文|继续阅读|繼續閱讀|收看全文)"),
             Find.ANYWHERE, max_len=PITCH_LINE_MAX, test=lambda text: "。" not in text[:-1],
             examples=("订阅会员即可解锁全文",), near_misses=("他登录后阅读全文。随后离开。",)),
    LineRule(Kind.AD, "a subscription pitch with a price; no sentence, unless it ends with its link arrow",
             _c(r"(?:订阅|訂閱|订户|訂戶|会员|會員)[^。]{0,30}?(?:每月|每年|每天|每日|每週|每周|月费|月費|年费|年費)"
                r"[^。]{0,12}?(?:(?:[$＄]|RM|NT\$|HK\$|S\$|US\$)\s*\d|\d+(?:\.\d+)?\s*(?:元|蚊|美元|新元|令吉))"
                r"|(?:[$＄]\s*\d|\d+(?:\.\d+)?\s*元)[^。]{0,12}?(?:订阅|訂閱|订户|訂戶)"),
             Find.ANYWHERE, max_len=PITCH_LINE_MAX, needs=("订", "訂", "会", "會"),
             test=lambda text: "。" not in text or text[-1] in "→›»>",
             examples=("订阅某某数码版，每月只需0.99元 >>",), near_misses=("会员费每月涨了5元。市民不满。",)),
    LineRule(Kind.AD, "an advertisement labelled as one",
             _c(r"^[【\[［(（](?:广告|廣告|AD|Ad|推广|推廣|赞助|贊助|Sponsored|经销商推荐|經銷商推薦"
                r"|商家推荐|商家推薦)[】\]］)）]"),
             examples=("【广告】某车型限时置换补贴",), near_misses=("【广告法】修订草案公布",)),
    LineRule(Kind.SHARE_WIDGET, "a prompt to follow a channel; a list item ending in ；is a step to take",
             _c(r"(?:订阅|訂閱|加入|关注|關注|追蹤|追踪|按讚|点赞|點讚)[^，。！？]{0,14}?"
                r"(?:YouTube|Youtube|WhatsApp|Telegram|LINE|Line|Instagram|IG|Facebook|FB|臉書|脸书|微信|微博|"
                r"抖音|頻道|频道|粉絲團|粉丝团|粉絲專頁|粉專|粉专|好友|公众号|公眾號|视频号|視頻號|電子報|电子报"
                r"|每日通訊|每日通讯|通訊|通讯|newsletter|Newsletter)"
                r"|(?:粉絲專頁|粉丝专页|粉專|粉专|粉絲團|粉丝团|頻道|频道|公众号|公眾號)[^，。！？]{0,4}?"
                r"(?:按讚|点赞|點讚|追蹤|追踪|关注|關注|訂閱|订阅)"),
             Find.ANYWHERE, max_len=WIDGET_LINE_MAX,
             test=lambda text: text[-1] not in "。；;" and LIST_ITEM.match(text) is None,
             examples=("訂閱某台YouTube頻道，掌握最新新聞",), near_misses=("1. 加入市府LINE官方帳號，領取通知；",)),
    LineRule(Kind.NAVIGATION, "a table of contents on one line",
             _c(r"^(?:本文目录|本文目錄|文章目录|文章目錄|目录|目錄|导读目录)\s*[：:]"),
             examples=("本文目录：1.外观 2.内饰",), near_misses=("目录显示共有十章。",)),
    LineRule(Kind.BYLINE, "names, then the word for 'reports', alone on a line",
             _c(r"^(?:记者|記者)?\s*(?P<names>[\u4e00-\u9fff]{2,4}(?:\s*[、，,]\s*[\u4e00-\u9fff]{2,4}){0,3})\s*"
                r"(?:报道|報導|報道|综合报道|綜合報導)$"),
             max_len=30, ends="道導", build=_names_report,
             examples=("记者 王小明、李青 报道",), near_misses=("天气预报 报道",)),
    LineRule(Kind.AD, "a sales teaser ending in its link arrow",
             _c(r"(?:补贴|補貼|优惠|優惠|折扣|特价|特價|抢购|搶購|限时|限時|立即询价|立即詢價|"
                r"立即购买|立即購買|领券|領券)[^。]{0,30}(?:>>|»|››|→|＞＞)\s*$"),
             Find.ANYWHERE, max_len=LINK_BUTTON_MAX, ends=">»→＞",
             examples=("某某优选 | 夏季家电以旧换新 最高补贴2000元 >>",), near_misses=("限时优惠到月底。",)),
    LineRule(Kind.ORIGINAL_TITLE, "the headline the story had where it first appeared",
             _c(r"^[【\[（(]?(?:原标题|原標題|原题|原題)\s*[：:]"), max_len=80,
             examples=("原标题：《某某市推出新政》",), near_misses=("原标题党的做法",)),
    LineRule(Kind.SLOGAN, "a programme's promo",
             _c(r"^《[^》]{2,12}》[，,\s]*(?:每晚|每天|每日|每週|每周|逢星期|逢週|週一至|周一至)"
                r"[^。]{0,20}(?:陪你|陪您|伴你|與你|与你|帶你|带你)"),
             max_len=50,
             examples=("《某某新闻眼》，每晚六点半，陪你看见城市",), near_misses=("《某某新闻眼》今晚停播。",)),
    LineRule(Kind.SHARE_WIDGET, "a click-here prompt",
             _c(r"(?:按此|點此|点此|點擊此處|点击此处|點這裡|点这里|點我|点我|点击|點擊)"
                r"(?:瀏覽|浏览|閱讀|阅读|查看|觀看|观看|收看|下載|下载|訂閱|订阅|前往|進入|进入)"),
             Find.ANYWHERE, max_len=WIDGET_LINE_MAX, without="。",
             examples=("★ 無法正常顯示？請按此瀏覽網頁版",), near_misses=("点击查看的人数很多。",)),
    LineRule(Kind.ATTACHMENT, "a downloadable file linked under a notice",
             _c(r"^(?:附件\s*\d{0,2}\s*[：:]?\s*)?(?:\d{1,2}\s*[.、．]\s*)?\S[^。]{0,80}"
                r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|wps|ofd|et|txt)\s*(?:[（(]\s*\d+(?:\.\d+)?\s*[KMG]?B\s*[）)])?$",
                re.IGNORECASE),
             needs=(".",),
             examples=("1. 改造计划项目表.pdf（236KB）",), near_misses=("请查看附件。",)),
    LineRule(Kind.ATTACHMENT, "an attachments heading", _c(r"^(?:附件下载|附件下載|相关附件|相關附件|附件)\s*[：:]?$"),
             max_len=6, examples=("附件下载：",), near_misses=("附件一",)),
    LineRule(Kind.ATTACHMENT, "a linked file's type and size under it",
             _c(r"^[（(]\s*(?:PDF|pdf|DOCX?|docx?|XLSX?|xlsx?|ODT|odt|ZIP|zip)[，,、\s]*\d+(?:\.\d+)?\s*[KMG]B\s*[）)]$"),
             max_len=24, examples=("(PDF，1.2MB)",), near_misses=("(PDF版)",)),
    LineRule(Kind.CONTACT, "a press release's media contact",
             _c(r"^(?:新聞聯絡人|新闻联络人|媒體聯絡人|媒体联络人|新聞聯繫人|新闻联系人)\s*[：:]"), max_len=60,
             examples=("新聞聯絡人：公共事務室 何某 (03)555-1234",), near_misses=("新闻联络人制度",)),
    LineRule(Kind.NAVIGATION, "an e-paper's list of pages", needs=("版",),
             test=lambda text: len(_EDITION.findall(text)) >= 2,
             examples=("版面导航：第01版：头版　第02版：要闻",), near_misses=("第01版刊登了这篇文章。",)),
    LineRule(Kind.IMAGE, "a video's running time on its own line",
             _c(r"^[（(]?\s*(?:视频时长|視頻時長|影片長度|影片长度|影片時長|片长|片長|时长|時長)\s*[：:]?\s*"
                r"\d{1,2}:\d{2}(?::\d{2})?\s*[）)]?$"),
             max_len=20, needs=(":",), examples=("（视频时长 02:48）",), near_misses=("时长 两小时",)),
    LineRule(Kind.TICKER, "a stock quote widget",
             _c(r"^[\u4e00-\u9fffA-Za-z]{2,10}\s*[（(]?\d{4,6}(?:\.(?:SH|SZ|BJ|HK|TW))?[）)]?\s+[\d.]+\s+"
                r"[+\-−]?\d+(?:\.\d+)?%"),
             max_len=60, needs=("%",), examples=("华岭科技 600123　15.82　+3.06%",),
             near_misses=("华岭科技股价上涨3.06%",)),
    LineRule(Kind.TICKER, "a market box's figures, one per line", _c(r"^[+\-−±]?\d[\d,.]*\s*%?$"),
             max_len=12, test=_lone_number, examples=("-0.18%", "3386.21"), near_misses=("12", "第3名")),
    LineRule(Kind.COUNTER, "a number alone: a gallery's photo count, a like counter", max_len=3,
             test=str.isdigit, examples=("22",), near_misses=("2025",)),
    LineRule(Kind.SHARE_WIDGET, "a link button: a short pitch that ends with its arrow", max_len=LINK_BUTTON_MAX,
             test=lambda text: text.endswith(_LINK_ARROWS),
             examples=("想看更多，立即關注我們的專頁！>>",), near_misses=("他说：“走吧”。",)),
    LineRule(Kind.SHARE_WIDGET, "a video player's speed menu", _c(r"^\d(?:\.\d{1,2})?\s*[Xx×]$"), max_len=6,
             examples=("1.25x",), near_misses=("3x4",)),
    LineRule(Kind.IMAGE, "a gallery's counter; it stands for its photo, a caption follows",
             _c(r"^\d{1,3}\s*/\s*\d{1,3}$"), max_len=9, examples=("3 / 12",), near_misses=("2025/3",)),
    LineRule(Kind.SHARE_WIDGET, "a portal's way back",
             _c(r"^返回[\u4e00-\u9fffA-Za-z]{1,8}?(?:首页|首頁)?[，,\s]*(?:查看更多|看更多|更多精彩|查看更多精彩)"),
             max_len=24, examples=("返回某某网，查看更多",), near_misses=("返回家乡的路",)),
    LineRule(Kind.END_MARK, "the story's end mark",
             _c(r"^(?:[（(]\s*(?:完|全文完|本文完|END|End)\s*[）)]|完|全文完|本文完|-*\s*END\s*-*"
                r"|[-—]+\s*(?:完|END)\s*[-—]+)$"),
             max_len=12, examples=("（完）", "- END -"), near_misses=("完成",)),
    LineRule(Kind.DATE, "a date without its year, alone (dropped; the year is not guessed)",
             _c(r"^(?:[01]?\d[-/.][0-3]?\d|[01]?\d月[0-3]?\d日)\s+[0-2]?\d[:：][0-5]\d(?::[0-5]\d)?$"),
             max_len=20, examples=("03-18 14:32", "3月18日 14:32"), near_misses=("2025-03-18",)),
    LineRule(Kind.DATE, "a clock time alone, maybe with its zone: the time of the date above",
             _c(r"^(?:(?:香港|北京|台北|臺北|澳門|澳门|新加坡)(?:時間|时间)\s*)?(?:(?P<pm>下午|晚上|晚間|晚间)"
                r"|上午|凌晨|中午)?\s*(?P<h>[0-2]?\d)\s*(?:時|时|點|点|:|：)\s*(?P<m>[0-5]\d)\s*分?"
                r"(?:\s*(?:HKT|CST))?$"),
             max_len=16, build=_clock, examples=("香港時間15時45分", "下午3時45分"), near_misses=("29:61",)),
)

LONG_LINE_TABLE = RuleTable(LONG_LINE_RULES, builtin=True)


def long_line_rules(text: str) -> Verdict | None:
    """Strong verdicts that do not depend on the line being short (``text`` stripped, non-empty)."""
    return LONG_LINE_TABLE.verdict(text)
