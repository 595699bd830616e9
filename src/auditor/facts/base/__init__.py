"""The fact base: every figure the document states, in a sentence or a table cell, with context.

A fact has a concept (what is measured), a measure (年初预算, 决算, 占比 …), a period (本年 or
上年), a subject (the unit itself, a project or an indicator), a fund, a Decimal value with its
unit and printed precision, and its source (quote and location; for a cell, its row and column
headers). The words that decide each field are data in rules/concepts.yaml (see lexicon.py).

The base is built once per document; rules select facts through its indexes. `frame()` gives
the same facts as a pandas DataFrame validated by a pandera schema (inspect --facts, tests).
"""
from __future__ import annotations

import re
from bisect import insort
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from operator import attrgetter

from ...knowledge import compact, concepts, last_open_bracket, vocabulary, vocabulary_generation
from ...memo import MEMO_ENTRIES, remember_short
from ...ingest.build import NUMBERING_LEVELS, SECTION_CHARS, numbering_of, split_sentences, title_block
from ...model import SENTENCE_END_RE, Document, Heading, Location, Paragraph, Sentence, Table, is_prose
from ...tables.typed import line_number_columns
from ..lexicon import Lexicon, alternatives, each_before, each_char, lexicon, money_concepts, word_finder
from ..numbers import (MONEY_UNITS, RANGE_JOINER, cn_to_int, column_numbers, half_unit, is_column_numbers,
                       normalize_digits, cn_number, to_decimal, unbracketed)
from ..restated import name_restated_subjects
from ..titles import TitleScopes
from ..value_links import value_aliases
from ..targets import PREFIX, SUFFIX

CURRENT, PRIOR = "本年", "上年"
OLDER = "往年"  # a year before last: neither this year's figure nor last year's
LATER = "下年"  # a year after the report's (2025年预算草案 beside 2024年执行): a plan, no figure of the year
# the measure of a forecast's cells (预计全年执行数, 预计全年完成值): expected, neither spent (决算)
# nor reached (实际值), which are the measures a forecast's words would read as
FORECAST = "预计"
# the comparator of a figure stated on another basis, after 按…计算/测算 (concepts.yaml other_basis):
# a standard or a rate the sentence works from, no figure of the thing itself
OTHER_BASIS = "口径"
OUTCOME_MEASURES = ("决算", "实际值")
# the ending of a column head of rates (整改率), and the kind of rate such a head names when the
# vocabulary's rate words (rate_measures) name none
RATE_ENDING, BARE_RATE = "率", "比率"
CLAUSE_BREAK_RE = re.compile(r"[，,；;：:。]")
FIRST_DIGIT_RE = re.compile(r"\d")
INDICATOR_NAMED_RE = re.compile(r"[“\"]([^”\"]{2,30})[”\"]\s*指标|该指标")
CJK_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{2}$")
YEARS_RE = re.compile(r"(?:19|20)\d\d\s*年度?")


def _years_out(text: str) -> str:
    return YEARS_RE.sub("", text)


def _starts(text: str, words) -> list[int]:
    """Where each of the words starts in the text (first place of each)."""
    return [k for k in (text.find(w) for w in words) if k >= 0]
UNNAMED = "?"  # the subject of a figure about some project or item the text does not name
CLAUSE_END_RE = re.compile(r"[。；;]")
# a clause break, but for a comma between digits (1,293: a thousands separator; see _ratio_multiple)
MULTIPLE_CLAUSE_BREAK_RE = re.compile(r"[；;：:。]|[，,](?!\d)|(?<!\d)[，,]")
OPENING_BRACKET_RE = re.compile(r"\s*[（(]")
CLOSING_BRACKET_RE = re.compile(r"[）)]")
BUDGET_MEASURES = ("年初预算", "全年预算")  # the budget levels a figure can be compared with
MONEY_MEASURES = (*BUDGET_MEASURES, "决算", "变动额")
ADJUSTMENT = "追加预算"  # the measure of a change to the budget during the year (调增, 调减, 追加)
# a plan's tables name their budget level in their heads, which take at most this many rows (a
# two-storey head 2026年预算数 over 小计 | 基本支出 | 项目支出, under a title and a unit line)
HEAD_ROWS = 4

# a table cell that is one figure: 2,248.58 / 98.31% / ≥98% / 3821份 / (12.5)
CELL_NUMBER_RE = re.compile(
    r"^(?P<cmp>≥|≤|>|<|=|不低于|不高于|不少于|不超过|不大于|不小于)?\s*(?P<num>[-+]?\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,8})?"
    r"|[-+]?\d{1,15}(?:\.\d{1,8})?)\s*(?P<unit>[%‰]|[\u4e00-\u9fa5]{1,3})?(?:[（(][\u4e00-\u9fa5]{1,3}[）)])?$")
# what ends the words that describe a number (its phrase) in running text
PHRASE_BREAK_RE = re.compile(r"[，,；;。：:、！？]")
FROM_QUALIFIER_CHARS = 6  # 由建设前的, 从2024年的: the words between 由 and the figure it starts from
PROJECTS_RATE_RE = re.compile(r"项目(?:支出)?(?:预算)?(?:资金)?执行率")  # the rate of projects, not of the unit
NOTE_RE = re.compile(r"^\s*(?:注|备注|说明)\s*[\d]?\s*[：:]")  # a note under a table (注：…, 说明：…)
UNIT_LABEL_RE = re.compile(r"^\s*([^\s\d，,。；;：:（）()]{2,20})[：:]")  # a paragraph opening “名称：”
POINTS_RE = re.compile(r"\d+(?:\.\d+)?\s*分")  # a figure in points
RATE_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?\s*[%％]")  # a figure in per cent
TABLE_NUMBER_BEFORE = "附见如详下上续"  # 附表3, 见表3, 如表3, 详见表3: a table's number after 表
CLOSED_COMPARISON_RE = re.compile(r"相比|比较|对比")  # a comparison closed on its base (与上年相比)
SIBLING_HEAD_MAX = 3  # characters of a sibling row's own head before a shared tail (行政|单位)
SIBLING_TAIL_MAX = 2  # characters of the tail two sibling rows share (单位 of 行政单位, 事业单位)
CATEGORY_TAILS_MAX = 2  # tails stripped off a topic naming a score category (效益指标|完成|情况)
DEDUCTED = "扣分"  # the measure of points taken off (扣0.40分), read from the words before them
WEIGHT_RE = re.compile(r"(?:分值|权重|满分)\s*(?:为)?\s*\d")  # the points a part is out of
# a cell of digits and separators that reads as no number (478.08.00): a malformed figure, no
# words naming the figures right of it (PAT001 reports it)
MALFORMED_CELL_RE = re.compile(r"[\d.,，．]+")
ITEM_TOKEN_RE = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}\s*[、.．]|"
                           r"\d{1,2}\s*[、.．](?!\d)|[①-⑳])\s*")
# a name right before a word that may close it (文物保护修缮 before 项目支出): four or more
# characters of words, after the vocabulary's own words are taken out
NAMED_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{4,}$")
LABEL_NOISE_RE = re.compile(r"^(?:其中\s*[:：]?|[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)+|[（(](?:类|款|项)[）)]|[:：]$")
YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")
# the characters ending a row label that name what it counts: most such words are two characters
# (培训, 检查, 养护, 改造); a phrase missing them counts another thing (see _indicator_like)
LABEL_HEAD = 2
YEAR_LIST_RE = re.compile(r"(?:(?:19|20)\d\d\s*年度?\s*[、和及与]\s*)+(?:19|20)\d\d\s*年度?")  # 2023年、2024年和2025年
ANNUAL_YEAR_RE = re.compile(r"(?:19|20)\d\d\s*年\s*度")  # (as PER004's TITLE_PERIOD_RE reads a title)
NEXT_FIGURE_RE = re.compile(r"\d")  # where the next figure starts, in the words after a count
UNDONE_CLAUSE_CHARS = 30  # the words after a count naming what it counts and why it was not done
TRAILING_BRACKET_RE = re.compile(r"[（(][^（）()]*[）)]$")
CLASS_LEVEL_RE = re.compile(r"[（(](?:类|款|项)[）)]")  # 一般公共服务支出（类）: the level, not a word
LEAD_END_RE = re.compile(r"[：:。]")  # what ends a numbered item's label
LEAD_LIST_RE = re.compile(r"[，,；;、\d]")  # a label holding these is a sentence or a list
# a sentence that is a numbered run-in heading only (3、绩效目标。)
RUN_IN_HEADING_RE = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}\s*[、.．])\s*"
                               r"([^，,。；;：:\d]{2,14})[。：:]?\s*$")
# a sentence opening with the year (and measure) its figures are of: 2025年预算中，…
SCOPE_RE = re.compile(r"\s*((?:19|20)\d\d)\s*年度?([^，,。；;：:\d]{0,10}?)中[，,：:]")
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
# a word right after a compared figure saying the next figure is the difference (比预算X少Y万元)
DIFFERENCE_WORDS = {"少": -1, "少了": -1, "多": 1, "多了": 1}
# 比年初预算多: more than the budget named (the words above, longest first)
DIFFERENCE_TAIL_RE = re.compile("(" + "|".join(sorted(DIFFERENCE_WORDS, key=len, reverse=True)) + ")$")
NOUN_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,6}")  # the words right after a figure: what it counts
# (each written as one word then any more, X(?:X)*, not (?:X)+: a pattern opening with a repeat has
# no first-character set, and the regex engine then tries every position of a phrase; : and ： are
# written as words for the same reason, a class opening an alternative leaving the set out)
INDICATOR_FILLER_RE = re.compile(r"(?:为|是|达到?|约|共|了|累计|全年|:|：)(?:为|是|达到?|约|共|了|累计|全年|[:：])*")  # see _indicator_like
HOLDING_TAIL_RE = re.compile(r"(?:为|是|达到?|约|共|了|:|：)(?:为|是|达到?|约|共|了|[:：])*$")  # see _label_holding
BRACKETED_UNIT_RE = re.compile(r"[)）]\s*(亿元|万元|千元|元)")  # see FactReader._bracketed_change
CHANGE_TAIL_RE = re.compile(r"(?:了|为|(?<!节)约|达)+$")  # see _change_sign (节约 is a direction word, not 节 + 约)
LEVEL_TAIL_RE = re.compile(r"(?:至|到)\s*$")  # see _change_sign
LIST_ITEM_ENDS = "、等"  # right after an item's figure: more items follow, or the list ends
# a bound, not a value: “90分（含）以上”, “60分以下” (a band, a threshold, a target)
BOUND_AFTER_RE = re.compile(r"\s*(?:[（(]含[）)])?\s*(" + "|".join(sorted(SUFFIX, key=len, reverse=True)) + ")")
# a comparison sign right after a figure and before the words it bounds (90%≤执行率<95%的得8分)
SIGN_AFTER_RE = re.compile(r"\s*(<=|>=|≤|≥|＜|＞|<|>)\s*(?=[\u4e00-\u9fff])")
REVERSED_SIGN = {"≥": "≤", "≤": "≥", ">": "<", "<": ">"}
# …a band's condition, its clause going on to the other bound or to 的/时 (执行率<95%的得8分; not
# 95.90%≥年度目标值90%, a value stated against its target)
BAND_CONDITION_RE = re.compile(r"[^，,。；;]*?(?:[<>≤≥＜＞]|的|时)")
# a comparison word right before a figure in running text (低于90%, 不超过5万元): it bounds, not
# states; 达到 and = state a value there (执行率达到96%)
BOUND_BEFORE_RE = re.compile("(" + "|".join(sorted((w for w in PREFIX if w not in ("达到", "=", "＝")),
                                                   key=len, reverse=True)) + r")\s*$")
# the ends of a range: “80分（含）至90分”, “70-84分” (a band, not two values)
# (not “35.00万元下降至33.00万元”: a change to a level, across a direction word)
# (nor “2024年达到12.6万吨”: 达到 states the level reached, its 到 joins no range)
RANGE_START_RE = re.compile(r"[^\d，,；;。增减降升提高低加少]{0,5}?" + RANGE_JOINER + r"\s*\d")
RANGE_END_RE = re.compile(r"\d[^\d，,；;。增减降升提高低加少]{0,5}?(?<!达)" + RANGE_JOINER + r"\s*$")
BASE_FIGURE_REACH = 16  # characters back a multiple's base may end (是2022年（12.6万立方米）的3倍; see Lexicon.base_figure_before)
PHRASE_LIMIT = 40  # characters of context kept before a number: a clause, never a whole table
SINCE_OWN_YEAR_RE = re.compile(r"(?:19|20)\d\d\s*年(?:以来|来)")  # a span from a year on (2023年以来)
SPAN_REACH = 120  # characters back a span of years (2022—2024年累计…) may name the figures after it
LEAD_LIMIT = 80  # characters of a numbered item's label
# the length of a numbered heading's words that may name a thing (失业保险基金, 某某街道): two
# characters at least; a longer heading is a sentence or a title of a part, not a name
HEADING_NAME_CHARS = (2, 30)
BRACKET_TAIL_RE = re.compile(r"[（(][^（()）]*[）)]$")  # a remark closing a name: 职工医疗保险基金（含生育保险）
# a count is named by a row label when the words around it hold this share of the label's
# character pairs (发放创新券企业数 in “向168家科技型中小企业发放创新券”: 5 of 7); a clause
# sharing only a word or two (“50家企业申请创新券”: 3 of 7) names something else
OWN_NAME_CHARS = 4  # a unit's name this long (清源区档案馆) is its own, blanked from phrases; a shorter one may be a word

LINK_SHARE = 0.6
CLAUSE_AFTER = 20  # characters after a count read for the words naming it


MEASURED_UNITS = ("%", "‰", "分", "个百分点")  # units of measures, not counts: a whole number of them is rounded too
NOT_COUNT_UNITS = (*MEASURED_UNITS, "")  # (a figure in one of them is no count a share may be of)


# Read-only by convention, not frozen: a frozen dataclass sets each of its 23 fields through
# object.__setattr__, 10.8 µs a fact against 1.8 µs here, and a report holds thousands of facts.
# Equality is identity (each fact is one statement of the document, with its own id).
@dataclass(eq=False, slots=True)
class Fact:
    id: int
    concept: str | None
    measure: str
    period: str
    subject: str
    fund: str
    value: Decimal
    unit: str
    places: int
    text: str  # the number as printed, with its unit
    quote: str  # an exact substring of the document text: the words that gave the context and the number
    loc: Location
    source: str  # text | table
    label: str = ""  # the phrase before the number (text) or the row header (table)
    header: str = ""  # the column header path (table)
    base: str | None = None  # for a rate: the concept it is a share / completion of
    comparator: str = ""  # ≥, ≤ … for targets
    sign: int = 0  # for a change: +1 增加, −1 减少
    block: int = 0  # index of the block it was read from
    sentence: int = 0  # index of the sentence within the block (text)
    member: str = ""  # the column concept of a table cell whose row names another concept
    implicit: bool = False  # the measure was not worded but assumed (a bare amount is a 决算)
    at: int = 0  # where the number starts in its sentence (text facts)
    of: int = -1  # for a rate after 分别: the id of the amount it is of, taken in turn

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def half_unit(self) -> Decimal:
        """Half a unit of the last printed digit; a zero printed bare (0, —) is exactly zero (0.0
        is rounded like any figure: a change of 0.04% is printed 0.0), and a whole number of
        people, items or cars is an exact count (not of percentage points: a difference of rates
        is measured, not counted, whatever its 个)."""
        if (self.value == 0 and self.places == 0) or (self.places == 0 and self.unit and self.unit not in MONEY_UNITS
                                                       and self.unit not in MEASURED_UNITS):
            return Decimal(0)
        return half_unit(self.places)

    def interval(self, factor: Decimal = Decimal(1), places: int | None = None) -> tuple[Decimal, Decimal]:
        """The interval the printed number stands for, scaled to a common unit (XBRL precision).
        `places`: read the number at least that finely — compared with 13.41, a budget printed
        as 15 is 15.00 (round amounts are exact, as in the old 477.9-beside-541.04 rule)."""
        half = self.half_unit if places is None or places <= self.places else (
            Decimal(0) if self.value == 0 else half_unit(places))
        return (self.value - half) * factor, (self.value + half) * factor

    def in_yuan(self) -> Decimal:
        return self.value * MONEY_UNITS.get(self.unit, Decimal(1))

    def yuan_interval(self, places: int | None = None) -> tuple[Decimal, Decimal]:
        """interval() in yuan for an amount (in its own unit for any other figure): the one
        rounding model every kind comparing amounts printed in different units reads."""
        return self.interval(MONEY_UNITS.get(self.unit, Decimal(1)), places)

    def with_unit(self) -> str:
        """The value as printed, with its unit (万元, 人, %) when the print leaves it to the table's
        heading or the column's header (2,018,581.70 → 2,018,581.70万元)."""
        return f"{self.text}{self.unit}" if self.unit and not self.text.endswith(self.unit) else self.text

    def where(self) -> str:
        """The source in a few words, for messages: 「第21页 正文」 or 「表3 第5行第3列」."""
        kind = "正文" if self.source == "text" and not self.loc.table else ""  # not a prose cell's
        return " ".join(p for p in (self.loc.describe(), kind) if p and p != "全文") or "正文"


