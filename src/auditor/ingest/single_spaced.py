"""Tables whose columns are set apart by single spaces: a PDF table drawn without rules (its
cells' texts laid out by the PDF reader one row a line) or a text export without layout.

A run of lines each ending with the same number of figures is such a table's rows; the line
above it with one word a cell is its header. Where the run cannot be read whole (rows of other
shapes beside it, a part cut by a page break), its rows stay lines of their own, one a row, and
are never run into the text after them. Read by `text.parse_lines` (for text files and for the
text of each PDF page), which this module's helpers come from.
"""
from __future__ import annotations

import re

from ..facts.numbers import normalize_digits
from .raw import (DASHES, FIGURE_CELL_RE, PAGE_BREAK, TABLE_LINE_RE, YEAR_CELL_RE, RawBlock, RawCell, cell_figure,
                  sentence_marked, years_apart)
from .text import CONTINUED_RE, ITEM_START_RE, MIN_SPACED_FIGURE_ROWS, _add_table, _blank


ROW_FIGURES = 2  # figures standing apart at a line's end that make it a table's row


def figures_line(line: str) -> bool:
    """A table's row whose columns are set apart by single spaces (a borderless PDF table, a text
    export without layout): its last ROW_FIGURES words or more are figures alone (合计 1,175.87
    1,201.26; a dash for nothing counts, one figure at least). Prose wrapped at a line's end puts a
    unit or a word after its figure, so such a line is no wrapped sentence, and the line after it
    no rest of one: gluing them would run the row's last figure into the next text (300.002024年度…)."""
    return _row_figures(line) >= ROW_FIGURES


def _row_figures(line: str) -> int:
    """How many words at the line's end are figures or dashes (one figure at least; 0 for prose)."""
    count, figures = _row_cells(line)
    return count if figures else 0


def _row_cells(line: str) -> tuple[int, int]:
    """(the words at the line's end that are figures or dashes, how many of them are figures);
    (0, 0) for prose."""
    if sentence_marked(line):
        return 0, 0
    count = figures = 0
    words = line_words(line)
    for k, word in enumerate(reversed(words)):
        if k == len(words) - 1 and CODE_RE.fullmatch(word):
            break  # (a row's first word, 2080505, is its code, no figure)
        if FIGURE_CELL_RE.match(word):
            figures += 1
        elif word not in DASHES:
            break
        count += 1
    return count, figures


CODE_RE = re.compile(r"\d{3,9}")  # a classification code (201, 2010301) opening a row


def line_words(line: str) -> list[str]:
    """A line's words, a minus sign written full-width or typographically (－19.50, −3.70) as -,
    and a year set apart from its 年 (2024 年) as one word."""
    words = [normalize_digits(w) if w[:1] in "－−" else w for w in line.split()]
    out: list[str] = []
    for word in words:
        if out and word.startswith("年") and YEAR_CELL_RE.fullmatch(out[-1]):
            out[-1] += word
        else:
            out.append(word)
    return out


