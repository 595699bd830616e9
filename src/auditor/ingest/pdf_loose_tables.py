"""Tables drawn without vertical rules (three-line tables, or no rules at all), read from the
positions of their words.

pdfplumber's table finder needs ruling lines that cross; a table with rules above and below its
header and at its foot only, or with none, reaches the text reader as lines, one space a gap,
its blank cells lost. Here a page's text lines (grouped as `pdf_layout` groups them) are cut into
chunks at gaps of a character's width or more; a run of lines whose figures stand apart in
columns that line up is a table. Its columns are the x-ranges the chunks of its body cover (a
label run over into the next column by a merged cell does not join them); its rows are the
lines with figures, each with the figure-less lines set close to it (a label wrapped over two or
three lines, set at the cell's top or its middle); its header is the lines of words right above
it, bounded by the table's rules where it has them. Cells are placed by x, so a blank cell stays
blank. Only pages with lines holding two figures set apart are looked at, each line once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..knowledge import concepts
from .cleanup import clean_text
from .raw import TABLE_LINE_RE, cell_figure
from ..facts.numbers import is_column_numbers
from .pdf_columns import han_char


CELL_GAP = 1.0  # × the type size: a gap this wide or wider parts two cells (a space is a quarter)
PART_GAP = 0.5  # × size: a gap this wide or wider inside a chunk may part two heads (see _split_over_bands)
# × size: a gap this wide or wider with no space character in it, between a figure's last digit or
# a Chinese character and a Chinese character (35.60 | 八、社会保障和就业支出: a figure set to the
# right of its cell, the next cell's label to the left of its own, two narrow paddings between;
# 公务用车 | 公务用车 | 公务接待: narrow columns' heads), parts them too; a figure and its unit run on
# (35.60万元) with none, a space typed between them (共 12 个) is no padding
FIGURE_WORD_GAP = 0.3
WRAP_GAP = 1.51  # × size, top to top: lines this close are one cell's wrapped lines (a row's pitch is more; a hair over
# 1.5, a line height of 1.5 as web pages set it, the positions being rounded)
# × size, top to top: a header's word under another one this close, lined up with it, is its
# wrapped rest (a line of another cell may sit between them: 附属单位上缴收 / 本年收入合计 / 入)
HEADER_WRAP = 1.75
LINE_GAP = 2.5  # × size, top to top: a wider gap ends the table (a title or a paragraph after it)
# × size, top to top: rows of figures lined up under one another may stand this far apart (a Word
# table of a fixed row height, 0.8 cm in 9-point type is 2.52 sizes); once they do, the table's
# other lines may stand as far apart as its rows (a head's row of words among them)
TALL_ROW_GAP = 4.5
HEADER_GAP = 3.5  # × size, top to top: the gap between a header's last line and the body's first, at most
MIN_ROWS = 3  # lines with figures set apart that make a table
WIDE_ROW = 3  # figures in a row that, under a header of words, make a table of one or two rows
ALIGN = 2.0  # points between figures one under the other (their right, left edge or middle)
HEADER_LINES = 6  # lines of a header at most (two levels, each wrapped over up to three lines)
HEADER_RULES = 2  # rules a header is looked for across: a three-line table's mid and top rules
RULE_SHARE = 0.25  # of the page's width: a horizontal rule this long or longer is a table's (no underline)
PROSE_SHARE = 0.4  # of the page's width: one chunk so wide, with a sentence's marks, is a paragraph's line
BRIDGE_SHARE = 0.1  # of the body's lines: chunks this few across a gap between columns do not join them
SENTENCE_MARKS = "，。；！？"


@dataclass
class _Chunk:
    x0: float
    x1: float
    text: str
    figure: bool
    # the chunk's words set apart by PART_GAP or more, when there are several (a header's heads a
    # narrow padding sets less than CELL_GAP apart: 本年支出合计 基本支出 项目支出; see _split_over_bands)
    parts: list = field(default_factory=list)
    band: int | None = None  # the column such a part was cut out for (see _split_over_bands)


@dataclass
class _Line:
    top: float
    size: float
    chunks: list
    figures: int = 0


@dataclass
class LooseTable:
    """A table read from word positions: its bbox, its grid of cell texts (a cell's wrapped lines
    joined by newlines, as pdfplumber extracts them) and its columns' x-ranges."""

    bbox: tuple
    grid: list
    columns: tuple
    lines: set = field(default_factory=set)  # indexes of the page's lines it was read from


def loose_tables(char_lines: list, texts: list[str], edges: list, width: float, line_text,
                 carry: tuple = ()) -> list[LooseTable]:
    """The rule-less tables among a page's lines (`char_lines`: [top, bottom, chars], `texts` their
    text with one space a gap, `line_text` the function that gave it). `carry`: the columns of
    such a table that ended the page before, whose last rows may open this page."""
    if sum(1 for text in texts if figure_words(text) >= 2) < 1 and not any(_pair_total_re().search(t) for t in texts):
        return []  # (most pages: no line with two figures set apart, nor a total of one; nothing more is done)
    lines = [_line(line, line_text) for line in char_lines]
    rules = sorted((e["top"], e["x0"], e["x1"]) for e in edges
                   if e["orientation"] == "h" and e["x1"] - e["x0"] >= RULE_SHARE * width)
    rest = _carried_rows(lines, carry, width) if carry and all(isinstance(b, tuple) for b in carry) else None
    tables, k = ([rest], max(rest.lines) + 1) if rest is not None else ([], 0)
    while k < len(lines):
        if lines[k].figures < 2:
            k += 1
            continue
        table, k = _table_from(lines, k, rules, width)
        if table is not None:
            tables.append(table)
    used = set().union(*(t.lines for t in tables)) if tables else set()
    return tables + _pair_tables(lines, used, rules, width)


