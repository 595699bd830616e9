"""Claims over several years: 年均增长 against the compound rate of the first and last year's
figures, 逐年 / 连续N年 trends against every step of the series, and a span's total (近三年,
“十四五”以来, 三年合计) against its years' figures. Each report is written for the test."""
from __future__ import annotations

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_rules

RULES = {r.id: r for r in load_rules() if r.id in ("DRV021", "DIR005", "CAL001")}
HEAD = "某县林业局2024年度部门整体支出绩效自评报告\n"


def findings(text: str, rule_id: str):
    doc = document_from_text(HEAD + text, "report.txt")
    return [f for f in audit_document(doc, [RULES[rule_id]]).findings if f.rule == rule_id]


def test_simple_average_growth_is_reported_and_named():
    text = "森林管护支出2022年400.00万元、2023年430.00万元、2024年470.00万元，近三年年均增长8.75%。\n"
    found = findings(text, "DRV021")
    assert len(found) == 1 and "8.40%" in found[0].message and "简单平均" in found[0].message


def test_compound_growth_from_a_year_before_to_the_report_year():
    text = "护林员人数2021年、2022年、2023年、2024年分别为200人、210人、220人、236人，较2021年年均增长5.67%。\n"
    assert not findings(text, "DRV021")
    text = text.replace("5.67%", "6.00%")
    found = findings(text, "DRV021")
    assert len(found) == 1 and "5.67%" in found[0].message and "简单平均" in found[0].message


def test_growth_of_a_span_without_its_first_year_stays_quiet():
    assert not findings("2024年森林管护支出470.00万元，2022年至2024年年均增长9.00%。\n", "DRV021")


def test_table_rows_by_year_feed_a_trend_named_by_the_table_title():
    text = ("“三公”经费逐年下降。\n表3 近三年“三公”经费\n单位：万元\n年度\t合计\t公务接待费\n"
            "2022年\t30.00\t6.00\n2023年\t31.50\t5.50\n2024年\t28.00\t5.00\n")
    found = findings(text, "DIR005")
    assert len(found) == 1 and "2023年" in found[0].message


def test_two_things_in_one_sentence_make_no_series():
    # (2022年收入…，2023年支出…: the years name different things)
    text = "2022年收入300.00万元，2023年支出280.00万元，2024年支出290.00万元，经费逐年增长。\n"
    assert not findings(text, "DIR005")


def test_plan_period_total_in_any_unit_is_summed():
    text = "“十四五”以来累计完成人工造林3.30万亩，其中2021年0.70万亩、2022年0.80万亩、2023年0.90万亩、2024年0.80万亩。\n"
    found = findings(text, "CAL001")
    assert len(found) == 1 and "3.20万亩" in found[0].message
    assert not findings(text.replace("3.30万亩", "3.20万亩"), "CAL001")