def figures_table(lines: list[str], i: int, blocks: list[RawBlock]) -> int:
    """Rows set apart by single spaces, each a label and the same number of figures (a borderless
    PDF table, a text export without layout), read as a table when MIN_SPACED_FIGURE_ROWS of them
    come together. Its header is the line just above when its words are one for each cell, or one
    for each word of the rows (一级指标 二级指标 三级指标 … 分值 得分 over rows of as many words), or
    the run's first line when its figures are years one after another (项目 2023 2024). A label's code
    (2010101 行政运行) is a column of its own; a short word alone beside a row whose name is cut (a
    label's wrapped rest) is a row with blank figures. With single spaces a blank cell leaves no
    trace: rows with another number of figures end the table (which of their cells is blank cannot
    be told), and a run beside them, or under a header it cannot be laid under, is left as lines."""
    last = blocks[-1] if blocks else None
    above = last.text if last is not None and last.kind == "para" and last.line == i else ""
    years = not (above and _header_words(above)) and _years_line(lines[i])  # (a header of bare years)
    first = i + 1 if years else i
    width = _row_figures(lines[first]) if first < len(lines) else 0
    if years and width != _row_figures(lines[i]):
        return i
    k, rows_at = first, []
    while k < len(lines) and not _blank(lines[k]):
        # (a row of dashes only, 机关服务 - - -, goes on with the rows around it)
        if not (_row_figures(lines[k]) == width or rows_at and _row_cells(lines[k])[0] == width) \
                and not (rows_at and k + 1 < len(lines) and _row_figures(lines[k + 1]) == width
                         and _wrapped_rest(lines[k])):
            break
        rows_at.append(k)
        k += 1
    if sum(1 for at in rows_at if _row_figures(lines[at])) < MIN_SPACED_FIGURE_ROWS:
        return i
    split = [_row_words(lines[at], width) for at in rows_at]
    coded = 2 * sum(1 for label, _ in split if CODE_WORD_RE.match(label) or CODE_RE.fullmatch(label)) >= len(split)
    cells_wide = width + 1 + coded
    heads = line_words(above) if above and _header_words(above) else []
    header = years or len(heads) == cells_wide
    by_word = not header and len(heads) > cells_wide and _by_word(lines, rows_at, len(heads))
    # (a header of its own parts the run from what is above it: only a run without one is looked past)
    beside = _past_rests(lines, k, 1) if header or by_word else (*_past_rests(lines, i - 1, -1), *_past_rests(lines, k, 1))
    if (heads and not header and not by_word) or any(0 <= at < len(lines) and _loose_figures(lines[at]) for at in beside):
        # a header the rows cannot be laid under, or a line of figures set apart next to the run
        # (past a label's wrapped rest): more rows of the same table with another number of figures
        # or with words after them (an indicator's 偏差原因); a part of a table read as a whole
        # would have its total checked against some of its rows: each row stays a line of its own
        # (read once: the run is not searched again from each)
        blocks.extend(RawBlock("para", text=lines[at].strip(), line=at + 1) for at in range(i, k))
        return k
    if by_word:
        rows = [[RawCell(text, line=at + 1) for text in _by_word_cells(lines[at], len(heads), width)] for at in rows_at]
    else:
        rows = [[RawCell(text, line=at + 1) for text in [*_label_cells(label, coded), *(figures or [""] * width)]]
                for at, (label, figures) in zip(rows_at, split)]
    start = i
    if years:
        rows.insert(0, [RawCell(text, line=i + 1) for text in _header_cells(line_words(lines[i]), cells_wide)])
    elif header or by_word:
        blocks.pop()  # (the header, read as a line of text before the rows came)
        rows.insert(0, [RawCell(text, line=i) for text in heads])
        start = i - 1
    count = len(blocks)
    _add_table(blocks, rows, start + 1)
    table = blocks[-1] if blocks and blocks[-1].kind == "table" else None
    if table is not None and len(blocks) > count:
        table.loose_ends = (_text_edge(lines, start - 1, -1), _text_edge(lines, k, 1))
    elif table is not None and table.loose_ends:  # (the rest of a loose table before it, after 续表)
        table.loose_ends = (table.loose_ends[0], _text_edge(lines, k, 1))
    return k


def _by_word(lines: list[str], rows_at: list[int], heads: int) -> bool:
    """Every row of the run is one word a cell under a header of `heads` words (其中 label-only or
    short rows, 总分 100 99.50, excepted: at most as many words), at least one filling it."""
    counts = [len(line_words(lines[at])) for at in rows_at]
    return max(counts) == heads and sum(1 for c in counts if c == heads) >= MIN_SPACED_FIGURE_ROWS


def _by_word_cells(line: str, heads: int, width: int) -> list[str]:
    """A row's cells under a header of one word a column: word for word, or (a shorter row, 总分 100
    99.50) its words before the figures as its label and its figures under the last columns."""
    words = line_words(line)
    if len(words) == heads:
        return words
    figures = _row_cells(line)[0]
    label = " ".join(words[:len(words) - figures])
    return [label, *[""] * (heads - 1 - figures), *words[len(words) - figures:]]


# a row label opening with its classification code (2010101 行政运行): the code a column of its own
CODE_WORD_RE = re.compile(r"^(\d{3,9})\s+(\S.*)$")
LABEL_REST_CHARS = 20  # a label's wrapped part, alone on its line, is at most this long


def _label_cells(label: str, coded: bool) -> list[str]:
    """A row's label as its cells: its code and its name apart where the table's rows open with codes."""
    if not coded:
        return [label]
    m = CODE_WORD_RE.match(label)
    return list(m.groups()) if m else [label, ""] if CODE_RE.fullmatch(label) else ["", label]


def _row_words(line: str, width: int) -> tuple[str, list[str]]:
    """(the label, the figures) of a row line; a label-only line's figures are []."""
    words = line_words(line)
    count = _row_figures(line)
    if not count and _row_cells(line)[0] != width:
        return line.strip(), []
    return " ".join(words[:len(words) - width]), words[len(words) - width:]


def _label_rest(line: str) -> bool:
    """A short word alone on its line (no caption, unit line, heading or item, no figure)."""
    text = line.strip()
    return 0 < len(text) <= LABEL_REST_CHARS and " " not in text and not _loose_figures(text) \
        and not TABLE_LINE_RE.search(text) and not ITEM_START_RE.match(text) and not text.endswith(("：", ":"))