@dataclass
class FactBase:
    facts: list[Fact] = field(default_factory=list)
    by_concept: dict[str, list[Fact]] = field(default_factory=dict)
    by_sentence: dict[tuple[int, int], list[Fact]] = field(default_factory=dict)
    by_table: dict[int, list[Fact]] = field(default_factory=dict)
    by_block: dict[int, list[Fact]] = field(default_factory=dict)  # text facts of a paragraph
    row_concepts: dict[int, set] = field(default_factory=dict)  # table -> concepts its rows name
    unreadable: dict[int, set] = field(default_factory=dict)  # table -> columns holding a malformed figure
    # ids of a table's total-row figures named by their column's thing (see FactReader._cell): what a
    # sentence naming the thing restates; two tables' such totals (one per year, per scope) are not one fact
    column_totals: set = field(default_factory=set)
    # ids of amounts naming no measure that took the measure of the whole whose list they are items
    # of (全年预算数3,560万元，其中：中央补助1,800万元…): parts of that amount, no other value of it
    list_parts: set = field(default_factory=set)
    # id of a sum closing figures that took a span's years in turn (2022年至2024年…分别为X、Y、Z，三年
    # 合计W) -> (id, year) of each of those figures: W is their sum, no figure of the report's year
    span_sums: dict = field(default_factory=dict)
    sentences: dict[tuple[int, int], str] = field(default_factory=dict)  # (block, sentence) -> text
    by_context: dict[tuple, list[Fact]] = field(default_factory=dict)  # (concept, measure, period)
    memo: dict = field(default_factory=dict)  # rules' document-wide look-ups, computed once
    # table block -> the money unit read for a table that prints none (see assumed_units)
    assumed_units: dict[int, str] = field(default_factory=dict)
    year: int | None = None  # the report's year
    # the report is a plan (vocabulary.yaml report_types `plan`: 部门预算): its amounts are budgets
    plan: bool = False
    # the measure of an amount whose words name none (本年支出300.00万元, a 合计 column): its outturn
    # in an account; in a plan its budget, at the level its tables name (FactReader._plan_measure)
    bare_measure: str = "决算"
    elapsed_months: int | None = None  # a report on part of its year: the months it covers (1-8月: 8)
    # the report is on one project (项目支出绩效自评): an amount naming nothing anywhere in it is the project's
    project: bool = False
    # the scope each table's title names (facts/titles.py), read once for the facts and the rules
    title_scopes: "TitleScopes | None" = None
    # paragraph block -> the funds the headings above it name (五、一般公共预算支出预算情况 over
    # （三）具体情况): a scope its sentences may leave unsaid
    heading_funds: dict[int, set] = field(default_factory=dict)
    # the labels of numbered run-in headings naming an activity (1. 绿化建设。…): the subject of
    # the figures after them, which, where no parallel item states the same thing, are the unit's own
    activity_subjects: set = field(default_factory=set)

    def remember(self, key: tuple, compute):
        """A document-wide look-up a rule makes for many facts, computed once (keeps rules linear)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def clause_runs(self) -> list[list[tuple[tuple[int, int], list[Fact]]]]:
        """The text facts sentence by sentence, (key, facts), sentences joined into runs where a
        clause ends in ；: a list of parts is often set apart by semicolons (“本年收入 X 万元，其中：
        财政拨款收入 A 万元，占 …；事业收入 B 万元，占 …；其他收入 C 万元。”) and ends at the full stop."""
        return self.remember(("clause-runs",), self._clause_runs)

    def runs(self) -> tuple[dict, list]:
        """(sentence key -> its run's index, the runs of clause_runs), built once per document."""
        def build():
            runs = self.clause_runs()
            return {key: k for k, run in enumerate(runs) for key, _ in run}, runs
        return self.remember(("clause runs",), build)

    def run_before(self, f: Fact) -> list[Fact]:
        """The facts before `f` in its run of clauses (its sentence and those joined to it by ；)."""
        run_of, runs = self.runs()
        k = run_of.get((f.block, f.sentence))
        return [x for _, group in runs[k] for x in group if x.id < f.id] if k is not None else []

    def budget_adjusted(self, concept: str | None) -> bool:
        """The document states a whole-year budget or a change to the budget (追加, 调减) anywhere
        that may be `concept`'s: of it, or naming none, or (`concept` None) of anything; of any
        subject (本项目 in the text is the form's project by another name). A year-start budget
        is then not known to be the year's."""
        return self.remember(("budget adjusted", concept),
                             lambda: self._year_budget_stated(concept) or self._adjustment_told())

    def _year_budget_stated(self, concept: str | None) -> bool:
        """A whole-year or added budget amount of this year stated that may be `concept`'s."""
        return any(f.measure in ("全年预算", "追加预算") and f.period == CURRENT
                   and (concept is None or f.concept in (None, concept)) for f in self.facts)

    def budget_only_raised(self, concept: str | None) -> bool:
        """The budget of `concept` was changed in the year by words alone (no whole-year or added
        amount of it stated), and every such word adds (年中追加了项目资金; no 调减 anywhere): the
        year's budget is then no smaller than the year-start one."""
        def raised() -> bool:
            if self._year_budget_stated(concept):
                return False
            cuts = tuple(concepts().get("budget_cut_words") or ())
            return self._adjustment_told() and not any(w in text for text in self.sentences.values() for w in cuts)
        return self.remember(("budget only raised", concept), raised)

    def _adjustment_told(self) -> bool:
        """The text tells of a change to the budget without its amount (年中因防汛追加部分预算): the
        words of an added budget (concepts.yaml measures 追加预算) anywhere."""
        words = tuple((concepts().get("measures") or {}).get("追加预算") or ())
        return self.remember(("adjustment told",), lambda: any(
            w in text for text in self.sentences.values() for w in words))

    def whole_before_part(self, change: Fact, concept: str | None) -> Fact | None:
        """The whole a change's run of clauses lists `concept` as a part of before the change
        (资产总额4,575.12万元，其中固定资产3,955.12万元；较上年末下降…): the change may be the whole's."""
        before = [f for f in self.run_before(change) if f.is_money]  # (its sentence, and those before a ；)
        opener = lexicon().whole_opener
        for whole, part in zip(before, before[1:]):
            text = self.sentences.get((whole.block, whole.sentence), "")
            if part.concept == concept and (part.block, part.sentence) == (whole.block, whole.sentence) \
                    and opener.match(text, whole.at + len(whole.text)):
                return whole
        return None

    def opens_list(self, key: tuple[int, int]) -> bool:
        """Whether the sentence opens with a list opener (其中：…): it lists the parts of what the
        sentence before it states."""
        return self.sentences.get(key, "").lstrip().startswith(lexicon().list_openers)

    def _clause_runs(self) -> list[list[tuple[tuple[int, int], list[Fact]]]]:
        runs: list[list[tuple[tuple[int, int], list[Fact]]]] = []
        last: tuple[int, int] | None = None
        for (block, index), facts in self.by_sentence.items():
            # (“…支出决算为12.46万元。其中：因公出国（境）费0元；…”)
            opens_list = index == (last[1] if last else -2) + 1 and self.opens_list((block, index))
            if last is not None and last[0] == block and (opens_list or all(
                    self.sentences.get((block, k), "").rstrip().endswith(("；", ";")) for k in range(last[1], index))):
                runs[-1].append(((block, index), facts))
            else:
                runs.append([((block, index), facts)])
            last = (block, index)
        return runs

    def passage(self, first: Fact, last: Fact) -> str:
        """The words of a paragraph from one fact to a later one, across its sentences (four shares
        listed with ；): a quote that shows them all; `span` within one sentence."""
        if first.source != "text" or last.source != "text" or first.block != last.block or last.sentence < first.sentence:
            return last.quote
        text = "".join(self.sentences.get((first.block, k), "") for k in range(first.sentence, last.sentence + 1))
        offset = sum(len(self.sentences.get((first.block, k), "")) for k in range(first.sentence, last.sentence))
        start = text.find(first.quote)
        end = text.find(last.quote, offset)
        if start < 0 or end < start:
            return last.quote
        return text[start:end + len(last.quote)]

    def span(self, first: Fact, last: Fact) -> str:
        """The words of a sentence from one fact to a later one: a quote that shows both (the later
        fact's own quote when they stand in two sentences)."""
        if (first.block, first.sentence) != (last.block, last.sentence):
            return last.quote
        return self.passage(first, last)

    def between(self, earlier: Fact, later: Fact) -> str:
        """The words of a sentence between two of its figures ("" for figures of two sentences)."""
        if (earlier.block, earlier.sentence) != (later.block, later.sentence):
            return ""
        return self.sentences.get((earlier.block, earlier.sentence), "")[earlier.at + len(earlier.text):later.at]

    def add(self, fact: Fact) -> None:
        self.facts.append(fact)
        if fact.comparator and fact.source == "text":
            return  # a bound (90%以上, 控制在40万元以内) is listed but states no value: in no index
        if fact.concept:
            self.by_concept.setdefault(fact.concept, []).append(fact)
            self.by_context.setdefault((fact.concept, fact.measure, fact.period), []).append(fact)
        if fact.source == "text":
            self.by_sentence.setdefault((fact.block, fact.sentence), []).append(fact)
            self.by_block.setdefault(fact.block, []).append(fact)
        else:
            self.by_table.setdefault(fact.block, []).append(fact)

    def name(self, fact: Fact, concept: str) -> None:
        """Give a fact read without a concept its concept (see FactReader._name_counts_by_words),
        in id order among the concept's facts."""
        fact.concept = concept
        insort(self.by_concept.setdefault(concept, []), fact, key=lambda f: f.id)
        insort(self.by_context.setdefault((concept, fact.measure, fact.period), []), fact, key=lambda f: f.id)

    def unname(self, fact: Fact) -> None:
        """Take a fact's concept back (see FactReader._spending_before_carry_over)."""
        for index in (self.by_concept.get(fact.concept, []), self.by_context.get((fact.concept, fact.measure, fact.period), [])):
            if fact in index:
                index.remove(fact)
        fact.concept = None

    def of(self, concept: str, measure: str | None = None, period: str = CURRENT) -> list[Fact]:
        if measure is not None:
            return self.by_context.get((concept, measure, period), [])
        return [f for f in self.by_concept.get(concept, ()) if f.period == period]

    def frame(self):
        """The facts as a pandas DataFrame, validated by the pandera schema (lazy: every error)."""
        from ..frame import facts_frame

        return facts_frame(self.facts)


@dataclass(frozen=True)
class Head:
    """What a column's header path says of the figures under it."""

    text: str
    concept: str | None
    measure: str  # a measure word of the head ("" when it names none)
    rate: str | None
    period: str
    skipped: bool  # a column of codes, line numbers, remarks
    names_labels: bool  # a name column (三级指标, 科目名称)
    # the unit a head naming a count gives its figures (救助人次: 人次; 户数: 户), "" for a count
    # in no unit of its own (数量); None for a head naming no count
    count_unit: str | None = None
    per_unit: bool = False  # a head of amounts per one thing (公里均投资, 单价（万元/公里）)
    thing: str = ""  # what it names beside its unit, measure and year (补贴面积 of 补贴面积（亩）)
    flows: frozenset = frozenset()  # the flows it names (新购数量: 新购)
    stock: bool = False  # whether it names a stock (年末数, 实有)
    fund: str = ""  # the fund it names (本年收入 › 一般公共预算拨款: that fund's income)


NO_HEAD = Head("", None, "", None, CURRENT, False, False)


@dataclass(frozen=True)
class Label:
    """A row label read once: without numbering and level marks, the concept it names."""

    row_label: str
    concept: str | None
    generic: bool  # 合计, 小计 …: the column or the title says what the figure is
    # a label that names a period only (2023年, 上年决算数, 本年): a table with the years as its
    # rows and the concepts as its columns; the row gives the period, the column the concept
    period_only: bool = False
    # what _cell asks of the row label for each of its cells, read once with the label: it names
    # measures only (预算数, 决算数), or a span of years only (concepts.yaml span_only_label)
    measures_only: bool = False
    span_only: bool = False


@dataclass
class Columns:
    heads: list[Head]
    block_unit: str | None
    label_cols: list[int]
    unit_cols: list[int] = field(default_factory=list)  # (单位 | 计量单位: each row's unit, no label)
    points_cols: list[int] = field(default_factory=list)  # the columns headed 分值 (see _row's weight)


def fact_base(doc: Document) -> FactBase:
    """Built once per document and cached on it. A table that prints no unit is read again in
    the unit its figures are stated in by the text, when that is clear (see assumed_units)."""
    cached = getattr(doc, "_fact_base", None)
    if cached is None:
        cached = FactReader(doc).read()
        assumed = assumed_units(cached)
        aliases = value_aliases(cached, CURRENT)
        if assumed or aliases:
            # (read again: in the unit the text states the table's figures in, and with the words
            # the text names a table row by, so that the figures after them are the row's too)
            cached = FactReader(doc, assumed, aliases).read()
            cached.assumed_units = assumed
        doc._fact_base = cached  # type: ignore[attr-defined]
    return cached


ASSUMED_UNIT_EVIDENCE = 2  # concepts a table and the text must state alike before its unit is read so


def assumed_units(base: FactBase) -> dict[int, str]:
    """table block -> money unit, for tables printing no unit (no 单位 line, no unit in a header or
    a cell) whose money figures the text states too: the unit in which at least
    ASSUMED_UNIT_EVIDENCE of the table's concepts print the amount the text's figure of the same
    concept, period and measure rounds (15,995,432.10 in 元 is the text's 1,599.54万元), when no
    other unit makes any of them agree. Zeros say nothing. Each cell is rounded to the few
    precisions the text uses for its concept and looked up in a set: linear in the figures."""
    stated: set[tuple] = set()
    printed: dict[tuple, set] = {}  # (concept, period, measure) -> the (unit, places) the text uses
    for f in base.facts:
        if f.source == "text" and f.is_money and f.concept and f.value and f.measure != "变动额":
            key = (f.concept, f.period, f.measure)
            stated.add((*key, f.unit, f.value))
            printed.setdefault(key, set()).add((f.unit, f.places))
    if not stated:
        return {}
    scales: dict[Decimal, str] = {}  # one name a scale (万 and 万元 are one unit)
    for unit, factor in MONEY_UNITS.items():
        scales.setdefault(factor, unit)
    money = money_concepts()
    votes: dict[int, dict[str, set]] = {}
    for f in base.facts:
        if f.source != "table" or f.unit or not f.value or f.concept not in money:
            continue
        key = (f.concept, f.period, f.measure)
        for factor, name in scales.items():
            for unit, places in printed.get(key, ()):
                shown = (f.value * factor / MONEY_UNITS[unit]).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
                if (*key, unit, shown) in stated:
                    votes.setdefault(f.block, {}).setdefault(name, set()).add(f.concept)
    out = {}
    for block, by_unit in votes.items():
        if len(by_unit) == 1:
            (unit, agreeing), = by_unit.items()
            if len(agreeing) >= ASSUMED_UNIT_EVIDENCE:
                out[block] = unit
    return out


PARALLEL_TAIL_CHARS = 2  # the closing word sibling headings naming things of one kind share (基金, 资金, 方面)


@lru_cache(maxsize=4)
def _vocabulary_reading(generation: int) -> dict:
    """FactReader's attributes read from the vocabulary `generation` alone (see
    FactReader._read_vocabulary): a reader's __init__ read them for every document."""
    reader = FactReader.__new__(FactReader)
    reader._read_vocabulary()
    return vars(reader)


class FactReader:
    def __init__(self, doc: Document, assumed_units: dict[int, str] | None = None,
                 aliases: dict[str, str] | None = None):
        # the words and patterns the vocabulary alone gives, read once per vocabulary (see
        # _read_vocabulary); the per-document state and memos below are this document's
        self.__dict__.update(_vocabulary_reading(vocabulary_generation()))
        self.doc = doc
        self.assumed_units = assumed_units or {}  # table block -> unit it is read in (no unit printed)
        self.aliases = aliases or {}  # the text's words for a table row (value_links.py)
        self.year = doc.meta.get("report_year")
        self.base = FactBase(year=doc.meta.get("report_year"), plan=any(
            e.get("plan") for e in vocabulary()["report_types"] if e["name"] == doc.meta.get("report_type")),
            elapsed_months=doc.meta.get("elapsed_months"),
            project=doc.meta.get("report_type") == concepts().get("project_report_type"))
        self.title_scopes = self.base.title_scopes = TitleScopes(doc)
        title = getattr(title_block(self.doc), "text", "")
        self.other_evaluation = self.other_evaluation_words \
            if any(w in title for w in self.self_evaluation_titles) else ()
        self.other_whole = False  # set for a sentence naming another whole (see _text_fact)
        self.row_labels: dict[str, str] = {}  # compacted table row label -> concept, for linking text
        self.open_measure = None  # a budget list's (measure, parts, period), open across a ；
        self.whole_measure = None  # the same of a budget a sentence ends on, for a list opening the next
        self.list_goes_on = False
        self.whole_fund = None  # (fund, its parts) of a fund's total a sentence was about, for a 其中 after it
        self.opening = None  # the concept of the first amount of a sentence going on after a ；
        self.paragraph_plans = False  # the paragraph opens with a run-in heading of targets (see _paragraph)
        self.note_fund = ""  # the fund of the table a note (注：…) right under it is about
        self.item_subject = ""  # the unit a numbered item is about (see _lead)
        self.point_indicators: set[str] = set()  # indicators a table states achieved in points (考核得分 93分)
        self.label_units: dict[str, set] = {}  # row label -> units its cells print (份, 台, 人次)
        self.head_memo: dict[str, Head] = {}  # a column head's reading, once per document
        self.label_memo: dict[str, Label] = {}  # a row label's reading, once per document
        self.concept_memo: dict[tuple, str | None] = {}  # a sentence phrase's concept (see _concept)
        self.kinds_of: dict[str, str | None] = {}  # a concept's kind total (see _kind_of)
        self.plan_names: dict[str, bool] = {}  # words -> _names_plan's answer
        # a thing -> its first column total (the things whose column totals sentences may restate)
        self.column_total_of: dict[str, Fact] = {}
        self.caption_count_unit = ""
        self.span_in_sentence = False  # the sentence being read may name a span (see _of_span)
        self.lead = None  # the concept the paragraph's numbered item or run-in heading names
        self.para_category = None  # the score category a paragraph's run-in heading names
        self.stock_rows: set[tuple] = set()  # (row label, money?) a table states a stock of (年末数)
        # (row label, money?) -> the flows a table states of it (新购数量: 新购)
        self.flow_rows: dict[tuple, set[str]] = {}
        self.self_words = self._self_words(concepts(), doc.meta.get("unit_name") or "")
        self.carried_unit: str | None = None  # the unit of the figure the carried concept was last stated in
        # the concept of the paragraph's last amount not listed or added as a part, and whether the
        # concept carried on is such a part's (see _text_fact)
        self.whole: str | None = None
        self.part_carried = False
        self.section_fund = ""  # the fund the section of the paragraph read now is titled with
        self.topic: tuple[int, str] = (len(NUMBERING_LEVELS), "")  # see _enter_topic
        self.prose_rows: list[tuple] = []  # (table block, row, texts, column heads, subject) of prose rows
        self.prose_sentences: dict[int, int] = {}  # table block -> sentences read from its prose cells
        names = self._project_names() if self.doc.meta.get("report_type") == self.project_report else None
        self.own_project = next(iter(names)) if names and len(names) == 1 else ""
        # a project report naming no project anywhere is about one project, its forms' (subject ""):
        # “本项目自评得分96.50分” states that form's figure
        self.own_unnamed = names is not None and not names
        self._single_project_cues(self.other_subject_cues)
        self.named_projects = self._named_projects()
        self.form_projects: set[str] = set()  # the projects the document's forms name (项目名称)
        # a fund's total ending its paragraph with 其中： lists its parts in the paragraphs after
        # it, up to a heading or a table (一般公共预算财政拨款基本支出…，其中：¶人员经费…¶公用经费…)
        self.open_list: tuple[str, set] = ("", set())

    def _read_vocabulary(self) -> None:
        """The reader's words and patterns read from the vocabulary alone, the same for every
        document: read once per vocabulary and shared by its readers (see _vocabulary_reading),
        so nothing here may be changed by a read; the per-document state is set in __init__."""
        self.lex: Lexicon = lexicon()
        self.money = money_concepts()
        vocab = concepts()
        # a comparison with the start of the year (年末结转和结余17.86万元，较年初15.56万元增加…): the
        # figure compared with is where the year began, last year's end, no figure of this year's
        self.year_start_words = tuple(vocab.get("year_start_words") or ())
        self.bare_budget_words = frozenset(vocab.get("bare_budget_words") or ())
        self.initial_budget_cues = tuple(vocab.get("initial_budget_cues") or ())
        self.adjusted_budget_cues = tuple(vocab.get("adjusted_budget_cues") or ())
        self.point_openers = frozenset(vocab.get("point_openers") or ())
        comparing = alternatives(vocab.get("comparison_words"))
        self.opening_base = re.compile(rf"(?:{comparing})(?:{alternatives(self.year_start_words)})(?:的|数)?$")
        # a change between two years named in a column's head: its year is the first (2025年比2024年增减)
        self.change_years = re.compile(rf"((?:19|20)\d\d\s*年)度?\s*(?:{comparing})\s*(?:19|20)\d\d\s*年")
        # a change column's head opening on the year compared with, naming no year of its own (比2023年执行数增长)
        self.compared_year = re.compile(rf"(?:{comparing})((?:19|20)\d\d)年")
        # a kind of money's name ending so names its grand total (支出总计), not the year's amount
        self.grand_total_words = tuple(vocab.get("grand_total_words") or ())
        self.other_whole_words = tuple(vocab.get("other_whole_words") or ())
        self.kind_total_words = sorted(vocab.get("kind_total_words") or (), key=len, reverse=True)
        # words in a row name's bracket that narrow it (项目支出（不含上年结转）): no plain item
        self.scope_brackets = tuple(vocab.get("scope_bracket_words") or ())
        self.not_money = set(vocab["not_money"])
        self.fund_qualified = vocab.get("fund_qualified") or {}
        self.average_rows = frozenset(vocab.get("average_row_labels") or ())
        # (the totals of a kind of money, the unit's and each fund's: 本年支出, 一般公共预算财政拨款支出)
        self.whole_totals = frozenset([*(vocab.get("kind_totals") or {}).values(),
                                       *(n for names in (vocab.get("fund_qualified") or {}).values()
                                         for k, n in names.items() if k in ("本年支出", "本年收入", "收支总计"))])
        self.balance_identity = vocab.get("balance_identity") or {}
        # (the balanced grand total and each fund's own: see _spending_before_carry_over)
        total = self.balance_identity.get("total")
        self.balanced_totals = {total, *(names.get(total) for names in self.fund_qualified.values())} - {None} \
            if total else set()
        self.kind_totals = vocab.get("kind_totals") or {}  # 支出 -> 本年支出: a kind of money's total
        self.result_words = frozenset(vocab.get("result_words") or ())  # 至, 降至: the amount a change ends at
        # 安排, 预期: a plan's amount after the thing's name (see _planned_concept)
        self.plan_verbs = tuple(sorted(vocab.get("plan_verbs") or (), key=len, reverse=True))
        self.balance_words = tuple(vocab.get("balance_words") or ())  # 结转, 结余: neither kind
        # 一般公共预算财政拨款基本支出 -> (一般公共预算, 基本支出): the fund a fund's own concept names,
        # and the concept it qualifies (whose declared parts a 其中 list after it names)
        self.fund_of = self.lex.fund_of
        self.parts_of = {calc["total"]: set(calc["parts"]) for calc in self.lex.calculations}
        # every name a total's part may go by (its declared, optional and alternative parts), and
        # all of them together: the parts a list after a figure of no declared total may name
        self.named_parts_of = {calc["total"]: part_names(calc) for calc in self.lex.calculations}
        self.any_part = set().union(*self.named_parts_of.values())
        # a total's parts and their own declared parts (公务用车运行维护费 of the 三公经费)
        self.nested_parts = {total: parts.union(*(self.named_parts_of.get(p, set()) for p in parts))
                             for total, parts in self.named_parts_of.items()}
        self.skip_columns = [compact(w) for w in vocab.get("not_figure_columns") or ()]
        self.label_columns = [compact(w) for w in vocab.get("label_columns") or ()]
        value_cells = vocab.get("value_cells") or {}
        self.value_words = frozenset(compact(w) for w in value_cells.get("words") or ())
        self.value_endings = tuple(compact(w) for w in value_cells.get("endings") or ())
        self.subject_cells = [compact(w) for w in vocab.get("subject_cells") or ()]
        self.project_report = vocab.get("project_report_type")
        # a self-evaluation's words naming another evaluation (第三方): a whole score they give is
        # that evaluation's, not the report's (in a report whose title is a self-evaluation's only)
        other = vocab.get("other_evaluation") or {}
        self.whole_scores = set((vocab.get("score_total_rows") or {}).keys())
        self.other_evaluation_words = tuple(other.get("words") or ())
        self.self_evaluation_titles = tuple(other.get("self_titles") or ())
        own = vocab.get("own_project") or {}
        self.own_cues, self.other_projects = own.get("cues") or [], own.get("others") or []
        # (项目自评得分: some project's in a report on many, the report's own in a report on one)
        self.single_cues = own.get("single") or []
        # “项目名称：X”, up to the next field of the line (主管部门：…) or its end
        self.project_line = re.compile(r"^\s*(?:" + "|".join(map(re.escape, self.subject_cells))
                                       + r")\s*[:：]\s*(.+?)\s*(?:\s\S{2,8}[:：].*)?$") \
            if self.subject_cells else None
        self.score_totals = {compact(label): concept for concept, labels in (vocab.get("score_total_rows") or {}).items()
                             for label in labels}  # 合计 under 得分 -> 自评得分
        self.unit_totals = set(vocab.get("unit_totals") or ())
        # a budget of the unit's whole lists its sources as readily as its spending (全年预算数…，其中：
        # 财政拨款收入…、其他收入…): the parts of every unit total are its parts
        whole_parts = set().union(*(self.nested_parts.get(t, set()) for t in self.unit_totals))
        self.budget_parts = {t: self.nested_parts.get(t, set()) | whole_parts for t in self.unit_totals}
        self.unit_spending = vocab.get("unit_spending")
        self.topic_endings_money = tuple(vocab.get("topic_money_endings") or ())
        self.money_rate_names = tuple(vocab.get("money_rate_names") or ())  # 资金完成率: see _money_rate
        self.counted: dict[str, list[tuple[str, tuple[str, ...]]]] = {}  # unit -> [(concept, cues)]: _counted_concept
        self.counted_cues: dict[str, tuple[str, ...]] = {}  # concept -> cues: one doing in each unit
        self.counted_whole: dict[str, str] = {}  # a counted part -> its whole (国内公务接待批次 -> 公务接待批次)
        for name, spec in (vocab.get("counted_concepts") or {}).items():
            self.counted.setdefault(spec["unit"], []).append((name, tuple(spec["cues"])))
            self.counted_cues[name] = tuple(spec["cues"])
            if spec.get("whole"):
                self.counted_whole[name] = spec["whole"]
        self.other_rate_words = tuple(vocab.get("other_rate_words") or ())
        self.carried_money_words = tuple(vocab.get("carried_money_words") or ())  # see _sentence (、-lists)
        self.signed_amount_words = tuple(vocab.get("signed_amount_words") or ())  # see _negative_amount
        self.whole_scope_words = tuple(vocab.get("whole_scope_words") or ())  # see _whole_scope
        self.frequency_words = frozenset(vocab.get("frequency_words") or ())  # see _part_of_year (one character each)
        self.label_measure_tails = sorted(vocab.get("label_measure_tails") or (), key=len, reverse=True)
        categories = (vocab.get("score_lists") or {}).get("categories") or {}
        # a score category's words (产出指标, 满意度): a total score's figure after them is theirs
        self.score_category = re.compile(alternatives([w for words in categories.values() for w in words]))
        # the second-level indicator kinds (数量指标, 质量指标 …): a run-in heading naming one is a
        # part of the report, no subject
        self.indicator_kinds = frozenset(compact(w) for w in vocabulary().get("indicator_level2") or ())
        self.subject_patterns = [re.compile(p) for p in vocab.get("subject_patterns") or ()]
        cues = [compact(w) for w in vocab.get("other_subject_cues") or ()]
        self.subject_cue = re.compile("|".join(map(re.escape, cues))) if cues else None  # (see _single_project_cues)
        self.other_subject_cues = cues
        self.money_kinds = tuple(vocab.get("part_list_heads") or ())
        self.unit_aliases = dict(vocab.get("unit_aliases") or {})  # a unit -> the one it is written as
        self.multiple_words = tuple(vocab.get("multiple_words") or ())
        self.ratio_multiple_cues = tuple(vocab.get("ratio_multiple_cues") or ())
        self.rough_after = tuple(vocab.get("rough_after_words") or ())  # 2倍多, 3倍余: no figure
        # 翻了一番: the counter a doubling ends on, and the words of a rise it reads as (see _sentence)
        doubling = vocab.get("doubling_words") or {}
        self.doubling_counter, self.doubling_reads_as = doubling.get("counter"), doubling.get("reads_as") or ""
        # where a sentence's opening name ends: a verb of how it is spent or set, or a break
        # (the breaks written as alternatives of their own, not a class: see lexicon.each_char)
        self.topic_end = re.compile(alternatives(vocab.get("topic_end_words") or ["，"]) + "|" + each_char("，,：:；;。（("))
        # what a heading may say of the project it names after its name (…项目自评情况)
        self.project_part_tail = re.compile(vocab.get("project_part_tail") or "")
        self.income_tails = tuple(vocab.get("income_tails") or ())
        self.residual_words = tuple(vocab.get("residual_words") or ())
        self.row_label_tails = tuple(vocab.get("row_label_tails") or ())
        self.unit_heads = frozenset(compact(w) for w in vocab.get("unit_column_heads") or ())
        self.block_unit_re = block_unit_re(tuple(vocab.get("header_spanning_units") or ()))
        # words of a heading about a part of a report, not naming a project (see _project_heading)
        self.section_words = tuple(vocab.get("project_section_words") or ())
        # the tail of a numbered heading naming an area, not a part of the report (（二）专项资金管理方面)
        self.heading_scope_tails = tuple(vocab.get("heading_scope_tails") or ())
        self.label_concepts = {compact(k): v for k, v in (vocab.get("label_concepts") or {}).items()}
        plan = vocab.get("plan_cells") or {}
        self.plan_words = [compact(w) for w in plan.get("plan") or ()]
        self.forecast_words = [compact(w) for w in plan.get("forecast") or ()]
        self.outcome_words = [compact(w) for w in plan.get("outcome") or ()]
        # under a run-in heading of targets only these state outcomes (see paragraph_plans)
        self.run_in_outcome_words = [compact(w) for w in plan.get("run_in_outcome") or ()]
        self.plan_only_words = [compact(w) for w in plan.get("plan_lead") or ()]
        # (the same word lists as patterns: one search for “any of them in the text”, which every
        # sentence and column head asks; and a heading's or a head's answer kept for the document)
        self.says_plan, self.says_forecast = word_finder(self.plan_words), word_finder(self.forecast_words)
        self.says_outcome, self.says_run_in_outcome = word_finder(self.outcome_words), word_finder(self.run_in_outcome_words)
        self.says_plan_only = word_finder(self.plan_only_words)
        self.strive_words = [compact(w) for w in plan.get("strive") or ()]
        # the words _planned_since looks for (the plan words' longer ones only: 计划 also names
        # programmes, 营养改善计划)
        self.plan_since_words = (*self.strive_words, *(w for w in self.plan_only_words if len(w) >= 3))
        self.project_funds = vocab.get("project_funds")
        # a subject naming a level of the budget's classification (…事务（款）行政运行（项）): an item
        # of the accounts, no project whose total funds its bare amounts are
        levels = vocabulary()["table_types"]["budget_by_code"].get("code_parts") or ()
        self.classified_item = re.compile(rf"[（(](?:{'|'.join(map(re.escape, levels))})[）)]" if levels else "(?!)")
        self.execution_score_names = {compact(w) for w in vocab.get("execution_score_names") or ()}
        self.full_year_words = vocab.get("full_year_budget_words") or ()
        self.vague_labels = set(vocab.get("vague_short_labels") or ())
        self.topic_endings = tuple(vocab.get("topic_endings") or ())
        self.category_tails = tuple(vocab.get("score_category_tails") or ())
        self.name_heads = tuple(vocab.get("name_heads") or ())
        summed = vocab.get("summed_names") or {}
        self.joins, self.sum_words = tuple(summed.get("joins") or ()), re.compile(alternatives(summed.get("sums")))
        self.not_joins = tuple(summed.get("not_joins") or ())
        addend = vocab.get("addend_words") or {}
        # the words opening an added amount, where the phrase starts (after a clause break)
        self.addend = re.compile(r"[，,；;\s]*(?:" + alternatives(addend.get("words")) + ")"
                                 + (f"(?![{''.join(map(re.escape, addend.get('not_before') or ()))}])"
                                    if addend.get("not_before") else ""))
        self.comparison_words = frozenset(vocab.get("comparison_words") or ())
        self.bare_names = frozenset(vocab.get("bare_names") or ())
        directions = alternatives(w for words in (vocab.get("directions") or {}).values() for w in words)
        degree = alternatives(vocab.get("degree_words") or ())
        # a direction and a figure reached after a starting figure (由A上升至B)
        from_to = vocab.get("from_to_words") or {}
        self.from_words = tuple(from_to.get("from") or ())
        # (a budget's change names its way by an adjusting verb, 调减至, 调整为; a level its way by a
        # one-character verb right before 至 / 到: 由0.12‰降至0.08‰)
        verbs = alternatives([*(from_to.get("adjusting") or ()), *(from_to.get("up") or ()), *(from_to.get("down") or ())])
        self.from_to_after = re.compile(rf"\s*(?:(?:{degree})?(?:{directions})|{verbs})\s*(?:{alternatives(from_to.get('to'))})\s*\d")
        # the words before a level reached (比重由42.77%下降到39.91%): the figure is where it went,
        # no rate of the change (到 / 至 after the way; 为 alone says too little)
        self.reached = re.compile(rf"(?:{directions})\s*(?:{alternatives(from_to.get('reached'))})$")
        self.other_words = tuple(vocab.get("other_words") or ())
        self.narrower_words = tuple(vocab.get("narrower_words") or ())
        self.organization_endings = tuple(vocab.get("organization_endings") or ())
        # a column head ending so is a rate's, whatever amount it names (完成调整预算%, 预算完成率)
        self.rate_head_endings = tuple(vocab.get("rate_head_endings") or ())
        self.column_total_rows = frozenset(vocab.get("column_total_rows") or ())
        self.column_total_words = tuple(vocab.get("column_total_words") or ())
        self.ratio_heads = tuple(vocab.get("ratio_heads") or ())
        self.not_percent_rates = tuple(vocab.get("not_percent_rates") or ())
        self.change_amount_tails = frozenset(vocab.get("change_amount_tails") or ("",))
        self.per_unit_heads = tuple(vocab.get("per_unit_heads") or ())
        # endings of a head naming a count and the unit they give (救助人次 › 人次, 户数 › 户), longest first
        self.count_heads = sorted((vocab.get("count_head_endings") or {}).items(), key=lambda kv: -len(kv[0]))
        # a caption's unit of things counted whole (车辆情况表（单位：辆）): its count columns' unit
        self.caption_count_re = _caption_count_re(tuple(vocab.get("numeral_count_units") or ()))
        self.stock_concepts = frozenset(vocab.get("stock_concepts") or ())
        # a numbered item's label ending so names what its figures are of (1.某某项目：…, 2.某某专项资金：…)
        self.item_subject_endings = (*(vocab.get("item_subject_endings") or ()), *self.topic_endings_money,
                                     *self.organization_endings)
        self.other_basis = re.compile(vocab["other_basis"]) if vocab.get("other_basis") else None
        self.multi_year_span = re.compile(vocab["multi_year_span"]) if vocab.get("multi_year_span") else None
        # (whether the pattern looks past its match, so that a clause may hold a span the whole
        # sentence does not: see _names_span)
        self.span_looks_past = self.multi_year_span is not None \
            and LOOKS_PAST_MATCH_RE.search(self.multi_year_span.pattern) is not None
        self.span_sum_words = tuple(vocab.get("span_sum_words") or ())
        self.cumulative_words = tuple(vocab.get("cumulative_words") or ())
        self.span_only_label = re.compile(vocab.get("span_only_label") or r"(?!)")
        self.counted_topic = re.compile(vocab.get("counted_topic") or r"(?!)")
        self.whole_score_words = tuple(concepts().get("whole_score_words") or ())
        self.lead_totals = {total: tuple(endings) for total, endings in (vocab.get("item_totals") or {}).items()}
        self.addend_onto = tuple(addend.get("onto_measures") or ())
        kind = vocab.get("money_kind_words") or {}
        self.money_kind = re.compile(alternatives(kind.get("words"))) if kind.get("words") else None
        self.money_kind_not_after = tuple(kind.get("not_after") or ())
        self.full_score = vocab.get("full_score", 100)
        # a score right after a figure in points (…40分，得38.50分; 产出指标（50分）得分46分): that
        # figure is the points available
        scored = alternatives((vocab.get("score_lists") or {}).get("scored_words"))
        # (a clause saying how it is scored may stand between: 预算执行率10分，按执行率乘以分值计分，得9.06分)
        method = alternatives((vocab.get("score_lists") or {}).get("method_words") or ["计分"])
        self.scored_after = re.compile(rf"\s*[）)]?[，,\s]*(?:按[^，,。；;\d]{{0,20}}?(?:{method})[，,\s]*)?"
                                       rf"(?:{scored})\s*(?:为|了)?\s*\d")
        lists = vocab.get("score_lists") or {}
        self.deduction_words = tuple(lists.get("deduction_words") or ())  # 扣1.97分，得8.03分: points off
        # 满分100分，其中…: the points after the full marks stated are weights (not 得满分 said of a rule)
        full = lists.get("full_marks_words") or ()
        # (or, a word ending in 为, opening a list of the parts' points: 分值为：预算执行率10分，产出指标50分…,
        # 一级指标权重为决策20分、过程20分…; not 满分：100分，自评得分：97.50分, where what follows the
        # colon is the full marks, then scores)
        opening = [w for w in full if w.endswith("为")]
        # (points must follow, at once or after a name: 权重分别为15%、25%… opens percentages)
        # (each word written before its tail, not a group of them: see lexicon.each_before)
        self.full_marks = re.compile(each_before(full, r"\s*\d+(?:\.\d+)?\s*分")
                                     + ("|" + each_before(opening, r"\s*(?:[：:]|(?=[^\d，,。；;]{1,12}\d+(?:\.\d+)?\s*分))")
                                        if opening else "")) if full else None
        # (a sentence setting out the indicator system states its full marks as 总分 too: …构成，总分100分，
        # 其中决策20分…; elsewhere 总分 is the score the report gives)
        system = lists.get("system_full_marks") or {}
        self.system_words = tuple(system.get("when") or ())
        # (only the full score itself, 总分100分: a score the system gave, 总分91分, is no full marks)
        self.system_full_marks = re.compile(r"(?:" + alternatives(system.get("words")) + r")\s*"
                                            + re.escape(str(vocab.get("full_score") or 100)) + r"(?![\d.])") \
            if self.system_words else None
        # a figure a scoring rule's condition names (…100%的得10分, …以上的，扣2分)
        self.condition_after = re.compile(r"\s*(?:及以上|以上|以下|以内)?\s*的\s*[，,]?\s*(?:" + alternatives(
            lists.get("condition_verbs")) + ")")
        # words right after a figure saying it was not done (新增车辆2辆尚未交付): no outcome stated
        undone = vocab.get("undone_after") or ()
        self.undone_after = re.compile(r"\s*(?:" + alternatives(undone) + ")") if undone else None
        self.state_after = re.compile(r"\s*(?!" + alternatives(vocab.get("state_all")) + ")(?:"
                                      + alternatives(vocab.get("state_after")) + ")")
        # words of things moving in or out during the year (新增, 处置, 报废): a count so said of a
        # table row's thing is a flow, no restatement of the row's stock (see _flow_of_row)
        self.flow_words = tuple(vocab.get("stock_flow_words") or ())
        self.work_words = tuple(vocab.get("work_words") or ())
        self.says_flow, self.says_work = word_finder(self.flow_words), word_finder(self.work_words)
        self.whole_units = frozenset(vocab.get("whole_units") or ())
        self.stock_heads = tuple(vocab.get("stock_heads") or ())
        self.inclusion_words = tuple(vocab.get("inclusion_words") or ())
        self.excluding_words = tuple(vocab.get("excluding_words") or ())  # 非 before a name: not it
        # the words taking listed things in turn (分别): from score_lists, where they name scores
        self.respectively = re.compile(alternatives((vocab.get("score_lists") or {}).get("respectively")))
        self.list_sum_words = tuple(vocab.get("column_total_words") or ())
        self.count_suffixes = sorted(vocab.get("count_suffixes") or (), key=len, reverse=True)
        # words before a count that make it a plan or a part, not the actual value (计划, 目标, 其中)
        # (planned, a part of a list, or not done: 未完成的1.2公里 is no row's figure)
        self.not_actual_words = [compact(w) for w in [*(plan.get("plan") or ()), *(vocab.get("list_openers") or ()),
                                                      *(vocab.get("undone_after") or ())]]

    def _single_project_cues(self, cues: list[str]) -> None:
        """In a report on one project, the words naming the report's own project that other reports
        do not say of some project (concepts.yaml own_project single not in other_subject_cues:
        项目得分) are cues too; in the others they name nothing."""
        if not (self.own_project or self.own_unnamed):
            return
        cues = [*cues, *(compact(w) for w in self.single_cues if compact(w) not in cues)]
        self.subject_cue = re.compile("|".join(map(re.escape, cues))) if cues else None

    def _counted_noun(self, label: str) -> str:
        """The last two characters of a count's label before its counting word (企业 of 发放创新券企业数)."""
        for suffix in self.count_suffixes:
            if label.endswith(suffix) and len(label) > len(suffix) + 1:
                return label[:-len(suffix)][-2:]
        return label[-2:]

    def _form_projects_in(self, text: str) -> list[tuple[int, str]]:
        """(where, name) of each project a form names that the sentence names, in order."""
        if not any(name[:2] in text for name in self.form_projects):  # most sentences: none
            return []
        return sorted((at, name) for name in self.form_projects for at in [text.find(name)] if at >= 0)

    def _only_own_project(self, text: str) -> bool:
        """The sentence speaks of the report's own project (本项目, 该项目) and of no other: no 子项目,
        各项目 or 项目自评, no project named in quotes (“水厂改造”项目)."""
        return bool(self.own_project) and self._only_own_cue(text)

    def _own_name_at(self, text: str) -> int:
        """Where the sentence names the report's one project by its name (the form's 项目名称, or
        that name without its closing 项目), speaking of no other; -1 if it does not."""
        if not self.own_project or any(w in text for w in self.other_projects):
            return -1
        stem = self.own_project.removesuffix("项目")
        at = text.find(stem if len(stem) >= PROJECT_NAME_MIN else self.own_project)
        return at

    def _named_projects(self) -> dict[int, str]:
        """Block index -> the project the last “项目名称：X” line above it names, within its
        heading's part of the report (a heading ends it); or the project a heading names (二、免费开放
        项目, a report on several projects in turn), up to the next heading of its level."""
        out: dict[int, str] = {}
        current, chapter, chapter_level = "", "", 0
        self.listed_projects = self._listed_projects()
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Heading):
                current = ""
                if chapter and block.level <= chapter_level:
                    chapter = ""
                named = self._project_heading(block)
                if named:
                    chapter, chapter_level = named, block.level
            elif isinstance(block, Paragraph) and self.project_line is not None:
                m = self.project_line.match(block.text)
                if m and m.group(1).strip():
                    current = project_key(compact(m.group(1)))
            if current or chapter:
                out[index] = current or chapter
        return out

    def _project_heading(self, heading: Heading) -> str:
        """The project a numbered heading names (二、免费开放项目; 3.非遗保护传承项目), or "": its
        words end with 项目 and say nothing of a part of a report (项目概况, 项目支出情况)."""
        if not heading.token or heading.level > 2:
            return ""
        words = compact(heading.text[len(heading.token):])
        if words in self.listed_projects:
            return words  # (（一）小型水库除险加固 over its figures, a row of the list of projects)
        at = words.find("项目")
        name, tail = words[:at + 2], words[at + 2:]
        # (二、森林抚育补贴项目自评情况: the project's name, then what the part says of it)
        if at < 2 or not self.project_part_tail.fullmatch(tail) or any(w in name for w in self.section_words):
            return ""
        return project_key(name)

    def _listed_projects(self) -> set[str]:
        """The names in the 项目名称 columns of the document's lists of projects (one a row)."""
        names: set[str] = set()
        for table in self.doc.tables:
            # (the 项目名称 head stands in the first rows: only a list's name column is read whole)
            k = _subject_column(_stripped(table.rows[:SUBJECT_HEAD_ROWS + 1]), self.subject_cells)
            if k is not None:
                names.update(n for row in table.rows if k < len(row) for n in [project_key(compact(row[k].text.strip()))]
                             if len(n) >= PROJECT_NAME_MIN)
        return names

    def _project_names(self) -> set[str]:
        """The projects the document's forms (项目名称 cells) and 项目名称： lines name. A project
        self-evaluation report naming exactly one is about it: there “本项目……得分”, “该项目……”
        state that project's figures, the subject of the forms naming it (own_project); naming
        several, the figures after such a cue are some project's (UNNAMED)."""
        names = {_subject_of(_stripped(t.rows[:6]), self.subject_cells) for t in self.doc.tables} - {""}
        for block in self.doc.blocks:
            if isinstance(block, Paragraph):
                m = self.project_line.match(block.text) if self.project_line else None
                if m and m.group(1).strip():
                    names.add(project_key(compact(m.group(1))))
        return names

    def _only_own_cue(self, text: str) -> bool:
        """The sentence's cue is the report's own project (本项目, 该项目; or, the report being one
        project's, 项目自评: asked only then) and it speaks of no other."""
        return any(cue in text for cue in (*self.own_cues, *self.single_cues)) \
            and not any(w in text for w in self.other_projects) and not any(p.search(text) for p in self.subject_patterns)

    def _read_headings(self) -> None:
        """What the headings above each block say of it, in one walk down the document:
        - the blocks under a heading naming only years after the report's (二、2025年…预算草案 in a
          report on 2024's execution; not 一、2024年执行情况及2025年工作计划), and the tables titled
          so, are a plan's, whose figures naming no year are that year's (LATER): later_blocks;
        - the funds the headings above a paragraph name (五、一般公共预算支出预算情况 over
          （三）具体情况): a scope its sentences may leave unsaid (FactBase.heading_funds)."""
        self.later_blocks: set[int] = set()
        # tables titled with last year only (表12 2024年全县公共资源交易情况 in a report on 2025):
        # their figures naming no year are last year's
        self.earlier_blocks: dict[int, str] = {}  # index -> the period its title names (上年, 往年)
        open_headings: list[tuple[int, bool, str]] = []  # (level, names a later year, its fund)
        # the report's own title, the first heading: a programme it names (科技计划项目) makes no
        # part of the report one of plans
        # (as a section names it: its first SECTION_CHARS characters)
        self.doc_title = title_block(self.doc).text[:SECTION_CHARS] \
            if isinstance(title_block(self.doc), Heading) else None
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Heading):
                while open_headings and open_headings[-1][0] >= block.level:
                    open_headings.pop()
                open_headings.append((block.level, self._names_later_only(block.text),
                                      self._fund_named(compact(block.text))))
            titled = isinstance(block, Table) and self._names_later_only(block.title or "")
            # (a table titled with the report's year or earlier, 2024年一般公共预算收支平衡表 among the
            # annexes after 三、做好2025年财政工作的主要措施, is no plan's, whatever the heading above)
            titled_earlier = isinstance(block, Table) and self._names_no_later(block.title or "")
            if titled or (any(later for _, later, _ in open_headings) and not titled_earlier):
                self.later_blocks.add(index)
            elif isinstance(block, Table) and self._names_last_only(block.title or ""):
                self.earlier_blocks[index] = self._year_period(block.title or "")
            funds = {fund for _, _, fund in open_headings if fund}
            if funds and isinstance(block, Paragraph):  # (most paragraphs stand under no fund's heading)
                self.base.heading_funds[index] = funds

    def _plan_measure(self) -> str:
        """The budget level a plan's amounts naming no measure are of (本年支出1,776.28万元, a 合计
        column): the one its tables' heads name most (预算数, 2026年预算数: 全年预算; 年初预算数: 年初
        预算), 全年预算 where they name none. Only each table's first HEAD_ROWS rows are read."""
        named = Counter(worded_measure(cell.text) for block in self.doc.blocks if isinstance(block, Table)
                        for row in block.rows[:HEAD_ROWS] for cell in row)
        return max(BUDGET_MEASURES, key=lambda m: (named[m], m == "全年预算"))

    def _bare_measure(self, words: str) -> str:
        """The measure of an amount whose words name none: FactBase.bare_measure, unless they speak
        of an outcome all the same (2024年预计执行, 完成投资: concepts.yaml plan_cells outcome), which
        even a plan states as spent, no budget."""
        if self.base.bare_measure != "决算" and self.says_outcome.search(compact(words)):
            return "决算"
        return self.base.bare_measure

    def _names_later_only(self, words: str) -> bool:
        years = [int(y) for y in YEAR_RE.findall(words)]
        return bool(self.year) and bool(years) and min(years) > self.year

    def _names_no_later(self, words: str) -> bool:
        years = [int(y) for y in YEAR_RE.findall(words)]
        return bool(self.year) and bool(years) and max(years) <= self.year

    def _names_last_only(self, words: str) -> bool:
        """A table title naming one earlier year only, as a year of events (2024年全县公共资源交易情况 in
        a report on 2025; 2022年… two years back). A title of a 年度 (2023年度收入支出决算总表, 2023年度全县…情况 in a report on
        2024) states a year's accounts, which PER004 holds to the report's year: a misprint, not
        last year's figures."""
        years = {int(y) for y in YEAR_RE.findall(words)}
        return bool(self.year) and len(years) == 1 and min(years) < self.year and not ANNUAL_YEAR_RE.search(words)

    def _in_later(self, index: int, words: str) -> bool:
        """A figure of a block about a later year whose own words name no year (see later_blocks in _read_headings)."""
        return index in self.later_blocks and not YEAR_RE.search(words)

    def read(self) -> FactBase:
        self._read_headings()
        if self.base.plan:
            self.base.bare_measure = self._plan_measure()
        # tables first: their row labels become words the sentences can be linked by
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Table):
                self._table(index, block)
        for words, concept in self.aliases.items():
            self.row_labels.setdefault(words, concept)
        self.label_pattern = LabelIndex(self.row_labels)
        self.short_labels = {w for w in self.row_labels if len(w) == 2 and w not in self.vague_labels}
        for prose_row in self.prose_rows:  # read as text, now that the row labels are known
            self._prose_row(*prose_row)
            self.open_list = ("", set())
        self.open_item: tuple[str | None, str] = (None, "")
        scoping = self._scoping_headings()
        self.heading_scope: list[tuple[int, str | None, str]] = []  # (level, concept, subject), outermost first
        table_fund = ""  # the fund the table just read names (its notes, 注：…, state its scope)
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Paragraph):
                self.note_fund = table_fund if NOTE_RE.match(block.text) else ""
                self._paragraph(index, block)
                table_fund = table_fund if NOTE_RE.match(block.text) else ""
            else:
                if isinstance(block, Heading):
                    self.topic = (len(NUMBERING_LEVELS), "")
                    while self.heading_scope and self.heading_scope[-1][0] >= block.level:
                        self.heading_scope.pop()
                    if index in scoping:
                        self.heading_scope.append((block.level, *scoping[index]))
                table_fund = self._fund_named(compact(block.title or "")) if isinstance(block, Table) else ""
                self.open_item = (None, "")  # a heading or a table closes a numbered item
                self.open_list = ("", set())
        self._name_counts_by_words()
        name_restated_subjects(self.base)
        self._lone_counted_parts()
        self._own_project_forms()
        self._own_project_indicators()
        return self.base

    def _scoping_headings(self) -> dict[int, tuple[str | None, str]]:
        """Numbered headings naming a thing among parallel siblings (二、各项基金情况 over （一）某某养老
        保险基金, （二）失业保险基金; 一、问题 over （一）预算管理方面, （二）专项资金管理方面): index -> the
        (concept, subject) its label gives the paragraphs under it, as the same label run into its
        paragraph (（一）失业保险基金。收入…) gives them (see _lead). Siblings are the headings of one
        level under one parent; only where there are two or more and every one names a thing (a row
        of a table, a fund, a township, a unit, a programme: no part of the report, 收入情况, 主要措施)
        do they scope: one heading alone, or beside a part of the report, may be a part itself.
        One pass over the headings, each label read once."""
        groups: dict[tuple, list[tuple[int, Heading]]] = {}
        parents: list[tuple[int, int]] = []  # (level, index) of the headings open above
        for index, block in enumerate(self.doc.blocks):
            if not isinstance(block, Heading):
                continue
            while parents and parents[-1][0] >= block.level:
                parents.pop()
            if block.token and block.level > 1:
                # (the top level, 一、企业国有资产 / 二、行政事业性国有资产, divides the report into its
                # parts, with their tables: what those parts are of, the tables' rows say)
                groups.setdefault((parents[-1][1] if parents else -1, block.level), []).append((index, block))
            parents.append((block.level, index))
        out: dict[int, tuple[str | None, str]] = {}
        item_subject = self.item_subject  # (_lead notes a unit's item for the paragraph it reads: not here)
        for members in groups.values():
            if len(members) < 2:
                continue
            names = [BRACKET_TAIL_RE.sub("", compact(h.text[len(h.token):])) for _, h in members]
            if not self._parallel_names(names):
                continue
            activities = set(self.base.activity_subjects)
            read = [(index, self._heading_names(heading)) for index, heading in members]
            if all(named for _, named in read):
                out.update(read)
            else:
                self.base.activity_subjects = activities  # (a group named no things: _lead's notes of it go)
        self.item_subject = item_subject
        return out

    def _parallel_names(self, names: list[str]) -> bool:
        """Headings naming things of one kind: they close with one word (某某基金 and 某某基金, 某某资金,
        某某方面) or each with a unit's ending (某某镇, 某某乡, 某某中心). Headings stating findings
        (（一）预算编制不够完整, （二）预算执行不够严格) close each its own way: no names."""
        if any(not n for n in names) or any(self.lex.fault_words.search(n) for n in names):
            return False  # (（一）预算执行不规范, （二）资产管理不规范: findings, whatever word they close on)
        # (one closing word: two characters at least, 基金, 方面; one character, 范 of 不规范, is no word)
        return len({n[-PARALLEL_TAIL_CHARS:] for n in names}) == 1 and all(len(n) > PARALLEL_TAIL_CHARS for n in names) \
            or all(n.endswith(self.organization_endings) for n in names)

    def _heading_names(self, heading: Heading) -> tuple[str | None, str] | None:
        """(concept, subject) a numbered heading's label names, as _lead reads it run into its paragraph;
        None for a part of the report. A scope tail (concepts.yaml heading_scope_tails: 专项资金管理方面)
        is the area its name closes; a bracket after the name (（含生育保险）) only remarks on it."""
        words = compact(heading.text[len(heading.token):])
        words = BRACKET_TAIL_RE.sub("", words)
        words = next((words[:-len(t)] for t in self.heading_scope_tails if words.endswith(t)), words)
        if not HEADING_NAME_CHARS[0] <= len(words) <= HEADING_NAME_CHARS[1] or LEAD_LIST_RE.search(words):
            return None  # (a heading holding figures or a list is a sentence, not a name)
        if self._fund_named(words):
            return None  # (（二）市本级一般公共预算: a fund's part, which heading_funds scopes, no thing of its own)
        concept, subject, _topic = self._lead(f"{heading.token}{words}。")
        return (concept, subject) if concept or subject else None

    def _lone_counted_parts(self) -> None:
        """A counted part whose document states none of its whole's other parts is all of the whole
        there is (全部为国内公务接待，共接待国内公务来宾15批次 beside a table's 公务接待批次 18): its
        figures are the whole's. Where another part is stated (外事接待5批次) they stay the part's;
        so does a figure listed under its whole (公务接待2批次、26人次，其中：接待外宾0批次、0人次).
        One pass over the facts of the counted parts."""
        stated = {part for part in self.counted_whole if self.base.by_concept.get(part)}
        wholes = set(self.counted_whole.values())
        renamed = []  # (all chosen before any is renamed: a renamed one is no whole stated beside another)
        for part in stated:
            whole = self.counted_whole[part]
            if any(other != part and self.counted_whole[other] == whole for other in stated):
                continue
            renamed += [(fact, whole) for fact in self.base.by_concept[part]
                        if not (fact.comparator and fact.source == "text") and not self._under_whole(fact, wholes)]
        for fact, whole in renamed:
            self.base.unname(fact)
            self.base.name(fact, whole)

    def _under_whole(self, fact: Fact, wholes: set[str]) -> bool:
        """A text figure whose sentence (or the one its 其中 list opens after) states a whole counted."""
        if fact.source != "text":
            return False
        keys = [(fact.block, fact.sentence)]
        if fact.sentence and self.base.opens_list(keys[0]):
            keys.append((fact.block, fact.sentence - 1))
        return any(f.concept in wholes for key in keys for f in self.base.by_sentence.get(key, ()))

    def _own_project_forms(self) -> None:
        """A report on one project named only by a 项目名称 line its headings part from its forms
        (项目名称：X over 一、…, the forms under 三、): the forms, naming no project, are its. The
        figures the text gives the project (本项目得分…, 项目自评得分…) are then theirs: no subject."""
        if not self.own_project or self.own_project in self.form_projects:
            return
        for f in self.base.facts:
            if f.subject == self.own_project:
                f.subject = ""

    def _own_project_indicators(self) -> None:
        """In a report on one project, a sentence's figure of one of its form's indicators (全年接待
        读者52.3万人次 for the row 年接待读者人次) is that project's: the form's subject."""
        if not self.own_project:
            return
        indicators = {f.concept for f in self.base.facts if f.source == "table" and f.subject == self.own_project
                      and f.measure in ("目标值", "实际值") and f.concept and f.concept not in self.money}
        for f in self.base.facts:
            if f.source == "text" and not f.subject and f.concept in indicators:
                # (not a figure counting another thing: 布设点数：4处隐患点位于通信盲区 counts 隐患点)
                after = NOUN_AFTER_RE.match(self.base.sentences.get((f.block, f.sentence), ""), f.at + len(f.text))
                if not after.group() or after.group() in f.concept:
                    f.subject = self.own_project

    def _name_counts_by_words(self) -> None:
        """“全年向168家科技型中小企业发放创新券”: the words naming a count may follow it, where its
        phrase does not look. A count naming no concept takes the row label its unit is printed
        with in a table (发放创新券企业数 … 163家) when the label's counted noun (企业) stands in
        the words right after the count (“与21个地市交易中心开展远程评标合作” counts 地市, not
        远程评标项目), the words around it hold at least LINK_SHARE of the label's character
        pairs, and no other label holds as many. Not a planned figure or a part (计划向150家…,
        其中向52家…): those are no statement of the indicator's actual value. Candidates are
        found through the counted noun, so each count scores a few labels (linear)."""
        by_noun: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}  # (unit, counted noun) -> labels
        for label, units in self.label_units.items():
            for unit in units:
                by_noun.setdefault((unit, self._counted_noun(label)), []).append((label, _pairs(label)))
        units = {unit for unit, _ in by_noun}
        for fact in [f for f in self.base.facts if f.source == "text" and f.concept is None and f.period == CURRENT
                     and f.measure == "实际值" and f.unit in units
                     and not (f.places and f.unit in self.whole_units)]:  # (2.5项: see _text_fact's reading)
            if any(w in fact.label for w in self.not_actual_words):
                continue
            text = self.base.sentences.get((fact.block, fact.sentence), "")
            end = fact.at + len(fact.text)
            following = compact(PHRASE_BREAK_RE.split(text[end:end + CLAUSE_AFTER], maxsplit=1)[0])
            # (up to the next figure: 64台警报器年度维护和6台多媒体警报器… — the words after 6台 are its)
            following = NEXT_FIGURE_RE.split(following, maxsplit=1)[0]
            # (nor a bracket after it: 储备粮规模21,000吨（小麦9,000吨…） lists its parts)
            following = re.split(r"[（(]", following, maxsplit=1)[0]
            candidates = {label: own for k in range(len(following) - 1)
                          for label, own in by_noun.get((fact.unit, following[k:k + 2]), ())}
            if not candidates or len(candidates) > LabelIndex.LOOSE_LIMIT:
                continue
            held = _pairs(compact(fact.label) + following)
            shares = sorted(((len(own & held) / len(own), label) for label, own in candidates.items() if own),
                            reverse=True)
            if shares[0][0] >= LINK_SHARE and (len(shares) == 1 or shares[1][0] < shares[0][0]):
                label = shares[0][1]
                self.base.name(fact, self._vocab_concept(label) or label)

    # ---- text -------------------------------------------------------------------------
    def _paragraph(self, index: int, para: Paragraph) -> None:
        numbered = ITEM_TOKEN_RE.match(para.text)
        if numbered:
            self.item_subject = ""  # (a numbered item, or a heading, closes the item before)
        lead_concept, subject, topic = self._lead(para.text)
        scope_concept, scope_subject = self.heading_scope[-1][1:] if self.heading_scope else (None, "")
        # under a 项目名称 line or a project's heading (or a heading naming a thing, _scoping_headings): its
        chapter = self.named_projects.get(index, "") or scope_subject
        if chapter and subject and not compact(subject).endswith(("项目", *self.organization_endings)):
            subject = chapter  # (（三）自评结果。… under 二、某某项目 is that project's part, no subject of its own)
        subject = subject or chapter
        # a section titled with a fund (七、一般公共预算财政拨款基本支出决算情况说明), as a heading
        # or run into its paragraph, states that fund's figures, as a table so titled does
        self._enter_topic(para, topic)
        # a run-in heading of targets (3、绩效目标。新增…1,200个；…): the paragraph's counts are planned
        self.paragraph_plans = bool(topic) and self._names_plan(topic)
        self.section_fund = self.note_fund or self.topic[1] or self._fund_named(para.loc.section or "")
        if not (lead_concept or subject) and not ITEM_TOKEN_RE.match(para.text):
            # a paragraph without its own number continues the item before it (PDF lines of one item
            # read as several paragraphs; 年初滚存结余… after （一）某某基金。收入…) until a heading or a
            # table: its label's concept, or the thing it names; else the scoping heading's concept
            lead_concept, subject = self.open_item[0] or scope_concept, self.open_item[1]
        self.open_item = (lead_concept, subject)
        self.lead = lead_concept
        # a run-in heading naming a score category (（一）决策。该类指标分值20分，自评得分19分): the
        # paragraph's scores are that category's
        # (…决策情况。, a heading of its own, （三）产出指标情况, over the paragraph: the same)
        self.para_category = self._score_category_named(topic) if topic else \
            self._section_category(para.loc.section or "")
        self.open_measure = self.whole_measure = None  # a budget list's measure, open across a ；
        self.list_goes_on, self.opening = False, None
        carried, self.carried_unit, self.whole, self.part_carried = lead_concept, None, lead_concept, False
        for s_index, sentence in enumerate(para.sentences):
            run_in = RUN_IN_HEADING_RE.match(sentence.text) if s_index else None
            if run_in:  # (…。3、绩效目标。全年完成…: a later run-in heading of the paragraph)
                self.paragraph_plans = self._names_plan(run_in.group(1))
            if s_index and CLASS_LEVEL_RE.search(sentence.text[:LEAD_LIMIT]):
                # a later sentence led by its own classification item (…。卫生健康支出（类）：支出决算
                # 为88.62万元) is that item's, not the paragraph's lead's
                own = self._lead(sentence.text)[0]
                if own:
                    carried = self.lead = own
            # (a sentence under a project's heading speaking of all the unit's projects, 全局项目总体
            # 执行进度…, is the unit's: concepts.yaml whole_scope_words)
            own = "" if chapter and subject == chapter and self._whole_scope(sentence.text) else subject
            # the concept last named carries over to the next sentence of the paragraph
            carried = self._sentence(index, s_index, sentence, carried, own) or self.lead
        self._spending_before_carry_over(index)

    def _spending_before_carry_over(self, index: int) -> None:
        """“收入总计213.10亿元……支出总计211.10亿元。收支相抵，结转下年2.00亿元”: a 支出总计 that with
        the carry-over after it makes the 收入总计 before it is the spending before the carry-over,
        not the balanced grand total (收支总计) the 收入总计 and a 收支总表's 支出总计 are: no concept."""
        if not self.balance_identity:
            return
        facts = self.base.by_block.get(index, ())
        totals = [f for f in facts if f.concept in self.balanced_totals and f.is_money]
        if len(totals) < 2:
            return
        label = lambda f: compact(f.label)  # noqa: E731
        for spent in totals:
            if not label(spent).endswith(tuple(self.balance_identity["spending_words"])):
                continue
            income = next((f for f in reversed(totals) if f.id < spent.id and f.concept == spent.concept
                           and label(f).endswith(tuple(self.balance_identity["income_words"]))), None)
            carry = next((f for f in facts if f.id > spent.id and f.concept == self.balance_identity["carry_over"]
                          and f.is_money and f.measure == spent.measure), None)
            if income is None or carry is None:
                continue
            (s_lo, s_hi), (i_lo, i_hi) = (f.interval(MONEY_UNITS[f.unit]) for f in (spent, income))
            # (where they do not add up, one of the three is misprinted, which SUM017 tells: the
            # 支出总计 below the 收入总计 is still the spending before the carry-over; one far below
            # it, more than a carry-over ever is, is a misprint of the 收支总计 itself: 2248.58元)
            if s_hi < i_lo and i_lo - s_hi <= CARRY_SHARE_MAX * i_lo:
                self.base.unname(spent)

    def _whole_scope(self, text: str) -> bool:
        """The sentence's opening words name the whole of the unit's projects (全局, 总体, 全部项目)."""
        return any(w in text[:LEAD_LIMIT] for w in self.whole_scope_words)

    def _names_other_whole(self, phrase: str) -> bool:
        """The words before a kind of money's total name a whole other than the unit (社会保险基金,
        全县…: concepts.yaml other_whole_words), a fund of the unit's own budget (政府性基金) aside."""
        words = _blank(compact(phrase), self.lex.funds)
        found = self.lex.concepts.all(words)
        before = words[:found[-1][0]] if found else words
        return any(w in before for w in self.other_whole_words)

    def _share(self, out: dict, phrase: str, within, last_money, carried, base: str | None) -> dict:
        """A share of `base`: the thing named right before 占 (人员经费占基本支出的91.07%) owns it,
        else the amount before it."""
        cut = within.start() if within else phrase.rfind("占")
        named = self._concept(phrase[:cut], last=True) if cut > 0 else None
        owner = named or (last_money.concept if last_money else carried)
        return dict(out, concept=owner, measure="占比", base=base)

    def _completed_whole(self, phrase: str) -> bool:
        """The words between 完成 and 的 name a whole that is no budget, no target and no known
        thing (完成投资的, 完成计划投资的; not 完成年初预算的, 完成年度目标的): what was done, the amount
        right before (the caller's condition; after a count, 实际走访2,160户，完成计划的95.0%, it is a
        target's completion, DRV007's), is a share of it."""
        words = compact(phrase)
        at = words.rfind("完成")
        of = words[at + 2:].removesuffix("的") if at >= 0 and words.endswith("的") else ""
        return len(of) >= 2 and self.lex.measures.last(of) is None and self._concept(of, last=False) is None

    def _whole_budget_before(self, part: Fact) -> bool:
        """An amount of the part's budget naming no thing and no fund stands before it in its
        sentence, the part naming one: the whole the part is listed under."""
        if not (part.fund or part.concept):
            return False
        for f in reversed(self.base.facts):
            if (f.block, f.sentence) != (part.block, part.sentence):
                return False
            if f.id < part.id and f.is_money and f.measure == part.measure and not (f.fund or f.concept):
                return True
        return False

    def _qualified_whole(self, after: str) -> bool:
        """The words naming a share's whole qualify the first kind they name by a clause of a
        thing's own closed by 的 before it (预留给中小企业的政府采购…; not 年度, 本级: see
        _qualified_total)."""
        words = compact(after)
        found = self.lex.concepts.all(words)
        return bool(found) and "的" in words[:min(found)[0]] and self._qualified_total(words[:min(found)[1]])

    def _qualified_total(self, phrase: str) -> bool:
        """The name of a kind of money's total is qualified by a thing's name right before it (药品
        收入合计): that thing's total. Years and periods (上年), the unit's own name, words of the
        unit's whole (本年, 全年, 部门: concepts.yaml kind_total_words), measures and funds qualify
        nothing."""
        words = compact(phrase)
        found = self.lex.concepts.all(words)
        if not found:
            return False
        before = CLAUSE_BREAK_RE.split(_years_out(words[:found[-1][0]]))[-1]
        before = _blank(_blank(before, self.lex.measures), self.lex.funds).replace(" ", "")
        before = self.lex.current.sub("", self.lex.prior.sub("", before))  # (上年支出合计: a period's)
        if self.self_words:
            before = self.self_words.sub("", before)
        for word in (*self.kind_total_words, *self.lex.list_openers):  # (其中本年收入: a part, not a thing's)
            before = before.replace(word, "")
        return len(re.sub(r"[^\u4e00-\u9fff]", "", before)) >= 2

    @staticmethod
    def _clause_to(text: str, at: int) -> str:
        """The words of the clause up to `at` (past any figure inside it: 四季度完成65岁以上…)."""
        start = max((m.end() for m in CLAUSE_BREAK_RE.finditer(text, max(0, at - PHRASE_LIMIT), at)), default=0)
        return text[max(start, at - PHRASE_LIMIT):at]

    def _per_one_before(self, text: str, at: int) -> bool:
        """The clause before `at` states an amount per one thing done (每接待1人次的…): its figure,
        read apart as a count, bounds the amount's own words, so the clause is looked at whole."""
        return self.lex.per_unit.search(self._clause_to(text, at)) is not None

    def _flow_of_row(self, text: str, m, concept: str, money: bool = False) -> bool:
        """A count or an amount of a row label's thing (not the vocabulary's) whose clause, outside
        the label, says it moved in or out during the year (stock_flow_words: 本年新增固定资产85.40万元
        beside the table's year-end 固定资产), before it or after it up to the next figure; for a row
        a table states a flow of (新购数量), one whose clause does not say that flow (发放折叠床1,800张)."""
        if not self.flow_words or (concept in self.lex.concepts.canonical and concept not in self.stock_concepts) \
                or self.says_flow.search(concept):
            return False  # (a row of a flow itself, 新增市场主体户数: 新增 names it)
        start = max((b.end() for b in CLAUSE_BREAK_RE.finditer(text, max(0, m.start() - PHRASE_LIMIT), m.start())),
                    default=max(0, m.start() - PHRASE_LIMIT))
        end = CLAUSE_BREAK_RE.search(text, m.end())
        after = text[m.end():end.start() if end else len(text)][:UNDONE_CLAUSE_CHARS]
        # (up to the next figure or a bracket: 年末实有…3辆（含本年新增1辆） is the stock, its
        # remark in brackets the flow within it)
        after = after[:next((k for k, ch in enumerate(after) if ch.isdigit() or ch in "（("), len(after))]
        clause = (text[start:m.start()] + " " + after).replace(concept, " ")
        own_flows = self.flow_rows.get((concept, money))
        if own_flows:
            return not any(w in clause for w in own_flows)
        return bool(self.says_flow.search(clause)) or (
            (concept, money) in self.stock_rows and bool(self.says_work.search(clause)))

    def _undone_in_clause(self, text: str, at: int) -> bool:
        """One of undone_after further on in the clause the figure starts, before the next figure
        (全年完成42家中3家未实施验收: the 3's, not the 42's), within a short clause."""
        end = CLAUSE_BREAK_RE.search(text, at)
        clause = text[at:end.start() if end else len(text)][:UNDONE_CLAUSE_CHARS]
        digit = next((k for k, ch in enumerate(clause) if ch.isdigit()), len(clause))
        return self.undone_after.search(clause[:digit]) is not None

    def _enter_topic(self, para: Paragraph, topic: str) -> None:
        """The run-in heading whose part of the report the paragraph is in, as (numbering level,
        the fund it names): a numbered paragraph at its level or above starts another part; one
        below it (（一） under 四、) stays in it unless it names a fund of its own."""
        if not para.style:
            return
        level = NUMBERING_LEVELS.get(para.style, len(NUMBERING_LEVELS))
        fund = self._fund_named(topic) if topic else ""
        if fund or level <= self.topic[0]:
            self.topic = (level, fund)

    def _lead(self, text: str) -> tuple[str | None, str, str]:
        """A numbered item's label (“3.公务接待费。…”, “1.某某项目：…”) is the concept or the
        subject of the figures after it that name none themselves."""
        m = ITEM_TOKEN_RE.match(text)
        named = UNIT_LABEL_RE.match(text) if not m else None
        if named and compact(named.group(1)).endswith(self.organization_endings) \
                and not self._vocab_concept(compact(named.group(1))):
            return None, named.group(1), ""  # “县图书馆：全年预算…”: that unit's paragraph
        rest = text[m.end():] if m else text
        # a classification path (…（类）…（款）…（项）) is longer than a phrase
        end = LEAD_END_RE.search(rest, 0, LEAD_LIMIT + 1)
        if not end or LEAD_LIST_RE.search(rest, 0, end.start()) and not (m and self._dated_project(rest[:end.start()])):
            return None, "", ""  # a sentence or a list, not a name
        label = rest[:end.start()].strip()
        if not m and not CLASS_LEVEL_RE.search(label) and not (
                rest[end.start()] in "：:" and compact(label) in self.row_labels):
            # without a number, only a classification item's label leads, or a table row's label
            # before a colon (建档率：年度指标值≥60%，…得9.85分: that indicator row's figures)
            return None, "", ""
        if compact(label).endswith(self.topic_endings) or self.score_category.fullmatch(compact(label)) \
                or compact(label) in self.indicator_kinds or self.lex.breakdown_heading.fullmatch(compact(label)):
            # a heading run into its paragraph (（二）支出情况。…, 五、“三公”经费支出情况说明。…, （一）
            # 产出指标。…) names a part of the report, as a heading block does: no thing the figures are of
            return None, "", label
        # the label must be the concept, not merely hold its name (政府采购专家评审费项目 is a
        # project); a classification path (类)(款)(项) names its last, most specific item
        vocab = self._vocab_concept(compact(label))
        concept = vocab or self._last_row_label(compact(label))
        if concept and not vocab and compact(label).endswith(self.organization_endings):
            # a unit's item (（二）县水利工程管理站。…): its own figures (全年执行…) are its row's,
            # the others it names (在职人员31人) are that unit's, not the report's
            self.item_subject = label
        if concept:
            return concept, "", ""
        if not compact(label).endswith(self.item_subject_endings):
            # a run-in heading of an activity (1. 绿化建设。…): its figures are of it, and of the
            # unit where no parallel item states the same (see restatement)
            self.base.activity_subjects.add(label)
        return None, project_key(label), ""

    @staticmethod
    def _dated_project(label: str) -> bool:
        """A numbered item's label that is a project's name opening with its year (一、2024年高标准
        农田建设项目。): its digits are the year's, not a figure's."""
        year = YEAR_LEAD_RE.match(label.strip())
        rest = compact(label.strip()[year.end():]) if year else ""
        return len(rest) >= PROJECT_NAME_MIN and rest.endswith("项目") and not LEAD_LIST_RE.search(rest)

    def _sentence(self, index, s_index, sentence, lead_concept, subject) -> str | None:
        self.base.sentences[(index, s_index)] = sentence.text
        self.other_whole = False  # the sentence's kinds of money are another whole's (see _text_fact)
        text = sentence.plain
        figures = text_figures(self.lex, text)
        if any(m.group("unit") for m in figures):
            outer, subject, named_at, unnamed_from, named, own = self._subjects_of(text, subject)
            plans = self._states_plans(text, sentence.loc.section)
            scope = SCOPE_RE.match(text)  # a sentence opening with the year and measure its figures are of
            opened = self._opening_period(text)
            # (its period and measure, read once for the sentence)
            scoped = (self._year_period(scope.group(0)), self.lex.measures.last(compact(scope.group(2)))) \
                if scope else None
            unknown_topic = self._unknown_money_topic(text)
            self.span_in_sentence = self._names_span(text)
            # where the sentence first states its full marks (满分100分): the points after it are weights
            full_marks = (self.full_marks.search(text) if self.full_marks else None) or (
                self.system_full_marks.search(text) if self.system_full_marks
                and any(w in text for w in self.system_words) else None)
        else:
            figures = []  # (numbers with no unit only bound the next figure's words: none comes)
        previous_end, carried = 0, self._opening_topic(text, figures) or lead_concept
        last_money: Fact | None = None
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
        if head and self.lex.measures.last(compact(head.group(0))) in BUDGET_MEASURES:
            # “支出预算中，基本支出…、项目支出…”: the parts of a budget are budget
            list_measure = (self.lex.measures.last(compact(head.group(0))), ANY_PART, CURRENT)
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
        past_change = False  # the figure before was a change between earlier years
        amounts: list[Fact] = []  # the sentence's amounts so far, and those its rates are of in turn
        counts: list[Fact] = []  # the sentence's counts so far (人, 所), which a share's rates may be of in turn
        respective: list[Fact] = []
        respective_words = ""
        opening_fund = None  # the fund the sentence's first amount names (see below)
        opening_generic = ""  # the kind of money that amount is, where its concept named the fund
        # the concept of the first amount of the sentence ("" naming none), which a ； does not end
        opening, self.opening = self.opening, None
        held = ""  # the words before a bracketed figure, for the figure after the bracket
        unknown_since = ""  # a figure of a thing the vocabulary does not know came since `carried`
        years_queue: list[str] = []  # “2023年、2024年和2025年…依次为X、Y、Z”: the periods in turn
        year_run: list[tuple[Fact, str]] = []  # the figures that took those years, and each its year
        self.took_year = ""
        respective_names: list[str] = []  # “A和B分别为X和Y”: the names the figures take in turn
        respective_queue: list[str] = []
        self.clause_owner = None  # (concept, words) of the ；-clause's first amount: a bare 执行率 after it is its
        self.turn_period = None  # the period of the figure after a 分别: the list's others share it
        turn_measure = None  # the measure(s) of the amounts after a 分别 (全年预算数分别为X、Y): see _turn_measure
        last_points: Fact | None = None  # the sentence's last figure in points (a list of them goes on)
        last_period = None  # the period of the sentence's figure before
        last_change: Fact | None = None  # the sentence's amount before, if it is a change
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
            if self.lex.not_a_figure_after.match(text[figure_end:figure_end + 2]) or _inside_doc_number(text, figure_at):
                continue  # a year, a date, a document number: words of the next figure's phrase
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
                    # the words of the next figure: a change after it is that thing's)
                    previous_end = max(previous_end, figure_end)
                continue
            value = figure_value(m.group("num"))
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
            negative = unit in MONEY_UNITS and self._negative_amount(text, figure_at)
            if negative:
                value = -value  # (年初结转和结余-12.30万元: a balance below zero)
            if bracketed is not None and CLOSING_BRACKET_RE.search(text, previous_end, figure_at):
                # (an item's bracketed parts closed, the list it is an item of goes on)
                carried, last_money, in_list, list_measure, list_fund, list_parts = bracketed
                unknown_since, bracketed = "", None
            start = _phrase_start(text, figure_at, previous_end)
            # (a rate's sign is the rate's, not a word of its phrase: 同比增长-8.5%)
            phrase = compact(text[start:figure_at])
            phrase = phrase.rstrip("-－−+＋") if unit == "%" else phrase.rstrip("-－−+＋负") if negative else phrase
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
            here = next((name for at, name in reversed(named) if at < figure_at), None)
            if here == "":
                here = UNNAMED  # (after projects listed together: theirs all, no one's)
            own_phrase = phrase  # (a rate in a 分别 list reads the list's words, and takes its name in turn)
            in_turn_words = unit == "%" and not respective and self.respectively.search(phrase)
            if unit == "%" and not respective and (in_turn_words or self.lex.rate_measures.last(phrase) == "占比"):
                # “基本支出…、项目支出…，分别占75.86%和24.14%”: the rates in the amounts' order,
                # each in the words before the first; a share's rates joined with no 分别 (占比重为
                # 60%、30%和10%) too, and the counts listed right before them (分别为12人和8人，分别占…)
                respective = self._respective(text, figure_at, self._listed_before(amounts, counts),
                                              joined_only=not in_turn_words)
                respective_words = phrase
            elif unit == "%" and respective:
                phrase = respective_words
            in_turn = respective.pop(0) if unit == "%" and respective else None
            # (a count a share is of in turn owns no concept of the share's: only its `of`, below)
            owner = in_turn if in_turn is not None and in_turn.is_money else last_money
            if CLAUSE_END_RE.search(text, previous_end, figure_at):
                self.clause_owner = None
            fact = self._text_fact(phrase, m, value, unit, None if unknown_since == "all" else carried,
                                   None if unknown_since else carried, owner,
                                   here or (own if figure_at > unnamed_from else subject if figure_at > named_at else outer), wide)
            named_fund = fact.get("fund")  # the fund the figure's own words name (not one it is given below)
            if unit == "分" and self.other_evaluation and fact.get("concept") in self.whole_scores \
                    and any(w in text[:figure_at] for w in self.other_evaluation):
                fact["concept"] = None  # (a self-evaluation citing 经第三方机构评价，评价得分88.00分: not its own score)
            if unit in MONEY_UNITS and fact.get("concept") and self._per_one_before(text, figure_at):
                fact["concept"] = None  # (每接待1人次的免费开放补助支出约2.48元: per visit, no total)
            if self._in_later(index, wide + phrase):
                fact["period"] = LATER  # (上年结转 of a plan's year included: its words are the plan's)
            elif fact.get("measure") in ("变动额", "变动率") and last_money is not None and (
                    last_money.period == LATER or _later_over_own_year(amounts)):
                # “2025年“三公”经费预算135.00万元，较2024年预算减少47.00万元，下降25.82%”: the change
                # of the later year's amount it follows, no change of the report year's
                fact["period"] = LATER
            if scope is not None and scope.end() <= figure_at and unit in MONEY_UNITS and not YEAR_RE.search(phrase):
                # “2025年预算中，基本支出986.30万元、项目支出276.50万元”: the scope's year and measure
                fact["period"], measure = scoped
                if measure and fact.get("implicit"):
                    fact["measure"], fact["implicit"] = measure, False
            if opened is not None and fact.get("period") == CURRENT and not YEAR_RE.search(text, opened[1], figure_at):
                # “2022年，本局支出合计2,945.12万元”: the year opening the sentence is its figures', as
                # 2022年本局支出… is, until another year is named (本年 inside a line's name, 本年支出合计,
                # names none)
                fact["period"] = opened[0]
            if unit in MONEY_UNITS and fact.get("period") == CURRENT and last_money is not None \
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
            if unit in MONEY_UNITS and text[figure_end:figure_end + 1] in ("/", "／") and fact.get("implicit"):
                fact["measure"] = "实际值"  # (110元/亩: a price, no amount spent)
            if fact.get("concept") in self.unit_totals and unit in MONEY_UNITS \
                    and (unknown_topic or self._topic_clause_before(text, figure_at)):
                fact["concept"] = None  # (辅警经费…，全年支出648.00万元: that money's, no unit total)
            difference = self._difference(phrase, last_money) if unit in MONEY_UNITS and last_money is not None else 0
            if difference:
                # “比全年预算1,094.50万元少15.85万元”: the difference from the base just stated;
                # “全年预算数2,586.40万元，比年初预算多186.40万元”: from the budget the words name
                fact.update(measure="变动额", sign=difference, implicit=False,
                            concept=fact.get("concept") or last_money.concept, period=CURRENT)
            if self._after_from(phrase) and self.from_to_after.match(text, figure_end):
                if fact.get("measure") in BUDGET_MEASURES and any(
                        w in phrase[-FROM_QUALIFIER_CHARS - 2:] for w in self.year_start_words):
                    # “全年预算由年初的60.00万元调减至48.50万元”: the budget the year began with
                    fact.update(measure="年初预算", implicit=False)
                elif self._year_period(phrase) not in (OLDER, LATER):
                    fact["period"] = PRIOR  # “就餐人次由2,160人次减少到…”: where it started, not where it is
                # (“由2022年的3.27亿元增加到…”: a start its words date keeps its own year)
            # (a sentence opening on its plan may go on to the outcome in the figure's own words:
            # 全年计划救助85人，实际救助88人)
            outcome = plans and bool(self.says_run_in_outcome.search(compact(own_phrase)))
            if unit not in MONEY_UNITS and fact.get("measure") == "实际值" and not fact.get("comparator") \
                    and ((plans and not outcome) or self._under_plan_label(text, figure_at)
                         or self._planned_since(text, figure_at) or self._after_report_year(wide + phrase)):
                fact["measure"] = "目标值"
            # (names listed first take the figures after 分别 in turn, before the list's fund and measure)
            years_queue = self._years_in_turn(own_phrase, wide + own_phrase, fact, years_queue,
                                              compact(text[max(0, start - PHRASE_LIMIT):start]))
            respective_names, respective_queue = self._names_in_turn(own_phrase, wide + own_phrase, fact,
                                                                     respective_names, respective_queue)
            if unit not in MONEY_UNITS and unit not in ("%", "‰", "分"):
                counted = NOUN_AFTER_RE.match(text, figure_end).group()
                if fact.get("concept") is None and not self._part_of_year(self._clause_to(text, figure_at)):
                    fact["concept"] = self._indicator_like(phrase, unit, counted)
                elif counted and text[:start].rstrip().endswith("、") and phrase == fact["concept"]:
                    # (涉及城关镇、…、白水乡5个乡镇: a count after a list of names counts the list, what
                    # the noun after it names, not the last name's thing)
                    fact["concept"] = None
            minus = signed and fact.get("measure") == "变动率"  # (printed with the figure)
            if minus:
                # “增长-4.71%” is a fall of 4.71%; “下降-10%” is a fall said twice or a rise (PAT004
                # tells the wording): its size only
                fact["sign"] = -fact["sign"] if fact.get("sign", 0) > 0 else -1 if not fact.get("sign") else 0
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
            if unit in MONEY_UNITS:
                turn_measure = self._turn_measure(fact, own_phrase, turn_measure, wide)
            if unit in MONEY_UNITS and fact.get("implicit") and last_change is not None \
                    and not own_phrase.strip("、和及与 ") and not CLAUSE_BREAK_RE.search(text, previous_end, figure_at):
                # “比上年预算数、上年执行数分别减少10.00万元、5.00万元”: a list of changes goes on
                # in its first figure's measure and direction (no value of the last measure named)
                fact.update(measure="变动额", sign=last_change.sign, period=last_change.period, implicit=False)
            if unit == "分" and fact.get("implicit") and self.scored_after.match(text, figure_end) \
                    and not phrase.rstrip("，,：: ").endswith(self.deduction_words) \
                    and not CLAUSE_BREAK_RE.split(phrase)[-1].lstrip("，,；; ").startswith(self.deduction_words):
                # “产出指标40分，得38.50分”, “产出指标（50分）得分46分”: the points a part is out of,
                # before the points it scored (not the points off, 扣分四舍五入取整为2分，得8分)
                fact["measure"], fact["implicit"] = "分值", False
            if list_fund and not fact.get("fund") and (list_parts is ANY_PART or fact.get("concept") in list_parts):
                fact["fund"] = list_fund
            elif list_fund and unit in MONEY_UNITS and named_fund not in (None, "", list_fund):
                # a part naming a fund of its own (其中：一般公共预算财政拨款本年收入…、本年支出…；政府性
                # 基金预算财政拨款本年收入…): the parts after it are that fund's, up to the next named
                list_fund = fact["fund"]
            if in_list and list_period not in (None, CURRENT) and fact.get("period") == CURRENT \
                    and unit in MONEY_UNITS and not YEAR_RE.search(phrase) and not self.lex.prior.search(phrase):
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
            if opening_fund is None and unit in MONEY_UNITS:
                # (a fund's own concept opening the sentence, 政府性基金预算财政拨款收入…，当年支出…,
                # names the fund of the amounts after it as a fund named apart does)
                own_fund, opening_generic = self.fund_of.get(fact.get("concept") or "", ("", ""))
                opening_fund = fact.get("fund") or own_fund or self.section_fund or ""
                if fact.get("fund") or not own_fund:
                    opening_generic = ""
            elif opening_fund and unit in MONEY_UNITS and named_fund:
                # a fund named again takes the amounts after it (财政拨款收、支总计…。其中：一般公共
                # 预算财政拨款本年收入…、本年支出…；政府性基金预算财政拨款本年收入…、本年支出…)
                opening_fund = named_fund
            elif opening_fund and unit in MONEY_UNITS and not (opening_generic and (
                    fact.get("concept") == opening_generic or self.sum_words.search(phrase))):
                # (after a fund's own concept, the same kind of money named bare or as a 合计,
                # 一般公共预算财政拨款支出800.00万元，本年支出合计1,000.00万元, is the unit's)
                self._opening_fund(fact, opening_fund, phrase)
            if not fact.get("fund") and (unit in MONEY_UNITS or fact.get("measure") == "占比"):
                fact["fund"] = self.section_fund  # (a share in a fund's section is within that fund)
            if unit in MONEY_UNITS and fact.get("concept") is None and fact.get("measure") != "变动额":
                self._sum_of_listed(fact, phrase, amounts)
            self._settle(fact, text, figure_at, amounts)
            if plans and last_period == LATER and fact.get("period") == CURRENT and not YEAR_RE.search(wide + phrase) \
                    and not self.lex.current.search(wide + phrase) and not CLAUSE_END_RE.search(text, previous_end, figure_at):
                # (2025年计划新建管网50公里，完成投资3.00亿元: the later year a plan's sentence names
                # goes on through its clause; 完成2025年度项目储备12个，全年完成… states no plan)
                fact["period"] = LATER
            if self.item_subject and not fact.get("subject") and fact.get("concept") not in (None, self.lead):
                fact["subject"] = self.item_subject
            if in_turn is not None and fact.get("measure") == "占比":
                fact["of"] = in_turn.id  # (its concept may be none the vocabulary knows)
            fact["comparator"] = _bound_of(text, m)
            if not fact["comparator"] and self.other_basis and self.other_basis.search(text, 0, figure_at):
                fact["comparator"] = OTHER_BASIS
            if not fact["comparator"] and _in_formula(text, figure_at, figure_end):
                fact["comparator"] = "算式"  # (得分=（执行率-60%）÷（100%-60%）×分值: a rule's constant)
            if not fact["comparator"] and self._of_span(text, figure_at) and not self.took_year:
                # (see concepts.yaml multi_year_span; a figure taking one of the span's years in turn,
                # 近三年…分别为X、Y、Z, is that year's)
                fact["comparator"] = "多年"
            span_sum = fact["comparator"] in ("", "多年") and not self.took_year and not years_queue \
                and self._sums_run(year_run, unit, own_phrase)
            if span_sum:
                fact["comparator"] = "多年"  # (…分别为X、Y、Z，三年合计W: the years' sum, no year's figure)
            if not fact["comparator"] and fact.get("measure") in ("变动额", "变动率") and (
                    self._between_past_years(wide + phrase)
                    or (fact["measure"] == "变动率" and past_change and not YEAR_RE.search(phrase))):
                # “2023年项目支出比2022年减少223.45万元，下降9.27%”, “较2022年下降25.06%”: a change
                # between earlier years, or on a year before last (and its rate), is no change of
                # this year on last
                fact["comparator"] = "往年"
            past_change = fact["comparator"] == "往年" and fact.get("measure") == "变动额"
            if not fact["comparator"] and self.undone_after and (self.undone_after.match(text, figure_end) or (
                    unit not in MONEY_UNITS and self._undone_in_clause(text, figure_end))):
                # “新增消防车辆2辆尚未交付”: the number intended, not done (the table's 实际 0 辆 is);
                # a count's clause may name the things first (3家VOCs治理企业因停产未实施治理)
                fact["comparator"] = "未"
            if fact.get("concept") in self.column_total_of and any(w in text[:figure_at] for w in self.other_whole_words) \
                    and self._part_states_total(text, fact["concept"], unit, value):
                # (全县耕地面积合计128,600亩，其中…申报补贴的面积为98,400亩 beside a table totalling
                # 98,400: the whole area's figure, the table totals a part of it)
                fact["concept"] = None
            if fact.get("concept") and unit not in MONEY_UNITS and fact["concept"] not in self.lex.concepts.canonical \
                    and self.state_after.match(text, figure_end):
                fact["concept"] = None  # (重点研发计划32项已结题验收: the row's things in a state, some of them)
            if fact.get("concept") and unit in self.whole_units and "." in m.group("num"):
                # (…；2.5项自然科学基金项目…: a count of whole things with a decimal point is a list's
                # item 2 run into its count of 5, no figure of 2.5 things)
                fact["concept"] = None
            if fact.get("concept") and unit not in MEASURED_UNITS \
                    and self._flow_of_row(text, m, fact["concept"], unit in MONEY_UNITS):
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
            fact = Fact(id=len(self.base.facts), value=value, unit=unit,
                        places=DOUBLING_PLACES if doubled else _places(m.group("num")) - (2 if multiple else 0),  # (1.5倍 is 150% ± 5%)
                        text=sentence.text[figure_at - bool(minus or negative or bracket_tail):end].strip(),  # (-4.71%, as printed)
                        quote=sentence.text[start:end].strip().lstrip("，,；;、：:（( "), loc=sentence.loc, source="text",
                        label=phrase, block=index, sentence=s_index, at=figure_at, **fact)
            self.base.add(fact)
            if listed:
                self.base.list_parts.add(fact.id)
            year_run = self._year_run(year_run, fact, span_sum)
            last_period = fact.period
            if unit == "分":
                last_points = fact
            if opening is None and fact.is_money:
                opening = fact.concept or ""
            if fact.measure == "追加预算" and fact.is_money and opening not in (None, fact.concept):
                # “年初预算800.00万元…；年中追加上级转移支付50.00万元，全年预算数850.00万元”: the budget
                # after a part's addition is the whole's the sentence opened with, not that part's
                carried = opening or None
            elif fact.concept and fact.measure not in ("占比", "变动率", "完成率", "执行率") \
                    and not (fact.is_money and amounts and self.lex.comparison.match(phrase.lstrip("，,；;、：: "))
                             and self.lex.concepts.all(compact(phrase))):
                carried, self.carried_unit, unknown_since = fact.concept, fact.unit, ""
            # (a base compared with after the subject's amount, 年终结余12,640万元，比上年结转结余9,870万元
            # 增加2,770万元, names no subject: the change after it is the subject's, named before 比; a
            # sentence opening on the base, 比上年政府采购预算368.55万元增加44.31万元, names its subject there)
            elif fact.concept and fact.measure == "占比" and fact.concept != carried \
                    and fact.concept in {c for _s, _e, c in self.lex.concepts.all(compact(own_phrase))}:
                # (项目支出占37.80%，较上年下降60.00万元: a share's clause naming its thing names what the
                # clause after it goes on about)
                carried, unknown_since = fact.concept, ""
            elif fact.concept is None and not fact.comparator and fact.is_money and self.part_carried \
                    and not self.whole and fact.measure != "变动额":
                # after a list's sentence an amount naming only its measure (与上年实际支出…) is the
                # whole's, which has no name here: a change after it is not the last part's
                unknown_since = "all"
            elif fact.concept is None and not fact.comparator and fact.is_money and carried \
                    and self._other_kind(phrase, carried):
                # “…其中保险费收入21,345.67万元。支出22,178.04万元，为预算的94.4%”: an amount naming only
                # the other kind of money (支出 after a 收入) is no longer the concept named before; the
                # rates after it are its own, not that concept's
                unknown_since = "all"
            elif fact.concept is None and not fact.comparator \
                    and not _names_nothing(_blank(phrase, self.lex.concepts), self.lex):
                # a figure of a thing the vocabulary does not know (产出指标权重50分; 新增办公楼维修
                # 150.00万元): the figures after it that name nothing (得分47分; 较上年增加150.00万元)
                # are that thing's, not the concept named before it. An item of a list (差旅费15.00
                # 万元、…等) leaves a change or a rate after the list to the total (…等，比上年减少3.00万元)
                unknown_since = "plain" if text[figure_end:figure_end + 1] in LIST_ITEM_ENDS else "all"
            if fact.is_money and self.clause_owner is None:
                self.clause_owner = (fact.concept, phrase)  # (its words read only if a bare 执行率 asks)
            if fact.is_money:
                last_change = fact if fact.measure == "变动额" else None
            if not fact.is_money and fact.unit not in NOT_COUNT_UNITS and fact.measure != "变动额" and not fact.comparator:
                counts.append(fact)
            if fact.is_money and fact.measure != "变动额":
                last_money = fact
                amounts.append(fact)
                if not in_list and fact.period == CURRENT and not self.lex.comparison.search(phrase) \
                        and not _in_brackets(text, figure_at):
                    # (a base compared with, 比2024年预算14.20万元, is no whole listed next; nor is a
                    # note in brackets, …完成预算的85.60%（预算数10.00万元）。其中：…)
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
                if OPENING_BRACKET_RE.match(text, figure_end):
                    # （其中：…）, or its parts listed in brackets
                    # (a fund one of the parts names is theirs: 财政拨款收入…（其中一般公共预算拨款…），
                    # 事业收入… is no fund's part)
                    bracketed = (fact.concept, fact, in_list, list_measure, list_fund, list_parts)
                if opens:
                    in_list = True
                    if fact.measure in (*BUDGET_MEASURES, FORECAST) and not fact.implicit \
                            and not self._names_money_kind(phrase):
                        outer_measure = outer_measure or list_measure
                        # (a budget of a thing the vocabulary does not know, 项目总预算168.00万元，其中编纂费…:
                        # whatever its parts are named, they are budget)
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
        if bracketed is not None and CLOSING_BRACKET_RE.search(text, previous_end):
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
        return carried

    def _budget_parts(self, concept: str | None) -> set:
        """The parts a budget of `concept` may list (its own parts; a unit total's, every unit total's)."""
        return self.budget_parts.get(concept) or self.nested_parts.get(concept, self.any_part)

    def _opening_topic(self, text: str, figures: list) -> str | None:
        """The concept a sentence's first clause names with no figure of its own (2024年度“三公”经费
        财政拨款支出决算与2023年度相比，增加1.95万元): the figures after it that name none are its."""
        if not figures:  # (most sentences: no figure with a unit, no clause to look for)
            return None
        end = CLAUSE_BREAK_RE.search(text)
        if end is None or any(m.group("unit") and m.start() < end.start() for m in figures):
            return None
        return self._concept(compact(text[:end.start()]), last=True)

    def _subjects_of(self, text: str, subject: str) -> tuple:
        """Whose the sentence's figures are: (the paragraph's subject, the subject the sentence
        names, where it names it, where an unnamed project's cue starts, the projects named in
        it, whose the figures after the cue are)."""
        outer, named_at = subject, -1  # a project named in quotes: the figures after its name are its
        for pattern in self.subject_patterns:
            named = pattern.search(text)
            if named:
                subject, named_at = project_key(compact(named.group(1))), named.start()
                break
        cue = self.subject_cue.search(text) if self.subject_cue and not subject else None
        # “该项目……得分 100 分”: the figures after the cue are a project's, not the unit's
        unnamed_from = cue.start() if cue else len(text) + 1
        # a project one of the document's several forms names, named here without quotes
        # (村级综合服务站建设项目自评得分96.30分): the figures after the name are that project's
        named = self._form_projects_in(text) if not subject and 1 < len(self.form_projects) <= MAX_FORM_PROJECTS \
            else []
        named = _listed_together(text, named)
        own = self.own_project if cue and self._only_own_project(text) else \
            "" if cue and self.own_unnamed and self._only_own_cue(text) else UNNAMED
        own_at = self._own_name_at(text) if not subject else -1
        if own_at >= 0:  # (农村公路养护项目2024年度绩效自评总分…: the report's project by its name, as 本项目)
            unnamed_from, own = min(unnamed_from, own_at), self.own_project
        return outer, subject, named_at, unnamed_from, named, own

    def _states_plans(self, text: str, section: str | None) -> bool:
        """The sentence states plans (2024年度计划维修养护…126处) or stands in a section of targets
        (三、绩效目标): its counts and rates are targets, not what was achieved."""
        # the words before its first figure (after the item's own number: 2.2025年计划新建…)
        lead = FIRST_DIGIT_RE.split(_years_out(ITEM_TOKEN_RE.sub("", text, count=1)), maxsplit=1)[0]
        lead = compact(lead)
        if self.says_plan_only.search(lead):
            # (a plan word inside a name the tables print, 重点研发计划, says nothing of a plan)
            for start, end, _label in reversed(list(self.label_pattern.finditer(lead))):
                lead = lead[:start] + "\0" + lead[end:]
        plans = bool(self.says_plan_only.search(lead)) or (
            section != self.doc_title and self._names_plan(section or "")
            and not self.says_outcome.search(lead)) or (
            # under a run-in heading of targets, 全年完成X is the target; only 实际 / 已完成 state outcomes
            self.paragraph_plans and not self.says_run_in_outcome.search(lead))
        return plans

    def _sum_of_listed(self, fact: dict, phrase: str, amounts: list[Fact]) -> None:
        """A sum word opening the figure's words after amounts of the parts of one declared whole
        (因公出国（境）费0万元，公务用车购置及运行维护费15.34万元，公务接待费4.28万元，合计19.62万元):
        the figure is that whole (三公经费), in the parts' measure and period. The parts: the
        sentence's named amounts right before it, of one measure and period, the nearest of them
        that are all different parts of one declared whole only; at least two."""
        if not self.sum_words.match(phrase.lstrip("，,；;、：: ")):
            return
        listed: list[Fact] = []
        for f in reversed(amounts):
            if f.measure == "变动额" or f.concept is None or (listed and (f.measure, f.period) != (listed[0].measure, listed[0].period)):
                break
            listed.append(f)
        names = {f.concept for f in listed}
        for k in range(len(listed), 1, -1):  # (the longest run of parts of one whole, nearest first)
            names = {f.concept for f in listed[:k]}
            wholes = [t for t, parts in self.named_parts_of.items() if names <= parts]
            if len(names) == k and len(wholes) == 1:
                fact["concept"], fact["period"] = wholes[0], listed[0].period
                if fact.get("implicit"):
                    fact["measure"] = listed[0].measure
                return

    def _bracketed_parts(self, text: str, at: int) -> bool:
        """A bracket right after a figure, opening with the name of a thing of this year (基本支出…、
        项目支出…), not with another year's figure (（上年3.80万元）, （2024年…）)."""
        bracket = OPENING_BRACKET_RE.match(text, at)
        if bracket is None:
            return False
        first = FIRST_DIGIT_RE.search(text, bracket.end())
        words = text[bracket.end():first.start() if first else len(text)]
        return bool(self.lex.concepts.all(compact(words))) and not self.lex.prior.search(words) \
            and not YEAR_RE.search(words)

    def _topic_clause_before(self, text: str, at: int) -> bool:
        """A clause of the figure's ；-part before it opens with the name of a kind of money the
        vocabulary does not know (…，管护员补助按每人每月1,200元发放，全年支出51.84万元)."""
        start = max(text.rfind(ch, 0, at) for ch in "；;。") + 1
        clauses = re.split(r"[，,]", text[start:at])[:-1]
        return any(self._unknown_money_topic(c) for c in clauses)

    def _unit_like(self, text: str) -> bool:
        """A unit of measure (万人次, 场, 亩, %), not a unit's name (局机关, 监测站): short, no figure,
        no ending of an organisation's name."""
        words = compact(text)
        return 0 < len(words) <= 4 and not any(ch.isdigit() for ch in words) \
            and not words.endswith(self.organization_endings)

    def _unknown_money_topic(self, text: str) -> bool:
        """The sentence opens with the name of a kind of money the vocabulary does not know (辅警经费
        按…核定，…): its first words, up to a verb or a break, end so and name no concept."""
        if not self.topic_endings_money:
            return False
        text = ITEM_TOKEN_RE.sub("", text, count=1)
        counted = self.counted_topic.match(compact(text))
        if counted and not self.lex.concepts.all(counted.group(1)):
            return True  # (城市低保1,246户2,018人，…，全年支出…: the group counted is the topic)
        lead = compact(self.topic_end.split(text, maxsplit=1)[0])
        lead = re.split(r"\d", lead, maxsplit=1)[0]  # (城市低保月人均补助612元: the name ends at its figure)
        return 2 < len(lead) <= 16 and lead.endswith(self.topic_endings_money) and not self.lex.concepts.all(lead) \
            and not any(ch.isdigit() for ch in lead)

    def _kind_only(self, bare: str) -> bool:
        """Words naming nothing (see _names_nothing) name a kind of money (与上年支出; 支出较上年:
        the kind as the subject, before its comparison)."""
        return any(kind in bare for kind in self.money_kinds)

    def _ends_on_budget(self, text: str, last: Fact) -> bool:
        """The sentence's last amount outside a list is a budget its words name, and nothing after
        it names another measure (…全年预算2,436.80万元，实际支出2,371.26万元 with the actual
        unread stays no budget's sentence)."""
        if last.measure not in BUDGET_MEASURES or last.implicit or self._names_money_kind(last.label):
            return False
        if RATE_OF_AFTER_RE.match(text, last.at + len(last.text)):
            return False  # (…决算11.70万元，完成预算13.10万元的89.31%: the base of a rate, not the subject)
        tail = compact(text[last.at + len(last.text):])
        return all(name in BUDGET_MEASURES for _s, _e, name in self.lex.measures.all(tail))

    def _names_whole(self, clause: str) -> bool:
        """A score's clause names the whole evaluation: a whole score's word, or the unit itself."""
        return any(w in clause for w in self.whole_score_words) \
            or (self.self_words is not None and self.self_words.found_in(clause))

    def _whole_after_rate(self, gap: str) -> bool:
        """After a figure in per cent (the category's rate), words naming the whole score itself
        (预算执行率91.00%，项目自评得分…; not 预算执行率91.00%，得分9.10分, the category's)."""
        rates = list(RATE_FIGURE_RE.finditer(gap))
        return bool(rates) and self.lex.concepts.last(compact(gap[rates[-1].end():])) in self.score_totals.values()

    def _sibling_compound(self, phrase: str, start: int, label: str) -> bool:
        """The row label is the tail of a compound naming it together with a sibling row: the words
        right before it and the tail they share make another row's label (行政事业单位 over the rows
        行政单位 and 事业单位 names both, not 事业单位)."""
        return any(other != label and other in self.row_labels
                   for head in range(1, SIBLING_HEAD_MAX + 1) if head <= start
                   for tail in range(1, SIBLING_TAIL_MAX + 1) if tail < len(label)
                   for other in [phrase[start - head:start] + label[-tail:]])

    def _section_category(self, section: str) -> str | None:
        """The score category a section's heading names. Every paragraph under it asks, and the same
        headings stand in report after report: short headings' answers are kept per vocabulary."""
        return remember_short(self.lex.section_categories, section, self._unnumbered_category)

    def _unnumbered_category(self, heading: str) -> str | None:
        return self._score_category_named(_unnumbered(heading))

    def _score_category_named(self, words: str) -> str | None:
        """The score category a topic names, its usual tails aside (决策情况, 过程方面, 效益指标完成情况)."""
        words = compact(words)
        for _ in range(CATEGORY_TAILS_MAX + 1):
            if self.score_category.fullmatch(words):
                return words
            tail = next((e for e in self.category_tails if words.endswith(e) and len(words) > len(e)), "")
            if not tail:
                return None
            words = words[:-len(tail)]
        return None

    def _part_named_before_rate(self, phrase: str) -> str:
        """The money concept a phrase names right before its 执行率 (基本支出执行率), if a part of the
        unit's spending rather than the whole."""
        cut = phrase.rfind("执行率")
        if cut <= 0:
            return ""
        named = self._concept(CLAUSE_BREAK_RE.split(phrase[:cut])[-1], last=True)
        return named if named in self.money and named not in self.unit_totals else ""

    def _bare_rate(self, phrase: str) -> bool:
        """Whether the phrase names its rate only by a bare name (执行率, not 预算执行率)."""
        found = self.lex.concepts.all(phrase)
        return bool(found) and all(phrase[start:end] in self.bare_names for start, end, _ in found)

    def _other_named_before(self, phrase: str, start: int) -> bool:
        """Words naming a thing right before a bare name (政府采购|执行率), in its clause."""
        words = _years_out(CLAUSE_BREAK_RE.split(phrase[:start])[-1])
        for own in (*self.own_cues, *self.name_heads):  # (本)项目执行率: the project's own, the form's
            words = words.replace(own, "")
        # (部门预算资金执行率, 本局资金执行率: the unit's whole money names no other thing; 项目资金执行率
        # is the projects', PROJECTS_RATE_RE)
        return bool(CJK_BEFORE_RE.search(phrase, 0, start)) and not _names_nothing(words, self.lex) \
            and not names_whole_money(words, self.lex)

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

    def _years_in_turn(self, phrase: str, words: str, fact: dict, queue: list[str], lead: str = "") -> list[str]:
        """Years listed first and figures after 分别 / 依次 (2023年、2024年和2025年，查档利用依次为
        9,320人次、9,860人次、11,204人次): each figure takes the next year, not the last one named."""
        self.took_year = ""
        if self.respectively.search(phrase):
            before = self.respectively.split(words, 1)[0]
            listed = YEAR_LIST_RE.findall(before)
            # (a span read in the words before the phrase as printed, `lead`: the year opening a span
            # with no 年, 2022—2024年, is read as a bare number, and the phrase's words start after it)
            queue = YEAR_RE.findall(listed[-1]) if listed else \
                self._span_years(lead + self.respectively.split(phrase, 1)[0])
            if not queue:
                return []
        elif not queue or YEAR_RE.search(phrase) or not _names_nothing(_blank(phrase, self.lex.concepts), self.lex):
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
            count = int(m.group(3)) if m.group(3).isdigit() else cn_to_int(m.group(3))
            first, last = self.year - (count or 0) + 1, self.year
        else:
            return []
        return [str(y) for y in range(first, last + 1)] if 1 < last - first + 1 <= SPAN_IN_TURN_YEARS else []

    def _names_in_turn(self, phrase: str, words: str, fact: dict, names: list[str], queue: list[str]):
        """Names listed first and figures after 分别 (人员经费、公用经费分别为716.90万元、95.56万元;
        …分别比上年减少0.36万元和0.19万元，分别下降7.50%和11.73%): each figure takes the next name.
        A later 分别 naming nothing takes the same names again, in the same order."""
        if self.respectively.search(phrase):
            clause = CLAUSE_BREAK_RE.split(words)[-1]  # the names may stand before a 、 inside the clause
            named = list(dict.fromkeys(c for _, _, c in self.lex.concepts.all(self.respectively.split(clause, 1)[0])))
            if len(named) >= 2:
                names, queue = named, named[:]
            elif not named and names:
                queue = names[:]
            else:
                return names, []
            self.turn_period = fact.get("period")
        elif not queue or not _names_nothing(_blank(phrase, self.lex.concepts), self.lex):
            return names, []
        elif fact.get("measure") == "决算" and self.turn_period and not YEAR_RE.search(phrase):
            # “（上年分别为3,010.62万元和6,647.82万元）”: the list's figures are all of the year it names
            fact["period"] = self.turn_period
        if queue and fact.get("measure") != "占比":  # (a share's whole and owner are read apart)
            fact["concept"] = queue.pop(0)
        return names, queue

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

    def _opening_fund(self, fact: dict, fund: str, phrase: str) -> None:
        """“政府性基金预算财政拨款年初结转和结余12.00万元，本年收入87.38万元，本年支出…”: the fund the
        sentence's first amount names is its later amounts' that name a concept the fund
        qualifies and no fund, outside a share's base (占本年支出合计…) or a comparison."""
        if not fact.get("fund") and fact.get("concept") in self.fund_qualified.get(fund, {}) \
                and not self.lex.comparison.search(phrase) and self.lex.rate_measures.last(phrase) != "占比":
            fact["fund"] = fund

    def _settle(self, fact: dict, text: str, at: int, earlier: list) -> None:
        """What the figure's sentence says of it besides its phrase: a total score after a score
        category's words (产出指标分值50分，自评得分49.23分) is the category's (its member); a fund's
        figure of a concept the fund qualifies (财政拨款收、支总计…) is the fund's own concept, as
        a table titled with the fund states it (`earlier`: the sentence's amounts before it)."""
        if fact.get("concept") in self.score_totals.values() and fact.get("measure") == "得分" \
                and not fact.get("member"):
            category = None
            for category in self.score_category.finditer(text, 0, at):
                pass  # the last category named before the score
            gap = text[category.end():at] if category else ""
            if category and (POINTS_RE.search(gap) and not WEIGHT_RE.search(gap) or self._whole_after_rate(gap)):
                # (…预算执行率91.00%，项目自评得分95.71分: after the category's rate, a whole score)
                # points of another part stand between (其中产出指标45分、…，农村公路养护项目自评
                # 得分86分 is the project's); the category's weight may (产出指标分值50分，自评得分48分)
                category = None
            indicator = INDICATOR_NAMED_RE.search(text, 0, at) if not category else None
            if category:
                fact["member"] = category.group(0)
            elif indicator:
                # “…”指标…该指标分值5分，自评得分4分: one indicator's score, not the evaluation's
                fact["member"] = indicator.group(1) or indicator.group(0)
            elif self.para_category and not self._names_whole(compact(CLAUSE_BREAK_RE.split(text[:at])[-1])):
                # (…，本项目自评总得分95分 or 本部门…整体支出绩效自评得分 in that paragraph: the whole's,
                # as its own clause says)
                fact["member"] = self.para_category
        own_concept = self.fund_qualified.get(fact.get("fund"), {}).get(fact.get("concept"))
        if own_concept and any(f.concept == own_concept for f in earlier):
            # (全区一般公共预算支出742,180万元，加上上解上级支出16,520万元，支出合计758,700万元: a
            # total summing the fund's own figure with others is no figure of the fund's)
            fact["concept"] = None
        elif own_concept:
            fact["concept"] = own_concept

    def _says_scored(self, phrase: str) -> bool:
        """The figure's own clause names points scored (满分100分，自评得分97.90分; …，得92分):
        no weight listed under the full marks."""
        clause = CLAUSE_BREAK_RE.split(phrase)[-1]
        return self.lex.measures.last(compact(clause)) == "得分" or clause.rstrip("为：: ").endswith("得")

    def _rise_multiple(self, text: str, m: re.Match, previous_end: int) -> str:
        """The multiple word after a figure with no unit, when the words before it say a rise
        (比上年增长1.5倍, 增加了2倍): the figure is a change rate of N × 100%. 是上年的2.5倍 states a
        ratio, no rise, and stays no figure."""
        word = next((w for w in self.multiple_words if text.startswith(w, m.end())), "")
        end = m.end() + len(word)
        if not word or BOUND_AFTER_RE.match(text, end) or text.startswith(self.rough_after, end):
            return ""  # (增长2倍以上, 增长2倍多: a bound or a rough figure, no rate to recompute)
        phrase = compact(text[_phrase_start(text, m.start(), previous_end):m.start()])
        rises = _change_sign(phrase, self.lex) > 0 and self.lex.rate_measures.last(phrase) == "变动率"
        return word if rises or self._ratio_multiple(text, m, previous_end) else ""

    def _year_slice(self, phrase: str, unit: str) -> str | None:
        """A year's part of a count summed over years, listed after it (累计新建截流井36座，其中2024年
        新建15座): the figure before in the unit, summed (concepts.yaml cumulative_words), whose words
        hold the part's own (新建: its years and the list's opener aside): that year's count of the
        same thing, the concept of the whole's."""
        words = compact(phrase)
        opened = next((k + len(w) for w in self.lex.list_openers for k in [words.find(w)] if k >= 0), -1)
        previous = self.base.facts[-1] if self.base.facts else None
        if opened < 0 or previous is None or previous.unit != unit or not previous.concept \
                or not any(w in previous.label for w in self.cumulative_words):
            return None
        own = YEAR_RE.sub("", words[opened:]).strip("：:，,")
        if not YEAR_RE.search(words[opened:]) or len(own) < 2 or own not in compact(previous.label):
            return None
        return previous.concept

    def _ratio_multiple(self, text: str, m: re.Match, previous_end: int) -> bool:
        """A multiple stating the ratio of the figure before to a base its clause states (是上年
        64.00万元的1.5倍): a ratio of N × 100%, like 是…的150%. Not a multiple of a rate (增幅是上年
        增幅的2倍) or of a base no figure states (是上年的2倍)."""
        if not self.lex.base_figure_before.search(text, max(0, m.start() - BASE_FIGURE_REACH), m.start()):
            return False
        # (a base's thousands separator, 是上年1,293例的, breaks no clause)
        clause = MULTIPLE_CLAUSE_BREAK_RE.split(text[max(0, previous_end - PHRASE_LIMIT):m.start()])[-1]
        return any(w in clause for w in self.ratio_multiple_cues)

    def _counted_concept(self, phrase: str, unit: str, wide: str, m: re.Match) -> str | None:
        """The thing a count in a unit of its own counts, by a cue word in its words (共接待国内公务来宾
        15批次: 国内公务接待批次); a count listed right after another (15批次、112人次) counts the same
        doing; a count in a sum's clause (…，合计125批次) the whole of the parts counted before it."""
        words = wide + phrase
        found = self._cued(words, unit)
        if any(opener in words for opener in self.lex.list_openers):
            # (…2批次、26人次，其中：接待外宾0批次: a part of them, no count of them all; the part
            # itself where the vocabulary knows it as one)
            return found if found in self.counted_whole else None
        last = self._counted_before(m)
        if found is None and last is not None and not compact(phrase).strip("、，,和及与共计"):
            found = self._same_doing(last.concept, unit)
        if self.sum_words.match(phrase.lstrip("，,；;、：: ")):
            # (国内公务接待120批次、980人次，外事接待5批次、42人次，合计125批次: the sum is of the
            # whole, whatever part was named last)
            found = found or (last.concept if last is not None else None)
            found = self._same_doing(self.counted_whole.get(found, found), unit) if found else None
        return found

    def _cued(self, words: str, unit: str) -> str | None:
        """The counted concept of `unit` whose cue stands nearest the end of `words`, the longest of
        those ending there (国内公务接待 over 公务接待; after 接待外事团组5批次，国内公务接待…: the latter)."""
        best = max(((words.rfind(c) + len(c), len(c), name) for name, cues in self.counted[unit]
                    for c in cues if c in words), default=None)
        return best[2] if best else None

    def _same_doing(self, concept: str | None, unit: str) -> str | None:
        """The counted concept of `unit` counting what `concept` counts (公务接待批次 -> 公务接待人次)."""
        cues = self.counted_cues.get(concept)
        return next((name for name, own in self.counted.get(unit, ()) if own == cues), None) if cues else None

    def _counted_by_money(self, phrase: str, unit: str, m: re.Match, money: Fact | None) -> str | None:
        """A count whose own words name no thing (国内公务接待支出36.85万元，接待251批次): the thing the
        amount before it in its sentence names, where a counted concept of that thing exists and the
        count's words are the doing it names (接待 of 国内公务接待), no other doing (培训)."""
        words = phrase + self._clause_to(m.string, m.start())
        if money is None or money.source != "text" or money.at >= m.start() \
                or m.string[money.at:money.at + len(money.text)] != money.text \
                or any(opener in words for opener in self.lex.list_openers) or self._cued(compact(words), unit):
            return None  # (a list's part, or a count naming a thing of its own)
        found = self._cued(compact(money.label), unit)
        # (the verb closing the count's own words, 共接待 -> 接待: two characters, a doing)
        verb = compact(phrase).rstrip("了共计约为达")[-2:]
        cues = self.counted_cues.get(found, ())
        return found if len(verb) == 2 and any(verb in c for c in cues) else None

    def _counted_before(self, m: re.Match) -> Fact | None:
        """The last fact read when it is a count of a counted concept earlier in the same sentence."""
        last = self.base.facts[-1] if self.base.facts else None
        if last is None or last.concept not in self.counted_cues or last.source != "text" \
                or last.at >= m.start() or m.string[last.at:last.at + len(last.text)] != last.text:
            return None
        return last

    def _text_fact(self, phrase, m, value, unit, carried, plain_carried, last_money, subject, wide) -> dict:
        """`carried`: the concept named last, for a change or a rate that names none;
        `plain_carried`: the same for a plain figure, None after a figure of an unknown thing."""
        concept = self._concept(phrase, last=True)
        if concept is None and unit in MONEY_UNITS:
            concept = self._planned_concept(phrase)  # (一般公共预算收入安排12.97亿元: the 收入's)
        if concept is None and unit in self.counted:
            concept = self._counted_concept(phrase, unit, wide, m) or self._counted_by_money(wide + phrase, unit, m, last_money)
        if UNREAD_AMOUNT_RE.search(wide + phrase):
            # (其中罚没收入2,1680.00万元，比上年减少474万元: the change is of the amount no one can
            # read, not of the one named before it)
            carried = plain_carried = None
        if concept in self.lead_totals and self.lead and self.lead != concept \
                and self.lead.endswith(self.lead_totals[concept]):
            # “四、“三公”经费：本年支出5.11万元” / “（二）国有资本经营预算支出。本年支出…”: the
            # item's own spending, not the unit's
            concept = self.lead
        if concept is None and (self.sum_words.match(phrase.lstrip("，,；;、：: ")) or (
                self.sum_words.search(phrase) and len(self.lex.concepts.all(phrase)) >= 2)):
            # “…、公用经费412.56万元和项目支出1,205.30万元，合计较上年的…增长7.10%”: the sum of the
            # list, not its last part; a thing the text does not name (so is 经营收入和其他收入合计)
            carried = plain_carried = None
        if concept is None or wide.endswith("、"):
            # “收、支总计各减少 …”: a name cut by a clause break still names the figure; cut by
            # 、 (财政拨款收、支总计各增加), the whole name wins over the part after the 、 (总计)
            whole = self._concept(wide + phrase, last=True, after=len(wide))
            if whole is None and wide.endswith("、") and self.sum_words.search(phrase):
                # “营房维修、宣传培训、执勤业务经费合计174.00万元”: the sum of the items listed
                concept, carried, plain_carried = None, None, None
            concept = whole or concept
        bare = _blank(phrase, self.lex.concepts)  # 预算 inside 一般公共预算财政拨款收入 is no measure
        if concept and concept not in self.lex.concepts.canonical and concept in bare:
            # nor 得分 inside a table row's own name (全省营商环境评价得分88.6分: that indicator's value)
            bare = bare.replace(concept, " " * len(concept))
        # nor 上年 inside 上年结转资金 a period; a name cut by 、 (2023年度收、支总计) keeps the year
        # said before its cut, in the same clause
        cut = _blank(CLAUSE_BREAK_RE.split(wide)[-1], self.lex.concepts) if wide.endswith("、") else ""
        if cut and CLOSED_COMPARISON_RE.search(cut):
            cut = ""  # (与上年相比收、支总计…: the year compared with, not the figure's; 比上年收入、支出总计… is last year's)
        period = PRIOR if self.lex.prior.search(bare + cut) or self.opening_base.search(compact(phrase)) \
            else self._year_period(cut + phrase)
        # the fund named first: 政府性基金预算财政拨款… is that fund's, not all 财政拨款
        fund = next((name for _, _, name in self.lex.funds.all(bare)), "")
        out = dict(subject=subject, fund=fund, period=period)
        if unit in ("%", "‰", "个百分点"):
            if self.lex.partial_period.search(wide + phrase):
                # a rate of a part of the year (三季度末预算执行率72.9%) states no rate of the year
                return dict(out, concept=None, measure="实际值")
            # a rate of a thing the vocabulary does not know (其中项目支出规划服务较年初完成92%) is
            # that thing's, not the concept named before
            rate = self._rate(phrase, concept, carried if _names_nothing(bare, self.lex) else None, last_money, out)
            if rate["concept"] is None and rate["measure"] == "实际值" and self.carried_unit == unit \
                    and _names_nothing(bare, self.lex):
                # a rate naming nothing after a rate of a concept (上年预算执行率为94.25%，本年为
                # 97.35%) is that concept's, as a plain figure is
                rate["concept"] = plain_carried
            return rate
        if unit != "分" and self._part_of_year(phrase if unit in MONEY_UNITS else self._clause_to(m.string, m.start())):
            # 上半年累计支出461.90万元, 四季度接待查档3,249人次: an amount or a count of a part of
            # the year, no figure of the year (no indicator's either: see _indicator_like's caller)
            return dict(out, concept=None, measure="实际值")
        change = _change_sign(phrase, self.lex) or (self._verb_first_change(phrase) if unit in MONEY_UNITS else 0)
        # a figure right after 增加 / 减少 / 提高 is a change, in money, points or things alike
        # (“与上年相比，提高2.86分” is no score)
        if change:
            # a kind of money alone as the subject of a comparison (收入比去年多297.77万元; 支出比上年…)
            compared = self.lex.comparison.search(phrase) if unit in MONEY_UNITS else None
            kind = phrase[:compared.start()] if compared and compared.start() \
                and kind_total(phrase[:compared.start()], self.self_words) else ""
            if concept is None and _names_nothing(bare, self.lex) and unit in MONEY_UNITS:
                # an amount's change is of the amount named before it: a figure's, or a thing the
                # clause before says spent nothing (因公出国（境）费支出为零，较上年减少3.10万元)
                # (after a sentence listing a whole's parts, a change naming nothing is the whole's:
                # …其中：…公务接待费2.56万元。较上年减少1.14万元 is the 三公 total's)
                concept = self._zero_stated(wide) or (
                    None if self._other_thing_between(wide, carried)
                    else self.whole if self.part_carried and self.whole else carried)
                if concept and kind:
                    concept = self._same_kind(concept, kind)  # (…收入…；支出比上年增加…: the 支出 of it)
            elif unit not in MONEY_UNITS and concept in self.money:
                concept = None  # “公务接待费减少12批次” counts receptions, not the money
            if concept is None and kind:
                # the figure of that kind spoken of (事业收入…。收入比上年…), or the whole whose parts
                # the sentence before listed (收入合计…，其中：…其他收入…。收入比去年多…); with none
                # spoken of, none (a thing the vocabulary does not know may have been)
                spoken = self.whole if self.part_carried and self.whole else carried
                concept = self._same_kind(spoken, kind) if spoken else None
            return dict(out, concept=concept, measure="变动额", sign=change, period=CURRENT)
        # “年初基本支出预算”: the measure's words may stand on both sides of the concept; the
        # 预算 of a fund's name (一般公共预算资金支出) is no budget
        measured = (_blank(bare, self.lex.funds) if "预算" in bare else bare).replace(" ", "")
        measure = None if self._fault_named(measured) else self.lex.measures.last(measured)
        if measure in BUDGET_MEASURES and measure != "年初预算" and self._year_start_budget(bare):
            measure = "年初预算"
        if unit in MONEY_UNITS and measure in (None, "决算") and self._forecast_head(compact(bare)):
            measure = FORECAST  # (预计全年执行1,265.00万元: expected, not spent; as a forecast's column)
        if measure == "决算" and unit and unit not in MONEY_UNITS and unit not in ("%", "‰", "分"):
            measure = "实际值"  # (实际完成37期: an outturn word over a quantity states what was achieved, no amount spent)
        if concept is None and _names_nothing(bare, self.lex) and (unit in MONEY_UNITS) == (carried not in self.not_money) \
                and (unit in MONEY_UNITS or self.carried_unit in (None, unit)):
            # not a rate's concept to a count after it (执行率95%；3条道路…). An amount naming only
            # its measure (全年预算数, 全年执行数) after a part added (加上年结转资金410.25万元，全年预算数
            # …) or after a list's sentence (…，其中A…、B…。全年执行数…) is the whole's, not the
            # part's; inside the list's sentence it is the part's (其中，基本支出全年预算…，实际支出…)
            # (so is an amount naming only the kind of money, 与上年支出3,302.67万元)
            concept = self.whole if (measure is not None or self._kind_only(bare)) and unit in MONEY_UNITS \
                and self.part_carried and plain_carried is not None else plain_carried
            previous = self.base.facts[-1] if self.base.facts else None
            if compact(phrase) in self.result_words and previous is not None and previous.measure == "变动率" \
                    and previous.concept and previous.unit == "%":
                # “公务接待费减少25%至2.40万元”: the amount a change ends at is the changed thing's,
                # of the measure the change's words name (…年初预算较上年减少25%至3.50万元: a budget)
                concept = previous.concept
                measure = measure or self.lex.measures.last(_blank(compact(previous.label), self.lex.concepts)
                                                            .replace(" ", ""))
        if concept is None and unit and unit not in MONEY_UNITS and _counted_unit(unit):
            concept = self._year_slice(phrase, unit)
        if concept is None and unit == "分" and carried and carried == self.lead and carried not in self.money \
                and _names_nothing(bare, self.lex):
            concept = carried  # (建档率：…该指标分值10分，得9.85分: the run-in indicator label's points)
        if concept is None and unit in MONEY_UNITS and carried in self.not_money and last_money is not None \
                and last_money.concept and self.lex.comparison.search(phrase) and _names_nothing(bare, self.lex):
            # “全年实际支出X万元，预算执行率96.71%，较上年同期的Y万元…”: an amount compared after a
            # rate is of the amount the rate was of, not of the rate
            concept = last_money.concept
        if concept is None and measure is not None and unit in MONEY_UNITS and subject not in ("", UNNAMED) \
                and not self.classified_item.search(subject) and _names_nothing(self._without_own_cues(bare), self.lex):
            # a project's amount naming nothing but its measure (本项目全年预算数为850.00万元,
            # 全年执行资金…) is of its total funds, the row its form states them in; without a
            # measure word (本项目资金总额100.00万元) it may be the budget as well as the outturn
            concept = self.project_funds
        if concept is None and unit == "分" and measure in (None, "得分") and self.project_funds \
                and compact(bare).rstrip("为是达约：:") in self.execution_score_names:
            # the points of the budget's execution (预算执行得分10.00分): the points its form gives the
            # row of its funds (年度资金总额 | … | 得分 9.50)
            concept = self.project_funds
        if concept is None and unit == "分" and measure == "得分" and self._own_whole_score(bare, subject):
            concept = next(iter(self.whole_scores))  # (经自评，项目得分98.93分: its form's total, 自评得分)
        if concept is None and measure is not None and unit in MONEY_UNITS and subject == "" and self.lead is None \
                and plain_carried is None and self.self_words and self.self_words.found_in(phrase) \
                and _names_nothing(self.self_words.sub("", bare), self.lex):
            # the unit naming itself and a measure only (全局全年预算数4,319.20万元，全年预算执行数…):
            # its spending as a whole, the first of unit_totals
            concept = self.unit_spending
        implicit = measure is None
        if measure is None:
            # points after the name of an indicator a table states achieved in points
            # (部门考核得分 ≥90分 | 93分) are what it achieved, not points scored on it
            scored = unit == "分" and concept not in self.point_indicators
            measure = self._bare_measure(phrase) if unit in MONEY_UNITS else ("得分" if scored else "实际值")
            if unit in MONEY_UNITS and period == PRIOR and last_money is not None and last_money.period == CURRENT \
                    and last_money.measure in BUDGET_MEASURES and self.lex.comparison.search(phrase) \
                    and _names_nothing(bare, self.lex) and not _base_of_rate(m.string, last_money):
                # “全年预算数315.00万元，比上年300.00万元增长5.00%”: the year compared with, naming
                # no measure, is the budget's last year
                measure = last_money.measure
            if unit in MONEY_UNITS and concept is None and phrase.rstrip("，,：: 为约达").endswith(self.lex.per_unit_words):
                measure = "实际值"  # (户均546.5元: an average, no amount spent)
        if unit in MONEY_UNITS and concept and self._concept(phrase, last=True) is None:
            concept = self._same_kind(concept, phrase)
        if unit in MONEY_UNITS and concept and self.fund_of.get(concept, ("", ""))[1] in self.kind_totals.values() \
                and compact(phrase).rstrip("为是达约：:").endswith(self.grand_total_words):
            # “政府性基金支出总计82,294.95万元”: a fund's grand total (with transfers and balances),
            # not its 本年支出: the fund's 收支总计 where the vocabulary names one, else nothing
            # (the unit's own 本年支出总计 is often written for its 合计: left as it reads)
            fund = self.fund_of[concept][0]
            concept = self.fund_qualified.get(fund, {}).get("收支总计")
        if unit in MONEY_UNITS and concept and self.lex.per_unit.search(phrase):
            # “初中生均一般公共预算教育支出16,987.56元”, “每生每年1,100元”: an amount per head is no
            # amount of the thing it names (the words stay its label, for DRV014)
            concept = None
        if unit in MONEY_UNITS and concept in self.kind_totals.values() and (
                self.other_whole or self._names_other_whole(phrase)):
            # (全县4项社会保险基金收入合计…，支出合计…: those funds' income and spending, not the unit's)
            concept, self.other_whole = None, True
        elif unit in MONEY_UNITS and concept in self.kind_totals.values() and self._qualified_total(phrase):
            concept = None  # (药品收入合计298.84万元: one kind of income's total, not the unit's)
        return dict(out, concept=concept, measure=measure, implicit=implicit)

    def _fault_named(self, words: str) -> bool:
        """A measure word in a figure's words followed in its clause by a word of a fault (预算编制
        不细化38个1.12亿元; or holding it, 无预算超预算支出21个): the words name a kind of problem an
        audit found, after the budget it concerns, and no measure of the figure. (The fault word
        may open on the character before the measure's, 超 of 超预算.)"""
        if not self.lex.fault_words.search(words):
            return False  # (most figures' words hold no fault: one search tells)
        return any(self.lex.fault_words.search(CLAUSE_BREAK_RE.split(words[max(0, start - 1):])[0])
                   for start, _, _ in self.lex.measures.all(words))

    def _planned_concept(self, phrase: str) -> str | None:
        """The concept a plan's amount is set for, its words ending on the thing's name and a plan verb
        (concepts.yaml plan_verbs: 一般公共预算收入安排, 收入预期): read without the verb. A phrase
        holding no such verb at its end is left alone (one check of its tail)."""
        words = phrase.rstrip("为是达约：:，, ")
        verb = next((v for v in self.plan_verbs if words.endswith(v)), None)
        return self._concept(words[:-len(verb)], last=True) if verb else None

    def _embedded_share(self, phrase: str, last_money: Fact | None) -> dict | None:
        """A share whose whole is stated inside its 占…的 (税收收入98,650万元，占全县一般公共预算收入
        139,880万元的70.5%): of the amount before that whole, in the whole's concept."""
        if last_money is None or not EMBEDDED_SHARE_TAIL_RE.fullmatch(compact(phrase)) or last_money.concept is None:
            return None
        label = compact(last_money.label)
        if not label.lstrip("，,；;、").startswith("占"):
            return None
        part = next((f for f in reversed(self.base.facts) if f.id < last_money.id and f.block == last_money.block
                     and f.sentence == last_money.sentence and f.is_money and f.measure != "变动额"), None)
        if part is None:
            return None
        return {"concept": part.concept, "measure": "占比", "base": last_money.concept, "of": part.id}

    def _difference(self, phrase: str, last_money: Fact) -> int:
        """+1 / −1 for an amount told as more or less than a base (比…多 / 少), else 0: the bare
        word after the base's own figure, or the word closing a phrase naming a budget."""
        words = phrase.strip("，, ")
        if words in DIFFERENCE_WORDS and self.lex.comparison.search(last_money.label):
            return DIFFERENCE_WORDS[words]
        tail = DIFFERENCE_TAIL_RE.search(phrase)
        return DIFFERENCE_WORDS[tail.group(1)] if tail and named_budget_base(phrase) else 0

    def _same_kind(self, carried: str, phrase: str) -> str | None:
        """A concept carried to a phrase naming only the other kind of money (政府性基金预算财政拨款
        收入85.00万元…；支出78.60万元): that fund's figure of the kind named, or none."""
        kinds = [k for k in self.kind_totals if k in phrase]  # (concepts.yaml kind_totals: 支出, 收入)
        if len(kinds) == 1 and any(w in carried for w in self.balance_words):
            # (“…年末结转146.46万元。与2023年实际支出4,402.17万元相比…”: a balance is no spending)
            return self.kind_totals[kinds[0]]
        if len(kinds) != 1 or kinds[0] in carried or not any(k in carried for k in self.kind_totals):
            return carried
        fund, _generic = self.fund_of.get(carried, ("", None))
        return self.fund_qualified.get(fund, {}).get(self.kind_totals[kinds[0]]) if fund else None

    def _zero_stated(self, words: str) -> str | None:
        """The concept of a clause stating a thing's amount as nothing (X为零, X为0, X未发生),
        when `words` end with one."""
        m = self.lex.zero_statement.search(words)
        if m is None or words[m.end():].strip("，,；;、 "):
            return None
        return self._concept(words[:m.start()], last=True)

    def _own_whole_score(self, bare: str, subject: str) -> bool:
        """In a report on one project, points naming nothing but the project (项目得分98.93分; not
        a table's head, 社区养老服务项目 | 得分, where a name runs into it): the project's whole score.
        (项目得分 is no word of the vocabulary's for it: in a report on many, it is some project's.)"""
        if not (self.own_project or self.own_unnamed) or subject not in ("", self.own_project) or not self.whole_scores:
            return False
        words = self._without_own_cues(bare)
        for head in self.name_heads:
            words = words.replace(head, "")
        # (the project named, and nothing else: a bare 得分8分 may be any part's)
        return words != bare and _names_nothing(words, self.lex)

    def _without_own_cues(self, bare: str) -> str:
        """本项目 / 该项目 name the subject, not a concept of its own."""
        for cue in self.own_cues:
            bare = bare.replace(cue, "")
        return bare

    def _rate(self, phrase, concept, carried, last_money, out) -> dict:
        embedded = self._embedded_share(phrase, last_money)
        if embedded is not None:
            return dict(out, **embedded)
        if self.reached.search(phrase):
            return dict(out, concept=concept or carried, measure="实际值")  # (下降到39.91%: a level)
        worded = self.lex.measures.last(phrase)
        if worded in ("目标值", "实际值") or (worded == "决算" and phrase.endswith(("实际完成", "实际完成了"))):
            # an indicator's rate stated as its target or as what it reached (覆盖率目标值60%，实际
            # 完成63.6%): a value of the indicator, no completion of a budget
            # (the indicator named here, or none: not the concept of an earlier sentence, 自评得分)
            # (the paragraph's run-in indicator label, 建档率：目标值≥90%，实际完成92%: that one's)
            named = concept if concept and concept not in self.money else \
                carried if carried and carried == self.lead and carried not in self.money else None
            return dict(out, concept=named, measure="目标值" if worded == "目标值" else "实际值")
        kind = self.lex.rate_measures.last(phrase)
        within = self.lex.share_within.search(phrase) if kind == "占比" else None
        if kind is None and self.lex.comparative and self.lex.comparative.search(phrase):
            kind = "变动率"  # (比上年少9.98%: 多 / 少 after a period compared with say a change, as 减少 does)
        after = (within.group("of") if within else phrase[phrase.rfind("占") + 1:]) if kind == "占比" else None
        if kind is None:
            copula = self.lex.share_of.search(phrase)
            of = copula.group("of") if copula else ""
            if of and (self._concept(of, last=False) or self.lex.measures.last(of) in BUDGET_MEASURES):
                kind, after = "占比", of  # “为全年预算的92.50%”, “为基本支出的64.20%”: as 占 reads
        if kind == "占比":
            base = self._concept(after, last=False)
            if base is not None and self._qualified_whole(after):
                # (占预留给中小企业的政府采购项目预算总额的: a whole narrower than the kind it names,
                # left to the words it is named in)
                return self._share(out, phrase, within, last_money, carried, None)
            budget = self.lex.measures.last(after) if base is None else None
            # (in a project's report its 实际支出 is the project's, no unit's total)
            whole = kind_total(after, self.self_words) if base is None and self.doc.meta.get("report_type") != self.project_report \
                else None
            if whole and (budget not in BUDGET_MEASURES or self.base.plan):
                # “占部门实际支出的11.25%”, a plan's “占支出预算的86.90%”: the whole of that kind
                # of money (in a plan every amount is a budget: a share of the budget, no rate of
                # spending it)
                base, budget = whole, None
            if budget in BUDGET_MEASURES:
                subject = phrase[:len(phrase) - len(after)]
                if self.lex.measures.last(subject) == ADJUSTMENT or (
                        last_money is not None and last_money.measure == ADJUSTMENT and not last_money.implicit
                        and self.lex.measures.last(subject) != "决算"):
                    # “年中追加预算300.00万元，占年初预算的25.00%”, “…，追加预算占全年预算的20.00%”: a
                    # change to the budget over the budget is a share of it, no rate of spending it
                    return self._share(out, phrase, within, last_money, carried, None)
                if last_money is not None and last_money.measure in BUDGET_MEASURES \
                        and self.lex.measures.last(subject) != "决算":
                    if self._whole_budget_before(last_money):
                        # “全年预算数52.00万元，其中：财政拨款45.00万元，占全年预算数的86.54%”: a
                        # part's share of the whole budget the sentence states
                        return self._share(out, phrase, within, last_money, carried, None)
                    # “基本支出预算2,000.00万元，占全年预算的64.10%”: a budget's share of the
                    # budget, which no amount here is stated as the whole of (unless the clause
                    # names the spending its subject: 较年初预算…增加…，决算数为年初预算的104.64%)
                    return dict(out, concept=None, measure="实际值")
                # “支出352.18万元，占全年预算的91.12%”: a share of the budget is how much of it was spent
                # (a bare 预算, “为预算的92.24%”, names no budget: either, as after 完成; see DRV002)
                if budget == "全年预算" and compact(after).rstrip("的数") in ("预算", "当年预算", "本年预算"):
                    budget = "预算"
                # (一般公共预算支出累计完成87.15亿元，占调整预算的99.6%: the outturn of a whole right
                # before, as 为…的 reads; 教育支出…占调整预算的19.0% is a part's share of the budget)
                spent = last_money.concept if last_money is not None and last_money.measure == "决算" \
                    and last_money.concept in self.whole_totals else None
                return dict(out, concept=concept or carried or spent, measure="完成率", base=budget)
            return self._share(out, phrase, within, last_money, carried, base)
        if kind == "完成率" and "完成率" not in phrase and last_money is not None and self.base.facts \
                and self.base.facts[-1] is last_money and self._completed_whole(phrase):
            # “累计完成投资的72.50%”, “完成计划投资的”: a share of the whole the words name, which is
            # no budget (DRV001 finds the amount so named)
            return self._share(out, phrase, None, last_money, carried, None)
        if kind == "完成率" and "完成率" not in phrase:
            # “完成年初预算的”, “完成全年（调整）预算的”; a bare “完成预算的” names no budget ("预算":
            # the full-year one where one is stated, else the initial one; see DRV002)
            base = "年初预算" if "年初" in phrase else "全年预算" if any(w in phrase for w in self.full_year_words) \
                else "预算"
            return dict(out, concept=concept or carried, measure="完成率", base=base)
        if kind == "变动率":
            # (比上年增长: this year's change, 上年 naming its base; a later year's, 预计2026年…增长4%, a plan's)
            return dict(out, concept=concept or carried, measure="变动率", sign=_change_sign(phrase, self.lex),
                        period=LATER if out["period"] == LATER else CURRENT)
        if kind == "执行率" and concept not in (None, "预算执行率") and concept not in self.money:
            return dict(out, concept=concept, measure="实际值")  # a row's own 政府采购执行率
        if kind == "执行率" and concept is None and any(
                self._other_named_before(phrase, k) for k in _starts(phrase, self.bare_names)):
            return dict(out, concept=None, measure="实际值")  # another thing's execution rate
        if kind == "完成率" and concept is None and last_money is not None and last_money.measure == "决算" \
                and not last_money.implicit and self._money_rate(phrase[:phrase.rfind("完成率")]):
            # “预算资金560.00万元，实际执行515.20万元，资金完成率为92.00%”: a completion rate of money
            # right after what was spent is how much of the budget was spent, whatever it is called
            kind = "执行率"
        if kind == "执行率" or (concept == "预算执行率"):
            # the execution rate of the amounts before it: of a part (基本支出…实际支出…，执行率
            # 100.00%) it is that part's, a member of the unit's rate
            part = last_money.concept if last_money is not None else None
            if part is None and self.clause_owner and self._bare_rate(phrase):
                # “基本支出全年预算…、执行…，执行率99.38%”: the rate of the thing the clause is about
                owner_concept, owner_phrase = self.clause_owner
                part = owner_concept or self.lex.filler.sub("", _blank(_blank(
                    owner_phrase, self.lex.measures), self.lex.directions)).replace(" ", "") or None
            member = part if part and part not in self.unit_totals else ""
            named = self._part_named_before_rate(phrase)
            if named:
                member = named  # (其中基本支出执行率99.20%: that part's rate, whatever amount came last)
            if not member and PROJECTS_RATE_RE.search(phrase) and not any(c in phrase for c in self.own_cues):
                # 项目预算执行率, 重点项目…执行率: the projects' rate, not the unit's (本项目, 该项目
                # 预算执行率 is the report's own project's, as its form states it)
                member = "项目支出"
            return dict(out, concept="预算执行率", measure="实际值", member=member)
        return dict(out, concept=concept, measure="实际值")

    def _concept(self, phrase: str, last: bool, after: int = 0) -> str | None:
        """The concept a phrase names: vocabulary first, then the document's own row labels.
        With `after`, only a name reaching past that offset counts. Phrases repeat (每项 …, 其中
        …): each is read once per document (the row labels are fixed by then)."""
        key = (phrase, last, after)
        if key not in self.concept_memo:
            self.concept_memo[key] = self._read_concept(phrase, last, after)
        return self.concept_memo[key]

    def _read_concept(self, phrase: str, last: bool, after: int) -> str | None:
        phrase = CLASS_LEVEL_RE.sub("", phrase)
        if not after:
            # a bracketed definition (全年可使用资金（年初结转和结余…加本年收入）) names no thing of
            # its own; short brackets are parts of names (因公出国（境）费)
            phrase = DEFINITION_RE.sub("", phrase)
        if not after and self.self_words:
            phrase = self.self_words.sub("", phrase)  # 本年度医院收入: the unit's own 本年收入
        found = self.lex.concepts.all(phrase)
        # a table's row label names a sentence's figure only as the last noun before it
        # (“法律援助 1341.13” yes; “法律援助办案补贴经费 615.11” is another thing)
        # (a word naming what the row is, 项目 after 农村人居环境整治, may stand between)
        labels = [(start, named_end, self.row_labels[label]) for start, end, label in self.label_pattern.finditer(phrase)
                  for named_end in [end + self._label_tail(phrase, end, label)]
                  if _names_nothing(phrase[named_end:], self.lex)
                  and not phrase[:start].endswith(self.excluding_words)
                  and not self._sibling_compound(phrase, start, label)]
        short_end = 2 + self._label_tail(phrase, 2, phrase[:2]) if not labels and phrase[:2] in self.short_labels else 0
        if short_end and _names_nothing(phrase[short_end:], self.lex):
            # a two-character item (防汛, 林业) names a figure only as the whole phrase (防汛支出
            # 1,820.64万元; a score category's row 效益 as 效益指标得分), never inside others' words
            # (政府购买服务支出 is no 服务 row's)
            labels = [(0, short_end, self.row_labels[phrase[:2]])]
        both = sorted((t for t in found + labels if t[1] > after and t[0] < after or not after),
                      key=lambda t: (t[1], t[1] - t[0]))
        if not both:
            return None if after else self._label_holding(phrase)
        if not last:
            return min(both)[2]
        # a name followed by other nouns only qualifies them (州直政府采购及重点项目招投标组织经费
        # is no 政府采购 figure); measure words, 支出/金额, the fund paying (“三公”经费财政拨款预算)
        # and remarks in brackets may follow
        if not after and not _names_nothing(_blank(BRACKETED_RE.sub("", phrase[both[-1][1]:]), self.lex.funds), self.lex):
            return None
        if (len(both) > 1 and phrase[both[-2][1]:both[-1][0]] in self.joins
                or phrase[:both[-1][0]].endswith(self.joins)) and self.sum_words.search(phrase, both[-1][1]):
            # 人员经费和公用经费合计, 营房维修、宣传培训、执勤业务经费合计: the sum of the things
            # listed, none of them (the names before the last may be none the vocabulary knows)
            return None
        if both[-1] in labels and both[-1] not in found and (
                phrase[:both[-1][0]].endswith(self.joins) or self._includes_part(phrase, both[-1][0], both[-1][1])):
            # (受理法律援助案件及值班律师法律帮助2,246件: the figure of both things joined; 雨量站含自动
            # 雨量站25处: of a part the row's thing includes; not the table row's own)
            return None
        # “三公经费财政拨款支出”: a concept right after another only qualifies it
        pick = len(both) - 1
        while pick > 0 and both[pick - 1][1] == both[pick][0]:
            pick -= 1
        start = both[pick][0]
        if phrase.startswith(self.name_heads, start) and NAMED_BEFORE_RE.search(self._unnamed(phrase[:start])):
            return None  # 文物保护修缮项目支出: one named project's spending, not the unit's 项目支出
        if phrase.endswith(self.other_words, 0, start):
            return None  # 其他国有资本经营预算支出: an item beside the others of that kind, not the kind
        if phrase.endswith(self.narrower_words, 0, start):
            return None  # 国内公务接待费: a part of the kind
        if phrase[start:both[pick][1]] in self.bare_names and self._other_named_before(phrase, start):
            return None  # 政府采购执行率: another thing's rate, not the budget's
        if both[pick] in found and self.label_pattern and any(
                end == start for _, end, _ in self.label_pattern.finditer(phrase[:start])):
            return None  # 第一小学公用经费: a table row's (第一小学 | 公用经费拨款) share of it, not the unit's whole
        return both[pick][2]

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

    def _label_tail(self, phrase: str, end: int, label: str) -> int:
        """The length of a word naming the kind of row right after a row label in a phrase (项目
        after 农村人居环境整治): only after a name of the report's own, not one of the vocabulary's
        (一般公共预算项目支出 is the fund's project spending, not the row 一般公共预算)."""
        tail = next((w for w in self.row_label_tails if phrase.startswith(w, end)), "")
        if tail and (self.lex.concepts.all(label) or self.lex.funds.all(label)):
            return 0
        return len(tail)

    def _unnamed(self, words: str) -> str:
        """The words with the vocabulary's concepts, funds and filler taken out."""
        return self.lex.filler.sub("", _blank(_blank(words, self.lex.concepts), self.lex.funds)).replace(" ", "")

    def _indicator_like(self, phrase: str, unit: str, counted: str = "") -> str | None:
        """A counted figure (“检查特种设备 2529 台”) names an indicator in other words
        (“特种设备安全检查”): the one row label printed in the same unit whose characters the
        phrase holds for the most part (≥ 75%, at least 4 of them). A noun right after the figure
        (共设置4个绩效指标) names what it counts: the label must hold it."""
        noun = INDICATOR_FILLER_RE.sub("", phrase)
        if len(noun) < 4 or self._joins_things(noun):
            return None  # (too short to tell, or two things joined: their figure together)
        chars = set(noun)
        # (the characters a label shares may leave out its last word, what it counts: 社会体育指导员
        # 培训 counts trainings, 惠及社会体育指导员1,453人 the instructors, another thing)
        close = [label for label in sorted(self.label_pattern.sharing(noun))
                 if unit in self.label_units.get(label, ()) and len(label) >= 4
                 and ((len(set(label) & chars) >= max(4, 0.75 * len(set(label))) and self._label_head(label) in noun)
                      or _counted_name(label, unit) in phrase)]  # (年接待读者人次 in 全年接待读者)
        if counted:
            close = [label for label in close if counted in label]
        return self.row_labels[close[0]] if len(close) == 1 else None

    def _label_head(self, label: str) -> str:
        """The last word of a row label, what it counts (培训 of 骨干培训; 养护 of 农村公路养护里程,
        past the words of its measure, concepts.yaml label_measure_tails)."""
        for tail in self.label_measure_tails:
            if label.endswith(tail) and len(label) > len(tail) + LABEL_HEAD:
                label = label[:-len(tail)]
                break
        return label[-LABEL_HEAD:]

    def _last_row_label(self, label: str) -> str | None:
        if not self.label_pattern:
            return None
        bare = CLASS_LEVEL_RE.sub("", label)
        found = [label for _, end, label in self.label_pattern.finditer(bare) if _names_nothing(bare[end:], self.lex)]
        return self.row_labels[found[-1]] if found else None

    def _label_holding(self, phrase: str) -> str | None:
        """A row label that holds the phrase's noun whole (“维修养护验收合格率” inside the
        indicator “工程维修养护验收合格率”), when exactly one label does."""
        noun = HOLDING_TAIL_RE.sub("", phrase)
        if len(noun) < 5:
            return None
        holders = [w for w in self.label_pattern.holding(noun) if not self._one_conjunct(noun, w)]
        return self.row_labels[holders[0]] if len(holders) == 1 else None

    def _includes_part(self, phrase: str, start: int, end: int) -> bool:
        """The label at phrase[start:end] names a part of the same thing named before it with an
        inclusion word between (雨量站含自动雨量站): the figure is the part's."""
        before = phrase[:start]
        k = before.find(phrase[start:end])
        return k >= 0 and any(w in before[k + end - start:] for w in self.inclusion_words)

    def _conjuncts(self, words: str) -> list[str]:
        """The names a join word (和, 及) sets side by side in the words, [] where it joins none: two of
        CONJUNCT_MIN characters or more (及 of 整改及时率, 参与 are no joins)."""
        for word in self.not_joins:
            words = words.replace(word, "\0" * len(word))
        if not any(j in words for j in self.joins):
            return []
        conjuncts = re.split("|".join(map(re.escape, self.joins)), words)
        return conjuncts if sum(1 for c in conjuncts if len(c) >= CONJUNCT_MIN) >= 2 else []

    def _joins_things(self, words: str) -> bool:
        """The words join two things (受理法律援助案件及值班律师法律帮助)."""
        return bool(self._conjuncts(words))

    def _one_conjunct(self, noun: str, label: str) -> bool:
        """The noun names one of the things a label joins (专项债券项目 in 争取中央预算内投资和专项
        债券项目数): a part of the indicator's count, not the indicator."""
        return any(noun in c for c in self._conjuncts(label))

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
        任务, 培训计划: concepts.yaml other_rate_words)."""
        name = re.split(r"[，,；;：:。为是]", words)[-1]
        return any(w in name for w in self.money_rate_names) and not any(w in name for w in self.other_rate_words)

    def _part_of_year(self, words: str) -> bool:
        """The words name a part of the year (四季度, 上半年), not how often (按季度)."""
        found = self.lex.partial_period.search(words)
        while found is not None and ((words[max(0, found.start() - 1):found.start()] in self.frequency_words
                                      and found.start() > 0) or self._own_span(words, found)):
            found = self.lex.partial_period.search(words, found.end())
        return found is not None

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
        """The clause opens on a year or on last year's words (2024年度人员经费…, 上年…)."""
        clause = compact(clause)
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

    # ---- tables -----------------------------------------------------------------------
    def _table(self, index: int, table: Table) -> None:
        title = compact(table.title or "")
        self.table_unit = table.unit or self.assumed_units.get(index)
        self.caption_count_unit = _caption_count_unit(self.caption_count_re, title)
        fund = self._fund_named(title)
        grid = _stripped(table.rows)  # the cells' texts, stripped once for every pass below
        # (a selection of the unit's items, 重点项目支出情况表: its 合计 is of the rows it lists, no
        # total of the unit's its title names, 项目支出; the rows are the projects' own)
        self.title_concept = None if self.title_scopes.selects(index) else self._title_concept(title, grid)
        # (a table titled with a scope of its own, 城乡低保和特困供养资金发放情况: its 合计 under a
        # 全年支出 column is that scope's spending, not the unit's)
        self.table_scoped = bool(self.title_scopes.of(index))
        # the kind of money a table is of (收入决算表: 本年收入), when its title names one kind only
        kinds = [k for k in self.kind_totals if k in title]
        self.title_kind = self.kind_totals[kinds[0]] if len(kinds) == 1 else None
        # the project the form names, else the one a line above it names (项目名称：X over its forms)
        # (a list of projects, one a row under a 项目名称 column: each row's figures are its project's;
        # the 项目名称 cell is found once for both)
        cue = _subject_cue(grid, self.subject_cells)
        listing = cue is not None and heads_a_column(grid, *cue)
        self.table_subject = (_cue_subject(grid, cue) if cue and not listing else "") \
            or self.named_projects.get(index, "")
        self.subject_col = cue[1] if listing else None
        self.row_subject = ""
        if len(self.table_subject) >= PROJECT_NAME_MIN:
            self.form_projects.add(self.table_subject)
        self.periods_by_row = self._periods_by_row(grid)
        headers: list[list[str]] = []
        in_header = False
        self.line_columns = line_number_columns(grid, table.width, tuple(self.skip_columns))
        # (each row's 栏次 test, made once: _misaligned reads them, and so does the loop below for
        # a row none of whose cells is blanked, which is the same texts)
        numbering_rows = [is_column_numbers(texts) for texts in grid]
        if _misaligned(grid, numbering_rows):
            return  # its figures cannot be told apart; the typed-table rules read it by position
        columns_of: dict[int, Columns] = {}  # what the current header says, by row width
        prose_heads: list[str] = []  # the head row over consecutive prose rows (预期目标 | 实际完成情况)
        says_nothing = self.lex.says_nothing
        after_part = False  # the row before was a declared part's (当年财政拨款 over 上年结转资金, 其他资金)
        # the columns the rows under the current header label their figures in, and hold them in
        label_columns: set[int] = set()
        figure_columns: set[int] = set()
        for k, (row, stripped) in enumerate(zip(table.rows, grid)):
            texts = self.lex.blanked(stripped)  # (says_nothing of each cell: grid's cells are stripped)
            numbers = [_cell_number(t) for t in texts]
            if not any(n is not None for n in numbers) and any(is_prose(t) for t in texts):
                # prose inside a table (目标, 说明) is no header; what it reports is read as text
                prose_heads = _column_heads(headers, len(texts)) if headers else prose_heads
                self.prose_rows.append((index, row, texts, prose_heads, self.table_subject))
                headers, in_header, columns_of = [], False, {}
                continue
            prose_heads = []
            column_numbers = numbering_rows[k] if texts == stripped else is_column_numbers(texts)
            at = next((j for j, t in enumerate(texts) if t), None)  # the row's label (after a merged column)
            if at is not None and not any(n is not None for n in numbers) and not any(texts[at + 1:]):
                # “其他资金 |  |  | — | —”, or with its cells left empty after the other parts' rows:
                # a part row with nothing in it (a part of 0), no header (a label alone that follows
                # no part's row may head the rows after it: 一、基本支出)
                label = self._label(texts[at])
                concept = label.concept or (label.row_label if label.row_label in self.any_part else None)
                if concept and (any(t and says_nothing(t) for t in stripped[at + 1:])
                                or (after_part and not self._heads_rows(grid[k + 1:k + 2]))):
                    self.base.row_concepts.setdefault(index, set()).add(concept)
                continue
            after_part = False
            if not any(n is not None for n in numbers) or column_numbers:
                if not column_numbers and self._row_of_words(texts, label_columns, figure_columns):
                    in_header = False
                    continue  # (a 时效指标's row, its target a date: one of the rows, under the same heads)
                if sum(1 for t in texts if t) >= 2 and not column_numbers \
                        and not _empty_lines(grid, k, says_nothing, label_columns, figure_columns):
                    headers = headers + [texts] if in_header else [texts]
                    in_header, columns_of = True, {}
                    label_columns, figure_columns = set(), set()
                continue
            in_header = False
            for j, (t, n) in enumerate(zip(texts, numbers)):
                if t:
                    (figure_columns if n is not None else label_columns).add(j)
            self._row_concept(index, texts, numbers)
            label_at = next((t for t, n in zip(texts, numbers) if t and n is None), "")
            after_part = self._label(label_at).concept in self.any_part if label_at else False
            if len(texts) not in columns_of:
                columns_of[len(texts)] = self._columns(_column_heads(headers, len(texts)))
            first = len(self.base.facts)
            self._row(index, table, row, texts, numbers, columns_of[len(texts)], fund)
            if any(n is None and _is_remark(t) for n, t in zip(numbers, texts)):
                # a remark beside the row's figures (偏差原因: …完成年度目标的92.4%) is about the
                # row's thing: read as text, its figures naming nothing are that thing's
                concept = next((f.concept for f in self.base.facts[first:] if f.concept), None)
                self.prose_rows.append((index, row, texts, _column_heads(headers, len(texts)) if headers else [],
                                        self.table_subject, concept))

    def _row_of_words(self, texts: list[str], label_columns: set[int], figure_columns: set[int]) -> bool:
        """A row of no figures below rows of figures that is one of them, no header over the rows
        after it: its row label stands where theirs do, and where they print figures it states a
        value in words (a date or a deadline, 2024年11月30日前; a verdict or a state, 按计划推进,
        确定能: concepts.yaml value_cells), naming no measure or rate as a column's head does."""
        filled = [j for j, t in enumerate(texts) if t]
        if not figure_columns or not filled or filled[0] not in label_columns:
            return False
        stated = [texts[j] for j in filled[1:] if j in figure_columns]
        return any(self._value_cell(t) for t in stated) \
            and not any(self._head(t).measure or self._head(t).rate for t in stated if not self._value_cell(t))

    def _value_cell(self, text: str) -> bool:
        """A cell stating a value in words: a date, a verdict or a state, a deadline or a bound."""
        words = compact(text)
        return words in self.value_words or bool(DATE_CELL_RE.search(words)) \
            or (len(words) <= VALUE_CELL_CHARS and words.endswith(self.value_endings))

    def _heads_rows(self, following: list[list[str]]) -> bool:
        """The row after a label alone holds figures of a thing no declared sum names (一、项目支出
        over 公共设施维护 | 120.00): the label heads those rows, it is no empty part."""
        for texts in following:
            figures = [t for t in texts if not self.lex.says_nothing(t) and _cell_number(t) is not None]
            label = next((t for t in texts if not self.lex.says_nothing(t) and _cell_number(t) is None), "")
            return bool(figures) and self._label(label).concept not in self.any_part
        return False

    def _prose_row(self, index: int, row, texts: list[str], heads: list[str], subject: str,
                   concept: str | None = None) -> None:
        """A row of prose cells (a project form's 实际完成情况, a 说明), or the prose cells of a row
        of figures (its 偏差原因, about the row's `concept`): each cell's sentences are read as a
        paragraph's, about the table's subject, except a cell whose column head or row label names
        a plan (预期目标): its figures are intended, not stated as done."""
        for k, cell in enumerate(row):
            if not (is_prose(texts[k]) or (concept and _is_remark(texts[k]))) or _cell_number(texts[k]) is not None:
                continue  # a label or a short note, no sentence
            if self._names_plan(heads[k] if k < len(heads) else "") or self._names_plan(_row_name(texts[:k])):
                continue
            first = self.prose_sentences.get(index, 0)
            sentences = [Sentence(s, cell.loc) for s in split_sentences(texts[k])]
            self.prose_sentences[index] = first + len(sentences)
            carried, self.carried_unit, self.whole, self.part_carried = concept, None, None, False
            self.open_measure, self.whole_measure, self.paragraph_plans = None, None, False
            self.list_goes_on, self.opening = False, None
            for s_index, sentence in enumerate(sentences, start=first):
                carried = self._sentence(index, s_index, sentence, carried, subject)

    def _after_from(self, phrase: str) -> bool:
        """The words end with 由/从, or with 由 and a few words saying when (由建设前的, 从上年的)."""
        phrase = phrase.rstrip()
        if phrase.endswith(self.from_words):
            return True
        if not phrase.endswith("的"):
            return False
        tail = phrase[-FROM_QUALIFIER_CHARS - 2:-1]
        return any(w in tail for w in self.from_words)

    def _planned_since(self, text: str, at: int) -> bool:
        """A plan word (计划, 建设内容) stands before the figure in its sentence with no word of an
        outcome (完成, 实际) after it: 项目位于…，建设内容包括…铺设管网18公里 states the plan."""
        words = compact(text[:at])
        plan = max(map(words.rfind, self.plan_since_words), default=-1)
        if plan < 0:
            return False
        return all(words.rfind(w) < plan for w in self.outcome_words)

    def _under_plan_label(self, text: str, at: int) -> bool:
        """The figure follows a label naming a plan, the last “…：” before it (预期目标：完成800户。
        实际完成情况：完成812户): what it states is planned, not done."""
        colon = max(text.rfind("：", 0, at), text.rfind(":", 0, at))
        if colon < 0:
            return False
        start = max(text.rfind(ch, 0, colon) for ch in "：:，,；;。　 ") + 1
        return self._names_plan(text[start:colon])

    def _names_plan(self, words: str) -> bool:
        """The words name a plan or a forecast. Asked of the section heading every sentence stands
        under and of every column head: each text's answer is kept for the document."""
        found = self.plan_names.get(words)
        if found is None:
            found = self.plan_names[words] = self._read_names_plan(compact(words))
        return found

    def _read_names_plan(self, words: str) -> bool:
        if self.says_forecast.search(words):
            return True  # (全年预计完成: a forecast, though it says 完成)
        return bool(self.says_plan.search(words)) and not self.says_outcome.search(words)

    def _title_concept(self, title: str, grid: list[list[str]]) -> str | None:
        """The concept a table is about: the one its title names; of a title naming several
        (财政拨款“三公”经费及机关运行经费支出决算表), the declared total whose parts its rows list
        (its 合计 row is that total's); else the total its rows are the parts of."""
        named = []
        for _, _, concept in self.lex.concepts.all(title):
            if concept not in named:
                named.append(concept)
        if len(named) >= 2:
            rows = {self._label(t).concept for texts in grid for t in texts[:2] if t}
            totals = [c for c in named if len(rows & self.named_parts_of.get(c, set())) >= 2]
            return totals[0] if len(totals) == 1 else None
        return self._vocab_concept(title, share=0) or self._total_of_rows(grid)

    def _total_of_rows(self, grid: list[list[str]]) -> str | None:
        """A table without a title naming its concept is about the declared total whose parts its
        rows name (因公出国（境）费, 公务用车购置及运行维护费, 公务接待费: the 三公 table), when at
        least two parts of one total and no row names that total: its 合计 row states the total."""
        named = {self._label(t).concept for texts in grid for t in texts[:2] if t and _short_cell_number(t) is None}
        totals = [calc["total"] for calc in self.lex.calculations
                  if not calc.get("fund") and calc["total"] not in named and len(named & set(calc["parts"])) >= 2]
        if len(totals) != 1:
            return None
        # the rows of figures: each must name a part (or a part's part) of the total, or be a
        # 合计 / 小计 (人员经费, 公用经费 and three projects above 合计 total no 基本支出)
        labels = [self._label(next((t for t in texts if t and _short_cell_number(t) is None), ""))
                  for texts in grid if any(t and _short_cell_number(t) is not None for t in texts)]
        parts = self.nested_parts[totals[0]]
        return totals[0] if all(label.generic or label.concept in parts for label in labels) else None

    def _row_concept(self, index: int, texts: list[str], numbers: list) -> None:
        """Concepts a table names in its rows, blank or not: a blank part row is a part of 0."""
        for text, number in zip(texts, numbers):
            if text and number is None:
                concept = self._label(text).concept
                if concept:
                    self.base.row_concepts.setdefault(index, set()).add(concept)

    def _columns(self, column_heads: list[str]) -> Columns:
        """What a header says of each column, worked out once per header (not per cell)."""
        heads = [self._head(h) for h in column_heads]
        # a unit in one head (金额（万元）, 人员情况（人） over merged columns) holds for the whole
        # header; a rate's （%） or （百分点） only for its own column (增减率（%） beside the amounts)
        # (only money and headcounts span merged columns: a length's （公里） is its own column's)
        found = self.block_unit_re.search(" ".join(column_heads))
        block_unit = (found.group(1) or found.group(2)) if found else None
        return Columns(heads=heads, block_unit=block_unit if block_unit not in RATE_HEAD_UNITS else None,
                       label_cols=[k for k, h in enumerate(heads) if h.names_labels],
                       unit_cols=[k for k, h in enumerate(column_heads) if compact(h) in self.unit_heads],
                       points_cols=[k for k, h in enumerate(heads) if h.measure == "分值"])

    def _head(self, head: str) -> Head:
        found = self.head_memo.get(head)
        if found is None:  # read once per vocabulary and year (see Lexicon.heads)
            found = self.head_memo[head] = remember_short(self.lex.heads.setdefault(self.year, {}), head,
                                                          self._read_head)
        return found

    def _column_fund(self, head: Head, heads: list, table_fund: str = "") -> str:
        """The fund a column head names, where the table splits its figures by fund (columns of
        two funds or more), the fund makes the head's kind its own (本年收入 › 一般公共预算拨款:
        一般公共预算财政拨款收入), or the table's title names another fund, which the column's is
        a part of (财政拨款收入支出决算总表 › 一般公共预算财政拨款: that fund's figures, not all
        财政拨款); a table's one column of one fund (一般公共预算数) is the unit's figures, whatever
        fund pays them."""
        if not head.fund:
            return ""
        split = len({h.fund for h in heads if h.fund}) >= 2
        return head.fund if split or head.concept in self.fund_qualified.get(head.fund, {}) \
            or (table_fund and head.fund != table_fund) else ""

    def _read_head(self, head: str) -> Head:
        head_c = compact(head)
        concept = self.lex.concepts.last(head_c)
        # (预算 inside a fund's name, 一般公共预算拨款, is no budget; a measure word running on past
        # the fund's name is: 一般公共预算数 is that fund's budget)
        fund_ends = [end for _, end, _ in self.lex.funds.all(head_c)]
        words = self.lex.measures.all(_blank(_blank(head_c, self.lex.concepts), self.lex.funds)) or [
            w for w in self.lex.measures.all(_blank(head_c, self.lex.concepts)) if any(w[1] > e for e in fund_ends)]
        if not words and concept in self.not_money:
            # a non-money concept whose name holds its measure (自评得分, 综合得分: a score)
            words = self.lex.measures.all(head_c)
        # (a head with its own unit of things, 完成里程（公里）, names no rate whatever its words)
        own_unit = _unit_in(head)
        rates = [] if own_unit and own_unit not in ("%", "‰", "个百分点") and own_unit not in MONEY_UNITS \
            else self.lex.rate_measures.all(head_c)
        # a rate word inside a measure word names no rate (增减额 is an amount, not 增减 in %); a
        # measure word inside a longer rate word names no amount (增减率 is a rate, not 增减)
        rates = [r for r in rates if not any(_within(r, m) for m in words)]
        ways = self.lex.directions.all(head_c)
        if rates and {"up", "down"} <= {way for _, _, way in ways} \
                and SIGN_MARKS_RE.sub("", BRACKETED_RE.sub("", head_c[ways[-1][1]:])) in self.change_amount_tails:
            # a head naming both ways and closing on the second, or on a word of an amount (增加+/减少-,
            # 增加（减少）额, 增加+/减少-（万元）): a signed change's amount; not a rate's head naming
            # both (增加/减少幅度, 增长/下降比例)
            words, rates = [(0, len(head_c), "变动额")], []
        measures = [m for m in words if not any(_within(m, r) and r[1] - r[0] > m[1] - m[0] for r in rates)]
        if measures and rates and (rates[-1][0] > measures[-1][0] and rates[-1][2] in ("占比", "变动率")
                                   or head_c.endswith(self.rate_head_endings)):
            # the leaf of a header path (2025年比2024年增减 › 增减率) is the column's own: a share
            # or a change's rate under a change's or an amount's group head is that rate; so is a
            # head ending as a rate (完成调整预算%: the completion of the budget it names)
            measures = []
        bare = bare_head(head_c)  # (its unit aside: 救助人次（人次）)
        if not rates and not measures and not own_unit and bare.endswith(RATE_ENDING) \
                and not bare.endswith(self.not_percent_rates):
            # a head ending in 率 whose word the vocabulary does not know (整改率, 到位率, 达标率): a
            # rate in %, its cells printed bare or not (78.80 under 整改率 in a table of 万元 is no amount)
            rates = [(len(head_c) - 1, len(head_c), BARE_RATE)]
        measure = measures[-1][2] if measures else ""
        if (measure in OUTCOME_MEASURES or not measure) and self._forecast_head(head_c):
            # a forecast's column (预计全年执行数, 预计全年完成值, 预计执行率): what is expected by the
            # year's end, no outcome whatever its words; a rate reads it only under a forecast's head
            measure = FORECAST
        return Head(text=head, concept=concept,
                    measure=measure,
                    rate=rates[-1][2] if rates else None, period=self._column_period(head_c),
                    skipped=any(w in head_c for w in self.skip_columns) or bare.endswith(self.ratio_heads),
                    names_labels=any(w in head_c for w in self.label_columns),
                    count_unit=None if rates or measures else next(
                        (unit for end, unit in self.count_heads if bare.endswith(end)), None),
                    per_unit=any(w in head_c for w in self.per_unit_heads)
                    or any("/" in b or "／" in b for b in BRACKETED_RE.findall(head)),
                    thing=self._column_thing(head),
                    flows=frozenset(w for w in self.flow_words if w in head),
                    stock=any(w in head for w in self.stock_heads),
                    fund=next((name for _, _, name in self.lex.funds.all(head_c)), ""))

    def _forecast_head(self, head_c: str) -> bool:
        return names_forecast(head_c, self.lex, self.forecast_words)

    def _label(self, label: str) -> Label:
        found = self.label_memo.get(label)
        if found is None:  # read once per vocabulary (see Lexicon.labels) …
            # … unless it holds the words the report names its own unit by: its reading is this
            # report's (医院收入合计 is a hospital's own 本年收入, see _vocab_concept). A label without
            # them reads alike in every report (its own words take nothing out of it in kind_total).
            own = self.self_words is not None and self.self_words.found_in(compact(label))
            found = self.label_memo[label] = self._read_label(label) if own else \
                remember_short(self.lex.labels, label, self._read_label)
        return found

    def _read_label(self, label: str) -> Label:
        row_label = compact(LABEL_NOISE_RE.sub("", compact(label)))
        # (a bracket after the name says what the item holds: 事业收入（保育教育费） is 事业收入; a
        # bracket of a unit, 公用经费（万元）, leaves an indicator's row to its own name)
        bracket = TRAILING_BRACKET_RE.search(row_label)
        plain = bracket and not _unit_in(bracket.group()) and not any(w in bracket.group() for w in self.scope_brackets)
        concept = self.label_concepts.get(row_label) or self._vocab_concept(row_label) or (
            self._vocab_concept(row_label[:bracket.start()]) if plain else None)
        return Label(row_label, concept, _generic(row_label, self.lex),
                     period_only=_names_only_period(row_label, self.lex),
                     measures_only=not _blank(row_label, self.lex.measures).strip(),
                     span_only=self.span_only_label.fullmatch(LABEL_TAIL_RE.sub("", row_label)) is not None)

    def _periods_by_row(self, grid: list[list[str]]) -> bool:
        """Whether the table sets its years out as rows (2023年 | 收入 | 支出 over 2024年 | …): rows
        labelled by period only name both this year and last year. One such label alone is an
        indicator's (成本指标: 2024年年初预算 | 106.62万元), not a period row."""
        periods = set()
        for texts in grid:
            label = next((t for t in texts if t and _short_cell_number(t) is None), "")
            if label and self._label(label).period_only:
                periods.add(self._row_period(self._label(label).row_label))
        return {CURRENT, PRIOR} <= periods

    def _row_period(self, row_label: str) -> str | None:
        """The period a row labelled by its year or by 本年 / 上年 states, as a column headed so
        would: a year two back is an older one's (往年, its year told by fact_year); None for a plan
        year (a row of figures not yet spent, 2026年 beside 2025年决算数, whose measure no word
        gives) or any year when the report's own is unknown: no fact the checks could place."""
        if self.year is None and YEAR_RE.search(row_label):
            return None
        period = self._column_period(row_label)
        return None if period == LATER else period

    def _row(self, index, table, row, texts, numbers, columns: Columns, fund) -> None:
        # a row with no label at all (the header says what each figure is) starts at its first cell
        first_text = next((k for k, n in enumerate(numbers) if n is None and texts[k]), 0)
        if first_text < len(texts) and compact(texts[first_text]) in self.skip_columns:
            return  # a 栏次 row: the numbers of the columns
        label_cols, heads = columns.label_cols, columns.heads
        self.row_subject = self._row_project(texts, numbers)
        # a row printing its rates with % (99.78%) and a bare figure under a rate's head (108.56
        # under 执行率): the row's cells slid against the header; that figure is no rate
        percent_printed = any(n is not None and n[3] in ("%", "‰") for n in numbers)
        # a figure's label: the nearest name column to its left (三级指标, 科目名称) holding words,
        # else the nearest words to its left; both kept up to date in one pass along the row
        named, words = None, ""
        # the row's own unit, in a 单位 column (接待读者 | 万人次 | 41.2 | 38.6): its figures' unit
        # (a 单位 column of units' names, 局机关 | 监测站, names the rows: see _unit_like)
        row_unit = next((compact(texts[k]) for k in columns.unit_cols if k < len(texts) and texts[k]
                         and numbers[k] is None and self._unit_like(texts[k])), None)
        # the row's 分值: a 合计 of fewer than 100 points totals part of the score only
        weight = next((numbers[k][1] for k in columns.points_cols if k < len(numbers) and numbers[k] is not None),
                      None)
        for k, cell in enumerate(row):
            parsed, text = numbers[k], texts[k]
            if parsed is not None and k >= first_text and k not in self.line_columns:
                # (numbers left of the first label are codes or line numbers)
                head = heads[k] if k < len(heads) else NO_HEAD
                if not head.skipped and not (head.rate and percent_printed and not parsed[3]):
                    label = named if named is not None else words
                    self._cell(index, table, cell, parsed, label, head, self._column_fund(head, heads, fund) or fund,
                               row_unit or columns.block_unit, weight,
                               row_unit)
            if text and k in columns.unit_cols and row_unit:
                continue  # (a unit names no row)
            if text:
                if k in label_cols:
                    named = text
                if parsed is None and not MALFORMED_CELL_RE.fullmatch(text):
                    words = text
                elif parsed is None and any(ch.isdigit() for ch in text):
                    # 2,06,415.30: a figure no one can read; a sum over its column cannot be judged
                    self.base.unreadable.setdefault(index, set()).add(cell.loc.col)

    def _row_project(self, texts: list[str], numbers: list) -> str:
        """The project a row of a list of projects names in its 项目名称 column ("" for a total
        row, 合计, or a row of another table)."""
        k = self.subject_col
        if k is None or k >= len(texts) or numbers[k] is not None:
            return ""
        name = compact(texts[k])
        if name in self.average_rows:
            return name  # (平均 | 89.47: the rows' average, no figure of the whole nor of a project)
        return project_key(name) if len(name) >= PROJECT_NAME_MIN and not self._label(name).generic else ""

    def _cell(self, index, table, cell, parsed, label, head: Head, fund, block_unit, weight=None,
              row_unit: str | None = None) -> None:
        cmp, value, places, unit = parsed
        # (a row of a list of projects, under a column naming a thing of its own, 自评得分 or 执行率:
        # that project's score or rate; under an amount's column, the row's name is the thing, as
        # the narrative names it: 垃圾分类设施建设资金实际完成…)
        project = self.row_subject if head.concept else ""
        described = self._label("" if project else label)
        row_label, row_concept = described.row_label, described.concept
        col_concept, measure, rate = head.concept, head.measure, head.rate
        if rate and row_unit and _counted_unit(row_unit) and not unit \
                and not (compact(head.text).endswith(self.rate_head_endings) or "率" in head.text):
            # a head whose word only looks like a rate's (累计完成: done, no 完成率) over a row of a
            # count in its own unit (新建截流井 | 座 | … | 36) and a figure printed bare: the row's count
            rate = None
        period = head.period
        if period == CURRENT and self._in_later(index, head.text):
            period = LATER
        elif period == CURRENT and index in self.earlier_blocks and not YEAR_RE.search(head.text):
            period = self.earlier_blocks[index]
        if described.period_only and self.periods_by_row:
            period = self._row_period(row_label)
            if period is None:
                return
            # the row's words may hold the measure the column does not (2023年决算数)
            measure = measure or self.lex.measures.last(_blank(row_label, self.lex.concepts)) or ""
            row_label, row_concept = "", None
        # (row_label, where not blanked below, is the label read: described.row_label)
        if not measure and row_label and not row_concept and described.measures_only:
            # a row of a measure under a column naming none (“三公”经费表: 预算数 | 11.00 | …, 决算数 |
            # 8.90 | …, the columns its items): the row's measure is the figures'
            measure = self.lex.measures.last(row_label) or ""
            if self.lex.prior.search(row_label):
                period = PRIOR
        generic = not row_label or described.generic
        if row_concept in self.score_totals.values() and measure in ("得分", "分值") \
                and weight is not None and weight < self.full_score:
            # a 总分 row over fewer points than the full score totals some of the indicators (the
            # 预算执行率 row stands apart): not the whole score a sentence states
            row_concept, generic = None, True
        rate_of = ""  # the part an execution rate is of (基本支出 | … | 98.00%), as a sentence names it
        if col_concept in self.not_money:
            if col_concept == "预算执行率" and row_concept and row_concept not in self.unit_totals \
                    and row_concept in self.money:
                rate_of = row_concept
            row_concept, row_label, generic = None, "", True  # 执行率 / 编制数 columns say what the figure is
        elif row_concept and head.per_unit:
            # (总计 | … | 公里均投资 40.00: an amount per one thing, no figure of the row's concept)
            row_concept = None
        concept = row_concept or (col_concept if generic and not (
            self.table_scoped and col_concept in self.unit_totals) else None)
        if generic and concept == col_concept and col_concept in self.named_parts_of:
            # a table titled with a part of its column's whole (基本支出决算表 | 本年支出 合计): its
            # 合计 is that part, the whole's other parts are not in it (the title's concept may be
            # named for the fund the title names: 一般公共预算财政拨款基本支出 is 基本支出 of it)
            titled = next((generic_name for generic_name, named in self.fund_qualified.get(fund, {}).items()
                           if named == self.title_concept), self.title_concept)
            if titled in self.named_parts_of[col_concept]:
                concept = titled
        if concept is None and generic and measure in ("得分", "分值") and (weight is None or weight >= self.full_score):
            # a score table's 合计 is its total score, whatever the title names (部门整体支出绩效自评表),
            # unless its 分值 are fewer than the full score: a table of some of the indicators
            concept = self.score_totals.get(row_label)
        if concept is None and generic:
            concept = self.title_concept  # 合计 of a table about one concept (the 三公 table)
        column_total = False
        if concept is None and row_label in self.column_total_rows and not col_concept and unit != "%" \
                and not rate and period == CURRENT:
            # the total row under a column naming a thing of its own (补贴面积（亩）): that thing's
            # total, which a sentence naming the thing's total restates (全县补贴面积合计213,439亩; not
            # 白水乡5个 under a column of 白水乡, nor a column of shares, whose total is 100%)
            thing = head.thing
            if len(thing) >= HEAD_THING_MIN and thing not in self.lex.generic_labels:
                concept, column_total = thing, True
                for word in self.column_total_words:
                    self.row_labels.setdefault(thing + word, thing)
        if concept is None and row_label and not described.generic and not described.span_only \
                and not described.measures_only:
            # a row's own name is its concept; a generic one (合计, 小计) names no thing of its
            # own: two tables' 合计 rows are no statements of one fact; nor does a measure's name
            # alone (年初预算数 | 65.78: a row of a measure, whose name the text's 完成年初预算的 holds)
            concept = row_label
            self.row_labels.setdefault(row_label, row_label)
            stem = LABEL_TAIL_RE.sub("", row_label)
            if stem != row_label and len(stem) >= 4:
                self.row_labels.setdefault(stem, row_label)  # (the name without its tail)
        unit = self.unit_aliases.get(unit, unit)
        if unit and row_label:  # (the units printed with a row label's figures: see _indicator_like)
            self.label_units.setdefault(row_label, set()).add(unit)
        # a row naming one concept under a column naming another (基本支出 of 一般公共服务支出):
        # the column is a dimension of the fact
        member = col_concept if col_concept and col_concept != concept else ""
        if member in self.unit_totals and concept and self._kind_of(concept) == member:
            # a spending item's row under 本年支出合计 (社会保障和就业支出 | 326.72): the item's own
            # whole, as a 决算数 column states it, no dimension of it
            member = ""
        if not member and concept and self.title_kind and self.title_kind != concept \
                and self._kind_of(concept) not in (None, self.title_kind):
            # a spending's row in a table of income (收入决算表 by 支出功能分类科目): the money
            # received for it, a dimension of the fact, not the spending
            member = self.title_kind
        member = member or rate_of
        if fund and concept in self.fund_qualified.get(fund, {}):
            concept = self.fund_qualified[fund][concept]
        if not measure and (rate in ("占比", "变动率", "得分率") or (rate == "完成率" and unit == "%")):
            # a share, a change's rate, a rate of the points got or of the target met (占比, 增减率,
            # 得分率 of the 预算执行率 row, 完成率 98.50% of an indicator's; not 1-6月完成 1,362人):
            # no value of the row's concept
            measure = rate
        counted = head.count_unit is not None and not unit and not measure
        if counted:
            # a column of a count (救助人次 in a table in 万元): its figures are counted, not money, in
            # the head's own unit (救助人次（万人次）), the row's (a 计量单位 column's 张, a label's
            # bracket: 公务用车保有量（辆）), the caption's (车辆情况表（单位：辆）) or the count's
            # (人次; none for 数量)
            row_count_unit = row_unit if row_unit and row_unit not in MONEY_UNITS and row_unit != "%" else ""
            label_unit = _unit_in(label) if label else None
            label_unit = label_unit if label_unit not in (*MONEY_UNITS, "%", "‰", "个百分点") else None
            measure, unit = "实际值", _unit_in(head.text) or row_count_unit or label_unit \
                or self.caption_count_unit or head.count_unit
        worded = bool(measure)
        if not measure:
            # (a row's unit in a 计量单位 column, 万元, makes its figures amounts as a table's unit does)
            # (a head's own unit of things, 补贴面积（亩） in a table in 万元, makes its figures no money)
            head_unit = _unit_in(head.text)
            money_like = concept in self.money or (
                not unit and (self.table_unit or block_unit in MONEY_UNITS) and concept not in self.not_money
                and (not head_unit or head_unit in MONEY_UNITS or head_unit == "%"))
            measure = "决算" if money_like and unit != "%" and not rate else "实际值"
        if not unit and not counted:
            unit = self._cell_unit(head.text, label, table, measure, concept, block_unit, rate)
        if not unit and measure == "实际值" and not rate and not self.table_unit:
            unit = self.caption_count_unit  # (a count table's cells under heads of its kinds: 车辆合计 | …)
        unit = self.unit_aliases.get(unit, unit)
        if measure == "决算" and unit and unit not in MONEY_UNITS:
            measure = "实际值"  # (实际完成 92.15%, 完成数 86户: an indicator's value reached, no amount spent)
        elif measure == "决算" and not worded:
            measure = self._bare_measure(head.text)  # (a plan's 合计 | 基本支出 columns: its budget)
        if unit in self.counted and concept not in self.counted_cues and (row_label or concept):
            # (国内公务接待 | 215 under 批次: the row's receptions counted, 国内公务接待批次, as the
            # text names them)
            concept = self._cued(compact(row_label or concept), unit) or concept
        if concept and row_label:
            self._note_row(concept, row_label, head, unit)
        subject = project or self.table_subject
        text = cell.text.strip()
        fact = Fact(id=len(self.base.facts), concept=concept, measure=measure, period=period, subject=subject,
                    fund=fund, value=value, unit=unit, places=places, text=text, quote=text, loc=cell.loc, source="table", label=label, header=head.text,
                    comparator=cmp, block=index, member=member or "")
        self.base.add(fact)
        if column_total:
            self.base.column_totals.add(fact.id)
            self.column_total_of.setdefault(concept, fact)
        if measure == "实际值" and unit == "分" and concept:
            self.point_indicators.add(concept)

    def _part_states_total(self, text: str, thing: str, unit: str, value: Decimal) -> bool:
        """Another figure of the sentence, in the unit, is the column's total of the thing, or the
        rest beside it (全市…5,430人，含市本级430人 beside a table of the districts' 5,000): the
        sentence's figure is of a wider whole."""
        total = self.column_total_of.get(thing)
        if total is None:
            return False
        return any((m.group("unit") or "") == unit and figure_value(m.group("num")) in (total.value, value - total.value)
                   for m in text_figures(self.lex, text))

    def _note_row(self, concept: str, row_label: str, head: Head, unit: str) -> None:
        """What a table's cell tells of its row's thing, for the sentences read after the tables: a
        count's unit (立项数（项）: see _indicator_like), a flow it states (新购数量) or a stock (年末数)
        (see _flow_of_row)."""
        money = unit in MONEY_UNITS
        if unit and not money:
            self.label_units.setdefault(row_label, set()).add(unit)
            if head.flows:
                self.flow_rows.setdefault((concept, False), set()).update(head.flows)
        if head.stock:
            self.stock_rows.add((concept, money))

    def _column_thing(self, head: str) -> str:
        """What a column head names beside its unit, measure and year (补贴面积 of 补贴面积（亩）; 计划投资
        of 计划投资（万元）: whole words, no filler taken out of a name)."""
        words = YEAR_RE.sub("", bare_head(head))
        for start, end, _ in reversed(self.lex.measures.all(words)):
            words = words[:start] + words[end:]
        return words

    def _kind_of(self, concept: str) -> str | None:
        """The kind total (本年支出, 本年收入) whose kind a concept's name ends with (each concept's
        read once per document: a table's cells ask for their row's again and again)."""
        if concept not in self.kinds_of:
            self.kinds_of[concept] = next((total for kind, total in self.kind_totals.items()
                                           if concept.endswith(kind)), None)
        return self.kinds_of[concept]

    def _other_kind(self, phrase: str, concept: str) -> bool:
        """The phrase names one kind of money (支出, 收入: vocabulary kind_totals) and the concept
        is of the other."""
        words = compact(phrase)
        named = {total for kind, total in self.kind_totals.items() if kind in words}
        own = self._kind_of(concept)
        return len(named) == 1 and own is not None and own not in named

    def _vocab_concept(self, label: str, share: float = 0.6) -> str | None:
        if not label:
            return None
        found = self.lex.concepts.all(label)
        # a row is about a concept only when the synonym is most of its label (“其中：公务用车
        #购置费” yes; “一般公共服务支出” names no 服务 concept); a title may name it anywhere
        best = max(found, key=lambda t: t[1] - t[0], default=None)
        if best and (best[1] - best[0]) >= share * len(label):
            if best[2].endswith("支出") and label[best[1]:].endswith(self.income_tails):
                return None  # (基本支出补助 is money received for the spending, no spending)
            if best[0] and best[2] in self.kind_totals.values() and kind_total(label, self.self_words) is None:
                return None  # (医疗收入合计 totals one kind of income, not the unit's 本年收入)
            if self.residual_words and label[:best[0]].endswith(self.residual_words):
                return None  # (其他政府性基金收入: the rest of the fund's income, a part of it)
            return best[2]
        return None

    def _cell_unit(self, head, label, table, measure, concept, block_unit, rate=None) -> str:
        if measure in ("分值", "得分"):
            return "分"
        for text in (head, label):
            unit = _unit_in(text)
            if unit:
                return unit
        if rate:
            return "%"  # a column of rates (增减率, 执行率) holds percentages, whatever the table's unit
        if block_unit and not (block_unit in MONEY_UNITS and concept in self.not_money):
            return block_unit  # (a header's money unit is none of a score's or a headcount's)
        if concept in self.not_money:
            return ""
        return self.table_unit or ""

    def _column_period(self, head: str) -> str:
        if self.lex.prior.search(head):
            return PRIOR
        change = self.change_years.search(head)
        if change:  # (2025年比2024年增减: the change of 2025 over the year before, 2025's)
            return self._year_period(change.group(1))
        base = self.compared_year.match(compact(head))
        if base:  # (比2023年执行数增长（%）beside 2024年预算数: the change of the year after the one compared with)
            return self._year_period(f"{int(base.group(1)) + 1}年")
        return self._year_period(head)


