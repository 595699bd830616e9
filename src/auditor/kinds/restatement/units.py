"""Two figures a unit scale apart (kind `restatement`): the same digits under two money units, or
figures that many times apart within their printed precision, by the rule's scales."""
from __future__ import annotations

from decimal import Decimal

from ...facts.base import Fact
from ...facts.agreement import factor
from ...facts.numbers import MONEY_UNITS


def scaled(a: Fact, b: Fact, scales) -> bool:
    """Equal digits in different money units (2248.58元 against 2248.58万元)."""
    if a.unit not in MONEY_UNITS or b.unit not in MONEY_UNITS or a.value == 0:
        return False
    ratio = (b.in_yuan() / a.in_yuan()) if a.in_yuan() else Decimal(0)
    return a.value == b.value and any(ratio in (Decimal(s), 1 / Decimal(s)) for s in scales)


def unit_scale(a: Fact, b: Fact, scales, digits: int, same_digit_scales=()) -> Decimal | None:
    """b's amount over a's where it is one of `scales` or its inverse: the same digits under two
    units (`scaled`), or, within printed precision, figures that many times apart (6171000.00 in a
    table whose caption says 万元, printed in 元, against another table's 617.10), the smaller
    printed with `digits` significant digits at least; or one of `same_digit_scales` with the same
    digits only (39,512.60 under 单位：千元 against 39,512.60万元: a ratio of 10 between figures
    printed apart is as often a wrong figure as a wrong unit). None otherwise."""
    if not (a.is_money and b.is_money) or a.value == 0 or b.value == 0:
        return None
    if a.value == b.value and a.unit != b.unit and scaled(a, b, same_digit_scales):
        return b.in_yuan() / a.in_yuan()
    for ratio in (r for s in scales for r in (Decimal(s), 1 / Decimal(s))):
        if a.value == b.value and b.in_yuan() == a.in_yuan() * ratio:
            return ratio
        small = a if ratio > 1 else b
        lo_a, hi_a = a.interval(factor(a) * ratio)
        lo_b, hi_b = b.interval(factor(b))
        if len(small.value.as_tuple().digits) >= digits and lo_a <= hi_b and lo_b <= hi_a:
            return ratio
    return None


def rule_unit_scale(a: Fact, b: Fact, rule) -> Decimal | None:
    """unit_scale with the rule's scales."""
    return unit_scale(a, b, rule.params["unit_scales"], rule.params["unit_slip_digits"],
                      rule.params["same_digit_scales"])
