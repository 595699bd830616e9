"""Indicator targets and actuals: comparator, value and unit (≥95%, <5万元/年, 90%以上)."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from decimal import Decimal

from ..knowledge import concepts, vocabulary_generation
from .lexicon import alternatives
from .numbers import normalize_digits, to_decimal

PREFIX = {"≥": "≥", ">=": "≥", "＞": ">", ">": ">", "≤": "≤", "<=": "≤", "＜": "<", "<": "<", "=": "=",
          "＝": "=", "不低于": "≥", "不少于": "≥", "达到": "≥", "大于": ">", "超过": ">", "高于": ">",
          "不超过": "≤", "不高于": "≤", "不大于": "≤", "小于": "<", "低于": "<", "多于": ">", "少于": "<", "不多于": "≤",
          # (执行率未达100%: short of a figure, no value stated)
          "未达到": "<", "未达": "<", "不足": "<"}
SUFFIX = {"以上": "≥", "及以上": "≥", "以下": "≤", "及以下": "≤", "以内": "≤"}
TARGET_PREFIXES = ("≥", ">=", "＞", ">", "≤", "<=", "＜", "<", "=", "＝", "不低于", "不少于", "达到", "大于", "超过", "高于",
                   "不超过", "不高于", "不大于", "小于", "低于", "多于", "少于", "不多于")


@lru_cache(maxsize=4)
def _target_re(_generation: int) -> re.Pattern:
    """A target cell: lead words (concepts.yaml target_lead_words: 控制在, 确保), a comparator (the
    signs and words above, and concepts.yaml target_bound_words: 不多于), the number, its unit, a
    closing bound (以内, 以上). Compiled once per vocabulary in use."""
    data = concepts()
    prefixes = [*TARGET_PREFIXES, *(data.get("target_bound_words") or {})]
    return re.compile(
        r"^(?:" + alternatives(data.get("target_lead_words")) + r")?"
        r"(?P<pre>" + alternatives(prefixes) + r")?\s*"
        r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>[^\d\s以及]{0,8}?)\s*(?P<post>及以上|以上|及以下|以下|以内)?$"
    )


@lru_cache(maxsize=4)
def _unit_spellings(_generation: int) -> tuple[re.Pattern | None, dict[str, str]]:
    """concepts.yaml target_unit_spellings as one pattern of every spelling, the first spellings
    too (so that 平方米 is not read again inside itself), longest first, and spelling -> unit."""
    named = {w: unit for unit, words in (concepts().get("target_unit_spellings") or {}).items()
             for w in (unit, *words)}
    return (re.compile(alternatives(named)) if named else None), named


def _spelled_alike(unit: str) -> str:
    """The unit with each spelling of one read as its first (元/㎡ → 元/平方米; 万㎡ → 万平方米)."""
    pattern, named = _unit_spellings(vocabulary_generation())
    return pattern.sub(lambda m: named[m.group(0)], unit) if pattern is not None and unit else unit


@dataclass(frozen=True)
class Target:
    comparator: str  # "", "=", ">", "≥", "<", "≤"
    value: Decimal
    unit: str
    text: str


def parse_target(text: str) -> Target | None:
    s = normalize_digits(text or "").strip().replace(" ", "")
    m = _target_re(vocabulary_generation()).match(s)
    if not m:
        return None
    value = to_decimal(m.group("num"))
    if value is None:
        return None
    pre = m.group("pre") or ""
    comparator = PREFIX.get(pre) or (concepts().get("target_bound_words") or {}).get(pre, "") \
        or SUFFIX.get(m.group("post") or "", "")
    unit = _spelled_alike((m.group("unit") or "").replace("·", ".").replace("／", "/"))
    return Target(comparator, value, unit, f"{m.group('num')}{m.group('unit') or ''}")


# a deadline target (12月底前完成, 2024年10月31日前) and a date it was done by (次年3月完成, 11月):
# months counted from the report year's start, so that one can be compared with the other
@lru_cache(maxsize=4)
def _deadline_re(generation: int) -> re.Pattern:
    """A deadline: its bound before the date (concepts.yaml deadline_bounds: ≤11月30日, 不晚于11月底)
    or after it (前, 以前), its year, month and day."""
    return re.compile("^" + _deadline_pattern(generation))


@lru_cache(maxsize=4)
def _deadline_pattern(generation: int) -> str:
    bounds = alternatives(concepts().get("deadline_bounds"))
    return (rf"(?:(?P<lead>{bounds})\s*)?(?:(?P<year>(?:19|20)\d\d)年)?(?P<month>\d{{1,2}})月"
            rf"(?:底|末|份|(?P<day>\d{{1,2}})日)?(?P<before>{'|'.join(BEFORE_WORDS)})?")


BEFORE_WORDS = ("以前", "之前", "前")  # after a date: a deadline (12月底前, 10月31日以前), the longest first


DEADLINE_UNIT = "月（时限）"


@lru_cache(maxsize=4)
def _done_re(generation: int) -> re.Pattern:
    """A date done by: its year, or words naming the year after the report's (concepts.yaml
    next_year_words: 次年) or the report's own (current_period: 当年), then its month."""
    return re.compile("^" + _done_pattern(generation))


