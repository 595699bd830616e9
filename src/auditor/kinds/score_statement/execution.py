"""Check `execution_text` of kind `score_statement`: an execution score stated in prose against the
proportional rule stated with it (按“执行率×分值”计分): the points × the rate, at most 100%. The
points, rate and score are the rule's sentence's, or the next sentence's applying it; else the
execution row's points in the tables, the unit's one execution rate."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base import Fact, FactBase, fact_base
from ...facts.base.model import CURRENT, DEDUCTED
from ...facts.base.words import CLAUSE_BREAK_RE, YEARS_RE
from ...facts.numbers import fmt
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit, names_execution_rate
from ..score.execution import _execution_rule, _proportional_search, step_formula, step_score
from .common import score_lists, WEIGHT_WORDS, SCORED_REACH, applies_to_item


def check_execution_text(doc, rule):
    """“预算执行率（10分）：…执行率94.64%，按“执行率×分值”计分，本项得9.80分”: the score is the
    points × the rate (at most 100%), where the sentence states the rule (concepts.yaml
    execution_scoring `proportional`), the rate, the points and the score. The product is an
    interval as wide as the printed rate allows; the score its own printed interval."""
    pattern = (concepts().get("execution_scoring") or {}).get("proportional")
    if not pattern:
        return
    proportional = re.compile(pattern)
    base = fact_base(doc)
    # the report's step rule (达到100%的得满分10分，每降低1个百分点扣0.5分): the score of a sentence
    # stating it, or applying it in the next, is the points less the steps short of the rate for full marks
    own = _execution_rule(doc)
    step = own if own is not None and own.kind == "step" else None
    for key, facts in base.by_sentence.items():
        text = base.sentences.get(key, "")
        if step is not None and step.words in text:
            found = _step_terms(base, text, facts, text.find(step.words) + len(step.words), facts, True) \
                or _step_applied_next(base, key, facts)
            if found is not None:
                yield from _judged_by_step(base, step, *found)
            continue
        stated = proportional.search(text)
        if not stated or FORMULA_GOES_ON_RE.match(text, stated.end()):
            continue  # (得分=分值×执行率÷90%: another formula than the points × the rate)
        found = _execution_terms(text, facts, base) or _scored_next(base, key, facts, rule)
        if found is None:
            continue
        weight, rate, score = found
        points = stated.groupdict().get("points")
        if points and Decimal(points) != weight.value:
            continue  # (执行率×10 beside 分值20分: which points the rule gives is unclear)
        yield CHECKED
        lo, hi = rate.interval()
        lo, hi = weight.value * min(lo, Decimal(100)) / 100, weight.value * min(hi, Decimal(100)) / 100
        s_lo, s_hi = score.interval()
        if s_lo <= hi and lo <= s_hi:
            continue
        expected = weight.value * min(rate.value, Decimal(100)) / 100
        shown = fmt(expected, max(score.places, 2))
        yield Hit(quote=base.span(weight, score), location=score.loc, stated=score.text, expected=f"{shown}分",
                  formula=f"分值 {weight.text}{f'（{weight.where()}）' if weight.source == 'table' else ''} × 执行率 "
                          f"{rate.text}（超过100%按100%计）= {shown}分",
                  fields={"total": score.text, "sum": f"{shown}分", "parts": f"分值{weight.text}×执行率{rate.text}"},
                  highlights=[weight.loc, rate.loc])


def _step_applied_next(base: FactBase, key: tuple, facts: list[Fact]) -> tuple[Fact, Fact, Fact] | None:
    """(points, rate, score) of a step rule stated in one sentence (达到100%的得满分10分，每降低1个百分点
    扣0.5分。) and applied in the next, which states the execution rate and one score after it
    (本项目预算执行率90.00%，得6分)."""
    after = (key[0], key[1] + 1)
    return _step_terms(base, base.sentences.get(after, ""), base.by_sentence.get(after, ()), 0, facts)


def _step_terms(base: FactBase, text: str, told, start: int, rule_facts,
                unit_rate: bool = False) -> tuple[Fact, Fact, Fact] | None:
    """(points, rate, score) a step rule is applied to in a sentence, from `start` on (past the rule's
    own words, whose 得10分 are its full marks): the execution rate it states, no rate compared with
    (较100%低3.57个百分点: 100% is the mark), else (`unit_rate`, the rule's own sentence) the one the
    document states for the unit; and one score after it, no other rate between (产出指标…得45分 is
    another indicator's); the points the rule's sentence names first, none taken off (扣0.5分), else
    the execution row's in the tables."""
    rates = [f for f in told if f.at >= start and _stated_rate(f)]
    rate = rates[0] if rates else _document_rate(base) if unit_rate else None
    anchor = rates[0].at if rates else start
    scores = [f for f in told if f.unit == "分" and not f.comparator and rate is not None and f.at > anchor
              and "得" in text[max(0, f.at - SCORED_REACH):f.at]
              and not any(g.unit == "%" and anchor < g.at < f.at for g in told)]
    if rate is None or len(scores) != 1 or scores[0].concept not in (None, EXECUTION_RATE):
        return None
    # (the reader marks points taken off DEDUCTED by the deduction words before them)
    weight = next((f for f in rule_facts if f.unit == "分" and not f.comparator and f.value > 0 and f is not scores[0]
                   and f.measure != DEDUCTED), None) or _execution_weight(base)
    return (weight, rate, scores[0]) if weight is not None else None


def _stated_rate(f: Fact) -> bool:
    """An execution rate stated as the year's, not the mark it is compared with: its words close on
    no comparing word (较100%低3.57个百分点: concepts.yaml comparison_words)."""
    return f.concept == EXECUTION_RATE and f.unit == "%" and not f.comparator \
        and not compact(f.label).endswith(tuple(concepts().get("comparison_words") or ()))


def _judged_by_step(base: FactBase, step, weight: Fact, rate: Fact, score: Fact):
    """The score against the report's step rule on the rate: its points at the rate's two printed
    ends (a rate at the print's lower end is further short), each the score's interval may meet."""
    yield CHECKED
    lo, hi = rate.interval()
    ends = sorted(step_score(step, weight.value, end) for end in (lo, hi))
    s_lo, s_hi = score.interval()  # (as the proportional reading reads it: a whole score may be rounded)
    if s_lo <= ends[1] and ends[0] <= s_hi:
        return
    expected = step_score(step, weight.value, rate.value)
    shown = fmt(expected, max(score.places, 2))
    formula = step_formula(step, weight.value, rate.value, expected)
    yield Hit(quote=base.span(weight, score), location=score.loc, stated=score.text, expected=f"{shown}分",
              formula=formula, fields={"total": score.text, "sum": f"{shown}分", "parts": f"报告的计分规则“{step.words}”"},
              highlights=[weight.loc, rate.loc])


def check_execution_full_text(doc, rule):
    """“预算执行率81.52%，预算执行指标分值10分，得10分”: a sentence stating the execution rate, the
    points and a score of full marks, with no scoring rule of its own: below 100% (its whole printed
    interval) full marks break the common rule (the points × the rate, 财预〔2020〕10号's form), unless
    the report states another rule for the execution score anywhere (a threshold, a step, bands:
    concepts.yaml execution_scoring) — then it is that rule's to judge, not this one's."""
    base = fact_base(doc)
    candidates, judged = [], []
    for key, facts in base.by_sentence.items():
        text = base.sentences.get(key, "")
        if "执行率" not in text:
            continue
        rate = _execution_rate(facts)
        if rate is None or not names_execution_rate(_rate_name(rate.label, rule.params["rate_period_words"])):
            continue  # (政府采购执行率: another thing's rate, not the budget's execution)
        # (the points its words name first: a table's execution row's points only where it names none)
        found = _named_terms(text, facts, rate) or _execution_terms(text, facts, base)
        if found is not None:
            candidates.append(found)
            judged.append(text)
    if candidates and _states_own_rule(doc, rule.params, judged):
        return  # (the report states its own rule: SCO015 and the step rules judge by it, or none does)
    for weight, rate, score in candidates:
        if score.value != weight.value or weight.source != "text":
            continue
        yield CHECKED
        expected = weight.value * rate.value / 100
        shown = fmt(expected, max(score.places, 2))
        if rate.interval()[1] >= 100 or Decimal(shown.replace(",", "")) == weight.value:
            continue  # (99.996% of 10 points is 10.00 as scores are printed)
        yield Hit(quote=base.span(rate, score), location=score.loc, stated=score.text, expected=f"{shown}分",
                  formula=f"执行率 {rate.text} 未达 100%，预算执行得满分 {score.text}；按“分值×执行率”："
                          f"{weight.text} × {rate.text} = {shown}分",
                  fields={"total": score.text, "sum": f"{shown}分", "parts": f"分值{weight.text}×执行率{rate.text}"},
                  highlights=[weight.loc, rate.loc])


def _states_own_rule(doc, params: dict, judged: list[str]) -> bool:
    """The report states a rule of its own for the execution score anywhere, in prose or in a table
    cell: a line about execution or the budget (执行, 预算) with a percentage, a rule's word (满分,
    以上, 扣, 档, 区间, ≥: the rule's own_rule_words) and a word of scoring (得, 扣, 计: its
    rule_score_words), or one the score kind reads (_execution_rule); not the lines the scores judged stand in (…超过上年
    5个百分点，…得10分 states no rule) nor a target (≥90% in an indicator row scores nothing)."""
    words, scoring = params["own_rule_words"], params["rule_score_words"]
    threshold = re.compile(params["threshold_pattern"]) if params["threshold_pattern"] else None
    # (a rule SCO009's kind reads, a step, bands, a formula, a threshold; or the proportional one,
    # SCO015's to judge by)
    proportional = (concepts().get("execution_scoring") or {}).get("proportional")
    if _execution_rule(doc) is not None or (proportional and _proportional_search(proportional, doc.text)):
        return True
    for line in doc.text.splitlines():
        # (a line a judged score stands in holds 得…分 of its own: its rule must name full marks, points
        # off, a standard, or a threshold of a rate, 超过95%; not 超过上年5个百分点)
        if any(sentence in line for sentence in judged):
            if threshold is not None and threshold.search(line) or any(w in line for w in params["judged_rule_score_words"]):
                return True
            continue
        if any(w in line for w in params["rule_topic_words"]) and ("%" in line or "％" in line) \
                and any(w in line for w in words) \
                and any(w in line for w in scoring):
            return True
    return False


def _rate_name(label: str, period_words: list[str]) -> str:
    """A rate's own name from its words: its last clause, the report's year, link words and the
    words of the year it is of out (2024年度预算执行率为, 全年执行率 -> 预算执行率, 执行率)."""
    name = YEARS_RE.sub("", CLAUSE_BREAK_RE.split(compact(label))[-1]).rstrip("为是达到：:")
    return next((name[len(w):] for w in sorted(period_words, key=len, reverse=True) if name.startswith(w)), name)


def _named_terms(text: str, facts, rate: Fact) -> tuple[Fact, Fact, Fact] | None:
    """(points, rate, score) of a sentence naming its points by a weight's word wherever they stand
    (…预算执行率81.52%，预算执行指标分值10分，得10分): one figure so named, one score after 得."""
    weights = [f for f in facts if f.unit == "分" and not f.comparator and _execution_points(f.label)]
    scores = [f for f in facts if f.unit == "分" and not f.comparator and f not in weights and f.at > rate.at
              and "得" in text[max(0, f.at - SCORED_REACH):f.at]]
    if len(weights) != 1 or len(scores) != 1:
        return None
    # (another percentage between the rate and the score, 满意度96%: the score may be that one's)
    if any(f.unit == "%" and rate.at < f.at < scores[0].at for f in facts):
        return None
    return weights[0], rate, scores[0]


def _execution_points(label: str) -> bool:
    """A figure's words name the points of the execution indicator: a weight's word (分值, 满分)
    closing them, nothing before it but the indicator (预算执行指标分值) or nothing at all."""
    words = CLAUSE_BREAK_RE.split(compact(label))[-1].rstrip("为：:（(")
    weight = next((w for w in WEIGHT_WORDS if words.endswith(w)), None)
    if weight is None:
        return False
    named = words[:-len(weight)].replace("指标", "")
    return not named or "执行" in named


def _execution_terms(text: str, facts, base: FactBase) -> tuple[Fact, Fact, Fact] | None:
    """(points, rate, score) of the sentence: the execution rate, the points before it (the
    first figure in 分, 预算执行率（10分）/ 分值10分) and the score after it (得9.80分). A
    sentence stating no rate takes the one the document states for the unit, if only one."""
    rate = _execution_rate(facts)
    here = rate is not None
    rate = rate or _document_rate(base)
    if rate is None:
        return None
    at = rate.at if here else 0
    # (not a score said as such before the rate: 预算执行率指标得分9.5分，…预算执行率95.00%，…计得9.5分;
    # 最高可得10分 is the weight)
    lists = score_lists()
    scored, possible = tuple(lists["scored_words"]), tuple(lists["possible_points_words"])
    # (nor the points taken off: 预算执行率扣0.40分：…得4.60分)
    deducted = tuple(lists.get("deduction_words") or ())
    weight = next((f for f in facts if f.unit == "分" and (f.at < at or not here) and not f.comparator
                   and (not compact(f.label).rstrip("为：:").endswith(scored)
                        or any(w in f.label for w in possible))
                   and not compact(f.label).rstrip("了").endswith(deducted)), None)
    score = next((f for f in reversed(facts) if f.unit == "分" and f.at > at and f is not weight and not f.comparator
                  and "得" in text[max(0, f.at - 6):f.at]), None)
    if weight is None and score is not None:
        # the points in brackets after the score (该项得分9.20分（分值10分）)
        weight = next((f for f in facts if f.unit == "分" and f.at > score.at and not f.comparator
                       and text[score.at + len(score.text):f.at].strip("（(：: ").endswith(WEIGHT_WORDS)), None)
    if weight is None and score is not None and here:
        # “执行率97.60%，按执行率×分值计分，得9.86分”: the points are the form's, in its execution row
        weight = _execution_weight(base)
    if weight is None or score is None or weight.value <= 0:
        return None
    return weight, rate, score


# an operator right after the points × the rate: the formula goes on (÷90%, /0.9, -60)
FORMULA_GOES_ON_RE = re.compile(r"\s*[÷/／+＋\-－−]")


def _other_rule_words() -> tuple[str, ...]:
    """Words of a scoring rule stating another branch than the proportional one (得满分, 以下,
    不得分, 每…扣: concepts.yaml execution_scoring own_rule_words)."""
    return tuple((concepts().get("execution_scoring") or {}).get("own_rule_words") or ())


APPLYING_REACH = 8  # the characters at a sentence's start that may say it applies the rule before


def _scored_next(base: FactBase, key: tuple, facts: list[Fact], rule) -> tuple[Fact, Fact, Fact] | None:
    """(points, rate, score) of a rule stated with its points in one sentence and applied in the
    next, which states one score: the next sentence says so at its start (分值20分，评分规则为：
    得分=预算执行率×分值。按此规则，该项得20分), the rate then the rule's sentence's, else the one
    the document states for the unit; or it states the unit's execution rate of the year and then,
    with no other rate between, the score in a clause naming the item (本年度预算执行率为81.52%，
    该项得分10分), the rate then that one."""
    points = [f for f in facts if f.unit == "分" and not f.comparator]
    after = (key[0], key[1] + 1)
    text = base.sentences.get(after, "")
    if len(points) != 1 or points[0].value <= 0:
        return None
    told = base.by_sentence.get(after, ())
    scores = [f for f in told if f.unit == "分" and not f.comparator
              and "得" in text[max(0, f.at - SCORED_REACH):f.at]]
    if len(scores) > 1:
        # (the categories' scores listed, 各项得分为：预算执行率得分10分，产出指标得分48分…: the one
        # whose clause names the execution indicator)
        scores = [f for f in scores if _indicator_named(NAMED_CLAUSE_BREAK_RE.split(text[:f.at])[-1])]
    if len(scores) != 1 or scores[0].concept not in (None, EXECUTION_RATE):
        return None  # (another thing's score; the execution rate's own, 预算执行率得分10分, is the item's)
    if any(w in base.sentences.get(key, "") for w in _other_rule_words()):
        return None  # (…×分值，执行率低于60%的不得分: the rule has another branch the score may follow)
    named = _indicator_named(NAMED_CLAUSE_BREAK_RE.split(text[:scores[0].at])[-1])
    if applies_to_item(text[:APPLYING_REACH], rule.params["applying_words"]) or named:
        # (按此规则，该项得…; or the score's clause naming the indicator itself, 预算执行率得分10分:
        # then the rate of that name, not another's, 部门预算执行率 beside 项目预算执行率)
        rate = _execution_rate(facts) or _document_rate(base)
        if named and rate is not None:
            own = _rate_name(rate.label, [])
            rate = rate if own.endswith(named) or named.endswith(own) else None
    else:
        rate = _item_rate_before(text, told, scores[0], rule.params["item_words"])
    return (points[0], rate, scores[0]) if rate is not None else None


def _indicator_named(clause: str) -> str:
    """The execution indicator's name a score's clause states before its score and nothing else
    (预算执行率 of 预算执行率得分, 预算执行率指标得), the year's and 指标 aside; "" naming none."""
    words = YEARS_RE.sub("", compact(clause)).lstrip("度")
    cut = words.rfind("得")
    name = words[:cut].removesuffix("指标") if cut > 0 else ""
    return name if name and names_execution_rate(name) else ""


EXECUTION_RATE = "预算执行率"  # (the vocabulary's concept of the budget's execution rate)


def _execution_rate(facts) -> Fact | None:
    """The first execution rate the facts state as such (no rate compared with)."""
    return next((f for f in facts if _stated_rate(f)), None)


def _item_rate_before(text: str, told, score: Fact, item_words: list[str]) -> Fact | None:
    """The unit's execution rate of the year the sentence states last before the score, when no
    other percentage stands between them (资金到位率100%，该项得分…: another indicator's score) and
    the score's clause names the item (该项得分, 本项得分为：…)."""
    before = [f for f in told if f.unit == "%" and f.at < score.at]
    rate = before[-1] if before else None
    if rate is None or not _unit_rate_of_year(rate):
        return None
    return rate if applies_to_item(ITEM_CLAUSE_BREAK_RE.split(text[:score.at])[-1], item_words) else None


ITEM_CLAUSE_BREAK_RE = re.compile(r"[，,；;。]")  # (not ：, which may stand between 该项得分为 and its figure)
# (…和 a list's opening colon too: 各项得分为：预算执行率得分10分)
NAMED_CLAUSE_BREAK_RE = re.compile(r"[，,；;。：:、]")


def _execution_weight(base: FactBase) -> Fact | None:
    """The points of the execution row of the document's tables (项目资金 | … | 分值 10 | 执行率
    97.60% | 得分): the 分值 of a table row that also states the execution rate and a score, when
    all such rows agree on one value."""
    def find() -> Fact | None:
        rows: dict[tuple, list[Fact]] = {}
        for f in base.facts:
            if f.source == "table":
                rows.setdefault((f.block, f.loc.row), []).append(f)
        weights = [f for row in rows.values()
                   if any(x.concept == "预算执行率" and x.unit == "%" for x in row) and any(x.measure == "得分" for x in row)
                   for f in row if f.measure == "分值" and f.unit == "分"]
        return weights[0] if weights and all(w.value == weights[0].value for w in weights) else None
    return base.remember(("execution row weight",), find)


def _unit_rate_of_year(f: Fact) -> bool:
    """The fact states the unit's execution rate of the report's year: no change of it, no rate
    compared with, no part's (member) or project's (subject)."""
    return f.measure == "实际值" and f.period == CURRENT and not f.member and not f.subject and _stated_rate(f)


def _document_rate(base: FactBase) -> Fact | None:
    """The unit's execution rate, when every statement of it agrees on one value."""
    rates = [f for f in base.of("预算执行率", "实际值", CURRENT) if _unit_rate_of_year(f)]
    return rates[0] if rates and all(f.value == rates[0].value for f in rates) else None
