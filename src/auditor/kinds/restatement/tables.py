"""Table against table (kind `restatement`): the cells of one key in two tables of one scope (or
two columns listing the same rows alike), one a table; which of two disagreeing cells is the slip
(own_sums.verdict of each table's sums); and the unit slips between tables, told once all pairs
are known, on the table that stands so to more tables."""
from __future__ import annotations

from ...facts.base import Fact
from ...facts.base.heads import thing_of_head
from ...facts.base.words import ITEM_TOKEN_RE
from ...facts.lexicon import lexicon
from ...facts.agreement import factor, restates
from ...facts.titles import TitleScopes
from ...facts.numbers import MONEY_UNITS
from ...knowledge import compact, concepts
from ...model import Heading
from ..base import CHECKED
from ..own_sums import BREAKS, HOLDS, verdict
from .units import rule_unit_scale
from .findings import restatement_hit


def consistent_tables(facts: list[Fact]) -> dict[int, Fact]:
    """One fact per table; a table stating two different values for the key is ambiguous."""
    per_table: dict[int, Fact] = {}
    ambiguous = set()
    for f in facts:
        other = per_table.get(f.block)
        if other is None:
            per_table[f.block] = f
        elif not restates(other, f):
            ambiguous.add(f.block)
    return {k: v for k, v in per_table.items() if k not in ambiguous}


def check_group(doc, facts: list[Fact], rule, scope: TitleScopes, base, unit_pairs: list):
    cells = [f for f in facts if f.source == "table" and f.id not in base.column_totals]
    tables = list(consistent_tables(cells).values()) + _by_column_head(cells)
    for i, a in enumerate(tables):
        for b in tables[i + 1:]:
            # (表2 职工…基金收入情况 and 表4 城乡居民…基金收入情况: two funds' 本年收入; 榆城镇 | 培训人数 486
            # and 榆城镇 | 帮扶人数 402: two counts of one place; unless the two columns list the same rows
            # alike, row for row: one list restated, whatever the titles)
            if (not scope.same(a.block, b.block) or _other_things(a, b, scope)) and not _restated_column(base, a, b):
                continue
            if _opposite_kinds(doc, a, b):
                continue  # (行政运行 in the 收入决算表 is its income, in the 支出决算表 its spending)
            if _two_accounts(base, a, b, rule.params["own_account_tails"]):
                continue  # (保险费收入 under 一、职工…基金 and under 二、居民…基金: two funds' rows)
            yield CHECKED
            if restates(a, b):
                continue
            if rule_unit_scale(a, b, rule):
                unit_pairs.append((a, b))
                continue
            slipped, kept, note, sure = _slipped_of_two(doc, base, a, b, rule)
            yield restatement_hit(slipped, kept, rule, base.assumed_units, note, sure)


# what the two tables' own sums say of a pair of cells (own_sums.verdict of each, the first the
# one reported): the note the finding carries, and whether it names the first as the slip
SUMS_TOLD = {
    (BREAKS, HOLDS): ("；本处所在表的合计（各项之和）按另一处的数字相符、按本处数字不符，另一处所在表的合计与其数字相符", True),
    (BREAKS, None): ("；本处所在表的合计（各项之和）按另一处的数字相符、按本处数字不符", True),
    (None, HOLDS): ("；另一处所在表的合计（各项之和）与其数字相符", True),
    (HOLDS, HOLDS): ("；两表各自的合计（各项之和）都与本表的数字相符，不能判断哪一处有误，请核对两处", False),
    (BREAKS, BREAKS): ("；两表各自的合计（各项之和）都按对方的数字相符，不能判断哪一处有误，请核对两处", False),
}


