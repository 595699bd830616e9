"""Sub-check `execution` of kind `derived`: 执行率 = 决算 ÷ 全年预算 of the same subject, the
budget found by budgets.py; a rate that holds only on the year-start budget is told as such."""
from __future__ import annotations

import re
from functools import lru_cache

from ...facts.base import Fact, FactBase
from ...facts.base.model import CURRENT
from ...facts.lexicon import lexicon
from ...facts.numbers import fmt
from ...knowledge import compact, concepts
from ...facts.base.words import left_over, noted_parts, past_last_break
from ..base import CHECKED, sentence_figures
from .intervals import bounds, ratio_bounds, exact_ratio, unit_slip, rate_hit, ratio_fits, rate_against
from .lookup import same_sentence, facts_before, document_value, list_head
from .budgets import unit_spending, unnamed_budget_of, received_before


def check_execution(base: FactBase, rule):
    params = rule.params
    # last year's rate (较上年的92.00%) is not recomputed from this year's amounts
    # (a change carrying the rate's concept, 执行率98.48%，比上年…增长4.15%, is no execution rate)
    for rate in (f for f in sentence_figures(base, "实际值") if f.concept == "预算执行率" and not f.comparator
                 and f.unit == "%" and f.period == CURRENT):
        sentence = facts_before(same_sentence(base, rate), rate)
        if rate.member and any(f.concept == "预算执行率" and not f.member for f in sentence) \
                and not any(f.concept == rate.member for f in sentence if f.is_money):
            # a part's rate (其中基本支出执行率99.20%) with none of that part's amounts in its sentence:
            # on the part's amounts the document agrees on, or not judged
            yield from rate_against(base, rate, document_value(base, rate.member, "决算", rate.subject),
                                     document_value(base, rate.member, "全年预算", rate.subject),
                                     "预算执行率", "执行数 ÷ 全年预算")
            continue
        # this year's figures (“较2024年度的2,205.30万元增长” names last year's between them)
        # (not an amount left over: 实际支出1,796.35万元，结余28.65万元，预算执行率98.43%)
        actual = next((f for f in reversed(sentence) if f.is_money and f.measure == "决算" and f.period == CURRENT
                       and not left_over(f.label)), None)
        budgets = [f for f in reversed(sentence) if f.is_money and f.measure == "全年预算" and f.period == CURRENT]
        if actual is not None and _listed_after(base, actual, rate):
            continue  # “…执行率96.70%，其中计划生育家庭奖励扶助资金足额发放，执行率100%”: an item's rate, no amounts of its own
        budget = _budget_of(actual, budgets)
        head = list_head(base.sentences.get((rate.block, rate.sentence), ""), sentence) if actual is not None else None
        if head is not None and actual.concept and any(
                f.concept == "预算执行率" and head.id < f.id < actual.id for f in sentence):
            # “其中基本支出648.91万元，执行率99.34%；项目支出222.45万元，执行率93.56%”: a rate after
            # each item of the list is that item's, on its budget stated here or elsewhere
            budget = _budget_of(actual, budgets) or document_value(base, actual.concept, "全年预算", rate.subject)
            yield from rate_against(base, rate, actual, budget, "预算执行率", "执行数 ÷ 全年预算")
            continue
        if head is not None and head.measure == "决算" and head.period == CURRENT and head.is_money \
                and head.id < actual.id and not (budget is not None and budget.value and ratio_fits(rate, actual, budget)) \
                and not (actual.concept and actual.concept in compact(rate.label)):  # (项目支出预算执行率: the item's)
            # “全年支出1,236.80万元，其中：基本支出…，项目支出380.40万元，预算执行率96.63%”: after a
            # 其中 list the rate is its whole's, unless it holds for the last item
            actual, budget = head, _budget_of(head, budgets)
        elif head is not None and head.id < actual.id and budget is not None and budget.concept != actual.concept:
            continue  # an item's rate (项目支出预算执行率) with only the whole's budget stated: not judged
        if actual is None and not rate.member and not any(f.is_money for f in sentence):
            # “…全年执行数1,210.50万元。预算执行率96.84%。”: a rate stated alone after its amounts
            actual, budget = _stated_just_before(base, rate)
        if budget is None and actual is not None and rate.member and actual.concept == rate.member:
            # “其中：项目支出222.45万元，执行率93.56%”: a part's rate beside its amount, on the part's
            # budget the document states elsewhere
            budget = document_value(base, rate.member, "全年预算", rate.subject)
        if budget is None and actual is not None and not rate.member:
            # “全年实际支出13,905.12万元，预算执行率97.67%”: the unit's rate, on the budget stated
            # unnamed before it under the same heading (or on the money received it names, 资金执行率 =
            # 实际支出 ÷ 到位资金: either holding, it holds; see below)
            budget = unnamed_budget_of(base, rate, actual, "全年预算")
        if budget is None and actual is not None:
            start = _year_start_only(base, rate, actual, sentence)
            if start is not None:
                yield from rate_against(base, rate, actual, start, "预算执行率", "执行数 ÷ 年初预算（未写调整）")
                continue
            start = _year_start_raised(base, actual, sentence)
            if start is not None:
                yield from _rate_at_most(base, rate, actual, start)
                continue
            # (部门全年可用资金0.64亿元，全年支出0.60亿元，预算执行率…: no budget stated, the sentence's one
            # amount of the money there was to spend is what the rate is of; not one noted to hold a balance
            # brought forward, 可用资金0.64亿元（含上年结转结余0.04亿元）: the rate may be on the budget within)
            available = [f for f in sentence if f.is_money and f.measure == "可支配" and f.period == CURRENT
                         and f.id < actual.id]
            text = base.sentences.get((rate.block, rate.sentence), "")
            if len(available) == 1 and not noted_parts(text, available[0], tuple(params["part_note_words"])):
                yield from rate_against(base, rate, actual, available[0], "预算执行率", "执行数 ÷ 可用资金")
                continue
        if budget is not None and _listed_with_others(base, budget, budgets):
            continue  # (全年预算数分别为80.00万元、20.00万元，实际支出…: on their sum, which is not stated)
        if actual is not None and budget is not None and budget not in budgets and len(budgets) == 1 \
                and budgets[0].value and budgets[0].id < actual.id \
                and budgets[0].concept not in lexicon().concepts.canonical:
            # (…：安排资金1250.00万元，实际支出1212.50万元，执行率97.00%: the rate is of its own sentence's one
            # budget, an item's the vocabulary does not know, and the outturn, whatever whole another
            # reading gave the outturn, not of a table's total; not 基本支出全年预算… beside 项目支出实际支出…)
            budget = budgets[0]
        if actual is not None and budget is not None and budget.value and not ratio_fits(rate, actual, budget) \
                and any(ratio_fits(rate, actual, f) for f in received_before(base, rate, available=True)):
            yield CHECKED  # (预算…，到位资金4,945.00万元，实际支出…，执行率92.51%: on the money received, as
            continue  # 资金执行率 = 实际支出 ÷ 到位资金 is often reckoned; either holding, it holds; so on
            # the money there was to spend, 调整后预算…，加上年结转…，可用资金合计…: a 自评表's 全年预算数 holds it)
        yield from rate_against(base, rate, actual, budget, "预算执行率", "执行数 ÷ 全年预算")


