"""What a reader sees is what is read: a web page's hidden elements are not read, a note mark set
raised after a figure is no digit of it (HTML, Markdown, Word), an escaped pipe in a Markdown
table's cell splits no cell, a <caption>'s lines are lines, and 第N行 in a location counts a
table's rows as the source shows them (HTML, Word and Excel alike)."""
from __future__ import annotations

import pytest

from auditor.engine import audit_file
from auditor.ingest import load
from auditor.ruleset import load_rules


def _rows(doc, k: int = 0) -> list[list[str]]:
    return [[c.text for c in row] for row in doc.tables[k].rows]


def _rules(path) -> set[str]:
    return {f.rule for f in audit_file(str(path), load_rules()).findings}


# --- hidden HTML --------------------------------------------------------------------------------

def test_hidden_rows_cells_and_spans_of_a_page_are_not_read(tmp_path):
    path = tmp_path / "r.html"
    path.write_text(
        "<table border=1><tr><th>项目</th><th style='Display : NONE'>行次</th><th>金额</th></tr>"
        "<tr style='color:red;display:none !important'><td>旧稿</td><td>1</td><td>99.00</td></tr>"
        "<tr><td>基本支出</td><td style='display:none'>2</td><td>60.00</td></tr>"
        "<tr hidden><td>草稿</td><td>3</td><td>5.00</td></tr>"
        "<tr><td>项目支出</td><td hidden>4</td><td>40.00<span style='display:none'>1</span></td></tr>"
        "<tr><td>合计</td><td style='display:none'>5</td><td>100.00</td></tr></table>"
        "<p>本年支出100.00万元，其中基本支出占<span style='display:none'>61.00%</span>60.00%。</p>",
        encoding="utf-8")
    doc = load(str(path))
    assert _rows(doc) == [["项目", "金额"], ["基本支出", "60.00"], ["项目支出", "40.00"], ["合计", "100.00"]]
    assert doc.blocks[-1].text == "本年支出100.00万元，其中基本支出占60.00%。"
    # (the columns as the browser lays them out: 金额 is the 2nd)
    assert doc.tables[0].rows[3][1].loc.describe().endswith("第4行第2列")


def test_a_rowspan_spreads_over_the_rows_shown(tmp_path):
    """A hidden row is no row of the table: a cell spanning rows covers the rows shown, and a
    hidden cell's own span covers nothing."""
    path = tmp_path / "r.html"
    path.write_text(
        "<table><tr><td rowspan=2>产出</td><td>数量</td><td>10</td></tr>"
        "<tr style='display:none'><td>旧</td><td>1</td></tr>"
        "<tr><td>质量</td><td>20</td></tr>"
        "<tr><td style='display:none' rowspan=2>隐</td><td>效益</td><td>30</td></tr>"
        "<tr><td>满意度</td><td>40</td><td></td></tr></table>", encoding="utf-8")
    assert _rows(load(str(path))) == [["产出", "数量", "10"], ["", "质量", "20"], ["效益", "30"],
                                      ["满意度", "40", ""]]


def test_a_cell_shown_blank_keeps_its_place(tmp_path):
    path = tmp_path / "r.html"
    path.write_text("<table><tr><td>项目</td><td>金额</td><td>备注</td></tr>"
                    "<tr><td>合计</td><td style='visibility:hidden'>12.00</td><td>无</td></tr></table>",
                    encoding="utf-8")
    assert _rows(load(str(path))) == [["项目", "金额", "备注"], ["合计", "", "无"]]


