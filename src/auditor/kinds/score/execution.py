"""Checks `execution`, `execution_full` and `execution_rate` of kind `score`: 得分 of the budget
execution row = `formula` (分值 × 执行率), full marks given below `full_rate`, the stated 执行率
= 执行数 ÷ 预算数; and the execution rule a report states, for an indicator row scoring it."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ...facts.formula import FormulaError, evaluate
from ...facts.numbers import fmt, half_unit
from ...knowledge import compact, concepts
from ...model import Cell, table_ordinal
from ...tables.typed import TypedTable
from ..base import CHECKED, GLOSS_RE, Hit, NotAssessable, names_execution_rate
from .forms import (ExecutionRow, table_name, row_quote, close_enough, score_places, ExecutionRule, score_tables,
                     indicators_of, inferred_weight, row_remarks)
from ...facts.numbers import count_word
from .rule_text import sentence_at
from .targets import read_target, FULL_RATE


def execution_rows(typed: list[TypedTable]):
    for t in typed:
        if t.type == "budget_execution":
            for record in t.records:
                yield ExecutionRow.of(t, record)


def _execution_hits(rule, typed, full_marks_unmet: bool, report_rule=None, indicator_rows=(), reach=None):
    """Execution rows whose score is not 分值 × 执行率, or not what the report's own rule gives
    (`report_rule`: a step rule, bands, full marks from a threshold up). With `full_marks_unmet` only those
    given full marks although the rate is below `full_rate`: the same wrong score seen as a
    target not met (class target_not_met) beside the score mismatch `execution` reports.
    `indicator_rows`: indicator rows scoring the execution rate by a rule the report states; `reach`:
    the tables the report's rule is for (None: all)."""
    full_rate = Decimal(str(rule.params["full_rate"]))
    for row in [*execution_rows(typed), *indicator_rows]:
        t = row.typed
        rate, budget = row.rate_basis()
        if row.score is None:
            # (a row with no points of its own, 其中：基本支出 | … | — | 99.00% | —, is a breakdown
            # the form does not score)
            if not full_marks_unmet and row.executed is not None and row.bases and row.weight is not None:
                yield NotAssessable(f"{table_ordinal(t.table.index)}「{row.label}」没有填写得分")
            continue
        values = {"weight": row.weight, "executed": row.executed, "budget": budget,
                  "rate": rate / 100 if rate is not None else None}
        # (a row stating its rule keeps to it: a formula, or its formula's threshold)
        # (the report's rule where it reaches this row's form: see _rule_reach)
        stated = report_rule if reach is None or id(t.table) in reach else None
        own = row.own_rule if row.own_rule is not None else None if row.own_formula else stated
        if own is not None and own.kind == "formula":
            if not full_marks_unmet:
                yield NotAssessable(f"{table_ordinal(t.table.index)}「{row.label}」按报告自己的计分公式计分（{own.words[:40]}），未核对")
            continue
        if own is not None and own.kind == "bands":
            band = _band_for(own.text, rate) if rate is not None else None
            if band is None:
                if not full_marks_unmet:
                    yield NotAssessable(f"{table_ordinal(t.table.index)}「{row.label}」按报告所写的档次计分（{own.words[:40]}），未按公式核对")
                continue
            score_cell = row.cells["score"]
            if full_marks_unmet or close_enough(row.score, band[2], score_cell.text, score_places(t.table, typed)):
                continue
            yield Hit(
                quote=row_quote(score_cell, t.table), location=score_cell.loc, stated=score_cell.text,
                expected=fmt(band[2], max(2, score_places(t.table, typed))),
                formula=f"按报告的计分档次“{band[3]}”：执行率 {fmt(rate)}% 应得 {fmt(band[2])} 分"
                        + _rate_source(row, budget),
                fields={"table": table_name(t), "weight": str(row.weight), "rate": f"{fmt(rate)}%",
                        "score": score_cell.text, "basis": f"按报告的计分档次（执行率 {fmt(rate)}%，{band[3]}）"},
                highlights=[c.loc for c in row.cells.values()])
            continue
        try:
            if own is not None and own.kind == "step" and rate is not None and row.weight is not None:
                expected = step_score(own, row.weight, rate)
            elif own is not None and own.kind == "threshold" and rate is not None and row.weight is not None:
                # full marks from the threshold up, the points × the rate below it
                expected = row.weight if rate >= own.threshold else evaluate(rule.params["formula"], values)
            else:
                expected = evaluate(rule.params["formula"], values)
        except FormulaError as exc:
            if not full_marks_unmet:
                yield NotAssessable(f"{table_ordinal(t.table.index)}「{row.label}」无法计算：{exc}")
            continue
        if rule.params["cap_at_weight"] and row.weight is not None:
            expected = min(expected, row.weight)
        score_cell = row.cells["score"]
        # a score worked out from the printed (rounded) rate is as right as one from the amounts
        slack = (row.weight or Decimal(0)) * row.rate_half_ulp() / 100
        places = score_places(t.table, typed)
        if close_enough(row.score, expected, score_cell.text, places, slack):
            continue
        if own is None and row.rate is not None and rate is not None and row.rate != rate \
                and _printed_rate_score(rule, row, values, score_cell.text, places, slack):
            continue  # (the points of the rate the row prints: that rate's slip is SCO002's to tell, once)
        if own is not None and own.kind == "step" and own.rounding and rate is not None and any(
                close_enough(row.score, step_score(own, row.weight, r), score_cell.text, places)
                for r in _rate_ends(row, rate, budget)):
            continue  # (whole steps counted from either end of the rate: 94.00% may be 93.998%)
        bar = own.threshold if own is not None and own.kind != "bands" else full_rate  # (full marks from here)
        unmet = (row.weight is not None and row.score >= row.weight
                 and rate is not None and row.rate_high(rate) <= bar)
        if full_marks_unmet and not unmet:
            continue
        yield Hit(
            quote=row_quote(score_cell, t.table), location=score_cell.loc,
            stated=score_cell.text, expected=fmt(expected, max(2, places)),
            formula=(_execution_formula(row, rate, expected, own) + _rate_source(row, budget, own is None)
                     + (f"；执行率未达 {fmt(bar, 0)}%，不应得满分" if unmet and full_marks_unmet else "")),
            fields={"table": table_name(t), "weight": str(row.weight),
                    "rate": f"{fmt(rate)}%", "score": score_cell.text,
                    "basis": f"按分值 {row.weight} × 执行率 {fmt(rate)}%" if own is None
                    else f"按报告的计分规则（执行率 {fmt(rate)}%，{own.words}）"},
            highlights=[c.loc for c in row.cells.values()])


