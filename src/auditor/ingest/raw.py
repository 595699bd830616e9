"""Raw blocks: what a format reader hands to the document builder."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# a caption cell above a table's header (编制单位：…, 2024年度, 单位：万元, the form's code 公开07表):
# in a text export's spaced lines and in a sheet's rows alike, a line about the table, not a row of it
CAPTION_CELL_RE = re.compile(r"^(?:(?:编制单位|填报单位|单位|金额单位|部门)[：:]|(?:19|20)\d\d\s*年度?$"
                             r"|[\u4e00-\u9fff]{0,2}\d{1,3}表$)")
# a paragraph a reader gives for a page break (a text export's form feed, a Word page break alone
# in its paragraph): read by the table joiners, no paragraph of the document
PAGE_BREAK = "\f"
# a cell holding one figure and nothing else (1,234.50, -2.00, (3.10), 96.5%): in a spaced text
# table what makes a line a row, after a page break what makes a table's part its data
FIGURE_CELL_RE = re.compile(r"^[-+(（]?\d[\d,，]*(?:[.．]\d+)?[)）]?[%％]?$")  # (\d: full-width digits too, ２，１６６．９５)
# a line naming a table: its title (…决算表, …情况表, 表3 …, 表一：…), its code (公开02表) or its
# unit; a title may close with a bracketed remark after 表 (（续）, （2023年度）, （单位：万元）)
TABLE_LINE_RE = re.compile(r"表\s*(?:[（(][^（）()]{1,12}[）)])?\s*$|^\s*(?:表|附表|公开)\s*\d"
                           r"|^\s*附?表\s*[一二三四五六七八九十]+(?:[:：、.．\s]|$)|单位\s*[:：]")
# a year as a word or a cell of its own (2024, heading a column): no figure of an amount
YEAR_CELL_RE = re.compile(r"(?:19|20)\d\d")
YEAR_STEP = 5  # years heading columns follow one another, up or down, at most this far apart


def years_apart(words: list[str]) -> bool:
    """Years in one direction, each within YEAR_STEP of the one before (2022 2024, 2024 2023): a
    header over columns of years, not counts that look like years (1968 2015)."""
    steps = [int(b) - int(a) for a, b in zip(words, words[1:])]
    return bool(steps) and (all(0 < d <= YEAR_STEP for d in steps) or all(-YEAR_STEP <= d < 0 for d in steps))


# a cell printed as a dash for nothing (—, -, /): in a figures column, a zero or a blank
DASHES = {"—", "-", "－", "——", "/"}

# a sentence's punctuation, which no table's row holds: a full-width comma between digits groups
# a full-width number's thousands (２，１６６．９５) and is none
SENTENCE_MARK_RE = re.compile(r"[。；！？]|(?<!\d)，|，(?!\d)")


def sentence_marked(text: str, also: str = "") -> bool:
    """The text holds a sentence's punctuation (or one of the marks `also`): prose, no table row."""
    return SENTENCE_MARK_RE.search(text) is not None or any(mark in text for mark in also)


def cell_figure(text: str, dashes: bool = False) -> bool:
    """A cell (or a word set apart as one) holding a figure alone, not a year heading a column
    (2024); with `dashes`, a dash for nothing as well."""
    return (FIGURE_CELL_RE.match(text) is not None and not YEAR_CELL_RE.fullmatch(text)) or (dashes and text in DASHES)


@dataclass
class RawCell:
    text: str
    line: int | None = None
    page: int | None = None
    # the row's number as the source shows its table, where a reader counts rows that the grid
    # leaves out or holds elsewhere (a web page's or Word table's title rows, its blank rows; a
    # sheet's rows from the table's first): 第N行 in a location (model.Location.shown_row)
    row: int | None = None
    # the part of a table cut in two it stands in, from the second on (a Word table's 续表, its rows
    # counted from its own first): model.Location.part; None in the first part
    part: int | None = None
    # the sheet of a row of a table continued on another sheet (a workbook's 表2续 under its 续表 line,
    # joined to 表2): its location's; None for the table's own sheet
    sheet: str | None = None


@dataclass
class RawBlock:
    kind: str  # "para" | "table" | "heading" | "page_header" (a Word file's running header: build.py)
    text: str = ""
    rows: list[list[RawCell]] = field(default_factory=list)
    line: int | None = None
    paragraph: int | None = None
    page: int | None = None
    sheet: str | None = None
    level: int | None = None  # heading level given by the format (Word styles, <h2>)
    columns: tuple = ()  # a PDF table's column starts (x0 of its cells), for rows on the next page
    # a note printed at a PDF page's foot (a Word footnote): the page's own flow goes on past it to
    # the next page (a table, a sentence cut by the page break)
    foot_note: bool = False
    # a table read from rows set apart by single spaces (text.figures_line): whether its rows open
    # and close the text they were read from (a page's, a file's). Such a part may be the rest of a
    # table cut by a page break, and is read as one only when joined to the rest (build.py)
    loose_ends: tuple | None = None


