"""The scoring rules a report's text states, for kind `score`: steps of points per unit short
(每少1台扣1分), the clauses a rule stands in, the proportional rule's statements, and the
deductions a reason tells (扣1分) that add up to what it took off."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ...facts.numbers import MONEY_UNITS
from ...knowledge import compact, concepts, vocabulary_generation, han_bigrams
from ...facts.numbers import count_word
from .targets import MissedTarget


class Step(NamedTuple):
    """A step rule a report states: so many `points` off per `step` (每低1个百分点扣0.2分); `kind`
    "rate" / "quantity" (the kind of indicator named before it), "unit" (a step in the indicator's
    own `unit`, 每超出1件扣1分) or "" (any); `names`, words of the indicators it is for; `way`, the
    side of the target it counts (a unit step's: "over" a ceiling, "under" a floor, "" either);
    `scope`, the words naming the indicator a step written in the prose is for; `on_completion`,
    the step counts the completion rate's points below 100 whatever the indicator (完成率每降低1%)."""

    step: Decimal
    points: Decimal
    words: str
    kind: str
    names: list
    unit: str = ""
    way: str = ""
    scope: str = ""
    on_completion: bool = False  # the step counts the completion rate's points (完成率每降低1%)


def _stated_steps(text: str, rule, row: bool = False) -> list[Step]:
    """Each step rule the report states (每低1个百分点扣0.2分); the indicators a rule is for are read
    in the words of its clause before it: a kind (百分比类 → "rate", 数量类 → "quantity") or words of
    their names. A row's own (`row`) are its own, whatever they name."""
    if not rule.params["step_statement"]:
        return []
    steps = []
    for m in re.finditer(rule.params["step_statement"], text):
        if not Decimal(m.group("step")):
            continue
        before = text[clause_start(text, m.start()):m.start()]
        # the clause the step is in, or the one before it when it opens a clause of its own
        # (执行率达到95%以上的得满分，每低1个百分点扣0.5分: the execution rate's step)
        # (across a ；: 预算执行率达到95%以上的得满分；低于95%的，每降低…)
        sentence = text[text.rfind("。", 0, m.start()) + 1:m.start()]
        clause = _subject_clause([c for c in re.split(r"[，,；;]", sentence) if c.strip()])
        if any(w in clause for w in rule.params["execution_scope_words"]):
            continue  # the rule of the budget execution score (执行率每下降1个百分点扣0.5分), no indicator's
        kind = "rate" if any(w in before for w in rule.params["rate_scope_words"]) else \
            "quantity" if any(w in before for w in rule.params["quantity_scope_words"]) else ""
        # points off as a share of the indicator's own points (扣该指标分值的10%): kept as a negative
        # fraction, turned into points against each indicator's weight
        points = Decimal(m.group("points")) if m.group("points") else -Decimal(m.group("share")) / 100
        # (水质检测达标率每低于指标值1个百分点扣0.5分: the words before it name one indicator, whose row
        # alone it is for; 评分时…, words naming none, every rate's)
        named = re.split(r"[，,：:]", before)[-1].strip() if not row else ""
        steps.append(Step(Decimal(m.group("step")), points, m.group(0), kind,
                          [w for w in rule.params["scope_words"] if w in before],
                          scope=named if _names_indicator(named, rule) else "",
                          on_completion=_counts_completion(before, clause, rule)))
    for m in _unit_step_pattern(rule).finditer(text) if rule.params["unit_step_statement"] else ():
        step = count_word(m.group("step"))  # (每少五人)
        if not step:
            continue
        way = "over" if m.group("over") or m.group("over_lead") else "under" if m.group("under") or m.group("under_lead") else ""
        # (培训人数每少5人扣1分: the words before it in its clause name the indicator it is for)
        scope = "" if row else re.split(r"[，,：:]", text[clause_start(text, m.start()):m.start()])[-1].strip()
        steps.append(Step(Decimal(step), Decimal(m.group("points")), m.group(0), "unit", [], m.group("unit"), way, scope))
    return steps


def _counts_completion(before: str, clause: str, rule) -> bool:
    """The step's words say it counts the completion rate: 完成率 right before it, or opening its clause
    or the condition's clause before it (完成率（实际值/目标值×100%）每降低1%; 完成率低于100%的，每降低1%)."""
    words = tuple(rule.params["completion_step_words"])
    parts = re.split(r"[，,；;：:]", re.sub(r"[（(][^（()）]*[）)]", "", compact(before)))  # (a definition in brackets aside)
    if parts[-1]:  # (the step's own words name what it counts: 按实际完成值每低于指标值1个百分点 does not)
        return parts[-1].endswith(words)
    # (a clause of its own before it: 完成率低于100%的，每降低1%)
    return any(w in compact(parts[-2] if len(parts) > 1 else clause) for w in words)


def _subject_clause(clauses: list[str]) -> str:
    """The last clause naming what a step rule is for, past the conditions alone after it
    (预算执行率达到98%以上的得满分，低于98%的，每降低1个百分点…: the execution rate's, not 低于98%的)."""
    for clause in reversed(clauses):
        if not BARE_CONDITION_RE.fullmatch(CONDITION_FILLER_RE.sub("", clause)):
            return clause
    return clauses[-1] if clauses else ""


CONDITION_FILLER_RE = re.compile(r"[\d.%％（）()含\s]")
# a clause of a condition alone, its figures aside (低于的, 未达到的, 不足时): it names nothing
BARE_CONDITION_RE = re.compile(r"(?:低于|高于|小于|大于|超过|不足|未达到|未达|达不到|未完成|不满)?(?:以上|以下)?(?:的|时)?")


def _unit_step_pattern(rule) -> re.Pattern:
    return _unit_step_regex(rule.params["unit_step_statement"], tuple(rule.params["step_unit_aliases"]),
                            vocabulary_generation())


@lru_cache(maxsize=8)
def _unit_step_regex(pattern: str, aliases: tuple, _generation) -> re.Pattern:
    """unit_step_statement with {units} the vocabulary's units of counts and durations (text_units
    but money and percentages) and the step aliases' (日), longest first: compiled once per
    vocabulary in use."""
    units = {u for u in concepts().get("text_units") or () if u not in MONEY_UNITS and u not in ("%", "‰")} | set(aliases)
    return re.compile(pattern.replace("{units}", "|".join(map(re.escape, sorted(units, key=lambda u: (-len(u), u))))))


def step_for(steps: list[Step], miss: MissedTarget, proportional: bool, rule) -> Step | None:
    """The first of the report's step rules that is for this indicator, if any."""
    rate = miss.target.unit in ("%", "‰")
    for step in steps:
        if step.kind == "unit":  # (每超出1件扣1分: an indicator counted in 件, on the side it counts)
            if _unit_step_fits(step, miss, rule):
                return step
            continue
        if step.kind:  # 满意度、覆盖率等百分比类指标: the kind named, its examples aside
            if (step.kind == "rate") == rate:
                return step
        elif step.names:
            r = miss.row
            if any(w in f"{r.record.level1}{r.level2}{r.indicator}" for w in step.names):
                return step
        elif step.scope:
            if _scope_fits(step.scope, miss.row, rule):
                return step
        elif rate or not proportional:
            return step
    return None


def _mostly_in(name: str, row: str) -> bool:
    """Most of the name's character pairs stand in the row's name (水质达标率 in 水质检测达标率)."""
    pairs = han_bigrams(name)
    # (its opening pair too: 培训合格率 is no 设备验收合格率, though both end 合格率)
    return bool(pairs) and name[:2] in row and len(pairs & han_bigrams(row)) * 2 >= len(pairs)


def _names_indicator(words: str, rule) -> bool:
    """The words before a step rule name one indicator (水质检测达标率: their general words aside,
    some remain, ending as an indicator's name does: indicator_scope_endings); not the rate the
    step counts (完成率每降低1%: completion_step_words)."""
    rest = compact(words)
    for w in sorted((*rule.params["general_scope_words"], *rule.params["completion_step_words"]), key=len, reverse=True):
        rest = rest.replace(w, "")
    # (several named in a list, 达标率、合格率每低…: each of them)
    return bool(rest) and all(len(name) >= 2 and name.endswith(tuple(rule.params["indicator_scope_endings"]))
                              for name in rest.split("、"))


def same_unit(step: Step, miss: MissedTarget, rule) -> bool:
    units = {step.unit, *rule.params["step_unit_aliases"].get(step.unit, ())}
    return miss.target.unit in units or miss.actual.unit in units


def _unit_step_fits(step: Step, miss: MissedTarget, rule) -> bool:
    if not same_unit(step, miss, rule):
        return False
    if (step.way == "over" and miss.upward) or (step.way == "under" and not miss.upward):
        return False  # (每超出1件 counts past a ceiling, 每少5人 short of a floor)
    return not step.scope or _scope_fits(step.scope, miss.row, rule)


def _scope_fits(scope: str, r, rule) -> bool:
    """The words a step rule is written for name the row (its indicator, or its category), or name
    no one indicator."""
    own = [compact(n) for n in (r.indicator, r.level2, r.record.level1) if n]
    # (one of several named, 达标率、合格率; or named short, 水质达标率 for 水质检测达标率: most of its
    # character pairs in the row's name)
    if any(name in n or n in name for name in scope.split("、") for n in own) \
            or any(_mostly_in(name, compact(r.indicator)) for name in scope.split("、")):
        return True  # (培训人数每少5人扣1分 for 培训人数; 数量指标每少5人… for a 数量指标 row)
    # (a scope of general words only, 对未完成目标的指标每少5人…, is every row's in that unit; one
    # naming an indicator or a category, 受益人数指标…, 效益指标…, that one's only)
    rest = scope
    for w in sorted(rule.params["general_scope_words"], key=len, reverse=True):
        rest = rest.replace(w, "")
    return not rest


def scoring_rules(rule, text: str, row: bool = False) -> tuple[list[tuple], bool, bool]:
    """(the step rules, whether the proportional rule is stated, whether another rule is) of a
    text: the report's prose, or one row of a score table (`row`: its rules are its own, the
    budget execution row's too)."""
    # (in the prose, a statement in the budget execution row's clause, 执行率98.00%，按比例计分, is
    # that row's rule, no indicator's; a row's own statements are its own)
    found = [m for s in rule.params["proportional_statements"] for m in re.finditer(re.escape(s), text)]
    found += list(pattern_matches(rule.params["proportional_formula"], text))
    found = [m for m in found if (row or not _of_execution(text, m.start(), rule)) and not _defines_rate(text, m.start(), rule)]
    # the indicators a statement is for, by the words of its clause before it (数量指标…未达到的
    # 按完成比例计分: the 数量指标 only); a statement naming none is for every indicator
    scopes = [[w for w in rule.params["scope_words"] if w in text[clause_start(text, m.start()):m.start()]]
              for m in found]
    proportional = False if not found else True if row or not all(scopes) else tuple(w for sc in scopes for w in sc)
    return (_stated_steps(text, rule, row), proportional,
            any(s in text for s in rule.params["other_rule_statements"]) and not proportional)


def _defines_rate(text: str, at: int, rule) -> bool:
    """The formula stands in a bracket right after the completion rate's name (完成率（实际值/目标值×
    100%）每降低1%…): the rate's definition, no rule of points."""
    opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
    if opened < 0 or max(text.rfind("）", opened, at), text.rfind(")", opened, at)) >= 0:
        return False
    # (the rate's name right before the bracket, in the few characters a name takes)
    return compact(text[max(0, opened - RATE_NAME_CHARS):opened]).endswith(tuple(rule.params["completion_step_words"]))


RATE_NAME_CHARS = 8  # characters before a bracket the rate's name it defines is looked for in


def pattern_matches(pattern: str, text: str):
    return re.finditer(pattern, text) if pattern else ()


def _of_execution(text: str, at: int, rule) -> bool:
    """The clause around `at` names the budget execution score (预算执行率分值10分，得分=预算执行率×10):
    its rule, no indicator's. The clause runs from the last break before `at` to the next after
    it (the formula's own words, 得分=…执行率×…, may name the rate after its start)."""
    clause = text[clause_start(text, at):_clause_end(text, at)]
    return any(w in clause for w in rule.params["execution_scope_words"])


RULE_BREAKS = "。\n；;"  # what ends a scoring rule's clause


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end]: from the last full stop or line break before it to the next."""
    begin = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [k for k in (text.find("。", end), text.find("\n", end)) if k >= 0]
    return text[begin:min(stops) if stops else len(text)]


def clause_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in RULE_BREAKS) + 1


def _clause_end(text: str, at: int) -> int:
    return min((k for k in (text.find(c, at) for c in RULE_BREAKS) if k >= 0), default=len(text))


def told_deductions(found: list[re.Match], words: str, total_words) -> list[re.Match] | None:
    """Of the deductions a reason tells (group `points`: the points), the ones that add up
    to what it took off: the one told as the total (共扣1.5分), the total told first with its items
    after it (扣2分：一是…扣1分；二是…扣1分), or else all; None for two totals."""
    def points(m: re.Match) -> Decimal:
        return Decimal(m.group("points"))

    totals = [m for m in found if any(w in words[max(0, m.start() - 2):m.start()] for w in total_words)]
    if len(totals) > 1:
        return None
    if not totals and len(found) > 2 and (_opens_items(words, found[0].end()) or _bracket_around(words, found)) \
            and points(found[0]) == sum(points(m) for m in found[1:]):
        return found[:1]
    return totals or found


def _bracket_around(words: str, found: list[re.Match]) -> bool:
    """A bracket opening right after the first deduction and closing after the last (扣1分（…扣0.5分；
    …扣0.5分）): the items of the first, told inside it."""
    at = found[0].end()
    if words[at:at + 1] not in ("（", "("):
        return False
    depth = 0
    for k in range(at, len(words)):
        depth += words[k] in "（("
        depth -= words[k] in "）)"
        if depth == 0:
            return k >= found[-1].end()
    return False


def _opens_items(words: str, at: int) -> bool:
    """Right after a deduction opening a reason, the words opening its items (扣2分：…, 扣2分，其中…,
    扣2分，一是…: concepts.yaml deduction_items_opener): it is their total."""
    from ...knowledge import concepts

    pattern = concepts().get("deduction_items_opener")
    return bool(pattern) and re.compile(pattern).match(words, at) is not None