# ---- helpers ------------------------------------------------------------------------------
class LabelIndex:
    """The document's own row labels, found in a phrase without a regular expression of every
    label (whose cost grows with the number of labels at every position): a character trie gives
    the longest label at a position in time bounded by the label's length. Bigram sets serve the
    reverse look-ups (labels holding a phrase's noun, or most of its characters)."""

    END = ""  # trie key marking the end of a label
    LOOSE_LIMIT = 50  # more labels than this share the noun's characters: too loose to choose

    def __init__(self, labels: dict[str, str]):
        self.trie: dict = {}
        self.by_bigram: dict[str, set[str]] = {}
        for label in (w for w in labels if len(w) >= 3):
            node = self.trie
            for ch in label:
                node = node.setdefault(ch, {})
            node[self.END] = label
            for k in range(len(label) - 1):
                self.by_bigram.setdefault(label[k:k + 2], set()).add(label)

    def __bool__(self) -> bool:
        return bool(self.trie)

    def _longest(self, text: str, k: int) -> str | None:
        node, found = self.trie, None
        for ch in text[k:]:
            node = node.get(ch)
            if node is None:
                break
            found = node.get(self.END, found)
        return found

    def finditer(self, text: str):
        """Leftmost-longest, non-overlapping matches as (start, end, label). The texts are short
        phrases: a character loop over them costs less than compiling, once per document, a
        character class of the labels' first characters to search them with."""
        trie = self.trie
        if trie.keys().isdisjoint(text):  # no label starts with any of its characters (in C)
            return
        k, n = 0, len(text)
        while k < n:
            hit = self._longest(text, k) if text[k] in trie else None
            if hit:
                yield k, k + len(hit), hit
                k += len(hit)
            else:
                k += 1

    def holding(self, noun: str) -> list[str]:
        """Labels that contain the noun whole: each holds every bigram of the noun, so any one
        bigram's labels, filtered, are all of them (the rarest is filtered); a bigram no label
        holds (most nouns have one) leaves none, told before the other bigrams are looked up."""
        sets = []
        for k in range(len(noun) - 1):
            labels = self.by_bigram.get(noun[k:k + 2])
            if not labels:
                return []
            sets.append(labels)
        rarest = min(sets, key=len, default=set())
        return sorted(w for w in rarest if noun in w)

    def sharing(self, noun: str) -> set[str]:
        """Labels sharing a bigram with the noun; empty when too many do to choose among them."""
        found: set[str] = set()
        for k in range(len(noun) - 1):
            found |= self.by_bigram.get(noun[k:k + 2], set())
            if len(found) > self.LOOSE_LIMIT:
                return set()
        return found


