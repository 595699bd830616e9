"""Years-as-rows tables and figures restated by their year (written for these tests)."""
from __future__ import annotations

from decimal import Decimal

from auditor.examples import document_from_text
from auditor.facts.base import fact_base
from auditor.facts.base.model import OLDER, PRIOR
from auditor.facts.base.periods import fact_year

HEAD = "某县文化馆2024年度部门整体支出绩效自评报告\n"
YEAR_ROWS = ("表2 近三年收支情况\n单位：万元\n年度\t收入合计\t支出合计\n2021年\t1,020.00\t1,000.00\n"
             "2022年\t1,110.00\t1,100.00\n2023年\t1,230.00\t1,200.00\n2024年\t1,330.00\t1,320.00\n")


def _base(text: str):
    return fact_base(document_from_text(HEAD + text))


def test_years_as_rows_keep_older_years_with_their_year_and_the_heads_concepts():
    base = _base(YEAR_ROWS)
    spent = {f.value: f for f in base.facts if f.source == "table" and f.concept == "本年支出"}
    # (a span of years in the title, 近三年, is no scope of the table's: its heads name the unit's totals)
    assert set(spent) == {Decimal("1000.00"), Decimal("1100.00"), Decimal("1200.00"), Decimal("1320.00")}
    assert spent[Decimal("1200.00")].period == PRIOR
    assert [(spent[v].period, fact_year(base, spent[v])) for v in (Decimal("1000.00"), Decimal("1100.00"))] \
        == [(OLDER, 2021), (OLDER, 2022)]


def test_a_bare_count_under_a_head_only_looking_like_a_rate_is_the_rows_count():
    base = _base("表3 工程量分年度完成情况\n指标\t单位\t2023年\t2024年\t累计完成\t完成率\n"
                 "新建泵站\t座\t4\t6\t10\t83.33\n")
    by_value = {f.value: f for f in base.facts if f.source == "table"}
    assert by_value[Decimal("10")].unit == "座"  # (累计完成: done, no rate)
    assert by_value[Decimal("83.33")].unit == "%"  # (完成率 names its rate)


def test_a_years_part_of_a_summed_count_takes_the_wholes_concept():
    base = _base("表3 工程量分年度完成情况\n指标\t单位\t2023年\t2024年\n新建泵站\t座\t4\t6\n"
                 "截至2024年底，累计新建泵站10座，其中2024年新建6座。\n")
    part = next(f for f in base.facts if f.source == "text" and f.value == 6)
    whole = next(f for f in base.facts if f.source == "text" and f.value == 10)
    assert part.concept == whole.concept and part.concept is not None
    # (a part naming another thing is no year's part of it)
    other = _base("表3 工程量分年度完成情况\n指标\t单位\t2023年\t2024年\n新建泵站\t座\t4\t6\n"
                  "截至2024年底，累计新建泵站10座，其中2024年改造闸站6座。\n")
    assert next(f for f in other.facts if f.source == "text" and f.value == 6).concept is None
