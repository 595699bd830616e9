"""Checks `weights`, `summary` and `score_cap` of kind `score`: Σ分值 of a section = the weight
in its label (产出指标（50分）), a summary table's category rows = the sums of the detail table's
rows of each category (tables/score_summary.py), and 得分 ≤ 分值."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.numbers import Quantity, fmt, half_unit, parse_quantity
from ...knowledge import compact, vocabulary
from ...model import Cell
from ...tables.score_summary import SummaryPair, SummaryRow, summary_pairs
from ...tables.typed import (WEIGHT_IN_LABEL_RE, category_key, ScoreRecord, TypedTable, grid_cell, number, points,
                             quantity)
from ..base import CHECKED, Hit, table_start
from .forms import table_name, row_quote, score_places, score_tables, indicators_of


def _sections(t: TypedTable) -> dict[str, list[ScoreRecord]]:
    sections: dict[str, list[ScoreRecord]] = {}
    for r in t.records:
        sections.setdefault(r.level1, []).append(r)
    return sections


def check_weights(doc, rule, typed):
    for t in typed:
        if t.type != "performance_scores" or "weight" not in t.columns:
            continue
        yield from _category_weight_columns(t)
        for label, rows in _sections(t).items():
            m = WEIGHT_IN_LABEL_RE.search(label)
            if not m or not any(r.weight is not None for r in rows):
                continue
            declared = Decimal(m.group(1))
            total = sum((r.weight or Decimal(0) for r in rows), Decimal(0))
            if total == declared:
                continue
            cell = rows[0].cells.get("level1") or rows[0].cells["indicator"]
            label_cell = next((r.cells["level1"] for r in rows
                               if "level1" in r.cells and compact(r.cells["level1"].text) == compact(label)),
                              cell)
            yield Hit(
                quote=label_cell.text if label_cell.text else label, location=label_cell.loc,
                stated=f"{label}", expected=f"分值合计 {fmt(total, 0 if total == total.to_integral() else 2)}",
                formula="Σ分值 = " + " + ".join(r.cells["weight"].text for r in rows if r.weight is not None)
                        + f" = {total}",
                fields={"table": table_name(t), "section": label,
                        "weight": m.group(1), "total": str(total)},
                highlights=[r.cells["weight"].loc for r in rows if "weight" in r.cells])


# the weight column of each category level and the labels its categories are known by
CATEGORY_WEIGHTS = (("level1_weight", ("level1",)), ("level2_weight", ("level1", "level2")))
# the categories' weights and their indicators' ought to add up alike (100 each); one sum twice the
# other or more means weights of another kind (each level's shares of its parent: 二级 50% of 一级)
RELATIVE_WEIGHTS = 2


def _category_weight_columns(t: TypedTable):
    """A category's weight in a column of its own (一级指标 | 权重 | 二级指标 | 权重 | 三级指标 |
    权重, merged over its rows) against the sum of its indicators' weights: the figure on the
    category's first row, beside its label."""
    for role, keys in CATEGORY_WEIGHTS:
        if role not in t.columns:
            continue
        groups: dict[tuple, list[ScoreRecord]] = {}
        for r in t.records:
            groups.setdefault(tuple(category_key(getattr(r, k)) for k in keys), []).append(r)
        declared = {key: _category_weight(rows, role, keys[-1]) for key, rows in groups.items()}
        if None in declared.values() or any(r.weight is None for r in t.records):
            continue  # (a category without its weight, an indicator without its own: no sums to hold)
        summed = {key: sum((r.weight for r in rows), Decimal(0)) for key, rows in groups.items()}
        stated, leaves = sum(points(c) for c in declared.values()), sum(summed.values())
        if not stated or not leaves or max(stated, leaves) >= RELATIVE_WEIGHTS * min(stated, leaves):
            continue
        for key, cell in declared.items():
            if points(cell) != summed[key]:
                yield _category_weight_hit(t, groups[key], cell, keys[-1], summed[key])
        yield from _total_row_weight(t, role, list(declared.values()), leaves)


