"""A score form whose header is two rows, 评分 spanning 分值 | 得分 (merged over the two columns, as a
word processor, a spreadsheet or a PDF grid prints it, or a blank cell after it in text): the form is read as a
score table in every format, so a missed target scored in full is told (SCO008) and the 总分 row is
no column total of the funds block above it (no SUM005)."""
from __future__ import annotations

import pytest

from auditor.engine import audit_file
from auditor.ruleset import load_rules
from fixtures.forms import write_merged_form

RULES = load_rules()
TITLE = "某市环境监测站2024年度项目支出绩效自评表"
HEAD = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "评分", "", "偏差原因分析及改进措施"],
        ["", "", "", "", "", "分值", "得分", ""]]


def rows(actual: str) -> list[list[str]]:
    return HEAD + [["产出指标", "数量指标", "运维监测站点数", "≥30个", "32个", "20", "20", ""],
                   ["产出指标", "质量指标", "数据有效率", "≥95%", actual, "30", "30", ""],
                   ["满意度指标", "服务对象满意度指标", "公众满意度", "≥90%", "92.1%", "50", "50", ""],
                   ["总分", "", "", "", "", "100", "100", ""]]


def write(path, grid: list[list[str]]) -> None:
    # (评分 merged over 分值 | 得分 in the first header row)
    write_merged_form(path, TITLE, grid, [(0, 0, 5, 6)])


def found(path) -> list[tuple[str, str]]:
    return [(f.rule, f.stated) for f in audit_file(str(path), RULES).findings
            if f.severity != "info" and f.rule in ("SCO008", "SUM005")]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".xlsx", ".pdf"])
def test_a_missed_target_under_a_two_level_score_head_is_told(tmp_path, suffix):
    path = tmp_path / f"form{suffix}"
    write(path, rows("90%"))
    assert found(path) == [("SCO008", "30")]
    write(path, rows("96%"))
    assert found(path) == []
