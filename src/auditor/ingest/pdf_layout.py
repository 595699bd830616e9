"""One PDF page into blocks: its tables, and the text outside them read line by line.

Text outside table areas is grouped into lines by vertical overlap (a tolerant baseline, because
numbers are often set a little off the Chinese text), then wrapped lines are joined as for text
exports (`text.parse_lines`). A table that runs on over a page break is continued, not split.
"""
from __future__ import annotations

import re

from .build import CONTINUED_RE
from .cleanup import clean_text, join_wrapped
# (a page number alone on the first or last line of a page: furniture, dropped so that a table
# running on over the page break stays one table)
from .page_furniture import BROWSER_STAMP_RE, PAGE_NUMBER_RE, footer_key, furniture_like
from .pdf_columns import column_wrap_min, in_column_order
from .pdf_loose_tables import LooseTable, figure_words, loose_tables
from .pdf_tables import _X0, _extract, _PageShim
from .raw import RawBlock, RawCell
from .single_spaced import LOOSE_GAP_LINES, figures_line, furniture_gap, line_words
from .text import ITEM_START_RE, PDF_TERMINAL, WRAP_MIN_CHARS, parse_lines, wraps


SAME_LINE_OVERLAP = 0.5  # a char joins the line its box overlaps by half its height or more
REPEATED_HEADER_ROWS = 3  # header rows a table may print again at the top of each page


def _read_page(page, number: int, blocks: list[RawBlock], heads: list[str] | None = None,
               feet: list[str] | None = None) -> None:
    """`page`: a pdfplumber page (the reference reader: pdfplumber's own finder and
    extraction) or a `_PageShim` (the indexed equivalents in `pdf_tables`). `heads`, `feet`: the
    first and the last line of each page read so far, kept by the caller across the pages
    (running headers and footers)."""
    extract = _extract if isinstance(page, _PageShim) else (lambda table: table.extract())
    # (a box with a rule under each row and none between the columns is one cell a row to the table
    # finder: its rows' words, figures set apart, are read from their positions as a borderless table's)
    tables = [t for t in page.find_tables() if not _rows_without_columns(t, extract)]
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    char_lines = _char_lines(page.filter(outside).chars)
    texts = [_line_text(line[2]) for line in char_lines]
    loose = loose_tables(char_lines, [text for text, _ in texts], page.edges, page.bbox[2] - page.bbox[0], _line_text,
                         carry=_carried_columns(blocks, number))
    if loose:  # (tables drawn without vertical rules, read from their words' positions)
        used = set().union(*(table.lines for table in loose))
        char_lines, texts = [line for k, line in enumerate(char_lines) if k not in used], \
            [text for k, text in enumerate(texts) if k not in used]
        tables = sorted([*tables, *loose], key=lambda t: (t.bbox[1], t.bbox[0]))
    wrap_min = WRAP_MIN_CHARS
    if not tables:
        # (a page of text in two columns: the left one down, then the right: pdf_columns; a line of
        # a narrow column wraps shorter than one across the page)
        ordered = in_column_order(char_lines, page.bbox[0], page.bbox[2] - page.bbox[0])
        if ordered is not char_lines:
            char_lines, texts = ordered, [_line_text(line[2]) for line in ordered]
            wrap_min = column_wrap_min([text for text, _ in texts])
    # (a line of spaces only, an invisible character atop each page: no line of the page's text)
    text_lines = [(line[0], *text) for line, text in zip(char_lines, texts) if text[0].strip()]
    if feet is not None:
        _drop_running_footer(text_lines, number, blocks, feet)
    text_lines = _without_page_numbers(text_lines, feet)
    tables_bottom = max((t.bbox[3] for t in tables), default=None)
    notes = _foot_notes(text_lines, tables_bottom, _note_rule(page, tables_bottom))
    items = [(top, "text", text) for top, text, _ in text_lines[:len(text_lines) - len(notes)]]
    items += [(t.bbox[1], "table", t) for t in tables]
    if tables:
        items.sort(key=lambda item: (item[0], item[1]))  # (text alone is in reading order already)
    top = clean_text(items[0][2]).strip() if items and items[0][1] == "text" else ""
    lines_before = 0
    if top and (_repeats_page_head(top, heads) or (_table_next(items) and _running_header(blocks, number, top))):
        # page furniture above the text or a table that may run on from the page before (still
        # the page's first line, as its reader counts them)
        items, lines_before = items[1:], 1
    if heads is not None:
        heads.append(top)
    lead = next((k for k, item in enumerate(items) if item[1] == "table"), 0)
    if lead and _repeats_table_head(blocks, number, [clean_text(text) for _, _, text in items[:lead]]):
        # (the table's title and unit lines printed again atop the page, a spreadsheet's print
        # titles: the table the page before ended in goes on)
        items, lines_before = items[lead:], lines_before + lead
    pending: list[str] = []
    first_item = True
    for at, (top, kind, payload) in enumerate(items):
        if kind == "text":
            pending.append(clean_text(payload))
            continue
        _flush(pending, number, blocks, lines_before, continues=first_item, wrap_min=wrap_min)
        lines_before += len(pending)
        pending = []
        loose_table = isinstance(payload, LooseTable)
        rows = _table_rows(payload.grid if loose_table else extract(payload), number)
        took_in = False
        if rows:
            count, last = len(blocks), _last_of_flow(blocks)
            took_in = _add_table(blocks, rows, number, continues=first_item,
                                 columns=payload.columns if loose_table else tuple(sorted({cell[0] for cell in payload.cells})))
            if loose_table:
                _mark_loose_ends(blocks, count, last, items, at)
        # (the rows atop the page the table of the page before took in, a merged cell cut by the
        # break: the part right after them goes on with that table too)
        first_item = took_in and at + 1 < len(items) and items[at + 1][1] == "table"
    _flush(pending, number, blocks, lines_before, continues=first_item, wrap_min=wrap_min)
    if notes:
        lines_before += len(pending)
        at = len(blocks)
        _flush([clean_text(text) for _, text, _ in notes], number, blocks, lines_before)
        for block in blocks[at:]:
            block.foot_note = True


