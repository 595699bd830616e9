"""Excel .xlsx: every sheet as a table; merged regions keep the top-left value.

`read_xlsx` reads the package with lxml directly (ingest/package.py: limits checked, no entity
expansion, no DTD): shared strings, number formats and each sheet's cells and merged ranges,
with openpyxl's reading rules for what a cell holds (data_only: cached values) and where
(full mode: every cell at its own coordinate).
Numbers are shown as Excel shows them in their cell's format, rounded half away from zero
(`_number_text`). The former readers through openpyxl's objects (read-only and full mode) are
in tests/reference_readers.py, the references the tests compare the document model with.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from . import package
from ..facts.numbers import DIGIT_RE, TABLE_NUMBER
from .cleanup import clean_text
from .page_furniture import YEAR_WORD_RE
from .raw import CAPTION_CELL_RE, TABLE_LINE_RE, RawBlock, RawBlocks, RawCell, ReadError, cell_figure, over_limit


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROW, VALUE, FORMULA = f"{{{MAIN_NS}}}row", f"{{{MAIN_NS}}}v", f"{{{MAIN_NS}}}f"
TEXT, RUN = f"{{{MAIN_NS}}}t", f"{{{MAIN_NS}}}r"
INLINE, SI, MERGE_CELL = f"{{{MAIN_NS}}}is", f"{{{MAIN_NS}}}si", f"{{{MAIN_NS}}}mergeCell"
COLS, COL = f"{{{MAIN_NS}}}cols", f"{{{MAIN_NS}}}col"
TRUE_VALUES = ("1", "true", "on")
R_ID = f"{{{REL_NS}}}id"
# openpyxl looks for the workbook part by content type, in this order
WORKBOOK_TYPES = [
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
]
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
LABEL = "Excel 文件"
COORDINATE_RE = re.compile(r"([A-Za-z]{1,3})(\d+)\Z")
RANGE_RE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?\Z")


def read_xlsx(path: str) -> list[RawBlock]:
    with package.open_package(path, LABEL, ".xlsx") as pkg:
        book = _Workbook(pkg)
        blocks: list[RawBlock] = []
        cells = [0]
        notes = []
        for title, part in book.sheets():
            root = pkg.xml(part, remove_comments=True)
            uncomputed, unread = [0], []
            rows = _sheet_rows(root, book, title, cells, uncomputed, unread)
            blocks.extend(_sheet_blocks(title, rows, cells))
            if uncomputed[0]:
                notes.append(f"工作表「{title}」有 {uncomputed[0]} 个公式单元格没有保存计算结果（文件未经 Excel 重新"
                             "计算后保存），读作空白：涉及这些单元格的核对无从进行")
            if unread:
                shown = "、".join(f"第{n}行" for n in unread[:HIDDEN_ROWS_NAMED]) + ("等" if len(unread) > HIDDEN_ROWS_NAMED else "")
                notes.append(f"工作表「{title}」有 {len(unread)} 个隐藏行填有内容（{shown}），按发布的样子未读取：表中合计"
                             "若含这些行，合计的核对会显示不符")
        return RawBlocks(blocks, notes)


class _Workbook:
    """Workbook part, shared strings and cell formats, found the way openpyxl finds them."""

    def __init__(self, pkg):
        self.pkg = pkg
        self.part = self._workbook_part()
        self.root = pkg.xml(self.part, remove_comments=True)
        _numbers, dates = _openpyxl()
        self.epoch = dates.WINDOWS_EPOCH
        for el in self.root:
            if _local(el.tag) == "workbookPr":
                flag = el.get("date1904")
                # openpyxl's Bool: 'false', 'f', '0' are false, any other text true
                if flag and flag not in ("false", "f", "0"):
                    self.epoch = dates.MAC_EPOCH
        self.strings = self._shared_strings()
        # each cell's text as shown, made once per shared string and per number and style: a
        # label or a figure a workbook repeats (合计, 0.00, a 类 code) is read once, not per cell
        self.shown_strings: list[str | None] = [None] * len(self.strings)
        self.shown_numbers: dict[tuple[str, str | None], str] = {}
        self.shown_inline: dict[str, str] = {}  # an inline string's text -> as shown (a script's workbook)
        self.formats, self.dates, self.timedeltas = self._styles()

    def _workbook_part(self) -> str:
        _, overrides = self.pkg.content_types()
        for content_type in WORKBOOK_TYPES:
            for name, declared in overrides.items():
                if declared == content_type:
                    return name.lstrip("/")
        defaults, _ = self.pkg.content_types()
        if set(defaults.values()) & set(WORKBOOK_TYPES):
            return "xl/workbook.xml"
        if any("wordprocessingml" in t for t in list(defaults.values()) + list(overrides.values())):
            raise ReadError("无法打开 Excel 文件：这是 Word 文档，不是 .xlsx（扩展名与内容不符）")
        raise ReadError("无法打开 Excel 文件（文件损坏或不是 .xlsx）：找不到工作簿部件")

    def _shared_strings(self) -> list[str]:
        _, overrides = self.pkg.content_types()
        for name, declared in overrides.items():
            if declared == SHARED_STRINGS:
                root = self.pkg.xml(name, remove_comments=True)
                return [_text_content(si).replace("x005F_", "") for si in root.iter(SI)]
        return []

    def _styles(self):
        """Per cell style (xf) index: its number format; the indexes whose format shows a date,
        and a duration. xl/styles.xml at its fixed place, as openpyxl reads it."""
        if self.pkg.find("xl/styles.xml") is None:
            return ["General"], set(), set()
        root = self.pkg.xml("xl/styles.xml", remove_comments=True)
        custom: dict[int, str] = {}
        ids: list[int] = []
        for el in root:
            name = _local(el.tag)
            if name == "numFmts":
                for fmt in el:
                    if isinstance(fmt.tag, str):
                        custom[_integer(fmt.get("numFmtId"), "数字格式编号 numFmtId")] = fmt.get("formatCode") or ""
            elif name == "cellXfs":
                ids = [_integer(xf.get("numFmtId", "0"), "单元格样式的 numFmtId") for xf in el if isinstance(xf.tag, str)]
        if not ids:
            return ["General"], set(), set()
        numbers, _dates = _openpyxl()
        formats, dates, timedeltas = [], set(), set()
        for index, number in enumerate(ids):
            code = custom[number] if number in custom else numbers.BUILTIN_FORMATS.get(number)
            formats.append(code if code is not None else "General")
            if code is not None and numbers.is_date_format(code):
                dates.add(index)
            if code is not None and numbers.is_timedelta_format(code):
                timedeltas.add(index)
        return formats, dates, timedeltas

    def sheets(self) -> list[tuple[str, str]]:
        """(title, part) of every worksheet shown, in workbook order; chartsheets have no cells."""
        rels = {rel_id: (rel_type, target) for rel_id, rel_type, target in self.pkg.relationships(self.part)}
        out = []
        for el in self.root:
            if _local(el.tag) != "sheets":
                continue
            for number, sheet in enumerate((s for s in el if isinstance(s.tag, str)), start=1):
                title = sheet.get("name")
                if title is None:
                    title = f"Sheet{number}"
                rel_id = sheet.get(R_ID)
                if not rel_id:
                    continue  # no part: openpyxl drops such a sheet too
                if rel_id not in rels:
                    raise ReadError(f"无法打开 Excel 文件（文件损坏）：工作表「{title}」的关系「{rel_id[:40]}」不存在")
                rel_type, target = rels[rel_id]
                if self.pkg.find(target) is None:
                    raise ReadError(f"无法打开 Excel 文件（文件损坏）：缺少工作表「{title}」的部件「{target}」")
                if "chartsheet" in rel_type:
                    continue
                out.append((title, target, sheet.get("state") in HIDDEN_STATES))
        # a hidden sheet (an old draft, a lookup list) is no part of what is published, as hidden
        # rows and columns are not; Excel keeps one sheet visible at least (else all are read)
        shown = [(title, target) for title, target, hidden in out if not hidden]
        return shown or [(title, target) for title, target, _ in out]


HIDDEN_STATES = ("hidden", "veryHidden")


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text_content(node) -> str:
    """openpyxl's `Text.content`: the (last) plain t child, then each rich run's (last) t;
    phonetic runs (rPh) left out. Children are matched by local name, as openpyxl does."""
    plain, runs = None, []
    for el in node:
        tag = el.tag
        # (the main namespace's t and r, what a workbook writes, known without splitting the tag)
        name = "t" if tag == TEXT else "r" if tag == RUN else _local(tag)
        if name == "t":
            plain = el.text
        elif name == "r":
            text = None
            for sub in el:
                if _local(sub.tag) == "t":
                    text = sub.text
            if text is not None:
                runs.append(text)
    return (plain or "") + "".join(runs)


def _integer(value, what: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ReadError(f"无法打开 Excel 文件（文件损坏）：{what}不是整数：「{str(value)[:40]}」") from None


_COORDINATES: dict[str, tuple[int, int]] = {}  # (a pure function of the text: B12 is B12 in every sheet)


def _coordinate(text: str) -> tuple[int, int]:
    found = _COORDINATES.get(text)
    if found is None:
        found = _read_coordinate(text)  # (a coordinate out of range raises, never kept)
        if len(_COORDINATES) < 100_000:
            _COORDINATES[text] = found
    return found


def _read_coordinate(text: str) -> tuple[int, int]:
    m = COORDINATE_RE.match(text)
    if not m:
        raise ReadError(f"无法读取 Excel 文件（文件损坏）：单元格坐标「{text[:40]}」无效")
    row, column = int(m.group(2)), _column_index(m.group(1))
    if not 0 < row <= package.MAX_ROWS or column > package.MAX_COLUMNS:
        raise over_limit(f"单元格坐标「{text[:40]}」超出 Excel 的表格范围",
                                  f"上限 {package.MAX_ROWS:,} 行 × {package.MAX_COLUMNS:,} 列")
    return row, column


_COLUMNS: dict[str, int] = {}


def _column_index(letters: str) -> int:
    index = _COLUMNS.get(letters)
    if index is None:
        index = 0
        for letter in letters.upper():
            index = index * 26 + ord(letter) - 64
        if len(_COLUMNS) < 100_000:
            _COLUMNS[letters] = index
    return index


def _row_number(text: str) -> int:
    """openpyxl's reading of row/@r: an integer, or a float with no fraction."""
    try:
        number = int(text)
    except ValueError:
        try:
            value = float(text)
        except ValueError:
            value = 0.5
        if not value.is_integer():
            raise ReadError(f"无法读取 Excel 文件（文件损坏）：行号「{text[:40]}」不是整数") from None
        number = int(value)
    if number > package.MAX_ROWS:
        raise over_limit(f"行号为 {number:,}", f"上限 {package.MAX_ROWS:,} 行")
    return number


