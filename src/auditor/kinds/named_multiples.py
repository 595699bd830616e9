"""Multiples a document names and states beside the amounts they are of (本息覆盖倍数 = 净收益合计
÷ 本息合计), and the claims made of them against the threshold they must reach.

A multiple is read where its name (rules' `multiples`: 覆盖倍数) is followed by a copula and a
bare number, 倍 or not (本息覆盖倍数为1.05, 覆盖倍数为1.31倍), in a sentence naming its base (本息),
or as a table cell whose row names it. Its operands are the amounts whose words hold the
multiple's `of` words (收益) and `base` words (本息, 还本付息): those of its own sentence (a cell's:
its table) first; where either is missing there, the document's amounts of that kind named as a
whole (合计, 累计: the multiple is of a whole period's). It is consistent where any pair of them
gives it within the printing of all three; told against the nearest pair otherwise.
A claim that a multiple meets its purpose (满足…平衡要求, 能够保障) is judged against the threshold the
sentence states (大于1.1倍) or, stating none, the genre's (`threshold`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..facts.base import Fact, FactBase
from ..facts.numbers import fmt, half_unit
from ..knowledge import compact, concepts
from ..model import Paragraph

NEAREST = 12  # candidate amounts of each operand kept per multiple (nearest first): a bounded cost


@dataclass(frozen=True)
class Multiple:
    name: str
    text: str  # the number as printed, 倍 and all
    value: Decimal
    places: int
    quote: str
    loc: object
    after: str  # the words of its sentence after it (its claim; "" for a cell)
    own: list  # the amounts of its own sentence before it (a cell: of its table)
    fact: Fact | None = None  # the cell's fact


@lru_cache(maxsize=4)
def multiple_re(names: tuple[str, ...], copulas: tuple[str, ...]) -> re.Pattern:
    """A multiple's name, a copula (为, 达到) and its number, 倍 or not; not a number of another unit
    after it (覆盖倍数为1.3亿元 is none)."""
    return re.compile("(?P<name>" + "|".join(map(re.escape, names)) + r")(?:" + "|".join(map(re.escape, copulas))
                      + r")\s*(?P<num>\d+(?:\.\d+)?)(?P<times>倍)?(?![\d.万亿元%％])")


def multiples_of(spec: dict) -> dict:
    """A multiple's name -> the words of the amounts it is of and over: the rule's, else concepts.yaml
    named_multiples."""
    return spec["multiples"] or concepts().get("named_multiples") or {}


def stated_multiples(doc, base: FactBase, spec: dict) -> list[Multiple]:
    """The document's multiples (module doc), in reading order; read once per document and reading:
    _read reads the spec's multiples_of (in order: their names are tried in it) and its copulas
    only, so the rules whose specs give the same (named_multiple, multiple_claim) share one."""
    reading = (list(multiples_of(spec).items()), tuple(spec["multiple_copulas"]))
    readings = base.remember(("named multiples",), list)  # [(reading, its multiples)]
    for known, found in readings:
        if known == reading:
            return found
    found = list(_read(doc, base, spec))
    readings.append((reading, found))
    return found


def _read(doc, base: FactBase, spec: dict):
    names = tuple(multiples_of(spec))
    pattern = multiple_re(names, tuple(spec["multiple_copulas"]))
    for b, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph):
            continue
        for s, sentence in enumerate(block.sentences):
            text = sentence.text
            if not any(n in text for n in names):
                continue
            for m in pattern.finditer(text):
                spec_of = multiples_of(spec)[m.group("name")]
                if not any(w in text[:m.start()] + m.group("name") for w in spec_of["base"]):
                    continue  # (a multiple of something its sentence does not name: not this one)
                num = m.group("num")
                facts = [f for f in base.by_sentence.get((b, s), ()) if f.at < m.start() and f.source == "text"]
                yield Multiple(m.group("name"), num + (m.group("times") or ""), Decimal(num), _places(num),
                               text.strip(), sentence.loc, text[m.end():], facts)
    for f in base.facts:
        if f.source != "table":
            continue
        label = compact(f.label)  # (once per cell, not once per name)
        if not label.endswith(names):
            continue
        name = next(n for n in names if label.endswith(n))
        if f.value > 0:
            own = [g for g in base.by_block.get(f.block, ()) if g is not f and g.is_money]
            yield Multiple(name, f.text, f.value, f.places, f.quote, f.loc, "", own, f)


def _places(num: str) -> int:
    return len(num.split(".")[1]) if "." in num else 0


def operands(base: FactBase, multiple: Multiple, spec: dict) -> tuple[list[Fact], list[Fact]]:
    """(numerators, denominators) for the multiple, nearest first: its own sentence's (table's)
    amounts of each kind, else the document's named as a whole (module doc)."""
    of = multiples_of(spec)[multiple.name]
    # (the amounts of each kind: a multiple's own row, 本息覆盖倍数, is neither)
    num_words, den_words = (of["of"], [*of["base"], *multiples_of(spec)]), (of["base"], [*of["of"], *multiples_of(spec)])
    nums = [f for f in reversed(multiple.own) if _names(f, *num_words)]
    dens = [f for f in reversed(multiple.own) if _names(f, *den_words)]
    if not nums or not dens:
        totals = tuple(spec["total_words"])
        whole = base.remember(("multiple operands", multiple.name, id(spec)), lambda: (
            [f for f in reversed(base.facts) if _names(f, *num_words) and _whole(f, totals)],
            [f for f in reversed(base.facts) if _names(f, *den_words) and _whole(f, totals)]))
        nums, dens = nums or whole[0], dens or whole[1]
    return nums[:NEAREST], dens[:NEAREST]


