"""Check `column_total` of kind `table_sum`: any other table with one 合计 / 总计 row, in each
column of amounts the total is the sum of the rows below it (or above it, the total last); a
total in the table's middle or its heading, restating rows, counts and per-head rows."""
from __future__ import annotations

import re
from decimal import Decimal
import functools
from functools import lru_cache

from ...facts.base.words import without_funds
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, Quantity, malformed_figure
from ...ingest.build import numbering_of
from ...knowledge import compact, concepts
from ...model import Table
from ...tables.products import UNIT_RE
from ...tables.typed import parse_cell
from ...ingest.raw import YEAR_CELL_RE, years_apart
from ..base import GLOSS_RE, Hit, Trial, sum_check
from .reading import label_cells, row_level, row_label, is_amount, notes_after, inner_head
from .relations import RowRelations, fold_changes, grid_relations
from .findings import crossing_cell, column_hit, stated_gap
from .heads import heads_summed, figure_rows, label_column
from .table_identities import products_explain, product_slips
from .across import cumulative_reading, rows_across_alone, row_totals
from ..score.weights import weighed_table
from .groups import grand_total_hits, part_total_hits, summed_rows, group_hits, groups_alone, groups_summed, subtotal_hits, outer_rows


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


def _same_unit_rows(grid, at: int, figures: list[int], params: dict) -> list[int]:
    """In a table with a column of units (项目 | 计量单位 | 数值), the rows whose unit cell names a unit
    of the total row's kind, or none it knows: rows of other units (机关运行经费 | 万元 above 车辆数合计 |
    辆) are no parts of it."""
    units = {*params["count_units"], *params["other_unit_rows"], *MONEY_UNITS}

    def kind(cell: str) -> str:
        # (元 and 万元 are one kind, 台 and 辆 two; 台（套） is 台 with its alias)
        unit = GLOSS_RE.sub("", compact(cell))
        return "money" if unit in MONEY_UNITS else unit if unit in units else ""
    col = next((c for c, text in enumerate(grid[at]) if kind(text)), None)
    if col is None:
        return figures
    own = kind(grid[at][col])
    # (a cell naming no unit of the list is not told apart: kept)
    kept = [r for r in figures if col >= len(grid[r]) or kind(grid[r][col]) in ("", own)]
    scales = {GLOSS_RE.sub("", compact(grid[r][col])) for r in kept if col < len(grid[r]) and kind(grid[r][col]) == "money"}
    # (元 rows under a 万元 total: one kind, another scale; the figures cannot be added as printed)
    return [] if len(scales) > 1 else kept



def _heads_again(row: list[str], header: list[str], label_col: int) -> bool:
    """A row inside a table printing the header's heads of its figure columns again under a head of
    its own list (支出项目 | 金额 under 项目 | 金额); the header repeated whole (项目 | 金额 again, as over
    a page break) goes on with the same list."""
    return [compact(t) for t in row[label_col + 1:]] == [compact(t) for t in header[label_col + 1:]] \
        and any(t.strip() for t in row[label_col + 1:]) \
        and compact(row[label_col] if label_col < len(row) else "") != compact(header[label_col] if label_col < len(header) else "")


def _scored(header_rows: list[list[str]], point_heads: list[str]) -> bool:
    """The header names the points each row is given (分值, 满分): the rows are scored indicators."""
    return any(w in compact(t) for row in header_rows for t in row for w in point_heads)


@lru_cache(maxsize=1)
def _count_endings() -> tuple[str, ...]:
    return tuple((concepts().get("count_head_endings") or {}).keys())


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


def _rows_named_as(grid, at: int, details: list[int], label_col: int, labels: set) -> list[int] | None:
    """The run of `details` from the first row whose label opens with the name the total's closes
    with a total word (房屋建筑 of 房屋建筑合计) down to the total, two rows or more: the rows it sums,
    adding up or not (房屋（办公用房）| 附属用房 | 房屋合计, 自有土地 before them left out); else None."""
    label = compact(row_label(grid[at]))
    word = max((w for w in labels if label.endswith(w) and len(label) > len(w)), key=len, default="")
    name = label[:len(label) - len(word)]
    first = next((r for r in details if compact(row_label(grid[r])).startswith(name)), None) if len(name) >= 2 else None
    rows = [r for r in details if first is not None and first <= r < at]
    return rows if len(rows) >= 2 and rows != details else None