# a line closing a table of one figure a row: its total's label, then the figure (本年收入合计 10,178.00)


@lru_cache(maxsize=1)
def _pair_total_re() -> re.Pattern:
    """A line closing a table of one figure a row: its total's label, then the figure (本年收入合计
    10,178.00; concepts.yaml column_total_words)."""
    words = "|".join(map(re.escape, concepts().get("column_total_words") or ("合计",)))
    return re.compile(rf"(?:{words})\s+-?[\d,]+(?:\.\d+)?$")


def _pair_tables(lines: list[_Line], used: set, rules: list, width: float) -> list[LooseTable]:
    """Tables of a label and one figure a row (项目 | 金额 ¶ 财政拨款收入 | 8,642.35 … 本年收入合计 |
    10,178.00), no line of two figures to find them by: MIN_ROWS lines or more in a run, each a label
    and a figure set apart, the labels lined up on the left and the figures on the right, one of
    them closing on a total's label (a contents page's lines of page numbers have none)."""
    tables, k = [], 0
    while k < len(lines):
        if k in used or not _pair(lines[k]):
            k += 1
            continue
        end = k
        while end + 1 < len(lines) and end + 1 not in used and _pair(lines[end + 1]) \
                and _goes_on(lines[end], lines[end + 1], lines[k].size, width):
            end += 1
        body = lines[k:end + 1]
        if len(body) >= MIN_ROWS and _lined_pairs(body) \
                and any(_pair_total_re().search(f"{line.chunks[0].text} {line.chunks[1].text}") for line in body):
            size = body[0].size
            bands = [(min(l.chunks[0].x0 for l in body), max(l.chunks[0].x1 for l in body)),
                     (min(l.chunks[1].x0 for l in body), max(l.chunks[1].x1 for l in body))]
            header = [h for h in _header(lines, k, size, rules) if len(lines[h].chunks) == 2]
            # (a head of two words over the two columns, 项目 | 金额, each its column's)
            grid = [[c.text for c in line.chunks] for line in [*(lines[h] for h in header), *body]]
            rows = set(header) | set(range(k, end + 1))
            chunks = [c for r in rows for c in lines[r].chunks]
            bbox = (min(c.x0 for c in chunks), min(lines[r].top for r in rows),
                    max(c.x1 for c in chunks), max(lines[r].top + lines[r].size for r in rows))
            tables.append(LooseTable(bbox, grid, tuple(bands), rows))
        k = end + 1
    return tables


def _pair(line: _Line) -> bool:
    """A label and one figure after it, set apart."""
    return len(line.chunks) == 2 and line.figures == 1 and line.chunks[1].figure \
        and not any(m in line.chunks[0].text for m in SENTENCE_MARKS)


def _lined_pairs(body: list[_Line]) -> bool:
    """The labels start at one x, the figures end at one x (right-aligned) or start at one."""
    def lined(xs: list[float]) -> bool:
        return max(xs) - min(xs) <= ALIGN
    return lined([l.chunks[0].x0 for l in body]) and (
        lined([l.chunks[1].x1 for l in body]) or lined([l.chunks[1].x0 for l in body]))


def _carried_rows(lines: list[_Line], bands: tuple, width: float) -> LooseTable | None:
    """The last rows of the table the page before ended in, opening this page: lines with figures
    (after at most CARRIED_ABOVE lines set well apart above them, a running header), within the
    table's width and each figure over one of its columns (and one only), fewer than make a
    table of their own."""
    first = next((k for k, line in enumerate(lines) if line.figures), None)
    if first is None or first > CARRIED_ABOVE \
            or (first and lines[first].top - lines[first - 1].top <= LINE_GAP * lines[first].size):
        return None
    size, end = lines[first].size, first
    while end + 1 < len(lines) and _goes_on(lines[end], lines[end + 1], size, width) and lines[end + 1].figures:
        end += 1
    body = lines[first:end + 1]
    left, right = bands[0][0] - size, bands[-1][1] + size
    if not any(line.figures >= 2 for line in body) or len(body) >= MIN_ROWS \
            or not all(left <= c.x0 and c.x1 <= right for line in body for c in line.chunks) \
            or not all(sum(1 for b in bands if c.x0 < b[1] and b[0] < c.x1) == 1
                       for line in body for c in line.chunks if c.figure):
        return None
    chunks = [c for line in body for c in line.chunks]
    bbox = (min(c.x0 for c in chunks), body[0].top, max(c.x1 for c in chunks), body[-1].top + body[-1].size)
    return LooseTable(bbox, _body_rows(body, list(bands), size), tuple(bands), set(range(first, end + 1)))


CARRIED_ABOVE = 2  # lines atop a page (a running header) above the last rows of a table run over


def figure_words(text: str) -> int:
    return sum(1 for word in text.split() if cell_figure(word, dashes=True))


