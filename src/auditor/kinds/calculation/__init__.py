"""Kind `calculation`: total = Σ parts, declared once over concepts (rules/concepts.yaml
`calculations`), checked in every context where the total and its parts are stated:
- one sentence: a total and the parts enumerated with it (taken as the whole enumeration);
- one table column: the total row and the part rows (a blank part row is 0);
- the document: total and every non-optional part each stated somewhere, with one value;
- changes: a total's change on last year and its parts' changes stated in one paragraph
  (““三公”经费减少 0.15 万元，其中：因公出国（境）费与上年持平；……公务接待费减少 0.15 万元”),
  every part stated, 持平 counting as 0, 增加 and 减少 as signs.
The sum is consistent when the interval of the parts' sum meets the total's interval (XBRL
Calculations 1.1); a difference only the printed precision explains is `rounding`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import islice, takewhile

from ...facts.base import CLAUSE_BREAK_RE, CLAUSE_END_RE, CURRENT, FORECAST, YEAR_RE, Fact, FactBase, fact_base, list_lead, per_unit
from ...facts.lexicon import alternatives, lexicon
from ...facts.numbers import MONEY_UNITS, cn_to_int, fmt, half_unit, own_slack, significant_digits
from ...facts.spans import SPAN_YEARS_RE, YearSpan, named_span
from ...knowledge import compact, concepts, open_brackets, vocabulary_generation
from ...model import Table
from ...tables.typed import parse_cell
from ..base import CHECKED, Checked, Hit, SUBROW_RE, item_label, slipped_unit, whole_named_by

KIND = "calculation"
PARAMS = {
    "contexts": (list, ["sentence", "table", "document", "enumeration", "subrows", "changes"]),
    # words opening a complete list of parts, and a list that may leave parts out (see the rule file)
    "enumeration_cues": (list, []),
    "partial_cues": (list, []),
    # the words around a complete list of parts closed by its words (由…组成; see the rule file)
    "enclosing_cues": (dict, {}),
    # the first words of a list's last item that make it the rest of the whole (…、其他支出X): a
    # 其中 list ending so names every part, and adds up to its whole
    "catch_all_words": (list, ["其他", "其余", "剩余"]),
    # the words of an amount closing a list as its sum (…、市级资金680.00万元，合计2,560.00万元)
    "trailing_sum_words": (list, ["合计", "共计", "总计", "合计为", "共计为", "总计为", "合计金额"]),
    # units besides money a 其中 list in a sentence adds up in (共扣9.60分，其中决策指标扣1.5分，…)
    "list_units": (list, []),
    # the first words of an amount that make it a sum, not an item of the list it follows (…，共扣7.7分)
    "sum_openers": (list, []),
    # …and those that make it the whole of the share right after it (占全年预算数52.00万元的86.54%;
    # not 占地补偿20.00万元), no item either
    "share_openers": (list, []),
    "other_measure_words": (list, []),  # see the rule file
    "comparison_openers": (list, []),
    # words in a bracket right after an amount that make it a remark on the amount, no breakdown
    # of it (（含…）, （较上年…）): see _bracket_breakdown
    "bracket_remark_words": (list, []),
    # the ratios of money units a total's unit slip is off by (none: concepts.yaml unit_slip_scales)
    "unit_slip_scales": (list, []),
    # table: the labels of a form's funds total whose 其中 rows are its parts whatever they are
    # called (see _form_block)
    "block_totals": (list, []),
}
MESSAGE_FIELDS = {"total_label", "total", "sum", "sum_phrase", "parts", "context", "verdict"}
CONTEXTS = ("sentence", "table", "document", "enumeration", "subrows", "changes")
# names listed and counted before 分别 (中央、省、市、县四级资金): as many parts as the count says
COUNTED_NAMES_CHARS = 60  # the clause's last characters such a list is read in
COUNTED_NAMES_RE = re.compile(r"[、和及][^，,；;。]*?([一二两三四五六七八九十]|\d{1,2})\s*(?:级|项|类|个|部分)")
MALFORMED_RE = re.compile(r"\d\.\.+\d|\d+\.\d+\.\d")  # 126..12, 106.62.00


def validate(params: dict) -> str | None:
    bad = [c for c in params["contexts"] if c not in CONTEXTS]
    return f"contexts 只能包含 {', '.join(CONTEXTS)}" if bad else None


def check(doc, rule):
    """Each total is reported once, in the narrowest context that states it with its parts."""
    seen = set()
    for hit in _checks(doc, rule):
        if isinstance(hit, Checked):
            yield hit
            continue
        key = (hit.location, hit.quote)
        if key not in seen:
            seen.add(key)
            # (a sum's words in the message, none for one part above its whole: 与 其中的A 495.33万元)
            hit.fields.setdefault("sum_phrase", f" 之和 {hit.fields.get('sum', '')}")
            yield hit


def _checks(doc, rule):
    base = fact_base(doc)
    columns_of: dict[int, list[list[Fact]]] = {}  # a table's columns, for the tables stating a total
    runs = base.clause_runs()
    # where each sentence stands among the runs, so that a calculation visits only the sentences
    # stating its total, in the runs' order (each sentence is in one run)
    where = {key: (r, k) for r, run in enumerate(runs) for k, (key, _) in enumerate(run)}
    in_tables: set[int] = set()  # ids of the table totals a declared sum checked
    summed: set[int] = set()  # ids of the totals a declared sum checked (each relation counted once)
    for calc in lexicon().calculations:
        names = _part_names(calc)
        widened = None  # names with the wider sums' other items (_wider_siblings), for the first list that goes on
        checked: list[Fact] = []  # totals checked where their parts stand with them
        # only sentences and tables that state the total can check it
        totals = base.by_concept.get(calc["total"], ())
        sentences = {(f.block, f.sentence) for f in totals if f.source == "text"}
        tables = {f.block for f in totals if f.source == "table"}
        if "sentence" in rule.params["contexts"]:
            for r, k in sorted(where[key] for key in sentences if key in where):
                run = runs[r]
                key, facts = run[k]
                group = facts
                if _opens_list(base, key, facts, calc["total"], rule):
                    widened = widened or {**names, **_wider_siblings(calc)}
                    group = facts + _continuation(base, run[k + 1:], calc["total"], widened,
                                                  _listed_here(facts, calc["total"]))
                else:
                    group = facts + _parts_sentence_after(base, key, facts, calc["total"], names)
                yield from _check_group(group, calc, names, "同一句", rule, complete=False, checked=checked,
                                        text=base.sentences.get(key, ""))
        if "table" in rule.params["contexts"]:
            for block, facts in base.by_table.items():
                if block not in tables:
                    continue
                # a part the table states in some column must be in the column checked too (a
                # PDF table whose cells slid into the next column is not a short sum)
                present = {names[f.concept] for f in facts if f.concept in names}
                blank = {names[c] for c in base.row_concepts.get(block, ()) if c in names} - present
                if block not in columns_of:
                    columns_of[block] = _table_columns(facts)
                unreadable = base.unreadable.get(block, ())
                for column in columns_of[block]:
                    if column and column[0].loc.col in unreadable:
                        continue  # a malformed figure in the column (PAT001): its sum is not judged
                    if present <= {names[f.concept] for f in column if f.concept in names}:
                        yield from _check_group(column, calc, names, "同一表列", rule, complete=False,
                                                checked=checked, blank=blank)
        # across the document only where no sentence or table states the total with its parts
        # (a fund's sum only where it is stated: the document-wide values are the unit's)
        # (nor a sum whose parts' names other wholes share: stated_together, see concepts.yaml)
        if "document" in rule.params["contexts"] and not checked and not calc.get("fund") \
                and not calc.get("stated_together"):
            yield from _check_document(base, calc, names, rule)
        in_tables.update(id(f) for f in checked if f.source == "table")
        summed.update(id(f) for f in checked)
    if "table" in rule.params["contexts"]:
        yield from _check_form_blocks(doc, base, rule, in_tables)
    if "sentence" in rule.params["contexts"]:
        yield from _check_unnamed_totals(base, rule)
        yield from _check_list_unit_slips(base, rule)
        yield from _check_paired_lists(base, rule)
    if "changes" in rule.params["contexts"]:
        yield from _check_changes(doc, base, rule)
    if "enumeration" in rule.params["contexts"]:
        yield from _check_enumerations(doc, base, rule, summed)
        yield from _check_trailing_sums(base, rule)
        yield from _check_span_breakdowns(base, rule)
        yield from _check_span_sums(base, rule)
        yield from _check_numbered_items(doc, base, rule)
    if "subrows" in rule.params["contexts"]:
        yield from _check_subrows(doc, base, rule)


def _check_numbered_items(doc, base: FactBase, rule):
    """A paragraph ending on a list opener (…年初预算为2,480.00万元，支出决算为1,446.20万元。其中：)
    and the numbered paragraphs after it (1、…年初预算为…，支出决算为…), each an item stating the
    same measures: where the items' figures of one measure add up to the whole's, the list is all
    of it, and their figures of every other measure must add up to the whole's too."""
    from ...ingest.build import numbering_of
    from ...model import Paragraph

    openers = lexicon().list_openers
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not block.text.rstrip(" ：:").endswith(openers) \
                or not block.text.rstrip().endswith(("：", ":")):
            continue
        wholes = _by_measure(base.by_block.get(i, ()))
        items = []
        for later in range(i + 1, min(len(blocks), i + 1 + MAX_NUMBERED_ITEMS)):
            text = getattr(blocks[later], "text", "")
            numbered = numbering_of(text) if isinstance(blocks[later], Paragraph) else None
            if numbered is None:
                break
            name = _item_name(text[len(numbered[0]):])
            items.append({m: replace(f, concept=name) for m, f in _by_measure(base.by_block.get(later, ())).items()})
        if len(items) < 2 or not wholes:
            continue
        sums = {m: [item[m] for item in items] for m in wholes if all(m in item for item in items)}
        if len(sums) < 2:
            continue
        whole_lists = [m for m, parts in sums.items() if _sum_meets(wholes[m], parts)]
        if not whole_lists:
            continue  # (no measure adds up: the list may name some items only)
        for measure, parts in sums.items():
            yield CHECKED
            for hit in _compare(wholes[measure], parts, "其后分段所列各项", rule):
                hit.formula += f"；所列各项的{whole_lists[0]}之和与总数相符，各项已列全"
                yield hit


def _item_name(text: str) -> str:
    """What a numbered item is, for the message: the 项 its classification names (一般公共服务支出（类）
    统计信息事务（款）行政运行（项）: 行政运行), else its opening words."""
    head = re.split(r"[。，,；;：:]", text.strip(), maxsplit=1)[0]
    named = next((m for m in (p.search(head) for p in _item_level_res()) if m), None)
    return named.group(1) if named else head[:ITEM_NAME_CHARS]


