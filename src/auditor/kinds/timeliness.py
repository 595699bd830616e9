"""Kind `timeliness`: a sentence's words on whether something was done in time against the dates
it states (项目计划2024年6月30日前完工，于2024年9月12日通过竣工验收，按计划如期完工).

A sentence holding a deadline (a date with 前 / 之前 after it, or a bound before it: 不晚于; see
facts/targets.py parse_deadline_pair) and, after it, a date it was done on, both named by year or
neither, says the thing was done in time (`on_time_words`: 如期, 按期, 提前) or late
(`late_words`: 延期, 滞后, 未能按期). The dates decide: done after the deadline is late, on or
before it in time. A word denied (未如期) is listed among the late words: the longest word found
at a place is the one read. Only one deadline and one date after it are read; more, and the
sentence is not judged (which date is whose is not said).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..facts.base import fact_base
from ..facts.lexicon import alternatives
from ..facts.numbers import normalize_digits
from ..facts.targets import BEFORE_WORDS, dates_in_text, parse_deadline_pair
from ..knowledge import vocabulary_generation
from .base import CHECKED, Hit

KIND = "timeliness"
PARAMS = {"check": (str, None), "on_time_words": (list, []), "late_words": (list, []),
          # a period named in words, as the month it ends with (年底: 12月底; 第三季度: 9月底): a deadline
          # where 前 follows it or a plan's word stands right before it (计划于第三季度完成)
          "period_ends": (dict, {}), "plan_words": (list, [])}
MESSAGE_FIELDS = {"claim", "deadline", "done", "verdict"}



def validate(params: dict) -> str | None:
    if params["check"] != "claims":
        return "check 应为 claims"
    return None if params["on_time_words"] and params["late_words"] else "需要 on_time_words 与 late_words"


@lru_cache(maxsize=8)
def _claims_re(on_time: tuple[str, ...], late: tuple[str, ...]) -> re.Pattern:
    return re.compile(alternatives(sorted({*on_time, *late})))  # (sorted: one pattern in every process)


def check(doc, rule):
    base = fact_base(doc)
    params = rule.params
    claims = _claims_re(tuple(params["on_time_words"]), tuple(params["late_words"]))
    late = set(params["late_words"])
    periods = _period_end_re(tuple(params["period_ends"]))
    for key, text in base.sentences.items():
        if not claims.search(text):  # (the claim words hold no digits: told before any is normalised)
            continue
        said = normalize_digits(text)
        if not ("月" in said or periods.search(said)):
            continue
        said = _period_deadlines(said, periods, params)
        pair = _deadline_and_done(said)
        if pair is None:
            continue
        deadline_text, done_text, (done_end, reach) = pair
        # (the claim is the date done's: after it, in its clause or the next; not 提前谋划 before it)
        claim = claims.search(said, done_end, reach)
        judged = parse_deadline_pair(deadline_text, done_text) if claim is not None else None
        if judged is None:
            continue
        yield CHECKED
        deadline, done = judged
        in_time = done.value <= deadline.value
        if in_time == (claim.group() not in late):
            continue
        facts = base.by_sentence.get(key)
        verdict = "晚于期限" if not in_time else "未超过期限"
        yield Hit(quote=text.strip(), location=facts[0].loc if facts else doc.blocks[key[0]].loc,
                  stated=claim.group(), expected="逾期" if not in_time else "按期",
                  formula=f"期限 {deadline_text}，完成于 {done_text}：{verdict}",
                  fields={"claim": claim.group(), "deadline": deadline_text, "done": done_text, "verdict": verdict})


@lru_cache(maxsize=8)
def _period_end_re(periods: tuple[str, ...]) -> re.Pattern:
    words = alternatives(periods) or "(?!)"
    # (2024年第三季度, and 2024年底: the year's 年 the period's own)
    return re.compile(rf"(?:(?P<year>(?:19|20)\d\d)(?:年(?![底末]))?)?(?P<period>{words})末?(?P<before>前|以前|之前)?")


def _period_deadlines(text: str, periods: re.Pattern, params: dict) -> str:
    """The sentence with each period a deadline is set by written as that deadline's date (计划于2024年
    第三季度完成: 2024年9月底前完成)."""
    plans = tuple(params["plan_words"])

    def deadline(m: re.Match) -> str:
        if not (m.group("before") or text[max(0, m.start() - PLAN_REACH):m.start()].rstrip("于在").endswith(plans)):
            return m.group()
        return f"{m.group('year') + '年' if m.group('year') else ''}{params['period_ends'][m.group('period')]}前"

    return periods.sub(deadline, text)


PLAN_REACH = 4  # characters before a period a plan's word may end in (计划于, 要求在)
CLAIM_REACH = 2  # clauses after the date done its claim may stand in (…完工，按期交付使用)


def _deadline_and_done(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """(the deadline, the date done after it, (where that date ends, where the clause after its own
    ends)) of a sentence stating one of each (facts/targets.py's patterns), else None."""
    deadline_re, done_re = dates_in_text(vocabulary_generation())
    deadlines = [m for m in deadline_re.finditer(text) if m.group("lead") or m.group("before")]
    if len(deadlines) != 1:
        return None
    done = [m for m in done_re.finditer(text, deadlines[0].end()) if not text.startswith(BEFORE_WORDS, m.end())]
    if len(done) != 1:
        return None
    ends = [m.end() for m in CLAUSE_END_RE.finditer(text, done[0].end())]
    end = ends[CLAIM_REACH - 1] if len(ends) >= CLAIM_REACH else len(text)
    return deadlines[0].group().strip(), done[0].group(), (done[0].end(), end)


CLAUSE_END_RE = re.compile(r"[，,；;。]")
