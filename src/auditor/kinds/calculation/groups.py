"""Contexts `sentence` and `table` of kind `calculation`: a declared sum's total and parts stated
in one sentence (with the sentences its list goes on over) or in one table column; the parts
checked are one per part name, and items the sum's names do not know may complete it."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...facts.base import Fact, FactBase
from ...facts.base.model import CURRENT
from ...facts.base.words import names_other_period, share_whole_named
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ..base import CHECKED, SUBROW_RE
from .parts import sum_part_names, declared_names, money_amount, of_fund
from .compare import compare_sum, judge_with_unknown
from .listing import bracket_depth, BRACKET_RE


def opens_list(base: FactBase, key: tuple[int, int], facts: list[Fact], total: str, rule) -> bool:
    """The total's own clause opens a list of parts after it (其中, or an enumeration cue: 包括,
    分别为, 主要用于 …): only then do the clauses after a ； go on with its parts."""
    first = next((f for f in facts if f.concept == total), None)
    text = base.sentences.get(key, "")
    markers = [*lexicon().list_openers, *rule.params["enumeration_cues"], *rule.params["partial_cues"]]
    if first is None or _base_of_share(first, facts):
        return False  # (…，占本年支出合计…的80.00%。其中：…: the list of the share's amount)
    if any(w in text[first.at:] for w in markers):
        return True
    # the next sentence may open it (“…决算为12.46万元。其中：…”; see FactBase.clause_runs), unless
    # the total's own sentence already broke it down (…12.46万元，其中财政拨款10.00万元。其中：… is
    # the list of that part)
    return base.opens_list(base.sentence_after(key)) and not listed_here(facts, total)


MONTH_RE = re.compile(r"(?<!\d)\d{1,2}\s*(?:[-—－~～至到]\s*\d{1,2}\s*)?月")


def parts_sentence_after(base: FactBase, key: tuple[int, int], facts: list[Fact], total: str,
                          names: dict[str, str]) -> list[Fact]:
    """The next sentence's facts when it states amounts of the total's parts only, two or more,
    and the total's own sentence states nothing else (“三公”经费支出7.64万元。A、B、C分别为…): what
    it breaks down is the total its names are the parts of, whatever word opens it."""
    first = next((f for f in facts if f.concept == total), None)
    if first is None or listed_here(facts, total) or _base_of_share(first, facts):
        return []
    nxt = base.sentence_after(key)  # (its paragraph's next, or the next paragraph's opening 其中…)
    after = base.by_sentence.get(nxt, [])
    money = [f for f in after if f.is_money and f.measure != "变动额"]
    if len({f.concept for f in money}) < 2 or any(f.concept not in names or f.period != first.period
                                                  or f.measure != first.measure for f in money):
        return []
    # (2023年…分别为, 上年…分别为, 预算分别为: the parts of another year or measure, however read)
    lead = base.sentences.get(nxt, "")[:money[0].at]
    lex = lexicon()
    # (the total's own year may be said again: 2024年…7.64万元。2024年A、B、C分别为…)
    own_year = base.year if first.period == CURRENT else None
    # (…of a part of the year, 上半年, 1-6月: no breakdown of the year's total)
    if names_other_period(lead, own_year, lex) \
            or lex.partial_period.search(lead) or MONTH_RE.search(lead) \
            or any(m != first.measure for *_, m in lex.measures.all(lead)):
        return []
    return after


def _base_of_share(total: Fact, facts: list[Fact]) -> bool:
    """The total is stated as the base of a share of an amount before it (…支出2,400.00万元，占本年
    支出合计3,000.00万元的80.00%): the sentence is that amount's, a list after it breaks that down."""
    return _share_base(total) and any(f.is_money and f.at < total.at for f in facts)


def _share_base(f: Fact) -> bool:
    """The figure is stated as the base of a share (占本年支出合计3,000.00万元的…)."""
    return share_whole_named(compact(f.label)) is not None


def listed_here(facts: list[Fact], total: str) -> bool:
    """Whether the total's own sentence goes on with amounts of other things after it (not its own
    change: 38.64万元，比上年减少4.26万元, nor the base of its share): its list has begun there."""
    first = next((f for f in facts if f.concept == total), None)
    return first is not None and any(f.is_money and f.at > first.at and f.concept != total
                                     and f.measure != "变动额" and not _share_base(f) for f in facts)


