"""Sub-checks `point_change` and `schedule_rate` of kind `derived`: a change in percentage points
(较上年的 91.20% 提高 4.80 个百分点) = this year's rate − the earlier one, or − a benchmark or
the time schedule it is compared with; a time schedule stated in % (序时进度) = the months the
report covers ÷ 12."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...facts.base import Fact, FactBase
from ...facts.base.model import OTHER_BASIS, CURRENT, PRIOR
from ...facts.base.subjects import names_whole_money
from ...facts.base.words import CLAUSE_BREAK_RE
from ...facts.lexicon import lexicon
from ...facts.numbers import fmt, quantize_like
from ...ingest.build import elapsed_months
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit, sentence_figures
from ..schedules import schedule_words, time_share
from .intervals import HUNDRED, consistent, difference_hit, difference_misfit, tail_of
from .lookup import same_sentence, facts_before, unique_value, compares_last_year
from .growth import change_between, bracketed_after


def check_point_change(base: FactBase, rule):
    """“预算执行率为 95.00%，较上年的 91.20% 提高 4.80 个百分点”: 95.00 − 91.20 = 3.80, an
    interval as wide as the two printed rates allow; the direction is the last direction word
    before the change (none: only the size is checked)."""
    directions, point = lexicon().directions, rule.params["point_unit"]
    yield from _schedule_direction(base, rule)
    yield from _change_in_percent(base)
    for change in (f for f in sentence_figures(base) if not f.comparator and f.unit == point):
        before = facts_before(same_sentence(base, change), change)
        # the rates since the sentence's previous change in points: “…提高3.80个百分点，其中项目支出
        # 执行率92.00%，较上年提高2.00个百分点” — the second change has no last-year rate of its own
        since = next((k + 1 for k in range(len(before) - 1, -1, -1) if before[k].unit == point), 0)
        # levels, not another thing's growth (同比增长12.40%, 调解成功率较上年的97.8%提高0.8个百分点)
        rates = [f for f in before[since:] if f.unit == "%" and f.measure != "变动率"]
        benchmark = _benchmark(base, rule, rates[-1], change) if rates else None
        if benchmark is None and rates:
            # (…70.20%，低于75%的序时进度5.80个百分点: the schedule stated before its name is the benchmark)
            ahead = _schedule_stated_ahead(base, rates[-1], base.sentences.get((change.block, change.sentence), ""),
                                           tuple(schedule_words(rule.params)))
            benchmark = ahead[0] if ahead is not None and ahead[0].id < change.id else None
        # (a rate the words name a benchmark, 目标值（98%）, is no rate of this year or last)
        rates = [f for f in rates if f is not benchmark and not _names_benchmark(base, rule, f)]
        current = next((f for f in reversed(rates) if f.period == CURRENT), None)
        if benchmark is not None:
            # (比全省平均水平（98.90%）高0.7个百分点: this year's rate against the benchmark)
            if current is not None:
                yield CHECKED
                hit = difference_hit(change, current, benchmark, 0, ("高于", "低于"), "与比较基准相差",
                                      f"{current.with_unit()} − {benchmark.text}", quote=base.span(benchmark, change),
                                      stated=change.text)
                if hit is not None:
                    yield hit
            continue
        # (a current rate naming nothing, 由18.6%提高到21.4%, is of the thing the prior one names)
        prior = next((f for f in reversed(rates) if f.period == PRIOR
                      and (current is None or current.concept is None or f.concept in (current.concept, None))), None)
        if current is None and prior is not None:
            # “较上年的97.8%提高0.8个百分点，达到98.6%”: this year's rate right after the change
            after = next((f for f in same_sentence(base, change) if f.id > change.id), None)
            if after is not None and after.unit == "%" and after.period == CURRENT and after.measure != "变动率" \
                    and after.concept in (prior.concept, None) and _reached_words(after.label):
                current = after
        if current is None and prior is not None and prior.concept is not None:
            current = _earlier_level(base, prior) or _document_level(base, prior)
        if prior is None and current is None:
            # (提高1.2个百分点（由92.4%提高至93.8%）: the levels the change is between, given after it)
            prior, current = _levels_after(base, change, rule.params["levels_after_pattern"])
        if prior is None and current is not None and compares_last_year(compact(change.label), rule.params["year_on_year_cues"],
                                                                     base.year):
            # (比上年下降0.45个百分点（2023年为97.17%）: last year's rate in brackets after a change on
            # last year; not after one on the schedule or a target, 低于序时进度6.80个百分点（2023年同期…）)
            prior = next((f for f in [bracketed_after(base, change)] if f is not None and f.unit == "%"), None)
        if prior is None and schedule_words(rule.params):
            yield from _against_schedule(base, rule, change, rates)
            continue
        if current is None or prior is None:
            continue
        words = directions.all(compact(change.label))
        sign = {"up": 1, "down": -1}.get(words[-1][2], 0) if words else 0
        yield CHECKED
        hit = difference_hit(change, current, prior, sign, ("提高", "下降"), "增减百分点",  # this year's − last year's
                              f"本年 {current.with_unit()}{'' if current.block == change.block else f'（{current.where()}）'}"
                              f" − 上年 {prior.with_unit()}", stated=change.text,
                              quote=_levels_quote(base, change, prior, current))
        if hit is not None:
            yield hit


def _change_in_percent(base: FactBase):
    """A rate's change on last year stated in % (预算执行率为96.70%，较上年的92.40%提高4.30%): the two
    rates' difference in points or their relative change (4.65%), as the genre writes either; told
    where the figure is neither."""
    directions = lexicon().directions
    for change in (f for f in sentence_figures(base) if f.unit == "%" and f.measure == "变动率" and not f.comparator):
        before = facts_before(same_sentence(base, change), change)
        # (of a thing the vocabulary does not know, 满意度为93.50%，比上年的95.00%下降…: the two figures
        # right before the change only)
        rates = [f for f in (before if change.concept else before[-2:])
                 if f.unit == "%" and f.measure != "变动率" and f.concept == change.concept]
        current = next((f for f in reversed(rates) if f.period == CURRENT), None)
        prior = next((f for f in reversed(rates) if f.period == PRIOR), None)
        if current is None or prior is None or prior.value <= 0:
            continue
        words = directions.all(compact(change.label))
        sign = {"up": 1, "down": -1}.get(words[-1][2], 0) if words else 0
        yield CHECKED
        if difference_misfit(change, current, prior, sign) is None:
            continue  # (points written with %: the difference of the two rates)
        _, lo, hi, *_ = change_between(current, prior)  # (the relative change's size, either way)
        if consistent(change, lo, hi):
            continue
        points, relative = current.value - prior.value, (current.value - prior.value) / prior.value * HUNDRED
        places = max(change.places, current.places, prior.places)
        shown = f"{fmt(abs(points), places, change.text)}个百分点或{fmt(abs(relative), change.places, change.text)}%"
        yield Hit(quote=base.span(prior, change), location=change.loc, stated=change.text, expected=shown,
                  formula=f"本年 {current.text} − 上年 {prior.text} = {fmt(points, places, change.text)}个百分点；"
                          f"（本年 − 上年）÷ 上年 {prior.text} = {fmt(relative, change.places, change.text)}%",
                  fields={"rate": change.text, "computed": shown, "relation": "比率的增减"})



def _benchmark(base: FactBase, rule, rate: Fact, change: Fact) -> Fact | None:
    """The rate right before the change when a comparing word and a benchmark come before it (比全省
    平均水平（98.90%）高…, 高于目标值（95%）…) and no word of last year stands between it and the
    change (…（98.90%），比上年提高…: that change is on last year): the change is against it."""
    text = base.sentences.get((change.block, change.sentence), "")
    between = text[rate.at + len(rate.text):change.at]
    if not _names_benchmark(base, rule, rate) or lexicon().prior.search(between):
        return None
    lead = compact(rate.label)
    return rate if any(w in lead for w in rule.params["benchmark_comparing_words"]) else None


def _names_benchmark(base: FactBase, rule, rate: Fact) -> bool:
    """The words right before the rate name a benchmark (全省平均水平, 目标值)."""
    words = rule.params["benchmark_words"]
    return bool(words) and any(w in compact(rate.label)[-BENCHMARK_REACH:] for w in words)


BENCHMARK_REACH = 12  # the characters before a rate its benchmark's name stands in (比全省平均水平（


def _against_schedule(base: FactBase, rule, change: Fact, rates: list[Fact]):
    """“执行率61.36%，高于序时进度（66.67%）5.31个百分点”, “执行进度46.80%，低于时间进度3.20个百分点”:
    the rate against the share of the year gone by, printed in the sentence or read from the
    report's period (1-8月: 8 ÷ 12); the comparing word (高于, 低于) against the two."""
    params = rule.params
    text = base.sentences.get((change.block, change.sentence), "")
    words = text[max(0, change.at - SCHEDULE_REACH):change.at]
    if not any(w in words for w in schedule_words(params)):
        return
    stated = [f for f in rates if any(w in f.label for w in schedule_words(params))]
    current = next((f for f in reversed(rates) if f.period == CURRENT and f not in stated), None)
    schedule = stated[-1] if stated else _elapsed(base, change)
    if current is None or schedule is None:
        return
    above = _last_said(words, params["above_words"], params["negation_words"])
    below = _last_said(words, params["below_words"], params["negation_words"])
    sign = 1 if above > below else -1 if below > above else 0
    yield CHECKED
    hit = difference_hit(change, current, schedule, sign, ("高于", "低于"), "与时间进度相差",
                          f"{current.with_unit()} − 时间进度 {schedule.text}", quote=base.span(current, change),
                          stated=change.text)
    if hit is not None:
        yield hit


