"""The whole a stated share is of (kind `derived`, check share): the amount named after 占, the total
the sentence or its list opened with, a breakdown's sum of its listed parts, a total named before
the paragraph, a heading's amount; and the words naming a whole."""
from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal
from typing import Literal

from ...facts.base import Fact, FactBase
from ...facts.base.figures import part_names, per_unit
from ...facts.base.words import kind_total, names_other_period, names_other_year, respectively_words
from ...facts.lexicon import alternatives, lexicon
from ...facts.numbers import MONEY_UNITS, fmt
from ...knowledge import compact, concepts
from ...model import Heading, Table
from ..base import whole_named_by
from ..calculation.compare import adds_up
from ..calculation.listing import sum_words
from .intervals import ratio_fits
from .lookup import YEAR_NUMBER_RE, document_value, in_brackets


LISTED_SUM = "所列各项合计"  # the label of a breakdown's whole, the sum of the items it lists (_breakdown)


def without_whole_words(words: str) -> str:
    """The words without those of any whole (全年, 总额, 总数: concepts.yaml kind_total_words)."""
    for w in sorted(concepts().get("kind_total_words") or (), key=len, reverse=True):
        words = words.replace(w, "")
    return words


def opens_between(base: FactBase, earlier: Fact, later: Fact, openers: tuple) -> bool:
    """Whether a list opener (其中) stands between two facts of one sentence, or of the ；-joined
    clauses of one paragraph (…占95.10%；其中授予小微企业…)."""
    if earlier.block != later.block or later.source != "text" or earlier.sentence > later.sentence:
        return False
    block = later.block
    if earlier.sentence == later.sentence:
        between = base.sentences.get((block, later.sentence), "")[earlier.at:later.at]
    else:
        between = base.sentences.get((block, earlier.sentence), "")[earlier.at:] + "".join(
            base.sentences.get((block, k), "") for k in range(earlier.sentence + 1, later.sentence)) \
            + base.sentences.get((block, later.sentence), "")[:later.at]
    return any(w in between for w in openers)


NAMED_BASE_RE = re.compile(r"占(?!比)(.{2,20}?)的?(?:比重|比例)?$")  # 占全年支出的, 占总支出比重
COMPLETED_BASE_RE = re.compile(r"完成(?!率)([^占]{2,20}?)的$")  # 完成投资的, read as 占投资的 is
SPECIFIC_WHOLE_CHARS = 6  # a whole's name this long names one amount of the paragraph, not a kind of them
ELSEWHERE_WHOLE_CHARS = 4  # a whole's name this long (到位资金) may name an amount of the paragraphs before
BLOCKS_BACK = 6  # blocks looked back over for those two paragraphs (a table and its caption lines between)


# an indicator named by a short word before 占比 (药占比, 耗占比: of a whole by definition), not a
# concept's share (基本支出占比) nor 所占比重
NAMED_SHARE_RE = re.compile(r"(?:^|[^\u4e00-\u9fff])(?![所其])[\u4e00-\u9fff]{1,2}占比")


def share_whole_words(label: str | None) -> re.Match | None:
    """占X的 / 占X的比重: the words X of the whole a share names, the words after them that take the
    listed items in turn and the copula cut off first (占项目实际支出的比重分别为, 占全年支出的比例为)."""
    words = _share_tail_re().sub("", compact(label or ""))
    # (累计完成投资的72.50%: what was done, a share of the whole named after 完成, read as 占 reads)
    # (在一般性支出中所占比重: the whole a share is taken within, concepts.yaml share_within)
    return NAMED_BASE_RE.search(words) or COMPLETED_BASE_RE.search(words) or lexicon().share_within.search(words)


@lru_cache(maxsize=4)
def _share_tail_pattern(respectively: tuple[str, ...], copulas: tuple[str, ...]) -> re.Pattern:
    # (约 too: 占全年支出的比重约为)
    return re.compile(f"(?:{alternatives(respectively)})?(?:{alternatives(copulas)}|约)*[：:]?$")


def _share_tail_re() -> re.Pattern:
    """The words closing a share's phrase after its whole (分别为, 依次为, 为, 约): concepts.yaml
    score_lists respectively and share_copulas."""
    data = concepts()
    return _share_tail_pattern(tuple((data.get("score_lists") or {}).get("respectively") or ()),
                               tuple(data.get("share_copulas") or ()))


def share_whole(base: FactBase, rate: Fact, part: Fact, sentence: list[Fact]) -> Fact | None:
    if _other_jurisdiction(rate, part):
        return None  # (全县…126,400.00万元，占全市一般公共预算支出的12.60%: the city's whole, stated nowhere)
    return _share_whole(base, rate, part, sentence)


def sibling_whole(base: FactBase, rate: Fact, part: Fact, whole: Fact) -> Fact:
    """A share's whole read as a sibling of its part (基本支出800.00万元，其中人员经费…；项目支出400.00万元，
    占比达35.00%: the whole last opened is 基本支出, of which 项目支出 is no part) is their sum, where
    the paragraph states it before; else the whole read stands."""
    totals = _sum_of_both(whole.concept, part.concept) if not rate.base and whole.concept and part.concept else []
    if not totals:
        return whole
    stated = [f for f in base.by_block.get(rate.block, ()) if f.id < rate.id and f.concept in totals
              and f.is_money and f.measure == part.measure and f.period == part.period]
    return stated[-1] if stated else whole


def _other_jurisdiction(rate: Fact, part: Fact) -> bool:
    """The share's whole names a jurisdiction (占全市…的) other than the one its part names (全县…):
    another's whole. (A part naming none is the report's own jurisdiction's: 占全区…的 in a 区's report.)"""
    words = compact(rate.label)
    at = words.rfind("占")
    scopes = lexicon().jurisdictions
    named = next((w for w in scopes if words.startswith(w, at + 1)), None) if at >= 0 else None
    own = next((w for w in scopes if w in compact(part.label)), None)
    return named is not None and own is not None and named != own


