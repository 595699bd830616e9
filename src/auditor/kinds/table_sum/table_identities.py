"""Identities within special tables, the smaller checks of kind `table_sum`: three_public (the
identities of the “三公” columns), running_total (a column of 累计 = the row before's + the row's own
figure), row_product (a column of amounts = standards × numbers of the row, tables/products.py) and
year_growth (tables/year_rows.py)."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.lexicon import lexicon
from ...facts.numbers import NUMBER_RE, fmt
from ...knowledge import compact, vocabulary
from ...model import Cell
from ...tables.products import row_products
from ...tables.year_rows import GrowthHeads, year_growth_slips
from ...tables.typed import parse_cell
from ...ingest.raw import DASHES
from ..base import Checked, Hit, note_compared, sum_check
from .units import head_unit
from .reading import row_name, row_label, notes_after
from .findings import compare, stated_gap


def check_three_public(doc, rule, typed):
    group_names = vocabulary()["table_types"]["three_public"].get("groups") or {}
    for t in typed:
        if t.type != "three_public":
            continue
        for rec in t.records:
            # (the group's first name in the vocabulary: 预算数, 决算数, 上年数)
            group = (group_names.get(rec.group.split(":", 1)[0]) or ["决算数"])[0]
            if ":" in rec.group:
                group = f"{rec.group.split(':', 1)[1]}年{group}"
            identities = rule.params["identities"]
            for identity in identities:
                total, label, cells = identity["total"], identity["label"], rec.cells
                parts = _expanded(identity["parts"], cells, identities)
                if total not in cells or any(p not in cells for p in parts):
                    continue  # a table without those columns (no 购置费 / 运行维护费 split)
                total_cell = cells[total]
                if not total_cell.text.strip():
                    continue
                zero = Cell("0", total_cell.loc)
                # (a blank or a dash, —, for nothing spent: 0)
                part_cells = [cells[p] if cells[p].text.strip() not in ("", *DASHES) else zero for p in parts]
                hit = compare(rule, t.table, total_cell, part_cells, f"{group}{label}", group,
                               [rule.params["names"].get(p, p) for p in parts])
                if hit is not None:
                    yield hit


def _expanded(parts: list[str], cells: dict, identities: list[dict]) -> list[str]:
    """The parts, one the table leaves out replaced by its own parts (公务用车购置及运行维护费 by
    购置费 and 运行维护费, when only they are printed)."""
    out = []
    for part in parts:
        sub = next((i["parts"] for i in identities if i["total"] == part), None)
        out.extend(sub if part not in cells and sub and all(p in cells for p in sub) else [part])
    return out


def check_running_total(doc, rule, _typed):
    """A column of running totals (累计支出) beside the period's own figures (当月支出), rows by
    period (1月, 2月 …): each row's running total is the row before's plus its own figure. A running
    total that alone is off, the next row agreeing with the true one, is told once."""
    words = [compact(w) for w in rule.params["running_words"]]
    periods = re.compile(rule.params["period_row_pattern"])
    for table in doc.tables:
        grid = table.grid()
        rows = [r for r, row in enumerate(grid) if row and periods.fullmatch(compact(row_label(row)))]
        if len(rows) < 3:
            continue
        heads = [compact(" ".join(grid[r][c] for r in range(rows[0]) if c < len(grid[r]))) for c in range(table.width)]
        rates = [compact(w) for w in rule.params["rate_column_words"]]
        for col in (c for c, h in enumerate(heads) if any(w in h for w in words) and not any(w in h for w in rates)):
            # (the period's own figures: the nearest column to the left that is no running one and no rate)
            # (of the running total's own year: 上年同期累计 beside 本季支出 adds up last year's quarters)
            prior = bool(lexicon().prior.search(heads[col]))
            own = next((c for c in range(col - 1, 0, -1) if heads[c] and not any(w in heads[c] for w in words + rates)
                        and bool(lexicon().prior.search(heads[c])) == prior), None)
            if own is None or len({head_unit(heads[own]), head_unit(heads[col])} - {None}) > 1:
                continue  # (当年建成（亩） beside 累计建成（万亩）: other units, no sum of the two)
            yield from _running_column(rule, table, grid, rows, own, col, heads)


def _running_column(rule, table, grid, rows: list[int], own: int, col: int, heads: list[str]):
    values = [(parse_cell(grid[r][own]), parse_cell(grid[r][col])) for r in rows]
    if any(a is None or b is None for a, b in values):
        return
    skip = False
    for k in range(1, len(rows)):
        if skip:
            skip = False
            continue
        (_, before), (amount, total) = values[k - 1], values[k]
        if sum_check(total, [before, amount], rule.tolerance) == "ok":
            note_compared(table.rows[rows[k]][col].loc)
            continue
        if k + 1 < len(rows):
            # this row's total alone is off when the next one follows on from the true figure
            nxt_amount, nxt_total = values[k + 1]
            skip = sum_check(nxt_total, [before, amount, nxt_amount], rule.tolerance) == "ok"
        hit = compare(rule, table, table.rows[rows[k]][col], [table.rows[rows[k - 1]][col], table.rows[rows[k]][own]],
                       row_label(grid[rows[k]]).strip(), heads[col], ["上期累计", "本期"])
        if hit is not None:
            hit.fields["relation"] = "按上期累计加本期应为"
            yield hit


def check_row_product(doc, rule, _typed):
    notes = notes_after(doc)
    caps = tuple(rule.params["cap_note_words"])
    for table in doc.tables:
        # (a note capping the amounts, 单个项目补助最高不超过100.00万元: a row below its product at the
        # cap's figure is held to it)
        note = notes.get(id(table), "")
        cap_values = {q.value for q in (parse_cell(t) for t in NUMBER_RE.findall(note)) if q is not None} \
            if any(w in note for w in caps) else set()
        products = product_slips(table, rule)
        if products.checked:
            yield Checked(products.checked)
        for slip in products.slips:
            cell = table.rows[slip.row][slip.col]
            factors = " × ".join(f"{head} {text}" for head, text in slip.terms)
            stated = parse_cell(cell.text)
            if stated.value < slip.expected and stated.value in cap_values:
                continue
            shown = fmt(slip.expected, stated.places, cell.text)
            # (3 | 下河村 | …: the row named by its name, not its 序号)
            label = row_name(table.grid()[slip.row]) or compact(row_label(table.grid()[slip.row])) or f"第{table.row_number(slip.row)}行"
            yield Hit(quote=table.row_text(slip.row).strip("\t "), location=cell.loc,
                      stated=f"{label} {cell.text}", expected=shown,
                      formula=f"{factors}{f' × {slip.periods}（全年{slip.periods}{slip.period}）' if slip.periods > 1 else ''}"
                              f"{' ÷ 100（百分数）' if slip.percent else ''}"
                              f"{' ÷ 10000（元折合万元）' if slip.ten_thousandth else ''} = {shown}"
                              "（表中其余各行均按此计算）",
                      fields={"table": table.name, "label": label,
                              "column": slip.column, "total": cell.text, "sum": shown,
                              "diff": f"{stated.value - slip.expected:.{stated.places}f}",
                              "gap": stated.value - slip.expected,
                              "relation": "按金额与比率之积为" if slip.percent else "按数量与标准之积为", "note": ""})


def products_explain(hit: Hit, slips, col: int, table) -> bool:
    """The column adds up to its total once the summed rows' product slips are put right."""
    rows = {loc.row - 1 for loc in hit.highlights[1:] if loc.row}
    mine = [slip for slip in slips if slip.col == col and slip.row in rows]
    if not mine:
        return False
    correction = sum((slip.expected - parse_cell(table.rows[slip.row][col].text).value for slip in mine), Decimal(0))
    places = max(parse_cell(table.rows[slip.row][col].text).places for slip in mine)
    return abs(stated_gap(hit) - correction) <= Decimal(1).scaleb(-places)


