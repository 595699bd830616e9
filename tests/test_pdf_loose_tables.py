"""Tables drawn without vertical rules (three-line tables, borderless tables) read from the
positions of their words (`pdf_loose_tables`): columns found from words lined up over the rows,
blank cells left blank, wrapped labels joined to their row, two-level headers kept, a part on the
next page joined when its columns line up. Both PDF readers build the same model."""
from __future__ import annotations

from test_pdf_text_layer import _first_difference, _models


def _rule(c, y, x0=60, x1=540, width=1.0):
    c.setLineWidth(width)
    c.line(x0, y, x1, y)


def _tables(path):
    fast, reference, _ = _models(path)
    assert fast == reference, _first_difference(fast, reference)
    return [[[cell["text"] for cell in row] for row in b["rows"]] for b in fast["blocks"] if b.get("rows")], fast


def _words(c, y, placed):
    """Each (x, word) drawn on the line at y."""
    for x, word in placed:
        c.drawString(x, y, word)


def _ruled_row(c, cells, top):
    """A row of ruled cells, each (x0, x1, text), 20 points high from `top`."""
    for x0, x1, text in cells:
        c.rect(x0, top, x1 - x0, 20)
        c.drawString(x0 + 4, top + 6, text)


def _one_table(c, path):
    """The page closed and the file saved: its one table's rows, and the model."""
    c.showPage()
    c.save()
    tables, model = _tables(path)
    assert len(tables) == 1
    return tables[0], model


def _two_sided(c, top, rules=True):
    """A 收支总表 of two sides: each row a label, a line number and an amount on each side; a
    long label wrapped over three lines, set in the middle of its cell; rows with the left side
    blank."""
    c.drawString(240, top + 30, "收入支出决算总表")
    if rules:
        _rule(c, top + 14)
    for x, word in ((120, "收入"), (380, "支出")):
        c.drawString(x, top, word)
    for x, word in ((70, "项目"), (200, "行次"), (250, "金额"), (320, "项目"), (460, "行次"), (510, "金额")):
        c.drawString(x, top - 16, word)
    if rules:
        _rule(c, top - 22, width=0.5)
    rows = [("一、财政拨款收入", "1", "860.40", "一、一般公共服务支出", "21", "512.30"),
            (("二、事业单位经营服务", "性收入"), "2", "45.00", "二、教育支出", "22", "300.10"),
            ("三、其他收入", "3", "12.00", "三、文化旅游体育与传媒支出", "23", "80.00"),
            ("", "", "", "四、住房保障支出", "24", "25.00"),
            ("本年收入合计", "4", "917.40", "本年支出合计", "25", "917.40")]
    y = top - 38
    for label, n1, a1, label2, n2, a2 in rows:
        if isinstance(label, tuple):  # set in the middle of its cell: a line above and one below
            c.drawString(70, y + 5.5, label[0])
            c.drawString(70, y - 5.5, label[1])
        elif label:
            c.drawString(70, y, label)
        if n1:
            c.drawString(200, y, n1)
            c.drawRightString(290, y, a1)
        c.drawString(320, y, label2)
        c.drawString(460, y, n2)
        c.drawRightString(540, y, a2)
        y -= 20
    if rules:
        _rule(c, y + 10)
    return y


def test_a_three_line_table_is_read_by_its_words_columns(tmp_path, canvas_factory):
    path = tmp_path / "three-line.pdf"
    c = canvas_factory(path)
    _two_sided(c, 760)
    c.showPage()
    c.save()
    tables, _ = _tables(path)
    assert len(tables) == 1
    rows = tables[0]
    assert rows[0][0] == "收入" and rows[1] == ["项目", "行次", "金额", "项目", "行次", "金额"]
    # the wrapped label joined, on its row of figures, not taken for a heading
    assert rows[3] == ["二、事业单位经营服务性收入", "2", "45.00", "二、教育支出", "22", "300.10"]
    # a row with the left side blank: its label stays in the right side's column
    assert rows[5] == ["", "", "", "四、住房保障支出", "24", "25.00"]
    assert rows[6][3] == "本年支出合计" and rows[6][5] == "917.40"


