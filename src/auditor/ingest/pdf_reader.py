"""PDF: ruled tables and the text around them, page by page (the reader's entry points).

`read_pdf` reads the text layer and the ruling lines with pypdfium2 (`pdf_text`), turned into the
characters and edges pdfminer would have produced; tables are found by pdfplumber's table finder
with its default settings, reproduced with sorted indexes (`pdf_tables`) and run only on pages
that have ruling lines; each page becomes blocks in `pdf_layout`. A page pdfium cannot describe
as pdfminer would is read by pdfplumber (imported only for such a file, `_PlumberPages`).
`read_pdf_plumber` is the former reader, pdfplumber for everything, kept as the reference the
tests compare the document model with. Limits on pages and on what one page may hold are in
`pdf_limits`.
"""
from __future__ import annotations

import logging

from . import pdf_limits as limits
from .pdf_fonts import _MinerFonts
from .pdf_garbled import GarbledPages
from .pdf_layout import _read_page
from .pdf_pdfium import _Fallback
from .pdf_tables import _PageShim
from .pdf_text import _pdfium_page
from .raw import RawBlock, RawBlocks, ReadError, over_limit


# pdfminer warns on stderr for each font it cannot measure (Could not get FontBBox…: hundreds of
# lines a Chromium-printed PDF, whatever -q says); what it cannot read reaches us as an exception
logging.getLogger("pdfminer").setLevel(logging.ERROR)

ENCRYPTED = "PDF 已加密，需要密码才能打开；请提供未加密的文件（在 PDF 阅读器中输入密码后另存为不加密的副本）"


def _encrypted(exc: BaseException) -> bool:
    """pdfminer's password and encryption errors, wrapped by pdfplumber or not."""
    from pdfminer.pdfdocument import PDFEncryptionError

    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, PDFEncryptionError) or any(isinstance(a, PDFEncryptionError) for a in exc.args):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _close_plumber(pdf) -> None:
    """pdfplumber's close() builds every page first (and so raises on a page it cannot
    build); closing must never replace the error that is being reported."""
    try:
        pdf.close()
    except Exception:
        try:
            pdf.stream.close()
        except Exception:
            pass


def _close_stream(pdf) -> None:
    """The file pdfplumber holds, closed without building its pages (a refused file)."""
    try:
        pdf.stream.close()
    except Exception:  # noqa: BLE001 - closing must never replace the error being reported
        pass


