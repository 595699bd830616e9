"""Sub-check `share` of kind `derived`: a stated share (占比) against part ÷ whole, the part the
amount it follows and the whole found by wholes.py; shares of counts (quantity shares), shares of
one whole that add up to 100% while the whole is misstated, and part and whole exchanged."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import replace
from decimal import Decimal

from ...facts.agreement import as_said
from ...facts.base import Fact, FactBase
from ...facts.base.figures import column_sum, per_unit
from ...facts.base.model import ADJUSTMENT, BUDGET_MEASURES, PRIOR, SPAN
from ...facts.base.words import CLAUSE_BREAK_RE, CLOSING_BRACKET_RE, respectively_words, share_whole_named
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, fmt, unreadable_in
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit, item_label, sentence_figures
from .intervals import (HUNDRED, bounds, ratio_bounds, exact_ratio, formula_operands, consistent, unit_slip, rate_hit,
                        tail_of, ratio_fits)
from .lookup import document_value, facts_before, rate_of_amount, same_sentence
from .wholes import LISTED_SUM, without_whole_words, share_whole_words, share_whole, sibling_whole, holds, list_sentence


def stated_shares(base: FactBase) -> list[tuple[Fact, Fact, Fact]]:
    """(rate, part, whole) for every stated share whose part and whole can be found. Read once
    per document: `share` and `share_sum` both walk them (a function of the facts alone, no rule's
    parameters); the callers only read the list."""
    return base.remember(("stated shares",), lambda: _read_stated_shares(base))


def _read_stated_shares(base: FactBase) -> list[tuple[Fact, Fact, Fact]]:
    out = []
    for rate in (f for f in sentence_figures(base, "占比") if f.comparator in ("", SPAN, *BOUNDS) and f.unit == "%"):
        if unreadable_in(base.sentences.get((rate.block, rate.sentence), ""), 0, rate.at):
            continue  # (基本支出1,102.40.00万元，占75.35%: the part cannot be read; PAT001 tells it, no whole is guessed)
        sentence = facts_before(same_sentence(base, rate), rate)
        # (a share of a span's figures, 2022—2024年累计安排…，其中中央资金…，占…: of the span's amounts)
        amounts = [f for f in reversed(_without_restatements(sentence)) if f.is_money and f.measure != "变动额"
                   and (f.comparator == rate.comparator or rate.comparator in ("", *BOUNDS))]
        if _summed_share(compact(rate.label)) and _listed_together(base, amounts[:2]):
            continue  # (…分别为14.28亿元、9.65亿元和8.12亿元，合计占…: a share of their sum, no one amount's)
        # the amount the share is of: its own concept's (分别占75.86%和24.14% take the amounts in
        # turn), else the nearest
        part = base.facts[rate.of] if rate.of >= 0 else \
            next((f for f in amounts if rate.concept and f.concept == rate.concept), None) or \
            next((f for f in amounts if f.measure == ADJUSTMENT and _adjustment_share(rate)), None) or \
            _worded_part(rate, amounts)
        if part is None and rate.concept:
            # (…，其中人员经费298.00万元。人员经费占基本支出的80.6%: the share names its part, stated
            # earlier in the paragraph)
            part = next((f for f in reversed(base.by_block.get(rate.block, ())) if f.id < rate.id and f.is_money
                         and f.concept == rate.concept and f.measure != "变动额" and f.period == rate.period), None) \
                or (_stated_once(base, rate) if not amounts else None)
        named = "" if rate.concept or rate.of >= 0 else _share_part_name(rate)
        if named and (part is None or named not in compact(part.label)):
            # (…国有企业资本金注入10.95亿元，其他…0.83亿元。国有企业资本金注入占全部支出的73.8%: a
            # part the vocabulary does not know, named before 占: the amount so named earlier in the
            # paragraph, not the nearest; none so named, no share judged)
            part = next((f for f in reversed(base.by_block.get(rate.block, ())) if f.id < rate.id and f.is_money
                         and named in compact(f.label) and f.measure != "变动额"
                         and f.period == rate.period), None) or _joined_part(base, rate, named)
            if part is None:
                continue
        if part is not None and (_own_subject(base, part, rate) or not part.is_money):
            continue  # (a share of a count taken in turn, 分别为12人和8人，分别占…: _quantity_shares)
        if part is not None and part.period != rate.period:
            continue  # (…占84.99%（2024年占84.32%）: last year's share beside this year's amount, of last year's)
        if part is not None and per_unit(part):
            continue  # (…合计200.00万元，民警70人，人均公用经费2.86万元，占全局公用经费…的40.00%: an amount
            # per head is no part of a whole; the share is of the sum before it, which the words leave unsaid)
        whole = None if part is None else _adjusted_budget(base, rate, part) if part.measure == ADJUSTMENT \
            else _bracketed_whole(base, rate) or _elliptic_whole(base, rate, out) or share_whole(base, rate, part, sentence) \
            or _list_sum_whole(base, rate, part) or _bracketed_whole(base, rate, named=True)
        if rate.of >= 0 and not rate.base and whole is not None and any(
                f.of == whole.id for f in same_sentence(base, rate) if f.measure == "占比"):
            continue  # (A、B分别为X、Y，占比分别为…: the other item is no whole; their sum is, unsaid)
        if whole is not None and rate.comparator == SPAN and whole.comparator != rate.comparator:
            continue  # (a span's share of a whole that is not the span's: no relation read)
        if whole is not None and part is not None and BARE_SHARE_RE.fullmatch(compact(rate.label)) \
                and whole.is_money and part.is_money and whole.in_yuan() == part.in_yuan() and rate.value < HUNDRED:
            continue  # (公务用车运行维护费24.18万元，占76.42%: a share naming no whole is of none the part
            # makes alone, 公务用车购置及运行维护费 24.18 with no 购置费; the whole it means is unsaid.
            # A share of 100%, …，占100%, is of that whole: checked)
        if whole is not None and _narrowed(rate, whole):
            continue  # (占重点项目支出的48.08%: the projects singled out, no figure of the unit's 项目支出)
        if whole is not None and base.listed_projects_total(whole):
            continue  # (民生项目…1,923.70万元，占项目支出的67.67% over a table listing those projects: its
            # 合计 is theirs, no figure of the unit's 项目支出)
        if whole is not None and whole is not part and whole.value != 0 and not _restates(whole, part):
            out.append((rate, part, whole))
    # (a whole read as a sibling of its part, once the list's wholes are settled: their sum)
    return [(rate, part, sibling_whole(base, rate, part, whole))
            for rate, part, whole in _one_whole_per_list(_wholes_the_parts_make(base, out + _opened_shares(base)))]


def _joined_part(base: FactBase, rate: Fact, named: str) -> Fact | None:
    """The sum of the amounts a share names joined (中央和省级资金占比…: 中央资金 + 省级资金, the head
    noun the last name ends on standing for both), each stated once earlier in the paragraph, in
    one unit; None where the words join no names or one is not so stated."""
    names = [n for n in lexicon().list_join.split(named) if n]  # (concepts.yaml summed_names joins)
    if len(names) < 2 or len(names[-1]) < 2 or _rates_in_turn(base, rate):
        return None  # (中央和省级资金占比分别为59.53%、18.12%: a rate each, in turn)
    head = names[-1][-HEAD_CHARS:]
    before = [f for f in base.by_block.get(rate.block, ()) if f.id < rate.id and f.is_money
              and f.measure != "变动额" and f.period == rate.period]
    found = []
    for name in names:
        full = name if name.endswith(head) else name + head
        matches = [f for f in before if full in compact(f.label)]
        if len(matches) != 1 or (found and matches[0].unit != found[0].unit):
            return None
        found.append(matches[0])
    total = sum((f.value for f in found), Decimal(0))
    return replace(found[0], value=total, text=fmt(total, max(f.places for f in found)) + found[0].unit,
                   label=named, concept=None, places=max(f.places for f in found))


def _rates_in_turn(base: FactBase, rate: Fact) -> bool:
    """The share's words give rates in turn (分别, 依次), or another share follows it in its clause."""
    text = base.sentences.get((rate.block, rate.sentence), "")
    if any(w in compact(rate.label) for w in respectively_words()):
        return True
    after = next((f for f in same_sentence(base, rate) if f.at > rate.at), None)
    return after is not None and after.unit == "%" and not CLAUSE_BREAK_RE.search(text, rate.at + len(rate.text), after.at)


