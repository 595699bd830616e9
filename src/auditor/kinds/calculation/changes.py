"""Context `changes` of kind `calculation`: a total's change on last year and its parts' changes
stated in one paragraph, every part stated, 持平 counting as 0, 增加 and 减少 as signs."""
from __future__ import annotations

from ...facts.base import Fact, FactBase
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, fmt
from ..base import CHECKED, Hit
from .parts import of_fund


def check_changes(doc, base: FactBase, rule):
    """A paragraph stating a total's change on last year and the change of each of its parts."""
    from ..direction import unfigured_claims

    for block, facts in base.by_block.items():
        changes = [f for f in facts if f.measure == "变动额" and f.concept and f.is_money and f.source == "text"]
        if not changes:
            continue
        flat = None  # the paragraph's 持平 claims, read for the first total it changes
        for calc in lexicon().calculations:
            total = next((f for f in changes if f.concept == calc["total"]), None)
            if total is None:
                continue
            if flat is None:
                flat = {c: loc for c, _sign, loc in unfigured_claims(doc, block, on_last_year=True) if _sign == 0}
            parts, zeros = [], []
            for name in calc["parts"]:
                stated = [f for f in changes if f.concept == name and f.id > total.id and of_fund(f, calc)]
                if stated:
                    parts.append(stated[0])
                elif name in flat:
                    zeros.append(name)
                else:
                    break
            else:
                if len(parts) + len(zeros) < 2:
                    continue
                # an optional part (经营支出 under 本年支出) counts when its change is stated
                for name in calc.get("optional") or ():
                    stated = next((f for f in changes if f.concept == name and f.id > total.id), None)
                    parts += [stated] if stated else []
                yield CHECKED
                yield from _compare_changes(total, parts, zeros)


def _compare_changes(total: Fact, parts: list[Fact], zeros: list[str]):
    factor = MONEY_UNITS[total.unit]
    signed = sum((p.sign or 1) * p.in_yuan() for p in parts)
    stated = (total.sign or 1) * total.in_yuan()
    slack = (total.half_unit * MONEY_UNITS[total.unit] + sum(p.half_unit * MONEY_UNITS[p.unit] for p in parts))
    if abs(stated - signed) <= slack:
        return
    words = [f"{p.concept} {'增加' if p.sign > 0 else '减少'} {p.text}" for p in parts]
    words += [f"{name} 持平" for name in zeros]
    expected = f"{'增加' if signed > 0 else '减少' if signed < 0 else '持平'}{fmt(abs(signed) / factor)}{total.unit}"
    said = f"{'增加' if total.sign > 0 else '减少'}{total.text}"
    yield Hit(quote=total.quote, location=total.loc, stated=said, expected=expected,
              formula=f"{total.concept} 的变动 = " + " + ".join(words) + f" = {fmt(signed / factor)}{total.unit}"
                      f"，文中写{said}",
              fields={"total_label": f"{total.concept}较上年变动", "total": said, "sum": expected,
                      "parts": "、".join(words), "context": "同一段（较上年变动）", "verdict": "不符"},
              highlights=[p.loc for p in parts])
