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
- running_total: a column of running totals (累计) = the row before's + the row's own figure.
- column_total: any other table with one 合计 / 总计 row: in each column of amounts, the total
  is the sum of the rows below it (or above it, the total last), rows inside others (其中, 小计,
  a deeper numbering) left to the rows they belong to.
- year_growth: a table whose rows are years, its growth column against the row above
  (tables/year_rows.py).
- row_product: a column of amounts = a column of standards × some numbers of the row (亩数,
  人数 × 天数), the way most rows of the table follow (tables/products.py).
Differences that rounding of the printed figures explains are reported as `rounding`.
"""
from __future__ import annotations

import re
from decimal import Decimal
import functools
from functools import lru_cache

from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, NUMBER_RE, Quantity, fmt, half_unit, is_column_numbers, parse_quantity, quantize_like
from ...ingest.build import numbering_of
from ...knowledge import compact, concepts, vocabulary, vocabulary_generation
from ...memo import remember_short
from ...model import Cell, Table
from ...tables.products import UNIT_RE, row_products
from ...tables.year_rows import year_growth_slips
from ...tables.typed import CodeRecord, line_number_columns, parse_cell, typed_tables
from ...ingest.raw import DASHES, YEAR_CELL_RE, years_apart
from ..base import (CHECKED, Checked, Hit, NotAssessable, Trial, compared_tally, note_compared, rounding_note,
                   sum_check, SUBROW_RE)

KIND = "table_sum"
PARAMS = {"check": (str, None), "total_labels": (list, ["本年收入合计", "本年支出合计"]),
          # column_total: a column's head closing so sums the row's columns beside it (… | 小计),
          # a column's head opening so is inside another (其中：政府采购), no part of that sum
          "column_subtotal_labels": (list, []), "part_column_words": (list, []),
          # column_total: words of a column head whose figures weigh a row (分配系数, 因素权重): no
          # part of the row's total, though the column may add up
          "factor_column_words": (list, []),
          # column_total: the most characters of a unit line above a table (单位：人, 金额单位：万元)
          "unit_line_chars": (int, 40),
          "identities": (list, []), "names": (dict, {}),
          # words of a column head whose figures are rates (增减率, 占比): they do not add up
          "rate_column_words": (list, []),
          # words of a column head whose figures are a change between two columns of the row
          # (增减额 = 本年 − 上年): see _change_relations
          "change_column_words": (list, []),
          # row_product: words of a table's note capping its amounts (最高不超过…万元)
          "cap_note_words": (list, []),
          # words of a column head standing beside a row's total, not under it (年末结转和结余
          # after 本年支出 | 小计 | 基本支出 | 项目支出): the parts end before it
          "beside_total_words": (list, []),
          # row_total: of those, the words of a balance at the year's end (年末结转和结余), which is
          # never summed into a total, whatever the rows give; a carry-over in (上年结转) may be
          "closing_balance_words": (list, []),
          # column_total: the row labels of a table's total, the tables other checks own (by type),
          # the heads of columns whose figures do not add up (单价, 人均), and the labels of rows
          # inside another row (其中, 小计)
          "total_row_labels": (list, ["合计", "总计"]), "covered_types": (list, []),
          # column_total: the totals of a table listing two things one after the other, each below
          # its rows (收入合计, 支出合计)
          "part_total_labels": (list, []),
          # column_total: the words closing a thing's total that may stand amid the rows, other things'
          # rows after it (流动资产 | 固定资产 | 资产总额 | 负债总额 | 净资产): see _middle_total
          "middle_total_words": (list, []),
          # column_total: the words closing a first row's label that name a whole over the 其中 list
          # under it (项目总投资, 资金总额): see _whole_heading
          "heading_whole_words": (list, []),
          "not_summed_words": (list, []), "inner_row_words": (list, ["其中", "小计"]),
          # column_total: the label of a row closing the group of rows right above it as their sum
          "subtotal_words": (list, ["小计"]),
          # running_total: the head words of a column of running totals, and the labels of rows by period
          "running_words": (list, []), "period_row_pattern": (str, ""),
          # year_growth: the words of a head of growth on the year before (较上年增长（%）)
          "growth_words": (list, []), "prior_words": (list, []),
          # summary_totals: the totals of a side whose items are not numbered, the words of rows
          # that make such a side no plain sum (其中 rows), and of a balance carried over (one is an item)
          "plain_total_labels": (list, []), "not_item_words": (list, []), "balance_words": (list, []),
          # summary_totals: the labels of a side's grand total (总计), and the first words of the
          # template's balance rows between a side's 合计 and its 总计 (年初结转和结余, 结余分配 …)
          "grand_total_labels": (list, []), "balance_rows": (list, []),
          # summary_totals: the names of a summary's two sides (收入, 支出), as its total rows say them
          "side_words": (list, []),
          # column_total: a column head or a table unit naming counts of people or things (人数（人）,
          # 单位：人): whole numbers in it are exact
          "count_heads": (str, ""),
          # heads of columns of points given, not measured (分值, 权重): whole points are exact
          "given_point_heads": (list, []),
          # the end of a total column's head that holds the carry-overs beside it (收入总计 = 上年结转 + 本年收入)
          "carry_total_words": (list, []),
          # …whose total the note after the table says counts each once (去除重复, 实际人数): not judged
          "distinct_count_words": (list, []),
          # column_total: the labels of rows that are no part of the total (平均, 人均)
          "not_summed_rows": (list, []),
          # column_total: units a row's label may state in brackets that are no money (在职人数（人）,
          # 房屋面积（平方米）): such a row counts other things than the table's amounts
          "other_unit_rows": (list, []),
          # how near the rows after a first row printing the total's figures must add up to it for
          # that row to be read as the total's one item over them (a share of its figure): a slip
          # in one of its items, not a total copied from the first row (150.00 under 738.70)
          "restating_row_slack": (float, 0.1),
          # summary_totals: how near the rows under a row of a one-column side must add up to it for
          # it to be read as their sum with a slip (the side's total holding exactly without them)
          "slipped_subtotal_slack": (float, 0.1)}
MESSAGE_FIELDS = {"table", "label", "column", "total", "sum", "diff", "relation", "note", "where"}
# (a hit's `gap`, the total less the parts' sum as a number, is for the kind's own reasoning, no message's)
TOTAL_COLUMN_RE = re.compile(r"(?:合计|小计)$")
ITEM_RE = re.compile(r"^[一二三四五六七八九十]+、")


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    if params["check"] == "three_public" and not all(
            isinstance(i, dict) and {"total", "label", "parts"} <= set(i) for i in params["identities"] or [None]):
        return "three_public 需要 identities: [{total, label, parts}]"
    return None


def check(doc, rule):
    """The check's findings, then how many totals it compared (consistent or not): a table whose
    sums hold is a table checked, not one passed over."""
    with compared_tally() as compared:
        outcomes = list(CHECKS[rule.params["check"]](doc, rule, typed_tables(doc)))
    return outcomes + [Checked(len(compared))] if compared else outcomes


def _compare(rule, table, total_cell: Cell, part_cells: list[Cell], label: str, column: str,
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
        fields={"table": table.title or f"表{table.index}", "label": label, "column": column,
                "total": total_cell.text, "sum": shown,
                "diff": fmt(total.value - exact, places, total_cell.text), "gap": total.value - exact,
                "relation": "各行之和为",
                "note": f"（相差 {fmt(total.value - exact, places, total_cell.text)}）"},
        cls="rounding" if outcome == "rounding" else None,
        highlights=[total_cell.loc] + [c.loc for c in part_cells])
    if outcome == "mismatch":
        _blame_unit_slip(hit, table, total, parts, [total_cell, *part_cells])
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


YUAN_PER_WAN = MONEY_UNITS["万元"]


def _blame_unit_slip(hit: Hit, table, total, parts, cells: list[Cell]) -> None:
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


def _check_code_rollup(doc, rule, typed):
    for t in typed:
        if t.type != "budget_by_code":
            continue
        if not t.segments:
            # typed by its head words, but no column reads as the codes: said, not passed over
            yield NotAssessable(f"「{t.table.title or f'表{t.table.index}'}」未找到科目编码列，各级科目之和未核对")
            continue
        names = t.column_names
        for segment, amount_cols in t.segments:
            records = [r for r in t.records if r.segment == segment]
            children: dict[int, list[CodeRecord]] = {}  # record -> its child codes, the same in every column
            groups = _row_groups(names, amount_cols, rule.params["beside_total_words"],
                                 tuple(rule.params["part_column_words"]))
            rates = {c for c in amount_cols if any(w in names.get(c, "") for w in rule.params["rate_column_words"])}
            plain = [c for c in amount_cols if c not in rates]
            settled = RowRelations(functools.partial(_record_relations, rule, records, names, plain, groups))
            column_hits: dict[int, list[Hit]] = {}
            for col in amount_cols:
                if col in rates:
                    continue  # a 增减率 column: a total's rate is no sum of its items' rates
                name = names.get(col, f"第{col + 1}列")
                across = next((g for g in groups if col in g[1]), None)
                column_hits[col] = list(_rollup_column(rule, t, records, col, name, children, across, settled))
            yield from _fold_changes(column_hits, settled) if any(column_hits.values()) else ()


def _record_relations(rule, records: list[CodeRecord], names: dict, cols: list[int], groups):
    """The change columns' relations of a code table (see _change_relations) and the cells its
    rows bear out (_settled_cells), by the row and column each cell is printed in."""
    figures = {}
    for rec in records:
        parsed = {c: parse_cell(rec.amounts[c].text) for c in cols if c in rec.amounts}
        figures[rec.row] = {c: q for c, q in parsed.items() if q is not None}
    changes = [c for c in cols if any(w in compact(names.get(c, "")) for w in rule.params["change_column_words"])]
    relations = _change_relations(list(figures.values()), changes, cols) if changes else []
    if not relations and not groups:
        return [], frozenset()
    printed = {rec.row: rec for rec in records}
    settled = _settled_cells(figures, relations, groups)
    return relations, frozenset((r, printed[r].printed_col(c)) for r, c in settled)


def _other_unit_row(label: str, units: list[str]) -> bool:
    """A row whose label ends with a unit in brackets that is no money (在职人数（人）), or whose
    name, brackets aside, closes on a word naming a count (公务接待批次, 接待人次: concepts.yaml
    count_head_endings): a row of counts in a table of money."""
    last = None
    for last in UNIT_RE.finditer(label):
        pass
    if last is not None and last.end() == len(label.rstrip()) and last.group(1) in units:
        return True
    return compact(UNIT_RE.sub("", label)).endswith(_count_endings())


@lru_cache(maxsize=1)
def _count_endings() -> tuple[str, ...]:
    return tuple((concepts().get("count_head_endings") or {}).keys())


def _unreadable(t, row: int, col: int) -> bool:
    """A cell with text that is neither a figure nor a blank mark (478.08.00, 1628..67): a sum
    over it cannot be judged; the malformed figure is reported by its own rule."""
    cells = t.table.rows[row]
    text = cells[col].text.strip() if col < len(cells) else ""
    return bool(text) and not lexicon().dash(text) and parse_cell(text) is None


def _rollup_column(rule, t, records, col, column_name, children_of: dict[int, list[CodeRecord]],
                   across: tuple[int, list[int]] | None = None, settled: "RowRelations | frozenset" = frozenset()):
    hits: dict[int, tuple[Hit, Decimal]] = {}  # record -> its finding and its gap (stated − sum)
    parts_of: dict[int, list[int]] = {}
    position = {id(r): k for k, r in enumerate(records)}  # (records.index would rescan per child)
    for i, rec in enumerate(records):
        total_cell = rec.amounts.get(col)
        if total_cell is None:
            continue
        children = children_of.get(i)
        if children is None:
            children = children_of[i] = code_children(records, i)
        parts = [c for c in children if col in c.amounts]
        if not children or not parts or any(_unreadable(t, c.row, c.printed_col(col)) for c in children):
            continue
        parts_of[i] = [position[id(c)] for c in parts]
        label = f"{rec.code} {rec.name}".strip() if not rec.is_total else rec.name or rec.code
        hit = _compare(rule, t.table, total_cell, [c.amounts[col] for c in parts],
                       label, column_name, [c.code for c in parts], settled=settled)
        if hit is not None:
            hits[i] = (hit, _gap(total_cell, [c.amounts[col] for c in parts]))
    for i, (hit, gap) in hits.items():
        # a parent whose gap is one child's own gap the other way round sums right once that
        # child is put right (211 printed 210 over 200: 合计 300 ≠ 210 + 100): one error, told once
        explained = [j for j in parts_of.get(i, ()) if j in hits and hit.cls is None and hits[j][0].cls is None
                     and gap != 0 and hits[j][1] == -gap]
        if explained:
            note = f"；改正此行后，上级「{hit.fields['label']}」{hit.fields['total']} 也与其下级之和相符"
            hits[explained[0]][0].formula += note
            continue
        if across is not None and col in across[1] and gap != 0 and any(
                _row_gap(t, records[j], *across) == gap for j in parts_of.get(i, ())):
            continue  # a child's cell that also breaks its own row (told by SUM004, at that cell)
        yield hit


def _row_gap(t, rec: CodeRecord, total_col: int, part_cols: list[int]) -> Decimal | None:
    """A record's 合计 minus the columns it sums, a blank or a dash 0 as the row check (SUM004)
    reads it; None without a 合计 or where a cell cannot be read."""
    if total_col not in rec.amounts or any(_unreadable(t, rec.row, rec.printed_col(c)) for c in part_cols):
        return None
    total = parse_cell(rec.amounts[total_col].text)
    parts = [parse_cell(rec.amounts[c].text) for c in part_cols if c in rec.amounts]
    if total is None or None in parts:
        return None
    return total.value - sum((p.value for p in parts), Decimal(0))


def _gap(total_cell: Cell, part_cells: list[Cell]) -> Decimal:
    total = parse_cell(total_cell.text)
    parts = [parse_cell(c.text) for c in part_cells]
    return total.value - sum((p.value for p in parts), Decimal(0))


# --- a change column beside the two it compares (增减额 = 本年 − 上年) --------------------------

def _change_relations(rows: list[dict[int, Quantity]], change_cols: list[int],
                      cols: list[int]) -> list[tuple[int, int, int]]:
    """(earlier, later, change) columns: for each change column (its head a change word), the
    two other columns whose difference it is on the most rows, at least CHANGE_ROWS of them and
    more than half the rows printing all three (the table shows it; its heads may misname a year).
    `rows`: each row's figures by column. Costs rows × columns² once a table."""
    found = []
    for c in change_cols:
        best, best_count = None, 0
        for a in cols:
            for b in cols:
                if len({a, b, c}) < 3 or b in change_cols or a in change_cols:
                    continue
                printed = [r for r in rows if a in r and b in r and c in r]
                count = sum(1 for r in printed if _difference_holds(r, a, b, c))
                if count > best_count and count >= CHANGE_ROWS and 2 * count > len(printed):
                    best, best_count = (a, b, c), count
        if best is not None:
            found.append(best)
    return found


CHANGE_ROWS = 2  # rows a change column must equal a difference on before it is read as that difference


def _difference_holds(row: dict[int, Quantity], a: int, b: int, c: int) -> bool:
    """row[c] = row[b] − row[a], each figure the interval its print allows."""
    slack = half_unit(row[a].places) + half_unit(row[b].places) + half_unit(row[c].places)
    return abs(row[b].value - row[a].value - row[c].value) <= slack


def _settled_cells(rows: dict[int, dict[int, Quantity]], relations: list[tuple[int, int, int]],
                   groups: list[tuple[int, list[int]]] = ()) -> frozenset:
    """(row, column) of each figure a relation of its own row bears out: a change column with the
    two it compares (`relations`), a total column with its parts (`groups`), holding on that row."""
    settled = set()
    for r, figures in rows.items():
        for a, b, c in relations:
            if a in figures and b in figures and c in figures and _difference_holds(figures, a, b, c):
                settled.update(((r, a), (r, b), (r, c)))
        for total, parts in groups:
            if total in figures and all(p in figures for p in parts) and abs(
                    figures[total].value - sum((figures[p].value for p in parts), Decimal(0))) <= sum(
                    (half_unit(q.places) for q in (figures[total], *(figures[p] for p in parts))), Decimal(0)):
                settled.update((r, c) for c in (total, *parts))
    return frozenset(settled)


