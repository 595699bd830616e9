"""Check `summary_totals` of kind `table_sum`: in 收入支出决算总表-like tables, 本年收入合计 /
本年支出合计 = Σ of the numbered items above it on the same side, the grand totals with the
balances, and a side's fund columns."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.lexicon import lexicon
from ...ingest.build import numbering_of
from ...knowledge import compact
from ...model import Cell
from ...tables.typed import parse_cell
from ..base import sum_check
from .findings import compare, crossing_cell
from .code_tables import unreadable_cell


ITEM_RE = re.compile(r"^[一二三四五六七八九十]+、")


def check_summary_totals(doc, rule, typed):
    for t in typed:
        if t.type != "income_expense_summary":
            continue
        blocks = _blocks(rule, t)
        totals_off = set()  # the blocks whose 合计 is off its items: their 总计 is not judged again
        summed = {}  # block -> its 总计 row, summed from its items where the block has no 合计 row
        for key, records in enumerate(blocks):
            plain = not any(ITEM_RE.match(r.label) for r in records)
            name = _side_name(rule, records)
            hits = list(_plain_side(rule, t, records, summed, key) if plain else
                        _side_column(rule, t, records, lambda r: r.amount_cell, "", name))
            if not plain and not hits:
                hits = list(_numbered_side(rule, t, records, summed, key))
            if any(h.cls != "rounding" for h in hits):
                totals_off.add(key)
            yield from hits
            if not plain:
                yield from _fund_columns(rule, t, records[0].side, records, name)
        yield from _grand_totals(rule, t, blocks, totals_off, summed)


def _blocks(rule, t) -> list[list]:
    """The summary's sides, each cut after its 总计 rows: a summary stacked in one pair of columns
    (the income rows down to their 总计, the expenditure rows under them down to theirs) holds two
    sides in one column. A block is a side's run of records; rows after a side's last 总计 that hold
    no total of their own (a note, a breakdown) stay with the block above them."""
    grands = {compact(x) for x in rule.params["grand_total_labels"]}
    totals = grands | {compact(x) for x in rule.params["total_labels"] + rule.params["plain_total_labels"]}
    blocks = []
    for side in sorted({r.side for r in t.records}):
        block, closed = [], False  # (closed: the side has a block ending in its 总计)
        for rec in (r for r in t.records if r.side == side):
            block.append(rec)
            if compact(rec.label) in grands:
                blocks.append(block)
                block, closed = [], True
        if closed and block and not any(compact(r.label) in totals for r in block):
            blocks[-1].extend(block)
        elif block:
            blocks.append(block)
    return blocks


def _fund_columns(rule, t, side: int, records, name: str):
    """A side's amount columns beside its first (一般公共预算财政拨款 | 政府性基金…): each adds up down
    the side as the first does, its 合计 to the items and its 总计 to the 合计 and the balances; and
    where the first is the side's 合计 column, each row's 合计 is the sum of them across. One cell
    off breaks its row and its column: told once, at that cell."""
    header = t.table.rows[t.header_row]
    columns = []
    for col in sorted({c for r in records for c in r.parts}):
        if _copies_total(records, col):
            continue
        head = header[col].text.strip() if col < len(header) else ""
        cell_of = (lambda r, c=col: r.parts.get(c))
        hits = list(_side_column(rule, t, records, cell_of, head, name))
        if not any(h.cls != "rounding" for h in hits):  # (a column's 合计 off: its 总计 not judged again)
            hits += [h for h in [_side_grand_total(rule, t, records, cell_of, head)[0]] if h is not None]
        columns += hits
    rows = list(_side_rows(rule, t, records, name)) if t.sides[side].total is not None else []
    crossing = crossing_cell(rule, t.table, columns, ((), rows)) if rows else None
    yield from [crossing] if crossing is not None else [*columns, *rows]


def _side_name(rule, records) -> str:
    """The side's name (收入, 支出: rule param side_words) as its total's label says it, "" if none."""
    totals = {compact(x) for x in rule.params["total_labels"] + rule.params["plain_total_labels"]}
    labels = [r.label for r in records if compact(r.label) in totals]
    named = {w for w in rule.params["side_words"] for label in labels if w in label}
    return named.pop() if len(named) == 1 else ""  # (both: a stacked summary read as one side)


def _where(label: str, side: str, column: str) -> str:
    """（支出，小计）: the side where the row's label does not name it (总计), and the column."""
    said = [w for w in (side if side not in label else "", column) if w]
    return f"（{'，'.join(said)}）" if said else ""


