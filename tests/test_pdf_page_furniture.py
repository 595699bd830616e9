"""What a PDF's page furniture and font mapping must not do to the document model: a page footer
printed with radical characters (第 5 ⻚ 共 14 ⻚, as Chromium prints Noto CJK) still is furniture,
so a table running over the page break stays one table; ⼾ is read as 户 (NFKC alone makes it the
traditional 戶); and a table's code line with its unit beside it (公开04表　单位：万元) is no title."""
from __future__ import annotations

from auditor.ingest import load
from auditor.ingest.cleanup import clean_text
from auditor.ingest.pdf_layout import _without_page_numbers


def test_a_footer_printed_with_a_radical_for_its_page_word_is_dropped():
    lines = [(18.0, "东湖市⽔⽂监测中⼼2024年度部⻔决算"), (55.0, "收⼊决算表"), (564.7, "第 5 ⻚ 共 14 ⻚")]
    assert [text for _, text in _without_page_numbers(lines)] == ["东湖市⽔⽂监测中⼼2024年度部⻔决算", "收⼊决算表"]


def test_the_door_radical_is_the_simplified_character():
    assert clean_text("受益农⼾数≥3,000⼾，受益农戶3,420戶") == "受益农户数≥3,000户，受益农户3,420户"


def test_a_code_line_with_the_unit_beside_it_leaves_the_title_to_the_line_above(tmp_path):
    report = tmp_path / "决算.txt"
    report.write_text("某中心2024年度部门决算\n财政拨款收入支出决算总表\n公开04表\u3000单位：万元\n"
                      "项目\t决算数\n本年支出合计\t2,201.22\n", encoding="utf-8")
    (table,) = load(str(report)).tables
    assert (table.title, table.unit) == ("财政拨款收入支出决算总表", "万元")


def test_pdfminer_s_font_warnings_stay_off_the_terminal():
    import importlib
    import logging

    importlib.import_module("auditor.ingest.pdf_reader")  # (the reader quiets pdfminer when it is imported)
    assert not logging.getLogger("pdfminer.pdffont").isEnabledFor(logging.WARNING)


def test_a_numbered_line_ending_in_spaced_figures_is_a_table_row_not_a_heading(tmp_path):
    """An unruled table read as text lines (二、事业收入 二、社会保障和就业支出 1,068,576.48): its
    numbered rows are no headings, whose numbering STR001 would hold to the report's outline."""
    from auditor.model import Heading

    report = tmp_path / "决算.txt"
    report.write_text("某校2024年度部门决算\n一、收入支出决算总体情况\n本年收入合计9,126,359.04元。\n"
                      "二、事业收入 二、社会保障和就业支出 1,068,576.48\n1.因公出国（境）费 0.00 0.00\n"
                      "二、支出决算情况\n", encoding="utf-8")
    headings = [b.text for b in load(str(report)).blocks if isinstance(b, Heading)]
    assert headings == ["一、收入支出决算总体情况", "二、支出决算情况"]