HEAD_CHARS = 2  # the last characters of the last name, the head noun the others share (资金)


def _bracketed_whole(base: FactBase, rate: Fact, named: bool = False) -> Fact | None:
    """The whole a bracket right after a share names with its amount and nothing after it (占比
    75.82%（政府采购支出总额397.87万元）): the share's whole."""
    if not named and not BARE_SHARE_RE.fullmatch(compact(rate.label)):
        return None  # (占本年支出合计的35.20%（年初预算380.00万元）: the share names its whole itself; its
        # bracket is read only where no figure of the whole it names is found, `named`)
    text = base.sentences.get((rate.block, rate.sentence), "")
    after = next((f for f in same_sentence(base, rate) if f.at > rate.at), None)
    if after is None or not after.is_money or not after.value or after.period != rate.period:
        return None
    opening = text[rate.at + len(rate.text):after.at]
    words = compact(opening).lstrip("（(")
    if named and (after.measure in BUDGET_MEASURES or not words or words not in compact(rate.label)):
        return None  # (占政府采购总额的…（采购总额…）: the bracket names the share's own whole; not （年初预算…）)
    # (not a part it holds: （其中中央资金…）, （含…）)
    parts_words = (*lexicon().list_openers, *(concepts().get("inclusion_words") or ()))
    return after if BRACKET_OPENING_RE.fullmatch(opening) and not words.startswith(parts_words) \
        and CLOSING_BRACKET_RE.match(text, after.at + len(after.text)) else None


BRACKET_OPENING_RE = re.compile(r"\s*[（(][^（()）\d，,；;。]{0,20}")  # （政府采购支出总额: a bracket naming a whole


def _narrowed(rate: Fact, whole: Fact) -> bool:
    """The share names its whole with a word narrowing it (concepts.yaml narrowing_words: 重点项目
    支出, 主要项目支出) that the whole found does not hold, or the other way round: a part of that
    thing singled out read for the thing as a whole."""
    named, found = share_whole_named(compact(rate.label)) or "", compact(whole.label)
    # (and the other way: 占项目支出的 read on 主要项目支出's figure, a part singled out, no whole)
    return any((w in named) != (w in found) for w in concepts().get("narrowing_words") or ())


def _bound_as_rule(base: FactBase, rate: Fact, words: tuple[str, ...]) -> bool:
    """The share's own clause, up to it, states a rule (应占, 要求…不低于: concepts.yaml
    share_bound_rule_words), not one of the sentence's other clauses (应急物资…; 供应…)."""
    text = base.sentences.get((rate.block, rate.sentence), "")[:rate.at]
    return any(w in CLAUSE_BREAK_RE.split(text)[-1] for w in words)


def _stated_once(base: FactBase, rate: Fact) -> Fact | None:
    """The amount of the share's part, named by the share's words alone (其中失业保险金占待遇支出的
    73.57%, no figure in its sentence), where the document states it with one value (a table's row
    失业保险金 2,160.00): that amount; None where it states none or several."""
    found = [f for f in base.by_concept.get(rate.concept, ()) if f.is_money and f.measure != "变动额"
             and f.period == rate.period and not f.comparator]
    return found[0] if found and len({f.in_yuan() for f in found}) == 1 else None


def _restates(whole: Fact, part: Fact) -> bool:
    """The whole found is the part itself stated before (一般公共服务支出612.35万元 in the sentence
    before its share): no whole of it."""
    return whole.concept == part.concept and whole.unit == part.unit and whole.value == part.value \
        and whole.measure == part.measure


def _share_part_name(rate: Fact) -> str:
    """The name a share's words give its part before 占 in its clause (国有企业资本金注入占…: 国有企业
    资本金注入), list openers aside; "" when they name none (…万元，占…)."""
    words = compact(rate.label)
    at = words.find("占")
    if at <= 0:
        return ""
    start = at - len(re.split(r"[，,；;：:、]", words[:at])[-1])  # (the clause's words before 占)
    # (会议费在一般性支出中所占…: the whole's words end the part's name, concepts.yaml share_within)
    within = lexicon().share_within.search(words, start, at + 1)
    name = words[start:within.start() if within else at]
    for opener in lexicon().list_openers:
        name = name.removeprefix(opener)
    return name if len(name) >= 2 and not any(c.isdigit() for c in name) else ""


def _opened_shares(base: FactBase) -> list[tuple[Fact, Fact, Fact]]:
    """(rate, part, whole) for a rate right after an amount opened by 占, nothing but 的 between
    (占部门项目预算总额56.05亿元的8.6%, 占地区生产总值685.43亿元的16.30%): a share of that amount
    whatever its words name (a thing the vocabulary knows is read as a share already), of the
    amount nearest before it in the sentence, in the same kind (money, or a count's unit)."""
    out = []
    for rate in base.facts:
        # (the rate's own words only 的, 的比重为: most facts fail here, before their sentence is read)
        if rate.unit != "%" or rate.measure == "占比" or rate.source != "text" or rate.comparator \
                or SUBJECT_FILLER_RE.sub("", compact(rate.label)):
            continue
        sentence = same_sentence(base, rate)
        before = facts_before(sentence, rate)
        whole = before[-1] if before else None
        if whole is None or whole.comparator or whole.measure == "变动额" or not whole.value:
            continue
        if share_whole_named(compact(whole.label)) is None:
            # (…2,703.12万元的3%预留…: only 的 between an amount and the rate; not 15%、25%…, a list of rates)
            part = _part_after(base, sentence, rate, whole, same_period=not _given_rate(base, rate, whole)) \
                if rate_of_amount(base, whole, rate) and whole.unit not in ("%", "‰", "个百分点") else None
            if part is not None:
                out.append((rate, part, whole))  # (以结算价2,703.12万元的3%预留质保金81.09万元)
            continue
        part = next((f for f in reversed(before[:-1]) if not f.comparator and f.measure != "变动额"
                     and f.unit not in ("%", "‰") and f.is_money == whole.is_money
                     and (f.is_money or f.unit == whole.unit)), None)
        if part is not None and part.period == whole.period:
            out.append((rate, part, whole))
    return out