def _restates_items(above: list, after: list) -> bool:
    """A row after a balance names an item above it again (一般公共预算拨款 under 上年结转): the
    balance's breakdown by fund, whether or not it adds up to it."""
    names = [compact(_unnumbered(r.label)) for r in above]
    return any(name and any(name in other or other in name for other in names if other)
               for name in (compact(_unnumbered(r.label)) for r in after))


def _subtotal_among(parts: list) -> bool:
    """A row equal to the sum of two or more rows right above or right below it: a subtotal
    (本年收入 900 over 一般公共预算拨款 860 and 政府性基金预算拨款 40). A long side is not searched:
    no plain sum is judged there."""
    if len(parts) > SUBTOTAL_SEARCH_ROWS:
        return True
    values = [parse_cell(r.amount_cell.text) for r in parts]
    for k, value in enumerate(values):
        if value is None or not value.value:
            continue
        runs = [values[i:k] for i in range(0, k - 1)] + [values[k + 1:j] for j in range(k + 3, len(values) + 1)]
        if any(None not in run and sum_check(value, run) != "mismatch" for run in runs):
            return True
    return False


SUBTOTAL_SEARCH_ROWS = 40  # rows of a summary's side searched for a subtotal among them


def _slipped_subtotal(parts: list, total, slack: Decimal):
    """A row over the rows right under it that add up to it but for a slip (上级补助收入 248,300 over
    返还性收入, 一般性转移支付收入, 专项转移支付收入 adding to 248,210), on a side of one column: no
    second column bears the reading out, the side's total does, adding up exactly once those rows
    are left out, and they come within `slack` of the row (a share of its figure). (row, its rows)
    or None. The rows left out sum to the total's gap, so each row's look-ahead stops once past it
    (and a side this is asked of has at most SUBTOTAL_SEARCH_ROWS rows: see `_subtotal_among`)."""
    values = [_amount(r) for r in parts]
    whole = _amount(total)
    if whole is None or any(v is None for v in values) or any(v < 0 for v in values):
        return None
    gap = sum(values, Decimal(0)) - whole
    for k, head in enumerate(values):
        running = Decimal(0)
        for j in range(k + 1, len(values)):
            running += values[j]
            if running > gap:
                break
            if running == gap and j > k + 1 and running != head and abs(running - head) <= abs(head) * slack:
                return parts[k], parts[k + 1:j + 1]
    return None


def _slipped_subtotal_hit(rule, t, total, head, items: list):
    hit = compare(rule, t.table, head.amount_cell, [r.amount_cell for r in items], head.label, "",
                   [r.label for r in items])
    if hit is not None:
        hit.fields.update(relation="其下各行之和为", where="")
        hit.formula += f"；{total.label}按该行计（不含其下各行）与各项之和相符，该行是其下各行的合计"
        yield hit


def _broken_down(row, after: list) -> bool:
    """The rows after a balance add up to it (上年结转 40 | 一般公共预算拨款 30 | 事业收入 10): they
    break it down, no terms of their own."""
    whole, parts = parse_cell(row.amount_cell.text), [parse_cell(r.amount_cell.text) for r in after]
    if whole is None or not parts or any(p is None for p in parts):
        return False
    return sum_check(whole, parts) != "mismatch"


