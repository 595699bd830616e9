"""Check `breakdown` of kind `score_statement`: the category scores listed right after the total
(其中：预算执行得分9.83分，…) or before it in its sentence add up to it when they are a complete
set of categories; a partial list cannot exceed it. category_scores.py reads the lists after a
total too (listed_parts)."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base import Fact, FactBase, fact_base
from ...facts.numbers import fmt
from ...facts.base.words import YEAR_RE, names_nothing
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit
from .common import score_lists, category_word_pairs, text_totals, bracket_depth, categories_in


def check_breakdown(doc, rule):
    params = {**score_lists(), **rule.params}
    base = fact_base(doc)
    words = category_word_pairs(params)
    for total in text_totals(base, params):
        listed = listed_parts(base, total, words, params) or _listed_before(base, total, words)
        if listed is None:
            continue
        names = [name for name, _ in listed]
        complete = any(set(s) <= set(names) <= set(s) | set(params["optional"]) for s in params["complete_sets"])
        yield CHECKED
        hit = _breakdown_hit(base, total, listed, complete)
        if hit is not None:
            yield hit


SCORED_WORD = "得"  # (得分, 得18分, 共得: the points given, no weight; see _listed_in)
LIST_SENTENCES = 8  # a list of category scores runs over at most this many sentences (；-separated)


def listed_parts(base: FactBase, total: Fact, words, params, least: int = 2) -> list[tuple[str, Fact]] | None:
    """The category scores listed right after the total, over the sentences of its paragraph
    (a ；-separated list is several): each 分 figure whose words since the part before name a
    category. Skipped on the way: figures inside brackets (产出指标（50分）, （满分50分）,
    （其中满意度指标得分9分）), weights (权重10分) and figures in other units (预算执行率为98.30%).
    “预算执行率、产出指标…得分分别为10分、45分…” pairs the names with the figures in order. None
    unless a list opener (其中 …) comes before the first, or when the figures are deductions (扣
    0.5分); at least `least` parts (a sum needs two; one restates a table's category), no
    category twice. A deduction after the parts ends a list of at least `least` = 1 there."""
    listed: list[tuple[str, Fact]] = []
    since, depth, queued = "", 0, []
    for index in range(total.sentence, total.sentence + LIST_SENTENCES):
        text = base.sentences.get((total.block, index))
        if text is None:
            break
        cursor = total.at + len(total.text) if index == total.sentence else 0
        for f in base.by_sentence.get((total.block, index), ()):
            if f.at < cursor:
                continue
            gap, cursor = text[cursor:f.at], f.at + len(f.text)
            since, depth = since + gap, bracket_depth(depth, gap)
            if depth > 0 or f.measure == "分值" or f.unit != "分":
                since += f.text
                continue
            if not listed and not any(o in since for o in params["list_openers"]):
                return None
            if gap.rstrip().endswith(tuple(params["deduction_words"])):
                # points taken off, not points scored: after a part, the reason it lost them
                return _distinct(listed, least) if least == 1 else None
            named = categories_in(since, words)
            if not named and queued:
                named = [queued.pop(0)]
            elif len(named) > 1 and any(w in since for w in params["respectively"]):
                # names listed first, then 分别为 the figures (the list's first parts, or after
                # others: 其中预算执行率得分9.65分，产出、效益指标分别得分50分、28分)
                named, queued = named[:1], named[1:]
            if not named:
                return _distinct(listed, least)
            if len(named) > 1:
                return None  # (产出、效益和满意度指标共得90.00分: the sum of several, no one's score)
            listed.append((named[-1], f))
            since = ""
        rest = text[cursor:]
        since, depth = since + rest, bracket_depth(depth, rest)
    return _distinct(listed, least)


def _listed_before(base: FactBase, total: Fact, category_words) -> list[tuple[str, Fact]] | None:
    """The category scores listed before the total in its sentence (其中：预算执行率得分9.72分，
    产出指标得分47.50分，…，自评总分95.22分), or in the sentence right before one opening with the
    total (…效益满分20分，得18分。自评总得分91.5分): each a 得分 figure whose own words name a
    category, a weight's words before it included (项目决策满分20分，得18分); any other score before
    the total leaves the sentence unread."""
    key = (total.block, total.sentence)
    listed = _listed_in(base, key, total.at, category_words)
    if listed == [] and total.sentence and _opens_on_total(base, total) \
            and not any(f.unit == "分" for f in base.by_sentence.get(key, ()) if f.at < total.at):
        # (that sentence's ；-clauses, each read as a sentence, back to the one after a full stop)
        listed, index = [], total.sentence - 1
        while index >= 0 and listed is not None:
            clause = _listed_in(base, (total.block, index), None, category_words, scored=True, period=total.period)
            if _names_other_year(base, (total.block, index)):
                clause = None  # (2023年度项目自评中，决策得分14分；…。2024年度…总得分95分: last year's scores)
            listed = None if clause is None else clause + listed
            index -= 1
            if not base.sentences.get((total.block, index), "").rstrip().endswith(("；", ";")):
                break
    return _distinct(listed) if listed else None


def _opens_on_total(base: FactBase, total: Fact) -> bool:
    """The total's sentence opens with it, the words before its concept's name (its year aside)
    naming nothing the sentence before does not (项目自评总得分95.5分 after 项目决策…; not 路灯改造
    项目自评总得分90分 after 道路养护项目决策…: another project's). A short word (项目, 本项目) names
    the report's own thing."""
    words = compact(base.sentences.get((total.block, total.sentence), "")[:total.at])
    found = lexicon().concepts.all(words)
    before = YEAR_RE.sub("", words[:found[-1][0]] if found else words).lstrip("度")
    for word in concepts().get("score_qualifier_words") or ():
        before = before.replace(word, "")  # (项目自评总得分: 自评 qualifies the score, names no thing)
    return len(before) <= OWN_THING_CHARS or names_nothing(before, lexicon()) \
        or before in compact(base.sentences.get((total.block, total.sentence - 1), ""))


OWN_THING_CHARS = 3  # (项目, 本项目, 该项目: the report's own thing, no other's name)


def _names_other_year(base: FactBase, key: tuple[int, int]) -> bool:
    """The sentence names a year other than the report's (2023年度… in a report on 2024)."""
    return any(int(y) != base.year for y in YEAR_RE.findall(base.sentences.get(key, ""))) if base.year else False


def _listed_in(base: FactBase, key: tuple[int, int], end: int | None, category_words,
               scored: bool = False, period: str | None = None) -> list[tuple[str, Fact]] | None:
    """The category scores of a sentence up to `end` (the whole sentence: None), see _listed_before;
    None where a score naming no category stands among them, or, `scored`, one whose words do not
    say it was scored (得): a sentence before the total's may list a method's weights (设置决策15分、…);
    nor one of another year than `period` (2023年度…决策得分14分…。2024年度…总得分95分)."""
    text = base.sentences.get(key, "")
    listed, cursor, queued = [], 0, []
    respectively = tuple(score_lists()["respectively"])
    for f in base.by_sentence.get(key, ()):
        if end is not None and f.at >= end:
            break
        if f.unit == "分" and f.measure == "分值":
            continue  # (the weight's words name the category the score after it is of: 决策满分20分，得18分)
        words, cursor = text[cursor:f.at], f.at + len(f.text)
        if f.unit != "分" or f.measure != "得分" or f.comparator or bracket_depth(0, words) > 0:
            continue
        named, in_turn = categories_in(words, category_words), False
        if not named and queued:
            named, in_turn = [queued.pop(0)], True  # (the next name listed first, scored in turn)
        elif len(named) > 1 and any(w in words for w in respectively):
            # (决策、过程、产出、效益指标得分分别为18分、18.11分…，自评总分…: the names first, the figures in order)
            named, queued = named[:1], named[1:]
        if not named or scored and not in_turn and SCORED_WORD not in words or period is not None and f.period != period:
            return None
        listed.append((named[-1], f))
    if listed:
        # “按照预算执行率10分、产出指标50分…的评分办法，…得分99.12分”: the list names a scoring
        # method's weights, not scores; so does a list opened by 按照 / 按 (按照决策15分、…设置指标)
        after = compact(text[listed[-1][1].at + len(listed[-1][1].text):end])
        opened = compact(text[:listed[0][1].at])
        if any(after.startswith("的" + w) for w in score_lists()["method_nouns"]) \
                or any(re.search(re.escape(w) + r"[^，,；;。得]*$", opened) for w in score_lists()["method_openers"]):
            return None
    return listed


def _distinct(listed: list[tuple[str, Fact]], least: int = 2) -> list[tuple[str, Fact]] | None:
    names = [n for n, _ in listed]
    return listed if len(listed) >= least and len(set(names)) == len(names) else None


def _breakdown_hit(base: FactBase, total: Fact, listed, complete: bool) -> Hit | None:
    parts = [f for _, f in listed]
    places = max(f.places for f in [total, *parts])
    exact = sum((f.value for f in parts), Decimal(0))
    # as the score tables are read (SCO003): the total stands for its printed interval; a part
    # printed with decimals for its own (9.8 of a table's 9.83), a whole-number part is exact
    slack = total.half_unit + sum((f.half_unit for f in parts if f.places), Decimal(0))
    over = exact - total.value
    if abs(over) <= slack or (not complete and over <= slack):
        return None
    shown = fmt(exact, places)
    said = "、".join(f"{name}{f.text}" for name, f in listed)
    verdict = "各部分得分之和" if complete else "所列部分得分之和已超过总分"
    return Hit(quote=base.passage(total, parts[-1]), location=total.loc, stated=total.text, expected=f"{shown}分",
               formula=f"{' + '.join(f.text for f in parts)} = {shown}分（{verdict}）",
               fields={"total": total.text, "sum": f"{shown}分", "parts": said},
               highlights=[f.loc for f in parts])
