"""The fact base as a pandas DataFrame, one row per fact, validated by a pandera schema.

Used where a frame is the product (inspect --facts --json, tests); rules read the indexes of
FactBase directly so that a one-file audit does not pay pandas' and pandera's import.
"""
from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache

from .numbers import MONEY_UNITS

MIN_PLACES = -4  # (a multiple's precision in %: N倍 with no decimals is ±50%, places −2)
COLUMNS = ["id", "concept", "measure", "period", "subject", "fund", "member", "value", "unit", "places",
           "text", "source", "where", "label", "header", "base", "quote"]


# measures a fact may carry beside the vocabulary's (concepts.yaml measures): the rates' kinds,
# and the two a figure gets when no word names one
RATE_AND_DEFAULT_MEASURES = ("变动率", "占比", "完成率", "得分率", "决算", "实际值")


def _read_measures() -> tuple[str, ...]:
    """The measures the reader names itself: points taken off (扣1分), a change to the budget, a
    forecast (预计全年执行数)."""
    from .base.model import ADJUSTMENT, DEDUCTED, FORECAST

    return ADJUSTMENT, DEDUCTED, FORECAST


def _periods() -> tuple[str, ...]:
    from .base.model import CURRENT, LATER, OLDER, PRIOR

    return CURRENT, PRIOR, OLDER, LATER


PERIODS = _periods()


def schema():
    from ..knowledge import concepts, vocabulary_generation

    return _schema(vocabulary_generation(), tuple(sorted({*concepts()["measures"], *RATE_AND_DEFAULT_MEASURES, *_read_measures()})))


@lru_cache(maxsize=4)
def _schema(generation: int, measures: tuple[str, ...]):
    import pandera.pandas as pa

    return pa.DataFrameSchema({
        "id": pa.Column(int, unique=True),
        "concept": pa.Column(str, nullable=True),
        "measure": pa.Column(str, pa.Check.isin(list(measures))),
        "period": pa.Column(str, pa.Check.isin(list(PERIODS))),
        "value": pa.Column(object),
        # (a multiple read as a rate, 增长1.5倍 = 150% ± 5%, has places below zero: −1, or −2 for 2倍)
        "places": pa.Column(int, pa.Check.ge(MIN_PLACES)),
        "source": pa.Column(str, pa.Check.isin(["text", "table"])),
        "quote": pa.Column(str, pa.Check.str_length(min_value=1)),
    }, strict=False)


def facts_frame(facts):
    import pandas as pd

    rows = [{"id": f.id, "concept": f.concept, "measure": f.measure, "period": f.period, "subject": f.subject,
             "fund": f.fund, "member": f.member, "value": f.value, "unit": f.unit, "places": f.places,
             "text": f.text, "source": f.source, "where": f.where(), "label": f.label, "header": f.header,
             "base": f.base, "quote": f.quote} for f in facts]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return schema().validate(frame, lazy=True)


def linked_share(base) -> tuple[int, int]:
    """Of the sentence amounts that restate a table figure (some table cell prints the same
    value as the same measure: 决算, 预算), how many are linked to it by context (same concept, period and measure, a value that
    meets): the linking figure `inspect --facts` prints."""
    from .agreement import meets, tail

    tables: dict[tuple, list] = {}
    for f in base.facts:
        if f.source == "table" and f.concept:
            tables.setdefault((f.concept, f.period, f.measure), []).append(f)
    # each measure's table amounts in 元, sorted: a sentence amount restates one whose value lies in
    # its printed interval, whatever the units (651.61万元 of a table's 6,516,100.00元)
    printed: dict[str, list] = {}
    for f in base.facts:
        if f.source == "table" and f.is_money and f.value != 0:
            printed.setdefault(f.measure, []).append(f.in_yuan())
    for values in printed.values():
        values.sort()

    def restates(f) -> bool:
        values = printed.get(f.measure, ())
        lo, hi = f.interval(MONEY_UNITS.get(f.unit, Decimal(1)))
        k = bisect_left(values, lo)
        return k < len(values) and values[k] < hi

    amounts = [f for f in base.facts if f.source == "text" and f.is_money and f.value != 0
               and f.measure in ("决算", "年初预算", "全年预算") and restates(f)]
    linked = sum(1 for f in amounts if any(meets(f, t) or tail(f, t)
                                           for t in tables.get((f.concept, f.period, f.measure), ())))
    return linked, len(amounts)
