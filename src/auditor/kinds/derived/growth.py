"""Sub-check `growth` of kind `derived`: 变动率 = 变动额 ÷ 上年, with 上年 = 本年 ∓ 变动额 when the
sentence gives the change, else a stated prior-year figure (in the sentence, in brackets, a
table's 上年 column, the document's one value); rises said in multiples, older years compared
and changes on another base."""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ...facts.agreement import round_hedge
from ...facts.base import Fact, FactBase
from ...facts.base.figures import per_unit
from ...facts.base.heads import thing_of_head
from ...facts.base.model import BUDGET_MEASURES, CURRENT, LATER, MEASURED_UNITS, OLDER, PRIOR
from ...facts.base.periods import fact_year
from ...facts.base.text_facts import base_measure_named, closed_comparison_re, compares_other_year, names_budget_base, named_budget_base, closed_budget, against_budget
from ...facts.base.words import respectively_words, CLAUSE_BREAK_RE, change_sign, kind_total, names_other_year, names_own_thing, YEAR_RE, YEARS_RE
from ...facts.grid_pairs import grid_cell
from ...facts.lexicon import lexicon
from ...facts.scopes import figure_scope
from ...facts.numbers import MONEY_UNITS, fmt
from ...knowledge import compact, concepts, han_bigrams
from ..base import CHECKED, Hit, sentence_figures
from .intervals import HUNDRED, bounds, formula_operands, consistent, rate_hit, based, way, opposite
from .lookup import (YEAR_NUMBER_RE, rate_of_amount, same_sentence, facts_before, unique_value, document_value, this_year_before,
                     prior_value, compares_last_year)
from .share import column_parts_sum
from .row_rates import detail_sum
from .run_growth import check_run_growth, run_growths


def _adjusted(text: str, rate: Fact, cues: list[str]) -> bool:
    """The rate is one on adjusted figures (同口径, 剔除…因素后): a cue stands before it in its
    sentence (…，剔除留抵退税因素后同口径增长7.1%), or after it with no rate after the cue that it
    could be of (增长9.6%（同口径）; 增长9.6%，为剔除…后的同口径增幅). A headline rate before a cue
    that another rate follows (增长6.6%，剔除…后同口径增长7.1%) is on the figures stated."""
    if not cues:
        return False
    if any(w in text[:rate.at] for w in cues):
        return True
    end = rate.at + len(rate.text)
    found = [text.find(w, end) for w in cues]
    first = min((k for k in found if k >= 0), default=-1)
    return first >= 0 and not PERCENT_AFTER_RE.search(text, first)


PERCENT_AFTER_RE = re.compile(r"\d\s*[%％]")


