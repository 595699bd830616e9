"""The `count` kind: stated counts against lists, breakdowns, score-table rows and totals.

Each test builds a small report in its own words and asserts what the finding says and where,
or that a count which cannot be checked stays quiet.
"""
from __future__ import annotations

import time

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.kinds import count
from auditor.ruleset import load_rules

RULES = [r for r in load_rules() if r.kind == "count"]
BY_ID = {r.id: r for r in RULES}

SCORE_HEADER = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"


def findings(text: str, *ids: str):
    rules = [BY_ID[i] for i in ids] if ids else RULES
    doc = document_from_text(text, "report.txt")
    return [f for f in audit_document(doc, rules).findings if f.cls == "count_mismatch"]


def only(text: str, rule_id: str):
    found = findings(text, rule_id)
    assert len(found) == 1, [(f.rule, f.message) for f in found]
    f = found[0]
    assert f.quote in document_from_text(text, "report.txt").text
    return f


# --- enumeration ----------------------------------------------------------------------

def test_list_shorter_than_its_count_is_reported_at_the_count():
    text = "一、概况\n本局下设科室5个，分别为：甲科、乙科、丙科、丁科。核定编制20人。\n"
    f = only(text, "CNT001")
    assert f.quote == "本局下设科室5个"
    assert (f.stated, f.expected) == ("5 个", "4 个")
    assert f.location.line == 2 and f.location.section == "一、概况"
    assert f.message == "文中写 5 个科室，列举了 4 个"
    assert "甲科、乙科、丙科、丁科" in f.formula


@pytest.mark.parametrize("text,stated,expected", [
    ("全年新建站点三个：东站、西站、南站、北站。\n", "三 个", "4 个"),                    # bare colon
    ("主要完成3项工作：一是修订制度。二是开展培训。三是组织检查。四是推进整改。\n", "3 项", "4 项"),  # 一是 …
    ("数量指标 2 个，为“培训场次”；“参训人数”；“发放手册”。\n", "2 个", "3 个"),           # quoted, ；
    ("下设机构2个，具体包括：（1）综合组；（2）宣传组；（3）督查组。\n", "2 个", "3 个"),    # （1）（2）
    ("服务站、工作站、联络点共2个，均已挂牌。\n", "2 个", "3 个"),                          # list first
])
def test_lists_in_other_shapes_are_counted(text, stated, expected):
    f = only(text, "CNT001")
    assert (f.stated, f.expected) == (stated, expected)


def test_numbered_paragraphs_after_a_colon_are_the_list():
    text = "三、项目情况\n本年共实施项目3个，具体如下：\n1.道路养护：全年支出10万元。\n2.绿化管护：全年支出8万元。\n四、其他\n"
    f = only(text, "CNT001")
    assert (f.stated, f.expected) == ("3 个", "2 个")
    assert f.location.line == 2
    assert "各段编号" in f.formula


def test_numbered_sub_headings_after_a_count_ending_its_paragraph_are_the_list():
    """主要存在以下4个方面问题： then （一）（二）（三） headings, each with its body, up to the next 四、."""
    body = ("二、审计发现的问题\n经审计，主要存在以下{n}个方面问题：\n（一）收入管理不严格\n部分收入未及时上缴。\n"
            "1.非税收入\n滞留非税收入若干。\n（二）支出管理不规范\n部分支出依据不足。\n表1 问题统计\n类别\t个数\n收入\t3\n"
            "（三）资产管理不到位\n部分资产账实不符。\n三、审计建议\n（一）加强收入管理。\n（二）规范支出。\n")
    f = only(body.format(n=4), "CNT001")
    assert (f.stated, f.expected) == ("4 个", "3 个")
    assert f.location.line == 2
    assert not findings(body.format(n=3), "CNT001")
    # a gap in the headings' numbers is no list (STR001 tells the gap)
    assert not findings(body.format(n=4).replace("（二）支出", "（四）支出"), "CNT001")


def test_a_rectification_split_in_three_is_summed_against_the_problems_reported():
    text = "一、总体情况\n审计工作报告反映了3个方面52个问题，已整改到位44个，部分整改6个，未整改3个。\n"
    f = only(text, "CNT005")
    assert (f.stated, f.expected) == ("52 个", "53 个")
    assert "部分完成 6 个" in f.formula
    assert not findings(text.replace("44个", "43个"), "CNT005")


@pytest.mark.parametrize("text", [
    # two facts, not a list of two: 团组 and 人次
    "全年共接待来访团组11个、55人次（不包括随行人员），主要为兄弟单位交流。\n",
    # an open list
    "下设工作组4个，包括综合组、宣传组等。\n",
    "下设工作组4个，包括“综合组”、“宣传组”等。\n",
    # a name with 和 may be read as two: one short is not sure
    "下设科室3个，分别为：办公室、人口和社会科。\n",
    # 等 before the count: at least the items listed
    "建成东站、西站等5个站点。\n",
    # a breakdown into counted parts is not a list of items
    "共设置指标6个，分别为产出指标3个、效益指标2个、满意度指标1个。\n",
    # prose after a bare colon is not a list
    "全年召开会议5个：会议研究了预算、采购和人事事项。\n",
    # the count is of something else than the list before it (no summing particle)
    "组织干部、职工培训3个批次。\n",
])
def test_counts_that_cannot_be_checked_stay_quiet(text):
    assert findings(text, "CNT001") == []


def test_quoted_items_with_commas_inside_count_once():
    text = "社会效益指标 2 个，为“公平、公正、公开”、“群众满意”。\n"
    assert findings(text, "CNT001") == []


# --- breakdown ------------------------------------------------------------------------

