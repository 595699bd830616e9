"""Text exports: every table layout and export artefact the seeds show, on our own text."""
from __future__ import annotations

from decimal import Decimal

from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.facts.base import fact_base
from auditor.model import Heading, Table


def _tables(text):
    return [b for b in document_from_text(text).blocks if isinstance(b, Table)]


def test_cell_per_line_layout_with_multiline_cells_and_blank_lines_inside_rows():
    text = ("附表\n\n\t一级\n指标\n\t二级指标\n\t分值\n\t得分\n\n\t产出指标\n\n（50分）\n\t数量指标\n\t30\n\n"
            "\t30\n\n\t\n\t质量指标\n\t20\n\t20\n\n\t总分\n\t50\n\t50\n\n\n填表人：某某\n")
    table = _tables(text)[0]
    assert table.grid() == [["一级指标", "二级指标", "分值", "得分"],
                            ["产出指标（50分）", "数量指标", "30", "30"],
                            ["", "质量指标", "20", "20"],
                            ["总分", "50", "50", ""]]


def test_tab_separated_rows_with_merged_leading_cells():
    table = _tables("一级\t二级\t得分\n产出\t数量\t5\n\t质量\t6\n")[0]
    assert table.grid()[2] == ["", "质量", "6"]


def test_markdown_pipes_html_fragments_math_and_bookmarks():
    text = ("[bookmark: _Toc123]一、基本情况\n"
            "| 项目 | 说明 |\n|---|---|\n| 类别 | 01常年性 <input checked=\"\" type=\"checkbox\"/> 02一次性 <input type=\"checkbox\"/> |\n"
            "| 目标 | $\\geq 95\\%$ |\n| 备注 | <p>第一段</p> <p>第二段</p> |\n")
    doc = document_from_text(text)
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "一、基本情况"
    grid = _tables(text)[0].grid()
    assert grid[1][1] == "01常年性 ☑ 02一次性 ☐"
    assert grid[2][1] == "≥95%"
    assert grid[3][1] == "第一段 第二段"


def test_pdf_wraps_inside_amounts_and_spaces_around_numbers_come_back_whole():
    text = ("2024 年度一般公共预算财政拨款支出年初预算为 3411.17万\n\n元，支出决算为 3,200.50 万元，完成年初预算的"
            "94%。\n")
    doc = document_from_text(text)
    facts = [(f.value, f.unit) for f in fact_base(doc).facts]
    assert (Decimal("3411.17"), "万元") in facts and (Decimal("3200.50"), "万元") in facts
    assert doc.meta["report_year"] == 2024


def test_traditional_characters_are_read_as_simplified():
    doc = document_from_text("2024年度部門決算\n項目支出預算數為100萬元。\n")
    assert doc.meta["report_type"] == "部门决算"
    assert "项目支出预算数为100万元" in doc.text


