"""Sums a sentence spells out with 加 and 减 (上年结转5,420万元，加本年收入…、上级补助收入…，减本年
支出…、调出资金…，年末结转5,990万元).

The sentence's first amount is the start; a clause opening with a word of adding or taking away
and naming a flow of money (收入, 支出, 调出 …: not 减灾救灾资金) signs its amounts (and the
amounts listed after them with 、 or 和); the last amount, in a clause opening with neither and
naming what a sum comes to (年末结转, 余额, 合计), is what the words say the sum comes to. Every
amount of the sentence takes part: one outside that shape leaves the sentence unread.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..facts.base import Fact, FactBase
from ..facts.lexicon import lexicon
from ..facts.numbers import MONEY_UNITS

CLAUSE_BREAKS = "，,；;：:"


@dataclass(frozen=True)
class WordedSum:
    start: Fact
    terms: tuple[tuple[int, Fact], ...]  # (+1 / −1, amount)
    result: Fact

    def value(self) -> Decimal:
        return self.start.in_yuan() + sum((sign * f.in_yuan() for sign, f in self.terms), Decimal(0))

    def bounds(self) -> tuple[Decimal, Decimal]:
        """The sum's interval, each amount read within its printing, at the finest precision
        among them (the one rounding model: facts/numbers.half_unit)."""
        places = max(f.places for f in (self.start, self.result, *(f for _, f in self.terms)))
        low = high = Decimal(0)
        for sign, f in ((1, self.start), *self.terms):
            lo, hi = f.interval(MONEY_UNITS.get(f.unit, Decimal(1)), places)
            low, high = (low + lo, high + hi) if sign > 0 else (low - hi, high - lo)
        return low, high

    def result_bounds(self) -> tuple[Decimal, Decimal]:
        places = max(f.places for f in (self.start, self.result, *(f for _, f in self.terms)))
        return self.result.interval(MONEY_UNITS.get(self.result.unit, Decimal(1)), places)


def worded_sums(base: FactBase, plus: re.Pattern, minus: re.Pattern, flows: tuple[str, ...],
                results: tuple[str, ...]) -> list[WordedSum]:
    out = []
    for key, facts in base.by_sentence.items():
        money = [f for f in facts if f.source == "text"]
        if len(money) < 3 or not all(f.is_money for f in money):
            continue
        text = base.sentences.get(key, "")
        found = _read(text, money, plus, minus, flows, results)
        if found is not None:
            out.append(found)
    return out


def _read(text: str, money: list[Fact], plus: re.Pattern, minus: re.Pattern, flows: tuple[str, ...],
          results: tuple[str, ...]) -> WordedSum | None:
    terms: list[tuple[int, Fact]] = []
    sign = 0
    for k in range(1, len(money)):
        before = text[money[k - 1].at + len(money[k - 1].text):money[k].at]
        clause = re.split(f"[{CLAUSE_BREAKS}]", before)[-1].strip()
        opened = len(re.split(f"[{CLAUSE_BREAKS}]", before)) > 1
        flowing = any(w in clause for w in flows)
        if plus.match(clause) and flowing:
            sign = 1
        elif minus.match(clause) and flowing:
            sign = -1
        elif opened or sign == 0 or not lexicon().list_join.match(before.lstrip()):
            # a clause opening with neither (the result, if it is the last and names a sum's
            # outcome), or a figure not listed on
            if k == len(money) - 1 and terms and opened and any(w in clause for w in results):
                return WordedSum(money[0], tuple(terms), money[k])
            return None
        terms.append((sign, money[k]))
    return None