class _Merges:
    """Cells covered by merged ranges (not their top-left cell)."""

    def __init__(self, root):
        self.spread: set[tuple[int, int]] = set()
        self.large: list[tuple[int, int, int, int]] = []
        self.ends: dict[tuple[int, int], tuple[int, int]] = {}  # each range's top-left cell -> its bottom-right
        self.anchor_rows: set[int] = set()
        refs = [el.get("ref") or "" for el in root.iter(MERGE_CELL)]
        if len(refs) > package.MAX_MERGED_RANGES:
            raise over_limit(f"一张工作表有 {len(refs):,} 个合并区域",
                                      f"每张工作表上限 {package.MAX_MERGED_RANGES:,} 个")
        for ref in refs:
            m = RANGE_RE.match(ref)
            if not m or m.group(3) is None:
                continue  # a single cell merges nothing
            r0, c0 = int(m.group(2)), _column_index(m.group(1))
            r1, c1 = int(m.group(4)), _column_index(m.group(3))
            r0, r1, c0, c1 = min(r0, r1), max(r0, r1), min(c0, c1), max(c0, c1)
            self.ends[(r0, c0)] = (r1, c1)
            self.anchor_rows.add(r0)
            if (r1 - r0 + 1) * (c1 - c0 + 1) <= package.SPREAD_MERGE_CELLS:
                self.spread.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
                self.spread.discard((r0, c0))
                package.check_cells(len(self.spread))
            else:
                self.large.append((r0, c0, r1, c1))
                if len(self.large) > package.MAX_LARGE_MERGES:
                    raise over_limit(f"一张工作表有超过 {package.MAX_LARGE_MERGES} 个大于 {package.SPREAD_MERGE_CELLS:,} 格的合并区域",
                                              f"上限 {package.MAX_LARGE_MERGES} 个")

    def covers(self, row: int, column: int) -> bool:
        if (row, column) in self.spread:
            return True
        for r0, c0, r1, c1 in self.large:
            if r0 <= row <= r1 and c0 <= column <= c1 and (row, column) != (r0, c0):
                return True
        return False


