"""The ways a table's rows add up, for kind `table_sum`'s column_total: the rows a total sums
(rows inside others, 其中 and 小计, left to the rows they belong to), numbered groups and their
heads, subtotals, and tables of parts each closed by its own total."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.lexicon import lexicon
from ...facts.numbers import Quantity
from ...knowledge import compact
from ...tables.typed import parse_cell
from ..base import Trial, sum_check, SUBROW_RE
from .reading import label_cells, row_level, row_label, is_amount, inner_head, kind_section, CODE_CELL_RE
from .findings import compare, column_hit
from .heads import heads_summed, figure_rows


def part_total_hits(rule, table, grid):
    """A table listing two things one after the other, each closed by its own total (收入 rows,
    收入合计, 支出 rows, 支出合计): each total is the sum of the rows since the one before. Only
    totals named by different things (收入合计, 支出合计) and of two rows or more each."""
    named = {compact(x) for x in rule.params["part_total_labels"]}
    totals = [r for r, row in enumerate(grid) if compact(row_label(row)) in named]
    if len(totals) < 2 or len({compact(row_label(grid[r])) for r in totals}) != len(totals):
        return
    label_col = next(c for c, text in enumerate(grid[totals[0]]) if text.strip())
    figures = figure_rows(rule, table, label_col)
    if not figures:
        return
    first = figures[0]
    if totals[0] == figures[0]:
        return  # totals above their rows may head nested lists (本年支出合计, then 人员经费…): not judged
    heads, summed = heads_summed(rule, table, grid, first, label_col)
    for lo, hi in zip([first - 1] + totals, totals):
        at = hi
        details = [r for r in figures if lo < r < hi]
        # (a row of heads between opens the next list: 收入合计, 上年结转收入, then 支出项目 | 预算数 |
        # 执行数 over the spending rows, or a section row of the kind, 支出 | | ; the rows above it are
        # the first list's)
        heads_between = [r for r in range(lo + 1, hi) if inner_head(grid[r], label_col) or kind_section(grid[r], label_col)]
        if heads_between:
            details = [r for r in details if r > heads_between[-1]]
        if len(details) < 2:
            continue
        rows = summed_rows(grid, details, label_col, rule)
        for col in summed:
            hit = column_hit(rule, table, grid, at, col, rows, heads[col].strip() or f"第{col + 1}列")
            if hit is not None:
                yield hit


def grand_total_hits(rule, table, grid, totals: list[int]) -> list | None:
    """A list closed by its total, more items after it and the grand total closing them (支出合计 |
    调出资金 | 支出总计; 收入合计 | 上年结转 | 收入总计): the total is the sum of the rows above it, the
    grand total that total and the rows between (params subtotal_grand_words: the two words, the
    grand's name the total's or none). None unless `totals` are two such rows, two rows or more above
    the first and one at least between them, none of those a 其中 or a 减： row; else the hits, []
    where both add up."""
    words = rule.params["subtotal_grand_words"]
    if len(totals) != 2 or len(words) != 2:
        return None
    (sub_word, grand_word), (sub, grand) = words, totals
    sub_name, grand_name = compact(row_label(grid[sub])), compact(row_label(grid[grand]))
    if not sub_name.endswith(sub_word) or not grand_name.endswith(grand_word) \
            or grand_name[:-len(grand_word)] not in ("", sub_name[:-len(sub_word)]):
        return None
    label_col = next(c for c, text in enumerate(grid[sub]) if text.strip())
    figures = figure_rows(rule, table, label_col)
    above, between = [r for r in figures if r < sub], [r for r in figures if sub < r < grand]
    # (a row marked as inside the total, 其中：…, is none of the items the grand total adds; a row
    # taken off, 减：…, is no item added: the grand total is not judged then)
    # (a row marked as inside a row above, 其中：…, may open a run of them printed unmarked after it,
    # 转移性收入 | 其中：返还性收入 | 一般性转移支付收入 | …: which rows are items the grand total adds is
    # not told, nor where a row taken off stands, 减：…: the grand total is not judged then)
    inner = tuple(rule.params["inner_row_words"])
    if any(compact(row_label(grid[r])).startswith((*inner, *rule.params["subtracted_row_words"])) for r in between):
        return None
    if len(above) < 2 or not between or sub not in figures or grand not in figures:
        return None
    heads, summed = heads_summed(rule, table, grid, figures[0], label_col)
    hits = []
    for at, ways in ((sub, summed_rows(grid, above, label_col, rule)), (grand, [[sub, *between]])):
        for col in summed:
            hit = column_hit(rule, table, grid, at, col, ways, heads[col].strip() or f"第{col + 1}列")
            if hit is not None:
                hits.append(hit)
    return hits


def summed_rows(grid, details: list[int], label_col: int, rule, summed: list[int] | None = None,
                 partial: dict[int, list[int]] | None = None) -> list[list[int]]:
    """The ways the detail rows may add up to the total: every row not inside another (其中, 小计),
    and the rows of the outermost numbering only (一、 over （一） over 1.). `partial`, when given,
    gets the rows read as the sum of the rows under them in all their columns but one (see
    `_parents_of`): that column is told at the row."""
    inner = tuple(rule.params["inner_row_words"])
    rows = outer_rows(grid, details, label_col, inner)
    # the numbering level of each row (the document model's reading: 一、 1, （一） 2, 1. 3 …)
    styles = {r: row_level(grid, r, label_col) for r in rows}
    numbered = [k for k in styles.values() if k is not None]
    ways = [rows]
    # (a 其中 list of one item, its next row a sibling of the parent it fits under: 事业收入 |
    # 其中：医疗收入 | 其他收入; only the rows marked 其中 / 小计 inside)
    marked = [r for r in details if not compact(row_label(grid[r])).startswith(inner)
              and not compact(row_label(grid[r])).endswith(inner)]
    if marked != rows and set(rows) < set(marked):
        ways.append(marked)
        # (a 其中 list names some of its parent's items: a row after it that fits in the room left
        # may be the parent's sibling, 其他支出 after 其中：设备购置 | 信息化建设 under 项目支出; the lists
        # ending after each of their items are readings too)
        for most in range(1, LIST_ENDS + 1):
            shorter = outer_rows(grid, details, label_col, inner, most)
            if shorter == rows:
                break
            ways.append(shorter)
    # rows closing a group with its subtotal (基本支出小计 after 人员经费, 公用经费): the items alone,
    # or the subtotals alone, add up to the total
    closing = [r for r in rows if _names_subtotal(grid[r], inner)]
    if closing:
        ways.append([r for r in rows if r not in closing])
        ways.append(closing)
    # (groups each headed by its subtotal over its 其中 rows, 设备购置项目小计 | 350 over 其中：… | 200 and
    # … | 150: the subtotals alone add up to the total, the rows under them being theirs)
    heading = [r for k, r in enumerate(details) if r not in rows and _names_subtotal(grid[r], inner)
               and k + 1 < len(details) and compact(row_label(grid[details[k + 1]])).startswith(inner)]
    if len(heading) >= 2:
        ways.append(heading)
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
    if summed:
        # (教育支出 30 | 普通教育 30 | 小学教育 30: a row whose figures are all the row's above is that
        # row's one item, its indentation lost; read with each such run as its first row)
        figures = {r: tuple(grid[r][c].strip() for c in summed if c < len(grid[r])) for r in rows}
        # (a dash or a blank is 0 as 0.00 is: 其他支出 12.00 | 0 over 其他支出 12.00 | —)
        amounts = {r: tuple(_amount_or_words(t) for t in texts) for r, texts in figures.items()}
        # (two figures a row at least: one column of equal items, 1.00 | 1.00 | 1.00, nests nothing)
        chained = [r for k, r in enumerate(rows) if not k or amounts[r] != amounts[rows[k - 1]]
                   or sum(1 for t in figures[r] if t) < 2]
        if chained != rows:
            ways.append(chained)
    if summed:
        top = _tree_top(grid, rows, label_col, summed[0])
        if top is not None and top != rows:
            ways.append(top)
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


def _names_subtotal(row: list[str], inner: tuple) -> bool:
    """A row labelled as a group's subtotal, its name before the word (设备购置项目小计): not a 其中 row."""
    label = compact(row_label(row))
    return label.endswith(inner) and not label.startswith(inner)


