"""Context `enumeration` of kind `calculation`, parts of a year: an amount of the year (or of a part
of it) and the amounts of its quarters, halves or spans of months listed right after it
(本年支出152.41万元，其中一季度36.20万元、二季度35.80万元…). Parts covering the whole's months once
each add up to it; parts covering some of them, each once, cannot exceed it; parts that overlap
(1—3月, 1—6月: cumulative figures) are no breakdown. The parts and their months are data:
concepts.yaml year_part_months, year_part_month_span, year_part_leads."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...facts.base import Fact, FactBase
from ...facts.base.model import BUDGET_MEASURES, CURRENT, FORECAST
from ...facts.base.words import CLAUSE_BREAK_RE, CLAUSE_END_RE
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts, vocabulary_generation
from ..base import CHECKED
from .compare import compare_listing
from .listing import any_parts, bracket_depth, closing_bracket

FULL_YEAR = frozenset(range(1, 13))
# the measures of an amount no year's parts add up to: a change, and what was planned, budgeted or aimed
# at (its quarters as told are what was done of it)
NO_WHOLE_MEASURES = ("变动额", *BUDGET_MEASURES, "目标值", FORECAST)
# what may stand around a part's name besides the whole's own words: list joins and punctuation
JOINS = "，,、；;：:和及与为是的（()）"
BRACKETED_RE = re.compile(r"[（(][^（()）]*[）)]")  # (a bracket's words between two parts: another list's)


@lru_cache(maxsize=4)
def _vocabulary(_generation: int) -> tuple[list[tuple[str, frozenset]], re.Pattern | None, tuple[str, ...],
                                           re.Pattern | None]:
    """(part name, its months) longest name first; the span-of-months pattern; the lead words; a
    pattern finding any part's name or span (most sentences name none: their amounts are not read)."""
    vocab = concepts()
    named = sorted(((name, frozenset(range(first, last + 1)))
                    for name, (first, last) in (vocab.get("year_part_months") or {}).items()),
                   key=lambda item: len(item[0]), reverse=True)
    span = vocab.get("year_part_month_span")
    found = [*(re.escape(name) for name, _ in named), *([span] if span else [])]
    return named, re.compile(span) if span else None, tuple(vocab.get("year_part_leads") or ()), \
        re.compile("|".join(found)) if found else None


def _part_at_start(words: str) -> tuple[str, frozenset] | None:
    """The part of the year `words` open with (一季度, 上半年, 1—3月) and its months."""
    named, span, _, _ = _vocabulary(vocabulary_generation())
    found = span.match(words) if span else None
    if found:
        first, last = int(found.group(1)), int(found.group(2))
        return (found.group(0), frozenset(range(first, last + 1))) if 1 <= first < last <= 12 else None
    return next(((name, months) for name, months in named if words.startswith(name)), None)


def _whole_months(words: str) -> frozenset | None:
    """The months the whole's words name: the part of the year they name, else the year (no month,
    no cumulative word: 截至9月底累计… is of a span not told)."""
    named = _vocabulary(vocabulary_generation())[3].search(words)
    part = _part_at_start(words[named.start():]) if named else None
    if part is not None:
        return part[1]
    if "月" in words or any(w in words for w in concepts().get("cumulative_words") or ()):
        return None
    return FULL_YEAR


def _strip(words: str, drop: tuple[str, ...]) -> str:
    for word in sorted(drop, key=len, reverse=True):
        words = words.replace(word, "")
    return words.strip(JOINS)


