"""Relations stated in words, the smaller sub-checks of kind `derived`: named_rate
(kinds/named_rates.py), tenths, worded_sum, written_arithmetic, proportion (an amount worked out at
a stated rate of another), stated_base_rate (a named ratio on its stated base), named_multiple and
multiple_claim (kinds/named_multiples.py), split_sum and within_limit (a balance claimed within its
ceiling, or a share of it)."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...facts.base import Fact, FactBase, fact_base
from ...facts.base.figures import per_unit
from ...facts.base.model import OTHER_BASIS, BUDGET_MEASURES, CURRENT
from ...facts.base.words import CLAUSE_BREAK_RE
from ...facts.lexicon import lexicon
from ...facts.scopes import figure_scope
from ...facts.numbers import MONEY_UNITS, fmt, half_unit
from ...knowledge import compact, concepts
from ..base import (CHECKED, Checked, document_texts, Hit, item_label, in_common_unit, rounding_note, slipped_unit,
                    sum_as_printed_coarser, sum_check)
from ..named_rates import COPULAS, named_rate_slips
from ..tenths import tenths_slips
from ..worded_sums import worded_sums
from .. import named_multiples, written_arithmetic
from ..split_sums import split_sums
from .intervals import (HUNDRED, bounds, ratio_bounds, exact_ratio, formula_operands, consistent, rate_hit,
                        difference_misfit, ratio_fits, rate_against)
from .lookup import same_sentence, facts_before, unique_value
from .share import SUBJECT_FILLER_RE


NAME_CHARS = 16  # (全县农村饮水工程资金到位率: a rate's name; more is the clause's other words)
DATED_RE = re.compile(r"^.*\d(?:年度?|月[底末份]?|日)")  # (the words up to a clause's last date or year: 截至6月底, 2025年)


def check_named_rate(base: FactBase, rule):
    """A rate named after the figure it is of (实际到位138.00万元，到位率92.00%): kinds/named_rates.py."""
    params = rule.params
    for rate, figure, whole, judged in named_rate_slips(base, params["rate_stems"], tuple(params["not_rate_words"]),
                                                        tuple(params["base_words"]), tuple(params["negations"]), ratio_fits,
                                                        tuple(params["rate_suffixes"]), tuple(params["part_words"]),
                                                        tuple(params["planned_row_words"]), params["stem_base_words"],
                                                        tuple(params["form_stems"]) or None,
                                                        tuple(params["before_stems"]), tuple(params["act_stems"]),
                                                        tuple(params["not_negating_words"]), tuple(params["manner_words"])):
        if not judged:
            yield CHECKED
            continue
        if rate.value == 100 and any(w in CLAUSE_BREAK_RE.split(base.between(figure, rate))[0] for w in params["all_done_words"]):
            yield CHECKED  # (发现问题的58家已全部整改，整改完成率100%: all of them done, the rate of the 58 over
            # themselves; said in the figure's own clause, not of other things after it, 其余问题均已…)
            continue
        if _change_misstated(base, rate, figure, whole):
            yield CHECKED  # (节约4.62万元 where 14.74 − 19.00 saves 4.26, 节约率22.42% on 4.26: DRV010 tells the amount)
            continue
        # (the rate's name: its clause's words after any date or year in them, the copula aside, at
        # most NAME_CHARS: 截至6月底全县…资金到位率为 → 全县…资金到位率; 预计全年执行率)
        clause = DATED_RE.sub("", CLAUSE_BREAK_RE.split(compact(rate.label))[-1]).rstrip("".join(COPULAS))
        name = clause[-NAME_CHARS:] or "比率"
        index = next((note for suffix, note in params["index_suffixes"].items() if name.endswith(suffix)), None)
        far = (whole.block, whole.sentence) != (rate.block, rate.sentence)
        # (a figure of what is not done stands between the figure and its rate: 已整改14个，正在整改4个，整改率…)
        undone = [f for f in base.facts[figure.id + 1:rate.id] if f.unit == figure.unit]
        note = f"（其后的“{compact(undone[-1].label)}{undone[-1].text}”是尚未完成的数，不是该比率所指）" if undone \
            else _base_note(whole, far)
        for outcome in rate_against(base, rate, figure, whole, name,
                                     f"{compact(figure.label) or '该数'} ÷ {compact(whole.label) or '基数'}" + note):
            if index and isinstance(outcome, Hit):
                # (满意度 may be an index weighting each answer, not the share of one answer: a warning)
                outcome.severity, outcome.formula = "warning", f"{outcome.formula}；{index}"
            yield outcome


def _change_misstated(base: FactBase, rate: Fact, change: Fact, whole: Fact) -> bool:
    """The rate is of a change amount (节约, 增加) that does not fit the two figures its sentence
    compares, the whole and another of its thing before it, while the rate fits their true
    difference: the amount is the slip, the rate right."""
    if change.measure != "变动额" or (whole.block, whole.sentence) != (change.block, change.sentence):
        return False
    for other in facts_before(same_sentence(base, change), change):
        if other is whole or not other.is_money or other.unit != whole.unit or other.measure == "变动额" \
                or other.concept != whole.concept:
            continue
        if difference_misfit(change, other, whole, 0) is None:
            return False  # (the amount is the difference of these two: nothing misstated)
        gap = abs(other.value - whole.value)
        if ratio_fits(rate, replace(change, value=gap, places=max(other.places, whole.places)), whole):
            return True
    return False


def _base_note(whole: Fact, far: bool) -> str:
    """Where the base of a named rate was taken from, for the formula."""
    if not far:
        return "（段中其他两数之比也都不是该比率）"
    if whole.source == "text":
        return "（句中未写基数，取同段上一句所写的数）"  # (named_rates.py _base_before)
    if whole.concept == concepts().get("project_funds"):
        return "（句中未写基数，取项目表年度资金总额的全年预算数；表中年初预算数、各资金来源行及文中所写下达、预算等金额也都得不出该比率）"
    # (the planned row beside the table cell the figure restates: kinds/named_rates.py _column_beside)
    return f"（句中未写基数，取表中该数所在列“{compact(whole.label)}”行的数；该列其他各行也都得不出该比率）"


def check_tenths(base: FactBase, rule):
    """A rate restated in tenths with an approximation word (逾七成) on the wrong side of them
    (kinds/tenths.py)."""
    return tenths_slips(base)


def check_worded_sum(base: FactBase, rule):
    """A sum the sentence spells out with 加 and 减 (kinds/worded_sums.py) against its result."""
    plus, minus = re.compile(rule.params["plus_pattern"]), re.compile(rule.params["minus_pattern"])
    for found in worded_sums(base, plus, minus, tuple(rule.params["flow_words"]), tuple(rule.params["result_words"]),
                             tuple(rule.params["result_total_words"]), tuple(rule.params["account_sides"])):
        yield CHECKED
        low, high = found.bounds()
        r_low, r_high = found.result_bounds()
        if r_low <= high and low <= r_high:
            continue
        result = found.result
        factor = MONEY_UNITS.get(result.unit, Decimal(1))
        shown = fmt(found.value() / factor, result.places, result.text)
        # (a start stated in a sentence before: where it is, and the sentence of the sum quoted)
        elsewhere = (found.start.block, found.start.sentence) != (result.block, result.sentence)
        terms = f"{found.start.text}" + (f"（{found.start.where()}）" if elsewhere else "") \
            + "".join(f" {'+' if sign > 0 else '−'} {f.text}" for sign, f in found.terms)
        yield Hit(quote=base.span(found.terms[0][1] if elsewhere else found.start, result), location=result.loc,
                  stated=result.text,
                  expected=f"{shown}{result.unit}", formula=f"{terms} = {shown}{result.unit}",
                  fields={"rate": result.text, "computed": f"{shown}{result.unit}",
                          "relation": compact(result.label).rstrip("".join(COPULAS)) or "结果"},
                  highlights=[f.loc for f in (found.start, *(f for _, f in found.terms))])


def check_written_arithmetic(doc, rule):
    """Arithmetic written out in figures, in a sentence or a cell, against the result it is
    said to come to (kinds/written_arithmetic.py)."""
    units = tuple(rule.params["arithmetic_units"])
    numbers, per_unit = written_arithmetic.number_re(units), written_arithmetic.per_unit_re(units)
    checked = []
    for text, source in document_texts(doc):
        if not written_arithmetic.EQUALS_RE.search(text) and not written_arithmetic.BRACKETED_RE.search(text):
            continue
        for sides in written_arithmetic.chains(written_arithmetic.tokens(text, numbers, per_unit)):
            for slip in written_arithmetic.slips(sides, lambda: checked.append(1)):
                worked = written_arithmetic.worked_text(slip)
                written = written_arithmetic.shown(slip.side)
                yield Hit(quote=text.strip(), location=source.loc, stated=slip.result.text, expected=worked,
                          formula=f"{written} = {worked}",
                          fields={"rate": slip.result.text, "computed": worked, "relation": f"算式 {written} 的结果"},
                          # (a quotient, or a result in %, is a rate or a figure per head: no total)
                          cls="rounding" if slip.tail else "ratio_mismatch" if written_arithmetic.is_rate(slip) else None,
                          severity="info" if slip.tail else None)
    if checked:
        yield Checked(len(checked))


def check_proportion(base: FactBase, rule):
    """An amount worked out at a stated rate of an amount before it (收入1,286万元，按30%的比例调入
    一般公共预算386万元): the amount = the base × the rate, each read within its printing. The base
    is the amount the rate phrase names (按照国有资本经营预算收入30%的比例), else the sentence's one
    amount before the rate of the kind the amount is worked out of (proportion_bases: 调出 from an
    income, not the spending beside it), else the one such amount of the paragraphs before; with
    several, any of them giving it will do."""
    pattern = re.compile(rule.params["proportion_pattern"])
    for key, facts in base.by_sentence.items():
        text = base.sentences.get(key, "")
        if "%" not in text and "％" not in text:
            continue
        for m in pattern.finditer(text):
            after = [f for f in facts if f.at >= m.end() and f.source == "text"]
            if not after or not after[0].is_money or _broken_before(text, m.end(), after[0].at):
                continue  # (the amount the rate works out stands in its clause: 按30%的比例调入…386万元)
            amount, rate = after[0], Decimal(m.group("rate"))
            before = _proportion_bases(base, facts, m, amount, rule.params)
            if not before:
                continue  # (no base it can be of: not judged)
            fits = [b for b in before if _proportion_fits(amount, b, rate)]
            yield CHECKED
            if fits or len(before) != 1:
                continue
            whole = before[0]
            expected = whole.in_yuan() * rate / HUNDRED / MONEY_UNITS.get(amount.unit, Decimal(1))
            shown = fmt(expected, amount.places, amount.text)
            quote = base.span(whole, amount) if (whole.block, whole.sentence) == key else amount.quote
            yield Hit(quote=quote, location=amount.loc, stated=amount.text,
                      expected=f"{shown}{amount.unit}",
                      formula=f"{whole.text}（{whole.where()}）× {m.group('rate')}% = {shown}{amount.unit}",
                      fields={"rate": amount.text, "computed": f"{shown}{amount.unit}",
                              "relation": compact(text[m.end():amount.at]).lstrip("，,").rstrip("".join(COPULAS)) or "金额",
                              "basis": f"{whole.text}的{m.group('rate')}%"},
                      highlights=[whole.loc])


def _broken_before(text: str, start: int, end: int) -> bool:
    """A clause break between the rate phrase and its amount, other than one right after the phrase
    (按照收入30%的比例，调出资金…: the clause after it states what the rate works out)."""
    if start < end and text[start] in "，,":
        start += 1
    return CLAUSE_BREAK_RE.search(text, start, end) is not None


# paragraphs above a rate's sentence in which the base it names or is of may stand (bounded)
PROPORTION_REACH = 3


def _proportion_bases(base: FactBase, facts: list[Fact], m: re.Match, amount: Fact, params: dict) -> list[Fact]:
    """The amounts the rate may be of (see check_proportion)."""
    def usable(f: Fact) -> bool:
        return f.is_money and f.source == "text" and f.measure != "变动额" and not f.comparator and not per_unit(f)

    named = compact(m.group("named") or "").strip("的")
    if named:  # (the base named by the phrase: the nearest amounts so named before it, in the one
        # paragraph, not the residual item of its parts, 其他国有资本经营预算收入; a kind's bare name,
        # 按照收入的30% (concepts.yaml counted_kind_words), may name several, 国有资本经营预算收入 and
        # 上年结转收入: any of them will do)
        so_named: list[Fact] = []
        for f in _amounts_back(base, amount):
            if so_named and f.block != so_named[0].block:
                break
            if usable(f) and _so_named(compact(f.label), named):
                so_named.append(f)
                if named not in concepts().get("counted_kind_words", ()):
                    break  # (a name of its own, 国有资本经营预算收入: the nearest amount so named)
        return so_named
    before = [f for f in facts if f.at + len(f.text) <= m.start() and usable(f)]
    relation = compact(m.string[m.end():amount.at])
    words = next((ws for verb, ws in params["proportion_bases"].items() if verb in relation), None)
    if words is None:
        return before
    left_out = tuple(params["proportion_not_bases"])

    def of_kind(f: Fact) -> bool:
        label = compact(f.label)
        return any(w in label for w in words) and not any(w in label for w in left_out)

    if before:
        return [f for f in before if of_kind(f)]
    # (none in its sentence: the amounts of the nearest paragraph stating such, any of which giving
    # it will do; else its first outturn, the whole its parts follow: 全市国有资本经营预算收入…。分项目
    # 看：利润收入…; not its budget: 收入预算为4,800万元，执行中完成5,000万元)
    found: list[Fact] = []
    for f in _amounts_back(base, amount):
        if (f.block, f.sentence) != (amount.block, amount.sentence) and usable(f) and of_kind(f):
            if found and f.block != found[0].block:
                break
            found.append(f)
    rate = Decimal(m.group("rate"))
    if any(_proportion_fits(amount, f, rate) for f in found):
        return found
    outturns = [f for f in reversed(found) if f.measure not in BUDGET_MEASURES]
    return outturns[:1]


def _so_named(label: str, name: str) -> bool:
    """A figure's words name it `name`: they close on it, or on it and a measure (…收入决算数为),
    and no residual word stands right before it (其他国有资本经营预算收入 is one part of it)."""
    at = label.rfind(name)
    if at < 0 or label[:at].endswith(tuple(concepts().get("residual_words") or ())):
        return False
    tail = label[at + len(name):]
    for start, end, _ in reversed(lexicon().measures.all(tail)):
        tail = tail[:start] + tail[end:]
    return not tail.strip("".join(COPULAS) + "，,：: ")


def _amounts_back(base: FactBase, amount: Fact):
    """The text amounts before `amount`, nearest first, in its paragraph and PROPORTION_REACH
    paragraphs above (blocks with figures)."""
    blocks = 0
    for b in range(amount.block, -1, -1):
        facts = base.by_block.get(b, ())
        if not facts:
            continue
        yield from (f for f in reversed(facts) if f.id < amount.id)
        blocks += 1
        if blocks > PROPORTION_REACH:
            return


def _proportion_fits(amount: Fact, whole: Fact, rate: Decimal) -> bool:
    places = max(amount.places, whole.places)
    a_lo, a_hi = amount.interval(MONEY_UNITS.get(amount.unit, Decimal(1)), places)
    w_lo, w_hi = whole.interval(MONEY_UNITS.get(whole.unit, Decimal(1)), places)
    return a_lo <= w_hi * rate / HUNDRED and w_lo * rate / HUNDRED <= a_hi


def check_stated_base_rate(base: FactBase, rule):
    """A rate named in the vocabulary over a base its paragraph states (按照综合财力1,212,650.00万元
    计算，全区政府债务率为103.6%): the figure of the rate's concept over that base. Every figure of
    that concept and year in the document is tried (a balance stated for two dates, one misread):
    told only where none of them gives the rate, on the one stated last before it."""
    ratios, part_words = rule.params["ratios"], tuple(rule.params["part_rate_words"])
    for rate in base.facts:
        # (按照综合财力…计算 reads as a rate on another basis: here it is the very base the rate names)
        if rate.unit != "%" or rate.source != "text" or rate.comparator not in (None, "", OTHER_BASIS):
            continue
        named = _rate_named(compact(rate.label), ratios, part_words)
        if named is None:
            continue
        spec = ratios[named]
        # (the base its words close on, not a part of it listed after 其中: 流动资产总额 is no 资产总额)
        whole = next((f for f in reversed(base.by_block.get(rate.block, ())) if f.id < rate.id and f.is_money
                      and f.comparator in (None, "", OTHER_BASIS) and f.value > 0 and f.period == rate.period
                      and not any(w in compact(f.label) for w in lexicon().list_openers)
                      and any(_so_named(compact(f.label), w) for w in spec["base_words"])), None)
        figures = [f for c in spec.get("of") or () for f in base.by_concept.get(c, ()) if f.is_money and not f.comparator
                   and f.measure not in ("变动额", "占比") and f.period == rate.period]
        # (a figure no vocabulary concept names, 负债总额 of 资产负债率: its words, in the paragraph before the rate)
        figures += [f for f in base.by_block.get(rate.block, ()) if f.id < rate.id and f.is_money and not f.comparator
                    and f.measure not in ("变动额", "占比") and f.period == rate.period
                    and any(compact(f.label).endswith(w) for w in spec.get("of_words") or ())]
        if whole is None or not figures:
            continue
        yield CHECKED
        if any(span is not None and consistent(rate, *span) for f in figures for span in [ratio_bounds(f, whole)]):
            continue
        figure = max((f for f in figures if f.id < rate.id), key=lambda f: f.id, default=figures[0])
        computed = exact_ratio(figure, whole)
        shown = formula_operands(figure, whole)
        yield rate_hit(rate, computed, named,
                   f"{figure.concept or item_label(figure.label)} {shown[0]}（{figure.where()}）÷ {item_label(whole.label) or '基数'} {shown[1]} "
                   f"= {fmt(computed)}%", operands=(figure, whole))


def _rate_named(label: str, ratios: dict, part_words: tuple[str, ...]) -> str | None:
    """The vocabulary's rate the words before a figure close on (全区政府债务率为: 债务率), unless a
    part's words stand right before its name (一般债务率)."""
    found = [(label.rfind(name), name) for name in ratios if name in label]
    if not found:
        return None
    at, name = max(found, key=lambda p: (p[0] + len(p[1]), len(p[1])))
    if SUBJECT_FILLER_RE.sub("", label[at + len(name):]) or label[:at].endswith(part_words):
        return None  # (other words after the name: the figure is no value of that rate)
    return name