def _share_whole(base: FactBase, rate: Fact, part: Fact, sentence: list[Fact]) -> Fact | None:
    named_words = None if rate.base else share_whole_words(rate.label)
    if named_words:
        # a whole named in words the vocabulary does not know (占全年发放总额的): an amount the
        # paragraph stated before under those words, else not guessed
        return _whole_in_words(base, rate, part, named_words.group(1))
    named = rate.base or _base_named_before(base, rate)
    if named and not rate.base and part.concept and _no_part_of(named, part.concept):
        named = None  # (…，占基本支出的16.29%。项目支出…，占75.70%: a sibling of that whole, no part of it)
    if named:
        # a whole the share's words set in one fund (占财政拨款项目支出的) is no figure of another
        # fund or of all funds (a hospital's 项目支出 is mostly its own income's): not checked on one
        fund = _fund_named(rate, named) if rate.base else None
        every = _all_funds_named(rate)  # (占全部项目支出总额的: every fund's, no one fund's figure)

        def fits(whole: Fact) -> bool:
            return _of_fund(whole, fund) and not (every and whole.fund)
        # a whole named before, in an earlier sentence of the paragraph: looked for there too
        near = sentence if rate.base else [f for f in base.by_block.get(rate.block, ()) if f.id < rate.id]
        # of the part's year: not last year's total the sentence compares with (较上年的4102.55万元)
        # (…or under the name of the part's fund: 一般公共预算财政拨款基本支出1,818.81万元，其中人员经费…。
        # 人员经费占基本支出的81.00%: that fund's 基本支出, stated there)
        own = ((concepts().get("fund_qualified") or {}).get(part.fund) or {}).get(named) if part.fund else None
        own = None if own == part.concept else own  # (一般公共预算财政拨款支出…，占本年支出合计的…: of the unit's)
        names = (named, own) if own else (named,)
        here = [f for f in near if f.concept in names and f.is_money and f.measure == part.measure
                and f.period == part.period]
        if here:
            return here[-1] if fits(here[-1]) else None
        owned = [f for f in (base.by_concept.get(own, ()) if own else ()) if f.id < rate.id and f.is_money
                 and (f.block >= rate.block - 1 or f.loc.section and f.loc.section == rate.loc.section)
                 and f.measure == part.measure and f.period == part.period]
        if owned:
            return owned[-1]  # (in the paragraph, the one before it or its section, as a table titled with the fund states it)
        found = document_value(base, named, part.measure, part.subject) or _summed_opener(base, part, named) \
            or _kind_listing_whole(base, part, named)
        if found is not None and not fits(found):
            return None
        words = share_whole_words(rate.label) if found is None and rate.base else None
        # (a whole whose name the vocabulary knows, stated before under the same long name: 占全区政府
        # 采购实际采购金额的, after “全区政府采购实际采购金额12,282.73万元。”; a short one, 占全年支出的,
        # is too loose to find it by: 上半年累计支出 holds its words)
        specific = words is not None and len(words.group(1)) >= SPECIFIC_WHOLE_CHARS
        found = found or (_whole_in_words(base, rate, part, words.group(1)) if specific else None)
        if found is None and rate.base:
            # (资产总额83.07亿元… ¶ 从资产构成看，固定资产451,770万元，占资产总额的54.4%: the whole the
            # share names, stated by the paragraph or the one before, where the document states more)
            found = _named_whole_before(base, rate, part, named)
            if found is not None and fits(found):
                return found
        if found is None and rate.base:
            # (a whole named but stated nowhere in words, 占本年支出的81.18%, its list's shares adding
            # up to 100%: the whole is the sum of the parts the list names; two parts will do, no
            # other amount standing for the whole)
            breakdown = _breakdown(base, rate, part, BREAKDOWN_MIN_ALONE)
            if breakdown:
                return breakdown[0]
            # (占收入合计的比重…, the whole named by its kind only, stated nowhere but as the total row of
            # the table the part is a row of)
            kinds = set((concepts().get("kind_totals") or {}).values())
            return _row_table_total(base, part) if named in kinds else None
        return found
    lead = _lead_whole(base, part)
    if lead is not None:
        # “2024年度“三公”经费财政拨款支出决算中，公务用车运行维护费…占73.37%”
        return document_value(base, lead, part.measure, part.subject)
    listed = _listing_whole(base, part)
    if listed is not None:
        return listed  # “…；本年支出 X 万元，其中基本支出 Y 万元，占 P%”: the amount 其中 follows
    headed = _headed_whole(base, part)
    if headed is not None:
        if headed is False:
            closing = _closing_sum(base, part)
            if closing is not None:
                return closing  # (基金支出中，A…，占24.70%；B…，占73.58%；C…。合计250,423.40万元)
            # (全年支出中，A…，占…；B…，占…: the whole the head names stated nowhere, its list's
            # shares adding up to 100%: the sum of the parts the list names)
            breakdown = _breakdown(base, rate, part, BREAKDOWN_MIN_ALONE)
            return breakdown[0] if breakdown else None
        return headed  # “医疗收入结构中，药品收入…，占比分别为…”: the amount the head names
    guessed = _guessed_whole(base, part)
    if guessed is None:
        closing = _closing_sum(base, part)
        if closing is not None:
            # “A…，占24.70%；B…，占73.58%；C…。合计250,423.40万元”: the sum closing the list, where no
            # amount opened it (民生支出1,500万元。A…，占40%；B…，占20%。合计900万元: of the 1,500)
            return closing
    if guessed is not None and guessed.block != part.block and NAMED_SHARE_RE.search(compact(rate.label)):
        # a share named as an indicator of its own (药占比: 药品收入 over 医疗收入, by definition) whose
        # whole is stated nowhere near: no amount of another paragraph is taken for it
        guessed = None
    breakdown = _breakdown(base, rate, part, BREAKDOWN_MIN_ITEMS if guessed is not None else BREAKDOWN_MIN_ALONE)
    listed = breakdown[0] if breakdown else None
    if listed is None and guessed is not None and _own_sum_shares(base, rate, part):
        # (按资金来源分：中央480.00万元，占62.00%；省级200.00万元，占25.00%；县级120.00万元，占15.00%
        # after a total of 900.00万元 their 800.00 does not make: the shares are of that sum, one
        # slipped, or all three of the total: which, cannot be told)
        return None
    if listed is not None and (guessed is None or abs(guessed.value - listed.value) > guessed.half_unit + listed.half_unit):
        # “从支出结构看，A…，占37.09%；B…，占16.14%；…”: the sum of the parts listed, where the
        # amount the paragraph opened with (or the declared total) is another; unless more of
        # the shares hold on that amount (一般公共预算支出1,000.00万元，主要用于：A 610.00万元，占60.00%；
        # B 250.00万元，占25.00%；C 150.00万元，占15.00%: A's amount is wrong, not the whole)
        pairs = breakdown[1]
        if guessed is not None and sum(ratio_fits(r, p, guessed) for p, r in pairs) > sum(ratio_fits(r, p, listed) for p, r in pairs):
            return guessed
        return listed
    if guessed is None and listed is None:
        # （二）一般公共预算财政拨款支出决算结构情况 ¶ A…，占…: the whole the heading names, where the
        # list's own sum is no whole of its shares (基本支出600，占50%；项目支出600，占50%: of their 1,200)
        return _structure_whole(base, part) or _row_table_total(base, part)
    return guessed


def _row_table_total(base: FactBase, part: Fact) -> Fact | None:
    """The total row of the one table a part's amount is a row of (利润收入860.00万元，占比64.20% beside a
    table 利润收入 | 860.00 … 合计 | 1,368.00), in the part's column: the whole of a share naming none.
    A table printing no unit states the part's figure as the text does: its total in the part's unit."""
    if not part.is_money:
        return None
    cells = [part] if part.source == "table" else [
        f for f in base.by_concept.get(part.concept or "", ()) if f.source == "table" and f.period == part.period
        and f.measure == part.measure and f.value == part.value and f.unit in (part.unit, "")]
    if len(cells) != 1:
        return None
    cell = cells[0]
    words = tuple(concepts().get("column_total_words") or ())
    # (合计, or a kind's 合计: 收入合计, 本年支出合计)
    totals = [f for f in base.by_table.get(cell.block, ()) if f.loc.col == cell.loc.col and f is not cell
              and compact(f.label).endswith(words) and f.unit == cell.unit]
    if len(totals) != 1:
        return None
    return totals[0] if totals[0].unit == part.unit else replace(totals[0], unit=part.unit)