def _total_row_weight(t: TypedTable, role: str, declared: list[Cell], leaves: Decimal):
    """The total row's figure in a category level's weight column (合计 | 100 | | 100 | 91) against
    the categories' own weights added up (决策 20 + 过程 30 + 产出 30 + 效益 20); one agreeing with
    their indicators' weights added up (`leaves`) is right, a category's own weight being the slip."""
    cells = t.totals.get("row_cells") or []
    col = t.columns[role]
    cell = cells[col] if col < len(cells) else None
    stated = points(cell) if cell is not None else None
    if stated is None:
        return
    total = sum((points(c) for c in declared), Decimal(0))
    yield CHECKED
    if stated in (total, leaves):
        return
    places = max(Quantity(w).places for w in [stated, *(points(c) for c in declared)])
    label = next((c.text.strip() for c in cells if c.text.strip()), "合计")
    yield Hit(quote=row_quote(cell, t.table), location=cell.loc,
              stated=f"{label} {cell.text.strip()}", expected=f"分值合计 {fmt(total, places)}",
              formula="Σ分值 = " + " + ".join(c.text.strip() for c in declared) + f" = {fmt(total, places)}",
              fields={"table": table_name(t), "section": label, "weight": fmt(stated, places),
                      "total": fmt(total, places)},
              highlights=[cell.loc] + [c.loc for c in declared])


def _category_weight(rows: list[ScoreRecord], role: str, label_role: str) -> Cell | None:
    """The category's weight cell: on its first row, beside its own label (not carried down)."""
    first = rows[0].cells
    cell, label = first.get(role), first.get(label_role)
    if cell is None or label is None or not compact(label.text) or points(cell) is None:
        return None
    return cell


def _category_weight_hit(t: TypedTable, rows: list[ScoreRecord], cell: Cell, label_role: str, total: Decimal) -> Hit:
    label = rows[0].cells[label_role].text.strip()
    weight = points(cell)
    places = max(Quantity(w).places for w in [weight, *(r.weight for r in rows)])
    return Hit(quote=row_quote(cell, t.table), location=cell.loc,
               stated=f"{label} {cell.text.strip()}", expected=f"分值合计 {fmt(total, places)}",
               formula="Σ分值 = " + " + ".join(r.cells["weight"].text.strip() for r in rows) + f" = {fmt(total, places)}",
               fields={"table": table_name(t), "section": label, "weight": fmt(weight, places),
                       "total": fmt(total, places)},
               highlights=[cell.loc] + [r.cells["weight"].loc for r in rows])


def check_summary(doc, rule, typed):
    """A summary's category rows against the sums of their rows in the detail table."""
    for pair in summary_pairs(doc):
        shares = _weights_as_shares(pair)
        for row in pair.rows:
            for name in ("score", "weight"):
                if name == "weight" and shares:
                    continue
                found = _summary_figure(pair, row, name, typed)
                if found is None:
                    continue
                yield CHECKED
                if found is not CHECKED:
                    yield found


def _weights_as_shares(pair: SummaryPair) -> bool:
    """The summary's weights and the detail's add up alike (100 each) unless one set is of another
    kind (each level's shares of its parent): their sums RELATIVE_WEIGHTS apart or more."""
    stated = [points(r.record.cells.get("weight")) for r in pair.rows]
    parts = [p.weight for r in pair.rows for p in r.parts]
    if None in stated or None in parts:
        return False
    high, low = max(sum(stated), sum(parts)), min(sum(stated), sum(parts))
    return not low or high >= RELATIVE_WEIGHTS * low


