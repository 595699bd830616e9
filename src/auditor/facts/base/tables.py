"""A table read row by row: its concept, its rows of words and prose, and plans a figure is under."""

from __future__ import annotations

import re
from decimal import Decimal

from ...knowledge import compact, concepts
from ...ingest.build import split_sentences
from ...model import SENTENCE_END_RE, Sentence, Table, is_prose
from ...tables.typed import line_number_columns, typed_tables
from ..numbers import bare_year, is_column_numbers, years_column
from .model import Columns
from .words import FROM_QUALIFIER_CHARS
from .figures import short_cell_number
from .grids import PROJECT_NAME_MIN, project_key, stripped_rows, subject_of, cue_subject, subject_cue, heads_a_column, spread_spans


class TableReading:
    """FactReader's reading of a table."""

    def _table(self, index: int, table: Table) -> None:
        title = compact(table.title or "")
        self.table_unit = table.unit or self.assumed_units.get(index)
        self.caption_count_unit = _caption_count_unit(self.caption_count_re, title)
        fund = self._fund_named(title)
        grid = _years_as_labels(stripped_rows(table.rows))  # the cells' texts, stripped once for every pass below
        # (a selection of the unit's items, 重点项目支出情况表: its 合计 is of the rows it lists, no
        # total of the unit's its title names, 项目支出; the rows are the projects' own)
        self.title_concept = None if self.title_scopes.selects(index) else self._title_concept(title, grid)
        # (a table titled with a scope of its own, 城乡低保和特困供养资金发放情况: its 合计 under a
        # 全年支出 column is that scope's spending, not the unit's)
        self.table_scoped = bool(self.title_scopes.of(index))
        # the kind of money a table is of (收入决算表: 本年收入), when its title names one kind only
        kinds = [k for k in self.kind_totals if k in title]
        self.title_kind = self.kind_totals[kinds[0]] if len(kinds) == 1 else None
        # (a table closed by its 合计 has groups under it: a 小计 row is its group's, not the whole
        # the title names; see _cell)
        self.grand_row = any(compact(_row_name(texts)) in self.column_total_words for texts in grid)
        # the project the form names, else the one a line above it names (项目名称：X over its forms)
        # (a list of projects, one a row under a 项目名称 column: each row's figures are its project's;
        # the 项目名称 cell is found once for both)
        cue = subject_cue(grid, self.subject_cells)
        listing = cue is not None and heads_a_column(grid, *cue)
        self.table_subject = (cue_subject(grid, cue) if cue and not listing else "") \
            or self.named_projects.get(index, "")
        if not self.table_subject:
            self.table_subject = self._captioned_project(table.title or "")
            if self.table_subject:
                self.captioned_projects.add(self.table_subject)
        self.subject_col = cue[1] if listing else None
        self.row_subject = ""
        if len(self.table_subject) >= PROJECT_NAME_MIN:
            self.form_projects.add(self.table_subject)
        self.periods_by_row = self._periods_by_row(grid)
        # (a table of part of the year, 2025年1-6月资金执行情况 or a 1-6月执行数 column: its rows' rates
        # are no year's a sentence states; see cells.py rate_rows)
        self.part_year_table = any(self._part_of_year(words) or self._months_of_year(words) for words in (
            title, *(compact(t) for texts in grid[:HEAD_ROWS_READ] for t in texts if t and len(t) <= HEAD_CHARS)))
        headers: list[list[str]] = []
        in_header = False
        self.line_columns = line_number_columns(grid, table.width, tuple(self.skip_columns))
        # (each row's 栏次 test, made once: _misaligned reads them, and so does the loop below for
        # a row none of whose cells is blanked, which is the same texts)
        numbering_rows = [is_column_numbers(texts) for texts in grid]
        if _misaligned(grid, numbering_rows):
            return  # its figures cannot be told apart; the typed-table rules read it by position
        if any(typed.table is table and typed.unread_header for typed in typed_tables(self.doc)):
            return  # (a 三公 table whose heads the reader could not place: PRS001 says so; no head's figure is read)
        columns_of: dict[int, Columns] = {}  # what the current header says, by row width
        prose_heads: list[str] = []  # the head row over consecutive prose rows (预期目标 | 实际完成情况)
        says_nothing = self.lex.says_nothing
        after_part = False  # the row before was a declared part's (当年财政拨款 over 上年结转资金, 其他资金)
        # the columns the rows under the current header label their figures in, and hold them in
        label_columns: set[int] = set()
        figure_columns: set[int] = set()
        group: list[str] = []  # the label cells of the group of rows merged cells span (see _under_group)
        # the group's rows read so far: (their facts' range, the row's own label, merged into the group)
        group_rows: list[tuple[int, int, str, bool]] = []
        for k, (row, stripped) in enumerate(zip(table.rows, grid)):
            texts = self.lex.blanked(stripped)  # (says_nothing of each cell: grid's cells are stripped)
            numbers = [_cell_number(t) for t in texts]
            if not any(n is not None for n in numbers) and any(is_prose(t) for t in texts):
                # prose inside a table (目标, 说明) is no header; what it reports is read as text
                prose_heads = _column_heads(headers, len(texts)) if headers else prose_heads
                self.prose_rows.append((index, row, texts, prose_heads, self.table_subject))
                headers, in_header, columns_of, group = [], False, {}, []
                self._group_members(group_rows)  # (a prose row ends a group of rows, as a header does)
                group_rows = []
                continue
            prose_heads = []
            column_numbers = numbering_rows[k] if texts == stripped else is_column_numbers(texts)
            at = next((j for j, t in enumerate(texts) if t), None)  # the row's label (after a merged column)
            if at is not None and not any(n is not None for n in numbers) and not any(texts[at + 1:]):
                # “其他资金 |  |  | — | —”, or with its cells left empty after the other parts' rows:
                # a part row with nothing in it (a part of 0), no header (a label alone that follows
                # no part's row may head the rows after it: 一、基本支出)
                label = self._label(texts[at])
                concept = label.concept or (label.row_label if label.row_label in self.any_part else None)
                if concept and (any(t and says_nothing(t) for t in stripped[at + 1:])
                                or (after_part and not self._heads_rows(grid[k + 1:k + 2]))):
                    self.base.row_concepts.setdefault(index, set()).add(concept)
                continue
            after_part = False
            if not any(n is not None for n in numbers) or column_numbers:
                if not column_numbers and self._row_of_words(texts, label_columns, figure_columns):
                    in_header = False
                    continue  # (a 时效指标's row, its target a date: one of the rows, under the same heads)
                if sum(1 for t in texts if t) >= 2 and not column_numbers \
                        and not _empty_lines(grid, k, says_nothing, label_columns, figure_columns):
                    headers = headers + [texts] if in_header else [texts]
                    in_header, columns_of = True, {}
                    label_columns, figure_columns, group = set(), set(), []
                    self._group_members(group_rows)
                    group_rows = []
                continue
            in_header = False
            if len(texts) not in columns_of:
                columns_of[len(texts)] = self._columns(_column_heads(headers, len(texts)))
            columns = columns_of[len(texts)]
            # (the labels start after a 序号 column: 1 | 就业补助资金 | 中央资金)
            lead = next((j for j in range(len(texts)) if j not in self.line_columns
                         and not (j < len(columns.heads) and columns.heads[j].skipped)), 0)
            texts, group, inherited = _under_group(texts, numbers, group, lead, self.group_total_words,
                                                   self.column_total_words)
            if not inherited and group_rows:
                self._group_members(group_rows)  # (the group ended, or another starts here)
                group_rows = []
            for j, (t, n) in enumerate(zip(texts, numbers)):
                if t:
                    (figure_columns if n is not None else label_columns).add(j)
            # (the row's first label's concept, read in the same pass: is the row a declared part's?)
            first_concept = self._row_concept(index, texts, numbers)
            after_part = first_concept is not None and first_concept in self.any_part
            first = len(self.base.facts)
            self._row(index, table, row, texts, numbers, columns, fund)
            if group:
                group_rows.append((first, len(self.base.facts), group[-1], inherited))
            if any(n is None and _is_remark(t) for n, t in zip(numbers, texts)):
                # a remark beside the row's figures (偏差原因: …完成年度目标的92.4%) is about the
                # row's thing: read as text, its figures naming nothing are that thing's
                concept = next((f.concept for f in self.base.facts[first:] if f.concept), None)
                self.prose_rows.append((index, row, texts, _column_heads(headers, len(texts)) if headers else [],
                                        self.table_subject, concept))
        self._group_members(group_rows)

    def _group_members(self, rows: list[tuple[int, int, str, bool]]) -> None:
        """The rows of a group under labels merged down the label columns (就业补助资金 | 中央资金,
        | 县级资金, | 小计), its thing's concept read from that label: each row but its 小计 states a
        part of the thing, named by the row's own label (member 中央资金); the 小计 is the thing's
        figure a sentence restates. Not for rows that merge into no group (a plain two-label row)."""
        if not any(merged for *_, merged in rows):
            return
        # (one concept over all the group's rows, its first's too: the label's; rows of concepts of
        # their own, 公务用车购置费 | 公务用车运行维护费 under 公务用车购置及运行维护费, are read as such)
        concepts = {f.concept for a, b, _, _ in rows for f in self.base.facts[a:b] if f.concept}
        if len(concepts) != 1:
            return
        concept = concepts.pop()
        for a, b, own, _ in rows:
            if compact(own) in self.group_subtotal_words:
                continue
            for f in self.base.facts[a:b]:
                if f.concept == concept and not f.member:
                    f.member = compact(own)

    def _row_of_words(self, texts: list[str], label_columns: set[int], figure_columns: set[int]) -> bool:
        """A row of no figures below rows of figures that is one of them, no header over the rows
        after it: its row label stands where theirs do, and where they print figures it states a
        value in words (a date or a deadline, 2024年11月30日前; a verdict or a state, 按计划推进,
        确定能: concepts.yaml value_cells), naming no measure or rate as a column's head does."""
        filled = [j for j, t in enumerate(texts) if t]
        if not figure_columns or not filled or filled[0] not in label_columns:
            return False
        stated = [texts[j] for j in filled[1:] if j in figure_columns]
        return any(self._value_cell(t) for t in stated) \
            and not any(self._head(t).measure or self._head(t).rate for t in stated if not self._value_cell(t))

    def _value_cell(self, text: str) -> bool:
        """A cell stating a value in words: a date, a verdict or a state, a deadline or a bound."""
        words = compact(text)
        return words in self.value_words or bool(DATE_CELL_RE.search(words)) \
            or (len(words) <= VALUE_CELL_CHARS and words.endswith(self.value_endings))

    def _heads_rows(self, following: list[list[str]]) -> bool:
        """The row after a label alone holds figures of a thing no declared sum names (一、项目支出
        over 公共设施维护 | 120.00): the label heads those rows, it is no empty part."""
        for texts in following:
            figures = [t for t in texts if not self.lex.says_nothing(t) and _cell_number(t) is not None]
            label = next((t for t in texts if not self.lex.says_nothing(t) and _cell_number(t) is None), "")
            return bool(figures) and self._label(label).concept not in self.any_part
        return False

    def _captioned_project(self, caption: str) -> str:
        """The project a form's caption names (附件：养老服务补贴项目支出绩效自评表: 养老服务补贴, which the
        text may name with or without its 项目) in a report that is no project's own (a department's,
        attaching its projects' forms): the form's figures are that project's, not the unit's. "" for
        a project report (its form is its own) or a caption naming no project before a form's title
        (concepts.yaml project_form_titles)."""
        if self.doc.meta.get("report_type") == self.project_report:
            return ""
        # (the annex's number read off before the caption is compacted: 附表1 2025年度… is no 附表12025年度…)
        title = compact(CAPTION_LEAD_RE.sub("", caption))
        form = next((f for f in sorted(self.project_form_titles, key=len, reverse=True) if title.endswith(f)), None)
        if form is None or not form.startswith("项目"):
            return ""
        name = project_key(title[:len(title) - len(form)])
        return name if len(name) >= PROJECT_NAME_MIN else ""

    def _prose_row(self, index: int, row, texts: list[str], heads: list[str], subject: str,
                   concept: str | None = None) -> None:
        """A row of prose cells (a project form's 实际完成情况, a 说明), or the prose cells of a row
        of figures (its 偏差原因, about the row's `concept`): each cell's sentences are read as a
        paragraph's, about the table's subject, except a cell whose column head or row label names
        a plan (预期目标): its figures are intended, not stated as done."""
        for k, cell in enumerate(row):
            if not (is_prose(texts[k]) or (concept and _is_remark(texts[k]))) or _cell_number(texts[k]) is not None:
                continue  # a label or a short note, no sentence
            if self._names_plan(heads[k] if k < len(heads) else "") or self._names_plan(_row_name(texts[:k])):
                continue
            first = self.prose_sentences.get(index, 0)
            sentences = [Sentence(s, cell.loc) for s in split_sentences(texts[k])]
            self.prose_sentences[index] = first + len(sentences)
            carried, self.carried_unit, self.whole, self.part_carried = concept, None, None, False
            self.open_measure, self.whole_measure, self.paragraph_plans = None, None, False
            self.list_goes_on, self.opening = False, None
            for s_index, sentence in enumerate(sentences, start=first):
                carried = self._sentence(index, s_index, sentence, carried, subject)

    def _after_from(self, phrase: str) -> bool:
        """The words end with 由/从, or with 由 and a few words saying when (由建设前的, 从上年的)."""
        phrase = phrase.rstrip()
        if phrase.endswith(self.from_words):
            return True
        if not phrase.endswith("的"):
            # (由上年2.00万元增加为…: 由 and the words of last year, with no 的)
            return self.lex.from_last_year.search(phrase) is not None
        tail = phrase[-FROM_QUALIFIER_CHARS - 2:-1]
        return any(w in tail for w in self.from_words)

    def _planned_since(self, text: str, at: int) -> bool:
        """A plan word (计划, 建设内容) stands before the figure in its sentence with no word of an
        outcome (完成, 实际) after it: 项目位于…，建设内容包括…铺设管网18公里 states the plan."""
        words = compact(text[:at])
        plan = max(map(words.rfind, self.plan_since_words), default=-1)
        if plan < 0:
            return False
        return all(words.rfind(w) < plan for w in self.outcome_words)

    def _under_plan_label(self, text: str, at: int) -> bool:
        """The figure follows a label naming a plan, the last “…：” before it (预期目标：完成800户。
        实际完成情况：完成812户): what it states is planned, not done."""
        colon = max(text.rfind("：", 0, at), text.rfind(":", 0, at))
        if colon < 0:
            return False
        start = max(text.rfind(ch, 0, colon) for ch in "：:，,；;。　 ") + 1
        return self._names_plan(text[start:colon])

    def _names_plan(self, words: str) -> bool:
        """The words name a plan or a forecast. Asked of the section heading every sentence stands
        under and of every column head: each text's answer is kept for the document."""
        found = self.plan_names.get(words)
        if found is None:
            found = self.plan_names[words] = self._read_names_plan(compact(words))
        return found

    def _read_names_plan(self, words: str) -> bool:
        if self.says_forecast.search(words):
            return True  # (全年预计完成: a forecast, though it says 完成)
        return bool(self.says_plan.search(words)) and not self.says_outcome.search(words)

    def _title_concept(self, title: str, grid: list[list[str]]) -> str | None:
        """The concept a table is about: the one its title names; of a title naming several
        (财政拨款“三公”经费及机关运行经费支出决算表), the declared total whose parts its rows list
        (its 合计 row is that total's); else the total its rows are the parts of."""
        named = []
        for _, _, concept in self.lex.concepts.all(title):
            if concept not in named:
                named.append(concept)
        if len(named) >= 2:
            # (the parts named by the rows, or by the heads where the items are columns: “三公”经费
            # 财政拨款支出决算表 | 因公出国（境）费 | 公务用车… | 公务接待费 over 预算数 and 决算数 rows)
            rows = {self._label(t).concept for texts in grid for t in texts[:2] if t} \
                | {self._label(t).concept for texts in grid[:TITLE_HEAD_ROWS] for t in texts[2:] if t}
            totals = [c for c in named if len(rows & self.named_parts_of.get(c, set())) >= 2]
            return totals[0] if len(totals) == 1 else None
        return self._vocab_concept(title, share=0) or self._total_of_rows(grid)

    def _total_of_rows(self, grid: list[list[str]]) -> str | None:
        """A table without a title naming its concept is about the declared total whose parts its
        rows name (因公出国（境）费, 公务用车购置及运行维护费, 公务接待费: the 三公 table), when at
        least two parts of one total and no row names that total: its 合计 row states the total."""
        named = {self._label(t).concept for texts in grid for t in texts[:2] if t and short_cell_number(t) is None}
        totals = [calc["total"] for calc in self.lex.calculations
                  if not calc.get("fund") and calc["total"] not in named and len(named & set(calc["parts"])) >= 2]
        if len(totals) != 1:
            return None
        # the rows of figures: each must name a part (or a part's part) of the total, or be a
        # 合计 / 小计 (人员经费, 公用经费 and three projects above 合计 total no 基本支出)
        labels = [self._label(next((t for t in texts if t and short_cell_number(t) is None), ""))
                  for texts in grid if any(t and short_cell_number(t) is not None for t in texts)]
        parts = self.nested_parts[totals[0]]
        return totals[0] if all(label.generic or label.concept in parts for label in labels) else None

    def _row_concept(self, index: int, texts: list[str], numbers: list) -> str | None:
        """Concepts a table names in its rows, blank or not: a blank part row is a part of 0.
        Returns the concept of the row's first label (None when it names none, or has no label)."""
        first, labelled = None, False
        for text, number in zip(texts, numbers):
            if text and number is None:
                concept = self._label(text).concept
                if not labelled:
                    first, labelled = concept, True
                if concept:
                    self.base.row_concepts.setdefault(index, set()).add(concept)
        return first


