"""The Word reader on the structures real templates and WPS write round a report's tables: rows
that skip grid columns, content controls and custom XML round rows and cells, tables nested in
cells or framed by a one-cell table, text boxes in cells, hidden text, a table split by a page
break without its header repeated. Each document is written part by part (fixtures.raw_docx)."""
from __future__ import annotations

from fixtures.raw_docx import write_docx

from auditor.ingest.docx_reader import read_docx


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str) -> str:
    return f"<w:tc>{_p(text)}</w:tc>"


def _tr(*texts: str, props: str = "") -> str:
    return f"<w:tr>{props}{''.join(_tc(t) for t in texts)}</w:tr>"


def _tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


def _rows(path) -> list[list[list[str]]]:
    return [[[c.text for c in row] for row in b.rows] for b in read_docx(str(path)) if b.kind == "table"]


def _texts(path) -> list[str]:
    return [b.text for b in read_docx(str(path)) if b.kind != "table"]


def test_a_row_skipping_grid_columns_keeps_its_cells_under_their_heads(tmp_path):
    """w:gridBefore: the income side has run out, the expense side's item stays under 支出项目."""
    body = _tbl(_tr("收入项目", "金额", "支出项目", "金额"), _tr("财政拨款收入", "100.00", "一般公共服务支出", "60.00"),
                _tr("住房保障支出", "40.00", props='<w:trPr><w:gridBefore w:val="2"/></w:trPr>'),
                _tr("总计", "100.00", props='<w:trPr><w:gridAfter w:val="2"/></w:trPr>'))
    rows = _rows(write_docx(tmp_path / "grid.docx", body, {}))[0]
    assert rows[2] == ["", "", "住房保障支出", "40.00"] and rows[3] == ["总计", "100.00", "", ""]


def test_rows_and_cells_wrapped_in_content_controls_or_custom_xml_are_read(tmp_path):
    sdt_row = f"<w:sdt><w:sdtPr/><w:sdtContent>{_tr('其他收入', '3.20')}</w:sdtContent></w:sdt>"
    xml_row = f'<w:customXml w:element="row">{_tr("事业收入", "10.00")}</w:customXml>'
    sdt_cell = f"<w:tr>{_tc('合计')}<w:sdt><w:sdtPr/><w:sdtContent>{_tc('113.20')}</w:sdtContent></w:sdt></w:tr>"
    body = _tbl(_tr("项目", "金额"), _tr("财政拨款收入", "100.00"), sdt_row, xml_row, sdt_cell)
    assert _rows(write_docx(tmp_path / "sdt.docx", body, {}))[0][1:] == [
        ["财政拨款收入", "100.00"], ["其他收入", "3.20"], ["事业收入", "10.00"], ["合计", "113.20"]]


def test_a_table_nested_in_a_cell_or_framed_is_a_table(tmp_path):
    inner = _tbl(_tr("项目", "预算数", "执行数"), _tr("图书购置", "50.00", "48.00"))
    frame = f"<w:tbl><w:tblPr/><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    nested = f"<w:tbl><w:tblPr/>{_tr('说明', '明细')}<w:tr>{_tc('本年项目')}<w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    rows = _rows(write_docx(tmp_path / "nested.docx", frame + _p("正文") + nested, {}))
    # (the frame is no table; the outer table with text of its own is one, the nested one after it)
    assert rows == [[["项目", "预算数", "执行数"], ["图书购置", "50.00", "48.00"]],
                    [["说明", "明细"], ["本年项目", ""]],
                    [["项目", "预算数", "执行数"], ["图书购置", "50.00", "48.00"]]]


def test_a_text_box_in_a_cell_is_its_text(tmp_path):
    box = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
           f'{_p("4.82")}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    body = _tbl(_tr("项目", "决算数"), f"<w:tr>{_tc('合计')}<w:tc><w:p>{box}</w:p></w:tc></w:tr>")
    assert _rows(write_docx(tmp_path / "box.docx", body, {}))[0][1] == ["合计", "4.82"]


