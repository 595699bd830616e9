"""A bundle of several units' forms (a 主管部门's 汇总, 本级, 所属单位) is read as one report per unit:
no rule compares one unit's figures with another's; a document of one unit is read as before."""
from __future__ import annotations

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.ingest.entities import caption_name, entity_parts, sheet_unit
from auditor.ruleset import load_rules

INCOME = {"某县文化馆": ("180.00", "20.00", "200.00"), "某县图书馆": ("150.00", "6.50", "156.50")}


def _rules(*ids):
    return [r for r in load_rules() if r.id in ids]


def _income_book(sheets: dict[str, tuple], title=lambda name: "收入支出决算总表"):
    """A workbook of one 收入支出决算总表 a sheet, each sheet named by `sheets`' key and titled by `title`."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (grant, other, total) in sheets.items():
        sheet = book.create_sheet(name)
        for row in ([title(name)], ["单位：万元"], ["项目", "金额"], ["一般公共预算财政拨款收入", grant],
                    ["其他收入", other], ["本年收入合计", total]):
            sheet.append(row)
    return book


def _workbook(tmp_path, sheets: dict[str, tuple]):
    path = tmp_path / "bundle.xlsx"
    _income_book(sheets).save(path)
    return load(str(path))


def test_sheets_named_after_two_units_are_two_reports(tmp_path):
    doc = _workbook(tmp_path, {f"{unit}-1": figures for unit, figures in INCOME.items()})
    assert len(entity_parts(doc)) == 2
    assert not audit_document(doc, _rules("FCT001")).findings


def test_sheets_not_naming_units_are_one_report(tmp_path):
    """Sheets named by their table (01收入决算表, 02收入决算表): one unit's forms, compared."""
    doc = _workbook(tmp_path, {f"0{k}收入决算表": figures for k, figures in enumerate(INCOME.values(), start=1)})
    assert entity_parts(doc) == [doc]
    assert {f.stated for f in audit_document(doc, _rules("FCT001")).findings} >= {"156.50"}


def test_one_unit_captioned_on_every_form_is_the_document_itself():
    doc = document_from_text("某县文化馆2024年度部门决算\n收入支出决算总表\n编制单位：某县文化馆 2024年度 单位：万元\n"
                             "项目\t金额\n其他收入\t20.00\n本年收入合计\t200.00\n支出决算表\n"
                             "编制单位：某县文化馆（盖章） 单位：万元\n项目\t金额\n基本支出\t200.00\n", "<one unit>")
    assert entity_parts(doc) == [doc]


def test_each_unit_takes_its_title_lines_and_the_text_under_its_form():
    doc = document_from_text("某县文化和旅游局2024年度部门决算\n公开01表\n收入支出决算总表\n编制单位：某县文化馆 2024年度 单位：万元\n"
                             "项目\t金额\n本年收入合计\t200.00\n注：本单位无经营收入。\n公开01表\n收入支出决算总表\n"
                             "编制单位：某县图书馆 2024年度 单位：万元\n项目\t金额\n本年收入合计\t156.50\n", "<two units>")
    first, second = entity_parts(doc)
    assert first.blocks[0].text.startswith("某县文化和旅游局") and first.blocks[-1].text == "注：本单位无经营收入。"
    assert [b.text for b in second.blocks[:2]] == ["公开01表", "收入支出决算总表"]


def test_caption_and_sheet_names():
    assert caption_name("编制单位：某县实验小学 2024年度 单位：万元") == "某县实验小学"
    assert caption_name("填报单位：某县图书馆2024年度") == "某县图书馆"
    assert caption_name("编制单位：（盖章）") is None
    # (a name justified over spaces, or with the unit line in brackets after it, is the whole name)
    assert caption_name("编制单位：某县 水利局 单位：万元") == "某县水利局"
    assert caption_name("编制单位：某局（单位：万元）") == "某局"
    assert caption_name("编制单位：某县实验小学  填报日期：2025年3月") == "某县实验小学"
    assert sheet_unit("某县教育局机关-2") == "某县教育局机关" and sheet_unit("01收入支出决算总表") is None
    # (a note in brackets before the colon; a sheet named after its form and then its unit)
    assert caption_name("编制单位（盖章）：某县教育局        单位：万元") == "某县教育局"
    assert sheet_unit("01表收入支出决算-部门汇总") == "部门汇总" and sheet_unit("收入支出(汇总)") == "汇总"
    assert sheet_unit("01收入支出决算总表-实验小学") == "实验小学"


