"""The HTML findings report: one self-contained file, Chinese interface, document text escaped."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from markupsafe import Markup, escape

from .. import user_cache
from ..engine import UNREAD_PART
from ..findings import CLASS_ZH, SEVERITY_ZH
from .summary import summarize

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*(?:\s*(?:%|‰|万元|亿元|千元|元))?")

TABLE_WINDOW = 6  # rows shown around highlighted cells in a re-rendered table
GROUP_OPEN_LIMIT = 8  # findings of one rule in one file shown before the group is collapsed
INLINE_TABLES_LIMIT = 300  # above this many findings, tables are drawn in the browser on demand


def highlight_numbers(text: str) -> Markup:
    """Escape document text, mark its numbers, and show table-cell breaks (tabs) visibly."""
    from ..facts.lexicon import lexicon

    not_a_figure = lexicon().not_a_figure_after
    parts, last = [], 0
    for m in NUMBER_RE.finditer(text):  # on the document's text, not the escaped one (&#34; has digits)
        if m.group(0).isdigit() and not_a_figure.match(text[m.end():m.end() + 9]):
            continue  # a year, a date, a span of months, a document number: words (concepts.yaml not_a_figure_after)
        parts.append(str(escape(text[last:m.start()])))
        parts.append(f"<mark>{escape(m.group(0))}</mark>")
        last = m.end()
    parts.append(str(escape(text[last:])))
    return Markup("".join(parts).replace("\t", '<span class="tab"> │ </span>'))


def _table_view(result, finding, file_index: int) -> dict | None:
    """Which rows and cells of the table a finding points at; the grid itself is shared. A
    finding in the text shows the table its evidence stands in (the cell a sentence restates
    wrongly), so the reader sees both sides without opening the document."""
    own = finding.location.table
    index = own or next((loc.table for loc in finding.highlights if loc.table), None)
    table = result.tables.get(index) if index else None
    if not table:
        return None
    cells = sorted({(loc.row, loc.col) for loc in finding.highlights if loc.table == index and loc.row})
    target = (finding.location.row, finding.location.col) if own else (0, 0)  # (0, 0): no cell is the finding
    rows_wanted = ({r for r, _ in cells} | ({finding.location.row or 1} if own else set())) or {1}
    grid = table["grid"]
    lo = max(1, min(rows_wanted) - TABLE_WINDOW)
    hi = min(len(grid), max(rows_wanted) + TABLE_WINDOW)
    keep = sorted(set(range(1, min(3, len(grid)) + 1)) | set(range(lo, hi + 1)))
    return {"key": f"{file_index}-{index}", "index": index, "title": table["title"], "unit": table["unit"],
            "rows": keep, "cells": cells, "target": target, "expected": finding.expected or "",
            "quote": finding.quote if own else "",
            "data_rows": ",".join(map(str, keep)), "data_cells": ";".join(f"{r}:{c}" for r, c in cells),
            "data_target": f"{target[0]}:{target[1]}"}


CELL_CHARS = 40  # characters of a cell shown in a table extract (the whole text on hover)


def shown_cell(text: str, quote: str = "") -> str:
    """A cell's text cut to CELL_CHARS; the finding's own cell (a prose cell holding the quoted
    sentence) is cut around the quote, so the words the finding is about stay in view. The
    browser does the same for tables it draws (cellText in the template)."""
    if len(text) <= CELL_CHARS:
        return text
    at = text.find(quote) if quote else -1
    start = 0 if at < 0 else max(0, min(at - 10, len(text) - CELL_CHARS))
    return ("…" if start else "") + text[start:start + CELL_CHARS] + ("…" if start + CELL_CHARS < len(text) else "")


def _rendered(view: dict, grid: list[list[str]]) -> list[dict]:
    """Rows for server-side rendering (small reports); large ones render in the browser."""
    rows, previous = [], 0
    cells = set(view["cells"])
    for r in view["rows"]:
        if r - previous > 1:
            rows.append({"gap": True})
        previous = r
        rows.append({"gap": False, "number": r, "cells": [
            {"text": text, "shown": shown_cell(text, view["quote"] if (r, c) == view["target"] else ""),
             "hl": (r, c) in cells, "target": (r, c) == view["target"],
             "expected": view["expected"] if (r, c) == view["target"] else None}
            for c, text in enumerate(grid[r - 1], start=1)]})
    return rows


SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _groups(result, rules_by_id, file_index: int, inline: bool):
    """A file's findings by rule, the rules with errors first; in a rule, errors before warnings
    before notes (a rounding note is no reason to read further), each in document order."""
    groups = []
    for rule_id, items in groupby(sorted(result.findings, key=lambda f: (f.rule, SEVERITY_RANK[f.severity], f.sort_key())),
                                  key=lambda f: f.rule):
        items = list(items)
        rule = rules_by_id.get(rule_id)
        groups.append({
            "rule": rule_id, "title": rule.title if rule else items[0].title,
            "doc": rule.doc if rule else "", "count": len(items),
            "collapsed": len(items) > GROUP_OPEN_LIMIT,
            "findings": [_item(result, f, file_index, inline) for f in items],
        })
    groups.sort(key=lambda g: (SEVERITY_RANK[g["findings"][0]["f"].severity], g["rule"]))
    return groups


def _item(result, finding, file_index: int, inline: bool) -> dict:
    view = _table_view(result, finding, file_index)
    if view is not None and inline:
        view["rendered"] = _rendered(view, result.tables[view["index"]]["grid"])
    return {"f": finding, "table": view}


CHART_WIDTH = 320  # pixels of the longest bar


def _chart(summary) -> list[dict]:
    """A bar per class of finding, in segments by severity (errors first), each as wide as its count."""
    peak = max((n for _, n in summary["by_class"]), default=1)
    bars = []
    for i, (c, n) in enumerate(summary["by_class"]):
        x, segments = 110.0, []
        for severity, count in summary["by_class_severity"][c].items():
            if count:
                width = round(CHART_WIDTH * count / peak, 1)
                segments.append({"severity": severity, "x": x, "width": width, "count": count})
                x += width
        bars.append({"cls": c, "label": CLASS_ZH[c], "count": n, "end": x, "y": 24 * i, "segments": segments})
    return bars


@lru_cache(maxsize=None)
def template():
    """The report template, compiled once per process; the compiled code is kept in the user's
    cache folder (as Python keeps .pyc files), so later runs skip jinja2's compiler."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True,
                      bytecode_cache=_bytecode_cache())
    env.filters["numbers"] = highlight_numbers
    return env.get_template("report.html.j2")