def check_named_multiple(doc, rule):
    """A multiple named in the vocabulary (本息覆盖倍数) against the amounts it is of and over, in its
    sentence, its table or the document (kinds/named_multiples.py)."""
    base, spec = fact_base(doc), rule.params
    for multiple in named_multiples.stated_multiples(doc, base, spec):
        nums, dens = named_multiples.operands(base, multiple, spec)
        if not nums or not dens:
            continue
        yield CHECKED
        if any(named_multiples.gives(multiple, n, d) for n in nums for d in dens):
            continue
        num, den = nums[0], dens[0]
        computed = named_multiples.worked(num, den, multiple.places)
        words = named_multiples.multiples_of(spec)[multiple.name]  # (an amount with no label of its own: its kind's first word)
        yield Hit(quote=multiple.quote, location=multiple.loc, stated=multiple.text, expected=computed,
                  formula=f"{item_label(num.label) or words['of'][0]} {num.with_unit()}（{num.where()}）÷ "
                          f"{item_label(den.label) or words['base'][0]} {den.with_unit()}（{den.where()}）= {computed}",
                  fields={"rate": multiple.text, "computed": computed, "relation": multiple.name},
                  highlights=[num.loc, den.loc])


def check_multiple_claim(doc, rule):
    """A claim that a multiple serves its purpose (满足…要求) while it is below its threshold."""
    base, spec = fact_base(doc), rule.params
    for multiple in named_multiples.stated_multiples(doc, base, spec):
        if multiple.fact is not None:
            continue  # (a cell: its claims are other cells')
        yield CHECKED
        found = named_multiples.claimed_below(multiple, spec)
        if found is None:
            continue
        threshold, claim = found
        yield Hit(quote=multiple.quote, location=multiple.loc, stated=f"{multiple.text}，{claim}",
                  expected=f"低于 {threshold} 倍",
                  formula=f"{multiple.name} {multiple.text} < {threshold} 倍，却称“{claim}”",
                  fields={"rate": multiple.text, "threshold": str(threshold), "claim": claim,
                          "relation": multiple.name})