def _rows_without_columns(table, extract) -> bool:
    """A ruled table of one column whose rows hold two figures or more each, in two rows at least:
    rows ruled off with no rule between their columns, the columns to be read from the words."""
    if len({round(cell[0], 1) for cell in table.cells}) != 1 or len(table.cells) < MIN_FRAMED_ROWS:
        return False
    rows = extract(table)
    return sum(1 for row in rows if figure_words(" ".join(c or "" for c in row)) >= 2) >= MIN_FRAMED_ROWS


MIN_FRAMED_ROWS = 2


def _carried_columns(blocks: list[RawBlock], page: int) -> tuple:
    """The columns of a table read from word positions that ended the page before (its last
    rows may stand atop this page, too few to be a table of their own: 总分 | 100 | 99.50)."""
    last = _last_of_flow(blocks)
    if last is None or last.kind != "table" or not last.loose_ends or not last.loose_ends[1] \
            or last.rows[-1][0].page != page - 1:
        return ()
    return last.columns


def _mark_loose_ends(blocks: list[RawBlock], count: int, last: RawBlock | None, items: list, at: int) -> None:
    """A table read from word positions opening or closing the page's text (nothing but a line or
    two of furniture before or after it) may be a part of a table cut by the page break: marked
    as `single_spaced` marks a table of single-spaced rows (`RawBlock.loose_ends`), so that a part
    not joined to the rest is read as lines (`build`)."""
    def edge(others: list) -> bool:
        texts = [clean_text(item[2]).strip() for item in others if item[1] == "text"]
        return len(others) == len(texts) and len(texts) <= LOOSE_GAP_LINES and all(furniture_gap(t) for t in texts)

    ends = (edge(items[:at]), edge(items[at + 1:]))
    if len(blocks) > count:
        blocks[-1].loose_ends = ends
    elif last is not None and last.loose_ends:  # (joined to the table the page before ended in)
        last.loose_ends = (last.loose_ends[0], ends[1])


# characters of a line repeated at the top of pages that names the report's year or kind (2024年度,
# 部门决算公开): a line so short, printed atop two pages, is no paragraph's opening line
RUNNING_HEADER_MIN = 4


def _repeats_page_head(line: str, heads: list[str] | None) -> bool:
    """The page opens with a line an earlier page opened with, a line naming the report by its
    year or its kind (某区体育局2024年度部门决算, 某区体育局部门整体支出绩效自评报告): a running header. Dropped, so that a paragraph or a table cut
    by the page break goes on. Not a table's title repeated atop each page (项目支出绩效自评表,
    a contents entry spilling over: 财政拨款收入支出决算总表), a unit line (单位：万元), a
    numbered heading (第三部分 …) or a figure."""
    if not heads or line not in heads or len(line) < RUNNING_HEADER_MIN \
            or not (HEADER_YEAR_RE.search(line) or line.endswith(REPORT_ENDINGS)):
        return False
    return not any(ch in line for ch in "：:") and not line.endswith(("表", "）", ")")) \
        and not NUMBERED_HEAD_RE.match(line) and not PAGE_NUMBER_RE.match(line)


