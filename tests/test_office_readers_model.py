"""The Word and Excel readers read the packages with lxml directly and must build the very
document model the library readers build: `read_docx_python_docx` (python-docx) and
`read_xlsx_openpyxl` / `read_xlsx_full` (openpyxl read-only and full mode), kept in
tests/reference_readers.py as the references. Compared on every synthetic .docx/.xlsx of the corpus (built here at test
time; nothing from the corpus is stored) and on generated files that reach the corners: styles
by id, name and default, hyperlinks, breaks, merges both ways, a missing styles part; shared,
rich, inline and phonetic strings, booleans, error codes, dates, times and durations in both
calendars, number formats, merged ranges, hidden sheets, chartsheets, cells without
coordinates and rows out of order."""
from __future__ import annotations

import io
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl, the reference, warns on odd files

import reference_readers
from auditor.ingest import docx_reader, xlsx_reader
from auditor.ingest.build import build_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "synthetic" / "files"
DOCX = sorted(CORPUS.glob("*.docx"))
XLSX = sorted(CORPUS.glob("*.xlsx"))

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
RELS_CT = "application/vnd.openxmlformats-package.relationships+xml"


def _model(path: Path, reader) -> dict:
    """The document model a reader's blocks build, but the reader's notes on what it could not
    read (a formula saved without its value): the library readers tell none (tested on their own)."""
    model = asdict(build_document(str(path), reader(str(path))))
    model.pop("notes", None)
    return model


def _first_difference(new: dict, old: dict) -> str:
    for k, (a, b) in enumerate(zip(new["blocks"], old["blocks"])):
        if a != b:
            return f"block {k}:\n  lxml:    {a}\n  library: {b}"
    if new["meta"] != old["meta"]:
        return f"meta: {new['meta']} != {old['meta']}"
    return f"{len(new['blocks'])} blocks != {len(old['blocks'])}"


def assert_same_model(path: Path, new, *references) -> None:
    model = _model(path, new)
    for reference in references:
        expected = _model(path, reference)
        assert model == expected, _first_difference(model, expected)


# --- package writers shared with test_office_readers_hostile.py ---------------------------

def zip_bytes(members: dict[str, bytes | str], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, body in members.items():
            archive.writestr(name, body.encode("utf-8") if isinstance(body, str) else body)
    return out.getvalue()


def docx_members(body: str, styles: str | None = None, extra_types: str = "") -> dict[str, str]:
    """A minimal .docx: document.xml with `body` inside w:body, optionally styles.xml."""
    types = (f'<Types xmlns="{CT}"><Default Extension="rels" ContentType="{RELS_CT}"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
             f'officedocument.wordprocessingml.styles+xml"/>{extra_types}</Types>')
    members = {
        "[Content_Types].xml": types,
        "_rels/.rels": f'<Relationships xmlns="{PR}"><Relationship Id="rId1" Type="{R}/officeDocument" '
                       'Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                             f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>',
    }
    if styles is not None:
        members["word/_rels/document.xml.rels"] = (
            f'<Relationships xmlns="{PR}"><Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/>'
            '</Relationships>')
        members["word/styles.xml"] = f'<w:styles xmlns:w="{W}">{styles}</w:styles>'
    return members


def xlsx_members(sheets: list[tuple[str, str]], shared: str | None = None, styles: str | None = None,
                 workbook_pr: str = "", extra_sheets: str = "", extra_rels: str = "") -> dict[str, str]:
    """A minimal .xlsx: `sheets` as (name, sheetData and after) pairs, optional sharedStrings
    and styles.xml (the children of styleSheet)."""
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for k in range(1, len(sheets) + 1))
    if shared is not None:
        overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                      'officedocument.spreadsheetml.sharedStrings+xml"/>')
    members = {
        "[Content_Types].xml": f'<Types xmlns="{CT}"><Default Extension="rels" ContentType="{RELS_CT}"/>'
                               '<Default Extension="xml" ContentType="application/xml"/>'
                               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                               f'officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>',
        "_rels/.rels": f'<Relationships xmlns="{PR}"><Relationship Id="rId1" Type="{R}/officeDocument" '
                       'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{S}" xmlns:r="{R}">{workbook_pr}<sheets>'
                           + "".join(f'<sheet name="{name}" sheetId="{k}" r:id="rId{k}"/>'
                                     for k, (name, _) in enumerate(sheets, start=1))
                           + f"{extra_sheets}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PR}">'
                                      + "".join(f'<Relationship Id="rId{k}" Type="{R}/worksheet" '
                                                f'Target="worksheets/sheet{k}.xml"/>'
                                                for k in range(1, len(sheets) + 1))
                                      + f"{extra_rels}</Relationships>",
    }
    for k, (_, data) in enumerate(sheets, start=1):
        members[f"xl/worksheets/sheet{k}.xml"] = f'<worksheet xmlns="{S}" xmlns:r="{R}">{data}</worksheet>'
    if shared is not None:
        members["xl/sharedStrings.xml"] = f'<sst xmlns="{S}">{shared}</sst>'
    if styles is not None:
        members["xl/styles.xml"] = f'<styleSheet xmlns="{S}">{styles}</styleSheet>'
    return members


