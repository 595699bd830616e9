"""Statements over several years (a span's figures in turn, a sentence opening on an earlier year,
a project's span in the title, a 其中 list by year under a cumulative figure, a prior year's figure
restated beside its table): read as those years', no slip of the report's year."""
from __future__ import annotations

from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.facts.base.model import OLDER, PRIOR, CURRENT
from auditor.ruleset import load_rules

from audited import reported

RULES = load_rules()
HEAD = "某县图书馆2024年度部门决算说明\n"


def base_of(text: str):
    return fact_base(document_from_text(text))


def ids(text: str, *rule_ids: str) -> list[str]:
    rules = [r for r in RULES if r.id in rule_ids]
    return [f.rule for f in reported(text, rules)]


def test_span_years_taken_in_turn():
    for span in ("2022年至2024年，", "2022—2024年，", "2022-2024年", "近三年"):
        base = base_of(HEAD + f"{span}本馆本年支出合计分别为812.40万元、856.75万元、903.18万元，三年合计2,572.33万元。\n")
        money = [f for f in base.facts if f.is_money]
        assert [f.period for f in money[:3]] == [OLDER, PRIOR, CURRENT], span
        assert money[3].comparator == "多年"
        assert list(base.span_sums.values()) == [[(money[0].id, "2022"), (money[1].id, "2023"), (money[2].id, "2024")]]


def test_things_after_a_span_take_the_figures():
    base = base_of(HEAD + "2022—2024年，基本支出和项目支出分别为1,640.20万元和932.13万元。\n")
    assert all(f.period == CURRENT for f in base.facts if f.is_money)
    assert not base.span_sums


def test_span_sum_checked():
    text = HEAD + "2022年至2024年，本馆支出分别为812.40万元、856.75万元、903.18万元，三年累计2,527.33万元。\n"
    assert ids(text, "CAL001") == ["CAL001"]
    assert ids(text.replace("2,527.33", "2,572.33"), "CAL001") == []


def test_sentence_opening_on_an_earlier_year():
    base = base_of("某县档案局2024年度部门整体支出绩效自评报告\n2022年，本局支出合计612.40万元。"
                   "上年，本局支出合计668.20万元。2024年，本局支出合计705.36万元。\n")
    assert [f.period for f in base.facts if f.is_money] == [OLDER, PRIOR, CURRENT]
    # a later year in the sentence is its own figure's
    base = base_of("某县档案局2024年度部门整体支出绩效自评报告\n2023年，本局支出合计668.20万元，2024年支出合计705.36万元。\n")
    assert [f.period for f in base.facts if f.is_money] == [PRIOR, CURRENT]


def test_title_year_beside_a_project_span():
    from auditor.ingest.build import title_year
    assert title_year("某工程项目（2022—2025年）2024年度项目支出绩效自评报告").group(1) == "2024"
    assert title_year("某局部门整体支出绩效自评报告（2024年度）").group(1) == "2024"
    assert title_year("某局2024年部门决算").group(1) == "2024"
    text = "某市城区供热管网改造工程项目（2023—2026年）2024年度项目支出绩效自评报告\n一、项目概况\n" \
           "2024年度项目预算2,400.00万元，2024年度全年执行2,316.00万元。\n"
    assert ids(text, "PER003") == []


def test_cumulative_completion_after_a_list_by_year():
    text = "某县水利局2024年度部门整体支出绩效自评报告\n“十四五”以来累计建成农村供水管网36.50公里，其中2021年" \
           "8.20公里、2022年9.10公里、2023年9.40公里、2024年9.80公里，累计完成规划目标50.00公里的{}。\n"
    assert ids(text.format("73.00%"), "DRV007") == []
    assert ids(text.format("71.00%"), "DRV007") == ["DRV007"]


def test_prior_year_figure_matching_its_table_row():
    table = "表1 近三年支出情况\n单位：万元\n年度\t支出合计\n2022年\t1,210.40\n2023年\t1,305.66\n2024年\t1,398.02\n"
    text = "某县文化馆2024年度部门整体支出绩效自评报告\n" + table + "2023年支出合计{}万元。本年支出主要用于公共文化服务。\n"
    assert ids(text.format("1,305.66"), "PER001") == []
    assert ids(text.format("1,398.02"), "PER001") == ["PER001"]
