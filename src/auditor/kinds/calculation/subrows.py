"""Context `subrows` of kind `calculation`: a table row's 其中 sub-rows, none above its whole."""
from __future__ import annotations

import re
from dataclasses import replace

from ...facts.base import Fact, FactBase
from ...facts.lexicon import lexicon
from ...knowledge import compact
from ...model import Table
from ..base import CHECKED, SUBROW_RE
from .compare import part_exceeds


def check_subrows(doc, base: FactBase, rule):
    """A table row labelled 其中 is part of the row above it: in every column it cannot exceed
    that row (a 年度资金总额 of 0 above a non-zero 其中 row; a subtotal left at 0). Under a row
    heading a breakdown (按支出性质分, no figures of its own) it is part of the row above that."""
    breakdown = lexicon().breakdown_heading
    for block, facts in base.by_table.items():
        by_row: dict[int, list[Fact]] = {}
        for f in facts:
            # a part's change on last year may well exceed the whole's (−2.80 of which 0.00)
            if f.is_money and f.measure != "变动额":
                by_row.setdefault(f.loc.row, []).append(f)
        subrows = _subrow_ids(by_row)
        if not subrows:
            continue  # (a table with no 其中 row has no part to check: most tables)
        heads = _breakdown_heads(doc, block, breakdown)
        by_cell = None  # the money facts by cell, indexed for the first 其中 row
        # each column's last row not labelled 其中: a two-sided table (收入 | 支出) labels each half's
        # rows on its own, so a 其中 on the income side says nothing of the expense beside it
        parent_of: dict[int, int] = {}
        for row in sorted(by_row):
            for part in by_row[row]:
                if id(part) not in subrows:
                    # (a row after a breakdown's heading is no whole of the 其中 rows under the next one)
                    if not any(parent_of.get(part.loc.col, 0) < h < row for h in heads) or part.loc.col not in parent_of:
                        parent_of[part.loc.col] = row
                    continue
                if part.loc.col not in parent_of:
                    continue
                if by_cell is None:
                    by_cell = {(f.loc.row, f.loc.col): f for rows in by_row.values() for f in rows}
                whole = by_cell.get((parent_of[part.loc.col], part.loc.col))
                if whole is None:
                    continue
                yield CHECKED
                hit = part_exceeds(replace(whole, concept=whole.label.strip()), part, "其中行",
                                    f"{part.label.strip()} {part.text}（第{part.loc.row_shown}行）")
                if hit is not None:
                    yield hit


def _subrow_ids(by_row: dict[int, list[Fact]]) -> set[int]:
    """The ids of the facts on rows labelled 其中 (SUBROW_RE), each label matched once."""
    return {id(f) for rows in by_row.values() for f in rows if SUBROW_RE.match(f.label.strip())}


def _breakdown_heads(doc, block: int, pattern: re.Pattern) -> list[int]:
    """The rows (numbered as the facts' loc.row) of a table heading a breakdown of the total above
    them with no figures of their own."""
    table = doc.blocks[block] if 0 <= block < len(doc.blocks) else None
    if not isinstance(table, Table):
        return []
    return [r for r, row in enumerate(table.grid(), start=1)
            if row and pattern.fullmatch(compact(next((t for t in row if t.strip()), "")))]
