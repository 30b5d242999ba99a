"""Patterns and character sets that several modules share (decoration, token separators, a
site's name split from its brand, a notice's signature, web addresses).

A pattern that one rule uses is written with that rule (``data/clean/*_rules.toml``); a rule
names a pattern of this module as its ``shape``.  The separators of menus and breadcrumbs live
with :mod:`.menus`.
Patterns are built once per process through :mod:`newsctl.text.regexcache`.
"""

from __future__ import annotations

from newsctl.text import regexcache

DECO = (" \t\u3000【】[]［］()（）<>＜＞《》〈〉「」『』•·・▌▍■□◆◇●○★☆|｜丨*＊#＃:：>›»→"
         "📌👉👇👆🔥✅❗⭐🔔📢📣💡➤➜➔✨📍📰▶►☰≡※\ufe0f")
TOKENS = regexcache.compile(r"[\s|｜丨/／,，、:：【】\[\]［］()（）<>《》〈〉·・•]+")
SITE_SPLIT = regexcache.compile(r"\s+[-–—|｜]\s+|[｜|]")
NAV_STOP = regexcache.compile(r"[。，！？,、]")
BAR = regexcache.compile(r"[|｜丨]")
HOME = frozenset({"首页", "首頁", "主页", "主頁", "网站首页", "網站首頁", "Home", "HOME", "home"})
CRUMB_DROP = HOME | {"正文", "正文内容", "内文", "內文", "文章", "详情", "詳情", "内容", "內容"}
SENTENCE_END = "。！？!?"
CLAUSE_COMMA = regexcache.compile(r"(?<!\d),|,(?!\d)")
_SIGNATURE_ENDS = ("政府", "办公室", "辦公室", "办公厅", "辦公廳", "委员会", "委員會", "局", "厅", "廳", "部", "署",
                   "中心", "协会", "協會", "学会", "學會", "院", "处", "處", "公司", "集团", "集團", "银行", "銀行",
                   "大学", "大學", "学校", "學校", "医院", "醫院", "基金会", "基金會", "联合会", "聯合會", "小组", "小組")
SIGNATURE = regexcache.compile(r"^[\u4e00-\u9fff（）()]{2,28}(?:" + "|".join(_SIGNATURE_ENDS) + ")$")
# what a signature's last character can be ("\n": ``$`` also matches before a final line break);
# one set lookup spares most lines the pattern, which backtracks through every ending
SIGNATURE_LAST = frozenset(end[-1] for end in _SIGNATURE_ENDS) | {"\n"}
# an image placeholder naming the image: "[Image: 燈會現場人潮]", "[圖片：…]"
NAMED_IMAGE = regexcache.compile(r"^\[(?:Image|image|IMAGE|Photo|photo|Img|img|圖片|图片|圖|图|照片)\s*[:：][^\]]{0,60}\]$")
URL = regexcache.compile(r"(?:https?://|www\.)\S+|[\w-]+\.(?:com|cn|net|org|tw|hk|io|cc|me|example)\b")
APP_PROMPT = regexcache.compile(r"(?:下载|下載|打开|打開|安装|安裝|尽在|盡在)[^，。\s]{0,10}(?:APP|App|app|客户端|客戶端)")


# the company profile closing a press release: "關於晶邦科技" (then its boilerplate paragraph)
ABOUT_COMPANY = regexcache.compile(
    r"^(?:關於|关于|About)\s*\S{2,16}?(?:科技|公司|集團|集团|股份|企業|企业|銀行|银行|生技|電子|电子|實業|实业|控股"
    r"|Inc\.?|Corp\.?|Ltd\.?)\s*[：:]?$")
# a phrase of Chinese characters only (no digits, brackets or Latin)
CJK_PHRASE = regexcache.compile(r"[\u4e00-\u9fff]{2,12}")
