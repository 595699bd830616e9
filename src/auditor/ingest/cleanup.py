"""Normalise export artefacts in text as it is read (bookmarks, HTML in cells, LaTeX math)."""
from __future__ import annotations

import html
import re

BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")
CHECKED_RE = re.compile(r"<input[^>]*\bchecked\b[^>]*/?>", re.I)
UNCHECKED_RE = re.compile(r"<input[^>]*type=\"?checkbox\"?[^>]*/?>", re.I)
BREAK_TAG_RE = re.compile(r"\s*(?:</p>\s*<p>|<br\s*/?>)\s*", re.I)
TAG_RE = re.compile(r"</?(?:p|span|div|b|i|u|strong|em|sup|sub|font)\b[^>]*>", re.I)
MATH_RE = re.compile(r"\$([^$\n]{1,80})\$")
LATEX = [(r"\geq", "≥"), (r"\leq", "≤"), (r"\ge", "≥"), (r"\le", "≤"), (r"\%", "%"),
         (r"\times", "×"), (r"\pm", "±"), (r"\sim", "~"), (r"\cdot", "·"), ("{", ""), ("}", "")]

# Traditional characters met in budget vocabulary, mapped to simplified ones so that
# labels and units match; the mapping is one character to one, so offsets are kept.
TRADITIONAL = str.maketrans(
    "預決算經費項門億萬圓職業與務產資報表數額實際計劃財撥款調劃績評價標體結餘開單據補貼發準機關總級廳處區縣鄉鎮"
    "車輛購運維護會議時間場類別負責達標準確審質國個為這對於來說後從並員減稅險醫療養農電網條際況進選規範",
    "预决算经费项门亿万圆职业与务产资报表数额实际计划财拨款调划绩评价标体结余开单据补贴发准机关总级厅处区县乡镇"
    "车辆购运维护会议时间场类别负责达标准确审质国个为这对于来说后从并员减税险医疗养农电网条际况进选规范",
)


def _latex(match: re.Match) -> str:
    body = match.group(1)
    if "\\" not in body and "%" not in body:
        return match.group(0)
    for source, target in LATEX:
        body = body.replace(source, target)
    return body.replace(" ", "")


def clean_text(text: str) -> str:
    """Clean one line or cell of extracted text; keeps the characters a reader sees."""
    if "[bookmark" in text:
        text = BOOKMARK_RE.sub("", text)
    if "<" in text:
        text = CHECKED_RE.sub("☑", text)
        text = UNCHECKED_RE.sub("☐", text)
        text = BREAK_TAG_RE.sub(" ", text)
        text = TAG_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "$" in text:
        text = MATH_RE.sub(_latex, text)
    return text.translate(TRADITIONAL)


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of a wrapped line: no space between CJK, one between ASCII words."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() \
            and right[0].isalpha():
        return f"{left} {right}"
    return left + right
