"""PDF: ruled tables and the text around them, page by page.

The text layer and the ruling lines are read with pypdfium2 (its functions bound directly, see
`_api`) and turned into the characters and edges pdfminer would have produced. Tables are found
by pdfplumber's table finder with its default settings, reproduced here with sorted indexes
(`_find_tables`, `_extract`, `_cell_text`; the tests compare them with pdfplumber's own) and run
only on pages that have ruling lines. Text outside table areas is read line by line (a tolerant
baseline, because numbers are often set a little off the Chinese text), then wrapped lines are
joined as for text exports. A table that runs on over a page break is continued, not split.
`read_pdf_plumber` is the former reader, pdfplumber for everything, kept as the reference the
tests compare the document model with; a page pdfium cannot describe as pdfminer would is read
by pdfplumber (imported only for such a file). Limits on pages and on what one page may hold
are in one place below.
"""
from __future__ import annotations

from .cleanup import clean_text, join_wrapped
from .raw import RawBlock, RawCell, ReadError
from .text import parse_lines

SAME_LINE_OVERLAP = 0.5  # a char joins the line its box overlaps by half its height or more

# --- Limits: one place, each with its reason (issue 9) ----------------------------------------
# A file past one of them is refused with a ReadError saying 超出限制 and naming the limit; the
# worker's memory and time limits (batch.py) stay the last line behind these.
#
# Pages in one file. 部门决算/预算 reports run 20-80 pages; a district's collected reports a
# few hundred. Reading costs some 10-40 ms a page, so 2,000 pages stay well inside the default
# per-file time limit (120 s), while a crafted page tree of millions of pages is refused
# before any page is loaded.
MAX_PAGES = 2_000
# Characters on one page. The densest real page in the corpora holds about 1,500; an A4 page
# set solid in 4-pt type some 20,000. Every character becomes a Python dict (~1 KB).
MAX_PAGE_CHARS = 100_000
# Page objects on one page, counting those inside form XObjects each time a form is placed
# (a form placed in a form placed in a form multiplies): real pages hold at most ~1,300.
MAX_PAGE_OBJECTS = 200_000
# Path segments on one page: a ruled table is about 5 per cell; a detailed vector map or chart
# some 100,000. Each costs four calls into pdfium (about 1 s per 200,000).
MAX_PAGE_SEGMENTS = 1_000_000
# Ruling-line edges handed to the table finder on one page: the densest real page has ~3,300
# (a 25-row, 8-column table drawn as cell rectangles gives 800). The finder's cost grows with
# the number of crossings, up to the square of the edges.
MAX_PAGE_EDGES = 40_000
# Pairs of ruling lines tested for a crossing on one page (a vertical line against the
# horizontal ones at its height): a real page tests some thousands; pdfplumber tests every
# vertical line against every horizontal one, so 40,000 edges alone allow 400 million. Under
# 1 s of Python at the limit (0.7 s measured for 200 lines against 25,000).
MAX_PAGE_LINE_PAIRS = 5_000_000

ENCRYPTED = "PDF 已加密，需要密码才能打开；请提供未加密的文件（在 PDF 阅读器中输入密码后另存为不加密的副本）"


def _limit(what: str) -> ReadError:
    return ReadError(f"超出限制：{what}")


def _encrypted(exc: BaseException) -> bool:
    """pdfminer's password and encryption errors, wrapped by pdfplumber or not."""
    from pdfminer.pdfdocument import PDFEncryptionError

    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, PDFEncryptionError) or any(isinstance(a, PDFEncryptionError) for a in exc.args):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _close_plumber(pdf) -> None:
    """pdfplumber's close() builds every page first (and so raises on a page it cannot
    build); closing must never replace the error that is being reported."""
    try:
        pdf.close()
    except Exception:
        try:
            pdf.stream.close()
        except Exception:
            pass


def _close_stream(pdf) -> None:
    """The file pdfplumber holds, closed without building its pages (a refused file)."""
    try:
        pdf.stream.close()
    except Exception:  # noqa: BLE001 - closing must never replace the error being reported
        pass


def _declared_pages(doc) -> int:
    """The page count the page tree declares (/Count), 0 when it cannot be read."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(doc.catalog["Pages"])["Count"])
        return count if isinstance(count, int) else 0
    except Exception:
        return 0


def read_pdf_plumber(path: str) -> list[RawBlock]:
    """pdfplumber for every page (the reference the pdfium reader reproduces)."""
    import pdfplumber

    pdf = None
    try:
        pdf = pdfplumber.open(path)
        declared = _declared_pages(pdf.doc)
        if declared > MAX_PAGES:  # before pdfplumber builds every page
            _close_stream(pdf)  # pdfplumber's close() would build them all first
            raise _limit(f"PDF 共 {declared:,} 页，上限为 {MAX_PAGES:,} 页")
        pages = pdf.pages
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many types for a broken file
        if pdf is not None:
            _close_plumber(pdf)
        if _encrypted(exc):
            raise ReadError(ENCRYPTED) from exc
        raise ReadError(f"无法打开 PDF 文件（文件损坏或不是 PDF）：{type(exc).__name__}") from exc
    try:
        if len(pages) > MAX_PAGES:
            raise _limit(f"PDF 共 {len(pages):,} 页，上限为 {MAX_PAGES:,} 页")
        try:
            if not any(page.chars for page in pages):
                raise ReadError("PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）后再检查")
            blocks: list[RawBlock] = []
            for number, page in enumerate(pages, start=1):
                _read_page(page, number, blocks)
                page.close()
        except ReadError:
            raise
        except Exception as exc:
            raise ReadError(f"PDF 内容无法解析：{type(exc).__name__}: {exc}") from exc
    finally:
        _close_plumber(pdf)
    return blocks


def read_pdf(path: str, stats: dict | None = None) -> list[RawBlock]:
    """`stats`, when given, counts the pages read by each library."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
            raise ReadError(ENCRYPTED) from exc
        return read_pdf_plumber(path)  # let the pdfplumber reader word the error
    except Exception:
        return read_pdf_plumber(path)
    plumber = fonts = None
    try:
        total = len(document)
        if total > MAX_PAGES:
            raise _limit(f"PDF 共 {total:,} 页，上限为 {MAX_PAGES:,} 页")
        try:
            fonts = _MinerFonts(path)
        except Exception:
            return read_pdf_plumber(path)
        blocks: list[RawBlock] = []
        any_text = False
        for index in range(total):
            page = document[index]
            try:
                try:
                    shim = _pdfium_page(page, fonts.page(index), index + 1)
                except _Fallback:
                    shim = None
                if shim is not None and shim.blank:
                    if stats is not None:
                        stats["pdfium"] = stats.get("pdfium", 0) + 1
                elif shim is None or not shim.chars:
                    # pdfplumber decides what this page holds (and whether the file has text)
                    if plumber is None:
                        plumber = _PlumberPages(path)
                    plumber_page = plumber.page(index)
                    if stats is not None:
                        stats["pdfplumber"] = stats.get("pdfplumber", 0) + 1
                    try:
                        any_text = any_text or bool(plumber_page.chars)
                        if shim is None or plumber_page.chars:
                            _read_page(_PageShim(plumber_page.bbox, plumber_page.chars, plumber_page.edges,
                                                 index + 1), index + 1, blocks)
                    finally:
                        plumber_page.close()
                else:
                    if stats is not None:
                        stats["pdfium"] = stats.get("pdfium", 0) + 1
                    any_text = True
                    _read_page(shim, index + 1, blocks)
            finally:
                page.close()
        if not any_text:
            raise ReadError("PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）后再检查")
        return blocks
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"PDF 内容无法解析：{type(exc).__name__}: {exc}") from exc
    finally:
        if plumber is not None:
            plumber.close()
        if fonts is not None:
            fonts.close()
        document.close()


