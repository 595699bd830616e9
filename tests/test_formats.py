"""Acceptance 2 and 3: every format and encoding of one form yields the same typed tables."""
from __future__ import annotations

import pytest

from auditor.examples import document_from_text
from auditor.ingest import ReadError, load
from auditor.tables.typed import typed_tables

from fixtures import forms

SCORE_FIELDS = ("level1", "level2", "indicator", "target", "actual", "weight", "score")
EXECUTION_FIELDS = ("initial_budget", "budget", "executed", "weight", "rate", "score")


def typed_summary(doc) -> dict:
    out = {}
    for t in typed_tables(doc):
        if t.type == "performance_scores":
            out["scores"] = [tuple(getattr(r, f) for f in SCORE_FIELDS) for r in t.records]
            out["total"] = (t.totals["weight"].text, t.totals["score"].text)
        elif t.type == "budget_execution":
            out["execution"] = [tuple(getattr(r, f) for f in EXECUTION_FIELDS) for r in t.records]
    return out


@pytest.fixture
def text_version(tmp_path):
    path = tmp_path / "form.txt"
    forms.write_txt(path)
    return typed_summary(load(path))


def test_text_version_reads_the_form(text_version):
    assert len(text_version["scores"]) == len(forms.INDICATORS)
    assert text_version["scores"][1][0] == "产出指标（50分）"  # merged first cell carried down
    assert text_version["total"] == ("100", "100")
    assert [str(v) for v in text_version["execution"][0]] == ["500", "480", "360", "10", "75.00", "10"]


@pytest.mark.parametrize("suffix,writer", [
    (".docx", forms.write_docx), (".xlsx", forms.write_xlsx), (".pdf", forms.write_pdf),
    (".md", forms.write_txt)])
def test_other_formats_yield_the_same_typed_tables(tmp_path, text_version, suffix, writer):
    path = tmp_path / f"form{suffix}"
    writer(path)
    doc = load(path)
    assert typed_summary(doc) == text_version
    table = doc.tables[0]
    assert table.unit == "万元"


def test_gb18030_copy_reads_identically(tmp_path):
    utf8, gb = tmp_path / "utf8.txt", tmp_path / "gb.txt"
    forms.write_txt(utf8)
    forms.write_txt(gb, encoding="gb18030")
    a, b = load(utf8), load(gb)
    assert a.text == b.text and a.meta == b.meta
    assert typed_summary(a) == typed_summary(b)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encodings(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    forms.write_txt(path, encoding=encoding)
    assert typed_summary(load(path))["total"] == ("100", "100")


def test_undecodable_text_gets_a_clear_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(bytes(range(128, 256)) * 20)
    with pytest.raises(ReadError, match="编码"):
        load(path)


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "为空"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "Word"),
    ("broken.pdf", b"%PDF-1.4 garbage", "PDF"),
    ("broken.xlsx", b"nonsense", "Excel"),
    ("notes.rtf", b"{\\rtf1}", "不支持"),
])
def test_bad_files_raise_read_errors(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=message):
        load(path)


def test_scanned_pdf_without_text_layer_is_named(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 200, 200, fill=1)
    page.save()
    with pytest.raises(ReadError, match="文字层"):
        load(path)


def test_html_tables_with_spans(tmp_path):
    path = tmp_path / "form.html"
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in forms.ROWS)
    path.write_text(f"<html><body><h1>{forms.TITLE}</h1><p>{forms.UNIT}</p><table>{rows}</table>"
                    "<script>alert(1)</script></body></html>", encoding="utf-8")
    doc = load(path)
    assert "alert" not in doc.text
    assert typed_summary(doc)["total"] == ("100", "100")


def test_the_html_marks_figures_not_years_dates_or_document_numbers():
    from auditor.report.html_report import highlight_numbers

    marked = str(highlight_numbers("某局2024年度支出总计0.3万元，依据〔2023〕12号文，3月31日完成98.5%"))
    assert "<mark>0.3万元</mark>" in marked and "<mark>98.5%</mark>" in marked
    assert "<mark>2024" not in marked and "<mark>2023" not in marked and "<mark>12" not in marked
    assert "<mark>3" not in marked


def test_an_html_block_is_found_by_its_place(tmp_path):
    """The parser's events carry no source line: each block is numbered 第N段 as in Word."""
    from auditor.ingest import load

    path = tmp_path / "r.html"
    path.write_text("<h1>某局2025年度部门决算</h1><p>第一段。</p><table><tr><td>项目</td><td>金额</td></tr>"
                    "<tr><td>合计</td><td>1.00</td></tr></table><p>第三段。</p>", encoding="utf-8")
    doc = load(str(path))
    assert [(b.kind, b.loc.paragraph) for b in doc.blocks] == [("heading", 1), ("paragraph", 2), ("table", 3),
                                                               ("paragraph", 4)]
    assert doc.tables[0].rows[1][1].loc.describe() == "第3段 · 第1张表 第2行第2列"


def test_a_table_laying_out_an_html_page_is_the_page(tmp_path):
    """An old site template wraps the report in <table><tr><td>: the frame's text is the page's
    paragraphs and headings, and the tables inside it are the tables, each titled by its lines."""
    path = tmp_path / "r.html"
    path.write_text("<table><tr><td>首页 &gt; 信息公开</td></tr><tr><td><h2>一、收入支出决算总表</h2>"
                    "<p>单位：万元</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr>"
                    "</table><p>二、说明</p><p>本年收入1.00万元。</p></td></tr></table>", encoding="utf-8")
    doc = load(str(path))
    assert [(b.kind, b.text.splitlines()[0]) for b in doc.blocks] == [
        ("paragraph", "首页 > 信息公开"), ("heading", "一、收入支出决算总表"), ("paragraph", "单位：万元"),
        ("table", "项目\t金额"), ("heading", "二、说明"), ("paragraph", "本年收入1.00万元。")]
    assert doc.tables[0].rows[1][1].text == "1.00"