def continuation(base: FactBase, rest: list[tuple[tuple[int, int], list[Fact]]], total: str,
                  names: dict[str, str], listed: bool) -> list[Fact]:
    """The facts of the clauses after a total's own, up to the clause stating that concept again
    (“收入总计 …，其中 …；支出总计 …，其中 …”: the second list is the second total's) or one
    whose first amount is no part of it (the list has ended). After a list begun in the total's
    own sentence (`listed`), a sentence opening with 其中 breaks down that list's last item."""
    out: list[Fact] = []
    for key, facts in rest:
        if listed and key[1] > 0 and base.opens_list(key) \
                and not base.sentences.get((key[0], key[1] - 1), "").rstrip().endswith(("；", ";")):
            break
        first = next((f for f in facts if f.is_money), None)
        if any(f.concept == total for f in facts):
            break
        if first is not None and first.concept not in names and not _unknown_item(base, key, first, out):
            break
        out.extend(facts)
    return out


def _unknown_item(base: FactBase, key: tuple[int, int], first: Fact, listed: list[Fact]) -> bool:
    """A clause going on with an amount of a thing the vocabulary does not know, after the list's
    parts (其中：人员经费…；公用经费…；资本性支出38.90万元): one more item of the list, which
    _unnamed_items weighs, not the list's end. A change, or a clause opening a list of its own, is none."""
    return first.concept is None and money_amount(first) and bool(listed) and not base.opens_list(key)


def wider_siblings(calc: dict) -> dict[str, str]:
    """The names of the other items of each declared sum the total is an item of (上年结转 beside
    本年收入 in 收支总计): a list of the total's parts may go on with one (see _wider_items)."""
    out: dict[str, str] = {}
    for wider in lexicon().calculations:
        names = sum_part_names(wider)
        if calc["total"] in names and not wider.get("fund"):
            out.update({n: part for n, part in names.items() if part != names[calc["total"]]})
    return out


def table_columns(facts: list[Fact]) -> list[list[Fact]]:
    """A table's facts by column (and column member), in the order the table states them."""
    by_column: dict[tuple, list[Fact]] = {}
    for f in facts:
        by_column.setdefault((f.loc.col, f.header, f.member), []).append(f)
    return list(by_column.values())


def added_onto(base, key: tuple[int, int]) -> Fact | None:
    """The amount a sentence opening with an addend word adds to (收入4,826.40万元。加上级补助收入…、
    上年结转…，收入总计…): the last amount of the sentence before, an item of the list it opens."""
    text = base.sentences.get(key, "")
    if not lexicon().addend.match(text) or key[1] == 0:
        return None
    before = [f for f in base.by_sentence.get((key[0], key[1] - 1), ()) if money_amount(f) and f.measure != "变动额"]
    return before[-1] if before else None


def _other_measure_adds_up(facts, total: Fact, parts: list[Fact], rule) -> bool:
    """The same thing's amount of the period under another measure stated beside the total adds up
    from the parts (“三公”经费支出决算为28.64万元，年初预算为35.00万元。其中：…0、22.40、6.24): the
    list may be of that one, its parts read in the measure of the amount the sentence ended on."""
    # (stated before the total in its own right: not a base the total is compared with after it,
    # 比年初预算28.64万元增加…)
    others = [f for f in facts if f.concept == total.concept and f.period == total.period and f.id < total.id
              and f.measure != total.measure and money_amount(f) and not f.comparator]
    return any(all(h.cls == "rounding" for h in compare_sum(other, parts, "同一句", rule)) for other in others)


