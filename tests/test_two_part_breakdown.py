"""Two parts listed each with its share, the shares making 100% and no whole stated for them: the
shares are of the two parts' sum (as for three or more); with a whole stated or guessed, that whole
keeps its reading. Texts written for these tests."""
from __future__ import annotations

from auditor.engine import audit_file
from auditor.ruleset import load_rules

RULES = [r for r in load_rules() if r.id == "DRV001"]
HEAD = "某县2024年度乡村公益性岗位补贴项目支出绩效自评报告\n"


def _shares(tmp_path, line: str):
    path = tmp_path / "two.txt"
    path.write_text(HEAD + line + "\n", encoding="utf-8")
    return [f for f in audit_file(str(path), RULES).findings if f.severity != "info"]


def test_swapped_shares_of_two_parts_fire(tmp_path):
    found = _shares(tmp_path, "全年支出中，岗位补贴598.70万元，占10.43%；意外伤害保险69.70万元，占89.57%。")
    assert len(found) == 2


def test_right_shares_of_two_parts_are_quiet(tmp_path):
    assert _shares(tmp_path, "全年支出中，岗位补贴598.70万元，占89.57%；意外伤害保险69.70万元，占10.43%。") == []
    assert _shares(tmp_path, "岗位补贴598.70万元，占89.57%；意外伤害保险69.70万元，占10.43%。") == []


def test_a_stated_whole_off_its_two_parts_is_still_the_wholes_finding(tmp_path):
    found = _shares(tmp_path, "全年支出合计2,318.40万元，按支出性质划分，基本支出1,520.16万元，占比66.14%；项目支出778.24万元，占33.86%。")
    assert [f.stated for f in found] == ["2,318.40万元"]


def test_two_parts_of_a_whole_named_but_stated_nowhere(tmp_path):
    line = "岗位补贴598.70万元，占项目支出的{a}；意外伤害保险69.70万元，占项目支出的{b}。"
    assert len(_shares(tmp_path, line.format(a="10.43%", b="89.57%"))) == 2
    assert _shares(tmp_path, line.format(a="89.57%", b="10.43%")) == []
