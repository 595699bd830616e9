"""Words the vocabulary does not know, linked to a table row by the figure they state.

A report restates its tables in its own words: 全年收治住院病人18,642人次 for the row 住院人次
| 18,642. Where a sentence's figure names no concept, and exactly one table row prints the same
figure (same unit, the year's own, a value too particular to be a coincidence) under a name a
third of whose words the sentence's words hold, these words are that row's name for this document:
the facts are read again with them, so that the change and the rate after the figure (比去年少734
人次) are the row's too, and are checked against its other columns."""
from __future__ import annotations

from collections import Counter
from fractions import Fraction

from ..knowledge import concepts, han_bigrams
from .lexicon import lexicon
from .numbers import MONEY_UNITS, significant_digits
from .restated import YEAR_WORDS_RE

# a figure of fewer significant digits (734, 2,500) may well be printed twice by chance
MIN_DIGITS = 4
# the measures of a plain figure: what a row's current column prints (and, in a plan, its budget:
# FactBase.bare_measure)
PLAIN_MEASURES = ("决算", "实际值")
# the share of the row name's character pairs the sentence's words must hold: one generic word in
# common (学生, 老年人 of 享受免费教科书学生人数, 老年人健康管理人数: a programme's coverage, all of a
# population) is no restatement; 住院 of 住院人次, the name's own thing, is
MIN_SHARED = Fraction(1, 3)


def value_aliases(base, current: str) -> dict[str, str]:
    """{sentence phrase: row concept} for the sentence figures a table row restates (see the
    module's doc); `current` is the period of the report's own year."""
    plain = (*PLAIN_MEASURES, base.bare_measure)
    # the sentence figures that may be restated first: most reports have few or none, and only
    # the table figures of their values are looked at (the same rows as of every table figure)
    stated = [f for f in base.facts if f.source == "text" and not f.concept and f.period == current
              and f.measure in plain and f.value and len(f.label) >= 2 and significant_digits(f.value) >= MIN_DIGITS]
    if not stated:
        return {}
    wanted = {_key(f) for f in stated}
    rows: dict[tuple, set] = {}  # (value in a common unit, unit kind) -> the row concepts printing it
    for f in base.facts:
        if f.source == "table" and f.concept and f.period == current and f.measure in plain \
                and f.value and not f.member:
            key = _key(f)
            if key in wanted and significant_digits(f.value) >= MIN_DIGITS:
                rows.setdefault(key, set()).add(f.concept)
    # (how often each phrase states a figure: a kind's measure alone, 支出决算, names the kind's total
    # only where the report says it once, not where each project's 支出决算 is told too)
    said = Counter(f.label for f in base.facts if f.source == "text")
    aliases: dict[str, str] = {}
    for f in stated:
        named = rows.get(_key(f), set())
        if len(named) == 1:
            concept = next(iter(named))
            named = han_bigrams(concept)
            # (a year in the phrase, 2024年培训 of 2024年培训1,342人次, names no thing: the row's name is
            # the words without it, so that a longer name holding them, 2024年培训经费, is not taken for it)
            words = YEAR_WORDS_RE.sub("", f.label).strip()
            if len(words) < 2:
                continue
            if named and Fraction(len(han_bigrams(_thing_words(f.label)) & named), len(named)) >= MIN_SHARED \
                    or said[f.label] == 1 and _kind_total_named(f.label, concept):
                aliases.setdefault(words, concept)
    return aliases


def _thing_words(label: str) -> str:
    """A phrase's words without its measure words (实际支出, 执行数: concepts.yaml measures): these
    say which figure of a thing is stated, never which thing, and a phrase of nothing else
    (以上5项合计…，实际支出3761.20万元) is no name of the row printing its figure, nor of any item's
    实际支出 the report states after."""
    for start, end, _ in reversed(lexicon().measures.all(label)):
        label = label[:start] + label[end:]
    return label


def _kind_total_named(label: str, concept: str) -> bool:
    """The phrase is a kind of money and its measure alone (支出决算, 收入决算数: concepts.yaml
    kind_totals) and the row printing its figure is that kind's total (本年支出): the total restated,
    as no part of it (项目支出 for 实际支出) is."""
    if _thing_words(label).strip("，,：:为是 "):
        return False
    kinds = concepts().get("kind_totals") or {}
    return any(kind in label and total == concept for kind, total in kinds.items())


def _key(f) -> tuple:
    """The figure as a value comparable across units: money in 元, other figures with their unit."""
    if f.unit in MONEY_UNITS:
        return f.in_yuan(), "money"
    return f.value, f.unit