def _line(line: list, line_text) -> _Line:
    """A text line cut into chunks at gaps of CELL_GAP or more, each chunk's text as the line's
    reader gives it (note marks left out)."""
    top, _, chars = line
    size = max(ch.get("size", 10) for ch in chars)
    gap = CELL_GAP * size
    groups: list[list] = []
    end = None
    spaced = set()  # (the characters a space character stands right before)
    after_space = False
    for ch in sorted(chars, key=lambda c: c["x0"]):
        if ch["text"].isspace():
            after_space = True
            continue
        if after_space:
            spaced.add(id(ch))
            after_space = False
        if not groups or ch["x0"] - end > gap:
            groups.append([])
            end = ch["x1"]
        groups[-1].append(ch)
        end = max(end, ch["x1"])
    chunks = []
    for group in groups:
        text = line_text(group)[0].strip()
        if text:
            chunk = _Chunk(min(c["x0"] for c in group), max(c["x1"] for c in group), text,
                           cell_figure(text, dashes=True), _parts(group, size, line_text, spaced))
            chunks.extend(_figures_apart(chunk))
    if any(c.figure for c in chunks) and is_column_numbers([c.text for c in chunks], _column_number_heads()):
        # (栏次 1 2 3 4 5 6, the digits centred in their columns: the header's last row numbering the
        # columns, no row of figures; read as one, its bands would cut the amounts' columns apart)
        chunks = [replace(c, figure=False) for c in chunks]
    # (a remark beside a row's figures is a cell of its own: 10 | 8 | 线时间推迟约半个月，扣2)
    return _Line(top, size, chunks, sum(1 for c in chunks if c.figure))


def _column_number_heads() -> tuple[str, ...]:
    return tuple(concepts().get("not_figure_columns") or ())


def _parts(group: list, size: float, line_text, spaced: set = frozenset()) -> list:
    """A chunk's characters cut at gaps of PART_GAP or more (FIGURE_WORD_GAP from a figure's last
    digit to a Chinese character with no space character between), as chunks; [] where they make one."""
    parts: list[list] = [[group[0]]]
    end = group[0]["x1"]  # (the current part's right edge, kept as it grows)
    for before, ch in zip(group, group[1:]):
        gap = ch["x0"] - end
        if gap > PART_GAP * size or (gap >= FIGURE_WORD_GAP * size and id(ch) not in spaced
                                     and (before["text"].isdigit() or han_char(before["text"])) and han_char(ch["text"])):
            parts.append([])
            end = ch["x1"]
        parts[-1].append(ch)
        end = max(end, ch["x1"])
    if len(parts) < 2:
        return []
    out = []
    for part in parts:
        text = line_text(part)[0].strip()
        if text:
            out.append(_Chunk(min(c["x0"] for c in part), max(c["x1"] for c in part), text, cell_figure(text, dashes=True)))
    return out if len(out) >= 2 else []


def _figures_apart(chunk: _Chunk) -> list[_Chunk]:
    """A chunk cut where a figure and words stand PART_GAP or more apart (20,998,416 | 一般公共服务支出:
    a figure set to the right of its cell, the next cell's label to the left of its own, a narrow
    padding between): two cells. Words beside words stay one chunk (a header's heads: see
    _split_over_bands)."""
    if not chunk.parts or not any(p.figure for p in chunk.parts):
        return [chunk]
    out = [chunk.parts[0]]
    for part in chunk.parts[1:]:
        if part.figure or out[-1].figure:
            out.append(part)
        else:  # (two word parts: one chunk again, its parts kept)
            last = out[-1]
            out[-1] = _Chunk(last.x0, part.x1, f"{last.text} {part.text}", False, [*(last.parts or [last]), part])
    return out


def _split_over_bands(line: _Line, bands: list[tuple]) -> _Line:
    """A header line with each chunk whose parts stand in as many columns as they are, one in each,
    cut into them (本年支出合计 基本支出 项目支出 over three columns of figures); a head spanning
    columns, one word, stays whole."""
    chunks = []
    for c in line.chunks:
        columns = [_most_under(p, bands) for p in c.parts]
        if c.parts and None not in columns and len(set(columns)) == len(columns):
            chunks.extend(replace(p, band=k) for p, k in zip(c.parts, columns))
        else:
            chunks.append(c)
    return _Line(line.top, line.size, chunks, line.figures) if len(chunks) != len(line.chunks) else line


def _most_under(chunk: _Chunk, bands: list[tuple]) -> int | None:
    """The column a chunk overlaps most, None where it overlaps none."""
    overlaps = [min(chunk.x1, x1) - max(chunk.x0, x0) for x0, x1 in bands]
    best = max(range(len(bands)), key=lambda k: overlaps[k], default=None)
    return best if best is not None and overlaps[best] > 0 else None