def write(path: Path, members: dict) -> Path:
    path.write_bytes(zip_bytes(members))
    return path


# --- the corpus --------------------------------------------------------------------------

@pytest.mark.skipif(not DOCX, reason="../shared/corpus/synthetic is not beside the clone")
@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.stem)
def test_synthetic_docx_model_is_unchanged(path):
    assert_same_model(path, docx_reader.read_docx, reference_readers.read_docx_python_docx)


@pytest.mark.skipif(not XLSX, reason="../shared/corpus/synthetic is not beside the clone")
@pytest.mark.parametrize("path", XLSX, ids=lambda p: p.stem)
def test_synthetic_xlsx_model_is_unchanged(path):
    assert_same_model(path, xlsx_reader.read_xlsx, reference_readers.read_xlsx_openpyxl, reference_readers.read_xlsx_full)


# --- generated Word files ----------------------------------------------------------------

def test_docx_written_by_python_docx_reads_alike(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_heading("2024年度部门整体支出绩效自评报告", level=0)
    document.add_heading("一、基本情况", level=1)
    document.add_paragraph("本单位2024年支出合计100.00万元。")
    para = document.add_paragraph("标题段", style="Title")
    para.add_run("换行").add_break(WD_BREAK.LINE)
    para.add_run("分页").add_break(WD_BREAK.PAGE)
    para.add_run("\t制表")
    styled = document.add_paragraph("正文", style="List Bullet")
    styled.style = None
    document.add_heading("（一）收入", level=2)
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(2, 0))
    table.cell(0, 1).merge(table.cell(0, 3))
    table.cell(0, 0).text = "项目"
    table.cell(3, 3).text = "合计\n100.00"
    table.cell(1, 1).text = "基本支出 60.00"
    # (a table nested in a cell is read beyond python-docx, as a table of its own after this one:
    # tests/test_docx_structures.py)
    document.add_paragraph("表后段落。")
    path = tmp_path / "word.docx"
    document.save(str(path))
    assert_same_model(path, docx_reader.read_docx, reference_readers.read_docx_python_docx)