def schedule_months(base: FactBase, text: str, params: dict) -> int | None:
    """The months of the year a sentence's time schedule is of: the report's period, else the one
    the sentence states from the year's start (1-6月累计支出…, 截至9月底), not in a sentence about a
    project's, a works' or a contract's schedule (the rule's project_words)."""
    if base.elapsed_months:
        return base.elapsed_months
    return None if any(w in text for w in params["project_words"]) else elapsed_months(text)


def _levels_quote(base: FactBase, change: Fact, prior: Fact, current: Fact) -> str:
    """The words from the first to the last of the change and the levels it is between, in its sentence
    (…提高1.2个百分点（由92.4%提高至93.8%）: to this year's level after last year's)."""
    here = [f for f in (change, prior, current) if (f.block, f.sentence) == (change.block, change.sentence)]
    return base.span(min(here, key=lambda f: f.id), max(here, key=lambda f: f.id))


def _levels_after(base: FactBase, change: Fact, pattern: str) -> tuple[Fact | None, Fact | None]:
    """(last year's, this year's) rate where the change is followed by the two, from one to the
    other, the words before the first matching `pattern` (rule param levels_after_pattern: 由 as
    "from", not 由于 "because"; a few words, 上年的, and no clause between); (None, None) otherwise."""
    after = [f for f in same_sentence(base, change) if f.id > change.id][:2]
    text = base.sentences.get((change.block, change.sentence), "")
    opening = re.compile(pattern).fullmatch(text, change.at + len(change.text), after[0].at) \
        if pattern and len(after) == 2 else None
    if opening is None \
            or CLAUSE_BREAK_RE.search(text, after[0].at, after[1].at):
        return None, None  # (…，从上年的5.0%的投诉率看，今年降至3.2%: another thing's levels, a clause apart)
    first, second = after
    if all(f.unit == "%" and f.measure != "变动率" for f in after) and (first.period, second.period) == (PRIOR, CURRENT):
        return first, second
    return None, None


