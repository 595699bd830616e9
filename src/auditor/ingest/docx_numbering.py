"""Word's automatic numbering: the labels (一、 （二） 3.) Word draws before numbered paragraphs.

The text of an auto-numbered heading holds no number: Word computes it from the numbering part
(word/numbering.xml) when it lays the page out. A reader that leaves it out sees 部门概况 where
the page shows 一、部门概况, and the structure rules see no numbering at all. The label is
computed here as Word does for the common cases (ECMA-376 §17.9): the paragraph's w:numPr (or its
style's, through w:basedOn), its w:num → w:abstractNum level, the level's w:start, w:numFmt and
w:lvlText ("%1、", "（%1）", "%1.%2"), a counter per abstract list and level (its instances count
on together), deeper levels restarting when a shallower one counts on; a w:lvlOverride/
w:startOverride restarts the count where its instance is first used. Bullets and
levels with no text draw no number and give no label.
"""
from __future__ import annotations

from typing import NamedTuple

from ..facts.numbers import STEMS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


W_ABSTRACT, W_ABSTRACT_ID, W_NUM, W_NUM_ID, W_LVL, W_ILVL = (
    _w("abstractNum"), _w("abstractNumId"), _w("num"), _w("numId"), _w("lvl"), _w("ilvl"))
W_START, W_FMT, W_TEXT, W_OVERRIDE, W_START_OVERRIDE, W_VAL = (
    _w("start"), _w("numFmt"), _w("lvlText"), _w("lvlOverride"), _w("startOverride"), _w("val"))
W_PPR, W_NUMPR, W_PSTYLE, W_STYLE, W_STYLE_ID, W_BASED_ON = (
    _w("pPr"), _w("numPr"), _w("pStyle"), _w("style"), _w("styleId"), _w("basedOn"))
W_SUFF, W_IS_LGL = _w("suff"), _w("isLgl")
MAX_LEVELS = 9  # Word's levels 0–8
MAX_STYLE_DEPTH = 10  # w:basedOn links followed (a cycle in a broken file ends there)
MAX_COUNT = 10_000  # a counter beyond this draws the number as decimal digits (no format runs away)

DIGITS = "零一二三四五六七八九"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def chinese(n: int, digits: str = DIGITS, names: str = "千百十") -> str:
    """一, 十, 十一, 二十, 一百零五: Word's chineseCounting for a list's counts (with the legal
    digits and names, 壹, 拾, 壹拾壹: chineseLegalSimplified)."""
    if n <= 0 or n >= MAX_COUNT:
        return str(n)
    out, zero = "", False
    for value, name in zip((1000, 100, 10), names):
        digit, n = divmod(n, value)
        if digit:
            plain_ten = digit == 1 and value == 10 and not out and digits is DIGITS  # (十一; legal 壹拾壹)
            out += ("零" if zero else "") + ("" if plain_ten else digits[digit]) + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + digits[n]
    return out


def roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += letters * count
    return out


