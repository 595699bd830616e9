"""The words that give a fact its context, compiled once from rules/concepts.yaml.

Each vocabulary becomes one regular expression of escaped alternatives, longest first, so a
phrase is scanned once (linear) and the longest synonym at a position wins.
"""
from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass, field
from functools import lru_cache

from ..knowledge import compact, concepts, vocabulary_generation
from ..memo import MEMO_ENTRIES, remember_short
from .numbers import CN_COUNT_DIGITS, NEGATIVE_MARKS


@dataclass(frozen=True)
class Matcher:
    """Finds vocabulary words in compacted text and names what they stand for."""

    pattern: re.Pattern | None
    names: dict[str, str]  # compacted synonym -> canonical name
    # labels, column heads and phrases are looked up again and again: short texts' matches are
    # kept (see memo.py)
    memo: dict = field(default_factory=dict, compare=False, repr=False)
    blanked: dict = field(default_factory=dict, compare=False, repr=False)  # see base._blank
    # words that, right before a name, make its figure a per-unit one (人均公用经费 is no amount of
    # 公用经费): the match then names the qualified thing, its span taking in the qualifier
    qualifiers: tuple = ()
    # the names the synonyms stand for, as a set (membership is asked per fact)
    canonical: frozenset = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "canonical", frozenset(self.names.values()))

    def all(self, text: str) -> list[tuple[int, int, str]]:
        return list(self._found(text))

    def last(self, text: str) -> str | None:
        found = self._found(text)
        return found[-1][2] if found else None

    def first(self, text: str) -> str | None:
        found = self._found(text)
        return found[0][2] if found else None

    def _found(self, text: str) -> tuple[tuple[int, int, str], ...]:
        found = self.memo.get(text)  # asked hundreds of times a report: a kept answer at once
        if found is not None:
            return found
        if self.pattern is None:
            return ()
        return remember_short(self.memo, text, self._scan)

    def _scan(self, text: str) -> tuple[tuple[int, int, str], ...]:
        found = tuple((m.start(), m.end(), self.names[m.group(0)]) for m in self.pattern.finditer(text))
        return tuple(self._qualified(text, *match) for match in found) if self.qualifiers else found

    def _qualified(self, text: str, start: int, end: int, name: str) -> tuple[int, int, str]:
        for word in self.qualifiers:
            if start >= len(word) and text.startswith(word, start - len(word)):
                return start - len(word), end, word + name
        return start, end, name


def matcher(table: dict[str, list[str]], qualifiers=()) -> Matcher:
    names = {}
    for name, synonyms in table.items():
        for synonym in [name, *synonyms]:
            names.setdefault(compact(synonym), name)
    words = sorted((w for w in names if w), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in words)) if words else None
    return Matcher(pattern, names, qualifiers=tuple(sorted(qualifiers or (), key=len, reverse=True)))


# a number in running text (at most 15 digits and 8 decimals: longer digit runs are no figures of
# a report, and Decimal arithmetic on them stays exact); the units that may follow it are data
# (concepts.yaml text_units), compiled into Lexicon.text_number
# The pattern opens with the first digit itself (\d, then the look-behind on the character before
# it, then the two alternatives' other digits: \d{1,3} and \d{1,15} written \d\d{0,2}, \d\d{0,14}): a
# pattern opening with a character class gives the regex engine a first-character set, and its
# scan passes over the characters no number starts at in C (a look-ahead or look-behind opening
# it, or a group of alternatives, leaves the engine trying every position). Same matches and groups.
# (a comma before the first digit is a grouping comma's only after a digit: 5个项目中,3个为优 — a
# sentence's plain text writes its ， as , — opens a number at 3; one right after a figure, 为100,3个,
# is still read as grouping: a limit known and left)
TEXT_NUMBER = (r"(?P<num>\d(?<![\d.]\d)(?<!\d,\d)(?:\d{0,2}(?:,\d{3}){1,4}(?:\.\d{1,8})?|\d{0,14}(?:\.\d{1,8})?))(?![\d.]*\.\d)(?!\d)\s*"
               r"(?P<unit>{units})?")

