"""Context `sentence` of kind `calculation`, beyond the declared sums' names: an amount naming no
concept and the parts listed right after it (unnamed totals), an amount whose 其中 parts add up
only with one part read in another unit (unit slips), and a count and an amount followed by a
其中 list of counts and amounts side by side (paired lists)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from itertools import islice

from ...facts.base import Fact, FactBase
from ...facts.base.figures import per_unit
from ...facts.base.words import balance_side, left_over
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit, item_label
from .parts import sum_part_names, declared_names, money_amount, kind_beside_balance
from .compare import part_exceeds, compare_listing, odd_part_slip, misprinted_unit_part, compare_sum
from .groups import nested_kinds, share_of
from .listing import (pairs_of_measures, other_pair_side, apart_words, opener_after, SHARE_AFTER_RE, any_parts, OWN_CLAUSE_MEASURES, share_base, sum_words,
                      list_whole_after, bracket_depth, closing_bracket, nested_lists, enumerated_by_commas, items_counted)


def check_unnamed_totals(base: FactBase, rule):
    """An amount naming no concept whose sentence lists its parts right after it (2024年全年预算
    1,699.05万元（其中基本支出402.75万元、项目支出1,296.30万元）): the sum of a declared total whose
    parts those are, in the total's own words."""
    from dataclasses import replace

    opener = lexicon().list_opener
    calcs = [(calc, sum_part_names(calc)) for calc in lexicon().calculations if not calc.get("fund")]
    known = lexicon().concepts.canonical
    for facts in base.by_block.values():
        for k, total in enumerate(facts):
            # (naming nothing the vocabulary knows: no concept, or a table row's name it restates,
            # 局机关…支出800.00万元 after a row 局机关 | 小计 | 800.00)
            if total.source != "text" or total.concept in known or not money_amount(total) or total.measure == "变动额":
                continue
            text = base.sentences.get((total.block, total.sentence), "")
            if not opener.match(text, total.at + len(total.text)):
                continue
            parts = _past_clause(_listed_parts(facts[k + 1:], total, base))
            if _cut_short(facts[k + 1 + len(parts):], parts):
                continue  # (the list goes on with a thing the vocabulary does not know: its sum is unknown)
            named = {p.concept for p in parts}
            calc = next((c for c, names in calcs if len(named) >= 2 and named <= names.keys()
                         and len({names[n] for n in named}) == len(named)), None)
            if calc is None:
                continue
            yield CHECKED
            words = total.concept or compact(total.label).strip("，,：:（(") or calc["total"]
            yield from compare_sum(replace(total, concept=words), parts, "同一句", rule)


