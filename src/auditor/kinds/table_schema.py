"""Kind `table_schema`: typed tables that fail their schema, or could not be read fully.

Nothing is dropped silently: each failing value becomes a parse warning naming the cell.
"""
from __future__ import annotations

from ..tables import schemas
from ..tables.typed import typed_tables
from .base import Hit

KIND = "table_schema"
PARAMS: dict = {}
MESSAGE_FIELDS = {"table", "problem"}


def check(doc, rule):
    for typed in typed_tables(doc):
        name = typed.table.name
        problems = [{"message": p, "row": None} for p in typed.problems] + schemas.validate(typed)
        for problem in problems:
            row = problem["row"]
            loc = _cell(typed, row, problem.get("column") or "") if row else typed.table.loc
            quote = typed.table.row_text(row - 1).strip("\t ") if row else typed.table.row_text(
                typed.header_row).strip("\t ")
            yield Hit(quote=quote, location=loc, stated=problem["message"],
                      fields={"table": name, "problem": f"{typed.title}：{problem['message']}"})


def _cell(typed, row: int, column: str):
    """The failing value's cell (its column named by the schema, a typed field: score), else its row's first."""
    cells = typed.table.rows[row - 1]
    col = typed.columns.get(column)
    return cells[col].loc if col is not None and col < len(cells) else cells[0].loc