def check_column_total(doc, rule, typed):
    # (a table of first-level categories' scores is summed here: the score rules' total is an
    # indicator form's, with its execution points)
    covered: dict[int, int] = {}  # table -> the first row the rules of its type cover
    for t in typed:
        if t.type in rule.params["covered_types"] and not t.categories_only:
            covered[t.table.index] = min(t.header_row, covered.get(t.table.index, t.header_row))
    labels = {compact(x) for x in rule.params["total_row_labels"]}
    part_labels = {compact(x) for x in rule.params["part_total_labels"]}
    scored_labels = {compact(x) for x in rule.params["scored_total_labels"]}
    sums = tuple(labels)  # (a detail row holding one of these words is a subtotal)
    notes, befores = notes_after(doc), _lines_before(doc, rule.params["unit_line_chars"])
    for table in doc.tables:
        if weighed_table(table):
            continue  # (专家评分 | 60% | 86 … 综合得分 | 100% | 88.4: a weighed mean, SCO030's, no sum)
        note, before = notes.get(id(table), ""), befores.get(id(table), "")
        if table.index in covered:
            # (a self-evaluation form's funds block above its indicators' head: the score rules
            # cover the indicators, the block's rows are a table of their own)
            table = _rows_above(table, covered[table.index])
            if table is None:
                continue
        grid = table.grid()
        middle = None
        names = [compact(row_label(row)) for row in grid]  # (each row's label, read by the tests below)
        # (综合得分 closes a table of points as its total: scored_total_labels; elsewhere it may weigh its rows)
        totals = [r for r, name in enumerate(names) if name in labels
                  or name in scored_labels and _scored(grid[:r], rule.params["given_point_heads"])]
        grand = None if totals else grand_total_hits(
            rule, table, grid, [r for r, name in enumerate(names) if _kind_total(name, labels)])
        if grand is not None:
            yield from grand  # (支出合计 | 调出资金 | 支出总计: the list's total, then the grand total)
            continue
        if not totals:
            # one total of a kind (收入合计) closing or heading the table's rows is its total
            totals = [r for r, name in enumerate(names) if name in part_labels]
            if not totals:
                # (one total of a thing, 资产总计, 支出合计: its label a name closed by a total word; a
                # long one only as the table's last row or its first of figures, no other row closed so:
                # 一般公共预算支出合计)
                totals = [r for r, name in enumerate(names) if _kind_total(name, labels)
                          and (len(name) <= KIND_TOTAL_CHARS or _closes_table(rule, grid, r))]
            if not totals:
                totals = _closing_amount_total(rule, grid, names)
            if len(totals) != 1:
                heading = _heading_total(rule, table, grid)
                # (a table of two lists each closed by its total, 收入合计 | 支出合计, is part_total_hits')
                middle = _middle_total(rule, table, grid, names) if heading is None and not _lists_parted(names, part_labels) \
                    else None
                if heading is None and middle is None:
                    yield from part_total_hits(rule, table, grid)
                    yield from rows_across_alone(rule, table, grid, labels, bool(totals))
                    yield from groups_alone(rule, table, grid)
                    continue
                totals = [heading if heading is not None else middle]
        named = bool(totals) and (compact(row_label(grid[totals[0]])) in labels | part_labels | scored_labels
                                  or _kind_total(compact(row_label(grid[totals[0]])), labels))
        whole = bool(totals) and _whole_heading(rule, grid, figure_rows(rule, table, 0))
        if len(totals) != 1:
            continue  # a table of several parts each with its own total
        at = totals[0]
        label_col = label_column(grid, next(c for c, text in enumerate(grid[at]) if text.strip()), table.width,
                                 labels | part_labels | {compact(w) for w in rule.params["column_subtotal_labels"]})
        figures = figure_rows(rule, table, label_col)
        if figures and figures[0] == 0 and _years_only(grid[0][label_col + 1:]):
            figures = figures[1:]  # (项目 | 2023 | 2024: the header's years, no row of figures)
        if not figures or at not in figures:
            continue
        first = figures[0]  # (the header ends above the first row of figures, whatever its unit)
        figures = _same_unit_rows(grid, at, figures, rule.params)
        if at not in figures:
            continue  # (rows in units that cannot be added as printed)
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
        inner = [r for r in range(min(at, *details), max(at, *details)) if inner_head(grid[r], label_col)] \
            if details else []
        if inner:
            block = [r for r in details if r > inner[-1]] if at > inner[-1] else [r for r in details if r < inner[0]]
            # (a head row naming the header's columns again, 支出项目 | 金额 under 项目 | 金额, opens a
            # list of its own: the total after it is that list's, whether it adds up or not)
            again = at > inner[-1] and first > 0 and _heads_again(grid[inner[-1]], grid[first - 1], label_col)
            if block and (again or _column_fits(grid, at, block, label_col) and not _column_fits(grid, at, details, label_col)):
                details = block
        if details and at < details[0] and _kind_total(compact(row_label(grid[at])), labels) \
                and not _column_fits(grid, at, details, label_col):
            # (车辆合计 | 14 over its kinds of car and then 通用设备 | 2, 专用设备 | 4: a thing's total
            # heading rows of other things after its own; the run of rows under it that adds up to it)
            details = _run_adding_up(grid, at, details, label_col) or details
        if details and at > details[-1] and _kind_total(compact(row_label(grid[at])), labels) \
                and not _column_fits(grid, at, details, label_col):
            # (自有土地 | 房屋建筑（办公用房）| 房屋建筑（业务用房）| 房屋建筑合计: a thing's total closing
            # the rows named after that thing, other things' rows before them)
            details = _rows_named_as(grid, at, details, label_col, labels) or details
        # (a row counting other things, 在职人数（人）, is no part of the total; nor is an average,
        # 平均 | 265, which figure_rows leaves out)
        # (a score table's rows are indicators scored in points whatever they count: 就业帮扶人数 | 10 | 8.72)
        if not _scored(grid[:first], rule.params["given_point_heads"]):
            details = [r for r in details if not _other_unit_row(row_label(grid[r]), rule.params["other_unit_rows"])]
        details = _without_per_head_rows(grid, details, at, label_col)
        if not details:
            continue  # (a total row and nothing it sums)
        if len(details) == 1 and compact(row_label(grid[details[0]])).startswith(tuple(rule.params["inner_row_words"])):
            continue  # (合计 | 其中：法律援助专项: one part named under the total, no list of its parts)
        cumulative = None
        if compact(row_label(grid[at])) in rule.params["cumulative_labels"]:
            cumulative = cumulative_reading([row_label(grid[r]) for r in details])
            if cumulative is None:
                continue  # (a 累计 row under rows of no periods: a running figure's, no total of them)
        if _sums_inside(grid, details, label_col, sums) or _side_by_side(grid, details, label_col) \
                or _paired_totals(grid[at], label_col, labels):
            continue  # subtotals among the rows (本年收入合计 above 总计), or two lists side by side
        heads, summed = heads_summed(rule, table, grid, first, label_col, at)
        partial: dict[int, list[int]] = {}  # rows over their items in all columns but one
        rows = summed_rows(grid, details, label_col, rule, summed, partial)
        bonus = [r for r in rows[0] if any(w in row_label(grid[r]) for w in rule.params["bonus_row_words"])] \
            if _scored(grid[:first], rule.params["given_point_heads"]) else []
        if bonus:
            # (加分项 | 2 | 2 under 合计 | 100 | 98 in a table of points: a bonus above full marks, counted
            # in the score's total or not, in the weights' not: each column may add up either way)
            rows.append([r for r in rows[0] if r not in bonus])
        if at < details[0] and compact(row_label(grid[details[0]])).startswith(tuple(rule.params["inner_row_words"])):
            # (本年收入合计 | 其中：财政拨款收入 | 事业收入 | 其他收入: the 其中 list right under the total is its own)
            rows.append(details)
        across = row_totals(rule, table, grid, [*details, at, *after], summed, heads, labels, at)
        settled = RowRelations(functools.partial(grid_relations, rule, grid, [*details, at], summed, heads))
        numbered = _numbered_reading(grid, rows[0], label_col)
        slips = product_slips(table, rule).slips
        told, column_hits, agreed = set(), [], 0
        restating = _restating_row(grid, rows[0], at, summed, Decimal(str(rule.params["restating_row_slack"])))
        items_off: list[int] = []  # columns where the restating row's items, not the total, are off
        for col in summed:
            if _running_total(grid, details, at, col):
                continue  # (累计支出 by month: its 合计 is the last month's, no sum of them)
            if any(col < len(grid[r]) and _unread_figure(grid[r][col]) for r in range(min(*details, at), max(*details, at) + 1)):
                continue  # (资本性支出 | 1,2188.4: a figure no one can read, PAT001's; 2,480.00（含上年结转132.60）:
                # a figure with a note the rows do not take as one; no sum of the column is known)
            if compact(row_label(grid[at])) not in labels and _facts_of_kinds(grid, range(min(details), max(details) + 1), col):
                # (项目 | 内容: 问卷发放 1200, 有效率 95.50%, 评价总分 90.36: a list of facts, no parts;
                # a row labelled 合计 totals its rows whatever rate row stands among them)
                continue
            with Trial() as trial:
                hit = column_hit(rule, table, grid, at, col, rows, heads[col].strip() or f"第{col + 1}列",
                                  note, before, settled, numbered)
            if hit is not None and _quotient_of_totals(grid[at], col, summed):
                continue  # (带动比 3.67 = 1,100.00 ÷ 300.00: a ratio of two columns' totals, no sum)
            trial.keep()
            agreed += hit is None and col < len(grid[at]) and is_amount(grid[at][col])
            if hit is not None and products_explain(hit, slips, col, table):
                continue  # (the total is right once a row's amount is its product: SUM007 tells that row)
            if hit is not None and across is not None and col in across[0] and len(across[1]) == 1 \
                    and stated_gap(hit) == -stated_gap(across[1][0]):
                # (the row's figure is too high by what the column's total falls short of its rows)
                continue  # the one row that does not add up across explains the column's gap: told once
            if hit is not None and restating is not None and _same_amount(grid[restating], grid[at], col):
                items_off.append(col)  # (the total is its one item's; that item's rows are off)
                continue
            if hit is not None:
                told.add((hit.location.row, hit.location.col))
                column_hits.append(hit)
        if cumulative == "at_least":
            column_hits = [hit for hit in column_hits if stated_gap(hit) < 0]  # (see across.cumulative_reading)
        if not named and not agreed and not (whole and len(summed) == 1):
            # (a heading row no column bears out as the groups' total may be none; a whole over its
            # 其中 list, 项目总投资, is the total by its name where it has one column, nothing else to
            # bear it out, and of several where one of them adds up)
            column_hits = []
        if len(column_hits) > 1 and settled.relations:
            by_col: dict[int, list[Hit]] = {}
            for hit in column_hits:
                by_col.setdefault(hit.location.col - 1, []).append(hit)
            column_hits = fold_changes(by_col, settled)
        crossing = crossing_cell(rule, table, column_hits, across)
        if crossing is not None:
            yield crossing  # (one cell off breaks its row and its column: told once, at that cell)
        else:
            yield from column_hits
            for hit in across[1] if across is not None else ():
                if (hit.location.row, hit.location.col) not in told:  # (the grand total's own cell: told once)
                    yield hit
        items = {restating: [r for r in rows[0] if r != restating]} if items_off else {}
        for hit in groups_summed(rule, table, grid, items, items_off, heads):
            hit.formula += f"（{row_label(grid[at]).strip()}行与该行数字相同：该行是合计所含的唯一一项，其后各行是它的细项）"
            yield hit
        groups = [*group_hits(rule, table, grid, details, label_col, summed, heads),
                  *subtotal_hits(rule, table, grid, details, label_col, summed, heads, at < details[0])]
        yield from groups
        yield from _partial_parent_hits(rule, table, grid, partial, summed, heads,
                                        told | {(h.location.row, h.location.col) for h in groups})