class _PlumberPages:
    """The pages pdfium cannot describe, built by pdfplumber one at a time (`PDF.pages` builds
    every page of the file first, and closing the PDF builds them too). Each page starts at
    doctop 0, as the pdfium pages do; nothing read here uses doctop across pages. pdfplumber
    is imported only for a file that has such a page."""

    def __init__(self, path: str):
        import pdfplumber
        from pdfminer.pdfpage import PDFPage

        self.pdf = pdfplumber.open(path)
        self._source = PDFPage.create_pages(self.pdf.doc)
        self._next = 0

    def page(self, index: int):
        from pdfplumber.page import Page

        while True:  # pages are asked for in order
            page_obj = next(self._source, None)
            if page_obj is None:  # pdfminer finds fewer pages than pdfium
                raise ReadError(f"PDF 内容无法解析：第 {index + 1} 页不在页面目录中（页面目录损坏）")
            self._next += 1
            if self._next > index:
                return Page(self.pdf, page_obj, page_number=index + 1)

    def close(self) -> None:
        self.pdf.stream.close()


class _PageShim:
    """What `_read_page` and the table finder use of a page: pdfium's, or pdfplumber's chars and
    edges of a page pdfium cannot describe."""

    def __init__(self, bbox, chars, edges, number: int | None = None):
        self.bbox, self.chars, self.edges, self.number = bbox, chars, edges, number
        self._tables = None
        self.blank = False

    def find_tables(self):
        if self._tables is None:
            self._tables = []
            if self.edges:
                self._tables = _find_tables(self)
                for table in self._tables:  # the chars of its page a table reads are its own
                    x0, top, x1, bottom = table.bbox
                    table.page = _PageShim(self.bbox, [
                        c for c in self.chars
                        if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom
                    ], [])
        return self._tables

    def filter(self, keep):
        return _PageShim(self.bbox, [c for c in self.chars if keep(c)], [])


def _pdfium_page(page, fonts: _PageFonts, number: int) -> _PageShim:
    """The page as pdfminer would describe it; the limits are checked first, so that a page
    handed to pdfplumber has been held to them too."""
    api = _api()
    left, bottom, right, top = page.get_mediabox()
    height = top - bottom
    textpage = page.get_textpage()
    try:
        raw = _address(textpage.raw)
        count = api.count_chars(raw)
        if count > MAX_PAGE_CHARS:
            raise _limit(f"第 {number} 页有 {count:,} 个字符，上限为 {MAX_PAGE_CHARS:,} 个")
        edges, texts = _page_objects(_address(page.raw), height, number)
        if (left, bottom) != (0, 0) or page.get_cropbox() != (left, bottom, right, top) \
                or page.get_rotation() % 360:
            raise _Fallback("page box")
        chars, by_object, font_of = _pdfium_chars(raw, count, height, fonts)
    finally:
        textpage.close()
    shim = _PageShim((0, 0, right, height), chars, edges, number)
    shim.blank = not chars and not texts  # no text object at all: pdfminer has no char either
    if chars:
        shim.chars, doubtful = _restore_spaces(chars, by_object, font_of, texts, height, fonts)
        _check_doubtful(doubtful, shim.chars, shim.find_tables())
    return shim