def test_a_table_inside_a_grid_of_figures_leaves_the_grid_a_table(tmp_path):
    """A small table in a cell of a form (or in a header cell spanning it) is read as a table of its
    own; the form stays a table, its rows as they stand."""
    path = tmp_path / "r.html"
    path.write_text("<table><tr><td colspan='3'><table><tr><td>公开01表</td><td>单位：万元</td></tr></table></td></tr>"
                    "<tr><td>项目</td><td>分值</td><td>得分</td></tr><tr><td>产出</td><td>50</td>"
                    "<td><table><tr><td>48</td></tr></table></td></tr></table>", encoding="utf-8")
    doc = load(str(path))
    form = max(doc.tables, key=lambda t: len(t.rows))
    assert [[c.text for c in row] for row in form.rows] == [["项目", "分值", "得分"], ["产出", "50", ""]]


def test_one_html_cell_framing_paragraphs_is_no_table(tmp_path):
    path = tmp_path / "r.html"
    path.write_text("<table><tr><td><h2>一、概况</h2><p>本局内设科室3个。</p></td></tr></table>"
                    "<table><tr><td><p>项目</p></td><td><p>金额</p></td></tr><tr><td><p>合</p><p>计</p></td>"
                    "<td><p>1.00</p></td></tr></table>", encoding="utf-8")
    doc = load(str(path))
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "table"]
    assert doc.tables[0].rows[1][0].text == "合计"  # (a Word export's <p> in each cell: a data table still)


def test_a_row_of_a_tables_code_and_unit_is_a_line_above_it(tmp_path):
    """A page laying out 公开07表 | 金额单位：万元 in a grid of its own: the table below is titled by
    the heading above and carries the unit."""
    path = tmp_path / "r.html"
    path.write_text("<h2>“三公”经费支出决算表</h2><table><tr><td>公开07表</td><td>金额单位：万元</td></tr></table>"
                    "<table><tr><td>项目</td><td>决算数</td></tr><tr><td>合计</td><td>12.46</td></tr></table>",
                    encoding="utf-8")
    doc = load(str(path))
    assert [(t.title, t.unit) for t in doc.tables] == [("“三公”经费支出决算表", "万元")]


def test_an_html_caption_titles_its_table(tmp_path):
    """<caption> is HTML's own table title: the table is titled by it, not by the heading above."""
    path = tmp_path / "r.html"
    path.write_text("<h2>第二部分 决算报表</h2><table><caption> 财政拨款支出表 </caption>"
                    "<tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td>1.00</td></tr></table>",
                    encoding="utf-8")
    doc = load(str(path))
    assert doc.tables[0].title == "财政拨款支出表"
    assert "财政拨款支出表" not in [c.text for row in doc.tables[0].rows for c in row]


def test_a_title_and_unit_in_a_table_s_own_first_rows_title_it(tmp_path):
    """A web page's table printing its title and unit in merged rows atop its grid: the table is
    titled by them and its header is its first row, so its totals are checked."""
    path = tmp_path / "r.html"
    path.write_text("<p>某局2026年部门预算</p><table border=1>"
                    "<tr><td colspan=4>表1 收支预算总表</td></tr><tr><td colspan=4>单位：万元</td></tr>"
                    "<tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>"
                    "<tr><td>一、一般公共预算拨款收入</td><td>900.00</td><td>一、一般公共服务支出</td><td>900.00</td></tr>"
                    "<tr><td>本年收入合计</td><td>900.00</td><td>本年支出合计</td><td>900.00</td></tr>"
                    "<tr><td>收入总计</td><td>900.00</td><td>支出总计</td><td>990.00</td></tr></table>",
                    encoding="utf-8")
    doc = load(str(path))
    (table,) = doc.tables
    assert (table.title, table.unit) == ("表1 收支预算总表", "万元")
    assert [c.text for c in table.rows[0]] == ["项目", "预算数", "项目", "预算数"]
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    assert "SUM002" in {f.rule for f in audit_file(str(path), load_rules()).findings}


def test_a_title_and_its_unit_in_two_cells_of_the_first_row_title_the_table(tmp_path):
    """The title in the first cell and 单位：万元 in the last of one row atop the grid (as sheets and
    web pages print a 三公 table): the table is titled by them, its two-level header read below."""
    path = tmp_path / "r.html"
    path.write_text("<table border=1>"
                    "<tr><td colspan=4>表2 “三公”经费财政拨款支出决算表</td><td></td><td>单位：万元</td></tr>"
                    "<tr><td rowspan=2>项目</td><td rowspan=2>合计</td><td rowspan=2>因公出国（境）费</td>"
                    "<td colspan=3>公务用车购置及运行费</td></tr>"
                    "<tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行费</td></tr>"
                    "<tr><td>决算数</td><td>25.60</td><td>0.00</td><td>19.40</td><td>0.00</td><td>18.40</td></tr></table>",
                    encoding="utf-8")
    (table,) = load(str(path)).tables
    assert (table.title, table.unit) == ("表2 “三公”经费财政拨款支出决算表", "万元")
    assert table.rows[0][0].text == "项目"


