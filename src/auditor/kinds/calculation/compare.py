"""A total against its parts' sum (kind `calculation`): the interval of the parts' sum meets the
total's, a difference only the printed precision explains is `rounding`; a part printed in
another unit (a unit slip), a list holding two breakdowns, and a part above its whole."""
from __future__ import annotations

from decimal import Decimal

from ...facts.agreement import UNBOUNDED, hedge_spread, round_hedge
from ...facts.base import Fact
from ...facts.base.model import CURRENT, SPAN
from ...facts.base.words import respectively_words
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, fmt, half_unit, own_slack
from ...knowledge import compact, concepts
from ..base import Hit, item_label, slipped_unit, sum_as_printed_coarser


def part_exceeds(whole: Fact, part: Fact, context: str, named: str) -> Hit | None:
    """A part (a 其中 row or the one amount after 其中) more than its whole, beyond the printed
    precision of either (`named`: the part as the formula names it)."""
    if whole.comparator != part.comparator and SPAN in (whole.comparator, part.comparator):
        return None  # (…年均投入2,909.00万元，其中2024年3,267.00万元: a year's figure is no part of a span's)
    slack = whole.half_unit * (MONEY_UNITS.get(whole.unit) or 1) + part.half_unit * (MONEY_UNITS.get(part.unit) or 1)
    if whole.value < 0 or part.value < 0 or part.in_yuan() - whole.in_yuan() <= slack:
        return None
    return Hit(quote=whole.quote, location=whole.loc, stated=whole.text, expected=f"≥ {part.text}",
               formula=f"{named} 是“{whole.concept}”的一部分，不能大于它的 {whole.text}",
               fields={"total_label": whole.concept, "total": whole.text, "sum": f"≥ {part.text}",
                       "parts": f"其中的 {named}", "sum_phrase": "", "context": context,
                       "verdict": "部分大于整体"},
               highlights=[part.loc])


def of_one_period(total: Fact, parts: list[Fact]) -> bool:
    """No part is a span's figure (2022—2024年累计…, comparator SPAN) unless the total is too: a
    span's figure is no part of one year's total (本年支出…、累计2,572.33万元). A span's total may
    have the span's years for parts (“十四五”以来累计造林…，其中2021年…、2022年…)."""
    return total.comparator == SPAN or all(p.comparator != SPAN for p in parts)


def compare_listing(total: Fact, parts: list[Fact], partial: bool, rule):
    slip = odd_part_slip(total, parts, "列举")
    if slip is not None:
        yield slip
        return
    exact = sum((p.in_yuan() for p in parts), Decimal(0))
    if partial and exact <= total.in_yuan():
        return
    if _two_breakdowns(total, parts):
        return  # (其中一般8.50、专项12.80，拟再融资偿还15.00，其余6.30: the total split two ways)
    if _holds_a_difference(parts):
        return  # (其中固定资产原值2,846.30万元，累计折旧1,102.58万元，净值1,743.72万元: a value less its wear, no parts)
    yield from compare_sum(total, parts, "列举", rule, at_most=partial)


def _holds_a_difference(parts: list[Fact]) -> bool:
    """Three items in a row of which the third is the first less the second (原值 − 累计折旧 = 净值),
    the second's words naming what is taken off or the third's what is left (concepts.yaml
    net_value_words): a stock and what was taken off it, no items of one sum."""
    words = tuple(concepts().get("net_value_words") or ())
    return bool(words) and any(a.unit == b.unit == c.unit and a.value - b.value == c.value and b.value
                               and any(w in compact(f.label) for f in (b, c) for w in words)
                               for a, b, c in zip(parts, parts[1:], parts[2:]))


def adds_up(total: Fact, items: list[Fact]) -> bool:
    """The items add up to the total within the precision each is printed at (in 元)."""
    slack = total.half_unit * MONEY_UNITS.get(total.unit, 1) + sum(p.half_unit * MONEY_UNITS.get(p.unit, 1) for p in items)
    return abs(sum(p.in_yuan() for p in items) - total.in_yuan()) <= slack


def _two_breakdowns(total: Fact, parts: list[Fact]) -> bool:
    """The listed items are two runs each adding up to the total: one total broken down two ways
    in one sentence (by kind, then by how it is paid), no list of one breakdown summed over."""
    # (each run two items at least: one item alone equal to the total is a restatement, no breakdown)
    return any(adds_up(total, parts[:k]) and adds_up(total, parts[k:]) for k in range(2, len(parts) - 1))


