"""Sub-check `growth` of kind `derived`, between two years of a run: figures that took years in turn
in a sentence (2022—2024年…支出分别为1,250.00万元、1,310.40万元、1,402.75万元) and, after them in it, a
change between two of those years (2024年较2022年增长12.22%): (later − earlier) ÷ earlier, its way
the words' (增长, 下降). The years each figure took are the fact base's (FactBase.run_years)."""
from __future__ import annotations

import re
from functools import lru_cache

from ...facts.base import FactBase
from ...facts.base.model import OLDER, PRIOR
from ...facts.lexicon import alternatives
from ...facts.numbers import fmt
from ...knowledge import compact, concepts, vocabulary_generation
from ..base import CHECKED
from .intervals import HUNDRED, based, consistent, formula_operands, opposite, rate_hit, ratio_bounds

YEAR = r"((?:19|20)\d\d)\s*年度?"
WORDS_TO_RATE = 6  # characters between the year compared with and the rate (相比，增长; 支出增加)
YEARS_REACH = 40  # characters before a rate its two years are read in


@lru_cache(maxsize=4)
def _years_compared(_generation: int) -> re.Pattern:
    """The two years a change is said between, the later first, joined by a comparing word
    (concepts.yaml comparison_words: 2024年较2022年, 2024年度比2022年度, 2024年与2022年相比), closing
    the rate's words but for a few."""
    return re.compile(YEAR + r"\s*(?:" + alternatives(concepts().get("comparison_words")) + r")\s*" + YEAR
                      + r"(?P<tail>[^\d，,；;。]{0,%d}[，,]?[^\d，,；;。]{0,%d})$" % (WORDS_TO_RATE, WORDS_TO_RATE))


def run_growths(base: FactBase):
    """(rate, later, earlier) of each change stated between two years of its sentence's run."""
    if not base.run_years:
        return
    for rate in base.facts:
        # (the rate compared with an earlier year names that year so: its comparator, 往年 or 上年)
        if rate.measure != "变动率" or rate.unit != "%" or rate.comparator not in ("", OLDER, PRIOR) \
                or rate.source != "text":
            continue
        # (the years may stand a clause before the rate: 2024年与2022年相比，支出增长…)
        said = base.sentences.get((rate.block, rate.sentence), "")
        m = _years_compared(vocabulary_generation()).search(said, max(0, rate.at - YEARS_REACH), rate.at)
        if m is None:
            continue
        later_year, earlier_year = int(m.group(1)), int(m.group(2))
        took = {base.run_years[f.id]: f for f in base.by_sentence.get((rate.block, rate.sentence), ())
                if f.id in base.run_years and f.id < rate.id}
        later, earlier = took.get(later_year), took.get(earlier_year)
        if later is None or earlier is None or later.unit != earlier.unit or later_year <= earlier_year:
            continue
        if not _of_run_thing(m.group("tail"), took[min(took)].label):
            continue  # (…支出分别为…，2024年较2022年培训人数增长20%: another thing's change)
        yield rate, later, earlier


def _of_run_thing(tail: str, run_label: str) -> bool:
    """The words between the years and the rate name nothing but a change (增长, 相比，下降) or the
    run's own thing (支出 of 培训资金支出分别为…)."""
    words = compact(tail)
    vocab = concepts()
    for word in sorted([*(vocab.get("rate_measures") or {}).get("变动率", ()), *vocab.get("comparison_closers", ())],
                       key=len, reverse=True):
        words = words.replace(word, "")
    words = words.strip("，,")
    return not words or words in compact(run_label)


def check_run_growth(base: FactBase, rule):
    for rate, later, earlier in run_growths(base):
        bounds = ratio_bounds(later, earlier)
        if bounds is None or not rate.sign:
            continue
        yield CHECKED
        lo, hi = (b - HUNDRED for b in bounds)
        computed = later.in_yuan() / earlier.in_yuan() * HUNDRED - HUNDRED
        shown = formula_operands(later, earlier)
        formula = f"（{shown[0]} − {shown[1]}）÷ {shown[1]} = {fmt(computed)}%"
        sign = 1 if lo > 0 else -1 if hi < 0 else 0  # (the way the figures went, beyond their rounding)
        basis = f"{base.run_years[later.id]}年与{base.run_years[earlier.id]}年两数"
        if sign and sign != rate.sign and consistent(rate, *((lo, hi) if sign > 0 else (-hi, -lo))):
            yield based(basis, opposite(rate, sign, computed, formula))  # (下降12.22% where the figures rose by it)
            continue
        size = (lo, hi) if rate.sign > 0 else (-hi, -lo)
        if not consistent(rate, *size):
            yield based(basis, rate_hit(rate, computed if rate.sign > 0 else -computed, "增减比例", formula,
                                        operands=(later, earlier), than="所比年度"))