def check_group(facts, calc, names, context, rule, complete, checked=None, blank=frozenset(), text="", carried=None,
                base: FactBase | None = None):
    """`carried`: the amount of the sentence before that a sentence opening with 加 adds to (added_onto);
    `base`: the document's facts, for the parts a sentence's list leaves to other statements."""
    totals = [f for f in facts if f.concept == calc["total"] and money_amount(f)]
    for total in totals:
        parts = [f for f in facts if f.concept in names and money_amount(f) and f.measure == total.measure
                 and f.period == total.period and f.subject == total.subject and f is not total
                 and of_fund(f, calc)]
        parts = _one_per_part(parts, names)
        # (in a sentence, parts of one part only — 人员经费、公用经费 of 本年支出 — leave the rest unsaid)
        if not parts or (len({names[p.concept] for p in parts}) < 2 and len(calc["parts"]) > 1 and context == "同一句"):
            continue
        stated = {names[p.concept] for p in parts} | set(blank)  # a blank part row stands for 0
        if context == "同一表列" and len(calc["parts"]) <= 3 and len(stated & set(calc["parts"])) < len(calc["parts"]):
            continue  # a short list of parts is always printed whole; a missing row is a reading gap
        unnamed = _unnamed_items(facts, total, parts, text, carried) if context == "同一句" else []
        if context == "同一表列":
            parts = parts + _numbered_siblings(facts, total, parts)
            unnamed, nested = _unnamed_rows(facts, total, parts)
            second = _second_readings(facts, total, parts)
            # (the rows after a part's 其中 row may be items of the list as well as the part's parts:
            # 财政拨款收入 | 其中：项目支出补助 | 科教收入 | 其他收入; the sum holding with them is that reading)
            if any(extra and all(h.cls == "rounding" for h in compare_sum(total, parts + unnamed + extra, context, rule))
                   for extra in (second, nested)):
                if checked is not None:
                    checked.append(total)
                yield CHECKED
                continue  # (科研事业收入 after 事业收入's 其中 row: an item of its own, the sum holding with it,
                # within its rounding tail too, which the column's own sum tells: SUM005)
            if nested and _nearer(total, parts + unnamed + nested, parts + unnamed):
                unnamed = unnamed + nested  # (neither holds: the sum told is the reading nearer the total)
        if checked is not None:
            checked.append(total)
        yield CHECKED
        if context == "同一句" and _other_measure_adds_up(facts, total, parts, rule):
            continue
        wider = _wider_items(facts, total, parts, calc, text) if context == "同一句" and text \
            else _wider_rows(facts, total, parts, calc) if context == "同一表列" else None
        holds = (wider is not None or unnamed) and not list(compare_sum(total, parts + unnamed, context, rule))
        if wider is not None and holds:
            continue  # (the list adds up to the total as stated: 本年收入合计 is its parts, the carry-over beside it)
        if wider is not None:
            # “收入预算总额1,804.00万元，其中：…其他收入20.00万元，上年结转45.20万元”: a list naming
            # an item of a sum the total is itself a part of is of that wider sum, every item counted
            whole, extra = wider
            yield from compare_sum(replace(total, concept=whole), parts + unnamed + extra, context, rule)
            continue
        some = len({names.get(p.concept) for p in parts} - {None}) < len(calc["parts"])  # (not every declared part named)
        if context == "同一句" and (text and _opened_partly(text, total, parts, rule) or some and _shares_short(facts, parts)) \
                and sum((p.in_yuan() for p in parts), Decimal(0)) <= total.in_yuan():
            # (本年支出…，主要包括基本支出…、项目支出…: some of the parts, only a sum above it is wrong;
            # so too some of the declared parts whose shares of it, each stated, add up to less than 100%)
            continue
        if context == "同一句" and any(_share_base(b) and b.is_money and b.period == total.period
                                      and all(h.cls == "rounding" for h in compare_sum(b, parts, context, rule))
                                      for b in facts):
            continue  # (…2,400.00万元，占本年支出合计3,000.00万元的80.00%。其中：…: parts making the share's base are its)
        if base is not None and completed_elsewhere(base, total, parts, names, context, rule):
            continue
        if unnamed:
            yield from judge_with_unknown(total, parts, unnamed, context, rule)
            continue
        yield from compare_sum(total, parts, context, rule)


