"""The units of `table_sum`'s figures: a column counted in plain numbers (人, 个) rather than
money or a scale, a head's own unit, and the unit slips: a figure in 元 among figures in 万元
(blame_unit_slip, read by kinds/split_columns.py too; yuan_slip, a row printed in 元;
printed_unit_slip, a cell printing its own money unit in a column of another)."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.numbers import MONEY_UNITS, Quantity, fmt, half_unit, quantize_like
from ...knowledge import compact, concepts
from ...model import Cell
from ...tables.products import UNIT_RE
from ...tables.typed import parse_cell
from ..base import Hit, note_compared, sum_check
from .reading import row_label


YUAN_PER_WAN = MONEY_UNITS["万元"]


def blame_unit_slip(hit: Hit, table, total, parts, cells: list[Cell]) -> None:
    """In a table of 万元, the sum holds once one cell is read as a figure in 元 (905,709.42 among
    figures of tens of 万元): that cell carries a unit slip, and the finding is put on it."""
    if "万元" not in (table.unit or ""):
        return
    values = [total.value, *(p.value for p in parts)]
    slack = sum((half_unit(q.places) for q in (total, *parts)), Decimal(0))
    found = []
    for k, value in enumerate(values):
        if abs(value) < YUAN_PER_WAN / 10:
            continue  # (a figure in 元 of a table's size: at least a thousand)
        scaled = [v / YUAN_PER_WAN if j == k else v for j, v in enumerate(values)]
        if abs(scaled[0] - sum(scaled[1:], Decimal(0))) <= slack:
            found.append(k)
    if len(found) != 1:
        return
    cell = cells[found[0]]
    right = fmt(values[found[0]] / YUAN_PER_WAN, 2, cell.text)
    hit.location, hit.stated, hit.expected, hit.cls = cell.loc, cell.text, f"{right}（万元）", "unit_error"
    hit.quote = table.row_text(cell.loc.row - 1).strip("\t ")
    told = f"{cell.text} 疑为按元填列（应为 {right} 万元）"
    hit.formula += f"；仅当 {cell.text} 按“元”计（即 {right} 万元）时各数相符：该格应是以元填入的金额"
    hit.fields["diff"] += f"，{told}"
    hit.fields["note"] = hit.fields["note"].rstrip("）") + f"，{told}）"


SCALED_UNIT_RE = re.compile(r"[万亿千]|元")  # a unit of a scale (万人次) or of money: no plain count
HEAD_UNIT_RE = re.compile(r"[（(][^）)]+[）)]")  # a head naming its own unit (投资额（万元）)


def counted_column(rule, table, column: str, unit_line: str = "") -> bool:
    """A column of counts of people or things, by its head, the table's title or the unit line
    above it (人数（人）, 户数, 单位：人): its whole numbers are exact, no rounded figures."""
    pattern = rule.params["count_heads"]
    head, title = compact(column), compact(f"{table.title or ''} {unit_line}")
    if any(HEAD_UNIT_RE.sub("", head).endswith(w) for w in rule.params["given_point_heads"]):
        return True  # (分值 10 + 10 + … printed whole: the weights the form gives, no rounded figures)
    if not pattern or SCALED_UNIT_RE.search(head):
        return False  # (万人次, 万元: figures rounded to a scale, or amounts)
    if re.search(pattern, head) and (HEAD_UNIT_RE.search(head) or not SCALED_UNIT_RE.search(title)
                                     or _lists_own_count(head, title)):
        # (项目数（个） under 单位：万元: the column says its own unit; 服务人次数 under 万人次 does not;
        # 已整改个数 under 单位：个、万元、%: the caption lists the count's own unit beside the money's)
        return True
    return not HEAD_UNIT_RE.search(head) and not SCALED_UNIT_RE.search(title) and bool(re.search(pattern, title))


CAPTION_UNITS_RE = re.compile(r"单位[：:]([^）)]*)")  # the units a caption lists (单位：个、万元、%)


def _lists_own_count(head: str, title: str) -> bool:
    """The head ends as a count does (个数, 件数, 人数: concepts.yaml count_head_endings) and the
    caption lists that count's unit among its units (单位：个、万元、%)."""
    ending = next((unit for end, unit in (concepts().get("count_head_endings") or {}).items()
                   if unit and HEAD_UNIT_RE.sub("", head).endswith(end)), None)
    listed = {u.strip() for found in CAPTION_UNITS_RE.finditer(title) for u in re.split(r"[、，,；;/和及]", found.group(1))}
    return ending is not None and ending in listed