# a count in Chinese numerals (十一辆, 两项, 一百零五人): a maximal run of numerals below ten thousand
# (a 万 or a digit before it makes it part of a larger figure, one of numeral_count_not_after a
# word or an ordinal) right before a count unit (concepts.yaml numeral_count_units) that starts no
# longer unit (个百分点) nor a word (一次性: numeral_count_not_words). Its groups are TEXT_NUMBER's.
# (written, as TEXT_NUMBER is, to open with the first numeral: the look-behind after it, on the
# character before it, [..]. being that character and the numeral; [{digits}]+ as one and [{digits}]*)
NUMERAL_COUNT = (r"(?P<num>[{digits}](?<![{digits}万亿萬億\d.．{before}].)[{digits}]*)\s*(?!{words})"
                 r"(?P<unit>{units})")


# a multiple in Chinese numerals (增长两倍, 是上年的三倍): a maximal run of numerals right before a
# multiple word (concepts.yaml multiple_words), read as its twin in digits is (增长2倍); its `unit`
# group is empty, as a bare number's is
# (opening with the first numeral, as NUMERAL_COUNT does)
NUMERAL_MULTIPLE = r"(?P<num>[{digits}](?<![{digits}万亿萬億\d.．].)[{digits}]*)(?P<unit>)(?=\s*(?:{multiple}))"
# a rise in doublings (翻了一番, 翻两番: concepts.yaml doubling_words): the numeral counts the
# doublings, the counter is its `unit`; none (实现翻番) is one
DOUBLING = r"(?:{verbs})(?P<num>[{digits}]*)(?P<unit>{counter})"


# a figure, its unit and 的 ending the words before a multiple (是上年64.00万元的1.5倍): the base
# the multiple is of. The unit is any of the vocabulary's text units (万人次, 万立方米), or any two
# characters as before (a unit the vocabulary does not list); the base may close a bracket
# (是2022年（1,526人次）的3倍)
BASE_FIGURE_BEFORE = r"\d\s*(?:{units}|[^\d\s的，。；]{0,2})\s*[）)]?\s*的\s*$"


def numeral_multiple_re(data: dict) -> re.Pattern:
    words = data.get("multiple_words")
    return re.compile(NUMERAL_MULTIPLE.replace("{digits}", CN_COUNT_DIGITS).replace("{multiple}", alternatives(words))
                      if words else r"(?!)")


def doubling_re(data: dict) -> re.Pattern:
    words = data.get("doubling_words") or {}
    if not words.get("verbs") or not words.get("counter"):
        return re.compile(r"(?!)")
    return re.compile(DOUBLING.replace("{verbs}", alternatives(words["verbs"])).replace("{digits}", CN_COUNT_DIGITS)
                      .replace("{counter}", re.escape(words["counter"])))


def numeral_count_re(data: dict) -> re.Pattern:
    units = [*(data.get("numeral_count_units") or ()), *(data.get("numeral_amount_units") or ())]
    # (a text unit the count unit starts, 个百分点 after 个, is another unit: no count)
    longer = [u for u in data.get("text_units") or () if u not in units and any(u.startswith(c) for c in units)]
    return re.compile(NUMERAL_COUNT.replace("{digits}", CN_COUNT_DIGITS)
                      .replace("{before}", "".join(re.escape(c) for c in data.get("numeral_count_not_after") or ()))
                      .replace("{words}", alternatives([*(data.get("numeral_count_not_words") or ()), *longer]))
                      .replace("{units}", alternatives(units)))


def _part_list_head(data: dict) -> str:
    """The words of a whole heading a sentence's list, up to its 中: a few words, no figure and no
    clause break, before the name (a year may open it: 2025年一般公共预算拨款支出中，…); `name`: the
    whole's own words, without the tail (结构)."""
    tails = f"(?:{alternatives(data['part_list_head_tails'])})?" if data.get("part_list_head_tails") else ""
    return r"(?P<name>(?:(?:19|20)\d\d年度?)?[^，,。；;：:\d]{0,10}?(?:" + alternatives(data.get("part_list_heads")) \
        + r")数?)" + tails


