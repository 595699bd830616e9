"""Checks `code_rollup`, `row_total` and `code_order` of kind `table_sum`, on tables keyed by
budget code: every code = Σ of the codes two digits longer below it, a 合计/小计 column = Σ of
the amount columns after it, and a code printed away from its parent."""
from __future__ import annotations

import re
from decimal import Decimal
import functools

from ...facts.base.figures import part_names
from ...facts.lexicon import lexicon
from ...facts.numbers import fmt
from ...knowledge import compact
from ...model import Cell
from ...tables.typed import CodeRecord, parse_cell
from ..base import CHECKED, Hit, NotAssessable, sum_check
from .relations import change_relations, settled_cells, RowRelations, fold_changes
from .findings import compare


TOTAL_COLUMN_RE = re.compile(r"(?:合计|小计)$")


def check_code_rollup(doc, rule, typed):
    for t in typed:
        if t.type != "budget_by_code":
            continue
        if not t.segments:
            # typed by its head words, but no column reads as the codes: said, not passed over
            yield NotAssessable(f"「{t.table.name}」未找到科目编码列，各级科目之和未核对")
            continue
        names = t.column_names
        for segment, amount_cols in t.segments:
            records = [r for r in t.records if r.segment == segment]
            children: dict[int, list[CodeRecord]] = {}  # record -> its child codes, the same in every column
            groups = _row_groups(names, amount_cols, rule.params["beside_total_words"],
                                 tuple(rule.params["part_column_words"]))
            rates = {c for c in amount_cols if any(w in names.get(c, "") for w in rule.params["rate_column_words"])}
            plain = [c for c in amount_cols if c not in rates]
            settled = RowRelations(functools.partial(_record_relations, rule, records, names, plain, groups))
            column_hits: dict[int, list[Hit]] = {}
            for col in amount_cols:
                if col in rates:
                    continue  # a 增减率 column: a total's rate is no sum of its items' rates
                name = names.get(col, f"第{col + 1}列")
                across = next((g for g in groups if col in g[1]), None)
                column_hits[col] = list(_rollup_column(rule, t, records, col, name, children, across, settled))
            yield from fold_changes(column_hits, settled) if any(column_hits.values()) else ()


def _record_relations(rule, records: list[CodeRecord], names: dict, cols: list[int], groups):
    """The change columns' relations of a code table (see change_relations) and the cells its
    rows bear out (settled_cells), by the row and column each cell is printed in."""
    figures = {}
    for rec in records:
        parsed = {c: parse_cell(rec.amounts[c].text) for c in cols if c in rec.amounts}
        figures[rec.row] = {c: q for c, q in parsed.items() if q is not None}
    changes = [c for c in cols if any(w in compact(names.get(c, "")) for w in rule.params["change_column_words"])]
    relations = change_relations(list(figures.values()), changes, cols) if changes else []
    if not relations and not groups:
        return [], frozenset()
    printed = {rec.row: rec for rec in records}
    settled = settled_cells(figures, relations, groups)
    return relations, frozenset((r, printed[r].printed_col(c)) for r, c in settled)


def unreadable_cell(t, row: int, col: int) -> bool:
    """A cell with text that is neither a figure nor a blank mark (478.08.00, 1628..67): a sum
    over it cannot be judged; the malformed figure is reported by its own rule."""
    cells = t.table.rows[row]
    text = cells[col].text.strip() if col < len(cells) else ""
    return bool(text) and not lexicon().dash(text) and parse_cell(text) is None


