"""A sentence naming rows of a table and the sum they make (…义务教育公用经费、学生资助经费和营养
改善计划三个民生项目合计支出4,657.70万元): the sum against those rows' figures in the table's one
column of the sentence's measure (context `sentence`).

The names are the words before the sum word, split at the list's joining words, a count of them
(三个民生项目) and a list opener aside; each must name exactly one row of one table (the row's
label holds the name, or the name the label), a different row each, and the list must be whole
(no 等). Names the vocabulary knows are the declared sums' business (人员经费和公用经费合计).

A sentence summing the rows of the table right above it by their count (以上五项合计652.00万元) is
judged against those rows: the table before the sentence with that many item rows (no total, 小计
or 其中 row) figured in one money column."""
from __future__ import annotations

import re
from dataclasses import replace

from ...facts.base import Fact, FactBase
from ...facts.base.model import CURRENT
from ...facts.lexicon import lexicon
from ...facts.base.words import clause_before
from ...facts.numbers import count_word
from ...knowledge import compact
from ..base import CHECKED
from .compare import compare_sum

MIN_NAME = 3  # characters a name must have to pick out a row (two are too often inside other names)
CONTEXT = "正文所列表中各行"


def check_named_row_sums(base: FactBase, rule):
    sums = tuple(rule.params["trailing_sum_words"])
    spent = ("", *rule.params["named_rows_spent_words"])
    count_tail = re.compile(rule.params["named_rows_count_tail"]) if rule.params["named_rows_count_tail"] else None
    open_words = tuple(rule.params["open_list_words"])
    rows = None  # {table block: its rows (label, {measure: facts})}: read for the first sum only
    for total in base.facts:
        if total.source != "text" or not total.is_money or total.concept or total.period != CURRENT:
            continue
        # (the clause's words: the label may stop at a 、 of the list)
        text = base.sentences.get((total.block, total.sentence), "")
        names = _names_summed(compact(clause_before(text, total.at)), sums, spent, count_tail, open_words)
        if not names:
            continue
        rows = _table_rows(base) if rows is None else rows  # (by table: each table's rows)
        parts = _named_rows(names, rows, total.measure)
        if parts is None:
            continue
        yield CHECKED
        named = replace(total, concept="、".join(names) + "合计")
        yield from compare_sum(named, parts, CONTEXT, rule)


def check_rows_above_sums(base: FactBase, rule):
    """“以上五项合计652.00万元” after a table of five items: the sum against those rows' figures."""
    pattern = rule.params["rows_above_pattern"]
    if not pattern:
        return
    above = re.compile(pattern)
    for total in base.facts:
        if total.source != "text" or not total.is_money or total.period != CURRENT:
            continue
        text = base.sentences.get((total.block, total.sentence), "")
        m = above.search(compact(clause_before(text, total.at)))
        if m is None or count_word(m.group("count")) is None:
            continue
        listed = [f for f in base.by_sentence.get((total.block, total.sentence), ()) if f.is_money and f.at < total.at]
        if len(listed) >= count_word(m.group("count")):
            continue  # (…办公费…、…会议费2.00万元，以上四项合计…: the sentence's own items, the trailing sums' check)
        tables = [b for b in base.by_table if total.block - ABOVE_REACH <= b < total.block]
        parts = _item_rows(base, max(tables), count_word(m.group("count")), rule) if tables else None
        if parts is None:
            continue
        yield CHECKED
        # (named as the sentence names the sum: 以上五项合计, 上述3个项目共计)
        yield from compare_sum(replace(total, concept=m.group(0).rstrip("为")), parts, ABOVE_CONTEXT, rule)


ABOVE_CONTEXT = "上表所列各行"
# the blocks a table may stand before the sentence summing its rows (its title's and notes' lines between)
ABOVE_REACH = 3


def _item_rows(base: FactBase, block: int, count: int, rule) -> list[Fact] | None:
    """The table's figures of this year's money in the one column that has `count` item rows (not a
    total, 小计 or 其中 row's); None unless exactly one column has."""
    skip = tuple(rule.params["rows_above_skipped_words"])
    by_column: dict[int, list[Fact]] = {}
    for f in base.by_table.get(block, ()):
        if f.is_money and f.period == CURRENT and not any(w in compact(f.label) for w in skip):
            by_column.setdefault(f.loc.col, []).append(f)
    fitting = [cells for cells in by_column.values() if len(cells) == count and len({c.loc.row for c in cells}) == count]
    return fitting[0] if len(fitting) == 1 else None


def _names_summed(label: str, sums: tuple[str, ...], spent: tuple[str, ...], count_tail, open_words: tuple[str, ...]) -> list[str]:
    """The names listed before the label's last sum word (A、B和C三个项目合计支出 → A, B, C); [] when
    fewer than two, any too short, the list left open (等), or the sum word followed by other
    words than spending's (合计结余, 合计下达资金: another measure than the rows') or by a figure
    (…合计支出70.00万元（含培训费用25.00万元）: the figure in the bracket is none of the sum)."""
    at, word = max(((label.rfind(w), w) for w in sums), default=(-1, ""))
    if at <= 0 or label[at + len(word):] not in spent:
        return []
    listing = label[:at]
    opener = lexicon().list_opener.match(listing)
    listing = listing[opener.end():] if opener else listing
    listing = listing.strip("，,：:、 ")
    listing = count_tail.sub("", listing) if count_tail else listing
    if any(w in listing for w in open_words):
        return []  # (the list left open: params open_list_words)
    names = [n for n in lexicon().list_join.split(listing) if n]
    return names if len(names) >= 2 and all(len(n) >= MIN_NAME for n in names) else []


def _table_rows(base: FactBase) -> dict[int, list[tuple[str, dict[str, list[Fact]]]]]:
    """Each table's rows stating money of this year: {table block: [(its label, {measure: its facts})]}."""
    rows: dict[tuple[int, int], tuple[str, dict]] = {}
    for block, facts in base.by_table.items():
        for f in facts:
            if f.is_money and f.period == CURRENT and f.label and f.loc.row is not None:
                label, measures = rows.setdefault((block, f.loc.row), (compact(f.label), {}))
                measures.setdefault(f.measure, []).append(f)
    tables: dict[int, list] = {}
    for (block, _), row in rows.items():
        if len(row[0]) >= MIN_NAME:
            tables.setdefault(block, []).append(row)
    return tables


def _named_rows(names: list[str], tables: dict, measure: str) -> list[Fact] | None:
    """The figures, under the sentence's measure, of the rows the names pick out in one table, one
    row each and one column for all; None unless so."""
    for rows in tables.values():
        picked = []
        for name in names:
            found = [r for r in rows if name in r[0] or r[0] in name]
            if len(found) != 1 or any(found[0] is p for p in picked):
                break
            picked.append(found[0])
        else:
            cells = [r[1].get(measure, []) for r in picked]
            if all(len(c) == 1 for c in cells) and len({c[0].loc.col for c in cells}) == 1:
                return [c[0] for c in cells]
    return None