def _table_from(lines: list[_Line], first: int, rules: list, width: float) -> tuple[LooseTable | None, int]:
    """The table whose first row with figures is lines[first], and the index to go on from."""
    size = lines[first].size
    last = first
    k = first + 1
    pitch = 0.0  # the rows' pitch where rows of figures lined up stand further apart than LINE_GAP
    while k < len(lines) and _goes_on(lines[k - 1], lines[k], size, width, pitch):
        if lines[k].figures:  # (a row of one figure inside the table too: 一般公共预算财政拨款 150.00)
            last = k
        if _lined_up_rows(lines[k - 1], lines[k]):
            pitch = max(pitch, lines[k].top - lines[k - 1].top)
        k += 1
    # the body: from the first row's cell (its label's first lines above it) to the last row's
    start, end = first, last
    while start > 0 and _wraps(lines[start - 1], lines[start], size, rules) and lines[start - 1].figures < 2 \
            and _goes_on(lines[start - 1], lines[start], size, width) \
            and (len(lines[start - 1].chunks) == 1 or not _header_like(lines[start - 1])):
        start -= 1
    figured = [line for line in lines[first:last + 1] if line.figures]

    def row_above(k: int) -> bool:
        # (一、基本支出 alone on its row right under the header, the rows of its figures below; rows of one
        # figure or none above the first of two, a blank cell each: 一、…收入 2,492.15 一、…支出 |; and
        # their labels' wrapped lines: 三、国有资本经营预算财 ¶ 三、国防支出 ¶ 政拨款)
        line = lines[k]
        if _category_row(line, lines[first]):
            return True
        if not _row_above(line, figured):
            return False
        numbered = bool(NUMBERED_RE.match(clean_text(line.chunks[0].text)))
        if len(line.chunks) >= 2 or line.figures:
            return numbered or _wrapped_cluster(lines, k, size, rules)
        # (a numbered label alone on its line is a row's where cells to its left are blank, 四、公共安全
        # 支出 in the 支出 half; at the table's left edge it is the text's heading over the table, 二、收入决算表,
        # unless it is a label wrapped beside another cell's lines: 三、国有资本经营预算财 ¶ 三、国防支出 ¶ 政拨款)
        left = min(c.x0 for row in figured for c in row.chunks)
        wrapped = (k > 0 and _wraps(lines[k - 1], line, size, rules)) \
            or (k + 1 < len(lines) and _wraps(line, lines[k + 1], size, rules))
        return line.chunks[0].x0 > left + ALIGN and (numbered or wrapped) or _wrapped_cluster(lines, k, size, rules)

    while start > 0 and row_above(start - 1) and _goes_on(lines[start - 1], lines[start], size, width, pitch):
        start -= 1
    while end + 1 < len(lines) and _wraps(lines[end], lines[end + 1], size, rules) \
            and _goes_on(lines[end], lines[end + 1], size, width) and not lines[end + 1].figures:
        end += 1
    body = lines[start:end + 1]
    rows = [line for line in body if line.figures >= 2]
    header = _header(lines, start, size, rules)
    if not _a_table(rows, header):
        return None, max(first + 1, last + 1)
    bands = _bands([line for line in body if line.figures])
    bands = _with_loose_bands(bands, [line for line in body if not line.figures])
    heads = [_split_over_bands(lines[k], bands) for k in header]
    bands = _with_header_bands(bands, heads)
    grid = _header_rows(heads, bands, size) + _body_rows(body, bands, size)
    used = set(header) | set(range(start, end + 1))
    chunks = [c for k in used for c in lines[k].chunks]
    bbox = (min(c.x0 for c in chunks), min(lines[k].top for k in used),
            max(c.x1 for c in chunks), max(lines[k].top + lines[k].size for k in used))
    return LooseTable(bbox, grid, tuple(bands), used), end + 1


def _goes_on(above: _Line, line: _Line, size: float, width: float, pitch: float = 0.0) -> bool:
    """The line may be part of the table the line above is in: close enough below it (as close as
    the table's rows are, `pitch`, or two rows of figures lined up, TALL_ROW_GAP), set no larger (a
    title), no caption or unit line, no paragraph's line."""
    gap = line.top - above.top
    if line.size > size + 0.5 or (gap > max(LINE_GAP * size, pitch * PITCH_SLACK)
                                  and not (gap <= TALL_ROW_GAP * size and _lined_up_rows(above, line))):
        return False
    if any(TABLE_LINE_RE.search(c.text) for c in line.chunks):
        return False
    return not (len(line.chunks) == 1 and line.chunks[0].x1 - line.chunks[0].x0 > PROSE_SHARE * width
                and any(m in line.chunks[0].text for m in SENTENCE_MARKS))


PITCH_SLACK = 1.1  # a line as far below the one above as the table's rows' pitch, a tenth more, goes on with it


def _lined_up_rows(a: _Line, b: _Line) -> bool:
    """Two rows of two figures or more each, two of them set one under the other (right edges
    within ALIGN): rows of one table's columns."""
    if a.figures < 2 or b.figures < 2:
        return False
    rights = [c.x1 for c in a.chunks if c.figure]
    return sum(1 for c in b.chunks if c.figure and any(abs(c.x1 - x) <= ALIGN for x in rights)) >= 2


def _category_row(line: _Line, row: _Line) -> bool:
    """A row of one numbered label and no figure (一、基本支出) set where the row's labels begin: a
    category's row opening the table's body, no line of its header."""
    if line.figures or len(line.chunks) != 1 or not row.chunks:
        return False
    chunk = line.chunks[0]
    return abs(chunk.x0 - row.chunks[0].x0) <= ALIGN and bool(NUMBERED_RE.match(clean_text(chunk.text)))


def _wrapped_cluster(lines: list[_Line], k: int, size: float, rules: list) -> bool:
    """The line is one of a run of lines wrapped together (WRAP_GAP apart) whose words stand in two
    columns or more: one row's cells, a label wrapped beside another's, not a heading and the line
    under it at one margin (二、收入 ¶ （一）编制范围…)."""
    a = b = k
    while a > 0 and _wraps(lines[a - 1], lines[a], size, rules):
        a -= 1
    while b + 1 < len(lines) and _wraps(lines[b], lines[b + 1], size, rules):
        b += 1
    if a == b:
        return False
    starts = sorted({round(c.x0) for line in lines[a:b + 1] for c in line.chunks})
    return any(y - x > ALIGN for x, y in zip(starts, starts[1:]))