class RowRelations:
    """A table's change relations and the cells its rows bear out (a pair of _change_relations and
    _settled_cells), worked out when first asked: only a table with a sum that breaks asks, so a
    consistent table costs nothing more. `key in` tells a settled cell."""

    def __init__(self, make):
        self._make, self._made = make, None

    def _get(self) -> tuple[list, frozenset]:
        if self._made is None:
            self._made = self._make()
        return self._made

    @property
    def relations(self) -> list[tuple[int, int, int]]:
        return self._get()[0]

    def __contains__(self, key) -> bool:
        return key in self._get()[1]


def _fold_changes(column_hits: dict[int, list[Hit]], settled: RowRelations):
    """The hits left once a change column's hit that follows from an earlier or later column's
    hit on the same row is folded into it: the row's change is the difference of its two
    figures (settled), so a total off by d in the earlier column (上年) puts its change off by −d
    (by d in the later one) and the change column's sum breaks by as much: one error, told once."""
    gone = set()
    for a, b, c in settled.relations:
        for hit in column_hits.get(c, ()):
            gap, row = hit.fields.get("gap"), hit.location.row - 1
            if hit.cls is not None or not gap or (row, hit.location.col - 1) not in settled:
                continue
            root = next((h for col, sign in ((a, -1), (b, 1)) for h in column_hits.get(col, ())
                         if h.cls is None and h.location.row - 1 == row and h.fields.get("gap") == sign * gap), None)
            if root is not None:
                root.folded.append((hit, "同行增减额由此数算得，随之与分项之和不符"))
                gone.add(id(hit))
    return [h for hits in column_hits.values() for h in hits if id(h) not in gone]


def _check_row_total(doc, rule, typed):
    for t in typed:
        if t.type != "budget_by_code":
            continue
        names = t.column_names
        for segment, amount_cols in t.segments:
            groups = _row_groups(names, amount_cols, rule.params["beside_total_words"],
                                 tuple(rule.params["part_column_words"]))
            for k, (total_col, parts) in enumerate(groups):
                following = groups[k + 1][0] if k + 1 < len(groups) else None
                parts = _with_carried(t, segment, total_col, parts, amount_cols, following,
                                      [c for c in amount_cols if any(w in names.get(c, "") for w in rule.params["closing_balance_words"])])
                yield from _row_total_of(rule, t, segment, names, total_col, parts)


def _with_carried(t, segment, total_col: int, parts: list[int], amount_cols: list[int],
                  following: int | None, closing: list[int]) -> list[int]:
    """The group's parts, with the columns after them that a word set beside the total (上年结转)
    when every row adds up with them and not without: a budget's income table sums its carry-over
    into 合计 (合计 | 一般公共预算拨款 | 其他收入 | 上年结转), a final account's spending table keeps its
    年末结转和结余 beside 本年支出. Decided for the table by the reading most rows add up in (at
    least half of them), never row by row: a slip would be hidden."""
    rest = [c for c in amount_cols if c > parts[-1] and (following is None or c < following)]
    if not rest or set(rest) & set(closing):
        return parts
    records = [r for r in t.records if r.segment == segment]
    without = [_row_gap(t, r, total_col, parts) for r in records]
    with_rest = [_row_gap(t, r, total_col, parts + rest) for r in records]
    # (rows whose columns after the parts are 0 or blank add up either way: they say nothing)
    judged = [(a, b) for a, b in zip(without, with_rest) if a is not None and b is not None and a != b]
    adds_with = sum(1 for _, b in judged if b == 0)
    if adds_with >= CARRIED_ROWS and adds_with > sum(1 for a, _ in judged if a == 0) and 2 * adds_with >= len(judged):
        return parts + rest
    return parts


CARRIED_ROWS = 2  # rows with a carry-over that add up only with it, at least, to sum it in


def _row_total_of(rule, t, segment, names: dict, total_col: int, parts: list[int]):
    """Each record of the segment across one group: its 合计 against the columns it sums."""
    records = [r for r in t.records if r.segment == segment]
    for i, rec in enumerate(records):
        total_cell = rec.amounts.get(total_col)
        part_cells = [rec.amounts[c] for c in parts if c in rec.amounts]
        if total_cell is None or not part_cells or any(_unreadable(t, rec.row, rec.printed_col(c)) for c in parts):
            continue
        label = f"{rec.code} {rec.name}".strip() if not rec.is_total else rec.name or rec.code
        hit = _compare(rule, t.table, total_cell, part_cells, label, names.get(total_col, ""),
                       [names.get(c, f"第{c + 1}列") for c in parts if c in rec.amounts])
        if hit is not None and hit.cls == "rounding" and _tail_of_children(t, records, i, total_col, parts):
            continue  # (2120101's 0.01 carried up to 21201, 212 and 合计: noted once, on the lowest row)
        if hit is not None:
            yield _blame_part(hit, t, rec, total_col, [c for c in parts if c in rec.amounts], names)


def _tail_of_children(t, records: list[CodeRecord], i: int, total_col: int, parts: list[int]) -> bool:
    """The row's rounding gap (合计 − its columns) is its child codes' gaps added up: theirs, carried up."""
    children = code_children(records, i)
    gaps = [_row_gap(t, c, total_col, parts) for c in children]
    own = _row_gap(t, records[i], total_col, parts)
    return bool(children) and own is not None and None not in gaps and own == sum(gaps, Decimal(0)) \
        and any(g != 0 for g in gaps)


def _row_groups(names: dict, amount_cols: list[int], beside_words: list[str],
                part_words: tuple = ()) -> list[tuple[int, list[int]]]:
    """(a 合计 column, the columns after it it sums) for each group of columns a row adds up in:
    the parts stop at the next total (上年预算数 合计 | 基本 | 项目 | 本年预算数 合计 | 基本 | 项目: two
    groups) or at a column standing beside the total (年末结转和结余; another year's, 合计 | 基本支出
    | 项目支出 | 2024年预算数)."""
    total_cols = [c for c in amount_cols if TOTAL_COLUMN_RE.search(compact(names.get(c, "")))]
    nested = _nested_subtotals(names, amount_cols, total_cols)
    if nested:
        return _nested_groups(names, amount_cols, total_cols, nested, beside_words, part_words)
    groups = []
    for k, total_col in enumerate(total_cols):
        following = total_cols[k + 1] if k + 1 < len(total_cols) else None
        beside = [c for c in amount_cols if c > total_col and (
            any(w in compact(names.get(c, "")) for w in beside_words)
            or _other_year(names.get(c, ""), names.get(total_col, "")))]
        stop = min([*beside, *([following] if following is not None else [])], default=None)
        # (其中：教育收费 is inside the column before it, no part of its own)
        parts = [c for c in amount_cols if c > total_col and (stop is None or c < stop) and _part_column(names, c, total_cols, part_words)]
        if parts:
            groups.append((total_col, parts))
    return groups


def _group_of(name: str) -> str:
    """The group a column's head names above its own words (财政拨款收入 of 财政拨款收入 小计)."""
    path = name.split()
    return " ".join(path[:-1]) if len(path) > 1 else ""


def _nested_subtotals(names: dict, amount_cols: list[int], total_cols: list[int]) -> dict[int, list[int]]:
    """{a subtotal column: the columns of its group} where a total column heads a group of its own
    (财政拨款收入 › 小计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款; 事业收入 › 小计 | 其中：医疗收入)
    beside a total of the whole row (本年收入合计); {} where no total stands above the groups."""
    nested = {}
    for col in total_cols:
        group = _group_of(names.get(col, ""))
        members = [c for c in amount_cols if c != col and group and _group_of(names.get(c, "")) == group]
        if members:
            nested[col] = members
    return nested if any(c not in nested for c in total_cols) else {}


def _nested_groups(names: dict, amount_cols: list[int], total_cols: list[int], nested: dict,
                   beside_words: list[str], part_words: tuple) -> list[tuple[int, list[int]]]:
    """The groups of a head nesting subtotals: each subtotal sums its group's columns but a 其中
    one (inside another, no part); the whole row's total sums the columns after it outside every
    group, each group by its subtotal, up to the next total or a column standing beside it."""
    groups = [(col, [c for c in members if _part_column(names, c, [col], part_words)]) for col, members in nested.items()]
    groups = [(col, parts) for col, parts in groups if len(parts) >= 2]  # (one part is a restatement, no sum)
    inside = {c for members in nested.values() for c in members}
    tops = [c for c in total_cols if c not in nested]
    for k, top in enumerate(tops):
        following = tops[k + 1] if k + 1 < len(tops) else None
        parts = []
        for c in amount_cols:
            if c <= top or c in inside or not _part_column(names, c, tops, part_words):
                continue
            if (following is not None and c >= following) or any(w in compact(names.get(c, "")) for w in beside_words):
                break
            parts.append(c)
        if len(parts) >= 2:
            groups.append((top, parts))
    return sorted(groups)


def _part_column(names: dict, col: int, totals, part_words: tuple) -> bool:
    """The column is a part of a sum beside it, not one inside the part before it (事业收入 | 其中：
    教育收费); right after a total, 其中 opens the total's parts (本年支出合计 | 其中：基本支出 | 项目支出)."""
    own = names.get(col, "").split()
    return not (own and compact(own[-1]).startswith(part_words)) or col - 1 in totals


YEAR_HEAD_RE = re.compile(r"(?:19|20)\d\d(?=年)")


def _other_year(name: str, total_name: str) -> bool:
    """A column head naming a year other than the total column's (2024年预算数 beside 2025年预算数)."""
    years = set(YEAR_HEAD_RE.findall(name))
    return bool(years) and not years & set(YEAR_HEAD_RE.findall(total_name))


def _blame_part(hit: Hit, t, rec: CodeRecord, total_col: int, part_cols: list[int], names: dict) -> Hit:
    """A row that does not add up across, where the total's column rolls up to the item above and
    exactly one part's column does not (事业单位医疗 26.15 | 26.51 under 行政事业单位医疗 26.15 | 26.15):
    that part's cell is the slip, and the finding is told at it."""
    parent = _parent_record(t.records, rec)
    if parent is None:
        return hit
    siblings = [r for r in t.records if r.segment == rec.segment and not r.is_total and len(r.code) == len(rec.code)
                and (parent.is_total or r.code.startswith(parent.code))]

    def rolls_up(col: int) -> bool | None:
        """(a blank or a dash is 0, as the row check reads it; a cell that cannot be read, None)"""
        if any(_unreadable(t, r.row, r.printed_col(col)) for r in (parent, *siblings)):
            return None
        whole = _figure(parent.amounts.get(col))
        values = [_figure(r.amounts.get(col)) for r in siblings]
        return None if whole is None or None in values else sum_check(whole, values) != "mismatch"

    if rolls_up(total_col) is not True:
        return hit
    broken = [c for c in part_cols if rolls_up(c) is False]
    if len(broken) != 1:
        return hit
    cell = rec.amounts[broken[0]]
    total = parse_cell(rec.amounts[total_col].text)
    others = [parse_cell(rec.amounts[c].text) for c in part_cols if c != broken[0]]
    if total is None or None in others:
        return hit
    places = max([total.places] + [o.places for o in others])
    right = fmt(total.value - sum((o.value for o in others), total.value * 0), places, cell.text)
    hit.location, hit.stated, hit.expected = cell.loc, f"{rec.code} {names.get(broken[0], '')} {cell.text}".strip(), right
    above = "合计" if parent.is_total else f"上级科目 {parent.code}"
    hit.formula += (f"；本列{above} 为 {parent.amounts[broken[0]].text}，与下级之和不符，"
                    f"而合计栏与上级一致：应改的是{names.get(broken[0], '该栏')}（{right}）")
    return hit


ZERO = parse_cell("0")


def _figure(cell: Cell | None):
    """A code record's figure in a column; ZERO where the record has none (blank or dash)."""
    return ZERO if cell is None else parse_cell(cell.text)


def _parent_record(records: list[CodeRecord], rec: CodeRecord) -> CodeRecord | None:
    """The item a budget code rolls up to (2101102 → 21011; a class, 221, to the 合计 row), in the
    same code column."""
    if rec.is_total or len(rec.code) < 3:
        return None
    if len(rec.code) == 3:
        return next((r for r in records if r.segment == rec.segment and r.is_total), None)
    return next((r for r in records if r.segment == rec.segment and not r.is_total
                 and r.code == rec.code[:len(rec.code) - 2]), None)


def code_children(records: list[CodeRecord], i: int) -> list[CodeRecord]:
    parent = records[i]
    if parent.is_total:
        # the table's top level: 类 (3 digits), or the shortest codes it prints (a list of 项 only,
        # 2010601…), when every other code falls under one of them
        coded = [r for r in records if not r.is_total and r.code]
        if not coded:
            return []
        shortest = min(len(r.code) for r in coded)
        top = [r for r in coded if len(r.code) == shortest]
        heads = tuple(r.code for r in top)
        return top if all(r.code.startswith(heads) for r in coded) and _distinct_heads(top) else []
    length = len(parent.code)
    children = []
    for rec in records[i + 1:]:
        if rec.is_total or len(rec.code) <= length or not rec.code.startswith(parent.code):
            break
        if len(rec.code) == length + 2:
            children.append(rec)
    return children if _distinct_heads(children) else []


FULL_CODE_LENGTH = 7  # a 项 of the functional classification (2010601): a code with no level under it


def _distinct_heads(siblings: list[CodeRecord]) -> bool:
    """Whether codes of one level may be summed as siblings: a 类 or 款 heads the rows under it and
    is printed once, so one printed twice is no sibling of itself (201 | 06 | 01 read as 201 when
    its 款 and 项 columns were not read: each row another 201). A full code may repeat (a list of
    projects charged to one 项)."""
    codes = [r.code for r in siblings if len(r.code) < FULL_CODE_LENGTH]
    return len(codes) == len(set(codes))


def _check_summary_totals(doc, rule, typed):
    for t in typed:
        if t.type != "income_expense_summary":
            continue
        blocks = _blocks(rule, t)
        totals_off = set()  # the blocks whose 合计 is off its items: their 总计 is not judged again
        summed = {}  # block -> its 总计 row, summed from its items where the block has no 合计 row
        for key, records in enumerate(blocks):
            plain = not any(ITEM_RE.match(r.label) for r in records)
            name = _side_name(rule, records)
            hits = list(_plain_side(rule, t, records, summed, key) if plain else
                        _side_column(rule, t, records, lambda r: r.amount_cell, "", name))
            if not plain and not hits:
                hits = list(_numbered_side(rule, t, records, summed, key))
            if any(h.cls != "rounding" for h in hits):
                totals_off.add(key)
            yield from hits
            if not plain:
                yield from _fund_columns(rule, t, records[0].side, records, name)
        yield from _grand_totals(rule, t, blocks, totals_off, summed)


def _blocks(rule, t) -> list[list]:
    """The summary's sides, each cut after its 总计 rows: a summary stacked in one pair of columns
    (the income rows down to their 总计, the expenditure rows under them down to theirs) holds two
    sides in one column. A block is a side's run of records; rows after a side's last 总计 that hold
    no total of their own (a note, a breakdown) stay with the block above them."""
    grands = {compact(x) for x in rule.params["grand_total_labels"]}
    totals = grands | {compact(x) for x in rule.params["total_labels"] + rule.params["plain_total_labels"]}
    blocks = []
    for side in sorted({r.side for r in t.records}):
        block, closed = [], False  # (closed: the side has a block ending in its 总计)
        for rec in (r for r in t.records if r.side == side):
            block.append(rec)
            if compact(rec.label) in grands:
                blocks.append(block)
                block, closed = [], True
        if closed and block and not any(compact(r.label) in totals for r in block):
            blocks[-1].extend(block)
        elif block:
            blocks.append(block)
    return blocks


