"""Rule kinds: one module per kind, registered here by its KIND name."""
from __future__ import annotations

from importlib import import_module

# kind name -> module; a module is imported when a rule of its kind is loaded.
KIND_MODULES = {
    "consistency": "consistency",
    "calculation": "calculation",
    "column_relation": "column_relation",
    "column_tally": "column_tally",
    "count": "count",
    "derived": "derived",
    "direction": "direction",
    "forecast": "forecast",
    "multi_year": "multi_year",
    "numbering": "numbering",
    "pattern": "pattern",
    "period": "period",
    "presence": "presence",
    "ranking": "ranking",
    "respective": "respective",
    "restatement": "restatement",
    "score": "score",
    "schedule_columns": "schedule_columns",
    "score_statement": "score_statement",
    "split_columns": "split_columns",
    "stock_flow": "stock_flow",
    "subcount": "subcount",
    "table_schema": "table_schema",
    "table_sum": "table_sum",
    "timeliness": "timeliness",
    "unit": "unit",
    "unit_product": "unit_product",
}


def get(kind: str):
    module = _loaded.get(kind)
    if module is None:
        if kind not in KIND_MODULES:
            raise KeyError(kind)
        module = _loaded[kind] = import_module(f".{KIND_MODULES[kind]}", __name__)
    return module


_loaded: dict = {}  # kind -> its module (every rule asks for it once per document)


def names() -> list[str]:
    return sorted(KIND_MODULES)