def _slipped_of_two(doc, base, a: Fact, b: Fact, rule) -> tuple[Fact, Fact, str, bool]:
    """Of two tables' disagreeing cells, (the slip, the other, a note, whether the slip is known):
    the one whose own table adds up with the other's figure and not with its own, or, the other's
    adding up with its own and its own telling nothing, the one not borne out (own_sums). Where
    both tables bear out their own figure (or both the other's), neither is named; where neither
    tells, the later table's is reported, as before."""
    totals, sides = tuple(rule.params["total_row_labels"]), tuple(rule.params["side_total_labels"])
    told = verdict(doc, base, a, b, totals, sides), verdict(doc, base, b, a, totals, sides)
    if told[::-1] in SUMS_TOLD:  # (the later table's first where neither is named)
        note, sure = SUMS_TOLD[told[::-1]]
        return b, a, note, sure
    if told in SUMS_TOLD:
        note, sure = SUMS_TOLD[told]
        return a, b, note, sure
    return b, a, "", True


def _by_column_head(cells: list[Fact]) -> list[Fact]:
    """Of a row stating several figures of its key in one table (石门县 | 分配金额 765 | 其中：提前下达
    536 | 本次下达 229), the one under a head naming a thing that no other cell of the row names and
    that the only cell of another table is under (汇总: 石门县 | 分配金额 756): the figures to set
    side by side. The tables stating one figure are `consistent_tables`' already."""
    lex = lexicon()
    blocks: dict[int, list[Fact]] = {}
    for f in cells:
        blocks.setdefault(f.block, []).append(f)
    singles = {thing_of_head(fs[0].header, lex) for fs in blocks.values() if len(fs) == 1}
    out = []
    for fs in blocks.values():
        if len(fs) < 2:
            continue
        things = [thing_of_head(f.header, lex) for f in fs]
        out += [f for f, t in zip(fs, things) if t and t in singles and things.count(t) == 1]
    return out


RESTATED_ROWS = 3  # rows besides the one judged two tables' columns agree on, at least, to be one list restated


def column_of(base, cell: Fact) -> list[Fact]:
    """The table's cells in the cell's column, read once per document and column (a pair of tables
    is asked about for each of its rows: the work stays linear)."""
    return base.remember(("column", cell.block, cell.loc.col), lambda: [
        f for f in base.by_table.get(cell.block, ()) if f.loc.col == cell.loc.col and f.source == "table"])


def _restated_column(base, a: Fact, b: Fact) -> bool:
    """Two tables under different titles (补助资金分配表, 分配结果汇总) whose columns list the same rows with
    the same figures, two thirds of them and RESTATED_ROWS at least besides this one: one list restated."""
    shared, agreeing = base.remember(("restated", a.block, a.loc.col, b.block, b.loc.col), lambda: _agreement(base, a, b))
    if a.concept is not None:  # (this row itself is not counted)
        shared -= 1
        agreeing -= restates(a, b)
    return agreeing >= RESTATED_ROWS and agreeing * 3 >= shared * 2


def _agreement(base, a: Fact, b: Fact) -> tuple[int, int]:
    """(rows the two columns share by name, rows of them with the same figure)."""
    ours = {f.concept: f for f in column_of(base, a) if f.concept}
    theirs = {f.concept: f for f in column_of(base, b) if f.concept}
    shared = [c for c in ours if c in theirs]
    return len(shared), sum(1 for c in shared if restates(ours[c], theirs[c]))


def _opposite_kinds(doc, a: Fact, b: Fact) -> bool:
    """The two cells' tables are titled each by one kind of money, not the same one (收入决算表,
    支出决算表: concepts.yaml kind_totals), and the cells' thing is no concept of the vocabulary
    (a row's 项 read under a head naming nothing): one's row is income, the other's spending."""
    if a.concept in lexicon().concepts.canonical:
        return False
    kinds = [{k for k in concepts().get("kind_totals") or () if k in _title(doc, f.block)} for f in (a, b)]
    return all(len(k) == 1 for k in kinds) and kinds[0] != kinds[1]


def _two_accounts(base, a: Fact, b: Fact, tails: list[str]) -> bool:
    """The two cells stand under two headings naming two accounts of their own (一、城乡居民基本养老
    保险基金 and 二、机关事业单位基本养老保险基金: own_account_tails): each table the account's."""
    names = [account_of(base, f, tails) for f in (a, b)]
    return names[0] != names[1] and all(names)