class OwnWords:
    """The words a report names its own unit by (FactReader._self_words), found as one pattern of
    them, longest first (alternatives), finds them: at the first place one stands, the longest
    there. Only the unit's name is the document's: the other words' pattern is compiled once per
    list of them (a few lists, by the unit's kind), the name looked for as text, so no pattern is
    compiled for each unit (a third of a millisecond, for every report of a batch of many units)."""

    def __init__(self, words: tuple[str, ...], name: str):
        self.words, self.name = _words_pattern(words), name

    def _next(self, text: str, pos: int) -> tuple[int, int] | None:
        """(start, end) of the first of the words at or after pos, the longest there."""
        word = self.words.search(text, pos)
        at = text.find(self.name, pos) if self.name else -1
        if at < 0 or (word is not None and word.start() < at):
            return word.span() if word is not None else None
        if word is None or at < word.start():
            return at, at + len(self.name)
        return at, max(word.end(), at + len(self.name))  # (both start there: the longer, as longest first)

    def found_in(self, text: str) -> bool:
        return self._next(text, 0) is not None

    def sub(self, repl: str, text: str) -> str:
        """text with each of the words found replaced by repl (plain text)."""
        out, pos = [], 0
        while (found := self._next(text, pos)) is not None:
            out += [text[pos:found[0]], repl]
            pos = found[1]
        out.append(text[pos:])
        return "".join(out)


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(alternatives(words))