def _row_above(line: _Line, rows: list[_Line]) -> bool:
    """A line above the table's first row of two figures that may be a row of its blank cells, or a
    line of one: at most one figure, each chunk's left edge at one of the table's rows' labels' (a
    label over a label) or a figure's right edge at one of theirs (a figure over a figure; `rows`:
    the table's lines with figures). Its caller asks more: a numbered label or a wrapped one."""
    if not line.chunks or line.figures > 1 or not rows:
        return False
    starts = [c.x0 for row in rows for c in row.chunks if not c.figure]
    ends = [c.x1 for row in rows for c in row.chunks if c.figure]
    return all(any(abs(c.x1 - x) <= ALIGN for x in ends) if c.figure else any(abs(c.x0 - x) <= ALIGN for x in starts)
               for c in line.chunks)


def _wraps(a: _Line, b: _Line, size: float, rules: list) -> bool:
    """Lines set as one cell's wrapped lines are (no rule between them)."""
    return b.top - a.top <= WRAP_GAP * size and not _between_rules(rules, a.top, b.top)


def _between_rules(rules: list, top: float, bottom: float) -> int:
    """How many rules lie between two heights; a rule drawn as two strokes a hair apart (a border
    printed by each of the two cells it parts) counts once."""
    ys = sorted(r[0] for r in rules if top < r[0] < bottom)
    return sum(1 for k, y in enumerate(ys) if k == 0 or y - ys[k - 1] > ALIGN)


def _header_like(line: _Line, label_x: float | None = None) -> bool:
    """A line of a table's header: words only (a year heading a column is one), no sentence, no
    caption or unit line, no numbered heading of the text standing alone, and no line opening on a
    numbered item: a row's label is numbered there (一、一般公共 | 一、一般公 over 预算财政拨款 859.35 |
    共服务支出 716.40: the first lines of two labels wrapped beside the figures set in the cells' middle);
    a head further along may be (项目 | 合计 | 1.因公出国（境）费 | 2.公务用车购置及运行费), and so may a row
    of numbered heads standing right of the body's labels (`label_x`: where they start; （1）购置费 |
    （2）运行费 under 公务用车购置及运行费)."""
    if not line.chunks or any(c.figure for c in line.chunks):
        return False
    if any(TABLE_LINE_RE.search(c.text) or any(m in c.text for m in SENTENCE_MARKS) for c in line.chunks):
        return False
    first = line.chunks[0]
    return not NUMBERED_RE.match(clean_text(first.text)) \
        or (label_x is not None and first.x0 > label_x + ALIGN)  # (⼀、 a Kangxi radical: 一、)


# a heading's numbering token of the text's top levels (一、, 第一部分): a line of it alone above a table
# is the text's heading over it, not a head of the table's (the table's own numbered heads, （1）购置费
# | （2）运行费, stand several to a line)
HEADING_TOKENS = r"第[一二三四五六七八九十]+[部章节]|[一二三四五六七八九十]+[、.．]"
HEADING_TOKEN_RE = re.compile(rf"^\s*(?:{HEADING_TOKENS})")
NUMBERED_RE = re.compile(rf"^\s*(?:{HEADING_TOKENS}|[（(][一二三四五六七八九十\d]+[）)]|\d{{1,2}}[、.．](?!\d))")


def _header(lines: list[_Line], start: int, size: float, rules: list) -> list[int]:
    """The indexes of the header's lines above the body: lines of words, each close to the next,
    across at most HEADER_RULES rules (a rule further up is not the table's)."""
    header: list[int] = []
    k, below = start - 1, lines[start].top
    # (only a rule from the table's left edge is one of its rules: a short one under a group's head,
    # 本年支出 over 小计 | 基本支出 | 项目支出, parts the header's rows)
    left = min((c.x0 for c in lines[start].chunks), default=0)
    rules = [r for r in _unbroken_rules(rules) if r[1] <= left + 2 * size]
    while k >= 0 and len(header) < HEADER_LINES:
        line = lines[k]
        # (a header's line may stand further above the one below it: a tall header row, its words
        # set in the middle, with a cell's padding on both sides, or a group's head over rows spanned
        # beside it; a line of words over two columns or more)
        gap = HEADER_GAP if len(line.chunks) >= 2 else LINE_GAP
        if below - line.top > gap * size or line.size > size + 0.5 or not _header_like(line, left) \
                or _between_rules(rules, line.top, lines[start].top) >= HEADER_RULES:
            break
        if len(line.chunks) == 1 and HEADING_TOKEN_RE.match(clean_text(line.chunks[0].text)):
            break  # (一、收入支出决算总体情况 alone on its line above the table: the text's heading, no head)
        header.insert(0, k)
        below = line.top
        k -= 1
    return header


def _unbroken_rules(rules: list) -> list:
    """The rules drawn across in one stroke (or strokes meeting): a height holding strokes with gaps
    between them is the rules under group heads (预算数 | 决算数 over their columns), no rule of the
    table's own."""
    levels: dict[float, list] = {}
    for rule in rules:
        key = next((y for y in levels if abs(y - rule[0]) <= ALIGN), rule[0])
        levels.setdefault(key, []).append(rule)
    kept = []
    for strokes in levels.values():
        strokes.sort(key=lambda r: r[1])
        if all(b[1] - a[2] <= ALIGN for a, b in zip(strokes, strokes[1:])):
            kept += strokes
    return sorted(kept)