def product_slips(table, rule):
    """The rows of a table held to a product, and its slips (tables/products.py)."""
    return row_products(table, rule.params["rate_column_words"] + rule.params["not_summed_words"])


def check_year_growth(doc, rule, _typed):
    """A year-rows table's growth on the year before against the row above (tables/year_rows.py)."""
    for table in doc.tables:
        heads = GrowthHeads(tuple(rule.params["growth_words"]), tuple(rule.params["prior_words"]),
                            tuple(rule.params["rate_growth_words"]), tuple(rule.params["other_base_words"]))
        growths = year_growth_slips(table, heads, tuple(rule.params["rate_column_words"]))
        if growths.checked:
            yield Checked(growths.checked)
        grid = table.grid() if growths.slips else None
        for slip in growths.slips:
            cell = table.rows[slip.row][slip.col]
            stated = parse_cell(cell.text)
            shown = fmt(slip.expected, max(stated.places, 2))
            label = compact(row_label(grid[slip.row]))
            yield Hit(quote=table.row_text(slip.row).strip("\t "), location=cell.loc,
                      stated=f"{label} {cell.text.strip()}", expected=f"{shown}%",
                      formula=f"{slip.column}：{slip.terms[0]} ÷ {slip.terms[1]} − 1 = {shown}%（上一行为上一年度）",
                      fields={"table": table.name, "label": label, "column": slip.growth,
                              "total": cell.text.strip(), "sum": f"{shown}%", "diff": "",
                              "relation": f"按{slip.column}本行与上一年度之比应为", "note": ""})
