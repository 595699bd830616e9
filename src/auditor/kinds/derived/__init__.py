"""Kind `derived`: rates recomputed from the facts they derive from, wherever those are stated.

Sub-checks (param `check`), each a function in CHECKS:
- share: 占比 = part ÷ whole. The part is the amount the share follows; the whole is the concept
  named after 占 (占本年支出的 23%), else the total the sentence opened with (本年收入 X，其中：
  财政拨款收入 Y，占 P%), else the total of a declared calculation the part belongs to.
- completion: 完成率 = 决算 ÷ 年初预算 or 全年预算, as the words say (完成年初预算的 / 完成预算的).
- growth: 变动率 = 变动额 ÷ 上年, with 上年 = 本年 ∓ 变动额 when the sentence gives the change,
  else from a stated prior-year figure (a table's 上年 column).
- execution: 执行率 = 决算 ÷ 全年预算 of the same subject.
- point_change: a change in percentage points (较上年的 91.20% 提高 4.80 个百分点) = this year's
  rate − last year's rate stated before it in the sentence, in the direction the words say.
- ratio_to_base: “X万元，是年初预算 Y万元的 P%”: P = X ÷ Y, the base stated in the rate's clause.
- difference_to_base: “X万元，较年初预算 Y万元减少 D万元”: D = |X − Y|, in the direction the words say.
- tenths: a rate restated in tenths with an approximation word (达标率67.4%，逾七成) on the side of
  N × 10% the word says, within one 成 (kinds/tenths.py).
- target_completion: a rate of completing a target (完成年度目标（50公里）的 91.2%) = the quantity
  achieved ÷ the target, stated in the rate's clause or, else, as the indicator's 目标值 in a table.
A rate is consistent when the interval its inputs' printed precision allows meets the interval
of the printed rate (one rounding model: every printed number is ± half a unit of its last digit).
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...facts.base import (OTHER_BASIS, BUDGET_MEASURES, CLAUSE_BREAK_RE, bare_head, compares_other_year, CURRENT,
                           FORECAST, LATER, OLDER, OUTCOME_MEASURES, PRIOR, Fact, FactBase, fact_base, fact_year,
                           names_budget_base, names_forecast, against_budget, names_own_thing, names_whole_money,
                           per_unit, YEAR_RE, YEARS_RE)
from ...facts.grid_pairs import grid_cell
from ...facts.lexicon import lexicon
from ...facts.scopes import figure_scope
from ...facts.numbers import MONEY_UNITS, fmt, half_unit, quantize_like, significant_digits
from ...facts.targets import PREFIX
from ...knowledge import compact, concepts, han_bigrams
from ..base import (CHECKED, SHARE_OF_RE, SUBROW_RE, Checked, document_texts, Hit, invalid_setting, item_label,
                    in_common_unit, rounding_note, schedule_words, slipped_unit, sum_check, time_share)
from ..named_rates import COPULAS, named_rate_slips
from ..per_head_columns import per_head_rows
from ..per_head_counts import HeadCounts, HeadWords, basis_of, count_bounds
from ..rate_columns import column_runs, explained_otherwise, learned_rate_slips, row_formula, transposed
from ..tenths import tenths_slips
from ..worded_sums import worded_sums
from .. import named_multiples, written_arithmetic
from ..split_sums import split_sums
from ...facts.agreement import meets
from .intervals import (HUNDRED, bounds, ratio_bounds, exact_ratio, formula_operands, consistent, rate_hit, tail_of,
                        difference_hit, difference_misfit, round_bounds, ratio_fits, rate_against, based, way,
                        opposite)
from .lookup import (YEAR_NUMBER_RE, same_sentence, facts_before, unique_value, document_value, this_year_before,
                     list_head, prior_value, compares_last_year, in_brackets)
from .wholes import names_period
from .share import SUBJECT_FILLER_RE, check_share, column_parts_sum
from .share_sum import check_share_sum
from .completion import check_completion, check_target_completion
from .to_base import check_ratio_to_base, check_difference_to_base
from .execution import check_execution


KIND = "derived"
PARAMS = {"check": (str, None), "completion_cues": (list, []), "target_cues": (list, []), "share_cues": (list, []),
          # target_completion: words of a target changed during the year (调整后任务)
          "changed_target_cues": (list, []),
          # target_completion: words naming an amount a budget's or its spending's (DRV002's, not an output target)
          "budget_amount_words": (list, []),
          "excess_cues": (list, []),
          # target_completion: the words of an amount beyond the target (超计划26公里): no target
          "excess_amount_pattern": (str, ""),
          "clause_breaks": (str, "，,；;。：:"), "ceiling_marks": (list, []), "year_on_year_cues": (list, []),
          "base_cues": (list, []), "other_period_cues": (list, []), "point_unit": (str, ""),
          # row_change: words of the heads of a stock's two ends in one year (年末数 | 年初数), both of
          # this year by period: the change on the year is the closing one's on the opening one's
          "closing_heads": (list, []), "opening_heads": (list, []),
          # point_change: a rate compared with the share of the year gone by (时间进度), above or
          # below it (高于 / 低于); the year gone by from the document meta (elapsed_months: 1-8月, 上半年);
          # the schedule's words none: concepts.yaml schedule_words (kinds/base.py schedule_words)
          "schedule_words": (list, []), "above_words": (list, []), "below_words": (list, []),
          # schedule_rate: a day named in the sentence that is no month's end (截至7月15日): the
          # schedule may be counted in days, not judged; words of another period than the
          # report's (一季度, 全年, 上年同期); comparing words before the schedule (低于时间进度8.5%)
          "day_pattern": (str, ""), "other_period_words": (list, []), "other_year_words": (list, []), "comparing_words": (list, []),
          "note_filler_words": (list, []),
          "negation_words": (list, []),
          # point_change: words naming a benchmark a rate is compared with (全省平均水平, 目标值), and
          # the comparing words before it (比, 较, 高于)
          "benchmark_words": (list, []), "benchmark_comparing_words": (list, []),
          # words making a stated change one on adjusted figures (剔除车辆购置因素, 可比口径): not
          # the change of the figures the report states
          "adjusted_cues": (list, []),
          # growth: words after a rate's own comparing word naming a base that is no year's outturn
          # (较年初增长41.59%: on the budget the year began with, not on last year)
          "other_base_words": (list, []),
          # year_change: words making a count's change on last year one on another base or of several
          # counts in turn (上年同期: no year-end column gives it; 分别增加7人和16人)
          "count_other_base_words": (list, []),
          # difference_to_base: a change on a budget told with these words (节约) is corrected
          # in budget_words (more, less) rather than 增加 / 减少
          "budget_cues": (list, []), "budget_words": (list, []),
          # table_share: a share column headed with these is each row's share of its parent row
          # (占上级项目比重), not of the 100% row
          "parent_share_words": (list, ["上级", "上一级", "所属"]),
          # budget_adjustment: the words making a budget change a cut (调减, 核减): subtracted
          "cut_words": (list, []),
          # budget_adjustment: the words between the adjusted budget and its change naming the
          # year-start budget in short, nothing else (，比年初增加): a pattern over them, compacted
          "bare_initial_pattern": (str, "(?!)"),
          # per_head: the words of an amount per head and the units the heads are counted in
          "per_head": (dict, {"人均": ["人", "名"], "生均": ["人", "名"], "户均": ["户"]}),
          # stated_base_rate: a rate's name -> the concepts of the figure it is of and the words of
          # the base its sentence or paragraph states for it (债务率 = 政府债务余额 ÷ 综合财力); the
          # words right before the name that make it a part's rate, on a base not stated (一般债务率)
          "ratios": (dict, {}), "part_rate_words": (list, []),
          # named_multiple / multiple_claim: a multiple's name -> the words of the amounts it is of and
          # over (本息覆盖倍数 = 收益 ÷ 本息; none: concepts.yaml named_multiples), the copulas before its number, the words of a whole
          # period's amount, the claims made of it, the words comparing it with a threshold and the
          # genre's threshold (kinds/named_multiples.py)
          "multiples": (dict, {}), "multiple_copulas": (list, ["为", "是", "达到", "达", "约为", "约"]),
          # (and comparing_words, declared above for schedule_rate: the words comparing it with a threshold)
          # (cover_words: a claim only that the income covers what is owed, judged against once over)
          "total_words": (list, []), "claim_words": (list, []), "cover_words": (list, []),
          "threshold": (str, "1.1"),
          # split_sum: the words splitting a total into a number of parts (分两年), and those naming
          # one part in its clause (2024年, 第二批, 一期) (kinds/split_sums.py)
          "split_pattern": (str, "(?!)"), "part_pattern": (str, "(?!)"),
          # within_limit: the words of a claim that a balance is within its ceiling (a pattern), and
          # each balance's concept -> its ceiling's concept
          "claim_pattern": (str, "(?!)"), "limits": (dict, {}),
          # per_head: the words of the sum a sentence closes on after an amount per head (共计)
          "sum_words": (list, []),
          # per_head: the words of a standard per head (每人): the total is worked out from it, and told
          "standard_words": (list, []),
          # per_head: verbs before the thing an amount per head is of (人均获得劳务报酬), and other
          # words the total may name it by (次均门诊费用 of 门诊收入)
          "thing_verbs": (list, []), "thing_aliases": (dict, {}), "money_tails": (list, []),
          # per_head: words before the word per head naming no narrower thing (全年, 本单位), and the
          # other names of those that do (出院者次均费用 of 住院收入, over 出院 visits)
          "qualifier_skip_words": (list, []), "qualifier_aliases": (dict, {}),
          # per_head: the count of heads a figure is over (kinds/per_head_counts.py): the words naming
          # them in a basis (按…计算: group 1), the kinds of heads counted apart and those meant only
          # when named, words of a count over years, of a list of parts after a count, of a whole right
          # after it (86所学校中，), names of heads naming none in particular, and figures per head of
          # the unit's own staff (人均公用经费), the units counting people, whoever they are, and the
          # heads a word per head names itself (生均: 学生)
          "basis_pattern": (str, "(?!)"), "head_kinds": (dict, {}), "named_only_kinds": (list, []),
          "cumulative_words": (list, []), "part_openers": (list, []), "whole_pattern": (str, "(?!)"),
          "head_nouns": (list, []), "staff_figures": (list, []), "people_units": (list, []),
          "heads_named": (dict, {}),
          # row_rate: the concepts of a whole score (自评得分) a summary of projects prints beside their rates
          "whole_score_concepts": (list, []),
          # row_rate: the row_rates formulas also judged in a sentence stating both terms before the rate
          "text_rates": (list, []),
          # per_head: an amount per month or per visit is no share of the year's total
          "per_period_words": (list, ["每月", "月均", "月人均", "每次", "每年", "年人均"]),
          # row_rate: the words a rate column's head ends with (到位率, 完成比例, 支出进度), and the
          # words of heads that are another relation (占比, 增长率, 序时进度), for the columns whose
          # formula no row_rates entry names and the table's rows show
          "rate_heads": (list, []), "not_rate_words": (list, []),
          # named_rate: the words of the figure a rate is of beside the rate's own stem (执行率 of
          # a 支出), and the words of a base of plans (下达, 预算) the rate is recomputed on
          "rate_stems": (dict, {}), "rate_suffixes": (list, ["率"]), "index_suffixes": (dict, {}), "base_words": (list, []), "negations": (list, ["不", "未"]),
          # named_rate: words of a figure naming a part of a project's money (中央资金到位): its rate is
          # not judged against the project form's budgets
          "part_words": (list, []),
          # named_rate: words of a table row's label making it the planned amount (下达（安排）数) a
          # rate of the column's other rows (实际到位数) is on
          "planned_row_words": (list, []),
          # named_rate: a stem's own words of a base in place of base_words (审减: 送审), and the stems
          # of rates of the project's money as a whole, judged on the project form's budgets (none: all)
          "stem_base_words": (dict, {}), "form_stems": (list, []),
          # named_rate: the stems of rates judged on a base in the sentence before theirs (整改率 after
          # 反映的问题共170个。…已整改152个)
          "before_stems": (list, []),
          # worded_sum: the words opening a clause of amounts added or taken away (regexes)
          "plus_pattern": (str, "^$"), "minus_pattern": (str, "^$"),
          # worded_sum: the words of a flow of money an added or taken clause names, and of what a
          # sum comes to in its last clause
          "flow_words": (list, []), "result_words": (list, []),
          # worded_sum: the words a result's name closes with over the name of the amount a sum
          # opening on 加 starts from (收入总计: the 收入 stated before)
          "result_total_words": (list, []),
          # worded_sum: the words naming the two sides of an account, a flow listed on over a comma
          # keeping the sign only on its own (加上本年收入…，本年支出… is no addition)
          "account_sides": (list, []),
          # written_arithmetic: the units a figure of a written formula may carry (万元, %, 人)
          "arithmetic_units": (list, []),
          # proportion: the words stating an amount worked out at a rate (group `rate`: 按30%的比例)
          "proportion_pattern": (str, "^$"),
          # proportion: the words of the worked-out amount (调出) → the words its base's name holds
          # (收入): a sentence's other amounts (支出安排…) are no base of it
          "proportion_bases": (dict, {}),
          # proportion: words naming an amount no base of a proportion (收入总量, 上年结转收入)
          "proportion_not_bases": (list, []),
          # share_sum: bases each thing has of its own (占限额的, 占计划的): such shares sum to nothing
          "own_base_words": (list, []),
          # share_sum: the words naming the whole a sentence's shares split before its first 占
          # (缴存职工中，…): shares naming their parts and no amounts are summed only after them
          "split_whole_pattern": (str, "")}
MESSAGE_FIELDS = {"rate", "computed", "relation", "basis"}


def validate(params: dict) -> str | None:
    return invalid_setting(params, CHECKS, ("bare_initial_pattern", "basis_pattern", "whole_pattern"))


def check(doc, rule):
    name = rule.params["check"]
    return CHECKS[name](doc if name in TEXT_CHECKS else fact_base(doc), rule)


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
    for rate in (f for f in base.facts if f.measure == "变动率" and f.source == "text" and not f.comparator and f.unit == "%"):
        if rate.concept is None and names_own_thing(rate.label):
            continue  # “…较上年减少14.69万元，主要是…，会议费同比下降18.6%”: another thing's rate
        # (a plan's 较2025年预算下降…: on last year's budget, its year-on-year base, judged below
        # only with its change amount, that budget being read nowhere here)
        on_budget = _on_other_base(rate.label, rule.params["other_base_words"])
        if on_budget and not (base.plan and compares_other_year(rate.label)):
            continue
        sentence = facts_before(same_sentence(base, rate), rate)
        if _adjusted(base.sentences.get((rate.block, rate.sentence), ""), rate, rule.params["adjusted_cues"]):
            continue
        # the change of the rate's own concept (“本年支出减少 10 万元，其中基本支出增长 5%”: not 基本支出's)
        # (a change on the budget, 超收0.58亿元, is no year's change)
        change = next((f for f in reversed(sentence) if f.measure == "变动额" and f.is_money
                       and (f.concept == rate.concept or not (f.concept and rate.concept))
                       and not against_budget(f.label)), None) \
            or _change_after(base, rate)
        if on_budget and change is None:
            continue
        quantity_change = _quantity_change(sentence, rate, rule.params["year_on_year_cues"], base.year)
        bracketed = _bracketed_prior(base, rate, sentence) or (
            _quantity_prior(base, rate, sentence) or _quantities_in_sentence(sentence, rate)
            or _quantity_now_before(base, sentence, rate)
            if not quantity_change else None)
        if bracketed is None and sentence and not sentence[-1].is_money and sentence[-1].unit not in ("%", "‰", "") \
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
            lo, hi = c_lo / p_hi * HUNDRED, c_hi / p_lo * HUNDRED
            computed = change.in_yuan() / stated.in_yuan() * HUNDRED
            shown = formula_operands(change, stated)
            formula = f"变动额 {shown[0]} ÷ {'上年' if stated.period == PRIOR else '所比年度'}数 {shown[1]} = {fmt(computed)}%"
        elif change is not None:
            sign = change.sign or rate.sign or 1
            whole = _list_whole(base, sentence, current, rate)
            if whole is not None and (_growth_fits(rate, change, whole, sign) or (
                    not _growth_fits(rate, change, current, sign)
                    and _growth_miss(rate, change, whole, sign) < _growth_miss(rate, change, current, sign))):
                current = whole  # (the reading the rate holds on; neither: the one it comes nearer)
            on = _rate_on(change, current, sign)
            if on is None:
                continue
            lo, hi, computed, previous_yuan = on
            factor = MONEY_UNITS.get(current.unit, Decimal(1))
            shown_places = 2 if current.is_money else max(current.places, change.places)
            # (written as one step of figures, so that a wrong current figure found by another
            # rule is seen to explain it: findings.drop_consequences)
            # (the base named as the change's words name it: 比前年增加… is on 前年's, not 上年's)
            than = _year_compared(change.label, rule.params["other_year_words"])
            basis = f"增减额与{than}数"
            formula = (f"变动额 {change.text} ÷（本年 {current.text} {'−' if sign > 0 else '+'} 变动额 {change.text}）"
                       f"= {fmt(computed)}%（{than}数 {fmt(previous_yuan / factor, shown_places)}{current.unit}）")
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
    for rate in (f for f in base.facts if f.measure == "变动率" and f.source == "text" and f.comparator == "往年"
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
        against = _prior_against(base, rate, current, prior)
        if against is None:
            continue
        yield CHECKED
        _, lo, hi, computed, moved = against
        than = f"{year}年"
        formula = (f"（本年 {current.with_unit()} − {than} {prior.with_unit()}）÷ {than} {prior.with_unit()}"
                   f" = {'−' if moved < 0 else ''}{fmt(computed)}%（{prior.where()}）")
        if rate.sign and moved and rate.sign != moved and not _both_ways(rate):
            yield based(f"本年数与{than}数", opposite(rate, moved, computed, f"本年 {current.with_unit()}"
                                                   f"{'高于' if moved > 0 else '低于'}{than} {prior.with_unit()}，"
                                                   f"比例却写{way(rate.sign)}；{formula}"))
        elif not consistent(rate, lo, hi):
            yield based(f"本年数与{than}数", rate_hit(rate, computed, "增减比例", formula, than=than))


def _older_year_named(base: FactBase, rate: Fact) -> int | None:
    """The year before last a rate's own words compare with (较2022年增长: 2022), when the words
    before the comparing word name no year but the report's (not 2023年比2022年增长: two earlier
    years compared)."""
    cues = list(lexicon().comparison.finditer(rate.label))
    named = YEAR_NUMBER_RE.match(rate.label, cues[-1].end()) if cues else None
    if named is None or not base.year or int(named.group(1)) >= base.year - 1:
        return None
    if any(int(y) != base.year for y in YEAR_NUMBER_RE.findall(rate.label[:cues[-1].start()])):
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
    return prior_value(base, change, current, current.measure)


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
    the same way, one clause on."""
    after = [f for f in same_sentence(base, rate) if f.id > rate.id][:1]
    change = after[0] if after else None
    if change is None or change.measure != "变动额" or not change.is_money or change.sign != rate.sign \
            or (change.concept and rate.concept and change.concept != rate.concept) or against_budget(change.label):
        return None  # (a change on the budget after it, 增长4.52%，超收2,360万元, is no year's change)
    return change if len(CLAUSE_BREAK_RE.findall(base.between(rate, change))) == 1 else None


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


