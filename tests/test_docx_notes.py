"""Word footnotes and endnotes read as the published text: each note's paragraphs right after the
body paragraph that carries its mark; the separator notes Word keeps are no text."""
from auditor.ingest import load
from auditor.model import Paragraph
from fixtures.raw_docx import W, write_docx



def _docx(path, body: str, footnotes: str) -> str:
    return write_docx(path, body, {"footnotes.xml": ("footnotes", f"<w:footnotes {W}>{footnotes}</w:footnotes>")})


def _p(text: str, mark: str = "") -> str:
    ref = f'<w:r><w:footnoteReference w:id="{mark}"/></w:r>' if mark else ""
    return f"<w:p><w:r><w:t>{text}</w:t></w:r>{ref}</w:p>"


def test_a_footnote_is_read_right_after_the_paragraph_marking_it(tmp_path):
    notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>基本支出981.24万元，其中人员经费826.49万元，公用经费154.75万元。</w:t></w:r></w:p>'
             '</w:footnote>')
    path = _docx(tmp_path / "注.docx", _p("某局2024年度部门决算") + _p("本年支出合计1,200.00万元。", "1") + _p("其他事项无。"),
                 notes)
    texts = [b.text for b in load(path).blocks if isinstance(b, Paragraph)]
    assert texts == ["某局2024年度部门决算", "本年支出合计1,200.00万元。",
                     "基本支出981.24万元，其中人员经费826.49万元，公用经费154.75万元。", "其他事项无。"]
