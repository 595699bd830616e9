"""Typed tables: recognise table shapes declared in rules/vocabulary.yaml and read records.

A grid can hold several typed tables (a project self-evaluation form holds the budget
execution block and the indicator score table). Each typed table keeps, for every value,
the cell it came from, so that findings can point at cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple, Union

from ..facts.numbers import Quantity, counts_up, is_column_numbers, normalize_digits, parse_quantity, to_decimal
from ..knowledge import _compact, compact, concepts, vocabulary, vocabulary_generation
from ..facts.lexicon import word_finder
from ..memo import MEMO_ENTRIES, remember_short
from ..model import Cell, Document, Table

WEIGHT_IN_LABEL_RE = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")
VALUE_RE = re.compile(r"^(?:[≥≤<>=＜＞]|\d)")  # a target or actual value, not an indicator name


def category_key(label: str) -> str:
    """A score category as its rows and its 小计 may each write it (产出, 产出指标, 产出指标（50分）)."""
    name = WEIGHT_IN_LABEL_RE.sub("", compact(label))
    return name[:-2] if name.endswith("指标") and len(name) > 2 else name
SECTION_RE = re.compile(r"指标[（(]\d+分[）)]$")
# a caption cell above a header: a name and its value (编制单位：某中心, 单位：万元) or the period
# alone (2024年度); it names no column
CAPTION_CELL_RE = re.compile(r"^(?:[^：:]{1,8}[：:]\s*\S.*|(?:19|20)\d\d\s*年度?|单位\s*[（(]?\s*[万亿千]?元\s*[）)]?)$")
PLACEHOLDER_RE = re.compile(r"^(?:[.…。·]+|年度绩效目标.*|—+|-+)$")


@dataclass
class ScoreRecord:
    """One indicator row of a performance score table. Text fields hold the stripped cell
    text; target, actual and reason are None when the table has no such column."""

    indicator: str
    level1: str = ""  # carried down from the row above when blank
    level2: str = ""
    target: str | None = None
    actual: str | None = None
    reason: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    cells: dict[str, Cell] = field(default_factory=dict)
    row: int = 0


@dataclass
class ExecutionRecord:
    """The scored row of a budget execution block; a value is None when its column is absent
    or unreadable."""

    row: int
    label: str
    cells: dict[str, Cell] = field(default_factory=dict)
    initial_budget: Decimal | None = None
    budget: Decimal | None = None
    executed: Decimal | None = None
    weight: Decimal | None = None
    rate: Decimal | None = None  # in %
    score: Decimal | None = None
    weight_from_header: bool = False  # weight read from the header label (预算执行情况（10分）)


@dataclass
class CodeRecord:
    """A row of a table keyed by budget code (or its 合计 row, `is_total`)."""

    row: int
    code: str
    name: str
    segment: int  # column of the code: a table may hold several code/amount blocks side by side
    is_total: bool
    amounts: dict[int, Cell]  # column → cell, figures only
    label_cell: Cell
    # a record of a block continuing the block to its left is read in that block's columns:
    # its amounts are keyed by them, and this maps each back to the column it is printed in
    printed: dict[int, int] = field(default_factory=dict)

    def printed_col(self, col: int) -> int:
        return self.printed.get(col, col)


@dataclass
class SummaryRecord:
    """An item of one side (income / expenditure) of a 收入支出决算总表."""

    row: int
    side: int
    label: str
    label_cell: Cell
    amount_cell: Cell
    # the side's other amount columns (一般公共预算财政拨款 | 政府性基金…), which its amount column
    # sums across where the side has a total column (SummarySide.total): column → cell, figures or blanks
    parts: dict[int, Cell] = field(default_factory=dict)


@dataclass
class SummarySide:
    """One side (income / expenditure) of a 收入支出决算总表: its item column and its amount columns,
    left to right; the first of them is the records' `amount_cell`, the others their `parts`."""

    item: int
    amounts: list[int]
    # the amount column that is the sum of the others across each row (合计 | 一般公共预算财政拨款 |
    # 政府性基金预算财政拨款 …), or None: the others are columns beside it (a fund's), no parts of it
    total: int | None = None


@dataclass
class ThreePublicRecord:
    """The “三公” figures of one group (budget / actual); a blank figure reads as 0."""

    row: int
    group: str
    cells: dict[str, Cell] = field(default_factory=dict)
    total: Decimal | None = None
    abroad: Decimal | None = None
    cars: Decimal | None = None
    car_purchase: Decimal | None = None
    car_running: Decimal | None = None
    reception: Decimal | None = None


Record = Union[ScoreRecord, ExecutionRecord, CodeRecord, SummaryRecord, ThreePublicRecord]


@dataclass
class TypedTable:
    type: str
    table: Table
    header_row: int  # 0-based row index of the header in the grid
    columns: dict[str, int]
    # the first row after the header's rows (0-based): header_row + 1, or past the sub-heads of a
    # two-level header (指标 spanning 一级指标 | 二级指标 | 三级指标 in the row below), or past the rows
    # a reader found its header to take (a 类 | 款 | 项 row): where the readers start, and what a
    # repeated header row below it is told from
    data_row: int = -1
    # each column's head, compacted: a two-level header's spanning head and its sub-head together
    heads: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    totals: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    header_weight: Decimal | None = None  # budget_execution: 分值 in the header label
    segments: list[tuple[int, list[int]]] = field(default_factory=list)  # budget_by_code: (code col, amount cols)
    column_names: dict[int, str] = field(default_factory=dict)  # budget_by_code: column → header text
    sides: list[SummarySide] = field(default_factory=list)  # income_expense_summary: its sides, left to right
    three_public_layout: str | None = None  # three_public: "labels" / "rows" when read by header labels
    # the header names the table's columns ambiguously (a 三公 table read neither by its heads nor by a
    # 栏次 row): its figures are told apart by no head, and the fact reader leaves them unread too
    unread_header: bool = False
    # performance_scores: a category's 小计 row (row index, its cells) after the indicators it sums
    subtotals: list[tuple[int, list[Cell]]] = field(default_factory=list)
    # performance_scores: a category's own row heading its indicators with its points or score in
    # the indicators' columns (一 | 投入 | | | 20 | 19): (row index, its cells, the category's name)
    category_rows: list[tuple[int, list[Cell], str]] = field(default_factory=list)
    # performance_scores: the rows are first-level categories (一级指标 | 分值 | 得分), no indicators
    categories_only: bool = False
    # performance_scores: the level its scored rows are of where no indicator column is found (a
    # form of 一级指标 | 二级指标 | 分值 | 得分 scores its level2 rows); "" for the indicators' own
    scored_level: str = ""

    def __post_init__(self):
        if self.data_row < 0:
            self.data_row = self.header_row + 1

    @property
    def header_rows(self) -> range:
        """The rows of the table's header, its data_row excluded."""
        return range(self.header_row, self.data_row)

    def head(self, col: int | None) -> str:
        """The compacted head of column `col` ("" past the header's width, or for None)."""
        return self.heads[col] if col is not None and 0 <= col < len(self.heads) else ""

    @property
    def title(self) -> str:
        return vocabulary()["table_types"][self.type]["title"]



def typed_tables(doc: Document) -> list[TypedTable]:
    """All typed tables of a document, cached on it."""
    cached = getattr(doc, "_typed", None)
    if cached is None:
        cached = [t for table in doc.tables for t in classify(table)]
        doc._typed = cached  # type: ignore[attr-defined]
    return cached


def classify(table: Table) -> list[TypedTable]:
    types = vocabulary()["table_types"]
    grid = table.grid()
    found: list[TypedTable] = []
    title = compact(table.title or "")
    # the types this table's title allows, with their header terms: tried on every row
    candidates = [(type_id, spec, spec.get("header_all") or (), spec.get("header_any") or ())
                  for type_id, spec in types.items() if _title_matches(spec, title)]
    # (a type whose header may be no more than the heads of a split code, 类 | 款 | 项: their first
    # two written together are a term of the whole row compacted, below)
    split_cues = {type_id: "".join(_code_parts(spec)[:MIN_CODE_PARTS]) for type_id, spec, _, _ in candidates
                  if len(_code_parts(spec)) >= MIN_CODE_PARTS}
    # A term found among a row's short compacted cells is found in the whole row compacted in one
    # go (compact() works character by character), unless the term holds the | that joins the
    # cells: most rows (figures, names) fail that test and need no compacting cell by cell.
    quick = not any("|" in term for _, _, every, some in candidates for term in (*every, *some))
    needed = tuple(tuple(_alternatives(every[0]) if every else (*some, *([split_cues[t]] if t in split_cues else [])))
                   for t, _, every, some in candidates)
    cue = _header_cue(needed) if quick else None
    def matches(text: str) -> bool:
        return any(_header_matches(text, every, some) or (t in split_cues and split_cues[t] in text)
                   for t, _, every, some in candidates)

    under = None  # the row below compacted, when a row above needed it (kept for that row's turn)
    for r, row in enumerate(grid):
        below = grid[r + 1] if r + 1 < len(grid) else []
        two_level = False  # the row's terms and its sub-heads' together make a header (评分 over 分值 | 得分)
        sub_alone = False  # …and the sub-heads alone would too
        if quick:
            # (not memoised: a whole row is compacted once, or twice where the row above had blanks)
            whole, under = (under if under is not None else _compact("".join(row))), None
            if (cue is not None and not cue.search(whole)) or not matches(whole):
                # (none of the candidates' first terms: no header, most rows, one search; unless a
                # row with blank cells has the rest of its terms in the sub-heads below, they being
                # no header on their own)
                if not below or "" not in row:
                    continue
                under = _compact("".join(below))
                both = f"{whole}|{under}"
                if (cue is not None and not cue.search(both)) or not matches(both):
                    continue
                two_level = True
                # the sub-heads may make a header on their own (年度指标值 | 实际完成值 | 分值 | 得分
                # under 三级指标 | 绩效指标值 | 评分): read with the row above only where that row's
                # own heads name columns of the type (see _names_columns), else in their turn alone
                sub_alone = matches(under)
        cells = list(map(compact, row))
        heads, depth = _with_sub_heads(cells, below)
        # header cells are short labels; a two-level header's sub-heads are its cells' too
        joined = "|".join(c for c in (cells if not (two_level and depth == 2) else [*cells, *map(compact, below)])
                          if len(c) <= 24)
        for type_id, spec, header_all, header_any in candidates:
            if sub_alone and not _names_columns(type_id, spec, cells):
                continue
            if any(f.type == type_id and f.header_row < r < f.data_row for f in found):
                continue  # (the sub-heads of a two-level header read with the row above)
            if "item_heads" in spec and not _item_columns(cells, spec):
                continue  # (a summary's header names the column of each side's items)
            if _header_matches(joined, header_all, header_any) or _split_code_header(cells, type_id, spec, r, found):
                columns = _columns_of(type_id, heads)
                # (一级 | 二级 | 得分: the second level is scored; 一级指标 | 分值 | 得分 | 扣分说明: the first)
                fallback = None if "indicator" in columns else \
                    next((f for f in spec.get("indicator_fallback", ()) if f in columns), None)
                if fallback:
                    columns["indicator"] = columns.pop(fallback)
                if type_id == "performance_scores" and "weight" in columns:
                    _level_weights(heads, columns, spec["columns"]["weight"])
                if type_id == "performance_scores":
                    _paired_target_actual(heads, columns, spec["columns"])
                if "indicator" in spec["columns"] and "indicator" not in columns:
                    continue  # (no indicator rows of this type)
                # a score table whose one label column is the indicators' (评价指标 | 权重 | 得分, no
                # levels, targets or actuals) lists categories (投入, 过程, 产出, 效益) as its rows
                only_label = type_id == "performance_scores" and "indicator" in columns \
                    and not {"level1", "level2", "target", "actual"} & set(columns)
                # (a row numbering the columns under the header, 1 | 2 | 3 | …: no data)
                numbered = r + depth < len(grid) and _column_numbers(grid[r + depth])
                typed = TypedTable(type_id, table, r, columns, data_row=r + depth + numbered, heads=heads,
                                   categories_only=fallback == "level1" or only_label, scored_level=fallback or "")
                READERS[type_id](typed, grid)
                found.append(typed)
                break
    return found