@lru_cache(maxsize=None)
def _item_level_res() -> tuple:
    """The lowest level of the budget's classification an item names (vocabulary budget_by_code
    code_parts: 类, 款, 项): after the level above it (其他政府办公厅（室）及相关机构事务（项）,
    brackets of its own inside), or the words right before it."""
    from ...knowledge import vocabulary

    levels = vocabulary()["table_types"]["budget_by_code"].get("code_parts") or ()
    if len(levels) < 2:
        return ()
    upper, lowest = map(re.escape, levels[-2:])
    return (re.compile(rf"[（(]{upper}[）)](.{{1,40}}?)[（(]{lowest}[）)]"),
            re.compile(rf"([^（）()]{{1,30}})[（(]{lowest}[）)]"))


ITEM_NAME_CHARS = 16  # the opening words that name an item otherwise

MAX_NUMBERED_ITEMS = 60  # numbered paragraphs a list opened at a paragraph's end runs over, at most


def _by_measure(facts) -> dict[str, Fact]:
    """A paragraph's amounts of this year by measure, the first of each (an item's 年初预算, 决算)."""
    found: dict[str, Fact] = {}
    for f in facts:
        if _money(f) and f.period == CURRENT and not f.comparator:
            found.setdefault(f.measure, f)
    return found


def _sum_meets(total: Fact, parts: list[Fact]) -> bool:
    """The parts add up to the total, each figure read as the interval it prints."""
    slack = sum((p.half_unit * MONEY_UNITS.get(p.unit, Decimal(1)) for p in [total, *parts]), Decimal(0))
    return abs(sum((p.in_yuan() for p in parts), Decimal(0)) - total.in_yuan()) <= slack


def _check_unnamed_totals(base: FactBase, rule):
    """An amount naming no concept whose sentence lists its parts right after it (2024年全年预算
    1,699.05万元（其中基本支出402.75万元、项目支出1,296.30万元）): the sum of a declared total whose
    parts those are, in the total's own words."""
    from dataclasses import replace

    opener = lexicon().list_opener
    calcs = [(calc, _part_names(calc)) for calc in lexicon().calculations if not calc.get("fund")]
    for facts in base.by_block.values():
        for k, total in enumerate(facts):
            if total.source != "text" or total.concept is not None or not _money(total) or total.measure == "变动额":
                continue
            text = base.sentences.get((total.block, total.sentence), "")
            if not opener.match(text, total.at + len(total.text)):
                continue
            parts = _listed_parts(facts[k + 1:], total, base)
            if _cut_short(facts[k + 1 + len(parts):], parts):
                continue  # (the list goes on with a thing the vocabulary does not know: its sum is unknown)
            named = {p.concept for p in parts}
            calc = next((c for c, names in calcs if len(named) >= 2 and named <= names.keys()
                         and len({names[n] for n in named}) == len(named)), None)
            if calc is None:
                continue
            yield CHECKED
            words = compact(total.label).strip("，,：:（(") or calc["total"]
            yield from _compare(replace(total, concept=words), parts, "同一句", rule)


def _check_list_unit_slips(base: FactBase, rule):
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
        return _money(f) or (f.unit in units and f.source == "text" and not per_unit(f))

    wholes: dict[tuple[int, int], tuple] = {}  # each sentence's list whole, see _list_whole_after
    for facts in base.by_block.values():
        for k, total in enumerate(facts):
            if total.source != "text" or not summable(total) or total.measure == "变动额":
                continue
            text = base.sentences.get((total.block, total.sentence), "")
            direct, first = _opener_after(text, facts, k, opener, remarks)
            sentence = total.sentence  # the sentence the list stands in
            if direct:
                parts = _any_parts(islice(facts, first, None), _joined(base, total), summable)
            else:
                # up to the sentence's next amount or its end (so each total costs only its own clause)
                j = k + 1
                while j < len(facts) and facts[j].sentence == total.sentence and not _money(facts[j]):
                    j += 1
                whole = _list_whole_after(base, total, cues, wholes)
                opening = whole is not None
                if opening:
                    # (the whole may be followed by what it is compared with, 为调整预算…的102.1%，比上年
                    # …增长5.2%: see _whole_before; its sentence is read once, for that whole only)
                    while j < len(facts) and facts[j].sentence == total.sentence:
                        j += 1
                if j < len(facts) and facts[j].sentence == total.sentence \
                        or not _list_opens(base, total.block, total.sentence + 1, facts[j:j + 1]):
                    continue
                # the last amount of its sentence, the next one listing its parts (…支出85.60万元，
                # 执行率100%。从支出结构看，其中设备购置…); a list opening its own sentence goes on over
                # the clauses ； joins to it (其中：税收收入…，增长4.8%；非税收入…，增长6.2%。)
                within = _joined(base, facts[j]) if opening else total.sentence + 1
                parts = _any_parts(islice(facts, j, None), within, summable)
                if opening:
                    # (…全年预算数3,560万元。其中：中央…: the next sentence opening on 其中 lists the
                    # whole this one ends on, as a 其中 right after it does)
                    sentence = total.sentence + 1
                    text = base.sentences.get((total.block, sentence), "")
                    direct = opener.match(text)
                    total = whole  # (资产总额…；负债总额…；净资产…。其中，行政单位资产总额…: the items' whole)
            if len(parts) < (1 if direct else 2):
                continue
            named = replace(total, concept=total.concept or compact(total.label).strip("，,：:（(") or "合计")
            if len(parts) >= 2 and len({p.unit for p in parts} | {total.unit}) == 2:
                yield CHECKED
                hit = _odd_part_slip(named, parts, "同一句")
                if hit is not None:
                    yield hit
                    continue
                # (no unit slip explains them: parts in another unit than the whole, 12.35亿元 over
                # 8.76亿元 and 36,900万元, are summed in one unit as any, below)
            # (a declared sum's parts under a whole naming nothing in the sentence before, 部门预算累计
            # 执行…。其中，基本支出执行…: no declared check reads that whole, _check_unnamed_totals
            # its own sentence only; read here as any 其中 list, when they are parts of one sum)
            unread = total.concept is None and sentence != total.sentence and _parts_of_one_sum(parts)
            if direct and (len(parts) == 1 or not _declared_list(total, parts) or unread):
                # a 其中 list of things the vocabulary does not know may leave some out, but its
                # items cannot add up to more than the whole (an item's own 其中 parts left out);
                # over the sentences ； joins only a misprinted unit that makes the sum hold is told
                slip = _misprinted_unit_part(named, parts, "同一句") if total.unit == "万元" and len(parts) >= 2 else None
                if slip is not None:
                    yield CHECKED
                    yield slip
                    continue
                # (a list opening its own sentence goes on over the clauses ； joins to it; one opened
                # in the whole's sentence ends with it: after its ； may stand the whole's sibling)
                later = [p for p in parts if p.sentence > sentence] if sentence != total.sentence else []
                parts = [p for p in parts if p.sentence == sentence]
                nested = _nested_lists(text, direct.end(), cues)
                # (a list in brackets ends with them: 公用经费130.00万元（其中三公经费18.46万元）、项目支出…)
                end = _closing_bracket(text, direct.end()) if "（" in direct.group() or "(" in direct.group() \
                    else len(text)
                sums = {compact(w) for w in rule.params["trailing_sum_words"]}
                openers = tuple(rule.params["sum_openers"])
                shares = tuple(rule.params["share_openers"])
                compared = tuple(rule.params["comparison_openers"])
                # (an amount in brackets after an item is a part of that item: 项目支出1,884.30万元（含
                # 财政项目资金1,827.70万元）)
                depth = _bracket_depth(text)
                level = depth(direct.end())
                def plain(p: Fact, text: str) -> bool:
                    return p.period == total.period and (p.measure == total.measure or p.implicit) \
                        and not _sum_words(p.label, sums) \
                        and not compact(p.label).lstrip("，,；;、").startswith(openers + compared) \
                        and not (compact(p.label).lstrip("，,；;、").startswith(shares)
                                 and SHARE_AFTER_RE.match(text, p.at + len(p.text)))

                items = [p for p in parts if p.at < end and not any(lo < p.at < hi for lo, hi in nested)
                         and depth(p.at) == level and plain(p, text)]
                listed = _enumerated_by_commas(text, items)
                if len(listed) == len(items) and level == 0 and end == len(text):
                    listed += _items_joined(base, later, plain, (*lexicon().list_openers, *cues))
                items = listed
                if len(items) >= 2:
                    yield CHECKED
                    yield from _compare_listing(named, items, True, rule)
                elif items and _money(total) and _money(items[0]) \
                        and not any(w in items[0].label for w in rule.params["other_measure_words"]):
                    # one part named after 其中 (授予中小企业合同金额…，其中：授予小微企业合同金额…):
                    # it cannot be more than the whole
                    yield CHECKED
                    part = items[0]
                    hit = _part_exceeds(named, part, "同一句", f"{compact(part.label).lstrip('，,：:、')} {part.text}")
                    if hit is not None:
                        yield hit


def _check_paired_lists(base: FactBase, rule):
    """A count and an amount (审计发现问题156个，涉及金额4.37亿元) followed by a 其中 list whose items
    each state a count and an amount side by side (其中：A 38个1.12亿元、B 21个0.56亿元…): two
    parallel lists, the counts the count's parts and the amounts the amount's. A 其中 list may
    leave items out, so a list's sum may only not exceed its whole, unless the other list adds up
    to its own whole: the items are then all of them, and both sums must meet their wholes."""
    opener = lexicon().list_opener
    for facts in base.by_block.values():
        for k in range(1, len(facts)):
            total, counted = facts[k], facts[k - 1]
            if total.source != "text" or not _money(total) or counted.sentence != total.sentence \
                    or not _counted_whole(counted):
                continue
            text = base.sentences.get((total.block, total.sentence), "")
            direct, first = _opener_after(text, facts, k, opener)
            if not direct:
                continue
            counts, amounts = _pairs(text, facts, first, counted.unit)
            if len(counts) < 2:
                continue
            yield CHECKED
            amount_total = replace(total, concept=total.concept or compact(total.label).strip("，,：:（(") or "合计")
            # (an amount's label is its count's: the item's name stands before the count)
            amounts = [replace(a, label=c.label) for c, a in zip(counts, amounts)]
            money_hits = list(_compare(amount_total, amounts, "列举", rule))
            money_fits = all(h.cls == "rounding" for h in money_hits)
            counted_sum = sum((c.value for c in counts), Decimal(0))
            if counted_sum > counted.value or (money_fits and counted_sum != counted.value):
                yield _count_hit(counted, counts, counted_sum)
            exact = sum((a.in_yuan() for a in amounts), Decimal(0))
            if counted_sum == counted.value or exact > amount_total.in_yuan():
                yield from money_hits


def _counted_whole(f: Fact) -> bool:
    """A count of things stated in the text (问题156个), whole, no change or rate: the whole a list's
    counts may be of."""
    return f.source == "text" and not _money(f) and f.unit not in PAIR_NOT_COUNTS and f.places == 0 \
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
                or not _money(amount) or amount.measure in OWN_CLAUSE_MEASURES \
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
        depth = _bracket_depth(text)
        found = [p for p in here if depth(p.at) == 0 and plain(p, text)]
        listed = _enumerated_by_commas(text, found)
        items += listed
        if not listed or len(listed) < len(found):
            break  # (the clause goes on with another thing: the list has ended)
    return items


