"""The relations a table's row holds among its own cells (增减额 = 本年 − 上年, 合计 = 基本 + 项目)
for kind `table_sum`: the cells they settle are no candidate for a slip a column's total shows."""
from __future__ import annotations

from decimal import Decimal

from ...facts.numbers import Quantity, half_unit
from ...knowledge import compact
from ...tables.typed import parse_cell
from ..base import Hit
from .reading import is_amount


# --- a change column beside the two it compares (增减额 = 本年 − 上年) --------------------------
def change_relations(rows: list[dict[int, Quantity]], change_cols: list[int],
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


def settled_cells(rows: dict[int, dict[int, Quantity]], relations: list[tuple[int, int, int]],
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
    """A table's change relations and the cells its rows bear out (a pair of change_relations and
    settled_cells), worked out when first asked: only a table with a sum that breaks asks, so a
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


def fold_changes(column_hits: dict[int, list[Hit]], settled: RowRelations):
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


def grid_relations(rule, grid, rows: list[int], summed: list[int], heads: list[str]):
    """A table's change columns' relations and the cells its rows bear out (see _record_relations)."""
    changes = [c for c in summed if c < len(heads) and any(w in compact(heads[c]) for w in rule.params["change_column_words"])]
    if not changes:
        return [], frozenset()
    figures = {}
    for r in rows:
        parsed = {c: parse_cell(grid[r][c].strip()) for c in summed if c < len(grid[r]) and is_amount(grid[r][c])}
        figures[r] = {c: q for c, q in parsed.items() if q is not None}
    relations = change_relations(list(figures.values()), changes, summed)
    return relations, (settled_cells(figures, relations) if relations else frozenset())
