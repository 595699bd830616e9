"""Column heads of monitoring, target and rectification tables, in every format: a row of words
(a 时效指标's deadline, a state, a verdict) is one of the rows, no header over the rows after it;
a forecast's column (预计全年完成值, 预计全年执行数) is read as expected, never as done; a head ending
in 率 over bare figures holds rates in %; a count column (已整改个数) stays a count under a caption
listing its unit beside money's. The reports are this project's own."""
from __future__ import annotations

import pytest

from auditor.facts.base import fact_base
from auditor.facts.base.model import FORECAST
from auditor.ingest import load
from test_score_summary import findings, write

TITLE = "某镇人民政府2025年1-6月项目支出绩效运行监控报告"
HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月实际完成值", "预计全年完成值", "完成进度", "完成可能性"]


def indicator_rows(last_progress: str = "40.00%") -> list[list[str]]:
    return [HEAD,
            ["产出指标", "数量指标", "修建村组道路", "25公里", "12公里", "25公里", "48.00%", "确定能"],
            ["", "时效指标", "道路完工时间", "2025年9月30日前", "施工中", "2025年9月30日前", "按计划推进", "确定能"],
            ["", "质量指标", "验收合格率", "≥95%", "100%", "≥95%", "已达标", "确定能"],
            ["效益指标", "社会效益指标", "受益农户", "1500户", "600户", "1500户", last_progress, "有可能"]]


FORMATS = [".txt", ".docx", ".xlsx"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_row_of_words_keeps_the_heads_of_the_rows_below(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    write(path, [TITLE, ("表1 绩效指标完成情况", indicator_rows())])
    below = [f for f in fact_base(load(path)).facts if f.source == "table" and f.label == "受益农户"]
    assert {f.header: f.measure for f in below} == {
        "年度指标值": "目标值", "1-6月实际完成值": "实际值", "预计全年完成值": FORECAST, "完成进度": "完成率"}
    assert findings(path, "DRV005") == []


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_wrong_progress_below_a_row_of_words_is_found_against_the_half_year(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    write(path, [TITLE, ("表1 绩效指标完成情况", indicator_rows("50.00%"))])
    found = findings(path, "DRV005")
    assert [(f.stated, f.expected) for f in found] == [("50.00%", "40.00%")]


def test_a_forecast_column_of_money_is_no_outturn(tmp_path):
    path = tmp_path / "report.txt"
    write(path, [TITLE, ("表1 资金执行情况（单位：万元）", [
        ["资金来源", "全年预算数", "1-6月执行数", "执行率", "预计全年执行数", "预计执行率"],
        ["财政拨款", "800.00", "360.00", "45.00%", "780.00", "97.50%"]])])
    measures = {f.header: f.measure for f in fact_base(load(path)).facts if f.source == "table"}
    assert measures["1-6月执行数"] == "决算" and measures["预计全年执行数"] == FORECAST
    assert findings(path, "DRV005") == []


def test_a_forecast_in_the_text_is_no_outturn_of_the_table(tmp_path):
    """预计全年执行…，其中财政拨款… states the forecast's parts, which the table's 1-6月 column is not."""
    path = tmp_path / "report.txt"
    write(path, [TITLE, "截至6月底执行360.00万元，其中财政拨款300.00万元。预计全年执行780.00万元，其中财政拨款700.00万元。",
                 ("表1 资金执行情况（单位：万元）", [
                     ["资金来源", "全年预算数", "1-6月执行数", "执行率", "预计全年执行数"],
                     ["合计", "800.00", "360.00", "45.00%", "780.00"],
                     ["财政拨款", "720.00", "300.00", "41.67%", "700.00"],
                     ["其他资金", "80.00", "60.00", "75.00%", "80.00"]])])
    assert findings(path, "FCT001", "CAL001", "DRV005") == []


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_rate_column_printed_bare_is_in_percent(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    write(path, ["某区2024年度审计查出问题整改情况的报告", ("表1 问题整改情况（单位：个、万元、%）", [
        ["问题类别", "问题个数", "已整改个数", "整改金额", "整改率"],
        ["预算管理", "20", "18", "320.50", "90.00"],
        ["专项资金", "25", "20", "810.00", "80.00"],
        ["政府投资", "16", "12", "460.20", "57.00"],
        ["国有资产", "8", "6", "95.30", "75.00"],
        ["合计", "69", "56", "1,686.00", "81.16"]])])
    rates = [f for f in fact_base(load(path)).facts if f.header == "整改率"]
    assert rates and all(f.unit == "%" for f in rates)
    found = findings(path, "DRV005")
    assert [(f.stated, f.expected) for f in found] == [("57.00", "75.00%")]