def check_growth(base: FactBase, rule):
    # (a change between two years of a run of figures stated in its sentence: judged on those two)
    in_run = {rate.id for rate, _, _ in run_growths(base)}
    yield from check_run_growth(base, rule)
    for rate in (f for f in sentence_figures(base, "变动率") if not f.comparator and f.unit == "%"):
        if rate.id in in_run:
            continue
        if rate.concept is None and names_own_thing(rate.label):
            continue  # “…较上年减少14.69万元，主要是…，会议费同比下降18.6%”: another thing's rate
        if base.year is None and _two_years_compared(base, rate):
            continue  # (2023年支出较2022年增加…，增长54.29% in a report of no known year: which figure is
            # whose year the tool cannot tell, and no 本年 to read them by)
        # (a plan's 较2025年预算下降…: on last year's budget, its year-on-year base, judged below
        # only with its change amount, that budget being read nowhere here)
        on_budget = _on_other_base(rate.label, rule.params["other_base_words"])
        sentence = facts_before(same_sentence(base, rate), rate)
        if on_budget and not (base.plan and compares_other_year(rate.label)):
            if _budget_rate_reading(sentence) and _compared_right_before(base, sentence[-1], rate):
                yield from _budget_rate(rate, sentence)
            continue
        if _adjusted(base.sentences.get((rate.block, rate.sentence), ""), rate, rule.params["adjusted_cues"]):
            continue
        # the change of the rate's own concept (“本年支出减少 10 万元，其中基本支出增长 5%”: not 基本支出's)
        # (a change on the budget, 超收0.58亿元, is no year's change)
        change = next((f for f in reversed(sentence) if f.measure == "变动额" and f.is_money
                       and (f.concept == rate.concept or not (f.concept and rate.concept))
                       and not against_budget(f.label)), None) \
            or _change_after(base, rate)
        if change is None and _budget_rate_reading(sentence) and _compared_right_before(base, sentence[-1], rate):
            yield from _budget_rate(rate, sentence)
            continue
        if on_budget and change is None:
            continue
        quantity_change = None if any(w in compact(rate.label) for w in rule.params["money_rate_words"]) \
            else _quantity_change(sentence, rate, rule.params["year_on_year_cues"], base.year)
        bracketed = _bracketed_prior(base, rate, sentence) or (
            _quantity_prior(base, rate, sentence) or _quantities_in_sentence(sentence, rate, base.year)
            or _quantity_now_before(base, sentence, rate)
            if not quantity_change else None)
        if bracketed is not None and not bracketed[0].is_money and rate.of >= 0 and base.facts[rate.of].is_money:
            bracketed = None  # (人均支出92.65万元（实有119人），比上年人均87.31万元（上年117人）增长6.12%: the
            # rate is of the amounts it follows, the heads in brackets a remark on them)
        elif bracketed is None and sentence and not sentence[-1].is_money and sentence[-1].unit not in ("%", "‰", "") \
                and not quantity_change:
            continue  # (…减少1.58万元，接待批次由100批次减少至86批次，下降14.00%: the count's rate)
        current = current_figure(base, rate, change, sentence) if bracketed is None else bracketed[0]
        if rate.period == LATER and (current is None or current.period != LATER):
            # a later year's change (2025年预算135.00万元，较2024年预算减少47.00万元，下降25.82%): on
            # that year's amount in its sentence, or not judged
            current = next((f for f in reversed(sentence) if f.is_money and f.period == LATER and f.measure != "变动额"
                            and f.concept == rate.concept), None)
            if current is None:
                continue
        if bracketed is not None:
            change = None
        if change is None:  # a quantity's change (受益人口3.2万人，较上年增加0.4万人，增长14.29%)
            change, current = quantity_change or (None, current)
        stated_prior = bracketed or (_sentence_prior(base, sentence, rate, current) if change is None else None)
        if stated_prior is not None:
            current = stated_prior[0]
        elif change is None and any(f.period == OLDER for f in sentence):
            continue  # on an older year's figure (较2022年的25,980.40万元增长10.29%), this year's not stated here
        stated = _stated_prior(sentence, change)
        if stated is None and current is None and change is not None:
            stated = _year_base_before(base, change)  # (…2023年实际支出2,108.35万元。2024年实际支出比2023年增加…)
        if current is None and stated is None:
            continue
        moved, basis, than = 0, "增减额与上年数", "上年"
        if stated is not None:
            # “与上年17.05万元相比减少1.31万元，降幅7.68%”: the base is stated, right before the change
            c_lo, c_hi = bounds(change)
            p_lo, p_hi = bounds(stated)
            if p_lo <= 0:
                continue
            if current is not None and current.is_money == stated.is_money and _holds_on_amounts(rate, current, stated):
                continue  # (…177.44万元，比年初预算数188.09万元减少11.65万元，降低5.66%: the rate holds on the two
                # amounts, 10.65 ÷ 188.09; the change amount is what is wrong, DRV010's)
            lo, hi = c_lo / p_hi * HUNDRED, c_hi / p_lo * HUNDRED
            computed = change.in_yuan() / stated.in_yuan() * HUNDRED
            shown = formula_operands(change, stated)
            named = "上年" if stated.period == PRIOR else stated.measure if stated.measure in BUDGET_MEASURES else "所比年度"
            formula = f"变动额 {shown[0]} ÷ {named}数 {shown[1]} = {fmt(computed)}%"
            basis = f"增减额与{named}数" if stated.measure in BUDGET_MEASURES and stated.period == CURRENT else basis
        elif change is not None:
            sign = change.sign or rate.sign or 1
            whole = _list_whole(base, sentence, current, rate)
            if whole is not None and (_growth_fits(rate, change, whole, sign) or (
                    not _growth_fits(rate, change, current, sign)
                    and _growth_miss(rate, change, whole, sign) < _growth_miss(rate, change, current, sign))):
                current = whole  # (the reading the rate holds on; neither: the one it comes nearer)
            meant = _kind_total_meant(base, change, current)
            if meant is not None and not _growth_fits(rate, change, current, sign):
                current = meant  # (the reading the rate holds on; on neither, the kind's own total the words name)
            on = _rate_on(change, current, sign)
            if on is None:
                continue
            lo, hi, computed, previous_yuan = on
            factor = MONEY_UNITS.get(current.unit, Decimal(1))
            shown_places = 2 if current.is_money else max(current.places, change.places)
            # (written as one step of figures, so that a wrong current figure found by another
            # rule is seen to explain it: findings.drop_consequences)
            # (the base named as the change's words name it: 比前年增加… is on 前年's, not 上年's)
            # (比年初预算减少…: the budget it names, which current ∓ change gives here, no year's figure)
            than = named_budget_base(change.label) or closed_budget(compact(change.label)) \
                or _year_compared(change.label, rule.params["other_year_words"])
            basis = f"增减额与{than}数"
            # (the base not stated but worked out from the change: the change amount may be the
            # figure wrong as well as the rate; the formula says so)
            formula = (f"变动额 {change.text} ÷（本年 {current.with_unit()} {'−' if sign > 0 else '+'} 变动额 {change.text}）"
                       f"= {fmt(computed)}%（{than}数 {fmt(previous_yuan / factor, shown_places, current.text)}{current.unit}"
                       f"，由本年数与增减额推得；本年数、增减额与增减比例至少一处有误）")
            documented = _documented_prior(base, change, current, rule.params["year_on_year_cues"])
            against = _prior_against(base, rate, current, documented) if documented is not None else None
            if against is not None and (consistent(rate, against[1], against[2]) or not consistent(rate, lo, hi)):
                # (told on the two years stated, not on a last year rebuilt from a change amount
                # that may itself be wrong)
                prior, lo, hi, computed, moved = against
                basis = "本年数与上年数"
                formula = (f"（本年 {current.with_unit()} − 上年 {prior.with_unit()}）÷ 上年 {prior.with_unit()}"
                           f" = {'−' if moved < 0 else ''}{fmt(computed)}%（{prior.where()}）")
                if consistent(rate, lo, hi):
                    # the rate's size holds on the two years the document states (a table's 上年
                    # column): a change amount that does not is the slip, DRV012's, not the rate;
                    # only the rate's way may still be wrong (比上年增加…，增长14.49% where they fell)
                    yield CHECKED
                    if rate.sign and moved and rate.sign != moved and not _both_ways(rate):
                        yield based(basis, opposite(rate, moved, computed, f"本年 {current.with_unit()}"
                                                      f"{'高于' if moved > 0 else '低于'}上年 {prior.with_unit()}，"
                                                      f"比例却写{way(rate.sign)}；{formula}"))
                    continue
        else:
            against = _prior_against(base, rate, current, stated_prior[1] if stated_prior else None)
            if against is None:
                continue
            prior, lo, hi, computed, moved = against
            if not consistent(rate, lo, hi) and _told_as_rise(rate, current, prior):
                # (增加养老床位150张，比上年的1,230张增长12.20%: 150 is the rise, 150 ÷ 1,230; told on that reading)
                yield CHECKED
                risen = current.in_yuan() / prior.in_yuan() * HUNDRED
                (c_lo, c_hi), (p_lo, p_hi) = bounds(current), bounds(prior)
                if not consistent(rate, c_lo / p_hi * HUNDRED, c_hi / p_lo * HUNDRED):
                    yield based("增加数与上年数", rate_hit(rate, risen, "增减比例", f"增加 {current.with_unit()} ÷ 上年 "
                                                     f"{prior.with_unit()} = {fmt(risen)}%（{prior.where()}）"))
                continue
            own = _row_current(base, prior, current) if not consistent(rate, lo, hi) else None
            if own is not None:
                # (the base a table's row states beside its own figure of this year, 14,441.80万元,
                # where the text states that year's another way, 1.54亿元: the rate is judged on the
                # row's two figures, the text's figure against the row's being FCT001's)
                against = change_between(own, prior)
                prior, lo, hi, computed, moved = against
                if _holds(rate, against):
                    yield CHECKED
                    continue
                current = own
            basis = "本年数与上年数"
            if not consistent(rate, lo, hi) and _of_summed_total(base, rate, current, prior):
                yield CHECKED  # (the rate on last year's true total: the printed total is the slip, SUM005's)
                continue
            # (较2022年的…: an older base; a plan's year on the report's)
            than = {PRIOR: "上年", CURRENT: "本年"}.get(prior.period, "所比年度") if current.period != LATER \
                else {CURRENT: "本年"}.get(prior.period, "所比年度")
            this = "下年" if current.period == LATER else "本年"
            basis = f"{this}数与{than}数"
            fell = "−" if current.in_yuan() < prior.in_yuan() else ""
            formula = (f"（{this} {current.with_unit()} − {than} {prior.with_unit()}）÷ {than} {prior.with_unit()}"
                       f" = {fell}{fmt(computed)}%（{prior.where()}）")
        yield CHECKED
        if change is not None and change.sign and rate.sign and change.sign != rate.sign \
                and change.concept == rate.concept and not (_both_ways(change) or _both_ways(rate)):
            # “减少 63.55 万元，增长 4.71%”; unless both years are stated and the rate is theirs, its
            # way too (52.00万元，较上年55.00万元增加3.00万元，下降5.45%): the change is the slip, DRV010's
            now = current or (this_year_before(base, sentence, stated) if stated is not None else None)
            if stated is not None and now is not None and _years_give(rate, now, stated) \
                    and (now.value > stated.value) == (rate.sign > 0):
                continue
            if current is not None and stated is None and _growth_fits(rate, change, current, rate.sign):
                # (较上年增加17.23万元，下降32.34%, 32.34% being 17.23 on this year's + 17.23: the rate
                # and the amounts agree on a fall; the change's word is the slip, not the rate)
                yield based("本年数与增减比例", _change_word_slip(rate, change, current, basis, formula))
                continue
            yield based(basis, opposite(rate, change.sign, computed, f"增减额写{'增加' if change.sign > 0 else '减少'} {change.text}，"
                                                         f"比例却写{way(rate.sign)}；{formula}"))
            continue
        if change is None and rate.sign and moved and rate.sign != moved and not _both_ways(rate):
            # “较上年增长 8.35%” where the figures went from 31.75 down to 29.10
            yield based(basis, opposite(rate, moved, computed, f"本年 {current.with_unit()}{'高于' if moved > 0 else '低于'}上年 "
                                                   f"{prior.with_unit()}，比例却写{way(rate.sign)}；{formula}"))
            continue
        if consistent(rate, lo, hi) or (stated is not None and _years_give(rate, current, stated)):
            continue  # (both years stated and the rate of theirs: the change amount is the slip, DRV010's)
        slip = _growth_unit_slip(rate, change, current) if change is not None and current is not None else None
        if slip is None and change is not None and current is not None and change.sign and rate.sign == change.sign \
                and _growth_fits(rate, change, current, -change.sign):
            # (增加34,000.00元，增长2.12% where 34,000 is 2.12% of this year's + 34,000: the figures
            # hold for a fall; the words of the way may be the slip, not the rate)
            previous = _rate_on(change, current, -change.sign)[3] / MONEY_UNITS.get(current.unit, Decimal(1))
            formula += (f"；若为{way(-change.sign)}，上年数为 {fmt(previous, 2, current.text)}{current.unit}，"
                        f"比例恰为 {rate.text}：疑增减用词有误")
        yield based(basis, slip or rate_hit(rate, computed, "增减比例", formula, than=than))
    yield from _older_year_growths(base)
    yield from _named_years_growths(base)
    yield from _plan_years_growths(base)


def _budget_rate_reading(sentence: list[Fact]) -> bool:
    """The figures before a rate end on this year's outturn and the budget of this year the words
    after it compare it with (…1,098.50万元，比年初预算1,200.00万元下降…), both of one thing."""
    if len(sentence) < 2:
        return False
    current, budget = sentence[-2], sentence[-1]
    return named_budget_base(budget.label) is not None and current.is_money and budget.is_money \
        and budget.measure in BUDGET_MEASURES and current.measure == "决算" \
        and current.period == CURRENT and budget.period == CURRENT and current.concept == budget.concept \
        and not current.comparator and budget.comparator in ("", "较")


def _compared_right_before(base: FactBase, budget: Fact, rate: Fact) -> bool:
    """The rate is the comparison's with the budget: nothing but words of a change's way stand
    between them (比年初预算1,200.00万元下降9.46%), no other comparison (…有所减少，较上年下降3.20%;
    同比增长…) nor another clause's predicate (略有结余)."""
    # (与年初预算…相比，下降…: the words closing the comparison are its own)
    between = compact(base.between(budget, rate)).strip("，,")
    close = closed_comparison_re().match(between)
    between = between[close.end() if close else 0:].strip("，,了")
    lex = lexicon()
    return not between or (len(between) <= 4 and change_sign(between, lex) != 0
                           and not lex.comparison.search(between) and not lex.prior.search(between))