def _summary_figure(pair: SummaryPair, row: SummaryRow, name: str, typed: list[TypedTable]):
    """The hit of one figure of a summary row off its parts' sum, CHECKED where it agrees, None
    where either is missing. Interval arithmetic at printed precision: the stated figure stands
    for its interval (a whole number among scores printed with decimals is exact at theirs) and
    so does each part printed with decimals (4.17 for 4.1667); a whole-number part is exact."""
    cell = row.record.cells.get(name)
    stated = (points if name == "weight" else number)(cell)
    values = [getattr(p, name) for p in row.parts]
    if stated is None or not values or None in values:
        return None
    summed = sum(values, Decimal(0))
    printed = [quantity(p.cells.get(name)) for p in row.parts]
    own = parse_quantity(cell.text.strip().rstrip("%％")) if cell.text.strip() else None
    places = own.places if own is not None and own.places else (
        score_places(pair.summary.table, typed) if name == "score" else 0)
    slack = (half_unit(places) if name == "score" or places else Decimal(0)) \
        + sum((q.half_ulp for q in printed if q is not None and q.places), Decimal(0))
    if abs(stated - summed) <= slack:
        return CHECKED
    shown_places = max([places] + [q.places for q in printed if q is not None])
    shown = fmt(summed, shown_places)
    what = "得分" if name == "score" else "分值"
    basis = table_name(next((t for t in pair.details if any(r is row.parts[0] for r in t.records)), pair.details[0]))
    return Hit(quote=row_quote(cell, pair.summary.table), location=cell.loc, stated=cell.text.strip(), expected=shown,
               formula=f"{basis}「{row.parts[0].level1}」各指标{what}："
                       + " + ".join(p.cells[name].text.strip() for p in row.parts) + f" = {shown}",
               fields={"table": table_name(pair.summary), "section": row.label, "score": what,
                       "total": cell.text.strip(), "sum": shown, "basis": basis, "diff": fmt(stated - summed, shown_places)},
               cls="score_mismatch" if name == "score" else "weight_mismatch",
               highlights=[p.cells[name].loc for p in row.parts if name in p.cells])


def check_score_cap(doc, rule, typed):
    forms = set()
    for t in score_tables(typed):
        forms.add(t.table.index)
        rows = [r for r in indicators_of(t) if r.score is not None and r.weight is not None]
        where = rows[0].cells["weight"].loc if rows else None
        shares = where is not None and where.col is not None and where.row is not None \
            and _head_says_shares(t.table.grid(), where.col - 1, where.row - 1)
        if _shares_scored_beyond([(shares or _a_share(r.cells["weight"].text), r.weight, r.score) for r in rows]):
            continue  # (决策 | 20% | 95: each row scored out of full marks, to be weighed)
        for r in rows:
            yield CHECKED
            if r.score <= r.weight:
                continue
            cell, weight_cell = r.cells["score"], r.cells["weight"]
            yield Hit(quote=row_quote(cell, t.table), location=cell.loc,
                      stated=f"得分 {cell.text}", expected=f"不超过分值 {weight_cell.text}",
                      formula=f"得分 {cell.text} > 分值 {weight_cell.text}",
                      fields={"indicator": r.indicator, "score": cell.text, "weight": weight_cell.text,
                              "table": table_name(t)},
                      highlights=[cell.loc, weight_cell.loc])


    yield from _plain_score_caps(doc, rule, forms)


def _plain_score_caps(doc, rule, forms: set[int]):
    """Tables of points that are no indicator form (一级指标 | 分值 | 得分): a row's score above its
    weight, the columns found by their heads (point_heads)."""
    for table, grid, h, w, g in _plain_point_tables(doc, rule, forms):
        # a bonus row (加分项 | — | 3.00: a score with no weight, or named so) lifts the total's
        # score above the sum of the weights by right: the total row is not held to its weight
        bonus = any(grid_cell(grid, r, g).strip() and not parse_quantity(grid_cell(grid, r, w))
                    or any(b in "".join(grid[r]) for b in rule.params["bonus_words"]) for r in range(h + 1, len(grid)))
        pairs = _pairs(grid, h, w, g)
        if weighed_rows(pairs) is not None or _scored_out_of_full(grid, h, w, pairs):
            continue  # (专家评分 | 60% | 92, 群众评分 | 40% | 88, 综合得分 | 100% | 90.4: each row out of full marks, weighed)
        for r in range(h + 1, len(grid)):
            if bonus and compact(next((x for x in grid[r] if x.strip()), "")) in rule.params["total_labels"]:
                continue
            weight, score = pairs[r]
            if weight is None or score is None:
                continue
            yield CHECKED
            if score.value <= weight.value:
                continue
            cell, weight_cell = table.rows[r][g], table.rows[r][w]
            label = next((x.strip() for x in grid[r] if x.strip()), "")
            yield Hit(quote=table.row_text(r).strip("\t "), location=cell.loc,
                      stated=f"得分 {cell.text}", expected=f"不超过分值 {weight_cell.text}",
                      formula=f"得分 {cell.text} > 分值 {weight_cell.text}",
                      fields={"indicator": label, "score": cell.text, "weight": weight_cell.text,
                              "table": table.name},
                      highlights=[cell.loc, weight_cell.loc])