def _schedule_direction(base: FactBase, rule):
    """“执行率68.0%，高于时间进度。” in a report on 1-9月, no gap nor schedule stated: the comparing
    word right before the schedule's name against the rate and the share of the year the report's
    period covers (9 ÷ 12), the rate's whole printed interval on one side of it."""
    params = rule.params
    names = tuple(schedule_words(params))
    for rate in sentence_figures(base):
        if rate.unit != "%" or rate.comparator or rate.period != CURRENT or rate.measure == "变动率":
            continue
        text = base.sentences.get((rate.block, rate.sentence), "")
        if not any(w in text for w in names):
            continue
        months = schedule_months(base, text, params)
        # (the rate's own clause and the one after it, up to a figure: a gap or a schedule stated is
        # check_point_change's; 。 or ； ends it)
        tail = _rate_tail(text, rate)
        word = next((w for w in names if w in tail), None)
        ahead = _schedule_stated_ahead(base, rate, text, names) if word is None else None
        if ahead is not None:
            word = ahead[1]  # (高于75%的时间进度: the schedule stated before its name)
        elif word is None:
            continue
        # (the share of the year the report's period covers, where no schedule is stated: below)
        schedule = time_share(months) if months else None
        before = tail[:tail.find(word)] if ahead is None else tail
        # (the words quoted: the rate's own to the schedule's name, past a schedule stated ahead of it)
        named_end = text.find(word, rate.at + len(rate.text)) + len(word)
        quote = rate.quote + text[rate.at + len(rate.text):named_end]
        above = _last_said(before, params["above_words"], params["negation_words"])
        below = _last_said(before, params["below_words"], params["negation_words"])
        meets = _last_said(before, params["meets_words"], params["negation_words"])
        if max(above, below, meets) < max(0, len(before) - SCHEDULE_WORD_REACH):
            continue  # (no comparing word right before the name: 与时间进度基本持平, 没有滞后，比时间进度高…)
        sign = 0 if meets > max(above, below) else 1 if above > below else -1
        # (the figure right after the clause read: the schedule stated after its name, 高于时间进度
        # （75%）, is that one; a gap, 高于序时进度1.7个百分点, is check_point_change's to judge)
        after = [f for f in same_sentence(base, rate) if f.source == "text" and f.at > rate.at]
        following = after[0] if after else None
        if ahead is None and following is not None \
                and following.at <= rate.at + len(rate.text) + len(tail) + BRACKET_CHARS \
                and (following.unit != "%" or any(f.unit == params["point_unit"] for f in after[1:2])):
            continue
        stated = ahead[0] if ahead is not None else \
            following if following is not None and following.unit == "%" and word in following.label else None
        level = stated.value if stated is not None else schedule
        if level is None:
            continue  # (no schedule stated, and no period the report covers to work it out by)
        lo, hi = rate.interval()
        truth = 1 if lo > level else -1 if hi < level else 0
        yield CHECKED
        if sign == 0:
            # (符合序时进度: at the schedule or above it, or short of it by a few points at most)
            if hi >= level - Decimal(str(params["meets_gap_points"])):
                continue
            gap = fmt(level - rate.value, max(rate.places, 2))
            shown = stated.with_unit() if stated is not None else f"{fmt(schedule, 2)}%（{months} 个月 ÷ 12）"
            said = before[meets:meets + max(len(w) for w in params["meets_words"] if before.startswith(w, meets))]
            yield Hit(quote=quote, location=rate.loc, stated=said,
                      expected=f"低于{gap}个百分点",
                      formula=f"{rate.with_unit()} − 时间进度 {shown} = -{gap}个百分点，文中却写“{said}”",
                      fields={"relation": "与时间进度的高低", "rate": said, "computed": f"低于{gap}个百分点"})
            continue
        if truth in (0, sign):
            continue
        shown = stated.with_unit() if stated is not None else f"{fmt(schedule, 2)}%（{months} 个月 ÷ 12）"
        said, right = ("高于", "低于") if sign > 0 else ("低于", "高于")
        gap = fmt(abs(rate.value - level), max(rate.places, 2))
        yield Hit(quote=quote, location=rate.loc, stated=said,
                  expected=f"{right}{gap}个百分点",
                  formula=f"{rate.with_unit()} − 时间进度 {shown} = "
                          f"{'' if rate.value > level else '-'}{gap}个百分点，文中写“{said}”",
                  fields={"relation": "与时间进度的高低", "rate": said, "computed": f"{right}{gap}个百分点"})


