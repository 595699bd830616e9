"""Columns of amounts per head in a table (人均已发放, 户均补助, 生均公用经费).

A column whose head opens with a word per head (人均, 户均 …) holds, row by row, the amount of
its thing ÷ the row's count of heads: the thing is the rest of the head (已发放 in 人均已发放),
its amount the row's figure under the one money column whose head names that thing, the count
the row's figure under the one column counted in the word's units (人, 户). Where the table has
no such column, or several, the rows are not judged: which figures are meant is not known.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..facts.base import Fact, FactBase
from ..facts.base.grids import bare_head

def per_head_rows(base: FactBase, per_head: dict[str, list[str]], per_period_words: tuple[str, ...],
                  thing_verbs: tuple[str, ...]) -> Iterator[tuple[Fact, Fact, Fact, str]]:
    """(amount per head, total, count, word per head) of each table row that states all three."""
    for facts in base.by_table.values():
        columns: dict[int, list[Fact]] = {}
        for f in facts:
            if f.loc.col is not None and f.loc.row is not None and not f.comparator:
                columns.setdefault(f.loc.col, []).append(f)
        heads = {col: bare_head(cells[0].header) for col, cells in columns.items() if cells[0].header}
        for col, head in heads.items():
            word = next((w for w in per_head if head.startswith(w)), None)
            if word is None or any(w in head for w in per_period_words):
                continue
            thing = head[len(word):]
            thing = next((thing[len(v):] for v in thing_verbs if thing.startswith(v)), thing)
            totals = [c for c, h in heads.items() if c != col and _names(h, thing) and not h.startswith(tuple(per_head))
                      and all(f.is_money for f in columns[c])]
            # (a column of average heads, 年平均人数 41.5, counts them too: two such columns and
            # which one the amount is per is not known)
            counts = [c for c in columns if c != col and all(f.unit in per_head[word] for f in columns[c])]
            if len(totals) != 1 or len(counts) != 1:
                continue
            by_row = {c: {f.loc.row: f for f in columns[c]} for c in (totals[0], counts[0])}
            for per in columns[col]:
                total, count = by_row[totals[0]].get(per.loc.row), by_row[counts[0]].get(per.loc.row)
                if per.is_money and total is not None and count is not None and count.value:
                    yield per, total, count, word


def _names(head: str, thing: str) -> bool:
    """A column head naming the thing an amount per head is of: the same words, or words ending
    or opening with them (发放金额 for 发放; 补助资金 for 补助)."""
    return len(thing) >= 2 and (head.endswith(thing) or head.startswith(thing))
