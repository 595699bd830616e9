"""Kind `table_sum`: totals in tables against their detail rows.

Checks (param `check`):
- code_rollup: tables keyed by budget code; 合计 = Σ 类 (3 digits), and every code = Σ of
  the codes two digits longer below it (201 = 20103 = 2010350 + 2010399), per amount column.
- row_total: in the same tables, a 合计/小计 column = Σ of the amount columns after it
  (本年支出合计 = 基本支出 + 项目支出 + …), row by row.
- summary_totals: 收入支出决算总表-like tables; 本年收入合计 / 本年支出合计 = Σ of the
  numbered items above it on the same side.
- three_public: the identities of the “三公” columns declared in the rule (`identities`), e.g.
  合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费.
Differences that rounding of the printed figures explains are reported as `rounding`.
"""
from __future__ import annotations

import re

from ..facts.numbers import fmt
from ..knowledge import compact
from ..model import Cell
from ..tables.typed import CodeRecord, parse_cell, typed_tables
from .base import Hit, rounding_note, sum_check

KIND = "table_sum"
PARAMS = {"check": (str, None), "total_labels": (list, ["本年收入合计", "本年支出合计"]),
          "identities": (list, []), "names": (dict, {}),
          # words of a column head whose figures are rates (增减率, 占比): they do not add up
          "rate_column_words": (list, []),
          # words of a column head standing beside a row's total, not under it (年末结转和结余
          # after 本年支出 | 小计 | 基本支出 | 项目支出): the parts end before it
          "beside_total_words": (list, [])}
MESSAGE_FIELDS = {"table", "label", "column", "total", "sum", "diff"}
TOTAL_COLUMN_RE = re.compile(r"(?:合计|小计)$")
ITEM_RE = re.compile(r"^[一二三四五六七八九十]+、")
BLANK_MARKS = {"—", "-", "－", "/", "／", "——", "--", "…"}


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    if params["check"] == "three_public" and not all(
            isinstance(i, dict) and {"total", "label", "parts"} <= set(i) for i in params["identities"] or [None]):
        return "three_public 需要 identities: [{total, label, parts}]"
    return None


def check(doc, rule):
    return CHECKS[rule.params["check"]](rule, typed_tables(doc))


def _compare(rule, table, total_cell: Cell, part_cells: list[Cell], label: str, column: str,
             part_names: list[str]):
    total = parse_cell(total_cell.text)
    parts = [parse_cell(c.text) for c in part_cells]
    if total is None or any(p is None for p in parts):
        return None
    outcome = sum_check(total, parts, rule.tolerance)
    if outcome == "ok":
        return None
    exact = sum((p.value for p in parts), total.value * 0)
    places = max([total.places] + [p.places for p in parts])
    shown = fmt(exact, places, total_cell.text)
    terms = " + ".join(f"{n} {p.text}" for n, p in zip(part_names, parts))
    formula = f"{label} = {terms} = {shown}"
    if outcome == "rounding":
        formula += "；" + rounding_note(total, parts, places)
    quote = table.row_text(total_cell.loc.row - 1).strip("\t ")
    return Hit(
        quote=quote, location=total_cell.loc, stated=f"{label} {total_cell.text}",
        expected=shown, formula=formula,
        fields={"table": table.title or f"表{table.index}", "label": label, "column": column,
                "total": total_cell.text, "sum": shown,
                "diff": f"{total.value - exact:.{places}f}"},
        cls="rounding" if outcome == "rounding" else None,
        highlights=[total_cell.loc] + [c.loc for c in part_cells])


def _check_code_rollup(rule, typed):
    for t in typed:
        if t.type != "budget_by_code":
            continue
        names = t.column_names
        for segment, amount_cols in t.segments:
            records = [r for r in t.records if r.segment == segment]
            children: dict[int, list[CodeRecord]] = {}  # record -> its child codes, the same in every column
            for col in amount_cols:
                name = names.get(col, f"第{col + 1}列")
                if any(w in name for w in rule.params["rate_column_words"]):
                    continue  # a 增减率 column: a total's rate is no sum of its items' rates
                yield from _rollup_column(rule, t, records, col, name, children)


def _unreadable(t, row: int, col: int) -> bool:
    """A cell with text that is neither a figure nor a blank mark (478.08.00, 1628..67): a sum
    over it cannot be judged; the malformed figure is reported by its own rule."""
    cells = t.table.rows[row]
    text = cells[col].text.strip() if col < len(cells) else ""
    return bool(text) and text not in BLANK_MARKS and parse_cell(text) is None