def _paired_target_actual(heads: list[str], columns: dict[str, int], aliases: dict[str, list[str]]) -> None:
    """One column headed for the target and the actual together (年度指标值/全年实际值, its cells
    ≥90%/84%): both roles take it, _score_record splitting each cell at its /."""
    if "target" not in columns or "actual" in columns:
        return
    head = heads[columns["target"]]
    if PAIR_MARK in head and _map_columns([head.rsplit(PAIR_MARK, 1)[1]], {"actual": aliases["actual"]}):
        columns["actual"] = columns["target"]


PAIR_MARK = "/"  # what a head and its cells pair the target and the actual with (≥90%/84%)


def _names_columns(type_id: str, spec: dict, cells: list[str]) -> bool:
    """Whether a header's top row names, by its own heads, the type's indicator column (where the
    type has one) and one column more: a row of heads over sub-heads (三级指标 | 绩效指标值 | 评分),
    not a row of a form's particulars over a header (项目名称 | 某项目 | | )."""
    own = _columns_of(type_id, cells)
    return len(own) >= 2 and ("indicator" in own or "indicator" not in spec["columns"])


def _column_numbers(row: list[str]) -> bool:
    """The row numbers the columns (1 | 2 | 3 | … in order, blanks aside, three at least; or going
    on from an earlier block's, 7 | 8 | … | 12 under the 决算数 block of a 三公 sheet): a header's
    column numbers, no row of figures."""
    # (digits only: a row labelling its first columns 甲 | 乙 | 丙 is read with its stems elsewhere)
    filled = [c.strip() for c in row if c.strip()]
    return len(filled) >= 3 and all(t.isdigit() and len(t) <= 2 for t in filled) and counts_up(filled)


MIN_CODE_PARTS = 2  # heads of a split code side by side that name it (类 | 款; 项 may be absent)


def _code_parts(spec: dict) -> tuple[str, ...]:
    """The heads of the columns a type's code may be split over (类, 款, 项), compacted."""
    return tuple(compact(p) for p in spec.get("code_parts") or ())


def _split_code_heads(cells: list[str], heads: tuple[str, ...]) -> dict[int, list[int]]:
    """{the first column of each run of a split code's heads in a row (类 | 款 | 项, at least the
    first two side by side): the run's columns}. `cells` compacted."""
    runs: dict[int, list[int]] = {}
    if len(heads) < MIN_CODE_PARTS:
        return runs
    for c, text in enumerate(cells):
        if text != heads[0]:
            continue
        run = [c]
        while len(run) < len(heads) and run[-1] + 1 < len(cells) and cells[run[-1] + 1] == heads[len(run)]:
            run.append(run[-1] + 1)
        if len(run) >= MIN_CODE_PARTS:
            runs[c] = run
    return runs


def _split_code_header(cells: list[str], type_id: str, spec: dict, r: int, found: list) -> bool:
    """Whether a row is a header of a table keyed by code by the heads of its split code alone
    (类 | 款 | 项 | 科目名称, no 科目编码). Not when a header of that table lies just above: then
    the heads are that header's, read with it (科目编码 over a 类 | 款 | 项 row, or over a 合计
    row printing them)."""
    if not _split_code_heads(cells, _code_parts(spec)):
        return False
    return not any(f.type == type_id and 0 < r - f.header_row <= MAX_HEADER_CONTINUATION + 1
                   for f in found)


def _with_sub_heads(cells: list[str], below: list[str]) -> tuple[list[str], int]:
    """The heads of a two-level header (预算数 spanning 年初预算 | 全年预算 in the row below): each
    column's head with its sub-head after it, the spanning head standing over the blank cells it
    spans; with the rows the header takes (2). A header of one level (the row below holds figures,
    or no sub-head under a spanned cell) is left as it is (1 row)."""
    below = [compact(c) for c in below[:len(cells)]]
    if not any(b and not c for c, b in zip(cells, below)) or any(parse_cell(b) for b in below if b):
        return cells, 1
    heads, over = [], ""
    for c, b in zip(cells, below + [""] * (len(cells) - len(below))):
        over = c or over
        heads.append((c or over) + b if b else c)
    return heads, 2


@lru_cache(maxsize=64)
def _header_cue(needed: tuple) -> re.Pattern | None:
    """`needed`: for each candidate type, the terms one of which its header row must hold (its
    first header_all term, else its header_any terms). A pattern finding any of them; None when
    some type needs no term (any row may be its header)."""
    if not needed or not all(needed):
        return None
    return re.compile("|".join(re.escape(term) for terms in needed for term in terms))


def _title_matches(spec: dict, title: str) -> bool:
    """`title`: the compacted title; a type without `title_any` takes any."""
    title_any = spec.get("title_any")
    return not title_any or any(t in title for t in title_any)


TERM_ALTERNATIVES = "/"  # a header_all term's words any one of which will do (得分/评分)


@lru_cache(maxsize=256)
def _alternatives(term: str) -> tuple[str, ...]:
    """A header_all term's words (split once per term, not once per row and type)."""
    return tuple(term.split(TERM_ALTERNATIVES))


def _header_matches(joined: str, header_all, header_any) -> bool:
    """`joined`: a row's short cells, compacted, joined by |."""
    for term in header_all:
        if not any(word in joined for word in _alternatives(term)):
            return False
    if not header_any:
        return True
    for term in header_any:
        if term in joined:
            return True
    return False


_COLUMNS: dict = {}


def _columns_of(type_id: str, heads: list[str]) -> dict[str, int]:
    """_map_columns of a header's heads under a table type's columns, as a new dict (callers change
    it). Kept per type and heads, at most MEMO_ENTRIES of them: a pure function of the two, the
    vocabulary.yaml it reads being read once per process, and the standard tables' header rows
    repeat across a batch."""
    key = (type_id, tuple(heads))
    found = _COLUMNS.get(key)
    if found is None:
        if len(_COLUMNS) >= MEMO_ENTRIES:
            _COLUMNS.clear()
        spec = vocabulary()["table_types"][type_id]
        taken = _own_level_columns(heads, _map_columns(heads, spec["columns"]))
        found = _COLUMNS[key] = _deepest_level_heads(heads, taken, tuple(spec.get("level_prefixes") or ()))
    return dict(found)


def _deepest_level_heads(heads: list[str], taken: dict[str, int], prefixes: tuple[str, ...]) -> dict[str, int]:
    """A header giving each level its own points and score under the level's name (一级分值 | 一级得分 |
    二级分值 | 二级得分): the indicators' are the deepest level's. A column taken under a head that a
    level's prefix opens gives way to the free head of the same words under a deeper level's prefix
    (`prefixes` outermost first)."""
    for role, col in list(taken.items()):
        level = next((i for i, p in enumerate(prefixes) if heads[col].startswith(p)), None)
        if level is None:
            continue
        rest = heads[col][len(prefixes[level]):]
        deeper = [k for k, head in enumerate(heads) if k not in taken.values()
                  for p in prefixes[level + 1:] if head == p + rest]
        if deeper:
            # (the shallower level's column is kept as the category's: OUTER + role, see _category_row)
            taken[OUTER + role] = col
            taken[role] = max(deeper, key=lambda k: next(i for i, p in enumerate(prefixes) if heads[k].startswith(p)))
    return taken


OUTER = "outer_"  # a column role's prefix for a shallower level's figure of it (一级得分 beside 二级得分)


def _category_row(cells: list[Cell], columns: dict[str, int], carried: str = "") -> bool:
    """A row stating a category's own points or score under its level's heads (决策 | 15 | 13.50 above
    its indicators, in a form heading 一级得分 and 二级得分 apart), none under the indicators'."""
    outer = [number(cell_at(cells, col)) for role, col in columns.items()
             if role.startswith(OUTER) or role in ("level1_weight", "level2_weight")]
    own = [number(cell_at(cells, columns.get(role))) for role in ("weight", "score")]
    if any(v is not None for v in outer) and all(v is None for v in own):
        return True
    # (决策 | 20 | | | 18.50: the category's weight under its level's head, its score in the indicators'
    # column; 一 | 投入 | | | 20 | 19 in a form of one weight column: no indicator named on the row,
    # only its category: the category's own row, a heading subtotal)
    # (a row naming a target or an outcome is an indicator's, standing in the category's column: 预算执行率
    # | | | 10 | 100% | 95.00% | 9.50)
    inner = [columns[k] for k in ("indicator", "level2", "target", "actual")
             if k in columns and columns[k] != columns.get("level1")]
    label = cell_at(cells, columns.get("level1"))
    # (a form printing its category on every row, 产出 | (merged) | … under 产出 | 数量指标 | …: the
    # category carried down is no new category's row)
    return bool(inner) and all(not compact(c.text) for c in (cell_at(cells, k) for k in inner) if c is not None) \
        and label is not None and bool(compact(label.text)) and compact(label.text) != compact(carried) \
        and any(v is not None for v in [*outer, *own])