def check_split_sum(base: FactBase, rule):
    """A total split into the number of parts its sentence says, against their sum (kinds/split_sums.py),
    compared as every sum is (sum_check; a difference within the printing is a rounding note)."""
    split, part = re.compile(rule.params["split_pattern"]), re.compile(rule.params["part_pattern"])
    for total, parts in split_sums(base, split, part):
        yield CHECKED
        common = in_common_unit([total, *parts])
        outcome = sum_check(common[0], common[1:], rule.tolerance)
        if outcome == "ok" or sum_as_printed_coarser(total, parts):
            continue  # (3.2亿元 over 15,000万元 + 17,040万元: their sum as printed in its unit)
        exact = sum((p.in_yuan() for p in parts), Decimal(0))
        # (a total whose digits are the sum in another money unit: a unit slip, said in that unit)
        slip = slipped_unit(total, exact, sum((half_unit(max(f.places for f in [total, *parts])) * MONEY_UNITS.get(
            f.unit, Decimal(1)) for f in [total, *parts] if f.value), Decimal(0)), rule.params) \
            if outcome == "mismatch" else None
        unit = slip or total.unit
        shown = f"{_sum_text(exact, unit, common, parts, total.text)}{unit}"
        formula = " + ".join(p.text for p in parts) + f" = {shown}"
        if outcome == "rounding":
            formula += "；" + rounding_note(common[0], common[1:], max(q.places for q in common))
        elif slip:
            formula += f"；{total.text}按“{slip}”计即与各部分之和相符：数字相同而单位不同，应为单位笔误"
        yield Hit(quote=base.span(total, parts[-1]), location=total.loc, stated=total.text, expected=shown,
                  formula=formula, cls="rounding" if outcome == "rounding" else "unit_error" if slip else None,
                  fields={"rate": total.text, "computed": shown, "relation": item_label(total.label) or "合计"},
                  highlights=[p.loc for p in parts])


