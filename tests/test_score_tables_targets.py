"""Score tables: full marks for a target that was not met, scores at the form's precision,
and totals that include the budget execution score. The forms are this project's own."""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.ruleset import load_rules
from auditor.tables.typed import typed_tables
from fixtures import forms

RULES = {r.id: r for r in load_rules()}

SCORE_HEADER = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分"
PROJECT_FUNDS = "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分"


def findings(text: str, *rule_ids: str):
    doc = document_from_text(text)
    return audit_document(doc, [RULES[i] for i in rule_ids]).findings


def form(*rows: str, total: str | None = None) -> str:
    lines = ["项目支出绩效自评表", SCORE_HEADER, *rows]
    if total:
        lines.append(total)
    return "\n".join(lines) + "\n"


# --- SCO008: a quantitative target missed, yet full marks ---------------------------------

@pytest.mark.parametrize("target,actual,weight,expected", [
    ("≥500个", "420个", "8", "6.72"),      # floor missed
    ("≤1.2万元", "1.5万元", "6", "4.80"),   # ceiling exceeded
    ("≥99%", "96%", "4", "3.88"),          # a rate below its floor
    ("60期", "48期", "10", "8.00"),         # a bare planned quantity is a floor
])
def test_missed_target_with_full_marks_is_reported_on_the_score_cell(target, actual, weight, expected):
    text = form(f"产出指标\t数量指标\t示范项目\t{target}\t{actual}\t{weight}\t{weight}")
    [f] = findings(text, "SCO008")
    assert f.cls == "target_not_met"
    assert (f.location.row, f.location.col) == (2, 7)  # the 得分 cell of the indicator row
    assert f.stated == weight
    assert expected in f.expected and f"低于满分 {weight}" in f.expected
    assert "示范项目" in f.message and actual in f.message and target in f.message
    assert f.quote in text


@pytest.mark.parametrize("row", [
    "产出指标\t数量指标\t示范项目\t≥500个\t520个\t8\t8",          # met
    "产出指标\t数量指标\t示范项目\t≥500个\t420个\t8\t6.72",       # missed, scored in proportion
    "效益指标\t社会效益指标\t群众投诉件数\t30件\t41件\t5\t5",       # bare target of a ceiling-like indicator
    "产出指标\t质量指标\t设备完好率\t≥98.2%\t98%\t4\t4",           # 98% may stand for 98.2%
    "产出指标\t时效指标\t完成时限\t2025年6月底前\t2025年5月\t5\t5",  # not quantitative
    "产出指标\t数量指标\t示范项目\t≥5个\t4万元\t5\t5",              # units differ: not comparable
])
def test_missed_target_quiet(row):
    assert findings(form(row), "SCO008") == []


def test_missed_target_weight_from_peers_when_the_table_has_no_weight_column():
    text = ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t得分\n"
            "产出指标\t数量指标\t新建书屋\t≥40个\t31个\t5\n"
            "\t数量指标\t培训场次\t≥12场\t12场\t5\n"
            "\t数量指标\t发放手册\t≥800册\t900册\t5\n")
    [f] = findings(text, "SCO008")
    assert "新建书屋" in f.message and "3.88" in f.expected
    assert "满分值" in f.formula


# --- SCO009 / SCO001: the budget execution row ---------------------------------------------

def test_full_execution_score_below_full_rate_at_two_decimal_precision():
    # 10 would round 9.50 at integer precision; the form prints 88.50, so 10 means 10.00
    text = ("项目支出绩效自评表\n" + PROJECT_FUNDS + "\n年度资金总额\t1300\t1200\t1140\t10\t95.00%\t10\n"
            + SCORE_HEADER + "\n产出指标\t数量指标\t修缮校舍\t≥12所\t12所\t90\t88.50\n总分\t\t\t\t\t100\t98.50\n")
    # the two rules see one correction (10 → 9.50): one finding naming the other; the total
    # 98.50 = 10 + 88.50 holds
    [both] = findings(text, "SCO009", "SCO001", "SCO003")
    assert (both.rule, both.cls, both.expected) == ("SCO001", "score_mismatch", "9.50")
    assert [c.split(" ")[0] for c in both.folded] == ["SCO009"] and both.folded[0].endswith("（同一处更正）")
    [unmet] = findings(text, "SCO009")
    assert unmet.cls == "target_not_met" and unmet.stated == "10" and unmet.expected == "9.50"
    assert (unmet.location.row, unmet.location.col) == (2, 7)
    assert "95.00%" in unmet.message and "不应得满分" in unmet.formula


def test_execution_rate_computed_from_amounts_when_the_form_leaves_it_blank():
    text = ("预算执行情况（万元）（10分）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
            "年度资金总额\t640\t700\t651\t10\t\t10\n")
    [f] = findings(text, "SCO009")
    assert f.expected == "9.30" and "651" in f.formula and "700" in f.formula