def _own_level_columns(heads: list[str], taken: dict[str, int]) -> dict[str, int]:
    """In a header of two levels side by side, each with its points and score (一级指标 | 分值 | 得分 |
    二级指标 | 分值 | 得分), the indicator's columns are the ones after it: a head taken left of the
    indicator column (or the deepest level's: 二级指标) and written again right of it is read there."""
    levels = [taken[k] for k in ("indicator", "level2", "level1") if k in taken]
    if not levels:
        return taken
    at = max(levels)
    for name, col in list(taken.items()):
        if col < at and heads[col]:
            again = next((k for k in range(at + 1, len(heads)) if heads[k] == heads[col]
                          and k not in taken.values()), None)
            if again is not None:
                taken[name] = again
    return taken


def _map_columns(cells: list[str], aliases: dict[str, list[str]]) -> dict[str, int]:
    """Each column's place: a head equal to one of its aliases, else starting with one, else
    holding one; an alias written with a leading = (=指标) names the column only when equal."""
    taken: dict[str, int] = {}
    for name, names in aliases.items():
        free = [(i, c) for i, c in enumerate(cells) if c and i not in taken.values()]
        forms = _alias_forms(tuple(names))
        for test in HEAD_TESTS:
            col = next((i for alias in forms if test is str.__eq__ or not alias.exact
                        for i, c in free if _head_names(c, alias, test)), None)
            if col is not None:
                taken[name] = col
                break
    return taken


HEAD_TESTS = (str.__eq__, str.startswith, str.__contains__)  # the closest match first


class AliasForm(NamedTuple):
    """A column alias as heads are tested against it, worked out once per list of aliases."""

    name: str  # compacted, without its leading =
    exact: bool  # written =name: it names a column only when equal
    # the estimate heads (预计全年执行数) the alias does not hold: a head holding one of them names
    # no column of what was done (only an alias holding the same word matches it)
    not_in: tuple[str, ...]


@lru_cache(maxsize=256)  # (one entry per column of the vocabulary's table types: a fixed set)
def _alias_forms(names: tuple[str, ...]) -> tuple[AliasForm, ...]:
    return tuple(AliasForm(compact(a.lstrip("=")), a.startswith("="), tuple(w for w in _estimate_heads() if w not in a))
                 for a in names)


def _head_names(head: str, alias: AliasForm, test) -> bool:
    """A column head is named by the alias under the test (equal, starting with, holding)."""
    # (held only outside brackets: a bracket qualifies its head, 得分（分值10）is the score's column)
    # (the alias's own brackets aside too: 1.因公出国(境)费 holds 因公出国（境）费)
    named, name = (BRACKETED_RE.sub("", head), BRACKETED_RE.sub("", alias.name)) if test is str.__contains__ \
        else (head, alias.name)
    return bool(head) and (test is str.__eq__ or not alias.exact) \
        and test(named, name) and not any(w in head for w in alias.not_in)


BRACKETED_RE = re.compile(r"[（(][^（()）]*[）)]")


@lru_cache(maxsize=1)
def _estimate_heads() -> tuple[str, ...]:
    return tuple(vocabulary().get("estimate_heads") or ())


LEVEL_ROLES = ("level1", "level2", "indicator")  # a score table's label columns, outermost first


def _level_weights(cells: list[str], columns: dict[str, int], aliases: list[str]) -> None:
    """A score table with a weight column at each level (一级指标 | 权重 | 二级指标 | 权重 | 三级指标 |
    权重 | … | 得分, a category's weight merged over its rows): the indicator's own weight is the
    first after the last label column; one before it is the category's of the label column
    nearest on its left (level1_weight, level2_weight). `columns` is changed in place."""
    labels = sorted((col, role) for role, col in columns.items() if role in LEVEL_ROLES)
    others = {col for role, col in columns.items() if role != "weight"}
    heads = [i for i, c in enumerate(cells) if i not in others
             and any(_head_names(c, alias, test) for alias in _alias_forms(tuple(aliases)) for test in HEAD_TESTS)]
    if len(heads) < 2 or not labels:
        return  # (one weight column: the indicators')
    last = labels[-1][0]
    own = next((i for i in heads if i > last), None)
    if own is None:
        return
    columns["weight"] = own
    for i in heads:
        role = next((role for col, role in reversed(labels) if col < i), None)
        if i < last and role in ("level1", "level2") and f"{role}_weight" not in columns:
            columns[f"{role}_weight"] = i


def cell_at(grid_row: list[Cell], col: int | None) -> Cell | None:
    if col is None or col < 0 or col >= len(grid_row):
        return None
    return grid_row[col]


def number(cell: Cell | None) -> Decimal | None:
    """A cell's number; a score table's cell may print its points with their unit (总分 | 98.87分)."""
    if cell is None:
        return None
    value = to_decimal(cell.text)
    if value is None:
        printed = parse_cell(cell.text.strip())
        value = printed.value if printed is not None and printed.unit == "分" else None
    return value


def points(cell: Cell | None) -> Decimal | None:
    """A weight's points: its number, or a share of the hundred written in per cent (权重 15% of a
    form scored out of 100 is 15 points)."""
    value = number(cell)
    if value is None and cell is not None:
        text = cell.text.strip()
        if text.endswith(("%", "％")):
            value = to_decimal(text[:-1])
    return value


def quantity(cell: Cell | None) -> Quantity | None:
    return parse_cell(cell.text) if cell is not None and cell.text else None


def parse_cell(text: str) -> Quantity | None:
    """parse_quantity(text), kept for short texts: the readers and the table rules parse the same
    cells again and again, and a Quantity is immutable."""
    return remember_short(_QUANTITIES, text, parse_quantity)


_QUANTITIES: dict = {}  # cell text -> its Quantity or None


def grid_cell(grid: list[list[str]], r: int, c: int) -> str:
    """A grid's text at (r, c), "" past the end of a short row."""
    return grid[r][c] if c < len(grid[r]) else ""


def plain_figure(text: str) -> tuple[Decimal, int] | None:
    """(value, decimal places) of a cell's plain figure; None for words, rates and blanks."""
    q = parse_cell(text.strip()) if text and text.strip() else None
    if q is None or q.unit in ("%", "‰") or q.value is None:
        return None
    return q.value, q.places


def _padded(table: Table, r: int) -> list[Cell]:
    row = table.rows[r]
    width = table.width
    if len(row) >= width:
        return row
    last = row[-1].loc if row else table.loc
    return row + [Cell("", last.with_(col=k + 1)) for k in range(len(row), width)]


# --- performance score tables -------------------------------------------------------

def _read_scores(typed: TypedTable, grid: list[list[str]]) -> None:
    spec = vocabulary()["table_types"]["performance_scores"]
    level2 = {compact(x) for x in vocabulary()["indicator_level2"] + vocabulary()["indicator_level1"]}
    column = typed.columns.get("indicator")
    if "level2" not in typed.columns and column is not None and "二级" in typed.head(column):
        level2 = set()  # a two-level form scores its 二级指标 rows (社会效益, 满意度): no slipped label
    if typed.categories_only:
        level2 = set()  # a table of categories: their names are its rows, no slipped labels
    totals = {compact(x) for x in spec["total_labels"]}
    subtotals = tuple(compact(x) for x in spec.get("subtotal_labels") or ())
    carried = {"level1": "", "level2": ""}
    own: list[str] = []  # each record's own 一级指标 cell, before the one above is carried down
    for r in range(typed.data_row, len(grid)):
        cells = _padded(typed.table, r)
        texts = list(map(compact, grid[r]))  # (the cells' texts compacted, for the tests below)
        label = next((t for t in texts if t), "")  # (a cell blank once stripped is blank compacted)
        if label in totals:
            _read_total(typed, cells)
            break
        if subtotals and _is_subtotal(texts, subtotals):
            typed.subtotals.append((r, cells))  # 产出指标小计, or 产出指标 | 小计: a category's sum
            head = cell_at(cells, typed.columns.get("level1"))
            label = compact(head.text) if head is not None else ""
            if label and not label.endswith(subtotals) and not (
                    typed.records and category_key(typed.records[-1].level1) == category_key(label)):
                # (决策（20分） | 小计 | … heading its items, none of its rows above it: the rows under
                # it are that category's; a 小计 closing its rows carries nothing down)
                carried["level1"], carried["level2"] = head.text.strip(), ""
            continue
        if _is_header(texts):
            break
        if _funds_header(texts):
            # (the funds block under the indicators: no indicator rows after it, but the form's
            # 总分 closing it all is the scores' total)
            _read_total_after(typed, grid, r + 1, totals)
            break
        if _category_row(cells, typed.columns, carried["level1"]):
            # (the category's name in its level's column: not a 序号 cell before it)
            head = cell_at(cells, typed.columns.get("level1"))
            carried["level1"], carried["level2"] = (head.text.strip() if head is not None and head.text.strip() else label), ""
            if any(number(cell_at(cells, typed.columns.get(role))) is not None for role in ("weight", "score")):
                typed.category_rows.append((r, cells, carried["level1"]))  # (its sums: SCO016)
            continue
        record = _score_record(cells, typed.columns, level2, carried["level2"])
        if record is None:
            continue
        own.append(record.level1)
        for key in ("level1", "level2"):
            if getattr(record, key):
                carried[key] = getattr(record, key)
            setattr(record, key, getattr(record, key) or carried[key])
        record.row = r
        typed.records.append(record)
    if not _categories_by_weights(typed, own):
        _centred_categories(typed, own)


def _centred_categories(typed: TypedTable, own: list[str]) -> None:
    """A PDF's merged 一级指标 cells print their name in the middle of the rows they span (a browser
    centres it): the first rows stand before any name. Each name then heads the rows of the one span
    round it that tiles the rows (a span of an even count of rows has its name in its upper middle
    row); where no or several tilings fit, the names stay carried down."""
    if not own or own[0] or not any(own) or not any(c.loc.page for c in typed.table.rows[typed.data_row]):
        return
    names = [k for k, name in enumerate(own) if name]
    fits: list[list[int]] = []

    def tile(j: int, start: int, ends: list[int]) -> None:
        if len(fits) > MAX_TILINGS:
            return  # (many tilings: the layout does not tell)
        if j == len(names):
            if start == len(own):
                fits.append(ends)
            return
        for end in (2 * names[j] - start, 2 * names[j] - start + 1):
            if names[j] <= end < len(own) and (j + 1 == len(names) or end < names[j + 1]):
                tile(j + 1, end + 1, ends + [end])
    tile(0, 0, [])
    if len(fits) > 1:
        # (two tilings fit the layout: the one whose spans' weights make each name's own, 决策（10分）
        # over 4 + 3 + 3, tells)
        fits = [ends for ends in fits if _weights_tile(typed, own, names, ends)]
    if len(fits) != 1:
        return
    start = 0
    for k, end in zip(names, fits[0]):
        for record in typed.records[start:end + 1]:
            record.level1 = own[k]
        start = end + 1