def test_a_borderless_table_keeps_blank_cells_blank(tmp_path, canvas_factory):
    """No rules at all; rows with one, two or three figures (人员经费 or 公用经费 blank); a label
    wrapped at the cell's top; a column no row fills known by its header."""
    path = tmp_path / "borderless.pdf"
    c = canvas_factory(path)
    c.drawString(200, 800, "基本支出决算明细表")
    c.drawString(60, 780, "金额单位：万元")
    for x, word in ((60, "科目编码"), (130, "科目名称"), (300, "合计"), (380, "人员经费"), (450, "公用经费"), (510, "备注")):
        c.drawString(x, 760, word)
    rows = [("", "合计", "186.30", "150.10", "36.20"), ("301", "工资福利支出", "150.10", "150.10", ""),
            ("30101", ("基本工资和津贴", "补贴"), "120.00", "120.00", ""), ("30113", "住房公积金", "30.10", "30.10", ""),
            ("302", "商品和服务支出", "36.20", "", "36.20"), ("30201", "办公费", "36.20", "", "36.20")]
    y = 740
    for code, name, total, staff, running in rows:
        c.drawString(60, y, code)
        if isinstance(name, tuple):
            c.drawString(130, y, name[0])
            c.drawString(130, y - 11, name[1])
        else:
            c.drawString(130, y, name)
        for x, value in ((340, total), (420, staff), (490, running)):
            if value:
                c.drawRightString(x, y, value)
        y -= 28 if isinstance(name, tuple) else 17
    c.setFont("STSong-Light", 11)
    c.drawString(60, y - 20, "注：本表反映本年度一般公共预算财政拨款基本支出明细情况，按经济分类科目列示。")
    c.showPage()
    c.save()
    tables, model = _tables(path)
    assert len(tables) == 1
    rows = tables[0]
    assert rows[0] == ["科目编码", "科目名称", "合计", "人员经费", "公用经费", "备注"]
    assert rows[1] == ["", "合计", "186.30", "150.10", "36.20", ""]
    assert rows[2] == ["301", "工资福利支出", "150.10", "150.10", "", ""]
    assert rows[3] == ["30101", "基本工资和津贴补贴", "120.00", "120.00", "", ""]
    assert rows[5] == ["302", "商品和服务支出", "36.20", "", "36.20", ""]
    assert any("注：本表反映" in (b.get("text") or "") for b in model["blocks"])


def test_a_part_on_the_next_page_joins_when_its_columns_line_up(tmp_path, canvas_factory):
    """A borderless table run over a page break, no header repeated and a column blank on the
    second page: the part's columns line up with the table's, so it goes on as its rows."""
    path = tmp_path / "two-pages.pdf"
    c = canvas_factory(path)
    c.drawString(220, 800, "项目支出决算表")
    for x, word in ((60, "科目编码"), (140, "科目名称"), (330, "本年支出合计"), (420, "基本支出"), (490, "项目支出")):
        c.drawString(x, 780, word)
    y = 760
    first = [("213", "农林水支出", "530.00", "130.00", "400.00"), ("21301", "农业农村", "530.00", "130.00", "400.00"),
             ("2130101", "行政运行", "130.00", "130.00", "0.00")]
    for row in first:
        for x, value in zip((60, 140), row[:2]):
            c.drawString(x, y, value)
        for x, value in zip((380, 460, 530), row[2:]):
            c.drawRightString(x, y, value)
        y -= 17
    c.showPage()
    c.setFont("STSong-Light", 9)
    y = 800
    for code, name, total, project in (("2130122", "农业生产发展", "250.00", "250.00"), ("2130153", "农田建设", "150.00", "150.00"),
                                       ("2130199", "其他农业农村支出", "0.00", "0.00")):
        c.drawString(60, y, code)
        c.drawString(140, y, name)
        c.drawRightString(380, y, total)
        c.drawRightString(530, y, project)
        y -= 17
    c.showPage()
    c.save()
    tables, _ = _tables(path)
    assert len(tables) == 1
    rows = tables[0]
    assert len(rows) == 7 and rows[4] == ["2130122", "农业生产发展", "250.00", "", "250.00"]


def test_a_ruled_part_missing_a_column_joins_the_table(tmp_path, canvas_factory):
    """A ruled form cut by a page break whose first part has no row drawing one of its rules (a
    merged cell hides it): 2 columns on one page, 3 on the next, their starts lined up."""
    path = tmp_path / "ruled.pdf"
    c = canvas_factory(path)

    _ruled_row(c, [(60, 200, "项目名称"), (200, 500, "乡村道路养护工程")], 700)
    _ruled_row(c, [(60, 200, "主管部门"), (200, 500, "某县交通运输局")], 680)
    c.showPage()
    c.setFont("STSong-Light", 9)
    _ruled_row(c, [(60, 200, "一级指标"), (200, 380, "三级指标"), (380, 500, "得分")], 760)
    _ruled_row(c, [(60, 200, "产出指标"), (200, 380, "养护里程"), (380, 500, "20")], 740)
    _ruled_row(c, [(60, 200, "总分"), (200, 380, ""), (380, 500, "20")], 720)
    c.showPage()
    c.save()
    tables, _ = _tables(path)
    assert len(tables) == 1
    assert tables[0][0] == ["项目名称", "乡村道路养护工程", ""] and tables[0][-1] == ["总分", "", "20"]