def _rollup_column(rule, t, records, col, column_name, children_of: dict[int, list[CodeRecord]],
                   across: tuple[int, list[int]] | None = None, settled: "RowRelations | frozenset" = frozenset()):
    hits: dict[int, tuple[Hit, Decimal]] = {}  # record -> its finding and its gap (stated − sum)
    parts_of: dict[int, list[int]] = {}
    position = {id(r): k for k, r in enumerate(records)}  # (records.index would rescan per child)
    for i, rec in enumerate(records):
        total_cell = rec.amounts.get(col)
        if total_cell is None:
            continue
        children = children_of.get(i)
        if children is None:
            children = children_of[i] = code_children(records, i)
        parts = [c for c in children if col in c.amounts]
        if not children or not parts or any(unreadable_cell(t, c.row, c.printed_col(col)) for c in children):
            continue
        parts_of[i] = [position[id(c)] for c in parts]
        label = f"{rec.code} {rec.name}".strip() if not rec.is_total else rec.name or rec.code
        hit = compare(rule, t.table, total_cell, [c.amounts[col] for c in parts],
                       label, column_name, [f"{c.code} {c.name}".strip() for c in parts], settled=settled)
        # (each part by its code and name, 208 社会保障和就业支出 1,307.18: a code alone beside its
        # amount reads as one number)
        if hit is not None:
            hits[i] = (hit, _gap(total_cell, [c.amounts[col] for c in parts]))
    for i, (hit, gap) in hits.items():
        # a parent whose gap is one child's own gap the other way round sums right once that
        # child is put right (211 printed 210 over 200: 合计 300 ≠ 210 + 100): one error, told once
        explained = [j for j in parts_of.get(i, ()) if j in hits and hit.cls is None and hits[j][0].cls is None
                     and gap != 0 and hits[j][1] == -gap]
        if explained:
            note = f"；改正此行后，上级「{hit.fields['label']}」{hit.fields['total']} 也与其下级之和相符"
            hits[explained[0]][0].formula += note
            continue
        if across is not None and col in across[1] and gap != 0 and any(
                _row_gap(t, records[j], *across) == gap for j in parts_of.get(i, ())):
            continue  # a child's cell that also breaks its own row (told by SUM004, at that cell)
        yield hit


def _row_gap(t, rec: CodeRecord, total_col: int, part_cols: list[int]) -> Decimal | None:
    """A record's 合计 minus the columns it sums, a blank or a dash 0 as the row check (SUM004)
    reads it; None without a 合计 or where a cell cannot be read."""
    if total_col not in rec.amounts or any(unreadable_cell(t, rec.row, rec.printed_col(c)) for c in part_cols):
        return None
    total = parse_cell(rec.amounts[total_col].text)
    parts = [parse_cell(rec.amounts[c].text) for c in part_cols if c in rec.amounts]
    if total is None or None in parts:
        return None
    return total.value - sum((p.value for p in parts), Decimal(0))


def _gap(total_cell: Cell, part_cells: list[Cell]) -> Decimal:
    total = parse_cell(total_cell.text)
    parts = [parse_cell(c.text) for c in part_cells]
    return total.value - sum((p.value for p in parts), Decimal(0))


def check_row_total(doc, rule, typed):
    for t in typed:
        if t.type != "budget_by_code":
            continue
        names = t.column_names
        for segment, amount_cols in t.segments:
            groups = _row_groups(names, amount_cols, rule.params["beside_total_words"],
                                 tuple(rule.params["part_column_words"]))
            for k, (total_col, parts) in enumerate(groups):
                following = groups[k + 1][0] if k + 1 < len(groups) else None
                # (a 其中 column after the parts opens another breakdown of the total, 上年结转 | 其中：基本支出 |
                # 项目支出: no carry-over of the first)
                opened = next((c for c in amount_cols if c > parts[-1] and names.get(c, "").startswith(
                    tuple(rule.params["part_column_words"]))), None)
                following = min((c for c in (following, opened) if c is not None), default=None)
                parts = _with_carried(t, segment, total_col, parts, amount_cols, following,
                                      [c for c in amount_cols if any(w in names.get(c, "") for w in rule.params["closing_balance_words"])])
                yield from _row_total_of(rule, t, segment, names, total_col, parts)


def _with_carried(t, segment, total_col: int, parts: list[int], amount_cols: list[int],
                  following: int | None, closing: list[int]) -> list[int]:
    """The group's parts, with the columns after them that a word set beside the total (上年结转)
    when every row adds up with them and not without: a budget's income table sums its carry-over
    into 合计 (合计 | 一般公共预算拨款 | 其他收入 | 上年结转), a final account's spending table keeps its
    年末结转和结余 beside 本年支出. Decided for the table by the reading most rows add up in (at
    least half of them), never row by row: a slip would be hidden."""
    rest = [c for c in amount_cols if c > parts[-1] and (following is None or c < following)]
    if not rest or set(rest) & set(closing):
        return parts
    records = [r for r in t.records if r.segment == segment]
    without = [_row_gap(t, r, total_col, parts) for r in records]
    with_rest = [_row_gap(t, r, total_col, parts + rest) for r in records]
    # (rows whose columns after the parts are 0 or blank add up either way: they say nothing)
    judged = [(a, b) for a, b in zip(without, with_rest) if a is not None and b is not None and a != b]
    adds_with = sum(1 for _, b in judged if b == 0)
    if adds_with >= CARRIED_ROWS and adds_with > sum(1 for a, _ in judged if a == 0) and 2 * adds_with >= len(judged):
        return parts + rest
    return parts