def _budget_rate(rate: Fact, sentence: list[Fact]):
    """A rate on this year's budget its words name, with the budget and no change amount stated
    (支出1,098.50万元，比年初预算1,200.00万元下降8.46%): (outturn − budget) ÷ budget, the budget
    the figure right before the rate, the outturn the figure right before the budget, both of one
    thing. Another reading (比上年预算: last year's; a figure between, a part) is not judged."""
    current, budget = sentence[-2], sentence[-1]
    if rate.concept not in (None, budget.concept):
        return
    # (the budget as the text names it, 调整预算, 预算数; its measure's name where it names none)
    cues = list(lexicon().comparison.finditer(budget.label))
    than = compact(budget.label[cues[-1].end():] if cues else "").strip("的").removesuffix("数") \
        or named_budget_base(budget.label)
    lo_c, hi_c = bounds(current)
    lo_b, hi_b = bounds(budget)
    if lo_b <= 0:
        return
    yield CHECKED
    # (the interval of (c − b) ÷ b from the printed figures' own, as _prior_against reads a rise or a fall)
    rise = current.in_yuan() >= budget.in_yuan()
    lo = (max(Decimal(0), lo_c - hi_b) / hi_b if rise else max(Decimal(0), lo_b - hi_c) / lo_b) * HUNDRED
    hi = ((hi_c - lo_b) / lo_b if rise else (hi_b - lo_c) / hi_b) * HUNDRED
    moved = 1 if lo_c > hi_b else -1 if hi_c < lo_b else 0
    computed = abs(current.in_yuan() - budget.in_yuan()) / budget.in_yuan() * HUNDRED
    basis = f"决算数与{than}数"
    formula = (f"（决算 {current.with_unit()} − {than} {budget.with_unit()}）÷ {than} {budget.with_unit()}"
               f" = {'−' if moved < 0 else ''}{fmt(computed)}%（{budget.where()}）")
    if rate.sign and moved and rate.sign != moved and not _both_ways(rate):
        yield based(basis, opposite(rate, moved, computed, f"决算 {current.with_unit()}{'高于' if moved > 0 else '低于'}"
                                                           f"{than} {budget.with_unit()}，比例却写{way(rate.sign)}；{formula}"))
    elif not consistent(rate, lo, hi):
        yield based(basis, rate_hit(rate, computed, "增减比例", formula, than=than))


def _year_compared(label: str, other_years: list[str]) -> str:
    """The year a change's words compare with, as a message names it: 上年, a year by its number
    (比2022年增加: 2022年) or a word naming a year before last (比前年增加: 前年; the rule's
    other_year_words)."""
    cues = list(lexicon().comparison.finditer(label))
    after = label[cues[-1].end():] if cues else ""
    named = YEAR_NUMBER_RE.match(after) or next((w for w in sorted(other_years, key=len, reverse=True)
                                                 if after.startswith(w)), None)
    return named if isinstance(named, str) else named.group(0) if named else "上年"


def _older_year_growths(base: FactBase):
    """A rate of this year's amount on a year before last its words name (较2022年增长14.66%, the
    rate read 往年 and left aside by check_growth), where the sentence states no base of its own: on
    the one figure of that year the document states for the concept (a years-as-rows table's 2022年
    row, a column of 2022年), this year's the one the rate's sentence or the document states."""
    for rate in (f for f in sentence_figures(base, "变动率") if f.comparator == "往年"
                 and f.unit == "%" and f.concept and f.period == CURRENT):
        year = _older_year_named(base, rate)
        sentence = facts_before(same_sentence(base, rate), rate)
        if year is None or any(f.measure == "变动额" or f.period != CURRENT for f in sentence if f.is_money):
            continue  # (a change amount or the base stated with it: read by check_growth's ways, not here)
        current = current_figure(base, rate, None, sentence)
        prior = unique_value([f for f in base.of(rate.concept, "决算", OLDER) if f.subject == rate.subject
                               and f.is_money and not f.member and fact_year(base, f) == year])
        if current is None or current.period != CURRENT or prior is None or not prior.value:
            continue
        yield from _two_years_judged(base, rate, (current, "本年"), (prior, f"{year}年"), prior.where())


def _named_years_growths(base: FactBase):
    """A rate between two earlier years its words name (2023年培训农民较2022年增长12.92% in a 2024
    report, read 往年 and left aside by check_growth), its sentence stating no figure: on the one
    figure of each year the document states for the concept (a row of a table with the years as its
    columns), amounts or counts alike."""
    for rate in (f for f in sentence_figures(base, "变动率") if f.comparator == "往年" and f.unit == "%" and f.concept):
        named = sorted({int(y) for y in YEAR_NUMBER_RE.findall(compact(rate.label))})
        if len(named) != 2 or not base.year or named[1] >= base.year or facts_before(same_sentence(base, rate), rate):
            continue  # (two years before the report's, no figure of the sentence's before the rate)
        # (both years' figures of one kind: amounts, else counts)
        later, earlier = next(((a, b) for counted in (False, True)
                               for a, b in [(_figure_of_year(base, rate, y, counted) for y in (named[1], named[0]))]
                               if a is not None and b is not None), (None, None))
        if later is None or not earlier.value:
            continue
        yield from _two_years_judged(base, rate, (later, f"{named[1]}年"), (earlier, f"{named[0]}年"),
                                     f"{later.where()}；{earlier.where()}")


def _plan_years_growths(base: FactBase):
    """A rate between two years after the report's (教育支出2027年规划23,040.00万元，比2026年增长4.50% in
    a plan for 2025—2027), the later year's figure right before it naming its year, the earlier
    year's the one figure of the concept the document states for it (a plan table's 2026年 column):
    the periods of the plan's later years are one to the fact base (下年), their years tell them apart."""
    if not base.year:
        return
    rows = None  # (the tables' row names, read once where a rate asks: a plan's 教育支出 row)
    for rate in (f for f in sentence_figures(base, "变动率") if f.unit == "%" and not f.comparator and f.period == LATER):
        before = [f for f in facts_before(same_sentence(base, rate), rate) if f.is_money and f.measure != "变动额"]
        if not before or before[-1].concept != rate.concept:
            continue
        current = before[-1]
        concept = rate.concept
        if concept is None:
            # (教育支出2027年规划23,040.00万元 before the table's 教育支出 row: the row its words name)
            rows = rows if rows is not None else sorted({f.concept for f in base.facts if f.source == "table" and f.concept},
                                                        key=len, reverse=True)
            concept = next((c for c in rows if c in compact(current.label)), None)
            if concept is None:
                continue
        cues = list(lexicon().comparison.finditer(rate.label))
        compared = {int(y) for y in YEAR_NUMBER_RE.findall(rate.label[cues[-1].end():])} if cues else set()
        own = {int(y) for y in YEAR_NUMBER_RE.findall(compact(current.label))}
        if len(compared) != 1 or len(own) != 1 or min(*compared, *own) <= base.year or own == compared:
            continue
        later, earlier_year = own.pop(), compared.pop()
        found = [f for f in base.by_concept.get(concept, ()) if f.is_money and f.measure != "变动额" and f is not current
                 and f.subject == current.subject and not f.comparator and fact_year(base, f) == earlier_year]
        earlier = unique_value(found) if found else None
        if earlier is None or not earlier.value:
            continue
        yield from _two_years_judged(base, rate, (current, f"{later}年"), (earlier, f"{earlier_year}年"),
                                     f"{current.where()}；{earlier.where()}")


def _two_years_judged(base: FactBase, rate: Fact, later: tuple[Fact, str], earlier: tuple[Fact, str], where: str):
    """The rate against the change from the earlier figure to the later, each with the words naming
    its year (本年, 2022年): its way, then its size."""
    (now, this), (then, than) = later, earlier
    against = _prior_against(base, rate, now, then)
    if against is None:
        return
    yield CHECKED
    _, lo, hi, computed, moved = against
    formula = (f"（{this} {now.with_unit()} − {than} {then.with_unit()}）÷ {than} {then.with_unit()}"
               f" = {'−' if moved < 0 else ''}{fmt(computed)}%（{where}）")
    if rate.sign and moved and rate.sign != moved and not _both_ways(rate):
        yield based(f"{this}数与{than}数", opposite(rate, moved, computed, f"{this} {now.with_unit()}"
                                                  f"{'高于' if moved > 0 else '低于'}{than} {then.with_unit()}，"
                                                  f"比例却写{way(rate.sign)}；{formula}"))
    elif not consistent(rate, lo, hi):
        yield based(f"{this}数与{than}数", rate_hit(rate, computed, "增减比例", formula, than=than))


def _figure_of_year(base: FactBase, rate: Fact, year: int, counted: bool) -> Fact | None:
    """The one figure of the rate's concept the document states for that year, an amount or
    (`counted`) a count of things: last year's, or an older year's its table's column or row names."""
    period = PRIOR if year == base.year - 1 else OLDER
    found = [f for f in base.of(rate.concept, "实际值" if counted else "决算", period)
             if f.subject == rate.subject and not f.member and not f.comparator
             and ((not f.is_money and f.unit not in (*MEASURED_UNITS, "")) if counted else f.is_money)
             and (period == PRIOR or fact_year(base, f) == year)]
    return unique_value(found) if found else None


def _older_year_named(base: FactBase, rate: Fact) -> int | None:
    """The year before last a rate's own words compare with (较2022年增长: 2022), when the words
    before the comparing word name no year but the report's (not 2023年比2022年增长: two earlier
    years compared)."""
    cues = list(lexicon().comparison.finditer(rate.label))
    named = YEAR_NUMBER_RE.match(rate.label, cues[-1].end()) if cues else None
    if named is None or not base.year or int(named.group(1)) >= base.year - 1:
        return None
    if names_other_year(rate.label[:cues[-1].start()], base.year):
        return None
    return int(named.group(1))