def _check_span_breakdowns(base: FactBase, rule):
    """An amount of a span of years (in no index: it states no year's value) and the amounts of
    its years listed after it with 其中 (2022—2024年累计投入8,727.00万元，其中2022年…、2023年…)."""
    opener = lexicon().list_opener
    for total in base.facts:
        if total.comparator != "多年" or total.source != "text" or not total.unit or total.unit in ("%", "‰"):
            continue  # (any amount of a thing: 万元, 万亩, 人次; no rate adds up over years)
        text = base.sentences.get((total.block, total.sentence), "")
        if not opener.match(text, total.at + len(total.text)):
            continue
        after = [f for f in base.by_sentence.get((total.block, total.sentence), ()) if f.at > total.at]
        # (the parts in the total's unit, money read in any of its units; a quantity's of its
        # measure: …，其中2021年1.60万亩…，累计完成规划目标12.00万亩 lists no target among them)
        summable = _money if _money(total) else (
            lambda f, unit=total.unit, measure=total.measure: f.unit == unit and f.measure == measure)
        by_year = _parts_by_year(text, total, _any_parts(after, total.sentence, summable), base.year)
        if by_year is None:
            continue
        yield CHECKED
        items, complete, start = by_year
        # (named by its words from the span's first year: 2022—2024年累计投入改造资金)
        named = replace(total, concept=compact(text[start:total.at]).strip("，,：:（(为") or "合计")
        yield from _compare_listing(named, items, not complete, rule)


def _check_span_sums(base: FactBase, rule):
    """A sum closing figures that took a span's years in turn (2022年至2024年，支出分别为X、Y、Z，三年
    合计W; facts/base.py records them in FactBase.span_sums): W is X + Y + Z. Amounts only (a
    count's sum is no amount CAL001 reports)."""
    for total_id, years in base.span_sums.items():
        # (each part named by the year it took: 2022年 5,402.30万元 + …)
        total, parts = base.facts[total_id], [replace(base.facts[i], concept=f"{year}年") for i, year in years]
        if not total.is_money or any(not p.is_money for p in parts):
            continue
        yield CHECKED
        # (named by its own words: 三年合计, 累计)
        named = replace(total, concept=total.concept or compact(total.label).strip("，,；;：:（(为") or "合计")
        yield from _compare_listing(named, parts, False, rule)


def _parts_by_year(text: str, total: Fact, parts: list[Fact], year: int | None = None) -> tuple[list[Fact], bool, int] | None:
    """The amounts of a span of years broken down by year (2022—2024年累计投入8,727.00万元，其中2022年
    2,600.00万元、2023年…): the parts each naming one year of the span, no year twice; and whether
    they name every year of it (then they add up to it; else they cannot exceed it); and where the
    span's words start. None when the span's years or a part's year cannot be read."""
    span = _span_years(text, total, year)
    if span is None or any(w in text[span[3]:total.at] for w in concepts().get("span_average_words") or ()):
        return None  # (2022—2024年年均投入…: a year's on average, no sum of the years)
    first, last, start, words_at = span
    years = []
    for part in parts:
        named = YEAR_NUMBER_RE.findall(part.label)
        # (each part named by its year alone: 其中2022年中央资金… is one fund's, not the year's all)
        rest = YEAR_NUMBER_RE.sub("", compact(part.label))
        for opener in lexicon().list_openers:
            rest = rest.replace(opener, "")
        # (the words the whole is named by may stand again: 累计投入…，其中2022年投入…、2023年完成投资…)
        rest = rest.strip("，,、；;：:和及与度为是的")
        if len(named) != 1 or not first <= int(named[0]) <= last or part.comparator \
                or (rest and rest not in compact(text[words_at:total.at])):
            return None
        years.append(int(named[0]))
    if len(parts) < 2 or len(set(years)) != len(years):
        return None
    return parts, set(years) == set(range(first, last + 1)), start


def _span_years(text: str, total: Fact, year: int | None) -> YearSpan | None:
    """The span of years named right before the total (facts/spans.py), with where its words
    start and end."""
    return named_span(text, max(0, total.at - SPAN_CHARS), total.at, year)


ROUND_DIGITS = 4  # a figure said to be round (约) has this many significant digits at most (约268, 约1,286)
SPAN_CHARS = 40  # how far before a span's amount its years stand (2022—2024年累计投入改造资金)
YEAR_NUMBER_RE = re.compile(r"((?:19|20)\d\d)\s*年")
# spans ending at the report's year: 近三年, 三年来, 2021年以来, “十四五”以来 (plan periods in concepts.yaml)


def _opener_after(text: str, facts: list[Fact], k: int, opener, remarks: tuple = ()) -> tuple[re.Match | None, int]:
    """The list opener right after the amount `facts[k]` (…支出120.50万元，其中：…), or right after
    the share it is of the whole stated next to it (…合同金额100.00万元，占政府采购支出总额的82.99%，
    其中：…: the parts are the amount's, not the share's); and the index of the first fact after it."""
    total, first = facts[k], k + 1
    if first < len(facts) and facts[first].sentence == total.sentence and facts[first].measure == "占比" \
            and facts[first].of in (-1, total.id):
        first += 1  # (one share only: a list of shares is no whole's own)
    end = facts[first - 1].at + len(facts[first - 1].text)
    if first > k + 1 and CLAUSE_END_RE.search(text, total.at + len(total.text), end):
        return None, k + 1
    return opener.match(text, end) or _bracket_breakdown(text, facts, k, remarks), first


BARE_BRACKET_RE = re.compile(r"\s*[（(]")
# what stands between the named amounts of a breakdown in brackets (（门诊收入…，住院收入…）)
BRACKET_SEPARATORS_RE = re.compile(r"[、，,；;和及]")


def _bracket_breakdown(text: str, facts: list[Fact], k: int, remarks: tuple) -> re.Match | None:
    """The bracket right after the amount facts[k] when it holds a breakdown of it and nothing else
    (…收入6,420.00万元（甲项收入2,310.00万元，乙项收入4,110.00万元）): two or more amounts of its unit,
    each named by words of its own with no figure and no remark (`remarks`: 含, 较, 占 … say what
    the amount includes or how it changed, see the rule file). It opens a list as （其中 would."""
    total = facts[k]
    bracket = BARE_BRACKET_RE.match(text, total.at + len(total.text))
    if bracket is None:
        return None
    close = _closing_bracket(text, bracket.end())
    # (the facts after the amount up to the bracket's close: a few, however long the paragraph)
    inside = list(takewhile(lambda f: f.sentence == total.sentence and f.at < close, islice(facts, k + 1, None)))
    if len(inside) < 2 or any(f.unit != total.unit or not f.is_money for f in inside):
        return None
    starts = [bracket.end()] + [f.at + len(f.text) for f in inside[:-1]]
    names = [BRACKET_SEPARATORS_RE.sub("", compact(text[a:f.at]), count=1) if i else compact(text[a:f.at])
             for i, (a, f) in enumerate(zip(starts, inside))]
    if compact(text[inside[-1].at + len(inside[-1].text):close]) \
            or any(not n or FIGURE_RE.search(n) or any(w in n for w in remarks) for n in names):
        return None
    return bracket


# the share an amount named after 占 is the whole of (占全年预算数52.00万元的86.54%)
SHARE_AFTER_RE = re.compile(r"\s*的\s*[\d.]+\s*[%％]")


def _parts_of_one_sum(parts: list[Fact]) -> bool:
    """The parts are each a different part of one declared sum (基本支出, 项目支出 of 本年支出; not
    收入 items beside a 结转 of the spending side, 收入、支出总计均为…。其中：…)."""
    named = {p.concept for p in parts}
    return len(named) == len(parts) and any(
        named <= names.keys() and len({names[n] for n in named}) == len(named)
        for calc in lexicon().calculations if not calc.get("fund") for names in [_part_names(calc)])


def _declared_list(total: Fact, parts: list[Fact]) -> bool:
    """The list names things of a sum the vocabulary declares (本年支出 = 基本支出 + 项目支出): the
    declared checks judge it. A list of things no declared sum names (债务余额, 其中一般债务…、专项
    债务…: concepts learned from a table's rows) is a 其中 list like any."""
    if any(p.concept is None for p in parts):
        return False
    # (a list of known things, nested or not, 其中基本支出…，人员经费…，公用经费…, is the declared
    # checks' to judge: only one of things no declared sum names is read here)
    totals, summed = _declared_names()
    return total.concept in totals or any(p.concept in summed for p in parts)


def _list_opens(base: FactBase, block: int, sentence: int, after: list[Fact]) -> bool:
    """Whether a list opener (其中) stands in the sentence before its first figure."""
    first = next((f for f in after if f.sentence == sentence), None)
    text = base.sentences.get((block, sentence), "")
    return first is not None and (any(w in text[:first.at] for w in lexicon().list_openers)
                                  or lexicon().part_list_head.match(text) is not None)  # (累计支出中，…)


def _any_parts(after, sentence, summable=None) -> list[Fact]:
    """The amounts of one sentence (or of the sentences in `sentence`, a set: one joined by ；)
    listed one after another, up to a change or another figure (`summable`: what counts as an
    amount, money by default)."""
    within = sentence if isinstance(sentence, (set, frozenset)) else {sentence}
    summable = summable or _money
    parts: list[Fact] = []
    for f in after:
        if parts and f.sentence == parts[-1].sentence and (f.measure in OWN_CLAUSE_MEASURES or f.unit in OWN_RATE_UNITS):
            continue  # (税收收入8.76亿元，增长4.8%，…: the item's own change or share, then the list goes on;
            # so its own rate, 基本支出执行1,241.30万元，执行率55.10%；项目支出…)
        if f.sentence not in within or not summable(f) or f.measure == "变动额" or _share_base(f):
            break
        parts.append(f)
    return parts


# the measures of what an item of a list says of itself after its amount (its change, its rate of
# change, its share of the whole): no item, and no end of the list
OWN_CLAUSE_MEASURES = ("变动额", "变动率", "占比")
OWN_RATE_UNITS = ("%", "‰")  # ... and a rate in the item's clause (its execution rate), whatever its measure


def _joined(base: FactBase, total: Fact) -> set[int]:
    """The total's sentence and those ； joins to it after it (其中A…，主要为…；B…)."""
    out, index = {total.sentence}, total.sentence
    while base.sentences.get((total.block, index), "").rstrip().endswith(("；", ";")) and len(out) < 8:
        index += 1
        if (total.block, index) not in base.sentences:
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
        if f.sentence != sentence or not _money(f) or f.measure == "变动额" or f.concept is None or _share_base(f):
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
    return (following.sentence == last.sentence and following.concept is None and _money(following)
            and following.measure == last.measure and following.period == last.period)