MAX_TILINGS = 8  # tilings of centred names tried before the layout is taken to tell nothing


def _categories_by_weights(typed: TypedTable, own: list[str]) -> bool:
    """Where every 一级指标 name states its weight (决策（10分）) and every row its own: the one way of
    cutting the rows into runs, each round its name's row, whose weights make each name's (a name
    printed in the middle of its merged cell, or on the next page where a page break cut it, heads
    rows above it as well). True where one way, and only one, so cuts them."""
    # (only where carrying names down cannot be the layout: rows before any name, or a PDF's span a
    # page break cut; names heading their rows are carried down, and weights not adding up there
    # are SCO004's to tell)
    rows = typed.table.rows
    if own and own[0] and len({c.loc.page for r in typed.records if r.row is not None and r.row < len(rows)
                               for c in rows[r.row][:1]} - {None}) < 2:
        return False
    names = [k for k, name in enumerate(own) if name]
    weights = [r.weight for r in typed.records]
    stated = [WEIGHT_IN_LABEL_RE.search(own[k]) for k in names]
    if not names or None in weights or None in stated:
        return False
    prefix = [Decimal(0)]
    for w in weights:
        prefix.append(prefix[-1] + w)
    found: list[list[int]] = []

    def cut(j: int, start: int, ends: list[int]) -> None:
        if len(found) > 1:
            return
        if j == len(names):
            if start == len(own):
                found.append(ends)
            return
        if start > names[j]:
            return
        last = names[j + 1] - 1 if j + 1 < len(names) else len(own) - 1
        for end in range(names[j], last + 1):
            if prefix[end + 1] - prefix[start] == Decimal(stated[j].group(1)):
                cut(j + 1, end + 1, ends + [end])
    cut(0, 0, [])
    if len(found) != 1:
        return False
    start = 0
    for k, end in zip(names, found[0]):
        for record in typed.records[start:end + 1]:
            record.level1 = own[k]
        start = end + 1
    return True


def _weights_tile(typed: TypedTable, own: list[str], names: list[int], ends: list[int]) -> bool:
    """Each name states its weight (决策（10分）) and the rows of its span weigh that much together."""
    start = 0
    for k, end in zip(names, ends):
        m = WEIGHT_IN_LABEL_RE.search(own[k])
        weights = [r.weight for r in typed.records[start:end + 1]]
        if m is None or any(w is None for w in weights) or sum(weights) != Decimal(m.group(1)):
            return False
        start = end + 1
    return True


def _is_subtotal(texts: list[str], subtotals: tuple[str, ...]) -> bool:
    """A label cell before the row's first figure ends with a subtotal word (小计 in the first
    column, or in the second where every row repeats its 一级指标). `texts`: the row's, compacted."""
    for text in texts:
        if text and VALUE_RE.match(text):
            return False
        if text.endswith(subtotals):
            return True
    return False


def _read_total_after(typed: TypedTable, grid: list[list[str]], start: int, totals: set[str]) -> None:
    """The form's 总分 row past the block from `start` on, if one closes the table."""
    for r in range(start, len(grid)):
        if next((t for t in map(compact, grid[r]) if t), "") in totals:
            _read_total(typed, _padded(typed.table, r))
            return


@lru_cache(maxsize=4)
def _funds_heads(generation: int) -> frozenset:
    """The budget and outturn heads of a funds block (vocabulary.yaml budget_execution columns),
    compacted: read once per vocabulary."""
    spec = vocabulary()["table_types"]["budget_execution"]["columns"]
    return frozenset(compact(w) for key in ("initial_budget", "budget", "executed") for w in spec.get(key) or ())


def _funds_header(row: list[str]) -> bool:
    """`row` (compacted) heads a form's funds block (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
    执行率 | 得分) below its indicators: words only, two budget or outturn heads among them; the
    indicators end there (its 分值 and 得分 are the execution score's, read as budget_execution)."""
    money = _funds_heads(vocabulary_generation())
    filled = [t for t in row if t]
    return len(filled) >= 3 and not any(parse_quantity(t) for t in filled) and sum(t in money for t in filled) >= 2


def _is_header(row: list[str]) -> bool:
    """`row`: its cells' texts compacted."""
    joined = "|".join(row)
    return "三级指标" in joined or "一级指标" in joined


def _score_record(cells: list[Cell], columns: dict[str, int], level2: set[str], above: str = "") -> ScoreRecord | None:
    """`above`: the 二级指标 carried down from the rows above (a cell merged down over its rows)."""
    best, best_shift = None, 0
    # the most _plausibility can give: a row read right at its own columns needs no other try
    ceiling = 2 * sum(1 for name in ("score", "weight") if name in columns) + 1 + ("level2" in columns)
    for shift in (0, 1, -1):
        plausibility = _plausibility(cells, columns, level2, shift)
        if best is None or plausibility > best:
            best, best_shift = plausibility, shift
        if best == ceiling:
            break
    picked = {name: cell_at(cells, col + best_shift) for name, col in columns.items()}
    has_values = any(picked.get(k) is not None and picked[k].text.strip() for k in ("target", "actual", "score"))
    if "indicator" in columns and has_values and (picked["indicator"] is None or not picked["indicator"].text.strip()):
        picked["indicator"] = _label_before(cells, columns.get("target", columns["indicator"]) + best_shift, level2)
    indicator = picked.get("indicator")
    if indicator is None or not indicator.text.strip() or PLACEHOLDER_RE.match(compact(indicator.text)):
        return None
    if compact(indicator.text) in level2 and not _named_like_category(picked) and not _under_own_category(picked, above, level2):
        return None
    texts = {name: (c.text.strip() if c is not None else "") for name, c in picked.items()}
    if columns.get("target") is not None and columns.get("target") == columns.get("actual"):
        # (≥90%/84% under 年度指标值/全年实际值: the target, then the actual; a cell of no pair, neither)
        pair = texts["target"].split(PAIR_MARK)
        texts["target"], texts["actual"] = (pair[0].strip(), pair[1].strip()) if len(pair) == 2 else ("", "")
    return ScoreRecord(indicator=texts["indicator"], level1=texts.get("level1", ""),
                       level2=texts.get("level2", ""), target=texts.get("target"),
                       actual=texts.get("actual"), reason=texts.get("reason"),
                       weight=(points if best_shift == 0 else number)(picked.get("weight")), score=number(picked.get("score")),
                       cells={name: c for name, c in picked.items() if c is not None})


def _under_own_category(picked: dict[str, Cell | None], above: str, level2: set[str]) -> bool:
    """An indicator named like a category (生态效益, 可持续影响) in its 三级指标 cell, its 二级指标
    cell blank under a merged category that is none of those names (项目效益): an indicator of
    that category, as an evaluation's framework sets them (效益 → 项目效益 → 社会效益、生态效益…),
    when the row is scored."""
    second = picked.get("level2")
    return (second is not None and second is not picked.get("indicator") and not compact(second.text)
            and bool(compact(above)) and compact(above) not in level2 and number(picked.get("score")) is not None)


def _named_like_category(picked: dict[str, Cell | None]) -> bool:
    """An indicator may carry a category's name (服务对象满意度 under 服务对象满意度指标): it
    is the indicator, not a slipped category label, when the 二级指标 cell of the same row
    already holds a category and the row is scored."""
    second, indicator = picked.get("level2"), picked.get("indicator")
    return (second is not None and second is not indicator and bool(compact(second.text))
            and number(picked.get("score")) is not None)


def _label_before(cells: list[Cell], col: int, level2: set[str]) -> Cell | None:
    """The nearest text left of `col` that is not a category name: the indicator of a row
    whose cells were merged irregularly."""
    for cell in reversed(cells[:max(0, col)]):
        text = compact(cell.text)
        # a number (the row's 分值) is never its name
        if text and text not in level2 and not SECTION_RE.search(text) and not VALUE_RE.match(text):
            return cell
    return None


def _plausibility(cells: list[Cell], columns: dict[str, int], level2: set[str], shift: int) -> int:
    score = 0
    for name in ("score", "weight"):
        if name in columns:
            cell = cell_at(cells, columns[name] + shift)
            text = cell.text.strip() if cell is not None else ""
            # (a weight in per cent, 权重 15%, read at the row's own columns only: shifted, it is
            # more likely a target or an actual in %)
            found = points(cell) if name == "weight" and shift == 0 else number(cell)
            # (a shift reading the score past the row's last cell reads no row: as bad as words)
            score += 2 if found is not None else (-2 if text or cell is None else 0)
    indicator = cell_at(cells, columns.get("indicator", -99) + shift)
    text = compact(indicator.text) if indicator is not None else ""
    looks_like_value = bool(VALUE_RE.match(text))
    second = cell_at(cells, columns.get("level2", -99) + shift)
    second_text = compact(second.text) if second is not None and second is not indicator else ""
    # (an indicator may carry a category's name, 服务对象满意度, beside its own category in the
    # 二级指标 cell, 满意度（5分）: no slipped label then)
    own_category = bool(second_text) and second_text not in level2 and not VALUE_RE.match(second_text)
    score += -2 if (text in level2 and not own_category) or looks_like_value else (1 if text else -1)
    if second_text in level2:
        score += 1
    return score


def _read_total(typed: TypedTable, cells: list[Cell]) -> None:
    label_index = next(i for i, c in enumerate(cells) if c.text.strip())
    numbers = [c for c in cells[label_index + 1:] if number(c) is not None]
    typed.totals["row_cells"] = cells
    at = {name: cell_at(cells, typed.columns.get(name)) for name in ("weight", "score")}
    if at["score"] is not None and number(at["score"]) is not None and at["score"] in numbers:
        # the figures under the 分值 and 得分 heads (a 扣分 column may stand between them)
        typed.totals["score"] = at["score"]
        if at["weight"] is not None and points(at["weight"]) is not None:
            typed.totals["weight"] = at["weight"]
    elif len(numbers) >= 2 and "weight" in typed.columns:
        typed.totals["weight"], typed.totals["score"] = numbers[0], numbers[1]
    elif numbers:
        typed.totals["score"] = numbers[-1]


# --- budget execution block -----------------------------------------------------------

