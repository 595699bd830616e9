"""Kind `stock_flow`: a table following a stock through the year, row by row.

A table whose amount columns are, by their heads, an opening stock (年初数, 年初结转和结余), what
came in (本年增加, 本年收入, 新增), what went out (本年减少, 本年支出, 处置) and a closing stock
(年末数, 年末结转和结余) holds on every row: closing = opening + Σ in − Σ out. Where one side has
its own 小计 / 合计 column, that column stands for the side. A table with any other column of
figures (结余分配, 其他调整, 上年数) is not judged: the identity may have more terms than it shows.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..facts.base import is_column_numbers
from ..facts.numbers import Quantity, fmt
from ..knowledge import compact
from ..tables.typed import parse_cell
from .base import CHECKED, Hit, rounding_note, sum_check

KIND = "stock_flow"
PARAMS = {
    # words of a column head naming each role; a head is the first role whose words it holds
    "closing_words": (list, []), "opening_words": (list, []),
    "in_words": (list, []), "out_words": (list, []),
    # words of a head naming a side's own total (本年支出 | 小计 | 基本支出 | 项目支出)
    "side_total_words": (list, []),
    # heads of columns of keys, not figures (科目编码, 序号)
    "key_heads": (list, []),
    # cell texts standing for nothing moved (—, 0 written as a dash)
    "nil_cells": (list, []),
}
MESSAGE_FIELDS = {"table", "label", "column", "total", "sum", "diff"}
ROLES = ("closing", "opening", "in", "out")


def validate(params: dict) -> str | None:
    for role in ROLES:
        if not params[f"{role}_words"]:
            return f"{role}_words 不能为空"
    return None


def check(doc, rule):
    for table in doc.tables:
        grid = table.grid()
        # (the first row of figures that is no 栏次 row, 1 2 3 … numbering the columns)
        first = next((r for r, row in enumerate(grid) if any(_figure(t) for t in row)
                      and not is_column_numbers([t.strip() for t in row if _figure(t)])), None)
        if first is None or first == 0:
            continue
        columns = _columns(rule, grid, first)
        if columns is None:
            continue
        for r in range(first, len(grid)):
            yield from _row_hits(rule, table, grid, r, columns)


def _figure(text: str) -> bool:
    q = parse_cell(text.strip()) if text.strip() else None
    return q is not None and q.unit not in ("%", "‰")


def _columns(rule, grid, first: int) -> dict[str, list[int]] | None:
    """The columns of each role, or None when the table is no stock followed through the year:
    every column of figures takes a role, one opening and one closing among them."""
    width = len(grid[0])
    heads = [compact("".join(row[c] for row in _filled_heads(grid, first))) for c in range(width)]
    figured = [c for c in range(width) if any(_figure(grid[r][c]) for r in range(first, len(grid)))
               and not any(w in heads[c] for w in rule.params["key_heads"])]
    columns: dict[str, list[int]] = {role: [] for role in ROLES}
    for c in figured:
        role = next((role for role in ROLES if any(w in heads[c] for w in rule.params[f"{role}_words"])), None)
        if role is None:
            return None  # a column of figures of another kind: more terms than the table shows
        columns[role].append(c)
    if len(columns["opening"]) != 1 or len(columns["closing"]) != 1 or not (columns["in"] or columns["out"]):
        return None
    for side in ("in", "out"):
        totals = [c for c in columns[side] if any(w in heads[c] for w in rule.params["side_total_words"])]
        if len(totals) > 1:
            return None
        if totals:
            columns[side] = totals  # (本年支出 | 小计 | 基本支出 | 项目支出: the 小计 stands for the side)
    columns["heads"] = heads  # type: ignore[assignment]
    return columns


def _filled_heads(grid, first: int) -> list[list[str]]:
    """The header rows with a merged head carried right over the blank cells it spans (本年支出 over
    小计 | 基本支出 | 项目支出), in every header row but the last. The header is the run of rows
    right above the figures holding two heads or more; a title, the unit and the unit's name
    above it (…决算表; 部门：… | 2023年度 | 单位：万元) are none."""
    top = first
    while top > 0 and sum(1 for t in grid[top - 1] if t.strip()) >= 2 \
            and not any(mark in t for t in grid[top - 1] for mark in "：:"):
        top -= 1
    rows = [list(grid[r]) for r in range(top, first)]
    for row in rows[:-1]:
        for c in range(1, len(row)):
            if not row[c].strip():
                row[c] = row[c - 1]
    return rows


def _cell_quantity(rule, text: str) -> Quantity | None:
    text = text.strip()
    if text in rule.params["nil_cells"]:
        return Quantity(Decimal(0))
    q = parse_cell(text) if text else None
    return q if q is not None and q.unit not in ("%", "‰") else None


def _row_hits(rule, table, grid, r: int, columns: dict):
    row = grid[r]
    closing_col, opening_col = columns["closing"][0], columns["opening"][0]
    closing = parse_cell(row[closing_col].strip()) if row[closing_col].strip() else None
    opening = _cell_quantity(rule, row[opening_col])
    ins = [_cell_quantity(rule, row[c]) if row[c].strip() else Quantity(Decimal(0)) for c in columns["in"]]
    outs = [_cell_quantity(rule, row[c]) if row[c].strip() else Quantity(Decimal(0)) for c in columns["out"]]
    if closing is None or opening is None or any(q is None for q in [*ins, *outs]):
        return
    yield CHECKED
    parts = [opening, *ins, *(replace(q, value=-q.value) for q in outs)]
    outcome = sum_check(closing, parts, rule.tolerance)
    if outcome == "ok":
        return
    heads = columns["heads"]
    exact = sum((p.value for p in parts), Decimal(0))
    places = max([closing.places] + [p.places for p in parts])
    shown = fmt(exact, places, row[closing_col])
    terms = f"{heads[opening_col]} {row[opening_col].strip() or 0}" + "".join(
        f" + {heads[c]} {row[c].strip() or 0}" for c in columns["in"]) + "".join(
        f" − {heads[c]} {row[c].strip() or 0}" for c in columns["out"])
    formula = f"{heads[closing_col]} = {terms} = {shown}"
    if outcome == "rounding":
        formula += "；" + rounding_note(closing, parts, places)
    cells = table.rows[r]
    cell = cells[closing_col] if closing_col < len(cells) else None
    if cell is None:
        return
    label = _row_name(row)
    yield Hit(
        quote=table.row_text(r).strip("\t "), location=cell.loc, stated=f"{label} {row[closing_col].strip()}",
        expected=shown, formula=formula,
        fields={"table": table.title or f"表{table.index}", "label": label, "column": heads[closing_col],
                "total": row[closing_col].strip(), "sum": shown, "diff": f"{closing.value - exact:.{places}f}"},
        cls="rounding" if outcome == "rounding" else None,
        highlights=[c.loc for k, c in enumerate(cells)
                    if k in (opening_col, closing_col, *columns["in"], *columns["out"])])


def _row_name(row: list[str]) -> str:
    """A row's name: its first cell holding words (not its 序号 or code)."""
    return next((t.strip() for t in row if t.strip() and not t.strip().replace(".", "").isdigit()), "")