def _opens_list(base: FactBase, key: tuple[int, int], facts: list[Fact], total: str, rule) -> bool:
    """The total's own clause opens a list of parts after it (其中, or an enumeration cue: 包括,
    分别为, 主要用于 …): only then do the clauses after a ； go on with its parts."""
    first = next((f for f in facts if f.concept == total), None)
    text = base.sentences.get(key, "")
    markers = [*lexicon().list_openers, *rule.params["enumeration_cues"], *rule.params["partial_cues"]]
    if first is None:
        return False
    if any(w in text[first.at:] for w in markers):
        return True
    # the next sentence may open it (“…决算为12.46万元。其中：…”; see FactBase.clause_runs), unless
    # the total's own sentence already broke it down (…12.46万元，其中财政拨款10.00万元。其中：… is
    # the list of that part)
    return base.opens_list((key[0], key[1] + 1)) and not _listed_here(facts, total)


MONTH_RE = re.compile(r"(?<!\d)\d{1,2}\s*(?:[-—－~～至到]\s*\d{1,2}\s*)?月")


def _parts_sentence_after(base: FactBase, key: tuple[int, int], facts: list[Fact], total: str,
                          names: dict[str, str]) -> list[Fact]:
    """The next sentence's facts when it states amounts of the total's parts only, two or more,
    and the total's own sentence states nothing else (“三公”经费支出7.64万元。A、B、C分别为…): what
    it breaks down is the total its names are the parts of, whatever word opens it."""
    first = next((f for f in facts if f.concept == total), None)
    if first is None or _listed_here(facts, total):
        return []
    after = base.by_sentence.get((key[0], key[1] + 1), [])
    money = [f for f in after if f.is_money and f.measure != "变动额"]
    if len({f.concept for f in money}) < 2 or any(f.concept not in names or f.period != first.period
                                                  or f.measure != first.measure for f in money):
        return []
    # (2023年…分别为, 上年…分别为, 预算分别为: the parts of another year or measure, however read)
    lead = base.sentences.get((key[0], key[1] + 1), "")[:money[0].at]
    lex = lexicon()
    # (the total's own year may be said again: 2024年…7.64万元。2024年A、B、C分别为…)
    own_year = base.year if first.period == CURRENT else None
    # (…of a part of the year, 上半年, 1-6月: no breakdown of the year's total)
    if any(int(y) != own_year for y in YEAR_RE.findall(lead)) or lex.prior.search(lead) \
            or lex.partial_period.search(lead) or MONTH_RE.search(lead) \
            or any(m != first.measure for *_, m in lex.measures.all(lead)):
        return []
    return after


def _listed_here(facts: list[Fact], total: str) -> bool:
    """Whether the total's own sentence goes on with amounts of other things after it (not its own
    change: 38.64万元，比上年减少4.26万元): its list has begun there."""
    first = next((f for f in facts if f.concept == total), None)
    return first is not None and any(f.is_money and f.at > first.at and f.concept != total
                                     and f.measure != "变动额" for f in facts)


