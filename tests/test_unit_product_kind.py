"""The `unit_product` kind (SUM018): an amount stated with its quantity and its standard per unit.

Each test writes a sentence of its own (subsidies per 亩, per head and month, per term, per
kilometre) and asserts the finding's figures and arithmetic, or that a relation that is not
certain (a range, a bound, tiers, periods not said, 人次 for 人, 累计 on one side) stays quiet.
"""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.ruleset import load_rules

RULES = load_rules()
BY_ID = {r.id: r for r in RULES}
TITLE = "某县2024年度惠民补贴项目绩效自评报告\n"


def findings(text: str, *ids: str):
    doc = document_from_text(TITLE + text, "report.txt")
    return [f for f in audit_document(doc, [BY_ID[i] for i in ids or ("SUM018",)]).findings]


def only(text: str):
    found = findings(text)
    assert len(found) == 1, [(f.rule, f.message) for f in found]
    f = found[0]
    assert f.rule == "SUM018" and f.quote in document_from_text(TITLE + text, "report.txt").text
    return f


@pytest.mark.parametrize("text,stated,expected,formula", [
    # per 亩, the area in 万亩
    ("今年兑付耕地地力保护补贴面积6.8万亩，按每亩122元标准，共发放补贴839.6万元。\n",
     "839.6万元", "829.6万元", "6.8万亩 × 122元/亩 = 829.6万元"),
    # per head and term, the terms stated after the standard
    ("向523名中职学生发放国家助学金，每人每学期1,000元，全年两个学期合计发放105.6万元。\n",
     "105.6万元", "104.6万元", "523名 × 1,000元/人 × 2（2个学期） = 104.6万元"),
    # per head and month over the year, the standard first
    ("按照每人每月120元标准，向3,150名困难残疾人发放生活补贴，全年共计435.60万元。\n",
     "435.60万元", "453.60万元", "× 12（全年12个月）"),
    # the standard after its figure (元/人·月), 全年 before it
    ("全年为640名孤儿发放基本生活费，标准1,400元/人·月，共发放1,057.2万元。\n",
     "1,057.2万元", "1,075.2万元", "640名 × 1,400元/人 × 12（全年12个月）"),
    # per kilometre in 万元, the amount in 亿元
    ("按每公里60万元的标准对农村公路提档升级给予补助，全年完成改造125公里，拨付补助资金0.78亿元。\n",
     "0.78亿元", "0.75亿元", "125公里 × 60万元/公里 = 0.75亿元"),
    # a change on last year after the amount is another figure; 以上 of the people, not of the standard
    ("全年为2,360名80周岁以上老人每人每月发放高龄津贴150元，共计发放442.8万元，较上年增加36.0万元。\n",
     "442.8万元", "424.8万元", "2,360名 × 150元/人 × 12（全年12个月） = 424.8万元"),
    # a standard's word before the figure, the one count of the sentence
    ("走访慰问退役军人285户，慰问标准为800元，共发放慰问金25.8万元。\n",
     "25.8万元", "22.8万元", "285户 × 800元 = 22.8万元"),
])
def test_amount_against_quantity_times_standard(text, stated, expected, formula):
    f = only(text)
    assert (f.stated, f.expected) == (stated, expected)
    assert formula in f.formula
    assert f.cls == "total_mismatch" and f.severity == "error"


def test_message_names_the_three_figures():
    f = only("今年兑付耕地地力保护补贴面积6.8万亩，按每亩122元标准，共发放补贴839.6万元。\n")
    assert f.message == "数量 6.8万亩、标准“每亩122元”与金额 839.6万元不符：按数量×标准计算，金额应为 829.6万元"


def test_swapped_digits_of_the_quantity_blame_the_quantity():
    f = only("按每公里60万元的标准补助，全年完成农村公路改造152公里，拨付补助资金7,500万元。\n")
    assert (f.stated, f.expected) == ("152公里", "125公里")
    assert "数量应为 125公里" in f.message and "数字颠倒" in f.formula
    assert f.formula.startswith("7,500万元 ÷ 60万元/公里 = 125公里")