def odd_part_slip(total: Fact, parts: list[Fact], context: str) -> Hit | None:
    """The parts add up to the total once one part is read in another unit the total or another part
    is printed in (人员经费 860.54元 among 万元 figures; 县级配套4,500.00亿元 beside 0.48亿元 and 3,200.00
    万元 under 1.25亿元): that part carries a unit slip, and it, not the total, is what is wrong; not a
    part whose unit all the others share (the total's is then the slip). One such reading only: two
    that would hold tell nothing."""
    units = {total.unit, *(p.unit for p in parts)}
    if len(units) == 1 and len(parts) >= 2 and total.unit == "万元":
        return misprinted_unit_part(total, parts, context)
    if len(parts) < 2 or not units <= set(MONEY_UNITS):
        return None
    found = []
    for odd in parts:
        if not odd.value:
            continue  # (因公出国（境）费0元 among 万元 figures: nothing is nothing in any unit)
        rest = [p for p in parts if p is not odd]
        if all(p.unit == odd.unit for p in rest):
            continue  # (every part in one unit, the total in another: the total's unit is the odd one)
        for unit in sorted(units - {odd.unit}, key=MONEY_UNITS.get):
            exact = sum((p.in_yuan() for p in rest), Decimal(0)) + odd.value * MONEY_UNITS[unit]
            slack = sum((p.half_unit * MONEY_UNITS[p.unit] for p in rest), Decimal(0)) \
                + odd.half_unit * MONEY_UNITS[unit] + total.half_unit * MONEY_UNITS[total.unit]
            if abs(exact - total.in_yuan()) <= slack:
                found.append((odd, unit))
    if len(found) != 1:
        return None
    odd, unit = found[0]
    return Hit(quote=odd.quote, location=odd.loc, stated=odd.text,
               expected=_in_unit(odd, unit), cls="unit_error",
               formula=f"{total.concept} {total.text} = 各项之和，仅当 {odd.text} 按“{unit}”计时成立",
               fields={"total_label": total.concept, "total": total.text, "sum": total.text,
                       "parts": " + ".join(f"{p.concept or p.label} {p.text}" for p in parts), "context": context,
                       "verdict": f"仅当 {odd.text} 按“{unit}”计时相符，应为单位笔误"},
               highlights=[total.loc])


def misprinted_unit_part(total: Fact, parts: list[Fact], context: str) -> Hit | None:
    """All in 万元, the parts add up to the total only with one part's figure read in 元 (服务类
    25,000万元 among 2.36万元 and a total of 4.86万元): that part's unit is misprinted."""
    slack = sum((p.half_unit for p in parts), Decimal(0)) + total.half_unit
    found = []
    for odd in parts:
        rest = sum((p.value for p in parts if p is not odd), Decimal(0))
        if odd.value >= 1000 and abs(rest + odd.value / 10000 - total.value) <= slack:
            found.append(odd)
    if len(found) != 1:
        return None
    odd = found[0]
    return Hit(quote=odd.quote, location=odd.loc, stated=odd.text, expected=f"{odd.text.replace('万元', '元')}",
               cls="unit_error",
               formula=f"{total.concept} {total.text} = 各项之和，仅当 {odd.text} 按“元”计时成立",
               fields={"total_label": total.concept, "total": total.text, "sum": total.text,
                       "parts": " + ".join(f"{p.concept or p.label} {p.text}" for p in parts), "context": context,
                       "verdict": f"仅当 {odd.text} 按“元”计时相符，应为单位笔误"},
               highlights=[total.loc])


def _round_spread(total: Fact, parts: list[Fact]) -> tuple[Decimal, Decimal]:
    """How far (in 元) the parts' sum may fall below and rise above the total for the round
    figures among them: a total 突破 / 超过 its figure is a floor (the sum is at least it, however
    far above: agreement.widen_by_hedge), one 不足 / 近 its figure a ceiling (up to a round
    figure's spread below it), one 约 its figure either; a part so worded moves the sum the other way."""
    below = above = Decimal(0)
    for k, f in enumerate([total, *parts]):
        hedge = round_hedge(f)
        if not hedge:
            continue
        spread = hedge_spread(f) * MONEY_UNITS.get(f.unit, Decimal(1))
        up = UNBOUNDED if hedge == "above" else spread if hedge == "either" else Decimal(0)
        down = spread if hedge != "above" else Decimal(0)  # (the true figure's way from it, each side)
        if k == 0:
            above, below = above + up, below + down
        else:
            above, below = above + down, below + up
    return below, above


def judge_with_unknown(total: Fact, parts: list[Fact], unknown: list[Fact], context: str, rule) -> list:
    """A total against declared parts listed with amounts the vocabulary does not know among them
    (…，其中：财政拨款收入…，医疗收入…，其他收入…; 基本支出中，人员经费…，公用经费…，对个人和家庭的
    补助…): items of the same list. The sum holds with them; else the known parts alone exceed the
    total, or all the items together fall short of it (read as a part's parts instead, the unknown
    ones would leave it shorter still); else nothing is told."""
    listed = list(compare_sum(total, parts + unknown, context, rule))
    if not listed or all(h.cls == "rounding" for h in listed):
        return listed
    if sum((p.in_yuan() for p in parts), Decimal(0)) > total.in_yuan():
        return list(compare_sum(total, parts, context, rule))
    return listed if sum((p.in_yuan() for p in parts + unknown), Decimal(0)) < total.in_yuan() else []


