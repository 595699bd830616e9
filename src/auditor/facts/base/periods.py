"""Spans, years and parts of the year a figure's words name, changes told verb first, and the
report's own words."""

from __future__ import annotations

import re

from ...ingest.build import elapsed_months
from ...knowledge import compact, vocabulary
from ...memo import remember_short
from .model import CURRENT, PRIOR, OLDER, LATER, Fact, FactBase
from .words import YEAR_RE, LEVEL_TAIL_RE, OwnWords


SINCE_OWN_YEAR_RE = re.compile(r"(?:19|20)\d\d\s*年(?:以来|来)")  # a span from a year on (2023年以来)
SPAN_REACH = 120  # characters back a span of years (2022—2024年累计…) may name the figures after it

# a count is named by a row label when the words around it hold this share of the label's
# character pairs (发放创新券企业数 in “向168家科技型中小企业发放创新券”: 5 of 7); a clause
# sharing only a word or two (“50家企业申请创新券”: 3 of 7) names something else
OWN_NAME_CHARS = 4  # a unit's name this long (清源区档案馆) is its own, blanked from phrases; a shorter one may be a word


class PeriodReading:
    """FactReader's reading of the spans, years and parts of the year a figure's words name."""

    def _names_span(self, text: str) -> bool:
        """The sentence may name a span of years before one of its figures. A span pattern that
        looks at no text past its match (no lookahead, $, \\b) matches within a clause only where
        it matches in the whole sentence: one search a sentence, most sentences naming none,
        spares each figure its clause's scan (see _of_span)."""
        return self.multi_year_span is not None and (
            self.span_looks_past or self.multi_year_span.search(text) is not None)

    def _of_span(self, text: str, at: int) -> bool:
        """A figure of a span of several years (2022—2024年累计完成投资7.99亿元; 近三年累计…): the
        span named earlier in its ；-clause, no single year named after it (…，其中2024年…, 本年…)."""
        if not self.span_in_sentence:
            return False
        floor = max(0, at - SPAN_REACH)  # (bounded: a figure's cost stays constant in a long sentence)
        start = max(max(text.rfind(c, floor, at) for c in "；;。") + 1, floor)
        # (2024年以来 in the report of 2024 is its own year: no span)
        spans = [m for m in self.multi_year_span.finditer(text, start, at)
                 if not (self.year and SINCE_OWN_YEAR_RE.fullmatch(m.group()) and int(m.group()[:4]) >= self.year)]
        return bool(spans) and not YEAR_RE.search(text, spans[-1].end(), at) \
            and not self.lex.current.search(text, spans[-1].end(), at)

    def _verb_first_change(self, phrase: str) -> int:
        """+1 / −1 for an amount told verb first, a direction word opening its phrase and a thing's
        name alone between (一是压减差旅费4.06万元; 减少会议费…): that thing's change, not its level.
        Only an enumerating word (一是, 其次: concepts.yaml point_openers) may stand before the verb."""
        found = self.lex.directions.all(phrase)
        if not found:
            return 0
        start, end, kind = found[0]
        if (phrase[:start] and phrase[:start] not in self.point_openers) or len(found) > 1 or LEVEL_TAIL_RE.search(phrase):
            return 0  # (压减差旅费至21.58万元: the level reached)
        rest = phrase[end:]
        if not rest or self.lex.comparison.search(rest) or self._concept(rest, last=True) is None:
            return 0
        return {"up": 1, "down": -1}.get(kind, 0)

    def _beyond_plan(self, phrase: str) -> int:
        """+1 / −1 for an amount named as its difference from a plan (超出预算0.68万元, 节约预算…:
        concepts.yaml beyond_plan), else 0."""
        m = self.beyond_plan_re.search(compact(phrase)) if self.beyond_plan_re else None
        return 0 if m is None else (1 if m.group(1) in self.beyond_plan_up else -1)

    def _year_start_budget(self, bare: str) -> bool:
        """A bare budget word after a word of the year's start or of the budget's approval
        (2024年初县人大批复我局预算…): the budget the year began with, not the adjusted one the
        bare word otherwise stands for (concepts.yaml initial_budget_cues)."""
        words = bare.replace(" ", "")
        found = self.lex.measures.all(words)
        if not found or words[found[-1][0]:found[-1][1]] not in self.bare_budget_words:
            return False
        before = words[:found[-1][0]]
        return any(w in before for w in self.initial_budget_cues) and not any(w in before for w in self.adjusted_budget_cues)

    def _other_thing_between(self, wide: str, carried: str | None) -> bool:
        """The words since the figure before name a thing other than the one carried: a change
        naming nothing after them (其他教育支出连续两年下降，2024年比上年减少152.14万元) is that
        thing's (其他教育支出 is no 教育支出), not the concept carried on."""
        if not carried:
            return False
        named = [*self.lex.concepts.all(wide),
                 *((a, b, self.row_labels[label]) for a, b, label in self.label_pattern.finditer(wide))]
        if not named:
            return False
        start, _end, name = max(named, key=lambda t: (t[1], t[1] - t[0]))
        # (a name right after another only qualifies it: “三公”经费财政拨款支出 is the 三公经费's)
        before = next((t for t in named if t[1] == start), None)
        while before is not None:
            start, _end, name = before
            before = next((t for t in named if t[1] == start), None)
        return name != carried or wide.endswith(self.other_words + self.narrower_words, 0, start)

    def _between_past_years(self, words: str) -> bool:
        """The words of a change name a year before last, or two years both before this one."""
        years = {int(y) for y in YEAR_RE.findall(words)}
        if not self.year or not years:
            return False
        return min(years) < self.year - 1 or (len(years) >= 2 and max(years) < self.year)

    def _other_year(self, phrase: str) -> bool:
        years = [int(y) for y in YEAR_RE.findall(phrase)]
        return bool(self.year and years and years[-1] < self.year)

    def _after_report_year(self, words: str) -> bool:
        """The words name a year after the report's (2025年计划新建… in a 2024 report): a count or
        rate of that year is planned, not achieved. (A plan's own report year is its title's.)"""
        return bool(self.year) and any(int(y) > self.year for y in YEAR_RE.findall(words))

    def _money_rate(self, words: str) -> bool:
        """The name before 完成率 names money (资金完成率, 资金支付完成率) and nothing else done (补贴发放,
        任务, 培训计划: concepts.yaml other_rate_words), or there is none in its clause."""
        name = re.split(r"[，,；;：:。为是]", words)[-1]
        if not name.strip():
            return True  # (…实际支出72.00万元，完成率92.00%: a bare rate right after the money, of it)
        return any(w in name for w in self.money_rate_names) and not any(w in name for w in self.other_rate_words)

    def _part_of_year(self, words: str) -> bool:
        """The words name a part of the year (四季度, 上半年), not how often (按季度)."""
        found = self.lex.partial_period.search(words)
        while found is not None and ((words[max(0, found.start() - 1):found.start()] in self.frequency_words
                                      and found.start() > 0) or self._own_span(words, found)):
            found = self.lex.partial_period.search(words, found.end())
        return found is not None

    def _months_of_year(self, words: str, own: str = "") -> bool:
        """The words name the months from January to one before December (1-6月), not the span of
        the report (a 1-6月 report's own): a rate so named is of those months, no rate of the year
        (an amount so named is a slice, which lists of slices add up). Not where the figure's own
        words (`own`) name the whole year (受1-6月…影响，全年预算执行率…: the year's)."""
        if own and (self.lex.current.search(own) or any(w in own for w in self.whole_year_words)):
            return False
        # (read as a title's span is: 1-6月, 1月至6月, 一至六月; ingest.build.elapsed_months)
        months = elapsed_months(words) if "月" in words else None
        return months is not None and months != self.base.elapsed_months

    def _own_span(self, words: str, found: re.Match) -> bool:
        """In a report on part of its year (2025年1-6月…监控报告), the words name that part itself
        (截至6月30日, 上半年, 6月底): the report's own figure, no figure of a smaller part."""
        months = self.base.elapsed_months
        if not months:
            return False
        said = MONTH_NUMBER_RE.match(words, found.start(), found.end() + MONTH_REACH) \
            or MONTH_BEFORE_RE.search(words, max(0, found.start() - MONTH_REACH), found.start() + 1)
        if said:
            return int(said.group(1)) == months
        return (vocabulary().get("part_year_words") or {}).get(found.group(0)) == months

    def _part_opens(self, words: str) -> bool:
        """The words between two amounts open a part of the first (，其中税收收入…)."""
        return compact(words).lstrip("，,；;：:").startswith(self.lex.list_openers)

    def _period_opens(self, clause: str) -> bool:
        """The clause opens on a year or on last year's words (2024年度人员经费…, 上年…), a bracket
        wrapping the sentence aside (（2023年度本部门收入总计…）)."""
        clause = compact(clause).lstrip("（(")
        return bool(YEAR_RE.match(clause) or self.lex.prior.match(clause))

    def _names_period(self, words: str) -> bool:
        """The words name a year or period of their own (2024年, 上年, 本年, 上半年)."""
        return bool(YEAR_RE.search(words) or self.lex.prior.search(words) or self.lex.current.search(words)
                    or self.lex.partial_period.search(words))

    def _year_period(self, words: str) -> str:
        """The period the last year the words name puts a figure in: the year before the report's
        is last year's, an earlier one older (较2022年的25,980.40万元 in a 2024 report), a later one
        a plan's (2025年预算数 in a report on 2024)."""
        years = [int(y) for y in YEAR_RE.findall(words)]
        if not (self.year and years) or years[-1] == self.year:
            return CURRENT
        if years[-1] > self.year:
            return LATER
        return PRIOR if years[-1] == self.year - 1 else OLDER

    @staticmethod
    def _self_words(vocab: dict, unit_name: str) -> "OwnWords | None":
        """The words by which a report names its own unit (本院, 我局; 医院 in a hospital's report,
        the kind its name ends with): no part of a concept's name (本年度医院收入 is 本年收入)."""
        selfish = (vocab.get("unit_self_words") or {})
        words = [*(selfish.get("words") or ()), *(k for k in selfish.get("kinds") or () if unit_name.endswith(k))]
        # (本馆, 我所, 全站: 本 / 我 / 全 and the ending of the unit's own name)
        words += [p + e for e in vocab.get("organization_endings") or () if unit_name.endswith(e)
                  for p in selfish.get("prefixes") or ()]
        # (the unit's own name, 清源区档案馆, holds no row's thing: 档案馆 is its budget line's)
        name = compact(unit_name) if len(compact(unit_name)) >= OWN_NAME_CHARS else ""
        return OwnWords(tuple(w for w in words if w), name) if words or name else None

    def _fund_named(self, title: str) -> str:
        """The fund a title names first: 政府性基金预算财政拨款… is that fund's, not all 财政拨款.
        (Every paragraph asks for its section's: short titles' answers are kept per vocabulary.)"""
        return remember_short(self.lex.title_funds, title, _first_fund, self.fund_qualified)