def _given_rate(base: FactBase, rate: Fact, whole: Fact) -> bool:
    """A rate given of an amount stated as a basis (按审定结算价2,703.12万元的3%预留质保金…: concepts.yaml
    rate_basis_words before the amount), the amount after it worked out from it: the rate is
    exact, no share rounded to its print."""
    words, not_words = (tuple(concepts().get(k) or ()) for k in ("rate_basis_words", "rate_basis_not_words"))
    label = compact(whole.label)
    return rate_of_amount(base, whole, rate) and label.startswith(words) and not label.startswith(not_words)


def _rate_products(given: list[tuple[Fact, Fact, Fact]]):
    """An amount worked out as a rate given of an amount before it (a part after its rate) against
    the product: the whole's interval × the rate, meeting the part's print. A whole percent (3%)
    is exact; one printed with decimals (33.3%, a third) may be rounded: its interval."""
    for rate, part, whole in given:
        yield CHECKED
        r_lo, r_hi = bounds(rate) if rate.places else (rate.value, rate.value)
        w_lo, w_hi = bounds(whole)
        lo, hi = w_lo * r_lo / HUNDRED, w_hi * r_hi / HUNDRED
        p_lo, p_hi = bounds(part)
        if lo <= p_hi and p_lo <= hi:
            continue
        product = whole.in_yuan() * rate.value / HUNDRED / MONEY_UNITS.get(part.unit, Decimal(1)) \
            if part.is_money else whole.value * rate.value / HUNDRED
        shown = f"{fmt(product, part.places)}{part.unit}"
        name = item_label(part.label) or "该数"
        yield Hit(quote=whole.quote + rate.text + part.quote, location=part.loc, stated=part.text, expected=shown,
                  formula=f"{whole.text} × {rate.text} = {shown}",
                  fields={"relation": name, "rate": part.text, "computed": shown,
                          "basis": f"{whole.text} × {rate.text}"},
                  highlights=[whole.loc, rate.loc])


def _part_after(base: FactBase, sentence: list[Fact], rate: Fact, whole: Fact, same_period: bool) -> Fact | None:
    """The amount right after a rate of the amount before it (按审定结算价2,703.12万元的3%预留质保金
    81.09万元: the rate's part of it), in the rate's clause and the whole's kind, and of its period
    where `same_period` (a rate given of last year's amount, 按上年度结算额…的10%计提…, makes this
    year's); None if another figure or a clause break stands between."""
    after = next((f for f in sentence if f.at > rate.at), None)
    if after is None or after.comparator or after.measure == "变动额" or after.is_money != whole.is_money \
            or not after.is_money and after.unit != whole.unit or same_period and after.period != whole.period:
        return None
    text = base.sentences.get((rate.block, rate.sentence), "")
    between = text[rate.at + len(rate.text):after.at]
    return None if CLAUSE_BREAK_RE.search(between) else after


def _opened_name(whole: Fact) -> str:
    """The words an amount opened by 占 names its thing by (部门项目预算总额 of 占部门项目预算总额)."""
    return share_whole_named(compact(whole.label)) or ""


def _worded_part(rate: Fact, amounts: list[Fact]) -> Fact | None:
    """The nearest amount (`amounts` nearest first), unless the share's own words before 占 or 完成
    (累计完成投资的) are held by an earlier amount's label and not by the nearest's: that amount's
    share (累计已投入8,960.00万元，其中2022年…、2024年3,430.00万元，累计完成投资的72.50%)."""
    if not amounts:
        return None
    if len(amounts) > 1 and amounts[0].period != rate.period and amounts[1].period == rate.period \
            and _period_only(amounts[0].label):
        amounts = amounts[1:]  # (税收收入61.05亿元，上年58.10亿元，占比70.6%: last year's base beside it, not its share)
    label = compact(rate.label)
    cut = max(label.rfind("占"), label.rfind("完成"))
    own = label[:cut].strip("，,；;、：:") if cut > 0 else ""
    if len(own) < 2 or own in compact(amounts[0].label):
        return amounts[0]
    return next((f for f in amounts[1:] if own in compact(f.label)), amounts[0])


def _period_only(label: str) -> bool:
    """A figure's words naming only last year (上年, 去年为, 上年同期): a base stated beside a figure."""
    words = CLAUSE_BREAK_RE.split(compact(label))[-1]
    found = lexicon().prior.match(words)
    return found is not None and words[found.end():].strip("为是，,") == ""


def _listed_together(base: FactBase, nearest: list[Fact]) -> bool:
    """The two amounts nearest before a share are items of one list: only a joiner and their
    units stand between them (14.28亿元、9.65亿元; 9.65亿元和8.12亿元)."""
    if len(nearest) < 2:
        return False
    later, earlier = nearest
    text = base.sentences.get((later.block, later.sentence), "")
    between = compact(text[earlier.at + len(earlier.text):later.at])
    return between in ("，", ",") or lexicon().list_join.fullmatch(between) is not None


def _summed_share(words: str) -> bool:
    """A share's words say it is of amounts together before 占 (合计占, 共占: concepts.yaml
    summed_share_words)."""
    return any(w + "占" in words for w in concepts().get("summed_share_words") or ())


def _adjustment_share(rate: Fact) -> bool:
    """The share's words name a change to the budget before 占 (…，追加预算占全年预算的20.00%)."""
    words = compact(rate.label)
    return "占" in words and lexicon().measures.last(words[:words.rfind("占")]) == ADJUSTMENT


def _adjusted_budget(base: FactBase, rate: Fact, part: Fact) -> Fact | None:
    """The budget a change to it is a share of (年初预算1,200.00万元，年中追加预算300.00万元，追加
    预算占年初预算的25.00%): the last amount of the budget level the words after 占 name, of the
    part's thing and year, stated before the share in its paragraph. A bare 预算 names no level
    (the change over the initial budget, or its share of the full year's): not judged."""
    words = compact(rate.label)
    named = lexicon().measures.last(words[words.rfind("占") + 1:])
    if named not in BUDGET_MEASURES or not any(w in words for w in (*BUDGET_MEASURES, "年初", "全年", "调整后")):
        return None
    return next((f for f in reversed(base.by_block.get(rate.block, ())) if f.id < rate.id and f.is_money
                 and f.measure == named and f.concept == part.concept and f.period == part.period
                 and not f.comparator and f.value), None)