def _amount_or_words(text: str):
    """A cell as a row's figures are compared: its amount, 0 for a dash or a blank, else its words."""
    if not text or lexicon().dash(text):
        return Decimal(0)
    q = parse_cell(text)
    return q.value if q is not None and q.value is not None else text


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


def _tree_top(grid, rows: list[int], label_col: int, col: int) -> list[int] | None:
    """The outermost rows of a list nested by values alone (类 over its 款 over their 项, the
    indentation and the codes lost), read in one column from the last row up: a row is the sum
    of the rows right after it, each taken with its own items (社会保障和就业支出 3,600.29 over
    民政管理事务 2,326.07 over its one 项, and 行政事业单位养老支出 1,274.22 over its three);
    within their printed rounding. None where the column holds no figure in some row."""
    order = sorted(rows)
    # (a dash is nothing spent, 0: 一般行政管理事务 — under 一般公共服务支出 1,820.45 beside 行政运行 1,820.45)
    amounts = {r: parse_cell(grid[r][col].strip()) if col < len(grid[r]) and is_amount(grid[r][col])
               else DASH_ZERO if col < len(grid[r]) and lexicon().dash(grid[r][col].strip()) else None
               for r in order}
    if any(q is None for q in amounts.values()):
        return None
    end: dict[int, int] = {}  # row -> the index in `order` after its items (its subtree's end)
    branching = False  # (some row is the sum of two items or more: a list of equal figures nests nothing)
    for k in range(len(order) - 1, -1, -1):
        r, j, items = order[k], k + 1, []
        end[r] = k + 1
        while j < len(order) and order[j] == order[j - 1] + 1 and amounts[order[j]].value <= amounts[r].value:
            items.append(amounts[order[j]])
            if sum_check(amounts[r], items) in ("ok", "rounding"):
                end[r], branching = end[order[j]], branching or len(items) >= 2
                break
            j = end[order[j]]  # (the next item after this one's own items)
    if not branching:
        return None
    top, k = [], 0
    while k < len(order):
        top.append(order[k])
        k = end[order[k]]
    return top


