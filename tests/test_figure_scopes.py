"""Figures of two scopes are two facts (facts/scopes.py): the jurisdiction's own level (县本级)
against the whole (全县), state-owned enterprises against administrative and public institutions,
行政单位 against their total; and a share column's cell on the whole's row (its 100%) restates no
part's share."""
from __future__ import annotations

from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.facts.scopes import figure_scope
from auditor.ruleset import load_rules

from audited import reported

RULES = [r for r in load_rules() if r.id in ("FCT001", "DRV003")]

# a county's budget report: the whole county's figures in the table, the county level's in its own section
LEVELS = ("某县关于2023年预算执行情况的报告\n"
          "一、全县一般公共预算\n"
          "全县一般公共预算收入52.00亿元，一般公共预算支出81.00亿元。\n"
          "二、县本级一般公共预算\n"
          "县本级一般公共预算收入{own}亿元。一般公共预算支出40.50亿元，完成调整预算的96.0%。\n"
          "表1 某县2023年一般公共预算收支决算表\n单位：万元\n项目\t决算数\n"
          "一般公共预算收入\t{whole}\n一般公共预算支出\t810,000\n")

# an asset report: the enterprises' section states a growth rate; the only last-year figure is the
# institutions' table's
ENTITIES = ("某县2023年度国有资产管理情况的综合报告\n"
            "一、企业国有资产\n"
            "县属国有企业资产总额120.00亿元，比上年增长{rate}%。\n"
            "二、行政事业性国有资产\n"
            "全县行政事业单位资产总额50.00亿元，其中，行政单位资产总额20.00亿元，占40.0%。\n"
            "表2 行政事业性国有资产情况表\n单位：万元\n"
            "项目\t行政单位\t事业单位\t合计\t占资产总额比重（%）\t上年数\n"
            "固定资产\t150,000\t200,000\t350,000\t70.0\t340,000\n"
            "流动资产\t50,000\t100,000\t150,000\t30.0\t140,000\n"
            "资产总额\t200,000\t300,000\t500,000\t100.0\t480,000\n")


def _findings(text: str):
    return reported(text, RULES)


def test_the_own_level_is_no_restatement_of_the_whole():
    assert _findings(LEVELS.format(own="21.30", whole="520,000")) == []


def test_the_whole_is_still_checked_against_its_table():
    found = _findings(LEVELS.format(own="21.30", whole="502,000"))
    assert [(f.rule, f.stated) for f in found] == [("FCT001", "52.00亿元")]


def test_scopes_of_text_and_cells():
    base = fact_base(document_from_text(ENTITIES.format(rate="8.0")))
    scopes = {(f.source, f.text): figure_scope(base, f) for f in base.facts}
    assert scopes[("text", "120.00亿元")] == ("", "企业")  # (the heading's, and the sentence's own)
    assert scopes[("text", "50.00亿元")] == ("", "行政事业单位")
    assert scopes[("text", "20.00亿元")] == ("", "行政单位")  # (the nearest word before the figure)
    assert scopes[("table", "200,000")] == ("", "行政单位")  # (its column's head)
    assert scopes[("table", "500,000")] == ("", "行政事业单位")  # (the table's title)


def test_a_growth_rate_is_not_checked_against_another_scope_s_prior_year():
    # (120.00亿 against the institutions' 480,000万元 last year would be a 150% rise)
    assert _findings(ENTITIES.format(rate="8.0")) == []


def test_a_part_s_share_is_not_the_whole_row_s_100_percent():
    # (机关 names no scope: the share alone is told apart, by the table's row being the whole's)
    text = ENTITIES.format(rate="8.0").replace("，其中，行政单位资产总额", "。其中，机关资产总额")
    assert [f.stated for f in _findings(text) if f.rule == "FCT001" and "占比" in f.message] == []


def test_neutral_names_hold_no_scope():
    base = fact_base(document_from_text("某局2023年度部门决算\n机关事业单位基本养老保险缴费支出12.00万元。\n"))
    assert {figure_scope(base, f) for f in base.facts} == {("", "")}