def _fund_columns(rule, t, side: int, records, name: str):
    """A side's amount columns beside its first (一般公共预算财政拨款 | 政府性基金…): each adds up down
    the side as the first does, its 合计 to the items and its 总计 to the 合计 and the balances; and
    where the first is the side's 合计 column, each row's 合计 is the sum of them across. One cell
    off breaks its row and its column: told once, at that cell."""
    header = t.table.rows[t.header_row]
    columns = []
    for col in sorted({c for r in records for c in r.parts}):
        if _copies_total(records, col):
            continue
        head = header[col].text.strip() if col < len(header) else ""
        cell_of = (lambda r, c=col: r.parts.get(c))
        hits = list(_side_column(rule, t, records, cell_of, head, name))
        if not any(h.cls != "rounding" for h in hits):  # (a column's 合计 off: its 总计 not judged again)
            hits += [h for h in [_side_grand_total(rule, t, records, cell_of, head)[0]] if h is not None]
        columns += hits
    rows = list(_side_rows(rule, t, records, name)) if t.sides[side].total is not None else []
    crossing = _crossing_cell(rule, t.table, columns, ((), rows)) if rows else None
    yield from [crossing] if crossing is not None else [*columns, *rows]


def _side_name(rule, records) -> str:
    """The side's name (收入, 支出: rule param side_words) as its total's label says it, "" if none."""
    totals = {compact(x) for x in rule.params["total_labels"] + rule.params["plain_total_labels"]}
    labels = [r.label for r in records if compact(r.label) in totals]
    named = {w for w in rule.params["side_words"] for label in labels if w in label}
    return named.pop() if len(named) == 1 else ""  # (both: a stacked summary read as one side)


def _where(label: str, side: str, column: str) -> str:
    """（支出，小计）: the side where the row's label does not name it (总计), and the column."""
    said = [w for w in (side if side not in label else "", column) if w]
    return f"（{'，'.join(said)}）" if said else ""


def _restates_items(above: list, after: list) -> bool:
    """A row after a balance names an item above it again (一般公共预算拨款 under 上年结转): the
    balance's breakdown by fund, whether or not it adds up to it."""
    names = [compact(_unnumbered(r.label)) for r in above]
    return any(name and any(name in other or other in name for other in names if other)
               for name in (compact(_unnumbered(r.label)) for r in after))


def _subtotal_among(parts: list) -> bool:
    """A row equal to the sum of two or more rows right above or right below it: a subtotal
    (本年收入 900 over 一般公共预算拨款 860 and 政府性基金预算拨款 40). A long side is not searched:
    no plain sum is judged there."""
    if len(parts) > SUBTOTAL_SEARCH_ROWS:
        return True
    values = [parse_cell(r.amount_cell.text) for r in parts]
    for k, value in enumerate(values):
        if value is None or not value.value:
            continue
        runs = [values[i:k] for i in range(0, k - 1)] + [values[k + 1:j] for j in range(k + 3, len(values) + 1)]
        if any(None not in run and sum_check(value, run) != "mismatch" for run in runs):
            return True
    return False


SUBTOTAL_SEARCH_ROWS = 40  # rows of a summary's side searched for a subtotal among them


def _slipped_subtotal(parts: list, total, slack: Decimal):
    """A row over the rows right under it that add up to it but for a slip (上级补助收入 248,300 over
    返还性收入, 一般性转移支付收入, 专项转移支付收入 adding to 248,210), on a side of one column: no
    second column bears the reading out, the side's total does, adding up exactly once those rows
    are left out, and they come within `slack` of the row (a share of its figure). (row, its rows)
    or None. The rows left out sum to the total's gap, so each row's look-ahead stops once past it
    (and a side this is asked of has at most SUBTOTAL_SEARCH_ROWS rows: see `_subtotal_among`)."""
    values = [_amount(r) for r in parts]
    whole = _amount(total)
    if whole is None or any(v is None for v in values) or any(v < 0 for v in values):
        return None
    gap = sum(values, Decimal(0)) - whole
    for k, head in enumerate(values):
        running = Decimal(0)
        for j in range(k + 1, len(values)):
            running += values[j]
            if running > gap:
                break
            if running == gap and j > k + 1 and running != head and abs(running - head) <= abs(head) * slack:
                return parts[k], parts[k + 1:j + 1]
    return None


def _slipped_subtotal_hit(rule, t, total, head, items: list):
    hit = _compare(rule, t.table, head.amount_cell, [r.amount_cell for r in items], head.label, "",
                   [r.label for r in items])
    if hit is not None:
        hit.fields.update(relation="其下各行之和为", where="")
        hit.formula += f"；{total.label}按该行计（不含其下各行）与各项之和相符，该行是其下各行的合计"
        yield hit


def _broken_down(row, after: list) -> bool:
    """The rows after a balance add up to it (上年结转 40 | 一般公共预算拨款 30 | 事业收入 10): they
    break it down, no terms of their own."""
    whole, parts = parse_cell(row.amount_cell.text), [parse_cell(r.amount_cell.text) for r in after]
    if whole is None or not parts or any(p is None for p in parts):
        return False
    return sum_check(whole, parts) != "mismatch"


def _numbered_side(rule, t, records, summed: dict, key: int):
    """A side with numbered items (一、… 二、…) and no 合计 row before its 总计 (the two-sided 收支
    平衡表 of a budget or a final account: 一、一般公共预算收入 … 三、上年结转, 收入总计): its 总计
    is the sum of the numbered items; the unnumbered rows under an item break it down."""
    totals = {compact(x) for x in rule.params["total_labels"]}
    grands = {compact(x) for x in rule.params["grand_total_labels"]}
    if any(compact(r.label) in totals for r in records):
        return
    end = next((k for k, r in enumerate(records) if compact(r.label) in grands), None)
    if end is None or _blank_amount(records[end]):
        return
    parts = [r for r in records[:end] if ITEM_RE.match(r.label.strip()) and not _blank_amount(r)]
    if len(parts) < 2 or any(_amount(r) is None for r in parts):
        return
    # (an unnumbered row with an amount may be a term of the sum, 上年结转 or 用事业基金弥补 after
    # 一、二、, or a 小计 of them: no plain sum; only a 其中 row breaks the item above down)
    if any(not ITEM_RE.match(r.label.strip()) and not compact(r.label).startswith("其中") and not _blank_amount(r)
           and r.label.strip() for r in records[:end]):
        return
    summed[key] = records[end]
    hit = _compare(rule, t.table, records[end].amount_cell, [r.amount_cell for r in parts], records[end].label, "",
                   [r.label for r in parts])
    if hit is not None:
        hit.fields.update(relation="各项之和为", where="")
        yield hit


def _grand_totals(rule, t, blocks: list, totals_off: set, summed: dict):
    """Each side's 总计 = its 合计 + the balances between them; then the two sides' 总计 are
    equal (收入总计 = 支出总计: a summary of income and expenditure balances by its carry-overs),
    judged only when each side's own 总计 holds (else that side's slip is the one told), and each
    side's first amount column is its whole (a side of fund columns with no 合计 has no one 总计)."""
    grands = []
    for key, records in enumerate(blocks):
        whole = t.sides[records[0].side].total is not None or not any(r.parts for r in records)
        if key in totals_off:
            grands.append(None)
            continue
        if key in summed:  # (a side with no 合计 row: its 总计 summed from its items above)
            grands.append(summed[key] if whole else None)
            continue
        hit, grand = _side_grand_total(rule, t, records)
        if hit is not None:
            yield hit
        grands.append(grand if whole and (hit is None or hit.cls == "rounding") else None)
    if len(grands) == 2 and all(g is not None for g in grands):
        income, expenditure = grands
        hit = _compare(rule, t.table, expenditure.amount_cell, [income.amount_cell], expenditure.label, "",
                       [income.label])
        if hit is not None:
            hit.fields.update(relation="收入一方的总计为", where="（支出一方）")
            yield hit


def _side_grand_total(rule, t, records, cell_of=None, column: str = ""):
    """(a hit or None, the side's 总计 record or None), in the side's amount column or, `cell_of`
    given, in one of its other amount columns (`column` its head). The rows between the side's 合计
    and its 总计 are the template's balances (rule param balance_rows: 使用非财政拨款结余, 年初结转和
    结余 | 结余分配, 年末结转和结余), each followed by rows breaking it down (a fund's, 基本支出结转,
    其中…), no part of the sum (see _balances, read in the amount column for every column)."""
    totals = {compact(x) for x in rule.params["total_labels"]}
    grand_labels = {compact(x) for x in rule.params["grand_total_labels"]}
    start = next((k for k, r in enumerate(records) if compact(r.label) in totals), None)
    end = None if start is None else next(
        (k for k in range(start + 1, len(records)) if compact(records[k].label) in grand_labels), None)
    if end is None or _blank_amount(records[end]) or _blank_amount(records[start]):
        return None, None
    balances = _balances(rule, records[start + 1:end], records[start])
    if any(_amount(r) is None for r in balances):
        return None, None  # (a figure that cannot be read: not judged)
    cell_of = cell_of or (lambda r: r.amount_cell)
    if cell_of(records[end]) is None or _blank(cell_of(records[end])) or cell_of(records[start]) is None \
            or any(cell_of(r) is not None and not _blank(cell_of(r)) and parse_cell(cell_of(r).text) is None
                   for r in balances):
        return None, None
    parts = [records[start], *[r for r in balances if cell_of(r) is not None and not _blank(cell_of(r))]]
    hit = _compare(rule, t.table, cell_of(records[end]), [cell_of(r) for r in parts], records[end].label,
                   column, [r.label for r in parts])
    if hit is not None:
        side = _side_name(rule, records)
        hit.fields.update(relation=f"{records[start].label}加结转结余为", where=_where("", side, column))
    return hit, records[end]


def _balances(rule, rows, total) -> list:
    """The rows among `rows` that add to the side's 合计 `total` (see _side_grand_total): the
    template's balance rows, read by their first words (rule param balance_rows), the first past
    any numbering (三、上年结转); and the rows before the first of them, terms of their own
    (上缴上级支出, 对附属单位补助支出 in older templates), unless they break the 合计 down: a 其中
    row with the rows after it that make its list add up to the 合计, numbered rows, rows adding
    up to the 合计. After a balance, the rows up to a balance of another kind (年初 → 年末 …)
    break it down: numbered ones, and ones of its own kind (年末结转, 年末结余 under 年末结转和结余)."""
    names = tuple(compact(w) for w in rule.params["balance_rows"])
    found, before, after_list, kind, listed = [], [], [], None, None
    for row in rows:
        label = compact(row.label if kind else _unnumbered(row.label))
        first = next((n for n in names if label.startswith(n)), None)
        if first is not None and first != kind:
            found.append(row)
            kind = first
        elif kind is None and label.startswith("其中") and listed is None:
            listed = row
        elif kind is None and numbering_of(row.label) is None:
            (before if listed is None else after_list).append(row)
    if listed is not None:
        # (其中：基本支出 800 | 项目支出 140 under 940: the list; 其中：项目支出 140 | 上缴上级支出 20:
        # the 其中 row alone, the row after it a term)
        k = max((k for k in range(len(after_list) + 1) if _sum(listed, *after_list[:k]) == _amount(total)), default=0)
        after_list = after_list[k:]
    if len(before) >= 2 and _sum(*before) == _amount(total):
        before = []  # (基本支出 800 | 项目支出 140 under 本年支出合计 940: its breakdown, unnamed)
    return before + after_list + found


def _sum(*rows) -> Decimal:
    return sum((_amount(r) or Decimal(0) for r in rows), Decimal(0))


def _unnumbered(label: str) -> str:
    """A row's label without its numbering (三、上年结转 → 上年结转)."""
    numbered = numbering_of(label)
    return label[len(numbered[0]):] if numbered is not None and label.startswith(numbered[0]) else label


def _blank_amount(rec) -> bool:
    return _blank(rec.amount_cell)


def _blank(cell: Cell) -> bool:
    text = cell.text.strip()
    return not text or lexicon().dash(text)


def _amount(rec) -> Decimal | None:
    """A summary row's figure, a blank or a dash 0; None when it cannot be read."""
    if _blank_amount(rec):
        return Decimal(0)
    q = parse_cell(rec.amount_cell.text)
    return None if q is None or q.value is None else q.value


def _copies_total(records, col: int) -> bool:
    """A fund column printing the 合计's figure in every row (the one fund there is): its sum is
    the 合计's, judged once. (A 栏次 row is none of the records: typed.py _read_summary.)"""
    pairs = [(parse_cell(r.amount_cell.text), parse_cell(r.parts[col].text)) for r in records if col in r.parts]
    return all(a is not None and b is not None and a.value == b.value for a, b in pairs if a or b)


def _side_column(rule, t, records, cell_of, column: str, side: str = ""):
    """The side's total row (本年支出合计) against its numbered items (一、… 二、…) in one column."""
    totals = {compact(x) for x in rule.params["total_labels"]}
    items = []
    for rec in records:
        if compact(rec.label) in totals:
            cell = cell_of(rec)
            parts = [r for r in items if cell_of(r) is not None and parse_cell(cell_of(r).text) is not None]
            unreadable = any(cell_of(r) is not None and _unreadable(t, cell_of(r).loc.row - 1, cell_of(r).loc.col - 1)
                             for r in items)
            if parts and cell is not None and parse_cell(cell.text) is not None and not unreadable:
                hit = _compare(rule, t.table, cell, [cell_of(r) for r in parts], rec.label, column,
                               [r.label for r in parts])
                if hit is not None:
                    hit.fields.update(relation="各项之和为", where=_where(rec.label, side, column))
                    yield hit
            return
        if ITEM_RE.match(rec.label):
            items.append(rec)


def _side_rows(rule, t, records, side: str = ""):
    """Each row's 合计 against its fund columns on that side, all of them printed (a blank is 0)."""
    header = t.table.rows[t.header_row]
    for rec in records:
        if not rec.parts or parse_cell(rec.amount_cell.text) is None:
            continue
        cells = [c for c in rec.parts.values() if c.text.strip() and not lexicon().dash(c.text.strip())]
        if not cells or any(parse_cell(c.text) is None for c in cells):
            continue
        names = [header[c.loc.col - 1].text.strip() if c.loc.col - 1 < len(header) else "" for c in cells]
        hit = _compare(rule, t.table, rec.amount_cell, cells, rec.label, header[rec.amount_cell.loc.col - 1].text.strip(),
                       names)
        if hit is not None:
            hit.fields.update(relation="各栏之和为", where=_where(rec.label, side, hit.fields["column"]))
            yield hit


def _plain_side(rule, t, records, summed: dict, key: int):
    """A side of a summary whose items are not numbered (a budget's 部门收支预算总表: 一般公共预算拨款
    收入, 其他收入, 收入总计): its total is the sum of the rows above it, when no row is a 其中 or a
    合计, and at most one is a balance carried over (上年结转 in the sum), the rows after it not
    adding up to it (then they break it down, by fund or kind: no plain sum)."""
    totals = {compact(x) for x in rule.params["total_labels"] + rule.params["plain_total_labels"]}
    words = tuple(rule.params["not_item_words"])
    balance = tuple(rule.params["balance_words"])
    for k, rec in enumerate(records):
        if compact(rec.label) not in totals:
            continue
        parts = [r for r in records[:k] if r.label.strip() and parse_cell(r.amount_cell.text) is not None]
        balances = [j for j, r in enumerate(parts) if any(w in r.label for w in balance)]
        # (one balance carried over, unless the rows after it add up to it: its breakdown by fund)
        if len(parts) < 2 or any(w in r.label for r in parts for w in words) \
                or len(balances) > 1 or (balances and _broken_down(parts[balances[0]], parts[balances[0] + 1:])) \
                or parse_cell(rec.amount_cell.text) is None:
            return
        if (balances and _restates_items(parts[:balances[0]], parts[balances[0] + 1:])) or _subtotal_among(parts):
            return  # (a breakdown naming the items above again, or a subtotal row: no plain sum)
        if compact(rec.label) in {compact(x) for x in rule.params["grand_total_labels"]}:
            summed[key] = rec
        slipped = _slipped_subtotal(parts, rec, Decimal(str(rule.params["slipped_subtotal_slack"])))
        if slipped is not None:
            yield from _slipped_subtotal_hit(rule, t, rec, *slipped)
            return
        hit = _compare(rule, t.table, rec.amount_cell, [r.amount_cell for r in parts], rec.label, "",
                       [r.label for r in parts])
        if hit is not None:
            hit.fields.update(relation="各项之和为", where="")
            yield hit
        return


