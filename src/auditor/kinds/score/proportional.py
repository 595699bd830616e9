"""Check `proportional` of kind `score`: a quantitative target missed, scored otherwise than
`formula` (正向 权重 × B/A; 反向 权重 × A/B) where the document states that rule."""
from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ...facts.formula import evaluate
from ...facts.numbers import fmt, half_unit, parse_quantity
from ...facts.targets import DEADLINE_UNIT
from ...knowledge import compact
from ...model import Table
from ..base import Hit
from .forms import (IndicatorRow, table_name, row_quote, close_enough, score_places, score_tables, indicators_of,
                     inferred_weight, row_remarks)
from .targets import MissedTarget, ceilings, missed, partial_formula, printed_spread, partial_expected
from .execution import judged_as_execution
from .rule_text import step_for, same_unit, scoring_rules, pattern_matches, told_deductions


def check_proportional(doc, rule, typed):
    if rule.params["requires_statement"] and not _states_any(doc, rule.params["requires_statement"]):
        return
    stated = None  # the report's step rule and whether it leaves scores to judgement (read for the first miss)
    judged = judged_as_execution(doc, typed)
    for t in score_tables(typed):
        rows = indicators_of(t)
        places = score_places(t.table, typed)
        whole = _whole_points(rows)  # (the form scores its indicators in whole points)
        for miss in missed(rows, ceilings(rule)):
            r = miss.row
            if id(r.cells["score"]) in judged:
                continue  # (scored by the report's execution rule: SCO001, SCO009)
            if miss.actual.value == 0 or miss.target.value == 0:
                continue
            weight = inferred_weight(r, rows)
            if weight is None or not (0 < r.score < weight):
                continue
            if stated is None:
                # the report's own rules, in its prose and tables (a 评分说明 row): a rule written
                # in an indicator's row of a score table is that row's (read below), not every one's
                stated = scoring_rules(rule, _text_outside_indicator_rows(doc, typed))
            cell = r.cells["score"]
            remarks = row_remarks(cell, t.table)
            if any(w in remarks for w in rule.params["rounding_cues"]):
                continue  # (每低1个百分点扣0.5分，扣分四舍五入取整: points rounded as the row says)
            if miss.actual.unit == "%" and _rate_times_own(rule, remarks, r.indicator):
                # the row's own rule is its rate times its points (按执行率×10分计分): not of the target
                yield from _rate_times_points(rule, r, miss, weight, cell, t, places)
                continue
            # (…\t得分=预算执行率×10分。; a 评分标准 column left of the score: 每低1个百分点扣1分)
            criteria = r.cells["criteria"].text if "criteria" in r.cells else ""
            own = scoring_rules(rule, f"{criteria}\t{remarks}" if criteria else remarks, row=True)
            steps, proportional, other_rule = own if any(own) else stated
            proportional = _proportional_for(proportional, r)
            # the report's step rule (only below a floor): a rate's, and a quantity's unless the
            # report states the proportional rule; any other by the proportional formula, unless
            # the report scores by another rule
            stepped = step_for(steps, miss, proportional, rule)
            if stepped is None and (any(st.kind == "unit" for st in own[0]) or any(
                    st.kind == "unit" and same_unit(st, miss, rule) for st in steps)):
                # (the row's own step in another unit than its figures', or a step in its unit the
                # prose names another indicator for, 参训人数 beside 培训人数: a rule of the report's
                # the row may be meant by, not ours to apply nor to deny)
                continue
            if (stepped is not None and not miss.upward and stepped.kind != "unit") or (stepped is None and other_rule):
                continue
            if miss.target.unit == DEADLINE_UNIT and (stepped is None or stepped.kind != "unit"):
                continue  # (a deadline missed by a month is late, not 11/12 done: only a step per month scores it)
            expected = partial_expected(rule, miss, weight, stepped)
            if expected is None or close_enough(r.score, expected, cell.text, places,
                                          slack=printed_spread(rule, miss, weight, expected, stepped)):
                continue
            # with no rule of its own stated, the report is held to the common proportional one:
            # a hint (info) saying so, not a claim that it broke its rule (it may deduct by steps)
            # (a unit step for other indicators is no rule of this one's)
            own_rule = stepped is not None or proportional or any(st.kind != "unit" for st in steps)
            if not own_rule and (_deduction_told(rule, remarks, weight, r.score)
                                 or any(_deduction_told(rule, told, weight, r.score) for told in _told_of(doc, r.indicator))):
                # (低于目标0.60个百分点，扣1分 beside 9.00 of 10: the row says how it scored; or a
                # sentence naming the indicator does, …完工及时率为90%，低于95%的目标值，扣1分)
                continue
            if not own_rule and whole and _rounds_to(r.score, expected, printed_spread(
                    rule, miss, weight, expected, stepped)):
                # a form scoring its indicators in whole points, stating no rule: 7 of 8 beside the
                # proportional 7.79 is that share rounded either way, a common way to score
                continue
            yield Hit(
                quote=row_quote(cell, t.table), location=cell.loc,
                stated=cell.text, expected=fmt(expected),
                formula=partial_formula(miss, weight, expected, stepped)
                + ("" if r.weight is not None else "（权重取同类指标的满分值）"),
                severity=None if own_rule else "info",
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "weight": str(weight), "table": table_name(t),
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
    told = [m for m in pattern_matches(rule.params["told_deduction_pattern"], remarks)
            if not any(w in remarks[max(0, m.start() - 2):m.start()] for w in rule.params["proposed_words"])]
    chosen = told_deductions(told, remarks, rule.params["deduction_total_words"]) if told else None
    return bool(chosen) and weight - sum((Decimal(m.group("points")) for m in chosen), Decimal(0)) == score


def _told_of(doc, indicator: str) -> list[str]:
    """The text's sentences naming the indicator (its whole name), each an account its score may
    be given in. Read only for a missed target scored below its points, a few a report."""
    from ...facts.base import fact_base

    name = compact(indicator or "")
    if len(name) < MIN_NAME_CHARS:
        return []
    return [s for s in fact_base(doc).sentences.values() if name in compact(s)]


MIN_NAME_CHARS = 4  # an indicator's name shorter than this (满意度) may be any indicator's word


def _rate_times_own(rule, remarks: str, indicator: str) -> bool:
    """The row's remarks score it by a rate its indicator names (预算执行率: 执行率×10分), its own
    actual value; a 完成率 of another indicator's is actual ÷ target, the proportional rule."""
    name = compact(indicator or "")
    return any(f"{m.group('rate') or m.group('rate2')}率" in name
               for m in pattern_matches(rule.params["rate_times_points"], remarks))


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
    if close_enough(r.score, expected, cell.text, places, slack=spread):
        return
    yield Hit(quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=fmt(expected),
              formula=f"本行计分规则“率×分值”：得分 = 分值 × 实际值 = {weight} × {miss.actual.value}% = {fmt(expected)}",
              fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                      "score": cell.text, "weight": str(weight), "table": table_name(t), "basis": "按本行计分规则得分应为"},
              highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def _proportional_for(proportional, r: IndicatorRow) -> bool:
    """Whether the proportional rule a report states (True: for every indicator; words: for those
    whose names or categories hold one) is this indicator's."""
    if isinstance(proportional, tuple):
        return any(w in f"{r.record.level1}{r.level2}{r.indicator}" for w in proportional)
    return bool(proportional)


def _text_outside_indicator_rows(doc, typed) -> str:
    """The document's text without the indicator rows of its score tables (their rules are theirs)."""
    rows = {(id(t.table), r.cells["score"].loc.row) for t in score_tables(typed) for r in indicators_of(t)
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
