"""A sentence's figures read into facts (FactReader._sentence)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...knowledge import compact, concepts, last_open_bracket, vocabulary_generation
from ...memo import MEMO_ENTRIES
from ..lexicon import Lexicon
from ..numbers import MONEY_UNITS, RANGE_JOINER
from ..targets import PREFIX, SUFFIX
from .model import (CURRENT, PRIOR, OLDER, LATER, FORECAST, OTHER_BASIS, SPAN, BUDGET_MEASURES, DEDUCTED, MEASURED_UNITS,
                    Fact)
from .words import (ITEM_TOKEN_RE, CLAUSE_BREAK_RE, clause_before, UNNAMED, share_whole_named, CLAUSE_END_RE, OPENING_BRACKET_RE, CLOSING_BRACKET_RE, FROM_QUALIFIER_CHARS, YEAR_RE,
                    NOUN_AFTER_RE, BOUND_AFTER_RE, PHRASE_LIMIT, SHARE_OPENER, phrase_start, blank, names_nothing)
from .figures import text_figures, figure_value, decimal_places
from .rates import NOT_READ  # (a reading not asked for yet: None is an answer)


def _alike_figures(before: Fact, unit: str, money: bool) -> bool:
    """Two amounts of money, or two counts (批次, 人次), no rates: figures one list may hold."""
    if money or before.is_money:
        return money and before.is_money
    return unit not in ("%", "‰", "") and before.unit not in ("%", "‰", "")


def _bracket_depth(text: str, start: int, end: int, depth: int, balanced: bool = True) -> int:
    """`depth` after the brackets text[start:end] opens and closes: a bracket inside a bracketed
    list (（因公出国（境）费…、公务接待费…）) closes only itself. In a sentence whose brackets do not
    balance (`balanced` False), a closing bracket the clause goes on after (…4.00万元），较上年…)
    closes them all: a bracket opened inside and left open (（办公费（含…）) is a slip, not a list
    going on."""
    part = text[start:end]
    if not balanced and BRACKET_THEN_BREAK_RE.search(part):
        return 0
    return depth + part.count("（") + part.count("(") - part.count("）") - part.count(")")


def _budget_and_outturn(amounts: list[Fact]) -> bool:
    """The amounts hold a budget and what was spent of it (上年预算…，执行…): what an execution rate
    after them is reckoned on."""
    return any(a.measure in BUDGET_MEASURES for a in amounts) and any(a.measure == "决算" for a in amounts)


def _balanced(text: str) -> bool:
    return text.count("（") + text.count("(") == text.count("）") + text.count(")")


BRACKET_THEN_BREAK_RE = re.compile(r"[）)]\s*[，,；;。]")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")  # (a Chinese character)

TABLE_NUMBER_BEFORE = "附见如详下上续"  # 附表3, 见表3, 如表3, 详见表3: a table's number after 表

# a sentence opening with the year (and measure) its figures are of: 2025年预算中，…
SCOPE_RE = re.compile(r"\s*((?:19|20)\d\d)\s*年度?([^，,。；;：:\d]{0,10}?)中[，,：:]")

LIST_ITEM_ENDS = "、等"  # right after an item's figure: more items follow, or the list ends

# a comparison sign right after a figure and before the words it bounds (90%≤执行率<95%的得8分)
SIGN_AFTER_RE = re.compile(r"\s*(<=|>=|≤|≥|＜|＞|<|>)\s*(?=[\u4e00-\u9fff])")
REVERSED_SIGN = {"≥": "≤", "≤": "≥", ">": "<", "<": ">"}
# …a band's condition, its clause going on to the other bound or to 的/时 (执行率<95%的得8分; not
# 95.90%≥年度目标值90%, a value stated against its target)
BAND_CONDITION_RE = re.compile(r"[^，,。；;]*?(?:[<>≤≥＜＞]|的|时)")
# a comparison word right before a figure in running text (低于90%, 不超过5万元): it bounds, not
# states; 达到 and = state a value there (执行率达到96%)
BOUND_BEFORE_WORDS = sorted((w for w in PREFIX if w not in ("达到", "=", "＝")), key=len, reverse=True)
BOUND_BEFORE_RE = re.compile("(" + "|".join(BOUND_BEFORE_WORDS) + r")\s*$")
# (the words before a figure BOUND_BEFORE_RE finds end with one of these: see _bound_of)
BOUND_BEFORE_ENDS = tuple(w.rstrip() for w in BOUND_BEFORE_WORDS)
# the ends of a range: “80分（含）至90分”, “70-84分” (a band, not two values)
# (not “35.00万元下降至33.00万元”: a change to a level, across a direction word)
# (nor “2024年达到12.6万吨”: 达到 states the level reached, its 到 joins no range)
RANGE_START_RE = re.compile(r"[^\d，,；;。增减降升提高低加少]{0,5}?" + RANGE_JOINER + r"\s*\d")
RANGE_END_RE = re.compile(r"\d[^\d，,；;。增减降升提高低加少]{0,5}?(?<!达)" + RANGE_JOINER + r"\s*$")
# the characters RANGE_JOINER matches, one of which the words before a range's end end with (see
# _bound_of; tests/test_sentence_prefilters.py keeps it in step with RANGE_JOINER)
RANGE_JOINER_CHARS = "至到-—–~～"

NOT_COUNT_UNITS = (*MEASURED_UNITS, "")  # (a figure in one of them is no count a share may be of)


SENTENCE_START_RE = re.compile("")  # (an empty match at a sentence's start)


class SentenceReading:
    """FactReader's reading of a sentence."""

    def _full_marks_in(self, text: str) -> re.Match | None:
        """Where the sentence first states its full marks (满分100分), or a scoring system's total
        (总分100分): the points after it are weights."""
        system = any(w in text for w in self.system_words)
        found = (self.full_marks.search(text) if self.full_marks else None) or (
            self.system_full_marks.search(text) if self.system_full_marks and system else None)
        if found is None and system and self.system_total is not None and self.system_total.search(text):
            # (a sentence setting out the system, its parts' points closed by their total, the full
            # score: …其中决策指标15分、过程指标20分…，合计100分; its points are weights from its start)
            return SENTENCE_START_RE.match(text)
        return found

    def _given_as_example(self, text: str, at: int) -> bool:
        """The figure at `at` follows an example's cue in its sentence (如：, 例如: concepts.yaml
        example_cues) where the sentence instructs how to fill in or compute before the cue, or the
        example names a placeholder after it (某单位): a template's example, no figure of the unit's."""
        cue = self.example_cue.search(text, 0, at) if self.example_cue else None
        if cue is None:
            return False
        return any(w in text[:cue.start()] for w in self.example_instructions) \
            or any(w in text[cue.end():at] for w in self.example_placeholders)

    def _classified(self, concept: str | None) -> bool:
        """A concept named after a table's row (a class of a classification, 卫生健康支出), not one
        of the vocabulary's."""
        return concept is not None and concept not in self.lex.concepts.canonical

    def _names_own_thing(self, phrase: str) -> bool:
        """The words before a rate's or a change's base (项目支出 of 项目支出比上年增长; none in 比上年增加,
        占本年支出的) name a thing of their own."""
        words = compact(phrase)
        compared = self.lex.comparison.search(words)
        cut = min(compared.start() if compared else len(words),
                  words.find(SHARE_OPENER) if SHARE_OPENER in words else len(words))
        return bool(words[:cut].strip("，,；;、：:")) and self._concept(words[:cut], last=True) is not None

    def _run_in_label(self, text: str, figures: list) -> bool:
        """The sentence opens on a short name closed by a colon, the words after it up to its first
        figure only a measure (会议费：决算为0万元, 培训费：预算数为…): a run-in label of the thing the
        figures are of."""
        if not figures:
            return False
        first = CLAUSE_BREAK_RE.search(text)
        if first is None or text[first.start()] not in "：:" or first.end() > figures[0].start():
            return False
        label, between = compact(text[:first.start()]), compact(text[first.end():figures[0].start()])
        return 1 < len(label) <= RUN_IN_LABEL_CHARS and not self.lex.list_opener.match(label) \
            and self.lex.measures.last(between) is not None and not self.lex.concepts.all(between) \
            and _only_copulas(self.lex.approximate.sub("", blank(between, self.lex.measures).replace(" ", "")))

    def _in_turn_opening(self, phrase: str) -> bool:
        """The words before an amount are only a word taking items in turn (，分别为 / 分别是): the
        amount opens a list of the parts of the amount before it, named nowhere."""
        words = compact(phrase).strip("，,：:")
        found = self.respectively.match(words)
        return found is not None and (not words[found.end():] or words[found.end():] in copulas())

    def _narrowed_name(self, phrase: str, concept: str) -> bool:
        """The phrase names the concept with words of its own before the name (统筹基金支出 for
        基金支出): list openers, funds, periods and filler aside."""
        words = compact(phrase)
        # (the name as a table's row states it, else a name of the vocabulary's for it)
        at = words.rfind(concept)
        if at < 0:
            at = next((start for start, _, c in reversed(self.lex.concepts.all(words)) if c == concept), -1)
        if at < 0:
            return False
        if SHARE_OPENER in words[:at]:
            return False  # (…，占全县一般公共预算收入139,880万元的70.5%: the share's whole, named as the whole)
        before = blank(words[:at], self.lex.funds)
        before = re.sub(r"^(?:" + "|".join(map(re.escape, self.lex.list_openers)) + ")", "", before.strip(" ：:，,、；;"))
        before = before.strip(" ：:，,、；;")
        # (the whole's scope, 全县, 全部: the whole itself, no narrower thing)
        before = before[len(next((w for w in self.whole_prefixes if before.startswith(w)), "")):]
        return bool(before.strip()) and not names_nothing(before.replace(" ", ""), self.lex)

    def _share_measure(self, rate: Fact) -> str | None:
        """The measure a share's words name its whole in (占项目支出年初预算的: 年初预算), the names of
        things and funds aside (预算 inside 一般公共预算 is none); None where they name none."""
        return self.lex.measures.last(blank(blank(compact(rate.label), self.lex.concepts), self.lex.funds))

    def _restates_in_brackets(self, text: str, end: int, at: int, fact_end: int, before: Fact, fact: Fact) -> bool:
        """`fact` (from `at` to `fact_end`) stands in brackets right after the amount `before` (ending at
        `end`), in another unit, with only restating words between (bracket_restating_words: 合, 折合, 即
        or none)."""
        between = text[end:at].strip()
        return before.unit != fact.unit and between[:1] in ("（", "(") \
            and between[1:].strip() in self.restating_words and CLOSING_BRACKET_RE.match(text, fact_end) is not None

    def _section_fund_of(self, concept: str | None) -> str:
        """The fund the section's title gives a figure of `concept`: none for one of the unit's totals
        (收支总计, 本年支出) in a section about a part of the money (基本支出决算情况说明)."""
        if self.section_part and concept and (concept in self.unit_totals or concept in self.balanced_totals):
            return ""
        return self.section_fund

    def _section_part(self, section: str) -> bool:
        """The section's title names a kind of money that is none of the unit's totals (一般公共预算
        财政拨款基本支出决算情况说明: 基本支出), and no total."""
        named = {self.fund_of.get(c, ("", c))[1] for _, _, c in self.lex.concepts.all(compact(section))}
        return bool(named) and not named & (self.unit_totals | self.balanced_totals)

    def _direction_ends(self, words: str) -> bool:
        """The words end on a direction's word (增加, 减少了): a minus after it signs the change."""
        words = compact(words).rstrip("了")
        return any(end == len(words) for _start, end, _way in self.lex.directions.all(words))

    def _sentence(self, index, s_index, sentence, lead_concept, subject) -> str | None:
        self.base.sentences[(index, s_index)] = sentence.text
        self.sentence_key = (index, s_index)  # (where an unread amount is noted: _text_fact)
        self.other_whole = False  # the sentence's kinds of money are another whole's (see _text_fact)
        text = sentence.plain
        figures = text_figures(self.lex, text)
        if any(m.group("unit") for m in figures):
            outer, subject, named_at, unnamed_from, named, own = self._subjects_of(text, subject)
            if unnamed_from > len(text) and not subject and self.clause_own and s_index \
                    and self.clause_own[0] == (index, s_index - 1):
                # (该项目执行率…，预算执行得分…；绩效指标得分90分；自评总分99.86分: the clauses ； joins
                # to the cue's are about that project too)
                unnamed_from, own = 0, self.clause_own[1]
            self.clause_own = ((index, s_index), own) if unnamed_from <= len(text) and own \
                and text.rstrip().endswith(("；", ";")) else None
            scope = SCOPE_RE.match(text)  # a sentence opening with the year and measure its figures are of
            opened = self._opening_period(text)
            # (its period and measure, read once for the sentence)
            scoped = (self._year_period(scope.group(0)), self.lex.measures.last(self._measure_words(compact(scope.group(2))))) \
                if scope else None
            self.span_in_sentence = self._names_span(text)
        else:
            figures = []  # (numbers with no unit only bound the next figure's words: none comes)
        topic = self._opening_topic(text, figures)
        previous_end, carried = 0, topic or lead_concept
        opening_break = CLAUSE_BREAK_RE.search(text) if topic else None  # (a topic is a first clause's: a break closes it)
        if opening_break is not None and text[opening_break.start()] in "：:" or self._run_in_label(text, figures):
            # (…，其中公务用车运行维护费10.86万元。公务接待费：决算为0.42万元: a sentence opening on a
            # thing's name as a run-in label is about that thing, not about the whole a list before it
            # was of; a clause about the thing, 为保障项目支出，…, names no subject so. A thing the
            # vocabulary does not know so labelled, 会议费：决算为0万元, is none of the concepts before it)
            self.part_carried = False
            carried = topic
        last_money: Fact | None = None
        last_money_end = 0  # (where that amount's figure ends in the sentence)
        list_fund, list_parts = self.open_list  # a fund's total opening a 其中 list: its parts are of that fund
        if list_parts is ANY_PART:
            # (a list of any items under a fund's head goes on only across a ；; one of the parts a
            # fund's total names goes on over paragraphs, 其中：\n人员经费…\n公用经费…)
            self.open_list = ("", set())
        if not list_fund and self.whole_fund and self.lex.list_opener.match(text):
            # “一般公共预算拨款支出预算4,474.78万元，…。其中：基本支出…”: a list opening the next
            # sentence lists the parts of the fund's total the sentence before was about
            list_fund, list_parts = self.whole_fund
        self.whole_fund = None
        # a sentence opening with 其中 lists the parts of the figure before it; a budget's list
        # (全年预算数…，其中基本支出…、项目支出…) is of budget figures: (measure, part names)
        head = self.lex.part_list_head.match(text)
        headed = bool(head) or self.list_goes_on
        if head and not list_fund:
            # “一般公共预算拨款支出中，农林水支出…”: a fund's total heading the list: its items are that fund's
            head_fund = self.fund_of.get(self._concept(compact(head.group("name")), last=True) or "")
            if head_fund:
                list_fund, list_parts = head_fund[0], ANY_PART
        # (a sentence may open on the words leading into the list, 按资金来源划分，其中：…)
        in_list, list_measure = bool(self.lex.list_opener.match(text) or list_lead(text, 0, self.lex)) or headed, None
        head_measure = self.lex.measures.last(self._measure_words(compact(head.group(0)))) if head else None
        if head_measure in BUDGET_MEASURES:
            # “支出预算中，基本支出…、项目支出…”: the parts of a budget are budget (not 一般公共预算支出中:
            # 预算 in a fund's name names no budget)
            list_measure = (head_measure, ANY_PART, CURRENT)
        # (a sentence opening 实际支出中，… lists parts up to its 。: one ending with ； goes on with it)
        self.list_goes_on = False
        list_period = None  # the period of the whole a 其中 list opens under
        if self.open_measure is not None:
            # a budget's list going on after a ； (其中：A…；B…；C预算…): its items are still budget
            in_list, list_measure, self.open_measure = True, self.open_measure, None
        elif in_list and self.whole_measure is not None:
            # “三公经费预算28.60万元，比上年减少0.80万元。其中：公务接待费7.20万元…”: a list opening
            # the next sentence lists the budget the sentence before ended on
            list_measure = self.whole_measure
        self.whole_measure = None
        outer_measure = None  # the measure of the list a nested list opens inside
        outside: Fact | None = None  # the sentence's last amount outside a list
        # the figure whose parts a bracket lists (收入总计X（其中：…其他收入Y），较上年增加Z): after
        # the bracket closes, the words go on about it again, not about the last part
        bracketed = None
        # what closes it: the word closing a 由…组成 clause, or (None) its bracket, counted from
        # `counted_to` on (brackets inside it, 因公出国（境）费, close only themselves)
        closing: re.Pattern | None = None
        depth, counted_to = 0, 0
        # the amount whose parts a bracket or a 由…组成 clause listed, once it closes: a change, a rate
        # or a share right after it is that amount's (its `of`), until another amount comes
        closed_whole: Fact | None = None
        turn_whole: Fact | None = None  # the whole whose parts a 分别为 list gives in turn, while it goes on
        balanced = _balanced(text)  # (see _bracket_depth)
        past_change = False  # the figure before was a change between earlier years
        amounts: list[Fact] = []  # the sentence's amounts so far, and those its rates are of in turn
        counts: list[Fact] = []  # the sentence's counts so far (人, 所), which a share's rates may be of in turn
        respective: list[Fact] = []
        respective_words = ""
        turn_budgets: list[str] = []  # the budgets a 分别 run's completion rates are of in turn (see _budgets_in_turn)
        opening_fund = None  # the fund the sentence's first amount names (see below)
        opening_generic = ""  # the kind of money that amount is, where its concept named the fund
        # the concept of the first amount of the sentence ("" naming none), which a ； does not end
        opening, self.opening = self.opening, None
        after_semicolon = opening is not None  # (the sentence before ended with ；: this one a clause of it)
        held = ""  # the words before a bracketed figure, for the figure after the bracket
        unknown_since = ""  # a figure of a thing the vocabulary does not know came since `carried`
        years_queue: list[str] = []  # “2023年、2024年和2025年…依次为X、Y、Z”: the periods in turn
        year_run: list[tuple[Fact, str]] = []  # the figures that took those years, and each its year
        self.took_year = ""
        respective_names: list[str] = []  # “A和B分别为X和Y”: the names the figures take in turn
        respective_queue: list[str] = []
        self.clause_owner = None  # (concept, words) of the ；-clause's first amount: a bare 执行率 after it is its
        self.turn_period = None  # the period of the figure after a 分别: the list's others share it
        self.turn_share = False  # the figures after 分别 are the shares of the names before 占, in turn
        turn_measure = None  # the measure(s) of the amounts after a 分别 (全年预算数分别为X、Y): see _turn_measure
        last_points: Fact | None = None  # the sentence's last figure in points (a list of them goes on)
        last_period = None  # the period of the sentence's figure before
        last_fact: Fact | None = None  # the sentence's figure before
        last_change: Fact | None = None  # the sentence's amount before, if it is a change
        # what the sentence as a whole says, read only when a figure first asks (most sentences'
        # figures never do; each is a pure reading of the sentence's text): whether it states plans
        # (_states_plans), whether it opens with a kind of money the vocabulary does not know
        # (_unknown_money_topic), and where it first states its full marks (满分100分: the points
        # after it are weights)
        plans: bool | None = None
        unknown_topic: bool | None = None
        full_marks: re.Match | None = NOT_READ
        moving: tuple[int, int] | None = None  # (the figure a change started from, where the figure it reached stands)
        # the unit of a target count opening a 其中 list (年度目标培训1,600人次，其中：农村转移劳动力950人次…):
        # the counts in that unit after it, naming no measure of their own, are targets too
        target_list_unit: str | None = None
        for m in figures:
            figure_at, figure_end = m.span()  # (read many times below)
            unit = m.group("unit") or ""
            doubled = bool(unit) and unit == self.doubling_counter
            if doubled:
                unit = "%"  # (翻了一番: a rise of 100%, as 增长1倍 reads; see below)
            unit = self.unit_aliases.get(unit, unit)  # (3,030名 counts people as 3,030人 does)
            bracket_tail = "" if unit else self._bracketed_change(text, m)
            if bracket_tail:
                unit = bracket_tail.lstrip(")）").strip()  # (增减（5.41）万元: the unit after the bracket)
            if self.lex.not_a_figure_after.match(text[figure_end:figure_end + 9]) or _inside_doc_number(text, figure_at):
                continue  # a year, a date, a span of months, a document number: words of the next figure's phrase
            if unit and unit not in MONEY_UNITS and unit not in MEASURED_UNITS and self.sum_words.match(text, figure_end):
                continue  # (三项共计1,043.18万元: the count of the items a sum adds, words of the sum's phrase)
            if figure_at and text[figure_at - 1] in "lIOo" and figure_at > 1 and text[figure_at - 2].isdigit():
                continue  # the tail of a number with a letter in it (29,8l6.30万元: PAT001 reports it)
            if not unit and figure_at and text[figure_at - 1] in "（(" and text[figure_end:figure_end + 1] in ("）", ")"):
                continue  # a code alone in brackets (殡葬（2081004）支出…): words of the next figure's phrase
            multiple = "" if unit else self._rise_multiple(text, m, previous_end)
            if multiple:
                unit = "%"  # (增长1.5倍: a rise of 150%, read at the multiple's own precision)
            if not unit:
                if m.group("num").strip("0.") or not self.lex.zero_statement.search(text, 0, figure_end):
                    # (a bare 0 stating a thing spent nothing, 因公出国（境）费支出为0, stays in
                    # the words of the next figure: a change after it is that thing's; an item's
                    # number, 1.电工技能培训：…, bounds them past its mark)
                    token = ITEM_TOKEN_RE.match(text) if not figure_at or text[:figure_at].isspace() else None
                    previous_end = max(previous_end, token.end() if token and token.end() > figure_end else figure_end)
                continue
            money = unit in MONEY_UNITS  # (the unit is read: the fact is an amount, or not)
            value = figure_value(m.group("num")) if m.group("num") or not doubled else ONE_DOUBLING  # (翻番)
            if value is None:
                continue
            if multiple:
                value *= 100
            if doubled:
                value = (2 ** int(value) - 1) * 100  # (N doublings: 2^N times the base, a rise of 2^N − 1 times it)
            # a minus right before a rate, not a range's dash (5%-8%): a change rate's fall (增长-8.5%,
            # see below). Before an amount it may as well be a dash setting it apart (基本支出-520.00万元,
            # 500元-800元): its phrase keeps it, and names no concept of the amount's
            signed = unit == "%" and figure_at > 0 and text[figure_at - 1] in "-－−" \
                and not (figure_at > 1 and text[figure_at - 2].isdigit())
            # (…or an amount's change said with a minus right after its word, 增加-16.15万元: a fall)
            signed = signed or money and figure_at > 1 and text[figure_at - 1] in "-－−" \
                and self._direction_ends(text[max(0, figure_at - PHRASE_LIMIT):figure_at - 1])
            negative = money and self._negative_amount(text, figure_at)
            if negative:
                value = -value  # (年初结转和结余-12.30万元: a balance below zero)
            if bracketed is not None and closing is None:
                depth, counted_to = _bracket_depth(text, counted_to, figure_at, depth, balanced), figure_at
            if bracketed is not None and (closing.search(text, previous_end, figure_at) if closing else depth <= 0):
                # (an item's bracketed parts closed, the list it is an item of goes on)
                carried, last_money, in_list, list_measure, list_fund, list_parts = bracketed
                unknown_since, bracketed = "", None
                closed_whole = last_money  # (the figure the words after the close go on about)
            start = phrase_start(text, figure_at, previous_end)
            # (a rate's sign is the rate's, not a word of its phrase: 同比增长-8.5%)
            phrase = compact(text[start:figure_at])
            phrase = phrase.rstrip("-－−+＋") if unit == "%" else phrase.rstrip("-－−+＋负") if negative or signed else phrase
            if bracket_tail:
                phrase = phrase.rstrip("（(") + "-"  # (the bracket read as the minus it stands for)
            if doubled:
                phrase += self.doubling_reads_as  # (比上年翻了一番 reads as 比上年增长1倍)
            if held and phrase[:1] in "）)":
                # “预算执行（10分）得分9.50分”, “项目支出（含结转10.00万元）200.00万元”: the words
                # before the bracketed figure name this one too
                phrase = held + phrase[1:]
            held = compact(text[start:figure_at - 1]) if figure_at and text[figure_at - 1] in "（(" \
                and not bracket_tail else ""
            wide = compact(text[max(previous_end, figure_at - PHRASE_LIMIT):start])
            self.figure_at = figure_at  # (where the figure read now stands in its sentence: _rate_row_named)
            own_clause = CLAUSE_BREAK_RE.split(wide)[-1] + phrase  # (the figure's clause up to it, a name cut by 、 too)
            here = next((name for at, name in reversed(named) if at < figure_at), None)
            if here == "":
                here = UNNAMED  # (after projects listed together: theirs all, no one's)
            own_phrase = phrase  # (a rate in a 分别 list reads the list's words, and takes its name in turn)
            in_turn_words = unit == "%" and not respective and self.respectively.search(phrase)
            if unit == "%" and not respective and (in_turn_words or self.lex.rate_measures.last(phrase) == "占比"):
                # “基本支出…、项目支出…，分别占75.86%和24.14%”: the rates in the amounts' order,
                # each in the words before the first; a share's rates joined with no 分别 (占比重为
                # 60%、30%和10%) too, and the counts listed right before them (分别为12人和8人，分别占…)
                listed = self._listed_before(amounts, counts)
                counted = counts[-1] if counts and not amounts and counts[-1].unit in self.item_units else None
                if not amounts and (counted or self.counted_items.match(phrase)):
                    # (…：A82.40万元、B215.60万元、C31.50万元，合计329.50万元。三项占…依次为…: the
                    # items the sentence before listed, its sum aside, as many as the count says)
                    items = self._items_before(index, s_index)
                    listed = items if counted is None or counted.value == len(items) else listed
                respective = self._in_names_order(
                    phrase, self._respective(text, figure_at, listed, joined_only=not in_turn_words), listed,
                    clause_before(text, figure_at))
                respective_words = phrase
                turn_budgets = _budgets_in_turn(self.lex, phrase)
            elif unit == "%" and respective:
                phrase = respective_words
            elif turn_budgets and CLAUSE_BREAK_RE.search(text, previous_end, figure_at):
                turn_budgets = []  # (the run's rates done: a rate of a later clause takes no budget of it)
            in_turn = respective.pop(0) if unit == "%" and respective else None
            # (a count a share is of in turn owns no concept of the share's: only its `of`, below)
            owner = in_turn if in_turn is not None and in_turn.is_money else last_money
            if CLAUSE_END_RE.search(text, previous_end, figure_at):
                self.clause_owner = None
            if after_semicolon and not previous_end and start:
                # (…减少0.70万元；公务用车购置费2025年未安排预算，2024年为28.00万元: a ；-clause opening on
                # a thing's name and no figure of it goes on about that thing, the last it names)
                found = self.lex.concepts.all(compact(text[:start]))
                if found and found[0][0] == 0:
                    carried, unknown_since = found[-1][2], ""
            fact = self._text_fact(phrase, m, value, unit, None if unknown_since == "all" else carried,
                                   None if unknown_since else carried, owner,
                                   here or (own if figure_at > unnamed_from else subject if figure_at > named_at else outer), wide)
            if turn_budgets and unit == "%":
                # (分别完成年初预算和调整预算的109.82%和96.15%: the rates take the budgets in turn, each
                # rate of the run its own, whatever the first is read as)
                budget = turn_budgets.pop(0)
                if fact.get("measure") == "完成率" and fact.get("base") in BUDGET_MEASURES:
                    fact["base"] = budget
            sibling = self._sibling_opening(fact.get("concept"), phrase, text[:figure_at]) if money else None
            if sibling is not None:
                fact["concept"] = sibling  # (建筑施工企业受…影响，利润收入812万元: that row's)
            named_fund = fact.get("fund")  # the fund the figure's own words name (not one it is given below)
            if unit == "分" and self.other_evaluation and fact.get("concept") in self.whole_scores \
                    and any(w in text[:figure_at] for w in self.other_evaluation):
                fact["concept"] = None  # (a self-evaluation citing 经第三方机构评价，评价得分88.00分: not its own score)
            if money and fact.get("concept") and self._per_one_before(text, figure_at):
                fact["concept"] = None  # (每接待1人次的免费开放补助支出约2.48元: per visit, no total)
            if self._in_later(index, wide + phrase):
                fact["period"] = LATER  # (上年结转 of a plan's year included: its words are the plan's)
            elif fact.get("measure") in ("变动额", "变动率") and last_money is not None and (
                    last_money.period == LATER or _later_over_own_year(amounts)):
                # “2025年“三公”经费预算135.00万元，较2024年预算减少47.00万元，下降25.82%”: the change
                # of the later year's amount it follows, no change of the report year's
                fact["period"] = LATER
            if scope is not None and scope.end() <= figure_at and money and not YEAR_RE.search(phrase):
                # “2025年预算中，基本支出986.30万元、项目支出276.50万元”: the scope's year and measure
                fact["period"], measure = scoped
                if measure and fact.get("implicit"):
                    fact["measure"], fact["implicit"] = measure, False
            if opened is not None and fact.get("period") == CURRENT and not YEAR_RE.search(text, opened[1], figure_at):
                # “2022年，本局支出合计2,945.12万元”: the year opening the sentence is its figures', as
                # 2022年本局支出… is, until another year is named (本年 inside a line's name, 本年支出合计,
                # names none)
                fact["period"] = opened[0]
            if money and fact.get("period") == CURRENT and last_money is not None \
                    and last_money.period != CURRENT and not last_money.sign and last_money.measure != "变动额" \
                    and (text[previous_end:start].strip() == "、" or self._part_opens(text[previous_end:start] + phrase)) \
                    and not self._names_period(phrase) \
                    and self._period_opens(self._clause_to(text, last_money.at)) \
                    and not any(w in last_money.label for w in self.carried_money_words):
                # “上年人员经费2,121.35万元、公用经费398.27万元”: the year opening a list joined by 、
                # is every item's (a period the item names itself, 、本年…, is its own; one inside the
                # first item's name, 本年支付2023年度工程尾款…、设备购置费…, that item's only); so is
                # the year of a whole its 其中 part follows (2024年收入预计完成…，其中税收收入…)
                fact["period"] = last_money.period
            if unit == "分" and fact.get("concept") in self.money:
                # points are no amount of money: the thing scored is the last named that is none
                # (部门整体支出绩效评价得分为85.60分 is the evaluation's score)
                scored = [c for _s, _e, c in self.lex.concepts.all(compact(phrase)) if c not in self.money]
                fact["concept"] = scored[-1] if scored else None
            if money and text[figure_end:figure_end + 1] in ("/", "／") and fact.get("implicit"):
                fact["measure"] = "实际值"  # (110元/亩: a price, no amount spent)
            if fact.get("concept") in self.unit_totals and money:
                if unknown_topic is None:
                    unknown_topic = self._unknown_money_topic(text)
                if unknown_topic or self._topic_clause_before(text, figure_at):
                    fact["concept"] = None  # (辅警经费…，全年支出648.00万元: that money's, no unit total)
            difference = self._difference(phrase, last_money) if money and last_money is not None else 0
            if difference:
                # “比全年预算1,094.50万元少15.85万元”: the difference from the base just stated;
                # “全年预算数2,586.40万元，比年初预算多186.40万元”: from the budget the words name
                fact.update(measure="变动额", sign=difference, implicit=False,
                            concept=fact.get("concept") or last_money.concept, period=CURRENT)
            moved = self._after_from(phrase) and self.from_to_after.match(text, figure_end)
            if moved:
                if fact.get("measure") in BUDGET_MEASURES and any(
                        w in phrase[-FROM_QUALIFIER_CHARS - 2:] for w in self.year_start_words):
                    # “全年预算由年初的60.00万元调减至48.50万元”: the budget the year began with
                    fact.update(measure="年初预算", implicit=False)
                elif self._year_period(phrase) not in (OLDER, LATER):
                    fact["period"] = PRIOR  # “就餐人次由2,160人次减少到…”: where it started, not where it is
                # (“由2022年的3.27亿元增加到…”: a start its words date keeps its own year)
            # (a sentence opening on its plan may go on to the outcome in the figure's own words:
            # 全年计划救助85人，实际救助88人)
            if not money and fact.get("measure") == "实际值" and not fact.get("comparator"):
                if plans is None:
                    plans = self._states_plans(text, sentence.loc.section)
                outcome = plans and bool(self.says_run_in_outcome.search(compact(own_phrase)))
                if (plans and not outcome) or self._under_plan_label(text, figure_at) \
                        or self._planned_since(text, figure_at) or self._after_report_year(wide + phrase) \
                        or (unit == target_list_unit and fact.get("implicit")
                            and not self.says_outcome.search(compact(own_phrase))):
                    fact["measure"] = "目标值"
            # (names listed first take the figures after 分别 in turn, before the list's fund and measure)
            years_queue = self._years_in_turn(own_phrase, wide, fact, years_queue, (text, start))
            respective_names, respective_queue = self._names_in_turn(own_phrase, wide, fact,
                                                                     respective_names, respective_queue)
            if not money and unit not in ("%", "‰", "分"):
                counted = NOUN_AFTER_RE.match(text, figure_end).group()
                if fact.get("concept") is None and not self._part_of_year(self._clause_to(text, figure_at)):
                    fact["concept"] = self._indicator_like(phrase, unit, counted)
                elif counted and text[:start].rstrip().endswith("、") and phrase == fact["concept"]:
                    # (涉及城关镇、…、白水乡5个乡镇: a count after a list of names counts the list, what
                    # the noun after it names, not the last name's thing)
                    fact["concept"] = None
            minus = signed and fact.get("measure") in ("变动率", "变动额")  # (printed with the figure)
            if minus:
                # “增长-4.71%” is a fall of 4.71%; “下降-10%” is a fall said twice or a rise (PAT004
                # tells the wording): its size only
                fact["sign"] = -fact["sign"] if fact.get("sign", 0) > 0 else -1 if not fact.get("sign") else 0
            if unit == "分" and full_marks is NOT_READ:
                full_marks = self._full_marks_in(text)
            if unit == "分" and full_marks is not None and full_marks.start() <= figure_at < full_marks.end():
                # (the full marks themselves, 满分100分 or a system's 总分100分: the points all are out of)
                fact.update(concept=None, measure="分值", implicit=False)
            if unit == "分" and full_marks is not None and full_marks.end() <= figure_at and fact.get("measure") == "得分" \
                    and (not fact.get("implicit") or fact.get("concept") in self.score_totals.values()):
                full_marks = None  # (满分100分，自评得分97.50分，其中：…: after a score, its parts' scores)
            if unit == "分" and fact.get("implicit") and not fact.get("comparator") and (
                    (figure_at and text[figure_at - 1] in "（(" and text[figure_end:figure_end + 1] in "）)")
                    or (full_marks is not None and full_marks.end() <= figure_at and not self._says_scored(phrase))):
                # “产出指标（30分）”, “满分100分，其中：决策15分、过程25分”: the points a part is out
                # of, in brackets after its name or listed under the full marks
                fact["measure"], fact["implicit"] = "分值", False
            if unit == "分" and not fact.get("comparator") and (
                    compact(own_phrase).rstrip("了").endswith(self.deduction_words)
                    or (fact.get("implicit") and last_points is not None and last_points.measure == DEDUCTED
                        and _listed_after(text[last_points.at + len(last_points.text):figure_at], self.lex.list_openers))):
                # “预算执行率扣0.40分”, “共扣11.40分，其中决策2.50分、过程2.40分”: points taken off, and
                # the parts listed under them; no score, no weight
                fact["measure"], fact["implicit"] = DEDUCTED, False
            if unit == "分" and fact.get("implicit") and last_points is not None and not last_points.implicit \
                    and not own_phrase.strip("、和及与 ") and not CLAUSE_BREAK_RE.search(text, previous_end, figure_at):
                # “分值分别为10分、20分、40分”: a list goes on in its first figure's measure
                fact["measure"], fact["implicit"] = last_points.measure, False
            if money:
                turn_measure = self._turn_measure(fact, own_phrase, turn_measure, wide)
            if money and fact.get("implicit") and last_change is not None \
                    and not own_phrase.strip("、和及与 ") and not CLAUSE_BREAK_RE.search(text, previous_end, figure_at):
                # “比上年预算数、上年执行数分别减少10.00万元、5.00万元”: a list of changes goes on
                # in its first figure's measure and direction (no value of the last measure named)
                fact.update(measure="变动额", sign=last_change.sign, period=last_change.period, implicit=False)
            if unit == "分" and fact.get("measure") == "分值" and self.weight_deducted.search(CLAUSE_BREAK_RE.split(own_phrase)[-1]):
                fact["measure"], fact["implicit"] = DEDUCTED, False  # (扣一半分值即5分: points off, no weight)
            if unit == "分" and fact.get("implicit") and self.scored_after.match(text, figure_end) \
                    and not phrase.rstrip("，,：: ").endswith((*self.deduction_words, *self.bonus_words)) \
                    and not CLAUSE_BREAK_RE.split(phrase)[-1].lstrip("，,；; ").startswith(self.deduction_words):
                # “产出指标40分，得38.50分”, “产出指标（50分）得分46分”: the points a part is out of,
                # before the points it scored (not the points off, 扣分四舍五入取整为2分，得8分)
                fact["measure"], fact["implicit"] = "分值", False
            if list_fund and not fact.get("fund") and (list_parts is ANY_PART or fact.get("concept") in list_parts
                                                       or (money and self._classified(fact.get("concept")))):
                # (or an item named as a classification's row, no concept of the vocabulary's: 一般公共预算
                # 财政拨款支出…，其中：一般公共服务支出…，卫生健康支出… are that fund's classes)
                fact["fund"] = list_fund
            elif list_fund and money and named_fund not in (None, "", list_fund):
                # a part naming a fund of its own (其中：一般公共预算财政拨款本年收入…、本年支出…；政府性
                # 基金预算财政拨款本年收入…): the parts after it are that fund's, up to the next named
                list_fund = fact["fund"]
            if in_list and list_period not in (None, CURRENT) and fact.get("period") == CURRENT \
                    and money and not YEAR_RE.search(phrase) and not self.lex.prior.search(phrase):
                fact["period"] = list_period
            listed = bool(list_measure) and fact.get("implicit") \
                and (list_measure[1] is ANY_PART or fact.get("concept") in list_measure[1])
            if listed:
                fact["measure"], fact["implicit"] = list_measure[0], False
                if not YEAR_RE.search(phrase) and not self.lex.prior.search(phrase):
                    # 2024年“三公”经费预算…，其中：公务接待费…: 2024's too (not 与上年3.50万元)
                    fact["period"] = list_measure[2]
            elif fact.get("implicit") and last_money is not None and last_money.measure in self.addend_onto \
                    and not in_list and self.addend.match(phrase):
                # 年初预算600.00万元，加上年结转资金40.00万元: an amount added to a budget is budget,
                # a part of the full-year one it makes
                fact["measure"], fact["implicit"] = "全年预算", False
            if opening_fund is None and money:
                # (a fund's own concept opening the sentence, 政府性基金预算财政拨款收入…，当年支出…,
                # names the fund of the amounts after it as a fund named apart does)
                own_fund, opening_generic = self.fund_of.get(fact.get("concept") or "", ("", ""))
                opening_fund = fact.get("fund") or own_fund or self._section_fund_of(fact.get("concept")) or ""
                if fact.get("fund") or not own_fund:
                    opening_generic = ""
            elif opening_fund and money and named_fund:
                # a fund named again takes the amounts after it (财政拨款收、支总计…。其中：一般公共
                # 预算财政拨款本年收入…、本年支出…；政府性基金预算财政拨款本年收入…、本年支出…)
                opening_fund = named_fund
            elif opening_fund and money and not (opening_generic and (
                    fact.get("concept") == opening_generic or self.sum_words.search(phrase))):
                # (after a fund's own concept, the same kind of money named bare or as a 合计,
                # 一般公共预算财政拨款支出800.00万元，本年支出合计1,000.00万元, is the unit's)
                self._opening_fund(fact, opening_fund, phrase)
            if not fact.get("fund") and (money or fact.get("measure") == "占比"):
                fact["fund"] = self._section_fund_of(fact.get("concept"))  # (a share in a fund's section is within that fund)
            if money and in_list and fact.get("concept") is not None and fact.get("concept") == self.whole \
                    and fact.get("measure") != "变动额" and self._narrowed_name(own_phrase, fact["concept"]):
                # (基金支出58,429.32万元，其中统筹基金支出41,526.30万元: an item of the list named as the
                # whole narrowed by a word before it is a part of it, no statement of the whole)
                fact["concept"] = None
            if money and fact.get("concept") is None and fact.get("measure") != "变动额":
                self._sum_of_listed(fact, phrase, amounts)
            self._settle(fact, text, figure_at, amounts)
            if last_period == LATER and fact.get("period") == CURRENT and not YEAR_RE.search(wide + phrase) \
                    and not self.lex.current.search(wide + phrase) and not CLAUSE_END_RE.search(text, previous_end, figure_at):
                if plans is None:
                    plans = self._states_plans(text, sentence.loc.section)
                if plans:
                    # (2025年计划新建管网50公里，完成投资3.00亿元: the later year a plan's sentence names
                    # goes on through its clause; 完成2025年度项目储备12个，全年完成… states no plan)
                    fact["period"] = LATER
            if last_fact is not None and last_fact.period in (PRIOR, OLDER) and fact.get("period") == CURRENT \
                    and fact.get("measure") != "变动额" and text[previous_end:figure_at].strip() in self.joins \
                    and _alike_figures(last_fact, unit, money) and not self._names_period(phrase) \
                    and self.lex.comparison.search(compact(self._clause_to(text, last_fact.at))):
                # (分别比上年8.12亿元和6.44亿元增长…; 比上年的60批次、512人次分别减少…: the figures joined
                # to a base of a comparison, alike and naming no period of their own, are bases too)
                fact["period"] = last_fact.period
            if last_fact is not None and unit == "%" and last_fact.unit == "%" and last_fact.measure == "变动率" \
                    and last_fact.sign and fact.get("measure") == "实际值" and not fact.get("sign") \
                    and text[previous_end:figure_at].strip() in self.joins:
                # (分别比上年增长4.2%和7.8%: a rate joined to a rise and naming nothing is a rise too)
                fact.update(measure=last_fact.measure, sign=last_fact.sign, implicit=False)
            joined = text[previous_end:figure_at].lstrip()[:1]
            if last_period in (PRIOR, OLDER) and money and fact.get("period") == CURRENT and last_money is not None \
                    and not year_run and fact.get("measure") != "变动额" and (joined == "、" or (
                        joined in ("，", ",") and all(a.period == last_period for a in amounts))) \
                    and (YEAR_RE.match(compact(text)) or self.lex.prior.match(compact(text))) \
                    and not YEAR_RE.search(own_clause) and not self.lex.current.search(own_clause):
                # (2022年度一般公共服务支出1,102.30万元、教育支出92.40万元…; 上年度财政拨款收入2,760.00万元，占比
                # 57.50%，事业收入1,800.00万元: the items a 、 joins to a figure of an earlier year, or a ，
                # in a sentence of that year's figures only, in a sentence that year opens, are of that year
                # too; not 本年度支出中，2023年结转项目支出…、设备购置费…, the year a word of the first item's name;
                # nor one whose own clause names its year before a name cut by 、, 2025年度收入、支出总计为…)
                fact["period"] = last_period
            if last_period in (PRIOR, OLDER) and (fact.get("measure") == "占比" or fact.get("concept") == "预算执行率"
                                                   and _budget_and_outturn(amounts)) \
                    and fact.get("period") == CURRENT and all(a.period == last_period for a in amounts) \
                    and not YEAR_RE.search(own_phrase) and not self.lex.current.search(own_phrase):
                # (上年事业收入300.00万元，占比14.29%; 上年财政拨款收入占比为35.70%，事业收入占比为63.38%: a share
                # right after a figure of an earlier year, in a sentence of that year's amounts only, naming
                # no year of its own, is of that year; not 其中税收收入61.05亿元，上年58.10亿元，占比70.6%;
                # so is an execution rate after that year's budget and outturn, 上年预算…，执行…，预算执行率…)
                fact["period"] = last_period
            if self.item_subject and not fact.get("subject") and fact.get("concept") not in (None, self.lead):
                fact["subject"] = self.item_subject
            if in_turn is not None and fact.get("measure") == "占比":
                fact["of"] = in_turn.id  # (its concept may be none the vocabulary knows)
            elif closed_whole is not None and (money if fact.get("measure") == "变动额" else unit == "%"
                                               and fact.get("measure") in ("占比", "变动率")):
                if fact.get("concept") in (None, closed_whole.concept) and not self._names_own_thing(own_phrase):
                    fact["of"] = closed_whole.id  # (…组成，比上年增加20.00万元，增长5.00%: the 420.00's)
                else:
                    closed_whole = None  # (…，项目支出比上年增长5.00%: a thing of its own named, the run ends)
            elif money and fact.get("measure") != "变动额":
                # (三项重点支出合计1.26亿元，分别为A、B、C，占全年实际支出的69.6%: amounts given in turn
                # right after a whole, naming nothing but 分别, are its parts; a share after them is the whole's)
                if self._in_turn_opening(own_phrase) and last_money is not None and fact.get("concept") is None:
                    turn_whole = last_money
                elif turn_whole is not None and compact(own_phrase).strip("，, " + "".join(self.joins)):
                    turn_whole = None
                closed_whole = turn_whole
            fact["comparator"] = _bound_of(text, m)
            after = self.lex.approximate_after.match(text, m.end())
            # (a one-character word run into the words after it is theirs: 1,000万元多用于… is 多用于)
            if after and not (len(after.group(after.lastgroup)) == 1 and HAN_RE.match(text, after.end())):
                fact["hedge"] = after.group(after.lastgroup)  # (2,900万元左右: round, either side)
            if not fact["comparator"] and self.other_basis and self.other_basis.search(text, 0, figure_at):
                fact["comparator"] = OTHER_BASIS
            if not fact["comparator"] and _in_formula(text, figure_at, figure_end):
                fact["comparator"] = "算式"  # (得分=（执行率-60%）÷（100%-60%）×分值: a rule's constant)
            if not fact["comparator"] and unit != "分" and self._of_span(text, figure_at) and not self.took_year:
                # (see concepts.yaml multi_year_span; a figure taking one of the span's years in turn,
                # 近三年…分别为X、Y、Z, is that year's; a score is no sum over the years: an evaluation
                # of 2022—2024年度 scores the span once, its grade by its own bands)
                fact["comparator"] = SPAN
            span_sum = fact["comparator"] in ("", SPAN) and not self.took_year and not years_queue \
                and self._sums_run(year_run, unit, own_phrase)
            if span_sum:
                fact["comparator"] = SPAN  # (…分别为X、Y、Z，三年合计W: the years' sum, no year's figure)
            if not fact["comparator"] and fact.get("measure") in ("变动额", "变动率") and (
                    self._between_past_years(wide + phrase)
                    or (fact["measure"] == "变动率" and past_change and not YEAR_RE.search(phrase))):
                # “2023年项目支出比2022年减少223.45万元，下降9.27%”, “较2022年下降25.06%”: a change
                # between earlier years, or on a year before last (and its rate), is no change of
                # this year on last
                fact["comparator"] = "往年"
            past_change = fact["comparator"] == "往年" and fact.get("measure") == "变动额"
            if not fact["comparator"] and self._given_as_example(text, figure_at):
                # (填报说明：…，如：某单位财政拨款收入800.00万元…: a figure given as an example, no
                # statement of the unit's; it is compared with nothing)
                fact["comparator"] = "例"
            if not fact["comparator"] and self.undone_after and (self.undone_after.match(text, figure_end) or (
                    not money and self._undone_in_clause(text, figure_end))):
                # “新增消防车辆2辆尚未交付”: the number intended, not done (the table's 实际 0 辆 is);
                # a count's clause may name the things first (3家VOCs治理企业因停产未实施治理)
                fact["comparator"] = "未"
            if fact.get("concept") in self.column_total_of and any(w in text[:figure_at] for w in self.other_whole_words) \
                    and self._part_states_total(text, fact["concept"], unit, value):
                # (全县耕地面积合计128,600亩，其中…申报补贴的面积为98,400亩 beside a table totalling
                # 98,400: the whole area's figure, the table totals a part of it)
                fact["concept"] = None
            if fact.get("concept") and not money and fact["concept"] not in self.lex.concepts.canonical \
                    and self.state_after.match(text, figure_end):
                fact["concept"] = None  # (重点研发计划32项已结题验收: the row's things in a state, some of them)
            if fact.get("concept") and unit in self.whole_units and "." in m.group("num"):
                # (…；2.5项自然科学基金项目…: a count of whole things with a decimal point is a list's
                # item 2 run into its count of 5, no figure of 2.5 things)
                fact["concept"] = None
            if fact.get("concept") and unit not in MEASURED_UNITS \
                    and self._flow_of_row(text, m, fact["concept"], money):
                # “其他用车2辆经评估后公开拍卖处置”, “新增应急保障用车1辆”: things that moved during the
                # year, not how many the row's year-end column holds
                fact["concept"] = None
            if not fact["comparator"] and self.condition_after.match(text, figure_end):
                # “执行率达到100%的得10分”: the condition of a scoring rule, no figure stated
                fact["comparator"] = "若"
            if not fact["comparator"] and phrase.strip("，,；;、：: ").rstrip("的") in self.comparison_words:
                # “执行率94.73%，较100%低5.27个百分点”: the figure compared with, named by nothing
                # but the comparing word, states no value of the thing (a bound's way: in no index)
                fact["comparator"] = "较"
            end = figure_end + len(multiple) + len(bracket_tail)
            if moving is not None and moving[1] == figure_at:
                # (the figure a change reached: where it started, read just before; of the thing the
                # start names where its own words name none, 由6.20万元降至5.10万元; the level reached,
                # no change, 增加为2.60万元)
                fact["start"] = moving[0]
                started = self.base.facts[moving[0]]
                if not fact.get("concept"):
                    fact["concept"] = started.concept
                if fact.get("measure") == "变动额":
                    fact.update(measure=started.measure, sign=0, period=CURRENT)
            fact = Fact(id=len(self.base.facts), value=value, unit=unit,
                        places=DOUBLING_PLACES if doubled else decimal_places(m.group("num")) - (2 if multiple else 0),  # (1.5倍 is 150% ± 5%)
                        text=sentence.text[figure_at - bool(minus or negative or bracket_tail):end].strip(),  # (-4.71%, as printed)
                        quote=sentence.text[start:end].strip().lstrip("，,；;、：:（( "), loc=sentence.loc, source="text",
                        label=phrase, block=index, sentence=s_index, at=figure_at, **fact)
            self.base.add(fact)
            if fact.measure == "占比" and fact.base and last_money is not None and last_money.concept == fact.base \
                    and last_money.fund == fact.fund and fact.value < 100 \
                    and (last_money.block, last_money.sentence) == (fact.block, fact.sentence) \
                    and "占" in text[last_money.at + len(last_money.text):figure_at] \
                    and self._share_measure(fact) in (None, last_money.measure):
                # (涉及一般公共预算项目支出109.12万元，占一般公共预算项目支出总额的77.07%: a part of the
                # thing it names, as its share below 100% of that thing's whole says, in the same measure
                # (not 项目支出决算…，占项目支出年初预算的77.07%); no statement of the whole. Not the whole
                # stated inside the share's own words: 占本年支出合计2,500.00万元的76.00%)
                self.base.unname(last_money)
            # (a figure where a change started: the figure right after its way and 至 / 为 is where it went)
            moving = (fact.id, moved.end() - 1) if moved else None
            if listed:
                self.base.list_parts.add(fact.id)
            year_run = self._year_run(year_run, fact, span_sum)
            last_period, last_fact = fact.period, fact
            if unit == "分":
                last_points = fact
            if opening is None and money:
                opening = fact.concept or ""
            if fact.measure == "追加预算" and money and opening not in (None, fact.concept):
                # “年初预算800.00万元…；年中追加上级转移支付50.00万元，全年预算数850.00万元”: the budget
                # after a part's addition is the whole's the sentence opened with, not that part's
                carried = opening or None
            elif fact.concept and fact.measure not in ("占比", "变动率", "完成率", "执行率") \
                    and not (money and amounts and self.lex.comparison.match(phrase.lstrip("，,；;、：: "))
                             and self.lex.concepts.all(compact(phrase))):
                carried, self.carried_unit, unknown_since = fact.concept, fact.unit, ""
            # (a base compared with after the subject's amount, 年终结余12,640万元，比上年结转结余9,870万元
            # 增加2,770万元, names no subject: the change after it is the subject's, named before 比; a
            # sentence opening on the base, 比上年政府采购预算368.55万元增加44.31万元, names its subject there)
            elif fact.concept and fact.measure in ("占比", "变动率") and fact.concept != carried \
                    and {c for _s, _e, c in self.lex.concepts.all(compact(own_phrase))} == {fact.concept}:
                # (项目支出占37.80%，较上年下降60.00万元: a share's clause naming its thing names what the
                # clause after it goes on about, and so does a growth rate's, 基本支出比上年增长6.5%，上年
                # 为701.20万元; not one naming several, 基本支出和项目支出分别占…: the figures after it are
                # none of theirs)
                carried, unknown_since = fact.concept, ""
            elif fact.concept is None and not fact.comparator and money and fact.measure != "变动额" \
                    and self.sum_words.search(compact(phrase)):
                # (…；省级资金1,000.00万元，支出950.00万元；合计4,000.00万元，支出3,800.00万元: a sum closing
                # a list; the figures after it naming nothing are the sum's, none of the last item's)
                unknown_since = "all"
            elif fact.concept is None and not fact.comparator and money and self.part_carried \
                    and not self.whole and fact.measure != "变动额":
                # after a list's sentence an amount naming only its measure (与上年实际支出…) is the
                # whole's, which has no name here: a change after it is not the last part's
                unknown_since = "all"
            elif fact.concept is None and not fact.comparator and money and carried \
                    and self._other_kind(phrase, carried):
                # “…其中保险费收入21,345.67万元。支出22,178.04万元，为预算的94.4%”: an amount naming only
                # the other kind of money (支出 after a 收入) is no longer the concept named before; the
                # rates after it are its own, not that concept's
                unknown_since = "all"
            elif fact.concept is None and not fact.comparator \
                    and (not names_nothing(blank(phrase, self.lex.concepts), self.lex) or self.scores_category(phrase, unit)):
                # a figure of a thing the vocabulary does not know (产出指标权重50分; 新增办公楼维修
                # 150.00万元): the figures after it that name nothing (得分47分; 较上年增加150.00万元)
                # are that thing's, not the concept named before it. An item of a list (差旅费15.00
                # 万元、…等) leaves a change or a rate after the list to the total (…等，比上年减少3.00万元)
                unknown_since = "plain" if text[figure_end:figure_end + 1] in LIST_ITEM_ENDS else "all"
            if money and self.clause_owner is None:
                self.clause_owner = (fact.concept, phrase)  # (its words read only if a bare 执行率 asks)
            if money:
                last_change = fact if fact.measure == "变动额" else None
            if not money and fact.unit not in NOT_COUNT_UNITS and fact.measure != "变动额" and not fact.comparator:
                counts.append(fact)
                if fact.measure == "目标值" and not fact.implicit and self.lex.list_opener.match(text, figure_end):
                    target_list_unit = fact.unit
            if money and last_money is not None and self._restates_in_brackets(text, last_money_end, figure_at, figure_end, last_money, fact):
                # (本年收入1,234.57万元（合0.12亿元），比上年…增加…: the bracket's amount is the one
                # before it again, in another unit; the change after it is that amount's, and no
                # other relation takes the rounder figure for it)
                self.base.set_apart(fact, last_money)
            elif money and fact.measure != "变动额":
                last_money, last_money_end = fact, figure_end
                amounts.append(fact)
                if not in_list and fact.period == CURRENT and not self.lex.comparison.search(phrase) \
                        and not _in_brackets(text, figure_at) and share_whole_named(phrase) is None:
                    # (a base compared with, 比2024年预算14.20万元, is no whole listed next; nor is a
                    # note in brackets, …完成预算的85.60%（预算数10.00万元）。其中：…, nor a share's
                    # base, …，占本年支出合计3,000.00万元的80.00%。其中：…)
                    outside = fact
                added = not in_list and self.addend.match(phrase) is not None
                if not in_list and not added:
                    self.whole = fact.concept
                self.part_carried = added
                # (or the words leading into the list, its opener after them: ，按资金来源划分，其中：…)
                opener = self.lex.list_opener.match(text, figure_end) or list_lead(text, figure_end, self.lex)
                # a budget's parts in brackets with no 其中 (全年预算数2,354.80万元（基本支出…、项目支出…）)
                # are budget parts all the same
                opens = opener is not None or (fact.measure in BUDGET_MEASURES and not fact.implicit
                                               and self._bracketed_parts(text, figure_end))
                composed = self.lex.composition_open.match(text, figure_end)
                # (a bracket inside the parts, 国内接待1.80万元（含外事接待…）, or inside a 由…组成 clause,
                # is a note of the part's: the whole's list goes on to its own close)
                if bracketed is None and (composed or OPENING_BRACKET_RE.match(text, figure_end)):
                    # （其中：…）, or its parts listed in brackets, or between 由 and 组成 (…14.00万元，
                    # 由上年结转2.00万元和当年财政拨款12.00万元组成，比上年增加1.00万元: the 14.00's change)
                    # (a fund one of the parts names is theirs: 财政拨款收入…（其中一般公共预算拨款…），
                    # 事业收入… is no fund's part)
                    bracketed = (fact.concept, fact, in_list, list_measure, list_fund, list_parts)
                    closing = self.lex.composition_close if composed else None
                    depth, counted_to = 0, figure_end
                if opens:
                    in_list = True
                    if fact.measure in (*BUDGET_MEASURES, FORECAST, "目标值") and not fact.implicit \
                            and not self._names_money_kind(phrase):
                        outer_measure = outer_measure or list_measure
                        # (a budget of a thing the vocabulary does not know, 项目总预算168.00万元，其中编纂费…:
                        # whatever its parts are named, they are budget; so a plan's, 计划总投资…，其中：…)
                        parts = self._budget_parts(fact.concept) if fact.concept else ANY_PART
                        list_measure = (fact.measure, parts, fact.period)
                    elif not fact.implicit and list_measure is not None and fact.measure != list_measure[0]:
                        # (全年预算数…，其中…；全年执行数2,430.40万元，其中基本支出…: a whole naming its own
                        # measure opens a list of that measure, not the budget's going on)
                        outer_measure, list_measure = outer_measure or list_measure, None
                    list_period = fact.period  # (2024年实际支出…，其中基本支出…: last year's parts too)
                fund, generic = self.fund_of.get(fact.concept, (fact.fund, fact.concept))
                if fund and opens:
                    # “一般公共预算财政拨款基本支出 X 万元，其中：人员经费 …, 公用经费 …”
                    list_fund, list_parts = fund, self.parts_of.get(generic, set())
            previous_end = figure_end
        if bracketed is not None and (closing.search(text, previous_end) if closing
                                      else _bracket_depth(text, counted_to, len(text), depth, balanced) <= 0):
            carried, last_money, in_list, list_measure, list_fund, list_parts = bracketed  # (closed last)
        if in_list:
            self.part_carried = True  # the list ends with its sentence: what follows is the whole's again
        if list_fund and (text.rstrip(" ：:").endswith(self.lex.list_openers)
                          or (text.rstrip().endswith(("；", ";")) and (in_list or headed))):
            self.open_list = (list_fund, list_parts)  # (the list opens here, or goes on after a ；)
        if (headed or in_list) and text.rstrip().endswith(("；", ";")):
            # (a 其中 list goes on after a ；: 其中中央…，占56.76%；…；县级配套资金420.00万元，占18.92%。
            # what follows its full stop is the whole's again, not the last part's)
            self.list_goes_on = True
        if text.rstrip().endswith(("；", ";")):
            self.opening = opening
        if outside is not None and not in_list and outside.concept in self.fund_of:
            fund, generic = self.fund_of[outside.concept]
            self.whole_fund = (fund, self.parts_of.get(generic, set()))
        if in_list and list_measure is not None and text.rstrip().endswith(("；", ";")):
            # (a list nested in an item, 其中A…，其中A1…, ends with the item: the ； goes on with the outer)
            self.open_measure = outer_measure or list_measure
        elif outside is not None and not in_list and self._ends_on_budget(text, outside):
            # (a budget naming no thing, 全年预算数3,560万元。其中：…: any item is its part, as in its sentence)
            parts = self._budget_parts(outside.concept) if outside.concept else ANY_PART
            self.whole_measure = (outside.measure, parts, outside.period)
        # (a sentence ending on figures of a thing the vocabulary does not know, …县级配套资金到位320.00万元。,
        # carries the thing named before them no further: 实际支出… after it is not 县级配套's)
        return None if unknown_since == "all" else carried


