"""The shapes of boilerplate lines, as compiled patterns and character sets.

Each pattern matches one kind of line that the classifiers (:mod:`.rules`, :mod:`.longrules`,
:mod:`.weakrules`, :mod:`.headings`) recognise; the order in which they are tried, and what a
match means (a strong or a weak verdict), is decided there.  The separators of menus and
breadcrumbs live with their only user, :mod:`.menus`.
Patterns are built once per process through :mod:`newsctl.text.regexcache`.
"""

from __future__ import annotations

from newsctl.text import regexcache

DECO = (" \t\u3000【】[]［］()（）<>＜＞《》〈〉「」『』•·・▌▍■□◆◇●○★☆|｜丨*＊#＃:：>›»→"
         "📌👉👇👆🔥✅❗⭐🔔📢📣💡➤➜➔✨📍📰▶►☰≡※\ufe0f")
TOKENS = regexcache.compile(r"[\s|｜丨/／,，、:：【】\[\]［］()（）<>《》〈〉·・•]+")
# the first token TOKENS leaves (the complement of its class)
FIRST_TOKEN = regexcache.compile(r"[^\s|｜丨/／,，、:：【】\[\]［］()（）<>《》〈〉·・•]+")
SITE_SPLIT = regexcache.compile(r"\s+[-–—|｜]\s+|[｜|]")
NAV_STOP = regexcache.compile(r"[。，！？,、]")
BAR = regexcache.compile(r"[|｜丨]")
HOME = frozenset({"首页", "首頁", "主页", "主頁", "网站首页", "網站首頁", "Home", "HOME", "home"})
CRUMB_DROP = HOME | {"正文", "正文内容", "内文", "內文", "文章", "详情", "詳情", "内容", "內容"}
SENTENCE_END = "。！？!?"
CLAUSE_COMMA = regexcache.compile(r"(?<!\d),|,(?!\d)")
# a line without a letter, digit or CJK character is decoration ("————", "＊＊＊")
WORDLIKE = regexcache.compile(r"[^\W_]")
SIGNATURE = regexcache.compile(
    r"^[\u4e00-\u9fff（）()]{2,28}(?:政府|办公室|辦公室|办公厅|辦公廳|委员会|委員會|局|厅|廳|部|署|中心|协会|協會"
    r"|学会|學會|院|处|處|公司|集团|集團|银行|銀行|大学|大學|学校|學校|医院|醫院|基金会|基金會|联合会|聯合會|小组|小組)$"
)
PREV_NEXT = regexcache.compile(r"^(?:上一篇|下一篇|上一則|下一則|上一条|下一条|上一條|下一條|前一篇|後一篇|后一篇"
                        r"|上篇|下篇)\s*[：:>》]?")
MORE_HEADING = regexcache.compile(r"^(?:看|查看|點我看|点我看|點看|点看)?更多.{0,12}"
                           r"(?:報導|报道|新聞|新闻|文章|消息|內容|内容|資訊|资讯|推薦|推荐|影音|视频)$")
HASHTAGS = regexcache.compile(r"^(?:[#＃][^#＃\s]{1,30}[#＃]?\s*)+$")
KEYWORD_ROW = regexcache.compile(r"^[^\s，。！？、,]{1,8}(?:、[^\s，。！？、,]{1,8}){2,}$")
AD_TOKENS = frozenset({"广告", "廣告", "AD", "Ad", "ad", "Advertisement", "ADVERTISEMENT", "推广", "推廣",
                        "赞助", "贊助", "Sponsored"})
# a donation appeal: "支持獨立環境新聞，歡迎定期定額捐款。"
DONATE = regexcache.compile(r"(?:捐款|捐助|小額支持|小额支持|定期定額|定期定额|贊助我們|赞助我们|打赏|打賞|請我喝|请我喝)")
# a comment counter: "评论 12", "留言（3）"
COMMENT_COUNT = regexcache.compile(r"^(?:(?:评论|評論|留言|回复|回覆|跟帖)\s*[（(]?\s*\d+\s*[)）]?"
                                   r"|\d+\s*(?:則|则|条|條|个|個)?\s*(?:留言|评论|評論|回應|回应))$")
