"""What a text export's page furniture and plain-text table layout must not do to the document
model: page numbers and running headers between the halves of a sentence or a table go (the
sentence and the table stay one), a table laid out with spaces keeps its rows with a label only
and its cells wrapped onto a line of their own, and a table going on after 续表 with one row
is still the table."""
from __future__ import annotations

from auditor.ingest import load
from auditor.model import Paragraph


def _load(tmp_path, text: str):
    report = tmp_path / "决算.txt"
    report.write_text(text, encoding="utf-8")
    return load(str(report))


def _texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_sentence_cut_by_a_page_footer_and_a_running_header_is_one_sentence_again(tmp_path):
    doc = _load(tmp_path, "某站2024年度部门决算说明\n"
                          "2024年度一般公共预算财政拨款支出年初预算为2,204.60万元，支出决算为2,1\n\n"
                          "                    - 4 -\n\f          某站2024年度部门决算\n\n"
                          "98.35万元，完成年初预算的99.72%。\n")
    assert "支出决算为2,198.35万元，完成年初预算的99.72%。" in "".join(_texts(doc))
    assert not any("- 4 -" in t or t.strip() == "某站2024年度部门决算" for t in _texts(doc))


def test_a_running_footer_naming_the_report_and_its_page_is_furniture(tmp_path):
    """The report's name and the page's number at each page's foot, before the form feed: no words
    of the sentence the page break cut; a line at two pages' feet that differs is kept."""
    doc = _load(tmp_path, "某站2024年度部门决算说明\n一、收入情况\n本年收入合计1,439.44万元，其中：财政拨款收入1,4\n"
                          "某站部门决算公开　1\n\f19.44万元。\n二、支出情况\n年初预算为1,304.87万元，支出决算为1,403.09\n"
                          "某站部门决算公开　2\n\f万元。\n三、其他\n本年无政府采购支出\n\f四、名词解释\n")
    texts = _texts(doc)
    assert "本年收入合计1,439.44万元，其中：财政拨款收入1,419.44万元。" in texts
    assert "年初预算为1,304.87万元，支出决算为1,403.09万元。" in texts and "本年无政府采购支出" in texts
    assert not any("公开" in t for t in texts)


def test_a_pasted_page_line_inside_a_tab_separated_table_leaves_it_one_table(tmp_path):
    doc = _load(tmp_path, "某站2024年度部门决算\n支出决算表\n科目编码\t科目名称\t本年支出合计\n"
                          "201\t一般公共服务支出\t90.00\n2010101\t行政运行\t50.00\n第 2 页\n"
                          "2010102\t一般行政管理事务\t40.00\n")
    (table,) = doc.tables
    assert [row[0].text for row in table.rows] == ["科目编码", "201", "2010101", "2010102"]


SPACED = ("某站2024年度部门决算情况说明\n"
          "        支出决算表\n"
          "  科目编码    科目名称              本年支出合计\n"
          "       208    社会保障和就业支出           60.00\n"
          "     20805    行政事业单位养老支出         60.00\n"
          "   2080505    机关事业单位基本养老         40.00\n"
          "              保险缴费支出\n"
          "   2080506    机关事业单位职业年金         20.00\n"
          "              缴费支出\n")


def test_a_name_wrapped_in_its_cell_is_joined_to_the_cell(tmp_path):
    (table,) = _load(tmp_path, SPACED).tables
    names = [row[1].text for row in table.rows]
    assert "机关事业单位基本养老保险缴费支出" in names and "机关事业单位职业年金缴费支出" in names
    assert len(table.rows) == 5


def test_a_table_repeated_after_a_page_number_and_running_header_is_continued(tmp_path):
    text = SPACED + ("\n                    - 1 -\n          某站2024年度部门决算情况说明\n\n"
                     "  科目编码    科目名称              本年支出合计\n"
                     "       221    住房保障支出                 30.00\n"
                     "   2210201    住房公积金                   30.00\n")
    (table,) = _load(tmp_path, text).tables
    assert [row[0].text for row in table.rows][-2:] == ["221", "2210201"]