def _rollup_column(rule, t, records, col, column_name, children_of: dict[int, list[CodeRecord]]):
    for i, rec in enumerate(records):
        total_cell = rec.amounts.get(col)
        if total_cell is None:
            continue
        children = children_of.get(i)
        if children is None:
            children = children_of[i] = _children(records, i)
        parts = [c for c in children if col in c.amounts]
        if not children or not parts or any(_unreadable(t, c.row, col) for c in children):
            continue
        label = f"{rec.code} {rec.name}".strip() if not rec.is_total else rec.name or rec.code
        hit = _compare(rule, t.table, total_cell, [c.amounts[col] for c in parts],
                       label, column_name, [c.code for c in parts])
        if hit is not None:
            yield hit


def _check_row_total(rule, typed):
    for t in typed:
        if t.type != "budget_by_code":
            continue
        names = t.column_names
        for segment, amount_cols in t.segments:
            total_cols = [c for c in amount_cols if TOTAL_COLUMN_RE.search(compact(names.get(c, "")))]
            if not total_cols:
                continue
            total_col = total_cols[0]
            beside = [c for c in amount_cols if c > total_col and any(
                w in compact(names.get(c, "")) for w in rule.params["beside_total_words"])]
            stop = min(beside) if beside else None
            parts = [c for c in amount_cols if c > total_col and (stop is None or c < stop)]
            for rec in (r for r in t.records if r.segment == segment):
                total_cell = rec.amounts.get(total_col)
                part_cells = [rec.amounts[c] for c in parts if c in rec.amounts]
                if total_cell is None or not part_cells or any(_unreadable(t, rec.row, c) for c in parts):
                    continue
                label = f"{rec.code} {rec.name}".strip() if not rec.is_total else rec.name or rec.code
                hit = _compare(rule, t.table, total_cell, part_cells, label, names.get(total_col, ""),
                               [names.get(c, f"第{c + 1}列") for c in parts if c in rec.amounts])
                if hit is not None:
                    yield hit


def _children(records: list[CodeRecord], i: int) -> list[CodeRecord]:
    parent = records[i]
    if parent.is_total:
        return [r for r in records if not r.is_total and len(r.code) == 3]
    length = len(parent.code)
    children = []
    for rec in records[i + 1:]:
        if rec.is_total or len(rec.code) <= length or not rec.code.startswith(parent.code):
            break
        if len(rec.code) == length + 2:
            children.append(rec)
    return children


def _check_summary_totals(rule, typed):
    totals = {compact(x) for x in rule.params["total_labels"]}
    for t in typed:
        if t.type != "income_expense_summary":
            continue
        for side in {r.side for r in t.records}:
            items = []
            for rec in (r for r in t.records if r.side == side):
                label = compact(rec.label)
                if label in totals:
                    parts = [r for r in items if parse_cell(r.amount_cell.text) is not None]
                    if parts and parse_cell(rec.amount_cell.text) is not None:
                        hit = _compare(rule, t.table, rec.amount_cell, [r.amount_cell for r in parts],
                                       rec.label, "", [r.label for r in parts])
                        if hit is not None:
                            yield hit
                    break
                if ITEM_RE.match(rec.label):
                    items.append(rec)


def _check_three_public(rule, typed):
    for t in typed:
        if t.type != "three_public":
            continue
        for rec in t.records:
            group = "预算数" if rec.group == "budget" else "决算数"
            for identity in rule.params["identities"]:
                total, label, parts = identity["total"], identity["label"], identity["parts"]
                cells = rec.cells
                if total not in cells or any(p not in cells for p in parts):
                    continue  # a table without those columns (no 购置费 / 运行维护费 split)
                total_cell = cells[total]
                if not total_cell.text.strip():
                    continue
                zero = Cell("0", total_cell.loc)
                part_cells = [cells[p] if cells[p].text.strip() else zero for p in parts]
                hit = _compare(rule, t.table, total_cell, part_cells, f"{group}{label}", group,
                               [rule.params["names"].get(p, p) for p in parts])
                if hit is not None:
                    yield hit


# Sub-checks by the rule's `check` param.
CHECKS = {
    "code_rollup": _check_code_rollup,
    "row_total": _check_row_total,
    "summary_totals": _check_summary_totals,
    "three_public": _check_three_public,
}
