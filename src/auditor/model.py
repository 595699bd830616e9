"""The document model every format is read into: ordered blocks with locations."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Union

from .facts.numbers import normalize_digits

_CELL_TEXT = attrgetter("text")  # a cell's text (Table.row_text)


@dataclass(frozen=True)
class Location:
    """Where something stands in a source file. Rows and columns are 1-based."""

    file: str
    line: int | None = None
    paragraph: int | None = None  # for formats without lines (Word)
    page: int | None = None
    sheet: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    section: str | None = None
    # the table row as the source shows it, where that differs from `row` (the grid's row, the one
    # the checks index and the fingerprint holds): what 第N行 says (ingest.raw.RawCell.row)
    shown_row: int | None = None
    # the part of a table joined from several it stands in (a 续表 counting its rows anew), from 2
    part: int | None = None

    def to_dict(self) -> dict:
        # the fields are plain values: read from the instance's dict, in field order (asdict
        # deep-copies each one, a third of a report's serialising)
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def describe(self) -> str:
        """A short Chinese description, e.g. 「第3页 · 第2张表 第4行第5列」: the tables counted in the
        document's order, so that no count is taken for a number the document prints (表2, 附表3)."""
        parts = []
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.page:
            parts.append(f"第{self.page}页")
        if self.line:
            parts.append(f"第{self.line}行")
        if self.paragraph:
            parts.append(f"第{self.paragraph}段")
        if self.table:
            # (a table's second part is its 续表, a third its 续表2, as printed)
            cell = table_ordinal(self.table) + (("（续表）" if self.part == 2 else f"（续表{self.part - 1}）") if self.part else "")
            if self.row:
                cell += f" 第{self.row_shown}行"
            if self.col:
                cell += f"第{self.col}列"
            parts.append(cell)
        return " · ".join(parts) or "全文"

    @property
    def row_shown(self) -> int | None:
        """The table row a reader counts to: the source's own (shown_row), else the grid's."""
        return self.shown_row or self.row

    def with_(self, **changes) -> "Location":
        # a copy with fields set directly: dataclasses.replace re-runs __init__ through a keyword
        # call per field (a Location is made for every cell of every table)
        if not changes.keys() <= LOCATION_FIELDS:
            raise TypeError(f"Location has no field {sorted(changes.keys() - LOCATION_FIELDS)[0]}")
        return self._copy(changes)

    def cell(self, row: int, col: int, line: int | None, page: int | None, shown: int | None = None,
             part: int | None = None) -> "Location":
        """A table cell's location (fields known, no keyword check)."""
        fields = self.__dict__.copy()
        fields["row"], fields["col"], fields["line"], fields["page"] = row, col, line, page
        if shown is not None and shown != row:
            fields["shown_row"] = shown
        if part is not None:
            fields["part"] = part
        return self._with_fields(fields)

    def _copy(self, changes: dict) -> "Location":
        fields = self.__dict__.copy()
        fields.update(changes)
        return self._with_fields(fields)

    @staticmethod
    def _with_fields(fields: dict) -> "Location":
        # a new instance given its fields' dict whole (a copied dict is copied in one go; filling
        # the new instance's own dict key by key costs more)
        copy = object.__new__(Location)
        object.__setattr__(copy, "__dict__", fields)
        return copy


LOCATION_FIELDS = frozenset(Location.__dataclass_fields__)


def block_location(file: str, line: int | None, paragraph: int | None, page: int | None, sheet: str | None,
                   section: str | None) -> Location:
    """Location(file, line=…, paragraph=…, page=…, sheet=…, section=…) for a block, its fields set
    in one dict: a frozen dataclass's __init__ sets each of the nine through object.__setattr__."""
    return Location._with_fields({"file": file, "line": line, "paragraph": paragraph, "page": page, "sheet": sheet,
                                  "table": None, "row": None, "col": None, "section": section})


class _PlainText:
    """`plain`, computed on first use and kept in the instance's __dict__, which then shadows this
    (non-data) descriptor. functools.cached_property does the same under a lock in Python 3.11,
    at several times the cost, and every sentence's `plain` is read."""

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        plain = obj.__dict__["plain"] = normalize_digits(obj.text)
        return plain


class _Plain:
    # The text with full-width digits and number punctuation made ASCII, same length (every
    # rule that reads numbers reads this; translated once, not once per rule).
    plain = _PlainText()


@dataclass
class Cell:
    text: str
    loc: Location


class _CellLocation:
    """A table cell's `loc`, made on first use from what grid_cell kept (most cells' locations are
    never read, and making a Location costs several times the cell); kept in the instance's
    __dict__, which then shadows this non-data descriptor (a Cell made with its loc never asks)."""

    def __get__(self, cell, owner=None):
        if cell is None:
            return self
        table, row, col, line, page, shown, part = cell._at
        loc = cell.__dict__["loc"] = table.cell(row, col, line, page, shown, part)
        return loc


Cell.loc = _CellLocation()  # type: ignore[assignment]
_new_object = object.__new__


def grid_cell(text: str, table: Location, row: int, col: int, line: int | None, page: int | None,
              shown: int | None = None, part: int | None = None) -> Cell:
    """Cell(text, table.cell(row, col, line, page, shown, part)), its location made when first read."""
    cell = _new_object(Cell)
    cell.text = text
    cell._at = (table, row, col, line, page, shown, part)  # type: ignore[attr-defined]
    return cell


SENTENCE_END_RE = re.compile(r"[。；;！？!?]")
# a cell longer than this is prose whatever it holds (no header or label runs so long)
PROSE_CHARS = 30
# a shorter cell is prose when it ends a sentence and holds more than a short label would
PROSE_SENTENCE_CHARS = 12