def check_list_unit_slips(base: FactBase, rule):
    """An amount and the amounts its 其中 lists (in its sentence, or in the next sentence, 其中
    before its first figure), whatever they are named (项目实际支出85.60万元，其中设备购置32.00万元、运维服务53.60元):
    when the parts add up to it only with the one part in another unit read in the total's, that
    part carries a unit slip. (A 其中 list of unknown things need not be complete: no other sum.)"""
    from dataclasses import replace

    opener = lexicon().list_opener
    units = set(rule.params["list_units"])
    cues = (*rule.params["enumeration_cues"], *rule.params["partial_cues"])
    remarks = tuple(rule.params["bracket_remark_words"])

    def summable(f: Fact) -> bool:
        # (not a mean: 项目自评平均得分98.32分 is no sum of the projects' scores listed after it)
        return money_amount(f) or (f.unit in units and f.source == "text" and not per_unit(f))

    wholes: dict[tuple[int, int], tuple] = {}  # each sentence's list whole, see list_whole_after
    for facts in base.by_block.values():
        for k, total in enumerate(facts):
            if total.source != "text" or total.measure == "变动额" or not summable(total):
                continue
            text = base.sentences.get((total.block, total.sentence), "")
            direct, first = opener_after(text, facts, k, opener, remarks)
            sentence = total.sentence  # the sentence the list stands in
            if direct:
                parts = any_parts(islice(facts, first, None), _joined(base, total), summable)
                if first < len(facts) and bracket_depth(text)(facts[first].at) > bracket_depth(text)(total.at):
                    # (…10.00万元（其中A费0元，B费10.00万元），公务接待费2.30万元: a list opened in a
                    # bracket after its whole ends where the bracket closes)
                    close = closing_bracket(text, total.at + len(total.text))
                    parts = [p for p in parts if p.sentence != total.sentence or p.at < close]
            else:
                # up to the sentence's next amount or its end (so each total costs only its own clause)
                j = k + 1
                while j < len(facts) and facts[j].sentence == total.sentence and not money_amount(facts[j]):
                    j += 1
                whole = list_whole_after(base, total, cues, wholes)
                opening = whole is not None
                if opening:
                    # (the whole may be followed by what it is compared with, 为调整预算…的102.1%，比上年
                    # …增长5.2%: see whole_before; its sentence is read once, for that whole only)
                    while j < len(facts) and facts[j].sentence == total.sentence:
                        j += 1
                if j < len(facts) and facts[j].sentence == total.sentence \
                        or not _list_opens(base, total.block, total.sentence + 1, facts[j:j + 1]):
                    continue
                if left_over((whole or total).label) and not any(left_over(f.label) for f in facts[j:j + 1]):
                    continue  # (…；结余18.54万元，…。其中，中央和省级资金…: what is left over is no whole of
                    # the list, unless its items are left over too, 其中基本支出结余…)
                # the last amount of its sentence, the next one listing its parts (…支出85.60万元，
                # 执行率100%。从支出结构看，其中设备购置…); a list opening its own sentence goes on over
                # the clauses ； joins to it (其中：税收收入…，增长4.8%；非税收入…，增长6.2%。)
                within = _joined(base, facts[j]) if opening else total.sentence + 1
                parts = any_parts(islice(facts, j, None), within, summable)
                if opening:
                    # (…全年预算数3,560万元。其中：中央…: the next sentence opening on 其中 lists the
                    # whole this one ends on, as a 其中 right after it does)
                    sentence = total.sentence + 1
                    text = base.sentences.get((total.block, sentence), "")
                    direct = opener.match(text)
                    total = whole  # (资产总额…；负债总额…；净资产…。其中，行政单位资产总额…: the items' whole)
            # (the whole's year's only: 非税收入…，比上年的12,600万元下降… states no part)
            parts = [p for p in parts if p.period == total.period]
            if len(parts) < (1 if direct else 2):
                continue
            named = replace(total, concept=_balance_side(total) or total.concept
                            or compact(total.label).strip("，,：:（(") or "合计")
            if all(kind_beside_balance(named, p) for p in parts):
                continue  # (…收入合计…，年末结转和结余…。其中：…收入…: the balance named last is no whole of them)
            if any(_share_of_other_whole(base, p, named) for p in parts):
                continue  # (…结余97.80万元。其中A支出1,198.60万元，占项目支出的60.89%: a part of the whole its share names)
            if len(parts) >= 2 and len({p.unit for p in parts} | {total.unit}) == 2:
                yield CHECKED
                hit = odd_part_slip(named, parts, "同一句")
                if hit is not None:
                    yield hit
                    continue
                # (no unit slip explains them: parts in another unit than the whole, 12.35亿元 over
                # 8.76亿元 and 36,900万元, are summed in one unit as any, below)
            # (a declared sum's parts under a whole naming nothing in the sentence before, 部门预算累计
            # 执行…。其中，基本支出执行…: no declared check reads that whole, check_unnamed_totals
            # its own sentence only; read here as any 其中 list, when they are parts of one sum)
            unread = total.concept is None and sentence != total.sentence and _parts_of_one_sum(parts)
            if direct and (len(parts) == 1 or not _declared_list(total, parts, base) or unread):
                # a 其中 list of things the vocabulary does not know may leave some out, but its
                # items cannot add up to more than the whole (an item's own 其中 parts left out);
                # over the sentences ； joins only a misprinted unit that makes the sum hold is told
                slip = misprinted_unit_part(named, parts, "同一句") if total.unit == "万元" and len(parts) >= 2 else None
                if slip is not None:
                    yield CHECKED
                    yield slip
                    continue
                # (a list opening its own sentence goes on over the clauses ； joins to it; one opened
                # in the whole's sentence ends with it: after its ； may stand the whole's sibling)
                later = [p for p in parts if p.sentence > sentence] if sentence != total.sentence else []
                parts = [p for p in parts if p.sentence == sentence]
                nested = nested_lists(text, direct.end(), cues)
                # (a list in brackets ends with them: 公用经费130.00万元（其中三公经费18.46万元）、项目支出…)
                end = closing_bracket(text, direct.end()) if "（" in direct.group() or "(" in direct.group() \
                    else len(text)
                sums = {compact(w) for w in rule.params["trailing_sum_words"]}
                openers = tuple(rule.params["sum_openers"])
                shares = tuple(rule.params["share_openers"])
                compared = tuple(rule.params["comparison_openers"])
                # (an amount in brackets after an item is a part of that item: 项目支出1,884.30万元（含
                # 财政项目资金1,827.70万元）)
                depth = bracket_depth(text)
                level = depth(direct.end())
                def plain(p: Fact, text: str) -> bool:
                    # (points of a whole that names its measure, 共扣1.5分: only points of that measure;
                    # 得8.5分 after its 其中 list is the score, no item of the points off)
                    return p.period == total.period \
                        and (p.measure == total.measure or p.implicit and not (p.unit == "分" and not total.implicit)) \
                        and not sum_words(p.label, sums) \
                        and not compact(p.label).lstrip("，,；;、").startswith(openers + compared) \
                        and not (compact(p.label).lstrip("，,；;、").startswith(shares)
                                 and SHARE_AFTER_RE.match(text, p.at + len(p.text)))

                items = [p for p in parts if p.at < end and not any(lo < p.at < hi for lo, hi in nested)
                         and depth(p.at) == level and plain(p, text)]
                listed = enumerated_by_commas(text, items)
                if len(listed) == len(items) and level == 0 and end == len(text):
                    listed += _items_joined(base, later, plain, (*lexicon().list_openers, *cues))
                items = listed
                paired = pairs_of_measures(items, total)
                pair_complete = False
                if paired is not None:
                    # (…A 3,000.00万元，支出2,850.00万元；B…，支出…: the items' figures of the whole's measure;
                    # the others of the other whole the sentence before states, 到位… and 支出…)
                    other = other_pair_side(base, total, items, paired)
                    if other is not None:
                        # (the list is complete where either side makes its whole: the other side must
                        # then too; where neither does, the list may leave items out, only a sum above
                        # its whole is wrong)
                        other_hits = [h for h in compare_listing(other[0], other[1], False, rule) if isinstance(h, Hit)]
                        own_exact = not any(isinstance(h, Hit) for h in compare_listing(named, paired, False, rule))
                        pair_complete = not other_hits
                        yield CHECKED
                        yield from other_hits if own_exact or pair_complete else compare_listing(other[0], other[1], True, rule)
                    items = paired
                if len(items) >= 2 and nested_kinds(items):
                    continue  # (…授予中小企业…；授予小微企业…: the one holds the other)
                if len(items) >= 2:
                    yield CHECKED
                    # (a whole naming nothing whose list names every part of a declared sum, 全年执行数
                    # …。其中：基本支出…，项目支出…: the list is complete, its sum the whole)
                    # (a whole counting its items, 三个项目支出…，其中…: a list of that many is all of them)
                    complete = pair_complete or _all_counted(base, total, items) \
                        or unread and _completes_declared_sum(items) and _whole_of_list(base, total, items, rule)
                    yield from compare_listing(named, items, not complete, rule)
                elif items and money_amount(total) and money_amount(items[0]) \
                        and not any(w in items[0].label for w in rule.params["other_measure_words"]):
                    # one part named after 其中 (授予中小企业合同金额…，其中：授予小微企业合同金额…):
                    # it cannot be more than the whole
                    yield CHECKED
                    part = items[0]
                    hit = part_exceeds(named, part, "同一句", f"{compact(part.label).lstrip('，,：:、')} {part.text}")
                    if hit is not None:
                        yield hit