def _continuation(base: FactBase, rest: list[tuple[tuple[int, int], list[Fact]]], total: str,
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
        if any(f.concept == total for f in facts) or (first is not None and first.concept not in names):
            break
        out.extend(facts)
    return out


def _wider_siblings(calc: dict) -> dict[str, str]:
    """The names of the other items of each declared sum the total is an item of (上年结转 beside
    本年收入 in 收支总计): a list of the total's parts may go on with one (see _wider_items)."""
    out: dict[str, str] = {}
    for wider in lexicon().calculations:
        names = _part_names(wider)
        if calc["total"] in names and not wider.get("fund"):
            out.update({n: part for n, part in names.items() if part != names[calc["total"]]})
    return out


def _table_columns(facts: list[Fact]) -> list[list[Fact]]:
    """A table's facts by column (and column member), in the order the table states them."""
    by_column: dict[tuple, list[Fact]] = {}
    for f in facts:
        by_column.setdefault((f.loc.col, f.header, f.member), []).append(f)
    return list(by_column.values())


def _check_changes(doc, base: FactBase, rule):
    """A paragraph stating a total's change on last year and the change of each of its parts."""
    from ..direction import unfigured_claims

    for block, facts in base.by_block.items():
        changes = [f for f in facts if f.measure == "变动额" and f.concept and f.is_money and f.source == "text"]
        if not changes:
            continue
        flat = None  # the paragraph's 持平 claims, read for the first total it changes
        for calc in lexicon().calculations:
            total = next((f for f in changes if f.concept == calc["total"]), None)
            if total is None:
                continue
            if flat is None:
                flat = {c: loc for c, _sign, loc in unfigured_claims(doc, block, on_last_year=True) if _sign == 0}
            parts, zeros = [], []
            for name in calc["parts"]:
                stated = [f for f in changes if f.concept == name and f.id > total.id and _of_fund(f, calc)]
                if stated:
                    parts.append(stated[0])
                elif name in flat:
                    zeros.append(name)
                else:
                    break
            else:
                if len(parts) + len(zeros) < 2:
                    continue
                # an optional part (经营支出 under 本年支出) counts when its change is stated
                for name in calc.get("optional") or ():
                    stated = next((f for f in changes if f.concept == name and f.id > total.id), None)
                    parts += [stated] if stated else []
                yield CHECKED
                yield from _compare_changes(total, parts, zeros)


def _compare_changes(total: Fact, parts: list[Fact], zeros: list[str]):
    factor = MONEY_UNITS[total.unit]
    signed = sum((p.sign or 1) * p.in_yuan() for p in parts)
    stated = (total.sign or 1) * total.in_yuan()
    slack = (total.half_unit * MONEY_UNITS[total.unit] + sum(p.half_unit * MONEY_UNITS[p.unit] for p in parts))
    if abs(stated - signed) <= slack:
        return
    words = [f"{p.concept} {'增加' if p.sign > 0 else '减少'} {p.text}" for p in parts]
    words += [f"{name} 持平" for name in zeros]
    expected = f"{'增加' if signed > 0 else '减少' if signed < 0 else '持平'}{fmt(abs(signed) / factor)}{total.unit}"
    said = f"{'增加' if total.sign > 0 else '减少'}{total.text}"
    yield Hit(quote=total.quote, location=total.loc, stated=said, expected=expected,
              formula=f"{total.concept} 的变动 = " + " + ".join(words) + f" = {fmt(signed / factor)}{total.unit}"
                      f"，文中写{said}",
              fields={"total_label": f"{total.concept}较上年变动", "total": said, "sum": expected,
                      "parts": "、".join(words), "context": "同一段（较上年变动）", "verdict": "不符"},
              highlights=[p.loc for p in parts])


def _check_subrows(doc, base: FactBase, rule):
    """A table row labelled 其中 is part of the row above it: in every column it cannot exceed
    that row (a 年度资金总额 of 0 above a non-zero 其中 row; a subtotal left at 0). Under a row
    heading a breakdown (按支出性质分, no figures of its own) it is part of the row above that."""
    breakdown = lexicon().breakdown_heading
    for block, facts in base.by_table.items():
        heads = _breakdown_heads(doc, block, breakdown)
        by_cell = None  # the money facts by cell, indexed for the first 其中 row
        by_row: dict[int, list[Fact]] = {}
        for f in facts:
            # a part's change on last year may well exceed the whole's (−2.80 of which 0.00)
            if f.is_money and f.measure != "变动额":
                by_row.setdefault(f.loc.row, []).append(f)
        # each column's last row not labelled 其中: a two-sided table (收入 | 支出) labels each half's
        # rows on its own, so a 其中 on the income side says nothing of the expense beside it
        parent_of: dict[int, int] = {}
        for row in sorted(by_row):
            for part in by_row[row]:
                if not SUBROW_RE.match(part.label.strip()):
                    # (a row after a breakdown's heading is no whole of the 其中 rows under the next one)
                    if not any(parent_of.get(part.loc.col, 0) < h < row for h in heads) or part.loc.col not in parent_of:
                        parent_of[part.loc.col] = row
                    continue
                if part.loc.col not in parent_of:
                    continue
                if by_cell is None:
                    by_cell = {(f.loc.row, f.loc.col): f for rows in by_row.values() for f in rows}
                whole = by_cell.get((parent_of[part.loc.col], part.loc.col))
                if whole is None:
                    continue
                yield CHECKED
                hit = _part_exceeds(replace(whole, concept=whole.label.strip()), part, "其中行",
                                    f"{part.label.strip()} {part.text}（第{part.loc.row_shown}行）")
                if hit is not None:
                    yield hit


def _part_exceeds(whole: Fact, part: Fact, context: str, named: str) -> Hit | None:
    """A part (a 其中 row or the one amount after 其中) more than its whole, beyond the printed
    precision of either (`named`: the part as the formula names it)."""
    slack = whole.half_unit * (MONEY_UNITS.get(whole.unit) or 1) + part.half_unit * (MONEY_UNITS.get(part.unit) or 1)
    if whole.value < 0 or part.value < 0 or part.in_yuan() - whole.in_yuan() <= slack:
        return None
    return Hit(quote=whole.quote, location=whole.loc, stated=whole.text, expected=f"≥ {part.text}",
               formula=f"{named} 是“{whole.concept}”的一部分，不能大于它的 {whole.text}",
               fields={"total_label": whole.concept, "total": whole.text, "sum": f"≥ {part.text}",
                       "parts": f"其中的 {named}", "sum_phrase": "", "context": context,
                       "verdict": "部分大于整体"},
               highlights=[part.loc])


def _check_enumerations(doc, base: FactBase, rule, summed: frozenset | set = frozenset()):
    """A concept followed by 包括 / 分别为 and a list of amounts: the amounts add up to it. (A
    total a declared sum checked, `summed`, is compared again but not counted again.)"""
    cues = sorted(rule.params["enumeration_cues"] + rule.params["partial_cues"], key=len, reverse=True)
    # (most sentences hold no cue at all: one search of them all tells, before each is looked for in turn)
    any_cue = re.compile("|".join(map(re.escape, cues))) if cues else None
    for (block, index), facts in base.by_sentence.items():
        text = base.sentences[(block, index)]  # a paragraph's sentence, or a prose cell's
        # (an amount in brackets is a part of the item before it: …296.18万元（含上级补助60.00万元）)
        depth = _bracket_depth(text)
        cue = _first_cue(text, cues, depth) if any_cue is not None and any_cue.search(text) else None
        cue = cue or _enclosing_cue(text, rule) or _opener_of_whole(text, rule)
        if cue is None:
            continue
        word, at, end = cue  # (the list's items stand between at and end)
        if word.startswith("分别") and (SPAN_YEARS_RE.search(text, 0, at) or len(YEAR_RE.findall(text, 0, at)) >= 2):
            continue  # (2022年至2024年，支出合计分别为A、B、C: each a year's figure, no part of a whole)
        if MALFORMED_RE.search(text, at):
            continue  # a part that cannot be read leaves the sum unjudged (the number rule reports it)
        named = [f for f in facts if f.concept and f.at < at]
        head = _concept_before(base, text[:at])
        right_before = _amount_right_before(facts, text, at)
        clause = CLAUSE_BREAK_RE.split(text[:at])[-1]
        # (中央、省、市、县四级资金分别为…: the whole's parts, counted; read in the clause's last words)
        named_tail = clause[-COUNTED_NAMES_CHARS:]
        counted = COUNTED_NAMES_RE.search(named_tail)
        if len({c for _, _, c in lexicon().concepts.all(compact(clause))}) >= 2 and not counted:
            continue  # 基本支出和项目支出分别为X和Y: names listed first, each its figure, no sum
        if head is not None:
            here = [f for f in named if f.concept == head and f.is_money and f.measure in ("决算", base.bare_measure)]
            total = here[-1] if here else _value(base, head, base.bare_measure)
        else:
            # “项目支出共1,056.30万元，主要用于：A…、B…”: the amount the cue follows, whatever it names
            total = right_before
        if total is None and counted:
            # (…衔接资金6,842.00万元，中央、省、市、县四级资金分别为…: the amount the counted names follow)
            total = _amount_right_before(facts, text, at - len(clause))
        if total is None and head is None and _opens_on_cue(text, at):
            # (…全年预算数3,560万元。按资金来源划分：中央…: a sentence opening on its cue lists the
            # whole the sentence before ended on)
            total = _whole_before(base, block, index, cues)
        if total is None:
            continue
        # (an item naming no measure is of the total's: 全年预算680.00万元中，中央资金300.00万元、…)
        sums = {compact(w) for w in rule.params["trailing_sum_words"]}
        # (a closing 合计 / 两项合计 sums the items, and what follows a partial sum, 其余…, is an item)
        nested = _nested_lists(text, at)
        parts = [f for f in facts if at < f.at < end and _list_item(f, total, depth, nested, sums)]
        if word in lexicon().list_openers and end == len(text) and text.rstrip().endswith(("；", ";")):
            # (其中：基本工资…、绩效工资…；办公费…、其他商品和服务支出…。: a list set apart by
            # semicolons goes on to the full stop)
            parts += _items_after(base, (block, index), total, sums, cues)
        if len(parts) < 2 or total in parts:
            continue
        if counted and _count_of(counted.group(1)) != len(parts):
            continue  # (the names' count is not the figures': some other list)
        if counted:
            # each part named by its name in the list (中央 4,620.00万元, 省 1,486.00万元 …)
            names = [n.strip() for n in re.split(r"[、和及]", named_tail[:counted.start(1)]) if n.strip()]
            if len(names) == len(parts):
                parts = [replace(f, label=name) for f, name in zip(parts, names)]
        if word in lexicon().list_openers and not _catch_all(parts[-1], rule):
            continue  # a 其中 list may name some parts only, unless its last item is the rest (其他…)
        if id(total) not in summed:
            yield CHECKED
        if total.concept is None or head is None:
            total = replace(total, concept=total.concept or compact(total.label).strip("，,：:（(") or "合计")
        lead = compact(parts[0].label)
        if word in lead:  # (the first item's words after the cue: 学费收入, not 主要包括学费收入)
            parts[0] = replace(parts[0], label=lead[lead.rindex(word) + len(word):].lstrip("：:，,"))
        # (a list that may leave parts out names them all when it ends on the rest: 主要包括A、B、培训及其他…)
        partial = word in rule.params["partial_cues"] and not _catch_all(parts[-1], rule)
        yield from _compare_listing(total, parts, partial, rule)


def _list_item(f: Fact, total: Fact, depth, nested: list[tuple[int, int]], sums: set) -> bool:
    """The fact is an item of a list of the total's parts: an amount of its period and measure (or
    naming none), outside brackets and nested lists, no sum of items, no amount per head (…，人均
    公用经费2.88万元) and no share's whole."""
    return f.is_money and depth(f.at) == 0 and f.period == total.period \
        and (f.measure == total.measure or f.implicit or _item_named_as_change(f)) \
        and not _sum_words(f.label, sums) and not any(lo < f.at < hi for lo, hi in nested) \
        and not per_unit(f) and not _share_base(f)


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
        if any(w in text for w in (*lexicon().list_openers, *cues)):
            break
        depth, nested = _bracket_depth(text), _nested_lists(text, 0)
        money = [f for f in facts if f.is_money]
        if not money or not all(_list_item(f, total, depth, nested, sums) for f in money):
            break
        items += money
    return items


def _share_base(f: Fact) -> bool:
    """The amount is a share's whole restated inside its 占…的 (…，占全县一般公共预算支出286,420万元
    的80.0%): no item of a list."""
    words = compact(f.label).lstrip("，,；;、：:")
    # (占 opening a name of the vocabulary's, not a word of an item's own: 占地补偿)
    return words.startswith("占") and bool(lexicon().concepts.all(words[1:]))


def _count_of(word: str) -> int | None:
    return int(word) if word.isdigit() else cn_to_int(word)


def _first_cue(text: str, cues: list[str], depth) -> tuple[str, int, int] | None:
    """(the cue, where, the text's end) of the sentence's list: the earliest cue outside brackets,
    the longest of those standing there (主要包括 over 包括). A cue inside brackets remarks on the item
    before it (…专用结余1,800.00万元（主要为…），经营结余…): it opens no list of the sentence's."""
    found = [(k, -len(c), c) for c in cues for k in [_cue_at(text, c, depth)] if k >= 0]
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


def _opener_of_whole(text: str, rule) -> tuple[str, int, int] | None:
    """(the list opener, where, the text's end) of a 其中 list, for a sentence with no enumeration
    cue: a list that ends on the rest (…、其他商品和服务支出57.85万元) names the whole, see _catch_all."""
    if not rule.params["catch_all_words"]:
        return None
    return next(((w, text.find(w), len(text)) for w in lexicon().list_openers if w in text), None)


def _enclosing_cue(text: str, rule) -> tuple[str, int, int] | None:
    """(the opening word, where, where the closing word stands) of a complete list set between
    the rule's enclosing_cues (…1,776.28万元，由人员经费1,583.88万元、公用经费182.40万元两部分组成):
    a figure between them, no clause end (。；) either; the list ends at the closing word."""
    words = rule.params["enclosing_cues"]
    opening, closing = tuple(words.get("opening") or ()), tuple(words.get("closing") or ())
    if not opening or not closing or not any(w in text for w in opening):
        return None  # (most sentences: no opening word at all)
    m = _enclosing_re(opening, closing).search(text)
    return (m.group("open"), m.start(), m.start("close")) if m else None


@lru_cache(maxsize=4)
def _enclosing_re(opening: tuple[str, ...], closing: tuple[str, ...]) -> re.Pattern:
    # (the nearest closing word after a figure: lazy, and bounded by the sentence's clause ends)
    return re.compile(f"(?P<open>{alternatives(opening)})[^。；;]*?\\d[^。；;]*?(?P<close>{alternatives(closing)})")


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


def _check_trailing_sums(base: FactBase, rule):
    """Amounts listed one after another and closed by their sum (资金来源为：中央资金1,050.00万元、
    省级配套830.00万元、市级资金680.00万元，合计2,560.00万元; the items may stand in clauses joined
    by ；): the items from the last list opener (：, 其中, 包括 …) outside brackets before the sum,
    or from the start of the run of clauses. The first item may be the whole the others break
    down (总投资…，其中…，合计…): the sum is then judged against either."""
    words = {compact(w) for w in rule.params["trailing_sum_words"]}
    openers = ("：", ":", *lexicon().list_openers, *rule.params["enumeration_cues"])
    for run in base.clause_runs():
        flat = [f for _, group in run for f in group]
        for k, total in enumerate(flat):
            if not _sum_words(total.label, words) or not _money(total) or total.measure == "变动额":
                continue
            items = _listed_before(base, flat[:k], total, openers)
            if len(items) < 2 or any(not _money(f) or f.measure == "变动额" or f.comparator or f.period != total.period
                                     or _sum_words(f.label, words) for f in items) \
                    or any(MALFORMED_RE.search(base.sentences.get(key, "")) for key, _ in run):
                continue
            if total.concept is None:
                total = replace(total, concept=compact(total.label).strip("，,；;：:"))
            yield CHECKED
            hits = list(_compare(total, items, "列举", rule))
            if hits and len(items) >= 3 and not list(_compare(total, items[1:], "列举", rule)):
                continue  # (the first item is the whole, the sum the others')
            yield from hits


# words before a sum that count its items (三项共计, 以上各项合计, 三年合计): no name of another thing
COUNTED_SUM_RE = re.compile(r"^(?:以上|上述|前述|其中)?(?:[一二两三四五六七八九十\d]+|各)?(?:项|类|个|部分|笔|年)?")


def _sum_words(label: str, words: set) -> bool:
    """The words of an amount are a sum word, after words counting the items (三项共计)."""
    bare = compact(label).strip("，,；;：:")
    return bare in words or COUNTED_SUM_RE.sub("", bare, count=1) in words


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
        depth = _bracket_depth(text)
        end = len(text) if limit is None else limit
        opened = max((at for o in openers for at in [text.rfind(o, 0, end)] if at >= 0 and not depth(at)), default=-1)
        if opened >= 0 and f.at < opened:
            break
        if not depth(f.at):
            items.append(f)
        if opened >= 0:
            limit = opened  # (the list opens in this clause: no item before the opener)
    return list(reversed(items))


def _item_named_as_change(f: Fact) -> bool:
    """An item of a list whose name ends in a direction word (经办服务能力提升410.00万元 after
    主要用于：) names a use, not a change: nothing in its words compares it with anything."""
    return f.measure == "变动额" and f.concept is None and not lexicon().comparison.search(f.label)


def _opens_on_cue(text: str, at: int) -> bool:
    """The sentence opens on the cue at `at`, or on the words leading into it (资金来源分别为：…),
    no other words (基本支出是指…各项支出，其中：… opens on a thing of its own)."""
    if not text[:at].strip():
        return True
    lead = list_lead(text, 0, lexicon())
    return lead is not None and lead.end("words") >= at


def _list_whole_after(base: FactBase, total: Fact, cues, wholes: dict) -> Fact | None:
    """The whole of the list the sentence after the total's opens with a list opener (其中：…),
    when the total is the amount its sentence ends on (see _whole_before): the total, or the
    earlier amount the list's items name (_whole_named_by_list). (`wholes`: each sentence's
    (last amount, whole), found once.)"""
    key = (total.block, total.sentence + 1)
    if not base.opens_list(key):
        return None
    if key not in wholes:
        wholes[key] = _last_and_whole(base, *key, cues)
    last, whole = wholes[key]
    return whole if last is total else None


def _whole_before(base: FactBase, block: int, index: int, cues) -> Fact | None:
    """The amount the sentence before (in the paragraph) ends on, when it is a whole: an amount a
    list may add up to (see _money), no bound, no item of a list there (after a list opener, a
    cue, or a 、 joining it to the amount before); or the earlier one the list's items name."""
    return _last_and_whole(base, block, index, cues)[1]


def _last_and_whole(base: FactBase, block: int, index: int, cues) -> tuple[Fact | None, Fact | None]:
    """(the amount the sentence before ends on, the whole of the list opening sentence `index`):
    see _whole_before."""
    before = [f for f in base.by_sentence.get((block, index - 1), ()) if f.is_money]
    # (…收入完成12.35亿元，为调整预算12.10亿元的102.1%，超收0.25亿元，比上年11.74亿元增长5.2%。其中：…:
    # what the whole is compared with follows it: its change, last year's amount, a rate's base)
    text = base.sentences.get((block, index - 1), "")
    while len(before) > 1 and _compared(before[-1], before[0], text):
        before.pop()
    if not before:
        return None, None
    last = before[-1]
    words = text[before[-2].at + len(before[-2].text):last.at] if len(before) > 1 else ""
    if not _money(last) or last.comparator or "、" in words \
            or any(w in text[:last.at] for w in (*lexicon().list_openers, *cues)):
        return None, None
    return last, _whole_named_by_list(base, block, index, last)


JOINED_CLAUSES = 8  # how many clauses joined by ； a list's whole is looked for over (as _joined)


def _whole_named_by_list(base: FactBase, block: int, index: int, last: Fact) -> Fact:
    """The whole of the list opening sentence `index`: the amount its first item names as its whole
    (kinds/base.whole_named_by) among those of the last one's year and measure in the clauses ；
    joins up to it (资产总额83.07亿元；负债总额11.39亿元；净资产71.68亿元。其中，行政单位资产总额
    34.26亿元…: the items' whole is 资产总额, not 净资产); else that last amount."""
    first = next((f for f in base.by_sentence.get((block, index), ()) if f.is_money), None)
    if first is None:
        return last
    candidates: list[Fact] = []
    for k in range(index - 1, max(-1, index - 1 - JOINED_CLAUSES), -1):
        if k < index - 1 and not base.sentences.get((block, k), "").rstrip().endswith(("；", ";")):
            break
        candidates[:0] = [f for f in base.by_sentence.get((block, k), ()) if f is not last and _money(f)
                          and f.period == last.period and f.measure == last.measure and not f.comparator]
    return whole_named_by(first, candidates, last)


def _compared(f: Fact, head: Fact, text: str) -> bool:
    """The amount is one the sentence's first compares itself with: its change, an amount of
    another year (比上年11.74亿元), or the base of a rate (为调整预算12.10亿元的102.1%)."""
    return f.measure == "变动额" or f.period != head.period or SHARE_AFTER_RE.match(text, f.at + len(f.text)) is not None


def _amount_right_before(facts: list[Fact], text: str, at: int) -> Fact | None:
    """The amount that ends right before a cue (nothing but a comma or colon between), of this
    year and no change: the whole the list after the cue is of."""
    before = [f for f in facts if f.at + len(f.text) <= at]
    last = before[-1] if before else None
    if last is None or not _money(last) or last.measure == "变动额" or last.comparator:
        return None
    end = last.at + len(last.text)
    if not text[end:at].strip("，,：: "):
        return last
    # (or the words leading into the list, the cue closing them: …1,480.00万元，资金来源分别为…)
    lead = list_lead(text, end, lexicon())
    return last if lead is not None and lead.end("words") >= at else None


def _bracket_depth(text: str):
    """How many brackets are open at a place of the text (read once per sentence)."""
    marks = [(m.start(), 1 if m.group() in "（(" else -1) for m in BRACKET_RE.finditer(text)]
    running, depths = 0, []
    for _, step in marks:
        running = max(0, running + step)
        depths.append(running)
    places = [at for at, _ in marks]

    def depth(at: int) -> int:
        k = bisect_left(places, at)
        return depths[k - 1] if k else 0
    return depth


BRACKET_RE = re.compile(r"[（()）]")
FIGURE_RE = re.compile(r"\d")


def _concept_before(base: FactBase, text: str) -> str | None:
    """The concept named right before a cue, with no figure between (人员经费包括：…); one named
    before a figure (占全年支出的31.57%，包括…) is another clause's."""
    from ...facts.lexicon import lexicon as lex
    from ...knowledge import compact

    window = compact(text)[-12:]
    found = lex().concepts.all(window)
    if not found:
        return None
    _, end, concept = found[-1]
    return None if any(ch.isdigit() for ch in window[end:]) else concept


def _closing_bracket(text: str, at: int) -> int:
    """Where the bracket open at `at` closes (the end of the text if it does not)."""
    ends = [k for k in (text.find("）", at), text.find(")", at)) if k >= 0]
    return min(ends) if ends else len(text)


def _nested_lists(text: str, at: int, cues: tuple = ()) -> list[tuple[int, int]]:
    """Where an item's own parts stand in a list opened at `at`: from a list opener (or one of
    `cues`, 包括) after it (基本支出712.30万元，其中人员经费…、公用经费…) to the ； closing that item.
    An opener with no figure between it and `at` (按资金来源划分，其中：中央…) opens the same list."""
    spans = []
    for opener in (*lexicon().list_openers, *cues):
        start = text.find(opener, at + 1)
        if start >= 0 and not FIGURE_RE.search(text, at, start):
            start = text.find(opener, start + len(opener))
        while start >= 0:
            end = min((k for k in (text.find("；", start), text.find(";", start)) if k >= 0), default=len(text))
            if open_brackets(text, at, start) > 0:
                # (an opener in a bracket opened after `at` lists what the bracket remarks on: its
                # list ends with the bracket, …专用结余1,800.00万元（主要为…），经营结余71.20万元)
                end = min(end, _closing_bracket(text, start))
            spans.append((start, end))
            start = text.find(opener, end)
    return spans


def _enumerated_by_commas(text: str, items: list[Fact]) -> list[Fact]:
    """Items listed with 、 end at the first ， between two of them: a clause after it states
    another thing (其中货物类41.26万元、服务类71.22万元，授予中小企业合同金额112.48万元，占…)."""
    seps = [text[a.at + len(a.text):b.at] for a, b in zip(items, items[1:])]
    if not seps or "、" not in seps[0]:
        return items
    for k, sep in enumerate(seps):
        if "、" not in sep and any(ch in sep for ch in "，,"):
            return items[:k + 1]
    return items


def _compare_listing(total: Fact, parts: list[Fact], partial: bool, rule):
    slip = _odd_part_slip(total, parts, "列举")
    if slip is not None:
        yield slip
        return
    exact = sum((p.in_yuan() for p in parts), Decimal(0))
    if partial and exact <= total.in_yuan():
        return
    if _two_breakdowns(total, parts):
        return  # (其中一般8.50、专项12.80，拟再融资偿还15.00，其余6.30: the total split two ways)
    yield from _compare(total, parts, "列举", rule)


def _two_breakdowns(total: Fact, parts: list[Fact]) -> bool:
    """The listed items are two runs each adding up to the total: one total broken down two ways
    in one sentence (by kind, then by how it is paid), no list of one breakdown summed over."""
    def adds_up(run: list[Fact]) -> bool:
        slack = total.half_unit * MONEY_UNITS.get(total.unit, 1) + sum(p.half_unit * MONEY_UNITS.get(p.unit, 1) for p in run)
        return abs(sum(p.in_yuan() for p in run) - total.in_yuan()) <= slack

    # (each run two items at least: one item alone equal to the total is a restatement, no breakdown)
    return any(adds_up(parts[:k]) and adds_up(parts[k:]) for k in range(2, len(parts) - 1))


def _odd_part_slip(total: Fact, parts: list[Fact], context: str) -> Hit | None:
    """The parts add up to the total once the one part printed in another unit is read in the
    total's unit (which another part shares): that part carries a unit slip (人员经费 860.54元 among 万元 figures), and
    it, not the total, is what is wrong."""
    # the unit the total and at least one other part agree on is the one meant
    common = total.unit
    odd = [p for p in parts if p.unit != common]
    if not odd and len(parts) >= 2 and common == "万元":
        return _misprinted_unit_part(total, parts, context)
    if len(odd) != 1 or len(parts) < 2 or common not in MONEY_UNITS or odd[0].unit not in MONEY_UNITS:
        return None
    fixed = odd[0].value * MONEY_UNITS[common]
    exact = sum((p.in_yuan() for p in parts if p is not odd[0]), Decimal(0)) + fixed
    slack = sum((p.half_unit * MONEY_UNITS[common] for p in parts), Decimal(0)) + total.half_unit * MONEY_UNITS[total.unit]
    if abs(exact - total.in_yuan()) > slack:
        return None
    return Hit(quote=odd[0].quote, location=odd[0].loc, stated=odd[0].text,
               expected=f"{odd[0].value}{common}", cls="unit_error",
               formula=f"{total.concept} {total.text} = 各项之和，仅当 {odd[0].text} 按“{common}”计时成立",
               fields={"total_label": total.concept, "total": total.text, "sum": total.text,
                       "parts": " + ".join(f"{p.concept or p.label} {p.text}" for p in parts), "context": context,
                       "verdict": f"仅当 {odd[0].text} 按“{common}”计时相符，应为单位笔误"},
               highlights=[total.loc])


def _misprinted_unit_part(total: Fact, parts: list[Fact], context: str) -> Hit | None:
    """All in 万元, the parts add up to the total only with one part's figure read in 元 (服务类
    25,000万元 among 2.36万元 and a total of 4.86万元): that part's unit is misprinted."""
    slack = sum((p.half_unit for p in parts), Decimal(0)) + total.half_unit
    found = []
    for odd in parts:
        rest = sum((p.value for p in parts if p is not odd), Decimal(0))
        if odd.value >= 1000 and abs(rest + odd.value / 10000 - total.value) <= slack:
            found.append(odd)
    if len(found) != 1:
        return None
    odd = found[0]
    return Hit(quote=odd.quote, location=odd.loc, stated=odd.text, expected=f"{odd.text.replace('万元', '元')}",
               cls="unit_error",
               formula=f"{total.concept} {total.text} = 各项之和，仅当 {odd.text} 按“元”计时成立",
               fields={"total_label": total.concept, "total": total.text, "sum": total.text,
                       "parts": " + ".join(f"{p.concept or p.label} {p.text}" for p in parts), "context": context,
                       "verdict": f"仅当 {odd.text} 按“元”计时相符，应为单位笔误"},
               highlights=[total.loc])


def _part_names(calc: dict) -> dict[str, str]:
    """concept -> the part it counts as: an alternative stands for its group, and so do the
    parts of a part's own declared sum (公务用车运行维护费 for 公务用车购置及运行维护费). Read once
    per vocabulary (every document asks for every sum's)."""
    key = (vocabulary_generation(), calc["total"], calc.get("fund"))
    if key not in _PART_NAMES:
        _PART_NAMES[key] = _read_part_names(calc)
    return _PART_NAMES[key]


_PART_NAMES: dict[tuple, dict[str, str]] = {}  # a few entries per vocabulary: one per declared sum


def _declared_names() -> tuple[frozenset, frozenset]:
    """(the declared sums' totals, those totals and every name of their parts), read once per vocabulary."""
    key = vocabulary_generation()
    if key not in _DECLARED:
        calcs = lexicon().calculations
        totals = frozenset(calc["total"] for calc in calcs)
        _DECLARED.clear()  # (one vocabulary at a time: the cache does not grow)
        _DECLARED[key] = totals, totals | frozenset(n for calc in calcs for n in _part_names(calc))
    return _DECLARED[key]


_DECLARED: dict[int, tuple[frozenset, frozenset]] = {}


def _read_part_names(calc: dict) -> dict[str, str]:
    names = {p: p for p in calc["parts"]}
    for other in lexicon().calculations:
        if other["total"] in calc["parts"]:
            # the part's own parts and what may stand for them (一般公共预算财政拨款收入 for the
            # 财政拨款收入 of 本年收入): a 收支总表 states 本年收入 by its sources, without the total
            for sub in [*other["parts"], *(m for ms in (other.get("alternatives") or {}).values() for m in ms)]:
                names.setdefault(sub, other["total"])
    for group, members in (calc.get("alternatives") or {}).items():
        for m in members:
            names[m] = group
    for p in calc.get("optional") or ():
        names[p] = p
    return names


def _money(f: Fact) -> bool:
    # a table printing no unit still adds up: its cells share the unit, whichever it is; last
    # year's column adds up as this year's does (parts are taken of the total's period)
    # (an amount per head, 每生每年1,100元 or 人均…, is no part of any total; a forecast's column,
    # 预计全年执行数, adds up as the others do)
    return (f.is_money or (f.source == "table" and not f.unit)) and f.measure in ("决算", "年初预算", "全年预算", FORECAST) \
        and not (f.source == "text" and per_unit(f))


def _check_group(facts, calc, names, context, rule, complete, checked=None, blank=frozenset(), text=""):
    totals = [f for f in facts if f.concept == calc["total"] and _money(f)]
    for total in totals:
        parts = [f for f in facts if f.concept in names and _money(f) and f.measure == total.measure
                 and f.period == total.period and f.subject == total.subject and f is not total
                 and _of_fund(f, calc)]
        parts = _one_per_part(parts, names)
        # (in a sentence, parts of one part only — 人员经费、公用经费 of 本年支出 — leave the rest unsaid)
        if not parts or (len({names[p.concept] for p in parts}) < 2 and len(calc["parts"]) > 1 and context == "同一句"):
            continue
        stated = {names[p.concept] for p in parts} | set(blank)  # a blank part row stands for 0
        if context == "同一表列" and len(calc["parts"]) <= 3 and len(stated & set(calc["parts"])) < len(calc["parts"]):
            continue  # a short list of parts is always printed whole; a missing row is a reading gap
        unnamed = _unnamed_items(facts, total, parts, text) if context == "同一句" else []
        if context == "同一表列":
            parts = parts + _numbered_siblings(facts, total, parts)
            unnamed = _unnamed_rows(facts, total, parts)
        if checked is not None:
            checked.append(total)
        yield CHECKED
        wider = _wider_items(facts, total, parts, calc, text) if context == "同一句" and text else None
        holds = (wider is not None or unnamed) and not list(_compare(total, parts + unnamed, context, rule))
        if wider is not None and holds:
            continue  # (the list adds up to the total as stated: 本年收入合计 is its parts, the carry-over beside it)
        if wider is not None:
            # “收入预算总额1,804.00万元，其中：…其他收入20.00万元，上年结转45.20万元”: a list naming
            # an item of a sum the total is itself a part of is of that wider sum, every item counted
            whole, extra = wider
            yield from _compare(replace(total, concept=whole), parts + unnamed + extra, context, rule)
            continue
        if context == "同一句" and text and _opened_partly(text, total, parts, rule) \
                and sum((p.in_yuan() for p in parts), Decimal(0)) <= total.in_yuan():
            continue  # (本年支出…，主要包括基本支出…、项目支出…: some of the parts, only a sum above it is wrong)
        if unnamed:
            # “总收入25,849.50万元，其中：财政拨款收入…，医疗收入21,476.80万元，其他收入…”: an item the
            # vocabulary does not know is listed among the parts; the sum holds with it, or the
            # list is judged only where the known parts alone exceed the total
            if holds:
                continue
            if sum((p.in_yuan() for p in parts), Decimal(0)) <= total.in_yuan():
                continue
        yield from _compare(total, parts, context, rule)


def _check_form_blocks(doc, base: FactBase, rule, done: set[int]):
    """A form's funds total (年度资金总额) over the rows of its 其中 list, whatever the rows are
    called (中央财政资金, 地方资金, 彩票公益金, 单位自筹): the form's layout says they are its parts.
    Column by column, the totals no declared sum checked (`done`: ids of facts)."""
    labels = {compact(w) for w in rule.params["block_totals"]}
    for block, facts in base.by_table.items():
        table = doc.blocks[block] if 0 <= block < len(doc.blocks) else None
        rows = {f.loc.row for f in facts if compact(f.label) in labels}
        if not isinstance(table, Table) or not rows:
            continue
        grid, money = table.grid(), {(f.loc.row, f.loc.col): f for f in facts if _money(f)}
        for at in sorted(rows):
            label_col = next((c for c, text in enumerate(grid[at - 1]) if compact(text) in labels), None)
            if label_col is None:
                continue
            parts = _form_block(grid, at - 1, label_col)
            for col in sorted(c for r, c in money if r == at) if parts else ():
                total = money[(at, col)]
                if id(total) in done:
                    continue
                stated = _block_column(grid, money, total, parts, label_col)
                if stated is not None:
                    yield CHECKED
                    yield from _compare(replace(total, concept=compact(total.label)), stated, "同一表列", rule)


def _form_block(grid, at: int, label_col: int) -> list[int] | None:
    """The 0-based rows of the parts under a total row `at` (0-based): from the 其中 row right under
    it down to the first row holding words beside its label or left of the labels (年度总体目标,
    the indicators' head) or to the table's end. Rows opening a 其中 list of their own are a part's
    parts (see _nested_run). None where the rows break the total down twice (按收入性质分 … 按支出
    性质分), where the row ending the list states an amount where the total does (a part holding an
    odd word, 不适用, is no end of its list: not read), or where no list of two parts at least stands
    under the total."""
    rows = []
    for r in range(at + 1, len(grid)):
        if not _fund_row(grid, at, r, label_col):
            break
        rows.append(r)
        if len(rows) > BLOCK_ROWS:
            return None
    after = at + 1 + len(rows)
    if after < len(grid) and any(_amount(grid[at][c]) is not None and _amount(grid[after][c]) is not None
                                 for c in range(label_col + 1, len(grid[at]))):
        return None
    if not rows or not SUBROW_RE.match(grid[rows[0]][label_col]) \
            or any(lexicon().breakdown_heading.match(compact(grid[r][label_col])) for r in rows):
        return None
    top, k = [rows[0]], 1
    while k < len(rows):
        if not SUBROW_RE.match(grid[rows[k]][label_col]):
            top.append(rows[k])
            k += 1
            continue
        run = _nested_run(grid, top[-1], rows[k:], label_col)
        if run is None:
            return None
        k += run
    # (the first rows adding up to the total on their own: those after them break it down another
    # way, 按支出性质：基本支出 | 项目支出 after 其中：一般公共预算 | 其他资金, or stand beside it)
    if len(top) < 2 or _nested_run(grid, at, top, label_col) not in (None, len(top)):
        return None
    return top


# a funds block lists a handful of sources (中央, 省级, 市县, 自筹, 其他); a longer run of rows under a
# total is no form's block, and its reading stays bounded
BLOCK_ROWS = 20


def _fund_row(grid, at: int, r: int, label_col: int) -> bool:
    """Row r goes on with the list under row `at`: a label in the labels' column, nothing but what
    the total's row has left of it (a merged head repeated), figures or blanks right of it."""
    row = grid[r]
    if any(text.strip() and text != grid[at][c] for c, text in enumerate(row[:label_col])):
        return False
    return bool(row[label_col].strip()) and all(lexicon().says_nothing(t) or parse_cell(t.strip()) is not None
                                                for t in row[label_col + 1:])




def _nested_run(grid, parent: int, rest: list[int], label_col: int) -> int | None:
    """How many of `rest`, a 其中 row opening a part's own list, are that part's parts: the fewest
    rows adding up to it in every column where it states a figure (blank 0). The layout does not
    say where such a list ends; its sum does. None where no run of rows adds up to it. (Rows of
    the whole block: how many of them the total's own list is, by the same reading.)"""
    # (the columns where the rows state amounts too: not a total row's 分值 beside their dashes)
    columns = [c for c in range(label_col + 1, len(grid[parent])) if _amount(grid[parent][c]) is not None
               and any(_amount(grid[r][c]) is not None for r in rest)]
    if not columns:
        return None
    sums = {c: Decimal(0) for c in columns}
    for n, r in enumerate(rest, start=1):
        for c in columns:
            sums[c] += _amount(grid[r][c]) or 0
        if all(sums[c] == _amount(grid[parent][c]) for c in columns):
            return n
    return None


def _amount(text: str) -> Decimal | None:
    q = parse_cell(text.strip()) if text.strip() else None
    return q.value if q is not None and q.unit not in ("%", "‰") else None


def _block_column(grid, money: dict, total: Fact, parts: list[int], label_col: int) -> list[Fact] | None:
    """The parts' figures in the total's column, a part blank across the block's columns (其他资金 |
    | |) or a dash in the column being 0; None where a part stating figures in other columns leaves
    this one empty, or states in it no amount of the total's measure: not all the parts are stated."""
    stated = []
    for r in parts:
        fact = money.get((r + 1, total.loc.col))
        text = grid[r][total.loc.col - 1] if total.loc.col - 1 < len(grid[r]) else ""
        if fact is not None and fact.measure == total.measure and fact.period == total.period:
            stated.append(fact)
        elif not (text.strip() and lexicon().says_nothing(text)
                  or all(lexicon().says_nothing(t) for t in grid[r][label_col + 1:])):
            return None
    return stated or None


def _opened_partly(text: str, total: Fact, parts: list[Fact], rule) -> bool:
    """A word of a list that may leave parts out (主要包括, 主要是) between the total and its first part."""
    first = min((p.at for p in parts if p.at > total.at), default=None)
    if first is None:
        return False
    between = text[total.at + len(total.text):first]
    for opener in lexicon().list_openers:  # (其中： opens the parts, its 中： no partial list's)
        between = between.replace(opener, "")
    return any(w in between for w in rule.params["partial_cues"])


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
    depth = _bracket_depth(text)
    if any(depth(p.at) != depth(total.at) for p in parts if p.sentence == total.sentence):
        return None  # (基本支出X（其中人员经费…），项目支出Y: the bracket lists X's parts, Y is X's sibling)
    for wider in lexicon().calculations:
        if any(f.concept == wider["total"] and (f.sentence == total.sentence or spread) for f in facts):
            continue  # (the wider sum stated in the list's run of sentences: the carry-over is its item)
        names = _part_names(wider)
        if calc["total"] not in names or wider.get("fund"):
            continue
        siblings = {n for n, part in names.items() if part != names[calc["total"]]}
        # (in the total's own sentence, where the list is: a carry-over stated after a ； is a
        # statement of its own; in the run of a list carried on past it, an item)
        extra = [f for f in facts if f.id > total.id and f.block == total.block
                 and (f.sentence == total.sentence and depth(f.at) == depth(total.at) or spread and f.sentence != total.sentence)
                 and f.concept in siblings and _money(f)
                 and f.period == total.period and f.measure == total.measure and f.subject == total.subject]
        if extra:
            return wider["total"], extra
    return None


def _breakdown_heads(doc, block: int, pattern: re.Pattern) -> list[int]:
    """The rows (numbered as the facts' loc.row) of a table heading a breakdown of the total above
    them with no figures of their own."""
    table = doc.blocks[block] if 0 <= block < len(doc.blocks) else None
    if not isinstance(table, Table):
        return []
    return [r for r, row in enumerate(table.grid(), start=1)
            if row and pattern.fullmatch(compact(next((t for t in row if t.strip()), "")))]


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
             and _money(f) and f.measure == total.measure and (n := numbering_of(f.label.strip())) and n[1] in styles]
    # (a row whose own 其中 parts follow it among the parts is told by them: 1、公务用车购置及运行维护
    # (费 wrapped away) over 其中：公务用车购置费 …)
    below = sorted((f for f in column if f.measure == total.measure), key=lambda f: f.loc.row)
    return [f for f in found if not any(g.loc.row > f.loc.row and g in parts and g.label.lstrip().startswith("其中")
                                        for g in below[below.index(f) + 1:below.index(f) + 2])]


