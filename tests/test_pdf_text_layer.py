"""The PDF reader reads the text layer with pypdfium2 and must build the very document model
the pdfplumber-only reader (`read_pdf_plumber`, kept callable as the reference) builds:
blocks, texts, sentences, tables, cells, locations and metadata, on the real PDFs and on a
sample of the synthetic ones. Nothing from the corpus is stored in the repository: both
models are built here, from the corpus files, at test time."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from auditor.ingest import pdf_reader
from auditor.ingest.build import build_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REAL = sorted((CORPUS / "real-pdfs").glob("*.pdf"))
SYNTHETIC = sorted((CORPUS / "synthetic" / "files").glob("*.pdf"))
SAMPLE = SYNTHETIC[::9]  # spread over the document kinds (d01 … d12)


def _models(path: Path):
    stats: dict = {}
    fast = build_document(str(path), pdf_reader.read_pdf(str(path), stats=stats))
    reference = build_document(str(path), pdf_reader.read_pdf_plumber(str(path)))
    return asdict(fast), asdict(reference), stats


def _first_difference(fast: dict, reference: dict) -> str:
    for k, (a, b) in enumerate(zip(fast["blocks"], reference["blocks"])):
        if a != b:
            return f"block {k}:\n  pdfium:     {a}\n  pdfplumber: {b}"
    if fast["meta"] != reference["meta"]:
        return f"meta: {fast['meta']} != {reference['meta']}"
    return f"{len(fast['blocks'])} blocks != {len(reference['blocks'])}"


@pytest.mark.skipif(not REAL, reason="../shared/corpus/real-pdfs is not beside the clone")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem[:12])
def test_real_pdf_model_is_unchanged_and_mostly_read_by_pdfium(path):
    fast, reference, stats = _models(path)
    assert fast == reference, _first_difference(fast, reference)
    pages = stats.get("pdfium", 0) + stats.get("pdfplumber", 0)
    assert stats.get("pdfium", 0) >= 0.85 * pages, stats


@pytest.mark.skipif(not SAMPLE, reason="../shared/corpus/synthetic is not beside the clone")
@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_synthetic_pdf_model_is_unchanged(path):
    fast, reference, _ = _models(path)
    assert fast == reference, _first_difference(fast, reference)


def test_generated_pdfs_read_alike(tmp_path):
    """Without the corpus: a ruled table with merged cells and a CID font (not embedded)."""
    from fixtures import forms

    path = tmp_path / "form.pdf"
    forms.write_pdf(path)
    fast, reference, stats = _models(path)
    assert fast == reference, _first_difference(fast, reference)
    assert any(b.get("rows") for b in fast["blocks"])


def test_spaces_runs_and_off_baseline_digits(tmp_path):
    """Runs of spaces (pdfium keeps only the first) and digits set below the Chinese
    baseline, in text and in a ruled table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "spaces.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 780, "部门：测试局        2023年度        单位：万元")
    c.drawString(72, 760, "年初预算为")
    c.setFont("Helvetica", 12)
    c.drawString(132, 757, "4477.33")
    c.setFont("STSong-Light", 12)
    c.drawString(176, 760, "万元，支出决算为 4416.67 万元。")
    for row in range(4):
        for col in range(3):
            c.rect(72 + col * 120, 600 - row * 20, 120, 20)
            c.drawString(76 + col * 120, 606 - row * 20, ["项目", "预算数", "决算数"][col] if row == 0
                         else f"{row * 100 + col}.00")
    c.showPage()
    c.save()
    fast, reference, _ = _models(path)
    assert fast == reference, _first_difference(fast, reference)


