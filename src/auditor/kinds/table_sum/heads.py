"""The heads of a table's columns and its rows of figures, for kind `table_sum`'s column_total:
the columns a total sums (no rates, no amounts per head, no codes) and the rows holding figures
(no 栏次 row of column numbers)."""
from __future__ import annotations

from ...facts.base.grids import spread_spans
from ...facts.numbers import is_column_numbers
from ...knowledge import compact, concepts
from ...tables.typed import line_number_columns
from .units import HEAD_UNIT_RE
from .reading import row_label, is_amount


def heads_summed(rule, table, grid, first: int, label_col: int, skip: int | None = None) -> tuple[list[str], list[int]]:
    """Each column's head (the rows above the first of figures, but `skip`: a total row heading the
    table), and the columns of figures a total sums (no rates, no amounts per head, no codes)."""
    # (a 栏次 row or a row summed nowhere, 平均, above the first of figures names no column)
    not_summed = {compact(w) for w in rule.params["not_summed_rows"]}
    above = [r for r in range(first) if r != skip and not _column_numbers_row(grid[r])
             and compact(row_label(grid[r])) not in not_summed]
    # (a group head merged across its columns is spread over them: 本年支出 over 小计 | 基本支出 | 项目支出)
    rows = spread_spans([grid[r] for r in above], table.width, over_subheads=True)
    heads = [" ".join(row[c] for row in rows) for c in range(table.width)]
    for c in range(table.width):
        if not heads[c].strip():
            heads[c] = _head_over_figures(grid, c)
    words = not_summed_words(rule)
    # (行次 numbers, under no head or a line-number head: concepts.yaml not_figure_columns)
    lines = line_number_columns(grid, table.width, tuple(concepts().get("not_figure_columns") or ()))
    # (拉动比, 倍数: ratios; 同比: a rate printed without %; no sum)
    ratios = tuple(concepts().get("ratio_heads") or ()) + tuple(concepts().get("rate_head_endings") or ())
    compacted = [compact(head) for head in heads]  # (each head read against every word)
    return heads, [col for col in range(label_col + 1, table.width)
                   if col not in lines and not any(w in compacted[col] for w in words)
                   and not HEAD_UNIT_RE.sub("", compacted[col]).endswith(ratios)]


def label_column(grid, first: int, width: int, totals: frozenset | set = frozenset()) -> int:
    """The last column of the rows' labels: from the column a total row's label stands in (合计)
    right over the columns of names no row prints an amount in (村名 after 序号 | 片区) and those of
    line numbers (序号 | 1 | 2 under 片区): the figures a total sums start after it. A column holding a
    total's label (`totals`: 小计 under 资金来源) is a level of the table's own, where it stops."""
    lines = line_number_columns(grid, width, tuple(concepts().get("not_figure_columns") or ()))
    ends = tuple(totals)

    def names_only(c: int) -> bool:
        cells = [compact(row[c]) for row in grid if c < len(row)]
        return not any(is_amount(t) for t in cells) and not any(t and t.endswith(ends) for t in cells) if ends \
            else not any(is_amount(t) for t in cells)
    col = first
    while col + 1 < width and (col + 1 in lines or names_only(col + 1)):
        col += 1
    return col


def figure_rows(rule, table, label_col: int) -> list[int]:
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
            and not _column_numbers_row(row, words) and compact(row_label(row)) not in not_summed]


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


def not_summed_words(rule) -> tuple[str, ...]:
    """Words of a column or a row whose figures do not add up: rates, the rule's own words (a code, a
    year, a standard) and amounts per one thing (人均, 单价: concepts.yaml per_unit_heads)."""
    return (*rule.params["rate_column_words"], *rule.params["not_summed_words"], *(concepts().get("per_unit_heads") or ()))