HEAD_ROWS_READ, HEAD_CHARS = 3, 20  # the rows a table's heads stand in, and a head's length at most (part_year_table)
ROW_NAME_CHARS = 20  # a row's name (实际完成情况, 偏差原因说明) is short; longer text is content


def _row_name(texts: list[str]) -> str:
    """The name a row gives the cells right of it: the nearest short label to their left, no
    figure and no sentence (a short plan cell, 计划改造管网50公里。, names nothing)."""
    return next((t for t in reversed(texts) if t and len(t) <= ROW_NAME_CHARS and not SENTENCE_END_RE.search(t)
                 and not any(ch.isdigit() for ch in t)), "")


def _empty_lines(grid: list[list[str]], k: int, says_nothing, label_columns: set[int], figure_columns: set[int]) -> bool:
    """Row k and the rows of no figures after it up to the next row of figures are rows of labels
    only, each where the rows above label their figures (二、政府性基金预算财政拨款 | | 二、外交支出 |
    |, lines of a fixed form left empty): no header over the rows after them. A run that ends in
    words over the figures' columns (项目名称 | X, then 年初预算数 | 全年预算数 …: the next form of a
    sheet stacking forms) is a new header's."""
    if not label_columns:
        return False
    for texts in grid[k:k + EMPTY_RUN_ROWS]:
        # (a group's number in the 序号 column, 二 | 乡村振兴 over its rows 1 | …, labels the group too)
        filled = {j for j, t in enumerate(texts) if not says_nothing(t) and not GROUP_NUMBER_RE.fullmatch(t)}
        if any(_cell_number(texts[j]) is not None for j in filled):
            return True  # (the next row of figures: under the same heads)
        if not filled <= label_columns or filled & figure_columns:
            return False
    return False