def _check_three_public(doc, rule, typed):
    group_names = vocabulary()["table_types"]["three_public"].get("groups") or {}
    for t in typed:
        if t.type != "three_public":
            continue
        for rec in t.records:
            # (the group's first name in the vocabulary: 预算数, 决算数, 上年数)
            group = (group_names.get(rec.group.split(":", 1)[0]) or ["决算数"])[0]
            if ":" in rec.group:
                group = f"{rec.group.split(':', 1)[1]}年{group}"
            identities = rule.params["identities"]
            for identity in identities:
                total, label, cells = identity["total"], identity["label"], rec.cells
                parts = _expanded(identity["parts"], cells, identities)
                if total not in cells or any(p not in cells for p in parts):
                    continue  # a table without those columns (no 购置费 / 运行维护费 split)
                total_cell = cells[total]
                if not total_cell.text.strip():
                    continue
                zero = Cell("0", total_cell.loc)
                # (a blank or a dash, —, for nothing spent: 0)
                part_cells = [cells[p] if cells[p].text.strip() not in ("", *DASHES) else zero for p in parts]
                hit = _compare(rule, t.table, total_cell, part_cells, f"{group}{label}", group,
                               [rule.params["names"].get(p, p) for p in parts])
                if hit is not None:
                    yield hit


def _expanded(parts: list[str], cells: dict, identities: list[dict]) -> list[str]:
    """The parts, one the table leaves out replaced by its own parts (公务用车购置及运行维护费 by
    购置费 and 运行维护费, when only they are printed)."""
    out = []
    for part in parts:
        sub = next((i["parts"] for i in identities if i["total"] == part), None)
        out.extend(sub if part not in cells and sub and all(p in cells for p in sub) else [part])
    return out


# ---- column_total ---------------------------------------------------------------------------

def _column_fits(grid, at: int, rows: list[int], label_col: int, exact: bool = False) -> bool:
    """Every figure of the total row is the sum of the rows' figures in its column (a blank 0);
    `exact`: with no rounding slack, which a long run of whole counts would give room to stray by rows."""
    fits = False
    for col in range(label_col + 1, len(grid[at])):
        total, parts = _column_figures(grid, at, rows, col)
        if total is None:
            continue
        if any(p is None for p in parts):
            return False
        off = sum((p.value for p in parts), Decimal(0)) != total.value if exact \
            else sum_check(total, parts) == "mismatch"
        if off:
            return False
        fits = True
    return fits


def _column_figures(grid, at: int, rows: list[int], col: int):
    """(the total row's figure in the column or None, the rows' figures there: a blank 0, words None)."""
    total = parse_cell(grid[at][col].strip()) if col < len(grid[at]) and grid[at][col].strip() else None
    parts = [parse_cell(grid[r][col].strip()) if col < len(grid[r]) and grid[r][col].strip() else Quantity(Decimal(0))
             for r in rows]
    return total, parts


RUN_ROWS_MAX = 40  # rows under a kind's total tried as its run of parts (each try sums the run once)


def _run_adding_up(grid, at: int, details: list[int], label_col: int) -> list[int] | None:
    """The longest run of rows from the first under the total, two rows or more and short of them
    all, that adds up to the total exactly in every column; None if none does."""
    if len(details) > RUN_ROWS_MAX:
        return None
    return next((details[:k] for k in range(len(details) - 1, 1, -1)
                 if _column_fits(grid, at, details[:k], label_col, exact=True)), None)


def _inner_head(row: list[str], label_col: int) -> bool:
    """A row of heads inside a table (年度主要任务 | 任务名称 | 预算金额（万元）): two cells or more
    right of the label column holding words, none a figure."""
    cells = [t.strip() for t in row[label_col:] if t.strip()]
    return len(cells) >= 2 and not any(is_amount(t) or parse_cell(t) is not None for t in cells) \
        and not compact(cells[0]).startswith("其中")


def _check_column_total(doc, rule, typed):
    # (a table of first-level categories' scores is summed here: the score rules' total is an
    # indicator form's, with its execution points)
    covered: dict[int, int] = {}  # table -> the first row the rules of its type cover
    for t in typed:
        if t.type in rule.params["covered_types"] and not t.categories_only:
            covered[t.table.index] = min(t.header_row, covered.get(t.table.index, t.header_row))
    labels = {compact(x) for x in rule.params["total_row_labels"]}
    part_labels = {compact(x) for x in rule.params["part_total_labels"]}
    sums = tuple(labels)  # (a detail row holding one of these words is a subtotal)
    notes, befores = _notes_after(doc), _lines_before(doc, rule.params["unit_line_chars"])
    for table in doc.tables:
        note, before = notes.get(id(table), ""), befores.get(id(table), "")
        if table.index in covered:
            # (a self-evaluation form's funds block above its indicators' head: the score rules
            # cover the indicators, the block's rows are a table of their own)
            table = _rows_above(table, covered[table.index])
            if table is None:
                continue
        grid = table.grid()
        middle = None
        names = [compact(_label(row)) for row in grid]  # (each row's label, read by the tests below)
        totals = [r for r, name in enumerate(names) if name in labels]
        if not totals:
            # one total of a kind (收入合计) closing or heading the table's rows is its total
            totals = [r for r, name in enumerate(names) if name in part_labels]
            if not totals:
                # (one total of a thing, 资产总计, 支出合计: its label a name closed by a total word; a
                # long one only as the table's last row, no other row closed so: 一般公共预算支出合计)
                totals = [r for r, name in enumerate(names) if _kind_total(name, labels)
                          and (len(name) <= KIND_TOTAL_CHARS or _closes_table(rule, grid, r))]
            if len(totals) != 1:
                heading = _heading_total(rule, table, grid)
                # (a table of two lists each closed by its total, 收入合计 | 支出合计, is _part_totals')
                middle = _middle_total(rule, table, grid, names) if heading is None and not _lists_parted(names, part_labels) \
                    else None
                if heading is None and middle is None:
                    yield from _part_totals(rule, table, grid)
                    yield from _rows_across_alone(rule, table, grid, labels, bool(totals))
                    yield from _groups_alone(rule, table, grid)
                    continue
                totals = [heading if heading is not None else middle]
        named = bool(totals) and (compact(_label(grid[totals[0]])) in labels | part_labels
                                  or _kind_total(compact(_label(grid[totals[0]])), labels))
        whole = bool(totals) and _whole_heading(rule, grid, _figure_rows(rule, table, 0))
        if len(totals) != 1:
            continue  # a table of several parts each with its own total
        at = totals[0]
        label_col = next(c for c, text in enumerate(grid[at]) if text.strip())
        figures = _figure_rows(rule, table, label_col)
        if figures and figures[0] == 0 and _years_only(grid[0][label_col + 1:]):
            figures = figures[1:]  # (项目 | 2023 | 2024: the header's years, no row of figures)
        if not figures or at not in figures:
            continue
        after: list[int] = []  # (rows after a total amid the table, of other things: summed across only)
        if at == figures[0]:
            details = [r for r in figures if r > at]  # 合计 first, as 决算 tables print it
        elif at == figures[-1]:
            details = [r for r in figures if r < at]
        elif at == middle:
            details, after = [r for r in figures if r < at], [r for r in figures if r > at]
        else:
            continue  # figures on both sides of the total: not a total of the rows around it
        # (a form of two blocks, 年度预算 rows and then a head row of its own, 年度主要任务 | 任务名称
        # | 预算金额: a total the rows from that head on add up to, and all its rows do not, is that
        # block's; a repeated header or a section row read so never makes a total wrong)
        inner = [r for r in range(min(at, *details), max(at, *details)) if _inner_head(grid[r], label_col)] \
            if details else []
        if inner:
            block = [r for r in details if r > inner[-1]] if at > inner[-1] else [r for r in details if r < inner[0]]
            if block and _column_fits(grid, at, block, label_col) and not _column_fits(grid, at, details, label_col):
                details = block
        if details and at < details[0] and _kind_total(compact(_label(grid[at])), labels) \
                and not _column_fits(grid, at, details, label_col):
            # (车辆合计 | 14 over its kinds of car and then 通用设备 | 2, 专用设备 | 4: a thing's total
            # heading rows of other things after its own; the run of rows under it that adds up to it)
            details = _run_adding_up(grid, at, details, label_col) or details
        # (a row counting other things, 在职人数（人）, is no part of the total; nor is an average,
        # 平均 | 265, which _figure_rows leaves out)
        details = [r for r in details if not _other_unit_row(_label(grid[r]), rule.params["other_unit_rows"])]
        details = _without_per_head_rows(grid, details, at, label_col)
        if not details:
            continue  # (a total row and nothing it sums)
        if _sums_inside(grid, details, label_col, sums) or _side_by_side(grid, details, label_col) \
                or _paired_totals(grid[at], label_col, labels):
            continue  # subtotals among the rows (本年收入合计 above 总计), or two lists side by side
        heads, summed = _heads_summed(rule, table, grid, figures[0], label_col, at)
        partial: dict[int, list[int]] = {}  # rows over their items in all columns but one
        rows = _summed_rows(grid, details, label_col, rule, summed, partial)
        if at < details[0] and compact(_label(grid[details[0]])).startswith(tuple(rule.params["inner_row_words"])):
            # (本年收入合计 | 其中：财政拨款收入 | 事业收入 | 其他收入: the 其中 list right under the total is its own)
            rows.append(details)
        across = _row_totals(rule, table, grid, [*details, at, *after], summed, heads, labels, at)
        settled = RowRelations(functools.partial(_grid_relations, rule, grid, [*details, at], summed, heads))
        numbered = _numbered_reading(grid, rows[0], label_col)
        slips = _product_slips(table, rule).slips
        told, column_hits, agreed = set(), [], 0
        restating = _restating_row(grid, rows[0], at, summed, Decimal(str(rule.params["restating_row_slack"])))
        items_off: list[int] = []  # columns where the restating row's items, not the total, are off
        for col in summed:
            if _running_total(grid, details, at, col):
                continue  # (累计支出 by month: its 合计 is the last month's, no sum of them)
            if compact(_label(grid[at])) not in labels and _facts_of_kinds(grid, range(min(details), max(details) + 1), col):
                # (项目 | 内容: 问卷发放 1200, 有效率 95.50%, 评价总分 90.36: a list of facts, no parts;
                # a row labelled 合计 totals its rows whatever rate row stands among them)
                continue
            with Trial() as trial:
                hit = _column_hit(rule, table, grid, at, col, rows, heads[col].strip() or f"第{col + 1}列",
                                  note, before, settled, numbered)
            if hit is not None and _quotient_of_totals(grid[at], col, summed):
                continue  # (带动比 3.67 = 1,100.00 ÷ 300.00: a ratio of two columns' totals, no sum)
            trial.keep()
            agreed += hit is None and col < len(grid[at]) and is_amount(grid[at][col])
            if hit is not None and _products_explain(hit, slips, col, table):
                continue  # (the total is right once a row's amount is its product: SUM007 tells that row)
            if hit is not None and across is not None and col in across[0] and len(across[1]) == 1 \
                    and _stated_gap(hit) == -_stated_gap(across[1][0]):
                # (the row's figure is too high by what the column's total falls short of its rows)
                continue  # the one row that does not add up across explains the column's gap: told once
            if hit is not None and restating is not None and _same_amount(grid[restating], grid[at], col):
                items_off.append(col)  # (the total is its one item's; that item's rows are off)
                continue
            if hit is not None:
                told.add((hit.location.row, hit.location.col))
                column_hits.append(hit)
        if not named and not agreed and not (whole and len(summed) == 1):
            # (a heading row no column bears out as the groups' total may be none; a whole over its
            # 其中 list, 项目总投资, is the total by its name where it has one column, nothing else to
            # bear it out, and of several where one of them adds up)
            column_hits = []
        if len(column_hits) > 1 and settled.relations:
            by_col: dict[int, list[Hit]] = {}
            for hit in column_hits:
                by_col.setdefault(hit.location.col - 1, []).append(hit)
            column_hits = _fold_changes(by_col, settled)
        crossing = _crossing_cell(rule, table, column_hits, across)
        if crossing is not None:
            yield crossing  # (one cell off breaks its row and its column: told once, at that cell)
        else:
            yield from column_hits
            for hit in across[1] if across is not None else ():
                if (hit.location.row, hit.location.col) not in told:  # (the grand total's own cell: told once)
                    yield hit
        items = {restating: [r for r in rows[0] if r != restating]} if items_off else {}
        for hit in _groups_summed(rule, table, grid, items, items_off, heads):
            hit.formula += f"（{_label(grid[at]).strip()}行与该行数字相同：该行是合计所含的唯一一项，其后各行是它的细项）"
            yield hit
        groups = [*_group_hits(rule, table, grid, details, label_col, summed, heads),
                  *_subtotal_hits(rule, table, grid, details, label_col, summed, heads, at < details[0])]
        yield from groups
        yield from _partial_parent_hits(rule, table, grid, partial, summed, heads,
                                        told | {(h.location.row, h.location.col) for h in groups})


def _rows_above(table: Table, first: int) -> Table | None:
    """The table's rows above row `first` (0-based) as a table of their own, None under two rows."""
    if first < 2:
        return None
    return Table(index=table.index, rows=table.rows[:first], loc=table.loc, title=table.title, unit=table.unit,
                 type=table.type)


def _partial_parent_hits(rule, table, grid, partial: dict[int, list[int]], summed: list[int], heads: list[str],
                         told: set):
    """Each row read as the sum of the rows under it though one of its columns is not (see
    `_parents_of`): that column told at the row (税收收入 上年执行数 119,860，各行之和 124,060), the
    table's total judged with the row in place of its items."""
    for hit in _groups_summed(rule, table, grid, partial, summed, heads):
        if (hit.location.row, hit.location.col) not in told:
            hit.formula += "；该行其余各列均等于其下各行之和，按上下级读表"
            yield hit


def _years_only(cells: list[str]) -> bool:
    """A row whose figures are years one after another (2023 | 2024 heading the columns), not counts
    that look like years (小学 | 1968 | 2015)."""
    figures = [t.strip() for t in cells if t.strip() and is_amount(t)]
    return len(figures) >= 2 and all(YEAR_CELL_RE.fullmatch(t) for t in figures) and years_apart(figures)


def _without_per_head_rows(grid, details: list[int], at: int, label_col: int) -> list[int]:
    """A row named as an amount per head (人均公用经费 | 4.44) may be a quotient beside the amounts
    (公用经费 200.00 ÷ 在职人数 45) or an amount itself (生均公用经费补助 | 1,180.00, a programme paid
    per pupil): it is the quotient, and no part of the total, when the total is the sum of the
    other rows in every column and not with it."""
    per_head = tuple(concepts().get("per_unit_words") or ())
    named = [r for r in details if compact(_label(grid[r])).startswith(per_head)]
    if not named:
        return details
    others = [r for r in details if r not in named]
    columns = [c for c in range(label_col + 1, len(grid[at])) if is_amount(grid[at][c])]

    def holds(rows: list[int], col: int) -> bool:
        parts = [q for r in rows if col < len(grid[r]) and is_amount(grid[r][col])
                 for q in [parse_cell(grid[r][col].strip())] if q is not None]
        total = parse_cell(grid[at][col].strip())
        return total is not None and bool(parts) and sum_check(total, parts) != "mismatch"

    if columns and others and all(holds(others, c) and not holds(details, c) for c in columns):
        return others
    return details


def _facts_of_kinds(grid, details, col: int) -> bool:
    """The column's rows (those between its details, rates among them) hold rates (95.50%) beside
    plain figures: an item/value list of facts of different kinds (a 项目 | 内容 sheet), whose last
    row is no total of the others."""
    values = [grid[r][col].strip() for r in details if col < len(grid[r])]
    return any(RATE_CELL_RE.fullmatch(v) for v in values) and any(is_amount(v) for v in values)


RATE_CELL_RE = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?\s*[%％]")