def _without_restatements(facts: list[Fact]) -> list[Fact]:
    """The facts but those restating the amount right before them in brackets, rounded to another
    unit (30,456.78万元（约3.05亿元）): the share is of the amount as printed to the cent."""
    kept = []
    for f in facts:
        before = kept[-1] if kept else None
        if before is not None and f.is_money and before.is_money and compact(f.label)[:1] in "（(" \
                and abs(f.in_yuan() - before.in_yuan()) <= f.half_unit * MONEY_UNITS.get(f.unit, Decimal(1)):
            continue
        kept.append(f)
    return kept


def _one_whole_per_list(shares: list[tuple[Fact, Fact, Fact]]) -> list[tuple[Fact, Fact, Fact]]:
    """The shares of one paragraph's list are of one whole: where some were read on the sum of the
    items listed and one on a stated amount (一般公共预算支出1,922.00万元。…：A（201）1,593.00万元，
    占80.1%；B 210.56万元，占11.0%…, A's the stated total's), the whole more of them fit is theirs,
    so that one misprinted item does not set the others' shares on a wrong sum."""
    out = list(shares)
    by_block: dict[int, list[int]] = {}
    for k, (rate, _, _) in enumerate(out):
        by_block.setdefault(rate.block, []).append(k)  # (each share once: the cost stays linear)
    for block in {rate.block for rate, _, whole in shares if whole.id < 0}:
        members = by_block[block]
        stated = {out[k][2].id: out[k][2] for k in members if out[k][2].id >= 0}
        summed = [k for k in members if out[k][2].id < 0]
        if len(stated) != 1 or not summed:
            continue
        (whole,) = stated.values()
        if any(out[k][2].measure != whole.measure or not holds(whole, out[k][1]) for k in summed):
            continue
        on_stated = sum(ratio_fits(out[k][0], out[k][1], whole) for k in members)
        on_summed = sum(ratio_fits(out[k][0], out[k][1], out[k][2]) for k in summed)
        if on_stated > on_summed:
            for k in summed:
                out[k] = (out[k][0], out[k][1], whole)
    return out


@lru_cache(maxsize=4)
def _all_of_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)) or r"(?!)")


def _all_of() -> re.Pattern:
    """The words saying an amount is all of one kind (concepts.yaml all_of_words), at a clause's start."""
    return _all_of_pattern(tuple(concepts().get("all_of_words") or ()))


def _share_whole_named(clause: str) -> bool:
    """The share's clause names the whole it is of (占本年支出的…), not a bare 占比 / 占."""
    rest = SUBJECT_FILLER_RE.sub("", clause.split("占", 1)[-1])
    return len(rest) >= 2


SUBJECT_FILLER_RE = re.compile(r"[的其为约分别均各共计达]|比重|比例|[\s，,；;、：:]")


def _own_subject(base: FactBase, part: Fact, rate: Fact) -> bool:
    """The share names, in its own clause, a thing other than the amount before it (货物类采购17.60
    万元，授予中小企业合同金额占政府采购支出总额的100%): that thing's amount is not stated."""
    if (part.block, part.sentence) != (rate.block, rate.sentence):
        return False
    text = base.sentences.get((rate.block, rate.sentence), "")
    between = text[part.at + len(part.text):rate.at]
    clauses = re.split(r"[，,；;]", between)
    if len(clauses) >= 3 and _all_of().match(clauses[-2]) and not _share_whole_named(clauses[-1]):
        return True  # (本年收入X元，全部为一般公共预算财政拨款收入，占比100%: the share is what it all is)
    clause = clauses[-1] if len(clauses) > 1 else ""
    if "占" not in clause or lexicon().share_within.search(compact(clause)):
        # (…830.00万元，为基本支出的68.40%; 在基本支出中占82.50%: the words name the whole, not a subject)
        return False
    subject = SUBJECT_FILLER_RE.sub("", clause.split("占")[0])
    if len(subject) < 2 or _own_name(subject, part.label):
        return False  # (税收收入15.00亿元，税收占比87.8%: the amount's own name, or a short form of it)
    if rate.of >= 0:
        # (基本支出与项目支出分别占总支出的49.71%和50.29%: the things named in turn, the part's among
        # them, by the vocabulary or by the words of its own name: 住院和门诊支出分别占…)
        names = [SUBJECT_FILLER_RE.sub("", n) for n in lexicon().list_join.split(compact(clause.split("占")[0]))]
        return part.concept not in {name for _, _, name in lexicon().concepts.all(compact(subject))} \
            and not any(len(n) >= 2 and n in compact(part.label) for n in names)
    named = lexicon().concepts.last(compact(subject))
    return named is None or named != part.concept


def _own_name(subject: str, label: str) -> bool:
    """The words before 占 are the amount's name, its start or its end (税收 of 税收收入, not of
    非税收入; 追加预算 of 年中追加预算)."""
    name = compact(label).lstrip("，,；;、：:")
    for opener in lexicon().list_openers:  # (其中税收收入)
        name = name.removeprefix(opener).lstrip("，,：:")
    # (its end only as a name of its own: 追加预算 of 年中追加预算, not 收入 of 非税收入)
    return name.startswith(subject) or (len(subject) >= OWN_END_CHARS and name.endswith(subject))


OWN_END_CHARS = 3  # the fewest characters of a subject read as the end of the amount's name


def check_share(base: FactBase, rule):
    for hit in _shares_checked(base):
        if isinstance(hit, Hit):
            hit.fields.setdefault("basis", "所列两数")
        yield hit


# a share stated as a floor or a ceiling (占…的70%以上, 不超过30%, 超过70%, 不足三成), and how a message says each
BOUNDS = ("≥", "≤", ">", "<")
BOUND_WORDS = {"≥": "不低于", ">": "超过", "≤": "不超过", "<": "低于"}  # (PREFIX's words read back)
FLOORS = ("≥", ">")


