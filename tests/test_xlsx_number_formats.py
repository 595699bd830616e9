"""Excel numbers are read as Excel shows them in their cell's number format: rounded to the
format's places half away from zero (0.125 in "0.00" shows 0.13, -0.125 shows -0.13, 2.5 in "0"
shows 3), on the decimal of the value's 15 significant digits (1.005 is stored as the double just
below it and still shows 1.01). A printed figure stands for an interval, so the checks must see
the figure the reader of the published sheet sees. Every workbook is generated here."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl, the reference, warns on odd files

import reference_readers
from auditor.ingest import load, xlsx_reader
from test_office_readers_model import assert_same_model, write, xlsx_members

# label, value, number format, what Excel shows (thousands separators are not kept)
CELLS = [
    ("甲", 0.125, "0.00", "0.13"),          # a tie: half-even would show 0.12
    ("乙", 2.5, "0", "3"),                  # a whole-number format rounds too
    ("丙", -0.125, "0.00", "-0.13"),        # away from zero for negatives
    ("丁", 0.12345, "0.00%", "12.35%"),     # percent: times 100, then rounded
    ("戊", 1.005, "0.00", "1.01"),          # the double is 1.00499999999999989…
    ("己", 1234.565, "#,##0.00", "1234.57"),
    ("庚", 0.375, "0.00", "0.38"),          # a tie both rules round alike
    ("辛", -2.5, "#,##0", "-3"),
    ("壬", 0.0625, "0.0%", "6.3%"),
    ("癸", 86.5, "0_ ", "87"),              # the whole-number format Chinese Excel offers
    ("子", 17, "0.00", "17.00"),
    ("丑", 1, "0.0%", "100.0%"),
    ("寅", 3.25, "General", "3.25"),        # General shows the value
]


def _workbook(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "数值"
    sheet["A1"] = "格式表"
    sheet.append(["项目", "数值"])
    for label, value, code, _ in CELLS:
        sheet.append([label, value])
        sheet.cell(sheet.max_row, 2).number_format = code
    sheet.append([])
    sheet.append([12.345])  # a lone cell under the grid: a paragraph; the double is 12.34499999…
    sheet.cell(sheet.max_row, 1).number_format = "0.00"
    path = tmp_path / "formats.xlsx"
    workbook.save(str(path))
    return path


def test_numbers_read_as_excel_shows_them(tmp_path):
    path = _workbook(tmp_path)
    document = load(path)
    (table,) = document.tables
    shown = {row[0].text: row[1].text for row in table.rows[1:]}
    assert shown == {label: text for label, _, _, text in CELLS}
    assert document.blocks[-1].text == "12.35"
    text = document.text
    for needle in ("\t0.13", "\t3", "\t-0.13", "\t12.35%", "\t1.01", "\t1234.57", "\t0.38", "\t-3", "\t6.3%", "12.35"):
        assert needle in text, needle
    for wrong in ("\t0.12\n", "\t2.5\n", "\t-0.12\n", "\t12.34%", "\t1.00\n", "\t1234.56\n", "12.34\n"):
        assert wrong not in text + "\n", wrong


def test_reference_readers_round_alike(tmp_path):
    """openpyxl gives the value and the format string; both readers format it the same way."""
    path = _workbook(tmp_path)
    assert_same_model(path, xlsx_reader.read_xlsx, reference_readers.read_xlsx_openpyxl,
                      reference_readers.read_xlsx_full)


SHEET = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c>' \
        '<c r="B1" t="inlineStr"><is><t>数值</t></is></c></row>{rows}</sheetData>'


@pytest.mark.parametrize("stored,code,expected", [
    ("1.0049999999999999", "0.00", "1.01"),     # how Excel itself writes 1.005
    ("2.6749999999999998", "0.00", "2.68"),
    ("0.12499999999999999", "0%", "13%"),       # a formula's 1/8 off by one ulp: 15 digits make it 0.125
    ("0.30000000000000004", "General", "0.3"),  # no binary tail beyond 15 digits
    # General shows at most 11 characters, the minus sign not counted: a tail nobody sees is not read
    ("95.30000000001", "General", "95.3"),
    ("-789.63000000001", "General", "-789.63"),
    ("2644.0700000001", "General", "2644.07"),
    ("1234567.891234", "General", "1234567.891"),
    ("0.123456789012", "General", "0.123456789"),
    ("0.5518", "General", "0.5518"),
    ("99999999999.5", "General", "100000000000"),  # (integer digits are never dropped)
    ("123456789012345", "General", "123456789012345"),  # an integer cell stays exact (a code)
    ("-1.125", "0.00", "-1.13"),
    ("1.25E-1", "0.00", "0.13"),
    ("3.5", '#,##0_);[Red]\\(#,##0\\)', "4"),
    ("2.5", '0"人"', "3"),
    ("45.5", "0.", "46"),
    ("2.5", "@", "2.5"),
    ("12345678901234567", "0", "12345678901234567"),  # an integer stays exact
    ("7", "0.00", "7.00"),
])
def test_stored_text_read_as_excel_shows_it(tmp_path, stored, code, expected):
    styles = (f'<numFmts count="1"><numFmt numFmtId="200" formatCode="{code.replace(chr(34), "&quot;")}"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="200"/></cellXfs>')
    rows = f'<row r="2"><c r="A2" t="inlineStr"><is><t>合计</t></is></c><c r="B2" s="1"><v>{stored}</v></c></row>'
    path = write(tmp_path / "stored.xlsx", xlsx_members([("表", SHEET.format(rows=rows))], styles=styles))
    (table,) = load(path).tables
    assert table.grid()[1] == ["合计", expected]
    assert xlsx_reader.read_xlsx(str(path)) == reference_readers.read_xlsx_full(str(path))


def test_a_date_shows_the_parts_its_format_shows():
    """A year head stored as a date (2024-01-01 in yyyy"年") is 2024年, as Excel shows it, not the
    whole date; a year and month format shows both; any other date the whole date."""
    import datetime as dt
    from auditor.ingest.xlsx_reader import _date_text

    day = dt.date(2024, 1, 1)
    assert _date_text(day, 'yyyy"年"') == "2024年"
    assert _date_text(day, '[$-804]yyyy"年"m"月"') == "2024年1月"
    assert _date_text(day, "yyyy-mm-dd") == "2024年1月1日"


def test_a_point_written_as_a_literal_shows_the_number_scaled_as_excel_shows_it():
    """0!.0000 (or 0\\.0000) writes a point before the last four digits: 3800000 (元) shows 380.0000
    (万元), the figure a reader of the sheet sees."""
    from auditor.ingest.xlsx_reader import _number_text

    assert _number_text(3800000, "0!.0000") == "380.0000"
    assert _number_text(3800000, "0\\.0000") == "380.0000"
    assert _number_text(3800000, "0.00") == "3800000.00"


def test_a_format_of_zeros_shows_its_least_digits_as_excel_does():
    """"00" shows 3 as 03 (a 款 or 项 code kept as a number); "#,##0" and the literal point's
    integer part pad nothing."""
    from auditor.ingest.xlsx_reader import _number_text

    assert _number_text(3, "00") == "03"
    assert _number_text(50, "00") == "50"
    assert _number_text(-3, "000") == "-003"
    assert _number_text(1234, "#,##0") == "1234"
    assert _number_text(3800000, "0!.0000") == "380.0000"


def test_class_codes_kept_as_numbers_in_format_00_roll_up(tmp_path):
    """A 支出决算表 whose 类 | 款 | 项 columns hold numbers shown "00" (201 | 3 | 1 shows 201 | 03 |
    01): the codes read as shown, so the roll-up of 2010301 and 2010350 into 20103 and 201 holds."""
    import openpyxl

    from auditor.engine import audit_file
    from auditor.ruleset import load_rules

    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["2025年度支出决算表"], ["科目编码", None, None, "科目名称", "本年支出合计"], ["类", "款", "项"],
            [None, None, None, "合计", 1480.76], [201, None, None, "一般公共服务支出", 1480.76],
            [201, 3, None, "政府办公厅（室）及相关机构事务", 1480.76], [201, 3, 1, "行政运行", 1124.56],
            [201, 3, 50, "事业运行", 356.20]]
    for row in rows:
        sheet.append(row)
    for cell in (c for row in sheet.iter_rows(min_row=6, min_col=2, max_col=3) for c in row):
        cell.number_format = "00"
    for cell in (c for row in sheet.iter_rows(min_row=4, min_col=5, max_col=5) for c in row):
        cell.number_format = "0.00"
    path = tmp_path / "codes.xlsx"
    book.save(path)
    grid = load(path).tables[0].grid()
    assert ["201", "03", "01"] in [[t.strip() for t in row[:3]] for row in grid]
    result = audit_file(str(path), load_rules())
    assert not [f for f in result.findings if f.rule.startswith(("SUM", "PRS"))], result.findings
    assert result.coverage.get("SUM001", {}).get("checked", 0) > 0
