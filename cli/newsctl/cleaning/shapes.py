"""The shapes of boilerplate lines, as compiled patterns and character sets.

Each pattern matches one kind of line that the classifiers (:mod:`.rules`, :mod:`.longrules`,
:mod:`.weakrules`, :mod:`.headings`) recognise; the order in which they are tried, and what a
match means (a strong or a weak verdict), is decided there.  The separators of menus and
breadcrumbs live with their only user, :mod:`.menus`.
Patterns are built once per process through :mod:`newsctl.text.regexcache`.
"""

from __future__ import annotations

import re

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
PROMO = regexcache.compile(r"^【[^】]{1,15}(?:电子报|電子報|电子版|電子版|数字报|數字報|数字版|數字版|数位版|"
                    r"數位版|APP|App|app|客户端|客戶端|小程序|公众号|公眾號|视频号|視頻號)】")
# a subscription pitch with a price: "订阅X数码版，每月只需0.99元 >>", "成為訂戶，每月$38支持…"
SUBSCRIBE = regexcache.compile(r"(?:订阅|訂閱|订户|訂戶|会员|會員)[^。]{0,30}?(?:每月|每年|每天|每日|每週|每周|月费|月費|年费|年費)"
                        r"[^。]{0,12}?(?:(?:[$＄]|RM|NT\$|HK\$|S\$|US\$)\s*\d|\d+(?:\.\d+)?\s*(?:元|蚊|美元|新元|令吉))"
                        r"|(?:[$＄]\s*\d|\d+(?:\.\d+)?\s*元)[^。]{0,12}?(?:订阅|訂閱|订户|訂戶)")
# an advertisement labelled as one: "【广告】某车型限时置换补贴…立即询价>>"
AD_LABEL = regexcache.compile(r"^[【\[［(（](?:广告|廣告|AD|Ad|推广|推廣|赞助|贊助|Sponsored|经销商推荐|經銷商推薦"
                               r"|商家推荐|商家推薦)[】\]］)）]")
# follow/subscribe prompts for a channel: "訂閱某台YouTube頻道，掌握最新新聞", "加入某报WhatsApp频道"
FOLLOW_CHANNEL = regexcache.compile(
    r"(?:订阅|訂閱|加入|关注|關注|追蹤|追踪|按讚|点赞|點讚)[^，。！？]{0,14}?"
    r"(?:YouTube|Youtube|WhatsApp|Telegram|LINE|Line|Instagram|IG|Facebook|FB|臉書|脸书|微信|微博|"
    r"抖音|頻道|频道|粉絲團|粉丝团|粉絲專頁|粉專|粉专|好友|公众号|公眾號|视频号|視頻號|電子報|电子报|每日通訊|每日通讯|通訊|通讯|newsletter|Newsletter)"
    # the page first, then the verb: "記得到小鹿的粉絲專頁按讚追蹤"
    r"|(?:粉絲專頁|粉丝专页|粉專|粉专|粉絲團|粉丝团|頻道|频道|公众号|公眾號)[^，。！？]{0,4}?"
    r"(?:按讚|点赞|點讚|追蹤|追踪|关注|關注|訂閱|订阅)")
# a table of contents: "本文目录：1.外观 2.内饰与空间 3.驾驶感受"
CONTENTS = regexcache.compile(r"^(?:本文目录|本文目錄|文章目录|文章目錄|目录|目錄|导读目录)\s*[：:]")
# a donation appeal: "支持獨立環境新聞，歡迎定期定額捐款。"
DONATE = regexcache.compile(r"(?:捐款|捐助|小額支持|小额支持|定期定額|定期定额|贊助我們|赞助我们|打赏|打賞|請我喝|请我喝)")
# "本文来源：暖灯读城（ID：nuandengdc），原创作品，转载请联系授权。": where the post comes from, with
# a reprint note after it (no metadata row: the note is prose)
SOURCE_NOTE = regexcache.compile(
    r"^(?:本文来源|本文來源|文章来源|文章來源|内容来源|內容來源|来源|來源)\s*[：:]\s*"
    r"(?P<name>[\u4e00-\u9fffA-Za-z][^\s，,（(：:。]{1,19})\s*(?:[（(](?:ID|id|微信号|微信號)[^）)]*[）)])?"
    r"\s*[，,]\s*.{0,40}(?:转载|轉載|授权|授權|原创|原創)")