def _schedule_stated_ahead(base: FactBase, rate: Fact, text: str, names: tuple[str, ...]):
    """(the figure, the schedule's name) of a schedule stated right before its name after the
    rate's comparing words (…72.15%，高于75%的时间进度要求), None where there is none."""
    tail = _rate_tail(text, rate)
    # (the next figure read, a bound as the words read it, 高于75%: no sentence figure of its own)
    nxt = base.facts[rate.id + 1] if rate.id + 1 < len(base.facts) else None
    if nxt is None or (nxt.block, nxt.sentence) != (rate.block, rate.sentence) or nxt.unit != "%" \
            or nxt.at != rate.at + len(rate.text) + len(tail):
        return None
    rest = text[nxt.at + len(nxt.text):].lstrip("的")
    word = next((w for w in names if rest.startswith(w)), None)
    return (nxt, word) if word else None


def _rate_tail(text: str, rate: Fact) -> str:
    """The words after a rate up to a figure or the clause's end (，高于时间进度; ，高于 before 75%…)."""
    return re.split(r"[。；;\d]", text[rate.at + len(rate.text):], maxsplit=1)[0]


BRACKET_CHARS = 1  # (a bracket between a schedule's name and its value: 时间进度（75%）)
SCHEDULE_WORD_REACH = 4  # characters before a schedule's name its comparing word stands in (高于时间进度, 低于了序时进度)
SCHEDULE_REACH = 24  # characters before a change in points its comparison is read in
# the words between a schedule's name and its value: a copula, a bracket, a basis (按6个月计算为)
SCHEDULE_VALUE_RE = re.compile(r"(?:按\d{1,2}个月计算)?(?:应为|为|是|达|约|：|:|（|\()?")
MONTH_RE = re.compile(r"(?<!\d)(\d{1,2})\s*月")


