"""A rate restated in tenths (成) with a word saying how round that is: 达标率72.4%，逾七成村…;
文化和旅游支出（占67.70%）…，文化和旅游支出占比接近七成.

N成 is N × 10%. The approximation word before it or after it (concepts.yaml approximate: 逾, 超过,
以上 above; 近, 不足 below; 约, 左右 either side) says on which side of N × 10% the rate lies, and
a tenth is the figure's own precision: above, within one 成 over it (逾七成: 70%–80%, else one
would say 逾八成); below, within one 成 under it; either side, within half a 成. Words with none
of them (七成) state no side and are not judged.

The rate restated is the one the words before the 成 name in their clause (达标率逾七成: the rate
whose label ends so; …支出占比接近七成: the share of the amount so named), or, when the 成 opens
its clause, the rate closing the clause before it. Only one candidate is judged: several, none.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..facts.base import Fact, FactBase
from ..facts.base.words import CLAUSE_BREAK_RE
from ..facts.lexicon import lexicon
from ..facts.numbers import CN_DIGITS
from ..knowledge import compact
from .base import CHECKED, Hit

# (a numeral after 成 makes it 六成五, 65%: no whole tenth)
# (the numeral opens the pattern, the look-behind on the character before it following it, [..].:
# a pattern opening with a class gives the regex engine a first-character set, and its scan skips
# every other character; opening with the look-behind it tries every position)
TENTHS_RE = re.compile(r"(?P<num>[一二两三四五六七八九1-9](?<![\d一二两三四五六七八九十百千万.].))成(?![\d一二三四五六七八九])")
TENTH = Decimal(10)  # one 成, in per cent
# the words closing a rate's name before the 成 that make it a share of the thing named before
# them (…支出占比, 所占比重), and a copula between the name and the approximation word (达标率已逾七成)
SHARE_NAME_TAIL_RE = re.compile(r"(?:所占比重|的比重|占比|比重|所占比例|的比例)$")
COPULA_TAIL_RE = re.compile(r"(?:已经|已|均|为|达|是)+$")
SIDES = {"above": "逾", "below": "近", "either": "约"}


def tenths_slips(base: FactBase):
    """CHECKED for each rate restated in tenths with an approximation word, a Hit where the rate
    is not on the side of N × 10% the word says (within a 成)."""
    for (block, index), text in base.sentences.items():
        if "成" not in text:
            continue  # (most sentences: no search)
        for m in TENTHS_RE.finditer(text):
            hedge = lexicon().approximate.search(text, 0, m.start())
            after = lexicon().approximate_after.match(text, m.end())
            side = hedge.lastgroup if hedge else after.lastgroup if after else None
            if side is None:
                continue
            start = hedge.start() if hedge else m.start()
            rate = _restated(base, block, index, text, start)
            if rate is None:
                continue
            yield CHECKED
            end = after.end() if after else m.end()
            # (the quote: from the rate's words to the tenths, where they stand in one sentence)
            at = text.find(rate.quote) if rate.sentence == index else -1
            quote = text[at:end] if at >= 0 else f"{rate.quote}……{text[start:end]}"
            hit = _judged(rate, m, side, text[start:end], quote)
            if hit is not None:
                yield hit


def _restated(base: FactBase, block: int, index: int, text: str, start: int) -> Fact | None:
    """The rate the words at `start` restate: named by the words before them in their clause,
    else the one closing the clause before."""
    breaks = [k for k in range(start) if CLAUSE_BREAK_RE.match(text, k)]
    opening = breaks[-1] + 1 if breaks else 0
    subject = COPULA_TAIL_RE.sub("", compact(text[opening:start]))
    earlier = [f for f in base.by_block.get(block, ()) if f.source == "text" and f.unit == "%" and not f.comparator
               and (f.sentence < index or (f.sentence == index and f.at < opening))]
    if not subject:
        # (达标率72.4%，逾七成…: the rate right before the clause break, in the same sentence)
        last = earlier[-1] if earlier else None
        if last is None or last.sentence != index or text[last.at + len(last.text):opening - 1].strip("）) "):
            return None
        return last
    found = [f for f in earlier[-RATE_REACH:] if _names(base, f, subject)]
    return found[0] if len(found) == 1 else None


RATE_REACH = 12  # the paragraph's rates looked back over for the one the words name (linear)


def _names(base: FactBase, rate: Fact, subject: str) -> bool:
    """The words name the rate: its own name (达标率 for 基层综合文化服务中心达标率72.4%), or, said as
    a share (…支出占比), the amount the share is of (文化和旅游支出2,980.42万元（占67.70%）)."""
    thing = SHARE_NAME_TAIL_RE.sub("", subject)
    if thing != subject:
        if rate.measure != "占比" or len(thing) < 2:
            return False
        part = base.facts[rate.of] if rate.of >= 0 else next(
            (f for f in reversed(base.by_sentence.get((rate.block, rate.sentence), ())) if f.id < rate.id
             and f.unit != "%"), None)
        return part is not None and compact(part.label).endswith(thing)
    label = COPULA_TAIL_RE.sub("", compact(rate.label).strip("，,；;：:（("))
    return len(subject) >= 2 and len(label) >= 2 and (label.endswith(subject) or subject.endswith(label))


def _judged(rate: Fact, m: re.Match, side: str, words: str, quote: str) -> Hit | None:
    """The finding when the rate is not where the words put it, else None."""
    tenths = CN_DIGITS.get(m.group("num")) if not m.group("num").isdigit() else int(m.group("num"))
    mark = TENTH * tenths
    low, high = {"above": (mark, mark + TENTH), "below": (mark - TENTH, mark),
                 "either": (mark - TENTH / 2, mark + TENTH / 2)}[side]
    r_low, r_high = rate.interval()
    if r_low <= high and low <= r_high:
        return None
    band = f"{low.normalize():f}%～{high.normalize():f}%"
    return Hit(quote=quote, location=rate.loc,
               stated=words, expected=_worded(rate.value),
               formula=f"{words}：{SIDES[side]}{m.group('num')}成即 {band}，所写 {rate.text} 不在其中",
               fields={"rate": rate.text, "relation": words, "basis": band, "computed": _worded(rate.value)},
               highlights=[rate.loc])


def _worded(value: Decimal) -> str:
    """The tenths a rate is said in: 近N成 under N × 10%, 逾N成 over it (67.4% 近七成, 72.4% 逾七成)."""
    digits = "零一二三四五六七八九十"
    tenths, rest = divmod(value, TENTH)
    if rest >= TENTH / 2 and tenths < 9:
        return f"近{digits[int(tenths) + 1]}成"
    return f"逾{digits[int(tenths)]}成" if tenths else "不足一成"