def _shares_checked(base: FactBase):
    shares = stated_shares(base)
    yield from _bounded_shares(base, [s for s in shares if s[0].comparator in BOUNDS])
    shares = [s for s in shares if s[0].comparator not in BOUNDS]
    yield from _quantity_shares(base, {rate.id for rate, _, _ in shares})
    given = [(rate, part, whole) for rate, part, whole in shares if _given_rate(base, rate, whole)]
    yield from _rate_products(given)
    products = {rate.id for rate, _, _ in given}
    shares = [share for share in shares if share[0].id not in products]
    balanced = _balanced_wholes(shares)
    misstated = _misstated_wholes(shares)
    outer = {part.id: whole for _, part, whole in shares}  # (an amount stating its own share: its whole)
    for whole, listed in misstated.items():
        yield CHECKED
        yield _misstated_whole_hit(base, listed)
    for rate, part, whole in shares:
        if whole.id >= 0 and part.period != whole.period:
            continue  # (上年项目支出52.48万元，占26.08%: of last year's total, not this year's)
        if whole.id in misstated:
            continue  # (each share right of what its parts make: the whole is the slip, told once above)
        span = ratio_bounds(part, whole)
        yield CHECKED
        if span is None or consistent(rate, *span):
            continue
        summed = column_parts_sum(base, whole)
        if summed is not None and (alt := ratio_bounds(part, summed)) is not None and consistent(rate, *alt):
            continue  # the share holds of the whole its parts make: the printed total is the slip (CAL001)
        if _of_outer_whole(rate, part, outer.get(whole.id)):
            continue  # (其中：授予小微企业合同金额…，占比P%: of the grand total, not of the 其中's parent)
        if _of_own_pair(base, rate, part, whole):
            continue  # (A项目预算500万元，实际支出450万元，占90%: of the item's own budget)
        if _of_list_head(base, rate, part, whole):
            continue  # (工程资金600万元，其中…、其他资金60万元，占总额的66.33%: of the 600's)
        if _of_other_measure(base, rate, part, whole):
            continue  # (城乡低保资金 2860.00 | 2860.00 under 安排资金 | 实际支出: of either column's total)
        turn = _turn_whole(base, part)
        if turn is not None:
            # (…合计X，分别为教育支出A、卫生支出B、社保支出C，占…的P%: the share closing the list may be of X,
            # whichever words name the items, or of C)
            if (span := ratio_bounds(turn, whole)) is not None and consistent(rate, *span):
                continue
            if whole.value and abs(exact_ratio(turn, whole) - rate.value) < abs(exact_ratio(part, whole) - rate.value):
                part = turn  # (holding of neither: told as the reading it comes nearer)
        if unit_slip(rate, part, whole):
            yield _slip_hit(rate, part, whole, base.by_block.get(part.block, []))
            continue
        computed = exact_ratio(part, whole)
        if whole.id in balanced:
            continue  # a tail moved to make the list print 100%: the list is right as printed
        # (a breakdown's whole, stated nowhere, is the sum of the parts it lists)
        # (占到位资金的, 占一般公共预算收入的比重为: the whole in the share's words)
        worded = share_whole_words(rate.label)
        # (the whole as the share's words name it, 占一般公共预算收入的, before the vocabulary's name)
        name = worded.group(1).rstrip("的") if worded and whole.id >= 0 else \
            whole.concept or _opened_name(whole) or ("所列各项之和" if whole.id < 0 else "总额")
        if whole.period == PRIOR and not worded and not name.startswith("上年"):
            name = "上年" + name.removeprefix("本年")  # (上年其他收入…，占比…: of last year's 收入, not 本年收入)
        # (a sum of the items listed is written out, one step of figures: an item found misprinted
        # by another rule is then seen to explain the share, findings.drop_consequences)
        shown = formula_operands(part, whole)
        divisor = f"（{whole.quote}）" if whole.label == LISTED_SUM else f"{name} {shown[1]}"
        tail = f"{name} {shown[1]}；" if whole.label == LISTED_SUM else ""
        hit = rate_hit(rate, computed, f"占{name}的比例",
                       f"{part.concept or item_label(part.label) or '该项'} {shown[0]} ÷ {divisor} "
                       f"= {fmt(computed)}%（{tail}{whole.where()}）" + _swapped(rate, part, whole, shares),
                       quote=base.span(part, rate))
        if whole.id < 0:
            hit.fields["basis"] = "该项与所列各项之和"  # (a whole stated nowhere: the sum of the items listed)
        yield hit


def _turn_whole(base: FactBase, part: Fact) -> Fact | None:
    """The amount right before amounts given in turn (分别为A、B、C) whose last is the part: the whole
    they are the parts of; None where the part closes no such list."""
    sentence = [f for f in base.by_sentence.get((part.block, part.sentence), ()) if f.is_money and f.id <= part.id]
    text = base.sentences.get((part.block, part.sentence), "")
    for k in range(len(sentence) - 1, 0, -1):
        if compact(sentence[k].label).lstrip("，,").startswith(respectively_words()):
            return sentence[k - 1] if k < len(sentence) - 1 else None  # (a list of one: no list)
        if not lexicon().list_join.match(text[sentence[k - 1].at + len(sentence[k - 1].text):sentence[k].at].strip()):
            return None  # (not joined as items of one list: no list to walk back over)
    return None


def _of_other_measure(base: FactBase, rate: Fact, part: Fact, whole: Fact) -> bool:
    """A part a table states with one value under two measures (安排资金 2860.00 | 实际支出 2860.00)
    whose share holds of the other measure's whole (实际支出's 合计): the share may be of either."""
    if part.source != "table" or not part.concept or whole.concept is None:
        return False
    for other in (f for f in base.by_table.get(part.block, ()) if f.loc.row == part.loc.row and f is not part
                  and f.concept == part.concept and f.measure != part.measure and f.value == part.value):
        alike = document_value(base, whole.concept, other.measure, whole.subject, whole.period)
        span = ratio_bounds(other, alike) if alike is not None else None
        if span is not None and consistent(rate, *span):
            return True
    return False


def _bounded_shares(base: FactBase, shares: list[tuple[Fact, Fact, Fact]]):
    """A share stated as a floor (占本年支出的70%以上) the part's share of its whole falls short of, or
    as a ceiling (不超过30%) it passes, each beyond both figures' printed precision."""
    rule_words = tuple(concepts().get("share_bound_rule_words") or ())
    for rate, part, whole in shares:
        span = ratio_bounds(part, whole)
        if span is None or part.period != whole.period or _bound_as_rule(base, rate, rule_words):
            continue  # (预留份额应占…的40%以上: a rule, no share claimed)
        yield CHECKED
        lo, hi = rate.interval()
        # (a strict bound, 超过70%, is judged as the other: within the printed precision the two are one)
        floor = rate.comparator in FLOORS
        if (span[1] >= lo) if floor else (span[0] <= hi):
            continue
        computed = exact_ratio(part, whole)
        shown = formula_operands(part, whole)
        # (the whole by its concept, else by the words its amount is named in: not the share's own
        # words, which hold the bound, 占本年支出比重不低于)
        name = whole.concept or item_label(whole.label) or "总额"
        said = as_said(rate)  # (the document's word, 不足35%, 70%以上; else the comparator's)
        if said == rate.with_unit():
            said = f"{BOUND_WORDS[rate.comparator]}{rate.text}"
        yield Hit(quote=base.span(part, rate), location=rate.loc, stated=said, expected=f"{fmt(computed)}%",
                  formula=f"{part.concept or item_label(part.label) or '该项'} {shown[0]} ÷ {name} {shown[1]} = "
                          f"{fmt(computed)}%，{'低于' if floor else '高于'}所写的{said}（{whole.where()}）",
                  fields={"relation": f"占{name}的比例", "rate": said, "computed": f"{fmt(computed)}%", "basis": "所列两数"})