def check_schedule_rate(base: FactBase, rule):
    """“序时进度按6个月计算为55%” in a report on 1—6月: a time schedule stated in % is the share
    of the year the report's period covers (document meta elapsed_months), months ÷ 12, read at
    its printed precision; a sentence naming a day other than a month's end is not judged (a
    schedule in days)."""
    params = rule.params
    day = re.compile(params["day_pattern"]) if params["day_pattern"] else None
    # (a schedule 按6个月计算 is stated on its basis, 口径: still its value; not a bound, 不低于50%)
    for rate in (f for f in sentence_figures(base) if f.unit == "%" and f.comparator in (None, "", OTHER_BASIS)):
        text = base.sentences.get((rate.block, rate.sentence), "")
        # (a report on the whole year: the months its sentence names, 1-6月累计支出…，时间进度…; not
        # a project's or a contract's schedule, 项目建设时间进度, 合同约定的时间进度: rule's project_words)
        # (a sentence naming two periods is left below: a month other than its own)
        months = schedule_months(base, text, params)
        if not months:
            continue
        # the clause names the schedule right before the rate, its value and nothing else (序时进度
        # 按6个月计算为55%, 时间进度（50%）; not 低于时间进度8.5%, 与时间进度相差8.50%, 达到时间进度的
        # 90%, 工程时间进度完成60%)
        clause = compact(CLAUSE_BREAK_RE.split(text[max(0, rate.at - SCHEDULE_REACH):rate.at])[-1])
        found = [(clause.rfind(w), w) for w in schedule_words(params) if w in clause]
        if not found:
            continue
        at, word = max(found)
        between = clause[at + len(word):]
        # (a value in brackets right after the name is the schedule's, whatever compares with it:
        # 与序时进度（70%）持平; a signed one, （-7.75%）, is the difference)
        bracketed = between in ("（", "(") and rate.text[:1] not in "-－−"
        if not SCHEDULE_VALUE_RE.fullmatch(between) or rate.text[:1] in "-－−" \
                or (not bracketed and any(w in clause[:at] for w in params["comparing_words"])):
            continue
        # (another period named in the sentence, 一季度, 全年, 5月底, 上年同期, or a day other than a
        # month's first or last, 截至6月28日, 按天计算: another schedule than the report period's)
        # (the year's own totals a report on part of it states, 全年预算3,000.00万元, name no period of the schedule)
        periods = _without(text, params["year_total_words"])
        if any(w in periods for w in params["other_period_words"]) or (day is not None and day.search(text)) \
                or any(int(m) not in (1, months) for m in MONTH_RE.findall(text)):
            continue
        exact = time_share(months)
        yield CHECKED
        lo, hi = rate.interval()
        if lo <= exact <= hi or tail_of(rate, exact):
            continue  # (66.6% for 66.67%: a truncated tail, no other schedule)
        shown = f"{fmt(exact, max(rate.places, 2))}%"
        yield Hit(quote=rate.quote, location=rate.loc, stated=rate.text, expected=shown,
                  formula=f"时间进度 = {months} 个月 ÷ 12 = {shown}",
                  fields={"rate": rate.text, "computed": shown, "relation": "时间进度",
                          "basis": f"按{'报告期间' if base.elapsed_months else '本句所述期间'} {months} 个月"})


