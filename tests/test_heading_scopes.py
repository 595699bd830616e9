"""Numbered headings naming parallel things (one fund, township or programme each) scope the
figures under them as the same name run into its paragraph does (facts/base/headings.py
_scoping_headings); a sentence opening with the year before's end (2023年末，…; 上年末，…; 年初，…)
states the stock the year opened with, no year-end figure (_opening_period, restatement
_opened_stock, period.py year_end)."""
from __future__ import annotations

from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.ruleset import load_rules

from audited import reported

RULES = [r for r in load_rules() if r.id in ("FCT001", "DRV003", "PER005", "SUM009")]

# a social insurance report: one heading per fund, each fund's income and roll-forward under it,
# and a comparison table of all funds together
FUNDS = ("关于某市2024年社会保险基金决算的报告\n"
         "一、总体情况\n"
         "2024年全市社会保险基金收入合计10,500.00万元，比上年增长5.0%。\n"
         "二、分险种情况\n"
         "（一）企业职工基本养老保险基金\n"
         "基金收入6,000.00万元，较上年增长2.04%。基金支出5,500.00万元。\n"
         "年初滚存结余2,000.00万元，本年收入6,000.00万元，本年支出5,500.00万元，年末滚存结余{close}万元。\n"
         "（二）城镇职工基本医疗保险基金（含生育保险）\n"
         "基金收入3,000.00万元，较上年增长7.00%。基金支出2,800.00万元。\n"
         "年初滚存结余1,000.00万元，本年收入3,000.00万元，本年支出2,800.00万元，年末滚存结余1,200.00万元。\n"
         "（三）工伤保险基金\n"
         "基金收入1,500.00万元，较上年增长9.00%。基金支出1,150.00万元。\n"
         "年初滚存结余500.00万元，本年收入1,500.00万元，本年支出1,150.00万元，年末滚存结余850.00万元。\n"
         "三、其他说明\n"
         "表1 社会保险基金收支决算对比表\n单位：万元\n项目\t2023年决算数\t2024年决算数\n"
         "基金收入\t10,000.00\t10,500.00\n")

# the same findings as a heading each, in sentences: no names, no scope
FINDINGS = ("某县2024年度审计工作报告\n一、预算执行审计情况\n"
            "（一）预算编制不够细化\n部分单位本年支出120.00万元未细化到项目。\n"
            "（二）预算执行不够严格\n部分单位本年支出80.00万元超预算列支。\n")

# a debt report: the year-end before the report's year opens the year's flows
DEBT = ("某县2024年政府债务情况说明\n一、政府债务余额情况\n"
        "{opening}，全县政府债务余额52,318.46万元。2024年全县发行政府债券9,126.50万元，其中新增债券6,020.00万元、"
        "再融资债券3,106.50万元；偿还到期政府债务本金4,233.71万元。\n"
        "截至2024年12月31日，全县政府债务余额57,211.25万元，其中一般债务余额20,105.37万元，专项债务余额37,105.88万元。"
        "年末债务余额比上年末增加4,892.79万元，增长9.4%。\n"
        "表1 某县2024年政府债务限额和余额情况表\n单位：万元\n"
        "项目\t债务限额\t上年末债务余额\t本年举借\t本年偿还\t本年末债务余额\n"
        "一般债务\t25,000.00\t18,544.92\t3,020.00\t1,459.55\t20,105.37\n"
        "专项债务\t40,000.00\t33,773.54\t6,106.50\t2,774.16\t37,105.88\n"
        "合计\t65,000.00\t52,318.46\t9,126.50\t4,233.71\t57,211.25\n")


def _findings(text: str):
    return reported(text, RULES)


def test_each_fund_s_figures_are_that_fund_s():
    assert _findings(FUNDS.format(close="2,500.00")) == []
    base = fact_base(document_from_text(FUNDS.format(close="2,500.00")))
    subjects = {f.subject for f in base.facts if f.source == "text" and f.label.endswith("本年收入")}
    assert subjects == {"企业职工基本养老保险基金", "城镇职工基本医疗保险基金", "工伤保险基金"}


def test_a_fund_s_own_slip_is_still_found():
    found = _findings(FUNDS.format(close="2,050.00"))
    assert [f.rule for f in found] == ["SUM009"]


def test_the_run_in_label_scopes_the_item_s_next_paragraph():
    run_in = FUNDS.replace("养老保险基金\n基金", "养老保险基金。基金").replace("（含生育保险）\n基金", "（含生育保险）。基金") \
        .replace("工伤保险基金\n基金", "工伤保险基金。基金")
    assert _findings(run_in.format(close="2,500.00")) == []


def test_headings_stating_findings_scope_nothing():
    base = fact_base(document_from_text(FINDINGS))
    assert {f.subject for f in base.facts if f.source == "text"} == {""}


def test_findings_closing_on_one_character_alike_scope_nothing():
    # (不规范 and 不规范: findings, not names of things sharing a closing word)
    text = ("某县2024年度审计工作报告\n表1 支出情况\n单位：万元\n项目\t金额\n本年支出\t200.00\n二、主要问题\n"
            "（一）预算执行不规范\n本年支出300.00万元。\n（二）资产管理不规范\n固定资产账实不符。\n")
    assert [(f.rule, f.stated) for f in _findings(text)] == [("FCT001", "300.00万元")]


def test_the_year_before_s_end_opens_the_year():
    for opening in ("2023年末", "截至2023年底", "上年末", "年初"):
        assert _findings(DEBT.format(opening=opening)) == [], opening


def test_a_year_end_of_the_year_before_alone_is_still_a_slip():
    text = "某局2024年度部门决算说明\n2023年末，本单位资产总额为860.23万元，其中固定资产420.18万元。\n"
    assert [f.rule for f in _findings(text)] == ["PER005"]
