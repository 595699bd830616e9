"""A table row's cells read into facts: the row's period and project, each cell's concept, unit and
period, and what a cell notes of its row."""

from __future__ import annotations

import re
from decimal import Decimal

from ...knowledge import compact
from ..numbers import MONEY_UNITS
from .model import CURRENT, PRIOR, LATER, Head, NO_HEAD, Columns, blank_fact
from .words import YEAR_RE, blank, LABEL_TAIL_RE, kind_total
from .figures import text_figures, figure_value, short_cell_number, unit_in, counted_unit
from .grids import PROJECT_NAME_MIN, bare_head, project_key
from .heads import TRAILING_BRACKET_RE
from .rates import ROW_NAME_CHARS


# a cell of digits and separators that reads as no number (478.08.00): a malformed figure, no
# words naming the figures right of it (PAT001 reports it)
MALFORMED_CELL_RE = re.compile(r"[\d.,，．]+")


class CellReading:
    """FactReader's reading of a table row's cells."""

    def _periods_by_row(self, grid: list[list[str]]) -> bool:
        """Whether the table sets its years out as rows (2023年 | 收入 | 支出 over 2024年 | …): rows
        labelled by period only name two years or more the report places (this year and last; or
        last year and the one before, a history a report of the year after sets out: 2021年 | 2022年
        in a 2023 report). One such label alone is an indicator's (成本指标: 2024年年初预算 | 106.62万元),
        not a period row."""
        years = {}
        for texts in grid:
            label = next((t for t in texts if t and short_cell_number(t) is None), "")
            if label and self._label(label).period_only:
                row_label = self._label(label).row_label
                years[row_label] = self._row_period(row_label)
        return sum(1 for p in years.values() if p is not None) >= 2

    def _row_period(self, row_label: str) -> str | None:
        """The period a row labelled by its year or by 本年 / 上年 states, as a column headed so
        would: a year two back is an older one's (往年, its year told by fact_year); None for a plan
        year (a row of figures not yet spent, 2026年 beside 2025年决算数, whose measure no word
        gives) or any year when the report's own is unknown: no fact the checks could place."""
        if self.year is None and YEAR_RE.search(row_label):
            return None
        period = self._column_period(row_label)
        return None if period == LATER else period

    def _row(self, index, table, row, texts, numbers, columns: Columns, fund) -> None:
        # a row with no label at all (the header says what each figure is) starts at its first cell
        first_text = next((k for k, n in enumerate(numbers) if n is None and texts[k]), 0)
        if first_text < len(texts) and compact(texts[first_text]) in self.skip_columns:
            return  # a 栏次 row: the numbers of the columns
        label_cols, heads = columns.label_cols, columns.heads
        self.row_subject = self._row_project(texts, numbers)
        # a row printing its rates with % (99.78%) and a bare figure under a rate's head (108.56
        # under 执行率): the row's cells slid against the header; that figure is no rate
        percent_printed = any(n is not None and n[3] in ("%", "‰") for n in numbers)
        # a figure's label: the nearest name column to its left (三级指标, 科目名称) holding words,
        # else the nearest words to its left; both kept up to date in one pass along the row
        named, words, earlier = None, "", ""  # (earlier: the row's label before its last, 基本支出 of 基本支出 | 小计)
        # the row's own unit, in a 单位 column (接待读者 | 万人次 | 41.2 | 38.6): its figures' unit
        # (a 单位 column of units' names, 局机关 | 监测站, names the rows: see _unit_like)
        # (most headers have no 单位 and no 分值 column: no search then)
        row_unit = next((compact(texts[k]) for k in columns.unit_cols if k < len(texts) and texts[k]
                         and numbers[k] is None and self._unit_like(texts[k])), None) if columns.unit_cols else None
        # the row's 分值: a 合计 of fewer than 100 points totals part of the score only
        weight = next((numbers[k][1] for k in columns.points_cols if k < len(numbers) and numbers[k] is not None),
                      None) if columns.points_cols else None
        for k, cell in enumerate(row):
            parsed, text = numbers[k], texts[k]
            if parsed is not None and k >= first_text and k not in self.line_columns:
                # (numbers left of the first label are codes or line numbers)
                head = heads[k] if k < len(heads) else NO_HEAD
                if not head.skipped and not (head.rate and percent_printed and not parsed[3]):
                    label = named if named is not None else words
                    if named is not None and words and words != named and _block_heading(named):
                        label = words  # (项目资金（万元） | 年度资金总额: a block's heading and unit; the row's own label after it)
                    elif earlier and compact(label) in self.group_subtotal_words:
                        label = earlier  # (基本支出 | 小计: the group's subtotal is the group's, not the table's total)
                    self._cell(index, table, cell, parsed, label, head, self._column_fund(head, columns, fund) or fund,
                               row_unit or columns.block_unit, weight,
                               row_unit)
            if text and k in columns.unit_cols and row_unit:
                continue  # (a unit names no row)
            if text:
                if k in label_cols:
                    named = text
                if parsed is None and not MALFORMED_CELL_RE.fullmatch(text):
                    # (the label right before it, no figure between: 基本支出 | 小计; not 其他收入 |
                    # 20.00 | 小计, the other side of a two-sided table)
                    earlier, words = (words if k and numbers[k - 1] is None else ""), text
                elif parsed is None and any(ch.isdigit() for ch in text):
                    # 2,06,415.30: a figure no one can read; a sum over its column cannot be judged
                    self.base.unreadable.setdefault(index, set()).add(cell.loc.col)

    def _row_project(self, texts: list[str], numbers: list) -> str:
        """The project a row of a list of projects names in its 项目名称 column ("" for a total
        row, 合计, or a row of another table)."""
        k = self.subject_col
        if k is None or k >= len(texts) or numbers[k] is not None:
            return ""
        name = compact(texts[k])
        if name in self.average_rows:
            return name  # (平均 | 89.47: the rows' average, no figure of the whole nor of a project)
        return project_key(name) if len(name) >= PROJECT_NAME_MIN and not self._label(name).generic else ""

    def _without_opener(self, label: str) -> str:
        """A row's name without the list opener leading it (其中：当年财政拨款: 当年财政拨款)."""
        opened = self.lex.list_opener.match(label)
        rest = label[opened.end():].lstrip("：:，, ") if opened else label
        return rest or label

    def _cell(self, index, table, cell, parsed, label, head: Head, fund, block_unit, weight=None,
              row_unit: str | None = None) -> None:
        cmp, value, places, unit = parsed
        # (a row of a list of projects, under a column naming a thing of its own, 自评得分 or 执行率:
        # that project's score or rate; under an amount's column, the row's name is the thing, as
        # the narrative names it: 垃圾分类设施建设资金实际完成…)
        project = self.row_subject if head.concept else ""
        described = self._label("" if project else label)
        row_label, row_concept = described.row_label, described.concept
        if row_concept is None and self.title_concept and row_label:
            # (a 政府采购 table's rows 货物 | 服务 | 工程: the declared parts the title's thing and
            # the row's word name together, 政府采购货物)
            titled = self._label(self.title_concept + row_label).concept
            if titled in self.parts_of.get(self.title_concept, ()):
                row_concept = titled
        col_concept, measure, rate = head.concept, head.measure, head.rate
        if rate and row_unit and counted_unit(row_unit) and not unit \
                and not (compact(head.text).endswith(self.rate_head_endings) or "率" in head.text):
            # a head whose word only looks like a rate's (累计完成: done, no 完成率) over a row of a
            # count in its own unit (新建截流井 | 座 | … | 36) and a figure printed bare: the row's count
            rate = None
        period = head.period
        if period == CURRENT and self._in_later(index, head.text):
            period = LATER
        elif period == CURRENT and index in self.earlier_blocks and not YEAR_RE.search(head.text):
            period = self.earlier_blocks[index]
        if described.period_only and self.periods_by_row:
            period = self._row_period(row_label)
            if period is None:
                return
            # the row's words may hold the measure the column does not (2023年决算数)
            measure = measure or self.lex.measures.last(blank(row_label, self.lex.concepts)) or ""
            row_label, row_concept = "", None
            thing = head.thing
            if not col_concept and len(thing) >= HEAD_THING_MIN and thing not in self.lex.generic_labels \
                    and thing not in self.column_total_words:
                # (年度 | 工资福利支出 | 商品和服务支出 | 合计, a row a year: each column a thing of its own)
                col_concept = thing
                self.row_labels.setdefault(thing, thing)
        # (row_label, where not blanked below, is the label read: described.row_label)
        if not measure and row_label and not row_concept and described.measures_only:
            # a row of a measure under a column naming none (“三公”经费表: 预算数 | 11.00 | …, 决算数 |
            # 8.90 | …, the columns its items): the row's measure is the figures'
            measure = self.lex.measures.last(row_label) or ""
            if self.lex.prior.search(row_label):
                period = PRIOR
        generic = not row_label or described.generic
        if row_concept in self.balanced_totals and row_label in self.column_total_words and self.title_concept \
                and self.title_concept not in self.balanced_totals and self.title_kind is not None:
            # (总计 | 90.00 closing a table titled for one kind of money, 一般公共预算财政拨款支出决算表:
            # that kind's total, the table's 合计 by another word; not the balanced 收支总计, which a
            # table of both kinds closes on, 财政拨款收入支出决算总表)
            row_concept, generic = None, True
        if row_concept in self.score_totals.values() and measure in ("得分", "分值") \
                and weight is not None and weight < self.full_score:
            # a 总分 row over fewer points than the full score totals some of the indicators (the
            # 预算执行率 row stands apart): not the whole score a sentence states
            row_concept, generic = None, True
        rate_of = ""  # the part an execution rate is of (基本支出 | … | 98.00%), as a sentence names it
        if row_label and col_concept in self.score_totals.values() and self.score_category.fullmatch(compact(row_label)):
            # a score category's row (决策 | 20 | 18) under the whole score's column (自评得分): that
            # category's score, not the whole's (which the 合计 row states)
            col_concept = None
        # (a table breaking a stock's count down by kind, concepts.yaml stock_concepts: 一般公务用车 | 1,
        # 执法执勤用车 | 2, 合计 | 3 under 公务用车保有量: each kind's row its own count, as under a column
        # of no name, 数量（辆）; the 合计 row's the stock's)
        listed = col_concept in self.stock_concepts and not generic and row_concept != col_concept
        if col_concept in self.not_money and not listed:
            if col_concept == "预算执行率" and row_concept and row_concept not in self.unit_totals \
                    and row_concept in self.money:
                rate_of = row_concept
            elif col_concept == "预算执行率" and row_concept is None and not project and len(row_label) >= ROW_NAME_CHARS \
                    and not (described.generic or described.span_only or described.measures_only) \
                    and row_label != self.project_funds and row_label not in self.named_parts_of:
                # a row naming a thing of its own, no concept of the vocabulary (慢性病管理子项目 | 160.00 |
                # 135.02 | 84.39%, 中央资金 | … | 90.00%): that thing's rate, as a sentence names it, no
                # statement of the unit's (not a whole's row, 年度资金总额 of a project's form: the
                # form's own rate)
                rate_of = self._without_opener(row_label)
            row_concept, row_label, generic = None, "", True  # 执行率 / 编制数 columns say what the figure is
        elif row_concept and head.per_unit:
            # (总计 | … | 公里均投资 40.00: an amount per one thing, no figure of the row's concept)
            row_concept = None
        concept = row_concept or (col_concept if generic and not (
            self.table_scoped and col_concept in self.unit_totals) else None)
        if generic and concept == col_concept and col_concept in self.named_parts_of:
            # a table titled with a part of its column's whole (基本支出决算表 | 本年支出 合计): its
            # 合计 is that part, the whole's other parts are not in it (the title's concept may be
            # named for the fund the title names: 一般公共预算财政拨款基本支出 is 基本支出 of it)
            titled = next((generic_name for generic_name, named in self.fund_qualified.get(fund, {}).items()
                           if named == self.title_concept), self.title_concept)
            if titled in self.named_parts_of[col_concept]:
                concept = titled
        if concept is None and generic and measure in ("得分", "分值") and (weight is None or weight >= self.full_score):
            # a score table's 合计 is its total score, whatever the title names (部门整体支出绩效自评表),
            # unless its 分值 are fewer than the full score: a table of some of the indicators
            concept = self.score_totals.get(row_label)
        if concept is None and generic and not (self.grand_row and row_label in self.group_subtotal_words):
            concept = self.title_concept  # 合计 of a table about one concept (the 三公 table)
        column_total = False
        if concept is None and row_label in self.column_total_rows and not col_concept and unit != "%" \
                and not rate and period == CURRENT:
            # the total row under a column naming a thing of its own (补贴面积（亩）): that thing's
            # total, which a sentence naming the thing's total restates (全县补贴面积合计213,439亩; not
            # 白水乡5个 under a column of 白水乡, nor a column of shares, whose total is 100%)
            thing = head.thing
            if len(thing) >= HEAD_THING_MIN and thing not in self.lex.generic_labels:
                concept, column_total = thing, True
                for word in self.column_total_words:
                    self.row_labels.setdefault(thing + word, thing)
        if concept is None and row_label and not described.generic and not described.span_only \
                and not described.measures_only:
            # a row's own name is its concept; a generic one (合计, 小计) names no thing of its
            # own: two tables' 合计 rows are no statements of one fact; nor does a measure's name
            # alone (年初预算数 | 65.78: a row of a measure, whose name the text's 完成年初预算的 holds)
            concept = row_label
            self.row_labels.setdefault(row_label, row_label)
            stem = LABEL_TAIL_RE.sub("", row_label)
            if stem != row_label and len(stem) >= 4:
                self.row_labels.setdefault(stem, row_label)  # (the name without its tail)
            unit_bracket = TRAILING_BRACKET_RE.search(row_label)
            if unit_bracket and unit_in(unit_bracket.group()) and unit_bracket.start() >= 4:
                # (改厕受益农户（户）: the name a sentence states it by, without the unit it is counted in)
                self.row_labels.setdefault(row_label[:unit_bracket.start()], row_label)
        own_row = bool(row_label) and concept == row_label  # (the row's own name its concept)
        unit = self.unit_aliases.get(unit, unit)
        if unit and row_label:  # (the units printed with a row label's figures: see _indicator_like)
            self.label_units.setdefault(row_label, set()).add(unit)
        # a row naming one concept under a column naming another (基本支出 of 一般公共服务支出):
        # the column is a dimension of the fact
        member = col_concept if col_concept and col_concept != concept else ""
        if member in self.unit_totals and concept and self._kind_of(concept) == member:
            # a spending item's row under 本年支出合计 (社会保障和就业支出 | 326.72): the item's own
            # whole, as a 决算数 column states it, no dimension of it
            member = ""
        if not member and concept and self.title_kind and self.title_kind != concept \
                and self._kind_of(concept) not in (None, self.title_kind):
            # a spending's row in a table of income (收入决算表 by 支出功能分类科目): the money
            # received for it, a dimension of the fact, not the spending
            member = self.title_kind
        member = "" if listed else member or rate_of
        if fund and concept in self.fund_qualified.get(fund, {}):
            concept = self.fund_qualified[fund][concept]
        if not measure and (rate in ("占比", "变动率", "得分率") or (rate == "完成率" and "%" in (unit, head.unit))):
            # a share, a change's rate, a rate of the points got or of the target met (占比, 增减率,
            # 得分率 of the 预算执行率 row, 完成率 98.50% of an indicator's, 103.16 under 完成预算%;
            # not 1-6月完成 1,362人): no value of the row's concept
            measure = rate
        counted = head.count_unit is not None and not unit and not measure
        if counted:
            # a column of a count (救助人次 in a table in 万元): its figures are counted, not money, in
            # the head's own unit (救助人次（万人次）), the row's (a 计量单位 column's 张, a label's
            # bracket: 公务用车保有量（辆）), the caption's (车辆情况表（单位：辆）) or the count's
            # (人次; none for 数量)
            row_count_unit = row_unit if row_unit and row_unit not in MONEY_UNITS and row_unit != "%" else ""
            label_unit = unit_in(label) if label else None
            label_unit = label_unit if label_unit not in (*MONEY_UNITS, "%", "‰", "个百分点") else None
            measure, unit = "实际值", head.unit or row_count_unit or label_unit \
                or self.caption_count_unit or head.count_unit
        worded = bool(measure)
        if not measure:
            # (a row's unit in a 计量单位 column, 万元, makes its figures amounts as a table's unit does)
            # (a head's own unit of things, 补贴面积（亩） in a table in 万元, makes its figures no money)
            head_unit = head.unit
            money_like = concept in self.money or (
                not unit and (self.table_unit or block_unit in MONEY_UNITS) and concept not in self.not_money
                and (not head_unit or head_unit in MONEY_UNITS or head_unit == "%"))
            measure = "决算" if money_like and unit != "%" and not rate else "实际值"
        if not unit and not counted:
            unit = self._cell_unit(head.unit, label, table, measure, concept, block_unit, rate)
        if not unit and measure == "实际值" and not rate and not self.table_unit:
            unit = self.caption_count_unit  # (a count table's cells under heads of its kinds: 车辆合计 | …)
        unit = self.unit_aliases.get(unit, unit)
        if measure == "决算" and unit and unit not in MONEY_UNITS:
            measure = "实际值"  # (实际完成 92.15%, 完成数 86户: an indicator's value reached, no amount spent)
        elif measure == "决算" and not worded:
            measure = self._bare_measure(head.text)  # (a plan's 合计 | 基本支出 columns: its budget)
        if own_row and unit in MONEY_UNITS and not head.concept and len(head.thing) >= HEAD_THING_MIN:
            # (a head naming a concept, 基本支出, makes the cell a dimension of the row's, no plain
            # figure of it: 森林资源培育基本支出 is not the row's 本年支出; a head's thing shorter than
            # HEAD_THING_MIN, 资金 or 金额, names nothing of its own)
            self.label_things.setdefault(row_label, set()).add(head.thing)  # (see _label_tail)
        if unit in self.counted and concept not in self.counted_cues and (row_label or concept):
            # (国内公务接待 | 215 under 批次: the row's receptions counted, 国内公务接待批次, as the
            # text names them)
            concept = self._cued(compact(row_label or concept), unit) or concept
        if concept and row_label:
            self._note_row(concept, row_label, head, unit)
        subject = project or self.table_subject
        text = cell.text.strip()
        fact = blank_fact()  # (its fields stored one by one: see blank_fact)
        fact.id, fact.concept, fact.measure, fact.period = len(self.base.facts), concept, measure, period
        fact.subject, fact.fund, fact.value, fact.unit, fact.places = subject, fund, value, unit, places
        fact.text, fact.quote, fact.loc, fact.source = text, text, cell.loc, "table"
        fact.label, fact.header, fact.comparator, fact.block, fact.member = label, head.text, cmp, index, member or ""
        self.base.add(fact)
        if concept == "预算执行率" and (fact.member or subject) and label and not self.part_year_table:
            # (the row's own rate, of a part or of a listed project: a sentence naming the row's
            # thing before 执行率 states it; see RateReading._rate_row_named. Two tables' rows of one
            # name, 中央资金 of two projects, leave the name no one row's: None)
            key, row = self._without_opener(compact(label)), (subject, fact.member)
            self.rate_rows[key] = row if self.rate_rows.setdefault(key, row) == row else None
        if column_total:
            self.base.column_totals.add(fact.id)
            self.column_total_of.setdefault(concept, fact)
        if measure == "实际值" and unit == "分" and concept:
            self.point_indicators.add(concept)

    def _part_states_total(self, text: str, thing: str, unit: str, value: Decimal) -> bool:
        """Another figure of the sentence, in the unit, is the column's total of the thing, or the
        rest beside it (全市…5,430人，含市本级430人 beside a table of the districts' 5,000): the
        sentence's figure is of a wider whole."""
        total = self.column_total_of.get(thing)
        if total is None:
            return False
        return any((m.group("unit") or "") == unit and figure_value(m.group("num")) in (total.value, value - total.value)
                   for m in text_figures(self.lex, text))

    def _note_row(self, concept: str, row_label: str, head: Head, unit: str) -> None:
        """What a table's cell tells of its row's thing, for the sentences read after the tables: a
        count's unit (立项数（项）: see _indicator_like), a flow it states (新购数量) or a stock (年末数)
        (see _flow_of_row)."""
        money = unit in MONEY_UNITS
        if unit and not money:
            self.label_units.setdefault(row_label, set()).add(unit)
            if head.flows:
                self.flow_rows.setdefault((concept, False), set()).update(head.flows)
        if head.stock:
            self.stock_rows.add((concept, money))

    def _column_thing(self, head: str) -> str:
        """What a column head names beside its unit, measure and year (补贴面积 of 补贴面积（亩）; 计划投资
        of 计划投资（万元）: whole words, no filler taken out of a name)."""
        words = YEAR_RE.sub("", bare_head(head))
        for start, end, _ in reversed(self.lex.measures.all(words)):
            words = words[:start] + words[end:]
        return words

    def _kind_of(self, concept: str) -> str | None:
        """The kind total (本年支出, 本年收入) whose kind a concept's name ends with (each concept's
        read once per document: a table's cells ask for their row's again and again)."""
        if concept not in self.kinds_of:
            self.kinds_of[concept] = next((total for kind, total in self.kind_totals.items()
                                           if concept.endswith(kind)), None)
        return self.kinds_of[concept]

    def _other_kind(self, phrase: str, concept: str) -> bool:
        """The phrase names one kind of money (支出, 收入: vocabulary kind_totals) and the concept
        is of the other."""
        words = compact(phrase)
        named = {total for kind, total in self.kind_totals.items() if kind in words}
        own = self._kind_of(concept)
        return len(named) == 1 and own is not None and own not in named

    def _vocab_concept(self, label: str, share: float = 0.6) -> str | None:
        if not label:
            return None
        found = self.lex.concepts.all(label)
        # a row is about a concept only when the synonym is most of its label (“其中：公务用车
        #购置费” yes; “一般公共服务支出” names no 服务 concept); a title may name it anywhere
        best = max(found, key=lambda t: t[1] - t[0], default=None)
        if best and (best[1] - best[0]) >= share * len(label):
            if best[2].endswith("支出") and label[best[1]:].endswith(self.income_tails):
                return None  # (基本支出补助 is money received for the spending, no spending)
            if best[0] and best[2] in self.kind_totals.values() and kind_total(label, self.self_words) is None:
                return None  # (医疗收入合计 totals one kind of income, not the unit's 本年收入)
            if self.residual_words and label[:best[0]].endswith(self.residual_words):
                return None  # (其他政府性基金收入: the rest of the fund's income, a part of it)
            return best[2]
        return None

    def _cell_unit(self, head_unit, label, table, measure, concept, block_unit, rate=None) -> str:
        """`head_unit`: the unit the column head names (Head.unit)."""
        if measure in ("分值", "得分"):
            return "分"
        unit = head_unit or unit_in(label)
        if unit:
            return unit
        compacted = compact(label or "")
        tail = next((unit for end, unit in self.count_heads if unit and compacted.endswith(end)
                     and len(compacted) > len(end)), "")
        if tail and not any(u and u not in MONEY_UNITS and u != "%" for u in (block_unit, self.table_unit)) \
                and not UNIT_CAPTION_RE.search(getattr(table, "title", "") or ""):
            # (培训人次 | 1,324: a count the label names its unit by, concepts.yaml count_head_endings;
            # not where the table names a unit of its own, （单位：万人） over 参保人数 | 125.30)
            return tail
        if rate:
            return "%"  # a column of rates (增减率, 执行率) holds percentages, whatever the table's unit
        if block_unit and not (block_unit in MONEY_UNITS and concept in self.not_money):
            return block_unit  # (a header's money unit is none of a score's or a headcount's)
        if concept in self.not_money:
            return ""
        return self.table_unit or ""

    def _column_period(self, head: str) -> str:
        if self.lex.prior.search(head):
            return PRIOR
        change = self.change_years.search(head)
        if change:  # (2025年比2024年增减: the change of 2025 over the year before, 2025's)
            return self._year_period(change.group(1))
        base = self.compared_year.match(compact(head))
        if base:  # (比2023年执行数增长（%）beside 2024年预算数: the change of the year after the one compared with)
            return self._year_period(f"{int(base.group(1)) + 1}年")
        return self._year_period(head)


UNIT_CAPTION_RE = re.compile(r"单位\s*[：:]")  # a table's title or caption naming the unit it counts in (单位：万人; not 本单位)

HEAD_THING_MIN = 3  # characters of a head's thing that name one (补贴面积), not a word (金额, 人数)


def _block_heading(text: str) -> bool:
    """A label closing on a unit in brackets (项目资金（万元）): the heading of a block of rows, its
    unit theirs, merged down over them in the first column; no row's own name."""
    bracket = TRAILING_BRACKET_RE.search(text.rstrip())
    return bracket is not None and bool(unit_in(bracket.group(0)))