def test_a_row_the_page_break_cut_is_one_row_again(tmp_path, canvas_factory):
    """A ruled table whose row's label a page break cut (1、公务用车购置及运行维护 | 8.10 at the page's
    foot, 费 alone atop the next): one row, its label whole; a row of its own opening an item (2、…)
    stays a row."""
    path = tmp_path / "cut.pdf"
    c = canvas_factory(path)

    _ruled_row(c, [(60, 300, "项目"), (300, 400, "预算数"), (400, 500, "决算数")], 120)
    _ruled_row(c, [(60, 300, "“三公”经费"), (300, 400, "14.00"), (400, 500, "13.20")], 100)
    _ruled_row(c, [(60, 300, "1、公务用车购置及运行维护"), (300, 400, "9.00"), (400, 500, "8.70")], 80)
    c.showPage()
    c.setFont("STSong-Light", 9)
    _ruled_row(c, [(60, 300, "费"), (300, 400, ""), (400, 500, "")], 760)
    _ruled_row(c, [(60, 300, "2、公务接待费"), (300, 400, "5.00"), (400, 500, "4.50")], 740)
    c.showPage()
    c.save()
    tables, _ = _tables(path)
    assert len(tables) == 1
    assert [r[0] for r in tables[0]] == ["项目", "“三公”经费", "1、公务用车购置及运行维护费", "2、公务接待费"]
    assert tables[0][2] == ["1、公务用车购置及运行维护费", "9.00", "8.70"]


def test_a_table_of_one_figure_a_row_closed_by_its_total_is_read(tmp_path, canvas_factory):
    """No rules, a label and one figure a row (项目 | 金额): no line of two figures to find it by; its
    total's row (本年收入合计) tells it is a table. A contents page's lines of page numbers, labels
    and one figure each too, close on no total and stay lines."""
    path = tmp_path / "two-columns.pdf"
    c = canvas_factory(path)
    c.drawString(200, 800, "收入决算表")
    c.drawString(60, 780, "单位：万元")
    c.drawString(60, 760, "项目")
    c.drawString(300, 760, "金额")
    rows = [("财政拨款收入", "6,420.15"), ("事业收入", "905.30"), ("其他收入", "112.55"), ("本年收入合计", "7,438.00")]
    for k, (label, value) in enumerate(rows):
        c.drawString(60, 740 - 18 * k, label)
        c.drawRightString(340, 740 - 18 * k, value)
    c.drawString(60, 640, "目录")
    for k, (label, page) in enumerate((("一、部门主要职责", "3"), ("二、部门决算表", "5"), ("三、决算情况说明", "18"))):
        c.drawString(60, 620 - 18 * k, label)
        c.drawRightString(340, 620 - 18 * k, page)
    c.showPage()
    c.save()
    tables, _ = _tables(path)
    assert tables == [[["项目", "金额"], ["财政拨款收入", "6,420.15"], ["事业收入", "905.30"], ["其他收入", "112.55"],
                       ["本年收入合计", "7,438.00"]]]


def test_one_row_of_three_figures_under_a_two_level_header_is_a_table(tmp_path, canvas_factory):
    """A borderless table of one row (收入合计) under a header of two levels (预算数 over 年初 |
    调整后; 决算数 over 本年): three figures set apart under words are a table's row, not a line of prose."""
    path = tmp_path / "one-row.pdf"
    c = canvas_factory(path)
    c.drawString(60, 800, "单位：万元")
    for x, word in ((300, "预算数"), (480, "决算数")):
        c.drawString(x, 780, word)
    c.drawString(60, 772, "项目")
    for x, word in ((270, "年初"), (360, "调整后"), (480, "本年")):
        c.drawString(x, 764, word)
    c.drawString(60, 744, "收入合计")
    for x, value in ((320, "55,147.50"), (420, "57,853.30"), (530, "60,662.24")):
        c.drawRightString(x, 744, value)
    c.showPage()
    c.save()
    tables, _ = _tables(path)
    assert len(tables) == 1
    assert tables[0][-1] == ["收入合计", "55,147.50", "57,853.30", "60,662.24"]


def test_prose_and_a_list_of_figures_are_no_table(tmp_path, canvas_factory):
    path = tmp_path / "prose.pdf"
    c = canvas_factory(path)
    c.setFont("STSong-Light", 11)
    lines = ["2024年度本年收入合计917.40万元，较上年增加52.10万元，增长6.02%。",
             "其中：财政拨款收入860.40万元，占93.79%；事业收入45.00万元，占4.91%。",
             "本年支出合计917.40万元，其中基本支出186.30万元，项目支出731.10万元。"]
    for k, line in enumerate(lines):
        c.drawString(60, 780 - 18 * k, line)
    c.showPage()
    c.save()
    tables, model = _tables(path)
    assert tables == []
    assert len([b for b in model["blocks"] if b.get("text")]) >= 1


