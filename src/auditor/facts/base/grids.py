"""A table's grid of cell texts as the fact reader's parts read it: a column's head, the
subject a 项目名称 cue names, a project's key."""

from __future__ import annotations

import re
from operator import attrgetter

from ...knowledge import compact
from .words import BRACKETED_RE
from .figures import short_cell_number


PROJECT_NAME_MIN = 4  # a form's project name shorter than this may be any word of a sentence

_CELL_TEXT = attrgetter("text")


def stripped_rows(rows) -> list[list[str]]:
    return [list(map(str.strip, map(_CELL_TEXT, row))) for row in rows]  # (each row's cells in C)


def bare_head(header: str | None) -> str:
    """The head without its bracketed unit (人均已发放（元） -> 人均已发放)."""
    return BRACKETED_RE.sub("", compact(header or ""))


def shown_head(header: str | None) -> str:
    """A column's head as a finding names it: its levels' words run together, a level whose words a
    level under it repeats left out (预算数 over 调整预算数: 调整预算数; 金额 over 决算数: 金额决算数)."""
    levels = (header or "").split()
    return compact("".join(w for k, w in enumerate(levels) if not any(w in later for later in levels[k + 1:])))


def subject_of(grid: list[list[str]], cues: list[str]) -> str:
    """`grid`: the table's stripped cell texts (only its first six rows are read)."""
    found = subject_cue(grid, cues)
    if found is None or heads_a_column(grid, *found):
        return ""  # (none, or a list of projects, one a row: no subject of the whole table)
    return cue_subject(grid, found)


def cue_subject(grid: list[list[str]], cue: tuple[int, int]) -> str:
    """The project named right of the 项目名称 cell at `cue` (row, column)."""
    i, k = cue
    return project_key(compact(next((t for t in grid[i][k + 1:] if t), "")))


YEAR_LEAD_RE = re.compile(r"(?:19|20)\d{2}\s*年度?")


def project_key(name: str) -> str:
    """A project's name without the year it opens with: a form's 项目名称 2024年度高标准农田建设项目 is
    the 高标准农田建设项目 its report's narrative speaks of (and a heading 一、2024年高标准农田建设项目
    the same again). A name that is little more than its year keeps it."""
    m = YEAR_LEAD_RE.match(name)
    return name[m.end():] if m and len(name) - m.end() >= PROJECT_NAME_MIN else name


SUBJECT_HEAD_ROWS = 6  # the rows of a table its 项目名称 cue may stand in


def subject_cue(grid: list[list[str]], cues: list[str]) -> tuple[int, int] | None:
    """(row, column) of the first cell among the first six rows that is a subject cue (项目名称)."""
    firsts = {cue[0] for cue in cues if cue}  # a cell that could be a cue starts as one does
    for i, texts in enumerate(grid[:SUBJECT_HEAD_ROWS]):
        for k, text in enumerate(texts):
            if text[:1] in firsts and compact(text) in cues:
                return i, k
    return None


def heads_a_column(grid: list[list[str]], i: int, k: int) -> bool:
    """The 项目名称 cell at (i, k) heads a column of names: the row below holds a name under it
    and figures to its right under heads of the cue's row (项目名称 | 预算金额 | 自评得分 over one
    project a row; not a form's 项目名称 | 某项目 over 项目资金 | 年度资金总额 | 1,286.40, its
    figure under no head). Header rows the cue's cell spans down over (序号 | 项目名称 | 金额 over
    |  | 年初预算数 | 决算数: blank under it, no figure) are passed over to the first row of names."""
    heads = grid[i]
    for below in grid[i + 1:i + 1 + CUE_SPAN_ROWS + 1]:
        if k < len(below) and below[k]:
            return short_cell_number(below[k]) is None \
                and any(short_cell_number(t) is not None and c < len(heads) and heads[c]
                        for c, t in enumerate(below[k + 1:], start=k + 1) if t)
        if any(short_cell_number(t) is not None for t in below if t):
            return False  # (a row of figures, nothing under the cue)
    return False


CUE_SPAN_ROWS = 2  # header rows under a 项目名称 cell merged down over them


def spread_spans(headers: list[list[str]], width: int, over_subheads: bool = False) -> list[list[str]]:
    """The header rows with each group head spread to the right over the empty cells of its span
    (本年支出 over 小计 | 基本支出 | 项目支出, merged across and left blank after its first cell): a
    span ends where the row above starts a new group or the row's next head stands; the last row
    names single columns and spreads nothing. `over_subheads`: only a head whose span the next row
    heads cell by cell is spread (a form's particulars, 项目名称 | 某项目 | 主管部门 | 某局 |  | , over a
    shorter header row head nothing)."""
    filled = []
    for depth, row in enumerate(headers):
        spread = depth < len(headers) - 1
        parent = headers[depth - 1] if depth else None
        below = headers[depth + 1] if spread else []
        current, out = "", []
        for k in range(width):
            text = row[k] if k < len(row) else ""
            if parent is not None and k < len(parent) and parent[k] and not text:
                current = ""  # the group above starts anew here
            if text:
                current = text if not over_subheads or _heads_its_span(row, below, k, width) else ""
            elif not spread:
                current = ""
            out.append(text or current)
        filled.append(out)
    return filled


def _heads_its_span(row: list[str], below: list[str], k: int, width: int) -> bool:
    """The row below has a head under the head at `k` and under each empty cell after it."""
    end = next((j for j in range(k + 1, width) if j < len(row) and row[j]), width)
    return all(j < len(below) and below[j] for j in range(k, end))