def point_heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The heads of a table's weight and score columns: the score forms' (vocabulary.yaml
    performance_scores weight, score), one list for the caps, the weighed means and SUM005 alike."""
    spec = vocabulary()["table_types"]["performance_scores"]["columns"]
    return tuple(compact(w) for w in spec["weight"]), tuple(compact(w) for w in spec["score"])


def _plain_point_tables(doc, rule, forms: set[int]):
    """(table, grid, head row, weight column, score column) of each table of points that is no
    indicator form, its one weight and one score column found by their heads (point_heads; a
    head's unit in brackets aside, 权重（分）)."""
    weights, scores = point_heads()
    for table in doc.tables:
        if table.index in forms or not weights or not scores:
            continue
        start = table_start(table, HEAD_CHARS)
        if not any(w in start for w in weights) or not any(w in start for w in scores):
            continue  # (most tables: no heads of points)
        grid = table.grid()
        found = _point_heads(grid, weights, scores)
        if found is not None:
            yield (table, grid, *found)


def _point_heads(grid, weights, scores) -> tuple[int, int, int] | None:
    """(head row, weight column, score column): the first of the top rows naming one column of each
    (a head's unit in brackets aside, 权重（分）)."""
    for h, row in enumerate(grid[:HEAD_ROWS]):
        texts = [HEAD_UNIT_RE.sub("", compact(c)) for c in row]
        w = [c for c, x in enumerate(texts) if x in weights]
        g = [c for c, x in enumerate(texts) if x in scores]
        if len(w) == 1 and len(g) == 1:
            return h, w[0], g[0]
    return None


HEAD_UNIT_RE = re.compile(r"[（(][^（）()]{1,4}[）)]$")  # a head's unit in brackets (权重（分）)


def weighed_table(table) -> bool:
    """The table weighs its rows (weighed_rows) under heads of weights and scores the score forms name
    (vocabulary.yaml performance_scores weight, score): no column of figures to add up."""
    weights, scores = point_heads()
    start = table_start(table, HEAD_CHARS)
    if not any(w in start for w in weights) or not any(w in start for w in scores):
        return False  # (most tables: no heads of points, one scan tells)
    grid = table.grid()
    found = _point_heads(grid, weights, scores)
    return found is not None and weighed_rows(_pairs(grid, *found)) is not None


def _pairs(grid, h: int, w: int, g: int) -> dict[int, list[Quantity | None]]:
    """row -> [its weight, its score] as printed, below the head row."""
    return {r: [parse_quantity(grid_cell(grid, r, c)) for c in (w, g)] for r in range(h + 1, len(grid))}


PERCENT_SIGNS = {"%", "％"}


def _scored_out_of_full(grid, h: int, w: int, pairs: dict[int, list[Quantity | None]]) -> bool:
    """_shares_scored_beyond of a plain table's rows (the weight column's head may say they are shares)."""
    shares = _head_says_shares(grid, w, h + 1)
    return _shares_scored_beyond([(shares or _a_share(grid_cell(grid, r, w)), q[0].value, q[1].value)
                                  for r, q in pairs.items() if q[0] is not None and q[1] is not None])


def _a_share(text: str) -> bool:
    """The text is printed as a share (20%)."""
    return bool(PERCENT_SIGNS & set(text))


def _head_says_shares(grid, col: int, first: int) -> bool:
    """The weight column's heads above its first figure say its figures are shares (权重（%）)."""
    return any(_a_share(grid_cell(grid, r, col)) for r in range(max(0, first)))


def _shares_scored_beyond(rows: list[tuple[bool, Decimal, Decimal]]) -> bool:
    """(weight a share, weight, score) rows, two at least, every weight a share (决策 | 20% | 95,
    产出 | 80% | 92) and every score beyond it: each row scored out of full marks, to be weighed, with
    no total row (see weighed_rows) to say so."""
    return len(rows) >= 2 and all(share and score > weight for share, weight, score in rows)


def weighed_rows(pairs: dict[int, list[Quantity | None]]) -> tuple[list, tuple] | None:
    """([(weight, score), …] of the rows above, (row, weight, score or None) of the last) where the last row
    weighs the rows above rather than adds them: its weight theirs together (100% = 60% + 40%), every
    score within it, and their scores together beyond it (86 + 92 > 100: each row scored out of full
    marks, no points within its weight); None else."""
    # (the last row may leave its score blank, the weighed scores in a column of their own beside:
    # 综合得分 | 100% | | 88.9 under 加权得分)
    rows = [(r, q[0], q[1]) for r, q in sorted(pairs.items()) if q[0] is not None]
    if len(rows) < 3 or any(s is None for _, _, s in rows[:-1]):
        return None
    above, last = [(w, s) for _, w, s in rows[:-1]], rows[-1]
    full = last[1].value
    if sum((w.value for w, _ in above), Decimal(0)) != full or any(s.value > full for _, s in above) \
            or sum((s.value for _, s in above), Decimal(0)) <= full:
        return None
    return above, last


def check_weighted_mean(doc, rule, typed):
    """A table of rows each scored out of full marks and weighed (weighed_rows): its last row's score
    is their mean by the weights, Σ 权重 × 得分 ÷ Σ 权重."""
    forms = {t.table.index for t in score_tables(typed)}
    for table, grid, h, w, g in _plain_point_tables(doc, rule, forms):
        pairs = _pairs(grid, h, w, g)
        found = weighed_rows(pairs)
        if found is None:
            continue
        above, (r, _, total) = found
        column = g
        if total is None:
            # (its score blank, the weighed scores in a column of their own, 加权得分: the total there)
            column = next((c for c, head in enumerate(grid[h]) if c != g and rule.params["weighed_head_word"]
                           and rule.params["weighed_head_word"] in compact(head)), None)
            total = parse_quantity(grid_cell(grid, r, column)) if column is not None else None
            if total is None:
                continue
        weights = sum((x.value for x, _ in above), Decimal(0))
        mean = sum((x.value * s.value for x, s in above), Decimal(0)) / weights
        # (each score as printed stands for its interval: the mean's spread is their weighed half-units)
        spread = sum((x.value * half_unit(s.places) for x, s in above), Decimal(0)) / weights
        yield CHECKED
        if abs(total.value - mean) <= half_unit(total.places) + spread:
            continue
        shown, cell = fmt(mean, max(total.places, 1)), table.rows[r][column]
        terms = " + ".join(f"{s.text} × {x.text}" for x, s in above)
        label = next((x.strip() for x in grid[r] if x.strip()), "")
        yield Hit(quote=table.row_text(r).strip("\t "), location=cell.loc, stated=cell.text, expected=shown,
                  # (weights printed in %, 60%: their products summed; in points, 60: divided by their sum)
                  formula=f"{label} = {terms} = {shown}" if all(x.unit == "%" for x, _ in above) and weights == 100
                  else f"{label} = ({terms}) ÷ {fmt(weights, 0)} = {shown}",
                  fields={"indicator": label, "score": cell.text, "weight": fmt(weights, 0), "table": table.name,
                          "sum": shown},
                  highlights=[table.rows[k][g].loc for k, q in sorted(pairs.items()) if k != r and q[1] is not None])


HEAD_ROWS = 3  # rows a table's heads stand in
HEAD_CHARS = 400  # characters of a table's first rows those heads stand in
