"""What makes two statements one fact for kind `restatement`: the key facts are grouped under
(concept, period and year, measure, whose the figure is, fund, member, unit dimension), the facts
of a concept stated more than once, and the figures no group takes (a part's figure its clause
names the part of, a share of a part or of the whole itself); the figures of a numbered activity
no parallel item states are the unit's."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...facts.agreement import bound_side, round_hedge
from ...facts.base import Fact
from ...facts.base.headings import worded_measure
from ...facts.base.paragraphs import RUN_IN_HEADING_RE
from ...facts.base.model import LATER
from ...facts.base.periods import fact_year
from ...facts.base.words import ITEM_TOKEN_RE, UNNAMED
from ...facts.lexicon import lexicon
from ...facts.scopes import figure_scope
from ...facts.numbers import MONEY_UNITS
from ...knowledge import compact, concepts, vocabulary_generation
from ..base import SHARE_OF_RE


def restated_facts(base, measures: set[str]) -> list[Fact]:
    """The facts of the rule's measures (stated on no other basis, of a named subject) whose
    concept another such fact states too, in the fact base's order: a fact is only met by facts
    of its concept (every key, and every lookup of text.py check_text's, holds it), so a concept stated
    once makes a group of one, which meets nothing and is not keyed at all (most facts)."""
    # (an amount bounded by a word before it in running text, 超过700万元, 不足15万元, restates the
    # figure as a floor or a ceiling: agreement.meets; not a rate's threshold, 执行率低于90%的项目, nor a
    # table's bound, ≥90%, a target)
    facts = [f for f in base.facts if f.concept and f.measure in measures
             and (not f.comparator or f.source == "text" and f.is_money and bound_side(f) and round_hedge(f, any_digits=True))
             and f.subject != UNNAMED]
    stated = Counter(f.concept for f in facts)
    return [f for f in facts if stated[f.concept] > 1]


def clauses_back(base, fact: Fact):
    """(sentence index, its text up to the fact) of the fact's sentence, then of each sentence
    before it that a ； joins to it (each ；-clause is read as a sentence), nearest first."""
    k, text = fact.sentence, base.sentences.get((fact.block, fact.sentence), "")[:fact.at]
    while True:
        yield k, text
        text = base.sentences.get((fact.block, k - 1), "")
        if k == 0 or not text.rstrip().endswith(("；", ";")):
            return
        k -= 1


def row_section(base, fact: Fact) -> str:
    """The name of a table's row the figure's section heading gives (（一）职工基本医疗保险基金), "" where
    it names none: the figure is that row's thing's, whatever the headings beside it name."""
    for heading in (fact.loc.section or "", _run_in_label(base, fact)):
        section = ITEM_TOKEN_RE.sub("", compact(heading)).rstrip("。：:")
        if not section:
            continue
        named = lexicon().concepts.last(section) or section
        if any(f.source == "table" for f in base.by_concept.get(named, ())):
            return section
    return ""


def _run_in_label(base, fact: Fact) -> str:
    """The numbered label a paragraph opens on as a sentence of its own (（五）城乡居民基本医疗保险基金。
    收入…): a heading run into the paragraph, over its figures; "" where it opens on none."""
    first = base.sentences.get((fact.block, 0), "").strip()
    return first if fact.sentence and RUN_IN_HEADING_RE.match(first) else ""


def part_named(base, fact: Fact, parts: tuple[str, ...], leads: tuple[str, ...] = ()) -> bool:
    """A sentence's figure of a thing the tables name (查档利用) whose clause names a part of the
    area as well (乡镇查档利用2,802人次; 城区、乡镇…依次为…): that part's figure, not the table's whole."""
    if not parts or not fact.concept or fact.concept in lexicon().concepts.canonical:
        return False
    text = base.sentences.get((fact.block, fact.sentence), "")[:fact.at]
    clause = compact(re.split(r"[。；;！？!?，,：:]", text)[-1])  # (the figure's own clause: 建成社区食堂2处，全年执行资金…)
    own = compact(fact.subject) if isinstance(fact.subject, str) else ""
    if own and clause.startswith(own):
        clause = clause[len(own):]  # (the figure's own subject named, 城区排水管网改造项目全年…: no part of it)
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


def share_of_part(header: str) -> bool:
    """A share column headed with a whole that is no unit total (占事业收入比重: each fee's share
    of 事业收入, the 事业收入 row's 100%): not the share of the unit's total a sentence naming no
    whole states (事业收入246.35万元，占34.93%)."""
    found = SHARE_OF_RE.search(compact(header or ""))
    if found is None:
        return False
    whole = found.group(1)
    totals = set(concepts().get("unit_totals") or ())
    return lexicon().concepts.last(whole) not in totals and not any(w in whole for w in concepts().get("kind_total_words") or ())


def whole_share(fact: Fact, totals: tuple[str, ...]) -> bool:
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


def in_part_list(base, fact: Fact) -> bool:
    """A share in a 其中 list of a part (项目支出800.00万元，其中：一般公共服务支出400.00万元，占50.00%)
    is of that part, not of the unit's total a table's 占比 column is of."""
    for sentence, text in clauses_back(base, fact):  # (the list goes on across ；-clauses)
        opened = min((k for k in (text.find(w) for w in lexicon().list_openers) if k >= 0), default=-1)
        if opened >= 0:
            head = next((f for f in reversed(base.by_sentence.get((fact.block, sentence), ()))
                         if f.at < opened and f.is_money), None)
            return head is not None and head.concept not in set(concepts().get("unit_totals") or ())
    return False


def group_key(base, fact: Fact, planned: bool, subject: str) -> tuple:
    # (an older or a later period holds many years: 2021's and 2022's rows of a years-as-rows table
    # are no statements of one fact; see fact_year. Whose the figure is takes its scope too, 市本级
    # against 全市, 企业 against 行政事业单位: facts/scopes.py)
    return (fact.concept, (fact.period, fact_year(base, fact)), _measure(fact, planned), whose_figure(base, fact, subject),
            fact.source == "text" or table_fund(fact), fact.member, _dimension(fact))


def table_fund(fact: Fact) -> str:
    """The fund a table's figure is of: its table's or column's (fact.fund), unless its concept names
    that fund or a part of it (一般公共预算财政拨款收入 in the 财政拨款收入支出决算总表, or in the 收入支出
    决算总表 of no fund): then the concept's own, so that a fund's figure in two tables is one fact. A
    concept naming a wider fund than its column (年末财政拨款结转和结余 under 一般公共预算财政拨款) keeps
    the column's: only that fund's part."""
    return _concept_fund(fact.concept or "", fact.fund or "", vocabulary_generation())


@lru_cache(maxsize=1024)  # (a pure function of its arguments: every fact of a group key asks it)
def _concept_fund(concept: str, fund: str, generation: int) -> str:
    named = {name for _, _, name in lexicon().funds.all(concept)}
    parts = concepts().get("fund_parts") or {}
    # (the narrowest fund the concept names: 一般公共预算 of 一般公共预算财政拨款收入, a part of 财政拨款)
    narrowest = [n for n in named if not any(m in parts.get(n, ()) for m in named)]
    if len(narrowest) != 1:
        return fund
    own = narrowest[0]
    return own if fund in ("", own) or own in parts.get(fund, ()) else fund


def whose_figure(base, fact: Fact, subject: str) -> tuple[str, tuple[str, str]]:
    """Whose the figure is, as the keys hold it: its subject and its scope."""
    return subject, figure_scope(base, fact)


def lone_activities(base, rule) -> set[int]:
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