NAMED_WHOLE_PARAGRAPHS = 2  # the paragraphs before a share's its named whole may stand in (a topic's lead paragraph)


def _named_whole_before(base: FactBase, rate: Fact, part: Fact, named: str) -> Fact | None:
    """The amount of the concept a share names (占资产总额的) stated in prose before the share, in
    its paragraph or the NAMED_WHOLE_PARAGRAPHS before it, of the part's measure and year and larger
    than it, in one unit; the largest in the nearest paragraph stating any, since it holds every
    part (资产总额83.07亿元 over the 其中 items 行政单位资产总额34.26亿元, 事业单位…)."""
    for block in range(rate.block, rate.block - NAMED_WHOLE_PARAGRAPHS - 1, -1):
        found = [f for f in base.by_block.get(block, ())[:LISTING_REACH * 4]  # (bounded: a paragraph's head)
                 if f.concept == named and f.source == "text" and f.id < rate.id and f.is_money
                 and f.measure == part.measure and f.period == part.period and not f.comparator
                 and not per_unit(f)]
        if found:
            whole = max(found, key=lambda f: f.in_yuan())
            return whole if _larger(whole, part) else None
    return None


def _closing_sum(base: FactBase, part: Fact) -> Fact | None:
    """The amount a bare sum word (合计, 共计: concepts.yaml column_total_words) states right after a
    list (in its sentence or the next), equal to the list's amounts added up, the part's among
    them: the list's whole, stated after its parts."""
    block = base.by_block.get(part.block, [])
    at = bisect_left(block, part.id, key=lambda f: f.id)
    opening = part.sentence  # (the list's clauses, ；-joined, from the sentence it opens in)
    while opening > 0 and base.sentences.get((part.block, opening - 1), "").rstrip().endswith(("；", ";")):
        opening -= 1
    words = {compact(w) for w in concepts().get("column_total_words") or ()}
    items = [f for f in block[max(0, at - LISTING_REACH):at + 1] if f.sentence >= opening and _listed_amount(f, part)]
    last = part.sentence  # (the list's last sentence so far: its sum stands in it or the next)
    for f in block[at + 1:at + 1 + LISTING_REACH]:
        if f.sentence > last + 1:
            return None
        if not f.is_money or f.measure == "占比":
            continue
        if sum_words(f.label.rstrip("为是 "), words) and f.unit == part.unit and len(items) >= 2:
            exact = sum((i.value for i in items), Decimal(0))
            slack = f.half_unit + sum((i.half_unit for i in items), Decimal(0))
            return f if abs(exact - f.value) <= slack and _some_share_fits(base, part, items, f) else None
        if not _listed_amount(f, part):
            return None  # (another kind of figure between: no list closing on a sum)
        items.append(f)
        last = f.sentence
    return None


def _some_share_fits(base: FactBase, part: Fact, items: list[Fact], whole: Fact) -> bool:
    """Some share the list states is some item's of the sum closing it (24.70% and 73.58% swapped
    still fit, each another's): a list whose shares fit none of its items on that sum is of another
    whole (…占40%；…占20%。合计300,000 under a 基金支出 of 500,000 stated elsewhere)."""
    block = base.by_block.get(part.block, [])
    shares = [f for f in block if f.measure == "占比" and f.unit == "%" and f.source == "text"
              and items[0].id < f.id < whole.id and not f.base]
    return any(ratio_fits(r, p, whole) for r in shares for p in items)


def _listed_amount(f: Fact, part: Fact) -> bool:
    """An amount of the list `part` is in: of its unit, measure and year, no change or bound."""
    return f.is_money and f.unit == part.unit and f.measure == part.measure and f.period == part.period \
        and not f.comparator


def _guessed_whole(base: FactBase, part: Fact) -> Fact | None:
    """The whole of a share naming none, by the paragraph's opening amount or the declared sum the
    part is of."""
    opener = _opener(base, part)
    if opener is not None and opener.measure == part.measure and holds(opener, part):
        if opener.concept is None:
            # (学校总收入1,980.80万元…，总支出1,968.60万元。基本支出…，占87.39%: an opening amount the
            # vocabulary does not know, the total it declares of the part stated after it: that total)
            declared = _declared_total_before(base, part, opener)
            if declared is not None:
                return declared
        return opener  # “本年收入 X 万元，其中：财政拨款收入 Y 万元，占 P%”
    for calc in lexicon().calculations:
        if part.concept in calc["parts"]:
            # (of the part's year: 上年其他收入300.00万元，占比… is a share of last year's 本年收入)
            return document_value(base, calc["total"], part.measure, part.subject, part.period)
    return None


def _declared_total_before(base: FactBase, part: Fact, opener: Fact) -> Fact | None:
    """The last amount between the opener and the part, of a total the vocabulary declares the
    part's concept a part of (concepts.yaml calculations), in the part's measure and year."""
    totals = {calc["total"] for calc in lexicon().calculations if part.concept in calc["parts"]}
    if not totals:
        return None
    for block in range(part.block, opener.block - 1, -1):
        facts = base.by_block.get(block, [])
        at = bisect_left(facts, part.id, key=lambda f: f.id)
        # (walked back from the part, at most LISTING_REACH figures: bounded, linear overall)
        for f in reversed(facts[max(0, at - LISTING_REACH):at]):
            if f.id <= opener.id:
                return None
            if f.concept in totals and f.is_money and f.measure == part.measure and f.period == part.period \
                    and not f.comparator and holds(f, part):
                return f
    return None


def _summed_opener(base: FactBase, part: Fact, named: str) -> Fact | None:
    """The paragraph's opening amount, named in other words (局机关本级支出1,307.72万元), as the
    whole a share names (占本年支出的): when the named whole's parts stated after it add up to it."""
    opener = _opener(base, part)
    if opener is None or opener.measure != part.measure or not holds(opener, part):
        return None
    names = {p for calc in lexicon().calculations if calc["total"] == named for p in calc["parts"]}
    block = base.by_block.get(opener.block, [])
    at = bisect_left(block, opener.id + 1, key=lambda f: f.id)
    parts = [f for f in block[at:at + LISTING_REACH] if f.concept in names  # (bounded: linear overall)
             and f.is_money and f.unit == opener.unit and f.measure == part.measure and f.period == part.period]
    if len(parts) < 2 or len({f.concept for f in parts}) != len(parts):
        return None
    exact = sum((f.value for f in parts), Decimal(0))
    slack = opener.half_unit + sum((f.half_unit for f in parts), Decimal(0))
    return opener if abs(exact - opener.value) <= slack else None