def _documented_prior(base: FactBase, change: Fact, current: Fact | None, cues: list[str]) -> Fact | None:
    """Last year's figure of the changed thing the document states apart from the change (a
    table's 上年 column of its concept, measure and fund, as DRV012 reads it), where the change's
    words compare with last year (比上年, 较2025年预算 in a plan): the base both the change amount
    and its rate are on. None where the words name another base or the document states none."""
    if current is None or current.period != CURRENT or not current.is_money or change.concept is None \
            or current.measure not in ("决算", *BUDGET_MEASURES):
        return None
    label = compact(change.label)
    on_budget = names_budget_base(label)
    if not compares_last_year(label, cues, base.year) or (on_budget and (not base.plan or current.measure not in BUDGET_MEASURES)):
        return None  # (比年初预算, 比上年预算 in an account: not last year's figure of this measure)
    # (of the measure the change's words name its base by: 比2024年决算数减少, a plan's change on last year's outturn)
    return prior_value(base, change, current, base_measure_named(change.label) or current.measure)


def _two_years_compared(base: FactBase, rate: Fact) -> bool:
    """The rate's clause run names two years by number (2023年支出较2022年增加…，增长…)."""
    text = base.sentences.get((rate.block, rate.sentence), "")[:rate.at]
    clause = re.split(r"[。；;]", text)[-1]
    return len(set(YEAR_NUMBER_RE.findall(clause))) >= 2


def _kind_total_meant(base: FactBase, change: Fact, current: Fact) -> Fact | None:
    """A change whose own words name only a kind of money (支出增加227.68万元) read on a figure of
    another concept the sentence before stated (收入、支出总计均为6,484.62万元): the kind may mean its
    year's total (本年支出, concepts.yaml kind_totals) as well, where the document states that."""
    words = compact(change.label)
    for start, end, _ in reversed(lexicon().directions.all(words)):
        words = words[:start] + words[end:]
    total = kind_total(words)
    if total is None or total == current.concept:
        return None
    return document_value(base, total, "决算", change.subject)


def _list_whole(base: FactBase, before: list[Fact], current: Fact, rate: Fact) -> Fact | None:
    """The whole a 其中 list names `current` among its parts, when the change and rate after it
    close the sentence's list (总计2797.42万元，其中A 2529.42万元，B 268.00万元，比上年增加246.80万元，
    增长9.7%): such a change is read on the whole or on the last part alike; `check_growth` takes the
    whole where the rate holds on it, or where it holds on neither. `before`: the sentence's
    figures before the rate."""
    facts = [f for f in before if f.id <= current.id]
    if not facts or facts[-1] is not current:
        return None
    at = next((k for k in range(len(facts) - 2, -1, -1) if "其中" in base.between(facts[k], facts[k + 1])), None)
    if at is None:
        return None
    whole, parts = facts[at], facts[at + 1:]
    if not whole.is_money or whole.measure in ("变动额", "变动率") or whole.period != current.period \
            or whole.in_yuan() < current.in_yuan() \
            or any(not p.is_money or p.measure in ("变动额", "变动率") for p in parts):
        return None
    after = [f for f in same_sentence(base, rate) if f.id > rate.id and f.is_money and f.measure not in ("变动额", "变动率")]
    return None if after else whole  # (a part after the rate: the list goes on, the change is its part's)


def _rate_on(change: Fact, current: Fact, sign: int) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
    """The change's rate on last year's figure, this year's being `current` (last year's = this
    year's ∓ the change): (lowest, highest, as printed, last year's in 元), the bounds from the
    printed figures' intervals; None where last year's cannot be positive."""
    previous_yuan = current.in_yuan() - sign * change.in_yuan()
    c_lo, c_hi = bounds(change)
    slack = (c_hi - c_lo) + (bounds(current)[1] - bounds(current)[0])
    if previous_yuan <= 0 or previous_yuan - slack <= 0:
        return None
    return (c_lo / (previous_yuan + slack) * HUNDRED, c_hi / (previous_yuan - slack) * HUNDRED,
            change.in_yuan() / previous_yuan * HUNDRED, previous_yuan)


def _growth_fits(rate: Fact, change: Fact, current: Fact, sign: int) -> bool:
    """The rate holds as the change on last year's figure, this year's being `current`."""
    on = _rate_on(change, current, sign)
    return on is not None and consistent(rate, on[0], on[1])


def _growth_miss(rate: Fact, change: Fact, current: Fact, sign: int) -> Decimal:
    """How far the stated rate is from the change's rate on last year's figure, this year's being
    `current` (the largest miss where last year's cannot be worked out)."""
    on = _rate_on(change, current, sign)
    return Decimal("Infinity") if on is None else abs(abs(rate.value) - on[2])


def _change_after(base: FactBase, rate: Fact) -> Fact | None:
    """The change amount the rate's clause is followed by, the rate naming none before it (较2025年
    预算下降11.39%，减少3.60万元): the next figure of the sentence, a change of the rate's thing
    the same way, one clause on or bracketed right after it."""
    after = [f for f in same_sentence(base, rate) if f.id > rate.id][:1]
    change = after[0] if after else None
    if change is None or change.measure != "变动额" or not change.is_money \
            or change.sign != rate.sign and not _direction_only(change.label) \
            or (change.concept and rate.concept and change.concept != rate.concept) or against_budget(change.label):
        return None  # (a change on the budget after it, 增长4.52%，超收2,360万元, is no year's change)
    # (one clause on, or in a bracket right after the rate: 下降4.91%（减少27.37万元）)
    between = base.between(rate, change)
    # (a bracketed amount its words name alone, 减少27.37万元; not 近三年累计减少…, 较年初预算减少…)
    breaks = len(CLAUSE_BREAK_RE.findall(between))
    bracketed = not breaks and between.lstrip().startswith(("（", "(")) and _direction_only(_last_year_out(change.label))
    return change if breaks == 1 or bracketed else None


def _last_year_out(label: str) -> str:
    """A bracketed change's words without the bracket and a comparison with last year (较上年, 比上年
    同期, 同比): the year the rate is of too; another base (较年初预算) stays."""
    words = lexicon().prior.sub("", label.lstrip("（( "))
    compared = COMPARED_RE.match(words)  # (what is left of 较上年, 比上年 once the year is out; 同比)
    return words[compared.end():] if compared and lexicon().directions.all(words[compared.end():]) else words


def _direction_only(label: str) -> bool:
    """A change's words are its direction alone (…增长8.47%，减少732.85万元): the rate's thing's change,
    the other way; the words of another change name what they are (…，结余减少…)."""
    words = compact(label).strip("，,；;、：:").removesuffix("了").removesuffix("为")
    found = lexicon().directions.all(words)
    return bool(found) and found[0][0] == 0 and found[-1][1] == len(words)


def _of_summed_total(base: FactBase, rate: Fact, current: Fact, prior: Fact) -> bool:
    """Last year's figure is a table total its column's rows do not add up to, and the rate holds
    on what they add up to (收入合计 2023年 62,407 over rows making 62,047; 比上年下降19.15%)."""
    summed = (column_parts_sum(base, prior) or detail_sum(base, prior)) if prior.source == "table" else None
    against = _prior_against(base, rate, current, summed) if summed is not None and summed.value else None
    return against is not None and consistent(rate, against[1], against[2])


def _years_give(rate: Fact, current: Fact | None, prior: Fact) -> bool:
    """The rate is the change between this year's figure and last year's, both stated."""
    if current is None or current.unit != prior.unit or current.period == prior.period:
        return False
    c_lo, c_hi = bounds(current)
    p_lo, p_hi = bounds(prior)
    if p_lo <= 0:
        return False
    lo, hi = (c_lo - p_hi) / p_hi * HUNDRED, (c_hi - p_lo) / p_lo * HUNDRED
    if hi < 0:  # a fall, its rate printed without its sign (下降7.36%)
        lo, hi = -hi, -lo
    return consistent(rate, lo, hi)


def _on_other_base(label: str, words: list[str]) -> bool:
    """A rate's own words compare it with a base that is no outturn of a year (较年初增长, 比预算
    增长): the words after its last comparing word name one."""
    cues = list(lexicon().comparison.finditer(label))
    return bool(cues) and any(w in label[cues[-1].end():] for w in words)


def _growth_unit_slip(rate: Fact, change: Fact, current: Fact) -> Hit | None:
    """This year's amount in 元 beside a change in 万元, the rate holding once it is read in 万元
    (机关运行经费支出286.40元，比上年减少12.30万元，下降4.12%): the 元 is a slip, not the rate."""
    if current.unit != "元" or change.unit != "万元" or not change.sign:
        return None
    previous = current.value - change.sign * change.value  # both in 万元 once the slip is read so
    if previous <= 0:
        return None
    computed = change.value / previous * HUNDRED
    if abs(computed - rate.value) > rate.half_unit + Decimal("0.005"):
        return None
    return Hit(quote=current.quote, location=current.loc, stated=current.text, expected=f"{current.value}万元",
               formula=f"按 {current.value}万元 计：{change.text} ÷ {fmt(previous)}万元 = {fmt(computed)}%，"
                       f"与所写 {rate.text} 相符；按“元”计则不符，应为单位笔误",
               fields={"rate": current.text, "computed": f"{current.value}万元", "relation": "本年金额的单位"},
               cls="unit_error", highlights=[change.loc, rate.loc])


