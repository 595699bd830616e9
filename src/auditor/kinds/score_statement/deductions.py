"""Check `deduction_text` of kind `score_statement`: the points a sentence says were taken off
an item (扣0.60分) against its points and its score in the same sentence (指标分值15分…扣0.60分，
得14.60分): 得分 = 分值 − 扣分, within the precision each is printed at. One deduction only, or a
total and its exact breakdown: several points off may add up in ways the words leave open."""
from __future__ import annotations

from ...facts.base import Fact, fact_base
from ...facts.base.model import DEDUCTED
from ...facts.base.words import CLAUSE_BREAK_RE, names_nothing
from ...facts.lexicon import lexicon
from ...facts.numbers import fmt, half_unit
from ...knowledge import compact
from ..base import CHECKED, Hit


def check_deduction_text(doc, rule):
    base = fact_base(doc)
    steps = tuple(rule.params["step_words"])
    scored = tuple(sorted(rule.params["score_words"], key=len, reverse=True))
    deducting = tuple(sorted(rule.params["deduction_words"], key=len, reverse=True))
    whole = rule.params["score_concept"]
    for (block, index), facts in base.by_sentence.items():
        text = base.sentences.get((block, index), "")
        points = [f for f in facts if f.unit == "分" and f.source == "text"
                  and not (f.measure == DEDUCTED and _a_rule(text, f, steps))]
        for run in _runs(points, deducting):
            weight, taken, score = run
            if score.concept not in (weight.concept, whole) or not _own_score(score, scored):
                continue  # (another item's score after the points off: 产出指标得分45分)
            if any(w in text[weight.at:score.at] for w in rule.params["bonus_words"]):
                continue  # (…扣1分，另加分0.5分，得19.5分: points added as well, no sum of these)
            taken = _without_breakdown(taken)
            if len(taken) != 1:
                # (several points off that are no total and its exact breakdown: a partial 其中, a
                # reason clause, a revision, last year's, each item's beside a sum — how they add up,
                # the words do not say for certain)
                continue
            yield CHECKED
            off = sum(f.value for f in taken)
            # (each read at the finest precision of the three: a weight of 15 beside 0.60 is 15.00)
            places = max(f.places for f in (weight, score, *taken))
            slack = half_unit(places) * (2 + len(taken)) if places else 0
            if abs(score.value - (weight.value - off)) <= slack:
                continue
            expected = weight.value - off
            quote = base.span(min(run[0], run[2], *taken, key=lambda f: f.at), max(run[2], *taken, key=lambda f: f.at))
            terms = " − ".join(f.text for f in taken)
            yield Hit(quote=quote, location=score.loc, stated=score.text, expected=f"{fmt(expected)}分",
                      formula=f"得分 = 分值 {weight.text} − 扣分 {terms} = {fmt(expected)}分",
                      fields={"score": score.text, "weight": weight.text, "total": terms},
                      highlights=[weight.loc, *(f.loc for f in taken)])


def _a_rule(text: str, deduction: Fact, steps: tuple[str, ...]) -> bool:
    """The points off are a rule's, per step (每低1个百分点扣0.5分), its clause naming a step."""
    clause = CLAUSE_BREAK_RE.split(text[:deduction.at])[-1]
    return any(w in clause for w in steps)


def _own_score(score: Fact, scored: tuple[str, ...]) -> bool:
    """The score's words name nothing but a score (得, 实际得分, 最终得分为): no other item's."""
    words = compact(score.label)
    for w in scored:
        words = words.replace(w, "")
    return not words.strip("，,为是：:") or names_nothing(words, lexicon())


def _without_breakdown(taken: list[Fact]) -> list[Fact]:
    """The points off once each: a total and its breakdown after it (扣3分，其中数量指标扣2分、质量
    指标扣1分; 扣1分（其中…扣0.5分、…扣0.5分）) or before it (…扣0.5分、…扣0.5分，合计扣1分) are
    the total alone."""
    if len(taken) >= 3 and taken[0].value == sum(f.value for f in taken[1:]):
        return taken[:1]
    if len(taken) >= 3 and taken[-1].value == sum(f.value for f in taken[:-1]):
        return taken[-1:]
    return taken


def _runs(points: list[Fact], deducting: tuple[str, ...]):
    """(weight, deductions, score) of a sentence's points read in turn: an item's 分值, the points
    taken off it (one or more 扣…分), and its 得分 — or the score first and the points off right
    after it (得14.40分，扣0.60分). Any other figure in points between them (another item's) ends
    the run; a bound (≥, 不超过) is none of them."""
    k = 0
    while k < len(points):
        weight = points[k]
        if weight.measure != "分值" or weight.comparator:
            k += 1
            continue
        after = points[k + 1:]
        taken = []
        for j, f in enumerate(after):
            if f.comparator:
                break
            if f.measure == DEDUCTED:
                taken.append(f)
                continue
            if f.measure == "得分":
                if not taken:
                    # (the score first: the points off right after it, naming nothing else: not
                    # 得9.5分，时效指标扣1分, another item's)
                    taken = [g for g in after[j + 1:j + 2] if g.measure == DEDUCTED and not g.comparator
                             and _own_score(g, deducting)]
                if taken and all(t.value <= weight.value for t in taken):
                    yield weight, taken, f
            break
        k += 1