def _base_named_before(base: FactBase, rate: Fact) -> str | None:
    """“财政拨款收入…占本年收入合计的94.73%；其他收入183.82万元，占5.27%”: a share naming no whole
    is of the whole the paragraph's share before it named."""
    # (a share said with 占, not a ratio to another figure, 为一般债务限额的97.54%, whose base no
    # share after it takes)
    before = [f for f in base.by_block.get(rate.block, ()) if f.id < rate.id and f.measure == "占比"
              and "占" in f.label]
    if not before or _list_opened_between(base, before[-1], rate):
        # “X占本年支出的83.21%。其中：A…，占53.82%”: a share in the list of X's parts is of X
        return None
    return before[-1].base


def _sum_of_both(one: str, other: str) -> list[str]:
    """The totals of the sums the vocabulary declares with both as parts (基本支出 and 项目支出 of
    本年支出): none where one is the other's whole or they are one."""
    if one == other:
        return []
    return [calc["total"] for calc in lexicon().calculations
            if one in (names := part_names(calc)) and other in names]


def _no_part_of(whole: str, concept: str) -> bool:
    """The vocabulary declares the sums `whole` is the total of, and `concept` is a part of none."""
    declared = [calc for calc in lexicon().calculations if calc["total"] == whole]
    return bool(declared) and concept != whole and not any(concept in part_names(calc) for calc in declared)


def _list_opened_between(base: FactBase, earlier: Fact, later: Fact) -> bool:
    """A 其中 list opens after `earlier` and before `later` (a sentence after it opening with one)."""
    openers = lexicon().list_openers
    text = base.sentences.get((later.block, later.sentence), "")
    if (earlier.block, earlier.sentence) == (later.block, later.sentence):
        return any(o in text[earlier.at + len(earlier.text):later.at] for o in openers)
    return bool(lexicon().list_opener.match(text)) or any(o in text[:later.at] for o in openers)


YEAR_IN_HEAD_RE = re.compile(r"(?:19|20)\d\d")
LEAD_BREAKS = "，,：:"  # what ends a sentence's lead before its first figure's own words


def names_period(header: str) -> bool:
    """A column head naming its year or its period in the vocabulary's words (2024年, 本年, 上期)."""
    lex = lexicon()
    return bool(YEAR_IN_HEAD_RE.search(header) or lex.prior.search(header) or lex.current.search(header))


def _lead_whole(base: FactBase, part: Fact) -> str | None:
    """A total the sentence names in its lead, with no figure of its own, before the first
    amount's clause (“三公”经费财政拨款支出决算中，…): the whole of the shares of its parts, and
    of the parts listed in the sentences after it (；公务接待费…，占比…)."""
    from ..calculation.parts import sum_part_names

    block = base.by_block.get(part.block, ())
    for k in range(part.sentence, -1, -1):
        first = next((f for f in block if f.sentence == k and f.is_money and f.source == "text"), None)
        if first is None or first.concept is None:
            return None  # the list of parts has ended
        text = base.sentences.get((part.block, k), "")
        cut = max(text.rfind(c, 0, first.at) for c in LEAD_BREAKS)
        lead = compact(text[:cut]) if cut > 0 else ""
        named = [c for _, _, c in lexicon().concepts.all(lead)]
        if lead and not named and (kind := kind_total(lead)):
            named = [kind]  # (支出预算中，…: the kind of money's total)
        for concept in reversed(named):
            calc = next((c for c in lexicon().calculations if c["total"] == concept and not c.get("fund")), None)
            if calc is not None:
                names = sum_part_names(calc)
                return concept if part.concept in names and first.concept in names else None
    return None


LISTING_REACH = 40  # facts looked back over for the list's whole (keeps a long paragraph linear)


def _whole_in_words(base: FactBase, rate: Fact, part: Fact, words: str) -> Fact | None:
    """The amount a share's whole named in unknown words is (占全年发放总额的, 占救助资金总额的):
    the words without those of any whole (全年, 总额: kind_total_words) held by the labels of
    amounts stated before the part in its paragraph (within LISTING_REACH facts), of its measure
    and year; the whole is the largest of them, since it holds every part (a 其中 item may hold
    the words too: 农村低保救助资金 under 各类救助资金). No whole when that amount is the part's
    sibling (in its sentence with no list opener between: 发放农村低保资金800.00万元，发放城市低保
    资金500.00万元，占全年发放总额的…) or is itself said to be a share of the same whole (授予中小企业
    合同金额…，占合同总额的95.10%；其中…). With no words left (占总额的), the amount the part's list
    opener (其中) follows."""
    own = without_whole_words(words.rstrip("的"))
    if not own:
        return _listing_whole(base, part)
    if len(own) < 2:
        return None  # (one character is too loose a name to find the whole by)
    if own in (concepts().get("kind_totals") or {}):
        # (占本年支出总计的: the unit's total of that kind, which the vocabulary names; an amount whose
        # words merely hold the kind, 本年项目支出740.00万元, is a part of it, not it)
        return None
    block = base.by_block.get(rate.block, [])
    # (a part stated in another block, a table's row the share names, 失业保险金占待遇支出的…: the
    # amounts before the share itself)
    at = bisect_left(block, (part if part.block == rate.block else rate).id, key=lambda f: f.id)
    # (the kind of money may stand on either side of the words: 到位资金 is 资金实际到位's amount)
    kind = next((k for k in concepts().get("part_list_heads") or () if own.endswith(k) and len(own) - len(k) >= 2), "")
    stem = own[:len(own) - len(kind)] if kind else own
    def amounts(facts):
        # (an amount per head or per unit, 人均资产160.01万元, is no whole of anything)
        return [f for f in facts if f.is_money and f.source == "text" and f.measure == part.measure
                and f.period == part.period and not f.comparator and not per_unit(f)]

    near = amounts(block[max(0, at - LISTING_REACH):at])
    found = _named_amounts(base, near, part, own, stem, kind) or _literal_wholes(near, part, words)
    if not found and len(own) >= ELSEWHERE_WHOLE_CHARS:
        # (（一）资金到位情况。…实际到位… ¶（二）资金支出情况。…占到位资金的…: a whole named in
        # words this specific may stand in the paragraph or two before)
        # (the paragraphs of amounts before, a table between passed over: 表1 with its caption lines)
        # (the nearest so named, passing over an amount its own sentence states as a share of another
        # whole: 全市实际采购金额… ¶ 市本级实际采购金额…，占全市的37.74% ¶ …占实际采购总额的: the city's)
        earlier = [k for k in range(rate.block - 1, max(-1, rate.block - 1 - BLOCKS_BACK), -1)
                   if amounts(base.by_block.get(k, ()))][:2]
        for k in earlier:
            found = [f for f in _named_amounts(base, amounts(base.by_block.get(k, ())), part, own, stem, kind)
                     if not _share_stated(base, f)]
            if found:
                break
    if not found:
        return None
    openers = lexicon().list_openers
    # (an item of a list, 其中人员经费600.00万元, is a part of its own whole, no whole of the text's
    # other amounts; it is the whole of a table's rows that break it down, 失业保险金 | 其他待遇 under
    # 其中失业保险待遇支出3,150.00万元)
    items = [f for f in found if part.source == "text" and any(g.sentence == f.sentence and g.at < f.at and g.is_money
                                     and opens_between(base, g, f, openers)
                                     for g in base.by_sentence.get((f.block, f.sentence), ()))]
    found = [f for f in found if f not in items]
    if not found:
        return None
    whole = max(found, key=lambda f: f.in_yuan())  # (in one unit: 138.28亿元 over 6,492.02万元)
    whole = _year_item(whole, items, part) or whole
    if ((whole.block, whole.sentence) == (part.block, part.sentence) and not opens_between(base, whole, part, openers)
            and not _named_as_whole(whole, part, words)) \
            or _share_of_named(base, base.by_block.get(whole.block, []), whole, words):
        return None
    return whole


