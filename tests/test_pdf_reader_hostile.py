"""Hostile PDFs (issue 9): each defect the fuzzer or the campaign found, reproduced with a file
generated here (minimal PDF bytes written by hand, or reportlab), never a corpus file."""
from __future__ import annotations

import pytest

from auditor.engine import audit_file
from auditor.ingest import load, pdf_limits, pdf_reader
from auditor.ingest.raw import ReadError


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (numbered from 1, object 1 the catalog) with a valid xref."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), entries) + data + b"\nendstream"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 700 Td (Total 100) Tj ET\n"


def one_page(tmp_path, content: bytes, page_entries: bytes = b"/MediaBox [0 0 595 842]",
             resources: bytes = b"", extra: list[bytes] = ()) -> str:
    """Objects: 1 catalog, 2 pages, 3 the page, 4 Helvetica, 5 the content, 6... `extra`."""
    path = tmp_path / "hostile.pdf"
    path.write_bytes(pdf_bytes([
        CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R %s /Resources << /Font << /F1 4 0 R >> %s >> /Contents 5 0 R >>"
        % (page_entries, resources),
        HELVETICA, stream(content), *extra]))
    return str(path)


def refused(path: str) -> str:
    with pytest.raises(ReadError) as caught:
        pdf_reader.read_pdf(path)
    return str(caught.value)


# --- the fuzzer's crash: pdf_reader.py:101, TypeError out of the `finally` -----------------------

def test_a_page_pdfplumber_cannot_build_is_a_read_error_not_a_crash(tmp_path):
    """A rotated page (so handed to pdfplumber) without a MediaBox: pdfium defaults to US
    Letter, pdfplumber cannot build the page, and closing pdfplumber (which builds every page
    again) raised a TypeError over the ReadError being reported."""
    path = one_page(tmp_path, TEXT, page_entries=b"/Rotate 90")
    assert "PDF 内容无法解析" in refused(path)
    with pytest.raises(ReadError):
        load(path)
    with pytest.raises(ReadError):
        pdf_reader.read_pdf_plumber(path)


# --- encryption ----------------------------------------------------------------------------------

def _encrypted(tmp_path, user_password: str) -> str:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "encrypted.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption(user_password, ownerPassword="owner"))
    c.drawString(72, 700, "Total 100")
    c.showPage()
    c.save()
    return str(path)


def test_an_encrypted_pdf_is_reported_as_encrypted_not_as_broken(tmp_path):
    path = _encrypted(tmp_path, "secret")
    message = refused(path)
    assert "已加密" in message and "密码" in message
    assert "损坏" not in message
    with pytest.raises(ReadError) as reference:
        pdf_reader.read_pdf_plumber(path)
    assert str(reference.value) == message
    result = audit_file(path, [])
    assert result.error == message


def test_a_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path):
    """Only an owner password (printing or copying restricted): every reader opens it."""
    blocks = pdf_reader.read_pdf(_encrypted(tmp_path, ""))
    assert any("Total 100" in b.text for b in blocks)


# --- limits ----------------------------------------------------------------------------------------

def test_too_many_pages_are_refused_before_any_page_is_read(tmp_path):
    pages = pdf_limits.MAX_PAGES + 1
    kids = b" ".join(b"%d 0 R" % (5 + k) for k in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf_bytes([CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages), HELVETICA,
                                stream(TEXT)] + [page] * pages))
    for reader in (pdf_reader.read_pdf, pdf_reader.read_pdf_plumber):
        with pytest.raises(ReadError) as caught:
            reader(str(path))
        assert str(caught.value) == f"超出限制：PDF 共 {pages:,} 页，上限为 {pdf_limits.MAX_PAGES:,} 页"


def test_too_many_characters_on_a_page_are_refused(tmp_path):
    line = b"(" + b"1" * 1000 + b") Tj 0 -1 Td\n"
    count = pdf_limits.MAX_PAGE_CHARS // 1000 + 1
    path = one_page(tmp_path, b"BT /F1 1 Tf 0 800 Td\n" + line * count + b"ET\n")
    message = refused(path)  # pdfium counts the line breaks it adds too
    assert message.startswith("超出限制：第 1 页有 101,")
    assert message.endswith(f"个字符，上限为 {pdf_limits.MAX_PAGE_CHARS:,} 个")


def test_the_limits_hold_on_a_page_handed_to_pdfplumber(tmp_path):
    """A rotated page is read by pdfplumber; it is held to the limits before that."""
    line = b"(" + b"1" * 1000 + b") Tj 0 -1 Td\n"
    count = pdf_limits.MAX_PAGE_CHARS // 1000 + 1
    path = one_page(tmp_path, b"BT /F1 1 Tf 0 800 Td\n" + line * count + b"ET\n",
                    page_entries=b"/MediaBox [0 0 595 842] /Rotate 90")
    assert refused(path).startswith("超出限制：第 1 页有")