def _sheet_rows(root, book: _Workbook, title: str, cells: list[int], uncomputed: list[int] | None = None,
                unread: list[int] | None = None) -> list[list[RawCell]]:
    """Rows as openpyxl's full mode gives them: every cell placed by its own coordinate (a
    cell without one follows the previous cell of its row element; a later cell at the same
    place replaces an earlier one), cells a merged range covers emptied; each row from column
    A up to its last non-empty cell, numbered by its row in the sheet. Beyond openpyxl: the rows
    and columns the sheet hides are left out (their cells empty), as the published sheet shows it,
    but for a row hidden among the rows a SUM formula adds up (`_hidden_inside`);
    a merged range whose top-left cell is hidden shows its value in its first cell shown
    (`_shown_anchors`)."""
    merges = _Merges(root)
    inside = None  # (the hidden rows read as data: found on the first hidden row, most sheets hiding none)
    hidden_columns = _HiddenColumns(root)
    hides_columns = bool(hidden_columns.ranges)  # (most sheets hide none: no search per cell)
    hidden_rows: list[int] = []
    hidden_anchors: dict[tuple[int, int], str] = {}  # the values of merged ranges' hidden top-left cells
    values: dict[tuple[int, int], str] = {}
    row_number = 0
    for row_el in root.iter(ROW):
        r = row_el.get("r")
        row_number = _row_number(r) if r is not None else row_number + 1
        row_hidden = row_el.get("hidden") in TRUE_VALUES
        if row_hidden:
            inside = _hidden_inside(root, _summed_rows(root), unread) if inside is None else inside
            row_hidden = row_number not in inside
        if row_hidden:
            hidden_rows.append(row_number)
            if row_number not in merges.anchor_rows:
                continue  # (a row hidden in the published sheet: a helper row nobody reads)
        column_counter = 0
        for c in row_el:
            if not isinstance(c.tag, str):
                continue
            at = c.get("r")
            if at:
                cell_row, column = _coordinate(at)
                column_counter = column
            else:
                column_counter += 1
                cell_row, column = row_number, column_counter
                if column > package.MAX_COLUMNS:
                    raise over_limit(f"一行有 {column:,} 个单元格", f"上限 {package.MAX_COLUMNS:,} 列")
            # (a helper column hidden in the sheet, 调整前数, 备用…, is not read; a merged range's
            # first cell is, as the range may show it in a cell not hidden)
            hidden = row_hidden or (hides_columns and column in hidden_columns)
            if hidden and (cell_row, column) not in merges.ends:
                continue
            text = _cell_text_of(c, book, title)
            if hidden:
                if text is None:
                    hidden_anchors.pop((cell_row, column), None)
                else:
                    hidden_anchors[(cell_row, column)] = text
            elif text is None:
                values.pop((cell_row, column), None)
                if uncomputed is not None and c.find(FORMULA) is not None:
                    uncomputed[0] += 1  # (a formula saved without its value: a script's file never opened in Excel)
            else:
                values[(cell_row, column)] = text
                if len(values) > package.MAX_CELLS:
                    package.check_cells(len(values))
    by_row: dict[int, dict[int, str]] = {}
    spread, large = merges.spread, merges.large
    for (row, column), text in values.items():
        # (the set's look-up first: the ranges too large to spread are seldom any)
        if (row, column) not in spread and not (large and merges.covers(row, column)):
            texts = by_row.get(row)
            if texts is None:
                texts = by_row[row] = {}
            texts[column] = text
    for (row, column), text in _shown_anchors(hidden_anchors, merges, _Ranges(hidden_rows), hidden_columns):
        by_row.setdefault(row, {})[column] = text
    rows = []
    for row in sorted(by_row):
        texts = by_row[row]
        while texts and not texts[max(texts)]:
            del texts[max(texts)]
        if texts:
            width = max(texts)
            cells[0] += width
            package.check_cells(cells[0])
            rows.append([RawCell(texts.get(k, ""), row) for k in range(1, width + 1)])
    return rows


def _shown_anchors(hidden_anchors: dict, merges: _Merges, hidden_rows, hidden_columns):
    """((row, column), text) of each merged range whose top-left cell is hidden, at the range's first
    cell shown: Excel draws a merged range over its cells shown with the top-left cell's value (a
    title merged across A:I over a hidden key column A shows in B). A range hidden whole shows nothing."""
    for (r0, c0), text in hidden_anchors.items():
        r1, c1 = merges.ends[(r0, c0)]
        row, column = hidden_rows.next_shown(r0), hidden_columns.next_shown(c0)
        if row <= r1 and column <= c1:
            yield (row, column), text