def _share_stated(base: FactBase, amount: Fact) -> bool:
    """The amount's sentence goes on to state it as a share of something (…98,326.41万元，占全市的37.74%):
    a part of that, no whole of later shares."""
    facts = base.by_sentence.get((amount.block, amount.sentence), ())
    after = [f for f in facts if f.at > amount.at]
    # (the share right after the amount, no other amount between: …200万元，其中省级资金150万元，占75%
    # is the part's share, no share of the whole's)
    first = next((f for f in after if f.measure == "占比" or f.is_money), None)
    return first is not None and first.measure == "占比"


def _literal_wholes(near: list[Fact], part: Fact, words: str) -> list[Fact]:
    """The amounts among `near`, larger than the part, whose labels hold the share's words as
    written, or from their word of wholes on (占项目总投资的: 总投资 of 项目总投资12,800.00万元, which
    the words without 总, 项目投资, do not name)."""
    named = words.removesuffix("的")
    totals = concepts().get("kind_total_words") or ()
    at = min((named.find(w) for w in totals if w in named), default=-1)
    tail = named[at:] if at >= 0 and len(named) - at >= 2 else named
    if len(without_whole_words(tail)) < 2:
        return []  # (…预算总额的: a word of wholes alone names no amount)
    return [f for f in near if tail in compact(f.label) and _larger(f, part)]


def _named_as_whole(whole: Fact, part: Fact, words: str) -> bool:
    """The share's words name the amount as the whole, not as a sibling of the part: its label
    holds them all, a word of wholes among them (总投资, 项目总投资, 计划总额), or no word of the
    part's own label but theirs (计划投资 beside 完成投资), and the part's label does not hold them
    (项目总投资12,800.00万元，完成投资8,960.00万元，占总投资的…: in one sentence with no 其中, and
    still the whole)."""
    named = words.removesuffix("的")
    label, own = compact(whole.label), compact(part.label)
    if len(named) < 2 or named in own:
        return False
    totals = concepts().get("kind_total_words") or ()
    if named in label and (any(w in named for w in totals) or not without_whole_words(named) in own):
        return True
    # (占项目总投资的 of an amount named 总投资: the words from their word of wholes on)
    at = min((named.find(w) for w in totals if w in named), default=-1)
    return at > 0 and len(named) - at >= 2 and named[at:] in label and named[at:] not in own


def _year_item(whole: Fact, items: list[Fact], part: Fact) -> Fact | None:
    """Of a whole summed over years (截至…累计到位资金: concepts.yaml cumulative_words), its one item
    naming the year the part's own words name (其中2024年到位资金… ¶ 2024年实际支出…，占到位资金的):
    the whole of that year's part."""
    years = YEAR_WORDS_RE.findall(part.label)
    if not years or not any(w in whole.quote for w in concepts().get("cumulative_words") or ()):
        return None
    named = [f for f in items if YEAR_WORDS_RE.findall(f.label) == years]
    return named[0] if len(named) == 1 else None


YEAR_WORDS_RE = re.compile(r"(?:19|20)\d\d(?=\s*年)")


def _named_amounts(base: FactBase, near: list[Fact], part: Fact, own: str, stem: str, kind: str) -> list[Fact]:
    """The amounts among `near` a share's whole words name: holding the words (larger than the
    part), or, those missing, holding the words' stem and kind of money apart (资金实际到位 for 到位
    资金) — only one so named, else they are parts: 省级资金到位…，县级配套资金到位…, whose sum the
    share is of (unless the others are 其中 parts of the first: …到位2,000.00万元，其中省级资金到位…)."""
    found = [f for f in near if own in compact(f.label) and _larger(f, part)]
    if found or not kind:
        return found
    found = [f for f in near if stem in compact(f.label) and kind in compact(f.label)]
    openers = lexicon().list_openers
    if len(found) > 1 and all(f.sentence == found[0].sentence and opens_between(base, found[0], f, openers)
                              for f in found[1:]):
        found = found[:1]
    return found if len(found) == 1 and _larger(found[0], part) else []


def _share_of_named(base: FactBase, block: list[Fact], amount: Fact, words: str) -> bool:
    """The amount's own share, the first share after it in its sentence past figures in brackets,
    names the same whole (…1,163.27万元（含预留份额100.00万元），占合同总额的95.10%)."""
    at = bisect_left(block, amount.id, key=lambda f: f.id)
    for f in block[at + 1:at + 1 + LISTING_REACH]:
        if f.sentence != amount.sentence:
            return False
        if f.measure == "占比":
            return words in compact(f.label)
        if f.is_money and not in_brackets(base, f):
            return False
    return False


def _kind_listing_whole(base: FactBase, part: Fact, named: str) -> Fact | None:
    """A whole named by its kind only (占支出总额的: 本年支出), stated nowhere as such: the amount the part's
    list opens under, where its words name that kind (全年支出就业补助资金1,550.00万元，其中社会保险补贴…)."""
    kind = next((k for k, total in (concepts().get("kind_totals") or {}).items() if total == named), None)
    listed = _listing_whole(base, part) if kind is not None else None
    return listed if listed is not None and listed.concept is None and kind in compact(listed.label) else None


def _listing_whole(base: FactBase, part: Fact) -> Fact | None:
    """The amount a list opener (其中) follows, the nearest before the part in its sentence or in
    the ；-joined clauses before it: the whole of the parts listed after it, whatever the sentence
    stated first."""
    opener = lexicon().whole_opener
    block = base.by_block.get(part.block, [])
    at = bisect_left(block, part.id, key=lambda f: f.id)
    window = block[max(0, at - LISTING_REACH):at]
    for i in range(len(window) - 1, -1, -1):
        f, following = window[i], window[i + 1] if i + 1 < len(window) else None
        if f.sentence != part.sentence and not all(
                base.sentences.get((part.block, k), "").rstrip().endswith(("；", ";"))
                for k in range(f.sentence, part.sentence)):
            # the list's clauses end at a full stop; a sentence opening with 其中 lists the parts of
            # the last amount of the sentence before it (本年支出合计1,159.99万元。其中：基本支出…，占87.94%)
            first = list_sentence(base, part)
            if first is None or f.sentence != first - 1:
                return None
            if f.measure in ("变动额", "变动率"):
                # (the sentence before closes on a change and its rate: the list is of what changed)
                k = bisect_left(block, f.id, key=lambda g: g.id)
                change = f if f.is_money else next((g for g in reversed(block[:k]) if g.sentence == f.sentence
                                                    and g.is_money), f)
                if change.measure == "变动额":
                    f = _changed_whole(block[:bisect_left(block, change.id, key=lambda g: g.id)], change) or f
            elif f.measure != part.measure:
                # (the last amount of the part's measure: 本年支出1,468.20万元，年初预算为1,500.00万元。其中：
                # 人员经费… lists the spending's parts, not the budget's; as _whole_before_paragraph)
                j = next((j for j in range(i - 1, -1, -1) if window[j].sentence == f.sentence and window[j].is_money
                          and window[j].measure == part.measure), None)
                if j is not None:
                    i, f = j, window[j]
            if f.is_money and f.measure != "变动额" and (f.measure == part.measure or part.implicit) \
                    and f.period == part.period and holds(f, part) and not f.comparator:
                return _named_whole(base, window[:i], f, part)
            return None
        # (an item whose measure no word states is of the whole's: 部门预算支出合计…，其中教育支出…)
        if f.is_money and (f.measure == part.measure or part.implicit) and f.period == part.period \
                and holds(f, part) and _opens_list_after(base, f, following, opener):
            return _named_whole(base, window[:i], f, part)
    return _whole_before_paragraph(base, part)


