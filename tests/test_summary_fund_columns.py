"""SUM002 on a 财政拨款收入支出决算总表 whose sides hold several amount columns: the expenditure side's
小计 (or 合计) over its fund columns, each column summed down the side (本年支出合计 = the items,
总计 = 本年支出合计 + 年末结转和结余) and the 小计 across each row; in every layout and format."""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.ruleset import load_rules
from auditor.tables.typed import typed_tables

RULES = [r for r in load_rules() if r.id == "SUM002"]

HEAD = ["项目", "决算数", "项目", "小计", "一般公共预算财政拨款", "政府性基金预算财政拨款"]
ROWS = [
    ["一、一般公共预算财政拨款", "1,310.00", "一、教育支出", "905.40", "905.40", ""],
    ["二、政府性基金预算财政拨款", "64.00", "二、城乡社区支出", "60.00", "", "60.00"],
    ["", "", "三、住房保障支出", "348.60", "348.60", ""],
    ["本年收入合计", "1,374.00", "本年支出合计", "1,314.00", "1,254.00", "60.00"],
    ["年初财政拨款结转和结余", "18.00", "年末财政拨款结转和结余", "78.00", "74.00", "4.00"],
    ["总计", "1,392.00", "总计", "1,392.00", "1,328.00", "64.00"],
]
TITLE = "某疾控中心2024年度部门决算"
CAPTION = "财政拨款收入支出决算总表"


def _rows(changes: dict | None = None) -> list[list[str]]:
    rows = [list(r) for r in ROWS]
    for (r, c), text in (changes or {}).items():
        rows[r][c] = text
    return rows


def _tab_text(rows) -> str:
    return "\n".join([TITLE, CAPTION, "单位：万元", "\t".join(HEAD), *("\t".join(r) for r in rows)]) + "\n"


def _markdown(rows) -> str:
    lines = [f"# {TITLE}", "", CAPTION, "", "单位：万元", "", "| 收入 |  | 支出 |  |  |  |", "|---|---|---|---|---|---|",
             "| " + " | ".join(HEAD) + " |", *("| " + " | ".join(r) + " |" for r in rows)]
    return "\n".join(lines) + "\n"


def _html(rows) -> str:
    cells = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in r)}</tr>" for r in rows)
    return (f"<html><body><h1>{TITLE}</h1><p>{CAPTION}</p><p>单位：万元</p><table>"
            f"<tr><td colspan='2'>收入</td><td colspan='4'>支出</td></tr>"
            f"<tr>{''.join(f'<td>{h}</td>' for h in HEAD)}</tr>{cells}</table></body></html>")


def _sum_findings(doc):
    return [f for f in audit_document(doc, RULES).findings if f.severity != "info"]


def _doc(kind: str, rows, tmp_path):
    if kind == "text":
        return document_from_text(_tab_text(rows))
    path = tmp_path / ("总表.md" if kind == "md" else "总表.html")
    path.write_text(_markdown(rows) if kind == "md" else _html(rows), encoding="utf-8")
    return load(path)


@pytest.mark.parametrize("kind", ["text", "md", "html"])
def test_the_expenditure_side_is_read_with_its_fund_columns(kind, tmp_path):
    doc = _doc(kind, _rows(), tmp_path)
    summary = next(t for t in typed_tables(doc) if t.type == "income_expense_summary")
    income, expenditure = summary.sides
    assert (income.item, income.amounts, income.total) == (0, [1], None)
    assert (expenditure.item, expenditure.amounts, expenditure.total) == (2, [3, 4, 5], 3)
    assert not _sum_findings(doc)


@pytest.mark.parametrize("kind", ["text", "md", "html"])
def test_a_fund_total_off_its_items_is_told_at_that_cell(kind, tmp_path):
    # 本年支出合计 | 一般公共预算财政拨款 1,245.00 where 905.40 + 348.60 = 1,254.00: its row's 小计 breaks too
    found = _sum_findings(_doc(kind, _rows({(3, 4): "1,245.00"}), tmp_path))
    assert [(f.stated, f.expected, f.location.col) for f in found] == [("本年支出合计 1,245.00", "1,254.00", 5)]
    assert "本年支出合计（一般公共预算财政拨款）" in found[0].message