def is_prose(text: str) -> bool:
    """A table cell of sentences (a form's 实际完成情况, a 说明), not a label or a figure: long,
    or a finished sentence (“建成2处，执行76.00万元。”); a header's comma (全年执行数（截至12月31日，
    含结转）) ends no sentence."""
    return len(text) > PROSE_CHARS or (len(text) > PROSE_SENTENCE_CHARS and SENTENCE_END_RE.search(text) is not None)


@dataclass
class Heading(_Plain):
    text: str
    loc: Location
    token: str  # numbering token as written, e.g. "一、", "（二）", "3."
    style: str  # cn, paren_cn, arabic, paren_arabic, part, chapter, circled
    value: int | None  # the number the token stands for
    level: int

    kind = "heading"


@dataclass
class Sentence(_Plain):
    text: str
    loc: Location


@dataclass
class Paragraph(_Plain):
    text: str
    loc: Location
    sentences: list[Sentence] = field(default_factory=list)
    token: str = ""  # list numbering token, when the paragraph is a numbered item
    style: str = ""
    value: int | None = None

    kind = "paragraph"


def table_ordinal(index: int) -> str:
    """A table by its place among the document's tables (第3张表): no number the document prints."""
    return f"第{index}张表"


@dataclass
class Table:
    index: int  # 1-based among the document's tables
    rows: list[list[Cell]]
    loc: Location
    title: str = ""
    unit: str | None = None  # unit stated for the table, e.g. 万元
    type: str | None = None  # typed-table id once classified
    # the widest row, kept for the number of rows it was measured on (rules ask for it per row)
    _width: tuple[int, int] = field(default=(-1, 0), repr=False, compare=False)
    # the grid, kept for the number of rows it was made of: a dozen rules ask for it per table
    _grid: tuple[int, list] = field(default=(-1, []), repr=False, compare=False)
    # the table's opening text per length asked for, kept for the number of rows it was made of
    _starts: tuple[int, dict | None] = field(default=(-1, None), repr=False, compare=False)

    kind = "table"

    @property
    def name(self) -> str:
        """The table as a finding names it: its title, else its place among the document's tables."""
        return self.title or table_ordinal(self.index)

    @property
    def width(self) -> int:
        if self._width[0] != len(self.rows):
            self._width = (len(self.rows), max((len(r) for r in self.rows), default=0))
        return self._width[1]

    def grid(self) -> list[list[str]]:
        """The cells' texts, rows padded to the width. Made once and shared: callers only read it."""
        if self._grid[0] != len(self.rows):
            width = self.width
            self._grid = (len(self.rows), [[c.text for c in r] + [""] * (width - len(r)) for r in self.rows])
        return self._grid[1]

    def row_number(self, i: int) -> int:
        """Row i's number (0-based) as a location says it: 第N行 as the source shows the table."""
        row = self.rows[i] if 0 <= i < len(self.rows) else None
        return (row[0].loc.row_shown or i + 1) if row else i + 1

    def row_text(self, i: int) -> str:
        return "\t".join(map(_CELL_TEXT, self.rows[i]))  # (the cells' texts taken in C: rules ask row after row)

    @property
    def text(self) -> str:
        return "\n".join(self.row_text(i) for i in range(len(self.rows)))

    def text_start(self, chars: int) -> str:
        """`text[:chars]`, joining only the rows it needs; kept per length asked for (several rules
        of a kind ask for the same start of every table), again only if rows were added since."""
        if self._starts[0] != len(self.rows):
            self._starts = (len(self.rows), {})
        kept = self._starts[1]
        start = kept.get(chars)
        if start is None:
            start = kept[chars] = self._text_start(chars)
        return start

    def _text_start(self, chars: int) -> str:
        rows, length = [], -1  # the length of the rows joined so far, with their line breaks
        for i in range(len(self.rows)):
            if length >= chars:
                break
            rows.append(self.row_text(i))
            length += len(rows[-1]) + 1
        return "\n".join(rows)[:chars]


Block = Union[Heading, Paragraph, Table]


@dataclass
class Document:
    path: str
    blocks: list[Block]
    meta: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # the reader's: parts it could not read

    @property
    def tables(self) -> list[Table]:
        """The table blocks, listed once (rules ask hundreds of times) and again only if blocks
        were added since; callers only read the list."""
        kept = self.__dict__.get("_tables")
        if kept is None or kept[0] != len(self.blocks):
            kept = self.__dict__["_tables"] = (len(self.blocks), [b for b in self.blocks if isinstance(b, Table)])
        return kept[1]

    @property
    def text(self) -> str:
        """The document text as read: every quote in a finding is a substring of it. Joined once
        (several rules search it), again only if blocks were added since."""
        kept = self.__dict__.get("_text")
        if kept is None or kept[0] != len(self.blocks):
            kept = self.__dict__["_text"] = (len(self.blocks), "\n".join(b.text for b in self.blocks))
        return kept[1]

    def release(self) -> None:
        """Drop what the rules derived and kept on the document (_fact_base, _typed, …). The fact
        base refers back to the document, so without this the whole document would wait for a
        pass of the cyclic garbage collector over every one of its objects; with it, reference
        counting frees it at once when the audit is done."""
        for name in [n for n in self.__dict__ if n.startswith("_")]:
            del self.__dict__[name]

    def sentences(self):
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield from block.sentences
            elif isinstance(block, Heading):
                yield Sentence(block.text, block.loc)