def test_a_continued_part_drops_its_whole_repeated_two_row_header():
    """续表 over the rest of a table whose two header rows are printed again: both are dropped,
    not only the first (the second would be read as a row of the table)."""
    from auditor.ingest.build import join_continued_tables
    from auditor.ingest.raw import RawBlock, RawCell

    def rows(page, *texts):
        return [[RawCell(t, page=page) for t in row] for row in texts]

    head = (("项目", "", "本年支出", ""), ("科目编码", "科目名称", "基本支出", "项目支出"))
    first = RawBlock("table", rows=rows(1, *head, ("201", "一般公共服务支出", "10.00", "5.00")), page=1)
    mark = RawBlock("para", text="续表", page=2)
    rest = RawBlock("table", rows=rows(2, *head, ("208", "社会保障和就业支出", "3.00", "0.00")), page=2)
    (table,) = join_continued_tables([first, mark, rest])
    assert [row[0].text for row in table.rows] == ["项目", "科目编码", "201", "208"]


def test_a_numbered_label_wrapped_over_its_figures_is_one_row(tmp_path, canvas_factory):
    """Borderless: a label wrapped over two lines with its figures set in the cell's middle, between
    them; the label's first line, numbered and above the first row of figures, is that row's label,
    no header line (a head is never numbered)."""
    path = tmp_path / "wrapped-numbered.pdf"
    c = canvas_factory(path)
    c.drawString(220, 800, "财政拨款收入支出决算总表")
    _words(c, 770, ((60, "项目"), (200, "金额"), (300, "项目"), (480, "金额")))
    y = 745
    rows = [(("一、一般公共", "预算财政拨款"), "859.35", ("一、一般公", "共服务支出"), "716.40"),
            ("二、政府性基金预算财政拨款", "0.00", "二、住房保障支出", "45.63"),
            ("本年收入合计", "859.35", "本年支出合计", "762.03")]
    for left, a1, right, a2 in rows:
        for x, label in ((60, left), (300, right)):
            if isinstance(label, tuple):
                c.drawString(x, y + 6, label[0])
                c.drawString(x, y - 6, label[1])
            else:
                c.drawString(x, y, label)
        c.drawRightString(240, y, a1)
        c.drawRightString(520, y, a2)
        y -= 20
    rows, model = _one_table(c, path)
    assert rows[0] == ["项目", "金额", "项目", "金额"]
    assert rows[1] == ["一、一般公共预算财政拨款", "859.35", "一、一般公共服务支出", "716.40"]
    assert rows[3] == ["本年收入合计", "859.35", "本年支出合计", "762.03"]


def test_a_numbered_chunk_in_kangxi_radicals_is_no_head():
    """A PDF font may print 一 as the Kangxi radical ⼀ (U+2F00): the numbering reads through it."""
    from auditor.ingest.pdf_loose_tables import _Chunk, _Line, _header_like

    def line(*texts):
        return _Line(top=100.0, size=9.0, chunks=[_Chunk(60.0 + 100 * k, 120.0 + 100 * k, t, False) for k, t in enumerate(texts)])

    assert not _header_like(line("⼀、⼀般公共", "⼀、⼀般公"))
    assert _header_like(line("项⽬", "⾦额"))
    # (a head further along may be numbered: 项目 | 合计 | 1.因公出国（境）费)
    assert _header_like(line("项目", "合计", "1.因公出国（境）费"))


def test_a_tall_header_over_a_double_rule_stays_the_tables(tmp_path, canvas_factory):
    """A header row set tall, its words in the middle, further above the first row than rows stand
    apart, and a rule under it printed as two strokes a hair apart (each cell's border): the header
    is still the table's (its heads, its title above it), the double rule one rule."""
    path = tmp_path / "tall-header.pdf"
    c = canvas_factory(path)
    c.drawString(240, 800, "支出决算表")
    _rule(c, 785)
    _words(c, 768, ((60, "科目名称"), (250, "本年支出合计"), (350, "基本支出"), (450, "项目支出")))
    _rule(c, 748, width=0.5)
    _rule(c, 747.3, width=0.5)
    y = 738  # (30 points under the header's line, 3.3 times the type size)
    for name, total, basic, project in (("合计", "955.95", "697.21", "258.74"), ("一般公共服务支出", "776.15", "517.41", "258.74"),
                                         ("社会保障和就业支出", "94.28", "94.28", "0.00"), ("卫生健康支出", "85.52", "85.52", "0.00")):
        c.drawString(60, y, name)
        for x, value in ((300, total), (400, basic), (500, project)):
            c.drawRightString(x, y, value)
        y -= 20
    _rule(c, y + 10)
    rows, model = _one_table(c, path)
    assert rows[0] == ["科目名称", "本年支出合计", "基本支出", "项目支出"]
    assert rows[1] == ["合计", "955.95", "697.21", "258.74"]
    assert not any("本年支出合计" in (b.get("text") or "") for b in model["blocks"])


