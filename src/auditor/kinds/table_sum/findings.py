"""A total against its parts for kind `table_sum` (compare): the finding it makes, with a
transposed digit or a unit slip named; a column's finding (column_hit) and the cell where a row's
and a column's findings cross (crossing_cell)."""
from __future__ import annotations

from decimal import Decimal

from ...facts.lexicon import lexicon
from ...facts.numbers import fmt, parse_quantity
from ...knowledge import compact
from ...model import Cell
from ...tables.typed import parse_cell
from ..base import GLOSS_RE, Hit, note_compared, rounding_note, sum_check
from .units import blame_unit_slip, counted_column, printed_unit_slip, yuan_slip
from .reading import row_name, row_label
from .relations import RowRelations


def compare(rule, table, total_cell: Cell, part_cells: list[Cell], label: str, column: str,
             part_names: list[str], counted: bool = False, settled: "RowRelations | frozenset" = frozenset()):
    total = parse_cell(total_cell.text)
    parts = [parse_cell(c.text) for c in part_cells]
    if total is None or any(p is None for p in parts):
        return None
    note_compared(total_cell.loc)
    outcome = sum_check(total, parts, rule.tolerance, counts=counted)
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
    hit = Hit(
        quote=quote, location=total_cell.loc, stated=f"{label} {total_cell.text}",
        expected=shown, formula=formula,
        fields={"table": table.name, "label": label, "column": column,
                "total": total_cell.text, "sum": shown,
                "diff": fmt(total.value - exact, places, total_cell.text), "gap": total.value - exact,
                "relation": "各行之和为",
                "note": f"（相差 {fmt(total.value - exact, places, total_cell.text)}）"},
        cls="rounding" if outcome == "rounding" else None,
        highlights=[total_cell.loc] + [c.loc for c in part_cells])
    if outcome == "mismatch":
        blame_unit_slip(hit, table, total, parts, [total_cell, *part_cells])
        hit.formula += _transposition_note(total_cell, part_cells, part_names, exact, places, settled, label)
    return hit


def _transposition_note(total_cell: Cell, part_cells: list[Cell], part_names: list[str], exact, places: int,
                        settled: "RowRelations | frozenset" = frozenset(), label: str = "合计") -> str:
    """Where two adjacent digits of one figure swapped back make the sum hold exactly (473,444.41
    for 437,444.41: a difference of 36,000.00), the figure most likely mistyped, named; else "".
    A part its own row bears out (`settled`: its cell's (row, column), 0-based, in a relation of
    the row that holds, 增减额 = 本年 − 上年 or 合计 = 基本 + 项目) is no candidate: swapped, it
    would break that relation."""
    total = parse_cell(total_cell.text).value
    found = []
    for name, cell in zip(part_names, part_cells):
        if (cell.loc.row - 1, cell.loc.col - 1) in settled:
            continue
        value = parse_cell(cell.text).value
        for swapped in _adjacent_swaps(cell.text):
            if value - swapped.value == exact - total:
                found.append(f"「{name}」{cell.text}（应为 {swapped.text}）")
    own = "合计 " if label == "合计" else f"「{label}」"  # (a subtotal is named: 21101 环境保护管理事务)
    found += [f"{own}{total_cell.text}（应为 {swapped.text}）" for swapped in _adjacent_swaps(total_cell.text)
              if swapped.value == exact]
    if len(found) != 1:
        return ""  # (none, or several figures it could be: no one to name)
    return f"；差额 {fmt(total - exact, places, total_cell.text)} 恰由 {found[0]}两位相邻数字颠倒所致，疑为数字易位"


def _adjacent_swaps(text: str):
    """The figure with each pair of adjacent differing digits swapped (separators kept in place)."""
    at = [k for k, ch in enumerate(text) if ch.isdigit()]
    for a, b in zip(at, at[1:]):
        if text[a] != text[b]:
            chars = list(text)
            chars[a], chars[b] = chars[b], chars[a]
            swapped = parse_quantity("".join(chars))  # (not parse_cell: these texts are no cells to keep)
            if swapped is not None:
                yield swapped