def _printed_rate_score(rule, row: ExecutionRow, values: dict, text: str, places: int, slack: Decimal) -> bool:
    """The row's score is what the rule's formula gives on the rate the row prints (capped as the
    rule caps it)."""
    try:
        expected = evaluate(rule.params["formula"], {**values, "rate": row.rate / 100})
    except FormulaError:
        return False
    if rule.params["cap_at_weight"] and row.weight is not None:
        expected = min(expected, row.weight)
    return close_enough(row.score, expected, text, places, slack)


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


def step_score(own: ExecutionRule, weight: Decimal, rate: Decimal) -> Decimal:
    """The report's step rule: 分值 − 差的百分点 ÷ 步长 × 每步扣分, not below 0; the points short of
    the rate that earns full marks (100%, or the rule's own: 95%（含）以上得满分)."""
    top = own.top if own.top is not None else weight
    return max(evaluate(own.formula, {"weight": top, "step": own.step, "points": own.points,
                                      "shortfall": own.shortfall(rate)}), Decimal(0))


def _rate_source(row: ExecutionRow, budget: Decimal | None, plain_rule: bool = False) -> str:
    """Where the execution rate comes from: the amounts, or an indicator row's actual value. With
    `plain_rule` (分值 × 执行率, capped): whether the score is the points of the rate on the row's
    other budget, where it gives two (then the rate cell may be the slip, not the score)."""
    if budget is None:
        rate = row.cells.get("rate")
        if rate is not None and rate.loc.table is None:
            return f"（执行率为正文{rate.loc.describe()}所写的 {rate.text}）"
        if rate is not None and "score" in row.cells and rate.loc.table != row.cells["score"].loc.table:
            # (the whole's rate another table's total row states)
            return f"（执行率为{rate.loc.describe()}所写的 {rate.text}）"
        return f"（执行率为「{row.label}」一行的实际完成值）"
    # (the row's other budget, where it gives both: 年初 760 and 全年 619.52 — the reader sees which
    # one the stated rate is of, and what the score would be on the other)
    other = next((b for b in row.bases if b != budget), None)
    named = "全年预算数" if other == row.budget else "年初预算数"
    also = f"；按{named} {other} 计算为 {fmt(row.executed / other * 100)}%" if other and row.executed is not None else ""
    # (only where the other is 全年预算数, the form's own base: a rate on it is no slip for a score on 年初)
    if also and plain_rule and other == row.budget and row.weight is not None and row.score is not None and close_enough(
            row.score, min(row.weight * row.executed / other, row.weight), row.cells["score"].text):
        also += f"，得分 {row.cells['score'].text} 与此相符：须核实执行率与得分哪一处有误"
    return f"（执行率 = 执行数 {row.executed} ÷ 预算数 {budget}{also}）"


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
        return step_formula(own, row.weight, rate, expected)
    return f"得分 = 分值 × 执行率 = {row.weight} × {fmt(rate)}% = {fmt(expected)}"


