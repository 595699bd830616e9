"""Sums a sentence spells out with 加 and 减 (上年结转5,420万元，加本年收入…、上级补助收入…，减本年
支出…、调出资金…，年末结转5,990万元).

The sentence's first amount is the start; a clause opening with a word of adding or taking away
and naming a flow of money (收入, 支出, 调出 …: not 减灾救灾资金) signs its amounts (and the
amounts listed after them with 、 or 和); the last amount, in a clause opening with neither and
naming what a sum comes to (年末结转, 余额, 合计), is what the words say the sum comes to. Every
amount of the sentence takes part: one outside that shape leaves the sentence unread.

Budget execution reports write the same sum over commas and paragraphs (…收入完成170,909.06万元。
¶加上上级补助收入…（其中：…），调入资金…，上年结转收入…，收入总计508,897.04万元): a clause
naming a flow goes on with the sign before it unless it opens a list of parts (其中); amounts in
brackets are parts of the amount before them, no terms; and a sentence opening on 加 starts
from the amount the result names without its total word, stated before in its paragraph or the
REACH blocks above (一般公共预算收入总计: the last 一般公共预算收入; a bare 收入总计: the last
revenue naming a fund, the one the sentence names if it names one, of the result's measure).
A flow listed on over a comma keeps the sign only on its own side of the account (收入, 支出).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..facts.base import Fact, FactBase
from ..facts.lexicon import lexicon
from ..knowledge import compact, open_brackets
from ..facts.numbers import MONEY_UNITS

CLAUSE_BREAKS = "，,；;：:"
REACH = 3  # text blocks above a sentence opening on 加 in which its start may stand (linear: bounded)
SPECIFIC_NAME = 4  # a result's name this long names its start; a shorter one (收入) names parts too
LIST_REACH = 20  # sentences back through a run of ；-ended ones to the list opener they go on


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

    def holds(self) -> bool:
        low, high = self.bounds()
        r_low, r_high = self.result_bounds()
        return r_low <= high and low <= r_high

    def result_bounds(self) -> tuple[Decimal, Decimal]:
        places = max(f.places for f in (self.start, self.result, *(f for _, f in self.terms)))
        return self.result.interval(MONEY_UNITS.get(self.result.unit, Decimal(1)), places)


def worded_sums(base: FactBase, plus: re.Pattern, minus: re.Pattern, flows: tuple[str, ...],
                results: tuple[str, ...], total_words: tuple[str, ...] = (),
                sides: tuple[str, ...] = ()) -> list[WordedSum]:
    """`sides`: the words naming the two sides of an account (收入, 支出): a flow listed on over a
    comma keeps the sign only on its own side."""
    out = []
    openers = lexicon().list_openers
    for key, facts in base.by_sentence.items():
        text = base.sentences.get(key, "")
        money = [f for f in facts if f.source == "text" and not _in_brackets(text, f)]
        if len(money) < 2 or not all(f.is_money for f in money):
            continue
        head = re.split(f"[{CLAUSE_BREAKS}]", text[:money[0].at])[-1].strip()
        start = None
        if plus.match(head) and any(w in head for w in flows):
            # (加上上级补助收入…，…，收入总计…: the start is stated before the sentence)
            start = _start_before(base, key, money[-1], total_words)
            if start is None:
                continue
        elif len(money) < 3:
            continue
        found = _read(text, money, plus, minus, flows, results, openers, start, sides, total_words)
        if found is not None:
            out.append(found)
    return out


def _in_brackets(text: str, f: Fact) -> bool:
    return open_brackets(text, 0, f.at) > 0


def _start_before(base: FactBase, key: tuple[int, int], result: Fact, total_words: tuple[str, ...]) -> Fact | None:
    """The amount a sum opening on 加 starts from: the last sentence's first amount before it, in
    its paragraph or a few above, whose label names the result's thing (一般公共预算收入 for
    一般公共预算收入总计), of the result's period; not of a sentence listing parts."""
    name = result.label
    for word in total_words:
        name = name.split(word)[0] if word in name else name
    name = name.strip("，,：: ")
    if len(name) < 2:
        return None
    block, sentence = key
    lex = lexicon()
    # (一般公共预算方面，加上…: the fund the sentence names before its first amount is the start's)
    opening = base.sentences.get(key, "")
    first = next((f.at for f in base.by_sentence.get(key, ())), len(opening))
    named_funds = {name for _, _, name in lex.funds.all(compact(opening[:first]))}
    for b in range(block, max(block - REACH, -1) - 1, -1):
        earlier = [f for f in base.by_block.get(b, ()) if b < block or f.sentence < sentence]
        # each sentence's first amount, unless the sentence lists parts (其中…, 非税收入中，…)
        firsts = {}
        for f in earlier:
            if f.is_money and f.source == "text":
                firsts.setdefault(f.sentence, f)
        for f in sorted(firsts.values(), key=lambda f: f.id, reverse=True):
            opening = base.sentences.get(_clause_chain_start(base, f.block, f.sentence), "").lstrip()
            if opening.startswith(lex.list_openers) or lex.part_list_head.match(opening):
                continue
            # (a bare 收入总计 starts from a fund's revenue, 一般公共预算收入, not 税收收入 a sentence before)
            funds = {fund for _, _, fund in lex.funds.all(compact(f.label))}
            if f.measure == result.measure and f.period == result.period and name in f.label \
                    and (len(name) >= SPECIFIC_NAME or funds) and (not named_funds or funds & named_funds):
                return f  # (the nearest so named, of the result's measure: not the budget beside the outturn)
    return None