def test_a_narrative_cell_of_several_lines_is_several_paragraphs(tmp_path):
    """Alt+Enter lines in one cell are the narrative's lines: a title, a heading, a sentence each."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.cell(row=1, column=1, value="某局2023年度部门决算说明\n一、收入支出决算总体情况\n2022年度收入总计100.00万元。")
    path = tmp_path / "n.xlsx"
    book.save(path)
    doc = load(str(path))
    assert [b.text for b in doc.blocks] == ["某局2023年度部门决算说明", "一、收入支出决算总体情况", "2022年度收入总计100.00万元。"]


def test_hidden_rows_and_columns_of_a_sheet_are_not_read(tmp_path):
    """A helper column or row hidden in the published sheet holds no figure of the report."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate([["项目", "基本支出", "项目支出", "调整前数", "合计"], ["一般公共服务支出", 100, 200, 310, 300],
                             ["草稿", 1, 2, 3, 3]], start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    sheet.column_dimensions["D"].hidden = True
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "h.xlsx"
    book.save(path)
    rows = [[c.text for c in row] for row in load(str(path)).tables[0].rows]
    assert rows == [["项目", "基本支出", "项目支出", "", "合计"], ["一般公共服务支出", "100", "200", "", "300"]]


def test_two_forms_stacked_on_one_sheet_are_two_tables(tmp_path):
    import openpyxl

    from auditor.ingest import load

    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate([["项目支出绩效自评表"], ["项目名称", "甲项目"], ["一级指标", "三级指标", "得分"],
                             ["产出指标", "培训人次", 10], [], [], ["项目支出绩效自评表"], ["项目名称", "乙项目"],
                             ["一级指标", "三级指标", "得分"], ["产出指标", "培训人次", 8]], start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    sheet.cell(row=12, column=1, value="填表人：张三")  # one blank row before a note: same form
    path = tmp_path / "forms.xlsx"
    book.save(path)
    doc = load(str(path))
    assert [t.rows[0][1].text for t in doc.tables] == ["甲项目", "乙项目"]
    assert [t.loc.line for t in doc.tables] == [2, 8]


def test_a_form_opening_again_after_one_blank_row_is_a_second_table(tmp_path):
    """Two projects' forms one blank row apart, the second under a line naming only the project
    (or under none): the grid opening as the one before did (项目名称) is the form again."""
    import openpyxl

    from auditor.ingest import load

    for title in (["乙项目"], None):
        book = openpyxl.Workbook()
        sheet = book.active
        rows = [["项目名称", "甲项目"], ["一级指标", "三级指标", "得分"], ["产出指标", "培训人次", 10],
                ["总分", "", 10], [], *([title] if title else []), ["项目名称", "乙项目"],
                ["一级指标", "三级指标", "得分"], ["产出指标", "培训人次", 8]]
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                sheet.cell(row=r, column=c, value=value)
        path = tmp_path / "forms.xlsx"
        book.save(path)
        assert [t.rows[0][1].text for t in load(str(path)).tables] == ["甲项目", "乙项目"]


def test_a_header_row_repeated_after_one_blank_row_goes_on_with_the_table(tmp_path):
    import openpyxl

    from auditor.ingest import load

    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["项目名称", "乡镇", "分配金额"], ["道路养护", "东镇", 120], ["道路养护", "西镇", 80], [],
            ["项目名称", "乡镇", "分配金额"], ["河道保洁", "东镇", 60], ["河道保洁", "西镇", 40], ["合计", "", 300]]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    path = tmp_path / "one.xlsx"
    book.save(path)
    assert len(load(str(path)).tables) == 1


def test_tables_one_blank_row_apart_under_their_titles_are_two_tables(tmp_path):
    """A 决算 sheet stacking its tables one blank row apart: a line naming a table (…决算表,
    单位：万元) after the blank row starts the next one; a note after one blank row does not."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate([["收入支出决算总表"], ["单位：万元"], ["项目", "金额"], ["本年收入合计", 120.5], [],
                             ["收入决算表"], ["单位：万元"], ["项目", "财政拨款收入", "其他收入"],
                             ["合计", 100.5, 20], [], ["注：本表反映本年度收入。"]], start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    path = tmp_path / "tables.xlsx"
    book.save(path)
    doc = load(str(path))
    assert [t.title for t in doc.tables] == ["收入支出决算总表", "收入决算表"]
    assert [len(t.rows) for t in doc.tables] == [2, 2]


def test_a_table_cut_by_a_page_break_is_read_back_as_one():
    from auditor.ingest.build import join_continued_tables
    from auditor.ingest.raw import RawBlock, RawCell

    def table(page, rows):
        return RawBlock("table", rows=[[RawCell(t, page=page) for t in row] for row in rows], page=page)

    head = ["项目", "全年预算数", "实际支出数"]
    first = table(1, [head, ["合计", "10.00", "9.00"], ["基本支出", "6.00", "5.50"]])
    caption = RawBlock("para", text="续表1", page=2)
    second = table(2, [head, ["项目支出", "4.00", "3.50"]])
    joined = join_continued_tables([first, caption, second])
    assert len(joined) == 1 and [c.text for c in joined[0].rows[-1]] == ["项目支出", "4.00", "3.50"]
    assert len(joined[0].rows) == 4 and joined[0].rows[-1][0].page == 2
    # another table on the next page, with its own header and no 续表 line, stays apart
    other = table(2, [["指标", "目标值", "完成值"], ["培训人次", "100", "120"]])
    assert len(join_continued_tables([table(1, [head, ["合计", "1", "1"]]), other])) == 2


def test_a_part_under_continued_lines_giving_the_unit_in_other_words_is_joined():
    """The first part's unit told in its 编制单位 line (编制单位：某局　单位：万元), the rest's in a unit line
    under 续表, or in the form's number line again (公开03表　单位：万元): the same unit, one table."""
    from auditor.ingest.build import join_continued_tables
    from auditor.ingest.raw import RawBlock, RawCell

    def table(page, rows):
        return RawBlock("table", rows=[[RawCell(t, page=page) for t in row] for row in rows], page=page)

    head = ["科目编码", "科目名称", "本年支出合计"]
    for above, under in (("编制单位：某市自然资源和规划局\t\t单位：万元", "单位：万元"),
                         ("公开03表　单位：万元", "公开03表　单位：万元")):
        parts = [RawBlock("para", text="支出决算表", page=1), RawBlock("para", text=above, page=1),
                 table(1, [head, ["", "合计", "15.00"], ["201", "一般公共服务支出", "10.00"]]),
                 RawBlock("para", text="续表", page=2), RawBlock("para", text=under, page=2),
                 table(2, [head, ["221", "住房保障支出", "5.00"]])]
        joined = [b for b in join_continued_tables(parts) if b.kind == "table"]
        assert len(joined) == 1 and [c.text for c in joined[0].rows[-1]] == ["221", "住房保障支出", "5.00"], above
    # another unit under 续表 says another table
    other = [RawBlock("para", text="编制单位：某局　单位：万元", page=1), table(1, [head, ["201", "一般公共服务支出", "10.00"]]),
             RawBlock("para", text="续表", page=2), RawBlock("para", text="单位：元", page=2),
             table(2, [head, ["221", "住房保障支出", "50,000.00"]])]
    assert len([b for b in join_continued_tables(other) if b.kind == "table"]) == 2