def step_formula(own: ExecutionRule, weight: Decimal, rate: Decimal, expected: Decimal) -> str:
    return (f"按报告的计分规则“{own.words}”：得分 = {weight} − ({fmt(own.shortfall(rate))} ÷ "
            f"{fmt(own.step)}) × {fmt(own.points)} = {fmt(expected)}")


def check_execution(doc, rule, typed):
    return _judged_execution(doc, rule, typed, False)


def check_execution_full(doc, rule, typed):
    return _judged_execution(doc, rule, typed, True)


def _judged_execution(doc, rule, typed, full_marks_unmet: bool):
    indicators = _execution_indicators(doc, typed, rule.params)
    stated = _execution_rule(doc)
    return _execution_hits(rule, typed, full_marks_unmet, stated, indicators, _rule_reach(doc, typed, indicators, stated))


def _rule_reach(doc, typed, indicator_rows, stated) -> set[int] | None:
    """The tables (ids) the report's own execution rule (`stated`) is for: all (None) where the
    document holds one form scoring the execution rate (a funds block or an indicator row of it), or
    where the rule is stated before the first; else the form the rule is stated under (after its
    table, before the next form's): a note below one project's form is that form's rule, no other
    project's (甲项目's form beside 乙项目's, whose note sets 95% as the bar)."""
    tables = [r.typed.table for r in [*execution_rows(typed), *indicator_rows]]
    if stated is None or len({id(t) for t in tables}) < 2:
        return None
    where = {id(b): k for k, b in enumerate(doc.blocks)}  # (each block's place, read once per call)
    forms = sorted({where[id(t)] for t in tables if id(t) in where})
    block = _block_at(doc, doc.text.find(stated.words))
    if len(forms) < 2 or block < forms[0]:
        return None
    owner = max(f for f in forms if f <= block)
    return {id(t) for t in tables if where.get(id(t)) == owner}


def _block_at(doc, offset: int) -> int:
    """The block whose text holds the document text's character at `offset` (Document.text joins the
    blocks' texts by line breaks); -1 for no offset (the words not found)."""
    if offset < 0:
        return -1
    start = 0
    for k, b in enumerate(doc.blocks):
        start += len(b.text) + 1
        if offset < start:
            return k
    return len(doc.blocks) - 1


def _whole_vocabulary(params: dict | None) -> tuple:
    """The words telling the whole's execution rate from a part's (whole_row_words, part_words,
    part_pattern, whole_words): a rule's own, else concepts.yaml whole_execution_rate (the shared
    ones without a rule: judged_as_execution reads the rows the rules judge). As a key."""
    params = params or {}
    shared = concepts().get("whole_execution_rate") or {}

    def words(name: str):
        return params.get(name) or shared.get(name) or ()
    # (a table's total rows are the shared column_total_rows: 合计, 总计)
    rows = params.get("whole_row_words") or concepts().get("column_total_rows") or ()
    return (tuple(rows), tuple(words("part_words")), words("part_pattern") or "",
            tuple(words("whole_words")))


def _execution_indicators(doc, typed, params: dict | None = None) -> list[ExecutionRow]:
    """Indicator rows scoring the budget execution rate (三级指标 预算执行率 | 分值 10 | 实际完成值
    92.40% | 得分 7.80), read as execution rows with the stated rate and no amounts, where the report
    states how the rate is scored: its own rule (a step, bands, full marks from a threshold), the
    points × the rate in its text (concepts.yaml execution_scoring `proportional`) or in the row's
    criteria and remarks. A row whose criteria or remarks state another rule (执行率达到90%及以上
    得满分) keeps to it and is not judged. Indicator forms score the rate in many ways, so with no
    rule stated the row is left to the indicator rules (a missed target, SCO007/SCO008). Read
    once per document and vocabulary of the whole's rate (`params`: see _whole_execution_rate)."""
    vocabulary = _whole_vocabulary(params)
    kept = doc.__dict__.setdefault("_execution_indicators", {})
    cached = kept.get(vocabulary)
    if cached is None:
        cached = kept[vocabulary] = _read_execution_indicators(doc, typed, vocabulary)
    return cached