# a doubling states its multiple as exactly as one written to a tenth does (翻一番 as 增长1.0倍:
# 100% ± 5%, twice the base within 1.95 to 2.05 times), not as loosely as a whole multiple (增长1倍
# is 100% ± 50%): the word names the doubling itself, no rounded figure
DOUBLING_PLACES = -1
ONE_DOUBLING = figure_value("1")  # (实现翻番, the counter with no numeral: one doubling)


def _in_brackets(text: str, at: int) -> bool:
    """Whether a bracket opened before `at`, within a note's reach, is still open there (bounded,
    so that each figure's cost stays constant in a long sentence)."""
    return last_open_bracket(text, max(0, at - BRACKET_REACH), at) is not None


BRACKET_REACH = 60  # characters from a bracket's opening to a figure noted in it


def _inside_doc_number(text: str, start: int) -> bool:
    """Cited document numbers (〔2023〕12号, [2023]) are not figures, nor the numbers of tables and
    attachments (表10 部门所属单位…: no count of 10 部)."""
    before = text[max(0, start - 1):start]
    if before == "表":
        # (a table's number: at a line's start or after 附 见 如 详见 or a break, not 仪表125台, 代表12人)
        word = text[max(0, start - 2):start - 1]
        return not word or word in TABLE_NUMBER_BEFORE or not ("\u4e00" <= word <= "\u9fff")
    return before in ("〔", "[", "【", "第") or text[max(0, start - 2):start] == "附件"


