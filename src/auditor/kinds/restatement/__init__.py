"""Kind `restatement`: the same fact stated twice with values that do not meet (XBRL duplicates).

Two facts are the same fact when concept, period, measure, subject, fund and member agree.
- table against table: facts of two different tables are compared directly;
- text against tables: a sentence's figure is linked to the table facts of its concept; it is
  consistent when it meets any of them, and a mismatch only when the tables agree among
  themselves on one value (otherwise the sentence may mean any of them: not assessable);
- text against text: two sentences stating the same fact.
Values are compared as intervals of their printed precision in a common unit. A difference of
exactly ×10⁴ or ×10⁸ is a unit slip (class unit_error), anything else cross_ref_mismatch.
Of two tables' cells, the one reported is the one its own table's sums do not bear out (own_sums),
or, for a unit slip, the one whose table stands so to more tables than the other's does.
Facts of one table that disagree among themselves under one key are ambiguous (the same row
label twice, e.g. 事业运行 under two 款) and are left out.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ...facts.base import LATER, fact_year, thing_of_head, MONEY_MEASURES, UNNAMED, Fact, column_sum, fact_base, part_names, worded_measure
from ...facts.lexicon import lexicon
from ...facts.scopes import figure_scope
from ...facts.agreement import factor, meets, tail
from ...facts.titles import TitleScopes
from ...facts.numbers import MONEY_UNITS, fmt
from ...knowledge import compact, concepts
from ...memo import remember_short
from ..base import CHECKED, SHARE_OF_RE, TAIL_NOTE, Hit
from ..own_sums import BREAKS, HOLDS, verdict

KIND = "restatement"
PARAMS = {
    # (预计: a forecast, 2024年预计执行数, restated in the text as in its column; facts/base.py FORECAST)
    "measures": (list, ["年初预算", "全年预算", "决算", "实际值", "得分", "分值", "占比", "预计"]),
    # concepts a sentence naming no fund states for the fund a table states them for: 机关运行经费
    # is the 日常公用经费 the general public budget's appropriation pays, by definition; the 三公
    # items are disclosed for the appropriation (财政拨款“三公”经费…决算表), and a narrative on them
    # restates that table. (Where tables of two scopes disagree, a sentence meeting either holds.)
    "fund_implied_concepts": (list, ["机关运行经费", "三公经费", "因公出国（境）费", "公务用车购置及运行维护费",
                                     "公务用车购置费", "公务用车运行维护费", "公务接待费"]),
    # measures whose value depends on a whole no key holds (a share of what?): a sentence's figure
    # naming no whole is compared with the tables' (按功能分类，卫生健康支出705.20万元，占82.00%
    # against the table's 占比 column); tables are not compared with one another on them
    "text_only_measures": (list, ["占比"]),
    # reports of plans: an amount whose words name no measure is budgeted, not spent
    "budget_report_types": (list, ["部门预算"]),
    # words of funds allotted (财政安排…资金880.00万元，其中A486.00万元): an amount whose words name no
    # measure after them in its sentence may be the budget a table states, not the outturn
    "allotment_words": (list, []),
    "text_against_text": (bool, True),
    # words stating a balance (收支相抵，结转下年…): two figures of one sentence whose difference the
    # sentence or the next states so are two sides, not one fact twice
    "balance_words": (list, []),
    # the two sides a balance sets apart, named in their figures' words
    "balance_sides": (list, []),
    # the ratios of two money units a figure restated in the wrong one is off by (see the rule file)
    "unit_scales": (list, []),
    # …and those that make a slip only where the digits are the same (千元 against 万元 or 元)
    "same_digit_scales": (list, []),
    # significant digits the smaller of two figures under one unit prints, at least, for their ratio
    # of exactly a unit scale to be a unit slip (6.42 and 64200.00; 0.01 and 100.00 may be so by chance)
    "unit_slip_digits": (int, 3),
    # concepts sentences state for many items at once (each project's 执行率, each purchase):
    # two sentences about them are not two statements of one fact
    "per_item_concepts": (list, ["预算执行率", "政府采购", "政府采购货物", "政府采购工程", "政府采购服务"]),
    # concepts every score form states for its own project (总分, 执行率): two forms that do not
    # name their projects are not two statements of one fact
    "per_form_concepts": (list, ["自评得分", "预算执行率"]),
    # members of a table that state the document's own totals: a sentence is compared with
    # these rows first (a row with no member, or one of these), the sub-rows only as a fallback
    "total_members": (list, ["本年支出", "本年收入", "收支总计"]),
    # labels of a table's total row: of two tables' disagreeing cells, the one whose column does not
    # add up to it is the slip
    "total_row_labels": (list, []),
    # labels of a summary side's total row (本年支出合计): summed from the side's items above it
    "side_total_labels": (list, []),
    # words that do not tell two sentences' facts apart (the year, 截至, 全年 …): two sentences
    # whose labels differ only by these restate one fact
    "label_fillers": (list, ["截至", "年末", "全年", "本年度", "本年", "为", "是", "达", "共", "约", "，", ",",
                             "本部门", "本单位", "我单位", "本局", "我局", "全局"]),
    # words of a heading naming a part of the unit's work (城区, 乡镇): its figures are that part's
    "scope_part_words": (list, []),
    # words before such a part opening its clause (其中城区…, 在乡镇…)
    "part_lead_words": (list, []),
    # a stock at the start of the year, by its words or its sentence's opening ones (年初，…), and
    # the words ending that (年末): the opening stock is no statement of the closing one
    "opening_words": (list, []), "closing_words": (list, []),
    # a figure its own words sum since before the year (累计提取…) is not the year's a table column
    # states, unless the column's head sums so too (累计提取总额)
    "summed_since_words": (list, []),
    # a list item's number opening a label ((三)公务接待费 under its heading): no word of the name
    "label_marker_pattern": (str, r"^\s*[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*"),
    # words that do not tell two sentences' figures of a concept apart because the concept is one
    # figure under either name: a statement's 收入总计 is its 支出总计 (the two sides balance)
    "same_fact_words": (dict, {"收支总计": ["收入", "支出"]}),
}
MESSAGE_FIELDS = {"concept", "value", "other", "other_where", "where"}
YEAR_RE = re.compile(r"(?:19|20)\d\d年度?")


def validate(params: dict) -> str | None:
    for concept, words in params["same_fact_words"].items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            return f"same_fact_words 中「{concept}」的值应是非空词语的列表"
    return None


def _fillers(words: list[str], marker: str) -> re.Pattern:
    """The year, a list item's number and the rule's filler words, longest first."""
    ordered = sorted((w for w in words if w), key=len, reverse=True)
    return re.compile("|".join([YEAR_RE.pattern, *([marker] if marker else []), *map(re.escape, ordered)]))


def check(doc, rule):
    base = fact_base(doc)
    measures = set(rule.params["measures"])
    groups: dict[tuple, list[Fact]] = {}
    text_only = set(rule.params["text_only_measures"])
    planned = doc.meta.get("report_type") in rule.params["budget_report_types"]
    lone = _lone_activities(base, rule)
    parts, leads = tuple(rule.params["scope_part_words"]), tuple(rule.params["part_lead_words"])
    totals = tuple(compact(w) for w in rule.params["total_row_labels"])
    for fact in _restated(base, measures):
        if fact.source == "text" and _part_named(base, fact, parts, leads):
            continue
        if not (fact.measure in text_only and fact.source == "text" and (fact.base or _in_part_list(base, fact))) \
                and not (fact.measure in text_only and fact.source == "table"
                         and (_share_of_part(fact.header) or _whole_share(fact, totals))):
            groups.setdefault(_key(base, fact, planned, "" if id(fact) in lone else fact.subject), []).append(fact)
    score_forms = {f.block for f in base.facts if f.source == "table" and f.measure in ("分值", "得分")}
    vocabulary = set(concepts()["concepts"])
    per_form = set(rule.params["per_item_concepts"] + rule.params["per_form_concepts"])
    scope = base.title_scopes  # (read once by the fact base)
    unit_pairs: list[tuple[Fact, Fact]] = []  # two tables' cells a unit scale apart: told once all are known
    for facts in groups.values():
        if len(facts) < 2:
            continue  # a fact stated once has no other statement to meet (most of them)
        # score forms repeat row names (年度资金总额, 总分) for every project: unless the form
        # names its project, rows of two forms are two facts
        if facts[0].concept not in vocabulary and not facts[0].subject:
            facts = [f for f in facts if f.block not in score_forms]
        if facts and facts[0].concept in per_form and not facts[0].subject:
            facts = [f for f in facts if f.source == "text"]  # each form may be another project's
        if facts and facts[0].measure in text_only:
            continue  # (against the text only, below)
        yield from _check_group(doc, facts, rule, scope, base, unit_pairs)
    yield from _unit_slips(doc, base, unit_pairs, rule)
    yield from _check_text(doc, base, groups, rule, vocabulary)


def _restated(base, measures: set[str]) -> list[Fact]:
    """The facts of the rule's measures (stated on no other basis, of a named subject) whose
    concept another such fact states too, in the fact base's order: a fact is only met by facts
    of its concept (every key, and every lookup of _check_text's, holds it), so a concept stated
    once makes a group of one, which meets nothing and is not keyed at all (most facts)."""
    facts = [f for f in base.facts if f.concept and f.measure in measures and not f.comparator
             and f.subject != UNNAMED]
    stated = Counter(f.concept for f in facts)
    return [f for f in facts if stated[f.concept] > 1]


def _clauses_back(base, fact: Fact):
    """(sentence index, its text up to the fact) of the fact's sentence, then of each sentence
    before it that a ； joins to it (each ；-clause is read as a sentence), nearest first."""
    k, text = fact.sentence, base.sentences.get((fact.block, fact.sentence), "")[:fact.at]
    while True:
        yield k, text
        text = base.sentences.get((fact.block, k - 1), "")
        if k == 0 or not text.rstrip().endswith(("；", ";")):
            return
        k -= 1




def _part_named(base, fact: Fact, parts: tuple[str, ...], leads: tuple[str, ...] = ()) -> bool:
    """A sentence's figure of a thing the tables name (查档利用) whose clause names a part of the
    area as well (乡镇查档利用2,802人次; 城区、乡镇…依次为…): that part's figure, not the table's whole."""
    if not parts or not fact.concept or fact.concept in lexicon().concepts.canonical:
        return False
    text = base.sentences.get((fact.block, fact.sentence), "")[:fact.at]
    clause = compact(re.split(r"[。；;！？!?，,：:]", text)[-1])  # (the figure's own clause: 建成社区食堂2处，全年执行资金…)
    for lead in leads:  # (其中城区…, 在乡镇…: the part still opens the clause)
        if clause.startswith(lead):
            clause = clause[len(lead):]
            break
    # the part qualifies the thing counted: it opens the clause (乡镇查档利用…; 城区、乡镇…依次为) or
    # stands right before the thing's name (全县乡镇文化站…); not a place the work went to (深入社区、
    # 学校开展…, 进村开展…), nor every part together (各乡镇, 全县)
    return any(w not in fact.concept and (clause.startswith(w) or f"{w}{fact.concept}" in clause
                                          or f"{w}的{fact.concept}" in clause)
               for w in parts)


def _share_of_part(header: str) -> bool:
    """A share column headed with a whole that is no unit total (占事业收入比重: each fee's share
    of 事业收入, the 事业收入 row's 100%): not the share of the unit's total a sentence naming no
    whole states (事业收入246.35万元，占34.93%)."""
    found = SHARE_OF_RE.search(compact(header or ""))
    if found is None:
        return False
    whole = found.group(1)
    totals = set(concepts().get("unit_totals") or ())
    return lexicon().concepts.last(whole) not in totals and not any(w in whole for w in concepts().get("kind_total_words") or ())


def _whole_share(fact: Fact, totals: tuple[str, ...]) -> bool:
    """A share column's cell on the row of the whole (合计, or the row its head names: 资产总额 under
    占资产总额比重): the whole as a share of itself, 100%, which no part's share restates."""
    label = compact(fact.label)
    if label.startswith(totals):
        return True
    found = SHARE_OF_RE.search(compact(fact.header or ""))
    if found is None or not fact.concept:
        return False
    whole = found.group(1)  # (a concept of the vocabulary, or the row's own words: 资产总额)
    return whole == label or (lexicon().concepts.last(whole) or whole) == fact.concept


def _in_part_list(base, fact: Fact) -> bool:
    """A share in a 其中 list of a part (项目支出800.00万元，其中：一般公共服务支出400.00万元，占50.00%)
    is of that part, not of the unit's total a table's 占比 column is of."""
    for sentence, text in _clauses_back(base, fact):  # (the list goes on across ；-clauses)
        opened = min((k for k in (text.find(w) for w in lexicon().list_openers) if k >= 0), default=-1)
        if opened >= 0:
            head = next((f for f in reversed(base.by_sentence.get((fact.block, sentence), ()))
                         if f.at < opened and f.is_money), None)
            return head is not None and head.concept not in set(concepts().get("unit_totals") or ())
    return False


def _key(base, fact: Fact, planned: bool, subject: str) -> tuple:
    # (an older or a later period holds many years: 2021's and 2022's rows of a years-as-rows table
    # are no statements of one fact; see fact_year. Whose the figure is takes its scope too, 市本级
    # against 全市, 企业 against 行政事业单位: facts/scopes.py)
    return (fact.concept, (fact.period, fact_year(base, fact)), _measure(fact, planned), _whose(base, fact, subject),
            fact.source == "text" or fact.fund, fact.member, _dimension(fact))


def _whose(base, fact: Fact, subject: str) -> tuple[str, tuple[str, str]]:
    """Whose the figure is, as the keys hold it: its subject and its scope."""
    return subject, figure_scope(base, fact)


def _lone_activities(base, rule) -> set[int]:
    """The facts under a numbered activity heading (1. 绿化建设。新增绿地面积12.6公顷) that no
    parallel item (2. 乡镇绿化。新增绿地面积8.4公顷) states the same thing of: the unit's own
    figures, as its tables state them. (ids of the facts)"""
    parts = tuple(rule.params["scope_part_words"])
    activities = {a for a in base.activity_subjects if not any(w in a for w in parts)}
    if not activities:
        return set()  # (1. 城区绿化。…: a part of the unit's, not its whole work)
    per_item = set(rule.params["per_item_concepts"] + rule.params["per_form_concepts"])
    under: dict[tuple, list[Fact]] = {}
    for fact in base.facts:
        # (an indicator the words name outright, 全年新增绿地面积12.6公顷; not an amount, which a
        # heading often scopes to a fund or a part of the unit, nor a thing linked by likeness,
        # nor an item's own score or execution rate: 1. 种业振兴。自评得分96.50分)
        if fact.source == "text" and fact.subject in activities and not fact.is_money \
                and fact.concept and fact.concept in compact(fact.label) and fact.concept not in per_item:
            under.setdefault((fact.concept, fact.measure, fact.period), []).append(fact)
    return {id(f) for facts in under.values() if len({f.subject for f in facts}) == 1 for f in facts}


def _measure(fact: Fact, planned: bool) -> str:
    """A budget report's amounts whose words name no measure (a 支出预算表's 合计 | 基本支出 columns,
    本年支出300万元) are its budget: the 全年预算 its sentences state; so are a later year's in any
    report (2025年预算草案 after 2024's execution): no year's outturn is known before it ends."""
    if (planned or fact.period == LATER) and fact.measure == "决算" and (
            fact.implicit or fact.source == "table" and worded_measure(fact.header) is None):
        return "全年预算"
    return fact.measure


def _dimension(fact: Fact) -> str:
    if fact.unit in MONEY_UNITS:
        return "money"
    return fact.unit or "plain"


def scaled(a: Fact, b: Fact, scales) -> bool:
    """Equal digits in different money units (2248.58元 against 2248.58万元)."""
    if a.unit not in MONEY_UNITS or b.unit not in MONEY_UNITS or a.value == 0:
        return False
    ratio = (b.in_yuan() / a.in_yuan()) if a.in_yuan() else Decimal(0)
    return a.value == b.value and any(ratio in (Decimal(s), 1 / Decimal(s)) for s in scales)


def unit_scale(a: Fact, b: Fact, scales, digits: int, same_digit_scales=()) -> Decimal | None:
    """b's amount over a's where it is one of `scales` or its inverse: the same digits under two
    units (`scaled`), or, within printed precision, figures that many times apart (6171000.00 in a
    table whose caption says 万元, printed in 元, against another table's 617.10), the smaller
    printed with `digits` significant digits at least; or one of `same_digit_scales` with the same
    digits only (39,512.60 under 单位：千元 against 39,512.60万元: a ratio of 10 between figures
    printed apart is as often a wrong figure as a wrong unit). None otherwise."""
    if not (a.is_money and b.is_money) or a.value == 0 or b.value == 0:
        return None
    if a.value == b.value and a.unit != b.unit and scaled(a, b, same_digit_scales):
        return b.in_yuan() / a.in_yuan()
    for ratio in (r for s in scales for r in (Decimal(s), 1 / Decimal(s))):
        if a.value == b.value and b.in_yuan() == a.in_yuan() * ratio:
            return ratio
        small = a if ratio > 1 else b
        lo_a, hi_a = a.interval(factor(a) * ratio)
        lo_b, hi_b = b.interval(factor(b))
        if len(small.value.as_tuple().digits) >= digits and lo_a <= hi_b and lo_b <= hi_a:
            return ratio
    return None


def _unit_scale(a: Fact, b: Fact, rule) -> Decimal | None:
    """unit_scale with the rule's scales."""
    return unit_scale(a, b, rule.params["unit_scales"], rule.params["unit_slip_digits"],
                      rule.params["same_digit_scales"])


def _consistent_tables(facts: list[Fact]) -> dict[int, Fact]:
    """One fact per table; a table stating two different values for the key is ambiguous."""
    per_table: dict[int, Fact] = {}
    ambiguous = set()
    for f in facts:
        other = per_table.get(f.block)
        if other is None:
            per_table[f.block] = f
        elif not meets(other, f):
            ambiguous.add(f.block)
    return {k: v for k, v in per_table.items() if k not in ambiguous}


def _check_group(doc, facts: list[Fact], rule, scope: TitleScopes, base, unit_pairs: list):
    cells = [f for f in facts if f.source == "table" and f.id not in base.column_totals]
    tables = list(_consistent_tables(cells).values()) + _by_column_head(cells)
    for i, a in enumerate(tables):
        for b in tables[i + 1:]:
            # (表2 职工…基金收入情况 and 表4 城乡居民…基金收入情况: two funds' 本年收入; 榆城镇 | 培训人数 486
            # and 榆城镇 | 帮扶人数 402: two counts of one place; unless the two columns list the same rows
            # alike, row for row: one list restated, whatever the titles)
            if (not scope.same(a.block, b.block) or _other_things(a, b, scope)) and not _restated_column(base, a, b):
                continue
            if _opposite_kinds(doc, a, b):
                continue  # (行政运行 in the 收入决算表 is its income, in the 支出决算表 its spending)
            yield CHECKED
            if meets(a, b):
                continue
            if _unit_scale(a, b, rule):
                unit_pairs.append((a, b))
                continue
            slipped, kept, note, sure = _slipped_of_two(doc, base, a, b, rule)
            yield _hit(slipped, kept, rule, base.assumed_units, note, sure)


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
    side by side. The tables stating one figure are `_consistent_tables`' already."""
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


def _column_of(base, cell: Fact) -> list[Fact]:
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
        agreeing -= meets(a, b)
    return agreeing >= RESTATED_ROWS and agreeing * 3 >= shared * 2


def _agreement(base, a: Fact, b: Fact) -> tuple[int, int]:
    """(rows the two columns share by name, rows of them with the same figure)."""
    ours = {f.concept: f for f in _column_of(base, a) if f.concept}
    theirs = {f.concept: f for f in _column_of(base, b) if f.concept}
    shared = [c for c in ours if c in theirs]
    return len(shared), sum(1 for c in shared if meets(ours[c], theirs[c]))


def _opposite_kinds(doc, a: Fact, b: Fact) -> bool:
    """The two cells' tables are titled each by one kind of money, not the same one (收入决算表,
    支出决算表: concepts.yaml kind_totals), and the cells' thing is no concept of the vocabulary
    (a row's 项 read under a head naming nothing): one's row is income, the other's spending."""
    if a.concept in lexicon().concepts.canonical:
        return False
    kinds = [{k for k in concepts().get("kind_totals") or () if k in _title(doc, f.block)} for f in (a, b)]
    return all(len(k) == 1 for k in kinds) and kinds[0] != kinds[1]


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


def _check_text(doc, base, groups, rule, vocabulary):
    """A sentence's figure against the tables stating its concept, then against other sentences."""
    loose: dict[tuple, list[Fact]] = {}
    totals = set(rule.params["total_members"])
    fillers = None  # compiled for the first pair of sentences that needs it
    # a project's funds (年度资金总额 and its sources, 上年结转资金 …) stated with no measure word
    # may be their budget as well as their outturn
    funds_lines = _funds_lines()
    allotment = tuple(rule.params["allotment_words"])
    opening = (tuple(rule.params["opening_words"]), tuple(rule.params["closing_words"]))
    summed_since = tuple(rule.params["summed_since_words"])
    for key, facts in groups.items():
        concept, period, measure, subject, _fund, member, dim = key
        loose.setdefault((concept, period, measure, subject, dim), []).extend(facts)
    for facts in loose.values():
        texts = [f for f in facts if f.source == "text"]
        tables = [f for f in facts if f.source == "table"]
        if not texts:
            continue
        primary = [f for f in tables if not f.member or f.member in totals] or tables
        values = list(_consistent_tables(primary).values())
        scoped = _Scoped(values, tables, set(rule.params["fund_implied_concepts"]))
        tables_sum_since = any(w in t.header or w in t.label for t in tables for w in summed_since)
        for fact in texts:
            if fact.member and fact.member not in totals:
                # a part's rate (基本支出…执行率100.00%) is not the unit's the tables state: only the
                # table rows of that part state it
                yield from _part_against_tables(fact, tables, rule, base, doc)
                continue
            if fact.implicit and (fact.concept in funds_lines or _allotted(base, fact, allotment)
                                  or _outturn_after(base, fact)) and _states_any_measure(base, fact, loose):
                continue  # 年度资金总额1,683.00万元 with no measure word: the budget the form states
            if _body_of_other_concept(base, fact):
                continue  # 各单位政府采购支出为：A本级17.48万元，B中心22.68万元: each body's procurement, no row of its own
            if fact.implicit and fact.unit == "分" and _states_any_measure(base, fact, loose, ("分值",), "分"):
                continue  # 一级指标…决策20分、产出30分 with no measure word: the points the table gives it
            if _scope_unsaid(base, fact, tables):
                continue
            if _opened_stock(base, fact, opening):
                continue  # (年初，全县债务余额…: the stock the year opened with, no statement of its year-end column)
            if not tables_sum_since and _summed_since(fact.label, summed_since):
                continue  # (年末累计提取…: the sum of the years so far, no table column of the year's)
            yield from _text_against_tables(fact, *scoped.of(fact), rule, base.assumed_units, base, doc)
        concept = texts[0].concept
        if rule.params["text_against_text"] and not tables and concept in vocabulary \
                and concept not in rule.params["per_item_concepts"]:
            fillers = fillers or _fillers(rule.params["label_fillers"], rule.params["label_marker_pattern"])
            # (a part's figure, 某指标自评得分4分, is no statement of the whole's)
            yield from _text_pairs([f for f in texts if not f.member or f.member in totals], rule, fillers, base)


def _body_of_other_concept(base, fact: Fact) -> bool:
    """A figure named by a table row naming a body (青溪县农业技术推广中心, 图书馆: concepts.yaml
    organization_endings) in a sentence that names a thing of the vocabulary before it (政府采购支出
    …按单位分：市图书馆21.28万元): that thing's amount for the body, not the body's row."""
    if fact.concept in lexicon().concepts.canonical or not fact.concept \
            or not fact.concept.endswith(tuple(concepts().get("organization_endings") or ())):
        return False
    text = base.sentences.get((fact.block, fact.sentence), "")
    # (the words before, the body's own name out: 县政府采购中心 names no 政府采购)
    named = [c for _, _, c in lexicon().concepts.all(compact(text[:fact.at]).replace(fact.concept, ""))]
    # (a thing the body's row states, 收入合计 over a table of the units' 收入合计: its own figure)
    heads = {compact(t.header) for t in base.by_concept.get(fact.concept, ()) if t.source == "table"}
    stated = {c for h in heads for _, _, c in lexicon().concepts.all(h)}
    return bool(named) and not (set(named) & stated or any(c in h for c in named for h in heads))


def _opening(base, fact: Fact, words: tuple[tuple, tuple]) -> bool:
    """The figure is a stock at the start of the year (年初在职人员412人, or 年初，在职人员412人 under
    the sentence's opening words, up to a closing word): no statement of the stock a bare or 年末
    figure states. `words`: (opening words, closing words)."""
    words, closing = words
    if not words:
        return False
    if any(w in fact.label for w in words):
        return True
    text = base.sentences.get((fact.block, fact.sentence), "")
    lead = re.match(r"[^，,；;]{0,8}[，,]", text)
    return bool(lead) and any(w in lead.group() for w in words) and not re.search(r"\d", lead.group()) \
        and not any(w in text[lead.end():fact.at] for w in closing)


def _opened_stock(base, fact: Fact, words: tuple[tuple, tuple]) -> bool:
    """A figure its sentence's opening words date to the start of the year (年初，全县债务余额…;
    上年末，…) though its concept names no start (本年末债务余额 read from the words 债务余额): the
    stock the year opened with, which a table states, if at all, in a column of that start, not
    under the concept. (Its own words naming the start, 年初结转结余, name the concept already.)"""
    opening = words[0]
    return not any(w in fact.label or w in (fact.concept or "") for w in opening) and _opening(base, fact, words)


def _summed_since(label: str, words: tuple[str, ...]) -> bool:
    """A label summing its figure over the years so far (截至年末累计提取…), not over a year its
    word follows right after (2024年累计完成, 全年累计: the year's own total)."""
    for word in words:
        at = label.find(word)
        while at >= 0:
            if not label[:at].rstrip().endswith("年"):
                return True
            at = label.find(word, at + 1)
    return False


def _list_head(base, fact: Fact) -> tuple | None:
    """The whole a figure is listed under in its sentence (X万元，其中…: X), as (its concept or
    words, period, fund); None when it is listed under none."""
    text = base.sentences.get((fact.block, fact.sentence), "")
    openers = lexicon().list_openers
    after = fact.at  # where the figures after the one looked at begin: the list's items, one by one
    for f in reversed(base.by_sentence.get((fact.block, fact.sentence), ())):
        if f.id >= fact.id or not f.is_money:
            continue
        if any(o in text[f.at + len(f.text):after] for o in openers):
            return f.concept or compact(f.label), f.period, f.fund
        after = f.at
    return None


def _funds_lines() -> set[str]:
    """The project form's funds: its total (project_funds) and the names of that total's parts."""
    total = concepts().get("project_funds")
    lines = {total} if total else set()
    for calc in lexicon().calculations:
        if calc["total"] == total:
            lines |= part_names(calc)
    return lines


def _allotted(base, fact: Fact, words: tuple) -> bool:
    """A word of funds allotted stands before the figure in its sentence or the clauses a ；
    joins to it (县财政安排…，其中A…；B…)."""
    return bool(words) and any(w in text for _, text in _clauses_back(base, fact) for w in words)


def _income_column(t: Fact, tails: tuple[str, ...]) -> bool:
    """A table figure under a column of money received (一般公共预算拨款收入 of 事业运行: the
    income for a spending, `tails`: concepts.yaml income_tails) in a row of no income."""
    return bool(t.member) and t.member.endswith(tails) and not t.concept.endswith(tails)


def _scope_unsaid(base, fact: Fact, tables: list[Fact]) -> bool:
    """The sentence's figure is the one a table states for a fund a heading above the sentence
    names (事业运行912.54万元 under 五、一般公共预算支出预算情况: the row's 一般公共预算 column, or
    the general budget's own table), the sentence naming no fund itself: a scope it leaves unsaid."""
    funds = base.heading_funds.get(fact.block) or set()
    if fact.fund or fact.member or not funds:
        return False
    return any(meets(fact, t) for t in tables
               if t.fund in funds or any(f in t.member for f in funds))


def _outturn_after(base, fact: Fact) -> bool:
    """Another amount of the concept, spent, follows in the sentence (上级转移支付资金3,216.00万元，
    支出3,104.72万元，执行率96.54%): one thing has one outturn, so the first is what it was spent of."""
    # (…，支出3,104.72万元 naming no measure: in a plan read as its budget, FactBase.bare_measure,
    # but still the amount spent after the one it was spent of)
    return any(f.id > fact.id and f.concept == fact.concept and (f.measure == "决算" or (f.implicit and f.is_money))
               and f.period == fact.period
               and f.value != fact.value for f in base.by_sentence.get((fact.block, fact.sentence), ()))


def _states_any_measure(base, fact: Fact, loose: dict[tuple, list[Fact]], measures=MONEY_MEASURES,
                        dimension: str = "money") -> bool:
    """A table states the fact's value for its concept in one of `measures` (全年预算数, 年初预算数;
    a figure in points, 分值)."""
    period = (fact.period, fact_year(base, fact))  # (as _key has it)
    return any(meets(fact, t) for measure in measures
               for t in loose.get((fact.concept, period, measure, _whose(base, fact, fact.subject), dimension), ())
               if t.source == "table")


class _Scoped:
    """The table statements a sentence's figure is met by. A concept of all funds (项目支出,
    年初结转和结余) stated for one fund (政府性基金预算财政拨款年初结转和结余0.00元; a table titled
    一般公共预算财政拨款支出决算表) is that fund's figure, and stated for none the unit's: only a
    statement for the same fund states the same; a fund's own concept (财政拨款收入) is met by any
    table. The statements of each fund are picked out once per concept."""

    def __init__(self, values: list[Fact], tables: list[Fact], implied: set[str] = frozenset()):
        self.values, self.tables, self.implied = values, tables, implied
        self.by_fund: dict[str, tuple[list[Fact], list[Fact]]] = {}

    def of(self, fact: Fact) -> tuple[list[Fact], list[Fact]]:
        if fact.concept in self.implied or _names_fund(fact.concept):
            return self.values, self.tables
        if fact.fund not in self.by_fund:
            self.by_fund[fact.fund] = ([t for t in self.values if t.fund == fact.fund],
                                       [t for t in self.tables if t.fund == fact.fund])
        return self.by_fund[fact.fund]


def _text_against_tables(fact: Fact, values: list[Fact], tables: list[Fact], rule, assumed, base, doc):
    if not values:
        return
    yield CHECKED
    tails = tuple(concepts().get("income_tails") or ())
    if any(meets(fact, t) for t in values) or any(meets(fact, t) for t in tables if not _income_column(t, tails)):
        return  # (a figure of one income column, 一般公共预算拨款收入, is no statement of the row's spending)
    reference = values[0]
    if all(meets(reference, t) for t in values):
        if _named_row_states(base, fact, reference):
            return
        if len(values) == 1 and _column_prefers(doc, base, fact, reference, rule):
            # the table's own column adds up with the text's figure, not with its own: the cell is the slip
            hit = _hit(reference, fact, rule, assumed)
            hit.formula += "；该表本列合计按正文数字相符、按表中数字不符"
            yield hit
            return
        if _rate_of_other_amounts(base, fact, reference):
            return
        yield _hit(fact, reference, rule, assumed)


def _part_against_tables(fact: Fact, tables: list[Fact], rule, base, doc):
    """A part's execution rate (项目支出执行率86.50%) against the tables' rows of that part (项目支出 |
    700.00 | 610.00 | 87.14%); tables of other scopes (another fund's) are left to their own words."""
    if fact.concept != "预算执行率":
        return
    same = [t for t in tables if t.member == fact.member and t.fund == fact.fund]
    yield from _text_against_tables(fact, list(_consistent_tables(same).values()), same, rule,
                                    base.assumed_units, base, doc)


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
    return bool(row) and not any(meets(a, b) if b.unit else _printed_alike(a, b) for a in said for b in row)


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
    return any(other is not cell and meets(fact, other) and len(compact(other.label)) >= 2
               and compact(other.label) in sentence for other in _column_of(base, cell))


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


def _text_pairs(texts: list[Fact], rule, fillers: re.Pattern, base):
    """Sentences restating one fact in the same words (面向中小企业预留的 and 面向小微企业预留的
    are two facts of one concept): the first statement is the reference. `fillers`: see _fillers.
    Parts listed after different wholes (财政拨款支出…其中基本支出 and 本年支出…其中基本支出; one
    unit's 其中 and another's) are parts of different things."""
    by_words: dict[tuple, Fact] = {}
    by_fund: dict[str, Fact] = {}  # the concept's first figure in any words: for a unit slip only
    by_side: dict[tuple, Fact] = {}  # the first figure of each side a balance's words name
    sides = tuple(rule.params["balance_sides"])
    alike = rule.params["same_fact_words"].get(texts[0].concept if texts else None, ())
    scales = [*rule.params["unit_scales"], *rule.params["same_digit_scales"]]  # (scaled: the same digits)
    opening = (tuple(rule.params["opening_words"]), tuple(rule.params["closing_words"]))
    for fact in texts:
        words = fillers.sub("", fact.label)
        for word in alike:
            words = words.replace(word, "")
        # (of two funds the sentence names, 一般公共预算… and 政府性基金…: each fund's own)
        point = _opening(base, fact, opening)
        key = (words, _list_head(base, fact), fact.fund, point)
        first = by_words.setdefault(key, fact)
        named = by_fund.setdefault(fact.fund, fact)
        # (of two sides said in one word, 收支总计, the same side stated before is the reference:
        # 支出总计1,000.00 then 支出总计1,050.00 is one fact slipped, whatever 收入总计 is)
        side = [s for s in sides if s in fact.label]
        if first is not fact and len(side) == 1:
            first = by_side.setdefault((key, side[0]), fact)
            if first is fact:
                first = by_words[key]
        elif len(side) == 1:
            by_side.setdefault((key, side[0]), fact)
        if first is not fact:
            yield CHECKED
        if first is not fact and not meets(first, fact) \
                and not _difference_stated(base, first, fact, tuple(rule.params["balance_words"]), sides):
            yield _hit(fact, first, rule)
        elif first is fact and named is not fact and scaled(fact, named, scales):
            # a part of one whole and a figure of no list, or the concept in other words, may be two
            # things; but the same digits in 元 and in 万元 (公务接待费5.46万元 in the 三公 list,
            # 公务接待费支出5.46元 under its heading) are one amount with its unit slipped: on the
            # figure whose unit its sentence's other amounts do not share (or share with the other
            # figure only), else the later one
            earlier = _unit_support(base, named) < _unit_support(base, fact)
            slipped, kept = (named, fact) if earlier else (fact, named)
            yield _hit(slipped, kept, rule)


def _two_sides(a: Fact, b: Fact, sides: tuple[str, ...]) -> bool:
    """Each figure's words name a different one of the two sides (收入… and 支出…)."""
    named = [{side for side in sides if side in f.label} for f in (a, b)]
    return all(len(n) == 1 for n in named) and named[0] != named[1]


def _difference_stated(base, a: Fact, b: Fact, words: tuple[str, ...], sides: tuple[str, ...] = ()) -> bool:
    """Two figures whose difference the later one's sentence, the next or the next paragraph's first
    states as a balance, the amount after its word (收入总计6,889.37万元，支出总计5,588.05万元，收支
    相抵，结转下年1,301.32万元; `words`: 结转, 相抵): the words set them apart, as two sides, however
    far apart the two stand (收入 and 支出 each under its heading, a sentence a line)."""
    if not (a.is_money and b.is_money) or not words:
        return False
    if a.block != b.block and not _two_sides(a, b, sides):
        return False  # (apart, only figures naming the two sides: 支出总计 twice is one fact, slipped)

    (a_lo, a_hi), (b_lo, b_hi) = (f.interval(MONEY_UNITS[f.unit]) for f in (a, b))
    gap_lo, gap_hi = max(Decimal(0), max(a_lo - b_hi, b_lo - a_hi)), max(a_hi - b_lo, b_hi - a_lo)
    block, later = max((a.block, a.sentence), (b.block, b.sentence))
    # (the later figure's sentence, the next, or the next paragraph's first: 收支相抵 on a line of its own)
    for key in ((block, later), (block, later + 1), (block + 1, 0)):
        text = base.sentences.get(key, "")
        said = [k for k in (text.find(w) for w in words) if k >= 0]
        # (the balance is the amount after its word: 收支相抵，结转下年1,301.32万元; not an item that
        # happens to be as large before it, 上解支出0.99亿元…结转下年1.11亿元)
        if said and any(
                f is not a and f is not b and f.is_money and f.at > min(said)
                and f.interval(MONEY_UNITS[f.unit])[0] <= gap_hi and gap_lo <= f.interval(MONEY_UNITS[f.unit])[1]
                for f in base.by_sentence.get(key, ())):
            return True
    return False


def _unit_support(base, fact: Fact) -> int:
    """How the sentence's first other amount (its whole where it lists parts: “三公”经费23.48万元，其中…)
    bears out the figure's unit: 1 where it shares it, -1 where it is in another, 0 where there is none."""
    first = next((f for f in base.by_sentence.get((fact.block, fact.sentence), ()) if f is not fact and f.is_money), None)
    return 0 if first is None else 1 if first.unit == fact.unit else -1


def _hit(fact: Fact, other: Fact, rule, assumed: dict[int, str] | None = None, note: str = "",
         sure: bool = True) -> Hit:
    """`note`: what else the formula says; not `sure`: which of the two is the slip is not known, and
    no value is expected of the one reported."""
    ratio = _unit_scale(fact, other, rule)
    unit_slip = ratio is not None
    # (two statements met under one key whose measures differ: one is a 决算 by default read as the
    # budget the other names, see _measure)
    measure = next((f.measure for f in (fact, other) if f.measure != "决算"), fact.measure)
    # (a part's rate names its part: 项目支出预算执行率)
    of_part = fact.member if fact.member and fact.member == other.member and fact.concept == "预算执行率" else ""
    relation = f"{of_part}{fact.concept}（{measure}{'，' + fact.period if fact.period != '本年' else ''}）"
    # a table cell prints the bare number under the table's unit: the unit is said with it
    other_text = other.with_unit()
    formula = (f"{fact.where()}：{fact.with_unit()}；{other.where()}：{other_text}"
               + _unit_words(fact, other, ratio) + _assumed_note(fact, other, assumed) + note)
    cls = "unit_error" if unit_slip else "rounding" if tail(fact, other) else None
    # the value the figure should read, in its own unit and precision (86,540.00元 for 8.56万元 is
    # 8.65万元), the other statement's print in the formula
    expected = other_text if unit_slip or fact.unit == other.unit or not (fact.is_money and other.is_money) \
        else _in_unit_of(other, fact)
    if unit_slip and fact.source == "text" and any(ratio in (Decimal(s), 1 / Decimal(s))
                                                   for s in rule.params["same_digit_scales"]):
        # (a sentence restating a 千元 table's digits under its own 万元, 39,512.60万元 for 39,512.60千元:
        # its unit is the narrative's, its digits went unconverted: 3,951.26万元)
        expected = _in_unit_of(other, fact)
    # (one amount printed twice at one precision, a unit of its last digit apart: no rounding of
    # that amount gives both; one of them was cut down or adjusted to make a total)
    same_print = cls == "rounding" and fact.unit == other.unit and fact.places == other.places
    return Hit(quote=fact.quote, location=fact.loc, stated=fact.text, expected=expected if sure else None,
               formula=f"{relation} {formula}", cls=cls,
               fields={"concept": relation, "value": fact.text, "other": other_text,
                       "other_where": other.where(), "where": fact.where(),
                       **({"rounding_note": TAIL_NOTE} if same_print else {})},
               highlights=[other.loc])


def _unit_words(fact: Fact, other: Fact, ratio: Decimal | None) -> str:
    """How the two figures stand: one value, a unit apart (the same digits, or one the other's
    ×10⁴ under one unit), or two values."""
    if ratio is None:
        return "：两处应为同一数值"
    if fact.value == other.value:
        return "：数字相同而单位不同"
    return f"：两处相差{int(max(ratio, 1 / ratio))}倍，疑为单位有误"


def _unit_slips(doc, base, pairs: list[tuple[Fact, Fact]], rule):
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
            yield _hit(slipped, kept, rule, base.assumed_units, note, sure)


def _read_as(slipped: Fact, kept: Fact, rule) -> str:
    """The unit the slipped table's figures read right in (6171000.00 under 万元 beside 617.10万元:
    元), said where it has a name."""
    ratio = _unit_scale(slipped, kept, rule)
    wanted = factor(slipped) * ratio
    unit = next((u for u, f in MONEY_UNITS.items() if f == wanted), None)
    return f"；本表与其他各表的同一数字都相差此倍数，本表数字疑按{unit}填列而单位标为{slipped.unit}" if unit else \
        "；本表与其他各表的同一数字都相差此倍数，本表单位疑有误"


def _in_unit_of(other: Fact, fact: Fact) -> str:
    """`other`'s amount written in `fact`'s unit, at `fact`'s printed precision."""
    value = other.in_yuan() / MONEY_UNITS[fact.unit]
    return f"{fmt(value, fact.places, fact.text)}{fact.unit}"


def _assumed_note(fact: Fact, other: Fact, assumed: dict[int, str] | None) -> str:
    """Says so when a table's unit was read from the text (the table prints none)."""
    for f in (fact, other):
        if f.source == "table" and assumed and f.block in assumed:
            return f"（该表未注明单位，按正文中与之相同的数字读作{assumed[f.block]}）"
    return ""