def completed_elsewhere(base: FactBase, total: Fact, parts: list[Fact], names: dict[str, str], context: str,
                         rule) -> bool:
    """A sentence's list leaving out parts of the declared sum that the document states elsewhere for
    the total's period, measure, subject and fund, not zero, one value wherever stated (其中财政拨款收入…；
    事业收入… where a table states 其他收入 33,000.00): the list names some of the parts, and adds up
    with those stated elsewhere."""
    listed = {names[p.concept] for p in parts}
    # (a part listed by one of its alternatives only, 一般公共预算财政拨款收入 for 财政拨款收入: its other
    # alternatives of a fund of their own, 政府性基金预算财政拨款收入 stated by a table, are items the list
    # leaves out as well, each its own; not the group's own name, 财政拨款, the whole of them)
    # (so too a part listed by one of its own declared parts only, 公务用车购置费 for 公务用车购置及运行维护费:
    # its other parts, 公务用车运行维护费 stated by a table, are items the list leaves out)
    by_alternative = listed - {p.concept for p in parts}
    said, fund_of = {p.concept for p in parts}, lexicon().fund_of
    own_parts = {calc["total"]: set(calc["parts"]) for calc in lexicon().calculations
                 if calc["total"] in by_alternative and not calc.get("fund")}
    # (the parts stated for a fund whose statement of the total is this total's value, the 财政拨款“三公”
    # 经费支出决算表's 合计 66.69 beside the text's 三公经费 66.69 naming no fund: the same money's parts)
    funds = {total.fund} | {f.fund for f in base.by_concept.get(total.concept, ()) if f.value == total.value
                            and f.period == total.period and f.measure == total.measure and f.subject == total.subject}
    rest: dict[str, list[Fact]] = {}
    for concept, part in names.items():
        sibling = part in by_alternative and concept != part and concept not in said \
            and (concept in fund_of or concept in own_parts.get(part, ()))
        if part in listed and not sibling:
            continue
        rest.setdefault(concept if sibling else part, []).extend(
            f for f in base.by_concept.get(concept, ()) if f.value and money_amount(f) and f is not total
            and f.period == total.period and f.measure == total.measure and f.subject == total.subject
            and f.fund in funds)
    rest = {part: found for part, found in rest.items() if found}
    if not rest:
        return False
    # (one reading each: the first statement of every part left out; a part stated with several values,
    # 300 in a table and 320 in the text, is read with each in turn, FCT001 telling the two apart)
    readings = [[found[0] for found in rest.values()]]
    if len(rest) == 1:
        readings = [[f] for f in next(iter(rest.values()))]
    return any(all(h.cls == "rounding" for h in compare_sum(total, parts + reading, context, rule)) for reading in readings)


def _shares_short(facts: list[Fact], parts: list[Fact]) -> bool:
    """Each part is followed by its share of the whole (财政拨款收入654.32万元，占56.62%；事业收入…，
    占37.39%) and the shares add up to less than 100% beyond their printed precision: the list says
    it leaves parts out."""
    stated = stated_shares(facts, parts)
    return stated is not None and sum(f.value for f in stated) + sum(f.half_unit for f in stated) < 100


def shares_whole(facts: list[Fact], parts: list[Fact], total: Fact) -> bool:
    """Each part is followed by its share of the total and the shares add up to 100% within their
    printed precision (基本支出…，占49.39%；项目支出…，占50.61%): the list names every part, whatever
    word opens it (其中). Not shares naming another whole (…，占项目支出的60%)."""
    stated = stated_shares(facts, parts)
    if stated is None or any(f.base not in (None, total.concept) for f in stated):
        return False
    slack = sum(f.half_unit for f in stated)
    return abs(sum(f.value for f in stated) - 100) <= slack


def nested_kinds(parts: list[Fact]) -> bool:
    """Two of the items name a kind and a kind within it (授予中小企业合同金额…；授予小微企业合同金额…:
    concepts.yaml nested_kinds): the one holds the other, no items of one sum."""
    labels = [compact(p.label) for p in parts]
    return any(any(outer in a for a in labels) and any(inner in b and outer not in b for b in labels for inner in inners)
               for outer, inners in (concepts().get("nested_kinds") or {}).items())


def stated_shares(facts: list[Fact], parts: list[Fact]) -> list[Fact] | None:
    """The share of the whole stated right after each part, two parts or more; None where one has none."""
    stated = [share_of(facts, p) for p in parts]
    return None if len(parts) < 2 or any(f is None for f in stated) else stated