# a SUM over a range of cells in a formula's text (=SUM(C4:C9), =SUM($C$4:$C$9)+C12): the rows it adds up
SUM_RE = re.compile(r"SUM\(([^()]*)\)", re.IGNORECASE)
CELL_RANGE_RE = re.compile(r"\$?[A-Za-z]{1,3}\$?(\d+)\s*:\s*\$?[A-Za-z]{1,3}\$?(\d+)")
HIDDEN_ROWS_NAMED = 5  # hidden rows a note names by number; more are "等"


def _hidden_inside(root, summed: "_Ranges", unread: list[int] | None) -> set[int]:
    """The hidden rows read as the sheet's data: those among the rows a SUM formula adds up (its
    total holds them, as Excel sums them). Other hidden rows are left out as the published sheet
    shows it (a draft row, a helper row, a detail its total may or may not hold: the sheet does not
    say which); `unread` gets the filled ones, for the reader to say so."""
    kept: set[int] = set()
    number = 0
    for row_el in root.iter(ROW):
        r = row_el.get("r")
        number = _row_number(r) if r is not None else number + 1
        if row_el.get("hidden") not in TRUE_VALUES:
            continue
        if number in summed:
            kept.add(number)
        elif unread is not None and _filled(row_el):
            unread.append(number)
    return kept


def _filled(row_el) -> bool:
    """The row holds a value in one of its cells (a number, a string, an inline string)."""
    return any(c.find(VALUE) is not None or c.get("t") == "inlineStr" for c in row_el)


def _summed_rows(root) -> "_Ranges":
    """The rows the sheet's SUM formulas add up, as ranges (a shared formula's first cell holds
    its text, the rows the same for the cells sharing it)."""
    spans = [(min(int(a), int(b)), max(int(a), int(b)))
             for f in root.iter(FORMULA) for m in SUM_RE.finditer(f.text or "")
             for a, b in CELL_RANGE_RE.findall(m.group(1))]
    return _Ranges(ranges=spans)


class _Ranges:
    """Numbers (of rows or columns) a sheet hides, kept as ranges (a number asked for is found by
    bisection), so a sheet hiding its columns range by range costs its ranges, not its columns."""

    def __init__(self, numbers: list[int] = (), ranges: list[tuple[int, int]] = ()) -> None:
        merged: list[tuple[int, int]] = []
        for low, high in sorted([*ranges, *((n, n) for n in numbers)]):
            if merged and low <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        self.starts = [low for low, _ in merged]
        self.ranges = merged

    def _range_of(self, number: int) -> tuple[int, int] | None:
        k = bisect_right(self.starts, number) - 1
        return self.ranges[k] if k >= 0 and self.ranges[k][0] <= number <= self.ranges[k][1] else None

    def __contains__(self, number: int) -> bool:
        return self._range_of(number) is not None

    def next_shown(self, number: int) -> int:
        """The first number from `number` on not hidden (ranges are merged: the one after a range is shown)."""
        found = self._range_of(number)
        return found[1] + 1 if found else number


class _HiddenColumns(_Ranges):
    """The columns the sheet hides (<cols><col min max hidden="1">): what the published sheet does
    not show is no figure of it."""

    def __init__(self, root) -> None:
        ranges = []
        for cols in root.iter(COLS):
            for col in cols:
                if col.tag == COL and col.get("hidden") in TRUE_VALUES:
                    ranges.append((_integer(col.get("min") or "0", "隐藏列的起始列号"),
                                   _integer(col.get("max") or "0", "隐藏列的结束列号")))
        super().__init__(ranges=ranges)


def _cell_text_of(c, book: _Workbook, title: str) -> str | None:
    """The text of a cell (None when empty) from what openpyxl (data_only) puts in it: a
    number shown in its format, a date or time for a number in a date format, text, a
    boolean, an error code as text."""
    kind = c.get("t", "n")
    if kind == "inlineStr":
        for inline in c:  # the first is one (a plain loop, as for v below)
            if inline.tag == INLINE:
                return _shown_inline(_text_content(inline), book)
        return None
    value = None
    for v in c:  # openpyxl: findtext, the first v (a plain loop: iterchildren(tag) sets up a matcher per cell)
        if v.tag == VALUE:
            value = v.text or None
            break
    if value is None:
        return None
    if kind == "n":
        style = c.get("s")
        key = (value, style)
        shown = book.shown_numbers.get(key)
        if shown is None:  # (a text depends on the value and style only; one failing raises, never kept)
            shown = _shown_number(c, value, style, book, title)
            if len(book.shown_numbers) < SHOWN_NUMBERS:
                book.shown_numbers[key] = shown
        return shown
    if kind == "s":
        index = _integer(value, f"{_where(c, title)}的共享字符串编号")
        if not 0 <= index < len(book.strings):
            raise ReadError(f"无法读取 Excel 文件（文件损坏）：{_where(c, title)}的共享字符串编号 {index} 超出范围"
                            f"（共 {len(book.strings)} 个）")
        shown = book.shown_strings[index]
        if shown is None:
            shown = book.shown_strings[index] = _value_text(book.strings[index], "")
        return shown
    if kind == "b":
        return "是" if _integer(value, f"{_where(c, title)}的逻辑值") else "否"
    if kind == "d":
        try:
            return _value_text(_openpyxl()[1].from_ISO8601(value), "")
        except (ValueError, OverflowError):
            raise ReadError(f"无法读取 Excel 文件（文件损坏）：{_where(c, title)}的日期「{value[:40]}」无效") from None
    return _value_text(value, "")  # str (a formula's text), e (an error code such as #DIV/0!), anything else


SHOWN_NUMBERS = 100_000  # (number, style) texts a workbook keeps at most, and inline strings


def _shown_inline(text: str, book: _Workbook) -> str:
    """An inline string's text as shown, made once per text in a workbook (a script writing every
    label inline repeats 合计, 万元, a column's header on each sheet)."""
    shown = book.shown_inline.get(text)
    if shown is None:
        shown = clean_text(text).strip()  # (_value_text of a str)
        if len(book.shown_inline) < SHOWN_NUMBERS:
            book.shown_inline[text] = shown
    return shown


