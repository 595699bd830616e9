"""Checks `total` and `subtotals` of kind `score`: Σ得分 (with or without the execution score) =
总分, and the subtotals of a form's categories against their rows."""
from __future__ import annotations

import re

from decimal import Decimal

from ...facts.base.model import CURRENT
from ...facts.numbers import Quantity, fmt, half_unit, parse_quantity, plain
from ...knowledge import compact, concepts
from ...model import Cell, table_ordinal
from ...tables.typed import category_key, TypedTable, cell_at, number, points
from ..base import CHECKED, Hit, NotAssessable
from .forms import ExecutionRow, IndicatorRow, table_name, row_quote, close_enough, score_places, score_tables, indicators_of
from .execution import execution_rows


def _execution_score_for(t: TypedTable, typed: list[TypedTable]) -> tuple[Decimal | None, str]:
    """The execution score of the same form; computed (分值 × 执行率) when left blank. A form
    printed as two tables (the fund rows, then the indicators and 总分) is one form where the
    fund table comes right before the indicator table (no score table between) and its 分值
    with the indicators' makes the total's (10 + 90 = 100)."""
    score, text, _, _ = _execution_of(t, typed)
    return score, text


def _execution_of(t: TypedTable, typed: list[TypedTable]) -> tuple[Decimal | None, str, Decimal | None, Cell | None]:
    """(score, its text, its 分值, its score's cell) of the form's execution row: see _execution_score_for."""
    for other in _same_form(t, typed) + _fund_table_before(t, typed):
        if other.type == "budget_execution" and other.records:
            row = ExecutionRow.of(other, other.records[0])
            if row.score is not None:
                return row.score, row.cells["score"].text, row.weight, row.cells["score"]
            rate, _ = row.rate_basis()
            if rate is not None and row.weight is not None:
                computed = min(row.weight * rate / 100, row.weight)
                return computed, f"{fmt(computed)}（未填，按分值×执行率计）", row.weight, None
    # the form's fund rows printed apart elsewhere (a sheet of their own): the document's one
    # execution score, when all its fund tables agree on it
    scored = {ExecutionRow.of(o, o.records[0]).score: o for o in typed
              if o.type == "budget_execution" and o.records and ExecutionRow.of(o, o.records[0]).score is not None}
    if len(scored) == 1:
        (score, other), = scored.items()
        row = ExecutionRow.of(other, other.records[0])
        return score, row.cells["score"].text, row.weight, row.cells["score"]
    return None, "", None, None


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
    weights = [r.weight for r in indicators_of(t)]
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


