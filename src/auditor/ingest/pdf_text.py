"""The text layer and ruling lines of a page read with pypdfium2, as pdfminer would describe them.

pdfplumber (pdfminer) parses every content stream in Python, which is where almost all the
time of a PDF went. pypdfium2 reads the same text layer in C. The characters and rules it
gives are turned into exactly what pdfminer would have produced (same boxes, same edges),
so the line grouping (`pdf_layout`) and the table finder (`pdf_tables`) run unchanged on them.
A page pdfium cannot describe the way pdfminer does (rotated, cropped, vertical writing,
characters without a Unicode mapping, a font whose metrics are unknown, text objects made
only of spaces that pdfium leaves out) raises `_Fallback` and is read with pdfplumber.
"""
from __future__ import annotations

from . import pdf_limits as limits
from .pdf_fonts import _descent, _PageFonts
from .pdf_paths import _page_objects
from .pdf_pdfium import _Fallback, _address, _api
from .pdf_spaces import _check_doubtful, _restore_spaces
from .pdf_tables import _PageShim
from .raw import over_limit


def _pdfium_page(page, fonts: _PageFonts, number: int) -> _PageShim:
    """The page as pdfminer would describe it; the limits are checked first, so that a page
    handed to pdfplumber has been held to them too."""
    api = _api()
    left, bottom, right, top = page.get_mediabox()
    height = top - bottom
    textpage = page.get_textpage()
    try:
        raw = _address(textpage.raw)
        count = api.count_chars(raw)
        if count > limits.MAX_PAGE_CHARS:
            raise over_limit(f"第 {number} 页有 {count:,} 个字符，上限为 {limits.MAX_PAGE_CHARS:,} 个")
        edges, texts = _page_objects(_address(page.raw), height, number)
        if (left, bottom) != (0, 0) or page.get_cropbox() != (left, bottom, right, top) \
                or page.get_rotation() % 360:
            raise _Fallback("page box")
        chars, by_object, font_of = _pdfium_chars(raw, count, height, fonts)
    finally:
        textpage.close()
    shim = _PageShim((0, 0, right, height), chars, edges, number)
    shim.blank = not chars and not texts  # no text object at all: pdfminer has no char either
    if chars:
        shim.chars, doubtful = _restore_spaces(chars, by_object, font_of, texts, height, fonts)
        _check_doubtful(doubtful, shim.chars, shim.find_tables())
    return shim


def _pdfium_chars(textpage: int, count: int, height: float, fonts: _PageFonts) -> tuple[list[dict], dict, dict]:
    """Characters with pdfminer's boxes: x from pdfium, y from the baseline, the font size and
    the descent pdfminer reads from the font descriptor. Also: char positions by text object,
    and each text object's font handle."""
    import ctypes

    api = _api()
    R = api.R
    box, m = R.FS_RECTF(), R.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    is_generated, text_object, unicode_error = api.is_generated, api.text_object, api.unicode_error
    unicode, loose_box = api.unicode, api.loose_box
    objects: dict[int, tuple] = {}  # text object -> (top, bottom, size, its char positions)
    chars: list[dict] = []
    by_object: dict[int, list[int]] = {}
    font_of: dict[int, int] = {}
    for i in range(count):
        key = text_object(textpage, i)
        if not key:
            continue
        code = unicode(textpage, i)
        # the characters pdfium adds itself are spaces and line breaks (CPDF_TextPage), so only
        # those are asked whether they were added
        if (code == 32 or code == 13 or code == 10) and is_generated(textpage, i):
            continue
        if unicode_error(textpage, i):
            raise _Fallback("no unicode")
        known = objects.get(key)
        if known is None:
            # one text object is one string shown with one matrix: one baseline, one size
            api.char_matrix(textpage, i, m)
            if m.b or m.c or m.a <= 0 or m.d <= 0:
                raise _Fallback("not upright")
            fontsize = api.char_font_size(textpage, i) * m.d
            api.char_origin(textpage, i, x, y)
            font = font_of[key] = api.text_font(key) or 0
            top = height - (y.value + _descent(font, fonts) * fontsize) - fontsize
            known = objects[key] = (top, top + fontsize, fontsize, [])
            by_object[key] = known[3]
        if code > 0x10FFFF:
            raise _Fallback("not a character")
        loose_box(textpage, i, box)
        top, bottom, size, positions = known
        positions.append(len(chars))
        x0, x1 = box.left, box.right
        chars.append({"text": chr(code), "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                      "size": size, "upright": True, "width": x1 - x0, "height": size})
    return chars, by_object, font_of