def yuan_slip(rule, table, total_cell: Cell, total, cells: list[Cell], names: list[str], column: str) -> Hit | None:
    """A row printed in 元 in a column of 万元 (216800 among 40.10, 24.55): the total holds with
    that row read in 万元. Reported at the row, as a unit slip."""
    parts = [parse_cell(c.text) for c in cells]
    exact = sum((p.value for p in parts), total.value * 0)
    for k, (cell, name, part) in enumerate(zip(cells, names, parts)):
        if part.value < YUAN_PER_WAN:
            continue
        shifted = part.value / YUAN_PER_WAN
        others = parts[:k] + parts[k + 1:]
        if sum_check(total, others + [Quantity(quantize_like(shifted, total.places))],
                     rule.tolerance) == "mismatch":
            continue
        shown = fmt(shifted, total.places)
        return Hit(
            quote=table.row_text(cell.loc.row - 1).strip("\t "), location=cell.loc, stated=cell.text,
            expected=shown, cls="unit_error",
            formula=f"{name} {cell.text} 按{column}读作 {shown} 时，各行之和 {fmt(exact - part.value + shifted, total.places)} "
                    f"与合计 {total_cell.text} 相符：该行多半以元填入了以万元计的列",
            fields={"table": table.name, "label": name, "column": column,
                    "total": cell.text, "sum": shown, "diff": "", "relation": "按万元计应为",
                    "note": f"（合计 {total_cell.text} 按此相符，该行疑以元填入）"},
            highlights=[total_cell.loc])
    return None


def head_unit(head: str) -> str | None:
    """The unit a column head names in brackets at its end (累计建成面积（万亩） -> 万亩), if any."""
    found = list(UNIT_RE.finditer(head))
    return found[-1].group(1) if found and found[-1].end() == len(head.rstrip()) else None


def printed_unit_slip(table, total_cell: Cell, total, cells: list[Cell], parts, column: str, label: str,
                      rule) -> Hit | None:
    """A column of amounts in one money unit (its head's, 金额（万元）, or the table's) where one cell
    prints another (合计 2,403.13元): read in yuan, the sum holds (24,031,300元: quiet) or not; where
    it does not and its digits in the column's unit make it hold, that cell's unit is a slip."""
    unit = column_money_unit(table, column)
    cells_all, figures = [total_cell, *cells], [total, *parts]
    own = [k for k, q in enumerate(figures) if q.unit and q.unit != unit]
    if unit is None or len(own) != 1 or any(q.unit not in ("", *MONEY_UNITS) for q in figures):
        return None
    in_yuan = [q.value * MONEY_UNITS[q.unit or unit] for q in figures]
    slack = sum((half_unit(q.places) * MONEY_UNITS[q.unit or unit] for q in figures), Decimal(0))
    note_compared(total_cell.loc)
    if abs(in_yuan[0] - sum(in_yuan[1:], Decimal(0))) <= slack:
        return None  # (24,031,300元 is 2,403.13万元: the same sum in another unit)
    digits = [Quantity(q.value, unit) for q in figures]
    if sum_check(digits[0], digits[1:], rule.tolerance) == "mismatch":
        return None  # (the figures do not add up either way: which is wrong is not told here)
    cell, slip = cells_all[own[0]], figures[own[0]]
    right = f"{fmt(slip.value, slip.places, cell.text)}{unit}"
    if own[0]:  # (a row's cell, not the total's: the message names that row)
        label = compact(row_label([c.text for c in table.rows[cell.loc.row - 1]])) or label
    scales = sorted((MONEY_UNITS[unit], MONEY_UNITS[slip.unit]))
    return Hit(
        quote=table.row_text(cell.loc.row - 1).strip("\t "), location=cell.loc, stated=cell.text.strip(),
        expected=right, cls="unit_error",
        formula=(f"{column}以{unit}计，{cell.text.strip()} 单独写作{slip.unit}；按{unit}读各行之和与合计相符，"
                 f"按所写的{slip.unit}读则相差 {scales[1] / scales[0]:,.0f} 倍：单位应为{unit}"),
        fields={"table": table.name, "label": label, "column": column,
                "total": cell.text.strip(), "sum": right, "diff": "", "gap": Decimal(0),
                "relation": "单位与本列不符，应为", "note": ""},
        highlights=[c.loc for c in cells_all if c is not cell])


def column_money_unit(table, column: str) -> str | None:
    """The money unit a column's figures are printed in: its head's (金额（万元）), else the table's."""
    found = head_unit(column)
    if found in MONEY_UNITS:
        return found
    if found:
        return None  # (a head in 人, 亩: no money column)
    return next((u for u in sorted(MONEY_UNITS, key=len, reverse=True) if u in (table.unit or "")), None)