def _prior_sentence_before(base: FactBase, sentence: list[Fact], rate: Fact) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) amounts of one thing named alike, this year's the only amount of
    the rate's sentence before it, last year's the only one of the sentence before it (2024年度本部门
    支出4,720.35万元。2025年度本部门支出5,009.11万元，同比增长6.52%): the rate is on them. The
    names are the labels, years and periods left out, word for word."""
    money = [f for f in sentence if f.is_money and f.measure != "变动额"]
    if len(money) != 1 or money[0].period != CURRENT or not rate.sentence:
        return None
    now = money[0]
    between = base.sentences.get((rate.block, rate.sentence), "")[now.at + len(now.text):rate.at]
    if rate.concept != now.concept or names_own_thing(rate.label) or any(w in between for w in lexicon().list_openers):
        return None  # (…支出5,009.11万元，其中项目支出同比增长15.30%: a part's rate, named in its clause)
    before = [f for f in base.by_sentence.get((rate.block, rate.sentence - 1), ()) if f.is_money]
    if len(before) != 1 or before[0].period != PRIOR or before[0].measure != now.measure or before[0].unit != now.unit:
        return None
    return (now, before[0]) if _thing_named(now) and _thing_named(now) == _thing_named(before[0]) else None


def _thing_named(f: Fact) -> str:
    """The words a figure's label names its thing with, its years and period words left out."""
    lex = lexicon()
    return lex.current.sub("", lex.prior.sub("", YEAR_RE.sub("", compact(f.label)))).strip("，,：:为是")


def _sentence_prior(base: FactBase, sentence: list[Fact], rate: Fact,
                    current: Fact | None) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) amounts of one thing the rate's own sentence states before it
    (全年支出597.00万元，较2023年的742.10万元增长6.8%; 支出规模扩大了12.64% after both): the rate
    is on them, whatever the rest of the document says last year was."""
    # (an older year's, 较2022年的25,980.40万元, is the base the same way)
    # (a budget's the same way: 全年预算数315.00万元，比上年300.00万元增长5.00%)
    # (a later year's rate, 2024年…安排12.97亿元，在2023年完成12.35亿元的基础上增长5.0%, is on the
    # report year's figure its sentence states, the outturn or a budget whatever the plan's measure)
    turn = _pair_in_turn(base, rate)
    if turn is not None:
        return turn
    later = rate.period == LATER and current is not None and current.period == LATER
    prior = next((f for f in reversed(sentence) if f.is_money and f.measure in ("决算", *BUDGET_MEASURES)
                  and f.period in ((CURRENT,) if later else (PRIOR, OLDER)) and f.comparator in ("", "较")
                  and (rate.concept is None or f.concept == rate.concept)
                  and (not later or f.concept == current.concept)), None)
    if prior is None:
        return None if later else _prior_sentence_before(base, sentence, rate)
    if later:
        return (current, prior) if current.concept is not None and _same_run(base, current, rate) else None
    if prior.period == OLDER and lexicon().prior.search(rate.label):
        return None  # (…比2022年的940.00万元增长6.43%，比上年增长3.24%: the second is on last year)
    compared = lexicon().comparison.search(prior.label)
    subject = YEAR_RE.search(prior.label, 0, compared.start()) if compared else None
    if subject and base.year and int(subject.group(1)) != base.year:
        return None  # (2023年支出合计比2022年的100.00万元增长5.20%: two earlier years compared)
    now = current if current is not None and current.concept == prior.concept and current.id < rate.id \
        and current.measure == prior.measure and _same_run(base, current, rate) else next(
        (f for f in reversed(base.run_before(rate)) if f.is_money and f.measure == prior.measure and f.period == CURRENT
         and f.concept == prior.concept and (f.concept is not None or f.measure != "决算")), None) \
        or _per_unit_compared(sentence, prior) or _said_before(base, prior, rate)
    if now is None:
        # “较上年3.00万元减少25.00%至2.40万元”: the year's amount the change ends at, right after the rate
        after = next((f for f in same_sentence(base, rate) if f.at > rate.at), None)
        if after is not None and after.is_money and after.period == CURRENT and after.measure == prior.measure \
                and after.concept == prior.concept and compact(after.label) in (concepts().get("result_words") or ()):
            now = after
    return (now, prior) if now is not None else None


def _pair_in_turn(base: FactBase, rate: Fact) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) amounts a rate is of where its sentence lists them in turn (A和B
    分别为8.46亿元和6.94亿元，分别比上年8.12亿元和6.44亿元增长4.2%和7.8%): n amounts of this year,
    then n of an earlier year one after another, then n rates after them; the rate k-th among them
    is of the k-th of each. None for any other sentence."""
    text = base.sentences.get((rate.block, rate.sentence), "")
    words = respectively_words()
    if not any(w in text for w in words):
        return None
    facts = same_sentence(base, rate)
    at = next((k for k, f in enumerate(facts) if f.is_money and f.period in (PRIOR, OLDER)), None)
    if at is None:
        return None
    priors = []
    for f in facts[at:]:
        if not (f.is_money and f.period in (PRIOR, OLDER)):
            break
        priors.append(f)
    n = len(priors)
    currents = [f for f in facts[:at] if f.is_money and f.period == CURRENT and f.measure == priors[0].measure]
    rates = [f for f in facts[at + n:] if f.unit == "%"]
    if n < 2 or len(currents) < n or len(rates) != n or rate not in rates \
            or len(facts) != at + n + len(rates) or facts[at - n:at] != currents[-n:]:
        return None
    k = rates.index(rate)
    return currents[-n:][k], priors[k]


def _said_before(base: FactBase, prior: Fact, rate: Fact) -> Fact | None:
    """This year's figure a sentence opening on its comparison leaves to the sentence before
    (…累计支出3,717.75万元。与上年同期支出3,206.50万元相比，增长13.75%): that sentence's one amount,
    of the year and the base's measure, named by the same words the base is, its years, periods and
    comparison words aside (支出 of 累计支出); none unless it is the one so named there."""
    if rate.sentence == 0 or prior.concept is not None or prior.sentence != rate.sentence:
        return None
    sentence = base.by_sentence.get((rate.block, rate.sentence), ())
    if any(f.is_money and f.period == CURRENT and f.at < rate.at for f in sentence):
        return None  # (the sentence states this year's own figure: no reaching back)
    lex = lexicon()
    opening = base.sentences.get((rate.block, rate.sentence), "")[:prior.at]
    if not lex.comparison.match(opening.strip()):
        return None  # (the sentence opens on the comparison, nothing of its own before it)
    words = lex.prior.sub("", lex.comparison.sub("", YEARS_RE.sub("", compact(prior.label)))).strip("的为是：:，,")
    if len(words) < 2:
        return None
    before = [f for f in base.by_sentence.get((rate.block, rate.sentence - 1), ()) if f.is_money]
    last = before[-1] if len(before) == 1 else None  # (one amount there: not a part after its whole, 其中…)
    if last is None or last.period != CURRENT or last.measure != prior.measure or last.concept is not None \
            or not compact(last.label).endswith(words) or per_unit(last):
        return None
    return last


def _per_unit_compared(sentence: list[Fact], prior: Fact) -> Fact | None:
    """This year's amount per head or per visit last year's is compared with (次均费用246.52元，较上年
    的251.30元增长…; 人均公用经费2.50万元，比上年人均公用经费2.60万元…): the figure right before last
    year's in its sentence, per one (concepts.yaml per_unit_words), in its unit and measure, last
    year's naming nothing else (its words but the comparing and year words empty, or the same)."""
    before = [f for f in sentence if f.id < prior.id]
    now = before[-1] if before else None
    if now is None or not now.is_money or not per_unit(now) or now.unit != prior.unit or now.period != CURRENT \
            or now.measure != prior.measure or now.concept != prior.concept or now.comparator:
        return None
    lex = lexicon()
    rest = lex.comparison.sub("", lex.prior.sub("", YEARS_RE.sub("", compact(prior.label)))).strip("的，,：:为")
    # (比上年的公用经费…: the whole's, not last year's amount per head)
    return now if not rest or (lex.per_unit.search(rest) and rest in compact(now.label)) else None