def _unread_figure(text: str) -> bool:
    """A cell holding digits that reads as no amount and no rate (a malformed figure, or a figure
    with words after it): a figure of the column the rows leave out."""
    text = text.strip()
    return bool(text) and not is_amount(text) and any(ch.isdigit() for ch in text) \
        and (malformed_figure(text) or FIGURE_START_RE.match(text) is not None) and not text.endswith(("%", "％", "‰"))


FIGURE_START_RE = re.compile(r"[-－]?\d[\d,]*(?:\.\d+)?\s*[（(]")  # 2,480.00（含…）: a figure, its note in brackets


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
    for hit in groups_summed(rule, table, grid, partial, summed, heads):
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
    named = [r for r in details if compact(row_label(grid[r])).startswith(per_head)]
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


def _kind_total(label: str, labels: set) -> bool:
    """A label naming a thing's total: a short name closed by a total word (资产总计, 支出合计), or a
    name the vocabulary knows whole, however long (一般公共预算支出合计)."""
    word = next((w for w in labels if label.endswith(w) and len(label) > len(w)), None)
    if word is None:
        return False
    name = label[:-len(word)]
    if len(label) <= KIND_TOTAL_CHARS or _names_whole(name):
        return True
    # (政府性基金预算收入合计: a fund's name before a kind of money, 收入, is that fund's total of it)
    rest = without_funds(name)
    return rest != name and bool(rest) and (len(rest) + len(word) <= KIND_TOTAL_CHARS or _names_whole(rest))


