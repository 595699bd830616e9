"""A sentence's figure against the tables (kind `restatement`): the table statements of its fund
(Scoped), consistent when it meets any; a mismatch where the tables agree on one value, unless a
row its sentence names states it, or it is a rate of other amounts than the row's; where the
table's own column adds up with the text's figure, the cell is the slip. A part's execution rate
against the rows of that part."""
from __future__ import annotations

from decimal import Decimal

from ...facts.base import Fact
from ...facts.base.model import CURRENT, OTHER_BASIS
from ...facts.base.figures import column_sum
from ...facts.lexicon import lexicon
from ...facts.agreement import restates
from ...facts.numbers import MONEY_UNITS
from ...knowledge import compact, concepts
from ...memo import remember_short
from ..base import CHECKED
from ..own_sums import BREAKS, verdict
from .findings import restatement_hit
from .tables import consistent_tables, column_of


def _income_column(t: Fact, tails: tuple[str, ...]) -> bool:
    """A table figure under a column of money received (一般公共预算拨款收入 of 事业运行: the
    income for a spending, `tails`: concepts.yaml income_tails) in a row of no income."""
    return bool(t.member) and t.member.endswith(tails) and not t.concept.endswith(tails)


class Scoped:
    """The table statements a sentence's figure is met by. A concept of all funds (项目支出,
    年初结转和结余) stated for one fund (政府性基金预算财政拨款年初结转和结余0.00元; a table titled
    一般公共预算财政拨款支出决算表) is that fund's figure, and stated for none the unit's: only a
    statement for the same fund states the same; a fund's own concept (财政拨款收入) is met by any
    table. The statements of each fund are picked out once per concept."""

    def __init__(self, values: list[Fact], tables: list[Fact], implied: set[str] = frozenset(),
                 funds_of: tuple[frozenset, dict[int, str]] = (frozenset(), {})):
        self.values, self.tables, self.implied = values, tables, implied
        self.sole, self.fund_tables = funds_of
        self.by_fund: dict[str, tuple[list[Fact], list[Fact]]] = {}

    def of(self, fact: Fact) -> tuple[list[Fact], list[Fact]]:
        if fact.concept in self.implied or _names_fund(fact.concept):
            return self.values, self.tables
        if not fact.fund and fact.concept not in lexicon().concepts.canonical \
                and any(t.fund for t in self.tables) and not any(t.member for t in self.tables):
            # (a table's own row, 增值税 of 一般公共预算收入执行情况表, named with no fund: that row's
            # thing, whichever fund's table states it; where two tables state it apart, a figure meeting
            # either is that table's, and one meeting neither is not judged. Not a row's part under a
            # column of one kind, 一般公共服务支出 | 基本支出 420.10: the whole row's 620.10 is not)
            return self.values or _row_whole(self.tables), self.tables
        if fact.fund not in self.by_fund:
            # (a fund all of the year's spending is: the unit's tables state its figures as well; a
            # table naming no fund whose total is the fund's spending is that fund's)
            def meets_fund(t: Fact) -> bool:
                return t.fund == fact.fund or (not t.fund and (fact.fund in self.sole
                                                               or self.fund_tables.get(t.block) == fact.fund))
            met = [t for t in self.tables if meets_fund(t)]
            self.by_fund[fact.fund] = ([t for t in self.values if meets_fund(t)] or (_row_whole(met) if not fact.fund else []),
                                       met)
        return self.by_fund[fact.fund]


def _row_whole(cells: list[Fact]) -> list[Fact]:
    """A row's whole where its cells state several figures of its thing (乡村文化振兴 | 中央资金 120.00 |
    县级资金 35.40 | 小计 155.40; 公园设施维护 | 财政拨款 215.00 | 其他资金 12.45 | 合计 227.45): the
    column headed as the row's total (concepts.yaml column_total_heads), else the one of no fund beside
    funds' columns; a figure of the thing that meets none of the row's cells is held against it."""
    words = tuple(concepts().get("column_total_heads") or ())
    whole = [t for t in cells if compact(t.header).endswith(words)] \
        or ([t for t in cells if not t.fund] if any(t.fund for t in cells) else [])
    return list(consistent_tables(whole).values())


def funds_of_tables(base) -> tuple[frozenset, dict[int, str]]:
    """(the funds all of the year's spending is of, {table block: the fund whose spending total
    the table's total row states, the table naming none}): a table 项目 | 金额 closing on 合计
    340.50 after the text's 财政拨款支出340.50万元 is that fund's breakdown."""
    totals = {fund: [f for f in base.of(concept, "决算", CURRENT) if f.source == "text" and f.is_money]
              for concept, (fund, generic) in lexicon().fund_of.items() if generic == "本年支出"}
    words = set(concepts().get("column_total_words") or ())
    tables: dict[int, str] = {}
    for f in base.facts:
        if f.source == "table" and not f.fund and f.is_money and f.block not in tables and compact(f.label) in words:
            fund = next((fund for fund, stated in totals.items() if any(restates(f, s) for s in stated)), None)
            if fund is not None:
                tables[f.block] = fund
    return sole_funds(base), tables