def test_a_hidden_old_row_raises_no_false_sum(tmp_path):
    path = tmp_path / "r.html"
    path.write_text(
        "<h1>某局2024年度部门决算</h1><p>表3 支出决算表</p><p>单位：万元</p><table border=1>"
        "<tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>"
        "<tr><td>213</td><td>农林水支出</td><td>500.00</td><td>200.00</td><td>300.00</td></tr>"
        "<tr><td>21301</td><td>农业农村</td><td>500.00</td><td>200.00</td><td>300.00</td></tr>"
        "<tr><td>2130101</td><td>行政运行</td><td>200.00</td><td>200.00</td><td></td></tr>"
        "<tr><td>2130104</td><td>事业运行</td><td>300.00</td><td></td><td>300.00</td></tr>"
        "<tr style='display:none'><td>2130199</td><td>其他农业农村支出</td><td>45.00</td><td></td><td>45.00</td></tr>"
        "<tr><td></td><td>合计</td><td>500.00</td><td>200.00</td><td>300.00</td></tr></table>",
        encoding="utf-8")
    assert not {"SUM001", "SUM002", "CAL001"} & _rules(path)


# --- note marks ---------------------------------------------------------------------------------

def test_a_note_mark_raised_after_a_figure_is_no_digit_of_it_in_html(tmp_path):
    path = tmp_path / "r.html"
    path.write_text(
        "<table><caption>单位：万元</caption><tr><td>项目</td><td>金额</td></tr>"
        "<tr><td>年初结转</td><td>612.40<sup>1</sup></td></tr><tr><td>其他</td><td><b>1,234.56</b> <sup>[2]</sup></td></tr>"
        "<tr><td>合计</td><td>1,846.96<sup>注3</sup></td></tr><tr><td>说明</td><td><sup>*</sup>另计</td></tr></table>"
        "<p>决算数为186,420元<sup>①</sup>，增长5.2%<sup>*</sup>；用房面积1,200m<sup>2</sup>，"
        "容积2m<sup>3</sup>，排放CO<sub>2</sub>，第<sup>2</sup>批。</p>", encoding="utf-8")
    doc = load(str(path))
    assert [row[1] for row in _rows(doc)] == ["金额", "612.40", "1,234.56", "1,846.96", "另计"]
    assert doc.blocks[-1].text == "决算数为186,420元，增长5.2%；用房面积1,200m²，容积2m³，排放CO2，第2批。"