def _names_whole(name: str) -> bool:
    """The vocabulary knows the name whole (一般公共预算支出)."""
    return any(start == 0 and end == len(name) for start, end, _ in lexicon().concepts.all(name))


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
    figures = figure_rows(rule, table, 0)
    named = [r for r in figures[2:] if names[r].endswith(words) and len(names[r]) <= KIND_TOTAL_CHARS
             and names[r] not in words]
    if not named:
        return None
    label_col = next(c for c, text in enumerate(grid[named[0]]) if text.strip())
    _, summed = heads_summed(rule, table, grid, figures[0], label_col)
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


def _closing_amount_total(rule, grid, names: list[str]) -> list[int]:
    """[the last row] where it names a thing's amount in all (资产总额: params closing_total_words)
    and the rows above add up to it in some column of figures (年末数 adding up, 上年数 not): a
    thing's total by its place and its figures; a row so named elsewhere (年度资金总额 over its
    sources) is none."""
    words = tuple(rule.params["closing_total_words"])
    last = len(grid) - 1
    if not words or last < 2 or not names[last].endswith(words) or len(names[last]) <= min(map(len, words)):
        return []
    rows = [r for r in range(last) if any(is_amount(t) for t in grid[r][1:])]
    cols = [c for c in range(1, len(grid[last])) if is_amount(grid[last][c])]
    adding = [c for c in cols if rows and (found := _column_figures(grid, last, rows, c))[0] is not None
              and all(p is not None for p in found[1]) and sum_check(found[0], found[1]) in ("ok", "rounding")]
    return [last] if len(rows) >= 2 and adding else []


