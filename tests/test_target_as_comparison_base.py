"""A bare 完成率 after what was done and the target stated as a comparison's base (较年度计划X) with
the excess after it: done ÷ target, the excess no quantity done; 比目标少X states no target.
Texts written for these tests."""
from __future__ import annotations

from auditor.engine import audit_file
from auditor.ruleset import load_rules

RULES = [r for r in load_rules() if r.id == "DRV007"]
HEAD = "某县水利局2024年度部门整体支出绩效自评报告\n"


def _findings(tmp_path, line: str):
    path = tmp_path / "target.txt"
    path.write_text(HEAD + line + "\n", encoding="utf-8")
    return [f for f in audit_file(str(path), RULES).findings if f.severity != "info"]


def test_excess_after_the_target_is_no_quantity_done(tmp_path):
    assert _findings(tmp_path, "全年完成水利工程建设投资8,650万元，较年度计划8,000万元超出650万元，完成率108.13%。") == []


def test_a_wrong_rate_is_told_against_the_target_compared_with(tmp_path):
    found = _findings(tmp_path, "全年完成水利工程建设投资8,650万元，较年度计划8,000万元超出650万元，完成率110.13%。")
    assert len(found) == 1 and "108.13%" in found[0].message


def test_a_shortfall_from_the_target_states_no_target(tmp_path):
    assert _findings(tmp_path, "全年完成造林1.20万亩，比目标少0.12万亩，完成率90.00%。") == []
