"""Context `enumeration` of kind `calculation`, spans of years: an amount of a span of years
and the amounts of its years listed after it with 其中 (2022—2024年累计投入…，其中2022年…), and
a sum closing figures that took a span's years in turn (…分别为X、Y、Z，三年合计W)."""
from __future__ import annotations

import re
from dataclasses import replace

from ...facts.base import Fact, FactBase
from ...facts.base.model import SPAN
from ...facts.lexicon import lexicon
from ...facts.spans import YearSpan, named_span
from ...knowledge import compact, concepts
from ..base import CHECKED
from .parts import money_amount
from .compare import compare_listing
from .listing import any_parts


def check_span_breakdowns(base: FactBase, rule):
    """An amount of a span of years (in no index: it states no year's value) and the amounts of
    its years listed after it with 其中 (2022—2024年累计投入8,727.00万元，其中2022年…、2023年…)."""
    opener = lexicon().list_opener
    for total in base.facts:
        if total.comparator != SPAN or total.source != "text" or not total.unit or total.unit in ("%", "‰"):
            continue  # (any amount of a thing: 万元, 万亩, 人次; no rate adds up over years)
        text = base.sentences.get((total.block, total.sentence), "")
        if not opener.match(text, total.at + len(total.text)):
            continue
        after = [f for f in base.by_sentence.get((total.block, total.sentence), ()) if f.at > total.at]
        # (the parts in the total's unit, money read in any of its units; a quantity's of its
        # measure: …，其中2021年1.60万亩…，累计完成规划目标12.00万亩 lists no target among them)
        summable = money_amount if money_amount(total) else (
            lambda f, unit=total.unit, measure=total.measure: f.unit == unit and f.measure == measure)
        by_year = _parts_by_year(text, total, any_parts(after, total.sentence, summable), base.year)
        if by_year is None:
            continue
        yield CHECKED
        items, complete, start = by_year
        # (named by its words from the span's first year: 2022—2024年累计投入改造资金)
        named = replace(total, concept=compact(text[start:total.at]).strip("，,：:（(为") or "合计")
        yield from compare_listing(named, items, not complete, rule)


def check_span_sums(base: FactBase, rule):
    """A sum closing figures that took a span's years in turn (2022年至2024年，支出分别为X、Y、Z，三年
    合计W; facts/base/ records them in FactBase.span_sums): W is X + Y + Z. Amounts only (a
    count's sum is no amount CAL001 reports)."""
    for total_id, years in base.span_sums.items():
        # (each part named by the year it took: 2022年 5,402.30万元 + …)
        total, parts = base.facts[total_id], [replace(base.facts[i], concept=f"{year}年") for i, year in years]
        if not total.is_money or any(not p.is_money for p in parts):
            continue
        yield CHECKED
        # (named by its own words: 三年合计, 累计)
        named = replace(total, concept=total.concept or compact(total.label).strip("，,；;：:（(为") or "合计")
        yield from compare_listing(named, parts, False, rule)


def _parts_by_year(text: str, total: Fact, parts: list[Fact], year: int | None = None) -> tuple[list[Fact], bool, int] | None:
    """The amounts of a span of years broken down by year (2022—2024年累计投入8,727.00万元，其中2022年
    2,600.00万元、2023年…): the parts each naming one year of the span, no year twice; and whether
    they name every year of it (then they add up to it; else they cannot exceed it); and where the
    span's words start. None when the span's years or a part's year cannot be read."""
    span = _span_years(text, total, year)
    if span is None or any(w in text[span[3]:total.at] for w in concepts().get("span_average_words") or ()):
        return None  # (2022—2024年年均投入…: a year's on average, no sum of the years)
    first, last, start, words_at = span
    years = []
    for part in parts:
        named = YEAR_NUMBER_RE.findall(part.label)
        # (each part named by its year alone: 其中2022年中央资金… is one fund's, not the year's all)
        rest = YEAR_NUMBER_RE.sub("", compact(part.label))
        for opener in lexicon().list_openers:
            rest = rest.replace(opener, "")
        # (the words the whole is named by may stand again: 累计投入…，其中2022年投入…、2023年完成投资…)
        rest = rest.strip("，,、；;：:和及与度为是的")
        if len(named) != 1 or not first <= int(named[0]) <= last or part.comparator \
                or (rest and rest not in compact(text[words_at:total.at])):
            return None
        years.append(int(named[0]))
    if len(parts) < 2 or len(set(years)) != len(years):
        return None
    return parts, set(years) == set(range(first, last + 1)), start


def _span_years(text: str, total: Fact, year: int | None) -> YearSpan | None:
    """The span of years named right before the total (facts/spans.py), with where its words
    start and end."""
    return named_span(text, max(0, total.at - SPAN_CHARS), total.at, year)


SPAN_CHARS = 40  # how far before a span's amount its years stand (2022—2024年累计投入改造资金)
YEAR_NUMBER_RE = re.compile(r"((?:19|20)\d\d)\s*年")
# spans ending at the report's year: 近三年, 三年来, 2021年以来, “十四五”以来 (plan periods in concepts.yaml)
