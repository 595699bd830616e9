"""Two parts listed each with its share, the shares making 100% as printed and no whole stated for
them: the shares are of the two parts' sum (as for three or more); with a whole stated or guessed,
that whole keeps its reading; shares leaving a part out (88.09% + 11.60%) are of a larger whole.
Texts written for these tests."""
from __future__ import annotations

from audited import told
from auditor.ruleset import load_rules

RULES = [r for r in load_rules() if r.id == "DRV001"]
HEAD = "某县2024年度乡村公益性岗位补贴项目支出绩效自评报告\n"
SWAPPED = [("DRV001", "10.43%", "89.57%"), ("DRV001", "89.57%", "10.43%")]


def test_swapped_shares_of_two_parts_fire():
    assert told(HEAD + "全年支出中，岗位补贴598.70万元，占10.43%；意外伤害保险69.70万元，占89.57%。\n", RULES) == SWAPPED


def test_right_shares_of_two_parts_are_quiet():
    assert told(HEAD + "全年支出中，岗位补贴598.70万元，占89.57%；意外伤害保险69.70万元，占10.43%。\n", RULES) == []
    assert told(HEAD + "岗位补贴598.70万元，占89.57%；意外伤害保险69.70万元，占10.43%。\n", RULES) == []


def test_a_stated_whole_off_its_two_parts_is_still_the_wholes_finding():
    found = told(HEAD + "全年支出合计2,318.40万元，按支出性质划分，基本支出1,520.16万元，占比66.14%；"
                 "项目支出778.24万元，占33.86%。\n", RULES)
    assert [stated for _, stated, _ in found] == ["2,318.40万元"]


def test_two_parts_of_a_whole_named_but_stated_nowhere():
    line = HEAD + "岗位补贴598.70万元，占项目支出的{a}；意外伤害保险69.70万元，占项目支出的{b}。\n"
    assert told(line.format(a="10.43%", b="89.57%"), RULES) == SWAPPED
    assert told(line.format(a="89.57%", b="10.43%"), RULES) == []


def test_two_shares_leaving_a_part_out_are_not_judged():
    assert told(HEAD + "从支出结构看，基本支出1,112.00万元，占88.09%；项目支出146.40万元，占11.60%。\n", RULES) == []
