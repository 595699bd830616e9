"""Figures the fact reader's parts share: a figure's value and places in text and in a cell, the
unit a head or a line prints, counted units, declared sums."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ...knowledge import concepts, vocabulary_generation
from ...memo import MEMO_ENTRIES, remember_short
from ..lexicon import Lexicon, lexicon
from ..numbers import MONEY_UNITS, column_numbers, normalize_digits, cn_number, to_decimal, unbracketed
from .model import Fact, FactBase


# a table cell that is one figure: 2,248.58 / 98.31% / ≥98% / 3821份 / (12.5)
CELL_NUMBER_RE = re.compile(
    r"^(?P<cmp>≥|≤|>|<|=|不低于|不高于|不少于|不超过|不大于|不小于)?\s*(?P<num>[-+]?\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,8})?"
    r"|[-+]?\d{1,15}(?:\.\d{1,8})?)\s*(?P<unit>[%‰]|[\u4e00-\u9fa5]{1,3})?(?:[（(][\u4e00-\u9fa5]{1,3}[）)])?$")


def column_sum(base: "FactBase", cell: Fact, as_total: bool) -> tuple[Fact, list[Fact]] | None:
    """The declared sum a table cell's column states with it (本年收入 over 财政拨款收入, 事业收入 …):
    (the total's cell, the parts' cells) of the first sum the cell is the total of (`as_total`) or a
    part of, with one total and at least two parts, each named once; None for a cell of the text or
    no such sum."""
    if cell.source != "table":
        return None
    column = [f for f in base.by_table.get(cell.block, ()) if f.loc.col == cell.loc.col and f.measure == cell.measure
              and f.period == cell.period and f.unit == cell.unit]
    return declared_sum(column, cell.concept, as_total)


def declared_sum(cells: list[Fact], concept: str | None, as_total: bool | None) -> tuple[Fact, list[Fact]] | None:
    """Of cells stating one measure of one period (a column, or a row across its columns), the first
    declared sum whose total (`as_total`), or one of whose parts (not `as_total`), or either (None)
    is `concept`, with one total and at least two parts, each named once: (total, parts)."""
    for calc in lexicon().calculations:
        names = part_names(calc)
        is_total, is_part = concept == calc["total"], concept in names
        if not (is_total if as_total else is_part if as_total is False else is_total or is_part):
            continue
        totals = [f for f in cells if f.concept == calc["total"]]
        parts = [f for f in cells if f.concept in names]
        if len(totals) == 1 and len(parts) >= 2 and len({f.concept for f in parts}) == len(parts):
            return totals[0], parts
    return None


def part_names(calc: dict) -> set[str]:
    """Every name a declared sum's part may go by: its parts, optional parts and alternatives."""
    alternatives = calc.get("alternatives") or {}
    return {*calc["parts"], *(calc.get("optional") or ()), *(n for names in alternatives.values() for n in names)}


def text_figures(lex: Lexicon, text: str) -> list[re.Match]:
    """The figures of a running text in order: numbers in digits with the unit after them
    (lex.text_number), counts in Chinese numerals (lex.numeral_count: 共有车辆十一辆, 两项),
    multiples in them (lex.numeral_multiple: 增长两倍, read as 增长2倍 is) and rises in doublings
    (lex.doubling: 翻了一番), all matches with the groups `num` and `unit`."""
    figures = list(lex.text_number.finditer(text))
    counts = [m for m in lex.numeral_count.finditer(text) if _numeral_count(m)]
    # (a multiple's match ends before a multiple word, a doubling's with its counter: a text with
    # neither, most sentences, is not scanned for them)
    if any(w in text for w in lex.multiple_words):
        counts += [m for m in lex.numeral_multiple.finditer(text) if cn_number(m.group("num")) is not None]
    if lex.doubling_counter and lex.doubling_counter in text:
        counts += [m for m in lex.doubling.finditer(text) if _doubling(lex, m)]
    return sorted(figures + counts, key=lambda m: m.start()) if counts else figures


MAX_DOUBLINGS = 4  # (翻四番, sixteen times the base: more is no report's figure, and 2^N grows fast)


def _doubling(lex: Lexicon, m: re.Match) -> bool:
    """A doubling match that states a figure: its numeral a small well-formed number, no hedge
    right before it (近翻一番, 接近翻了一番) nor a rough word right after it (翻了一番多, 翻一番以上)."""
    count = cn_number(m.group("num")) if m.group("num") else 1  # (翻番: one doubling)
    return count is not None and count <= MAX_DOUBLINGS and not lex.approximate.search(m.string, 0, m.start()) \
        and not lex.approximate_after.match(m.string, m.end())


def _numeral_count(m: re.Match) -> bool:
    """A numeral_count match that counts: its numerals a well-formed number (not 十四五, 三四), no
    lone 二 (a count of two is written 两; 二 before a unit makes a word: 二次供水, 二期工程), and no
    一 paired with another after its unit (一户一档, 一人一策: a slogan, no count)."""
    num = m.group("num")
    return cn_number(num) is not None and num != "二" and not (num == "一" and m.string.startswith("一", m.end())) \
        and num + m.group("unit") not in lexicon().numeral_unit_names  # (单位：千元: a unit's name, no amount)


