"""A table whose sums hold is a table checked: the table-sum rules count the totals they compared,
so a file's 已核对 line and the HTML report's coverage table cover its tables, not only its prose."""
from __future__ import annotations

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.report.text_report import render
from auditor.ruleset import load_rules

RULES = load_rules()


def _coverage(text: str) -> tuple[dict[str, dict], list]:
    result = audit_document(document_from_text(text), RULES)
    return result.coverage, result.findings


BY_CODE = ("某区教育局2025年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n"
           "科目编码\t科目名称\t决算数\n"
           "\t合计\t1,250.40\n"
           "205\t教育支出\t1,180.40\n"
           "20501\t教育管理事务\t380.40\n"
           "2050101\t行政运行\t300.00\n"
           "2050199\t其他教育管理事务支出\t80.40\n"
           "20502\t普通教育\t800.00\n"
           "2050201\t学前教育\t800.00\n"
           "208\t社会保障和就业支出\t70.00\n"
           "20805\t行政事业单位养老支出\t70.00\n"
           "2080505\t机关事业单位基本养老保险缴费支出\t70.00\n")


def test_a_consistent_code_table_counts_every_rollup_it_compared():
    coverage, findings = _coverage(BY_CODE)
    assert not [f for f in findings if f.rule.startswith("SUM")]
    # 合计 (of 205, 208), 205 (of 20501, 20502), 20501, 20502, 208, 20805: six totals
    assert coverage["SUM001"] == {"checked": 6, "failed": 0}


def test_a_wrong_rollup_is_one_of_the_totals_checked():
    coverage, findings = _coverage(BY_CODE.replace("20501\t教育管理事务\t380.40", "20501\t教育管理事务\t308.40"))
    assert [f.rule for f in findings if f.rule == "SUM001"]
    assert coverage["SUM001"]["checked"] == 6 and coverage["SUM001"]["failed"] >= 1


COLUMNS = ("某县文化馆2025年度项目支出情况\n单位：万元\n"
           "项目\t预算数\t支出数\n"
           "群众文化活动\t120.00\t118.50\n"
           "非遗保护\t80.00\t79.20\n"
           "场馆维护\t60.00\t58.30\n"
           "合计\t260.00\t256.00\n")


def test_a_column_total_row_counts_each_column_it_added():
    coverage, findings = _coverage(COLUMNS)
    assert not [f for f in findings if f.rule.startswith("SUM")]
    assert coverage["SUM005"] == {"checked": 2, "failed": 0}


ACROSS = ("某县2025年项目资金表\n单位：万元\n项目\t合计\t财政拨款\t其他资金\n"
          "甲\t100.00\t60.00\t40.00\n乙\t50.00\t30.00\t20.00\n丙\t30.00\t10.00\t20.00\n")


def test_a_row_total_column_counts_each_row_it_added_across():
    coverage, findings = _coverage(ACROSS)
    assert not findings
    assert sum(c["checked"] for c in coverage.values()) == 3


def test_a_reading_tried_and_dropped_counts_nothing():
    """合计 | 财政拨款 | 其他资金 where two of three rows do not add up across: the 合计 column is
    not read as the row's sum (too few rows bear it out), so its rows were tried, not checked."""
    coverage, findings = _coverage(ACROSS.replace("60.00\t40.00", "60.00\t30.00").replace("30.00\t20.00\n丙", "30.00\t10.00\n丙"))
    assert not findings
    assert not any(rule.startswith("SUM") for rule in coverage)


def test_the_text_report_line_counts_the_table_totals():
    result = audit_document(document_from_text(BY_CODE.replace("2050201\t学前教育\t800.00", "2050201\t学前教育\t801.00")),
                            RULES)
    line = next(x for x in render([result], RULES).splitlines() if "核对关系" in x)
    checked = sum(c["checked"] for c in result.coverage.values())
    assert f"核对关系 {checked} 项" in line and checked >= 6


SCORES = ("某街道2025年度项目支出绩效自评表\n"
          "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
          "产出指标\t数量指标\t慰问困难群众户数\t≥300户\t312户\t20\t20\n"
          "产出指标\t质量指标\t资金发放准确率\t100%\t100%\t20\t20\n"
          "效益指标\t社会效益指标\t群众满意度\t≥90%\t86%\t20\t18\n")


def test_every_score_held_to_its_weight_is_counted():
    coverage, findings = _coverage(SCORES)
    assert not [f for f in findings if f.rule == "SCO005"]
    assert coverage["SCO005"] == {"checked": 3, "failed": 0}


def test_a_score_above_its_weight_is_one_of_the_rows_checked():
    coverage, findings = _coverage(SCORES.replace("\t20\t18\n", "\t20\t21\n"))
    assert [f.rule for f in findings if f.rule == "SCO005"] == ["SCO005"]
    assert coverage["SCO005"] == {"checked": 3, "failed": 1}


PRODUCTS = ("某县2025年度耕地地力保护补贴项目支出绩效自评报告\n表2 分乡镇兑付情况\n"
            "乡镇\t补贴面积（亩）\t补贴标准（元/亩）\t补贴资金（万元）\n"
            "东岗镇\t42,000.0\t120.00\t504.00\n"
            "石桥镇\t50,000.0\t120.00\t600.00\n"
            "河口乡\t30,000.0\t120.00\t360.00\n"
            "新塘乡\t25,000.0\t120.00\t300.00\n")


def test_rows_held_to_their_product_are_counted_checked():
    coverage, findings = _coverage(PRODUCTS)
    assert not [f for f in findings if f.rule == "SUM007"]
    assert coverage["SUM007"] == {"checked": 4, "failed": 0}
    coverage, findings = _coverage(PRODUCTS.replace("\t360.00", "\t306.00"))
    assert [f.rule for f in findings if f.rule == "SUM007"] == ["SUM007"]
    assert coverage["SUM007"] == {"checked": 4, "failed": 1}


YEARS = ("某县2025年度农村供水工程运行维护项目绩效自评报告\n表1 2022—2025年供水情况\n"
         "年度\t年供水量（万吨）\t较上年增长（%）\n"
         "2022年\t500.0\t—\n2023年\t525.0\t5.00\n2024年\t551.3\t5.01\n2025年\t578.9\t5.01\n")


def test_year_rows_growths_held_to_their_column_are_counted_checked():
    coverage, findings = _coverage(YEARS)
    assert not [f for f in findings if f.rule == "DRV017"]
    assert coverage["DRV017"] == {"checked": 3, "failed": 0}
    coverage, findings = _coverage(YEARS.replace("578.9\t5.01", "578.9\t6.01"))
    assert [f.rule for f in findings if f.rule == "DRV017"] == ["DRV017"]
    assert coverage["DRV017"] == {"checked": 3, "failed": 1}
