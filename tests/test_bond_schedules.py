"""Tables of special-purpose bond projects (实施方案, 一案两书, 信息披露): repayment schedules whose
issuance column is 0 wherever 本息 adds up, a whole heading its 其中 list, and interest worked out
from a coupon rate printed in its cells or a unit printed only in the caption."""
from __future__ import annotations

from audited import told

from auditor.examples import document_from_text
from auditor.ruleset import load_rules
from auditor.tables.products import row_products

RULES = load_rules()

SCHEDULE_HEAD = ("某县2026年新增专项债券项目实施方案\n表6 还本付息表（单位：万元）\n"
                 "年度\t年初余额\t本年发行\t偿还本金\t支付利息\t本息合计\n")
SCHEDULE_ROWS = ["2026年\t0.00\t4,000.00\t0.00\t0.00\t0.00",
                 "2027年\t4,000.00\t0.00\t0.00\t96.00\t96.00",
                 "2028年\t4,000.00\t0.00\t0.00\t96.00\t96.00",
                 "2029年\t4,000.00\t0.00\t0.00\t96.00\t96.00",
                 "2030年\t4,000.00\t0.00\t0.00\t96.00\t96.00",
                 "2031年\t4,000.00\t0.00\t2,000.00\t96.00\t2,096.00",
                 "2032年\t2,000.00\t0.00\t2,000.00\t48.00\t2,048.00",
                 "合计\t—\t4,000.00\t4,000.00\t528.00\t4,528.00"]


def _schedule(rows: list[str]) -> str:
    return SCHEDULE_HEAD + "\n".join(rows) + "\n"


def _sum_rules(text: str) -> list[tuple[str, str, str]]:
    return [t for t in told(text, RULES) if t[0].startswith(("SUM", "DRV013"))]


def test_an_issuance_column_zero_wherever_the_rows_add_up_is_no_part_of_the_total():
    assert _sum_rules(_schedule(SCHEDULE_ROWS)) == []


def test_a_column_figured_in_the_one_row_off_stays_a_part_when_leaving_it_out_explains_nothing():
    # (其他资金 figured only in 乙, whose 合计 is off either way: the table read with it, as printed)
    text = ("某局2025年度项目资金表\n单位：万元\n项目\t财政资金\t自筹资金\t其他资金\t合计\n"
            "甲\t100.00\t20.00\t0.00\t120.00\n丙\t80.00\t10.00\t0.00\t90.00\n丁\t60.00\t15.00\t0.00\t75.00\n"
            "戊\t40.00\t5.00\t0.00\t45.00\n乙\t50.00\t10.00\t30.00\t70.00\n")
    assert ("SUM005", "乙 70.00", "90.00") in _sum_rules(text)


def test_a_slip_in_a_schedule_row_is_still_told():
    rows = [r.replace("2,096.00", "2,069.00") for r in SCHEDULE_ROWS]
    assert [t[1] for t in _sum_rules(_schedule(rows))] == ["2031年 2,069.00"]


WHOLE_FIRST = ("某市2025年专项债券项目信息披露\n表1 资金筹措表（单位：万元）\n来源\t金额\t占总投资比例\n"
               "项目总投资\t{total}\t100.00%\n其中：财政资金\t1,500.00\t12.50%\n专项债券\t9,000.00\t{share}\n"
               "市场化融资\t1,500.00\t12.50%\n")


def test_a_whole_heading_its_qizhong_list_is_the_total_and_the_shares_whole():
    assert _sum_rules(WHOLE_FIRST.format(total="12,000.00", share="75.00%")) == []
    assert ("SUM005", "项目总投资 12,400.00", "12,000.00") in _sum_rules(
        WHOLE_FIRST.format(total="12,400.00", share="75.00%"))
    assert _sum_rules(WHOLE_FIRST.format(total="12,000.00", share="57.00%")) == [("DRV013", "57.00%", "75.00%")]


def _products(text: str):
    table = document_from_text(text).tables[0]
    return row_products(table, ["率", "%", "占比", "比例", "序号"])


def test_a_rate_printed_in_its_cells_is_read_over_a_hundred():
    text = ("某县2025年专项债券项目实施方案\n表3 付息测算\n年度\t债券余额（万元）\t票面利率\t利息（万元）\n"
            "2026年\t8,000.00\t2.30%\t184.00\n2027年\t8,000.00\t2.30%\t148.00\n2028年\t5,000.00\t2.30%\t115.00\n")
    checked, slips = _products(text)
    assert checked == 3 and [(s.row, s.expected, s.percent) for s in slips] == [(2, 184, True)]


def test_a_rate_beside_two_columns_of_money_in_two_rows_is_not_judged():
    # (发行额 and 到期偿还 both money: which one the rate is of is not told, and one row of two
    # following a product is no majority)
    text = ("某县2025年专项债券项目实施方案\n表2 发行计划（单位：万元）\n批次\t发行额\t到期偿还\t票面利率\t年付息额\n"
            "第一批\t6,000.00\t6,000.00\t2.50%\t160.00\n第二批\t2,000.00\t2,000.00\t2.50%\t50.00\n")
    assert _products(text).slips == []


def test_rows_of_nothing_show_no_product():
    # (0 × a rate is 0 in any reading: the two rows of 0 show nothing, the one row of figures
    # is not held to a product they do not show)
    text = ("某县2025年专项债券项目实施方案\n表3 付息测算\n年度\t发行额（万元）\t期限（年）\t费率\t发行费用（万元）\n"
            "2025年\t0.00\t10\t0.10%\t0.00\n2026年\t0.00\t10\t0.10%\t0.00\n2027年\t3,000.00\t10\t0.10%\t25.00\n")
    assert _products(text).slips == []
