"""Tables and sentences of a government's asset report (国有资产管理情况的综合报告).

The tables list assets by kind under 行政单位 | 事业单位 | 合计, last year's figure and the growth
beside them, and close the assets with 资产总额 amid the table, 负债总额 and 净资产 after it: the
rows add up across without last year's column (SUM005), the kinds add up to 资产总额 (SUM005),
净资产 = 资产总额 − 负债总额 by column or row (SUM019) and in a sentence (SUM020), and the growth
pairs last year's figure with the total's (DRV011) or 年末数 with 年初数. Each text is written here.
"""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_rules

BY_ID = {r.id: r for r in load_rules()}
TITLE = "某市2024年度国有资产管理情况的综合报告\n"
HEAD = "项目\t行政单位\t事业单位\t合计\t占资产总额比重（%）\t上年数\t比上年增长（%）\n"
ROWS = [
    "流动资产\t21,400\t56,300\t77,700\t33.0\t70,100\t10.8",
    "固定资产\t62,650\t55,150\t117,800\t50.0\t112,200\t5.0",
    "无形资产\t20,000\t20,000\t40,000\t17.0\t38,000\t5.3",
    "资产总额\t104,050\t131,450\t235,500\t100.0\t220,300\t6.9",
    "负债总额\t9,830\t36,240\t46,070\t\t43,900\t4.9",
    "净资产\t94,220\t95,210\t189,430\t\t176,400\t7.4",
]


def table(rows: list[str], head: str = HEAD, sep: str = "\t") -> str:
    text = "表3 行政事业性国有资产构成情况表\n单位：万元\n" + head + "\n".join(rows) + "\n"
    return text.replace("\t", sep)


def findings(text: str, *ids: str, name: str = "report.txt"):
    doc = document_from_text(TITLE + text, name)
    return [(f.rule, f.stated, f.expected) for f in audit_document(doc, [BY_ID[i] for i in ids]).findings]


def test_clean_asset_table_is_quiet():
    assert findings(table(ROWS), "SUM004", "SUM005", "SUM019", "DRV011") == []


def test_a_cell_off_its_row_and_its_column_is_told_there():
    """The row's 合计 beside 上年数 and 比上年增长 sums 行政 + 事业 only; the kinds add up to 资产总额
    amid the table, 负债总额 and 净资产 after it no part of it."""
    rows = [r.replace("55,150", "55,510") for r in ROWS]
    assert findings(table(rows), "SUM005") == [("SUM005", "固定资产 事业单位 55,510", "55,150")]


def test_a_row_total_off_is_told_across():
    rows = [r.replace("77,700\t33.0", "77,070\t33.0") for r in ROWS]
    rows = [r.replace("235,500", "234,870") for r in rows]  # (the column's total follows the slip)
    found = findings(table(rows), "SUM005")
    assert ("流动资产 77,070", "77,700") in [(s, e) for _, s, e in found]


def test_the_asset_total_off_its_kinds_in_one_column():
    rows = [r.replace("220,300", "221,300") for r in ROWS]
    found = findings(table(rows), "SUM005")
    assert [(s, e) for _, s, e in found] == [("资产总额 221,300", "220,300")]


def test_asset_total_as_the_last_row():
    rows = ROWS[:4]
    rows[3] = rows[3].replace("220,300", "221,300")
    found = findings(table(rows), "SUM005")
    assert [(s, e) for _, s, e in found] == [("资产总额 221,300", "220,300")]


def test_a_carry_over_summed_into_the_total_is_still_read_with_it():
    """A 合计 summing every other column (上年结转 | 本年收入 | 合计): all of them first."""
    text = ("单位：万元\n项目\t上年结转\t本年收入\t合计\n甲项目\t10.00\t90.00\t100.00\n乙项目\t5.00\t45.00\t50.00\n"
            "丙项目\t8.00\t72.00\t85.00\n")
    assert [(s, e) for _, s, e in findings(text, "SUM005")] == [("丙项目 85.00", "80.00")]


@pytest.mark.parametrize("name,sep", [("report.txt", "\t"), ("report.md", None)])
def test_net_assets_by_rows_each_column(name, sep):
    rows = [r.replace("94,220", "94,120") for r in ROWS]
    text = table(rows)
    if sep is None:  # (a markdown table)
        lines = text.splitlines()
        grid = [f"| {' | '.join(line.split(chr(9)))} |" for line in lines[2:]]
        grid.insert(1, "|" + " --- |" * 7)
        text = "\n".join(lines[:2] + [""] + grid) + "\n"
    found = [f for f in findings(text, "SUM019", name=name)]
    assert found == [("SUM019", "净资产 行政单位 94,120", "94,220")]


def test_net_assets_by_columns_each_company():
    text = ("表1 县属国有企业资产负债情况表\n单位：万元\n企业名称\t资产总额\t负债总额\t所有者权益\t资产负债率（%）\n"
            "某县交通投资有限公司\t645.20\t398.50\t264.70\t61.8\n某县文旅集团有限公司\t218.40\t96.20\t122.20\t44.0\n")
    assert findings(text, "SUM019") == [("SUM019", "某县交通投资有限公司 264.70", "246.70")]
    assert findings(text.replace("264.70", "246.70"), "SUM019") == []


@pytest.mark.parametrize("sentence,stated,expected", [
    ("全市行政事业单位资产总额83.10亿元，负债总额11.40亿元，净资产71.80亿元。", "71.80亿元", "71.70亿元"),
    ("市属企业资产总额1,256,300万元，同比增长5.1%；负债总额802,100万元，同比增长6.0%；所有者权益455,200万元。",
     "455,200万元", "454,200万元"),
    ("年末资产总计36.25亿元，负债合计4.80亿元，净资产合计31.55亿元。", "31.55亿元", "31.45亿元"),
])
def test_net_assets_in_a_sentence(sentence, stated, expected):
    assert findings(sentence + "\n", "SUM020") == [("SUM020", stated, expected)]


@pytest.mark.parametrize("sentence", [
    "全市行政事业单位资产总额83.10亿元，负债总额11.40亿元，净资产71.70亿元。",
    # two stocks' assets before the liabilities: another sum
    "行政单位资产总额34.20亿元，事业单位资产总额48.90亿元，负债总额11.40亿元，净资产71.70亿元。",
    # a change on last year between the totals
    "资产总额83.10亿元，比上年增加2.70亿元，负债总额11.40亿元，净资产71.70亿元。",
])
def test_net_assets_sentences_not_judged_or_right(sentence):
    assert findings(sentence + "\n", "SUM020") == []


def test_growth_on_the_total_beside_its_parts():
    rows = [r.replace("5.3", "6.3") for r in ROWS]
    assert findings(table(rows), "DRV011") == [("DRV011", "6.3", "5.26%")]


def test_growth_of_a_stock_from_its_opening_to_its_closing():
    text = ("单位：万元\n项目\t年末余额\t年初余额\t增减额\t增减率（%）\n流动资产\t77,700\t70,100\t7,600\t10.8\n"
            "固定资产\t117,800\t112,200\t5,600\t4.0\n")
    assert findings(text, "DRV011") == [("DRV011", "4.0", "4.99%")]
    assert findings(text.replace("\t4.0\n", "\t5.0\n"), "DRV011") == []
