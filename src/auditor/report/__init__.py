"""Reports: one module per output format, each a function (results, rules) -> str."""
from __future__ import annotations

from importlib import import_module

FORMATS = {"html": "html_report", "json": "json_report"}
SUFFIX = {"html": ".html", "json": ".json"}


def render(fmt: str, results: list, rules: list) -> str:
    return import_module(f".{FORMATS[fmt]}", __name__).render(results, rules)