def _quantities_in_sentence(sentence: list[Fact], rate: Fact, year: int | None = None) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) count stated before the rate, last year's after a comparing word
    in the same unit (全年到馆读者18.62万人次，较上年的17.40万人次同比下降7.01%), in brackets right
    after this year's (12.6万吨（上年11.8万吨）), or each with its year (2023年…，2024年…)."""
    # (a change is no count of a year: 增加12个（上年74个）, the bracket's count is the change's base)
    counts = [f for f in sentence if not f.is_money and f.unit not in ("%", "‰", "") and not f.comparator
              and f.measure != "变动额"]
    if len(counts) < 2:
        return None
    if len(set(YEAR_NUMBER_RE.findall(compact(rate.label)))) == 2 and _named_years_own(rate, year):
        # (2022—2024年，…分别为3,260户、3,810户、4,420户，2024年较2023年增长…: the rate names the two
        # years it compares, each figure took its year in turn)
        now = [f for f in counts if f.period == CURRENT]
        prior = [f for f in counts if f.period == PRIOR]
        if len(now) == 1 and len(prior) == 1 and now[0].unit == prior[0].unit and prior[0].value \
                and rate.concept in (None, now[0].concept) and prior[0].concept in (None, now[0].concept):
            return now[0], prior[0]
    prior, now = counts[-1], counts[-2]
    if (prior.period, now.period) == (CURRENT, PRIOR) and (YEAR_RE.search(prior.label) and YEAR_RE.search(now.label)
                                                           or _from_last_year(now, prior)):
        # (2023年…11.8万吨，2024年达到12.6万吨，增幅8.3%: each year named; 由上年的420件降至357件)
        prior, now = now, prior
    elif not (lexicon().comparison.search(prior.label) or prior.label.startswith(("(", "（"))
              or _year_valued(prior.label)):
        return None  # (last year's after a comparing word, in brackets right after this year's, or
        # in a clause of its own naming only last year: 全年参赛5.6万人次，上年为1.4万人次，增长4倍)
    if not (prior.period == PRIOR or _older_year_compared(prior, rate)) or now.period != CURRENT \
            or prior.unit != now.unit or not prior.value \
            or prior.concept not in (None, now.concept) or rate.concept not in (None, now.concept):
        return None
    return now, prior


def _year_valued(label: str) -> bool:
    """A clause giving last year's value and nothing else (上年为, 去年同期是): the words of last year
    (concepts.yaml prior_period), then at most a copula (share_copulas)."""
    words = compact(label).lstrip("，,；;")
    found = lexicon().prior.match(words)
    return found is not None and words[found.end():] in ("", *(concepts().get("share_copulas") or ()))


def _from_last_year(first: Fact, second: Fact) -> bool:
    """The second figure is where a change went from the first (the fact reader's `start`: 由…降至),
    the first's words naming last year (由上年的, 从去年: concepts.yaml prior_period; not 由年初预计的…,
    whose change on last year is unstated)."""
    return second.start == first.id and lexicon().from_last_year.search(compact(first.label)) is not None


LOOK_BACK = 2  # clauses (；- or 。-ended) of the paragraph read back for a figure a comparison leaves unstated


def _clauses_before(base: FactBase, fact: Fact) -> list[Fact]:
    """The facts of the LOOK_BACK clauses before the fact's in its paragraph, in reading order (a
    bounded look-back: a few clauses, whatever the paragraph's length)."""
    return [f for k in range(max(0, fact.sentence - LOOK_BACK), fact.sentence)
            for f in base.by_sentence.get((fact.block, k), ())]


def _plainly_stated(f: Fact) -> bool:
    """A figure stated as it is: no bound, range or hedge (约, 近, 逾), no sum since a start
    before the year (累计, 截至: concepts.yaml cumulative_words)."""
    return not f.comparator and not round_hedge(f, any_digits=True) \
        and not any(w in f.label for w in concepts().get("cumulative_words") or ())


def _quantity_now_before(base: FactBase, sentence: list[Fact], rate: Fact) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) count where the rate's clause states only the base after a
    comparing word and this year's count ends a clause before it (实际建成2.52万亩，完成年度目标的
    105.00%；建成面积较2023年的2.1万亩增长20%): the one count of this year in the base's unit, of
    its thing, in the LOOK_BACK clauses before; none or several, no reading."""
    counts = [f for f in sentence if not f.is_money and f.unit not in ("%", "‰", "")]
    if len(counts) != 1 or counts[0].comparator or not lexicon().comparison.search(counts[0].label):
        return None
    prior = counts[0]
    if not (prior.period == PRIOR or _older_year_compared(prior, rate)) or not prior.value \
            or rate.concept not in (None, prior.concept):
        return None
    found = [f for f in _clauses_before(base, prior) if not f.is_money and f.unit == prior.unit
             and f.period == CURRENT and f.measure not in ("目标值", "变动额", "变动率") and f.concept == prior.concept
             and _plainly_stated(f)]
    # (the clause's own words before the comparing word, 建成面积, share a word with the count's,
    # 实际建成; none, the clause goes on about the thing counted before)
    subject = han_bigrams(lexicon().comparison.split(prior.label, 1)[0])
    if len(found) != 1 or (subject and not subject & han_bigrams(found[0].label)):
        return None
    return found[0], prior


def _year_base_before(base: FactBase, change: Fact) -> Fact | None:
    """The base of a change that names it by its year (比2023年增加395.41万元) and is stated in the
    change's sentence or a clause before it in its paragraph (2023年实际支出2,108.35万元。): the one
    figure of that year, its year in its own words, of the change's thing and measure (实际支出:
    决算), within LOOK_BACK clauses."""
    cues = list(lexicon().comparison.finditer(change.label))
    year = YEAR_NUMBER_RE.match(change.label, cues[-1].end()) if cues else None
    if year is None or not base.year or int(year.group(1)) >= base.year:
        return None
    # (the measure the change's own words name before the comparing word; none, an outturn's or a count's)
    measure = lexicon().measures.last(change.label[:cues[-1].start()]) or ("决算" if change.is_money else "实际值")
    found = [f for f in [*_clauses_before(base, change), *facts_before(same_sentence(base, change), change)]
             if f.is_money == change.is_money and (f.is_money or f.unit == change.unit) and f.period != CURRENT
             and f.measure == measure and f.concept == change.concept and f.value > 0 and _plainly_stated(f)
             and ([y.group(1) for y in YEAR_NUMBER_RE.finditer(f.label)] == [year.group(1)]
                  # (or given its year in turn: 2023年至2025年…分别为58.40万元、52.16万元和47.93万元)
                  or not YEAR_NUMBER_RE.search(f.label) and f.period == PRIOR and base.year - 1 == int(year.group(1)))]
    return found[0] if len(found) == 1 else None


def _older_year_compared(prior: Fact, rate: Fact) -> bool:
    """An older year's figure the comparison names by its year (比2021年的12.2项增长2倍): the base of
    the rate after it, unless the rate's own words compare with last year (…，比上年增长5%)."""
    return prior.period == OLDER and compares_other_year(prior.label) and not lexicon().prior.search(rate.label)


def _same_run(base: FactBase, a: Fact, b: Fact) -> bool:
    """Two facts of one sentence, or of sentences joined by ； into one run of clauses."""
    if (a.block, a.sentence) == (b.block, b.sentence):
        return True
    run_of = base.runs()[0]
    return a.block == b.block and run_of.get((a.block, a.sentence), -1) == run_of.get((b.block, b.sentence), -2)


def _prior_against(base: FactBase, rate: Fact, current: Fact, stated: Fact | None = None):
    """(prior, lo, hi, computed, moved) of the rate against last year's figure of its concept in
    the document. A budget's tables state last year twice (年初预算 and 预计执行/决算), and a
    rate without its base may be on either: the first that the rate agrees with (in size and
    way) is the one it is on; none agreeing, the 决算. `moved` is the way the figures went when
    their printed intervals do not meet."""
    first = None
    # (a count's last year is its own measure's: 实际值)
    measures, before = ("决算", *BUDGET_MEASURES) if current.is_money else ("实际值",), PRIOR
    scope = figure_scope(base, current)  # (last year's figure of the same scope: no 行政事业单位's for a 企业's)
    if current.period == LATER and stated is None:
        # (a later year's plan, 2025年安排…下降1.2% in a report on 2024: on the report year's figure,
        # the outturn or the budget its words name, 比上年执行数 / 比上年预算; where the document
        # states no figure of the report year, on the one a plan's table calls 上年)
        measures = _plan_base_measures(base, rate) or measures
        # (stated there at all: two statements of it that differ leave the rate unjudged, FCT001
        # telling them, not judged on the year before's figure instead)
        if any(f.subject == rate.subject and not f.member and f.is_money and scope == figure_scope(base, f)
               for m in measures for f in base.of(rate.concept, m, CURRENT)):
            before = CURRENT
    for measure in measures:
        prior = stated if stated is not None else document_value(base, rate.concept, measure, rate.subject, before,
                                                                  scope=scope) if current.is_money \
            else document_value(base, rate.concept, "实际值", rate.subject, before, counted=True)
        gridded = prior is None and stated is None and rate.concept == current.concept
        if gridded:
            # (支出22,178.04万元，比上年增长11.4% under （四）失业保险基金: its row of a grid of 险种 by
            # 2022年支出 | 2023年支出, where that row's current cell restates the amount)
            prior = grid_cell(base, current, measure, before)
        if prior is None or prior.value == 0:
            continue
        if stated is None and not gridded and prior.loc.section != rate.loc.section \
                and _current_unsettled(base, current, scope):
            # (基金支出39,210.25万元，比上年增长3.29% under 三、城乡居民…: the document's one 上年 figure of
            # 基金支出 stands under 二、职工…, beside another 基金支出 of this year: another thing's base)
            continue
        if bounds(prior)[0] <= 0:
            continue
        against = change_between(current, prior)
        if _holds(rate, against):
            return against
        first = first or against
    return first