def _shown_number(c, value: str, style: str | None, book: _Workbook, title: str) -> str:
    """A number cell's text: in its style's number format, or a date in a date format."""
    number = _number(value, c, title)
    # (the message of a style number that is no integer made only for one)
    index = (int(style) if style.isascii() and style.isdigit() else _integer(style, f"{_where(c, title)}的样式编号")) \
        if style else 0
    if not 0 <= index < len(book.formats):
        raise ReadError(f"无法读取 Excel 文件（文件损坏）：{_where(c, title)}的样式编号 {index} 超出样式表范围")
    if index in book.dates:
        try:
            return _value_text(_openpyxl()[1].from_excel(number if isinstance(number, float) else int(number),
                                                         book.epoch, timedelta=index in book.timedeltas),
                               book.formats[index])
        except (OverflowError, ValueError):
            return "#VALUE!"  # openpyxl: a date serial outside the calendar is an error value
    return _number_text(number, book.formats[index])


def _where(c, title: str) -> str:
    return f"工作表「{title}」单元格 {c.get('r') or ''}"


def _number(text: str, c, title: str):
    """openpyxl's `_cast_number`: a float when the text has a point or an exponent, else an
    integer (read as a Decimal, so that no length trips Python's int-string limit)."""
    try:
        if "." in text or "E" in text or "e" in text:
            value = float(text)
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError(text)
            return value
        value = Decimal(text)
        if not value.is_finite():
            raise ValueError(text)
        return value if value else Decimal(0)  # int("-0") is 0
    except (ValueError, InvalidOperation):
        raise ReadError(f"无法读取 Excel 文件（文件损坏）：{_where(c, title)}的数值「{text[:40]}」不是数字") from None


FORM_GAP = 2  # blank rows that set two forms on one sheet apart (one blank row may part blocks of a form)


def _sheet_blocks(title: str, rows: list[list[RawCell]], cells: list[int] | None = None) -> list[RawBlock]:
    """A sheet's forms, each a table with its title, unit and note lines as paragraphs."""
    blocks: list[RawBlock] = []
    for part in _side_by_side(rows):
        for form in _forms(part):
            blocks.extend(_form_blocks(title, form, cells))
    return blocks


def _side_by_side(rows: list[list[RawCell]]) -> list[list[list[RawCell]]]:
    """Tables set side by side on a sheet (三公 in A–C, 机关运行经费 in E–F): the rows cut at a column
    blank from top to bottom where the part right of it opens on a line naming a table of its own
    and its rows are labelled as the left part's are (one table's blank spacer column, or the two
    sides of a 收支总表, have no title line of their own). The left part first, then the right; one
    part where no such column is."""
    width = max((len(r) for r in rows), default=0)
    filled = [any(c < len(r) and r[c].text.strip() for r in rows) for c in range(width)]
    for c in range(1, width - 1):
        if filled[c] or not any(filled[:c]) or not any(filled[c + 1:]):
            continue
        right = [r[c + 1:] for r in rows]
        opening = next((k for k, r in enumerate(right) if any(cell.text.strip() for cell in r)), None)
        # (the cheap test first: a title line opening the right part; the rows read only then)
        if opening is None or not _single(right[opening]) or not _names_table(right[opening]):
            continue
        left = [r[:c] for r in rows]
        if _labelled(left) and _labelled(right):
            rest = _side_by_side([r for r in right if any(cell.text.strip() for cell in r)])
            return [[r for r in left if any(cell.text.strip() for cell in r)], *rest]
    return [rows]


def _labelled(rows: list[list[RawCell]]) -> bool:
    """The rows' first filled column holds words in two rows or more that have figures right of
    them: a table of its own (its labels), not a table's columns of figures cut off by a blank one."""
    filled = [k for k in range(max((len(r) for r in rows), default=0))
              if any(k < len(r) and r[k].text.strip() for r in rows)]
    if len(filled) < 2:
        return False
    first = filled[0]
    # (rows labelled in that column with figures right of them: a body's rows, not a header's words)
    labelled = sum(1 for r in rows if first < len(r) and r[first].text.strip() and not cell_figure(r[first].text.strip())
                   and any(cell_figure(c.text.strip()) for c in r[first + 1:]))
    return labelled >= 2


def _forms(rows: list[list[RawCell]]) -> list[list[list[RawCell]]]:
    """Forms stacked on one sheet (two projects' 自评表 one under the other): grids set apart by at
    least FORM_GAP blank rows where the lower one opens with a title line (one filled cell), or
    by one blank row where that line names a table (收入决算表, 公开02表, 单位：万元), or where the
    grid after it opens as the one before did (项目名称 | 项目二 after 项目名称 | 项目一: the form again)."""
    forms, start = [], 0
    for k in range(1, len(rows)):
        gap = rows[k][0].line - rows[k - 1][0].line
        # (a numbered title over a header of its own opens a table with no blank row before it too:
        # …合计 | 3 ¶ 二、分月支出 ¶ 月份 | 支出)
        # (…unless the table holds group rows numbered alike, 一、产出指标 under its heads: 二、效益指标 is its next)
        if (_title_at(rows, k) and (gap > FORM_GAP or gap > 1 and (_lines_name_table(rows, k) or (
                _outline_title(rows[k]) and _header_again(rows, start, k))) or (
                _outline_title(rows[k]) and _opens_header(rows, k) and not _numbered_alike(rows, start, k))
                or (_numbered_table_title(rows[k]) or _names_table(rows[k])) and _opens_header(rows, k))) \
                or (gap > 1 and _opens_again(rows, start, k)):
            forms.append(rows[start:k])
            start = k
    return forms + [rows[start:]] if rows else []


