"""Budget-code tables: a malformed figure among the parts leaves the sum unjudged (the
malformed number has its own rule) instead of being summed as if it were absent."""
from __future__ import annotations

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_rules

RULES = {r.id: r for r in load_rules()}
HEADER = "支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"


def sums(text: str):
    return audit_document(document_from_text(text), [RULES["SUM001"], RULES["SUM004"]]).findings


def test_malformed_part_is_not_summed_as_missing():
    text = HEADER + ("合计\t\t80.00\t30.00\t50.00\n"
                     "205\t教育支出\t80.00\t30.00\t50.00\n"
                     "20502\t普通教育\t80.00\t30.00\t50..00\n")
    assert sums(text) == []


def test_wrong_row_total_is_still_found_beside_a_blank_mark():
    text = HEADER + "205\t教育支出\t80.00\t—\t60.00\n"
    [f] = sums(text)
    assert f.rule == "SUM004" and f.stated.endswith("80.00") and f.expected == "60.00"
    assert (f.location.row, f.location.col) == (2, 3)
