"""Kind `score_statement`: what the narrative says of a self-evaluation score, against the score.

Checks (param `check`):
- grade: a stated grade (评价等级为“优”) against the band of scores it stands for. Each grade
  is a band (param `grades`: name, its words, `min` inclusive and `below` exclusive; a grade with
  neither, 予以支持, only by the report's own bands); a report
  that states its own bands (“90分（含）以上为优，80分（含）至90分为良”) is held to those for the
  grades it names. The grade follows the score (concept `score_concept`) in its sentence or the
  next one, after a cue (`cues`: 等级为, 评价结果为 …); in a score table, a cell holding a cue
  and a grade (自评等级：良, or 自评等级 | 良 in the next cell of the row).
  A band stated as a range of whole scores (80-89分为良) reaches to the next whole score: 89.5
  is not judged against a gap the report left between its bands.
- cap: a part's score stated right after the points it is out of (产出指标（50分）得分52分) does
  not exceed them.
- breakdown: the category scores listed after the total (综合得分95.94分，其中：预算执行得分9.83分，
  产出指标得分49.10分 …) add up to it when they are a complete set of categories (param
  `complete_sets`, `optional` categories aside); a partial list cannot exceed it.
- breakdown_table: each category score the narrative states (in the list after the total, with
  its weight, or on its own: 决策类指标得分18.50分) against the report's one score table (the sum
  of the category's detail rows, or its row of a summary).
- category_rate: a category's 得分率 stated right after its score (决策类指标得分18.50分，得分率
  92.50%) = that score ÷ the category's points in the score table.
- execution_text: an execution score stated in prose = the points × the execution rate (at most
  100%), where the sentence states that rule (concepts.yaml execution_scoring `proportional`).
- weights_text: the weights of a complete set of first-level categories (预算执行率10分，产出指标
  50分 …) add up to the full score.
- weights_exceeded: a category's score stated in words does not exceed the weight the report's
  own list of weights gives it.
- total_cap: a self-evaluation total stated in the text does not exceed the full score (the
  report's, else concepts.yaml full_score), unless the report speaks of bonus points.
- completion_full_text: an indicator told in prose short of its target and given full marks, in a
  report whose own rule scores an unmet target in proportion (按完成比例计分).
- deduction_text: an item's points, the points a sentence says were taken off it and its score
  (指标分值15分…扣0.60分，得14.60分): 得分 = 分值 − 扣分.

The checks live in this package, a module per family: grade.py (grade) with bands.py (the words
of the grades, their default bands and those a report sets out in its text or a table),
breakdown.py (breakdown), category_scores.py (breakdown_table, category_rate: a category's score
against the score table), caps.py (cap, total_cap), deductions.py (deduction_text), execution.py (execution_text), completion.py (completion_full_text) and weights.py
(weights_text, weights_exceeded); common.py holds what several of them read (the vocabulary of
category score lists, the categories words name, the totals the text states, the brackets open,
the words naming a score's points and the item just told of).
"""
from __future__ import annotations

import re

from ...knowledge import concepts
from .common import score_lists
from .grade import check_grade
from .breakdown import check_breakdown
from .category_scores import check_breakdown_table, check_category_rate
from .caps import check_cap, check_total_cap
from .deductions import check_deduction_text
from .execution import check_execution_full_text, check_execution_text
from .completion import check_completion_full_text
from .weights import check_weights_text, check_weights_exceeded