def _sum_text(exact: Decimal, unit: str, common: list, parts, like: str) -> str:
    """The parts' sum (`exact`, in 元) in `unit`, to the places the parts are printed to there (those
    of the in_common_unit quantities `common`, shifted to `unit`: 15,000万元 is 1.5000亿元), its
    trailing zeros trimmed down to the places the parts print (15,000万元 + 17,400万元 = 3.24亿元;
    9,000.00万元 + 5,000.00万元 = 14,000.00万元)."""
    scale = MONEY_UNITS.get(unit, Decimal(1))
    shift = (MONEY_UNITS.get(common[0].unit, Decimal(1)) / scale).adjusted()
    places = max(0, max(q.places for q in common[1:]) - shift)
    text = fmt(exact / scale, places, like)
    printed = max(p.places for p in parts)
    while "." in text and len(text.split(".")[1]) > printed and text.endswith("0"):
        text = text[:-1]
    return text.rstrip(".")


def check_within_limit(base: FactBase, rule):
    """A sentence claiming a balance within its ceiling (控制在…限额以内, 未超过限额, 低于限额) against
    the balances it states (else the document's of this year) and the one ceiling the document
    states for each, and against a printed share of a ceiling over 100% (余额占限额的100.95%)."""
    claim, limits = re.compile(rule.params["claim_pattern"]), rule.params["limits"]
    told: set[int] = set()  # (a balance over its ceiling is told once, however many claims it belies)
    share = None
    for key, text in base.sentences.items():
        m = claim.search(text)
        if m is None:
            continue
        yield CHECKED
        found = _balance_over_limit(base, base.by_sentence.get(key, ()), limits)
        if found is None:
            share = share or (_share_over_limit(base, limits),)  # (the document's: looked for once)
            found = share[0]
        if found is not None and found[0].id not in told:
            told.add(found[0].id)
            balance, limit, over, formula = found
            facts = base.by_sentence.get(key, ())
            yield Hit(quote=text.strip(), location=(facts[0] if facts else balance).loc, stated=m.group(),
                      expected=over, formula=formula,
                      highlights=[balance.loc, limit.loc])