@lru_cache(maxsize=4)
def _done_pattern(generation: int) -> str:
    data = concepts()
    return (r"(?:(?P<year>(?:19|20)\d\d)年|(?P<next>" + alternatives(data.get("next_year_words")) + ")|(?:"
            + alternatives(data.get("current_period")) + r"))?(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?")


@lru_cache(maxsize=4)
def dates_in_text(generation: int) -> tuple[re.Pattern, re.Pattern]:
    """(a deadline, a date done) as _deadline_re and _done_re read them, found anywhere in running
    text (计划2024年6月30日前完工，于2024年9月12日通过验收): for parse_deadline_pair."""
    return re.compile(_deadline_pattern(generation)), re.compile(_done_pattern(generation))


def parse_deadline_pair(target_text: str, actual_text: str) -> tuple[Target, Target] | None:
    """_deadline_pair, kept per pair of texts: four rules read every row's (a Target is immutable)."""
    return _deadline_pair(target_text or "", actual_text or "", vocabulary_generation())


@lru_cache(maxsize=4096)
def _deadline_pair(target_text: str, actual_text: str, generation: int) -> tuple[Target, Target] | None:
    """(deadline, done) as months counted from the report year's start, a day as hundredths of its
    month, the deadline a ceiling (≤): both named by year, or neither (12月底前 | 次年3月: the report's
    year and the one after it); None otherwise."""
    target = _deadline_re(generation).match(normalize_digits(target_text or "").replace(" ", ""))
    done = _done_re(generation).match(normalize_digits(actual_text or "").replace(" ", ""))
    if target is None or not (target["lead"] or target["before"]):
        return None
    if done is None or not 1 <= int(target["month"]) <= 12 or not 1 <= int(done["month"]) <= 12:
        return None
    if bool(target["year"]) != bool(done["year"]) and not (target["year"] and done["next"]):
        return None  # (one year named, the other not: which year the other is in is not told)
    # the years after the deadline's year the thing was done in (次年: one, after a dated deadline too)
    later = int(done["year"]) - int(target["year"]) if target["year"] and done["year"] else int(bool(done["next"]))
    # (days as hundredths of a month: a deadline with no day is its month's end, a date done with none
    # its month's first, so that a month alone decides as before: 12月15日前 missed by 12月20日)
    deadline = int(target["month"]) + _hundredths(target["day"] or LAST_DAY)
    finished = later * 12 + int(done["month"]) + _hundredths(done["day"] or 1)
    return (Target("≤", deadline, DEADLINE_UNIT, target_text),
            Target("", finished, DEADLINE_UNIT, actual_text))


LAST_DAY = 31  # the day a deadline naming its month alone runs to (12月底前, 12月前)


def _hundredths(day) -> Decimal:
    """A day of a month as hundredths, printed to the day (20日: 0.20, no 0.2 read to a tenth)."""
    return Decimal(f"{int(day):02d}").scaleb(-2)