def change_between(current: Fact, prior: Fact) -> tuple:
    """(prior, lo, hi, computed, moved) of the change from `prior` to `current`: the rate's interval
    from the figures' own, a rise (c − p) ÷ p running from (c_lo − p_hi) ÷ p_hi to (c_hi − p_lo) ÷ p_lo,
    a fall (p − c) ÷ p from (p_lo − c_hi) ÷ p_lo to (p_hi − c_lo) ÷ p_hi; `moved` the way the figures
    went when their printed intervals do not meet."""
    span_c, span_p = bounds(current), bounds(prior)
    diff = abs(current.in_yuan() - prior.in_yuan())
    if current.in_yuan() >= prior.in_yuan():
        lo = max(Decimal(0), span_c[0] - span_p[1]) / span_p[1] * HUNDRED
        hi = (span_c[1] - span_p[0]) / span_p[0] * HUNDRED
    else:
        lo = max(Decimal(0), span_p[0] - span_c[1]) / span_p[0] * HUNDRED
        hi = (span_p[1] - span_c[0]) / span_p[1] * HUNDRED
    moved = 1 if span_c[0] > span_p[1] else -1 if span_c[1] < span_p[0] else 0
    return prior, lo, hi, diff / prior.in_yuan() * HUNDRED, moved


def _row_current(base: FactBase, prior: Fact, current: Fact) -> Fact | None:
    """The figure of this year a table's row states beside last year's `prior` (its concept and
    measure, in the same row), where it is another than the text's `current`; else None."""
    if prior.source != "table" or current.source != "text" or current.period == prior.period:
        return None
    lex = lexicon()
    thing = thing_of_head(prior.header, lex)  # (2023年支出 beside 2024年支出, not 2024年收入)
    return next((f for f in base.by_table.get(prior.block, ()) if f.loc.row == prior.loc.row
                 and f.period == current.period and f.concept == prior.concept and f.measure == prior.measure
                 and thing_of_head(f.header, lex) == thing
                 and f.is_money and not f.comparator and f.in_yuan() != current.in_yuan()), None)


def _current_unsettled(base: FactBase, current: Fact, scope) -> bool:
    """The document states the current figure's concept this year with another value too, and
    this figure's own value elsewhere as well (34,925.66 and 39,210.25 each in the text and in a
    fund's column): two things of one name, one figure of it elsewhere cannot be told to be this
    one's. A value stated once beside another (9.45 in the text, 9.54 in the table) is a slip of
    the one thing, whose figures elsewhere are its own."""
    if current.concept is None:
        return True
    found = document_value(base, current.concept, current.measure, current.subject, current.period, scope=scope)
    if found is not None and found.value == current.value:
        return False
    # (a table printing no unit states it as well: its cells share one, whichever it is)
    stated = base.remember(("values stated",), lambda: Counter((f.value, f.unit) for f in base.facts))
    return stated[(current.value, current.unit)] + (stated[(current.value, "")] if current.unit else 0) > 1


def _plan_base_measures(base: FactBase, rate: Fact) -> tuple[str, ...] | None:
    """The measures a plan's rate is on, by the base its paragraph names last before it (比上年执行数:
    the outturn; 比上年预算: a budget, which the items listed after it go on comparing with); None
    when it names none."""
    # (the sentences of the list the rate stands in, a few back: a bound on each rate's cost)
    before = "".join(base.sentences.get((rate.block, k), "") for k in range(max(0, rate.sentence - PLAN_BASE_REACH), rate.sentence)) \
        + base.sentences.get((rate.block, rate.sentence), "")[:rate.at]
    named = PLAN_BASE_RE.findall(before)
    if not named:
        return None
    return BUDGET_MEASURES if "预算" in named[-1] else ("决算",)


PLAN_BASE_REACH = 4  # sentences (；-clauses) back a list's named base goes on over
PLAN_BASE_RE = re.compile(r"(?:比|较)(?:上年|上一年|(?:19|20)\d\d\s*年度?)?的?\s*(执行|决算|完成|年初预算|调整预算|预算)")


def _bracketed_prior(base: FactBase, rate: Fact, sentence: list[Fact]) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) figure of a rate whose base follows it in brackets (诊疗人次
    386.4万人次，同比下降5.2%（2023年为367.3万人次）): the bracket's one figure, of last year, in
    the unit of the figure the rate's clause run follows."""
    after = bracketed_after(base, rate)
    if after is None:
        return None
    # (not a base the figure was compared with: 支出4.32万元，较预算数5.00万元节约0.68万元，同比下降
    # 10.00%（上年4.80万元）is the spending's fall)
    # (nor the base of a rate right after it, 收入完成21,415万元，完成年度预算43,000万元的49.8%，同比增长
    # 3.6%（上年同期20,671万元）: the outturn's rise, not the budget's)
    bases = {a.id for a, b in zip(sentence, sentence[1:]) if rate_of_amount(base, a, b)}
    current = next((f for f in reversed(sentence) if f.unit not in ("%", "‰") and f.measure != "变动额"
                    and f.id < rate.id and not lexicon().comparison.search(f.label) and f.id not in bases), None)
    if current is None or current.period != CURRENT or current.unit != after.unit \
            or (current.concept and after.concept and current.concept != after.concept):
        return None
    return current, after