def _restating_row(grid, rows: list[int], at: int, summed: list[int], slack: Decimal) -> int | None:
    """The first of the outer rows when it prints the total's figures in every column where both
    print one, with two or more rows after it that add up to near it in every summed column
    (农业农村支出 738.70 over 事业运行 520.30 and 科技推广 228.40, 合计 738.70): the total's one
    top-level item, the rows after it its items. Where they do not add up to it exactly, the item
    is off from its rows, not the total from every row (which counts the item twice). Rows far from
    it are its siblings, the total copied from the first (基本支出 738.70, 项目支出 100.00, 合计 738.70)."""
    first = min(rows) if len(rows) >= 3 else None  # (a row and two or more items under it)
    if first is None:
        return None
    shared = [c for c in summed if c < len(grid[at]) and c < len(grid[first]) and is_amount(grid[at][c])
              and is_amount(grid[first][c])]
    if not shared or not all(_same_amount(grid[first], grid[at], c) for c in shared):
        return None
    for c in shared:
        own = parse_cell(grid[first][c].strip()).value
        items = [parse_cell(grid[r][c].strip()) for r in rows if r != first and c < len(grid[r]) and is_amount(grid[r][c])]
        if abs(sum((q.value for q in items if q is not None), Decimal(0)) - own) > abs(own) * slack:
            return None
    return first


def _same_amount(row: list[str], total_row: list[str], col: int) -> bool:
    a = parse_cell(row[col].strip()) if col < len(row) else None
    b = parse_cell(total_row[col].strip()) if col < len(total_row) else None
    return a is not None and b is not None and a.unit == b.unit and a.value == b.value


def _level(grid, r: int, label_col: int):
    """The numbering level of a row's label (the document model's reading: 一、 1, （一） 2, 1. 3 …), or None."""
    return (numbering_of(_label(grid[r][:label_col + 2]).strip()) or (None,) * 4)[3]


def _kind_total(label: str, labels: set) -> bool:
    """A label naming a thing's total: a short name closed by a total word (资产总计, 支出合计), or a
    name the vocabulary knows whole, however long (一般公共预算支出合计)."""
    word = next((w for w in labels if label.endswith(w) and len(label) > len(w)), None)
    if word is None:
        return False
    name = label[:-len(word)]
    return len(label) <= KIND_TOTAL_CHARS or any(start == 0 and end == len(name) for start, end, _ in lexicon().concepts.all(name))


KIND_TOTAL_CHARS = 8  # a longer label closed by 合计 is an item's own words (…项目资金合计), no table's total


MIDDLE_TOTAL_TRIES = 3  # rows named as a thing's total tried, top down, each by one sum of the rows above


def _middle_total(rule, table, grid, names: list[str]) -> int | None:
    """A table with no total row may close the rows of one thing with its total amid the table,
    other things' rows after it (流动资产 | … | 其他资产 | 资产总额 | 负债总额 | 净资产), or as its
    last row: the first row so named (a short name closed by a middle_total_words word, 资产总额)
    with two rows of figures above it at least, which those rows add up to in most summed columns
    (one slip among them leaves the others adding up). None if no row is."""
    words = tuple(rule.params["middle_total_words"])
    if not words:
        return None
    figures = _figure_rows(rule, table, 0)
    named = [r for r in figures[2:] if names[r].endswith(words) and len(names[r]) <= KIND_TOTAL_CHARS
             and names[r] not in words]
    if not named:
        return None
    label_col = next(c for c, text in enumerate(grid[named[0]]) if text.strip())
    _, summed = _heads_summed(rule, table, grid, figures[0], label_col)
    return next((at for at in named[:MIDDLE_TOTAL_TRIES] if _mostly_fits(grid, at, [r for r in figures if r < at], summed)),
                None)


def _mostly_fits(grid, at: int, rows: list[int], cols: list[int]) -> bool:
    """More of the columns' figures in row `at` are their rows' sum (a blank 0) than are not; a
    column with words among its rows' cells says nothing."""
    fits = off = 0
    for col in cols:
        total, parts = _column_figures(grid, at, rows, col)
        if total is None or not is_amount(grid[at][col]) or any(p is None for p in parts):
            continue
        if sum_check(total, parts) == "mismatch":
            off += 1
        else:
            fits += 1
    return fits > off


def _lists_parted(names: list[str], part_labels: set) -> bool:
    """Two rows or more (by their labels) closing lists of their own (收入合计, 支出合计)."""
    return sum(name in part_labels for name in names) >= 2


def _closes_table(rule, grid, at: int) -> bool:
    """The row is the table's last and no row above it closes a group (小计, 合计): a total of them all."""
    words = (*rule.params["total_row_labels"], *rule.params["column_subtotal_labels"])
    return at == len(grid) - 1 and not any(compact(_label(grid[r])).endswith(words) for r in range(at))


def _heading_total(rule, table, grid) -> int | None:
    """The first row of figures of a table with no total word, heading its rows' top-level numbered
    groups (一般公共预算收入 over 一、税收收入 | 其中：… | 二、非税收入 | …): by its place and numbering
    it is their total. The caller takes it so only where some column bears it out."""
    figures = _figure_rows(rule, table, 0)
    if len(figures) < 3:
        return None
    first = figures[0]
    label_col = next((c for c, text in enumerate(grid[first]) if text.strip()), 0)
    inner = tuple(rule.params["inner_row_words"])
    if _whole_heading(rule, grid, figures):
        return first
    if numbering_of(_label(grid[first][:label_col + 2]).strip()) or compact(_label(grid[first])).startswith(inner):
        return None
    rows = _outer_rows(grid, figures[1:], label_col, inner)
    styles = [_level(grid, r, label_col) for r in rows]
    # (the rows below open with a numbered group, and two or more groups are numbered so)
    return first if styles and styles[0] is not None and styles.count(styles[0]) >= 2 else None


def _whole_heading(rule, grid, figures: list[int]) -> bool:
    """The first row of figures names a whole (项目总投资, 资金总额: heading_whole_words) and the
    next opens a 其中 list (其中：项目资本金 | 专项债券 | 其他债务融资): the whole over its parts, a
    table's total though no total word names it. Only a list of one level under one whole: no other
    其中 row (a nested list's rows are not all the whole's parts), no other row naming a whole
    (项目总投资 | 其中… | 资金筹措总额 | 其中…) and no row opening a list of its own (其中：一般公共预算 |
    其他资金 | 按支出性质：基本支出 | 项目支出: two breakdowns of the whole one after the other)."""
    words, inner = tuple(rule.params["heading_whole_words"]), tuple(rule.params["inner_row_words"])
    if len(figures) < 2:
        return False
    # (the first two rows' labels first: most tables fail there, and the other rows' are not read)
    first, second = (compact(_label(grid[r])) for r in figures[:2])
    if not (first.endswith(words) and len(first) <= KIND_TOTAL_CHARS and second.startswith(inner)):
        return False
    labels = (compact(_label(grid[r])) for r in figures[2:])
    return not any(label.startswith(inner) or label.endswith(words) or "：" in label or ":" in label
                   for label in labels)


def _crossing_cell(rule, table, column_hits: list[Hit], across) -> Hit | None:
    """The one row not adding up across and the one column not adding up to its 合计, both off by the
    same amount (白沙镇 595.50 short of its parts by 10, 中央资金's 合计 530.00 short of its rows by
    10): the cell where they cross is the one figure wrong, and the totals are right. A hit on it
    (its value had it been right, from its row and from its column alike), else None."""
    if across is None or len(across[1]) != 1 or len(column_hits) != 1:
        return None
    row_hit, col_hit = across[1][0], column_hits[0]
    if row_hit.cls or col_hit.cls or _stated_gap(row_hit) != _stated_gap(col_hit):
        return None
    r, c = row_hit.location.row - 1, col_hit.location.col - 1
    if c in across[0] or r >= len(table.rows) or c >= len(table.rows[r]):
        return None
    cell = table.rows[r][c]
    value = parse_cell(cell.text.strip())
    if value is None:
        return None
    right = value.value + _stated_gap(row_hit)
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


def _heads_summed(rule, table, grid, first: int, label_col: int, skip: int | None = None) -> tuple[list[str], list[int]]:
    """Each column's head (the rows above the first of figures, but `skip`: a total row heading the
    table), and the columns of figures a total sums (no rates, no amounts per head, no codes)."""
    # (a 栏次 row or a row summed nowhere, 平均, above the first of figures names no column)
    not_summed = {compact(w) for w in rule.params["not_summed_rows"]}
    above = [r for r in range(first) if r != skip and not _column_numbers_row(grid[r])
             and compact(_label(grid[r])) not in not_summed]
    heads = [" ".join(grid[r][c] for r in above if c < len(grid[r])) for c in range(table.width)]
    for c in range(table.width):
        if not heads[c].strip():
            heads[c] = _head_over_figures(grid, c)
    words = _not_summed(rule)
    # (行次 numbers, under no head or a line-number head: concepts.yaml not_figure_columns)
    lines = line_number_columns(grid, table.width, tuple(concepts().get("not_figure_columns") or ()))
    # (拉动比, 倍数: ratios; 同比: a rate printed without %; no sum)
    ratios = tuple(concepts().get("ratio_heads") or ()) + tuple(concepts().get("rate_head_endings") or ())
    compacted = [compact(head) for head in heads]  # (each head read against every word)
    return heads, [col for col in range(label_col + 1, table.width)
                   if col not in lines and not any(w in compacted[col] for w in words)
                   and not HEAD_UNIT_RE.sub("", compacted[col]).endswith(ratios)]


def _figure_rows(rule, table, label_col: int) -> list[int]:
    """The rows of a table holding an amount right of its label column: those a total may sum or
    be. Not a 栏次 row numbering the columns (栏次 | 1 | 2, 甲 | 乙 | 1 | 2), nor a row that is no
    part of any sum (not_summed_rows: 平均, 编制数): such a row between the header and a total
    heading the rows would leave figures on both sides of it. Kept on the table for its grid, per
    label column and words: a table with no total row is read so by up to five tests."""
    grid = table.grid()
    key = (label_col, tuple(rule.params["not_summed_rows"]), _numbering_words())
    kept = table.__dict__.get("_figure_rows")
    if kept is None or kept[0] is not grid:
        kept = table.__dict__["_figure_rows"] = (grid, {})
    if key not in kept[1]:
        kept[1][key] = _read_figure_rows(rule, grid, label_col)
    return list(kept[1][key])  # (a copy: callers may change theirs)


def _read_figure_rows(rule, grid, label_col: int) -> list[int]:
    not_summed, words = {compact(w) for w in rule.params["not_summed_rows"]}, _numbering_words()
    return [r for r, row in enumerate(grid) if any(is_amount(t) for t in row[label_col + 1:])
            and not _column_numbers_row(row, words) and compact(_label(row)) not in not_summed]


def _column_numbers_row(row: list[str], words: tuple[str, ...] | None = None) -> bool:
    """A 栏次 row under a header (facts.numbers.is_column_numbers), named by a line-number head
    (concepts.yaml not_figure_columns) or marking its label columns 甲, 乙 … (read there)."""
    return is_column_numbers(row, _numbering_words() if words is None else words)


def _numbering_words() -> tuple[str, ...]:
    return tuple(concepts().get("not_figure_columns") or ())


def _head_over_figures(grid, col: int) -> str:
    """A column's head under a form's lines above its header (项目资金 | 年度资金总额 | 860.00 over
    一级指标 | … | 分值): the words right above the column's first figure, "" if none."""
    first = next((r for r, row in enumerate(grid) if col < len(row) and is_amount(row[col])), None)
    if first is None or first == 0:
        return ""
    above = grid[first - 1][col].strip() if col < len(grid[first - 1]) else ""
    return above if above and not is_amount(above) else ""


def _rows_across_alone(rule, table, grid, labels: set, part_totals: bool):
    """A table with no total row (分季度支出 by source, each row closed by its 全年合计): its rows
    adding up across, judged as in _row_totals when most rows do."""
    if part_totals:
        return  # (a table of parts each closed by its own total row: _part_totals reads it)
    label_col = next((c for row in grid for c, text in enumerate(row) if text.strip()), 0)
    figures = _figure_rows(rule, table, label_col)
    if not figures:
        return
    heads, summed = _heads_summed(rule, table, grid, figures[0], label_col)
    across = _row_totals(rule, table, grid, figures, summed, heads, labels)
    yield from across[1] if across is not None else ()


def _not_summed(rule) -> tuple[str, ...]:
    """Words of a column or a row whose figures do not add up: rates, the rule's own words (a code, a
    year, a standard) and amounts per one thing (人均, 单价: concepts.yaml per_unit_heads)."""
    return (*rule.params["rate_column_words"], *rule.params["not_summed_words"], *(concepts().get("per_unit_heads") or ()))


def _quotient_of_totals(total_row: list[str], col: int, summed: list[int]) -> bool:
    """The total row's figure in `col` is the quotient of two other columns' totals, within its
    print (带动比 3.67 beside 300.00 and 1,100.00): the column holds ratios, whatever its head."""
    def value(c):
        q = parse_cell(total_row[c].strip()) if c < len(total_row) and is_amount(total_row[c]) else None
        return q
    own = value(col)
    if own is None:
        return False
    others = [(c, q) for c in summed if c != col for q in [value(c)] if q is not None and q.value]
    half = Decimal(5) / Decimal(10) ** (own.places + 1)
    return any(abs(a.value / b.value - own.value) <= half or abs(a.value / b.value * 100 - own.value) <= half
               for i, (_, a) in enumerate(others) for j, (_, b) in enumerate(others) if i != j)


def _running_total(grid, details: list[int], at: int, col: int) -> bool:
    """A column of running totals (累计 by month): three rows or more never falling, and the total
    row printing the last of them."""
    values = [q.value for r in details if col < len(grid[r]) and is_amount(grid[r][col])
              for q in [parse_cell(grid[r][col].strip())] if q is not None]
    total = parse_cell(grid[at][col].strip()) if col < len(grid[at]) and is_amount(grid[at][col]) else None
    return total is not None and len(values) >= 3 and values == sorted(values) and values[-1] == total.value \
        and values[0] != values[-1]


def _part_totals(rule, table, grid):
    """A table listing two things one after the other, each closed by its own total (收入 rows,
    收入合计, 支出 rows, 支出合计): each total is the sum of the rows since the one before. Only
    totals named by different things (收入合计, 支出合计) and of two rows or more each."""
    named = {compact(x) for x in rule.params["part_total_labels"]}
    totals = [r for r, row in enumerate(grid) if compact(_label(row)) in named]
    if len(totals) < 2 or len({compact(_label(grid[r])) for r in totals}) != len(totals):
        return
    label_col = next(c for c, text in enumerate(grid[totals[0]]) if text.strip())
    figures = _figure_rows(rule, table, label_col)
    if not figures:
        return
    first = figures[0]
    if totals[0] == figures[0]:
        return  # totals above their rows may head nested lists (本年支出合计, then 人员经费…): not judged
    heads, summed = _heads_summed(rule, table, grid, first, label_col)
    for lo, hi in zip([first - 1] + totals, totals):
        at = hi
        details = [r for r in figures if lo < r < hi]
        if len(details) < 2:
            continue
        rows = _summed_rows(grid, details, label_col, rule)
        for col in summed:
            hit = _column_hit(rule, table, grid, at, col, rows, heads[col].strip() or f"第{col + 1}列")
            if hit is not None:
                yield hit


# a row total column is judged only where most rows add up across it: then the columns are its
# parts, and a row that does not is a slip, not another way of reading the table
MOST_ROWS = Decimal("0.6")


def _row_totals(rule, table, grid, rows: list[int], summed: list[int], heads: list[str], labels: set,
                total_row: int | None = None):
    """(the total columns, hits) for a table with columns headed 合计 / 总计 whose row figures are
    the sum of the other summed columns': each row that does not add up across, in each group of
    columns where most rows do. None when the table has no such column or its rows show no identity.
    One total column sums the table's other columns; several (收入合计 | 财政拨款收入 | 其他收入 |
    支出合计 | 基本支出 | 项目支出) each sum the columns after it up to the next, a blank part 0 as
    in a 决算 table. `total_row`: the table's total row, whose gap carried up from its rows' is told
    at them, not again at it."""
    # (a head naming the period or kind of its total, 全年合计, 本年合计, is a total's too: the rows
    # adding up across in most rows show it)
    ends = (*labels, *rule.params["column_subtotal_labels"])
    bare = {c: HEAD_UNIT_RE.sub("", compact(heads[c])) for c in summed}  # (小计（万元）: its unit aside)
    total_cols = [c for c in summed if bare[c] in labels or bare[c].endswith(ends)]
    if not total_cols or len(summed) < 3:
        return None
    if len(total_cols) == 1:
        hits = _one_total_across(rule, table, grid, rows, heads, summed, total_cols[0], bare, total_row)
        judged = [(total_cols[0], hits)] if hits is not None else []
    else:
        judged = [(col, hits) for k, col in enumerate(total_cols)
                  for hits in [_side_across(rule, table, grid, rows, heads, summed, total_cols, k, bare, total_row)]
                  if hits is not None]
    if not judged:
        return None
    return tuple(col for col, _ in judged), [hit for _, hits in judged for hit in hits]