def test_rows_holding_only_a_label_stay_rows_of_the_table(tmp_path):
    doc = _load(tmp_path, "某站2024年度部门决算\n"
                          "  项目                                决算数\n"
                          "  一、一般公共预算财政拨款收入          300.00\n"
                          "  二、事业收入\n"
                          "  三、经营收入\n"
                          "  四、其他收入                           10.00\n"
                          "  本年收入合计                          310.00\n")
    (table,) = doc.tables
    assert [row[0].text for row in table.rows] == ["项目", "一、一般公共预算财政拨款收入", "二、事业收入", "三、经营收入",
                                                    "四、其他收入", "本年收入合计"]


def test_one_row_after_continued_is_the_table_going_on(tmp_path):
    text = SPACED + ("\n续表\n  科目编码    科目名称              本年支出合计\n"
                     "   2080599    其他养老支出                  0.00\n\n这是正文。\n")
    doc = _load(tmp_path, text)
    (table,) = doc.tables
    assert table.rows[-1][0].text == "2080599"
    assert "这是正文。" in _texts(doc)


def test_a_heading_between_two_spaced_tables_is_no_row_of_the_first(tmp_path):
    doc = _load(tmp_path, "某站2024年度部门决算\n"
                          "  项目                                决算数\n"
                          "  一、财政拨款收入                      300.00\n"
                          "  二、其他收入                           10.00\n"
                          "  二、支出情况\n"
                          "  项目                                决算数\n"
                          "  基本支出                              200.00\n"
                          "  项目支出                              110.00\n")
    assert len(doc.tables) == 2


def test_the_line_going_on_with_a_sentence_after_a_page_break_is_kept(tmp_path):
    doc = _load(tmp_path, "某站2024年度部门决算说明\n"
                          "2024年度一般公共预算财政拨款支出年初预算为2,204.60万元，支出决算为2,198.35万元，\n"
                          "                    - 4 -\n\f"
                          "完成年初预算的99.72%，主要是按进度支付。\n")
    assert "完成年初预算的99.72%" in "".join(_texts(doc))


def test_a_numbered_heading_after_a_spaced_table_is_no_row_of_it(tmp_path):
    doc = _load(tmp_path, "某站2024年度部门决算\n一、收入决算情况\n"
                          "  项目                                决算数\n"
                          "  财政拨款收入                          300.00\n"
                          "  其他收入                               10.00\n"
                          "二、支出决算情况\n"
                          "  基本支出                              200.00\n"
                          "  项目支出                              110.00\n")
    assert "二、支出决算情况" not in [row[0].text for t in doc.tables for row in t.rows]


def test_a_table_of_the_same_header_with_no_page_break_between_is_another_table(tmp_path):
    doc = _load(tmp_path, "某站2024年度部门决算\n"
                          "  项目                            本年数        上年数\n"
                          "  支出合计                        900.00        880.00\n"
                          "  基本支出                        600.00        550.00\n"
                          "  项目支出                        300.00        330.00\n\n"
                          "  项目                            本年数        上年数\n"
                          "  政府采购支出                    120.00        100.00\n\n"
                          "二、其他重要事项的情况说明\n")
    assert not any(row[0].text == "政府采购支出" for row in doc.tables[0].rows)


def test_a_form_feed_alone_between_two_parts_of_a_table_leaves_it_one_table(tmp_path):
    """A page break with no page number or header (a form feed on a line of its own): the rows
    after it, no header repeated, go on with the table; a sentence it cuts goes on too."""
    doc = _load(tmp_path, "某馆2024年度部门整体支出绩效自评报告\n2024年度本馆一般公共预算财政拨款全年支出决算为1,2\n\f\n08.40万元。\n"
                          "一级指标\t分值\t得分\n决策\t20\t18\n\n\f\n\n产出\t80\t76\n总分\t100\t94\n")
    (table,) = doc.tables
    assert [row[0].text for row in table.rows] == ["一级指标", "决策", "产出", "总分"]
    assert "2024年度本馆一般公共预算财政拨款全年支出决算为1,208.40万元。" in _texts(doc)


def test_lines_after_page_furniture_keep_the_file_s_numbers(tmp_path):
    """The page number and the running header taken out before reading still count: a sentence
    and a table row after them are told at the lines the file has them on."""
    doc = _load(tmp_path, "某站2024年度部门决算说明\n第一段。\n\n- 1 -\n\f某站2024年度部门决算\n"
                          "三公经费4.82万元。\n项目\t金额\n合计\t4.82\n")
    sentence = next(b for b in doc.blocks if isinstance(b, Paragraph) and "三公" in b.text)
    (table,) = doc.tables
    assert sentence.loc.line == 6 and table.rows[1][1].loc.line == 8


