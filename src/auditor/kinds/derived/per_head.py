"""Sub-check `per_head` of kind `derived`: an amount per head (人均, 生均, 户均) = the total of its
thing ÷ the count of heads it is over (kinds/per_head_counts.py finds the count)."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base import Fact, FactBase
from ...facts.base.figures import per_unit
from ...facts.base.grids import bare_head
from ...facts.base.model import OTHER_BASIS
from ...facts.base.words import CLAUSE_BREAK_RE, YEARS_RE
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, fmt, half_unit, significant_digits
from ...knowledge import compact
from ..base import CHECKED, Hit
from ..named_rates import COPULAS
from ..per_head_columns import per_head_rows
from ..per_head_counts import HeadCounts, HeadWords, basis_of, count_bounds
from .intervals import bounds, round_bounds
from .lookup import document_value


def check_per_head(base: FactBase, rule):
    """“全年公用经费85.28万元，年末实有在职人员52人，人均公用经费1.85万元”: the amount per head is
    the total of its thing ÷ the count of heads it is over (the words per_head names and the units
    it counts in; kinds/per_head_counts.py finds the count, in the sentence or before it). A figure
    per month (人均每月, 月人均) is left alone. The amount may be a count of its own, per place
    (校均受益学生241人: the 受益学生 ÷ the 所 of schools)."""
    per_head = rule.params["per_head"]
    units = {u for us in per_head.values() for u in us}
    words = HeadWords.of(rule.params)
    counts = None  # (read on the first figure per head: most documents have none)
    looked = 0
    # (base.facts: a figure after 按…计算 is in no index, see FactBase.add)
    for per in base.facts:
        word = _per_head_word(per, per_head, units, rule)
        basis = basis_of(base, per, words) if word else ""
        # (按年末在职人员计算人均公用经费: the basis makes the figure one on another 口径, yet it
        # names only the heads it is over; a 口径 naming none, 按可比口径计算, is another basis)
        if word is None or (per.comparator and not basis):
            continue
        counts = counts or HeadCounts(base, units, words)
        # (the document before the paragraph is read for the first DOCUMENT_REACH figures only)
        reach, looked = looked < DOCUMENT_REACH, looked + 1
        named = tuple(_qualifier_names(compact(per.label).split(word, 1)[0], rule))
        count = counts(per, word, per_head[word], basis, reach, named)
        if count is None or count_bounds(count)[0] <= 0:
            continue
        key = (per.block, per.sentence)
        totals = _per_head_totals(base, key, base.by_sentence.get(key, []), per, word, rule, reach)
        if len(totals) == 1:
            yield from _judge_per_head(base, per, totals[0], count, word, rule)
    # a table's column of amounts per head, row by row (kinds/per_head_columns.py)
    for per, total, count, word in per_head_rows(base, per_head, tuple(rule.params["per_period_words"]),
                                                 tuple(rule.params["thing_verbs"])):
        yield from _judge_per_head(base, per, total, count, word, rule)


# figures per head of a document whose count and total are looked for in all the prose before them
# (a pass over its figures each): a document of hundreds of them, a yearbook, is judged on nearer
# places beyond these, so the cost stays linear
DOCUMENT_REACH = 50


def _per_head_word(per: Fact, per_head: dict, units: set[str], rule) -> str | None:
    """The word per head (人均, 亩均) a figure in prose is stated with: an amount of money, or a
    count in a unit of heads (校均受益学生241人); none for a figure per month or per visit."""
    if per.source != "text" or per.comparator not in ("", OTHER_BASIS) or not (per.is_money or per.unit in units):
        return None
    word = next((w for w in per_head if w in per.label), None)
    if word is None or per.unit in per_head[word] or any(w in per.label for w in rule.params["per_period_words"]):
        return None
    return word


def _per_head_totals(base: FactBase, key: tuple[int, int], facts: list[Fact], per: Fact, word: str, rule,
                     reach: bool) -> list[Fact]:
    """The total an amount per head is of: its thing's in the sentence, else where the sentence
    says it is (see below), else stated once before it in the document, else the one value the
    document's tables agree on. A thing narrowed by the words before the word per head (住院次均
    费用: 住院收入, not any 收入) is looked for so named first; found nowhere, as the words after."""
    head, thing = compact(per.label).split(word, 1)
    thing = _without_copulas(thing)
    # (人均获得劳务报酬: the thing is 劳务报酬; 次均门诊费用: the patients' 费用 are the 门诊收入)
    thing = next((thing[len(v):] for v in rule.params["thing_verbs"] if thing.startswith(v)), thing)
    things = [thing, *(thing.replace(w, alias) for w, aliases in rule.params["thing_aliases"].items()
                       if w in thing for alias in aliases)]
    # (户均补贴 of 补贴资金: a total's name may close on a word naming only money)
    things += [t + tail for t in things for tail in rule.params["money_tails"] if t and not t.endswith(tail)]
    own = _qualifier_names(head, rule)
    qualified = [q + t for q in own for t in things if t]
    # (found nowhere so named, the words before name the heads, 务工群众人均获得劳务报酬, or nothing
    # known: the thing as the words after name it, not narrowed by another qualifier the rule
    # knows, 住院收入 for 门急诊次均费用)
    others = tuple(q for k, v in rule.params["qualifier_aliases"].items() for q in (k, *v) if q not in own) \
        if own else ()
    return (qualified and _thing_totals(base, key, facts, per, word, rule, reach, qualified, thing)) \
        or _thing_totals(base, key, facts, per, word, rule, reach, things, thing, others)


def _qualifier_names(head: str, rule) -> list[str]:
    """The names of the words narrowing an amount per head before its word per head (门急诊 in
    门急诊次均费用, 出院者 in 出院者次均费用), and the other names the rule gives them (出院者: 住院,
    出院); none for words of time, place or the unit (全年, 2024年, 本单位: rule qualifier_skip_words),
    nor a basis (按在职人员计算)."""
    words = re.sub(rule.params["basis_pattern"], "", YEARS_RE.sub("", head))
    words = CLAUSE_BREAK_RE.split(words)[-1]
    for opener in rule.params["part_openers"]:
        words = words.removeprefix(opener)
    words = _without_lead_words(words, rule.params["qualifier_skip_words"])
    if len(words) < 2:
        return []
    return [words, *rule.params["qualifier_aliases"].get(words, ())]


def _without_lead_words(words: str, skips: list[str]) -> str:
    """The words without the skipped ones they open on, however many (全院全年门急诊: 门急诊)."""
    skips = sorted(skips, key=len, reverse=True)  # (全年度 before 全年)
    while (lead := next((w for w in skips if w and words.startswith(w)), None)) is not None:
        words = words[len(lead):]
    return words


def _thing_totals(base: FactBase, key: tuple[int, int], facts: list[Fact], per: Fact, word: str, rule,
                  reach: bool, things: list[str], thing: str, others: tuple[str, ...] = ()) -> list[Fact]:
    # the total of the thing: its concept, or (a thing the vocabulary does not know) its words
    # closing the total's (户均增收 after 累计带动增收312.50万元)
    # (or holding them: 次均统筹基金支付 of 统筹基金支付住院费用)
    tails = tuple(rule.params["total_tails"])

    def of_thing(candidates: list[Fact]) -> list[Fact]:
        # (an amount per head itself, 门急诊次均费用202.45元 before 出院患者次均费用, is no total)
        return _wholes_of(base, [f for f in candidates if _alike(f, per) and f is not per and f.measure == per.measure
                                 and f.period == per.period and not f.comparator and not per_unit(f)
                                 and any((f.concept and f.concept in t) or (len(t) >= 2 and _name_ends(f.label, t, tails))
                                         or (len(t) >= LONG_THING and t in compact(f.label)) for t in things)],
                          things, rule, others)
    # (…公用经费185.41万元。公用经费按在校生1,712人计算，生均公用经费…: the total stated in the
    # paragraph before, as the count may be, where the sentence names its thing without it)
    totals = of_thing(facts)
    if not totals and _opens_on(base.sentences.get(key, ""), things):
        # (or the paragraph right before: a line of its own in a text file)
        totals = of_thing(_paragraph_before(base, key)) or of_thing(base.by_block.get(key[0] - 1, []))
    if not totals:
        # (12人，每人救助5,000元，共计6.60万元: the sum the sentence closes on after the amount per head)
        sums = tuple(rule.params["sum_words"])
        totals = [f for f in facts if f.is_money and f.at > per.at and not f.comparator
                  and CLAUSE_BREAK_RE.split(compact(f.label))[-1].lstrip("，,；;").startswith(sums)]
    if not totals and not thing and word not in rule.params["standard_words"]:
        # (全年发放补助7,716.26万元，人均18,847.73元: a bare 人均 is of the one amount before it;
        # not a standard, 每人1万元, which the amount after it is worked out from)
        before = [f for f in facts if f.is_money and f.at < per.at and f.measure == "决算"
                  and f.period == per.period and not f.comparator and not per_unit(f)]
        totals = before if len(before) == 1 else []
    if not totals and thing and reach:
        # (受益学生18,420人 in the overview; sections later 校均受益学生241人: the thing stated
        # once before in the document, one figure however often it is restated)
        earlier = of_thing([f for k, fs in base.by_sentence.items() if k < key for f in fs])
        totals = earlier[:1] if len({bounds(f) for f in earlier}) == 1 else []
    if not totals and thing and per.is_money:
        # (生均教育支出 where the text states no 教育支出: the one value the tables agree on, of the
        # concept the thing's whole name is, a table's row's or the vocabulary's)
        named = {t for t in things if t in base.by_concept} or \
            {c for t in things for start, end, c in lexicon().concepts.all(t) if (start, end) == (0, len(t))}
        table = document_value(base, named.pop(), per.measure, per.subject, per.period) if len(named) == 1 else None
        totals = [table] if table is not None and table.source == "table" else []
    return totals


def _name_ends(label: str, thing: str, tails: tuple[str, ...]) -> bool:
    """The label's name ends with the thing, a total's word after it aside (本年支出合计: 支出)."""
    name = compact(label)
    return name.endswith(thing) or any(name.endswith(thing + tail) for tail in tails)


def _wholes_of(base: FactBase, found: list[Fact], things: list[str], rule, others: tuple[str, ...] = ()) -> list[Fact]:
    """The totals of the thing among the figures naming it. A figure naming the thing narrowed by a
    word before it (纵向科研项目经费 for 科研项目经费) as an item of a list (…，其中纵向…，横向…) is
    a part of the thing, no total of it: with only parts, nothing is judged. Where some figures name
    the thing itself (科研项目经费1,942.30万元, 全年科研项目经费: words of time, place or the unit
    aside), or its concept, those are its total. A name narrowed by one of `others` (住院收入 for a
    figure per 门急诊 visit) is another thing's."""
    openers = tuple(rule.params["part_openers"])
    exact, narrowed = [], []
    for f in found:
        name = _without_copulas(YEARS_RE.sub("", compact(f.label)).lstrip("，,；;：:"))
        name = next((name[len(o):].lstrip("，,：:") for o in openers if name.startswith(o)), name)
        name = _without_lead_words(name, rule.params["qualifier_skip_words"])
        if (f.concept and any(f.concept in t for t in things)) or name in things:
            exact.append(f)
        elif not _listed_item(base, f, openers) and not (others and _narrowed_by(name, things, others)):
            narrowed.append(f)
    return exact or narrowed