def _read_execution_indicators(doc, typed, vocabulary: tuple = ((), (), "", ())) -> list[ExecutionRow]:
    scoring = concepts().get("execution_scoring") or {}
    proportional, named = scoring.get("proportional") or "", scoring.get("indicator") or ""
    if not named or not proportional:
        return []
    stated = _execution_rule(doc) is not None or bool(_proportional_search(proportional, doc.text))
    found = []
    for t in score_tables(typed):
        rows = indicators_of(t)
        for r in rows:
            if r.score is None or not names_execution_rate(r.indicator):
                continue
            actual = read_target(r.actual_text) if "actual" in r.cells else None
            rate_cell = r.cells.get("actual")
            if actual is None and not r.actual_text.strip():
                # (an evaluation's scoring table gives no actual value: the rate its findings column
                # states, 评价情况 | 支出4,032.00万元，执行率90.00%, else the whole's rate a table's
                # total row or the text states)
                rate_cell = _reason_execution_rate(r, scoring.get("stated_rate")) or \
                    _whole_execution_rate(doc, named, vocabulary)
                actual = read_target(rate_cell.text) if rate_cell is not None else None
            weight = inferred_weight(r, rows)
            if actual is None or actual.unit != "%" or actual.comparator not in ("", "=") or weight is None:
                continue
            criteria = " ".join(c.text for c in (r.cells.get("criteria"),) if c)
            own = compact(criteria + row_remarks(r.cells["score"], t.table))
            own_formula = bool(re.search(proportional, own))
            # (the row's criteria stating a rule of the rate's own, ≥95%得满分，每低1个百分点扣0.5分,
            # read as the report's rule is, the indicator's name before it)
            # (a formula with a threshold, 达到90%及以上得满分，低于90%按执行率×分值计分, is the
            # threshold's rule: the formula holds below it only)
            own_rule = _read_execution_rule(f"{r.indicator}：{criteria}") if criteria else None
            if own_rule is not None and (own_rule.kind == "formula" or (own_formula and own_rule.kind != "threshold")):
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


def _whole_execution_rate(doc, named: str, vocabulary: tuple) -> Cell | None:
    """The execution rate of the whole the report scores (the department, the evaluated project), as
    a cell (its figure and where it is), or None.

    A table breaking the spending down (基本支出 | 项目 … | 合计, a column of 执行率) states the
    whole's rate in its total row (`whole_row_words`); its other rows are parts'. Where tables state
    it, theirs is taken (one value, else none: a narrative figure differing from it is FCT001's).
    Else the one value the text's sentences give a rate so named (预算执行率为92.60%), leaving out
    those a part's words come before in their sentence (since the rate before it there, if any): a
    part's name (`part_words`: 基本支出, 项目支出 …), a breakdown row's label (医保信息化建设), a named
    project (`part_pattern`: …建设项目, not 本项目, nor the project the report's title names),
    unless the whole's words (`whole_words`: 部门整体, 全局) follow it; none when several remain."""
    from ...facts.base import fact_base
    from ...facts.base.model import CURRENT

    whole_rows, part_words, part_pattern, whole_words = vocabulary
    rates = [f for f in fact_base(doc).facts if f.unit == "%" and f.period == CURRENT and not f.comparator
             and f.measure == "实际值" and f.concept and re.search(named, compact(f.concept))]
    tabled = [f for f in rates if f.source == "table"]
    totals = [f for f in tabled if _names_whole_row(f.label, whole_rows, whole_words)]
    # (the labels of a breakdown's rows of parts, where no total row is told apart: none then)
    rows = {compact(f.label) for f in tabled if f.label and "执行率" not in f.label} if whole_rows else set()
    title = compact(doc.blocks[0].text) if doc.blocks else ""
    text = [f for f in rates if f.source == "text"]
    whole = [f for f in text if not _names_part(_rate_lead(doc, f, text), part_words, rows, part_pattern,
                                                    whole_words, title)]
    # (in a project's report the project is the whole: a sentence on the unit's rate is no rate of it)
    project = doc.meta.get("report_type") == concepts().get("project_report_type")
    naming = () if project else (concepts().get("whole_execution_rate") or {}).get("label_words") or ()
    stated_whole = [f for f in whole if any(w in compact(f.label or "") for w in naming)]
    if totals and not (stated_whole and len({f.value for f in stated_whole}) == 1):
        return Cell(totals[0].text, totals[0].loc) if len({f.value for f in totals}) == 1 else None
    # a rate the text names the whole's by its own words (部门整体预算执行率97.25%) is the whole's
    # before a table's total row, which may total some projects only (a table of the main projects)
    whole = stated_whole or whole
    if len({f.value for f in whole}) != 1:
        return None
    return Cell(whole[0].text, whole[0].loc)


