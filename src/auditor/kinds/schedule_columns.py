"""Kind `schedule_columns`: a monitoring form's columns measured against the time schedule
(执行率 | 时间进度 | 偏差（百分点）), row by row, by what the heads say the columns are.

- schedule: a column headed 时间进度 (序时进度) holds the share of the year the form's period covers,
  months ÷ 12 (1-6月: 50%, 1-9月: 75%). The period is the table's own where its title or heads
  state one (1-6月执行数), else the document's (its title: 1-8月, 上半年); the patterns and words
  naming a period are vocabulary.yaml's elapsed_month_patterns and part_year_words. A share counted
  in days (182 ÷ 366 to the end of June 2024) is of the year the table's title or heads name, else
  of the report's.
- deviation: a column whose head names a gap in points from the schedule (偏差（百分点）, 与时间进度
  差异) holds, in each row, the row's rate (the nearest column of rates left of it: 执行率, 执行进度)
  less the row's schedule. Forms print the gap either way round (执行率 − 时间进度, or how far
  behind): a row is told only where its size is off, so that either reading is left alone. A table
  printing no schedule column, its gap head naming the schedule (与时间进度差异), has its rows' gaps
  on the schedule of its period.

A column whose head states its figures are in % (执行率（%）) prints its rates as bare numbers.
Both are identities by definition, not learned from the rows: a form of one row is judged too.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from decimal import Decimal
from itertools import takewhile

from ..facts.numbers import cn_to_int, fmt, half_unit, is_column_numbers
from ..ingest.build import elapsed_months, period_months
from ..knowledge import compact, concepts, note_lead_re
from ..tables.typed import parse_cell
from .base import CHECKED, Hit, TABLE_START_CHARS, table_start
from .schedules import YEAR_MONTHS, schedule_words, time_share
from .derived.intervals import tail_of
from .table_sum.reading import notes_after

KIND = "schedule_columns"
PARAMS = {
    "check": (str, "schedule"),
    # words of the head of a time schedule column (时间进度, 序时进度; none: concepts.yaml schedule_words)
    "schedule_words": (list, []),
    # deviation: words of the head of a gap column (偏差, 差异) and of what says it is in points or
    # from the schedule (百分点, 时间进度): 偏差 alone may be an amount's (预算偏差（万元）)
    "gap_words": (list, []),
    "point_words": (list, []),
    # deviation: the ending of a rate column's head (执行率, 执行进度) and words of rates that are
    # no figure of the row's period (预计全年执行率, 上年同期执行率)
    "rate_heads": (list, []),
    "not_rate_words": (list, []),
    # deviation: the units a gap in points may be printed with (none, %, 百分点)
    "gap_units": (list, ["", "%", "百分点", "个百分点"]),
    # marks of a head whose column prints its rates bare (执行率（%）: 45.00 is 45.00%)
    "percent_marks": (list, ["%", "％"]),
    # marks on a row's label sending the reader to the table's note (学前教育资助（注）): where the
    # note speaks of the schedule, that row's is the note's to set (paid by term, not by month)
    "note_marks": (list, []),
    # schedule: a row whose label is nothing but one month (9月, to its end) holds that month's
    # schedule, not the report's: patterns whose first group is the month (a numeral)
    "row_period_patterns": (list, []),
}
MESSAGE_FIELDS = {"table", "label", "column", "figure", "computed", "basis"}


def validate(params: dict) -> str | None:
    if params["check"] not in ("schedule", "deviation"):
        return "check 应为 schedule、deviation 之一"
    if not schedule_words(params):
        return "schedule_words 不能为空"
    if params["check"] == "deviation" and not (params["gap_words"] and params["rate_heads"]):
        return "deviation 需要 gap_words 与 rate_heads"
    return None


def check(doc, rule):
    for table in doc.tables:
        form = _schedule_form(table, rule.params)
        if form is None:
            if rule.params["check"] == "deviation":
                yield from _gaps_on_the_period(doc, table, rule.params)
            continue
        grid, head_row, schedule_col, rows = form
        if rule.params["check"] == "schedule":
            yield from _schedule_hits(doc, table, grid, (head_row, schedule_col), rows, rule.params)
            continue
        gap_col = next((c for c, t in enumerate(grid[head_row]) if c != schedule_col
                        and _gap_head(compact(t), rule.params)), None)
        if gap_col is not None:
            def printed(r: int):
                q = _rate(grid, r, schedule_col, rule.params, head_row)
                return (q.value, grid[r][schedule_col].strip(), _schedule_slack(q)) if q is not None else None
            yield from _deviation_hits(table, grid, (head_row, schedule_col, gap_col), rows, rule.params, printed)


def _schedule_form(table, params: dict):
    """(grid, head row, schedule column, rows of figures under it) of a table with a schedule
    column: the first row holding a head with a schedule word over a rate; None for any other."""
    words = tuple(schedule_words(params))
    if not any(w in table_start(table, TABLE_START_CHARS) for w in words):
        return None  # (most tables name no schedule: their cells need not be read)
    grid = table.grid()
    for h, row in enumerate(grid):
        first = _first_row(grid, h)
        cols = [c for c, t in enumerate(row) if any(w in compact(t) for w in words) and _rate(grid, first, c, params, h)]
        if cols:
            rows = _rows_under(grid, h, cols[0], params)
            return (grid, h, cols[0], rows) if rows else None
    return None


def _first_row(grid, head_row: int) -> int:
    """The first row under the head that is not a 栏次 row numbering the columns (栏次 | 1 | 2 |
    3=2/1: facts.numbers.is_column_numbers), nor the sub-heads of a two-level header (全年预算
    over 年初预算 | 调整后预算: words only, right under the head)."""
    numbering = tuple(concepts().get("not_figure_columns") or ())
    r = head_row + 1
    if r < len(grid) and any(t.strip() for t in grid[r]) and not any(parse_cell(t.strip()) for t in grid[r] if t.strip()):
        r += 1
    while r < len(grid) and is_column_numbers(grid[r], numbering):
        r += 1
    return r


def _rate(grid, r: int, c: int, params: dict, head_row: int):
    """The rate printed at (r, c), or None (a blank, words, an amount): a figure signed %, or a bare
    one under a head stating % (执行率（%）) in the head row."""
    if r >= len(grid) or c >= len(grid[r]) or not grid[r][c].strip():
        return None
    q = parse_cell(grid[r][c].strip())
    if q is None or q.unit not in ("%", ""):
        return None
    head = grid[head_row][c] if c < len(grid[head_row]) else ""
    return q if q.unit == "%" or any(m in head for m in params["percent_marks"]) else None


def _rows_under(grid, head_row: int, col: int, params: dict) -> list[int]:
    """The rows right under the head printing a rate in the schedule column (the form's next part,
    an indicator table under its own heads, ends them)."""
    rows = []
    for r in range(_first_row(grid, head_row), len(grid)):
        if _rate(grid, r, col, params, head_row) is None:
            break
        rows.append(r)
    return rows


def _months(doc, table, grid, head_row: int) -> int | None:
    """The months the table's figures cover: its own period where its title or heads state one
    (1-6月执行数 in a form titled for the year), else the document's."""
    own = elapsed_months(_own_words(table, grid, head_row))
    return own or doc.meta.get("elapsed_months")


