"""Sub-check `target_claim` of kind `derived`: words saying a target was met or beaten (完成年度目标,
超额完成目标) against the target and what was done, stated right before them (计划培训2,400人次，实际培训
2,130人次，完成年度目标: the actual is below the target). Only a target that is surely a floor is
judged: written ≥, a planned quantity of work (计划, 任务), or a rate of doing (覆盖率, 规范管理率: params
floor_rate_words); an indicator kept low (失业率, 平均住院日, 立案数) is met the other way."""
from __future__ import annotations

import re

from ...facts.agreement import round_hedge
from ...facts.base import Fact, FactBase
from ...facts.base.words import CLAUSE_BREAK_RE
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit
from .intervals import bounds

# (at most so many characters between the actual's figure and the claim: the claim's clause follows it)
CLAIM_REACH = 16


def check_target_claim(base: FactBase, rule):
    beaten, met = re.compile(rule.params["beaten_pattern"]), re.compile(rule.params["met_pattern"])
    for key, text in base.sentences.items():
        # (every claim of the sentence, in order: 为完成年度目标，计划…，实际…，完成年度目标 judges the second)
        beats = list(beaten.finditer(text))
        claims = sorted([(m, True) for m in beats] + [(m, False) for m in met.finditer(text)
                                                      if not any(b.start() <= m.start() < b.end() for b in beats)],
                        key=lambda c: c[0].start())
        sentence = base.by_sentence.get(key, ()) if claims else ()
        for claim, exceeding in claims:
            yield from _judged(base, sentence, text, claim, exceeding, rule.params)


def _judged(base: FactBase, sentence: list[Fact], text: str, claim: re.Match, exceeding: bool, params: dict):
    """The claim against the target and the figure done right before it (see the module)."""
    if _words_of_figure(sentence, text, claim.end()):
        return  # (完成计划的90%: the words of a rate, no claim)
    pair = _target_and_actual(base, sentence, text, claim.start(), params)
    if pair is None or not _floor(pair[0], text, params):
        return
    target, actual = pair
    yield CHECKED
    low, high = bounds(actual), bounds(target)
    short = low[1] <= high[0] if exceeding else low[1] < high[0]  # (wholly at or below, or below, the target)
    if not short:
        return
    relation = "未超过" if exceeding and actual.value >= target.value else "低于"
    yield Hit(quote=text.strip(), location=actual.loc, stated=claim.group(),
              expected=f"实际 {actual.with_unit()} {relation}目标 {target.with_unit()}",
              formula=f"实际 {actual.with_unit()} {'≤' if exceeding else '<'} 目标 {target.with_unit()}",
              highlights=[target.loc, actual.loc])


def _words_of_figure(sentence: list[Fact], text: str, end: int) -> bool:
    """A figure follows the claim's words in their clause: they are its words (完成计划的90%)."""
    return any(f.at >= end and not CLAUSE_BREAK_RE.search(text, end, f.at) for f in sentence)


def _target_and_actual(base: FactBase, sentence: list[Fact], text: str, at: int, params: dict) -> tuple[Fact, Fact] | None:
    """(target, actual): the last figure done (实际值) before the claim and the target (目标值) of its
    unit right before it, the claim opening the clause after the actual's with only words saying how
    it was done before it (已, 均, 超额: params claim_lead_words), within CLAIM_REACH. A clause naming
    a thing of its own (其余指标均完成…, 培训质量明显提升，达到预期目标) or a hedge (没能, 部分, 接近
    完成) claims nothing of these figures."""
    before = [f for f in sentence if f.at < at and f.source == "text"]
    if not before or not before[-1].id:
        return None
    # (the figure right before the actual, a bound too: 目标≥95%, in no sentence's index)
    actual, target = before[-1], base.facts[before[-1].id - 1]
    if (target.block, target.sentence, target.source) != (actual.block, actual.sentence, "text"):
        return None
    if actual.measure != "实际值" or target.measure != "目标值" or actual.unit != target.unit or not actual.unit:
        return None
    end = actual.at + len(actual.text)
    if at - end > CLAIM_REACH or actual.comparator or target.comparator not in ("", "≥", ">"):
        return None
    clauses = CLAUSE_BREAK_RE.split(text[end:at])
    lead = compact(clauses[-1])
    for word in sorted(params["claim_lead_words"], key=len, reverse=True):
        lead = lead.replace(word, "")
    return (target, actual) if len(clauses) <= 2 and not compact(clauses[0]).strip("）)") and not lead else None


def _floor(target: Fact, text: str, params: dict) -> bool:
    """The target is surely one to reach or pass: written ≥, or a planned quantity of work (计划培训
    2,400人次, 任务数) or a rate of doing (规范管理率目标65%), its words naming nothing kept low
    (concepts.yaml indicator_ceilings, params ceiling_words)."""
    words = compact(text[:target.at])
    shared = concepts().get("indicator_ceilings") or {}
    if any(compact(w) in words for w in [*(shared.get("words") or ()), *params["ceiling_words"]]) \
            or target.unit in (shared.get("units") or ()):
        return False
    if any(w in compact(target.label) for w in params["span_words"]) or round_hedge(target):
        return False  # (计划三年培训…: no year's target; 计划培训约2,400人次: a round figure, no line to cross)
    if target.comparator in ("≥", ">"):
        return True
    if target.unit == "%":  # (the rate's own words: 合格率 of a clause before names no rate of this one)
        return any(w in compact(target.label) for w in params["floor_rate_words"])
    return any(w in compact(target.label) for w in params["plan_words"])
