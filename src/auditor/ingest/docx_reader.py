"""Word .docx with python-docx: paragraphs and tables in body order, merged cells, headings."""
from __future__ import annotations

import re

from .cleanup import clean_text, join_wrapped
from .raw import RawBlock, RawCell, ReadError

HEADING_STYLE_RE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)


def read_docx(path: str) -> list[RawBlock]:
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises several types for a broken package
        raise ReadError(f"无法打开 Word 文件（文件损坏或不是 .docx）：{type(exc).__name__}") from exc
    blocks: list[RawBlock] = []
    ordinal = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            ordinal += 1
            para = Paragraph(child, document)
            text = clean_text(para.text)
            level = _heading_level(para)
            kind = "heading" if level and text.strip() else "para"
            blocks.append(RawBlock(kind, text=text, paragraph=ordinal, level=level))
        elif child.tag == qn("w:tbl"):
            ordinal += 1
            blocks.append(RawBlock("table", rows=_rows(child, document), paragraph=ordinal))
    return blocks


def _heading_level(para) -> int | None:
    name = para.style.name if para.style is not None else ""
    if name.lower() == "title":
        return 0
    m = HEADING_STYLE_RE.search(name or "")
    return int(m.group(1)) if m else None


def _rows(tbl, document) -> list[list[RawCell]]:
    """Each merged region keeps its text in the top-left cell; the cells it covers are empty."""
    from docx.table import _Cell

    rows = []
    for tr in tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            continued = tc.vMerge == "continue"
            text = "" if continued else _cell_text(_Cell(tc, document))
            row.append(RawCell(text))
            row.extend(RawCell("") for _ in range(tc.grid_span - 1))
        rows.append(row)
    return rows


def _cell_text(cell) -> str:
    text = ""
    for line in cell.text.split("\n"):
        text = join_wrapped(text, clean_text(line).strip())
    return text
