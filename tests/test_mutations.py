"""Mutation test over the project's own consistent report (tests/fixtures/clean_report.txt).

One amount, unit, percentage, score, count or year is changed at a time, wherever a rule
covers it; at least 90% of the mutations must produce a new finding of the right class.
Consistent edits (a part and its total changed together) must produce none.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_rules

CLEAN = (Path(__file__).parent / "fixtures" / "clean_report.txt").read_text(encoding="utf-8")
RULES = load_rules()

# (what changes, text before, text after, class expected)
MUTATIONS = [
    ("整体支出金额", "整体支出500.00万元", "整体支出510.00万元", "total_mismatch"),
    ("整体支出单位", "整体支出500.00万元", "整体支出500.00元", "unit_error"),
    ("基本支出构成", "人员经费250.00万元", "人员经费240.00万元", "total_mismatch"),
    ("三公经费合计", "“三公”经费支出6.00万元", "“三公”经费支出7.00万元", "total_mismatch"),
    ("完成比例", "完成预算的90%", "完成预算的95%", "ratio_mismatch"),
    ("增长比例", "增长25%", "增长20%", "ratio_mismatch"),
    ("大于/小于", "支出决算数大于年初预算数", "支出决算数小于年初预算数", "direction_mismatch"),
    ("活动年份", "2024年度共举办", "2023年度共举办", "period_mismatch"),
    ("签字年份", "2025年3月20日", "2015年3月20日", "period_mismatch"),
    ("列举个数", "内设科室3个", "内设科室4个", "count_mismatch"),
    ("指标个数", "共设置 4 个绩效指标", "共设置 5 个绩效指标", "count_mismatch"),
    ("执行得分", "90.00%\t9\n", "90.00%\t10\n", "score_mismatch"),
    ("执行率", "90.00%\t9\n", "95.00%\t9\n", "ratio_mismatch"),
    ("指标得分", "活动满意率\t≥90%\t95%\t20\t20", "活动满意率\t≥90%\t95%\t20\t18", "score_mismatch"),
    ("总分", "100\t99\n", "100\t97\n", "score_mismatch"),
    ("类别分值", "活动满意率\t≥90%\t95%\t20\t20", "活动满意率\t≥90%\t95%\t25\t20", "weight_mismatch"),
    ("严格目标", "举办推广活动\t≥24场", "举办推广活动\t>24场", "target_not_met"),
    ("数字格式", "其中基本支出320.00万元", "其中基本支出320.00.00万元", "malformed_number"),
    ("编号", "三、项目支出情况", "5、项目支出情况", "numbering"),
    ("三公表合计", "6.00\t0\t5.00\t0\t5.00\t1.00", "6.50\t0\t5.00\t0\t5.00\t1.00", "total_mismatch"),
]
# every amount of the expenditure table, one at a time
TABLE_ROWS = re.findall(r"^(?:合计|\d{3,7})\t[^\t\n]*\t\d[^\n]*$", CLEAN, flags=re.M)
for row in TABLE_ROWS:
    cells = row.split("\t")
    for i, cell in enumerate(cells[2:], start=2):
        if cell:
            changed = cells.copy()
            changed[i] = f"{float(cell) + 7:.2f}"
            MUTATIONS.append((f"支出表 {cells[0]} 第{i + 1}栏", row, "\t".join(changed), "total_mismatch"))

# a consistent edit changes a fact everywhere it is stated: in the text and in the tables
CONSISTENT_EDITS = [
    ("人员经费与公用经费对调", [("人员经费250.00万元", "人员经费240.00万元"), ("公用经费70.00万元", "公用经费80.00万元")]),
    ("三公合计与接待费同改", [("“三公”经费支出6.00万元", "“三公”经费支出7.00万元"),
                       ("公务接待费1.00万元", "公务接待费2.00万元"),
                       ("6.00\t0\t5.00\t0\t5.00\t1.00", "7.00\t0\t5.00\t0\t5.00\t2.00")]),
    ("支出表类与合计同改", [("合计\t\t500.00\t320.00\t180.00", "合计\t\t510.00\t330.00\t180.00"),
                       ("208\t社会保障和就业支出\t40.00\t40.00\t", "208\t社会保障和就业支出\t50.00\t50.00\t"),
                       ("整体支出500.00万元", "整体支出510.00万元"), ("其中基本支出320.00万元", "其中基本支出330.00万元"),
                       ("基本支出320.00万元，", "基本支出330.00万元，"), ("公用经费70.00万元", "公用经费80.00万元")]),
    ("指标得分与总分同改", [("活动满意率\t≥90%\t95%\t20\t20", "活动满意率\t≥90%\t95%\t20\t18"), ("100\t99\n", "100\t97\n")]),
]


def _classes(text: str) -> set[tuple[str, str]]:
    result = audit_document(document_from_text(text, "<mutant>"), RULES)
    return {(f.cls, f.quote) for f in result.findings if f.severity != "info"}


BASELINE = _classes(CLEAN)


def test_clean_report_has_no_findings():
    assert BASELINE == set()


def _mutant(before: str, after: str) -> str:
    assert CLEAN.count(before) >= 1, before
    return CLEAN.replace(before, after, 1)


def test_at_least_90_percent_of_mutations_are_caught():
    caught, missed = 0, []
    for name, before, after, cls in MUTATIONS:
        new = _classes(_mutant(before, after)) - BASELINE
        if any(c == cls for c, _ in new):
            caught += 1
        else:
            missed.append((name, cls, sorted(new)))
    rate = caught / len(MUTATIONS)
    print(f"mutations caught {caught}/{len(MUTATIONS)} = {rate:.0%}; missed: {missed}")
    assert rate >= 0.9, missed


@pytest.mark.parametrize("name,edits", CONSISTENT_EDITS, ids=[n for n, _ in CONSISTENT_EDITS])
def test_consistent_edits_produce_no_finding(name, edits):
    text = CLEAN
    for before, after in edits:
        text = text.replace(before, after, 1)
    assert _classes(text) - BASELINE == set()