def figure_value(num: str) -> Decimal | None:
    """The value of a figure's `num` group: digits (1,234.50), or Chinese numerals (十一)."""
    if num[:1].isdigit():
        return to_decimal(num)
    value = cn_number(num)
    return None if value is None else Decimal(value)


def decimal_places(num: str) -> int:
    return len(num.split(".", 1)[1]) if "." in num else 0


@lru_cache(maxsize=MEMO_ENTRIES)  # every row's cells are read again by the label and column passes
def short_cell_number(text: str) -> tuple[str, Decimal, int, str] | None:
    if column_numbers(text):
        return None
    plain = unbracketed(normalize_digits(text).replace(" ", "").replace("\u3000", ""), text)  # ((3.70): -3.70)
    m = CELL_NUMBER_RE.match(plain)
    if not m:
        return None
    value = to_decimal(m.group("num"))
    if value is None:
        return None
    unit = m.group("unit") or ""
    if unit and unit not in ("%", "‰") and unit not in MONEY_UNITS and len(unit) > 1 and unit not in _long_units():
        return None  # (words after a number, not its unit, 30103 奖金; a known unit of two or more, 人次, is one)
    if unit in ("年", "年度", "月", "日", "号"):
        return None  # 2023年度 in a table's period line is a date, not a figure
    return m.group("cmp") or "", value, decimal_places(m.group("num").replace(",", "")), unit


def _long_units() -> frozenset:
    """The vocabulary's units of two characters or more (人次, 万人次, 平方米): a table cell's figure
    may carry one (a config's units too: one set per vocabulary in use)."""
    from ...knowledge import concepts, vocabulary_generation

    key = vocabulary_generation()
    if key not in _LONG_UNITS:
        _LONG_UNITS[key] = frozenset(u for u in concepts().get("text_units") or () if len(u) >= 2)
    return _LONG_UNITS[key]


_LONG_UNITS: dict[int, frozenset] = {}

# (a head 偏差（百分点） holds differences of rates: no money, whatever the table's unit; a head
# 养护里程（公里） holds lengths, whatever money the table's other columns hold: any of the
# vocabulary's text_units in brackets is the column's unit)
RATE_HEAD_UNITS = ("%", "‰", "个百分点")  # a rate's unit in one head is its own column's, no header's

UNIT_IN_TEMPLATE = r"[（(]\s*({units}|百分点)\s*[）)]|单位\s*[:：]\s*(亿元|万元|千元|元)"
_UNIT_IN_RES: dict[int, re.Pattern] = {}


def _unit_in_re() -> re.Pattern:
    """The bracketed units of column heads and row labels, per vocabulary (a config may add units)."""
    generation = vocabulary_generation()
    if generation not in _UNIT_IN_RES:
        _UNIT_IN_RES.clear()
        _UNITS_IN.clear()  # (what was read under another vocabulary)
        units = sorted(set(concepts().get("text_units") or ()) | {"亿元", "万元", "千元", "元", "%"}, key=lambda u: (-len(u), u))
        _UNIT_IN_RES[generation] = re.compile(UNIT_IN_TEMPLATE.replace("{units}", "|".join(map(re.escape, units))))
    return _UNIT_IN_RES[generation]


def unit_in(text: str | None) -> str | None:
    if not text:
        return None
    # asked for a cell's column head and row label, cell after cell: short texts' answers are kept
    _unit_in_re()  # (first: a new vocabulary forgets the answers kept under the old one)
    return remember_short(_UNITS_IN, text, _read_unit_in)


_UNITS_IN: dict[str, str | None] = {}


def _read_unit_in(text: str) -> str | None:
    if text in MONEY_UNITS or text in ("人", "个", "辆", "%"):
        return text
    if text.rstrip().endswith(("%", "％")):
        return "%"  # a head ending with a bare % (比上年增减%, 执行率%): its column holds percentages
    # (the leaf's own unit, last in a head path, wins over its group's: 资金情况（万元） › 执行率（%）)
    m = None
    for m in _unit_in_re().finditer(text):
        pass
    unit = (m.group(1) or m.group(2)) if m else None
    return "个百分点" if unit == "百分点" else unit


def per_unit(fact: Fact) -> bool:
    """An amount per person, vehicle or visit (人均接待费用200元, 平均每辆3.50万元): concepts.yaml
    per_unit_words in its words. It is no amount of the thing the sentence is about."""
    return lexicon().per_unit.search(fact.label) is not None


def counted_unit(unit: str) -> bool:
    """A unit of things counted or measured (座, 公里, 人次), neither money nor a rate's."""
    return unit not in MONEY_UNITS and unit not in ("%", "‰", "个百分点")