def _balance_over_limit(base: FactBase, sentence, limits: dict):
    """(balance, limit, formula) for a balance above its ceiling: the balances the claim's sentence
    states, else every one of this year the document states, each against the one value the
    document states for its ceiling (several values disagreeing: not judged here)."""
    current = [f for f in sentence if f.concept in limits and _stock_figure(f)]
    balances = current or [f for c in limits for f in base.by_concept.get(c, ()) if _stock_figure(f) and f.period == CURRENT]
    for balance in balances:
        # (the ceiling of the balance's own scope: 县本级's ceiling is no limit of 全县's balance)
        scope = figure_scope(base, balance)
        ceiling = unique_value([f for f in base.by_concept.get(limits[balance.concept], ()) if _stock_figure(f)
                                 and f.period == balance.period and figure_scope(base, f) == scope]) \
            or _limit_in_claim(base, balance)
        if ceiling is not None and bounds(balance)[0] > bounds(ceiling)[1]:
            named = ceiling.concept or limits[balance.concept]  # (a ceiling the claim states, naming no concept: the balance's)
            return balance, ceiling, f"{balance.concept} {balance.text} 超过 {named} {ceiling.text}", \
                (f"{balance.concept} {balance.text}（{balance.where()}）大于 {named} {ceiling.text}"
                 f"（{ceiling.where()}）")
    return None


