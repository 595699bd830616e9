"""Kind `score`: performance self-evaluation tables scored against their own rules.

Checks (param `check`):
- execution: 得分 of the budget execution row = `formula` (default 分值 × 执行率), and of an
  indicator row scoring the execution rate where the report states its rule.
- execution_full: the same row given full marks while the execution rate is below
  `full_rate` (100%): a target not met (`execution` reports it too, as a wrong score).
- execution_rate: the stated 执行率 = 执行数 / 预算数.
- total: Σ得分 (with or without the execution score) = 总分.
- weights: Σ分值 of a section = the section weight in its label, e.g. 产出指标（50分）.
- score_cap: 得分 ≤ 分值.
- strict_target: a strict target (>3%, <2500元) that the actual only reaches is not met,
  yet the indicator is given marks as met.
- missed_target: a quantitative target the actual value does not reach (≥6800台 vs 5462台,
  ≤36.78万元 vs 40万元), yet the indicator is given full marks.
- proportional: a quantitative target missed, scored otherwise than `formula` (正向
  权重 × B/A; 反向 权重 × A/B), where the document states that rule.
- told_deductions: 得分 = 分值 − the points the row's reason says were taken off (扣1分).
- summary: a summary table's category rows (一级指标 | 分值 | 得分, 决策 … 效益) = the sums of the
  detail table's rows of each category, the evaluation's they restate (tables/score_summary.py).

Scores are compared at the precision the form prints its scores with: a "10" in a form
whose other scores carry two decimals stands for 10.00, not for anything in [9.5, 10.5).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache
from typing import NamedTuple

from ...facts.formula import FormulaError, evaluate
from ...facts.lexicon import alternatives
from ...facts.numbers import MONEY_UNITS, Quantity, cn_to_int, fmt, half_unit, parse_quantity
from ...facts.targets import DEADLINE_UNIT, Target, parse_deadline_pair, parse_target
from ...knowledge import compact, concepts, vocabulary_generation
from ...memo import remember_short
from ...model import Cell, Table
from ...tables.score_summary import SummaryPair, SummaryRow, summary_pairs
from ...tables.typed import (WEIGHT_IN_LABEL_RE, ExecutionRecord, category_key, ScoreRecord, TypedTable, cell_at, grid_cell, number, points, quantity,
                            typed_tables)
from ..base import CHECKED, GLOSS_RE, Hit, NotAssessable, invalid_setting, names_execution_rate

KIND = "score"
PARAMS = {
    "check": (str, None),
    # claimed_met: words of a reason cell saying the target was met, and the words before them
    # that deny it (未全面完成)
    "met_claims": (list, []), "met_claim_pattern": (str, ""), "no_deviation_pattern": (str, ""),
    "deviation_heads": (list, []), "future_words": (list, []), "denials": (list, ["未", "尚未", "没有", "不", "无法"]),
    # score_cap: the heads of a table's weight and score columns where it is no indicator form
    "score_cap_heads": (dict, {}),
    # score_cap: words of a bonus row, and the labels of a total row a bonus lifts above its weight
    "bonus_words": (list, []), "total_labels": (list, ["合计", "总计", "总分"]),
    "formula": (str, "weight * rate"),  # rate: 执行数 ÷ 预算数, or the stated rate
    "cap_at_weight": (bool, True),
    "positive_formula": (str, "weight * actual / target"),
    "negative_formula": (str, "weight * target / actual"),
    "requires_statement": (list, []),
    # the report's own rule for an indicator short of its floor, so many points off per point
    # (每低1个百分点扣0.2分): a regular expression with groups `step` and `points`, and the score
    # it gives (variables weight, target, actual, step, points, and shortfall: the points a rate
    # falls short by, or a quantity's completion rate does); no score below 0. Where the report
    # states the proportional rule as well, the step rule is the rates' and the quantities keep it.
    "step_statement": (str, ""),
    # the same in the indicator's own unit, either way from the target (每超出1件扣1分, 每少5人扣1分):
    # groups `step`, `unit` and `points`; the shortfall is then how far the actual value lies from
    # the target in that unit. A row in another unit than the step's is left unjudged.
    "unit_step_statement": (str, ""),
    "step_unit_aliases": (dict, {}),  # units a step in one counts rows in (日: [天])
    "general_scope_words": (list, []),  # the words a unit step's scope naming no one indicator is made of (对未完成目标的指标)
    "step_formula": (str, "weight - shortfall / step * points"),
    # words by which a report scores a missed indicator by another rule (酌情扣分, bands: 得该指标
    # 分值的80%): then no formula is held to it, unless the report also states the proportional
    # one (the other rule is then the other indicators': 定性指标根据完成情况酌情扣分)
    "other_rule_statements": (list, []),
    "proportional_statements": (list, []),
    "proportional_formula": (str, ""),
    # proportional: a row's own rule of its rate times its points (执行率×10分, 完成率×分值), and
    # the points it gives (weight, actual: the row's rate in %)
    "rate_times_points": (str, ""), "rate_times_formula": (str, "weight * actual / 100"),
    "rounding_cues": (list, []),
    # the words before a step rule in its sentence that give the indicators it is for: a kind of
    # rate (百分比类指标…每低1个百分点…), or words of the indicators' own names and categories
    # (满意度指标每低于…); none of them: every quantitative indicator
    "rate_scope_words": (list, []),
    "execution_scope_words": (list, []),
    "quantity_scope_words": (list, []),
    "scope_words": (list, []),
    # words by which a report states that a met indicator earns full marks (已完成的指标得满分):
    # then a met rate (合格率 ≥95%) is held to it too
    "full_marks_statements": (list, []),
    # … or in other words: a pattern (完成年度指标值的得满分, 达到目标值即得满分)
    "full_marks_pattern": (str, ""),
    # A bare target (“900件”, no ≥/≤) is read as a floor, the usual meaning of a planned
    # quantity; an indicator whose name or category holds one of these words may as well be
    # a ceiling (成本, 投诉, 事故 …), so its bare target is not judged.
    "ceiling_cues": (list, []),
    # units of a bare target that may as well be a ceiling (a time taken: 30分钟; a harm rate in ‰)
    "ceiling_units": (list, []),
    # missed_target: words that, before a target in words, deny it (达标 | 未达标), and words that
    # may stand between them (未全部达标)
    "negations": (list, []), "negation_qualifiers": (list, []),
    # execution rate (in %) at or above which the budget is fully executed
    "full_rate": (str, "100"),
    # qualitative: the report's own grades for qualitative indicators (完全达成的得全部分值，部分达成的
    # 得分值的60%，未达成的不得分): a regular expression with group `grade` and one of `share` (a
    # percentage of the points), `full` (all of them) or `none` (nothing)
    "grade_statement": (str, ""),
    # qualitative: grades listed, then their shares after 分别 in turn (group `grades`, `shares`)
    "grade_list_statement": (str, ""),
    # per_item: a deduction per item found (group per, unit, points), and how a row says how many
    # were found (a pattern with {unit}; the count is the first of its groups to match)
    "per_item_rule": (str, ""), "found_count": (str, ""),
    # per_item: a stated cap on the deductions (group 1 its points), and the word of a deduction
    # (a rule holding it twice, once not as its cap, has more than one way to lose points)
    "cap_rule": (str, ""), "deduction_word": (str, "扣"),
    # proportional: a deduction a row's reason tells (扣1分, group `points`; SCO022 reads it so too), and
    # words right before one making it the row's total (共扣1.5分)
    "deduction_total_words": (list, []),
    # …and words before one making it only proposed, not taken (原拟扣2分)
    "proposed_words": (list, []),
    # told_deductions: a deduction told in a reason (扣1分, group `points`), the words right before one
    # making it the total (共扣), and words by which the account may be partial (酌情, 每…扣)
    "told_deduction_pattern": (str, ""), "total_words": (list, []), "untold_words": (list, []),
}
MESSAGE_FIELDS = {"table", "weight", "rate", "score", "total", "section", "indicator", "target",
                  "actual", "diff", "basis", "claim", "sum"}


def validate(params: dict) -> str | None:
    return invalid_setting(params, CHECKS, ("met_claim_pattern", "no_deviation_pattern"))


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, rule, typed_tables(doc))


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
                if _close(self.rate, self.executed / budget * 100, self.rate_text()):
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


@dataclass(frozen=True)
class MissedTarget:
    """A quantitative target and the actual value that does not reach it."""

    row: IndicatorRow
    target: Target
    actual: Target
    upward: bool  # the target is a floor (≥, >, bare) rather than a ceiling (≤, <)


def _table_name(t: TypedTable) -> str:
    return t.table.title or f"表{t.table.index}"


def _row_quote(cell: Cell, table) -> str:
    return table.row_text(cell.loc.row - 1).strip("\t ") if cell.loc.row else cell.text


def _close(stated: Decimal, expected: Decimal, stated_text: str, places: int | None = None,
           slack: Decimal = Decimal(0)) -> bool:
    """The interval the stated value was printed for meets `expected` ± `slack`. A whole
    number in a form that prints its scores with decimals (`places`) is read at the form's
    precision: full marks written “10” beside 96.11 mean 10.00, not anything in [9.5, 10.5);
    a value printed with decimals keeps its own precision (9.8 stands for [9.75, 9.85))."""
    q = parse_quantity(stated_text)
    printed = q.places if q is not None else 2
    half = half_unit(printed or places or 0)
    return abs(stated - expected) <= half + slack


def _score_places(table: Table, typed: list[TypedTable]) -> int:
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


# --- execution block -------------------------------------------------------------------

def _execution_rows(typed: list[TypedTable]):
    for t in typed:
        if t.type == "budget_execution":
            for record in t.records:
                yield ExecutionRow.of(t, record)


def _execution_hits(rule, typed, full_marks_unmet: bool, report_rule=None, indicator_rows=()):
    """Execution rows whose score is not 分值 × 执行率, or not what the report's own rule gives
    (`report_rule`: a step rule, bands, full marks from a threshold up). With `full_marks_unmet` only those
    given full marks although the rate is below `full_rate`: the same wrong score seen as a
    target not met (class target_not_met) beside the score mismatch `execution` reports.
    `indicator_rows`: indicator rows scoring the execution rate by a rule the report states."""
    full_rate = Decimal(str(rule.params["full_rate"]))
    for row in [*_execution_rows(typed), *indicator_rows]:
        t = row.typed
        rate, budget = row.rate_basis()
        if row.score is None:
            # (a row with no points of its own, 其中：基本支出 | … | — | 99.00% | —, is a breakdown
            # the form does not score)
            if not full_marks_unmet and row.executed is not None and row.bases and row.weight is not None:
                yield NotAssessable(f"表{t.table.index}「{row.label}」没有填写得分")
            continue
        values = {"weight": row.weight, "executed": row.executed, "budget": budget,
                  "rate": rate / 100 if rate is not None else None}
        own = None if row.own_formula else row.own_rule or report_rule  # (a row stating its rule keeps to it)
        if own is not None and own.kind == "formula":
            if not full_marks_unmet:
                yield NotAssessable(f"表{t.table.index}「{row.label}」按报告自己的计分公式计分（{own.words[:40]}），未核对")
            continue
        if own is not None and own.kind == "bands":
            band = _band_for(own.text, rate) if rate is not None else None
            if band is None:
                if not full_marks_unmet:
                    yield NotAssessable(f"表{t.table.index}「{row.label}」按报告所写的档次计分（{own.words[:40]}），未按公式核对")
                continue
            score_cell = row.cells["score"]
            if full_marks_unmet or _close(row.score, band[2], score_cell.text, _score_places(t.table, typed)):
                continue
            yield Hit(
                quote=_row_quote(score_cell, t.table), location=score_cell.loc, stated=score_cell.text,
                expected=fmt(band[2], max(2, _score_places(t.table, typed))),
                formula=f"按报告的计分档次“{band[3]}”：执行率 {fmt(rate)}% 应得 {fmt(band[2])} 分"
                        + _rate_source(row, budget),
                fields={"table": _table_name(t), "weight": str(row.weight), "rate": f"{fmt(rate)}%",
                        "score": score_cell.text, "basis": f"按报告的计分档次（执行率 {fmt(rate)}%，{band[3]}）"},
                highlights=[c.loc for c in row.cells.values()])
            continue
        try:
            if own is not None and own.kind == "step" and rate is not None and row.weight is not None:
                expected = _step_score(own, row, rate)
            elif own is not None and own.kind == "threshold" and rate is not None and row.weight is not None:
                # full marks from the threshold up, the points × the rate below it
                expected = row.weight if rate >= own.threshold else evaluate(rule.params["formula"], values)
            else:
                expected = evaluate(rule.params["formula"], values)
        except FormulaError as exc:
            if not full_marks_unmet:
                yield NotAssessable(f"表{t.table.index}「{row.label}」无法计算：{exc}")
            continue
        if rule.params["cap_at_weight"] and row.weight is not None:
            expected = min(expected, row.weight)
        score_cell = row.cells["score"]
        # a score worked out from the printed (rounded) rate is as right as one from the amounts
        slack = (row.weight or Decimal(0)) * row.rate_half_ulp() / 100
        places = _score_places(t.table, typed)
        if _close(row.score, expected, score_cell.text, places, slack):
            continue
        if own is not None and own.kind == "step" and own.rounding and rate is not None and any(
                _close(row.score, _step_score(own, row, r), score_cell.text, places)
                for r in _rate_ends(row, rate, budget)):
            continue  # (whole steps counted from either end of the rate: 94.00% may be 93.998%)
        bar = own.threshold if own is not None and own.kind != "bands" else full_rate  # (full marks from here)
        unmet = (row.weight is not None and row.score >= row.weight
                 and rate is not None and row.rate_high(rate) <= bar)
        if full_marks_unmet and not unmet:
            continue
        yield Hit(
            quote=_row_quote(score_cell, t.table), location=score_cell.loc,
            stated=score_cell.text, expected=fmt(expected, max(2, places)),
            formula=(_execution_formula(row, rate, expected, own) + _rate_source(row, budget)
                     + (f"；执行率未达 {fmt(bar, 0)}%，不应得满分" if unmet and full_marks_unmet else "")),
            fields={"table": _table_name(t), "weight": str(row.weight),
                    "rate": f"{fmt(rate)}%", "score": score_cell.text,
                    "basis": f"按分值 {row.weight} × 执行率 {fmt(rate)}%" if own is None
                    else f"按报告的计分规则（执行率 {fmt(rate)}%，{own.words}）"},
            highlights=[c.loc for c in row.cells.values()])


def _rate_ends(row: ExecutionRow, rate: Decimal, budget: Decimal | None) -> tuple[Decimal, Decimal]:
    """The ends of the interval the rate stands for: of the amounts it is worked out from where the
    row gives them (940.00 ÷ 1000.00: 94.00% within a thousandth), else of its print (94.00%: ±0.005)."""
    if budget and row.executed is not None:
        spent, base = half_unit(_places(row.executed)), half_unit(_places(budget))
        return (row.executed - spent) / (budget + base) * 100, (row.executed + spent) / (budget - base) * 100
    return rate - row.rate_half_ulp(), rate + row.rate_half_ulp()


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _step_score(own: ExecutionRule, row: ExecutionRow, rate: Decimal) -> Decimal:
    """The report's step rule: 分值 − 差的百分点 ÷ 步长 × 每步扣分, not below 0; the points short of
    the rate that earns full marks (100%, or the rule's own: 95%（含）以上得满分)."""
    top = own.top if own.top is not None else row.weight
    return max(evaluate(own.formula, {"weight": top, "step": own.step, "points": own.points,
                                      "shortfall": own.shortfall(rate)}), Decimal(0))


def _rate_source(row: ExecutionRow, budget: Decimal | None) -> str:
    """Where the execution rate comes from: the amounts, or an indicator row's actual value."""
    if budget is None:
        rate = row.cells.get("rate")
        if rate is not None and rate.loc.table is None:
            return f"（执行率为正文{rate.loc.describe()}所写的 {rate.text}）"
        return f"（执行率为「{row.label}」一行的实际完成值）"
    # (the row's other budget, where it gives both: 年初 760 and 全年 619.52 — the reader sees which
    # one the stated rate is of, and what the score would be on the other)
    other = next((b for b in row.bases if b != budget), None)
    named = "全年预算数" if other == row.budget else "年初预算数"
    also = f"；按{named} {other} 计算为 {fmt(row.executed / other * 100)}%" if other and row.executed is not None else ""
    return f"（执行率 = 执行数 {row.executed} ÷ 预算数 {budget}{also}）"


FULL_RATE = Decimal(100)  # a step rule counts the points short of full execution

# one band of an execution score rule: 95%（含）以上得10分 / 90%（含）至95%得8分 / 80%以下不得分
BAND_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*[%％]\s*(?:[（(]含[）)])?\s*(?:(以上|及以上)|(?:至|-|－|～|~|—|到)\s*(\d+(?:\.\d+)?)\s*[%％]"
    r"\s*(?:[（(]不?含[）)])?|(以下|以内)|(?=\s*的?\s*得))[^，,；;。\d]{0,6}?(?:得\s*(\d+(?:\.\d+)?)\s*分|(不得分))")


def _bands(text: str) -> list[tuple[Decimal, Decimal, Decimal, str]]:
    """(low, below, points, words) of each band the statement sets out; low inclusive."""
    out = []
    for m in BAND_RE.finditer(text):
        low = Decimal(m.group(1))
        points = Decimal(m.group(5)) if m.group(5) else Decimal(0)
        if m.group(2):
            out.append((low, Decimal("Infinity"), points, m.group(0)))
        elif m.group(3):
            out.append((low, Decimal(m.group(3)), points, m.group(0)))
        elif m.group(4):
            out.append((Decimal("-Infinity"), low, points, m.group(0)))
        else:
            out.append((low, low, points, m.group(0)))  # one point (执行率100%得10分)
    return out


def _band_for(text: str, rate: Decimal):
    """The one band the rate falls in (a band's top is the next band's bottom; a band of one point,
    100%得10分, before a range ending there, 90%（含）-100%得8分), or None."""
    bands = _bands(text)
    points = [b for b in bands if b[0] == b[1] == rate]
    found = points or [b for b in bands if b[0] <= rate < b[1] or (b[1] == FULL_RATE and rate == FULL_RATE)]
    return found[0] if len(found) == 1 else None


def _execution_formula(row, rate, expected, own) -> str:
    if own is not None:
        if own.kind == "threshold":
            side = f"不低于 {fmt(own.threshold)}%，得满分" if rate >= own.threshold else \
                f"低于 {fmt(own.threshold)}%，得分 = 分值 × 执行率 = {row.weight} × {fmt(rate)}%"
            return f"按报告的计分规则“{own.words}”：执行率 {fmt(rate)}% {side} = {fmt(expected)}"
        return (f"按报告的计分规则“{own.words}”：得分 = {row.weight} − ({fmt(own.shortfall(rate))} ÷ "
                f"{fmt(own.step)}) × {fmt(own.points)} = {fmt(expected)}")
    return f"得分 = 分值 × 执行率 = {row.weight} × {fmt(rate)}% = {fmt(expected)}"


def _check_execution(doc, rule, typed):
    return _execution_hits(rule, typed, False, _execution_rule(doc), _execution_indicators(doc, typed))


def _check_execution_full(doc, rule, typed):
    return _execution_hits(rule, typed, True, _execution_rule(doc), _execution_indicators(doc, typed))


def _execution_indicators(doc, typed) -> list[ExecutionRow]:
    """Indicator rows scoring the budget execution rate (三级指标 预算执行率 | 分值 10 | 实际完成值
    92.40% | 得分 7.80), read as execution rows with the stated rate and no amounts, where the report
    states how the rate is scored: its own rule (a step, bands, full marks from a threshold), the
    points × the rate in its text (concepts.yaml execution_scoring `proportional`) or in the row's
    criteria and remarks. A row whose criteria or remarks state another rule (执行率达到90%及以上
    得满分) keeps to it and is not judged. Indicator forms score the rate in many ways, so with no
    rule stated the row is left to the indicator rules (a missed target, SCO007/SCO008). Read
    once per document."""
    cached = getattr(doc, "_execution_indicators", None)
    if cached is None:
        cached = doc._execution_indicators = _read_execution_indicators(doc, typed)  # type: ignore[attr-defined]
    return cached


def _read_execution_indicators(doc, typed) -> list[ExecutionRow]:
    from ...knowledge import concepts

    scoring = concepts().get("execution_scoring") or {}
    proportional, named = scoring.get("proportional") or "", scoring.get("indicator") or ""
    if not named or not proportional:
        return []
    stated = _execution_rule(doc) is not None or bool(_proportional_search(proportional, doc.text))
    found = []
    for t in _score_tables(typed):
        rows = _indicators(t)
        for r in rows:
            if r.score is None or not names_execution_rate(r.indicator):
                continue
            actual = _target(r.actual_text) if "actual" in r.cells else None
            rate_cell = r.cells.get("actual")
            if actual is None and not r.actual_text.strip():
                # (an evaluation's scoring table gives no actual value: the rate its findings column
                # states, 评价情况 | 支出4,032.00万元，执行率90.00%, else the rate the text states)
                rate_cell = _reason_execution_rate(r, scoring.get("stated_rate")) or _text_execution_rate(doc, named)
                actual = _target(rate_cell.text) if rate_cell is not None else None
            weight = _inferred_weight(r, rows)
            if actual is None or actual.unit != "%" or actual.comparator not in ("", "=") or weight is None:
                continue
            criteria = " ".join(c.text for c in (r.cells.get("criteria"),) if c)
            own = compact(criteria + _remarks(r.cells["score"], t.table))
            own_formula = bool(re.search(proportional, own))
            # (the row's criteria stating a rule of the rate's own, ≥95%得满分，每低1个百分点扣0.5分,
            # read as the report's rule is, the indicator's name before it)
            own_rule = _read_execution_rule(f"{r.indicator}：{criteria}") if criteria and not own_formula else None
            if own_rule is not None and own_rule.kind == "formula":
                own_rule = None
            if own_rule is None and ((not stated and not own_formula) or (not own_formula and any(
                    w in own for w in scoring.get("own_rule_words") or ()))):
                continue
            cells = {k: r.cells[k] for k in ("weight", "score") if k in r.cells}
            found.append(ExecutionRow(t, r.indicator, None, None, None, weight, actual.value, r.score,
                                      {"rate": rate_cell, **cells}, own_formula=own_formula, own_rule=own_rule))
    return found


def _reason_execution_rate(r, pattern: str | None) -> Cell | None:
    """The execution rate a row's findings column states (执行率90.00%: concepts.yaml
    execution_scoring stated_rate), as a cell: its figure and the column's place."""
    cell = r.cells.get("reason")
    found = re.findall(pattern, cell.text) if cell is not None and pattern else []
    return Cell(found[0], cell.loc) if len(found) == 1 else None


def _text_execution_rate(doc, named: str) -> Cell | None:
    """The budget execution rate the text states, as a cell (its figure and where it is): the one
    value its sentences give a rate so named (预算执行率为92.60%); none when they give several."""
    from ...facts.base import CURRENT, fact_base

    rates = [f for f in fact_base(doc).facts if f.source == "text" and f.unit == "%" and f.period == CURRENT
             and not f.comparator and f.measure == "实际值" and f.concept and re.search(named, compact(f.concept))]
    if len({f.value for f in rates}) != 1:
        return None
    return Cell(rates[0].text, rates[0].loc)


def _judged_as_execution(doc, typed) -> set[int]:
    """The score cells (by id) of the indicator rows the execution rules judge: the indicator
    rules leave them alone (one rule for one score)."""
    return {id(row.cells["score"]) for row in _execution_indicators(doc, typed)}


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


def _execution_rule(doc) -> ExecutionRule | None:
    """The report's own rule for the execution score (concepts.yaml execution_scoring), or None
    (the rule's formula holds). Read once per document."""
    cached = getattr(doc, "_execution_rule", False)
    if cached is False:
        cached = doc._execution_rule = _read_execution_rule(doc.text)  # type: ignore[attr-defined]
    return cached


def _read_execution_rule(text: str) -> ExecutionRule | None:
    from ...knowledge import concepts

    scoring = concepts().get("execution_scoring") or {}
    if not scoring or "执行率" not in text:
        return None  # (every statement the patterns read names 执行率)
    marks = scoring.get("other_indicator_marks") or ()
    # (执行率按执行率×分值计分，满意度≥90%的得10分，每低1个百分点扣1分: the step is the satisfaction's)
    m = next((found for found in re.finditer(scoring["step"], text)
              if not _names_other_indicator(found.group(0)[:found.group(0).find("每")], marks)),
             None) if scoring.get("step") else None
    step = _count_value(m.group("step")) if m else None
    if m and step:
        sentence = _sentence_at(text, m.start(), m.end())
        rounding = "up" if scoring.get("step_round_up") and re.search(scoring["step_round_up"], sentence) else \
            "down" if scoring.get("step_round_down") and re.search(scoring["step_round_down"], sentence) else ""
        threshold, top = _threshold(scoring, text, m, m.group("threshold"))
        return ExecutionRule("step", m.group(0), threshold, step, Decimal(m.group("points")), scoring["step_formula"],
                             rounding=rounding, top=top)
    m = re.search(scoring["bands"], text) if scoring.get("bands") else None
    if m:
        # the whole statement the bands stand in (up to its full stop), read band by band
        end = text.find("。", m.end())
        return ExecutionRule("bands", m.group(0), text=text[m.start():end if end >= 0 else len(text)])
    m = re.search(scoring["formula_stated"], text) if scoring.get("formula_stated") else None
    if m:
        return ExecutionRule("formula", _sentence_at(text, m.start(), m.end()))
    m = _proportional_search(scoring["proportional"], text) if scoring.get("proportional") else None
    threshold = _threshold(scoring, text, m)[0] if m else FULL_RATE
    if m and threshold < FULL_RATE:
        # 达到90%（含）以上的得满分，低于90%的按执行率×分值计分: the formula holds below the threshold only
        return ExecutionRule("threshold", _sentence_at(text, m.start(), m.end()), threshold)
    return None


@lru_cache(maxsize=8)
def _proportional_search(pattern: str, text: str) -> re.Match | None:
    """re.search(pattern, text) for the proportional rule's pattern, kept for the last few texts:
    a document's whole text is searched for it where its execution rule is read and again where
    its execution rows are (a text's hash is worked out once and kept on the string; a text equal
    to one kept finds the same match)."""
    return re.search(pattern, text)


def _threshold(scoring: dict, text: str, m: re.Match, stated: str | None = None) -> tuple[Decimal, Decimal | None]:
    """(The rate from which a rule gives full marks, the points it names there: ≥95%的得9分 → 9, or
    None). The rate: the one its words name (每低于95%一个百分点,
    95%（含）以上的得满分 or 低于95%的… in its sentence: concepts.yaml execution_scoring
    full_marks_from), else 100%."""
    if stated:
        return Decimal(stated), None
    sentence = _sentence_at(text, m.start(), m.end())
    for found in re.finditer(scoring.get("full_marks_from") or "(?!)", sentence):
        # (the words of the threshold's own clause, from the last ，or ；)
        lead = sentence[max(sentence.rfind(c, 0, found.start()) for c in "，,；;") + 1:found.start()]
        if not _names_other_indicator(lead, scoring.get("other_indicator_marks") or ()):
            top = found.groupdict().get("top")
            return Decimal(next(g for g in found.groups() if g)), Decimal(top) if top else None
    return FULL_RATE, None


def _names_other_indicator(words: str, marks) -> bool:
    """Whether words before a threshold or a step name another indicator after the last mention
    of the execution rate (…执行率×分值计分，满意度≥90%的得10分，每低…: the satisfaction's step;
    its own clause's 达到, 其中, 超过 name none)."""
    after = words[words.rfind("执行率") + len("执行率"):] if "执行率" in words else words
    return any(mark in after for mark in marks)


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end]: from the last full stop or line break before it to the next."""
    begin = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [k for k in (text.find("。", end), text.find("\n", end)) if k >= 0]
    return text[begin:min(stops) if stops else len(text)]


def _count_value(text: str) -> Decimal | None:
    """A figure written in digits or as a Chinese numeral (一个百分点)."""
    value = _count_word(text)
    if value is None:
        try:
            return Decimal(text)
        except ArithmeticError:
            return None
    return Decimal(value)


def _check_execution_rate(doc, rule, typed):
    for row in _execution_rows(typed):
        if row.rate is None or not row.bases or row.executed is None:
            continue
        rate_cell = row.cells["rate"]
        computed = [row.executed / b * 100 for b in row.bases]
        yield CHECKED  # (each relation evaluated, consistent or not: the engine counts the failed among them)
        if any(_close(row.rate, c, row.rate_text()) for c in computed):
            continue
        yield Hit(
            quote=_row_quote(rate_cell, row.typed.table), location=rate_cell.loc,
            stated=rate_cell.text, expected=f"{fmt(computed[0])}%",
            formula=f"执行率 = 执行数 ÷ 预算数 = {row.executed} ÷ {row.bases[0]} = {fmt(computed[0])}%",
            fields={"table": _table_name(row.typed), "rate": rate_cell.text},
            highlights=[c.loc for c in row.cells.values()])


# --- indicator tables --------------------------------------------------------------------

def _score_tables(typed: list[TypedTable]):
    for t in typed:
        if t.type == "performance_scores" and any(r.score is not None for r in t.records):
            yield t


def _indicators(t: TypedTable) -> list[IndicatorRow]:
    rows = [IndicatorRow.of(t, r) for r in t.records]
    _mark_group_weights(rows)
    return rows


def _execution_score_for(t: TypedTable, typed: list[TypedTable]) -> tuple[Decimal | None, str]:
    """The execution score of the same form; computed (分值 × 执行率) when left blank. A form
    printed as two tables (the fund rows, then the indicators and 总分) is one form where the
    fund table comes right before the indicator table (no score table between) and its 分值
    with the indicators' makes the total's (10 + 90 = 100)."""
    for other in _same_form(t, typed) + _fund_table_before(t, typed):
        if other.type == "budget_execution" and other.records:
            row = ExecutionRow.of(other, other.records[0])
            if row.score is not None:
                return row.score, row.cells["score"].text
            rate, _ = row.rate_basis()
            if rate is not None and row.weight is not None:
                computed = min(row.weight * rate / 100, row.weight)
                return computed, f"{fmt(computed)}（未填，按分值×执行率计）"
    # the form's fund rows printed apart elsewhere (a sheet of their own): the document's one
    # execution score, when all its fund tables agree on it
    scored = {ExecutionRow.of(o, o.records[0]).score: o for o in typed
              if o.type == "budget_execution" and o.records and ExecutionRow.of(o, o.records[0]).score is not None}
    if len(scored) == 1:
        (score, other), = scored.items()
        return score, ExecutionRow.of(other, other.records[0]).cells["score"].text
    return None, ""


def _same_form(t: TypedTable, typed: list[TypedTable]) -> list[TypedTable]:
    """The typed parts of the table the score table is read in, its own form's first: forms
    printed back to back on one sheet read as one table (项目支出绩效自评表 … 总分, then the next
    form's title), so its fund rows are the last before its head row, not the sheet's first."""
    own = [o for o in typed if o.table is t.table]
    before = [o for o in own if o.header_row < t.header_row]
    nearest = max(before, key=lambda o: o.header_row, default=None)
    return ([nearest] if nearest is not None else []) + [o for o in own if o is not nearest]


def _fund_table_before(t: TypedTable, typed: list[TypedTable]) -> list[TypedTable]:
    before = [o for o in typed if o.table.index < t.table.index]
    last = max(before, key=lambda o: o.table.index, default=None)
    if last is None or last.type != "budget_execution" or not last.records:
        return []
    weight, total = ExecutionRow.of(last, last.records[0]).weight, t.totals.get("weight")
    weights = [r.weight for r in _indicators(t)]
    if weight is None or total is None or any(w is None for w in weights):
        return []
    try:
        declared = points(total)
    except ArithmeticError:
        return []
    return [last] if weight + sum(weights, Decimal(0)) == declared else []


def _unlisted_points(t: TypedTable, rows: list[IndicatorRow]) -> Decimal | None:
    """The points the total row's 分值 holds beyond the indicators' own (100 − 90 = 10): the
    execution row's, printed elsewhere or not read."""
    total = t.totals.get("weight")
    weights = [r.weight for r in rows]
    if total is None or not weights or any(w is None for w in weights):
        return None
    try:
        gap = points(total) - sum(weights, Decimal(0))
    except ArithmeticError:
        return None
    return gap if gap > 0 else None


def _unprinted_execution(t: TypedTable, rows: list[IndicatorRow], typed: list[TypedTable]):
    """The execution score where the form prints none but its 总分 holds points beyond the
    indicators': those points × the execution rate the document's fund table states (capped at
    100%), when all its fund tables agree on one rate."""
    gap = _unlisted_points(t, rows)
    if gap is None:
        return None, ""
    rates = {rate for o in typed if o.type == "budget_execution" and o.records
             for rate in [ExecutionRow.of(o, o.records[0]).rate_basis()[0]] if rate is not None}
    if len(rates) != 1:
        return None, ""
    rate = min(rates.pop(), Decimal(100))
    computed = gap * rate / 100
    return computed, f"{fmt(computed)}（未列出，按分值 {fmt(gap)} × 执行率 {fmt(rate)}% 计）"


def _within_unlisted_points(t: TypedTable, rows: list[IndicatorRow], stated: Decimal, indicators: Decimal) -> bool:
    gap = _unlisted_points(t, rows)
    return gap is not None and indicators <= stated <= indicators + gap


def _weights_of_indicators(t: TypedTable, rows: list[IndicatorRow]) -> bool:
    """The total row's 分值 is the sum of the indicators' own 分值: its score is theirs alone."""
    total = t.totals.get("weight")
    weights = [r.weight for r in rows]
    if total is None or not weights or any(w is None for w in weights):
        return False
    try:
        return points(total) == sum(weights, Decimal(0))
    except ArithmeticError:
        return False


def _check_subtotals(doc, rule, typed):
    for t in _score_tables(typed):
        yield from _subtotals_of(t)
        yield from _total_weight_exceeded(t, typed, rule.params["bonus_words"])


def _categories_out(rows: list[IndicatorRow]) -> list[IndicatorRow]:
    """The rows without the first of a category where it names the category only and weighs
    exactly the category's other rows (产出指标 50 | 数量指标 30 | 质量指标 20): the category's points
    are its indicators'."""
    groups: dict[str, list[IndicatorRow]] = {}
    for r in rows:
        groups.setdefault(r.record.level1, []).append(r)
    heads = {id(group[0]) for group in groups.values() if len(group) > 1 and group[0].weight is not None
             and compact(group[0].indicator) == compact(group[0].record.level1)  # (names its category only)
             and all(o.weight is not None for o in group[1:])
             and group[0].weight == sum((o.weight for o in group[1:]), Decimal(0))}
    return [r for r in rows if id(r) not in heads]


def _total_weight_exceeded(t: TypedTable, typed: list[TypedTable], bonus_words: list[str]):
    """The total row's 分值 against the rows' own: points outside the rows (an execution row
    printed elsewhere) may make the total larger, never smaller; rows weighing more than the
    total (20 + 20 + 35 + 30 under 合计 100) cannot all hold. Larger only so far as something
    outside the rows may hold the points: not where the document has no execution table and the
    total's score is the rows' scores alone (90 points of rows under 合计 100, 84.80 = Σ得分). A
    table with 小计 rows whose 分值 make the total's: a row off is its 小计's to tell (above)."""
    total = t.totals.get("weight")
    # (a bonus row, 加分项 5, is beyond the full score; a category's row weighing its indicators
    # under it, 产出指标 50 over 30 + 20, is counted in them)
    rows = [r for r in _categories_out(_indicators(t))
            if not any(w in f"{r.record.level1}{r.level2}{r.indicator}" for w in bonus_words)]
    weights = [r.weight for r in rows]
    stated = points(total) if total is not None else None
    if stated is None or not rows or any(w is None for w in weights) or _sums_subtotals(t, stated):
        return
    yield CHECKED
    summed = sum(weights, Decimal(0))
    scored = t.totals.get("score")
    execution_table = any(o.type == "budget_execution" for o in typed)
    # the form's own execution row, beside the indicators in the same table (年度资金总额 | … | 分值 10):
    # the points outside the indicator rows are its, and no more
    own = [r for r in _execution_rows(typed) if r.typed.table is t.table and r.weight is not None]
    beside = own[0].weight if len(own) == 1 and summed < stated else None
    alone = not execution_table and scored is not None and all(r.score is not None for r in rows) \
        and _close(number(scored), sum((r.score for r in rows), Decimal(0)), scored.text)
    if summed == stated or (beside is not None and summed + beside == stated) \
            or (summed < stated and not alone and beside is None):
        return
    terms = [r.cells["weight"].text for r in rows] + ([f"{beside}（{own[0].label}）"] if beside is not None else [])
    summed += beside or 0
    places = max(Quantity(w).places for w in weights)  # (as printed: 20 → 0, 19.5 → 1)
    shown = fmt(summed, places)
    yield Hit(quote=_row_quote(total, t.table), location=total.loc, stated=total.text, expected=shown,
              formula="Σ分值 = " + " + ".join(terms) + f" = {shown}，"
                      + (f"超过合计行的分值 {total.text}" if summed > stated else
                         f"少于合计行的分值 {total.text}，而表外没有其他计分项" if beside is not None else
                         f"少于合计行的分值 {total.text}，而合计行的得分正是各行得分之和：表外没有得分的指标"),
              fields={"table": _table_name(t), "section": "合计", "score": "分值", "total": total.text,
                      "diff": fmt(stated - summed, places)},
              cls="weight_mismatch", highlights=[r.cells["weight"].loc for r in rows if "weight" in r.cells])


def _sums_subtotals(t: TypedTable, stated: Decimal) -> bool:
    """The total row's 分值 is the sum of the 小计 rows' (every one printed)."""
    if not t.subtotals:
        return False
    weights = [points(cell_at(cells, t.columns.get("weight"))) for _, cells in t.subtotals]
    return None not in weights and sum(weights, Decimal(0)) == stated


def _subtotal_groups(t: TypedTable) -> list[tuple[list[Cell], str, list]]:
    """Each 小计 row (its cells, its label) with the indicator rows it sums: a category's 小计,
    that category's rows since the last 小计, or (heading them) below it; a bare 小计, the rows
    since the last."""
    start, groups = t.header_row, []
    indicators = _indicators(t)
    for row, cells in t.subtotals:
        label = next((c.text.strip() for c in cells if c.text.strip()), "小计")
        category = category_key(compact(label).replace("小计", "")) if compact(label).replace("小计", "") else ""
        since = [r for r in indicators if start < r.record.row < row]
        if category:
            # (its category's rows since the last 小计, however each writes it; none: it heads them)
            rows = [r for r in since if category_key(r.record.level1) == category] or \
                [r for r in indicators if r.record.row > row and category_key(r.record.level1) == category]
        else:
            rows = since
        groups.append((cells, label, rows))
        start = row
    return groups


def _subtotals_of(t: TypedTable):
    """Each category's 小计 row against the scores (and 分值) of that category's indicators."""
    for cells, label, rows in _subtotal_groups(t):
        # a bare 小计 sums the rows since the last subtotal, or only the run of its last row's
        # category (a 预算执行率 row of its own before the 产出指标 rows and their 小计)
        last = compact(rows[-1].record.level1) if rows and not compact(label).replace("小计", "") else ""
        run = rows
        if last:
            k = len(rows)
            while k and compact(rows[k - 1].record.level1) == last:
                k -= 1
            run = rows[k:]
        for field_name, values in (("score", [r.score for r in rows]), ("weight", [r.weight for r in rows])):
            cell = cell_at(cells, t.columns.get(field_name))
            stated = number(cell) if cell is not None else None
            if stated is None or not rows or any(v is None for v in values):
                continue
            yield CHECKED
            expected = sum(values, Decimal(0))
            if _close(stated, expected, cell.text):
                continue
            narrow = [getattr(r, field_name) for r in run]
            if run is not rows and _close(stated, sum(narrow, Decimal(0)), cell.text):
                continue
            terms = " + ".join(fmt(v) for v in values)
            what = "得分" if field_name == "score" else "分值"
            yield Hit(quote=_row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=fmt(expected),
                      formula=f"{label}：Σ{what} = {terms} = {fmt(expected)}",
                      fields={"table": _table_name(t), "section": label, "score": what, "total": cell.text,
                              "diff": fmt(stated - expected)},
                      highlights=[r.cells[field_name].loc for r in rows if field_name in r.cells])


def _check_total(doc, rule, typed):
    for t in _score_tables(typed):
        if t.categories_only:
            continue  # (the categories' scores and their 合计 are summed as a table's column: SUM005)
        total = t.totals.get("score")
        if total is None:
            yield NotAssessable(f"表{t.table.index}没有可读的总分")
            continue
        stated = number(total)
        rows = _categories_out(_indicators(t))
        scored = [r for r in rows if r.score is not None]
        indicators = sum((r.score for r in scored), Decimal(0))
        execution, execution_text = _execution_score_for(t, typed)
        if execution is None:
            execution, execution_text = _unprinted_execution(t, rows, typed)
        candidates = [indicators] + ([indicators + execution] if execution is not None else [])
        if any(_close(stated, c, total.text) for c in candidates):
            continue
        if _close_to_subtotals(t, stated, total.text):
            continue  # (the 合计 of the printed 小计 rows: a 小计 off its items is SCO016's to tell)
        if execution is None and _within_unlisted_points(t, rows, stated, indicators):
            continue  # points outside the indicators' rows (10 of 100) with nothing to compute them by
        if execution is not None and _weights_of_indicators(t, rows):
            execution = None  # the 总分 row's 分值 is the indicators' alone (90): the execution row stands apart
        expected = indicators if execution is None else indicators + execution
        terms = " + ".join(r.cells["score"].text for r in scored)
        if execution is not None:
            terms = f"{execution_text}（预算执行） + {terms}"
        tail = _rounding_tail(total.text, scored, execution, execution_text)
        if tail:
            # scores worked out unrounded and printed rounded (9.1077 → 9.11, 16.6667 → 16.67): the
            # printed parts' intervals meet the total's, a rounding note, not a wrong total
            yield Hit(quote=_row_quote(total, t.table), location=total.loc, stated=total.text, expected=fmt(expected),
                      formula=f"Σ得分 = {terms} = {fmt(expected)}；{tail}", cls="rounding", severity="info",
                      fields={"table": _table_name(t), "total": total.text, "diff": fmt(stated - expected)},
                      highlights=[total.loc])
            continue
        gap = _unlisted_points(t, rows) if execution is None else None
        if gap is not None and stated > indicators + gap:
            # above what the indicators and the points outside them can make at most
            expected = indicators + gap
            terms = f"{terms} + 至多 {fmt(gap)}（总分分值中指标以外的部分）"
        missing = [r.indicator for r in rows if r.score is None]
        note = f"；未填得分的指标：{'、'.join(missing)}" if missing else ""
        yield Hit(
            quote=_row_quote(total, t.table), location=total.loc,
            stated=total.text, expected=fmt(expected),
            formula=f"Σ得分 = {terms} = {fmt(expected)}{note}",
            fields={"table": _table_name(t), "total": total.text, "diff": fmt(stated - expected)},
            highlights=[total.loc] + [r.cells["indicator"].loc for r in rows if r.score is None])


def _rounding_tail(total_text: str, scored: list, execution: Decimal | None, execution_text: str) -> str:
    """Why the total differs from its printed scores by rounding only ("" when it does not): the
    intervals the printed figures stand for meet (a computed execution score counts as exact)."""
    total = parse_quantity(total_text)
    parts = [parse_quantity(r.cells["score"].text) for r in scored]
    if execution is not None:
        printed = parse_quantity(execution_text)
        parts.append(printed if printed is not None and printed.value == execution else Quantity(execution))
    if total is None or not parts or None in parts:
        return ""
    # only a score printed with decimals was rounded (9.11 for 9.1077); one printed as whole points
    # is exact (full marks 10, 20): a total off by more than the rounded ones' half units is wrong
    rounded = [q for q in (total, *parts) if q.places]
    slack = sum((half_unit(q.places) for q in rounded), Decimal(0))
    gap = abs(total.value - sum((p.value for p in parts), Decimal(0)))
    if not rounded or not gap or gap > slack:
        return ""
    shown = max(q.places for q in rounded)
    return f"按各数的印刷精度，只有带小数的得分是四舍五入的（{len(rounded)} 个，每个至多差半个末位单位），合计至多差 {fmt(slack, shown + 1)}，相差 {fmt(gap, shown)} 在此范围内"


def _close_to_subtotals(t: TypedTable, stated: Decimal, printed: str) -> bool:
    """The stated total is the sum of the table's 小计 rows' scores, all of them printed, and
    they cover every indicator row (a 小计 for some categories only sums those)."""
    groups = _subtotal_groups(t)
    covered = {r.record.row for _, _, rows in groups for r in rows}
    if not groups or any(r.record.row not in covered for r in _indicators(t)):
        return False
    values = [number(c) if c is not None else None for c in (cell_at(cells, t.columns.get("score")) for cells, _, _ in groups)]
    return None not in values and _close(stated, sum(values, Decimal(0)), printed)


def _sections(t: TypedTable) -> dict[str, list[ScoreRecord]]:
    sections: dict[str, list[ScoreRecord]] = {}
    for r in t.records:
        sections.setdefault(r.level1, []).append(r)
    return sections


def _check_weights(doc, rule, typed):
    for t in typed:
        if t.type != "performance_scores" or "weight" not in t.columns:
            continue
        yield from _category_weight_columns(t)
        for label, rows in _sections(t).items():
            m = WEIGHT_IN_LABEL_RE.search(label)
            if not m or not any(r.weight is not None for r in rows):
                continue
            declared = Decimal(m.group(1))
            total = sum((r.weight or Decimal(0) for r in rows), Decimal(0))
            if total == declared:
                continue
            cell = rows[0].cells.get("level1") or rows[0].cells["indicator"]
            label_cell = next((r.cells["level1"] for r in rows
                               if "level1" in r.cells and compact(r.cells["level1"].text) == compact(label)),
                              cell)
            yield Hit(
                quote=label_cell.text if label_cell.text else label, location=label_cell.loc,
                stated=f"{label}", expected=f"分值合计 {fmt(total, 0 if total == total.to_integral() else 2)}",
                formula="Σ分值 = " + " + ".join(r.cells["weight"].text for r in rows if r.weight is not None)
                        + f" = {total}",
                fields={"table": _table_name(t), "section": label,
                        "weight": m.group(1), "total": str(total)},
                highlights=[r.cells["weight"].loc for r in rows if "weight" in r.cells])


# the weight column of each category level and the labels its categories are known by
CATEGORY_WEIGHTS = (("level1_weight", ("level1",)), ("level2_weight", ("level1", "level2")))
# the categories' weights and their indicators' ought to add up alike (100 each); one sum twice the
# other or more means weights of another kind (each level's shares of its parent: 二级 50% of 一级)
RELATIVE_WEIGHTS = 2


def _category_weight_columns(t: TypedTable):
    """A category's weight in a column of its own (一级指标 | 权重 | 二级指标 | 权重 | 三级指标 |
    权重, merged over its rows) against the sum of its indicators' weights: the figure on the
    category's first row, beside its label."""
    for role, keys in CATEGORY_WEIGHTS:
        if role not in t.columns:
            continue
        groups: dict[tuple, list[ScoreRecord]] = {}
        for r in t.records:
            groups.setdefault(tuple(category_key(getattr(r, k)) for k in keys), []).append(r)
        declared = {key: _category_weight(rows, role, keys[-1]) for key, rows in groups.items()}
        if None in declared.values() or any(r.weight is None for r in t.records):
            continue  # (a category without its weight, an indicator without its own: no sums to hold)
        summed = {key: sum((r.weight for r in rows), Decimal(0)) for key, rows in groups.items()}
        stated, leaves = sum(points(c) for c in declared.values()), sum(summed.values())
        if not stated or not leaves or max(stated, leaves) >= RELATIVE_WEIGHTS * min(stated, leaves):
            continue
        for key, cell in declared.items():
            if points(cell) != summed[key]:
                yield _category_weight_hit(t, groups[key], cell, keys[-1], summed[key])


def _category_weight(rows: list[ScoreRecord], role: str, label_role: str) -> Cell | None:
    """The category's weight cell: on its first row, beside its own label (not carried down)."""
    first = rows[0].cells
    cell, label = first.get(role), first.get(label_role)
    if cell is None or label is None or not compact(label.text) or points(cell) is None:
        return None
    return cell


def _category_weight_hit(t: TypedTable, rows: list[ScoreRecord], cell: Cell, label_role: str, total: Decimal) -> Hit:
    label = rows[0].cells[label_role].text.strip()
    weight = points(cell)
    places = max(Quantity(w).places for w in [weight, *(r.weight for r in rows)])
    return Hit(quote=_row_quote(cell, t.table), location=cell.loc,
               stated=f"{label} {cell.text.strip()}", expected=f"分值合计 {fmt(total, places)}",
               formula="Σ分值 = " + " + ".join(r.cells["weight"].text.strip() for r in rows) + f" = {fmt(total, places)}",
               fields={"table": _table_name(t), "section": label, "weight": fmt(weight, places),
                       "total": fmt(total, places)},
               highlights=[cell.loc] + [r.cells["weight"].loc for r in rows])


def _check_summary(doc, rule, typed):
    """A summary's category rows against the sums of their rows in the detail table."""
    for pair in summary_pairs(doc):
        shares = _weights_as_shares(pair)
        for row in pair.rows:
            for name in ("score", "weight"):
                if name == "weight" and shares:
                    continue
                found = _summary_figure(pair, row, name, typed)
                if found is None:
                    continue
                yield CHECKED
                if found is not CHECKED:
                    yield found


def _weights_as_shares(pair: SummaryPair) -> bool:
    """The summary's weights and the detail's add up alike (100 each) unless one set is of another
    kind (each level's shares of its parent): their sums RELATIVE_WEIGHTS apart or more."""
    stated = [points(r.record.cells.get("weight")) for r in pair.rows]
    parts = [p.weight for r in pair.rows for p in r.parts]
    if None in stated or None in parts:
        return False
    high, low = max(sum(stated), sum(parts)), min(sum(stated), sum(parts))
    return not low or high >= RELATIVE_WEIGHTS * low


def _summary_figure(pair: SummaryPair, row: SummaryRow, name: str, typed: list[TypedTable]):
    """The hit of one figure of a summary row off its parts' sum, CHECKED where it agrees, None
    where either is missing. Interval arithmetic at printed precision: the stated figure stands
    for its interval (a whole number among scores printed with decimals is exact at theirs) and
    so does each part printed with decimals (4.17 for 4.1667); a whole-number part is exact."""
    cell = row.record.cells.get(name)
    stated = (points if name == "weight" else number)(cell)
    values = [getattr(p, name) for p in row.parts]
    if stated is None or not values or None in values:
        return None
    summed = sum(values, Decimal(0))
    printed = [quantity(p.cells.get(name)) for p in row.parts]
    own = parse_quantity(cell.text.strip().rstrip("%％")) if cell.text.strip() else None
    places = own.places if own is not None and own.places else (
        _score_places(pair.summary.table, typed) if name == "score" else 0)
    slack = (half_unit(places) if name == "score" or places else Decimal(0)) \
        + sum((q.half_ulp for q in printed if q is not None and q.places), Decimal(0))
    if abs(stated - summed) <= slack:
        return CHECKED
    shown_places = max([places] + [q.places for q in printed if q is not None])
    shown = fmt(summed, shown_places)
    what = "得分" if name == "score" else "分值"
    basis = _table_name(next((t for t in pair.details if any(r is row.parts[0] for r in t.records)), pair.details[0]))
    return Hit(quote=_row_quote(cell, pair.summary.table), location=cell.loc, stated=cell.text.strip(), expected=shown,
               formula=f"{basis}「{row.parts[0].level1}」各指标{what}："
                       + " + ".join(p.cells[name].text.strip() for p in row.parts) + f" = {shown}",
               fields={"table": _table_name(pair.summary), "section": row.label, "score": what,
                       "total": cell.text.strip(), "sum": shown, "basis": basis, "diff": fmt(stated - summed, shown_places)},
               cls="score_mismatch" if name == "score" else "weight_mismatch",
               highlights=[p.cells[name].loc for p in row.parts if name in p.cells])


def _check_score_cap(doc, rule, typed):
    forms = set()
    for t in _score_tables(typed):
        forms.add(t.table.index)
        for r in _indicators(t):
            if r.score is None or r.weight is None:
                continue
            yield CHECKED
            if r.score <= r.weight:
                continue
            cell, weight_cell = r.cells["score"], r.cells["weight"]
            yield Hit(quote=_row_quote(cell, t.table), location=cell.loc,
                      stated=f"得分 {cell.text}", expected=f"不超过分值 {weight_cell.text}",
                      formula=f"得分 {cell.text} > 分值 {weight_cell.text}",
                      fields={"indicator": r.indicator, "score": cell.text, "weight": weight_cell.text,
                              "table": _table_name(t)},
                      highlights=[cell.loc, weight_cell.loc])


    yield from _plain_score_caps(doc, rule, forms)


def _plain_score_caps(doc, rule, forms: set[int]):
    """Tables of points that are no indicator form (一级指标 | 分值 | 得分): a row's score above its
    weight, the columns found by their heads (score_cap_heads)."""
    heads = rule.params["score_cap_heads"]
    weights, scores = tuple(heads.get("weight") or ()), tuple(heads.get("score") or ())
    for table in doc.tables:
        if table.index in forms or not weights or not scores:
            continue
        start = table.text_start(HEAD_CHARS)
        if not any(w in start for w in weights) or not any(w in start for w in scores):
            continue  # (most tables: no heads of points)
        grid = table.grid()
        for h, row in enumerate(grid[:HEAD_ROWS]):
            texts = [compact(c) for c in row]
            w = [c for c, x in enumerate(texts) if x in weights]
            g = [c for c, x in enumerate(texts) if x in scores]
            if len(w) != 1 or len(g) != 1:
                continue
            # a bonus row (加分项 | — | 3.00: a score with no weight, or named so) lifts the total's
            # score above the sum of the weights by right: the total row is not held to its weight
            bonus = any(grid_cell(grid, r, g[0]).strip() and not parse_quantity(grid_cell(grid, r, w[0]))
                        or any(b in "".join(grid[r]) for b in rule.params["bonus_words"]) for r in range(h + 1, len(grid)))
            for r in range(h + 1, len(grid)):
                if bonus and compact(next((x for x in grid[r] if x.strip()), "")) in rule.params["total_labels"]:
                    continue
                weight, score = (parse_quantity(grid_cell(grid, r, c)) for c in (w[0], g[0]))
                if weight is None or score is None:
                    continue
                yield CHECKED
                if score.value <= weight.value:
                    continue
                cell, weight_cell = table.rows[r][g[0]], table.rows[r][w[0]]
                label = next((x.strip() for x in grid[r] if x.strip()), "")
                yield Hit(quote=table.row_text(r).strip("\t "), location=cell.loc,
                          stated=f"得分 {cell.text}", expected=f"不超过分值 {weight_cell.text}",
                          formula=f"得分 {cell.text} > 分值 {weight_cell.text}",
                          fields={"indicator": label, "score": cell.text, "weight": weight_cell.text,
                                  "table": table.title or f"表{table.index}"},
                          highlights=[cell.loc, weight_cell.loc])
            break


HEAD_ROWS = 3  # rows a table's heads stand in
HEAD_CHARS = 400  # characters of a table's first rows those heads stand in


def _inferred_weight(row: IndicatorRow, rows: list[IndicatorRow]) -> Decimal | None:
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


def _targets(rows: list[IndicatorRow]):
    for r in rows:
        target = _target(r.target_text)
        actual = _target(r.actual_text)
        if (target is None or actual is None) and r.score is not None:
            # (a deadline and the date it was done by: 12月底前完成 | 次年3月完成)
            target, actual = parse_deadline_pair(r.target_text, r.actual_text) or (None, None)
        if target is None or actual is None or r.score is None:
            continue
        if actual.comparator not in ("", "=") or actual.unit not in (target.unit, ""):
            continue
        if target.unit == "%" and actual.unit == "" and 0 < actual.value <= 1 < target.value \
                and target.comparator in (">", "≥"):
            # a rate written as a fraction (0.93 against ≥95%): the same rate in per cent; not
            # against a ceiling, where 0.8 may be 0.8% (故障率 ≤5%) as well as 80%
            actual = replace(actual, value=actual.value * 100, unit="%")
        yield r, target, actual


def _target(text: str) -> Target | None:
    """parse_target, kept for short texts: four rules read every row's target and actual, and a
    Target is immutable."""
    return remember_short(_TARGETS.setdefault(vocabulary_generation(), {}), text, parse_target)


# vocabulary generation -> target or actual text -> its Target or None (the lead words and unit
# spellings a target is read with are vocabulary)
_TARGETS: dict = {}


def ceilings(rule) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words naming an indicator and the units of a bare target that may be a ceiling."""
    return tuple(rule.params["ceiling_cues"]), tuple(rule.params["ceiling_units"])


def _upward(row: IndicatorRow, target: Target, ceiling: tuple[tuple[str, ...], tuple[str, ...]]) -> bool | None:
    """True for a floor (≥ >, or a bare planned quantity), False for a ceiling (≤ <, or a bare 0), None
    when the direction cannot be told (=, or a bare target of a possibly-ceiling indicator:
    named so, 投诉, 成本, or counted so, 30分钟, 0.9‰)."""
    if target.comparator in (">", "≥"):
        return True
    if target.comparator in ("<", "≤"):
        return False
    if target.comparator == "":
        if target.value == 0:
            return False  # a bare 0次 (安全生产事故 0次): at most none; at least none says nothing
        return None if _may_be_ceiling(row, target, ceiling) else True
    return None


FULL_RATE = Decimal(100)


def _may_be_ceiling(row: IndicatorRow, target: Target, ceiling) -> bool:
    name, (cues, units) = compact(row.indicator + row.level2), ceiling
    return any(compact(c) in name for c in cues) or target.unit in units


def _reached(rows: list[IndicatorRow], ceiling):
    """(row, target, actual, upward, reached) for each quantitative target whose direction is
    known, and each printed alike with its actual (0起 | 0起, met whichever way it points: upward
    True there): reached True when the whole interval the actual was printed for lies on the target's
    side (126项 reaches ≥100项), False when it lies on the wrong side (97% misses ≥98%), None when
    the printed precision cannot tell (98% against ≥98.2%)."""
    for r, target, actual in _targets(rows):
        upward = _upward(r, target, ceiling)
        if actual.value == target.value and target.comparator in ("≥", "≤", "", "="):
            # printed alike: ≥12台 met by 12台; a bare 0起 by 0起 whichever way it points
            yield r, target, actual, True if upward is None else upward, True
            continue
        if upward is None and target.comparator == "=" and target.unit == "%" and target.value == FULL_RATE \
                and not _may_be_ceiling(r, target, ceiling):
            # =100% (the template's way of writing a rate to reach in full: 验收合格率 =100%): an
            # actual certainly below falls short. Another level written so (=2% of a 故障率) may be
            # a ceiling: not judged
            if Quantity(actual.value).interval()[1] <= target.value:
                yield r, target, actual, True, False
            continue
        if upward is None:
            continue
        low, high = Quantity(actual.value).interval()
        if (upward and high <= target.value) or (not upward and low > target.value):
            yield r, target, actual, upward, False
        elif (upward and low >= target.value) or (not upward and high <= target.value):
            yield r, target, actual, upward, True


def _missed(rows: list[IndicatorRow], ceiling):
    """Targets the actual value certainly misses."""
    for r, target, actual, upward, reached in _reached(rows, ceiling):
        if reached is False:
            yield MissedTarget(r, target, actual, upward)


class Step(NamedTuple):
    """A step rule a report states: so many `points` off per `step` (每低1个百分点扣0.2分); `kind`
    "rate" / "quantity" (the kind of indicator named before it), "unit" (a step in the indicator's
    own `unit`, 每超出1件扣1分) or "" (any); `names`, words of the indicators it is for; `way`, the
    side of the target it counts (a unit step's: "over" a ceiling, "under" a floor, "" either);
    `scope`, the words naming the indicator a unit step written in the prose is for."""

    step: Decimal
    points: Decimal
    words: str
    kind: str
    names: list
    unit: str = ""
    way: str = ""
    scope: str = ""


def _stated_steps(text: str, rule, row: bool = False) -> list[Step]:
    """Each step rule the report states (每低1个百分点扣0.2分); the indicators a rule is for are read
    in the words of its clause before it: a kind (百分比类 → "rate", 数量类 → "quantity") or words of
    their names. A row's own (`row`) are its own, whatever they name."""
    if not rule.params["step_statement"]:
        return []
    steps = []
    for m in re.finditer(rule.params["step_statement"], text):
        if not Decimal(m.group("step")):
            continue
        before = text[_clause_start(text, m.start()):m.start()]
        # the clause the step is in, or the one before it when it opens a clause of its own
        # (执行率达到95%以上的得满分，每低1个百分点扣0.5分: the execution rate's step)
        # (across a ；: 预算执行率达到95%以上的得满分；低于95%的，每降低…)
        sentence = text[text.rfind("。", 0, m.start()) + 1:m.start()]
        clause = _subject_clause([c for c in re.split(r"[，,；;]", sentence) if c.strip()])
        if any(w in clause for w in rule.params["execution_scope_words"]):
            continue  # the rule of the budget execution score (执行率每下降1个百分点扣0.5分), no indicator's
        kind = "rate" if any(w in before for w in rule.params["rate_scope_words"]) else \
            "quantity" if any(w in before for w in rule.params["quantity_scope_words"]) else ""
        # points off as a share of the indicator's own points (扣该指标分值的10%): kept as a negative
        # fraction, turned into points against each indicator's weight
        points = Decimal(m.group("points")) if m.group("points") else -Decimal(m.group("share")) / 100
        steps.append(Step(Decimal(m.group("step")), points, m.group(0), kind,
                          [w for w in rule.params["scope_words"] if w in before]))
    for m in _unit_step_pattern(rule).finditer(text) if rule.params["unit_step_statement"] else ():
        step = _count_word(m.group("step"))  # (每少五人)
        if not step:
            continue
        way = "over" if m.group("over") or m.group("over_lead") else "under" if m.group("under") or m.group("under_lead") else ""
        # (培训人数每少5人扣1分: the words before it in its clause name the indicator it is for)
        scope = "" if row else re.split(r"[，,：:、]", text[_clause_start(text, m.start()):m.start()])[-1].strip()
        steps.append(Step(Decimal(step), Decimal(m.group("points")), m.group(0), "unit", [], m.group("unit"), way, scope))
    return steps


def _subject_clause(clauses: list[str]) -> str:
    """The last clause naming what a step rule is for, past the conditions alone after it
    (预算执行率达到98%以上的得满分，低于98%的，每降低1个百分点…: the execution rate's, not 低于98%的)."""
    for clause in reversed(clauses):
        if not BARE_CONDITION_RE.fullmatch(CONDITION_FILLER_RE.sub("", clause)):
            return clause
    return clauses[-1] if clauses else ""


CONDITION_FILLER_RE = re.compile(r"[\d.%％（）()含\s]")
# a clause of a condition alone, its figures aside (低于的, 未达到的, 不足时): it names nothing
BARE_CONDITION_RE = re.compile(r"(?:低于|高于|小于|大于|超过|不足|未达到|未达|达不到|未完成|不满)?(?:以上|以下)?(?:的|时)?")


def _unit_step_pattern(rule) -> re.Pattern:
    return _unit_step_regex(rule.params["unit_step_statement"], tuple(rule.params["step_unit_aliases"]),
                            vocabulary_generation())


@lru_cache(maxsize=8)
def _unit_step_regex(pattern: str, aliases: tuple, _generation) -> re.Pattern:
    """unit_step_statement with {units} the vocabulary's units of counts and durations (text_units
    but money and percentages) and the step aliases' (日), longest first: compiled once per
    vocabulary in use."""
    units = {u for u in concepts().get("text_units") or () if u not in MONEY_UNITS and u not in ("%", "‰")} | set(aliases)
    return re.compile(pattern.replace("{units}", "|".join(map(re.escape, sorted(units, key=lambda u: (-len(u), u))))))


def _step_for(steps: list[Step], miss: MissedTarget, proportional: bool, rule) -> Step | None:
    """The first of the report's step rules that is for this indicator, if any."""
    rate = miss.target.unit in ("%", "‰")
    for step in steps:
        if step.kind == "unit":  # (每超出1件扣1分: an indicator counted in 件, on the side it counts)
            if _unit_step_fits(step, miss, rule):
                return step
            continue
        if step.kind:  # 满意度、覆盖率等百分比类指标: the kind named, its examples aside
            if (step.kind == "rate") == rate:
                return step
        elif step.names:
            r = miss.row
            if any(w in f"{r.record.level1}{r.level2}{r.indicator}" for w in step.names):
                return step
        elif rate or not proportional:
            return step
    return None


def _same_unit(step: Step, miss: MissedTarget, rule) -> bool:
    units = {step.unit, *rule.params["step_unit_aliases"].get(step.unit, ())}
    return miss.target.unit in units or miss.actual.unit in units


def _unit_step_fits(step: Step, miss: MissedTarget, rule) -> bool:
    if not _same_unit(step, miss, rule):
        return False
    if (step.way == "over" and miss.upward) or (step.way == "under" and not miss.upward):
        return False  # (每超出1件 counts past a ceiling, 每少5人 short of a floor)
    if not step.scope:
        return True
    r = miss.row
    own = [compact(n) for n in (r.indicator, r.level2, r.record.level1) if n]
    if any(step.scope in n or n in step.scope for n in own):
        return True  # (培训人数每少5人扣1分 for 培训人数; 数量指标每少5人… for a 数量指标 row)
    # (a scope of general words only, 对未完成目标的指标每少5人…, is every row's in that unit; one
    # naming an indicator or a category, 受益人数指标…, 效益指标…, that one's only)
    rest = step.scope
    for w in sorted(rule.params["general_scope_words"], key=len, reverse=True):
        rest = rest.replace(w, "")
    return not rest


def _shortfall(miss: MissedTarget, step=None) -> Decimal:
    """The points below the floor: a rate's own (90% − 87.5%), a quantity's completion rate's
    (163 of 180: 100 − 90.56); for a step in the indicator's unit, the distance in that unit."""
    if step is not None and step.kind == "unit":
        return abs(miss.actual.value - miss.target.value)
    if miss.target.unit in ("%", "‰"):
        return miss.target.value - miss.actual.value
    return (1 - miss.actual.value / miss.target.value) * 100


def _partial_formula(miss: MissedTarget, weight: Decimal, expected: Decimal, step) -> str:
    if step is not None:
        gap = (f"|{miss.actual.value} − {miss.target.value}|" if step.kind == "unit"
               else f"{miss.target.value} − {miss.actual.value}" if miss.target.unit in ("%", "‰")
               else f"100 − {miss.actual.value}/{miss.target.value}×100")
        points = fmt(step.points if step.points >= 0 else -step.points * weight)
        return (f"文中计分规则「{step.words}」：得分 = 权重 − 差距 ÷ {step.step} × {points}"
                f" = {weight} − ({gap}) ÷ {step.step} × {points} = {fmt(expected)}")
    ratio = (f"{miss.actual.value}/{miss.target.value}" if miss.upward
             else f"{miss.target.value}/{miss.actual.value}")
    return (f"{'正向' if miss.upward else '反向'}指标 得分 = 权重 × {'B/A' if miss.upward else 'A/B'}"
            f" = {weight} × {ratio} = {fmt(expected)}")


def _printed_spread(rule, miss: MissedTarget, weight: Decimal, expected: Decimal, step=None) -> Decimal:
    """How far the score the rule gives may lie from `expected` because the actual value is itself
    printed rounded (96.69% stands for [96.685%, 96.695%]: 8 × it is 7.7348 to 7.7356, so 7.73
    is right though 8 × 96.69% = 7.7352)."""
    from dataclasses import replace

    exponent = miss.actual.value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places == 0 and miss.actual.unit not in ("%", "‰"):
        return Decimal(0)  # a whole number of things (1部, 43次) is an exact count
    half = half_unit(places)
    ends = [_partial_expected(rule, replace(miss, actual=replace(miss.actual, value=miss.actual.value + d)), weight,
                              step) for d in (-half, half)]
    return max((abs(e - expected) for e in ends if e is not None), default=Decimal(0))


def _partial_expected(rule, miss: MissedTarget, weight: Decimal, step=None) -> Decimal | None:
    names = {"weight": weight, "actual": miss.actual.value, "target": miss.target.value}
    if step is not None:
        formula = rule.params["step_formula"]
        points = step.points if step.points >= 0 else -step.points * weight  # (a share of the weight, see _stated_steps)
        names.update(step=step.step, points=points, shortfall=_shortfall(miss, step))
    else:
        formula = rule.params["positive_formula" if miss.upward else "negative_formula"]
    try:
        return max(min(evaluate(formula, names), weight), Decimal(0))
    except FormulaError:
        return None


def _check_strict_target(doc, rule, typed):
    for t in _score_tables(typed):
        rows = _indicators(t)
        for r, target, actual in _targets(rows):
            if target.comparator not in (">", "<") or actual.value != target.value:
                continue
            weight = _inferred_weight(r, rows)
            if r.score <= 0 or (weight is not None and r.score < weight):
                continue
            cell = r.cells["score"]
            yield Hit(
                quote=_row_quote(cell, t.table), location=r.cells["actual"].loc,
                stated=f"目标 {r.target_text}，实际 {r.actual_text}，得分 {cell.text}",
                expected=f"实际值恰好等于界限，未达到严格目标 {r.target_text}，不应按完成给分；"
                         f"若目标本意含界限，应写作 {'≥' if target.comparator == '>' else '≤'}{target.text}",
                formula=f"{r.actual_text} {'>' if target.comparator == '>' else '<'} {target.text} 不成立",
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "table": _table_name(t)},
                highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def _check_missed_target(doc, rule, typed):
    judged = _judged_as_execution(doc, typed)
    negations = (tuple(rule.params["negations"]), tuple(rule.params["negation_qualifiers"]))
    for t in _score_tables(typed):
        rows = _indicators(t)
        places = _score_places(t.table, typed)
        yield from _negated_full(t, rows, negations, places)
        for miss in _missed(rows, ceilings(rule)):
            r = miss.row
            if id(r.cells["score"]) in judged:
                continue  # (scored by the report's execution rule: SCO001, SCO009)
            weight = _inferred_weight(r, rows)
            cell = r.cells["score"]
            # full marks: the score printed at the form's precision reaches the weight
            if weight is None or weight <= 0 or not (r.score >= weight or _close(r.score, weight, cell.text, places)):
                continue
            # (no share of the points for a deadline missed by some months, nor of a ceiling of none, 0次)
            expected = _partial_expected(rule, miss, weight) \
                if miss.target.unit != DEADLINE_UNIT and miss.target.value else None
            relation = "<" if miss.upward else ">"
            ratio = (f"{miss.actual.value}/{miss.target.value}" if miss.upward
                     else f"{miss.target.value}/{miss.actual.value}")
            formula = f"实际完成值 {r.actual_text} {relation} 年度指标值 {r.target_text}，目标未完成"
            if expected is not None:
                formula += (f"；按{'正向' if miss.upward else '反向'}指标计分 分值 × "
                            f"{'实际/目标' if miss.upward else '目标/实际'} = {weight} × {ratio} = {fmt(expected)}")
            if r.weight is None:
                formula += "（分值取同类指标的满分值）"
            yield Hit(
                quote=_row_quote(cell, t.table), location=cell.loc,
                stated=cell.text,
                expected=f"低于满分 {weight}" + (f"（按比例约 {fmt(expected)}）" if expected is not None else ""),
                formula=formula,
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "weight": str(weight), "table": _table_name(t)},
                highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def _negated_full(t: TypedTable, rows: list[IndicatorRow], negations: tuple[tuple[str, ...], tuple[str, ...]], places):
    """A target in words the actual denies (达标 | 未达标, 未全部达标; 按期完成 | 未按期完成), scored in full."""
    words, qualifiers = negations
    for r in rows:
        target, actual = compact(r.target_text), compact(r.actual_text)
        negation = next((n for n in words if actual.startswith(n)), None)
        rest = actual[len(negation):] if negation else ""
        rest = next((rest[len(q):] for q in qualifiers if rest.startswith(q) and rest[len(q):] == target), rest)
        if not target or negation is None or rest != target or _target(r.target_text) is not None:
            continue
        weight, cell = _inferred_weight(r, rows), r.cells["score"]
        if weight is None or weight <= 0 or r.score is None or not (r.score >= weight or _close(r.score, weight, cell.text, places)):
            continue
        yield Hit(quote=_row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=f"低于满分 {weight}",
                  formula=f"实际完成值“{r.actual_text}”否定了年度指标值“{r.target_text}”，目标未完成",
                  fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                          "score": cell.text, "weight": str(weight), "table": _table_name(t)},
                  highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def _check_proportional(doc, rule, typed):
    if rule.params["requires_statement"] and not _states_any(doc, rule.params["requires_statement"]):
        return
    stated = None  # the report's step rule and whether it leaves scores to judgement (read for the first miss)
    judged = _judged_as_execution(doc, typed)
    for t in _score_tables(typed):
        rows = _indicators(t)
        places = _score_places(t.table, typed)
        whole = _whole_points(rows)  # (the form scores its indicators in whole points)
        for miss in _missed(rows, ceilings(rule)):
            r = miss.row
            if id(r.cells["score"]) in judged:
                continue  # (scored by the report's execution rule: SCO001, SCO009)
            if miss.actual.value == 0 or miss.target.value == 0:
                continue
            weight = _inferred_weight(r, rows)
            if weight is None or not (0 < r.score < weight):
                continue
            if stated is None:
                # the report's own rules, in its prose and tables (a 评分说明 row): a rule written
                # in an indicator's row of a score table is that row's (read below), not every one's
                stated = _scoring_rules(rule, _text_outside_indicator_rows(doc, typed))
            cell = r.cells["score"]
            remarks = _remarks(cell, t.table)
            if any(w in remarks for w in rule.params["rounding_cues"]):
                continue  # (每低1个百分点扣0.5分，扣分四舍五入取整: points rounded as the row says)
            if miss.actual.unit == "%" and _rate_times_own(rule, remarks, r.indicator):
                # the row's own rule is its rate times its points (按执行率×10分计分): not of the target
                yield from _rate_times_points(rule, r, miss, weight, cell, t, places)
                continue
            # (…\t得分=预算执行率×10分。; a 评分标准 column left of the score: 每低1个百分点扣1分)
            criteria = r.cells["criteria"].text if "criteria" in r.cells else ""
            own = _scoring_rules(rule, f"{criteria}\t{remarks}" if criteria else remarks, row=True)
            steps, proportional, other_rule = own if any(own) else stated
            proportional = _proportional_for(proportional, r)
            # the report's step rule (only below a floor): a rate's, and a quantity's unless the
            # report states the proportional rule; any other by the proportional formula, unless
            # the report scores by another rule
            stepped = _step_for(steps, miss, proportional, rule)
            if stepped is None and (any(st.kind == "unit" for st in own[0]) or any(
                    st.kind == "unit" and _same_unit(st, miss, rule) for st in steps)):
                # (the row's own step in another unit than its figures', or a step in its unit the
                # prose names another indicator for, 参训人数 beside 培训人数: a rule of the report's
                # the row may be meant by, not ours to apply nor to deny)
                continue
            if (stepped is not None and not miss.upward and stepped.kind != "unit") or (stepped is None and other_rule):
                continue
            if miss.target.unit == DEADLINE_UNIT and (stepped is None or stepped.kind != "unit"):
                continue  # (a deadline missed by a month is late, not 11/12 done: only a step per month scores it)
            expected = _partial_expected(rule, miss, weight, stepped)
            if expected is None or _close(r.score, expected, cell.text, places,
                                          slack=_printed_spread(rule, miss, weight, expected, stepped)):
                continue
            # with no rule of its own stated, the report is held to the common proportional one:
            # a hint (info) saying so, not a claim that it broke its rule (it may deduct by steps)
            # (a unit step for other indicators is no rule of this one's)
            own_rule = stepped is not None or proportional or any(st.kind != "unit" for st in steps)
            if not own_rule and _deduction_told(rule, remarks, weight, r.score):
                continue  # (低于目标0.60个百分点，扣1分 beside 9.00 of 10: the row says how it scored)
            if not own_rule and whole and _rounds_to(r.score, expected, _printed_spread(
                    rule, miss, weight, expected, stepped)):
                # a form scoring its indicators in whole points, stating no rule: 7 of 8 beside the
                # proportional 7.79 is that share rounded either way, a common way to score
                continue
            yield Hit(
                quote=_row_quote(cell, t.table), location=cell.loc,
                stated=cell.text, expected=fmt(expected),
                formula=_partial_formula(miss, weight, expected, stepped)
                + ("" if r.weight is not None else "（权重取同类指标的满分值）"),
                severity=None if own_rule else "info",
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "weight": str(weight), "table": _table_name(t),
                        # (no rule of the report's: what the common rule would give, an estimate)
                        "basis": "按文中计分规则得分应为" if own_rule
                        else "文中未写明未完成指标的计分规则，若按通行的比例计分，得分约为"},
                highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def _whole_points(rows: list[IndicatorRow]) -> bool:
    """Every score of the form's indicators is printed a whole number (8, 7; not 8.00, 7.5)."""
    printed = [parse_quantity(r.cells["score"].text) for r in rows if r.score is not None]
    return bool(printed) and all(q is not None and q.places == 0 for q in printed)


def _rounds_to(score: Decimal, expected: Decimal, spread: Decimal) -> bool:
    """The score is the expected one (± its spread) rounded down or up to a whole point."""
    return (expected - spread).to_integral_value(ROUND_FLOOR) <= score <= (expected + spread).to_integral_value(ROUND_CEILING)


def _deduction_told(rule, remarks: str, weight: Decimal, score: Decimal) -> bool:
    """The row's remarks state the deductions its score is its points less (扣1分 beside 9.00 of
    10; 扣除0.5分，…扣1分，共扣1.5分 beside 8.50): with no rule of the report's own for it, the
    row's account of its score stands."""
    told = [m for m in _finditer(rule.params["told_deduction_pattern"], remarks)
            if not any(w in remarks[max(0, m.start() - 2):m.start()] for w in rule.params["proposed_words"])]
    chosen = _told_deductions(told, remarks, rule.params["deduction_total_words"]) if told else None
    return bool(chosen) and weight - sum((Decimal(m.group("points")) for m in chosen), Decimal(0)) == score


def _rate_times_own(rule, remarks: str, indicator: str) -> bool:
    """The row's remarks score it by a rate its indicator names (预算执行率: 执行率×10分), its own
    actual value; a 完成率 of another indicator's is actual ÷ target, the proportional rule."""
    name = compact(indicator or "")
    return any(f"{m.group('rate') or m.group('rate2')}率" in name
               for m in _finditer(rule.params["rate_times_points"], remarks))


def _rate_times_points(rule, r, miss: MissedTarget, weight: Decimal, cell, t, places):
    """A row scored by its own rate times its points (执行率×10分): points = weight × rate ÷ 100,
    at most the weight, each end of the printed rate's interval allowed."""
    def points(rate: Decimal) -> Decimal:
        return max(min(evaluate(rule.params["rate_times_formula"], {"weight": weight, "actual": rate}), weight),
                   Decimal(0))

    expected = points(miss.actual.value)
    exponent = miss.actual.value.as_tuple().exponent
    half = half_unit(-exponent if isinstance(exponent, int) and exponent < 0 else 0)
    spread = max(abs(points(miss.actual.value + d) - expected) for d in (-half, half))
    if _close(r.score, expected, cell.text, places, slack=spread):
        return
    yield Hit(quote=_row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=fmt(expected),
              formula=f"本行计分规则“率×分值”：得分 = 分值 × 实际值 = {weight} × {miss.actual.value}% = {fmt(expected)}",
              fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                      "score": cell.text, "weight": str(weight), "table": _table_name(t), "basis": "按本行计分规则得分应为"},
              highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def _scoring_rules(rule, text: str, row: bool = False) -> tuple[list[tuple], bool, bool]:
    """(the step rules, whether the proportional rule is stated, whether another rule is) of a
    text: the report's prose, or one row of a score table (`row`: its rules are its own, the
    budget execution row's too)."""
    # (in the prose, a statement in the budget execution row's clause, 执行率98.00%，按比例计分, is
    # that row's rule, no indicator's; a row's own statements are its own)
    found = [m for s in rule.params["proportional_statements"] for m in re.finditer(re.escape(s), text)]
    found += list(_finditer(rule.params["proportional_formula"], text))
    found = [m for m in found if row or not _of_execution(text, m.start(), rule)]
    # the indicators a statement is for, by the words of its clause before it (数量指标…未达到的
    # 按完成比例计分: the 数量指标 only); a statement naming none is for every indicator
    scopes = [[w for w in rule.params["scope_words"] if w in text[_clause_start(text, m.start()):m.start()]]
              for m in found]
    proportional = False if not found else True if row or not all(scopes) else tuple(w for sc in scopes for w in sc)
    return (_stated_steps(text, rule, row), proportional,
            any(s in text for s in rule.params["other_rule_statements"]) and not proportional)


def _proportional_for(proportional, r: IndicatorRow) -> bool:
    """Whether the proportional rule a report states (True: for every indicator; words: for those
    whose names or categories hold one) is this indicator's."""
    if isinstance(proportional, tuple):
        return any(w in f"{r.record.level1}{r.level2}{r.indicator}" for w in proportional)
    return bool(proportional)


def _finditer(pattern: str, text: str):
    return re.finditer(pattern, text) if pattern else ()


def _of_execution(text: str, at: int, rule) -> bool:
    """The clause around `at` names the budget execution score (预算执行率分值10分，得分=预算执行率×10):
    its rule, no indicator's. The clause runs from the last break before `at` to the next after
    it (the formula's own words, 得分=…执行率×…, may name the rate after its start)."""
    clause = text[_clause_start(text, at):_clause_end(text, at)]
    return any(w in clause for w in rule.params["execution_scope_words"])


RULE_BREAKS = "。\n；;"  # what ends a scoring rule's clause


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in RULE_BREAKS) + 1


def _clause_end(text: str, at: int) -> int:
    return min((k for k in (text.find(c, at) for c in RULE_BREAKS) if k >= 0), default=len(text))


def _remarks(score: Cell, table) -> str:
    """The cells of a score's row right of the score (评分依据, 偏差原因, 备注): where a row's own
    scoring rule is written; the indicator's name (地方资金按比例配套率) is none."""
    row = table.rows[score.loc.row - 1] if score.loc.row else []
    return "\t".join(c.text for c in row if c.loc.col and score.loc.col and c.loc.col > score.loc.col)


def _text_outside_indicator_rows(doc, typed) -> str:
    """The document's text without the indicator rows of its score tables (their rules are theirs)."""
    rows = {(id(t.table), r.cells["score"].loc.row) for t in _score_tables(typed) for r in _indicators(t)
            if r.score is not None}
    parts = []
    for block in doc.blocks:
        if not isinstance(block, Table):
            parts.append(block.text)
            continue
        parts.extend(block.row_text(k) for k in range(len(block.rows)) if (id(block), k + 1) not in rows)
    return "\n".join(parts)


def _states_any(doc, statements) -> bool:
    """Whether the document's text holds any of the statements (the text is joined once: a
    document's text is every block's, and every table's row by row)."""
    text = doc.text
    return any(s in text for s in statements)


def _full_marks_scopes(doc, rule) -> list[tuple]:
    """The indicators each statement that met indicators earn full marks is for: the scope words
    of its clause before it (产出指标完成年度指标值的得满分: the 产出指标), none for every one."""
    text = doc.text
    found = [m for w in rule.params["full_marks_statements"] for m in re.finditer(re.escape(w), text)]
    found += list(_finditer(rule.params["full_marks_pattern"], text))
    return [tuple(w for w in rule.params["scope_words"] if w in text[_clause_start(text, m.start()):m.start()])
            for m in found]


def _reason_given(r: IndicatorRow) -> bool:
    """The row writes a reason (a blank mark, —, is none)."""
    from ...facts.lexicon import lexicon

    reason = (r.record.reason or "").strip()
    return not lexicon().says_nothing(reason)


def _check_met_deducted(doc, rule, typed):
    """A target reached, points taken off, and no reason given in the row."""
    stated = None  # whether the report says met indicators earn full marks (read when first asked)
    judged = _judged_as_execution(doc, typed)
    for t in _score_tables(typed):
        rows = _indicators(t)
        places = _score_places(t.table, typed)
        for r, target, actual, _upward, reached in _reached(rows, ceilings(rule)):
            if not reached or id(r.cells["score"]) in judged:
                continue  # (a met execution rate scored by the report's execution rule: SCO001)
            # only a floor or ceiling written out (≥ ≤ > <), and not a rate: forms score 满意度, 合格率
            # in many ways (in proportion, by bands), so a met rate below full marks may be their rule,
            # unless the report says met indicators earn full marks; only the row's own 分值 is sure;
            # a stated reason explains the deduction
            # (a bare 100% is a floor too: no rate goes above it)
            floor_of_rate = target.comparator == "" and target.unit == "%" and target.value == 100
            # (a bare target met exactly, 0起 | 0起, is met whichever way it points)
            alike = target.comparator in ("", "=") and actual.value == target.value and target.unit not in ("%", "‰")
            if (target.comparator not in (">", "≥", "<", "≤") and not floor_of_rate and not alike) or r.weight is None \
                    or r.weight <= 0 or _reason_given(r) or r.group_weight:
                continue  # (a 分值 merged over its group's rows is no one row's full marks)
            if target.unit in ("%", "‰"):
                if stated is None:
                    stated = _full_marks_scopes(doc, rule)
                names = f"{r.record.level1}{r.level2}{r.indicator}"
                if not any(not scope or any(w in names for w in scope) for scope in stated):
                    continue
            cell = r.cells["score"]
            yield CHECKED
            if r.score >= r.weight or _close(r.score, r.weight, cell.text, places):
                continue
            yield Hit(
                quote=_row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=f"{r.weight}（满分）",
                formula=f"实际完成值 {r.actual_text} 已达到年度指标值 {r.target_text}，得分 {cell.text} 低于分值 "
                        f"{r.weight}，该行未写扣分或偏差原因",
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "weight": str(r.weight), "table": _table_name(t)},
                highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


DENIAL_REACH = 4  # the characters before a claim a denial may stand in (没能全面完成, 未能按期全面完成)


def _column_head(t: TypedTable, role: str) -> str:
    """The head of the typed table's column of that role ("" if none)."""
    return t.head(t.columns.get(role))


def _claims_re(params: dict) -> re.Pattern | None:
    """The rule's claims, its list's words and its pattern, as one pattern (None: neither)."""
    words = f"(?:{alternatives(params['met_claims'])})" if params["met_claims"] else ""
    joined = "|".join(p for p in (words, params["met_claim_pattern"]) if p)
    return re.compile(joined) if joined else None


def _claim(reason: str, claims: re.Pattern | None, params: dict) -> str | None:
    """The first claim the reason makes: a word of the rule's list (全面完成, 无偏差) or what its
    pattern finds (a verb of reaching and what it reached: 达到预期目标, 目标已实现), no denial
    right before it (未全面完成) and no future word earlier in its clause (预计…完成: a plan)."""
    for m in claims.finditer(reason) if claims is not None else ():
        clause = re.split(r"[，,；;。]", reason[:m.start()])[-1]
        if not any(d in reason[max(0, m.start() - DENIAL_REACH):m.start()] for d in params["denials"]) \
                and not any(w in clause for w in params["future_words"]):
            return m.group(0)
    return None


def _check_claimed_met(doc, rule, typed):
    """A target the actual value certainly misses, whose row's reason says it was met (≥50公里,
    45公里, 偏差原因“已全面完成年度目标，无偏差”): the reason, the actual or the target is wrong."""
    claims = _claims_re(rule.params)
    for t in _score_tables(typed):
        for r, target, actual, _upward, reached in _reached(_indicators(t), ceilings(rule)):
            if reached is not True and reached is not False:
                continue
            reason = re.sub(r"\s", "", r.record.reason or "")
            said = _claim(reason, claims, rule.params)
            if said is None and rule.params["no_deviation_pattern"] and re.match(rule.params["no_deviation_pattern"], reason) \
                    and any(w in _column_head(t, "reason") for w in rule.params["deviation_heads"]):
                said = reason  # (偏差原因：无, beside a target missed)
            if said is None or "reason" not in r.cells:
                continue
            yield CHECKED
            if reached:
                continue
            cell = r.cells["reason"]
            yield Hit(quote=_row_quote(cell, t.table), location=cell.loc, stated=cell.text.strip(),
                      expected=f"未完成（{r.actual_text} 未达到 {r.target_text}）",
                      formula=f"实际完成值 {r.actual_text} 未达到年度指标值 {r.target_text}，偏差原因却写“{said}”",
                      fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                              "claim": said, "table": _table_name(t)},
                      highlights=[r.cells["target"].loc, r.cells["actual"].loc])




