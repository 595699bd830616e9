"""Malformed numbers, rates without %, years that do not belong, heading numbering:
what each finding says and where it points."""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_rules

RULES = {r.id: r for r in load_rules()}


def findings(text: str, *rule_ids: str):
    doc = document_from_text(text, "<测试>")
    result = audit_document(doc, [RULES[i] for i in rule_ids])
    for f in result.findings:
        assert f.quote in doc.text, f.quote  # every quote is document text as read
    return result.findings


# --- malformed numbers (PAT001) ----------------------------------------------------------

def test_double_dot_in_sentence_quotes_number_with_unit():
    [f] = findings("2024年度部门决算\n本年度水电费支出 64..18 万元，比上年略有增加。\n", "PAT001")
    assert f.cls == "malformed_number"
    assert f.quote == "64..18 万元"
    assert f.expected == "64.18万元"
    assert f.location.line == 2 and f.location.table is None


def test_extra_decimal_point_in_amount_column_cell():
    text = ("科目\t上年数\t本年数\n办公费\t21.40\t18.30\n差旅费\t9.05\t311.27.00\n会议费\t4.00\t3.50\n")
    [f] = findings(text, "PAT001")
    assert f.quote == "311.27.00"
    assert f.expected == "311.27"
    assert (f.location.table, f.location.row, f.location.col) == (1, 3, 3)


def test_misplaced_thousands_separator():
    [f] = findings("本年支出合计3,51.20万元。\n", "PAT001")
    assert f.quote == "3,51.20万元" and f.expected == "351.20万元"


@pytest.mark.parametrize("text", [
    "报告日期：2024.4.26\n",
    "对照评价办法第2.3.1条逐项打分。\n",
    "业务系统升级到V3.12.5版本。\n",
    "科目\t说明\n1.2.3\t标题\n1.2.4\t标题\n",
    "联系电话：0571-87061234，文号为〔2023〕108号。\n",
    "本年支出合计3,051.20万元。\n",
    "目录\n一、基本情况......3\n",
])
def test_dates_versions_sections_phones_stay_quiet(text):
    assert findings(text, "PAT001") == []


# --- rates without % (PAT002) ------------------------------------------------------------

def test_growth_rate_without_percent_in_sentence():
    [f] = findings("与上年相比，支出增加12.40万元，增长 7.85。\n", "PAT002")
    assert f.quote == "增长 7.85" and f.stated == "7.85" and f.expected == "7.85%"


def test_rate_column_cell_without_percent():
    text = "项目\t预算数\t执行率\n甲\t10.00\t96.00%\n乙\t5.00\t88.40\n丙\t2.00\t100.00%\n"
    [f] = findings(text, "PAT002")
    assert f.quote == "88.40" and (f.location.row, f.location.col) == (3, 3)


def test_actual_value_bare_when_target_is_percentage():
    text = ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t质量指标\t抽检合格率\t≥98%\t99\t10\t10\n"
            "产出指标\t数量指标\t巡查次数\t≥12次\t15次\t10\t10\n")
    [f] = findings(text, "PAT002")
    assert f.quote == "99" and f.location.col == 5 and f.expected == "99%"


@pytest.mark.parametrize("text", [
    "全年执行率为 97.2%，较上年提高。\n",
    "年平均汇率为 7.12，较上年变化不大。\n",
    "项目\t预算数\t执行率（%）\n甲\t10.00\t96.00\n乙\t5.00\t88.40\n丙\t2.00\t100.00\n",
    "与上年相比增长 3 倍。本年增加1,200万元，增长率为 5.2%。\n",
])
def test_rates_with_percent_or_not_percent_stay_quiet(text):
    assert findings(text, "PAT002") == []


# --- years (PER*) ------------------------------------------------------------------------

def test_sentence_opening_with_previous_year_as_the_years_activity():
    text = "2024年度部门整体支出绩效自评报告\n一、总体情况\n2023年，我中心紧扣全年目标，完成各项任务。\n"
    [f] = findings(text, "PER001")
    assert f.stated == "2023 年" and f.expected == "2024 年"
    assert f.quote.startswith("2023年，我中心") and f.location.section == "一、总体情况"


@pytest.mark.parametrize("text", [
    "2024年度部门整体支出绩效自评报告\n2025年，我中心将进一步完善指标体系。\n",
    "2024年度部门整体支出绩效自评报告\n2016年，经区编办批复设立本中心。\n",
    "2024年度部门整体支出绩效自评报告\n1. 上年度绩效评价结果应用情况\n2023年度本中心共完成整改事项3项。\n",
    "2024年度部门整体支出绩效自评报告\n2024年度本中心收入合计900.00万元。与2023年度相比，收入增加20.00万元。\n",
])
def test_plans_histories_prior_year_sections_and_comparisons_stay_quiet(text):
    assert findings(text, "PER001") == []


def test_report_named_with_another_year():
    text = "2023年度部门整体支出绩效自评报告\n七、结论\n经综合评价，2022年度部门整体支出绩效自评得分90.5分。\n"
    [f] = findings(text, "PER003")
    assert f.quote == "2022年度部门整体支出绩效自评" and f.expected == "2023 年"


