"""Workbooks as finance systems export them: each sheet named after its table with no title line in
the cells (公开05表 and 单位：万元 only), a hidden key column under a title merged across the sheet, and
General-format cells holding a tail of digits Excel does not show. Every workbook is generated here."""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.ingest import load
from auditor.ingest.build import sheet_title
from auditor.ruleset import load_rules

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

RULES = [r for r in load_rules() if r.id in ("FCT001", "PRE001")]
HEADER = [["项目", "", "本年支出合计", "基本支出", "项目支出"], ["科目编码", "科目名称", "", "", ""]]


def _export(path, sheets: dict[str, list[list]]) -> str:
    """A workbook of one narrative sheet and `sheets`: name -> rows, each sheet opening with its code
    line and unit line, no title."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active["A1"] = "某县林业局2024年度部门决算"
    book.active["A2"] = "本年支出合计386.20万元。"
    for k, (name, rows) in enumerate(sheets.items(), start=2):
        sheet = book.create_sheet(name)
        sheet.append([f"公开{k:02d}表"])
        sheet.append(["单位：万元"])
        for row in rows:
            sheet.append(row)
    book.save(path)
    return str(path)


SPENDING = HEADER + [["合计", "", 386.20, 301.45, 84.75], ["213", "农林水支出", 386.20, 301.45, 84.75]]
FUND = HEADER + [["合计", "", 352.60, 301.45, 51.15], ["213", "农林水支出", 352.60, 301.45, 51.15]]


def test_a_sheet_named_after_its_table_titles_it(tmp_path):
    path = _export(tmp_path / "export.xlsx", {"支出决算表": SPENDING, "一般公共预算财政拨款支出决算表": FUND})
    doc = load(path)
    assert [t.title for t in doc.tables] == ["支出决算表", "一般公共预算财政拨款支出决算表"]
    # (the whole spending and one fund's spending: two scopes, no figure restated)
    assert [f for f in audit_document(doc, RULES).findings if f.rule == "FCT001"] == []


def test_a_sheet_named_by_a_code_or_by_default_titles_nothing(tmp_path):
    path = _export(tmp_path / "coded.xlsx", {"表3": SPENDING, "公开05表": FUND, "Sheet3": FUND, "工作表4": FUND})
    assert [t.title for t in load(path).tables] == ["", "", "", ""]


@pytest.mark.parametrize("name,title", [
    ("收入支出决算总表", "收入支出决算总表"),
    ("表5 一般公共预算财政拨款支出决算表", "表5 一般公共预算财政拨款支出决算表"),
    ("三公经费表", "三公经费表"),
    ("附表二", ""), ("表 12", ""), ("公开03表", ""), ("Sheet1", ""), ("工作表", ""), ("决算说明", ""), (None, ""),
])
def test_which_sheet_names_read_as_a_title(name, title):
    assert sheet_title(name) == title


def test_a_title_line_above_the_table_comes_before_the_sheet_name(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "支出表"
    for row in [["项目支出决算明细表"], ["单位：万元"], ["项目", "金额"], ["甲项目", 10.5], ["合计", 10.5], [], [],
                ["单位：万元"], ["项目", "金额"], ["乙项目", 3], ["合计", 3]]:
        sheet.append(row)
    book.save(tmp_path / "two.xlsx")
    # (the second table on the sheet is no table the sheet is named after)
    assert [t.title for t in load(str(tmp_path / "two.xlsx")).tables] == ["项目支出决算明细表", ""]


def _hidden_key_column(path, hide_row: bool = False) -> str:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表1"
    top = 2 if hide_row else 1  # (a title merged over two rows, the first hidden, or over one)
    sheet["A1"] = "收入支出决算总表"  # (in the merged range's first cell, in the hidden column)
    sheet.merge_cells(f"A1:D{top}")
    sheet.cell(top + 1, 2, "单位：万元")
    for r, row in enumerate([["项目", "决算数", "项目", "决算数"], ["本年收入合计", 120.5, "本年支出合计", 118.0]],
                            start=top + 2):
        sheet.cell(r, 1, f"K{r:03d}")
        for c, value in enumerate(row, start=2):
            sheet.cell(r, c, value)
    sheet.column_dimensions["A"].hidden = True
    if hide_row:
        sheet.row_dimensions[1].hidden = True
    book.save(path)
    return str(path)


@pytest.mark.parametrize("hide_row", [False, True])
def test_a_merged_title_whose_first_cell_is_hidden_shows_in_its_first_cell_shown(tmp_path, hide_row):
    doc = load(_hidden_key_column(tmp_path / "keys.xlsx", hide_row))
    (table,) = doc.tables
    assert table.title == "收入支出决算总表"
    assert table.rows[0][0].text == "" and table.rows[0][1].text == "项目"  # (the keys stay hidden)
    title_line = next(b for b in doc.blocks if b.text == "收入支出决算总表")
    assert title_line.loc.line == (2 if hide_row else 1)


def test_a_merged_range_hidden_whole_shows_nothing(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["项目", "草稿", "", "金额"], ["甲", "调整前", "", 5]]:
        sheet.append(row)
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("B2:C2")
    sheet.column_dimensions["B"].hidden = True
    sheet.column_dimensions["C"].hidden = True
    book.save(tmp_path / "whole.xlsx")
    (table,) = load(str(tmp_path / "whole.xlsx")).tables
    assert table.grid() == [["项目", "", "", "金额"], ["甲", "", "", "5"]]


def test_a_table_number_and_name_in_two_cells_title_the_table_under_them(tmp_path):
    """Tables one under another on one sheet, each titled by its number in one cell and its name in
    the next (表三 | 支出决算表): two tables, each with its title, not one grid adding up both."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "决算公开表"
    for row in [["表三", "支出决算表"], ["", "", "单位：万元"], ["科目编码", "科目名称", "本年支出合计"],
                ["", "合计", 300], ["210", "卫生健康支出", 300], ["2100101", "行政运行", 100], ["2100302", "乡镇卫生院", 200],
                ["表六", "一般公共预算财政拨款基本支出决算表"], ["", "", "单位：万元"], ["科目编码", "科目名称", "决算数"],
                ["", "合计", 150], ["301", "工资福利支出", 100], ["30101", "基本工资", 100]]:
        sheet.append(row)
    book.save(tmp_path / "split.xlsx")
    tables = load(str(tmp_path / "split.xlsx")).tables
    assert [t.title for t in tables] == ["表三 支出决算表", "表六 一般公共预算财政拨款基本支出决算表"]
    assert [len(t.rows) for t in tables] == [5, 4]