KIND = "score_statement"
PARAMS = {"check": (str, None), "grades": (list, []), "cues": (list, []), "bare_cues": (list, []),
          "other_period_words": (list, []), "score_concept": (str, "自评得分"),
          # heads of a column of the points taken off (扣分): no score, though its cells print bare
          "deduction_heads": (list, []),
          # breakdown_table: words of a total speaking of the unit as a whole (部门整体…得分), and words of
          # a table's title making it a project's form (项目支出绩效自评表): the one's scores are no other's
          "whole_cues": (list, []), "project_form_words": (list, []),
          "reach": (int, 60),
          # grade: the words naming the report's own thing before a grade's cue on a line after the bands
          "own_subject_words": (list, []),
          # execution_full_text: words of a line about execution with a percentage that state a rule of
          # the report's own for the execution score (满分, 以上, 扣, 档, ≥)
          "own_rule_words": (list, []),
          # execution_full_text: words of scoring such a line holds with them (得, 扣, 计: a rule, not a target)
          "rule_score_words": (list, []),
          # execution_full_text: …in the line of a judged score, which holds 得…分 of its own (满分, 扣)
          "judged_rule_score_words": (list, []),
          # execution_full_text: a rate's threshold in such a line (超过95%, ≥95%, 95%以上)
          "threshold_pattern": (str, ""),
          # execution_full_text: the words of a line about the execution score (执行, 预算), and the
          # words of the year a rate's name may open with (全年执行率 is the budget's)
          "rule_topic_words": (list, []), "rate_period_words": (list, []),
          # cap: the words naming a weight in brackets right after a score (得分42分（分值40分）)
          "weight_words": (list, ["分值", "权重", "满分", "标准分"]),
          # total_cap: words saying the scheme gives points beyond the full score
          "bonus_words": (list, []),
          # total_cap: words naming the full score in a figure's phrase (满分为120分)
          "full_words": (list, []),
          # execution_text: words by which the sentence after a scoring rule applies it (按此规则，
          # 该项得20分): the score there is the rule's
          "applying_words": (list, ["按此", "据此", "按上述", "按该", "依此", "该项", "本项"]),
          # execution_text: words naming the item itself in the clause of a score after its rate
          # (本年度预算执行率为81.52%，该项得分10分); not the project (该项目: see applies_to_item)
          "item_words": (list, ["该项", "本项", "该指标", "本指标"]),
          # category_rate: the names of a category's rate of its points right after its score (得分率)
          "rate_words": (list, ["得分率"]),
          # completion_full_text: words of the report's own rule scoring an unmet target in proportion
          # (按完成比例计分), and the words naming a completion rate (完成率)
          "proportional_statements": (list, []), "completion_words": (list, []),
          # completion_full_text: words naming one kind of indicators in the rule's clause (满意度指标
          # 按…比例得分: that kind's rule), words letting a shortfall go unpunished (不扣分, 不可抗力),
          # and words of an indicator kept below its target (事故, 响应时间: else concepts.yaml indicator_ceilings)
          "rule_scope_words": (list, []), "exemption_words": (list, []), "ceiling_cues": (list, []),
          # completion_full_text: words of an indicator's points clause naming no indicator (培训指标分值 → 培训)
          "name_fillers": (list, ["指标", "的", "为"]),
          # deduction_text: words of a step that make points off a rule's; the words a score is stated with
          "step_words": (list, []), "score_words": (list, ["得分", "得"]), "deduction_words": (list, ["扣"]),
          # grade: the words closing a score stated as the sum of every category's (四类指标合计得分)
          "summed_score_words": (list, []),
          # …and the words counting the categories summed (四类指标): all of them, whichever are named
          "all_categories_pattern": (str, "(?!)")}
MESSAGE_FIELDS = {"score", "grade", "expected_grade", "bands", "total", "sum", "parts", "weight", "rate"}


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    if params["check"] == "cap":
        return None if score_lists()["scored_words"] else "concepts.yaml 的 score_lists.scored_words 不能为空"
    if params["check"] in ("breakdown", "breakdown_table", "category_rate"):
        return _validate_breakdown(score_lists())
    if params["check"] in ("execution_text", "execution_full_text"):
        return _validate_proportional()
    if params["check"] in ("weights_text", "weights_exceeded"):
        return _validate_breakdown(score_lists())
    if params["check"] in ("total_cap", "deduction_text"):
        return None
    if params["check"] == "completion_full_text":
        return None if params["proportional_statements"] and params["completion_words"] else \
            "proportional_statements 与 completion_words 不能为空"
    if not params["cues"]:
        return "cues 不能为空"
    for k, grade in enumerate(params["grades"]):
        if not isinstance(grade, dict) or not isinstance(grade.get("name"), str) \
                or not isinstance(grade.get("words"), list) or not grade["words"] \
                or not all(isinstance(w, str) and w for w in grade["words"]):
            return f"grades[{k}] 应写明 name（文本）和 words（非空文本列表）"
        for side in ("min", "below"):
            if side in grade and not isinstance(grade[side], (int, float)):
                return f"grades[{k}].{side} 应为数字"
        extra = set(grade) - {"name", "words", "min", "below"}
        if extra:
            return f"grades[{k}] 有未知字段：{'、'.join(sorted(extra))}"
    return None


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, rule)


def _validate_breakdown(params: dict) -> str | None:
    """`params`: concepts.yaml's score_lists, which the breakdown checks read."""
    categories = params["categories"]
    if not categories or not all(isinstance(w, list) and w and all(isinstance(x, str) and x for x in w)
                                 for w in categories.values()):
        return "concepts.yaml 的 score_lists.categories 应为 类别 -> 非空词语列表"
    for k, names in enumerate(params["complete_sets"]):
        if not isinstance(names, list) or not names or any(n not in categories for n in names):
            return f"score_lists.complete_sets[{k}] 应为 categories 中类别的非空列表"
    if any(n not in categories for n in params["optional"]):
        return "score_lists.optional 只能包含 categories 中的类别"
    if not params["list_openers"]:
        return "score_lists.list_openers 不能为空"
    return None


def _validate_proportional() -> str | None:
    pattern = (concepts().get("execution_scoring") or {}).get("proportional")
    try:
        re.compile(pattern or "")
    except re.error as exc:
        return f"concepts.yaml 的 execution_scoring.proportional 不是有效的正则表达式：{exc}"
    return None if pattern else "concepts.yaml 的 execution_scoring.proportional 不能为空"


CHECKS = {"grade": check_grade, "breakdown": check_breakdown, "breakdown_table": check_breakdown_table,
          "cap": check_cap, "execution_text": check_execution_text, "execution_full_text": check_execution_full_text, "weights_text": check_weights_text,
          "weights_exceeded": check_weights_exceeded, "category_rate": check_category_rate,
          "total_cap": check_total_cap, "completion_full_text": check_completion_full_text,
          "deduction_text": check_deduction_text}
