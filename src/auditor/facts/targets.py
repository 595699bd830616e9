"""Indicator targets and actuals: comparator, value and unit (≥95%, <5万元/年, 90%以上)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numbers import normalize_digits, to_decimal

PREFIX = {"≥": "≥", ">=": "≥", "＞": ">", ">": ">", "≤": "≤", "<=": "≤", "＜": "<", "<": "<", "=": "=",
          "＝": "=", "不低于": "≥", "不少于": "≥", "达到": "≥", "大于": ">", "超过": ">", "高于": ">",
          "不超过": "≤", "不高于": "≤", "不大于": "≤", "小于": "<", "低于": "<",
          # (执行率未达100%: short of a figure, no value stated)
          "未达到": "<", "未达": "<", "不足": "<"}
SUFFIX = {"以上": "≥", "及以上": "≥", "以下": "≤", "及以下": "≤", "以内": "≤"}
TARGET_RE = re.compile(
    r"^(?P<pre>≥|>=|＞|>|≤|<=|＜|<|=|＝|不低于|不少于|达到|大于|超过|高于|不超过|不高于|不大于|小于|低于)?\s*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>[^\d\s以及]{0,8}?)\s*(?P<post>及以上|以上|及以下|以下|以内)?$"
)


@dataclass(frozen=True)
class Target:
    comparator: str  # "", "=", ">", "≥", "<", "≤"
    value: Decimal
    unit: str
    text: str


def parse_target(text: str) -> Target | None:
    s = normalize_digits(text or "").strip().replace(" ", "")
    m = TARGET_RE.match(s)
    if not m:
        return None
    value = to_decimal(m.group("num"))
    if value is None:
        return None
    comparator = PREFIX.get(m.group("pre") or "", "") or SUFFIX.get(m.group("post") or "", "")
    unit = (m.group("unit") or "").replace("·", ".").replace("／", "/")
    return Target(comparator, value, unit, f"{m.group('num')}{m.group('unit') or ''}")
