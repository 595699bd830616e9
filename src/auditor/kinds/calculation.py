"""Kind `calculation`: total = Σ parts, declared once over concepts (rules/concepts.yaml
`calculations`), checked in every context where the total and its parts are stated:
- one sentence: a total and the parts enumerated with it (taken as the whole enumeration);
- one table column: the total row and the part rows (a blank part row is 0);
- the document: total and every non-optional part each stated somewhere, with one value.
The sum is consistent when the interval of the parts' sum meets the total's interval (XBRL
Calculations 1.1); a difference only the printed precision explains is `rounding`.
"""
from __future__ import annotations

from decimal import Decimal

from ..facts.base import CURRENT, Fact, FactBase, fact_base
from ..facts.lexicon import lexicon
from ..facts.numbers import MONEY_UNITS, fmt
from .base import Hit

KIND = "calculation"
PARAMS = {
    "contexts": (list, ["sentence", "table", "document", "enumeration"]),
    # words opening a complete list of parts: “人员经费包括：基本工资 A、津贴补贴 B …”
    "enumeration_cues": (list, ["包括", "分别为", "分别是", "具体为", "构成为"]),
    # words opening a list that may leave parts out: only a sum above the total is wrong there
    "partial_cues": (list, ["主要包括", "主要用于", "主要为"]),
}
MESSAGE_FIELDS = {"total_label", "total", "sum", "parts", "context"}
CONTEXTS = ("sentence", "table", "document", "enumeration")


def validate(params: dict) -> str | None:
    bad = [c for c in params["contexts"] if c not in CONTEXTS]
    return f"contexts 只能包含 {', '.join(CONTEXTS)}" if bad else None


def check(doc, rule):
    base = fact_base(doc)
    for calc in lexicon().calculations:
        names = _part_names(calc)
        if "sentence" in rule.params["contexts"]:
            for facts in base.by_sentence.values():
                yield from _check_group(facts, calc, names, "同一句", rule, complete=False)
        if "table" in rule.params["contexts"]:
            for facts in base.by_table.values():
                by_column: dict[tuple, list[Fact]] = {}
                for f in facts:
                    by_column.setdefault((f.loc.col, f.header, f.member), []).append(f)
                # a part the table states in some column must be in the column checked too (a
                # PDF table whose cells slid into the next column is not a short sum)
                present = {names[f.concept] for f in facts if f.concept in names}
                for column in by_column.values():
                    if present <= {names[f.concept] for f in column if f.concept in names}:
                        yield from _check_group(column, calc, names, "同一表列", rule, complete=False)
        if "document" in rule.params["contexts"]:
            yield from _check_document(base, calc, names, rule)
    if "enumeration" in rule.params["contexts"]:
        yield from _check_enumerations(doc, base, rule)


def _check_enumerations(doc, base: FactBase, rule):
    """A concept followed by 包括 / 分别为 and a list of amounts: the amounts add up to it."""
    cues = sorted(rule.params["enumeration_cues"] + rule.params["partial_cues"], key=len, reverse=True)
    for (block, index), facts in base.by_sentence.items():
        text = doc.blocks[block].sentences[index].text
        cue = next(((c, text.find(c)) for c in cues if c in text), None)
        if cue is None:
            continue
        word, at = cue
        named = [f for f in facts if f.concept and text.find(f.quote) < at]
        parts = [f for f in facts if f.is_money and f.measure == "决算" and text.find(f.quote) > at]
        head = _concept_before(base, text[:at])
        if head is None or len(parts) < 2:
            continue
        here = [f for f in named if f.concept == head and f.is_money and f.measure == "决算"]
        total = here[-1] if here else _value(base, head)
        if total is None or total in parts:
            continue
        yield from _compare_listing(total, parts, word in rule.params["partial_cues"], rule)


def _concept_before(base: FactBase, text: str) -> str | None:
    from ..facts.lexicon import lexicon as lex
    from ..knowledge import compact

    return lex().concepts.last(compact(text)[-12:])


