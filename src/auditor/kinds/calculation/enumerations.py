"""Context `enumeration` of kind `calculation`: a total and the list of parts its cue opens
(complete: 包括, 由…组成; or partial: 其中), nested lists, a catch-all last item, and the sums
closing a list (…，合计2,560.00万元: trailing sums)."""
from __future__ import annotations

import os
import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ...facts.agreement import meets
from ...facts.base import Fact, FactBase
from ...facts.base.figures import part_names, per_unit
from ...facts.base.sentences import list_lead
from ...facts.base.vocabulary import ordinal_words
from ...facts.base.words import CLAUSE_BREAK_RE, YEAR_RE, respectively_words
from ...facts.lexicon import alternatives, lexicon, not_before
from ...facts.numbers import cn_to_int, count_word, unreadable_in
from ...facts.spans import SPAN_YEARS_RE
from ...facts.restated import CLAUSE_BREAKS, clause_start
from .groups import completed_elsewhere, nested_kinds, shares_whole
from ..table_sum.groups import outer_rows
from ...knowledge import compact, concepts, vocabulary_generation
from ..base import CHECKED, item_label
from .parts import money_amount, sum_part_names, kind_beside_balance
from .compare import adds_up, compare_listing, compare_sum
from .listing import pairs_of_measures, other_pair_side, apart_words, share_base, sum_words, counted_patterns, counted_sum, whole_before, bracket_depth, nested_lists
from .document import document_value


ITEM_BREAKS = CLAUSE_BREAKS + "、"  # what ends a list item's own words (see _item_named_as_change)

# names listed and counted before 分别 (中央、省、市、县四级资金): as many parts as the count says
COUNTED_NAMES_CHARS = 60  # the clause's last characters such a list is read in
COUNTED_NAMES_RE = re.compile(r"[、和及][^，,；;。]*?([一二两三四五六七八九十]|\d{1,2})\s*(?:级|项|类|个|部分)")


SAME_PERIODS_RE = re.compile(r"(?<!上年)(?<!去年)(?<!上年度)(?<!较)(?<!比)同期")  # (the years named before, each in turn: 同期…分别为…; not 上年同期)