def _sentence_prior(base: FactBase, sentence: list[Fact], rate: Fact,
                    current: Fact | None) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) amounts of one thing the rate's own sentence states before it
    (全年支出597.00万元，较2023年的742.10万元增长6.8%; 支出规模扩大了12.64% after both): the rate
    is on them, whatever the rest of the document says last year was."""
    # (an older year's, 较2022年的25,980.40万元, is the base the same way)
    # (a budget's the same way: 全年预算数315.00万元，比上年300.00万元增长5.00%)
    # (a later year's rate, 2024年…安排12.97亿元，在2023年完成12.35亿元的基础上增长5.0%, is on the
    # report year's figure its sentence states, the outturn or a budget whatever the plan's measure)
    later = rate.period == LATER and current is not None and current.period == LATER
    prior = next((f for f in reversed(sentence) if f.is_money and f.measure in ("决算", *BUDGET_MEASURES)
                  and f.period in ((CURRENT,) if later else (PRIOR, OLDER)) and f.comparator in ("", "较")
                  and (rate.concept is None or f.concept == rate.concept)
                  and (not later or f.concept == current.concept)), None)
    if prior is None:
        return None
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
        or _per_unit_compared(sentence, prior)
    if now is None:
        # “较上年3.00万元减少25.00%至2.40万元”: the year's amount the change ends at, right after the rate
        after = next((f for f in same_sentence(base, rate) if f.at > rate.at), None)
        if after is not None and after.is_money and after.period == CURRENT and after.measure == prior.measure \
                and after.concept == prior.concept and compact(after.label) in (concepts().get("result_words") or ()):
            now = after
    return (now, prior) if now is not None else None


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


def _quantities_in_sentence(sentence: list[Fact], rate: Fact) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) count stated before the rate, last year's after a comparing word
    in the same unit (全年到馆读者18.62万人次，较上年的17.40万人次同比下降7.01%), in brackets right
    after this year's (12.6万吨（上年11.8万吨）), or each with its year (2023年…，2024年…)."""
    counts = [f for f in sentence if not f.is_money and f.unit not in ("%", "‰", "") and not f.comparator]
    if len(counts) < 2:
        return None
    prior, now = counts[-1], counts[-2]
    if (prior.period, now.period) == (CURRENT, PRIOR) and YEAR_RE.search(prior.label) and YEAR_RE.search(now.label):
        prior, now = now, prior  # (2023年…11.8万吨，2024年达到12.6万吨，增幅8.3%: each year named)
    elif not (lexicon().comparison.search(prior.label) or prior.label.startswith(("(", "（"))):
        return None  # (last year's after a comparing word, or in brackets right after this year's)
    if not (prior.period == PRIOR or _older_year_compared(prior, rate)) or now.period != CURRENT \
            or prior.unit != now.unit or not prior.value \
            or prior.concept not in (None, now.concept) or rate.concept not in (None, now.concept):
        return None
    return now, prior


LOOK_BACK = 2  # clauses (；- or 。-ended) of the paragraph read back for a figure a comparison leaves unstated


def _clauses_before(base: FactBase, fact: Fact) -> list[Fact]:
    """The facts of the LOOK_BACK clauses before the fact's in its paragraph, in reading order (a
    bounded look-back: a few clauses, whatever the paragraph's length)."""
    return [f for k in range(max(0, fact.sentence - LOOK_BACK), fact.sentence)
            for f in base.by_sentence.get((fact.block, k), ())]


def _plainly_stated(f: Fact) -> bool:
    """A figure stated as it is: no bound, range or hedge (约, 近, 逾), no sum since a start
    before the year (累计, 截至: concepts.yaml cumulative_words)."""
    return not f.comparator and not lexicon().approximate.search(f.label) \
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
             and [y.group(1) for y in YEAR_NUMBER_RE.finditer(f.label)] == [year.group(1)]]
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
    measures, before = ("决算", *BUDGET_MEASURES), PRIOR
    scope = figure_scope(base, current)  # (last year's figure of the same scope: no 行政事业单位's for a 企业's)
    if current.period == LATER and stated is None:
        # (a later year's plan, 2025年安排…下降1.2% in a report on 2024: on the report year's figure,
        # the outturn or the budget its words name, 比上年执行数 / 比上年预算; where the document
        # states no figure of the report year, on the one a plan's table calls 上年)
        measures = _plan_base_measures(base, rate) or measures
        if any(document_value(base, rate.concept, m, rate.subject, CURRENT, scope=scope) for m in measures):
            before = CURRENT
    for measure in measures:
        prior = stated if stated is not None else document_value(base, rate.concept, measure, rate.subject, before,
                                                                  scope=scope)
        if prior is None and stated is None and rate.concept == current.concept:
            # (支出22,178.04万元，比上年增长11.4% under （四）失业保险基金: its row of a grid of 险种 by
            # 2022年支出 | 2023年支出, where that row's current cell restates the amount)
            prior = grid_cell(base, current, measure, before)
        if prior is None or prior.value == 0:
            continue
        span_c, span_p = bounds(current), bounds(prior)
        if span_p[0] <= 0:
            continue
        diff = abs(current.in_yuan() - prior.in_yuan())
        # the rate's interval from the figures' own: a rise (c − p) ÷ p runs from (c_lo − p_hi) ÷ p_hi
        # to (c_hi − p_lo) ÷ p_lo, a fall (p − c) ÷ p from (p_lo − c_hi) ÷ p_lo to (p_hi − c_lo) ÷ p_hi
        if current.in_yuan() >= prior.in_yuan():
            lo = max(Decimal(0), span_c[0] - span_p[1]) / span_p[1] * HUNDRED
            hi = (span_c[1] - span_p[0]) / span_p[0] * HUNDRED
        else:
            lo = max(Decimal(0), span_p[0] - span_c[1]) / span_p[0] * HUNDRED
            hi = (span_p[1] - span_c[0]) / span_p[1] * HUNDRED
        moved = 1 if span_c[0] > span_p[1] else -1 if span_c[1] < span_p[0] else 0
        against = (prior, lo, hi, diff / prior.in_yuan() * HUNDRED, moved)
        if consistent(rate, lo, hi) and not (rate.sign and moved and rate.sign != moved):
            return against
        first = first or against
    return first


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
    current = next((f for f in reversed(sentence) if f.unit not in ("%", "‰") and f.measure != "变动额"
                    and f.id < rate.id and not lexicon().comparison.search(f.label)), None)
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
    before = next((f for f in reversed(sentence) if f.id < change.id and f.measure != "变动额"
                   and (f.is_money if change.is_money else f.unit == change.unit)), None)
    # (last year's budget is a base as its 决算 is: 比2024年年初预算9,072.40万元增加424.62万元)
    if before is None or before.period != PRIOR or (change.is_money and before.measure not in ("决算", *BUDGET_MEASURES)) \
            or before.value == 0 or not lexicon().comparison.search(before.label) \
            or (before.concept and change.concept and before.concept != change.concept):
        return None
    return before


def _both_ways(fact: Fact) -> bool:
    """A template's choice left in (“减少（增加）”, “下降（增长）”): the phrase says both ways."""
    return {kind for _, _, kind in lexicon().directions.all(fact.label)} >= {"up", "down"}


def check_point_change(base: FactBase, rule):
    """“预算执行率为 95.00%，较上年的 91.20% 提高 4.80 个百分点”: 95.00 − 91.20 = 3.80, an
    interval as wide as the two printed rates allow; the direction is the last direction word
    before the change (none: only the size is checked)."""
    directions, point = lexicon().directions, rule.params["point_unit"]
    for change in (f for f in base.facts if f.source == "text" and not f.comparator and f.unit == point):
        before = facts_before(same_sentence(base, change), change)
        # the rates since the sentence's previous change in points: “…提高3.80个百分点，其中项目支出
        # 执行率92.00%，较上年提高2.00个百分点” — the second change has no last-year rate of its own
        since = next((k + 1 for k in range(len(before) - 1, -1, -1) if before[k].unit == point), 0)
        # levels, not another thing's growth (同比增长12.40%, 调解成功率较上年的97.8%提高0.8个百分点)
        rates = [f for f in before[since:] if f.unit == "%" and f.measure != "变动率"]
        benchmark = _benchmark(base, rule, rates[-1], change) if rates else None
        # (a rate the words name a benchmark, 目标值（98%）, is no rate of this year or last)
        rates = [f for f in rates if f is not benchmark and not _names_benchmark(base, rule, f)]
        current = next((f for f in reversed(rates) if f.period == CURRENT), None)
        if benchmark is not None:
            # (比全省平均水平（98.90%）高0.7个百分点: this year's rate against the benchmark)
            if current is not None:
                yield CHECKED
                hit = difference_hit(change, current, benchmark, 0, ("高于", "低于"), "与比较基准相差",
                                      f"{current.text} − {benchmark.text}", quote=base.span(benchmark, change),
                                      stated=change.text)
                if hit is not None:
                    yield hit
            continue
        # (a current rate naming nothing, 由18.6%提高到21.4%, is of the thing the prior one names)
        prior = next((f for f in reversed(rates) if f.period == PRIOR
                      and (current is None or current.concept is None or f.concept in (current.concept, None))), None)
        if current is None and prior is not None:
            # “较上年的97.8%提高0.8个百分点，达到98.6%”: this year's rate right after the change
            after = next((f for f in same_sentence(base, change) if f.id > change.id), None)
            if after is not None and after.unit == "%" and after.period == CURRENT and after.measure != "变动率" \
                    and after.concept in (prior.concept, None) and _reached_words(after.label):
                current = after
        if current is None and prior is not None and prior.concept is not None:
            current = _earlier_level(base, prior) or _document_level(base, prior)
        if prior is None and current is not None and compares_last_year(compact(change.label), rule.params["year_on_year_cues"],
                                                                     base.year):
            # (比上年下降0.45个百分点（2023年为97.17%）: last year's rate in brackets after a change on
            # last year; not after one on the schedule or a target, 低于序时进度6.80个百分点（2023年同期…）)
            prior = next((f for f in [bracketed_after(base, change)] if f is not None and f.unit == "%"), None)
        if prior is None and schedule_words(rule.params):
            yield from _against_schedule(base, rule, change, rates)
            continue
        if current is None or prior is None:
            continue
        words = directions.all(compact(change.label))
        sign = {"up": 1, "down": -1}.get(words[-1][2], 0) if words else 0
        yield CHECKED
        hit = difference_hit(change, current, prior, sign, ("提高", "下降"), "增减百分点",  # this year's − last year's
                              f"本年 {current.text}{'' if current.block == change.block else f'（{current.where()}）'}"
                              f" − 上年 {prior.text}", stated=change.text,
                              quote=base.span(prior, change) if prior.id < change.id else base.span(change, prior))
        if hit is not None:
            yield hit


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


def _benchmark(base: FactBase, rule, rate: Fact, change: Fact) -> Fact | None:
    """The rate right before the change when a comparing word and a benchmark come before it (比全省
    平均水平（98.90%）高…, 高于目标值（95%）…) and no word of last year stands between it and the
    change (…（98.90%），比上年提高…: that change is on last year): the change is against it."""
    text = base.sentences.get((change.block, change.sentence), "")
    between = text[rate.at + len(rate.text):change.at]
    if not _names_benchmark(base, rule, rate) or lexicon().prior.search(between):
        return None
    lead = compact(rate.label)
    return rate if any(w in lead for w in rule.params["benchmark_comparing_words"]) else None


def _names_benchmark(base: FactBase, rule, rate: Fact) -> bool:
    """The words right before the rate name a benchmark (全省平均水平, 目标值)."""
    words = rule.params["benchmark_words"]
    return bool(words) and any(w in compact(rate.label)[-BENCHMARK_REACH:] for w in words)


BENCHMARK_REACH = 12  # the characters before a rate its benchmark's name stands in (比全省平均水平（


def _against_schedule(base: FactBase, rule, change: Fact, rates: list[Fact]):
    """“执行率61.36%，高于序时进度（66.67%）5.31个百分点”, “执行进度46.80%，低于时间进度3.20个百分点”:
    the rate against the share of the year gone by, printed in the sentence or read from the
    report's period (1-8月: 8 ÷ 12); the comparing word (高于, 低于) against the two."""
    params = rule.params
    text = base.sentences.get((change.block, change.sentence), "")
    words = text[max(0, change.at - SCHEDULE_REACH):change.at]
    if not any(w in words for w in schedule_words(params)):
        return
    stated = [f for f in rates if any(w in f.label for w in schedule_words(params))]
    current = next((f for f in reversed(rates) if f.period == CURRENT and f not in stated), None)
    schedule = stated[-1] if stated else _elapsed(base, change)
    if current is None or schedule is None:
        return
    above = _last_said(words, params["above_words"], params["negation_words"])
    below = _last_said(words, params["below_words"], params["negation_words"])
    sign = 1 if above > below else -1 if below > above else 0
    yield CHECKED
    hit = difference_hit(change, current, schedule, sign, ("高于", "低于"), "与时间进度相差",
                          f"{current.text} − 时间进度 {schedule.text}", quote=base.span(current, change),
                          stated=change.text)
    if hit is not None:
        yield hit


SCHEDULE_REACH = 24  # characters before a change in points its comparison is read in
# the words between a schedule's name and its value: a copula, a bracket, a basis (按6个月计算为)
SCHEDULE_VALUE_RE = re.compile(r"(?:按\d{1,2}个月计算)?(?:应为|为|是|达|约|：|:|（|\()?")
MONTH_RE = re.compile(r"(?<!\d)(\d{1,2})\s*月")