# a sales teaser linked from the page: "某某优选 | 夏季家电以旧换新 最高补贴2000元 >>"
SALE_TEASER = regexcache.compile(r"(?:补贴|補貼|优惠|優惠|折扣|特价|特價|抢购|搶購|限时|限時|立即询价|立即詢價|"
                          r"立即购买|立即購買|领券|領券)[^。]{0,30}(?:>>|»|››|→|＞＞)\s*$")
# "原标题：《…》": the headline the story had where it first appeared
ORIGINAL_TITLE = regexcache.compile(r"^[【\[（(]?(?:原标题|原標題|原题|原題)\s*[：:]")
# a comment counter: "评论 12", "留言（3）"
COMMENT_COUNT = regexcache.compile(r"^(?:(?:评论|評論|留言|回复|回覆|跟帖)\s*[（(]?\s*\d+\s*[)）]?"
                                   r"|\d+\s*(?:則|则|条|條|个|個)?\s*(?:留言|评论|評論|回應|回应))$")
# a date without its year, alone on a line: "03-18 14:32", "3月18日 14:32" (the year is the
# current one on the site; the line is dropped, the date is not guessed)
YEARLESS = regexcache.compile(r"^(?:[01]?\d[-/.][0-3]?\d|[01]?\d月[0-3]?\d日)\s+[0-2]?\d[:：][0-5]\d(?::[0-5]\d)?$")
# a clock time alone on a line, maybe with its zone: "香港時間15時45分", "下午3時45分", "15:45"
CLOCK_LINE = regexcache.compile(
    r"^(?:(?:香港|北京|台北|臺北|澳門|澳门|新加坡)(?:時間|时间)\s*)?(?:(?P<pm>下午|晚上|晚間|晚间)|上午|凌晨|中午)?\s*"
    r"(?P<h>[0-2]?\d)\s*(?:時|时|點|点|:|：)\s*(?P<m>[0-5]\d)\s*分?(?:\s*(?:HKT|CST))?$")
# a programme's promo: "《某某新闻眼》，每晚六点半，陪你看见…", "《港視六點半》每晚6時30分…"
PROGRAMME = regexcache.compile(r"^《[^》]{2,12}》[，,\s]*(?:每晚|每天|每日|每週|每周|逢星期|逢週|週一至|周一至)"
                        r"[^。]{0,20}(?:陪你|陪您|伴你|與你|与你|帶你|带你)")
# an image placeholder naming the image: "[Image: 燈會現場人潮]", "[圖片：…]"
NAMED_IMAGE = regexcache.compile(r"^\[(?:Image|image|IMAGE|Photo|photo|Img|img|圖片|图片|圖|图|照片)\s*[:：][^\]]{0,60}\]$")
# a video placeholder with its running time: "[影片] 01:58"
RUNNING_TIME = regexcache.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?$")
# "click here" prompts: "★ 無法正常顯示？請按此瀏覽網頁版", "点此查看原文"
CLICK_HERE = regexcache.compile(r"(?:按此|點此|点此|點擊此處|点击此处|點這裡|点这里|點我|点我|点击|點擊)"
                         r"(?:瀏覽|浏览|閱讀|阅读|查看|觀看|观看|收看|下載|下载|訂閱|订阅|前往|進入|进入)")
URL = regexcache.compile(r"(?:https?://|www\.)\S+|[\w-]+\.(?:com|cn|net|org|tw|hk|io|cc|me|example)\b")
CARD = regexcache.compile(r"^(?:以下文章来源于|以下文章來源於|本文来源于公众号|The following article is from)\s*"
                   r"(?P<name>[^\s，,]{1,30})(?:\s+(?:Author|作者)\s+(?P<author>[^\s，,]{2,20}))?")
# "许家豪 报道", "記者 王小明、李四 報導": names, then the word for "reports", alone on a line
NAMES_REPORT = regexcache.compile(
    r"^(?:记者|記者)?\s*(?P<names>[\u4e00-\u9fff]{2,4}(?:\s*[、，,]\s*[\u4e00-\u9fff]{2,4}){0,3})\s*"
    r"(?:报道|報導|報道|综合报道|綜合報導)$")
