"""Kind `column_relation`: a column every row of a table works out from two others the same way
(空编数 = 核定编制数 − 实有在编人数), learned from the rows themselves; the one row where it does not
is told.

- difference: the rightmost of three columns of figures is, row by row, the first less the second.
  Learned only where every detail row but one follows it exactly (within the printed precision),
  at least `min_rows` rows follow it with none of the three figures 0 and no two with the same three
  figures (copies of one code chain are one witness), and the table's total row
  either follows it too or misses it by the very amount the odd row does (its total summed that
  row's figure): then the odd row's figure in the rightmost column is the slip. A column whose
  head names a rate, or a key (编码, 序号), takes no part; nor is a part taken off a row's total
  column (合计 − 基本支出 = 项目支出 is the row's sum, the row-total rules' to judge; 编制合计 − 实有合计
  is a difference), nor is a change on another year (增减额: the change rules judge it with its rate).
"""
from __future__ import annotations

from decimal import Decimal

from ..facts.numbers import is_column_numbers
from ..knowledge import compact, concepts
from ..tables.typed import parse_cell
from .base import CHECKED, Hit
from .table_sum.reading import is_amount, row_name

KIND = "column_relation"
PARAMS = {
    "check": (str, "difference"),
    # detail rows, besides the odd one, that must follow the relation with no figure of it 0, each
    # with figures of its own (rows repeating another's three figures count once)
    "min_rows": (int, 3),
    "total_row_labels": (list, []),
    # heads of columns that take no part: rates, keys
    "excluded_head_words": (list, []),
    # heads of a row's total (合计 | 基本支出 | 项目支出): a part taken off it is the row's sum read
    # backwards, which the row-total rules judge
    "total_head_words": (list, []),
    # heads of a change on another year (增减额, 比上年增减): the change rules judge those rows with
    # their rates too, which tell which figure slipped
    "change_head_words": (list, []),
}
MAX_COLUMNS = 16  # columns of figures a table is read in for this: triples of them grow as the cube
MESSAGE_FIELDS = {"table", "label", "column", "figure", "computed"}
HEAD_ROWS = 4  # rows above the first row of figures a head may stand in


def validate(params: dict) -> str | None:
    if params["check"] != "difference":
        return "check 应为 difference"
    return None if params["min_rows"] >= 2 else "min_rows 至少为 2"


def check(doc, rule):
    for table in doc.tables:
        yield from _differences(table, rule)


def _differences(table, rule):
    grid = table.grid()
    # (a 栏次 row numbers the columns under their heads: no figures, nor any part of a head)
    numbering = tuple(concepts().get("not_figure_columns") or ())
    figured = [r for r, row in enumerate(grid) if sum(map(is_amount, row)) >= 3]  # (True counts 1)
    if len(figured) < rule.params["min_rows"] + 1:
        return  # (most tables; the 栏次 rows left out below only make them fewer)
    # (a 栏次 row is looked for among the rows read: those of figures, and the head's rows above them)
    numbers = {r for r in figured if is_column_numbers(grid[r], numbering)}
    rows = [r for r in figured if r not in numbers]
    if len(rows) < rule.params["min_rows"] + 1:
        return
    numbers.update(r for r in range(max(0, rows[0] - HEAD_ROWS), rows[0])
                   if r not in figured and is_column_numbers(grid[r], numbering))
    heads = [" ".join(grid[r][c] for r in range(max(0, rows[0] - HEAD_ROWS), rows[0]) if r not in numbers).strip()
             for c in range(table.width)]
    excluded = tuple(rule.params["excluded_head_words"])
    compacted = [compact(head) for head in heads]  # (each head read against every word)
    columns = [c for c in range(table.width) if not any(w in compacted[c] for w in excluded)
               and all(is_amount(grid[r][c]) for r in rows)]
    if not 3 <= len(columns) <= MAX_COLUMNS:
        return
    # (a row of rates, 增减率（%）| 20.00 | …, is worked out column by column, no difference of two columns)
    rows = [r for r in rows if not any(w in compact(row_name(grid[r])) for w in excluded)]
    totals = {compact(w) for w in rule.params["total_row_labels"]}
    total_rows = [r for r in rows if compact(row_name(grid[r])) in totals]
    details = [r for r in rows if r not in total_rows]
    values = {(r, c): parse_cell(grid[r][c].strip()) for r in rows for c in columns}
    sums, changes = tuple(rule.params["total_head_words"]), tuple(rule.params["change_head_words"])
    total = {c: any(w in compacted[c] for w in sums) for c in columns}
    for k in columns:
        if any(w in compacted[k] for w in changes):
            continue
        for i in columns:
            for j in columns:
                if len({i, j, k}) < 3 or k < max(i, j):
                    continue  # (the worked-out column stands right of its terms)
                if total[i] and not total[j]:
                    continue  # (合计 − 基本支出 = 项目支出: the row's sum read backwards; 编制合计 − 实有合计 is none)
                found = _odd_row(values, details, total_rows, k, i, j, rule.params["min_rows"])
                if found is None:
                    continue
                yield CHECKED
                if found is not CHECKED and not _other_relation(values, details, k, (i, j), columns, rule.params["min_rows"]):
                    yield _hit(table, grid, heads, found, k, i, j, values)