# a grade's share of the points in a list of them: a percentage, or all or none of the points
SHARE_WORDS = {"满分": Decimal(100), "全部分值": Decimal(100), "不得分": Decimal(0), "零分": Decimal(0)}
SHARE_RE = r"\d+(?:\.\d+)?|" + "|".join(SHARE_WORDS)


def _stated_grades(doc, rule) -> dict[str, Decimal]:
    """The report's grades for qualitative indicators and the share of the points each earns,
    read from its text: {grade word: percentage}. Fewer than two: no rule stated."""
    pattern = rule.params["grade_statement"]
    if not pattern:
        return {}
    grades: dict[str, Decimal] = {}
    for m in re.finditer(pattern, doc.text):
        share = Decimal(100) if m.group("full") else Decimal(0) if m.group("none") else Decimal(m.group("share"))
        grades.setdefault(m.group("grade"), share)
    listed = rule.params["grade_list_statement"]
    for m in re.finditer(listed, doc.text) if listed else ():
        # “按‘好、较好、一般、较差’四档评价，分别按分值的100%、80%、60%、0%计分”: in turn
        names = [g for g in re.split(r"[、，,和及与“”‘’\"']+", GLOSS_RE.sub("", m.group("grades"))) if g]
        shares = [SHARE_WORDS[x] if x in SHARE_WORDS else Decimal(x) for x in re.findall(SHARE_RE, m.group("shares"))]
        if len(names) == len(shares):
            for name, share in zip(names, shares):
                grades.setdefault(name, share)
    return grades if len(grades) >= 2 else {}


