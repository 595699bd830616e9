"""Targets worded as a sentence (控制在…以内, 0次, 元/㎡ beside 元/平方米), hints on partial scores
in forms scoring whole points, rates of figures restating a funding table's cells, and the
narrative total of a report on one project (项目绩效自评得分, 项目得分)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.facts.targets import parse_target
from auditor.ingest import load
from auditor.ruleset import load_rules

RULES = {r.id: r for r in load_rules()}
SCORE_HEADER = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"


def findings(text: str, *rule_ids: str):
    return audit_document(document_from_text(text), [RULES[i] for i in rule_ids]).findings


def form(*rows: str) -> str:
    return "\n".join(["某县2024年度项目支出绩效自评表", SCORE_HEADER, *rows]) + "\n"


# --- targets ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,comparator,value,unit", [
    ("控制在38万元以内", "≤", "38", "万元"),
    ("确保不低于95%", "≥", "95", "%"),
    ("保持在98%以上", "≥", "98", "%"),
    ("维持在3天以内", "≤", "3", "天"),
    ("力争达到100%", "≥", "100", "%"),
    ("不多于5次", "≤", "5", "次"),
    ("少于3起", "<", "3", "起"),
    ("控制在38万元", "", "38", "万元"),  # a lead verb alone bounds nothing
    ("≤260元/㎡", "≤", "260", "元/平方米"),
    ("≥36.5万㎡", "≥", "36.5", "万平方米"),
    ("12km", "", "12", "公里"),
])
def test_a_target_is_read_past_its_lead_words_and_with_its_unit_spelled_alike(text, comparator, value, unit):
    target = parse_target(text)
    assert (target.comparator, target.value, target.unit) == (comparator, Decimal(value), unit)


@pytest.mark.parametrize("target,actual", [
    ("控制在38万元以内", "39.2万元"),
    ("维持在3天以内", "5天"),
    ("不多于2次", "3次"),
    ("≤260元/㎡", "268元/平方米"),
    ("≤2.5公里", "2.8km"),
])
def test_a_worded_target_missed_with_full_marks_is_reported(target, actual):
    [f] = findings(form(f"产出指标\t成本指标\t单项改造指标\t{target}\t{actual}\t10\t10"), "SCO008")
    assert f.stated == "10" and target in f.message


def test_a_bare_zero_target_is_a_ceiling():
    [f] = findings(form("效益指标\t社会效益指标\t安全生产事故\t0次\t1次\t10\t10"), "SCO008")
    assert f.expected == "低于满分 10"  # (no share of the points: at most none)
    assert findings(form("效益指标\t社会效益指标\t安全生产事故\t0次\t0次\t10\t10"), "SCO008", "SCO010") == []


# --- SCO007 on whole points --------------------------------------------------------------------

WHOLE = ("产出指标\t质量指标\t高血压患者规范管理率\t≥62%\t60.4%\t8\t{score}",
         "产出指标\t数量指标\t签约服务人数\t≥3000人\t3120人\t12\t12")


@pytest.mark.parametrize("score", ["7", "8"])
def test_whole_points_rounding_the_proportional_share_either_way_are_quiet(score):
    assert findings(form(WHOLE[0].format(score=score), WHOLE[1]), "SCO007") == []


def test_a_partial_score_with_no_rule_stated_is_worded_as_an_estimate():
    [f] = findings(form(WHOLE[0].format(score="5"), WHOLE[1]), "SCO007")
    assert f.severity == "info" and f.expected == "7.79"
    assert "约为 7.79" in f.message and "应为" not in f.message
    # (the form's own rule stated: what it gives, said firmly)
    stated = "计分规则：定量指标未达到年度指标值的，按实际完成值÷年度指标值×分值计分。\n"
    [f] = findings(stated + form(WHOLE[0].format(score="7"), WHOLE[1]), "SCO007")
    assert f.severity == "warning" and "应为 7.79" in f.message


# --- DRV016 on a funding table's cells ---------------------------------------------------------

FUNDS = ("表1 专项资金到位及支出情况（单位：万元）\n项目\t省级资金\t县级资金\t合计\n"
         "下达（安排）数\t2,600.00\t900.00\t3,500.00\n实际到位数\t2,600.00\t828.00\t3,428.00\n"
         "实际支出数\t2,510.40\t801.60\t3,312.00\n")


def test_a_rate_of_a_figure_restating_a_funding_cell_is_on_the_planned_row_of_its_column():
    text = ("某县2024年度农业产业发展专项资金绩效自评报告\n截至2024年12月31日，项目资金实际到位3,428.00万元，"
            "资金到位率98.00%。\n" + FUNDS)
    [f] = findings(text, "DRV016")
    assert f.stated == "98.00%" and f.expected == "97.94%"  # 3,428.00 ÷ 3,500.00
    assert "下达(安排)数" in f.formula


def test_a_rate_on_some_row_of_the_funding_column_is_quiet():
    text = ("某县2024年度农业产业发展专项资金绩效自评报告\n截至2024年12月31日，项目资金实际到位3,428.00万元，"
            "资金到位率97.94%；县级资金实际到位828.00万元。全年实际支出3,312.00万元，支出率96.62%。\n" + FUNDS)
    assert findings(text, "DRV016") == []


# --- the narrative total of a report on one project --------------------------------------------

ONE_PROJECT = """某县2024年度村级道路硬化项目绩效自评报告
项目名称：某县2024年度村级道路硬化及配套排水设施建设项目
项目单位：某县交通运输局
一、项目基本情况
全年硬化村级道路42公里。
二、绩效自评表
{form}三、自评结论
{claim}，评价等级为“优”。
"""
PROJECT_FORM = (SCORE_HEADER + "\n产出指标\t数量指标\t硬化道路里程\t≥40公里\t42公里\t60\t60\n"
                "效益指标\t社会效益指标\t受益群众\t≥9000人\t9320人\t30\t30\n"
                "满意度指标\t满意度\t群众满意度\t≥90%\t88.6%\t10\t9.84\n合计\t\t\t\t\t100\t99.84\n")


@pytest.mark.parametrize("claim", ["项目绩效自评得分98.84分", "经自评，项目得分98.84分", "项目自评总得分98.84分",
                                   "本项目得分98.84分"])
def test_a_single_project_report_states_its_forms_total_in_its_own_words(claim):
    text = ONE_PROJECT.format(form=PROJECT_FORM, claim=claim)
    [f] = findings(text, "FCT001")
    assert "98.84" in f.message and "99.84" in f.message
    assert findings(ONE_PROJECT.format(form=PROJECT_FORM, claim=claim.replace("98.84", "99.84")), "FCT001") == []


def test_a_department_report_citing_a_projects_score_keeps_it_that_projects():
    text = ("某县交通运输局2024年度部门整体支出绩效自评报告\n一、自评结论\n部门整体支出绩效自评得分99.84分。"
            "村级道路硬化项目绩效自评得分96.50分，经自评，项目得分96.50分。\n二、部门整体支出绩效自评表\n" + PROJECT_FORM)
    assert findings(text, "FCT001") == []


def test_a_forms_field_lines_are_no_wrapped_sentence(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(ONE_PROJECT.format(form=PROJECT_FORM, claim="项目得分99.84分"), encoding="utf-8")
    texts = [getattr(b, "text", "") for b in load(path).blocks]
    assert "项目名称：某县2024年度村级道路硬化及配套排水设施建设项目" in texts
    assert "项目单位：某县交通运输局" in texts


@pytest.mark.parametrize("deadline, done, months", [
    ("12月15日前", "12月20日", 1),  # (days late within the deadline's month: one month begun)
    ("11月30日前", "12月5日", 1),
    ("11月15日前", "12月20日", 2),
    ("11月底前", "12月", 1),
])
def test_a_deadline_missed_is_late_by_every_month_begun(deadline, done, months):
    """A step per month late (每逾期1个月扣2分) counts each month the date done runs into, days too."""
    from types import SimpleNamespace

    from auditor.facts.targets import parse_deadline_pair
    from auditor.kinds.score.targets import MissedTarget, _shortfall

    target, actual = parse_deadline_pair(deadline, done)
    assert _shortfall(MissedTarget(None, target, actual, True), SimpleNamespace(kind="unit")) == months