@pytest.mark.parametrize("kind", ["text", "md", "html"])
def test_a_fund_grand_total_off_its_total_and_balance_is_told_at_that_cell(kind, tmp_path):
    # 总计 | 一般公共预算财政拨款 1,282.00 where 1,254.00 + 74.00 = 1,328.00 (the row's 小计 off by as much)
    found = _sum_findings(_doc(kind, _rows({(5, 4): "1,282.00"}), tmp_path))
    assert [(f.stated, f.expected, f.location.col) for f in found] == [("总计 1,282.00", "1,328.00", 5)]
    assert "总计（支出，一般公共预算财政拨款）" in found[0].message


def test_a_row_off_across_its_funds_is_told_on_its_total_cell():
    # 三、住房保障支出 | 小计 384.60 over 348.60 | (blank): its row and the 小计 column's 合计 break
    # by as much; the row's cell is the one wrong
    found = _sum_findings(document_from_text(_tab_text(_rows({(2, 3): "384.60"}))))
    assert [(f.stated, f.expected, f.location.col) for f in found] == [("三、住房保障支出 384.60", "348.60", 4)]
    assert "三、住房保障支出（小计） 为 384.60，各栏之和为 348.60" in found[0].message


def test_a_side_of_fund_columns_with_no_total_sums_each_column():
    head = "项目\t决算数\t项目\t一般公共预算财政拨款\t政府性基金预算财政拨款"
    text = (f"{TITLE}\n{CAPTION}\n单位：万元\n{head}\n"
            "一、一般公共预算财政拨款\t520.00\t一、农林水支出\t430.00\t25.00\n"
            "二、政府性基金预算财政拨款\t25.00\t二、住房保障支出\t90.00\t\n"
            "本年收入合计\t545.00\t本年支出合计\t520.00\t35.00\n")
    found = _sum_findings(document_from_text(text))
    assert [(f.stated, f.expected) for f in found] == [("本年支出合计 35.00", "25.00")]
    # (its first column is no 总计 of the side: the two sides' totals are not compared by it)
    assert not _sum_findings(document_from_text(text.replace("35.00", "25.00")))


def test_a_summary_stacked_in_one_pair_of_columns_is_two_sides():
    text = (f"{TITLE}\n{CAPTION}\n单位：万元\n项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\n"
            "一、一般公共预算财政拨款\t410.00\t410.00\t\n二、政府性基金预算财政拨款\t20.00\t\t20.00\n"
            "本年收入合计\t430.00\t410.00\t20.00\n年初财政拨款结转和结余\t12.00\t12.00\t\n总计\t442.00\t422.00\t20.00\n"
            "一、科学技术支出\t380.00\t365.00\t15.00\n二、住房保障支出\t40.00\t40.00\t\n"
            "本年支出合计\t420.00\t405.00\t15.00\n年末财政拨款结转和结余\t22.00\t17.00\t5.00\n总计\t442.00\t422.00\t20.00\n")
    assert not _sum_findings(document_from_text(text))
    # the expenditure half's 合计 off its items: told, on its own side
    found = _sum_findings(document_from_text(text.replace("本年支出合计\t420.00\t405.00", "本年支出合计\t420.00\t415.00")))
    assert [(f.stated, f.expected) for f in found] == [("本年支出合计 415.00", "405.00")]


def test_a_column_of_changes_beside_the_funds_is_no_amount_of_the_side():
    head = "项目\t决算数\t项目\t小计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t较上年增减率（%）"
    text = (f"{TITLE}\n{CAPTION}\n单位：万元\n{head}\n"
            "一、一般公共预算财政拨款\t520.00\t一、农林水支出\t455.00\t430.00\t25.00\t6.2\n"
            "二、政府性基金预算财政拨款\t25.00\t二、住房保障支出\t90.00\t90.00\t\t-1.5\n"
            "本年收入合计\t545.00\t本年支出合计\t545.00\t520.00\t25.00\t4.8\n")
    summary = next(t for t in typed_tables(document_from_text(text)) if t.type == "income_expense_summary")
    assert summary.sides[1].amounts == [3, 4, 5]
    assert not _sum_findings(document_from_text(text))
