"""Rows whose amount is the product of their quantities and a standard (数量 × 标准 = 金额).

A table with one column of a standard (补助标准（元/亩）, 日补助标准, 单价) and a column of
amounts states, row by row, amount = the standard × some of the numbers left of the amount
(亩数; 人数 × 天数), in the amount's unit (元, or 万元: × 0.0001). Which numbers, and which
unit, is read from the table itself: the way most of its rows follow. A row that does not
follow it has its amount (or a factor) wrong; its column total may then be right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from typing import NamedTuple

from ..facts.numbers import half_unit
from ..knowledge import compact, concepts, vocabulary
from ..model import Table
from .typed import grid_cell as _cell, plain_figure as _number

# units an amount may be kept in against a standard in 元: 元 itself, or 万元
FACTORS = (Decimal(1), Decimal("0.0001"))
MONEY_FACTORS = {"元": Decimal(1), "万元": Decimal("0.0001")}  # a figure in each, per 元
# a standard in % (票面利率（%）): the amount is the product over a hundred
PERCENT_FACTORS = tuple(f / 100 for f in FACTORS)
UNIT_RE = re.compile(r"[（(]\s*([^（）()]+?)\s*[）)]")  # 人数（人）, 补助金额（万元）
STANDARD_UNIT_RE = re.compile(r"[（(]\s*(元|万元)\s*/\s*([^（）()]+?)\s*[）)]")  # 补助标准（元/人·天）
MOST_ROWS = Decimal("0.6")  # the share of rows that must follow one way for it to be the table's
# rows following that way, at least, none of them 0 (0 × a rate is 0 whatever the reading): two rows
# show a product, so a table of three can tell its one slip
MIN_ROWS = 2
# … and for a rate in % of the one other column of money whose head says no year's amount: a row
# off beside two following may be of another kind (interest paid for half a year, a bond issued in July)
RATE_MIN_ROWS = 3
MAX_FACTORS = 3  # numbers multiplied with the standard (人数 × 天数 × 月数 is about the most)
HEAD_ROWS = 4  # rows a table's heads stand in (a title row, two levels of heads, a unit row)


@dataclass(frozen=True)
class ProductSlip:
    row: int  # grid row of the amount
    col: int  # grid column of the amount
    expected: Decimal  # the product, in the amount's unit
    terms: tuple[tuple[str, str], ...]  # (column head, printed figure) of each factor
    column: str  # the amount column's head
    ten_thousandth: bool  # the amount is kept in 万元 against a standard in 元
    periods: int = 1  # a standard of a month (月人均标准) times the months in a year: 12
    period: str = ""  # the periods' name (个月)
    percent: bool = False  # the standard is a rate in % (票面利率（%）): the product over a hundred


class RowProducts(NamedTuple):
    """A table's reading as amounts of products: the rows held to the product, those breaking it."""

    checked: int
    slips: list[ProductSlip]


NO_PRODUCTS = RowProducts(0, [])


def row_products(table: Table, skipped_words: list[str]) -> RowProducts:
    """The amounts that break the product the rest of their column follows (see the module), and
    how many rows were held to it; the heads of standards and amounts are vocabulary.yaml
    product_columns', `skipped_words` those of columns that are neither nor a factor (rates, codes)."""
    words = vocabulary().get("product_columns") or {}
    standard_words, amount_words = words.get("standard") or [], words.get("amount") or []
    if not standard_words or not amount_words or not any(
            w in cell.text for row in table.rows[:HEAD_ROWS] for cell in row for w in standard_words):
        return NO_PRODUCTS  # (most tables: no head of a standard, nothing to read)
    grid = table.grid()
    first = next((r for r, row in enumerate(grid) if any(_number(t) is not None for t in row[1:])), None)
    if first is None:
        return NO_PRODUCTS
    heads = [compact(" ".join(grid[r][c] for r in range(first) if c < len(grid[r]))) for c in range(table.width)]
    standards = [c for c, h in enumerate(heads) if any(w in h for w in standard_words)]
    if len(standards) != 1:
        return NO_PRODUCTS
    standard = standards[0]
    percent = any(w in heads[standard] for w in words.get("percent_heads") or ())
    if not percent and _percent_cells(grid, range(first, len(grid)), standard):
        grid, percent = _without_percent_signs(grid, range(first, len(grid)), standard), True
    # (a head printing no unit of its own is in the caption's, 单位：万元)
    units = [h if UNIT_RE.search(h) or not h else h + _caption_unit(table) for h in heads]
    # (of several columns of amounts, 测算资金 | 实际拨付, the product is the one most rows follow:
    # the others are what was paid, which may differ from it by right)
    best: tuple[Decimal, list[ProductSlip], int] | None = None
    amounts = [c for c, h in enumerate(heads) if c != standard and any(w in h for w in amount_words)
               and not any(w in h for w in [*standard_words, *skipped_words])]
    for amount in amounts:
        others = [c for c in range(1, amount) if c != standard and heads[c]
                  and not any(w in heads[c] for w in [*standard_words, *skipped_words])]
        found = _column_slips(grid, heads, range(first, len(grid)), standard, amount, others,
                              _periods(heads[standard], words.get("periods_in_year") or {}),
                              PERCENT_FACTORS if percent else FACTORS, alone=len(amounts) == 1,
                              rate_of=_rate_of(units, amount, others) if percent else None)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return RowProducts(best[2], best[1]) if best is not None else NO_PRODUCTS