def _pairs(text: str) -> set[str]:
    return {text[k:k + 2] for k in range(len(text) - 1)}


CONJUNCT_MIN = 3  # the shortest thing a label's 和/及 joins (及 of 及时率 leaves 时率: no thing)
# 分别 then the values themselves (分别为, 分别是, 分别达到), not changes (分别增加)
RESPECTIVE_VALUES_RE = re.compile(r"(?:分别|依次)(?:(?:为|是|达到?|约为)(?:人民币|约)?[：:]?|[：:])\s*$")
PROJECT_NAME_MIN = 4  # a form's project name shorter than this may be any word of a sentence
# each sentence is searched for every form's project name: beyond this many forms (no report has
# them) the names are not looked for, so the cost per sentence stays bounded
MAX_FORM_PROJECTS = 64

ROW_NAME_CHARS = 20  # a row's name (实际完成情况, 偏差原因说明) is short; longer text is content


def _row_name(texts: list[str]) -> str:
    """The name a row gives the cells right of it: the nearest short label to their left, no
    figure and no sentence (a short plan cell, 计划改造管网50公里。, names nothing)."""
    return next((t for t in reversed(texts) if t and len(t) <= ROW_NAME_CHARS and not SENTENCE_END_RE.search(t)
                 and not any(ch.isdigit() for ch in t)), "")