def letters(n: int) -> str:
    """A, B, … Z, AA, BB: Word's upperLetter."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalEnclosedFullstop": lambda n: f"{n}.",
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "chineseLegalSimplified": lambda n: chinese(n, LEGAL_DIGITS, "仟佰拾"),
    "ideographTraditional": lambda n: STEMS[(n - 1) % 10] if n > 0 else str(n),
    "ideographZodiac": lambda n: BRANCHES[(n - 1) % 12] if n > 0 else str(n),
    "upperLetter": letters,
    "lowerLetter": lambda n: letters(n).lower(),
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "ordinal": str,
    "cardinalText": str,
}


class Level(NamedTuple):
    """One level of an abstract numbering: w:start, w:numFmt, w:lvlText, w:suff (what stands between
    the label and the text: tab, space, nothing), w:isLgl (every number in decimal digits) and the
    paragraph style linked to it (w:pStyle: that style's paragraphs take this level)."""
    start: int
    fmt: str
    text: str
    suffix: str
    legal: bool
    style: str | None


def _int(element, default: int) -> int:
    try:
        return int(element.get(W_VAL)) if element is not None else default
    except (TypeError, ValueError):
        return default


def _child(element, tag):
    for child in element:
        if child.tag == tag:
            return child
    return None


class Numbering:
    """The labels of one document's numbered paragraphs, in reading order (`label` is called once
    per paragraph of the body, top to bottom: the counters go on as Word's do)."""

    def __init__(self, levels: dict, nums: dict, style_numbers: dict) -> None:
        self.levels = levels  # abstractNumId -> {ilvl: Level}
        self.nums = nums  # numId -> (abstractNumId, {ilvl: startOverride})
        self.style_numbers = style_numbers  # styleId -> (numId, ilvl) through w:basedOn
        self.counters: dict[str, list[int | None]] = {}  # abstractNumId -> the last number of each level
        self.started: set[str] = set()  # the list instances met so far

    def label(self, p, style_id: str | None) -> str:
        """The label Word draws before the paragraph, "" when it draws none."""
        found = self._list_of(p, style_id)
        if found is None:
            return ""
        num_id, abstract, ilvl = found
        counts = self._count(num_id, abstract, ilvl)
        levels = self.levels[abstract]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none") or not level.text:
            return ""
        out = level.text
        for k in range(MAX_LEVELS):
            marker = f"%{k + 1}"
            if marker in out:
                count = counts[k] if counts[k] is not None else levels[k].start if k in levels else 1
                fmt = "decimal" if level.legal or k not in levels else levels[k].fmt  # (isLgl: 1.1, not 一.1)
                out = out.replace(marker, FORMATS.get(fmt, str)(count))
        # (a tab or a space after the label, as Word sets it off: 2.1 2023年度…; none after 一、 it needs)
        return out + " " if level.suffix != "nothing" and out[-1:].isalnum() else out

    def _list_of(self, p, style_id: str | None) -> tuple[str, str, int] | None:
        """(numId, abstractNumId, level) the paragraph is numbered in: its own w:numPr, else its
        style's; a style's naming no level takes the level linked to that style (lvl/w:pStyle)."""
        ppr = _child(p, W_PPR)
        numpr = _child(ppr, W_NUMPR) if ppr is not None else None
        num_id, ilvl = self.style_numbers.get(style_id, (None, None)) if style_id else (None, None)
        if numpr is not None:
            own_id, own_level = _child(numpr, W_NUM_ID), _child(numpr, W_ILVL)
            if own_id is not None:
                num_id = own_id.get(W_VAL)
            if own_level is not None:
                ilvl = _int(own_level, 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract = self.nums[num_id][0]
        levels = self.levels.get(abstract, {})
        if ilvl is None:
            ilvl = next((k for k, level in levels.items() if level.style and level.style == style_id), 0)
        return (num_id, abstract, ilvl) if ilvl in levels and 0 <= ilvl < MAX_LEVELS else None

    def _count(self, num_id: str, abstract: str, ilvl: int) -> list[int | None]:
        """The counters of the paragraph's list after it counts: the lists of one abstract numbering
        count on together, as Word's 继续编号 does; an instance with a start override restarts them
        where it is first used (重新开始于 N); deeper levels start anew (二、 after 一、(一)(二): (一))."""
        counts = self.counters.setdefault(abstract, [None] * MAX_LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.nums[num_id][1].items():
                if 0 <= level < MAX_LEVELS:
                    counts[level] = start - 1
        start = self.levels[abstract][ilvl].start
        counts[ilvl] = start if counts[ilvl] is None else min(counts[ilvl] + 1, MAX_COUNT)
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counts[deeper] = None
        return counts


def read_numbering(pkg, main: str, numbered_styles: dict) -> Numbering | None:
    """The document's numbering, None when it has no numbering part (nothing is numbered);
    `numbered_styles`: style_numbers of its styles part."""
    target = next((t for _, kind, t in pkg.relationships(main) if kind == RT_NUMBERING and pkg.find(t)), None)
    if target is None:
        return None
    root = pkg.xml(target, remove_blank_text=True)
    levels: dict = {}
    nums: dict = {}
    for element in root:
        if element.tag == W_ABSTRACT:
            levels[element.get(W_ABSTRACT_ID)] = _levels(element)
        elif element.tag == W_NUM:
            abstract = _child(element, W_ABSTRACT_ID)
            overrides = {}
            for override in element:
                if override.tag == W_OVERRIDE:
                    start = _child(override, W_START_OVERRIDE)
                    if start is not None:
                        overrides[_int_attr(override, W_ILVL)] = _int(start, 1)
            nums[element.get(W_NUM_ID)] = (abstract.get(W_VAL) if abstract is not None else None, overrides)
    return Numbering(levels, nums, numbered_styles)


def _int_attr(element, name: str) -> int:
    try:
        return int(element.get(name))
    except (TypeError, ValueError):
        return -1


def _levels(abstract) -> dict:
    out = {}
    for lvl in abstract:
        if lvl.tag != W_LVL:
            continue
        ilvl = _int_attr(lvl, W_ILVL)
        if not 0 <= ilvl < MAX_LEVELS:
            continue
        fmt, text, suff = _child(lvl, W_FMT), _child(lvl, W_TEXT), _child(lvl, W_SUFF)
        legal = _child(lvl, W_IS_LGL)
        out[ilvl] = Level(_int(_child(lvl, W_START), 1), fmt.get(W_VAL) if fmt is not None else "decimal",
                          text.get(W_VAL) if text is not None else "",
                          suff.get(W_VAL) if suff is not None else "tab",
                          legal is not None and legal.get(W_VAL) not in ("0", "false", "off"),
                          _child(lvl, W_PSTYLE).get(W_VAL) if _child(lvl, W_PSTYLE) is not None else None)
    return out


def style_numbers(styles) -> dict:
    """styleId -> (numId, ilvl) of the paragraph styles of a parsed styles part that number their
    paragraphs (a heading style linked to a list), their own or a style's they are based on."""
    own: dict = {}
    based: dict = {}
    for style in styles:
        if style.tag != W_STYLE:
            continue
        style_id = style.get(W_STYLE_ID)
        base = _child(style, W_BASED_ON)
        based.setdefault(style_id, base.get(W_VAL) if base is not None else None)
        ppr = _child(style, W_PPR)
        numpr = _child(ppr, W_NUMPR) if ppr is not None else None
        if numpr is not None and style_id not in own:
            num_id, ilvl = _child(numpr, W_NUM_ID), _child(numpr, W_ILVL)
            own[style_id] = (num_id.get(W_VAL) if num_id is not None else None,
                             _int(ilvl, 0) if ilvl is not None else None)  # (None: the level linked to the style)
    out = {}
    for style_id in based:
        current, depth = style_id, 0
        while current is not None and current not in own and depth < MAX_STYLE_DEPTH:
            current, depth = based.get(current), depth + 1
        if current in own and own[current][0]:
            out[style_id] = own[current]
    return out
