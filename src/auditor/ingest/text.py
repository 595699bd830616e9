"""Plain text and Markdown: encoding detection and every table layout the exports use.

Layouts: tab-separated rows; one cell per tab-indented line with blank lines between
rows (Word tables exported to text); markdown pipe tables; columns laid out with runs of
spaces (pdftotext -layout, text copied from a PDF viewer). Lines wrapped inside a
sentence or an amount by PDF export are joined back.
"""
from __future__ import annotations

import re
import unicodedata

from ..facts.numbers import TABLE_NUMBER
from .build import headless, numbering_of, numbering_row
from .cleanup import clean_text, join_wrapped
from .page_furniture import FURNITURE_CHARS, without_page_furniture
from .raw import PAGE_BREAK, CAPTION_CELL_RE, DASHES, FIGURE_CELL_RE, MAX_BLOCKS, MAX_LINE_CHARS, MAX_TEXT_BYTES, MB, RawBlock, RawCell, ReadError, over_limit, sentence_marked

TERMINAL = "。！？；：.!?;:」”"
# in a PDF a full line ending in ； wraps a list of clauses (其中：A 2 辆；B 3 辆；↵ C 1 辆。): the
# paragraph goes on unless the next line starts an item of its own
PDF_TERMINAL = TERMINAL.replace("；", "").replace(";", "")
# a table's caption: its number, then its title ending in 表 (or 表 and a bracket)
CAPTION_RE = re.compile("^" + TABLE_NUMBER + r"[\s\u3000]+\S.*表(?:[（(][^）)]*[）)])?$")
WRAP_MIN_CHARS = 25  # a line wrapped by width is this long at least; a shorter one ends its text
TITLE_ENDINGS = ("表", "报告", "结果", "情况", "说明", "通知", "目录", "部分")
TITLE_NOTE_RE = re.compile(r"[（(][^（）()]{1,12}[）)]$")  # (a note in brackets closing a title: （1-6月）)
TAIL_CHARS = 16  # the last characters of a paragraph's text a wrap is told by (a title's bracketed note too)
# a line opening a heading or a numbered or bulleted item: it never continues the line before
ITEM_START_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+[部章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d+[、.．](?!\d)|附件\s*\d|[①-⑳]|[●■◆◇•▪►➢√○□◎★☆]|——)"
)
# a line of a form's field (项目名称：…, 项目单位：…): a label of a few characters and its colon
FIELD_LINE_RE = re.compile(r"^[\u4e00-\u9fa5]{2,8}[：:]")
SENTENCE_MARKS = frozenset("，。；,;")
DASH_CELL_RE = re.compile(r"^[-—–:|\s]*$")
# columns laid out with spaces are set apart by two or more of them (or an ideographic space):
# one space stays inside a sentence or a cell (本年收入 1,980.40 万元)
SPACED_CELL_RE = re.compile(r"[^ \u3000]+(?: [^ \u3000]+)*")  # the text between such runs
MIN_SPACED_FIGURE_ROWS = 2  # rows with a figure before spaced lines are read as a table
# A Markdown heading: 1-6 #, white space, the text, an optional closing run of #. The closing
# run is taken off by stripping (as `^(#{1,6})\s+(.+?)\s*#*\s*$` would read it: that regex
# splits a run of spaces between its two \s* in every way at every end of the lazy text, which is
# cubic, 20 s for "# a" and 2,000 spaces).
MD_HEADING_START_RE = re.compile(r"(#{1,6})\s+")


# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
BOMS = [(b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
        (b"\xef\xbb\xbf", "utf-8", "UTF-8"), (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16")]
SUPPORTED_ENCODINGS = "UTF-8、GB18030/GBK、UTF-16、UTF-32"
# Characters no report text holds: C0 controls other than tab, line and page breaks, and the
# private-use area (what binary decoded as GB18030 turns into). A few are tolerated (escape
# sequences pasted into a report are text to show, escaped, not a reason to refuse it).
ODD_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff]")
ODD_SHARE = 0.01  # more than 1% of such characters: binary, or the wrong encoding


def decode(data: bytes, path: str = "") -> str:
    """The text of a file's bytes, or a ReadError that names what is wrong with them.

    A byte-order mark decides the encoding (UTF-32 before UTF-16, whose mark it begins with;
    after a UTF-8 mark GB18030 text is still recognised, since editors put the mark in front of
    GBK text too). Without one: UTF-32 or UTF-16 when the bytes have their NUL pattern, else UTF-8,
    else GB18030. Whatever decodes must also look like text, so binary and a wrong guess are
    refused with a reason instead of being read as garbage."""
    if not data.strip():
        raise ReadError("文件为空")
    for bom, encoding, name in BOMS:
        if data.startswith(bom):
            return _decode_marked(data[len(bom):], encoding, name, len(bom))
    if b"\x00" in data:
        return _decode_wide(data)
    problems = []
    for encoding, name in (("utf-8", "UTF-8"), ("gb18030", "GB18030/GBK")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            problems.append(f"不是 {name}（第 {exc.start + 1} 字节 0x{data[exc.start]:02X} 起无效）")
            continue
        odd = _odd_share(text)
        if odd <= ODD_SHARE:
            return text
        problems.append(f"按 {name} 解码后有 {odd:.0%} 是控制字符或私用区字符")
    raise ReadError(f"无法识别文件编码：{'；'.join(problems)}；支持 {SUPPORTED_ENCODINGS}，或不是文本文件")


def _odd_share(text: str) -> float:
    if not text:
        return 0.0
    return (len(text) - len(ODD_RE.sub("", text))) / len(text)


def _decode_marked(body: bytes, encoding: str, name: str, skipped: int) -> str:
    """Bytes after a byte-order mark of `name`."""
    unit = {"UTF-32": 4, "UTF-16": 2}.get(name, 1)
    if len(body) % unit:
        raise ReadError(f"文件以 {name} 字节顺序标记开头，但其后的 {len(body)} 字节不是 {unit} 的整数倍："
                        f"文件不完整（被截断）或已损坏")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if name != "UTF-8":
            raise ReadError(f"文件以 {name} 字节顺序标记开头，但第 {exc.start + skipped + 1} 字节起"
                            f"不是有效的 {name} 编码单元（如孤立的代理项、超出 Unicode 范围的码位）") from None
        try:  # editors write the UTF-8 mark in front of GBK text too
            text = body.decode("gb18030")
        except UnicodeDecodeError:
            raise ReadError(f"文件以 UTF-8 字节顺序标记开头，但第 {exc.start + skipped + 1} 字节起既不是有效的 UTF-8，"
                            "也不是 GB18030/GBK") from None
    odd = _odd_share(text)
    if odd > ODD_SHARE:
        raise ReadError(f"文件以 {name} 字节顺序标记开头，但解码后有 {odd:.0%} 是控制字符或私用区字符："
                        "不是文本文件，或编码与标记不符")
    return text


def _decode_wide(data: bytes) -> str:
    """Bytes without a byte-order mark that hold NUL bytes: UTF-32 or UTF-16 text without its
    mark (ASCII and CJK characters leave NULs in fixed places), else binary."""
    for encoding, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % unit or not _nul_pattern(data, unit, encoding.endswith("le")):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _odd_share(text) <= ODD_SHARE:
            return text
    first = data.index(b"\x00")
    raise ReadError(f"不是文本文件：第 {first + 1} 字节是 NUL（0x00），含有二进制内容，"
                    f"也不是不带字节顺序标记的 UTF-16/UTF-32 文本（支持 {SUPPORTED_ENCODINGS}）")


def _nul_pattern(data: bytes, unit: int, little: bool) -> bool:
    """NUL bytes where a UTF-16/UTF-32 text puts them: nine in ten in the high byte of a code unit
    (UTF-16: ASCII characters), or the top byte of every UTF-32 unit."""
    if unit == 4:
        top = data[3::4] if little else data[0::4]
        return not top.strip(b"\x00")
    high = data[1::2] if little else data[0::2]
    low = data[0::2] if little else data[1::2]
    return high.count(0) >= 9 * low.count(0) and high.count(0) > 0


def read_text(path: str) -> list[RawBlock]:
    with open(path, "rb") as fh:
        data = fh.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise over_limit("文本文件过大", f"文本文件最多 {MAX_TEXT_BYTES // MB} MB")
    text = decode(data, path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    longest = max(range(len(lines)), key=lambda k: len(lines[k]))
    if len(lines[longest]) > MAX_LINE_CHARS:
        raise over_limit(f"第 {longest + 1} 行有 {len(lines[longest])} 个字符",
                         f"每行最多 {MAX_LINE_CHARS} 个字符；这不是逐行书写的报告文字")
    kept, origin = without_page_furniture(lines, _runs_on)
    blocks = parse_lines([clean_text(_plain(line)) for line in kept])
    if origin is not None:
        _number_as_in_file(blocks, origin)
    return blocks


def _number_as_in_file(blocks: list[RawBlock], origin: list[int]) -> None:
    """Each block's and cell's line as the file numbers it, the page furniture taken out before
    reading counted again (`origin`: the file's line of each line read)."""
    for block in blocks:
        if block.line is not None:
            block.line = origin[block.line - 1]
        for row in block.rows:
            for cell in row:
                if cell.line is not None:
                    cell.line = origin[cell.line - 1]


def _runs_on(text: str) -> bool:
    """A line of prose stopping mid-sentence, as a wrap or a page break cuts it (no table's row:
    cells set apart by tabs or runs of spaces)."""
    return len(text) >= WRAP_MIN_CHARS and text[-1] not in TERMINAL and "\t" not in text and "  " not in text \
        and "\u3000\u3000" not in text and not text.endswith(TITLE_ENDINGS)


# Markdown emphasis (**…**, __…__): marks around words, not words (a bold run-in heading
# **（二）政府性基金预算财政拨款支出情况。** is read as one; a table's **合计** is 合计)
EMPHASIS_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")


def _plain(line: str) -> str:
    if "**" not in line and "__" not in line:
        return line
    return EMPHASIS_RE.sub(lambda m: m.group(1) or m.group(2), line)


def _blank(line: str) -> bool:
    """No text, no tab and no ideographic space: in cell-per-line exports a lone tab is an
    empty cell and a line of ideographic spaces is the end of a cell's text."""
    return not line.strip(" \xa0\r\f\v")


def _cell_line(line: str) -> bool:
    return line.startswith("\t") and "\t" not in line[1:]


def _pipe_row(line: str) -> bool:
    s = line.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


# a Markdown blockquote's marker (> 评价机构：…): markup, not text; not before a figure (> 5%)
QUOTE_MARK_RE = re.compile(r"^ {0,3}> (?=\D)")


def parse_lines(lines: list[str], terminal: str = TERMINAL, wrap_min: int = WRAP_MIN_CHARS) -> list[RawBlock]:
    """`terminal`: the characters that end a paragraph at a line's end (PDF_TERMINAL for PDFs);
    `wrap_min`: the fewest characters of a line wrapped by width (fewer in a page's narrow column)."""
    blocks: list[RawBlock] = []
    lines = [QUOTE_MARK_RE.sub("", line) if line[:5].lstrip().startswith("> ") else line for line in lines]
    i, n = 0, len(lines)
    no_pipe_table_before = 0  # (the lines a failed run of pipe rows read: none of them opens one)
    while i < n:
        if len(blocks) > MAX_BLOCKS:
            raise over_limit(f"前 {i} 行已有 {len(blocks)} 个段落和表格", f"每个文件最多 {MAX_BLOCKS} 个")
        line = lines[i]
        if "|" in line and i >= no_pipe_table_before and line.strip(" ") != PAGE_BREAK and not _blank(line) \
                and not _pipe_row(line):
            end, no_pipe_table_before = _bare_pipe_rows(lines, i)
            if end > i:
                i = _pipe_table(lines, i, blocks, end)
                continue
        if line.strip(" ") == PAGE_BREAK:
            # (where a text export's page furniture went: a mark a table going on over it may join across)
            blocks.append(RawBlock("para", text=PAGE_BREAK, line=i + 1))
            i += 1
        elif _blank(line):
            i += 1
        elif _pipe_row(line):
            i = _pipe_table(lines, i, blocks)
        elif (heading := _md_heading(line)) is not None:
            blocks.append(RawBlock("heading", text=heading[1], line=i + 1, level=heading[0]))
            i += 1
        elif _cell_line(line) and i + 1 < n and not ("\t" in lines[i + 1][1:] and not _blank(lines[i + 1])):
            i = _cell_region(lines, i, blocks)
        elif "\t" in line:
            i = _tsv_table(lines, i, blocks)
        elif _spaced_cells(line) and (_spaced_table_ahead(lines, i) or _header_again(line, blocks)):
            i = _spaced_table(lines, i, blocks)
        elif single_spaced.figures_line(line) and (k := single_spaced.figures_table(lines, i, blocks)) > i:
            i = k
        else:
            i = _paragraph(lines, i, blocks, terminal, wrap_min)
    return [b for b in blocks if not (b.kind == "para" and b.text == PAGE_BREAK)]


def _spaced_cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a line laid out with runs of spaces, as (start, end, text); [] when it holds
    fewer than two, when it starts a heading or an item, or when it is prose: a cell with a
    sentence's punctuation (，。；) is wrapped text, whose double spaces set no columns apart."""
    stripped = line.strip()
    if "  " not in stripped and "\u3000" not in stripped:
        return []  # no run of spaces to set columns apart (most lines)
    if CAPTION_RE.match(stripped):
        return []  # a table's caption (表3  2024年度…得分表), spaced after its number: no row of it
    width = _display_columns(line)
    cells = [(width[m.start()], width[m.end()], m.group()) for m in SPACED_CELL_RE.finditer(line)]
    if sentence_marked(stripped) and not _row_with_a_remark(cells):
        return []  # prose
    if len(cells) < 2 or (ITEM_START_RE.match(stripped) and not _figure_row(cells[1:])
                          and not all(text in DASHES for _, _, text in cells[1:])):
        # a heading or an item, unless its later cells are figures (一、财政拨款收入  800.00) or
        # dashes for nothing (1.因公出国（境）费   —   —)
        return []
    return cells


def _row_with_a_remark(cells: list[tuple[int, int, str]]) -> bool:
    """A row of a table whose last cell alone is of sentences, a remark (…  15  13.50  需求偏弱；加强
    订单式培训): REMARK_ROW_CELLS cells or more, REMARK_ROW_FIGURES of them figures. Wrapped prose
    whose double spaces set figures apart (支出合计  40.00  万元，其中…) has its words of sentences
    between them."""
    marked = [k for k, (_, _, text) in enumerate(cells) if sentence_marked(text)]
    figures = sum(1 for _, _, text in cells if FIGURE_CELL_RE.match(text))
    return len(cells) >= REMARK_ROW_CELLS and marked == [len(cells) - 1] and figures >= REMARK_ROW_FIGURES


REMARK_ROW_CELLS = 4  # a form's row: a name, a target, an actual, points, a remark
REMARK_ROW_FIGURES = 2


def _display_columns(line: str) -> list[int]:
    """The display column before each character (and after the last): a wide character (CJK,
    full-width forms) takes two, as a reader lines columns up by eye."""
    columns, at = [0], 0
    for ch in line:
        at += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        columns.append(at)
    return columns


def _aligned(cells: list[tuple[int, int, str]], columns: list[tuple[int, int, str]],
             figure_columns: list[bool] | None = None) -> list[str]:
    """A row's texts placed under the columns of the table's widest row by where they stand (a
    blank cell leaves its column empty instead of pulling the next figure into it); the texts as
    they come when two would fall under one column. `figure_columns`: which columns hold figures
    in the widest row of figures; a figure placed under a column of words is misplaced (a table
    not padded into line), and the row's trailing figures go under the trailing figure columns."""
    if len(cells) >= len(columns):
        return [text for _, _, text in cells]
    placed = [""] * len(columns)
    for start, end, text in cells:
        overlap = [min(end, c_end) - max(start, c_start) for c_start, c_end, _ in columns]
        k = max(range(len(columns)), key=lambda j: (overlap[j], -abs(start - columns[j][0])))
        if placed[k]:
            return _figures_right(cells, len(columns), figure_columns)
        placed[k] = text
    if figure_columns and any(text and FIGURE_CELL_RE.match(text) and not figure_columns[k] for k, text in enumerate(placed)):
        return _figures_right(cells, len(columns), figure_columns)
    return placed


def _figures_right(cells: list[tuple[int, int, str]], width: int, figure_columns: list[bool] | None) -> list[str]:
    """A short row's trailing figures under the table's trailing figure columns, one each, its words
    from the left (合计 with its name cell left blank); as they come where that cannot be."""
    texts = [text for _, _, text in cells]
    figures = len(texts) - next((k for k in range(len(texts) - 1, -1, -1) if not FIGURE_CELL_RE.match(texts[k])), -1) - 1
    room = 0
    while figure_columns and room < len(figure_columns) and figure_columns[len(figure_columns) - 1 - room]:
        room += 1
    if not figures or figures != room:
        return texts  # (fewer figures than columns: which of them are blank cannot be told; as they come)
    return texts[:len(texts) - figures] + [""] * (width - len(texts)) + texts[len(texts) - figures:]


def _one_row_under_header(row: list[tuple[int, int, str]], above: list[tuple[int, int, str]]) -> bool:
    """A row of figures right under a line of heads, cell for cell (项目资金 | 年初预算数 | 全年预算数 |
    执行数 | 分值 | 执行率 | 得分 over one project's row): a table of one row, at least
    MIN_ONE_ROW_CELLS wide (two or three spaced words may be a sentence's spacing)."""
    return len(row) == len(above) >= MIN_ONE_ROW_CELLS and not _figure_row(above) \
        and sum(1 for _, _, text in row if FIGURE_CELL_RE.match(text)) >= 2


MIN_ONE_ROW_CELLS = 4


def _figure_row(cells: list[tuple[int, int, str]]) -> bool:
    return any(FIGURE_CELL_RE.match(text) for _, _, text in cells)


def _header_again(line: str, blocks: list[RawBlock]) -> bool:
    """The line repeats the header of the table just before (after 续表, or with nothing between):
    the table goes on over a page break, were it one row only."""
    k = len(blocks)
    while k and blocks[k - 1].kind == "para" and (CONTINUED_RE.match(blocks[k - 1].text) or blocks[k - 1].text == PAGE_BREAK):
        k -= 1
    if k == len(blocks) or not k or blocks[k - 1].kind != "table":
        return False  # (after 续表 or a page break only)
    rows = blocks[k - 1].rows
    header = rows[_captions(rows)] if _captions(rows) < len(rows) else []
    return [text for _, _, text in _spaced_cells(line)] == [c.text for c in header if c.text]


def _spaced_table_ahead(lines: list[str], i: int) -> bool:
    """Whether the spaced lines from i on hold at least MIN_SPACED_FIGURE_ROWS rows with a figure
    cell (a header line or two may come first); looks no further than the spaced lines go."""
    figures = 0
    words_only = 2  # lines of words a table may open with (its header), one more after a caption line
    last, left = None, 0
    for k in range(i, len(lines)):
        cells = _spaced_cells(lines[k])
        if not cells and last is not None and _lone_cell(lines[k], last, left) is not None:
            continue  # (a row with its label only, or a cell's wrapped rest: the table may go on)
        if not cells:
            break
        last, left = cells, min(cells[0][0], left if last is not None else cells[0][0])
        if k == i and all(CAPTION_CELL_RE.match(text.strip()) for _, _, text in cells):
            words_only = 3  # 编制单位：…   2024年度   单位：万元, then a header of two lines
        figures += _figure_row(cells)
        if figures >= MIN_SPACED_FIGURE_ROWS:
            return True
        if figures == 1 and k > i and _one_row_under_header(cells, _spaced_cells(lines[k - 1])):
            return True
        if k - i >= words_only and not figures:
            return False  # more lines of words apart by spaces than a header has: no table
    return False


def _spaced_table(lines: list[str], i: int, blocks: list[RawBlock]) -> int:
    found = []
    start = i
    while i < len(lines):
        if found and _blank(lines[i]):
            resumed = _resumes_after_blanks(lines, i, found)
            if resumed is None:
                break
            i = resumed  # (blank lines inside the table, as a text export leaves them: its rows go on)
        cells = _spaced_cells(lines[i])
        lone = _lone_cell(lines[i], found[-1], _left(found)) if not cells and found else None
        if isinstance(lone, int):  # (the rest of the cell above, wrapped: joined to it)
            start_col, end_col, text = found[-1][lone]
            found[-1][lone] = (start_col, end_col, text + lines[i].strip())
            i += 1
            continue
        if lone and _goes_on(lines, i + 1, found):
            cells = lone
        if not cells:
            break
        found.append(cells)
        i += 1
    columns = max(found, key=len)
    # (the widest row of figures tells which columns hold figures: a header's are all words)
    full = next((cells for cells in found if len(cells) == len(columns) and _figure_row(cells)), None)
    # (a dash in a column of figures, — for nothing, holds that column's place as a figure does)
    figure_columns = [bool(FIGURE_CELL_RE.match(text)) or text in DASHES for _, _, text in full] if full else None
    rows = [[RawCell(text, line=start + k + 1) for text in _aligned(cells, columns, figure_columns)]
            for k, cells in enumerate(found)]
    _add_table(blocks, rows, start + 1)
    return i


def _resumes_after_blanks(lines: list[str], i: int, found: list) -> int | None:
    """Where a spaced table goes on after the blank lines from line i (at most MAX_BLANK_RUN): a row
    of its figures starting where its rows start, or a label alone there with the table going on
    after it; None where something else comes."""
    j = i
    while j < len(lines) and j - i < MAX_BLANK_RUN and _blank(lines[j]):
        j += 1
    if j >= len(lines) or _blank(lines[j]):
        return None
    cells = _spaced_cells(lines[j])
    if cells:
        return j if _figure_row(cells) and abs(cells[0][0] - _left(found)) <= ALIGN_SLACK else None
    lone = _lone_cell(lines[j], found[-1], _left(found))
    # (a label alone goes on with the table only where it carries the rows' numbering on, 三、 after
    # 二、; an unnumbered one after a blank line heads a section of its own)
    return j if isinstance(lone, list) and _numbered_like(lone[0][2], found) and _goes_on(lines, j + 1, found) else None


def _numbered_like(text: str, found: list) -> bool:
    """The label is numbered in the style of a label of the rows (三、 under 一、 and 二、)."""
    style = numbering_of(text)
    return style is not None and any((numbering_of(row[0][2]) or (None, None))[1] == style[1] for row in found)


MAX_BLANK_RUN = 2  # blank lines a spaced table may hold between two of its rows


def _left(found: list[list[tuple[int, int, str]]]) -> int:
    """Where the table's leftmost cells start (its header's or its category rows' first column)."""
    return min(row[0][0] for row in found)


def _lone_cell(line: str, above: list[tuple[int, int, str]], left: int):
    """A line of one cell inside a table laid out with spaces, the table going on after it: at
    the table's leftmost column (`left`), a row with only its label (六、经营收入, nothing received: the row's cells);
    under a column of words further right, the rest of that cell of the row `above` wrapped onto
    a line of its own (机关事业单位基本养老 ↵ 保险缴费支出: the cell's index). None for anything else."""
    text = line.strip()
    if not text or "  " in text or sentence_marked(text) or len(text) > LONE_CELL_CHARS:
        return None
    width = _display_columns(line)
    at = width[len(line) - len(line.lstrip())]
    cell = (at, at + width[-1] - width[len(line) - len(line.lstrip())], text)
    if at == left:
        # (a row's label starts where the labels above start: 六、经营收入, 一、基本支出 heading its
        # rows; a heading standing off them, or after the table's total, is the next part's)
        if ITEM_START_RE.match(text) and TOTAL_LABEL_RE.search(above[0][2]):
            return None
        return [cell]
    under = next((k for k, c in enumerate(above) if abs(at - c[0]) <= ALIGN_SLACK), None)
    if under and not FIGURE_CELL_RE.match(above[under][2]) and not FIGURE_CELL_RE.match(text):
        return under
    return None


def _goes_on(lines: list[str], k: int, found: list) -> bool:
    """The table goes on from line k: a row of its figures, after at most a few more lines of one
    label each (六、经营收入 ↵ 七、附属单位上缴收入 ↵ 八、其他收入  1.51)."""
    for j in range(k, min(len(lines), k + MAX_LONE_RUN + MAX_BLANK_RUN)):
        if _blank(lines[j]):
            continue  # (a blank line among them, as a text export leaves one)
        if cells := _spaced_cells(lines[j]):
            return _figure_row(cells)  # (a row of words after it is another table's header: a heading between)
        if not isinstance(_lone_cell(lines[j], found[-1], _left(found)), (list, int)):
            return False
    return False


MAX_LONE_RUN = 4  # lines of a label alone in a row that a spaced table may hold in a run
LONE_CELL_CHARS = 30  # a label or the wrapped rest of one, no line of prose
TOTAL_LABEL_RE = re.compile(r"(?:合计|总计)$")  # a table's closing row
ALIGN_SLACK = 2  # display columns a cell may stand off its column's start


def _md_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a Markdown heading line, else None."""
    m = MD_HEADING_START_RE.match(line)
    if not m:
        return None
    rest = line[m.end():]
    if not rest:  # only white space after the #: the text is its last character
        return (len(m.group(1)), line[-1]) if m.end() - len(m.group(1)) >= 2 else None
    return len(m.group(1)), rest.rstrip().rstrip("#").rstrip() or rest[0]


def _cells_of(parts: list[str], line_no: int) -> list[RawCell]:
    return [RawCell(p.strip(), line_no) for p in parts]  # (text, line): positional, made for every cell


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


def _bare_pipe_rows(lines: list[str], i: int) -> tuple[int, int]:
    """Where the lines from i on set cells apart by pipes with no outer ones (科目编码 | 科目名称 | 决算数,
    as a table is pasted from a spreadsheet or a chat): (the end of their run, when it is two lines
    or more of as many cells each, two at least, one a row of figures, else i; where the run read
    ended: no line before it opens such a table either, the run from it being part of this one)."""
    count, figures, j = None, 0, i
    while j < len(lines) and "|" in lines[j] and not _blank(lines[j]):
        cells = pipe_cells(lines[j].strip().strip("|"))
        if count is not None and len(cells) != count:
            break
        count = len(cells)
        figures += any(FIGURE_CELL_RE.match(c.strip()) for c in cells)
        j += 1
    return (j if j - i >= 2 and (count or 0) >= 2 and figures else i), j


def _pipe_table(lines: list[str], i: int, blocks: list[RawBlock], end: int | None = None) -> int:
    """A Markdown pipe table from line i; `end`: where a run of rows without outer pipes ends."""
    rows = []
    start = i
    while i < len(lines) and (_pipe_row(lines[i]) if end is None else i < end):
        row = lines[i].strip()
        cells = _cells_of(pipe_cells(row[1:-1] if end is None else row.strip("|")), i + 1)
        if _keep_row(cells):
            rows.append(cells)
        i += 1
    _add_table(blocks, rows, start + 1)
    return i


def pipe_cells(row: str) -> list[str]:
    """A Markdown pipe table row's cells (its outer pipes taken off): split at each pipe but one
    escaped (文化馆\\|图书馆, unescaped to a pipe) or inside inline code (`a|b`, kept as written:
    a run of backticks up to the next run of as many). Linear: each backtick run's closing run is
    found by a pointer that only moves on (`_closing`)."""
    if "`" not in row:
        return row.split("|") if "\\" not in row else [c.replace("\\|", "|") for c in UNESCAPED_PIPE_RE.split(row)]
    ticks: dict[int, list[int]] = {}
    for m in TICKS_RE.finditer(row):
        ticks.setdefault(len(m.group()), []).append(m.start())
    seen: dict[int, int] = {}
    cells, pieces, pos = [], [], 0
    while (m := PIPE_TOKEN_RE.search(row, pos)) is not None:
        pieces.append(row[pos:m.start()])
        token, pos = m.group(), m.end()
        if token == "|":
            cells.append("".join(pieces))
            pieces = []
        elif token == "\\|":
            pieces.append("|")
        else:
            close = _closing(ticks, seen, len(token), pos)
            pos = close + len(token) if close is not None else pos
            pieces.append(row[m.start():pos])
    pieces.append(row[pos:])
    cells.append("".join(pieces))
    return cells


TICKS_RE = re.compile(r"`+")
UNESCAPED_PIPE_RE = re.compile(r"(?<!\\)\|")
PIPE_TOKEN_RE = re.compile(r"\\\||`+|\|")  # an escaped pipe, a backtick run, a pipe


def _closing(ticks: dict[int, list[int]], seen: dict[int, int], length: int, after: int) -> int | None:
    """The start of the first run of `length` backticks at `after` or later; `seen` keeps where
    each length's search stopped (the calls come in order along the row)."""
    starts, k = ticks[length], seen.get(length, 0)
    while k < len(starts) and starts[k] < after:
        k += 1
    seen[length] = k
    return starts[k] if k < len(starts) else None


def _add_table(blocks: list[RawBlock], rows: list[list[RawCell]], line: int) -> None:
    rows = [r for r in rows if any(c.text for c in r)] if len(rows) > 1 else rows
    if len(rows) == 1 and sum(1 for c in rows[0] if c.text) <= 1:
        text = " ".join(c.text for c in rows[0] if c.text)
        if text:
            blocks.append(RawBlock("para", text=text, line=line))
        return
    if rows and not _continued(blocks, rows):
        blocks.append(RawBlock("table", rows=rows, line=line))


# a line announcing the rest of the table before (续表, 续表 公开02表, （续表）; or closing on the mark:
# 公开05表（续）, 表3（续表2）)
CONTINUED_RE = re.compile(r"^\s*[（(]?\s*续表|^[^。；;，,（(]{0,30}[（(]\s*续表?\s*[\d一二三四五六七八九十]*\s*[）)]\s*$")


def _continued(blocks: list[RawBlock], rows: list[list[RawCell]]) -> bool:
    """A table after 续表, over the page break of an export (the page number and the running header
    between): the rest of the table before, its repeated header rows dropped. The lines between
    are page furniture and go. True when the rows were added so."""
    k = len(blocks)
    while k > 0 and blocks[k - 1].kind == "para" and len("".join(blocks[k - 1].text.split())) <= FURNITURE_CHARS \
            and not any(mark in blocks[k - 1].text for mark in "。；;"):
        k -= 1
    between = blocks[k:]
    # (over a page break with nothing else between, the same header rows again are the page's
    # repeated header: an export whose page numbers and running header are gone, or that never
    # printed 续表; with no page break, two tables of one header)
    paged = bool(between) and all(b.text == PAGE_BREAK for b in between)
    if k == 0 or blocks[k - 1].kind != "table" or not (paged or any(CONTINUED_RE.match(b.text) for b in between)):
        return False
    previous = blocks[k - 1].rows
    repeated = 0
    while repeated < min(len(rows) - 1, len(previous)) \
            and [c.text for c in rows[repeated]] == [c.text for c in previous[repeated + _captions(previous)]]:
        repeated += 1
    width = max(len(r) for r in previous)
    # (right over a page break, a part opening with a row of figures has no header of its own: the
    # rest of the table, its header not repeated)
    rest = paged and headless(rows[0])
    if (repeated == 0 and not rest) or max(len(r) for r in rows) != width:
        return False  # not the same table's header again: another table
    if any(headless(row) and not numbering_row(row) for row in rows[:repeated]):
        return False  # (rows of figures the first part's again, past its header: a copy of the table, no rest of it)
    del blocks[k:]
    previous.extend(rows[repeated:])
    return True


def _captions(rows: list[list[RawCell]]) -> int:
    """Caption rows (编制单位：… 2024年度 单位：万元) at the top of a table."""
    n = 0
    while n < len(rows) and all(CAPTION_CELL_RE.match(c.text.strip()) for c in rows[n] if c.text.strip()) \
            and any(c.text.strip() for c in rows[n]):
        n += 1
    return n


def _cell_region(lines: list[str], i: int, blocks: list[RawBlock]) -> int:
    """One cell per tab-indented line; a blank line usually ends a row. A cell wrapped over many
    lines is collected in pieces and joined once (joining line by line copied the cell's text
    once per line: quadratic); `join_wrapped` only looks at the characters either side."""
    cells: list[list] = []  # [pieces, line, blank_before, text so far ends in an ASCII letter]
    blank, start = 0, i
    while i < len(lines):
        line = lines[i]
        if _blank(line):
            blank += 1
        elif _cell_line(line):
            text = line[1:].strip()
            cells.append([[text], i + 1, blank, _ends_in_letter(text)])
            blank = 0
        elif "\t" in line:
            break
        elif cells and (blank == 0 or (blank == 1 and len(line.strip()) <= 20)):
            cell, text = cells[-1], line.strip()
            if cell[3] and len(join_wrapped("a", text)) > 1 + len(text):
                text = " " + text  # two ASCII words
            cell[0].append(text)
            cell[3] = _ends_in_letter(text) if text else cell[3]
            blank = 0
        else:
            break
        i += 1
    while i > start and _blank(lines[i - 1]):
        i -= 1
    _add_table(blocks, _group_rows([["".join(c[0]), c[1], c[2]] for c in cells]), start + 1)
    return i


def _ends_in_letter(text: str) -> bool:
    return bool(text) and text[-1].isascii() and text[-1].isalpha()


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


def _paragraph(lines: list[str], i: int, blocks: list[RawBlock], terminal: str = TERMINAL,
               wrap_min: int = WRAP_MIN_CHARS) -> int:
    """Lines joined while each one continues the text before it. The pieces are collected and
    joined once (a paragraph wrapped over thousands of lines stays linear); `join_wrapped`
    only looks at the two characters either side of a join."""
    start = i
    pieces = [lines[i].strip()]
    length, tail = len(pieces[0]), pieces[0][-TAIL_CHARS:]
    i += 1
    while i < len(lines):
        j = i
        if _blank(lines[j]):
            j += 1
        if j >= len(lines) or _blank(lines[j]) or "\t" in lines[j] or _pipe_row(lines[j]) \
                or _md_heading(lines[j]) is not None:
            break  # (a Markdown heading is never the wrapped end of the text above it)
        nxt = lines[j].strip()
        if not (_wraps_tail(length, tail, nxt, terminal, wrap_min) or _full_line_of_clauses(pieces, nxt, lines[j], lines[j - 1])) \
                or single_spaced.row_like(pieces[-1]) or single_spaced.row_like(nxt):
            break
        if _field_lines(pieces[-1], nxt):
            break  # (项目名称：…建设项目 ↵ 项目单位：…: a form's fields one a line, however long)
        if "  " in nxt and _spaced_cells(lines[j]) and _spaced_table_ahead(lines, j):
            break  # a table laid out with spaces starts here (a form's 项目资金 block under its caption)
        if len(join_wrapped(tail[-1:], nxt[:1])) > len(tail[-1:]) + len(nxt[:1]):
            nxt = " " + nxt  # two ASCII words
        pieces.append(nxt)
        length += len(nxt)
        tail = (tail + nxt)[-TAIL_CHARS:]
        i = j + 1
    blocks.append(RawBlock("para", text="".join(pieces), line=start + 1))
    return i


def _full_line_of_clauses(pieces: list[str], nxt: str, raw_next: str, raw_last: str) -> bool:
    """A line ending in ； as wide as the wrapped line before it (each set to the page's width, as a
    PDF's text export or a hard-wrapped file sets them): a list of clauses the width wrapped, going
    on unless the next line opens an item of its own (…其他收入45.60万元，占0.65%；↵上年结转…), is a
    table's caption, or stands indented far in from the text (a centred title). So is such a line
    ending on a word a title ends with (…各项支出的具体情况↵为：…): the width cut it, no title
    stands at the end of a wrapped paragraph."""
    indent = len(raw_next) - len(raw_next.lstrip()) - (len(raw_last) - len(raw_last.lstrip()))
    last = pieces[-1] if pieces else ""
    cut = last[-1:] in ("；", ";") or (last[-1:] not in TERMINAL and TITLE_NOTE_RE.sub("", last).endswith(TITLE_ENDINGS))
    return len(pieces) >= 2 and cut and not ITEM_START_RE.match(nxt) \
        and not CAPTION_RE.match(nxt) and indent <= CENTRED_INDENT \
        and _display_columns(pieces[-1])[-1] >= _display_columns(pieces[-2])[-1] - FULL_LINE_SLACK


CENTRED_INDENT = 8  # columns further in than the line before: a centred line, no wrapped text


FULL_LINE_SLACK = 2  # display columns a full line may fall short of the wrapped one before it (its last word kept whole)


def _field_lines(line: str, nxt: str) -> bool:
    """Two lines each of a field of a form (项目名称：X, 项目单位：Y): the first a value with no
    sentence's punctuation, the second opening on a label of its own, not words a wrap cut."""
    return FIELD_LINE_RE.match(line) is not None and FIELD_LINE_RE.match(nxt) is not None \
        and SENTENCE_MARKS.isdisjoint(line)


def wraps(text: str, nxt: str, terminal: str = TERMINAL) -> bool:
    """True when `nxt` continues `text`, cut by a line wrap (or, in a PDF, by a page break)."""
    return _wraps_tail(len(text), text[-TAIL_CHARS:], nxt, terminal)


def _wraps_tail(length: int, tail: str, nxt: str, terminal: str = TERMINAL, wrap_min: int = WRAP_MIN_CHARS) -> bool:
    """`_wraps` for a text of `length` characters whose last characters are `tail`."""
    # (a title's note in brackets after its ending, 监控报告（2025年1-6月）, ends it as well)
    if length < wrap_min or not tail or TITLE_NOTE_RE.sub("", tail).endswith(TITLE_ENDINGS):
        return False
    if tail[-1] in terminal and not _cut_number(tail, nxt):
        return False
    return not ITEM_START_RE.match(nxt)


def _cut_number(tail: str, nxt: str) -> bool:
    """A decimal number cut by the wrap after its point (…实际支出408.↵68万元): a point between
    digits is no full stop (Chinese prose ends its sentences with 。)."""
    return tail[-1] in ".．" and tail[-2:-1].isdigit() and nxt[:1].isdigit()


# (imported last, as a module: the single-spaced table reader builds on this module's readers)
from . import single_spaced  # noqa: E402