def test_hidden_text_is_not_read(tmp_path):
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（填报示例：支出100.00万元）</w:t></w:r>'
    shown = '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>支出40.22万元。</w:t></w:r>'
    assert _texts(write_docx(tmp_path / "hidden.docx", f"<w:p>{hidden}{shown}</w:p>", {})) == ["支出40.22万元。"]


def test_a_table_a_page_break_splits_goes_on_without_its_header(tmp_path):
    """The part after the break opens with a row of figures: the rest of the table. One opening
    with a header of its own is another table."""
    head = _tr("一级指标", "分值", "得分")
    page_break = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    body = (_tbl(head, _tr("决策", "20", "18")) + page_break + _tbl(_tr("产出", "80", "76"), _tr("总分", "100", "94"))
            + page_break + _tbl(_tr("项目", "预算", "执行"), _tr("甲", "10", "9")))
    from auditor.ingest.build import join_continued_tables

    tables = [b for b in join_continued_tables(read_docx(write_docx(tmp_path / "split.docx", body, {}))) if b.kind == "table"]
    assert [[c.text for c in row] for row in tables[0].rows] == [["一级指标", "分值", "得分"], ["决策", "20", "18"],
                                                                 ["产出", "80", "76"], ["总分", "100", "94"]]
    assert len(tables) == 2


def test_two_forms_a_page_break_splits_stay_two(tmp_path):
    """A form opening with its 项目名称 row (a code at its end) after a page break is a form of its own."""
    page_break = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    form = lambda name: _tbl(_tr("项目名称", name, "项目编码", "430100240001"), _tr("总分", "100", "", "92"))  # noqa: E731
    from auditor.ingest.build import join_continued_tables

    blocks = join_continued_tables(read_docx(write_docx(tmp_path / "forms.docx", form("甲") + page_break + form("乙"), {})))
    assert len([b for b in blocks if b.kind == "table"]) == 2


def test_a_part_after_a_page_break_opening_with_a_remark_goes_on(tmp_path):
    """The rest of a table whose first row ends in a remark (新增采购) or a dash: still its data."""
    page_break = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    body = (_tbl(_tr("项目", "预算数", "备注"), _tr("甲", "100.00", "—")) + page_break
            + _tbl(_tr("乙", "40.00", "新增采购"), _tr("合计", "140.00", "")))
    from auditor.ingest.build import join_continued_tables

    tables = [b for b in join_continued_tables(read_docx(write_docx(tmp_path / "rest.docx", body, {}))) if b.kind == "table"]
    assert len(tables) == 1 and [row[0].text for row in tables[0].rows] == ["项目", "甲", "乙", "合计"]


def test_a_superscript_note_mark_is_no_digit_of_the_figure_before_it(tmp_path):
    """得分 10 with a note mark ¹ after it is 10, not 101; 498.30² is 498.30; m² stays a power."""
    up = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{}</w:t></w:r>'
    cell = f'<w:tc><w:p><w:r><w:t>10</w:t></w:r>{up.format("1")}</w:p></w:tc>'
    body = (f"<w:tbl><w:tblPr/><w:tr>{_tc('得分')}{cell}</w:tr></w:tbl>"
            f'<w:p><w:r><w:t>资金498.30</w:t></w:r>{up.format("2")}<w:r><w:t>万元，面积1200m</w:t></w:r>{up.format("2")}</w:p>')
    path = write_docx(tmp_path / "marks.docx", body, {})
    assert _rows(path) == [[["得分", "10"]]]
    assert _texts(path) == ["资金498.30万元，面积1200m²"]


def test_a_sign_inserted_from_the_symbol_font_is_read(tmp_path):
    """≤ picked from Insert › Symbol is w:sym w:font="Symbol" w:char="F0A3": the target keeps its
    sign (read without it, ≤5批次 met by 2批次 looked missed); an unknown symbol shows as U+FFFD."""
    sym = '<w:r><w:sym w:font="Symbol" w:char="{}"/></w:r>'
    body = (f'<w:p>{sym.format("F0A3")}<w:r><w:t>5批次，</w:t></w:r>{sym.format("F0B3")}<w:r><w:t>90%</w:t></w:r>'
            f'{sym.format("F0E0")}</w:p>')
    assert _texts(write_docx(tmp_path / "sym.docx", body, {})) == ["≤5批次，≥90%\ufffd"]


