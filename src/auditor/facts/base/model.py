"""The fact base's data model: a fact, the base that indexes a document's facts, a column's head,
a row's label, a header's columns, and the periods and measures facts are stated in."""

from __future__ import annotations

from bisect import insort
from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal

from ...knowledge import compact, concepts
from ...model import Location
from ..lexicon import lexicon
from ..numbers import MONEY_UNITS, half_unit
from ..titles import TitleScopes


RATE_UNITS = ("%", "‰")  # (a zero printed bare in them is rounded, see Fact.half_unit)
RATE_AND_POINT_UNITS = (*RATE_UNITS, "个百分点")  # units of rates and of their differences: no quantity of a thing
CURRENT, PRIOR = "本年", "上年"
OLDER = "往年"  # a year before last: neither this year's figure nor last year's
LATER = "下年"  # a year after the report's (2025年预算草案 beside 2024年执行): a plan, no figure of the year
# the measure of a forecast's cells (预计全年执行数, 预计全年完成值): expected, neither spent (决算)
# nor reached (实际值), which are the measures a forecast's words would read as
FORECAST = "预计"
# the comparator of a figure stated on another basis, after 按…计算/测算 (concepts.yaml other_basis):
# a standard or a rate the sentence works from, no figure of the thing itself
OTHER_BASIS = "口径"
# the comparator of a figure of a span of several years (2022—2024年累计…, concepts.yaml multi_year_span):
# no figure of the report's year, but of a period its sentence shares with the span's other figures
SPAN = "多年"
OUTCOME_MEASURES = ("决算", "实际值")

BUDGET_MEASURES = ("年初预算", "全年预算")  # the budget levels a figure can be compared with
# the measures of money whose words before points name a category scored (预算执行9.79分, 追加预算控制
# 8.00分), no measure of the points: a budget, a change to it, what was spent or there to spend
SCORED_MONEY_MEASURES = frozenset(BUDGET_MEASURES) | {"决算", "追加预算", "可支配"}
MONEY_MEASURES = (*BUDGET_MEASURES, "决算", "变动额")
ADJUSTMENT = "追加预算"  # the measure of a change to the budget during the year (调增, 调减, 追加)

DEDUCTED = "扣分"  # the measure of points taken off (扣0.40分), read from the words before them

