"""Issue 9 for Word and Excel: a broken or hostile .docx/.xlsx is read correctly or refused with
a ReadError that says why in Chinese, never an internal error; zip packages are held to the
limits of ingest/package.py before anything is parsed (members, declared size, compression
ratio, bytes actually decompressed, cells), and XML is parsed without entity expansion (a DTD
is refused). Every input is generated here."""
from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl, the reference, warns on odd files

import reference_readers
from auditor.engine import audit_file
from auditor.ingest import ReadError, docx_reader, load, package, xlsx_reader
from test_office_readers_model import docx_members, write, xlsx_members, zip_bytes

PARA = '<w:p><w:r><w:t>{}</w:t></w:r></w:p>'
REPORT = PARA.format("2024年度部门决算") + PARA.format("本年支出合计100.00万元。")
SHEET = ('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>收入支出决算表</t></is></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>项目</t></is></c><c r="B2" t="inlineStr"><is><t>金额</t></is>'
         '</c></row><row r="3"><c r="A3" t="inlineStr"><is><t>合计</t></is></c><c r="B3"><v>100</v></c></row>'
         '</sheetData>')


def refused(path: Path, *words: str) -> str:
    """The reader refuses with a ReadError containing every word; auditing the file lists it
    with that reason, not as an internal error."""
    with pytest.raises(ReadError) as caught:
        load(path)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    result = audit_file(str(path), [])
    assert result.error == message
    assert "内部错误" not in result.error
    return message


def read_ok(path: Path):
    document = load(path)
    result = audit_file(str(path), [])
    assert result.error is None, result.error
    return document


def table_texts(document) -> list[list[str]]:
    return [[cell.text for cell in row] for block in document.blocks if hasattr(block, "rows") for row in block.rows]


# --- Word: the defects the fuzzing campaign met ------------------------------------------

def test_docx_gridspan_that_is_not_a_number_is_refused_with_its_value(tmp_path):
    body = REPORT + ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="two"/></w:tcPr>' + PARA.format("项目")
                     + '</w:tc></w:tr></w:tbl>')
    refused(write(tmp_path / "span.docx", docx_members(body)), "gridSpan", "two")


def test_docx_huge_gridspan_is_refused_at_the_column_limit(tmp_path):
    body = REPORT + ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>' + PARA.format("项目")
                     + '</w:tc></w:tr></w:tbl>')
    started = time.monotonic()
    refused(write(tmp_path / "wide.docx", docx_members(body)), "超出限制", "16,384")
    assert time.monotonic() - started < 5


def test_docx_spans_adding_up_past_the_cell_limit_are_refused(tmp_path):
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="16000"/></w:tcPr>' + PARA.format("1") + '</w:tc>'
    rows = "".join(f"<w:tr>{cell}</w:tr>" for _ in range(70))
    refused(write(tmp_path / "cells.docx", docx_members(REPORT + f"<w:tbl>{rows}</w:tbl>")),
            "超出限制", "1,000,000")


def test_docx_gridspan_below_one_spans_nothing_extra(tmp_path):
    body = REPORT + ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="0"/></w:tcPr>' + PARA.format("项目")
                     + '</w:tc><w:tc>' + PARA.format("金额") + '</w:tc></w:tr></w:tbl>')
    assert table_texts(read_ok(write(tmp_path / "zero.docx", docx_members(body)))) == [["项目", "金额"]]


@pytest.mark.parametrize("style", [
    '<w:style w:type="paragraph" w:styleId="S"/>',                               # no w:name
    '<w:style w:type="paragraph" w:styleId="S"><w:name/></w:style>',             # w:name without w:val
    '<w:style w:styleId="S"><w:name w:val="heading 1"/></w:style>',              # no w:type: paragraph
    '<w:style w:type="bogus" w:styleId="S"><w:name w:val="heading 1"/></w:style>',  # unknown type
    '<w:style w:type="paragraph" w:default="maybe" w:styleId="S"><w:name w:val="x"/></w:style>',
])
def test_docx_odd_styles_are_read(tmp_path, style):
    body = '<w:p><w:pPr><w:pStyle w:val="S"/></w:pPr><w:r><w:t>一、基本情况</w:t></w:r></w:p>' + REPORT
    document = read_ok(write(tmp_path / "style.docx", docx_members(body, style)))
    assert "本年支出合计100.00万元。" in [getattr(b, "text", "") for b in document.blocks]


