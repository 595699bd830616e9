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

from ...facts.base import (OTHER_BASIS, BUDGET_MEASURES, CLAUSE_BREAK_RE, bare_head, CURRENT, Fact, FactBase,
                           fact_base, per_unit, YEARS_RE)
from ...facts.lexicon import lexicon
from ...facts.scopes import figure_scope
from ...facts.numbers import MONEY_UNITS, fmt, half_unit, significant_digits
from ...knowledge import compact, concepts
from ..base import (CHECKED, Checked, document_texts, Hit, invalid_setting, item_label, in_common_unit, rounding_note,
                    slipped_unit, sum_check)
from ..named_rates import COPULAS, named_rate_slips
from ..per_head_columns import per_head_rows
from ..per_head_counts import HeadCounts, HeadWords, basis_of, count_bounds
from ..tenths import tenths_slips
from ..worded_sums import worded_sums
from .. import named_multiples, written_arithmetic
from ..split_sums import split_sums
from .intervals import (HUNDRED, bounds, ratio_bounds, exact_ratio, formula_operands, consistent, rate_hit,
                        difference_hit, difference_misfit, round_bounds, ratio_fits, rate_against, way, opposite)
from .lookup import same_sentence, facts_before, unique_value, document_value, in_brackets
from .share import SUBJECT_FILLER_RE, check_share
from .share_sum import check_share_sum
from .completion import check_completion, check_target_completion
from .to_base import check_ratio_to_base, check_difference_to_base
from .execution import check_execution
from .growth import check_growth
from .point_change import check_point_change, check_schedule_rate
from .row_rates import check_row_rate, check_table_share
from .row_change import check_row_change
from .year_change import check_year_change


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