def compare_sum(total: Fact, parts: list[Fact], context: str, rule, at_most: bool = False):
    """`at_most`: the parts may leave some out (a 其中 list): the total only bounds their sum."""
    if not of_one_period(total, parts):
        return
    factor = MONEY_UNITS.get(total.unit, Decimal(1))  # 1 for a table printing no unit
    exact = sum((p.in_yuan() for p in parts), Decimal(0))
    places = max(p.places for p in [total, *parts])  # each read at the finest precision
    slack = sum((half_unit(places) * MONEY_UNITS.get(p.unit, Decimal(1)) for p in [total, *parts] if p.value),
                Decimal(0))
    diff = abs(exact - total.in_yuan())
    if diff <= slack and diff == 0:
        return
    if sum_as_printed_coarser(total, parts):
        return  # (0.12亿元 over 987.65万元 + 246.91万元: their sum as printed in its unit)
    if total.value > 0 and all(p.value < 0 for p in parts if p.value) \
            and abs(sum((abs(p.in_yuan()) for p in parts), Decimal(0)) - total.in_yuan()) <= slack:
        return  # (结余30.00万元，其中：财政拨款结转-25.00万元、…-5.00万元: the minus signs were dashes)
    # a figure said to be round and printed so (其他收入约268万元, 约205.00万元; not 约1,286.40万元, to
    # the cent) lets the sum be off by a share of it, on the side its word says: no tail to note
    below, above = _round_spread(total, parts)
    if (below or above) and -(slack + below) <= exact - total.in_yuan() <= slack + above:
        return
    if diff > slack and diff <= own_slack(((p.value, p.places, MONEY_UNITS.get(p.unit, Decimal(1)))
                                           for p in [total, *parts]), places):
        # a figure printed coarser than the others (1,532.6 beside 1,104.27 + 428.35) may have
        # been rounded at its own precision: what that explains is a rounding note
        slack = diff
    places = max(p.places for p in [total, *parts])
    unit = total.unit
    # a total that adds up once its unit is read ×10⁴ (or another of the rule's unit_slip_scales, or
    # the inverse) has a unit slip
    slip = slipped_unit(total, exact, slack, rule.params)
    if slip and diff > slack:
        factor, unit = MONEY_UNITS[slip], slip  # say the sum in the unit the total should carry
    elif diff > slack:
        part_slip = odd_part_slip(total, parts, context)
        if part_slip is not None:  # one part's unit explains the gap: report that part, once
            yield part_slip
            return
    shown = fmt(exact / factor, places, total.text)
    # (parts of one concept, each another subject's, 年度资金总额 of three projects: named by their subjects)
    by_subject = len({p.concept for p in parts}) == 1 and len({p.subject for p in parts}) == len(parts)
    listing = " + ".join(" ".join(filter(None, (_part_name(p, by_subject), p.with_unit()))) for p in parts)
    if context == "同一句" and any((p.block, p.sentence) != (total.block, total.sentence) for p in parts):
        context = "其后所列各项"  # (收入总计…。其中本年收入…; …7.64万元。A、B、C分别为…: the parts in the sentences after)
    if diff <= slack:
        cls = "rounding"
    elif slip:
        cls = "unit_error"
    else:
        cls = None
    relation, verdict = ("≥", "其中各项之和超过总数") if at_most else ("=", "不符")
    # (a total of another year's column, 本年收入合计 | … | 上年决算 54,236.05, named with its year:
    # the row's words alone read as the report's own)
    named = total.concept if total.period == CURRENT else f"{total.concept}（{total.period}）"
    yield Hit(quote=total.quote, location=total.loc, stated=total.text, expected=f"{shown}{unit}",
              formula=f"{named} {relation} {listing} = {shown}{unit}（{context}）", cls=cls,
              fields={"total_label": named, "total": total.with_unit(), "sum": f"{shown}{unit}",
                      "parts": listing, "context": context,
                      "verdict": {"unit_error": "数字相同而单位不同，应为单位笔误",
                                  "rounding": "差额仅在印刷精度之内"}.get(cls, verdict)},
              highlights=[p.loc for p in parts if p.loc != total.loc])


def _in_unit(part: Fact, unit: str) -> str:
    """A part's figure as printed with another unit (12,290元 → 12,290万元)."""
    number = part.text[:-len(part.unit)].rstrip() if part.unit and part.text.endswith(part.unit) else part.text
    return f"{number}{unit}"


LIST_MARKS = "、，,；;：: \t"  # (the marks between a list's items)


def _part_name(part: Fact, by_subject: bool = False) -> str:
    """A part's name in a sum's listing; "" for a part given in turn with no name (…分别为A、B和C):
    nothing left of its words but a word giving items in turn (分别为) or joining them (和)."""
    words = (part.concept or item_label(part.label)).strip(LIST_MARKS)
    for turn in respectively_words():
        if words.startswith(turn):
            words = words[len(turn):].lstrip("为是")
    if not words.strip(LIST_MARKS) or lexicon().list_join.fullmatch(words.strip(LIST_MARKS)):
        return ""
    name = part.concept or item_label(part.label)
    subject = part.subject if by_subject and isinstance(part.subject, str) else ""
    return subject if part.concept and subject else name

