"""Counts in tables read with their unit (a row label's bracket, a caption's 单位：辆), so that a
sentence restating them is compared, and whole counts are summed exactly. Texts written for these
tests."""
from __future__ import annotations

from decimal import Decimal

from auditor.examples import document_from_text
from auditor.facts.base import fact_base

HEAD = "某局2024年度部门决算\n"


def table_facts(text: str):
    return {f.label.strip(): f for f in fact_base(document_from_text(HEAD + text)).facts if f.source == "table"}


def test_a_row_label_bracket_gives_a_count_column_its_unit():
    facts = table_facts("统计表\n项目\t数量\n公务用车保有量（辆）\t16\n国内公务接待批次（批次）\t64\n")
    kept = next(f for label, f in facts.items() if label.startswith("公务用车保有量"))
    assert (kept.concept, kept.unit, kept.value) == ("公务用车保有量", "辆", Decimal(16))
    assert next(f for label, f in facts.items() if label.startswith("国内公务接待批次")).unit == "批次"


def test_a_count_row_is_no_money_concept():
    facts = table_facts("统计表\n项目\t数量\n公务用车购置数（辆）\t2\n")
    bought = next(iter(facts.values()))
    assert bought.concept == "公务用车购置数" and bought.unit == "辆"


def test_a_caption_unit_of_things_counted_whole():
    facts = table_facts("车辆统计表（单位：辆）\n项目\t数量\n车辆合计\t8\n执法执勤用车\t6\n其他用车\t2\n")
    assert facts["车辆合计"].concept == "车辆总数" and facts["车辆合计"].unit == "辆"
    assert facts["其他用车"].unit == "辆"


def test_a_caption_of_several_units_gives_none_to_all():
    facts = table_facts("资产情况表（车辆单位：辆；设备单位：台、套）\n项目\t数量\n车辆合计\t8\n"
                        "单位价值50万元以上通用设备\t1\n")
    assert facts["车辆合计"].unit == ""
    assert facts["单位价值50万元以上通用设备"].concept == "50万元以上通用设备"


def test_a_row_label_ending_with_its_count_unit_gives_its_bare_figures_that_unit():
    """培训人次 | 1,324 in a table printing no unit: 人次 (concepts.yaml count_head_endings)."""
    facts = table_facts("指标\t2023年\t2024年\n培训人次\t1,100\t1,324\n")
    assert {f.unit for label, f in facts.items() if label.startswith("培训人次")} == {"人次"}


def test_a_table_naming_its_own_unit_keeps_its_counts_off_the_label_s_unit():
    """参保人数 | 125.30 under a title naming 单位：万人: no 125.30 人 (the table's unit is the title's)."""
    facts = table_facts("表1 参保情况（单位：万人）\n项目\t2023年\t2024年\n参保人数\t120.50\t125.30\n")
    assert all(f.unit != "人" for label, f in facts.items() if label.startswith("参保人数"))