def _numbered_side(rule, t, records, summed: dict, key: int):
    """A side with numbered items (一、… 二、…) and no 合计 row before its 总计 (the two-sided 收支
    平衡表 of a budget or a final account: 一、一般公共预算收入 … 三、上年结转, 收入总计): its 总计
    is the sum of the numbered items; the unnumbered rows under an item break it down."""
    totals = {compact(x) for x in rule.params["total_labels"]}
    grands = {compact(x) for x in rule.params["grand_total_labels"]}
    if any(compact(r.label) in totals for r in records):
        return
    end = next((k for k, r in enumerate(records) if compact(r.label) in grands), None)
    if end is None or _blank_amount(records[end]):
        return
    parts = [r for r in records[:end] if ITEM_RE.match(r.label.strip()) and not _blank_amount(r)]
    if len(parts) < 2 or any(_amount(r) is None for r in parts):
        return
    # (an unnumbered row with an amount may be a term of the sum, 上年结转 or 用事业基金弥补 after
    # 一、二、, or a 小计 of them: no plain sum; only a 其中 row breaks the item above down)
    if any(not ITEM_RE.match(r.label.strip()) and not compact(r.label).startswith("其中") and not _blank_amount(r)
           and r.label.strip() for r in records[:end]):
        return
    summed[key] = records[end]
    hit = compare(rule, t.table, records[end].amount_cell, [r.amount_cell for r in parts], records[end].label, "",
                   [r.label for r in parts])
    if hit is not None:
        hit.fields.update(relation="各项之和为", where="")
        yield hit


def _grand_totals(rule, t, blocks: list, totals_off: set, summed: dict):
    """Each side's 总计 = its 合计 + the balances between them; then the two sides' 总计 are
    equal (收入总计 = 支出总计: a summary of income and expenditure balances by its carry-overs),
    judged only when each side's own 总计 holds (else that side's slip is the one told), and each
    side's first amount column is its whole (a side of fund columns with no 合计 has no one 总计)."""
    grands = []
    for key, records in enumerate(blocks):
        whole = t.sides[records[0].side].total is not None or not any(r.parts for r in records)
        if key in totals_off:
            grands.append(None)
            continue
        if key in summed:  # (a side with no 合计 row: its 总计 summed from its items above)
            grands.append(summed[key] if whole else None)
            continue
        hit, grand = _side_grand_total(rule, t, records)
        if hit is not None:
            yield hit
        grands.append(grand if whole and (hit is None or hit.cls == "rounding") else None)
    if len(grands) == 2 and all(g is not None for g in grands):
        income, expenditure = grands
        hit = compare(rule, t.table, expenditure.amount_cell, [income.amount_cell], expenditure.label, "",
                       [income.label])
        if hit is not None:
            hit.fields.update(relation="收入一方的总计为", where="（支出一方）")
            yield hit


def _side_grand_total(rule, t, records, cell_of=None, column: str = ""):
    """(a hit or None, the side's 总计 record or None), in the side's amount column or, `cell_of`
    given, in one of its other amount columns (`column` its head). The rows between the side's 合计
    and its 总计 are the template's balances (rule param balance_rows: 使用非财政拨款结余, 年初结转和
    结余 | 结余分配, 年末结转和结余), each followed by rows breaking it down (a fund's, 基本支出结转,
    其中…), no part of the sum (see _balances, read in the amount column for every column)."""
    totals = {compact(x) for x in rule.params["total_labels"]}
    grand_labels = {compact(x) for x in rule.params["grand_total_labels"]}
    start = next((k for k, r in enumerate(records) if compact(r.label) in totals), None)
    end = None if start is None else next(
        (k for k in range(start + 1, len(records)) if compact(records[k].label) in grand_labels), None)
    if end is None or _blank_amount(records[end]) or _blank_amount(records[start]):
        return None, None
    balances = _balances(rule, records[start + 1:end], records[start])
    if any(_amount(r) is None for r in balances):
        return None, None  # (a figure that cannot be read: not judged)
    cell_of = cell_of or (lambda r: r.amount_cell)
    if cell_of(records[end]) is None or _blank(cell_of(records[end])) or cell_of(records[start]) is None \
            or any(cell_of(r) is not None and not _blank(cell_of(r)) and parse_cell(cell_of(r).text) is None
                   for r in balances):
        return None, None
    parts = [records[start], *[r for r in balances if cell_of(r) is not None and not _blank(cell_of(r))]]
    hit = compare(rule, t.table, cell_of(records[end]), [cell_of(r) for r in parts], records[end].label,
                   column, [r.label for r in parts])
    if hit is not None:
        side = _side_name(rule, records)
        hit.fields.update(relation=f"{records[start].label}加结转结余为", where=_where("", side, column))
    return hit, records[end]