def test_heads_set_closer_than_a_cell_gap_stand_in_their_columns(tmp_path, canvas_factory):
    """A narrow padding sets a header's heads less than a cell's gap apart (本年支出合计 基本支出 项目支出
    read as one chunk): each stands over its column of figures; a label numbered 1. wrapped over the
    line of its figures, the line above it one line height of 1.5 away, is its row's."""
    path = tmp_path / "close-heads.pdf"
    c = canvas_factory(path)
    c.drawString(60, 800, "表1 支出决算表（单位：万元）")
    c.drawString(60, 770, "项目")
    c.drawString(160, 770, "本年支出合计")
    c.drawString(220, 770, "基本支出")  # (6 points after 本年支出合计: less than the type size)
    c.drawString(262, 770, "项目支出")
    y = 745
    for label, values in (("1.水利工程运行与维", None), ("护（含小型水库除险加固）", ("612.40", "102.40", "510.00")),
                          ("2.其他水利支出", ("38.20", "0.00", "38.20")), ("合计", ("650.60", "102.40", "548.20"))):
        c.drawString(60, y, label)
        if values:
            for x, value in zip((214, 256, 298), values):
                c.drawRightString(x, y, value)
        y -= 13.5 if values is None else 20  # (the wrapped line 1.5 × 9 points above the next)
    rows, model = _one_table(c, path)
    assert rows[0] == ["项目", "本年支出合计", "基本支出", "项目支出"]
    assert rows[1] == ["1.水利工程运行与维护（含小型水库除险加固）", "612.40", "102.40", "510.00"]
    assert rows[3] == ["合计", "650.60", "102.40", "548.20"]


def _code_rows(c, y, rows, xs=(60, 140), amounts=(380, 460, 530)):
    for row in rows:
        for x, value in zip(xs, row[:2]):
            c.drawString(x, y, value)
        for x, value in zip(amounts, row[2:]):
            c.drawRightString(x, y, value)
        y -= 17
    return y


def test_a_part_under_continued_and_the_forms_number_line_joins_its_table(tmp_path, canvas_factory):
    """Borderless, cut by a page break: 续表 and the form's number and unit line (公开03表　单位：万元)
    printed again over the rest, its header repeated wrapped otherwise (科目编 / 码 on the first page,
    科目编码 on the second): one table, the repeated header dropped."""
    path = tmp_path / "continued.pdf"
    c = canvas_factory(path)
    c.drawString(240, 810, "支出决算表")
    c.drawString(400, 795, "公开03表　单位：万元")
    for x, y, word in ((60, 775, "科目编"), (60, 765, "码"), (140, 770, "科目名称"), (330, 770, "本年支出合计"),
                       (420, 770, "基本支出"), (490, 770, "项目支出")):
        c.drawString(x, y, word)
    _code_rows(c, 745, [("", "合计", "300.00", "200.00", "100.00"), ("201", "一般公共服务支出", "180.00", "120.00", "60.00"),
                        ("20103", "政府办公厅（室）及相关机构事务", "180.00", "120.00", "60.00")])
    c.showPage()
    c.setFont("STSong-Light", 9)
    c.drawString(60, 810, "续表")
    c.drawString(400, 795, "公开03表　单位：万元")
    _words(c, 770, ((60, "科目编码"), (140, "科目名称"), (330, "本年支出合计"), (420, "基本支出"), (490, "项目支出")))
    _code_rows(c, 750, [("210", "卫生健康支出", "120.00", "80.00", "40.00"), ("21011", "行政事业单位医疗", "120.00", "80.00", "40.00"),
                        ("2101101", "行政单位医疗", "120.00", "80.00", "40.00")])
    rows, model = _one_table(c, path)
    assert [r[0] for r in rows].count("科目编码") == 1  # (the header repeated is dropped)
    assert rows[-1][:3] == ["2101101", "行政单位医疗", "120.00"]


def _labelled_figures(c, y: float, labels_at: tuple, figures_at: tuple, rows, pitch: float = 16) -> float:
    """Rows of labels (left-aligned at `labels_at`) and figures (right-aligned at `figures_at`, a blank
    one left out) drawn down from `y`: the height under the last."""
    for row in rows:
        for x, text in zip(labels_at, row):
            c.drawString(x, y, text)
        for x, figure in zip(figures_at, row[len(labels_at):]):
            if figure:
                c.drawRightString(x, y, figure)
        y -= pitch
    return y