def _names_whole_row(label: str, words, whole_words=()) -> bool:
    """A total row of the whole: its label a total word alone, or after the whole's words (部门合计);
    not a part's total (基本支出合计)."""
    label = compact(label or "")
    return any(label == w or (label.endswith(w) and label[:-len(w)] in whole_words) for w in words)


def _rate_lead(doc, fact, rates) -> str:
    """The words of a text rate's sentence before it, since the rate before it there (if any)."""
    from ...facts.base import fact_base

    sentence = fact_base(doc).sentences.get((fact.block, fact.sentence))
    if sentence is None:
        return fact.label or ""
    begin = max((f.at + len(f.text) for f in rates if f.block == fact.block and f.sentence == fact.sentence
                 and f.at < fact.at), default=0)
    lead = sentence[begin:fact.at] if begin <= fact.at <= len(sentence) else fact.label or ""
    # (parts listed in a bracket, （其中基本支出1,000.00万元，项目支出…）, break the whole down: no
    # subject of the rate; a 其中 clause outside one names the thing the rate after it is of)
    return GLOSS_RE.sub("", lead)



def _names_part(lead: str, part_words, rows: set[str], part_pattern: str, whole_words, title: str) -> bool:
    """Whether the words before a rate name a part of the spending (see _whole_execution_rate), and
    no whole's words after it."""
    lead, ends = compact(lead), []
    for m in list(re.finditer(part_pattern, lead))[::-1] if part_pattern else ():
        name = m.groupdict().get("name") or m.group(0)
        if name and name[-4:] in title:
            # (the project the report's title names is the whole evaluated: its name set aside, so
            # that its words, 改造项目支出, name no part)
            lead = lead[:m.start()] + "〇" * (m.end() - m.start()) + lead[m.end():]
        else:
            ends.append(m.end())
    # (a part word the report's title names is the thing evaluated: 项目支出 in a project's report)
    ends += [lead.rfind(w) + len(w) for w in (*part_words, *(r for r in rows if len(r) >= 2))
             if w and w in lead and w not in title]
    if not ends:
        return False
    after = lead[max(ends):]
    return not any(w in after for w in whole_words)


def judged_as_execution(doc, typed) -> set[int]:
    """The score cells (by id) of the indicator rows the execution rules judge: the indicator
    rules leave them alone (one rule for one score)."""
    return {id(row.cells["score"]) for row in _execution_indicators(doc, typed)}


def _execution_rule(doc) -> ExecutionRule | None:
    """The report's own rule for the execution score (concepts.yaml execution_scoring), or None
    (the rule's formula holds). Read once per document."""
    cached = getattr(doc, "_execution_rule", False)
    if cached is False:
        cached = doc._execution_rule = _read_execution_rule(doc.text)  # type: ignore[attr-defined]
    return cached


def _read_execution_rule(text: str) -> ExecutionRule | None:
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
        sentence = sentence_at(text, m.start(), m.end())
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
        return ExecutionRule("formula", sentence_at(text, m.start(), m.end()))
    m = _proportional_search(scoring["proportional"], text) if scoring.get("proportional") else None
    threshold = _threshold(scoring, text, m)[0] if m else FULL_RATE
    if m and threshold < FULL_RATE:
        # 达到90%（含）以上的得满分，低于90%的按执行率×分值计分: the formula holds below the threshold only
        return ExecutionRule("threshold", sentence_at(text, m.start(), m.end()), threshold)
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
    sentence = sentence_at(text, m.start(), m.end())
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


def _count_value(text: str) -> Decimal | None:
    """A figure written in digits or as a Chinese numeral (一个百分点)."""
    value = count_word(text)
    if value is None:
        try:
            return Decimal(text)
        except ArithmeticError:
            return None
    return Decimal(value)


def check_execution_rate(doc, rule, typed):
    for row in execution_rows(typed):
        if row.rate is None or not row.bases or row.executed is None:
            continue
        rate_cell = row.cells["rate"]
        computed = [row.executed / b * 100 for b in row.bases]
        yield CHECKED  # (each relation evaluated, consistent or not: the engine counts the failed among them)
        if any(close_enough(row.rate, c, row.rate_text()) for c in computed):
            continue
        yield Hit(
            quote=row_quote(rate_cell, row.typed.table), location=rate_cell.loc,
            stated=rate_cell.text, expected=f"{fmt(computed[0])}%",
            formula=f"执行率 = 执行数 ÷ 预算数 = {row.executed} ÷ {row.bases[0]} = {fmt(computed[0])}%",
            fields={"table": table_name(row.typed), "rate": rate_cell.text},
            highlights=[c.loc for c in row.cells.values()])
