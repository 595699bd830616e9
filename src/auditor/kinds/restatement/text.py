"""Text against tables and text against text (kind `restatement`): each sentence's figure against
the tables stating its concept (any fund and member), unless it is another statement than
theirs (a project's funds or an amount allotted with no measure word, a body's share of another
concept, a fund a heading names, a stock the year opened with, a sum over the years so far); the
sentences of a concept no table states, against one another."""
from __future__ import annotations

import re
from dataclasses import replace

from ...facts.base import Fact
from ...facts.base.figures import counted_unit, part_names
from ...facts.base.model import MONEY_MEASURES
from ...facts.base.periods import fact_year
from ...facts.base.words import names_own_thing
from ...facts.lexicon import lexicon
from ...facts.agreement import restates
from ...knowledge import compact, concepts
from ..named_rates import COPULAS
from .keys import clauses_back, row_section, whose_figure
from .tables import account_of, consistent_tables
from .text_tables import Scoped, funds_of_tables, text_against_tables, part_against_tables
from .text_pairs import opening_stock, text_pairs


YEAR_RE = re.compile(r"(?:19|20)\d\d年度?")


def _fillers(words: list[str], marker: str) -> re.Pattern:
    """The year, a list item's number and the rule's filler words, longest first."""
    ordered = sorted((w for w in words if w), key=len, reverse=True)
    return re.compile("|".join([YEAR_RE.pattern, *([marker] if marker else []), *map(re.escape, ordered)]))


def check_text(doc, base, groups, rule, vocabulary):
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
    funds_of = funds_of_tables(base)
    for key, facts in groups.items():
        concept, period, measure, subject, _fund, member, dim = key
        loose.setdefault((concept, period, measure, subject, dim), []).extend(facts)
    for facts in loose.values():
        texts = [f for f in facts if f.source == "text"]
        tables = [f for f in facts if f.source == "table"]
        if not texts:
            continue
        primary = [f for f in tables if not f.member or f.member in totals]
        if not primary and (not facts or facts[0].concept not in rule.params["per_item_concepts"]):
            # (tables of parts only: their figures stand for the whole where the concept is a sum's;
            # a per-item rate, 项目支出 | … | 94.46%, is that part's, no statement of the whole's)
            primary = tables
        values = list(consistent_tables(primary).values())
        scoped = Scoped(values, tables, set(rule.params["fund_implied_concepts"]), funds_of)
        tables_sum_since = any(w in t.header or w in t.label for t in tables for w in summed_since)
        for fact in texts:
            if fact.member and fact.member not in totals:
                # a part's rate (基本支出…执行率100.00%) is not the unit's the tables state: only the
                # table rows of that part state it
                yield from part_against_tables(fact, tables, rule, base, doc)
                continue
            if fact.implicit and (fact.concept in funds_lines or _allotted(base, fact, allotment)
                                  or _outturn_after(base, fact)) and _states_any_measure(base, fact, loose):
                continue  # 年度资金总额1,683.00万元 with no measure word: the budget the form states
            if _of_counted_items(base, fact, tuple(rule.params["covered_words"])):
                continue  # (对2个项目开展绩效自评，涉及一般公共预算支出139.85万元: those projects' money)
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
            row = _section_row_cell(base, fact, tables, rule.params["total_row_labels"])
            if row:
                # (a figure of a column's thing under a heading naming a row, 年末累计结余 under （一）某某
                # 基金: that row's cell, not the table's 合计 row the column's thing names)
                yield from text_against_tables(fact, row, row, rule, base.assumed_units, base, doc)
                continue
            yield from text_against_tables(fact, *_own_account(base, fact, *scoped.of(fact), rule.params["own_account_tails"]),
                                           rule, base.assumed_units, base, doc)
        concept = texts[0].concept
        if rule.params["text_against_text"] and not tables and concept in vocabulary:
            fillers = fillers or _fillers(rule.params["label_fillers"], rule.params["label_marker_pattern"])
            # (a part's figure, 某指标自评得分4分, is no statement of the whole's)
            said = [f for f in texts if not f.member or f.member in totals]
            if concept in rule.params["per_item_concepts"]:
                said = [f for f in said if _names_only_concept(f, fillers, rule.params["whole_unit_words"])
                        and not _item_opened(base, f, rule.params["whole_unit_words"])]
            yield from text_pairs(said, rule, fillers, base)


def _own_account(base, fact: Fact, values: list[Fact], tables: list[Fact], tails: list[str]) -> tuple[list[Fact], list[Fact]]:
    """The table statements under the account the figure's heading names (二、城乡居民…基金 over its
    sentence and its own table: that table's 利息收入, not the other fund's), where one stands there;
    all of them else."""
    own = account_of(base, fact, tails)
    if not own:
        return values, tables
    mine = [t for t in values if account_of(base, t, tails) == own]
    return (mine, [t for t in tables if account_of(base, t, tails) == own]) if mine else (values, tables)


def _names_only_concept(fact: Fact, fillers: re.Pattern, whole_words: list[str]) -> bool:
    """A figure of a concept sentences state for many items (each project's 执行率) whose words name
    nothing but the concept, the year and the unit as a whole (2024年度预算执行率为…, 本年度部门预算
    执行率为…): the unit's own figure, one fact wherever so stated; not 该项目预算执行率, an item's."""
    words = fillers.sub("", compact(fact.label))
    for name in sorted(concepts()["concepts"].get(fact.concept, [fact.concept]), key=len, reverse=True):
        words = words.replace(name, "")
    for word in whole_words:
        words = words.replace(word, "")
    return not words