def _unnamed_items(facts: list[Fact], total: Fact, parts: list[Fact], text: str = "") -> list[Fact]:
    """Amounts naming no concept listed among a total's parts in its sentence: after the total and
    before the last part, or right after the last part in its sentence; where the total closes
    the list (本级收入…，加上级补助收入…、调入资金…，收入总计…), any before it in its sentence. Parts
    in brackets end with them (医疗收入…（门诊收入…，住院收入…），科教收入…: the amount after the
    bracket is the total's sibling)."""
    last = max(parts, key=lambda p: p.id)

    def listed(f: Fact) -> bool:
        if total.id > last.id:
            return (f.block, f.sentence) == (total.block, total.sentence) and f.id < total.id
        if f.id == last.id + 1:
            return (f.block, f.sentence) == (last.block, last.sentence)
        return total.id < f.id < last.id

    # (a name no declared sum knows, 债务转贷收入 or 调入资金 read off a table's rows, is an item the
    # identity does not know as much as a name the vocabulary lacks)
    summed = _declared_names()[1]
    found = [f for f in facts if f is not total and (f.concept is None or f.concept not in summed) and _money(f)
             and f.source == "text" and f.period == total.period and listed(f)]
    here = (total.block, total.sentence)
    if not found or not text or BRACKET_RE.search(text) is None or (last.block, last.sentence) != here:
        return found
    depth = _bracket_depth(text)
    inside = depth(last.at)
    return found if inside <= depth(total.at) else \
        [f for f in found if (f.block, f.sentence) == here and depth(f.at) == inside]


