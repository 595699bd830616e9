"""CNT006 on lists of kinds whose names do not end alike: kinds of one classification (小学, 初中,
高中; 男, 女; 城镇, 农村; 在职, 离退休; 行政, 事业) exclude one another, so a list of them after a
count is compared with it; all the kinds of one, of the whole's own thing, are all of the whole
(their sum must equal it), some of them a selection (their sum may not pass it). Attributes that
cut across (党员, 女性, 学历, 职称, 新建, 改扩建) are not compared.
"""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.ruleset import load_rules

RULE = [r for r in load_rules() if r.id == "CNT006"]
HEAD = "某县教育体育局2025年度部门整体支出绩效自评报告\n"


def findings(text: str):
    return audit_document(document_from_text(HEAD + text + "\n"), RULE).findings


@pytest.mark.parametrize("text, stated, expected", [
    # every school level of 中小学校: all of it, short of the whole
    ("全县现有中小学校52所，其中小学31所、初中14所、高中5所。", "52所", "50所"),
    ("全县现有中小学校五十二所，其中小学三十一所、初中十四所、高中五所。", "52所", "50所"),
    ("全县现有中小学校52所（其中小学31所、初中14所、高中5所），在校学生2.1万人。", "52所", "50所"),
    ("全县现有中小学校52所。其中：小学31所；初中14所；高中5所。", "52所", "50所"),
    # some of the levels, more than the whole
    ("全县现有学校33所，其中小学21所、初中13所。", "33所", "≥ 34所"),
    ("全县现有学校33所，包括小学21所、初中13所。", "33所", "≥ 34所"),
    # men and women of the staff: all of it, either way off
    ("本局在职职工74人，其中男职工41人、女职工35人。", "74人", "76人"),
    ("本局在职职工74人，其中男性41人、女性31人。", "74人", "72人"),
    # town and country
    ("全年发放临时救助对象补助610人次，其中城镇260人次、农村330人次。", "610人次", "590人次"),
    # posts of the establishment without 编制 after each
    ("本局核定编制48人，其中行政29人、事业21人。", "48人", "≥ 50人"),
    # in post and retired (离退休 as one kind)
    ("本局共有人员96人，其中在职人员71人、离退休人员27人。", "96人", "98人"),
])
def test_kinds_of_one_classification_are_summed(text, stated, expected):
    found = findings(text)
    assert [(f.stated, f.expected) for f in found] == [(stated, expected)]


@pytest.mark.parametrize("text", [
    # the same lists adding up
    "全县现有中小学校50所，其中小学31所、初中14所、高中5所。",
    "本局在职职工76人，其中男职工41人、女职工35人。",
    # a selection below the whole
    "全县现有中小学校52所，其中小学31所、初中14所。",
    # kinds of a narrower thing: public schools only, teachers among staff
    "全县现有中小学校52所，其中公办小学25所、公办初中10所、公办高中4所。",
    "全县教职工2600人，其中小学教师1300人、初中教师700人、高中教师300人。",
    "全县现有学校52所，其中城镇小学12所、农村小学19所。",
    # attributes that cut across
    "本局在职职工74人，其中党员40人、女性35人。",
    "本局在职职工74人，其中研究生学历20人、高级职称16人、党员45人。",
    "全县现有中小学校52所，其中新建5所、改扩建9所。",
    # men and women, then an attribute: the classification's run is compared, the attribute left
    "本局在职职工74人，其中男职工39人，女职工35人，党员50人。",
    # each whole with its own men and women
    "本局在职人员58人，其中男职工33人、女职工25人；退休人员17人，其中男11人、女6人。",
])
def test_selections_and_crosscutting_attributes_stay_quiet(text):
    assert findings(text) == []


def test_a_partition_read_from_a_word_file(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某县教育体育局2025年度部门整体支出绩效自评报告")
    document.add_paragraph("一、部门基本情况")
    document.add_paragraph("全县现有中小学校52所，其中：小学31所，初中14所，高中5所。")
    path = tmp_path / "report.docx"
    document.save(path)
    found = audit_document(load(path), RULE).findings
    assert [(f.stated, f.expected) for f in found] == [("52所", "50所")]
    assert "小学 31所 + 初中 14所 + 高中 5所" in found[0].message
