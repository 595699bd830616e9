"""When two printed figures state one amount: their printed intervals meet (meets), or they are
one unit of the last printed decimal apart, two roundings of one amount (tail). The one rounding
model every comparison of two statements uses, in the facts layer so that readers of facts
(facts/frame.py, facts/grid_pairs.py) and the rule kinds share it."""
from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from .base import Fact
from .lexicon import lexicon
from .numbers import MONEY_UNITS, significant_digits
from .targets import PREFIX


def factor(fact: Fact) -> Decimal:
    return MONEY_UNITS.get(fact.unit, Decimal(1))


def round_hedge(fact: Fact, any_digits: bool = False) -> str:
    """The side the true figure may lie on (below, above, either) where a word before or after a
    figure says it is round (约2,350万元, 近30个百分点, 2,900万元左右); "" for a figure stated exactly.
    A figure with more than approximate_digits significant digits is no round one whatever the word
    (约2,345.61 is that amount), unless `any_digits`."""
    if not any_digits and significant_digits(fact.value) > lexicon().approximate_digits:
        return ""
    # (a table's row label ending so, 低于, names a row: no word on its cell's figure)
    before = lexicon().approximate.search(fact.label) if fact.source == "text" else None
    after = lexicon().approximate_after.match(fact.hedge) if fact.hedge and not before else None
    return before.lastgroup if before else after.lastgroup if after else ""


def as_said(fact: Fact) -> str:
    """The figure with its unit and the words saying it is round, as the document says it
    (近1,500万元, 2,900万元左右)."""
    before = lexicon().approximate.search(fact.label) if fact.source == "text" else None
    return f"{before.group(before.lastgroup) if before else ''}{fact.with_unit()}{fact.hedge}"


def widen_by_hedge(fact: Fact, lo: Decimal, hi: Decimal, scale: Decimal, hedge: str,
                   open_ended: bool = False) -> tuple[Decimal, Decimal]:
    """A round figure's interval (lo, hi, scaled by `scale`) widened on the side its word allows
    (约 either side, 近 / 不足 below, 逾 / 超过 above) by approximate_share of it, and by no more than
    one unit of its last significant digit: the more digits an author prints, the closer the figure
    is claimed to be (约7 for 7.33 or 6.5, not for 8.10; 约2,350 for 2,345.60, not for 2,150; 约2,300
    for 2,345.60). `open_ended`: the figure is a statement checked against the one it says (a
    restatement, a rate): a word above it then makes it a floor, unbounded above."""
    if not hedge:
        return lo, hi
    spread = hedge_spread(fact) * scale
    if hedge == "above" and open_ended:
        return lo, UNBOUNDED  # (逾500万元 of 688.20: a floor, true however far above it)
    return lo - (spread if hedge != "above" else 0), hi + (spread if hedge != "below" else 0)


UNBOUNDED = Decimal("Infinity")


def hedge_spread(fact: Fact) -> Decimal:
    """How far a round figure may lie from its printed value, in its own unit (widen_by_hedge): one
    unit of its last significant digit (约2,350: 10). Zeros printed after the point are the
    figure's format, not its precision, where a word says it is round (约800.00万元: 100)."""
    value = Decimal(fact.value)  # (a rate worked out in whole per cents may hold an int)
    digit = Decimal(1).scaleb(value.normalize().as_tuple().exponent) if value else Decimal(0)
    return min(abs(value) * lexicon().approximate_share, digit)


def bound_side(fact: Fact) -> str:
    """The side a figure bounds its value on where its comparator says so (超过700万元: above, a floor;
    不足15万元: below, a ceiling), "" for any other."""
    return BOUND_SIDES.get(PREFIX.get(fact.comparator, fact.comparator), "")


BOUND_SIDES = {">": "above", "≥": "above", "<": "below", "≤": "below"}


def _bounded(fact: Fact, lo: Decimal, hi: Decimal) -> tuple[Decimal, Decimal]:
    """A bound's interval: unbounded on the side it leaves open."""
    side = bound_side(fact)
    return (lo, UNBOUNDED) if side == "above" else (-UNBOUNDED, hi) if side == "below" else (lo, hi)


def restates(a: Fact, b: Fact) -> bool:
    """`meets` for a statement of one figure against another's (kind restatement): a figure a word
    bounds (超过700万元, 逾500万元, 不足15万元) is a floor or a ceiling, open on its other side."""
    return meets(a, b, open_ended=True)


def meets(a: Fact, b: Fact, open_ended: bool = False) -> bool:
    """The printed intervals overlap (half-open: 27 and 28 do not meet), a round figure's widened by
    its word (约2,350万元 meets 2,345.60万元; `open_ended`: see restates). Points are given, not
    measured: a score printed whole beside one printed finer is read as finely (总分 97 is 97.00,
    the sum of the items' scores, not anything up to 97.5)."""
    # (only where the coarser is a table's: a narrative's 约97分 is rounded by its words)
    coarser = min((a, b), key=lambda f: f.places)
    places = max(a.places, b.places) if a.unit == b.unit == "分" and coarser.source == "table" else None
    lo_a, hi_a = widen_by_hedge(a, *a.interval(factor(a), places), factor(a), round_hedge(a), open_ended)
    lo_b, hi_b = widen_by_hedge(b, *b.interval(factor(b), places), factor(b), round_hedge(b), open_ended)
    if open_ended:
        (lo_a, hi_a), (lo_b, hi_b) = _bounded(a, lo_a, hi_a), _bounded(b, lo_b, hi_b)
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
