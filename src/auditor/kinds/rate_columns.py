"""Rate columns whose formula the table itself shows (到位率, 支出率, 兑付率, 覆盖率 …).

concepts.yaml row_rates names the formulas of the common rates (执行率 = 决算 ÷ 全年预算). A
column of rates under any other head is still the ratio of two figures of its row; which two,
the rows where it recomputes say. The pair of columns left of the rate that most rows follow is
the column's formula, when

- at least MIN_ROWS rows follow it, MOST_ROWS of the rows printing the three figures;
- one of them at least has a rate other than 100% and 0% (equal figures fit any pair);
- a row is evidence only where the printed figures give its printed rate exactly (2 ÷ 2 read
  with its rounding is anything from 60% to 167%, and fits any rate: no evidence of a formula);
- no other pair is followed by as many rows (a tie leaves the formula unknown).

A row whose rate no pair of its figures gives is a slip of that row. A row following another
pair than the column's is left alone: the report may compute one row on another base by right.
A rate of 100% whose numerator is not below its denominator is consistent too: a target met
beyond is commonly written 100%.

A table may print the rates as a row under the rows of their terms, the things as columns
(计划数 | 到位数 | 到位率 rows under 中央资金 | 省级资金 | 合计): `transposed` turns it so that the
same reading applies, and `column_runs` gives each rate the figures right above it.
"""
from __future__ import annotations

from decimal import Decimal
from dataclasses import replace
from itertools import combinations, permutations

from ..facts.base import Fact
from ..facts.base.model import BUDGET_MEASURES, FORECAST
from ..knowledge import compact

MIN_ROWS = 3
MOST_ROWS = Decimal("0.6")
HUNDRED = Decimal(100)
NEAREST_COLUMNS = 6  # the figures a rate may be of: the columns nearest left of it (a wide table's far columns are others')


def learned_rate_slips(facts: list[Fact], heads: tuple[str, ...], excluded: tuple[str, ...], fits):
    """(rate, numerator, denominator) of each row breaking its column's learned formula, and
    (rate, None, None) for each rate checked and consistent; `facts` are one table's, `heads` the
    words a rate column's head ends with, `excluded` the words of heads that are no such rate
    (占比, 增长率: other checks own them), `fits(rate, num, den)` the interval test."""
    columns = _rate_columns(facts, heads, excluded)
    if not columns:
        return  # (most tables: no rate column, and their cells are not laid out by row)
    rows = _rows(facts)
    for (col, head), column in columns.items():
        figures = _figure_columns(rows, col, _forecast(column[0]))
        formula = _formula(rows, column, figures)
        if formula is None:
            continue
        num_col, den_col = formula
        for rate in column:
            cells = rows[rate.loc.row]
            num, den = cells.get(num_col), cells.get(den_col)
            if num is None or den is None or den.value == 0 or num.unit != den.unit:
                continue
            if fits(rate, num, den) or (rate.value == HUNDRED and num.value >= den.value):
                yield rate, None, None  # (a target met beyond is commonly written 100%)
            elif not explained_otherwise(rate, [cells[c] for c in figures if c in cells]):
                yield rate, num, den


def row_formula(facts: list[Fact], column: list[Fact], col: int) -> tuple[dict[int, dict[int, Fact]], int, int] | None:
    """(rows, numerator column, denominator column): the pair of figure columns left of `col`
    whose ratio most of `column`'s rows print, as a rate column's formula is learned (see the
    module), with the table's cells by row and column; None when the rows follow no pair."""
    rows = _rows(facts)
    formula = _formula(rows, column, _figure_columns(rows, col, _forecast(column[0])))
    return (rows, *formula) if formula is not None else None


def _rows(facts: list[Fact]) -> dict[int, dict[int, Fact]]:
    """row -> column -> the table's figure there (bounds stated with ≤, ≥ left out)."""
    rows: dict[int, dict[int, Fact]] = {}
    for f in facts:
        if f.loc.row is not None and f.loc.col is not None and not f.comparator:
            rows.setdefault(f.loc.row, {})[f.loc.col] = f
    return rows


def _figure_columns(rows: dict[int, dict[int, Fact]], col: int, forecast: bool = False) -> list[int]:
    """The columns of figures (no rates) nearest left of column `col`: those a rate may be of (a
    forecast's, 预计全年完成值, only for a `forecast`'s rate: no other rate is of what is expected)."""
    return sorted({c for cells in rows.values() for c, f in cells.items()
                   if c < col and f.unit not in ("%", "‰", "个百分点") and (forecast or f.measure != FORECAST)})[-NEAREST_COLUMNS:]


def _forecast(rate: Fact) -> bool:
    """A rate under a forecast's head (预计执行率): the facts give it the forecast's measure."""
    return rate.measure == FORECAST


def _rate_columns(facts: list[Fact], heads: tuple[str, ...], excluded: tuple[str, ...]) -> dict[tuple, list[Fact]]:
    """The percentages of each (column, head) whose head ends with a rate word or is in %, and
    names no other relation (one sheet may hold several tables, each with its own heads)."""
    columns: dict[tuple[int, str], list[Fact]] = {}
    for f in facts:
        if f.unit == "%" and f.loc.col is not None and f.loc.row is not None and f.header and not f.comparator:
            head = _bare_head(f.header)
            # (a head in % is of rates whatever its words: 完成预算（%）)
            if (head.endswith(heads) or head != compact(f.header)) and not any(w in head for w in excluded):
                columns.setdefault((f.loc.col, head), []).append(f)
    return columns