DASH_ZERO = parse_cell("0.00")  # a dash in a column of amounts, read as the 0 it stands for


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
            # (within the printed rounding too: 1,274.22 over 461.35 + 474.46 + 338.42 = 1,274.23)
            adding = [c for c in own if parts[c] and sum_check(own[c], parts[c]) in ("ok", "rounding")] if m >= least else []
            whole = len(adding) == len(own)
            if whole or (m >= 2 and _mostly_adding(own, adding, parts)
                         and _each_counts(order[k + 1:k + 1 + m], amounts, adding)):
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


def _each_counts(children: list[int], amounts: dict, adding: list[int]) -> bool:
    """Each row read under a row with one column off prints a figure other than 0 in some column
    that adds up: one printing 0 in all of them (其他支出 0.00 | 0.00 under 住房保障支出 beside 住房
    公积金, 上年 12.00) is borne out by none, its place resting on the one column that does not add
    up; it is the row's sibling."""
    return all(any(q is not None and q.value != 0 for q in (amounts[r].get(c) for c in adding)) for r in children)


MAX_ITEMS_UNDER = 60  # items read under a row whose columns are all signed (no sum to pass): linear still
# A row heading the rows under it is read so when they add up to it in every column but this many
# (one cell off, in the row or in one of its items, is a slip to tell, not a sign of no hierarchy),
# and then only with this many columns adding up exactly: two independent sums agreeing to the unit
# do not happen by chance, one may (a row equal to the next two in one column of three).
PARENT_COLUMNS_OFF = 1
PARENT_COLUMNS_AGREEING = 2