def _other_relation(values, details, k, pair, columns, min_rows: int) -> bool:
    """Every detail row, the odd one too, works column k out from another pair of columns (项目支出
    = 支出合计 − 基本支出 in every row, and = 收入合计 − 基本支出 only where a unit's income equals its
    spending), at least `min_rows` of them with no figure of it 0 (as a learned relation must: a
    column of zeros beside a copy of column k bears out nothing): the rows bear out that relation,
    the odd row's figure with them; the learned one was a coincidence of the others."""
    return any(len({i, j, k}) == 3 and (i, j) != pair and all(not _misfit(values, r, k, i, j) for r in details)
               and _witnesses(values, details, (i, j, k)) >= min_rows
               for i in columns for j in columns)


def _witnesses(values, rows, triple) -> int:
    """How many rows bear a relation of the three columns out: each with no figure of them 0 (a
    column of zeros beside a copy of another bears out nothing), rows holding the same three
    figures counted once (合计, 类, 款 and 项 rows of a single code chain print one set of figures:
    one witness, which other relations of its columns fit as well by coincidence)."""
    return len({tuple(values[(r, c)].value for c in triple) for r in rows
                if all(values[(r, c)].value for c in triple)})


def _misfit(values, r, k, i, j) -> Decimal:
    """How far the row's k figure is from i − j, 0 within the printed precision."""
    a, b, c = values[(r, i)], values[(r, j)], values[(r, k)]
    gap = c.value - (a.value - b.value)
    slack = sum((Decimal(5) / Decimal(10) ** (q.places + 1) for q in (a, b, c) if q.places), Decimal(0))
    return Decimal(0) if abs(gap) <= slack else gap


def _odd_row(values, details, total_rows, k, i, j, min_rows):
    """The one detail row off the relation k = i − j, where the others bear it out; CHECKED where
    every row follows it (so learned, all consistent); None where it is no relation of the table."""
    gaps, odd = {}, []
    for r in details:  # (most triples of columns are none: the second odd row ends the reading)
        gaps[r] = _misfit(values, r, k, i, j)
        if gaps[r]:
            odd.append(r)
            if len(odd) > 1:
                return None
    if _witnesses(values, [r for r, gap in gaps.items() if not gap], (i, j, k)) < min_rows:
        return None
    for r in total_rows:
        gap = _misfit(values, r, k, i, j)
        if gap and (not odd or gap != gaps[odd[0]]):
            return None  # (a total row off by another amount: no relation the table keeps)
    return odd[0] if odd else CHECKED


def _hit(table, grid, heads, r, k, i, j, values) -> Hit:
    a, b, c = values[(r, i)], values[(r, j)], values[(r, k)]
    places = max(q.places for q in (a, b, c))
    computed = f"{a.value - b.value:,.{places}f}"
    label = row_name(grid[r]) or f"第{table.row_number(r)}行"
    name = table.name
    cells = table.rows[r]
    return Hit(quote=table.row_text(r).strip("\t "), location=cells[k].loc, stated=f"{label} {grid[r][k].strip()}",
               expected=computed,
               formula=f"{heads[k] or f'第{k + 1}列'} = {heads[i]} {grid[r][i].strip()} − {heads[j]} "
                       f"{grid[r][j].strip()} = {computed}（表中其余各行均按此计算）",
               fields={"table": name, "label": label, "column": heads[k], "figure": grid[r][k].strip(),
                       "computed": computed},
               highlights=[cells[x].loc for x in (i, j, k) if x < len(cells)])