def _listed_after(between: str, openers: tuple[str, ...]) -> bool:
    """The words between two figures go on with a list: 其中 / 分别 open it, 、 joins its items;
    a sentence's or a ；-clause's end closes it."""
    return not CLAUSE_END_RE.search(between) and (any(w in between for w in openers) or between.startswith("、"))


# the unit a figure is printed with, by kind: a range joins two figures of one kind (80%至90%,
# 3万元至5万元), never a rate and an amount (减少25.00%至2.40万元: a fall, and the amount it ends at)
FIGURE_UNIT_RE = re.compile(r"\d[\d,，.]*\s*([%％‰]|[万亿千]?元)?")


def _unit_kind(text: str, last: bool = False) -> str:
    """"rate", "money" or "" for the first (or `last`) figure's unit in `text`."""
    found = list(FIGURE_UNIT_RE.finditer(text)) if last else [FIGURE_UNIT_RE.search(text)]
    unit = (found[-1].group(1) if found and found[-1] else None) or ""
    return "rate" if unit in ("%", "％", "‰") else "money" if unit else ""


def _bound_of(text: str, m: re.Match) -> str:
    """“≥”/“≤” when a figure in running text bounds something rather than states it: 90分以上,
    60分以下, or either end of a range (80分（含）至90分, 70-84分); else ""."""
    bound = BOUND_AFTER_RE.match(text, m.end())
    if bound:
        return SUFFIX[bound.group(1)]
    sign = SIGN_AFTER_RE.match(text, m.end())
    if sign and BAND_CONDITION_RE.match(text, sign.end()):
        return REVERSED_SIGN[PREFIX[sign.group(1)]]  # 90%≤执行率<95%的得8分: the rate is ≥ 90%
    # (the words right before a figure end with a comparison word or a range's joiner, or neither
    # pattern below can match them: most figures', told at once)
    ending = text[max(0, m.start() - 8):m.start()].rstrip()
    before = BOUND_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()) if ending.endswith(BOUND_BEFORE_ENDS) else None
    if before:
        return PREFIX[before.group(1)]  # 执行率低于90%的项目: a threshold, not a rate stated
    start = RANGE_START_RE.match(text, m.end())
    if start and _unit_kind(text[start.end() - 1:start.end() + 24]) in ("", _unit_kind(m.group(0))):
        return "≥"
    end = RANGE_END_RE.search(text, max(0, m.start() - 8), m.start()) if ending[-1:] in RANGE_JOINER_CHARS else None
    if end and _unit_kind(text[max(0, end.start() - 20):end.end()], last=True) in ("", _unit_kind(m.group(0))):
        return "≤"
    # (points scored after points, 投入指标20分得19分, are a part's weight and its score, no condition)
    if (m.groupdict().get("unit") or "") != "分" and SCORED_AFTER_RE.match(text, m.end()) and (WHOLE_PERCENT_RE.fullmatch(m.group().strip())
                                                 or _scoring_rule(text, vocabulary_generation())):
        # (执行率100%得10分，90%（含）-100%得8分: a condition of the rule's scores, not a rate
        # stated, as is a whole percent a score follows, 执行率为100%得满分; 预算执行率98.50%得满分
        # alone states the rate and its score)
        return "档次"
    return ""