# a date in a cell (2024年11月30日, 11月底, 2024-11-30): a value, never a column's name
DATE_CELL_RE = re.compile(r"\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{1,2}月(?:底|末|中旬|上旬|下旬)|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
# the most characters of a short value ending as a deadline or a bound does (3个工作日以内); a
# longer cell ending so is a sentence, prose the rows' reading leaves alone
VALUE_CELL_CHARS = 16
# a group's number in a 序号 column, in words or brackets (二, 二、, （二）): no figure
GROUP_NUMBER_RE = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]?|[（(][一二三四五六七八九十\d]{1,3}[）)]")
EMPTY_RUN_ROWS = 8  # rows of a fixed form left empty in a run at most (the lines of its unused funds)


def _years_as_labels(grid: list[list[str]]) -> list[list[str]]:
    """A first column headed by a word of years (facts.numbers.years_column) whose rows print their
    year bare (2023 | 968.00): each row labelled by its year, 2023年, as a label, no figure of 2,023."""
    if not years_column(grid):
        return grid
    return [row if k == 0 or not row or bare_year(row[0]) is None else [row[0] + "年", *row[1:]]
            for k, row in enumerate(grid)]


def _cell_number(text: str) -> tuple[str, Decimal, int, str] | None:
    if not text or len(text) > 30:
        return None
    return short_cell_number(text)


