"""Turn raw blocks from any reader into the document model: headings, sentences, tables."""
from __future__ import annotations

import re
from dataclasses import replace
from collections import Counter
from functools import lru_cache

from ..facts.lexicon import alternatives
from ..facts.numbers import (FULLWIDTH, RANGE_JOINER, TABLE_NUMBER, arabic_years, char_pairs, cn_to_int, count_word,
                             is_column_numbers, replace_chars)
from ..knowledge import concepts, note_lead_re, report_type_entry, vocabulary, vocabulary_generation
from ..model import Document, Heading, Location, Paragraph, Sentence, Table, block_location, grid_cell
from .page_furniture import PAGE_MARK_RE
from .raw import PAGE_BREAK, TABLE_LINE_RE, RawBlock, RawCell, cell_figure

NUMBERING = [
    # style, pattern, level
    ("part", re.compile(r"^\s*第([一二三四五六七八九十]+)部分"), 0),
    # (a chapter's number stands apart from its title: 第三章规定… opens a sentence citing a law's chapter)
    ("chapter", re.compile(r"^\s*第([一二三四五六七八九十]+)章(?=[\s：:]|$)"), 0),
    ("cn", re.compile(r"^\s*([一二三四五六七八九十]+)\s*、"), 1),
    ("paren_cn", re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]"), 2),
    ("arabic", re.compile(r"^\s*(\d{1,2})\s*(?:、|[.．](?!\d))"), 3),
    ("paren_arabic", re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[）)]"), 4),
    ("circled", re.compile(r"^\s*([①-⑳])"), 5),
]
# style -> level, outermost first: one table for the readers and the rules
NUMBERING_LEVELS = {style: level for style, _, level in NUMBERING}
SENTENCE_RE = re.compile(r"[^。！？；!?;]*[。！？；!?;]?")
UNIT_RE = re.compile(r"(?:金额)?单位\s*[:：]\s*(亿元|万元|千元|元)|[（(]\s*(亿元|万元|千元|元)\s*[）)]")
YEAR_RE = re.compile(r"(20\d\d)\s*年\s*度")
# a line numbering a table and naming nothing (公开04表, 附表2, 表3-1, （决算公开表05）)
TABLE_CODE = r"[（(]?[\u4e00-\u9fff]{0,4}?(?:表\s*[0-9０-９]{1,3}|[0-9０-９]{1,3}\s*表)(?:\s*[-－—]\s*\d{1,3})?[）)]?"
TABLE_CODE_RE = re.compile(rf"^\s*{TABLE_CODE}\s*$")
# …beside a field on its line (部门：某局　公开01表)
TABLE_CODE_AFTER_RE = re.compile(rf"\s{TABLE_CODE}\s*$")
# a title without 度 (某局2025年部门决算): a year not followed by a month or a day
# (not a date, 2024年6月; a table's head 2024年 before a tab and the next column's digits is a year)
TITLE_YEAR_RE = re.compile(r"(20\d\d)\s*年(?![^\S\t]*\d|\s*[底末初])")
# a stock's date (截至2024年底): with no 年度 and no year in the title, the year reported on, before
# any other plain year of the opening (2027年全面建成: a plan's)
YEAR_END_RE = re.compile(r"截[至止]\s*(20\d\d)\s*年\s*(?:底|末|12\s*月\s*31\s*日)")
# a title's year of a part of it (2025年1—6月…监控报告, 2024年1-8月): the report's year as well
YEAR_SPAN_RE = re.compile(r"(?P<start>(?:19|20)\d\d)\s*年?\s*" + RANGE_JOINER + r"\s*(?P<end>(?:19|20)\d\d)\s*年度?")
PART_YEAR_RE = re.compile(r"(20\d\d)\s*年\s*\d{1,2}\s*月?\s*[-—–~～至到]\s*\d{1,2}\s*月")
BRACKETED_RE = re.compile(r"[（(][^（）()]*[）)]")


def title_year(title: str) -> re.Match | None:
    """The TITLE_YEAR_RE match of a title's own year. A year closing or opening a span
    (某工程项目（2022—2025年）2024年度…自评报告: the project's period) is none; one in brackets
    comes after those outside (…报告（2024年度） still names its year when no other stands), and a
    20XX年度 before a plain 20XX年 (the report-type words follow the 年度); else the first."""
    spans = [m.span() for m in YEAR_SPAN_RE.finditer(title)]
    brackets = [m.span() for m in BRACKETED_RE.finditer(title)] if "（" in title or "(" in title else []

    def inside(m: re.Match, ranges: list) -> bool:
        return any(a <= m.start() < b for a, b in ranges)
    found = [m for m in TITLE_YEAR_RE.finditer(title) if not inside(m, spans)]
    # (sorted is stable: among equals the first in the title)
    ranked = sorted(found, key=lambda m: (inside(m, brackets), not YEAR_RE.match(title, m.start())))
    return ranked[0] if ranked else None


# what right after a number may make it the first of a pair of numbers, not an item's (一、二季度,
# 1、2月份, （1）（2）项): the number after it of its script, then a noun such pairs count by
# (vocabulary.yaml number_pair_nouns: 二、三公经费 and 2、3个项目 are items)
NUMBER_PAIR_RE = {"cn": re.compile(r"\s*([一二三四五六七八九十]+)"),
                  "arabic": re.compile(r"\s*(\d+)(?![\d.．])"),
                  "paren_arabic": re.compile(r"\s*[（(]\s*(\d+)\s*[）)]"),
                  "paren_cn": re.compile(r"\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]")}


def opens_number_pair(text: str) -> bool:
    """Whether the numbering opening the text may be the first of a pair of numbers instead
    (一、二季度, 2、3个项目, 二、三级医院): the next number of its script right after it. Which it
    is, the list around it tells (see kinds/numbering.py)."""
    found = numbering_of(text)
    if found is None or found[2] is None:
        return False
    token, style, value, _ = found
    pair = NUMBER_PAIR_RE.get(style)
    m = pair.match(text, text.find(token) + len(token)) if pair is not None else None
    return m is not None and count_word(m.group(1)) == value + 1 \
        and text[m.end():].lstrip().startswith(tuple(vocabulary().get("number_pair_nouns") or ()))


# the characters a NUMBERING token opens with, after its spaces: one test tells most texts (a
# sentence, a cell) open with none, before the six patterns are tried
NUMBERING_START_RE = re.compile(r"\s*[第一二三四五六七八九十（(\d①-⑳]")


def numbering_of(text: str) -> tuple[str, str, int | None, int] | None:
    if NUMBERING_START_RE.match(text) is None:
        return None
    for style, pattern, level in NUMBERING:
        m = pattern.match(text)
        if m:
            raw = m.group(1)
            if style in ("arabic", "paren_arabic"):
                value = int(raw)
            elif style == "circled":
                value = ord(raw) - ord("①") + 1
            else:
                value = cn_to_int(raw)
            return m.group(0).strip(), style, value, level
    return None


SECTION_CHARS = 40  # the characters of a heading a location names its section by
LONG_SENTENCE = 600  # longer than any real sentence met (the corpora peak near 330 characters)
PIECE = 300
CLAUSE_BREAK_RE = re.compile(r"[，,、：:\s]")


def split_sentences(text: str) -> list[str]:
    """Sentences end at 。！？；; a "sentence" longer than LONG_SENTENCE characters (table-like
    text without punctuation, a run-on export) is cut at the last clause break before every
    PIECE characters, so that no sentence, and no rule working sentence by sentence, grows
    with the document."""
    out = []
    for s in SENTENCE_RE.findall(text):
        if not s.strip():
            continue
        if len(s) <= LONG_SENTENCE:
            out.append(s)
        else:
            out.extend(p for p in _pieces(s) if p.strip())
    return out