def test_docx_style_without_type_is_a_paragraph_style(tmp_path):
    style = '<w:style w:styleId="S"><w:name w:val="heading 1"/></w:style>'
    body = '<w:p><w:pPr><w:pStyle w:val="S"/></w:pPr><w:r><w:t>一、基本情况</w:t></w:r></w:p>'
    blocks = docx_reader.read_docx(str(write(tmp_path / "h.docx", docx_members(body, style))))
    assert (blocks[0].kind, blocks[0].level) == ("heading", 1)


@pytest.mark.parametrize("document_xml,words", [
    (f'<w:document xmlns:w="{docx_reader.W_NS}"><w:p/></w:document>', ["没有正文"]),
    (f'<w:settings xmlns:w="{docx_reader.W_NS}"><w:body/></w:settings>', ["不是 Word 正文", "settings"]),
    ("<w:document", ["不是格式正确的 XML", "word/document.xml"]),
    ("", ["不是格式正确的 XML"]),
])
def test_docx_broken_main_part_is_refused(tmp_path, document_xml, words):
    members = docx_members(REPORT)
    members["word/document.xml"] = document_xml
    refused(write(tmp_path / "main.docx", members), *words)


def test_docx_without_main_part_or_relationship_is_refused(tmp_path):
    members = docx_members(REPORT)
    del members["word/document.xml"]
    refused(write(tmp_path / "nomain.docx", members), "缺少主文档部件", "word/document.xml")
    members = docx_members(REPORT)
    del members["_rels/.rels"]
    refused(write(tmp_path / "norels.docx", members), "找不到主文档部件")


def test_docx_broken_parts_it_does_not_need_do_not_stop_it(tmp_path):
    """python-docx parses settings, numbering and properties too and refused the whole file
    when one of them was broken; only the body and the styles are needed."""
    members = docx_members(REPORT)
    members["docProps/core.xml"] = "<cp:coreProperties xmlns:cp='broken"
    members["word/numbering.xml"] = "\xff<"
    document = read_ok(write(tmp_path / "extra.docx", members))
    assert document.blocks


def test_office_files_under_the_wrong_extension_say_what_they_are(tmp_path):
    word = write(tmp_path / "word.docx", docx_members(REPORT))
    excel = write(tmp_path / "book.xlsx", xlsx_members([("表", SHEET)]))
    (tmp_path / "word-as.xlsx").write_bytes(word.read_bytes())
    (tmp_path / "book-as.docx").write_bytes(excel.read_bytes())
    refused(tmp_path / "word-as.xlsx", "Word 文档")
    refused(tmp_path / "book-as.docx", "Excel 工作簿")
    (tmp_path / "old.docx").write_bytes(package.OLE_MAGIC + b"\0" * 600)
    refused(tmp_path / "old.docx", "OLE", "旧版")
    (tmp_path / "text.xlsx").write_bytes("不是压缩包".encode("utf-8") * 20)
    refused(tmp_path / "text.xlsx", "不是有效的 zip 压缩包")


# --- XML without entities ----------------------------------------------------------------

LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{k} "{("&lol" + str(k - 1) + ";") * 10 if k > 1 else "&lol;" * 10}">'
                    for k in range(1, 10))
          + ']>')


def test_docx_billion_laughs_is_refused_quickly(tmp_path):
    members = docx_members(REPORT)
    members["word/document.xml"] = (LAUGHS + f'<w:document xmlns:w="{docx_reader.W_NS}"><w:body>'
                                    + PARA.format("&lol9;") + "</w:body></w:document>")
    started = time.monotonic()
    refused(write(tmp_path / "laughs.docx", members), "DTD", "word/document.xml")
    assert time.monotonic() - started < 5