HEADER_YEAR_RE = re.compile(r"(?:19|20)\d\d\s*年")
REPORT_ENDINGS = ("报告", "决算", "预算", "公开", "说明")  # a report's name, no year printed with it
NUMBERED_HEAD_RE = re.compile(r"^\s*(?:第[一二三四五六七八九十]+[部章节]|[一二三四五六七八九十]+[、.．]"
                              r"|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")


def _repeats_table_head(blocks: list[RawBlock], page: int, lines: list[str]) -> bool:
    """The lines opening the page (before its first table) are those printed right above the
    table the page before ended in (表2 收入决算表 / 单位：万元, or the unit line alone)."""
    from ..knowledge import compact

    previous = _last_of_flow(blocks)
    if previous is None or previous.kind != "table" or previous.rows[-1][0].page != page - 1:
        return False
    at = next(k for k in range(len(blocks) - 1, -1, -1) if blocks[k] is previous)
    wanted, above = compact("".join(lines)), ""
    for block in reversed(blocks[max(0, at - len(lines)):at]):
        if block.kind == "table":
            return False
        above = compact(block.text) + above
        if len(above) >= len(wanted):
            return above == wanted
    return False


def _table_next(items: list[tuple]) -> bool:
    """After the page's first line comes a table, or a 续表 line and a table."""
    k = 2 if len(items) >= 3 and items[1][1] == "text" and CONTINUED_RE.match(clean_text(items[1][2])) else 1
    return len(items) > k and items[k][1] == "table"


def _running_header(blocks: list[RawBlock], page: int, line: str) -> bool:
    """The page opens with the line the page before opened with (a running header: 某中心2024年度
    部门决算) and that page ended in a table: the line is furniture, not a title between tables."""
    last = _last_of_flow(blocks)
    if last is None or last.kind != "table" or last.page != page - 1 or not line.strip():
        return False
    first = None
    for block in reversed(blocks):
        if block.page is None or block.page < page - 1:
            break
        first = block
    return first is not None and first.kind != "table" and first.text.strip() == line.strip()


def _without_page_numbers(lines: list[tuple[float, str]], feet: list[str] | None = None) -> list[tuple[float, str]]:
    """The page's text lines without a page number at the top or the bottom, alone or in a short
    line of furniture (共 18 页　第 7 页, 白沙县水利局　第 1 页, 第 1 页/共 2 页), and without a
    footer the page before ended with too (the report's name at every page's foot)."""
    keep = list(lines)
    # (a browser's stamp below the footer, file:///… 1/2, is no footer: the line above it is the foot)
    stamped = bool(keep) and BROWSER_STAMP_RE.match(clean_text(keep[-1][1]).strip()) is not None
    foot = -2 if stamped and len(keep) >= 2 else -1
    if feet is not None:
        feet.append(clean_text(keep[foot][1]).strip() if keep else "")
        if keep and len(feet) >= 2 and _alike_feet(feet[-1], feet[-2]) and furniture_like(feet[-1]):
            keep.pop(foot)
    for at in (-1, 0):  # (read as cleaned: 第 5 ⻚ 共 14 ⻚ is printed with a radical for 页)
        if keep and _page_number_line(clean_text(keep[at][1]).strip()):
            keep.pop(at)
    return keep


def _drop_running_footer(lines: list[tuple[float, str]], page: int, blocks: list[RawBlock], feet: list[str]) -> None:
    """The page before ended with the line this page ends with (its digits aside): a running
    footer, read as that page's last paragraph before it was known; taken out again, so that a
    table the page break cut goes on."""
    if not lines or not feet or not blocks:
        return
    text = clean_text(lines[-1][1]).strip()
    if BROWSER_STAMP_RE.match(text) and len(lines) >= 2:
        text = clean_text(lines[-2][1]).strip()  # (the footer above a browser's stamp, file:///… 2/2)
    last, before = blocks[-1], feet[-1]
    if not _alike_feet(text, before) or not furniture_like(text) or last.kind != "para" \
            or last.page != page - 1 or len(feet) != page - 1:
        return
    if _alike_feet(last.text.strip(), before):
        blocks.pop()
    elif not _page_number_line(before) and last.text.rstrip().endswith(before) and len(last.text.rstrip()) > len(before):
        # (the footer read as the last line of a paragraph the page break cut, 收入1,4 + 某局部门决算
        # 公开 1: taken off its end, so that the paragraph goes on with the next page's first words,
        # 19.44万元; a page's number alone was taken out of the page's lines as it was read)
        last.text = last.text.rstrip()[:-len(before)]


def _alike_feet(a: str, b: str) -> bool:
    """Two pages' last lines are one running footer: the same but for the page's number (a line
    that is the same on both, with no number, too: 某局2024年度部门决算公开)."""
    if a == b:
        return True
    key = footer_key(a)
    return key is not None and key == footer_key(b)