def _percent_cells(grid, rows, col: int) -> bool:
    """Most of the column's printed cells are rates in % (票面利率 | 2.55%): a standard in %, its
    head naming no unit."""
    printed = [t for r in rows if (t := _cell(grid, r, col).strip())]
    return bool(printed) and 2 * sum(t.endswith(("%", "％")) for t in printed) > len(printed)


def _without_percent_signs(grid, rows, col: int) -> list[list[str]]:
    """The grid with the column's rates printed as plain figures (2.55% as 2.55), read over a hundred."""
    rows = set(rows)
    return [[t.strip().rstrip("%％") if r in rows and c == col else t for c, t in enumerate(row)]
            for r, row in enumerate(grid)]


def _caption_unit(table: Table) -> str:
    """The table's caption unit as a head's bracket, （万元）, where it is money; else nothing."""
    unit = compact(table.unit or "")
    return f"（{unit}）" if unit in MONEY_FACTORS else ""


def _rate_of(units: list[str], amount: int, others: list[int]) -> tuple[int, Decimal] | None:
    """(the column, the unit factor) a rate in % is of, by the heads' money units (in their own
    brackets or the caption's): the one other column of money left of the amount, the amount being
    money too (债券余额 | 票面利率 | 应付利息, 单位：万元). None where there is no one such column."""
    def money(c: int) -> Decimal | None:
        m = UNIT_RE.search(units[c])
        return MONEY_FACTORS.get(m.group(1)) if m else None
    of = [c for c in others if money(c) is not None]
    if money(amount) is None or len(of) != 1:
        return None
    return of[0], money(amount) / money(of[0]) / 100


def _periods(head: str, periods_in_year: dict) -> tuple[tuple[int, str], ...]:
    """The periods an amount may sum against the standard, (count, the standard's period): one,
    and for a standard of a month or a quarter (月人均标准) the periods in a year as well (the rows
    tell which holds)."""
    return ((1, ""), *((count, name) for word, (count, name) in periods_in_year.items() if word in head))


def _column_slips(grid, heads, rows, standard: int, amount: int, others: list[int],
                  periods: tuple[tuple[int, str], ...] = ((1, ""),),
                  factors_tried: tuple[Decimal, ...] = FACTORS,
                  alone: bool = False, rate_of: tuple[int, Decimal] | None = None
                  ) -> tuple[Decimal, list[ProductSlip], int] | None:
    """(the share of rows following the column's product, the rows that do not, the rows held to
    it) or None when the column follows no product. `alone`: the table's one column of amounts;
    `rate_of`: the column and unit factor a standard in % is of, by the heads (_rate_of)."""
    lines = [r for r in rows if all(_number(_cell(grid, r, c)) is not None for c in (standard, amount))]
    if rate_of is not None:
        factor, unit = rate_of
        usable = [r for r in lines if _number(_cell(grid, r, factor)) is not None]
        fits = [r for r in usable if _fits(grid, r, standard, amount, (factor,), unit)]
        shown = [r for r in fits if _number(_cell(grid, r, amount))[0]]
        # (a standard in % of the table's one other column of money, 年付息 = 发行规模 × 票面利率, is a
        # product the heads declare: all rows but one following it show the table reads so where the
        # amount's head says a year's (vocabulary product_columns annual_amounts), else most rows and
        # RATE_MIN_ROWS at least, not 0: 2024年支付利息 may hold half a year's for a bond issued in July)
        if shown and ((_annual(heads[amount], grid, usable) and len(usable) - len(fits) <= 1)
                      or (len(fits) >= MOST_ROWS * len(usable) and len(shown) >= RATE_MIN_ROWS)):
            return Decimal(len(fits)) / len(usable), _slips(grid, heads, usable, fits, standard, amount, (factor,),
                                                             unit), len(usable)
    declared = _declared(heads, standard, amount, others)
    if declared is not None:
        # the heads say what multiplies (补助标准（元/人·天） beside 人数（人）, 工作天数（天）): every
        # row is held to it, when one row at least follows it (the table is read right), or when the
        # table has one row only and one column of amounts (数量 | 标准（元/人） | 金额（万元）: the heads
        # are all there is to read it by)
        factors, unit = declared
        usable = [r for r in lines if all(_number(_cell(grid, r, c)) is not None for c in factors)]
        fits = [r for r in usable if _fits(grid, r, standard, amount, factors, unit)]
        return (Decimal(len(fits)) / len(usable), _slips(grid, heads, usable, fits, standard, amount, factors,
                                                           unit), len(usable)) if fits or (alone and len(usable) == 1) else None
    best = None  # (rows following, factors, unit factor, rows usable, periods)
    for size in range(1, min(MAX_FACTORS, len(others)) + 1):
        for factors in combinations(others, size):
            usable = [r for r in lines if all(_number(_cell(grid, r, c)) is not None for c in factors)]
            for unit in factors_tried:
                for count in periods:
                    fits = [r for r in usable if _fits(grid, r, standard, amount, factors, unit * count[0])]
                    if best is None or len(fits) > len(best[0]):
                        best = (fits, factors, unit, usable, count)
    if best is None:
        return None
    fits, factors, unit, usable, count = best
    least = RATE_MIN_ROWS if unit in PERCENT_FACTORS and not _annual(heads[amount], grid, usable) else MIN_ROWS
    if sum(1 for r in fits if _number(_cell(grid, r, amount))[0]) < least or len(fits) < MOST_ROWS * len(usable):
        return None
    return Decimal(len(fits)) / len(usable), _slips(grid, heads, usable, fits, standard, amount, factors, unit, count), \
        len(usable)