def check_schedule_rate(base: FactBase, rule):
    """“序时进度按6个月计算为55%” in a report on 1—6月: a time schedule stated in % is the share
    of the year the report's period covers (document meta elapsed_months), months ÷ 12, read at
    its printed precision; a sentence naming a day other than a month's end is not judged (a
    schedule in days)."""
    if not base.elapsed_months:
        return
    params = rule.params
    day = re.compile(params["day_pattern"]) if params["day_pattern"] else None
    # (a schedule 按6个月计算 is stated on its basis, 口径: still its value; not a bound, 不低于50%)
    for rate in (f for f in base.facts if f.source == "text" and f.unit == "%" and f.comparator in (None, "", OTHER_BASIS)):
        text = base.sentences.get((rate.block, rate.sentence), "")
        # the clause names the schedule right before the rate, its value and nothing else (序时进度
        # 按6个月计算为55%, 时间进度（50%）; not 低于时间进度8.5%, 与时间进度相差8.50%, 达到时间进度的
        # 90%, 工程时间进度完成60%)
        clause = compact(CLAUSE_BREAK_RE.split(text[max(0, rate.at - SCHEDULE_REACH):rate.at])[-1])
        found = [(clause.rfind(w), w) for w in schedule_words(params) if w in clause]
        if not found:
            continue
        at, word = max(found)
        between = clause[at + len(word):]
        # (a value in brackets right after the name is the schedule's, whatever compares with it:
        # 与序时进度（70%）持平; a signed one, （-7.75%）, is the difference)
        bracketed = between in ("（", "(") and rate.text[:1] not in "-－−"
        if not SCHEDULE_VALUE_RE.fullmatch(between) or rate.text[:1] in "-－−" \
                or (not bracketed and any(w in clause[:at] for w in params["comparing_words"])):
            continue
        # (another period named in the sentence, 一季度, 全年, 5月底, 上年同期, or a day other than a
        # month's first or last, 截至6月28日, 按天计算: another schedule than the report period's)
        if any(w in text for w in params["other_period_words"]) or (day is not None and day.search(text)) \
                or any(int(m) not in (1, base.elapsed_months) for m in MONTH_RE.findall(text)):
            continue
        exact = time_share(base.elapsed_months)
        yield CHECKED
        lo, hi = rate.interval()
        if lo <= exact <= hi or tail_of(rate, exact):
            continue  # (66.6% for 66.67%: a truncated tail, no other schedule)
        shown = f"{fmt(exact, max(rate.places, 2))}%"
        yield Hit(quote=rate.quote, location=rate.loc, stated=rate.text, expected=shown,
                  formula=f"时间进度 = {base.elapsed_months} 个月 ÷ 12 = {shown}",
                  fields={"rate": rate.text, "computed": shown, "relation": "时间进度",
                          "basis": f"按报告期间 {base.elapsed_months} 个月"})


def _last_said(words: str, comparing: list[str], negations: list[str]) -> int:
    """Where the last of the comparing words stands that no negation denies (没有滞后于), -1 if none."""
    at = -1
    for w in comparing:
        k = words.rfind(w)
        while k >= 0 and any(words.endswith(n, 0, k) for n in negations):
            k = words.rfind(w, 0, k)
        at = max(at, k)
    return at


def _elapsed(base: FactBase, change: Fact) -> Fact | None:
    """The share of the year the report's period covers (1—8月: 66.67%, document meta
    elapsed_months), as a figure printed to the change's places; None for a whole year's report."""
    if not base.elapsed_months:
        return None
    value = time_share(base.elapsed_months)
    # (the printed time schedule, 66.67%, is the exact share rounded: read it at the change's places)
    places = max(change.places, 2)
    return replace(change, value=quantize_like(value, places), unit="%", places=places,
                   text=f"{fmt(value, places)}%", concept=None, implicit=True)


# how many figures back in its paragraph a last-year rate looks for this year's rate of its concept
EARLIER_LEVEL_REACH = 12


def _earlier_level(base: FactBase, prior: Fact) -> Fact | None:
    """This year's rate of the prior's concept stated earlier in its paragraph (预算执行进度41.34%。
    上年同期执行进度为38.72%，同比提高2.62个百分点): the nearest before it, within a few figures."""
    for f in base.facts[max(0, prior.id - EARLIER_LEVEL_REACH):prior.id][::-1]:
        if f.block != prior.block:
            return None
        if f.concept == prior.concept and f.unit == "%" and f.period == CURRENT and f.measure != "变动率" \
                and not f.comparator and f.source == "text":
            return f
    return None


def _document_level(base: FactBase, prior: Fact) -> Fact | None:
    """This year's rate of the prior's concept the document states elsewhere, one value wherever
    it is stated (预算执行率95.00% in the paragraph before …较上年（92.30%）提高…个百分点): the
    whole's rate, both naming no part before the rate's name (基本支出预算执行率, 财政拨款…, “三公”
    经费… are a part's)."""
    if _part_named(prior):
        return None
    return unique_value([f for f in base.of(prior.concept, "实际值", CURRENT) if f.unit == "%" and f.source == "text"
                          and not f.comparator and f.subject == prior.subject and f.id < prior.id
                          and not _part_named(f)])


def _part_named(rate: Fact) -> bool:
    """Words before the rate's name in its label name a part: a kind of money or a fund (基本支出,
    项目支出, “三公”经费, 财政拨款), not the unit's whole spending (部门整体支出) nor the unit itself
    (某区体育局, 本局, 2024年度)."""
    label = compact(rate.label)
    found = lexicon().concepts.all(label)
    start = next((s for s, _, c in found if c == rate.concept), None)
    if start is None:
        return False
    before = label[:start]
    whole = set(concepts().get("unit_totals") or ())
    named = [c for _, _, c in lexicon().concepts.all(before)]
    if any(c not in whole for c in named) or lexicon().funds.all(before):
        return True
    # (a kind of money the vocabulary does not know, 专项资金, 债券资金, 资本性支出: a part too;
    # not the unit's or the project's whole money, 全部资金, 本局年度资金, 项目资金)
    money = (*(concepts().get("topic_money_endings") or ()), "支出")
    if named or not any(w in before for w in money):
        return False
    return not names_whole_money(before, lexicon())


REACHED_WORDS_MAX = 4  # “，达到”, “，为”, “至”: a verb, no name of another thing


def _reached_words(label: str) -> bool:
    """The words before a rate right after a change say only where it reached (，达到98.6%), not
    another thing's name (），水质优良比例保持100%)."""
    words = compact(label).strip("，,、：: ")
    return len(words) <= REACHED_WORDS_MAX and not any(b in label for b in "（()）")


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
    if change is None or change.measure != "变动额" or change.is_money or not change.unit or change.unit == "%" \
            or not (compares_last_year(change.label, cues, year) or _stated_prior(sentence, change) is not None) \
            or (change.concept and rate.concept and change.concept != rate.concept):
        return None
    current = next((f for f in reversed(sentence) if f.id < change.id and f.unit == change.unit
                    and f.measure != "变动额" and f.period == CURRENT), None)
    # (with last year's figure stated before the change, 较上年（9,120人次）减少560人次, no current one needed)
    return (change, current) if current is not None or _stated_prior(sentence, change) is not None else None


def current_figure(base: FactBase, rate: Fact, change: Fact | None, sentence: list[Fact]) -> Fact | None:
    concept = (change.concept if change else None) or rate.concept
    # this year's figure: “较上年的 21.40 万元下降 14.21%” names last year's just before the rate
    # (not an amount per head or per vehicle: 人均接待费用200元 is no amount of the whole)
    # (of the measure an amount naming none is of: the outturn, or a plan's budget)
    here = [f for f in sentence if f.is_money and f.measure in ("决算", base.bare_measure) and f.concept == concept
            and f.period == CURRENT and not per_unit(f)]
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
        document_value(base, concept, base.bare_measure, rate.subject) if base.plan else None)


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


def table_rows(base: FactBase) -> list[list[Fact]]:
    """The figures of each table row, in reading order (built once per document)."""
    def group() -> list[list[Fact]]:
        rows: dict[tuple, list[Fact]] = {}
        for f in base.facts:
            if f.source == "table":
                rows.setdefault((f.block, f.loc.row), []).append(f)
        return list(rows.values())
    return base.remember(("table rows",), group)


def check_row_rate(base: FactBase, rule):
    from ...knowledge import concepts

    formulas = [(formula, tuple(compact(n) for n in formula.get("names") or [formula["rate"]]))
                for formula in concepts().get("row_rates") or ()]
    judged: set[int] = set()  # the rates a formula of row_rates found its terms for
    for facts in table_rows(base):
        # a scored row (分值, 得分) of a self-evaluation form is judged by the score rules (SCO002)
        scored = _scored_row(facts, rule)
        for formula, rate_names in formulas:
            # every column of the row the formula names (执行率 | … | 预计执行率: each of its own terms)
            for rate in (f for f in facts if f.unit == "%" and any(n in compact(f.header) for n in rate_names)):
                outcomes = list(_check_row_rate(base, facts, formula, rate, scored and not formula.get("in_scored_rows")))
                judged.update([rate.id] if outcomes else [])
                yield from (based("同行数据", o) if isinstance(o, Hit) else o for o in outcomes)
    yield from (based("同列数据", o) if isinstance(o, Hit) else o for o in _column_rates(base, rule, formulas, judged))
    yield from (based("同行数据", o) if isinstance(o, Hit) else o for o in _learned_row_rates(base, rule, judged))
    yield from (based("同列数据", o) if isinstance(o, Hit) else o for o in _learned_column_rates(base, rule, judged))
    yield from (based("句中数据", o) if isinstance(o, Hit) else o
                for o in _text_rates(base, [(f, n) for f, n in formulas if f["rate"] in rule.params["text_rates"]]))


def _text_rates(base: FactBase, formulas: list):
    """A rate of row_rates stated in a sentence after both its terms (该部分满分25分，实际得分24.83分，
    得分率为96.32%): the rate's name ends its words, the nearest figure of each term's measure
    before it in the sentence, past any rate before, are its terms."""
    for formula, rate_names in formulas:
        for rate in (f for f in base.facts if f.source == "text" and f.unit == "%" and not f.comparator
                     and compact(f.label).rstrip("".join(COPULAS)).endswith(rate_names)):
            before = facts_before(same_sentence(base, rate), rate)
            since = max((f.id for f in before if f.unit == "%"), default=-1)
            terms = [f for f in before if f.id > since and not f.comparator]
            # (the two terms alone in the run, of one thing: no other figure in their unit, a sub-weight
            # or points taken off, and no 其中 between a whole's points and a part's score)
            nums = [f for f in terms if f.measure == formula["numerator"]]
            dens = [f for f in terms if f.measure == formula["denominator"]]
            if len(nums) != 1 or len(dens) != 1:
                continue
            num, den = nums[0], dens[0]
            text = base.sentences.get((rate.block, rate.sentence), "")
            if num.unit != den.unit or sum(f.unit == num.unit for f in terms) != 2 or num.member != den.member \
                    or any(w in text[min(num.at, den.at):max(num.at, den.at)] for w in lexicon().list_openers):
                continue
            yield from rate_against(base, rate, num, den, formula["rate"], f"{formula['numerator']} ÷ {formula['denominator']}")


def _scored_row(facts: list[Fact], rule) -> bool:
    """Figures of a self-evaluation form's scored rows (分值, 得分 of a row): the score rules judge
    them. A project's whole score in a summary of projects (自评得分 beside its 执行率) scores no
    figure of its row (whole_score_concepts)."""
    whole = rule.params["whole_score_concepts"]
    return any(f.measure == "分值" or (f.measure == "得分" and f.concept not in whole) for f in facts)


def _learned_row_rates(base: FactBase, rule, judged: set[int]):
    """Rate columns by the formula most of their rows follow (kinds/rate_columns.py): those no
    formula of row_rates names (到位率, 支出率), and those whose row prints none of the terms the
    formula names (计划数 | 支出数 | 执行率); the rates `judged` by a row_rates formula are its."""
    heads = tuple(rule.params["rate_heads"])
    excluded = tuple(rule.params["not_rate_words"])
    for facts in base.by_table.values():
        if _scored_row(facts, rule):
            continue  # a self-evaluation form: its rates are the score rules' and row_rates' 完成率
        for rate, num, den in learned_rate_slips(facts, heads, excluded, ratio_fits):
            if rate.id in judged:
                continue
            if num is None or _fits_detail_sum(base, rate, num, den):
                yield CHECKED  # (a total row's rate of its rows' true sum: the total is the slip, SUM001's)
                continue
            yield from rate_against(base, rate, num, den, compact(rate.header) or "比率",
                                     f"{compact(num.header)} ÷ {compact(den.header)}（表中其余各行均按此计算）")


def _column_rates(base: FactBase, rule, formulas: list, judged: set[int]):
    """A row of rates under the rows of their terms, the things as columns (全年预算数 | 全年执行数 |
    执行率 rows under 中央资金 | 省级资金 | 合计): each column's rate against the figures right above
    it that its formula names, read by their rows' labels as a row's are by their columns' heads."""
    for facts in base.by_table.values():
        runs = None  # (the columns' runs, made only for a table holding such a rate)
        for rate in facts:
            if rate.unit != "%" or rate.comparator or rate.id in judged:
                continue
            for formula, rate_names in formulas:
                if not any(n in compact(rate.label) for n in rate_names) or any(n in compact(rate.header) for n in rate_names):
                    continue  # (a rate column's cell is the row-wise check's)
                runs = runs if runs is not None else column_runs(facts)
                run = runs.get(rate.id, [])
                if _scored_row([rate, *run], rule) and not formula.get("in_scored_rows"):
                    continue  # (an indicator's 预算执行率 row with its points: the score rules')
                outcomes = list(_check_row_rate(base, run, formula, rate, False, _column_term, _fits_row_parts))
                judged.update([rate.id] if outcomes else [])
                yield from outcomes


def _column_term(run: list[Fact], name: str, _own: bool, rate: Fact) -> Fact | None:
    """The figure right above a rate that a formula names by its row's label (全年执行数 for 决算),
    the nearest one."""
    for f in run:
        label = compact(f.label)
        if f.period == rate.period and f.unit not in ("%", "‰", "个百分点") and not f.comparator and (
                f.measure == name and lexicon().measures.last(label) == name
                or f.concept == name and lexicon().concepts.last(label) == name):
            return f
    return None


def _fits_row_parts(base: FactBase, rate: Fact, num: Fact, den: Fact) -> bool:
    """A 合计 column's rate fitting the sum of the row's figures before it where it does not fit the
    printed total: the total is misprinted (SUM005 tells it), and the rate, computed from the
    parts, is right. As _fits_detail_sum, down the other way."""
    if not compact(num.header).endswith(tuple(concepts().get("column_total_heads") or ())):
        return False
    parts = [f for f in base.by_table.get(num.block, ()) if f.loc.row == num.loc.row and f.loc.col < num.loc.col
             and f.measure == num.measure and f.unit == num.unit and f.period == num.period]
    if len(parts) < 2:
        return False
    summed = replace(num, value=sum((f.value for f in parts), Decimal(0)), places=max(f.places for f in parts))
    return ratio_fits(rate, summed, den)


def _learned_column_rates(base: FactBase, rule, judged: set[int]):
    """_learned_row_rates down the columns: a row of rates no formula of row_rates names (到位率
    under 计划数 | 到位数 rows, the sources as columns), by the two rows most columns follow. The
    table's scored rows (an indicator's 分值, 得分) are left out: the score rules' own."""
    heads = tuple(rule.params["rate_heads"])
    excluded = tuple(rule.params["not_rate_words"])
    for facts in base.by_table.values():
        if not any(f.unit == "%" and compact(f.label).endswith(heads) for f in facts):
            continue
        scored = {f.loc.row for f in facts if _scored_row([f], rule)}
        kept = {f.id: f for f in facts if f.loc.row not in scored}
        for rate, num, den in learned_rate_slips(transposed(list(kept.values()), heads), heads, excluded, ratio_fits):
            if rate.id in judged:
                continue
            if num is None:
                yield CHECKED
                continue
            rate, num, den = kept[rate.id], kept[num.id], kept[den.id]  # (as printed, not turned)
            if _fits_row_parts(base, rate, num, den):
                yield CHECKED  # (a 合计 column's rate of its parts' true sum: the total is the slip)
                continue
            yield from rate_against(base, rate, num, den, compact(rate.label) or "比率",
                                     f"{compact(num.label)} ÷ {compact(den.label)}（表中其余各列均按此计算）")


def _ceiling_cues(formula: dict) -> tuple[str, ...]:
    """The words of an indicator kept under its target (成本, 费用, 投诉): row_rates' ceiling_cues."""
    return tuple(formula.get("ceiling_cues") or ())


def _check_row_rate(base: FactBase, facts: list[Fact], formula: dict, rate: Fact, own: bool,
                    term=None, other_sum=None):
    """One rate column of a row against the row's figures its formula names (`term` finds them:
    _row_term; `other_sum`, another way a total's rate may be of its parts' true sum)."""
    term = term or _row_term
    num = next(filter(None, (term(facts, name, own, rate)
                             for name in (formula["numerator"], *formula.get("numerator_alternatives", ())))), None)
    den = term(facts, formula["denominator"], own, rate)
    if not (num and den):
        return  # the row prints no such terms: nothing to check the rate against
    if forecast(rate.header) and not forecast(num.header):
        return  # 预计全年执行率 is of the forecast, which the row does not print (not of 1-6月执行数)
    if num.unit != den.unit or PREFIX.get(den.comparator, den.comparator) in ("≤", "<"):
        return  # other units, or a ceiling (≤5件) whose completion is staying under it
    if formula.get("capped") and rate.value == HUNDRED and (num.value >= den.value or (
            num.value <= den.value and any(w in compact(rate.label) for w in _ceiling_cues(formula)))):
        yield CHECKED  # a target met beyond (or a cost kept under its ceiling): its completion is written 100%
        return
    if not ratio_fits(rate, num, den) and (_fits_detail_sum(base, rate, num, den)
                                      or other_sum is not None and other_sum(base, rate, num, den)):
        yield CHECKED  # a total row's rate of the detail rows' true sum: the total is the slip (SUM001)
        return
    if not ratio_fits(rate, num, den) and explained_otherwise(rate, [f for f in facts if f.loc.col != rate.loc.col]):
        yield CHECKED  # (支出进度 of 上年结转 + 本年预算: the row's own figures give it another way)
        return
    yield from rate_against(base, rate, num, den, formula["rate"], formula.get("terms")
                             or f"{formula['numerator']} ÷ {formula['denominator']}")