def test_cited_notice_about_another_year_stays_quiet():
    text = "2024年度部门决算\n2024年度部门决算表\n根据《关于做好2023年度部门决算工作的通知》编制。\n"
    assert findings(text, "PER003") == []


def test_table_period_line_with_another_year():
    text = ("2024年度部门决算\n2024年度收入决算表\n财政拨款支出决算表\n部门：某某站    2022年度    单位：万元\n"
            "项目\t决算数\n合计\t15.00\n办公费\t15.00\n")
    [f] = findings(text, "PER004")
    assert f.quote == "2022年度" and f.location.line == 4


def test_year_end_date_after_the_report_year():
    text = "2024年度部门整体支出绩效自评报告\n截至2025年12月31日，本单位在编人员42人。\n"
    [f] = findings(text, "PER005")
    assert f.quote == "截至2025年12月31日" and f.stated == "2025 年"


def test_deadline_in_the_future_is_not_a_year_end_status():
    text = "2024年度部门整体支出绩效自评报告\n剩余问题计划于2025年底前完成整改。\n"
    assert findings(text, "PER005") == []


def test_timeliness_actual_in_another_year():
    text = ("2023年度项目支出绩效自评表\n二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "时效指标\t项目完成时间\t2023年11月底前\t2022年11月\t10\t10\n")
    [f] = findings(text, "PER006")
    assert f.quote == "2022年11月" and (f.location.row, f.location.col) == (2, 4)


def test_report_dated_the_following_year_is_fine():
    text = "2023年度部门整体支出绩效自评报告\n报告日期：2024年4月\n填报日期：2024年4月12日\n"
    assert findings(text, "PER001", "PER002", "PER003", "PER004", "PER005", "PER006") == []


# --- numbering (STR001) ------------------------------------------------------------------

def test_markdown_heading_run_into_a_paragraph_still_counts():
    text = ("## 八、自评结论\n\n评分见附表。\n\n| 指标 | 得分 |\n|---|---|\n| 总分 | 95 |\n\n"
            "填表人：某某    填报日期：2024年5月9日\n\n## 九、存在的问题\n\n个别指标不够细化。\n\n## 十、改进措施\n")
    assert findings(text, "STR001") == []


def test_markdown_heading_run_into_a_paragraph_is_checked():
    text = ("## 八、自评结论\n\n评分见附表。\n\n| 指标 | 得分 |\n|---|---|\n| 总分 | 95 |\n\n"
            "填表人：某某    填报日期：2024年5月9日\n\n## 十、存在的问题\n\n个别指标不够细化。\n\n## 十一、改进措施\n")
    [f] = findings(text, "STR001")
    assert f.stated == "十、" and f.quote.startswith("十、存在的问题")


def test_part_numbering_skip():
    [f] = findings("第一部分 概况\n本局负责全区统计工作。\n第三部分 情况说明\n收支平衡。\n", "STR001")
    assert f.stated == "第三部分" and "第一部分" in f.formula


def test_a_repeated_number_standing_for_the_next_is_told_once():
    # 一、二、二、四: the second 二 stood for 三; 四 after it is no second slip
    [f] = findings("一、基本情况\n二、收支情况\n二、绩效情况\n四、其他重要事项\n", "STR001")
    assert f.stated == "二、" and "重复" in f.message
    # a real gap after the repeat is still told
    told = findings("一、基本情况\n二、收支情况\n二、绩效情况\n五、其他重要事项\n", "STR001")
    assert [f.stated for f in told] == ["二、", "五、"] and "缺少 1 个编号" in told[1].message  # (四 only: 二 stood for 三)


@pytest.mark.parametrize("text, year", [
    # the title's 年度 against one sentence's: the tables' latest outturn (2024年决算数) rules out 2023
    ("某所2023年度“三公”经费支出情况说明\n项目\t2024年预算数\t2024年决算数\t2023年决算数\n合计\t10.00\t8.20\t9.00\n"
     "2024年度“三公”经费支出8.20万元。\n", 2024),
    # a monitoring report beside last year's 决算数 may be of the next year: the outturn rules out neither
    ("某县水利局2025年1-6月项目绩效运行监控报告\n本局2024年度支出2,860.00万元。2025年度安排项目2个。\n"
     "项目名称\t2024年决算数\t2025年预算数\t2025年1-6月执行数\n合计\t2,860.00\t2,802.03\t926.82\n", 2025),
    # one outturn column alone (2025年决算数 under a 2024 title) may be the slip itself: the title holds
    ("某局2024年度部门决算\n2025年度本局收入总计1,250.40万元。\n收入支出决算表\n项目\t2025年决算数\n收入总计\t1,250.40\n", 2024),
    # a final account with next year's plan: its own outturn (2024年决算数) is its year
    ("某局部门决算及工作安排说明\n一、2024年度部门决算情况\n本局2024年度收入总计860.00万元。\n"
     "项目\t2024年决算数\t2023年决算数\n收入总计\t860.00\t820.00\n二、2025年度工作安排\n2025年度，本局将继续加强预算管理。\n", 2024),
])
def test_the_latest_outturn_a_table_states_settles_a_tie_of_report_years(text, year):
    assert document_from_text(text).meta["report_year"] == year