def _unnamed_rows(column: list[Fact], total: Fact, parts: list[Fact]) -> list[Fact]:
    """Rows of a table column between the total's row and its parts' (保险费收入, 利息收入 between
    本年收入 and 其他收入) naming none of the total's parts: items the vocabulary does not know,
    listed among the parts. A 其中 row is a part's part, not an item of the list."""
    rows = [p.loc.row for p in parts if p.loc.row is not None]
    if total.loc.row is None or not rows:
        return []
    low, high = min(rows + [total.loc.row]), max(rows + [total.loc.row])
    listed, known = {id(p) for p in parts}, concepts()["concepts"]
    unnamed, in_sub = [], False
    for f in sorted((f for f in column if f.loc.row is not None and low < f.loc.row < high),
                    key=lambda f: f.loc.row):
        if id(f) in listed:
            in_sub = False
        elif SUBROW_RE.match(f.label or "") and f.loc.row != total.loc.row + 1:
            in_sub = True  # (a 其中 row and the rows after it, up to the next part, are a part's parts;
            # right under the total, 年度资金总额 | 其中：专项债券资金 | 财政拨款, it opens the total's own list)
        elif not in_sub and f.concept not in known and _money(f) and f.measure == total.measure \
                and f.period == total.period:
            unnamed.append(f)  # (公务用车购置费 between 三公经费 and 公务接待费, known, is a part's part)
    return unnamed


