"""Sub-check `target_claim` of kind `derived`: words saying a target was met or beaten (完成年度目标,
超额完成目标) against the target and what was done, stated before them in the sentence (目标65%，
实际62.4%，超额完成目标: the actual is below the target). A target that is a ceiling (≤, 以内, or an
indicator kept low, concepts.yaml indicator_ceilings: 投诉, 事故, 成本) is met the other way and is
left alone."""
from __future__ import annotations

import re

from ...facts.base import Fact, FactBase
from ...facts.base.words import CLAUSE_BREAK_RE
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit
from .intervals import bounds

# (at most so many characters between the actual's figure and the claim: the claim's clause follows it)
CLAIM_REACH = 16


def check_target_claim(base: FactBase, rule):
    beaten, met = re.compile(rule.params["beaten_pattern"]), re.compile(rule.params["met_pattern"])
    hedges = tuple(rule.params["not_claim_words"])
    for key, text in base.sentences.items():
        claim = beaten.search(text)
        exceeding = claim is not None
        claim = claim or met.search(text)
        if claim is None or any(w in _clause_before(text, claim.start()) for w in hedges):
            continue
        if _words_of_figure(base.by_sentence.get(key, ()), text, claim.end()):
            continue  # (完成计划的90%: the words of a rate, no claim)
        pair = _target_and_actual(base.by_sentence.get(key, ()), text, claim.start())
        if pair is None:
            continue
        target, actual = pair
        if _ceiling(target, actual, text):
            continue
        yield CHECKED
        low, high = bounds(actual), bounds(target)
        short = low[1] <= high[0] if exceeding else low[1] < high[0]  # (wholly at or below, or below, the target)
        if not short:
            continue
        relation = "未超过" if exceeding and actual.value >= target.value else "低于"
        yield Hit(quote=text.strip(), location=actual.loc, stated=claim.group(),
                  expected=f"实际 {actual.with_unit()} {relation}目标 {target.with_unit()}",
                  formula=f"实际 {actual.with_unit()} {'≤' if exceeding else '<'} 目标 {target.with_unit()}",
                  highlights=[target.loc, actual.loc])


def _words_of_figure(sentence: list[Fact], text: str, end: int) -> bool:
    """A figure follows the claim's words in their clause: they are its words (完成计划的90%)."""
    return any(f.at >= end and not CLAUSE_BREAK_RE.search(text, end, f.at) for f in sentence)


def _clause_before(text: str, at: int) -> str:
    """The claim's clause up to the claim (，力争明年完成目标: 力争明年), where a word making it no
    claim stands."""
    return CLAUSE_BREAK_RE.split(text[:at])[-1]


def _target_and_actual(sentence: list[Fact], text: str, at: int) -> tuple[Fact, Fact] | None:
    """(target, actual): the last figure done (实际值) before the claim, the claim within CLAIM_REACH
    after it with no figure between, and the target (目标值) of its unit right before it."""
    before = [f for f in sentence if f.at < at and f.source == "text"]
    if len(before) < 2:
        return None
    actual, target = before[-1], before[-2]
    if actual.measure != "实际值" or target.measure != "目标值" or actual.unit != target.unit or not actual.unit:
        return None
    if at - (actual.at + len(actual.text)) > CLAIM_REACH or actual.comparator or target.comparator not in ("", "≥", ">"):
        return None
    return target, actual


def _ceiling(target: Fact, actual: Fact, text: str) -> bool:
    """The target may be a ceiling: an indicator's words before it name one kept low (concepts.yaml
    indicator_ceilings words), or its unit is one (‰)."""
    shared = concepts().get("indicator_ceilings") or {}
    words = compact(text[:target.at])
    return any(compact(w) in words for w in shared.get("words") or ()) or target.unit in (shared.get("units") or ())