def check_enumerations(doc, base: FactBase, rule, summed: frozenset | set = frozenset()):
    """A concept followed by 包括 / 分别为 and a list of amounts: the amounts add up to it. (A
    total a declared sum checked, `summed`, is compared again but not counted again.)"""
    cues = sorted(rule.params["enumeration_cues"] + rule.params["partial_cues"], key=len, reverse=True)
    # (most sentences hold no cue at all: one search of them all tells, before each is looked for in turn)
    any_cue = re.compile("|".join(map(re.escape, cues))) if cues else None
    enclosing = _enclosing_words(rule)  # (read once, not once per sentence)
    openers = lexicon().list_openers if rule.params["catch_all_words"] else ()
    for (block, index), facts in base.by_sentence.items():
        text = base.sentences[(block, index)]  # a paragraph's sentence, or a prose cell's
        # (an amount in brackets is a part of the item before it: …296.18万元（含上级补助60.00万元）)
        # (the depths are read only for a sentence a cue may open a list in: most hold none)
        depth = bracket_depth(text) if any_cue is not None and any_cue.search(text) else None
        cue = _first_cue(text, cues, depth) if depth is not None else None
        cue = cue or _enclosing_cue(text, *enclosing) or _opener_of_whole(text, openers)
        if cue is None:
            continue
        depth = depth or bracket_depth(text)
        word, at, end = cue  # (the list's items stand between at and end)
        if word.startswith(respectively_words()) and SAME_PERIODS_RE.search(text, 0, at):
            continue  # (2022年、2023年、2024年…；同期“三公”经费分别为…: the years' figures in turn, no parts)
        if word.startswith("分别") and (SPAN_YEARS_RE.search(text, 0, at) or len(YEAR_RE.findall(text, 0, at)) >= 2):
            continue  # (2022年至2024年，支出合计分别为A、B、C: each a year's figure, no part of a whole)
        if unreadable_in(text, at):
            continue  # a part that cannot be read leaves the sum unjudged (the number rule reports it)
        named = [f for f in facts if f.concept and f.at < at]
        head = _concept_before(base, text[:at])
        split = _amount_split_before(facts, text, at, rule)  # (the whole and how many pieces, or None)
        right_before = _amount_right_before(facts, text, at) or (split[0] if split else None)
        clause = CLAUSE_BREAK_RE.split(text[:at])[-1]
        # (中央、省、市、县四级资金分别为…: the whole's parts, counted; read in the clause's last words)
        named_tail = clause[-COUNTED_NAMES_CHARS:]
        counted = COUNTED_NAMES_RE.search(named_tail)
        if len({c for _, _, c in lexicon().concepts.all(compact(clause))}) >= 2 and not counted:
            continue  # 基本支出和项目支出分别为X和Y: names listed first, each its figure, no sum
        glossed = _glossed_amount(facts, text, at, rule) if head is not None else None
        since = max((f.at + len(f.text) for f in facts if f.at < at), default=0)  # (the words since the last figure)
        if glossed is None and head is not None and any(w in text[since:at] for w in rule.params["gloss_words"]):
            continue  # (…。本年支出全部为项目支出，其中：…: the list is of the amount glossed, stated before
            # under another name, not the document's 项目支出; which one, the words do not say)
        if glossed is not None:
            here, total = [glossed], glossed  # (…3,589.00万元，全部为项目支出，其中：…: that amount's list)
        elif head is not None:
            here = [f for f in named if f.concept == head and f.is_money and f.measure in ("决算", base.bare_measure)]
            total = here[-1] if here else document_value(base, head, base.bare_measure)
        else:
            # “项目支出共1,056.30万元，主要用于：A…、B…”: the amount the cue follows, whatever it names
            total = right_before
        if total is None and counted:
            # (…衔接资金6,842.00万元，中央、省、市、县四级资金分别为…: the amount the counted names follow)
            total = _amount_right_before(facts, text, at - len(clause))
        if total is None and head is None and _opens_on_cue(text, at):
            # (…全年预算数3,560万元。按资金来源划分：中央…: a sentence opening on its cue lists the
            # whole the sentence before ended on)
            total = whole_before(base, block, index, cues, partial=word in rule.params["partial_cues"])
        if total is None:
            continue
        # (an item naming no measure is of the total's: 全年预算680.00万元中，中央资金300.00万元、…)
        sums = {compact(w) for w in rule.params["trailing_sum_words"]}
        # (a closing 合计 / 两项合计 sums the items, and what follows a partial sum, 其余…, is an item)
        nested = nested_lists(text, at)
        parts = [f for f in facts if at < f.at < end and _list_item(f, total, depth, nested, sums, text)]
        if word in lexicon().list_openers and end == len(text) and text.rstrip().endswith(("；", ";")):
            # (其中：基本工资…、绩效工资…；办公费…、其他商品和服务支出…。: a list set apart by
            # semicolons goes on to the full stop)
            parts += _items_after(base, (block, index), total, sums, cues)
        if not parts and _closes_paragraph(base, block, index, text, at + len(word)):
            # (…项目共3个，资金合计480.00万元，分别是：\n1.A：预算160.00万元。\n2.B…: one item a numbered
            # paragraph, as many as the sentence counts)
            parts = _numbered_items_after(doc, base, block, total, _items_counted(facts, at, rule.params["list_count_units"]))
        paired = pairs_of_measures(parts, total)
        if paired is not None:
            parts = paired  # (…A 3,000.00万元，支出2,850.00万元；B…，支出…: each item's figure of the total's measure)
        if len(parts) >= 2 and total not in parts and all(kind_beside_balance(total, p) for p in parts):
            # (本年收入合计…，年末结转和结余…。其中：…收入…: the balance named last is no whole of them;
            # the amount before it naming their kind is)
            total = _kind_whole_before(base, total, parts)
        if total is None or len(parts) < 2 or total in parts:
            continue
        if head is not None and not here and any(f.at > parts[-1].at and sum_words(f.label, sums) for f in facts):
            continue  # (A、B、C三个项目支出分别为…，合计26.20万元: the list closes on its own sum, judged
            # by check_trailing_sums; the 项目支出 the document states elsewhere is no whole of it)
        if counted and count_word(counted.group(1)) != len(parts):
            continue  # (the names' count is not the figures': some other list)
        if split and total is split[0]:
            # (分三批拨付，分别为A、B和C，累计到位…: the pieces are the first as many as the clause counts)
            parts = parts[:split[1]]
            if len(parts) != split[1] or CLAUSE_BREAK_RE.search(text, at, parts[0].at):
                # (…分3个阶段实施，分别为前期准备、工程建设和竣工验收，三个阶段分别支出…: the pieces
                # named first, what each spent another clause's, not the amount split)
                continue
        if counted:
            # each part named by its name in the list (中央 4,620.00万元, 省 1,486.00万元 …)
            parts = _named_by(parts, named_tail[:counted.start(1)])
        if word in lexicon().list_openers and not _catch_all(parts[-1], rule) and not shares_whole(
                [f for key in sorted({(p.block, p.sentence) for p in parts}) for f in base.by_sentence.get(key, ())], parts, total):
            # a 其中 list may name some parts only, unless its last item is the rest (其他…) or the
            # parts' shares make the whole (…，占49.39%；…，占50.61%)
            continue
        if word in lexicon().list_openers and (_completed_by_declared_parts(base, total, parts, rule)
                                               or _completed_by_table_column(doc, base, total, parts, rule)):
            # (…，其中一般公共预算财政拨款收入…、事业收入…、其他收入… where a table states the
            # 政府性基金预算财政拨款收入 it leaves out: 其他收入, a part of 本年收入's declared sum,
            # is no rest of all; the list adds up with the part stated elsewhere)
            continue
        if nested_kinds(parts):
            continue  # (…授予中小企业…，授予小微企业…: the one holds the other)
        if id(total) not in summed:
            yield CHECKED
        if _rest_of_wider(parts, total, rule):
            continue  # (checked: the items make the total, the rest is another whole's)
        if total.concept is None or head is None:
            total = replace(total, concept=total.concept or compact(total.label).strip("，,：:（(") or "合计")
        lead = compact(parts[0].label)
        if word in lead:  # (the first item's words after the cue: 学费收入, not 主要包括学费收入)
            parts[0] = replace(parts[0], label=lead[lead.rindex(word) + len(word):].lstrip("：:，,"))
        # (a list that may leave parts out names them all when it ends on the rest: 主要包括A、B、培训及其他…)
        partial = word in rule.params["partial_cues"] and not _catch_all(parts[-1], rule)
        partial = partial or _left_open(text, parts[-1], rule, len(parts)) or _rest_of_narrower(total, parts) \
            or _covers_little(total, parts, rule)
        yield from compare_listing(total, parts, partial, rule)