def test_a_continuation_named_by_its_table_number_under_its_unit_line_is_joined():
    """表2（续） and the repeated 单位：万元 between the parts; in a format without pages the 续 line
    alone says so. A unit line alone between two tables joins nothing."""
    doc = document_from_text("某局2024年度部门决算说明\n表2 支出决算明细表\n单位：万元\n科目编码\t科目名称\t合计\n"
                             "208\t社会保障和就业支出\t600.00\n20828\t退役军人管理事务\t300.00\n"
                             "表2（续）\n单位：万元\n科目编码\t科目名称\t合计\n20809\t退役安置\t300.00\n"
                             "\t合计\t600.00\n")
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 5
    apart = document_from_text("某局2024年度部门决算说明\n表1 收入表\n单位：万元\n项目\t金额\n财政拨款\t10.00\n"
                               "单位：万元\n项目\t金额\n项目支出\t4.00\n")
    assert len(apart.tables) == 2


@pytest.mark.parametrize("notice, title", [
    ("（续表见下页）", "表2 支出决算明细表（续表）（单位：万元）"),
    ("续下页", "表2 支出决算明细表（续）"),
    ("", "接上表"),
])
def test_a_continuation_said_by_the_first_part_s_notice_or_the_second_part_s_title_is_joined(notice, title):
    """The first part's notice that it goes on (续表见下页, 续下页) or the second part's title saying it
    is the rest (表2 …（续表）（单位：万元）, 接上表): one table, whose 合计 sums both parts."""
    doc = document_from_text("某局2024年度部门决算说明\n表2 支出决算明细表（单位：万元）\n科目编码\t科目名称\t合计\n"
                             "208\t社会保障和就业支出\t600.00\n20828\t退役军人管理事务\t300.00\n"
                             + (notice + "\n" if notice else "") + title + "\n科目编码\t科目名称\t合计\n"
                             "20809\t退役安置\t300.00\n\t合计\t600.00\n")
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 5


def test_a_report_with_no_year_in_its_title_is_of_the_year_its_stock_is_dated():
    """截至2024年底…，2027年全面建成: the plan's year casts no vote over the stock's date."""
    import tempfile, pathlib

    from auditor.ingest import load

    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "供水.txt"
        path.write_text("某县供水工程建设情况\n截至2024年底累计完成投资2.3亿元，2027年全面建成。\n", encoding="utf-8")
        assert load(str(path)).meta["report_year"] == 2024


def test_a_table_takes_the_unit_stated_above_it_not_the_table_before(tmp_path):
    """单位：万元 / table / 单位：元 / table: the second table is in 元; a unit line above a table is
    never read past another table (nor, in a workbook, past the sheet's start)."""
    doc = document_from_text("某局2025年度部门决算\n单位：万元\n项目\t金额\n基本支出\t38.60\n"
                             "单位：元\n项目\t金额\n公务接待费\t386000.00\n")
    assert [t.unit for t in doc.tables] == ["万元", "元"]
    import openpyxl

    workbook = openpyxl.Workbook()
    first = workbook.active
    for r, row in enumerate([["编制单位：某局", "", "单位：万元"], ["项目", "金额", ""], ["基本支出", 38.6, ""]], 1):
        for c, value in enumerate(row, 1):
            first.cell(r, c, value or None)
    second = workbook.create_sheet("二")
    for r, row in enumerate([["项目", "金额"], ["公务接待费", 386000]], 1):
        for c, value in enumerate(row, 1):
            second.cell(r, c, value)
    path = tmp_path / "units.xlsx"
    workbook.save(str(path))
    assert [t.unit for t in load(str(path)).tables] == ["万元", None]


def test_markdown_headings_and_blockquotes_keep_their_lines(tmp_path):
    """A blockquote's marker is markup; a line of spaced words before a heading is no wrapped start
    of the heading: the heading and the paragraph under it keep their own lines and sections."""
    from auditor.ingest import load
    from auditor.model import Heading

    report = tmp_path / "评价.md"
    report.write_text("# 某县2024年度农村供水保障项目绩效评价报告\n\n> 评价机构：某会计师事务所　　委托方：某县财政局\n\n"
                      "## 一、项目概况\n\n本次评价对象为2024年度农村供水保障项目，项目资金2,650.00万元。\n", encoding="utf-8")
    blocks = load(str(report)).blocks
    assert [(type(b).__name__, b.loc.line, b.text) for b in blocks[1:3]] == [
        ("Paragraph", 3, "评价机构：某会计师事务所　　委托方：某县财政局"), ("Heading", 5, "一、项目概况")]
    assert (blocks[3].loc.line, blocks[3].loc.section) == (7, "一、项目概况")
    assert isinstance(blocks[2], Heading)


