"""Context `table` of kind `calculation`, forms: a form's funds total (年度资金总额, block_totals)
over the rows of its 其中 list, whatever the rows are called, column by column."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ...facts.base import Fact, FactBase
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ...model import Table
from ...tables.typed import parse_cell
from ..base import CHECKED, SUBROW_RE
from .parts import money_amount
from .compare import compare_sum


def check_form_blocks(doc, base: FactBase, rule, done: set[int]):
    """A form's funds total (年度资金总额) over the rows of its 其中 list, whatever the rows are
    called (中央财政资金, 地方资金, 彩票公益金, 单位自筹): the form's layout says they are its parts.
    Column by column, the totals no declared sum checked (`done`: ids of facts)."""
    labels = {compact(w) for w in rule.params["block_totals"]}
    for block, facts in base.by_table.items():
        table = doc.blocks[block] if 0 <= block < len(doc.blocks) else None
        rows = {f.loc.row for f in facts if compact(f.label) in labels}
        if not isinstance(table, Table) or not rows:
            continue
        grid, money = table.grid(), {(f.loc.row, f.loc.col): f for f in facts if money_amount(f)}
        for at in sorted(rows):
            label_col = next((c for c, text in enumerate(grid[at - 1]) if compact(text) in labels), None)
            if label_col is None:
                continue
            parts = _form_block(grid, at - 1, label_col)
            for col in sorted(c for r, c in money if r == at) if parts else ():
                total = money[(at, col)]
                if id(total) in done:
                    continue
                stated = _block_column(grid, money, total, parts, label_col)
                if stated is not None:
                    yield CHECKED
                    yield from compare_sum(replace(total, concept=compact(total.label)), stated, "同一表列", rule)


def _form_block(grid, at: int, label_col: int) -> list[int] | None:
    """The 0-based rows of the parts under a total row `at` (0-based): from the 其中 row right under
    it down to the first row holding words beside its label or left of the labels (年度总体目标,
    the indicators' head) or to the table's end. Rows opening a 其中 list of their own are a part's
    parts (see _nested_run). None where the rows break the total down twice (按收入性质分 … 按支出
    性质分), where the row ending the list states an amount where the total does (a part holding an
    odd word, 不适用, is no end of its list: not read), or where no list of two parts at least stands
    under the total."""
    rows = []
    for r in range(at + 1, len(grid)):
        if not _fund_row(grid, at, r, label_col):
            break
        rows.append(r)
        if len(rows) > BLOCK_ROWS:
            return None
    after = at + 1 + len(rows)
    if after < len(grid) and any(_amount(grid[at][c]) is not None and _amount(grid[after][c]) is not None
                                 for c in range(label_col + 1, len(grid[at]))):
        return None
    if not rows or not SUBROW_RE.match(grid[rows[0]][label_col]) \
            or any(lexicon().breakdown_heading.match(compact(grid[r][label_col])) for r in rows):
        return None
    top, k = [rows[0]], 1
    while k < len(rows):
        if not SUBROW_RE.match(grid[rows[k]][label_col]):
            top.append(rows[k])
            k += 1
            continue
        run = _nested_run(grid, top[-1], rows[k:], label_col)
        if run is None:
            return None
        k += run
    # (the first rows adding up to the total on their own: those after them break it down another
    # way, 按支出性质：基本支出 | 项目支出 after 其中：一般公共预算 | 其他资金, or stand beside it)
    if len(top) < 2 or _nested_run(grid, at, top, label_col) not in (None, len(top)):
        return None
    return top


# a funds block lists a handful of sources (中央, 省级, 市县, 自筹, 其他); a longer run of rows under a
# total is no form's block, and its reading stays bounded
BLOCK_ROWS = 20


def _fund_row(grid, at: int, r: int, label_col: int) -> bool:
    """Row r goes on with the list under row `at`: a label in the labels' column, nothing but what
    the total's row has left of it (a merged head repeated), figures or blanks right of it."""
    row = grid[r]
    if any(text.strip() and text != grid[at][c] for c, text in enumerate(row[:label_col])):
        return False
    label = compact(row[label_col])
    if lexicon().concepts.last(label) in concepts()["not_money"] or label in (concepts().get("column_total_words") or ()):
        # (总分 | 100 | … | 96.00 after the funds: the form's score, no fund; 合计 | 50.00 | …: the
        # funds' total again, closing the block)
        return False
    return bool(row[label_col].strip()) and all(lexicon().says_nothing(t) or parse_cell(t.strip()) is not None
                                                for t in row[label_col + 1:])


def _nested_run(grid, parent: int, rest: list[int], label_col: int) -> int | None:
    """How many of `rest`, a 其中 row opening a part's own list, are that part's parts: the fewest
    rows adding up to it in every column where it states a figure (blank 0). The layout does not
    say where such a list ends; its sum does. None where no run of rows adds up to it. (Rows of
    the whole block: how many of them the total's own list is, by the same reading.)"""
    # (the columns where the rows state amounts too: not a total row's 分值 beside their dashes)
    columns = [c for c in range(label_col + 1, len(grid[parent])) if _amount(grid[parent][c]) is not None
               and any(_amount(grid[r][c]) is not None for r in rest)]
    if not columns:
        return None
    sums = {c: Decimal(0) for c in columns}
    for n, r in enumerate(rest, start=1):
        for c in columns:
            sums[c] += _amount(grid[r][c]) or 0
        if all(sums[c] == _amount(grid[parent][c]) for c in columns):
            return n
    return None


def _amount(text: str) -> Decimal | None:
    q = parse_cell(text.strip()) if text.strip() else None
    return q.value if q is not None and q.unit not in ("%", "‰") else None


def _block_column(grid, money: dict, total: Fact, parts: list[int], label_col: int) -> list[Fact] | None:
    """The parts' figures in the total's column, a part blank across the block's columns (其他资金 |
    | |) or a dash in the column being 0; None where a part stating figures in other columns leaves
    this one empty, or states in it no amount of the total's measure: not all the parts are stated."""
    stated = []
    for r in parts:
        fact = money.get((r + 1, total.loc.col))
        text = grid[r][total.loc.col - 1] if total.loc.col - 1 < len(grid[r]) else ""
        if fact is not None and fact.measure == total.measure and fact.period == total.period:
            stated.append(fact)
        elif not (text.strip() and lexicon().says_nothing(text)
                  or all(lexicon().says_nothing(t) for t in grid[r][label_col + 1:])):
            return None
    return stated or None
