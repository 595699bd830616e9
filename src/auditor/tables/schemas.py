"""Typed frames: each typed table as a pandas DataFrame validated by a pandera schema.

Schemas are data (`schema:` of each table type in rules/vocabulary.yaml). Validation is
lazy: every failing value is collected, and each becomes a parse warning naming the cell.
pandas and pandera are imported here only, when a frame is first needed.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..knowledge import vocabulary
from .typed import TypedTable

SCALAR_FIELDS = {
    "performance_scores": ["level1", "level2", "indicator", "target", "actual", "weight", "score"],
    "budget_execution": ["label", "initial_budget", "budget", "executed", "weight", "rate", "score"],
    "budget_by_code": ["code", "name"],
    "three_public": ["group", "total", "abroad", "cars", "car_purchase", "car_running", "reception"],
    "income_expense_summary": ["side", "label"],
}
CHECKS = {
    "ge": lambda bound: (lambda v: v is None or v >= Decimal(str(bound))),
    "le": lambda bound: (lambda v: v is None or v <= Decimal(str(bound))),
    "str_matches": lambda pattern: (lambda v: v is None or bool(re.match(pattern, str(v)))),
}
CHECK_TEXT = {"ge": "应不小于 {}", "le": "应不大于 {}", "str_matches": "应符合格式 {}"}


def to_frame(typed: TypedTable):
    import pandas as pd

    fields = SCALAR_FIELDS[typed.type]
    rows = [{"row": r.row + 1, **{f: getattr(r, f, None) for f in fields}} for r in typed.records
            if not getattr(r, "is_total", False)]
    frame = pd.DataFrame(rows, columns=["row", *fields], dtype=object)
    return frame


@lru_cache(maxsize=None)
def schema_for(type_id: str):
    import pandera.pandas as pa

    spec = vocabulary()["table_types"][type_id].get("schema") or {}
    columns = {}
    for name, column in spec.items():
        checks = [pa.Check(CHECKS[check](argument), element_wise=True,
                           error=CHECK_TEXT[check].format(argument))
                  for check, argument in (column.get("checks") or {}).items()]
        columns[name] = pa.Column(object, checks=checks, nullable=column.get("nullable", True),
                                  required=False)
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


def validate(typed: TypedTable) -> list[dict]:
    """Problems of a typed table as {message, row} dicts; empty when the frame is valid."""
    if _clean(typed):
        return []  # the common case: no value breaks a declared check, so pandas is not needed
    import pandera.errors

    frame = to_frame(typed)
    if frame.empty:
        return []
    try:
        schema_for(typed.type).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        return _problems(errors.failure_cases, frame, _column_names(typed))
    return []


def _column_names(typed: TypedTable) -> dict[str, str]:
    """A typed field's name as the table's head prints it (score → 得分), for the message."""
    grid = typed.table.grid()
    head = grid[typed.header_row] if typed.header_row < len(grid) else []
    return {name: head[col].strip() for name, col in typed.columns.items() if col < len(head) and head[col].strip()}


def _clean(typed: TypedTable) -> bool:
    """The same declared checks, element by element, without building a frame; pandera then
    runs only on a table that has something to report, and reports all of it (lazily)."""
    spec = vocabulary()["table_types"][typed.type].get("schema") or {}
    tests = {name: ([CHECKS[c](a) for c, a in (column.get("checks") or {}).items()],
                    column.get("nullable", True)) for name, column in spec.items()}
    for record in typed.records:
        if getattr(record, "is_total", False):
            continue
        for name, (checks, nullable) in tests.items():
            value = getattr(record, name, None)
            if (value is None and not nullable) or not all(check(value) for check in checks):
                return False
    return True


def _problems(cases, frame, names: dict[str, str] | None = None) -> list[dict]:
    problems = []
    for case in cases.to_dict("records"):
        index = case.get("index")
        row = int(frame.loc[index, "row"]) if index is not None and index == index else None
        check = case.get("check") or ""
        column = case.get("column") or ""
        shown = (names or {}).get(column, column)
        value = case.get("failure_case")
        if check == "not_nullable":
            message = f"「{shown}」为空"
        else:
            message = f"「{shown}」的值 {value} {check}"
        problems.append({"message": message, "row": row, "column": column})
    return problems
