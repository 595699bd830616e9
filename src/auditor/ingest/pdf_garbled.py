"""Pages whose text layer cannot be read: glyphs drawn in a font without a Unicode mapping.

A PDF printed through some drivers or re-distilled (Ghostscript, "打印为 PDF") keeps the glyphs
but not what they stand for: copying its text gives 乱码. pdfium then returns the glyph codes as
characters (ĀċĖġ…, control characters, private-use code points), pdfminer writes (cid:256).
Read as they are, such pages hold no figure and no word the rules know, so the file would look
checked and consistent. A page whose characters are mostly of that kind is not read; the
document says which pages were left out, and a file with no readable page is refused.
"""
from __future__ import annotations

from .raw import ReadError

# What a Chinese report's text layer is made of: ASCII and Latin-1 (figures, ×, ·, °), general
# punctuation to CJK symbols (— ‰ ≥ ① ■ →), CJK ideographs and their extensions, compatibility
# forms and full-width forms; Greek and Cyrillic letters appear as symbols (α, №-like signs).
READABLE_RANGES = (
    (0x20, 0x7E), (0xA0, 0xFF), (0x370, 0x4FF), (0x2000, 0x2BFF), (0x2E80, 0x303F),
    (0x3040, 0x30FF), (0x3100, 0x31FF), (0x3200, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF), (0x20000, 0x3FFFF),
)
# A page is garbled when more than this share of its characters are outside those ranges. Real
# reports have none (0 in every corpus PDF); a font without a mapping makes most of a page so.
GARBLED_SHARE = 0.3
# Pages with fewer characters than this (a page number, a stamp) are not judged.
MIN_CHARS = 20
PDFMINER_CID = "(cid:"  # pdfminer's text for a glyph it cannot map


def readable(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in READABLE_RANGES)


def unreadable_count(texts) -> tuple[int, int]:
    """(unmappable glyphs, glyphs) of a page's characters (pdfium's or pdfminer's texts, one per
    glyph), spaces not counted."""
    total = bad = 0
    for text in texts:
        if not text or text.isspace():
            continue
        total += 1
        if text.startswith(PDFMINER_CID) or not all(readable(c) for c in text):
            bad += 1
    return bad, total


class GarbledPages:
    """The pages left out of a document for their text layer, and what the document says of it."""

    def __init__(self) -> None:
        self.pages: list[int] = []
        self.read = 0  # pages read that hold text enough to judge

    def skip(self, number: int, chars) -> bool:
        """Whether page `number` (1-based) is left out: its text cannot be read."""
        bad, total = unreadable_count(c["text"] for c in chars)
        if total < MIN_CHARS:
            return False
        if bad > GARBLED_SHARE * total:
            self.pages.append(number)
            return True
        self.read += 1
        return False

    def notes(self) -> list[str]:
        """What the document tells of the pages left out; a ReadError when no other page holds text."""
        if not self.pages:
            return []
        pages = _page_list(self.pages)
        if not self.read:
            raise ReadError(f"PDF 文字层无法识别（第 {pages} 页）：字体缺少字符映射，提取出的文字是乱码；"
                            "请使用原始文件导出的 PDF，或先进行文字识别（OCR）后再检查")
        return [f"PDF 第 {pages} 页文字层无法识别（字体缺少字符映射，提取出的文字是乱码），这些页未检查"]


def _page_list(pages: list[int]) -> str:
    """1、3–5、9: runs of consecutive pages as ranges."""
    runs: list[list[int]] = []
    for number in pages:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return "、".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs)