def _compare_listing(total: Fact, parts: list[Fact], partial: bool, rule):
    units = [p.unit for p in parts]
    common = max(set(units), key=units.count)
    odd = [p for p in parts if p.unit != common]
    if len(odd) == 1 and units.count(common) >= 2:
        # the list adds up once the odd part is read in the unit of the others: a unit slip
        fixed = odd[0].value * MONEY_UNITS[common]
        exact = sum((p.in_yuan() for p in parts if p is not odd[0]), Decimal(0)) + fixed
        slack = sum((p.half_unit * MONEY_UNITS[common] for p in parts), Decimal(0)) + total.half_unit * MONEY_UNITS[total.unit]
        if abs(exact - total.in_yuan()) <= slack:
            yield Hit(quote=odd[0].quote, location=odd[0].loc, stated=odd[0].text,
                      expected=f"{odd[0].value}{common}", cls="unit_error",
                      formula=f"{total.concept} {total.text} = 各项之和，仅当 {odd[0].text} 按“{common}”计时成立",
                      fields={"total_label": total.concept, "total": total.text, "sum": total.text,
                              "parts": " + ".join(p.text for p in parts), "context": "列举"},
                      highlights=[total.loc])
            return
    exact = sum((p.in_yuan() for p in parts), Decimal(0))
    if partial and exact <= total.in_yuan():
        return
    yield from _compare(total, parts, "列举", rule)


def _part_names(calc: dict) -> dict[str, str]:
    """concept -> the part it counts as (an alternative stands for its group)."""
    names = {p: p for p in calc["parts"]}
    for group, members in (calc.get("alternatives") or {}).items():
        for m in members:
            names[m] = group
    for p in calc.get("optional") or ():
        names[p] = p
    return names


def _money(f: Fact) -> bool:
    return f.is_money and f.measure in ("决算", "年初预算", "全年预算") and f.period == CURRENT


def _check_group(facts, calc, names, context, rule, complete):
    totals = [f for f in facts if f.concept == calc["total"] and _money(f)]
    for total in totals:
        parts = [f for f in facts if f.concept in names and _money(f) and f.measure == total.measure
                 and f.subject == total.subject and f is not total]
        parts = _one_per_part(parts, names)
        if not parts or (len(parts) < 2 and len(calc["parts"]) > 1 and context == "同一句"):
            continue
        if context == "同一表列" and len(calc["parts"]) <= 3 and len(parts) < len(calc["parts"]):
            continue  # a short list of parts is always printed whole; a missing row is a reading gap
        yield from _compare(total, parts, context, rule)


def _one_per_part(parts: list[Fact], names: dict[str, str]) -> list[Fact]:
    """One fact per part; members of an alternative group replace the group's own figure."""
    chosen: dict[str, list[Fact]] = {}
    for f in parts:
        chosen.setdefault(names[f.concept], []).append(f)
    out = []
    for group, facts in chosen.items():
        own = [f for f in facts if f.concept == group]
        members = [f for f in facts if f.concept != group]
        out.extend(own[:1] if own else _first_each(members))
    return out


def _first_each(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        if f.concept not in seen:
            seen.add(f.concept)
            out.append(f)
    return out


def _check_document(base: FactBase, calc, names, rule):
    required = [p for p in calc["parts"]]
    total = _value(base, calc["total"])
    if total is None:
        return
    parts = []
    for p in required:
        f = _value(base, p)
        if f is None:
            alternatives = [_value(base, a) for a in (calc.get("alternatives") or {}).get(p, ())]
            found = [a for a in alternatives if a is not None]
            if not found:
                return  # a part stated nowhere: not assessable in this context
            parts.extend(found)
        else:
            parts.append(f)
    yield from _compare(total, parts, "全文", rule)


def _value(base: FactBase, concept: str) -> Fact | None:
    from .restatement import meets, tail

    found = [f for f in base.of(concept, "决算") if f.is_money and not f.member and not f.subject
             and not f.fund]
    if not found or not all(meets(found[0], f) or tail(found[0], f) for f in found):
        return None
    return next((f for f in found if f.source == "table"), found[0])


def _compare(total: Fact, parts: list[Fact], context: str, rule):
    factor = MONEY_UNITS[total.unit]
    exact = sum((p.in_yuan() for p in parts), Decimal(0))
    slack = sum((p.half_unit * MONEY_UNITS[p.unit] for p in parts), Decimal(0)) + total.half_unit * factor
    diff = abs(exact - total.in_yuan())
    if diff <= slack and diff == 0:
        return
    places = max(p.places for p in [total, *parts])
    shown = f"{fmt(exact / factor, places)}"
    listing = " + ".join(f"{p.concept or p.label} {p.text}" for p in parts)
    if diff <= slack:
        cls = "rounding"
    elif any(abs(exact - total.value * MONEY_UNITS[u]) <= slack for u in MONEY_UNITS if u != total.unit):
        cls = "unit_error"
    else:
        cls = None
    yield Hit(quote=total.quote, location=total.loc, stated=total.text, expected=f"{shown}{total.unit}",
              formula=f"{total.concept} = {listing} = {shown}{total.unit}（{context}）", cls=cls,
              fields={"total_label": total.concept, "total": total.text, "sum": f"{shown}{total.unit}",
                      "parts": listing, "context": context},
              highlights=[p.loc for p in parts if p.loc != total.loc])
