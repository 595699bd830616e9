"""Score tables with a weight column at each level (一级指标 | 权重 | 二级指标 | 权重 | 三级指标 | 权重),
the target column under its other heads, a 合计 under 小计 rows, and deductions told in other
words. The forms are this project's own."""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.knowledge import concepts, vocabulary
from auditor.ruleset import load_rules
from auditor.tables.typed import typed_tables
from fixtures import forms

RULES = {r.id: r for r in load_rules()}
SCORE_RULES = ("SCO004", "SCO005", "SCO007", "SCO008", "SCO016", "SCO022", "SCO001")

HEAD = ["一级指标", "权重", "二级指标", "权重", "三级指标", "权重", "评分标准", "年度指标值", "实际完成值", "得分", "扣分原因"]


def level_rows(process_weight: str = "35", inspections_score: str = "12") -> list[list[str]]:
    return [
        HEAD,
        ["决策", "15%", "目标设定", "15%", "目标明确性", "8%", "明确的得满分", "明确", "明确", "8", ""],
        ["", "", "", "", "目标量化程度", "7%", "量化的得满分，否则酌情扣分", "量化", "部分量化", "6.5", "2项目标未量化，扣0.5分"],
        ["过程", process_weight + "%", "资金管理", "20%", "预算执行率", "12%", "得分=预算执行率×权重", "100%", "97.50%", "11.7",
         "执行率97.50%，扣0.3分"],
        ["", "", "", "", "资金使用合规性", "8%", "合规的得满分", "合规", "合规", "8", ""],
        ["", "", "项目实施", "15%", "设备巡检次数", "15%", "完成得满分", "≥240次", "252次", "15", ""],
        ["产出", "50%", "产出数量", "50%", "改造管网长度", "12%", "完成得满分，未完成按比例得分", "≥30公里", "31公里",
         inspections_score, ""],
        ["", "", "", "", "受益户数", "38%", "完成得满分，未完成按比例得分", "≥8000户", "8200户", "38", ""],
        ["合计", "100%", "", "", "", "100%", "", "", "", "99.2", ""],
    ]


# (first row, last row, column) of the category cells merged down over their rows, 0-based
MERGED = [(1, 2, 0), (1, 2, 1), (1, 2, 2), (1, 2, 3), (3, 5, 0), (3, 5, 1), (3, 4, 2), (3, 4, 3),
          (6, 7, 0), (6, 7, 1), (6, 7, 2), (6, 7, 3)]


def write(path, rows):
    forms.write_merged_form(path, "某水务中心2025年度部门整体支出绩效评价指标评分表", rows, MERGED, font_size=7, middle=True)


def audit(path, *rule_ids):
    return audit_document(load(path), [RULES[i] for i in rule_ids or SCORE_RULES]).findings


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".xlsx", ".pdf"])
def test_the_indicator_weight_is_the_column_after_its_name(tmp_path, suffix):
    path = tmp_path / f"form{suffix}"
    write(path, level_rows())
    [t] = [t for t in typed_tables(load(path)) if t.type == "performance_scores"]
    assert (t.columns["level1_weight"], t.columns["level2_weight"], t.columns["weight"]) == (1, 3, 5)
    assert [r.weight for r in t.records] == [8, 7, 12, 8, 15, 12, 38]
    assert audit(path) == []  # a consistent form: no deduction, cap or rule read off the categories' weights


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".xlsx", ".pdf"])
def test_a_category_weight_off_its_indicators_is_reported(tmp_path, suffix):
    path = tmp_path / f"form{suffix}"
    write(path, level_rows(process_weight="30"))
    [f] = audit(path)
    assert f.rule == "SCO004" and "过程 标注 30 分" in f.message and "合计为 35 分" in f.message
    assert f.location.col == 2


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".xlsx", ".pdf"])
def test_a_score_above_the_indicator_own_weight_is_reported(tmp_path, suffix):
    path = tmp_path / f"form{suffix}"
    write(path, level_rows(inspections_score="12.5"))
    rules = {f.rule for f in audit(path, "SCO005")}
    assert rules == {"SCO005"}


def test_one_weight_column_stays_the_indicators():
    text = ("绩效评价指标评分表\n一级指标\t二级指标\t三级指标\t权重\t得分\n"
            "产出\t数量\t改造管网长度\t60\t60\n效益\t社会效益\t受益户数\t40\t40\n合计\t\t\t100\t100\n")
    [t] = typed_tables(document_from_text(text))
    assert t.columns["weight"] == 3 and "level1_weight" not in t.columns


# --- the target column under any of its heads ------------------------------------------

def test_one_list_of_target_heads_for_every_reader():
    heads = vocabulary()["target_heads"]
    assert vocabulary()["table_types"]["performance_scores"]["columns"]["target"] == heads
    assert set(heads) <= set(concepts()["measures"]["目标值"])
    from auditor.kinds.pattern import PARAMS
    assert PARAMS["target_headers"][1] == []  # (none of its own: the vocabulary's)