def test_docx_runs_hyperlinks_breaks_and_styles_read_alike(tmp_path):
    """Hand-written XML: hyperlink runs, w:cr, w:noBreakHyphen, w:ptab, a column break, empty
    w:t; styles by id (first wins), Chinese heading names, a character style used as a
    paragraph style, an unknown id, a nameless style, and the default paragraph style."""
    run = lambda text: f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"  # noqa: E731
    body = (
        f'<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr>{run("一、概况")}</w:p>'
        f'<w:p><w:pPr><w:pStyle w:val="Zh2"/></w:pPr>{run("（一）收入")}</w:p>'
        f'<w:p><w:pPr><w:pStyle w:val="Char"/></w:pPr>{run("字符样式段")}</w:p>'
        f'<w:p><w:pPr><w:pStyle w:val="Missing"/></w:pPr>{run("未知样式")}</w:p>'
        f'<w:p><w:pPr><w:pStyle w:val="NoName"/></w:pPr>{run("无名样式")}</w:p>'
        f'<w:p>{run("无样式 ")}<w:hyperlink r:id="x">{run("链接文字")}</w:hyperlink>'
        '<w:r><w:t>a</w:t><w:cr/><w:t>b</w:t><w:noBreakHyphen/><w:ptab/><w:br w:type="column"/><w:t/>'
        '<w:tab/><w:br/></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p>' + run("甲") + '</w:p></w:tc>'
        '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p>' + run("乙") + '</w:p><w:p>' + run("丙")
        + '</w:p></w:tc></w:tr><w:tr><w:tc><w:p>' + run("1") + '</w:p></w:tc><w:tc><w:p/></w:tc>'
        '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p>' + run("不读") + '</w:p></w:tc></w:tr></w:tbl>'
        f'<w:p>{run("合计100万元。")}</w:p>')
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 3"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Zh2"><w:name w:val="标题 2"/></w:style>'
        '<w:style w:type="character" w:styleId="Char"><w:name w:val="heading 4"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="NoName"/>')
    path = write(tmp_path / "hand.docx", docx_members(body, styles))
    assert_same_model(path, docx_reader.read_docx, reference_readers.read_docx_python_docx)
    blocks = docx_reader.read_docx(str(path))
    assert [b.level for b in blocks[:5]] == [1, 2, None, None, None]
    assert blocks[5].text == "无样式 链接文字a\nb-\t\t\n"


def test_docx_default_style_and_missing_styles_part_read_alike(tmp_path):
    heading_default = ('<w:style w:type="paragraph" w:default="1" w:styleId="T"><w:name w:val="Title"/></w:style>'
                       '<w:style w:type="paragraph" w:default="1" w:styleId="H"><w:name w:val="heading 2"/></w:style>')
    body = "<w:p><w:r><w:t>默认样式</w:t></w:r></w:p>"
    for name, styles in [("default.docx", heading_default), ("nostyles.docx", None)]:
        path = write(tmp_path / name, docx_members(body, styles))
        assert_same_model(path, docx_reader.read_docx, reference_readers.read_docx_python_docx)
    # the last default wins (python-docx's rule), so the paragraph is a level-2 heading
    assert docx_reader.read_docx(str(tmp_path / "default.docx"))[0].level == 2


def test_docx_styles_are_remembered_by_their_exact_bytes(tmp_path):
    """Documents of one template share the styles part: its levels are resolved once per worker.
    A part differing in one style name is another part, with its own levels."""
    body = '<w:p><w:pPr><w:pStyle w:val="S"/></w:pPr><w:r><w:t>一、概况</w:t></w:r></w:p>'
    as_heading = '<w:style w:type="paragraph" w:styleId="S"><w:name w:val="heading 1"/></w:style>'
    as_body = '<w:style w:type="paragraph" w:styleId="S"><w:name w:val="heading x"/></w:style>'
    docx_reader._LEVELS_BY_STYLES.clear()
    docx_reader._kept_bytes[0] = 0
    first = write(tmp_path / "a.docx", docx_members(body, as_heading))
    again = write(tmp_path / "b.docx", docx_members(body, as_heading))
    other = write(tmp_path / "c.docx", docx_members(body, as_body))
    assert docx_reader.read_docx(str(first))[0].level == 1
    assert len(docx_reader._LEVELS_BY_STYLES) == 1
    assert docx_reader.read_docx(str(again))[0].level == 1  # from the memo
    assert len(docx_reader._LEVELS_BY_STYLES) == 1
    assert docx_reader.read_docx(str(other))[0].level is None
    assert len(docx_reader._LEVELS_BY_STYLES) == 2
    for path in (first, again, other):
        assert_same_model(path, docx_reader.read_docx, reference_readers.read_docx_python_docx)
    # a batch of distinct styles parts keeps the last few only
    for k in range(docx_reader.STYLES_MEMO_ENTRIES + 5):
        styles = f'<w:style w:type="paragraph" w:styleId="S"><w:name w:val="heading {k % 9 + 1}"/></w:style>' + " " * k
        docx_reader.read_docx(str(write(tmp_path / f"n{k}.docx", docx_members(body, styles))))
    assert len(docx_reader._LEVELS_BY_STYLES) == docx_reader.STYLES_MEMO_ENTRIES
    assert docx_reader._kept_bytes[0] == sum(map(len, docx_reader._LEVELS_BY_STYLES))