@lru_cache(maxsize=MEMO_ENTRIES)
def _scoring_rule(sentence: str, generation: int) -> bool:
    """The sentence sets out a scoring rule: two conditions or more, or the words of a rule
    (concepts.yaml scoring_rule_cues: 计分标准, 评分规则 …). (`generation`: of the vocabulary read)"""
    cues = concepts().get("scoring_rule_cues") or ()
    return any(c in sentence for c in cues) or len(SCORED_AFTER_RE.findall(sentence)) >= 2


# the operators that make a figure beside them a constant of an arithmetic rule (执行率-60%, ÷40%);
# a product (10×96.40%=9.64) states the figures it works out, except ×100% (a rate's percent sign)
FORMULA_OPERATORS = "+-－−÷/＋"
PERCENT_FACTOR_RE = re.compile(r"[×*＊xX]\s*$")
HUNDRED_PERCENT_RE = re.compile(r"100(?:\.0+)?\s*[%％]")  # (×100%: a rate's percent sign)
# a whole percent (100%, 90％): the round figure a rule's condition is
WHOLE_PERCENT_RE = re.compile(r"\d+\s*[%％]")
# a figure a score follows (执行率100%得10分, 90%（含）以上的得满分): a scoring rule's condition
SCORED_AFTER_RE = re.compile(r"\s*(?:[（(]含[）)])?\s*(?:的)?\s*(?:得|计|记)\s*(?:满分|\d+(?:\.\d+)?\s*分)")