def test_a_note_mark_raised_after_a_figure_is_no_digit_of_it_in_markdown(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("| 项目 | 金额 |\n|---|---|\n| 年初结转 | 612.40<sup>1</sup> |\n| 其他 | **45.18**<sup>2</sup> |\n"
                    "| 合计 | 657.58 |\n\n决算数为186,420元<sup>①</sup>，用房面积1,200m<sup>2</sup>。\n", encoding="utf-8")
    doc = load(str(path))
    assert [row[1] for row in _rows(doc)] == ["金额", "612.40", "45.18", "657.58"]
    assert doc.blocks[-1].text == "决算数为186,420元，用房面积1,200m²。"


def test_a_superscript_note_mark_in_word_is_read_as_html_s(tmp_path):
    import docx

    document = docx.Document()
    p = document.add_paragraph("年初结转和结余612.40")
    p.add_run("[1]").font.superscript = True
    p.add_run("万元，面积80m")
    p.add_run("2").font.superscript = True
    p.add_run("。")
    path = tmp_path / "r.docx"
    document.save(path)
    assert load(str(path)).blocks[0].text == "年初结转和结余612.40万元，面积80m²。"


# --- Markdown pipes -----------------------------------------------------------------------------

def test_an_escaped_pipe_or_one_in_inline_code_splits_no_markdown_cell(tmp_path):
    from auditor.ingest.text import pipe_cells

    assert pipe_cells(r" 1 | 文化馆\|图书馆 | 320.00 ") == [" 1 ", " 文化馆|图书馆 ", " 320.00 "]
    assert pipe_cells(" 2 | `a|b`运维 | ``x`|y`` | `open ") == [" 2 ", " `a|b`运维 ", " ``x`|y`` ", " `open "]
    path = tmp_path / "r.md"
    path.write_text("| 序号 | 项目名称 | 全年预算数 | 全年执行数 | 执行率 |\n|---|---|--:|--:|--:|\n"
                    "| 1 | 文化馆\\|图书馆总分馆 | 320.00 | 312.46 | 96.74% |\n"
                    "| 2 | 送戏下乡 | 96.00 | 96.00 | 100.00% |\n", encoding="utf-8")
    assert _rows(load(str(path)))[1] == ["1", "文化馆|图书馆总分馆", "320.00", "312.46", "96.74%"]
    assert "DRV005" in _rules(path) and "PAT002" not in _rules(path)


# --- caption lines and row numbers --------------------------------------------------------------

def test_a_caption_s_lines_are_the_title_code_and_unit_lines(tmp_path):
    path = tmp_path / "r.html"
    path.write_text("<h2>第二部分 决算报表</h2><table><caption><b>收入决算表</b><br>公开02表<br>"
                    "部门：某局　单位：万元</caption><tr><th>项目</th><th>金额</th></tr>"
                    "<tr><td>合计</td><td>1.00</td></tr></table>", encoding="utf-8")
    doc = load(str(path))
    assert [b.text for b in doc.blocks[1:4]] == ["收入决算表", "公开02表", "部门：某局 单位：万元"]
    assert (doc.tables[0].title, doc.tables[0].unit) == ("收入决算表", "万元")


TITLED_ROWS = [["财政拨款“三公”经费支出决算表"], ["公开09表　单位：万元"], ["项目", "预算数", "决算数"],
               ["因公出国（境）费", "0.00", "0.00"], ["公务接待费", "8.60", "5.58"], [], ["合计", "8.60", "5.58"]]


def _write_html(path) -> None:
    rows = "".join("<tr>" + (f"<td colspan=3>{r[0]}</td>" if len(r) == 1 else "".join(f"<td>{c}</td>" for c in r)
                             if r else "<td></td><td></td><td></td>") + "</tr>" for r in TITLED_ROWS)
    path.write_text(f"<p>某局2023年度部门决算</p><table border=1>{rows}</table>", encoding="utf-8")


def _write_docx(path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某局2023年度部门决算")
    table = document.add_table(rows=len(TITLED_ROWS), cols=3)
    for r, row in enumerate(TITLED_ROWS):
        if len(row) == 1:
            table.cell(r, 0).merge(table.cell(r, 2)).text = row[0]
        for c, text in enumerate(row if len(row) > 1 else []):
            table.cell(r, c).text = text
    document.save(path)


def _write_xlsx(path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for r, row in enumerate(TITLED_ROWS, start=3):  # (two rows of the sheet above the table)
        for c, text in enumerate(row, start=1):
            book.active.cell(row=r, column=c, value=text)
    book.save(path)


@pytest.mark.parametrize("suffix,writer,expected", [
    (".html", _write_html, "第2段 · 第1张表 第7行第3列"), (".docx", _write_docx, "第2段 · 第1张表 第7行第3列"),
    # (a sheet's table counted from its first row, the header; the sheet's own row is named too)
    (".xlsx", _write_xlsx, "工作表「Sheet」 · 第9行 · 第1张表 第5行第3列")])
def test_a_location_counts_a_table_s_rows_as_the_source_shows_them(tmp_path, suffix, writer, expected):
    """The title rows printed inside a table are read as lines above it and a blank row is
    dropped, but 第N行 counts them as a reader counting the table's rows does; the grid's row,
    the one the checks and the fingerprint use, stays `row`."""
    path = tmp_path / f"t{suffix}"
    writer(path)
    doc = load(str(path))
    (table,) = doc.tables
    assert table.title == "财政拨款“三公”经费支出决算表"
    total = next(row for row in table.rows if row[0].text == "合计")
    assert total[2].loc.describe() == expected
    assert total[2].loc.row == table.rows.index(total) + 1
    assert table.row_number(table.rows.index(total)) == int(expected.split("第")[-2].rstrip("行"))
