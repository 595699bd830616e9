"""Periods opening a sentence and figures taking years, names or measures in turn (分别, 依次),
with the amounts a run of percentages is of."""

from __future__ import annotations

import re

from ...knowledge import compact
from ..numbers import MONEY_UNITS, count_word
from .model import CURRENT, PRIOR, MEASURED_UNITS, Fact
from .words import CLAUSE_BREAK_RE, CLAUSE_END_RE, YEAR_RE, PHRASE_LIMIT, blank, names_nothing


YEAR_LIST_RE = re.compile(r"(?:(?:19|20)\d\d\s*年度?\s*[、和及与]\s*)+(?:19|20)\d\d\s*年度?")  # 2023年、2024年和2025年

# a span of years whose figures a 分别 / 依次 lists in turn (2022年至2024年，…分别为X、Y、Z; 2022—2024年…;
# 近三年…, ending with the report's year)
SPAN_IN_TURN_RE = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:至|到|[-—–~～－]{1,2})\s*((?:19|20)\d\d)\s*年"
                             r"|近\s*([二两三四五六七八九十]|[2-9])\s*个?年")
SPAN_IN_TURN_YEARS = 10  # a longer span (1949年至2024年) is a history, no list of each year's figure
# words joining things between a span and its 分别 (2022—2024年，收入和支出分别为…): the figures are
# the things', in turn, not the years'
THINGS_JOINED_RE = re.compile(r"[、和及与]")
# a sentence opening with a year alone and a comma (2022年，本局支出合计…; 2023年度，…): its period
YEAR_OPENER_RE = re.compile(r"\s*((?:19|20)\d\d)\s*年度?\s*[，,]")
# …or with a year's end (2022年末，…; 截至2022年底，…; 截至2022年12月31日，…): its stocks stand then
YEAR_END_OPENER_RE = re.compile(r"\s*(?:截至|截止|到)?\s*((?:19|20)\d\d)\s*年\s*(?:末|底|12\s*月\s*31\s*日)\s*[，,]")
# the words closing a prior-period word at the start of a sentence that make it that period's end (上年末，)
PERIOD_END_CHARS = "末底"

BRACKETED_UNIT_RE = re.compile(r"[)）]\s*(亿元|万元|千元|元)")  # see FactReader._bracketed_change


