"""Small tables at the edges of what the rules read: every rule runs to the end on them (a rule
that raises is reported as 规则执行出错 in not_assessable, which is a bug, not a finding)."""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ruleset import load_pack

EDGES = [
    # a table whose only data row is its total row
    "某局2025年度部门决算\n公务接待费\t2024年\t2025年\n合计\t4.60\t3.20\n",
    # a code table's head naming no code column
    "某局2025年度部门决算\n支出决算表\n按支出功能分类科目编码列示的科目\t科目名称\t本年支出合计\n合计\t\t300.00\n",
    # a run-in heading with its points and nothing after it
    "某局2025年度项目支出绩效自评报告\n（四）满意度指标（分值10分）。\n",
]


@pytest.mark.parametrize("text", EDGES)
def test_every_rule_runs_to_the_end(text):
    result = audit_document(document_from_text(text), load_pack())
    crashed = [n for n in result.not_assessable if "规则执行出错" in n["reason"]]
    assert crashed == []
