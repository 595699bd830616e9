"""The PDF reader's indexed table finder and extraction give what pdfplumber's TableFinder and
Table.extract give, table for table and cell for cell, on generated ruling lines and chars:
regular grids, jittered lines (snapped and joined by pdfplumber), merged and missing cells,
stray lines, several tables on a page, and coordinates that are not finite."""
from __future__ import annotations

import random

import pytest
from pdfplumber.table import TableFinder

from auditor.ingest import pdf_limits, pdf_tables
from auditor.ingest.raw import ReadError


def h_edge(x0: float, x1: float, y: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0,
            "height": 0, "orientation": "h"}


def v_edge(x: float, top: float, bottom: float) -> dict:
    return {"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0,
            "height": bottom - top, "orientation": "v"}


def char(text: str, x0: float, top: float, size: float = 9.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "doctop": top,
            "size": size, "upright": True, "width": size, "height": size}


def grid(r: random.Random, left: float, top: float) -> tuple[list[dict], list[dict]]:
    """A ruled table with jitter, merged and missing cells, and its text."""
    cols = [left]
    for _ in range(r.randint(1, 7)):
        cols.append(cols[-1] + r.choice([30, 45, 60, 90, 2.5]))
    rows = [top]
    for _ in range(r.randint(1, 12)):
        rows.append(rows[-1] + r.choice([12, 18, 24, 2]))
    jitter = lambda: r.choice([0, 0, 0, 0.2, -0.4, 1.5, 3.5])  # noqa: E731
    edges = []
    for y in rows:
        if r.random() < 0.15:  # a line drawn in pieces, some with gaps
            for a, b in zip(cols, cols[1:]):
                if r.random() < 0.85:
                    edges.append(h_edge(a + jitter(), b + jitter(), y + jitter()))
        else:
            edges.append(h_edge(cols[0] + jitter(), cols[-1] + jitter(), y + jitter()))
    for x in cols:
        if r.random() < 0.2:
            for a, b in zip(rows, rows[1:]):
                if r.random() < 0.8:
                    edges.append(v_edge(x + jitter(), a + jitter(), b + jitter()))
        else:
            edges.append(v_edge(x + jitter(), rows[0] + jitter(), rows[-1] + jitter()))
    for _ in range(r.randint(0, 4)):  # stray lines and duplicates
        edge = dict(r.choice(edges)) if r.random() < 0.5 else h_edge(left - 20, left + r.random() * 300, top + r.random() * 200)
        edges.append(edge)
    chars = []
    for a, b in zip(rows, rows[1:]):
        for c, d in zip(cols, cols[1:]):
            for k in range(r.randint(0, 4)):
                chars.append(char(r.choice("合计项目0123456789. "), c + 1 + 7 * k + r.random(), a + r.random() * (b - a)))
    return edges, chars


def compare(edges: list[dict], chars: list[dict]) -> int:
    fast = pdf_tables._PageShim((0, 0, 1000, 1000), chars, edges)
    reference = pdf_tables._PageShim((0, 0, 1000, 1000), chars, edges)
    tables = pdf_tables._find_tables(fast)
    expected = TableFinder(reference).tables
    assert [t.cells for t in tables] == [t.cells for t in expected]
    for table, other in zip(tables, expected):
        assert pdf_tables._extract(table) == other.extract()
    return len(tables)


