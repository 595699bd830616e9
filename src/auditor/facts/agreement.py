"""When two printed figures state one amount: their printed intervals meet (meets), or they are
one unit of the last printed decimal apart, two roundings of one amount (tail). The one rounding
model every comparison of two statements uses, in the facts layer so that readers of facts
(facts/frame.py, facts/grid_pairs.py) and the rule kinds share it."""
from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from .base import Fact
from .numbers import MONEY_UNITS


def factor(fact: Fact) -> Decimal:
    return MONEY_UNITS.get(fact.unit, Decimal(1))


def meets(a: Fact, b: Fact) -> bool:
    """The printed intervals overlap (half-open: 27 and 28 do not meet). Points are given, not
    measured: a score printed whole beside one printed finer is read as finely (总分 97 is 97.00,
    the sum of the items' scores, not anything up to 97.5)."""
    # (only where the coarser is a table's: a narrative's 约97分 is rounded by its words)
    coarser = min((a, b), key=lambda f: f.places)
    places = max(a.places, b.places) if a.unit == b.unit == "分" and coarser.source == "table" else None
    lo_a, hi_a = a.interval(factor(a), places)
    lo_b, hi_b = b.interval(factor(b), places)
    if lo_a == hi_a or lo_b == hi_b:  # an exact count is a point: inside the other, or equal
        return lo_a <= hi_b and lo_b <= hi_a if lo_a == hi_a and lo_b == hi_b else \
            (lo_b <= lo_a < hi_b if lo_a == hi_a else lo_a <= lo_b < hi_a)
    return lo_a < hi_b and lo_b < hi_a


def tail(a: Fact, b: Fact) -> bool:
    """One unit of the last printed decimal apart: two roundings of one amount (a table plugged
    by 0.01). Whole numbers are counts and exact, so never a tail. Where one is printed far finer
    (6,516,100.00元 beside 651.62万元), it is the amount itself: the other is a tail only if
    rounding it up or cutting it down to the coarser print gives that (651.61 either way here)."""
    if not (a.places and b.places):
        return False
    half_a, half_b = a.half_unit * factor(a), b.half_unit * factor(b)
    step = max(half_a, half_b) * 2
    if min(half_a, half_b) * FINER <= max(half_a, half_b):
        fine, coarse = (a, b) if half_a < half_b else (b, a)
        exact = fine.value * factor(fine)
        ways = {(exact / step).to_integral_value(rounding=ROUND_FLOOR) * step,
                (exact / step).to_integral_value(rounding=ROUND_CEILING) * step}
        return coarse.value * factor(coarse) in ways
    return abs(a.value * factor(a) - b.value * factor(b)) <= step


FINER = 10  # one print this many times finer than the other is the amount the other rounds
