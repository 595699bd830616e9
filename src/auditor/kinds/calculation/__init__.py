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

The contexts live in this package, one module each or per family: groups.py (a declared sum in
one sentence, a run of them or one table column), form_blocks.py (a form's funds block),
document.py, sentence_lists.py (unnamed totals, unit slips of listed parts, paired lists),
enumerations.py (complete and partial lists, trailing sums), spans.py (a span of years and its
years), year_parts.py (a year and its quarters or months), numbered_items.py (numbered paragraphs as items), named_rows.py (a sentence's sum of table rows it
names), changes.py and subrows.py; parts.py
reads the declared sums (the names of their parts, the figures that add), listing.py the amounts
a sentence lists (brackets, nested lists, the whole a list is of), compare.py judges a total
against its parts' sum and makes the findings.
"""
from __future__ import annotations

from ...facts.base import Fact, fact_base
from ...facts.lexicon import lexicon
from ..base import Checked
from .parts import sum_part_names
from .document import check_document
from .groups import (opens_list, parts_sentence_after, listed_here, continuation, wider_siblings, table_columns,
                     check_group, added_onto)
from .form_blocks import check_form_blocks
from .sentence_lists import check_unnamed_totals, check_list_unit_slips, check_paired_lists
from .spans import check_span_breakdowns, check_span_sums
from .year_parts import check_year_part_breakdowns
from .enumerations import check_enumerations, check_trailing_sums
from .numbered_items import check_numbered_items
from .changes import check_changes
from .subrows import check_subrows
from .named_rows import check_named_row_sums, check_rows_above_sums


KIND = "calculation"
PARAMS = {
    "contexts": (list, ["sentence", "table", "document", "enumeration", "subrows", "changes"]),
    # words opening a complete list of parts, and a list that may leave parts out (see the rule file)
    "enumeration_cues": (list, []),
    # the units a list's items are counted in before its cue (项目共3个，…分别是：): the numbered
    # paragraphs after a cue closing its paragraph are its items, as many as counted
    "list_count_units": (list, []),
    "partial_cues": (list, []),
    # words after an amount saying what all of it is (3,589.00万元，全部为项目支出，其中：…): the amount is
    # the whole of the list after them, not the document's figure of the thing they name
    "gloss_words": (list, []),
    # a clause splitting an amount into counted pieces, between it and the cue giving them in turn
    # (152.05万元，分四个季度列支，分别为…; 分三批下达，分别为…): group `count`; the pieces are all of it
    "split_pattern": (str, ""),
    # words right after a list's last part leaving the list open (…100.00万元等): a partial list then
    "open_list_words": (list, []),
    # words after a complete list's last part telling of a rest of the whole (其余为代管资金)
    "remainder_words": (list, []),
    # sum words closing a list only after words counting its items (三项累计; 累计 alone is over time)
    "counted_sum_words": (list, []),
    # the first words of a list's last item that make it the rest of the whole (…、其他支出X): a
    # 其中 list ending so names every part, and adds up to its whole
    "catch_all_words": (list, ["其他", "其余", "剩余"]),
    # …unless the items before it make up less than this share of the whole: an item 其他支出 may be a
    # class of the classification the others are classes of (功能分类 229 其他支出), no rest of the whole
    "catch_all_least_share": (float, 0.5),
    # the words of a table row inside another (其中…, 小计): no item of the column a list is completed by
    "inner_row_words": (list, []),
    # the words of an amount closing a list as its sum (…、市级资金680.00万元，合计2,560.00万元)
    "trailing_sum_words": (list, ["合计", "共计", "总计", "合计为", "共计为", "总计为", "合计金额"]),
    # a sentence's sum of named table rows (named_rows.py): the words after the sum word naming what
    # was spent (合计支出; none: 合计), and a count of the things listed closing the list (三个民生项目)
    "named_rows_spent_words": (list, []),
    # words taking an amount away from a sum (减：结转下年…): a list holding one is no plain sum
    "subtract_words": (list, []),
    "named_rows_count_tail": (str, ""),
    # a sentence summing the rows of the table above it by their count (以上五项合计): group `count`
    # the count; and the words of a row label that make it no item of them (合计, 小计, 其中)
    "rows_above_pattern": (str, ""),
    "rows_above_skipped_words": (list, []),
    # the words that make an amount of a part of the year no slice of a list adding up to the year:
    # a figure to a date (累计, 截至), a subtotal (上半年合计), a part of a slice (其中四季度支付…)
    "slice_excluded_words": (list, ["累计", "截至", "截止", "合计", "共计", "小计", "其中"]),
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
    # of it (（含…）, （较上年…）): see listing.py _bracket_breakdown
    "bracket_remark_words": (list, []),
    # the ratios of money units a total's unit slip is off by (none: concepts.yaml unit_slip_scales)
    "unit_slip_scales": (list, []),
    # table: the labels of a form's funds total whose 其中 rows are its parts whatever they are
    # called (see form_blocks.py _form_block)
    "block_totals": (list, []),
}
MESSAGE_FIELDS = {"total_label", "total", "sum", "sum_phrase", "parts", "context", "verdict"}
CONTEXTS = ("sentence", "table", "document", "enumeration", "subrows", "changes")


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
    # a table's columns, each with the concepts it states, for the tables stating a total
    columns_of: dict[int, list[tuple[list[Fact], set]]] = {}
    runs = base.clause_runs()
    # where each sentence stands among the runs, so that a calculation visits only the sentences
    # stating its total, in the runs' order (each sentence is in one run)
    where = {key: (r, k) for r, run in enumerate(runs) for k, (key, _) in enumerate(run)}
    in_tables: set[int] = set()  # ids of the table totals a declared sum checked
    summed: set[int] = set()  # ids of the totals a declared sum checked (each relation counted once)
    for calc in lexicon().checked_sums:
        names = sum_part_names(calc)
        widened = None  # names with the wider sums' other items (wider_siblings), for the first list that goes on
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
                if opens_list(base, key, facts, calc["total"], rule):
                    widened = widened or {**names, **wider_siblings(calc)}
                    group = facts + continuation(base, run[k + 1:], calc["total"], widened,
                                                  listed_here(facts, calc["total"]))
                else:
                    group = facts + parts_sentence_after(base, key, facts, calc["total"], names)
                carried = added_onto(base, key)
                yield from check_group(([carried] if carried is not None else []) + group, calc, names, "同一句", rule,
                                       complete=False, checked=checked, text=base.sentences.get(key, ""), carried=carried,
                                       base=base)
        if "table" in rule.params["contexts"]:
            for block, facts in base.by_table.items():
                if block not in tables:
                    continue
                # a part the table states in some column must be in the column checked too (a
                # PDF table whose cells slid into the next column is not a short sum)
                present = {names[f.concept] for f in facts if f.concept in names}
                blank = {names[c] for c in base.row_concepts.get(block, ()) if c in names} - present
                if block not in columns_of:
                    columns_of[block] = [(column, {f.concept for f in column}) for column in table_columns(facts)]
                unreadable = base.unreadable.get(block, ())
                for column, stated in columns_of[block]:
                    if calc["total"] not in stated:
                        continue  # (a column not stating the total: check_group finds nothing to check)
                    if column and column[0].loc.col in unreadable:
                        continue  # a malformed figure in the column (PAT001): its sum is not judged
                    if present <= {names[c] for c in stated if c in names}:
                        yield from check_group(column, calc, names, "同一表列", rule, complete=False,
                                                checked=checked, blank=blank)
        # across the document only where no sentence or table states the total with its parts
        # (a fund's sum of the figures stated for that fund: check_document; nor a sum whose parts'
        # names other wholes share: stated_together, see concepts.yaml)
        if "document" in rule.params["contexts"] and not checked and not calc.get("stated_together"):
            yield from check_document(base, calc, names, rule)
        in_tables.update(id(f) for f in checked if f.source == "table")
        summed.update(id(f) for f in checked)
    if "table" in rule.params["contexts"]:
        yield from check_form_blocks(doc, base, rule, in_tables)
    if "sentence" in rule.params["contexts"]:
        yield from check_unnamed_totals(base, rule)
        yield from check_list_unit_slips(base, rule)
        yield from check_paired_lists(base, rule)
        yield from check_named_row_sums(base, rule)
        yield from check_rows_above_sums(base, rule)
    if "changes" in rule.params["contexts"]:
        yield from check_changes(doc, base, rule)
    if "enumeration" in rule.params["contexts"]:
        yield from check_enumerations(doc, base, rule, summed)
        yield from check_trailing_sums(base, rule)
        yield from check_span_breakdowns(base, rule)
        yield from check_span_sums(base, rule)
        yield from check_year_part_breakdowns(base, rule)
        yield from check_numbered_items(doc, base, rule)
    if "subrows" in rule.params["contexts"]:
        yield from check_subrows(doc, base, rule)