def _of_fund(fact: Fact, calc: dict) -> bool:
    """A part of a fund's sum (`fund`, see lexicon.fund_calculations) is that fund's figure: one
    stated for it, or one whose concept names it."""
    fund = calc.get("fund")
    return not fund or fact.fund == fund or fund in fact.concept


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


def _check_document(base: FactBase, calc, names, rule):
    """Total and parts each stated somewhere with one value. A total whose measure is not worded
    (a bare 整体支出 X) is tried against the parts of every measure: consistent with any, it is
    quiet; a unit slip against any is reported as such; otherwise it is compared as a 决算 (in a
    plan, as its budget: FactBase.bare_measure)."""
    plain = base.bare_measure
    total = _value(base, calc["total"], plain)
    if total is None:
        return
    measures = tuple(dict.fromkeys((plain, "决算", "年初预算", "全年预算"))) if total.implicit else (plain,)
    outcomes = []
    for measure in measures:
        parts = _document_parts(base, calc, measure)
        if parts is not None:
            outcomes.append((measure, list(_compare(total, parts, "全文", rule))))
    if outcomes:
        yield CHECKED
    if not outcomes or any(not hits or all(h.cls == "rounding" for h in hits) for _, hits in outcomes):
        yield from (h for _, hits in outcomes[:1] for h in hits if h.cls == "rounding")
        return
    slips = [hits for _, hits in outcomes if any(h.cls == "unit_error" for h in hits)]
    yield from (slips[0] if slips else dict(outcomes).get(plain, []))


def _document_parts(base: FactBase, calc, measure: str) -> list[Fact] | None:
    parts = []
    for p in calc["parts"]:
        f = _value(base, p, measure)
        if f is None:
            found = [a for a in (_value(base, x, measure) for x in (calc.get("alternatives") or {}).get(p, ()))
                     if a is not None]
            if not found:
                return None  # a part stated nowhere: not assessable in this context
            parts.extend(found)
        else:
            parts.append(f)
    return parts


def _round_spread(total: Fact, parts: list[Fact]) -> tuple[Decimal, Decimal]:
    """How far (in 元) the parts' sum may fall below and rise above the total for the round
    figures among them: a total 突破 / 超过 its figure is a floor (the sum is at least it, up to a
    share more), one 不足 / 近 its figure a ceiling, one 约 its figure either; a part so worded
    moves the sum the other way."""
    below = above = Decimal(0)
    for k, f in enumerate([total, *parts]):
        hedge = lexicon().approximate.search(f.label) if significant_digits(f.value) <= ROUND_DIGITS else None
        if hedge is None:
            continue
        spread = abs(f.in_yuan()) * lexicon().approximate_share
        up, down = hedge.lastgroup != "below", hedge.lastgroup != "above"  # the true figure's way from it
        if k == 0:
            above, below = above + spread * up, below + spread * down
        else:
            above, below = above + spread * down, below + spread * up
    return below, above


def _value(base: FactBase, concept: str, measure: str = "决算") -> Fact | None:
    return base.remember(("unit-level", concept, measure), lambda: _agreed_value(base, concept, measure))


def _agreed_value(base: FactBase, concept: str, measure: str) -> Fact | None:
    from ...facts.agreement import meets, tail

    found = [f for f in base.of(concept, measure) if f.is_money and not f.member and not f.subject
             and not f.fund]
    if not found or not all(meets(found[0], f) or tail(found[0], f) for f in found):
        return None
    return next((f for f in found if f.source == "table"), found[0])


def _compare(total: Fact, parts: list[Fact], context: str, rule):
    factor = MONEY_UNITS.get(total.unit, Decimal(1))  # 1 for a table printing no unit
    exact = sum((p.in_yuan() for p in parts), Decimal(0))
    places = max(p.places for p in [total, *parts])  # each read at the finest precision
    slack = sum((half_unit(places) * MONEY_UNITS.get(p.unit, Decimal(1)) for p in [total, *parts] if p.value),
                Decimal(0))
    diff = abs(exact - total.in_yuan())
    if diff <= slack and diff == 0:
        return
    if factor > max(MONEY_UNITS.get(p.unit, Decimal(1)) for p in parts) \
            and (exact / factor).quantize(Decimal(1).scaleb(-total.places), ROUND_HALF_UP) == total.value:
        # a total told in a larger unit than its parts (0.12亿元 over 987.65万元 + 246.91万元) that is
        # their sum rounded at its own precision is that sum as printed: nothing to note (in one unit,
        # 1,532.6 over 1,104.27 + 428.35 may have lost a digit: noted)
        return
    if total.value > 0 and all(p.value < 0 for p in parts if p.value) \
            and abs(sum((abs(p.in_yuan()) for p in parts), Decimal(0)) - total.in_yuan()) <= slack:
        return  # (结余30.00万元，其中：财政拨款结转-25.00万元、…-5.00万元: the minus signs were dashes)
    # a figure said to be round and printed so (其他收入约268万元, 约205.00万元; not 约1,286.40万元, to
    # the cent) lets the sum be off by a share of it, on the side its word says: no tail to note
    below, above = _round_spread(total, parts)
    if (below or above) and -(slack + below) <= exact - total.in_yuan() <= slack + above:
        return
    if diff > slack and diff <= own_slack(((p.value, p.places, MONEY_UNITS.get(p.unit, Decimal(1)))
                                           for p in [total, *parts]), places):
        # a figure printed coarser than the others (1,532.6 beside 1,104.27 + 428.35) may have
        # been rounded at its own precision: what that explains is a rounding note
        slack = diff
    places = max(p.places for p in [total, *parts])
    unit = total.unit
    # a total that adds up once its unit is read ×10⁴ (or another of the rule's unit_slip_scales, or
    # the inverse) has a unit slip
    slip = slipped_unit(total, exact, slack, rule.params)
    if slip and diff > slack:
        factor, unit = MONEY_UNITS[slip], slip  # say the sum in the unit the total should carry
    elif diff > slack:
        part_slip = _odd_part_slip(total, parts, context)
        if part_slip is not None:  # one part's unit explains the gap: report that part, once
            yield part_slip
            return
    shown = fmt(exact / factor, places, total.text)
    listing = " + ".join(f"{p.concept or item_label(p.label)} {p.text}" for p in parts)
    if context == "同一句" and any((p.block, p.sentence) != (total.block, total.sentence) for p in parts):
        context = "其后所列各项"  # (收入总计…。其中本年收入…; …7.64万元。A、B、C分别为…: the parts in the sentences after)
    if diff <= slack:
        cls = "rounding"
    elif slip:
        cls = "unit_error"
    else:
        cls = None
    yield Hit(quote=total.quote, location=total.loc, stated=total.text, expected=f"{shown}{unit}",
              formula=f"{total.concept} = {listing} = {shown}{unit}（{context}）", cls=cls,
              fields={"total_label": total.concept, "total": total.text, "sum": f"{shown}{unit}",
                      "parts": listing, "context": context,
                      "verdict": {"unit_error": "数字相同而单位不同，应为单位笔误",
                                  "rounding": "差额仅在印刷精度之内"}.get(cls, "不符")},
              highlights=[p.loc for p in parts if p.loc != total.loc])