def test_a_title_with_its_unit_in_another_cell_opens_the_next_table_right_under_one(tmp_path):
    """表二 支出决算表 | | 单位：万元 right under the rows of 表一: a title line, the next table's, not
    a row of the first."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["表一 收入决算表", "", "单位：万元"], ["项目", "金额"], ["财政拨款收入", 600], ["其他收入", 50],
                ["本年收入合计", 650], ["表二 支出决算表", "", "单位：万元"], ["项目", "金额"], ["基本支出", 200],
                ["项目支出", 80], ["本年支出合计", 280]]:
        sheet.append(row)
    book.save(tmp_path / "stacked.xlsx")
    tables = load(str(tmp_path / "stacked.xlsx")).tables
    assert [(t.title, t.unit, len(t.rows)) for t in tables] == [("表一 收入决算表", "万元", 4), ("表二 支出决算表", "万元", 4)]


def test_a_title_naming_a_table_over_a_header_opens_the_next_table_with_no_number():
    """一般公共预算财政拨款支出决算表 | | 单位：万元 right under the rows of another table, no blank row and no
    number: a line naming a table over a header of its own opens the next table."""
    import tempfile
    from pathlib import Path

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["收入决算表", "", "单位：万元"], ["项目", "金额"], ["财政拨款收入", 600], ["其他收入", 50],
                ["本年收入合计", 650], ["一般公共预算财政拨款支出决算表", "", "单位：万元"], ["项目", "金额"],
                ["基本支出", 200], ["项目支出", 80], ["合计", 280]]:
        sheet.append(row)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stacked.xlsx"
        book.save(path)
        tables = load(str(path)).tables
    assert [t.title for t in tables] == ["收入决算表", "一般公共预算财政拨款支出决算表"]


def test_a_title_spread_over_its_name_number_and_unit_cells_opens_the_next_table(tmp_path):
    """基本支出决算表 | 表六 | | 单位：万元 over one table and 政府性基金…决算表 | 表七 | | 单位：万元 right
    under it: two tables, the empty one's 合计 of 0 no sum of the first one's rows."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["基本支出决算表", "表六", "", "单位：万元"], ["科目编码", "科目名称", "决算数"], ["30101", "基本工资", 612.4],
                ["30102", "津贴补贴", 498.36], ["政府性基金预算财政拨款收入支出决算表", "表七", "", "单位：万元"],
                ["科目编码", "科目名称", "本年支出"], ["合计", "", 0]]:
        sheet.append(row)
    book.save(tmp_path / "spread.xlsx")
    tables = load(str(tmp_path / "spread.xlsx")).tables
    assert [(len(t.rows), t.unit) for t in tables] == [(3, "万元"), (2, "万元")]


def test_a_contents_sheet_stays_a_table_and_a_numbered_title_opens_the_next_table(tmp_path):
    """A contents sheet lists 表一 | 收入支出决算总表, 表二 | 收入决算表 one under another: its rows, no
    titles. A title 表2 | 支出决算表 | 单位：万元 over a header, right under a table, opens the next one."""
    import openpyxl

    book = openpyxl.Workbook()
    contents = book.active
    contents.title = "目录"
    for row in [["某局2024年度部门决算公开目录"], ["表号", "表名"], ["表一", "收入支出决算总表"], ["表二", "收入决算表"],
                ["表三", "支出决算表"]]:
        contents.append(row)
    sheet = book.create_sheet("决算")
    for row in [["收入决算表", "", "单位：万元"], ["项目", "本年收入合计", "财政拨款收入"], ["合计", 650, 650],
                ["表2", "支出决算表", "单位：万元"], ["项目", "本年支出合计", "基本支出"], ["合计", 600, 600]]:
        sheet.append(row)
    book.save(tmp_path / "book.xlsx")
    tables = load(str(tmp_path / "book.xlsx")).tables
    assert [len(t.rows) for t in tables] == [4, 2, 2]
    assert tables[2].title == "表2 支出决算表"