def _misaligned(grid: list[list[str]], numbering_rows: list[bool]) -> bool:
    """A 栏次 row (1 2 3 …) numbers the value columns: a number standing under a column no header
    row names says the header cells slid (a text export); the headers then mislabel figures.
    `numbering_rows`: is_column_numbers of each row of the grid."""
    for r, texts in enumerate(grid):
        if numbering_rows[r]:
            named = {k for row in grid[:r] for k, t in enumerate(row) if t}
            return any(t and k not in named for k, t in enumerate(texts))
    return False


def _column_heads(headers: list[list[str]], width: int) -> list[str]:
    """Each column's header path: the header rows above it, a group header spread to the right
    over the empty cells of its span (grids.spread_spans)."""
    heads = [""] * width
    for row in spread_spans(headers, width):
        for k, current in enumerate(row):
            if current and current not in heads[k]:
                heads[k] = f"{heads[k]} {current}".strip()
    return heads


def _caption_count_unit(pattern: re.Pattern, title: str) -> str:
    """The one count unit a caption gives its table; none where it gives several (车辆单位：辆；
    设备单位：台、套: each row's unit is its kind's, which the caption leaves to the reader)."""
    found = {m.group(1) for m in pattern.finditer(title)}
    return found.pop() if len(found) == 1 and "、" not in title[title.find("单位"):] else ""