def _a_table(rows: list[_Line], header: list[int]) -> bool:
    """Enough rows with figures standing in columns: MIN_ROWS rows with two columns of figures set
    one under the other, or a row or two of WIDE_ROW figures under a header."""
    if len(rows) >= MIN_ROWS:
        return _aligned_columns(rows) >= 2
    return bool(header) and max(line.figures for line in rows) >= WIDE_ROW \
        and (len(rows) == 1 or _aligned_columns(rows) >= 2)


def _aligned_columns(rows: list[_Line]) -> int:
    """How many x-positions (a figure's right edge, left edge or middle) have a figure on
    min(MIN_ROWS, rows) rows or more (the most found by any of the three)."""
    need = min(MIN_ROWS, len(rows))
    best = 0
    for edge in (lambda c: c.x1, lambda c: c.x0, lambda c: (c.x0 + c.x1) / 2):
        xs = sorted((edge(c), k) for k, line in enumerate(rows) for c in line.chunks if c.figure)
        columns, group = 0, []
        for x, k in xs + [(float("inf"), -1)]:
            if group and x - group[0][0] > ALIGN:
                columns += len({kk for _, kk in group}) >= need
                group = []
            group.append((x, k))
        best = max(best, columns)
    return best


def _bands(body: list[_Line]) -> list[tuple[float, float]]:
    """The columns' x-ranges: where the body's chunks lie, split where a few chunks only (a label
    run over into the next column, a merged cell) bridge two columns, each holding cells of its
    own on the same lines."""
    bridge = int(BRIDGE_SHARE * len(body))
    spans = [(c.x0, c.x1) for line in body for c in line.chunks]
    xs = sorted({x for span in spans for x in span})
    if len(xs) < 2:
        return [(xs[0], xs[0])] if xs else []
    cover = [0] * (len(xs) - 1)
    index = {x: k for k, x in enumerate(xs)}
    for x0, x1 in spans:
        for k in range(index[x0], index[x1]):
            cover[k] += 1
    bands: list[tuple[float, float]] = []
    k = 0
    while k < len(cover):
        if cover[k] == 0:
            k += 1
            continue
        j = k
        while j < len(cover) and cover[j] > 0:
            j += 1
        bands += _split_weak(xs, cover, k, j, bridge, body)
        k = j
    return bands


def _split_weak(xs: list, cover: list, k: int, j: int, bridge: int, body: list[_Line]) -> list[tuple[float, float]]:
    """The stretch of segments k..j-1 split at a run covered by `bridge` chunks or fewer between
    two stronger ones, where cells end left of it and cells start right of it, each on two lines
    or more (two columns; not a column's long labels, nor right-aligned figures of unlike
    widths, whose stretch beyond the run holds no cell's start)."""
    strong = [s for s in range(k, j) if cover[s] > bridge]
    cuts = [(xs[before + 1], xs[after]) for before, after in zip(strong, strong[1:]) if after > before + 1]
    parts, left = [], xs[k]
    for n, (a, b) in enumerate(cuts):
        right_end = cuts[n + 1][0] if n + 1 < len(cuts) else xs[j]
        ending = sum(1 for line in body if any(left <= c.x0 and c.x1 <= a + ALIGN for c in line.chunks))
        starting = sum(1 for line in body if any(b - ALIGN <= c.x0 < right_end for c in line.chunks))
        if ending >= 2 and starting >= 2:
            parts.append((left, a))
            left = b
    parts.append((left, xs[j]))
    return parts


def _with_loose_bands(bands: list[tuple], lines: list[_Line]) -> list[tuple]:
    """The columns the rows with figures leave out, known by the words of the lines without
    figures standing in a gap between them (一级指标 set in the middle of a cell over several
    rows, a remark wrapped beside a row); a chunk over two columns or more (a goal's text in a
    merged cell) spans them and makes none."""
    bands = [list(b) for b in bands]
    for line in lines:  # (a label wider than the column's other cells widens it: 年度总体目 over 总分)
        for c in line.chunks:
            over = [b for b in bands if c.x0 < b[1] and c.x1 > b[0]]
            if len(over) == 1:
                over[0][0], over[0][1] = min(over[0][0], c.x0), max(over[0][1], c.x1)
    bands = [tuple(b) for b in bands]
    extra: list[list[float]] = []
    for line in lines:
        for c in line.chunks:
            if any(c.x0 < b[1] + ALIGN and c.x1 > b[0] - ALIGN for b in bands):
                continue
            near = next((e for e in extra if c.x0 < e[1] + ALIGN and c.x1 > e[0] - ALIGN), None)
            if near is None:
                extra.append([c.x0, c.x1])
            else:
                near[0], near[1] = min(near[0], c.x0), max(near[1], c.x1)
    return sorted(bands + [tuple(e) for e in extra])