def _annual(head: str, grid=None, rows=()) -> bool:
    """An amount of a whole year's: its head says so (年付息额: vocabulary product_columns
    annual_amounts), or each of its rows is a year (2026年 | 8,000.00 | 2.30% | 184.00)."""
    if any(w in compact(head) for w in (vocabulary().get("product_columns") or {}).get("annual_amounts") or ()):
        return True
    return bool(rows) and grid is not None and all(YEAR_ROW_RE.fullmatch(compact(_cell(grid, r, 0))) for r in rows)


YEAR_ROW_RE = re.compile(r"(?:19|20)\d\d年(?:度)?")  # a row labelled with a year alone


def _slips(grid, heads, usable, fits, standard, amount, factors, unit,
           periods: tuple[int, str] = (1, "")) -> list[ProductSlip]:
    fits = set(fits)
    return [ProductSlip(r, amount, _product(grid, r, standard, factors, unit * periods[0]),
                        tuple((heads[c], _cell(grid, r, c)) for c in (*factors, standard)),
                        column=heads[amount], ten_thousandth=unit not in (1, PERCENT_FACTORS[0]),
                        periods=periods[0], period=periods[1], percent=unit in PERCENT_FACTORS)
            for r in usable if r not in fits]


def _declared(heads, standard: int, amount: int, others: list[int]) -> tuple[tuple[int, ...], Decimal] | None:
    """(the factor columns, the unit factor) a standard's own unit names (元/人·天: the columns in
    人 and in 天), when each of its units is some column's, and the amount's unit is 元 or 万元."""
    per = STANDARD_UNIT_RE.search(heads[standard])
    money = UNIT_RE.search(heads[amount])
    if per is None or money is None or money.group(1) not in MONEY_FACTORS:
        return None
    words = vocabulary().get("product_columns") or {}
    # (a standard per year, 元/平方米·年, beside no column counted in years: the amount is the year's)
    units = [u for u in re.split(r"[·•・*×/]", per.group(2)) if u and not (
        u in (words.get("per_year_units") or ()) and not any(
            (m := UNIT_RE.search(heads[c])) and m.group(1) == u for c in others))]
    aliases = words.get("unit_aliases") or {}
    # (a head of a count printing no unit, 数量 or 人数, counts in the standard's one unit)
    bare = [c for c in others if not UNIT_RE.search(heads[c]) and heads[c] in (words.get("count_heads") or ())]
    factors = []
    for u in units:
        names = (u, *aliases.get(u, ()))
        cols = [c for c in others if (m := UNIT_RE.search(heads[c])) and m.group(1) in names]
        if not cols and len(units) == 1:
            cols = bare
        if len(cols) != 1:
            return None
        factors.append(cols[0])
    return tuple(factors), MONEY_FACTORS[money.group(1)] / MONEY_FACTORS[per.group(1)]


def _fits(grid, r: int, standard: int, amount: int, factors: tuple[int, ...], unit: Decimal) -> bool:
    """The printed amount meets the product, each factor read within its own printing too."""
    stated = _number(_cell(grid, r, amount))
    product = _product(grid, r, standard, factors, unit)
    # a whole number is exact (人数, a set standard of 7,800 元), except the standard on a total row:
    # there it is the rows' average (合计 4,990 人, 6,267 元), rounded at its printing like any figure
    averaged = compact(_cell(grid, r, 0)) in (concepts().get("column_total_rows") or ())
    slack = half_unit(stated[1]) + sum((product * half_unit(places) / value
                                        for c in (*factors, standard)
                                        for value, places in [_number(_cell(grid, r, c))]
                                        if value and (places or (averaged and c == standard))), Decimal(0))
    return abs(product - stated[0]) <= slack


def _product(grid, r: int, standard: int, factors: tuple[int, ...], unit: Decimal) -> Decimal:
    value = unit
    for c in (*factors, standard):
        value *= _number(_cell(grid, r, c))[0]
    return value