@dataclass(frozen=True)
class Lexicon:
    concepts: Matcher
    measures: Matcher
    rate_measures: Matcher
    funds: Matcher
    prior: re.Pattern
    # a change's start naming last year, closing a figure's words (由上年, 从去年的: from_to_words
    # from, then prior_period): the figure after it is last year's, where a change started
    from_last_year: re.Pattern
    current: re.Pattern  # words that put a figure in the report's own year (本年, 本年度)
    partial_period: re.Pattern  # words naming a part of the year (三季度末, 上半年)
    comparison: re.Pattern  # a word setting a change against its base (较, 比)
    share_of: re.Pattern  # a copula and the words up to 的 closing a percentage's phrase (为全年预算的)
    share_within: re.Pattern  # the whole a share is taken within, before 占 (在基本支出中占)
    zero_statement: re.Pattern  # words stating an amount of nothing (为零, 为0, 未发生)
    directions: Matcher
    # a comparing word, then 多 / 少 and a short verb ending the phrase (比上年多接待): the way of a change
    comparative: re.Pattern | None
    signed_change: re.Pattern  # a change's words and a sign right before its figure (较上年△, 增减-)
    comparative_way: dict  # 多 -> up, 少 -> down
    calculations: tuple
    # the declared sums and, besides, the grand total's spending side (balance_identity): the sums
    # CAL001 checks; the fact reading's own use of the sums reads `calculations` (one sum a total)
    checked_sums: tuple
    not_a_figure_after: re.Pattern  # matched right after a number: a date, grade, edition, age
    blank_cells: frozenset  # words a cell states nothing with (无)
    blank_marks: re.Pattern  # a run of marks a cell states nothing with (—, --, ／)
    generic_labels: frozenset  # row labels that leave the concept to the column
    filler: re.Pattern  # words that name nothing, with years, punctuation and white space
    text_number: re.Pattern  # a figure in running text and the unit after it (TEXT_NUMBER above)
    numeral_count: re.Pattern  # a count in Chinese numerals and its unit (NUMERAL_COUNT above)
    numeral_multiple: re.Pattern  # a multiple in Chinese numerals (NUMERAL_MULTIPLE above)
    doubling: re.Pattern  # a rise in doublings (DOUBLING above)
    base_figure_before: re.Pattern  # a base figure closing the words before a multiple (BASE_FIGURE_BEFORE above)
    list_openers: tuple  # words after a total that open the list of its parts (其中)
    fault_words: re.Pattern  # words of a fault naming an audit's problem (不细化, 超预算): see base._fault_named
    list_join: re.Pattern  # a word joining a list's items (、, 和: concepts.yaml summed_names joins)
    per_unit_words: tuple  # words making an amount one per person, vehicle, visit (人均, 平均)
    per_unit: re.Pattern  # those words, or concepts.yaml per_unit_pattern (每接待1人次的…)
    list_opener: re.Pattern  # one of them right after a figure: “X 万元，其中：…”, “X 万元（其中…）”
    part_list_head: re.Pattern  # a sentence's opening naming the amount whose parts it lists (实际支出中，)
    bare_part_list_head: re.Pattern  # …with no mark after its 中 (本年收入中财政拨款…): `rest` the words after
    whole_opener: re.Pattern  # after an amount, the words opening its parts (其中, 包括)
    breakdown_heading: re.Pattern  # a heading of a breakdown of the total above (按支出性质分)
    list_lead: re.Pattern  # words leading into a list of parts before its opener (，按资金来源划分，其中：); `words`: their words
    composition_open: re.Pattern  # after an amount, the word opening the parts it is made of (，由…组成)
    degree_before_blank: re.Pattern  # degree words right before a blanked direction word (大幅 of 大幅下降)
    addend: re.Pattern  # the words opening an amount added to the one before (加上级补助收入…), a clause's break before them
    forecast: re.Pattern  # words making a figure a forecast (预计, 预测: concepts.yaml plan_cells forecast)
    jurisdictions: tuple  # words naming a whole jurisdiction (全县, 全市: concepts.yaml grid_pairs scope_words)
    composition_close: re.Pattern  # the word closing them (组成)
    # a word right before a figure saying it is round (近30个百分点: below; 逾: above; 约: either side)
    approximate: re.Pattern
    approximate_after: re.Pattern  # a word right after it saying so (3万人次以上: above; 左右: either)
    approximate_share: Decimal  # how far off a round figure's value may be, as a share of it
    approximate_digits: int  # the significant digits a figure said to be round has at most
    fund_of: dict  # {a fund's own concept: (the fund, the generic concept)} (财政拨款收支总计: (财政拨款, 收支总计))
    # the words a numeral_multiple match ends before (倍) and the counter a doubling match ends
    # with (番): a text holding none of them holds no such match (see base.text_figures)
    multiple_words: tuple = ()
    doubling_counter: str = ""
    numeral_unit_names: frozenset = frozenset()  # a numeral and unit that name a unit (千元), no amount
    names_nothing: dict = field(default_factory=dict, compare=False, repr=False)  # see base._names_nothing
    change_signs: dict = field(default_factory=dict, compare=False, repr=False)  # see base._change_sign
    names_fund: dict = field(default_factory=dict, compare=False, repr=False)  # see restatement.text_tables._names_fund
    title_funds: dict = field(default_factory=dict, compare=False, repr=False)  # see base.FactReader._fund_named
    section_categories: dict = field(default_factory=dict, compare=False, repr=False)  # see base.FactReader._section_category
    # row labels' and column heads' readings (base.FactReader._label, _head): the same standard
    # labels and heads stand in report after report, and their readings depend on this vocabulary
    # only (and a head's on the report year: one memo per year)
    labels: dict = field(default_factory=dict, compare=False, repr=False)
    heads: dict = field(default_factory=dict, compare=False, repr=False)

    def dash(self, text: str) -> bool:
        """A cell's stripped text is only blank marks (—, --, ／): it states no figure."""
        return bool(self.blank_marks.fullmatch(text))

    def says_nothing(self, text: str) -> bool:
        """A cell's text states nothing: empty, blank marks or a word of nothing (无)."""
        text = text.strip()
        return not text or text in self.blank_cells or self.dash(text)

    def blanked(self, row: list[str]) -> list[str]:
        """A row of stripped cell texts with each that says_nothing made "" (one pass over the
        row: a table's every row asks, and a call per cell cost more than the test)."""
        blank, marks = self.blank_cells, self.blank_marks
        return ["" if not t or t in blank or marks.fullmatch(t) else t for t in row]