CARRIED_ROWS = 2  # rows with a carry-over that add up only with it, at least, to sum it in


def _row_total_of(rule, t, segment, names: dict, total_col: int, parts: list[int]):
    """Each record of the segment across one group: its 合计 against the columns it sums."""
    records = [r for r in t.records if r.segment == segment]
    for i, rec in enumerate(records):
        total_cell = rec.amounts.get(total_col)
        part_cells = [rec.amounts[c] for c in parts if c in rec.amounts]
        if total_cell is None or not part_cells or any(unreadable_cell(t, rec.row, rec.printed_col(c)) for c in parts):
            continue
        label = f"{rec.code} {rec.name}".strip() if not rec.is_total else rec.name or rec.code
        hit = compare(rule, t.table, total_cell, part_cells, label, names.get(total_col, ""),
                       [names.get(c, f"第{c + 1}列") for c in parts if c in rec.amounts])
        if hit is not None and hit.cls == "rounding" and _tail_of_children(t, records, i, total_col, parts):
            continue  # (2120101's 0.01 carried up to 21201, 212 and 合计: noted once, on the lowest row)
        if hit is not None:
            yield _blame_part(hit, t, rec, total_col, [c for c in parts if c in rec.amounts], names)


def _tail_of_children(t, records: list[CodeRecord], i: int, total_col: int, parts: list[int]) -> bool:
    """The row's rounding gap (合计 − its columns) is its child codes' gaps added up: theirs, carried up."""
    children = code_children(records, i)
    gaps = [_row_gap(t, c, total_col, parts) for c in children]
    own = _row_gap(t, records[i], total_col, parts)
    return bool(children) and own is not None and None not in gaps and own == sum(gaps, Decimal(0)) \
        and any(g != 0 for g in gaps)


def _row_groups(names: dict, amount_cols: list[int], beside_words: list[str],
                part_words: tuple = ()) -> list[tuple[int, list[int]]]:
    """(a 合计 column, the columns after it it sums) for each group of columns a row adds up in:
    the parts stop at the next total (上年预算数 合计 | 基本 | 项目 | 本年预算数 合计 | 基本 | 项目: two
    groups) or at a column standing beside the total (年末结转和结余; another year's, 合计 | 基本支出
    | 项目支出 | 2024年预算数)."""
    total_cols = [c for c in amount_cols if TOTAL_COLUMN_RE.search(compact(names.get(c, "")))]
    nested = _nested_subtotals(names, amount_cols, total_cols)
    if nested:
        return _nested_groups(names, amount_cols, total_cols, nested, beside_words, part_words)
    groups = []
    for k, total_col in enumerate(total_cols):
        following = total_cols[k + 1] if k + 1 < len(total_cols) else None
        beside = [c for c in amount_cols if c > total_col and (
            any(w in compact(names.get(c, "")) for w in beside_words)
            or _other_year(names.get(c, ""), names.get(total_col, "")))]
        stop = min([*beside, *([following] if following is not None else [])], default=None)
        # (其中：教育收费 is inside the column before it, no part of its own)
        parts = [c for c in amount_cols if c > total_col and (stop is None or c < stop) and _part_column(names, c, total_cols, part_words)]
        parts = outside_each_other(names, parts)
        if parts:
            groups.append((total_col, parts))
    return groups


def outside_each_other(names: dict, parts: list[int]) -> list[int]:
    """The part columns but those of a declared sum whose total is another part column (合计 | 基本支出 |
    人员经费 | 公用经费 | 项目支出, a two-tier head printed flat: 人员经费 and 公用经费 are inside 基本支出,
    concepts.yaml calculations), which the row's total holds once, in that column."""
    lex = lexicon()
    concept_of = {c: lex.concepts.last(compact(names.get(c, ""))) for c in parts}
    present = set(concept_of.values()) - {None}
    inside = {name for calc in lex.calculations if calc["total"] in present for name in part_names(calc)}
    kept = [c for c in parts if concept_of[c] not in inside]
    return kept if len(kept) >= 2 else parts


def group_of(name: str) -> str:
    """The group a column's head names above its own words (财政拨款收入 of 财政拨款收入 小计)."""
    path = name.split()
    return " ".join(path[:-1]) if len(path) > 1 else ""