def test_xlsx_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    members = xlsx_members([("表", SHEET)], shared="<si><t>&xxe;</t></si>")
    members["xl/sharedStrings.xml"] = (f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                                       + members["xl/sharedStrings.xml"])
    message = refused(write(tmp_path / "xxe.xlsx", members), "DTD", "sharedStrings.xml")
    assert "机密内容" not in message


def test_dtd_in_utf16_part_is_refused(tmp_path):
    members = docx_members(REPORT, styles="")
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE s [<!ENTITY a "b">]>'
           f'<w:styles xmlns:w="{docx_reader.W_NS}"/>')
    members["word/styles.xml"] = xml.encode("utf-16")
    refused(write(tmp_path / "utf16.docx", members), "DTD", "styles.xml")


def test_dtd_after_a_long_comment_is_refused(tmp_path):
    members = docx_members(REPORT, styles="")
    members["word/styles.xml"] = ("<!--" + "填充" * 4000 + '--><!DOCTYPE w:styles SYSTEM "file:///etc/passwd">'
                                  f'<w:styles xmlns:w="{docx_reader.W_NS}"/>')
    refused(write(tmp_path / "late.docx", members), "DTD", "styles.xml")


def test_parsers_expand_no_entity_even_without_the_dtd_check():
    """Behind the DTD refusal: the parser resolves no entity (and libxml2 stops amplification)."""
    from lxml import etree

    for remove_blank_text, remove_comments in [(False, False), (True, False), (False, True)]:
        parser = package.xml_parser(remove_blank_text, remove_comments)
        try:
            root = etree.fromstring((LAUGHS + "<a>&lol9;</a>").encode(), parser)
        except etree.XMLSyntaxError as exc:
            assert "amplification" in str(exc)
        else:
            assert len(etree.tostring(root)) < 1000


# --- zip limits --------------------------------------------------------------------------

def _docx_with_body_bytes(size: int) -> dict:
    members = docx_members(REPORT)
    filler = "<w:p/>" * (size // 6)
    members["word/document.xml"] = members["word/document.xml"].replace("<w:body>", "<w:body>" + filler)
    return members


def test_zip_bomb_is_refused_by_its_declared_size_before_decompressing(tmp_path):
    path = write(tmp_path / "bomb.docx", _docx_with_body_bytes(80 * package.MB))
    assert path.stat().st_size < 2 * package.MB
    started = time.monotonic()
    refused(path, "超出限制", "word/document.xml", "64.0 MB")
    assert time.monotonic() - started < 5


def test_compression_ratio_is_limited(tmp_path):
    path = write(tmp_path / "ratio.docx", _docx_with_body_bytes(20 * package.MB))
    refused(path, "超出限制", "压缩比", "200:1")


def test_small_parts_are_exempt_from_the_ratio(tmp_path):
    document = read_ok(write(tmp_path / "small.docx", _docx_with_body_bytes(900 * 1024)))
    assert document.blocks


def _lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """Patch the uncompressed size recorded for `member` (local header and central directory)."""
    out = bytearray(data)
    name = member.encode()
    at = out.find(b"PK\x03\x04")
    while at != -1:
        if out[at + 30:at + 30 + len(name)] == name:
            struct.pack_into("<I", out, at + 22, size)
        at = out.find(b"PK\x03\x04", at + 4)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        if out[at + 46:at + 46 + len(name)] == name:
            struct.pack_into("<I", out, at + 24, size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_member_lying_about_its_size_is_cut_at_the_declared_size(tmp_path):
    """A member declaring 2 KB that inflates to 30 MB: no more than the declared bytes are
    decompressed, and the file is refused as damaged."""
    data = zip_bytes(_docx_with_body_bytes(30 * package.MB))
    path = tmp_path / "liar.docx"
    path.write_bytes(_lie_about_size(data, "word/document.xml", 2048))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size == 2048
    refused(path, "word/document.xml", "已损坏")


def test_read_budget_holds_even_if_the_archive_gives_more(tmp_path, monkeypatch):
    """The bytes actually read are capped by the package's own budget, not only by what the
    member declares: with the total budget lowered below one part, reading it fails."""
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 4096)
    path = write(tmp_path / "total.docx", _docx_with_body_bytes(100_000))
    refused(path, "超出限制", "合计")


def test_member_count_is_checked_from_the_end_record(tmp_path):
    members = docx_members(REPORT)
    for k in range(package.MAX_MEMBERS + 1):
        members[f"customXml/item{k}.xml"] = ""
    path = write(tmp_path / "many.docx", members)
    refused(path, "超出限制", "成员", "10,000")


def test_zip_version_zipfile_cannot_read_is_refused(tmp_path):
    """Found by benchmarks/fuzz.py: a central directory entry asking for zip version 8.4 made
    zipfile raise NotImplementedError while opening the archive."""
    data = bytearray(zip_bytes(docx_members(REPORT)))
    at = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, at + 6, 84)  # version needed to extract
    path = tmp_path / "version.docx"
    path.write_bytes(bytes(data))
    refused(path, "zip 版本", "8.4")