EXECUTION_FIELDS = ("initial_budget", "budget", "executed", "weight", "rate", "score")


def _read_execution(typed: TypedTable, grid: list[list[str]]) -> None:
    header = " ".join(grid[typed.header_row][:3])
    weight = WEIGHT_IN_LABEL_RE.search(header)
    typed.header_weight = Decimal(weight.group(1)) if weight else None
    if "rate" not in typed.columns:
        _read_execution_vertical(typed, grid)
        return
    labels = [compact(x) for x in vocabulary()["table_types"]["budget_execution"]["row_labels"]]
    for r in range(typed.data_row, min(len(grid), typed.data_row + 7)):
        cells = _padded(typed.table, r)
        # the row's label among its first cells: 项目资金（万元） merged down the block may stand before it
        label_cell = next((c for c in cells[:3] if any(compact(c.text).startswith(x) for x in labels)), None) \
            or next((c for c in cells if c.text.strip()), None)
        if label_cell is None:
            continue
        label = compact(label_cell.text)
        if r == typed.data_row and number(label_cell) is not None and not typed.records \
                and (_heads_fund_block(compact(grid[typed.header_row][0])) or 0 in typed.columns.values()):
            # the figures right under the heads with no label of their own (项目资金（万元） heads
            # the block, or no column names the rows: 年初预算数 | 全年预算数 | … | 得分 from the
            # first column on): the form's one fund row
            label_cell = _padded(typed.table, typed.header_row)[0]
            label = labels[0] if labels else ""
        if not any(label.startswith(x) for x in labels):
            if typed.records or _is_header(list(map(compact, grid[r]))):
                break
            continue
        record = _execution_record(cells, typed.columns, label_cell, r)
        if record.weight is None and typed.header_weight is not None:
            record.weight = typed.header_weight
            record.weight_from_header = True
        typed.records.append(record)  # the first (total) row is the one that is scored…
        _read_fund_rows(typed, grid, r + 1)
        break


def _heads_fund_block(head: str) -> bool:
    """The head over the figures' row names a block of money (vocabulary.yaml fund_block_heads)."""
    words = vocabulary()["table_types"]["budget_execution"].get("fund_block_heads") or ()
    return any(w in head for w in words)


MAX_FUND_ROWS = 6  # rows of sources under an execution block's total row (其中：财政拨款 … 其他资金)


def _read_fund_rows(typed: TypedTable, grid: list[list[str]], first: int) -> None:
    """…and the rows under it breaking it down by source that fill in their own 执行率 or 得分
    (其中：财政拨款 | 120.00 | 113.23 | 10 | 94.36% | 9.44) are checked the same way; after the
    total in typed.records, which the sums over the table read (records[0])."""
    words = tuple(compact(x) for x in vocabulary()["table_types"]["budget_execution"].get("fund_row_labels") or ())
    total = typed.records[0]
    for r in range(first, min(len(grid), first + MAX_FUND_ROWS)):
        cells = _padded(typed.table, r)
        label_cell = next((c for c in cells[:3] if c.text.strip()), None)
        if label_cell is None or not compact(label_cell.text).startswith(words):
            return
        k = cells.index(label_cell)
        if compact(label_cell.text).rstrip("：:") == "其中" and k + 1 < len(cells) \
                and cells[k + 1].text.strip() and quantity(cells[k + 1]) is None:
            label_cell = cells[k + 1]  # (其中 | 当年财政拨款 | …: the opener in a cell of its own, the source's name after it)
        record = _execution_record(cells, typed.columns, label_cell, r)
        # (a source's row repeating the total's figures, all of the money from one source, is
        # judged once, with the total)
        copied = all(getattr(record, f) == getattr(total, f) for f in ("budget", "executed", "rate", "score"))
        if (record.rate is not None or record.score is not None) and not copied:
            typed.records.append(record)


def _read_execution_vertical(typed: TypedTable, grid: list[list[str]]) -> None:
    """Forms that put each value under its label (预算数(A) / 执行数(B) / 执行率 / 得分): one row of
    figures under the labels; rows of figures in the same columns one after another (a summary of
    projects) are no such form."""
    def figured(r: int) -> set[int]:
        return {c for c, t in enumerate(grid[r]) if t.strip() and parse_cell(t.strip()) is not None} \
            if r < len(grid) else set()

    first, second = figured(typed.data_row), figured(typed.data_row + 1)
    if len(first & second) >= 2:
        return
    rows = range(typed.data_row, min(len(grid), typed.data_row + 3))
    cells_below = {r: _padded(typed.table, r) for r in rows}
    record = ExecutionRecord(row=typed.header_row, label="预算执行情况")
    for name in ("budget", "executed"):
        col = typed.columns.get(name)
        below = cells_below.get(typed.data_row)
        if col is not None and below is not None and number(below[col]) is not None:
            record.cells[name] = below[col]
            setattr(record, name, number(below[col]))
    # (a rate under a head naming the execution rate: 得分率 beside the amounts is no 执行率)
    rate_heads = [compact(x) for x in vocabulary()["table_types"]["budget_execution"]["columns"]["rate"]]
    estimates = tuple(vocabulary().get("estimate_heads") or ())  # (全年预计执行率: no rate of what was done)
    heads = [compact(c.text) for c in _padded(typed.table, typed.header_row)]
    for r, cells in cells_below.items():
        for c, cell in enumerate(cells):
            q = quantity(cell)
            if q is not None and q.unit == "%" and "rate" not in record.cells \
                    and (c >= len(heads) or not heads[c] or (any(h in heads[c] for h in rate_heads)
                                                             and not any(w in heads[c] for w in estimates))):
                record.cells["rate"], record.rate = cell, q.value
            if compact(cell.text) == "得分":
                value = next((x for x in [_below(typed.table, r, c)] + cells[c + 1:]
                              if x is not None and number(x) is not None), None)
                if value is not None:
                    record.cells["score"], record.score = value, number(value)
        weight = WEIGHT_IN_LABEL_RE.search(" ".join(c.text for c in cells[:2]))
        if weight and typed.header_weight is None:
            typed.header_weight = Decimal(weight.group(1))
    if "budget" in record.cells and "executed" in record.cells:
        record.weight = typed.header_weight
        record.weight_from_header = True
        typed.records.append(record)


def _below(table: Table, r: int, c: int) -> Cell | None:
    if r + 1 >= len(table.rows):
        return None
    row = _padded(table, r + 1)
    return row[c] if c < len(row) else None


def _execution_record(cells: list[Cell], columns: dict[str, int], label: Cell, row: int) -> ExecutionRecord:
    names = [f for f in EXECUTION_FIELDS if f in columns]
    positional = {f: cell_at(cells, columns[f]) for f in names}
    if _execution_plausible(positional, label):
        picked = positional
    else:  # values shifted against the header: read them in order after the label
        values = [c for c in cells[cells.index(label) + 1:] if c.text.strip()]
        ordered = sorted(names, key=lambda f: columns[f])
        picked = dict(zip(ordered, values))
    record = ExecutionRecord(row=row, label=label.text.strip(),
                             cells={f: c for f, c in picked.items() if c is not None})
    for name in names:
        cell = picked.get(name)
        q = quantity(cell)
        value = q.value if q is not None else None
        if name == "rate" and q is not None and q.unit not in ("%", "‰"):
            value = q.value * 100 if q.value <= Decimal("1.5") else q.value
        setattr(record, name, value)
    return record


def _execution_plausible(picked: dict, label: Cell) -> bool:
    """Values read by header position are plausible when none is the row label or text (a dash, —,
    standing for no figure, is none)."""
    return all(cell is None or (cell is not label and (not cell.text.strip() or quantity(cell) is not None
                                                       or DASH_CELL_RE.fullmatch(cell.text.strip()) is not None))
               for cell in picked.values())


DASH_CELL_RE = re.compile(r"[-－—–/／\\]+")  # a cell marking no figure


# --- tables keyed by budget code -----------------------------------------------------

CODE_HEAD_EXTRA = 6  # words a code column's head may add to an alias; more is a caption, not a head


def _read_codes(typed: TypedTable, grid: list[list[str]]) -> None:
    """Codes in one column (2010350) or split over 类/款/项 columns (201 | 03 | 50)."""
    spec = vocabulary()["table_types"]["budget_by_code"]
    header = [compact(c) for c in grid[typed.header_row]]
    aliases = {compact(a) for a in spec["columns"]["code"]}
    # a head holding a code alias with a few words around it (支出功能分类科目编码, 科目编码（类款项）)
    # (a merged head flattened into its parts, 功能分类科目-科目编码: the last part is the column's)
    code_cols = [i for i, c in enumerate(header)
                 if any(a in h and len(h) <= len(a) + CODE_HEAD_EXTRA for a in aliases for h in {c, c.rsplit("-", 1)[-1]})]
    parts_row, runs = _split_code_heads_row(grid, typed.header_row, _code_parts(spec))
    code_cols = _with_split_codes(code_cols, runs)
    # (the total row may print them: 类 | 款 | 项 | 合计 | 2,946.25: then the rows read start there)
    heads_in_total = parts_row is not None and any(quantity(c) is not None for c in typed.table.rows[parts_row])
    last_header = typed.header_row if parts_row is None else parts_row - (1 if heads_in_total else 0)
    if not heads_in_total:
        last_header = max(last_header, typed.data_row - 1)  # (sub-heads under a spanning head: the header's)
    # a header over two rows (本年支出 merged over 合计 | 基本支出 | 项目支出): up to two rows after
    # it naming amount columns (right of the code and name) and holding no figure are the header's
    # too; a section row (一、一般公共预算财政拨款) names none
    first_amount = max(code_cols, default=0) + 2
    for _ in range(MAX_HEADER_CONTINUATION):
        following = last_header + 1
        if following >= len(grid) or not any(t.strip() for t in grid[following][first_amount:]) \
                or any(quantity(c) is not None for c in typed.table.rows[following]):
            break
        last_header = following
    names = _column_names(grid, min(typed.header_row, last_header), last_header)
    bounds = code_cols + [len(header)]
    segments = []
    for k, col in enumerate(code_cols):
        named = [c for c in runs.get(col, ()) if c < bounds[k + 1]] or [col]
        parts = _split_code_by_data(grid, named, bounds[k + 1], last_header + 1, len(_code_parts(spec)))
        name_col = next((c for c in range(parts[-1] + 1, bounds[k + 1]) if "科目名称" in names.get(c, "")),
                        parts[-1] + 1)
        # (a column numbering the rows, 行次 | 1 2 3, holds no amounts)
        numbering = tuple(concepts().get("not_figure_columns") or ())
        segments.append((col, parts, name_col, [c for c in range(name_col + 1, bounds[k + 1])
                                                if not compact(names.get(c, "")).endswith(numbering)]))
    typed.column_names = names
    typed.data_row = last_header + 1
    carried: dict[int, list[str]] = {}
    for r in range(typed.data_row, len(grid)):
        cells = _padded(typed.table, r)
        if r == parts_row:
            cells = _without_part_heads(cells, runs)
        for col, parts, name_col, amount_cols in segments:
            part_texts = _split_code(cells, parts, carried.setdefault(col, []))
            code = "".join(part_texts)
            name = cells[name_col].text.strip() if name_col < len(cells) else ""
            first = part_texts[0]
            label = compact(first + name)
            if not (code.isdigit() and len(first) >= 3 or label.endswith("合计") or label in ("合计", "总计")):
                continue
            amounts = {c: cells[c] for c in amount_cols if c < len(cells) and quantity(cells[c]) is not None}
            is_total = not code.isdigit()
            label_cell = cells[col] if cells[col].text.strip() or name_col >= len(cells) else cells[name_col]
            typed.records.append(CodeRecord(row=r, code=code if not is_total else first, name=name or first,
                                            segment=col, is_total=is_total, amounts=amounts,
                                            label_cell=label_cell))
    typed.records = _without_group_totals(typed.records)
    _join_continued_blocks(typed, [(col, amounts) for col, _, _, amounts in segments])