def _check_qualitative(doc, rule, typed):
    """An indicator whose actual value is one of the report's grades (部分达成，…) scored other than
    that grade's share of its points, by the report's own grading rule."""
    grades = None
    for t in _score_tables(typed):
        places = _score_places(t.table, typed)
        for r in _indicators(t):
            if r.weight is None or r.score is None or r.weight <= 0 or "score" not in r.cells:
                continue
            actual = compact(r.actual_text)
            if not actual or actual[0].isdigit():
                continue
            if grades is None:
                grades = _stated_grades(doc, rule)
                if not grades:
                    return
            grade = max((g for g in grades if actual.startswith(g)), key=len, default=None)
            if grade is None:
                continue
            cell = r.cells["score"]
            expected = r.weight * grades[grade] / 100
            yield CHECKED
            if _close(r.score, expected, cell.text, places):
                continue
            shown = fmt(expected, max(places, 0))
            yield Hit(
                quote=_row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=shown,
                formula=f"实际完成值“{r.actual_text}”为“{grade}”，按报告所述计分规则得分值的 {fmt(grades[grade], 0)}%："
                        f"{r.weight} × {fmt(grades[grade], 0)}% = {shown}",
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "weight": str(r.weight), "table": _table_name(t), "basis": grade,
                        "diff": shown},
                highlights=[r.cells["actual"].loc] if "actual" in r.cells else [])