# --- generated Excel files ---------------------------------------------------------------

def test_xlsx_written_by_openpyxl_reads_alike(tmp_path):
    import datetime as dt

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "表一"
    sheet["A1"] = "收入支出决算表"
    sheet["A2"] = "单位：万元"
    rows = [["项目", "预算数", "决算数", "完成率"], ["基本支出", 100, 98.5, 0.985],
            ["项目支出", 50.25, 50, 0.995], ["合计", 150.25, 148.5, 0.98835]]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    for r in range(4, 7):
        sheet.cell(r, 2).number_format = "#,##0.00"
        sheet.cell(r, 3).number_format = "0.000"
        sheet.cell(r, 4).number_format = "0.0%"
    sheet["A8"] = dt.datetime(2024, 4, 26, 9, 30)
    sheet["B8"] = dt.date(2023, 12, 31)
    sheet["C8"] = dt.time(14, 5)
    sheet["D8"] = dt.timedelta(hours=30)
    sheet["D8"].number_format = "[h]:mm:ss"
    sheet["A9"] = True
    sheet["B9"] = False
    sheet["C9"] = "=SUM(B4:B5)"
    sheet["D9"] = 1e20
    sheet["D9"].number_format = "0.00"
    sheet["E9"] = 123456789.123
    sheet["F9"] = "  前后有空格  "
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B10:D11")
    sheet["B10"] = "合并区域"
    sheet["E12"] = "远处的注释"
    hidden = workbook.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["C3"] = "只有一格"
    hidden["B5"] = 7
    workbook.create_sheet("空表")
    path = tmp_path / "book.xlsx"
    workbook.save(str(path))
    assert_same_model(path, xlsx_reader.read_xlsx, reference_readers.read_xlsx_openpyxl, reference_readers.read_xlsx_full)

    # a chartsheet has no cells; openpyxl cannot open a workbook with an empty one (its
    # chartsheet reader calls .find on a list), the lxml reader reads the other sheets
    workbook.create_chartsheet("图表", 1)
    charted = tmp_path / "charted.xlsx"
    workbook.save(str(charted))
    assert xlsx_reader.read_xlsx(str(charted)) == xlsx_reader.read_xlsx(str(path))
    del workbook["图表"]

    workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    mac = tmp_path / "mac.xlsx"
    workbook.save(str(mac))
    assert_same_model(mac, xlsx_reader.read_xlsx, reference_readers.read_xlsx_openpyxl, reference_readers.read_xlsx_full)