# a year a table's title or heads name (2024年1-6月…监控表)
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


def _years(doc, table, grid, head_row: int) -> tuple[int | None, ...]:
    """The years the table's figures are of: those its own title or heads name, where _months reads
    its period (last year's 2024年1-6月 form in a 2025 report), else the report's (None: not known)."""
    own = sorted({int(y) for y in YEAR_RE.findall(_own_words(table, grid, head_row))})
    return tuple(own) or (doc.meta.get("report_year"),)


def _own_words(table, grid, head_row: int) -> str:
    return " ".join([table.title or "", *grid[head_row]])


def _schedule_hits(doc, table, grid, schedule: tuple[int, int], rows: list[int], params: dict):
    head_row, col = schedule
    months = _months(doc, table, grid, head_row)
    if not months:
        return  # (a form on a whole year, or one stating no period: no schedule to hold it to)
    exact = time_share(months)
    yield CHECKED
    # (a schedule counted in days is as right: 182 ÷ 366 = 49.73% to the end of June in a leap year;
    # the year is the table's where it names one, else the report's)
    by_days = tuple(share for year in _years(doc, table, grid, head_row) for share in day_shares(months, year))
    # (a row naming its own month or months gone by, 1月 | … | 8.33 in a table of the year's months
    # in turn, holds that period's schedule, not the report's)
    periods = _row_periods(tuple(params["row_period_patterns"]))
    own = {r: _row_months(grid[r], periods) for r in rows}
    off = [r for r in rows if not any(_holds(_rate(grid, r, col, params, head_row), e)
                                      for e in ((time_share(own[r]),) if own[r] else (exact, *by_days)))]
    if off and params["note_marks"]:
        set_rates = _note_rates(doc, table, params)
        off = [r for r in off if not (set_rates and _noted(set_rates, grid[r], col, params,
                                                           _rate(grid, r, col, params, head_row)))]
    if not off:
        return
    r = off[0]  # (one column, one period: its first misstated cell tells it, the others with it)
    q = _rate(grid, r, col, params, head_row)
    if own[r]:
        months, exact, off = own[r], time_share(own[r]), [r]
    shown = f"{fmt(exact, max(q.places, 2))}%"
    basis = f"{'本行' if own[r] else '报告'}期间 {months} 个月（{months} ÷ 12）"
    yield _hit(table, grid, r, col, head_row, shown, f"{_head(grid, head_row, col)} = {months} 个月 ÷ 12 = {shown}"
               + (f"（该栏共 {len(off)} 行写作此值）" if len(off) > 1 else ""), basis, [col])


