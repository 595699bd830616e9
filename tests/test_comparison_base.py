"""After a sentence listing a whole's parts, the base of a comparison closed right after its figure
(与2023年度的1,180.00万元相比，…) is the whole's when the next clause names the whole, its kind or
nothing, and no one's when it names another thing; never the part named last. Without a list
before, such a base reads as before (the thing just named). Texts written for these tests."""
from __future__ import annotations

from audited import reported
from auditor.facts.base import fact_base
from auditor.facts.base.model import PRIOR
from auditor.ingest import load
from auditor.ruleset import load_rules

LIST_THEN_BASE = ("某县农业农村局2024年度部门决算\n"
                  "2024年度收入总额1,250.60万元，其中：财政拨款收入1,100.20万元，其他收入150.40万元。"
                  "与2023年度的1,180.00万元相比，{next}\n")


def _facts_of(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return fact_base(load(str(path))).facts


def _prior_of(tmp_path, text: str):
    return [(f.concept, f.value) for f in _facts_of(tmp_path, text) if f.period == PRIOR and f.source == "text"]


def test_base_is_the_next_clauses_concept(tmp_path):
    prior = _prior_of(tmp_path, LIST_THEN_BASE.format(next="收入总额增长了5.98%。"))
    assert [(c, str(v)) for c, v in prior] == [("本年收入", "1180.00")]


def test_a_kind_only_names_the_whole_listed_before(tmp_path):
    prior = _prior_of(tmp_path, LIST_THEN_BASE.format(next="收入增长了5.98%。"))
    assert [(c, str(v)) for c, v in prior] == [("本年收入", "1180.00")]


def test_nothing_named_after_a_list_is_the_wholes(tmp_path):
    prior = _prior_of(tmp_path, LIST_THEN_BASE.format(next="增加70.60万元。"))
    assert [c for c, _ in prior] == ["本年收入"]


def test_own_kind_word_keeps_its_reading(tmp_path):
    text = ("某法院2024年度部门整体支出绩效自评报告\n全年实际支出3,448.21万元。实际支出中，基本支出2,604.83万元，"
            "项目支出843.38万元。与上年支出3,600.00万元相比，减少151.79万元。\n")
    assert [c for c, _ in _prior_of(tmp_path, text)] == ["本年支出"]


def test_another_thing_named_after_the_list_leaves_the_base_unnamed(tmp_path):
    prior = _prior_of(tmp_path, LIST_THEN_BASE.format(next="财政拨款收入增加90.00万元。"))
    assert [c for c, _ in prior if c != "财政拨款收入"] == [None]


def test_without_a_list_the_thing_just_named_keeps_its_base(tmp_path):
    text = ("某县林业局2024年度部门决算\n2024年度“三公”经费支出25.60万元，与上年的30.00万元相比，支出减少4.40万元，"
            "下降14.67%。\n本年支出合计1,250.60万元，上年支出合计1,180.00万元。\n")
    assert ("三公经费", "30.00") in [(c, str(v)) for c, v in _prior_of(tmp_path, text)]


def _rates_of(tmp_path, text: str):
    return [(f.concept, str(f.value)) for f in _facts_of(tmp_path, text) if f.measure == "变动率"]


def test_a_rate_naming_only_the_kind_is_the_wholes(tmp_path):
    """(…相比，收入增长了6.98%: the whole's rate, checkable against its two amounts; DRV003)"""
    assert _rates_of(tmp_path, LIST_THEN_BASE.format(next="收入增长了5.98%。")) == [("本年收入", "5.98")]


def test_a_rate_naming_the_other_kind_or_more_is_not_the_wholes(tmp_path):
    assert _rates_of(tmp_path, LIST_THEN_BASE.format(next="支出增长了5.98%。")) == [(None, "5.98")]
    text = "某县水务局2024年度部门决算\n本年支出合计900.00万元，较上年增加50.00万元，支出增长5.88%。\n"
    assert _rates_of(tmp_path, text) == [("本年支出", "5.88")]


WHOLE_THEN_PARTS = ("某中心2024年度部门整体支出绩效自评报告\n"
                    "全年支出2,318.46万元，预算执行率为95.14%。其中基本支出1,386.20万元，项目支出932.26万元。"
                    "与2023年度的2,105.30万元相比，支出增加{change}万元。\n")


def _difference_findings(text: str):
    return reported(text, [r for r in load_rules() if r.id in ("DRV010", "DRV012")])


def test_a_change_after_a_sentence_of_parts_is_the_wholes_not_the_last_parts():
    # the whole said in a sentence of its own, its parts in the next: not 932.26 − 2,105.30
    assert _difference_findings(WHOLE_THEN_PARTS.format(change="213.16")) == []
    found = _difference_findings(WHOLE_THEN_PARTS.format(change="223.16"))
    assert found and all("213.16" in f.message for f in found)