def lexicon() -> Lexicon:
    """The compiled vocabulary in use (rebuilt when the config extends the vocabulary)."""
    return _lexicon(vocabulary_generation())


def _degree_before_blank(degrees, per_unit) -> re.Pattern:
    """Degree words right before a blanked direction word (大幅 of 大幅下降, 也有所 of 也有所增长), not
    the end of a word of an amount per one thing (the 均 of 人均增长, 平均增长)."""
    if not degrees:
        return re.compile(r"(?!)")
    heads = {w[:-len(d)] for w in per_unit for d in degrees if w.endswith(d) and len(w) > len(d)}
    return re.compile("".join(f"(?<!{re.escape(h)})" for h in sorted(heads)) + "(?:" + alternatives(degrees) + r")+(?= )")


def not_before(chars) -> str:
    """A lookahead refusing the characters that make the word before it another word (由于, 加强)."""
    return f"(?![{''.join(map(re.escape, chars))}])" if chars else ""


@lru_cache(maxsize=4)
def _lexicon(generation: int) -> Lexicon:
    data = concepts()
    return Lexicon(
        concepts=matcher(data["concepts"], [*data.get("per_unit_words", ()), *data.get("excluding_words", ())]),
        measures=matcher(data["measures"]),
        rate_measures=matcher(data["rate_measures"]),
        funds=matcher(data["funds"], data.get("excluding_words")),
        prior=re.compile("|".join(re.escape(w) for w in sorted(data["prior_period"], key=len, reverse=True))),
        from_last_year=re.compile(f"(?:{alternatives((data.get('from_to_words') or {}).get('from'))})"
                                  f"(?:{alternatives(data['prior_period'])})的?$"),
        directions=matcher(data["directions"]),
        current=re.compile(alternatives(data.get("current_period"))),
        partial_period=re.compile(alternatives(data.get("partial_periods"))),
        comparison=re.compile(alternatives(data.get("comparison_words"))),
        comparative=_comparative(data),
        signed_change=_signed_change(data),
        comparative_way={w: way for way, words in (data.get("comparative_directions") or {}).items() for w in words},
        # the last copula with words after it and 的 closing the phrase
        share_of=re.compile(r"(?:" + alternatives(data.get("share_copulas")) + r")(?P<of>[^为是达]{2,24}?)的$"),
        # a frame around the whole and 占 closing the phrase (在基本支出中占, 于支出总额中所占比重为)
        # (the nearest opening word: 在职人员经费在基本支出中占 is within 基本支出)
        share_within=re.compile(r"(?:" + alternatives((data.get("share_within") or {}).get("opening")) + r")(?P<of>[^，,；;。"
                                + "".join((data.get("share_within") or {}).get("opening") or ()) + r"]{2,24}?)(?:"
                                + alternatives((data.get("share_within") or {}).get("closing")) + r")所?占(?:比重|比例|比)?(?:为|是|达)?$"),
        # the last of them in a text, nothing but a clause break after it
        zero_statement=re.compile(r"(?:" + alternatives(data.get("zero_statements")) + r")[，,；;、\s]*$"),
        calculations=(calculations := fund_calculations(data)),
        checked_sums=calculations + spending_side_sum(data),
        # (or a range's first end before them: the 1 of 1-6月, 1至3日)
        not_a_figure_after=re.compile(r"^\s*(?:(?:[-－—–~～]{1,2}|至|到)\s*\d{1,4}\s*)?(?:"
                                      + alternatives(data.get("not_a_figure_after")) + ")"),
        blank_cells=frozenset(data.get("blank_cells") or ()),
        blank_marks=re.compile("[" + re.escape(data.get("blank_marks") or "") + "]+" if data.get("blank_marks") else r"(?!)"),
        generic_labels=frozenset(data.get("generic_row_labels") or ()),
        # a word naming a period (上年度, 去年, 本期) names no concept either
        filler=re.compile(alternatives([*(data.get("filler_words") or ()), *(data.get("prior_period") or ()),
                                         *(data.get("current_period") or ())])
                          + r"|[，,、:：()（）\s]|(?:19|20)\d\d年度?"),
        text_number=re.compile(TEXT_NUMBER.replace("{units}", alternatives(data.get("text_units")))),
        numeral_count=numeral_count_re(data),
        numeral_multiple=numeral_multiple_re(data),
        doubling=doubling_re(data),
        base_figure_before=re.compile(BASE_FIGURE_BEFORE.replace("{units}", alternatives(data.get("text_units")))),
        list_openers=tuple(data.get("list_openers") or ()),
        fault_words=re.compile(alternatives(data.get("fault_words")) or r"(?!)"),
        list_join=re.compile(alternatives((data.get("summed_names") or {}).get("joins")) or r"(?!)"),
        per_unit_words=tuple(data.get("per_unit_words") or ()),
        per_unit=re.compile("|".join(x for x in (alternatives(data.get("per_unit_words")), data.get("per_unit_pattern"))
                                     if x) or r"(?!)"),
        list_opener=re.compile(r"\s*[，,：:（(]?\s*(?:" + alternatives(data.get("list_openers")) + ")"),
        part_list_head=re.compile(_part_list_head(data) + r"中[，,：:]"),
        bare_part_list_head=re.compile(_part_list_head(data) + r"中(?!" + (alternatives(data.get("part_list_head_not_before"))
                                       or r"(?!)") + r")(?P<rest>[^，,。；;：:\d]{2,12})"),
        # an amount's list of parts opened right after it: 其中, or the words of a complete list (包括)
        whole_opener=re.compile(r"\s*[，,：:（(]?\s*(?:" + alternatives(
            [*(data.get("list_openers") or ()), *(data.get("inclusive_openers") or ())]) + ")"),
        # a row or an item heading a breakdown of a total (按支出性质分：)
        breakdown_heading=re.compile(data.get("breakdown_heading") or "(?!)"),
        # the words leading into a list after an amount or at a sentence's start (，按资金来源划分，其中：,
        # 资金来源分别为), up to the list opener closing them if any
        list_lead=re.compile(r"\s*[，,：:]?\s*(?P<words>" + (data.get("list_lead") or "(?!)") + r")\s*[，,：:]?\s*(?:"
                             + alternatives(data.get("list_openers")) + r")?\s*[：:]?"),
        # (the closing word looked for up to the clause's end, at most 160 characters: linear)
        composition_open=re.compile(r"\s*[，,]?\s*(?:" + alternatives(data.get("composition_openers")) + ")"
                                    + not_before(data.get("composition_not_before"))
                                    + r"(?=[^。；;]{1,160}?(?:" + alternatives(data.get("composition_closers")) + "))"
                                    if data.get("composition_openers") and data.get("composition_closers") else r"(?!)"),
        composition_close=re.compile(alternatives(data.get("composition_closers")) or r"(?!)"),
        addend=re.compile(r"[，,；;\s]*(?:" + alternatives((data.get("addend_words") or {}).get("words")) + ")"
                          + not_before((data.get("addend_words") or {}).get("not_before"))
                          if (data.get("addend_words") or {}).get("words") else r"(?!)"),
        jurisdictions=tuple((data.get("grid_pairs") or {}).get("scope_words") or ()),
        forecast=re.compile(alternatives((data.get("plan_cells") or {}).get("forecast")) or r"(?!)"),
        degree_before_blank=_degree_before_blank(data.get("degree_words") or (), data.get("per_unit_words") or ()),
        # (the sides grouped as one alternative before the end: each word must end the text; of
        # words ending alike, the one starting first wins, 不低于 over 低于)
        approximate=re.compile("(?:" + "|".join(
            f"(?P<{side}>{alternatives_unless(words.get('before'), data.get('approximate_not_words'))})"
            for side, words in (data.get("approximate") or {}).items())
                               + ")" + (f"(?:(?:{alternatives(data.get('approximate_verbs'))})(?:[^，,。；;：:\\d%]{{0,12}}的)?)?"
                                        if data.get("approximate_verbs") else "")
                               + r"\s*$" if data.get("approximate") else r"(?!)"),
        approximate_after=re.compile(r"\s*(?:" + "|".join(f"(?P<{side}>{alternatives(words.get('after'))})"
                                                          for side, words in (data.get("approximate") or {}).items())
                                     + ")" if data.get("approximate") else r"(?!)"),
        approximate_share=Decimal(str(data.get("approximate_share", 0))),
        approximate_digits=int(data.get("approximate_digits", 4)),
        fund_of={own: (fund, generic) for fund, names in (data.get("fund_qualified") or {}).items()
                 for generic, own in names.items() if own != generic},
        multiple_words=tuple(w for w in data.get("multiple_words") or () if w),
        doubling_counter=(data.get("doubling_words") or {}).get("counter") or "",
        numeral_unit_names=frozenset(data.get("numeral_unit_names") or ()),
    )