def _two_sided_close(canvas_factory, path, size: float, head: str, figure_end: float, pitch: float, rows) -> list:
    """A 收支总表 whose amounts end at `figure_end`, the next side's labels starting at 240: its rows."""
    c = canvas_factory(path, size=size)
    c.drawString(240, 800, "收入支出决算总表")
    _words(c, 780, ((60, "项目"), (200, head), (240, "项目"), (400, head)))
    y = 760
    for left, a1, right, a2 in rows:
        c.drawString(60, y, left)
        c.drawRightString(figure_end, y, a1)
        c.drawString(240, y, right)
        c.drawRightString(430, y, a2)
        y -= pitch
    return _one_table(c, path)[0]


def test_a_figure_and_the_next_cells_words_set_close_are_two_cells(tmp_path, canvas_factory):
    """A 收支总表 whose amounts are set to the right of their cells and the next side's labels to the
    left of theirs, a narrow padding between (less than a character): each figure a cell of its own,
    so the rows with two figures make the table."""
    rows = _two_sided_close(canvas_factory, tmp_path / "close-cells.pdf", 9, "决算数", 235, 17, (
        ("一、一般公共预算财政拨款收入", "859.35", "一般公共服务支出", "716.40"),
        ("二、事业收入", "20.00", "住房保障支出", "162.95"),
        ("本年收入合计", "879.35", "本年支出合计", "879.35")))  # (the label after each figure 5 points further)
    assert ["一、一般公共预算财政拨款收入", "859.35", "一般公共服务支出", "716.40"] in rows


def test_a_figure_and_the_next_cells_words_half_a_character_apart_are_two_cells(tmp_path, canvas_factory):
    """Two narrow paddings, a figure's last digit and the next cell's Chinese label 4 points apart in
    8-point type (no space character between): two cells, the 支出 side's row kept whole."""
    rows = _two_sided_close(canvas_factory, tmp_path / "half-char.pdf", 8, "金额", 236, 16, (
        ("一、一般公共预算财政拨款收入", "5,839.56", "一、一般公共服务支出", "5,312.38"),
        ("二、其他收入", "35.60", "二、社会保障和就业支出", "279.63"),
        ("本年收入合计", "5,875.16", "本年支出合计", "5,592.01")))  # (the label after each figure 4 points further: half the type size)
    assert ["二、其他收入", "35.60", "二、社会保障和就业支出", "279.63"] in rows


def test_a_column_numbers_row_centred_under_the_heads_is_no_row_of_figures(tmp_path, canvas_factory):
    """A 栏次 row (栏次 1 2 3) with its digits centred in the columns, the amounts set to the right:
    the header's last row, so the columns stay the amounts' and each amount stays in its column."""
    path = tmp_path / "column-numbers.pdf"
    c = canvas_factory(path)
    _rule(c, 792)
    _words(c, 780, ((60, "科目编码"), (120, "科目名称"), (300, "本年支出合计"), (390, "基本支出"), (470, "项目支出")))
    _rule(c, 774, width=0.5)
    c.drawString(60, 764, "栏次")
    for x, digit in ((330, "1"), (415, "2"), (495, "3")):
        c.drawCentredString(x, 764, digit)
    y = _labelled_figures(c, 748, (60, 120), (370, 450, 530), (("合计", "", "5,592.01", "1,525.31", "4,066.70"),
                                                              ("208", "社会保障和就业支出", "279.63", "279.63", ""),
                                                              ("211", "节能环保支出", "5,312.38", "1,245.68", "4,066.70")))
    _rule(c, y + 8)
    rows, _ = _one_table(c, path)
    assert ["208", "社会保障和就业支出", "279.63", "279.63", ""] in rows
    assert ["211", "节能环保支出", "5,312.38", "1,245.68", "4,066.70"] in rows


def test_rows_of_a_fixed_tall_height_are_one_table(tmp_path, canvas_factory):
    """A three-line table of 9-point type in rows 0.8 cm high (22.7 points, more than LINE_GAP sizes
    apart), a category row of words among them: its rows of figures lined up are one table's, the
    category row too, the 合计 row last."""
    path = tmp_path / "tall-rows.pdf"
    c = canvas_factory(path)
    _rule(c, 800)
    _words(c, 788, ((60, "项目"), (300, "全年预算数"), (400, "全年执行数")))
    _rule(c, 780, width=0.5)
    y = 764
    for label, budget, spent in (("一、基本支出", "", ""), ("人员经费", "1,245.68", "1,240.10"),
                                 ("公用经费", "279.63", "275.00"), ("二、项目支出", "4,066.70", "3,980.25"),
                                 ("合计", "5,592.01", "5,495.35")):
        c.drawString(60, y, label)
        for x, figure in ((350, budget), (450, spent)):
            if figure:
                c.drawRightString(x, y, figure)
        y -= 22.7
    _rule(c, y + 14)
    rows, _ = _one_table(c, path)
    assert rows[-1] == ["合计", "5,592.01", "5,495.35"]
    # (the category's row of words right under the header opens the body; the header stays the table's)
    assert rows[:3] == [["项目", "全年预算数", "全年执行数"], ["一、基本支出", "", ""], ["人员经费", "1,245.68", "1,240.10"]]