def _first_fund(title: str, funds: dict) -> str:
    words = compact(title)
    return min((f for f in funds if f in words), key=words.find, default="")


def column_sum(base: "FactBase", cell: Fact, as_total: bool) -> tuple[Fact, list[Fact]] | None:
    """The declared sum a table cell's column states with it (本年收入 over 财政拨款收入, 事业收入 …):
    (the total's cell, the parts' cells) of the first sum the cell is the total of (`as_total`) or a
    part of, with one total and at least two parts, each named once; None for a cell of the text or
    no such sum."""
    if cell.source != "table":
        return None
    column = [f for f in base.by_table.get(cell.block, ()) if f.loc.col == cell.loc.col and f.measure == cell.measure
              and f.period == cell.period and f.unit == cell.unit]
    return declared_sum(column, cell.concept, as_total)


def declared_sum(cells: list[Fact], concept: str | None, as_total: bool | None) -> tuple[Fact, list[Fact]] | None:
    """Of cells stating one measure of one period (a column, or a row across its columns), the first
    declared sum whose total (`as_total`), or one of whose parts (not `as_total`), or either (None)
    is `concept`, with one total and at least two parts, each named once: (total, parts)."""
    for calc in lexicon().calculations:
        names = part_names(calc)
        is_total, is_part = concept == calc["total"], concept in names
        if not (is_total if as_total else is_part if as_total is False else is_total or is_part):
            continue
        totals = [f for f in cells if f.concept == calc["total"]]
        parts = [f for f in cells if f.concept in names]
        if len(totals) == 1 and len(parts) >= 2 and len({f.concept for f in parts}) == len(parts):
            return totals[0], parts
    return None


