"""Word's automatic numbering read as the page shows it (一、 （一） 1.), from numbering.xml."""
import pytest

from auditor.ingest import load
from auditor.ingest.docx_numbering import FORMATS, chinese, letters, roman
from fixtures.raw_docx import W, write_docx

LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]


def _para(text, num=None, ilvl=0, style=None):
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(path, paras, start_override=None, levels=LEVELS):
    lvls = "".join(f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for k, (fmt, text) in enumerate(levels))
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
                if start_override else "")
    numbering = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
                 '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                 f'<w:num w:numId="3"><w:abstractNumId w:val="0"/>{override}</w:num></w:numbering>')
    styles = (f'<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
              '</w:style><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H1b"><w:name w:val="heading 1"/><w:basedOn w:val="H1"/></w:style>'
              '</w:styles>')
    return write_docx(path, "".join(paras), {"styles.xml": ("styles", styles), "numbering.xml": ("numbering", numbering)})


def test_auto_numbered_headings_read_with_their_numbers(tmp_path):
    path = _docx(tmp_path / "r.docx", [
        _para("某局2024年度部门决算说明"), _para("部门概况", style="H1"), _para("本局内设科室3个。"),
        _para("收入支出情况", style="H1b"), _para("收入", num="1", ilvl=1), _para("支出", num="1", ilvl=1),
        _para("要点", num="2"), _para("三公经费", style="H1"), _para("接待", num="1", ilvl=1),
        _para("细项", num="1", ilvl=2), _para("", style="H1")])
    texts = [b.text for b in load(path).blocks]
    # (a style based on a numbered one numbers too; a bullet draws no number; the deeper level starts
    # anew under the next heading; an empty numbered paragraph still shows its number)
    assert texts == ["某局2024年度部门决算说明", "一、部门概况", "本局内设科室3个。", "二、收入支出情况", "（一）收入",
                     "（二）支出", "要点", "三、三公经费", "（一）接待", "1.细项", "四、"]


def test_a_list_restarted_by_its_override_counts_from_there(tmp_path):
    path = _docx(tmp_path / "r.docx", [_para("某局2024年度部门决算说明"), _para("甲", num="3"), _para("乙", num="3")],
                 start_override=4)
    assert [b.text for b in load(path).blocks][1:] == ["四、甲", "五、乙"]


def test_a_label_ending_in_a_digit_is_set_off_from_the_text(tmp_path):
    """%1.%2 draws 2.1 and then a tab: the text after it is no part of the number (2.1 2023年度…)."""
    path = _docx(tmp_path / "r.docx", [_para("某局2024年度部门决算说明"), _para("总体情况", num="1"),
                                      _para("2024年度收入100.00万元。", num="1", ilvl=1)],
                 levels=[("decimal", "%1"), ("decimal", "%1.%2"), ("decimal", "%3.")])
    assert [b.text for b in load(path).blocks][1:] == ["1 总体情况", "1.1 2024年度收入100.00万元。"]


def test_number_formats():
    assert [chinese(n) for n in (1, 10, 11, 20, 21, 105, 110)] == ["一", "十", "十一", "二十", "二十一", "一百零五",
                                                                   "一百一十"]
    assert [roman(n) for n in (4, 9, 14)] == ["IV", "IX", "XIV"] and letters(27) == "AA"
    assert FORMATS["chineseLegalSimplified"](11) == "壹拾壹" and FORMATS["chineseLegalSimplified"](3) == "叁"


def _box(text):
    """A paragraph anchoring a text box, in DrawingML with the VML copy an mc:Fallback keeps."""
    inner = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (f"<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>{inner}</w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict>{inner}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")


def test_a_title_in_a_text_box_is_read_once_where_it_stands(tmp_path):
    path = _docx(tmp_path / "r.docx", [_box("某局2024年度部门决算说明"), _para("部门概况", style="H1")])
    assert [b.text for b in load(path).blocks] == ["某局2024年度部门决算说明", "一、部门概况"]


def test_a_text_box_kept_only_in_a_fallback_is_read(tmp_path):
    """An mc:AlternateContent offering no mc:Choice box keeps its only copy in the mc:Fallback."""
    inner = "<w:txbxContent><w:p><w:r><w:t>某局2024年度部门决算说明</w:t></w:r></w:p></w:txbxContent>"
    box = f"<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict>{inner}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    path = _docx(tmp_path / "r.docx", [box, _para("部门概况", style="H1")])
    assert [b.text for b in load(path).blocks] == ["某局2024年度部门决算说明", "一、部门概况"]


@pytest.mark.parametrize("mark, run", [("del", "<w:delText>旧标题</w:delText>"), ("moveFrom", "<w:t>旧标题</w:t>")])
def test_a_numbered_paragraph_deleted_or_moved_away_takes_no_number(tmp_path, mark, run):
    """Under tracked changes a paragraph whose mark is deleted or moved away is not in the accepted
    document: no number of the sequence is drawn for it."""
    gone = (f'<w:p><w:pPr><w:pStyle w:val="H1"/><w:rPr><w:{mark} w:id="1" w:author="a"/></w:rPr></w:pPr>'
            f'<w:{mark} w:id="2" w:author="a"><w:r>{run}</w:r></w:{mark}></w:p>')
    path = _docx(tmp_path / "r.docx", [_para("某局2024年度部门决算说明"), _para("甲", style="H1"), gone,
                                      _para("乙", style="H1")])
    assert [b.text for b in load(path).blocks][1:] == ["一、甲", "二、乙"]