def _scored_rows_with(typed, name: str):
    """(table, the precision its scores are printed with, row, the row's `name` cell) of each
    indicator row with a weight, a score and that cell (评分标准, 扣分说明)."""
    for t in _score_tables(typed):
        places = _score_places(t.table, typed)
        for r in _indicators(t):
            cell = r.cells.get(name)
            if r.weight is not None and r.score is not None and cell is not None and "score" in r.cells:
                yield t, places, r, cell


def _check_per_item(doc, rule, typed):
    """An indicator scored by a per-item deduction (每发现1项问题扣0.5分) whose row says how many
    items were found (资产清查发现3项问题): the score is its points less that many deductions, not
    below zero (nor below what a stated cap leaves)."""
    per_item = re.compile(rule.params["per_item_rule"])
    cap_rule = re.compile(rule.params["cap_rule"]) if rule.params["cap_rule"] else None
    found_re = rule.params["found_count"]
    for t, places, r, criteria in _scored_rows_with(typed, "criteria"):
        words = compact(criteria.text)
        rules = list(per_item.finditer(words))
        capped = cap_rule.search(words) if cap_rule else None
        uncapped = cap_rule.sub("", words) if cap_rule else words
        if len(rules) != 1 or uncapped.count(rule.params["deduction_word"]) != 1:
            continue  # no per-item rule, or more than one way to lose points
        m = rules[0]
        # (每项扣0.5分: one item when no number is written)
        per, unit, points = _count_word(m.group("per") or "1"), m.group("unit"), Decimal(m.group("points"))
        said = " ".join(c.text for name, c in r.cells.items() if name in ("reason", "actual"))
        # (the count is the pattern's first group that took part in the match)
        counts = [_count_word(next(g for g in found.groups() if g))
                  for found in re.finditer(found_re.format(unit=re.escape(unit)), compact(said))]
        if len(counts) != 1 or not per or counts[0] is None:
            continue
        # the most the deductions may take: a stated cap (最多扣3分), else all the points
        cap = min(Decimal(capped.group(1)), r.weight) if capped else r.weight
        expected = max(r.weight - min(points * counts[0] / per, cap), Decimal(0))
        cell = r.cells["score"]
        yield CHECKED
        if _close(r.score, expected, cell.text, places):
            continue
        shown = fmt(expected, max(places, 1 if expected != expected.to_integral_value() else 0))
        yield Hit(
            quote=_row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=shown,
            formula=f"评分标准“{criteria.text.strip()}”，{said.strip()}：{r.weight} − {counts[0]} × {points} = {shown}",
            fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                    "score": cell.text, "weight": str(r.weight), "table": _table_name(t),
                    "basis": f"{counts[0]}{unit}", "diff": shown},
            highlights=[criteria.loc])