def _read_page(page, number: int, blocks: list[RawBlock]) -> None:
    """`page`: a pdfplumber page (the reference reader: pdfplumber's own finder and
    extraction) or a `_PageShim` (the indexed equivalents below)."""
    extract = _extract if isinstance(page, _PageShim) else (lambda table: table.extract())
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    text_lines = _text_lines(page.filter(outside).chars)
    items = [(top, "text", text) for top, text in text_lines]
    items += [(t.bbox[1], "table", t) for t in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    pending: list[str] = []
    first_item = True
    for top, kind, payload in items:
        if kind == "text":
            pending.append(clean_text(payload))
            continue
        _flush(pending, number, blocks)
        pending = []
        rows = _table_rows(extract(payload), number)
        if rows:
            _add_table(blocks, rows, number, continues=first_item)
        first_item = False
    _flush(pending, number, blocks)


def _text_lines(chars) -> list[tuple[float, str]]:
    """Group chars into lines by vertical overlap, not by a fixed tolerance on `top`:
    published PDFs set numbers several points off the baseline of the Chinese text."""
    lines: list[list] = []  # [top, bottom, chars] of the line's first char
    for ch in sorted(chars, key=_line_order):
        top, bottom = ch["top"], ch["bottom"]
        height = max(bottom - top, 1.0)
        best, best_overlap = None, 0.0
        for line in lines[-4:]:
            overlap = min(line[1], bottom) - max(line[0], top)
            if overlap > best_overlap:
                best, best_overlap = line, overlap
        if best is not None and round(best_overlap, 3) >= round(SAME_LINE_OVERLAP * height, 3):
            best[2].append(ch)
        else:
            lines.append([top, bottom, [ch]])
    return [(line[0], _line_text(line[2])) for line in lines]


def _line_order(ch: dict) -> tuple:
    return round(ch["top"], 1), ch["x0"]


def _line_text(chars) -> str:
    parts, previous = [], None
    gaps: dict = {}  # size -> the gap beyond which a space is put in
    for ch in sorted(chars, key=_X0):
        # compared at 0.001 pt: pdfium's coordinates are single precision, pdfminer's double
        if previous is not None:
            size = ch.get("size", 10)
            gap = gaps.get(size)
            if gap is None:
                gap = gaps[size] = round(max(1.5, 0.25 * size), 3)
            if round(ch["x0"] - previous["x1"], 3) > gap:
                parts.append(" ")
        parts.append(ch["text"])
        previous = ch
    return "".join(parts)


def _flush(lines: list[str], page: int, blocks: list[RawBlock]) -> None:
    if not lines:
        return
    for block in parse_lines(lines):
        block.page = page
        for row in block.rows:
            for cell in row:
                cell.page = page
        blocks.append(block)


def _table_rows(grid: list[list[str | None]], page: int) -> list[list[RawCell]]:
    rows = []
    for row in grid:
        cells = []
        for value in row:
            text = ""
            for part in (value or "").split("\n"):
                text = join_wrapped(text, clean_text(part).strip())
            cells.append(RawCell(text, page=page))
        if any(c.text for c in cells):
            rows.append(cells)
    return rows


def _add_table(blocks: list[RawBlock], rows: list[list[RawCell]], page: int, continues: bool) -> None:
    previous = blocks[-1] if blocks else None
    if continues and previous is not None and previous.kind == "table" \
            and previous.rows[-1][0].page == page - 1 and len(previous.rows[0]) == len(rows[0]):
        header = [c.text for c in previous.rows[0]]
        if [c.text for c in rows[0]] == header:
            rows = rows[1:]  # the header repeated on the new page
        previous.rows.extend(rows)
        return
    blocks.append(RawBlock("table", rows=rows, page=page))


# --- pdfplumber's table finder and Table.extract, indexed ---------------------------------------
#
# The same steps on the same objects, giving the same tables in the same order: pdfplumber's
# edge merging and its Table class are used as they are; the crossings of ruling lines, the
# cells they close and the chars of each row are found through sorted indexes instead of
# testing every pair (pdfplumber: every vertical edge against every horizontal one, every
# crossing against every later one, every char of the page for every row).

_FINITE = 1e6  # page coordinates beyond this (or not numbers) are handled without the indexes
# pdfplumber's default table settings ("lines" strategies)
_SNAP = _JOIN = _INTERSECTION = 3  # snap_tolerance, join_tolerance, intersection_tolerance
_EDGE_MIN_LENGTH, _EDGE_MIN_LENGTH_PREFILTER = 3, 1


def _find_tables(page) -> list:
    """`pdfplumber.table.TableFinder(page).tables` with pdfplumber's default settings, without
    importing pdfplumber (a tenth of a second per process): its edge merging and Table class
    are reproduced below (compared with pdfplumber's in the tests)."""
    edges = _merge_edges([e for e in page.edges if e["orientation"] == "v"
                          and e["height"] >= _EDGE_MIN_LENGTH_PREFILTER]
                         + [e for e in page.edges if e["orientation"] == "h"
                            and e["width"] >= _EDGE_MIN_LENGTH_PREFILTER])
    edges = [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= _EDGE_MIN_LENGTH]
    intersections = _intersections(edges, _INTERSECTION, _INTERSECTION, getattr(page, "number", None))
    return [_Table(page, group) for group in _cells_to_tables(_intersection_cells(intersections))]


def _merge_edges(edges: list[dict]) -> list[dict]:
    """pdfplumber's merge_edges: edges snapped to the mean of their cluster (vertical ones by x0,
    horizontal ones by top), then those on one line joined where they touch or nearly."""
    from itertools import groupby

    snapped = _snap([e for e in edges if e["orientation"] == "v"], "x0", ("x0", "x1")) \
        + _snap([e for e in edges if e["orientation"] == "h"], "top", ("top", "bottom"))
    merged = []
    for (orientation, _), group in groupby(sorted(snapped, key=_edge_group), key=_edge_group):
        low, high = ("x0", "x1") if orientation == "h" else ("top", "bottom")
        ordered = sorted(group, key=lambda e: e[low])
        joined = [ordered[0]]
        for edge in ordered[1:]:
            last = joined[-1]
            if edge[low] <= last[high] + _JOIN:
                if edge[high] > last[high]:
                    joined[-1] = _resize(last, high, edge[high])
            else:
                joined.append(edge)
        merged += joined
    return merged


def _edge_group(edge: dict) -> tuple:
    return ("h", edge["top"]) if edge["orientation"] == "h" else ("v", edge["x0"])


def _snap(edges: list[dict], attr: str, moved: tuple[str, str]) -> list[dict]:
    """pdfplumber's snap_objects: each cluster of `attr` moved to its mean (move_object: both
    coordinates of the axis shifted, and doctop, y0/y1 when the edge has them)."""
    snapped = []
    for cluster in _clusters(edges, lambda e: e[attr]):
        mean = sum(e[attr] for e in cluster) / len(cluster)
        for edge in cluster:
            shift = mean - edge[attr]
            items = [(moved[0], edge[moved[0]] + shift), (moved[1], edge[moved[1]] + shift)]
            if moved[0] == "top":
                if "doctop" in edge:
                    items.append(("doctop", edge["doctop"] + shift))
                if "y0" in edge:
                    items += [("y0", edge["y0"] - shift), ("y1", edge["y1"] - shift)]
            snapped.append(dict(tuple(edge.items()) + tuple(items)))
    return snapped


def _resize(edge: dict, key: str, value: float) -> dict:
    """pdfplumber's resize_object for the far end of an edge (x1 or bottom)."""
    items = [(key, value)]
    if key == "x1":
        items.append(("width", value - edge["x0"]))
    else:
        items.append(("height", edge["height"] + (value - edge[key])))
        if "y0" in edge:
            items.append(("y0", edge["y0"] - (value - edge[key])))
    return dict(tuple(edge.items()) + tuple(items))


class _Table:
    """pdfplumber's Table: its cells, its bbox and its rows (each row a bbox and one cell or None
    per column x0 of the table)."""

    def __init__(self, page, cells: list[tuple]):
        self.page, self.cells = page, cells

    @property
    def bbox(self) -> tuple:
        cells = self.cells
        return (min(c[0] for c in cells), min(c[1] for c in cells),
                max(c[2] for c in cells), max(c[3] for c in cells))

    @property
    def rows(self) -> list["_Row"]:
        from itertools import groupby

        xs = sorted(set(c[0] for c in self.cells))
        rows = []
        for _, row_cells in groupby(sorted(self.cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
            by_x = {cell[0]: cell for cell in row_cells}
            rows.append(_Row([by_x.get(x) for x in xs]))
        return rows


class _Row:
    def __init__(self, cells: list):
        self.cells = cells
        present = [c for c in cells if c]
        self.bbox = (min(c[0] for c in present), min(c[1] for c in present),
                     max(c[2] for c in present), max(c[3] for c in present))


def _intersections(edges: list[dict], x_tolerance: float, y_tolerance: float, number=None) -> dict:
    """pdfplumber's edges_to_intersections: the horizontal edges near a vertical one are found
    by bisection on their `top` (with a margin), then tested with pdfplumber's own condition.
    The crossings found are the same; their order is not, and does not matter (the cells are
    found from the sorted crossings, and each crossing's edges are used as sets). A vertical
    edge outside the page range is tested against every horizontal one; a horizontal edge
    whose `top` is not a number crosses nothing."""
    import bisect
    from operator import itemgetter

    v_edges = [e for e in edges if e["orientation"] == "v"]
    h_edges = sorted((e for e in edges if e["orientation"] == "h" and e["top"] == e["top"]), key=itemgetter("top"))
    tops = [h["top"] for h in h_edges]
    intersections: dict = {}
    tested = 0
    for v in v_edges:
        v_top, v_bottom, v_x = v["top"], v["bottom"], v["x0"]
        if -_FINITE < v_top < _FINITE and -_FINITE < v_bottom < _FINITE:
            near = h_edges[bisect.bisect_left(tops, v_top - y_tolerance - 1):
                           bisect.bisect_right(tops, v_bottom + y_tolerance + 1)]
        else:
            near = h_edges
        tested += len(near)
        if tested > MAX_PAGE_LINE_PAIRS:
            where = f"第 {number} 页" if number else "一页"
            raise _limit(f"{where}的表格线过密：检查交点的线对超过上限 {MAX_PAGE_LINE_PAIRS:,} 对")
        for h in near:
            if v_top <= h["top"] + y_tolerance and v_bottom >= h["top"] - y_tolerance \
                    and v_x >= h["x0"] - x_tolerance and v_x <= h["x1"] + x_tolerance:
                vertex = (v_x, h["top"])
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections


def _intersection_cells(intersections: dict) -> list[tuple]:
    """pdfplumber's intersections_to_cells: for each crossing, in sorted order, the smallest cell
    whose corners are crossings joined by common edges. The crossings below one are those that
    follow it with the same x (consecutive in sorted order), those to its right the later ones
    of its row; each crossing's edges are turned into sets once."""
    points = sorted(intersections)
    v_sets = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in intersections[p]["v"]} for p in points}
    h_sets = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in intersections[p]["h"]} for p in points}

    def connects(p1, p2) -> bool:
        if p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]):
            return True
        return p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])

    rows: dict[float, list] = {}
    for point in points:
        rows.setdefault(point[1], []).append(point)
    place = {point: k for row in rows.values() for k, point in enumerate(row)}
    cells = []
    n = len(points)
    for i, pt in enumerate(points):
        below = []
        j = i + 1
        while j < n and points[j][0] == pt[0]:
            below.append(points[j])
            j += 1
        right = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            if right is None:
                right = [p for p in rows[pt[1]][place[pt] + 1:] if connects(pt, p)]
            found = None
            for right_pt in right:
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                    found = (pt[0], pt[1], corner[0], corner[1])
                    break
            if found is not None:
                cells.append(found)
                break
    return cells


