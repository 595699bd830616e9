"""The sums a table cell takes part in inside its own table, to tell which of two tables' disagreeing
cells is the slip: the one whose own table adds up with the other table's figure in its place and
not with its own.

A cell's sums are
- a declared sum (concepts.yaml calculations) down its column or along its row (本年收入 = 财政拨款收入
  + 事业收入 + …, in a 总表's column or a 收入决算表's 合计 row);
- in a table keyed by budget codes, the code above it and the codes two digits longer below it (合计
  = Σ 类, 类 = Σ 款, …; the same reading as the code roll-up check);
- in a summary of income and expenditure (收入支出决算总表), its side's total row (`sides`: 本年收入合计,
  本年支出合计) and the items above it, the numbered ones (一、… 二、…) where the side numbers them,
  in the amount column and in each fund column beside it;
- otherwise, a column closed by a total row (`totals`: 合计, 总计) summing every row above it, or a
  form's 总分 its scores make.
Each sum read once per document and table: the work stays linear.
"""
from __future__ import annotations

from decimal import Decimal

from ..facts.base import Fact
from ..facts.base.figures import column_sum, declared_sum
from ..facts.numbers import MONEY_UNITS
from ..knowledge import compact
from ..ingest.raw import DASHES
from ..tables.typed import parse_cell, typed_tables
from .base import SUBROW_RE
from .table_sum.code_tables import code_children
from .table_sum.summary_totals import ITEM_RE

BREAKS, HOLDS = "breaks", "holds"


def verdict(doc, base, cell: Fact, other: Fact, totals: tuple, sides: tuple = ()) -> str | None:
    """BREAKS where a sum of the cell's own table fails with the cell as printed and holds with
    `other`'s figure in its place; HOLDS where one holds as printed and fails with `other`'s figure,
    none breaking; None where no sum tells the two figures apart (none found, or one off either way)."""
    if cell.source != "table" or not cell.loc.table:
        return None
    if cell.is_money and other.is_money:
        instead = other.in_yuan() / MONEY_UNITS[cell.unit]
    elif not (cell.is_money or other.is_money):
        instead = other.value  # (points against points: a form's 总分 and a list's bare 95.60)
    else:
        return None
    told = {_tells(line, cell.loc, cell.value, instead) for line in _lines(doc, base, cell, totals, sides)}
    return BREAKS if BREAKS in told else HOLDS if HOLDS in told else None


def _tells(line: list[tuple], at, printed: Decimal, instead: Decimal) -> str | None:
    """A sum `line` (the total's (position, value, half unit) first, then the parts') judged with the
    cell at `at` as printed and as `instead`."""
    spot = (at.row, at.col)
    slack = sum(half for _, _, half in line)

    def holds(value: Decimal) -> bool:
        figures = [value if pos == spot else v for pos, v, _ in line]
        return abs(figures[0] - sum(figures[1:])) <= slack

    as_printed, mended = holds(printed), holds(instead)
    return BREAKS if mended and not as_printed else HOLDS if as_printed and not mended else None


def _lines(doc, base, cell: Fact, totals: tuple, sides: tuple) -> list[list[tuple]]:
    lines = [_of_facts(*found) for found in (column_sum(base, cell, as_total=True),
                                              column_sum(base, cell, as_total=False),
                                              row_sum(base, cell)) if found]
    at = (cell.loc.table, cell.loc.row, cell.loc.col)
    typed = _typed_lines(doc, base, sides)
    if at in typed:
        return lines + typed[at]
    flat = _flat_column(base, cell, totals)
    return lines + ([flat] if flat else [])


def _of_facts(total: Fact, parts: list[Fact]) -> list[tuple]:
    """A sum of facts, each (position, value, half a unit of its last digit). Points are given, not
    measured: whole points beside finer ones are read as finely (as `restatement.meets` reads them)."""
    facts = (total, *parts)
    places = max(f.places for f in facts) if all(f.unit == "分" for f in facts) else None
    return [((f.loc.row, f.loc.col), f.value, _half(f, places)) for f in facts]


def _half(fact: Fact, places: int | None) -> Decimal:
    low, high = fact.interval(Decimal(1), places)
    return (high - low) / 2