def check_table_share(base: FactBase, rule):
    """A share column (占比, 占基本支出比重, 比重) beside an amount column: each row's share is its
    amount ÷ the amount of the row printing 100% (the whole the column is a share of). The
    amount is the row's nearest money figure left of the share; a column with no single 100%
    row names no whole, and is not judged."""
    rates = lexicon().rate_measures
    for facts in base.by_table.values():
        shares: dict[int, list[Fact]] = {}
        parent = tuple(rule.params["parent_share_words"])
        for f in facts:
            if f.unit == "%" and f.header and rates.last(compact(f.header)) == "占比" \
                    and not any(w in f.header for w in parent):
                shares.setdefault(f.loc.col, []).append(f)  # (占上级项目比重: each row's of its parent)
        for col, column in shares.items():
            # a share headed with its year (2024年占比) is of that year's amounts, wherever they
            # stand; a bare 占比 of the amounts right before it; a head naming what it is a share
            # of (占支出比重) of the column whose head names that; of a budget (决算数占调整后预算
            # 比例) a row's execution, no share of a whole
            period = column[0].period if names_period(column[0].header) else None
            of = SHARE_OF_RE.search(compact(column[0].header))
            of = of.group(1) if of else ""
            if of and lexicon().measures.last(of) in BUDGET_MEASURES:
                continue
            # (中小企业占比 beside 采购金额 | 授予中小企业合同金额: each row's one amount over
            # another of the same row, read before any share of a whole row)
            across = _row_wise_shares(base, facts, column, col)
            if across is not None:
                yield from across
                continue
            # the amounts under a head naming that whole (支出金额 for 占支出比重) if any, else those
            # of the amount column the shares fit best, the nearest on a tie (合计 | 基本支出 |
            # 项目支出 | 占比: the shares may be of the 合计 column, not of the one beside them)
            named = [f for f in facts if of and f.is_money and f.loc.col < col and of in compact(f.header or "")]
            amounts = _share_amounts(named or facts, col, period, column)
            if amounts is None:
                continue
            wholes = [f for f in column if f.value == 100 and f.loc.row in amounts]
            whole = amounts[wholes[0].loc.row]
            parent = None  # the row a 其中 run is part of, for the rows going on with the run
            for rate in column:
                part = amounts.get(rate.loc.row)
                if rate is wholes[0] or part is None:
                    continue
                if SUBROW_RE.match(part.label):
                    parent = _parent_row_amount(amounts, rate.loc.row)
                if parent is not None and parent.value and not ratio_fits(rate, part, whole) and ratio_fits(rate, part, parent):
                    yield CHECKED  # a 其中 row's share of the row it is part of (其中：人员经费 of 基本支出)
                    continue
                if not SUBROW_RE.match(part.label) and (parent is None or ratio_fits(rate, part, whole)):
                    parent = None  # (a row of the whole ends the run)
                yield from rate_against(base, rate, part, whole, f"占{whole.concept or '合计'}的比例",
                                         f"{part.concept or '该行'} ÷ {whole.concept or '合计'}")


def _row_wise_shares(base: FactBase, facts: list[Fact], column: list[Fact], col: int) -> list | None:
    """A share column whose rows print one amount of the row over another of the same row (采购金额
    | 授予中小企业合同金额 | 中小企业占比: the share of each row's own purchases; the pair as a
    rate column's formula is learned, rate_columns.row_formula): each row checked on that pair,
    a row breaking it a slip, a row another pair of its figures explains left alone. None when
    the rows follow no pair: the column is read as shares of a whole row."""
    found = row_formula(facts, column, col)
    if found is None:
        return None
    rows, num_col, den_col = found
    outcomes: list = []
    for rate in column:
        cells = rows.get(rate.loc.row, {})
        num, den = cells.get(num_col), cells.get(den_col)
        if num is None or den is None or not den.value or num.unit != den.unit:
            continue
        if not ratio_fits(rate, num, den) and explained_otherwise(rate, [cells[c] for c in sorted(cells) if c < col]):
            outcomes.append(CHECKED)
            continue
        num_name, den_name = (SUBROW_RE.sub("", bare_head(f.header)) or "该列" for f in (num, den))
        outcomes.extend(rate_against(base, rate, num, den, f"{num_name}占{den_name}的比例",
                                      f"{num_name} ÷ {den_name}（表中其余各行均按此计算）"))
    return outcomes


# the printed shares of the rows a 合计 row totals may add up to 100% give or take their tails and
# a tail moved to make 100%; one point leaves room for those, not for a row that is no part
SHARE_SUM_SLACK = Decimal(1)


def _whole_row(column: list[Fact], amounts: dict[int, Fact], whole_rate: Fact) -> bool:
    """The row printing 100% is the whole the column's shares are of: a 合计 (总计) row whose other
    rows (其中 rows out) print shares adding up to about 100%, or amounts adding up to its own.
    (A row of 100% among rates of each row's own, 工程 305.18 | 305.18 | 100.00, is no whole.)"""
    whole = amounts[whole_rate.loc.row]
    rows = [r for r in column if r is not whole_rate and r.loc.row in amounts]
    heading = _heads_its_list(rows, amounts, whole_rate)
    if not heading and not TOTAL_ROW_RE.match(whole.label or ""):
        return False
    top = rows if heading else _top_rows(rows, amounts)
    if len(top) < 2:
        return False
    shares = sum((r.value for r in top), Decimal(0))
    parts = [amounts[r.loc.row] for r in top]
    slack = whole.half_unit + sum((f.half_unit for f in parts), Decimal(0))
    return abs(shares - HUNDRED) <= SHARE_SUM_SLACK or abs(sum((f.value for f in parts), Decimal(0)) - whole.value) <= slack


def _heads_its_list(rows: list[Fact], amounts: dict[int, Fact], whole_rate: Fact) -> bool:
    """The 100% row stands first, over one 其中 list of all the rows after it (项目总投资 | 其中：项目
    资本金 | 专项债券 | 其他债务融资): a whole no total word names, its parts those rows (the shares or
    amounts adding up bear it out, as for a 合计)."""
    ordered = sorted(rows, key=lambda r: r.loc.row)
    return bool(ordered) and whole_rate.loc.row < ordered[0].loc.row \
        and [bool(SUBROW_RE.match(amounts[r.loc.row].label or "")) for r in ordered] == [True, *[False] * (len(ordered) - 1)]


def _top_rows(column: list[Fact], amounts: dict[int, Fact]) -> list[Fact]:
    """The shares of the rows a total adds up: no 其中 row, no 小计, and no row going on with a 其中
    run (基本支出 | 其中：人员经费 | 公用经费 | 项目支出: 公用经费 is 基本支出's too) while the run's
    amounts are short of the row it is part of."""
    top, run, parent = [], Decimal(0), None
    for rate in sorted(column, key=lambda r: r.loc.row):
        amount = amounts[rate.loc.row]
        label = amount.label or ""
        if SUBROW_RE.match(label):
            parent = parent if run else (amounts[top[-1].loc.row] if top else None)
            run += amount.value
        elif parent is not None and run < parent.value - parent.half_unit:
            run += amount.value  # (the run goes on: its parts do not yet make its parent)
        elif not SUBTOTAL_ROW_RE.match(label):
            top.append(rate)
            run, parent = Decimal(0), None
    return top


def _parent_row_amount(amounts: dict[int, Fact], row: int) -> Fact | None:
    """The amount of the nearest row above that is no 其中 row: the whole a 其中 row is part of."""
    for r in sorted((r for r in amounts if r < row), reverse=True):
        if not SUBROW_RE.match(amounts[r].label):
            return amounts[r]
    return None


def _share_amounts(facts: list[Fact], col: int, period, column: list[Fact]) -> dict[int, Fact] | None:
    """Row -> amount of the money column left of a share column that its shares fit best (most
    rows holding), the nearest on a tie; None when no column has one 100% row to be the whole."""
    by_col: dict[int, dict[int, Fact]] = {}
    for f in facts:
        if f.is_money and f.measure != "变动额" and f.loc.col < col and period in (None, f.period):
            by_col.setdefault(f.loc.col, {}).setdefault(f.loc.row, f)
    best, best_key = None, None
    for c, amounts in by_col.items():
        wholes = [f for f in column if f.value == 100 and f.loc.row in amounts]
        if len(wholes) != 1 or amounts[wholes[0].loc.row].value == 0 or not _whole_row(column, amounts, wholes[0]):
            continue
        whole = amounts[wholes[0].loc.row]
        fits = sum(1 for rate in column if rate.loc.row in amounts and rate is not wholes[0]
                   and ratio_fits(rate, amounts[rate.loc.row], whole))
        key = (fits, c)
        if best_key is None or key > best_key:
            best, best_key = amounts, key
    return best


TOTAL_ROW_RE = re.compile(r"^\s*(?:合\s*计|总\s*计)|^.{0,12}(?:合计|总计)\s*$")  # (合计, 总计; 收入合计 closing its rows)
SUBTOTAL_ROW_RE = re.compile(r"^\s*小\s*计")


def _fits_detail_sum(base: FactBase, rate: Fact, num: Fact, den: Fact) -> bool:
    """A 合计 (or 小计) row's rate fitting the sum of the rows it totals (the same column's figures
    of the same measure, 其中 rows out; a 小计's, the rows right above it up to its group's
    heading) where it does not fit the printed total: the total is misprinted, and the rate,
    computed from the detail, is right."""
    summed = detail_sum(base, num)
    return summed is not None and ratio_fits(rate, summed, den)


def detail_sum(base: FactBase, total: Fact) -> Fact | None:
    """A 合计 (or 小计) row's cell as the rows it totals add it up (the same column's figures of the
    same measure, 其中 rows out; a 小计's, the rows right above it up to its group's heading)."""
    column = [f for f in base.by_table.get(total.block, ()) if f.loc.col == total.loc.col and f is not total
              and f.measure == total.measure and f.period == total.period and f.unit == total.unit]
    if SUBTOTAL_ROW_RE.match(total.label or ""):
        detail = _group_above(column, total.loc.row)
    elif TOTAL_ROW_RE.match(total.label or ""):
        detail = [f for f in column if not SUBROW_RE.match(f.label or "") and not TOTAL_ROW_RE.match(f.label or "")
                  and not SUBTOTAL_ROW_RE.match(f.label or "")]
    else:
        return None
    if len(detail) < 2:
        return None
    return replace(total, value=sum((f.value for f in detail), Decimal(0)), places=max(f.places for f in detail))


def _group_above(column: list[Fact], row: int) -> list[Fact]:
    """The figures of the rows right above `row`, up to a row without one (the group's heading)
    or another total's."""
    by_row = {f.loc.row: f for f in column}
    group, r = [], row - 1
    while r in by_row and not (SUBTOTAL_ROW_RE.match(by_row[r].label or "") or TOTAL_ROW_RE.match(by_row[r].label or "")):
        group.append(by_row[r])
        r -= 1
    return group


def forecast(head: str) -> bool:
    """A column head naming a forecast (预计全年执行数, 预计执行率), as the fact reader tells one."""
    return names_forecast(compact(head or ""), lexicon())


def _row_term(facts: list[Fact], name: str, scored: bool, rate: Fact) -> Fact | None:
    """The row's figure a formula names: by its concept (实有人数), else by its measure (决算, 全年
    预算: the row's 全年执行数 and 全年预算数). A row stating that measure more than once takes the
    nearest left of the rate (全年预算 | 1-6月执行 | 执行率 | 预计全年执行 | 预计执行率: each rate
    is of the columns before it)."""
    found = next((f for f in facts if f.concept == name), None)
    if found is not None or scored:
        return found
    # (a rate of last year's (上年同期执行进度) is of last year's figures; a forecast's rate, 预计执行率,
    # of the forecast's, whose cells no other rate reads as what was done)
    if name in OUTCOME_MEASURES and forecast(rate.header):
        name = FORECAST
    # (an indicator's own figures in %, 治理率 ≥45% | 41%, are the terms of its completion; no other
    # rate of the row is: 执行率 beside the amounts names another thing than the row's)
    measured = [f for f in facts if f.measure == name and f.period == rate.period
                and (f.unit not in ("%", "‰", "个百分点") or f.unit == "%" and f is not rate
                     and f.concept is not None and f.concept == rate.concept)]
    if len(measured) <= 1:
        return measured[0] if measured else None
    # (a head naming the measure, 实际支出, before one read as it only for want of another word:
    # 预算数 | 实际支出 | 结余 | 执行率 is of 实际支出, not of the balance nearer the rate)
    measures = lexicon().measures
    measured = [f for f in measured if measures.last(compact(f.header)) == name] or measured
    before = [f for f in measured if f.loc.col is not None and rate.loc.col is not None and f.loc.col < rate.loc.col]
    return max(before, key=lambda f: f.loc.col) if before else None


def check_row_change(base: FactBase, rule):
    """A row stating one thing's figure for this year and for last year beside its change
    (增减额) and/or the change's rate (增减率): 增减额 = 本年 − 上年, 增减率 = 增减额 ÷ 上年, each
    figure the interval its print allows. Signs are the table's: −2.00 is a fall. A change
    column whose head names its base (决算数较预算数增减) compares other figures: left alone."""
    rate_words = lexicon().rate_measures
    for facts in table_rows(base):
        hits: list[tuple[str, Fact, Hit, tuple[Fact, Fact]]] = []  # (change / rate, its figure, hit, pair)
        flows = _flow_columns(facts)
        for f in facts:
            # a % figure under a head naming a rate (增减率 under a 比上年增减 group) is a rate
            is_rate = f.unit == "%" and rate_words.last(compact(f.header)) == "变动率"
            is_change = not is_rate and f.measure == "变动额"
            if not (is_change or is_rate) or f.id in flows:
                continue
            on_last_year, measure = _change_head(f.header, rule.params["base_cues"], rule.params["other_period_cues"],
                                                 base.year)
            cues = rule.params["base_cues"]
            pair = _group_year_pair(facts, f.header, base.year, cues) if on_last_year else None
            basis = f"{base.year + 1}年数与{base.year}年数" if pair else "本年数与上年数"
            ends = (None, None)
            if pair is None and on_last_year and not _names_other_year(f.header, base.year, cues):
                pair = _year_pair(facts, measure)
                if pair is None and measure is None:
                    pair = ends = _year_ends(facts, rule.params["closing_heads"], rule.params["opening_heads"])
                    basis = "年末数与年初数"
            if pair is None:
                continue
            current, prior = _on_named_base(facts, f.header, cues, pair) if ends[0] is None else pair
            now, then = ("年末", "年初") if ends[0] is not None else ("本年", "上年")
            if is_change and _same_family(f, current):
                yield CHECKED
                hit = difference_hit(f, current, prior, 1, None, "增减额",  # signed: the table prints −2.00
                                      f"{now} {current.text} − {then} {prior.text}（{current.where()}；{prior.where()}）",
                                      quote=f.quote, stated=f.text, highlights=(current.loc, prior.loc))
            elif is_rate and bounds(prior)[0] > 0:  # nothing last year: no rate of change
                yield CHECKED
                hit = _row_growth(f, current, prior, now, then)
            else:
                continue
            if hit is not None:
                hit.fields["basis"] = basis
                hits.append(("rate" if is_rate else "change", f, hit, pair))
        yield from _told_once(hits)


def _flow_columns(facts: list[Fact]) -> set[int]:
    """The row's amounts under a head naming only a rise (本年增加) when another names only a fall
    (本年减少): a balance's inflow and outflow between its opening and closing (SUM008 sums
    them), neither of them the net change the closing and opening figures differ by, nor its rate
    (a bare 本年增加 reads as a rise's rate; a head printing % or ending in 率 does name one)."""
    directions = lexicon().directions
    ups, downs = [], []
    for f in facts:
        head = compact(f.header)
        if f.measure in ("变动额", "变动率") and "%" not in head and not bare_head(head).endswith("率"):
            kinds = {kind for _, _, kind in directions.all(head)}
            if kinds == {"up"}:
                ups.append(f.id)
            elif kinds == {"down"}:
                downs.append(f.id)
    return set(ups + downs) if ups and downs else set()


