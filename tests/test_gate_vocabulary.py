"""The config can add entries to the fact vocabulary: a new concept, a new way of writing a known
one, a calculation over the project's own items. Mistakes are configuration errors (exit 2) with
their line; nothing leaks from one run's vocabulary into the next."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.knowledge import base_concepts, concepts, extend_vocabulary, merge_vocabulary

runner = CliRunner()

REPORT = ("某单位2024年度部门决算公开\n\n一、支出决算情况\n"
          "2024年度商品和服务支出120.00万元，其中办公费50.00万元、差旅费30.00万元、会议费20.00万元。\n")

ADDITIONS = """vocabulary:
  concepts:
    商品和服务支出: [商品和服务支出]
    办公费: [办公费]
    差旅费: [差旅费]
    会议费: [会议费]
  calculations:
    - total: 商品和服务支出
      parts: [办公费, 差旅费, 会议费]
"""


@pytest.fixture(autouse=True)
def _shipped_vocabulary():
    extend_vocabulary(None)
    yield
    extend_vocabulary(None)


def _check(folder: Path, *extra: str):
    return runner.invoke(app, ["check", str(folder / "报告.txt"), "-f", "json", "-o", "-", "-q", *extra])


def _calculations(result) -> list[dict]:
    files = json.loads(result.stdout)["files"]
    return [f for f in files[0]["findings"] if f["rule"] == "CAL001"]


def test_a_calculation_the_config_declares_is_checked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "报告.txt").write_text(REPORT, encoding="utf-8")
    assert _calculations(_check(tmp_path)) == []  # the shipped vocabulary knows none of these items
    (tmp_path / ".auditor.yaml").write_text(ADDITIONS, encoding="utf-8")
    found = _calculations(_check(tmp_path))
    assert len(found) == 1
    assert found[0]["stated"].startswith("120.00") and found[0]["expected"].startswith("100.00")
    assert "会议费 20.00万元" in found[0]["formula"]


def test_a_synonym_added_to_a_known_concept_links_the_text_to_it():
    extend_vocabulary({"concepts": {"本年支出": ["全年花费"]}})
    assert "全年花费" in concepts()["concepts"]["本年支出"]
    assert concepts()["concepts"]["本年支出"][0] == base_concepts()["concepts"]["本年支出"][0]
    from auditor.facts.lexicon import lexicon

    assert lexicon().concepts.names.get("全年花费") == "本年支出"
    extend_vocabulary(None)
    assert "全年花费" not in lexicon().concepts.names


def test_merging_adds_without_repeating_or_removing():
    base = {"concepts": {"甲": ["甲", "甲一"]}, "prior_period": ["上年"], "calculations": [{"total": "甲"}]}
    merged = merge_vocabulary(base, {"concepts": {"甲": ["甲一", "甲二"], "乙": ["乙"]},
                                     "prior_period": ["上年", "前一年"], "calculations": [{"total": "乙"}]})
    assert merged["concepts"] == {"甲": ["甲", "甲一", "甲二"], "乙": ["乙"]}
    assert merged["prior_period"] == ["上年", "前一年"]
    assert merged["calculations"] == [{"total": "甲"}, {"total": "乙"}]
    assert base["concepts"]["甲"] == ["甲", "甲一"]  # the shipped data is not changed


@pytest.mark.parametrize("text, line, key, words", [
    ("vocabulary:\n  concepts:\n    培训费: [执行率]\n", 3, "vocabulary.concepts.培训费.0", ["执行率", "预算执行率"]),
    ("vocabulary:\n  measures:\n    估算: [估计数]\n", 3, "vocabulary.measures.估算", ["估算", "决算"]),
    ("vocabulary:\n  calculations:\n    - total: 基本支出\n      parts: [人员经费, 招待费]\n", 4,
     "vocabulary.calculations.0.parts.1", ["招待费", "vocabulary.concepts"]),
    ("vocabulary:\n  not_money: [车辆数]\n", 2, "vocabulary.not_money.0", ["车辆数"]),
    ("vocabulary:\n  directions: {sideways: [横移]}\n", 2, "vocabulary.directions", ["sideways"]),
    ("vocabulary:\n  concepts: {培训费: 培训费}\n", 2, "vocabulary.concepts.培训费", ["列表"]),
    ("vocabulary:\n  synonyms: {}\n", 2, "vocabulary.synonyms", ["未知字段"]),
    ("vocabulary:\n  fund_qualified: {专项资金: {本年支出: 本年支出}}\n", 2, "vocabulary.fund_qualified.专项资金",
     ["专项资金", "资金来源"]),
])
def test_vocabulary_mistakes_are_configuration_errors(tmp_path, text, line, key, words):
    (tmp_path / "报告.txt").write_text(REPORT, encoding="utf-8")
    config = tmp_path / ".auditor.yaml"
    config.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "报告.txt"), "--config", str(config)])
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith(f"配置错误：{config}:{line}: {key}"), message
    assert all(w in message for w in words), message


def test_a_rule_may_name_a_concept_the_config_adds(tmp_path):
    """Labels a rule uses are checked against the vocabulary in use, the config's additions included."""
    (tmp_path / "报告.txt").write_text(REPORT, encoding="utf-8")
    rule = tmp_path / "rule.yaml"
    rule.write_text(
        "id: PRJ101\nname: meeting-cost-restated\nkind: restatement\nseverity: warning\n"
        "class: cross_ref_mismatch\ntitle: 会议费前后不一致\nmessage: \"{concept} 前后不一致\"\n"
        "doc: 会议费在各处应一致。\nexamples:\n  fire: [\"会议费20.00万元。\", \"会议费21.00万元。\"]\n"
        "  quiet: [\"会议费20.00万元。\", \"没有会议费。\"]\n"
        "params: {per_item_concepts: [会议费]}\n", encoding="utf-8")
    without = runner.invoke(app, ["check", str(tmp_path / "报告.txt"), "--rules", str(rule)])
    assert without.exit_code == 2 and "「会议费」不在词表" in without.stderr, without.output
    config = tmp_path / ".auditor.yaml"
    config.write_text(ADDITIONS, encoding="utf-8")
    with_it = runner.invoke(app, ["check", str(tmp_path / "报告.txt"), "--rules", str(rule), "--config", str(config),
                                  "-f", "text"])
    assert with_it.exit_code in (0, 1), with_it.output


