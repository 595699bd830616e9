"""Plans that look years ahead (a project's 实施方案, a bond's 一案两书, 自求平衡方案, 信息披露文件,
中期财政规划): named a plan by their title lines (vocabulary.yaml report_types title_only), their
year the one they start from, their later years no misdated ones. Texts written for these tests.
"""
from __future__ import annotations

import pytest

from auditor.examples import document_from_text
from auditor.ruleset import load_rules

from audited import told

RULES = [r for r in load_rules() if r.id in ("PER001", "PER005")]


@pytest.mark.parametrize("title", [
    "南岗县2025年农村供水保障工程\n专项债券项目实施方案",
    "南岗县2025年农村供水保障工程\n专项债券“一案两书”之项目实施方案",
    "南岗县污水管网改造工程项目收益与融资自求平衡方案",
    "南岗县文旅基础设施项目\n2025年专项债券信息披露文件",
    "南岗县2025—2027年中期财政规划",
])
def test_a_plan_looking_ahead_is_named_by_its_title(title):
    doc = document_from_text(title + "\n一、项目概况\n项目总投资8,000.00万元。\n")
    assert doc.meta["report_type"] == "项目融资方案"


def test_a_report_citing_the_plan_it_carried_out_keeps_its_kind():
    text = ("南岗县2024年度部门决算说明\n一、基本情况\n本局按照项目实施方案推进供水工程建设。\n"
            "二、收入支出决算总体情况\n2024年度收入总计1,200.00万元。\n")
    assert document_from_text(text).meta["report_type"] == "部门决算"
    # (nor does a report of no known kind become a plan by a 实施方案 its body names)
    body = "某市国有资产管理情况的报告\n根据市政府印发的国企改革实施方案，全年完成重组3户。\n"
    assert document_from_text(body).meta["report_type"] is None


def test_a_plan_without_a_year_in_its_title_is_of_the_first_year_its_tables_head():
    # (2024年 before a tab and the next column's 2025年 is a column's head, no date 2024年2月)
    text = ("南岗县污水处理厂扩建工程\n项目收益与融资自求平衡方案\n第一章 项目概况\n"
            "项目于2024年6月开工，计划2025年12月建成。\n表1 资金筹措计划表\n资金来源\t2024年\t2025年\t合计\n"
            "专项债券\t6,000.00\t4,000.00\t10,000.00\n")
    assert document_from_text(text).meta["report_year"] == 2024


def test_a_plan_s_later_years_over_the_bond_s_term_are_no_misdated_ones():
    text = ("南岗县2024年农村供水保障工程\n专项债券项目实施方案\n四、还本付息\n"
            "截至2034年12月31日，项目累计实现收入12,600.00万元。\n2034年偿还债券本金4,000.00万元。\n")
    assert told(text, RULES) == []


def test_a_year_end_s_own_clause_decides_whether_it_is_a_plan_or_a_comparison():
    report = "某县2024年度项目支出绩效自评报告\n"
    assert told(report + "截至2023年12月31日，项目已支出600.00万元，余款将于2025年支付。\n", RULES) \
        == [("PER005", "2023 年", "2024 年")]
    assert told(report + "截至2023年12月31日，项目累计接待游客12.6万人次，比上年增长5.1%。\n", RULES) \
        == [("PER005", "2023 年", "2024 年")]
    assert told(report + "年末资产1,300.00万元，较2023年末增加80.00万元。\n", RULES) == []
    assert told(report + "截至2025年底，项目将累计完成投资2,000.00万元。\n", RULES) == []