def test_swapped_digits_of_the_standard_blame_the_standard():
    f = only("今年兑付耕地地力保护补贴面积6.8万亩，按每亩221元标准，共发放补贴829.6万元。\n")
    assert (f.stated, f.expected) == ("221元", "122元")
    assert "标准应为 122元" in f.message and f.formula.startswith("829.6万元 ÷ 6.8万亩 = 122元")


def test_the_months_left_out_are_said():
    f = only("全年为420名百岁老人发放长寿保健金，每人每月500元，合计21.00万元。\n")
    assert f.expected == "252.00万元" and "未乘期数（12）" in f.formula


@pytest.mark.parametrize("text", [
    # consistent, in each phrasing above
    "今年兑付耕地地力保护补贴面积6.8万亩，按每亩122元标准，共发放补贴829.6万元。\n",
    "向523名中职学生发放国家助学金，每人每学期1,000元，全年两个学期合计发放104.6万元。\n",
    "全年为640名孤儿发放基本生活费，标准1,400元/人·月，共发放1,075.2万元。\n",
    # 6.8万亩 is 67,500–68,500亩: 832万元 is within 122元 × that
    "今年兑付耕地地力保护补贴面积6.8万亩，按每亩122元标准，共发放补贴832万元。\n",
    # the months not said and no 全年: the amount may be of part of the year
    "按照每人每月120元标准，向3,150名困难残疾人发放生活补贴435.60万元。\n",
    # a part of the year said: 1-10月
    "按照每人每月120元标准，全年预算内1-10月向3,150名困难残疾人发放生活补贴378.00万元。\n",
    # a standard with no period beside terms counted: per term or per year is not said
    "向523名中职学生发放国家助学金，每人1,000元，全年两个学期合计发放104.6万元。\n",
    # a range, a ceiling, amounts that vary, tiers
    "按每亩100至150元的标准补助，共补助3,000亩，发放补助资金39.0万元。\n",
    "按每户最高不超过3,000元给予补助，共补助420户，发放补助资金100.00万元。\n",
    "每人补助500元至2,000元不等，共资助860人，发放资助金90.0万元。\n",
    "一档每人每月600元，二档每人每月400元，全年保障2,100人，发放1,100.00万元。\n",
    # 人次 counted against a standard per 人
    "每人每次补助200元，全年救助1,350人次，发放临时救助金30.0万元。\n",
    # 累计 on the count only
    "项目实施以来累计改造危房1,260户，每户补助2.5万元，今年下达补助资金800万元。\n",
    # two amounts after the standard
    "按每亩122元标准发放补贴6.8万亩，共发放补贴829.6万元，较上年增加50.0万元，其中中央资金600.0万元。\n",
    # a rough count
    "按每人每年1,200元标准，为约1,500名老人发放补贴，全年共计190万元。\n",
])
def test_uncertain_relations_stay_quiet(text):
    assert findings(text) == []


def test_per_head_rule_leaves_a_standard_per_quarter_to_the_product():
    """DRV014 reads 每人…共计 as heads × standard: per quarter it is × 4 over the year, SUM018's."""
    text = "全年为210名困难残疾人每季度每人发放补贴450元，合计发放补贴37.80万元。\n"
    assert findings(text, "DRV014", "SUM018") == []
    found = findings(text.replace("37.80", "36.80"), "DRV014", "SUM018")
    assert [(f.rule, f.expected) for f in found] == [("SUM018", "37.80万元")]


def test_word_and_web_pages_are_read_alike(tmp_path):
    import docx

    sentence = "以奖代补资金按每公里25万元补助，共完成农村公路42.6公里，下达补助资金1,095万元。"
    word = tmp_path / "report.docx"
    document = docx.Document()
    document.add_paragraph(TITLE.strip())
    document.add_paragraph(sentence)
    document.save(word)
    page = tmp_path / "report.html"
    page.write_text(f"<html><body><h1>{TITLE.strip()}</h1><p>{sentence}</p></body></html>", encoding="utf-8")
    for path in (word, page):
        found = audit_document(load(path), [BY_ID["SUM018"]]).findings
        assert [(f.stated, f.expected) for f in found] == [("1,095万元", "1,065万元")], path.suffix