def _completed_by_declared_parts(base: FactBase, total: Fact, parts: list[Fact], rule) -> bool:
    """The list's items are parts of a sum declared for the total's concept, and the parts it leaves
    out, as the document states them elsewhere, make it add up (groups.completed_elsewhere)."""
    for calc in lexicon().calculations:
        names = sum_part_names(calc)
        if calc["total"] == total.concept and all(p.concept in names for p in parts):
            return completed_elsewhere(base, total, parts, names, "列举", rule)
    return False


def _completed_by_table_column(doc, base: FactBase, total: Fact, parts: list[Fact], rule) -> bool:
    """The list's items are cells of one table column with a cell of the total, and that column's
    other cells, the items with those the list leaves out, add up to it (基金收入…，其中：A…；其他收入…
    where a table's rows A | B | 其他收入 | 合计 state the B it leaves out): the list names some of the
    table's breakdown; the table's own sum is judged by the column check."""
    for column in _money_columns(base):
        whole = next((c for c in column if meets(c, total)), None)
        if whole is None or len(column) - 1 <= len(parts):
            continue  # (a column with no more items than the list names: the list would be all of it)
        # (the rows inside another are no items of the column's sum: those its words open with 其中 or
        # 小计, or, as the table's own column check reads them, the rows a 其中 list goes on with)
        inner = tuple(rule.params["inner_row_words"])
        grid = doc.blocks[whole.block].grid()
        outer = set(outer_rows(grid, sorted({c.loc.row - 1 for c in column if c is not whole}), 0, inner))
        readings = ([c for c in column if c is not whole and not compact(c.label).startswith(inner)],
                    [c for c in column if c is not whole and c.loc.row - 1 in outer])
        if any(all(any(meets(c, p) for c in others) for p in parts)
               and all(h.cls == "rounding" for h in compare_sum(whole, others, "列举", rule)) for others in readings):
            return True
    return False


def _money_columns(base: FactBase) -> list[list[Fact]]:
    """Every table column's amounts, in row order (read once per document)."""
    def columns() -> list[list[Fact]]:
        found: dict[tuple, list[Fact]] = {}
        for block, facts in base.by_table.items():
            for f in facts:
                if f.is_money and not f.comparator:
                    found.setdefault((block, f.loc.col), []).append(f)
        return [cells for cells in found.values() if len(cells) >= 3]
    return base.remember(("money columns of tables",), columns)


def _rest_of_wider(parts: list[Fact], total: Fact, rule) -> bool:
    """The rest closing the list stands in a clause of its own (…，已整改1,905.30万元，其中A…、B…；剩余
    481.15万元为…) and the items before it add up to the total: the rest is of a wider whole named
    before the total (涉及资金…), not the total's. (Were it the total's, the items before it could
    not already make the total.)"""
    rest = parts[-1]
    return (rest.block, rest.sentence) != (parts[-2].block, parts[-2].sentence) and _catch_all(rest, rule) \
        and not any(h.cls != "rounding" for h in compare_sum(total, parts[:-1], "列举", rule))


def _rest_of_narrower(total: Fact, parts: list[Fact]) -> bool:
    """The list names the parts of a narrower whole than its total, ending on that whole's rest
    (收入总计…，其中财政拨款收入…、事业收入…、其他收入…: the items of 本年收入, which 收入总计 holds
    with the carry-over besides; 支出总计…，其中基本支出…、项目支出…、其他支出…: of 本年支出, beside
    the year-end balance): every item the rest aside a part of one sum of concepts.yaml
    calculations whose total is another than the list's. The total then bounds their sum."""
    if total.concept is None:
        return False
    named = [f.concept for f in parts[:-1]]
    return None not in named and any(
        calc["total"] != total.concept and set(named) <= part_names(calc)
        for calc in lexicon().calculations
        if not calc.get("fund") and total.concept in _wider_totals(calc["total"], vocabulary_generation()))