def test_xlsx_hand_written_cells_read_alike(tmp_path):
    """Shared strings (rich runs, phonetic runs, an escaped _x005F_), inline strings, error
    codes, formula text, booleans, ISO dates, cells without coordinates, a row out of order,
    rows without numbers, custom number formats rebased onto built-in ones, serials in date,
    time and duration formats, and a date serial outside the calendar. Cells are placed by
    their coordinates as openpyxl's full mode places them; its read-only mode (the former
    reader) drops a row numbered below one already read and a cell left of the one before it,
    so it is compared on the sheet without those."""
    shared = ('<si><t>项目</t></si><si><r><t>本年</t></r><r><rPr><b/></rPr><t>支出</t></r></si>'
              '<si><t>预算</t><rPh sb="0" eb="1"><t>よさん</t></rPh></si><si><t>a_x005F_x000D_b</t></si>'
              '<si><t/></si><si><t xml:space="preserve">  合计  </t></si>')
    styles = ('<numFmts count="3"><numFmt numFmtId="164" formatCode="0.00%"/><numFmt numFmtId="165" '
              'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" '
              'formatCode="#,##0.000_);[Red]\\(#,##0.000\\)"/></numFmts>'
              '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>'
              '<xf numFmtId="20"/><xf numFmtId="46"/><xf numFmtId="10"/><xf numFmtId="2"/></cellXfs>')
    data = ('<dimension ref="A1:C3"/><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
            '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>'
            '<row r="2"><c t="inlineStr"><is><t>内联</t><r><t>文字</t></r></is></c><c t="e"><v>#DIV/0!</v></c>'
            '<c t="str"><f>A1</f><v>公式值</v></c><c t="b"><v>1</v></c><c t="d"><v>2024-04-26T00:00:00</v></c>'
            '<c t="d"><v>12:30:00</v></c></row>'
            '<row r="4"><c r="A4" s="1"><v>0.12345</v></c><c r="B4" s="2"><v>45408</v></c>'
            '<c r="C4" s="3"><v>-1234.5</v></c><c r="D4" s="4"><v>0.75</v></c><c r="E4" s="5"><v>1.25</v></c>'
            '<c r="F4" s="2"><v>59</v></c><c r="G4" s="2"><v>99999999</v></c><c r="H4" s="6"><v>1</v></c>'
            '<c r="I4" s="7"><v>3</v></c><c r="J4"><v>1.5E-3</v></c><c r="K4"><v>007</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>0</v></c></row>'
            '<row><c r="A5"><v>5</v></c><c r="C5"><v>6</v></c><c r="B5"><v>7</v></c></row>'
            '<row><c r="B6"><v>8</v></c><c r="A6"><v>9</v></c></row>'
            '<row r="7"><c r="A7" t="s"><v>0</v></c><c r="B7"/><c r="C7" t="s"><v>4</v></c></row>'
            '</sheetData><mergeCells count="1"><mergeCell ref="B4:C5"/></mergeCells>')
    path = write(tmp_path / "hand.xlsx", xlsx_members([("数据", data), ("第二", "<sheetData/>")], shared, styles))
    assert_same_model(path, xlsx_reader.read_xlsx, reference_readers.read_xlsx_full)
    mac = write(tmp_path / "mac.xlsx", xlsx_members([("数据", data)], shared, styles,
                                                    workbook_pr='<workbookPr date1904="1"/>'))
    assert_same_model(mac, xlsx_reader.read_xlsx, reference_readers.read_xlsx_full)
    in_order = data.replace('<row r="3"><c r="A3" t="s"><v>0</v></c></row>', "").replace(
        '<c r="A5"><v>5</v></c><c r="C5"><v>6</v></c><c r="B5"><v>7</v></c>',
        '<c r="A5"><v>5</v></c><c r="B5"><v>7</v></c><c r="C5"><v>6</v></c>').replace(
        '<c r="B6"><v>8</v></c><c r="A6"><v>9</v></c>', '<c r="A6"><v>9</v></c><c r="B6"><v>8</v></c>')
    ordered = write(tmp_path / "ordered.xlsx", xlsx_members([("数据", in_order)], shared, styles))
    assert_same_model(ordered, xlsx_reader.read_xlsx, reference_readers.read_xlsx_openpyxl, reference_readers.read_xlsx_full)
    assert [b.rows[2][0].text for b in xlsx_reader.read_xlsx(str(path)) if b.kind == "table"][0] == "项目"