def _with_header_bands(bands: list[tuple], header: list[_Line]) -> list[tuple]:
    """Columns the body leaves blank throughout (上级补助收入 | 事业收入 with no figure under
    them) are known by their header's words standing in a gap between the body's columns: words
    of the header's lowest level, with no other header words under them (本年支出 over 小计 |
    基本支出 | 项目支出 spans columns; the lines its own words wrap onto do not count)."""
    extra: list[list[float]] = []
    for k, line in enumerate(header):
        for c in line.chunks:
            if any(c.x0 < b[1] + ALIGN and c.x1 > b[0] - ALIGN for b in bands) or _heads_next(c, line, header[k:], bands) \
                    or _heads_previous(c, header[k:], bands) is not None:
                continue
            if any(d.x0 < c.x1 and d.x1 > c.x0 and not (_lined_up(c, d) and below.top - line.top <= HEADER_WRAP * line.size)
                   for below in header[k + 1:] for d in below.chunks):
                continue
            near = next((e for e in extra if c.x0 < e[1] and c.x1 > e[0]), None)
            if near is None:
                extra.append([c.x0, c.x1])
            else:
                near[0], near[1] = min(near[0], c.x0), max(near[1], c.x1)
    return sorted(bands + [tuple(e) for e in extra])


def _heads_next(chunk: _Chunk, line: _Line, header: list[_Line], bands: list[tuple]) -> bool:
    """The chunk is the header of the body's next column to its right, set centred over figures
    set to the right and narrower (合计 over 963.79): the last chunk of its line before that
    column, which no chunk of its line or of the header's lines below overlaps (a header one
    level up spans columns)."""
    right = next((b for b in bands if b[0] >= chunk.x1), None)
    if right is None:
        return False
    between = [c for c in line.chunks if c.x0 >= chunk.x1 and c.x1 <= right[0] + ALIGN]
    overlapping = [c for above in header for c in above.chunks if c.x0 < right[1] + ALIGN and c.x1 > right[0] - ALIGN]
    return not between and not overlapping


def _heads_previous(chunk: _Chunk, header: list[_Line], bands: list[tuple]) -> int | None:
    """The column to the left of the gap a header's word stands in, when that column's header it
    is (项目 centred over a column of labels set to the left and shorter): no word of its line or
    of the lines below stands over that column, while one stands over the column to its right."""
    k = next((k for k, b in enumerate(bands) if b[0] >= chunk.x1), None)
    if not k or bands[k - 1][1] > chunk.x0:
        return None

    def headed(band):
        return any(c.x0 < band[1] + ALIGN and c.x1 > band[0] - ALIGN for line in header for c in line.chunks)

    return k - 1 if not headed(bands[k - 1]) and headed(bands[k]) else None


def _lined_up(a: _Chunk, b: _Chunk) -> bool:
    """Two chunks set one under the other as a cell's wrapped lines are: left, right or middle."""
    return abs(a.x0 - b.x0) <= ALIGN or abs(a.x1 - b.x1) <= ALIGN or abs((a.x0 + a.x1) - (b.x0 + b.x1)) <= 2 * ALIGN


def _band_of(chunk: _Chunk, bands: list[tuple]) -> int:
    """The column a chunk's cell is in: the one its start lies in, else the next one to its right
    (a header centred over its column, a label of a merged cell); its text goes in the first
    column of a cell spanning several, as a ruled table's does."""
    for k, (_, x1) in enumerate(bands):
        if chunk.x0 <= x1 + ALIGN:
            if chunk.x0 >= x1 - ALIGN and k + 1 < len(bands) and _overlap(chunk, bands[k + 1]) > _overlap(chunk, bands[k]):
                return k + 1  # (a head starting at the column's right edge over the next: 决算数 | 完成年初预算比 / 例（%）)
            return k
    return len(bands) - 1


def _overlap(chunk: _Chunk, band: tuple) -> float:
    return max(0.0, min(chunk.x1, band[1]) - max(chunk.x0, band[0]))


def _body_rows(body: list[_Line], bands: list[tuple], size: float) -> list[list[str]]:
    """Rows: each line with figures, and the lines without figures set within a wrapped line's
    distance of it (before or after it: a label wrapped over lines beside the figures set in the
    middle of the cell) go into one row; lines without figures far from any is a row of its own."""
    clusters: list[list[_Line]] = []
    for line in body:
        if clusters and line.top - clusters[-1][-1].top <= WRAP_GAP * size:
            clusters[-1].append(line)
        else:
            clusters.append([line])
    rows = []
    for cluster in clusters:
        anchors = [k for k, line in enumerate(cluster) if line.figures]
        if len(anchors) <= 1:
            rows.append(_cells(cluster, bands))
            continue
        groups: dict[int, list[_Line]] = {a: [] for a in anchors}
        for k, line in enumerate(cluster):
            groups[_nearest(cluster, anchors, k, bands)].append(line)
        rows += [_cells(groups[a], bands) for a in anchors]
    return rows


def _nearest(cluster: list[_Line], anchors: list[int], k: int, bands: list[tuple]) -> int:
    """The row a line without figures belongs to: the nearest line with figures; of two as near,
    the one whose cell in that column is blank (a label set in the middle of its cell), else the
    one above (a label's wrapped rest)."""
    if k in anchors:
        return k
    above = max((a for a in anchors if a < k), default=None)
    below = min((a for a in anchors if a > k), default=None)
    if above is None or below is None:
        return above if below is None else below
    up, down = cluster[k].top - cluster[above].top, cluster[below].top - cluster[k].top
    if abs(up - down) > ALIGN / 2:
        return above if up < down else below
    columns = {_band_of(c, bands) for c in cluster[k].chunks}
    filled_above = any(_band_of(c, bands) in columns for c in cluster[above].chunks)
    filled_below = any(_band_of(c, bands) in columns for c in cluster[below].chunks)
    return below if filled_above and not filled_below else above


