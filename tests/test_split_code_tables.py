"""Tables by budget code whose code is split over 类 | 款 | 项 columns: the heads may stand in a
row of their own, in the 合计 row or alone as the header (no 科目编码), or not at all (the parts
then read from the data); each row's code is its parts joined, and the table is typed once."""
from __future__ import annotations

from auditor.examples import document_from_text
from auditor.tables.typed import typed_tables

BODY = ("201\t\t\t一般公共服务支出\t90.00\n201\t06\t\t财政事务\t90.00\n201\t06\t01\t行政运行\t60.00\n"
        "201\t06\t02\t一般行政管理事务\t30.00\n221\t\t\t住房保障支出\t10.00\n221\t02\t\t住房改革支出\t10.00\n"
        "221\t02\t01\t住房公积金\t10.00\n")
CODES = ["201", "20106", "2010601", "2010602", "221", "22102", "2210201"]


def read(header: str, total: str = "合计\t\t\t\t100.00\n", body: str = BODY):
    doc = document_from_text("某局2024年度部门决算\n支出决算表\n单位：万元\n" + header + total + body)
    return [t for t in typed_tables(doc) if t.type == "budget_by_code"]


def check(tables) -> None:
    [table] = tables
    assert [r.code for r in table.records if not r.is_total] == CODES
    [total] = [r for r in table.records if r.is_total]
    assert total.name == "合计" and [c.text for c in total.amounts.values()] == ["100.00"]


def test_heads_in_a_row_of_their_own():
    check(read("科目编码\t\t\t科目名称\t本年支出合计\n类\t款\t项\t\t\n"))


def test_heads_in_the_total_row():
    check(read("科目编码\t\t\t科目名称\t本年支出合计\n", total="类\t款\t项\t合计\t100.00\n"))


def test_heads_alone_as_the_header():
    check(read("类\t款\t项\t科目名称\t本年支出合计\n"))


def test_no_heads_parts_read_from_the_data():
    check(read("项目\t\t\t\t本年支出合计\n科目编码\t\t\t科目名称\t\n"))


def test_parts_printed_only_where_they_change_read_from_the_data():
    body = ("201\t\t\t一般公共服务支出\t90.00\n\t06\t\t财政事务\t90.00\n\t\t01\t行政运行\t60.00\n"
            "\t\t02\t一般行政管理事务\t30.00\n221\t\t\t住房保障支出\t10.00\n\t02\t\t住房改革支出\t10.00\n"
            "\t\t01\t住房公积金\t10.00\n")
    check(read("科目编码\t\t\t科目名称\t本年支出合计\n", body=body))


def test_a_column_of_one_code_is_not_split():
    body = "201\t一般公共服务支出\t90.00\n20106\t财政事务\t90.00\n2010601\t行政运行\t90.00\n"
    [table] = read("科目编码\t科目名称\t本年支出合计\n", total="合计\t\t90.00\n", body=body)
    assert [r.code for r in table.records if not r.is_total] == ["201", "20106", "2010601"]


def test_an_unheaded_item_column_read_from_the_data():
    check(read("科目编码\t\t\t科目名称\t本年支出合计\n类\t款\t\t\t\n"))