def _page_number_line(text: str) -> bool:
    stamp = BROWSER_STAMP_RE.match(text)
    # (a browser's stamp alone or beside the page's title, not a line of text opening on a date and
    # time: 2024/12/31 18:00前完成项目资金拨付1,200.00万元…)
    rest = text[stamp.end():].strip() if stamp else ""
    return bool(PAGE_NUMBER_RE.match(text)) or (furniture_like(text) and bool(PAGE_WORDS_RE.search(text))) \
        or (stamp is not None and (not rest or furniture_like(rest)))


# a page's number said in words inside a line (共 18 页　第 7 页, 某局　第 3 页, 第 1 页/共 2 页)
PAGE_WORDS_RE = re.compile(r"第\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页|(?<![\d-])[-—–－]\s*\d{1,4}\s*[-—–－](?![\d-])")


def _text_lines(chars) -> list[tuple[float, str, bool]]:
    """The lines of `_char_lines`, each as (top, text, whether it opens with a note mark)."""
    return [(line[0], *_line_text(line[2])) for line in _char_lines(chars)]


def _char_lines(chars) -> list[list]:
    """Group chars into lines by vertical overlap, not by a fixed tolerance on `top`:
    published PDFs set numbers several points off the baseline of the Chinese text. Each line as
    [top, bottom, chars] of its first char."""
    lines: list[list] = []  # [top, bottom, chars] of the line's first char
    for ch in sorted(chars, key=_line_order):
        top, bottom = ch["top"], ch["bottom"]
        height = max(bottom - top, 1.0)
        best, best_overlap = None, 0.0
        for line in lines[-4:]:
            overlap = min(line[1], bottom) - max(line[0], top)
            if overlap > best_overlap:
                best, best_overlap = line, overlap
        if best is not None and round(best_overlap, 3) >= round(SAME_LINE_OVERLAP * height, 3):
            best[2].append(ch)
        else:
            lines.append([top, bottom, [ch]])
    return lines


def _line_order(ch: dict) -> tuple:
    return round(ch["top"], 1), ch["x0"]


# A note mark (a Word footnote's reference, ¹ after 12.86): a digit set smaller than its line's
# text and raised above its baseline. Word sets superscripts at about two thirds of the size,
# a third of it up; digits in another font than the Chinese text may sit a point or two off the
# baseline (see _text_lines), but at the text's own size.
NOTE_MARK_SIZE = 0.8  # of the line's largest characters' size, at most
NOTE_MARK_RISE = 0.2  # of that size, its bottom above theirs at least


def _line_text(chars) -> tuple[str, bool]:
    """The line's text, with its note marks left out (a mark after a figure would be read as one
    more digit of it: 12.86⁴ as 12.864), and whether it opens with one (a footnote's first line)."""
    size = max(ch.get("size", 10) for ch in chars)
    base = max(ch["bottom"] for ch in chars if ch.get("size", 10) == size)
    parts, end, opens_with_mark = [], None, False  # end: where the last character kept or left out ends
    gaps: dict = {}  # size -> the gap beyond which a space is put in
    for ch in sorted(chars, key=_X0):
        if ch["text"].isdigit() and ch.get("size", 10) <= NOTE_MARK_SIZE * size \
                and ch["bottom"] <= base - NOTE_MARK_RISE * size:
            opens_with_mark = opens_with_mark or not parts
            end = ch["x1"] if end is None else max(end, ch["x1"])
            continue
        # compared at 0.001 pt: pdfium's coordinates are single precision, pdfminer's double
        if end is not None and parts:
            ch_size = ch.get("size", 10)
            gap = gaps.get(ch_size)
            if gap is None:
                gap = gaps[ch_size] = round(max(1.5, 0.25 * ch_size), 3)
            if round(ch["x0"] - end, 3) > gap:
                parts.append(" ")
        parts.append(ch["text"])
        end = ch["x1"]
    return "".join(parts), opens_with_mark


NOTE_RULE_WIDTH = 0.4  # of the page's width at most: a footnote separator, no table's rule or border
NOTE_RULE_MIN = 20.0  # points at least: no dash or underline of a few characters
# what a footnote opens with under its separator when its number is not set as a superscript
# (a note's number and its words, 1 执行数为… or 1. 执行数为…, right under the separator; not a year,
# 2024年…, nor a figure)
NOTE_START_RE = re.compile(r"^\s*(?:\d{1,2}(?![\d年月日,，%％])|[（(]\d{1,2}[）)]|[①-⑳*＊†]|注[：:\d])")
NOTE_FOOT = 2 / 3  # of a page's height: where its foot, and a page's footnotes, begin