def _balances(rule, rows, total) -> list:
    """The rows among `rows` that add to the side's 合计 `total` (see _side_grand_total): the
    template's balance rows, read by their first words (rule param balance_rows), the first past
    any numbering (三、上年结转); and the rows before the first of them, terms of their own
    (上缴上级支出, 对附属单位补助支出 in older templates), unless they break the 合计 down: a 其中
    row with the rows after it that make its list add up to the 合计, numbered rows, rows adding
    up to the 合计. After a balance, the rows up to a balance of another kind (年初 → 年末 …)
    break it down: numbered ones, and ones of its own kind (年末结转, 年末结余 under 年末结转和结余)."""
    names = tuple(compact(w) for w in rule.params["balance_rows"])
    found, before, after_list, kind, listed = [], [], [], None, None
    for row in rows:
        label = compact(row.label if kind else _unnumbered(row.label))
        first = next((n for n in names if label.startswith(n)), None)
        if first is not None and first != kind:
            found.append(row)
            kind = first
        elif kind is None and label.startswith("其中") and listed is None:
            listed = row
        elif kind is None and numbering_of(row.label) is None:
            (before if listed is None else after_list).append(row)
    if listed is not None:
        # (其中：基本支出 800 | 项目支出 140 under 940: the list; 其中：项目支出 140 | 上缴上级支出 20:
        # the 其中 row alone, the row after it a term)
        k = max((k for k in range(len(after_list) + 1) if _sum(listed, *after_list[:k]) == _amount(total)), default=0)
        after_list = after_list[k:]
    if len(before) >= 2 and _sum(*before) == _amount(total):
        before = []  # (基本支出 800 | 项目支出 140 under 本年支出合计 940: its breakdown, unnamed)
    return before + after_list + found


def _sum(*rows) -> Decimal:
    return sum((_amount(r) or Decimal(0) for r in rows), Decimal(0))


def _unnumbered(label: str) -> str:
    """A row's label without its numbering (三、上年结转 → 上年结转)."""
    numbered = numbering_of(label)
    return label[len(numbered[0]):] if numbered is not None and label.startswith(numbered[0]) else label


def _blank_amount(rec) -> bool:
    return _blank(rec.amount_cell)


def _blank(cell: Cell) -> bool:
    text = cell.text.strip()
    return not text or lexicon().dash(text)


def _amount(rec) -> Decimal | None:
    """A summary row's figure, a blank or a dash 0; None when it cannot be read."""
    if _blank_amount(rec):
        return Decimal(0)
    q = parse_cell(rec.amount_cell.text)
    return None if q is None or q.value is None else q.value


def _copies_total(records, col: int) -> bool:
    """A fund column printing the 合计's figure in every row (the one fund there is): its sum is
    the 合计's, judged once. (A 栏次 row is none of the records: typed.py _read_summary.)"""
    pairs = [(parse_cell(r.amount_cell.text), parse_cell(r.parts[col].text)) for r in records if col in r.parts]
    return all(a is not None and b is not None and a.value == b.value for a, b in pairs if a or b)