def check_subtotals(doc, rule, typed):
    for t in score_tables(typed):
        yield from _subtotals_of(t, score_places(t.table, typed))
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
    rows = [r for r in _categories_out(indicators_of(t))
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
    own = [r for r in execution_rows(typed) if r.typed.table is t.table and r.weight is not None]
    beside = own[0].weight if len(own) == 1 and summed < stated else None
    alone = not execution_table and scored is not None and all(r.score is not None for r in rows) \
        and close_enough(number(scored), sum((r.score for r in rows), Decimal(0)), scored.text)
    if summed == stated or (beside is not None and summed + beside == stated) \
            or (summed < stated and not alone and beside is None):
        return
    terms = [r.cells["weight"].text for r in rows] + ([f"{beside}（{own[0].label}）"] if beside is not None else [])
    summed += beside or 0
    places = max(Quantity(w).places for w in weights)  # (as printed: 20 → 0, 19.5 → 1)
    shown = fmt(summed, places)
    yield Hit(quote=row_quote(total, t.table), location=total.loc, stated=total.text, expected=shown,
              formula="Σ分值 = " + " + ".join(terms) + f" = {shown}，"
                      + (f"超过合计行的分值 {total.text}" if summed > stated else
                         f"少于合计行的分值 {total.text}，而表外没有其他计分项" if beside is not None else
                         f"少于合计行的分值 {total.text}，而合计行的得分正是各行得分之和：表外没有得分的指标"),
              fields={"table": table_name(t), "section": "合计", "score": "分值", "total": total.text,
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
    indicators = indicators_of(t)
    # (a category's own row heading its indicators is its subtotal too, named by its level-1 cell)
    for row, cells, named in sorted([(row, cells, "") for row, cells in t.subtotals] + t.category_rows, key=lambda x: x[0]):
        label = named or next((c.text.strip() for c in cells if c.text.strip()), "小计")
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


def _subtotals_of(t: TypedTable, places: int):
    """Each category's 小计 row against the scores (and 分值) of that category's indicators; a
    whole-number score read at the form's precision (`places`: 37 beside 9.5 and 18.5 is 37.0)."""
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
            form = places if field_name == "score" else None
            # (each item printed to two decimals or more is a rounded print too: three scores of 6.67
            # are 20.00 within 0.015; never more than ROUNDED_ITEMS_SLACK in all, so a 小计 off by half
            # a point among many items still tells)
            slack = min(sum((_half_of(r.cells.get(field_name)) for r in rows), Decimal(0)), ROUNDED_ITEMS_SLACK)
            if close_enough(stated, expected, cell.text, form, slack):
                continue
            narrow = [getattr(r, field_name) for r in run]
            if run is not rows and close_enough(stated, sum(narrow, Decimal(0)), cell.text, form, slack):
                continue
            terms = " + ".join(fmt(v) for v in values)
            what = "得分" if field_name == "score" else "分值"
            yield Hit(quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=fmt(expected),
                      formula=f"{label}：Σ{what} = {terms} = {fmt(expected)}",
                      fields={"table": table_name(t), "section": label, "score": what, "total": cell.text,
                              "diff": fmt(stated - expected)},
                      highlights=[r.cells[field_name].loc for r in rows if field_name in r.cells])


ROUNDED_ITEMS_SLACK = Decimal("0.05")  # at most this much of a subtotal's gap is its items' rounding


def _half_of(cell) -> Decimal:
    """Half a unit of the last digit of a score printed to two decimals or more (6.67 of 20 ÷ 3); a
    whole number or a half point (9.5) is given as it stands (0 for it, or for no printed number)."""
    q = parse_quantity(cell.text) if cell is not None else None
    return half_unit(q.places) if q is not None and q.places >= 2 else Decimal(0)


def check_full_marks(doc, rule, typed):
    """A whole form's points (its 总分 row's 分值, the execution row's added where it stands apart) make
    the full marks the genre scores out of (param full_marks, 100). Only a table whose total row
    prints its points and whose rows span two first-level categories or more is a whole form (a
    category's own table totals its part); where no execution row is read, the points it usually
    holds (param unlisted_points: 10 of 100) may be the ones missing."""
    full = Decimal(str(rule.params["full_marks"]))
    unlisted = {Decimal(str(p)) for p in rule.params["unlisted_points"]}
    for t in score_tables(typed):
        cell = t.totals.get("weight")
        rows = indicators_of(t)
        try:
            declared = points(cell) if cell is not None else None
        except ArithmeticError:
            declared = None
        if declared is None or len({compact(r.record.level1) for r in rows if r.record.level1}) < 2 \
                or _names_categories(t.table.title or ""):
            continue  # (产出和效益指标得分情况表: a part of the form by its title, whatever its points)
        yield CHECKED
        _, _, execution, _ = _execution_of(t, typed)
        weights = [r.weight for r in _categories_out(rows)]
        if execution is not None and None not in weights and sum(weights, Decimal(0)) != declared:
            execution = None  # (the 总分 row's 分值 holds the execution row's too: 88 + 10 = 98)
        if declared == full or (execution is not None and declared + execution == full) \
                or (execution is None and full - declared in unlisted) \
                or _stated_full_marks(doc, declared, rule.params["stated_full_marks_pattern"]):
            continue
        made = declared + (execution or Decimal(0))
        yield Hit(quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=plain(full),
                  formula=(f"总分分值 {cell.text} + 预算执行分值 {plain(execution)} = {plain(made)}" if execution is not None
                           else f"总分分值 {cell.text}") + f"，不是满分 {plain(full)}",
                  fields={"table": table_name(t), "total": plain(made),
                          "diff": f"比满分 {plain(full)} 分{'少' if made < full else '多'} {plain(abs(made - full))} 分"},
                  highlights=[cell.loc])


def _names_categories(title: str) -> bool:
    """A table's title naming first-level categories of a score (产出和效益指标得分情况表): a part of the
    form (concepts.yaml score_lists categories)."""
    categories = (concepts().get("score_lists") or {}).get("categories") or {}
    words = compact(title)
    return any(w in words for names in categories.values() for w in names)


def _stated_full_marks(doc, points: Decimal, pattern: str) -> bool:
    """The report says the table's points are its full marks (决策和过程指标…（满分35分）: param
    stated_full_marks_pattern, {points} the points): a part of the evaluation scored apart, no whole
    form out of 100."""
    return bool(pattern) and re.search(pattern.replace("{points}", re.escape(plain(points))), doc.text) is not None


def check_total(doc, rule, typed):
    tables = list(score_tables(typed))
    for t in tables:
        total = t.totals.get("score")
        # (a form with no 总分 row whose total the text states: the document's one score table only)
        narrated = list(_narrated_total(doc, t, typed)) if total is None and len(tables) == 1 else []
        if narrated:
            yield from narrated
            continue
        if t.categories_only:
            continue  # (the categories' scores and their 合计 are summed as a table's column: SUM005)
        if total is None:
            yield NotAssessable(f"{table_ordinal(t.table.index)}没有可读的总分")
            continue
        stated = number(total)
        rows = _categories_out(indicators_of(t))
        scored = [r for r in rows if r.score is not None]
        indicators = sum((r.score for r in scored), Decimal(0))
        execution, execution_text = _execution_score_for(t, typed)
        if execution is None:
            execution, execution_text = _unprinted_execution(t, rows, typed)
        candidates = [indicators] + ([indicators + execution] if execution is not None else [])
        if any(close_enough(stated, c, total.text) for c in candidates):
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
            yield Hit(quote=row_quote(total, t.table), location=total.loc, stated=total.text, expected=fmt(expected),
                      formula=f"Σ得分 = {terms} = {fmt(expected)}；{tail}", cls="rounding", severity="info",
                      fields={"table": table_name(t), "total": total.text, "diff": fmt(stated - expected)},
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
            quote=row_quote(total, t.table), location=total.loc,
            stated=total.text, expected=fmt(expected),
            formula=f"Σ得分 = {terms} = {fmt(expected)}{note}",
            fields={"table": table_name(t), "total": total.text, "diff": fmt(stated - expected)},
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
    if not groups or any(r.record.row not in covered for r in indicators_of(t)):
        return False
    values = [number(c) if c is not None else None for c in (cell_at(cells, t.columns.get("score")) for cells, _, _ in groups)]
    return None not in values and close_enough(stated, sum(values, Decimal(0)), printed)


def _narrated_total(doc, t: TypedTable, typed: list[TypedTable]):
    """The total score the text states right after a form printing none, concluding it (经自评，项目
    得分97.20分（满分100分）; concept 自评得分, this year's, the one such value in the document), for a
    form whose rows with its execution row weigh the full marks the text states beside it (else
    concepts.yaml full_score): the form is the whole evaluation, and its scores add up to that total.
    A total stated before the form (a department's, another project's) or beside points of another
    kind in its sentence (另加2分) is not the form's sum; nor are rows scoring above their weights
    (a column of scores out of 100 beside the weighted ones)."""
    from ...facts.base import fact_base

    base = fact_base(doc)
    whole = next(iter(concepts().get("score_total_rows") or {}), None)
    said = [f for f in base.by_concept.get(whole, ()) if f.source == "text" and f.measure == "得分"
            and f.unit == "分" and not f.comparator and f.period == CURRENT]
    at = next((k for k, block in enumerate(doc.blocks) if block is t.table), None)
    if not said or len({f.value for f in said}) != 1 or at is None or not 0 < said[0].block - at <= CONCLUDING_BLOCKS:
        return
    sentence = base.by_sentence.get((said[0].block, said[0].sentence), ())
    if any(f.unit == "分" and f is not said[0] and f.measure != "分值" and f.concept != EXECUTION_SCORED for f in sentence):
        return  # (另因获评省级示范加2分，综合得分94分: points beside the form's)
    rows = _categories_out(indicators_of(t))
    if not rows or any(r.score is None or r.weight is None or r.score > r.weight for r in rows):
        return
    execution, execution_text, execution_weight, execution_cell = _execution_of(t, typed)
    weights = sum((r.weight for r in rows), Decimal(0)) + ((execution_weight or 0) if execution is not None else 0)
    marks = next((f.value for f in base.by_sentence.get((said[0].block, said[0].sentence), ())
                  if f.measure == "分值" and f.unit == "分" and f.source == "text"), Decimal(concepts().get("full_score") or 100))
    if weights != marks:
        return  # (the rows are not the whole evaluation: its total is not their sum)
    stated = said[0]
    yield CHECKED
    expected = sum((r.score for r in rows), Decimal(0)) + (execution or 0)
    if close_enough(stated.value, expected, stated.text, score_places(t.table, typed)):
        return
    terms = " + ".join(r.cells["score"].text for r in rows)
    if execution is not None:
        terms = f"{execution_text}（预算执行） + {terms}"
    yield Hit(quote=stated.quote, location=stated.loc, stated=stated.text, expected=fmt(expected),
              formula=f"Σ得分（{table_name(t)}） = {terms} = {fmt(expected)}；文中总分 {stated.text}",
              fields={"table": f"{table_name(t)}（文中总分）", "total": stated.text, "diff": fmt(stated.value - expected)},
              highlights=[r.cells["score"].loc for r in rows] + ([execution_cell.loc] if execution_cell is not None else []))


CONCLUDING_BLOCKS = 3  # blocks after a form a sentence stating its total may stand in (a caption, a note between)
EXECUTION_SCORED = "预算执行率"  # the concept of the execution score a total's sentence may break out (其中预算执行率得分8.20分)

