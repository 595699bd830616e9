"""A page set in two columns of text, read as the eye reads it: the left column down, then the
right, the lines crossing both (a title above, a running footer below) in their places.

Grouped by baseline alone (pdf_layout._char_lines), each line of such a page holds the left
column's line and the right one's side by side, and its text mixes two sentences. A page is read
as two columns when one vertical gutter in its middle third splits most of its lines, every such
line prose on both sides (a table laid out without rules splits its rows at gaps too, but into
short cells: it is left to pdf_loose_tables). Only a page without tables is read so.
"""
from __future__ import annotations

GUTTER_ZONE = (0.3, 0.7)  # the page's width the gutter lies within, as shares of it
MIN_GUTTER = 12.0  # points: the narrowest gap between two characters of a line that may be the gutter
BUCKET = 4.0  # points: gutter positions tried, at this spacing (a bound on the work per page)
MIN_COLUMN_LINES = 2  # lines the gutter must split, at least (beside twice as many it may cross)
MIN_SIDE_CHARS = 6  # characters each side of a split line holds, on average at least
MIN_PROSE_SHARE = 0.3  # of a side's characters, Han characters at least (prose with its figures, no column of figures)
FIELD_LABEL_CHARS = 8  # the characters a form's field label and its colon take at a line's start, at most
COLUMN_WRAP_SHARE = 0.8  # of a column's longest line: a line this long at least may be wrapped by width


def in_column_order(lines: list[list], page_x0: float, page_width: float) -> list[list]:
    """`lines`: [top, bottom, chars] by top (pdf_layout._char_lines). The lines in reading order,
    each split at the page's gutter where it has one; the lines as they were where none is found."""
    gutter = _gutter(lines, page_x0, page_width)
    if gutter is None:
        return lines
    split = [_split(line, gutter) for line in lines]
    spanned = [k for k, (left, right, crossing) in enumerate(split) if left and right and not crossing]
    start, end = _column_rows(split, spanned[0], spanned[-1])
    above, left_side, right_side, below = [], [], [], []
    for k, (line, (left, right, crossing)) in enumerate(zip(lines, split)):
        top, bottom = line[0], line[1]
        if k < start or k > end:
            # (a line above or below the columns: a title, a note across the page and the short last
            # line of its paragraph, a footer, in its place)
            (above if k < start else below).append(line)
        elif crossing:
            left_side.append(line)  # (a line across the gutter amid the columns: kept with the left one)
        else:
            if left:
                left_side.append([top, bottom, left])
            if right:
                right_side.append([top, bottom, right])
    return above + left_side + right_side + below


def _column_rows(split: list[tuple], first: int, last: int) -> tuple[int, int]:
    """The first and the last line of the columns: those the gutter splits, widened over the lines
    on one side of it next to them (a column longer than the other), up to a line across the gutter
    (a title above, a note below, whose wrapped last line is the note's)."""
    while first > 0 and not split[first - 1][2]:
        first -= 1
    while last + 1 < len(split) and not split[last + 1][2]:
        last += 1
    return first, last


def _gutter(lines: list[list], page_x0: float, page_width: float) -> float | None:
    """The x of the gutter most lines split at, within the page's middle (GUTTER_ZONE), where it
    splits MIN_COLUMN_LINES lines or more, twice as many as it crosses, into prose on both sides."""
    lo, hi = page_x0 + GUTTER_ZONE[0] * page_width, page_x0 + GUTTER_ZONE[1] * page_width
    gaps = [_gaps(line[2]) for line in lines]
    candidates = sorted({round(((a + b) / 2) / BUCKET) * BUCKET for found in gaps for a, b in found
                         if lo <= (a + b) / 2 <= hi})
    best, best_count = None, 0
    for x in candidates:
        split = sum(1 for found in gaps if any(a < x < b for a, b in found))
        if split > best_count:
            best, best_count = x, split
    if best is None or best_count < MIN_COLUMN_LINES:
        return None
    sides = [_split(line, best) for line in lines]
    crossing = sum(1 for _, _, across in sides if across)
    both = [(left, right) for left, right, across in sides if left and right and not across]
    if len(both) < MIN_COLUMN_LINES or crossing * 2 > len(both):
        return None
    return best if all(_prose(side, len(both)) for side in zip(*both)) else None


def _gaps(chars: list[dict]) -> list[tuple[float, float]]:
    """The gaps of MIN_GUTTER or wider between a line's characters, left to right."""
    ordered = sorted(chars, key=lambda ch: ch["x0"])
    return [(a["x1"], b["x0"]) for a, b in zip(ordered, ordered[1:]) if b["x0"] - a["x1"] >= MIN_GUTTER]


def _split(line: list, x: float) -> tuple[list, list, bool]:
    """(the line's characters left of x, those right of it, whether one of them spans x)."""
    left = [ch for ch in line[2] if ch["x1"] <= x]
    right = [ch for ch in line[2] if ch["x0"] >= x]
    return left, right, len(left) + len(right) < len(line[2])


def _prose(sides: tuple[list, ...], count: int) -> bool:
    """One side of the split lines: MIN_SIDE_CHARS characters a line on average, MIN_PROSE_SHARE of
    them Han, and not a form's fields (项目名称：…, 项目单位：…: a label and its colon opening most lines)."""
    chars = [ch for side in sides for ch in side if not ch["text"].isspace()]
    han = sum(1 for ch in chars if han_char(ch["text"]))
    fields = sum(1 for side in sides if any(ch["text"] in "：:" for ch in sorted(side, key=lambda c: c["x0"])[:FIELD_LABEL_CHARS]))
    return len(chars) >= MIN_SIDE_CHARS * count and han >= MIN_PROSE_SHARE * len(chars) and fields * 2 <= count


def han_char(char: str) -> bool:
    """A Han character as a PDF's font may map it: the unified ideographs, or the radicals some
    fonts set in their place (⼆ for 二, ⽀ for 支); not punctuation, Hangul, a private-use glyph of
    an unmapped font or the replacement character (a garbled page is no prose)."""
    return any(lo <= char <= hi for lo, hi in HAN_RANGES)


HAN_RANGES = (("\u2e80", "\u2fdf"), ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))


def column_wrap_min(texts: list[str]) -> int:
    """The fewest characters of a line of a page in columns that may be wrapped by width: a share
    of its longest line's (the column's width in characters)."""
    return max(1, int(COLUMN_WRAP_SHARE * max((len(t.strip()) for t in texts), default=0)))