def has_rate_column(facts: list[Fact], heads: tuple[str, ...], excluded: tuple[str, ...]) -> bool:
    """Some of the facts stand in a rate column (_rate_columns, which reads the percentages only):
    learned_rate_slips finds nothing in a table with none."""
    return bool(_rate_columns(facts, heads, excluded))


def _bare_head(header: str) -> str:
    """The head without its unit (到位率（%） -> 到位率)."""
    head = compact(header)
    for mark in ("（%）", "(%)", "（％）", "(％)", "%", "％"):
        head = head.replace(mark, "")
    return head


def explained_otherwise(rate: Fact, figures: list[Fact]) -> bool:
    """The row's printed figures give its rate another way: one over another, or one over the sum
    of two (支出进度 = 1—9月支出 ÷ (上年结转 + 本年预算), as a note under the table may say).
    Such a row is left alone: the report may compute it on another base by right. Only the
    figures nearest left of the rate are tried, and a rate printed in whole percents is tried on
    pairs alone: its interval is wide enough for some sum of two of many figures to fall in it
    by chance, which would hide a real slip."""
    figures = [f for f in figures if f.unit not in ("%", "‰", "个百分点") and not f.comparator
               and (_forecast(rate) or f.measure != FORECAST) and (f.loc.col is None or rate.loc.col is None or f.loc.col < rate.loc.col)][-NEAREST_COLUMNS:]
    named = _named_budget(rate)
    if named:
        # (完成调整预算%: of the budget its head names, no other budget of the row)
        figures = [f for f in figures if f.measure not in BUDGET_MEASURES or f.measure == named]
    if any(_exact(rate, a, b) for a, b in permutations(figures, 2)):
        return True
    return rate.places > 0 and any(
        _exact(rate, a, replace(b, value=b.value + c.value)) for a in figures
        for b, c in combinations((f for f in figures if f is not a and f.unit == a.unit), 2))


def _named_budget(rate: Fact) -> str:
    """The budget a rate's column head names (完成调整预算% → 全年预算), else ""."""
    from ..facts.lexicon import lexicon

    named = lexicon().measures.last(compact(rate.header)) if rate.header else None
    return named if named in BUDGET_MEASURES else ""


def _exact(rate: Fact, num: Fact, den: Fact) -> bool:
    """The printed rate is the printed num ÷ den, rounded as printed."""
    if not den.value or num.unit != den.unit:
        return False
    low, high = rate.interval()
    return low <= num.value / den.value * HUNDRED <= high


def _formula(rows: dict[int, dict[int, Fact]], column: list[Fact], figures: list[int]) -> tuple[int, int] | None:
    """(numerator column, denominator column) the column's rows follow (see the module)."""
    followed: dict[tuple[int, int], tuple[int, int, bool]] = {}  # pair -> (rows fitting, rows usable, telling)
    for num_col, den_col in permutations(figures, 2):
        fitting = usable = 0
        telling = False
        for rate in column:
            cells = rows[rate.loc.row]
            num, den = cells.get(num_col), cells.get(den_col)
            if num is None or den is None or not den.value or num.unit != den.unit:
                continue
            usable += 1
            if _exact(rate, num, den):
                fitting += 1
                telling = telling or rate.value not in (0, HUNDRED)
        if telling and fitting >= MIN_ROWS and fitting >= MOST_ROWS * usable:
            followed[(num_col, den_col)] = (fitting, usable, telling)
    if not followed:
        return None
    ranked = sorted(followed.items(), key=lambda item: -item[1][0])
    tied = [pair for pair, counts in ranked if counts[0] == ranked[0][1][0]]
    if len(tied) > 1 and not all(_same_ratios(rows, column, tied[0], other) for other in tied[1:]):
        return None  # two ways followed by as many rows: the table does not say which
    # (ways giving the same ratio on every row, 已支付 ÷ 计划投资 and ÷ 到位资金 where the money
    # came in full, are one: the column is judged by either)
    return ranked[0][0]


def _same_ratios(rows: dict[int, dict[int, Fact]], column: list[Fact], one: tuple[int, int], other: tuple[int, int]) -> bool:
    """The two (numerator, denominator) columns give the same ratio on every row holding both."""
    for rate in column:
        cells = rows[rate.loc.row]
        a = [cells.get(c) for c in one]
        b = [cells.get(c) for c in other]
        if None in a or None in b or not a[1].value or not b[1].value:
            continue
        if a[0].value * b[1].value != b[0].value * a[1].value:
            return False
    return True


def transposed(facts: list[Fact], heads: tuple[str, ...]) -> list[Fact]:
    """The table's figures turned over (rows for columns, row labels for column heads), without
    the rates under a column head ending with a rate word (到位率): those are the rows' own."""
    return [replace(f, loc=replace(f.loc, row=f.loc.col, col=f.loc.row), header=f.label, label=f.header)
            for f in facts if f.loc.row is not None and f.loc.col is not None
            and not (f.unit == "%" and f.header and _bare_head(f.header).endswith(heads))]


RUN_ROWS = NEAREST_COLUMNS  # the rows right above a rate its terms may be in


def column_runs(facts: list[Fact]) -> dict[int, list[Fact]]:
    """id of each percentage -> the figures of its column in the rows right above it, nearest
    first, up to a row without one (a form's rows of words end its block) or RUN_ROWS rows."""
    cells = {(f.loc.row, f.loc.col): f for f in facts if f.loc.row is not None and f.loc.col is not None}
    runs = {}
    for f in facts:
        if f.unit != "%" or f.loc.row is None or f.loc.col is None:
            continue
        run, row = [], f.loc.row - 1
        while (row, f.loc.col) in cells and len(run) < RUN_ROWS:
            run.append(cells[(row, f.loc.col)])
            row -= 1
        runs[f.id] = run
    return runs
