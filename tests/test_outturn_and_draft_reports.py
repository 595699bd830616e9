"""A government's report on one year's budget and the next year's draft (关于2023年预算执行情况和
2024年预算草案的报告, 2023年决算和2024年预算…): a report of the first year with a plan for the
next (vocabulary.yaml report_types next_year_plan). The plan's tables are no misdated ones; a
draft's rate is the next year's change over the report year's figure. Texts written for these tests.
"""
from __future__ import annotations

import pytest

from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.facts.base.model import LATER
from auditor.ruleset import load_rules

from audited import reported

RULES = load_rules()


def findings(text: str, *rule_ids: str):
    rules = [r for r in RULES if r.id in rule_ids]
    return reported(text, rules)


@pytest.mark.parametrize("title", [
    "关于东岭市2023年预算执行情况和2024年预算草案的报告",
    "关于东岭市2023年预算执行情况与2024年市级预算草案的报告",
    "东岭市2023年财政决算和2024年预算（草案）",
    "关于东岭市２０２３年全市和市本级预算执行情况及２０２４年全市和市本级预算草案的报告",
])
def test_a_title_naming_a_year_s_outturn_and_the_next_year_s_draft_names_the_genre(title):
    doc = document_from_text(title + "\n一、执行情况\n全市一般公共预算收入80.00亿元。\n")
    assert doc.meta["report_type"] == "预算执行和预算草案"
    assert doc.meta["report_year"] == 2023


@pytest.mark.parametrize("title, kind", [
    ("某局2024年度部门决算及2025年部门预算", "部门决算"),  # a department's: its kind named first
    ("关于东岭市2021年预算执行情况和2024年预算草案的报告", None),  # no year and the one after it
])
def test_other_titles_with_two_years_keep_their_kind(title, kind):
    assert document_from_text(title + "\n正文。\n").meta["report_type"] == kind


DRAFT = ("关于东岭市2023年预算执行情况和2024年预算草案的报告\n一、2023年预算执行情况\n"
         "2023年全市一般公共预算收入80.00亿元，比上年增长4.7%。\n二、2024年预算草案\n"
         "2024年全市一般公共预算收入预期84.00亿元，比2023年执行数增长{rate}。\n"
         "表1 东岭市2024年一般公共预算收入预算表\n单位：万元\n"
         "项目\t2023年执行数\t2024年预算数\t比2023年执行数增长（%）\n"
         "一般公共预算收入\t800,000\t840,000\t5.0\n税收收入\t586,420\t621,600\t6.0\n非税收入\t213,580\t218,400\t2.3\n")


def test_the_draft_s_own_tables_bear_the_next_year_without_a_year_slip(tmp_path):
    """In a .docx, the table's caption a paragraph above it, as government reports print it."""
    import docx

    from auditor.engine import audit_file

    document = docx.Document()
    for line in ("关于西坪县2023年预算执行情况和2024年预算草案的报告", "一、2023年预算执行情况",
                 "全县一般公共预算支出完成52.30亿元。", "二、2024年预算草案",
                 "表2  西坪县2024年一般公共预算支出预算表", "单位：万元"):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, (["项目", "2023年执行数", "2024年预算数"], ["一般公共预算支出", "523,000", "531,000"])):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    path = tmp_path / "draft.docx"
    document.save(path)
    rules = [r for r in RULES if r.id in ("PER003", "PER004")]
    assert not [f for f in audit_file(path, rules).findings if f.severity != "info"]


def test_a_draft_s_rate_column_named_by_the_year_compared_with_is_the_next_year_s():
    base = fact_base(document_from_text(DRAFT.format(rate="5.0%")))
    cells = [f for f in base.facts if f.source == "table" and f.measure == "变动率"]
    assert cells and all(f.period == LATER for f in cells)


def test_a_draft_s_rate_is_told_against_the_report_year_s_outturn():
    assert not findings(DRAFT.format(rate="5.0%"), "DRV003", "FCT001")
    found = findings(DRAFT.format(rate="5.5%"), "DRV003")
    assert [(f.stated, f.expected) for f in found] == [("5.5%", "5.00%")]


RESTATED = ("关于南岗县2023年预算执行情况和2024年预算草案的报告\n一、2023年预算执行情况\n"
            "全县一般公共预算收入完成7.40亿元，比上年7.05亿元增长5.0%。\n二、2024年预算草案\n"
            "2024年全县一般公共预算收入安排7.77亿元，在2023年完成{base}亿元的基础上增长5.0%。\n")


def test_a_figure_named_as_the_report_year_s_in_a_draft_s_sentence_keeps_the_report_year():
    base = fact_base(document_from_text(RESTATED.format(base="7.40")))
    planned = next(f for f in base.facts if f.text == "7.77亿元")
    restated = next(f for f in base.facts if f.text == "7.40亿元" and "基础上" in base.sentences.get((f.block, f.sentence), ""))
    assert (planned.concept, planned.period) == ("一般公共预算财政拨款收入", LATER)
    assert (restated.concept, restated.period) == ("一般公共预算财政拨款收入", "本年")


def test_a_draft_s_rate_on_a_misstated_report_year_figure_is_told():
    assert not findings(RESTATED.format(base="7.40"), "DRV003")
    found = findings(RESTATED.format(base="7.47"), "DRV003")
    assert [f.stated for f in found] == ["5.0%"]  # 7.77 ÷ 7.47 − 1 = 4.02%


def test_a_government_s_final_account_is_an_account_of_its_year_not_a_report_during_it():
    doc = document_from_text("北屏县2023年财政决算报告\n受县人民政府委托，现将2023年财政决算情况报告如下。\n"
                             "一、预算执行进度与绩效监控情况\n全县一般公共预算收入9.01亿元。\n")
    assert (doc.meta["report_type"], doc.meta["report_year"]) == ("财政决算", 2023)