def _on_named_base(facts: list[Fact], header: str, cues: list[str], pair: tuple[Fact, Fact]) -> tuple[Fact, Fact]:
    """The pair of years, its last year's figure the one the head names as the base (比上年预计执行数
    增长%: on last year's forecast outturn, not on last year's budget beside it) where the row states
    exactly one such."""
    current, prior = pair
    base_words = _head_split(header, cues)[1]
    named = next((m[2] for m in lexicon().measures.all(base_words) if m[2] != "变动额"), None)
    if named in OUTCOME_MEASURES and forecast(base_words):
        named = FORECAST  # (比上年预计执行数: the forecast's column, whose cells are no outturn)
    if named is None or prior.measure == named:
        return pair
    of_base = [g for g in facts if g.period == prior.period and g.measure == named and g.unit == prior.unit]
    return (current, of_base[0]) if len(of_base) == 1 else pair


def _told_once(hits: list[tuple]) -> list[Hit]:
    """The row's hits, those of one pair of years whose change and rate point at one of the two
    figures (see _year_slip) told once as that figure's."""
    out, by_pair = [], {}
    for kind, f, hit, pair in hits:
        by_pair.setdefault((pair[0].id, pair[1].id), {}).setdefault(kind, []).append((f, hit, pair))
    for kinds in by_pair.values():
        one = {kind: found[0] for kind, found in kinds.items() if len(found) == 1}
        slip = _year_slip(one) if len(one) == len(kinds) else None
        out.extend(slip or [hit for found in kinds.values() for _, hit, _ in found])
    return out


def _year_slip(hits: dict) -> list[Hit] | None:
    """One hit on a year's figure where the row's change and rate both fail against it but agree
    with each other on the other year's (526.40 | 489.20 | 28.20 | 5.66: 28.20 ÷ (526.40 − 28.20)
    is 5.66%, so last year's is 498.20, misprinted): that figure is the slip, not the two."""
    if set(hits) != {"change", "rate"}:
        return None
    (change, _, (current, prior)), (rate, _, _) = hits["change"], hits["rate"]
    delta = change.in_yuan()
    factor = MONEY_UNITS.get(prior.unit, Decimal(1)) if prior.is_money else Decimal(1)
    for wrong, right_value, label in ((prior, current.in_yuan() - delta, "上年数"),
                                      (current, prior.in_yuan() + delta, "本年数")):
        base_value = right_value if wrong is prior else prior.in_yuan()
        if base_value <= 0:
            continue
        fixed = replace(wrong, value=right_value / factor)
        other = current if wrong is prior else prior
        if ratio_fits(replace(rate, value=abs(rate.value)), replace(change, value=abs(change.value)), fixed if wrong is prior else prior):
            shown = fmt(right_value / factor, wrong.places, wrong.text)
            return [Hit(quote=wrong.quote, location=wrong.loc, stated=wrong.text, expected=shown,
                        formula=f"{label}：{other.text} {'−' if wrong is prior else '+'} 增减额 {change.text} = {shown}；"
                                f"增减率 {rate.text} 与增减额 {change.text} 也按此相符（同行的增减额、增减率两处都与该数不符）",
                        fields={"rate": wrong.text, "computed": shown, "relation": f"{wrong.label or '该行'}的{label}",
                                "basis": f"{'本年数' if wrong is prior else '上年数'}与增减额、增减率"},
                        highlights=[change.loc, rate.loc, other.loc])]
    return None


def _change_head(header: str, cues: list[str], other_periods: list[str] = (),
                 year: int | None = None) -> tuple[bool, str | None]:
    """(whether a change column is one on last year, the measure it compares): “决算数比上年
    增减额” is 决算's on last year; “决算数较预算数增减” compares with the budget, not last year;
    a change on another period (环比增减率, 较上季度) neither, nor one on a year before last
    (2025年比2023年增长 in a 2025 budget); a head naming no base (增减额, 决算数增减率) is on last year."""
    lex = lexicon()
    head = compact(header)
    if any(w in head for w in other_periods):
        return False, None
    at = min((k for k in (head.find(c) for c in cues) if k >= 0), default=-1)
    left, right = (head[:at], head[at:]) if at >= 0 else (head, "")
    named_years = [int(y) for y in YEAR_NUMBER_RE.findall(right)]
    if year and named_years and named_years[0] != year - 1:
        return False, None
    if right and not (lex.prior.search(right) or YEAR_NUMBER_RE.search(right)):
        if any(m[2] != "变动额" for m in lex.measures.all(right)):
            return False, None  # 较预算数, 比年初预算: another base than last year
    named = [m[2] for m in lex.measures.all(left) if m[2] != "变动额"]
    return True, named[-1] if named else None


def _head_split(header: str, cues: list[str]) -> tuple[str, str]:
    """A change column's head (compacted) before and from its base cue (比, 较)."""
    head = compact(header)
    at = min((k for k in (head.find(c) for c in cues) if k >= 0), default=len(head))
    return head[:at], head[at:]


def _head_year(header: str, cues: list[str]) -> int | None:
    """The one year a change column's head names before its base (2026年 over 比上年执行数增长%
    in a table of 2025's execution and 2026's budget: the change of 2026's figure)."""
    years = set(YEAR_NUMBER_RE.findall(_head_split(header, cues)[0]))
    return int(years.pop()) if len(years) == 1 else None


def _names_other_year(header: str, year: int | None, cues: list[str]) -> bool:
    named = _head_year(header, cues)
    return bool(year) and named is not None and named != year


def _group_year_pair(facts: list[Fact], header: str, year: int | None, cues: list[str]) -> tuple[Fact, Fact] | None:
    """A change column in the next year's group (2026年 | 比上年执行数增长%, beside 2025年's 预算数 and
    执行数): (next year's figure, this year's figure of the measure the head compares with, else
    of the next year's measure); None for any other column."""
    if not year or _head_year(header, cues) != year + 1:
        return None
    amounts = [f for f in facts if f.unit not in ("%", "‰", "") and f.measure != "变动额"]
    later = [f for f in amounts if f.period == LATER]
    if len(later) != 1:
        return None
    named = [m[2] for m in lexicon().measures.all(_head_split(header, cues)[1]) if m[2] != "变动额"]
    measure = named[-1] if named else later[0].measure
    current = [f for f in amounts if f.period == CURRENT and f.measure == measure]
    if len(current) != 1 or not _same_family(later[0], current[0]):
        return None
    return later[0], current[0]


def _year_pair(facts: list[Fact], measure: str | None = None) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) figure of the row: the only one of each, else the one pair of
    the same measure and dimension (本年决算数 / 上年决算数 beside 本年预算数); of `measure`
    when the change's head names one (决算数增减额)."""
    if any(f.measure in ("分值", "得分") for f in facts):
        return None  # a scored row: the score rules judge it
    amounts = [f for f in facts if f.unit not in ("%", "‰", "") and f.measure != "变动额"]
    current = [f for f in amounts if f.period == CURRENT and measure in (None, f.measure)]
    prior = [f for f in amounts if f.period == PRIOR and measure in (None, f.measure)]
    if len(current) == 1 and len(prior) == 1:
        pairs = [(current[0], prior[0])]
    else:
        pairs = [(c, p) for c in current for p in prior if c.measure == p.measure and c.member == p.member]
    if len(pairs) > 1 and len(prior) == 1 and len(current) >= 3:
        # (行政单位 | 事业单位 | 合计 | 上年数: the one figure of last year is the total's)
        total = _sum_of_others(current)
        pairs = [(total, prior[0])] if total is not None and any(c is total for c, _ in pairs) else pairs
    if len(pairs) != 1 or not _same_family(*pairs[0]):
        return None
    return pairs[0]


def _sum_of_others(facts: list[Fact]) -> Fact | None:
    """The one figure of a row that is the sum of its others within their print (行政单位 23,518 |
    事业单位 41,762 | 合计 65,280): the row's total; None if none is, or the figures are of kinds."""
    if not all(_same_family(f, facts[0]) for f in facts):
        return None
    places = max(f.places for f in facts)
    spans = [bounds(f, places) for f in facts]
    low, high = sum(lo for lo, _ in spans), sum(hi for _, hi in spans)
    # (f is the others' sum where f's interval meets theirs: their sum's bounds less f's own)
    found = [f for f, (lo, hi) in zip(facts, spans) if lo <= high - hi and low - lo <= hi]
    return found[0] if len(found) == 1 else None


def _year_ends(facts: list[Fact], closing: list[str], opening: list[str]) -> tuple[Fact, Fact] | None:
    """(the closing, the opening) figure of a stock in a row of this year's figures only, its two
    ends by their heads (年末数 | 年初数 | 增减率): one of each; None otherwise."""
    amounts = [f for f in facts if f.unit not in ("%", "‰", "") and f.measure != "变动额"]
    if not closing or not opening or any(f.period != CURRENT for f in amounts):
        return None
    ends = [[f for f in amounts if any(w in compact(f.header) for w in words)] for words in (closing, opening)]
    if len(ends[0]) != 1 or len(ends[1]) != 1 or ends[0][0] is ends[1][0] or not _same_family(ends[0][0], ends[1][0]):
        return None
    return ends[0][0], ends[1][0]


def _same_family(a: Fact, b: Fact) -> bool:
    """Money with money (万元 against 元 is converted), a quantity with the same unit."""
    return a.is_money == b.is_money and (a.is_money or a.unit == b.unit)


def _row_growth(rate: Fact, current: Fact, prior: Fact, now: str = "本年", then: str = "上年") -> Hit | None:
    """The rate against (current − prior) ÷ prior; last year's figure is above 0 (`now`, `then`:
    the two figures' names in the formula, 年末 and 年初 for a stock's two ends)."""
    (c_lo, c_hi), (p_lo, p_hi) = bounds(current), bounds(prior)
    # c ÷ p is monotonic in each of them where p > 0: its range is at the corners
    corners = [c / p for c in (c_lo, c_hi) for p in (p_lo, p_hi)]
    lo, hi = (min(corners) - 1) * HUNDRED, (max(corners) - 1) * HUNDRED
    if consistent(rate, lo, hi):
        return None
    computed = (current.in_yuan() / prior.in_yuan() - 1) * HUNDRED
    hit = rate_hit(rate, computed, "增减率", f"（{now} {current.text} − {then} {prior.text}）÷ {then} {prior.text} "
               f"= {fmt(computed)}%（{current.where()}；{prior.where()}）", signed=True)
    hit.highlights = [current.loc, prior.loc]
    return hit


def check_year_change(base: FactBase, rule):
    """“…32.00万元，比上年减少4.00万元” against this year's and last year's figure of the change's
    concept: in its sentence first, else the one value the document agrees on (a table's 本年
    and 上年 columns). The direction is DIR002's to judge; this checks the size."""
    cues = rule.params["year_on_year_cues"]
    for change in (f for f in base.facts if f.source == "text" and not f.comparator and f.measure == "变动额"
                   and f.sign and not f.is_money and f.unit not in ("%", "‰", "")):
        yield from _count_year_change(base, change, cues, rule.params["count_other_base_words"])
    for change in (f for f in base.facts if f.source == "text" and not f.comparator and f.measure == "变动额" and f.is_money
                   and f.sign):
        sentence = facts_before(same_sentence(base, change), change)
        after = _base_after_change(base, change, sentence)
        if after is not None:
            yield from after
            continue
        if change.concept is None:
            yield from _unnamed_year_change(base, change, sentence, cues)
            continue
        # the words since the figure before (与上年相比，本年支出减少…: the cue may open the clause before)
        text = base.sentences.get((change.block, change.sentence), "")
        label = compact(text[sentence[-1].at + len(sentence[-1].text) if sentence else 0:change.at])
        if sentence and sentence[-1].period == PRIOR and sentence[-1].concept == change.concept and sentence[-1].is_money:
            # (年末余额比上年末62.17亿元增加…: the base stated right before the change, the cue before it)
            label = compact(sentence[-1].label) + label
        on_budget = names_budget_base(label)
        if not compares_last_year(label, cues, base.year) or (on_budget and not base.plan):
            # a change on a plan or a budget (比上年预算), or between two named years; in a budget's
            # report, 比2025年预算数 is its year on year: on last year's budget
            continue
        current = current_figure(base, change, change, sentence)
        if current is None or (on_budget and current.measure not in BUDGET_MEASURES):
            continue
        # last year's figure of the same measure: a budget's year on year (部门预算) may be on last
        # year's budget or its outturn. One the sentence states, or the change's words name (比上年
        # 决算数, 比上年预算数), is the one meant; else either the document agrees on that holds
        named_outturn = any(m == "决算" for *_, m in lexicon().measures.all(label))
        measures = ([current.measure] if current.measure in BUDGET_MEASURES and not named_outturn else []) \
            + ([] if on_budget else ["决算"])
        stated = [f for measure in measures for f in reversed(sentence) if f.is_money and f.measure == measure
                  and f.concept == change.concept and f.period == PRIOR]
        priors = stated[:1] or [p for p in (prior_value(base, change, current, m) for m in measures) if p is not None]
        if not priors:
            continue
        yield CHECKED
        hits = [difference_hit(change, current, prior, change.sign, ("增加", "减少"), "较上年增减额",
                                f"本年 {current.text}（{current.where()}）− 上年 {prior.text}（{prior.where()}）",
                                quote=change.quote, stated=change.quote,
                                highlights=(current.loc, prior.loc), direction_elsewhere=True) for prior in priors]
        if None not in hits and not _whole_may_be_meant(base, change, current):
            yield hits[0]


def _whole_may_be_meant(base: FactBase, change: Fact, current: Fact) -> bool:
    """The change follows a part listed under a whole (本年支出合计1,270.00万元，其中项目支出480.00万元，
    占37.80%，比上年减少30.00万元) and may be the whole's: its size fits the whole's two years, or the
    whole's last year is not known."""
    whole = base.whole_before_part(change, current.concept)
    if whole is None:
        return False
    prior = prior_value(base, replace(change, concept=whole.concept), whole) if whole.concept else None
    return prior is None or difference_misfit(change, whole, prior, change.sign) is None


def _count_year_change(base: FactBase, change: Fact, cues: list[str], other_base: list[str]):
    """“年末退休人员566人，比上年末减少28人”: a count's change on last year right after this year's
    count of it in the same unit, against last year's count the document agrees on (a table's
    上年末 column); its size and its way (no other rule compares a count's way with a table's)."""
    sentence = facts_before(same_sentence(base, change), change)
    if not sentence or sentence[-1].unit != change.unit:
        return
    current = sentence[-1]
    text = base.sentences.get((change.block, change.sentence), "")
    label = compact(text[current.at + len(current.text):change.at])
    if current.period != CURRENT or current.measure not in ("实际值", "得分") or not current.concept or current.comparator \
            or change.concept not in (None, current.concept) or not compares_last_year(label, cues, base.year) \
            or names_budget_base(label) or _other_base(label, cues, other_base):
        return
    # last year's figure stated before this year's in the sentence (2023年度绩效评价得分为91.20分，
    # 本年度得分97.40分，较上年提高5.20分: a score, or a count), else the table's
    stated = next((f for f in reversed(sentence[:-1]) if f.period == PRIOR and f.concept == current.concept
                   and f.unit == current.unit and f.measure == current.measure and not f.comparator
                   and f.subject == current.subject), None)

    # the two years' counts of the one group the table states: this year's as the table has it (a
    # subgroup, 其中在编112人, or another body's count, 局机关31人, is not the row's)
    def of_row(period: str) -> Fact | None:
        return unique_value([f for f in base.of(current.concept, "实际值", period) if f.source == "table"
                              and f.subject == current.subject and not f.member and f.unit in (current.unit, "")])
    prior, now = (stated, current) if stated is not None else \
        (of_row(PRIOR), of_row(CURRENT)) if current.measure == "实际值" else (None, None)
    if prior is None or now is None or not meets(now, current):
        return
    yield CHECKED
    hit = difference_hit(change, current, prior, change.sign, ("增加", "减少"), "较上年增减",
                          f"本年 {current.text} − 上年 {prior.text}（{prior.where()}）",
                          quote=base.span(current, change), stated=change.quote, highlights=(current.loc, prior.loc))
    if hit is not None:
        yield hit


def _other_base(label: str, cues: list[str], words: list[str]) -> bool:
    """The change's words compare with something besides last year's count of the thing: another
    thing or a measure (较上年末核定编制数), or the rule's words (上年同期, 分别)."""
    lex = lexicon()
    rest = label
    for cue in cues:
        rest = rest.replace(cue, "")
    return bool(lex.concepts.all(rest) or lex.measures.all(rest)) or any(w in label for w in words)


