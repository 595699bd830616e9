"""A total a sentence splits into a stated number of parts (专项债券资金12,000.00万元，分两年发行：
2024年发行7,000.00万元，2025年发行5,000.00万元; 总投资3.00亿元，分三期建设：一期…、二期…、三期…).

The split's words (rules' `split_pattern`: 分两年, 分三批, 分3期) say how many parts there are; the
total is the sentence's last amount of money before them, and the parts the amounts after them, each
named in its clause as one part (`part_pattern`: 2024年, 第二批, 一期, 首期). Judged only where exactly
that many named parts follow, and no further part after them (more parts than said is a count's slip,
not a sum's): their sum is compared with the total as every sum is (kinds/base.py sum_check), each
amount read in the coarsest unit among them (in_common_unit).
"""
from __future__ import annotations

import re

from ..facts.base import Fact, FactBase
from ..facts.numbers import count_word

MAX_PARTS = 12  # parts a split may name (分十二个月): a bounded reading of the sentence


def split_sums(base: FactBase, split: re.Pattern, part: re.Pattern):
    """(total, parts) for each split the sentences state (module doc)."""
    for key, text in base.sentences.items():
        m = split.search(text)
        if m is None:
            continue
        n = count_word(m.group("n"))
        facts = [f for f in base.by_sentence.get(key, ()) if f.is_money and not f.comparator]
        total = next((f for f in reversed(facts) if f.at + len(f.text) <= m.start()), None)
        after = [f for f in facts if f.at >= m.end()]
        if total is None or not n or n < 2 or n > MAX_PARTS or len(after) < n:
            continue
        named = [_named(text, after, k, m.end(), part) for k in range(min(len(after), n + 1))]
        if not all(named[:n]) or (len(named) > n and named[n]):
            continue  # (a part unnamed, or more parts named than said)
        yield total, after[:n]


def _named(text: str, facts: list[Fact], k: int, start: int, part: re.Pattern) -> bool:
    """The k-th amount's clause names it one part (2024年发行, 第二批, 二期)."""
    begin = facts[k - 1].at + len(facts[k - 1].text) if k else start
    return part.search(text, begin, facts[k].at) is not None