def _note_rule(page, tables_bottom: float | None) -> float | None:
    """The top of the short rule that separates a page's footnotes from its text (Word's and
    LibreOffice's footnote separator, a third of the text's width at the left), below the page's
    tables; None when there is none."""
    width, height = page.bbox[2] - page.bbox[0], page.bbox[3] - page.bbox[1]
    # (on a page with no table, only a rule in the page's foot: one higher up underlines a line)
    lowest = tables_bottom if tables_bottom is not None else page.bbox[1] + NOTE_FOOT * height
    tops = [e["top"] for e in page.edges if e["orientation"] == "h"
            and NOTE_RULE_MIN <= e["width"] <= NOTE_RULE_WIDTH * width and e["top"] > lowest]
    return max(tops) if tops else None


def _foot_notes(lines: list[tuple[float, str, bool]], tables_bottom: float | None,
                rule_top: float | None) -> list[tuple[float, str, bool]]:
    """The page's last lines from the first note on (a Word footnote and its wrapped lines): a
    line opening with a note mark, or under the footnote separator opening as a note does (1 …,
    ① …), below the page's tables and after some other text or a table: printed at the page's
    foot, no part of the page's flow. [] when there are none."""
    below = [k for k, line in enumerate(lines) if tables_bottom is None or line[0] >= tables_bottom]
    # under the separator: the first line below it opens the notes (a rule with text between it and
    # a note is an underline, no separator; on a page with no table the rule stands in its foot)
    under = next((k for k in below if rule_top is not None and lines[k][0] > rule_top), None)
    if under is not None and NOTE_START_RE.match(clean_text(lines[under][1])):
        return lines[under:] if under else []
    # a line opening with a superscript mark, the notes from it to the page's foot
    start = next((k for k in below if lines[k][2]), None)
    if start is None or start == 0:
        return []
    return lines[start:]


def _last_of_flow(blocks: list[RawBlock]) -> RawBlock | None:
    """The last block of the pages' own flow, past the notes at the foot of the page before."""
    return next((block for block in reversed(blocks) if not block.foot_note), None)


def _flush(lines: list[str], page: int, blocks: list[RawBlock], lines_before: int = 0,
           continues: bool = False, wrap_min: int = WRAP_MIN_CHARS) -> None:
    """`lines_before`: the page's text lines above these (a run of text after a table goes on
    counting the page's lines: 第N行 is the Nth line of text on the page, tables not counted).
    `continues`: the lines open the page, so their first paragraph may go on with the page
    before's last one, cut by the page break as a line is cut by a wrap (…满分100分，其中：决策15分、
    过程25↵[page break]分、产出30分…): it is joined to it, and stays where it started."""
    if not lines:
        return
    new = parse_lines(lines, PDF_TERMINAL, wrap_min)
    last = _last_of_flow(blocks)
    if continues and new and new[0].kind == "para" and last is not None and last.kind == "para" \
            and last.page == page - 1 and wraps(last.text, new[0].text, PDF_TERMINAL) \
            and not figures_line(last.text[-80:]) and not figures_line(new[0].text.split("\n")[0][:200]):
        last.text = join_wrapped(last.text, new.pop(0).text)
    for block in new:
        block.page = page
        if block.line is not None:
            block.line += lines_before
        for row in block.rows:
            for cell in row:
                cell.page = page
                if cell.line is not None:
                    cell.line += lines_before
        blocks.append(block)


def _table_rows(grid: list[list[str | None]], page: int) -> list[list[RawCell]]:
    rows = []
    for row in grid:
        cells = []
        for value in row:
            text = ""
            for part in (value or "").split("\n"):
                text = join_wrapped(text, clean_text(part).strip())
            cells.append(RawCell(text, page=page))
        if not any(c.text for c in cells):
            continue
        if rows and _wrapped_rest(rows[-1], cells):
            col = next(k for k, c in enumerate(cells) if c.text)
            rows[-1][col].text = join_wrapped(rows[-1][col].text, cells[col].text)
            continue
        rows.append(cells)
    return rows


def _wrapped_rest(above: list[RawCell], row: list[RawCell]) -> bool:
    """The row is the rest of a name the cell above wrapped, read as a row of its own (小学教育（含义务
    教育阶段课后服务补 | 助）): its one cell closes the bracket the cell above it left open, in the
    same column, and the row above states figures."""
    filled = [k for k, c in enumerate(row) if c.text]
    if len(filled) != 1 or len(above) != len(row):
        return False
    name, rest = above[filled[0]].text, row[filled[0]].text
    opened = name.count("（") + name.count("(") - name.count("）") - name.count(")")
    return opened > 0 and ("）" in rest or ")" in rest) and not any(ch.isdigit() for ch in rest) \
        and any(any(ch.isdigit() for ch in c.text) for k, c in enumerate(above) if k != filled[0])


