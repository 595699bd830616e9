"""Mid-year monitoring forms and target forms, in every format they come in: the columns measured
against the time schedule (时间进度 of the form's period, 偏差 = 执行率 − 时间进度), a forecast's
rate and what it leaves of the budget stated sections before, an amount 执行 in prose against its
project's row, and a funds total split two ways across its row. Each test writes a short form of
its own and asserts what is reported, or that the consistent form stays quiet."""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.ingest.build import elapsed_months
from auditor.ruleset import load_rules
from test_score_summary import write

RULES = {r.id: r for r in load_rules()}
FORMATS = [".txt", ".docx", ".xlsx"]
TITLE = "某县农业农村局2025年项目支出绩效运行监控表（1-6月）"
HEAD = ["资金来源", "全年预算数", "1-6月执行数", "执行率", "时间进度", "偏差（百分点）", "预计全年执行率"]


def funds(schedule: str = "50.00%", gap: str = "-6.00") -> list[list[str]]:
    return [HEAD,
            ["年度资金总额", "1000.00", "440.00", "44.00%", schedule, gap, "98.00%"],
            ["财政拨款", "900.00", "400.00", "44.44%", schedule, "-5.56", "98.00%"],
            ["其他资金", "100.00", "40.00", "40.00%", schedule, "-10.00", "98.00%"]]


def found(path, *rule_ids) -> list[tuple[str, str, str]]:
    return [(f.rule, f.stated, f.expected) for f in audit_document(load(path), [RULES[i] for i in rule_ids]).findings]