def _of_own_pair(base: FactBase, rate: Fact, part: Fact, whole: Fact) -> bool:
    """A share naming no whole right after an item's second amount in its clause (供水管网改造项目
    预算500.00万元，实际支出450.00万元，占90.00%): it may be of the item's first amount, its
    budget; misstated only when it holds on neither."""
    if rate.base or share_whole_words(rate.label):
        return False
    before = [f for f in base.by_sentence.get((part.block, part.sentence), ()) if f.at < part.at and f.is_money]
    if not before or before[-1].id == whole.id or before[-1].period != part.period:
        return False
    span = ratio_bounds(part, before[-1])
    return span is not None and consistent(rate, *span)


def _of_list_head(base: FactBase, rate: Fact, part: Fact, whole: Fact) -> bool:
    """A share right after the last item of a 其中 list may be of the amount the list opens under
    (农村饮水工程资金600.00万元，其中财政拨款540.00万元、其他资金60.00万元，占项目资金总额的66.33%:
    600.00 ÷ 904.50): the words do not tell the two apart; misstated only when it holds on neither."""
    text = base.sentences.get((part.block, part.sentence), "")
    opened = max((m.start() for m in lexicon().list_opener.finditer(text, 0, part.at)), default=-1)
    if opened < 0 or (rate.block, rate.sentence) != (part.block, part.sentence):
        return False
    # (the list's head of the part's year: not the change on last year nor last year's figure stated
    # between, 比上年末241,350.60万元增加22,579.20万元，其中…)
    head = next((f for f in reversed(base.by_sentence.get((part.block, part.sentence), ()))
                 if f.at < opened and f.is_money and f.measure != "变动额" and f.period == part.period), None)
    if head is None or head.id == whole.id:
        return False
    span = ratio_bounds(head, whole)
    return span is not None and consistent(rate, *span)


def _of_outer_whole(rate: Fact, part: Fact, outer: Fact | None) -> bool:
    """A share naming no whole whose part is listed under an amount that states its own share
    (中小企业合同金额X万元，占采购总额的P%，其中：小微企业…，占比Q%): read first as of that amount,
    the part's direct parent, it may be of the parent's whole too; it is misstated only when it
    holds on neither (the finding then computed on the direct parent)."""
    if outer is None or rate.base or share_whole_words(rate.label) or outer.period != part.period:
        return False
    span = ratio_bounds(part, outer)
    return span is not None and consistent(rate, *span)


def _balanced_wholes(shares: list[tuple[Fact, Fact, Fact]]) -> set[int]:
    """The wholes whose listed shares print exactly 100% with each share a last-digit tail from its
    own ratio at most (19.01% printed 19.00% so that 44.76 + 36.24 + 19.00 = 100.00): the usual
    balancing of rounded shares, which is no slip."""
    return {whole for whole, listed in _by_whole(shares).items()
            if len(listed) >= 2 and sum(rate.value for rate, _, _ in listed) == HUNDRED
            and all(consistent(rate, *span) or tail_of(rate, exact_ratio(part, whole_fact))
                    for rate, part, whole_fact in listed if (span := ratio_bounds(part, whole_fact)) is not None)}


def _by_whole(shares: list[tuple[Fact, Fact, Fact]]) -> dict[int, list[tuple[Fact, Fact, Fact]]]:
    """The (rate, part, whole) shares by their whole's id, in order."""
    by_whole: dict[int, list[tuple[Fact, Fact, Fact]]] = {}
    for share in shares:
        by_whole.setdefault(share[2].id, []).append(share)
    return by_whole


def _wholes_the_parts_make(base: FactBase, shares: list[tuple[Fact, Fact, Fact]]) -> list[tuple[Fact, Fact, Fact]]:
    """A list's shares, making 100%, taken of a whole their parts do not make, where the text states
    the amount they make just before them (收支预算总计1,340.00万元。其中：本年收入1,321.40万元，上年结转
    18.60万元。收入预算中，A…占96.0%；B…占2.6%；上年结转…占1.4%: of the 1,340.00; 总收入1,980.80万元，
    总支出1,968.60万元。基本支出…占87.39%；项目支出…占12.61%: of the 总支出): that amount is their whole."""
    moved: dict[int, Fact] = {}
    for whole_id, listed in _misstated_wholes(shares).items():
        first = min(part.id for _, part, _ in listed)
        s_lo, s_hi = _parts_bounds(listed)
        whole = listed[0][2]
        near = [f for block in sorted({whole.block - 1, whole.block, listed[0][1].block})
                for f in base.by_block.get(block, ()) if f.id < first]
        made = next((f for f in reversed(near) if f.id != whole_id and f.source == "text" and f.is_money
                     and f.period == whole.period and f.measure not in ("变动额", "变动率") and not f.comparator
                     and bounds(f)[0] <= s_hi and s_lo <= bounds(f)[1]), None)
        if made is not None:
            moved[whole_id] = made
    return [(rate, part, moved.get(whole.id, whole)) for rate, part, whole in shares] if moved else shares


def _parts_bounds(listed: list[tuple[Fact, Fact, Fact]]) -> tuple:
    """The least and most the listed shares' parts add up to, each part the interval its print allows."""
    parts = {part.id: part for _, part, _ in listed}.values()
    return sum(bounds(p)[0] for p in parts), sum(bounds(p)[1] for p in parts)


def _misstated_wholes(shares: list[tuple[Fact, Fact, Fact]]) -> dict[int, list[tuple[Fact, Fact, Fact]]]:
    """The stated wholes (in the text) whose listed shares make 100% and each hold of the sum of
    their parts, though not of the whole (全年支出1,908.22万元 over 基本支出1,216.62万元占64.09%、
    项目支出681.60万元占35.91%, which make 1,898.22): the whole is misstated, not the shares."""
    stated = [s for s in shares if s[2].id >= 0 and s[2].source == "text" and s[1].is_money and s[1].period == s[2].period]
    found = {}
    for whole_id, listed in _by_whole(stated).items():
        parts = {part.id: part for _, part, _ in listed}
        if len(parts) < 2 or len(parts) != len(listed):
            continue
        slack = sum((rate.interval()[1] - rate.interval()[0]) / 2 for rate, _, _ in listed)
        if abs(sum(rate.value for rate, _, _ in listed) - HUNDRED) > slack:
            continue  # (shares of a list that leaves parts out: their sum says nothing of the whole)
        whole = listed[0][2]
        s_lo, s_hi = _parts_bounds(listed)
        w_lo, w_hi = bounds(whole)
        if s_lo <= 0 or (w_lo <= s_hi and s_lo <= w_hi):
            continue  # (the whole is what its parts make: a share off is the share's own slip)
        if all(consistent(rate, part_lo / s_hi * HUNDRED, part_hi / s_lo * HUNDRED)
               for rate, part, _ in listed for part_lo, part_hi in [bounds(part)]):
            found[whole_id] = listed
    return found