def test_a_form_feed_between_two_tables_of_their_own_headers_keeps_them_apart(tmp_path):
    """After a bare page break, a table opening with its own header row is another table."""
    doc = _load(tmp_path, "某馆2024年度部门决算\n项目\t合计\t基本支出\t项目支出\n支出\t100.00\t60.00\t40.00\n\f\n"
                          "项目\t2023年决算数\t2024年决算数\t备注\n甲\t90.00\t100.00\t\n")
    assert len(doc.tables) == 2


def test_rows_of_whole_numbers_and_a_heading_at_page_feet_are_no_footers(tmp_path):
    """Two pages ending in a count table's 合计 row (figures differing only) and a page ending in
    a numbered heading naming the report: no running footer, whose text repeats but for the page's
    number; the rows stay the tables' and the heading the outline's."""
    from auditor.model import Heading, Table

    doc = _load(tmp_path, "某局2024年度部门决算说明\n一、机构情况\n表1 人员情况表\n单位：人\n"
                          "项目    年初数    年末数    增减数\n行政编制    20    18    2\n事业编制    28    27    1\n"
                          "合计    48    45    3\n\f二、车辆情况\n表2 车辆情况表\n单位：辆\n项目    年初数    年末数    增减数\n"
                          "一般公务用车    3    2    -1\n执法执勤用车    5    6    1\n合计    8    9    0\n\f"
                          "三、其他说明\n本年无其他事项。\n四、部门决算情况说明\n\f五、名词解释\n")
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert "四、部门决算情况说明" in headings
    rows = [[c.text for c in row] for t in doc.blocks if isinstance(t, Table) for row in t.rows]
    assert ["合计", "8", "9", "0"] in rows and ["合计", "48", "45", "3"] in rows


def test_a_space_aligned_table_going_on_under_its_code_marked_continued_is_one_table(tmp_path):
    """A table cut by the page: the next page repeats the running header, the title, the code line
    marked 续 (公开05表（续）), the unit and the header row: the rows under them go on with the first
    part (its 合计 sums both pages' rows), and the title above the code line is the caption."""
    from auditor.model import Table

    head = "科目编码     科目名称                              合计        基本支出      项目支出\n"
    doc = _load(tmp_path, "某局2024年度部门决算\n                          一般公共预算财政拨款支出决算表\n公开05表\n单位：万元\n"
                          + head + "2010101      行政运行                            612.35        612.35          0.00\n"
                          "2010102      一般行政管理事务                    145.20          0.00        145.20\n"
                          "                                   — 8 —\n\f某局2024年度部门决算\n"
                          "                          一般公共预算财政拨款支出决算表\n公开05表（续）\n单位：万元\n"
                          + head + "2210201      住房公积金                           58.90         58.90          0.00\n"
                          "             合计                                816.45        671.25        145.20\n")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row[1].text for row in tables[0].rows[1:]] == ["行政运行", "一般行政管理事务", "住房公积金", "合计"]
    assert tables[0].title == "一般公共预算财政拨款支出决算表"


def test_a_table_going_on_under_its_header_and_column_numbers_again_is_one_table(tmp_path):
    """Under 续表 a 决算 table repeats its header and its 栏次 row (栏次 | | 1 | 2 | 3): the numbers
    of the columns are no row of figures, so the part is the table's rest, not a copy of it."""
    from auditor.model import Table

    head = "项目\t\t本年支出\t\t\n科目代码\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n"
    doc = _load(tmp_path, "某局2024年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n" + head
                          + "2010101\t行政运行\t612.35\t612.35\t0.00\n2010102\t一般行政管理事务\t145.20\t0.00\t145.20\n"
                          "- 8 -\n\f续表\n" + head + "2210201\t住房公积金\t58.90\t58.90\t0.00\n合计\t\t816.45\t671.25\t145.20\n")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row[1].text for row in tables[0].rows[3:]] == ["行政运行", "一般行政管理事务", "住房公积金", ""]