def check_paired_lists(base: FactBase, rule):
    """A count and an amount (审计发现问题156个，涉及金额4.37亿元) followed by a 其中 list whose items
    each state a count and an amount side by side (其中：A 38个1.12亿元、B 21个0.56亿元…): two
    parallel lists, the counts the count's parts and the amounts the amount's. A 其中 list may
    leave items out, so a list's sum may only not exceed its whole, unless the other list adds up
    to its own whole: the items are then all of them, and both sums must meet their wholes."""
    opener = lexicon().list_opener
    for facts in base.by_block.values():
        for k in range(1, len(facts)):
            total, counted = facts[k], facts[k - 1]
            if total.source != "text" or not money_amount(total) or counted.sentence != total.sentence \
                    or not _counted_whole(counted):
                continue
            text = base.sentences.get((total.block, total.sentence), "")
            direct, first = opener_after(text, facts, k, opener)
            if not direct:
                continue
            counts, amounts = _pairs(text, facts, first, counted.unit)
            if len(counts) < 2:
                continue
            yield CHECKED
            amount_total = replace(total, concept=total.concept or compact(total.label).strip("，,：:（(") or "合计")
            # (an amount's label is its count's: the item's name stands before the count)
            amounts = [replace(a, label=c.label) for c, a in zip(counts, amounts)]
            money_hits = list(compare_sum(amount_total, amounts, "列举", rule))
            money_fits = all(h.cls == "rounding" for h in money_hits)
            counted_sum = sum((c.value for c in counts), Decimal(0))
            if counted_sum > counted.value or (money_fits and counted_sum != counted.value):
                yield _count_hit(counted, counts, counted_sum)
            exact = sum((a.in_yuan() for a in amounts), Decimal(0))
            if counted_sum == counted.value or exact > amount_total.in_yuan():
                yield from money_hits