def _one_total_across(rule, table, grid, rows, heads, summed, col: int, bare: dict, total_row: int | None):
    """The one total column against the other columns (_summed_beside); where most rows do not add
    up so, against those of them not standing beside a total (行政单位 | 事业单位 | 合计 | 上年数 |
    比上年增长: last year's figure is no part), as _side_across reads several totals. All of them
    first: a 合计 may sum a carry-over (上年结转 | 本年收入 | 合计), which the rows then bear out."""
    parts = _summed_beside(rule, table, heads, summed, col)
    hits = _group_across(rule, table, grid, rows, heads, col, parts, False, total_row) if len(parts) >= 2 else None
    if hits is not None or bare[col].endswith(tuple(rule.params["carry_total_words"])):
        return hits
    beside = tuple(rule.params["beside_total_words"])
    kept = [c for c in parts if not any(w in bare[c] for w in beside)]
    if len(kept) < 2 or len(kept) == len(parts):
        return None
    return _group_across(rule, table, grid, rows, heads, col, kept, False, total_row)


def _side_across(rule, table, grid, rows, heads, summed, total_cols: list[int], k: int, bare: dict,
                 total_row: int | None) -> list[Hit] | None:
    """One of several total columns against its parts: the columns between it and the next total
    (收入合计 | 财政拨款收入 | 其他收入) or between the one before and it (财政拨款收入 | 其他收入 |
    收入合计), a column standing beside totals left out (年末结转和结余). The side whose heads share
    the total's name (收入 of 收入合计) where one does, else the one side most rows add up on; not
    judged where that cannot be told."""
    col = total_cols[k]
    after_stop = total_cols[k + 1] if k + 1 < len(total_cols) else table.width
    before_start = total_cols[k - 1] if k else -1
    # (a 总计 holds the carry-overs, 收入总计 = 上年结转 + 本年收入; a 合计 or 小计 does not, its
    # 年末结转和结余 standing beside it)
    beside = () if bare[col].endswith(tuple(rule.params["carry_total_words"])) else tuple(rule.params["beside_total_words"])
    # (a column of counts, 户籍人口（人）, is a factor beside the amounts, no part: as _summed_beside)
    sides = [[c for c in summed if lo < c < hi and not any(w in bare[c] for w in beside)
              and not _counted(rule, table, heads[c])]
             for lo, hi in ((col, after_stop), (before_start, col))]
    stem = _total_stem(bare[col], rule)
    others = {_total_stem(bare[c], rule) for c in total_cols if c != col} - {stem, ""}
    # (a side whose heads name another total's thing, 财政拨款收入 | 其他收入 beside 支出合计, is that one's)
    sides = [side for side in sides if not any(2 * sum(o in bare[c] for c in side) > len(side) for o in others)]
    named = [side for side in sides if len(side) >= 2 and stem and all(stem in bare[c] for c in side)]
    if len(named) == 1:
        return _group_across(rule, table, grid, rows, heads, col, named[0], True, total_row)
    with Trial() as trial:  # (two sides holding: which one the total sums is not told, nor checked)
        held = [hits for side in sides if len(side) >= 2
                for hits in [_group_across(rule, table, grid, rows, heads, col, side, True, total_row)]
                if hits is not None]
    if len(held) != 1:
        return None
    trial.keep()
    return held[0]



def _total_stem(head: str, rule) -> str:
    """What a total column's head names before its total word (收入 of 收入合计, 到位 of 到位小计)."""
    ends = sorted((*rule.params["total_row_labels"], *rule.params["column_subtotal_labels"]), key=len, reverse=True)
    end = next((w for w in ends if head.endswith(compact(w))), "")
    stem = head[:len(head) - len(compact(end))] if end else head
    return stem[len(stem) - 2:] if len(stem) > 2 else stem  # (本年收入合计: 收入)


def _group_across(rule, table, grid, rows: list[int], heads: list[str], total_col: int, parts_cols: list[int],
                  blanks_zero: bool, total_row: int | None) -> list[Hit] | None:
    """_rows_across, its rows counted as checked only where the reading holds."""
    with Trial() as trial:
        hits = _rows_across(rule, table, grid, rows, heads, total_col, parts_cols, blanks_zero, total_row)
    if hits is not None:
        trial.keep()
    return hits


def _rows_across(rule, table, grid, rows: list[int], heads: list[str], total_col: int, parts_cols: list[int],
                 blanks_zero: bool, total_row: int | None) -> list[Hit] | None:
    """The rows of one group of columns not adding up across (its total column against its parts),
    or None unless most rows do. `blanks_zero`: a blank part is 0 (a row with its total and one part
    printed at least is judged); else a row with a blank part is not judged."""
    hits, unproven = _read_across(rule, table, grid, rows, heads, total_col, parts_cols, blanks_zero, total_row)
    kept = [c for c in parts_cols if c not in unproven]
    if hits and unproven and len(kept) >= 2:
        # a part column 0 in every row that adds up and figured only in rows that do not (本年发行 |
        # 偿还本金 | 支付利息 | 本息合计: 本年发行 is 0 where 本息 adds up) is shown a part by no row: a 0
        # fits any reading. The reading without it is taken where fewer rows break it
        retried, _ = _read_across(rule, table, grid, rows, heads, total_col, kept, blanks_zero, total_row)
        if retried is not None and len(retried) < len(hits):
            return retried
    return hits


def _read_across(rule, table, grid, rows: list[int], heads: list[str], total_col: int, parts_cols: list[int],
                 blanks_zero: bool, total_row: int | None) -> tuple[list[Hit] | None, set[int]]:
    """_rows_across's one reading: (its hits or None, the part columns figured in some row not adding
    up and in no row that does, non-zero)."""
    checked, telling, hits, gaps = 0, 0, [], {}
    figured_off, figured_on = set(), set()  # part columns non-zero in a row breaking / keeping the sum
    not_summed = _not_summed(rule)
    # (平均班额, 生均支出, 执行率 rows: their 合计 is an average or a rate, no sum)
    rows = [r for r in rows if not any(w in compact(_label(grid[r])) for w in not_summed)]
    # a part column 0 or blank in every row (其他资金 0.00) adds nothing to any row: whether it is a
    # part or not, no row's sum changes, so it is left out of what makes a row telling
    silent = _silent_columns(table, rows, parts_cols)
    # (a column empty in every row, past the rows' own block under a wider form's heads, holds no part)
    parts_cols = [c for c in parts_cols if c not in silent or any(
        c < len(table.rows[r]) and table.rows[r][c].text.strip() for r in rows)]
    for r in rows:
        total_cell = table.rows[r][total_col] if total_col < len(table.rows[r]) else None
        pairs = [(table.rows[r][c], heads[c].strip() or f"第{c + 1}列", c) for c in parts_cols if c < len(table.rows[r])]
        if blanks_zero:
            pairs = [pair for pair in pairs if pair[0].text.strip() and not lexicon().dash(pair[0].text.strip())]
        if total_cell is None or not total_cell.text.strip() or not pairs \
                or any(not cell.text.strip() for cell, _, _ in pairs):
            continue
        cells, names = [cell for cell, _, _ in pairs], [name for _, name, _ in pairs]
        label = compact(_label(grid[r])) or f"第{table.row_number(r)}行"
        hit = _compare(rule, table, total_cell, cells, label, heads[total_col].strip(), names)
        checked += 1
        (figured_off if hit is not None else figured_on).update(c for cell, _, c in pairs if _non_zero(cell.text))
        if hit is not None:
            hit.fields["relation"] = "各栏之和为"
            hits.append(hit)
            gaps[r] = _stated_gap(hit)
        elif all(parse_cell(cell.text.strip()) is not None and parse_cell(cell.text.strip()).value
                 for cell, _, c in pairs if c not in silent) \
                and (set(parts_cols) <= {c for _, _, c in pairs} | silent or not blanks_zero):
            telling += 1  # (a row adding up with no part 0: 110 = 60 + 50 + 0.00 fits any part list)
    if total_row in gaps and len(gaps) > 1 and gaps[total_row] == sum(v for r, v in gaps.items() if r != total_row):
        # (the total row off by what its rows are: their slip carried up, told at them)
        hits = [h for h in hits if h.location.row - 1 != total_row]
        checked -= 1
    # (most rows adding up show the identity; of two rows, one adding up with every part printed)
    unproven = figured_off - figured_on
    if checked < 2 or len(hits) > (1 - MOST_ROWS) * checked and not (checked == 2 and len(hits) == 1 and telling):
        return None, unproven
    return hits, unproven


def _non_zero(text: str) -> bool:
    q = parse_cell(text.strip())
    return q is not None and q.value is not None and q.value != 0


def _silent_columns(table, rows: list[int], parts_cols: list[int]) -> set[int]:
    """The part columns blank, a dash or 0 in every one of `rows`."""
    def silent(r: int, c: int) -> bool:
        text = table.rows[r][c].text.strip() if c < len(table.rows[r]) else ""
        if not text or lexicon().dash(text):
            return True
        q = parse_cell(text)
        return q is not None and q.value == 0
    return {c for c in parts_cols if all(silent(r, c) for r in rows)}


def _summed_beside(rule, table, heads: list[str], summed: list[int], total_col: int) -> list[int]:
    """The columns a row's total column sums: those under its group head (分配金额（万元） › 中央资金 |
    省级资金 | 小计), else all but the columns of counts (常住人口（人）, 行政村（个）: factors, no parts)
    and of factors (分配系数)."""
    part_words = tuple(rule.params["part_column_words"])
    factors = tuple(rule.params["factor_column_words"])
    others = [c for c in summed if c != total_col and not compact(heads[c]).startswith(part_words)
              and not any(w in compact(heads[c]) for w in factors)]
    group = _group_of(heads[total_col])
    grouped = [c for c in others if group and heads[c].startswith(group)]
    # (其中：政府采购 is inside its side, no part of its own; a group naming nothing: all the others)
    return grouped or [c for c in others if not _counted(rule, table, heads[c])]


def _sums_inside(grid, details: list[int], label_col: int, sums: tuple) -> bool:
    """A detail row that is itself a sum (本年收入合计, 收入合计): the rows nest in ways the labels
    do not tell (a summary table's 总计 = 本年收入合计 + 年初结转); not judged here."""
    return any(w in compact(" ".join(grid[r][:label_col + 2])) for r in details for w in sums)


def _side_by_side(grid, details: list[int], label_col: int) -> bool:
    """Labels again right of the figures (收入 | 金额 | 支出 | 金额): two lists in one table."""
    width = max((len(grid[r]) for r in details), default=0)
    for col in range(label_col + 2, width):
        texts = [grid[r][col].strip() for r in details if col < len(grid[r]) and grid[r][col].strip()]
        words = [t for t in texts if parse_cell(t) is None and not lexicon().dash(t)]
        # (in a row: a figure, words, figures again right of them, so in two rows at least; a 备注
        # column ends the table, and a form's funds line over its indicator rows, 中期资金总额 |
        # 12,000.00 | 年度资金总额 | 4,000.00, pairs no lists)
        if texts and len(words) * 2 > len(texts) and sum(
                col < len(grid[r]) and is_amount(grid[r][col - 1]) and grid[r][col].strip() in words
                and any(is_amount(t) for t in grid[r][col + 1:]) for r in details) >= SIDE_BY_SIDE_ROWS:
            return True
    return False


def _paired_totals(row: list[str], label_col: int, labels: set) -> bool:
    """The total row closes two lists side by side (收入总计 | 668.95 | 支出总计 | 668.95): right of
    a figure, another total's label and its figure. So even where one side lists a single item
    (一、一般公共预算拨款收入 beside four kinds of spending), which pairs too few rows to show it."""
    return any(is_amount(row[c - 1]) and parse_cell(row[c].strip()) is None
               and (compact(row[c]) in labels or _kind_total(compact(row[c]), labels)) and any(is_amount(t) for t in row[c + 1:])
               for c in range(label_col + 2, len(row)))


SIDE_BY_SIDE_ROWS = 2  # rows pairing a label and a figure twice: two lists side by side, not a form's line


def row_name(row: list[str]) -> str:
    """A row's name: its first cell holding words (not its 序号 or code)."""
    return next((compact(t) for t in row if t.strip() and parse_cell(t.strip()) is None
                 and not CODE_CELL_RE.match(t.strip())), "")


def _label(row: list[str]) -> str:
    """The row's label: its first cell stating something (a placeholder in a 序号 column, “—”
    before 合计, is none)."""
    says_nothing = lexicon().says_nothing
    return next((t for t in row if not says_nothing(t)), "")


def is_amount(text: str) -> bool:
    """A cell printing a figure that is no rate. Kept per cell text: the table rules ask it of
    the same cells again and again (each total test walks the grid)."""
    generation = vocabulary_generation()
    if _AMOUNTS.get(_GENERATION) != generation:  # (a cell's reading depends on the vocabulary's units)
        _AMOUNTS.clear()
        _AMOUNTS[_GENERATION] = generation
    found = _AMOUNTS.get(text)  # (looked up here first: most cells are asked again and again)
    return found if found is not None else remember_short(_AMOUNTS, text, _read_amount)


_GENERATION = "\0generation"  # (no cell's text: the key of the vocabulary generation the readings are of)
_AMOUNTS: dict = {}  # cell text -> is_amount


def _read_amount(text: str) -> bool:
    q = parse_cell(text.strip()) if text.strip() else None
    return q is not None and q.unit not in ("%", "‰")


def _summed_rows(grid, details: list[int], label_col: int, rule, summed: list[int] | None = None,
                 partial: dict[int, list[int]] | None = None) -> list[list[int]]:
    """The ways the detail rows may add up to the total: every row not inside another (其中, 小计),
    and the rows of the outermost numbering only (一、 over （一） over 1.). `partial`, when given,
    gets the rows read as the sum of the rows under them in all their columns but one (see
    `_parents_of`): that column is told at the row."""
    inner = tuple(rule.params["inner_row_words"])
    rows = _outer_rows(grid, details, label_col, inner)
    # the numbering level of each row (the document model's reading: 一、 1, （一） 2, 1. 3 …)
    styles = {r: _level(grid, r, label_col) for r in rows}
    numbered = [k for k in styles.values() if k is not None]
    ways = [rows]
    # (a 其中 list of one item, its next row a sibling of the parent it fits under: 事业收入 |
    # 其中：医疗收入 | 其他收入; only the rows marked 其中 / 小计 inside)
    marked = [r for r in details if not compact(_label(grid[r])).startswith(inner)
              and not compact(_label(grid[r])).endswith(inner)]
    if marked != rows and set(rows) < set(marked):
        ways.append(marked)
        # (a 其中 list names some of its parent's items: a row after it that fits in the room left
        # may be the parent's sibling, 其他支出 after 其中：设备购置 | 信息化建设 under 项目支出; the lists
        # ending after each of their items are readings too)
        for most in range(1, LIST_ENDS + 1):
            shorter = _outer_rows(grid, details, label_col, inner, most)
            if shorter == rows:
                break
            ways.append(shorter)
    # rows closing a group with its subtotal (基本支出小计 after 人员经费, 公用经费): the items alone,
    # or the subtotals alone, add up to the total
    closing = [r for r in rows if compact(_label(grid[r])).endswith(inner) and not compact(_label(grid[r])).startswith(inner)]
    if closing:
        ways.append([r for r in rows if r not in closing])
        ways.append(closing)
    bare = _bare_subtotals(grid, details, label_col, rule)
    if len(bare) >= 2:
        # (groups under headings, each closed by a bare 小计: the subtotals alone add up to the total)
        ways.append(sorted(bare))
    for nested in (False, True):
        parents = _value_parents(grid, rows, label_col, summed, nested, partial)
        if parents:
            # (基本支出 over 人员经费 and 公用经费, indented only, no 其中: the rows a row is the sum of
            # are its items, not the total's; read flat, and nested: 201 over 20101 over its items)
            ways.append([r for r in rows if not any(r in children for children in parents.values())])
    codes = {r: _code_of(grid[r]) for r in rows}
    if any(codes.values()):
        # budget codes, in one column (213, 21301) or split (207 | 01 | 04): the shortest level adds up
        shortest = min(len(c) for c in codes.values() if c)
        ways.append([r for r in rows if codes[r] and len(codes[r]) == shortest])
    if numbered and (len(set(numbered)) > 1 or len(numbered) < len(rows)):
        # unnumbered rows among numbered ones continue a 其中 list or a sub-list (1.公务用车…费 /
        # 其中：购置费 / 运行维护费): the numbered rows are the outer level
        top = min(numbered)
        ways.append([r for r in rows if styles[r] == top])
        # or the items under the numbered rows in their place (一、基本支出 over its unnumbered rows)
        segments = _segments(rows, styles, top)
        groups = _numbered_groups(rows, styles, top, segments)
        if groups:
            # (each group's items in its place, the rows below those items left to them)
            inside = {r for segment in segments.values() for r in segment}
            items = {r for children in groups.values() for r in children}
            ways.append([r for r in rows if r not in groups and (r in items or r not in inside)])
    return ways