@pytest.mark.parametrize("seed", range(40))
def test_tables_on_generated_ruling_lines_match_pdfplumber(seed):
    r = random.Random(seed)
    edges, chars = [], []
    for k in range(r.randint(1, 3)):
        more_edges, more_chars = grid(r, 40 + r.random() * 50 + 250 * (k % 2), 50 + 320 * (k // 2))
        edges += more_edges
        chars += more_chars
    r.shuffle(edges)
    if seed % 2:  # edges as pdfplumber makes them from pdfminer's objects carry more keys
        edges = [dict(e, doctop=e["top"] + 842, y0=842 - e["bottom"], y1=842 - e["top"]) for e in edges]
    chars += [char("注", 40, 900)]  # outside every table
    compare(edges, chars)


def test_coordinates_that_are_not_finite_give_the_same_tables():
    for seed in range(10):
        edges, chars = grid(random.Random(seed), 50, 50)
        edges.append(h_edge(float("-inf"), float("inf"), 60))
        edges.append(h_edge(40, 300, float("nan")))
        edges.append(v_edge(float("nan"), 10, 500))
        edges.append(v_edge(120, float("-inf"), float("inf")))
        edges.append(v_edge(2e6, 10, 500))
        chars.append(char("x", float("nan"), float("nan")))
        chars.append(char("y", 60, float("inf")))
        compare(edges, chars)


def test_a_dense_grid_is_found_in_bounded_time():
    """60 x 60 cells drawn as rectangles: 14,400 edges (within MAX_PAGE_EDGES)."""
    import time

    edges = []
    for row in range(60):
        for col in range(60):
            x, y = 20 + 9 * col, 20 + 9 * row
            edges += [h_edge(x, x + 9, y), h_edge(x, x + 9, y + 9), v_edge(x, y, y + 9), v_edge(x + 9, y, y + 9)]
    started = time.process_time()
    tables = pdf_tables._find_tables(pdf_tables._PageShim((0, 0, 600, 600), [], edges))
    assert len(tables) == 1 and len(tables[0].cells) == 3600
    assert time.process_time() - started < 10


def test_lines_that_never_cross_but_must_all_be_tested_are_refused(monkeypatch):
    """Long vertical lines beside a ladder of short horizontal ones far to the side: nothing
    crosses, yet every pair lies at the same height. Past MAX_PAGE_LINE_PAIRS the page is
    refused with 超出限制 instead of grinding on."""
    monkeypatch.setattr(pdf_limits, "MAX_PAGE_LINE_PAIRS", 10_000)
    edges = [v_edge(10 + 5 * k, 0, 900) for k in range(200)]
    edges += [h_edge(2000, 2010, 4.5 * k) for k in range(200)]
    with pytest.raises(ReadError) as caught:
        pdf_tables._find_tables(pdf_tables._PageShim((0, 0, 3000, 1000), [], edges, number=3))
    assert str(caught.value) == "超出限制：第 3 页的表格线过密：检查交点的线对超过上限 10,000 对"


@pytest.mark.parametrize("seed", range(30))
def test_cell_text_matches_pdfplumbers_extract_text(seed):
    """Cells of one or several lines, blanks, gaps just under and over 3 pt, tops jittered
    around the 3 pt line tolerance, overlapping chars, ligatures, empty and rotated chars."""
    from pdfplumber.utils.text import extract_text

    r = random.Random(seed)
    for _ in range(50):
        chars = []
        x, top = 10.0, 100.0
        for _ in range(r.randint(1, 25)):
            text = r.choice(["合", "计", "1", "0", ".", " ", "\u3000", "ﬁ", "万元", "", "A"])
            size = r.choice([9.0, 10.5, 12.0])
            chars.append(dict(char(text, x, top + r.choice([0, 0, 0, 0.5, -2.9, 3.1, 1.5]), size),
                              upright=r.random() > 0.02))
            x += size + r.choice([0, 0, 0, 0.1, 2.9, 3.1, 6, -size - 1])
            if r.random() < 0.12:  # next line of the cell
                x, top = 10.0 + r.random() * 5, top + r.choice([12, 14, 3.5, 2.5])
        r.shuffle(chars) if r.random() < 0.3 else None
        assert pdf_tables._cell_text(chars) == extract_text(chars), chars


def test_the_ligatures_are_pdfplumbers():
    from pdfplumber.utils.text import LIGATURES

    assert pdf_tables._LIGATURES == LIGATURES


def test_merged_edges_match_pdfplumbers():
    """Snapping and joining, compared edge for edge (keys and values) with pdfplumber's."""
    from pdfplumber.table import merge_edges

    for seed in range(30):
        r = random.Random(seed)
        edges, _ = grid(r, 50, 50)
        if seed % 2:
            edges = [dict(e, doctop=e["top"] + 842, y0=842 - e["bottom"], y1=842 - e["top"]) for e in edges]
        assert pdf_tables._merge_edges(edges) == merge_edges(edges, 3, 3, 3, 3)


def test_a_page_number_alone_at_the_top_or_bottom_of_a_page_is_furniture():
    from auditor.ingest.pdf_layout import _without_page_numbers

    lines = [(10.0, "— 4 —"), (20.0, "支出决算表"), (30.0, "单位：万元"), (700.0, "第 4 页 共 12 页")]
    assert _without_page_numbers(lines) == lines[1:3]
    assert _without_page_numbers([(10.0, "三、支出情况"), (20.0, "2025")]) == [(10.0, "三、支出情况")]


def test_a_table_running_on_over_a_page_break_drops_its_repeated_header_rows():
    from auditor.ingest.pdf_layout import _add_table
    from auditor.ingest.raw import RawBlock, RawCell

    def rows(page, *texts):
        return [[RawCell(t, page=page) for t in row.split("|")] for row in texts]

    blocks = [RawBlock("table", rows=rows(4, "科目编码|科目名称|合计", "|类|", "208|社会保障和就业支出|520.41"), page=4)]
    _add_table(blocks, rows(5, "科目编码|科目名称|合计", "|类|", "221|住房保障支出|134.72"), 5, continues=True)
    assert len(blocks) == 1
    assert [[c.text for c in r] for r in blocks[0].rows] == [["科目编码", "科目名称", "合计"], ["", "类", ""],
                                                          ["208", "社会保障和就业支出", "520.41"],
                                                          ["221", "住房保障支出", "134.72"]]


def test_a_running_header_above_a_continued_table_is_furniture():
    """The page opens with the line the page before opened with, and that page ended in a table:
    the line is the running header, and the table goes on. A different line is a title."""
    from auditor.ingest.pdf_layout import _running_header
    from auditor.ingest.raw import RawBlock, RawCell

    blocks = [RawBlock("para", text="某中心2024年度部门决算", page=3),
              RawBlock("table", rows=[[RawCell("2080505", page=3), RawCell("112.64", page=3)]], page=3)]
    assert _running_header(blocks, 4, "某中心2024年度部门决算")
    assert not _running_header(blocks, 4, "一般公共预算财政拨款基本支出决算表")
    assert not _running_header(blocks, 5, "某中心2024年度部门决算")  # the table ended two pages back
    blocks.append(RawBlock("para", text="注：以上为本年数。", page=3))
    assert not _running_header(blocks, 4, "某中心2024年度部门决算")  # the page before ended in text
