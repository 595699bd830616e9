"""A paragraph's sentences read in turn, with the wholes, shares and flows a figure's clause names
and the numbered item's lead run into it."""

from __future__ import annotations

import re
from decimal import Decimal

from ...knowledge import compact
from ...ingest.build import NUMBERING_LEVELS
from ...model import Paragraph
from ..numbers import MONEY_UNITS
from .model import Fact
from .words import CLAUSE_BREAK_RE, past_last_break, years_out, ITEM_TOKEN_RE, CLASS_LEVEL_RE, LEAD_LIST_RE, PHRASE_LIMIT, blank
from .grids import PROJECT_NAME_MIN, YEAR_LEAD_RE, project_key


UNIT_LABEL_RE = re.compile(r"^\s*([^\s\d，,。；;：:（）()]{2,20})[：:]")  # a paragraph opening “名称：”

UNDONE_CLAUSE_CHARS = 30  # the words after a count naming what it counts and why it was not done

LEAD_END_RE = re.compile(r"[：:。]")  # what ends a numbered item's label

# a sentence that is a numbered run-in heading only (3、绩效目标。)
RUN_IN_HEADING_RE = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}\s*[、.．])\s*"
                               r"([^，,。；;：:\d]{2,14})[。：:]?\s*$")

# what ends a numbered item's first clause; digits end it too, so a clause stating a figure is no name
NAME_CLAUSE_END_RE = re.compile(r"[，,；;、：:。\d]")

OPENING_CLAUSE_RE = re.compile(r"[^，,；;。：:]{1,40}")  # a paragraph's opening clause (see _opens_on_whole)

LEAD_LIMIT = 80  # characters of a numbered item's label