def test_a_sheet_s_numbered_parts_are_tables_of_their_own(tmp_path):
    """一、收入规划 and 二、支出规划 on one sheet, a blank row between, the second repeating the first's
    header: two tables, each its part's title, so each part's 合计 is its own rows' total."""
    import openpyxl

    from auditor.ingest import load

    wb = openpyxl.Workbook()
    ws = wb.active
    rows = [["某市2026—2028年中期财政规划"], ["单位：万元"], ["一、收入规划"], ["项目", "2026年", "2027年"],
            ["税收收入", "222100.00", "232500.00"], ["一般公共预算收入合计", "222100.00", "232500.00"], [],
            ["二、支出规划"], ["项目", "2026年", "2027年"], ["教育支出", "100200.00", "103800.00"],
            ["一般公共预算支出合计", "100200.00", "103800.00"]]
    for row in rows:
        ws.append(row)
    path = tmp_path / "规划.xlsx"
    wb.save(path)
    tables = load(str(path)).tables
    assert [(t.title, len(t.rows)) for t in tables] == [("一、收入规划", 3), ("二、支出规划", 3)]


def test_a_numbered_title_right_under_a_table_over_a_header_opens_another(tmp_path):
    """No blank row between: …合计 | 3, then 二、分月支出 and a row of heads (月份 | 支出): the title a
    heading, the rows under it another table (the heading's number read, so 一、二、三、 runs on)."""
    import openpyxl

    from auditor.ingest import load
    from auditor.model import Heading

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["一、概况"], ["乡镇", "套数"], ["甲镇", 3], ["乙镇", 2], ["合计", 5], ["二、分月支出"],
                ["月份", "支出"], ["1月", 5], ["三、问题"]]:
        ws.append(row)
    path = tmp_path / "分表.xlsx"
    wb.save(path)
    doc = load(str(path))
    assert [(t.title, len(t.rows)) for t in doc.tables] == [("一、概况", 4), ("二、分月支出", 2)]
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、概况", "二、分月支出", "三、问题"]


def test_group_rows_numbered_inside_a_table_stay_its_rows(tmp_path):
    """一、产出指标 and 二、效益指标 as group rows of one indicator table, no blank row between: the
    second is the table's next group, though a row of words (社会效益 | 群众知晓度 | 明显提升) follows it."""
    import openpyxl

    from auditor.ingest import load

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["某局2024年度项目支出绩效自评表"], ["一级指标", "三级指标", "年度指标值", "实际完成值"], ["一、产出指标"],
                ["数量指标", "培训人数", "≥100人", "120人"], ["二、效益指标"], ["社会效益", "群众知晓度", "明显提升", "明显提升"]]:
        ws.append(row)
    path = tmp_path / "指标.xlsx"
    wb.save(path)
    tables = load(str(path)).tables
    assert [len(t.rows) for t in tables] == [5]


def test_a_sheet_s_numbered_part_with_a_header_of_its_own_is_another_table(tmp_path):
    """A blank row, 四、绩效目标完成情况 and a row of heads of its own (指标 | 年度目标值 | …) under a
    table: another table, whose rates are not read as the table above's amounts; 一、基本支出 over
    rows of figures goes on with the table it stands in."""
    import openpyxl

    from auditor.ingest import load

    wb = openpyxl.Workbook()
    ws = wb.active
    rows = [["表3 生均公用经费核拨情况"], ["学段", "生均标准（元）", "学生数（人）", "核拨金额（万元）"],
            ["小学", 800, 12000, 960.00], ["初中", 1000, 6000, 600.00], ["合计", None, 18000, 1560.00], [],
            ["四、绩效目标完成情况"], ["指标", "年度目标值", "实际完成值", "完成率（%）"],
            ["义务教育巩固率（%）", 97, 98.2, 101.24], [],
            ["一、基本支出"], ["人员经费", 820.00, 812.50, 99.09]]
    for row in rows:
        ws.append(row)
    path = tmp_path / "自评.xlsx"
    wb.save(path)
    tables = load(str(path)).tables
    assert [(t.title, len(t.rows)) for t in tables] == [("表3 生均公用经费核拨情况", 4),
                                                        ("四、绩效目标完成情况", 4)]
    assert tables[1].rows[0][0].text == "指标" and tables[1].rows[-1][0].text == "人员经费"


def test_a_web_page_s_navigation_names_no_kind_unit_or_title(tmp_path):
    """A site's path to the page (当前位置：首页 > … > 部门决算), its menus and footer (<nav>,
    <footer>) and its lists of links (相关信息: another year's report) are no part of the report:
    the title, kind and unit are the article's."""
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><nav><a>首页</a><a>政务公开</a></nav>"
        "<div>当前位置：<a>首页</a> &gt; <a>财政预决算</a> &gt; 部门决算</div>"
        "<h1>某县农业农村局2023年度部门整体支出绩效自评报告</h1>"
        "<p>2023年度全年预算2,618.45万元，全年执行2,503.27万元。</p>"
        "<div><h4>相关信息</h4><ul><li><a>某县农业农村局2022年度部门决算公开</a> 2023-05-18</li></ul></div>"
        "<ul><li>本局内设机构5个。</li></ul>"
        "<footer><p>版权所有：某县人民政府办公室</p></footer></body></html>", encoding="utf-8")
    doc = load(path)
    assert (doc.meta["report_type"], doc.meta["unit_name"]) == ("部门整体支出绩效自评", "某县农业农村局")
    assert "2022年度部门决算公开" not in doc.text and "版权所有" not in doc.text and "政务公开" not in doc.text
    assert "本局内设机构5个。" in doc.text  # (a list item of the report's own words stays)