# a promise to the reader with a schedule: "某某快讯，陪你读懂每一天。每晚8点，新闻简报准时送达。"
PROMISE = regexcache.compile(r"(?:陪你|陪您|伴你|與你|与你|帶你|带你)[^。]{0,12}(?:每天|每一天|每日|天天)"
                      r"|(?:准时|準時)(?:送达|送達)")
PAYWALL = regexcache.compile(r"(?:订阅|訂閱|成为会员|成為會員|加入会员|加入會員|登录|登入|付费|付費)[^。]{0,30}"
                      r"(?:解锁|解鎖|阅读全文|閱讀全文|查看全文|继续阅读|繼續閱讀|收看全文)")
END_MARK = regexcache.compile(r"^(?:[（(]\s*(?:完|全文完|本文完|END|End)\s*[）)]|完|全文完|本文完|-*\s*END\s*-*"
                       r"|[-—]+\s*(?:完|END)\s*[-—]+)$")
BIO_PAREN = regexcache.compile(r"^[（(](?:作者|本文作者|撰稿人|譯者|译者)(?:系|为|為|是|現為|现为|现任|現任)"
                        r"[^（）()]{2,120}[）)]$")
# a series label above the headline: "“老城新生”系列报道之三" (a category, never the headline)
SERIES = regexcache.compile(r"^[“「『《\"]?[^。，！？]{2,24}?[”」』》\"]?\s*(?:系列|专题|專題)(?:报道|報導|報道|评论|評論"
                     r"|策划|策劃|访谈|訪談|稿件|文章)?(?:之[一二三四五六七八九十\d]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[)）])$")
EDITION = regexcache.compile(r"^第?\s*[A-Z]?\d{1,3}\s*版\s*[：:\s]\s*(?P<name>[^\s，。]{1,8})$")
# a notice that opens with a copyright mark is one, however long
COPYRIGHT_LEAD = regexcache.compile(r"^(?:©|Ⓒ|\([cC]\)\s*\d{4}|copyright\b|版权所有|版權所有|版权声明|版權聲明)",
                             re.IGNORECASE)
# every character the copyright lead can start with (IGNORECASE: Ⓒ also matches ⓒ)
COPYRIGHT_FIRST = frozenset("©Ⓒⓒ(Cc版")
# a disclaimer written as prose: "……不代表本网观点。" / "……不代表<站名>立場。"
# "该文观点仅代表作者本人": the platform's disclaimer under a self-media post
OWN_VIEW = regexcache.compile(r"(?:仅代表|僅代表|只代表)(?:作者|作者本人|个人|個人)")
DISCLAIMER = regexcache.compile(r"不代表[^。，,！？]{0,15}(?:观点|觀點|立场|立場|看法)")
APP_PROMPT = regexcache.compile(r"(?:下载|下載|打开|打開|安装|安裝|尽在|盡在)[^，。\s]{0,10}(?:APP|App|app|客户端|客戶端)")


# a downloadable file linked under a notice: "1. 改造计划项目表.pdf（236KB）", and its heading
ATTACHMENT = regexcache.compile(
    r"^(?:附件\s*\d{0,2}\s*[：:]?\s*)?(?:\d{1,2}\s*[.、．]\s*)?\S[^。]{0,80}"
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|wps|ofd|et|txt)\s*(?:[（(]\s*\d+(?:\.\d+)?\s*[KMG]?B\s*[）)])?$",
    re.IGNORECASE)
ATTACHMENT_HEADING = regexcache.compile(r"^(?:附件下载|附件下載|相关附件|相關附件|附件)\s*[：:]?$")
# a photo gallery's counter alone on a line: "1/8", "3 / 12"
GALLERY_COUNTER = regexcache.compile(r"^\d{1,3}\s*/\s*\d{1,3}$")
# a portal's way back: "返回搜狐，查看更多", "返回网易首页 看更多精彩"
RETURN_PROMPT = regexcache.compile(r"^返回[\u4e00-\u9fffA-Za-z]{1,8}?(?:首页|首頁)?[，,\s]*(?:查看更多|看更多|更多精彩|查看更多精彩)")
# a reprint note naming where the story comes from, maybe after the post's datetime:
# "2025-04-03 09:12　本文经授权转载自微观拾趣（ID：weiguanshiqu）", "本文转载自公众号“某某”"
REPRINT = regexcache.compile(
    r"^(?P<date>(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?::\d{2})?)?)\s+)?"
    r"(?:本文|该文|該文)?(?:经授权|經授權)?(?:转载自|轉載自|转自|轉自)\s*(?:微信公众号|微信公眾號|公众号|公眾號)?\s*"
    r"[“\"「]?(?P<name>[\u4e00-\u9fffA-Za-z][^\s，,（(：:。“”\"「」]{1,19})[”\"」]?"
    r"\s*(?:[（(](?:ID|id|微信号|微信號)[^）)]*[）)])?")
