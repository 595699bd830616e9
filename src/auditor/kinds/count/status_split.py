"""Sub-check `status_split` of kind `count`: a total split by status (共有项目 N 个，其中完成 a 个、
未完成 b 个): with done and undone both stated the parts add up to the total; otherwise they
do not exceed it."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from ...ingest.raw import MAX_BREAKDOWN_CHARS
from ...facts.lexicon import alternatives
from ..base import Hit
from .passages import (Passage, Count, count_number, sentence_bounds, clause_start, noun_before, stated_counts,
                       counted_passages, clause_starts)


@dataclass
class StatusPart:
    status: str  # done | partial | undone
    value: int
    written: str
    start: int
    end: int


STATUS_NAMES = {"done": "完成", "partial": "部分完成", "undone": "未完成"}



def _status_of(clause: str, params: dict) -> str | None:
    """The status a clause counts: negatives first (未完成 holds 完成), then partial ones (部分整改
    holds 整改), then the positive cues; None for a clause naming no status."""
    for status, cues in (("undone", "negative_cues"), ("partial", "partial_cues"), ("done", "positive_cues")):
        if any(c in clause for c in params[cues]):
            return status
    return None


def _counts_the_same(text: str, end: int, noun: str, params: dict) -> bool:
    """A status count (9个达到…, 完成的有9个，, 9个指标未达到) counts the whole's things: after its 个
    comes a status word, a break, or the whole's own noun (指标 of “12个指标中”), not another noun."""
    follow = text[end:end + 12].lstrip()
    whole = noun[:-1] if noun.endswith("中") else noun
    return not follow or follow[0] in "，,。；;、）)" or (bool(whole) and follow.startswith(whole)) \
        or follow.startswith(tuple(params["positive_cues"] + params["negative_cues"] + params["status_leads"]))


def _status_parts(passage: Passage, head: Count, params: dict) -> list[StatusPart]:
    """The clauses right after a total that count its done and not-done parts (完成的有 5 个，
    未完成的 1 个), up to the end of the next sentence; a count of anything else ends them (其中数量
    指标 10 个 starts a sub-total whose own 完成 count is not part of this one)."""
    text = passage.text
    count_re = re.compile(params["count_pattern"])
    _, end = sentence_bounds(passage, head.end)
    if end < len(text):
        _, end = sentence_bounds(passage, end + 1)
    window = min(end, head.end + MAX_BREAKDOWN_CHARS)
    parts: list[StatusPart] = []
    starts = clause_starts(text, head.end, window)
    a = next(starts)
    for b in [*starts, window]:
        clause, a = text[a:b], b
        m = count_re.search(clause)
        if m is None:
            continue
        value = count_number(m.group(1))
        status = _status_of(clause, params)
        if value is None or status is None or (m.group(2) != text[head.end - 1:head.end]
                                               and _names_other_thing(clause[:m.start()], head, params)):
            break  # (项目8个…完成户厕改造210户: a count of other things, in another classifier, ends the split)
        parts.append(StatusPart(status, value, m.group(1), b - len(clause) + m.start(), b - len(clause) + m.end()))
        if sum(p.status == status for p in parts) > 1:
            break  # two counts of one status: no plain split, whatever follows
    else:
        if window < end:
            return []  # the sentences go on past the window: parts may be missing
    return parts


def _names_other_thing(before: str, head: Count, params: dict) -> bool:
    """The words between a clause's status word and its count name a thing the total does not
    count (完成户厕改造210户 after 共实施民生实事项目8个; the caller: in another classifier than the
    total's): not its split. A status word right before the count (已完成6个, 未整改4处), or the
    total's own noun (完成项目6个), is its split."""
    cue = max(((before.rfind(c), c) for c in (*params["negative_cues"], *params["partial_cues"], *params["positive_cues"])
               if c in before), default=None)
    if cue is None:
        return False
    words = _fillers_out(before[cue[0] + len(cue[1]):], tuple(params["status_fillers"]))
    noun = head.noun[:-1] if head.noun.endswith("中") else head.noun
    # (a total naming no noun after its count, 重点项目共三个：, is of other things than 老城区12条道路)
    return len(words) >= 2 and (not noun or (words not in noun and noun not in words))


@lru_cache(maxsize=4)
def _filler_re(fillers: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"^(?:{alternatives(fillers)}|[\s，,：:])+|(?:{alternatives(fillers)}|[\s，,：:])+$")


def _fillers_out(words: str, fillers: tuple[str, ...]) -> str:
    """The words between a status word and its count without the words naming nothing counted at
    either end (的有, 了, 共, 数量为: params status_fillers); inside a name they stay (有害生物)."""
    return _filler_re(fillers).sub("", words) if fillers else words.strip()


def _found_total(text: str, clause: str, head: Count, params: dict) -> bool:
    """The count is of findings said found (反映了86个问题, 查出问题12个): a word of finding in its
    clause, the finding's noun right after it or right before its number."""
    if not any(c in clause for c in params["finding_cues"]):
        return False
    nouns = tuple(params["finding_nouns"])
    # (the noun within a few characters after the count: 86个问题, 12 个 问题; FINDING_NOUN_REACH)
    return bool(nouns) and (text[head.end:head.end + FINDING_NOUN_REACH].lstrip().startswith(nouns)
                            or clause.rstrip().endswith(nouns))


FINDING_NOUN_REACH = 8  # characters after a count its noun may start within (spaces of a PDF's text between)


def check_status_split(doc, rule):
    params = rule.params
    cues = params["total_cues"]
    whole_after = re.compile(params["total_after"]) if params["total_after"] else None
    for passage in counted_passages(doc, params):
        for head in stated_counts(passage, params):
            clause = passage.text[clause_start(passage.text, head.start):head.start]
            after = whole_after.match(passage.text, head.end) if whole_after else None
            found = _found_total(passage.text, clause, head, params)
            if not any(c in clause for c in cues) and not after and not found:
                continue
            parts = _status_parts(passage, head, params)
            if (after or found) and not all(_counts_the_same(passage.text, p.end, head.noun, params) for p in parts):
                continue  # “在过去的3个月中，完成了5个项目”: the parts count something else
            statuses = [p.status for p in parts]
            if not parts or len(set(statuses)) < len(statuses):
                continue  # two counts of one status: not a plain split
            # (done and undone both stated: the split is whole, a partial count between them or not;
            # otherwise a status is left unsaid and the parts only may not exceed the total)
            # A total only said found (查出问题30个, no 共) may have parts in statuses not named here
            # (…，3个已移送纪检监察机关): its parts only may not exceed it.
            whole = "done" in statuses and "undone" in statuses and (any(c in clause for c in cues) or bool(after))
            counted = sum(p.value for p in parts)
            if (whole and counted == head.value) or (not whole and counted <= head.value):
                continue
            quote, loc = passage.quote(clause_start(passage.text, head.start), parts[-1].end, head.start)
            what = " + ".join(f"{STATUS_NAMES[p.status]} {p.written} 个" for p in parts)
            noun = head.noun or noun_before(passage.text, head.start, params)
            if after and noun.endswith("中"):
                noun = noun[:-1]  # “12个指标中”: the noun is 指标
            yield Hit(quote=quote, location=loc, stated=f"{head.written} 个", expected=f"{counted} 个",
                      formula=f"{what} = {counted} 个" + ("" if whole else f"，超过总数 {head.written} 个"),
                      fields={"stated_count": head.written, "counted": str(counted), "subject": noun})