def test_a_line_of_links_outside_any_menu_element_is_the_sites_menu(tmp_path):
    """A menu drawn as a plain <div> of links (首页 | 2023年度部门决算), no <nav>: a line of two links
    or more, links for the most part, names other pages; the report's title is the line after it. A
    line of the report's words holding one link stays."""
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><body><div class='nav'><a href='/a'>首页</a> <a href='/b'>2023年度部门决算</a></div>"
        "<div class='title'>某县水利局2024年度部门决算公开</div>"
        "<p>详见<a href='/c'>附件</a>。2024年度本部门机关运行经费支出120.00万元。</p></body></html>", encoding="utf-8")
    doc = load(path)
    assert (doc.meta["report_year"], doc.meta["unit_name"]) == (2024, "某县水利局")
    assert "首页" not in doc.text and "详见附件。" in doc.text
    # (a title over a line of links in one paragraph stays: links are not counted to the line above)
    path.write_text("<html><body><p>2023年度部门决算说明<br><a>2023年度部门决算公开表</a> <a>附件2</a></p></body></html>",
                    encoding="utf-8")
    assert load(path).blocks[0].text == "2023年度部门决算说明"


def test_a_web_page_s_pager_and_field_line_are_no_words_of_the_report(tmp_path):
    """The links to the articles before and after (上一篇：…2023年度部门决算) are dropped; a line of
    the page's fields (发布时间：…　浏览：1290次　来源：民政局) is one paragraph per field, so no
    count of one opens a list in the next (CNT001 read 1290 个来源 with one listed)."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_pack

    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><h1>某区民政局2024年度部门决算</h1>"
        "<div class='info'>发布时间：2025年06月24日\u3000浏览：<b>1290</b>次\u3000来源：民政局</div>"
        "<p>本部门内设科室3个，分别为办公室、财务科、救助科。</p>"
        "<div class='pager'>上一篇：<a>某区民政局2025年度部门预算</a><br>下一篇：<a>某区图书馆2023年度部门决算</a></div>"
        "</body></html>", encoding="utf-8")
    doc = load(path)
    assert "2023年度部门决算" not in doc.text and "上一篇" not in doc.text
    assert [b.text for b in doc.blocks[1:4]] == ["发布时间：2025年06月24日", "浏览：1290次", "来源：民政局"]
    assert [f.rule for f in audit_file(str(path), load_pack()).findings] == []
    path.write_text(path.read_text(encoding="utf-8").replace("科室3个", "科室4个"), encoding="utf-8")
    assert [f.message for f in audit_file(str(path), load_pack()).findings] == ["文中写 4 个科室，列举了 3 个"]


def test_a_head_of_two_levels_names_each_column_by_its_sub_head(tmp_path):
    """预算数 spanning 年初预算 | 全年预算 in the row below: the execution table's budget is the
    全年预算 column, not the first one under the span."""
    from auditor.tables.typed import typed_tables

    path = tmp_path / "two.html"
    path.write_text(
        "<h1>某局2023年度部门整体支出绩效自评报告</h1><table>"
        "<tr><th rowspan='2'>项目</th><th colspan='2'>预算数</th><th rowspan='2'>全年执行数</th><th rowspan='2'>执行率</th></tr>"
        "<tr><th>年初预算</th><th>全年预算</th></tr>"
        "<tr><td>合计</td><td>2,356.80</td><td>2,618.45</td><td>2,503.27</td><td>95.60%</td></tr></table>",
        encoding="utf-8")
    (typed,) = [t for t in typed_tables(load(path)) if t.type == "budget_execution"]
    assert (typed.columns["initial_budget"], typed.columns["budget"], typed.columns["executed"]) == (1, 2, 3)


def test_a_township_government_is_the_unit_not_an_office_its_narrative_lists(tmp_path):
    """A township's report: the unit is the 人民政府 its title names, not the first office the
    narrative lists after 本部门内设机构5个：."""
    path = tmp_path / "report.txt"
    path.write_text("某镇人民政府2024年度部门整体支出绩效自评报告\n一、部门基本情况\n"
                    "本部门内设机构3个：党政综合办公室、经济发展办公室、社会事务办公室。\n", encoding="utf-8")
    assert load(path).meta["unit_name"] == "某镇人民政府"


def test_the_unit_a_form_line_names_after_its_colon_is_named_without_it(tmp_path):
    """填报单位（盖章）：某县农业农村局 over a project's form: the unit's name, not its colon."""
    path = tmp_path / "report.txt"
    path.write_text("某县2024年度项目支出绩效自评结果\n项目支出绩效自评表\n填报单位（盖章）：某县农业农村局\n"
                    "项目名称\t乡村保洁项目\n年度资金总额\t30.00\n", encoding="utf-8")
    assert load(path).meta["unit_name"] == "某县农业农村局"


def test_a_three_public_table_counting_receptions_beside_their_money_is_read(tmp_path):
    """公务接待费 over 金额 | 接待情况 (批次 | 人次): the counts are no money column, and the table is
    read by its labels (it was refused as unreadable, its identity left unchecked)."""
    from auditor.tables.typed import typed_tables

    path = tmp_path / "sangong.html"
    path.write_text(
        "<h1>某局2024年度部门决算</h1><p>财政拨款“三公”经费支出决算表</p><p>单位：万元</p><table>"
        "<tr><td rowspan='3'>项目</td><td rowspan='3'>合计</td><td rowspan='3'>因公出国（境）费</td>"
        "<td colspan='3'>公务用车购置及运行费</td><td colspan='3'>公务接待费</td></tr>"
        "<tr><td rowspan='2'>小计</td><td rowspan='2'>公务用车购置费</td><td rowspan='2'>公务用车运行费</td>"
        "<td rowspan='2'>金额</td><td colspan='2'>接待情况</td></tr><tr><td>批次（个）</td><td>人次（人）</td></tr>"
        "<tr><td>决算数</td><td>8.41</td><td>1.86</td><td>4.72</td><td>0.00</td><td>4.72</td><td>1.73</td>"
        "<td>13</td><td>92</td></tr></table>", encoding="utf-8")
    (typed,) = [t for t in typed_tables(load(path)) if t.type == "three_public"]
    assert not typed.problems and typed.columns["reception"] == 6
    from auditor.engine import audit_file
    from auditor.ruleset import load_pack
    found = [f for f in audit_file(str(path), load_pack()).findings if f.rule == "SUM003"]
    assert [(f.stated, f.expected) for f in found] == [("决算数“三公”经费合计 8.41", "8.31")]


def test_an_html_line_break_inside_a_sentence_keeps_the_sentence(tmp_path):
    """A <br> after a comma (or in a long line with no closing mark) wraps the sentence; one before
    an item of its own (二、) or after a full stop starts a paragraph. An ordered list's items carry
    the numbers the browser shows."""
    path = tmp_path / "r.html"
    path.write_text("<h1>某局2024年度部门决算说明</h1><p>2024年度收入总计1,200.00万元，<br>比上年增加60.00万元。"
                    "<br>二、支出情况</p><ol><li>项目甲</li><li>项目乙</li></ol>", encoding="utf-8")
    texts = [b.text for b in load(str(path)).blocks]
    assert "2024年度收入总计1,200.00万元，比上年增加60.00万元。" in texts
    assert "二、支出情况" in texts
    assert "1.项目甲" in texts and "2.项目乙" in texts


def test_a_docx_title_printed_only_in_the_page_header_names_the_report(tmp_path):
    """A Word report whose title stands only in the running header (the body opens with 第一部分):
    the header is read atop the body, as a PDF of it prints it, and gives the report its year."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "某县林业站2025年度部门决算说明"
    document.add_paragraph("第一部分 部门概况")
    document.add_paragraph("截至2025年底，本站在职人员12人。")
    path = tmp_path / "header.docx"
    document.save(path)
    doc = load(path)
    assert doc.blocks[0].text == "某县林业站2025年度部门决算说明"
    assert doc.meta["report_year"] == 2025
    # a body opening with its own title keeps it as the title: the header repeats it
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "某县林业站"
    document.add_paragraph("某县林业站2024年度部门决算说明")
    document.add_paragraph("截至2024年底，本站在职人员12人。")
    document.save(path)
    assert load(path).meta["report_year"] == 2024
    # …and a header naming a series (2025年度部门决算) is no line of a body that has its own title
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "2025年度部门决算"
    document.add_paragraph("某区档案馆2024年度部门决算说明")
    document.add_paragraph("截至2024年底，本馆在职人员12人。")
    document.save(path)
    doc = load(path)
    assert doc.blocks[0].text == "某区档案馆2024年度部门决算说明"
    assert doc.meta["report_year"] == 2024 and doc.meta["unit_name"] == "某区档案馆"