def test_a_total_row_alone_atop_the_next_page_is_laid_out_in_the_table_s_columns():
    """总分 | 100 | 97.80 alone on page 2, its label merged over five columns: the form's last row,
    each cell under the column it starts at; a narrower table starting elsewhere stays a table."""
    from auditor.ingest.pdf_layout import _add_table
    from auditor.ingest.raw import RawCell

    heads = ["一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "得分"]
    columns = (40.0, 100.0, 160.0, 260.0, 320.0, 380.0, 420.0)
    blocks = []
    _add_table(blocks, [[RawCell(t, page=1) for t in heads], [RawCell(t, page=1) for t in
                        ["产出", "数量", "里程", "≥20公里", "20公里", "100", "96.80"]]], 1, False, columns)
    _add_table(blocks, [[RawCell(t, page=2) for t in ["总分", "100", "96.80"]]], 2, True, (40.5, 380.0, 419.0))
    _add_table(blocks, [[RawCell(t, page=3) for t in ["填表人", "日期", "电话"]]], 3, True, (60.0, 200.0, 300.0))
    assert len(blocks) == 2 and [c.text for c in blocks[0].rows[-1]] == ["总分", "", "", "", "", "100", "96.80"]


def test_rows_read_from_word_positions_atop_the_next_page_go_on_with_a_ruled_table():
    """The rest of a row whose merged 一级指标 cell the break cut, read from its words' x-ranges
    (no rules around it), then the ruled rest of the table: both go on with the table above, each
    word range under the ruled column it stands in (a mix of the two kinds once failed the file)."""
    from auditor.ingest.pdf_layout import _add_table
    from auditor.ingest.raw import RawCell

    columns = (40.0, 100.0, 160.0, 260.0, 320.0, 380.0, 420.0)
    blocks = []
    _add_table(blocks, [[RawCell(t, page=1) for t in ["一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "得分"]],
                        [RawCell(t, page=1) for t in ["产出", "数量", "场次", "≥30场", "34场", "20", "20.00"]]], 1, False, columns)
    took = _add_table(blocks, [[RawCell(t, page=2) for t in ["时效", "按时完成率", "100%", "100%", "10", "10.00"]]], 2, True,
                      ((102.0, 140.0), (163.0, 200.0), (262.0, 300.0), (322.0, 350.0), (382.0, 395.0), (422.0, 440.0)))
    assert took
    took = _add_table(blocks, [[RawCell(t, page=2) for t in ["总分", "", "", "", "", "30", "30.00"]]], 2, True, columns)
    assert took and len(blocks) == 1
    assert [c.text for c in blocks[0].rows[2]] == ["", "时效", "按时完成率", "100%", "100%", "10", "10.00"]
    assert [c.text for c in blocks[0].rows[3]][0] == "总分"


def test_a_row_cut_by_the_page_break_and_read_as_a_line_goes_back_into_its_table():
    """The first row atop page 2 lost its rules (a merged cell going on over the break) and was read
    as the line 指标16 4 4.00: it is the table's row, and the page's ruled rows go on with the table."""
    from auditor.ingest.pdf_layout import _add_table
    from auditor.ingest.raw import RawBlock, RawCell

    columns = (34.0, 95.0, 155.0, 192.0)
    blocks = []
    _add_table(blocks, [[RawCell(t, page=1) for t in ["一级指标", "三级指标", "分值", "得分"]],
                        [RawCell(t, page=1) for t in ["决策", "指标15", "4", "4.00"]]], 1, False, columns)
    blocks.append(RawBlock("para", text="指标16 4 4.00", page=2))
    took = _add_table(blocks, [[RawCell(t, page=2) for t in ["", "指标17", "4", "4.00"]],
                               [RawCell(t, page=2) for t in ["合计", "", "12", "12.00"]]], 2, True, columns)
    assert took and len(blocks) == 1
    assert [[c.text for c in r] for r in blocks[0].rows[2:]] == [["", "指标16", "4", "4.00"], ["", "指标17", "4", "4.00"],
                                                              ["合计", "", "12", "12.00"]]


def test_a_last_row_below_the_ruled_rows_of_its_page_goes_back_into_its_table_in_a_like_row_s_columns():
    """The last row of page 1 lost its bottom rule to page 2 and was read as the line 210 卫生健康支出
    67.86 67.86 below the ruled rows: it is the table's row, laid out as the class row above it (the
    code under 类, not a 项's 01), and page 2's rows go on with the table."""
    from auditor.ingest.pdf_layout import _add_table
    from auditor.ingest.raw import RawBlock, RawCell

    columns = (30.0, 50.0, 70.0, 90.0, 200.0, 250.0, 300.0)
    head = ["类", "款", "项", "科目名称", "本年支出合计", "基本支出", "项目支出"]
    blocks = []
    _add_table(blocks, [[RawCell(t, page=1) for t in head],
                        [RawCell(t, page=1) for t in ["208", "", "", "社会保障和就业支出", "244.80", "244.80", ""]],
                        [RawCell(t, page=1) for t in ["", "", "01", "死亡抚恤", "13.23", "13.23", ""]]], 1, False, columns)
    blocks.append(RawBlock("para", text="210 卫生健康支出 67.86 67.86", page=1))
    took = _add_table(blocks, [[RawCell(t, page=2) for t in ["", "11", "", "行政事业单位医疗", "67.86", "67.86", ""]]],
                      2, True, columns)
    assert took and len(blocks) == 1
    assert [c.text for c in blocks[0].rows[3]] == ["210", "", "", "卫生健康支出", "67.86", "67.86", ""]
    assert [c.text for c in blocks[0].rows[4]][:4] == ["", "11", "", "行政事业单位医疗"]


def test_a_last_row_taken_back_keeps_its_page_and_the_header_repeated_on_the_next_page_is_no_row():
    from auditor.ingest.pdf_layout import _add_table
    from auditor.ingest.raw import RawBlock, RawCell

    columns = (30.0, 90.0, 200.0, 250.0)
    head = ["类", "科目名称", "本年支出合计", "基本支出"]
    blocks = []
    _add_table(blocks, [[RawCell(t, page=1) for t in head],
                        [RawCell(t, page=1) for t in ["208", "社会保障和就业支出", "244.80", "244.80"]]], 1, False, columns)
    blocks.append(RawBlock("para", text="210 卫生健康支出 67.86 67.86", page=1))
    _add_table(blocks, [[RawCell(t, page=2) for t in head],
                        [RawCell(t, page=2) for t in ["212", "城乡社区支出", "588.00", ""]]], 2, True, columns)
    rows = blocks[0].rows
    assert [[c.text for c in r][0] for r in rows] == ["类", "208", "210", "212"]
    assert rows[2][0].page == 1


def test_a_line_of_figures_below_a_table_laid_out_as_none_of_its_rows_stays_a_line():
    from auditor.ingest.pdf_layout import _add_table
    from auditor.ingest.raw import RawBlock, RawCell

    columns = (30.0, 90.0, 200.0)
    blocks = []
    _add_table(blocks, [[RawCell(t, page=1) for t in ["项目", "预算数", "决算数"]],
                        [RawCell(t, page=1) for t in ["基本支出", "10.00", "9.00"]]], 1, False, columns)
    blocks.append(RawBlock("para", text="2024 12 31", page=1))
    _add_table(blocks, [[RawCell(t, page=2) for t in ["项目支出", "5.00", "4.00"]]], 2, True, columns)
    assert blocks[1].kind == "para" and blocks[1].text == "2024 12 31"


class _TextPage:
    """A page of text lines only, as pdf_layout reads a page (no ruling lines, so no tables)."""

    bbox = (0, 0, 595, 842)
    edges: list = []

    def __init__(self, lines: list[str]):
        self.chars = [{"text": ch, "x0": 50.0 + 10 * k, "x1": 60.0 + 10 * k, "top": 40.0 + 20 * n,
                       "bottom": 50.0 + 20 * n, "size": 10} for n, line in enumerate(lines) for k, ch in enumerate(line)]

    def find_tables(self):
        return []

    def filter(self, keep):
        return self


def test_a_running_header_between_the_halves_of_a_paragraph_is_furniture():
    """The report's name atop every page (某区体育局2024年度部门决算): on the pages after the first it
    is no text, so a paragraph cut by the page break is one paragraph again, its figures whole;
    a line atop two pages that is a unit line or a numbered heading is kept."""
    from auditor.ingest.pdf_layout import _read_page

    header = "某区体育局2024年度部门决算"
    pages = [[header, "七、“三公”经费支出决算情况说明", "2024年度“三公”经费财政拨款支出决算为29.34万元，完成预算的"],
             [header, "76.83%。其中公务接待费2.67万元。"],
             [header, "单位：万元"], ["单位：万元", "二、其他"]]
    blocks, heads = [], []
    for number, lines in enumerate(pages, start=1):
        _read_page(_TextPage(lines), number, blocks, heads)
    texts = [b.text for b in blocks]
    assert texts[0] == header and texts.count(header) == 1
    assert "2024年度“三公”经费财政拨款支出决算为29.34万元，完成预算的76.83%。其中公务接待费2.67万元。" in texts
    assert texts.count("单位：万元") == 2


def test_a_first_page_s_footer_read_into_a_cut_sentence_is_taken_out_again():
    """A sentence cut by the first page's break (收入1,4 | 19.44万元) reads the page's footer (the
    report's name and the page's number) as its last line: once the next page ends with the same
    footer it is taken out of the sentence, whose figure is whole again; a short header naming the
    year atop each page (2024年度) goes as well."""
    from auditor.ingest.pdf_layout import _read_page

    footer = "某区体育局部门决算公开\u3000{}"
    pages = [["2024年度", "二、收入决算情况", "本年收入合计1,439.44万元，其中：财政拨款收入1,4", footer.format(1)],
             ["2024年度", "19.44万元，占98.61%；其他收入20.00万元。", "三、支出决算情况",
              "财政拨款支出年初预算为1,304.87万元，支出决算为1,403.09",
              footer.format(2)],
             ["2024年度", "万元。", footer.format(3)]]
    blocks, heads, feet = [], [], []
    for number, lines in enumerate(pages, start=1):
        _read_page(_TextPage(lines), number, blocks, heads, feet)
    texts = [b.text for b in blocks]
    assert "本年收入合计1,439.44万元，其中：财政拨款收入1,419.44万元，占98.61%；其他收入20.00万元。" in texts
    assert "财政拨款支出年初预算为1,304.87万元，支出决算为1,403.09万元。" in texts
    assert not any("公开" in t for t in texts) and texts.count("2024年度") == 1


def test_a_page_s_number_alone_leaves_the_cut_figure_before_it_whole():
    from auditor.ingest.pdf_layout import _read_page

    blocks, heads, feet = [], [], []
    _read_page(_TextPage(["一、概况", "本年收入合计1,439.44万元，其中：财政拨款收入1,4", "1"]), 1, blocks, heads, feet)
    _read_page(_TextPage(["19.44万元。", "2"]), 2, blocks, heads, feet)
    assert [b.text for b in blocks] == ["一、概况", "本年收入合计1,439.44万元，其中：财政拨款收入1,419.44万元。"]


def test_a_line_of_spaces_atop_a_page_is_no_line_of_its_text():
    """An invisible space printed atop each page: the first line of text is line 1, as the reader
    of the page counts it, and the running header under it is still seen as one."""
    from auditor.ingest.pdf_layout import _read_page

    blocks, heads = [], []
    _read_page(_TextPage([" ", "某区体育局2024年度部门决算", "一、概况"]), 1, blocks, heads)
    _read_page(_TextPage([" ", "某区体育局2024年度部门决算", "本年支出合计100.00万元。"]), 2, blocks, heads)
    assert [(b.text, b.line) for b in blocks] == [("某区体育局2024年度部门决算", 1), ("一、概况", 2),
                                                  ("本年支出合计100.00万元。", 2)]


def test_a_footer_saying_the_page_in_words_beside_other_text_is_dropped():
    for footer in ("共 18 页　第 7 页", "白沙县水利局　第 1 页", "第 1 页/共 2 页"):
        lines = [(55.0, "项目支出执行情况表"), (780.0, footer)]
        assert [text for _, text in _without_page_numbers(lines)] == ["项目支出执行情况表"], footer


def test_a_footer_every_page_ends_with_is_dropped_from_the_second_page_on():
    feet: list[str] = []
    first = [(55.0, "项目支出执行情况表"), (780.0, "白沙县水利局2024年度项目支出执行情况")]
    second = [(55.0, "续表说明文字"), (780.0, "白沙县水利局2024年度项目支出执行情况")]
    assert len(_without_page_numbers(first, feet)) == 2  # (one page: not yet known as a footer)
    assert [text for _, text in _without_page_numbers(second, feet)] == ["续表说明文字"]


def test_a_footer_above_a_browser_s_stamp_is_dropped_from_the_second_page_on():
    """A page printed from a browser ends with its stamp (file:///… 1/2) under the report's own
    footer: the footer is the line above the stamp, dropped once the next page ends so too."""
    feet: list[str] = []
    footer = "— 北岭县人大常委会办公室2024年部门预算 —"
    first = [(55.0, "支出预算表"), (760.0, footer), (780.0, "file:///tmp/report.html 1/2")]
    second = [(55.0, "2010102 一般行政管理事务 200.00"), (760.0, footer), (780.0, "file:///tmp/report.html 2/2")]
    assert [text for _, text in _without_page_numbers(first, feet)] == ["支出预算表", footer]
    assert [text for _, text in _without_page_numbers(second, feet)] == ["2010102 一般行政管理事务 200.00"]


def test_a_title_above_a_page_number_is_no_footer_though_two_pages_print_it():
    """A page of one form under its title, its number at the foot (项目支出绩效自评表, a table, - 1 -),
    and the next page alike: the title is the page's own line, no footer; only a browser's stamp
    sets the footer above it apart."""
    feet: list[str] = []
    first = [(55.0, "项目支出绩效自评表"), (780.0, "- 1 -")]
    second = [(55.0, "项目支出绩效自评表"), (780.0, "- 2 -")]
    assert [text for _, text in _without_page_numbers(first, feet)] == ["项目支出绩效自评表"]
    assert [text for _, text in _without_page_numbers(second, feet)] == ["项目支出绩效自评表"]


def test_a_first_page_s_stamped_footer_goes_so_a_table_cut_by_the_page_break_is_one():
    from auditor.ingest.pdf_layout import _drop_running_footer
    from auditor.ingest.raw import RawBlock

    footer = "— 北岭县人大常委会办公室2024年部门预算 —"
    blocks = [RawBlock("para", text=footer, page=1)]
    lines = [(55.0, "2010102 一般行政管理事务 200.00"), (760.0, footer), (780.0, "file:///tmp/report.html 2/2")]
    _drop_running_footer(lines, 2, blocks, [footer])
    assert blocks == []


def test_a_sentence_at_a_page_foot_is_no_footer():
    lines = [(55.0, "项目支出执行情况表"), (780.0, "全年共开展培训第3期，共12页资料已归档。")]
    assert len(_without_page_numbers(lines)) == 2


def test_a_date_on_a_page_s_last_line_is_no_page_number():
    lines = [(55.0, "某县卫生健康局"), (780.0, "2025-04-10")]
    assert len(_without_page_numbers(lines)) == 2


def _borderless_pdf(path, pages: list[list[list[str]]]) -> None:
    """A table drawn without rules: each cell's text at its column's x, one row a line."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    for lines in pages:
        y = 780
        for cells in lines:
            for x, text in zip((60, 220, 320, 420), cells):
                pdf.setFont("STSong-Light", 11)
                pdf.drawString(x, y, text)
            y -= 20
        pdf.showPage()
    pdf.save()


def test_a_table_drawn_without_rules_is_read_as_a_table_and_its_parts_over_pages_are_not(tmp_path):
    rows = [[f"项目{k}", f"{10 + k}.00", f"{10 + k}.00"] for k in range(6)]
    total = f"{sum(10 + k for k in range(6))}.00"
    head = [["某区档案馆2024年度部门决算说明"], ["表1 项目支出表"], ["项目", "预算数", "决算数"],
            ["合计", total, total]]
    path = tmp_path / "one.pdf"
    _borderless_pdf(path, [head + rows + [["2024年度项目支出决算" + total + "万元。"]]])
    doc = load(str(path))
    (table,) = doc.tables
    assert [c.text for c in table.rows[0]] == ["项目", "预算数", "决算数"] and len(table.rows) == 8
    assert doc.blocks[-1].text.startswith("2024年度项目支出决算")
    # cut by the page, with a line the furniture finder does not know under the first part
    path = tmp_path / "two.pdf"
    _borderless_pdf(path, [head + rows[:3] + [["打印时间 2025/3/1 10:20"]], rows[3:]])
    doc = load(str(path))
    assert not doc.tables
    assert f"合计 {total} {total}" in [b.text for b in doc.blocks]
    # cut by the page with nothing between the parts: read as one table, no header repeated
    path = tmp_path / "three.pdf"
    _borderless_pdf(path, [head + rows[:3], rows[3:]])
    (table,) = load(str(path)).tables
    assert len(table.rows) == 1 + 1 + 6 and {row[0].loc.page for row in table.rows} == {1, 2}


def test_a_browser_s_print_header_and_footer_are_furniture():
    """A web page printed by a browser: the date it was printed atop each page and the page's
    address with its page count at the foot (the ﬁ of a PDF font's ligature too) are dropped, so a
    table the page break cuts goes on."""
    top = [(10.0, "12/3/26, 11:03 PM"), (40.0, "三公经费支出情况")]
    foot = [(40.0, "合计 15.00 12.46"), (800.0, "\ufb01le:///tmp/report.html 1/2")]
    assert [t for _, t in _without_page_numbers(top)] == ["三公经费支出情况"]
    assert [t for _, t in _without_page_numbers(foot)] == ["合计 15.00 12.46"]
    assert [t for _, t in _without_page_numbers([(10.0, "2024/5/20 10:32 发布"), (40.0, "正文")])] == ["正文"]


def _ruled_pdf(path, pages: list[tuple[list[str], list[list[str]]]]) -> None:
    """Each page: lines of text, then a table drawn with rules under them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    xs = (50, 150, 330, 450)
    for lines, rows in pages:
        y = 780
        pdf.setFont("STSong-Light", 11)
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 22
        top = y
        for cells in rows:
            for x, text in zip(xs, cells):
                pdf.drawString(x + 4, y - 15, text)
            y -= 22
        for k in range(len(rows) + 1):
            pdf.line(xs[0], top - 22 * k, xs[-1], top - 22 * k)
        for x in xs:
            pdf.line(x, top, x, y)
        pdf.showPage()
    pdf.save()


def test_a_table_s_title_and_unit_printed_again_atop_the_next_page_go_on_with_it(tmp_path):
    """A spreadsheet's print titles (表2 收入决算表 / 单位：万元 atop each page): the table the page
    before ended in goes on, so its 合计 is checked against all its rows, not the first page's."""
    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    head = ["科目编码", "科目名称", "决算数"]
    first = [head, ["", "合计", "400.00"], *[[f"2010{k}", f"事务{k}", "50.00"] for k in range(1, 7)]]
    second = [head, ["20107", "事务7", "50.00"], ["20108", "事务8", "50.00"]]
    titles = ["表2 支出决算表", "单位：万元"]
    path = tmp_path / "决算.pdf"
    _ruled_pdf(path, [(["某区档案馆2024年度部门决算", *titles], first), (titles, second)])
    document = load(str(path))
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 10
    found = audit_file(str(path), [r for r in load_rules() if r.id in ("SUM001", "SUM005")]).findings
    assert [f for f in found if f.severity != "info"] == []


def test_a_wrapped_row_label_over_a_row_of_the_same_number_is_no_outline_item(tmp_path):
    """A two-sided table drawn without rules, a label wrapped over two lines (二、政府性基金预算财政拨
    | 二、卫生健康支出 77.58 77.58 | 款): the label's number is the table's, no heading and no item
    STR001 holds to the outline."""
    from auditor.engine import audit_file
    from auditor.model import Heading
    from auditor.ruleset import load_rules

    lines = ["某局2024年度部门决算", "一、收入支出决算总体情况", "本年收入合计5,017.22万元。", "二、财政拨款收入支出决算总表",
             "一、一般公共预算财政拨款 4,933.59 一、社会保障和就业支出 250.54 250.54",
             "二、政府性基金预算财政拨", "二、卫生健康支出 77.58 77.58", "款",
             "三、国有资本经营预算财政", "三、农林水支出 4,576.54 4,576.54", "本年收入合计 4,933.59 本年支出合计 5,017.22 5,017.22",
             "第三部分 决算情况说明"]
    path = tmp_path / "决算.pdf"
    _borderless_pdf(path, [[[line] for line in lines]])
    headings = [b.text for b in load(str(path)).blocks if isinstance(b, Heading)]
    assert headings == ["一、收入支出决算总体情况", "二、财政拨款收入支出决算总表", "第三部分 决算情况说明"]
    found = audit_file(str(path), [r for r in load_rules() if r.id == "STR001"]).findings
    assert found == []


def test_a_running_header_over_the_title_it_shortens_is_not_the_title(tmp_path):
    """某局2024年度部门决算 (the pages' running header) over 某局2024年度部门决算情况说明: the
    title is the longer line, an explanation excerpt with no set of tables to require."""
    from auditor.engine import audit_file
    from auditor.ingest.build import title_block
    from auditor.ruleset import load_rules

    report = tmp_path / "说明.txt"
    report.write_text("某县农业农村局2024年度部门决算\n某县农业农村局2024年度部门决算情况说明\n三、支出决算情况说明\n"
                      "2024年度本年支出合计5,064.82万元，其中：基本支出1,527.37万元，项目支出3,537.45万元。\n",
                      encoding="utf-8")
    assert title_block(load(str(report))).text == "某县农业农村局2024年度部门决算情况说明"
    assert audit_file(str(report), [r for r in load_rules() if r.id == "PRE001"]).findings == []


def test_a_name_wrapped_into_a_row_of_its_own_goes_back_into_its_cell():
    """A ruled table's cell wraps a long 科目名称 (小学教育（含义务教育阶段课后服务补 | 助）) and the
    finder reads the rest as a row of its own: the rest closes the bracket the name left open, and
    goes back into the name; a row of a name of its own under a row of figures stays a row."""
    from auditor.ingest.pdf_layout import _table_rows

    grid = [["2050202", "小学教育（含义务教育阶段课后服务补", "2,160.75", "1,820.55"],
            [None, "助）", None, None],
            ["2050203", "初中教育", "1,448.85", "1,260.10"],
            [None, "其他教育支出", None, None]]
    rows = [[c.text for c in row] for row in _table_rows(grid, 1)]
    assert rows == [["2050202", "小学教育（含义务教育阶段课后服务补助）", "2,160.75", "1,820.55"],
                    ["2050203", "初中教育", "1,448.85", "1,260.10"],
                    ["", "其他教育支出", "", ""]]