@lru_cache(maxsize=64)
def _wider_totals(concept: str, generation: int) -> frozenset[str]:
    """The totals of concepts.yaml calculations holding `concept` among their parts, and the totals
    holding those, and so on (本年收入: 收支总计); a kind of money's year total (本年支出) is held by
    the balanced grand total too (concepts.yaml balance_identity: 支出总计 = 本年支出 + 年末结转和结余).
    (`generation`: of the vocabulary read)"""
    balance = concepts().get("balance_identity") or {}
    kinds = set((concepts().get("kind_totals") or {}).values())
    found, queue = set(), [concept]
    while queue:
        part = queue.pop()
        wider = {calc["total"] for calc in lexicon().calculations if part in part_names(calc)}
        if part in kinds and balance.get("total"):
            wider.add(balance["total"])
        for total in wider - found:
            found.add(total)
            queue.append(total)
    return frozenset(found)


def _left_open(text: str, last: Fact, rule, count: int) -> bool:
    """The list's last item is followed by a word leaving the list open (…、政府性基金预算拨款100.00
    万元等: params open_list_words), its unit aside, or by words telling of a rest (其余由…自筹:
    remainder_words): some parts are not named, only a sum above the total is wrong."""
    words = tuple(rule.params["open_list_words"])
    rest = text[last.at + len(last.text):]
    after = rest[:OPEN_WORD_REACH].lstrip()
    after = after[len(last.unit):].lstrip() if last.unit and after.startswith(last.unit) else after
    # (…，其余由县级财政自筹解决: the words after the last part tell of a rest no figure states)
    if any(w in rest for w in rule.params["remainder_words"]):
        return True
    if not words or not after.startswith(words):
        return False
    # (…等两项: the list's own count of its items, all of them listed, closes it)
    counted = counted_patterns(vocabulary_generation())[3].match(after, len(next(w for w in words if after.startswith(w))))
    return counted is None or count_word(counted.group(1)) != count




OPEN_WORD_REACH = 8  # characters after a list's last figure read for its unit and a word leaving it open


def _list_item(f: Fact, total: Fact, depth, nested: list[tuple[int, int]], sums: set, text: str) -> bool:
    """The fact is an item of a list of the total's parts: an amount of its period and measure (or
    naming none), outside brackets and nested lists, no sum of items, no amount per head (…，人均
    公用经费2.88万元) and no share's whole."""
    return f.is_money and depth(f.at) == 0 and f.period == total.period \
        and (f.measure == total.measure or f.implicit or _item_named_as_change(f, text)) \
        and not sum_words(f.label, sums) and not any(lo < f.at < hi for lo, hi in nested) \
        and not per_unit(f) and not share_base(f)


def _items_after(base: FactBase, key: tuple[int, int], total: Fact, sums: set, cues: list[str]) -> list[Fact]:
    """The items of a list going on in the clauses joined to its sentence by ；, up to the full stop:
    each clause's amounts, while all are items of the total's (another year's or measure's amount
    ends the list) and no clause opens a list of its own."""
    run_of, runs = base.runs()
    run = runs[run_of[key]] if key in run_of else []
    at = next((k for k, (here, _) in enumerate(run) if here == key), len(run))
    items: list[Fact] = []
    for here, facts in run[at + 1:]:
        text = base.sentences.get(here, "")
        if any(w in text for w in (*lexicon().list_openers, *cues)) or text.lstrip().startswith(apart_words()):
            break  # (…；另发行再融资债券9,800万元: a clause of its own beside the list, no item of it)
        depth, nested = bracket_depth(text), nested_lists(text, 0)
        money = [f for f in facts if f.is_money]
        if not money or not all(_list_item(f, total, depth, nested, sums, text) for f in money):
            break
        items += money
    return items


def _closes_paragraph(base: FactBase, block: int, index: int, text: str, after_cue: int) -> bool:
    """The list's cue ends its paragraph (…分别是：, …具体如下：): nothing but a colon after it."""
    return not text[after_cue:].strip(" ：:\u3000") and (block, index + 1) not in base.sentences


def _items_counted(facts: list[Fact], at: int, units: list[str]) -> int | None:
    """How many items the sentence says its list has (项目共3个, 3项): its one count before the cue."""
    counts = [f for f in facts if f.at < at and not f.is_money and f.unit in units and not f.comparator]
    return int(counts[0].value) if len(counts) == 1 and counts[0].value == int(counts[0].value) else None


def _numbered_items_after(doc, base: FactBase, block: int, total: Fact, count: int | None) -> list[Fact]:
    """The items of a list whose cue closes its paragraph and whose sentence counts them: the first
    `count` paragraphs numbered 1, 2, 3 … in one style right after it (a paragraph numbered on past
    them, 3.其他工作…, is no item), each stating its amounts in one order of measures (预算…，执行…).
    The items' amounts of the total's measure; where the total names none, of the measure whose sum
    it is, else of the first (the total then fits none of them). [] where the sentence counts none
    (which numbered paragraphs are items, the words do not say), fewer follow, or the items state
    their amounts otherwise."""
    if count is None or count < 2:
        return []
    rows: list[list[Fact]] = []
    style, number = None, 1
    for k in range(block + 1, len(doc.blocks)):
        if len(rows) == count:
            break
        paragraph = doc.blocks[k]
        numbered = _item_number(paragraph)
        if numbered is None or numbered[1] != number or style not in (None, numbered[0]):
            break
        money = [f for f in base.by_block.get(k, ()) if f.is_money and f.period == total.period
                 and not per_unit(f) and not share_base(f)]
        if not money or len({f.measure for f in money}) != len(money):
            return []  # (an item of no amount, or of two of one measure: which the total adds up, not told)
        rows.append(money)
        style, number = numbered[0], number + 1
    orders = {tuple(f.measure for f in row) for row in rows}
    if len(rows) != count or len(orders) != 1:
        return []
    columns = [list(items) for items in zip(*rows)]  # (each measure's amounts, item by item)
    if not total.implicit:
        return next((c for c in columns if c[0].measure == total.measure), [])
    return next((c for c in columns if adds_up(total, c)), columns[0])