def _wrapped_rest(line: str) -> bool:
    """A line inside a run of rows that is a label's wrapped part (重大传染病防控及应急处置 over 专项补助资金
    150.00 150.00; 支出 after its row): a short word alone, not a caption, a heading or an item, not
    opening a list of parts nor naming a topic (其中项目支出安排, 项目支出预算安排情况: headings of
    another table's rows; concepts.yaml list_openers, topic_endings)."""
    from ..knowledge import concepts

    vocab = concepts()
    text = line.strip()
    return _label_rest(line) and not text.startswith(tuple(vocab.get("list_openers") or ())) \
        and not text.endswith(tuple(vocab.get("topic_endings") or ()))


def _past_rests(lines: list[str], at: int, step: int) -> tuple[int, ...]:
    """The line at `at` and, where it is a label's rest, the line past it: the lines next to a run
    whose figures would make it part of a bigger table."""
    if 0 <= at < len(lines) and _label_rest(lines[at]):
        return at, at + step
    return (at,)


def _years_line(line: str) -> bool:
    """A line whose figures are years one after another (项目 2023 2024): a header over columns of
    years, not a row of counts that look like years (小学 1968 2015)."""
    count = _row_figures(line)
    words = line_words(line)[-count:] if count else []
    return count >= ROW_FIGURES and all(YEAR_CELL_RE.fullmatch(w) for w in words) and years_apart(words)


def _header_cells(words: list[str], wide: int) -> list[str]:
    """A header line's words as cells, the first ones run together where the line has more words
    than the table has cells (科目 名称 2023 2024), blank ones put first where it has fewer."""
    if len(words) > wide:
        return [" ".join(words[:len(words) - wide + 1]), *words[len(words) - wide + 1:]]
    return [""] * (wide - len(words)) + words


def _text_edge(lines: list[str], at: int, step: int) -> bool:
    """Whether nothing but blank lines and at most LOOSE_GAP_LINES short lines (page furniture
    not recognised as such: a printed date, a file's address) lies from `at` on in direction
    `step` before the text's end or a page break."""
    gap = 0
    while 0 <= at < len(lines):
        if lines[at].strip(" ") == PAGE_BREAK:
            return True
        if not _blank(lines[at]):
            if gap >= LOOSE_GAP_LINES or not furniture_gap(lines[at].strip()):
                return False
            gap += 1
        at += step
    return True


LOOSE_GAP_LINES = 2  # short lines (page furniture left over) that may stand between a table's parts
LOOSE_GAP_CHARS = 60


def furniture_gap(text: str) -> bool:
    """A short line that may be page furniture left between a table's parts: not prose, not a
    caption, a 续表 line or a line announcing what follows, not a row."""
    return len(text) <= LOOSE_GAP_CHARS and not CONTINUED_RE.match(text) and not figures_line(text) \
        and not text.rstrip().endswith(("表", "：", ":", "。")) and FURNITURE_MARK_RE.search(text) is not None


# page furniture prints a number, a date or an address (第3页, 2025/3/1, file:///…); a heading
# between two tables (项目支出预算安排情况) has none
FURNITURE_MARK_RE = re.compile(r"[0-9A-Za-z]")


def _loose_figures(line: str) -> bool:
    """Whether a line holds a figure standing apart as a cell does: not a year (2024 年度), not a
    sentence's figure with its unit after it (本年支出合计 862.51 万元，…), not on a caption or a unit
    line (表 2 支出决算表). A row with a remark after its figures (20 18 受干旱影响，…) holds some."""
    return not TABLE_LINE_RE.search(line.strip()) and any(_standing(line_words(line), dashes=True))


def row_like(line: str) -> bool:
    """A line holding two figures or more standing apart, no sentence: a table's row (of a
    two-sided summary, 一般公共预算财政拨款收入 980.15 一般公共服务支出 500.00), never a sentence's
    wrapped part to run into the next line."""
    return not sentence_marked(line, "、") and sum(_standing(line_words(line))) >= ROW_FIGURES


def _standing(words: list[str], dashes: bool = False) -> list[bool]:
    """For each word, whether it is a figure standing apart as a cell does: no unit after it (3.77
    万元 is a sentence's figure, not a cell's)."""
    return [cell_figure(word, dashes) and not (k + 1 < len(words) and words[k + 1][:1] in UNIT_STARTS)
            for k, word in enumerate(words)]


UNIT_STARTS = "万亿千元人个户次项名家所座辆件天年月日%％倍分"  # a unit word's first character


def _header_words(line: str) -> bool:
    """A header's words: no figure among them (a year heading a column, 2024年 or 2024, is a word),
    no caption or unit line (表3 收支对比表, 单位：万元)."""
    return not TABLE_LINE_RE.search(line.strip()) and not any(cell_figure(word, dashes=True) for word in line_words(line)) \
        and not sentence_marked(line)