def _in_formula(text: str, start: int, end: int) -> bool:
    """A figure inside an arithmetic expression after an equals sign in its clause (得分=（执行率-60%）
    ÷（100%-60%）×分值): an operator of a sum, difference or quotient right beside it."""
    floor = max(0, start - PHRASE_LIMIT)  # (bounded: a figure's cost stays constant in a long sentence)
    hundred = HUNDRED_PERCENT_RE.fullmatch(text, start, end) is not None
    if not hundred and "=" not in text[floor:start] and "＝" not in text[floor:start]:
        return False  # (most figures: no equals sign within reach, no 100%: no clause to look for)
    clause = max(max(text.rfind(c, floor, start) for c in "，,；;。") + 1, floor)
    before, after = text[clause:start].rstrip(" （("), text[end:end + 3].lstrip(" ）)")
    if hundred and PERCENT_FACTOR_RE.search(before):
        return True  # (执行率=实际支出÷预算数×100%, 按“执行数÷预算数×100%”计算: a percent sign)
    if "=" not in text[clause:start] and "＝" not in text[clause:start]:
        return False
    return before[-1:] in FORMULA_OPERATORS or after[:1] in FORMULA_OPERATORS


def list_lead(text: str, at: int, lex: Lexicon) -> re.Match | None:
    """The words leading into a list of parts at `at` (right after an amount, or at a sentence's
    start: ，按资金来源划分，其中：…; 资金来源分别为…), naming no thing of the vocabulary and no
    measure (政府性基金预算支出和…分别为 names the amounts' own things: siblings, no parts)."""
    lead = lex.list_lead.match(text, at)
    words = compact(lead.group("words")) if lead else ""
    if lead is None or lex.concepts.all(words) or lex.measures.all(words):
        return None
    return lead