def _item_number(paragraph) -> tuple[str, int] | None:
    """(numbering style, number) of a paragraph opening a list's item: its heading number (1. 2.,
    （一）), or an ordinal word of prose (一是, 其二: concepts.yaml point_openers, numbered as
    their numeral); None for any other block."""
    if getattr(paragraph, "kind", "") != "paragraph":
        return None
    if paragraph.token:
        return paragraph.style, paragraph.value
    ordinal = _ordinal_re(vocabulary_generation()).match(paragraph.text)
    number = cn_to_int(ordinal.group(1).strip("其是")) if ordinal else None
    return ("ordinal", number) if number else None


@lru_cache(maxsize=4)
def _ordinal_re(generation: int) -> re.Pattern:
    # (the ordinals the fact reader takes, vocabulary.ordinal_words, their numeral a group: 七是, 其二)
    words = ordinal_words()
    return re.compile(rf"\s*({alternatives(words)})") if words else re.compile(r"(?!)")


def _first_cue(text: str, cues: list[str], depth) -> tuple[str, int, int] | None:
    """(the cue, where, the text's end) of the sentence's list: the earliest cue outside brackets,
    the longest of those standing there (主要包括 over 包括). A cue inside brackets remarks on the item
    before it (…专用结余1,800.00万元（主要为…），经营结余…): it opens no list of the sentence's."""
    # (a cue the text does not hold is nowhere in it: only those it holds are placed)
    found = [(k, -len(c), c) for c in cues if c in text for k in [_cue_at(text, c, depth)] if k >= 0]
    if not found:
        return None
    k, _, c = min(found)
    return c, k, len(text)


def _cue_at(text: str, cue: str, depth=None) -> int:
    """Where the cue stands in the text, -1 if nowhere; a cue inside a list opener (中， of 其中，)
    is that opener, no cue of its own (680.00万元中，… names a part of the amount before it)."""
    k = text.find(cue)
    while k >= 0 and (_inside_opener(text, k, cue) or (depth is not None and depth(k))):
        k = text.find(cue, k + 1)
    return k


def _inside_opener(text: str, k: int, cue: str) -> bool:
    """The cue at k is the tail of a list opener word (中 of 其中)."""
    return any(k >= i and text.startswith(o, k - i) for o in lexicon().list_openers
               for i in range(1, len(o)) if cue.startswith(o[i:]))


def _opener_of_whole(text: str, openers: tuple[str, ...]) -> tuple[str, int, int] | None:
    """(the list opener, where, the text's end) of a 其中 list, for a sentence with no enumeration
    cue: a list that ends on the rest (…、其他商品和服务支出57.85万元) names the whole, see _catch_all.
    (`openers`: the list openers, none where the rule has no catch_all_words.)"""
    for w in openers:
        if w in text:
            return w, text.find(w), len(text)
    return None


def _enclosing_words(rule) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(opening words, closing words) of a complete list of parts set between them (基本支出1,776.28万元，
    由人员经费1,583.88万元、公用经费182.40万元两部分组成: the amounts between are every part of the
    amount before): concepts.yaml composition_openers and composition_closers, as the fact reader's."""
    words = concepts()
    return tuple(words.get("composition_openers") or ()), tuple(words.get("composition_closers") or ())


def _enclosing_cue(text: str, opening: tuple[str, ...], closing: tuple[str, ...]) -> tuple[str, int, int] | None:
    """(the opening word, where, where the closing word stands) of a complete list set between
    the composition words (…1,776.28万元，由人员经费1,583.88万元、公用经费182.40万元两部分组成):
    a figure between them, no clause end (。；) either; the list ends at the closing word."""
    if not opening or not closing or not any(w in text for w in opening):
        return None  # (most sentences: no opening word at all)
    m = _enclosing_re(opening, closing).search(text)
    return (m.group("open"), m.start(), m.start("close")) if m else None


@lru_cache(maxsize=4)
def _enclosing_re(opening: tuple[str, ...], closing: tuple[str, ...]) -> re.Pattern:
    # (the nearest closing word after a figure: lazy, and bounded by the sentence's clause ends)
    return re.compile(f"(?P<open>{alternatives(opening)}){not_before(concepts().get('composition_not_before'))}"
                      f"[^。；;]*?\\d[^。；;]*?(?P<close>{alternatives(closing)})")