def _item_opened(base, fact: Fact, whole_words: list[str]) -> bool:
    """The figure's sentence opens on an item's name run in before a colon (乡村道路养护：安排资金…，
    执行率89.00%): the sentence is about that item, whatever its rate's own words name; not the unit
    named as a whole (部门整体：…)."""
    text = base.sentences.get((fact.block, fact.sentence), "")
    head = RUN_IN_RE.match(text)
    # (a part of the report run in, 自评结论：, 总体情况：, names no item: concepts.yaml topic_endings)
    parts = tuple(concepts().get("topic_endings") or ())
    return head is not None and not any(w in head.group(1) for w in whole_words) \
        and not compact(head.group(1)).endswith(parts)


# a run-in item name opening a sentence: a few words with no figure, then a colon
RUN_IN_RE = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）.、．]\s*)?([^，,。；;：:\d]{2,20})[：:]")


def check_section_columns(doc, base, rule):
    """A figure naming no concept under a section heading that names a table's row, its words the
    head of one of that table's columns (基金支出20,510万元 under （一）职工基本医疗保险基金, the table's
    row | 基金收入 | 基金支出): that cell, stated again. One pass over the text's figures; a
    document with no such section asks nothing."""
    for fact in base.facts:
        if fact.source != "text" or fact.concept is not None or not fact.is_money or fact.comparator:
            continue
        section = row_section(base, fact)
        if not section:
            continue
        head = compact(fact.label).rstrip("".join(COPULAS) + "：:，,")
        named = lexicon().concepts.last(section) or section
        # (its words end on the column's head: 全年基金支出为… under 基金支出)
        # (the words before the head name no thing of their own: 授予小微企业合同金额 is no 合同金额 of
        # the row, but a part of it the table does not state)
        cells = [t for t in base.by_concept.get(named, ()) if t.source == "table" and t.header
                 and head.endswith(compact(t.header)) and t.period == fact.period and t.measure == fact.measure
                 and not names_own_thing(_without_scope(head[:-len(compact(t.header))]))]
        if len(cells) == 1:
            # (named in the finding by the row and the column: 职工基本医疗保险基金 基金支出)
            yield from text_against_tables(replace(fact, concept=f"{section} {head}"), cells, cells, rule,
                                           base.assumed_units, base, doc)



def _without_scope(words: str) -> str:
    """The words without the jurisdiction or the unit they speak of as a whole (全市, 本部门:
    lexicon jurisdictions, concepts.yaml whole_opening_words), which name no thing of their own."""
    for word in (*lexicon().jurisdictions, *(concepts().get("whole_opening_words") or ())):
        words = words.replace(word, "")
    return words


def _section_row_cell(base, fact: Fact, tables: list[Fact], total_labels: list[str]) -> list[Fact]:
    """The cell a figure stands for when its section's heading names a table's row and the figure
    names that table's column (（一）城乡居民基本养老保险基金 over 当年收支结余5156万元: the row's 本年收支
    结余 cell), where the figure's concept is the column's thing (the 合计 row's name) only."""
    section = row_section(base, fact)
    if not section or not tables or any(t.concept != fact.concept or compact(t.label) not in total_labels for t in tables):
        return []
    blocks = {t.block for t in tables}
    lex = lexicon()
    named = lex.concepts.last(section) or section
    if named == fact.concept:
        return []  # (四、项目支出情况 over 项目支出…: the section names the figure's own thing, no row)
    return [t for t in base.by_concept.get(named, ()) if t.source == "table"
            and t.block in blocks and t.period == fact.period and t.measure == fact.measure
            and (lex.concepts.last(compact(t.header)) or compact(t.header)) == fact.concept]


def _of_counted_items(base, fact: Fact, words: tuple[str, ...]) -> bool:
    """An amount its words say the things counted before it in its sentence involve (对2个项目开展了
    绩效自评，涉及…支出139.85万元): those things' money, no statement of the unit's whole."""
    if not words or not fact.is_money or not any(w in compact(fact.label) for w in words):
        return False
    return any(f.at < fact.at and counted_unit(f.unit) and f.unit != "分" and f.value
               for f in base.by_sentence.get((fact.block, fact.sentence), ()))


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


def _opened_stock(base, fact: Fact, words: tuple[tuple, tuple]) -> bool:
    """A figure its sentence's opening words date to the start of the year (年初，全县债务余额…;
    上年末，…) though its concept names no start (本年末债务余额 read from the words 债务余额): the
    stock the year opened with, which a table states, if at all, in a column of that start, not
    under the concept. (Its own words naming the start, 年初结转结余, name the concept already.)"""
    opening = words[0]
    return not any(w in fact.label or w in (fact.concept or "") for w in opening) and opening_stock(base, fact, words)


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
    return bool(words) and any(w in text for _, text in clauses_back(base, fact) for w in words)


def _scope_unsaid(base, fact: Fact, tables: list[Fact]) -> bool:
    """The sentence's figure is the one a table states for a fund a heading above the sentence
    names (事业运行912.54万元 under 五、一般公共预算支出预算情况: the row's 一般公共预算 column, or
    the general budget's own table), the sentence naming no fund itself: a scope it leaves unsaid."""
    funds = base.heading_funds.get(fact.block) or set()
    if fact.fund or fact.member or not funds:
        return False
    return any(restates(fact, t) for t in tables
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
    period = (fact.period, fact_year(base, fact))  # (as keys.py group_key has it)
    return any(restates(fact, t) for measure in measures
               for t in loose.get((fact.concept, period, measure, whose_figure(base, fact, fact.subject), dimension), ())
               if t.source == "table")