def fund_calculations(data: dict) -> tuple:
    """The declared sums, and each one declared `per_fund` once more for every fund with a name of
    its own for the total (一般公共预算财政拨款基本支出 = 人员经费 + 公用经费 of that fund): there
    the parts are the fund's own concepts where it has them (一般公共预算财政拨款基本支出 for
    基本支出), a generic part standing in for its own, and `fund` says whose figures they must be."""
    declared = list(data.get("calculations") or ())
    derived = []
    for calc in declared:
        if not calc.get("per_fund"):
            continue
        for fund, own in (data.get("fund_qualified") or {}).items():
            total = own.get(calc["total"])
            if not total or total == calc["total"]:
                continue
            parts = [own.get(p, p) for p in calc["parts"]]
            derived.append({"total": total, "parts": parts, "optional": list(calc.get("optional") or ()),
                            "alternatives": {own[p]: [p] for p in calc["parts"] if own.get(p, p) != p},
                            "fund": fund})
    return tuple(declared + derived)


def spending_side_sum(data: dict) -> tuple:
    """The grand total's spending side as one more sum (concepts.yaml balance_identity: 支出总计 =
    本年支出 + 年末结转和结余, with what a public institution pays out of its surplus, 结余分配):
    the declared sums give the total its income side (本年收入 + 年初结转和结余); one total, two
    sums, as an XBRL calculation network may sum one item in two ways. () where the identity
    names no total, carry-over and spending total."""
    balance = data.get("balance_identity") or {}
    spent, carry = data.get("unit_spending"), balance.get("carry_over")
    if not (balance.get("total") and spent and carry):
        return ()
    return ({"total": balance["total"], "parts": [spent, carry], "optional": list(balance.get("spending_optional") or ()),
             "side": "spending"},)