def _cells_to_tables(cells: list[tuple]) -> list[list[tuple]]:
    """pdfplumber's cells_to_tables (cells grouped by shared corners, in the same passes and
    order), without removing each grouped cell from the middle of a list."""
    remaining = list(cells)
    corners: set = set()
    current: list = []
    tables = []
    while remaining:
        before = len(current)
        left = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            own = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in own):
                corners.update(own)
                current.append(cell)
            else:
                left.append(cell)
        remaining = left
        if len(current) == before:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _extract(table) -> list[list[str | None]]:
    """pdfplumber's Table.extract(): each row's chars (in page order) are those whose middle is
    inside the row; found by bisection on the middles sorted by height."""
    import bisect

    chars = table.page.chars
    middles = [((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2) for c in chars]
    # a middle that is not a number is in no cell (and would break the sorted order)
    order = sorted((k for k in range(len(chars)) if middles[k][0] == middles[k][0]), key=lambda k: middles[k][0])
    heights = [middles[k][0] for k in order]
    grid = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        inside = sorted(k for k in order[bisect.bisect_left(heights, top):bisect.bisect_left(heights, bottom)]
                        if x0 <= middles[k][1] < x1)
        texts = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            c0, c_top, c1, c_bottom = cell
            cell_chars = [chars[k] for k in inside
                          if c0 <= middles[k][1] < c1 and c_top <= middles[k][0] < c_bottom]
            texts.append(_cell_text(cell_chars) if cell_chars else "")
        grid.append(texts)
    return grid


# pdfplumber.utils.text.LIGATURES: what its word extraction expands by default (a test holds
# this copy to pdfplumber's)
_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


def _clusters(items: list, key) -> list[list]:
    """pdfplumber's cluster_objects(items, key, tolerance=3): values within 3 of the previous
    distinct value form one cluster; clusters in value order, items in their given order."""
    tolerance = 3
    index: dict = {}
    group, last = -1, None
    for value in sorted(set(map(key, items))):
        if last is None or not value <= last + tolerance:
            group += 1
        index[value] = group
        last = value
    groups: list[list] = [[] for _ in range(group + 1)]
    for item in items:
        groups[index[key(item)]].append(item)
    return groups


def _cell_text(chars: list[dict]) -> str:
    """pdfplumber's utils.extract_text(chars) with its default settings (the call Table.extract
    makes), for upright chars: chars clustered into lines by `top`, sorted by x0, split into words
    at blanks and at gaps over 3 pt (or a jump of `top` over 3 pt), words clustered into lines by
    their top and joined. Other chars (rotated, a position that is not a number) go to pdfplumber."""
    upright = chars[0]["upright"]
    if not upright or any(c["upright"] != upright or c["top"] != c["top"] or c["x0"] != c["x0"] for c in chars):
        from pdfplumber.utils.text import extract_text

        return extract_text(chars)
    words = []
    for line in _clusters(chars, _TOP):
        current: list[dict] = []
        for char in sorted(line, key=_X0):
            text = char["text"]
            if text.isspace():
                if current:
                    words.append(current)
                current = []
            elif text == "":  # `text in split_at_punctuation` (""): a word of its own
                if current:
                    words.append(current)
                words.append([char])
                current = []
            elif current and (char["x0"] < current[-1]["x0"] or char["x0"] > current[-1]["x1"] + 3
                              or abs(char["top"] - current[-1]["top"]) > 3):
                words.append(current)
                current = [char]
            else:
                current.append(char)
        if current:
            words.append(current)
    merged = [("".join(_LIGATURES.get(c["text"], c["text"] or "") for c in word), min(c["top"] for c in word))
              for word in words]
    return "\n".join(" ".join(text for text, _ in line) for line in _clusters(merged, _SECOND))


def _TOP(obj):
    return obj["top"]


def _X0(obj):
    return obj["x0"]


def _SECOND(pair):
    return pair[1]


# --- the text layer with pypdfium2 ------------------------------------------------------------
#
# pdfplumber (pdfminer) parses every content stream in Python, which is where almost all the
# time of a PDF went. pypdfium2 reads the same text layer in C. The characters and rules it
# gives are turned into exactly what pdfminer would have produced (same boxes, same edges),
# so the line grouping above and pdfplumber's own table finder run unchanged on them.
# A page pdfium cannot describe the way pdfminer does (rotated, cropped, vertical writing,
# characters without a Unicode mapping, a font whose metrics are unknown, text objects made
# only of spaces that pdfium leaves out) is read with pdfplumber, one page at a time.

class _Fallback(Exception):
    """This page is read with pdfplumber."""


_PREFIX_LEN = 7  # "ABCDEF+" subset tag


def _font_key(name) -> bytes:
    if isinstance(name, str):
        if name[:2] in ("b'", 'b"'):  # pdfminer names a font it cannot decode by its repr()
            import ast

            try:
                name = ast.literal_eval(name)
            except (ValueError, SyntaxError):
                name = name.encode("utf-8", "replace")
        else:
            name = name.encode("utf-8", "replace")
    name = bytes(name or b"").rstrip(b"\x00")
    if len(name) > _PREFIX_LEN and name[6:7] == b"+" and name[:6].isalpha() and name[:6].isupper():
        name = name[_PREFIX_LEN:]
    return name


class _MinerFonts:
    """Descent of every font as pdfminer computes it (from the font descriptor, not the font
    program), keyed by base font name without the subset tag; read from the page resources
    without interpreting any content stream."""

    def __init__(self, path: str):
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        self._fh = open(path, "rb")
        self._doc = PDFDocument(PDFParser(self._fh))
        self._pages = PDFPage.create_pages(self._doc)
        self._manager = None  # pdfminer's font builder, for a font `_descriptor_metrics` cannot read
        self._resources: list = []
        self._known: dict[bytes, tuple[float, bool]] = {}
        self._read: set[int] = set()

    def close(self) -> None:
        self._fh.close()

    def page(self, index: int) -> "_PageFonts":
        return _PageFonts(self, index)

    def lookup(self, index: int, key: bytes):
        """A font name is looked up in the page's resources the first time it is met; the
        fonts of a document keep their metrics from page to page."""
        if key not in self._known and index not in self._read:
            self._read.add(index)
            while len(self._resources) <= index:
                self._resources.append(next(self._pages).resources)
            fonts: dict[bytes, tuple[float, bool]] = {}
            self._collect(self._resources[index], fonts, set(), 0)
            for name, entry in fonts.items():
                self._known.setdefault(name, entry)
        return self._known.get(key)

    def _collect(self, resources, fonts, seen, depth) -> None:
        from pdfminer.pdftypes import PDFObjRef, PDFStream, dict_value, resolve1
        from pdfminer.psparser import LIT

        resources = dict_value(resources)
        for spec in dict_value(resources.get("Font", {})).values():
            objid = spec.objid if isinstance(spec, PDFObjRef) else None
            quick = _descriptor_metrics(dict_value(spec))
            if quick is not None:
                names, entry = quick
            else:
                if self._manager is None:
                    from pdfminer.pdfinterp import PDFResourceManager

                    self._manager = PDFResourceManager(caching=True)
                font = self._manager.get_font(objid, dict_value(spec))
                names = {_font_key(getattr(font, "fontname", b"") or getattr(font, "basefont", b"")),
                         _font_key(getattr(font, "basefont", b""))}
                entry = (font.get_descent(), font.is_vertical())
            for k in names:
                if k in fonts and fonts[k] != entry:
                    fonts[k] = (float("nan"), True)  # two fonts, one name, different metrics
                else:
                    fonts[k] = entry
        if depth > 8:
            return
        for ref in dict_value(resources.get("XObject", {})).values():
            if isinstance(ref, PDFObjRef):
                if ref.objid in seen:
                    continue
                seen.add(ref.objid)
            xobj = resolve1(ref)
            if isinstance(xobj, PDFStream) and xobj.get("Subtype") is LIT("Form") \
                    and "Resources" in xobj:
                self._collect(xobj["Resources"], fonts, seen, depth + 1)


def _descriptor_metrics(spec: dict):
    """pdfminer's descent and writing mode for the common fonts, read from the font descriptor
    without building pdfminer's font (which parses ToUnicode maps and font programs): simple
    TrueType/Type1 fonts with a descriptor, Type0 fonts with a named CMap. None: ask pdfminer."""
    from pdfminer.pdftypes import dict_value, list_value, num_value, resolve1
    from pdfminer.psparser import PSLiteral

    def name(value):
        value = resolve1(value)
        return value.name if isinstance(value, PSLiteral) else None

    try:
        subtype = name(spec.get("Subtype"))
        names = {_font_key(name(spec.get("BaseFont")) or b"")}
        vertical = False
        if subtype == "Type0":
            encoding = name(spec.get("Encoding"))
            if not isinstance(encoding, str) or not (encoding.endswith("-H") or encoding.endswith("-V")):
                return None
            vertical = encoding.endswith("-V")
            spec = dict_value(list_value(spec["DescendantFonts"])[0])
            if name(spec.get("Subtype")) not in ("CIDFontType0", "CIDFontType2"):
                return None
            names.add(_font_key(name(spec.get("BaseFont")) or b""))
        elif subtype not in ("TrueType", "Type1", "MMType1"):
            return None
        if "FontDescriptor" not in spec:
            return None
        descriptor = dict_value(spec["FontDescriptor"])
        names.add(_font_key(name(descriptor.get("FontName")) or b""))
        descent = num_value(descriptor.get("Descent", 0))
        if descent > 0:
            descent = -descent
        return names - {b""}, (descent * 0.001, vertical)
    except Exception:
        return None


class _PageFonts:
    def __init__(self, fonts: _MinerFonts, index: int):
        self.fonts, self.index = fonts, index
        self.descents: dict = {}  # pdfium font handle -> pdfminer's (descent, vertical) or None

    def get(self, key: bytes):
        return self.fonts.lookup(self.index, key)


_API = None


def _api():
    """The pdfium functions this reader calls, bound once with plain addresses (c_void_p, so
    Python ints) for the handles: a text object's handle is then a dict key as it comes,
    without a ctypes.cast per character or per object, and no pointer object is built per call.
    Same library, same functions as pypdfium2.raw's bindings."""
    global _API
    if _API is None:
        import ctypes
        from types import SimpleNamespace

        import pypdfium2.raw as R

        V, I, D, F = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float
        P = ctypes.POINTER

        def bind(name, restype, *argtypes):
            address = ctypes.cast(getattr(R, name), V).value
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        _API = SimpleNamespace(
            count_chars=bind("FPDFText_CountChars", I, V),
            is_generated=bind("FPDFText_IsGenerated", I, V, I),
            text_object=bind("FPDFText_GetTextObject", V, V, I),
            unicode_error=bind("FPDFText_HasUnicodeMapError", I, V, I),
            unicode=bind("FPDFText_GetUnicode", ctypes.c_uint, V, I),
            loose_box=bind("FPDFText_GetLooseCharBox", I, V, I, P(R.FS_RECTF)),
            char_matrix=bind("FPDFText_GetMatrix", I, V, I, P(R.FS_MATRIX)),
            char_font_size=bind("FPDFText_GetFontSize", D, V, I),
            char_origin=bind("FPDFText_GetCharOrigin", I, V, I, P(D), P(D)),
            text_font=bind("FPDFTextObj_GetFont", V, V),
            text_font_size=bind("FPDFTextObj_GetFontSize", I, V, P(F)),
            font_name=bind("FPDFFont_GetBaseFontName", ctypes.c_size_t, V, P(ctypes.c_char), ctypes.c_size_t),
            bounds=bind("FPDFPageObj_GetBounds", I, V, P(F), P(F), P(F), P(F)),
            matrix=bind("FPDFPageObj_GetMatrix", I, V, P(R.FS_MATRIX)),
            object_type=bind("FPDFPageObj_GetType", I, V),
            count_objects=bind("FPDFPage_CountObjects", I, V),
            get_object=bind("FPDFPage_GetObject", V, V, I),
            form_count_objects=bind("FPDFFormObj_CountObjects", I, V),
            form_get_object=bind("FPDFFormObj_GetObject", V, V, ctypes.c_ulong),
            draw_mode=bind("FPDFPath_GetDrawMode", I, V, P(I), P(I)),
            count_segments=bind("FPDFPath_CountSegments", I, V),
            segment=bind("FPDFPath_GetPathSegment", V, V, I),
            segment_point=bind("FPDFPathSegment_GetPoint", I, V, P(F), P(F)),
            segment_type=bind("FPDFPathSegment_GetType", I, V),
            segment_close=bind("FPDFPathSegment_GetClose", I, V),
            glyph_width=bind("FPDFFont_GetGlyphWidth", I, V, ctypes.c_uint, F, P(F)),
            R=R,
        )
    return _API


def _address(handle) -> int:
    import ctypes

    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _pdfium_chars(textpage: int, count: int, height: float, fonts: _PageFonts) -> tuple[list[dict], dict, dict]:
    """Characters with pdfminer's boxes: x from pdfium, y from the baseline, the font size and
    the descent pdfminer reads from the font descriptor. Also: char positions by text object,
    and each text object's font handle."""
    import ctypes

    api = _api()
    R = api.R
    box, m = R.FS_RECTF(), R.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    is_generated, text_object, unicode_error = api.is_generated, api.text_object, api.unicode_error
    unicode, loose_box = api.unicode, api.loose_box
    objects: dict[int, tuple] = {}  # text object -> (top, bottom, size, its char positions)
    chars: list[dict] = []
    by_object: dict[int, list[int]] = {}
    font_of: dict[int, int] = {}
    for i in range(count):
        key = text_object(textpage, i)
        if not key:
            continue
        code = unicode(textpage, i)
        # the characters pdfium adds itself are spaces and line breaks (CPDF_TextPage), so only
        # those are asked whether they were added
        if (code == 32 or code == 13 or code == 10) and is_generated(textpage, i):
            continue
        if unicode_error(textpage, i):
            raise _Fallback("no unicode")
        known = objects.get(key)
        if known is None:
            # one text object is one string shown with one matrix: one baseline, one size
            api.char_matrix(textpage, i, m)
            if m.b or m.c or m.a <= 0 or m.d <= 0:
                raise _Fallback("not upright")
            fontsize = api.char_font_size(textpage, i) * m.d
            api.char_origin(textpage, i, x, y)
            font = font_of[key] = api.text_font(key) or 0
            top = height - (y.value + _descent(font, fonts) * fontsize) - fontsize
            known = objects[key] = (top, top + fontsize, fontsize, [])
            by_object[key] = known[3]
        if code > 0x10FFFF:
            raise _Fallback("not a character")
        loose_box(textpage, i, box)
        top, bottom, size, positions = known
        positions.append(len(chars))
        x0, x1 = box.left, box.right
        chars.append({"text": chr(code), "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                      "size": size, "upright": True, "width": x1 - x0, "height": size})
    return chars, by_object, font_of


def _char(text: str, x0: float, x1: float, baseline_descent: float, size: float, height: float) -> dict:
    top = height - baseline_descent - size
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + size, "doctop": top,
            "size": size, "upright": True, "width": x1 - x0, "height": size}


def _descent(font: int, fonts: _PageFonts) -> float:
    """pdfminer's descent of a pdfium font (by its base font name), looked up once a page."""
    entry = fonts.descents.get(font, fonts)
    if entry is fonts:
        import ctypes

        api = _api()
        size = api.font_name(font, None, 0)
        buf = ctypes.create_string_buffer(max(size, 1))
        api.font_name(font, buf, size)
        entry = fonts.descents[font] = fonts.get(_font_key(buf.raw))
    if entry is None or entry[1] or entry[0] != entry[0]:
        raise _Fallback("font")
    return entry[0]


def _mul(m1: tuple, m2: tuple) -> tuple:
    """m1 then m2 (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _page_objects(page: int, height: float, number: int) -> tuple[list[dict], list[tuple]]:
    """The edges pdfplumber derives from pdfminer's lines, rects and curves, built from
    pdfium's path objects (forms entered with their matrix); and the text objects, each with
    the matrix of the forms around it. Every object is counted against the page's limits, even
    after the page is known to go to pdfplumber (raised at the end)."""
    import ctypes

    api = _api()
    R = api.R
    TEXT, PATH, FORM = R.FPDF_PAGEOBJ_TEXT, R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_FORM
    m = R.FS_MATRIX()
    fx, fy = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    edges: list[dict] = []
    texts: list[tuple] = []
    fallback: list[_Fallback] = []
    visited = [0, 0]  # objects, path segments

    def walk(get, parent, count, outer, depth):
        for k in range(count):
            visited[0] += 1
            if visited[0] > MAX_PAGE_OBJECTS:
                raise _limit(f"第 {number} 页的页面对象（含表单中的对象）超过上限 {MAX_PAGE_OBJECTS:,} 个")
            try:
                visit(get(parent, k), outer, depth)
            except _Fallback as reason:
                fallback.append(reason)

    def visit(obj, outer, depth):
        kind = api.object_type(obj)
        if kind == TEXT:
            texts.append((obj, outer))
            return
        if kind != PATH and kind != FORM:
            return
        if not api.matrix(obj, m):
            raise _Fallback("matrix")
        matrix = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if kind == FORM:
            if depth > 8:
                raise _Fallback("deep forms")
            walk(api.form_get_object, obj, api.form_count_objects(obj), matrix, depth + 1)
            return
        segments = api.count_segments(obj)
        visited[1] += max(segments, 0)
        if visited[1] > MAX_PAGE_SEGMENTS:
            raise _limit(f"第 {number} 页的路径线段超过上限 {MAX_PAGE_SEGMENTS:,} 段")
        if not api.draw_mode(obj, fill, stroke):
            raise _Fallback("draw mode")
        if not fill.value and not stroke.value:
            return
        _path_edges(obj, segments, matrix, edges, height, fx, fy)
        if len(edges) > MAX_PAGE_EDGES:
            raise _limit(f"第 {number} 页的表格线超过上限 {MAX_PAGE_EDGES:,} 条")

    walk(api.get_object, page, api.count_objects(page), (1, 0, 0, 1, 0, 0), 0)
    if fallback:
        raise fallback[0]
    return edges, texts


def _restore_spaces(chars: list[dict], by_object: dict, font_of: dict, texts: list[tuple], height: float,
                    fonts: _PageFonts) -> tuple[list[dict], list[dict]]:
    """pdfium leaves out spaces pdfminer reports: a text object holding only spaces (its glyph
    box is empty) and every space after the first of a run. A run is put back when the next
    character on the line says how many spaces it held (a whole number of space widths);
    a lone space object becomes one space char, so that a line made only of spaces is still a
    (blank) line. Returns the chars and the spaces whose count stays unknown: harmless where
    nothing follows them in their line or cell (lines and cells are stripped)."""
    import ctypes

    api = _api()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    m, size = api.R.FS_MATRIX(), ctypes.c_float()
    added: list[dict] = []
    doubtful: list[dict] = []
    dropped: list[tuple[dict, float]] = []
    bounds: dict[int, float] = {}
    extent: dict[int, list[float]] = {}  # object -> [right edge of its ink, right edge of its chars]
    owner: dict[int, int] = {k: key for key, kept in by_object.items() for k in kept}
    starts: dict[int, float] = {}  # object -> left edge, where its missing leading spaces were put back
    space_width: dict[tuple, float] = {}
    for key, outer in texts:
        font = font_of.get(key)
        if font is None:
            font = font_of[key] = api.text_font(key) or 0
        for k in by_object.get(key, ()):
            if chars[k]["text"] == " " and chars[k]["x1"] > chars[k]["x0"]:
                space_width.setdefault((font, round(chars[k]["size"], 3)), chars[k]["x1"] - chars[k]["x0"])
    for key, outer in texts:
        if outer[1] or outer[2] or outer[0] <= 0 or outer[3] <= 0:
            raise _Fallback("text in a rotated form")
        if not api.bounds(key, left, bottom, right, top):
            raise _Fallback("bounds")
        x_left = left.value * outer[0] + outer[4]
        x_right = right.value * outer[0] + outer[4]
        kept = by_object.get(key)
        if kept is None:
            if x_right - x_left > 0.01:
                raise _Fallback("dropped text object")  # a duplicate pdfium removed
            if not api.matrix(key, m) or m.b or m.c or m.a <= 0 or m.d <= 0 \
                    or not api.text_font_size(key, size):
                raise _Fallback("dropped object geometry")
            fontsize = size.value * m.d * outer[3]
            x0 = m.e * outer[0] + outer[4]
            y0 = m.f * outer[3] + outer[5]
            space = _char(" ", x0, x0, y0 + _descent(font_of[key], fonts) * fontsize, fontsize, height)
            width = space_width.get((font_of[key], round(fontsize, 3))) or _space_width(font_of[key], fontsize)
            dropped.append((space, width))
            continue
        first = chars[kept[0]]
        if not api.matrix(key, m):
            raise _Fallback("text object matrix")
        x_left = m.e * outer[0] + outer[4]  # where the object's first character starts
        if x_left < first["x0"] - 0.01 and first["text"] != " ":
            # spaces at the start of this object may be missing (pdfium joins them to a space
            # before); their count is the gap in widths of this font's space
            width = space_width.get((font_of[key], round(first["size"], 3))) \
                or _space_width(font_of[key], first["size"])
            count = (first["x0"] - x_left) / width if width > 0.1 else 0.0
            if count >= 0.98 and abs(count - round(count)) < 0.02:
                for n in range(round(count)):
                    added.append(dict(first, text=" ", x0=x_left + n * width,
                                      x1=x_left + (n + 1) * width))
                starts[key] = x_left
            else:
                doubtful.append(dict(first, text=" ", x0=x_left, x1=x_left))
        for k in kept:
            bounds[k] = x_right
        extent[key] = [x_right, max(chars[k]["x1"] for k in kept)]
    for k, here in enumerate(chars):
        if here["text"] != " ":
            continue
        after = chars[k + 1] if k + 1 < len(chars) else None
        if after is not None and after["top"] < here["bottom"] and after["bottom"] > here["top"] \
                and after["x0"] >= here["x0"]:
            end = starts.get(owner.get(k + 1), after["x0"])
        else:
            end = bounds.get(k, here["x1"])
        if end <= here["x1"] + 0.01:
            continue
        width = here["x1"] - here["x0"]
        count = (end - here["x0"]) / width if width > 0.1 else 0.0
        if count >= 1.98 and abs(count - round(count)) < 0.02:
            for n in range(1, round(count)):
                added.append(dict(here, x0=here["x0"] + n * width, x1=here["x1"] + n * width))
            if owner.get(k) in extent:
                extent[owner[k]][1] = max(extent[owner[k]][1], here["x0"] + (round(count) - 1) * width + width)
        else:
            doubtful.append(here)
    for ink_right, kept_right in extent.values():
        if ink_right > kept_right + 0.5:
            raise _Fallback("characters missing inside a text object")
    if dropped:
        band = _Band(chars)
        for space, width in dropped:
            after = band.next_right(space)
            count = (after["x0"] - space["x0"]) / width if after is not None and width > 0.1 else 0.0
            if count >= 0.98 and abs(count - round(count)) < 0.02:
                for n in range(round(count)):
                    added.append(dict(space, x0=space["x0"] + n * width, x1=space["x0"] + (n + 1) * width))
            else:
                added.append(space)
                doubtful.append(space)
    return chars + added, doubtful


def _space_width(font: int, size: float) -> float:
    """The advance of the font's space at this size, from pdfium's widths (its glyph width
    call takes a Unicode value), for a size at which no space of the font is on the page to be
    measured; 0 when pdfium does not know it. A width only ever turns into spaces where the gap
    it has to fill is a whole number of widths."""
    import ctypes

    width = ctypes.c_float()
    if not _api().glyph_width(font, 0x20, 1.0, width):
        return 0.0
    return width.value * size


class _Band:
    """Characters sorted by top, to find what stands to the right of a point on its line."""

    def __init__(self, chars: list[dict]):
        self.chars = sorted((c for c in chars if c["text"] != " "), key=lambda c: c["top"])
        self.tops = [c["top"] for c in self.chars]
        self.tallest = max((c["bottom"] - c["top"] for c in self.chars), default=0.0)
        self._by_x: dict[tuple, tuple] = {}

    def span(self, space: dict) -> tuple[int, int]:
        """The chars whose top is within the tallest char's height above the space's bottom."""
        import bisect

        return (bisect.bisect_left(self.tops, space["top"] - self.tallest),
                bisect.bisect_left(self.tops, space["bottom"]))

    def by_x(self, space: dict) -> tuple[list[dict], list[float]]:
        """The chars of the space's span sorted by x0, and their x0s (shared by the spaces of
        one line); a char whose x0 is not a number is beside no space and is left out."""
        span = self.span(space)
        found = self._by_x.get(span)
        if found is None:
            chars = sorted((c for c in self.chars[span[0]:span[1]] if c["x0"] == c["x0"]), key=_X0)
            found = self._by_x[span] = (chars, [c["x0"] for c in chars])
        return found

    def next_right(self, space: dict):
        """The leftmost char right of the space (by x0) that overlaps its height."""
        import bisect

        chars, xs = self.by_x(space)
        x0, top = space["x0"], space["top"]
        for ch in chars[bisect.bisect_right(xs, x0):]:
            if ch["bottom"] > top and abs(ch["x0"] - x0) > 0.01:
                return ch
        return None


class _CellIndex:
    """The first cell (in table order) holding a point: cells listed by bands of height."""

    BAND = 20.0
    MAX_BANDS = 64  # a taller cell is tested for every point

    def __init__(self, cells: list[tuple]):
        self.cells = cells
        self.bands: dict[int, list[int]] = {}
        self.tall: list[int] = []
        for n, (_, top, _, bottom) in enumerate(cells):
            if -_FINITE < top <= bottom < _FINITE and bottom - top < self.BAND * self.MAX_BANDS:
                for band in range(int(top // self.BAND), int(bottom // self.BAND) + 1):
                    self.bands.setdefault(band, []).append(n)
            else:
                self.tall.append(n)

    def find(self, x: float, y: float):
        cells, first = self.cells, None
        if -_FINITE < y < _FINITE:
            for n in self.bands.get(int(y // self.BAND), ()):
                cell = cells[n]
                if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]:
                    first = n
                    break
        for n in self.tall:
            if first is not None and n > first:
                break
            cell = cells[n]
            if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]:
                first = n
                break
        return None if first is None else cells[first]


def _check_doubtful(spaces: list[dict], chars: list[dict], tables) -> None:
    """A space run of unknown length is harmless at the end of a line or cell, or alone on a
    line; anything printed after it in the same line (outside tables) or the same cell sends
    the page to pdfplumber."""
    if not spaces:
        return
    cell_of = _CellIndex([cell for table in tables for cell in table.cells]).find
    homes: dict[int, object] = {}  # id of a char -> its cell (a char is met once per space on its line)

    def home_of(ch: dict):
        key = id(ch)
        if key not in homes:
            homes[key] = cell_of((ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2)
        return homes[key]

    band = _Band(chars)
    for space in spaces:
        home = cell_of(space["x0"], (space["top"] + space["bottom"]) / 2)
        by_x = band.by_x(space)[0]
        x0, top = space["x0"], space["top"]
        after = False
        for ch in reversed(by_x):  # right of the space, from the far end
            if not ch["x0"] > x0:
                break
            if ch["bottom"] > top and abs(ch["x0"] - x0) > 0.01 and home_of(ch) is home:
                after = True
                break
        if not after:
            continue  # nothing after it in its line or cell
        for ch in by_x:  # left of it
            if ch["x0"] > x0:
                break
            if ch["bottom"] > top and abs(ch["x0"] - x0) > 0.01 and home_of(ch) is home:
                raise _Fallback("missing spaces inside a line")


def _path_edges(obj: int, count: int, matrix: tuple, edges: list, height: float, fx, fy) -> None:
    api = _api()
    R = api.R
    MOVETO, LINETO, BEZIERTO = R.FPDF_SEGMENT_MOVETO, R.FPDF_SEGMENT_LINETO, R.FPDF_SEGMENT_BEZIERTO
    segment, segment_point, segment_type, segment_close = \
        api.segment, api.segment_point, api.segment_type, api.segment_close
    a, b, c, d, e, f = matrix
    subpaths: list[list] = []  # [shape, points] as pdfminer sees them
    bezier = 0
    for k in range(count):
        seg = segment(obj, k)
        segment_point(seg, fx, fy)
        px, py = fx.value, fy.value
        point = (a * px + c * py + e, b * px + d * py + f)
        kind = segment_type(seg)
        if kind == MOVETO:
            subpaths.append(["m", [point]])
            bezier = 0
        elif not subpaths:
            raise _Fallback("path without moveto")
        elif kind == LINETO:
            subpaths[-1][0] += "l"
            subpaths[-1][1].append(point)
        elif kind == BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # control points; pdfminer keeps only the end point of a curve
            subpaths[-1][0] += "c"
            subpaths[-1][1].append(point)
        else:
            raise _Fallback("segment")
        if segment_close(seg):
            subpaths[-1][0] += "h"
            subpaths[-1][1].append(subpaths[-1][1][0])
    for shape, pts in subpaths:
        _shape_edges(shape, pts, edges, height)


def _add_edge(edges: list, edge: dict) -> None:
    """Only what pdfplumber's table finder keeps (its prefilter: horizontal or vertical, at least
    1 pt long) is kept; a page of curves (a chart, a map) adds nothing."""
    orientation = edge["orientation"]
    if orientation == "v":
        if edge["height"] >= 1:
            edges.append(edge)
    elif orientation == "h" and edge["width"] >= 1:
        edges.append(edge)


def _shape_edges(shape: str, pts: list, edges: list, height: float) -> None:
    """pdfminer's paint_path classification, then pdfplumber's edges of a line/rect/curve
    (those the table finder would drop are left out)."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape == "mlh" or shape == "ml":
        (x0, y0), (x1, y1) = pts[0], pts[1]
        t0, t1 = height - y0, height - y1
        top, bottom = min(t0, t1), max(t0, t1)
        left, right = min(x0, x1), max(x0, x1)
        _add_edge(edges, {"object_type": "line", "x0": left, "x1": right, "top": top, "bottom": bottom,
                          "width": right - left, "height": bottom - top,
                          "orientation": "h" if top == bottom else "v"})
        return
    if shape == "mlllh" or shape == "mllll":
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                 or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = height - max(y0, y2), height - min(y0, y2)
            w, h = right - left, bottom - top
            if w >= 1:  # `_add_edge`, inline: the horizontal sides, then the vertical ones
                edges.append({"object_type": "rect_edge", "x0": left, "x1": right, "top": top,
                              "bottom": top, "width": w, "height": 0, "orientation": "h"})
                edges.append({"object_type": "rect_edge", "x0": left, "x1": right, "top": top + h,
                              "bottom": bottom, "width": w, "height": 0, "orientation": "h"})
            if h >= 1:
                edges.append({"object_type": "rect_edge", "x0": left, "x1": left, "top": top,
                              "bottom": bottom, "width": 0, "height": h, "orientation": "v"})
                edges.append({"object_type": "rect_edge", "x0": right, "x1": right, "top": top,
                              "bottom": bottom, "width": 0, "height": h, "orientation": "v"})
            return
    flipped = [(px, height - py) for px, py in pts]
    for (ax, at), (bx, bt) in zip(flipped, flipped[1:]):
        _add_edge(edges, {"object_type": "curve_edge", "x0": min(ax, bx), "x1": max(ax, bx),
                          "top": min(at, bt), "bottom": max(at, bt), "width": abs(ax - bx),
                          "height": abs(at - bt),
                          "orientation": "v" if ax == bx else ("h" if at == bt else None)})