def _nested_subtotals(names: dict, amount_cols: list[int], total_cols: list[int]) -> dict[int, list[int]]:
    """{a subtotal column: the columns of its group} where a total column heads a group of its own
    (财政拨款收入 › 小计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款; 事业收入 › 小计 | 其中：医疗收入)
    beside a total of the whole row (本年收入合计); {} where no total stands above the groups."""
    nested = {}
    for col in total_cols:
        group = group_of(names.get(col, ""))
        members = [c for c in amount_cols if c != col and group and group_of(names.get(c, "")) == group]
        if members:
            nested[col] = members
    return nested if any(c not in nested for c in total_cols) else {}


def _nested_groups(names: dict, amount_cols: list[int], total_cols: list[int], nested: dict,
                   beside_words: list[str], part_words: tuple) -> list[tuple[int, list[int]]]:
    """The groups of a head nesting subtotals: each subtotal sums its group's columns but a 其中
    one (inside another, no part); the whole row's total sums the columns after it outside every
    group, each group by its subtotal, up to the next total or a column standing beside it."""
    groups = [(col, [c for c in members if _part_column(names, c, [col], part_words)]) for col, members in nested.items()]
    groups = [(col, parts) for col, parts in groups if len(parts) >= 2]  # (one part is a restatement, no sum)
    inside = {c for members in nested.values() for c in members}
    tops = [c for c in total_cols if c not in nested]
    for k, top in enumerate(tops):
        following = tops[k + 1] if k + 1 < len(tops) else None
        parts = []
        for c in amount_cols:
            if c <= top or c in inside or not _part_column(names, c, tops, part_words):
                continue
            if (following is not None and c >= following) or any(w in compact(names.get(c, "")) for w in beside_words):
                break
            parts.append(c)
        if len(parts) >= 2:
            groups.append((top, parts))
    return sorted(groups)


def _part_column(names: dict, col: int, totals, part_words: tuple) -> bool:
    """The column is a part of a sum beside it, not one inside the part before it (事业收入 | 其中：
    教育收费); right after a total, 其中 opens the total's parts (本年支出合计 | 其中：基本支出 | 项目支出)."""
    own = names.get(col, "").split()
    return not (own and compact(own[-1]).startswith(part_words)) or col - 1 in totals


YEAR_HEAD_RE = re.compile(r"(?:19|20)\d\d(?=年)")


def _other_year(name: str, total_name: str) -> bool:
    """A column head naming a year other than the total column's (2024年预算数 beside 2025年预算数)."""
    years = set(YEAR_HEAD_RE.findall(name))
    return bool(years) and not years & set(YEAR_HEAD_RE.findall(total_name))


def _blame_part(hit: Hit, t, rec: CodeRecord, total_col: int, part_cols: list[int], names: dict) -> Hit:
    """A row that does not add up across, where the total's column rolls up to the item above and
    exactly one part's column does not (事业单位医疗 26.15 | 26.51 under 行政事业单位医疗 26.15 | 26.15):
    that part's cell is the slip, and the finding is told at it."""
    parent = _parent_record(t.records, rec)
    if parent is None:
        return hit
    siblings = [r for r in t.records if r.segment == rec.segment and not r.is_total and len(r.code) == len(rec.code)
                and (parent.is_total or r.code.startswith(parent.code))]

    def rolls_up(col: int) -> bool | None:
        """(a blank or a dash is 0, as the row check reads it; a cell that cannot be read, None)"""
        if any(unreadable_cell(t, r.row, r.printed_col(col)) for r in (parent, *siblings)):
            return None
        whole = _figure(parent.amounts.get(col))
        values = [_figure(r.amounts.get(col)) for r in siblings]
        return None if whole is None or None in values else sum_check(whole, values) != "mismatch"

    if rolls_up(total_col) is not True:
        return hit
    broken = [c for c in part_cols if rolls_up(c) is False]
    if len(broken) != 1:
        return hit
    cell = rec.amounts[broken[0]]
    total = parse_cell(rec.amounts[total_col].text)
    others = [parse_cell(rec.amounts[c].text) for c in part_cols if c != broken[0]]
    if total is None or None in others:
        return hit
    places = max([total.places] + [o.places for o in others])
    right = fmt(total.value - sum((o.value for o in others), total.value * 0), places, cell.text)
    hit.location, hit.stated, hit.expected = cell.loc, f"{rec.code} {names.get(broken[0], '')} {cell.text}".strip(), right
    above = "合计" if parent.is_total else f"上级科目 {parent.code}"
    hit.formula += (f"；本列{above} 为 {parent.amounts[broken[0]].text}，与下级之和不符，"
                    f"而合计栏与上级一致：应改的是{names.get(broken[0], '该栏')}（{right}）")
    return hit


