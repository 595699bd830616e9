"""The time schedule (时间进度) rates are measured against: its words and the share of the year a
period of months covers, read by the schedule rules (DRV008, DRV019, DRV024, DRV025)."""
from __future__ import annotations

from decimal import Decimal


def schedule_words(params: dict) -> list[str]:
    """The words naming the time schedule (时间进度, 序时进度): the rule's, else concepts.yaml's."""
    from ..knowledge import concepts

    return params.get("schedule_words") or concepts().get("schedule_words") or []


YEAR_MONTHS = 12


def time_share(months: int) -> Decimal:
    """The time schedule of a period of `months` months from the year's start: the share of the
    year it covers, in % (1-6月: 50, 1-8月: 66.666…), exact."""
    return Decimal(months) / YEAR_MONTHS * 100
