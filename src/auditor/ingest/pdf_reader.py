"""PDF with pdfplumber: ruled tables and the text around them, page by page.

Text outside table areas is read line by line (a tolerant baseline, because numbers are
often set a little off the Chinese text), then wrapped lines are joined as for text
exports. A table that runs on over a page break is continued, not split.
"""
from __future__ import annotations

from .cleanup import clean_text, join_wrapped
from .raw import RawBlock, RawCell, ReadError
from .text import parse_lines

SAME_LINE_OVERLAP = 0.5  # a char joins the line its box overlaps by half its height or more


def read_pdf(path: str) -> list[RawBlock]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises many types for a broken file
        raise ReadError(f"无法打开 PDF 文件（文件损坏或不是 PDF）：{type(exc).__name__}") from exc
    with pdf:
        try:
            if not any(page.chars for page in pages):
                raise ReadError("PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）后再检查")
            blocks: list[RawBlock] = []
            for number, page in enumerate(pages, start=1):
                _read_page(page, number, blocks)
        except ReadError:
            raise
        except Exception as exc:
            raise ReadError(f"PDF 内容无法解析：{type(exc).__name__}: {exc}") from exc
    return blocks


def _read_page(page, number: int, blocks: list[RawBlock]) -> None:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    text_lines = _text_lines(page.filter(outside).chars)
    items = [(top, "text", text) for top, text in text_lines]
    items += [(t.bbox[1], "table", t) for t in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    pending: list[str] = []
    first_item = True
    for top, kind, payload in items:
        if kind == "text":
            pending.append(clean_text(payload))
            continue
        _flush(pending, number, blocks)
        pending = []
        rows = _table_rows(payload, number)
        if rows:
            _add_table(blocks, rows, number, continues=first_item)
        first_item = False
    _flush(pending, number, blocks)


def _text_lines(chars) -> list[tuple[float, str]]:
    """Group chars into lines by vertical overlap, not by a fixed tolerance on `top`:
    published PDFs set numbers several points off the baseline of the Chinese text."""
    lines: list[dict] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        height = max(ch["bottom"] - ch["top"], 1.0)
        best, best_overlap = None, 0.0
        for line in lines[-4:]:
            overlap = min(line["bottom"], ch["bottom"]) - max(line["top"], ch["top"])
            if overlap > best_overlap:
                best, best_overlap = line, overlap
        if best is not None and best_overlap >= SAME_LINE_OVERLAP * height:
            best["chars"].append(ch)
        else:
            lines.append({"top": ch["top"], "bottom": ch["bottom"], "chars": [ch]})
    return [(line["top"], _line_text(line["chars"])) for line in lines]


def _line_text(chars) -> str:
    text, previous = "", None
    for ch in sorted(chars, key=lambda c: c["x0"]):
        if previous is not None and ch["x0"] - previous["x1"] > max(1.5, 0.25 * ch.get("size", 10)):
            text += " "
        text += ch["text"]
        previous = ch
    return text


def _flush(lines: list[str], page: int, blocks: list[RawBlock]) -> None:
    if not lines:
        return
    for block in parse_lines(lines):
        block.page = page
        for row in block.rows:
            for cell in row:
                cell.page = page
        blocks.append(block)


def _table_rows(table, page: int) -> list[list[RawCell]]:
    rows = []
    for row in table.extract():
        cells = []
        for value in row:
            text = ""
            for part in (value or "").split("\n"):
                text = join_wrapped(text, clean_text(part).strip())
            cells.append(RawCell(text, page=page))
        if any(c.text for c in cells):
            rows.append(cells)
    return rows


def _add_table(blocks: list[RawBlock], rows: list[list[RawCell]], page: int, continues: bool) -> None:
    previous = blocks[-1] if blocks else None
    if continues and previous is not None and previous.kind == "table" \
            and previous.rows[-1][0].page == page - 1 and len(previous.rows[0]) == len(rows[0]):
        header = [c.text for c in previous.rows[0]]
        if [c.text for c in rows[0]] == header:
            rows = rows[1:]  # the header repeated on the new page
        previous.rows.extend(rows)
        return
    blocks.append(RawBlock("table", rows=rows, page=page))
