"""A table's header rows and the rows about it, as Word prints them: a two-row header (指标 spanning
一级指标 | 二级指标 | 三级指标, 分值 and 得分 merged down) whose data start under its second row; a
continued part opening with a merged 续表 row (and its unit) over the header repeated; a merged
caption row numbering the table in Chinese numerals (表一：…（2023年度）) that titles it. Each
document is written with python-docx, its merged cells as Word merges them."""
from __future__ import annotations

import docx
import pytest

from auditor.engine import audit_document
from auditor.ingest import docx_reader
from auditor.ingest.build import build_document
from auditor.ingest.raw import TABLE_LINE_RE
from auditor.ruleset import load_rules
from auditor.tables.typed import typed_tables

RULES = {r.id: r for r in load_rules()}
SCORE_ROWS = [["决策（20分）", "目标设定", "目标明确性", "10", "10", ""],
              ["", "资金投入", "预算编制合理性", "10", "9", "编制偏粗"],
              ["产出（40分）", "数量", "改造道路长度", "20", "20", ""],
              ["", "质量", "验收合格率", "20", "18", "返工一处"],
              ["效益（30分）", "社会效益", "通行条件改善", "20", "19", ""],
              ["", "满意度", "群众满意度", "10", "9.5", ""],
              ["合计", "", "", "90", "85.5", ""]]


def _slipped(rows: list[list[str]]) -> list[list[str]]:
    """The rows with two slips: 产出 labelled 50 points over 20 + 20, the 合计 86.5 over 85.5."""
    labels = {"产出（40分）": "产出（50分）", "85.5": "86.5"}
    return [[labels.get(text, text) for text in row] for row in rows]