def group_hits(rule, table, grid, details: list[int], label_col: int, summed: list[int], heads: list[str]):
    """Each numbered row heading its items (二、项目支出 over 天然林保护, …): the row is their sum."""
    groups, _ = _top_groups(rule, grid, details, label_col)
    yield from groups_summed(rule, table, grid, groups, summed, heads)


def _top_groups(rule, grid, details: list[int], label_col: int) -> tuple[dict[int, list[int]], int]:
    """The top-level numbered rows heading their items (see _numbered_groups), and how many rows
    are numbered at the top level."""
    rows = outer_rows(grid, details, label_col, tuple(rule.params["inner_row_words"]))
    styles = {r: row_level(grid, r, label_col) for r in rows}
    numbered = [k for k in styles.values() if k is not None]
    if not numbered:
        return {}, 0
    top = min(numbered)
    return _numbered_groups(rows, styles, top), numbered.count(top)


def groups_alone(rule, table, grid):
    """A table of numbered groups with no total row (一、行政单位资产 | （一）… | 二、事业单位资产 | …):
    each group's row against its items, where some group's figures bear the reading out (its row
    is their sum in some column); none do: the numbered rows may head lists, not sum them."""
    label_col = next((c for row in grid for c, text in enumerate(row) if text.strip()), 0)
    figures = figure_rows(rule, table, label_col)
    if len(figures) < 3:
        return
    first = figures[0]
    # (a row closed by a total word, 本级一般公共预算收入合计, is no group's item)
    totals = tuple(rule.params["total_row_labels"])
    figures = [r for r in figures if not compact(row_label(grid[r])).endswith(totals)]
    groups, tops = _top_groups(rule, grid, figures, label_col)
    if not groups or len(groups) != tops:
        return  # (every top row heads its items here: 3、公务接待费 over 公用经费, 政府采购金额 heads none)
    # (the heads read only for a table of groups: most tables have none)
    heads, summed = heads_summed(rule, table, grid, first, label_col)
    agreed = []
    with Trial() as trial:
        hits = list(groups_summed(rule, table, grid, groups, summed, heads, agreed))
    if agreed:  # (no group adding up in any column: the numbering is no nesting of sums)
        trial.keep()
        yield from hits