REMARK_CLAUSE_RE = re.compile(r".{4,}[，,；;].{4,}")
# the fewest characters a remark has: two clauses of four and their comma (is_prose asks more)
REMARK_MIN_CHARS = 9


def _is_remark(text: str) -> bool:
    """A cell of words beside a row's figures (偏差原因, 备注): prose, or a short sentence of two
    clauses (受场馆改造影响，完成年度目标的92.4%), not a label."""
    if len(text) < REMARK_MIN_CHARS:
        return False  # (most cells: a label or a figure, too short for either test)
    return is_prose(text) or REMARK_CLAUSE_RE.fullmatch(text) is not None


def table_subject(table: Table) -> str:
    """The project a table names in a 项目名称 cell (concepts.yaml subject_cells), "" if none."""
    return subject_of(stripped_rows(table.rows[:6]), [compact(w) for w in concepts().get("subject_cells") or ()])


def _under_group(texts: list[str], numbers: list, group: list[str], lead: int, total_words: tuple[str, ...],
                 grand_words: tuple[str, ...]) -> tuple[list[str], list[str], bool]:
    """A data row whose first label cells are blank under a row labelled in two cells or more
    (就业补助资金 | 中央资金 over  | 县级资金 and  | 小计; 就业类 | 就业补助资金 | 中央资金 over  |  | 县级资金):
    the labels on the left span the group's rows, cells merged down as Word, a web page's rowspan
    or a sheet's merge leave them (the text written out repeats them on each row): the row is read
    with them, as that text is. The label cells start at `lead`, after a 序号 column (1 | 就业补助资金 |
    中央资金), and end at the row's first figure. Not under a first row stating the group's total
    (项目资金（万元） | 年度资金总额 over  | 其中：财政拨款: a block's heading over its total and parts,
    each row its own; concepts.yaml group_total_words). Returns the row's texts, the label cells
    for the rows after it ([] when the row starts no group) and whether the row is one of the
    group's (its labels but the last merged down). A table's 合计 (grand_words) under a group is
    the table's, no row of the group."""
    end = next((j for j in range(lead, len(texts)) if numbers[j] is not None), len(texts))
    while end > lead and not texts[end - 1]:
        end -= 1  # (a figure cell left blank before the first figure is no label:  | 县级资金 |  | 60.00)
    labels = texts[lead:end]
    if len(labels) < 2 or not labels[-1] or any(compact(t) in grand_words for t in labels if t):
        return texts, [], False
    if not labels[0]:
        if not group or len(group) != len(labels):
            return texts, [], False
        filled = list(labels)
        for j, t in enumerate(labels):
            if t:
                break
            filled[j] = group[j]
        return [*texts[:lead], *filled, *texts[end:]], filled, not any(labels[:-1])
    starts = all(labels) and not compact(labels[-1]).endswith(total_words)
    return texts, list(labels) if starts else [], False


TITLE_HEAD_ROWS = 3  # rows atop a table read for the parts its heads name, a header of two levels and its first row


# what a caption may open with before the project it names: an annex's or a table's number (附件2：, 附表1, 表3)
CAPTION_LEAD_RE = re.compile(r"^\s*(?:(?:附件|附表|表)\s*(?:\d{1,3}(?=[\s：:、.．]))?\s*[：:、.．]?\s*)+")