def test_a_short_rule_under_a_group_head_is_inside_the_header(tmp_path, canvas_factory):
    """A three-line table whose group head (本年支出 over 小计 | 基本支出 | 项目支出) has a short rule
    under it, from the amounts' columns only: the header's two rows stay the table's."""
    path = tmp_path / "group-rule.pdf"
    c = canvas_factory(path)
    _rule(c, 800)
    _words(c, 788, ((60, "项目"), (380, "本年支出")))
    _rule(c, 782, x0=300, width=0.5)
    _words(c, 770, ((60, "科目名称"), (320, "小计"), (400, "基本支出"), (480, "项目支出")))
    _rule(c, 764, width=0.5)
    y = _labelled_figures(c, 750, (60,), (350, 440, 520), (("合计", "5,592.01", "1,525.31", "4,066.70"),
                                                         ("社会保障和就业支出", "279.63", "279.63", ""),
                                                         ("节能环保支出", "5,312.38", "1,245.68", "4,066.70")))
    _rule(c, y + 8)
    rows, _ = _one_table(c, path)
    assert rows[0][0] == "项目" and "本年支出" in rows[0]
    assert rows[1] == ["科目名称", "小计", "基本支出", "项目支出"]


def test_a_wrapped_head_starting_at_the_columns_edge_heads_the_next_column(tmp_path, canvas_factory):
    """A rate's head wrapped over two lines (完成年初预算比 / 例（%）) filling its column, its first
    line starting right where the amounts to its left end: the rate column's head, not theirs."""
    path = tmp_path / "wrapped-rate-head.pdf"
    c = canvas_factory(path)
    _rule(c, 800)
    c.drawString(406, 790, "完成年初预算比")
    _words(c, 785, ((60, "科目名称"), (290, "年初预算数"), (362, "决算数"), (474, "占比（%）")))
    c.drawString(420, 780, "例（%）")
    _rule(c, 774, width=0.5)
    y = 760
    for name, budget, spent, rate, share in (("行政运行", "1260.00", "1245.68", "98.86", "38.25"),
                                             ("大气", "2000.00", "2011.25", "100.56", "61.75"),
                                             ("合计", "3260.00", "3256.93", "99.91", "100.00")):
        c.drawString(60, y, name)
        for x, figure in ((342, budget), (404, spent), (470, rate), (520, share)):
            c.drawRightString(x, y, figure)
        y -= 16
    _rule(c, y + 8)
    rows, _ = _one_table(c, path)
    assert rows[0] == ["科目名称", "年初预算数", "决算数", "完成年初预算比例（%）", "占比（%）"]


def test_rows_ruled_off_in_a_box_with_no_column_rules_are_read_by_their_words(tmp_path, canvas_factory):
    """A box with a rule under each row and none between the columns (one cell a row to a table
    finder): the rows' words set apart are its columns, the figures each in its own."""
    path = tmp_path / "framed-rows.pdf"
    c = canvas_factory(path)
    c.rect(60, 700, 480, 96)
    y = 780
    for label, total, basic in (("项目", "本年支出合计", "基本支出"), ("合计", "1,765.08", "1,525.31"),
                                ("社会保障和就业支出", "279.63", "279.63"), ("节能环保支出", "1,485.45", "1,245.68"),
                                ("住房保障支出", "0.00", "0.00")):
        c.drawString(66, y, label)
        c.drawRightString(400, y, total)
        c.drawRightString(520, y, basic)
        _rule(c, y - 6)
        y -= 19
    rows, _ = _one_table(c, path)
    assert ["社会保障和就业支出", "279.63", "279.63"] in rows
    assert ["合计", "1,765.08", "1,525.31"] in rows


def test_narrow_heads_side_by_side_under_group_rules_with_gaps_stay_in_their_columns(tmp_path, canvas_factory):
    """A three-line 三公 table: 预算数 and 决算数 over their groups with a short rule under each (the two
    strokes a gap apart at one height), narrow heads set 4 points apart: the group row and each head
    in its column, the header whole."""
    path = tmp_path / "sangong-three-line.pdf"
    c = canvas_factory(path)
    _rule(c, 800)
    _words(c, 790, ((160, "预算数"), (400, "决算数")))
    _rule(c, 784, x0=60, x1=296, width=0.5)
    _rule(c, 784, x0=300, x1=536, width=0.5)
    heads = ("合计", "出国费", "购置费", "运行费", "接待费")
    for k, head in enumerate(heads):
        _words(c, 772, ((62 + 46 * k, head), (302 + 46 * k, head)))
    _rule(c, 764, width=0.5)
    for k, (a, b) in enumerate((("48.50", "37.78"), ("6.00", "0.00"), ("18.00", "17.62"), ("20.00", "18.30"), ("4.50", "1.86"))):
        c.drawRightString(100 + 46 * k, 750, a)
        c.drawRightString(340 + 46 * k, 750, b)
    _rule(c, 742)
    rows, _ = _one_table(c, path)
    assert rows[0][0] == "预算数" and "决算数" in rows[0]
    assert rows[1] == [*heads, *heads]
    assert rows[2][0] == "48.50" and rows[2][5] == "37.78"