def test_total_against_its_categories():
    text = "二、绩效\n本年度共设置三级指标10个，其中产出指标6个、效益指标3个、满意度指标2个。\n"
    f = only(text, "CNT002")
    assert (f.stated, f.expected) == ("三级指标 10 个", "11 个")
    assert f.quote.endswith("满意度指标2个")
    assert f.formula == "产出指标 6 个 + 效益指标 3 个 + 满意度指标 2 个 = 11 个"


def test_sibling_categories_are_not_a_breakdown():
    text = "共设置三级指标11个，其中产出指标6个、效益指标3个、满意度指标2个。\n"
    assert findings(text, "CNT002") == []
    assert findings("产出指标6个、效益指标3个、满意度指标2个。\n", "CNT002") == []


def test_a_partial_breakdown_may_fall_short_but_not_exceed():
    # 其中 with two of the categories: the rest may be unnamed
    assert findings("共设置绩效指标9个，其中产出指标5个、效益指标2个。\n", "CNT002") == []
    f = only("共设置绩效指标6个，其中产出指标5个、效益指标2个。\n", "CNT002")
    assert f.expected == "7 个"
    # 分别是 says the parts are all of it
    f = only("产出指标 5 个，分别是数量指标 2 个；质量指标 2 个。\n", "CNT002")
    assert (f.stated, f.expected) == ("产出指标 5 个", "4 个")


def test_a_list_after_the_marker_is_not_a_breakdown():
    text = "时效指标 2 个，分别是“按时完成率”、“响应时间”，均已完成；质量指标 5 个，分别是“合格率”。\n"
    assert findings(text, "CNT002") == []


# --- score-table rows -----------------------------------------------------------------

PROJECT_TABLE = ("项目支出绩效自评表\n" + SCORE_HEADER
                 + "产出指标\t数量指标\t培训期数\t≥12期\t12期\t50\t50\n"
                 + "效益指标\t社会效益指标\t受益人数\t≥100人\t120人\t50\t50\n")
WHOLE_TABLE = ("部门整体支出绩效自评表\n" + SCORE_HEADER
               + "产出指标\t数量指标\t培训期数\t≥12期\t12期\t30\t30\n"
               + "\t质量指标\t合格率\t≥95%\t97%\t30\t30\n"
               + "效益指标\t社会效益指标\t受益人数\t≥100人\t120人\t40\t40\n")


def test_whole_unit_sentence_is_checked_against_the_whole_unit_table():
    good = "二、绩效\n本年度整体支出绩效目标共设置三级指标3个，其中产出指标2个、效益指标1个。\n"
    assert findings(good + PROJECT_TABLE + WHOLE_TABLE, "CNT003") == []
    bad = "二、绩效\n本年度整体支出绩效目标共设置三级指标3个，其中产出指标1个、效益指标2个。\n"
    found = findings(bad + PROJECT_TABLE + WHOLE_TABLE, "CNT003")
    assert sorted((f.quote, f.stated, f.expected) for f in found) == [
        ("产出指标1个", "1 个", "2 个"), ("效益指标2个", "2 个", "1 个")]
    assert all("第2张表" in f.formula for f in found)


def test_total_against_the_next_table_when_the_sentence_names_no_scope():
    text = "本项目共设置 3 个绩效指标。\n" + PROJECT_TABLE
    f = only(text, "CNT003")
    assert (f.stated, f.expected) == ("3 个", "2 个")
    assert f.message == "文中写 绩效指标 3 个，所述评分表列出 2 个"
    assert f.location.line == 1


# --- restated totals and status splits ------------------------------------------------

def test_total_without_a_list_against_the_list_in_the_same_section():
    text = ("一、项目\n本年对全部项目开展自评，共涉及项目2个，资金30万元。\n"
            "本年共安排项目3个，分别为：道路养护经费、绿化管护经费、路灯维护经费。\n")
    f = only(text, "CNT004")
    assert (f.quote, f.stated, f.expected) == ("共涉及项目2个", "2 个", "3 个")
    assert f.location.line == 2


def test_total_and_list_in_different_sections_stay_quiet():
    text = ("一、项目\n共涉及项目2个。\n二、支出\n本年共安排项目3个，分别为：道路养护、绿化管护、路灯维护。\n")
    assert findings(text, "CNT004") == []


def test_done_and_not_done_must_add_up_to_the_total():
    f = only("本项目共设置绩效指标8个，已完成6个，未完成1个。\n", "CNT005")
    assert (f.stated, f.expected) == ("8 个", "7 个")
    assert f.quote == "本项目共设置绩效指标8个，已完成6个，未完成1个"
    assert findings("本项目共设置绩效指标8个，已完成7个，未完成1个。\n", "CNT005") == []
    # a sub-total starts its own count of what was done
    assert findings("产出指标共有9个，完成的有8个。其中数量指标4个，完成4个。\n", "CNT005") == []


# --- shape of the kind ----------------------------------------------------------------

def test_sub_checks_are_an_explicit_registry():
    assert set(count.CHECKS) == {"enumeration", "breakdown", "indicator_rows", "restated_total", "status_split"}
    assert all(callable(f) for f in count.CHECKS.values())


def test_time_is_linear_in_document_size():
    unit = "全年共接待来访团组11个、55人次，内设科室3个，分别为：甲科、乙科、丙科。产出指标6个、效益指标3个。\n"

    def seconds(n):
        # (the least CPU time of three runs: other load on the machine adds, never takes away)
        doc = document_from_text(unit * n, "big.txt")
        runs = []
        for _ in range(3):
            started = time.process_time()
            audit_document(doc, RULES)
            runs.append(time.process_time() - started)
        return min(runs)

    small, large = seconds(200), seconds(800)
    assert large < max(small, 0.05) * 8  # 4× the text, well under 16× the time