def check_year_part_breakdowns(base: FactBase, rule):
    _, _, leads, any_part = _vocabulary(vocabulary_generation())
    if any_part is None:
        return
    # (the words opening a list: 其中, and the rule's cues of complete and partial lists, 包括, 分别为)
    openers = (*lexicon().list_openers, *rule.params["enumeration_cues"], *rule.params["partial_cues"], *leads)
    sums = sorted(rule.params["trailing_sum_words"], key=len, reverse=True)
    run_of, runs = base.runs()
    for total in base.facts:
        if total.source != "text" or not total.unit or total.unit in ("%", "‰") or total.comparator \
                or total.period != CURRENT or total.measure in NO_WHOLE_MEASURES:
            continue  # (a plan's, a budget's or a target's quarters are what was done of it, no parts: 年初预算…。分季度看，一季度支出…)
        text = base.sentences.get((total.block, total.sentence), "")
        end = total.at + len(total.text)
        bracketed = text[end:end + 1] in "（("  # (上半年58,000.00万元（一季度…、二季度…）: the bracket's parts are its)
        following = _closing_sentence(base, total, text, any_part, leads)
        if not (any_part.search(text, end) or following):
            continue  # (no part of the year named after it)
        if _listed_item(text, total, openers) and not bracketed:
            continue  # (…，其中基本支出600.00万元、项目支出400.00万元: an item of a list, no whole of the year's parts)
        words = compact(CLAUSE_BREAK_RE.split(text[:total.at])[-1])
        # (the whole's thing without the sum word closing it: 支出 of 本年支出合计)
        thing = next((words[:-len(w)] for w in sums if words.endswith(w) and len(words) > len(w)), words)
        months = _whole_months(words)
        if months is None:
            continue
        if following:
            # (本年支出合计1,000.00万元。分季度看，一季度…: the sentence after, opening on the parts, lists them)
            after, sentences = list(base.by_sentence.get(following, ())), {following[1]}
        else:
            run = runs[run_of[(total.block, total.sentence)]] if (total.block, total.sentence) in run_of else []
            sentences = {key[1] for key, _ in run} or {total.sentence}
            after = [f for key, facts in run for f in facts if f.id > total.id]
        depth = bracket_depth(text)
        inside = depth(end) + 1 if bracketed else depth(total.at)
        # (the parts at the total's own depth, or inside its bracket: 上半年…（一季度…、二季度…）, 下半年… lists
        # the halves of the year, the bracket the quarters of 上半年)
        after = [f for f in after if f.sentence != total.sentence or depth(f.at) == inside]
        if bracketed:
            close = closing_bracket(text, end + 1)
            after = [f for f in after if f.sentence == total.sentence and f.at < close]
        listed = _listed_parts(base, total, after, sentences, thing, openers, bool(following))
        if listed is None:
            continue
        parts, covered = listed
        if not covered <= months:
            continue
        yield CHECKED
        named = replace(total, concept=_strip(words, openers) or "全年")
        yield from compare_listing(named, parts, covered != months, rule)


def _closing_sentence(base: FactBase, total: Fact, text: str, any_part: re.Pattern, leads: tuple[str, ...]):
    """The key of the sentence after the total's in its paragraph where the total closes its own
    (nothing after it but the full stop) and that one opens on a part of the year or a lead word
    (分季度看，一季度…); None else."""
    if text[total.at + len(total.text):].strip(" 。.") or (total.block, total.sentence + 1) not in base.sentences:
        return None
    nxt = (total.block, total.sentence + 1)
    opening = compact(base.sentences[nxt]).lstrip("，,：:")
    for lead in leads:
        if opening.startswith(lead):
            opening = opening[len(lead):].lstrip("，,：:")
    return nxt if any_part.match(opening) else None


def _restates_thing(whole_words: str, rest: str) -> bool:
    """A part's words name the whole's thing: its closing words, or those before a word of outturn
    closing it (收入 of 全年收入完成: concepts.yaml outturn_closing_words)."""
    closing = tuple(concepts().get("outturn_closing_words") or ())
    return whole_words.endswith(rest) or any(whole_words.endswith(rest + w) for w in closing)


def _listed_item(text: str, total: Fact, openers: tuple[str, ...]) -> bool:
    """The amount stands in a list a word opened before it in its sentence (其中, 包括, 分别为)."""
    return any(w in text[:total.at] for w in openers)


def _listed_parts(base: FactBase, total: Fact, after: list[Fact], sentences: set, whole_words: str,
                  openers: tuple[str, ...], next_sentence: bool = False) -> tuple[list[Fact], frozenset] | None:
    """The amounts right after the total each named by a part of the year and nothing else but the
    whole's own words (一季度支出 after 本年支出), no month twice; with the months they cover. None
    for fewer than two."""
    def summable(f: Fact) -> bool:
        same = f.is_money if total.is_money else f.unit == total.unit
        return same and not f.comparator
    parts, covered, end = [], frozenset(), total.at + len(total.text)
    previous = total
    for f in any_parts(after, sentences, summable):
        said = base.sentences.get((f.block, f.sentence), "")
        start = end if f.sentence == previous.sentence else 0
        if not parts and not next_sentence and (f.sentence != total.sentence or CLAUSE_END_RE.search(said, start, f.at)):
            return None  # (…项目支出400.00万元；分季度看，一季度…: the quarters a ； sets apart are the sentence's topic's)
        words = _strip(compact(BRACKETED_RE.sub("", said[start:f.at])), openers)
        part = _part_at_start(words)
        if part is None:
            break
        rest = words[len(part[0]):].strip(JOINS)
        if (rest and not _restates_thing(whole_words, rest)) or covered & part[1]:
            # (the part names the whole's thing, its closing words, or nothing: 本年运维支出… then 一季度
            # 支出…; not a word from inside them, 全年计划完成投资… then 一季度完成…, what was done of a
            # plan, 全年支出预算… then 一季度支出…; nor months told twice: a cumulative figure)
            return None
        parts.append(replace(f, concept=part[0]))
        covered |= part[1]
        end, previous = f.at + len(f.text), f
    return (parts, covered) if len(parts) >= 2 else None