def _split_code_heads_row(grid: list[list[str]], header_row: int, heads: tuple[str, ...]) -> tuple[int | None, dict]:
    """The row naming the parts of a split code (类 | 款 | 项): the header itself or one of the two
    rows below it; with its runs of heads (_split_code_heads). (None, {}) when no row names them."""
    for r in range(header_row, min(len(grid), header_row + MAX_HEADER_CONTINUATION + 1)):
        runs = _split_code_heads([compact(c) for c in grid[r]], heads)
        if runs:
            return r, runs
    return None, {}


def _with_split_codes(code_cols: list[int], runs: dict[int, list[int]]) -> list[int]:
    """The code columns, each split code's at the first of its parts: a 科目编码 head set over
    its 款 column (a merged head centred) moves to 类; heads 类 | 款 | 项 under no 科目编码 are a
    code column of their own."""
    cols = set(code_cols)
    for start, run in runs.items():
        cols = {c for c in cols if c not in run} | {start}
    return sorted(cols)


CLASS_DIGITS, PART_DIGITS = 3, 2  # a code's 类 (201), and each level below it (06, 01)


def _split_code_by_data(grid: list[list[str]], named: list[int], bound: int, first: int, levels: int) -> list[int]:
    """The columns of a code: those its heads name (`named`: the code column, or its 类 | 款 …),
    and after them the parts of a split code its heads do not name (科目编码 over three columns,
    no 类 | 款 | 项 row; a 项 column left unheaded): beside a column of three-digit codes (the
    类), each column whose filled cells on the coded rows are all two digits, blank on some of
    them (a 类 row prints no 款, a 款 row no 项)."""
    def text(r: int, c: int) -> str:
        return normalize_digits(grid_cell(grid, r, c)).strip()

    col = named[0]
    span = range(col, min(bound, col + levels))
    if len(named) >= len(span):
        return named
    # (the coded rows: a digit in any of the columns a split code may take; a code printed only
    # where it changes leaves the 类 cell blank on its 款 and 项 rows)
    rows = [r for r in range(first, len(grid)) if any(text(r, c).isdigit() for c in span)]
    if not rows or not all(len(text(r, col)) == CLASS_DIGITS for r in rows if text(r, col).isdigit()):
        return named
    parts = list(named)
    for c in span[len(named):]:
        texts = [text(r, c) for r in rows]
        filled = [t for t in texts if t]
        if not filled or len(filled) == len(texts) or not all(len(t) == PART_DIGITS and t.isdigit() for t in filled):
            break
        parts.append(c)
    return parts


def _without_part_heads(cells: list[Cell], runs: dict[int, list[int]]) -> list[Cell]:
    """A row printing the heads of a split code (类 | 款 | 项 | 合计 | …) with those cells blank: no
    code, whatever else it holds."""
    blank = {c for run in runs.values() for c in run}
    return [Cell("", cell.loc) if c in blank else cell for c, cell in enumerate(cells)]


def _join_continued_blocks(typed: TypedTable, segments: list[tuple[int, list[int]]]) -> None:
    """Blocks side by side read as newspaper columns: a block with no total row of its own whose
    codes go on from the block to its left (公用经费 merged over the second and third code | name |
    amount blocks of a 基本支出决算表: 302's items run down the second block and on into the third,
    30299 at the third's top; the 公用经费合计 row's figure printed under the third block) is that
    block's continuation. Its records join the left block's, in reading order, keyed by the left
    block's amount columns (each by its place); the left block's total takes its figure from the
    continuation's columns where its own are blank."""
    kept = [segments[0]] if segments else []
    for col, amounts in segments[1:]:
        left, left_amounts = kept[-1]
        mine = [r for r in typed.records if r.segment == col]
        left_records = [r for r in typed.records if r.segment == left]
        totals = [r for r in left_records if r.is_total]
        if not mine or any(r.is_total for r in mine) or len(amounts) != len(left_amounts) or not _continues(
                mine[0], left_records, totals, amounts, typed):
            kept.append((col, amounts))
            continue
        to_left = dict(zip(amounts, left_amounts))
        for rec in mine:
            rec.segment = left
            rec.amounts = {to_left[c]: cell for c, cell in rec.amounts.items()}
            rec.printed = {to_left[c]: c for c in amounts}
        for total in totals:
            if not total.amounts:
                cells = _padded(typed.table, total.row)
                total.amounts = {to_left[c]: cells[c] for c in amounts if quantity(cells[c]) is not None}
                total.printed = {to_left[c]: c for c in amounts}
        # (reading order: the left block down, then the continuation down, then the block's totals)
        block = [r for r in left_records if not r.is_total] + mine + totals
        others = [r for r in typed.records if r.segment != left]
        typed.records = others + block
    typed.segments = kept


def _continues(first: CodeRecord, left_records: list[CodeRecord], totals: list[CodeRecord], amounts: list[int],
               typed: TypedTable) -> bool:
    """Whether a block goes on from the block to its left: its first code falls under a code of
    that block (30299 under 302), or that block's total row is blank in its own amount columns
    and holds its figure under this block (a total merged across both)."""
    if len(first.code) > 3 and any(r.code == first.code[:-2] for r in left_records if not r.is_total):
        return True
    return any(not t.amounts and any(quantity(_padded(typed.table, t.row)[c]) is not None for c in amounts)
               for t in totals)


def _split_code(cells: list, parts: list[int], carried: list[str]) -> list[str]:
    """The 类, 款 and 项 of a row's code. A split code printed only where it changes (the 类 cell
    blank under 201 beside 款 03, or merged down over its 款 rows) takes its leading parts from
    the rows above: a row whose first parts are blank but a later one holds digits continues
    the code above. `carried` holds the last code's parts, kept across rows."""
    # (a code typed in full-width digits, ２０１０１９９, is the code)
    texts = [normalize_digits(cells[p].text).strip() if p < len(cells) else "" for p in parts]
    printed = [t for t in texts if t]
    if len(printed) == 1 and not texts[0] and len(printed[0]) > 2 and printed[0].isdigit():
        # (the whole code printed in its level's column, 20103 under 款: no parts to join; the rows
        # after it may print their own part alone, 01 under 项, continuing it: 201 | 03 | 01)
        code = printed[0]
        carried[:] = [code[:3]] + [code[3 + 2 * i:5 + 2 * i] for i in range(len(parts) - 1)]
        return [code] + [""] * (len(parts) - 1)
    given = next((i for i, t in enumerate(texts) if t), None)
    if given and texts[given].isdigit() and len(carried) == len(parts) and all(carried[:given]):
        texts[:given] = carried[:given]
    if given is not None and all(t.isdigit() for t in texts if t):
        carried[:] = texts
    return texts


def _without_group_totals(records: list[CodeRecord]) -> list[CodeRecord]:
    """A row “X合计” is its block's total only when it is the one total row the block of codes has
    (a table may hold blocks side by side: 人员经费 codes | 公用经费 codes, each closed by its own
    人员经费合计 | 公用经费合计 row): beside a 合计 / 总计 row, or beside another “Y合计” in one block
    (人员经费合计 and 公用经费合计 under one column of economic classes), each totals a group the
    codes do not show, not all the 类."""
    dropped = set()
    for segment in {r.segment for r in records}:
        totals = [r for r in records if r.is_total and r.segment == segment]
        named = [r for r in totals if compact(r.name) not in ("合计", "总计")]
        if named and not (len(named) == 1 and len(totals) == 1):
            dropped |= {id(r) for r in named}
    return [r for r in records if id(r) not in dropped]


MAX_HEADER_CONTINUATION = 2  # header rows after the code header (a two- or three-row header)


def _column_names(grid: list[list[str]], first: int, last: int) -> dict[int, str]:
    """Each column's name: the header's words from `first` to `last`, with the title rows up to
    three rows above `first` (their year, unit and caption lines left out)."""
    names: dict[int, str] = {}
    for r in range(max(0, first - 3), last + 1):
        for c, text in enumerate(_spread_groups(grid, r, last)):
            text = text.strip()
            if text and not text.isdigit() and not re.search(r"年度|单位[:：]|部门[:：]|公开\d+表", text):
                names[c] = (names.get(c, "") + " " + text).strip()
    return names


def _spread_groups(grid: list[list[str]], r: int, last: int) -> list[str]:
    """Row `r` of a header with each group label carried over the columns it was merged across
    (财政拨款收入 over 小计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款): a reader keeps a merged
    region's text in its first cell only. A blank right of a label is the label's where the header
    row below names both columns (a sub-head under each); a blank over no sub-head is a column of
    its own merged down from above, or none."""
    row = list(grid[r])
    if r >= last:
        return row
    below = grid[r + 1]
    for c in range(1, len(row)):
        if not row[c].strip() and row[c - 1].strip() and c < len(below) and below[c].strip() \
                and below[c - 1].strip():
            row[c] = row[c - 1]
    return row


# --- left/right summary tables (收入支出决算总表) --------------------------------------

