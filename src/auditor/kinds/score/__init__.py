"""Kind `score`: performance self-evaluation tables scored against their own rules.

Checks (param `check`):
- execution: 得分 of the budget execution row = `formula` (default 分值 × 执行率), and of an
  indicator row scoring the execution rate where the report states its rule.
- execution_full: the same row given full marks while the execution rate is below
  `full_rate` (100%): a target not met (`execution` reports it too, as a wrong score).
- execution_rate: the stated 执行率 = 执行数 / 预算数.
- total: Σ得分 (with or without the execution score) = 总分.
- full_marks: a whole form's points (总分 row's 分值, the execution row's added) = `full_marks` (100).
- weights: Σ分值 of a section = the section weight in its label, e.g. 产出指标（50分）.
- score_cap: 得分 ≤ 分值.
- weighted_mean: a table of rows each scored out of full marks and weighed (专家评分 | 60% | 86):
  its last row's score = Σ 权重 × 得分 ÷ Σ 权重.
- strict_target: a strict target (>3%, <2500元) that the actual only reaches is not met,
  yet the indicator is given marks as met.
- missed_target: a quantitative target the actual value does not reach (≥6800台 vs 5462台,
  ≤36.78万元 vs 40万元), yet the indicator is given full marks.
- proportional: a quantitative target missed, scored otherwise than `formula` (正向
  权重 × B/A; 反向 权重 × A/B), where the document states that rule.
- told_deductions: 得分 = 分值 − the points the row's reason says were taken off (扣1分).
- summary: a summary table's category rows (一级指标 | 分值 | 得分, 决策 … 效益) = the sums of the
  detail table's rows of each category, the evaluation's they restate (tables/score_summary.py).

Scores are compared at the precision the form prints its scores with: a "10" in a form
whose other scores carry two decimals stands for 10.00, not for anything in [9.5, 10.5).

The checks live in this package, one module per family: execution.py (execution, execution_full,
execution_rate, and the execution rule a report states), totals.py (total, subtotals), weights.py
(weights, summary, score_cap), target_checks.py (strict_target, missed_target, met_deducted,
claimed_met), proportional.py and indicator_points.py (qualitative, per_item, told_deductions);
forms.py holds the rows of a score form and what every check reads of them, targets.py an
indicator's targets and whether its actual value reached them, rule_text.py the scoring rules
a report's text states (steps per unit short, clauses, the deductions a reason tells).
"""
from __future__ import annotations

from ...tables.typed import typed_tables
from ..base import invalid_setting
from .execution import check_execution, check_execution_full, check_execution_rate
from .totals import check_full_marks, check_subtotals, check_total
from .weights import check_weights, check_summary, check_score_cap, check_weighted_mean
from .proportional import check_proportional
from .target_checks import check_strict_target, check_missed_target, check_met_deducted, check_claimed_met
from .indicator_points import check_qualitative, check_per_item, check_told_deductions