def test_count_read_from_the_end_record_matches_zipfile(tmp_path):
    path = write(tmp_path / "few.xlsx", xlsx_members([("表", SHEET)]))
    with open(path, "rb") as fp:
        assert package._declared_members(fp) == len(zipfile.ZipFile(path).infolist())


# --- Excel: the defects the fuzzing campaign met -----------------------------------------

def test_xlsx_sheet_properties_of_the_wrong_type_do_not_matter(tmp_path):
    """openpyxl raised TypeError (expected int) on sheet format properties it did not need."""
    data = '<sheetFormatPr baseColWidth="wide" defaultRowHeight="x"/>' + SHEET
    document = read_ok(write(tmp_path / "props.xlsx", xlsx_members([("表", data)])))
    assert ["合计", "100"] in table_texts(document)


def test_xlsx_sheet_that_is_not_well_formed_is_refused_with_the_place(tmp_path):
    data = SHEET.replace("</row></sheetData>", "</rox></sheetData>")
    refused(write(tmp_path / "tag.xlsx", xlsx_members([("表", data)])), "不是格式正确的 XML",
            "xl/worksheets/sheet1.xml", "第 1 行")


@pytest.mark.parametrize("code,value,expected", [
    ("0." + "0" * 200, "1.5", "1." + "5" + "0" * 29),          # more places than Excel shows: 30
    ("0.00", "1E+300", "1" + "0" * 300 + ".00"),                 # beyond the default precision
    ("0.00%", "1E+300", "1" + "0" * 302 + ".00%"),
    ("0.%", "0.256", "26%"),
    ('0.00"%"', "95.64", "95.64%"),                             # a % in quotes is text: no × 100
    ("0.00\\%", "96.74", "96.74%"),                           # … and so is an escaped one
    ("0.0" + "0" * 60 + "%", "0.1", "10." + "0" * 30 + "%"),
    ('[Red]"元"#,##0.00;(0.00)', "-2.5", "-2.50"),
    ("", "3.25", "3.25"),
    ("@", "7", "7"),
])
def test_xlsx_odd_number_formats_are_read(tmp_path, code, value, expected):
    styles = (f'<numFmts count="1"><numFmt numFmtId="200" formatCode="{code.replace(chr(34), "&quot;")}"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="200"/></cellXfs>')
    data = SHEET.replace('<c r="B3"><v>100</v></c>', f'<c r="B3" s="1"><v>{value}</v></c>')
    path = write(tmp_path / "fmt.xlsx", xlsx_members([("表", data)], styles=styles))
    assert ["合计", expected] in table_texts(read_ok(path))
    full = [[c.text for c in r] for b in reference_readers.read_xlsx_full(str(path)) for r in b.rows]
    assert ["合计", expected] in full  # the reference reader formats the same way


def test_xlsx_number_of_5000_digits_is_read(tmp_path):
    digits = "9" * 5000
    data = SHEET.replace("<v>100</v>", f"<v>{digits}</v>")
    assert ["合计", digits] in table_texts(read_ok(write(tmp_path / "long.xlsx", xlsx_members([("表", data)]))))