def _all_counted(base: FactBase, total: Fact, items: list[Fact]) -> bool:
    """The whole's clause counts as many items as the list names (三个项目一共支出…，其中A、B、C): all of
    them. Counted by a noun (三个项目), items named as kinds of spending (设备购置, 差旅费: concepts.yaml
    spending_kind_words) are no such items: the list breaks the spending down otherwise, maybe in part."""
    counted = items_counted(base.sentences.get((total.block, total.sentence), ""), total)
    if counted is None or counted[0] != len(items):
        return False
    kinds = tuple(concepts().get("spending_kind_words") or ())
    return not (counted[1] and any(compact(p.label).endswith(kinds) for p in items))


def _counted_whole(f: Fact) -> bool:
    """A count of things stated in the text (问题156个), whole, no change or rate: the whole a list's
    counts may be of."""
    return f.source == "text" and not money_amount(f) and f.unit not in PAIR_NOT_COUNTS and f.places == 0 \
        and f.measure not in OWN_CLAUSE_MEASURES and f.value > 0


PAIR_NOT_COUNTS = ("", "%", "‰", "个百分点", "分")  # units of figures that are no counts of things


def _pairs(text: str, facts: list[Fact], first: int, unit: str) -> tuple[list[Fact], list[Fact]]:
    """The items of a list from facts[first] on that each state a count in `unit` with an amount
    right after it, nothing between (38个1.12亿元), up to the first item that does not."""
    counts: list[Fact] = []
    amounts: list[Fact] = []
    sentence = facts[first - 1].sentence
    for j in range(first, len(facts) - 1, 2):
        count, amount = facts[j], facts[j + 1]
        if count.sentence != sentence or amount.sentence != sentence or count.unit != unit \
                or not money_amount(amount) or amount.measure in OWN_CLAUSE_MEASURES \
                or text[count.at + len(count.text):amount.at].strip():
            break
        counts.append(count)
        amounts.append(amount)
    return counts, amounts


def _count_hit(whole: Fact, counts: list[Fact], counted: Decimal) -> Hit:
    """A count whose listed parts do not add up to it (counts are exact: no rounding)."""
    label = compact(whole.label).strip("，,：:（(") or "合计"
    listing = " + ".join(f"{item_label(c.label)} {c.text}" for c in counts)
    shown = f"{counted:f}{whole.unit}"
    return Hit(quote=whole.quote, location=whole.loc, stated=whole.text, expected=shown,
               formula=f"{label} = {listing} = {shown}（列举）",
               fields={"total_label": label, "total": whole.text, "sum": shown, "parts": listing,
                       "context": "列举", "verdict": "不符"},
               highlights=[c.loc for c in counts if c.loc != whole.loc])