def _limit_in_claim(base: FactBase, balance: Fact) -> Fact | None:
    """The ceiling the claim's own words state after the balance, naming no thing of its own
    (…余额112.60亿元，控制在省核定的限额108.50亿元以内: a bound, in no sentence's index): the
    balance's ceiling."""
    return next((f for f in base.facts[balance.id + 1:balance.id + 1 + LIMIT_REACH] if (f.block, f.sentence) == (balance.block, balance.sentence)
                 and f.concept is None and f.is_money and f.unit == balance.unit
                 and compact(f.label).endswith(LIMIT_WORD)), None)


LIMIT_WORD = "限额"
LIMIT_REACH = 4  # figures after a balance its ceiling may stand among, in its sentence


def _share_over_limit(base: FactBase, limits: dict):
    """(part, whole, formula) for a printed share of a ceiling over 100% (余额占限额的100.95%)."""
    ceilings = set(limits.values())
    rate = next((f for f in base.facts if f.measure == "占比" and f.unit == "%" and f.base in ceilings
                 and f.of >= 0 and f.interval()[0] > HUNDRED), None)
    if rate is None:
        return None
    part = base.facts[rate.of]
    named = part.concept or item_label(part.label)
    return part, rate, f"{named} 为{rate.base}的 {rate.text}", \
        f"{named} {part.text} 占{rate.base}的比例写作 {rate.text}（{rate.where()}），超过 100%"


def _stock_figure(f: Fact) -> bool:
    return f.is_money and not f.comparator and f.measure not in ("变动额", "占比") and f.value > 0
