"""Sums and rates in prose across the words between their figures (texts written for these tests).

A budget followed by its sources (其中 / 按…划分 / 分别为, in its sentence or opening the next):
the sources are the budget's parts, in its measure; they add up to it, and an execution rate
later on is on the whole. A surplus after an income's own 其中 part and share, and a rate whose
figure a clause closed by 的 names (达到…标准的), are judged as their plain forms are.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.engine import audit_document, audit_file
from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.ruleset import load_rules

RULES = load_rules()
HEAD = "某县2024年度农村道路提升项目支出绩效自评报告"
SOURCES = "中央补助760.00万元、省级补助420.00万元、县级配套{county}万元。"
# the budget and its sources, in the layouts the reports use
LEADS = {
    "next_sentence_breakdown_opener": "项目全年预算数1,480.00万元。按资金来源划分，其中：",
    "same_sentence_breakdown_opener": "项目全年预算数1,480.00万元，按资金来源划分，其中：",
    "next_sentence_breakdown": "项目全年预算数1,480.00万元。按资金来源划分：",
    "next_sentence_respectively": "项目全年预算数1,480.00万元。资金来源分别为：",
    "same_sentence_respectively": "项目全年预算数1,480.00万元，资金来源分别为",
}
SPENT = "截至2024年12月31日，项目实际支出1,406.00万元，预算执行率为{rate}。"


def _found(lines: list[str], suffix: str, tmp_path) -> list:
    if suffix == ".txt":
        path = tmp_path / "report.txt"
        path.write_text("\n".join([HEAD, *lines]) + "\n", encoding="utf-8")
    else:
        import docx

        path = tmp_path / "report.docx"
        document = docx.Document()
        for line in [HEAD, *lines]:
            document.add_paragraph(line)
        document.save(str(path))
    return [f for f in audit_file(str(path), RULES).findings if f.severity != "info"]


@pytest.mark.parametrize("lead", sorted(LEADS))
def test_sources_after_a_budget_are_its_parts_in_its_measure(lead):
    base = fact_base(document_from_text(f"{HEAD}\n{LEADS[lead]}{SOURCES.format(county='300.00')}\n"))
    parts = [f for f in base.facts if f.value in (Decimal("760.00"), Decimal("420.00"), Decimal("300.00"))]
    assert [f.measure for f in parts] == ["全年预算"] * 3
    assert all(f.id in base.list_parts for f in parts)


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("lead", sorted(LEADS))
def test_sources_not_adding_up_to_the_budget_are_told(lead, suffix, tmp_path):
    found = _found([LEADS[lead] + SOURCES.format(county="320.00")], suffix, tmp_path)
    assert [(f.rule, f.stated, f.expected) for f in found] == [("CAL001", "1,480.00万元", "1,500.00万元")]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("lead", sorted(LEADS))
def test_an_execution_rate_after_the_sources_is_on_the_whole_budget(lead, suffix, tmp_path):
    lines = [LEADS[lead] + SOURCES.format(county="300.00")]
    assert _found([*lines, SPENT.format(rate="95.00%")], suffix, tmp_path) == []
    found = _found([*lines, SPENT.format(rate="97.00%")], suffix, tmp_path)
    assert [(f.rule, f.stated, f.expected) for f in found] == [("DRV004", "97.00%", "95.00%")]


def test_a_spent_amount_named_so_still_stands_against_the_rate():
    # (已支付 says spending: which amount the rate is of cannot be told)
    text = f"{HEAD}\n项目全年预算数1,480.00万元，已支付1,290.00万元。\n项目实际支出1,406.00万元，预算执行率为97.00%。\n"
    assert [f for f in audit_document(document_from_text(text), RULES).findings
            if f.rule == "DRV004"] == []


def test_an_item_of_a_list_is_no_whole_of_the_next_sentence():
    text = (f"{HEAD}\n本年支出1,480.00万元，其中基本支出900.00万元、项目支出580.00万元。"
            "按经济分类划分：工资福利支出700.00万元、商品和服务支出180.00万元。\n")
    assert [f for f in audit_document(document_from_text(text), RULES).findings if f.rule == "CAL001"] == []


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_surplus_after_the_income_part_and_its_share_is_judged(suffix, tmp_path):
    line = ("全年收入18,420.60万元，其中省级转移支付资金6,300.00万元，占全年收入的34.20%；"
            "全年支出17,905.10万元，收支结余{surplus}万元。")
    assert _found([line.format(surplus="515.50")], suffix, tmp_path) == []
    found = _found([line.format(surplus="551.50")], suffix, tmp_path)
    assert [(f.rule, f.stated, f.expected) for f in found] == [("SUM015", "551.50万元", "515.50万元")]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_rate_of_a_figure_named_by_a_clause_is_judged(suffix, tmp_path):
    line = "全县150所农村中小学中，{which}达到省定办学标准的{count}所，达标率为{rate}。"
    assert _found([line.format(which="", count=117, rate="78.0%")], suffix, tmp_path) == []
    found = _found([line.format(which="", count=117, rate="80.0%")], suffix, tmp_path)
    assert [(f.rule, f.stated, f.expected) for f in found] == [("DRV016", "80.0%", "78.00%")]
    # (未达到…的33所: the complement, no figure of the rate's)
    assert _found([line.format(which="未", count=33, rate="80.0%")], suffix, tmp_path) == []