def test_a_caption_label_alone_in_its_cell_names_the_unit_in_the_next():
    from auditor.ingest.entities import _block_caption
    from auditor.model import Cell, Location, Table

    loc = Location("<t>")
    rows = [[Cell(t, loc) for t in row] for row in (["编制单位：", "某县实验小学", "", "单位：万元"],
                                                     ["单位名称", "某县第二中学（汇总）", "单位：万元"])]
    assert _block_caption(Table(index=1, rows=rows[:1], loc=loc)) == "某县实验小学"
    assert _block_caption(Table(index=2, rows=rows[1:], loc=loc)) == "某县第二中学（汇总）"


def test_one_unit_named_two_ways_on_different_forms_is_one_report():
    """Captions naming one unit in two ways (某区规划和自然资源局, 某区规划与自然资源局) over forms of
    their own: no bundle (its every unit prints the same forms), so its tables are still compared."""
    doc = document_from_text(
        "某区规划和自然资源局2024年度部门决算\n收入支出决算总表\n编制单位：某区规划和自然资源局 单位：万元\n"
        "项目\t金额\n一般公共预算财政拨款收入\t180.00\n本年收入合计\t180.00\n"
        "支出决算表\n编制单位：某区规划与自然资源局 单位：万元\n项目\t金额\n基本支出\t120.00\n项目支出\t60.00\n"
        "本年支出合计\t180.00\n")
    assert entity_parts(doc) == [doc]


def test_project_forms_captioned_with_the_units_carrying_them_out_stay_in_one_report():
    """A department's report whose project forms are captioned with the subordinate units that
    carried each project out (填报单位：某中心): no bundle (no form of a unit's whole accounts
    recurs), so the report's text is still compared with every form."""
    form = ("项目支出绩效自评表\n填报单位：{unit}\n项目名称\t{name}\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\n"
            "年度资金总额\t{budget}\t{budget}\t{spent}\n")
    doc = document_from_text("某县农业农村局2024年度部门整体支出绩效自评报告\n一、项目情况\n"
                             + form.format(unit="某县农业技术推广中心", name="耕地质量提升", budget="80.00", spent="76.00")
                             + form.format(unit="某县动物疫病预防控制中心", name="动物防疫", budget="50.00", spent="50.00"))
    assert entity_parts(doc) == [doc]


def test_a_form_printed_again_under_a_short_name_and_a_glossary_line_start_no_unit():
    """One unit's 总表 printed again under its short name (县二中 for 某县第二中学) with the same
    figures is a reprint, no second unit's; a glossary sentence opening 编制单位： names none."""
    form = "收入支出决算总表\n编制单位：{unit}        单位：万元\n项目\t决算数\n本年收入合计\t1,488.72\n本年支出合计\t1,488.72\n"
    doc = document_from_text("某县第二中学2024年度部门决算\n" + form.format(unit="某县第二中学")
                             + "附件\n" + form.format(unit="县二中")
                             + "名词解释\n编制单位：指纳入部门决算编制范围的各级预算单位。\n")
    assert entity_parts(doc) == [doc]


def test_copies_of_the_forms_under_one_caption_with_other_figures_are_two_units():
    """The 汇总 and the 本级 both captioned with the department's name (收入支出决算总表, then 收入支出
    决算总表（本级）with other figures): two units' copies, not compared with each other; a table
    going on under （续） is no copy."""
    form = "{title}\n编制单位：某县教育局        单位：万元\n项目\t决算数\n本年收入合计\t{total}\n本年支出合计\t{total}\n"
    doc = document_from_text("某县教育局2024年度部门决算\n" + form.format(title="收入支出决算总表", total="4,293.76")
                             + form.format(title="收入支出决算总表（本级）", total="667.03"))
    assert len(entity_parts(doc)) == 2
    going_on = document_from_text("某县教育局2024年度部门决算\n" + form.format(title="收入支出决算总表", total="4,293.76")
                                  + form.format(title="收入支出决算总表（续）", total="667.03"))
    assert entity_parts(going_on) == [going_on]