# an image placeholder naming the image: "[Image: 燈會現場人潮]", "[圖片：…]"
NAMED_IMAGE = regexcache.compile(r"^\[(?:Image|image|IMAGE|Photo|photo|Img|img|圖片|图片|圖|图|照片)\s*[:：][^\]]{0,60}\]$")
# a video placeholder with its running time: "[影片] 01:58"
RUNNING_TIME = regexcache.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?$")
URL = regexcache.compile(r"(?:https?://|www\.)\S+|[\w-]+\.(?:com|cn|net|org|tw|hk|io|cc|me|example)\b")
# a promise to the reader with a schedule: "某某快讯，陪你读懂每一天。每晚8点，新闻简报准时送达。"
PROMISE = regexcache.compile(r"(?:陪你|陪您|伴你|與你|与你|帶你|带你)[^。]{0,12}(?:每天|每一天|每日|天天)"
                      r"|(?:准时|準時)(?:送达|送達)")
# a series label above the headline: "“老城新生”系列报道之三" (a category, never the headline)
SERIES = regexcache.compile(r"^[“「『《\"]?[^。，！？]{2,24}?[”」』》\"]?\s*(?:系列|专题|專題)(?:报道|報導|報道|评论|評論"
                     r"|策划|策劃|访谈|訪談|稿件|文章)?(?:之[一二三四五六七八九十\d]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[)）])$")
EDITION = regexcache.compile(r"^第?\s*[A-Z]?\d{1,3}\s*版\s*[：:\s]\s*(?P<name>[^\s，。]{1,8})$")
# a disclaimer written as prose: "……不代表本网观点。" / "……不代表<站名>立場。"
# "该文观点仅代表作者本人": the platform's disclaimer under a self-media post
OWN_VIEW = regexcache.compile(r"(?:仅代表|僅代表|只代表)(?:作者|作者本人|个人|個人)")
DISCLAIMER = regexcache.compile(r"不代表[^。，,！？]{0,15}(?:观点|觀點|立场|立場|看法)")
APP_PROMPT = regexcache.compile(r"(?:下载|下載|打开|打開|安装|安裝|尽在|盡在)[^，。\s]{0,10}(?:APP|App|app|客户端|客戶端)")


# a magazine's issue line: "商略週刊 第1932期"
ISSUE_LINE = regexcache.compile(r"^[《]?[\u4e00-\u9fffA-Za-z]{2,14}[》]?\s*第\s*\d{1,5}\s*[期號号]$")
# a key-points box above the story: "這篇文章主要在談...", "本文重點", "3分鐘看重點" (its list follows)
SUMMARY_HEADING = regexcache.compile(
    r"^(?:這篇文章主要在談|这篇文章主要在谈|本文重點|本文重点|文章重點|文章重点|重點摘要|重点摘要|新聞重點|新闻重点"
    r"|\d+\s*分鐘看重點|\d+\s*分钟看重点|快速看重點|快速看重点)\s*[.…。：:]*$")
# a link to a photo gallery: "【點擊看圖輯】老布行最後一個周末（8張）"
GALLERY_LINK = regexcache.compile(r"^[【\[](?:點擊|点击|點此|点此)?(?:看|睇)?(?:圖輯|图辑|圖集|图集|相簿|多圖|多图)[】\]]")
# a column's link above the headline: "绿色先锋 >", "深度報導 ›"
COLUMN_LINK = regexcache.compile(r"^(?P<name>[\u4e00-\u9fff]{2,8})\s*[>›»→]$")
# the company profile closing a press release: "關於晶邦科技" (then its boilerplate paragraph)
ABOUT_COMPANY = regexcache.compile(
    r"^(?:關於|关于|About)\s*\S{2,16}?(?:科技|公司|集團|集团|股份|企業|企业|銀行|银行|生技|電子|电子|實業|实业|控股"
    r"|Inc\.?|Corp\.?|Ltd\.?)\s*[：:]?$")
# a phrase of Chinese characters only (no digits, brackets or Latin)
CJK_PHRASE = regexcache.compile(r"[\u4e00-\u9fff]{2,12}")