def _read_summary(typed: TypedTable, grid: list[list[str]]) -> None:
    header = [compact(c) for c in grid[typed.header_row]]
    item_cols = _item_columns(header, vocabulary()["table_types"]["income_expense_summary"])
    for k, col in enumerate(item_cols):
        end = item_cols[k + 1] if k + 1 < len(item_cols) else len(header)
        side = _summary_side(header, col, end)
        if side is not None:
            typed.sides.append(side)
    numbering = tuple(concepts().get("not_figure_columns") or ())
    for r in range(typed.data_row, len(grid)):
        if is_column_numbers(grid[r], numbering):
            continue  # (栏次 | 1 | 栏次 | 2: the header's column numbers, no item of either side)
        cells = _padded(typed.table, r)
        for index, side in enumerate(typed.sides):
            label = cells[side.item].text.strip()
            if label:
                typed.records.append(SummaryRecord(row=r, side=index, label=label, label_cell=cells[side.item],
                                                   amount_cell=cells[side.amounts[0]],
                                                   parts={c: cells[c] for c in side.amounts[1:] if c < len(cells)}))


def _item_columns(header: list[str], spec: dict) -> list[int]:
    """The columns of a summary's header (compacted) heading each side's items: its item head (项目)
    with at most two words before it (收入项目, 支出项目), or a side's name alone (vocabulary
    item_heads: 收入 | 支出)."""
    names = spec.get("item_heads") or ()
    items = tuple(spec["columns"]["item"])
    return [i for i, c in enumerate(header) if (c.endswith(items) and len(c) <= ITEM_HEAD_CHARS) or c in names]


ITEM_HEAD_CHARS = 4  # an item column's head: 项目 with at most two words before it (收入项目, 支出项目)


def _summary_side(header: list[str], item: int, end: int) -> SummarySide | None:
    """One side of a summary, its item column `item` and its columns up to `end`: its total column
    (合计, 小计: vocabulary total_columns) and the columns after it, which it sums across (一般公共
    预算财政拨款 | 政府性基金预算财政拨款 …); else its one amount column (决算数, 金额); else, where
    no head names an amount, every column the side heads (a fund's columns, no 合计 over them), none
    the sum of the others. A line-number column (行次) or a column of changes, rates or notes
    (vocabulary other_columns: 增减率, 备注) is none of them. None: no amount column."""
    spec = vocabulary()["table_types"]["income_expense_summary"]
    totals = tuple(spec.get("total_columns") or ())
    others = (*(concepts().get("not_figure_columns") or ()), *(spec.get("other_columns") or ()))
    columns = [i for i in range(item + 1, end) if not any(w in header[i] for w in others)]
    total = next((i for i in columns if header[i] in totals), None)
    if total is not None:
        after = [i for i in columns if i > total]
        # (one fund column after the 合计 copies it: the side is read as of one column)
        return SummarySide(item, [total, *after], total) if len(after) >= 2 else SummarySide(item, [total])
    amount = next((i for i in columns if any(a in header[i] for a in spec["columns"]["amount"])), None)
    if amount is not None:
        return SummarySide(item, [amount], None)
    named = [i for i in columns if header[i]]
    return SummarySide(item, named, None) if named else None


def _read_three_public(typed: TypedTable, grid: list[list[str]]) -> None:
    """Read the “三公” figures by what the header cells say when they say it unambiguously
    (any column order, 预算数 | 决算数 column groups or 预算数/决算数 under each category,
    with or without a 栏次 row); otherwise by the standard template order under a 栏次 row
    (1 2 3 …) or under alternating 预算数/决算数 headers."""
    numbering = next((r for r in range(typed.header_row + 1, min(len(grid), typed.header_row + 4))
                      if _is_numbering_row(grid[r])), None)
    layout = _three_public_by_labels(typed, grid)
    if layout is not None:
        groups, first_value_row = layout
        typed.data_row = first_value_row
        columns = sorted(col for fields in groups.values() for col in fields.values())
        if not _read_labelled_rows(typed, grid, first_value_row, columns, groups):
            _read_three_public_values(typed, grid, first_value_row, columns, groups)
        typed.three_public_layout = "labels"
        return
    if _read_three_public_by_rows(typed, grid):
        typed.three_public_layout = "rows"
        return
    header_text = compact(typed.table.title) + "".join(
        compact(c) for row in grid[max(0, typed.header_row - 1):typed.header_row + 1] for c in row)
    interleaved = next((r for r in range(typed.header_row, min(len(grid), typed.header_row + 4))
                        if _is_budget_actual_row(grid[r])), None)
    if numbering is None and interleaved is not None:
        _read_three_public_interleaved(typed, grid, interleaved)
        return
    if numbering is None:
        if _counts_table(grid[typed.header_row]):
            return  # (团组数（个） | 人次数（人） | 保有量（辆）…: the statistics of counts, no money)
        if any(quantity(c) is not None for row in typed.table.rows[typed.header_row + 1:] for c in row):
            typed.problems.append("表头既不能按栏目名称对应到各项经费，也没有栏次行，无法读取“三公”经费各栏")
            typed.unread_header = True
        return
    columns = [c for c, text in enumerate(grid[numbering]) if text.strip().isdigit()]
    groups = ["budget", "actual"] if len(columns) == 12 else (
        [_title_group(header_text)] if len(columns) == 6 else [])
    if not groups:
        typed.problems.append(f"“三公”经费表有 {len(columns)} 栏，不是模板的 6 栏或 12 栏")
        typed.unread_header = True
        return
    order = vocabulary()["table_types"]["three_public"]["template_order"]
    typed.data_row = numbering + 1
    _read_three_public_values(typed, grid, numbering + 1, columns,
                              {group: dict(zip(order, columns[g * 6:(g + 1) * 6]))
                               for g, group in enumerate(groups)})


def _counts_table(header: list[str]) -> bool:
    """Every head of the row names a count's unit in brackets (团组数（个）, 保有量（辆）)."""
    units = vocabulary()["table_types"]["three_public"].get("count_units") or ()
    heads = [compact(c) for c in header if c.strip()]
    return bool(heads) and all(any(h.endswith((f"（{u}）", f"({u})")) for u in units) for h in heads)


def is_caption_row(row: list[str]) -> bool:
    """A row of captions over the header (编制单位：… | 2024年度 | 单位：万元), read into the grid
    from a sheet: its cells name no columns, and their spans would cut the header's groups."""
    texts = [compact(t) for t in row if t.strip()]
    return bool(texts) and all(CAPTION_CELL_RE.match(t) for t in texts)


def _title_group(header_text: str) -> str:
    """A table with one set of columns holds 决算数 when its title says 决算 and not 预算."""
    return "actual" if "决算" in header_text and "预算" not in header_text else "budget"


@dataclass(frozen=True)
class HeaderLabel:
    """A header cell's text and the columns it spans (merged cells read as blanks)."""

    text: str
    first: int
    last: int


def _spanning_labels(grid: list[list[str]], rows: list[int]) -> dict[int, list[HeaderLabel]]:
    """For each header row, every label with the columns it covers. A merged cell is read
    as its text followed by blanks; a blank belongs to the label on its left as long as
    every header row above is blank there too (it cannot reach past its parent's span)."""
    width = max(len(grid[r]) for r in rows)
    spans: dict[int, list[HeaderLabel]] = {}
    for k, r in enumerate(rows):
        row = grid[r] + [""] * (width - len(grid[r]))
        labels: list[HeaderLabel] = []
        c = 0
        while c < width:
            if not row[c].strip():
                c += 1
                continue
            last = c
            while last + 1 < width and not row[last + 1].strip() and all(
                    not grid[above][last + 1].strip() if last + 1 < len(grid[above]) else True
                    for above in rows[:k]):
                last += 1
            labels.append(HeaderLabel(compact(row[c]), c, last))
            c = last + 1
        spans[r] = labels
    return spans


def _label_field(text: str, names: dict[str, list[str]]) -> str | None:
    """The field whose longest alias the label contains (公务用车购置及运行维护费 is `cars`,
    公务用车购置费 is `car_purchase`), or None."""
    best, length = None, 0
    for name, aliases in names.items():
        for alias in aliases:
            a = compact(alias)
            if a and a in text and len(a) > length:
                best, length = name, len(a)
    return best


def _three_public_by_labels(typed: TypedTable, grid: list[list[str]]):
    """{group: {field: column}} and the first value row, when the header cells name every
    template column exactly once in every group and every figure of the first value row
    sits under a named column; None otherwise."""
    spec = vocabulary()["table_types"]["three_public"]
    order = spec["template_order"]
    first_value = next((r for r in range(typed.header_row + 1, len(grid))
                        if not _is_numbering_row(grid[r]) and any(quantity(c) is not None
                                                                  for c in typed.table.rows[r])), None)
    if first_value is None:
        return None
    above = [r for r in range(max(0, typed.header_row - 2), typed.header_row)
             if not any(quantity(c) is not None for c in typed.table.rows[r]) and not is_caption_row(grid[r])]
    header_rows = above + [r for r in range(typed.header_row, first_value) if not _is_numbering_row(grid[r])]
    names = _field_names(spec)
    spans = _wrapped_names_unspanned(_spanning_labels(grid, header_rows), header_rows, names)
    group_names = spec.get("groups") or {}
    subtotal = {compact(x) for x in spec.get("subtotal_labels") or []}
    default_group = _title_group(compact(typed.table.title))
    groups: dict[str, dict[str, int]] = {}
    values = _padded(typed.table, first_value)
    for col in range(len(values)):
        path = [part for r in header_rows for label in spans[r] if label.first <= col <= label.last
                for part in _header_parts(label.text)]
        field_name = None
        if path and any(w in path[-1] for w in spec.get("count_columns") or ()):
            continue  # (公务接待费 over 金额 | 批次（个） | 人次（人）: counts of receptions, no money column)
        if path and path[-1].startswith(tuple(spec.get("part_columns") or ())):
            continue  # (其中：外事接待费 beside 公务接待费: a part of the category before it)
        # a name wrapped over header lines, each part over this column alone (因公出国 over （境）费):
        # the parts joined name the column
        own = [label for r in header_rows for label in spans[r] if label.first == col == label.last
               and len(_header_parts(label.text)) == 1]
        if len(header_rows) > 1 and len(path) > 1 and len(own) == len(header_rows):
            field_name = _label_field(compact("".join(path)), names)
        for depth in range(len(path) - 1, -1, -1) if field_name is None else ():
            if path[depth] in subtotal:  # 小计 under 公务用车购置及运行维护费 is that item's total
                field_name = next((f for f in map(lambda t: _label_field(t, names),
                                                  reversed(path[:depth])) if f), None)
                break
            field_name = _label_field(path[depth], names)
            if field_name is not None:
                break
        group = next((g for text in reversed(path) for g in [_label_field(text, group_names)] if g),
                     None) or default_group
        year = next((m.group(1) for text in path for m in [YEAR_PREFIX_RE.match(text)] if m), None)
        if year:  # 2023年合计 | … | 2024年合计: each year's columns are a group of their own
            group = f"{group}:{year}"
        if field_name is None and path and path[-1] in subtotal and "cars" in order:
            # a 小计 over no name of its own, its parts (购置费, 运行维护费) to the right: the cars'
            field_name = "cars"
        if field_name is None:
            if any(w in part for part in path for w in spec.get("other_columns") or ()):
                continue  # a change or a note beside the categories (增减率, 备注): no category of its own
            if quantity(values[col]) is not None:
                return None  # a figure under no named column: the labels do not line up
            continue
        if field_name in groups.get(group, {}):
            return None
        groups.setdefault(group, {})[field_name] = col
    # a table may leave out the car subtotal (合计 | 因公出国（境）费 | 公务用车购置费 | 公务用车运行维护费
    # | 公务接待费): it is the sum of its two parts, read so
    derivable = {"cars"} if {"car_purchase", "car_running"} <= set(order) else set()
    # a table may print the cars by one column only (公务用车运行维护费, no 购置费): its other
    # identities hold, the cars' are not checked (table_sum reads what a record has)
    cars = {"cars", "car_purchase", "car_running"} & set(order)
    if not groups or any(not (set(order) - derivable <= set(fields) or (set(order) - cars <= set(fields)
                                                                      and fields.keys() & cars))
                         or not set(fields) <= set(order) for fields in groups.values()):
        return None
    return groups, first_value