def crossing_cell(rule, table, column_hits: list[Hit], across) -> Hit | None:
    """The one row not adding up across and the one column not adding up to its 合计, both off by the
    same amount (白沙镇 595.50 short of its parts by 10, 中央资金's 合计 530.00 short of its rows by
    10): the cell where they cross is the one figure wrong, and the totals are right. A hit on it
    (its value had it been right, from its row and from its column alike), else None."""
    if across is None or len(across[1]) != 1 or len(column_hits) != 1:
        return None
    row_hit, col_hit = across[1][0], column_hits[0]
    if row_hit.cls or col_hit.cls or stated_gap(row_hit) != stated_gap(col_hit):
        return None
    r, c = row_hit.location.row - 1, col_hit.location.col - 1
    if c in across[0] or r >= len(table.rows) or c >= len(table.rows[r]):
        return None
    cell = table.rows[r][c]
    value = parse_cell(cell.text.strip())
    if value is None:
        return None
    right = value.value + stated_gap(row_hit)
    shown = fmt(right, value.places, cell.text)
    label, column = row_hit.fields["label"], col_hit.fields["column"]
    return Hit(
        quote=table.row_text(r).strip("\t "), location=cell.loc, stated=f"{label} {column} {cell.text.strip()}",
        expected=shown,
        formula=(f"{label}行：{row_hit.fields['column']} {row_hit.fields['total']} 减其余各栏，{column} 应为 {shown}；"
                 f"{column}列：合计 {col_hit.fields['total']} 减其余各行，{label} 应为 {shown}（行、列合计都与此相符，"
                 f"错的是此格）"),
        fields={**col_hit.fields, "label": label, "total": cell.text.strip(), "sum": shown,
                "relation": "按所在行、列的合计应为", "note": ""},
        highlights=[cell.loc, row_hit.location, col_hit.location])


def _distinct_note(rule, note: str) -> bool:
    """The note right after the table says its total counts people or things once (去除重复,
    同时参加, 实际人数): no sum of its rows."""
    return any(w in note for w in rule.params["distinct_count_words"])


def column_hit(rule, table, grid, at: int, col: int, ways: list[list[int]], column: str, note: str = "",
                unit_line: str = "", settled: "RowRelations | frozenset" = frozenset(), numbered: list[int] | None = None):
    """The column's total against its rows, added up each way the table may mean (`ways`): None
    when one way holds; else the nearest way, or, where the numbering shows the nesting
    (`numbered`, see _numbered_reading), the numbered rows: one reading for every column."""
    total_cell = table.rows[at][col] if col < len(table.rows[at]) else None
    total = parse_cell(total_cell.text) if total_cell is not None and total_cell.text.strip() else None
    if total is None or total.unit in ("%", "‰"):
        return None
    best = None
    counted = counted_column(rule, table, column, unit_line) or any(
        GLOSS_RE.sub("", compact(t)) in rule.params["count_units"] for t in grid[at])  # (车辆数合计 | 辆 | 13: its own unit)
    if counted and _distinct_note(rule, note):
        return None  # (注：7名队员同时参加两支服务队，合计为实际人数: a count of distinct people)
    for way, rows in enumerate(ways):
        cells = [table.rows[r][col] for r in rows if col < len(table.rows[r])
                 and table.rows[r][col].text.strip() and not lexicon().dash(table.rows[r][col].text.strip())]
        parts = [parse_cell(c.text) for c in cells]
        if any(p is None for p in parts):
            return None  # words or a malformed figure: no column of amounts to add
        if any(p.unit != total.unit for p in parts):
            # (other units: a cell printing its own money unit in a column of another, 合计 2,403.13元
            # under 金额（万元）, is read in the column's; other units than money are not added)
            return printed_unit_slip(table, total_cell, total, cells, parts, column, compact(row_label(grid[at])), rule) \
                if way == 0 else None
        if not parts:
            continue
        outcome = sum_check(total, parts, rule.tolerance, counts=counted)
        if outcome == "ok":
            note_compared(total_cell.loc)
            return None
        if len(parts) < 2 and way == 0:
            # (every row: a sum needs two to be told wrong; one row that is the total, 合计 over one
            # 类 and its 其中 list, holds)
            continue
        gap = (outcome != "rounding", rows != numbered, abs(sum(p.value for p in parts) - total.value))
        if best is None or gap < best[0]:
            best = (gap, cells)  # the way of adding up that comes nearest: the one the table meant
    if best is None:
        return None
    cells = best[1]
    label = compact(row_label(grid[at]))
    names = [row_name(grid[c.loc.row - 1]) or f"第{c.loc.row_shown}行" for c in cells]
    return yuan_slip(rule, table, total_cell, total, cells, names, column) \
        or compare(rule, table, total_cell, cells, label, column, names, counted, settled)


def stated_gap(hit: Hit) -> Decimal:
    """The difference a hit states, as a number (its message's `diff` shows it as printed: grouped
    1,000.00 like the total, a unit slip's note after it)."""
    return hit.fields["gap"]
