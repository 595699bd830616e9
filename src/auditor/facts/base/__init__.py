"""The fact base: every figure the document states, in a sentence or a table cell, with context.

A fact has a concept (what is measured), a measure (年初预算, 决算, 占比 …), a period (本年 or
上年), a subject (the unit itself, a project or an indicator), a fund, a Decimal value with its
unit and printed precision, and its source (quote and location; for a cell, its row and column
headers). The words that decide each field are data in rules/concepts.yaml (see lexicon.py).

The base is built once per document; rules select facts through its indexes. `frame()` gives
the same facts as a pandas DataFrame validated by a pandera schema (inspect --facts, tests).

The package: model.py (Fact, FactBase, Head, Label, Columns, the periods and measures), reader.py
(FactReader, its parts combined: vocabulary.py, projects.py, headings.py, paragraphs.py, sentences.py,
subjects.py, in_turn.py, text_facts.py, rates.py, periods.py, labels.py, tables.py, heads.py, cells.py),
and the helpers its parts share: words.py, figures.py, grids.py; fact_base() here, the entry point.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ...model import Document
from ..lexicon import money_concepts
from ..numbers import MONEY_UNITS
from ..value_links import value_aliases
from .model import CURRENT, FactBase, Fact
from .reader import FactReader


__all__ = ["fact_base", "Fact", "FactBase"]


def fact_base(doc: Document) -> FactBase:
    """Built once per document and cached on it. A table that prints no unit is read again in
    the unit its figures are stated in by the text, when that is clear (see assumed_units)."""
    cached = getattr(doc, "_fact_base", None)
    if cached is None:
        first = FactReader(doc)
        cached = first.read()
        assumed = assumed_units(cached)
        aliases = value_aliases(cached, CURRENT)
        if assumed or aliases:
            # (read again: in the unit the text states the table's figures in, and with the words
            # the text names a table row by, so that the figures after them are the row's too;
            # what the first reading read alike either way is not read again: see _reuse_memos)
            cached = FactReader(doc, assumed, aliases, earlier=first).read()
            cached.assumed_units = assumed
        doc._fact_base = cached  # type: ignore[attr-defined]
    return cached


ASSUMED_UNIT_EVIDENCE = 2  # concepts a table and the text must state alike before its unit is read so


def assumed_units(base: FactBase) -> dict[int, str]:
    """table block -> money unit, for tables printing no unit (no 单位 line, no unit in a header or
    a cell) whose money figures the text states too: the unit in which at least
    ASSUMED_UNIT_EVIDENCE of the table's concepts print the amount the text's figure of the same
    concept, period and measure rounds (15,995,432.10 in 元 is the text's 1,599.54万元), when no
    other unit makes any of them agree. Zeros say nothing. Each cell is rounded to the few
    precisions the text uses for its concept and looked up in a set: linear in the figures."""
    stated: set[tuple] = set()
    printed: dict[tuple, set] = {}  # (concept, period, measure) -> the (unit, places) the text uses
    for f in base.facts:
        if f.source == "text" and f.is_money and f.concept and f.value and f.measure != "变动额":
            key = (f.concept, f.period, f.measure)
            stated.add((*key, f.unit, f.value))
            printed.setdefault(key, set()).add((f.unit, f.places))
    if not stated:
        return {}
    scales: dict[Decimal, str] = {}  # one name a scale (万 and 万元 are one unit)
    for unit, factor in MONEY_UNITS.items():
        scales.setdefault(factor, unit)
    money = money_concepts()
    votes: dict[int, dict[str, set]] = {}
    for f in base.facts:
        if f.source != "table" or f.unit or not f.value:
            continue
        key = (f.concept, f.period, f.measure)
        if f.concept not in money:
            # a row the vocabulary does not know as money, which the text states in money
            # (住房保障支出（类）31.00万元): its cell, printing no unit, was read as a plain value,
            # the outturn it is once the table's unit is known
            key = (f.concept, f.period, "决算")
            if f.measure != "实际值" or key not in printed:
                continue
        for factor, name in scales.items():
            for unit, places in printed.get(key, ()):
                shown = (f.value * factor / MONEY_UNITS[unit]).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
                if (*key, unit, shown) in stated:
                    votes.setdefault(f.block, {}).setdefault(name, set()).add(f.concept)
    out = {}
    for block, by_unit in votes.items():
        if len(by_unit) == 1:
            (unit, agreeing), = by_unit.items()
            if len(agreeing) >= ASSUMED_UNIT_EVIDENCE:
                out[block] = unit
    return out