def _base_after_change(base: FactBase, change: Fact, sentence: list[Fact]):
    """“收入预算2,350.00万元，比2024年预算增加150.00万元（2024年预算为2,250.00万元）”: the base stated
    right after the change, last year's figure of this year's measure and thing, the one amount
    after it in the sentence; the change is this year's figure less it. None when the sentence
    is not so (the other readings judge it)."""
    following = [f for f in same_sentence(base, change) if f.id > change.id]
    money = [f for f in sentence if f.is_money and f.measure != "变动额"]
    if len(following) != 1 or not money:
        return None
    current, prior = money[-1], following[0]
    # (after a 其中 list still open the change is its whole's: 支出预算…，其中基本支出…，项目支出…，
    # 比上年增加…（上年预算为…）)
    head = list_head(base.sentences.get((change.block, change.sentence), ""), money)
    current = head if head is not None else current
    if not prior.is_money or prior.period != PRIOR or current.period != CURRENT or current.measure != prior.measure \
            or prior.concept not in (None, current.concept) or change.concept not in (None, current.concept) \
            or current.subject != prior.subject or current.unit != prior.unit:
        return None
    hit = difference_hit(change, current, prior, change.sign, ("增加", "减少"), "较上年增减额",
                          f"本年 {current.text} − 上年 {prior.text}", quote=base.span(current, prior),
                          stated=change.quote, highlights=(current.loc, prior.loc))
    return [CHECKED] + ([hit] if hit is not None else [])


def _unnamed_year_change(base: FactBase, change: Fact, sentence: list[Fact], cues: list[str]):
    """“2024年支出1,836.20万元，上年为1,620.80万元，同比减少215.40万元”: a change naming nothing right
    after this year's and last year's amounts naming nothing, in that order; its size and its way
    (no other rule knows these two amounts to be one thing's)."""
    money = [f for f in sentence if f.is_money and f.measure != "变动额"]
    text = base.sentences.get((change.block, change.sentence), "")
    if len(money) < 2 or money[-1] is not sentence[-1]:
        return
    current, prior = money[-2], money[-1]
    label = compact(text[prior.at + len(prior.text):change.at])
    # (outturn on outturn, or in a budget, a year's budget on last year's: 2025年支出预算…，2024年…)
    if current.period != CURRENT or prior.period != PRIOR or current.concept or prior.concept \
            or current.measure != prior.measure or current.measure not in ("决算", *BUDGET_MEASURES) \
            or current.subject != prior.subject or not compares_last_year(label, cues, base.year):
        return
    yield CHECKED
    hit = difference_hit(change, current, prior, change.sign, ("增加", "减少"), "较上年增减额",
                          f"本年 {current.text} − 上年 {prior.text}", quote=base.span(current, change),
                          stated=change.quote, highlights=(current.loc, prior.loc))
    if hit is not None:
        yield hit


def check_per_head(base: FactBase, rule):
    """“全年公用经费85.28万元，年末实有在职人员52人，人均公用经费1.85万元”: the amount per head is
    the total of its thing ÷ the count of heads it is over (the words per_head names and the units
    it counts in; kinds/per_head_counts.py finds the count, in the sentence or before it). A figure
    per month (人均每月, 月人均) is left alone. The amount may be a count of its own, per place
    (校均受益学生241人: the 受益学生 ÷ the 所 of schools)."""
    per_head = rule.params["per_head"]
    units = {u for us in per_head.values() for u in us}
    words = HeadWords.of(rule.params)
    counts = None  # (read on the first figure per head: most documents have none)
    looked = 0
    # (base.facts: a figure after 按…计算 is in no index, see FactBase.add)
    for per in base.facts:
        word = _per_head_word(per, per_head, units, rule)
        basis = basis_of(base, per, words) if word else ""
        # (按年末在职人员计算人均公用经费: the basis makes the figure one on another 口径, yet it
        # names only the heads it is over; a 口径 naming none, 按可比口径计算, is another basis)
        if word is None or (per.comparator and not basis):
            continue
        counts = counts or HeadCounts(base, units, words)
        # (the document before the paragraph is read for the first DOCUMENT_REACH figures only)
        reach, looked = looked < DOCUMENT_REACH, looked + 1
        named = tuple(_qualifier_names(compact(per.label).split(word, 1)[0], rule))
        count = counts(per, word, per_head[word], basis, reach, named)
        if count is None or count_bounds(count)[0] <= 0:
            continue
        key = (per.block, per.sentence)
        totals = _per_head_totals(base, key, base.by_sentence.get(key, []), per, word, rule, reach)
        if len(totals) == 1:
            yield from _judge_per_head(base, per, totals[0], count, word, rule)
    # a table's column of amounts per head, row by row (kinds/per_head_columns.py)
    for per, total, count, word in per_head_rows(base, per_head, tuple(rule.params["per_period_words"]),
                                                 tuple(rule.params["thing_verbs"])):
        yield from _judge_per_head(base, per, total, count, word, rule)


# figures per head of a document whose count and total are looked for in all the prose before them
# (a pass over its figures each): a document of hundreds of them, a yearbook, is judged on nearer
# places beyond these, so the cost stays linear
DOCUMENT_REACH = 50


def _per_head_word(per: Fact, per_head: dict, units: set[str], rule) -> str | None:
    """The word per head (人均, 亩均) a figure in prose is stated with: an amount of money, or a
    count in a unit of heads (校均受益学生241人); none for a figure per month or per visit."""
    if per.source != "text" or per.comparator not in ("", OTHER_BASIS) or not (per.is_money or per.unit in units):
        return None
    word = next((w for w in per_head if w in per.label), None)
    if word is None or per.unit in per_head[word] or any(w in per.label for w in rule.params["per_period_words"]):
        return None
    return word


def _per_head_totals(base: FactBase, key: tuple[int, int], facts: list[Fact], per: Fact, word: str, rule,
                     reach: bool) -> list[Fact]:
    """The total an amount per head is of: its thing's in the sentence, else where the sentence
    says it is (see below), else stated once before it in the document, else the one value the
    document's tables agree on. A thing narrowed by the words before the word per head (住院次均
    费用: 住院收入, not any 收入) is looked for so named first; found nowhere, as the words after."""
    head, thing = compact(per.label).split(word, 1)
    thing = _without_copulas(thing)
    # (人均获得劳务报酬: the thing is 劳务报酬; 次均门诊费用: the patients' 费用 are the 门诊收入)
    thing = next((thing[len(v):] for v in rule.params["thing_verbs"] if thing.startswith(v)), thing)
    things = [thing, *(thing.replace(w, alias) for w, aliases in rule.params["thing_aliases"].items()
                       if w in thing for alias in aliases)]
    # (户均补贴 of 补贴资金: a total's name may close on a word naming only money)
    things += [t + tail for t in things for tail in rule.params["money_tails"] if t and not t.endswith(tail)]
    own = _qualifier_names(head, rule)
    qualified = [q + t for q in own for t in things if t]
    # (found nowhere so named, the words before name the heads, 务工群众人均获得劳务报酬, or nothing
    # known: the thing as the words after name it, not narrowed by another qualifier the rule
    # knows, 住院收入 for 门急诊次均费用)
    others = tuple(q for k, v in rule.params["qualifier_aliases"].items() for q in (k, *v) if q not in own) \
        if own else ()
    return (qualified and _thing_totals(base, key, facts, per, word, rule, reach, qualified, thing)) \
        or _thing_totals(base, key, facts, per, word, rule, reach, things, thing, others)


def _qualifier_names(head: str, rule) -> list[str]:
    """The names of the words narrowing an amount per head before its word per head (门急诊 in
    门急诊次均费用, 出院者 in 出院者次均费用), and the other names the rule gives them (出院者: 住院,
    出院); none for words of time, place or the unit (全年, 2024年, 本单位: rule qualifier_skip_words),
    nor a basis (按在职人员计算)."""
    words = re.sub(rule.params["basis_pattern"], "", YEARS_RE.sub("", head))
    words = CLAUSE_BREAK_RE.split(words)[-1]
    for opener in rule.params["part_openers"]:
        words = words.removeprefix(opener)
    words = _without_lead_words(words, rule.params["qualifier_skip_words"])
    if len(words) < 2:
        return []
    return [words, *rule.params["qualifier_aliases"].get(words, ())]


def _without_lead_words(words: str, skips: list[str]) -> str:
    """The words without the skipped ones they open on, however many (全院全年门急诊: 门急诊)."""
    skips = sorted(skips, key=len, reverse=True)  # (全年度 before 全年)
    while (lead := next((w for w in skips if w and words.startswith(w)), None)) is not None:
        words = words[len(lead):]
    return words


def _thing_totals(base: FactBase, key: tuple[int, int], facts: list[Fact], per: Fact, word: str, rule,
                  reach: bool, things: list[str], thing: str, others: tuple[str, ...] = ()) -> list[Fact]:
    # the total of the thing: its concept, or (a thing the vocabulary does not know) its words
    # closing the total's (户均增收 after 累计带动增收312.50万元)
    # (or holding them: 次均统筹基金支付 of 统筹基金支付住院费用)
    def of_thing(candidates: list[Fact]) -> list[Fact]:
        return _wholes_of(base, [f for f in candidates if _alike(f, per) and f is not per and f.measure == per.measure
                                 and f.period == per.period and not f.comparator
                                 and any((f.concept and f.concept in t) or (len(t) >= 2 and compact(f.label).endswith(t))
                                         or (len(t) >= LONG_THING and t in compact(f.label)) for t in things)],
                          things, rule, others)
    # (…公用经费185.41万元。公用经费按在校生1,712人计算，生均公用经费…: the total stated in the
    # paragraph before, as the count may be, where the sentence names its thing without it)
    totals = of_thing(facts)
    if not totals and _opens_on(base.sentences.get(key, ""), things):
        # (or the paragraph right before: a line of its own in a text file)
        totals = of_thing(_paragraph_before(base, key)) or of_thing(base.by_block.get(key[0] - 1, []))
    if not totals:
        # (12人，每人救助5,000元，共计6.60万元: the sum the sentence closes on after the amount per head)
        sums = tuple(rule.params["sum_words"])
        totals = [f for f in facts if f.is_money and f.at > per.at and not f.comparator
                  and CLAUSE_BREAK_RE.split(compact(f.label))[-1].lstrip("，,；;").startswith(sums)]
    if not totals and not thing and word not in rule.params["standard_words"]:
        # (全年发放补助7,716.26万元，人均18,847.73元: a bare 人均 is of the one amount before it;
        # not a standard, 每人1万元, which the amount after it is worked out from)
        before = [f for f in facts if f.is_money and f.at < per.at and f.measure == "决算"
                  and f.period == per.period and not f.comparator and not per_unit(f)]
        totals = before if len(before) == 1 else []
    if not totals and thing and reach:
        # (受益学生18,420人 in the overview; sections later 校均受益学生241人: the thing stated
        # once before in the document, one figure however often it is restated)
        earlier = of_thing([f for k, fs in base.by_sentence.items() if k < key for f in fs])
        totals = earlier[:1] if len({bounds(f) for f in earlier}) == 1 else []
    if not totals and thing and per.is_money:
        # (生均教育支出 where the text states no 教育支出: the one value the tables agree on, of the
        # concept the thing's whole name is, a table's row's or the vocabulary's)
        named = {t for t in things if t in base.by_concept} or \
            {c for t in things for start, end, c in lexicon().concepts.all(t) if (start, end) == (0, len(t))}
        table = document_value(base, named.pop(), per.measure, per.subject, per.period) if len(named) == 1 else None
        totals = [table] if table is not None and table.source == "table" else []
    return totals


def _wholes_of(base: FactBase, found: list[Fact], things: list[str], rule, others: tuple[str, ...] = ()) -> list[Fact]:
    """The totals of the thing among the figures naming it. A figure naming the thing narrowed by a
    word before it (纵向科研项目经费 for 科研项目经费) as an item of a list (…，其中纵向…，横向…) is
    a part of the thing, no total of it: with only parts, nothing is judged. Where some figures name
    the thing itself (科研项目经费1,942.30万元, 全年科研项目经费: words of time, place or the unit
    aside), or its concept, those are its total. A name narrowed by one of `others` (住院收入 for a
    figure per 门急诊 visit) is another thing's."""
    openers = tuple(rule.params["part_openers"])
    exact, narrowed = [], []
    for f in found:
        name = _without_copulas(YEARS_RE.sub("", compact(f.label)).lstrip("，,；;：:"))
        name = next((name[len(o):].lstrip("，,：:") for o in openers if name.startswith(o)), name)
        name = _without_lead_words(name, rule.params["qualifier_skip_words"])
        if (f.concept and any(f.concept in t for t in things)) or name in things:
            exact.append(f)
        elif not _listed_item(base, f, openers) and not (others and _narrowed_by(name, things, others)):
            narrowed.append(f)
    return exact or narrowed


def _narrowed_by(name: str, things: list[str], qualifiers: tuple[str, ...]) -> bool:
    """The name is one of the things narrowed by one of the qualifiers right before it (住院收入)."""
    return any(name.endswith(t) and name[:-len(t)].endswith(qualifiers) for t in things if t)


def _listed_item(base: FactBase, f: Fact, openers: tuple[str, ...]) -> bool:
    """The figure is an item of a list: a list opener (其中, 包括) before it in its sentence, or
    opening the sentence (。其中：…)."""
    text = base.sentences.get((f.block, f.sentence), "")
    return any(o in text[:f.at] for o in openers) or base.opens_list((f.block, f.sentence))


def _without_copulas(thing: str) -> str:
    """The thing without the words between it and its figure (校均受益学生约241人: 受益学生)."""
    while thing.endswith(COPULAS):
        thing = thing[:-len(next(c for c in COPULAS if thing.endswith(c)))]
    return thing


def _alike(f: Fact, per: Fact) -> bool:
    """A total an amount per head may be of: money for money, else a count in the same unit."""
    return f.is_money if per.is_money else f.unit == per.unit


def _judge_per_head(base: FactBase, per: Fact, total: Fact, count: Fact, word: str, rule):
    yield CHECKED
    lo, hi = bounds(total)
    factor = MONEY_UNITS.get(per.unit, Decimal(1))
    p_lo, p_hi = _per_head_bounds(per)
    c_lo, c_hi = count_bounds(count)
    heads = (c_lo + c_hi) / 2
    if p_lo <= hi / c_lo and lo / c_hi <= p_hi:
        return
    in_table = per.source == "table"
    if word in rule.params["standard_words"]:
        # 每人 states a standard the total is worked out from: the total is told
        t_factor = MONEY_UNITS.get(total.unit, Decimal(1))
        product = per.in_yuan() * heads / t_factor
        shown = fmt(product, total.places, total.text)
        yield Hit(quote=base.span(min(count, per, key=lambda f: f.at), total),
                  location=total.loc, stated=total.text, expected=f"{shown}{total.unit}",
                  formula=f"{count.text} × {per.text} = {shown}{total.unit}",
                  fields={"rate": total.text, "computed": f"{shown}{total.unit}",
                          "relation": (total.header if in_table else total.label).strip("，,") or "合计",
                          "basis": f"{word}标准与人（户）数"},
                  highlights=[per.loc, count.loc])
        return
    expected = total.in_yuan() / heads / factor
    shown = fmt(expected, max(per.places, 2), per.text)
    if in_table:  # (the cells name their columns: 已发放 1,136,000.00 ÷ 务工人数 142)
        relation = f"{compact(per.label)}的{bare_head(per.header)}"
        terms = f"{bare_head(total.header)} {total.text}{total.unit} ÷ {bare_head(count.header)} {count.text}{count.unit}"
    else:
        relation, terms = _without_copulas(per.label.strip("，,")), f"{total.text} ÷ {count.text}"
    # (the count and the total may stand sections apart: the quote spans the sentence's own figures)
    near = [f for f in (total, count) if (f.block, f.sentence) == (per.block, per.sentence)]
    yield Hit(quote=base.span(min([*near, per], key=lambda f: f.at), per),
              location=per.loc, stated=per.text, expected=f"{shown}{per.unit}",
              formula=f"{terms} = {shown}{per.unit}",
              fields={"rate": per.text, "computed": f"{shown}{per.unit}", "relation": relation,
                      "basis": "总额 ÷ 人（户、次）数"},
              highlights=[total.loc, count.loc])


LONG_THING = 4  # characters of a thing's name that, inside a total's words, name the total (not 费用 in 会议费用)
# a figure per head said to be about so (约1,300元, 约1.5万元) is round when it has at most this many
# significant digits: it may lie a share off (concepts.yaml approximate_share); with more (约1,342元)
# the 约 only says the quotient was rounded at its last digit, as any figure per head is
ROUND_PER_HEAD_DIGITS = 2


def _per_head_bounds(per: Fact) -> tuple[Decimal, Decimal]:
    """An amount per head as printed: a quotient rounded at its last digit, in heads too (校均受益
    学生214人 stands for 213.5 to 214.5, no exact count), wider when round (see above)."""
    factor = MONEY_UNITS.get(per.unit, Decimal(1))
    lo, hi = (per.value - half_unit(per.places)) * factor, (per.value + half_unit(per.places)) * factor
    if significant_digits(per.value) > ROUND_PER_HEAD_DIGITS:
        return lo, hi
    r_lo, r_hi = round_bounds(per)
    return min(lo, r_lo), max(hi, r_hi)


