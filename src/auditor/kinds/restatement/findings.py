"""The finding of kind `restatement`: a fact stated twice with values that do not meet, the one
reported against the other: a unit slip, a mismatch or a rounding, the value expected in the
figure's own unit and precision, and a note where a table's unit was read from the text."""
from __future__ import annotations

from decimal import Decimal

from ...facts.base import Fact
from ...facts.agreement import as_said, tail
from ...facts.numbers import MONEY_UNITS, fmt
from ...knowledge import compact, concepts
from ..base import TAIL_NOTE, Hit
from .units import rule_unit_scale


def restatement_hit(fact: Fact, other: Fact, rule, assumed: dict[int, str] | None = None, note: str = "",
         sure: bool = True) -> Hit:
    """`note`: what else the formula says; not `sure`: which of the two is the slip is not known, and
    no value is expected of the one reported."""
    ratio = rule_unit_scale(fact, other, rule)
    unit_slip = ratio is not None
    # (two statements met under one key whose measures differ: one is a 决算 by default read as the
    # budget the other names, see keys.py _measure)
    measure = next((f.measure for f in (fact, other) if f.measure != "决算"), fact.measure)
    # (a part's rate names its part: 项目支出预算执行率)
    # (…and a listed project's rate its project: 慢性病管理子项目预算执行率)
    of_part = fact.member if fact.member and fact.member == other.member and fact.concept == "预算执行率" else \
        fact.subject if fact.subject and fact.subject == other.subject and fact.concept == "预算执行率" \
        and not fact.subject.endswith(fact.concept) else ""
    relation = f"{of_part}{fact.concept}（{measure}{'，' + fact.period if fact.period != '本年' else ''}）"
    # a table cell prints the bare number under the table's unit: the unit is said with it
    other_text = other.with_unit()
    formula = (f"{fact.where()}：{as_said(fact)}；{other.where()}：{other_text}"
               + _unit_words(fact, other, ratio) + _assumed_note(fact, other, assumed) + note
               + _balance_note(fact, other))
    cls = "unit_error" if unit_slip else "rounding" if tail(fact, other) else None
    # the value the figure should read, in its own unit and precision (86,540.00元 for 8.56万元 is
    # 8.65万元), the other statement's print in the formula
    expected = other_text if unit_slip or fact.unit == other.unit or not (fact.is_money and other.is_money) \
        else _in_unit_of(other, fact)
    if unit_slip and fact.source == "text" and any(ratio in (Decimal(s), 1 / Decimal(s))
                                                   for s in rule.params["same_digit_scales"]):
        # (a sentence restating a 千元 table's digits under its own 万元, 39,512.60万元 for 39,512.60千元:
        # its unit is the narrative's, its digits went unconverted: 3,951.26万元)
        expected = _in_unit_of(other, fact)
    # (one amount printed twice at one precision, a unit of its last digit apart: no rounding of
    # that amount gives both; one of them was cut down or adjusted to make a total)
    same_print = cls == "rounding" and fact.unit == other.unit and fact.places == other.places
    return Hit(quote=fact.quote, location=fact.loc, stated=fact.text, expected=expected if sure else None,
               formula=f"{relation} {formula}", cls=cls,
               fields={"concept": relation, "value": as_said(fact), "other": other_text,
                       "other_where": other.where(), "where": fact.where(),
                       **({"rounding_note": TAIL_NOTE} if same_print else {})},
               highlights=[other.loc])


def _balance_note(fact: Fact, other: Fact) -> str:
    """Where one figure is the 收入总计 and the other the 支出总计 of the balanced grand total
    (concepts.yaml balance_identity): why they should be one value."""
    identity = concepts().get("balance_identity") or {}
    sides = [next((k for k in ("income_words", "spending_words")
                   if any(compact(f.label).endswith(w) for w in identity.get(k) or ())), None) for f in (fact, other)]
    if fact.concept != identity.get("total") or None in sides or sides[0] == sides[1]:
        return ""
    return "；收入总计与支出总计是同一收支总计的两面（支出总计含年末结转和结余），应相等"


def _unit_words(fact: Fact, other: Fact, ratio: Decimal | None) -> str:
    """How the two figures stand: one value, a unit apart (the same digits, or one the other's
    ×10⁴ under one unit), or two values."""
    if ratio is None:
        return "：两处应为同一数值"
    if fact.value == other.value:
        return "：数字相同而单位不同"
    return f"：两处相差{int(max(ratio, 1 / ratio))}倍，疑为单位有误"


def _in_unit_of(other: Fact, fact: Fact) -> str:
    """`other`'s amount written in `fact`'s unit, at `fact`'s printed precision."""
    value = other.in_yuan() / MONEY_UNITS[fact.unit]
    return f"{fmt(value, fact.places, fact.text)}{fact.unit}"


def _assumed_note(fact: Fact, other: Fact, assumed: dict[int, str] | None) -> str:
    """Says so when a table's unit was read from the text (the table prints none)."""
    for f in (fact, other):
        if f.source == "table" and assumed and f.block in assumed:
            return f"（该表未注明单位，按正文中与之相同的数字读作{assumed[f.block]}）"
    return ""
