"""Tables whose rows are years, with a column of growth on the year before (较上年增长（%）).

Each year's growth is its figure over the year before's row (above it, or below where the
newest year comes first), less one. Of which column, the table
shows: the column of figures whose printed figures give the printed growth most often (at
least once, and no less often than the growth fails it; of columns tied, the one the growth's
head names, 支出预算比上年增减; else it is unknown); a table of one column of figures, the growth's head
naming no other thing, has it as theirs however few years and whatever fits. The rows it fails, even
with the figures read within their rounding, are slips.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from decimal import Decimal

from ..facts.numbers import half_unit
from ..knowledge import compact
from ..model import Table
from .products import UNIT_RE
from .typed import grid_cell, parse_cell, plain_figure

YEAR_ROW_RE = re.compile(r"((?:19|20)\d\d)年?度?")
HUNDRED = Decimal(100)
MIN_YEARS = 3
HEAD_ROWS = 4  # rows a table's heads stand in (a title row, two levels of heads, a unit row)  # year rows a table needs: two growths at least, one to read the column by


@dataclass(frozen=True)
class GrowthSlip:
    row: int
    col: int
    expected: Decimal  # the growth in %
    column: str  # the head of the figures' column
    growth: str  # the head of the growth's column
    terms: tuple[str, str]  # (this year's figure, the year before's), as printed


class YearGrowths(NamedTuple):
    """A year-rows table's growths held to their column, and those that do not follow it."""

    checked: int
    slips: list[GrowthSlip]


NO_GROWTHS = YearGrowths(0, [])

YEAR_IN_HEAD_RE = re.compile(r"(?:19|20)\d\d")


class GrowthHeads(NamedTuple):
    """The words of a head of growth on the year before: a growth word with a word of the year
    before (较上年增长, 同比增减), or a rate of growth alone (增长率, 增幅: in a table whose rows are
    years, each row's on the row of the year before) naming no other base (累计, 年均, a year)."""

    growth: tuple[str, ...]
    prior: tuple[str, ...]
    rate_growth: tuple[str, ...] = ()
    other_base: tuple[str, ...] = ()

    def on_year_before(self, head: str) -> bool:
        if any(w in head for w in self.prior) and any(w in head for w in self.growth):
            return True
        return any(w in head for w in self.rate_growth) and not any(w in head for w in self.other_base) \
            and not YEAR_IN_HEAD_RE.search(head)


