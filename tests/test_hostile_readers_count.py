"""Issue 9, the `count` kind on hostile text: work that grows linearly with the text (a sentence of
thousands of stated counts cost quadratic time: 20 KB of digits and counts took 4.7 s), counts of
thousands of digits that do not trip Python's int-string limit, and lists or breakdowns too long
to be one that are left unchecked rather than checked on part of their items.

Linearity is measured without a clock: the Python lines executed in kinds/count/ for a text
and for the same text four times over (a trace hook counts them). A linear check executes about
four times as many; the quadratic one executed sixteen times as many."""
from __future__ import annotations

import os
import sys

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import raw
from auditor.kinds import count
from auditor.kinds.count.passages import count_number
from auditor.ruleset import load_rules

RULES = [r for r in load_rules() if r.kind == "count"]
BY_ID = {r.id: r for r in RULES}
COUNT_DIR = os.path.dirname(count.__file__) + os.sep  # the package's modules
SCORE_TABLE = ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
               "产出指标\t数量指标\t培训人次\t≥100\t120\t50\t50\n"
               "效益指标\t社会效益\t覆盖率\t≥90%\t95%\t50\t50\n")


def lines_executed(text: str) -> int:
    """Python lines run in kinds/count/ (any of its modules) while every count rule checks `text`."""
    doc = document_from_text(text, "report.txt")
    executed = 0

    def trace(frame, event, arg):
        nonlocal executed
        if not frame.f_code.co_filename.startswith(COUNT_DIR):
            return None
        if event == "line":
            executed += 1
        return trace

    sys.settrace(trace)
    try:
        for rule in RULES:
            list(count.check(doc, rule))
    finally:
        sys.settrace(None)
    return executed


SHAPES = {
    # the case: digits and stated counts, each opening a list with a colon
    "digits_and_counts": ("1111111111个：", ""),
    "counts_then_lists": ("1个，分别为：甲、", ""),
    # numbered lists whose later numbers stand inside items (tokens skipped, not restarted)
    "numbered_lists": ("1个分别为1.甲", ""),
    "quoted_lists": ("1个：“甲”、", ""),
    "counts_before_lists": ("甲、乙共1个，", ""),
    "breakdowns": ("产出指标1个，其中数量指标1个，", ""),
    "status_splits": ("共完成1个，", ""),
    "indicator_totals": ("共设置3个绩效指标，其中产出指标1个，", "\n" + SCORE_TABLE),
    "paragraphs_before_numbered_items": ("科室3个如下：\n1.甲\n\n", ""),
    "restated_totals": ("共有科室3个。\n\n科室3个，分别为：甲、乙。\n\n", ""),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_count_work_grows_linearly_with_the_text(name):
    unit, tail = SHAPES[name]
    n = 1500 // len(unit) + 1
    small, large = lines_executed(unit * n + tail), lines_executed(unit * 4 * n + tail)
    assert large <= 4.6 * small, (name, small, large, round(large / small, 1))


def test_a_5000_digit_count_is_no_count():
    """int() of 5,000 digits raised ValueError (the int-string limit) and the rule became
    not-assessable; such a number is not a count of anything and is passed over."""
    digits = "8" * 5000
    text = (f"一、概况\n内设科室{digits}个，分别为：甲科、乙科。\n共设置{digits}个绩效指标，其中产出指标{digits}个。\n"
            f"共有项目{digits}个，完成{digits}个，未完成1个。\n三级指标{digits}个，其中产出指标{digits}个、效益指标1个。\n"
            + SCORE_TABLE)
    doc = document_from_text(text, "report.txt")
    result = audit_document(doc, RULES)
    assert not result.not_assessable, result.not_assessable
    assert not [f for f in result.findings if digits in (f.stated or "") + (f.expected or "")]
    assert count_number(digits) is None and count_number("12") == 12 and count_number("十二") == 12


def test_a_list_is_still_checked_when_its_sentence_runs_on():
    """In a list split on 、 the first ， ends it: the rest of a very long sentence is not read."""
    text = "一、概况\n本局下设科室4个，分别为：甲科、乙科、丙科，" + "其余说明文字" * 2000 + "。\n"
    [finding] = [f for f in audit_document(document_from_text(text, "r.txt"), [BY_ID["CNT001"]]).findings]
    assert (finding.stated, finding.expected) == ("4 个", "3 个")


def test_a_list_longer_than_the_window_is_not_checked():
    items = "、".join(f"第{k}科" for k in range(raw.MAX_LIST_CHARS // 4))
    text = f"一、概况\n本局下设科室4个，分别为：{items}。\n"
    assert not audit_document(document_from_text(text, "r.txt"), [BY_ID["CNT001"]]).findings
    short = "、".join(f"第{k}科" for k in range(5))
    [finding] = audit_document(document_from_text(f"一、概况\n本局下设科室4个，分别为：{short}。\n", "r.txt"),
                               [BY_ID["CNT001"]]).findings
    assert finding.expected == "5 个"


def test_a_run_of_more_parts_than_a_breakdown_has_is_not_one():
    rule = next(r for r in RULES if r.params.get("check") == "breakdown")
    parts = "、".join(f"{chr(0x4E59 + k)}类指标1个" for k in range(raw.MAX_BREAKDOWN_PARTS + 1))  # 乙类, 乚类…
    text = f"一、概况\n共设置三级指标3个，分别为{parts}。\n"
    assert not audit_document(document_from_text(text, "r.txt"), [rule]).findings
    parts = "、".join(f"{chr(0x4E59 + k)}类指标1个" for k in range(4))
    [finding] = audit_document(document_from_text(f"一、概况\n共设置三级指标3个，分别为{parts}。\n", "r.txt"),
                               [rule]).findings
    assert (finding.stated, finding.expected) == ("三级指标 3 个", "4 个")