def part_names(calc: dict) -> set[str]:
    """Every name a declared sum's part may go by: its parts, optional parts and alternatives."""
    alternatives = calc.get("alternatives") or {}
    return {*calc["parts"], *(calc.get("optional") or ()), *(n for names in alternatives.values() for n in names)}


def text_figures(lex: Lexicon, text: str) -> list[re.Match]:
    """The figures of a running text in order: numbers in digits with the unit after them
    (lex.text_number), counts in Chinese numerals (lex.numeral_count: 共有车辆十一辆, 两项),
    multiples in them (lex.numeral_multiple: 增长两倍, read as 增长2倍 is) and rises in doublings
    (lex.doubling: 翻了一番), all matches with the groups `num` and `unit`."""
    figures = list(lex.text_number.finditer(text))
    counts = [m for m in lex.numeral_count.finditer(text) if _numeral_count(m)]
    # (a multiple's match ends before a multiple word, a doubling's with its counter: a text with
    # neither, most sentences, is not scanned for them)
    if any(w in text for w in lex.multiple_words):
        counts += [m for m in lex.numeral_multiple.finditer(text) if cn_number(m.group("num")) is not None]
    if lex.doubling_counter and lex.doubling_counter in text:
        counts += [m for m in lex.doubling.finditer(text) if _doubling(lex, m)]
    return sorted(figures + counts, key=lambda m: m.start()) if counts else figures