@pytest.mark.parametrize("unit_line", ["", "<div>单位：万元</div>"])
def test_an_html_table_printed_in_two_parts_with_its_caption_and_page_number_between_is_one(tmp_path, unit_line):
    """An .html export of a printed table: the first part, 第 3 页 共 8 页, the caption again (its
    unit line under it too) and the header again over the rest; one table, whose 合计 sums both
    parts. A table under the same caption with another header stays apart."""
    head = "<tr><th>项目名称</th><th>年初预算数</th><th>决算数</th></tr>"
    part = "<div>某馆2024年度部门决算 项目支出明细表</div>" + unit_line + "<table>" + head + "{rows}</table>"
    html = ("<html><body>" + part.format(rows="<tr><td>文化活动</td><td>500.00</td><td>480.00</td></tr>")
            + "<div>第 3 页 共 8 页</div>"
            + part.format(rows="<tr><td>图书采购</td><td>100.00</td><td>90.00</td></tr>"
                               "<tr><td>合计</td><td>600.00</td><td>570.00</td></tr>") + "</body></html>")
    path = tmp_path / "split.html"
    path.write_text(html, encoding="utf-8")
    doc = load(str(path))
    assert len(doc.tables) == 1 and [c.text for c in doc.tables[0].rows[-1]] == ["合计", "600.00", "570.00"]
    other = html.replace(head, "<tr><th>指标</th><th>目标值</th><th>完成值</th></tr>", 1)
    path.write_text(other, encoding="utf-8")
    assert len(load(str(path)).tables) == 2


def test_filled_hidden_rows_are_left_out_and_said_so(tmp_path):
    """A row hidden between two shown rows of a table, and a filled row hidden under it: the sheet
    does not say whether its 合计 holds them, so both are left out as the published sheet shows
    them, and the reader says so (a note among the parts not read, naming the rows)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate([["项目", "决算数"], ["水电费", 12], ["印刷费", 10], ["差旅费", 8], ["合计", 30],
                             ["草稿", 99]], start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[6].hidden = True
    path = tmp_path / "folded.xlsx"
    book.save(path)
    doc = load(str(path))
    assert [c.text for c in doc.tables[0].rows[2]] == ["差旅费", "8"] and len(doc.tables[0].rows) == 4
    assert len(doc.notes) == 1 and "第3行、第6行" in doc.notes[0]


def test_a_hidden_row_a_sum_formula_adds_up_is_read(tmp_path):
    """=SUM(B2:B4) over a hidden row with no shown row right under it: Excel's total holds it, so
    the reader reads it."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate([["项目", "决算数"], ["水电费", 12], ["印刷费", 10]], start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    sheet.cell(row=4, column=1, value="差旅费")
    sheet.cell(row=4, column=2, value=8)
    sheet.cell(row=6, column=1, value="合计")
    sheet.cell(row=6, column=2, value="=SUM(B2:B4)")
    sheet.row_dimensions[4].hidden = True
    path = tmp_path / "summed.xlsx"
    book.save(path)
    doc = load(str(path))
    assert any(["差旅费", "8"] == [c.text for c in row] for t in doc.tables for row in t.rows)
    assert not any("隐藏行" in note for note in doc.notes)


