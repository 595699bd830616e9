"""Check `completion_full_text` of kind `score_statement`: an indicator told in prose short of its
target (全年开展培训1,700人次（年度目标2,000人次），完成率85%) and then given full marks (培训指标分值8分，
本年得8分) in a report whose own rule scores an unmet target in proportion (未完成的按完成比例计分):
the score should be the points × the actual ÷ the target."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base import Fact, fact_base
from ...facts.base.model import CURRENT
from ...facts.lexicon import lexicon
from ...facts.numbers import fmt
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit
from ..score.rule_text import clause_start, sentence_at
from ..score.targets import ceilings


def check_completion_full_text(doc, rule):
    params = rule.params
    if not _proportional_rule(doc.text, params):
        # (no plain rule of the report's own scoring a shortfall in proportion: SCO007 / SCO008
        # judge the tables)
        return
    base = fact_base(doc)
    named_scores = None  # the document's points and full score pairs, by the indicator they name (read once)
    for facts in base.by_block.values():
        for k, rate in enumerate(facts):
            if rate.unit != "%" or rate.comparator or rate.interval()[1] >= 100:
                continue
            label = compact(rate.label)
            if not any(w in label for w in params["completion_words"]):
                continue
            pair = _short_of_target([f for f in facts[:k] if f.sentence == rate.sentence], rate)
            if pair is None or _not_plainly_short(base, rate, pair, ceilings(rule)[0]):
                continue
            scored = _full_marks_after(facts[k + 1:], rate, pair, params)
            if scored is None:
                # (the scores told apart from the indicators, 其中基层卫生人员培训指标分值8分，本年得8分:
                # the one pair naming the indicator by the actual's own words)
                named_scores = _named_full_marks(base, params) if named_scores is None else named_scores
                found = [p for name, p in named_scores if name in compact(pair[0].label)]
                scored = found[0] if len(found) == 1 else None
            if scored is None:
                continue
            yield CHECKED
            (actual, target), (weight, score) = pair, scored
            expected = weight.value * actual.value / target.value
            shown = fmt(expected, max(score.places, 2))
            told = "" if actual.block == score.block else f"（{actual.where()}）"
            yield Hit(quote=base.span(actual if not told else weight, score), location=score.loc, stated=score.text,
                      expected=f"{shown}分",
                      formula=f"实际 {actual.text} 未达目标 {target.text}（完成率 {rate.text}）{told}，却得满分 {score.text}；"
                              f"按文中“按完成比例计分”：{weight.text} × {actual.text} ÷ {target.text} = {shown}分",
                      fields={"total": score.text, "sum": f"{shown}分", "parts": f"分值{weight.text}×完成比例"},
                      highlights=[actual.loc, target.loc, weight.loc])


def _proportional_rule(text: str, params: dict) -> bool:
    """The report states a plain proportional rule for every indicator short of its target: its
    sentence sets no threshold of its own (完成率达到90%及以上的得满分，未达到90%的按完成比例计分) nor
    excuses a shortfall (不扣分, 不可抗力: params exemption_words), and its clause names no one kind
    of indicators (满意度指标按调查结果比例得分)."""
    for word in params["proportional_statements"]:
        at = text.find(word)
        while at >= 0:
            sentence = sentence_at(text, at, at)
            # (nor lets a shortfall go unpunished there: 因不可抗力等客观原因未完成的不扣分)
            if "%" not in sentence and "％" not in sentence \
                    and not any(w in text[clause_start(text, at):at] for w in params["rule_scope_words"]) \
                    and not any(w in sentence for w in params["exemption_words"]):
                return True
            at = text.find(word, at + 1)
    return False


def _short_of_target(before: list[Fact], rate: Fact) -> tuple[Fact, Fact] | None:
    """(actual, target) the rate's sentence states before it in one unit, the actual short of the
    target by the whole printed intervals, and their ratio the rate as printed: the completion the
    rate tells is of that target (not a rate met on a target of its own, ≥80%)."""
    targets = [f for f in before if f.measure == "目标值" and not f.comparator and f.unit not in ("%", "", "分")]
    actuals = [f for f in before if f.measure == "实际值" and f.unit not in ("%", "", "分")]
    if len(targets) != 1 or len(actuals) != 1 or actuals[0].unit != targets[0].unit or not targets[0].value:
        return None
    actual, target = actuals[0], targets[0]
    if actual.interval()[1] >= target.interval()[0]:
        return None
    lo, hi = rate.interval()
    ratio = actual.value / target.value * 100
    return (actual, target) if lo - RATIO_SLACK <= ratio <= hi + RATIO_SLACK else None


RATIO_SLACK = Decimal("0.01")  # (percentage points: the actual and target's own rounding)


def _not_plainly_short(base, rate: Fact, pair: tuple[Fact, Fact], ceiling_words: tuple[str, ...]) -> bool:
    """The shortfall may be no shortfall of this year's target: of another year (2023年开展…),
    under a target adjusted during the year (年中调整为…), or of an indicator kept below its
    target (事故起数, 响应时间: `ceiling_words`, score.targets.ceilings)."""
    actual, target = pair
    words = compact(actual.label + target.label)
    sentence = base.sentences.get((rate.block, rate.sentence), "")
    return actual.period != CURRENT or target.period != CURRENT \
        or any(w in sentence for w in (concepts().get("from_to_words") or {}).get("adjusting") or ()) \
        or any(w in words for w in ceiling_words)


def _full_marks_after(after: list[Fact], rate: Fact, pair: tuple[Fact, Fact], params: dict) -> tuple[Fact, Fact] | None:
    """(points, score) stated after the rate in its sentence or the next, the score full marks, no
    other percentage before it, the points' clause naming the indicator (培训指标分值8分) or only the
    item (该指标, 本项) or nothing: another indicator's points (满意度指标分值10分) are not its."""
    near = [f for f in after if f.block == rate.block and f.sentence in (rate.sentence, rate.sentence + 1)]
    weights = [f for f in near if f.unit == "分" and f.measure == "分值" and not f.comparator]
    scores = [f for f in near if f.unit == "分" and f.measure == "得分" and not f.comparator]
    if len(weights) != 1 or len(scores) != 1 or scores[0].value != weights[0].value:
        return None
    weight, score = weights[0], scores[0]
    if any(f.id < weight.id or (f.unit == "%" and f.id < score.id) for f in near if f not in (weight, score)):
        return None  # (another figure before the points, 开展宣传活动12场，…该指标分值10分: another indicator's)
    subject = _subject(weight, params)
    thing = compact(pair[0].label) + "|" + compact(pair[1].label)
    return (weight, score) if len(subject) < 2 or subject in thing else None


def _subject(weight: Fact, params: dict) -> str:
    """The words naming the indicator in the points' clause (基层卫生人员培训 of 其中基层卫生人员培训指标
    分值), the words of points, of the item and of a list's opening out."""
    subject = re.split(r"[，,；;。：:]", compact(weight.label))[-1]
    for word in (*params["weight_words"], *params["item_words"], *lexicon().list_openers, *params["name_fillers"]):
        subject = subject.replace(word, "")
    return subject


def _named_full_marks(base, params: dict) -> list[tuple[str, tuple[Fact, Fact]]]:
    """(the indicator named, (points, score)) for each clause stating an indicator's points and then
    its full score (…培训指标分值8分，本年得8分), the name of NAMED_CHARS characters at least."""
    out = []
    for facts in base.by_sentence.values():
        for k, weight in enumerate(facts):
            if weight.unit != "分" or weight.measure != "分值" or weight.comparator or k + 1 >= len(facts):
                continue
            score = facts[k + 1]
            name = _subject(weight, params)
            if score.unit == "分" and score.measure == "得分" and score.value == weight.value and len(name) >= NAMED_CHARS:
                out.append((name, (weight, score)))
    return out


NAMED_CHARS = 4  # (a name short of that, 培训, may be any indicator's word)