def _check_told_deductions(doc, rule, typed):
    """An indicator whose reason cell (扣分说明, 偏差原因) tells the points it lost (2个项目未按期开工，
    扣1分): the score is its points less those told (or less the told total, 共扣1.5分). A reason
    whose account may be incomplete (酌情扣分, a per-item rule 每…扣, a cap) is not judged."""
    told_re = re.compile(rule.params["told_deduction_pattern"])
    for t, places, r, reason in _scored_rows_with(typed, "reason"):
        told = _told_points(rule, told_re, compact(reason.text))
        if told is None:
            continue
        points = [Decimal(m.group("points")) for m in told]
        expected = max(r.weight - sum(points), Decimal(0))
        cell = r.cells["score"]
        yield CHECKED
        if _close(r.score, expected, cell.text, places):
            continue
        shown = fmt(expected, max(places, 1 if expected != expected.to_integral_value() else 0))
        terms = " − ".join(m.group("points") for m in told)
        yield Hit(
            quote=_row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=shown,
            formula=f"「{reason.text.strip()}」：得分 = 分值 − 所扣分数 = {r.weight} − {terms} = {shown}",
            fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                    "score": cell.text, "weight": str(r.weight), "table": _table_name(t),
                    "basis": "、".join(m.group(0) for m in told), "diff": shown},
            highlights=[reason.loc, *([r.cells["weight"].loc] if "weight" in r.cells else [])])