def year_growth_slips(table: Table, words: GrowthHeads, rate_words: tuple[str, ...]) -> YearGrowths:
    """The growths of a year-rows table that do not follow their column (see the module), and how
    many were held to it; the columns whose heads hold `rate_words` (率, 占比) are no figures a
    growth is of."""
    if not any(words.on_year_before(compact(cell.text)) for row in table.rows[:HEAD_ROWS] for cell in row):
        return NO_GROWTHS  # (most tables: no head of a change on the year before)
    grid = table.grid()
    years = [(r, int(m.group(1))) for r, row in enumerate(grid) if row
             for m in [YEAR_ROW_RE.fullmatch(compact(row[0]))] if m]
    if len(years) < 2:
        return NO_GROWTHS
    first = years[0][0]
    heads = [compact("".join(grid[r][c] for r in range(first) if c < len(grid[r]))) for c in range(table.width)]
    growths = [c for c, h in enumerate(heads) if words.on_year_before(h)]
    figures = [c for c in range(1, table.width) if c not in growths and not any(w in heads[c] for w in rate_words)]
    # (one column of figures beside the growths, 年度 | 支出合计 | 支出增长率: theirs, whether any year's
    # growth fits it or not, when the growth's head names nothing else; among several, the one most fit)
    alone = len(figures) == 1
    if len(years) < MIN_YEARS and not alone:
        return NO_GROWTHS  # (two years: one growth, no reading of its column by others, unless it has one)
    slips: list[GrowthSlip] = []
    checked = 0
    for col in growths:
        # (each year's row with its neighbour's of the year before: above it, or below where the
        # newest comes first; a table of two blocks of years pairs within each)
        pairs = [(r, p) for k, (r, y) in enumerate(years) for p, py in years[max(0, k - 1):k + 2]
                 if py == y - 1 and abs(k - years.index((p, py))) == 1 and _rate(grid, r, col) is not None]
        ranked = sorted(((sum(_fits(grid, r, p, c, col, exact=True) for r, p in pairs), c) for c in figures),
                        reverse=True)
        sole = alone and _names_column(heads[col], heads[figures[0]], words)
        if not ranked or ranked[0][0] == 0 and not sole:
            continue
        tied = [c for n, c in ranked if n == ranked[0][0]]
        if len(tied) > 1:
            # (收入预算 | 支出预算 alike: the growth's head names its column, 支出预算比上年增减)
            tied = [c for c in tied if _bare(heads[c]) and _bare(heads[c]) in heads[col]]
            if len(tied) != 1:
                continue
        fits, best = ranked[0][0], tied[0]
        usable = [(r, p) for r, p in pairs if _growth(grid, r, p, best) is not None]
        if fits * 2 < len(usable) and not sole:
            continue
        checked += len(usable)
        for r, p in usable:
            if not _fits(grid, r, p, best, col):
                slips.append(GrowthSlip(r, col, _growth(grid, r, p, best)[0], heads[best], heads[col],
                                        (grid[r][best].strip(), grid[p][best].strip())))
    return YearGrowths(checked, slips)


def _names_column(growth: str, figure: str, words: GrowthHeads) -> bool:
    """The growth's head names no thing but its growth (增长率, 较上年增长（%）), or a thing the figure
    column's head holds (支出增长率 beside 支出合计): not 经费支出增长率 beside 在职人数."""
    rest = UNIT_RE.sub("", growth)
    for w in sorted((*words.growth, *words.prior, *words.rate_growth), key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = rest.strip("（）()%％率")
    return not rest or any(rest[k:k + 2] in figure for k in range(len(rest) - 1))


def _bare(head: str) -> str:
    """A head without its bracketed unit (年供水量(万吨) -> 年供水量)."""
    return UNIT_RE.sub("", head)


def _rate(grid, r: int, col: int) -> tuple[Decimal, int] | None:
    text = grid_cell(grid, r, col).strip()
    q = parse_cell(text) if text else None
    return (q.value, q.places) if q is not None and q.value is not None else None


def _growth(grid, r: int, p: int, c: int) -> tuple[Decimal, Decimal, Decimal] | None:
    """(growth, low, high) in % of row r's figure over row p's, each read within its printing."""
    now, before = plain_figure(grid_cell(grid, r, c)), plain_figure(grid_cell(grid, p, c))
    if now is None or before is None or before[0] <= 0:
        return None
    places = max(now[1], before[1])
    half = half_unit(places)
    low = ((now[0] - half) / (before[0] + half) - 1) * HUNDRED
    high = ((now[0] + half) / (before[0] - half) - 1) * HUNDRED if before[0] > half else None
    if high is None:
        return None
    return (now[0] / before[0] - 1) * HUNDRED, low, high


def _fits(grid, r: int, p: int, c: int, col: int, exact: bool = False) -> bool:
    """The printed growth meets the figures' growth, read within their printing; `exact`: of the
    figures as printed (evidence of the column: 47 ÷ 44 read within their rounding is anything
    from 4.5% to 9.2%, and fits most growths)."""
    growth, rate = _growth(grid, r, p, c), _rate(grid, r, col)
    if growth is None or rate is None:
        return False
    half = half_unit(rate[1])
    if exact:
        return rate[0] - half <= growth[0] <= rate[0] + half
    return rate[0] - half <= growth[2] and growth[1] <= rate[0] + half
