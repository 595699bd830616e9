"""Totals and shares written in running text: kinds listed in a bracket after a count, a 合计
closing a declared whole's parts, a share of a whole its own words name in the part's sentence.

Each test writes a short report of its own and asserts which rule reports it, or that a
consistent one stays quiet.
"""
from __future__ import annotations

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.ruleset import load_rules

RULES = load_rules()


def rules_fired(text: str) -> list[tuple[str, str]]:
    doc = document_from_text(text, "report.txt")
    return [(f.rule, f.message) for f in audit_document(doc, RULES).findings]


def test_kinds_in_a_bracket_after_a_count_are_its_parts():
    text = ("某区交通局2024年度部门决算说明\n三、国有资产占用情况\n"
            "截至2024年12月31日，本单位共有车辆14辆（执法执勤用车9辆、应急保障用车4辆、其他用车3辆）。\n")
    assert [r for r, _ in rules_fired(text)] == ["CNT006"]
    quiet = text.replace("其他用车3辆", "其他用车1辆")
    assert "CNT006" not in [r for r, _ in rules_fired(quiet)]


def test_a_bracket_remarking_on_a_count_lists_no_kinds():
    text = ("某区交通局2024年度部门决算说明\n三、国有资产占用情况\n"
            "截至2024年12月31日，本单位共有车辆14辆（较上年增加执法执勤用车16辆），单位价值50万元以上通用设备2台。\n")
    assert "CNT006" not in [r for r, _ in rules_fired(text)]


SANGONG = ("某县林业局2024年度部门决算说明\n一、“三公”经费财政拨款支出情况\n"
           "2024年度“三公”经费财政拨款支出中，因公出国（境）费0万元，公务用车购置及运行维护费12.60万元，"
           "公务接待费3.40万元，共计16.00万元。全年“三公”经费财政拨款预算为20.00万元，支出决算完成预算的{rate}。"
           "与2023年度决算数17.00万元相比，{word}1.00万元，下降5.88%。\n")


def test_a_sum_after_the_parts_of_a_declared_whole_is_that_whole():
    base = fact_base(document_from_text(SANGONG.format(rate="80.00%", word="减少"), "report.txt"))
    total = next(f for f in base.facts if f.text.startswith("16.00"))
    assert total.concept == "三公经费"
    fired = rules_fired(SANGONG.format(rate="82.00%", word="减少"))
    assert [r for r, _ in fired] == ["DRV002"]
    assert rules_fired(SANGONG.format(rate="80.00%", word="减少")) == []


def test_a_wrong_direction_word_is_blamed_not_the_rate_the_amounts_agree_with():
    fired = [r for r, _ in rules_fired(SANGONG.format(rate="80.00%", word="增加"))]
    assert "DIR002" in fired and "DRV003" not in fired


INVEST = ("某区水务局2024年度项目支出绩效自评报告\n一、项目资金情况\n"
          "项目总投资5,000.00万元，截至2024年底{done}3,000.00万元，{share}{rate}。\n")


def test_a_share_of_a_whole_its_words_name_in_the_same_sentence_is_checked():
    for done, share in (("累计完成投资", "占总投资的"), ("已支付", "占项目总投资的"),
                        ("累计已投入", "累计完成投资的")):
        fired = rules_fired(INVEST.format(done=done, share=share, rate="65.00%"))
        assert [r for r, _ in fired] == ["DRV001"], (done, share, fired)
        assert rules_fired(INVEST.format(done=done, share=share, rate="60.00%")) == [], (done, share)