@pytest.mark.parametrize("cell,words", [
    ('<c r="B3"><v>1e999</v></c>', ["B3", "1e999", "不是数字"]),
    ('<c r="B3"><v>NaN</v></c>', ["B3", "不是数字"]),
    ('<c r="B3"><v>一百</v></c>', ["B3", "一百", "不是数字"]),
    ('<c r="B3" t="s"><v>5</v></c>', ["B3", "共享字符串编号 5", "超出范围"]),
    ('<c r="B3" t="s"><v>-1</v></c>', ["B3", "共享字符串编号 -1"]),
    ('<c r="B3" s="9"><v>1</v></c>', ["B3", "样式编号 9"]),
    ('<c r="B3" s="x"><v>1</v></c>', ["B3", "样式编号"]),
    ('<c r="B3" t="b"><v>yes</v></c>', ["B3", "逻辑值"]),
    ('<c r="B3" t="d"><v>2024-13-45</v></c>', ["B3", "日期"]),
    ('<c r="$B$3"><v>1</v></c>', ["单元格坐标", "$B$3"]),
    ('<c r="XFE3"><v>1</v></c>', ["超出限制", "XFE3"]),
    ('<c r="B1048577"><v>1</v></c>', ["超出限制", "1,048,576"]),
])
def test_xlsx_broken_cells_are_refused_with_the_cell(tmp_path, cell, words):
    data = SHEET.replace('<c r="B3"><v>100</v></c>', cell)
    refused(write(tmp_path / "cell.xlsx", xlsx_members([("表", data)], shared="<si><t>甲</t></si>")), *words)


@pytest.mark.parametrize("row,words", [('r="abc"', ["行号", "abc"]), ('r="2.5"', ["行号"]),
                                        ('r="99999999"', ["超出限制", "行号"])])
def test_xlsx_broken_row_numbers_are_refused(tmp_path, row, words):
    data = SHEET.replace('<row r="3">', f"<row {row}>")
    refused(write(tmp_path / "row.xlsx", xlsx_members([("表", data)])), *words)


def test_xlsx_cell_far_to_the_right_cannot_blow_up_the_table(tmp_path):
    rows = "".join(f'<row r="{k}"><c r="A{k}"><v>{k}</v></c><c r="XFD{k}"><v>1</v></c></row>' for k in range(1, 80))
    started = time.monotonic()
    refused(write(tmp_path / "far.xlsx", xlsx_members([("表", f"<sheetData>{rows}</sheetData>")])),
            "超出限制", "单元格总数")
    assert time.monotonic() - started < 10


def test_xlsx_merged_range_over_the_whole_grid_is_read_quickly(tmp_path):
    data = SHEET + '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    started = time.monotonic()
    document = read_ok(write(tmp_path / "merge.xlsx", xlsx_members([("表", data)])))
    assert time.monotonic() - started < 10
    assert "收入支出决算表" in [getattr(b, "text", "") for b in document.blocks]
    assert not table_texts(document)  # everything else is covered by the merge


def test_xlsx_too_many_merged_ranges_are_refused(tmp_path):
    merges = "".join(f'<mergeCell ref="A{k}:B{k}"/>' for k in range(1, package.MAX_MERGED_RANGES + 2))
    data = SHEET + f'<mergeCells>{merges}</mergeCells>'
    refused(write(tmp_path / "merges.xlsx", xlsx_members([("表", data)])), "超出限制", "合并区域", "100,000")


def test_xlsx_sheet_without_relationship_or_part_is_refused(tmp_path):
    members = xlsx_members([("表", SHEET)], extra_sheets='<sheet name="丢失" sheetId="9" r:id="rId9"/>')
    refused(write(tmp_path / "norel.xlsx", members), "丢失", "rId9")
    members = xlsx_members([("表", SHEET)])
    del members["xl/worksheets/sheet1.xml"]
    refused(write(tmp_path / "nopart.xlsx", members), "表", "xl/worksheets/sheet1.xml")