def test_findings_of_one_rule_on_one_quote_have_their_own_fingerprints(tmp_path):
    """Each missing table is reported on the title line: accepting one must not accept them all."""
    (tmp_path / "报告.txt").write_text(REPORT, encoding="utf-8")
    result = _check(tmp_path)
    findings = json.loads(result.stdout)["files"][0]["findings"]
    missing = [f for f in findings if f["rule"] == "PRE001"]
    assert len(missing) > 1
    assert len({f["fingerprint"] for f in missing}) == len(missing)


ROW_RATE_REPORT = ("某单位2025年1-6月预算绩效运行监控报告\n指标名称\t全年计划\t1-6月完成\t达成度\n"
                   "巡查河段\t200公里\t120公里\t70.00%\n")


def test_a_row_rate_the_config_declares_takes_measures_and_alternatives(tmp_path, monkeypatch):
    """A row rate's terms may be measures (决算 ÷ 目标值), the numerator with alternatives tried in
    turn (no 决算 in the row: its 实际值); a term that is neither a concept nor a measure is a configuration error with its line."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "报告.txt").write_text(ROW_RATE_REPORT, encoding="utf-8")
    before = json.loads(_check(tmp_path).stdout)["files"][0]["findings"]
    assert not [f for f in before if f["rule"] == "DRV005"]  # 达成度 is no rate the shipped data names
    (tmp_path / ".auditor.yaml").write_text(
        "vocabulary:\n  measures:\n    目标值: [全年计划]\n  row_rates:\n    - rate: 达成度\n      numerator: 决算\n"
        "      numerator_alternatives: [实际值]\n      denominator: 目标值\n", encoding="utf-8")
    found = [f for f in json.loads(_check(tmp_path).stdout)["files"][0]["findings"] if f["rule"] == "DRV005"]
    assert [(f["stated"], f["expected"]) for f in found] == [("70.00%", "60.00%")]
    (tmp_path / ".auditor.yaml").write_text(
        "vocabulary:\n  row_rates:\n    - rate: 达成度\n      numerator: 完成额\n      denominator: 目标值\n",
        encoding="utf-8")
    result = _check(tmp_path)
    assert result.exit_code == 2 and "vocabulary.row_rates.0.numerator" in result.stderr, result.output


def test_a_direction_word_the_config_adds_is_read_by_patterns_built_before_it():
    """The direction rules compile their patterns from the vocabulary once per vocabulary in use:
    a word a config adds is read even after a run with the shipped words built them."""
    from auditor.engine import audit_document
    from auditor.examples import document_from_text
    from auditor.ruleset import load_rules

    rules = [r for r in load_rules() if r.id == "DIR004"]
    text = "某局2025年度部门整体支出绩效自评报告\n全年受理来访1,300人次，较上年的1,284人次有所走低。\n"

    def said() -> list[str]:
        return [f.stated for f in audit_document(document_from_text(text), rules).findings if f.severity != "info"]

    assert said() == []  # 走低 is no direction word of the shipped vocabulary
    extend_vocabulary({"directions": {"down": ["走低"]}})
    assert said() == ["减少"]
