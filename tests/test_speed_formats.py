"""Word and Excel readers skip python-docx's per-paragraph style scan and openpyxl's full
mode, and must read exactly what the library objects say."""
from __future__ import annotations

from pathlib import Path

import pytest

import reference_readers
from auditor.ingest import docx_reader, xlsx_reader

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "synthetic" / "files"


def _docx_reference(path) -> list[tuple]:
    """Text, style name and heading level of every body paragraph, through python-docx."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            para = Paragraph(child, document)
            out.append((para.text, reference_readers._heading_level(para)))
        elif child.tag == qn("w:tbl"):
            for tr in child.tr_lst:
                for tc in tr.tc_lst:
                    out.append((_Cell(tc, document).text, tc.vMerge, tc.grid_span))
    return out


def _docx_fast(path) -> list[tuple]:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    names = reference_readers._paragraph_style_names(document)
    out = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append((docx_reader.paragraph_text(child), docx_reader._level_of(names(child.style))))
        elif child.tag == qn("w:tbl"):
            for tr in child.tr_lst:
                for tc in tr.tc_lst:
                    tcpr = tc.tcPr
                    out.append(("\n".join(docx_reader.paragraph_text(p) for p in tc.iterchildren(qn("w:p"))),
                                tc.vMerge, tc.grid_span if tcpr is not None else 1))
    return out


def _word_file(tmp_path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_heading("一、基本情况", level=1)
    document.add_paragraph("无样式段落")
    para = document.add_paragraph("标题段", style="Title")
    para.add_run("换行").add_break(WD_BREAK.LINE)
    para.add_run("\t制表")
    styled = document.add_paragraph("正文", style="List Bullet")
    styled.style = None
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(2, 2).text = "合计\n100.00"
    path = tmp_path / "word.docx"
    document.save(str(path))
    return path


def test_docx_paragraph_text_styles_and_merges_match_python_docx(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from fixtures import forms

    paths = [_word_file(tmp_path), tmp_path / "form.docx"]
    forms.write_docx(paths[1])
    paths += sorted(CORPUS.glob("*.docx"))[::10]
    for path in paths:
        assert _docx_fast(path) == _docx_reference(path), path


def _excel_file(tmp_path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "表一"
    sheet["A1"] = "收入支出决算表"
    sheet["A2"] = "单位：万元"
    rows = [["项目", "预算数", "决算数"], ["基本支出", 100, 98.5], ["项目支出", 50.25, 50], ["合计", 150.25, 148.5]]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    sheet["C4"].number_format = "0.00"
    sheet["E9"] = "远处的注释"
    sheet.merge_cells("A3:A4")
    second = workbook.create_sheet("空表")
    second["C3"] = "只有一格"
    path = tmp_path / "book.xlsx"
    workbook.save(str(path))
    return path


def test_xlsx_read_only_matches_full_mode(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from fixtures import forms

    paths = [_excel_file(tmp_path), tmp_path / "form.xlsx"]
    forms.write_xlsx(paths[1])
    paths += sorted(CORPUS.glob("*.xlsx"))[::5]
    for path in paths:
        assert xlsx_reader.read_xlsx(str(path)) == reference_readers.read_xlsx_full(str(path)), path


def test_xlsx_covered_cells_with_stored_values_stay_empty(tmp_path):
    """Some writers keep values in the cells a merge covers; full mode drops them."""
    import zipfile

    path = _excel_file(tmp_path)
    patched = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="A4"', b'<c r="A4" t="inlineStr"><is><t>x</t></is></c><c r="Z99"', 1) \
                    if b'<c r="A4"' in data else data
            dst.writestr(item, data)
    try:
        reference = reference_readers.read_xlsx_full(str(patched))
    except xlsx_reader.ReadError:
        pytest.skip("openpyxl refuses the patched sheet")
    assert xlsx_reader.read_xlsx(str(patched)) == reference