def test_a_tables_unit_told_in_the_note_under_it():
    """No unit above a table, its note under it telling it (备注：金额单位为元。; 注：以万元为单位): the
    table's unit; a note telling none leaves it unstated."""
    for note, unit in (("备注：金额单位为元。", "元"), ("注：本表以万元为单位。", "万元"), ("附注：金额单位为元。", "元"),
                       ("注：本表反映本年度支出。", None)):
        doc = document_from_text(f"某局2024年度部门决算说明\n支出决算表\n项目\t决算数\n基本支出\t12,300\n合计\t12,300\n{note}\n")
        assert doc.tables[0].unit == unit, note


def test_a_paragraph_opening_with_its_parts_goes_on_with_the_one_before():
    """其中 / 分别为 opening a paragraph right after one closing a sentence: that paragraph's rest, read
    with it (its sentences after the others), each sentence keeping its own line; a paragraph after a
    heading, or after one not closed by 。, stays its own."""
    doc = document_from_text("某局2024年度部门整体支出绩效自评报告\n年末实有人员52人。\n其中在编人员38人，编外聘用人员14人。\n"
                             "一、基本情况\n其中：行政编制10名。\n")
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    merged = next(p for p in paragraphs if p.text.startswith("年末"))
    assert [s.loc.line for s in merged.sentences] == [2, 3]
    assert merged.text == "年末实有人员52人。其中在编人员38人，编外聘用人员14人。"
    assert any(p.text == "其中：行政编制10名。" for p in paragraphs)


def test_a_part_under_continued_a_blank_page_on_is_joined():
    """续表 over the rest of a table that starts two pages on (a blank page between, as a browser's
    print can leave): one table; with no 续表 line, a table two pages on is another."""
    from auditor.ingest.build import join_continued_tables
    from auditor.ingest.raw import RawBlock, RawCell

    def table(page, rows):
        return RawBlock("table", rows=[[RawCell(t, page=page) for t in row] for row in rows], page=page)

    head = ["科目编码", "科目名称", "本年支出合计"]
    first = table(1, [head, ["", "合计", "15.00"], ["201", "一般公共服务支出", "10.00"]])
    rest = table(3, [head, ["221", "住房保障支出", "5.00"]])
    joined = [b for b in join_continued_tables([first, RawBlock("para", text="续表", page=3), rest]) if b.kind == "table"]
    assert len(joined) == 1 and [c.text for c in joined[0].rows[-1]] == ["221", "住房保障支出", "5.00"]
    # (as wide, its own header, no 续表 line: another table)
    other = table(3, [["项目", "预算数", "决算数"], ["公务接待费", "2.00", "1.80"]])
    assert len([b for b in join_continued_tables([table(1, [head, ["201", "一般公共服务支出", "10.00"]]), other])
                if b.kind == "table"]) == 2


def test_two_tables_side_by_side_on_a_sheet_are_two_tables(tmp_path):
    """Two tables set side by side on one sheet, a blank column between them, the right one under a
    title of its own, each with its own column of labels: two tables, each row's figures in its own;
    a blank spacer column inside one table (figures right of it), or between a 收支总表's two sides
    (no title over the right one), keeps it one."""
    import openpyxl

    from auditor.ingest import load

    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["“三公”经费表", None, None, None, "机关运行经费表", None],
            ["项目", "预算数", "决算数", None, "项目", "决算数"],
            ["合计", 28, 22.47, None, "合计", 41.14],
            ["公务用车运行维护费", 20, 18.35, None, "办公费", 18.6],
            ["公务接待费", 8, 4.12, None, "水电费", 22.54]]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    spacer = book.create_sheet("一张表")
    for r, row in enumerate([["项目", "预算数", None, "决算数", "增减额"], ["", "金额", None, "金额", "金额"],
                             ["合计", 28, None, 22.47, -5.53], ["公务接待费", 8, None, 4.12, -3.88]], start=1):
        for c, value in enumerate(row, start=1):
            spacer.cell(row=r, column=c, value=value)
    summary = book.create_sheet("收支总表")  # (two sides, a spacer column between, no title over the right one)
    for r, row in enumerate([["收入", None, None, "支出", None], ["项目", "金额", None, "项目", "金额"],
                             ["财政拨款收入", 600, None, "基本支出", 400], ["其他收入", 40, None, "项目支出", 240],
                             ["收入总计", 640, None, "支出总计", 640]], start=1):
        for c, value in enumerate(row, start=1):
            summary.cell(row=r, column=c, value=value)
    path = tmp_path / "side.xlsx"
    book.save(path)
    doc = load(str(path))
    grids = [t.grid() for t in doc.tables]
    assert ["公务接待费", "8", "4.12"] in grids[0] and ["水电费", "22.54"] in grids[1]
    assert len(grids) == 4 and grids[2][0][0] == "项目" and grids[2][0][-1] == "增减额"
    assert ["收入总计", "640", "", "支出总计", "640"] in grids[3]