def test_a_one_character_line_in_a_font_not_embedded_is_kept(tmp_path):
    """A header cell wrapped so that its second line is one character (本年支出合 / 计) in a CID
    font not embedded: some pdfium builds give that string no character and no glyph box, as
    they do a run of spaces; the page is then read with pdfplumber and the cell keeps it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "one-character.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 8)
    for col, lines in enumerate([["科目名称"], ["本年支出合", "计"], ["上缴上级支", "出"]]):
        c.rect(72 + col * 60, 700, 60, 30)
        for k, line in enumerate(lines):
            c.drawString(75 + col * 60, 720 - k * 10, line)
        c.rect(72 + col * 60, 680, 60, 20)
        c.drawString(75 + col * 60, 686, ["合计", "12.50", "0.00"][col])
    c.showPage()
    c.save()
    fast, reference, _ = _models(path)
    assert fast == reference, _first_difference(fast, reference)
    header = next(b for b in fast["blocks"] if b.get("rows"))["rows"][0]
    assert [cell["text"] for cell in header] == ["科目名称", "本年支出合计", "上缴上级支出"]


def test_a_broken_file_keeps_its_error_wording(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(pdf_reader.ReadError) as fast:
        pdf_reader.read_pdf(str(broken))
    with pytest.raises(pdf_reader.ReadError) as reference:
        pdf_reader.read_pdf_plumber(str(broken))
    assert str(fast.value) == str(reference.value)


def _footnoted_table_pdf(path: Path, superscript_note: bool) -> None:
    """A project table running over a page break, a footnote at the first page's foot under a
    short separator rule (its number a superscript, or at the note's own size as LibreOffice
    sets it), and the note's mark after a figure of the sentence above the table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 790, "全年项目支出执行数为306.00")
    at = 72 + pdfmetrics.stringWidth("全年项目支出执行数为306.00", "STSong-Light", 12)
    c.setFont("STSong-Light", 8)
    c.drawString(at, 794, "1")  # the note's mark: two thirds of the size, a third of it up
    c.setFont("STSong-Light", 12)
    c.drawString(at + pdfmetrics.stringWidth("1", "STSong-Light", 8), 790, "万元，详见下表。")
    rows = [("项目", "预算数", "执行数")] + [(f"项目{k}", f"{10 * k}.00", f"{10 * k - 1}.00") for k in range(1, 9)]
    rows_on_page_two = [("项目", "预算数", "执行数"), ("项目9", "90.00", "89.00"), ("合计", "450.00", "441.00")]

    def table(lines, top):
        for n, row in enumerate(lines):
            for col, text in enumerate(row):
                c.rect(72 + col * 120, top - n * 20, 120, 20)
                c.drawString(76 + col * 120, top + 6 - n * 20, text)

    table(rows, 740)
    c.setLineWidth(0.5)
    c.line(72, 90, 200, 90)  # the footnote separator
    if superscript_note:
        c.setFont("STSong-Light", 6)
        c.drawString(72, 79, "1")
        c.setFont("STSong-Light", 9)
        c.drawString(75, 76, "执行数为截至2024年12月31日的国库支付数据。")
    else:
        c.setFont("STSong-Light", 12)
        c.drawString(72, 76, "1")
        c.setFont("STSong-Light", 9)
        c.drawString(84, 76, "执行数为截至2024年12月31日的国库支付数据。")
    c.showPage()
    c.setFont("STSong-Light", 12)
    table(rows_on_page_two, 780)
    c.showPage()
    c.save()


@pytest.mark.parametrize("superscript_note", [True, False], ids=["superscript", "plain-number"])
def test_a_footnote_at_the_page_foot_leaves_the_table_whole(tmp_path, superscript_note):
    """Word's footnotes exported to PDF: the note at the foot of the page a table runs over is
    read as a paragraph of its own after the table, not between its halves (which would make the
    合计 row on the next page a table of its own and its column short), and the note's mark after
    306.00 is no digit of it."""
    path = tmp_path / "footnote.pdf"
    _footnoted_table_pdf(path, superscript_note)
    fast, reference, _ = _models(path)
    assert fast == reference, _first_difference(fast, reference)
    blocks = fast["blocks"]
    tables = [b for b in blocks if b.get("rows")]
    assert len(tables) == 1 and [cell["text"] for cell in tables[0]["rows"][-1]] == ["合计", "450.00", "441.00"]
    texts = [b["text"] for b in blocks if b.get("text")]
    assert "全年项目支出执行数为306.00万元，详见下表。" in texts
    assert texts[-1] == "执行数为截至2024年12月31日的国库支付数据。" if superscript_note else \
        texts[-1] == "1 执行数为截至2024年12月31日的国库支付数据。"


def test_a_table_continued_under_a_short_running_header_and_a_continued_line_is_one(tmp_path):
    """A running header too short to name the report (某区档案馆) atop each page, then 续表 over the
    rest of a table: the header is furniture and the rest joins the table, its 款 summed over all
    its 项 rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "continued.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)

    def table(rows, top):
        for n, row in enumerate(rows):
            for col, text in enumerate(row):
                c.rect(72 + col * 150, top - n * 20, 150, 20)
                c.drawString(76 + col * 150, top + 6 - n * 20, text)

    c.setFont("STSong-Light", 10)
    c.drawString(72, 800, "某区档案馆")
    c.drawString(72, 770, "支出决算表")
    table([("科目编码", "科目名称", "本年支出合计"), ("20126", "档案事务", "60.00"), ("2012601", "行政运行", "25.00")], 740)
    c.showPage()
    c.setFont("STSong-Light", 10)
    c.drawString(72, 800, "某区档案馆")
    c.drawString(72, 780, "续表")
    table([("科目编码", "科目名称", "本年支出合计"), ("2012604", "档案馆", "35.00")], 750)
    c.showPage()
    c.save()
    fast, reference, _ = _models(path)
    assert fast == reference, _first_difference(fast, reference)
    tables = [b for b in fast["blocks"] if b.get("rows")]
    assert len(tables) == 1 and [row[0]["text"] for row in tables[0]["rows"]] == ["科目编码", "20126", "2012601", "2012604"]
