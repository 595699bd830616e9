"""Kind `identity`: declared accounting identities over labelled facts in sentences.

`total` = Σ `parts` (each part a label or a list of alternative labels), checked where
the total and every part are stated within `scope` (sentence or paragraph). Labels are
normalised through rules/vocabulary.yaml. A total that matches only after a ×10⁴/×10⁸
unit change is left to the `unit` kind, which diagnoses it.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import islice, product

from ..facts.extract import Fact, document_facts, paragraph_of
from ..facts.numbers import MONEY_UNITS
from .base import Hit

KIND = "identity"
PARAMS = {"total": (str, None), "parts": (list, None), "scope": (str, "sentence")}
MESSAGE_FIELDS = {"total_label", "total", "sum", "diff", "parts"}
SCALES = (Decimal(10) ** 4, Decimal(10) ** 8, Decimal(10) ** -4, Decimal(10) ** -8)
MAX_COMBINATIONS = 64


def validate(params: dict) -> str | None:
    if params["scope"] not in ("sentence", "paragraph", "document"):
        return "scope 应为 sentence、paragraph 或 document"
    return None if params["parts"] else "parts 不能为空"


def alternatives(parts: list) -> list[set[str]]:
    return [set(p) if isinstance(p, list) else {p} for p in parts]


def money(fact: Fact) -> bool:
    return fact.quantity.unit in MONEY_UNITS


def base(fact: Fact) -> Decimal:
    return fact.quantity.in_base()


def tolerance(facts: list[Fact]) -> Decimal:
    return sum((f.quantity.half_ulp * MONEY_UNITS[f.quantity.unit] for f in facts), Decimal(0))


def scope_pool(doc, fact: Fact, scope: str, facts: list[Fact]) -> list[Fact]:
    if scope == "sentence":
        return [f for f in facts if f.sentence is fact.sentence]
    if scope == "paragraph":
        para = paragraph_of(doc, fact.sentence)
        ids = {id(s) for s in para.sentences} if para else {id(fact.sentence)}
        return [f for f in facts if id(f.sentence) in ids]
    return facts


def combinations(total: Fact, pool: list[Fact], parts: list) -> list[tuple[Fact, ...]]:
    options = [[f for f in pool if f.label in labels and f is not total and money(f)]
               for labels in alternatives(parts)]
    if any(not o for o in options):
        return []
    return [c for c in islice(product(*options), MAX_COMBINATIONS) if len({id(f) for f in c}) == len(c)]


def compare(total: Fact, combo: tuple[Fact, ...]) -> str:
    """'ok', 'rounding', 'scaled' (matches after a 10⁴/10⁸ unit change) or 'mismatch'."""
    exact = sum((base(f) for f in combo), Decimal(0))
    diff = abs(exact - base(total))
    if diff == 0:
        return "ok"
    if diff <= tolerance([total, *combo]):
        return "rounding"
    printed = total.quantity.value * MONEY_UNITS[total.quantity.unit]
    for scale in SCALES:
        if abs(printed * scale - exact) <= tolerance([total, *combo]) * scale:
            return "scaled"
    return "mismatch"


def describe(combo: tuple[Fact, ...]) -> str:
    return " + ".join(f"{f.label} {f.quantity.text}" for f in combo)


def check(doc, rule):
    facts = [f for f in document_facts(doc) if money(f)]
    for total in (f for f in facts if f.label == rule.params["total"]):
        pool = scope_pool(doc, total, rule.params["scope"], facts)
        combos = combinations(total, pool, rule.params["parts"])
        if not combos:
            continue
        outcomes = [(compare(total, c), c) for c in combos]
        kinds = {o for o, _ in outcomes}
        if "ok" in kinds or "scaled" in kinds:
            continue
        outcome, combo = next(((o, c) for o, c in outcomes if o == "rounding"), outcomes[0])
        exact = sum((base(f) for f in combo), Decimal(0)) / MONEY_UNITS[total.quantity.unit]
        places = max(f.quantity.places for f in (total, *combo))
        expected = f"{exact:.{places}f}{total.quantity.unit}"
        yield Hit(
            quote=total.sentence.text.strip(), location=total.loc, stated=total.quantity.text,
            expected=expected, formula=f"{total.label} = {describe(combo)} = {expected}",
            fields={"total_label": total.label, "total": total.quantity.text, "sum": expected,
                    "parts": describe(combo),
                    "diff": f"{(base(total) - exact * MONEY_UNITS[total.quantity.unit]) / MONEY_UNITS[total.quantity.unit]:.{places}f}"},
            cls="rounding" if outcome == "rounding" else None)
