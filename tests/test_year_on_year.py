"""Year-on-year comparisons in a plan (部门预算) and a final account: the base year of a change
is the year before the report's (PER011), a timeliness target of a plan is not already past
(PER012), and a change column (增减额 = 本年 − 上年) is read as the difference it is by the sum
checks: a figure its own row bears out is named by no digit-swap hint, and a change column's total
that breaks only because its row's earlier figure does is folded into that figure's finding.
Texts written for these tests."""
from __future__ import annotations

import pytest

from auditor.engine import audit_file
from auditor.ruleset import load_rules

RULES = load_rules()

CODE_TABLE = """某县林业局2026年部门预算公开说明
表3 一般公共预算支出预算表
单位：万元
科目编码\t科目名称\t2025年预算数\t2026年预算数\t增减额\t增减%
\t合计\t964.00\t990.40\t26.40\t2.74
213\t农林水支出\t964.00\t990.40\t26.40\t2.74
21302\t林业和草原\t{prior}\t990.40\t{change}\t{rate}
2130201\t行政运行\t512.40\t530.80\t18.40\t3.59
2130204\t事业机构\t251.60\t264.60\t13.00\t5.17
2130299\t其他林业和草原支出\t200.00\t195.00\t-5.00\t-2.50
"""

THREE_PUBLIC = """某县林业局2026年部门预算公开说明
表7 一般公共预算“三公”经费支出预算表
单位：万元
项目\t2025年预算数\t2026年预算数\t增减额\t增减%
合计\t{prior}\t12.60\t{change}\t{rate}
1.因公出国（境）费\t0.00\t0.00\t0.00\t—
2.公务用车购置及运行维护费\t9.40\t8.80\t-0.60\t-6.38
（1）公务用车购置费\t0.00\t0.00\t0.00\t—
（2）公务用车运行维护费\t9.40\t8.80\t-0.60\t-6.38
3.公务接待费\t4.00\t3.80\t-0.20\t-5.00
"""


def _findings(tmp_path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in audit_file(str(path), RULES).findings if f.severity != "info"]


def _alone(tmp_path, text: str, rule_id: str):
    """The findings of one rule alone (another rule telling the same cell would take it in)."""
    path = tmp_path / f"{rule_id}.txt"
    path.write_text(text, encoding="utf-8")
    return audit_file(str(path), [rule for rule in RULES if rule.id == rule_id]).findings


def test_clean_tables_are_quiet(tmp_path):
    assert _findings(tmp_path, CODE_TABLE.format(prior="964.00", change="26.40", rate="2.74")) == []
    assert _findings(tmp_path, THREE_PUBLIC.format(prior="13.40", change="-0.80", rate="-5.97")) == []


def test_a_prior_figure_slip_and_the_change_computed_from_it_are_one_finding(tmp_path):
    # 21302's 2025 figure 964.00 printed 946.00, its change worked out from it (990.40 − 946.00)
    found = _findings(tmp_path, CODE_TABLE.format(prior="946.00", change="44.40", rate="4.69"))
    sums = [f for f in found if f.rule == "SUM001"]
    assert len(sums) == 1
    assert sums[0].stated.endswith("946.00") and sums[0].expected == "964.00"
    assert any("增减额" in entry for entry in sums[0].folded)
    # 2130204's 13.00 (31.00 would make the change column add up) is its row's own 264.60 − 251.60
    assert all("「2130204」13.00" not in (f.formula or "") for f in found)


def test_a_part_its_row_bears_out_is_named_by_no_swap_hint(tmp_path):
    # the change column's total alone off by 18.00 (44.40 for 26.40): 13.00 swapped to 31.00 would
    # make it add up, but 13.00 is its row's own difference; the total's row does not hold
    # (DRV011 tells the row, and the SUM001 finding is folded into it: SUM001 read alone)
    change = [f for f in _alone(tmp_path, CODE_TABLE.format(prior="964.00", change="44.40", rate="2.74"), "SUM001")
              if "增减额" in f.message]
    assert len(change) == 1 and "两位相邻数字颠倒" not in change[0].formula


