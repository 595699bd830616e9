"""The spaces pdfium leaves out and pdfminer reports, put back where their count is certain.

pdfium drops a text object made only of spaces and every space after the first of a run. A run
is put back when the next character on the line says how many spaces it held (a whole number of
space widths). A space whose count stays unknown is harmless at the end of a line or cell (both
are stripped); anything printed after it in its line or its table cell sends the page to
pdfplumber (`_check_doubtful`).
"""
from __future__ import annotations

from .pdf_fonts import _descent, _PageFonts
from .pdf_pdfium import _Fallback, _api
from .pdf_tables import _FINITE, _X0


def _restore_spaces(chars: list[dict], by_object: dict, font_of: dict, texts: list[tuple], height: float,
                    fonts: _PageFonts) -> tuple[list[dict], list[dict]]:
    """pdfium leaves out spaces pdfminer reports: a text object holding only spaces (its glyph
    box is empty) and every space after the first of a run. A run is put back when the next
    character on the line says how many spaces it held (a whole number of space widths);
    a lone space object becomes one space char, so that a line made only of spaces is still a
    (blank) line. Returns the chars and the spaces whose count stays unknown: harmless where
    nothing follows them in their line or cell (lines and cells are stripped)."""
    import ctypes

    api = _api()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    m, size = api.R.FS_MATRIX(), ctypes.c_float()
    added: list[dict] = []
    doubtful: list[dict] = []
    dropped: list[tuple[dict, float]] = []
    bounds: dict[int, float] = {}
    extent: dict[int, list[float]] = {}  # object -> [right edge of its ink, right edge of its chars]
    owner: dict[int, int] = {k: key for key, kept in by_object.items() for k in kept}
    starts: dict[int, float] = {}  # object -> left edge, where its missing leading spaces were put back
    space_width: dict[tuple, float] = {}
    for key, outer in texts:
        font = font_of.get(key)
        if font is None:
            font = font_of[key] = api.text_font(key) or 0
        for k in by_object.get(key, ()):
            if chars[k]["text"] == " " and chars[k]["x1"] > chars[k]["x0"]:
                space_width.setdefault((font, round(chars[k]["size"], 3)), chars[k]["x1"] - chars[k]["x0"])
    for key, outer in texts:
        if outer[1] or outer[2] or outer[0] <= 0 or outer[3] <= 0:
            raise _Fallback("text in a rotated form")
        if not api.bounds(key, left, bottom, right, top):
            raise _Fallback("bounds")
        x_left = left.value * outer[0] + outer[4]
        x_right = right.value * outer[0] + outer[4]
        kept = by_object.get(key)
        if kept is None:
            if x_right - x_left > 0.01:
                raise _Fallback("dropped text object")  # a duplicate pdfium removed
            if font_of[key] and not api.font_embedded(font_of[key]):
                # an object whose font is not in the file has no glyph box whatever it shows:
                # some pdfium builds leave out a one-character string in such a CID font (计 on
                # the second line of a header cell), which looks the same as a run of spaces
                raise _Fallback("dropped text in a font not embedded")
            if not api.matrix(key, m) or m.b or m.c or m.a <= 0 or m.d <= 0 \
                    or not api.text_font_size(key, size):
                raise _Fallback("dropped object geometry")
            fontsize = size.value * m.d * outer[3]
            x0 = m.e * outer[0] + outer[4]
            y0 = m.f * outer[3] + outer[5]
            space = _char(" ", x0, x0, y0 + _descent(font_of[key], fonts) * fontsize, fontsize, height)
            width = space_width.get((font_of[key], round(fontsize, 3))) or _space_width(font_of[key], fontsize)
            dropped.append((space, width))
            continue
        first = chars[kept[0]]
        if not api.matrix(key, m):
            raise _Fallback("text object matrix")
        x_left = m.e * outer[0] + outer[4]  # where the object's first character starts
        if x_left < first["x0"] - 0.01 and first["text"] != " ":
            # spaces at the start of this object may be missing (pdfium joins them to a space
            # before); their count is the gap in widths of this font's space
            width = space_width.get((font_of[key], round(first["size"], 3))) \
                or _space_width(font_of[key], first["size"])
            count = (first["x0"] - x_left) / width if width > 0.1 else 0.0
            if count >= 0.98 and abs(count - round(count)) < 0.02:
                for n in range(round(count)):
                    added.append(dict(first, text=" ", x0=x_left + n * width,
                                      x1=x_left + (n + 1) * width))
                starts[key] = x_left
            else:
                doubtful.append(dict(first, text=" ", x0=x_left, x1=x_left))
        for k in kept:
            bounds[k] = x_right
        extent[key] = [x_right, max(chars[k]["x1"] for k in kept)]
    for k, here in enumerate(chars):
        if here["text"] != " ":
            continue
        after = chars[k + 1] if k + 1 < len(chars) else None
        if after is not None and after["top"] < here["bottom"] and after["bottom"] > here["top"] \
                and after["x0"] >= here["x0"]:
            end = starts.get(owner.get(k + 1), after["x0"])
        else:
            end = bounds.get(k, here["x1"])
        if end <= here["x1"] + 0.01:
            continue
        width = here["x1"] - here["x0"]
        count = (end - here["x0"]) / width if width > 0.1 else 0.0
        if count >= 1.98 and abs(count - round(count)) < 0.02:
            for n in range(1, round(count)):
                added.append(dict(here, x0=here["x0"] + n * width, x1=here["x1"] + n * width))
            if owner.get(k) in extent:
                extent[owner[k]][1] = max(extent[owner[k]][1], here["x0"] + (round(count) - 1) * width + width)
        else:
            doubtful.append(here)
    for ink_right, kept_right in extent.values():
        if ink_right > kept_right + 0.5:
            raise _Fallback("characters missing inside a text object")
    if dropped:
        band = _Band(chars)
        for space, width in dropped:
            after = band.next_right(space)
            count = (after["x0"] - space["x0"]) / width if after is not None and width > 0.1 else 0.0
            if count >= 0.98 and abs(count - round(count)) < 0.02:
                for n in range(round(count)):
                    added.append(dict(space, x0=space["x0"] + n * width, x1=space["x0"] + (n + 1) * width))
            else:
                added.append(space)
                doubtful.append(space)
    return chars + added, doubtful