LIST_ENDS = 8  # the items after which a 其中 list is read as ending, at most (each a reading of the rows)


def _value_parents(grid, rows: list[int], label_col: int, summed: list[int] | None,
                   nested: bool = False, partial: dict[int, list[int]] | None = None) -> dict[int, list[int]]:
    """Rows that are the sum of the rows right after them, in every summed column (`summed`: no
    rate, standard or per-unit column) where they print an amount (a list whose sub-items are set
    apart by indentation alone, which the reader does not keep): {row: its items}. An item may be
    a row of items itself (201 over 20101 over 2010101 | 2010102), and a row may have one item that
    restates it (205 教育支出 500 over 2050201 普通教育 500) where some row is the sum of two items
    or more (a list of equal figures, 1.00 | 1.00 | 1.00, nests nothing). Each row is read once; the
    look-ahead stops once the running sums pass the row's own figures (amounts are not negative), so
    the work stays near linear in the rows. One slipped cell in a row of several columns does not
    undo the reading (see `_parents_of`); such rows go to `partial` when given."""
    order = sorted(rows)
    amounts = {r: {c: parse_cell(t.strip()) for c, t in enumerate(grid[r])
                   if c > label_col and (summed is None or c in summed) and is_amount(t)} for r in order}
    found = _parents_of(order, amounts, 2, nested, partial)
    return _parents_of(order, amounts, 1, nested, partial) if found and nested else found


def _parents_of(order: list[int], amounts: dict, least: int, nested: bool,
                partial: dict[int, list[int]] | None = None) -> dict[int, list[int]]:
    """`_value_parents` with at least `least` items under a row; an item a parent itself only
    `nested` (read flat, a row counted as an item is no row of items). A row is their sum when
    they add up to it in every column, or in all columns but PARENT_COLUMNS_OFF with at least
    PARENT_COLUMNS_AGREEING columns of figures other than 0 adding up (税收收入 over its taxes in
    调整预算数 and 执行数, its 上年执行数 slipped): that row goes to `partial`, its other column a slip
    to tell there, not a reason to read the whole table flat."""
    found: dict[int, list[int]] = {}
    taken: set[int] = set()
    # (a column holding a negative figure, 增减额 −14.69, is one of changes: a running sum past a
    # row's figure there may come back to it)
    signed = {c for figures in amounts.values() for c, q in figures.items() if q.value < 0}
    for k, r in enumerate(order):
        own = amounts[r]
        if not own or (r in taken and not nested):
            continue  # (a negative figure is a change's, in a signed column: its row may still be a sum)
        parts: dict[int, list[Quantity]] = {c: [] for c in own}
        totals = {c: Decimal(0) for c in own}
        for m, child in enumerate(order[k + 1:], start=1):
            if child != r + m:
                break  # (items stand right under their row)
            for c in own:
                q = amounts[child].get(c)
                if q is not None and q.unit == own[c].unit:
                    parts[c].append(q)
                    totals[c] += q.value
            adding = [c for c in own if parts[c] and sum_check(own[c], parts[c]) == "ok"] if m >= least else []
            whole = len(adding) == len(own)
            if whole or (m >= 2 and _mostly_adding(own, adding, parts)):
                found[r] = order[k + 1:k + 1 + m]
                taken.update(found[r])
                if not whole and partial is not None:
                    partial.setdefault(r, found[r])
                break
            # (past the row's figures in more columns than may slip: no run of rows below adds up to it)
            past = sum(1 for c, q in own.items() if c not in signed and totals[c] > q.value)
            slipping = PARENT_COLUMNS_OFF if len(own) - PARENT_COLUMNS_OFF >= PARENT_COLUMNS_AGREEING else 0
            if past > slipping or m >= MAX_ITEMS_UNDER:
                break
    return found


def _mostly_adding(own: dict, adding: list[int], parts: dict) -> bool:
    """The rows under a row add up to it in all its columns but PARENT_COLUMNS_OFF, and in at least
    PARENT_COLUMNS_AGREEING columns whose figure is not 0 (0 = 0 + 0 bears out nothing), columns
    printing the same figures row for row counted once (年初预算数 and 全年预算数 alike: one sum)."""
    bearing = {(own[c].value, tuple(q.value for q in parts[c])) for c in adding if own[c].value != 0}
    return len(adding) >= len(own) - PARENT_COLUMNS_OFF and len(bearing) >= PARENT_COLUMNS_AGREEING


MAX_ITEMS_UNDER = 60  # items read under a row whose columns are all signed (no sum to pass): linear still
# A row heading the rows under it is read so when they add up to it in every column but this many
# (one cell off, in the row or in one of its items, is a slip to tell, not a sign of no hierarchy),
# and then only with this many columns adding up exactly: two independent sums agreeing to the unit
# do not happen by chance, one may (a row equal to the next two in one column of three).
PARENT_COLUMNS_OFF = 1
PARENT_COLUMNS_AGREEING = 2


def _group_hits(rule, table, grid, details: list[int], label_col: int, summed: list[int], heads: list[str]):
    """Each numbered row heading its items (二、项目支出 over 天然林保护, …): the row is their sum."""
    groups, _ = _top_groups(rule, grid, details, label_col)
    yield from _groups_summed(rule, table, grid, groups, summed, heads)


def _top_groups(rule, grid, details: list[int], label_col: int) -> tuple[dict[int, list[int]], int]:
    """The top-level numbered rows heading their items (see _numbered_groups), and how many rows
    are numbered at the top level."""
    rows = _outer_rows(grid, details, label_col, tuple(rule.params["inner_row_words"]))
    styles = {r: _level(grid, r, label_col) for r in rows}
    numbered = [k for k in styles.values() if k is not None]
    if not numbered:
        return {}, 0
    top = min(numbered)
    return _numbered_groups(rows, styles, top), numbered.count(top)


def _groups_alone(rule, table, grid):
    """A table of numbered groups with no total row (一、行政单位资产 | （一）… | 二、事业单位资产 | …):
    each group's row against its items, where some group's figures bear the reading out (its row
    is their sum in some column); none do: the numbered rows may head lists, not sum them."""
    label_col = next((c for row in grid for c, text in enumerate(row) if text.strip()), 0)
    figures = _figure_rows(rule, table, label_col)
    if len(figures) < 3:
        return
    first = figures[0]
    # (a row closed by a total word, 本级一般公共预算收入合计, is no group's item)
    totals = tuple(rule.params["total_row_labels"])
    figures = [r for r in figures if not compact(_label(grid[r])).endswith(totals)]
    groups, tops = _top_groups(rule, grid, figures, label_col)
    if not groups or len(groups) != tops:
        return  # (every top row heads its items here: 3、公务接待费 over 公用经费, 政府采购金额 heads none)
    # (the heads read only for a table of groups: most tables have none)
    heads, summed = _heads_summed(rule, table, grid, first, label_col)
    agreed = []
    with Trial() as trial:
        hits = list(_groups_summed(rule, table, grid, groups, summed, heads, agreed))
    if agreed:  # (no group adding up in any column: the numbering is no nesting of sums)
        trial.keep()
        yield from hits


def _groups_summed(rule, table, grid, groups: dict[int, list[int]], summed: list[int], heads: list[str],
                   agreed: list | None = None):
    """Each group's row (a numbered heading's, a 小计's) against its rows, column by column
    (`agreed`, when given, gets each group row and column that adds up)."""
    for head, children in groups.items():
        for col in summed:
            if col >= len(table.rows[head]) or any(col >= len(table.rows[r]) for r in children) \
                    or not is_amount(grid[head][col]):
                continue
            # (a blank or a dash among the rows is 0, as a 决算 table prints it)
            rows = [r for r in children if grid[r][col].strip() and not lexicon().dash(grid[r][col].strip())]
            if not rows:
                continue
            cells = [table.rows[r][col] for r in rows]
            hit = _compare(rule, table, table.rows[head][col], cells, _group_label(grid[head], _label(grid[head])),
                           heads[col].strip() or f"第{col + 1}列",
                           [_group_label(grid[r], _label(grid[head])) for r in rows])
            if hit is not None:
                yield hit
            elif agreed is not None and all(parse_cell(c.text) is not None for c in cells):
                agreed.append((head, col))  # (figures that add up, not cells that cannot be read)


def _bare_subtotals(grid, details: list[int], label_col: int, rule) -> dict[int, list[int]]:
    """Each row labelled only 小计 with the rows of figures right above it, up to a row without
    figures (its group's heading, 二、项目支出) or another subtotal: {subtotal row: its rows}."""
    words = tuple(compact(w) for w in rule.params["subtotal_words"])
    with_figures = set(details)
    groups = {}
    for r in details:
        group = _grouped_subtotal(grid[r], label_col, words)
        if compact(_label(grid[r][:label_col + 2])) not in words and group is None:
            continue
        rows, k = [], r - 1
        while k in with_figures and compact(_label(grid[k][:label_col + 2])) not in words \
                and (group is None or compact(grid[k][label_col]) == group) \
                and _grouped_subtotal(grid[k], label_col, words) is None:
            rows.append(k)
            k -= 1
        if len(rows) >= 2 and not any(SUBROW_RE.match(_label(grid[q]).strip()) for q in rows):
            groups[r] = sorted(rows)
    return groups




def _group_label(row: list[str], group: str) -> str:
    """A row's label in a group (二、项目支出 | …, or 普通高中 | 国家助学金 under 普通高中 | 小计): its
    label, and the words after it where the label is the group's name repeated down the rows."""
    label = _label(row).strip()
    if label != group.strip():
        return label
    words = [t.strip() for t in row if t.strip() and not is_amount(t)]
    return " ".join(words[:2]) if len(words) >= 2 and words[0] == label and words[1] != label else label


def _grouped_subtotal(row: list[str], label_col: int, words: tuple[str, ...]) -> str | None:
    """The group a row names before its 小计 (义务教育 | 小计 | …, the group's name in a column of its
    own repeated down its rows), or None: its rows are those above with that name."""
    if label_col + 1 >= len(row) or compact(row[label_col + 1]) not in words:
        return None
    group = compact(row[label_col])
    return group if group and group not in words else None


def _subtotal_hits(rule, table, grid, details: list[int], label_col: int, summed: list[int], heads: list[str],
                   total_first: bool = False):
    """A bare 小计 row closing the rows above it (人员经费 | 公用经费 | 小计), or a named one (行政单位小计)
    heading or closing its group: it is their sum."""
    groups = _bare_subtotals(grid, details, label_col, rule)
    groups.update((r, rows) for r, rows in _named_subtotals(grid, details, rule, total_first).items() if r not in groups)
    yield from _groups_summed(rule, table, grid, groups, summed, heads)


def _named_subtotals(grid, details: list[int], rule, total_first: bool) -> dict[int, list[int]]:
    """Rows naming what they subtotal (行政单位小计 | 事业单位小计) that split the table's rows into
    groups, on the side the table's total stands: under a 合计 heading the table each heads the rows
    after it up to the next, above a closing 合计 each closes the rows since the one before.
    {} unless the first (or the last) row is such a subtotal, every row then in one group."""
    words = tuple(compact(w) for w in rule.params["subtotal_words"])
    named = [r for r in details if compact(_label(grid[r])).endswith(words) and compact(_label(grid[r])) not in words]
    if len(named) < 2 or (details[0] if total_first else details[-1]) not in named:
        return {}
    bounds = named + [details[-1] + 1] if total_first else [details[0] - 1] + named
    groups = {}
    for lo, hi in zip(bounds, bounds[1:]):
        rows = [r for r in details if lo < r < hi]
        if any(SUBROW_RE.match(_label(grid[r]).strip()) for r in rows):
            continue  # (其中：食堂 under a school: the row above's breakdown, no sibling; not read)
        if rows:
            groups[lo if total_first else hi] = rows
    return groups


def _numbered_groups(rows: list[int], styles: dict, top, segments: dict | None = None) -> dict[int, list[int]]:
    """Each top-level numbered row with its items (two or more): the unnumbered rows right after
    it (一、基本支出 | 工资福利支出 | 商品和服务支出 …), or the rows of the next numbering level
    up to the next top row, the rows below those left to them (一、行政单位资产 | （一）流动资产 |
    （二）固定资产). {} unless every top row has its items or none: a list whose numbered rows
    only sometimes head items is not read so."""
    groups: dict[int, list[int]] = {}
    for head, segment in (segments if segments is not None else _segments(rows, styles, top)).items():
        levels = [styles[r] for r in segment]
        if all(level is None for level in levels):
            groups[head] = segment
        elif levels and levels[0] is not None and levels[0] != top and None not in levels:
            # (the next level: what the segment's first row is numbered by, deeper levels after one
            # of its rows that row's items; an unnumbered row among them, 其他项目 after （二）, may
            # be the last item's item or a sibling of the numbered ones: not read)
            groups[head] = [r for r in segment if styles[r] == levels[0]]
        else:
            groups[head] = []
    groups = {r: c for r, c in groups.items() if c}
    return groups if groups and all(len(c) >= 2 for c in groups.values()) else {}


def _segments(rows: list[int], styles: dict, top) -> dict[int, list[int]]:
    """Each top-level numbered row with the rows after it up to the next top-level row, or up to a
    row at a level above it (a row before any top row is in none)."""
    segments: dict[int, list[int]] = {}
    current = None
    for r in rows:
        if styles[r] == top:
            current = r
            segments[r] = []
        elif current is not None and (styles[r] is None or styles[r] > top):
            segments[current].append(r)
        else:
            current = None
    return segments


CODE_CELL_RE = re.compile(r"^(?:\d{3}|\d{5}|\d{7})$")  # a 功能分类 code: 类 3 digits, 款 5, 项 7
SPLIT_CODE_RE = re.compile(r"^\d{2}$")  # its 款 or 项 part in a column of its own


def _code_of(row: list[str]) -> str:
    """The budget code the row's leading cells spell (207 | 01 | 04 → 2070104; 21301), or "" (a
    序号 10, 11 is no code)."""
    cells = [t.strip() for t in row if t.strip()]
    if not cells or not CODE_CELL_RE.match(cells[0]):
        return ""
    code = cells[0]
    for text in cells[1:3]:
        if not SPLIT_CODE_RE.match(text) or len(code) >= 7:
            break
        code += text
    return code


