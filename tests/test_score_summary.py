"""A summary of an evaluation's categories (一级指标 | 分值 | 得分 | 得分率) against its detail table
and against the narrative, in every format (SCO026, SCO013, SCO027). The reports are this
project's own."""
from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.ingest import load
from auditor.ruleset import load_rules
from auditor.tables.score_summary import category_of, summary_pairs

RULES = {r.id: r for r in load_rules()}
TITLE = "某街道办事处2025年度部门整体支出绩效评价报告"
SUMMARY_HEAD = ["一级指标", "分值", "得分", "得分率"]
DETAIL_HEAD = ["一级指标", "二级指标", "三级指标", "分值", "得分"]


def summary_rows(process: str = "21.86", process_weight: str = "25") -> list[list[str]]:
    return [SUMMARY_HEAD,
            ["决策", "20", "18.50", "92.50%"],
            ["过程", process_weight, process, "87.44%"],
            ["产出", "35", "31.00", "88.57%"],
            ["效益", "20", "17.40", "87.00%"],
            ["合计", "100", "88.76", "88.76%"]]


def detail_rows(project: str = "") -> list[list[str]]:
    return [DETAIL_HEAD,
            ["决策", "目标设定", "目标合理性", "10", "9.50"],
            ["", "预算编制", "编制科学性", "10", "9.00"],
            ["过程", "资金管理", "资金到位率", "12", "9.86"],
            ["", "业务管理", "制度执行有效性", "13", "12.00"],
            ["产出", "数量", f"{project}完成数量", "20", "18.00"],
            ["", "质量", "质量达标率", "15", "13.00"],
            ["效益", "社会效益", "群众满意度", "20", "17.40"],
            ["合计", "", "", "100", "88.76"]]


def report(narrative: str, *tables: tuple[str, list[list[str]]]) -> list:
    return [TITLE, narrative, *tables]


def merged_runs(rows: list[list[str]]) -> list[tuple[int, int]]:
    """(first, last) rows of each category cell merged down over the blank cells under it."""
    runs = []
    for r, row in enumerate(rows):
        if r and not row[0] and runs and runs[-1][1] == r - 1:
            runs[-1] = (runs[-1][0], r)
        elif r and row[0]:
            runs.append((r, r))
    return [run for run in runs if run[1] > run[0]]


def write(path, parts: list) -> None:
    """Paragraphs (str) and titled tables ((title, rows)) in the format the suffix names, a category's
    first-column cell merged down over its rows as forms print it."""
    suffix = path.suffix
    if suffix == ".docx":
        import docx
        document = docx.Document()
        for part in parts:
            if isinstance(part, str):
                document.add_paragraph(part)
                continue
            title, rows = part
            document.add_paragraph(title)
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            for first, last in merged_runs(rows):
                table.cell(first, 0).merge(table.cell(last, 0)).text = rows[first][0]
        document.save(path)
    elif suffix == ".xlsx":
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        for part in parts:
            if isinstance(part, str):
                sheet.append([part])
            else:
                sheet.append([])
                sheet.append([part[0]])
                top = sheet.max_row + 1
                for row in part[1]:
                    sheet.append([t or None for t in row])
                for first, last in merged_runs(part[1]):
                    sheet.merge_cells(start_row=top + first, start_column=1, end_row=top + last, end_column=1)
            sheet.append([])
        book.save(path)
    elif suffix == ".pdf":
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14)
        flow = []
        for part in parts:
            if isinstance(part, str):
                flow.append(Paragraph(part, style))
                continue
            table = Table([list(r) for r in part[1]])
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 9),
                                       ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                                      + [("SPAN", (0, first), (0, last)) for first, last in merged_runs(part[1])]))
            flow += [Spacer(1, 8), Paragraph(part[0], style), table, Spacer(1, 8)]
        SimpleDocTemplate(str(path), pagesize=A4).build(flow)
    else:
        lines = []
        for part in parts:
            lines += [part] if isinstance(part, str) else [part[0], *("\t".join(r) for r in part[1])]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def findings(path, *rule_ids):
    return [f for f in audit_document(load(path), [RULES[i] for i in rule_ids]).findings]