def groups_summed(rule, table, grid, groups: dict[int, list[int]], summed: list[int], heads: list[str],
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
            hit = compare(rule, table, table.rows[head][col], cells, _group_label(grid[head], row_label(grid[head])),
                           heads[col].strip() or f"第{col + 1}列",
                           [_group_label(grid[r], row_label(grid[head])) for r in rows])
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
        if compact(row_label(label_cells(grid[r], label_col))) not in words and group is None:
            continue
        rows, k = [], r - 1
        merged = _merged_group(grid, r, label_col)
        # (the 小计's own label column: the group's labels stand left of it, merged down its rows)
        level = next((c for c, t in enumerate(label_cells(grid[r], label_col)) if c >= label_col and t.strip()), label_col)
        while k in with_figures and compact(row_label(cells := label_cells(grid[k], label_col))) not in words \
                and (group is None or compact(grid[k][label_col]) == group) \
                and _grouped_subtotal(grid[k], label_col, words) is None:
            if merged and any(t.strip() for t in cells[label_col:level]):
                # (the group's first row, its label merged down over the rest; one naming nothing
                # in the 小计's column, 基本支出 |  | 1,238.56, heads the group with its own total)
                if any(t.strip() for t in cells[level:]):
                    rows.append(k)
                break
            rows.append(k)
            k -= 1
        if len(rows) >= 2 and not any(SUBROW_RE.match(row_label(grid[q]).strip()) for q in rows):
            groups[r] = sorted(rows)
    return groups


def _merged_group(grid, r: int, label_col: int) -> bool:
    """The 小计 row and the row above it leave the label column blank and name themselves in the
    next (职业技能培训补贴 | 中央资金 over  | 县级资金 and  | 小计): the group's label is merged down
    from its first row, and the subtotal sums that group's rows only."""
    def sub_labelled(row) -> bool:
        # (the label column blank, a label in a later label column: the second, or a third after
        # a 序号 or a category merged down)
        return label_col < len(row) and not row[label_col].strip() \
            and any(t.strip() for t in label_cells(row, label_col)[label_col + 1:])
    return r > 0 and sub_labelled(grid[r]) and sub_labelled(grid[r - 1])


def _group_label(row: list[str], group: str) -> str:
    """A row's label in a group (二、项目支出 | …, or 普通高中 | 国家助学金 under 普通高中 | 小计): its
    label, and the words after it where the label is the group's name repeated down the rows."""
    label = row_label(row).strip()
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


def subtotal_hits(rule, table, grid, details: list[int], label_col: int, summed: list[int], heads: list[str],
                   total_first: bool = False):
    """A bare 小计 row closing the rows above it (人员经费 | 公用经费 | 小计), or a named one (行政单位小计)
    heading or closing its group: it is their sum."""
    groups = _bare_subtotals(grid, details, label_col, rule)
    groups.update((r, rows) for r, rows in _named_subtotals(grid, details, rule, total_first).items() if r not in groups)
    yield from groups_summed(rule, table, grid, groups, summed, heads)


def _named_subtotals(grid, details: list[int], rule, total_first: bool) -> dict[int, list[int]]:
    """Rows naming what they subtotal (行政单位小计 | 事业单位小计) that split the table's rows into
    groups, on the side the table's total stands: under a 合计 heading the table each heads the rows
    after it up to the next, above a closing 合计 each closes the rows since the one before.
    {} unless the first (or the last) row is such a subtotal, every row then in one group."""
    words = tuple(compact(w) for w in rule.params["subtotal_words"])
    named = [r for r in details if compact(row_label(grid[r])).endswith(words) and compact(row_label(grid[r])) not in words]
    if len(named) < 2 or (details[0] if total_first else details[-1]) not in named:
        return {}
    bounds = named + [details[-1] + 1] if total_first else [details[0] - 1] + named
    groups = {}
    for lo, hi in zip(bounds, bounds[1:]):
        rows = [r for r in details if lo < r < hi]
        if any(SUBROW_RE.match(row_label(grid[r]).strip()) for r in rows):
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


SPLIT_CODE_RE = re.compile(r"^\d{2}$")  # its 款 or 项 part in a column of its own
# a budget code of a 类, 款 or 项 (3, 5 or 7 digits) opening a name's cell, a space between or none
# (205 教育支出, 221住房保障支出)
INLINE_CODE_RE = re.compile(r"(" + CODE_CELL_RE.pattern.strip("^$") + r")[\s\u3000]*(?=[^\d\s.．,，%％])")


def _code_of(row: list[str]) -> str:
    """The budget code the row's leading cells spell (207 | 01 | 04 → 2070104; 21301), or "" (a
    序号 10, 11 is no code)."""
    cells = [t.strip() for t in row if t.strip()]
    inline = INLINE_CODE_RE.match(cells[0]) if cells else None
    if inline:
        return inline.group(1)  # (205 教育支出: the code printed in the name's cell, before the name)
    if not cells or not CODE_CELL_RE.match(cells[0]):
        return ""
    code = cells[0]
    for text in cells[1:3]:
        if not SPLIT_CODE_RE.match(text) or len(code) >= 7:
            break
        code += text
    return code


def outer_rows(grid, details: list[int], label_col: int, inner: tuple, most: int | None = None) -> list[int]:
    """The rows not inside another: not a 其中 / 小计 row, nor one of the rows going on with a
    其中 list (其中：公务用车购置费 / 公务用车运行维护费): those continue while their running sum,
    in some column of figures, has room within the row they belong to and in no column has
    reached it yet (a slip in one column does not undo the nesting another column shows, nor does
    it stretch a list another column shows complete); `most`: the rows a list goes on with at most."""
    def words(r):
        # (the row's words, no figures: 临海市老年大学 | 小计 | 160.50 closes its group)
        return compact(" ".join(t for t in label_cells(grid[r], label_col) if not is_amount(t)))

    def figures(r) -> dict[int, Decimal]:
        return {c: q.value for c, t in enumerate(grid[r]) if c > label_col and is_amount(t)
                for q in [parse_cell(t.strip())] if q is not None}

    def level(r):
        return row_level(grid, r, label_col)

    out, parent, running, parent_level, going = [], None, None, None, 0
    last_item: dict[int, Decimal] | None = None  # the figures of the 其中 list's last row so far
    skip = 0  # rows of a breakdown of that last row, taken together (see _breakdown_of)
    for k, r in enumerate(details):
        if skip:
            skip -= 1
            continue
        label = words(r)
        if label.startswith(inner) or label.endswith(inner):
            if label.startswith(inner) and out:
                parent, running, parent_level, going = figures(out[-1]), figures(r), level(out[-1]), 0
                last_item = figures(r)
            continue
        values = figures(r)
        # (a list one column shows complete, its running sum at the parent's, goes on in none; a
        # parent's 0, in a column of changes or of a thing not spent, shows nothing complete; a row
        # numbered as the parent is, 二、 after 一、's 其中 list, is the parent's sibling)
        own_level = level(r) if parent is not None and parent_level is not None else None
        # (a row adding nothing to the column the list is complete in goes on with it where the others
        # have room: 其中：行政运行 1126.80 | 0, then 一般行政管理事务 0 | 335.58 under their parent)
        complete = parent is not None and running is not None and any(
            running[c] == parent[c] != 0 and values.get(c, 0) != 0 for c in running if c in parent)
        if complete and going == 0 and last_item and (skip := _breakdown_of(last_item, [figures(x) for x in details[k:k + BREAKDOWN_ROWS]])):
            # (事业收入 16506.33 | 其中：医疗收入 16506.33 | 门诊收入 3876.89 | 住院收入 12629.44: a 其中 list of
            # one row restating its parent, the rows after it adding up to that row exactly are its
            # breakdown; after a list of several, 中央补助 | 省级补助, rows summing to the last are siblings)
            skip -= 1
            continue
        closed = complete or (own_level is not None and own_level <= parent_level)
        going_on = not closed and (most is None or going < most) and [
            c for c in values if parent and c in parent and c in running
            and running[c] < parent[c] and running[c] + values[c] <= parent[c]]
        if going_on:
            running = {c: running[c] + values.get(c, Decimal(0)) for c in running}  # (a blank cell adds 0)
            going += 1
            last_item = values
            continue  # the 其中 list goes on
        parent = running = parent_level = last_item = None
        out.append(r)
    return out


BREAKDOWN_ROWS = 8  # rows after a complete 其中 list read for a breakdown of its last row


def _breakdown_of(item: dict[int, Decimal], rows: list[dict[int, Decimal]]) -> int:
    """How many of `rows`, from the first, add up exactly to the item in every column it fills (two
    at least: one row is no breakdown); 0 where no run of them does."""
    columns = [c for c, v in item.items() if v]
    if not columns:
        return 0
    sums = {c: Decimal(0) for c in columns}
    for n, values in enumerate(rows, 1):
        if any(c not in values for c in columns):
            return 0
        for c in columns:
            sums[c] += values[c]
        if any(sums[c] > item[c] for c in columns):
            return 0
        if n >= 2 and all(sums[c] == item[c] for c in columns):
            return n
    return 0