def _closes_table(rule, grid, at: int) -> bool:
    """The row is the table's last, or its first of figures (一般公共预算支出合计 | 5,300 | 5,200 over its
    items, as a 决算 table prints its 合计 first), and no other row closes a group (小计, 合计): a total
    of them all."""
    words = (*rule.params["total_row_labels"], *rule.params["column_subtotal_labels"])
    first = not any(is_amount(text) for r in range(at) for text in grid[r][1:])
    return (at == len(grid) - 1 or first) and not any(
        compact(row_label(grid[r])).endswith(words) for r in range(len(grid)) if r != at)


def _heading_total(rule, table, grid) -> int | None:
    """The first row of figures of a table with no total word, heading its rows' top-level numbered
    groups (一般公共预算收入 over 一、税收收入 | 其中：… | 二、非税收入 | …): by its place and numbering
    it is their total. The caller takes it so only where some column bears it out."""
    figures = figure_rows(rule, table, 0)
    if len(figures) < 3:
        return None
    first = figures[0]
    label_col = next((c for c, text in enumerate(grid[first]) if text.strip()), 0)
    inner = tuple(rule.params["inner_row_words"])
    if _whole_heading(rule, grid, figures):
        return first
    if numbering_of(row_label(label_cells(grid[first], label_col)).strip()) or compact(row_label(grid[first])).startswith(inner):
        return None
    rows = outer_rows(grid, figures[1:], label_col, inner)
    styles = [row_level(grid, r, label_col) for r in rows]
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
    first, second = (compact(row_label(grid[r])) for r in figures[:2])
    if not (first.endswith(words) and len(first) <= KIND_TOTAL_CHARS and second.startswith(inner)):
        return False
    labels = (compact(row_label(grid[r])) for r in figures[2:])
    return not any(label.startswith(inner) or label.endswith(words) or "：" in label or ":" in label
                   for label in labels)


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


def _sums_inside(grid, details: list[int], label_col: int, sums: tuple) -> bool:
    """A detail row that is itself a sum (本年收入合计, 收入合计): the rows nest in ways the labels
    do not tell (a summary table's 总计 = 本年收入合计 + 年初结转); not judged here."""
    return any(w in compact(" ".join(label_cells(grid[r], label_col))) for r in details for w in sums)


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


def _lines_before(doc, longest: int) -> dict[int, str]:
    """The short line right before each table (by id): where its unit stands (单位：人); `longest`:
    the most characters of such a line (no paragraph of prose)."""
    return {id(block): doc.blocks[k - 1].text for k, block in enumerate(doc.blocks) if k
            and isinstance(block, Table) and not isinstance(doc.blocks[k - 1], Table)
            and len(doc.blocks[k - 1].text) <= longest}


def _numbered_reading(grid, rows: list[int], label_col: int) -> list[int] | None:
    """The rows of the outermost numbering where the numbering shows the nesting: two levels or
    more (2.公务用车购置及运行维护费 over （1）购置费 and （2）运行维护费), the first row at the outer one
    (rows before it would be in no group). The same for every column: a column whose figures fit no
    reading is still read so, not as a flat list that happens to come nearer. None otherwise."""
    styles = [row_level(grid, r, label_col) for r in rows]
    levels = {k for k in styles if k is not None}
    if len(levels) < 2 or styles[0] != min(levels):
        return None
    return [r for r, k in zip(rows, styles) if k == styles[0]]