FORMATS = [".txt", ".docx", ".xlsx", ".pdf"]
CLEAN = "经评价，决策类指标得分18.50分，得分率92.50%；过程类指标得分21.86分。"


def test_categories_are_named_by_the_score_vocabulary():
    assert [category_of(x) for x in ("决策类指标（20分）", "一、决策", "项目过程", "满意度指标", "社会效益", "合计")] \
        == ["决策", "决策", "过程", "满意度", "效益", ""]
    assert category_of("产出及效益") == ""  # (two categories: no one's row)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_consistent_summary_and_detail_are_quiet(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    write(path, report(CLEAN, ("表1 一级指标得分汇总表", summary_rows()), ("表2 绩效评价指标体系及评分", detail_rows())))
    assert len(summary_pairs(load(path))) == 1
    assert findings(path, "SCO026", "SCO013", "SCO027") == []


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_summary_score_off_the_detail_is_reported(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    write(path, report(CLEAN, ("表1 一级指标得分汇总表", summary_rows(process="21.68")),
                       ("表2 绩效评价指标体系及评分", detail_rows())))
    [f] = findings(path, "SCO026")
    assert (f.stated, f.expected, f.cls) == ("21.68", "21.86", "score_mismatch")
    assert f.location.table is not None and (f.location.row, f.location.col) == (3, 3)
    assert "9.86 + 12.00 = 21.86" in f.formula


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_summary_weight_off_the_detail_is_reported(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    write(path, report(CLEAN, ("表1 一级指标得分汇总表", summary_rows(process_weight="20")),
                       ("表2 绩效评价指标体系及评分", detail_rows())))
    [f] = findings(path, "SCO026")
    assert (f.stated, f.expected, f.cls) == ("20", "25", "weight_mismatch")


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_the_narrative_restating_a_category_is_held_to_the_tables(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    narrative = "经评价，决策类指标得分18.50分，得分率96.50%；过程类指标得分21.68分。"
    write(path, report(narrative, ("表1 一级指标得分汇总表", summary_rows()), ("表2 绩效评价指标体系及评分", detail_rows())))
    [score] = findings(path, "SCO013")
    assert (score.stated, score.expected) == ("21.68分", "21.86分")
    [rate] = findings(path, "SCO027")
    assert (rate.stated, rate.expected) == ("96.50%", "92.50%")


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_two_projects_forms_leave_the_summary_unpaired(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    write(path, report(CLEAN, ("表1 一级指标得分汇总表", summary_rows(process="21.68")),
                       ("表2 道路养护项目评分表", detail_rows("道路")), ("表3 桥梁维修项目评分表", detail_rows("桥梁"))))
    assert summary_pairs(load(path)) == []
    assert findings(path, "SCO026", "SCO013", "SCO027") == []


def test_a_re_evaluation_summary_beside_the_self_evaluation_is_quiet(tmp_path):
    path = tmp_path / "report.docx"
    rows = [[c.replace("得分", "复评得分") if c == "得分" else c for c in row] for row in summary_rows(process="20.00")]
    write(path, report(CLEAN, ("表1 复评得分汇总表", rows), ("表2 自评指标评分表", detail_rows())))
    assert summary_pairs(load(path)) == []
    assert findings(path, "SCO026") == []


@pytest.mark.parametrize("second", ["表2（续）", "表3 绩效评价指标评分表（二）"])
def test_a_detail_split_over_two_tables_is_one_evaluation(tmp_path, second):
    """Continued under a repeated head (read as one table) or as a table of its own (two tables,
    one evaluation): every category is summed."""
    path = tmp_path / "report.txt"
    rows = detail_rows()
    write(path, report(CLEAN, ("表1 一级指标得分汇总表", summary_rows(process="21.68")),
                       ("表2 绩效评价指标评分表", rows[:5]), (second, [DETAIL_HEAD, *rows[5:]])))
    [pair] = summary_pairs(load(path))
    assert [(row.label, len(row.parts)) for row in pair.rows] == [("决策", 2), ("过程", 2), ("产出", 2), ("效益", 1)]
    [f] = findings(path, "SCO026")
    assert (f.stated, f.expected) == ("21.68", "21.86") and "「表2 绩效评价指标评分表」" in f.message