def _items_joined(base: FactBase, later: list[Fact], plain, cues: tuple) -> list[Fact]:
    """The items of a list opening its own sentence in the clauses ； joins to it (`later`, their
    amounts): each clause's, up to one opening a list of its own (其中, 包括) or stating none, and
    outside brackets (an item's own parts)."""
    items: list[Fact] = []
    for sentence in sorted({p.sentence for p in later}):
        here = [p for p in later if p.sentence == sentence]
        text = base.sentences.get((here[0].block, sentence), "")
        if any(w in text for w in cues):
            break
        depth = bracket_depth(text)
        found = [p for p in here if depth(p.at) == 0 and plain(p, text)]
        listed = enumerated_by_commas(text, found)
        items += listed
        if not listed or len(listed) < len(found):
            break  # (the clause goes on with another thing: the list has ended)
    return items


def _parts_of_one_sum(parts: list[Fact]) -> bool:
    """The parts are each a different part of one declared sum (基本支出, 项目支出 of 本年支出; not
    收入 items beside a 结转 of the spending side, 收入、支出总计均为…。其中：…)."""
    named = {p.concept for p in parts}
    return len(named) == len(parts) and any(
        named <= names.keys() and len({names[n] for n in named}) == len(named)
        for calc in lexicon().calculations if not calc.get("fund") for names in [sum_part_names(calc)])


def _past_clause(parts: list[Fact]) -> list[Fact]:
    """The parts up to one of a thing no declared sum names after a ； (…，其中基本支出…、项目支出…；
    下属事务中心支出…: that clause is another unit's, no item of the list). The clauses ； joins are
    sentences of their own: a part in the next one is past a ；."""
    _, summed = declared_names()
    for k, part in enumerate(parts[1:], 1):
        if part.concept not in summed and part.sentence != parts[k - 1].sentence:
            return parts[:k]
    return parts


def _balance_side(total: Fact) -> str:
    """The side's own name of the balanced grand total (收支总计) as the text names it (支出总计,
    收入总计), for messages; "" for another concept."""
    if total.concept != (concepts().get("balance_identity") or {}).get("total"):
        return ""
    return balance_side(compact(total.label))[1]


def _whole_of_list(base: FactBase, total: Fact, items: list[Fact], rule) -> bool:
    """The whole is what the listed parts make up, and they are all of it: its words name its
    measure (全年执行数, 实际支出; not 可用资金, 收到的拨款: more than was spent), the parts name no
    fund it does not (财政拨款基本支出… are one fund's part of the whole), and no words after the
    last part tell of a rest (其余为代管资金)."""
    first, last = items[0], items[-1]
    rest = base.sentences.get((last.block, last.sentence), "")[last.at + len(last.text):]
    # (a fund named where the list opens, 其中财政拨款资金：…, is the parts')
    opened = lexicon().funds.last(compact(base.sentences.get((first.block, first.sentence), "")[:first.at]))
    return lexicon().measures.last(compact(total.label)) == last.measure \
        and all(p.fund == total.fund for p in items) and opened in (None, total.fund) \
        and not any(w in rest for w in rule.params["remainder_words"])


def _completes_declared_sum(parts: list[Fact]) -> bool:
    """The parts are each a different part of one declared sum and name all of its parts the sum
    cannot do without (基本支出 and 项目支出 of 本年支出; not 财政拨款收入 and 事业收入 of 本年收入's six)."""
    named = {p.concept for p in parts}
    for calc in lexicon().calculations:
        names = sum_part_names(calc)
        if calc.get("fund") or len(named) != len(parts) or not named <= names.keys():
            continue
        roles = {names[n] for n in named}
        if len(roles) == len(named) and set(calc["parts"]) <= roles:
            return True
    return False


