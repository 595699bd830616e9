"""Reports: one module per output format, each a function (results, rules) -> str."""
from __future__ import annotations

from importlib import import_module

FORMATS = {"html": "html_report", "json": "json_report", "sarif": "sarif_report", "junit": "junit_report",
           "text": "text_report"}
SUFFIX = {"html": ".html", "json": ".json", "sarif": ".sarif", "junit": ".xml", "text": ".txt"}


def render(fmt: str, results: list, rules: list, **options) -> str:
    return import_module(f".{FORMATS[fmt]}", __name__).render(results, rules, **options)
