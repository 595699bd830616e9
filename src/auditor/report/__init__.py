"""Reports: one module per output format, each a function (results, rules) -> str."""
from __future__ import annotations

from importlib import import_module

FORMATS = {"html": "html_report", "json": "json_report", "sarif": "sarif_report", "junit": "junit_report",
           "text": "text_report", "concise": "concise_report", "github": "github_report"}
SUFFIX = {"html": ".html", "json": ".json", "sarif": ".sarif", "junit": ".xml", "text": ".txt",
          "concise": ".txt", "github": ".txt"}
# The format a report file's extension implies when --format is not given
BY_SUFFIX = {".html": "html", ".htm": "html", ".json": "json", ".sarif": "sarif", ".xml": "junit",
             ".txt": "text", ".log": "text"}
TERMINAL = ("text", "concise", "github")  # formats printed to the terminal when no --report is given


def render(fmt: str, results: list, rules: list, **options) -> str:
    return import_module(f".{FORMATS[fmt]}", __name__).render(results, rules, **options)
