"""Text against text (kind `restatement`): sentences restating one fact in the same words, the
whole a list is of, the fund and a stock at the year's start (opening_stock) telling figures
apart; two figures a balance's difference sets apart are two sides, and the same digits in two
money units one amount with its unit slipped."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base import Fact
from ...facts.lexicon import lexicon
from ...facts.agreement import restates
from ...facts.numbers import DIGIT_RE, MONEY_UNITS
from ...knowledge import compact
from ..base import CHECKED
from .keys import row_section
from .tables import account_of
from .units import scaled
from .findings import restatement_hit


LEAD_CLAUSE_RE = re.compile(r"[^，,；;]{0,8}[，,]")  # a sentence's short opening clause (年初，)


def opening_stock(base, fact: Fact, words: tuple[tuple, tuple]) -> bool:
    """The figure is a stock at the start of the year (年初在职人员412人, or 年初，在职人员412人 under
    the sentence's opening words, up to a closing word): no statement of the stock a bare or 年末
    figure states. `words`: (opening words, closing words)."""
    words, closing = words
    if not words:
        return False
    if any(w in fact.label for w in words):
        return True
    text = base.sentences.get((fact.block, fact.sentence), "")
    lead = LEAD_CLAUSE_RE.match(text)
    return bool(lead) and any(w in lead.group() for w in words) and not DIGIT_RE.search(lead.group()) \
        and not any(w in text[lead.end():fact.at] for w in closing)


def _list_head(base, fact: Fact) -> tuple | None:
    """The whole a figure is listed under in its sentence (X万元，其中…: X), as (its concept or
    words, period, fund); None when it is listed under none."""
    text = base.sentences.get((fact.block, fact.sentence), "")
    openers = lexicon().list_openers
    after = fact.at  # where the figures after the one looked at begin: the list's items, one by one
    for f in reversed(base.by_sentence.get((fact.block, fact.sentence), ())):
        if f.id >= fact.id or not f.is_money:
            continue
        if any(o in text[f.at + len(f.text):after] for o in openers):
            return f.concept or compact(f.label), f.period, f.fund
        after = f.at
    return None


def text_pairs(texts: list[Fact], rule, fillers: re.Pattern, base):
    """Sentences restating one fact in the same words (面向中小企业预留的 and 面向小微企业预留的
    are two facts of one concept): the first statement is the reference. `fillers`: see text.py _fillers.
    Parts listed after different wholes (财政拨款支出…其中基本支出 and 本年支出…其中基本支出; one
    unit's 其中 and another's) are parts of different things."""
    by_words: dict[tuple, Fact] = {}
    by_fund: dict[str, Fact] = {}  # the concept's first figure in any words: for a unit slip only
    by_side: dict[tuple, Fact] = {}  # the first figure of each side a balance's words name
    sides = tuple(rule.params["balance_sides"])
    alike = rule.params["same_fact_words"].get(texts[0].concept if texts else None, ())
    if texts and texts[0].concept in rule.params["per_item_concepts"]:
        # (the unit's own figure of a per-item concept, named as the unit's whole or not: see
        # text._names_only_concept)
        alike = [*alike, *rule.params["whole_unit_words"]]
    scales = [*rule.params["unit_scales"], *rule.params["same_digit_scales"]]  # (scaled: the same digits)
    opening = (tuple(rule.params["opening_words"]), tuple(rule.params["closing_words"]))
    for fact in texts:
        words = fillers.sub("", fact.label)
        for word in alike:
            words = words.replace(word, "")
        # (of two funds the sentence names, 一般公共预算… and 政府性基金…: each fund's own)
        point = opening_stock(base, fact, opening)
        # (two sections under sibling headings naming two things, （一）某某基金 and （二）某某基金: each
        # its own thing's figures)
        # (…and two accounts of their own the headings above name, 一、职工…基金 and 二、居民…基金)
        key = (words, _list_head(base, fact), fact.fund, point, base.block_scopes.get(fact.block) or row_section(base, fact),
               account_of(base, fact, rule.params["own_account_tails"]))
        first = by_words.setdefault(key, fact)
        named = by_fund.setdefault(fact.fund, fact)
        # (of two sides said in one word, 收支总计, the same side stated before is the reference:
        # 支出总计1,000.00 then 支出总计1,050.00 is one fact slipped, whatever 收入总计 is)
        side = [s for s in sides if s in fact.label]
        if first is not fact and len(side) == 1:
            first = by_side.setdefault((key, side[0]), fact)
            if first is fact:
                first = by_words[key]
        elif len(side) == 1:
            by_side.setdefault((key, side[0]), fact)
        if first is not fact:
            yield CHECKED
        if first is not fact and not restates(first, fact) \
                and not _difference_stated(base, first, fact, tuple(rule.params["balance_words"]), sides):
            yield restatement_hit(fact, first, rule)
        elif first is fact and named is not fact and scaled(fact, named, scales):
            # a part of one whole and a figure of no list, or the concept in other words, may be two
            # things; but the same digits in 元 and in 万元 (公务接待费5.46万元 in the 三公 list,
            # 公务接待费支出5.46元 under its heading) are one amount with its unit slipped: on the
            # figure whose unit its sentence's other amounts do not share (or share with the other
            # figure only), else the later one
            earlier = _unit_support(base, named) < _unit_support(base, fact)
            slipped, kept = (named, fact) if earlier else (fact, named)
            yield restatement_hit(slipped, kept, rule)


def _two_sides(a: Fact, b: Fact, sides: tuple[str, ...]) -> bool:
    """Each figure's words name a different one of the two sides (收入… and 支出…)."""
    named = [{side for side in sides if side in f.label} for f in (a, b)]
    return all(len(n) == 1 for n in named) and named[0] != named[1]


def _difference_stated(base, a: Fact, b: Fact, words: tuple[str, ...], sides: tuple[str, ...] = ()) -> bool:
    """Two figures whose difference the later one's sentence, the next or the next paragraph's first
    states as a balance, the amount after its word (收入总计6,889.37万元，支出总计5,588.05万元，收支
    相抵，结转下年1,301.32万元; `words`: 结转, 相抵): the words set them apart, as two sides, however
    far apart the two stand (收入 and 支出 each under its heading, a sentence a line)."""
    if not (a.is_money and b.is_money) or not words:
        return False
    if a.block != b.block and not _two_sides(a, b, sides):
        return False  # (apart, only figures naming the two sides: 支出总计 twice is one fact, slipped)

    (a_lo, a_hi), (b_lo, b_hi) = (f.interval(MONEY_UNITS[f.unit]) for f in (a, b))
    gap_lo, gap_hi = max(Decimal(0), max(a_lo - b_hi, b_lo - a_hi)), max(a_hi - b_lo, b_hi - a_lo)
    block, later = max((a.block, a.sentence), (b.block, b.sentence))
    # (the later figure's sentence, the next, or the next paragraph's first: 收支相抵 on a line of its own)
    for key in ((block, later), (block, later + 1), (block + 1, 0)):
        text = base.sentences.get(key, "")
        said = [k for k in (text.find(w) for w in words) if k >= 0]
        # (the balance is the amount after its word: 收支相抵，结转下年1,301.32万元; not an item that
        # happens to be as large before it, 上解支出0.99亿元…结转下年1.11亿元)
        if said and any(
                f is not a and f is not b and f.is_money and f.at > min(said)
                and f.interval(MONEY_UNITS[f.unit])[0] <= gap_hi and gap_lo <= f.interval(MONEY_UNITS[f.unit])[1]
                for f in base.by_sentence.get(key, ())):
            return True
    return False


def _unit_support(base, fact: Fact) -> int:
    """How the sentence's first other amount (its whole where it lists parts: “三公”经费23.48万元，其中…)
    bears out the figure's unit: 1 where it shares it, -1 where it is in another, 0 where there is none."""
    first = next((f for f in base.by_sentence.get((fact.block, fact.sentence), ()) if f is not fact and f.is_money), None)
    return 0 if first is None else 1 if first.unit == fact.unit else -1