def test_xlsx_numbers_read_as_openpyxl_reads_them_in_odd_spellings(tmp_path):
    cells = ('<row r="4"><c r="A4"><v> 12 </v></c><c r="B4"><v>+5</v></c><c r="C4"><v>1_000</v></c>'
             '<c r="D4"><v>1.5E2</v></c><c r="E4"><v>-0</v></c></row>')
    data = SHEET.replace("</sheetData>", cells + "</sheetData>")
    path = write(tmp_path / "spell.xlsx", xlsx_members([("表", data)]))
    assert xlsx_reader.read_xlsx(str(path)) == reference_readers.read_xlsx_full(str(path))


def test_xlsx_bomb_in_a_sheet_is_refused(tmp_path):
    filler = '<row><c t="inlineStr"><is><t>1</t></is></c></row>' * (70 * package.MB // 48)
    members = xlsx_members([("表", f"<sheetData>{filler}</sheetData>")])
    started = time.monotonic()
    refused(write(tmp_path / "bomb.xlsx", members), "超出限制", "sheet1.xml")
    assert time.monotonic() - started < 10


def test_limits_are_declared_in_one_place():
    source = Path(package.__file__).read_text(encoding="utf-8")
    for name in ("MAX_MEMBERS", "MAX_PART_BYTES", "MAX_TOTAL_BYTES", "MAX_RATIO", "RATIO_EXEMPT_BYTES",
                 "MAX_CELLS", "MAX_COLUMNS", "MAX_ROWS", "MAX_MERGED_RANGES"):
        assert f"\n{name} = " in source, name
    for reader in (docx_reader, xlsx_reader):
        text = Path(reader.__file__).read_text(encoding="utf-8")
        assert "zipfile.ZipFile(" not in text  # every package goes through package.py


def test_readers_never_raise_anything_but_read_error_on_mutated_packages(tmp_path, monkeypatch):
    """A bounded differential run: byte-mutated packages (members rewritten or the archive
    itself) are read or refused with a ReadError; when the library reference reads one, the
    lxml reader reads the same blocks."""
    import random
    import warnings

    monkeypatch.syspath_prepend(str(Path(__file__).parent / "hostile"))
    import hostile_corpus

    warnings.simplefilter("ignore")
    r = random.Random(20241)
    bases = hostile_corpus.bases()
    pairs = {".docx": (docx_reader.read_docx, reference_readers.read_docx_python_docx),
             ".xlsx": (xlsx_reader.read_xlsx, reference_readers.read_xlsx_full)}
    for suffix, (new, old) in pairs.items():
        for k in range(150):
            data = bases[suffix]
            data = hostile_corpus.mutate_zip(r, data) if r.random() < 0.7 else hostile_corpus.mutate_bytes(r, data)
            path = tmp_path / f"m{k}{suffix}"
            path.write_bytes(data)
            try:
                blocks = new(str(path))
            except ReadError:
                continue
            try:
                expected = old(str(path))
            except Exception:  # the library could not read it; the lxml reader may
                continue
            assert blocks == expected, path


def test_io_error_reading_a_member_is_a_read_error(tmp_path, monkeypatch):
    path = write(tmp_path / "io.docx", docx_members(REPORT))

    def broken_open(self, *args, **kwargs):
        raise zipfile.BadZipFile("Bad CRC-32 for file 'word/document.xml'")

    monkeypatch.setattr(zipfile.ZipFile, "open", broken_open)
    with pytest.raises(ReadError, match="校验和不符"):
        docx_reader.read_docx(str(path))


def test_xlsx_formulas_saved_without_their_values_are_told_not_read_as_blanks_silently(tmp_path):
    """A workbook a script wrote and Excel never recalculated holds formulas with no cached value:
    the cells read as blank, and a notice per sheet says how many and why."""
    data = SHEET.replace('<c r="B3"><v>100</v></c>', '<c r="B3"><f>SUM(B4:B5)</f></c>')
    path = write(tmp_path / "formulas.xlsx", xlsx_members([("表", data)]))
    assert "100" not in str(table_texts(read_ok(path)))
    [note] = load(path).notes
    assert note.startswith("工作表「表」有 1 个公式单元格没有保存计算结果")
    assert [n["reason"] for n in audit_file(str(path), []).not_assessable] == [note]