def test_pdf_table_continues_over_a_page_break(tmp_path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Table as RLTable, TableStyle

    from auditor.ingest import load

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rows = [["科目编码", "科目名称", "金额"]] + [[f"2{i:02d}", f"科目{i}", f"{i}.00"] for i in range(1, 90)]
    table = RLTable(rows, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = tmp_path / "long.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    tables = load(path).tables
    assert len(tables) == 1 and len(tables[0].rows) == 90
    assert tables[0].rows[-1][2].text == "89.00" and tables[0].rows[-1][2].loc.page >= 2


def test_columns_laid_out_with_spaces_are_a_table(tmp_path):
    """pdftotext -layout and text copied from a PDF viewer set columns apart by runs of spaces."""
    from auditor.ingest import load

    path = tmp_path / "layout.txt"
    path.write_text("某局2025年度部门决算\n收入支出决算总表\n单位：万元\n"
                    "项目                      决算数      项目                决算数\n"
                    "一般公共预算财政拨款收入    850.40      农林水支出          820.30\n"
                    "本年收入合计                850.40      本年支出合计        820.30\n"
                    "本部门  2025 年度收入合计 850.40 万元。\n", encoding="utf-8")
    doc = load(str(path))
    assert [t.grid() for t in doc.tables] == [[["项目", "决算数", "项目", "决算数"],
                                               ["一般公共预算财政拨款收入", "850.40", "农林水支出", "820.30"],
                                               ["本年收入合计", "850.40", "本年支出合计", "820.30"]]]
    assert doc.blocks[-1].text.startswith("本部门")  # a sentence with a double space stays a sentence


def test_one_row_of_figures_under_a_line_of_heads_laid_out_with_spaces_is_a_table(tmp_path):
    """A project form's one row (项目资金 | 年初预算数 | … | 得分) under its heads, cell for cell: a table
    of one row; a sentence spaced out over a line of two words and a figure stays a sentence."""
    doc = _loaded(tmp_path, "某县2024年度项目支出绩效自评表\n"
                            "项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分\n"
                            "年度资金总额        120.00      120.00      96.00       10   80.0%     10\n"
                            "说明  本年  执行96.00万元。\n")
    assert [t.grid()[1][-2:] for t in doc.tables] == [["80.0%", "10"]]
    assert doc.blocks[-1].text.startswith("说明")


def test_rows_set_apart_by_pipes_without_outer_ones_are_a_table(tmp_path):
    """科目编码 | 科目名称 | 决算数 with no outer pipes and no delimiter row (pasted from a sheet): a
    table, as a Markdown one is; a sentence holding one pipe stays a sentence."""
    from auditor.ingest import load

    path = tmp_path / "pasted.txt"
    path.write_text("某局2024年度基本支出决算表\n科目编码 | 科目名称 | 决算数\n30201 | 办公费 | 12.34\n"
                    "30202 | 印刷费 | 3.20\n\n本年公用经费（含办公费|印刷费）15.54万元。\n", encoding="utf-8")
    doc = load(str(path))
    assert [t.grid() for t in doc.tables] == [[["科目编码", "科目名称", "决算数"], ["30201", "办公费", "12.34"],
                                               ["30202", "印刷费", "3.20"]]]
    assert doc.blocks[-1].text.startswith("本年公用经费")


def test_words_set_apart_by_spaces_without_figures_are_no_table(tmp_path):
    from auditor.ingest import load

    path = tmp_path / "words.txt"
    path.write_text("某局2025年度部门决算\n主要职能  负责全县农业发展规划\n内设机构  办公室  财务股\n", encoding="utf-8")
    assert load(str(path)).tables == []


def test_a_pdf_line_ending_in_a_semicolon_runs_on_unless_an_item_follows():
    from auditor.ingest.text import PDF_TERMINAL, parse_lines

    lines = ["截至2025年12月31日，本部门共有车辆6辆，其中：一般公务用车2辆；执法执勤用车3辆；",
             "特种专业技术用车1辆。",
             "本部门主要职责有以下几项内容，分别说明如下所示：第一项职责；",
             "（二）第二项职责。"]
    assert [b.text for b in parse_lines(lines, PDF_TERMINAL)] == [lines[0] + lines[1], lines[2], lines[3]]
    assert len(parse_lines(lines[:2])) == 2  # a text file's line ending in ；was written so


def test_a_spaced_table_keeps_a_blank_cell_in_its_column_and_prose_stays_prose(tmp_path):
    from auditor.ingest import load

    path = tmp_path / "layout.txt"
    path.write_text("某局2025年度部门决算\n单位：万元\n"
                    "项目                本年决算数      上年决算数\n"
                    "基本支出                 10.00           20.00\n"
                    "项目支出                 30.00\n"
                    "二、  支出决算情况说明\n"
                    "本年支出合计  40.00  万元，其中基本支出  10.00  万元，项目支出\n"
                    "30.00  万元。\n", encoding="utf-8")
    doc = load(str(path))
    assert [t.grid() for t in doc.tables] == [[["项目", "本年决算数", "上年决算数"], ["基本支出", "10.00", "20.00"],
                                               ["项目支出", "30.00", ""]]]
    assert [b.kind for b in doc.blocks[-2:]] == ["heading", "paragraph"]


def test_spaced_columns_are_placed_by_display_width_and_numbered_labels_stay_rows(tmp_path):
    """A reader lines columns up by eye: a Chinese character is two columns wide. A row label
    opening with 一、 is still a row when figures follow it."""
    from auditor.ingest import load

    path = tmp_path / "layout.txt"
    path.write_text("某局2025年度部门决算\n单位：万元\n"
                    "                            本年数      上年数\n"
                    "一般公共预算财政拨款收入    1000.00     900.00\n"
                    "其他收入                    5.00\n"
                    "一、事业收入                300.00      200.00\n", encoding="utf-8")
    grid = load(str(path)).tables[0].grid()
    assert grid[2] == ["其他收入", "5.00", ""]
    assert grid[3] == ["一、事业收入", "300.00", "200.00"]


def test_a_wrapped_caption_line_ends_where_a_spaced_table_begins(tmp_path):
    """A form's caption lines run on without punctuation (主管部门…项目资金（万元）); the table laid
    out with spaces right under them is read as a table, not swallowed into the caption."""
    text = ("某项目2025年度项目支出绩效自评表\n主管部门    某县农业农村局        实施单位    某县农技中心\n"
            "项目资金\n（万元）\n                 年初预算数   全年预算数   全年执行数\n"
            "年度资金总额         120.00       130.00       126.10\n其中：财政拨款       120.00       130.00       126.10\n")
    assert _loaded_grids(tmp_path, text) == [[["", "年初预算数", "全年预算数", "全年执行数"],
                                              ["年度资金总额", "120.00", "130.00", "126.10"],
                                              ["其中：财政拨款", "120.00", "130.00", "126.10"]]]


def _loaded(tmp_path, text: str):
    """The document a text file holding `text` is read into (through the file reader)."""
    path = tmp_path / "layout.txt"
    path.write_text(text, encoding="utf-8")
    return load(str(path))


def _loaded_grids(tmp_path, text: str) -> list:
    """The grids of the tables a text file holding `text` is read into (through the file reader)."""
    return [t.grid() for t in _loaded(tmp_path, text).tables]


def test_radical_characters_of_pdf_text_layers_read_as_the_ideographs_they_stand_for():
    # Noto CJK printed to PDF carries 支 as U+2F40 (Kangxi block) and 长 as U+2ED3 (supplement)
    text = ("\u2f00、收\u2f0a\u2f40出决算总表\n项目\t本年\t上年\t增\u2ed3率\n"
            "基本支出\t110.00\t100.00\t10.00%\n\u2f29计\t110.00\t100.00\t\n")
    doc = document_from_text(text)
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "一、收入支出决算总表"
    grid = _tables(text)[0].grid()
    assert grid[0][3] == "增长率" and grid[2][0] == "小计"


def test_a_caption_numbered_with_a_colon_keeps_its_title_when_it_states_the_unit():
    text = ("表四：一般公共预算财政拨款支出决算表（单位：万元）\n项目\t本年支出\n基本支出\t86.00\n"
            "部门：某局　单位：万元\n项目\t本年支出\n基本支出\t86.00\n")
    first, second = _tables(text)
    assert first.title == "表四：一般公共预算财政拨款支出决算表"
    assert "部门" not in (second.title or "")


def test_an_evaluation_titled_without_a_year_is_of_the_year_it_evaluates():
    doc = document_from_text("某学院实训基地建设项目绩效评价报告\n委托方：某市财政局 报告日期：2025年8月18日\n"
                             "截至评价基准日（2024年12月31日），项目累计支出1,532.18万元。\n")
    assert doc.meta["report_year"] == 2024 and doc.meta["report_type"] == "项目支出绩效自评"


def test_a_kind_of_report_named_in_a_citation_is_not_the_reports_kind():
    """根据2025年度部门预算批复… cites the approved budget; a table of its execution is no plan."""
    cited = document_from_text("某学院2025年度收入预算执行情况表\n本表根据学院2025年度部门预算批复及决算账簿编制。\n")
    assert cited.meta["report_type"] is None
    plan = document_from_text("某学院2026年度部门预算说明\n根据2026年度部门预算批复编制。\n")
    assert plan.meta["report_type"] == "部门预算"


def test_a_year_slip_repeated_at_the_top_does_not_outvote_the_title_and_the_body():
    """A heading and the sentence after it both misprint 2014年度 in a 2024 report: the opening
    lines are split two to one, the title and the text further down settle it."""
    text = ("某馆2024年度部门决算\n第二部分 2014年度部门决算情况说明\n一、2014年度收入、支出决算总计均为100.00万元。\n"
            + "".join(f"（{k}）本馆承担文物保管和陈列展示等职能。\n" for k in "一二三四五六七八九十")
            + "".join(f"{k}、2024年度某项支出{k}0.00万元，较2023年度略有增加。\n" for k in "二三四五六"))
    assert document_from_text(text).meta["report_year"] == 2024


def test_a_statement_on_the_final_accounts_is_read_as_one():
    """决算情况说明 / 决算说明 name a 部门决算 as much as 部门决算 does (its title's year is then checked)."""
    for title in ("某局2024年度决算情况文字说明", "某局2024年度决算说明"):
        assert document_from_text(title + "\n一、部门概况\n").meta["report_type"] == "部门决算"


def _pdf_of_pages(path, pages: list[list[str]]) -> None:
    """A PDF whose pages hold these lines, one under another, as a PDF viewer shows them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    sheet = canvas.Canvas(str(path))
    for lines in pages:
        sheet.setFont("STSong-Light", 10)
        for k, line in enumerate(lines):
            sheet.drawString(50, 800 - 16 * k, line)
        sheet.showPage()
    sheet.save()


def test_pdf_paragraph_cut_by_a_page_break_or_inside_a_number_reads_whole(tmp_path):
    from auditor.ingest import load
    from auditor.model import Paragraph

    path = tmp_path / "cut.pdf"
    _pdf_of_pages(path, [
        ["某市2024年度困难群众救助资金绩效评价报告",
         "评价体系含决策、过程、产出、效益四个一级指标，满分100分，其中：决策15分、过程25"],
        ["分、产出30分、效益30分。",
         "资金按因素法分配，但东山县分配资金470.00万元，实际支出408.",
         "68万元，执行率86.89%，分配额与实际需求存在偏离，扣0.5分。"]])
    doc = load(path)
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    whole = next(p for p in paragraphs if "过程25分、产出30分" in p.text)
    assert whole.text.endswith("效益30分。") and whole.loc.page == 1  # it stays where it started
    assert any("实际支出408.68万元，执行率86.89%" in p.text for p in paragraphs)
    # the parts' points listed after the full marks are what each part is out of, none scored
    points = {f.text: f.measure for f in fact_base(doc).facts if f.unit == "分" and f.loc.page == 1}
    assert {points[t] for t in ("15分", "25分", "30分")} == {"分值"}


def test_a_caption_spaced_after_its_number_is_no_row_of_the_spaced_table_under_it():
    text = ("某局2024年度部门整体支出绩效自评报告\n表3  2024年度部门整体支出绩效自评得分表\n"
            "一级指标  二级指标  三级指标          分值  得分\n"
            "决策      项目立项  绩效目标合理性    5     5.00\n"
            "过程      资金管理  预算执行率        5     4.20\n")
    table = _tables(text)[0]
    assert table.title == "表3  2024年度部门整体支出绩效自评得分表"
    assert table.grid()[0] == ["一级指标", "二级指标", "三级指标", "分值", "得分"]


def test_an_annex_line_opens_a_section_of_its_own():
    """What follows 附件 2 is the annex's: a table there is not under the last numbered heading
    (一、下一步工作打算, a plan's section, whose figures would read as targets)."""
    doc = document_from_text(
        "某局2024年度部门整体支出绩效自评报告\n一、下一步工作打算\n继续加强预算管理。\n"
        "附件 2\n项目支出绩效自评表\n指标\t分值\t得分\n产出\t50\t48\n效益\t50\t46\n"
        "详见附件2。\n", "annex.txt")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.loc.section == "附件 2"
    last = doc.blocks[-1]
    assert last.text == "详见附件2。" and last.loc.section == "附件 2"  # (a mention opens nothing)


def test_a_numbered_title_closed_by_a_full_stop_heads_what_follows_and_a_list_item_does_not():
    doc = document_from_text(
        "某中心2024年度部门整体支出绩效自评报告\n一、部门概况\n（一）部门基本情况。\n（1）主要职能\n"
        "1.为交易平台提供运行服务。\n2.为市场主体提供咨询服务。\n（二）部门整体支出规模、使用方向和主要内容等。\n"
        "本年支出2,403.13万元。\n")
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["一、部门概况", "（一）部门基本情况。", "（1）主要职能",
                        "（二）部门整体支出规模、使用方向和主要内容等。"]
    assert doc.blocks[-1].loc.section == "（二）部门整体支出规模、使用方向和主要内容等。"


def test_a_short_row_of_an_unpadded_spaced_table_keeps_its_figures_under_the_figure_columns(tmp_path):
    """Columns set apart by two spaces, not padded into line: the 合计 row, its name cell left
    blank, would stand its figures one column left by position alone."""
    from auditor.ingest import load

    path = tmp_path / "layout.txt"
    path.write_text("某局2025年部门预算\n单位：万元\n"
                    "科目编码  科目名称  上年预算数  本年预算数  增减额\n"
                    "合计    300.00  330.00  30.00\n"
                    "201  一般公共服务支出  120.00  130.00  10.00\n"
                    "208  社会保障和就业支出  180.00  200.00  20.00\n", encoding="utf-8")
    [table] = load(str(path)).tables
    assert table.grid()[1] == ["合计", "", "300.00", "330.00", "30.00"]


def test_a_list_closed_by_full_stops_stays_items_up_to_its_last_one_before_text():
    """The last item of a list is followed by text, as a title is: the list's first item decides
    (followed by its sibling, or announced by a sentence ending in ：), so the count still sees three."""
    doc = document_from_text(
        "某中心2024年度部门整体支出绩效自评报告\n（一）主要职能\n本中心主要职能有以下3项：\n"
        "1.负责交易平台运行维护。\n2.负责进场交易见证服务。\n3.承办区政府交办的其他事项。\n"
        "本年支出800.00万元。\n")
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["（一）主要职能"]
    assert doc.blocks[-1].loc.section == "（一）主要职能"


def test_a_short_row_with_fewer_figures_than_figure_columns_keeps_them_as_they_come(tmp_path):
    from auditor.ingest import load

    path = tmp_path / "layout.txt"
    path.write_text("某站2024年度部门决算\n单位：万元\n序号  项目            本年数      上年数\n"
                    "1     办公费          20.00       18.00\n2     差旅费          10.00       12.00\n"
                    "3     培训费  5.00\n合计                  35.00       30.00\n", encoding="utf-8")
    [table] = load(str(path)).tables
    assert table.grid()[3] == ["3", "培训费", "5.00", ""]


def test_a_menu_or_contents_line_above_the_title_is_not_the_title():
    """A web page's menu path, 目录 or 附件2 above the title: the title is the line naming a kind of
    report with its year; its year and unit are the report's (not last year's year-end date)."""
    body = "某区文化馆2026年部门预算公开说明\n一、部门基本情况\n截至2025年12月31日，本馆编制人数36人。\n"
    for first in ("首页 > 政务公开 > 财政信息 > 部门预算", "目  录", "附件2"):
        meta = document_from_text(first + "\n" + body).meta
        assert (meta["report_year"], meta["unit_name"]) == (2026, "某区文化馆"), first


# --- rows set apart by single spaces (a borderless PDF table, a text export without layout) -----

SINGLE_SPACED = """某区档案馆2024年度部门决算说明
表1 支出决算表
单位：万元
项目 年初预算 全年预算 决算数
合计 1,175.87 1,201.26 {total}
基本支出 875.87 901.26 890.40
项目支出 300.00 300.00 300.00
2024年度支出决算1,190.40万元，其中基本支出890.40万元，项目支出300.00万元。
"""


def test_rows_apart_by_single_spaces_are_a_table_under_the_header_of_as_many_words(tmp_path):
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    path = tmp_path / "single.txt"
    path.write_text(SINGLE_SPACED.format(total="1,190.40"), encoding="utf-8")
    doc = load(str(path))
    (table,) = doc.tables
    assert [[c.text for c in row] for row in table.rows] == [
        ["项目", "年初预算", "全年预算", "决算数"], ["合计", "1,175.87", "1,201.26", "1,190.40"],
        ["基本支出", "875.87", "901.26", "890.40"], ["项目支出", "300.00", "300.00", "300.00"]]
    # the sentence after the rows is its own, not run on from the last row (300.002024年度…)
    assert doc.blocks[-1].text.startswith("2024年度支出决算")
    rules = load_rules()
    assert not audit_file(str(path), rules).findings
    path.write_text(SINGLE_SPACED.format(total="1,199.40"), encoding="utf-8")
    (finding,) = [f for f in audit_file(str(path), rules).findings if f.severity == "error"]
    assert (finding.location.table, finding.location.row, finding.location.col) == (1, 2, 4)
    assert finding.expected.startswith("1,190.40")


def test_single_spaced_rows_beside_other_rows_of_figures_stay_lines(tmp_path):
    """An indicator row with words after its figures breaks the run: the rows after it would be a
    part of the table read as a whole, their 总分 checked against some of its rows."""
    path = tmp_path / "part.txt"
    path.write_text("表2 项目支出绩效自评表\n"
                    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
                    "产出指标 数量指标 培训人次 500 480 10 9.6 部分培训延期\n"
                    "产出指标 质量指标 合格率 95 96 10 10\n"
                    "效益指标 社会效益 覆盖人数 1000 1200 20 20\n"
                    "总分 100 90\n", encoding="utf-8")
    doc = load(str(path))
    assert not doc.tables
    assert [b.text for b in doc.blocks][-3:] == ["产出指标 质量指标 合格率 95 96 10 10",
                                                  "效益指标 社会效益 覆盖人数 1000 1200 20 20", "总分 100 90"]


def test_parts_of_a_single_spaced_table_a_page_break_cut_are_joined_or_left_as_lines(tmp_path):
    """Joined over a form feed; with a line of unrecognised page furniture between, neither part is
    read as a table (the first part's 合计 is of rows on the next page too)."""
    rows = [f"项目{k} {10 + k}.00 {10 + k}.00" for k in range(6)]
    total = sum(10 + k for k in range(6))
    head = ["表1 项目支出表", "项目 预算数 决算数", f"合计 {total}.00 {total}.00"]
    path = tmp_path / "paged.txt"
    path.write_text("\n".join(head + rows[:3] + ["\f"] + rows[3:]) + "\n", encoding="utf-8")
    (table,) = load(str(path)).tables
    assert len(table.rows) == 1 + 1 + 6
    path.write_text("\n".join(head + rows[:3] + ["打印时间 2025/3/1 10:20", "\f"] + rows[3:]) + "\n",
                    encoding="utf-8")
    doc = load(str(path))
    assert not doc.tables
    assert f"合计 {total}.00 {total}.00" in [b.text for b in doc.blocks]


def test_single_spaced_rows_keep_their_codes_years_and_wrapped_labels_apart(tmp_path):
    """A row's code is a column of its own under 科目编码 (the rows then roll up by code, not all
    into 合计); a header of bare years is the header; a label's wrapped rest is a row of its own."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    path = tmp_path / "codes.txt"
    path.write_text("某局2024年度部门决算\n表2 支出决算表\n单位：万元\n科目编码 科目名称 本年支出合计 基本支出 项目支出\n"
                    "201 一般公共服务支出 700.00 500.00 200.00\n2010101 行政运行 500.00 500.00 0.00\n"
                    "2010102 一般行政管理事务 200.00 0.00 200.00\n205 教育支出 500.00 300.00 200.00\n"
                    "2050201 普通教育 500.00 300.00 200.00\n合计 1,200.00 800.00 400.00\n"
                    "表3 收支对比表\n项目 2023 2024\n基本支出 800.00 850.00\n项目支出 400.00 350.00\n合计 1,200.00 1,200.00\n"
                    "表4 基本支出决算表\n项目 合计 人员经费 公用经费\n工资福利支出 300.00 300.00 0.00\n"
                    "对个人和家庭的补助 20.00 20.00 0.00\n支出\n资本性支出 10.00 0.00 10.00\n合计 330.00 320.00 10.00\n",
                    encoding="utf-8")
    codes, years, wrapped = load(str(path)).tables
    assert [c.text for c in codes.rows[0]] == ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]
    assert [c.text for c in codes.rows[2][:2]] == ["2010101", "行政运行"]
    assert [c.text for c in codes.rows[-1][:3]] == ["", "合计", "1,200.00"]
    assert [c.text for c in years.rows[0]] == ["项目", "2023", "2024"] and len(years.rows) == 4
    assert [c.text for c in wrapped.rows[3]] == ["支出", "", "", ""]
    assert [f for f in audit_file(str(path), load_rules()).findings if f.severity != "info" and f.rule != "PRE001"] == []


def test_single_spaced_rows_beside_a_caption_a_sentence_dash_rows_and_other_minus_signs(tmp_path):
    """A caption above and a sentence below with figures of their own are no rows of the table; a
    row of dashes and rows with a full-width or typographic minus go on with it."""
    path = tmp_path / "edges.txt"
    path.write_text("表 2 支出决算表\n项目 2024年 2025年 增减额\n合计 880.00 860.00 －20.00\n行政运行 600.00 620.00 20.00\n"
                    "机关服务 - - -\n一般行政管理事务 280.00 240.00 −40.00\n"
                    "本年支出合计 860.00 万元，比上年减少 20.00 万元。\n", encoding="utf-8")
    doc = load(str(path))
    (table,) = doc.tables
    assert [c.text for c in table.rows[0]] == ["项目", "2024年", "2025年", "增减额"]
    assert [c.text for c in table.rows[1]] == ["合计", "880.00", "860.00", "-20.00"]
    assert [c.text for c in table.rows[3]] == ["机关服务", "-", "-", "-"]
    assert doc.blocks[-1].text.startswith("本年支出合计")


def test_single_spaced_forms_laid_word_by_word_and_remarks_years_headings_beside_runs(tmp_path):
    """An indicator form's rows of one word a cell lie under its header of as many words; a row
    with a remark after its figures keeps the rows around it lines; counts that look like years
    are rows; a heading between two tables is no wrapped label."""
    path = tmp_path / "forms.txt"
    path.write_text("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
                    "产出指标 数量指标 助餐人次 ≥5000人次 5200人次 50 50\n"
                    "效益指标 社会效益指标 就餐便利度 明显提升 明显提升 40 40\n总分 90 90\n\n"
                    "表5 学生人数表\n学段 2023年 2024年\n小学 1968 2015\n初中 1420 1460\n合计 3388 3475\n\n"
                    "一级指标 二级指标 三级指标 分值 得分 偏差原因\n产出指标 数量指标 培训人次 20 20\n"
                    "效益指标 经济效益指标 亩均增产 20 18 受干旱影响，增产幅度略低于预期\n"
                    "效益指标 社会效益指标 覆盖率 30 30\n满意度指标 满意度 满意度 20 20\n总分 90 88\n\n"
                    "表3 支出表\n项目 决算数 预算数\n合计 300.00 310.00\n一般公共服务支出 300.00 310.00\n"
                    "其中项目支出安排\n档案数字化 100.00 110.00\n库房改造 200.00 200.00\n", encoding="utf-8")
    doc = load(str(path))
    form, counts, *rest = doc.tables
    assert len(form.rows[0]) == 7 and [c.text for c in form.rows[1]][3:] == ["≥5000人次", "5200人次", "50", "50"]
    assert [c.text for c in form.rows[3]] == ["总分", "", "", "", "", "90", "90"]
    assert [c.text for c in counts.rows[0]] == ["学段", "2023年", "2024年"] and len(counts.rows) == 4
    texts = [b.text for b in doc.blocks]
    assert "效益指标 社会效益指标 覆盖率 30 30" in texts and "总分 90 88" in texts
    assert "其中项目支出安排" in texts


def test_a_row_laid_out_with_spaces_keeps_its_columns_beside_a_row_of_dashes():
    """A form's 其中 row names its source in a column of its own and prints — for no points: the
    row above, its name in one cell, still puts each figure under its own head (the dashes hold a
    figure column's place, they make it no column of words)."""
    text = ("某站2025年度项目支出绩效自评表\n单位：万元\n"
            "项目资金（万元）                    年初预算数    全年预算数    全年执行数    分值    执行率    得分\n"
            "年度资金总额                        200.00        215.60        205.46        10      95.30%    9.53\n"
            "其中                当年财政拨款    180.00        195.60        187.26        —       95.74%    —\n")
    grid = _tables(text)[0].grid()
    assert grid[1] == ["年度资金总额", "", "200.00", "215.60", "205.46", "10", "95.30%", "9.53"]
    assert grid[2][0:2] == ["其中", "当年财政拨款"] and grid[2][6] == "95.74%"


def test_a_spaced_table_of_full_width_figures_under_a_caption_line_with_the_forms_code():
    # full-width digits and commas (２，１６６．９５) are figures, not a sentence's commas; a caption
    # line naming the form's code (公开07表) and an item row of dashes keep the table whole
    text = ("某县水务局2024年度部门决算\n"
            "“三公”经费支出决算表\n"
            "部门：某县水务局        2024年度        公开07表        单位：万元\n"
            "项目                     预算数       决算数\n"
            "合计                     ３６．００   ３１．５０\n"
            "1.因公出国（境）费                —            —\n"
            "2.公务用车运行费         ３０．００   ２７．２０\n"
            "3.公务接待费               ６．００     ４．３０\n"
            "\n"
            "2024年度“三公”经费支出决算为３１．５０万元。\n")
    grid = _tables(text)[0].grid()
    assert grid[1][:3] == ["项目", "预算数", "决算数"]
    assert grid[2][:3] == ["合计", "３６．００", "３１．５０"]
    assert grid[3][:3] == ["1.因公出国（境）费", "—", "—"]
    # the last row's figure is not run into the sentence after the blank line
    paragraphs = [b.text for b in document_from_text(text).blocks if not isinstance(b, (Table, Heading))]
    assert "2024年度“三公”经费支出决算为３１．５０万元。" in paragraphs


def test_the_items_of_a_list_a_sentence_announces_stay_items_however_short():
    text = ("某县人民医院2024年度部门整体支出绩效自评报告\n全年主要开展了以下三项工作：\n"
            "（一）推进县域医共体建设，派驻专家\n（二）开展中医适宜技术推广，培训医务人员\n（三）完成急救网络升级改造\n"
            "二、存在的问题\n")
    blocks = document_from_text(text).blocks
    assert not any(isinstance(b, Heading) and b.text.startswith("（三）") for b in blocks)
    assert any(isinstance(b, Heading) and b.text == "二、存在的问题" for b in blocks)  # (another style: a heading)


def test_a_title_closed_by_a_bracketed_note_is_not_run_into_the_line_after_it():
    """某区…项目绩效运行监控报告（1-6月） ends the title as 报告 does: the next line is a paragraph of
    its own (its plan, 计划新建…12,000亩, read on its own line, not under the title's words)."""
    doc = document_from_text("某区2025年高标准农田建设项目绩效运行监控报告（2025年1-6月）\n"
                             "2025年计划新建高标准农田12,000亩，上半年已完成5,400亩。\n")
    texts = [getattr(b, "text", "") for b in doc.blocks]
    assert any(t.startswith("2025年计划新建") for t in texts)


def test_characters_a_reader_never_sees_split_no_number():
    """A soft hyphen or a zero-width space inside a figure (3,0\u00ad68.29, Word's or a web page's) is
    no character of it."""
    from auditor.ingest.cleanup import clean_text

    assert clean_text("支出3,0\u00ad68.29万元\u200b") == "支出3,068.29万元"


def test_a_spaced_form_row_ending_in_a_remark_of_sentences_stays_a_row(tmp_path):
    """A score form laid out with spaces whose last column holds a remark (偏差原因：…；…): the row
    is the table's, so the 总分 row sums every indicator; prose with figures set apart stays prose."""
    doc = _loaded(tmp_path, "三级指标        年度指标值  实际完成值  分值  得分   偏差原因分析及改进措施\n"
                            "培训后就业率    ≥60%        54%         15    13.50  需求偏弱；加强订单式培训\n"
                            "参训人员满意度  ≥90%        93%         15    15\n"
                            "总分                                    30    28.50\n")
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 4
    assert doc.tables[0].grid()[1][-1] == "需求偏弱；加强订单式培训"


def test_a_full_width_line_ending_in_a_semicolon_goes_on_with_its_list():
    """A text export wrapping a paragraph at the page's width: a line ending in ； as wide as the
    wrapped line before it goes on (the list's last item on the next line stays in the paragraph);
    a short line ending in ； ends it."""
    text = ("某局2025年部门预算\n"
            "    2025年收入预算合计6,994.05万元，其中：一般公共预算财政拨款收入4,687.05万元，占67.01%；政府性基\n"
            "    金预算拨款收入1,850.00万元，占26.45%；事业收入291.40万元，占4.17%；其他收入45.60万元，占0.65%；\n"
            "    上年结转120.00万元，占1.72%。\n"
            "    一是保障运转；\n"
            "    二是推进重点项目。\n")
    paragraphs = [b.text for b in document_from_text(text).blocks if not isinstance(b, (Table, Heading))]
    assert any(p.startswith("2025年收入预算合计") and p.endswith("上年结转120.00万元，占1.72%。") for p in paragraphs)
    assert "一是保障运转；" in paragraphs


def test_a_full_width_line_ending_on_a_word_titles_end_with_goes_on():
    """A wrapped paragraph's full-width line that happens to end on 情况 (a word titles end with)
    was cut by the width: the next line goes on with it. A short line so ending, alone, is a title."""
    text = ("某站2024年度部门决算\n"
            "    2024年度“三公”经费财政拨款支出合计12.60万元，较上年减少1.4\n"
            "0万元，下降10.0%，主要原因是严格执行公务接待规定。各项支出的具体情况\n"
            "为：公务接待费4.20万元，公务用车运行维护费8.40万元。\n"
            "公务用车购置及运行维护费支出情况\n"
            "本年未购置公务用车。\n")
    paragraphs = [b.text for b in document_from_text(text).blocks if not isinstance(b, (Table, Heading))]
    assert any(p.endswith("各项支出的具体情况为：公务接待费4.20万元，公务用车运行维护费8.40万元。") for p in paragraphs)
    assert "公务用车购置及运行维护费支出情况" in paragraphs


def test_a_spaced_table_goes_on_over_blank_lines_and_rows_of_a_label_alone():
    """A text export's table laid out with spaces, blank lines between some of its rows and rows
    holding a label alone (nothing received): one table, every row in it, the totals with their rows."""
    pad = " " * 8
    rows = [("项目", "预算数"), ("一、财政拨款收入", "4,687.05"), ("二、事业收入", "291.40"), None,
            ("三、上级补助收入", ""), ("四、附属单位上缴收入", ""), None, ("五、其他收入", "45.60"),
            ("本年收入合计", "5,024.05")]
    lines = ["某局2025年部门预算", "表1 部门收入总表"]
    for row in rows:
        lines.append("" if row is None else f"{pad}{row[0]:<20}{pad}{row[1]:>12}".rstrip())
    tables = _tables("\n".join(lines) + "\n")
    assert len(tables) == 1
    grid = tables[0].grid()
    assert ["三、上级补助收入", ""] in grid and grid[-1] == ["本年收入合计", "5,024.05"]


def test_a_caption_after_a_full_line_ending_in_a_semicolon_is_no_wrapped_text():
    """A table's caption, centred, right after a full-width line ending in ；: the caption starts a
    line of its own (the table keeps its title)."""
    text = ("                              某局2025年部门预算\n\n一、收入预算情况\n"
            "    2025年收入预算合计2,460.00万元，其中：一般公共预算财政拨款收入2,100.00万元，占85.37%；事\n"
            "业收入240.00万元，占9.76%；上年结转120.00万元，占4.88%；具体见表1收入预算总表中各项收入；\n"
            "                                表1 收入预算总表\n"
            "                                                                           单位：万元\n"
            "项目                                  合计          财政拨款收入        事业收入\n"
            "合计                              2,460.00          2,100.00          240.00\n"
            "行政运行                          1,560.00          1,320.00          240.00\n"
            "社会福利                            900.00            780.00\n")
    doc = document_from_text(text)
    assert [t.title for t in doc.tables] == ["表1 收入预算总表"]


def test_an_unnumbered_label_after_a_blank_line_heads_a_section_of_its_own():
    """A spaced table closed by a blank line, then a label alone naming no number of the rows' and
    rows under it: a section of its own, its rows no part of the table above."""
    text = ("某局2025年部门预算\n\n一、基本支出情况\n"
            "    项目                          预算数\n"
            "    合计                          150.00\n"
            "    工资福利支出                  100.00\n"
            "    商品和服务支出                 50.00\n\n"
            "    专项业务\n"
            "    设备购置费                     20.00\n"
            "    信息化运维费                   10.00\n")
    tables = _tables(text)
    assert tables[0].grid()[-1] == ["商品和服务支出", "50.00"]
