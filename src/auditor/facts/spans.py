"""Spans of years the words name (2022—2024年; 近三年, 三年来; 2021年以来; “十四五”以来): one
reading for the rules that sum a span's years (CAL001), recompute its average growth (DRV021)
and give figures its years in turn (facts/base/in_turn.py). A span said from now back ends at the
report's year."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..knowledge import concepts
from .numbers import count_word

# 2022—2024年, 2022年至2024年, 2022-2024年
SPAN_YEARS_RE = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:[-－—–~～至到]{1,2})\s*((?:19|20)\d\d)\s*年")
# 近三年, 近3年; 三年来, 三年以来 (not the tail of a number: 十三年来 is no 三年来)
RECENT_YEARS_RE = re.compile(r"近\s*([二两三四五六七八九十]|[2-9])\s*个?年"
                             r"|(?<![\d一二两三四五六七八九十])([二两三四五六七八九十]|[2-9])\s*年(?:来|以来)")
SINCE_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年(?:以来|来)")
PLAN_SINCE_RE = re.compile(r"[”\"’]?\s*(?:以来|期间|时期)")


class YearSpan(NamedTuple):
    first: int
    last: int
    start: int  # where its words start in the text
    end: int  # …and end


def recent_count(m: re.Match) -> int | None:
    """The number of years a 近N年 / N年来 match names."""
    word = m.group(1) or m.group(2)
    return count_word(word)


def named_span(text: str, lo: int, hi: int, year: int | None) -> YearSpan | None:
    """The last span of years named between lo and hi: an explicit one; else, in a report on
    `year`, one counted back from it (近三年), one since a year (2021年以来) or since a plan
    period began (“十四五”以来, concepts.yaml plan_period_years)."""
    found = list(SPAN_YEARS_RE.finditer(text, lo, hi))
    if found:
        m = found[-1]
        return YearSpan(int(m.group(1)), int(m.group(2)), m.start(), m.end())
    if not year:
        return None
    found = list(RECENT_YEARS_RE.finditer(text, lo, hi))
    if found:
        count = recent_count(found[-1])
        return YearSpan(year - count + 1, year, found[-1].start(), found[-1].end()) if count and count > 1 else None
    found = [m for m in SINCE_YEAR_RE.finditer(text, lo, hi) if int(m.group(1)) < year]
    if found:
        return YearSpan(int(found[-1].group(1)), year, found[-1].start(), found[-1].end())
    for name, first in (concepts().get("plan_period_years") or {}).items():
        at = text.find(name, lo, hi)
        plan = PLAN_SINCE_RE.match(text, at + len(name)) if at >= 0 else None
        if plan is not None and int(first) < year:
            opening = at - 1 if at and text[at - 1] in "“\"‘" else at  # (named from its quote: “十四五”以来)
            return YearSpan(int(first), year, opening, plan.end())
    return None