def _later_over_own_year(amounts: list[Fact]) -> bool:
    """The sentence's last two amounts are one thing's in a later year and in the report's year, in
    turn (2024年…收入安排12.97亿元，在2023年完成12.35亿元的基础上增长5.0%): a change after them is the
    later year's over the report year's, as one after this year's and last year's is this year's."""
    if len(amounts) < 2:
        return False
    later, base = amounts[-2], amounts[-1]
    return later.period == LATER and base.period == CURRENT and later.concept == base.concept \
        and later.concept is not None


ANY_PART = frozenset({"*"})  # (a list under a whole the vocabulary does not know: any item is its part)


RUN_IN_LABEL_CHARS = 16  # the longest name a sentence opens on as a run-in label (会议费：决算为…)


def _only_copulas(words: str) -> bool:
    """The words are linking words alone, or none (为, 达到, 为达: concepts.yaml share_copulas), each
    whole: no character of one (当 of 相当于) taken for it."""
    while words:
        found = next((c for c in copulas() if words.startswith(c)), None)
        if found is None:
            return False
        words = words[len(found):]
    return True


def copulas() -> tuple[str, ...]:
    """The words linking a name to its figure (为, 是, 达: concepts.yaml share_copulas), longest first."""
    return _copulas(vocabulary_generation())


@lru_cache(maxsize=4)
def _copulas(generation: int) -> tuple[str, ...]:
    return tuple(sorted(concepts().get("share_copulas") or (), key=len, reverse=True))


def _budgets_in_turn(lex: Lexicon, words: str) -> list[str]:
    """The budgets words name one after another, joined (分别完成年初预算和调整预算的: 年初预算, then
    全年预算), which the rates after them are of in turn; [] where they name fewer than two."""
    words = compact(words)
    named = [(start, end, m) for start, end, m in lex.measures.all(words) if m in BUDGET_MEASURES]
    joined = len(named) > 1 and all(lex.list_join.fullmatch(words[a[1]:b[0]]) for a, b in zip(named, named[1:]))
    return [m for _, _, m in named] if joined and len({m for _, _, m in named}) == len(named) else []