def row_sum(base, cell: Fact) -> tuple[Fact, list[Fact]] | None:
    """A declared sum along the cell's row (a 收入决算表's 合计 row: 本年收入合计 | 财政拨款收入 | 事业收入
    …, each column naming its concept): (the total's cell, the parts' cells), as `column_sum` reads
    a column; None where the row states none."""
    if cell.source != "table" or not cell.concept:
        return None
    row = base.remember(("own-row", cell.block, cell.loc.row), lambda: [
        f for f in base.by_table.get(cell.block, ()) if f.loc.row == cell.loc.row and f.source == "table"])
    row = [f for f in row if f.measure == cell.measure and f.period == cell.period and f.unit == cell.unit]
    return declared_sum(row, cell.concept, None)


def _typed_lines(doc, base, sides: tuple) -> dict[tuple, list[list[tuple]]]:
    """(table, row, col) → the sums the cell is in, for every table keyed by budget codes and every
    summary of income and expenditure."""
    return base.remember(("own-typed-sums", sides), lambda: _read_typed_lines(doc, sides))


def _read_typed_lines(doc, sides: tuple) -> dict[tuple, list[list[tuple]]]:
    out: dict[tuple, list[list[tuple]]] = {}
    for t in typed_tables(doc):
        lines = _code_lines(t) if t.type == "budget_by_code" else \
            _side_lines(t, sides) if t.type == "income_expense_summary" else ()
        for line in lines:
            for pos, _, _ in line:
                out.setdefault((t.table.index, *pos), []).append(line)
    return out


def _code_lines(t):
    """Each code's cell with its children's (合计 with the 类), column by column."""
    for segment, amount_cols in t.segments:
        records = [r for r in t.records if r.segment == segment]
        for i in range(len(records)):
            children = code_children(records, i)
            for col in amount_cols if children else ():
                line = _cells_line(records[i].amounts.get(col), [c.amounts.get(col) for c in children])
                if line:
                    yield line


def _side_lines(t, sides: tuple):
    """Each side's total row (本年支出合计) with the items above it: the numbered ones where the side
    numbers its items, else every row above, unless one is a 其中 row (then no plain sum is read), in
    the amount column and in each fund column."""
    labels = {compact(x) for x in sides}
    for side in sorted({r.side for r in t.records}):
        records = [r for r in t.records if r.side == side]
        end = next((k for k, r in enumerate(records) if compact(r.label) in labels), None)
        if not end:
            continue
        items = [r for r in records[:end] if ITEM_RE.match(r.label)] or records[:end]
        if any(SUBROW_RE.match(r.label) for r in items):
            continue
        total = records[end]
        for cell_of in [lambda r: r.amount_cell, *(lambda r, c=c: r.parts.get(c) for c in total.parts)]:
            line = _cells_line(cell_of(total), [cell_of(r) for r in items])
            if line:
                yield line


def _cells_line(total, parts: list) -> list[tuple] | None:
    """A sum of printed cells, the total's first, a missing or blank part read as 0; None where the
    total has no figure or a cell is no figure."""
    if total is None or total.text.strip() in ("", *DASHES):
        return None
    line = []
    for cell in (total, *parts):
        if cell is None or cell.text.strip() in ("", *DASHES):
            continue
        figure = parse_cell(cell.text)
        if figure is None:
            return None
        line.append(((cell.loc.row, cell.loc.col), figure.value, figure.half_ulp))
    return line if len(line) > 1 else None


def _flat_column(base, cell: Fact, totals: tuple) -> list[tuple] | None:
    """The cell's column as one sum: its last row a total (`totals`), or a form's 总分 the cell is,
    the rows above it the parts."""
    column = sorted(base.remember(("column", cell.block, cell.loc.col), lambda: [
        f for f in base.by_table.get(cell.block, ()) if f.loc.col == cell.loc.col and f.source == "table"]),
        key=lambda f: f.loc.row or 0)
    if len(column) < 3 or not (compact(column[-1].label) in totals or column[-1] is cell and cell.measure == "得分"):
        return None
    return _of_facts(column[-1], column[:-1])
