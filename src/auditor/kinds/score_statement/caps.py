"""Checks `cap` and `total_cap` of kind `score_statement`: a score above the points it is out of.
A part's score stated right after its points (产出指标（50分）得分46分), right before them in
brackets (得分42分（分值40分）) or in a paragraph whose run-in heading states them; the total
stated in the text against the full score."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base import fact_base
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ...model import Paragraph
from ..base import CHECKED, Hit, sentence_figures
from .common import score_lists, text_totals, SCORED_REACH, applies_to_item
from .bands import plain


def check_cap(doc, rule):
    """A score stated right after the points its part is out of (产出指标（50分）得分46分; 满意度
    指标10分，得12分; 权重10分，实际得分9分), or right before them in brackets (产出指标得分42分
    （分值40分）), cannot exceed them. The two figures stand in one clause, nothing but brackets,
    punctuation and the words stating the score between them."""
    base = fact_base(doc)
    scored = score_lists()["scored_words"]
    whole = rule.params["score_concept"]  # the concept of the whole's score (自评得分)
    weight_after = re.compile(r"\s*[（(]\s*(?:" + "|".join(map(re.escape, rule.params["weight_words"]))
                              + r")\s*(?:为|：|:)?\s*")  # 得分42分（分值40分）
    for facts in base.by_sentence.values():
        for k, first in enumerate(facts):
            # the next figure in points after the first (figures of other units may stand between:
            # 满意度指标（权重10分）：…调查结果为96%，得10.5分)
            second = next((f for f in facts[k + 1:] if f.unit == "分"), None)
            if second is None or first.unit != "分" or first.comparator or second.comparator:
                continue
            gap = base.sentences[(second.block, second.sentence)][first.at + len(first.text):second.at]
            if (first.measure, second.measure) == ("得分", "分值") and weight_after.fullmatch(gap):
                score, weight = first, second  # the weight in brackets right after the score
            elif (first.measure, second.measure) == ("分值", "得分") and _scored_after(
                    gap, [f for f in facts[k + 1:] if f.at < second.at], scored):
                weight, score = first, second
            else:
                continue
            if score.concept == whole != weight.concept:
                continue  # (满分为100分，其中…满意度指标10分，自评得分98分: the whole's score, no part's)
            yield from _capped(base, weight, score, base.span(first, second))
    for weight, score in _run_in_weights(doc, base, rule.params["applying_words"]):
        yield from _capped(base, weight, score, score.quote)


def _capped(base, weight, score, quote: str):
    yield CHECKED
    if score.value > weight.value:
        yield Hit(quote=quote, location=score.loc, stated=score.text,
                  expected=f"不超过 {weight.text}", formula=f"得分 {score.text} > 分值 {weight.text}",
                  fields={"score": score.text, "weight": weight.text}, highlights=[weight.loc])


RUN_IN_CHARS = 30  # at most this long, a paragraph's first sentence is its run-in heading


def _run_in_weights(doc, base, applying: list[str]):
    """(points, score) of a numbered paragraph whose run-in heading states a part's points and
    nothing else in 分 (（四）满意度指标（分值10分）。…，该项得10.5分。): the one score the rest of the
    paragraph states is that part's."""
    for index, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph) or not block.token or len(block.sentences) < 2:
            continue
        head = base.by_sentence.get((index, 0), ())
        points = [f for f in head if f.unit == "分"]
        if len(points) != 1 or points[0].measure != "分值" or len(block.sentences[0].text) > RUN_IN_CHARS:
            continue
        scores = [(k, f) for k in range(1, len(block.sentences)) for f in base.by_sentence.get((index, k), ())
                  if f.unit == "分" and not f.comparator]
        if len(scores) != 1:
            continue
        k, score = scores[0]
        # the item's own score (该项得10.5分), no other thing's (产出指标得分38分, 本项目自评得分92分)
        text = base.sentences.get((index, k), "")
        if score.measure == "得分" and not score.concept \
                and applies_to_item(text[max(0, score.at - SCORED_REACH):score.at], applying):
            yield points[0], score


def _scored_after(gap: str, between: list, scored) -> bool:
    """The words between a weight and the score after it state nothing else: only brackets,
    punctuation and the words stating a score; with figures of other units between, a short gap
    with a word of scoring and no 其中 (a part's score)."""
    if not between:
        return not _strip_words(gap, scored).strip("（）()，,：: 为了")
    # (（权重21分，得分率83.3%），产出指标得分26.5分: the weight's bracket closed and a clause
    # after it began, the score is the next part's)
    return len(gap) <= CAP_GAP_CHARS and not any(w in gap for w in lexicon().list_openers) \
        and _strip_words(gap, scored) != gap and not BRACKET_CLOSED_CLAUSE_RE.search(gap)


BRACKET_CLOSED_CLAUSE_RE = re.compile(r"[）)]\s*[，,；;]")

CAP_GAP_CHARS = 40  # a score this far or less after its weight, other figures between


def _strip_words(text: str, words) -> str:
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, "")
    return text


def check_total_cap(doc, rule):
    """A self-evaluation total stated in the text (自评得分109.79分) cannot exceed the full score:
    the one the report states for the total (满分100分, 总分值100分), else concepts.yaml
    full_score. Not where the report speaks of bonus points (加分: a scheme that may go above it)."""
    base = fact_base(doc)
    text = "".join(base.sentences.values())
    if any(w in text for w in rule.params["bonus_words"]):
        return
    concept = rule.params["score_concept"]
    stated = [f for f in sentence_figures(base) if f.unit == "分" and not f.comparator and (
        (f.measure == "分值" and f.concept == concept)
        or any(w in compact(f.label).rsplit("，", 1)[-1] for w in rule.params["full_words"]))]
    # (never below the vocabulary's: a part's 满分 or a scored 得满分 is no full score of the total)
    default = Decimal(str(concepts().get("full_score", 100)))
    stated = [f for f in stated if f.value > default]
    full = max((f.value for f in stated), default=default)
    for total in text_totals(base, rule.params):
        yield CHECKED
        if total.value > full:
            where = f"（{stated[0].where()}）" if stated else "（满分按百分制）"
            yield Hit(quote=total.quote, location=total.loc, stated=total.text, expected=f"不超过 {plain(full)}分",
                      formula=f"自评得分 {total.text} > 满分 {plain(full)}分{where}",
                      fields={"score": total.text, "weight": f"{plain(full)}分"})