def _side_column(rule, t, records, cell_of, column: str, side: str = ""):
    """The side's total row (本年支出合计) against its numbered items (一、… 二、…) in one column."""
    totals = {compact(x) for x in rule.params["total_labels"]}
    items = []
    for rec in records:
        if compact(rec.label) in totals:
            cell = cell_of(rec)
            parts = [r for r in items if cell_of(r) is not None and parse_cell(cell_of(r).text) is not None]
            unreadable = any(cell_of(r) is not None and unreadable_cell(t, cell_of(r).loc.row - 1, cell_of(r).loc.col - 1)
                             for r in items)
            if parts and cell is not None and parse_cell(cell.text) is not None and not unreadable:
                hit = compare(rule, t.table, cell, [cell_of(r) for r in parts], rec.label, column,
                               [r.label for r in parts])
                if hit is not None:
                    hit.fields.update(relation="各项之和为", where=_where(rec.label, side, column))
                    yield hit
            return
        if ITEM_RE.match(rec.label):
            items.append(rec)


def _side_rows(rule, t, records, side: str = ""):
    """Each row's 合计 against its fund columns on that side, all of them printed (a blank is 0)."""
    header = t.table.rows[t.header_row]
    for rec in records:
        if not rec.parts or parse_cell(rec.amount_cell.text) is None:
            continue
        cells = [c for c in rec.parts.values() if c.text.strip() and not lexicon().dash(c.text.strip())]
        if not cells or any(parse_cell(c.text) is None for c in cells):
            continue
        names = [header[c.loc.col - 1].text.strip() if c.loc.col - 1 < len(header) else "" for c in cells]
        hit = compare(rule, t.table, rec.amount_cell, cells, rec.label, header[rec.amount_cell.loc.col - 1].text.strip(),
                       names)
        if hit is not None:
            hit.fields.update(relation="各栏之和为", where=_where(rec.label, side, hit.fields["column"]))
            yield hit


def _plain_side(rule, t, records, summed: dict, key: int):
    """A side of a summary whose items are not numbered (a budget's 部门收支预算总表: 一般公共预算拨款
    收入, 其他收入, 收入总计): its total is the sum of the rows above it, when no row is a 其中 or a
    合计, and at most one is a balance carried over (上年结转 in the sum), the rows after it not
    adding up to it (then they break it down, by fund or kind: no plain sum)."""
    totals = {compact(x) for x in rule.params["total_labels"] + rule.params["plain_total_labels"]}
    words = tuple(rule.params["not_item_words"])
    balance = tuple(rule.params["balance_words"])
    for k, rec in enumerate(records):
        if compact(rec.label) not in totals:
            continue
        parts = [r for r in records[:k] if r.label.strip() and parse_cell(r.amount_cell.text) is not None]
        balances = [j for j, r in enumerate(parts) if any(w in r.label for w in balance)]
        # (one balance carried over, unless the rows after it add up to it: its breakdown by fund)
        if len(parts) < 2 or any(w in r.label for r in parts for w in words) \
                or len(balances) > 1 or (balances and _broken_down(parts[balances[0]], parts[balances[0] + 1:])) \
                or parse_cell(rec.amount_cell.text) is None:
            return
        if (balances and _restates_items(parts[:balances[0]], parts[balances[0] + 1:])) or _subtotal_among(parts):
            return  # (a breakdown naming the items above again, or a subtotal row: no plain sum)
        if compact(rec.label) in {compact(x) for x in rule.params["grand_total_labels"]}:
            summed[key] = rec
        slipped = _slipped_subtotal(parts, rec, Decimal(str(rule.params["slipped_subtotal_slack"])))
        if slipped is not None:
            yield from _slipped_subtotal_hit(rule, t, rec, *slipped)
            return
        hit = compare(rule, t.table, rec.amount_cell, [r.amount_cell for r in parts], rec.label, "",
                       [r.label for r in parts])
        if hit is not None:
            hit.fields.update(relation="各项之和为", where="")
            yield hit
        return