def fired(text: str, *rule_ids) -> list[tuple[str, str, str]]:
    doc = document_from_text(text, "report.txt")
    return [(f.rule, f.stated, f.expected) for f in audit_document(doc, [RULES[i] for i in rule_ids]).findings
            if f.severity != "info"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_consistent_form_is_quiet(tmp_path, suffix):
    path = tmp_path / f"form{suffix}"
    write(path, [TITLE, ("单位：万元", funds())])
    assert found(path, "DRV024", "DRV025") == []


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_gap_off_its_rows_rate_less_the_schedule_is_reported(tmp_path, suffix):
    path = tmp_path / f"form{suffix}"
    write(path, [TITLE, ("单位：万元", funds(gap="-4.00"))])
    assert found(path, "DRV024", "DRV025") == [("DRV025", "年度资金总额 -4.00", "-6.00")]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_schedule_of_another_period_is_reported_once_for_its_column(tmp_path, suffix):
    # (the gaps worked out on the wrong schedule agree with it: the schedule alone is wrong)
    rows = funds(schedule="75.00%", gap="-31.00")
    rows[2][5], rows[3][5] = "-30.56", "-35.00"
    path = tmp_path / f"form{suffix}"
    write(path, [TITLE, ("单位：万元", rows)])
    assert found(path, "DRV024", "DRV025") == [("DRV024", "年度资金总额 75.00%", "50.00%")]


def test_the_tables_own_period_sets_its_schedule():
    # a report titled with its year only, its table's heads naming 1-9月
    text = ("某局2025年度重点项目执行情况\n项目名称\t全年预算\t1-9月支出\t支出进度\t序时进度\t与序时进度差异\n"
            "道路养护\t600.00\t420.00\t70.00%\t75%\t-5.00\n桥梁检测\t200.00\t120.00\t60.00%\t75%\t-15.00\n")
    assert fired(text, "DRV024", "DRV025") == []
    assert fired(text.replace("75%", "50%").replace("-5.00", "20.00").replace("-15.00", "10.00"), "DRV024") \
        == [("DRV024", "道路养护 50%", "75.00%")]


@pytest.mark.parametrize("title, months", [("2025年1-8月预算执行分析", 8), ("截至2025年6月30日项目执行情况", 6),
                                           ("截至9月底绩效运行监控表", 9), ("2025年上半年绩效运行监控报告", 6),
                                           ("截至7月15日执行情况", None), ("2025年度部门决算", None)])
def test_the_period_a_title_states_is_read_from_the_vocabulary(title, months):
    assert elapsed_months(title) == months


BUDGET = "某局2025年1-9月预算绩效运行监控报告\n一、监控范围\n纳入监控的4个项目全年预算数合计2400.00万元。\n二、执行情况\n"


@pytest.mark.parametrize("said, rule, expected", [
    ("预计全年可执行2352.00万元，预计执行率96.00%。", "DRV026", ("96.00%", "98.00%")),
    ("按目前进度测算，预计全年可执行2352.00万元，预计执行率98.00%，剩余58.00万元待年底验收后拨付。", "SUM022",
     ("58.00万元", "48.00万元")),
])
def test_a_forecast_is_held_to_the_budget_stated_before(said, rule, expected):
    assert fired(BUDGET + said + "\n", "DRV026", "SUM022") == [(rule, *expected)]


def test_a_consistent_forecast_is_quiet():
    said = "按目前进度测算，预计全年可执行2352.00万元，预计执行率98.00%，剩余48.00万元待年底验收后拨付。"
    assert fired(BUDGET + said + "\n", "DRV026", "SUM022", "DRV004") == []


PROSE = "截至9月30日，4个项目累计执行1680.00万元。其中，乡村道路养护项目执行{amount}万元，执行率70.00%。"
ROWS = [["序号", "项目名称", "全年预算数", "1-9月执行数", "预算执行率"],
        ["1", "乡村道路养护", "1200.00", "840.00", "70.00%"],
        ["2", "农村饮水维护", "1200.00", "840.00", "70.00%"],
        ["合计", "", "2400.00", "1680.00", "70.00%"]]


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_amount_said_executed_is_its_projects_outturn(tmp_path, suffix):
    # (执行 names what was spent: the prose figure is the row's, and its rate is on the row's budget)
    path = tmp_path / f"report{suffix}"
    write(path, ["某局2025年1-9月项目支出绩效运行监控报告", PROSE.format(amount="804.00"), ("表1 重点项目执行情况  单位：万元", ROWS)])
    assert [(rule, stated) for rule, stated, _ in found(path, "FCT001")] == [("FCT001", "804.00万元")]
    write(path, ["某局2025年1-9月项目支出绩效运行监控报告", PROSE.format(amount="840.00"), ("表1 重点项目执行情况  单位：万元", ROWS)])
    assert found(path, "FCT001") == []


SPLIT = [["", "资金总额", "按收入性质分", "", "", "按支出性质分", ""],
         ["", "", "一般公共预算拨款", "政府性基金预算拨款", "其他资金", "基本支出", "项目支出"],
         ["年度预算申请", "5200.00", "{grant}", "0.00", "300.00", "3800.00", "1400.00"]]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_funds_total_split_two_ways_adds_up_both_ways(tmp_path, suffix):
    path = tmp_path / f"target{suffix}"
    for grant, expected in (("4900.00", []), ("4800.00", [("SUM023", "年度预算申请 按收入性质分 5100.00", "5200.00")])):
        rows = [[t.format(grant=grant) for t in row] for row in SPLIT]
        write(path, ["某局2026年度部门整体支出绩效目标表", ("一、年度预算申请 单位：万元", rows)])
        assert found(path, "SUM023") == expected


def merged_form(path, grant: str) -> None:
    """The split heads merged over their columns and 资金总额 down over the sub-heads' row, as a word
    processor or a spreadsheet prints the form."""
    rows = [[t.format(grant=grant) for t in row] for row in SPLIT]
    spans = [((0, 1), (1, 1)), ((0, 2), (0, 4)), ((0, 5), (0, 6))]
    if path.suffix == ".docx":
        import docx
        document = docx.Document()
        document.add_paragraph("某局2026年度部门整体支出绩效目标表")
        document.add_paragraph("单位：万元")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for (r0, c0), (r1, c1) in spans:
            table.cell(r0, c0).merge(table.cell(r1, c1)).text = rows[r0][c0]
        document.save(path)
    else:
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["某局2026年度部门整体支出绩效目标表"])
        sheet.append(["单位：万元"])
        for row in rows:
            sheet.append([t or None for t in row])
        for (r0, c0), (r1, c1) in spans:
            sheet.merge_cells(start_row=r0 + 3, start_column=c0 + 1, end_row=r1 + 3, end_column=c1 + 1)
        book.save(path)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_split_heads_merged_over_their_columns(tmp_path, suffix):
    path = tmp_path / f"target{suffix}"
    merged_form(path, "4900.00")
    assert found(path, "SUM023") == []
    merged_form(path, "4800.00")
    assert found(path, "SUM023") == [("SUM023", "年度预算申请 按收入性质分 5100.00", "5200.00")]


def test_a_forms_facts_list_its_forecasts(tmp_path):
    # (the facts table's schema knows the forecast's measure: `inspect --facts` lists a form's 预计 cells)
    from auditor.facts.base import fact_base
    from auditor.facts.base.model import FORECAST
    from auditor.facts.frame import facts_frame

    path = tmp_path / "form.xlsx"
    write(path, [TITLE, ("单位：万元", funds())])
    assert FORECAST in set(facts_frame(fact_base(load(path)).facts)["measure"])