def test_department_layout_with_label_in_second_column():
    text = ("部门整体支出绩效自评表\n"
            "年度预算申请（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
            "\t年度资金总额\t830.00\t860.00\t842.80\t10\t98.00%\t10\n"
            "\t其中：财政拨款\t830.00\t860.00\t842.80\t—\t—\t—\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t产出指标（90分）\t数量指标\t巡查次数\t≥24次\t30次\t90\t90\n"
            "总分\t\t\t\t\t\t100\t99.80\n")
    [f] = findings(text, "SCO009")
    assert f.expected == "9.80" and (f.location.row, f.location.col) == (2, 8)


def test_rounded_rate_and_full_execution_are_quiet():
    full = ("预算执行情况（万元）（10分）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
            "年度资金总额\t640\t651\t651\t10\t100%\t10\n")
    rounded = (PROJECT_FUNDS + "\n年度资金总额\t15\t15\t13.41\t20\t89.40%\t17.88\n")
    assert findings(full, "SCO009", "SCO001") == []
    assert findings(rounded, "SCO009", "SCO001") == []


# --- SCO003: a project form's total includes the execution score ---------------------------

def test_project_total_counts_an_indicator_named_like_its_category():
    text = ("项目支出绩效自评表\n" + PROJECT_FUNDS + "\n年度资金总额\t200\t200\t150\t10\t75.00%\t7.50\n"
            + SCORE_HEADER + "\n"
            "产出指标（50分）\t数量指标\t采购设备\t≥10台\t10台\t50\t50\n"
            "效益指标（30分）\t社会效益指标\t服务能力\t提升\t提升\t30\t30\n"
            "满意度指标（10分）\t服务对象满意度指标\t服务对象满意度\t≥90%\t95%\t10\t10\n"
            "总分\t\t\t\t\t100\t97.50\n")
    doc = document_from_text(text)
    scores = next(t for t in typed_tables(doc) if t.type == "performance_scores")
    assert [r.indicator for r in scores.records][-1] == "服务对象满意度"
    assert audit_document(doc, [RULES["SCO003"]]).findings == []
    wrong = text.replace("97.50", "87.50")
    [f] = findings(wrong, "SCO003")
    assert f.stated == "87.50" and f.expected == "97.50"


# --- the same form from Word, Excel and PDF --------------------------------------------------

ROWS = [
    ["年度预算申请（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "830.00", "860.00", "842.80", "10", "98.00%", "9.80"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["", "产出指标（50分）", "数量指标", "巡查次数", "≥240次", "200次", "20", "20"],
    ["", "", "质量指标", "整改完成率", "≥95%", "97%", "30", "30"],
    ["", "满意度指标（40分）", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "40", "40"],
    ["总分", "", "", "", "", "", "100", "99.80"],
]
MERGED = [(3, 4, 1)]  # rows 3-4 of column 1 (0-based) merged: 产出指标


def _write(path, suffix):
    forms.write_merged_form(path, "部门整体支出绩效自评表", ROWS, MERGED)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".xlsx", ".pdf"])
def test_missed_target_found_in_every_format(tmp_path, suffix):
    path = tmp_path / f"form{suffix}"
    _write(path, suffix)
    result = audit_document(load(path), [RULES["SCO008"], RULES["SCO009"], RULES["SCO003"]])
    [f] = result.findings
    assert f.rule == "SCO008" and "巡查次数" in f.message and f.stated == "20"
    assert "16.67" in f.expected  # 20 × 200/240


def test_a_score_printed_with_one_decimal_keeps_its_own_precision():
    # 9.8 stands for [9.75, 9.85), which holds 10 × 98.30% = 9.83; 9.7 does not
    base = ("项目支出绩效自评表\n" + PROJECT_FUNDS + "\n年度资金总额\t1000\t1000\t983\t10\t98.30%\t{score}\n"
            + SCORE_HEADER + "\n产出指标\t数量指标\t修缮校舍\t≥12所\t12所\t90\t88.50\n")
    assert findings(base.format(score="9.8"), "SCO001", "SCO009") == []
    [f] = findings(base.format(score="9.7"), "SCO001", "SCO009")
    assert f.rule == "SCO001" and f.expected == "9.83"


def test_a_source_row_copying_the_total_row_is_judged_once_with_it():
    """其中：当年财政拨款 repeating 年度资金总额's figures (all of the money one source): the full
    marks at 81.52% are told once, at the total's row; a source row of its own figures is checked."""
    from auditor.engine import audit_document
    from auditor.examples import document_from_text
    from auditor.ruleset import load_rules

    rule = next(r for r in load_rules() if r.id == "SCO001")
    head = ("某局2024年度项目支出绩效自评表\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
            "\t年度资金总额\t760.00\t760.00\t619.52\t10\t81.52%\t10\n")
    copied = head + "\t其中：当年财政拨款\t760.00\t760.00\t619.52\t10\t81.52%\t10\n"
    own = head + "\t其中：当年财政拨款\t700.00\t700.00\t600.00\t10\t85.71%\t10\n"
    rows = lambda text: [f.location.row for f in audit_document(document_from_text(text), [rule]).findings]  # noqa: E731
    assert rows(copied) == [2]
    assert rows(own) == [2, 3]