def _stated_just_before(base: FactBase, rate: Fact) -> tuple[Fact | None, Fact | None]:
    """The amount spent and the budget a rate stated in a sentence of its own is on: those of the
    sentence right before it, under the same heading, when that sentence states one of each for the
    unit as a whole (or naming nothing) and no rate of its own, and lists no parts. (With two
    amounts spent, a rate there already, or a 其中 list, which amounts the rate is of is not told.)"""
    previous = _previous_sentence(base, rate)
    if previous is None or _names_before_rate(base, rate):
        return None, None
    facts = base.by_sentence.get(previous, [])
    if not facts or any(f.unit == "%" or f.loc.section != rate.loc.section for f in facts) \
            or base.sentences.get(previous, "").lstrip().startswith(lexicon().list_openers):
        return None, None
    whole = (None, unit_spending())
    spent = [f for f in facts if f.is_money and f.measure == "决算" and f.period == CURRENT]
    budgets = [f for f in facts if f.is_money and f.measure == "全年预算" and f.period == CURRENT]
    if len(spent) != 1 or len(budgets) != 1 or spent[0].concept not in whole or budgets[0].concept not in whole:
        return None, None
    return spent[0], budgets[0]


def _names_before_rate(base: FactBase, rate: Fact) -> bool:
    """The rate's sentence opens with a clause of its own before the rate's clause (防汛抗旱应急项目因
    强降雨追加支出，执行率达118.83%): it is about that thing, not the sentence before's amounts."""
    text = base.sentences.get((rate.block, rate.sentence), "")[:rate.at]
    opening = compact(text[:past_last_break(text)])
    # (a thing the vocabulary knows, or a named project as concepts.yaml whole_execution_rate
    # part_pattern names one, not 本项目; 截至12月31日， names none)
    return bool(opening) and (bool(lexicon().concepts.all(opening)) or _named_project(opening))


def _named_project(words: str) -> bool:
    pattern = (concepts().get("whole_execution_rate") or {}).get("part_pattern")
    return bool(pattern) and _compiled(pattern).search(words) is not None