def _narrowed_by(name: str, things: list[str], qualifiers: tuple[str, ...]) -> bool:
    """The name is one of the things narrowed by one of the qualifiers right before it (住院收入)."""
    return any(name.endswith(t) and name[:-len(t)].endswith(qualifiers) for t in things if t)


def _listed_item(base: FactBase, f: Fact, openers: tuple[str, ...]) -> bool:
    """The figure is an item of a list: a list opener (其中, 包括) before it in its sentence, or
    opening the sentence (。其中：…)."""
    text = base.sentences.get((f.block, f.sentence), "")
    return any(o in text[:f.at] for o in openers) or base.opens_list((f.block, f.sentence))


def _without_copulas(thing: str) -> str:
    """The thing without the words between it and its figure (校均受益学生约241人: 受益学生)."""
    while thing.endswith(COPULAS):
        thing = thing[:-len(next(c for c in COPULAS if thing.endswith(c)))]
    return thing


def _alike(f: Fact, per: Fact) -> bool:
    """A total an amount per head may be of: money for money, else a count in the same unit."""
    return f.is_money if per.is_money else f.unit == per.unit


def _judge_per_head(base: FactBase, per: Fact, total: Fact, count: Fact, word: str, rule):
    yield CHECKED
    lo, hi = bounds(total)
    factor = MONEY_UNITS.get(per.unit, Decimal(1))
    p_lo, p_hi = _per_head_bounds(per)
    c_lo, c_hi = count_bounds(count)
    heads = (c_lo + c_hi) / 2
    if p_lo <= hi / c_lo and lo / c_hi <= p_hi:
        return
    in_table = per.source == "table"
    if word in rule.params["standard_words"]:
        # 每人 states a standard the total is worked out from: the total is told
        t_factor = MONEY_UNITS.get(total.unit, Decimal(1))
        product = per.in_yuan() * heads / t_factor
        shown = fmt(product, total.places, total.text)
        yield Hit(quote=base.span(min(count, per, key=lambda f: f.at), total),
                  location=total.loc, stated=total.text, expected=f"{shown}{total.unit}",
                  formula=f"{count.text} × {per.text} = {shown}{total.unit}",
                  fields={"rate": total.text, "computed": f"{shown}{total.unit}",
                          "relation": (total.header if in_table else total.label).strip("，,") or "合计",
                          "basis": f"{word}标准与人（户）数"},
                  highlights=[per.loc, count.loc])
        return
    expected = total.in_yuan() / heads / factor
    shown = fmt(expected, max(per.places, 2), per.text)
    if in_table:  # (the cells name their columns: 已发放 1,136,000.00 ÷ 务工人数 142)
        relation = f"{compact(per.label)}的{bare_head(per.header)}"
        terms = f"{bare_head(total.header)} {total.text}{total.unit} ÷ {bare_head(count.header)} {count.text}{count.unit}"
    else:
        relation, terms = _without_copulas(per.label.strip("，,")), f"{total.text} ÷ {count.text}"
    # (the count and the total may stand sections apart: the quote spans the sentence's own figures)
    near = [f for f in (total, count) if (f.block, f.sentence) == (per.block, per.sentence)]
    yield Hit(quote=base.span(min([*near, per], key=lambda f: f.at), per),
              location=per.loc, stated=per.text, expected=f"{shown}{per.unit}",
              formula=f"{terms} = {shown}{per.unit}",
              fields={"rate": per.text, "computed": f"{shown}{per.unit}", "relation": relation,
                      "basis": "总额 ÷ 人（户、次）数"},
              highlights=[total.loc, count.loc])


