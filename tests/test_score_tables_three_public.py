"""The “三公” table read by its header labels, in any column order and every format, and
the identities SUM003 checks on it. The figures are this project's own."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.engine import audit_document
from auditor.examples import document_from_text
from auditor.ingest import load
from auditor.ruleset import load_rules
from auditor.tables.typed import typed_tables

RULES = {r.id: r for r in load_rules()}
CATEGORIES = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"]
SUBHEADERS = ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""]


def grouped(budget: list[str], actual: list[str]) -> list[list[str]]:
    """预算数 | 决算数 column groups over the six template columns, no 栏次 row."""
    return [["预算数"] + [""] * 5 + ["决算数"] + [""] * 5, CATEGORIES * 2, SUBHEADERS * 2, budget + actual]


CLEAN = grouped(["12.40", "1.20", "8.00", "5.00", "3.00", "3.20"],
                ["11.70", "0.90", "7.60", "5.00", "2.60", "3.20"])
# 决算数 合计 11.90 ≠ 0.90 + 7.60 + 3.20 = 11.70
BROKEN = grouped(["12.40", "1.20", "8.00", "5.00", "3.00", "3.20"],
                 ["11.90", "0.90", "7.60", "5.00", "2.60", "3.20"])


def as_text(rows: list[list[str]]) -> str:
    return "财政拨款“三公”经费支出决算表\n单位：万元\n" + "\n".join("\t".join(r) for r in rows) + "\n"


def records(doc):
    [t] = [t for t in typed_tables(doc) if t.type == "three_public"]
    return t, {r.group: r for r in t.records}


def test_column_groups_without_numbering_row_are_read_by_label():
    doc = document_from_text(as_text(CLEAN))
    t, by_group = records(doc)
    assert t.problems == []
    assert by_group["budget"].total == Decimal("12.40") and by_group["budget"].car_running == Decimal("3.00")
    assert by_group["actual"].cars == Decimal("7.60") and by_group["actual"].reception == Decimal("3.20")
    assert by_group["actual"].cells["total"].loc.col == 7
    result = audit_document(doc, [RULES["SUM003"], RULES["PRS001"]])
    assert result.findings == []


def test_total_mismatch_in_the_actual_group_points_at_its_cell():
    [f] = audit_document(document_from_text(as_text(BROKEN)), [RULES["SUM003"]]).findings
    assert f.cls == "total_mismatch"
    assert (f.location.row, f.location.col) == (4, 7)
    assert f.stated == "决算数“三公”经费合计 11.90" and f.expected == "11.70"
    assert "因公出国（境）费 0.90" in f.formula and "公务接待费 3.20" in f.formula


def test_reordered_columns_with_short_sub_headers():
    text = ("“三公”经费支出表\n"
            "公务接待费\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t合计\n"
            "\t\t运行维护费\t购置费\t小计\t\n"
            "2.10\t0\t3.30\t1.00\t4.50\t6.60\n")  # 小计 4.50 ≠ 3.30 + 1.00
    doc = document_from_text(text)
    _, by_group = records(doc)
    rec = by_group["budget"]  # the title does not say 决算
    assert (rec.reception, rec.car_running, rec.car_purchase, rec.cars, rec.total) == (
        Decimal("2.10"), Decimal("3.30"), Decimal("1.00"), Decimal("4.50"), Decimal("6.60"))
    [f] = audit_document(doc, [RULES["SUM003"]]).findings
    assert f.stated == "预算数公务用车购置及运行维护费 4.50" and f.expected == "4.30"
    assert (f.location.row, f.location.col) == (3, 5)


def test_budget_and_actual_under_each_category():
    text = ("财政拨款“三公”经费\n"
            "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t\n"
            "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t\n"
            + "\t".join(["预算数", "决算数"] * 6) + "\n"
            "5.00\t4.20\t0\t0\t3.00\t2.70\t0\t0\t3.00\t2.70\t2.00\t1.50\n")
    doc = document_from_text(text)
    _, by_group = records(doc)
    assert by_group["budget"].reception == Decimal("2.00") and by_group["actual"].total == Decimal("4.20")
    assert audit_document(doc, [RULES["SUM003"], RULES["PRS001"]]).findings == []


def test_labels_that_do_not_line_up_fall_back_to_the_numbering_row():
    # the category row is shifted (a text layout): the 栏次 row decides the columns
    text = ("财政拨款“三公”经费支出决算表\n"
            "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t\t公务接待费\n"
            "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\n"
            "1\t2\t3\t4\t5\t6\t\n"
            "3.32\t0\t2.50\t0\t2.50\t0.82\t\n")
    doc = document_from_text(text)
    t, by_group = records(doc)
    assert t.three_public_layout != "labels"
    assert by_group["actual"].reception == Decimal("0.82")
    assert audit_document(doc, [RULES["SUM003"]]).findings == []


def test_unreadable_header_is_still_reported():
    text = ("“三公”经费情况\n"
            "公务接待\t因公出国\t其他\n"
            "1.00\t2.00\t3.00\n")
    [f] = audit_document(document_from_text(text), [RULES["PRS001"]]).findings
    assert f.cls == "parse_warning" and "栏次" in f.message


def _write(path, suffix, rows):
    merges = [(0, 0, 5), (0, 6, 11), (1, 2, 4), (1, 8, 10)]  # (row, first col, last col)
    if suffix == ".docx":
        import docx
        document = docx.Document()
        document.add_paragraph("财政拨款“三公”经费支出决算表")
        table = document.add_table(rows=len(rows), cols=12)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for r, first, last in merges:
            merged = table.cell(r, first).merge(table.cell(r, last))
            merged.text = rows[r][first]
        document.save(path)
    elif suffix == ".xlsx":
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["财政拨款“三公”经费支出决算表"])
        for row in rows:
            sheet.append([float(t) if t.replace(".", "").isdigit() else (t or None) for t in row])
        for r, row in enumerate(rows[3:], start=5):
            for c in range(1, 13):
                sheet.cell(row=r, column=c).number_format = "0.00"
        for r, first, last in merges:
            sheet.merge_cells(start_row=r + 2, start_column=first + 1, end_row=r + 2, end_column=last + 1)
        book.save(path)
    elif suffix == ".pdf":
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        style = [("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 7),
                 ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        style += [("SPAN", (first, r), (last, r)) for r, first, last in merges]
        table = Table([list(r) for r in rows])
        table.setStyle(TableStyle(style))
        SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
            [Paragraph("财政拨款“三公”经费支出决算表", ParagraphStyle("zh", fontName="STSong-Light")), table])
    else:
        body = as_text(rows) if suffix == ".txt" else "财政拨款“三公”经费支出决算表\n\n" + "\n".join(
            ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * 12] + ["| " + " | ".join(r) + " |" for r in rows[1:]])
        path.write_text(body + "\n", encoding="utf-8")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".xlsx", ".pdf"])
def test_every_format_reads_the_groups_and_checks_the_identity(tmp_path, suffix):
    clean, broken = tmp_path / f"clean{suffix}", tmp_path / f"broken{suffix}"
    _write(clean, suffix, CLEAN)
    _write(broken, suffix, BROKEN)
    rules = [RULES["SUM003"], RULES["PRS001"]]
    assert audit_document(load(clean), rules).findings == []
    [f] = audit_document(load(broken), rules).findings
    assert f.rule == "SUM003" and "11.90" in f.stated and f.expected == "11.70"


def test_a_caption_row_over_the_groups_is_no_header(tmp_path):
    """A sheet's caption row (编制单位：… | 2024年度 | 单位：万元) sits in the grid above the
    预算数 | 决算数 row; its cells name no column, so they cut no group's span."""
    caption = ["编制单位：某县服务中心"] + [""] * 4 + ["2024年度"] + [""] * 5 + ["单位：万元"]
    import openpyxl
    for rows, name in [(CLEAN, "clean"), (BROKEN, "broken")]:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["财政拨款“三公”经费支出决算表"])
        for row in [caption] + rows:
            sheet.append([float(t) if t.replace(".", "").isdigit() else (t or None) for t in row])
        for c in range(1, 13):
            sheet.cell(row=6, column=c).number_format = "0.00"  # 11.90 printed with its two places
        book.save(tmp_path / f"{name}.xlsx")
    doc = load(str(tmp_path / "clean.xlsx"))
    t, by_group = records(doc)
    assert t.problems == []
    assert by_group["budget"].reception == Decimal("3.20") and by_group["actual"].total == Decimal("11.70")
    rules = [RULES["SUM003"], RULES["PRS001"]]
    assert audit_document(doc, rules).findings == []
    [f] = audit_document(load(str(tmp_path / "broken.xlsx")), rules).findings
    assert f.rule == "SUM003" and "11.90" in f.stated and f.expected == "11.70"