# a doubling states its multiple as exactly as one written to a tenth does (翻一番 as 增长1.0倍:
# 100% ± 5%, twice the base within 1.95 to 2.05 times), not as loosely as a whole multiple (增长1倍
# is 100% ± 50%): the word names the doubling itself, no rounded figure
DOUBLING_PLACES = -1
MAX_DOUBLINGS = 4  # (翻四番, sixteen times the base: more is no report's figure, and 2^N grows fast)


def _doubling(lex: Lexicon, m: re.Match) -> bool:
    """A doubling match that states a figure: its numeral a small well-formed number, no hedge
    right before it (近翻一番, 接近翻了一番) nor a rough word right after it (翻了一番多, 翻一番以上)."""
    count = cn_number(m.group("num"))
    return count is not None and count <= MAX_DOUBLINGS and not lex.approximate.search(m.string, 0, m.start()) \
        and not lex.approximate_after.match(m.string, m.end())


def _numeral_count(m: re.Match) -> bool:
    """A numeral_count match that counts: its numerals a well-formed number (not 十四五, 三四), no
    lone 二 (a count of two is written 两; 二 before a unit makes a word: 二次供水, 二期工程), and no
    一 paired with another after its unit (一户一档, 一人一策: a slogan, no count)."""
    num = m.group("num")
    return cn_number(num) is not None and num != "二" and not (num == "一" and m.string.startswith("一", m.end()))


def figure_value(num: str) -> Decimal | None:
    """The value of a figure's `num` group: digits (1,234.50), or Chinese numerals (十一)."""
    if num[:1].isdigit():
        return to_decimal(num)
    value = cn_number(num)
    return None if value is None else Decimal(value)


def _places(num: str) -> int:
    return len(num.split(".", 1)[1]) if "." in num else 0


def _phrase_start(text: str, number_start: int, previous_end: int) -> int:
    """Where the words describing a number begin: after the previous number or clause break,
    and never more than PHRASE_LIMIT characters back (keeps every number's cost constant)."""
    floor = max(previous_end, number_start - PHRASE_LIMIT)
    window = text[floor:number_start]
    breaks = [m.end() for m in PHRASE_BREAK_RE.finditer(window)]
    # a break right before the number (“占比：23%”) leaves the words before it in the phrase
    while breaks and breaks[-1] >= len(window) - 1 and len(breaks) > 1:
        breaks.pop()
    if breaks and breaks[-1] >= len(window) - 1:
        breaks = []
    return floor + (breaks[-1] if breaks else 0)


MONTH_REACH = 3  # characters after a part-of-year word its month may stand in (月底 of 截至6月底)
MONTH_NUMBER_RE = re.compile(r"\D{0,3}?(\d{1,2})\s*月")  # (截至6月: the month the part ends with)
MONTH_BEFORE_RE = re.compile(r"(?<!\d)(\d{1,2})\s*月$")  # (6月底, 6月末: the month before 月底)


def _base_of_rate(text: str, f: Fact) -> bool:
    """The amount is what a rate right after it is of (完成调整预算40.81亿元的91.4%, 占…的): not
    the sentence's own figure, whose last year a comparison after it names."""
    end = f.at + len(f.text)
    return text[f.at:end] == f.text and RATE_OF_AFTER_RE.match(text, end) is not None


RATE_OF_AFTER_RE = re.compile(r"\s*的\s*[\d.]+\s*[%％]")


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


def _change_sign(phrase: str, lex: Lexicon) -> int:
    """+1 / −1 when the phrase ends with a direction word (增加 / 减少 …), else 0. A direction
    word followed by 至 / 到 names the level reached, not the change (由35.00万元下降至33.00万元).
    Short phrases' answers are kept per lexicon: the same phrases stand in report after report."""
    return remember_short(lex.change_signs, phrase, _read_change_sign, lex)


def _read_change_sign(phrase: str, lex: Lexicon) -> int:
    if LEVEL_TAIL_RE.search(phrase):
        return 0
    signed = lex.signed_change.search(phrase)
    if signed:
        return 1 if signed.group("mark") in "+＋" else -1  # (较上年△5.41万元, 增减-5.41万元: a fall)
    tail = CHANGE_TAIL_RE.sub("", phrase)[-6:]
    found = lex.directions.all(tail)
    if not found or found[-1][1] < len(tail) - 1:
        more = lex.comparative.search(phrase) if lex.comparative else None
        way = lex.comparative_way.get(more.group(1)) if more else None
        return {"up": 1, "down": -1}.get(way or "", 0)
    return {"up": 1, "down": -1}.get(found[-1][2], 0)


CARRY_SHARE_MAX = Decimal("0.5")  # of the income total, the most a balance carried over to next year is


def _empty_lines(grid: list[list[str]], k: int, says_nothing, label_columns: set[int], figure_columns: set[int]) -> bool:
    """Row k and the rows of no figures after it up to the next row of figures are rows of labels
    only, each where the rows above label their figures (二、政府性基金预算财政拨款 | | 二、外交支出 |
    |, lines of a fixed form left empty): no header over the rows after them. A run that ends in
    words over the figures' columns (项目名称 | X, then 年初预算数 | 全年预算数 …: the next form of a
    sheet stacking forms) is a new header's."""
    if not label_columns:
        return False
    for texts in grid[k:k + EMPTY_RUN_ROWS]:
        filled = {j for j, t in enumerate(texts) if not says_nothing(t)}
        if any(_cell_number(texts[j]) is not None for j in filled):
            return True  # (the next row of figures: under the same heads)
        if not filled <= label_columns or filled & figure_columns:
            return False
    return False


# a date in a cell (2024年11月30日, 11月底, 2024-11-30): a value, never a column's name
DATE_CELL_RE = re.compile(r"\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{1,2}月(?:底|末|中旬|上旬|下旬)|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
# the most characters of a short value ending as a deadline or a bound does (3个工作日以内); a
# longer cell ending so is a sentence, prose the rows' reading leaves alone
VALUE_CELL_CHARS = 16
EMPTY_RUN_ROWS = 8  # rows of a fixed form left empty in a run at most (the lines of its unused funds)


def _cell_number(text: str) -> tuple[str, Decimal, int, str] | None:
    if not text or len(text) > 30:
        return None
    return _short_cell_number(text)


@lru_cache(maxsize=MEMO_ENTRIES)  # every row's cells are read again by the label and column passes
def _short_cell_number(text: str) -> tuple[str, Decimal, int, str] | None:
    if column_numbers(text):
        return None
    plain = unbracketed(normalize_digits(text).replace(" ", "").replace("\u3000", ""), text)  # ((3.70): -3.70)
    m = CELL_NUMBER_RE.match(plain)
    if not m:
        return None
    value = to_decimal(m.group("num"))
    if value is None:
        return None
    unit = m.group("unit") or ""
    if unit and unit not in ("%", "‰") and unit not in MONEY_UNITS and len(unit) > 1 and unit not in _long_units():
        return None  # (words after a number, not its unit, 30103 奖金; a known unit of two or more, 人次, is one)
    if unit in ("年", "年度", "月", "日", "号"):
        return None  # 2023年度 in a table's period line is a date, not a figure
    return m.group("cmp") or "", value, _places(m.group("num").replace(",", "")), unit


def _long_units() -> frozenset:
    """The vocabulary's units of two characters or more (人次, 万人次, 平方米): a table cell's figure
    may carry one (a config's units too: one set per vocabulary in use)."""
    from ...knowledge import concepts, vocabulary_generation

    key = vocabulary_generation()
    if key not in _LONG_UNITS:
        _LONG_UNITS[key] = frozenset(u for u in concepts().get("text_units") or () if len(u) >= 2)
    return _LONG_UNITS[key]


_LONG_UNITS: dict[int, frozenset] = {}


_CELL_TEXT = attrgetter("text")


def _stripped(rows) -> list[list[str]]:
    return [list(map(str.strip, map(_CELL_TEXT, row))) for row in rows]  # (each row's cells in C)


def _misaligned(grid: list[list[str]], numbering_rows: list[bool]) -> bool:
    """A 栏次 row (1 2 3 …) numbers the value columns: a number standing under a column no header
    row names says the header cells slid (a text export); the headers then mislabel figures.
    `numbering_rows`: is_column_numbers of each row of the grid."""
    for r, texts in enumerate(grid):
        if numbering_rows[r]:
            named = {k for row in grid[:r] for k, t in enumerate(row) if t}
            return any(t and k not in named for k, t in enumerate(texts))
    return False


SIGN_MARKS_RE = re.compile(r"[+\-－—/（）()＋、]")  # marks after a head's last direction word (增加+/减少-)
HEAD_THING_MIN = 3  # characters of a head's thing that name one (补贴面积), not a word (金额, 人数)


def bare_head(header: str | None) -> str:
    """The head without its bracketed unit (人均已发放（元） -> 人均已发放)."""
    return BRACKETED_RE.sub("", compact(header or ""))


def thing_of_head(header: str | None, lex) -> str:
    """What a column head names beside its measure, period, unit and fillers (培训人数 of 培训人数（人）;
    nothing of 预算数, 2024年决算数, 合计, 金额（万元）)."""
    head = bare_head(header)  # (years and 本年 are fillers too)
    for start, end, _ in reversed(lex.measures.all(head)):
        head = head[:start] + head[end:]
    return lex.filler.sub("", head)


def _column_heads(headers: list[list[str]], width: int) -> list[str]:
    """Each column's header path: the header rows above it, a group header spread to the right
    over the empty cells of its span (a span ends where the row above starts a new group)."""
    heads = [""] * width
    for depth, row in enumerate(headers):
        spread = depth < len(headers) - 1  # the last header row names single columns
        parent = headers[depth - 1] if depth else None
        current = ""
        for k in range(width):
            text = row[k] if k < len(row) else ""
            if parent is not None and k < len(parent) and parent[k] and not text:
                current = ""  # the group above starts anew here
            if text:
                current = text
            elif not spread:
                current = ""
            if current and current not in heads[k]:
                heads[k] = f"{heads[k]} {current}".strip()
    return heads


# (a head 偏差（百分点） holds differences of rates: no money, whatever the table's unit; a head
# 养护里程（公里） holds lengths, whatever money the table's other columns hold: any of the
# vocabulary's text_units in brackets is the column's unit)
RATE_HEAD_UNITS = ("%", "‰", "个百分点")  # a rate's unit in one head is its own column's, no header's


@lru_cache(maxsize=8)
def block_unit_re(spanning: tuple[str, ...]) -> re.Pattern:
    """A unit in brackets in a head (金额（万元）, 人员情况（人）; a rate's, to tell it apart), or a
    money unit after 单位：: concepts.yaml header_spanning_units are those that span merged heads."""
    return re.compile(r"[（(]\s*(" + alternatives([*spanning, *RATE_HEAD_UNITS]) + r")\s*[）)]|单位\s*[:：]\s*("
                      + alternatives(MONEY_UNITS) + ")")
UNIT_IN_TEMPLATE = r"[（(]\s*({units}|百分点)\s*[）)]|单位\s*[:：]\s*(亿元|万元|千元|元)"
_UNIT_IN_RES: dict[int, re.Pattern] = {}


def _unit_in_re() -> re.Pattern:
    """The bracketed units of column heads and row labels, per vocabulary (a config may add units)."""
    generation = vocabulary_generation()
    if generation not in _UNIT_IN_RES:
        _UNIT_IN_RES.clear()
        _UNITS_IN.clear()  # (what was read under another vocabulary)
        units = sorted(set(concepts().get("text_units") or ()) | {"亿元", "万元", "千元", "元", "%"}, key=lambda u: (-len(u), u))
        _UNIT_IN_RES[generation] = re.compile(UNIT_IN_TEMPLATE.replace("{units}", "|".join(map(re.escape, units))))
    return _UNIT_IN_RES[generation]


@lru_cache(maxsize=8)
def _caption_count_re(units: tuple[str, ...]) -> re.Pattern:
    """单位：<a unit of things counted whole> in a table's caption (（单位：辆）, 单位：批次)."""
    if not units:
        return re.compile(r"(?!)")
    return re.compile(r"单位\s*[:：]\s*(" + alternatives(sorted(units, key=len, reverse=True)) + r")(?![\w])")


def _caption_count_unit(pattern: re.Pattern, title: str) -> str:
    """The one count unit a caption gives its table; none where it gives several (车辆单位：辆；
    设备单位：台、套: each row's unit is its kind's, which the caption leaves to the reader)."""
    found = {m.group(1) for m in pattern.finditer(title)}
    return found.pop() if len(found) == 1 and "、" not in title[title.find("单位"):] else ""


REMARK_CLAUSE_RE = re.compile(r".{4,}[，,；;].{4,}")


def _is_remark(text: str) -> bool:
    """A cell of words beside a row's figures (偏差原因, 备注): prose, or a short sentence of two
    clauses (受场馆改造影响，完成年度目标的92.4%), not a label."""
    return is_prose(text) or REMARK_CLAUSE_RE.fullmatch(text) is not None


def _unit_in(text: str | None) -> str | None:
    if not text:
        return None
    # asked for a cell's column head and row label, cell after cell: short texts' answers are kept
    _unit_in_re()  # (first: a new vocabulary forgets the answers kept under the old one)
    return remember_short(_UNITS_IN, text, _read_unit_in)


_UNITS_IN: dict[str, str | None] = {}


def _read_unit_in(text: str) -> str | None:
    if text in MONEY_UNITS or text in ("人", "个", "辆", "%"):
        return text
    if text.rstrip().endswith(("%", "％")):
        return "%"  # a head ending with a bare % (比上年增减%, 执行率%): its column holds percentages
    # (the leaf's own unit, last in a head path, wins over its group's: 资金情况（万元） › 执行率（%）)
    m = None
    for m in _unit_in_re().finditer(text):
        pass
    unit = (m.group(1) or m.group(2)) if m else None
    return "个百分点" if unit == "百分点" else unit


# the unit a figure is printed with, by kind: a range joins two figures of one kind (80%至90%,
# 3万元至5万元), never a rate and an amount (减少25.00%至2.40万元: a fall, and the amount it ends at)
FIGURE_UNIT_RE = re.compile(r"\d[\d,，.]*\s*([%％‰]|[万亿千]?元)?")


def _unit_kind(text: str, last: bool = False) -> str:
    """"rate", "money" or "" for the first (or `last`) figure's unit in `text`."""
    found = list(FIGURE_UNIT_RE.finditer(text)) if last else [FIGURE_UNIT_RE.search(text)]
    unit = (found[-1].group(1) if found and found[-1] else None) or ""
    return "rate" if unit in ("%", "％", "‰") else "money" if unit else ""


# what in a pattern looks at the text past its match: a lookahead, an end anchor, a word boundary
LOOKS_PAST_MATCH_RE = re.compile(r"\(\?[=!]|\$|\\[bBZ]")
BRACKETED_RE = re.compile(r"[（(][^（()）]{0,20}[）)]")
RATE_OF_AFTER_RE = re.compile(r"\s*的\s*[\d.]+\s*[%％]")  # 13.10万元的89.31%: a rate's base
DEFINITION_RE = re.compile(r"[（(][^（()）]{8,}[）)]")  # (8 characters or more: more than a name's part)


def _bound_of(text: str, m: re.Match) -> str:
    """“≥”/“≤” when a figure in running text bounds something rather than states it: 90分以上,
    60分以下, or either end of a range (80分（含）至90分, 70-84分); else ""."""
    bound = BOUND_AFTER_RE.match(text, m.end())
    if bound:
        return SUFFIX[bound.group(1)]
    sign = SIGN_AFTER_RE.match(text, m.end())
    if sign and BAND_CONDITION_RE.match(text, sign.end()):
        return REVERSED_SIGN[PREFIX[sign.group(1)]]  # 90%≤执行率<95%的得8分: the rate is ≥ 90%
    before = BOUND_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())
    if before:
        return PREFIX[before.group(1)]  # 执行率低于90%的项目: a threshold, not a rate stated
    start = RANGE_START_RE.match(text, m.end())
    if start and _unit_kind(text[start.end() - 1:start.end() + 24]) in ("", _unit_kind(m.group(0))):
        return "≥"
    end = RANGE_END_RE.search(text, max(0, m.start() - 8), m.start())
    if end and _unit_kind(text[max(0, end.start() - 20):end.end()], last=True) in ("", _unit_kind(m.group(0))):
        return "≤"
    if SCORED_AFTER_RE.match(text, m.end()) and (WHOLE_PERCENT_RE.fullmatch(m.group().strip())
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


# an amount between two figures the reader could not parse (2,1680.00万元, 106.62.00万元): a figure
# of its own, whatever it is
# the words between a share's whole stated inside its 占…的 and the share (…139,880万元的比重为72.5%)
EMBEDDED_SHARE_TAIL_RE = re.compile(r"的(?:比重|比例|份额)?(?:为|是|达)?")
UNREAD_AMOUNT_RE = re.compile(r"\d[\d.,]*\d\s*(?:亿元|万元|千元|元)")
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


def names_own_thing(label: str) -> bool:
    """The words of a figure name a thing of their own the vocabulary does not know (会议费同比
    下降: 会议费), not only directions, measures and fillers: the figure is that thing's."""
    lex = lexicon()
    words = compact(label).lstrip("，,；;、：:")
    words = re.split(r"[，,；;]", words)[-1]  # the figure's own clause
    return not _names_nothing(_blank(_blank(words, lex.concepts), lex.rate_measures), lex) \
        and not lex.concepts.all(words)


def _counted_name(label: str, unit: str) -> str:
    """An indicator's name without the words saying it is counted in its unit (年接待读者人次 ->
    年接待读者; 保教人员培训期数 -> 保教人员培训): the words a sentence states it by."""
    bare = unit[1:] if unit.startswith(("万", "千", "亿")) and len(unit) > 1 else unit
    for tail in (f"{bare}数", bare, "数量", "个数", "数"):
        if tail and label.endswith(tail) and len(label) - len(tail) >= 4:
            return label[:-len(tail)]
    return label + "\0"  # (no counted tail: never inside a phrase)


def _unnumbered(heading: str) -> str:
    """A heading without its numbering token ((三)产出指标情况 → 产出指标情况)."""
    numbered = numbering_of(heading.strip())
    return heading.strip()[len(numbered[0]):] if numbered else heading


def per_unit(fact: Fact) -> bool:
    """An amount per person, vehicle or visit (人均接待费用200元, 平均每辆3.50万元): concepts.yaml
    per_unit_words in its words. It is no amount of the thing the sentence is about."""
    return lexicon().per_unit.search(fact.label) is not None


def names_budget_base(label: str) -> bool:
    """A change's words compare with a budget, not with last year's outturn: a budget measure
    word after the comparing word (比年初预算减少, 比上年预算增加, 较预算数), or a word of a change
    against the budget by its meaning (超收, 短收)."""
    return bool(_compared_budgets(label)) or against_budget(label)


def against_budget(label: str) -> bool:
    """The change's own word is one against the budget (超收0.58亿元, 短收4.54亿元: concepts.yaml
    budget_change_words), whatever last year's was."""
    return any(w in label for w in concepts().get("budget_change_words") or ())


def named_budget_base(label: str) -> str | None:
    """The one budget measure of this year a change's words compare with (较年初预算减少 ->
    年初预算); None when they name none, several, or a period (比上年预算: last year's)."""
    measures = _compared_budgets(label)
    if len(set(measures)) != 1:
        return None
    return None if compares_other_year(label) else measures[0]


def _counted_unit(unit: str) -> bool:
    """A unit of things counted or measured (座, 公里, 人次), neither money nor a rate's."""
    return unit not in MONEY_UNITS and unit not in ("%", "‰", "个百分点")


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


def compares_other_year(label: str) -> bool:
    """The words after a label's last comparing word name another year (比上年预算, 比2024年预算)."""
    lex = lexicon()
    found = list(lex.comparison.finditer(label))
    after = label[found[-1].end():] if found else ""
    return bool(lex.prior.search(after) or YEAR_RE.search(after))


def _compared_budgets(label: str) -> list[str]:
    """The budget measures named after the last comparing word of a label."""
    lex = lexicon()
    cue = None
    for cue in lex.comparison.finditer(label):
        pass
    if cue is None:
        return []
    return [m[2] for m in lex.measures.all(label[cue.end():]) if m[2] in BUDGET_MEASURES]



def _within(inner: tuple, outer: tuple) -> bool:
    """One vocabulary match (start, end, name) lies within another."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def worded_measure(header: str) -> str | None:
    """The measure a table column's head words, read as the reader reads it: the names of
    concepts and funds blanked first (预算 in 一般公共预算拨款收入 is no measure); None if none."""
    lex = lexicon()
    return lex.measures.last(_blank(_blank(compact(header), lex.concepts), lex.funds))


def names_forecast(head_c: str, lex: Lexicon, words=None) -> bool:
    """A (compacted) head naming a forecast (concepts.yaml plan_cells forecast: 预计, 预测) outside
    a concept's name (预计负债 is a liability, no forecast)."""
    if words is None:
        words = [compact(w) for w in (concepts().get("plan_cells") or {}).get("forecast") or ()]
    blanked = _blank(head_c, lex.concepts)
    return any(w in blanked for w in words)


def _blank(phrase: str, vocabulary) -> str:
    """The phrase with the words of a vocabulary (a Matcher) blanked out (same length); short
    phrases' answers are kept on the vocabulary."""
    return remember_short(vocabulary.blanked, phrase, _read_blank, vocabulary)


def _read_blank(phrase: str, vocabulary) -> str:
    for start, end, _ in vocabulary.all(phrase):
        phrase = phrase[:start] + " " * (end - start) + phrase[end:]
    return phrase


def names_whole_money(words: str, lex: Lexicon) -> bool:
    """The words name only the unit's or the project's whole money (部门预算资金, 本局年度资金, 全部
    资金): once the words for the whole (concepts.yaml whole_money_words) and the money noun ending
    them (money_nouns) are out, what is left names nothing (预算, a measure). 专项资金 names a part."""
    whole, nouns = _whole_money_vocabulary(vocabulary_generation())
    rest = _years_out(words)
    for word in whole:
        rest = rest.replace(word, "")
    rest = rest.strip("，,、的（( ")
    while nouns and rest.endswith(nouns):  # (the money word itself: what stands before it qualifies it)
        rest = rest[:-next(len(w) for w in nouns if rest.endswith(w))]
    return not rest or _names_nothing(rest, lex)


@lru_cache(maxsize=4)
def _whole_money_vocabulary(generation: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole_money_words longest first, money_nouns) of the vocabulary read (`generation`)."""
    vocab = concepts()
    return (tuple(sorted(vocab.get("whole_money_words") or (), key=len, reverse=True)),
            tuple(vocab.get("money_nouns") or ()))


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


def _names_nothing(bare: str, lex: Lexicon) -> bool:
    """A phrase with no noun of its own (“全年预算”, “支出决算为”) takes the concept before it.
    Asked for every label and name a phrase holds: short phrases' answers are kept per lexicon."""
    return remember_short(lex.names_nothing, bare, _read_names_nothing, lex)


def _read_names_nothing(bare: str, lex: Lexicon) -> bool:
    rest = _blank(_blank(bare, lex.measures), lex.directions).replace(" ", "")
    more = lex.comparative.search(rest) if lex.comparative else None
    if more:  # (比上年少: 少 after a period compared with is a direction word, naming nothing)
        rest = rest[:more.start(1)] + rest[more.end(1):]
    signed = lex.signed_change.search(rest)
    if signed:  # (较上年△, 增减-: the sign of a change, naming nothing)
        rest = rest[:signed.start("mark")]
    return not lex.filler.sub("", rest).replace(" ", "")


ANY_PART = frozenset({"*"})  # (a list under a whole the vocabulary does not know: any item is its part)

# the tail a row's name may carry that its statement in words leaves out: a count's 数 (持证残疾人数
# is stated as 持证残疾人8,652人), a total's 合计 (医疗收入合计 is stated as 医疗收入38,642.75万元),
# a kind's 类 (产业发展类 is stated as 用于产业发展的资金)
LABEL_TAIL_RE = re.compile(r"(?:数量|数|合计|总计|类)$")



def kind_total(words: str, self_words: "OwnWords | None" = None) -> str | None:
    """The total a whole named only by a kind of money and a measure stands for (支出预算,
    部门实际支出, 全部收入): 本年支出 or 本年收入 (concepts.yaml kind_totals), from the words once the
    measures (all but a 支出 / 收入 they end with), the unit's own name and kind_total_words are out."""
    vocab = concepts()
    totals = vocab.get("kind_totals") or {}
    kinds = tuple(totals)  # (the kinds a measure's name may end with: 实际支出 keeps its 支出)
    rest = compact(words).rstrip("的数")
    for start, end, _ in reversed(lexicon().measures.all(rest)):
        rest = rest[:start] + (rest[end - 2:end] if rest[start:end].endswith(kinds) else "") + rest[end:]
    if self_words is not None:
        rest = self_words.sub("", rest)
    for word in sorted(vocab.get("kind_total_words") or (), key=len, reverse=True):
        rest = rest.replace(word, "")
    return totals.get(rest)


def _listed_together(text: str, named: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Projects named one after another with no figure between (分别为A、B和C项目) are listed
    together: the figures after the list are of them all, no one's (the name "")."""
    out: list[tuple[int, str]] = []
    for at, name in named:
        if out and not any(ch.isdigit() for ch in text[out[-1][0]:at]):
            out[-1] = (at, "")
        else:
            out.append((at, name))
    return out


def table_subject(table: Table) -> str:
    """The project a table names in a 项目名称 cell (concepts.yaml subject_cells), "" if none."""
    return _subject_of(_stripped(table.rows[:6]), [compact(w) for w in concepts().get("subject_cells") or ()])


def _subject_of(grid: list[list[str]], cues: list[str]) -> str:
    """`grid`: the table's stripped cell texts (only its first six rows are read)."""
    found = _subject_cue(grid, cues)
    if found is None or heads_a_column(grid, *found):
        return ""  # (none, or a list of projects, one a row: no subject of the whole table)
    return _cue_subject(grid, found)


def _cue_subject(grid: list[list[str]], cue: tuple[int, int]) -> str:
    """The project named right of the 项目名称 cell at `cue` (row, column)."""
    i, k = cue
    return project_key(compact(next((t for t in grid[i][k + 1:] if t), "")))


YEAR_LEAD_RE = re.compile(r"(?:19|20)\d{2}\s*年度?")


def project_key(name: str) -> str:
    """A project's name without the year it opens with: a form's 项目名称 2024年度高标准农田建设项目 is
    the 高标准农田建设项目 its report's narrative speaks of (and a heading 一、2024年高标准农田建设项目
    the same again). A name that is little more than its year keeps it."""
    m = YEAR_LEAD_RE.match(name)
    return name[m.end():] if m and len(name) - m.end() >= PROJECT_NAME_MIN else name


def _subject_column(grid: list[list[str]], cues: list[str]) -> int | None:
    """The column of project names a list of projects has under its 项目名称 head, if it has one."""
    found = _subject_cue(grid, cues)
    return found[1] if found is not None and heads_a_column(grid, *found) else None


SUBJECT_HEAD_ROWS = 6  # the rows of a table its 项目名称 cue may stand in


def _subject_cue(grid: list[list[str]], cues: list[str]) -> tuple[int, int] | None:
    """(row, column) of the first cell among the first six rows that is a subject cue (项目名称)."""
    firsts = {cue[0] for cue in cues if cue}  # a cell that could be a cue starts as one does
    for i, texts in enumerate(grid[:SUBJECT_HEAD_ROWS]):
        for k, text in enumerate(texts):
            if text[:1] in firsts and compact(text) in cues:
                return i, k
    return None


def heads_a_column(grid: list[list[str]], i: int, k: int) -> bool:
    """The 项目名称 cell at (i, k) heads a column of names: the row below holds a name under it
    and figures to its right under heads of the cue's row (项目名称 | 预算金额 | 自评得分 over one
    project a row; not a form's 项目名称 | 某项目 over 项目资金 | 年度资金总额 | 1,286.40, its
    figure under no head)."""
    below = grid[i + 1] if i + 1 < len(grid) else []
    heads = grid[i]
    return k < len(below) and bool(below[k]) and _short_cell_number(below[k]) is None \
        and any(_short_cell_number(t) is not None and c < len(heads) and heads[c]
                for c, t in enumerate(below[k + 1:], start=k + 1) if t)


def _names_only_period(label: str, lex: Lexicon) -> bool:
    """A row label naming a period and nothing else: a year (2023年, 2023年度) or a period word
    (本年, 上年, in concepts.yaml), with at most a measure word (决算数, 预算数) beside it."""
    rest = YEAR_RE.sub("", label)
    rest = lex.prior.sub("", rest)
    rest = lex.current.sub("", rest)
    if rest == label:
        return False  # no period named
    rest = _blank(rest, lex.measures).replace(" ", "")
    return not rest.strip("度数额")


def _generic(label: str, lex: Lexicon) -> bool:
    """Row labels that name no concept of their own (the column says what is measured)."""
    return label in lex.generic_labels or len(label) <= 1
