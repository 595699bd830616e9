"""Checks `strict_target`, `missed_target`, `met_deducted` and `claimed_met` of kind `score`: a
target the actual does not reach (or only reaches, a strict one) given marks as met, a met target
given less than full marks, and a reason claiming a target met that the figures deny."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.lexicon import alternatives
from ...facts.numbers import fmt
from ...facts.targets import DEADLINE_UNIT
from ...knowledge import compact
from ...tables.typed import TypedTable
from ..base import CHECKED, Hit
from .forms import (IndicatorRow, table_name, row_quote, close_enough, score_places, score_tables, indicators_of,
                     inferred_weight)
from .targets import MissedTarget, target_pairs, read_target, ceilings, reached_targets, missed, partial_expected
from .execution import judged_as_execution
from .rule_text import pattern_matches, clause_start


def check_strict_target(doc, rule, typed):
    for t in score_tables(typed):
        rows = indicators_of(t)
        for r, target, actual in target_pairs(rows):
            if target.comparator not in (">", "<") or actual.value != target.value:
                continue
            weight = inferred_weight(r, rows)
            if r.score <= 0 or (weight is not None and r.score < weight):
                continue
            cell = r.cells["score"]
            yield Hit(
                quote=row_quote(cell, t.table), location=r.cells["actual"].loc,
                stated=f"目标 {r.target_text}，实际 {r.actual_text}，得分 {cell.text}",
                expected=f"实际值恰好等于界限，未达到严格目标 {r.target_text}，不应按完成给分；"
                         f"若目标本意含界限，应写作 {'≥' if target.comparator == '>' else '≤'}{target.text}",
                formula=f"{r.actual_text} {'>' if target.comparator == '>' else '<'} {target.text} 不成立",
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "table": table_name(t)},
                highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def check_missed_target(doc, rule, typed):
    judged = judged_as_execution(doc, typed)
    negations = (tuple(rule.params["negations"]), tuple(rule.params["negation_qualifiers"]))
    levels = _full_marks_levels(doc, rule)
    for t in score_tables(typed):
        rows = indicators_of(t)
        places = score_places(t.table, typed)
        yield from _negated_full(t, rows, negations, places)
        for miss in missed(rows, ceilings(rule)):
            r = miss.row
            if id(r.cells["score"]) in judged:
                continue  # (scored by the report's execution rule: SCO001, SCO009)
            if _full_by_level(miss, levels):
                continue  # (满意度达到90%以上的得满分: 92% against ≥95% scored in full by the report's rule)
            weight = inferred_weight(r, rows)
            cell = r.cells["score"]
            # full marks: the score printed at the form's precision reaches the weight
            if weight is None or weight <= 0 or not (r.score >= weight or close_enough(r.score, weight, cell.text, places)):
                continue
            if r.score > weight and not close_enough(r.score, weight, cell.text, places):
                continue  # (16.00 of 15: more than full marks, SCO005's finding, no full marks to speak of)
            # (no share of the points for a deadline missed by some months, nor of a ceiling of none, 0次)
            expected = partial_expected(rule, miss, weight) \
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
                quote=row_quote(cell, t.table), location=cell.loc,
                stated=cell.text,
                expected=f"低于满分 {weight}" + (f"（按比例约 {fmt(expected)}）" if expected is not None else ""),
                formula=formula,
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "weight": str(weight), "table": table_name(t)},
                highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def _full_marks_levels(doc, rule) -> list[tuple[str, Decimal]]:
    """(the indicator words, the level) of each rule the report states giving full marks from a
    level up (满意度指标达到90%（含）以上的得满分: 满意度, 90): the words before the level in its
    clause, 指标 and the like aside."""
    out = []
    text = doc.text
    if not any(w in text for w in rule.params["level_full_marks_words"]):
        return out  # (no full marks said anywhere: the pattern is not run over the document)
    tails = tuple(rule.params["level_scope_tails"])
    for m in pattern_matches(rule.params["level_full_marks"], text):
        scope = re.split(r"[，,；;：:、]", compact(m.group("scope")))[-1]
        while scope.endswith(tails):  # (满意度类指标的 → 满意度)
            scope = scope[:-len(next(t for t in tails if scope.endswith(t)))]
        if len(scope) >= MIN_SCOPE_CHARS:
            out.append((scope, Decimal(m.group("level"))))
    return out


MIN_SCOPE_CHARS = 2  # a scope of one character (度) names no indicators


def _full_by_level(miss: MissedTarget, levels: list[tuple[str, Decimal]]) -> bool:
    """A rate short of its target that reaches the level a stated rule gives full marks from, for
    an indicator the rule's words name (its name holds them)."""
    if not miss.upward or miss.actual.unit != "%":
        return False
    name = compact(miss.row.indicator or "")
    return any(scope in name and miss.actual.value >= level for scope, level in levels)