def _opens_on(sentence: str, things: list[str]) -> bool:
    """The sentence opens on the thing itself, as its subject (公用经费按在校生…计算): the thing's
    total stated before is what it divides. Not another unit's (第一小学公用经费…), nor a part of it
    (公用经费中，用于教学的部分…)."""
    words = compact(sentence)
    return any(t and words.startswith(t) and words[len(t):len(t) + 1] not in ("中", "里", "内") for t in things)


def _paragraph_before(base: FactBase, key: tuple[int, int]) -> list[Fact]:
    """The figures of the sentences before this one in its paragraph (…公用经费185.41万元。公用经费按…)."""
    block, index = key
    return [f for k in range(index) for f in base.by_sentence.get((block, k), ())]


def check_budget_adjustment(base: FactBase, rule):
    """“年初预算465.00万元，年中追加35.00万元，全年预算500.00万元”: the full-year budget is the
    initial one plus what was added and minus what was cut, all of one thing, in one run of
    clauses. A change in 元 that makes the sum hold read as 万元 is a unit slip."""
    cuts = (*rule.params["cut_words"], *(concepts().get("budget_cut_words") or ()))
    bare = re.compile(rule.params["bare_initial_pattern"])
    for run in base.clause_runs():
        flat = [f for _, group in run for f in group if f.is_money and not f.comparator and f.period == CURRENT]
        rates = [f for _, group in run for f in group if f.unit == "%" and f.measure == "变动率" and not f.comparator]
        for k, total in enumerate(flat):
            if total.measure != "全年预算":
                continue
            yield from _adjustment_rate(base, flat, k, rates, cuts)
            # the initial budget of the total's own thing (not a part listed under it: 其中基本支出…);
            # the nearest first, but a whole whose sum holds makes the part's reading moot (年初预算
            # 800.00万元，其中…上级转移支付240.00万元；年中追加上级转移支付50.00万元，全年预算数850.00万元)
            hits = []
            # (a total naming no thing of its own, 调整后支出预算, is the initial budget's thing)
            starts = _initial_budgets(base, flat, k)
            for start in starts:
                initial, between = flat[start], flat[start + 1:k]
                # (the initial budget's parts may stand between; a change's own breakdown in brackets
                # is no change of its own)
                changes = [f for f in between if f.measure == "追加预算" and not in_brackets(base, f)]
                if not changes or any(f.measure not in ("追加预算", "年初预算") for f in between) \
                        or any(f.concept not in (None, total.concept, initial.concept) for f in changes) \
                        or len({f.subject for f in (initial, total, *changes)}) > 1:
                    continue
                signs = [-1 if any(w in f.label for w in cuts) else 1 for f in changes]
                hits.append(_adjustment_hit(base, initial, changes, signs, total))
            initial = flat[starts[0]] if starts else None
            if hits:
                yield CHECKED
                if all(h is not None for h in hits):
                    yield hits[0]
                # (…调整后支出预算393,462.50万元，比年初预算净增加4,760.90万元: the net change too)
                yield from _adjustment_stated_after(base, initial, total, flat[k + 1:k + 2], cuts, bare)
            elif k and flat[k - 1] is initial:
                yield from _adjustment_stated_after(base, initial, total, flat[k + 1:k + 2], cuts, bare)


def _adjustment_rate(base: FactBase, flat: list[Fact], k: int, rates: list[Fact], cuts: tuple[str, ...]):
    """The rate of an adjusted budget on its initial one stated right after it (…，调整后为59,100.00万元，
    比年初预算下降7.51%): the net change over the initial budget, stated before it or, unstated, the
    adjusted one less the changes right before it (调减4,800.00万元，调整后为…)."""
    total = flat[k]
    rate = next((r for r in rates if r.id > total.id), None)
    if rate is None or (k + 1 < len(flat) and flat[k + 1].id < rate.id) \
            or lexicon().measures.last(compact(rate.label)) != "年初预算":
        return
    starts = _initial_budgets(base, flat, k)
    initial = flat[starts[0]] if starts else None
    changes = []
    for f in reversed(flat[:k]):
        if f.measure != "追加预算" or initial is not None:
            break
        changes.append(f)
    if initial is not None:
        value = initial.in_yuan() / MONEY_UNITS[initial.unit]
        shown = f"年初预算 {initial.text}"
    elif changes:
        net = sum(((-1 if any(w in c.label for w in cuts) else 1) * c.in_yuan() for c in changes), Decimal(0))
        value = (total.in_yuan() - net) / MONEY_UNITS[total.unit]
        shown = f"年初预算 {fmt(value, total.places)}（{total.text} " + "".join(
            f"{'+' if any(w in c.label for w in cuts) else '−'} {c.text}" for c in changes) + "）"
    else:
        return
    before = replace(total, value=value, places=max([total.places] + [c.places for c in changes]))
    moved = replace(total, value=abs(total.value - value), places=before.places)
    span = ratio_bounds(moved, before)
    if span is None:
        return
    yield CHECKED
    moved_way = 1 if total.value > value else -1 if total.value < value else 0
    if consistent(replace(rate, value=abs(rate.value)), *span) and not (rate.sign and moved_way and rate.sign != moved_way):
        return
    computed = abs(total.value - value) / value * HUNDRED
    formula = f"|调整后 {total.text} − {shown}| ÷ 年初预算 = {fmt(computed)}%"
    if rate.sign and moved_way and rate.sign != moved_way:
        yield opposite(rate, moved_way, computed,
                        f"调整后{'低' if moved_way < 0 else '高'}于年初预算，比例却写{way(rate.sign)}；{formula}")
        return
    yield rate_hit(rate, computed, "调整后预算较年初预算的增减比例", formula, quote=base.span(total, rate))


def _initial_budgets(base: FactBase, flat: list[Fact], k: int) -> list[int]:
    """The places of the initial budgets the k-th figure (an adjusted budget) may start from, the
    nearest first: of its thing (see _initial_of)."""
    return [j for j in range(k - 1, -1, -1) if flat[j].measure == "年初预算" and _initial_of(flat[j], flat[k])]


def _initial_of(initial: Fact, total: Fact) -> bool:
    """The year-start budget is the adjusted total's: of its thing, or of none; or, the total naming
    no thing of its own (调整后支出预算), stated in its sentence."""
    same = (initial.block, initial.sentence) == (total.block, total.sentence)
    if initial.concept is None or total.concept is None:
        # (a thing the vocabulary does not know, 教育支出年初预算…；城乡社区支出调减…: another ；-clause
        # may be another thing's)
        return same
    return initial.concept == total.concept


def _adjustment_stated_after(base: FactBase, initial: Fact, total: Fact, after: list[Fact], cuts: tuple, bare):
    """“由年初预算的8,640.00万元调整为8,320.00万元，增加320.00万元”: the change stated right after
    the adjusted budget is that budget less the initial one, the way its word says."""
    change = after[0] if after else None
    if change is not None and change.measure == "追加预算" and not change.sign and _compares_initial(change.label, bare):
        # (较年初预算数调增15.00万元: the adjustment stated after the adjusted budget, its word its way)
        change = replace(change, sign=-1 if any(w in change.label for w in cuts) else 1)
    if change is None or initial is None or change.measure not in ("变动额", "追加预算") or not change.sign \
            or change.subject != total.subject or _compares_not_initial(change.label, bare) \
            or _compares_not_initial(base.between(total, change), bare):
        return  # (a change on another base, 较上年增加…, is the year-on-year rules'; 比年初预算 is this one)
    yield CHECKED
    hit = difference_hit(change, total, initial, change.sign, ("增加", "减少"), "调整增减额",
                          f"调整后 {total.text} − 年初预算 {initial.text}", quote=base.span(initial, change),
                          stated=change.quote)
    if hit is not None:
        if (Decimal(total.in_yuan() - initial.in_yuan()) > 0) != (change.sign > 0) and total.value != initial.value:
            hit.cls = "direction_mismatch"  # (the amount right, the word the wrong way)
        yield hit


def _compares_not_initial(words: str, bare) -> bool:
    """Words comparing with something (较上年, 比上年115.00万元) other than the initial budget."""
    return bool(lexicon().comparison.search(words)) and not _compares_initial(words, bare)


def _compares_initial(words: str, bare) -> bool:
    """Words comparing with the initial budget (比年初预算, 较年初预算数), or with 年初 alone right
    after the adjusted budget, naming nothing else (，比年初增加; not 年末资产总额比年初增加)."""
    return bool(lexicon().comparison.search(words)) and (
        lexicon().measures.last(compact(words)) == "年初预算" or bool(bare.match(compact(words))))


def _adjustment_hit(base: FactBase, initial: Fact, changes: list[Fact], signs: list[int], total: Fact) -> Hit | None:
    lo = initial.interval()[0] * MONEY_UNITS[initial.unit] + sum(
        (c.interval()[0] if s > 0 else -c.interval()[1]) * MONEY_UNITS[c.unit] for c, s in zip(changes, signs))
    hi = initial.interval()[1] * MONEY_UNITS[initial.unit] + sum(
        (c.interval()[1] if s > 0 else -c.interval()[0]) * MONEY_UNITS[c.unit] for c, s in zip(changes, signs))
    t_lo, t_hi = (v * MONEY_UNITS[total.unit] for v in total.interval())
    if t_lo <= hi and lo <= t_hi:
        return None
    factor = MONEY_UNITS[total.unit]
    exact = (initial.in_yuan() + sum(s * c.in_yuan() for c, s in zip(changes, signs))) / factor
    terms = f"年初预算 {initial.text}" + "".join(f" {'+' if s > 0 else '−'} {c.text}" for c, s in zip(changes, signs))
    slip = next((c for c in changes if c.unit == "元" and abs(
        exact * factor + next(s for x, s in zip(changes, signs) if x is c) * c.value * (MONEY_UNITS["万元"] - 1)
        - total.in_yuan()) <= (t_hi - t_lo)), None)
    if slip is not None:
        return Hit(quote=base.span(initial, total), location=slip.loc, stated=slip.text, expected=f"{slip.value}万元",
                   formula=f"{terms} = {fmt(exact, 2)}{total.unit}，与全年预算 {total.text} 不符；按 {slip.value}万元 计"
                           f"则相符，应为单位笔误",
                   fields={"rate": slip.text, "computed": f"{slip.value}万元", "relation": "预算调整金额的单位"},
                   cls="unit_error", highlights=[initial.loc, total.loc])
    shown = fmt(exact, max(total.places, 2), total.text + initial.text)  # (grouped as the figures are)
    return Hit(quote=base.span(initial, total), location=total.loc, stated=total.text, expected=f"{shown}{total.unit}",
               formula=f"{terms} = {shown}{total.unit}",
               fields={"rate": total.text, "computed": f"{shown}{total.unit}", "relation": "调整后的全年预算"},
               highlights=[initial.loc] + [c.loc for c in changes])


def check_named_rate(base: FactBase, rule):
    """A rate named after the figure it is of (实际到位138.00万元，到位率92.00%): kinds/named_rates.py."""
    params = rule.params
    for rate, figure, whole, judged in named_rate_slips(base, params["rate_stems"], tuple(params["not_rate_words"]),
                                                        tuple(params["base_words"]), tuple(params["negations"]), ratio_fits,
                                                        tuple(params["rate_suffixes"]), tuple(params["part_words"]),
                                                        tuple(params["planned_row_words"]), params["stem_base_words"],
                                                        tuple(params["form_stems"]) or None,
                                                        tuple(params["before_stems"])):
        if not judged:
            yield CHECKED
            continue
        if _change_misstated(base, rate, figure, whole):
            yield CHECKED  # (节约4.62万元 where 14.74 − 19.00 saves 4.26, 节约率22.42% on 4.26: DRV010 tells the amount)
            continue
        name = compact(rate.label)[-6:].rstrip("".join(COPULAS)) or "比率"
        index = next((note for suffix, note in params["index_suffixes"].items() if name.endswith(suffix)), None)
        far = (whole.block, whole.sentence) != (rate.block, rate.sentence)
        for outcome in rate_against(base, rate, figure, whole, name,
                                     f"{compact(figure.label) or '该数'} ÷ {compact(whole.label) or '基数'}"
                                     + _base_note(whole, far)):
            if index and isinstance(outcome, Hit):
                # (满意度 may be an index weighting each answer, not the share of one answer: a warning)
                outcome.severity, outcome.formula = "warning", f"{outcome.formula}；{index}"
            yield outcome


def _change_misstated(base: FactBase, rate: Fact, change: Fact, whole: Fact) -> bool:
    """The rate is of a change amount (节约, 增加) that does not fit the two figures its sentence
    compares, the whole and another of its thing before it, while the rate fits their true
    difference: the amount is the slip, the rate right."""
    if change.measure != "变动额" or (whole.block, whole.sentence) != (change.block, change.sentence):
        return False
    for other in facts_before(same_sentence(base, change), change):
        if other is whole or not other.is_money or other.unit != whole.unit or other.measure == "变动额" \
                or other.concept != whole.concept:
            continue
        if difference_misfit(change, other, whole, 0) is None:
            return False  # (the amount is the difference of these two: nothing misstated)
        gap = abs(other.value - whole.value)
        if ratio_fits(rate, replace(change, value=gap, places=max(other.places, whole.places)), whole):
            return True
    return False


def _base_note(whole: Fact, far: bool) -> str:
    """Where the base of a named rate was taken from, for the formula."""
    if not far:
        return "（段中其他两数之比也都不是该比率）"
    if whole.source == "text":
        return "（句中未写基数，取同段上一句所写的数）"  # (named_rates.py _base_before)
    if whole.concept == concepts().get("project_funds"):
        return "（句中未写基数，取项目表年度资金总额的全年预算数；表中年初预算数、各资金来源行及文中所写下达、预算等金额也都得不出该比率）"
    # (the planned row beside the table cell the figure restates: kinds/named_rates.py _column_beside)
    return f"（句中未写基数，取表中该数所在列“{compact(whole.label)}”行的数；该列其他各行也都得不出该比率）"


def check_tenths(base: FactBase, rule):
    """A rate restated in tenths with an approximation word (逾七成) on the wrong side of them
    (kinds/tenths.py)."""
    return tenths_slips(base)


def check_worded_sum(base: FactBase, rule):
    """A sum the sentence spells out with 加 and 减 (kinds/worded_sums.py) against its result."""
    plus, minus = re.compile(rule.params["plus_pattern"]), re.compile(rule.params["minus_pattern"])
    for found in worded_sums(base, plus, minus, tuple(rule.params["flow_words"]), tuple(rule.params["result_words"]),
                             tuple(rule.params["result_total_words"]), tuple(rule.params["account_sides"])):
        yield CHECKED
        low, high = found.bounds()
        r_low, r_high = found.result_bounds()
        if r_low <= high and low <= r_high:
            continue
        result = found.result
        factor = MONEY_UNITS.get(result.unit, Decimal(1))
        shown = fmt(found.value() / factor, result.places, result.text)
        # (a start stated in a sentence before: where it is, and the sentence of the sum quoted)
        elsewhere = (found.start.block, found.start.sentence) != (result.block, result.sentence)
        terms = f"{found.start.text}" + (f"（{found.start.where()}）" if elsewhere else "") \
            + "".join(f" {'+' if sign > 0 else '−'} {f.text}" for sign, f in found.terms)
        yield Hit(quote=base.span(found.terms[0][1] if elsewhere else found.start, result), location=result.loc,
                  stated=result.text,
                  expected=f"{shown}{result.unit}", formula=f"{terms} = {shown}{result.unit}",
                  fields={"rate": result.text, "computed": f"{shown}{result.unit}",
                          "relation": compact(result.label).rstrip("".join(COPULAS)) or "结果"},
                  highlights=[f.loc for f in (found.start, *(f for _, f in found.terms))])


def check_written_arithmetic(doc, rule):
    """Arithmetic written out in figures, in a sentence or a cell, against the result it is
    said to come to (kinds/written_arithmetic.py)."""
    units = tuple(rule.params["arithmetic_units"])
    numbers, per_unit = written_arithmetic.number_re(units), written_arithmetic.per_unit_re(units)
    checked = []
    for text, source in document_texts(doc):
        if not written_arithmetic.EQUALS_RE.search(text) and not written_arithmetic.BRACKETED_RE.search(text):
            continue
        for sides in written_arithmetic.chains(written_arithmetic.tokens(text, numbers, per_unit)):
            for slip in written_arithmetic.slips(sides, lambda: checked.append(1)):
                worked = written_arithmetic.worked_text(slip)
                written = written_arithmetic.shown(slip.side)
                yield Hit(quote=text.strip(), location=source.loc, stated=slip.result.text, expected=worked,
                          formula=f"{written} = {worked}",
                          fields={"rate": slip.result.text, "computed": worked, "relation": f"算式 {written} 的结果"},
                          # (a quotient, or a result in %, is a rate or a figure per head: no total)
                          cls="rounding" if slip.tail else "ratio_mismatch" if written_arithmetic.is_rate(slip) else None,
                          severity="info" if slip.tail else None)
    if checked:
        yield Checked(len(checked))