def _wrapped_names_unspanned(spans: dict, header_rows: list[int], names: dict) -> dict:
    """A top label read as spanning the blank cells to its right (因公出国 over （境）费 | 小计, in a
    text export) that, joined with the label under its first column, is one column's whole name
    (因公出国（境）费): a name wrapped over two lines, over that column alone, not a group."""
    whole = {compact(alias) for aliases in names.values() for alias in aliases}
    for upper, lower in zip(header_rows, header_rows[1:]):
        below = {label.first: label for label in spans[lower] if label.first == label.last}
        spans[upper] = [replace(label, last=label.first)
                        if label.last > label.first and label.first in below
                        and compact(label.text + below[label.first].text) in whole else label
                        for label in spans[upper]]
    return spans


YEAR_PREFIX_RE = re.compile(r"^((?:19|20)\d\d)\s*年(?:度)?(?!\d)")

HEADER_JOIN_RE = re.compile(r"\s*[-/－／]\s*")


def _header_parts(text: str) -> list[str]:
    """A header flattened into one cell (预算数-公务用车购置及运行费-公务用车购置费, 决算数/合计): the
    levels it joins, top first; a cell that is one label stays one."""
    parts = HEADER_JOIN_RE.split(text)
    return parts if len(parts) > 1 and all(len(p.strip()) >= 2 for p in parts) else [text]


def _read_three_public_by_rows(typed: TypedTable, grid: list[list[str]]) -> bool:
    """The categories as columns and one row per group: 合计 | 因公出国（境）费 | … over rows
    labelled 本年预算数, 本年决算数, 2023年决算数. Each row whose label names a group (预算 /
    决算) is a record of the categories its header names: the header must name 合计 and at least
    two categories, each column once, and every figure of such a row must sit under one of them.
    A table of four columns (no 购置费 / 运行维护费 split) is read too: the identities whose
    columns it lacks are not checked (table_sum)."""
    spec = vocabulary()["table_types"]["three_public"]
    names = _field_names(spec)
    fields: dict[int, str] = {}
    for col, text in enumerate(grid[typed.header_row]):
        name = _label_field(compact(text), names) if text.strip() else None
        if name is not None:
            if name in fields.values():
                return False
            fields[col] = name
    if "total" not in fields.values() or len(fields) < 3:
        return False
    group_names = spec.get("groups") or {}
    records = []
    for r in range(typed.header_row + 1, len(grid)):
        cells = _padded(typed.table, r)
        label = next((c for c, cell in enumerate(cells) if grid[r][c].strip() and quantity(cell) is None), None)
        if label is None:
            continue
        group = _label_field(compact(grid[r][label]), group_names) or _year_row_group(typed, grid[r][label])
        if group is None:
            continue
        if any(quantity(cell) is not None for c, cell in enumerate(cells) if c not in fields):
            return False  # a figure under no named column: the labels do not line up
        records.append(_three_public_record(r, group, cells, {name: col for col, name in fields.items()}))
    typed.records.extend(records)
    return bool(records)


def _year_row_group(typed: TypedTable, label: str) -> str | None:
    """A row labelled by its year alone (2024年, 上年) states what was spent that year, unless the
    title says the table holds budgets (预算 and no 决算)."""
    from ..facts.base.heads import _names_only_period
    from ..facts.lexicon import lexicon

    if not _names_only_period(compact(label), lexicon()):
        return None
    title = compact(typed.table.title)
    return "budget" if "预算" in title and "决算" not in title else "actual"


def _field_names(spec: dict) -> dict[str, list[str]]:
    """Each template field's names in a header: its column names and its short sub-header labels."""
    return {f: list(spec["columns"].get(f, [])) + list((spec.get("short_labels") or {}).get(f, []))
            for f in spec["template_order"]}


def _three_public_record(row: int, group: str, cells: list[Cell], columns_of: dict[str, int]) -> ThreePublicRecord:
    """One group's figures of a row; a blank figure reads as 0."""
    record = ThreePublicRecord(row=row, group=group)
    for name, col in columns_of.items():
        record.cells[name] = cells[col]
        q = quantity(cells[col])
        setattr(record, name, q.value if q is not None else Decimal(0))
    if "cars" not in columns_of and "car_purchase" in columns_of and "car_running" in columns_of:
        record.cars = record.car_purchase + record.car_running  # (a subtotal the table leaves out)
    return record


def _read_labelled_rows(typed: TypedTable, grid, start: int, columns: list[int],
                        groups: dict[str, dict[str, int]]) -> bool:
    """Value rows that name their group left of the figures (项目 | 合计 | … over 预算数 | 8.50 | …
    and 决算数 | 8.10 | …): one record per row, of the group it names. False when the first value
    row names none (the columns' groups hold)."""
    if len(groups) != 1:
        return False
    (fields,) = groups.values()
    group_names = vocabulary()["table_types"]["three_public"].get("groups") or {}
    first = min(columns)
    found = False
    for r in range(start, len(grid)):
        label = compact(" ".join(grid[r][:first]))
        group = _label_field(label, group_names) if label else None
        if group is None:
            if r == start:
                return False
            continue
        cells = _padded(typed.table, r)
        if any(quantity(cells[c]) is not None for c in columns if c < len(cells)):
            typed.records.append(_three_public_record(r, group, cells, fields))
            found = True
    return found


def _read_three_public_values(typed: TypedTable, grid, start: int, columns: list[int],
                              groups: dict[str, dict[str, int]]) -> None:
    """The rows with figures below the header, one record per group (预算数 / 决算数) of each:
    the template's one row, or a summary's row per unit (县人民医院 | … , 合计 | …); `groups` maps
    each group to the column of every template field."""
    numbering = tuple(concepts().get("not_figure_columns") or ())
    for r in range(start, len(grid)):
        cells = _padded(typed.table, r)
        if not any(quantity(cells[c]) is not None for c in columns if c < len(cells)):
            continue
        if is_column_numbers(grid[r], numbering):
            continue  # (栏次 | 1 | 2 | … under the named heads: the columns' numbers, no group's figures)
        for group, columns_of in groups.items():
            typed.records.append(_three_public_record(r, group, cells, columns_of))


def _is_budget_actual_row(row: list[str]) -> bool:
    """A header row alternating 预算数 / 决算数 under each category."""
    labels = [compact(t) for t in row if t.strip()]
    return len(labels) == 12 and labels == ["预算数", "决算数"] * 6


def _read_three_public_interleaved(typed: TypedTable, grid: list[list[str]], header: int) -> None:
    columns = [c for c, text in enumerate(grid[header]) if text.strip()]
    order = vocabulary()["table_types"]["three_public"]["template_order"]
    _read_three_public_values(typed, grid, header + 1, columns,
                              {"budget": dict(zip(order, columns[0::2])), "actual": dict(zip(order, columns[1::2]))})


def _is_numbering_row(row: list[str]) -> bool:
    numbers = [t.strip() for t in row if t.strip()]
    # (isdecimal: full-width digits too, １ ２ ３ as a Chinese input method types them)
    # (counting on by one from 1, or from an earlier block's last, 7 | 8 | … | 12 under the 决算数 block)
    return len(numbers) >= 6 and all(t.isdecimal() for t in numbers) and counts_up(numbers)


READERS = {
    "performance_scores": _read_scores,
    "budget_execution": _read_execution,
    "budget_by_code": _read_codes,
    "three_public": _read_three_public,
    "income_expense_summary": _read_summary,
}


_line_head_finder = lru_cache(maxsize=16)(word_finder)  # (one pattern per rule's line_heads)


MOSTLY_BY_ONE = 2 / 3  # the share of a line-number column's steps that go up by exactly one, at least


def line_number_columns(grid: list[list[str]], width: int, line_heads: tuple[str, ...] = ()) -> set[int]:
    """Columns of 行次 / 栏次 numbers even where no header names them: whole numbers that only
    go up, one per row, mostly by one (rows left out of a published table skip some: 1, 2, 3, 10,
    11; a count's column, 6 | 538 | 544 人, jumps at every step), under no head or one of
    `line_heads` (培训班次 2, 3, 4, 5 counts classes whatever its steps)."""
    columns = set()
    naming = _line_head_finder(line_heads)
    for k in range(width):
        values, head_ok, named = [], True, False
        for texts in grid:
            text = texts[k] if k < len(texts) else ""
            if text.isdigit() and len(text) <= 3:
                values.append(int(text))
            elif text and to_decimal(text) is not None:
                values = []
                break
            elif text and not values and not naming.search(text):
                head_ok = False  # (a head above the numbers naming something else)
                break  # (no such column, whatever the rows below hold)
            elif text and not values:
                named = True
        steps = [b - a for a, b in zip(values, values[1:])]
        # (two rows will do under a head naming line numbers, 序号 | 1 | 2; three with no head)
        if head_ok and len(values) >= (2 if named else 3) and all(step > 0 for step in steps) \
                and steps.count(1) >= len(steps) * MOSTLY_BY_ONE:
            columns.add(k)
    return columns
