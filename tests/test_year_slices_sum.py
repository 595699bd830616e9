"""The year's slices (一季度…四季度, 上半年/下半年), read as achieved amounts rather than the year's
outturn, listed and closed by the year's sum (全年合计, 以上合计) add up to it, where they name each
quarter once; figures to a date (1-9月累计), a subtotal among them or a quarter left out make no
such list. Texts written for these tests."""
from __future__ import annotations

from audited import told
from auditor.ruleset import load_rules

RULES = [r for r in load_rules() if r.id == "CAL001"]
HEAD = "某县交通运输局2024年度部门决算说明\n"
QUARTERS = HEAD + ("本年度一季度支出为612.40万元，二季度支出为1,108.75万元，"
                   "三季度支出为1,236.90万元，四季度支出为1,822.57万元，全年合计{total}万元。\n")
OFF = [("CAL001", "4,790.62万元", "4,780.62万元")]


def test_quarters_off_their_sum_fire():
    assert told(QUARTERS.format(total="4,790.62"), RULES) == OFF


def test_quarters_making_their_sum_are_quiet():
    assert told(QUARTERS.format(total="4,780.62"), RULES) == []


def test_halves_cover_the_year_too():
    assert told(HEAD + "本年度上半年支出为1,721.15万元，下半年支出为3,059.47万元，全年合计4,790.62万元。\n", RULES) == OFF


def test_a_quarter_left_out_or_a_subtotal_makes_no_list_of_the_year():
    assert told(HEAD + "一季度支出612.40万元，二季度支出1,108.75万元，三季度支出1,236.90万元，全年合计4,780.62万元。\n",
                RULES) == []
    assert told(HEAD + "一季度支出为612.40万元，二季度支出为1,108.75万元，上半年合计1,721.15万元；三季度支出为"
                "1,236.90万元，四季度支出为1,822.57万元，全年合计4,780.62万元。\n", RULES) == []


def test_figures_to_a_date_are_no_slices():
    assert told("某局2024年度部门决算说明\n1-6月累计支出600.00万元，1-9月累计支出900.00万元，全年合计支出1,600.00万元。\n",
                RULES) == []
