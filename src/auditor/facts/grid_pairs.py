"""A thing's amount stated in words, found in a grid of things by kinds of money.

A table whose rows are things (险种, funds, or the 合计 of them all) and whose columns name a kind
of money with a year or a measure (2022年支出 | 2023年支出, 收入预算数 | 收入执行数) states each
thing's current and base figures of that kind; its cells carry the row's concept only, the column's
kind being no concept of its own. A sentence stating one of them names the kind at its end and the
thing before it (全市社会保险基金支出67.46亿元) or in the run-in heading opening its paragraph
(（四）失业保险基金。…支出22,178.04万元，比上年增长11.4%), and no vocabulary concept: the rate of change
or completion after it is checkable on the table's base cell of that row and kind.

Strict on purpose: a row is taken only where its thing is the words' very thing (a total row where
the table's title names it), and only where the same row's current cell of that kind restates the
sentence's amount (a base from another fund, level or scope would sit in a row whose current figure
is another). The cells are indexed once per document by (row thing, kind); each look-up reads the
few cells of one key.
"""
from __future__ import annotations

import re

from ..knowledge import compact, concepts
from ..model import Table
from .base.words import ITEM_TOKEN_RE
from .restated import YEAR_WORDS_RE

NOT_NAME_RE = re.compile(r"[^\u4e00-\u9fff]")
TOPIC_MAX = 20  # characters of a run-in heading naming the paragraph's thing (（四）失业保险基金。)


def grid_cell(base, stated, measure: str, period: str):
    """The grid cell of `measure` and `period` (last year's 决算, this year's 全年预算) of the thing
    and kind the text amount `stated` names, where the grid's current cell of that row and kind
    restates `stated`; None where there is no such one cell (or several that differ). For the
    rules' fallback where the amount's concept, if any, leaves the kind unsaid (its values are
    the row's of every kind, no one value)."""
    from .agreement import meets

    if stated.source != "text" or not stated.is_money:
        return None
    key = _text_key(base, stated)
    if key is None:
        return None
    thing, kind = key
    found = []
    for cells in _rows_for(base, thing, kind):
        if any(c.measure == "决算" and c.period == "本年" and meets(c, stated) for c in cells):
            found += [c for c in cells if c.measure == measure and c.period == period]
    # (a sentence naming the row's thing as its concept, 工伤保险基金: that row's cells only)
    found = [c for c in found if stated.concept in (None, c.concept)]
    values = {c.in_yuan() for c in found}
    return found[0] if len(values) == 1 else None


def _rows_for(base, thing: str, kind: str) -> list[list]:
    """The cells of each grid row of that thing and kind: a row named so, else a total row of a
    table whose title names the thing."""
    named, totals = base.remember(("grid pairs",), lambda: _index(base))
    if (thing, kind) in named:
        return list(named[(thing, kind)].values())
    # (the thing named by the table's title, 工伤保险基金收入决算表, or by the heading it stands under,
    # 一、工伤保险基金 over 基金收入决算表)
    return [cells for block, cells in totals.get(kind, {}).items()
            if thing in _title(base, block) or thing in compact(cells[0].loc.section or "")]


def _index(base) -> tuple[dict, dict]:
    """((row thing, kind) -> table block -> the row's cells of that kind, kind -> table block ->
    the total row's cells of that kind), over the tables whose columns name a kind of money."""
    kinds = tuple((concepts().get("kind_totals") or {}).keys())
    total_rows = frozenset(concepts().get("column_total_rows") or ())
    named: dict = {}
    totals: dict = {}
    for block, cells in base.by_table.items():
        # (a head naming no kind, 上年决算数 beside 收入预算数 | 收入决算数, is of the one kind the
        # table's other heads name)
        named_kinds = {k for cell in cells for k in kinds if k in compact(cell.header)}
        if not named_kinds:
            # (no head naming a kind, 2023年决算数 | 2024年决算数: the one kind the title names, 基金收入决算表)
            named_kinds = {k for k in kinds if k in _title(base, block)}
        for cell in cells:
            head = compact(cell.header)
            found = [k for k in kinds if k in head] or (list(named_kinds) if len(named_kinds) == 1 else [])
            if len(found) != 1 or not cell.is_money or cell.member:
                continue
            row = NOT_NAME_RE.sub("", ITEM_TOKEN_RE.sub("", compact(cell.label)))
            if row in total_rows:
                totals.setdefault(found[0], {}).setdefault(block, []).append(cell)
            elif row:
                named.setdefault((row, found[0]), {}).setdefault(block, []).append(cell)
    return named, totals


def _text_key(base, stated) -> tuple[str, str] | None:
    """(thing, kind) of a text amount whose words end with a kind of money: the thing before the
    kind, scope words (全市) left off, else the run-in heading opening its paragraph."""
    label = YEAR_WORDS_RE.sub("", compact(stated.label))
    kind = next((k for k in (concepts().get("kind_totals") or {}) if label.endswith(k)), None)
    if kind is None:
        return None
    thing = label[:-len(kind)]
    words = concepts().get("grid_pairs") or {}
    for word in words.get("scope_words") or ():
        thing = thing.removeprefix(word)
    # (and the words of the report's own year before the thing, as its number is: 本年基金收入, 全年基金收入;
    # concepts.yaml current_period and whole_year_words, the longest first)
    periods = sorted((*(concepts().get("current_period") or ()), *(concepts().get("whole_year_words") or ())),
                     key=len, reverse=True)
    thing = next((thing[len(w):] for w in periods if thing.startswith(w)), thing)
    if NOT_NAME_RE.search(thing):
        return None
    generic = thing if thing in (words.get("generic_things") or ()) else ""
    if generic:
        thing = ""  # (基金收入 under （五）失业保险基金: the fund the heading names)
    # (基金收入 under no heading naming a fund: the thing a table's title names, 基金收入决算表's total row)
    thing = thing or _topic(base, stated) or _section_topic(stated) or generic
    return (thing, kind) if thing else None


def _section_topic(stated) -> str:
    """The thing the figure's numbered section heading names alone ((五）失业保险基金), "" else."""
    section = compact(stated.loc.section or "")
    words = ITEM_TOKEN_RE.sub("", section).rstrip("。.：:")
    return words if words != section and 2 <= len(words) <= TOPIC_MAX and not NOT_NAME_RE.search(words) else ""


def _topic(base, stated) -> str:
    """The paragraph's run-in heading (（四）失业保险基金。…): a first sentence of a few words and
    no figure, numbered."""
    if stated.sentence == 0 or base.by_sentence.get((stated.block, 0)):
        return ""
    opening = compact(base.sentences.get((stated.block, 0), ""))
    if not ITEM_TOKEN_RE.match(opening):
        return ""
    words = ITEM_TOKEN_RE.sub("", opening).rstrip("。.：:")
    return words if 2 <= len(words) <= TOPIC_MAX and not NOT_NAME_RE.search(words) else ""


def _title(base, block: int) -> str:
    doc = base.title_scopes.doc if base.title_scopes is not None else None
    table = doc.blocks[block] if doc is not None and block < len(doc.blocks) else None
    return compact(table.title or "") if isinstance(table, Table) else ""
