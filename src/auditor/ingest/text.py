"""Plain text and Markdown: encoding detection and every table layout the exports use.

Layouts: tab-separated rows; one cell per tab-indented line with blank lines between
rows (Word tables exported to text); markdown pipe tables. Lines wrapped inside a
sentence or an amount by PDF export are joined back.
"""
from __future__ import annotations

import re

from .cleanup import clean_text, join_wrapped
from .raw import RawBlock, RawCell, ReadError

BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
TERMINAL = "。！？；：.!?;:」”"
TITLE_ENDINGS = ("表", "报告", "结果", "情况", "说明", "通知", "目录", "部分")
HEADING_START_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+[部章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d+[、.．](?!\d)|附件\s*\d|[①-⑳])"
)
DASH_CELL_RE = re.compile(r"^[-—–:|\s]*$")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise ReadError("文件为空")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        raise ReadError("不是文本文件（含有二进制内容），或编码无法识别")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise ReadError("无法识别文件编码（支持 UTF-8、GB18030/GBK、带 BOM 的 UTF-16）")


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return odd <= len(sample) * 0.01


def read_text(path: str) -> list[RawBlock]:
    with open(path, "rb") as fh:
        data = fh.read()
    text = decode(data, path)
    lines = [clean_text(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return parse_lines(lines)


def _blank(line: str) -> bool:
    """No text, no tab and no ideographic space: in cell-per-line exports a lone tab is an
    empty cell and a line of ideographic spaces is the end of a cell's text."""
    return not line.strip(" \xa0\r\f\v")


def _cell_line(line: str) -> bool:
    return line.startswith("\t") and "\t" not in line[1:]


def _pipe_row(line: str) -> bool:
    s = line.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def parse_lines(lines: list[str]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _blank(line):
            i += 1
        elif _pipe_row(line):
            i = _pipe_table(lines, i, blocks)
        elif MD_HEADING_RE.match(line):
            m = MD_HEADING_RE.match(line)
            blocks.append(RawBlock("heading", text=m.group(2), line=i + 1, level=len(m.group(1))))
            i += 1
        elif _cell_line(line) and i + 1 < n and not ("\t" in lines[i + 1][1:] and not _blank(lines[i + 1])):
            i = _cell_region(lines, i, blocks)
        elif "\t" in line:
            i = _tsv_table(lines, i, blocks)
        else:
            i = _paragraph(lines, i, blocks)
    return blocks


def _cells_of(parts: list[str], line_no: int) -> list[RawCell]:
    return [RawCell(p.strip(), line=line_no) for p in parts]


def _keep_row(cells: list[RawCell]) -> bool:
    return not all(DASH_CELL_RE.match(c.text) for c in cells) or not any(c.text for c in cells)


def _tsv_table(lines: list[str], i: int, blocks: list[RawBlock]) -> int:
    rows = []
    start = i
    while i < len(lines) and "\t" in lines[i] and not _blank(lines[i]):
        cells = _cells_of(lines[i].split("\t"), i + 1)
        if _keep_row(cells):
            rows.append(cells)
        i += 1
    _add_table(blocks, rows, start + 1)
    return i


def _pipe_table(lines: list[str], i: int, blocks: list[RawBlock]) -> int:
    rows = []
    start = i
    while i < len(lines) and _pipe_row(lines[i]):
        cells = _cells_of(lines[i].strip()[1:-1].split("|"), i + 1)
        if _keep_row(cells):
            rows.append(cells)
        i += 1
    _add_table(blocks, rows, start + 1)
    return i


def _add_table(blocks: list[RawBlock], rows: list[list[RawCell]], line: int) -> None:
    rows = [r for r in rows if any(c.text for c in r)] if len(rows) > 1 else rows
    if len(rows) == 1 and sum(1 for c in rows[0] if c.text) <= 1:
        text = " ".join(c.text for c in rows[0] if c.text)
        if text:
            blocks.append(RawBlock("para", text=text, line=line))
        return
    if rows:
        blocks.append(RawBlock("table", rows=rows, line=line))


def _cell_region(lines: list[str], i: int, blocks: list[RawBlock]) -> int:
    """One cell per tab-indented line; a blank line usually ends a row."""
    cells: list[list] = []  # [text, line, blank_before]
    blank, start = 0, i
    while i < len(lines):
        line = lines[i]
        if _blank(line):
            blank += 1
        elif _cell_line(line):
            cells.append([line[1:].strip(), i + 1, blank])
            blank = 0
        elif "\t" in line:
            break
        elif cells and (blank == 0 or (blank == 1 and len(line.strip()) <= 20)):
            cells[-1][0] = join_wrapped(cells[-1][0], line.strip())
            blank = 0
        else:
            break
        i += 1
    while i > start and _blank(lines[i - 1]):
        i -= 1
    _add_table(blocks, _group_rows(cells), start + 1)
    return i


def _group_rows(cells: list[list]) -> list[list[RawCell]]:
    groups: list[list[RawCell]] = []
    for text, line, blank in cells:
        if blank or not groups:
            groups.append([])
        groups[-1].append(RawCell(text, line=line))
    rows: list[list[RawCell]] = []
    width, carry = 0, False
    for k, group in enumerate(groups):
        # A short group after an incomplete row is the rest of that row (a blank line
        # inside a row happens when a cell held an empty paragraph); a short group that,
        # with the group after it, is as wide as the row after that starts that row.
        following = len(groups[k + 1]) if k + 1 < len(groups) else 0
        if carry:
            rows[-1].extend(group)
            carry = False
        elif rows and len(group) <= 2 and _completes(len(rows[-1]), len(group), following, width):
            rows[-1].extend(group)
        else:
            rows.append(group)
            after = len(groups[k + 2]) if k + 2 < len(groups) else 0
            carry = len(group) <= 2 and following > 2 and len(group) + following == after
        width = max(width, len(rows[-1]))
    return rows


def _completes(row: int, group: int, following: int, width: int) -> bool:
    filled = row + group
    return filled == width or (filled < width and following <= 2)


def _paragraph(lines: list[str], i: int, blocks: list[RawBlock]) -> int:
    """Lines joined while each one continues the text before it. The pieces are collected and
    joined once (a paragraph wrapped over thousands of lines stays linear); `join_wrapped`
    only looks at the two characters either side of a join."""
    start = i
    pieces = [lines[i].strip()]
    length, tail = len(pieces[0]), pieces[0][-8:]
    i += 1
    while i < len(lines):
        j = i
        if _blank(lines[j]):
            j += 1
        if j >= len(lines) or _blank(lines[j]) or "\t" in lines[j] or _pipe_row(lines[j]):
            break
        nxt = lines[j].strip()
        if not _wraps_tail(length, tail, nxt):
            break
        if len(join_wrapped(tail[-1:], nxt[:1])) > len(tail[-1:]) + len(nxt[:1]):
            nxt = " " + nxt  # two ASCII words
        pieces.append(nxt)
        length += len(nxt)
        tail = (tail + nxt)[-8:]
        i = j + 1
    blocks.append(RawBlock("para", text="".join(pieces), line=start + 1))
    return i


def _wraps(text: str, nxt: str) -> bool:
    """True when `nxt` continues `text`, cut by a PDF line wrap."""
    return _wraps_tail(len(text), text, nxt)


def _wraps_tail(length: int, tail: str, nxt: str) -> bool:
    """`_wraps` for a text of `length` characters whose last characters are `tail`."""
    if length < 25 or not tail or tail[-1] in TERMINAL or tail.endswith(TITLE_ENDINGS):
        return False
    return not HEADING_START_RE.match(nxt)
