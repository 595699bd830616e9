"""A plan's (部门预算) amounts are its budget: an amount whose words name no measure takes the
budget level its tables name (FactBase.bare_measure), so that its changes and its direction
words are judged against the tables' last-year budget columns. Texts written for these tests.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.engine import audit_file
from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.ruleset import load_rules

RULES = load_rules()

TITLE = "某县水利局2026年部门预算公开说明"
CLEAN = [
    "一、一般公共预算拨款支出预算情况",
    "（一）农林水支出（类）1,620.00万元，占一般公共预算拨款支出的81.82%，比上年预算增加45.00万元，增长2.86%。",
    "（二）住房保障支出（类）96.00万元，占一般公共预算拨款支出的4.85%，比上年预算增加6.00万元，增长6.67%。",
    "（三）社会保障和就业支出（类）264.00万元，占一般公共预算拨款支出的13.33%，与上年预算数相比持平。",
    "二、基本支出预算情况",
    "2026年基本支出预算860.00万元，由人员经费742.50万元、公用经费117.50万元两部分组成。",
]
TABLE_TITLE = "一般公共预算支出预算表"
ROWS = [
    ["科目名称", "2025年预算数", "2026年预算数", "增减额", "增长率（%）"],
    ["合计", "1,929.00", "1,980.00", "51.00", "2.64"],
    ["社会保障和就业支出", "264.00", "264.00", "0.00", "0.00"],
    ["农林水支出", "1,575.00", "1,620.00", "45.00", "2.86"],
    ["住房保障支出", "90.00", "96.00", "6.00", "6.67"],
]
# one slip each, and the rule that must tell it (and the one that must not blame the right figure)
SLIPS = {
    # the change amount is wrong, its rate right: DRV012 on the amount, no DRV003 on the rate
    "change_amount": ("比上年预算增加45.00万元", "比上年预算增加54.00万元", "DRV012", "DRV003"),
    # …and so where the words name no budget (比上年增加): a plan's year on year is its budget's
    "change_amount_unworded": ("比上年预算增加6.00万元，增长6.67%", "比上年增加9.00万元，增长6.67%", "DRV012", "DRV003"),
    # a direction word after a share clause speaks of the amount, not of the share's whole
    "flat_after_share": ("比上年预算增加6.00万元，增长6.67%", "与上年预算数相比持平", "DIR002", None),
    # a complete list closed by 由…两部分组成 adds up to the amount before it
    "enclosed_list": ("人员经费742.50万元", "人员经费724.50万元", "CAL001", None),
}


def _lines(slip: str | None) -> list[str]:
    lines = list(CLEAN)
    if slip is not None:
        old, new = SLIPS[slip][:2]
        lines = [line.replace(old, new) for line in lines]
    return lines


def _write(path, slip: str | None) -> str:
    lines = _lines(slip)
    if path.suffix == ".txt":
        path.write_text("\n".join([TITLE, *lines, TABLE_TITLE, "单位：万元", *("\t".join(r) for r in ROWS)]) + "\n",
                        encoding="utf-8")
        return str(path)
    import docx

    document = docx.Document()
    for line in [TITLE, *lines, TABLE_TITLE, "单位：万元"]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(path)
    return str(path)


def _rules_found(path: str) -> set[str]:
    return {f.rule for f in audit_file(path, RULES).findings if f.severity != "info"}


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_clean_plan_is_quiet(tmp_path, suffix):
    assert _rules_found(_write(tmp_path / f"clean{suffix}", None)) == set()


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("slip", sorted(SLIPS))
def test_each_slip_in_a_plan_is_told_by_its_rule(tmp_path, suffix, slip):
    found = _rules_found(_write(tmp_path / f"{slip}{suffix}", slip))
    _, _, rule, not_rule = SLIPS[slip]
    assert rule in found
    assert not_rule is None or not_rule not in found


def _facts(text: str):
    return fact_base(document_from_text(text)).facts


def test_a_plans_bare_amounts_are_its_budget_at_its_tables_level():
    table = "支出预算表\n单位：万元\n项目\t{head}\t合计\n基本支出\t860.00\t860.00\n"
    text = "某县水利局2026年部门预算公开说明\n2026年基本支出860.00万元，其中人员经费742.50万元。\n"
    for head, measure in (("2026年预算数", "全年预算"), ("2026年年初预算数", "年初预算")):
        facts = _facts(text + table.format(head=head))
        bare = [f for f in facts if f.source == "text"] + [f for f in facts if f.header == "合计"]
        assert {f.measure for f in bare} == {measure}
    # an account's bare amounts stay its outturn
    account = _facts("某县水利局2025年度部门决算说明\n2025年基本支出860.00万元。\n")
    assert [f.measure for f in account if f.value == Decimal("860.00")] == ["决算"]