ZERO = parse_cell("0")


def _figure(cell: Cell | None):
    """A code record's figure in a column; ZERO where the record has none (blank or dash)."""
    return ZERO if cell is None else parse_cell(cell.text)


def parents_first(records: list[CodeRecord]) -> list[CodeRecord]:
    """The records in the order that puts each parent before its items: as printed, or bottom up
    where the table prints its parents under their items as subtotals (30201 办公费, 30202 印刷费,
    then 302 商品和服务支出合计), as more of its items' printed parents stand below them than above."""
    where = {r.code: k for k, r in enumerate(records) if not r.is_total and r.code}
    below = above = 0
    for k, rec in enumerate(records):
        parent = where.get(rec.code[:-2]) if not rec.is_total and len(rec.code) > 3 else None
        if parent is not None:
            below, above = (below + 1, above) if parent > k else (below, above + 1)
    return records[::-1] if below > above else records


def _heads_before(records: list[CodeRecord]) -> dict[int, CodeRecord | None]:
    """id(record) -> the nearest record before it, in this order, one level up (its code's length
    less two), no shorter code between them (a shorter code closes the longer ones' run)."""
    shorter: dict[int, CodeRecord] = {}  # code length -> the last record of that length so far
    heads = {}
    for rec in records:
        heads[id(rec)] = shorter.get(len(rec.code) - 2)
        shorter[len(rec.code)] = rec
        for length in [n for n in shorter if n > len(rec.code)]:
            del shorter[length]
    return heads


def _parent_record(records: list[CodeRecord], rec: CodeRecord) -> CodeRecord | None:
    """The item a budget code rolls up to (2101102 → 21011; a class, 221, to the 合计 row), in the
    same code column."""
    if rec.is_total or len(rec.code) < 3:
        return None
    if len(rec.code) == 3:
        return next((r for r in records if r.segment == rec.segment and r.is_total), None)
    return next((r for r in records if r.segment == rec.segment and not r.is_total
                 and r.code == rec.code[:len(rec.code) - 2]), None)


def code_children(records: list[CodeRecord], i: int) -> list[CodeRecord]:
    parent = records[i]
    if parent.is_total:
        # the table's top level: 类 (3 digits), or the shortest codes it prints (a list of 项 only,
        # 2010601…), when every other code falls under one of them
        coded = [r for r in records if not r.is_total and r.code]
        if not coded:
            return []
        shortest = min(len(r.code) for r in coded)
        top = [r for r in coded if len(r.code) == shortest]
        heads = tuple(r.code for r in top)
        return top if all(r.code.startswith(heads) for r in coded) and _distinct_heads(top) else []
    # the items right under it, else (a subtotal printed after its items: 30201, 30202, then 302) the
    # items right above it, in the order printed
    children = _run_of_items(parent, records[i + 1:]) or _run_of_items(parent, records[i - 1::-1] if i else [])[::-1]
    return children if _distinct_heads(children) else []


def _run_of_items(parent: CodeRecord, records) -> list[CodeRecord]:
    """The items one level under `parent` among the run of its codes the records open with."""
    length = len(parent.code)
    children = []
    for rec in records:
        if rec.is_total or len(rec.code) <= length or not rec.code.startswith(parent.code):
            break
        if len(rec.code) == length + 2:
            children.append(rec)
    return children


FULL_CODE_LENGTH = 7  # a 项 of the functional classification (2010601): a code with no level under it


def _distinct_heads(siblings: list[CodeRecord]) -> bool:
    """Whether codes of one level may be summed as siblings: a 类 or 款 heads the rows under it and
    is printed once, so one printed twice is no sibling of itself (201 | 06 | 01 read as 201 when
    its 款 and 项 columns were not read: each row another 201). A full code may repeat (a list of
    projects charged to one 项)."""
    codes = [r.code for r in siblings if len(r.code) < FULL_CODE_LENGTH]
    return len(codes) == len(set(codes))


