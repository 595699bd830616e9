"""The reader's words and patterns read from the vocabulary alone (FactReader._read_vocabulary)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...knowledge import compact, concepts, vocabulary, vocabulary_generation
from ..lexicon import Lexicon, alternatives, each_before, each_char, lexicon, money_concepts, word_finder
from ..numbers import MONEY_UNITS
from .figures import part_names, RATE_HEAD_UNITS
from .words import pairs_in



NUMERALS = "一二三四五六七八九十"  # (the ordinal after 其 in 其一, 其二: an item's number)


def ordinal_words() -> tuple[str, ...]:
    """The ordinals among concepts.yaml point_openers, in its order (一是, 七是, 其二; not 首先, 其次,
    最后): the words numbering a list's items in prose, as 1. 2. do."""
    return _ordinal_words(vocabulary_generation())


@lru_cache(maxsize=4)
def _ordinal_words(generation: int) -> tuple[str, ...]:
    return tuple(w for w in concepts().get("point_openers") or ()
                 if w.endswith("是") or w[:1] == "其" and w[1:] and w[1:] in NUMERALS)


class VocabularyReading:
    """FactReader's words and patterns read from the vocabulary."""

    def _read_vocabulary(self) -> None:
        """The reader's words and patterns read from the vocabulary alone, the same for every
        document: read once per vocabulary and shared by its readers (see _vocabulary_reading),
        so nothing here may be changed by a read; the per-document state is set in __init__."""
        self.lex: Lexicon = lexicon()
        self.money = money_concepts()
        vocab = concepts()
        # a comparison with the start of the year (年末结转和结余17.86万元，较年初15.56万元增加…): the
        # figure compared with is where the year began, last year's end, no figure of this year's
        self.year_start_words = tuple(vocab.get("year_start_words") or ())
        self.bare_budget_words = frozenset(vocab.get("bare_budget_words") or ())
        self.initial_budget_cues = tuple(vocab.get("initial_budget_cues") or ())
        self.adjusted_budget_cues = tuple(vocab.get("adjusted_budget_cues") or ())
        self.point_openers = frozenset(vocab.get("point_openers") or ())
        self.change_money_nouns = frozenset(vocab.get("change_money_nouns") or ())
        # the ordinals among them (一是, 七是, 其一) open a list's item in prose as 1. does (paragraphs.py
        # _item_token); 首先, 其次, 同时, 此外 open a sentence of the paragraph, no item of its own
        # (in the list's order, not the set's: one pattern in every process, kept by the regex cache)
        ordinals = ordinal_words()
        # (an ordinal may stand alone before a comma: 其一，道路养护项目，…)
        self.ordinal_item = re.compile(rf"^\s*(?:{alternatives(ordinals)})[\s，,]*") if ordinals else None
        comparing = alternatives(vocab.get("comparison_words"))
        self.opening_base = re.compile(rf"(?:{comparing})(?:{alternatives(self.year_start_words)})(?:的|数)?$")
        # a change between two years named in a column's head: its year is the first (2025年比2024年增减)
        self.change_years = re.compile(rf"((?:19|20)\d\d\s*年)度?\s*(?:{comparing})\s*(?:19|20)\d\d\s*年")
        # a change column's head opening on the year compared with, naming no year of its own (比2023年执行数增长)
        self.compared_year = re.compile(rf"(?:{comparing})((?:19|20)\d\d)年")
        # a kind of money's name ending so names its grand total (支出总计), not the year's amount
        self.grand_total_words = tuple(vocab.get("grand_total_words") or ())
        self.group_total_words = tuple(vocab.get("group_total_words") or ())
        self.group_subtotal_words = frozenset(vocab.get("group_subtotal_words") or ())
        self.other_whole_words = tuple(vocab.get("other_whole_words") or ())
        # words naming the whole in an execution rate's own words (整体预算执行率): no part's rate (see rates)
        self.whole_rate_words = tuple((vocab.get("whole_execution_rate") or {}).get("whole_words") or ())
        self.kind_total_words = sorted(vocab.get("kind_total_words") or (), key=len, reverse=True)
        # words in a row name's bracket that narrow it (项目支出（不含上年结转）): no plain item
        self.scope_brackets = tuple(vocab.get("scope_bracket_words") or ())
        self.not_money = set(vocab["not_money"])
        self.fund_qualified = vocab.get("fund_qualified") or {}
        self.average_rows = frozenset(vocab.get("average_row_labels") or ())
        # (the totals of a kind of money, the unit's and each fund's: 本年支出, 一般公共预算财政拨款支出)
        self.whole_totals = frozenset([*(vocab.get("kind_totals") or {}).values(),
                                       *(n for names in (vocab.get("fund_qualified") or {}).values()
                                         for k, n in names.items() if k in ("本年支出", "本年收入", "收支总计"))])
        self.balance_identity = vocab.get("balance_identity") or {}
        self.balanced_reports = frozenset(self.balance_identity.get("balanced_report_types") or ())
        # (the balanced grand total and each fund's own: see _spending_before_carry_over)
        total = self.balance_identity.get("total")
        self.balanced_totals = {total, *(names.get(total) for names in self.fund_qualified.values())} - {None} \
            if total else set()
        self.kind_totals = vocab.get("kind_totals") or {}  # 支出 -> 本年支出: a kind of money's total
        self.result_words = frozenset(vocab.get("result_words") or ())  # 至, 降至: the amount a change ends at
        # 安排, 预期: a plan's amount after the thing's name (see _planned_concept)
        self.plan_verbs = tuple(sorted(vocab.get("plan_verbs") or (), key=len, reverse=True))
        self.balance_words = tuple(vocab.get("balance_words") or ())  # 结转, 结余: neither kind
        # 到位, 下达: money received or allotted, whose spending is no figure of it
        self.received_words = tuple(vocab.get("received_funds_words") or ())
        # 一般公共预算财政拨款基本支出 -> (一般公共预算, 基本支出): the fund a fund's own concept names,
        # and the concept it qualifies (whose declared parts a 其中 list after it names)
        self.fund_of = self.lex.fund_of
        self.parts_of = {calc["total"]: set(calc["parts"]) for calc in self.lex.calculations}
        # every name a total's part may go by (its declared, optional and alternative parts), and
        # all of them together: the parts a list after a figure of no declared total may name
        self.named_parts_of = {calc["total"]: part_names(calc) for calc in self.lex.calculations}
        self.any_part = set().union(*self.named_parts_of.values())
        # a total's parts and their own declared parts (公务用车运行维护费 of the 三公经费)
        self.nested_parts = {total: parts.union(*(self.named_parts_of.get(p, set()) for p in parts))
                             for total, parts in self.named_parts_of.items()}
        self.skip_columns = [compact(w) for w in vocab.get("not_figure_columns") or ()]
        self.label_columns = [compact(w) for w in vocab.get("label_columns") or ()]
        value_cells = vocab.get("value_cells") or {}
        self.value_words = frozenset(compact(w) for w in value_cells.get("words") or ())
        self.value_endings = tuple(compact(w) for w in value_cells.get("endings") or ())
        self.subject_cells = [compact(w) for w in vocab.get("subject_cells") or ()]
        self.project_report = vocab.get("project_report_type")
        # a self-evaluation's words naming another evaluation (第三方): a whole score they give is
        # that evaluation's, not the report's (in a report whose title is a self-evaluation's only)
        other = vocab.get("other_evaluation") or {}
        self.whole_scores = set((vocab.get("score_total_rows") or {}).keys())
        self.other_evaluation_words = tuple(other.get("words") or ())
        self.self_evaluation_titles = tuple(other.get("self_titles") or ())
        own = vocab.get("own_project") or {}
        self.own_cues, self.other_projects = own.get("cues") or [], own.get("others") or []
        # words singling out one item among many before a rate (执行率最低的是某某项目，为64.26%): its, no unit's
        self.singling_words = tuple(vocab.get("singling_words") or ())
        # (项目自评得分: some project's in a report on many, the report's own in a report on one)
        self.single_cues = own.get("single") or []
        # “项目名称：X”, up to the next field of the line (主管部门：…) or its end
        self.project_line = re.compile(r"^\s*(?:" + "|".join(map(re.escape, self.subject_cells))
                                       + r")\s*[:：]\s*(.+?)\s*(?:\s\S{2,8}[:：].*)?$") \
            if self.subject_cells else None
        self.score_totals = {compact(label): concept for concept, labels in (vocab.get("score_total_rows") or {}).items()
                             for label in labels}  # 合计 under 得分 -> 自评得分
        self.unit_totals = set(vocab.get("unit_totals") or ())
        # a budget of the unit's whole lists its sources as readily as its spending (全年预算数…，其中：
        # 财政拨款收入…、其他收入…): the parts of every unit total are its parts
        whole_parts = set().union(*(self.nested_parts.get(t, set()) for t in self.unit_totals))
        self.budget_parts = {t: self.nested_parts.get(t, set()) | whole_parts for t in self.unit_totals}
        self.unit_spending = vocab.get("unit_spending")
        # the word of the kind of money that total is of (支出 of 本年支出)
        self.spending_kind = next((kind for kind, total in self.kind_totals.items() if total == self.unit_spending), None)
        self.topic_endings_money = tuple(vocab.get("topic_money_endings") or ())
        self.money_rate_names = tuple(vocab.get("money_rate_names") or ())  # 资金完成率: see _money_rate
        self.counted: dict[str, list[tuple[str, tuple[str, ...]]]] = {}  # unit -> [(concept, cues)]: _counted_concept
        self.counted_cues: dict[str, tuple[str, ...]] = {}  # concept -> cues: one doing in each unit
        self.counted_whole: dict[str, str] = {}  # a counted part -> its whole (国内公务接待批次 -> 公务接待批次)
        for name, spec in (vocab.get("counted_concepts") or {}).items():
            self.counted.setdefault(spec["unit"], []).append((name, tuple(spec["cues"])))
            self.counted_cues[name] = tuple(spec["cues"])
            if spec.get("whole"):
                self.counted_whole[name] = spec["whole"]
        self.other_rate_words = tuple(vocab.get("other_rate_words") or ())
        self.carried_money_words = tuple(vocab.get("carried_money_words") or ())  # see _sentence (、-lists)
        self.signed_amount_words = tuple(vocab.get("signed_amount_words") or ())  # see _negative_amount
        self.whole_scope_words = tuple(vocab.get("whole_scope_words") or ())  # see _whole_scope
        self.whole_opening_words = tuple(vocab.get("whole_opening_words") or ())  # see _opens_on_whole
        self.project_form_titles = tuple(compact(w) for w in vocab.get("project_form_titles") or ())  # see _form_titles
        # a share's 占 (占收入总计的比重), not the start of a word of its own (占用, 占地: not_share_words)
        others = [w[1:] for w in vocab.get("not_share_words") or () if w.startswith("占") and len(w) > 1]
        self.share_word = re.compile(f"占(?!{alternatives(others)})" if others else "占")
        self.frequency_words = frozenset(vocab.get("frequency_words") or ())  # see _part_of_year (one character each)
        self.whole_year_words = tuple(vocab.get("whole_year_words") or ())  # see _text_fact (rates)
        beyond = vocab.get("beyond_plan") or {}  # see _beyond_plan
        ways = beyond.get("words") or {}
        self.beyond_plan_up = frozenset(ways.get("up") or ())
        every = [w for words in ways.values() for w in words]
        self.beyond_plan_re = re.compile(rf"({alternatives(every)})(?:{alternatives(beyond.get('plans'))})$") \
            if every and beyond.get("plans") else None
        self.label_measure_tails = sorted(vocab.get("label_measure_tails") or (), key=len, reverse=True)
        categories = (vocab.get("score_lists") or {}).get("categories") or {}
        # a score category's words (产出指标, 满意度): a total score's figure after them is theirs
        self.score_category = re.compile(alternatives([w for words in categories.values() for w in words]))
        # the second-level indicator kinds (数量指标, 质量指标 …): a run-in heading naming one is a
        # part of the report, no subject
        self.indicator_kinds = frozenset(compact(w) for w in vocabulary().get("indicator_level2") or ())
        self.subject_patterns = [re.compile(p) for p in vocab.get("subject_patterns") or ()]
        cues = [compact(w) for w in vocab.get("other_subject_cues") or ()]
        self.subject_cue = re.compile("|".join(map(re.escape, cues))) if cues else None  # (see _single_project_cues)
        self.other_subject_cues = cues
        self.money_kinds = tuple(vocab.get("part_list_heads") or ())
        self.unit_aliases = dict(vocab.get("unit_aliases") or {})  # a unit -> the one it is written as
        self.restating_words = frozenset(vocab.get("bracket_restating_words") or ())  # see _restates_in_brackets
        self.multiple_words = tuple(vocab.get("multiple_words") or ())
        self.ratio_multiple_cues = tuple(vocab.get("ratio_multiple_cues") or ())
        self.rough_after = tuple(vocab.get("rough_after_words") or ())  # 2倍多, 3倍余: no figure
        # 翻了一番: the counter a doubling ends on, and the words of a rise it reads as (see _sentence)
        doubling = vocab.get("doubling_words") or {}
        self.doubling_counter, self.doubling_reads_as = doubling.get("counter"), doubling.get("reads_as") or ""
        # where a sentence's opening name ends: a verb of how it is spent or set, or a break
        # (the breaks written as alternatives of their own, not a class: see lexicon.each_char)
        self.topic_end = re.compile(alternatives(vocab.get("topic_end_words") or ["，"]) + "|" + each_char("，,：:；;。（("))
        # what a heading may say of the project it names after its name (…项目自评情况)
        self.project_part_tail = re.compile(vocab.get("project_part_tail") or "")
        self.income_tails = tuple(vocab.get("income_tails") or ())
        self.residual_words = tuple(vocab.get("residual_words") or ())
        self.row_label_tails = tuple(vocab.get("row_label_tails") or ())
        self.row_label_verbs = ("", *(vocab.get("row_label_verbs") or ()))
        self.thing_last_words = tuple(vocab.get("thing_last_words") or ())
        # the pairs of characters standing together inside a name the vocabulary finds in a phrase,
        # with the qualifier it may take before it (see RateReading._may_cross)
        synonyms, qualifiers = tuple(self.lex.concepts.names), self.lex.concepts.qualifiers
        self.name_pairs = frozenset({*(p for w in (*synonyms, *qualifiers, *self.row_label_tails) for p in pairs_in(w)),
                                     *(q[-1] + c for q in qualifiers if q for c in {w[:1] for w in synonyms} if c)})
        self.unit_heads = frozenset(compact(w) for w in vocab.get("unit_column_heads") or ())
        self.block_unit_re = block_unit_re(tuple(vocab.get("header_spanning_units") or ()))
        # words of a heading about a part of a report, not naming a project (see _project_heading)
        self.section_words = tuple(vocab.get("project_section_words") or ())
        # the tail of a numbered heading naming an area, not a part of the report (（二）专项资金管理方面)
        self.heading_scope_tails = tuple(vocab.get("heading_scope_tails") or ())
        self.label_concepts = {compact(k): v for k, v in (vocab.get("label_concepts") or {}).items()}
        plan = vocab.get("plan_cells") or {}
        self.plan_words = [compact(w) for w in plan.get("plan") or ()]
        self.forecast_words = [compact(w) for w in plan.get("forecast") or ()]
        self.outcome_words = [compact(w) for w in plan.get("outcome") or ()]
        # under a run-in heading of targets only these state outcomes (see paragraph_plans)
        self.run_in_outcome_words = [compact(w) for w in plan.get("run_in_outcome") or ()]
        self.plan_only_words = [compact(w) for w in plan.get("plan_lead") or ()]
        # (the same word lists as patterns: one search for “any of them in the text”, which every
        # sentence and column head asks; and a heading's or a head's answer kept for the document)
        self.says_plan, self.says_forecast = word_finder(self.plan_words), word_finder(self.forecast_words)
        self.says_outcome, self.says_run_in_outcome = word_finder(self.outcome_words), word_finder(self.run_in_outcome_words)
        self.says_plan_only = word_finder(self.plan_only_words)
        self.strive_words = [compact(w) for w in plan.get("strive") or ()]
        # the words _planned_since looks for (the plan words' longer ones only: 计划 also names
        # programmes, 营养改善计划)
        self.plan_since_words = (*self.strive_words, *(w for w in self.plan_only_words if len(w) >= 3))
        self.project_funds = vocab.get("project_funds")
        self.project_words = tuple(vocab.get("project_words") or ())
        # a subject naming a level of the budget's classification (…事务（款）行政运行（项）): an item
        # of the accounts, no project whose total funds its bare amounts are
        levels = vocabulary()["table_types"]["budget_by_code"].get("code_parts") or ()
        self.classified_item = re.compile(rf"[（(](?:{'|'.join(map(re.escape, levels))})[）)]" if levels else "(?!)")
        self.execution_score_names = {compact(w) for w in vocab.get("execution_score_names") or ()}
        self.full_year_words = vocab.get("full_year_budget_words") or ()
        self.vague_labels = set(vocab.get("vague_short_labels") or ())
        self.topic_endings = tuple(vocab.get("topic_endings") or ())
        self.category_tails = tuple(vocab.get("score_category_tails") or ())
        self.name_heads = tuple(vocab.get("name_heads") or ())
        summed = vocab.get("summed_names") or {}
        self.joins, self.sum_words = tuple(summed.get("joins") or ()), re.compile(alternatives(summed.get("sums")))
        self.not_joins = tuple(summed.get("not_joins") or ())
        addend = vocab.get("addend_words") or {}
        # words naming a whole's scope before its name (全县, 全部): the whole, not a narrower thing
        self.whole_prefixes = tuple(sorted({*self.lex.jurisdictions, *(vocab.get("all_funds_words") or ())},
                                           key=len, reverse=True))
        self.addend = self.lex.addend  # the words opening an added amount, where the phrase starts (after a clause break)
        self.comparison_words = frozenset(vocab.get("comparison_words") or ())
        self.bare_names = frozenset(vocab.get("bare_names") or ())
        directions = alternatives(w for words in (vocab.get("directions") or {}).values() for w in words)
        degree = alternatives(vocab.get("degree_words") or ())
        # a direction and a figure reached after a starting figure (由A上升至B)
        from_to = vocab.get("from_to_words") or {}
        self.from_words = tuple(from_to.get("from") or ())
        # (a budget's change names its way by an adjusting verb, 调减至, 调整为; a level its way by a
        # one-character verb right before 至 / 到: 由0.12‰降至0.08‰)
        verbs = alternatives([*(from_to.get("adjusting") or ()), *(from_to.get("up") or ()), *(from_to.get("down") or ())])
        self.from_to_after = re.compile(rf"\s*(?:(?:{degree})?(?:{directions})|{verbs})\s*(?:{alternatives(from_to.get('to'))})\s*\d")
        # the words before a level reached (比重由42.77%下降到39.91%): the figure is where it went,
        # no rate of the change (到 / 至 after the way; 为 alone says too little)
        # (…提高到2024年的91.50%: the year it reached it in may come between)
        self.reached = re.compile(rf"(?:{directions})\s*(?:{alternatives(from_to.get('reached'))})"
                                  r"\s*(?:(?:19|20)\d\d\s*年(?:度|末|底)?\s*的?)?$")
        self.other_words = tuple(vocab.get("other_words") or ())
        # (重点项目支出, 部分项目支出: a selection of the concept's items, no figure of the concept; 其中
        # 项目支出 is the concept's, listed)
        self.selection_words = tuple(w for w in vocab.get("selection_scopes") or () if w not in self.lex.list_openers)
        self.narrower_words = tuple(vocab.get("narrower_words") or ())
        self.narrower_kinds = {concept: tuple(words) for concept, words in (vocab.get("narrower_kinds") or {}).items()}
        self.organization_endings = tuple(vocab.get("organization_endings") or ())
        # a column head ending so is a rate's, whatever amount it names (完成调整预算%, 预算完成率)
        self.rate_head_endings = tuple(vocab.get("rate_head_endings") or ())
        self.outturn_closing_words = tuple(vocab.get("outturn_closing_words") or ())
        self.column_total_rows = frozenset(vocab.get("column_total_rows") or ())
        self.column_total_words = tuple(vocab.get("column_total_words") or ())
        self.ratio_heads = tuple(vocab.get("ratio_heads") or ())
        self.not_percent_rates = tuple(vocab.get("not_percent_rates") or ())
        self.change_amount_tails = frozenset(vocab.get("change_amount_tails") or ("",))
        self.per_unit_heads = tuple(vocab.get("per_unit_heads") or ())
        # endings of a head naming a count and the unit they give (救助人次 › 人次, 户数 › 户), longest first
        self.count_heads = sorted((vocab.get("count_head_endings") or {}).items(), key=lambda kv: -len(kv[0]))
        # a caption's unit of things counted whole (车辆情况表（单位：辆）): its count columns' unit
        self.caption_count_re = _caption_count_re(tuple(vocab.get("numeral_count_units") or ()))
        self.stock_concepts = frozenset(vocab.get("stock_concepts") or ())
        # (in the list's order, longest first: one reading in every process)
        self.count_scope_words = tuple(sorted(vocab.get("count_scope_words") or (), key=len, reverse=True))
        # a numbered item's label ending so names what its figures are of (1.某某项目：…, 2.某某专项资金：…)
        self.item_subject_endings = (*(vocab.get("item_subject_endings") or ()), *self.topic_endings_money,
                                     *self.organization_endings)
        self.other_basis = re.compile(vocab["other_basis"]) if vocab.get("other_basis") else None
        self.multi_year_span = re.compile(vocab["multi_year_span"]) if vocab.get("multi_year_span") else None
        # (whether the pattern looks past its match, so that a clause may hold a span the whole
        # sentence does not: see _names_span)
        self.span_looks_past = self.multi_year_span is not None \
            and LOOKS_PAST_MATCH_RE.search(self.multi_year_span.pattern) is not None
        self.span_sum_words = tuple(vocab.get("span_sum_words") or ())
        self.cumulative_words = tuple(vocab.get("cumulative_words") or ())
        self.span_only_label = re.compile(vocab.get("span_only_label") or r"(?!)")
        self.counted_topic = re.compile(vocab.get("counted_topic") or r"(?!)")
        self.whole_score_words = tuple(concepts().get("whole_score_words") or ())
        self.lead_totals = {total: tuple(endings) for total, endings in (vocab.get("item_totals") or {}).items()}
        self.addend_onto = tuple(addend.get("onto_measures") or ())
        kind = vocab.get("money_kind_words") or {}
        self.money_kind = re.compile(alternatives(kind.get("words"))) if kind.get("words") else None
        self.money_kind_not_after = tuple(kind.get("not_after") or ())
        self.full_score = vocab.get("full_score", 100)
        # a score right after a figure in points (…40分，得38.50分; 产出指标（50分）得分46分): that
        # figure is the points available
        scored = alternatives((vocab.get("score_lists") or {}).get("scored_words"))
        # (a clause saying how it is scored may stand between: 预算执行率10分，按执行率乘以分值计分，得9.06分)
        method = alternatives((vocab.get("score_lists") or {}).get("method_words") or ["计分"])
        self.scored_after = re.compile(rf"\s*[）)]?[，,\s]*(?:按[^，,。；;\d]{{0,20}}?(?:{method})[，,\s]*)?"
                                       rf"(?:{scored})\s*(?:为|了)?\s*\d")
        lists = vocab.get("score_lists") or {}
        self.deduction_words = tuple(lists.get("deduction_words") or ())  # 扣1.97分，得8.03分: points off
        self.bonus_words = tuple(lists.get("bonus_words") or ())  # 另加分0.5分: points added
        # a deduction of a weight's share (扣一半分值即5分, 扣除全部权重): points off, though 分值 is named
        weights = "|".join(map(re.escape, (vocab.get("measures") or {}).get("分值") or ()))
        self.weight_deducted = re.compile(rf"(?:{alternatives(self.deduction_words)})[^，,；;。]*(?:{weights})") \
            if weights and self.deduction_words else re.compile("(?!)")
        # 满分100分，其中…: the points after the full marks stated are weights (not 得满分 said of a rule)
        full = lists.get("full_marks_words") or ()
        # (or, a word ending in 为, opening a list of the parts' points: 分值为：预算执行率10分，产出指标50分…,
        # 一级指标权重为决策20分、过程20分…; not 满分：100分，自评得分：97.50分, where what follows the
        # colon is the full marks, then scores)
        # (and a verb setting the parts' points up: 本次评价设置决策指标10分、过程指标25分…)
        opening = [w for w in full if w.endswith("为")] + list(lists.get("weight_openers") or ())
        # (points must follow, at once or after a name: 权重分别为15%、25%… opens percentages)
        # (each word written before its tail, not a group of them: see lexicon.each_before)
        self.full_marks = re.compile(each_before(full, r"\s*\d+(?:\.\d+)?\s*分")
                                     + ("|" + each_before(opening, r"\s*(?:[：:]|(?=[^\d，,。；;]{1,12}\d+(?:\.\d+)?\s*分))")
                                        if opening else "")) if full else None
        # (a sentence setting out the indicator system states its full marks as 总分 too: …构成，总分100分，
        # 其中决策20分…; elsewhere 总分 is the score the report gives)
        system = lists.get("system_full_marks") or {}
        self.system_words = tuple(system.get("when") or ())
        # (only the full score itself, 总分100分: a score the system gave, 总分91分, is no full marks)
        self.system_full_marks = re.compile(r"(?:" + alternatives(system.get("words")) + r")\s*"
                                            + re.escape(str(vocab.get("full_score") or 100)) + r"(?![\d.])") \
            if self.system_words else None
        # (… or closes its list of the parts' points with their total, the full score: 其中决策指标15分、
        # 过程指标20分…，合计100分: every point of the sentence is a weight)
        self.system_total = re.compile(r"(?:" + alternatives(lists.get("total_points_words")) + r")\s*"
                                       + re.escape(str(vocab.get("full_score") or 100)) + r"\s*分") \
            if self.system_words and lists.get("total_points_words") else None
        # a figure a scoring rule's condition names (…100%的得10分, …以上的，扣2分)
        self.condition_after = re.compile(r"\s*(?:及以上|以上|以下|以内)?\s*的\s*[，,]?\s*(?:" + alternatives(
            lists.get("condition_verbs")) + ")")
        # words right after a figure saying it was not done (新增车辆2辆尚未交付): no outcome stated
        undone = vocab.get("undone_after") or ()
        self.undone_after = re.compile(r"\s*(?:" + alternatives(undone) + ")") if undone else None
        examples = vocab.get("example_cues") or ()
        self.example_cue = re.compile(alternatives(examples)) if examples else None  # (see sentences: 例)
        self.example_instructions = tuple(vocab.get("example_instructions") or ())
        self.example_placeholders = tuple(vocab.get("example_placeholders") or ())
        self.all_of_them = tuple(sorted(vocab.get("state_all") or (), key=len, reverse=True))
        self.state_after = re.compile(r"\s*(?!" + alternatives(vocab.get("state_all")) + ")(?:"
                                      + alternatives(vocab.get("state_after")) + ")")
        # words of things moving in or out during the year (新增, 处置, 报废): a count so said of a
        # table row's thing is a flow, no restatement of the row's stock (see _flow_of_row)
        self.flow_words = tuple(vocab.get("stock_flow_words") or ())
        self.work_words = tuple(vocab.get("work_words") or ())
        self.says_flow, self.says_work = word_finder(self.flow_words), word_finder(self.work_words)
        self.whole_units = frozenset(vocab.get("whole_units") or ())
        self.stock_heads = tuple(vocab.get("stock_heads") or ())
        self.inclusion_words = tuple(vocab.get("inclusion_words") or ())
        # right after an amount: a bracket saying what it includes (（含年初结转和结余118.62万元）), and
        # in it the balance carried over, a few words after the inclusion word (（含年末结转和结余）)
        self.includes_re = re.compile(rf"\s*[（(]\s*(?:{alternatives(self.inclusion_words) or '(?!)'})[^）)]*")
        self.carry_note_re = re.compile(rf"(?:{alternatives(self.inclusion_words) or '(?!)'})[^）)]{{0,12}}?结转")
        # after a fund's name: that fund's money (政府性基金预算支出), not its budget (年初政府性基金预算)
        self.fund_money_words = tuple(vocab.get("fund_money_words") or ())
        # each declared sum's parts by every name they go by (its alternatives too)
        self.parts_named = {calc["total"]: frozenset(calc["parts"]).union(*(calc.get("alternatives") or {}).values())
                            for calc in self.lex.calculations if not calc.get("fund")}
        balance = self.balance_identity
        if balance.get("total") and balance.get("carry_over") and self.unit_spending:
            # (the grand total's spending side too: 支出总计 = 本年支出 + 年末结转和结余)
            self.parts_named[balance["total"]] = self.parts_named.get(balance["total"], frozenset()) \
                | {self.unit_spending, balance["carry_over"]}
        self.excluding_words = tuple(vocab.get("excluding_words") or ())  # 非 before a name: not it
        self.rate_counted_by = tuple(vocab.get("rate_counted_by_words") or ())  # 金额整改率: no 整改率 column's
        # the units a count of a list's items is in (三项), and a phrase opening on such a count, the
        # items named before it perhaps (以上两类占…依次为): concepts.yaml item_count_units, items_before_words
        self.item_units = tuple(vocab.get("item_count_units") or ())
        self.counted_items = re.compile(
            rf"(?:{alternatives(tuple(vocab.get('items_before_words') or ())) or '(?!)'})?[两二三四五六七八九十\d]{{1,2}}\s*"
            rf"(?:{alternatives(self.item_units) or '(?!)'})")
        # right after a percentage: words giving what the share named before it goes to (…的58%用于X)
        self.share_use_after = re.compile(rf"\s*(?:{alternatives(tuple(vocab.get('share_use_words') or ())) or '(?!)'})")
        # the words taking listed things in turn (分别): from score_lists, where they name scores
        self.respectively = re.compile(alternatives((vocab.get("score_lists") or {}).get("respectively")))
        self.list_sum_words = tuple(vocab.get("column_total_words") or ())
        self.count_suffixes = sorted(vocab.get("count_suffixes") or (), key=len, reverse=True)
        # words before a count that make it a plan or a part, not the actual value (计划, 目标, 其中)
        # (planned, a part of a list, or not done: 未完成的1.2公里 is no row's figure)
        self.not_actual_words = [compact(w) for w in [*(plan.get("plan") or ()), *(vocab.get("list_openers") or ()),
                                                      *(vocab.get("undone_after") or ())]]
        self.count_object_words = tuple(vocab.get("count_object_words") or ())


@lru_cache(maxsize=8)
def block_unit_re(spanning: tuple[str, ...]) -> re.Pattern:
    """A unit in brackets in a head (金额（万元）, 人员情况（人）; a rate's, to tell it apart), or a
    money unit after 单位：: concepts.yaml header_spanning_units are those that span merged heads."""
    return re.compile(r"[（(]\s*(" + alternatives([*spanning, *RATE_HEAD_UNITS]) + r")\s*[）)]|单位\s*[:：]\s*("
                      + alternatives(MONEY_UNITS) + ")")


@lru_cache(maxsize=8)
def _caption_count_re(units: tuple[str, ...]) -> re.Pattern:
    """单位：<a unit of things counted whole> in a table's caption (（单位：辆）, 单位：批次)."""
    if not units:
        return re.compile(r"(?!)")
    return re.compile(r"单位\s*[:：]\s*(" + alternatives(sorted(units, key=len, reverse=True)) + r")(?![\w])")


# what in a pattern looks at the text past its match: a lookahead, an end anchor, a word boundary
LOOKS_PAST_MATCH_RE = re.compile(r"\(\?[=!]|\$|\\[bBZ]")