COMPARED_REACH = 12  # characters between a comparing word's base (上年) and the 多 / 少 after it (上年同期接待)
VERB_REACH = 2  # characters of the verb after 多 / 少 (多接待, 少发生)


def _comparative(data: dict) -> re.Pattern | None:
    """A comparing word and the period it compares with (比上年, 较2023年; 同比 says its own), then within its clause
    多 / 少 and a short verb ending the phrase (比上年多接待, 较上年同期少): see concepts.yaml
    comparative_directions. (A bare 与 or 比 compares nothing: 参与…的读者多达…; 比较多.)"""
    words = [w for ws in (data.get("comparative_directions") or {}).values() for w in ws]
    if not words:
        return None
    base = alternatives(data.get("prior_period")) + r"|(?:19|20)\d\d\s*年"
    return re.compile(r"(?:(?:" + alternatives(data.get("comparison_words")) + r")(?:" + base + r")|"
                      + alternatives(data.get("self_based_comparisons")) + r")[^，,；;。]{0,"
                      + str(COMPARED_REACH) + r"}?(" + alternatives(words) + r")[\u4e00-\u9fff]{0," + str(VERB_REACH) + "}$")


def _signed_change(data: dict) -> re.Pattern:
    """The words of a change whose figure carries its own sign (较上年△5.41万元, 同比-3.20万元,
    增减+1.20万元): a comparison with an earlier period or a change amount's word (concepts.yaml
    measures 变动额, signed_change_words) ending right before a minus, a triangle or a plus (group
    `mark`). After them the sign, not a direction word, says which way the figure went."""
    base = alternatives(data.get("prior_period")) + r"|(?:19|20)\d\d\s*年度?"
    words = [*(data.get("self_based_comparisons") or ()), *((data.get("measures") or {}).get("变动额") or ()),
             *(data.get("signed_change_words") or ())]
    return re.compile(r"(?:(?:" + alternatives(data.get("comparison_words")) + r")(?:" + base + r")(?:同期)?|"
                      + alternatives(words) + r")\s*(?P<mark>[-－−+＋" + NEGATIVE_MARKS + r"])$")