def test_text_a_hidden_style_hides_is_not_read(tmp_path):
    """A template's 填写说明 character style with w:vanish (and a style based on it) hides its runs
    as direct hiding does; a run saying w:vanish w:val="0" itself is shown."""
    from fixtures.raw_docx import W

    styles = (f'<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="character" w:styleId="Hint"><w:name w:val="填写说明"/><w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Hint2"><w:name w:val="填写说明2"/><w:basedOn w:val="Hint"/></w:style>'
              '</w:styles>')
    run = '<w:r><w:rPr>{}</w:rPr><w:t>{}</w:t></w:r>'
    body = ("<w:p>" + run.format("", "全年支出3,018.62万元。")
            + run.format('<w:rStyle w:val="Hint"/>', "（示例：全年支出1,000.00万元）")
            + run.format('<w:rStyle w:val="Hint2"/>', "（示例：项目支出500.00万元）")
            + run.format('<w:rStyle w:val="Hint"/><w:vanish w:val="0"/>', "其中基本支出1,842.36万元。") + "</w:p>")
    path = write_docx(tmp_path / "hint.docx", body, {"styles.xml": ("styles", styles)})
    assert _texts(path) == ["全年支出3,018.62万元。其中基本支出1,842.36万元。"]


def test_a_paragraph_whose_mark_a_tracked_change_deleted_runs_on_into_the_next(tmp_path):
    """全年支出3,081.62 ¶(deleted) 万元，…: one paragraph, as Word's Accept All makes it; a deleted
    mark before a table or at the end keeps its words where they stood."""
    gone = '<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr>'
    body = (f"<w:p>{gone}<w:r><w:t>全年支出3,081.62</w:t></w:r></w:p>" + _p("万元，其中基本支出1,842.36万元。")
            + f"<w:p>{gone}<w:r><w:t>表前说明</w:t></w:r></w:p>" + _tbl(_tr("项目", "金额"))
            + f"<w:p>{gone}<w:r><w:t>末段</w:t></w:r></w:p>")
    path = write_docx(tmp_path / "joined.docx", body, {})
    assert _texts(path) == ["全年支出3,081.62万元，其中基本支出1,842.36万元。", "表前说明", "末段"]


def test_figures_stacked_on_two_lines_of_a_cell_are_not_run_together():
    """A line break Word keeps in a cell is typed: 45.00↵38.26 are two figures, never 45.0038.26 (a
    number no one wrote, which PAT001 would report); words on two lines still join as a wrap does."""
    from auditor.ingest.docx_reader import _cell_text

    assert _cell_text("45.00\n38.26") == "45.00 38.26"
    assert _cell_text("一般公共\n预算支出") == "一般公共预算支出"
    assert _cell_text("合计\n1,234.50") == "合计1,234.50"


def test_a_soft_line_break_inside_a_sentence_leaves_no_break_in_the_finding(tmp_path):
    """A Word paragraph's soft break (Shift+Enter) inside a sentence: the finding's message and
    formula read on one line, the two Chinese halves joined as the sentence joins them."""
    import docx

    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    document = docx.Document()
    document.add_paragraph("某局2024年度部门决算说明")
    paragraph = document.add_paragraph("本年支出合计400.00万元，其中住房公积金20.00")
    paragraph.add_run().add_break()
    paragraph.add_run("万元，占本年支出合计的6.00%。")
    path = tmp_path / "soft.docx"
    document.save(path)
    findings = [f for f in audit_file(str(path), [r for r in load_rules() if r.id == "DRV001"]).findings]
    assert findings and all("\n" not in f.message and "\n" not in (f.formula or "") for f in findings)
    assert "住房公积金" in findings[0].formula
