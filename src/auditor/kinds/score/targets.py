"""An indicator's targets for kind `score` and whether its actual value reached them (reached,
missed, a strict target or a ceiling), and the score a missed target earns in proportion
(partial_expected: 权重 × 实际 ÷ 目标, as the formula says)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ...facts.formula import FormulaError, evaluate
from ...facts.numbers import Quantity, fmt, half_unit
from ...facts.targets import DEADLINE_UNIT, Target, parse_deadline_pair, parse_target
from ...knowledge import compact, concepts, vocabulary_generation
from ...memo import remember_short
from .forms import IndicatorRow


@dataclass(frozen=True)
class MissedTarget:
    """A quantitative target and the actual value that does not reach it."""

    row: IndicatorRow
    target: Target
    actual: Target
    upward: bool  # the target is a floor (≥, >, bare) rather than a ceiling (≤, <)


FULL_RATE = Decimal(100)  # a step rule counts the points short of full execution


def target_pairs(rows: list[IndicatorRow]):
    for r in rows:
        # (a deadline and the date it was done by, 12月底前完成 | 次年3月完成, ≤11月 | 12月: months of
        # dates, no quantities of months, read as such first)
        target, actual = parse_deadline_pair(r.target_text, r.actual_text) or (None, None) \
            if r.score is not None else (None, None)
        if target is None:
            target, actual = read_target(r.target_text), read_target(r.actual_text)
        if target is None or actual is None or r.score is None:
            continue
        if actual.comparator not in ("", "=") or actual.unit not in (target.unit, ""):
            continue
        if target.unit == "%" and actual.unit == "" and 0 < actual.value <= 1 < target.value \
                and target.comparator in (">", "≥"):
            # a rate written as a fraction (0.93 against ≥95%): the same rate in per cent; not
            # against a ceiling, where 0.8 may be 0.8% (故障率 ≤5%) as well as 80%
            actual = replace(actual, value=actual.value * 100, unit="%")
        yield r, target, actual


def read_target(text: str) -> Target | None:
    """parse_target, kept for short texts: four rules read every row's target and actual, and a
    Target is immutable."""
    return remember_short(_TARGETS.setdefault(vocabulary_generation(), {}), text, parse_target)


# vocabulary generation -> target or actual text -> its Target or None (the lead words and unit
# spellings a target is read with are vocabulary)
_TARGETS: dict = {}


def ceilings(rule) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words naming an indicator and the units of a bare target that may be a ceiling: the
    rule's own (params ceiling_cues, ceiling_units), else concepts.yaml indicator_ceilings."""
    shared = concepts().get("indicator_ceilings") or {}
    return (tuple(rule.params.get("ceiling_cues") or shared.get("words") or ()),
            tuple(rule.params.get("ceiling_units") or shared.get("units") or ()))


def _upward(row: IndicatorRow, target: Target, ceiling: tuple[tuple[str, ...], tuple[str, ...]]) -> bool | None:
    """True for a floor (≥ >, or a bare planned quantity), False for a ceiling (≤ <, or a bare 0), None
    when the direction cannot be told (=, or a bare target of a possibly-ceiling indicator:
    named so, 投诉, 成本, or counted so, 30分钟, 0.9‰)."""
    if target.comparator in (">", "≥"):
        return True
    if target.comparator in ("<", "≤"):
        return False
    if target.comparator == "":
        if target.value == 0:
            return False  # a bare 0次 (安全生产事故 0次): at most none; at least none says nothing
        return None if _may_be_ceiling(row, target, ceiling) else True
    return None


def _may_be_ceiling(row: IndicatorRow, target: Target, ceiling) -> bool:
    name, (cues, units) = compact(row.indicator + row.level2), ceiling
    return any(compact(c) in name for c in cues) or target.unit in units


def reached_targets(rows: list[IndicatorRow], ceiling) -> list[tuple]:
    """_reached_targets of a table's rows (indicators_of), kept on the table per ceiling words:
    four rules ask for each table's. Only for that very list of rows (kept beside the answer)."""
    if not rows:
        return []
    kept = rows[0].typed.__dict__.setdefault("_reached", {})
    found = kept.get(ceiling)
    if found is None or found[0] is not rows:
        found = kept[ceiling] = (rows, list(_reached_targets(rows, ceiling)))
    return found[1]