LONG_THING = 4  # characters of a thing's name that, inside a total's words, name the total (not 费用 in 会议费用)
# a figure per head said to be about so (约1,300元, 约1.5万元) is round when it has at most this many
# significant digits: it may lie a share off (concepts.yaml approximate_share); with more (约1,342元)
# the 约 only says the quotient was rounded at its last digit, as any figure per head is
ROUND_PER_HEAD_DIGITS = 2


def _per_head_bounds(per: Fact) -> tuple[Decimal, Decimal]:
    """An amount per head as printed: a quotient rounded at its last digit, in heads too (校均受益
    学生214人 stands for 213.5 to 214.5, no exact count), wider when round (see above)."""
    factor = MONEY_UNITS.get(per.unit, Decimal(1))
    lo, hi = (per.value - half_unit(per.places)) * factor, (per.value + half_unit(per.places)) * factor
    if significant_digits(per.value) > ROUND_PER_HEAD_DIGITS:
        return lo, hi
    r_lo, r_hi = round_bounds(per)
    return min(lo, r_lo), max(hi, r_hi)


def _opens_on(sentence: str, things: list[str]) -> bool:
    """The sentence opens on the thing itself, as its subject (公用经费按在校生…计算): the thing's
    total stated before is what it divides. Not another unit's (第一小学公用经费…), nor a part of it
    (公用经费中，用于教学的部分…)."""
    words = compact(sentence)
    return any(t and words.startswith(t) and words[len(t):len(t) + 1] not in ("中", "里", "内") for t in things)


def _paragraph_before(base: FactBase, key: tuple[int, int]) -> list[Fact]:
    """The figures of the sentences before this one in its paragraph (…公用经费185.41万元。公用经费按…)."""
    block, index = key
    return [f for k in range(index) for f in base.by_sentence.get((block, k), ())]