def _negated_full(t: TypedTable, rows: list[IndicatorRow], negations: tuple[tuple[str, ...], tuple[str, ...]], places):
    """A target in words the actual denies (达标 | 未达标, 未全部达标; 按期完成 | 未按期完成), scored in full."""
    words, qualifiers = negations
    for r in rows:
        target, actual = compact(r.target_text), compact(r.actual_text)
        negation = next((n for n in words if actual.startswith(n)), None)
        rest = actual[len(negation):] if negation else ""
        rest = next((rest[len(q):] for q in qualifiers if rest.startswith(q) and rest[len(q):] == target), rest)
        if not target or negation is None or rest != target or read_target(r.target_text) is not None:
            continue
        weight, cell = inferred_weight(r, rows), r.cells["score"]
        if weight is None or weight <= 0 or r.score is None or not (r.score >= weight or close_enough(r.score, weight, cell.text, places)):
            continue
        yield Hit(quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=f"低于满分 {weight}",
                  formula=f"实际完成值“{r.actual_text}”否定了年度指标值“{r.target_text}”，目标未完成",
                  fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                          "score": cell.text, "weight": str(weight), "table": table_name(t)},
                  highlights=[r.cells["target"].loc, r.cells["actual"].loc, cell.loc])


def _full_marks_scopes(doc, rule) -> list[tuple]:
    """The indicators each statement that met indicators earn full marks is for: the scope words
    of its clause before it (产出指标完成年度指标值的得满分: the 产出指标), none for every one."""
    text = doc.text
    found = [m for w in rule.params["full_marks_statements"] for m in re.finditer(re.escape(w), text)]
    found += list(pattern_matches(rule.params["full_marks_pattern"], text))
    return [tuple(w for w in rule.params["scope_words"] if w in text[clause_start(text, m.start()):m.start()])
            for m in found]


def _reason_given(r: IndicatorRow) -> bool:
    """The row writes a reason (a blank mark, —, is none)."""
    from ...facts.lexicon import lexicon

    reason = (r.record.reason or "").strip()
    return not lexicon().says_nothing(reason)


def check_met_deducted(doc, rule, typed):
    """A target reached, points taken off, and no reason given in the row."""
    stated = None  # whether the report says met indicators earn full marks (read when first asked)
    judged = judged_as_execution(doc, typed)
    for t in score_tables(typed):
        rows = indicators_of(t)
        places = score_places(t.table, typed)
        for r, target, actual, _upward, reached in reached_targets(rows, ceilings(rule)):
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
            if r.score >= r.weight or close_enough(r.score, r.weight, cell.text, places):
                continue
            yield Hit(
                quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=f"{r.weight}（满分）",
                formula=f"实际完成值 {r.actual_text} 已达到年度指标值 {r.target_text}，得分 {cell.text} 低于分值 "
                        f"{r.weight}，该行未写扣分或偏差原因",
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "weight": str(r.weight), "table": table_name(t)},
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


def check_claimed_met(doc, rule, typed):
    """A target the actual value certainly misses, whose row's reason says it was met (≥50公里,
    45公里, 偏差原因“已全面完成年度目标，无偏差”): the reason, the actual or the target is wrong."""
    claims = _claims_re(rule.params)
    for t in score_tables(typed):
        for r, target, actual, _upward, reached in reached_targets(indicators_of(t), ceilings(rule)):
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
            yield Hit(quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text.strip(),
                      expected=f"未完成（{r.actual_text} 未达到 {r.target_text}）",
                      formula=f"实际完成值 {r.actual_text} 未达到年度指标值 {r.target_text}，偏差原因却写“{said}”",
                      fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                              "claim": said, "table": table_name(t)},
                      highlights=[r.cells["target"].loc, r.cells["actual"].loc])