_compiled = lru_cache(maxsize=4)(re.compile)


def _previous_sentence(base: FactBase, fact: Fact) -> tuple[int, int] | None:
    """The (block, sentence) key of the sentence before the fact's: in its block, else the last of
    the block before."""
    if fact.sentence > 0:
        return fact.block, fact.sentence - 1
    count = 0
    while (fact.block - 1, count) in base.sentences:
        count += 1
    return (fact.block - 1, count - 1) if count else None


def _listed_with_others(base: FactBase, budget: Fact, budgets: list[Fact]) -> bool:
    """The budget is the last of several listed one after another (A、B), each a part: the rate's
    budget is their whole."""
    earlier = [f for f in budgets if f.id < budget.id and (f.block, f.sentence) == (budget.block, budget.sentence)]
    return bool(earlier) and base.between(max(earlier, key=lambda f: f.id), budget).strip() in LIST_JOINERS


LIST_JOINERS = ("、", "和", "及", "与", "，")


def _year_start_only(base: FactBase, rate: Fact, actual: Fact, sentence: list[Fact]) -> Fact | None:
    """The year-start budget of the actual's thing stated in the rate's sentence, when the document
    states no budget of it for the whole year: no adjustment told, the year-start budget is the
    budget (年初预算45.00万元，实际支出40.50万元，预算完成率90.0%)."""
    start = _year_start_in(sentence, actual)
    if start is None:
        return None
    # (a rate of a thing its sentence names, 培训经费年初预算…，执行率…: that thing's budget, which the
    # unit's whole-year budget stated elsewhere is not; an item's, its own)
    thing = rate.member if rate.member and rate.member not in (actual.concept, start.concept) else ""
    adjusted = base.thing_budget_adjusted(thing) if thing else base.budget_adjusted(actual.concept, actual.subject)
    return None if adjusted else start


def _year_start_in(sentence: list[Fact], actual: Fact) -> Fact | None:
    """The sentence's last year-start budget of the actual's thing."""
    return next((f for f in reversed(sentence) if f.is_money and f.measure == "年初预算" and f.period == CURRENT
                 and f.concept == actual.concept and f.subject == actual.subject), None)


def _year_start_raised(base: FactBase, actual: Fact, sentence: list[Fact]) -> Fact | None:
    """The year-start budget of the actual's thing stated in the rate's sentence, where the budget
    was only added to in the year, by words alone (年中追加了项目资金): the year's budget is not
    stated, but it is no smaller than this one."""
    start = _year_start_in(sentence, actual)
    return start if start is not None and base.budget_only_raised(actual.concept) else None


def _rate_at_most(base: FactBase, rate: Fact, actual: Fact, start: Fact):
    """A rate on a budget not stated but no smaller than the year-start one (only added to) is at
    most the actual over the year-start budget: one above that fits no such budget. (Below it, it
    fits some budget the text does not state: not judged.)"""
    span = ratio_bounds(actual, start)
    if span is None:
        return
    yield CHECKED
    if bounds(rate)[0] <= span[1] or unit_slip(rate, actual, start):
        return
    computed = exact_ratio(actual, start)
    formula = (f"执行数 ÷ 年初预算：{actual.text} ÷ {start.text} = {fmt(computed)}%（{actual.where()}）；"
               f"文中只写年中追加预算，全年预算不少于年初预算，执行率不会高于此数")
    hit = rate_hit(rate, computed, "预算执行率", formula, quote=base.span(min((actual, start), key=lambda f: f.id), rate),
               operands=(actual, start))
    hit.expected = f"不高于 {hit.fields['computed']}"
    hit.fields["computed"] = f"不高于 {hit.fields['computed']}（按年初预算；年中只有追加，全年预算只会更大）"
    yield hit


def _listed_after(base: FactBase, actual: Fact, rate: Fact) -> bool:
    """A list opens (其中) between the sentence's last amount and the rate: the rate is of an item
    the list names after the amounts, not of them."""
    if actual.sentence != rate.sentence or actual.block != rate.block:
        return False
    return any(w in base.between(actual, rate) for w in lexicon().list_openers)


def _budget_of(actual: Fact | None, budgets: list[Fact]) -> Fact | None:
    """The budget an actual is executed against, nearest first: of its own concept or naming
    none; never a part's listed with the budget (预算总额12,846.73万元（其中…项目支出4,222.38万元），
    实际支出总额12,503.18万元，执行率97.33%: the total's budget, not 项目支出's)."""
    if actual is None or actual.concept is None:
        return next((f for f in budgets if f.concept is None), budgets[0] if budgets else None)
    return next((f for f in budgets if f.concept in (None, actual.concept)), None)