def _clause_chain_start(base: FactBase, block: int, sentence: int) -> tuple[int, int]:
    """The sentence that opens the run of ；-ended sentences a sentence goes on (其中：A…；B…；C…。):
    a list's later items are still its items, whatever words they open with. (Followed back at
    most LIST_REACH sentences: each candidate start walks its run, and a run that long is no list.)"""
    for _ in range(LIST_REACH):
        if sentence == 0 or not base.sentences.get((block, sentence - 1), "").rstrip().endswith(("；", ";")):
            break
        sentence -= 1
    return block, sentence


def _read(text: str, money: list[Fact], plus: re.Pattern, minus: re.Pattern, flows: tuple[str, ...],
          results: tuple[str, ...], openers: tuple[str, ...] = (), start: Fact | None = None,
          sides: tuple[str, ...] = (), total_words: tuple[str, ...] = ()) -> WordedSum | None:
    terms: list[tuple[int, Fact]] = []
    sign, side = 0, ""  # side: the side of the account the clause that set the sign names
    if start is not None:  # (the sentence opens on 加: its first amount is a term)
        money, sign, terms = [start, *money], 1, [(1, money[0])]
        side = _side(text[:money[1].at], sides) or _side(start.label, sides)
    first = money[0]
    for k in range(len(terms) + 1, len(money)):
        before = text[money[k - 1].at + len(money[k - 1].text):money[k].at]
        clause = re.split(f"[{CLAUSE_BREAKS}]", before)[-1].strip()
        opened = len(re.split(f"[{CLAUSE_BREAKS}]", before)) > 1
        flowing = any(w in clause for w in flows)
        last = k == len(money) - 1
        if not last and opened and terms and sign and any(w in clause for w in total_words) \
                and not (plus.match(clause) or minus.match(clause)):
            # a total on the way (…，加上…，支出总计433,890万元，结转下年…): the sum so far comes to it;
            # what follows starts from it (减去…, 结转下年), the sum's result told only after a 减 or 加
            sofar = WordedSum(first, tuple(terms), money[k])
            if not sofar.holds():
                return sofar
            first, terms, sign, side = money[k], [], 0, _side(clause, sides) or side
            continue
        # (a clause naming no side, 加上级转移支付…, is on the side of the words before it: 收入80,000…)
        if (plus.match(clause) or minus.match(clause)) and flowing:
            sign = 1 if plus.match(clause) else -1
            side = _side(clause, sides) or side or _side(text[:money[k - 1].at], sides) or _side(money[0].label, sides)
        elif opened and sign and flowing and not clause.startswith(openers) \
                and not (last and any(w in clause for w in results)) and (not side or _side(clause, sides) in ("", side)):
            pass  # (加上级补助收入…，调入资金…: another flow listed over a comma goes on with the sign,
            # not one of the other side: 加上本年收入…，本年支出… takes the spending away, unsaid)
        elif opened or sign == 0 or not lexicon().list_join.match(before.lstrip()):
            # a clause opening with neither (the result, if it is the last and names a sum's
            # outcome), or a figure not listed on
            if k == len(money) - 1 and terms and opened and any(w in clause for w in results):
                return WordedSum(first, tuple(terms), money[k])
            return None
        terms.append((sign, money[k]))
    return None


def _side(words: str, sides: tuple[str, ...]) -> str:
    """The side of the account the words name (收入 or 支出, the last named), "" for neither."""
    found = [(words.rfind(w), w) for w in sides if w in words]
    return max(found)[1] if found else ""