def _whole_before_paragraph(base: FactBase, part: Fact) -> Fact | None:
    """A paragraph opening with a list opener (本年支出合计9.92万元。¶其中：A…；B…，占P%): its items are
    the parts of the last amount of the paragraph before, as a sentence opening so lists the parts
    of the sentence before it (its first item is a sibling, no whole of the others)."""
    run_of, runs = base.runs()
    k = run_of.get((part.block, part.sentence))
    first = runs[k][0][0] if k is not None else None  # (the first sentence of the part's ；-run)
    before = base.by_block.get(part.block - 1, ())
    if first != (part.block, 0) or not base.opens_list(first) or not before:
        return None
    # (the last amount of the part's measure: 本年支出1,468.20万元，年初预算为1,500.00万元。¶其中：人员
    # 经费… lists the spending's parts, not the budget's)
    at = next((j for j in range(len(before) - 1, -1, -1) if before[j].is_money and before[j].measure == part.measure), None)
    f = before[at] if at is not None else None
    if f is not None and f.source == "text" and f.period == part.period and holds(f, part) and not f.comparator:
        return _named_whole(base, list(before[:at]), f, part)
    return None


def _named_whole(base: FactBase, before: list[Fact], nearest: Fact, part: Fact) -> Fact:
    """The whole of a list whose items name another thing than the amount the list follows: the
    one the part names (kinds/base.whole_named_by) among the amounts of the nearest's measure and
    the part's year, larger than it, in the clauses ； joins up to the nearest (资产总额83.07亿元；
    负债总额…；净资产71.68亿元。其中，行政单位资产总额34.26亿元，占41.2%: 资产总额, not 净资产)."""
    candidates: list[Fact] = []
    for f in reversed(before):  # (`before`: within LISTING_REACH facts, so bounded)
        if f.sentence != nearest.sentence and not base.sentences.get((f.block, f.sentence), "").rstrip().endswith(("；", ";")):
            break  # (the run of clauses ； joins ends at a full stop before it)
        if f.is_money and f.measure == nearest.measure and f.period == part.period and not f.comparator \
                and _larger(f, part):
            candidates.insert(0, f)
    return whole_named_by(part, candidates, nearest)


def _opens_list_after(base: FactBase, amount: Fact, following: Fact | None, opener: re.Pattern) -> bool:
    """A list opener (其中) right after an amount, or right after the amount's own share, the figure
    next to it (授予中小企业合同金额X万元，占政府采购支出总额的P%，其中：…): the items listed after
    it are that amount's parts, their bare shares (占比) of it."""
    text = base.sentences.get((amount.block, amount.sentence), "")
    if opener.match(text, amount.at + len(amount.text)):
        return True
    return following is not None and following.sentence == amount.sentence and following.measure == "占比" \
        and following.unit == "%" and opener.match(text, following.at + len(following.text)) is not None


def _changed_whole(before: list[Fact], change: Fact) -> Fact | None:
    """The amount a change closing the sentence before a 其中 list is of (收入预算总计2,505.81万元…。
    收入预算总计比上年减少207.77万元，下降7.66%。其中：…): the list is of that amount, stated earlier
    in the paragraph under the change's concept; where several are (收入、支出预算总计), the one the
    change's words name, or their one value."""
    if change.concept is None:
        return None
    found = [f for f in before if f.concept == change.concept and f.is_money and f.measure != "变动额"
             and f.period == change.period and not f.comparator]
    named = [f for f in found if _name_of(f) and _name_of(f) in compact(change.label)]
    found = named or found
    return found[-1] if found and len({f.in_yuan() for f in found}) == 1 or named else None


def _name_of(fact: Fact) -> str:
    """A fact's label without its year (2025年收入预算总计 → 收入预算总计)."""
    return YEAR_NUMBER_RE.sub("", compact(fact.label)).lstrip("，,；;：:")


def _fund_named(rate: Fact, named: str) -> str | None:
    """The fund the share's own words set its whole in (占财政拨款项目支出的: 财政拨款), when the
    whole's name does not hold it already (占一般公共预算财政拨款支出的)."""
    words = share_whole_words(rate.label)
    fund = next((name for _, _, name in lexicon().funds.all(words.group(1))), None) if words else None
    return fund if fund and fund not in named else None


def _all_funds_named(rate: Fact) -> bool:
    """The share's whole is named as every fund's (占全部项目支出总额的, 占所有资金的: concepts.yaml
    all_funds_words right before the whole's name)."""
    words = share_whole_words(rate.label)
    return words is not None and words.group(1).startswith(tuple(concepts().get("all_funds_words") or ()))


def _of_fund(fact: Fact, fund: str | None) -> bool:
    """The figure is of the fund (any, where None), or of one the fund is made of (a 一般公共预算
    table's figure for a 财政拨款 whole: concepts.yaml fund_parts)."""
    return fund in (None, fact.fund) or fact.fund in (concepts().get("fund_parts") or {}).get(fund, ())


def _larger(whole: Fact, part: Fact) -> bool:
    """The whole is larger than the part, in one unit (83.07亿元 over 451,770万元)."""
    return holds(whole, part) and not holds(part, whole)


def holds(whole: Fact, part: Fact) -> bool:
    """The whole is no smaller than the part, in one unit (亩均投资1,500元 holds no 900.00万元)."""
    if whole.is_money and part.is_money:
        return whole.in_yuan() >= part.in_yuan()
    return whole.value >= part.value


def list_sentence(base: FactBase, part: Fact) -> int | None:
    """The sentence opening with a list opener (其中) that the ；-joined clauses of the part (or of
    its share) begin with."""
    first = part.sentence
    while first and not base.opens_list((part.block, first)) \
            and base.sentences.get((part.block, first - 1), "").rstrip().endswith(("；", ";")):
        first -= 1
    return first if first and base.opens_list((part.block, first)) else None


