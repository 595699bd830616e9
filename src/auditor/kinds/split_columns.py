"""Kind `split_columns`: a total split several ways across a row (资金总额 | 按收入性质分: 一般公共
预算拨款 | 政府性基金预算拨款 | 其他资金 | 按支出性质分: 基本支出 | 项目支出), as target forms and
budget summaries print a year's funds: each split's columns add up to the total, row by row.

A split is a head over two or more columns that says it splits (按收入性质分, 按资金来源划分: the
rule's split_head_pattern); the total is the column left of the first split whose head names one
(资金总额, 合计). The heads declare the identity: a form of one row is judged too. A split whose
columns do not add up to the total is told once, with the splits that do: where another split adds
up, the total stands and the odd split holds the slip. Each split is compared as every sum is
(kinds/base.py sum_check): a difference within the printing is a rounding note, and a cell that
makes the sum hold once read in 元 is a unit slip (kinds/table_sum/units.py blame_unit_slip).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..facts.numbers import fmt
from ..knowledge import compact
from ..tables.typed import parse_cell
from .base import CHECKED, Hit, rounding_note, sum_check, table_start
from .table_sum.reading import is_amount
from .table_sum.units import blame_unit_slip

KIND = "split_columns"
PARAMS = {
    # a head over columns saying they split what is left of them (按收入性质分, 按资金来源划分)
    "split_head_pattern": (str, ""),
    # words of the total's head (资金总额, 合计)
    "total_words": (list, []),
    # a member column inside the one before it (其中：…): no part of the split's sum
    "part_column_words": (list, []),
}
MESSAGE_FIELDS = {"table", "label", "split", "sum", "total_head", "total", "diff", "verdict"}
MIN_MEMBERS = 2  # columns a split must hold: one column restates the total, no split


def validate(params: dict) -> str | None:
    return None if params["split_head_pattern"] and params["total_words"] else "split_head_pattern 与 total_words 不能为空"


def check(doc, rule):
    pattern = re.compile(rule.params["split_head_pattern"])
    for table in doc.tables:
        if not pattern.search(compact(table_start(table, 600))):
            continue  # (most tables split nothing: their cells need not be read)
        form = _splits(table.grid(), pattern, rule.params)
        if form is not None:
            yield from _rows(table, *form, rule.tolerance)


def _splits(grid, pattern: re.Pattern, params: dict):
    """(grid, head row, total column, {split name: member columns}) of the first head row holding
    a split, or None where it holds none or no total stands left of it."""
    for h, row in enumerate(grid[:-2]):
        # (a head merged over its columns may be repeated in each of them, as a word processor's
        # grid gives it: a run of one text is one head)
        starts = [c for c, t in enumerate(row) if pattern.fullmatch(compact(t)) and (c == 0 or row[c - 1] != t)]
        if not starts:
            continue
        below = grid[h + 1]
        splits = {}
        for c in starts:
            end = next((k for k in range(c + 1, len(row)) if row[k].strip() and row[k] != row[c]), len(row))
            members = [k for k in range(c, end) if k < len(below) and below[k].strip()
                       and not any(w in compact(below[k]) for w in params["part_column_words"])]
            if len(members) >= MIN_MEMBERS:
                splits[compact(row[c])] = members
        total = next((c for c in range(min(starts) - 1, -1, -1)
                      if any(w in compact(row[c] or below[c]) for w in params["total_words"])), None)
        return (grid, h, total, splits) if splits and total is not None else None
    return None


def _rows(table, grid, h: int, total_col: int, splits: dict[str, list[int]], tolerance: dict):
    total_head = (grid[h][total_col] or grid[h + 1][total_col]).strip()
    for r in range(h + 2, len(grid)):
        row = grid[r]
        if total_col >= len(row) or not is_amount(row[total_col]):
            break  # (the funds' rows run on under the heads; a form's next part, its indicators, ends them)
        total = parse_cell(row[total_col].strip())
        parts = {name: _parts(row, cols) for name, cols in splits.items()}
        parts = {name: p for name, p in parts.items() if p is not None}
        if total is None or not parts:
            continue
        yield CHECKED
        # each split compared as every sum is (kinds/base.py sum_check)
        outcomes = {name: sum_check(total, [q for _, q in p], tolerance) for name, p in parts.items()}
        off = [name for name, outcome in outcomes.items() if outcome == "mismatch"]
        # (every split off the total alike: the total is the slip, the sum-of-columns rules' to tell)
        if len(off) == len(parts) and len(parts) > 1:
            continue
        for name, outcome in outcomes.items():
            if outcome != "ok":
                yield _hit(table, grid, (r, h), total_col, total_head, total, (name, splits[name]), parts[name], outcome)


def _parts(row: list[str], cols: list[int]):
    """(column, printed figure) of the split's cells with a figure (a blank or a dash is 0 and left
    out); None where a cell holds words."""
    parts = []
    for c in cols:
        text = row[c].strip() if c < len(row) else ""
        if not text or text in "-－—–/":
            continue
        q = parse_cell(text)
        if q is None or not is_amount(text):
            return None
        parts.append((c, q))
    return parts


def _hit(table, grid, at: tuple[int, int], total_col: int, total_head: str, total, split: tuple[str, list[int]],
         parts: list, outcome: str) -> Hit:
    """Told at the split's first cell: the total stands where another split adds up to it."""
    r, h = at
    row = grid[r]
    cells = table.rows[r]
    name, cols = split
    figures = [q for _, q in parts]
    label = next((t.strip() for t in row if t.strip() and parse_cell(t.strip()) is None), "") \
        or f"第{table.row_number(r)}行"
    value = sum((q.value for q in figures), Decimal(0))
    places = max([total.places] + [q.places for q in figures])
    shown = fmt(value, places)
    terms = " + ".join(f"{grid[h + 1][c].strip()} {row[c].strip() or 0}" for c in cols)
    hit = Hit(quote=table.row_text(r).strip("\t "), location=cells[cols[0]].loc, stated=f"{label} {name} {shown}",
              expected=row[total_col].strip(),
              formula=f"{name}：{terms} = {shown}，{total_head} {row[total_col].strip()}",
              fields={"table": table.name, "label": label, "split": name, "sum": shown,
                      "total_head": total_head, "total": row[total_col].strip(),
                      "diff": fmt(value - total.value, places), "note": "",
                      "verdict": "的差额仅在印刷精度之内" if outcome == "rounding" else "不符"},
              cls="rounding" if outcome == "rounding" else None,
              highlights=[cells[c].loc for c in (total_col, *cols) if c < len(cells)])
    if outcome == "rounding":
        hit.formula += "；" + rounding_note(total, figures, places)
    else:
        blame_unit_slip(hit, table, total, figures, [cells[total_col], *(cells[c] for c, _ in parts)])
    return hit
