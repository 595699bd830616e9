"""Kind `restatement`: the same fact stated twice with values that do not meet (XBRL duplicates).

Two facts are the same fact when concept, period, measure, subject, fund and member agree.
- table against table: facts of two different tables are compared directly;
- text against tables: a sentence's figure is linked to the table facts of its concept; it is
  consistent when it meets any of them, and a mismatch only when the tables agree among
  themselves on one value (otherwise the sentence may mean any of them: not assessable);
- text against text: two sentences stating the same fact.
Values are compared as intervals of their printed precision in a common unit. A difference of
exactly ×10⁴ or ×10⁸ is a unit slip (class unit_error), anything else cross_ref_mismatch.
Of two tables' cells, the one reported is the one its own table's sums do not bear out (own_sums),
or, for a unit slip, the one whose table stands so to more tables than the other's does.
Facts of one table that disagree among themselves under one key are ambiguous (the same row
label twice, e.g. 事业运行 under two 款) and are left out.

The checks live in this package: keys.py keys the facts (what makes two statements one fact,
and the figures no group takes), tables.py sets two tables' cells side by side and tells the
unit slips between tables, text.py sets a sentence's figure against the tables (text_tables.py)
and against other sentences (text_pairs.py); units.py finds two figures a unit scale apart,
findings.py makes the finding.
"""
from __future__ import annotations

from ...facts.base import Fact, fact_base
from ...knowledge import compact, concepts
from .keys import restated_facts, part_named, share_of_part, whole_share, in_part_list, group_key, lone_activities
from .tables import check_group, unit_slips
from .text import check_section_columns, check_text


KIND = "restatement"
PARAMS = {
    # (预计: a forecast, 2024年预计执行数, restated in the text as in its column; facts/base/model.py FORECAST)
    "measures": (list, ["年初预算", "全年预算", "决算", "实际值", "得分", "分值", "占比", "预计"]),
    # concepts a sentence naming no fund states for the fund a table states them for: 机关运行经费
    # is the 日常公用经费 the general public budget's appropriation pays, by definition; the 三公
    # items are disclosed for the appropriation (财政拨款“三公”经费…决算表), and a narrative on them
    # restates that table. (Where tables of two scopes disagree, a sentence meeting either holds.)
    "fund_implied_concepts": (list, ["机关运行经费", "三公经费", "因公出国（境）费", "公务用车购置及运行维护费",
                                     "公务用车购置费", "公务用车运行维护费", "公务接待费"]),
    # measures whose value depends on a whole no key holds (a share of what?): a sentence's figure
    # naming no whole is compared with the tables' (按功能分类，卫生健康支出705.20万元，占82.00%
    # against the table's 占比 column); tables are not compared with one another on them
    "text_only_measures": (list, ["占比"]),
    # reports of plans: an amount whose words name no measure is budgeted, not spent
    "budget_report_types": (list, ["部门预算"]),
    # words of funds allotted (财政安排…资金880.00万元，其中A486.00万元): an amount whose words name no
    # measure after them in its sentence may be the budget a table states, not the outturn
    "allotment_words": (list, []),
    "text_against_text": (bool, True),
    # words stating a balance (收支相抵，结转下年…): two figures of one sentence whose difference the
    # sentence or the next states so are two sides, not one fact twice
    "balance_words": (list, []),
    # the two sides a balance sets apart, named in their figures' words
    "balance_sides": (list, []),
    # the ratios of two money units a figure restated in the wrong one is off by (see the rule file)
    "unit_scales": (list, []),
    # …and those that make a slip only where the digits are the same (千元 against 万元 or 元)
    "same_digit_scales": (list, []),
    # significant digits the smaller of two figures under one unit prints, at least, for their ratio
    # of exactly a unit scale to be a unit slip (6.42 and 64200.00; 0.01 and 100.00 may be so by chance)
    "unit_slip_digits": (int, 3),
    # concepts sentences state for many items at once (each project's 执行率, each purchase):
    # two sentences about them are not two statements of one fact
    "per_item_concepts": (list, ["预算执行率", "政府采购", "政府采购货物", "政府采购工程", "政府采购服务"]),
    # …unless their words name the unit as a whole only (部门预算执行率, 整体): that one is the unit's
    "whole_unit_words": (list, []),
    # the endings of a heading naming an account of its own (…养老保险基金): two such headings'
    # tables are two accounts', their like-named rows two facts
    "own_account_tails": (list, []),
    # words before an amount saying the things counted before it involve it (涉及, 覆盖): theirs
    "covered_words": (list, []),
    # concepts every score form states for its own project (总分, 执行率): two forms that do not
    # name their projects are not two statements of one fact
    "per_form_concepts": (list, ["自评得分", "预算执行率"]),
    # members of a table that state the document's own totals: a sentence is compared with
    # these rows first (a row with no member, or one of these), the sub-rows only as a fallback
    "total_members": (list, ["本年支出", "本年收入", "收支总计"]),
    # labels of a table's total row: of two tables' disagreeing cells, the one whose column does not
    # add up to it is the slip
    "total_row_labels": (list, []),
    # labels of a summary side's total row (本年支出合计): summed from the side's items above it
    "side_total_labels": (list, []),
    # words that do not tell two sentences' facts apart (the year, 截至, 全年 …): two sentences
    # whose labels differ only by these restate one fact
    "label_fillers": (list, ["截至", "年末", "全年", "本年度", "本年", "为", "是", "达", "共", "约", "，", ",",
                             "本部门", "本单位", "我单位", "本局", "我局", "全局"]),
    # words of a heading naming a part of the unit's work (城区, 乡镇): its figures are that part's
    "scope_part_words": (list, []),
    # words before such a part opening its clause (其中城区…, 在乡镇…)
    "part_lead_words": (list, []),
    # a stock at the start of the year, by its words or its sentence's opening ones (年初，…), and
    # the words ending that (年末): the opening stock is no statement of the closing one
    "opening_words": (list, []), "closing_words": (list, []),
    # a figure its own words sum since before the year (累计提取…) is not the year's a table column
    # states, unless the column's head sums so too (累计提取总额)
    "summed_since_words": (list, []),
    # a list item's number opening a label ((三)公务接待费 under its heading): no word of the name
    "label_marker_pattern": (str, r"^\s*[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*"),
    # words that do not tell two sentences' figures of a concept apart because the concept is one
    # figure under either name: a statement's 收入总计 is its 支出总计 (the two sides balance)
    "same_fact_words": (dict, {"收支总计": ["收入", "支出"]}),
}
MESSAGE_FIELDS = {"concept", "value", "other", "other_where", "where"}


