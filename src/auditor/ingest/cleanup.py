"""Normalise export artefacts in text as it is read (bookmarks, HTML in cells, LaTeX math)."""
from __future__ import annotations

import html
import re
import unicodedata

BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")
INPUT_RE = re.compile(r"<input", re.I)
CHECKED_WORD_RE = re.compile(r"\bchecked\b", re.I)
CHECKBOX_TYPE_RE = re.compile(r"type=\"?checkbox", re.I)
# A break tag with the white space around it. The leading white space is tried only where a run
# of it begins (the look-behind), so a long run of spaces before no tag is crossed once, not
# once per space.
BREAK_TAG_RE = re.compile(r"(?:(?<!\s)\s+)?(?:</p>\s*<p>|<br\s*/?>)\s*", re.I)
TAG_RE = re.compile(r"</?(?:p|span|div|b|i|u|strong|em|sup|sub|font)\b[^>]*>", re.I)
# A superscript or subscript written as HTML in a text export (1,234.56<sup>1</sup>), read by
# `raised_text` before TAG_RE takes the tags out; its body holds no tag and is short (a mark or
# a power: a longer body is text set small and is left to TAG_RE).
RAISED_TAG_RE = re.compile(r"<(sup|sub)\b[^<>]*>([^<>]{0,12})</\1\s*>", re.I)
# A note mark set raised after a figure: a digit or two (three letters at most: a, ab), ①, *, †,
# [1], （1）, 注1. After a figure it is no digit of it, however the format raises it (Word's
# superscript run, HTML's <sup>; a PDF's smaller raised digits, pdf_layout.NOTE_MARK_SIZE).
NOTE_MARK_RE = re.compile(r"[\d①-⑳*＊†‡a-zA-Z]{1,3}|[\[［(（]\d{1,2}[\]］)）]|注\s*[\d①-⑳]{1,2}")
# what a note mark follows when it marks a figure: its last digit, a rate's sign, a bracket closing
# a figure's note or unit, its unit of money
MARKED_FIGURE_ENDS = "%％‰）)元"
POWERS = {"2": "²", "3": "³"}  # a raised 2 or 3 after a unit of length (m², km³): its power
# A numeric character reference of more than 7 significant digits names no character (the
# largest is 1,114,111) and html.unescape would hand its digits to int(), which refuses more
# than 4,300 of them; such a reference becomes U+FFFD, as html.unescape makes of any too large.
LONG_CHARREF_RE = re.compile(r"&#0*([0-9]{8,});?")
# characters a reader never sees in running text: soft hyphen, zero-width spaces and joiners, word
# joiner, byte order mark
INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = str.maketrans("", "", INVISIBLE_CHARS)
INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARS}]")
MATH_RE = re.compile(r"\$([^$\n]{1,80})\$")
LATEX = [(r"\geq", "≥"), (r"\leq", "≤"), (r"\ge", "≥"), (r"\le", "≤"), (r"\%", "%"),
         (r"\times", "×"), (r"\pm", "±"), (r"\sim", "~"), (r"\cdot", "·"), ("{", ""), ("}", "")]

# Traditional characters met in budget vocabulary, mapped to simplified ones so that
# labels and units match; the mapping is one character to one, so offsets are kept. (The radical
# characters below join the same table.)
TRADITIONAL = str.maketrans(
    "預決算經費項門億萬圓職業與務產資報表數額實際計劃財撥款調劃績評價標體結餘開單據補貼發準機關總級廳處區縣鄉鎮"
    "車輛購運維護會議時間場類別負責達標準確審質國個為這對於來說後從並員減稅險醫療養農電網條際況進選規範",
    "预决算经费项门亿万圆职业与务产资报表数额实际计划财拨款调划绩评价标体结余开单据补贴发准机关总级厅处区县乡镇"
    "车辆购运维护会议时间场类别负责达标准确审质国个为这对于来说后从并员减税险医疗养农电网条际况进选规范",
)
TRADITIONAL.update(str.maketrans("戶", "户"))  # (受益农戶数: ⼾ below, and as typed)
# Radical characters standing for ideographs: PDF text layers of CJK fonts (Noto CJK printed by
# Chromium, many Word exports) carry 支 as ⽀ (KANGXI RADICAL BRANCH) and 长 as ⻓ (CJK RADICAL
# C-SIMPLIFIED LONG), which look the same and match no word. The Kangxi Radicals block maps by
# NFKC; the CJK Radicals Supplement has no such mapping, so its pairs are taken from the Unicode
# Character Database's EquivalentUnifiedIdeograph.txt (U+2E81..U+2EF3; U+2E80 and U+2E9A have
# none). One character to one, so offsets are kept.
RADICALS_SUPPLEMENT = (
    "⺁⺂⺃⺄⺅⺆⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺥⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺵⺶⺷⺸⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳",
    "厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑彐忄心扌攵旡日月歺母民氵氺灬爫爫丬牛犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
)
KANGXI_RADICALS = "".join(chr(code) for code in range(0x2F00, 0x2FD6))
TRADITIONAL.update(str.maketrans(RADICALS_SUPPLEMENT[0], RADICALS_SUPPLEMENT[1]))
TRADITIONAL.update(str.maketrans(KANGXI_RADICALS, unicodedata.normalize("NFKC", KANGXI_RADICALS)))
# (⼾ KANGXI RADICAL DOOR is NFKC's 戶; a simplified font's 户 is printed as it)
TRADITIONAL.update(str.maketrans("⼾", "户"))
# the characters TRADITIONAL changes: most lines hold none, and a search finds that at a third of
# the cost of translating the line character by character
TRADITIONAL_RE = re.compile("[" + re.escape("".join(chr(k) for k, v in TRADITIONAL.items() if k != v)) + "]")


