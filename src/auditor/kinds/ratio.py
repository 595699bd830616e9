"""Kind `ratio`: percentages in sentences recomputed from the amounts beside them.

Checks (param `check`):
- completion: “预算数 A …执行数/决算 B…，完成预算的 P%” — P against B ÷ A.
- growth: “…B…较上年增加/减少 D，增长/下降 P%” — P against D ÷ (B ∓ D).
The stated percentage is compared at the precision it is printed with (89.4% printed as
90% is wrong; 89.4% printed as 89% is right).
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ..facts.extract import Fact, document_facts
from ..facts.numbers import MONEY_UNITS, fmt
from .base import Hit

KIND = "ratio"
PARAMS = {
    "check": (str, None),
    "budget_words": (str, r"预算"),
    "actual_words": (str, r"执行|决算|实际支出|支出数|到位"),
    "percent_cue": (str, r"(?:完成|达到|为)(?:全年|年初)?(?:预算|计划)?(?:数)?的?\s*$|执行率\s*(?:为|达)?\s*$"),
    "growth_cue": (str, r"(增长|下降|减少|增加|上升|降低)\s*$"),
    "change_cue": (str, r"(增加|减少|增长|下降)\s*$"),
    "decrease_words": (str, r"减少|下降"),
}
MESSAGE_FIELDS = {"percent", "computed"}
CHECKS = ("completion", "growth")


def validate(params: dict) -> str | None:
    return None if params["check"] in CHECKS else f"check 应为 {', '.join(CHECKS)} 之一"


def check(doc, rule):
    by_paragraph: dict[int, list[Fact]] = {}
    for fact in document_facts(doc):
        by_paragraph.setdefault(id(fact.sentence.loc), []).append(fact)
    for facts in by_paragraph.values():
        yield from globals()[f"_check_{rule.params['check']}"](facts, rule)


def _shown(stated: Fact, computed: Decimal) -> Decimal:
    """`computed` rounded to the places the stated percentage is printed with."""
    return computed.quantize(Decimal(1).scaleb(-stated.quantity.places), rounding=ROUND_HALF_UP)


def _rounds_to(stated: Fact, computed: Decimal) -> bool:
    return _shown(stated, computed) == stated.quantity.value or abs(computed - stated.quantity.value) < Decimal("0.01")


def _hit(pct: Fact, start: int, computed: Decimal, formula: str) -> Hit:
    return Hit(quote=pct.sentence.text[start:pct.end].strip(), location=pct.loc,
               stated=pct.quantity.text, expected=f"{fmt(computed)}%", formula=formula,
               fields={"percent": pct.quantity.text, "computed": f"{fmt(computed)}%"})


def _money(facts, pattern, before: Fact) -> Fact | None:
    found = [f for f in facts if f.quantity.unit in MONEY_UNITS and f.start < before.start
             and f.sentence is before.sentence and re.search(pattern, f.phrase)]
    return found[-1] if found else None


def _check_completion(facts, rule):
    for pct in (f for f in facts if f.quantity.unit == "%"):
        if not re.search(rule.params["percent_cue"], pct.phrase):
            continue
        actual = _money(facts, rule.params["actual_words"], pct)
        budget = _money(facts, rule.params["budget_words"], actual or pct) if actual else None
        if not actual or not budget or budget.quantity.value == 0 or actual is budget:
            continue
        # amounts in different units are compared as printed: the unit slip is the unit rule's
        computed = actual.quantity.value / budget.quantity.value * 100
        if _rounds_to(pct, computed):
            continue
        yield _hit(pct, budget.clause_start, computed,
                   f"{actual.quantity.text} ÷ {budget.quantity.text} = {fmt(computed)}%，"
                   f"按文中精度应写作 {_shown(pct, computed)}%")


def _check_growth(facts, rule):
    for k, pct in enumerate(facts):
        if pct.quantity.unit != "%" or not re.search(rule.params["growth_cue"], pct.phrase):
            continue
        change_cue = rule.params["change_cue"]
        j = next((j for j in range(k - 1, -1, -1) if facts[j].quantity.unit in MONEY_UNITS
                  and re.search(change_cue, facts[j].phrase)), None)
        if j is None or k - j > 2:
            continue
        change = facts[j]
        current = next((facts[i] for i in range(j - 1, -1, -1)
                        if facts[i].quantity.unit == change.quantity.unit
                        and not re.search(change_cue, facts[i].phrase)), None)
        if current is None:
            continue
        down = re.search(rule.params["decrease_words"], change.phrase)
        previous = current.quantity.value + change.quantity.value if down else current.quantity.value - change.quantity.value
        if previous <= 0:
            continue
        computed = change.quantity.value / previous * 100
        if _rounds_to(pct, computed):
            continue
        yield _hit(pct, change.clause_start, computed,
                   f"{change.quantity.text} ÷ 上年数 {previous}（{current.quantity.text} "
                   f"{'+' if down else '−'} {change.quantity.text}）= {fmt(computed)}%")