def _names_a_subject(row: list[RawCell]) -> bool:
    """A row opening a form of its own: its first words are a subject cell (项目名称, concepts.yaml)."""
    from ..knowledge import compact, concepts

    first = next((compact(c.text) for c in row if c.text.strip()), "")
    return first in {compact(w) for w in concepts().get("subject_cells") or ()}


def _add_table(blocks: list[RawBlock], rows: list[list[RawCell]], page: int, continues: bool,
               columns: tuple = ()) -> bool:
    """True when the rows went on with the table of the page before."""
    if continues:
        rows = _cut_row_taken_back(blocks, rows, page)
    previous = _last_of_flow(blocks)
    if continues and previous is not None and previous.kind == "table" and previous.rows[-1][0].page in (page - 1, page) \
            and len(previous.rows[0]) != len(rows[0]) and len(rows) <= ORPHAN_ROWS:
        # a last row or two alone atop the next page (总分 | 100 | 97.80), its merged cells making
        # it narrower: the table's own rows when each cell starts at one of the table's columns
        widened = _widened(rows, columns, previous.columns, len(previous.rows[0]))
        if widened is not None:
            previous.rows.extend(widened)
            return True
    before = _before_continued_lines(blocks, page) if continues else None
    if before is not None and before.rows[-1][0].page == page - 1 and len(before.rows[0]) != len(rows[0]):
        # a part whose columns line up with the table's, one part missing a column the other has
        # (a merged cell hiding a rule, a column blank on one page): both laid out in all of them
        # (past a 续表 line, the parts are joined by `build.join_continued_tables`)
        rows = _realigned(before, rows, columns)
    if continues and previous is not None and previous.kind == "table" \
            and previous.rows[-1][0].page in (page - 1, page) and len(previous.rows[0]) == len(rows[0]):
        # the header repeated on the new page (one row, or the first few rows of a spanning header)
        repeated, top = 0, _header_above(previous.rows, rows[0])
        while repeated < min(REPEATED_HEADER_ROWS, len(rows) - 1, len(previous.rows) - top) \
                and [c.text for c in rows[repeated]] == [c.text for c in previous.rows[top + repeated]] \
                and (top == 0 or _words_only(rows[repeated])):
            # (a header found lower in the table above repeats as far as its rows of words go: the
            # data rows after it are the page's own, however alike)
            repeated += 1
        repeated = repeated or _repeated_rewrapped(previous.rows, rows, top)
        # a form naming its own subject (项目名称 | 乙项目) is another table of the same width
        if repeated or not _names_a_subject(rows[0]):
            rest = rows[repeated:]
            if rest and previous.rows[-1][0].page == page - 1 and _page_cut_rest(previous.rows[-1], rest[0]):
                # (a row the page break cut: its cells' rest atop the new page goes back into them)
                for above, cell in zip(previous.rows[-1], rest[0]):
                    if cell.text.strip():
                        above.text = join_wrapped(above.text, cell.text)
                rest = rest[1:]
            previous.rows.extend(rest)
            return True
    blocks.append(RawBlock("table", rows=rows, page=page, columns=columns))
    return False


PAGE_CUT_REST_CHARS = 6  # a cell's rest a page break carried over is a few characters (费, 收入, 月底前)


def _page_cut_rest(last: list[RawCell], first: list[RawCell]) -> bool:
    """The first row atop the new page holds the rest of the cells the page break cut in the last row
    of the page before (1、公务用车购置及运行维护 | 8.10 | … ↵ 费 | | …; 项目实施时 | 2023年12 ↵ 限 | 月):
    words only, a few characters each, each under a filled cell of that row, opening no item or list
    of its own (一、, 其中)."""
    from ..facts.lexicon import lexicon

    filled = [k for k, c in enumerate(first) if c.text.strip()]
    if not filled or len(last) != len(first) or any(not last[k].text.strip() for k in filled):
        return False
    texts = [first[k].text.strip() for k in filled]
    return not any(_figure(t) or len(t) > PAGE_CUT_REST_CHARS for t in texts) \
        and not ITEM_START_RE.match(texts[0]) and not texts[0].startswith(tuple(lexicon().list_openers))


