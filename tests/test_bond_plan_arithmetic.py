"""Arithmetic special-purpose bond project documents state in prose (实施方案, 自求平衡方案, 信息披露,
存续期绩效自评): a coverage multiple over its operands (DRV027) and a claim made of it (DRV028), a
figure with its working in brackets (CAL003), quantity × unit price (SUM018) and a total split over
years or batches (SUM024). Each test writes its own sentences; a spreadsheet test builds its own book.
"""
from __future__ import annotations

import pytest

from auditor.engine import audit_file
from auditor.ruleset import load_rules

from audited import told

RULES = load_rules()
BY_ID = {r.id: r for r in RULES}
TITLE = "某县2025年农贸市场改造专项债券项目实施方案\n"


def rule_told(text: str, *ids: str) -> list[tuple[str, str, str]]:
    return told(TITLE + text, [BY_ID[i] for i in ids])


@pytest.mark.parametrize("text,stated,expected", [
    # operands in the multiple's sentence
    ("经测算，项目运营期净收益合计8,640.00万元，债券本息合计6,210.00万元，本息覆盖倍数为1.16倍。\n", "1.16倍", "1.39"),
    # the base stated elsewhere as a whole period's (还本付息合计), the multiple with 倍
    ("债券存续期内还本付息合计6,210.00万元。\n经测算，项目净收益8,640.00万元，对债券本息的覆盖倍数为1.93倍。\n",
     "1.93倍", "1.39"),
    # a table's row, its operands in that table
    ("表5 本息覆盖测算表（单位：万元）\n项目\t金额\n净收益合计\t8,640.00\n本息合计\t6,210.00\n本息覆盖倍数\t1.93\n",
     "1.93", "1.39"),
])
def test_coverage_multiple_against_its_operands(text, stated, expected):
    assert rule_told(text, "DRV027") == [("DRV027", stated, expected)]


@pytest.mark.parametrize("text", [
    "经测算，项目运营期净收益合计8,640.00万元，债券本息合计6,210.00万元，本息覆盖倍数为1.39倍。\n",
    # a multiple of another thing, and a threshold: no multiple of 本息 stated
    "项目净收益合计8,640.00万元，还本付息合计6,210.00万元。收入对经营成本的覆盖倍数为2.60倍，要求本息覆盖倍数不低于1.2倍。\n",
])
def test_coverage_multiple_quiet(text):
    assert rule_told(text, "DRV027") == []


def test_coverage_multiple_in_a_spreadsheet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "本息覆盖测算表"
    rows = [["本息覆盖测算表", None], ["项目", "金额（万元）"], ["运营期净收益合计", 8640], ["债券本息合计", 6210],
            ["本息覆盖倍数", 1.93]]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=value)
    path = tmp_path / "cover.xlsx"
    book.save(path)
    found = [(f.rule, f.expected) for f in audit_file(str(path), [BY_ID["DRV027"]]).findings if f.severity != "info"]
    assert found == [("DRV027", "1.39")]


@pytest.mark.parametrize("text,told_", [
    ("本息覆盖倍数为0.95，能够满足项目收益与融资自求平衡要求。\n", [("DRV028", "0.95，满足", "低于 1.1 倍")]),
    ("本息覆盖倍数为1.18倍，不低于1.2倍的要求。\n", [("DRV028", "1.18倍，不低于1.2倍", "低于 1.2 倍")]),
    ("本息覆盖倍数为0.95，无法满足自求平衡要求，资金缺口由财政统筹解决。\n", []),
    ("本息覆盖倍数为1.32倍，高于1.1倍，能够满足自求平衡要求。\n", []),
])
def test_coverage_claim_against_threshold(text, told_):
    assert rule_told(text, "DRV028") == told_


@pytest.mark.parametrize("text,told_", [
    ("本息覆盖倍数为1.25倍（8,640.00÷6,210.00），满足要求。\n", [("CAL003", "1.25倍", "1.39倍")]),
    ("2025年支付利息157.50万元（6,000.00万元×2.45%）。\n", [("CAL003", "157.50万元", "147.00万元")]),
    ("2025年支付利息147.00万元（6,000.00万元×2.45%），净收益972.00万元（1,296.00-324.00）。\n", []),
    # spans, codes and years in brackets after a figure are no working
    ("建设期2年（2025-2026），一季度完成3（1-3月），文号45（2025-018）。\n", []),
])
def test_working_in_brackets(text, told_):
    assert rule_told(text, "CAL003") == told_


@pytest.mark.parametrize("text,told_", [
    ("改造后新增摊位600个，单个摊位年租金按0.80万元测算，年租金收入480.00万元。\n", []),
    ("项目新增停车位500个，单个车位年均收费按0.48万元测算，达产年停车收费收入为420.00万元。\n",
     [("SUM018", "420.00万元", "240.00万元")]),
    ("冷库租赁面积8,000平方米，租金按每月每平方米35元测算，年租金收入为363.00万元。\n",
     [("SUM018", "363.00万元", "336.00万元")]),
    # the quantity closing the sentence before
    ("项目年处理污水1,460万吨。污水处理费按1.20元/吨测算，年污水处理费收入1,825.00万元。\n",
     [("SUM018", "1,825.00万元", "1,752.00万元")]),
])
def test_quantity_times_unit_price(text, told_):
    assert rule_told(text, "SUM018") == told_


@pytest.mark.parametrize("text,told_", [
    ("项目申请专项债券资金9,000.00万元，分两年发行：2025年发行5,000.00万元，2026年发行3,000.00万元。\n",
     [("SUM024", "9,000.00万元", "8,000.00万元")]),
    ("上级补助资金600.00万元分三批下达，第一批200.00万元，第二批250.00万元，第三批150.00万元。\n", []),
    ("上级补助资金600.00万元分三批下达，第一批200.00万元，第二批250.00万元。\n", []),
])
def test_total_split_over_years(text, told_):
    assert rule_told(text, "SUM024") == told_
