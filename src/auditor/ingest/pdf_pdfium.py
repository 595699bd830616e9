"""pypdfium2's C functions as the PDF reader calls them, and `_Fallback`, the signal that pdfium
cannot describe a page the way pdfminer would (the page is then read with pdfplumber)."""
from __future__ import annotations


class _Fallback(Exception):
    """This page is read with pdfplumber."""


_API = None


def _api():
    """The pdfium functions this reader calls, bound once with plain addresses (c_void_p, so
    Python ints) for the handles: a text object's handle is then a dict key as it comes,
    without a ctypes.cast per character or per object, and no pointer object is built per call.
    Same library, same functions as pypdfium2.raw's bindings."""
    global _API
    if _API is None:
        import ctypes
        from types import SimpleNamespace

        import pypdfium2.raw as R

        V, I, D, F = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float
        P = ctypes.POINTER

        def bind(name, restype, *argtypes):
            address = ctypes.cast(getattr(R, name), V).value
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        _API = SimpleNamespace(
            count_chars=bind("FPDFText_CountChars", I, V),
            is_generated=bind("FPDFText_IsGenerated", I, V, I),
            text_object=bind("FPDFText_GetTextObject", V, V, I),
            unicode_error=bind("FPDFText_HasUnicodeMapError", I, V, I),
            unicode=bind("FPDFText_GetUnicode", ctypes.c_uint, V, I),
            loose_box=bind("FPDFText_GetLooseCharBox", I, V, I, P(R.FS_RECTF)),
            char_matrix=bind("FPDFText_GetMatrix", I, V, I, P(R.FS_MATRIX)),
            char_font_size=bind("FPDFText_GetFontSize", D, V, I),
            char_origin=bind("FPDFText_GetCharOrigin", I, V, I, P(D), P(D)),
            text_font=bind("FPDFTextObj_GetFont", V, V),
            text_font_size=bind("FPDFTextObj_GetFontSize", I, V, P(F)),
            font_name=bind("FPDFFont_GetBaseFontName", ctypes.c_size_t, V, P(ctypes.c_char), ctypes.c_size_t),
            bounds=bind("FPDFPageObj_GetBounds", I, V, P(F), P(F), P(F), P(F)),
            matrix=bind("FPDFPageObj_GetMatrix", I, V, P(R.FS_MATRIX)),
            object_type=bind("FPDFPageObj_GetType", I, V),
            count_objects=bind("FPDFPage_CountObjects", I, V),
            get_object=bind("FPDFPage_GetObject", V, V, I),
            form_count_objects=bind("FPDFFormObj_CountObjects", I, V),
            form_get_object=bind("FPDFFormObj_GetObject", V, V, ctypes.c_ulong),
            draw_mode=bind("FPDFPath_GetDrawMode", I, V, P(I), P(I)),
            count_segments=bind("FPDFPath_CountSegments", I, V),
            segment=bind("FPDFPath_GetPathSegment", V, V, I),
            segment_point=bind("FPDFPathSegment_GetPoint", I, V, P(F), P(F)),
            segment_type=bind("FPDFPathSegment_GetType", I, V),
            segment_close=bind("FPDFPathSegment_GetClose", I, V),
            glyph_width=bind("FPDFFont_GetGlyphWidth", I, V, ctypes.c_uint, F, P(F)),
            font_embedded=bind("FPDFFont_GetIsEmbedded", I, V),
            R=R,
        )
    return _API


def _address(handle) -> int:
    import ctypes

    return ctypes.cast(handle, ctypes.c_void_p).value or 0