PRINTED_RATE_MARKS = "%％‰"  # the marks a rate prints its unit with
MEASURED_UNITS = ("%", "‰", "分", "个百分点")  # units of measures, not counts: a whole number of them is rounded too


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
    # the word after a figure saying it is round (左右 of 2,900万元左右); words before it are read from
    # the label (facts/agreement.py round_hedge)
    hedge: str = ""
    sign: int = 0  # for a change: +1 增加, −1 减少
    block: int = 0  # index of the block it was read from
    sentence: int = 0  # index of the sentence within the block (text)
    member: str = ""  # the column concept of a table cell whose row names another concept
    implicit: bool = False  # the measure was not worded but assumed (a bare amount is a 决算)
    at: int = 0  # where the number starts in its sentence (text facts)
    # for a rate after 分别: the id of the amount it is of, taken in turn; for a change, a rate or a
    # share right after a bracket or a 由…组成 clause closed: the whole's whose parts it listed
    of: int = -1
    start: int = -1  # for a figure a change reached (由A减少至B, 从A调整为B): the id of A, where it started

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def half_unit(self) -> Decimal:
        """Half a unit of the last printed digit; a zero printed bare (0, —) is exactly zero, but for
        a rate printed to whole per cents (0% beside 99%: 0.34% so printed) (0.0
        is rounded like any figure: a change of 0.04% is printed 0.0), and a whole number of
        people, items or cars is an exact count (not of percentage points: a difference of rates
        is measured, not counted, whatever its 个)."""
        if (self.value == 0 and self.places == 0 and self.unit not in RATE_UNITS) \
                or (self.places == 0 and self.unit and self.unit not in MONEY_UNITS
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
        # (a print holding any unit of its own, 3,030名 read as 人, 1倍 read as %, keeps it)
        printed_unit = any(ch.isalpha() or ch in PRINTED_RATE_MARKS for ch in self.text)
        return f"{self.text}{self.unit}" if self.unit and not printed_unit else self.text

    def where(self) -> str:
        """The source in a few words, for messages: 「第21页 正文」 or 「第3张表 第5行第3列」."""
        kind = "正文" if self.source == "text" and not self.loc.table else ""  # not a prose cell's
        return " ".join(p for p in (self.loc.describe(), kind) if p and p != "全文") or "正文"


# the fields a Fact has a default for, with it (see blank_fact); a field made by a factory, or a
# __post_init__, would be skipped by blank_fact: Fact has neither
_FACT_DEFAULTS = tuple((f.name, f.default) for f in fields(Fact) if f.default is not MISSING)
assert not any(f.default_factory is not MISSING for f in fields(Fact)) and not hasattr(Fact, "__post_init__"), \
    "blank_fact sets plain defaults only"
_new_fact = Fact.__new__


def blank_fact() -> Fact:
    """A Fact with only its defaulted fields set: the caller stores the others (a field left
    unset raises when read). Made so for every table cell read: Fact(id=…, concept=…, …) binds
    its eighteen keywords at about 0.1 µs each, twice the cost of the stores."""
    fact = _new_fact(Fact)
    for name, value in _FACT_DEFAULTS:
        setattr(fact, name, value)
    return fact


MIN_LISTED_PROJECTS = 2  # projects a table's column lists one a row for its total to be theirs


@dataclass
class FactBase:
    facts: list[Fact] = field(default_factory=list)
    by_concept: dict[str, list[Fact]] = field(default_factory=dict)
    by_sentence: dict[tuple[int, int], list[Fact]] = field(default_factory=dict)
    by_table: dict[int, list[Fact]] = field(default_factory=dict)
    by_block: dict[int, list[Fact]] = field(default_factory=dict)  # text facts of a paragraph
    row_concepts: dict[int, set] = field(default_factory=dict)  # table -> concepts its rows name
    unreadable: dict[int, set] = field(default_factory=dict)  # table -> columns holding a malformed figure
    # (block, sentence) -> where (a set) amounts the reader could not parse stand in it (104.00.00万元): a
    # rate after one may be of it, and no other two figures of the sentence are known to be its operands
    unread_sentences: dict = field(default_factory=dict)
    # ids of a table's total-row figures named by their column's thing (see FactReader._cell): what a
    # sentence naming the thing restates; two tables' such totals (one per year, per scope) are not one fact
    column_totals: set = field(default_factory=set)
    # ids of amounts naming no measure that took the measure of the whole whose list they are items
    # of (全年预算数3,560万元，其中：中央补助1,800万元…): parts of that amount, no other value of it
    list_parts: set = field(default_factory=set)
    # id of a sum closing figures that took a span's years in turn (2022年至2024年…分别为X、Y、Z，三年
    # 合计W) -> (id, year) of each of those figures: W is their sum, no figure of the report's year
    span_sums: dict = field(default_factory=dict)
    # id of a figure that took a year in turn (2022—2024年…分别为X、Y、Z: X took 2022) -> that year: a
    # change between two of those years said after them is of their figures (see kinds/derived/run_growth.py)
    run_years: dict = field(default_factory=dict)
    # id of an amount restated in brackets right after another in another unit (1,234.57万元（合0.12
    # 亿元）) -> that other amount: one figure twice, the bracket's in no index (see set_apart)
    restating: dict = field(default_factory=dict)
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
    # block index -> the thing the heading over it names among parallel siblings (（一）某某基金,
    # （二）某某基金: reader._scoping_headings); a paragraph under none is not here
    block_scopes: dict[int, str] = field(default_factory=dict)
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

    def budget_adjusted(self, concept: str | None, subject: str = "") -> bool:
        """The document states a whole-year budget or a change to the budget (追加, 调减) anywhere
        that may be `concept`'s: of it, or naming none, or (`concept` None) of anything; of any
        subject (本项目 in the text is the form's project by another name), but for a figure of a
        named item (`subject`: 2.河道清淤项目，年初预算…), only that item's own. A year-start budget
        is then not known to be the year's."""
        if subject:
            # (an adjustment told in words, 全年追加预算…, may be any item's: the year-start budget is then
            # not known to be the item's either)
            return self.remember(("item budget adjusted", concept, subject), lambda: any(
                f.measure in ("全年预算", "追加预算") and f.period == CURRENT and f.concept in (None, concept)
                for f in self._by_subject().get(subject, ())) or self.adjustment_told())
        return self.remember(("budget adjusted", concept),
                             lambda: self._year_budget_stated(concept) or self.adjustment_told())

    def thing_budget_adjusted(self, thing: str) -> bool:
        """A whole-year or added budget of this year stated of a thing the vocabulary does not know
        (培训经费全年预算…): its concept, its dimension or its words."""
        return self.remember(("thing budget adjusted", thing), lambda: any(
            f.measure in ("全年预算", "追加预算") and f.period == CURRENT
            and (f.concept == thing or f.member == thing or thing in f.label) for f in self.facts))

    def _by_subject(self) -> dict[str, list]:
        """The facts of each named subject, read once."""
        def group():
            out: dict[str, list] = {}
            for f in self.facts:
                if f.subject:
                    out.setdefault(f.subject, []).append(f)
            return out
        return self.remember(("facts by subject",), group)

    def _year_budget_stated(self, concept: str | None) -> bool:
        """A whole-year or added budget amount of this year stated that may be `concept`'s."""
        return bool(self.year_budgets(concept))

    def year_budgets(self, concept: str | None) -> frozenset:
        """The values in 元 of the whole-year or added budget amounts of this year stated that may be
        `concept`'s (of it or naming none; `concept` None: of anything), read once per concept."""
        return self.remember(("year budgets", concept), lambda: frozenset(
            f.in_yuan() for f in self.facts if f.measure in ("全年预算", "追加预算") and f.period == CURRENT
            and (concept is None or f.concept in (None, concept))))

    def budget_only_raised(self, concept: str | None) -> bool:
        """The budget of `concept` was changed in the year by words alone (no whole-year or added
        amount of it stated), and every such word adds (年中追加了项目资金; no 调减 anywhere): the
        year's budget is then no smaller than the year-start one."""
        def raised() -> bool:
            if self._year_budget_stated(concept):
                return False
            cuts = tuple(concepts().get("budget_cut_words") or ())
            return self.adjustment_told() and not any(w in text for text in self.sentences.values() for w in cuts)
        return self.remember(("budget only raised", concept), raised)

    def adjustment_told(self) -> bool:
        """The text tells of a change to the budget without its amount (年中因防汛追加部分预算): the
        words of an added budget (concepts.yaml measures 追加预算) in a sentence speaking of money
        (concepts.yaml adjusted_money_words: not 产业结构调整增加就业岗位)."""
        words = tuple((concepts().get("measures") or {}).get("追加预算") or ())
        money = tuple(concepts().get("adjusted_money_words") or ())
        return self.remember(("adjustment told",), lambda: any(
            any(w in text for w in words) and any(m in text for m in money) for text in self.sentences.values()))

    def listed_projects_total(self, cell: Fact) -> bool:
        """A figure in the total row of a table listing projects, each row its project's (项目名称 |
        全年预算数 | 实际支出数 | 执行率 over 大气污染防治专项 …, 合计): the listed projects' figure, no
        figure of the unit's as a whole (its 项目支出, its execution rate)."""
        if cell.source != "table" or cell.subject:
            return False
        return self.remember(("listed projects", cell.block, cell.loc.col), lambda: len(
            {f.subject for f in self.by_table.get(cell.block, ()) if f.loc.col == cell.loc.col and f.subject})
            >= MIN_LISTED_PROJECTS)

    def whole_before_part(self, change: Fact, concept: str | None) -> Fact | None:
        """The whole a change's run of clauses lists `concept` as a part of before the change
        (资产总额4,575.12万元，其中固定资产3,955.12万元；较上年末下降…): the change may be the whole's."""
        before = [f for f in self.run_before(change) if f.is_money]  # (its sentence, and those before a ；)
        opener = lexicon().whole_opener
        found = None
        for k, whole in enumerate(before):
            text = self.sentences.get((whole.block, whole.sentence), "")
            # (the part any item of the list it opens: 全年支出…，其中基本支出…，项目支出…，较上年减少…)
            if opener.match(text, whole.at + len(whole.text)) and any(
                    part.concept == concept and (part.block, part.sentence) == (whole.block, whole.sentence)
                    for part in before[k + 1:]):
                found = whole  # (the nearest such whole before the change)
        return found

    def unnamed_prior(self, change: Fact, whole: Fact) -> Fact | None:
        """Last year's amount of a whole the paragraph states before the change naming no concept,
        its words ending on the whole's kind of money (上年支出4,237.00万元 before 全年支出…): the one such."""
        kind = (whole.concept or "")[-2:]
        found = [f for f in self.by_block.get(change.block, ()) if f.id < change.id and f.period == PRIOR
                 and f.is_money and f.concept is None and f.measure == whole.measure and kind
                 and compact(f.label).endswith(kind)]
        return found[-1] if found else None

    def row_prior(self, whole: Fact) -> Fact | None:
        """Last year's figure in the row of a table that states the whole's figure of this year
        (合计 | 3,885.80 | 3,860.20 beside 财政拨款支出3,860.20万元, the table naming it otherwise): the
        one such row's, else None."""
        by_value, priors = self.remember(("table rows by amount",), self._table_rows_by_amount)
        found = [f for row in by_value.get(whole.in_yuan(), ()) for f in priors.get(row, ())
                 if f.measure == whole.measure]
        return found[0] if len(found) == 1 else None

    def _table_rows_by_amount(self) -> tuple[dict, dict]:
        """({an amount of this year in 元: the table rows stating it}, {a row: its amounts of last
        year}), read once per document (row_prior asks it for many figures)."""
        by_value: dict = {}
        priors: dict = {}
        for f in self.facts:
            if f.source != "table" or not f.is_money:
                continue
            if f.period == CURRENT:
                by_value.setdefault(f.in_yuan(), set()).add((f.block, f.loc.row))
            elif f.period == PRIOR:
                priors.setdefault((f.block, f.loc.row), []).append(f)
        return by_value, priors

    def first_listed(self, whole: Fact, part: Fact) -> bool:
        """The part is the first amount after the whole (其中固定资产… right after 资产总额…)."""
        return whole.id + 1 == part.id

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
            if last is not None and self._list_opens_paragraph(last, (block, index), runs[-1][-1][1], facts):
                # (…完成预算的87.5%。↵其中：公务用车购置费19.80万元…: a paragraph opening with 其中 lists
                # the parts of what the paragraph right before it ended on, as a sentence would)
                last = (block, index)
                runs[-1].append(((block, index), facts))
                continue
            if last is not None and last[0] == block and (opens_list or all(
                    self.sentences.get((block, k), "").rstrip().endswith(("；", ";")) for k in range(last[1], index))):
                runs[-1].append(((block, index), facts))
            else:
                runs.append([((block, index), facts)])
            last = (block, index)
        return runs

    def sentence_after(self, key: tuple[int, int]) -> tuple[int, int]:
        """The key of the sentence after `key`: the next of its paragraph, or the first of the next
        paragraph where that opens with a list of the parts of what `key` ended on (see _clause_runs)."""
        following = (key[0] + 1, 0)
        if (key[0], key[1] + 1) not in self.sentences:
            run_of, runs = self.runs()
            k = run_of.get(key)
            if k is not None and any(other == following for other, _ in runs[k]):
                return following
        return key[0], key[1] + 1

    def _list_opens_paragraph(self, last: tuple[int, int], key: tuple[int, int], before: list[Fact],
                              facts: list[Fact]) -> bool:
        """The sentence opens the paragraph right after the one whose last sentence `last` is, with a
        list opener (其中：), both paragraphs of the text (no table's cells)."""
        block, index = key
        return index == 0 and block == last[0] + 1 and (last[0], last[1] + 1) not in self.sentences \
            and self.opens_list(key) and all(f.source == "text" and f.loc.table is None for f in (*before, *facts))

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
        if fact.comparator == SPAN and fact.source == "text":
            # a span's figure (2022—2024年累计…) states a value, of no year's: in its sentence's and
            # paragraph's lists (its share, its parts, its score's grade), in no concept's index
            self.by_sentence.setdefault((fact.block, fact.sentence), []).append(fact)
            self.by_block.setdefault(fact.block, []).append(fact)
            return
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

    def set_apart(self, fact: Fact, restated: Fact) -> None:
        """Take a text fact restating `restated` in another unit out of every index: no relation
        reads the rounder figure for the amount, only the conversion check (UNT004, `restating`)."""
        self.unname(fact)
        for index in (self.by_sentence.get((fact.block, fact.sentence), []), self.by_block.get(fact.block, [])):
            if fact in index:
                index.remove(fact)
        self.restating[fact.id] = restated

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
    unit: str | None = None  # the unit its text names (金额（万元）: 万元; figures.unit_in of the text)


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
    # the heads name two funds or more: the table splits its figures by fund (see _column_fund)
    split_funds: bool = False