def _outer_rows(grid, details: list[int], label_col: int, inner: tuple, most: int | None = None) -> list[int]:
    """The rows not inside another: not a 其中 / 小计 row, nor one of the rows going on with a
    其中 list (其中：公务用车购置费 / 公务用车运行维护费): those continue while their running sum,
    in some column of figures, has room within the row they belong to and in no column has
    reached it yet (a slip in one column does not undo the nesting another column shows, nor does
    it stretch a list another column shows complete); `most`: the rows a list goes on with at most."""
    def words(r):
        # (the row's words, no figures: 临海市老年大学 | 小计 | 160.50 closes its group)
        return compact(" ".join(t for t in grid[r][:label_col + 2] if not is_amount(t)))

    def figures(r) -> dict[int, Decimal]:
        return {c: q.value for c, t in enumerate(grid[r]) if c > label_col and is_amount(t)
                for q in [parse_cell(t.strip())] if q is not None}

    def level(r):
        return _level(grid, r, label_col)

    out, parent, running, parent_level, going = [], None, None, None, 0
    for r in details:
        label = words(r)
        if label.startswith(inner) or label.endswith(inner):
            if label.startswith(inner) and out:
                parent, running, parent_level, going = figures(out[-1]), figures(r), level(out[-1]), 0
            continue
        values = figures(r)
        # (a list one column shows complete, its running sum at the parent's, goes on in none; a
        # parent's 0, in a column of changes or of a thing not spent, shows nothing complete; a row
        # numbered as the parent is, 二、 after 一、's 其中 list, is the parent's sibling)
        own_level = level(r) if parent is not None and parent_level is not None else None
        closed = parent is not None and running is not None and any(
            running[c] == parent[c] != 0 for c in running if c in parent) \
            or (own_level is not None and own_level <= parent_level)
        going_on = not closed and (most is None or going < most) and [
            c for c in values if parent and c in parent and c in running
            and running[c] < parent[c] and running[c] + values[c] <= parent[c]]
        if going_on:
            running = {c: running[c] + values.get(c, Decimal(0)) for c in running}  # (a blank cell adds 0)
            going += 1
            continue  # the 其中 list goes on
        parent = running = parent_level = None
        out.append(r)
    return out


def _distinct_note(rule, note: str) -> bool:
    """The note right after the table says its total counts people or things once (去除重复,
    同时参加, 实际人数): no sum of its rows."""
    return any(w in note for w in rule.params["distinct_count_words"])


def _notes_after(doc) -> dict[int, str]:
    """The text of the block right after each table (by id): where a table's note stands (注：…)."""
    return {id(block): doc.blocks[k + 1].text for k, block in enumerate(doc.blocks[:-1])
            if isinstance(block, Table) and not isinstance(doc.blocks[k + 1], Table)}


def _lines_before(doc, longest: int) -> dict[int, str]:
    """The short line right before each table (by id): where its unit stands (单位：人); `longest`:
    the most characters of such a line (no paragraph of prose)."""
    return {id(block): doc.blocks[k - 1].text for k, block in enumerate(doc.blocks) if k
            and isinstance(block, Table) and not isinstance(doc.blocks[k - 1], Table)
            and len(doc.blocks[k - 1].text) <= longest}


SCALED_UNIT_RE = re.compile(r"[万亿千]|元")  # a unit of a scale (万人次) or of money: no plain count
HEAD_UNIT_RE = re.compile(r"[（(][^）)]+[）)]")  # a head naming its own unit (投资额（万元）)


def _counted(rule, table, column: str, unit_line: str = "") -> bool:
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


def _column_hit(rule, table, grid, at: int, col: int, ways: list[list[int]], column: str, note: str = "",
                unit_line: str = "", settled: "RowRelations | frozenset" = frozenset(), numbered: list[int] | None = None):
    """The column's total against its rows, added up each way the table may mean (`ways`): None
    when one way holds; else the nearest way, or, where the numbering shows the nesting
    (`numbered`, see _numbered_reading), the numbered rows: one reading for every column."""
    total_cell = table.rows[at][col] if col < len(table.rows[at]) else None
    total = parse_cell(total_cell.text) if total_cell is not None and total_cell.text.strip() else None
    if total is None or total.unit in ("%", "‰"):
        return None
    best = None
    counted = _counted(rule, table, column, unit_line)
    if counted and _distinct_note(rule, note):
        return None  # (注：7名队员同时参加两支服务队，合计为实际人数: a count of distinct people)
    for way, rows in enumerate(ways):
        cells = [table.rows[r][col] for r in rows if col < len(table.rows[r])
                 and table.rows[r][col].text.strip() and not lexicon().dash(table.rows[r][col].text.strip())]
        parts = [parse_cell(c.text) for c in cells]
        if any(p is None or p.unit != total.unit for p in parts):
            return None  # words, a malformed figure or other units: no column of amounts to add
        if len(parts) < (2 if way == 0 else 1):
            continue  # (every row: a sum needs two; an outer level may hold one row and its sub-items)
        outcome = sum_check(total, parts, rule.tolerance, counts=counted)
        if outcome == "ok":
            note_compared(total_cell.loc)
            return None
        gap = (outcome != "rounding", rows != numbered, abs(sum(p.value for p in parts) - total.value))
        if best is None or gap < best[0]:
            best = (gap, cells)  # the way of adding up that comes nearest: the one the table meant
    if best is None:
        return None
    cells = best[1]
    label = compact(_label(grid[at]))
    names = [row_name(grid[c.loc.row - 1]) or f"第{c.loc.row_shown}行" for c in cells]
    return _yuan_slip(rule, table, total_cell, total, cells, names, column) \
        or _compare(rule, table, total_cell, cells, label, column, names, counted, settled)


def _numbered_reading(grid, rows: list[int], label_col: int) -> list[int] | None:
    """The rows of the outermost numbering where the numbering shows the nesting: two levels or
    more (2.公务用车购置及运行维护费 over （1）购置费 and （2）运行维护费), the first row at the outer one
    (rows before it would be in no group). The same for every column: a column whose figures fit no
    reading is still read so, not as a flat list that happens to come nearer. None otherwise."""
    styles = [_level(grid, r, label_col) for r in rows]
    levels = {k for k in styles if k is not None}
    if len(levels) < 2 or styles[0] != min(levels):
        return None
    return [r for r, k in zip(rows, styles) if k == styles[0]]


def _grid_relations(rule, grid, rows: list[int], summed: list[int], heads: list[str]):
    """A table's change columns' relations and the cells its rows bear out (see _record_relations)."""
    changes = [c for c in summed if c < len(heads) and any(w in compact(heads[c]) for w in rule.params["change_column_words"])]
    if not changes:
        return [], frozenset()
    figures = {}
    for r in rows:
        parsed = {c: parse_cell(grid[r][c].strip()) for c in summed if c < len(grid[r]) and is_amount(grid[r][c])}
        figures[r] = {c: q for c, q in parsed.items() if q is not None}
    relations = _change_relations(list(figures.values()), changes, summed)
    return relations, (_settled_cells(figures, relations) if relations else frozenset())


YUAN_PER_WAN = 10000


def _yuan_slip(rule, table, total_cell: Cell, total, cells: list[Cell], names: list[str], column: str) -> Hit | None:
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
            fields={"table": table.title or f"表{table.index}", "label": name, "column": column,
                    "total": cell.text, "sum": shown, "diff": "", "relation": "按万元计应为",
                    "note": f"（合计 {total_cell.text} 按此相符，该行疑以元填入）"},
            highlights=[total_cell.loc])
    return None


# Sub-checks by the rule's `check` param.
def _check_running_total(doc, rule, _typed):
    """A column of running totals (累计支出) beside the period's own figures (当月支出), rows by
    period (1月, 2月 …): each row's running total is the row before's plus its own figure. A running
    total that alone is off, the next row agreeing with the true one, is told once."""
    words = [compact(w) for w in rule.params["running_words"]]
    periods = re.compile(rule.params["period_row_pattern"])
    for table in doc.tables:
        grid = table.grid()
        rows = [r for r, row in enumerate(grid) if row and periods.fullmatch(compact(_label(row)))]
        if len(rows) < 3:
            continue
        heads = [compact(" ".join(grid[r][c] for r in range(rows[0]) if c < len(grid[r]))) for c in range(table.width)]
        rates = [compact(w) for w in rule.params["rate_column_words"]]
        for col in (c for c, h in enumerate(heads) if any(w in h for w in words) and not any(w in h for w in rates)):
            # (the period's own figures: the nearest column to the left that is no running one and no rate)
            # (of the running total's own year: 上年同期累计 beside 本季支出 adds up last year's quarters)
            prior = bool(lexicon().prior.search(heads[col]))
            own = next((c for c in range(col - 1, 0, -1) if heads[c] and not any(w in heads[c] for w in words + rates)
                        and bool(lexicon().prior.search(heads[c])) == prior), None)
            if own is None or len({head_unit(heads[own]), head_unit(heads[col])} - {None}) > 1:
                continue  # (当年建成（亩） beside 累计建成（万亩）: other units, no sum of the two)
            yield from _running_column(rule, table, grid, rows, own, col, heads)


def head_unit(head: str) -> str | None:
    """The unit a column head names in brackets at its end (累计建成面积（万亩） -> 万亩), if any."""
    found = list(UNIT_RE.finditer(head))
    return found[-1].group(1) if found and found[-1].end() == len(head.rstrip()) else None


def _running_column(rule, table, grid, rows: list[int], own: int, col: int, heads: list[str]):
    values = [(parse_cell(grid[r][own]), parse_cell(grid[r][col])) for r in rows]
    if any(a is None or b is None for a, b in values):
        return
    skip = False
    for k in range(1, len(rows)):
        if skip:
            skip = False
            continue
        (_, before), (amount, total) = values[k - 1], values[k]
        if sum_check(total, [before, amount], rule.tolerance) == "ok":
            note_compared(table.rows[rows[k]][col].loc)
            continue
        if k + 1 < len(rows):
            # this row's total alone is off when the next one follows on from the true figure
            nxt_amount, nxt_total = values[k + 1]
            skip = sum_check(nxt_total, [before, amount, nxt_amount], rule.tolerance) == "ok"
        hit = _compare(rule, table, table.rows[rows[k]][col], [table.rows[rows[k - 1]][col], table.rows[rows[k]][own]],
                       _label(grid[rows[k]]).strip(), heads[col], ["上期累计", "本期"])
        if hit is not None:
            hit.fields["relation"] = "按上期累计加本期应为"
            yield hit


def _check_row_product(doc, rule, _typed):
    notes = _notes_after(doc)
    caps = tuple(rule.params["cap_note_words"])
    for table in doc.tables:
        # (a note capping the amounts, 单个项目补助最高不超过100.00万元: a row below its product at the
        # cap's figure is held to it)
        note = notes.get(id(table), "")
        cap_values = {q.value for q in (parse_cell(t) for t in NUMBER_RE.findall(note)) if q is not None} \
            if any(w in note for w in caps) else set()
        products = _product_slips(table, rule)
        if products.checked:
            yield Checked(products.checked)
        for slip in products.slips:
            cell = table.rows[slip.row][slip.col]
            factors = " × ".join(f"{head} {text}" for head, text in slip.terms)
            stated = parse_cell(cell.text)
            if stated.value < slip.expected and stated.value in cap_values:
                continue
            shown = fmt(slip.expected, stated.places, cell.text)
            # (3 | 下河村 | …: the row named by its name, not its 序号)
            label = row_name(table.grid()[slip.row]) or compact(_label(table.grid()[slip.row])) or f"第{table.row_number(slip.row)}行"
            yield Hit(quote=table.row_text(slip.row).strip("\t "), location=cell.loc,
                      stated=f"{label} {cell.text}", expected=shown,
                      formula=f"{factors}{f' × {slip.periods}（全年{slip.periods}{slip.period}）' if slip.periods > 1 else ''}"
                              f"{' ÷ 100（百分数）' if slip.percent else ''}"
                              f"{' ÷ 10000（元折合万元）' if slip.ten_thousandth else ''} = {shown}"
                              "（表中其余各行均按此计算）",
                      fields={"table": table.title or f"表{table.index}", "label": label,
                              "column": slip.column, "total": cell.text, "sum": shown,
                              "diff": f"{stated.value - slip.expected:.{stated.places}f}",
                              "gap": stated.value - slip.expected,
                              "relation": "按金额与比率之积为" if slip.percent else "按数量与标准之积为", "note": ""})


def _stated_gap(hit: Hit) -> Decimal:
    """The difference a hit states, as a number (its message's `diff` shows it as printed: grouped
    1,000.00 like the total, a unit slip's note after it)."""
    return hit.fields["gap"]


def _products_explain(hit: Hit, slips, col: int, table) -> bool:
    """The column adds up to its total once the summed rows' product slips are put right."""
    rows = {loc.row - 1 for loc in hit.highlights[1:] if loc.row}
    mine = [slip for slip in slips if slip.col == col and slip.row in rows]
    if not mine:
        return False
    correction = sum((slip.expected - parse_cell(table.rows[slip.row][col].text).value for slip in mine), Decimal(0))
    places = max(parse_cell(table.rows[slip.row][col].text).places for slip in mine)
    return abs(_stated_gap(hit) - correction) <= Decimal(1).scaleb(-places)


def _product_slips(table, rule):
    """The rows of a table held to a product, and its slips (tables/products.py)."""
    return row_products(table, rule.params["rate_column_words"] + rule.params["not_summed_words"])


def _check_year_growth(doc, rule, _typed):
    """A year-rows table's growth on the year before against the row above (tables/year_rows.py)."""
    for table in doc.tables:
        growths = year_growth_slips(table, tuple(rule.params["growth_words"]), tuple(rule.params["prior_words"]),
                                    tuple(rule.params["rate_column_words"]))
        if growths.checked:
            yield Checked(growths.checked)
        grid = table.grid() if growths.slips else None
        for slip in growths.slips:
            cell = table.rows[slip.row][slip.col]
            stated = parse_cell(cell.text)
            shown = fmt(slip.expected, max(stated.places, 2))
            label = compact(_label(grid[slip.row]))
            yield Hit(quote=table.row_text(slip.row).strip("\t "), location=cell.loc,
                      stated=f"{label} {cell.text.strip()}", expected=f"{shown}%",
                      formula=f"{slip.column}：{slip.terms[0]} ÷ {slip.terms[1]} − 1 = {shown}%（上一行为上一年度）",
                      fields={"table": table.title or f"表{table.index}", "label": label, "column": slip.growth,
                              "total": cell.text.strip(), "sum": f"{shown}%", "diff": "",
                              "relation": f"按{slip.column}本行与上一年度之比应为", "note": ""})


def _check_code_order(doc, rule, typed):
    """A budget code printed away from its parent (2101101 行政单位医疗 among 20805's items, its
    21011 further down): the nearest shorter code above an item is its parent wherever the table
    prints that parent, so the item's amount is summed under the wrong heading by a reader."""
    for t in typed:
        if t.type != "budget_by_code":
            continue
        for segment, _amounts in t.segments:
            records = [r for r in t.records if r.segment == segment and not r.is_total and r.code.isdigit()]
            printed = {r.code for r in records}
            shorter: dict[int, CodeRecord] = {}  # code length -> the last record of that length above
            for rec in records:
                parent = rec.code[:-2]
                above = shorter.get(len(parent))
                shorter[len(rec.code)] = rec
                for length in [n for n in shorter if n > len(rec.code)]:
                    del shorter[length]  # (a shorter code closes the longer ones' run)
                if len(rec.code) <= 3 or parent not in printed:
                    continue
                yield CHECKED
                if above is not None and above.code == parent:
                    continue
                under = f"{above.code} {above.name}".strip() if above is not None else "表首"
                yield Hit(quote=t.table.row_text(rec.row).strip("\t "), location=rec.label_cell.loc,
                          stated=f"{rec.code} {rec.name}".strip(), expected=f"列在上级科目 {parent} 之下",
                          formula=f"科目 {rec.code} 的上级科目为 {parent}（表中另行列出），却列在 {under} 之下",
                          fields={"table": t.table.title or f"表{t.table.index}", "label": f"{rec.code} {rec.name}".strip(),
                                  "column": "", "total": parent, "sum": under, "diff": "", "relation": "", "note": ""})


CHECKS = {
    "year_growth": _check_year_growth,
    "row_product": _check_row_product,
    "running_total": _check_running_total,
    "code_rollup": _check_code_rollup,
    "code_order": _check_code_order,
    "row_total": _check_row_total,
    "summary_totals": _check_summary_totals,
    "three_public": _check_three_public,
    "column_total": _check_column_total,
}