def _row_months(row: list[str], patterns: tuple[re.Pattern, ...]) -> int | None:
    """The months gone by a row's own label names, the label nothing but a period: one month to its
    end (9月: the rule's row_period_patterns, first group the month), months from the year's start
    (1-6月, 上半年: ingest.build period_months), or quarters to the last one's end in a column of
    progress to date (二季度: 6, concepts.yaml year_slices); None for any other label (冬春取暖补贴
    （1-3月）names a project)."""
    label = compact(next((t for t in row if t.strip()), ""))
    m = next((m for p in patterns if (m := p.fullmatch(label))), None)
    if m:
        months = int(m.group(1)) if m.group(1).isdigit() else cn_to_int(m.group(1))
    else:
        quarters = (concepts().get("year_slices") or {}).get(label.removesuffix("末"))
        months = period_months(label) or (QUARTER_MONTHS * max(quarters) if quarters else None)
    return months if months and 0 < months <= YEAR_MONTHS else None


QUARTER_MONTHS = 3


@lru_cache(maxsize=4)
def _row_periods(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in patterns)


def _note_rates(doc, table, params: dict) -> tuple[str, list]:
    """The table's note (the block right after it, a note as the fact reader tells one: 注：, 说明：)
    and the rates it sets: each after a schedule word in its clause (序时进度按…计为50.00%; not
    执行进度50.00%，低于时间进度); ("", []) for none."""
    note = notes_after(doc).get(id(table), "")
    if not note_lead_re().match(note):
        return "", []
    note, words = compact(note), schedule_words(params)
    rates = [q for c in re.split(r"[。；;，,]", note) for m in PERCENT_RE.finditer(c)
             if any(w in c[:m.start()] for w in words) for q in [parse_cell(m.group(0))] if q is not None]
    return (note, rates) if rates else ("", [])


def _noted(set_rates: tuple[str, list], row: list[str], col: int, params: dict, printed) -> bool:
    """The table's note sets the row's schedule: it states the very rate the row prints, and the
    row is the note's (its label bears a note mark, （注）, *, or the note names it): paid by term,
    not by month. A note naming the schedule's basis for all rows (序时进度按月计算) sets none."""
    note, rates = set_rates
    if not any(_holds(q, printed.value) for q in rates):
        return False
    marked = any(m in cell for cell in row[:col] for m in params["note_marks"])
    label = compact(next((t for t in row[:col] if t.strip() and parse_cell(t.strip()) is None), ""))
    for m in params["note_marks"]:
        label = label.replace(compact(m), "")
    return marked or (len(label) >= NAMED_IN_NOTE_CHARS and label in note)


PERCENT_RE = re.compile(r"\d+(?:\.\d+)?[%％]")  # a rate a note states (计为50.00%)
NAMED_IN_NOTE_CHARS = 4  # a row's label the note names: long enough to be that row's own (not 合计)


def day_shares(months: int, year: int | None) -> tuple[Decimal, ...]:
    """The share of the year's days the first `months` months hold, in the report's year (one
    stating no year: in a common year and in a leap year)."""
    leaps = (calendar.isleap(year),) if year else (False, True)
    return tuple(Decimal(sum(calendar.mdays[1:months + 1]) + (leap and months >= 2)) / (366 if leap else 365) * 100
                 for leap in leaps)


def _holds(q, exact: Decimal) -> bool:
    """The printed schedule stands for the exact share (at its printed precision, or its tail
    truncated: 66.6% for 66.67%, derived/intervals.py tail_of)."""
    return abs(q.value - exact) <= half_unit(q.places) or tail_of(q, exact)