def alternatives(words) -> str:
    """Escaped words, longest first (a pattern that matches nothing when there are none)."""
    return each_before(words, "")


def each_before(words, tail: str) -> str:
    """The words as alternatives, longest first, each followed by `tail` (a pattern without groups):
    the same matches as (?:alternatives)tail, tried in the same order, but every alternative opens
    with its own word. A pattern whose top-level alternatives all open with a character gives the
    regex engine a first-character set, and its scan skips every other character; a group opening
    an alternative leaves it trying every position (3 to 4 times the time of a search)."""
    # (kinds build their patterns from the same word lists for every document: each list's text is
    # made once, a pure function of the words, in a bounded memo)
    return _each_before(tuple(words or ()), tail)


@lru_cache(maxsize=MEMO_ENTRIES)
def _each_before(words: tuple, tail: str) -> str:
    ordered = sorted((w for w in words if w), key=len, reverse=True)
    return "|".join(re.escape(w) + tail for w in ordered) or "(?!)"


def each_char(chars: str) -> str:
    """The characters of a class [...] as alternatives of their own (the same single-character
    matches): for a class that would open one of several top-level alternatives, which leaves the
    engine without a first-character set (see each_before)."""
    return "|".join(re.escape(c) for c in dict.fromkeys(chars))


def alternatives_unless(words, not_words) -> str:
    """As alternatives, each word not where it ends a longer word of `not_words` (约 not as the end
    of 节约, 制约): a lookbehind for each such word's beginning."""
    ordered = sorted((w for w in words or () if w), key=len, reverse=True)
    return "|".join("".join(f"(?<!{re.escape(n[:-len(w)])})" for n in not_words or () if n.endswith(w) and n != w)
                    + re.escape(w) for w in ordered) or "(?!)"


def money_concepts() -> set[str]:
    """Concepts that are amounts of money (everything but counts, scores and rates)."""
    return set(concepts()["concepts"]) - set(concepts()["not_money"])


def word_finder(words) -> re.Pattern:
    """`any(w in text for w in words)` as one pattern: its search(text) finds a match exactly when
    one of the words stands in the text, in one pass over it (an empty word stands in every text;
    no word, in none)."""
    words = list(words or ())
    return re.compile("" if "" in words else alternatives(words))