def check_proportion(base: FactBase, rule):
    """An amount worked out at a stated rate of an amount before it (收入1,286万元，按30%的比例调入
    一般公共预算386万元): the amount = the base × the rate, each read within its printing. The base
    is the amount the rate phrase names (按照国有资本经营预算收入30%的比例), else the sentence's one
    amount before the rate of the kind the amount is worked out of (proportion_bases: 调出 from an
    income, not the spending beside it), else the one such amount of the paragraphs before; with
    several, any of them giving it will do."""
    pattern = re.compile(rule.params["proportion_pattern"])
    for key, facts in base.by_sentence.items():
        text = base.sentences.get(key, "")
        if "%" not in text and "％" not in text:
            continue
        for m in pattern.finditer(text):
            after = [f for f in facts if f.at >= m.end() and f.source == "text"]
            if not after or not after[0].is_money or _broken_before(text, m.end(), after[0].at):
                continue  # (the amount the rate works out stands in its clause: 按30%的比例调入…386万元)
            amount, rate = after[0], Decimal(m.group("rate"))
            before = _proportion_bases(base, facts, m, amount, rule.params)
            if not before:
                continue  # (no base it can be of: not judged)
            fits = [b for b in before if _proportion_fits(amount, b, rate)]
            yield CHECKED
            if fits or len(before) != 1:
                continue
            whole = before[0]
            expected = whole.in_yuan() * rate / HUNDRED / MONEY_UNITS.get(amount.unit, Decimal(1))
            shown = fmt(expected, amount.places, amount.text)
            quote = base.span(whole, amount) if (whole.block, whole.sentence) == key else amount.quote
            yield Hit(quote=quote, location=amount.loc, stated=amount.text,
                      expected=f"{shown}{amount.unit}",
                      formula=f"{whole.text}（{whole.where()}）× {m.group('rate')}% = {shown}{amount.unit}",
                      fields={"rate": amount.text, "computed": f"{shown}{amount.unit}",
                              "relation": compact(text[m.end():amount.at]).lstrip("，,").rstrip("".join(COPULAS)) or "金额",
                              "basis": f"{whole.text}的{m.group('rate')}%"},
                      highlights=[whole.loc])


def _broken_before(text: str, start: int, end: int) -> bool:
    """A clause break between the rate phrase and its amount, other than one right after the phrase
    (按照收入30%的比例，调出资金…: the clause after it states what the rate works out)."""
    if start < end and text[start] in "，,":
        start += 1
    return CLAUSE_BREAK_RE.search(text, start, end) is not None


# paragraphs above a rate's sentence in which the base it names or is of may stand (bounded)
PROPORTION_REACH = 3


def _proportion_bases(base: FactBase, facts: list[Fact], m: re.Match, amount: Fact, params: dict) -> list[Fact]:
    """The amounts the rate may be of (see check_proportion)."""
    def usable(f: Fact) -> bool:
        return f.is_money and f.source == "text" and f.measure != "变动额" and not f.comparator and not per_unit(f)

    named = compact(m.group("named") or "").strip("的")
    if named:  # (the base named by the phrase: the nearest amount so named before it, not the
        # residual item of its parts, 其他国有资本经营预算收入)
        found = next((f for f in _amounts_back(base, amount) if usable(f) and _so_named(compact(f.label), named)), None)
        return [found] if found is not None else []
    before = [f for f in facts if f.at + len(f.text) <= m.start() and usable(f)]
    relation = compact(m.string[m.end():amount.at])
    words = next((ws for verb, ws in params["proportion_bases"].items() if verb in relation), None)
    if words is None:
        return before
    left_out = tuple(params["proportion_not_bases"])

    def of_kind(f: Fact) -> bool:
        label = compact(f.label)
        return any(w in label for w in words) and not any(w in label for w in left_out)

    if before:
        return [f for f in before if of_kind(f)]
    # (none in its sentence: the amounts of the nearest paragraph stating such, any of which giving
    # it will do; else its first outturn, the whole its parts follow: 全市国有资本经营预算收入…。分项目
    # 看：利润收入…; not its budget: 收入预算为4,800万元，执行中完成5,000万元)
    found: list[Fact] = []
    for f in _amounts_back(base, amount):
        if (f.block, f.sentence) != (amount.block, amount.sentence) and usable(f) and of_kind(f):
            if found and f.block != found[0].block:
                break
            found.append(f)
    rate = Decimal(m.group("rate"))
    if any(_proportion_fits(amount, f, rate) for f in found):
        return found
    outturns = [f for f in reversed(found) if f.measure not in BUDGET_MEASURES]
    return outturns[:1]


def _so_named(label: str, name: str) -> bool:
    """A figure's words name it `name`: they close on it, or on it and a measure (…收入决算数为),
    and no residual word stands right before it (其他国有资本经营预算收入 is one part of it)."""
    at = label.rfind(name)
    if at < 0 or label[:at].endswith(tuple(concepts().get("residual_words") or ())):
        return False
    tail = label[at + len(name):]
    for start, end, _ in reversed(lexicon().measures.all(tail)):
        tail = tail[:start] + tail[end:]
    return not tail.strip("".join(COPULAS) + "，,：: ")


def _amounts_back(base: FactBase, amount: Fact):
    """The text amounts before `amount`, nearest first, in its paragraph and PROPORTION_REACH
    paragraphs above (blocks with figures)."""
    blocks = 0
    for b in range(amount.block, -1, -1):
        facts = base.by_block.get(b, ())
        if not facts:
            continue
        yield from (f for f in reversed(facts) if f.id < amount.id)
        blocks += 1
        if blocks > PROPORTION_REACH:
            return


def _proportion_fits(amount: Fact, whole: Fact, rate: Decimal) -> bool:
    places = max(amount.places, whole.places)
    a_lo, a_hi = amount.interval(MONEY_UNITS.get(amount.unit, Decimal(1)), places)
    w_lo, w_hi = whole.interval(MONEY_UNITS.get(whole.unit, Decimal(1)), places)
    return a_lo <= w_hi * rate / HUNDRED and w_lo * rate / HUNDRED <= a_hi


def check_stated_base_rate(base: FactBase, rule):
    """A rate named in the vocabulary over a base its paragraph states (按照综合财力1,212,650.00万元
    计算，全区政府债务率为103.6%): the figure of the rate's concept over that base. Every figure of
    that concept and year in the document is tried (a balance stated for two dates, one misread):
    told only where none of them gives the rate, on the one stated last before it."""
    ratios, part_words = rule.params["ratios"], tuple(rule.params["part_rate_words"])
    for rate in base.facts:
        # (按照综合财力…计算 reads as a rate on another basis: here it is the very base the rate names)
        if rate.unit != "%" or rate.source != "text" or rate.comparator not in (None, "", OTHER_BASIS):
            continue
        named = _rate_named(compact(rate.label), ratios, part_words)
        if named is None:
            continue
        spec = ratios[named]
        # (the base its words close on, not a part of it listed after 其中: 流动资产总额 is no 资产总额)
        whole = next((f for f in reversed(base.by_block.get(rate.block, ())) if f.id < rate.id and f.is_money
                      and f.comparator in (None, "", OTHER_BASIS) and f.value > 0 and f.period == rate.period
                      and not any(w in compact(f.label) for w in lexicon().list_openers)
                      and any(_so_named(compact(f.label), w) for w in spec["base_words"])), None)
        figures = [f for c in spec.get("of") or () for f in base.by_concept.get(c, ()) if f.is_money and not f.comparator
                   and f.measure not in ("变动额", "占比") and f.period == rate.period]
        # (a figure no vocabulary concept names, 负债总额 of 资产负债率: its words, in the paragraph before the rate)
        figures += [f for f in base.by_block.get(rate.block, ()) if f.id < rate.id and f.is_money and not f.comparator
                    and f.measure not in ("变动额", "占比") and f.period == rate.period
                    and any(compact(f.label).endswith(w) for w in spec.get("of_words") or ())]
        if whole is None or not figures:
            continue
        yield CHECKED
        if any(span is not None and consistent(rate, *span) for f in figures for span in [ratio_bounds(f, whole)]):
            continue
        figure = max((f for f in figures if f.id < rate.id), key=lambda f: f.id, default=figures[0])
        computed = exact_ratio(figure, whole)
        shown = formula_operands(figure, whole)
        yield rate_hit(rate, computed, named,
                   f"{figure.concept or item_label(figure.label)} {shown[0]}（{figure.where()}）÷ {item_label(whole.label) or '基数'} {shown[1]} "
                   f"= {fmt(computed)}%", operands=(figure, whole))


def _rate_named(label: str, ratios: dict, part_words: tuple[str, ...]) -> str | None:
    """The vocabulary's rate the words before a figure close on (全区政府债务率为: 债务率), unless a
    part's words stand right before its name (一般债务率)."""
    found = [(label.rfind(name), name) for name in ratios if name in label]
    if not found:
        return None
    at, name = max(found, key=lambda p: (p[0] + len(p[1]), len(p[1])))
    if SUBJECT_FILLER_RE.sub("", label[at + len(name):]) or label[:at].endswith(part_words):
        return None  # (other words after the name: the figure is no value of that rate)
    return name


def check_named_multiple(doc, rule):
    """A multiple named in the vocabulary (本息覆盖倍数) against the amounts it is of and over, in its
    sentence, its table or the document (kinds/named_multiples.py)."""
    base, spec = fact_base(doc), rule.params
    for multiple in named_multiples.stated_multiples(doc, base, spec):
        nums, dens = named_multiples.operands(base, multiple, spec)
        if not nums or not dens:
            continue
        yield CHECKED
        if any(named_multiples.gives(multiple, n, d) for n in nums for d in dens):
            continue
        num, den = nums[0], dens[0]
        computed = named_multiples.worked(num, den, multiple.places)
        words = named_multiples.multiples_of(spec)[multiple.name]  # (an amount with no label of its own: its kind's first word)
        yield Hit(quote=multiple.quote, location=multiple.loc, stated=multiple.text, expected=computed,
                  formula=f"{item_label(num.label) or words['of'][0]} {num.with_unit()}（{num.where()}）÷ "
                          f"{item_label(den.label) or words['base'][0]} {den.with_unit()}（{den.where()}）= {computed}",
                  fields={"rate": multiple.text, "computed": computed, "relation": multiple.name},
                  highlights=[num.loc, den.loc])


def check_multiple_claim(doc, rule):
    """A claim that a multiple serves its purpose (满足…要求) while it is below its threshold."""
    base, spec = fact_base(doc), rule.params
    for multiple in named_multiples.stated_multiples(doc, base, spec):
        if multiple.fact is not None:
            continue  # (a cell: its claims are other cells')
        yield CHECKED
        found = named_multiples.claimed_below(multiple, spec)
        if found is None:
            continue
        threshold, claim = found
        yield Hit(quote=multiple.quote, location=multiple.loc, stated=f"{multiple.text}，{claim}",
                  expected=f"低于 {threshold} 倍",
                  formula=f"{multiple.name} {multiple.text} < {threshold} 倍，却称“{claim}”",
                  fields={"rate": multiple.text, "threshold": str(threshold), "claim": claim,
                          "relation": multiple.name})


def check_split_sum(base: FactBase, rule):
    """A total split into the number of parts its sentence says, against their sum (kinds/split_sums.py),
    compared as every sum is (sum_check; a difference within the printing is a rounding note)."""
    split, part = re.compile(rule.params["split_pattern"]), re.compile(rule.params["part_pattern"])
    for total, parts in split_sums(base, split, part):
        yield CHECKED
        common = in_common_unit([total, *parts])
        outcome = sum_check(common[0], common[1:], rule.tolerance)
        if outcome == "ok":
            continue
        exact = sum((p.in_yuan() for p in parts), Decimal(0))
        # (a total whose digits are the sum in another money unit: a unit slip, said in that unit)
        slip = slipped_unit(total, exact, sum((half_unit(max(f.places for f in [total, *parts])) * MONEY_UNITS.get(
            f.unit, Decimal(1)) for f in [total, *parts] if f.value), Decimal(0)), rule.params) \
            if outcome == "mismatch" else None
        unit = slip or total.unit
        shown = f"{fmt(exact / MONEY_UNITS.get(unit, Decimal(1)), max(p.places for p in parts), total.text)}{unit}"
        formula = " + ".join(p.text for p in parts) + f" = {shown}"
        if outcome == "rounding":
            formula += "；" + rounding_note(common[0], common[1:], max(q.places for q in common))
        elif slip:
            formula += f"；{total.text}按“{slip}”计即与各部分之和相符：数字相同而单位不同，应为单位笔误"
        yield Hit(quote=base.span(total, parts[-1]), location=total.loc, stated=total.text, expected=shown,
                  formula=formula, cls="rounding" if outcome == "rounding" else "unit_error" if slip else None,
                  fields={"rate": total.text, "computed": shown, "relation": item_label(total.label) or "合计"},
                  highlights=[p.loc for p in parts])


def check_within_limit(base: FactBase, rule):
    """A sentence claiming a balance within its ceiling (控制在…限额以内, 未超过限额, 低于限额) against
    the balances it states (else the document's of this year) and the one ceiling the document
    states for each, and against a printed share of a ceiling over 100% (余额占限额的100.95%)."""
    claim, limits = re.compile(rule.params["claim_pattern"]), rule.params["limits"]
    told: set[int] = set()  # (a balance over its ceiling is told once, however many claims it belies)
    share = None
    for key, text in base.sentences.items():
        m = claim.search(text)
        if m is None:
            continue
        yield CHECKED
        found = _balance_over_limit(base, base.by_sentence.get(key, ()), limits)
        if found is None:
            share = share or (_share_over_limit(base, limits),)  # (the document's: looked for once)
            found = share[0]
        if found is not None and found[0].id not in told:
            told.add(found[0].id)
            balance, limit, over, formula = found
            facts = base.by_sentence.get(key, ())
            yield Hit(quote=text.strip(), location=(facts[0] if facts else balance).loc, stated=m.group(),
                      expected=over, formula=formula,
                      highlights=[balance.loc, limit.loc])


def _balance_over_limit(base: FactBase, sentence, limits: dict):
    """(balance, limit, formula) for a balance above its ceiling: the balances the claim's sentence
    states, else every one of this year the document states, each against the one value the
    document states for its ceiling (several values disagreeing: not judged here)."""
    current = [f for f in sentence if f.concept in limits and _stock_figure(f)]
    balances = current or [f for c in limits for f in base.by_concept.get(c, ()) if _stock_figure(f) and f.period == CURRENT]
    for balance in balances:
        # (the ceiling of the balance's own scope: 县本级's ceiling is no limit of 全县's balance)
        scope = figure_scope(base, balance)
        ceiling = unique_value([f for f in base.by_concept.get(limits[balance.concept], ()) if _stock_figure(f)
                                 and f.period == balance.period and figure_scope(base, f) == scope])
        if ceiling is not None and bounds(balance)[0] > bounds(ceiling)[1]:
            return balance, ceiling, f"{balance.concept} {balance.text} 超过 {ceiling.concept} {ceiling.text}", \
                (f"{balance.concept} {balance.text}（{balance.where()}）大于 {ceiling.concept} {ceiling.text}"
                 f"（{ceiling.where()}）")
    return None


def _share_over_limit(base: FactBase, limits: dict):
    """(part, whole, formula) for a printed share of a ceiling over 100% (余额占限额的100.95%)."""
    ceilings = set(limits.values())
    rate = next((f for f in base.facts if f.measure == "占比" and f.unit == "%" and f.base in ceilings
                 and f.of >= 0 and f.interval()[0] > HUNDRED), None)
    if rate is None:
        return None
    part = base.facts[rate.of]
    named = part.concept or item_label(part.label)
    return part, rate, f"{named} 为{rate.base}的 {rate.text}", \
        f"{named} {part.text} 占{rate.base}的比例写作 {rate.text}（{rate.where()}），超过 100%"


def _stock_figure(f: Fact) -> bool:
    return f.is_money and not f.comparator and f.measure not in ("变动额", "占比") and f.value > 0


TEXT_CHECKS = {"written_arithmetic", "named_multiple", "multiple_claim"}  # checks reading the document's words, not its facts
CHECKS = {"written_arithmetic": check_written_arithmetic, "proportion": check_proportion, "tenths": check_tenths, "worded_sum": check_worded_sum, "named_rate": check_named_rate, "row_rate": check_row_rate, "table_share": check_table_share, "row_change": check_row_change, "year_change": check_year_change, "share": check_share, "share_sum": check_share_sum, "completion": check_completion, "growth": check_growth,
          "execution": check_execution, "target_completion": check_target_completion, "point_change": check_point_change,
          "schedule_rate": check_schedule_rate,
          "ratio_to_base": check_ratio_to_base, "difference_to_base": check_difference_to_base, "per_head": check_per_head,
          "budget_adjustment": check_budget_adjustment, "stated_base_rate": check_stated_base_rate,
          "named_multiple": check_named_multiple, "multiple_claim": check_multiple_claim, "split_sum": check_split_sum,
          "within_limit": check_within_limit}