def validate(params: dict) -> str | None:
    for concept, words in params["same_fact_words"].items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            return f"same_fact_words 中「{concept}」的值应是非空词语的列表"
    return None


def check(doc, rule):
    base = fact_base(doc)
    measures = set(rule.params["measures"])
    groups: dict[tuple, list[Fact]] = {}
    text_only = set(rule.params["text_only_measures"])
    planned = doc.meta.get("report_type") in rule.params["budget_report_types"]
    lone = lone_activities(base, rule)
    parts, leads = tuple(rule.params["scope_part_words"]), tuple(rule.params["part_lead_words"])
    totals = tuple(compact(w) for w in rule.params["total_row_labels"])
    for fact in restated_facts(base, measures):
        if fact.source == "text" and part_named(base, fact, parts, leads):
            continue
        if not (fact.measure in text_only and fact.source == "text" and (fact.base or in_part_list(base, fact))) \
                and not (fact.measure in text_only and fact.source == "table"
                         and (share_of_part(fact.header) or whole_share(fact, totals))):
            groups.setdefault(group_key(base, fact, planned, "" if id(fact) in lone else fact.subject), []).append(fact)
    score_forms = {f.block for f in base.facts if f.source == "table" and f.measure in ("分值", "得分")}
    vocabulary = set(concepts()["concepts"])
    per_form = set(rule.params["per_item_concepts"] + rule.params["per_form_concepts"])
    scope = base.title_scopes  # (read once by the fact base)
    unit_pairs: list[tuple[Fact, Fact]] = []  # two tables' cells a unit scale apart: told once all are known
    for facts in groups.values():
        if len(facts) < 2:
            continue  # a fact stated once has no other statement to meet (most of them)
        # score forms repeat row names (年度资金总额, 总分) for every project: unless the form
        # names its project, rows of two forms are two facts
        if facts[0].concept not in vocabulary and not facts[0].subject:
            facts = [f for f in facts if f.block not in score_forms]
        if facts and facts[0].concept in per_form and not facts[0].subject:
            facts = [f for f in facts if f.source == "text"]  # each form may be another project's
        if facts and facts[0].measure in text_only:
            continue  # (against the text only, below)
        yield from check_group(doc, facts, rule, scope, base, unit_pairs)
    yield from unit_slips(doc, base, unit_pairs, rule)
    yield from check_text(doc, base, groups, rule, vocabulary)
    yield from check_section_columns(doc, base, rule)