def _catch_all(item: Fact, rule) -> bool:
    """The item is the rest of a whole (其他商品和服务支出, 其余…): a list ending on it is complete."""
    join_words = tuple((concepts().get("summed_names") or {}).get("joins") or ())
    joins = "".join(join_words)  # (…和其他支出: 和 joins)
    words = tuple(rule.params["catch_all_words"])
    label = compact(item_label(item.label)).lstrip("，,、；;：:" + joins)
    # (…、培训及其他事业收入: a kind named with the rest after it, joined, is the rest too; in the
    # item's own name, its clause's last words, not a description before them)
    own = CLAUSE_SEPARATORS_RE.split(label)[-1]
    return label.startswith(words) or any(j + w in own for j in join_words if j != "、" for w in words)


CLAUSE_SEPARATORS_RE = re.compile(r"[，,；;、：:]")


def _covers_little(total: Fact, parts: list[Fact], rule) -> bool:
    """The list ends on a rest named as the other items' kind (教育支出、城乡社区支出、其他支出: 其他 and
    the ending they share), and its items make up less than catch_all_least_share of the whole (a
    budget's whole of twenty classes): that last item may be a class of the same classification as
    the others, so the list may leave parts out; a sum above the whole is still wrong, and a part
    printed in a slipped unit still found (compare_listing)."""
    names = [compact(item_label(p.label)).strip("，,、；;：:") for p in parts]
    ending = os.path.commonprefix([name[::-1] for name in names[:-1]])[::-1]
    word = next((w for w in rule.params["catch_all_words"] if names[-1].startswith(w)), None)
    if word is None or len(names[-1]) - len(word) < 2 or not ending.endswith(names[-1][len(word):]):
        return False  # (财政拨款结转…、其他资金结余…: a rest of another kind than the items')
    share = Decimal(str(rule.params["catch_all_least_share"]))
    return sum((p.in_yuan() for p in parts), Decimal(0)) < share * total.in_yuan()


def check_trailing_sums(base: FactBase, rule):
    """Amounts listed one after another and closed by their sum (资金来源为：中央资金1,050.00万元、
    省级配套830.00万元、市级资金680.00万元，合计2,560.00万元; the items may stand in clauses joined
    by ；): the items from the last list opener (：, 其中, 包括 …) outside brackets before the sum,
    or from the start of the run of clauses. The first item may be the whole the others break
    down (总投资…，其中…，合计…): the sum is then judged against either."""
    words = {compact(w) for w in rule.params["trailing_sum_words"]}
    counted = {compact(w) for w in rule.params["counted_sum_words"]}
    openers = ("：", ":", *lexicon().list_openers, *rule.params["enumeration_cues"])
    kinds = tuple(concepts().get("kind_totals") or {})  # (支出, 收入: read once)
    addends = lexicon().addend  # (加上级补助收入…; not 加强, 加大: concepts.yaml addend_words not_before)
    apart = (*lexicon().list_openers, *rule.params["subtract_words"])
    for run in base.clause_runs():
        flat = [f for _, group in run for f in group]
        for k, total in enumerate(flat):
            kind = _kind_summed(total.label, words, kinds)
            if not (kind or sum_words(total.label, words) or counted_sum(base, total, counted)) or not money_amount(total) \
                    or total.measure == "变动额":
                continue
            items = _without_count(_listed_before(base, flat[:k], total, openers), concepts().get("item_count_units") or ())
            if kind and not _all_of_kind(items, kind, base, run, addends, apart):
                continue
            # (the year's parts, all of them: none an amount of the year)
            excluded = tuple(rule.params["slice_excluded_words"])
            sliced = all(_slice_amount(f, excluded) for f in items) and _covers_year(items)
            if len(items) < 2 or any(not (sliced or money_amount(f)) or f.measure == "变动额" or f.comparator
                                     or f.period != total.period or sum_words(f.label, words) for f in items) \
                    or any(unreadable_in(base.sentences.get(key, "")) for key, _ in run):
                continue
            if total.concept is None:
                total = replace(total, concept=compact(total.label).strip("，,；;：:"))
            paired = pairs_of_measures(items, total)
            if paired is not None:
                # (…A 3,000.00万元，支出2,850.00万元；B…；合计4,000.00万元，支出3,800.00万元: each side against
                # its own sum, the one after the 合计 the other side's)
                other = other_pair_side(base, total, items, paired)
                if other is not None:
                    yield CHECKED
                    yield from compare_sum(other[0], other[1], "列举", rule)
                items = paired
                if len(items) < 2:
                    continue
            yield CHECKED
            items = _named_in_turn(base, items)
            hits = list(compare_sum(total, items, "列举", rule))
            if hits and len(items) >= 3 and not list(compare_sum(total, items[1:], "列举", rule)):
                continue  # (the first item is the whole, the sum the others')
            yield from hits


