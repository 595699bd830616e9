"""Font descents as pdfminer computes them, for the characters pdfium reads.

pdfminer places a character's box by the descent its font descriptor states. To give the same
boxes, `_MinerFonts` reads every font of the page resources (forms included) the way pdfminer
does, without interpreting a content stream, and `_descent` looks a pdfium font up there by its
base font name (subset tag dropped). A font not found there, one written vertically, or a name
shared by fonts of different metrics sends the page to pdfplumber.
"""
from __future__ import annotations

from .pdf_pdfium import _Fallback, _api


_PREFIX_LEN = 7  # "ABCDEF+" subset tag


def _font_key(name) -> bytes:
    if isinstance(name, str):
        if name[:2] in ("b'", 'b"'):  # pdfminer names a font it cannot decode by its repr()
            import ast

            try:
                name = ast.literal_eval(name)
            except (ValueError, SyntaxError):
                name = name.encode("utf-8", "replace")
        else:
            name = name.encode("utf-8", "replace")
    name = bytes(name or b"").rstrip(b"\x00")
    if len(name) > _PREFIX_LEN and name[6:7] == b"+" and name[:6].isalpha() and name[:6].isupper():
        name = name[_PREFIX_LEN:]
    return name


class _MinerFonts:
    """Descent of every font as pdfminer computes it (from the font descriptor, not the font
    program), keyed by base font name without the subset tag; read from the page resources
    without interpreting any content stream."""

    def __init__(self, path: str):
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        self._fh = open(path, "rb")
        self._doc = PDFDocument(PDFParser(self._fh))
        self._pages = PDFPage.create_pages(self._doc)
        self._manager = None  # pdfminer's font builder, for a font `_descriptor_metrics` cannot read
        self._resources: list = []
        self._known: dict[bytes, tuple[float, bool]] = {}
        self._read: set[int] = set()

    def close(self) -> None:
        self._fh.close()

    def page(self, index: int) -> "_PageFonts":
        return _PageFonts(self, index)

    def lookup(self, index: int, key: bytes):
        """A font name is looked up in the page's resources the first time it is met; the
        fonts of a document keep their metrics from page to page."""
        if key not in self._known and index not in self._read:
            self._read.add(index)
            while len(self._resources) <= index:
                self._resources.append(next(self._pages).resources)
            fonts: dict[bytes, tuple[float, bool]] = {}
            self._collect(self._resources[index], fonts, set(), 0)
            for name, entry in fonts.items():
                self._known.setdefault(name, entry)
        return self._known.get(key)

    def _collect(self, resources, fonts, seen, depth) -> None:
        from pdfminer.pdftypes import PDFObjRef, PDFStream, dict_value, resolve1
        from pdfminer.psparser import LIT

        resources = dict_value(resources)
        for spec in dict_value(resources.get("Font", {})).values():
            objid = spec.objid if isinstance(spec, PDFObjRef) else None
            quick = _descriptor_metrics(dict_value(spec))
            if quick is not None:
                names, entry = quick
            else:
                if self._manager is None:
                    from pdfminer.pdfinterp import PDFResourceManager

                    self._manager = PDFResourceManager(caching=True)
                font = self._manager.get_font(objid, dict_value(spec))
                names = {_font_key(getattr(font, "fontname", b"") or getattr(font, "basefont", b"")),
                         _font_key(getattr(font, "basefont", b""))}
                entry = (font.get_descent(), font.is_vertical())
            for k in names:
                if k in fonts and fonts[k] != entry:
                    fonts[k] = (float("nan"), True)  # two fonts, one name, different metrics
                else:
                    fonts[k] = entry
        if depth > 8:
            return
        for ref in dict_value(resources.get("XObject", {})).values():
            if isinstance(ref, PDFObjRef):
                if ref.objid in seen:
                    continue
                seen.add(ref.objid)
            xobj = resolve1(ref)
            if isinstance(xobj, PDFStream) and xobj.get("Subtype") is LIT("Form") \
                    and "Resources" in xobj:
                self._collect(xobj["Resources"], fonts, seen, depth + 1)


def _descriptor_metrics(spec: dict):
    """pdfminer's descent and writing mode for the common fonts, read from the font descriptor
    without building pdfminer's font (which parses ToUnicode maps and font programs): simple
    TrueType/Type1 fonts with a descriptor, Type0 fonts with a named CMap. None: ask pdfminer."""
    from pdfminer.pdftypes import dict_value, list_value, num_value, resolve1
    from pdfminer.psparser import PSLiteral

    def name(value):
        value = resolve1(value)
        return value.name if isinstance(value, PSLiteral) else None

    try:
        subtype = name(spec.get("Subtype"))
        names = {_font_key(name(spec.get("BaseFont")) or b"")}
        vertical = False
        if subtype == "Type0":
            encoding = name(spec.get("Encoding"))
            if not isinstance(encoding, str) or not (encoding.endswith("-H") or encoding.endswith("-V")):
                return None
            vertical = encoding.endswith("-V")
            spec = dict_value(list_value(spec["DescendantFonts"])[0])
            if name(spec.get("Subtype")) not in ("CIDFontType0", "CIDFontType2"):
                return None
            names.add(_font_key(name(spec.get("BaseFont")) or b""))
        elif subtype not in ("TrueType", "Type1", "MMType1"):
            return None
        if "FontDescriptor" not in spec:
            return None
        descriptor = dict_value(spec["FontDescriptor"])
        names.add(_font_key(name(descriptor.get("FontName")) or b""))
        descent = num_value(descriptor.get("Descent", 0))
        if descent > 0:
            descent = -descent
        return names - {b""}, (descent * 0.001, vertical)
    except Exception:
        return None


class _PageFonts:
    def __init__(self, fonts: _MinerFonts, index: int):
        self.fonts, self.index = fonts, index
        self.descents: dict = {}  # pdfium font handle -> pdfminer's (descent, vertical) or None

    def get(self, key: bytes):
        return self.fonts.lookup(self.index, key)


def _descent(font: int, fonts: _PageFonts) -> float:
    """pdfminer's descent of a pdfium font (by its base font name), looked up once a page."""
    entry = fonts.descents.get(font, fonts)
    if entry is fonts:
        import ctypes

        api = _api()
        size = api.font_name(font, None, 0)
        buf = ctypes.create_string_buffer(max(size, 1))
        api.font_name(font, buf, size)
        entry = fonts.descents[font] = fonts.get(_font_key(buf.raw))
    if entry is None or entry[1] or entry[0] != entry[0]:
        raise _Fallback("font")
    return entry[0]
