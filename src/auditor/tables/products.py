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
MIN_ROWS = 3  # rows following that way, at least
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
                              PERCENT_FACTORS if any(w in heads[standard] for w in words.get("percent_heads") or ())
                              else FACTORS, alone=len(amounts) == 1)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return RowProducts(best[2], best[1]) if best is not None else NO_PRODUCTS


def _periods(head: str, periods_in_year: dict) -> tuple[tuple[int, str], ...]:
    """The periods an amount may sum against the standard, (count, the standard's period): one,
    and for a standard of a month or a quarter (月人均标准) the periods in a year as well (the rows
    tell which holds)."""
    return ((1, ""), *((count, name) for word, (count, name) in periods_in_year.items() if word in head))


def _column_slips(grid, heads, rows, standard: int, amount: int, others: list[int],
                  periods: tuple[tuple[int, str], ...] = ((1, ""),),
                  factors_tried: tuple[Decimal, ...] = FACTORS,
                  alone: bool = False) -> tuple[Decimal, list[ProductSlip], int] | None:
    """(the share of rows following the column's product, the rows that do not, the rows held to
    it) or None when the column follows no product. `alone`: the table's one column of amounts."""
    lines = [r for r in rows if all(_number(_cell(grid, r, c)) is not None for c in (standard, amount))]
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
    if len(fits) < MIN_ROWS or len(fits) < MOST_ROWS * len(usable):
        return None
    return Decimal(len(fits)) / len(usable), _slips(grid, heads, usable, fits, standard, amount, factors, unit, count), \
        len(usable)


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
    units = [u for u in re.split(r"[·•・*×/]", per.group(2)) if u]
    words = vocabulary().get("product_columns") or {}
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


