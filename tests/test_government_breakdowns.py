"""Breakdowns and shares as government-level budget reports write them (预算执行情况和预算草案的
报告, 财政决算报告, 国有资产管理情况综合报告): a 其中 list opening its own sentence after a whole
compared with its budget and last year, its items set apart by ； and each followed by its own
growth; parts in another unit than the whole (亿元 whole, 万元 part); a share of a whole stated in
another unit in the paragraph before; a 其中 list after a run of amounts, of the one its items name.

Each test writes a short report of its own and asserts what is reported, or that a consistent
one stays quiet.
"""
from __future__ import annotations

from auditor.examples import document_from_text
from auditor.ruleset import load_rules

from audited import told

RULES = [r for r in load_rules() if r.id in ("CAL001", "DRV001")]
HEAD = "关于某市2025年预算执行情况和2026年预算草案的报告\n"


def fired(body: str) -> list[tuple[str, str, str]]:
    doc = document_from_text(HEAD + body + "\n", "report.txt")
    return told(doc, RULES)


# the whole, then its budget, its surplus and last year's figure; its items after ；, each with its growth
REVENUE = ("全市一般公共预算收入完成26.40亿元，为预算25.80亿元的102.3%，超收0.60亿元，比上年24.95亿元增长5.8%。"
           "其中：税收收入{tax}，增长6.1%；非税收入{fees}，下降3.2%。")


def test_items_set_apart_by_semicolons_each_with_its_growth_are_summed():
    assert fired(REVENUE.format(tax="18.72亿元", fees="7.98亿元")) == [("CAL001", "26.40亿元", "26.70亿元")]
    assert fired(REVENUE.format(tax="18.72亿元", fees="7.68亿元")) == []


def test_a_part_in_another_unit_than_the_whole_is_read_in_one_unit():
    assert fired(REVENUE.format(tax="18.72亿元", fees="79,800万元")) == [("CAL001", "26.40亿元", "26.70亿元")]
    assert fired(REVENUE.format(tax="18.72亿元", fees="76,800万元")) == []
    # (the same in one sentence, the items joined by 、)
    body = "全市一般公共预算收入完成26.40亿元，其中税收收入18.72亿元、非税收入{fees}。"
    assert fired(body.format(fees="79,800万元")) == [("CAL001", "26.40亿元", "26.70亿元")]
    assert fired(body.format(fees="76,800万元")) == []


def test_a_list_that_may_be_partial_is_not_faulted_for_a_smaller_sum():
    # (税收收入 and 非税收入 are not declared the whole's only parts: a sum below it is no error)
    assert fired(REVENUE.format(tax="18.72亿元", fees="6,800万元")) == []


ASSETS = ("截至2025年末，全市行政事业单位资产总额{total}，比上年增长2.6%；负债总额21.30亿元；净资产{net}。"
          "其中，行政单位资产总额{admin}，占{admin_share}；事业单位资产总额58.10亿元，占{inst_share}。")


def test_a_list_after_a_run_of_amounts_is_of_the_one_its_items_name():
    quiet = ASSETS.format(total="96.50亿元", net="75.20亿元", admin="38.40亿元", admin_share="39.8%",
                          inst_share="60.2%")
    assert fired(quiet) == []
    wrong = ASSETS.format(total="96.50亿元", net="75.20亿元", admin="39.40亿元", admin_share="40.8%",
                          inst_share="60.2%")
    found = fired(wrong)
    assert ("CAL001", "96.50亿元", "97.50亿元") in found
    assert not any(stated == "75.20亿元" for _, stated, _ in found)


def test_a_share_of_a_whole_in_another_unit():
    # (the whole in 亿元, the part in 万元: compared in one unit)
    body = "全市行政事业单位资产总额96.50亿元，其中固定资产512,350万元，占资产总额的{share}。"
    assert fired(body.format(share="53.1%")) == []
    assert fired(body.format(share="35.1%")) == [("DRV001", "35.1%", "53.09%")]
