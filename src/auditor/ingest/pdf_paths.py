"""pdfium's page objects walked: the ruling-line edges pdfplumber would derive from pdfminer's
lines, rects and curves, and the text objects with the matrix of the forms around them.

Only the edges pdfplumber's table finder keeps are kept (horizontal or vertical, at least 1 pt
long). Every object and path segment counts against the page's limits (`pdf_limits`).
"""
from __future__ import annotations

from . import pdf_limits as limits
from .pdf_pdfium import _Fallback, _api
from .raw import over_limit


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
            if visited[0] > limits.MAX_PAGE_OBJECTS:
                raise over_limit(f"第 {number} 页的页面对象（含表单中的对象）超过上限 {limits.MAX_PAGE_OBJECTS:,} 个")
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
        if visited[1] > limits.MAX_PAGE_SEGMENTS:
            raise over_limit(f"第 {number} 页的路径线段超过上限 {limits.MAX_PAGE_SEGMENTS:,} 段")
        if not api.draw_mode(obj, fill, stroke):
            raise _Fallback("draw mode")
        if not fill.value and not stroke.value:
            return
        _path_edges(obj, segments, matrix, edges, height, fx, fy)
        if len(edges) > limits.MAX_PAGE_EDGES:
            raise over_limit(f"第 {number} 页的表格线超过上限 {limits.MAX_PAGE_EDGES:,} 条")

    walk(api.get_object, page, api.count_objects(page), (1, 0, 0, 1, 0, 0), 0)
    if fallback:
        raise fallback[0]
    return edges, texts


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
