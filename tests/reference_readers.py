"""The former readers of Word and Excel files, through python-docx and openpyxl's objects: the
reference the lxml readers of src/auditor/ingest are compared with (same document model on every
synthetic file and on generated corner cases). Test code only: python-docx is a test dependency.
The Excel references take openpyxl's value and number-format string of each cell and format it
with the reader's own `_value_text` (openpyxl does not format numbers), so both show numbers as
Excel does."""
from __future__ import annotations

import re
from decimal import Decimal

from auditor.ingest.cleanup import clean_text
from auditor.ingest.docx_reader import _cell_text, _level_of
from auditor.ingest.raw import RawBlock, RawCell, ReadError
from auditor.ingest.xlsx_reader import _sheet_blocks, _value_text


def read_docx_python_docx(path: str) -> list[RawBlock]:
    """The former reader, through python-docx (the reference `read_docx` is compared with)."""
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises several types for a broken package
        raise ReadError(f"无法打开 Word 文件（文件损坏或不是 .docx）：{type(exc).__name__}") from exc
    blocks: list[RawBlock] = []
    ordinal = 0
    style_names = _paragraph_style_names(document)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            ordinal += 1
            text = clean_text(_paragraph_text_xpath(child))
            level = _level_of(style_names(child.style))
            kind = "heading" if level and text.strip() else "para"
            blocks.append(RawBlock(kind, text=text, paragraph=ordinal, level=level))
        elif child.tag == qn("w:tbl"):
            ordinal += 1
            blocks.append(RawBlock("table", rows=_rows(child, document), paragraph=ordinal))
    return _first_page_header(document) + blocks


def _first_page_header(document) -> list[RawBlock]:
    """The first section's header atop the first page (its first-page header where the section
    has one, else its default header), its paragraphs with text, before the body."""
    if not document.sections:
        return []
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:  # (a first section's header linked to none: no header part)
        return []
    texts = [clean_text(_paragraph_text_xpath(p._p)) for p in header.paragraphs]
    return [RawBlock("page_header", text=t) for t in texts if t.strip()]


_XPATHS: dict = {}


def _xpath(expression: str):
    """python-docx compiles its XPath expressions on every call; these are compiled once."""
    if expression not in _XPATHS:
        from docx.oxml.ns import nsmap
        from lxml import etree

        _XPATHS[expression] = etree.XPath(expression, namespaces=nsmap)
    return _XPATHS[expression]


def _paragraph_text_xpath(p) -> str:
    """`Paragraph.text` of python-docx (runs and hyperlinks, each run's text items rendered by
    python-docx's own element classes), with compiled XPaths: the former reader's way."""
    from docx.oxml.ns import qn

    items = _xpath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab")
    hyperlink = qn("w:hyperlink")
    out = []
    for element in _xpath("w:r | w:hyperlink")(p):
        for run in (_xpath("w:r")(element) if element.tag == hyperlink else (element,)):
            out.extend(str(item) for item in items(run))
    return "".join(out)


def _paragraph_style_names(document):
    """style id -> the name `Paragraph.style.name` gives, resolved once per document:
    python-docx looks every paragraph's style up by scanning all styles (and the default
    paragraph style for each unstyled paragraph). Same rules: the first style with that id,
    the default paragraph style when it is missing or not a paragraph style."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else ""
    by_id: dict = {}
    for style in styles:
        if style.style_id not in by_id:
            by_id[style.style_id] = style.name if style.type == WD_STYLE_TYPE.PARAGRAPH else default_name
    return lambda style_id: default_name if style_id is None else by_id.get(style_id, default_name)


def _heading_level(para) -> int | None:
    return _level_of(para.style.name if para.style is not None else "")


def _rows(tbl, document) -> list[list[RawCell]]:
    """Each merged region keeps its text in the top-left cell; the cells it covers are empty."""
    from docx.oxml.ns import qn

    w_p, w_tr, w_tc, w_tcpr = qn("w:p"), qn("w:tr"), qn("w:tc"), qn("w:tcPr")
    w_vmerge, w_span, w_val = qn("w:vMerge"), qn("w:gridSpan"), qn("w:val")
    rows = []
    for tr in tbl.iterchildren(w_tr):  # `tbl.tr_lst`, `tr.tc_lst`: direct children
        row = []
        for tc in tr.iterchildren(w_tc):
            # `tc.vMerge` ("continue" when w:val is absent) and `tc.grid_span` (1 by default)
            tcpr = tc.find(w_tcpr)
            vmerge = tcpr.find(w_vmerge) if tcpr is not None else None
            span = tcpr.find(w_span) if tcpr is not None else None
            continued = vmerge is not None and (vmerge.get(w_val) or "continue") == "continue"
            grid_span = int(span.get(w_val)) if span is not None else 1
            # `_Cell.text`: its paragraphs (direct w:p children) joined by newlines
            text = "" if continued else _cell_text("\n".join(_paragraph_text_xpath(p) for p in tc.iterchildren(w_p)))
            row.append(RawCell(text))
            row.extend(RawCell("") for _ in range(grid_span - 1))
        rows.append(row)
        for cell in row:  # (the row as Word shows the table, as the reader numbers it)
            cell.row = len(rows)
    return rows


# --- Excel ------------------------------------------------------------------------------

MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _xlsx_cell_text(cell) -> str:
    return _value_text(cell.value, cell.number_format or "" if _is_number(cell.value) else "")


def read_xlsx_openpyxl(path: str) -> list[RawBlock]:
    """The former reader: openpyxl in read-only mode (cells streamed, no worksheet objects),
    merged ranges read from the sheet XML and the cells they cover emptied, as full mode does."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # zipfile, KeyError and XML errors for a broken package
        raise ReadError(f"无法打开 Excel 文件（文件损坏或不是 .xlsx）：{type(exc).__name__}") from exc
    try:
        blocks: list[RawBlock] = []
        for sheet in _shown(workbook):
            blocks.extend(_sheet_blocks(sheet.title, _read_only_rows(workbook, sheet)))
        return blocks
    finally:
        workbook.close()


def _shown(workbook) -> list:
    """The sheets not hidden (all of them if every one is)."""
    return [s for s in workbook.worksheets if s.sheet_state == "visible"] or list(workbook.worksheets)


def read_xlsx_full(path: str) -> list[RawBlock]:
    """The former reader: openpyxl's full mode (the reference the read-only reader matches)."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # zipfile, KeyError and XML errors for a broken package
        raise ReadError(f"无法打开 Excel 文件（文件损坏或不是 .xlsx）：{type(exc).__name__}") from exc
    blocks: list[RawBlock] = []
    for sheet in _shown(workbook):
        rows = []
        for row in sheet.iter_rows():
            cells = [RawCell(_xlsx_cell_text(c), line=c.row) for c in row]
            while cells and not cells[-1].text:
                cells.pop()
            if cells:
                rows.append(cells)
        blocks.extend(_sheet_blocks(sheet.title, rows))
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
            texts[cell.column] = _xlsx_cell_text(cell)
        while texts and not texts[max(texts)]:
            del texts[max(texts)]
        if texts:
            rows.append([RawCell(texts.get(k, ""), line=number) for k in range(1, max(texts) + 1)])
    return rows
