"""The rows of a performance self-evaluation form for kind `score` (an execution row, an indicator
row) and what every check reads of them: the form's tables and indicators, a row's quote and its
table's name, closeness at the precision the form prints its scores with, an inferred weight."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ...facts.numbers import half_unit, parse_quantity
from ...model import Cell, Table
from ...tables.typed import ExecutionRecord, ScoreRecord, TypedTable


# --- typed views of the records ------------------------------------------------------------
@dataclass
class ExecutionRow:
    """The scored row of a budget execution block (年度资金总额 …)."""

    typed: TypedTable
    label: str
    initial_budget: Decimal | None
    budget: Decimal | None
    executed: Decimal | None
    weight: Decimal | None
    rate: Decimal | None  # stated rate, in %
    score: Decimal | None
    cells: dict[str, Cell]
    own_formula: bool = False  # an indicator row stating 执行率×分值 itself: the report's other rule is not its
    own_rule: "ExecutionRule | None" = None  # the rule the row's own criteria state (≥95%得满分，每低1个百分点扣0.5分)

    @classmethod
    def of(cls, typed: TypedTable, rec: ExecutionRecord) -> "ExecutionRow":
        return cls(typed, rec.label, rec.initial_budget, rec.budget, rec.executed, rec.weight,
                   rec.rate, rec.score, rec.cells)

    @property
    def bases(self) -> list[Decimal]:
        """Budgets a stated 执行率 may be computed on: 全年预算数 first, then 年初预算数."""
        return [b for b in (self.budget, self.initial_budget) if b]

    def rate_text(self) -> str:
        """The stated rate as printed in per cent: a fraction without a sign (0.9662, a sheet's
        General format) is read as the percentage it stands for (96.62, at two places fewer)."""
        text = self.cells["rate"].text.strip().rstrip("%％") if "rate" in self.cells else ""
        q = parse_quantity(text) if text and text == self.cells["rate"].text.strip() else None
        if q is not None and self.rate is not None and q.value != self.rate and q.value * 100 == self.rate:
            return f"{self.rate:.{max(q.places - 2, 0)}f}"
        return text

    def rate_half_ulp(self) -> Decimal:
        """Half a unit in the last printed digit of the stated rate (0 when none is stated)."""
        q = parse_quantity(self.rate_text()) if self.rate is not None else None
        return q.half_ulp if q is not None else Decimal(0)

    def rate_high(self, rate: Decimal) -> Decimal:
        """The upper end of the rate: the stated one stands for an interval (98.31% < 98.315%)."""
        return rate + self.rate_half_ulp() if self.rate is not None and rate == self.rate else rate

    def rate_basis(self) -> tuple[Decimal | None, Decimal | None]:
        """(rate in %, budget it is computed on): the stated rate when it recomputes from
        either budget, else the rate on 全年预算数 (computed when the form leaves it blank); a
        row stating no amounts (an indicator row, 预算执行率 | 92.40%) has its stated rate only."""
        if self.executed is None or not self.bases:
            return (self.rate, None) if self.rate is not None and self.executed is None else (None, None)
        if self.rate is not None:
            for budget in self.bases:
                if close_enough(self.rate, self.executed / budget * 100, self.rate_text()):
                    return self.rate, budget
        return self.executed / self.bases[0] * 100, self.bases[0]


@dataclass
class IndicatorRow:
    """One scored indicator of a performance score table."""

    typed: TypedTable
    record: ScoreRecord
    indicator: str
    level2: str
    target_text: str
    actual_text: str
    weight: Decimal | None
    score: Decimal | None
    cells: dict[str, Cell] = field(default_factory=dict)
    group_weight: bool = False  # its 分值 is its group's, merged down over the rows after it (_mark_group_weights)

    @classmethod
    def of(cls, typed: TypedTable, rec: ScoreRecord) -> "IndicatorRow":
        return cls(typed, rec, rec.indicator, rec.level2, rec.target or "", rec.actual or "",
                   rec.weight, rec.score, rec.cells)


def table_name(t: TypedTable) -> str:
    return t.table.name


def row_quote(cell: Cell, table) -> str:
    return table.row_text(cell.loc.row - 1).strip("\t ") if cell.loc.row else cell.text


def close_enough(stated: Decimal, expected: Decimal, stated_text: str, places: int | None = None,
           slack: Decimal = Decimal(0)) -> bool:
    """The interval the stated value was printed for meets `expected` ± `slack`. A whole
    number in a form that prints its scores with decimals (`places`) is read at the form's
    precision: full marks written “10” beside 96.11 mean 10.00, not anything in [9.5, 10.5);
    a value printed with decimals keeps its own precision (9.8 stands for [9.75, 9.85))."""
    q = parse_quantity(stated_text)
    printed = q.places if q is not None else 2
    half = half_unit(printed or places or 0)
    return abs(stated - expected) <= half + slack


def score_places(table: Table, typed: list[TypedTable]) -> int:
    """The finest precision any score of this table is printed with (the form's convention)."""
    cache = getattr(table, "_score_places", None)
    if cache is not None:
        return cache
    places, scores = _printed_scores(t for t in typed if t.table is table)
    if scores <= 1:
        # (a form printed as two tables, its fund block's one score “10” above the indicators'
        # 9.95: one score shows no convention of its own; the form's next table does, not another
        # project's form further on)
        places = max(places, _printed_scores(t for t in typed if t.table.index == table.index + 1)[0])
    table._score_places = places  # type: ignore[attr-defined]
    return places


def _printed_scores(typed) -> tuple[int, int]:
    """(the finest precision the scores of these typed tables are printed with, how many there are)."""
    places = scores = 0
    for t in typed:
        cells = [getattr(r, "cells", {}).get("score") for r in t.records]
        cells.append(t.totals.get("score"))
        for cell in cells:
            q = parse_quantity(cell.text) if cell is not None else None
            if q is not None:
                places, scores = max(places, q.places), scores + 1
    return places, scores


@dataclass(frozen=True)
class ExecutionRule:
    """The report's own rule for the execution score: `step` (so many points off per point short
    of `threshold`), `bands` (a score for each range of rates, read from `text`), `threshold`
    (full marks from `threshold` up, the points × the rate below it) or `formula` (one of its
    own, not read: the score is left unjudged)."""

    kind: str
    words: str
    threshold: Decimal = Decimal(100)
    step: Decimal = Decimal(0)
    points: Decimal = Decimal(0)
    formula: str = ""
    text: str = ""
    rounding: str = ""  # step: "up" (不足1个百分点的按1个百分点计), "down" (不足…不扣), "" (as it falls)
    top: Decimal | None = None  # step: the points at the threshold where the rule names them (≥95%的得9分)

    def shortfall(self, rate: Decimal) -> Decimal:
        """The points short of the threshold, in whole steps where the rule rounds them."""
        short = max(self.threshold - rate, Decimal(0))
        if self.rounding and self.step:
            steps = short / self.step
            whole = steps.to_integral_value(rounding=ROUND_CEILING if self.rounding == "up" else ROUND_FLOOR)
            short = whole * self.step
        return short


# --- indicator tables --------------------------------------------------------------------
def score_tables(typed: list[TypedTable]):
    for t in typed:
        if t.type == "performance_scores" and any(r.score is not None for r in t.records):
            yield t


def indicators_of(t: TypedTable) -> list[IndicatorRow]:
    """The table's scored rows, made once and kept on it (a dozen rules read them; callers only
    read the list and its rows, and find a row's peers in it by identity: inferred_weight)."""
    kept = t.__dict__.get("_indicators")
    if kept is None:
        kept = t.__dict__["_indicators"] = [IndicatorRow.of(t, r) for r in t.records]
        _mark_group_weights(kept)
    return kept


def inferred_weight(row: IndicatorRow, rows: list[IndicatorRow]) -> Decimal | None:
    """The row's 分值, or when the table has none, the score most peers of the same
    二级指标 were given (their full marks)."""
    if row.weight is not None:
        return None if row.group_weight else row.weight
    peers = [r.score for r in rows if r is not row and r.level2 == row.level2 and r.score is not None]
    if len(peers) < 2:
        return None
    return max(set(peers), key=lambda s: (peers.count(s), s))


def _mark_group_weights(rows: list[IndicatorRow]) -> None:
    """Mark the rows whose 分值 is their group's, merged down over the rows after them (50 over
    scored rows with no 分值 of their own, their scores adding up to it, or within it over
    GROUP_ROWS_AFTER rows or more): no one row's full marks. (One row's score short of it beside a
    blank 分值 may be a row's own 分值 left out: not taken for a group.) One pass over the rows."""
    at = 0
    while at < len(rows):
        row, end = rows[at], at + 1
        while end < len(rows) and rows[end].weight is None and rows[end].score is not None:
            end += 1
        after = rows[at + 1:end]
        if row.weight is not None and after and row.score is not None:
            summed = row.score + sum(r.score for r in after)
            row.group_weight = summed == row.weight or (len(after) >= GROUP_ROWS_AFTER and summed <= row.weight)
        at = end


GROUP_ROWS_AFTER = 2  # rows under a 分值 they fall short of together that make it a group's, not one row's beside a blank


def row_remarks(score: Cell, table) -> str:
    """The cells of a score's row right of the score (评分依据, 偏差原因, 备注): where a row's own
    scoring rule is written; the indicator's name (地方资金按比例配套率) is none."""
    row = table.rows[score.loc.row - 1] if score.loc.row else []
    return "\t".join(c.text for c in row if c.loc.col and score.loc.col and c.loc.col > score.loc.col)


