"""A total in a larger money unit than its parts that is their sum rounded at its own precision is
that sum as printed (kinds/base.py sum_as_printed_coarser): CAL001 and SUM024 read it alike."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.kinds.base import sum_as_printed_coarser
from auditor.ruleset import load_rules

from audited import told

BY_ID = {r.id: r for r in load_rules()}
UNITS = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


class Amount:
    def __init__(self, text: str, unit: str):
        self.value, self.unit = Decimal(text), unit
        self.places = max(0, -self.value.as_tuple().exponent)

    def in_yuan(self) -> Decimal:
        return self.value * UNITS[self.unit]


@pytest.mark.parametrize("total,parts,printed", [
    (("3.2", "亿元"), [("15000", "万元"), ("17040", "万元")], True),  # 3.204亿元 to one place
    (("0.12", "亿元"), [("987.65", "万元"), ("246.91", "万元")], True),  # 0.1234560亿元 to two
    (("3.50", "亿元"), [("15000", "万元"), ("17400", "万元")], False),  # 3.24亿元
    (("1532.6", "万元"), [("1104.27", "万元"), ("428.35", "万元")], False),  # one unit: not this test's
    (("3.2", "万元"), [("15000", "元"), ("17040", "元")], True),
    (("3.2", "万元"), [("1.5", "亿元")], False),  # a part coarser than the total
])
def test_a_coarser_total_rounds_its_parts_sum(total, parts, printed):
    assert sum_as_printed_coarser(Amount(*total), [Amount(*p) for p in parts]) is printed


def test_split_and_listed_totals_read_alike():
    split = "某市2025年污水管网改造项目实施方案\n项目总投资2.5亿元，分两期建设：一期12,380万元，二期12,650万元。\n"
    assert told(split, [BY_ID["SUM024"]]) == []
    # (the parts' sum to the places they print in the total's unit: 2.7030亿元, its zero trimmed)
    assert told(split.replace("12,650", "14,650"), [BY_ID["SUM024"]]) == [("SUM024", "2.5亿元", "2.703亿元")]
    listed = "某县2025年预算执行情况的报告\n全县一般公共预算支出完成2.5亿元，其中：一般公共服务支出12,380万元，教育支出12,650万元。\n"
    assert told(listed, [BY_ID["CAL001"]]) == []
    assert [f[:2] for f in told(listed.replace("12,650", "14,650"), [BY_ID["CAL001"]])] == [("CAL001", "2.5亿元")]