def _table(document, rows: list[list[str]], merges=()):
    """A Word table of `rows`; `merges`: ((row, col), (row, col)) corners of the cells merged."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for (r0, c0), (r1, c1) in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    return table


def _two_row_header(document, rows: list[list[str]]):
    header = [["指标", "", "", "分值", "得分", "扣分原因"], ["一级指标", "二级指标", "三级指标", "", "", ""]]
    merges = [((0, 0), (0, 2))] + [((0, c), (1, c)) for c in (3, 4, 5)]
    return _table(document, header + rows, merges)


def _load(document, tmp_path, name: str):
    path = tmp_path / name
    document.save(str(path))
    return build_document(str(path), docx_reader.read_docx(str(path)))


def test_a_score_table_under_a_two_row_header_reads_its_indicators_from_its_third_row(tmp_path):
    """The sub-heads row (一级指标 | 二级指标 | 三级指标) is the header's, not a second header closing
    the table: the indicators are read, their sum checked against the 合计 and each category's
    分值 against its label (产出（50分） over 20 + 20)."""
    document = docx.Document()
    document.add_paragraph("某镇2024年度部门整体支出绩效自评报告")
    document.add_paragraph("部门整体支出绩效自评表")
    _two_row_header(document, _slipped(SCORE_ROWS))
    doc = _load(document, tmp_path, "two_rows.docx")
    typed = [t for t in typed_tables(doc) if t.type == "performance_scores"]
    assert len(typed) == 1 and typed[0].header_rows == range(0, 2) and len(typed[0].records) == 6
    found = {f.rule: f for f in audit_document(doc, [RULES["SCO003"], RULES["SCO004"]]).findings}
    assert found["SCO003"].stated == "86.5" and found["SCO003"].expected == "85.50"
    assert "产出（50分）" in found["SCO004"].message


def test_a_score_table_whose_second_row_is_data_keeps_its_one_row_header(tmp_path):
    document = docx.Document()
    document.add_paragraph("某镇2024年度部门整体支出绩效自评报告")
    _table(document, [["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"]] + SCORE_ROWS)
    doc = _load(document, tmp_path, "one_row.docx")
    typed = [t for t in typed_tables(doc) if t.type == "performance_scores"]
    assert typed[0].data_row == 1 and len(typed[0].records) == 6
    assert not audit_document(doc, [RULES["SCO003"], RULES["SCO004"]]).findings


def test_a_header_whose_both_levels_span_is_read_once_with_its_indicator_column(tmp_path):
    """绩效指标值 over 年度指标值 | 实际完成值 and 评分 over 分值 | 得分, the level heads merged down:
    the sub-heads alone would make a header too (指标值, 得分), but the row above names the
    indicator column; the table is typed once, from its first row, and a target missed with full
    marks is found."""
    document = docx.Document()
    document.add_paragraph("某县2024年度项目支出绩效自评表")
    rows = [["一级指标", "二级指标", "三级指标", "绩效指标值", "", "评分", ""],
            ["", "", "", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "巡查河道里程", "≥120公里", "126公里", "20", "20"],
            ["产出指标", "质量指标", "水质达标率", "≥95%", "90%", "30", "30"]]
    merges = [((0, c), (1, c)) for c in (0, 1, 2)] + [((0, 3), (0, 4)), ((0, 5), (0, 6))]
    _table(document, rows, merges)
    doc = _load(document, tmp_path, "both_span.docx")
    typed = [t for t in typed_tables(doc) if t.type == "performance_scores"]
    assert len(typed) == 1 and typed[0].header_row == 0 and typed[0].data_row == 2
    assert typed[0].heads[3:] == ["绩效指标值年度指标值", "绩效指标值实际完成值", "评分分值", "评分得分"]
    found = audit_document(doc, [RULES["SCO008"]]).findings
    assert [(f.rule, f.stated) for f in found] == [("SCO008", "30")] and "水质达标率" in found[0].message


@pytest.mark.parametrize("captions", [["续表1"], ["（续表）", "单位：万元"]])
def test_a_continued_part_opening_with_a_merged_caption_row_is_joined(tmp_path, captions):
    """The rest of a score table on the next page, its first rows one merged cell each (续表1, a
    unit as the first part's) over the two-row header repeated: one table, its indicators all read
    and summed."""
    document = docx.Document()
    document.add_paragraph("某镇2024年度部门整体支出绩效自评报告")
    document.add_paragraph("部门整体支出绩效自评表")
    if len(captions) > 1:
        document.add_paragraph(captions[-1])
    _two_row_header(document, _slipped(SCORE_ROWS)[:3])
    document.add_page_break()
    width = len(SCORE_ROWS[0])
    rest = [[text] + [""] * (width - 1) for text in captions]
    header = [["指标", "", "", "分值", "得分", "扣分原因"], ["一级指标", "二级指标", "三级指标", "", "", ""]]
    top = len(rest)
    merges = [((r, 0), (r, width - 1)) for r in range(top)] + [((top, 0), (top, 2))] \
        + [((top, c), (top + 1, c)) for c in (3, 4, 5)]
    _table(document, rest + header + _slipped(SCORE_ROWS)[3:], merges)
    doc = _load(document, tmp_path, "continued.docx")
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 2 + len(SCORE_ROWS)
    found = audit_document(doc, [RULES["SCO003"], RULES["SCO004"]]).findings
    assert sorted(f.rule for f in found) == ["SCO003", "SCO004"]


def test_a_merged_caption_row_numbered_in_chinese_numerals_titles_the_table(tmp_path):
    """表一：项目支出绩效自评表（2023年度） in the table's own first row, under a section heading: the
    table's title, not the section's."""
    document = docx.Document()
    document.add_paragraph("某局2023年度项目支出绩效自评报告")
    document.add_paragraph("三、绩效自评结果")
    rows = [["表一：项目支出绩效自评表（2023年度）", "", ""], ["单位：万元", "", ""],
            ["项目", "预算数", "执行数"], ["道路养护", "100.00", "96.00"], ["合计", "100.00", "96.00"]]
    _table(document, rows, [((0, 0), (0, 2)), ((1, 0), (1, 2))])
    doc = _load(document, tmp_path, "caption.docx")
    assert doc.tables[0].title == "表一：项目支出绩效自评表（2023年度）"
    assert [c.text for c in doc.tables[0].rows[0]] == ["项目", "预算数", "执行数"]


@pytest.mark.parametrize("line, naming", [
    ("表一：项目支出绩效自评表（2023年度）", True), ("附表十二 项目支出明细表", True), ("支出决算表（续）", True),
    ("收入支出决算总表（2024年度）", True), ("表3 收入决算表", True),
    ("表示满意的占95%", False), ("公开一批政务信息", False), ("表格中的数据（略）", False)])
def test_a_table_line_is_named_by_its_number_or_its_closing_word(line, naming):
    assert bool(TABLE_LINE_RE.search(line)) is naming