class InTurnReading:
    """FactReader's reading of figures taking years, names or measures in turn."""

    def _opening_period(self, text: str) -> tuple[str, int] | None:
        """(period, where its words end) of a sentence opening with a year or a prior-year word and a
        comma (2022年，…; 上年，…), or with that year's end (2022年末，…; 截至2022年底，…; 上年末，…: the
        stock the report's year opened with, stated before its flows): None for the report's own
        year, or no such opening."""
        m = YEAR_OPENER_RE.match(text) or YEAR_END_OPENER_RE.match(text)
        if m is not None:
            period = self._year_period(f"{m.group(1)}年")
            return (period, m.end()) if period != CURRENT else None
        prior = self.lex.prior.match(text.lstrip())
        if prior is None:
            return None
        end = len(text) - len(text.lstrip()) + prior.end()
        end += end < len(text) and text[end] in PERIOD_END_CHARS  # (上年末，)
        return (PRIOR, end + 1) if end < len(text) and text[end] in "，," else None

    def _years_in_turn(self, phrase: str, wide: str, fact: dict, queue: list[str],
                       printed: tuple[str, int] = ("", 0)) -> list[str]:
        """Years listed first and figures after 分别 / 依次 (2023年、2024年和2025年，查档利用依次为
        9,320人次、9,860人次、11,204人次): each figure takes the next year, not the last one named.
        `wide`: the words before the phrase; `printed`: the sentence and where the phrase starts."""
        self.took_year = ""
        if self.respectively.search(phrase):
            before = self.respectively.split(wide + phrase, 1)[0]
            listed = YEAR_LIST_RE.findall(before)
            # (a span read in the words before the phrase as printed, `lead`: the year opening a span
            # with no 年, 2022—2024年, is read as a bare number, and the phrase's words start after it)
            text, start = printed
            lead = compact(text[max(0, start - PHRASE_LIMIT):start])
            queue = YEAR_RE.findall(listed[-1]) if listed else \
                self._span_years(lead + self.respectively.split(phrase, 1)[0])
            if not queue:
                return []
        elif not queue or YEAR_RE.search(phrase) or not names_nothing(blank(phrase, self.lex.concepts), self.lex):
            return []
        fact["period"] = self._year_period(f"{queue[0]}年")
        self.took_year = queue[0]  # (the year taken, for a sum closing the figures: see _year_run)
        return queue[1:]

    def _sums_run(self, run: list[tuple[Fact, str]], unit: str, phrase: str) -> bool:
        """The figure closes figures that took years in turn with their sum: in their unit, its words
        a sum's (合计, 三年合计, 累计) naming no year of their own."""
        return len(run) >= 2 and unit == run[-1][0].unit and unit not in MEASURED_UNITS \
            and (self.sum_words.search(phrase) is not None or any(w in phrase for w in self.span_sum_words)) \
            and not YEAR_RE.search(phrase)

    def _year_run(self, run: list[tuple[Fact, str]], fact: Fact, span_sum: bool) -> list[tuple[Fact, str]]:
        """The figures taking years in turn so far, after `fact`: it joins them if it took a year; a
        sum closing them is recorded (FactBase.span_sums) and ends them; so does a figure in their
        unit that is neither (a rate between, 增长5.7%, leaves them open)."""
        if self.took_year:
            self.base.run_years[fact.id] = int(self.took_year[:4])
            return [*run, (fact, self.took_year)] if not run or run[-1][0].unit == fact.unit \
                else [(fact, self.took_year)]
        if span_sum:
            self.base.span_sums[fact.id] = [(f.id, year) for f, year in run]
            return []
        return run if run and fact.unit != run[-1][0].unit else []

    def _span_years(self, words: str) -> list[str]:
        """The years, in order, of the last span the words before a 分别 name (2022年至2024年 →
        2022, 2023, 2024; 近三年 in a report on 2024 the same), when no things joined stand after it
        (2022—2024年，收入和支出分别为… lists the things'); [] for none."""
        found = list(SPAN_IN_TURN_RE.finditer(words))
        if not found or THINGS_JOINED_RE.search(words, found[-1].end()):
            return []
        m = found[-1]
        if m.group(1):
            first, last = int(m.group(1)), int(m.group(2))
        elif self.year:
            count = count_word(m.group(3))
            first, last = self.year - (count or 0) + 1, self.year
        else:
            return []
        return [str(y) for y in range(first, last + 1)] if 1 < last - first + 1 <= SPAN_IN_TURN_YEARS else []

    def _names_in_turn(self, phrase: str, wide: str, fact: dict, names: list[str], queue: list[str]):
        """Names listed first and figures after 分别 (人员经费、公用经费分别为716.90万元、95.56万元;
        …分别比上年减少0.36万元和0.19万元，分别下降7.50%和11.73%): each figure takes the next name.
        A later 分别 naming nothing takes the same names again, in the same order. (`wide`: the
        words before the phrase.)"""
        if self.respectively.search(phrase):
            clause = CLAUSE_BREAK_RE.split(wide + phrase)[-1]  # the names may stand before a 、 inside the clause
            head, *rest = self.respectively.split(clause, 1)
            after = rest[0] if rest else ""
            share_words = list(self.share_word.finditer(head)) if fact.get("measure") == "占比" else []
            if share_words:
                # (A、B和C占收入总计的比重分别为…: the names before the last 占 own the shares in turn,
                # the whole after it is none of them; 基本支出占比、项目支出占比分别为…: both names)
                head = head[:share_words[-1].start()]
            # (…；A、B分别占支出合计的…: the names before 分别 own them, as before 占)
            shared = bool(share_words) or (fact.get("measure") == "占比" and self.share_word.match(after.lstrip()))
            named = list(dict.fromkeys(c for _, _, c in self.lex.concepts.all(head)))
            if len(named) < 2:
                named = self._row_names(head) or named
            if not named:
                # (本年支出由基本支出和项目支出两部分组成，金额分别为X和Y: the names joined in the clause
                # before, where this one names nothing)
                named = self._joined_names(CLAUSE_BREAK_RE.split(wide + phrase)[-2:-1])
            if len(named) >= 2:
                names, queue = named, named[:]
            elif not named and names:
                queue = names[:]
            else:
                return names, []
            self.turn_period = fact.get("period")
            self.turn_share = bool(shared) and len(named) >= 2
        elif not queue or not names_nothing(blank(phrase, self.lex.concepts), self.lex):
            return names, []
        elif fact.get("measure") == "决算" and self.turn_period and not YEAR_RE.search(phrase):
            # “（上年分别为3,010.62万元和6,647.82万元）”: the list's figures are all of the year it names
            fact["period"] = self.turn_period
        if queue and self.turn_share and fact.get("measure") in ("占比", "实际值"):
            fact.update(concept=queue.pop(0), measure="占比")  # (the names before 占 own the shares in turn)
        elif queue and fact.get("measure") != "占比":  # (a share's whole and owner are read apart)
            fact["concept"] = queue.pop(0)
        return names, queue

    def _joined_names(self, clauses: list[str]) -> list[str]:
        """The last names of the clause that follow one another with a list's join (和, 、) between
        each two and no other word (由基本支出和项目支出两部分组成: 基本支出, 项目支出; not 本年支出
        before 由); [] for fewer than two."""
        words = compact(clauses[0]) if clauses else ""
        found = self.lex.concepts.all(words)
        run: list[str] = []
        for k, (start, _, concept) in enumerate(found):
            joined = k and self.lex.list_join.fullmatch(words[found[k - 1][1]:start]) is not None
            run = [*run, concept] if joined else [concept]
        return list(dict.fromkeys(run)) if len(run) >= 2 else []

    def _row_names(self, head: str) -> list[str]:
        """The concepts a list of names before 分别 names one by one, read as any phrase is (the
        tables' row labels too: 一般公共服务支出、社会保障和就业支出分别为…), each name another's;
        [] unless every name names one. The names are split at the list's joining words (、, 和),
        the longest run of pieces that is a name whole kept together (社会保障和就业支出)."""
        pieces = [p for p in self.lex.list_join.split(compact(head)) if p]
        joins = [m.group(0) for m in self.lex.list_join.finditer(compact(head))]
        if len(pieces) < 2 or len(joins) != len(pieces) - 1:
            return []
        found, k = [], 0
        while k < len(pieces):
            # (the longest run of pieces that is a name whole, else the piece alone as any phrase is read)
            for end in range(len(pieces), k + 1, -1):
                concept = self._whole_name(pieces[k] + "".join(j + p for j, p in zip(joins[k:end - 1], pieces[k + 1:end])))
                if concept is not None:
                    break
            else:
                end, concept = k + 1, self._concept(pieces[k], last=True)
            if concept is None:
                return []
            found.append(concept)
            k = end
        if len(found) < 2 or len(set(found)) != len(found):
            return []
        return found

    def _whole_name(self, name: str) -> str | None:
        """The concept whose name is all of `name` (a table's row label, or a name of the vocabulary's
        from its first character to its last), else None."""
        if name in self.row_labels:
            return self.row_labels[name]
        return next((c for start, end, c in self.lex.concepts.all(name) if start == 0 and end == len(name)), None)

    def _bracketed_change(self, text: str, m: re.Match) -> str:
        """An accountant's negative in running text right after a change's words (增减（5.41）万元,
        较上年（5.41）万元: a fall of 5.41万元): the closing bracket and the money unit after it,
        which the figure is read with; else ""."""
        if not m.start() or text[m.start() - 1] not in "（(" or "." not in m.group("num"):
            return ""
        tail = BRACKETED_UNIT_RE.match(text, m.end())
        if tail is None or tail.group(1) not in MONEY_UNITS:
            return ""
        before = compact(text[max(0, m.start() - PHRASE_LIMIT):m.start() - 1])
        return tail.group(0) if self.lex.signed_change.search(before + "-") else ""

    def _negative_amount(self, text: str, at: int) -> bool:
        """A minus right before an amount, or 负 (结余为负3.99亿元), after the words of an amount that
        may fall below zero (concepts.yaml signed_amount_words) in the same clause: the amount's sign."""
        if at < 2 or text[at - 1] not in "-－−负" or not ("\u4e00" <= text[at - 2] <= "\u9fff" or text[at - 2] in "：:") \
                or any(ch.isdigit() for ch in text[max(0, at - 4):at - 1]):  # (结余500元-800元: a range)
            return False
        clause = CLAUSE_BREAK_RE.split(text[max(0, at - PHRASE_LIMIT):at - 1])[-1]
        return any(w in clause for w in self.signed_amount_words)

    def _turn_measure(self, fact: dict, phrase: str, measure, wide: str = ""):
        """The measure an amount after 分别 names goes on to the amounts listed after it and to
        their sum (财政拨款、上年结转资金的全年预算数分别为120.00万元、15.50万元，合计135.50万元:
        all three budget); measures named in a list before 分别 (年初预算数、全年预算数分别为80.00万元、
        100.00万元) are taken in turn (`wide`: the words of the sentence before `phrase`).
        Returns what the next amount may take: a measure, or a list of those still to be taken."""
        if not fact.get("implicit") and self.respectively.search(phrase):
            if not RESPECTIVE_VALUES_RE.search(phrase):
                return None  # (分别增加20.00万元、10.00万元: changes, no list of the measure's values)
            clause = CLAUSE_BREAK_RE.split((wide + phrase).rstrip("：: "))[-1]  # (分别为：, 分别：)
            named = list(dict.fromkeys(m for _, _, m in self.lex.measures.all(compact(self.respectively.split(clause)[0]))))
            if len(named) >= 2:
                fact["measure"] = named[0]
                return named[1:]
            return fact.get("measure")
        bare = phrase.strip("、和及与，,： ")
        if measure is None or not fact.get("implicit") or (bare and bare not in self.list_sum_words):
            return None
        if isinstance(measure, list):
            fact["measure"], fact["implicit"] = measure[0], False
            return measure[1:] or None if not bare else None
        fact["measure"], fact["implicit"] = measure, False
        return measure if not bare else None

    def _names_money_kind(self, phrase: str) -> bool:
        """Whether the phrase names a kind of money (财政拨款预算支出) rather than a budget level."""
        if self.money_kind is None:
            return False
        return any(not phrase.endswith(self.money_kind_not_after, 0, m.start())
                   for m in self.money_kind.finditer(phrase))

    def _respective(self, text: str, at: int, amounts: list, joined_only: bool = False) -> list:
        """The amounts the percentages listed from `at` are of, in order: as many of the last ones
        stated before as there are percentages (none if fewer are stated). The list is the run of
        percentages with no clause break between them (分别占66.83%和33.17%，分别增长4.37%和9.99%:
        two lists of two); `joined_only`: with only a list's joining words between them (、, 和),
        for a list no 分别 announces."""
        end = CLAUSE_END_RE.search(text, at)
        count, after = 0, at
        for m in self.lex.text_number.finditer(text, at, end.start() if end else len(text)):
            between = text[after:m.start()].strip()
            if m.group("unit") != "%" or (count and CLAUSE_BREAK_RE.search(between)) \
                    or (count and joined_only and not (between == "、" or self.lex.list_join.fullmatch(between))):
                break
            count, after = count + 1, m.end()
        return list(amounts[-count:]) if 1 < count <= len(amounts) else []

    def _in_names_order(self, phrase: str, amounts: list, listed: list, clause: str = "") -> list:
        """The amounts a run of percentages takes in turn (`amounts`, the last of those `listed`),
        as the names before 分别 give them where those name as many concepts, each of one listed
        amount (项目支出…、基本支出…，基本支出与项目支出分别占…: 基本支出's first; 基本、项目、经营
        支出…，基本支出与项目支出分别占…: not 经营支出's); else in the amounts' own order."""
        if len(amounts) < 2 or not self.respectively.search(phrase):
            return amounts
        # (the clause's words before 分别, from the sentence: a phrase stops at a 、 of the names)
        clause = self.respectively.split(CLAUSE_BREAK_RE.split(clause or phrase)[-1], 1)[0]
        named = list(dict.fromkeys(c for _, _, c in self.lex.concepts.all(clause)))
        by_concept: dict = {}
        for f in listed:
            by_concept.setdefault(f.concept, []).append(f)
        if len(named) == len(amounts) and all(len(by_concept.get(c, ())) == 1 for c in named):
            return [by_concept[c][0] for c in named]
        by_labels = self._in_labels_order(compact(clause), listed, len(amounts))
        # (names as many as the figures that pick out no amount each: which is whose is not told)
        return amounts if by_labels == [] else by_labels or []

    def _in_labels_order(self, clause: str, listed: list, count: int) -> list | None:
        """The listed amounts the names before 分别 give by their words, where the vocabulary knows
        none of them (住院和门诊支出分别占…: 住院 of 其中住院支出…, 门诊支出 of 门诊支出…): each name,
        split at the list's joining words, held by the words of exactly one listed amount, a
        different one each; [] where the words name no such list (as many names as figures, two
        characters each at least), None where they do but do not pick out one amount each."""
        names = [n for n in self.lex.list_join.split(clause) if n]
        if len(names) != count or any(len(n) < 2 for n in names):
            return []
        picked: list = []
        for name in names:
            holding = [f for f in listed if name in compact(f.label)]
            if len(holding) != 1 or holding[0] in picked:
                return None
            picked.append(holding[0])
        return picked

    @staticmethod
    def _listed_before(amounts: list, counts: list) -> list:
        """The figures a run of percentages may take in turn: the sentence's amounts, or its counts
        of one unit when they are stated after the last amount (受益学生中，小学、初中学生分别为
        12,650人和5,770人，分别占…)."""
        if not counts or (amounts and amounts[-1].id > counts[-1].id):
            return amounts
        unit = counts[-1].unit
        run = []
        for f in reversed(counts):
            if f.unit != unit or (amounts and f.id < amounts[-1].id):
                break
            run.append(f)
        return run[::-1]

    def _items_before(self, index: int, s_index: int) -> list:
        """The amounts the sentence before listed as items (the paragraph's before, or the last of
        the paragraph before): its money, no change and no sum of them (合计, 共计: the sum words
        of a list's close)."""
        if s_index:
            before = self.base.by_sentence.get((index, s_index - 1), ())
        else:
            earlier = self.base.by_block.get(index - 1, ())
            before = [f for f in earlier if f.sentence == earlier[-1].sentence] if earlier else []
        return [f for f in before if f.is_money and f.measure != "变动额"
                and not any(w in compact(f.label) for w in self.list_sum_words)]

    def _opening_fund(self, fact: dict, fund: str, phrase: str) -> None:
        """“政府性基金预算财政拨款年初结转和结余12.00万元，本年收入87.38万元，本年支出…”: the fund the
        sentence's first amount names is its later amounts' that name a concept the fund
        qualifies and no fund, outside a share's base (占本年支出合计…) or a comparison."""
        if not fact.get("fund") and fact.get("concept") in self.fund_qualified.get(fund, {}) \
                and not self.lex.comparison.search(phrase) and self.lex.rate_measures.last(phrase) != "占比":
            fact["fund"] = fund


# 分别 then the values themselves (分别为, 分别是, 分别达到), not changes (分别增加)
RESPECTIVE_VALUES_RE = re.compile(r"(?:分别|依次)(?:(?:为|是|达到?|约为)(?:人民币|约)?[：:]?|[：:])\s*$")
