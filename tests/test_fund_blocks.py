"""The funds block of a project or transfer-payment self-evaluation form, written as a workbook
sheet the way finance systems export it (a merged title row, the funds block, the goal, the
indicators with their points below in the same sheet): its total against the rows of its 其中
list whatever they are called (CAL001), its sources as columns summed across (SUM005) and its
rate row recomputed down each column (DRV005). The figures are this project's own."""
from __future__ import annotations

from auditor.engine import audit_document
from auditor.ingest import load
from auditor.ruleset import load_rules

RULES = {r.id: r for r in load_rules()}
GOAL = [["年度总体目标", "预期目标", "", "", "实际完成情况", "", ""],
        ["", "完成城乡供水管网改造40公里", "", "", "完成城乡供水管网改造42公里", "", ""]]
INDICATORS = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
              ["产出指标", "数量指标", "改造管网长度", "≥40公里", "42公里", "50", "50"],
              ["效益指标", "社会效益指标", "受益人口", "≥3万人", "3.2万人", "40", "40"]]


def rows_as_sources(total_budget: str) -> list[list[str]]:
    """Sources as rows under 年度资金总额, none of them named in the vocabulary."""
    return [["项目名称", "城乡供水保障工程", "", "", "", "", ""],
            ["项目资金（万元）", "", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
            ["", "年度资金总额", total_budget, "2790.50", "97.91%", "10", "9.79"],
            ["", "其中：中央补助资金", "1500.00", "1480.00", "98.67%", "—", "—"],
            ["", "市县资金", "1000.00", "960.50", "96.05%", "—", "—"],
            ["", "单位自筹", "350.00", "350.00", "100.00%", "—", "—"],
            ["", "其他资金", "", "", "—", "—", "—"],
            *GOAL, *INDICATORS, ["总分", "", "", "", "", "100", "99.79"]]


def columns_as_sources(executed_total: str, total_rate: str) -> list[list[str]]:
    """Sources as columns, the 合计 column over the indicators' 分值 column; 其他资金 0.00 throughout."""
    return [["项目名称", "城乡供水保障工程", "主管部门", "某县水利局", "", "", ""],
            ["资金情况（万元）", "中央资金", "省级资金", "县级资金", "其他资金", "合计", ""],
            ["全年预算数", "600.00", "300.00", "100.00", "0.00", "1000.00", ""],
            ["全年执行数", "580.00", "288.00", "96.50", "0.00", executed_total, ""],
            ["执行率", "96.67%", "96.00%", "96.50%", "—", total_rate, ""],
            *GOAL, *INDICATORS, ["总分", "", "", "", "", "90", "90"]]


def workbook(path, rows: list[list[str]], merges: list[tuple[int, int, int]]):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目自评表"
    sheet.append(["2024年度项目支出绩效自评表"])
    sheet.append(["单位：万元"])
    for row in rows:
        sheet.append([float(t) if t.replace(".", "").isdigit() else (t or None) for t in row])
        for c, t in enumerate(row, start=1):
            if "." in t and t.replace(".", "").isdigit():
                sheet.cell(row=sheet.max_row, column=c).number_format = "0.00"
    for r, first, last in merges:  # (0-based row of `rows`, 0-based columns)
        sheet.merge_cells(start_row=r + 3, start_column=first + 1, end_row=r + 3, end_column=last + 1)
    book.save(path)
    return load(str(path))


def found(doc, *ids: str) -> list:
    return audit_document(doc, [RULES[i] for i in ids]).findings


def test_fund_total_against_rows_named_nowhere(tmp_path):
    merges = [(0, 1, 6)]
    assert found(workbook(tmp_path / "ok.xlsx", rows_as_sources("2850.00"), merges), "CAL001") == []
    [f] = found(workbook(tmp_path / "bad.xlsx", rows_as_sources("2860.00"), merges), "CAL001")
    assert f.location.row == 3 and f.expected == "2850.00万元"
    assert "中央补助资金 1500.00万元 + 市县资金 1000.00万元 + 单位自筹 350.00万元" in f.message


def test_sources_as_columns_with_a_column_of_zeros(tmp_path):
    merges = [(0, 3, 5)]  # (the unit's name over three columns: no group head of the sources)
    ok = workbook(tmp_path / "ok.xlsx", columns_as_sources("964.50", "96.45%"), merges)
    assert found(ok, "SUM005", "DRV005") == []
    [f] = found(workbook(tmp_path / "bad.xlsx", columns_as_sources("946.50", "94.65%"), merges), "SUM005", "DRV005")
    assert f.rule == "SUM005" and f.location.row == 4 and f.location.col == 6 and "964.50" in f.message


def test_rate_row_recomputed_down_each_column(tmp_path):
    merges = [(0, 3, 5)]
    [f] = found(workbook(tmp_path / "bad.xlsx", columns_as_sources("964.50", "97.45%"), merges), "SUM005", "DRV005")
    assert f.rule == "DRV005" and f.location.row == 5 and f.location.col == 6 and f.expected.startswith("96.45")
