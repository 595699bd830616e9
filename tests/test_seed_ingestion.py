"""Acceptance 1: what `inspect` recovers from the real seeds (skipped without ../shared)."""
from __future__ import annotations

from decimal import Decimal

from auditor.ingest import load
from auditor.tables.typed import typed_tables

from conftest import seed


def _typed(doc, kind):
    return [t for t in typed_tables(doc) if t.type == kind]


def _rows(table):
    return [[c.text for c in row] for row in table.rows]


def test_002_income_expense_summary_and_expenditure_table():
    doc = load(seed("002"))
    summary = next(t for t in doc.tables if "收入支出决算总表" in t.title)
    rows = _rows(summary)
    assert ["一、一般公共预算财政拨款收入", "1", "541.04", "一、一般公共服务支出", "32", "477.9"] in rows
    assert ["本年收入合计", "27", "541.04", "本年支出合计", "58", "541.04"] in rows
    assert summary.unit == "万元"
    # (titled by its own first row, 支出决算表 | 公开03表, read as the lines above it)
    expenditure = next(t for t in _typed(doc, "budget_by_code") if t.table.title == "支出决算表")
    codes = {r.code: [c.text for c in r.amounts.values()] for r in expenditure.records}
    assert codes["201"] == ["477.9", "309.78", "168.12"]
    assert codes["2010350"] == ["309.78", "309.78"]
    assert codes["2010399"] == ["168.12", "168.12"]
    assert codes["2210201"] == ["22.58", "22.58"]
    assert len([c for c in codes if c.isdigit()]) == 14


def test_002_overall_self_evaluation_rows_with_scores():
    doc = load(seed("002"))
    overall = next(t for t in _typed(doc, "performance_scores") if "整体绩效自评表" in t.table.title)
    by_name = {r.indicator: r for r in overall.records}
    assert by_name["交易项目节约率"].target == ">3%"
    assert by_name["交易项目节约率"].score == Decimal("3")
    assert by_name["全州公共资源进场交易项目"].actual == "8279个"
    assert by_name["政府采购项目评审场次"].score == Decimal("0.5")
    assert by_name["电子交易平台节约率"].score is None  # the row left its score blank
    assert by_name["交易各方主体满意"].score == Decimal("10")
    assert overall.totals["score"].text == "98.79"
    execution = next(t for t in _typed(doc, "budget_execution") if t.table is overall.table)
    assert execution.records[0].score == Decimal("19.79")
    assert execution.records[0].budget == Decimal("546.79")


def test_004_execution_row_and_indicator_rows():
    doc = load(seed("004"))
    execution = _typed(doc, "budget_execution")[0].records[0]
    assert [getattr(execution, k) for k in ("initial_budget", "budget", "executed", "weight", "rate", "score")] == [
        Decimal("760"), Decimal("619.52"), Decimal("619.52"), Decimal("10"), Decimal("81.52"), Decimal("10")]
    scores = _typed(doc, "performance_scores")[0]
    rows = [(r.level1, r.level2, r.indicator, r.target, r.actual, r.weight, r.score)
            for r in scores.records]
    assert rows == [
        ("产出指标（50分）", "数量指标", "交易宗数", "1200", "1239", Decimal(20), Decimal(20)),
        ("产出指标（50分）", "质量指标", "质量达标率", "100%", "100%", Decimal(10), Decimal(10)),
        ("产出指标（50分）", "时效指标", "完成及时率", "2023年12月之前完成", "2023年12月", Decimal(10), Decimal(10)),
        ("产出指标（50分）", "成本指标", "项目成本控制率", "760", "619.52", Decimal(10), Decimal(10)),
        ("效益指标（30分）", "经济效益指标", "充分发挥专项资金效益", "效果明显", "效果明显", Decimal(10), Decimal(10)),
        ("效益指标（30分）", "社会效益指标", "提高交易服务工作业务水平", "效果明显", "效果明显", Decimal(10), Decimal(10)),
        ("效益指标（30分）", "生态效益指标", "无", "无", "无", None, None),
        ("效益指标（30分）", "可持续影响指标", "可持续影响情况", "可持续", "可持续", Decimal(10), Decimal(8)),
        ("满意度指标（10分）", "服务对象满意度指标", "社会公众满意度", "90%以上", "95%", Decimal(10), Decimal(10)),
    ]
    assert scores.totals["weight"].text == "100" and scores.totals["score"].text == "98"


def test_000_indicator_rows_weights_scores_and_total():
    doc = load(seed("000"))
    scores = _typed(doc, "performance_scores")[0]
    assert len(scores.records) == 18
    assert sum(r.weight for r in scores.records) == 90
    assert sum(r.score for r in scores.records) == 90
    named = {r.indicator: r for r in scores.records}
    assert named["电子保函"].target == "320份" and named["电子保函"].actual == "3451份"
    assert named["年交易服务费"].level1 == "效益指标（30分）"
    assert named["评标专家满意度"].level1 == "满意度指标（10分）"
    assert scores.totals["weight"].text == "100" and scores.totals["score"].text == "100"
    execution = _typed(doc, "budget_execution")[0].records[0]
    assert (execution.budget, execution.executed, execution.rate) == (
        Decimal("2099.55"), Decimal("2099.55"), Decimal("100"))


def test_003_indicator_rows_and_total_96():
    doc = load(seed("003"))
    scores = [t for t in _typed(doc, "performance_scores") if t.totals.get("score") is not None
              and t.totals["score"].text == "96"]
    assert len(scores) == 1
    records = scores[0].records
    assert [(r.weight, r.score) for r in records] == [
        (Decimal(15), Decimal(15)), (Decimal(15), Decimal(13)), (Decimal(10), Decimal(10)),
        (Decimal(10), Decimal(10)), (Decimal(15), Decimal(15)), (Decimal(15), Decimal(13)),
        (Decimal(10), Decimal(10))]
    assert records[-1].indicator == "社会公众或服务对象满意度"
    assert scores[0].totals["weight"].text == "100"