def _bytecode_cache():
    """jinja2's bytecode cache in ~/.cache/auditor (XDG_CACHE_HOME), or None when that cannot be made.

    Not in the project's .auditor_cache: compiled code must come from a folder only the user writes."""
    import os

    from jinja2 import FileSystemBytecodeCache

    class QuietCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a damaged entry: compile again (and replace it)
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

    folder = str(user_cache.folder("templates"))
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return QuietCache(folder)


def render(results, rules, **options) -> str:
    rules_by_id = {r.id: r for r in rules}
    inline = sum(len(r.findings) for r in results) <= INLINE_TABLES_LIMIT
    files, grids = [], {}
    for i, result in enumerate(results, start=1):
        counts = {s: sum(1 for f in result.findings if f.severity == s and f.status == "new")
                  for s in ("error", "warning", "info")}
        unread = any(n["rule"] == UNREAD_PART for n in result.not_assessable)  # (the reader's notes)
        files.append({"anchor": f"file-{i}", "result": result, "counts": counts, "unread": unread,
                      "short_name": Path(result.path).name,
                      "groups": _groups(result, rules_by_id, i, inline)})
        if not inline:
            grids.update({f"{i}-{index}": t for index, t in result.tables.items()})
    summary = summarize(results)
    classes = sorted({f.cls for r in results for f in r.findings})
    used = sorted({f.rule for r in results for f in r.findings})
    return template().render(
        files=files, summary=summary, chart=_chart(summary), severity_zh=SEVERITY_ZH,
        class_zh=CLASS_ZH, classes=classes, inline_tables=inline, grids=grids,
        used_rules=[rules_by_id[r] for r in used if r in rules_by_id], rules_by_id=rules_by_id)
