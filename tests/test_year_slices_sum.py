"""The year's slices (一季度…四季度, 上半年/下半年), read as achieved amounts rather than the year's
outturn, listed and closed by the year's sum (全年合计, 以上合计) add up to it; figures to a date
(1-9月累计) are no slices. Texts written for these tests."""
from __future__ import annotations

from auditor.engine import audit_file
from auditor.ruleset import load_rules

RULES = [r for r in load_rules() if r.id == "CAL001"]
QUARTERS = ("某县交通运输局2024年度部门决算说明\n本年度一季度支出为612.40万元，二季度支出为1,108.75万元，"
            "三季度支出为1,236.90万元，四季度支出为1,822.57万元，全年合计{total}万元。\n")


def _findings(tmp_path, text: str):
    path = tmp_path / "slices.txt"
    path.write_text(text, encoding="utf-8")
    return [f for f in audit_file(str(path), RULES).findings if f.severity != "info"]


def test_quarters_off_their_sum_fire(tmp_path):
    found = _findings(tmp_path, QUARTERS.format(total="4,790.62"))
    assert len(found) == 1 and "4,780.62" in found[0].message


def test_quarters_making_their_sum_are_quiet(tmp_path):
    assert _findings(tmp_path, QUARTERS.format(total="4,780.62")) == []


def test_figures_to_a_date_are_no_slices(tmp_path):
    assert _findings(tmp_path, "某局2024年度部门决算说明\n1-6月累计支出600.00万元，1-9月累计支出900.00万元，全年合计支出1,600.00万元。\n") == []