@pytest.mark.parametrize("head", ["年度目标", "预期目标", "计划目标", "计划值", "绩效目标值", "年度目标值"])
def test_the_target_column_is_read_under_its_other_heads(head):
    text = (f"绩效评价指标评分表\n一级指标\t二级指标\t三级指标\t分值\t{head}\t实际完成值\t得分\n"
            "产出指标\t数量指标\t维修校舍面积\t8\t≥4.0万平方米\t3.4万平方米\t8\n")
    [t] = typed_tables(document_from_text(text))
    assert t.columns["target"] == 4
    [f] = findings(text, "SCO008")
    assert f.stated == "8" and "6.80" in f.expected


def test_the_goals_block_of_a_project_form_is_no_target_column():
    text = ("某县2025年度项目支出绩效自评表\n年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t\n"
            "\t完成校舍维修4.0万平方米\t\t\t完成3.4万平方米\t\t\t\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t产出指标\t数量指标\t维修校舍面积\t≥4.0万平方米\t3.4万平方米\t8\t6.8\n")
    [t] = [t for t in typed_tables(document_from_text(text)) if t.type == "performance_scores"]
    assert t.columns["target"] == 4 and [r.target for r in t.records] == ["≥4.0万平方米"]
    assert findings(text, *SCORE_RULES) == []


# --- a 合计 under 小计 rows -----------------------------------------------------------------

SUBTOTALLED = ("某中心2025年度部门整体支出绩效自评报告\n一级指标\t二级指标\t三级指标\t分值\t得分\n"
               "决策\t目标设定\t目标明确性\t10\t10\n\t预算编制\t编制科学性\t{w}\t9\n决策\t小计\t\t{sub}\t19\n"
               "产出\t数量\t服务人次\t50\t50\n\t质量\t服务达标率\t30\t29\n产出\t小计\t\t80\t79\n合计\t\t\t100\t98\n")


def findings(text: str, *rule_ids: str):
    return audit_document(document_from_text(text), [RULES[i] for i in rule_ids]).findings


def test_a_total_weight_off_the_subtotals_and_their_rows_is_reported():
    [f] = findings(SUBTOTALLED.format(w="11", sub="21"), "SCO016")
    assert f.cls == "weight_mismatch" and f.stated == "100" and f.expected == "101"


def test_a_subtotal_off_its_rows_is_told_once_at_the_subtotal():
    # the 合计 sums the 小计 rows (20 + 80): the row off (11) is the 小计's to tell, not the 合计's too
    [f] = findings(SUBTOTALLED.format(w="11", sub="20"), "SCO016")
    assert f.stated == "20" and f.expected == "21.00"
    assert findings(SUBTOTALLED.format(w="10", sub="20"), "SCO016") == []


# --- deductions told in other words ---------------------------------------------------------

REASON_FORM = ("某局2025年度项目支出绩效自评表\n一级指标\t二级指标\t三级指标\t分值\t得分\t扣分原因\n"
               "过程\t项目管理\t档案完整性\t10\t{score}\t{reason}\n")


@pytest.mark.parametrize("reason", ["扣分2分，3份合同未归档", "扣分：2分（3份合同未归档）", "3份合同未归档，减2分",
                                    "3份合同未归档（-2分）", "3份合同未归档，扣除2分"])
def test_a_deduction_told_in_other_words_is_held_to_the_score(reason):
    assert findings(REASON_FORM.format(score="8", reason=reason), "SCO022") == []
    [f] = findings(REASON_FORM.format(score="9", reason=reason), "SCO022")
    assert f.expected == "8"


@pytest.mark.parametrize("reason", ["档案得分较去年减少2分，系新增归档要求", "按标准扣1-2分，取低限", "增减2分均在合理范围"])
def test_words_of_a_change_or_a_range_are_no_deduction(reason):
    assert findings(REASON_FORM.format(score="9", reason=reason), "SCO022") == []


def test_category_names_in_the_middle_of_their_rows_take_the_rows_their_weights_make():
    """A 一级指标 printed in the middle of its merged cell (or on the next page where a page break cut
    the cell): the rows above its name are its own where the weights the names state (决策（10分）)
    make it so, and only one cutting of the rows does."""
    text = ("某局2024年度部门整体支出绩效评价报告\n部门整体支出绩效评价指标评分表\n"
            "一级指标\t三级指标\t分值\t得分\n"
            "\t立项依据充分性\t4\t4\n决策（10分）\t绩效目标合理性\t3\t3\n\t绩效指标明确性\t3\t2.5\n"
            "\t资金到位率\t3\t3\n过程（10分）\t预算执行率\t3\t3\n\t制度执行有效性\t4\t4\n"
            "\t合计\t20\t19.5\n")
    typed = next(t for t in typed_tables(document_from_text(text)) if t.records)
    assert [r.level1 for r in typed.records] == ["决策（10分）"] * 3 + ["过程（10分）"] * 3
    findings = audit_document(document_from_text(text), [RULES["SCO004"]]).findings
    assert not findings
