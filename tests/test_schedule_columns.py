"""A monitoring form's time schedule column (DRV024) and its gap column (DRV025): a schedule
counted in days is the report's own year's (182 ÷ 366 to the end of June 2024, 181 ÷ 365 in
2025), and rates printed bare under a head stating % (执行率（%）) are rates."""
from __future__ import annotations

import pytest

from auditor.kinds.schedule_columns import day_shares
from auditor.ruleset import load_rules

from audited import told

BY_ID = {r.id: r for r in load_rules()}
FORM = ("某区{year}年1-6月项目支出绩效运行监控情况报告\n表1 重点项目预算执行监控表（单位：万元）\n"
        "项目名称\t全年预算数\t1-6月执行数\t执行率\t时间进度\n道路养护项目\t600.00\t312.00\t52.00%\t{share}\n")


@pytest.mark.parametrize("year,share,quiet", [
    (2024, "49.73%", True), (2024, "49.59%", False),  # a leap year: 182 days of 366
    (2025, "49.59%", True), (2025, "49.73%", False),  # a common year: 181 days of 365
    (2025, "50.00%", True), (2024, "50%", True),  # months ÷ 12, in any year
])
def test_a_schedule_in_days_is_the_report_years(year, share, quiet):
    found = told(FORM.format(year=year, share=share), [BY_ID["DRV024"]])
    assert found == ([] if quiet else [("DRV024", f"道路养护项目 {share}", "50.00%")])


def test_a_report_stating_no_year_takes_either_kind_of_year():
    assert [float(round(s, 2)) for s in day_shares(6, None)] == [49.59, 49.73]
    assert [float(round(s, 2)) for s in day_shares(6, 2024)] == [49.73]
    assert [float(round(s, 2)) for s in day_shares(3, 2024)] == [round(91 / 366 * 100, 2)]


def test_bare_rates_under_a_head_stating_percent():
    form = ("某县2025年项目支出绩效运行监控表（1-6月）\n单位：万元\n资金来源\t全年预算数\t1-6月执行数\t执行率（%）"
            "\t时间进度（%）\t偏差（百分点）\n财政拨款\t800.00\t360.00\t45.00\t50.00\t{gap}\n")
    assert told(form.format(gap="-5.00"), [BY_ID["DRV025"]]) == []
    assert told(form.format(gap="-3.00"), [BY_ID["DRV025"]]) == [("DRV025", "财政拨款 -3.00", "-5.00")]


@pytest.mark.parametrize("numbering", [
    "栏次\t1\t2\t3=2/1\t4\t5=3-4", "栏次\t1\t2\t3\t4\t5", "\t1\t2\t3\t4\t5", "栏次\t1\t2\t3＝2÷1\t4\t5=3−4",
])
def test_a_numbering_row_under_the_heads_is_no_row_of_figures(numbering):
    form = ("某乡2025年项目资金运行监控表（1-6月）\n资金来源\t全年预算数\t1-6月执行数\t执行率（%）\t时间进度（%）"
            "\t偏差（百分点）\n" + numbering + "\n上级补助\t300.00\t120.00\t40.00\t{share}\t{gap}\n")
    rules = [BY_ID["DRV024"], BY_ID["DRV025"]]
    assert told(form.format(share="50.00", gap="-10.00"), rules) == []
    # (the row under it is read: its schedule and its gap are held to the period)
    assert told(form.format(share="60.00", gap="-20.00"), rules) == [("DRV024", "上级补助 60.00", "50.00%")]
    assert told(form.format(share="50.00", gap="-12.00"), rules) == [("DRV025", "上级补助 -12.00", "-10.00")]


@pytest.mark.parametrize("title,share,quiet", [
    ("表2 2024年1-6月重点项目执行情况", "49.73%", True),  # the table's own leap year
    ("表2 2024年1-6月重点项目执行情况", "49.59%", False),  # the report's common year is not the table's
    ("表2 重点项目执行情况", "49.59%", True),  # no year of its own: the report's
    ("表2 重点项目执行情况", "49.73%", False),
])
def test_a_schedule_in_days_is_of_the_tables_own_year(title, share, quiet):
    text = ("某区2025年1-6月项目支出绩效运行监控情况报告\n" + title + "（单位：万元）\n"
            "项目名称\t全年预算数\t1-6月执行数\t执行率\t时间进度\n绿化养护\t300.00\t150.00\t50.00%\t" + share + "\n")
    assert told(text, [BY_ID["DRV024"]]) == ([] if quiet else [("DRV024", f"绿化养护 {share}", "50.00%")])
