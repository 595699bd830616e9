"""Sub-check `budget_adjustment` of kind `derived`: a budget adjusted during the year, the
full-year budget = the year-start one plus what was added and minus what was cut, and a stated
adjustment rate on the year-start budget."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...facts.base import Fact, FactBase
from ...facts.base.model import CURRENT
from ...facts.base.words import names_nothing
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, fmt
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit
from .intervals import HUNDRED, ratio_bounds, consistent, rate_hit, difference_hit, way, opposite
from .lookup import in_brackets


def check_budget_adjustment(base: FactBase, rule):
    """“年初预算465.00万元，年中追加35.00万元，全年预算500.00万元”: the full-year budget is the
    initial one plus what was added and minus what was cut, all of one thing, in one run of
    clauses. A change in 元 that makes the sum hold read as 万元 is a unit slip."""
    cuts = (*rule.params["cut_words"], *(concepts().get("budget_cut_words") or ()))
    bare = re.compile(rule.params["bare_initial_pattern"])
    adjustment_words = tuple(rule.params["adjustment_words"])
    breakdown_words = tuple(rule.params["breakdown_words"])
    for run in base.clause_runs():
        flat = [f for _, group in run for f in group if f.is_money and not f.comparator and f.period == CURRENT]
        rates = [f for _, group in run for f in group if f.unit == "%" and f.measure == "变动率" and not f.comparator]
        for k, total in enumerate(flat):
            if total.measure != "全年预算":
                continue
            yield from _adjustment_rate(base, flat, k, rates, cuts)
            # the initial budget of the total's own thing (not a part listed under it: 其中基本支出…);
            # the nearest first, but a whole whose sum holds makes the part's reading moot (年初预算
            # 800.00万元，其中…上级转移支付240.00万元；年中追加上级转移支付50.00万元，全年预算数850.00万元)
            hits = []
            # (a total naming no thing of its own, 调整后支出预算, is the initial budget's thing)
            starts = _initial_budgets(base, flat, k)
            for start in starts:
                initial, between = flat[start], flat[start + 1:k]
                # (the initial budget's parts may stand between; a change's own breakdown in brackets
                # is no change of its own)
                changes = [f for f in between if f.measure == "追加预算" and not in_brackets(base, f)]
                if not changes or any(f.measure not in ("追加预算", "年初预算") for f in between) \
                        or any(f.concept not in (None, total.concept, initial.concept) for f in changes) \
                        or len({f.subject for f in (initial, total, *changes)}) > 1:
                    continue
                signs = [-1 if any(w in f.label for w in cuts) else 1 for f in changes]
                hits.append(_adjustment_hit(base, initial, changes, signs, total))
            initial = flat[starts[0]] if starts else None
            if hits:
                yield CHECKED
                if all(h is not None for h in hits):
                    yield hits[0]
                # (…调整后支出预算393,462.50万元，比年初预算净增加4,760.90万元: the net change too)
                yield from _adjustment_stated_after(base, initial, total, flat[k + 1:k + 3], cuts, bare, adjustment_words, breakdown_words)
            elif k and flat[k - 1] is initial:
                yield from _adjustment_stated_after(base, initial, total, flat[k + 1:k + 3], cuts, bare, adjustment_words, breakdown_words)


def _adjustment_rate(base: FactBase, flat: list[Fact], k: int, rates: list[Fact], cuts: tuple[str, ...]):
    """The rate of an adjusted budget on its initial one stated right after it (…，调整后为59,100.00万元，
    比年初预算下降7.51%): the net change over the initial budget, stated before it or, unstated, the
    adjusted one less the changes right before it (调减4,800.00万元，调整后为…)."""
    total = flat[k]
    rate = next((r for r in rates if r.id > total.id), None)
    if rate is None or (k + 1 < len(flat) and flat[k + 1].id < rate.id) \
            or lexicon().measures.last(compact(rate.label)) != "年初预算":
        return
    starts = _initial_budgets(base, flat, k)
    initial = flat[starts[0]] if starts else None
    changes = []
    for f in reversed(flat[:k]):
        if f.measure != "追加预算" or initial is not None:
            break
        changes.append(f)
    if initial is not None:
        value = initial.in_yuan() / MONEY_UNITS[initial.unit]
        shown = f"年初预算 {initial.text}"
    elif changes:
        net = sum(((-1 if any(w in c.label for w in cuts) else 1) * c.in_yuan() for c in changes), Decimal(0))
        value = (total.in_yuan() - net) / MONEY_UNITS[total.unit]
        shown = f"年初预算 {fmt(value, total.places)}（{total.text} " + "".join(
            f"{'+' if any(w in c.label for w in cuts) else '−'} {c.text}" for c in changes) + "）"
    else:
        return
    before = replace(total, value=value, places=max([total.places] + [c.places for c in changes]))
    moved = replace(total, value=abs(total.value - value), places=before.places)
    span = ratio_bounds(moved, before)
    if span is None:
        return
    yield CHECKED
    moved_way = 1 if total.value > value else -1 if total.value < value else 0
    if consistent(replace(rate, value=abs(rate.value)), *span) and not (rate.sign and moved_way and rate.sign != moved_way):
        return
    computed = abs(total.value - value) / value * HUNDRED
    formula = f"|调整后 {total.text} − {shown}| ÷ 年初预算 = {fmt(computed)}%"
    if rate.sign and moved_way and rate.sign != moved_way:
        yield opposite(rate, moved_way, computed,
                        f"调整后{'低' if moved_way < 0 else '高'}于年初预算，比例却写{way(rate.sign)}；{formula}")
        return
    yield rate_hit(rate, computed, "调整后预算较年初预算的增减比例", formula, quote=base.span(total, rate))


def _initial_budgets(base: FactBase, flat: list[Fact], k: int) -> list[int]:
    """The places of the initial budgets the k-th figure (an adjusted budget) may start from, the
    nearest first: of its thing (see _initial_of)."""
    return [j for j in range(k - 1, -1, -1) if flat[j].measure == "年初预算" and _initial_of(flat[j], flat[k])]


def _initial_of(initial: Fact, total: Fact) -> bool:
    """The year-start budget is the adjusted total's: of its thing, or of none; or, the total naming
    no thing of its own (调整后支出预算), stated in its sentence."""
    same = (initial.block, initial.sentence) == (total.block, total.sentence)
    if initial.concept is None or total.concept is None:
        # (a thing the vocabulary does not know, 教育支出年初预算…；城乡社区支出调减…: another ；-clause
        # may be another thing's)
        return same
    return initial.concept == total.concept


def _adjustment_stated_after(base: FactBase, initial: Fact, total: Fact, after: list[Fact], cuts: tuple, bare,
                             adjustment_words: tuple, breakdown_words: tuple):
    """“由年初预算的8,640.00万元调整为8,320.00万元，增加320.00万元”: the change stated right after
    the adjusted budget is that budget less the initial one, the way its word says."""
    change = after[0] if after else None
    # (调增4,800万元，调减780万元 or 追加1,200万元…，追加2,820万元…: adjustments in turn, the first no
    # whole one; 主要是追加…, 其中追加…: its breakdown)
    alone = len(after) < 2 or after[1].measure != "追加预算" \
        or any(w in compact(after[1].label) for w in (*lexicon().list_openers, *breakdown_words))
    if change is not None and change.measure == "追加预算" and not change.sign and alone and (
            _compares_initial(change.label, bare) or compact(change.label).strip("，,") in adjustment_words):
        # (较年初预算数调增15.00万元: the adjustment stated after the adjusted budget, its word its way;
        # 调整预算184,020万元，调增4,020万元: the word alone right after it says as much)
        change = replace(change, sign=-1 if any(w in change.label for w in cuts) else 1)
    if change is None or initial is None or change.measure not in ("变动额", "追加预算") or not change.sign \
            or change.subject != total.subject or _compares_not_initial(change.label, bare) \
            or _compares_not_initial(base.between(total, change), bare):
        return  # (a change on another base, 较上年增加…, is the year-on-year rules'; 比年初预算 is this one)
    if change.concept != total.concept and _own_clause_thing(base, total, change):
        return  # (…调整为243,560.00万元；调入资金增加2,400.00万元: another thing's change, in a clause of its own)
    yield CHECKED
    hit = difference_hit(change, total, initial, change.sign, ("增加", "减少"), "调整增减额",
                          f"调整后 {total.text} − 年初预算 {initial.text}", quote=base.span(initial, change),
                          stated=change.quote)
    if hit is not None:
        if (Decimal(total.in_yuan() - initial.in_yuan()) > 0) != (change.sign > 0) and total.value != initial.value:
            hit.cls = "direction_mismatch"  # (the amount right, the word the wrong way)
        yield hit


def _own_clause_thing(base: FactBase, total: Fact, change: Fact) -> bool:
    """A change stated past a ； or a full stop naming a thing of its own before its way (调入资金增加):
    that thing's change, whatever the vocabulary calls it, not the adjusted budget's before it."""
    apart = (total.block, total.sentence) != (change.block, change.sentence) \
        or any(mark in base.between(total, change) for mark in "；;。")
    return apart and not names_nothing(compact(change.label), lexicon())


def _compares_not_initial(words: str, bare) -> bool:
    """Words comparing with something (较上年, 比上年115.00万元) other than the initial budget."""
    return bool(lexicon().comparison.search(words)) and not _compares_initial(words, bare)


def _compares_initial(words: str, bare) -> bool:
    """Words comparing with the initial budget (比年初预算, 较年初预算数), or with 年初 alone right
    after the adjusted budget, naming nothing else (，比年初增加; not 年末资产总额比年初增加)."""
    return bool(lexicon().comparison.search(words)) and (
        lexicon().measures.last(compact(words)) == "年初预算" or bool(bare.match(compact(words))))


def _adjustment_hit(base: FactBase, initial: Fact, changes: list[Fact], signs: list[int], total: Fact) -> Hit | None:
    lo = initial.interval()[0] * MONEY_UNITS[initial.unit] + sum(
        (c.interval()[0] if s > 0 else -c.interval()[1]) * MONEY_UNITS[c.unit] for c, s in zip(changes, signs))
    hi = initial.interval()[1] * MONEY_UNITS[initial.unit] + sum(
        (c.interval()[1] if s > 0 else -c.interval()[0]) * MONEY_UNITS[c.unit] for c, s in zip(changes, signs))
    t_lo, t_hi = (v * MONEY_UNITS[total.unit] for v in total.interval())
    if t_lo <= hi and lo <= t_hi:
        return None
    factor = MONEY_UNITS[total.unit]
    exact = (initial.in_yuan() + sum(s * c.in_yuan() for c, s in zip(changes, signs))) / factor
    terms = f"年初预算 {initial.text}" + "".join(f" {'+' if s > 0 else '−'} {c.text}" for c, s in zip(changes, signs))
    slip = next((c for c in changes if c.unit == "元" and abs(
        exact * factor + next(s for x, s in zip(changes, signs) if x is c) * c.value * (MONEY_UNITS["万元"] - 1)
        - total.in_yuan()) <= (t_hi - t_lo)), None)
    if slip is not None:
        return Hit(quote=base.span(initial, total), location=slip.loc, stated=slip.text, expected=f"{slip.value}万元",
                   formula=f"{terms} = {fmt(exact, 2)}{total.unit}，与全年预算 {total.text} 不符；按 {slip.value}万元 计"
                           f"则相符，应为单位笔误",
                   fields={"rate": slip.text, "computed": f"{slip.value}万元", "relation": "预算调整金额的单位"},
                   cls="unit_error", highlights=[initial.loc, total.loc])
    shown = fmt(exact, max(total.places, 2), total.text + initial.text)  # (grouped as the figures are)
    return Hit(quote=base.span(initial, total), location=total.loc, stated=total.text, expected=f"{shown}{total.unit}",
               formula=f"{terms} = {shown}{total.unit}",
               fields={"rate": total.text, "computed": f"{shown}{total.unit}", "relation": "调整后的全年预算"},
               highlights=[initial.loc] + [c.loc for c in changes])