def test_xlsx_caption_row_over_the_header_is_no_table_row(tmp_path):
    """Exports print the unit's name and the unit of money on one row above the header
    (编制单位：某局 | … | 单位：万元): a line about the table, so the table's rows, and the row and
    column every finding names, start at the header."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "三公"
    sheet["A1"] = "“三公”经费支出决算表"
    sheet["A2"], sheet["D2"] = "编制单位：某区示例局", "单位：万元"
    for r, row in enumerate([["项目", "预算数", "决算数", "备注"], ["合计", 12.0, 11.0, ""],
                             ["公务接待费", 12.0, 10.0, ""]], start=3):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    path = tmp_path / "captions.xlsx"
    workbook.save(str(path))
    doc = build_document(str(path), xlsx_reader.read_xlsx(str(path)))
    assert [c.text for c in doc.tables[0].rows[0]][:3] == ["项目", "预算数", "决算数"]
    assert doc.tables[0].unit == "万元"
    assert any("编制单位：某区示例局" in getattr(b, "text", "") for b in doc.blocks)
    assert_same_model(path, xlsx_reader.read_xlsx, reference_readers.read_xlsx_openpyxl, reference_readers.read_xlsx_full)


def test_xlsx_sheet_opens_under_no_heading_of_another_sheet(tmp_path):
    """A heading on the narrative sheet is no section of the tables on the sheets after it."""
    import openpyxl

    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "说明"
    notes["A1"], notes["A2"] = "一、部门基本情况", "本局内设3个科室。"
    table = workbook.create_sheet("表一")
    for r, row in enumerate([["项目", "决算数"], ["合计", 1.0]], start=1):
        for c, value in enumerate(row, start=1):
            table.cell(r, c, value)
    path = tmp_path / "sheets.xlsx"
    workbook.save(str(path))
    doc = build_document(str(path), xlsx_reader.read_xlsx(str(path)))
    assert doc.blocks[1].loc.section == "一、部门基本情况"
    assert doc.tables[0].loc.sheet == "表一" and doc.tables[0].loc.section is None


def test_xlsx_row_of_years_over_the_header_stays_in_the_table(tmp_path):
    """A row of years alone (| 2024年度 | | 2025年度 |) heads the columns under it; only a row with
    a caption's name and value (编制单位：…) is a line about the table."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for r, row in enumerate([["", "2024年度", "", "2025年度", ""], ["项目", "预算数", "决算数", "预算数", "决算数"],
                             ["基本支出", 10, 9, 12, 11]], 1):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value or None)
    path = tmp_path / "years.xlsx"
    workbook.save(str(path))
    doc = build_document(str(path), xlsx_reader.read_xlsx(str(path)))
    assert [c.text for c in doc.tables[0].rows[0]][1] == "2024年度"


@pytest.mark.parametrize("between", [[""], ["表3 支出决算表（续）"], ["", "续表"]])
def test_a_word_table_continued_after_a_page_break_is_one_table(tmp_path, between):
    """The rest of a table on the next page, as Word saves it: after blank paragraphs (a page
    break) under its header row repeated, or under its title repeated with （续）: one table."""
    import docx

    document = docx.Document()
    document.add_paragraph("某街道2024年度部门决算")
    document.add_paragraph("表3 支出决算表")
    parts = ([["项目", "基本支出", "项目支出"], ["党政办", "12.00", "3.00"], ["社区服务", "8.00", "4.00"]],
             [["项目", "基本支出", "项目支出"], ["城市管理", "5.00", "6.00"], ["合计", "25.00", "13.00"]])
    for k, rows in enumerate(parts):
        if k:
            for text in between:
                document.add_paragraph(text)
        table = document.add_table(rows=len(rows), cols=3)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    path = tmp_path / "continued.docx"
    document.save(str(path))
    tables = [b for b in build_document(str(path), docx_reader.read_docx(str(path))).blocks if hasattr(b, "rows")]
    assert [[c.text for c in row][0] for row in tables[0].rows] == ["项目", "党政办", "社区服务", "城市管理", "合计"]
    assert len(tables) == 1
    # (a row of the rest is named as Word shows it: the 续表's own row, in that part)
    assert tables[0].rows[1][1].loc.describe().endswith("第1张表 第2行第2列")
    assert tables[0].rows[-1][1].loc.describe().endswith("第1张表（续表） 第3行第2列")