def _declared_pages(doc) -> int:
    """The page count the page tree declares (/Count), 0 when it cannot be read."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(doc.catalog["Pages"])["Count"])
        return count if isinstance(count, int) else 0
    except Exception:
        return 0


def read_pdf_plumber(path: str) -> list[RawBlock]:
    """pdfplumber for every page (the reference the pdfium reader reproduces)."""
    import pdfplumber

    pdf = None
    try:
        pdf = pdfplumber.open(path)
        declared = _declared_pages(pdf.doc)
        if declared > limits.MAX_PAGES:  # before pdfplumber builds every page
            _close_stream(pdf)  # pdfplumber's close() would build them all first
            raise over_limit(f"PDF 共 {declared:,} 页，上限为 {limits.MAX_PAGES:,} 页")
        pages = pdf.pages
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many types for a broken file
        if pdf is not None:
            _close_plumber(pdf)
        if _encrypted(exc):
            raise ReadError(ENCRYPTED) from exc
        raise ReadError(f"无法打开 PDF 文件（文件损坏或不是 PDF）：{type(exc).__name__}") from exc
    try:
        if len(pages) > limits.MAX_PAGES:
            raise over_limit(f"PDF 共 {len(pages):,} 页，上限为 {limits.MAX_PAGES:,} 页")
        try:
            if not any(page.chars for page in pages):
                raise ReadError("PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）后再检查")
            blocks: list[RawBlock] = []
            heads: list[str] = []
            feet: list[str] = []
            unread = GarbledPages()
            for number, page in enumerate(pages, start=1):
                if not unread.skip(number, page.chars):
                    _read_page(page, number, blocks, heads, feet)
                page.close()
            notes = unread.notes()
        except ReadError:
            raise
        except Exception as exc:
            raise ReadError(f"PDF 内容无法解析：{type(exc).__name__}: {exc}") from exc
    finally:
        _close_plumber(pdf)
    return RawBlocks(blocks, notes)


def read_pdf(path: str, stats: dict | None = None) -> list[RawBlock]:
    """`stats`, when given, counts the pages read by each library."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
            raise ReadError(ENCRYPTED) from exc
        return read_pdf_plumber(path)  # let the pdfplumber reader word the error
    except Exception:
        return read_pdf_plumber(path)
    plumber = fonts = None
    try:
        total = len(document)
        if total > limits.MAX_PAGES:
            raise over_limit(f"PDF 共 {total:,} 页，上限为 {limits.MAX_PAGES:,} 页")
        try:
            fonts = _MinerFonts(path)
        except Exception:
            return read_pdf_plumber(path)
        blocks: list[RawBlock] = []
        heads: list[str] = []  # each page's first line (running headers)
        feet: list[str] = []  # each page's last line, digits masked (running footers)
        any_text = False
        unread = GarbledPages()  # pages whose text layer is 乱码
        for index in range(total):
            page = document[index]
            try:
                try:
                    shim = _pdfium_page(page, fonts.page(index), index + 1)
                except _Fallback:
                    shim = None
                if shim is not None and shim.blank:
                    if stats is not None:
                        stats["pdfium"] = stats.get("pdfium", 0) + 1
                elif shim is None or not shim.chars:
                    # pdfplumber decides what this page holds (and whether the file has text)
                    if plumber is None:
                        plumber = _PlumberPages(path)
                    plumber_page = plumber.page(index)
                    if stats is not None:
                        stats["pdfplumber"] = stats.get("pdfplumber", 0) + 1
                    try:
                        any_text = any_text or bool(plumber_page.chars)
                        if (shim is None or plumber_page.chars) and not unread.skip(index + 1, plumber_page.chars):
                            _read_page(_PageShim(plumber_page.bbox, plumber_page.chars, plumber_page.edges,
                                                 index + 1), index + 1, blocks, heads, feet)
                    finally:
                        plumber_page.close()
                else:
                    if stats is not None:
                        stats["pdfium"] = stats.get("pdfium", 0) + 1
                    any_text = True
                    if not unread.skip(index + 1, shim.chars):
                        _read_page(shim, index + 1, blocks, heads, feet)
            finally:
                page.close()
        if not any_text:
            raise ReadError("PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）后再检查")
        return RawBlocks(blocks, unread.notes())
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"PDF 内容无法解析：{type(exc).__name__}: {exc}") from exc
    finally:
        if plumber is not None:
            plumber.close()
        if fonts is not None:
            fonts.close()
        document.close()


class _PlumberPages:
    """The pages pdfium cannot describe, built by pdfplumber one at a time (`PDF.pages` builds
    every page of the file first, and closing the PDF builds them too). Each page starts at
    doctop 0, as the pdfium pages do; nothing read here uses doctop across pages. pdfplumber
    is imported only for a file that has such a page."""

    def __init__(self, path: str):
        import pdfplumber
        from pdfminer.pdfpage import PDFPage

        self.pdf = pdfplumber.open(path)
        self._source = PDFPage.create_pages(self.pdf.doc)
        self._next = 0

    def page(self, index: int):
        from pdfplumber.page import Page

        while True:  # pages are asked for in order
            page_obj = next(self._source, None)
            if page_obj is None:  # pdfminer finds fewer pages than pdfium
                raise ReadError(f"PDF 内容无法解析：第 {index + 1} 页不在页面目录中（页面目录损坏）")
            self._next += 1
            if self._next > index:
                return Page(self.pdf, page_obj, page_number=index + 1)

    def close(self) -> None:
        self.pdf.stream.close()