def _named_in_turn(base: FactBase, items: list[Fact]) -> list[Fact]:
    """The items of a list a 分别 (依次) gives in turn after the names it follows (道路养护、客运补贴、
    安全监管三个项目支出分别为12.40万元、8.60万元、5.20万元，合计…), each labelled by its name for
    the finding to tell them apart; the items as they are unless the names count them one for one."""
    key = (items[0].block, items[0].sentence)
    clause = CLAUSE_BREAK_RE.split(base.sentences.get(key, "")[:items[0].at])[-1]
    words = respectively_words()  # (分别, 依次)
    found = list(re.finditer(alternatives(tuple(words)), clause)) if words else []
    if not found or any((f.block, f.sentence) != key for f in items):
        return items
    head = clause[:found[-1].start()]
    counted = COUNTED_NAMES_RE.search(head)  # (…安全监管三个项目支出: the names before their count)
    return _named_by(items, head[:counted.start(1)] if counted else head)


def _named_by(items: list[Fact], words: str) -> list[Fact]:
    """The items each labelled by the names `words` list in turn, joined by a list's joins (、, 和:
    lexicon list_join), where they count the items one for one; the items as they are otherwise."""
    names = [n.strip() for n in lexicon().list_join.split(words) if n.strip()]
    return [replace(f, label=n) for f, n in zip(items, names)] if len(names) == len(items) else items


def _without_count(items: list[Fact], units) -> list[Fact]:
    """The items without their count, stated after them (…、对个人和家庭的补助12.33万元，三项累计…) or
    before them (项目支出共三项：人员培训…、…，合计…) in a unit of items (项, 类): no item."""
    def count(f: Fact, others: int) -> bool:
        return not f.is_money and f.unit in units and f.value == others

    if items and count(items[-1], len(items) - 1):
        return items[:-1]
    if items and count(items[0], len(items) - 1):
        return items[1:]
    return items


def _kind_summed(label: str, words: set, kinds: tuple[str, ...]) -> str:
    """The kind of money (`kinds`: concepts.yaml kind_totals, 支出, 收入) a sum's words name before
    the sum word (支出总计, 收入合计), "" for any other words."""
    bare = compact(label).strip("，,；;：:")
    return next((k for k in kinds if bare.startswith(k) and bare[len(k):] in words), "")


def _all_of_kind(items: list[Fact], kind: str, base: FactBase, run, addends, apart: tuple) -> bool:
    """Every item names the kind the sum names (…支出安排…，上解上级支出…，债务还本支出…，支出总计…),
    none added to an amount before the list (`addends`: 加上级补助收入…, the sum holds that amount
    too), in a run of clauses with none of the words `apart` (其中: an item's part listed; 减：: an
    amount taken away)."""
    if not all(kind in f.label for f in items) or any(addends.match(compact(f.label)) for f in items):
        return False
    text = "".join(base.sentences.get(key, "") for key, _ in run)
    return not any(w in text for w in apart)


def _slice_amount(f: Fact, excluded: tuple[str, ...]) -> bool:
    """An amount its own words say is of a part of the year (一季度支出210.00万元, 上半年支出…),
    read as achieved, not as the year's outturn: a list of such slices only, closed by their sum
    (…，全年合计…), adds up to it. Not a subtotal (上半年合计), a part of a slice (其中四季度支付…),
    nor a figure to a date (1-9月累计支出, 截至9月底…), which holds the slices before it."""
    return f.source == "text" and f.is_money and f.measure == "实际值" and not per_unit(f) \
        and bool(lexicon().partial_period.search(f.label)) \
        and not any(w in f.label for w in excluded)  # (the rule's slice_excluded_words)

def _covers_year(slices: list[Fact]) -> bool:
    """The slices name the year's quarters, each once and all of them (一至四季度; 上半年 and 下半年;
    上半年, 三季度 and 四季度: concepts.yaml year_slices): only then is their sum the year's. A list
    leaving a quarter out, or naming one twice, is no such list."""
    named = concepts().get("year_slices") or {}
    words = sorted(named, key=len, reverse=True)  # (第一季度 before 一季度, 前三季度 before 三季度)
    quarters: list[int] = []
    for f in slices:
        label = compact(f.label)
        word = next((w for w in words if w in label), None)
        if word is None:
            return False
        quarters += named[word]
    return sorted(quarters) == [1, 2, 3, 4]


def _listed_before(base: FactBase, before: list[Fact], total: Fact, openers: tuple) -> list[Fact]:
    """The amounts of a list that ends at `total`: walking back over the clauses, those after the
    last list opener outside brackets; none in brackets (a part of an item)."""
    items: list[Fact] = []
    limit = total.at
    key = (total.block, total.sentence)
    for f in reversed(before):
        if (f.block, f.sentence) != key:
            key, limit = (f.block, f.sentence), None  # (a clause before: its whole text)
        text = base.sentences.get(key, "")
        depth = bracket_depth(text)
        end = len(text) if limit is None else limit
        opened = max((at for o in openers for at in [text.rfind(o, 0, end)] if at >= 0 and not depth(at)), default=-1)
        if opened >= 0 and f.at < opened:
            break
        if not depth(f.at):
            items.append(f)
        if opened >= 0:
            limit = opened  # (the list opens in this clause: no item before the opener)
    return list(reversed(items))