def _latex(match: re.Match) -> str:
    body = match.group(1)
    if "\\" not in body and "%" not in body:
        return match.group(0)
    for source, target in LATEX:
        body = body.replace(source, target)
    return body.replace(" ", "")


def _before_last(pattern: re.Pattern, text: str, close: str, repl) -> str:
    """`pattern.sub(repl, text)` for a pattern whose every match ends with `close` (its body cannot
    hold `close`): a start after the last `close` cannot match and is not tried, so starts with no
    `close` after them do not each scan to the end of the text (quadratic on `[bookmark:` repeated)."""
    last = text.rfind(close)
    if last < 0:
        return text
    return pattern.sub(repl, text[:last + 1]) + text[last + 1:]


def _checkboxes(text: str) -> str:
    """HTML checkboxes to ☑ (with the word `checked`) and ☐ (type=checkbox): each `<input` runs to
    the first `>` after it. One pass; a tag that is neither is skipped whole, since every `<input`
    inside it ends at the same `>` and is neither either."""
    out, k = [], 0
    while True:
        m = INPUT_RE.search(text, k)
        if not m:
            break
        close = text.find(">", m.end())
        if close < 0:
            break  # no `>` after this one, nor after any later one
        if CHECKED_WORD_RE.search(text, m.end(), close):
            mark = "☑"
        elif CHECKBOX_TYPE_RE.search(text, m.end(), close):
            mark = "☐"
        else:
            out.append(text[k:close + 1])
            k = close + 1
            continue
        out.append(text[k:m.start()])
        out.append(mark)
        k = close + 1
    out.append(text[k:])
    return "".join(out)


def _charref(match: re.Match) -> str:
    digits = match.group(1).lstrip("0")
    return "\ufffd" if len(digits) > 7 else f"&#{digits or 0};"


def raised_text(text: str, before: str, power: bool = True) -> str:
    """A superscript's (or, `power` false, a subscript's) text as the text before it reads: a note
    mark after a figure (10¹, 498.30², 186,420元①) is no digit of it and is left out, and so is one
    opening the text (a note's own number: ¹2023年… would read 12023年); a 2 or 3 after m (m², km³)
    is that unit's power. `before`: the last character before it, white space passed over ("" for none)."""
    mark = text.strip()
    if power and before in ("m", "M") and mark in POWERS:
        return POWERS[mark]
    if (not before or before.isdigit() or before in MARKED_FIGURE_ENDS) and NOTE_MARK_RE.fullmatch(mark):
        return ""
    return text


def _raised_tag(match: re.Match) -> str:
    text = match.string
    start = match.start()
    # the character before the tag, passing over spaces and tags (1,234.56</b><sup>1</sup>) in a
    # few characters before it (bounded: a long run of them is no figure's neighbourhood)
    before = TAG_RE.sub("", text[max(0, start - RAISED_LOOKBACK):start]).rstrip()[-1:]
    return raised_text(match.group(2), before, match.group(1).lower() == "sup")


RAISED_LOOKBACK = 40  # characters before a <sup> looked at for the figure it marks


def unescape(text: str) -> str:
    """html.unescape without its failure on a character reference of thousands of digits."""
    if "&#" in text:
        text = LONG_CHARREF_RE.sub(_charref, text)
    return html.unescape(text)


def clean_text(text: str, markup: bool = True) -> str:
    """Clean one line or cell of extracted text; keeps the characters a reader sees. `markup`: the
    text may hold HTML written as text (tags and character references in text exports and Word
    cells). The HTML reader's parser has taken the markup out and decoded the references once;
    what it hands over is text as a browser shows it, so a written `&amp;lt;b&amp;gt;` stays `&lt;b&gt;`."""
    if "[bookmark" in text:
        text = _before_last(BOOKMARK_RE, text, "]", "")
    if markup and "<" in text:
        if "<input" in text.lower():
            text = _checkboxes(text)
        text = BREAK_TAG_RE.sub(" ", text)
        if "<su" in text.lower():
            text = RAISED_TAG_RE.sub(_raised_tag, text)
        text = _before_last(TAG_RE, text, ">", "")
    if markup and "&" in text:
        text = unescape(text)
    if "$" in text:
        text = MATH_RE.sub(_latex, text)
    if INVISIBLE_RE.search(text):
        text = text.translate(INVISIBLE)  # (a soft hyphen inside 3,0\u00ad68.29 splits no number)
    return text.translate(TRADITIONAL) if TRADITIONAL_RE.search(text) else text


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of a wrapped line: no space between CJK, one between ASCII words."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() \
            and right[0].isalpha():
        return f"{left} {right}"
    return left + right