def _declared_list(total: Fact, parts: list[Fact], base: FactBase) -> bool:
    """The list names things of a sum the vocabulary declares (本年支出 = 基本支出 + 项目支出): the
    declared checks judge it. A list of things no declared sum names (债务余额, 其中一般债务…、专项
    债务…: concepts learned from a table's rows) is a 其中 list like any."""
    if any(p.concept is None for p in parts):
        return False
    # (a list of known things, nested or not, 其中基本支出…，人员经费…，公用经费…, is the declared
    # checks' to judge: only one of things no declared sum names is read here)
    totals, summed = declared_names()
    if not (total.concept in totals or any(p.concept in summed for p in parts)):
        return False
    # (parts of one declared sum under another declared total whose own sums do not break it down
    # into them, 支出总计…，其中基本支出…、项目支出…: a 其中 list like any, its items not above the
    # whole; not where the whole's sentence states the total they do make, 政府采购支出…，占本年支出
    # 合计…的80%。其中：基本支出…: the declared checks judge the list as that total's)
    return total.concept not in totals or not _parts_of_one_sum(parts) or any(
        _judged_by(f, parts) for f in base.by_sentence.get((total.block, total.sentence), (total,)))


def _judged_by(total: Fact, parts: list[Fact]) -> bool:
    """A declared sum of the total's (a fund's own included) names every part listed."""
    named = {p.concept for p in parts}
    return any(calc["total"] == total.concept and named <= sum_part_names(calc).keys()
               for calc in lexicon().calculations)


def _list_opens(base: FactBase, block: int, sentence: int, after: list[Fact]) -> bool:
    """Whether a list opener (其中) stands in the sentence before its first figure."""
    first = next((f for f in after if f.sentence == sentence), None)
    text = base.sentences.get((block, sentence), "")
    return first is not None and (any(w in text[:first.at] for w in lexicon().list_openers)
                                  or lexicon().part_list_head.match(text) is not None)  # (累计支出中，…)


def _share_of_other_whole(base: FactBase, part: Fact, whole: Fact) -> bool:
    """The part's share right after it names its whole (占项目支出的60.89%), and that whole is not the
    amount taken for the list's: the part is of the whole its share names."""
    share = share_of(list(base.by_sentence.get((part.block, part.sentence), ())), part)
    return share is not None and bool(share.base) and share.base != whole.concept \
        and share.base not in compact(whole.label or "")


def _joined(base: FactBase, total: Fact) -> set[int]:
    """The total's sentence and those ； joins to it after it (其中A…，主要为…；B…), up to one setting
    its amount beside them (…；另发行再融资债券…: concepts.yaml apart_words)."""
    out, index = {total.sentence}, total.sentence
    while base.sentences.get((total.block, index), "").rstrip().endswith(("；", ";")) and len(out) < 8:
        index += 1
        if (total.block, index) not in base.sentences \
                or base.sentences[(total.block, index)].lstrip().startswith(apart_words()):
            break
        out.add(index)
    return out


def _listed_parts(after: list[Fact], total: Fact, base: FactBase | None = None) -> list[Fact]:
    """The amounts of the total's sentence listed after it, of its measure, up to the first
    that names no concept or is a change; the list goes on over sentences joined by ；
    (其中：基本支出…，主要用于…；项目支出…)."""
    parts = []
    sentence = total.sentence
    for f in after:
        if f.sentence == sentence + 1 and base is not None \
                and base.sentences.get((f.block, sentence), "").rstrip().endswith(("；", ";")):
            sentence += 1
        if f.sentence != sentence or not money_amount(f) or f.measure == "变动额" or f.concept is None or share_base(f):
            break
        if f.measure != total.measure or f.period != total.period:
            break
        parts.append(f)
    return parts


def _cut_short(rest: list[Fact], parts: list[Fact]) -> bool:
    """The listed parts stopped at an amount of theirs that names no concept (其中，人员经费…，公用经费…，
    专项经费…: 专项经费 unknown), not at the list's end: what they add up to is not the total's sum."""
    if not parts or not rest:
        return False
    following, last = rest[0], parts[-1]
    return (following.sentence == last.sentence and following.concept is None and money_amount(following)
            and following.measure == last.measure and following.period == last.period)