class ParagraphReading:
    """FactReader's reading of a paragraph and the wholes a figure's clause names."""

    def _paragraph(self, index: int, para: Paragraph) -> None:
        numbered = self._item_token(para.text)
        if numbered:
            self.item_subject = ""  # (a numbered item, or a heading, closes the item before)
        lead_concept, subject, topic = self._lead(para.text)
        scope_concept, scope_subject = self.heading_scope[-1][1:] if self.heading_scope else (None, "")
        # under a 项目名称 line or a project's heading (or a heading naming a thing, _scoping_headings): its
        chapter = self.named_projects.get(index, "") or scope_subject
        if chapter and subject and not compact(subject).endswith(("项目", *self.organization_endings)):
            subject = chapter  # (（三）自评结果。… under 二、某某项目 is that project's part, no subject of its own)
        subject = subject or chapter
        # a section titled with a fund (七、一般公共预算财政拨款基本支出决算情况说明), as a heading
        # or run into its paragraph, states that fund's figures, as a table so titled does
        self._enter_topic(para, topic)
        # a run-in heading of targets (3、绩效目标。新增…1,200个；…): the paragraph's counts are planned
        self.paragraph_plans = bool(topic) and self._names_plan(topic)
        self.section_fund = self.note_fund or self.topic[1] or self._fund_named(para.loc.section or "")
        # (…of a part of the money, 一般公共预算财政拨款基本支出…: the unit's totals stated there, 收入、
        # 支出总计, are the unit's, not that fund's)
        self.section_part = self._section_part(para.loc.section or "") if self.section_fund and not self.note_fund \
            and not self.topic[1] else False
        if not (lead_concept or subject) and not numbered and not self._opens_on_whole(para.text):
            # a paragraph without its own number continues the item before it (PDF lines of one item
            # read as several paragraphs; 年初滚存结余… after （一）某某基金。收入…) until a heading or a
            # table: its label's concept, or the thing it names; else the scoping heading's concept
            lead_concept, subject = self.open_item[0] or scope_concept, self.open_item[1]
        self.open_item = (lead_concept, subject)
        self.lead = lead_concept
        # a run-in heading naming a score category (（一）决策。该类指标分值20分，自评得分19分): the
        # paragraph's scores are that category's
        # (…决策情况。, a heading of its own, （三）产出指标情况, over the paragraph: the same)
        self.para_category = self._score_category_named(topic) if topic else \
            self._section_category(para.loc.section or "")
        self.open_measure = self.whole_measure = None  # a budget list's measure, open across a ；
        self.list_goes_on, self.opening = False, None
        carried, self.carried_unit, self.whole, self.part_carried = lead_concept, None, lead_concept, False
        for s_index, sentence in enumerate(para.sentences):
            run_in = RUN_IN_HEADING_RE.match(sentence.text) if s_index else None
            if run_in:  # (…。3、绩效目标。全年完成…: a later run-in heading of the paragraph)
                self.paragraph_plans = self._names_plan(run_in.group(1))
            if s_index and CLASS_LEVEL_RE.search(sentence.text[:LEAD_LIMIT]):
                # a later sentence led by its own classification item (…。卫生健康支出（类）：支出决算
                # 为88.62万元) is that item's, not the paragraph's lead's
                own = self._lead(sentence.text)[0]
                if own:
                    carried = self.lead = own
            # (a sentence under a project's heading speaking of all the unit's projects, 全局项目总体
            # 执行进度…, is the unit's: concepts.yaml whole_scope_words)
            own = "" if chapter and subject == chapter and self._whole_scope(sentence.text) else subject
            # the concept last named carries over to the next sentence of the paragraph
            carried = self._sentence(index, s_index, sentence, carried, own) or self.lead
        self._spending_before_carry_over(index)
        self._total_said_to_include(index)

    def _includes_carry(self, spent) -> bool:
        """The bracket right after the amount says it holds the balance carried over (支出总计5,906.40万元
        （含年末结转和结余）): 结转 a few words after its inclusion word (see carry_note_re)."""
        bracket = self.includes_re.match(self.base.sentences.get((spent.block, spent.sentence), ""), spent.at + len(spent.text))
        return bracket is not None and self.carry_note_re.search(bracket.group(0)) is not None

    def _total_said_to_include(self, index: int) -> None:
        """“总收入3,327.18万元（含年初结转和结余118.62万元）”: an amount whose bracket right after it says
        it includes a kind of money that is no part of its concept but that concept's sibling in a
        wider declared sum (本年收入 and 年初结转和结余 in 收支总计) is that wider sum."""
        facts = self.base.by_block.get(index, ())
        for whole, part in zip(facts, facts[1:]):
            if not (whole.is_money and part.is_money and whole.source == "text" and whole.concept and part.concept
                    and part.sentence == whole.sentence and part.concept not in self.parts_named.get(whole.concept, ())):
                continue
            bracket = self.includes_re.match(self.base.sentences.get((whole.block, whole.sentence), ""), whole.at + len(whole.text))
            if bracket is None or part.at >= bracket.end():
                continue
            wider = next((total for total, parts in self.parts_named.items()
                          if whole.concept in parts and part.concept in parts), None)
            if wider is not None:
                self.base.name(whole, wider)
            elif self.carry_note_re.search(bracket.group(0)):
                # (机关运行经费支出126.40万元（含上年结转6.00万元）: the carry-over of that amount, a
                # part of it; no statement of the unit's own 上年结转 the document's sums take)
                self.base.unname(part)

    def _spending_before_carry_over(self, index: int) -> None:
        """“收入总计213.10亿元……支出总计211.10亿元。收支相抵，结转下年2.00亿元”: a 支出总计 that with
        the carry-over after it makes the 收入总计 before it is the spending before the carry-over,
        not the balanced grand total (收支总计) the 收入总计 and a 收支总表's 支出总计 are: no concept.
        Outside the accounts that balance by construction (a 决算's, concepts.yaml balance_identity
        balanced_report_types) a 支出总计 below a 收入总计 stated before it is so read with no
        carry-over stated: such a report may call the year's spending 支出总计."""
        if not self.balance_identity:
            return
        facts = self.base.by_block.get(index, ())
        label = lambda f: compact(f.label)  # noqa: E731
        spending, income_words = tuple(self.balance_identity["spending_words"]), tuple(self.balance_identity["income_words"])
        spent_totals = [f for f in facts if f.concept in self.balanced_totals and f.is_money and label(f).endswith(spending)]
        if not spent_totals:
            return
        # (a 决算's or a budget's accounts, or a document whose tables state the grand total: 收入支出决算总表)
        balanced = self.doc.meta.get("report_type") in self.balanced_reports or any(
            f.source == "table" for f in self.base.by_concept.get(self.balance_identity["total"], ()))
        for spent in spent_totals:
            if self._includes_carry(spent):
                continue  # (支出总计5,906.40万元（含年末结转和结余）: the grand total, said so)
            earlier = self.base.by_concept.get(spent.concept, ())
            # (the 收入总计 of the spending's paragraph; outside a 决算, one of its period before it)
            income = next((f for f in reversed(earlier) if f.id < spent.id and f.source == "text" and f.is_money
                           and (f.block == index or not balanced and f.period == spent.period)
                           and label(f).endswith(income_words)), None) or \
                next((f for f in reversed(facts) if f.id < spent.id and f.is_money and f.concept is None
                      and f.measure == spent.measure and label(f).endswith(income_words)), None)
            # (…，收入总计367,540万元 closing a list of what was received, a sum of them that names no
            # concept of its own: the 收入总计 of the paragraph all the same)
            carry = next((f for f in facts if f.id > spent.id and f.concept == self.balance_identity["carry_over"]
                          and f.is_money and f.measure == spent.measure), None)
            if income is None or (carry is None and balanced):
                continue
            (s_lo, s_hi), (i_lo, i_hi) = (f.interval(MONEY_UNITS[f.unit]) for f in (spent, income))
            # (where they do not add up, one of the three is misprinted, which SUM017 tells: the
            # 支出总计 below the 收入总计 is still the spending before the carry-over; one far below
            # it, more than a carry-over ever is, is a misprint of the 收支总计 itself: 2248.58元)
            if s_hi < i_lo and i_lo - s_hi <= CARRY_SHARE_MAX * i_lo:
                self.base.unname(spent)
                # (and the figures of its sentence after it that took its concept, naming none of
                # their own: 比上年的3,012.60万元增加185.80万元，增长6.17% are that spending's too)
                for f in [f for f in facts if f.id > spent.id and f.sentence == spent.sentence
                          and f.concept == income.concept and not self.lex.concepts.all(compact(f.label))]:
                    self.base.unname(f)

    def _opens_on_whole(self, text: str) -> bool:
        """The paragraph's first clause names the unit's whole (全局全年预算…, 本单位全年支出…:
        concepts.yaml whole_opening_words): it speaks of the unit, no item before it going on."""
        first = OPENING_CLAUSE_RE.match(text)
        return bool(first) and any(w in first.group() for w in self.whole_opening_words)

    def _whole_scope(self, text: str) -> bool:
        """The sentence's opening words name the whole of the unit's projects (全局, 总体, 全部项目)."""
        return any(w in text[:LEAD_LIMIT] for w in self.whole_scope_words)

    def _names_other_whole(self, phrase: str) -> bool:
        """The words before a kind of money's total name a whole other than the unit (社会保险基金,
        全县…: concepts.yaml other_whole_words), a fund of the unit's own budget (政府性基金) aside."""
        words = blank(compact(phrase), self.lex.funds)
        found = self.lex.concepts.all(words)
        before = words[:found[-1][0]] if found else words
        return any(w in before for w in self.other_whole_words)

    def _share(self, out: dict, phrase: str, within, last_money, carried, base: str | None) -> dict:
        """A share of `base`: the thing named right before 占 (人员经费占基本支出的91.07%) owns it,
        else the amount before it."""
        cut = within.start() if within else phrase.rfind("占")
        named = self._concept(phrase[:cut], last=True) if cut > 0 else None
        owner = named or (last_money.concept if last_money else carried)
        return dict(out, concept=owner, measure="占比", base=base)

    def _completed_whole(self, phrase: str) -> bool:
        """The words between 完成 and 的 name a whole that is no budget, no target and no known
        thing (完成投资的, 完成计划投资的; not 完成年初预算的, 完成年度目标的): what was done, the amount
        right before (the caller's condition; after a count, 实际走访2,160户，完成计划的95.0%, it is a
        target's completion, DRV007's), is a share of it."""
        words = compact(phrase)
        at = words.rfind("完成")
        of = words[at + 2:].removesuffix("的") if at >= 0 and words.endswith("的") else ""
        return len(of) >= 2 and self.lex.measures.last(of) is None and self._concept(of, last=False) is None

    def _whole_budget_before(self, part: Fact) -> bool:
        """An amount of the part's budget naming no thing and no fund stands before it in its
        sentence, the part naming one: the whole the part is listed under."""
        if not (part.fund or part.concept):
            return False
        for f in reversed(self.base.facts):
            if (f.block, f.sentence) != (part.block, part.sentence):
                return False
            if f.id < part.id and f.is_money and f.measure == part.measure and not (f.fund or f.concept):
                return True
        return False

    def _qualified_whole(self, after: str) -> bool:
        """The words naming a share's whole qualify the first kind they name by a clause of a
        thing's own closed by 的 before it (预留给中小企业的政府采购…; not 年度, 本级: see
        _qualified_total)."""
        words = compact(after)
        found = self.lex.concepts.all(words)
        return bool(found) and "的" in words[:min(found)[0]] and self._qualified_total(words[:min(found)[1]])

    def _qualified_total(self, phrase: str) -> bool:
        """The name of a kind of money's total is qualified by a thing's name right before it (药品
        收入合计): that thing's total. Years and periods (上年), the unit's own name, words of the
        unit's whole (本年, 全年, 部门: concepts.yaml kind_total_words), measures and funds qualify
        nothing."""
        words = compact(phrase)
        found = self.lex.concepts.all(words)
        if not found:
            return False
        before = CLAUSE_BREAK_RE.split(years_out(words[:found[-1][0]]))[-1]
        before = blank(blank(before, self.lex.measures), self.lex.funds).replace(" ", "")
        before = self.lex.current.sub("", self.lex.prior.sub("", before))  # (上年支出合计: a period's)
        if self.self_words:
            before = self.self_words.sub("", before)
        for word in (*self.kind_total_words, *self.lex.list_openers):  # (其中本年收入: a part, not a thing's)
            before = before.replace(word, "")
        # (包括本年支出: a part too; 包括 and 含 only opening the words, not inside a name, 含山县)
        before = before[len(next((w for w in self.inclusion_words if before.startswith(w)), "")):]
        return len(re.sub(r"[^\u4e00-\u9fff]", "", before)) >= 2

    @staticmethod
    def _clause_to(text: str, at: int) -> str:
        """The words of the clause up to `at` (past any figure inside it: 四季度完成65岁以上…)."""
        window = text[max(0, at - PHRASE_LIMIT):at]
        return window[past_last_break(window):]

    def _per_one_before(self, text: str, at: int) -> bool:
        """The clause before `at` states an amount per one thing done (每接待1人次的…): its figure,
        read apart as a count, bounds the amount's own words, so the clause is looked at whole."""
        return self.lex.per_unit.search(self._clause_to(text, at)) is not None

    def _flow_of_row(self, text: str, m, concept: str, money: bool = False) -> bool:
        """A count or an amount of a row label's thing (not the vocabulary's) whose clause, outside
        the label, says it moved in or out during the year (stock_flow_words: 本年新增固定资产85.40万元
        beside the table's year-end 固定资产), before it or after it up to the next figure; for a row
        a table states a flow of (新购数量), one whose clause does not say that flow (发放折叠床1,800张)."""
        if not self.flow_words or (concept in self.lex.concepts.canonical and concept not in self.stock_concepts) \
                or self.says_flow.search(concept):
            return False  # (a row of a flow itself, 新增市场主体户数: 新增 names it)
        floor = max(0, m.start() - PHRASE_LIMIT)
        start = floor + past_last_break(text[floor:m.start()])
        end = CLAUSE_BREAK_RE.search(text, m.end())
        after = text[m.end():end.start() if end else len(text)][:UNDONE_CLAUSE_CHARS]
        # (up to the next figure or a bracket: 年末实有…3辆（含本年新增1辆） is the stock, its
        # remark in brackets the flow within it)
        after = after[:next((k for k, ch in enumerate(after) if ch.isdigit() or ch in "（("), len(after))]
        clause = (text[start:m.start()] + " " + after).replace(concept, " ")
        own_flows = self.flow_rows.get((concept, money))
        if own_flows:
            return not any(w in clause for w in own_flows)
        return bool(self.says_flow.search(clause)) or (
            (concept, money) in self.stock_rows and bool(self.says_work.search(clause)))

    def _undone_in_clause(self, text: str, at: int) -> bool:
        """One of undone_after further on in the clause the figure starts, before the next figure
        (全年完成42家中3家未实施验收: the 3's, not the 42's), within a short clause."""
        end = CLAUSE_BREAK_RE.search(text, at)
        clause = text[at:end.start() if end else len(text)][:UNDONE_CLAUSE_CHARS]
        digit = next((k for k, ch in enumerate(clause) if ch.isdigit()), len(clause))
        return self.undone_after.search(clause[:digit]) is not None

    def _enter_topic(self, para: Paragraph, topic: str) -> None:
        """The run-in heading whose part of the report the paragraph is in, as (numbering level,
        the fund it names): a numbered paragraph at its level or above starts another part; one
        below it (（一） under 四、) stays in it unless it names a fund of its own."""
        if not para.style:
            return
        level = NUMBERING_LEVELS.get(para.style, len(NUMBERING_LEVELS))
        fund = self._fund_named(topic) if topic else ""
        if fund or level <= self.topic[0]:
            self.topic = (level, fund)

    def _lead(self, text: str) -> tuple[str | None, str, str]:
        """A numbered item's label (“3.公务接待费。…”, “1.某某项目：…”) is the concept or the
        subject of the figures after it that name none themselves."""
        m = self._item_token(text)
        named = UNIT_LABEL_RE.match(text) if not m else None
        if named and compact(named.group(1)).endswith(self.organization_endings) \
                and not self._vocab_concept(compact(named.group(1))):
            return None, named.group(1), ""  # “县图书馆：全年预算…”: that unit's paragraph
        rest = text[m.end():] if m else text
        # a classification path (…（类）…（款）…（项）) is longer than a phrase
        end = LEAD_END_RE.search(rest, 0, LEAD_LIMIT + 1)
        if m and (not end or LEAD_LIST_RE.search(rest, 0, end.start())):
            end = self._named_item_end(rest) or end
        if not end or LEAD_LIST_RE.search(rest, 0, end.start()) and not (m and self._dated_project(rest[:end.start()])):
            return None, "", ""  # a sentence or a list, not a name
        label = rest[:end.start()].strip()
        words = compact(label)  # (read below as the label's words, compacted once)
        if not m and not CLASS_LEVEL_RE.search(label) and not (
                rest[end.start()] in "：:" and words in self.row_labels):
            # without a number, only a classification item's label leads, or a table row's label
            # before a colon (建档率：年度指标值≥60%，…得9.85分: that indicator row's figures)
            return None, "", ""
        if words.endswith(self.topic_endings) or self.score_category.fullmatch(words) \
                or words in self.indicator_kinds or self.lex.breakdown_heading.fullmatch(words):
            # a heading run into its paragraph (（二）支出情况。…, 五、“三公”经费支出情况说明。…, （一）
            # 产出指标。…) names a part of the report, as a heading block does: no thing the figures are of
            return None, "", label
        # the label must be the concept, not merely hold its name (政府采购专家评审费项目 is a
        # project); a classification path (类)(款)(项) names its last, most specific item
        vocab = self._vocab_concept(words)
        concept = vocab or self._last_row_label(words)
        if concept and not vocab and words.endswith(self.organization_endings):
            # a unit's item (（二）县水利工程管理站。…): its own figures (全年执行…) are its row's,
            # the others it names (在职人员31人) are that unit's, not the report's
            self.item_subject = label
        if concept:
            return concept, "", ""
        if not words.endswith(self.item_subject_endings):
            # a run-in heading of an activity (1. 绿化建设。…): its figures are of it, and of the
            # unit where no parallel item states the same (see restatement)
            self.base.activity_subjects.add(label)
        return None, project_key(label), ""

    def _named_item_end(self, rest: str) -> re.Match | None:
        """The comma closing a numbered item's first clause where that clause is a name only, of a
        project or a unit (1.市政道路养护项目，年初预算…，全年支出…; 一是县文化馆，…), or a concept's
        (其二，项目支出，…): the item's subject or concept, as a name before a colon is."""
        end = NAME_CLAUSE_END_RE.search(rest, 0, LEAD_LIMIT + 1)
        if end is None or rest[end.start()] not in "，,":
            return None
        words = compact(rest[:end.start()])
        if self._vocab_concept(words):
            return end  # (其二，项目支出，全年预算…: the concept's item, as 其二，项目支出：… is)
        named = words.endswith(self.item_subject_endings) or words.endswith(self.organization_endings)
        return end if named and len(words) >= PROJECT_NAME_MIN else None

    def _item_token(self, text: str) -> re.Match | None:
        """The number opening a list item (1., （一）, 一、) or its ordinal in prose (一是: concepts.yaml
        point_openers)."""
        return ITEM_TOKEN_RE.match(text) or (self.ordinal_item.match(text) if self.ordinal_item else None)

    @staticmethod
    def _dated_project(label: str) -> bool:
        """A numbered item's label that is a project's name opening with its year (一、2024年高标准
        农田建设项目。): its digits are the year's, not a figure's."""
        year = YEAR_LEAD_RE.match(label.strip())
        rest = compact(label.strip()[year.end():]) if year else ""
        return len(rest) >= PROJECT_NAME_MIN and rest.endswith("项目") and not LEAD_LIST_RE.search(rest)


CARRY_SHARE_MAX = Decimal("0.5")  # of the income total, the most a balance carried over to next year is