def sole_funds(base) -> frozenset:
    """The funds all of the year's spending is of: the fund's spending total states the unit's
    (一般公共预算财政拨款支出2,777.00万元 beside 本年支出合计2,777.00万元)."""
    wholes = [f for f in base.of("本年支出", "决算", CURRENT) if not f.fund and f.is_money]
    if not wholes:
        return frozenset()
    return frozenset(fund for concept, (fund, generic) in lexicon().fund_of.items() if generic == "本年支出"
                     and any(restates(f, w) for f in base.of(concept, "决算", CURRENT) if f.is_money for w in wholes))


def text_against_tables(fact: Fact, values: list[Fact], tables: list[Fact], rule, assumed, base, doc):
    said = _kind_said(fact)
    if said is not None:
        # (城乡居民基本养老保险基金支出20,110万元 against that fund's row in a table of income: another figure)
        values = [t for t in values if base.remember(("table kind", t.block), lambda: _table_kind(doc, t)) in (None, said)]
    if not values:
        return
    yield CHECKED
    tails = tuple(concepts().get("income_tails") or ())
    if any(restates(fact, t) for t in values) or any(restates(fact, t) for t in tables if not _income_column(t, tails)
                                                  and not _zero_of_a_part(fact, t)):
        return  # (a figure of one income column, 一般公共预算拨款收入, is no statement of the row's spending)
    if fact.unit == "%" and not fact.subject and not _speaks_of_projects(base, fact) \
            and all(t.unit == "%" and base.listed_projects_total(t) for t in values):
        return  # (预算执行率96.49% against a list of projects' 合计 | … | 92.87%: the projects' rate, no unit's)
    reference = values[0]
    if all(restates(reference, t) for t in values):
        if _named_row_states(base, fact, reference):
            return
        if len(values) == 1 and _column_prefers(doc, base, fact, reference, rule):
            # the table's own column adds up with the text's figure, not with its own: the cell is the slip
            hit = restatement_hit(reference, fact, rule, assumed)
            hit.formula += "；该表本列合计按正文数字相符、按表中数字不符"
            yield hit
            return
        if _rate_of_other_amounts(base, fact, reference) or _other_basis_states(base, fact, reference):
            return
        yield restatement_hit(fact, reference, rule, assumed)


def _kind_said(fact: Fact) -> str | None:
    """The kind of money (收入, 支出: concepts.yaml kind_totals) a sentence's figure names right after
    its thing's name (城乡居民基本养老保险基金支出), None where it names none or its concept holds it."""
    label = compact(fact.label).rstrip("为是达约：:")
    if not fact.concept or fact.concept not in label:
        return None
    tail = label[label.rindex(fact.concept) + len(fact.concept):]
    return _one_kind(lambda k: tail.startswith(k))


def _table_kind(doc, cell: Fact) -> str | None:
    """The one kind of money a table's title or its first row's label heads name (收入项目 | 执行数:
    收入), None where they name none or both."""
    table = next((t for t in doc.tables if t.loc.table == cell.loc.table and t.loc.sheet == cell.loc.sheet), None)
    if table is None:
        return None
    words = compact(table.title or "") + "".join(compact(c.text) for c in (table.rows[0][:2] if table.rows else ()))
    return _one_kind(lambda k: k in words)


def _one_kind(named) -> str | None:
    """The one kind of money (concepts.yaml kind_totals: 收入, 支出) `named` holds true of, else None."""
    found = [k for k in (concepts().get("kind_totals") or {}) if named(k)]
    return found[0] if len(found) == 1 else None


def part_against_tables(fact: Fact, tables: list[Fact], rule, base, doc):
    """A part's execution rate (项目支出执行率86.50%) against the tables' rows of that part (项目支出 |
    700.00 | 610.00 | 87.14%); tables of other scopes (another fund's) are left to their own words."""
    if fact.concept != "预算执行率":
        return
    same = [t for t in tables if t.member == fact.member and t.fund == fact.fund]
    yield from text_against_tables(fact, list(consistent_tables(same).values()), same, rule,
                                    base.assumed_units, base, doc)


def _zero_of_a_part(fact: Fact, t: Fact) -> bool:
    """A 0 the text states of the whole row met only by a 0 of one of its columns (水利工程建设0.00万元
    against 基本支出 0.00 beside 本年支出合计 1,567.89): no statement of the same."""
    return fact.value == 0 and t.value == 0 and bool(t.member) and not fact.member


def _rate_of_other_amounts(base, fact: Fact, cell: Fact) -> bool:
    """A rate stated after the amounts it is of (全年预算数2,124.50万元，实际支出2,052.38万元，预算执行率
    96.61%) against a table row's rate beside other amounts (the projects' 合计 | 1,332.00 |
    1,290.36 | 96.87%): two rates of two wholes, no fact stated twice."""
    if fact.unit != "%" or cell.source != "table":
        return False
    said = [f for f in base.by_sentence.get((fact.block, fact.sentence), ()) if f.is_money and f.at < fact.at]
    if not said:
        return False
    # (the row's amounts as printed: a table whose unit is said only in the text before it has none)
    row = [f for f in base.facts if f.block == cell.block and f.loc.row == cell.loc.row
           and (f.is_money or not f.unit)]
    return bool(row) and not any(restates(a, b) if b.unit else _printed_alike(a, b) for a in said for b in row)