def share_of(facts: list[Fact], part: Fact) -> Fact | None:
    """The share stated right after the part among `facts`: taken in turn, or the part's own concept's
    right after it in its sentence."""
    return next((f for f in facts if f.measure == "占比" and f.unit == "%" and (f.of == part.id or (
        f.of < 0 and f.concept == part.concept and (f.block, f.sentence) == (part.block, part.sentence)
        and f.at > part.at))), None)


def _opened_partly(text: str, total: Fact, parts: list[Fact], rule) -> bool:
    """A word of a list that may leave parts out (主要包括, 主要是) between the total and its first part."""
    first = min((p.at for p in parts if p.at > total.at), default=None)
    if first is None:
        return False
    between = text[total.at + len(total.text):first]
    for opener in lexicon().list_openers:  # (其中： opens the parts, its 中： no partial list's)
        between = between.replace(opener, "")
    # (a clause telling why the total changed, 比上年增加…，主要是…项目支出增加，…具体如下：, opens no list)
    return any(w in clause for clause in PARTIAL_CLAUSE_RE.split(between) for w in rule.params["partial_cues"]
               if not lexicon().directions.all(compact(clause)))


PARTIAL_CLAUSE_RE = re.compile(r"[，,；;]")


def _wider_items(facts: list[Fact], total: Fact, parts: list[Fact], calc: dict,
                 text: str) -> tuple[str, list[Fact]] | None:
    """(the wider sum's name, the items of it) when the 其中 list right after the total names, among
    the total's parts and outside brackets, an item of a declared sum the total's concept is a part
    of (收支总计 = 本年收入 + 年初结转和结余: a 上年结转 listed with 本年收入's parts). Not where that
    wider sum is stated in the sentence (收入总计X，其中：本年收入Y（…），年初结转和结余Z: Y's own list
    is in brackets, Z is X's item)."""
    # (a list carried on past its total's sentence, 。其中：A；B；C, is the whole run of them: the
    # facts given are that run, read as the total's list by the caller)
    spread = any((p.block, p.sentence) != (total.block, total.sentence) for p in parts)
    if total.sentence is None or not (spread or lexicon().list_opener.match(text, total.at + len(total.text))):
        return None
    depth = bracket_depth(text)
    if any(depth(p.at) != depth(total.at) for p in parts if p.sentence == total.sentence):
        return None  # (基本支出X（其中人员经费…），项目支出Y: the bracket lists X's parts, Y is X's sibling)
    for wider in lexicon().calculations:
        if any(f.concept == wider["total"] and (f.sentence == total.sentence or spread) for f in facts):
            continue  # (the wider sum stated in the list's run of sentences: the carry-over is its item)
        names = sum_part_names(wider)
        if calc["total"] not in names or wider.get("fund"):
            continue
        siblings = {n for n, part in names.items() if part != names[calc["total"]]}
        # (in the total's own sentence, where the list is: a carry-over stated after a ； is a
        # statement of its own; in the run of a list carried on past it, an item)
        extra = [f for f in facts if f.id > total.id and f.block == total.block
                 and (f.sentence == total.sentence and depth(f.at) == depth(total.at) or spread and f.sentence != total.sentence)
                 and f.concept in siblings and money_amount(f)
                 and f.period == total.period and f.measure == total.measure and f.subject == total.subject]
        if extra:
            return wider["total"], extra
    return None


def _wider_rows(column: list[Fact], total: Fact, parts: list[Fact], calc: dict) -> tuple[str, list[Fact]] | None:
    """(the wider sum's name, its items) when a table column's rows between the total's parts and
    the total hold an item of a declared sum the total's concept is a part of (财政拨款收入 | 上年结转
    | 收入合计: the 收入合计 of such a column counts the carry-over, as 收支总计 = 本年收入 + 年初结转和
    结余 does), the wider sum stated nowhere in the column: the rows are that wider sum's items."""
    rows = [p.loc.row for p in parts if p.loc.row is not None]
    if total.loc.row is None or not rows:
        return None
    low, high = min(rows + [total.loc.row]), max(rows + [total.loc.row])
    for wider in lexicon().calculations:
        names = sum_part_names(wider)
        if calc["total"] not in names or wider.get("fund") or any(f.concept == wider["total"] for f in column):
            continue
        siblings = {n for n, part in names.items() if part != names[calc["total"]]}
        extra = [f for f in column if f.loc.row is not None and low < f.loc.row < high and f.concept in siblings
                 and f not in parts and money_amount(f) and f.measure == total.measure and f.period == total.period]
        if extra:
            return wider["total"], extra
    return None