@pytest.mark.parametrize("caption, joined", [("续表", True), ("表3续", True), ("表4 支出决算表", False),
                                             ("表3续建项目支出表", False)])
def test_xlsx_table_continued_on_the_next_sheet_under_a_continued_line(tmp_path, caption, joined):
    """A workbook's table going on on the next sheet under a 续表 line, its header repeated, is one
    table, each row named on its own sheet; a table alike on another sheet without that line is
    another table (two units' or two years' forms)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "表3"
    rest = workbook.create_sheet("表3续")
    head = ["项目", "基本支出", "项目支出"]
    for sheet, top, rows in ((first, "表3 支出决算表", [["合计", 25.0, 13.0], ["党政办", 12.0, 3.0], ["社区服务", 8.0, 4.0]]),
                             (rest, caption, [["城市管理", 5.0, 6.0]])):
        for r, row in enumerate([[top], head, *rows], start=1):
            for c, value in enumerate(row, start=1):
                sheet.cell(r, c, value)
    path = tmp_path / "continued.xlsx"
    workbook.save(str(path))
    tables = build_document(str(path), xlsx_reader.read_xlsx(str(path))).tables
    assert len(tables) == (1 if joined else 2)
    if joined:
        assert [row[0].text for row in tables[0].rows] == ["项目", "合计", "党政办", "社区服务", "城市管理"]
        assert tables[0].rows[1][0].loc.sheet == "表3"
        assert tables[0].rows[-1][0].loc.sheet == "表3续"
        assert tables[0].rows[-1][0].loc.describe().startswith("工作表「表3续」 · 第3行")


def test_docx_reads_the_accepted_text_of_tracked_changes_and_content_controls(tmp_path):
    """What the reader of the published document sees: a tracked insertion's and a moved-to
    run's text is there, a deletion's and a moved-from run's is not; a paragraph inside an
    inline content control, smart tag or simple field keeps its figure; a table inside a
    block-level content control (w:sdt) is a table of the document, in its place."""
    run = lambda text: f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"  # noqa: E731
    deleted = '<w:del w:id="1" w:author="a"><w:r><w:delText>9.00</w:delText></w:r></w:del>'
    body = (
        f'<w:p>{run("支出合计")}<w:ins w:id="2" w:author="a">{run("12.50")}</w:ins>{deleted}{run("万元。")}</w:p>'
        f'<w:p><w:moveFrom w:id="3" w:author="a">{run("旧")}</w:moveFrom>'
        f'<w:moveTo w:id="4" w:author="a">{run("新")}</w:moveTo>'
        f'<w:sdt><w:sdtPr/><w:sdtContent>{run("甲")}</w:sdtContent></w:sdt>'
        f'<w:smartTag w:element="x">{run("乙")}</w:smartTag><w:fldSimple w:instr="PAGE">{run("3")}</w:fldSimple></w:p>'
        '<w:sdt><w:sdtPr/><w:sdtContent><w:tbl><w:tr>'
        f'<w:tc><w:p>{run("项目")}</w:p></w:tc><w:tc><w:p><w:ins w:id="5" w:author="a">{run("4.00")}</w:ins></w:p></w:tc>'
        f'</w:tr></w:tbl><w:p>{run("表后段落")}</w:p></w:sdtContent></w:sdt>'
        f'<w:p>{run("末段")}</w:p>')
    path = write(tmp_path / "tracked.docx", docx_members(body))
    blocks = docx_reader.read_docx(str(path))
    assert [b.kind for b in blocks] == ["para", "para", "table", "para", "para"]
    assert blocks[0].text == "支出合计12.50万元。"
    assert blocks[1].text == "新甲乙3"
    assert [c.text for c in blocks[2].rows[0]] == ["项目", "4.00"]
    assert [b.text for b in blocks[3:]] == ["表后段落", "末段"]


def test_docx_leaves_out_placeholder_prompts_and_the_table_of_contents(tmp_path):
    """A content control still showing its prompt (请输入执行率，如100%) holds no text of the report,
    and a table of contents names tables whether the body holds them or not: neither is read."""
    run = lambda text: f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"  # noqa: E731
    toc = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
           f'<w:sdtContent><w:p>{run("收入决算表 ……… 5")}</w:p><w:p>{run("支出决算表 ……… 6")}</w:p></w:sdtContent></w:sdt>')
    prompt = f'<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{run("请输入执行率，如100%")}</w:sdtContent></w:sdt>'
    body = toc + f'<w:p>{run("预算执行率为")}{prompt}{run("。")}</w:p>'
    path = write(tmp_path / "controls.docx", docx_members(body))
    assert [b.text for b in docx_reader.read_docx(str(path))] == ["预算执行率为。"]


def test_xlsx_hidden_sheets_are_not_read(tmp_path):
    """A hidden sheet (an old draft kept in the workbook) is no part of what is published."""
    import openpyxl

    workbook = openpyxl.Workbook()
    shown = workbook.active
    shown.title = "收入预算表"
    for r, row in enumerate([["项目", "预算数"], ["合计", 30.0], ["甲", 10.0], ["乙", 20.0]], start=1):
        for c, value in enumerate(row, start=1):
            shown.cell(r, c, value)
    draft = workbook.create_sheet("旧版草稿")
    for r, row in enumerate([["项目", "预算数"], ["合计", 99.0], ["甲", 1.0]], start=1):
        for c, value in enumerate(row, start=1):
            draft.cell(r, c, value)
    draft.sheet_state = "hidden"
    path = tmp_path / "hidden.xlsx"
    workbook.save(str(path))
    for read in (xlsx_reader.read_xlsx, reference_readers.read_xlsx_openpyxl, reference_readers.read_xlsx_full):
        assert {b.sheet for b in read(str(path))} == {"收入预算表"}
    # (every sheet hidden: a file Excel would not save; all are read)
    import zipfile

    with zipfile.ZipFile(path) as package:
        members = {name: package.read(name) for name in package.namelist()}
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(b'state="hidden" ', b"").replace(b' state="visible"', b"").replace(
        b"<sheet ", b'<sheet state="hidden" ')
    write(path, {name: data.decode() for name, data in members.items()})
    assert {b.sheet for b in xlsx_reader.read_xlsx(str(path))} == {"收入预算表", "旧版草稿"}


def test_xlsx_forms_stacked_with_a_footer_line_under_each_are_two_tables(tmp_path):
    """Two projects' forms on one sheet, each closed by a 填表人 line, one blank row between."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    form = lambda name, score: [["项目名称", name], ["一级指标", "三级指标", "分值", "得分"],  # noqa: E731
                                ["产出指标", "服务人次", 60, 60], ["效益指标", "覆盖率", 40, 40],
                                ["总分", "", 100, score], ["填表人：张三　填报日期：2025年3月10日"]]
    rows = form("社区养老服务项目", 100) + [[]] + form("困难群众救助项目", 100)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    path = tmp_path / "stacked.xlsx"
    workbook.save(str(path))
    tables = [b for b in xlsx_reader.read_xlsx(str(path)) if b.kind == "table"]
    assert [t.rows[0][1].text for t in tables] == ["社区养老服务项目", "困难群众救助项目"]