def _names(f: Fact, words, other_words) -> bool:
    """An amount of money whose words hold one of `words` and none of `other_words`."""
    label = compact(f.label)
    return f.is_money and f.value > 0 and not f.comparator and any(w in label for w in words) \
        and not any(w in label for w in other_words)


def _whole(f: Fact, totals: tuple[str, ...]) -> bool:
    return any(w in compact(f.label) for w in totals)


def gives(multiple: Multiple, num: Fact, den: Fact) -> bool:
    """num ÷ den, each within its printing, meets the multiple within its own."""
    n_lo, n_hi = num.yuan_interval()
    d_lo, d_hi = den.yuan_interval()
    if d_lo <= 0:
        return True
    half = half_unit(multiple.places)
    return n_lo / d_hi <= multiple.value + half and multiple.value - half <= n_hi / d_lo


def worked(num: Fact, den: Fact, places: int) -> str:
    return fmt(num.in_yuan() / den.in_yuan(), max(places, 2))


@lru_cache(maxsize=4)
def threshold_re(comparing: tuple[str, ...]) -> re.Pattern:
    """A threshold stated with a comparing word (大于1.1倍, 不低于1.2倍)."""
    return re.compile("(?:" + "|".join(map(re.escape, comparing)) + r")\s*(?P<num>\d+(?:\.\d+)?)\s*倍")


def claimed_below(multiple: Multiple, spec: dict) -> tuple[Decimal, str] | None:
    """(threshold, claim) where the multiple's sentence claims after it that the multiple serves its
    purpose (满足…要求, 能够保障; or compares it above a threshold, 大于1.1倍) while it is below the
    threshold stated there (else the genre's); None otherwise."""
    after = multiple.after
    clause_end = re.search(r"[。；;]", after)
    after = after[:clause_end.start()] if clause_end else after
    stated = threshold_re(tuple(spec["comparing_words"])).search(after)
    threshold = Decimal(stated.group("num")) if stated else Decimal(str(spec["threshold"]))
    claim = stated.group(0) if stated else next((w for w in spec["claim_words"] if w in after), None)
    if claim is None and not stated:
        # (a claim only that the income covers what is owed, 能够覆盖债券本息: once over)
        claim = next((w for w in spec["cover_words"] if w in after), None)
        threshold = Decimal(1)
    if claim is None or any(n in after[:after.find(claim)] for n in spec["negations"]):
        return None
    if multiple.value + half_unit(multiple.places) >= threshold:
        return None
    return threshold, claim