def test_two_forms_told_apart_by_a_note_and_a_form_going_on_under_its_title_are_one_unit():
    """（功能分类） and （经济分类） after one title are two forms, and a form going on over a page
    under its title again prints the rows after its total, not its total again: neither is another
    unit's copy."""
    head = "{title}\n编制单位：某县水利局        单位：万元\n科目编码\t科目名称\t决算数\n"
    doc = document_from_text(
        "某县水利局2024年度部门决算\n"
        + head.format(title="一般公共预算财政拨款支出决算表（功能分类）") + "\t合计\t860.00\n213\t农林水支出\t860.00\n"
        + head.format(title="一般公共预算财政拨款支出决算表（经济分类）") + "\t合计\t860.00\n301\t工资福利支出\t600.00\n"
        + head.format(title="支出决算表") + "\t合计\t860.00\n2130301\t行政运行\t500.00\n"
        + head.format(title="支出决算表") + "2130305\t水利工程建设\t300.00\n2130399\t其他水利支出\t60.00\n")
    assert entity_parts(doc) == [doc]


def _bundle_with_notes(tmp_path, notes: list[str]):
    """Two units' sheets (named after them), then a 说明 sheet of `notes` lines."""
    book = _income_book(INCOME)
    notes_sheet = book.create_sheet("说明")
    for line in notes:
        notes_sheet.append([line])
    path = tmp_path / "bundle-notes.xlsx"
    book.save(path)
    return load(str(path))


def test_a_sheet_naming_no_one_unit_after_the_units_is_the_whole_bundles(tmp_path):
    """A 说明 sheet after the units' sheets that names both units (or none) states the whole's
    figures: not compared with the last unit's forms, and its own sums still checked."""
    doc = _bundle_with_notes(tmp_path, ["本部门由某县文化馆、某县图书馆2个单位组成。",
                                        "本年收入合计356.50万元，其中一般公共预算财政拨款收入330.00万元，其他收入26.50万元。"])
    parts = entity_parts(doc)
    assert [sorted({b.loc.sheet for b in p.blocks}) for p in parts] == [["某县文化馆"], ["某县图书馆"], ["说明"]]
    assert not audit_document(doc, _rules("FCT001", "CAL001")).findings
    wrong = _bundle_with_notes(tmp_path, ["本部门由某县文化馆、某县图书馆2个单位组成。",
                                          "本年收入合计356.50万元，其中一般公共预算财政拨款收入330.00万元，其他收入16.50万元。"])
    assert [f.rule for f in audit_document(wrong, _rules("FCT001", "CAL001")).findings] == ["CAL001"]


def test_a_sheet_naming_one_unit_is_that_units(tmp_path):
    doc = _bundle_with_notes(tmp_path, ["某县文化馆2024年度部门决算说明", "本年收入合计210.00万元。"])
    parts = entity_parts(doc)
    assert [sorted({b.loc.sheet for b in p.blocks}) for p in parts] == [["某县文化馆", "说明"], ["某县图书馆"]]
    assert [f.rule for f in audit_document(doc, _rules("FCT001")).findings] == ["FCT001"]


def test_a_sheet_titled_with_one_unit_is_that_units_whatever_else_it_names(tmp_path):
    """A note titled with one unit's name (某县文化馆2024年度部门决算说明) that names another unit in
    its text (与某县图书馆同址办公) is the titled unit's, compared with its forms."""
    doc = _bundle_with_notes(tmp_path, ["某县文化馆2024年度部门决算说明", "本馆与某县图书馆同址办公。", "本年收入合计210.00万元。"])
    parts = entity_parts(doc)
    assert [sorted({b.loc.sheet for b in p.blocks}) for p in parts] == [["某县文化馆", "说明"], ["某县图书馆"]]
    assert [f.rule for f in audit_document(doc, _rules("FCT001")).findings] == ["FCT001"]


def test_a_note_titled_with_a_unit_and_others_is_the_bundles_and_unit_titled_forms_are_copies(tmp_path):
    """某县文化馆等2个单位…说明 names several units: the whole's; forms titled each with its unit's
    name and year (某县文化馆2024年度收入支出决算总表) are copies of one form, two units' reports."""
    doc = _bundle_with_notes(tmp_path, ["某县文化馆等2个单位2024年度部门决算说明", "本部门由某县文化馆、某县图书馆2个单位组成。",
                                        "本年收入合计356.50万元。"])
    assert [sorted({b.loc.sheet for b in p.blocks}) for p in entity_parts(doc)] == [["某县文化馆"], ["某县图书馆"], ["说明"]]
    path = tmp_path / "titled.xlsx"
    _income_book(INCOME, title=lambda name: f"{name}2024年度收入支出决算总表").save(path)
    assert not audit_document(load(str(path)), _rules("FCT001")).findings