def _quantity_prior(base: FactBase, rate: Fact, sentence: list[Fact]) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) count of the thing a rate right after a count is of (持证残疾人
    8,652人，同比增长4.6%), last year's the one value the document states (a table's 2023年 column)."""
    current = sentence[-1] if sentence else None
    if current is None or current.is_money or current.unit in ("%", "‰", "") or not current.concept \
            or current.concept != rate.concept or current.period != CURRENT or current.comparator \
            or current.measure == "变动额":  # (较上年（9,120人次）减少560人次，下降6.14%: the change, no count)
        return None
    prior = base.remember(("quantity", current.concept, current.unit, current.subject), lambda: unique_value(
        [f for f in base.of(current.concept, "实际值", PRIOR) if f.unit == current.unit and f.subject == current.subject
         and not f.comparator]))
    return (current, prior) if prior is not None and prior.value else None


def _stated_prior(sentence: list[Fact], change: Fact | None) -> Fact | None:
    """Last year's amount stated right before the change it is the base of (比上年决算2,716.90万元
    减少117.47万元; 与上年17.05万元相比减少1.31万元), of the change's concept or naming none; for
    a quantity, last year's figure in its unit (比上年19起减少5起). The figure is the base only when
    a comparing word leads to it (a figure of last year that is the sentence's subject, 2024年度支出
    286.43万元，比上年减少15.12万元, is what changed, not what it changed from)."""
    if change is None:
        return None
    after = _bracketed_base(sentence, change)
    if after is not None:
        return after
    before = next((f for f in reversed(sentence) if f.id < change.id and f.measure != "变动额"
                   and (f.is_money if change.is_money else f.unit == change.unit)), None)
    # (last year's budget is a base as its 决算 is: 比2024年年初预算9,072.40万元增加424.62万元)
    # (this year's budget too, where the change is against it: 比年初预算数188.09万元减少…)
    if before is None or not (before.period == PRIOR or (before.period == CURRENT and before.measure in BUDGET_MEASURES)) \
            or (change.is_money and before.measure not in ("决算", *BUDGET_MEASURES)) \
            or before.value == 0 or not (_compared_with(before.label) or _after_own_current(sentence, before, change)) \
            or (before.concept and change.concept and before.concept != change.concept):
        return None
    return before


def _after_own_current(sentence: list[Fact], prior: Fact, change: Fact) -> bool:
    """Last year's figure stated after this year's of its kind (基本支出1,862.37万元，上年为1,905.12万元，
    增加…): the two years side by side, the change between them; no subject that changed itself, and
    no change on another base (…，上年为100.00万元，比年初预算增加10.00万元: on the budget)."""
    label = compact(change.label)
    if names_budget_base(label) or closed_budget(label):
        return False
    return any(f.id < prior.id and f.period == CURRENT and f.measure == prior.measure and f.unit == prior.unit
               and f.concept in (prior.concept, None) for f in sentence)


def _bracketed_base(sentence: list[Fact], change: Fact) -> Fact | None:
    """Last year's figure in brackets right after the change (增加12个（上年74个）; 减少3.20万元（上年
    28.00万元）): the base the change is on, in its unit, of its thing or naming none."""
    after = next((f for f in sentence if f.id == change.id + 1), None)
    if after is None or after.period != PRIOR or not after.value or after.measure == "变动额" \
            or not after.label.startswith(("(", "（")) or after.is_money != change.is_money \
            or (not change.is_money and after.unit != change.unit) \
            or (after.concept and change.concept and after.concept != change.concept):
        return None
    return after


def _compared_with(label: str) -> bool:
    """The figure's words set it up as a base: their last comparing word leads to a year or a
    measure (比上年决算, 与上年, 较年初预算数, 比2023年), not to a second name joined by 与 (防汛与抗旱
    85.00万元, a thing of its own)."""
    lex = lexicon()
    found = None
    for found in lex.comparison.finditer(label):
        pass
    if found is None:
        return False
    after = label[found.end():]
    return bool(lex.prior.search(after) or YEAR_RE.search(after) or lex.measures.all(after))


def _holds_on_amounts(rate: Fact, current: Fact, base: Fact) -> bool:
    """The rate is the change from `base` to `current` within the printed precision of both."""
    return bounds(base)[0] > 0 and _holds(rate, change_between(current, base))


def _told_as_rise(rate: Fact, current: Fact, prior: Fact) -> bool:
    """A quantity whose own words tell it as a rise or a fall (增加养老床位150张, 新增…, 减少…), the
    rate's way, before last year's level: the change, not the level of the year, where the rate
    holds so (150 ÷ 1,230 = 12.20%) or on neither reading (the finding then told on the change's)."""
    label = compact(current.label)
    if label.endswith(tuple(concepts().get("result_words") or ())):
        return False  # (由上年的486公斤提高到512公斤: the level reached, not the rise)
    ways = {kind for _, _, kind in lexicon().directions.all(label)}
    if any(w in label for w in concepts().get("added_words") or ()):
        ways.add("up")  # (新增…320个: what the year added)
    way = "up" if rate.sign > 0 else "down" if rate.sign < 0 else None
    if current.is_money or way is None or ways != {way} or prior.period != PRIOR or rate.unit != "%":
        return False  # (a rise on a year before last, 新增…比2021年的820户增长3倍, compares the years' additions)
    return bounds(prior)[0] > 0


def _holds(rate: Fact, against: tuple) -> bool:
    """The rate agrees with a change (change_between's) in size and in way (增长25.00% where 36
    fell from 48 is wrong whatever its size)."""
    _, lo, hi, _, moved = against
    return consistent(rate, lo, hi) and not (rate.sign and moved and rate.sign != moved)


def _both_ways(fact: Fact) -> bool:
    """A template's choice left in (“减少（增加）”, “下降（增长）”): the phrase says both ways."""
    return {kind for _, _, kind in lexicon().directions.all(fact.label)} >= {"up", "down"}


def bracketed_after(base: FactBase, fact: Fact) -> Fact | None:
    """Last year's figure in brackets right after a figure (同比下降5.2%（2023年为367.3万人次）,
    比上年下降0.45个百分点（2023年为97.17%）): the bracket's first figure, no change of its own."""
    after = next((f for f in same_sentence(base, fact) if f.id > fact.id), None)
    text = base.sentences.get((fact.block, fact.sentence), "")
    between = text[fact.at + len(fact.text):after.at] if after is not None else ""
    if after is None or after.period != PRIOR or after.measure in ("变动额", "变动率") \
            or not between.lstrip().startswith(("（", "(")) or any(ch in between for ch in "，,；;。）)"):
        return None
    return after


def _change_word_slip(rate: Fact, change: Fact, current: Fact, basis: str, formula: str) -> Hit:
    """A change worded one way (增加17.23万元) beside a rate the other way (下降32.34%) that the
    change taken its way holds exactly on this year's figure: the change's word is the slip."""
    previous = _rate_on(change, current, rate.sign)[3] / MONEY_UNITS.get(current.unit, Decimal(1))
    said, meant = ("增加", "减少") if change.sign > 0 else ("减少", "增加")
    text = change.text.lstrip("-－−")
    return Hit(quote=change.quote, location=change.loc, stated=f"{said}{text}", expected=f"{meant}{text}",
               formula=(f"若为{meant}，上年数为 {fmt(previous, 2, current.text)}{current.unit}，{text} ÷ 上年数 = "
                        f"{rate.text.lstrip('-－−')}，与所写{way(rate.sign)}{rate.text.lstrip('-－−')}相符："
                        f"增减额的用词“{said}”与比例方向相反（按{basis}：{formula}）"),
               fields={"rate": f"{said}{text}", "computed": f"{meant}{text}", "relation": "增减额"})


def _quantity_change(sentence: list[Fact], rate: Fact, cues: list[str], year: int | None) -> tuple[Fact, Fact] | None:
    """A count's or a quantity's change on last year and its current figure, in one unit and one
    sentence: the figure right before the rate, a change whose words say it is on last year
    (较上年增加, 比2023年度增加 in a 2024 report; not 比计划增加), and the last figure of its unit before it (“培训30场，较上年增加
    5场，参训人数1,200人，较上年增长50%”: the 50% is the 人's, not the 场's)."""
    change = sentence[-1] if sentence else None
    if len(sentence) > 1 and _bracketed_base(sentence, sentence[-2]) is change:
        change = sentence[-2]  # (增加12个（上年74个），增长16.22%: the change before its base's bracket)
    if change is None or change.measure != "变动额" or change.is_money or not change.unit or change.unit == "%" \
            or not (compares_last_year(change.label, cues, year) or _stated_prior(sentence, change) is not None) \
            or (change.concept and rate.concept and change.concept != rate.concept):
        return None
    current = next((f for f in reversed(sentence) if f.id < change.id and f.unit == change.unit
                    and f.measure != "变动额" and f.period == CURRENT), None)
    # (with last year's figure stated before the change, 较上年（9,120人次）减少560人次, no current one needed)
    return (change, current) if current is not None or _stated_prior(sentence, change) is not None else None


def current_figure(base: FactBase, rate: Fact, change: Fact | None, sentence: list[Fact]) -> Fact | None:
    # (the amount the words tie the change to: the whole whose parts a bracket or 由…组成 listed)
    linked = change.of if change is not None and change.of >= 0 else rate.of if change is None else -1
    if linked >= 0 and base.facts[linked].is_money and base.facts[linked].period == CURRENT \
            and (change or rate).concept in (None, base.facts[linked].concept):
        return base.facts[linked]
    concept = (change.concept if change else None) or rate.concept
    # this year's figure: “较上年的 21.40 万元下降 14.21%” names last year's just before the rate
    # (not an amount per head or per vehicle: 人均接待费用200元 is no amount of the whole)
    # (of the measure an amount naming none is of: the outturn, or a plan's budget)
    # (nor the base of a rate right after it: 完成18,436.20万元，为年度计划18,000.00万元的102.42%，较上年增加…)
    bases = {a.id for a, b in zip(sentence, sentence[1:]) if rate_of_amount(base, a, b)}
    here = [f for f in sentence if f.is_money and f.measure in ("决算", base.bare_measure) and f.concept == concept
            and f.period == CURRENT and not per_unit(f) and f.id not in bases]
    if here:
        return here[-1]
    if concept is None and change is not None and all(f.measure == "变动额" for f in sentence if f.is_money):
        named = _named_just_before(base, change)
        if named is not None:
            return named
    if change is not None and names_budget_base(compact(change.label)):
        # a budget's change on last year's budget (预算68.30万元，比2024年预算减少2.45万元，下降5.46%)
        budgets = [f for f in sentence if f.is_money and f.measure in BUDGET_MEASURES and f.concept == concept
                   and f.period == CURRENT and f.id < change.id]
        if budgets:
            return budgets[-1]
    return document_value(base, concept, "决算", rate.subject) or (
        # a plan's figure on last year is its budget (一般公共预算拨款收入比上年增加…，增长…)
        document_value(base, concept, base.bare_measure, rate.subject) if base.plan else None) or (
        # a count a table's row states by year (改厕受益农户（户） | 3,810 | 4,420): 2024年改厕受益农户较
        # 2023年增长… is on its years' cells
        document_value(base, concept, "实际值", rate.subject, CURRENT, counted=True)
        if change is None and concept and _named_years_own(rate, base.year) else None)


def _named_years_own(rate: Fact, year: int | None) -> bool:
    """The years the rate's words name (2024年较2023年) are the report's and the one before, or none."""
    named = {int(y) for y in YEAR_NUMBER_RE.findall(compact(rate.label))}
    return not named or (year is not None and named <= {year, year - 1})


def _named_just_before(base: FactBase, change: Fact) -> Fact | None:
    """The figure a change opening its sentence with a thing no concept names is of, stated in
    the sentence before by the same words (2025年收入预算1,565.10万元，…。收入预算比上年预算增加
    84.50万元，增长…): the one this-year amount there whose words, years aside, are the same
    (not 其他收入 for 收入)."""
    words = COMPARED_RE.split(compact(change.label), 1)[0]
    if len(words) < 2 or change.sentence == 0:
        return None
    before = [f for f in base.by_sentence.get((change.block, change.sentence - 1), ())
              if f.is_money and f.period == CURRENT and f.measure not in ("变动额", "变动率")
              and YEARS_RE.sub("", compact(f.label)).lstrip("，,；;：:") == words]
    return before[0] if len(before) == 1 else None


COMPARED_RE = re.compile(r"比|较|与|同比")