def test_forms_placed_in_forms_are_counted_each_time(tmp_path, monkeypatch):
    """A form placed 40 times, each placing another form 40 times: 1,600 objects from a file of
    a few kilobytes (the same shape at 500 x 500 makes pdfium build 250,000 objects)."""
    monkeypatch.setattr(pdf_limits, "MAX_PAGE_OBJECTS", 1000)

    def place(name: bytes) -> bytes:
        return b"".join(b"q 1 0 0 1 %d 0 cm /%s Do Q\n" % (k, name) for k in range(40))

    form = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
    path = one_page(tmp_path, TEXT + place(b"A"), resources=b"/XObject << /A 6 0 R >>", extra=[
        stream(place(b"B"), form + b"/Resources << /XObject << /B 7 0 R >> >> "),
        stream(b"0 0 m 0.5 0 l S", form)])
    assert refused(path) == "超出限制：第 1 页的页面对象（含表单中的对象）超过上限 1,000 个"


def test_too_many_path_segments_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_limits, "MAX_PAGE_SEGMENTS", 1000)
    polyline = b"0 0 m\n" + b"".join(b"%d %d l\n" % (k % 500, k % 7) for k in range(1500)) + b"S\n"
    assert refused(one_page(tmp_path, TEXT + polyline)) == "超出限制：第 1 页的路径线段超过上限 1,000 段"


def test_too_many_ruling_lines_are_refused(tmp_path, monkeypatch):
    """A grid of 10 x 10 cell rectangles is 400 edges for the table finder."""
    monkeypatch.setattr(pdf_limits, "MAX_PAGE_EDGES", 100)
    grid = b"".join(b"%d %d 40 20 re S\n" % (50 + 40 * col, 500 + 20 * row)
                    for row in range(10) for col in range(10))
    assert refused(one_page(tmp_path, TEXT + grid)) == "超出限制：第 1 页的表格线超过上限 100 条"


def test_curves_do_not_count_as_ruling_lines(tmp_path, monkeypatch):
    """A chart or map of curves and short strokes gives the table finder nothing; it is read."""
    monkeypatch.setattr(pdf_limits, "MAX_PAGE_EDGES", 100)
    curves = b"".join(b"%d 300 m %d 350 %d 380 %d 330 c S\n" % (10 + k, 20 + k, 30 + k, 40 + k)
                      for k in range(300))
    blocks = pdf_reader.read_pdf(one_page(tmp_path, TEXT + curves))
    assert any("Total 100" in b.text for b in blocks)


# --- a text layer in 乱码: glyphs in a font without a Unicode mapping (Ghostscript, 打印为 PDF) ---

IDENTITY_FONT = (b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H "
                 b"/DescendantFonts [6 0 R] >>")
CID_FONT = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")


def garbled_lines(lines: int = 12) -> bytes:
    """Lines of glyph codes with no ToUnicode: pdfium gives them back as ĀċĖ…, pdfminer as (cid:N)."""
    content = b""
    for k in range(lines):
        codes = "".join("%04X" % (0x100 + (k * 37 + j * 11) % 900) for j in range(20))
        content += b"BT /F1 12 Tf 50 %d Td <%s> Tj ET\n" % (800 - 18 * k, codes.encode())
    return content


def test_a_pdf_whose_text_layer_is_garbled_is_refused_saying_so(tmp_path):
    path = tmp_path / "garbled.pdf"
    path.write_bytes(pdf_bytes([
        CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>", IDENTITY_FONT, stream(garbled_lines()), CID_FONT]))
    for read in (pdf_reader.read_pdf, pdf_reader.read_pdf_plumber):
        with pytest.raises(ReadError) as caught:
            read(str(path))
        assert "文字层无法识别（第 1 页）" in str(caught.value) and "乱码" in str(caught.value)
    result = audit_file(str(path), [])
    assert result.error.startswith("PDF 文字层无法识别")


def test_garbled_pages_are_left_out_and_the_result_names_them(tmp_path):
    """Pages 2 and 3 in 乱码, page 1 readable: page 1 is audited, the other two are named."""
    readable = b"BT /F2 12 Tf 72 700 Td (Total 100 and 200) Tj ET\n" * 3
    readable_page = b"BT /F2 12 Tf 72 700 Td (Budget 2024: total 300.00, parts 100.00 and 200.00) Tj ET\n"
    pages = [readable_page + readable, garbled_lines(), garbled_lines(9)]
    objects = [CATALOG, b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>"]
    for k in range(3):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                       b"<< /F1 6 0 R /F2 8 0 R >> >> /Contents %d 0 R >>" % (9 + k))
    objects += [IDENTITY_FONT, CID_FONT.replace(b"6 0 R", b""), HELVETICA]
    objects[5] = IDENTITY_FONT.replace(b"6 0 R", b"7 0 R")
    objects += [stream(content) for content in pages]
    path = tmp_path / "partly.pdf"
    path.write_bytes(pdf_bytes(objects))
    for read in (pdf_reader.read_pdf, pdf_reader.read_pdf_plumber):
        blocks = read(str(path))
        assert {b.page for b in blocks} == {1}
        assert blocks.notes == ["PDF 第 2–3 页文字层无法识别（字体缺少字符映射，提取出的文字是乱码），这些页未检查"]
    result = audit_file(str(path), [])
    assert result.error is None
    assert result.not_assessable == [{"rule": "读取", "reason": blocks.notes[0]}]