def test_a_row_of_numbered_heads_right_of_the_labels_stays_in_the_header(tmp_path, canvas_factory):
    """Numbered sub-heads ((1)购置费 | (2)运行费 under 公务用车购置及运行费) standing right of the body's
    labels are header words, not a numbered row's label: the header keeps them."""
    path = tmp_path / "numbered-heads.pdf"
    c = canvas_factory(path)
    _rule(c, 800)
    _words(c, 788, ((60, "项目"), (200, "合计"), (330, "公务用车购置及运行费")))
    _words(c, 774, ((300, "（1）购置费"), (400, "（2）运行费")))
    _rule(c, 766, width=0.5)
    y = _labelled_figures(c, 752, (60,), (240, 350, 450), (("预算数", "38.50", "18.00", "20.50"),
                                                         ("决算数", "36.50", "17.62", "18.88")))
    _rule(c, y + 8)
    rows, _ = _one_table(c, path)
    assert "（1）购置费" in rows[1] and "（2）运行费" in rows[1]
    assert rows[-1] == ["决算数", "36.50", "17.62", "18.88"]


def test_a_header_repeated_wrapped_otherwise_is_known_again():
    """科目编 / 码 over two header rows on one page, 科目编码 over one on the next (a column set wider):
    the same heads column by column, so the part's two header rows repeat the table's."""
    from auditor.ingest.pdf_layout import _repeated_rewrapped
    from auditor.ingest.raw import RawCell

    def rows(*texts):
        return [[RawCell(t) for t in row] for row in texts]

    above = rows(["科目编", "科目名称", "本年收入", "", ""], ["码", "", "小计", "财政拨款收入", "事业收入"],
                 ["", "合计", "16,846,000", "14,703,866", "1,640,240"])
    part = rows(["科目编码", "科目名称", "本年收入", "", ""], ["", "", "小计", "财政拨款收入", "事业收入"],
                ["21011", "行政事业单位医疗", "2,209,600", "2,209,600", "0"])
    assert _repeated_rewrapped(above, part, 0) == 2
    # a head's wrapped rest alone on the part's second row (一级指 / 标)
    scores = rows(["一级指标", "二级指标", "分值", "得分"], ["预算执行", "预算执行", "10", "9.85"])
    rewrapped = rows(["一级指", "二级指标", "分值", "得分"], ["标", "", "", ""], ["满意度指标", "服务对象满意度", "10", "10"])
    assert _repeated_rewrapped(scores, rewrapped, 0) == 2
    assert _repeated_rewrapped(above, rows(["21011", "行政事业单位医疗", "2,209,600", "2,209,600", "0"],
                                           ["2101101", "行政单位医疗", "604,800", "604,800", "0"]), 0) == 0


def test_a_score_tables_centred_category_names_head_their_spans(tmp_path, canvas_factory):
    """A PDF's merged 一级指标 cells with their names in the middle of their rows (a browser centres
    them): the first row stands before any name; each name heads the rows of the span round it."""
    from auditor.ingest import load
    from auditor.tables.typed import typed_tables

    path = tmp_path / "centred-categories.pdf"
    c = canvas_factory(path)
    c.drawString(200, 800, "绩效指标完成情况表")
    _words(c, 780, ((60, "一级指标"), (130, "二级指标"), (210, "三级指标"), (330, "分值"), (400, "得分")))
    rows = [("", "数量指标", "检查次数", "20", "20"), ("产出指标", "", "培训人次", "20", "20"),
            ("", "质量指标", "合格率", "20", "20"), ("效益指标", "社会效益指标", "办事时长", "20", "20"),
            ("", "可持续影响指标", "长效机制", "20", "16")]
    y = 760
    for level1, level2, name, weight, score in rows:
        for x, text in ((60, level1), (130, level2), (210, name)):
            if text:
                c.drawString(x, y, text)
        c.drawRightString(350, y, weight)
        c.drawRightString(420, y, score)
        y -= 18
    c.drawString(210, y, "合计")
    c.drawRightString(350, y, "100")
    c.drawRightString(420, y, "96")
    c.showPage()
    c.save()
    scores = next(t for t in typed_tables(load(str(path))) if t.type == "performance_scores")
    assert [r.level1 for r in scores.records] == ["产出指标"] * 3 + ["效益指标"] * 2
