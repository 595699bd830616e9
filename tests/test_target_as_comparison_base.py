"""A bare 完成率 after what was done and the target stated as a comparison's base (较年度计划X) with
the excess after it: done ÷ target, the excess no quantity done; 比目标少X states no target; a
其中 part after the comparison or a target stated later is no pair of it. Texts written for these
tests."""
from __future__ import annotations

from audited import told
from auditor.ruleset import load_rules

RULES = [r for r in load_rules() if r.id == "DRV007"]
HEAD = "某县水利局2024年度部门整体支出绩效自评报告\n"
INVESTED = "全年完成水利工程建设投资8,650万元，较年度计划8,000万元超出650万元，"


def test_excess_after_the_target_is_no_quantity_done():
    assert told(HEAD + INVESTED + "完成率108.13%。\n", RULES) == []


def test_a_wrong_rate_is_told_against_the_target_compared_with():
    assert told(HEAD + INVESTED + "完成率110.13%。\n", RULES) == [("DRV007", "110.13%", "108.13%")]


def test_a_shortfall_from_the_target_states_no_target():
    assert told(HEAD + "全年完成造林1.20万亩，比目标少0.12万亩，完成率90.00%。\n", RULES) == []


def test_a_part_after_the_comparison_or_a_later_target_is_not_judged():
    assert told(HEAD + "全年完成造林1.32万亩，较年度计划1.20万亩超出0.12万亩，其中人工造林0.80万亩，完成率100%。\n",
                RULES) == []
    assert told(HEAD + INVESTED + "年中计划调整为9,000万元，完成率96.11%。\n", RULES) == []
