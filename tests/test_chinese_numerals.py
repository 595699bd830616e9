"""Counts and amounts written in Chinese numerals: counts before a measure word are facts as their
twins in digits are, indicators are counted in 个, 项 or 条, and an amount in financial capitals
(大写) is compared with its figure in brackets."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.facts.numbers import CAPITAL_AMOUNT_RE, capital_amount, cn_number
from auditor.ruleset import load_rules

RULES = load_rules()
HEAD = "某局2025年度部门整体支出绩效自评报告\n"


def counts_of(text: str) -> list[tuple[str, Decimal, str]]:
    return [(f.text, f.value, f.unit) for f in fact_base(document_from_text(HEAD + text + "\n")).facts
            if f.source == "text" and f.unit not in ("元", "万元", "%")]


def findings(text: str, *rule_ids: str):
    rules = [r for r in RULES if r.id in rule_ids]
    return [f for f in audit_document(document_from_text(text), rules).findings if f.severity != "info"]


@pytest.mark.parametrize("numerals, value", [
    ("十一", 11), ("两", 2), ("二十", 20), ("一百零五", 105), ("一千零五十", 1050), ("两千", 2000),
    ("三万零五百", 30500), ("壹佰贰拾万", 1200000), ("壹拾万", 100000), ("壹佰零贰万", 1020000)])
def test_well_formed_numerals_read_as_numbers(numerals, value):
    assert cn_number(numerals) == value


@pytest.mark.parametrize("numerals", ["十四五", "一百五", "三四", "一一", "百", "千", "零", "一千零十"])
def test_words_and_rough_figures_are_no_numbers(numerals):
    assert cn_number(numerals) is None


@pytest.mark.parametrize("written, value", [
    ("壹佰贰拾万元整", "1200000.00"), ("叁仟肆佰元伍角陆分", "3400.56"), ("贰拾万圆正", "200000.00"),
    ("壹佰元零伍分", "100.05")])
def test_an_amount_in_capitals_reads_to_the_fen(written, value):
    assert capital_amount(CAPITAL_AMOUNT_RE.fullmatch(written)) == Decimal(value)


def test_a_count_in_chinese_numerals_is_a_fact_with_its_printed_text():
    assert counts_of("截至年末共有车辆十一辆，其中一般公务用车两辆；全年执法检查一百零五次。") == [
        ("十一辆", Decimal(11), "辆"), ("两辆", Decimal(2), "辆"), ("一百零五次", Decimal(105), "次")]


@pytest.mark.parametrize("text", [
    "全年第三次召开会议。", "每一个项目均已完工。", "统一部署，逐一落实。", "发放一次性补助。", "提供一条龙服务。",
    "其中一部分资金已拨付。", "推行一户一档管理。", "实施二次供水改造。", "十四五期间持续推进。", "建成数十个站点。",
    "较上年提高三个百分点。", "同一个片区统筹。", "唯一一家单位。", "落实三公经费管理，完善一级指标。", "一是加强管理，二是压减开支。",
    "贯彻州委十二届七次全会精神。", "坚决做到“两个维护”。"])
def test_numerals_inside_words_are_no_counts(text):
    assert counts_of(text) == []


def test_a_count_before_a_sum_word_counts_the_items_it_adds():
    text = "某局2025年度部门决算说明\n基本支出中人员经费512.30万元、公用经费86.40万元、对个人和家庭的补助21.50万元，三项合计630.20万元。\n"
    assert [f.stated for f in findings(text, "CAL001")] == ["630.20万元"]


def test_subcounts_in_chinese_numerals_exceed_their_total():
    stated = HEAD + "本部门共有车辆{}辆，其中：一般公务用车三辆，执法执勤用车六辆，特种专业技术用车三辆。\n"
    assert findings(stated.format("十二"), "CNT006") == []
    found = findings(stated.format("十一"), "CNT006")
    assert [f.stated for f in found] == ["11辆"]
    assert found[0].message.startswith("车辆 十一辆（11辆），其中各类合计 12辆")  # (as written, its value beside)


def test_an_indicator_breakdown_in_xiang_is_summed():
    stated = HEAD + "共设置绩效指标{}，其中产出指标七项、效益指标三项、满意度指标两项。\n"
    assert findings(stated.format("十二项"), "CNT002") == []
    assert [(f.stated, f.expected) for f in findings(stated.format("十四项"), "CNT002")] == [("绩效指标 14 项", "12 项")]
    assert [(f.stated, f.expected) for f in findings(stated.format("14项"), "CNT002")] == [("绩效指标 14 项", "12 项")]


@pytest.mark.parametrize("text, stated", [
    ("服务合同金额为人民币伍拾陆万元整（¥650,000.00）。", "¥650,000.00"),
    ("服务合同金额为￥650,000.00（大写：伍拾陆万元整）。", "伍拾陆万元整"),
    ("服务合同金额65.00万元（大写：人民币伍拾陆万元整）。", "伍拾陆万元整")])
def test_an_amount_in_capitals_differing_from_its_figure(text, stated):
    assert [f.stated for f in findings(HEAD + text + "\n", "UNT004")] == [stated]


@pytest.mark.parametrize("text", [
    "服务合同金额为人民币陆拾伍万元整（¥650,000.00）。", "服务合同金额为￥650,000.00（大写：陆拾伍万元整）。",
    "服务合同金额65.00万元（大写：人民币陆拾伍万元整）。", "合同金额叁仟零伍元陆角（小写：3,005.60元）。"])
def test_an_amount_in_capitals_agreeing_with_its_figure(text):
    assert findings(HEAD + text + "\n", "UNT004") == []
