"""pdfplumber 0.11's table finder and Table.extract with its default settings, indexed.

The same steps on the same objects, giving the same tables in the same order: pdfplumber's
edge merging and its Table class are reproduced as they are; the crossings of ruling lines, the
cells they close and the chars of each row are found through sorted indexes instead of
testing every pair (pdfplumber: every vertical edge against every horizontal one, every
crossing against every later one, every char of the page for every row). pdfplumber itself is
not imported (a tenth of a second per process); the tests compare the tables, their extraction,
cell text and edge merging with pdfplumber's own.
`_PageShim` is the page these functions read: pdfium's chars and edges, or pdfplumber's.
"""
from __future__ import annotations

from . import pdf_limits as limits
from .raw import over_limit


class _PageShim:
    """What `pdf_layout._read_page` and the table finder use of a page: pdfium's, or
    pdfplumber's chars and edges of a page pdfium cannot describe."""

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


_FINITE = 1e6  # page coordinates beyond this (or not numbers) are handled without the indexes
# pdfplumber's default table settings ("lines" strategies)
_JOIN = _INTERSECTION = 3  # join_tolerance, intersection_tolerance (snap_tolerance 3 is pdfplumber's own)
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
        if tested > limits.MAX_PAGE_LINE_PAIRS:
            where = f"第 {number} 页" if number else "一页"
            raise over_limit(f"{where}的表格线过密：检查交点的线对超过上限 {limits.MAX_PAGE_LINE_PAIRS:,} 对")
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
