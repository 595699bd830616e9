"""A declared tolerance accepts a difference outright; it is not called a rounding tail."""
from __future__ import annotations

import dataclasses

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_rules

TABLE = ("某局2025年度部门决算\n支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\n"
         "201\t一般公共服务支出\t110.00\n20101\t人大事务\t100.00\n")


def _findings(tolerance: dict):
    rule = next(r for r in load_rules() if r.id == "SUM001")
    rule = dataclasses.replace(rule, tolerance=tolerance)
    return audit_document(document_from_text(TABLE), [rule]).findings


def test_without_tolerance_a_ten_yuan_gap_is_a_mismatch():
    assert [f.cls for f in _findings({})] == ["total_mismatch"]


def test_a_gap_within_the_declared_tolerance_is_no_finding():
    assert _findings({"absolute": 20}) == []


def test_a_gap_beyond_the_declared_tolerance_is_still_a_mismatch():
    assert [f.cls for f in _findings({"absolute": 5})] == ["total_mismatch"]