def _numbered_siblings(column: list[Fact], total: Fact, parts: list[Fact]) -> list[Fact]:
    """Rows above a table's total numbered in the same series as its parts but no part of the
    identity (一、一般公共预算拨款收入 | 二、政府性基金… | 三、上年结转 | 收入合计: a budget's 收入合计
    counts the carry-over too): items of the list the total sums."""
    from ...ingest.build import numbering_of

    styles = {n[1] for n in (numbering_of(p.label.strip()) for p in parts) if n}
    if len(styles) != 1:
        return []
    # between the first part and the total (or, the total printed first, between it and the last
    # part): a list beyond them (the income side above the expense side in one column) is another
    rows = [p.loc.row for p in parts]
    low, high = (min(rows), total.loc.row) if total.loc.row > max(rows) else (total.loc.row, max(rows))
    found = [f for f in column if f not in parts and f is not total and low < f.loc.row < high
             and money_amount(f) and f.measure == total.measure and (n := numbering_of(f.label.strip())) and n[1] in styles]
    # (a row whose own 其中 parts follow it among the parts is told by them: 1、公务用车购置及运行维护
    # (费 wrapped away) over 其中：公务用车购置费 …)
    below = sorted((f for f in column if f.measure == total.measure), key=lambda f: f.loc.row)
    return [f for f in found if not any(g.loc.row > f.loc.row and g in parts and g.label.lstrip().startswith("其中")
                                        for g in below[below.index(f) + 1:below.index(f) + 2])]


def _unnamed_items(facts: list[Fact], total: Fact, parts: list[Fact], text: str = "",
                   carried: Fact | None = None) -> list[Fact]:
    """Amounts naming no concept listed among a total's parts in its sentence: after the total and
    before the last part, or right after the last part in its sentence; where the total closes
    the list (本级收入…，加上级补助收入…、调入资金…，收入总计…), any before it in its sentence. Parts
    in brackets end with them (医疗收入…（门诊收入…，住院收入…），科教收入…: the amount after the
    bracket is the total's sibling). The amount a sentence opening with 加 adds to (`carried`) is an
    item where the total closes the list."""
    last = max(parts, key=lambda p: p.id)

    def listed(f: Fact) -> bool:
        if total.id > last.id:
            return ((f.block, f.sentence) == (total.block, total.sentence) or f is carried) and f.id < total.id
        if f.id == last.id + 1:
            # (in the last part's sentence, or the clause after it that the list's run goes on into:
            # the facts given are the run's, see continuation)
            return f.block == last.block and f.sentence is not None and last.sentence is not None \
                and f.sentence - last.sentence in (0, 1)
        return total.id < f.id < last.id

    # (a name no declared sum knows, 债务转贷收入 or 调入资金 read off a table's rows, is an item the
    # identity does not know as much as a name the vocabulary lacks)
    summed = declared_names()[1]
    found = [f for f in facts if f is not total and (f.concept is None or f.concept not in summed) and money_amount(f)
             and f.source == "text" and f.period == total.period and listed(f)]
    here = (total.block, total.sentence)
    if not found or not text or BRACKET_RE.search(text) is None or (last.block, last.sentence) != here:
        return found
    depth = bracket_depth(text)
    inside = depth(last.at)
    return found if inside <= depth(total.at) else \
        [f for f in found if (f.block, f.sentence) == here and depth(f.at) == inside]


def _nearer(total: Fact, these: list[Fact], those: list[Fact]) -> bool:
    """The sum of `these` is nearer the total than the sum of `those`."""
    def gap(items: list[Fact]) -> Decimal:
        return abs(total.in_yuan() - sum((f.in_yuan() for f in items), Decimal(0)))
    return gap(these) < gap(those)