def _char(text: str, x0: float, x1: float, baseline_descent: float, size: float, height: float) -> dict:
    top = height - baseline_descent - size
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + size, "doctop": top,
            "size": size, "upright": True, "width": x1 - x0, "height": size}


def _space_width(font: int, size: float) -> float:
    """The advance of the font's space at this size, from pdfium's widths (its glyph width
    call takes a Unicode value), for a size at which no space of the font is on the page to be
    measured; 0 when pdfium does not know it. A width only ever turns into spaces where the gap
    it has to fill is a whole number of widths."""
    import ctypes

    width = ctypes.c_float()
    if not _api().glyph_width(font, 0x20, 1.0, width):
        return 0.0
    return width.value * size


class _Band:
    """Characters sorted by top, to find what stands to the right of a point on its line."""

    def __init__(self, chars: list[dict]):
        self.chars = sorted((c for c in chars if c["text"] != " "), key=lambda c: c["top"])
        self.tops = [c["top"] for c in self.chars]
        self.tallest = max((c["bottom"] - c["top"] for c in self.chars), default=0.0)
        self._by_x: dict[tuple, tuple] = {}

    def span(self, space: dict) -> tuple[int, int]:
        """The chars whose top is within the tallest char's height above the space's bottom."""
        import bisect

        return (bisect.bisect_left(self.tops, space["top"] - self.tallest),
                bisect.bisect_left(self.tops, space["bottom"]))

    def by_x(self, space: dict) -> tuple[list[dict], list[float]]:
        """The chars of the space's span sorted by x0, and their x0s (shared by the spaces of
        one line); a char whose x0 is not a number is beside no space and is left out."""
        span = self.span(space)
        found = self._by_x.get(span)
        if found is None:
            chars = sorted((c for c in self.chars[span[0]:span[1]] if c["x0"] == c["x0"]), key=_X0)
            found = self._by_x[span] = (chars, [c["x0"] for c in chars])
        return found

    def next_right(self, space: dict):
        """The leftmost char right of the space (by x0) that overlaps its height."""
        import bisect

        chars, xs = self.by_x(space)
        x0, top = space["x0"], space["top"]
        for ch in chars[bisect.bisect_right(xs, x0):]:
            if ch["bottom"] > top and abs(ch["x0"] - x0) > 0.01:
                return ch
        return None


class _CellIndex:
    """The first cell (in table order) holding a point: cells listed by bands of height."""

    BAND = 20.0
    MAX_BANDS = 64  # a taller cell is tested for every point

    def __init__(self, cells: list[tuple]):
        self.cells = cells
        self.bands: dict[int, list[int]] = {}
        self.tall: list[int] = []
        for n, (_, top, _, bottom) in enumerate(cells):
            if -_FINITE < top <= bottom < _FINITE and bottom - top < self.BAND * self.MAX_BANDS:
                for band in range(int(top // self.BAND), int(bottom // self.BAND) + 1):
                    self.bands.setdefault(band, []).append(n)
            else:
                self.tall.append(n)

    def find(self, x: float, y: float):
        cells, first = self.cells, None
        if -_FINITE < y < _FINITE:
            for n in self.bands.get(int(y // self.BAND), ()):
                cell = cells[n]
                if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]:
                    first = n
                    break
        for n in self.tall:
            if first is not None and n > first:
                break
            cell = cells[n]
            if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]:
                first = n
                break
        return None if first is None else cells[first]


def _check_doubtful(spaces: list[dict], chars: list[dict], tables) -> None:
    """A space run of unknown length is harmless at the end of a line or cell, or alone on a
    line; anything printed after it in the same line (outside tables) or the same cell sends
    the page to pdfplumber."""
    if not spaces:
        return
    cell_of = _CellIndex([cell for table in tables for cell in table.cells]).find
    homes: dict[int, object] = {}  # id of a char -> its cell (a char is met once per space on its line)

    def home_of(ch: dict):
        key = id(ch)
        if key not in homes:
            homes[key] = cell_of((ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2)
        return homes[key]

    band = _Band(chars)
    for space in spaces:
        home = cell_of(space["x0"], (space["top"] + space["bottom"]) / 2)
        by_x = band.by_x(space)[0]
        x0, top = space["x0"], space["top"]
        after = False
        for ch in reversed(by_x):  # right of the space, from the far end
            if not ch["x0"] > x0:
                break
            if ch["bottom"] > top and abs(ch["x0"] - x0) > 0.01 and home_of(ch) is home:
                after = True
                break
        if not after:
            continue  # nothing after it in its line or cell
        for ch in by_x:  # left of it
            if ch["x0"] > x0:
                break
            if ch["bottom"] > top and abs(ch["x0"] - x0) > 0.01 and home_of(ch) is home:
                raise _Fallback("missing spaces inside a line")
