"""A page of text set in two columns is read as the eye reads it (`pdf_columns`): the title across
the top, the left column down, then the right, each column's wrapped lines joined into their
paragraphs; both PDF readers build the same model. A page in one column is read as before."""
from __future__ import annotations

from pathlib import Path

from test_pdf_text_layer import _first_difference, _models


LEFT = ["二、收入决算情况说明", "2024年度本年收入合计1,000.00万元，其中：财", "政拨款收入990.00万元，占99.00%；其他收入",
        "10.00万元，占1.00%。"]
RIGHT = ["六、机关运行经费支出情况说明", "2024年度机关运行经费支出110.00万元，比上", "年增加10.00万元，增长10.00%，主要是公务用",
         "车运行维护费增加。"]


def _paragraphs(path: Path) -> list[str]:
    fast, reference, _ = _models(path)
    assert fast == reference, _first_difference(fast, reference)
    return [b["text"] for b in fast["blocks"] if not b.get("rows")]


def test_two_columns_are_read_left_then_right(canvas_factory, tmp_path):
    path = tmp_path / "columns.pdf"
    c = canvas_factory(path, size=10)
    c.drawCentredString(298, 790, "某区体育局2024年度部门决算情况说明")
    for k, (left, right) in enumerate(zip(LEFT, RIGHT)):
        y = 760 - 16 * k
        c.drawString(60, y, left)
        c.drawString(315, y, right)
    c.save()
    texts = _paragraphs(path)
    assert texts[0] == "某区体育局2024年度部门决算情况说明"
    assert "2024年度本年收入合计1,000.00万元，其中：财政拨款收入990.00万元，占99.00%；其他收入10.00万元，占1.00%。" in texts
    assert "2024年度机关运行经费支出110.00万元，比上年增加10.00万元，增长10.00%，主要是公务用车运行维护费增加。" in texts
    assert texts.index("二、收入决算情况说明") < texts.index("六、机关运行经费支出情况说明")


def test_one_column_with_a_gap_in_a_few_lines_is_read_by_lines(canvas_factory, tmp_path):
    """A page of prose across its width, a signature line with a wide gap at its foot: no columns."""
    path = tmp_path / "one.pdf"
    c = canvas_factory(path, size=10)
    lines = ["2024年度本部门收入合计1,000.00万元，支出合计1,000.00万元，与上年相比均有所增加，主要是",
             "业务经费增加。本年度机关运行经费支出110.00万元，比上年增加10.00万元，增长10.00%。"] * 3
    for k, line in enumerate(lines):
        c.drawString(60, 760 - 16 * k, line)
    c.drawString(60, 600, "单位负责人：张三某某")
    c.drawString(330, 600, "填报人：李四某某某某")
    c.save()
    texts = _paragraphs(path)
    assert any(t.startswith("单位负责人：张三某某") and "填报人" in t for t in texts)


def test_a_forms_fields_in_two_columns_and_a_note_under_them_are_read_by_lines(canvas_factory, tmp_path):
    """Label：value pairs side by side (项目名称：… 项目编号：…) are a form's fields, no columns of text; a
    note across the page under them keeps its short wrapped last line."""
    path = tmp_path / "form.pdf"
    c = canvas_factory(path, size=10)
    c.drawString(60, 790, "2025年度项目支出绩效自评基本信息表")
    for k, (left, right) in enumerate([("项目名称：城乡环卫一体化", "项目编号：QC2025-017"), ("年初预算数：380.00万元", "全年预算数：400.00万元"),
                                       ("全年执行数：388.00万元", "预算执行率：97.00%"), ("填报人：赵敏", "审核人：李晓红")]):
        c.drawString(60, 760 - 16 * k, left)
        c.drawString(315, 760 - 16 * k, right)
    c.drawString(60, 680, "说明：本项目全年预算400.00万元，执行388.00万元，清运垃圾18540吨，完成年度目标的103.00%，")
    c.drawString(60, 664, "预算执行率为97.00%。")
    c.save()
    texts = _paragraphs(path)
    assert texts[1].startswith("项目名称：城乡环卫一体化") and "项目编号" in texts[1]
    assert texts[-1].endswith("完成年度目标的103.00%，预算执行率为97.00%。")


def test_a_column_longer_than_the_other_keeps_its_last_line(canvas_factory, tmp_path):
    path = tmp_path / "longer.pdf"
    c = canvas_factory(path, size=10)
    c.drawCentredString(298, 790, "某区体育局2024年度部门决算情况说明")
    for k, (left, right) in enumerate(zip(LEFT, RIGHT[:3])):
        c.drawString(60, 760 - 16 * k, left)
        c.drawString(315, 760 - 16 * k, right)
    c.drawString(60, 760 - 16 * 3, LEFT[3])
    c.save()
    texts = _paragraphs(path)
    assert "2024年度本年收入合计1,000.00万元，其中：财政拨款收入990.00万元，占99.00%；其他收入10.00万元，占1.00%。" in texts