def _grid_opening(rows: list[list[RawCell]], at: int) -> list[str]:
    """The first row of the grid from `at`, past its title lines (title, unit, notes: _title_at)."""
    while at < len(rows) and _title_at(rows, at):
        at += 1
    return [c.text.strip() for c in rows[at]] if at < len(rows) else []


def _header_again(rows: list[list[RawCell]], start: int, k: int) -> bool:
    """The grid after the single-cell lines from `k` opens with the header the grid from `start`
    opened with, cell for cell (项目 | 2026年 | 2027年 under 一、收入规划 and again under 二、支出规划)."""
    first = _grid_opening(rows, start)
    return len([t for t in first if t]) >= 2 and _grid_opening(rows, k) == first


def _opens_header(rows: list[list[RawCell]], k: int) -> bool:
    """The grid after the single-cell lines from `k` opens with a row of heads: two filled cells or
    more, no figure among them (指标 | 年度目标值 | 实际完成值 under 四、绩效目标完成情况): a new table's
    header, where rows of figures (人员经费 | 100.00 under 一、基本支出) go on with the one above."""
    cells = [t for t in _grid_opening(rows, k) if t]
    # (no figure in any head, a year's aside: ≥100人 or 5,300亩 is a row's value, 2025年预算数 a head)
    return len(cells) >= 2 and not any(DIGIT_RE.search(YEAR_WORD_RE.sub("", t)) for t in cells)


def _outline_title(row: list[RawCell]) -> bool:
    """A one-cell line numbered as a part of an outline (二、支出规划): after a blank row, its grid
    repeating the header of the one before (_header_again), or, blank row or not, over a header of its
    own (_opens_header) where the table above holds no group row numbered alike (_numbered_alike): the
    sheet's next part, another table. (一、基本支出 over rows of the same table goes on with the table.)"""
    from .build import numbering_of

    text = next((c.text for c in row if c.text), "")
    return numbering_of(text.strip()) is not None and len(text) <= TITLE_CHARS


def _numbered_alike(rows: list[list[RawCell]], start: int, k: int) -> bool:
    """A one-cell row of the grid from `start` past its opening lines, before `k`, numbered in the
    style rows[k] is (一、产出指标 before 二、效益指标): group rows of one table."""
    from .build import numbering_of

    def style(row: list[RawCell]) -> str | None:
        found = numbering_of(next((c.text for c in row if c.text), "").strip())
        return found[1] if found else None

    own = style(rows[k])
    at = start
    while at < k and _single(rows[at]):
        at += 1  # (the title and unit lines over the grid: the table's heading, no group row of it)
    return any(_single(rows[r]) and style(rows[r]) == own for r in range(at, k))


TITLE_CHARS = 40  # a numbered line longer than this is a note or an item, no part's title



def _opens_again(rows: list[list[RawCell]], start: int, k: int) -> bool:
    """The grid from `k` (past its single-cell lines) opens with the first cell of the grid from
    `start`: a form repeated below the one before (two projects' 自评表)."""
    def first_cell(cells: list[str]) -> str:
        return next((t for t in cells if t), "")

    first, again = _grid_opening(rows, start), _grid_opening(rows, k)
    # (the header row repeated cell for cell, 项目名称 | 乡镇 | 分配金额, goes on with the same table;
    # the form again names another subject in it, 项目名称 | 乙项目)
    # (and the row above opens no such grid itself: a footer line under the form above, 填表人：…,
    # is read as it is, not past to the row at k)
    return bool(first_cell(first)) and first_cell(again) == first_cell(first) and again != first \
        and first_cell(first) != first_cell([c.text.strip() for c in rows[k - 1]])


def _lines_name_table(rows: list[list[RawCell]], k: int) -> bool:
    """One of the single-cell lines from `k` on (a note, 项目名称：…, the title, 单位：…) names a
    table: the next form starts there."""
    while k < len(rows) and _title_at(rows, k):
        if _names_table(rows[k]):
            return True
        k += 1
    return False


def _names_table(row: list[RawCell]) -> bool:
    text = next((c.text for c in row if c.text), "")
    return bool(TABLE_LINE_RE.search(text))


def _form_blocks(title: str, rows: list[list[RawCell]], cells: list[int] | None = None) -> list[RawBlock]:
    # Title, unit and note lines (one filled cell) around the grid become paragraphs, and so does
    # a caption row over the header (编制单位：某局 | … | 单位：万元 on one row, as exports print it)
    head, tail = [], []
    while rows and (_title_at(rows, 0) or _captions_only(rows[0])):
        head.append(rows.pop(0))
    while rows and _single(rows[-1]):
        tail.insert(0, rows.pop())
    blocks = [para for r in head for para in _paras(r, title)]
    if rows:
        width = max(len(r) for r in rows)
        if cells is not None:  # the padding below, counted before it is made
            cells[0] += sum(width - len(r) for r in rows)
            package.check_cells(cells[0])
        rows = [r + [RawCell("", line=r[0].line)] * (width - len(r)) for r in rows]
        _number_rows(rows)
        blocks.append(RawBlock("table", rows=rows, line=rows[0][0].line, sheet=title))
    blocks.extend(para for r in tail for para in _paras(r, title))
    return blocks


def _number_rows(rows: list[list[RawCell]]) -> None:
    """Each cell's row as the sheet shows the table: counted from its first row by the sheet's own
    rows (a blank row between counts, as it does in a web page's or Word's table), so 表1 第N行 is
    the sheet's row the location names less the rows above the table."""
    first = rows[0][0].line
    if first is None:
        return
    for row in rows:
        for cell in row:
            cell.row = cell.line - first + 1 if cell.line is not None else None


def _single(row: list[RawCell]) -> bool:
    return sum(1 for c in row if c.text) <= 1


def _title_at(rows: list[list[RawCell]], k: int) -> bool:
    """rows[k] is a title line over a table: one filled cell, or a spread title (_title_line) not
    followed by another one (a contents sheet lists 表一 | 收入支出决算总表, 表二 | 收入决算表 … one
    under another: a table's rows, no titles)."""
    if _single(rows[k]):
        return True
    return _title_line(rows[k]) and not (k + 1 < len(rows) and not _single(rows[k + 1]) and _title_line(rows[k + 1]))


