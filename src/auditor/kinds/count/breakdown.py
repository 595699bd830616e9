"""Sub-check `breakdown` of kind `count`: “共设置三级指标 N 个，其中产出指标 a 个、效益指标 b 个…”
— N against the sum of the counts it is broken into."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...facts.lexicon import alternatives
from ...ingest.raw import MAX_BREAKDOWN_CHARS, MAX_BREAKDOWN_PARTS
from ..base import Hit, names_execution_rate
from .passages import (CJK, Passage, Count, measured, count_number, sentence_bounds, clause_start, noun_before,
                       skip_brackets, stated_counts, counted_passages, clause_starts)


@dataclass
class Part:
    noun: str
    value: int
    end: int  # offset after its classifier
    unit: str = "个"  # its measure word (个, 项)


@dataclass
class Breakdown:
    head: Count
    marker: str
    parts: list[Part] = field(default_factory=list)
    noun: str = ""  # what the head counts (产出指标)


# a part of a breakdown: its noun, the count (digits or Chinese numerals), a measure word ({measure})
BREAKDOWN_PART = f"\\s*([{CJK}]{{1,12}}?)(?:共有|共计|共|有)?\\s*(\\d+|{{numeral}}{{1,4}})\\s*({{measure}})"


@lru_cache(maxsize=8)
def breakdown_part_re(measure_words: tuple[str, ...], markers: tuple[str, ...] = ()) -> re.Pattern:
    """BREAKDOWN_PART in the measure words, after one of the `markers` if any (其中产出指标6个)."""
    opening = f"\\s*(?:(?:{alternatives(markers)})[：:，,]?)?" if markers else ""
    return re.compile(opening + measured(BREAKDOWN_PART, {"measure_words": measure_words}))


def breakdowns(passage: Passage, params: dict) -> list[Breakdown]:
    part_re = breakdown_part_re(tuple(params["measure_words"]))
    level1 = set(params["level1_categories"])
    found = []
    text = passage.text
    for head in stated_counts(passage, params):
        head_noun = noun_before(text, head.start, params, before_cue=True)  # (产出指标共10个: 产出指标)
        if not head_noun:
            continue
        k = head.end
        after = re.compile(f"[{CJK}]{{0,4}}").match(text, k)  # 3 个目标值
        k = skip_brackets(text, after.end())
        k = re.compile(r"\s*[，,：:]?\s*").match(text, k).end()
        marker = next((w for w in sorted(params["breakdown_markers"], key=len, reverse=True)
                       if text.startswith(w, k)), "")
        k += len(marker)
        if marker:
            k = re.compile(r"\s*[：:]?\s*").match(text, k).end()  # (其中：产出指标8个、…)
        _, end = sentence_bounds(passage, k)
        window = min(end, k + MAX_BREAKDOWN_CHARS)
        suffix = head_noun[-2:]
        if not marker and head_noun not in level1:
            continue  # without a marker, only a category followed by its sub-categories
        if marker not in params["exhaustive_markers"] and suffix not in params["partition_suffixes"]:
            continue  # parts of other things may overlap (重点项目, 新建项目)
        b = Breakdown(head, marker, noun=head_noun)
        for pos in clause_starts(text, k, window):
            m = part_re.match(text, pos, window)
            if not m or not m.group(1).endswith(suffix):
                if pos == k:
                    break  # the parts follow the marker at once, or this is no breakdown
                continue
            value = count_number(m.group(2))
            if value is None:
                continue
            if m.group(1).startswith(tuple(params["apart_words"])):
                break  # (…，另设成本指标1个: set apart from the parts, the list ended)
            if m.group(1) in level1 and m.group(1) != head_noun and head_noun in level1 \
                    and not _nested(b, m.group(1), text[b.parts[-1].end if b.parts else k:pos], params):
                b = None  # a sibling category, not a part: 产出指标6个、效益指标3个
                break
            if len(b.parts) >= 2 and sum(p.value for p in b.parts) == head.value \
                    and any(ch in text[b.parts[-1].end:pos] for ch in "；;") \
                    and not any(ch in text[b.parts[0].end:b.parts[-1].end] for ch in "；;"):
                # the parts, listed with 、 or ，, made up the count and a ； follows: another split
                # of it begins (其中产出指标5个、…；已完成指标8个，未完成指标1个)
                break
            if len(b.parts) == MAX_BREAKDOWN_PARTS:
                b = None  # more parts than any breakdown has: a list of something else
                break
            b.parts.append(Part(m.group(1), value, m.end(), m.group(3)))
        else:
            if window < end:
                b = None  # the sentence goes on past the window: parts may be missing
        if b and b.parts:
            found.append(b)
    return found


def _nested(b: Breakdown, noun: str, between: str, params: dict) -> bool:
    """A first-level category listed after the head's sub-kinds (…时效指标2个、成本指标1个), nothing
    setting it apart before it (另设, 此外): one of them."""
    return bool(b.parts) and noun in params["nested_level1_categories"] and not any(w in between for w in params["apart_words"])


def _rest_apart(passage: Passage, b: Breakdown, params: dict) -> bool:
    """Words setting something apart (另有, 此外) follow the parts in their sentence."""
    _, end = sentence_bounds(passage, b.parts[-1].end)
    return any(w in passage.text[b.parts[-1].end:end] for w in params["apart_words"])


def _exhaustive(b: Breakdown, params: dict) -> bool:
    if b.marker in params["exhaustive_markers"]:
        return True
    # (every sub-kind of the head named, 其中数量指标4个、质量指标2个、时效指标2个、成本指标1个: all of it)
    complete = params["complete_subkinds"].get(b.noun, ())
    if complete and set(complete) <= {p.noun for p in b.parts}:
        return True
    level1 = {p.noun for p in b.parts} & set(params["level1_categories"])
    return len(level1) >= params["min_categories_exhaustive"]


def check_breakdown(doc, rule):
    params = rule.params
    for passage in counted_passages(doc, params):
        for b in breakdowns(passage, params):
            stated, counted = b.head.value, sum(p.value for p in b.parts)
            if stated == counted or (counted < stated and (not _exhaustive(b, params) or _rest_apart(passage, b, params))):
                continue  # (…成本指标1个，另有1个为预算执行率指标: the rest stated apart after the parts)
            # (绩效指标9个（含预算执行率），其中产出指标5个、效益指标2个、满意度指标1个: the execution
            # rate counted in the total, listed in none of the categories)
            if stated - execution_included(passage.text, b.head.end, params["included_pattern"]) == counted \
                    and not any(names_execution_rate(p.noun) for p in b.parts):
                continue
            quote, loc = passage.quote(clause_start(passage.text, b.head.start), b.parts[-1].end, b.head.start)
            subject = noun_before(passage.text, b.head.start, params, before_cue=True)
            unit = passage.text[b.head.end - 1]  # (the head's measure word: 十三项 counts in 项)
            yield Hit(quote=quote, location=loc, stated=f"{subject} {stated} {unit}", expected=f"{counted} {unit}",
                      formula=" + ".join(f"{p.noun} {p.value} {p.unit}" for p in b.parts) + f" = {counted} {unit}",
                      fields={"stated_count": b.head.written, "counted": str(counted), "subject": subject,
                              "unit": unit})


def execution_included(text: str, end: int, pattern: str) -> int:
    """How many items of a bracket right after a count (（含预算执行率）) name the budget's execution rate."""
    m = re.compile(pattern).match(text, end) if pattern else None
    if m is None:
        return 0
    return sum(1 for i in re.split(r"[、，,和及]", m.group("items")) if i.strip() and names_execution_rate(i))