BREAKDOWN_MIN_ITEMS = 3  # a breakdown lists at least three parts with their shares
# …or two, where no other amount stands for the whole (none stated, none guessed): two shares making
# 100% are their parts' whole (A…，占10.43%；B…，占89.57%)
BREAKDOWN_MIN_ALONE = 2
BREAKDOWN_SLACK = Decimal("0.5")  # their shares add up to 100% within this (rounded, maybe one slip)
# …or, the parts adding up to a total stated before them, within this of 100%: one share slipped
# (62.30% for 63.20%), not shares of something else (each project's 占90.00% of its own budget)
SLIPPED_SHARE = Decimal(10)


def _sum_stated_before(base: FactBase, block: list[Fact], pairs: list[tuple[Fact, Fact]]) -> bool:
    """The parts add up to an amount the paragraph states before them (项目预算总额1,000.00万元。
    按资金来源分：中央632.00万元，占62.30%；省级…): their shares are of it, whatever they add up to
    (one share slipped, the rest right: short of 100%)."""
    first = pairs[0][0]
    parts = sum((p.in_yuan() for p, _ in pairs), Decimal(0))
    slack = sum((p.half_unit * MONEY_UNITS.get(p.unit, Decimal(1)) for p, _ in pairs), Decimal(0))
    if any(f.is_money and f.id < first.id and (f.measure == first.measure or first.implicit) and f.period == first.period
           and abs(f.in_yuan() - parts) <= slack + f.half_unit * MONEY_UNITS.get(f.unit, Decimal(1))
           for f in block):
        return True
    return _sum_stated_elsewhere(base, pairs, parts, slack)


def _sum_stated_elsewhere(base: FactBase, pairs: list[tuple[Fact, Fact]], parts: Decimal, slack: Decimal) -> bool:
    """The parts add up to an amount of their measure and year the document states in another
    paragraph or a table (全年执行数4,402.35万元 in the section before, and then 按支出功能分类，A
    2,980.42万元（占67.70%），B 903.58万元（占20.52%），C 518.35万元（占11.77%）): the unit's total they
    break down, their shares of it. Three amounts or more adding up to a stated one to the last
    printed digit is no coincidence. Looked up in the document's amounts by value, indexed once."""
    first = pairs[0][0]
    index = base.remember(("amounts by value", first.period), lambda: sorted(
        (f.in_yuan(), f.id) for f in base.facts if f.is_money and f.period == first.period and not f.comparator
        and f.measure != "变动额" and f.value > 0))
    # (the amount printed no coarser than the parts: a round 0.4亿元 would hold many sums)
    reach = slack * 2
    own = {p.id for p, _ in pairs}
    for value, fid in index[bisect_left(index, (parts - reach, -1)):bisect_left(index, (parts + reach, len(base.facts)))]:
        f = base.facts[fid]
        half = f.half_unit * MONEY_UNITS.get(f.unit, Decimal(1))
        if fid not in own and (f.measure == first.measure or first.implicit) and half <= slack \
                and abs(value - parts) <= slack + half:
            return True
    return False


def _breakdown(base: FactBase, rate: Fact, part: Fact,
               least: int = BREAKDOWN_MIN_ITEMS) -> tuple[Fact, list[tuple[Fact, Fact]]] | None:
    """The parts a paragraph lists one after another, each followed by its share naming no whole
    (A 28.50万元，占37.09%；B 12.40万元，占16.14%；…), the shares adding up to 100%: they are a
    breakdown of their own sum (the total, stated elsewhere or not at all); two parts only where
    their shares make 100% within their printed rounding. That sum, with the (part, share) pairs."""
    block = base.by_block.get(rate.block, [])
    pairs = _breakdown_pairs(base, rate, part, block, least)
    if pairs is None:
        return None
    shares = sum((r.value for _, r in pairs), Decimal(0))
    if len(pairs) < BREAKDOWN_MIN_ITEMS:
        # two parts: their shares make 100% as printed, within their rounding only (88.09% and
        # 11.60% leave 0.31% to a part not listed: of a whole larger than the two)
        rounding = sum((Decimal(5).scaleb(-r.places - 1) for _, r in pairs), Decimal(0))
        if abs(shares - 100) > rounding:
            return None
    elif abs(shares - 100) > BREAKDOWN_SLACK and not (abs(shares - 100) <= SLIPPED_SHARE and _sum_stated_before(base, block, pairs)):
        return None
    total = sum((p.value for p, _ in pairs), Decimal(0))
    places = max(p.places for p, _ in pairs)
    # (one whole for the list, an id no fact of the base has: the shares are told as one group)
    # (its quote: the sum written out, for the finding's formula)
    return replace(part, id=-2 - pairs[0][0].id, value=total, concept=None, label=LISTED_SUM, places=places,
                   text=f"{fmt(total, places)}{part.unit}", quote=" + ".join(p.text for p, _ in pairs),
                   implicit=True), pairs


def _breakdown_pairs(base: FactBase, rate: Fact, part: Fact, block: list[Fact],
                     least: int = BREAKDOWN_MIN_ITEMS) -> list[tuple[Fact, Fact]] | None:
    """The (part, share) pairs of the paragraph's list the part is in (see _breakdown): at least
    `least` of them, in one unit."""
    pairs: list[tuple[Fact, Fact]] = []
    # (the first share may name the whole the others leave unsaid: 占本年支出的81.18%；…占9.26%)
    whole = rate.base or next((f.base for f in block if f.measure == "占比" and f.base), None)
    for k, f in enumerate(block):
        if f.measure == "占比" and f.source == "text" and f.unit == "%" and f.base in (None, whole) and k:
            # (the item's own amount, not one in brackets after it: 无形资产净值124.00万元（原值186.00万元），占1.86%)
            item = next((b for b in reversed(block[:k]) if b.sentence != f.sentence or not in_brackets(base, b)), None)
            if item is not None and item.is_money and item.sentence == f.sentence:
                pairs.append((item, f))
    if len(pairs) < least or not any(p is part for p, _ in pairs) \
            or len({p.unit for p, _ in pairs}) != 1:
        return None
    return pairs


def _own_sum_shares(base: FactBase, rate: Fact, part: Fact) -> bool:
    """The part's share is one of a list's whose shares add up to about 100% (within SLIPPED_SHARE):
    shares of the parts' own sum, one slipped maybe, whatever amount the paragraph opened with."""
    pairs = _breakdown_pairs(base, rate, part, base.by_block.get(rate.block, []))
    return pairs is not None and abs(sum((r.value for _, r in pairs), Decimal(0)) - 100) <= SLIPPED_SHARE


HEADING_REACH = 2  # paragraphs between a heading and the paragraph of shares it heads


def _structure_whole(base: FactBase, part: Fact) -> Fact | None:
    """The whole a heading right above the part's paragraph names as the one whose make-up it
    sets out (（二）一般公共预算财政拨款支出决算结构情况: concepts.yaml structure_heading_words):
    the one value the document states for it, of the part's measure and year. None where no such
    heading stands with at most HEADING_REACH paragraphs between it and the part's, or it names no concept."""
    doc = base.title_scopes.doc if base.title_scopes is not None else None
    words = tuple(concepts().get("structure_heading_words") or ())
    if doc is None or not words or part.source != "text" or not _plain_part(base, part):
        return None
    for index in range(part.block - 1, max(-1, part.block - 2 - HEADING_REACH), -1):
        block = doc.blocks[index]
        if isinstance(block, Table):
            return None
        if not isinstance(block, Heading):
            continue
        text = compact(block.text)
        if names_other_year(text, base.year):
            return None  # (（二）2023年度…结构情况: another year's make-up)
        at = min((text.find(w) for w in words if w in text), default=-1)
        concept = lexicon().concepts.last(text[:at]) if at > 0 else None
        if concept is None or concept == part.concept:
            return None
        whole = document_value(base, concept, part.measure, part.subject)
        return whole if whole is not None and whole.period == part.period else None
    return None


