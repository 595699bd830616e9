"""Figures per unit (人均, 次均, 生均, 户均) of public institutions: whose total they divide, and
their change on last year.

- a part of the thing listed after 其中/包括, named narrower (基础研究经费 of 研究经费), is no
  total of it: with only such parts stated, nothing is judged (DRV014);
- the words before the word per head narrow the thing and the heads (门诊次均费用: 门诊收入 ÷ 门诊
  人次), wherever in the report they are stated, and a total the tables alone state is read (DRV014);
- an amount per unit compared with last year's amount per unit right after it is this year's:
  its rate of change is judged, in size and way (DRV003).
"""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_rules

BY_ID = {r.id: r for r in load_rules()}


def found(text: str, rule: str) -> list[tuple[str, str]]:
    doc = document_from_text(text, "report.txt")
    return [(f.stated, f.expected) for f in audit_document(doc, [BY_ID[rule]]).findings]


INSTITUTE = ("某研究中心2024年度部门整体支出绩效自评报告\n一、基本情况\n年末在职人员90人，其中研究人员60人。\n"
             "二、收支情况\n{money}\n三、绩效情况\n按研究人员60人计算，人均研究经费{per}万元。\n")


@pytest.mark.parametrize("money", [
    # the parts of 研究经费 only, each named narrower, after 其中 / 包括
    "事业收入均为研究经费，其中基础研究经费540.00万元，应用开发经费360.00万元。",
    "事业收入均为研究经费，包括基础研究经费540.00万元、应用开发经费360.00万元。",
])
def test_a_listed_part_is_no_total(money):
    # (900.00 ÷ 60 = 15.00 is what is meant; 540.00 ÷ 60 = 9.00 would be a false alarm)
    assert found(INSTITUTE.format(money=money, per="15.00"), "DRV014") == []


def test_the_whole_before_its_parts_is_the_total():
    money = "研究经费900.00万元，其中基础研究经费540.00万元，应用开发经费360.00万元。"
    assert found(INSTITUTE.format(money=money, per="16.00"), "DRV014") == [("16.00万元", "15.00万元")]
    assert found(INSTITUTE.format(money=money, per="15.00"), "DRV014") == []


CLINIC = ("某社区卫生服务中心2024年度部门整体支出绩效自评报告\n一、服务情况\n全年完成门急诊2.50万人次，出院600人次。\n"
          "二、收入情况\n医疗收入690.00万元，其中门急诊收入240.00万元，住院收入450.00万元。\n"
          "三、绩效情况\n门急诊次均费用{outpatient}元，出院者次均费用{inpatient}元。\n")


def test_the_words_before_the_word_per_head_name_the_total_and_the_count():
    assert found(CLINIC.format(outpatient="96.00", inpatient="7,500.00"), "DRV014") == []
    assert found(CLINIC.format(outpatient="99.00", inpatient="7,500.00"), "DRV014") == [("99.00元", "96.00元")]
    assert found(CLINIC.format(outpatient="96.00", inpatient="7,800.00"), "DRV014") == [("7,800.00元", "7,500.00元")]


def test_a_total_stated_in_a_table_only():
    text = ("某职业学校2024年度部门决算\n一、基本情况\n全日制在校学生1,600人。\n二、支出情况\n生均教育支出{per}万元。\n"
            "表1 支出决算表\n单位：万元\n项目\t本年支出合计\t基本支出\t项目支出\n教育支出\t2,400.00\t1,900.00\t500.00\n")
    assert found(text.format(per="1.50"), "DRV014") == []
    assert found(text.format(per="1.40"), "DRV014") == [("1.40万元", "1.50万元")]


@pytest.mark.parametrize("sentence,stated,expected", [
    ("户均补助资金2,100元，较上年的2,000元增长4.00%。", "4.00%", "5.00%"),
    ("生均公用经费0.90万元，比上年的1.00万元增长10.00%。", "增长10.00%", "下降10.00%"),
    ("床均业务收入60.00万元，较上年床均业务收入50.00万元增长25.00%。", "25.00%", "20.00%"),
])
def test_the_change_of_an_amount_per_unit(sentence, stated, expected):
    text = f"某单位2024年度部门整体支出绩效自评报告\n一、绩效情况\n{sentence}\n"
    assert found(text, "DRV003") == [(stated, expected)]


@pytest.mark.parametrize("sentence", [
    "户均补助资金2,100元，较上年的2,000元增长5.00%。",
    # last year's of the whole, not per household: not compared
    "户均补助资金2,100元，较上年的补助资金2,000元增长4.00%。",
])
def test_a_right_or_unrelated_change_per_unit_is_quiet(sentence):
    text = f"某单位2024年度部门整体支出绩效自评报告\n一、绩效情况\n{sentence}\n"
    assert found(text, "DRV003") == []


def test_words_before_the_word_per_head_naming_the_heads():
    # (务工群众 names the heads, no narrower thing: the 劳务报酬 of all of them is the total)
    text = "某县2024年以工代赈项目绩效自评报告\n全年吸纳群众务工250人，累计发放劳务报酬200.00万元，务工群众人均获得劳务报酬{per}万元。\n"
    assert found(text.format(per="0.80"), "DRV014") == []
    assert found(text.format(per="0.90"), "DRV014") == [("0.90万元", "0.80万元")]


def test_a_total_narrowed_by_another_qualifier_is_not_read():
    # (the 门急诊 visits' income is stated nowhere; the 住院收入 is the inpatients')
    text = ("某卫生院2024年度部门整体支出绩效自评报告\n一、服务情况\n全年完成门急诊2.50万人次。\n二、收入情况\n"
            "住院收入450.00万元。\n三、绩效情况\n门急诊次均费用96.00元。\n")
    assert found(text, "DRV014") == []