def _unnamed_rows(column: list[Fact], total: Fact, parts: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """(rows, nested): rows of a table column between the total's row and its parts' (保险费收入, 利息收入
    between 本年收入 and 其他收入) naming none of the total's parts: items the vocabulary does not know,
    listed among the parts. A 其中 row is a part's part, not an item of the list; the rows of the
    same kind after it (`nested`) are read as the part's parts too, or, a second reading, as items."""
    rows = [p.loc.row for p in parts if p.loc.row is not None]
    if total.loc.row is None or not rows:
        return [], []
    low, high = min(rows + [total.loc.row]), max(rows + [total.loc.row])
    listed, known = {id(p) for p in parts}, concepts()["concepts"]
    unnamed, nested, in_sub, part, inside = [], [], False, None, None
    for f in sorted((f for f in column if f.loc.row is not None and low < f.loc.row < high),
                    key=lambda f: f.loc.row):
        if id(f) in listed:
            in_sub, part = False, f
        elif SUBROW_RE.match(f.label or "") and f.loc.row != total.loc.row + 1:
            in_sub, inside = True, [f]  # (a 其中 row and the rows after it, up to the next part, are a part's
            # parts; right under the total, 年度资金总额 | 其中：专项债券资金 | 财政拨款, it opens the total's own list)
        elif f.concept not in known and money_amount(f) and f.measure == total.measure \
                and f.period == total.period:
            if not in_sub:
                unnamed.append(f)  # (公务用车购置费 between 三公经费 and 公务接待费, known, is a part's part)
            elif not _complete(part, inside) and _complete(part, inside + [f]):
                inside.append(f)  # (乙类补助 100.00 closing 其中：甲类补助 300.00 under 400.00: the list's last item)
            else:
                # (a row the 其中 list's sum does not close, 科教收入 after 其中：项目支出补助 under 财政拨款收入,
                # or one after the list closed, may be an item of the total's list: read both ways)
                inside.append(f)
                nested.append(f)
    if total.loc.row == high:
        unnamed += _unnamed_above(column, total, low)
    return unnamed, nested


def _complete(part: Fact | None, inside: list[Fact]) -> bool:
    """The 其中 rows so far add up to their part, within the printed rounding of all of them."""
    if part is None:
        return False
    slack = part.half_unit + sum((f.half_unit for f in inside), Decimal(0))
    return abs(sum((f.value for f in inside), Decimal(0)) - part.value) <= slack


def _unnamed_above(column: list[Fact], total: Fact, first: int) -> list[Fact]:
    """Where the total's row closes the list (捐赠收入 | 政府补助收入 | 投资收益 | 其他收入 | 收入合计), the
    rows right above its first known part that name no concept the vocabulary knows, each with a
    figure of the total's measure and period in the column: items of the list too. The run stops at
    a row with no figure there (一、收入, a heading) or at one the vocabulary knows."""
    by_row = {f.loc.row: f for f in column if f.loc.row is not None}
    known, found = concepts()["concepts"], []
    row = first - 1
    while row in by_row:
        f = by_row[row]
        if f.concept in known or SUBROW_RE.match(f.label or "") or not money_amount(f) \
                or f.measure != total.measure or f.period != total.period:
            break
        found.append(f)
        row -= 1
    return found


def _second_readings(column: list[Fact], total: Fact, parts: list[Fact]) -> list[Fact]:
    """Rows of the column read as a part already chosen but stating another figure (事业收入 50.00
    and, after its 其中 row, 科研事业收入 20.00, both read as 事业收入): the vocabulary's name is only
    part of the second's, which may be an item of its own as well as the part's part; the sum holding
    with them is that reading, and one holding neither way is judged without them."""
    chosen = {p.concept: p for p in parts}
    return [f for f in column if f.concept in chosen and f is not chosen[f.concept] and f is not total
            and f.value != chosen[f.concept].value and money_amount(f) and f.measure == total.measure
            and f.period == total.period and f.subject == total.subject]


def _one_per_part(parts: list[Fact], names: dict[str, str]) -> list[Fact]:
    """One fact per part; members of an alternative group replace the group's own figure."""
    chosen: dict[str, list[Fact]] = {}
    for f in parts:
        chosen.setdefault(names[f.concept], []).append(f)
    out = []
    for group, facts in chosen.items():
        own = [f for f in facts if f.concept == group]
        members = [f for f in facts if f.concept != group]
        out.extend(own[:1] if own else _first_each(members))
    return out


def _first_each(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        if f.concept not in seen:
            seen.add(f.concept)
            out.append(f)
    return out
