"""Length bounds that several line classifiers share, named by what they bound.

A bound used by one rule only stays next to it; these are the ones that recur with one meaning.
"""

# site chrome (a metadata row, a widget row, a heading) is at most this long: a longer line is
# prose to the short-line rules, no row, and not worth remembering per process
CHROME_LINE_MAX = 100
# a widget, button, prompt or label line ("分享到", "打开APP", "系列报道", a lone date row): the
# phrase, prompt and date rules take only lines this short, since paragraphs mention the same words
WIDGET_LINE_MAX = 40
# a headline linked from a related list or printed after its heading ("延伸閱讀：<headline>")
LINKED_HEADLINE_MAX = 40
# a paywall or subscription pitch ("订阅X数码版，每月只需0.99元 >>") on a line of its own
PITCH_LINE_MAX = 80
# a link button: a short pitch that ends with its arrow ("想看更多，立即關注我們的專頁！>>")
LINK_BUTTON_MAX = 60
# the lines the weak rules for short lines take (a lone channel word, a logo, a menu, a date row)
SHORT_LINE_MAX = 60

# the bounds by the names a rule file gives them (``max_length = "widget-line"``)
LIMITS = {
    "chrome-line": CHROME_LINE_MAX,
    "widget-line": WIDGET_LINE_MAX,
    "linked-headline": LINKED_HEADLINE_MAX,
    "pitch-line": PITCH_LINE_MAX,
    "link-button": LINK_BUTTON_MAX,
    "short-line": SHORT_LINE_MAX,
}