def _told_points(rule, told_re: re.Pattern, words: str) -> list[re.Match] | None:
    """The deductions a reason tells (扣1分, group `points`): each one, or the one total told
    (共扣1.5分); None when it tells none, or its account may be partial (酌情扣分, 每…扣 …)."""
    if any(w in words for w in rule.params["untold_words"]):
        return None
    found = list(told_re.finditer(words))
    # every deduction word of the reason has its points (扣分原因 … 扣1分 and 另扣分 leave one untold;
    # a deduction told otherwise, 减2分 or (-2分), holds none)
    word = rule.params["deduction_word"]
    if not found or words.count(word) != sum(m.group(0).count(word) for m in found):
        return None
    return _told_deductions(found, words, rule.params["total_words"])


def _told_deductions(found: list[re.Match], words: str, total_words) -> list[re.Match] | None:
    """Of the deductions a reason tells (group `points`: the points), the ones that add up
    to what it took off: the one told as the total (共扣1.5分), the total told first with its items
    after it (扣2分：一是…扣1分；二是…扣1分), or else all; None for two totals."""
    def points(m: re.Match) -> Decimal:
        return Decimal(m.group("points"))

    totals = [m for m in found if any(w in words[max(0, m.start() - 2):m.start()] for w in total_words)]
    if len(totals) > 1:
        return None
    if not totals and len(found) > 2 and (_opens_items(words, found[0].end()) or _bracket_around(words, found)) \
            and points(found[0]) == sum(points(m) for m in found[1:]):
        return found[:1]
    return totals or found