def _plain_part(base: FactBase, part: Fact) -> bool:
    """The part's paragraph, up to it, names no other year or period (上年…, 2023年度…) and no list
    it is an item of (其中人员经费…: a part of the item before, not of the heading's whole)."""
    # (the paragraph up to the part: 上年A…，占90.00%；B…，占10.00% — B's sentence after the ； is last year's too)
    before = compact("".join(base.sentences.get((part.block, k), "") for k in range(part.sentence))
                     + base.sentences.get((part.block, part.sentence), "")[:part.at])
    lex = lexicon()
    return not names_other_period(before, base.year, lex) and not any(w in before for w in lex.list_openers)


def _headed_whole(base: FactBase, part: Fact) -> Fact | Literal[False] | None:
    """The whole a sentence opening “医疗收入结构中，” lists: the last amount before named so (its
    label ending with the head's words), of the part's measure and year; False when the head names
    a whole no figure before states (not guessed); None for a sentence with no such head."""
    opening = part.sentence  # (支出预算中，A…，占23.6%；B…，占76.4%。: the head goes on over its ；)
    while opening > 0 and base.sentences.get((part.block, opening - 1), "").rstrip().endswith(("；", ";")):
        opening -= 1
    text = base.sentences.get((part.block, opening), "")
    head = lexicon().part_list_head.match(text) or _bare_head(text, next(iter(base.by_sentence.get((part.block, opening), ())), None))
    if head is None:
        return None
    words = compact(head.group("name"))
    concept = lexicon().concepts.last(words)
    # (支出预算中，: the head's thing without its measure, 支出, which 本年支出 is a kind of)
    kind = words
    for start, end, _ in reversed(lexicon().measures.all(words)):
        kind = kind[:start] + kind[end:]
    # the figures before the list (not its items, before in its ；-chain)
    earlier = [f for b in (part.block - 1, part.block) for f in base.by_block.get(b, ())
               if f.block < part.block or f.sentence < opening]
    whole = next((f for f in reversed(earlier[-LISTING_REACH:]) if f.is_money and f.measure == part.measure
                  and f.period == part.period and holds(f, part)
                  and (compact(f.label).endswith(words) or (concept is not None and f.concept == concept)
                       or (kind != words and len(kind) >= 2 and (f.concept or "").endswith(kind)))), None)
    if whole is None and kind != words and len(kind) >= 2:
        # (stated in a table only: the total of the declared sum every item of the list is a part
        # of, if it is of that kind; 上年结转 listed beside 财政拨款收入 is no part of 本年收入)
        items = {f.concept for f in _chain_amounts(base, part.block, opening) if not in_brackets(base, f)}
        whole = next((document_value(base, calc["total"], part.measure, part.subject)
                      for calc in lexicon().calculations
                      if items <= set(calc["parts"]) and calc["total"].endswith(kind)), None)
    return whole if whole is not None else False


def _bare_head(text: str, first: Fact | None) -> re.Match | None:
    """A head with no mark after its 中 (本年收入中财政拨款527.35万元，占…；其他收入…): only where the
    sentence's first figure is of a thing the reader named right after it, another thing than the
    head's (concepts.yaml part_list_head_not_before keeps words starting with 中, 中央补助, out of it)."""
    head = lexicon().bare_part_list_head.match(text)
    if head is None or first is None or first.concept is None \
            or first.concept == lexicon().concepts.last(compact(head.group("name"))):
        return None
    return head if compact(first.label).startswith(compact(head.group(0))) else None


def _chain_amounts(base: FactBase, block: int, opening: int) -> list[Fact]:
    """The amounts of the sentences from `opening` on that ；s join (one list under one head)."""
    out, k = [], opening
    while (block, k) in base.sentences:
        out += [f for f in base.by_sentence.get((block, k), ()) if f.is_money and f.measure != "变动额"]
        if not base.sentences[(block, k)].rstrip().endswith(("；", ";")):
            break
        k += 1
    return out


# a sentence opening on the whole whose parts it lists (主要税种中，, 实际支出中，): its figures are parts
PART_LIST_OPENING_RE = re.compile(r"\s*[^，,。；;：:\d]{1,12}中[，,：:]")


def _opener(base: FactBase, part: Fact) -> Fact | None:
    """The total a list of shares is taken of: the first amount of the part's paragraph, or of
    the paragraph before (“…支出 X 万元，主要用于：” broken off by a line), provided it has no
    share of its own — an amount followed by its own 占 P% is a sibling part, not the whole."""
    for block in (part.block, part.block - 1):
        facts = [f for f in base.by_block.get(block, ()) if f.id < part.id]
        first = next((k for k, f in enumerate(facts) if f.is_money and f.measure != "变动额"), None)
        if first is None:
            continue
        has_share = first + 1 < len(facts) and facts[first + 1].measure == "占比"
        if has_share and block == part.block and facts[first] is not part and not facts[first + 1].base \
                and not _list_opened_between(base, facts[first + 1], part):
            # the paragraph opens with a sibling and its share (按功能分类，A…，占43.57%；B…，占12.68%):
            # the whole is the one before the paragraph, if the sibling's share holds on it
            whole = _opener(base, facts[first])
            return whole if whole is not None and ratio_fits(facts[first + 1], facts[first], whole) else None
        if block != part.block and (PART_LIST_OPENING_RE.match(base.sentences.get((block, facts[first].sentence), ""))
                                    or per_unit(facts[first])):
            # (主要税种中，增值税…: the paragraph before states a part of a list; 每人每月1,500元: an
            # amount per head; no whole)
            return None
        if has_share or facts[first] is part:
            return None
        if any(w in facts[first].label for w in respectively_words()):
            # (货物、工程和服务支出分别为A、B和C，合计X。…，占比P%: the paragraph opens on the first of
            # items given in turn, no whole; the sum closing them is)
            return _turn_sum(base, facts[first])
        return facts[first]
    return None


def _turn_sum(base: FactBase, first: Fact) -> Fact | None:
    """The sum (合计, 共计: concepts.yaml column_total_words) closing the amounts given in turn from
    `first` on in its sentence, where they add up to it; None where none does."""
    words = {compact(w) for w in concepts().get("column_total_words") or ()}
    items: list[Fact] = []
    for f in base.by_sentence.get((first.block, first.sentence), ()):
        if f.id < first.id or not _listed_amount(f, first):
            continue
        if len(items) >= 2 and sum_words(f.label.rstrip("为是 "), words):
            return f if adds_up(f, items) else None
        items.append(f)
    return None