def _title_line(row: list[RawCell]) -> bool:
    """A line opening a table: one filled cell, or a title spread over a few, its name with its number
    or its unit in cells of their own (表三 | 支出决算表; 表二 支出决算表 | | 单位：万元; 基本支出决算表 | 表六 |
    | 单位：万元). Only where a table opens: a contents sheet's rows (公开01表 | 收入支出决算总表) are a
    table's rows."""
    filled = [c.text.strip() for c in row if c.text.strip()]
    if len(filled) <= 1:
        return True
    if len(filled) > TITLE_CELLS:
        return False
    meta = [t for t in filled if TITLE_NUMBER_RE.fullmatch(t) or UNIT_CELL_RE.fullmatch(t)]
    names = [t for t in filled if t not in meta]
    return len(names) == 1 and bool(meta) and TABLE_LINE_RE.search(names[0]) is not None \
        and not DIGIT_RE.search(YEAR_WORD_RE.sub("", TITLE_NUMBER_RE.sub("", names[0])))


TITLE_CELLS = 3  # cells a title line may be spread over: its name, its number, its unit


def _numbered_table_title(row: list[RawCell]) -> bool:
    """A title line opening with the table's number (表六 一般公共…决算表, or 表六 | 一般公共…决算表):
    the next table on the sheet, with or without a blank row before it."""
    text = next((c.text.strip() for c in row if c.text.strip()), "")
    return TITLE_NUMBER_RE.match(text) is not None and len(text) <= TITLE_CHARS


# a table's number in a cell of its own before its name (表三, 附表2, 公开03表)
TITLE_NUMBER_RE = re.compile(rf"(?:{TABLE_NUMBER}|公开\s*\d{{1,3}}\s*表)[：:.、]?")
UNIT_CELL_RE = re.compile(r"[（(]?\s*(?:金额)?单位\s*[:：]\s*[^\d\s]{1,4}\s*[）)]?")  # a cell giving the unit alone


def _captions_only(row: list[RawCell]) -> bool:
    """Every filled cell a caption, one of them a name and its value (编制单位：某局): a row of
    years alone (| 2024年度 | | 2025年度 |) heads the columns below it."""
    texts = [c.text.strip() for c in row if c.text.strip()]
    return all(CAPTION_CELL_RE.match(t) for t in texts) and any(":" in t or "：" in t for t in texts)


def _paras(row: list[RawCell], sheet: str) -> list[RawBlock]:
    """The row's text as paragraphs: a cell holding a narrative of several lines (Alt+Enter in
    the cell) holds as many paragraphs, as a text file's lines are (a title, a heading, a sentence)."""
    text = " ".join(c.text for c in row if c.text)
    return [RawBlock("para", text=line, line=row[0].line, sheet=sheet) for line in text.split("\n") if line.strip()] \
        or [RawBlock("para", text=text, line=row[0].line, sheet=sheet)]


def _value_text(value, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, Decimal)):
        return _number_text(value, number_format or "")
    if isinstance(value, (dt.datetime, dt.date)):
        return _date_text(value, number_format or "")
    return clean_text(str(value)).strip()


def _date_text(value, number_format: str) -> str:
    """A date as its format shows its parts: a year only (yyyy"年": a table's 2024年 head), a year and
    month (yyyy"年"m"月"), else the whole date."""
    code = _LITERALS_RE.sub("", number_format.split(";")[0]).lower()  # (quoted words, escapes, [colours]: no parts)
    if "y" in code and "m" not in code and "d" not in code:
        return f"{value.year}年"
    if "y" in code and "m" in code and "d" not in code:
        return f"{value.year}年{value.month}月"
    return f"{value.year}年{value.month}月{value.day}日"



# Excel shows at most 30 decimal places whatever the format asks for.
MAX_PLACES = 30
# Excel shows a number as the decimal of its 15 significant digits and rounds that to the
# format's places half away from zero (0.125 in "0.00" is 0.13, -0.125 is -0.13, 2.5 in "0" is 3):
# Decimal's ROUND_HALF_UP, in every context and quantize below.
ROUNDING = ROUND_HALF_UP
SIGNIFICANT = 15
_SHOWN = Context(prec=SIGNIFICANT, rounding=ROUNDING, Emax=10 ** 9, Emin=-(10 ** 9))
# Exact for every number of up to 900 digits at MAX_PLACES places (floats have at most 309);
# a longer integer gets a context of its own.
_CONTEXT = Context(prec=1000, rounding=ROUNDING, Emax=10 ** 9, Emin=-(10 ** 9))
_QUANTA = [Decimal(1).scaleb(-k) for k in range(MAX_PLACES + 1)]
_PLANS: dict[str, tuple[bool, int | None]] = {}