def _pieces(sentence: str) -> list[str]:
    pieces, start = [], 0
    while len(sentence) - start > PIECE:
        window = sentence[start + PIECE // 2:start + PIECE]
        breaks = [m.end() for m in CLAUSE_BREAK_RE.finditer(window)]
        cut = start + PIECE // 2 + breaks[-1] if breaks else start + PIECE
        pieces.append(sentence[start:cut])
        start = cut
    pieces.append(sentence[start:])
    return pieces


# a line opening an annex: 附件 and its number, alone or before the annex's title (not 详见附件1。)
ANNEX_RE = re.compile(r"^\s*(?:附件|附表)\s*[\d一二三四五六七八九十]+\s*(?:[:：、.．]\s*)?[^。；;，,]{0,40}$")


# a line ending in a figure with decimals set off by a space: a table row read as text (an
# unruled table in a PDF: 1.因公出国（境）费 0.00 0.00), no title
SPACED_FIGURE_END_RE = re.compile(r"\s[-−]?\d[\d,]*\.\d+\s*$")


def _row_of_figures_beside(numbered: tuple, after: RawBlock | None) -> bool:
    """The numbered line is one side of a two-sided table read as text lines: the line after it
    bears the same number and figures (二、政府性基金预算财政拨 over 二、卫生健康支出 77.58 77.58, its
    label wrapped): a row's label, no heading of the report's outline."""
    from .single_spaced import figures_line

    if after is None or after.kind == "table":
        return False
    other = numbering_of(after.text.strip())
    return other is not None and other[0] == numbered[0] and figures_line(after.text)


def _is_heading(body: str) -> bool:
    """Short, unpunctuated text after a numbering token; a numbered sentence is a list item."""
    body = body.strip()
    return 0 < len(body) <= 40 and not body.endswith(("。", "；", ";")) and "。" not in body \
        and "，" not in body and not SPACED_FIGURE_END_RE.search(body)


def _run_in_heading(body: str, numbered: tuple, after: RawBlock | None, before: str, titles: dict) -> bool:
    """A numbered title closed by 。 (（二）部门整体支出规模、使用方向和主要内容等。): one short clause
    without figures or commas (as _is_heading reads a title), and what follows is its body,
    unnumbered text, or items of a deeper numbering. Its style's first (（一）) decides for the rest
    (`titles`: style -> whether its first was a title): a list's last item is followed by text too,
    and a list a sentence announces (主要职能有以下3项：) holds items, not titles. A list item closed
    by 。 is followed by its next sibling (1.…。 2.…。)."""
    body, style, value, level = body.strip(), numbered[1], numbered[2], numbered[3]
    if not (0 < len(body) <= 40 and body.endswith("。") and body.count("。") == 1
            and not re.search(r"[，,；;：:\d]", body)) or after is None or after.kind == "table":
        return False
    following = numbering_of(after.text.strip())
    title = following is None or following[3] > level
    if value == 1:
        titles[style] = title and not before.rstrip().endswith(("：", ":"))
    return title and titles.get(style, False)


def build_document(path: str, raw_blocks: list[RawBlock]) -> Document:
    notes = list(getattr(raw_blocks, "notes", ()))  # (what the reader could not read: RawBlocks)
    raw_blocks = _with_running_header(raw_blocks)
    raw_blocks = join_continued_tables([block for raw in raw_blocks for block in _title_rows_as_lines(_meta_row_as_line(raw))])
    blocks = []
    section = None
    table_index = 0
    sheet = None
    following = [next((b for b in raw_blocks[k + 1:k + 4] if b.kind == "table" or b.text.strip()), None)
                 for k in range(len(raw_blocks))]  # (the next block that says anything)
    titles: dict[str, bool] = {}  # numbering style -> whether its first item closed by 。 was a title
    listed: dict[str, bool] = {}  # numbering style -> whether its list, a sentence announced, opened with an item
    before = ""  # the last paragraph read right before
    tabled: set[str] = set()  # the sheets whose first table is read
    for at, raw in enumerate(raw_blocks):
        if raw.sheet != sheet:
            section, sheet = None, raw.sheet  # a workbook's sheet opens under no heading of another's
        loc = block_location(path, raw.line, raw.paragraph, raw.page, raw.sheet, section)
        if raw.kind == "table":
            table_index += 1
            table = _table(raw, loc, table_index, blocks, raw.sheet is not None and raw.sheet not in tabled)
            table.unit = table.unit or _note_unit(following[at])
            blocks.append(table)
            tabled.add(raw.sheet)
            continue
        text = raw.text.strip()
        if not text:
            continue
        numbered = numbering_of(text)
        first = numbered is not None and numbered[2] == 1
        if first:
            titles.pop(numbered[1], None)  # (a new list of that style: its first decides again)
        if numbered and _row_of_figures_beside(numbered, following[at]):
            numbered = None  # a row's label, its number the table's own: no item of the outline
        # (a later item of a list a sentence announced is an item: see `listed` below)
        heading = raw.kind == "heading" or (numbered and (first or not listed.get(numbered[1])) and (
            _is_heading(text[len(numbered[0]):]) or _run_in_heading(text[len(numbered[0]):], numbered,
                                                                    following[at], before, titles)))
        if first:
            titles.setdefault(numbered[1], bool(heading))
            # (a list a sentence announces, 开展了以下三项工作：, whose first item is one: its later
            # items are items too, however short, 一、…，派驻专家 ↵ 二、…，培训… ↵ 三、完成升级改造)
            listed[numbered[1]] = not heading and before.rstrip().endswith(("：", ":"))
        before = "" if heading else text  # (a sentence announcing a list, not a heading ending in ：)
        if heading:
            token, style, value, level = numbered or ("", "", None, raw.level or 1)
            if raw.kind == "heading" and not numbered:
                level = raw.level if raw.level is not None else 1
            blocks.append(Heading(text, loc, token, style, value, level))
            section = text[:SECTION_CHARS]
            continue
        if _pager_line(text):
            continue  # (上一篇：某局2023年度部门决算: the site's link to another page, nothing of this one)
        if ANNEX_RE.match(text):
            # “附件 1”, “附件2：项目支出绩效自评表”: what follows is the annex's, not the last heading's
            section = text[:SECTION_CHARS]
            loc = block_location(path, raw.line, raw.paragraph, raw.page, raw.sheet, section)
        fields = _field_pieces(text)
        if fields:
            # (a web page's line of fields about itself: each field a paragraph of its own, so no
            # count of one, 浏览：1290次, opens a list in the next, 来源：民政局)
            blocks.extend(Paragraph(field, loc, [Sentence(part, loc) for part in split_sentences(field)]) for field in fields)
            continue
        para = Paragraph(text, loc, [Sentence(s, loc) for s in split_sentences(text)])
        noted = None if numbered else note_lead_re().match(text)
        if noted:
            # (注：1.本表反映…: the note's first item, its number after the label; a second table's
            # note opening so starts its list again, no repeat of the last note's 2.)
            numbered = numbering_of(text[noted.end():])
        if numbered:
            para.token, para.style, para.value = numbered[0], numbered[1], numbered[2]
        elif _goes_on(blocks[-1] if blocks else None, para):
            blocks[-1].text += text  # (…年末实有人员52人。¶其中在编人员38人…: one paragraph, each sentence its own line)
            blocks[-1].sentences.extend(para.sentences)
            continue
        blocks.append(para)
    doc = Document(path, blocks, notes=notes)
    doc.meta = infer_meta(doc)
    return doc


# a line between a table and its continuation on the next page: 续表1, （续表）, （续）
# (its table's number may come first: 表2（续）, 表2（续表）; its name may follow)
CONTINUED_RE = re.compile(r"^\s*(?:" + TABLE_NUMBER + r"\s*)?"
                          r"(?:续表\s*[\d一二三四五六七八九十]*|[（(]\s*续(?:表)?\s*[\d一二三四五六七八九十]*\s*[）)])"
                          r"\s*(?:[:：]?\s*[^。；;，,]{0,30})?$"
                          # (or the title repeated with the mark after it, and its unit: 表3 支出决算表（续）,
                          # 表5 …决算表（续表）（单位：万元）)
                          r"|^\s*(?:" + TABLE_NUMBER + r"\s*)?[^。；;，,（(]{1,30}[（(]\s*续(?:表)?\s*[）)]"
                          r"\s*(?:[（(]?\s*(?:金额)?单位\s*[:：][^）)]{0,8}[）)]?)?\s*$"
                          # (or the first part's notice of it: （续表见下页）, 转下页, 续下页; or the second
                          # part's: 接上表, （接上页）)
                          r"|^\s*[（(]?\s*(?:续表|续)?\s*[见转接续]下页\s*[）)]?\s*$"
                          r"|^\s*[（(]?\s*(?:接|续)上[表页]\s*[）)]?\s*$"
                          # (or the table's number with the mark right after it, 表1续, 表1续表: not 表3续建项目…)
                          r"|^\s*" + TABLE_NUMBER + r"\s*续表?(?![\u4e00-\u9fa5])(?:[\s:：]+[^。；;，,]{0,30})?\s*$")


def join_continued_tables(raw_blocks: list[RawBlock]) -> list[RawBlock]:
    """A table a page break cut in two, read back as one: the second part on the next page, as
    many columns wide, with only a 续表 line (or nothing) between them, and either that line or the
    first part's header row repeated on top (dropped). Rows keep their own pages."""
    out: list[RawBlock] = []
    for raw in raw_blocks:
        if raw.kind == "table" and raw.rows:
            out.extend(_continued_rows_as_lines(raw))  # (then read as the lines between, below)
            k = len(out)
            said = units = paged = False
            caption = _caption_before_table(out)
            # (blank paragraphs between say nothing either way; a page break a word processor marks,
            # PAGE_BREAK, or a page's number printed in a page without pages, 第 3 页 共 8 页 in an
            # .html export, says where the page ended; the first part's caption printed again over
            # the rest says nothing more than its header repeated does)
            recaptioned = meta = False
            while k and out[k - 1].kind != "table" and (CONTINUED_RE.match(out[k - 1].text or "")
                                                         or _unit_line(out[k - 1].text) or not (out[k - 1].text or "").strip()
                                                         or PAGE_MARK_RE.match(out[k - 1].text or "")
                                                         or caption and (out[k - 1].text or "").strip() == caption
                                                         or _code_and_unit(out[k - 1].text)):
                said = said or bool(CONTINUED_RE.match(out[k - 1].text or ""))
                # (the form's number and unit printed again under 续表, 公开03表　单位：万元: the first part's)
                meta = meta or _code_and_unit(out[k - 1].text)
                units = units or _unit_line(out[k - 1].text) or meta
                paged = paged or out[k - 1].text == PAGE_BREAK or bool(PAGE_MARK_RE.match(out[k - 1].text or ""))
                recaptioned = recaptioned or bool(caption) and (out[k - 1].text or "").strip() == caption
                k -= 1  # (the 续表 lines between, and the unit line repeated under them)
            if recaptioned and not paged or meta and not said:
                # (the caption again with no page ended between: a copy of the table, no rest of it;
                # a form's number line with no 续表 line: another form's, however alike its header)
                k = len(out)
            previous = out[k - 1] if k else None
            # (a unit line alone between two tables says nothing of their being one; under a 续
            # line, or under the caption again, it must be the first part's own)
            # (the header repeated may be any header row of the first part: a form's indicator header
            # under its 项目名称 and fund rows)
            # (a workbook's table goes on on another sheet only under a 续表 line: 表2续 under 表2; two
            # sheets' tables alike are otherwise two units' or two years' forms)
            same_sheet = previous is not None and (previous.sheet == raw.sheet or said)
            repeated = previous is not None and previous.kind == "table" and bool(previous.rows) \
                and _header_repeated(raw.rows[0], previous.rows) and same_sheet
            # (right after a page break, a part opening with a row of figures has no header of
            # its own: the rest of the table above, its header not repeated)
            # (a table read from single-spaced rows closing its page, and one opening the next: a
            # page break between them, as a form feed marks it)
            cut = previous is not None and previous.kind == "table" and bool(previous.loose_ends) \
                and bool(raw.loose_ends) and previous.loose_ends[1] and raw.loose_ends[0]
            rest = (paged or cut) and headless(raw.rows[0])
            # (in a format without pages, the header row repeated over it says it is the rest too)
            if previous is not None and previous.kind == "table" and previous.rows \
                    and (said or recaptioned or not units) and (not units or _same_unit(out, k - 1, out[k:])) \
                    and _width(previous) == _width(raw) and same_sheet \
                    and _next_page(previous, raw, said or repeated or rest):
                if (said or repeated or rest) and not _copy_of(raw.rows, previous.rows):
                    _mark_part(raw, previous)
                    if raw.sheet != previous.sheet:
                        for row in raw.rows:
                            for cell in row:
                                cell.sheet = raw.sheet  # (its rows stand on their own sheet)
                    previous.rows.extend(raw.rows[_repeated_rows(raw.rows, previous.rows):] if repeated else raw.rows)
                    if previous.loose_ends and raw.loose_ends:
                        previous.loose_ends = (previous.loose_ends[0], raw.loose_ends[1])
                    del out[k:]
                    continue
        out.append(raw)
    return _loose_parts_as_lines([b for b in out if not (b.kind == "para" and b.text == PAGE_BREAK)])


def numbering_row(row) -> bool:
    """A 栏次 row (栏次 | | 1 | 2 | 3) numbering a header's columns: no row of figures
    (facts.numbers.is_column_numbers, the labels it may carry being concepts.yaml not_figure_columns)."""
    return is_column_numbers([c.text.strip() for c in row], tuple(concepts().get("not_figure_columns") or ()))


def _copy_of(rows, first) -> bool:
    """The part's first row of figures is a row of the first part's again: a copy of the table
    (printed twice, 续表 or not), no rest of it."""
    # (a 栏次 row repeated with the header, 1 | 2 | 3 …, is no row of figures)
    own = next((row for row in rows if headless(row) and not numbering_row(row)), None)
    return own is not None and any([c.text for c in own] == [c.text for c in row] for row in first)


def _mark_part(rest: RawBlock, first: RawBlock) -> None:
    """The rows of a table's rest that count their rows anew (a Word table's 续表: RawCell.row from
    1 again) are marked as its next part, so that 第N行 names the part it counts in."""
    if not rest.rows or not first.rows or rest.rows[0][0].row is None or first.rows[-1][0].row is None:
        return
    part = (first.rows[-1][0].part or 1) + 1
    for row in rest.rows:
        for cell in row:
            cell.part = part


def _caption_before_table(blocks: list[RawBlock]) -> str:
    """The line right above the last table of `blocks` (its caption, if any), looked for back over at
    most CAPTION_GAP blocks after the table: "" where there is none."""
    for k in range(len(blocks) - 1, max(len(blocks) - CAPTION_GAP, 0) - 1, -1):
        if blocks[k].kind == "table":
            # (a unit line under the caption is read as such: the caption is the line above it;
            # a 续表 line is no caption)
            j = k - 1
            # (so is a form's number and unit line, 公开03表　单位：万元)
            while j >= 0 and blocks[j].kind == "para" and (_unit_line(blocks[j].text) or _code_and_unit(blocks[j].text)) \
                    and k - j <= CAPTION_GAP:
                j -= 1
            above = (blocks[j].text or "").strip() if j >= 0 and blocks[j].kind == "para" else ""
            return "" if _unit_line(above) or CONTINUED_RE.match(above) else above
    return ""


CAPTION_GAP = 6  # blocks between two parts of a table: a page's number, its caption again, 续表, a unit line


def _continued_rows_as_lines(raw: RawBlock) -> list[RawBlock]:
    """A part's own first rows that only say it goes on or give its unit, each one cell across the
    table (a merged row 续表1, （续）, 单位：万元 over the header repeated): lines above it, as
    if printed between the parts, so its header or data opens it. `raw.rows` loses them; one row
    at least is kept."""
    lines = []
    for row in raw.rows[:min(TITLE_ROWS, len(raw.rows) - 1)]:
        texts = [c.text.strip() for c in row if c.text.strip()]
        if len(texts) != 1 or not (CONTINUED_RE.match(texts[0]) or _unit_line(texts[0])):
            break
        lines.append(RawBlock("para", text=texts[0], line=row[0].line if row[0].line is not None else raw.line,
                              paragraph=raw.paragraph, page=row[0].page or raw.page, sheet=raw.sheet))
    if lines and not any(CONTINUED_RE.match(b.text) for b in lines):
        return []  # (a unit row alone atop a table is its title rows' business: _title_rows_as_lines)
    raw.rows = raw.rows[len(lines):]
    return lines


def _loose_parts_as_lines(blocks: list[RawBlock]) -> list[RawBlock]:
    """A table read from rows set apart by single spaces (`loose_ends`) that a page break cut and
    that could not be joined to its other part (a page's furniture not recognised between them)
    is a part of a table: read as a whole, its total would be checked against some of its rows.
    Such a part, opening or closing the page's text next to more rows of figures, is read as
    lines, one a row, as it would be without the table."""
    out: list[RawBlock] = []
    for at, block in enumerate(blocks):
        ends = block.loose_ends if block.kind == "table" else None
        if ends and ((ends[0] and _rows_beside(blocks, at, -1)) or (ends[1] and _rows_beside(blocks, at, 1))):
            out += [RawBlock("para", text=" ".join(c.text for c in row if c.text), line=row[0].line,
                             page=row[0].page) for row in block.rows if any(c.text for c in row)]
            continue
        out.append(block)
    return out


def _rows_beside(blocks: list[RawBlock], at: int, step: int) -> bool:
    """Whether a table, or a line of a table's row, lies next to block `at` in direction `step`,
    past at most LOOSE_GAP_LINES short lines of furniture."""
    from .single_spaced import LOOSE_GAP_LINES, figures_line, furniture_gap

    k, gap = at + step, 0
    while 0 <= k < len(blocks):
        block = blocks[k]
        if block.kind == "table" or figures_line(block.text):
            return True
        if gap >= LOOSE_GAP_LINES or not furniture_gap(block.text):
            return False
        k, gap = k + step, gap + 1
    return False


REPEATED_HEADER_SEARCH = 12  # rows atop a table's first part a header repeated over its rest may be


def _header_repeated(row, rows) -> bool:
    """The row repeats one of the first part's header rows: a row of words, no figure, the same
    texts as a row near its top."""
    texts = _texts(row)
    return bool(texts) and not headless(row) and any(_texts(r) == texts for r in rows[:REPEATED_HEADER_SEARCH])


def _repeated_rows(rows, first_part) -> int:
    """How many rows the repeated header has (one, or the rows under it that repeat the first
    part's next header rows too: a two-level header printed again under 续表), keeping one row."""
    texts = _texts(rows[0])
    top = next(k for k, r in enumerate(first_part[:REPEATED_HEADER_SEARCH]) if _texts(r) == texts)
    count = 1
    while count < min(REPEATED_HEADER_ROWS, len(rows) - 1) and top + count < len(first_part) \
            and _texts(rows[count]) == _texts(first_part[top + count]) and not headless(rows[count]):
        count += 1
    return count


REPEATED_HEADER_ROWS = 3  # header rows a 续表 part may print again (a header of three levels)


def headless(row) -> bool:
    """A table's part opening with a row of its data, no header: a cell of it a figure alone (20,
    96.5%, a dash for none; not a year, 2023 | 2024 heading columns), its first words no field of a
    form (项目名称 | … | 项目编码 | 430100240001 opens a form of its own)."""
    from ..knowledge import compact, concepts

    texts = [c.text.strip() for c in row if c.text.strip()]
    if not texts or compact(texts[0]) in {compact(w) for w in concepts().get("subject_cells") or ()}:
        return False
    return any(cell_figure(t, dashes=True) for t in texts)





def _code_and_unit(text: str | None) -> bool:
    """A line of a form's number and its unit only (公开03表　单位：万元), as printed again under 续表."""
    if not text or not UNIT_SEGMENT_RE.search(text):
        return False
    return TABLE_CODE_RE.match(UNIT_SEGMENT_RE.sub("", text).strip(" \u3000")) is not None


def _unit_line(text: str | None) -> bool:
    """A line that is a unit only (单位：万元), as repeated over a table's continuation."""
    return bool(text) and UNIT_SEGMENT_RE.fullmatch(text.strip()) is not None


def _next_page(first: RawBlock, second: RawBlock, said: bool = False) -> bool:
    """The second block starts on the page after the one the first ends on; with a 续 line said
    between them, in a format without pages (.md, .docx) too."""
    last = next((c.page for c in reversed(first.rows[-1]) if c.page), first.page)
    start = next((c.page for c in second.rows[0] if c.page), second.page)
    if last is None or start is None:
        return said
    # (past a 续表 line, the rest may start a page further on, a blank page between: nothing but the
    # 续表 and unit lines stands between the parts, join_continued_tables reads them)
    return start == last + 1 or said and start > last


def _same_unit(out: list[RawBlock], table_at: int, between: list[RawBlock]) -> bool:
    """The unit lines between a table and its continuation (a form's number and unit, 公开03表　单位：
    万元, too) state the unit the lines above the table state (编制单位：某局　单位：万元 there, 单位：
    万元 under 续表: both 万元)."""
    def unit_of(text: str | None) -> str | None:
        found = UNIT_SEGMENT_RE.search(text or "")
        return re.sub(r"[\s（()）]|金额|单位|[:：]", "", found.group()) if found else None

    above = next((unit_of(b.text) for b in reversed(out[max(0, table_at - 3):table_at])
                  if b.kind != "table" and unit_of(b.text)), None)
    units = {unit_of(b.text) for b in between if _unit_line(b.text) or _code_and_unit(b.text)}
    return above is not None and units == {above}


def _width(raw: RawBlock) -> int:
    return max(len(row) for row in raw.rows)


def _texts(row) -> list[str]:
    return [re.sub(r"\s+", "", c.text) for c in row]


def _table(raw: RawBlock, loc: Location, index: int, before: list, first_on_sheet: bool = False) -> Table:
    loc = loc.with_(table=index)
    rows = []
    line, page = loc.line, loc.page  # the table's, for cells that give none
    for r, raw_row in enumerate(_header_levels(raw.rows), start=1):
        rows.append([grid_cell(c.text, loc if c.sheet is None else loc.with_(sheet=c.sheet), r, k, c.line or line,
                               c.page or page, c.row, c.part)
                     for k, c in enumerate(raw_row, start=1)])
    table = Table(index, rows, loc)
    # the lines right above it, back to the table or the sheet before (a unit line above another
    # table, or on another sheet, is that table's)
    # (the lines that only number the table, say its unit or fill in a field, 公开05表, 编制单位：某局,
    # 单位：元, are passed over: a title may stand above several of them)
    prev, lines = [], 0
    for b in reversed(before[-TITLE_REACH_BLOCKS:]):
        if isinstance(b, Table) or b.loc.sheet != loc.sheet or lines == TITLE_REACH_LINES:
            break
        prev.insert(0, b)
        lines += not _table_meta_line(b.text)
    # a table's code line (公开04表, 附表2) numbers it and names nothing: the title is above it
    # (公开04表　单位：万元: a code line with the unit beside it names nothing either)
    titles = [_without_unit(b.text) for b in prev if len(b.text) <= 80 and len(b.text) > 3
              and not _is_sentence(b.text) and not _field_line(b.text)]
    titles = [t for t in titles if t and not TABLE_CODE_RE.match(t)]
    named = [t for t in titles if "表" in t]
    if named or titles:
        table.title = (named or titles)[-1]
    elif first_on_sheet:
        table.title = sheet_title(loc.sheet)
    table.unit = _table_unit(table, prev)
    return table


def _header_levels(rows: list[list[RawCell]]) -> list[list[RawCell]]:
    """A header of two levels flattened into one row with a slash (收入/项目 | 收入/决算数 | 支出/项目 |
    支出/决算数, as a Markdown or CSV export writes a merged head): its two rows again, the group
    over its columns (收入 | 收入 | 支出 | 支出), the columns' own heads under it. Only where every
    head of the row is so written and some group spans two columns or more (not 预算数/决算数 alone)."""
    if not rows:
        return rows
    paths = [FLATTENED_HEAD_RE.fullmatch(c.text.strip()) if c.text.strip() else None for c in rows[0]]
    written = [p for c, p in zip(rows[0], paths) if c.text.strip()]
    groups = [p.group(1) for p in written if p is not None]
    if len(written) < 2 or None in written or len(set(groups)) == len(groups):
        return rows
    above = [replace(c, text=p.group(1).strip(), row=c.row or 1) if p else c for c, p in zip(rows[0], paths)]
    below = [replace(c, text=p.group(2).strip() if p else "", row=c.row or 1) for c, p in zip(rows[0], paths)]
    # (the rows below keep the numbers the source shows them by: 第N行 as the file counts)
    return [above, below, *([replace(c, row=c.row or r) for c in row] for r, row in enumerate(rows[1:], start=2))]


# a head written as its group and its own name (收入/项目): no digits (1/2, 2024/2025), short parts
FLATTENED_HEAD_RE = re.compile(r"([^/／\d]{1,8}?)\s*[/／]\s*([^/／\d]{1,12})")


def sheet_title(name: str | None) -> str:
    """A sheet's name as the title of its first table, where no line above the table titles it: a
    finance system's export names each sheet after its table (收入支出决算总表, 表5 一般公共预算财政拨款
    支出决算表) and prints only the table's code and unit in the cells (公开05表, 单位：万元). A name
    with 表 and words of its own reads so; not one that only numbers a table (表3, 公开03表, 附表二)
    nor a spreadsheet's default name (Sheet1, 工作表; vocabulary.yaml default_sheet_names): "" then."""
    text = re.sub(r"\s+", "", name or "")
    if "表" not in text or TABLE_CODE_RE.match(CN_DIGIT_RE.sub("1", text)) \
            or re.sub(r"[\d０-９]+$", "", text) in _default_sheet_names(vocabulary_generation()):
        return ""
    words = re.sub(r"[^\u4e00-\u9fff]|表", "", CN_DIGIT_RE.sub("", text))
    return name.strip() if len(words) >= SHEET_TITLE_WORDS else ""


CN_DIGIT_RE = re.compile(r"[一二三四五六七八九十零〇]")
# the characters besides 表 and the numbering a sheet's name needs to name a table (三公经费表; not 附表)
SHEET_TITLE_WORDS = 2


@lru_cache(maxsize=4)
def _default_sheet_names(generation: int) -> frozenset[str]:
    return frozenset(vocabulary().get("default_sheet_names") or ())


TITLE_REACH_LINES = 3  # the lines above a table its title may stand in, not counting meta lines
TITLE_REACH_BLOCKS = 8  # …and with them
def _field_line(text: str) -> bool:
    """A line filling in a field (编制单位：某局, 项目负责人：张三, 评价机构：某所): it titles no
    table. A line naming a table or an annex (附件：…评分表; vocabulary.yaml title_labels) does."""
    m = FIELD_LINE_RE.match(text)
    # (表 in what is filled in names a table; in the field's own name, 填表人, it does not; nor in
    # the table's code printed at the line's end, 部门：某局　公开01表)
    return m is not None and "表" not in TABLE_CODE_AFTER_RE.sub("", text[m.end(1):]) \
        and not m.group(1).startswith(_title_labels(vocabulary_generation()))


def _pager_line(text: str) -> bool:
    """A web page's link to the article before or after it (上一篇：…, 下一条：…)."""
    return _pager_re(vocabulary_generation()).match(text) is not None


def _field_pieces(text: str) -> list[str] | None:
    """The fields of a web page's line of fields about the page (发布时间：2025-06-24　浏览：1290次
    来源：民政局); None for any other line (two such fields at least make one)."""
    if len(text) > FIELD_LINE_CHARS:
        return None
    starts = [m.start(1) for m in _page_field_re(vocabulary_generation()).finditer(text)]
    if len(starts) < 2 or text[:starts[0]].strip():
        return None  # (two fields at least, the first opening the line: no report's sentence)
    return [text[a:b].strip(" \u3000|｜") for a, b in zip([0, *starts[1:]], [*starts[1:], len(text)])
            if text[a:b].strip(" \u3000|｜")]


FIELD_LINE_CHARS = 120  # a web page's line of fields about itself is short; a longer line is prose


@lru_cache(maxsize=4)
def _pager_re(generation: int) -> re.Pattern:
    return re.compile(r"^\s*(?:" + alternatives(vocabulary().get("pager_cues")) + r")\s*[:：]")


@lru_cache(maxsize=4)
def _page_field_re(generation: int) -> re.Pattern:
    """A field's label: at the line's start or after a space, closed by a colon."""
    return re.compile(r"(?:^|[\s|｜])(" + alternatives(vocabulary().get("page_field_labels")) + r")\s*[:：]")


@lru_cache(maxsize=4)
def _title_labels(generation: int) -> tuple[str, ...]:
    return tuple(vocabulary().get("title_labels") or ())


FIELD_LINE_RE = re.compile(r"^\s*([\u4e00-\u9fff]{1,8})\s*[:：]\s*\S")


def _meta_row_as_line(raw: RawBlock) -> RawBlock:
    """A one-row table of a table's code, field and unit cells only (公开07表 | 金额单位：万元, laid
    out in a web page's grid): a line above the table it is of, not a table."""
    if raw.kind != "table" or len(raw.rows) != 1:
        return raw
    texts = [c.text.strip() for c in raw.rows[0] if c.text.strip()]
    if not texts or not all(_table_meta_line(t) for t in texts):
        return raw
    return RawBlock("para", text="\u3000".join(texts), line=raw.line, paragraph=raw.paragraph, page=raw.page,
                    sheet=raw.sheet)


def _title_rows_as_lines(raw: RawBlock) -> list[RawBlock]:
    """A table's title and unit printed in its own first rows, each one cell across the table (a web
    page's or a Word table's merged row: 表1 收支预算总表 | 单位：万元): lines above the table, as a
    sheet's title rows are, so the table has its title and its header is its first row."""
    if raw.kind != "table" or len(raw.rows) < 3:
        return [raw]
    lines, taken = [], 0
    for row in raw.rows[:TITLE_ROWS]:
        texts = [c.text.strip() for c in row if c.text.strip()]
        if len(texts) >= 2 and TABLE_CODE_RE.match(texts[0]) and TABLE_LINE_RE.search(texts[1]) \
                and not _table_meta_line(texts[1]):
            texts = [f"{texts[0]} {texts[1]}", *texts[2:]]  # (表1 | 2023年部门收支预算总表 | 单位：万元: one title)
        # (the title and, in another cell of its row, its unit or code: 表2 …决算表 | | 单位：万元)
        if not texts or not TABLE_LINE_RE.search(texts[0]) or not all(_table_meta_line(t) for t in texts[1:]):
            break
        # (each cell a line of its own: the title, then its code or unit, which _table passes over)
        lines.extend(RawBlock("para", text=text, line=row[0].line if row[0].line is not None else raw.line,
                              paragraph=raw.paragraph, page=row[0].page or raw.page, sheet=raw.sheet) for text in texts)
        taken += 1
    if not lines or len(raw.rows) - taken < 2:
        return [raw]
    raw.rows = raw.rows[taken:]
    return [*lines, raw]


TITLE_ROWS = 3  # rows atop a table that may hold its title, its code and its unit


def _table_meta_line(text: str) -> bool:
    """A line that only numbers a table, states its unit or fills in a field."""
    return bool(TABLE_CODE_RE.match(text) or _field_line(text) or not _without_unit(text) and UNIT_RE.search(text))


UNIT_SEGMENT_RE = re.compile(r"[（(]?\s*(?:金额)?单位\s*[:：]\s*(?:亿元|万元|千元|元)\s*[）)]?|[（(]\s*(?:亿元|万元|千元|元)\s*[）)]")


def _without_unit(text: str) -> str:
    """A line as a table's title: itself without a unit; a line stating the unit is a title only
    when, the unit taken out, it names a table (表5　一般公共预算财政拨款支出决算表（单位：万元））
    or leads into it (项目支出明细如下（单位：万元）：),
    not when it is the unit line (编制单位：某局　单位：万元; 部门：某局　公开03表)."""
    if not UNIT_RE.search(text):
        return text
    lead_in = text.rstrip().endswith(("：", ":"))  # 项目支出明细如下（单位：万元）：
    rest = UNIT_SEGMENT_RE.sub("", text).strip(" \u3000：:")
    fields = TABLE_NUMBER_RE.sub("", rest)  # (表四：… : the colon after a table's number is no field's)
    return rest if ("表" in rest or lead_in) and not LABELLED_RE.search(fields) and len(rest) > 3 else ""


LABELLED_RE = re.compile(r"[：:]")  # 部门：某局　2023年度公开03表: the unit line's fields, no title
TABLE_NUMBER_RE = re.compile(r"^\s*" + TABLE_NUMBER + r"\s*[：:]")


def _is_sentence(text: str) -> bool:
    """Prose before a table (“……自评得分为93.50分，评价等级为优。”) is no title: a title is a
    name, not a finished sentence. A lead-in ending in ：(“……支出情况如下：”) still names the table,
    unless sentences come before it (“本次评价设置4个一级指标…。具体评分如下表：”): prose."""
    text = text.rstrip()
    return text.endswith(("。", "；", ";")) or "。" in text[:-1]


# a note right under a table stating its unit (注：本表金额单位为元。, 备注：单位：万元, 说明：以万元为单位)
NOTE_UNIT_RE = re.compile(r"[^。]*?(?:(?:金额)?单位\s*(?:[:：]|为|是)\s*(亿元|万元|千元|元)|以\s*(亿元|万元|千元|元)\s*为单位)")


def _note_unit(after) -> str | None:
    """The unit a note right under a table states (see NOTE_UNIT_RE), where no line above it does:
    a note by its label (vocabulary.yaml note_labels: 注：, 备注：, 附注：)."""
    if after is None or after.kind == "table":
        return None
    lead = note_lead_re().match(after.text or "")
    m = NOTE_UNIT_RE.match(after.text, lead.end()) if lead else None
    return (m.group(1) or m.group(2)) if m else None


def _goes_on(before, para: Paragraph) -> bool:
    """A paragraph opening with a word that goes on with the statement before it (其中, 分别为:
    concepts.yaml paragraph_continuations) right after a paragraph whose last sentence states one
    figure (年末实有人员52人。), on the same sheet: the rest of that paragraph (the figure's parts, its
    items), read with it. After a sentence of two figures (本年支出…，年初预算为…。) which one the
    parts are of is the new paragraph's to say, read on its own."""
    if not (isinstance(before, Paragraph) and before.loc.sheet == para.loc.sheet and before.sentences
            and before.text.rstrip().endswith("。") and para.text.lstrip().startswith(_continuations(vocabulary_generation()))):
        return False
    last = DATE_WORDS_RE.sub("", _ascii_digits(before.sentences[-1].text))
    return len(FIGURE_RE.findall(last)) == 1


# a year or a date, no figure (2024年度, 截至12月31日)
DATE_WORDS_RE = re.compile(r"(?:19|20)\d\d\s*年度?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:[底末])?|\d{1,2}\s*日")
FIGURE_RE = re.compile(r"\d[\d,，]*(?:\.\d+)?")


@lru_cache(maxsize=1)
def _continuations(generation: int) -> tuple[str, ...]:
    return tuple(concepts().get("paragraph_continuations") or ())


def _table_unit(table: Table, prev: list) -> str | None:
    # the table's own first rows, then the lines above it, nearest first
    texts = [c.text for row in table.rows[:4] for c in row] + [b.text for b in reversed(prev[-2:])]
    for text in texts:
        m = UNIT_RE.search(text)
        if m:
            return m.group(1) or m.group(2)
    return None


def _with_running_header(raw_blocks: list[RawBlock]) -> list[RawBlock]:
    """A Word file's running header atop its first page (kind page_header, see docx_reader) read
    as its opening paragraphs where the body's opening lines name no report with its year (第一部分
    部门概况 first: the header's 某局2023年度部门决算说明 is the title); else left out, the body's
    own title standing (a header naming a series, 2025年度部门决算, is no line of it)."""
    header = [b for b in raw_blocks if b.kind == "page_header"]
    if not header:
        return raw_blocks
    body = [b for b in raw_blocks if b.kind != "page_header"]
    if any(b.kind != "table" and TITLE_YEAR_RE.search(_ascii_digits(b.text)) and _title_line(b.text)
           for b in body[:TITLE_SEARCH_BLOCKS]):
        return body  # (a title line with its year opens the body: the header is no line of it)
    # (its lines naming a kind of report: a header's figures, 本年支出合计950.00万元, are no title)
    return [RawBlock("para", text=b.text) for b in header if _report_type(b.text)] + body


def title_block(doc: Document):
    """The block that is the report's title: the first, unless it names no kind of report (a site's
    menu, 目录, 附件2, the unit's name alone); then the first of the opening blocks that names a kind
    of report with its year (a title line), else one naming a kind, else the first. Kept on the
    document (read by the meta, the facts and several rules)."""
    kept = doc.__dict__.get("_title_block")
    if kept is None:
        kept = doc.__dict__["_title_block"] = (_find_title(doc.blocks),)
    return kept[0]


def _find_title(blocks: list):
    first = blocks[0] if blocks and not isinstance(blocks[0], Table) else None
    if first is not None and len(blocks) > 1 and not isinstance(blocks[1], Table) \
            and _extends(blocks[1].text.strip(), first.text.strip()):
        # (a page's running header, 某局2024年度部门决算, over the title it shortens, 某局2024年度
        # 部门决算情况说明: the title is the longer)
        return blocks[1]
    if first is None or (_report_type(first.text) and not navigation_line(first.text)):
        return first
    # (not a numbered heading or a contents entry: 二、2023年度…整改情况, 第二部分…; not a site's
    # path to the page: 当前位置：首页 > … > 部门决算)
    lines = [b for b in blocks[1:TITLE_SEARCH_BLOCKS] if not isinstance(b, Table) and not navigation_line(b.text)
             and _title_line(b.text)]
    return next((b for b in lines if TITLE_YEAR_RE.search(b.text)), lines[0] if lines else first)


def _title_line(text: str) -> bool:
    """A line a title may be: short, no sentence, naming a kind of report, no numbered heading nor
    a part's (二、2023年度…整改情况, 第二部分…)."""
    line = text.strip()
    return len(line) <= TITLE_LINE_CHARS and not _is_sentence(line) and bool(_report_type(line)) \
        and numbering_of(line) is None and not PART_HEADING_RE.match(line)


def _extends(line: str, first: str) -> bool:
    """The line is the first line with more words after it, a title line still (short, no sentence)."""
    return len(line) > len(first) > 0 and line.startswith(first) and len(line) <= TITLE_LINE_CHARS \
        and not _is_sentence(line)


def _title_goes_on(doc: Document) -> bool:
    """The line after the title may be the rest of it (a title broken over two lines: 执行情况的报告):
    short, no sentence, no numbered heading."""
    title = title_block(doc)
    if title is None:
        return False
    at = next((k for k, b in enumerate(doc.blocks) if b is title), None)
    after = doc.blocks[at + 1] if at is not None and at + 1 < len(doc.blocks) else None
    if after is None or isinstance(after, Table):
        return False
    text = after.text.strip()
    return 0 < len(text) <= TITLE_TAIL_CHARS and not _is_sentence(text) and numbering_of(text) is None


TITLE_TAIL_CHARS = 20  # the rest of a title broken over two lines is a few words


def navigation_line(text: str) -> bool:
    """A website's path to the page (当前位置：首页 > 政务公开 > 部门决算; 首页»信息公开»预决算): it
    names the kind of page, not the report. Opened by one of vocabulary.yaml navigation_openers,
    or three or more short steps joined by arrows."""
    compact = "".join(text.split())  # str.split() splits where \s matches (str.isspace): re.sub(r"\s+", "", …), no regex call
    return compact.startswith(tuple(vocabulary().get("navigation_openers") or ())) or bool(NAV_PATH_RE.search(compact))


NAV_PATH_RE = re.compile(r"^[^。；，>＞»›]{1,12}(?:[>＞»›][^。；，>＞»›]{1,16}){2,}$")  # (首页>政务公开>预决算)
PART_HEADING_RE = re.compile(r"第[一二三四五六七八九十\d]+部分")
TITLE_SEARCH_BLOCKS = 8  # a title stands among the opening lines (after a menu, 目录 or 附件 line)
TITLE_LINE_CHARS = 60  # …and is a line this short, no sentence


# the full-width digits (and hyphen: 1－6月) of numbers.FULLWIDTH, its punctuation left as printed
ASCII_DIGITS = {k: v for k, v in FULLWIDTH.items() if chr(k).isdigit() or chr(k) == "－"}
# (as pairs: str.translate looks up every character of a Chinese text, a miss at a time; see replace_chars)
ASCII_DIGIT_PAIRS = char_pairs(ASCII_DIGITS)


def _ascii_digits(text: str) -> str:
    return arabic_years(replace_chars(text, ASCII_DIGIT_PAIRS))  # (二〇二四年度 too)


def infer_meta(doc: Document) -> dict:
    # (years read in ASCII digits: a report printing ２０２４年度 is of 2024; its punctuation as printed)
    # (a site's path to the page, 当前位置：首页 > 部门决算, names no kind, unit or year of the report)
    texts = [_ascii_digits(b.text if not isinstance(b, Table) else b.text_start(400)) if isinstance(b, Table)
             or not navigation_line(b.text) else "" for b in doc.blocks[:60]]
    head, wider = " ".join(texts[:12]), " ".join(texts)
    # the year of the opening lines' 20XX年度 (the title's and the body's: where they disagree, the
    # title is the odd one out); else the title's own year; last, the years the opening lines name
    # without 年度 (2023年全年预算…; not a date: 2024年3月). A plan (vocabulary.yaml title_year_first)
    # takes its title's year before all: its body cites last year's 2024年度 outturn.
    title = _ascii_digits(title_block(doc).text) if title_block(doc) is not None else ""
    # (a span of years in the title, 项目（2023-2025年）, is the project's period, not the report's year)
    plain_title = YEAR_SPAN_RE.sub("", title)
    title_years = Counter((TITLE_YEAR_RE.findall(plain_title) or PART_YEAR_RE.findall(plain_title))[:1])
    # (a plan named by its title lines only, 某工程 / 专项债券项目实施方案: vocabulary.yaml title_only)
    titled = _report_type(_title_lines(doc.blocks, texts), title_only=True)
    title_type = _report_type(title)
    kind = title_type or titled
    title_first = bool(report_type_entry(kind).get("title_year_first"))
    first = title_years if title_first else Counter()
    # (a title naming a kind of report with a plain 20XX年 casts its vote first, as the opening lines'
    # 年度 do: 丰源县2024年…自评报告 over a form's lone （2023年度）)
    voted = title_years if not YEAR_RE.search(title) else Counter()
    # (under a title naming its year plainly, a table's column heads cast no vote: 2023年度归属母公司
    # 净利润 is the base of a 2024 figure, a prior-year column names last year; a title's 20XX年度
    # is weighed against the whole opening, tables too, so that a slip in it is outvoted)
    voting = " ".join(t for b, t in zip(doc.blocks[:12], texts) if not isinstance(b, Table)) if voted else head
    # (a year named as the one compared with, 较2023年增长…, casts no vote: it is not the report's)
    voting, uncompared = _without_compared(voting), _without_compared(head)
    years = first or ((voted + Counter(YEAR_RE.findall(voting))) if YEAR_RE.search(voting) else Counter()) \
        or title_years or Counter(YEAR_RE.findall(_ascii_digits(doc.text))) or Counter(YEAR_END_RE.findall(uncompared)) \
        or Counter(TITLE_YEAR_RE.findall(uncompared))
    wider_voting = " ".join(t for b, t in zip(doc.blocks[:60], texts) if not isinstance(b, Table)) if voted else wider
    # (a final account or an evaluation states its own year's outturn: its latest outturn is its year;
    # a plan or a report during the year states its year beside last year's outturn)
    # (the opening lines' kind read once, not once per kind of report the any() below goes through)
    head_type = _report_type(head) if not kind else NOT_ASKED
    # (head_type is NOT_ASKED only where kind names the report: kind decides then)
    named = kind or head_type or titled
    marks = report_type_entry(named) if isinstance(named, str) else {}  # (NOT_ASKED names no kind)
    ahead = bool(marks.get("plan") or marks.get("in_year")) or elapsed_months(title) is not None \
        or _names_plan(re.sub(r"\s+", "", title))
    years = _settled(years, Counter(YEAR_RE.findall(wider_voting)), title_years, _latest_outturn(doc.blocks[:60]), ahead,
                     ahead or bool(marks.get("looks_ahead")))
    year = int(years.most_common(1)[0][0]) if years else None
    titled_year = int(next(iter(title_years))) if title_years else None
    if year is not None and titled_year is not None and year == titled_year - 1:
        # (a body naming the year before its title's more often, 与2022年度决算数相比…2022年度一般公共服务支出…
        # under 某局2023年度部门决算说明, compares with last year: the title's year stands; a body of the
        # year after it, a template's title left unchanged, outvotes it)
        year = titled_year
    span = YEAR_SPAN_RE.search(title) if not title_years else None
    if span and not ahead and any(w in title for w in vocabulary().get("outturn_title_words") or ()):
        # (an evaluation or an account of 2022—2024年 reports up to the span's last year, whatever
        # year its opening cites first: 下达2022年度…任务; a plan's span, 实施方案（2025—2027年）, is its
        # own period ahead: only a title naming an outturn, vocabulary.yaml outturn_title_words)
        year = int(span.group("end"))
    elif span and (ahead or title_first):
        # (a plan titled by its span only, 2025—2027年中期财政规划 or 实施方案（2025—2027年）, is
        # written for the span's first year: the later years are its plans)
        year = int(span.group("start"))
    evaluated = EVALUATED_YEAR_RE.search(wider) if not title_years else None
    if evaluated:
        # an evaluation report titled with no year states the year it evaluates by its base date
        # or period (评价基准日（2024年12月31日）), not by the date it was written (2025年8月); a
        # period over several years (2023年1月1日至2024年12月31日) by the year it ends with
        span_end = PERIOD_END_RE.match(wider, evaluated.end(1))
        year = int(span_end.group(1) if span_end else evaluated.group(1))
    # (a title ending on a kind's bare name, 2025年某委员会部门预算, names it before the tables do;
    # not one that goes on in the line after, 某局关于2024年度部门预算 / 执行情况的报告, nor one
    # naming a kind by its usual words, 某局2024年度部门决算及2025年部门预算)
    named = _title_ending_type(title) if not _title_goes_on(doc) and title_type is None else None
    if head_type is NOT_ASKED:
        head_type = _report_type(head) if not named else None
    return {"report_year": year, "report_type": named or head_type or _report_type(wider) or titled,
            "unit_name": _unit_name(doc, title.replace(" ", "")) or _unit_name(doc, head.replace(" ", "")) or _unit_name(doc, head)
            or _unit_name(doc, wider), "elapsed_months": elapsed_months(title)}


NOT_ASKED = object()  # (the head's kind of report not read yet: None is an answer)


def elapsed_months(text: str) -> int | None:
    """How many months of its year a report (or a form) on part of it covers, by the period its
    title or heads state (2025年1-8月: 8; 截至6月30日: 6; 上半年: 6): vocabulary.yaml
    elapsed_month_patterns (each giving the months in its first group) and part_year_words; None for
    a whole year or no period stated."""
    patterns, words = _elapsed_month_patterns(vocabulary_generation())
    span = next((m for p in patterns if (m := p.search(text))), None)
    months = int(span.group(1)) if span else next((n for word, n in words if word in text), None)
    return months if months and 0 < months < 12 else None




def period_months(label: str) -> int | None:
    """The months gone by a label names when it is nothing but a period (1-6月, 上半年): the
    vocabulary's elapsed_month_patterns and part_year_words, the whole label matched; None otherwise."""
    patterns, words = _elapsed_month_patterns(vocabulary_generation())
    span = next((m for p in patterns if (m := p.fullmatch(label))), None)
    return int(span.group(1)) if span else dict(words).get(label)


@lru_cache(maxsize=4)
def _elapsed_month_patterns(generation: int) -> tuple[tuple[re.Pattern, ...], tuple[tuple[str, int], ...]]:
    vocab = vocabulary()
    return (tuple(re.compile(p) for p in vocab.get("elapsed_month_patterns") or ()),
            tuple((vocab.get("part_year_words") or {}).items()))


def _without_compared(text: str) -> str:
    """The text with each year a comparison names taken out (较2023年, 比2023年度, 与2023年相比: the
    base of a comparison; concepts.yaml comparison_words, and comparison_openers closed by a
    comparison_closers word, 与 alone joining two years as often: 2023年与2024年)."""
    return _compared_year_re(vocabulary_generation()).sub("", text)


@lru_cache(maxsize=4)
def _compared_year_re(generation: int) -> re.Pattern:
    year = r"\s*20\d\d\s*年度?"
    openers = concepts().get("comparison_openers") or ()
    words = alternatives([w for w in concepts().get("comparison_words") or () if w not in openers])
    closers = alternatives(concepts().get("comparison_closers"))
    return re.compile(f"(?:{words}){year}|(?:{alternatives(openers)}){year}(?:同期)?(?={closers})")


def _settled(years: Counter, wider: Counter, title: Counter, outturn: str | None, ahead: bool = False,
             looking_ahead: bool = False) -> Counter:
    """The opening lines' years where one leads by two or more; where the two first are within a
    vote (a slip in a heading and the sentence after it: 2014年度 twice against the title's 2024),
    the latest outturn the tables state, when it is one of the two, in a report on its own year's
    outturn (a final account, an evaluation: 2023年度 in the title over columns 2024年决算数 |
    2023年决算数 and a sentence on 2024年度 is the title's slip); in a report `ahead` of its
    outturn (a plan, a report during the year, beside last year's 决算数) only the one not before
    that outturn; else the one the wider text (the first 60 blocks) and the title name more often;
    of two named as often, the later in a report on its outturn (it compares its year with earlier
    ones: a table of 2022年 | 2023年 | 2024年 rows and a sentence 2024年…较2023年增加… is of 2024), the
    earlier in one `looking_ahead` (a plan, a financing scheme, is of the first year of those it plans for)."""
    ranked = years.most_common()
    if len(ranked) < 2 or ranked[0][1] - ranked[1][1] > 1:
        return years
    # (every year within a vote of the first: 2022年 | 2023年 | 2024年 columns name three as often)
    near = [year for year, votes in ranked if ranked[0][1] - votes <= 1]
    if outturn in near and not ahead:
        return Counter({outturn: 1})  # (a final account's own outturn is of its year)
    possible = [year for year in near if outturn is None or int(year) >= int(outturn)]
    if len(possible) == 1:
        return Counter({possible[0]: 1})
    return Counter({year: wider[year] + title[year] for year in sorted(possible or near, reverse=not looking_ahead)})


def _names_plan(title: str) -> bool:
    """A title naming a plan and no outturn (某局2025年预算情况说明; not …预算执行情况, …决算):
    vocabulary.yaml ahead_title_words and outturn_title_words."""
    words = vocabulary().get("ahead_title_words") or ()
    done = vocabulary().get("outturn_title_words") or ()
    return any(w in title for w in words) and not any(w in title for w in done)


def _latest_outturn(blocks: list) -> str | None:
    """The latest year the tables' column heads state an outturn of (2024年决算数), when they state
    the year before's too (2024年决算数 | 2023年决算数: this year's beside last year's, as a report
    on its year compares them); None otherwise (one column's year may be the slip itself)."""
    pattern = outturn_head_re()
    found = {m.group(1) for b in blocks if isinstance(b, Table) for row in b.rows[:3] for cell in row
             if (m := pattern.fullmatch("".join(_ascii_digits(cell.text).split())))}  # (split: \s, no regex call)
    latest = max(found, default=None)
    return latest if latest is not None and str(int(latest) - 1) in found else None


@lru_cache(maxsize=4)
def _outturn_head_re(generation: int) -> re.Pattern:
    return re.compile(vocabulary().get("outturn_head_pattern") or r"(?!)")


def outturn_head_re() -> re.Pattern:
    """A column head naming a year's outturn (vocabulary.yaml outturn_head_pattern)."""
    return _outturn_head_re(vocabulary_generation())


# the rest of an evaluated period after its first year: …至2024年12月31日 (group 1 the year it ends)
PERIOD_END_RE = re.compile(r"[^。；;]{0,12}?" + RANGE_JOINER + r"\s*((?:19|20)\d\d)\s*年")
EVALUATED_YEAR_RE = re.compile(r"(?:评价基准日|评价期间|评价年度|评价时段|绩效评价期间)[^0-9。；]{0,8}((?:19|20)\d\d)")


def _title_ending_type(title: str) -> str | None:
    """The kind a title ends on by its bare name (vocabulary.yaml title_endings: 2025年某委员会部门预算),
    words that elsewhere cite a budget rather than name the report."""
    compact = re.sub(r"\s+", "", title)
    return next((e["name"] for e in vocabulary()["report_types"]
                 if compact.endswith(tuple(e.get("title_endings") or ()))), None) if compact else None


def _title_lines(blocks: list, texts: list[str]) -> str:
    """The opening lines that may title the report: short lines, no sentence, no table."""
    return " ".join(t for b, t in zip(blocks[:TITLE_SEARCH_BLOCKS], texts) if not isinstance(b, Table)
                    and len(t.strip()) <= TITLE_LINE_CHARS and not _is_sentence(t))


def _report_type(head: str, title_only: bool = False) -> str | None:
    """The type whose words come first in the opening lines: the title's, not a type the text
    goes on to mention (a budget citing last year's self-evaluation); at one place, the type
    listed first in the vocabulary. The types named by their title only (vocabulary.yaml
    title_only) are read only where `title_only` says the text is the title lines."""
    compact = "".join(head.split())  # re.sub(r"\s+", "", head): \s is str.isspace
    cited = tuple(vocabulary().get("report_type_citations") or ())
    found = []
    for order, entry in enumerate(vocabulary()["report_types"]):
        if entry.get("title_only") and not title_only:
            continue
        # (most words are nowhere in the text: a substring test before the search for a named one)
        at = min((k for k in (_named_at(compact, w, cited) for w in entry["keywords"] if w in compact) if k >= 0),
                 default=-1)
        if at < 0 and entry.get("title_pattern"):
            at = _named_by_years(_ascii_digits(compact), entry["title_pattern"])
        if at >= 0:
            found.append((at, order, entry["name"]))
    return min(found)[2] if found else None


def plans_next_year(doc: Document) -> bool:
    """The report is of its year with a plan for the year after (vocabulary.yaml report_types
    next_year_plan: 2023年预算执行情况和2024年预算草案): that year's tables and figures are the plan's."""
    return bool(report_type_entry(doc.meta.get("report_type")).get("next_year_plan"))


def _named_by_years(text: str, pattern: str) -> int:
    """Where a kind named by two years in turn is named (vocabulary.yaml title_pattern: 2023年预算执行
    情况和2024年预算草案): at its first year, the second year the one after it; -1 if nowhere. Only
    the first match is read (the title's, among the opening lines)."""
    m = _title_pattern(pattern).search(text)
    if m is None or int(m.groups()[-1]) != int(m.group(1)) + 1:
        return -1
    return m.start()


@lru_cache(maxsize=8)
def _title_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _named_at(text: str, word: str, cited: tuple) -> int:
    """Where the text first names its kind by `word`, not citing another document by it (根据
    2024年度部门预算批复…: the budget approved, not this report's kind); -1 if nowhere."""
    at = text.find(word)
    while at >= 0 and text.startswith(cited, at + len(word)):
        at = text.find(word, at + 1)
    return at


# a form's name field (部门（单位）名称：…; not the narrative's 本部门内设机构5个：…, which lists the
# unit's offices), else a title's unit before its year or kind (青石镇人民政府2024年度…)
UNIT_NAME_RES = [
    re.compile(r"(?:(?<!本)部门|单位名称|部门（单位）名称|预算部门名称)\s*[（(]?[^：:\t\d]{0,6}[:：]\s*([^\s：:\d（）()年月日]{4,40}?(?:中心|局|委员会|委|部|厅|办公室|院|所|站|馆|会))"),
    re.compile(r"(?:20\d\d\s*年度?)?\s*([^\s\d，。、（）：:]{1,30}?(?:中心|局|委员会|部|厅|办公室|院|所|站|馆|人民政府|办事处))\s*(?:20\d\d\s*年\s*度?|整体|部门|项目)"),
]


def _unit_name(doc: Document, head: str) -> str | None:
    for pattern in UNIT_NAME_RES:
        m = pattern.search(head)
        if m:
            return m.group(1).strip()
    return None
