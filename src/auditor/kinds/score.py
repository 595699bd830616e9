"""Kind `score`: performance self-evaluation tables scored against their own rules.

Checks (param `check`):
- execution: 得分 of the budget execution row = `formula` (default 分值 × 执行数 / 预算数).
- execution_rate: the stated 执行率 = 执行数 / 预算数.
- total: Σ得分 (with or without the execution score) = 总分.
- weights: Σ分值 of a section = the section weight in its label, e.g. 产出指标（50分）.
- score_cap: 得分 ≤ 分值.
- strict_target: a strict target (>3%, <2500元) that the actual only reaches is not met,
  yet the indicator is given marks as met.
- proportional: a quantitative target missed, scored otherwise than `formula` (正向
  权重 × B/A; 反向 权重 × A/B), where the document states that rule.
"""
from __future__ import annotations

from decimal import Decimal

from ..facts.formula import FormulaError, evaluate
from ..facts.numbers import fmt, parse_quantity
from ..facts.targets import Target, parse_target
from ..knowledge import compact
from ..model import Cell
from ..tables.typed import WEIGHT_IN_LABEL_RE, TypedTable, typed_tables
from .base import Hit, NotAssessable

KIND = "score"
PARAMS = {
    "check": (str, None),
    "formula": (str, "weight * executed / budget"),
    "cap_at_weight": (bool, True),
    "positive_formula": (str, "weight * actual / target"),
    "negative_formula": (str, "weight * target / actual"),
    "requires_statement": (list, []),
}
MESSAGE_FIELDS = {"table", "weight", "rate", "score", "total", "section", "indicator", "target",
                  "actual", "diff"}
CHECKS = ("execution", "execution_rate", "total", "weights", "score_cap", "strict_target",
          "proportional")


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    return None


def check(doc, rule):
    typed = typed_tables(doc)
    return globals()[f"_check_{rule.params['check']}"](doc, rule, typed)


def _row_quote(cell: Cell, table) -> str:
    return table.row_text(cell.loc.row - 1).strip("\t ") if cell.loc.row else cell.text


def _close(stated: Decimal, expected: Decimal, stated_text: str) -> bool:
    """Equal up to the precision the document printed the stated value with."""
    q = parse_quantity(stated_text)
    half = q.half_ulp if q is not None else Decimal("0.005")
    return abs(stated - expected) <= half + Decimal("0.0001")


# --- execution block -------------------------------------------------------------------

def _execution_rows(typed: list[TypedTable]):
    for t in typed:
        if t.type == "budget_execution":
            for record in t.records:
                yield t, record


def _bases(rec: dict) -> list[Decimal]:
    """Budgets a stated 执行率 may be computed on: 全年预算数 first, then 年初预算数."""
    return [b for b in (rec.get("budget"), rec.get("initial_budget")) if b]


def _rate_basis(rec: dict) -> tuple[Decimal | None, Decimal | None]:
    """(rate in %, budget it is computed on): the stated rate when it recomputes from
    either budget, else the rate on 全年预算数."""
    executed, bases = rec.get("executed"), _bases(rec)
    if executed is None or not bases:
        return None, None
    stated = rec.get("rate")
    if stated is not None:
        text = rec["cells"]["rate"].text.rstrip("%")
        for budget in bases:
            if _close(stated, executed / budget * 100, text):
                return stated, budget
    return executed / bases[0] * 100, bases[0]


def _check_execution(doc, rule, typed):
    for t, rec in _execution_rows(typed):
        rate, budget = _rate_basis(rec)
        if rec.get("score") is None:
            if rec.get("executed") is not None and _bases(rec):
                yield NotAssessable(f"表{t.table.index}「{rec['label']}」没有填写得分")
            continue
        values = {"weight": rec.get("weight"), "executed": rec.get("executed"), "budget": budget,
                  "rate": rate / 100 if rate is not None else None}
        try:
            expected = evaluate(rule.params["formula"], values)
        except FormulaError as exc:
            yield NotAssessable(f"表{t.table.index}「{rec['label']}」无法计算：{exc}")
            continue
        if rule.params["cap_at_weight"] and values["weight"] is not None:
            expected = min(expected, values["weight"])
        score_cell = rec["cells"]["score"]
        if _close(rec["score"], expected, score_cell.text):
            continue
        yield Hit(
            quote=_row_quote(score_cell, t.table), location=score_cell.loc,
            stated=score_cell.text, expected=fmt(expected),
            formula=(f"得分 = 分值 × 执行率 = {values['weight']} × {fmt(rate)}% = {fmt(expected)}"
                     f"（执行率 = 执行数 {rec['executed']} ÷ 预算数 {budget}）"),
            fields={"table": t.table.title or f"表{t.table.index}", "weight": str(values["weight"]),
                    "rate": f"{fmt(rate)}%", "score": score_cell.text},
            highlights=[c.loc for c in rec["cells"].values()])