def _first_fund(title: str, funds: dict) -> str:
    words = compact(title)
    return min((f for f in funds if f in words), key=words.find, default="")


MONTH_REACH = 3  # characters after a part-of-year word its month may stand in (月底 of 截至6月底)
MONTH_NUMBER_RE = re.compile(r"\D{0,3}?(\d{1,2})\s*月")  # (截至6月: the month the part ends with)
MONTH_BEFORE_RE = re.compile(r"(?<!\d)(\d{1,2})\s*月$")  # (6月底, 6月末: the month before 月底)


def fact_year(base: FactBase, fact: Fact) -> int | None:
    """The calendar year of a figure of an older or a later year (往年, 下年: periods that hold
    many years), as its table's column or row names it (a 2022年 row or column), or its own words
    (其中2022年…, 较2022年的…), else its sentence's words before it (2022年，本局支出合计…);
    None where the year named is not of that period (2023年分别为X、Y gives its years in turn)
    or none is named, or the report's year is unknown."""
    if not base.year or fact.period not in (OLDER, LATER):
        return None
    words = fact.header if fact.source == "table" and YEAR_RE.search(fact.header or "") else fact.label or ""
    if fact.source == "text" and not YEAR_RE.search(words):
        words = base.sentences.get((fact.block, fact.sentence), "")[:fact.at]
    years = [int(y) for y in YEAR_RE.findall(words)]
    if not years:
        return None
    year = years[-1]
    return year if (year < base.year - 1 if fact.period == OLDER else year > base.year) else None
