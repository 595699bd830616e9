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

The sub-checks live in this package, one module per family: share.py, share_sum.py (and wholes.py,
the whole a share is of), completion.py (completion, target_completion), execution.py, to_base.py
(ratio_to_base, difference_to_base), budgets.py (the budget a completion or execution rate is on),
growth.py, point_change.py (point_change, schedule_rate), row_rates.py (row_rate, table_share),
row_change.py, year_change.py, per_head.py, budget_adjustment.py and worded_relations.py (the small
rest); intervals.py holds the interval arithmetic and the findings it makes, lookup.py the figures
a rate is read against (its sentence's, the document's one value).
"""
from __future__ import annotations

from ...facts.base import fact_base
from ..base import invalid_setting
from .share import check_share
from .share_sum import check_share_sum
from .completion import check_completion, check_target_completion
from .to_base import check_ratio_to_base, check_difference_to_base
from .execution import check_execution
from .growth import check_growth
from .point_change import check_point_change, check_schedule_rate
from .row_rates import check_row_rate, check_table_share
from .row_change import check_row_change
from .year_change import check_year_change
from .per_head import check_per_head
from .budget_adjustment import check_budget_adjustment
from .target_claims import check_target_claim
from .worded_relations import (check_named_rate, check_tenths, check_worded_sum, check_written_arithmetic,
                           check_proportion, check_stated_base_rate, check_named_multiple, check_multiple_claim,
                           check_split_sum, check_within_limit)


KIND = "derived"
PARAMS = {"check": (str, None), "completion_cues": (list, []), "target_cues": (list, []), "share_cues": (list, []), "share_openers": (list, []),
          # execution: words opening a note after the money there was to spend that says it holds parts
          # (可用资金…（含上年结转…）): no base of the rate then
          "part_note_words": (list, []),
          # target_completion: words after a negation saying the quantity was done after all (实际, 已)
          "done_words": (list, []),
          # year_change: what a change's finding says it is the difference of (its message's basis: the
          # rule file says it)
          "year_basis": (str, ""), "from_to_basis": (str, ""),
          # target_completion: the words of a bare completion rate's clause (完成率, 完成比例), which a
          # table's target may then be the base of
          "bare_completion_words": (list, []),
          # target_completion: the words closing a rate named after an indicator row alone (站点完成率)
          "named_row_rate_words": (list, []),
          # named_rate: the stems of a completion's rate, the words before which name the act done
          # (整改 of 整改完成率): those words alone name the figure the rate is of
          "act_stems": (list, []),
          # target_completion: words of a target changed during the year (调整后任务)
          "changed_target_cues": (list, []),
          # target_completion: words naming an amount a budget's or its spending's (DRV002's, not an output target)
          "budget_amount_words": (list, []),
          "excess_cues": (list, []),
          # target_completion: the words of an amount beyond the target (超计划26公里): no target
          "excess_amount_pattern": (str, ""),
          # target_completion: the words between two figures of one unit making the second a part of
          # the first (2.80万亩中1.20万亩): the first is the target
          "part_of_words": (list, []),
          "clause_breaks": (str, "，,；;。：:"), "ceiling_marks": (list, []), "year_on_year_cues": (list, []),
          "base_cues": (list, []), "other_period_cues": (list, []), "point_unit": (str, ""),
          # point_change: the words between a change in points and the first of the levels it is between,
          # given after it (…个百分点（由2023年的 92.4%提高至93.8%）)
          "levels_after_pattern": (str, ""),
          # row_change: words of the heads of a stock's two ends in one year (年末数 | 年初数), both of
          # this year by period: the change on the year is the closing one's on the opening one's
          "closing_heads": (list, []), "opening_heads": (list, []),
          # …and of a year's outturn and its budget (决算数 | 预算数 | 增减额): the change is the outturn's on the budget
          "outturn_heads": (list, []), "budget_heads": (list, []),
          # point_change: a rate compared with the share of the year gone by (时间进度), above or
          # below it (高于 / 低于); the year gone by from the document meta (elapsed_months: 1-8月, 上半年);
          # the schedule's words none: concepts.yaml schedule_words (kinds/schedules.py schedule_words)
          "schedule_words": (list, []), "above_words": (list, []), "below_words": (list, []),
          # …or keeping pace with it (符合序时进度), a few points short at most (meets_gap_points, in points)
          "meets_words": (list, []), "meets_gap_points": (str, "5"),
          # schedule_rate: a day named in the sentence that is no month's end (截至7月15日): the
          # schedule may be counted in days, not judged; words of another period than the
          # report's (一季度, 全年, 上年同期); comparing words before the schedule (低于时间进度8.5%)
          "day_pattern": (str, ""), "other_period_words": (list, []), "year_total_words": (list, []), "other_year_words": (list, []), "comparing_words": (list, []),
          # schedule_rate: in a report on the whole year, words making a schedule a project's or a contract's
          "project_words": (list, []),
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
          # growth: words naming money in a rate's own words (金额增长11.21%): no count's or quantity's rate
          "money_rate_words": (list, []),
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
          # budget_adjustment: the words of an adjustment alone (调增, 调减) that, right after an adjusted
          # budget whose run of clauses states the initial one, are that adjustment
          "adjustment_words": (list, []),
          # budget_adjustment: the words leading an adjustment's breakdown after it (主要是追加…)
          "breakdown_words": (list, []),
          # named_rate: the words saying a figure was done whole (全部整改): a rate of 100% after them is its own
          "all_done_words": (list, []),
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
          # target_claim: the words saying a target was beaten (超额完成) or met (完成年度目标)
          # …the words a claim's clause may open with before them (已, 均), the rates of doing and the
          # words of a planned quantity a target is surely a floor by, and words of indicators kept low
          "beaten_pattern": (str, "(?!)"), "met_pattern": (str, "(?!)"), "claim_lead_words": (list, []),
          "floor_rate_words": (list, []), "plan_words": (list, []), "ceiling_words": (list, []), "span_words": (list, []),
          # per_head: the words of the sum a sentence closes on after an amount per head (共计)
          "sum_words": (list, []),
          # words closing a total's name after its thing (本年支出合计): the thing is the name before them
          "total_tails": (list, []),
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
          # target_completion: a target over a span of years (三年规划目标), no indicator's of the year
          "span_target_pattern": (str, "(?!)"),
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
          # named_rate: words holding a negation's character that negate nothing (不利, 不断)
          "not_negating_words": (list, []),
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
          # named_rate: words of how an act was done (实际到位, 足额到位): naming no part of the money
          "manner_words": (list, []),
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
          # share_sum: words naming what was done of such a base (完成, 累计): a share of progress
          # against a plan (累计完成投资…占总投资的80%), no piece of a split of it
          "progress_words": (list, []),
          # share_sum: the words naming the whole a sentence's shares split before its first 占
          # (缴存职工中，…): shares naming their parts and no amounts are summed only after them
          "split_whole_pattern": (str, "")}
MESSAGE_FIELDS = {"rate", "computed", "relation", "basis"}


def validate(params: dict) -> str | None:
    return invalid_setting(params, CHECKS, ("bare_initial_pattern", "basis_pattern", "whole_pattern", "beaten_pattern",
                                            "met_pattern"))


def check(doc, rule):
    name = rule.params["check"]
    return CHECKS[name](doc if name in TEXT_CHECKS else fact_base(doc), rule)


TEXT_CHECKS = {"written_arithmetic", "named_multiple", "multiple_claim"}  # checks reading the document's words, not its facts
CHECKS = {"written_arithmetic": check_written_arithmetic, "proportion": check_proportion, "tenths": check_tenths,
          "worded_sum": check_worded_sum, "named_rate": check_named_rate, "row_rate": check_row_rate,
          "table_share": check_table_share, "row_change": check_row_change, "year_change": check_year_change,
          "share": check_share, "share_sum": check_share_sum, "completion": check_completion, "growth": check_growth,
          "execution": check_execution, "target_completion": check_target_completion, "point_change": check_point_change,
          "schedule_rate": check_schedule_rate,
          "ratio_to_base": check_ratio_to_base, "difference_to_base": check_difference_to_base, "per_head": check_per_head,
          "budget_adjustment": check_budget_adjustment, "stated_base_rate": check_stated_base_rate,
          "named_multiple": check_named_multiple, "multiple_claim": check_multiple_claim, "split_sum": check_split_sum,
          "within_limit": check_within_limit, "target_claim": check_target_claim}