class RawBlocks(list):
    """A reader's blocks, with what the reader tells of the parts it could not read (`notes`:
    sentences in Chinese, shown with the rules that could not be evaluated)."""

    def __init__(self, blocks=(), notes=()):
        super().__init__(blocks)
        self.notes = list(notes)


class ReadError(Exception):
    """A file that cannot be read; the message names the problem in Chinese."""


# --- Limits of the text and HTML readers and of the count kind: one place, each with its reason --
# Every refusal is a ReadError whose message says 超出限制 and names the limit (see `over_limit`).
MB = 1024 * 1024
# Auditing runs at about 0.3 MB of report text per second on one core, so 16 MB is about a
# minute of work, half the default --timeout of 120 s. Real reports are far smaller: a
# 500-page report exported to text is about 2 MB, the largest text in the corpus 95 KB. A
# larger .txt/.md is refused at once, naming the size, rather than timing out unexplained.
MAX_TEXT_BYTES = 16 * MB
# HTML carries markup as well as text: Word's HTML export is 5 to 10 times the size of the
# text it shows (a 500-page report some 10-20 MB), so an HTML file may be twice the text limit.
# The parser streams, so its memory is the text it keeps, not the markup; its time is about
# 0.7 s per MB of dense table markup (the handling of each cell), some 20 s at the limit.
MAX_HTML_BYTES = 32 * MB
# One line of a text file is one paragraph, table row or cell. The longest line in the corpus
# is 4,400 characters, the longest the benchmarks make (one sentence of 6,000 clauses) 106,000;
# a million characters (some 500 printed pages in one paragraph) is no line of a report but a
# dump or a minified file, and each line is cleaned, joined and split as a unit, held in memory
# several times over.
MAX_LINE_CHARS = 1_000_000
# HTML's own maxima (HTML Living Standard, 4.9.11: "colspan ... must be greater than zero and
# less than or equal to 1000", "rowspan ... less than or equal to 65534"); browsers clamp
# larger values to these, and so does the reader: the table reads as a browser shows it.
MAX_HTML_COLSPAN = 1000
MAX_HTML_ROWSPAN = 65534
# Cells of one HTML table, and of all tables of a document, after spans are spread. The
# largest table in the corpus has 392 cells, a whole document 2,859; a 10,000-row statement of
# 20 columns is 200,000. A million cells is some hundreds of MB of model objects, the same cap
# the Word and Excel readers use (ingest/package.py). Checked as cells are placed, so a tiny file
# of huge spans is refused before it allocates anything big.
MAX_TABLE_CELLS = 200_000
MAX_DOCUMENT_CELLS = 1_000_000
# Tables inside table cells: report layouts nest two or three deep. The parser keeps one open
# table per level, and HTML that opens tables without closing them nests without end.
MAX_TABLE_DEPTH = 50
# Paragraphs, headings and tables of one text or HTML document. The longest report in the corpus
# has 437; a 500-page report some 20,000. Each block costs about 2 KB through reading,
# the document model and the fact base, so 200,000 blocks is some 400 MB; a 16 MB text of one
# character per line would otherwise make five million of them and exhaust the worker's memory.
MAX_BLOCKS = 200_000
# Digits of a number read as an int (a stated count, a span attribute, a character reference).
# Python refuses to convert more than 4,300 digits (sys.get_int_max_str_digits), and nothing a
# report counts has more than 18 digits (a 64-bit integer); longer digit runs are not counts.
MAX_INT_DIGITS = 18
# A list after a stated count (“N 个，分别为：A、B、C”) is read from at most this many characters
# of its sentence: items are at most `max_item_chars` (40) long and numbered lists go to 99,
# so no checkable list is longer; the window keeps the work per stated count bounded.
MAX_LIST_CHARS = 5000
# Parts of one breakdown (“其中产出指标 a 个、效益指标 b 个…”): indicator systems have six
# first-level and about a dozen second-level categories; a run of more parts is not one.
MAX_BREAKDOWN_PARTS = 24
# Characters after a stated total in which its parts (breakdown, done/not done split, indicator
# categories) are looked for. Such a sentence is well under 200 characters; 600 is where the
# fact base, too, stops reading a run-on sentence as one. A sentence going on past it is left
# unchecked rather than checked on part of its parts.
MAX_BREAKDOWN_CHARS = 600


def over_limit(found: str, limit: str = "") -> ReadError:
    """The ReadError of every reader for an input beyond one of its limits (those above, the
    Office package's in package.py, the PDF reader's in pdf_limits.py): 超出限制, what was found,
    and the limit in brackets, e.g. 超出限制：压缩包有 12,000 个成员（成员数上限 10,000 个）;
    without `limit` when `found` names the limit itself (超出限制：PDF 共 2,001 页，上限为 2,000 页)."""
    return ReadError(f"超出限制：{found}（{limit}）" if limit else f"超出限制：{found}")


def bounded_int(digits: str, limit: int = MAX_INT_DIGITS) -> int | None:
    """The value of a string of decimal digits, or None when it has more than `limit` digits
    (Python's int() refuses more than 4,300, and no count or span is that long) or is no number."""
    if not digits or len(digits) > limit or not digits.isdecimal():
        return None
    return int(digits)