def _check_execution_rate(doc, rule, typed):
    for t, rec in _execution_rows(typed):
        bases = _bases(rec)
        if rec.get("rate") is None or not bases or rec.get("executed") is None:
            continue
        rate_cell = rec["cells"]["rate"]
        computed = [rec["executed"] / b * 100 for b in bases]
        if any(_close(rec["rate"], c, rate_cell.text.rstrip("%")) for c in computed):
            continue
        yield Hit(
            quote=_row_quote(rate_cell, t.table), location=rate_cell.loc,
            stated=rate_cell.text, expected=f"{fmt(computed[0])}%",
            formula=f"执行率 = 执行数 ÷ 预算数 = {rec['executed']} ÷ {bases[0]} = {fmt(computed[0])}%",
            fields={"table": t.table.title or f"表{t.table.index}", "rate": rate_cell.text},
            highlights=[c.loc for c in rec["cells"].values()])


# --- indicator tables --------------------------------------------------------------------

def _score_tables(typed: list[TypedTable]):
    for t in typed:
        if t.type == "performance_scores" and any(r["score"] is not None for r in t.records):
            yield t


def _execution_score_for(t: TypedTable, typed: list[TypedTable]) -> tuple[Decimal | None, str]:
    """The execution score of the same form; computed (分值 × 执行率) when left blank."""
    for other in typed:
        if other.type == "budget_execution" and other.table is t.table and other.records:
            rec = other.records[0]
            if rec.get("score") is not None:
                return rec["score"], rec["cells"]["score"].text
            rate, _ = _rate_basis(rec)
            if rate is not None and rec.get("weight") is not None:
                computed = min(rec["weight"] * rate / 100, rec["weight"])
                return computed, f"{fmt(computed)}（未填，按分值×执行率计）"
    return None, ""


def _check_total(doc, rule, typed):
    for t in _score_tables(typed):
        total = t.totals.get("score")
        if total is None:
            yield NotAssessable(f"表{t.table.index}没有可读的总分")
            continue
        stated = Decimal(total.text.strip())
        scored = [r for r in t.records if r["score"] is not None]
        indicators = sum((r["score"] for r in scored), Decimal(0))
        execution, execution_text = _execution_score_for(t, typed)
        candidates = [indicators] + ([indicators + execution] if execution is not None else [])
        if any(_close(stated, c, total.text) for c in candidates):
            continue
        expected = candidates[-1]
        terms = " + ".join(r["cells"]["score"].text for r in scored)
        if execution is not None:
            terms = f"{execution_text}（预算执行） + {terms}"
        missing = [r["indicator"] for r in t.records if r["score"] is None]
        note = f"；未填得分的指标：{'、'.join(missing)}" if missing else ""
        yield Hit(
            quote=_row_quote(total, t.table), location=total.loc,
            stated=total.text, expected=fmt(expected),
            formula=f"Σ得分 = {terms} = {fmt(expected)}{note}",
            fields={"table": t.table.title or f"表{t.table.index}", "total": total.text,
                    "diff": fmt(stated - expected)},
            highlights=[total.loc] + [r["cells"]["indicator"].loc for r in t.records if r["score"] is None])


def _sections(t: TypedTable) -> dict[str, list[dict]]:
    sections: dict[str, list[dict]] = {}
    for r in t.records:
        sections.setdefault(r["level1"], []).append(r)
    return sections


def _check_weights(doc, rule, typed):
    for t in typed:
        if t.type != "performance_scores" or "weight" not in t.columns:
            continue
        for label, rows in _sections(t).items():
            m = WEIGHT_IN_LABEL_RE.search(label)
            if not m or not any(r["weight"] is not None for r in rows):
                continue
            declared = Decimal(m.group(1))
            total = sum((r["weight"] or Decimal(0) for r in rows), Decimal(0))
            if total == declared:
                continue
            cell = rows[0]["cells"].get("level1") or rows[0]["cells"]["indicator"]
            label_cell = next((r["cells"]["level1"] for r in rows
                               if "level1" in r["cells"] and compact(r["cells"]["level1"].text) == compact(label)),
                              cell)
            yield Hit(
                quote=label_cell.text if label_cell.text else label, location=label_cell.loc,
                stated=f"{label}", expected=f"分值合计 {fmt(total, 0 if total == total.to_integral() else 2)}",
                formula="Σ分值 = " + " + ".join(r["cells"]["weight"].text for r in rows if r["weight"] is not None)
                        + f" = {total}",
                fields={"table": t.table.title or f"表{t.table.index}", "section": label,
                        "weight": m.group(1), "total": str(total)},
                highlights=[r["cells"]["weight"].loc for r in rows if "weight" in r["cells"]])