def _orphans(records: list, printed: set[str]) -> list:
    """The one item of its level whose parent the table does not print, where the table prints
    that parent's level and the item's 类 (221, 22102, then 2210301 住房公积金 — its 22103 nowhere):
    a code miswritten, or its parent's row left out. Several such items: a table printing only some
    levels, not judged."""
    by_length: dict[int, list] = {}
    lengths = {len(code) for code in printed}
    for rec in records:
        if len(rec.code) > 3 and rec.code[:-2] not in printed and len(rec.code) - 2 in lengths \
                and rec.code[:3] in printed:
            by_length.setdefault(len(rec.code), []).append(rec)
    return [found[0] for found in by_length.values() if len(found) == 1]


CODE_GLUE_RE = re.compile(r"[\s\-－.．\[\]【】（）()、类款项]")


def _codes_written(table) -> set[str]:
    """Every code the table's cells open with, however written (221 02, 221-02, [22102], 22102.,
    22102（款）, 22102住房改革支出): a parent printed in a form the code reader does not take is
    printed all the same."""
    found = set()
    for row in table.grid():
        # (the code or the name cell, the first two filled: no amount, 221.03, read as 22103)
        for cell in [c for c in row if c.strip()][:2]:
            if DECIMAL_RE.match(cell.strip()):
                continue
            m = re.match(r"\d{3,}", CODE_GLUE_RE.sub("", cell)) if cell[:1].isdigit() or cell[:1] in "[【（(" else None
            if m:
                found.add(m.group())
    return found


DECIMAL_RE = re.compile(r"[\d,]+\.\d+$")


def _orphan_hit(t, rec, parent: str, above, side: str = "之下") -> Hit:
    under = f"{above.code} {above.name}".strip()
    return Hit(quote=t.table.row_text(rec.row).strip("\t "), location=rec.label_cell.loc,
               stated=f"{rec.code} {rec.name}".strip(), expected=f"上级科目 {parent} 未列出",
               formula=f"科目 {rec.code} 的上级科目为 {parent}，表中未列出，却列在 {under} {side}：编码或上级科目行有误",
               fields={"table": t.table.name, "label": f"{rec.code} {rec.name}".strip(),
                       "column": "", "total": f"{parent}（表中未列出）", "sum": f"{under} {side}", "diff": "", "relation": "",
                       "note": ""})


def check_code_order(doc, rule, typed):
    """A budget code printed away from its parent (2101101 行政单位医疗 among 20805's items, its
    21011 further down): the nearest shorter code above an item is its parent wherever the table
    prints that parent, so the item's amount is summed under the wrong heading by a reader."""
    for t in typed:
        if t.type != "budget_by_code":
            continue
        for segment, _amounts in t.segments:
            printed_order = [r for r in t.records if r.segment == segment and not r.is_total and r.code.isdigit()]
            records = parents_first(printed_order)
            # (read bottom up, a table of subtotals: an item's place is above its parent's row)
            side, edge = ("之下", "表首") if records is printed_order else ("之上", "表尾")
            printed = {r.code for r in records}
            orphans = _orphans(records, printed)
            if orphans:  # (rare: then the codes written in any form are read, once)
                orphans = _orphans(records, printed | _codes_written(t.table))
            # (an item is in place right under its parent or, a subtotal printed after its items, right
            # above it: a table may print some parents each way, 302 after its items, 303 before)
            heads, other_way = _heads_before(records), _heads_before(records[::-1])
            for rec in records:
                parent = rec.code[:-2]
                above = heads[id(rec)]
                if rec in orphans and above is not None and above.code[:3] == rec.code[:3]:
                    yield CHECKED
                    yield _orphan_hit(t, rec, parent, above, side)
                    continue
                if len(rec.code) <= 3 or parent not in printed:
                    continue
                yield CHECKED
                if any(head is not None and head.code == parent for head in (above, other_way[id(rec)])):
                    continue
                under = f"{above.code} {above.name}".strip() if above is not None else edge
                yield Hit(quote=t.table.row_text(rec.row).strip("\t "), location=rec.label_cell.loc,
                          stated=f"{rec.code} {rec.name}".strip(), expected=f"列在上级科目 {parent} {side}",
                          formula=f"科目 {rec.code} 的上级科目为 {parent}（表中另行列出），却列在 {under} {side}",
                          fields={"table": t.table.name, "label": f"{rec.code} {rec.name}".strip(),
                                  "column": "", "total": parent, "sum": f"{under} {side}", "diff": "", "relation": "",
                                  "note": ""})