def _repeated_rewrapped(above: list[list[RawCell]], rows: list[list[RawCell]], top: int) -> int:
    """How many rows of words open the part that repeat the header above wrapped otherwise (科目编 /
    码 over the first page's rows, 科目编码 on the next): each column's words over those rows, read
    together, are the header's over its rows; 0 when no such rows do."""
    def heads(part: list[list[RawCell]]) -> list[str]:
        return ["".join(row[c].text for row in part).replace(" ", "") for c in range(len(part[0]))]

    if not _words_only(rows[0]):
        return 0
    for n in range(min(REPEATED_HEADER_ROWS, len(rows) - 1), 0, -1):
        # (the rows after the first may hold a head's wrapped rest alone: 一级指 / 标)
        if any(_figure(c.text) for row in rows[1:n] for c in row):
            continue
        for m in range(1, REPEATED_HEADER_ROWS + 1):
            header = above[top:top + m]
            if len(header) < m or not _words_only(header[-1]):
                break
            if heads(header) == heads(rows[:n]):
                return n
    return 0


def _header_above(rows: list[list[RawCell]], first: list[RawCell]) -> int:
    """Where the header row a page's part opens with stands in the table above: its first row, or
    a header row lower down (a form's 一级指标 | 二级指标 | … under its 项目名称 and funds rows), a
    row of words only, the same cell for cell; 0 if none."""
    texts = [c.text for c in first]
    if not _words_only(first):
        return 0
    return next((k for k, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if [c.text for c in row] == texts), 0)


def _words_only(row: list[RawCell]) -> bool:
    """Two cells or more with text, none a figure: a header row's make."""
    texts = [c.text for c in row]
    return sum(bool(t) for t in texts) >= 2 and not any(_figure(t) for t in texts)


def _figure(text: str) -> bool:
    return bool(FIGURE_CELL_RE.fullmatch(text.strip()))


FIGURE_CELL_RE = re.compile(r"[-+]?[\d,，.]+\s*%?")
HEADER_SEARCH_ROWS = 40  # rows of a table above its page break a repeated header row is looked for in
ORPHAN_ROWS = 2  # rows of a table alone on the next page that may be its own last ones
COLUMN_TOLERANCE = 2.0  # points between a cell's start and the column it starts in (ruling jitter)


def _widened(rows: list[list[RawCell]], columns: tuple, table_columns: tuple, width: int) -> list[list[RawCell]] | None:
    """The rows laid out in the table's columns: each cell under the column it starts at, the
    columns it spans left blank; None unless every cell starts at one of the table's columns."""
    if not columns or len(table_columns) != width or len(columns) != len(rows[0]):
        return None
    if isinstance(columns[0], tuple) and not isinstance(table_columns[0], tuple):
        columns = _ranges_as_starts(columns, table_columns)  # (a part read from word positions under a ruled table)
    if columns is None or isinstance(columns[0], tuple) != isinstance(table_columns[0], tuple):
        return None
    at = [next((k for k, x in enumerate(table_columns) if _same_column(x, start)), None) for start in columns]
    if any(k is None for k in at) or len(set(at)) != len(at):
        return None
    widened = []
    for row in rows:
        cells = [RawCell("", page=row[0].page) for _ in range(width)]
        for k, cell in zip(at, row):
            cells[k] = cell
        widened.append(cells)
    return widened


def _before_continued_lines(blocks: list[RawBlock], page: int) -> RawBlock | None:
    """The table the page's flow goes on from, right before or before 续表 lines atop this page."""
    k = len(blocks)
    while k and blocks[k - 1].kind == "para" and blocks[k - 1].page == page and CONTINUED_RE.match(blocks[k - 1].text):
        k -= 1
    previous = _last_of_flow(blocks[:k])
    return previous if previous is not None and previous.kind == "table" and previous.rows else None


def _realigned(table: RawBlock, rows: list[list[RawCell]], columns: tuple) -> list[list[RawCell]]:
    """`rows` laid out in the columns of both the table and the part they come in (`columns`),
    the table's rows too, when every column of each lines up with one of the union's (ruled
    tables: cell starts within COLUMN_TOLERANCE; tables read from word positions: x-ranges that
    overlap one column each); `rows` as they were otherwise."""
    union = _column_union(table.columns, columns)
    if union is None:
        return rows
    merged, old_at, new_at = union
    table.rows = [_spread(row, old_at, len(merged)) for row in table.rows]
    table.columns = tuple(merged)
    return [_spread(row, new_at, len(merged)) for row in rows]