def _gaps_on_the_period(doc, table, params: dict):
    """A gap column naming the schedule (与时间进度差异（百分点）) in a table printing no schedule
    column: each row's gap is on the schedule of the table's period (months ÷ 12, exact)."""
    words = tuple(schedule_words(params))
    if not any(w in table_start(table, TABLE_START_CHARS) for w in words):
        return
    grid = table.grid()
    for h, row in enumerate(grid):
        gap_col = next((c for c, t in enumerate(row) if _gap_head(compact(t), params)
                        and any(w in compact(t) for w in words)), None)
        if gap_col is None:
            continue
        months = _months(doc, table, grid, h)
        # (the rows printing a gap right under the head: a form's next part ends them)
        rows = list(takewhile(lambda r: _figure(grid, r, gap_col) is not None, range(_first_row(grid, h), len(grid))))
        if months and rows:
            exact = time_share(months)
            shown = f"（{months} 个月 ÷ 12）{fmt(exact, 2)}%"
            yield from _deviation_hits(table, grid, (h, None, gap_col), rows, params, lambda r: (exact, shown, Decimal(0)))
        return


def _figure(grid, r: int, c: int):
    """The number printed at (r, c), or None."""
    text = grid[r][c].strip() if c < len(grid[r]) else ""
    return parse_cell(text) if text else None


def _deviation_hits(table, grid, columns: tuple[int, int | None, int], rows: list[int], params: dict, schedule_of):
    """Each row's gap against its rate less its schedule (`columns`: the head row, the schedule's
    column if printed and the gap's; `schedule_of(row)`: the schedule's value, its print and its
    own rounding slack, or None)."""
    head_row, schedule_col, gap_col = columns
    head = grid[head_row]
    rate_col = next((c for c in range(gap_col - 1, -1, -1) if c != schedule_col
                     and _rate_head(compact(head[c]), params)), None)
    if rate_col is None:
        return
    for r in rows:
        rate, schedule = _rate(grid, r, rate_col, params, head_row), schedule_of(r)
        gap = _figure(grid, r, gap_col)
        if rate is None or schedule is None or gap is None or gap.unit not in params["gap_units"]:
            continue
        yield CHECKED
        value, printed, own_slack = schedule
        computed = rate.value - value
        slack = sum((half_unit(q.places) for q in (rate, gap)), own_slack)
        if abs(abs(gap.value) - abs(computed)) <= slack:
            continue
        places = max(rate.places, gap.places)
        shown = fmt(computed, places)
        named = _head(grid, head_row, schedule_col) if schedule_col is not None else schedule_words(params)[0]
        formula = (f"{_head(grid, head_row, gap_col)} = {_head(grid, head_row, rate_col)} {grid[r][rate_col].strip()}"
                   f" − {named} {printed} = {shown}")
        yield _hit(table, grid, r, gap_col, head_row, shown, formula, "同行执行率减时间进度",
                   [c for c in (rate_col, schedule_col, gap_col) if c is not None])


def _schedule_slack(q) -> Decimal:
    """The schedule's own rounding: none where it prints a whole month's share exactly (75%, 50%:
    exact, whatever its places), half its last digit otherwise (66.67%)."""
    exact = any(q.value == time_share(m) for m in range(1, YEAR_MONTHS + 1))
    return Decimal(0) if exact else half_unit(q.places)


def _gap_head(head: str, params: dict) -> bool:
    return any(w in head for w in params["gap_words"]) \
        and any(w in head for w in (*params["point_words"], *schedule_words(params)))


def _rate_head(head: str, params: dict) -> bool:
    bare = head.split("(")[0]  # (执行率（%）: the head's words before its unit)
    return any(bare.endswith(w) for w in params["rate_heads"]) \
        and not any(w in head for w in (*params["not_rate_words"], *schedule_words(params)))


def _head(grid, head_row: int, c: int) -> str:
    return grid[head_row][c].strip() or f"第{c + 1}列"


def _hit(table, grid, r: int, c: int, head_row: int, computed: str, formula: str, basis: str, cols: list[int]) -> Hit:
    cells = table.rows[r]
    label = next((t.strip() for t in grid[r] if t.strip() and parse_cell(t.strip()) is None), "") \
        or f"第{table.row_number(r)}行"
    return Hit(quote=table.row_text(r).strip("\t "), location=cells[c].loc, stated=f"{label} {grid[r][c].strip()}",
               expected=computed, formula=formula,
               fields={"table": table.name, "label": label,
                       "column": _head(grid, head_row, c), "figure": grid[r][c].strip(), "computed": computed,
                       "basis": basis},
               highlights=[cells[k].loc for k in cols if k < len(cells)])