def _cells(lines: list[_Line], bands: list[tuple]) -> list[str]:
    cells: list[list[str]] = [[] for _ in bands]
    for line in lines:
        texts: dict[int, list[str]] = {}
        for c in line.chunks:
            texts.setdefault(_band_of(c, bands), []).append(c.text)
        for k, words in texts.items():
            cells[k].append(" ".join(words))
    return ["\n".join(parts) for parts in cells]


def _header_rows(header: list[_Line], bands: list[tuple], size: float) -> list[list[str]]:
    """The header's rows: a chunk set under one above it, a wrapped line's distance below and lined
    up with it (left, right or middle), goes on with its text (not under a word spanning columns:
    the word centred under it heads the middle one); others start a row, or join the row begun a
    wrapped line's distance above where their column is blank."""
    rows: list[dict] = []  # {"top": first line's top, "cells": {band: [(top, chunk)]}}
    spans = _spanned(header, bands)
    for k, line in enumerate(header):
        for c in line.chunks:
            target, band = next(((r, b) for r in reversed(rows) for b, parts in r["cells"].items()
                                 if id(parts[-1][1]) not in spans and _continues(parts[-1], line.top, c, size)), (None, None))
            if target is None:
                band = _header_band(c, line, header[k:], bands, spans)
                target = next((r for r in reversed(rows) if band not in r["cells"]
                               and line.top - r["top"] <= WRAP_GAP * size), None)
            if target is None:
                target = {"top": line.top, "cells": {}}
                rows.append(target)
            target["cells"].setdefault(band, []).append((line.top, c))
    out = []
    for row in rows:
        cells = [""] * len(bands)
        for band, parts in row["cells"].items():
            lines: list[list[str]] = []
            last = None
            for top, c in parts:
                if last is not None and top == last:
                    lines[-1].append(c.text)
                else:
                    lines.append([c.text])
                last = top
            cells[band] = "\n".join(" ".join(words) for words in lines)
        out.append(cells)
    return out


def _header_band(c: _Chunk, line: _Line, lower: list[_Line], bands: list[tuple], spans: dict) -> int:
    """The column a header's word goes in: the first of those it spans, else the one it stands in
    or the next one, else (standing in a gap) the one to its left that it heads."""
    if c.band is not None:
        return c.band
    if id(c) in spans:
        return spans[id(c)]
    if not any(b[0] - ALIGN <= c.x0 <= b[1] + ALIGN for b in bands) and not _heads_next(c, line, lower, bands):
        left = _heads_previous(c, lower, bands)
        if left is not None:
            return left
    return _band_of(c, bands)


def _spanned(header: list[_Line], bands: list[tuple]) -> dict[int, int]:
    """The column a header's word spanning several goes in (预算数 over 合计 | 因公出国（境）费 | …):
    the column of the first word under it. A word spans columns when words of lower header lines
    stand under it (not its own wrapped rest); the words under it are the widest run of lower
    words, nearer to it than to its line's other words (their middles to its extent), that it is
    set in the middle of."""
    spans: dict[int, int] = {}
    for k, line in enumerate(header):
        below = [(d, lower.top) for lower in header[k + 1:] for d in lower.chunks]
        for c in line.chunks:
            # (its wrapped rest, over two lines at most, is no word under it)
            own = [d for d, top in below if not (_lined_up(c, d) and top - line.top <= 2 * HEADER_WRAP * line.size)]
            under = [d for d in own if d.x0 < c.x1 and d.x1 > c.x0]
            if not under:
                continue  # (no word under it but its own wrapped rest: one column's word)
            near = sorted((d for d in own if min(line.chunks, key=lambda e: _reach(e, _middle(d))) is c),
                          key=lambda d: d.x0)
            run = _centred_run(c, near, under, line.size)
            if run:
                spans[id(c)] = _band_of(run[0], bands)
    return spans


def _centred_run(c: _Chunk, words: list[_Chunk], under: list[_Chunk], size: float) -> list[_Chunk]:
    """The widest run of `words` (in x order) holding all of `under` whose middle is the chunk's,
    within two characters or CENTRED_SHARE of the run's width; [] when none is."""
    first = min(words.index(d) for d in under if d in words) if any(d in words for d in under) else None
    last = max(words.index(d) for d in under if d in words) if first is not None else None
    best: list[_Chunk] = []
    if first is None:
        return best
    for i in range(first + 1):
        for j in range(last, len(words)):
            x0, x1 = min(d.x0 for d in words[i:j + 1]), max(d.x1 for d in words[i:j + 1])
            if abs((x0 + x1) / 2 - _middle(c)) <= max(2 * size, CENTRED_SHARE * (x1 - x0)) and j - i + 1 > len(best):
                best = words[i:j + 1]
    return best


CENTRED_SHARE = 0.05  # of the run's width: how far off its middle a word set over it may be


def _reach(chunk: _Chunk, x: float) -> float:
    """How far x lies from the chunk (0 within it)."""
    return max(chunk.x0 - x, x - chunk.x1, 0.0)


def _middle(chunk: _Chunk) -> float:
    return (chunk.x0 + chunk.x1) / 2


def _continues(previous: tuple, top: float, chunk: _Chunk, size: float) -> bool:
    above_top, above = previous
    return 0 < top - above_top <= HEADER_WRAP * size and _lined_up(chunk, above)
