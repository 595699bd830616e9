"""Growth and multiples in prose: doublings (翻了一番), multiples in Chinese numerals (增长两倍), a
base of a year the comparison names (是2022年（…）的3倍, 比2021年的…增长2倍), a base in a long
unit or in brackets, and a figure the comparison leaves to a clause before (…；较2023年的…增长20%)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.engine import audit_file
from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.facts.lexicon import lexicon
from auditor.ruleset import load_rules

from audited import told
from fixtures.raw_docx import write_docx

RULES = [r for r in load_rules() if r.id in ("DRV003", "DRV009")]
HEAD = "某县社会事务中心2024年度部门整体支出绩效自评报告\n"


def rates(text: str):
    return [f for f in fact_base(document_from_text(HEAD + text + "\n")).facts if f.unit == "%"]


def found(text: str) -> list[tuple[str, str, str]]:
    return told(HEAD + text + "\n", RULES)


@pytest.mark.parametrize("words, value, places", [
    ("翻了一番", 100, -1), ("翻一番", 100, -1), ("翻两番", 300, -1), ("翻了两番", 300, -1),
    ("增长一倍", 100, -2), ("增加了两倍", 200, -2), ("增长三倍", 300, -2)])
def test_a_rise_in_doublings_or_numeral_multiples_is_a_change_rate(words, value, places):
    rate, = rates(f"全年服务1,200人次，比上年600人次{words}。")
    assert (rate.text, rate.value, rate.places, rate.measure, rate.sign) == \
        (words.removeprefix("增长").removeprefix("增加了"), Decimal(value), places, "变动率", 1)


@pytest.mark.parametrize("words", ["近翻一番", "接近翻了一番", "翻了一番多", "翻一番以上", "翻了近一番", "增长两倍多",
                                   "相差十倍", "信心百倍"])
def test_a_hedged_rough_or_other_multiple_states_no_rate(words):
    assert rates(f"全年服务1,200人次，比上年600人次{words}。") == []


@pytest.mark.parametrize("before", ["是上年34.6万人次的", "是2022年（1,526人次）的", "是上年（12.6万立方米）的",
                                    "是上年64.00万元的", "是上年1,293例的"])
def test_a_multiples_base_in_any_unit_of_the_vocabulary_or_in_brackets(before):
    assert lexicon().base_figure_before.search(before)


def test_a_doubling_that_does_not_hold_is_told_with_the_times_it_names():
    assert found("全年开展远程会诊2,186例，比上年1,293例翻了一番。") == [("DRV003", "翻了一番", "0.69倍（69.06%）")]
    assert found("全年开展远程会诊2,586例，比上年1,293例翻了一番。") == []


def test_the_strict_reading_of_a_numeral_multiple_as_of_one_in_digits():
    # 增加了两倍: three times last year's (2倍 a rise of 200%); twice last year's is told, with the note
    assert found("全年受理案件540件，比上年180件增加了两倍。") == []
    assert found("全年受理案件360件，比上年180件增加了两倍。") == [("DRV003", "两倍", "1.00倍（100.00%）")]


def test_a_base_of_an_older_year_the_comparison_names():
    assert found("县级医院下转患者3,680人次，是2022年（1,526人次）的3倍。") == [("DRV009", "3倍", "2.41倍（241.15%）")]
    assert found("县级医院下转患者4,578人次，是2022年（1,526人次）的3倍。") == []
    assert found("互认项目36.8项，比2021年的12.2项增长3倍。") == [("DRV003", "3倍", "2.02倍（201.64%）")]
    assert found("互认项目36.8项，比2021年的12.2项增长2倍。") == []
    # (this year's is no report year's figure: two earlier years compared)
    assert found("2023年互认项目36.8项，比2021年的12.2项增长3倍。") == []


def test_this_years_figure_in_the_clause_before_the_semicolon():
    text = "实际建成2.52万亩，完成年度目标的105.00%，超额完成建设任务；建成面积较2023年的2.1万亩增长{}%。"
    assert found(text.format(25)) == [("DRV003", "25%", "20.00%")]
    assert found(text.format(20)) == []
    # two figures of the year in the unit before: no one reading
    assert found("实际建成2.52万亩，配套建成林网0.80万亩；建成面积较2023年的2.1万亩增长25%。") == []


def test_the_named_years_amount_in_the_sentence_before():
    text = "2022年，两个项目实际支出1,716.20万元；2023年实际支出2,108.35万元。2024年实际支出比2023年增加395.41万元，增长{}%。"
    assert found(text.format("23.04")) == [("DRV003", "23.04%", "18.75%")]
    assert found(text.format("18.75")) == []


def test_a_word_document_benefits_alike(tmp_path):
    paragraphs = ["某县文化馆2024年度部门整体支出绩效自评报告",
                  "举办群众文化惠民活动参与人次86.5万人次，是上年34.6万人次的3.5倍。",
                  "全年配备专职人员264名，较上年152名翻了一番。"]
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    path = write_docx(tmp_path / "报告.docx", body, {})
    result = audit_file(path, RULES)
    assert sorted((f.rule, f.stated) for f in result.findings) == [("DRV003", "翻了一番"), ("DRV009", "3.5倍")]