def _without(text: str, words: list[str]) -> str:
    """The text with those words taken out, the longest first."""
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, "")
    return text


def _last_said(words: str, comparing: list[str], negations: list[str]) -> int:
    """Where the last of the comparing words stands that no negation denies (没有滞后于), -1 if none."""
    at = -1
    for w in comparing:
        k = words.rfind(w)
        while k >= 0 and any(words.endswith(n, 0, k) for n in negations):
            k = words.rfind(w, 0, k)
        at = max(at, k)
    return at


def _elapsed(base: FactBase, change: Fact) -> Fact | None:
    """The share of the year the report's period covers (1—8月: 66.67%, document meta
    elapsed_months), as a figure printed to the change's places; None for a whole year's report."""
    if not base.elapsed_months:
        return None
    value = time_share(base.elapsed_months)
    # (the printed time schedule, 66.67%, is the exact share rounded: read it at the change's places)
    places = max(change.places, 2)
    return replace(change, value=quantize_like(value, places), unit="%", places=places,
                   text=f"{fmt(value, places)}%", concept=None, implicit=True)


# how many figures back in its paragraph a last-year rate looks for this year's rate of its concept
EARLIER_LEVEL_REACH = 12


def _earlier_level(base: FactBase, prior: Fact) -> Fact | None:
    """This year's rate of the prior's concept stated earlier in its paragraph (预算执行进度41.34%。
    上年同期执行进度为38.72%，同比提高2.62个百分点): the nearest before it, within a few figures, of
    the same part (中央资金执行率…97.00%。省级资金的预算执行率比上年（90.15%）…: not 中央资金's)."""
    for f in base.facts[max(0, prior.id - EARLIER_LEVEL_REACH):prior.id][::-1]:
        if f.block != prior.block:
            return None
        if f.concept == prior.concept and f.member in ("", prior.member) and f.unit == "%" and f.period == CURRENT \
                and f.measure != "变动率" and not f.comparator and f.source == "text":
            return f
    return None


def _document_level(base: FactBase, prior: Fact) -> Fact | None:
    """This year's rate of the prior's concept the document states elsewhere, one value wherever
    it is stated (预算执行率95.00% in the paragraph before …较上年（92.30%）提高…个百分点): the
    whole's rate, both naming no part before the rate's name (基本支出预算执行率, 财政拨款…, “三公”
    经费… are a part's)."""
    if _part_named(prior):
        return None
    return unique_value([f for f in base.of(prior.concept, "实际值", CURRENT) if f.unit == "%" and f.source == "text"
                          and not f.comparator and f.subject == prior.subject and f.member in ("", prior.member) and f.id < prior.id
                          and not _part_named(f)])


def _part_named(rate: Fact) -> bool:
    """Words before the rate's name in its label name a part: a kind of money or a fund (基本支出,
    项目支出, “三公”经费, 财政拨款), not the unit's whole spending (部门整体支出) nor the unit itself
    (某区体育局, 本局, 2024年度)."""
    label = compact(rate.label)
    found = lexicon().concepts.all(label)
    start = next((s for s, _, c in found if c == rate.concept), None)
    if start is None:
        return False
    before = label[:start]
    whole = set(concepts().get("unit_totals") or ())
    named = [c for _, _, c in lexicon().concepts.all(before)]
    if any(c not in whole for c in named) or lexicon().funds.all(before):
        return True
    # (a kind of money the vocabulary does not know, 专项资金, 债券资金, 资本性支出: a part too;
    # not the unit's or the project's whole money, 全部资金, 本局年度资金, 项目资金)
    money = (*(concepts().get("topic_money_endings") or ()), "支出")
    if named or not any(w in before for w in money):
        return False
    return not names_whole_money(before, lexicon())


REACHED_WORDS_MAX = 4  # “，达到”, “，为”, “至”: a verb, no name of another thing


def _reached_words(label: str) -> bool:
    """The words before a rate right after a change say only where it reached (，达到98.6%), not
    another thing's name (），水质优良比例保持100%)."""
    words = compact(label).strip("，,、：: ")
    return len(words) <= REACHED_WORDS_MAX and not any(b in label for b in "（()）")