KIND = "score"
PARAMS = {
    "check": (str, None),
    # claimed_met: words of a reason cell saying the target was met, and the words before them
    # that deny it (未全面完成)
    "met_claims": (list, []), "met_claim_pattern": (str, ""), "no_deviation_pattern": (str, ""),
    "deviation_heads": (list, []), "future_words": (list, []), "denials": (list, ["未", "尚未", "没有", "不", "无法"]),
    # score_cap: words of a bonus row, and the labels of a total row a bonus lifts above its weight
    "bonus_words": (list, []), "total_labels": (list, ["合计", "总计", "总分"]),
    "formula": (str, "weight * rate"),  # rate: 执行数 ÷ 预算数, or the stated rate
    # execution: the whole's execution rate an indicator row with no actual value is scored on (the
    # department's, the evaluated project's), not a part's: the labels of a breakdown table's row
    # stating the whole's (合计), words naming a part before a rate in its sentence (基本支出), a
    # pattern naming a project (group `name`), and words naming the whole after them (部门整体)
    "whole_row_words": (list, []), "part_words": (list, []), "part_pattern": (str, ""),
    "whole_words": (list, []),
    "cap_at_weight": (bool, True),
    "positive_formula": (str, "weight * actual / target"),
    "negative_formula": (str, "weight * target / actual"),
    "requires_statement": (list, []),
    # the report's own rule for an indicator short of its floor, so many points off per point
    # (每低1个百分点扣0.2分): a regular expression with groups `step` and `points`, and the score
    # it gives (variables weight, target, actual, step, points, and shortfall: the points a rate
    # falls short by, or a quantity's completion rate does); no score below 0. Where the report
    # states the proportional rule as well, the step rule is the rates' and the quantities keep it.
    "step_statement": (str, ""),
    # the same in the indicator's own unit, either way from the target (每超出1件扣1分, 每少5人扣1分):
    # groups `step`, `unit` and `points`; the shortfall is then how far the actual value lies from
    # the target in that unit. A row in another unit than the step's is left unjudged.
    "unit_step_statement": (str, ""),
    "step_unit_aliases": (dict, {}),  # units a step in one counts rows in (日: [天])
    # words right before a step naming the completion rate as what it counts (完成率每降低1%扣0.5分):
    # the shortfall is then the completion rate's below 100, a rate indicator's too (68.6% of ≥70%: 2.00)
    "completion_step_words": (list, []),
    "general_scope_words": (list, []),  # the words a unit step's scope naming no one indicator is made of (对未完成目标的指标)
    # the endings of the words before a step rule naming one indicator (水质检测达标率每低…): its row's alone
    "indicator_scope_endings": (list, []),
    # weighted_mean: the word of a head over a column of each row's weighed score (加权得分)
    "weighed_head_word": (str, ""),
    "step_formula": (str, "weight - shortfall / step * points"),
    # words by which a report scores a missed indicator by another rule (酌情扣分, bands: 得该指标
    # 分值的80%): then no formula is held to it, unless the report also states the proportional
    # one (the other rule is then the other indicators': 定性指标根据完成情况酌情扣分)
    "other_rule_statements": (list, []),
    "proportional_statements": (list, []),
    "proportional_formula": (str, ""),
    # proportional: a row's own rule of its rate times its points (执行率×10分, 完成率×分值), and
    # the points it gives (weight, actual: the row's rate in %)
    "rate_times_points": (str, ""), "rate_times_formula": (str, "weight * actual / 100"),
    "rounding_cues": (list, []),
    # the words before a step rule in its sentence that give the indicators it is for: a kind of
    # rate (百分比类指标…每低1个百分点…), or words of the indicators' own names and categories
    # (满意度指标每低于…); none of them: every quantitative indicator
    "rate_scope_words": (list, []),
    "execution_scope_words": (list, []),
    "quantity_scope_words": (list, []),
    "scope_words": (list, []),
    # words by which a report states that a met indicator earns full marks (已完成的指标得满分):
    # then a met rate (合格率 ≥95%) is held to it too
    "full_marks_statements": (list, []),
    # … or in other words: a pattern (完成年度指标值的得满分, 达到目标值即得满分)
    "full_marks_pattern": (str, ""),
    # A bare target (“900件”, no ≥/≤) is read as a floor, the usual meaning of a planned
    # quantity; an indicator whose name or category holds one of these words may as well be
    # a ceiling (成本, 投诉, 事故 …), so its bare target is not judged.
    "ceiling_cues": (list, []),
    # units of a bare target that may as well be a ceiling (a time taken: 30分钟; a harm rate in ‰)
    "ceiling_units": (list, []),
    # missed_target: words that, before a target in words, deny it (达标 | 未达标), and words that
    # may stand between them (未全部达标)
    "negations": (list, []), "negation_qualifiers": (list, []),
    # missed_target: a report's own rule giving full marks from a level up to the indicators its
    # words name (满意度指标达到90%（含）以上的得满分): groups `scope` and `level`
    "level_full_marks": (str, ""),
    # … the words of full marks one of which such a rule holds (read before the pattern is run), and
    # the words trimmed off its scope (满意度类指标的 → 满意度)
    "level_full_marks_words": (list, []), "level_scope_tails": (list, []),
    # execution rate (in %) at or above which the budget is fully executed
    "full_rate": (str, "100"),
    # qualitative: the report's own grades for qualitative indicators (完全达成的得全部分值，部分达成的
    # 得分值的60%，未达成的不得分): a regular expression with group `grade` and one of `share` (a
    # percentage of the points), `full` (all of them) or `none` (nothing)
    "grade_statement": (str, ""),
    # qualitative: grades listed, then their shares after 分别 in turn (group `grades`, `shares`)
    "grade_list_statement": (str, ""),
    # qualitative: each grade with its share in brackets after it (好（100%）、较好（80%）、差（0）):
    # group `grade`, and `share` (a percentage) or `none` (a bare 0)
    "grade_share_statement": (str, ""),
    # per_item: a deduction per item found (group per, unit, points), and how a row says how many
    # were found (a pattern with {unit}; the count is the first of its groups to match)
    "per_item_rule": (str, ""), "found_count": (str, ""),
    # per_item: a stated cap on the deductions (group 1 its points), and the word of a deduction
    # (a rule holding it twice, once not as its cap, has more than one way to lose points)
    "cap_rule": (str, ""), "deduction_word": (str, "扣"),
    # proportional: a deduction a row's reason tells (扣1分, group `points`; SCO022 reads it so too), and
    # words right before one making it the row's total (共扣1.5分)
    "deduction_total_words": (list, []),
    # …and words before one making it only proposed, not taken (原拟扣2分)
    "proposed_words": (list, []),
    # told_deductions: a deduction told in a reason (扣1分, group `points`), the words right before one
    # making it the total (共扣), and words by which the account may be partial (酌情, 每…扣)
    "told_deduction_pattern": (str, ""), "total_words": (list, []), "untold_words": (list, []),
    # full_marks: the points a whole form is scored out of, and the points of a row the form may
    # print apart, unread (the execution row's 10: an indicators' 总分 of 90 is then whole)
    "full_marks": (int, 100), "unlisted_points": (list, [10]),
    # …and how a report states a part's own full marks ({points} the table's points: 满分35分)
    "stated_full_marks_pattern": (str, ""),
}
MESSAGE_FIELDS = {"table", "weight", "rate", "score", "total", "section", "indicator", "target",
                  "actual", "diff", "basis", "claim", "sum"}


def validate(params: dict) -> str | None:
    return invalid_setting(params, CHECKS, ("met_claim_pattern", "no_deviation_pattern"))


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, rule, typed_tables(doc))


# Sub-checks by the rule's `check` param.
CHECKS = {
    "per_item": check_per_item,
    "told_deductions": check_told_deductions,
    "qualitative": check_qualitative,
    "execution": check_execution,
    "execution_full": check_execution_full,
    "execution_rate": check_execution_rate,
    "total": check_total,
    "full_marks": check_full_marks,
    "subtotals": check_subtotals,
    "weights": check_weights,
    "score_cap": check_score_cap,
    "weighted_mean": check_weighted_mean,
    "strict_target": check_strict_target,
    "missed_target": check_missed_target,
    "proportional": check_proportional,
    "met_deducted": check_met_deducted,
    "claimed_met": check_claimed_met,
    "summary": check_summary,
}
