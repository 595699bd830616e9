"""Totals and their parts as public institutions' reports write them (hospitals, colleges, research
institutes): a remark in brackets among a 其中 list's items holding a list cue of its own (主要为);
a breakdown in brackets right after the amount, with no 其中; parts the vocabulary knows to be all of
the whole (门诊收入 + 住院收入 = 医疗收入); counts of staff and of projects by kinds that share out the
whole (在编 / 编外, 编制内 / 编制外), named with other nouns after the kind's word.

Each test writes a short report of its own and asserts what is reported, or that a consistent one
stays quiet.
"""
from __future__ import annotations

import pytest

from auditor.examples import document_from_text
from auditor.ruleset import load_rules

from audited import told

RULES = [r for r in load_rules() if r.id in ("CAL001", "CNT006")]
HEAD = "某市第二人民医院2024年度部门整体支出绩效自评报告\n"


def fired(body: str) -> list[tuple[str, str, str]]:
    doc = document_from_text(HEAD + body + "\n", "report.txt")
    return told(doc, RULES)


# a 其中 list whose third item carries a remark in brackets opening with a cue word
CARRIED = "年末结转和结余{total}，其中：一类结转150.00万元，二类结转90.00万元，三类结余300.00万元（{remark}），四类结余40.00万元。"


@pytest.mark.parametrize("remark", ["主要为提取的风险基金", "主要用于设备更新", "包括风险基金"])
def test_a_cue_inside_brackets_opens_no_list_of_the_sentence(remark):
    assert fired(CARRIED.format(total="560.00万元", remark=remark)) == [("CAL001", "560.00万元", "580.00万元")]
    assert fired(CARRIED.format(total="580.00万元", remark=remark)) == []


def test_the_earliest_cue_outside_brackets_opens_the_list():
    # (主要包括 is longer than 包括 and later: the list after the first 包括 is the amount's)
    body = "培训经费96.00万元，包括师资费40.00万元、场地费30.00万元、资料费{fee}，主要包括年度骨干培训。"
    assert fired(body.format(fee="36.00万元")) == [("CAL001", "96.00万元", "106.00万元")]
    assert fired(body.format(fee="26.00万元")) == []


@pytest.mark.parametrize("body", ["医疗收入15,240.80万元（门急诊收入6,102.30万元，住院收入{inpatient}）。",
                                  "医疗收入15,240.80万元，其中门急诊收入6,102.30万元、住院收入{inpatient}。"])
def test_medical_income_is_its_outpatient_and_inpatient_income(body):
    assert fired(body.format(inpatient="9,118.50万元")) == [("CAL001", "15,240.80万元", "15,220.80万元")]
    assert fired(body.format(inpatient="9,158.50万元")) == [("CAL001", "15,240.80万元", "15,260.80万元")]
    assert fired(body.format(inpatient="9,138.50万元")) == []


def test_a_bracket_of_named_amounts_right_after_an_amount_is_a_list_of_its_parts():
    body = "培训收入420.00万元（短训班收入260.00万元，进修收入{fee}）。"
    assert fired(body.format(fee="180.00万元")) == [("CAL001", "420.00万元", "440.00万元")]
    assert fired(body.format(fee="140.00万元")) == []  # (unknown things: some parts only)
    # a bracket remarking on the amount (what it includes, how it changed) lists no parts
    assert fired("培训收入420.00万元（含短训班收入260.00万元，进修收入180.00万元）。") == []
    assert fired("培训收入420.00万元（上年380.00万元，增加40.00万元）。") == []


def test_complementary_kinds_add_up_to_the_whole_whatever_nouns_follow():
    body = "在岗职工820人（在编536人，编外劳务派遣{n}人）。"
    assert fired(body.format(n=287)) == [("CNT006", "820人", "823人")]
    assert fired(body.format(n=281)) == [("CNT006", "820人", "817人")]
    assert fired(body.format(n=284)) == []


@pytest.mark.parametrize("body,stated,first", [
    ("年末实有人员1,040人，其中在职职工820人、退休人员{n}人。", "1040人", 820),
    ("在研课题60项，其中纵向课题34项，横向委托项目{n}项。", "60项", 34),
])
def test_kinds_that_may_leave_others_never_pass_the_whole(body, stated, first):
    # (实有人数 may count 遗属 beside 在职 and 退休; a research unit's own projects are neither
    # 纵向 nor 横向: short of the whole is no error, more than it is)
    whole, unit = int(stated[:-1]), stated[-1]
    assert fired(body.format(n=whole - first + 3)) == [("CNT006", stated, f"≥ {whole + 3}{unit}")]
    assert fired(body.format(n=whole - first - 3)) == []
    assert fired(body.format(n=whole - first)) == []


def test_levels_of_government_are_a_selection_never_more_than_the_whole():
    body = "纵向课题34项（国家级5项、省部级{n}项、市厅级12项）。"
    assert fired(body.format(n=19)) == [("CNT006", "34项", "≥ 36项")]
    assert fired(body.format(n=13)) == []  # (校级 ones besides: short of the whole is no error)


def test_a_narrower_thing_named_alike_is_a_selection():
    # (在编教师, 编外教师 under 教职工: the same noun the whole lacks, some of its staff only)
    assert fired("年末教职工126人，其中在编教师88人、编外教师30人。") == []


def test_an_amount_after_the_bracket_of_parts_is_no_part():
    # (科教收入 after the bracket is 医疗收入's sibling under 事业收入, no item of its bracket)
    body = "事业收入中，医疗收入15,240.80万元（门急诊收入6,102.30万元，住院收入{inpatient}），科教收入96.00万元。"
    assert fired(body.format(inpatient="9,118.50万元")) == [("CAL001", "15,240.80万元", "15,220.80万元")]
    assert fired(body.format(inpatient="9,138.50万元")) == []