def _misstated_whole_hit(base: FactBase, listed: list[tuple[Fact, Fact, Fact]]) -> Hit:
    whole = listed[0][2]
    parts = sorted({part.id: part for _, part, _ in listed}.values(), key=lambda f: f.id)
    factor = MONEY_UNITS.get(whole.unit, Decimal(1))
    total = sum((p.in_yuan() for p in parts), Decimal(0)) / factor
    shown = f"{fmt(total, max(p.places for p in parts), whole.text)}{whole.unit}"
    terms = " + ".join(f"{p.concept or item_label(p.label) or '该项'} {p.text}" for p in parts)
    shares = " + ".join(rate.text for rate, _, _ in listed)
    return Hit(quote=base.span(whole, listed[-1][0]), location=whole.loc, stated=whole.text, expected=shown,
               formula=(f"{terms} = {shown}；所列占比 {shares} = 100%，按 {shown} 计算各项占比均相符，"
                        f"按 {whole.text} 则均不符：所写总额有误"),
               fields={"relation": "总额", "rate": whole.text, "computed": shown, "basis": "所列各项及其占比"},
               highlights=[whole.loc, *(p.loc for p in parts)])


def _quantity_shares(base: FactBase, taken: set[int]):
    """A share of a count in a 其中 list of counts (用户总数128.6万人，其中微信公众号42.3万人，
    占35.9%): the count right before the share over the count the 其中 follows, one unit."""
    opener = lexicon().list_opener
    for rate in (f for f in sentence_figures(base, "占比") if not f.comparator
                 and f.unit == "%" and f.id not in taken and not f.base):
        sentence = facts_before(same_sentence(base, rate), rate)
        text = base.sentences.get((rate.block, rate.sentence), "")
        # (the count a share takes in turn, 分别为12,650人和5,770人，分别占…, else the one right before it)
        part = base.facts[rate.of] if rate.of >= 0 else sentence[-1] if sentence else None
        if part is None or part.is_money or part.unit in ("%", "‰", "") or part.comparator:
            continue
        earlier = facts_before(sentence, part)
        worded = share_whole_words(rate.label)
        scoping = _count_scoping(text, earlier, part)
        if worded and scoping and scoping[1] not in worded.group(1):
            scoping = None  # (the share names a whole other than the group the part is scoped in)
        whole = (_count_named(text, earlier, part, worded.group(1)) if worded else None) \
            or (scoping[0] if scoping else None) or next((f for f in reversed(earlier) if f.unit == part.unit and not f.comparator
                     and opener.match(text, f.at + len(f.text))), None) or _whole_before_list(base, rate, part)
        if whole is None or whole.value <= part.value or any(f.is_money for f in sentence) \
                or not _share_words_fit(rate, part, whole):
            continue
        span = ratio_bounds(part, whole)
        yield CHECKED
        if span is None or consistent(rate, *span):
            continue
        computed = exact_ratio(part, whole)
        named = worded.group(1).rstrip('的') if worded else scoping[1] if scoping else ""
        yield rate_hit(rate, computed, f"占{named}的比例" if named else "占总数的比例",
                   f"{part.text} ÷ {whole.text} = {fmt(computed)}%", quote=base.passage(whole, rate))


def _count_named(text: str, before: list[Fact], part: Fact, words: str) -> Fact | None:
    """The count of the part's unit before it in its sentence that the share's words name (占回收问卷
    的 after 回收482份): its own words, two characters or more, inside those, or ending with the
    words' thing (全镇受益学生 for 占受益学生总数的: the words without those of any whole, concepts.yaml
    kind_total_words); the nearest."""
    thing = without_whole_words(words.rstrip("的"))
    return next((f for f in reversed(before) if f.unit == part.unit and not f.comparator and not f.is_money
                 and len(own := CLAUSE_BREAK_RE.sub("", compact(f.label))) >= 2
                 and (own in words or (len(thing) >= 2 and own.endswith(thing))) and _group_named(text, f, words)), None)


def _group_named(text: str, count: Fact, words: str) -> bool:
    """A count whose noun after it closes with 中 (全县120个行政村中，) is of that group: the share's
    words name it (占行政村总数的), not only the scope before the count (全县 of 占全县农户总数的)."""
    scope = GROUP_AFTER_COUNT_RE.match(compact(text[count.at + len(count.text):]))
    return scope is None or scope.group("name") in words


def _count_scoping(text: str, before: list[Fact], part: Fact) -> tuple[Fact, str] | None:
    """The count the words after it re-open on with 中 before the part (专任教师131人，专任教师中本科
    126人; 女性14人，女性中35岁以下的6人), or whose own noun closes with 中 and a clause break (全县86所
    实施学校中，采取食堂供餐的学校79所): the part is of that group, which is the share's whole, not
    the list's; with the group's name."""
    for f in reversed(before):
        if f.unit != part.unit or f.comparator:
            continue
        own = CLAUSE_BREAK_RE.split(compact(f.label).removeprefix("其中"))[-1]
        words = compact(text[f.at + len(f.text):part.at]).lstrip("，,；;、")
        # (a group's name of two characters at least: 其中 alone names none)
        if len(own) >= 2 and words.startswith(own + "中"):
            return f, own
        scope = GROUP_AFTER_COUNT_RE.match(compact(text[f.at + len(f.text):part.at]))
        if scope:
            return f, scope.group("name")
    return None


# a count's own noun right after it closing with 中 and a clause break (86所实施学校中，): the group
# the figures after it are parts of (a short name, no figure nor clause inside)
GROUP_AFTER_COUNT_RE = re.compile(r"(?P<name>[^，,；;。：:、\d]{2,12}?)中[，,：:]")


def _list_sum_whole(base: FactBase, rate: Fact, part: Fact) -> Fact | None:
    """The sum closing the list a share taken in turn from another sentence is of (…：A…、B…、C…，
    合计329.50万元。三项占项目支出的比重依次为…): the whole of its items."""
    if rate.of < 0 or (part.block, part.sentence) == (rate.block, rate.sentence):
        return None
    words = tuple(concepts().get("column_total_words") or ())
    return next((f for f in base.by_sentence.get((part.block, part.sentence), ())
                 if f.id > part.id and f.is_money and f.unit == part.unit and compact(f.label).endswith(words)), None)


