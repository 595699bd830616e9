"""Excel .xlsx with openpyxl: every sheet as a table; merged regions keep the top-left value."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from .cleanup import clean_text
from .raw import RawBlock, RawCell, ReadError


MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")


def read_xlsx(path: str) -> list[RawBlock]:
    """openpyxl in read-only mode (cells streamed, no worksheet objects); merged ranges are
    read from the sheet XML and the cells they cover emptied, as full mode does."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # zipfile, KeyError and XML errors for a broken package
        raise ReadError(f"无法打开 Excel 文件（文件损坏或不是 .xlsx）：{type(exc).__name__}") from exc
    try:
        blocks: list[RawBlock] = []
        for sheet in workbook.worksheets:
            blocks.extend(_sheet_blocks(sheet, _read_only_rows(workbook, sheet)))
        return blocks
    finally:
        workbook.close()


def read_xlsx_full(path: str) -> list[RawBlock]:
    """The former reader: openpyxl's full mode (the reference the read-only reader matches)."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # zipfile, KeyError and XML errors for a broken package
        raise ReadError(f"无法打开 Excel 文件（文件损坏或不是 .xlsx）：{type(exc).__name__}") from exc
    blocks: list[RawBlock] = []
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows():
            cells = [RawCell(_cell_text(c), line=c.row) for c in row]
            while cells and not cells[-1].text:
                cells.pop()
            if cells:
                rows.append(cells)
        blocks.extend(_sheet_blocks(sheet, rows))
    return blocks


def _covered(workbook, sheet) -> set[tuple[int, int]]:
    """(row, column) of every cell a merged range covers, except its top-left one."""
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        data = workbook._archive.read(sheet._worksheet_path)
    except (AttributeError, KeyError):
        return set()
    covered = set()
    for first, last in MERGE_RE.findall(data):
        r0, c0 = coordinate_to_tuple(first.decode())
        r1, c1 = coordinate_to_tuple(last.decode())
        for r in range(min(r0, r1), max(r0, r1) + 1):
            for c in range(min(c0, c1), max(c0, c1) + 1):
                covered.add((r, c))
        covered.discard((min(r0, r1), min(c0, c1)))
    return covered


def _read_only_rows(workbook, sheet) -> list[list[RawCell]]:
    """Rows as full mode gives them: from column A, up to the last non-empty cell (the
    sheet's stated dimension is not trusted; cells are placed by their own coordinates)."""
    covered = _covered(workbook, sheet)
    sheet.reset_dimensions()
    rows = []
    for row in sheet.iter_rows():
        texts: dict[int, str] = {}
        number = None
        for cell in row:
            if getattr(cell, "value", None) is None:
                continue
            number = cell.row
            if (cell.row, cell.column) in covered:
                continue
            texts[cell.column] = _cell_text(cell)
        while texts and not texts[max(texts)]:
            del texts[max(texts)]
        if texts:
            rows.append([RawCell(texts.get(k, ""), line=number) for k in range(1, max(texts) + 1)])
    return rows


def _sheet_blocks(sheet, rows: list[list[RawCell]]) -> list[RawBlock]:
    # Title, unit and note lines (one filled cell) around the grid become paragraphs.
    head, tail = [], []
    while rows and _single(rows[0]):
        head.append(rows.pop(0))
    while rows and _single(rows[-1]):
        tail.insert(0, rows.pop())
    blocks = [_para(r, sheet.title) for r in head]
    if rows:
        width = max(len(r) for r in rows)
        rows = [r + [RawCell("", line=r[0].line)] * (width - len(r)) for r in rows]
        blocks.append(RawBlock("table", rows=rows, line=rows[0][0].line, sheet=sheet.title))
    blocks.extend(_para(r, sheet.title) for r in tail)
    return blocks


def _single(row: list[RawCell]) -> bool:
    return sum(1 for c in row if c.text) <= 1


def _para(row: list[RawCell], sheet: str) -> RawBlock:
    text = " ".join(c.text for c in row if c.text)
    return RawBlock("para", text=text, line=row[0].line, sheet=sheet)


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return _number_text(value, cell.number_format or "")
    if isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return clean_text(str(value)).strip()


def _number_text(value, number_format: str) -> str:
    # repr() of a float is the shortest string that round-trips, so no binary noise enters.
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if "%" in number_format:
        places = _format_places(number_format)
        return f"{(number * 100).quantize(Decimal(1).scaleb(-places)):f}%"
    places = _format_places(number_format)
    if places and "0." in number_format:
        return f"{number.quantize(Decimal(1).scaleb(-places)):f}"
    text = f"{number.normalize():f}"
    return text


def _format_places(number_format: str) -> int:
    if "." not in number_format:
        return 0
    decimals = number_format.split(".", 1)[1]
    return len(decimals) - len(decimals.lstrip("0"))