def _speaks_of_projects(base, fact: Fact) -> bool:
    """The figure's sentence speaks of projects before it (上述项目…预算执行率, 项目全年预算数…): the
    rate may be the listed projects' (concepts.yaml project_words)."""
    words = tuple(concepts().get("project_words") or ())
    return any(w in base.sentences.get((fact.block, fact.sentence), "")[:fact.at] for w in words)


def _other_basis_states(base, fact: Fact, cell: Fact) -> bool:
    """The paragraph states the thing again on another basis (…覆盖率92.86%；按受益学生口径计算的覆盖率为
    93.50%: concepts.yaml other_basis) as the table does: the two figures differ by their bases, the
    table printing the other one."""
    # (its words name the thing on that basis, perhaps no concept: 按…口径计算的食堂供餐覆盖率)
    # (such a figure is in no index, FactBase.add: the facts read, once per text figure the tables
    # contradict, which is seldom)
    return any(f.comparator == OTHER_BASIS and f.block == fact.block and f.source == "text"
               and f.concept in (None, fact.concept) and f.unit == cell.unit and restates(f, cell)
               for f in base.facts)


def _printed_alike(a: Fact, b: Fact) -> bool:
    """The two figures' printed numbers meet, units aside (2,052.38万元 and a cell 2,052.38)."""
    lo_a, hi_a = a.interval(Decimal(1))
    lo_b, hi_b = b.interval(Decimal(1))
    return lo_a < hi_b and lo_b < hi_a


def _named_row_states(base, fact: Fact, cell: Fact) -> bool:
    """Another row of the cell's column states the figure, a row its sentence names (区第一实验小学
    在校生最多…，拨付公用经费219.24万元 against the 合计 row's 1,032.55): that row's figure, stated right."""
    if cell.source != "table" or fact.source != "text":
        return False
    # (its sentence, and the one before it when a ； closed that one: 失业保险基金收入3,460万元…；支出
    # 2,890万元，当年收支结余570万元 goes on about the fund the clause before named)
    before = base.sentences.get((fact.block, fact.sentence - 1), "")
    sentence = compact((before if before.rstrip().endswith(("；", ";")) else "")
                       + base.sentences.get((fact.block, fact.sentence), ""))
    others = [compact(other.label) for other in column_of(base, cell) if other is not cell and restates(fact, other)
              and len(compact(other.label)) >= 2 and compact(other.label) in sentence]
    own, label = compact(cell.label), compact(fact.label)
    if others and len(own) >= 2 and own in sentence and fact.label and (own not in label or any(o in label for o in others)):
        # (the sentence names the cell's own row too, apart from the figure's words or beside the
        # other's in a list before 分别: 增值税、企业所得税分别入库26,622.31万元、78,931.56万元, each
        # name taking a figure in turn; a swap, not a row of the sentence's stated rightly under another name)
        return False
    return bool(others)


def _column_prefers(doc, base, text: Fact, cell: Fact, rule) -> bool:
    """The cell's column states a declared sum it is a part of (本年收入 = 财政拨款收入 + 事业收入 +
    其他收入): the sum holds with the text's figure in the cell's place, and not with the cell's; or,
    no such sum declared, a sum of the cell's own table (a 收支总表's spending side, its function
    rows under 本年支出合计; a column's items under its total row) breaks with the cell and holds with
    the text's figure, none holding as printed (own_sums.verdict)."""
    if not (cell.is_money and text.unit in MONEY_UNITS):
        return False
    found = column_sum(base, cell, as_total=False)
    if found is None:
        totals, sides = tuple(rule.params["total_row_labels"]), tuple(rule.params["side_total_labels"])
        return verdict(doc, base, cell, text, totals, sides) == BREAKS
    total, parts = found
    rest = sum((f.in_yuan() for f in parts if f is not cell), 0)
    slack = sum((f.half_unit * MONEY_UNITS.get(f.unit, 1) for f in [total, *parts]), 0)
    with_cell = abs(rest + cell.in_yuan() - total.in_yuan()) <= slack
    with_text = abs(rest + text.in_yuan() - total.in_yuan()) <= slack
    return with_text and not with_cell


def _names_fund(concept: str) -> bool:
    """A fund's own concept (一般公共预算财政拨款支出, 财政拨款收入, 当年财政拨款) names its fund.
    Asked for every sentence's figure: short concepts' answers are kept per vocabulary."""
    lex = lexicon()
    return remember_short(lex.names_fund, concept, _reads_fund, lex)


def _reads_fund(concept: str, lex) -> bool:
    return any(fund in concept for fund in lex.funds.names)
