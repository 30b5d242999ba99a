"""Invariants of ``newsctl clean``, checked with Hypothesis.

- idempotent: cleaning the cleaned text changes nothing (arbitrary text, and pages built from
  realistic lines of every boilerplate kind);
- no blank output line, no whitespace around a line;
- every character of the output comes from the input (nothing is rewritten or invented);
- no crash on any Unicode: control characters, U+FEFF mid-text, lone surrogates, very long lines;
- every removal points at an input line; ``meta`` always has exactly its keys.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsctl.jobs.clean import META_KEYS, CleanOptions, clean_text
from newsctl.io.encodings import decode_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Lines of every kind the cleaner meets, invented for these tests.
INVENTED = [
    "湖畔公园改造完成 新增三处亲水平台_城市_某某网", "湖畔公园改造完成 新增三处亲水平台", "湖畔公園改造完成 新增三處親水平台",
    "【民生】湖畔公园改造完成 新增三处亲水平台", "〈專文〉湖畔公園改造完成", "直擊｜湖畔公園改造完成 新增三處親水平台",
    "湖畔公园改造完成******", "首页 | 新闻 | 体育 | 财经", "当前位置：首页 > 城市 > 正文", "首頁 / 生活",
    "2025-03-02 14:05　来源：某某日报", "發布時間：2025/03/02 18:42　最後更新：2025/03/02 19:10",
    "中華民國114年3月2日星期日", "二〇二五年三月二日", "记者 张小明", "記者李大同／台南報導", "文/王美玲(作家)",
    "责任编辑：赵敏", "值班編委/林一 本版編輯/黃二 美編/陳三", "阅读 (2.1万)", "人氣 321",
    "全文共900字，阅读大约需要2分钟", "分享到：微信 微博 QQ空间", "A+ A A-", "点击上方蓝字关注我们",
    "展开全文", "請繼續往下閱讀...", "相关阅读", "延伸閱讀", "上一篇：湖边新开一家书店", "公园夜景灯光秀下周上演",
    "▲改造后的亲水平台。（图/园林局提供）", "游客在平台上拍照。（記者王明攝）", "图为市民在湖边散步。某某日报记者 张小明 摄",
    "![]()", "<br/>", "{{ad_slot}}", "&nbsp;&nbsp;", "A Decorative Image", "图1 公园平面示意", "资料来源：园林局",
    "新华社杭州3月2日电（记者 张小明）湖畔公园改造工程日前完工，新增三处亲水平台。",
    "〔記者李大同／台南報導〕湖畔公園改造工程日前完工。", "本报讯（记者 张小明 通讯员 李华）园林局昨日宣布，改造工程完工。",
    "（中央社記者李大同台中2日電）公園今天重新開放。", "www.spam-site.example,市民昨日起可以进入公园游览。",
    "【幸运城】注册即送体验金 www.spam-site.example", "廣告 廣告", "#公园 #亲水平台", "关键词：公园、湖畔",
    "Copyright © 2025 某某网 All Rights Reserved", "本文仅代表作者观点，不代表本站立场。", "发表评论", "0 則留言",
    "本文內容僅向付費會員開放，請登入或立即訂閱。", "编者按：城市公园是市民的后花园。", "摘要：湖畔公园改造完成。",
    "以下文章来源于城市观察 ，作者张小明", "作者简介：张小明，城市规划师。", "亲水平台：指临近水面、供人休憩观景的平台。",
    "，市民可在此休憩。", "景区管理方还发(fā)布了游园须知。", "ÖÐ¹úÈËÃñ¹²ºÍ¹ú", "。", "这是一个", "1. 平台开放时间为早六点至晚十点；",
    "一、入园须知", "（二）注意安全", "・亲水平台一号", "◎ 全程无障碍", "“这里的变化太大了。”", "夜景更美了",
    "湖畔公园改造工程历时一年，新增三处亲水平台、两座观景台和一条环湖步道，面积约二十公顷。",
    "附近居民王阿姨说，以前湖边杂草丛生，现在每天晚饭后都会来走一圈。",
    "园林部门表示，下一步将在湖区增设垃圾分类点，并加强夜间巡查。", "", "　　", "\ufeff", "\t \u3000",
]


def _sample_lines() -> list[str]:
    """Lines of every page we have: the samples and the held-out and blind evaluation pages."""
    data = Path(__file__).resolve().parent / "data"
    lines: list[str] = []
    for folder in (SAMPLES, data / "clean_eval" / "pages", data / "clean_blind" / "pages",
                   data / "clean_blind2" / "pages", data / "clean_blind3" / "pages",
                   data / "clean_blind4" / "pages", data / "clean_blind5" / "pages",
                   data / "clean_blind6" / "pages", data / "clean_blind7" / "pages",
                   data / "clean_blind8" / "pages", data / "clean_blind9" / "pages",
                   data / "clean_blind10" / "pages", data / "clean_blind11" / "pages",
                   data / "clean_blind12" / "pages", data / "clean_blind13" / "pages",
                   data / "clean_blind14" / "pages", data / "clean_blind15" / "pages",
                   data / "clean_blind16" / "pages"):
        for path in sorted(folder.glob("*.txt")):
            lines += decode_bytes(path.read_bytes(), str(path)).text.split("\n")
    return lines


POOL = INVENTED + _sample_lines()
realistic_pages = st.lists(st.sampled_from(POOL), max_size=30).map("\n".join)
# everything but "&" and "\\", whose entity/escape decoding may legitimately create characters
plain_chars = st.characters(blacklist_characters="&\\", blacklist_categories=("Cs",))
punctuation = st.sampled_from(list("。，、：；！？「」（）【】《》|/>_-—　 \n\r#▲＊*年月日记者编辑来源网报摄图"))
plain_text = st.text(alphabet=plain_chars | punctuation, max_size=400)
any_text = st.text(alphabet=st.characters() | punctuation, max_size=400)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def _check_shape(source: str) -> None:
    result = clean_text(source)
    lines = result.text.split("\n") if result.text else []
    assert all(line and line == line.strip() and "\r" not in line for line in lines)
    assert tuple(result.meta) == META_KEYS
    parts = ([result.title] if result.title else []) + list(result.paragraphs)
    assert lines == parts or result.warnings
    n_lines = len(re.split(r"\r\n|\r|\n", source))
    assert all(1 <= r.line <= n_lines for r in result.removed)


@SETTINGS
@given(realistic_pages)
def test_idempotent_on_realistic_pages(page: str) -> None:
    once = clean_text(page).text
    assert clean_text(once).text == once


@SETTINGS
@given(any_text)
def test_idempotent_on_arbitrary_text(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@SETTINGS
@given(realistic_pages)
def test_output_shape_on_realistic_pages(page: str) -> None:
    _check_shape(page)


@SETTINGS
@given(realistic_pages)
def test_the_text_is_the_same_without_the_removed_list_and_the_metadata(page: str) -> None:
    """The command line asks only for what it prints: skipping the rest never changes the text."""
    full = clean_text(page)
    lean = clean_text(page, CleanOptions(removed=False, metadata=False))
    assert (lean.text, lean.title, lean.warnings) == (full.text, full.title, full.warnings)
    assert lean.removed == () and lean.meta == dict.fromkeys(META_KEYS)


@SETTINGS
@given(any_text)
def test_output_shape_on_arbitrary_text(text: str) -> None:
    _check_shape(text)


@SETTINGS
@given(plain_text)
def test_output_characters_come_from_the_input(text: str) -> None:
    out = clean_text(text).text
    assert set(out) - {"\n"} <= set(text)


@SETTINGS
@given(st.lists(st.sampled_from(INVENTED[-5:-4] + INVENTED[-7:-5]), min_size=1, max_size=5),
       st.sampled_from(["\ufeff", "\x00", "\x07", "\x1b", "\u200b", "\u2028", "\x85", "\ud800"]))
def test_control_characters_mid_text(paragraphs: list[str], odd: str) -> None:
    page = "\n".join(p[:5] + odd + p[5:] for p in paragraphs)
    result = clean_text(page)
    assert odd not in result.text or odd == "\ud800"


def test_very_long_line() -> None:
    para = "湖畔公园改造工程历时一年，新增三处亲水平台。" * 20000
    result = clean_text("湖畔公园改造完成\n" + para)
    assert result.paragraphs == (para,)


def test_many_lines() -> None:
    page = "\n".join(["湖畔公园改造完成"] + ["附近居民王阿姨说，以前湖边杂草丛生，现在每天都会来走一圈。"] * 5000)
    assert len(clean_text(page).paragraphs) == 5000


def test_lone_surrogates_do_not_crash_the_title_comparison() -> None:
    page = "湖畔公园改造完成\ud800\n湖畔公園改造完成\ud800\n附近居民王阿姨说，现在每天都会来走一圈。"
    result = clean_text(page)
    assert result.paragraphs == ("附近居民王阿姨说，现在每天都会来走一圈。",)


def test_idempotent_on_pages_the_random_sweeps_found() -> None:
    """Pages that once cleaned differently the second time (kept as regression cases)."""
    for page in [
        # a bio heading, a widget, then prose: the first run kept the heading (the widget stood
        # between), the second dropped it with the prose under it
        "歡迎全校學生踴躍選修。\n作者简介\n当前位置：首页 > 农业资讯 > 市场行情\n"
        "「接種疫苗後約需兩星期才能產生足夠抗體，現在接種仍未算遲。」",
        # the same with an image and its caption between: the bio is judged after the captions
        "〔記者陳語彤／臺北報導〕立法院委員會今日審查草案，初審通過部分條文。\n作者简介\n"
        "![](../images/xy0502b01_b.jpg)\n▸ 偶像劇《夏日慢車》收視破3 主角宣布再合作\n"
        "大眾運輸：搭乘往成功方向的客運，於「嵐石」站下車步行約15分鐘",
        # a bio heading above a dateline paragraph: the paragraph is the story, not a bio
        "作者简介\n（新加坡讯）榕岸一带的年长居民今后不必远行，在组屋楼下就能使用专为乐龄人士设计的健身器材。\n"
        "民聲報\n碳盤查：指企業依國際標準，計算並揭露自身營運所產生溫室氣體排放量的過程。",
        # a head line printed again below the story outranked the headline once the headline's
        # own copies were gone: its head copy now goes in the first run
        "湖畔公园改造完成 新增三处亲水平台_城市_某某网\n湖畔公园改造完成 新增三处亲水平台_城市_某某网\n"
        "輕軌東線望海站下月啟用 增設兩條巴士接駁線\n"
        "市财政局相关负责人介绍，今年的审核流程比往年更加严格，由三个部门联合把关。\n"
        "輕軌東線望海站下月啟用 增設兩條巴士接駁線\n"
        "并引入第三方机构对项目节能效果进行评估，申报企业需提交以下材料。",
        # a bio heading whose bio stood behind widget lines: only unclaimed lines count
        '步道處提醒市民，行山前應留意天氣報告，並預留充足時間在日落前完成行程。如遇惡劣天氣，新路段或會暫時關閉，最新消息會在步道處網站公布。\n關於晶邦科技\n下載赤道日報App，隨時隨地掌握最新消息\n★ 無法正常顯示？請按此瀏覽網頁版\n留言区见\n[照片]\n最新消息\n地方創生十年後，人口真的回流了嗎？',
        # a dateline paragraph under an image became a caption once its tag was cut (short)
        "[图片]\n（新加坡讯）榕岸一带的年长居民今后不必远行，在组屋楼下就能使用专为乐龄人士设计的健身器材。\n"
        "榴梿季提早报到 猫山王园主收购价跌至每公斤35令吉 | 南峰日报\n筆者建議，主管機關至少可以從以下方向著手：",
        # "【展讯】" on the headline was cut as a dateline, so the paragraph's own one was not
        "【展讯】经纬之间：180余件古代织锦亮相鹭原博物院 - 青禾文化网\n"
        "〔記者蕭品睿∕桃園報導〕桃園一名70歲退休女教師去年底接到自稱檢察官的電話，對方稱她的帳戶涉及洗錢案。",
        # a quote printed twice read as a long headline printed twice (its copy then hid the
        # dateline of the paragraph below from the first run only)
        "鍾曉蔓在社群貼文寫道：「謝謝每一個願意花時間聽我唱歌的人，我會把最好的自己帶上台。」<br/>\n"
        "鍾曉蔓在社群貼文寫道：「謝謝每一個願意花時間聽我唱歌的人，我會把最好的自己帶上台。」<br/>\n"
        "湖畔公园改造完成 新增三处亲水平台_城市_某某网\n"
        "新华社杭州3月2日电（记者 张小明）湖畔公园改造工程日前完工，新增三处亲水平台。",
        # ":::" (an anchor) was joined onto the paragraph before it as if it ended the sentence
        "另外2条由原有末班线路延时改造而成。夜归专线实行单一票制2元，可使用市民卡乘车。\n"
        "www.spam-site.example,市民昨日起可以进入公园游览。\n:::",
        # then the line after ":::" joined onto it, and the result onto the paragraph before
        "全港约有一千八百间茶餐厅，愿意入行的年轻人寥寥可数。\n:::\n，游客可跟随演员穿行于亭台之间。",
        # at the 80% guard's edge: an image made the next line a caption; without it (second
        # run) the same line is body, so the first run now judges the page as that text
        "\n".join(["● 青農貸款怎麼申請\u3000一次看懂流程", "二是車用光達（LiDAR）元件開始小量出貨；",
                   '<img src="/upload/2025/06/03/ys01.jpg" alt="油纸伞作坊">',
                   "路过的风：期待早日量产，通勤能轻松不少。", "全文共1420字，阅读约需4分钟",
                   "沙鹿老街騎樓整平完工 店家盼人潮回流 - 生活 - 海線日報", "当前位置：首页 > 城市 > 正文",
                   "撰文：區嘉敏\u3000攝影：馮卓謙", "[點我加入LINE好友] 即時掌握社會新聞",
                   "星岚新能源：拟投资18亿元建设储能电池基地_7×24小时快讯_鼎川财经"]),
        # pages the main block's sweeps found (a run that lost a line paying for the chrome
        # between two paragraphs, a tag cut from a paragraph outside the story, a lead-in
        # left at the top once the paragraph above it went)
        '铺子墙上的钟，没有一面是他买的。有的是客人修好后一直没来取，有的是老主顾搬家前送给他的。每一面钟的来源，他都记得清清楚楚，哪一面是哪年、谁家的，张口就来。\n榕江广播电视台版权所有\u3000未经许可不得转载\u3000信息网络传播视听节目许可证：2093417号\n智读网 - 每天读点有用的\n\u3000\u3000县农业农村局相关负责人介绍，为解决农机购置资金来源问题，县里整合涉农资金设立配套补贴，对合作社新购农机给予最高30%的补贴。\n發表留言\n發表評論\n被告余家駿今日在區域法院被判囚32個月，家長在庭外相擁而泣。資料圖片',
        '\u3000\u3000本报讯（记者 刘晓雯）每周三下午第二节课，北川市第七中学初二（3）班的学生都会扛着小锄头，来到教学楼后面一块不足两亩的空地上。这里是学校去年秋天开辟的“七中农场”，种着番茄、豆角、空心菜和几垄红薯。\n撰寫 service 與 timer\n楼市\n影音\n海晴灣首輪300伙即日沽清 發展商今晚加推120伙 | 樓市脈搏\nA：單純多墊一顆枕頭只會讓脖子彎曲，效果有限。邱建宏建議將床頭整體墊高15至20公分，或採左側躺，較能減少夜間逆流。\n夏季氣溫屢創新高，仁澤綜合醫院腎臟科近一個月收治7名慢性腎臟病患者，因戶外活動或工作時飲水不足，導致腎功能急性惡化，其中2人需短期接受血液透析治療。',
        '\u3000\u3000为方便不会使用智能手机的老人，各村均设立了代办员。石门村代办员周红梅告诉记者，她每天要帮十几位老人代约车票，“大家都说，这是把公交开到了家门口”。\nKevin Wu\n認養不是一時衝動。\n（责任编辑：许青禾、韩牧）\n对于收购资金来源，晨岭电气表示将使用自有资金及银行并购贷款，不涉及发行股份。',
        '[驰道汽车网 新车频道] 3月18日晚，星衡汽车旗下中型SUV星衡S7增程版正式上市。新车共推出Pro、Max、Ultra三款配置，售价区间为17.98万-21.58万元，同时官方推出限时置换补贴及首任车主三电终身质保等购车权益。\n青溪新闻网\n金川财经网 - 财经门户\n\u3000\u30003月1日，合肥市财政局对外通报，首批“绿色贷款贴息”资金已于2月底全部拨付到位，共有37家中小企业获得贴息支持，累计贴息金额约1860万元。这是该市去年出台绿色金融支持政策以来，首次集中兑现贴息资金。',
        '提案立委張孟庭在院會後接受記者聯訪時表示，全台仍有近4成公共場館未達現行無障礙標準，「輪椅族去看一場球賽，光是找廁所就要繞半座場館，這不應該是常態。」\n搜疾病、症状、医生\n據了解，起火單位是一間網購公司的貨倉。\n© 2025 議壇新聞網 All Rights Reserved.\n\u3000\u30002023年，六十八岁的何某经推销人员介绍，以二十万元“认购”某养老公寓床位，合同约定每年返还“收益”百分之十五。不到一年，该公司人去楼空。法院认定该合同以合法形式掩盖非法集资目的，判决合同无效，相关责任人返还本金并支付利息。',
        '当前位置：\n为什么打哈欠会“传染”？\n後兩個月內撥付。',
        '比賽關鍵出現在6局上。山嵐先發投手傅子翔在一出局後連續保送兩人，赤鳶4棒王俊廷把握機會，擊出右中間二壘安打，一口氣送回兩分；5棒蔡明叡再補上一支中外野高飛犧牲打，赤鳶以4比1超前。\n新路段的主要設施包括：\n欧元/人民币\n消費者如果發現炸物有油耗味，也可以撥打1999市民專線檢舉。\n栖公网安备 43010202000123号\n這棟倉庫建於1960年代，過去用來存放進出口的雜貨，閒置多年後由市府與港務單位合作活化。設計團隊保留了原有的木桁架屋頂與紅磚外牆（圖／高雄市文化局提供），館內則以大片落地窗引進自然光，讓孩子一邊看書一邊就能欣賞港景。',
        '\u3000\u3000本报澜江9月15日电\u3000（记者柏雪松、杜若汀）中午11点，临川县溪口村的“长者食堂”里飘出饭菜香。两荤两素一汤，70岁以上的老人每餐只需付4元。\n[图片]\n县城题材走红背后，创作者如何避免同质化\n雲林\n首页\u3000封面故事\u3000人物\u3000城与人\u3000书评\u3000影像\u3000往期\u3000订阅\n實測｜澄光 Pebble-7 開發板：離線語音辨識能跑多快？\n2019年，當時29歲的許嘉倫還在夜市擺攤賣芒果冰。疫情爆發後夜市人潮驟減，他每天看著整箱芒果放到熟爛，「那是我人生最焦慮的一段時間」。',
        '（中央社記者邱文彥台中2日電）台中市后里區年度盛事「花田星光節」今天開幕，主辦單位在2.5公頃的休耕田區以超過百萬株波斯菊、向日葵與金魚草，拼出一隻長約80公尺的巨型石虎圖案，吸引大批民眾一早就到場拍照。\n「不想把它修得太新」\n旅行\n嶺峰邨升降機更換工程延誤 長者每日行十層樓梯\n首页\u3000热门文章\u3000公众号大全\u3000分类\u3000登录\n欧侨网讯 近日，法国东部城市布雷蒙的华人商会与当地警察局签署合作协议，在华人商铺集中的圣马丁街区建立“商户安全联防”机制。这是当地警方首次与侨团签订此类协议。\n策展人邱若晨表示，貨櫃劇場的座位最多只有80席，觀眾與演員的距離往往不到兩公尺，「我們希望觀眾不是來『看』一齣戲，而是走進一個正在發生的世界」。',
        '【專題】茶餐廳老師傅退休潮 港式奶茶手藝誰來接棒？｜灣畔週刊\n嶺翠樓互助委員會主席麥志偉批評，署方事前未有充分諮詢住戶，延誤後亦沒有主動通知，不少長者是見到告示才知道要再等。他形容住戶的心情：\nA：牛奶雖能短暫中和胃酸，但其中的蛋白質與脂肪反而會刺激胃酸分泌，睡前喝可能更不舒服。\n大家正在搜：城南电梯补贴怎么领\n2. 輸入住家地址或開啟定位；',
        '第三屆港邊精釀啤酒節將在海洋廣場舉行，主辦單位今年首度推出空杯押金制，盼減少一次性垃圾。（記者林佩萱攝）\n我校学生团队获全国高校绿色建造创新大赛一等奖-临岫大学新闻网\n首页\u3000直播\u3000点播\u3000新闻\u3000节目\u3000海川号\u3000客户端\n活動規則很簡單：\n頂厝大排流經頂厝、後寮兩村，過去渠道狹窄又多處淤積，每逢梅雨、颱風季節就溢堤。工程總經費約1.8億元，由中央與縣府共同分擔，主要項目包括：',
        '该作品针对山区乡村小学校舍建设周期长、运输成本高的问题，采用本地竹材与胶合木组合的装配式结构，主体构件均可在工厂预制，现场拼装工期可缩短至45天。\n云泽省农业农村厅\n主办：鹏城科技报社\u3000本网站所刊登的各种新闻、信息和各种专题专栏资料，均为鹏城科技报社版权所有，未经协议授权禁止下载使用。\n完騷後鄭穎嵐向台下九十度鞠躬。\n责任编辑：\n参赛球员中，既有企业职员、教师、外卖骑手，也有在校大学生。27岁的外卖骑手罗浩已经连续三年参赛，他说：“平时送餐很累，但一到周末踢球，整个人都放松了。”',
        '【維港新聞專訊】屯門嶺峰邨嶺翠樓兩部升降機的更換工程原定上月底完成，但至今仍未重開，住在高層的長者及行動不便人士每日上落只能靠樓梯，有居民直言「好似坐監」。\n街市內六十多個檔位，如今只有二十一個仍在營業。\n文字大小 小 中 大\u3000列印\u3000分享 複製連結\n鄭穎嵐開騷感觸落淚 四萬歌迷齊唱〈晚風未眠〉\n👉 加入赤道日报WhatsApp频道，掌握第一手新闻！\n柏溪晚报\n二、結合在地農產，優先採用縣內生產的蔬果。\n分享 Facebook X 電郵\n投稿\n分享這篇文章\n\u3000\u3000【維港時報專訊】天文台昨日錄得今冬最低氣溫8.6度，市區多處出現霜凍，深水埗一帶的劏房戶首當其衝。本報記者昨晚到區內多間社區中心直擊，有長者裹着兩張棉被坐在摺椅上過夜，有人則帶同暖水壺排隊輪候入場。',
        # a short first paragraph once its own tag or credit is cut: a lede, on both runs
        '（新加坡讯）榕岸一带的年长居民今后不必远行，在组屋楼下就能使用专为乐龄人士设计的健身器材。\n〔記者蔡宜庭∕台中報導〕台中市沙鹿區老街的騎樓長年高低不平，行人得不斷上下階梯，甚至被迫走到車道上。區公所去年起推動騎樓整平計畫，歷時10個月，全長約650公尺的騎樓近日全部完工。',
        '台北市都市發展局2日舉行記者會說明老舊公寓增設電梯補助新制，局長鄭文堯（右）展示申請流程。（華聲社記者林佩君攝）114年3月2日\n【鹏城科技报专讯】（记者 许嘉禾）深圳一家新型研发机构4日发布一款固态电池样品，其单体能量密度较目前主流动力电池提升约四成。研发团队表示，该样品已通过针刺、挤压等多项安全测试，预计两年内可实现小批量试产。',
        # a lede over a tagged paragraph once the paragraph above it left the story
        '立法院會今日三讀通過《公共場館無障礙設施條例》，身障團體代表在議場旁聽席舉牌致意。（記者許書瑋攝）\n搜疾病、症状、医生\n負責策劃的館員劉思妤說，這個點子來自她在國外念書時的經驗，「很多人的故事沒有被寫成書，但一樣值得被讀。」\n【港訊通專訊】運輸署今日（3日）宣布，來往觀塘及啟德的「九龍東智慧巴士專線」將於10月6日正式開通，全程只需12至15分鐘，較現時轉乘港鐵及步行節省約一半時間。',
        # a headline that weighed as prose with its site suffix, and less without it
        '网购咖啡机“激活”后被拒退货，法院判了：商家退还全款_案例评析_江澜法院网\n安可時，林紗邀請多年好友、創作歌手鄭聿凡上台，兩人合唱〈晚風〉，讓全場陷入回憶。\n东陵新区企业开办实现“半日办结”\n中国政府网\n青岗县融媒体中心主办\n下山後開車5分鐘就到「稻浪咖啡」，老闆阿凱是返鄉青年，把阿公留下的梯田一半種稻、一半改成戶外座位。我點了招牌的洛神氣泡美式（150元），酸酸甜甜很解渴；聽老闆分享，豆子是跟鄰村小農合作的，每一季風味都不太一樣。',
        # a teaser's date after an issuer's name that a related list claimed
        '不過也有主婦認為，冷凍蔬菜口感較差，寧願少買幾樣，「等價錢回來再說」。\n相關新聞\n栖澜市住房和城乡建设局\n晨星音樂獎入圍名單出爐\u3000新人獎競爭激烈 2025/11/28\n居家照顧工會聯盟秘書長蔡若涵會後受訪時說，工會將持續追蹤後續協商進度，也希望保障範圍能延伸到機構內的夜班照顧人員。',
        # a lede and its tagged paragraph with a bio between them that a later rule took
        '農糧單位表示，隨著氣溫回升，2月下旬起各產區陸續恢復採收，預估3月中旬後蔬菜價格將逐步回穩。\n作者简介\n郊野設施管理署署長葉卓賢（左二）今日（三月十六日）視察大帽嶺一段正在進行修復工程的行山徑。\n〔記者林佩瑜∕台中報導〕入春以來降雨偏少，中部主要水庫蓄水量持續下滑，經濟部水利署昨（17）日召開抗旱會議，宣布台中市及彰化縣自4月1日起，每日晚間11時至隔日清晨5時實施夜間減壓供水，水情燈號由綠燈轉為黃燈。',
        # a label cut from a candidate that leaves no headline (a clock time)
        '[影片] 02:13\n】',
        # the tagged paragraph left the settled run: the next paragraph's tag is the story's
        '消防局表示，救護人員到場時謝男意識清楚，但左腿疑似骨折，已送往醫院急救，目前無生命危險。\n〔記者溫昱辰／梅嶺報導〕桐岡鄉福安老街騎樓整修工程歷時一年多，昨（14）日舉行完工典禮，42棟百年街屋的立面與騎樓重現洗石子與紅磚拱廊風貌，在地商家期盼能帶回觀光人潮。\n檀城晚报网\n摘要：悦购集团二季度实现营收862.4亿元，同比增长14%；经调整净利润58.7亿元，同比增长21%。\n欧侨网讯 近日，法国东部城市布雷蒙的华人商会与当地警察局签署合作协议，在华人商铺集中的圣马丁街区建立“商户安全联防”机制。这是当地警方首次与侨团签订此类协议。',
        # the first paragraph left the settled run: the next one's own tag is cut
        '記者翻查資料，「鐵閘藝術空間」曾於2019年舉辦開放日，吸引逾五千人次參觀。（圖／翻攝自鐵閘藝術空間Facebook）\n澄阳都市网\n\u3000\u3000青溪台讯（记者 罗晓燕 唐斌）清晨六点，58岁的卢德胜背上那只磨得发白的药箱，出了家门。他是白岩镇桐木村卫生室的乡村医生，负责桐木、岩脚、坳上三个村1900多名村民的基本医疗和公共卫生服务。',
        # a lede over a tagged paragraph that is itself a lede over another tagged one
        '不少人誤以為光害管制就是「把燈關掉」，其實不然。國際上推動暗空保護的做法，大致可歸納為幾個原則：\n【本台消息】記者何曉琳報道：交通事務部門今日表示，為配合輕軌東線望海站下月啟用，將於四月一日起增設兩條巴士接駁路線，連接東灣區多個住宅區及站點。<br>\n〔記者許書瑋∕台北報導〕立法院會今（17）日三讀通過《公共場館無障礙設施條例》，明定中央及地方政府管理之體育館、圖書館、文化中心等公共場館，須於條例施行後3年內完成無障礙設施改善，屆期未改善者，主管機關得按次處新台幣6萬元以上30萬元以下罰鍰。條例自明（2026）年7月1日起施行。',
        # a headline printed without its suffix weighs as prose on the next run
        '深水埗老布行結業前最後周末 熟客排隊掃貨：以後去邊度買布？｜港潮01\n答：先补液。',
    ]:
        once = clean_text(page).text
        assert clean_text(once).text == once


@settings(max_examples=300)
@given(st.lists(st.text(alphabet="ab一不分享到版權所有轉載 (、", min_size=1, max_size=5), min_size=1, max_size=12),
       st.text(alphabet="ab一不分享到版權所有轉載x (、", max_size=30))
def test_the_anchored_pattern_finds_what_the_entries_find(entries: list[str], text: str) -> None:
    import re

    from newsctl.cleaning.lexicon import anchored_alternation

    # anchored on each entry's rarest character (ranked ones, Traditional ones, Latin ones; a
    # space or a punctuation mark only when the entry has nothing else)
    assert (re.search(anchored_alternation(entries), text) is not None) == any(e in text for e in entries)


@settings(max_examples=300)
@given(st.lists(st.text(alphabet="ab编辑责任", min_size=1, max_size=5), min_size=1, max_size=12),
       st.text(alphabet="ab编辑责任x", max_size=30))
def test_the_trie_pattern_matches_as_the_flat_alternation(entries: list[str], text: str) -> None:
    import re

    from newsctl.cleaning.lexicon import alternation, flat_alternation

    flat, trie = flat_alternation(entries), alternation(entries)
    # the same matches, one after another, also inside a larger pattern that needs backtracking
    assert ([m.span() for m in re.finditer(flat, text)]
            == [m.span() for m in re.finditer(trie, text)])
    assert ([m.span() for m in re.finditer(f"(?:{flat})x", text)]
            == [m.span() for m in re.finditer(f"(?:{trie})x", text)])


@settings(max_examples=300)
@given(st.lists(st.text(alphabet=st.sampled_from(
    "a 。中文\u3400\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000\uf900\ufaff\ufb00\U00020000\U0002f900\ud800"),
    max_size=8), max_size=6))
def test_the_page_counts_cjk_as_each_line_does(texts: list[str]) -> None:
    from newsctl.cleaning.mainblock import cjk_weight, cjk_weights

    # one encoding of the joined lines, sliced per line (lines beyond U+FFFF: one by one)
    assert cjk_weights(texts) == [cjk_weight(text) for text in texts]