def _number_text(value, number_format: str) -> str:
    """A number as the cell's format shows it in Excel: percent formats times 100 with their
    places, fixed formats ("0.00", "#,##0.00") with theirs and whole-number formats ("0",
    "#,##0") with none, each rounded half away from zero, a float in General in the 11
    characters Excel gives it (GENERAL_CHARS), else (an integer in General, text, formats not
    emulated) the shortest exact text. A float (what a cell holding a point or an exponent is,
    in openpyxl and here) is first the decimal of its 15 significant digits, as Excel shows it:
    1.005 (the double just below it, also written 1.0049999999999999) is 1.00500000000000 and
    shows 1.01, and a formula's 0.30000000000000004 shows 0.3. Integers stay exact. Decimal
    arithmetic with enough precision for any value and at most MAX_PLACES places, so no format
    and no number (a 300-digit integer, a 1e308 float) can make it fail."""
    number = _SHOWN.create_decimal_from_float(value) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        return str(value)
    plan = _PLANS.get(number_format)
    if plan is None:
        plan = _format_plan(number_format)
        if len(_PLANS) < 10_000:
            _PLANS[number_format] = plan
    percent, places = plan
    if percent == LITERAL_POINT:
        # (0!.0000: a point written as a literal before the last four digits, 3800000 shows 380.0000 —
        # a workbook keeping 元 and showing 万元; the number shown is the one read)
        number, percent = number.scaleb(-places), False
    context = _CONTEXT if number.adjusted() < 900 else \
        Context(prec=number.adjusted() + MAX_PLACES + 8, rounding=ROUNDING, Emax=10 ** 9, Emin=-(10 ** 9))
    if percent is True:
        number = number.scaleb(2, context)
    if places is None and isinstance(value, float) and _general(number_format):
        places = _general_places(number)
        return f"{number.quantize(_QUANTA[places], rounding=ROUNDING, context=context).normalize(context):f}"
    if places is None:
        return f"{number.normalize(context):f}" + ("%" if percent else "")
    text = _padded(f"{number.quantize(_QUANTA[places], rounding=ROUNDING, context=context):f}", _least_digits(number_format))
    return text + "%" if percent else text


def _padded(text: str, digits: int) -> str:
    """The number's integer part with zeros before it up to `digits` (a 款 code 3 in format "00"
    shows 03)."""
    sign = "-" if text.startswith("-") else ""
    whole, point, rest = text[len(sign):].partition(".")
    return sign + whole.rjust(digits, "0") + point + rest if len(whole) < digits else text


def _least_digits(number_format: str) -> int:
    """The integer digits a format always shows: its 0 placeholders before the point ("00": 2,
    "#,##0": 1); a 款 or 项 code kept as a number shows so (201 | 03 | 01)."""
    found = _LEAST_DIGITS.get(number_format)
    if found is None:
        first = number_format.split(";", 1)[0]
        point = LITERAL_POINT_RE.search(first)  # (0!.0000: the digits before the literal point only)
        section = _LITERALS_RE.sub("", first[:point.start()] if point else first)
        found = section.partition(".")[0].count("0")
        if len(_LEAST_DIGITS) < 10_000:
            _LEAST_DIGITS[number_format] = found
    return found


_LEAST_DIGITS: dict[str, int] = {}


# Excel's General format shows a number in at most 11 characters, its minus sign not counted (95.30000000001
# shows 95.3, 1234567.891234 shows 1234567.891, 0.123456789012 shows 0.123456789): a value a formula or a
# script left with a tail of digits nobody sees (95.30000000001, 2644.0700000001) is read as shown, not
# as a figure printed to 11 places. Two departures, both keeping more than Excel shows: an integer part
# over 10 digits is kept whole (Excel writes 1.23457E+11), and a number under 0.0001 is read to 9
# places (Excel writes 1.2E-05; a formula's residue, 5.55E-17, is the 0 it stands for). Only floats
# (a cell written with a point or an exponent): an integer cell stays exact, as a code must.
GENERAL_CHARS = 11


def _general(number_format: str) -> bool:
    return number_format.strip().lower() in ("general", "")


def _general_places(number: Decimal) -> int:
    """The places General shows a number with: what is left of GENERAL_CHARS after its integer
    digits (one, 0, below 1) and the point."""
    whole = max(number.adjusted() + 1, 1)
    return min(max(GENERAL_CHARS - whole - 1, 0), MAX_PLACES)


# Text in quotes, bracketed parts ([Red], [$-804], [>=100]), an escaped character (\ or !) and the
# character after _ (a space as wide as it) or * (fill): none of them is a digit placeholder.
_LITERALS_RE = re.compile(r'"[^"]*"?|\[[^\]]*\]?|[\\_*!].?')
_SCIENTIFIC_RE = re.compile(r"[Ee][+-]")


LITERAL_PERCENT = "literal"  # a format printing % as text: the number as it is, then %


def _format_plan(number_format: str) -> tuple[bool | str, int | None]:
    """(percent, places) of a number format; places None: the number is shown exact (General,
    text, scientific, fraction and other formats not emulated)."""
    places = min(_format_places(number_format), MAX_PLACES)
    section = _LITERALS_RE.sub("", number_format).split(";", 1)[0]
    if "%" in section:
        return True, places
    if "%" in number_format.split(";", 1)[0]:
        # a quoted or escaped %, 0.00"%" or 0.00\%, is text after the number: 95.64 shows 95.64%
        return LITERAL_PERCENT, places
    point = LITERAL_POINT_RE.search(number_format.split(";", 1)[0])
    if point and "." not in section:
        return LITERAL_POINT, len(point.group(1))  # (0!.0000: the digits after the literal point)
    if places and "0." in number_format:
        return False, places
    if not ("0" in section or "#" in section) or "/" in section or _SCIENTIFIC_RE.search(section):
        return False, None
    decimals = section.partition(".")[2]
    if "0" in decimals or "#" in decimals or "?" in decimals:
        return False, None  # optional places ("0.##"): not emulated
    return False, 0  # a whole number: "0", "#,##0", "#,##0_);(#,##0)", '0"人"'


LITERAL_POINT = "literal point"  # a plan's mark: the format writes its point as a literal (0!.0000)
LITERAL_POINT_RE = re.compile(r'(?:!\.|\\\.|"\.")(0+)')


def _format_places(number_format: str) -> int:
    if "." not in number_format:
        return 0
    decimals = number_format.split(".", 1)[1]
    return len(decimals) - len(decimals.lstrip("0"))


def _openpyxl():
    """openpyxl's own rules for number formats and date serials (built-in formats, which codes are
    dates or durations, serial to date), so cells read as openpyxl reads them. Imported with the
    first workbook: openpyxl's package import costs ~0.3 s, paid once per process."""
    from openpyxl.styles import numbers
    from openpyxl.utils import datetime as dates

    return numbers, dates
