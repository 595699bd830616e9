"""A report titled with a span of years (某县2022—2024年…绩效评价报告): an evaluation or an account
of those years reports up to the span's last year, whatever year its opening cites first. Texts
written for these tests."""
from __future__ import annotations

from auditor.examples import document_from_text
from auditor.ruleset import load_rules

from audited import reported

RULES = [r for r in load_rules() if r.id == "PER002"]


def test_an_evaluation_of_a_span_reports_up_to_its_last_year():
    text = ("东岭县2022—2024年农村饮水安全工程财政重点绩效评价报告\n"
            "委托单位：东岭县财政局　报告日期：2025年5月20日\n"
            "一、项目基本情况\n根据《关于下达2022年度农村饮水安全工程任务的通知》，三年计划改造供水站12座。\n")
    assert document_from_text(text).meta["report_year"] == 2024
    assert not reported(text, RULES)

