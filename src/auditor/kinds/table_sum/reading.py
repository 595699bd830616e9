"""What `table_sum` reads of a table's rows and cells: a row's name, label and level (its
numbering), whether a cell is an amount (kept per cell text), and the note after each table."""
from __future__ import annotations

import re

from ...facts.lexicon import lexicon
from ...ingest.build import numbering_of
from ...knowledge import compact, concepts, vocabulary_generation
from ...memo import remember_short
from ...model import Table
from ...tables.typed import parse_cell


def row_level(grid, r: int, label_col: int):
    """The numbering level of a row's label (the document model's reading: 一、 1, （一） 2, 1. 3 …), or None.
    A 序号 cell holding a bare numeral (一 | 1) numbers its row as 一、 and 1、 would."""
    label = row_label(label_cells(grid[r], label_col)).strip()
    if BARE_SERIAL_RE.fullmatch(label):
        label += "、"
    return (numbering_of(label) or (None,) * 4)[3]


BARE_SERIAL_RE = re.compile(r"[一二三四五六七八九十]{1,3}|\d{1,2}")  # a 序号 cell: 一, 二, 1, 12


def label_cells(row: list[str], label_col: int) -> list[str]:
    """A row's cells up to its label's end: the label column and the next, and the cells after
    them up to the first figure (类别 | 项目名称 | 资金来源: a third or fourth label column, the cells
    before it merged down and left blank, holds the row's own label:  |  |  | 小计)."""
    end = label_col + 1
    # (is_amount is kept per cell text, asked again and again; a rate ends the labels as a figure does)
    while end < len(row) and (not row[end].strip() or not (is_amount(row[end]) or row[end].strip().endswith(("%", "％", "‰"))
                                                           or lexicon().dash(row[end].strip()))):
        end += 1  # (a dash, —, stands for a figure: 收入 | — | 本年支出合计 | 90 is two sides)
    # (at least the label column and the next, as a row of two labels has; no further past a
    # figure: 收入 | 100 | 支出 | 90 holds the other side's label after it)
    return row[:max(end, label_col + 2)]


def row_name(row: list[str]) -> str:
    """A row's name: its first cell holding words (not its 序号 or code)."""
    return next((compact(t) for t in row if t.strip() and parse_cell(t.strip()) is None
                 and not CODE_CELL_RE.match(t.strip())), "")


def row_label(row: list[str]) -> str:
    """The row's label: its first cell stating something (a placeholder in a 序号 column, “—”
    before 合计, is none)."""
    says_nothing = lexicon().says_nothing
    return next((t for t in row if not says_nothing(t)), "")


def is_amount(text: str) -> bool:
    """A cell printing a figure that is no rate. Kept per cell text: the table rules ask it of
    the same cells again and again (each total test walks the grid)."""
    generation = vocabulary_generation()
    if _AMOUNTS.get(_GENERATION) != generation:  # (a cell's reading depends on the vocabulary's units)
        _AMOUNTS.clear()
        _AMOUNTS[_GENERATION] = generation
    found = _AMOUNTS.get(text)  # (looked up here first: most cells are asked again and again)
    return found if found is not None else remember_short(_AMOUNTS, text, _read_amount)


_GENERATION = "\0generation"  # (no cell's text: the key of the vocabulary generation the readings are of)
_AMOUNTS: dict = {}  # cell text -> is_amount


def _read_amount(text: str) -> bool:
    q = parse_cell(text.strip()) if text.strip() else None
    return q is not None and q.unit not in ("%", "‰")


CODE_CELL_RE = re.compile(r"^(?:\d{3}|\d{5}|\d{7})$")  # a 功能分类 code: 类 3 digits, 款 5, 项 7


def notes_after(doc) -> dict[int, str]:
    """The text of the block right after each table (by id): where a table's note stands (注：…)."""
    return {id(block): doc.blocks[k + 1].text for k, block in enumerate(doc.blocks[:-1])
            if isinstance(block, Table) and not isinstance(doc.blocks[k + 1], Table)}


SECTION_NUMBER_RE = re.compile(r"^[一二三四五六七八九十]+[、.．]")  # 一、 before a section row's kind


def kind_section(row: list[str], label_col: int) -> bool:
    """A row opening a table's section of one kind of money (收入 | | ; 二、支出 | |: concepts.yaml
    kind_totals): a word alone, no figure; the rows after it are that kind's, not the rows above."""
    cells = [t.strip() for t in row[label_col:] if t.strip()]
    if len(cells) != 1 or is_amount(cells[0]):
        return False
    words = SECTION_NUMBER_RE.sub("", compact(cells[0]))
    return words in (concepts().get("kind_totals") or {})


def inner_head(row: list[str], label_col: int) -> bool:
    """A row of heads inside a table (年度主要任务 | 任务名称 | 预算金额（万元）; 支出项目 | 预算数 | 执行数
    under the income rows): two cells or more from the label column on holding words, none a figure."""
    cells = [t.strip() for t in row[label_col:] if t.strip()]
    return len(cells) >= 2 and not any(is_amount(t) or parse_cell(t) is not None for t in cells) \
        and not compact(cells[0]).startswith("其中")