def _reached_targets(rows: list[IndicatorRow], ceiling):
    """(row, target, actual, upward, reached) for each quantitative target whose direction is
    known, and each printed alike with its actual (0起 | 0起, met whichever way it points: upward
    True there): reached True when the whole interval the actual was printed for lies on the target's
    side (126项 reaches ≥100项), False when it lies on the wrong side (97% misses ≥98%), None when
    the printed precision cannot tell (98% against ≥98.2%)."""
    for r, target, actual in target_pairs(rows):
        upward = _upward(r, target, ceiling)
        if actual.value == target.value and target.comparator in ("≥", "≤", "", "="):
            # printed alike: ≥12台 met by 12台; a bare 0起 by 0起 whichever way it points
            yield r, target, actual, True if upward is None else upward, True
            continue
        if upward is None and target.comparator == "=" and target.unit == "%" and target.value == FULL_RATE \
                and not _may_be_ceiling(r, target, ceiling):
            # =100% (the template's way of writing a rate to reach in full: 验收合格率 =100%): an
            # actual certainly below falls short. Another level written so (=2% of a 故障率) may be
            # a ceiling: not judged
            if Quantity(actual.value).interval()[1] <= target.value:
                yield r, target, actual, True, False
            continue
        if upward is None:
            continue
        low, high = Quantity(actual.value).interval()
        if (upward and high <= target.value) or (not upward and low > target.value):
            yield r, target, actual, upward, False
        elif (upward and low >= target.value) or (not upward and high <= target.value):
            yield r, target, actual, upward, True


def missed(rows: list[IndicatorRow], ceiling):
    """Targets the actual value certainly misses."""
    for r, target, actual, upward, reached in reached_targets(rows, ceiling):
        if reached is False:
            yield MissedTarget(r, target, actual, upward)


def _shortfall(miss: MissedTarget, step=None) -> Decimal:
    """The points below the floor: a rate's own (90% − 87.5%), a quantity's completion rate's
    (163 of 180: 100 − 90.56); for a step in the indicator's unit, the distance in that unit."""
    if step is not None and step.kind == "unit":
        if miss.target.unit == DEADLINE_UNIT:
            return Decimal(_months_late(miss))
        return abs(miss.actual.value - miss.target.value)
    if miss.target.unit in ("%", "‰") and not (step is not None and step.on_completion):
        return miss.target.value - miss.actual.value
    return (1 - miss.actual.value / miss.target.value) * 100


def _month(target: Target) -> int:
    """The month a deadline or a date done stands for (its value's whole part; the day is its hundredths)."""
    return int(target.value)


def _months_late(miss: MissedTarget) -> int:
    """The months a date done is late, each month begun counted (12月15日前 | 12月20日: one; 11月30日前 |
    12月5日: one; 11月15日前 | 12月20日: two): the whole months between, and one more where the day
    done is later in its month than the deadline's."""
    whole = _month(miss.actual) - _month(miss.target)
    return whole + (miss.actual.value - _month(miss.actual) > miss.target.value - _month(miss.target))


def partial_formula(miss: MissedTarget, weight: Decimal, expected: Decimal, step) -> str:
    if step is not None:
        gap = (f"逾期{_months_late(miss)}个月" if step.kind == "unit" and miss.target.unit == DEADLINE_UNIT
               else f"|{miss.actual.value} − {miss.target.value}|" if step.kind == "unit"
               else f"{miss.target.value} − {miss.actual.value}" if miss.target.unit in ("%", "‰") and not step.on_completion
               else f"100 − {miss.actual.value}/{miss.target.value}×100")
        points = fmt(step.points if step.points >= 0 else -step.points * weight)
        return (f"文中计分规则「{step.words}」：得分 = 权重 − 差距 ÷ {step.step} × {points}"
                f" = {weight} − ({gap}) ÷ {step.step} × {points} = {fmt(expected)}")
    ratio = (f"{miss.actual.value}/{miss.target.value}" if miss.upward
             else f"{miss.target.value}/{miss.actual.value}")
    return (f"{'正向' if miss.upward else '反向'}指标 得分 = 权重 × {'B/A' if miss.upward else 'A/B'}"
            f" = {weight} × {ratio} = {fmt(expected)}")


def printed_spread(rule, miss: MissedTarget, weight: Decimal, expected: Decimal, step=None) -> Decimal:
    """How far the score the rule gives may lie from `expected` because the actual value is itself
    printed rounded (96.69% stands for [96.685%, 96.695%]: 8 × it is 7.7348 to 7.7356, so 7.73
    is right though 8 × 96.69% = 7.7352)."""
    from dataclasses import replace

    exponent = miss.actual.value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places == 0 and miss.actual.unit not in ("%", "‰"):
        return Decimal(0)  # a whole number of things (1部, 43次) is an exact count
    half = half_unit(places)
    ends = [partial_expected(rule, replace(miss, actual=replace(miss.actual, value=miss.actual.value + d)), weight,
                              step) for d in (-half, half)]
    return max((abs(e - expected) for e in ends if e is not None), default=Decimal(0))


def partial_expected(rule, miss: MissedTarget, weight: Decimal, step=None) -> Decimal | None:
    names = {"weight": weight, "actual": miss.actual.value, "target": miss.target.value}
    if step is not None:
        formula = rule.params["step_formula"]
        points = step.points if step.points >= 0 else -step.points * weight  # (a share of the weight, see _stated_steps)
        names.update(step=step.step, points=points, shortfall=_shortfall(miss, step))
    else:
        formula = rule.params["positive_formula" if miss.upward else "negative_formula"]
    try:
        return max(min(evaluate(formula, names), weight), Decimal(0))
    except FormulaError:
        return None