def _elliptic_whole(base: FactBase, rate: Fact, found: list[tuple[Fact, Fact, Fact]]) -> Fact | None:
    """A bare share (…；B 250.00万元，占20.00%) right after a share naming its whole in the clause run
    before it (A 1,000.00万元，占政府性基金预算支出的80.00%；): of that share's whole, as its words say
    by saying nothing more."""
    if not BARE_SHARE_RE.fullmatch(compact(rate.label)):
        return None
    # (the last share of 占 before it: 为一般债务限额的97.54% between is a rate of another whole;
    # `found` is in reading order, so the look back stops at the first of another block: linear)
    before = whole = None
    for r, _p, w in reversed(found):
        if r.block != rate.block:
            break
        if "占" in r.label and r.id < rate.id:
            before, whole = r, w
            break
    if before is None:
        return None
    if not rate.sentence - CHAIN_REACH <= before.sentence <= rate.sentence or BARE_SHARE_RE.fullmatch(compact(before.label)):
        return None
    # (one run of clauses: the sentences from the named share's to the bare one's joined by ；, no list
    # opened between: …占…的80.00%，其中：小微企业…，占比45.00% is of the part before its 其中)
    texts = [base.sentences.get((rate.block, k), "") for k in range(before.sentence, rate.sentence + 1)]
    if any(not t.rstrip().endswith(("；", ";")) for t in texts[:-1]):
        return None
    words = texts[0][before.at:] if len(texts) > 1 else texts[0][before.at:rate.at]
    words += "".join(texts[1:-1]) + (texts[-1][:rate.at] if len(texts) > 1 else "")
    return None if any(w in words for w in lexicon().list_openers) else whole


BARE_SHARE_RE = re.compile(r"[，,；;、：:]*(?:分别)?占(?:比|比重)?(?:为|是|达)?")


def _whole_before_list(base: FactBase, rate: Fact, part: Fact) -> Fact | None:
    """In a list opening a sentence with 其中 (“学校68所全部实施。其中食堂供餐学校64所，占比94.12%；
    其余4所…，占比5.88%”; its items may go on after ；), the whole the parts are of: the last count
    in the part's unit of the sentence before the list, in one paragraph."""
    first = list_sentence(base, rate)
    if first is None:
        return _whole_opening_chain(base, rate, part)
    before = base.by_sentence.get((rate.block, first - 1), ())
    # (较上年的8,102件, （上年412,680人次）: last year's count, no whole of this year's parts; of
    # two counts, 中学20所、小学30所, which one the parts are of is not known)
    counts = [f for f in before if f.unit == part.unit and not f.comparator and not f.is_money
              and f.period == part.period and f.measure != "变动额"]
    return counts[0] if len(counts) == 1 else None


def _whole_opening_chain(base: FactBase, rate: Fact, part: Fact) -> Fact | None:
    """In a list whose 其中 follows a count in the first of the ；-joined clauses (受益学生1,840人，其中
    小学生1,265人，占68.75%；初中学生575人，占31.25%), the whole of a later clause's part: that count,
    the only one of the part's unit and year a list opener follows there (CHAIN_REACH clauses back
    at most: linear)."""
    first = rate.sentence
    while first > max(0, rate.sentence - CHAIN_REACH) \
            and base.sentences.get((rate.block, first - 1), "").rstrip().endswith(("；", ";")):
        first -= 1
    if first == rate.sentence:
        return None
    text = base.sentences.get((rate.block, first), "")
    opener = lexicon().list_opener
    found = [f for f in base.by_sentence.get((rate.block, first), ()) if f.unit == part.unit and not f.comparator
             and not f.is_money and f.period == part.period and opener.match(text, f.at + len(f.text))]
    return found[0] if len(found) == 1 else None


CHAIN_REACH = 8  # ；-joined clauses looked back over for the count a list's 其中 follows


@lru_cache(maxsize=4)
def _share_words_pattern(copulas: tuple[str, ...]) -> re.Pattern:
    """X占Y的比例为: the thing a share is of (X) and its whole (Y), the copulas concepts.yaml's."""
    tail = f"(?:{'|'.join(map(re.escape, copulas))})?" if copulas else ""
    return re.compile(r"^(?P<of>.*?)占(?:其)?(?P<whole>.*?)(?:的)?(?:比例|比重)?" + tail + "$")


def _share_words_fit(rate: Fact, part: Fact, whole: Fact) -> bool:
    """The share's own words (X占Y的比例为…) name no other thing than the count before it (X), and
    not that count as the whole (Y): “在职教职工286人，其中专任教师241人，“双师型”教师占专任教师的比例
    为69.71%” is a share of the 双师型 (stated nowhere) in the 专任教师, not 241 of 286."""
    copulas = tuple(sorted(concepts().get("share_copulas") or (), key=len, reverse=True))
    m = _share_words_pattern(copulas).match(re.sub(r"[“”\"'‘’，,：:\s]", "", rate.label or ""))
    if m is None:
        return True
    named_whole = m.group("whole")
    named_part = m.group("of")  # (分别占, 依次占: the words taking the items in turn name no thing)
    for word in respectively_words():
        named_part = named_part.replace(word, "")
    # (a whole named in other words, 占全部用户的, may still be the list's: only the part itself
    # named as the whole says the share is of something else)
    return (len(named_part) < 2 or named_part in compact(part.label)) and \
        (len(named_whole) < 2 or named_whole not in compact(part.label))


def column_parts_sum(base: FactBase, whole: Fact) -> Fact | None:
    """A table total as its parts in the same column add it up, where they differ from it: the
    whole a share may have been worked out on when the printed total is itself wrong."""
    found = column_sum(base, whole, as_total=True)
    if found is None:
        return None
    parts = found[1]
    total = sum((f.value for f in parts), Decimal(0))
    return replace(whole, value=total, places=max(f.places for f in parts)) if total != whole.value else None


def _swapped(rate: Fact, part: Fact, whole: Fact, shares) -> str:
    """Two items' shares exchanged: this share is the other item's, and the other's is this one's."""
    for other, other_part, other_whole in shares:
        if other is rate or other_whole is not whole or other.block != rate.block:
            continue
        if ratio_fits(rate, other_part, whole) and ratio_fits(other, part, whole):
            owner = other_part.concept or item_label(other_part.label) or "另一项"
            return f"；与{owner}的占比 {other.text} 互换了"
    return ""


def _slip_hit(rate: Fact, a: Fact, b: Fact, sentence: list[Fact]) -> Hit:
    """The share holds on the digits: the amount whose unit differs from its sentence's other
    amounts carries the wrong unit (授予中小企业合同金额 277.49亿元 among 万元 figures)."""
    units = [f.unit for f in sentence if f.is_money and f is not a and f is not b] + [b.unit]
    odd = a if units.count(a.unit) <= units.count(b.unit) else b
    other = b if odd is a else a
    return Hit(quote=odd.quote, location=odd.loc, stated=odd.text, expected=f"{odd.value}{other.unit}",
               formula=f"{rate.text} = {a.value} ÷ {b.value}，仅当两数同为“{other.unit}”时成立",
               cls="unit_error", fields={"rate": odd.text, "computed": f"{odd.value}{other.unit}",
                                         "relation": f"{odd.label or odd.concept}（由“{rate.quote}”推算）"})
