"""A clause restating an earlier figure's thing without the figure (年末余额比上年末增加…): its change,
rate and base are that figure's (facts/restated.py), so that the rules comparing them with the two
years of the thing judge them; on texts written for these tests."""
from __future__ import annotations

from decimal import Decimal

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.ruleset import load_rules

RULES = load_rules()
HEAD = "关于某市2024年政府债务情况的说明\n"


def by_value(text: str) -> dict:
    return {f.value: f for f in fact_base(document_from_text(HEAD + text)).facts}


def rules_found(text: str) -> list[str]:
    doc = document_from_text(HEAD + text)
    return sorted(f.rule for f in audit_document(doc, RULES).findings if f.severity != "info")


def test_a_restated_name_takes_the_whole_not_its_listed_parts():
    facts = by_value("2024年末，全市政府债务余额300.00亿元，其中一般债务余额120.00亿元、专项债务余额180.00亿元。"
                     "年末债务余额比上年末增加30.00亿元，增长11.1%。\n")
    assert facts[Decimal("30.00")].concept == "政府债务余额"
    assert facts[Decimal("11.1")].concept == "政府债务余额"  # (the bare rate clause after the change)


def test_a_restated_name_matching_two_figures_names_neither():
    facts = by_value("全市教育支出12.00亿元，卫生健康支出8.00亿元。该项支出比上年增加1.50亿元，增长14.3%。\n")
    assert facts[Decimal("1.50")].concept is None
    assert facts[Decimal("14.3")].concept is None


def test_a_name_with_nothing_left_off_is_no_restatement():
    # (余额 alone may be a thing of its own: only a name leaving off its period or pointing back restates)
    facts = by_value("全市政府债务余额300.00亿元。余额比上年末增加30.00亿元。\n")
    assert facts[Decimal("30.00")].concept is None


def test_only_the_paragraph_is_looked_back_over():
    facts = by_value("全市政府债务余额300.00亿元。\n年末余额比上年末增加30.00亿元。\n")
    assert facts[Decimal("30.00")].concept is None


def test_a_restated_change_and_rate_are_judged_on_the_paragraph_figure():
    wrong = "2024年末，全市政府债务余额300.00亿元。年末余额比上年末增加30.00亿元，增长12.0%。\n"
    right = "2024年末，全市政府债务余额300.00亿元。年末余额比上年末增加30.00亿元，增长11.1%。\n"
    assert "DRV003" in rules_found(wrong)
    assert rules_found(right) == []


def test_a_restated_change_beside_its_stated_base_is_judged():
    wrong = "2024年末，全市政府债务余额300.00亿元。全年偿还本金20.00亿元，年末余额比上年末265.00亿元增加45.00亿元。\n"
    right = "2024年末，全市政府债务余额300.00亿元。全年偿还本金20.00亿元，年末余额比上年末265.00亿元增加35.00亿元。\n"
    assert "DRV012" in rules_found(wrong)
    assert rules_found(right) == []


def test_an_amount_naming_the_other_kind_ends_the_carried_concept():
    # (the rates after 支出… are its own, not those of the 保险费收入 named in the sentence before)
    facts = {f.value: f for f in fact_base(document_from_text(
        "某市2024年社会保险基金预算执行情况的报告\n（二）工伤保险基金。收入5,460.00万元，其中保险费收入5,100.00万元。"
        "支出4,320.00万元，为预算的96.0%，比上年下降10.0%。\n")).facts}
    assert facts[Decimal("96.0")].concept is None
    assert facts[Decimal("10.0")].concept is None


GRID = ("表2 某市2024年社会保险基金收支与上年对比表\n单位：万元\n险种\t2023年收入\t2024年收入\t2023年支出\t2024年支出\n"
        "城乡居民养老保险基金\t41,000.00\t43,050.00\t36,000.00\t38,880.00\n工伤保险基金\t5,200.00\t5,460.00\t4,800.00\t4,320.00\n"
        "合计\t46,200.00\t48,510.00\t40,800.00\t43,200.00\n")


def test_a_grid_row_is_taken_only_where_its_current_cell_restates_the_amount():
    from auditor.facts.grid_pairs import grid_cell

    def base_cell(text: str):
        base = fact_base(document_from_text("某市2024年社会保险基金预算执行情况的报告\n" + text + GRID))
        stated = next(f for f in base.facts if f.source == "text" and f.is_money and f.label.endswith("支出"))
        return grid_cell(base, stated, "决算", "上年")

    assert base_cell("（二）工伤保险基金。支出4,320.00万元，比上年下降10.0%。\n").value == Decimal("4800.00")
    assert base_cell("全市社会保险基金支出4.32亿元，比上年增长5.9%。\n").value == Decimal("40800.00")
    assert base_cell("（二）工伤保险基金。支出4,100.00万元，比上年增长10.0%。\n") is None  # (another scope's amount)
    assert base_cell("（三）失业保险基金。支出4,320.00万元，比上年下降10.0%。\n") is None  # (no such row)