def _bracket_around(words: str, found: list[re.Match]) -> bool:
    """A bracket opening right after the first deduction and closing after the last (扣1分（…扣0.5分；
    …扣0.5分）): the items of the first, told inside it."""
    at = found[0].end()
    if words[at:at + 1] not in ("（", "("):
        return False
    depth = 0
    for k in range(at, len(words)):
        depth += words[k] in "（("
        depth -= words[k] in "）)"
        if depth == 0:
            return k >= found[-1].end()
    return False


def _opens_items(words: str, at: int) -> bool:
    """Right after a deduction opening a reason, the words opening its items (扣2分：…, 扣2分，其中…,
    扣2分，一是…: concepts.yaml deduction_items_opener): it is their total."""
    from ...knowledge import concepts

    pattern = concepts().get("deduction_items_opener")
    return bool(pattern) and re.compile(pattern).match(words, at) is not None


def _count_word(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_to_int(text)


# Sub-checks by the rule's `check` param.
CHECKS = {
    "per_item": _check_per_item,
    "told_deductions": _check_told_deductions,
    "qualitative": _check_qualitative,
    "execution": _check_execution,
    "execution_full": _check_execution_full,
    "execution_rate": _check_execution_rate,
    "total": _check_total,
    "subtotals": _check_subtotals,
    "weights": _check_weights,
    "score_cap": _check_score_cap,
    "strict_target": _check_strict_target,
    "missed_target": _check_missed_target,
    "proportional": _check_proportional,
    "met_deducted": _check_met_deducted,
    "claimed_met": _check_claimed_met,
    "summary": _check_summary,
}