def _cut_row_taken_back(blocks: list[RawBlock], rows: list[list[RawCell]], page: int) -> list[list[RawCell]]:
    """A row of the table of the page before read as a line between its parts, the rules around it
    cut by the page break: atop this page (a merged 一级指标 cell going on: 指标16 4 4.00 above the
    page's ruled rows), or below the ruled rows of the page before, its bottom rule printed on this
    page (210 卫生健康支出 67.86 67.86): its cells in the columns a row of the table with as many cells
    of the same kinds fills (code, name, figures), else its figures under the last columns and its
    words before them. Atop this page the line is its rows' first; below the page before's rows it
    is that table's last, on its own page (a header repeated atop this page still read as one)."""
    if len(blocks) < 2 or blocks[-1].kind != "para" or blocks[-1].page not in (page - 1, page) \
            or blocks[-2].kind != "table" or not blocks[-2].rows or blocks[-2].rows[-1][0].page != page - 1:
        return rows
    line = blocks[-1].text
    words, width = line_words(line), len(rows[0])
    if not figures_line(line) or len(words) > width or len(blocks[-2].rows[0]) != width:
        return rows
    at = _filled_like(blocks[-2].rows, words)
    below = blocks[-1].page != page  # (below the ruled rows of the page before, not atop this one)
    if at is None and below:
        return rows  # (there only a line laid out as a row of the table is one)
    line_page = blocks.pop().page
    cells = [""] * width
    for k, text in zip(at or range(width - len(words), width), words):
        cells[k] = text
    row = [RawCell(text, page=line_page) for text in cells]
    if below:
        # (the table's last row, on its own page: a header repeated atop this page still reads as one)
        blocks[-1].rows.append(row)
        return rows
    return [row, *rows]


def _filled_like(rows: list[list[RawCell]], words: list[str]) -> list[int] | None:
    """The columns of the last row of the table (below its header) filling as many cells as there
    are words, each a figure where the word is one: where the words go; None if no row does."""
    kinds = [_figure(w) for w in words]
    found = None
    for row in reversed(rows[1:]):
        filled = [k for k, c in enumerate(row) if c.text.strip()]
        if len(filled) != len(words) or [_figure(row[k].text) for k in filled] != kinds:
            continue
        # (of such rows, one whose codes are as long: 210 under 类, not 01 under 项)
        if all(len(row[k].text.strip()) == len(w) for k, w in zip(filled, words) if w.isdigit()):
            return filled
        found = found or filled
    return found


def _ranges_as_starts(ranges: tuple, starts: tuple) -> tuple | None:
    """Words' x-ranges as the starts of the ruled columns they stand in (each within one column:
    after its start, before the next one's), or None where one does not."""
    out = []
    for left, right in ranges:
        k = next((k for k in range(len(starts) - 1, -1, -1) if starts[k] <= left + COLUMN_TOLERANCE), None)
        if k is None or (k + 1 < len(starts) and right > starts[k + 1] + COLUMN_TOLERANCE):
            return None
        out.append(starts[k])
    return tuple(out)


def _same_column(a, b) -> bool:
    """Two columns of one kind are one: cell starts (ruled tables) within COLUMN_TOLERANCE, x-ranges
    (tables read from word positions) overlapping."""
    if isinstance(a, tuple):
        return a[0] < b[1] + COLUMN_TOLERANCE and b[0] < a[1] + COLUMN_TOLERANCE
    return abs(a - b) <= COLUMN_TOLERANCE


def _column_union(old: tuple, new: tuple):
    """(the union's columns, where each old one goes, where each new one goes), or None when the
    two do not line up."""
    if not old or not new or isinstance(old[0], tuple) != isinstance(new[0], tuple):
        return None
    same = _same_column
    if isinstance(old[0], tuple):
        def join(a, b):
            return (min(a[0], b[0]), max(a[1], b[1]))
    else:
        def join(a, b):
            return a
    merged: list = []
    old_at, new_at = [], []
    i = j = 0
    while i < len(old) or j < len(new):
        if i < len(old) and j < len(new) and same(old[i], new[j]):
            if (i + 1 < len(old) and same(old[i + 1], new[j])) or (j + 1 < len(new) and same(old[i], new[j + 1])):
                return None  # (a column over two of the other's: no line-up)
            merged.append(join(old[i], new[j]))
            old_at.append(len(merged) - 1)
            new_at.append(len(merged) - 1)
            i, j = i + 1, j + 1
        elif j >= len(new) or (i < len(old) and _start(old[i]) < _start(new[j])):
            merged.append(old[i])
            old_at.append(len(merged) - 1)
            i += 1
        else:
            merged.append(new[j])
            new_at.append(len(merged) - 1)
            j += 1
    # (each part keeps most of its columns matched: two tables side by side by chance do not)
    if len(merged) > max(len(old), len(new)) + min(len(old), len(new)) // 2:
        return None
    return merged, old_at, new_at


def _start(column) -> float:
    return column[0] if isinstance(column, tuple) else column


def _spread(row: list[RawCell], at: list[int], width: int) -> list[RawCell]:
    if len(row) != len(at):
        return row
    cells = [RawCell("", page=row[0].page) for _ in range(width)]
    for k, cell in zip(at, row):
        cells[k] = cell
    return cells