def test_a_numbered_three_public_table_is_summed_by_its_numbering_in_every_column(tmp_path):
    # the change column's total alone is wrong: its rows add up, by the numbering, to -0.80
    # (2. over its (1)/(2) counted once), not to the flat -1.40 that happens to come nearer
    sums = _alone(tmp_path, THREE_PUBLIC.format(prior="13.40", change="-1.60", rate="-5.97"), "SUM005")
    assert [f.expected for f in sums] == ["-0.80"]


def test_a_three_public_prior_total_slip_folds_its_change(tmp_path):
    # 合计's 2025 figure 13.40 printed 14.30, the change worked out from it
    found = _findings(tmp_path, THREE_PUBLIC.format(prior="14.30", change="-1.70", rate="-11.89"))
    told = [f for f in found if "增减额" in f.message]
    assert told == []
    root = [f for f in found if "14.30" in (f.stated or "")]
    assert root and any("增减额" in entry for f in root for entry in f.folded)


BUDGET_TEXT = "某县水利局{year}年部门预算公开说明\n{year}年一般公共预算拨款支出1,980.00万元，{compare}。\n"
BUDGET_ROWS = [["项目", "{prior}预算数", "{year}年预算数", "增减额", "增减%"],
               ["一般公共预算拨款支出", "1,929.00", "1,980.00", "51.00", "2.64"],
               ["农林水支出", "1,575.00", "1,620.00", "45.00", "2.86"],
               ["住房保障支出", "354.00", "360.00", "6.00", "1.69"]]


def _budget_docx(path, prior_head: str, compare: str, year: int = 2026) -> str:
    import docx

    document = docx.Document()
    for line in BUDGET_TEXT.format(year=year, compare=compare).strip().split("\n") + ["一般公共预算支出预算表", "单位：万元"]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(BUDGET_ROWS), cols=len(BUDGET_ROWS[0]))
    for r, row in enumerate(BUDGET_ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text.format(prior=prior_head, year=year)
    document.save(path)
    return str(path)


def _period(path: str):
    return [f for f in audit_file(path, RULES).findings if f.rule == "PER011"]


def test_a_clean_year_on_year_budget_is_quiet(tmp_path):
    assert _period(_budget_docx(tmp_path / "ok.docx", "2025年", "比上年预算增加51.00万元")) == []
    assert _period(_budget_docx(tmp_path / "ok2.docx", "2025年", "较2025年预算增加51.00万元")) == []


def test_a_misdated_prior_column_head_in_a_docx(tmp_path):
    found = _period(_budget_docx(tmp_path / "head.docx", "2024年", "比上年预算增加51.00万元"))
    assert [(f.stated, f.expected, f.location.row, f.location.col) for f in found] == [("2024 年", "2025 年", 1, 2)]


@pytest.mark.parametrize("compare", ["较2024年预算增加51.00万元", "与2023年相比增加51.00万元"])
def test_a_misdated_base_year_in_the_text_of_a_docx(tmp_path, compare):
    found = _period(_budget_docx(tmp_path / "text.docx", "2025年", compare))
    assert len(found) == 1 and found[0].expected == "2025 年" and found[0].location.table is None


def test_a_change_that_is_no_difference_of_the_tables_is_left_alone(tmp_path):
    # 较2024年 with an amount the tables do not give: which year was meant is not shown
    assert _period(_budget_docx(tmp_path / "other.docx", "2025年", "较2024年预算增加80.00万元")) == []


def test_a_plans_past_deadline_target(tmp_path):
    form = ("某局2026年部门预算\n项目支出绩效目标表\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t时效指标\t设备采购完成时间\t{when}\n")
    late = [f for f in _findings(tmp_path, form.format(when="2025年6月底前")) if f.rule == "PER012"]
    assert [f.stated for f in late] == ["2025 年"]
    assert not [f for f in _findings(tmp_path, form.format(when="2026年6月底前")) if f.rule == "PER012"]