def _kind_whole_before(base: FactBase, balance: Fact, parts: list[Fact]) -> Fact | None:
    """The last amount before the balance in its sentence whose words name the kind the parts name
    (本年收入合计 before 年末结转和结余, for 其中：…收入…): their whole; None where none does."""
    kinds = [k for k in concepts().get("not_balance_kinds") or () if all(k in compact(p.label) for p in parts)]
    return next((f for f in reversed(base.by_sentence.get((balance.block, balance.sentence), ()))
                 if f.id < balance.id and money_amount(f) and any(k in compact(f.label) for k in kinds)), None)


def _item_named_as_change(f: Fact, text: str) -> bool:
    """An item of a list whose name ends in a direction word (经办服务能力提升410.00万元 after
    主要用于：) names a use, not a change: nothing in its words, nor in its clause before it (比上年
    23,996.70万元减少378.25万元), compares it with anything."""
    # (the item's own words since the item before it: 、 parts the list's items, 信息系统与网络安全 is a name)
    clause = text[clause_start(text, f.at, ITEM_BREAKS):f.at] if 0 <= f.at <= len(text) else f.label
    return f.measure == "变动额" and f.concept is None and not lexicon().comparison.search(f.label) \
        and not lexicon().comparison.search(clause)


def _opens_on_cue(text: str, at: int) -> bool:
    """The sentence opens on the cue at `at`, or on the words leading into it (资金来源分别为：…),
    no other words (基本支出是指…各项支出，其中：… opens on a thing of its own)."""
    if not text[:at].strip():
        return True
    lead = list_lead(text, 0, lexicon())
    return lead is not None and lead.end("words") >= at


def _amount_right_before(facts: list[Fact], text: str, at: int) -> Fact | None:
    """The amount that ends right before a cue (nothing but a comma or colon between), of this
    year and no change: the whole the list after the cue is of."""
    last = _last_amount_before(facts, at)
    if last is None:
        return None
    end = last.at + len(last.text)
    if not text[end:at].strip("，,：: "):
        return last
    # (or the words leading into the list, the cue closing them: …1,480.00万元，资金来源分别为…)
    lead = list_lead(text, end, lexicon())
    return last if lead is not None and lead.end("words") >= at else None


def _amount_split_before(facts: list[Fact], text: str, at: int, rule) -> tuple[Fact, int] | None:
    """(the amount, how many pieces) where a clause splitting it into counted pieces stands right
    before the cue (…152.05万元，分四个季度列支，分别为…: rule param split_pattern), the pieces after the
    cue its parts."""
    pattern = rule.params["split_pattern"]
    # (the count of pieces is a figure of its own, inside the clause: the amount is the one before it)
    amounts = [f for f in facts if f.at + len(f.text) <= at and money_amount(f)]
    last = amounts[-1] if amounts else None
    if last is None or not pattern or last.measure == "变动额" or last.comparator:
        return None
    split = re.compile(pattern).fullmatch(text, last.at + len(last.text), at)  # (re keeps it compiled)
    count = count_word(split.group("count")) if split is not None else None
    return (last, count) if count else None


def _last_amount_before(facts: list[Fact], at: int) -> Fact | None:
    """The last figure ending before `at`, where it is an amount a list may add up to and no change
    or bound."""
    before = [f for f in facts if f.at + len(f.text) <= at]
    last = before[-1] if before else None
    return last if last is not None and money_amount(last) and last.measure != "变动额" and not last.comparator else None


def _glossed_amount(facts: list[Fact], text: str, at: int, rule) -> Fact | None:
    """The amount right before words saying what all of it is and the cue (政府性基金本年支出3,589.00万元，
    全部为项目支出，其中：…; params gloss_words), no figure between: the whole of the list."""
    last = _last_amount_before(facts, at)
    if last is None:
        return None
    between = compact(text[last.at + len(last.text):at]).lstrip("，,：:")  # (a figure's text holds its unit)
    words = tuple(rule.params["gloss_words"])
    return last if words and between.startswith(words) and not any(ch.isdigit() for ch in between) else None


def _concept_before(base: FactBase, text: str) -> str | None:
    """The concept named right before a cue, with no figure between (人员经费包括：…); one named
    before a figure (占全年支出的31.57%，包括…) is another clause's."""
    words = compact(text)
    window = words[-12:]
    found = lexicon().concepts.all(window)
    if not found:
        return None
    start, end, concept = found[-1]
    if _joined_after_name(words[:len(words) - len(window) + start]):
        # (本年支出由基本支出和项目支出两部分组成，金额分别为…: names listed together are the parts
        # the figures name in turn, neither of them the whole)
        return None
    return None if any(ch.isdigit() for ch in window[end:]) else concept


def _joined_after_name(before: str) -> bool:
    """The words before a name end with another name and a join (基本支出和): the name is a list's."""
    join = lexicon().list_join
    for cut in range(1, JOIN_CHARS + 1):  # (和, 、; 以及)
        if join.fullmatch(before[-cut:]):
            window = before[-cut - NAME_WINDOW:-cut]
            found = lexicon().concepts.all(window)
            return bool(found) and found[-1][1] == len(window)
    return False


JOIN_CHARS = 2  # the longest join word of a list (以及)
NAME_WINDOW = 12  # characters before a join a name ending there is looked for in