def _check_score_cap(doc, rule, typed):
    for t in _score_tables(typed):
        for r in t.records:
            if r["score"] is None or r["weight"] is None or r["score"] <= r["weight"]:
                continue
            cell = r["cells"]["score"]
            yield Hit(quote=_row_quote(cell, t.table), location=cell.loc,
                      stated=f"得分 {cell.text}", expected=f"不超过分值 {r['cells']['weight'].text}",
                      formula=f"得分 {cell.text} > 分值 {r['cells']['weight'].text}",
                      fields={"indicator": r["indicator"], "score": cell.text,
                              "weight": r["cells"]["weight"].text,
                              "table": t.table.title or f"表{t.table.index}"},
                      highlights=[cell.loc, r["cells"]["weight"].loc])


def _inferred_weight(record: dict, t: TypedTable) -> Decimal | None:
    if record["weight"] is not None:
        return record["weight"]
    peers = [r["score"] for r in t.records if r is not record and r["level2"] == record["level2"]
             and r["score"] is not None]
    if len(peers) < 2:
        return None
    return max(set(peers), key=lambda s: (peers.count(s), s))


def _targets(t: TypedTable):
    for r in t.records:
        target = parse_target(r.get("target", ""))
        actual = parse_target(r.get("actual", ""))
        if target is None or actual is None or r["score"] is None:
            continue
        if actual.comparator not in ("", "=") or actual.unit not in (target.unit, ""):
            continue
        yield r, target, actual


def _check_strict_target(doc, rule, typed):
    for t in _score_tables(typed):
        for r, target, actual in _targets(t):
            if target.comparator not in (">", "<") or actual.value != target.value:
                continue
            weight = _inferred_weight(r, t)
            if r["score"] <= 0 or (weight is not None and r["score"] < weight):
                continue
            cell = r["cells"]["score"]
            yield Hit(
                quote=_row_quote(cell, t.table), location=r["cells"]["actual"].loc,
                stated=f"目标 {r['target']}，实际 {r['actual']}，得分 {cell.text}",
                expected=f"实际值恰好等于界限，未达到严格目标 {r['target']}，不应按完成给分",
                formula=f"{r['actual']} {'>' if target.comparator == '>' else '<'} {target.text} 不成立",
                fields={"indicator": r["indicator"], "target": r["target"], "actual": r["actual"],
                        "score": cell.text, "table": t.table.title or f"表{t.table.index}"},
                highlights=[r["cells"]["target"].loc, r["cells"]["actual"].loc, cell.loc])


def _check_proportional(doc, rule, typed):
    if rule.params["requires_statement"] and not any(s in doc.text for s in rule.params["requires_statement"]):
        return
    for t in _score_tables(typed):
        for r, target, actual in _targets(t):
            positive = target.comparator in (">", "≥")
            negative = target.comparator in ("<", "≤")
            met = (positive and actual.value >= target.value) or (negative and actual.value <= target.value)
            if met or not (positive or negative) or actual.value == 0 or target.value == 0:
                continue
            weight = _inferred_weight(r, t)
            if weight is None or not (0 < r["score"] < weight):
                continue
            formula = rule.params["positive_formula" if positive else "negative_formula"]
            expected = min(evaluate(formula, {"weight": weight, "actual": actual.value,
                                              "target": target.value}), weight)
            cell = r["cells"]["score"]
            if _close(r["score"], expected, cell.text) or abs(r["score"] - expected) < Decimal("0.01"):
                continue
            ratio = f"{actual.value}/{target.value}" if positive else f"{target.value}/{actual.value}"
            yield Hit(
                quote=_row_quote(cell, t.table), location=cell.loc,
                stated=cell.text, expected=fmt(expected),
                formula=(f"{'正向' if positive else '反向'}指标 得分 = 权重 × {'B/A' if positive else 'A/B'}"
                         f" = {weight} × {ratio} = {fmt(expected)}"
                         + ("" if r["weight"] is not None else "（权重取同类指标的满分值）")),
                fields={"indicator": r["indicator"], "target": r["target"], "actual": r["actual"],
                        "score": cell.text, "weight": str(weight),
                        "table": t.table.title or f"表{t.table.index}"},
                highlights=[r["cells"]["target"].loc, r["cells"]["actual"].loc, cell.loc])