def account_of(base, fact: Fact, tails: list[str]) -> str:
    """The account of its own the nearest open heading naming one names (…养老保险基金:
    own_account_tails), however many headings stand between it and the fact (一、职工…基金 over
    （一）基金收入决算 over the table); "" where none does."""
    if not tails:
        return ""
    accounts = base.remember(("own_accounts", tuple(tails)), lambda: _read_accounts(base.title_scopes.doc, tuple(tails)))
    return accounts.get(fact.block, "")


def _read_accounts(doc, tails: tuple[str, ...]) -> dict[int, str]:
    """block -> the account the nearest open heading naming one names, in one walk of the blocks."""
    out: dict[int, str] = {}
    open_headings: list[tuple[int, str]] = []  # (level, the account it names or "")
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            while open_headings and open_headings[-1][0] >= block.level:
                open_headings.pop()
            name = ITEM_TOKEN_RE.sub("", compact(block.text))
            open_headings.append((block.level, name if name.endswith(tails) else ""))
        named = next((name for _, name in reversed(open_headings) if name), "")
        if named:
            out[index] = named
    return out


def _title(doc, block: int) -> str:
    table = doc.blocks[block] if 0 <= block < len(doc.blocks) else None
    return getattr(table, "title", "") or ""


def _other_things(a: Fact, b: Fact, scope: TitleScopes) -> bool:
    """Two cells whose row names a place or an item of the report's own (乡镇, 项目), not a thing
    of the vocabulary, under column heads naming different things (培训人数, 帮扶人数): the row is
    only where they are, the heads say what they are. Heads naming one thing (人均补贴) in tables
    titled by different things (职业技能培训补贴发放情况, 公益性岗位补贴发放情况) are of those things."""
    lex = lexicon()
    if a.concept in lex.concepts.canonical:
        return False
    head_a, head_b = (thing_of_head(f.header, lex) for f in (a, b))
    if not (head_a and head_b):
        return False
    if head_a not in head_b and head_b not in head_a:
        return True
    title_a, title_b = scope.words(a.block), scope.words(b.block)
    return bool(title_a and title_b) and title_a != title_b


def unit_slips(doc, base, pairs: list[tuple[Fact, Fact]], rule):
    """Two tables' cells a unit scale apart (unit_scale), one finding a cell: on the table that stands
    so to more tables than the other does (a table printed in 元 under 单位：万元 stands so to every
    table it restates, the others to it alone), saying in which unit its figures read; between two
    tables that stand so only to each other, on the one whose own sums break (_slipped_of_two)."""
    partners: dict[int, set[int]] = {}
    for a, b in pairs:
        partners.setdefault(a.block, set()).add(b.block)
        partners.setdefault(b.block, set()).add(a.block)
    told = set()
    for a, b in pairs:
        many_a, many_b = len(partners[a.block]), len(partners[b.block])
        if many_a != many_b:
            slipped, kept = (a, b) if many_a > many_b else (b, a)
            note, sure = _read_as(slipped, kept, rule), True
        else:
            slipped, kept, note, sure = _slipped_of_two(doc, base, a, b, rule)
        if slipped.id not in told:
            told.add(slipped.id)
            yield restatement_hit(slipped, kept, rule, base.assumed_units, note, sure)


def _read_as(slipped: Fact, kept: Fact, rule) -> str:
    """The unit the slipped table's figures read right in (6171000.00 under 万元 beside 617.10万元:
    元), said where it has a name."""
    ratio = rule_unit_scale(slipped, kept, rule)
    wanted = factor(slipped) * ratio
    unit = next((u for u, f in MONEY_UNITS.items() if f == wanted), None)
    return f"；本表与其他各表的同一数字都相差此倍数，本表数字疑按{unit}填列而单位标为{slipped.unit}" if unit else \
        "；本表与其他各表的同一数字都相差此倍数，本表单位疑有误"