# a bibliography under a popular-science story: "参考文献" and "[1] 作者. 题名[J]. 刊名, 2019, 41(3): 112-120."
REFERENCES_HEADING = regexcache.compile(r"^(?:参考文献|參考文獻|参考资料|參考資料|References|REFERENCES)\s*[：:]?$")
REFERENCE_ENTRY = regexcache.compile(
    r"^[\[［]\d{1,3}[\]］]\s*\S.{4,300}?(?:\[(?:J|M|D|C|N|R|S|P|Z|EB/OL)\]|(?:19|20)\d{2}\s*[,，]\s*\d+\s*[(（])")
# an e-paper's page list: "版面导航：第01版：头版　第02版：要闻　第03版：要闻"
EDITION_LIST = regexcache.compile(r"第\s*[A-Z]?\d{1,3}\s*版")
# a stock quote widget: "华岭科技 600123　15.82　+3.06%　[加自选]", "騰達控股(00788) 3.26 -1.2%"
STOCK_QUOTE = regexcache.compile(
    r"^[\u4e00-\u9fffA-Za-z]{2,10}\s*[（(]?\d{4,6}(?:\.(?:SH|SZ|BJ|HK|TW))?[）)]?\s+[\d.]+\s+[+\-−]?\d+(?:\.\d+)?%")
# a video's running time on its own line: "（视频时长 02:48）", "影片長度：01:58"
VIDEO_LENGTH = regexcache.compile(r"^[（(]?\s*(?:视频时长|視頻時長|影片長度|影片长度|影片時長|片长|片長|时长|時長)\s*[：:]?\s*"
                                  r"\d{1,2}:\d{2}(?::\d{2})?\s*[）)]?$")
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
# script and style text left in a page dump: "var _hmt = _hmt || [];", "googletag.cmd.push(function() {",
# ".nav-top a{color:#333}", "s.parentNode.insertBefore(hm, s);"
CODE_START = regexcache.compile(
    r"^(?:var|let|const|function|window\.|document\.|googletag|gtag\(|_hmt|dataLayer|\(function|\}\)|\$\(|jQuery)")
CODE_END = frozenset(";{}")
# a cookie banner: "本网站使用Cookie以提供更好的浏览体验…", "我們使用 Cookie…"
COOKIE_BANNER = regexcache.compile(r"(?:本网站|本網站|本站|我们|我們|網站|网站)[^。]{0,12}(?:使用|采用|採用)\s*[Cc]ookies?")
# a video player's speed choices: "0.5X", "1.25x"
PLAYER_SPEED = regexcache.compile(r"^\d(?:\.\d{1,2})?\s*[Xx×]$")
# a number alone on a line (a quote box's value or change): "-0.18%", "3386.21"
LONE_NUMBER = regexcache.compile(r"^[+\-−±]?\d[\d,.]*\s*%?$")
# a linked file's type and size on its own line: "(PDF，1.2MB)"
FILE_SIZE = regexcache.compile(r"^[（(]\s*(?:PDF|pdf|DOCX?|docx?|XLSX?|xlsx?|ODT|odt|ZIP|zip)[，,、\s]*\d+(?:\.\d+)?\s*[KMG]B\s*[）)]$")
# a press release's media contact: "新聞聯絡人：公共事務室 何欣蓓 (03)555-1234 分機 2208"
PRESS_CONTACT = regexcache.compile(r"^(?:新聞聯絡人|新闻联络人|媒體聯絡人|媒体联络人|新聞聯繫人|新闻联系人)\s*[：:]")
