"""What the headings above a block say of its figures: scopes, parallel siblings, plan measures,
later years, and the words naming a count."""

from __future__ import annotations

import re
from collections import Counter

from ...knowledge import compact
from ...ingest.build import SECTION_CHARS, title_block
from ...model import Heading, Paragraph, Table
from ..lexicon import lexicon
from .model import CURRENT, BUDGET_MEASURES, Fact
from .tables import CAPTION_LEAD_RE
from .words import CLASS_LEVEL_RE, CLAUSE_BREAK_RE, PHRASE_BREAK_RE, YEAR_RE, LEAD_LIST_RE, LabelIndex, blank, pairs_in
from ..numbers import DIGIT_RE


# a plan's tables name their budget level in their heads, which take at most this many rows (a
# two-storey head 2026年预算数 over 小计 | 基本支出 | 项目支出, under a title and a unit line)
HEAD_ROWS = 4

ANNUAL_YEAR_RE = re.compile(r"(?:19|20)\d\d\s*年\s*度")  # (as PER004's TITLE_PERIOD_RE reads a title)

# the length of a numbered heading's words that may name a thing (失业保险基金, 某某街道): two
# characters at least; a longer heading is a sentence or a title of a part, not a name
HEADING_NAME_CHARS = (2, 30)
BRACKET_TAIL_RE = re.compile(r"[（(][^（()）]*[）)]$")  # a remark closing a name: 职工医疗保险基金（含生育保险）

LINK_SHARE = 0.6
CLAUSE_AFTER = 20  # characters after a count read for the words naming it

PARALLEL_TAIL_CHARS = 2  # the closing word sibling headings naming things of one kind share (基金, 资金, 方面)


class HeadingReading:
    """FactReader's reading of the headings above a block."""

    def _read_headings(self) -> None:
        """What the headings above each block say of it, in one walk down the document:
        - the blocks under a heading naming only years after the report's (二、2025年…预算草案 in a
          report on 2024's execution; not 一、2024年执行情况及2025年工作计划), and the tables titled
          so, are a plan's, whose figures naming no year are that year's (LATER): later_blocks;
        - the funds the headings above a paragraph name (五、一般公共预算支出预算情况 over
          （三）具体情况): a scope its sentences may leave unsaid (FactBase.heading_funds)."""
        self.later_blocks: set[int] = set()
        # tables titled with last year only (表12 2024年全县公共资源交易情况 in a report on 2025):
        # their figures naming no year are last year's
        self.earlier_blocks: dict[int, str] = {}  # index -> the period its title names (上年, 往年)
        open_headings: list[tuple[int, bool, str]] = []  # (level, names a later year, its fund)
        # the report's own title, the first heading: a programme it names (科技计划项目) makes no
        # part of the report one of plans
        # (as a section names it: its first SECTION_CHARS characters)
        self.doc_title = title_block(self.doc).text[:SECTION_CHARS] \
            if isinstance(title_block(self.doc), Heading) else None
        # (the titles of the report year's tables, years aside: see _year_beside_report_year)
        this_year = {_title_stem(b.title) for b in self.doc.blocks if isinstance(b, Table) and b.title
                     and {int(y) for y in YEAR_RE.findall(b.title)} == {self.year}}
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Heading):
                while open_headings and open_headings[-1][0] >= block.level:
                    open_headings.pop()
                open_headings.append((block.level, self._names_later_only(block.text),
                                      self._fund_named(compact(block.text))))
            titled = isinstance(block, Table) and self._names_later_only(block.title or "")
            # (a table titled with the report's year or earlier, 2024年一般公共预算收支平衡表 among the
            # annexes after 三、做好2025年财政工作的主要措施, is no plan's, whatever the heading above)
            titled_earlier = isinstance(block, Table) and self._names_no_later(block.title or "")
            if titled or (any(later for _, later, _ in open_headings) and not titled_earlier):
                self.later_blocks.add(index)
            elif isinstance(block, Table) and (self._names_last_only(block.title or "")
                                               or self._year_beside_report_year(block.title or "", this_year)):
                self.earlier_blocks[index] = self._year_period(block.title or "")
            funds = {fund for _, _, fund in open_headings if fund}
            if funds and isinstance(block, Paragraph):  # (most paragraphs stand under no fund's heading)
                self.base.heading_funds[index] = funds

    def _plan_measure(self) -> str:
        """The budget level a plan's amounts naming no measure are of (本年支出1,776.28万元, a 合计
        column): the one its tables' heads name most (预算数, 2026年预算数: 全年预算; 年初预算数: 年初
        预算), 全年预算 where they name none. Only each table's first HEAD_ROWS rows are read."""
        named = Counter(worded_measure(cell.text) for block in self.doc.blocks if isinstance(block, Table)
                        for row in block.rows[:HEAD_ROWS] for cell in row)
        return max(BUDGET_MEASURES, key=lambda m: (named[m], m == "全年预算"))

    def _bare_measure(self, words: str) -> str:
        """The measure of an amount whose words name none: FactBase.bare_measure, unless they speak
        of an outcome all the same (2024年预计执行, 完成投资: concepts.yaml plan_cells outcome), which
        even a plan states as spent, no budget."""
        if self.base.bare_measure != "决算" and self.says_outcome.search(compact(words)):
            return "决算"
        return self.base.bare_measure

    def _names_later_only(self, words: str) -> bool:
        years = [int(y) for y in YEAR_RE.findall(words)]
        return bool(self.year) and bool(years) and min(years) > self.year

    def _names_no_later(self, words: str) -> bool:
        years = [int(y) for y in YEAR_RE.findall(words)]
        return bool(self.year) and bool(years) and max(years) <= self.year

    def _names_last_only(self, words: str) -> bool:
        """A table title naming one earlier year only, as a year of events (2024年全县公共资源交易情况 in
        a report on 2025; 2022年… two years back). A title of a 年度 (2023年度收入支出决算总表, 2023年度全县…情况 in a report on
        2024) states a year's accounts, which PER004 holds to the report's year: a misprint, not
        last year's figures."""
        years = {int(y) for y in YEAR_RE.findall(words)}
        return bool(self.year) and len(years) == 1 and min(years) < self.year and not ANNUAL_YEAR_RE.search(words)

    def _year_beside_report_year(self, title: str, this_year: set[str]) -> bool:
        """A table titled with an earlier year's 年度 (表1 2024年度资金执行情况) beside a table of the same
        title with the report's year (表2 2025年度资金执行情况; `this_year`: those titles, years aside):
        last year's figures set beside this year's, no misprint of the year."""
        years = {int(y) for y in YEAR_RE.findall(title)}
        return bool(self.year) and len(years) == 1 and min(years) < self.year and _title_stem(title) in this_year

    def _in_later(self, index: int, words: str) -> bool:
        """A figure of a block about a later year whose own words name no year (see later_blocks in _read_headings)."""
        return index in self.later_blocks and not YEAR_RE.search(words)

    def _scoping_headings(self) -> dict[int, tuple[str | None, str]]:
        """Numbered headings naming a thing among parallel siblings (二、各项基金情况 over （一）某某养老
        保险基金, （二）失业保险基金; 一、问题 over （一）预算管理方面, （二）专项资金管理方面): index -> the
        (concept, subject) its label gives the paragraphs under it, as the same label run into its
        paragraph (（一）失业保险基金。收入…) gives them (see _lead). Siblings are the headings of one
        level under one parent; only where there are two or more and every one names a thing (a row
        of a table, a fund, a township, a unit, a programme: no part of the report, 收入情况, 主要措施)
        do they scope: one heading alone, or beside a part of the report, may be a part itself.
        One pass over the headings, each label read once."""
        groups: dict[tuple, list[tuple[int, Heading]]] = {}
        parents: list[tuple[int, int]] = []  # (level, index) of the headings open above
        for index, block in enumerate(self.doc.blocks):
            if not isinstance(block, Heading):
                continue
            while parents and parents[-1][0] >= block.level:
                parents.pop()
            if block.token and block.level > 1:
                # (the top level, 一、企业国有资产 / 二、行政事业性国有资产, divides the report into its
                # parts, with their tables: what those parts are of, the tables' rows say)
                groups.setdefault((parents[-1][1] if parents else -1, block.level), []).append((index, block))
            parents.append((block.level, index))
        out: dict[int, tuple[str | None, str]] = {}
        item_subject = self.item_subject  # (_lead notes a unit's item for the paragraph it reads: not here)
        for members in groups.values():
            # (a heading naming a classification item, 2. 城乡社区管理事务（款）城管执法（项）, names its
            # thing by the level it marks, alone among its siblings or not)
            classified = all(CLASS_LEVEL_RE.search(h.text) for _, h in members)
            if len(members) < 2 and not classified:
                continue
            names = [BRACKET_TAIL_RE.sub("", compact(h.text[len(h.token):])) for _, h in members]
            if not classified and not self._parallel_names(names):
                continue
            activities = set(self.base.activity_subjects)
            read = [(index, self._heading_names(heading)) for index, heading in members]
            if all(named for _, named in read):
                out.update(read)
            else:
                self.base.activity_subjects = activities  # (a group named no things: _lead's notes of it go)
        self.item_subject = item_subject
        return out

    def _parallel_names(self, names: list[str]) -> bool:
        """Headings naming things of one kind: they close with one word (某某基金 and 某某基金, 某某资金,
        某某方面) or each with a unit's ending (某某镇, 某某乡, 某某中心). Headings stating findings
        (（一）预算编制不够完整, （二）预算执行不够严格) close each its own way: no names."""
        if any(not n for n in names) or any(self.lex.fault_words.search(n) for n in names):
            return False  # (（一）预算执行不规范, （二）资产管理不规范: findings, whatever word they close on)
        # (one closing word: two characters at least, 基金, 方面; one character, 范 of 不规范, is no word)
        return len({n[-PARALLEL_TAIL_CHARS:] for n in names}) == 1 and all(len(n) > PARALLEL_TAIL_CHARS for n in names) \
            or all(n.endswith(self.organization_endings) for n in names)

    def _heading_names(self, heading: Heading) -> tuple[str | None, str] | None:
        """(concept, subject) a numbered heading's label names, as _lead reads it run into its paragraph;
        None for a part of the report. A scope tail (concepts.yaml heading_scope_tails: 专项资金管理方面)
        is the area its name closes; a bracket after the name (（含生育保险）) only remarks on it."""
        words = compact(heading.text[len(heading.token):])
        words = BRACKET_TAIL_RE.sub("", words)
        words = next((words[:-len(t)] for t in self.heading_scope_tails if words.endswith(t)), words)
        if not HEADING_NAME_CHARS[0] <= len(words) <= HEADING_NAME_CHARS[1] or LEAD_LIST_RE.search(words):
            return None  # (a heading holding figures or a list is a sentence, not a name)
        if self._fund_named(words):
            return None  # (（二）市本级一般公共预算: a fund's part, which heading_funds scopes, no thing of its own)
        concept, subject, _topic = self._lead(f"{heading.token}{words}。")
        return (concept, subject) if concept or subject else None

    def _lone_counted_parts(self) -> None:
        """A counted part whose document states none of its whole's other parts is all of the whole
        there is (全部为国内公务接待，共接待国内公务来宾15批次 beside a table's 公务接待批次 18): its
        figures are the whole's. Where another part is stated (外事接待5批次) they stay the part's;
        so does a figure listed under its whole (公务接待2批次、26人次，其中：接待外宾0批次、0人次).
        One pass over the facts of the counted parts."""
        stated = {part for part in self.counted_whole if self.base.by_concept.get(part)}
        wholes = set(self.counted_whole.values())
        renamed = []  # (all chosen before any is renamed: a renamed one is no whole stated beside another)
        for part in stated:
            whole = self.counted_whole[part]
            if any(other != part and self.counted_whole[other] == whole for other in stated):
                continue
            renamed += [(fact, whole) for fact in self.base.by_concept[part]
                        if not (fact.comparator and fact.source == "text") and not self._under_whole(fact, wholes)]
        for fact, whole in renamed:
            self.base.unname(fact)
            self.base.name(fact, whole)

    def _under_whole(self, fact: Fact, wholes: set[str]) -> bool:
        """A text figure whose sentence (or the one its 其中 list opens after) states a whole counted."""
        if fact.source != "text":
            return False
        keys = [(fact.block, fact.sentence)]
        if fact.sentence and self.base.opens_list(keys[0]):
            keys.append((fact.block, fact.sentence - 1))
        return any(f.concept in wholes for key in keys for f in self.base.by_sentence.get(key, ()))

    def _name_counts_by_words(self) -> None:
        """“全年向168家科技型中小企业发放创新券”: the words naming a count may follow it, where its
        phrase does not look. A count naming no concept takes the row label its unit is printed
        with in a table (发放创新券企业数 … 163家) when the label's counted noun (企业) stands in
        the words right after the count (“与21个地市交易中心开展远程评标合作” counts 地市, not
        远程评标项目), the words around it hold at least LINK_SHARE of the label's character
        pairs (its counting word aside: 15个老旧小区 for 改造老旧小区数量), and no other label holds as many. Not a planned figure or a part (计划向150家…,
        其中向52家…): those are no statement of the indicator's actual value. Candidates are
        found through the counted noun, so each count scores a few labels (linear)."""
        by_noun: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}  # (unit, counted noun) -> labels
        for label, units in self.label_units.items():
            for unit in units:
                by_noun.setdefault((unit, self._counted_noun(label, unit)), []).append(
                    (label, pairs_in(self._counted_words(label, unit))))
        units = {unit for unit, _ in by_noun}
        for fact in [f for f in self.base.facts if f.source == "text" and f.concept is None and f.period == CURRENT
                     and f.measure == "实际值" and f.unit in units
                     and not (f.places and f.unit in self.whole_units)]:  # (2.5项: see _text_fact's reading)
            own_clause = CLAUSE_BREAK_RE.split(compact(fact.label))[-1]
            if any(w in fact.label for w in self.not_actual_words) or own_clause.endswith(self.count_object_words):
                continue  # (planned, a part, not done; the rest of them: 剩余3个…)
            text = self.base.sentences.get((fact.block, fact.sentence), "")
            end = fact.at + len(fact.text)
            following = compact(PHRASE_BREAK_RE.split(text[end:end + CLAUSE_AFTER], maxsplit=1)[0])
            # (up to the next figure: 64台警报器年度维护和6台多媒体警报器… — the words after 6台 are its)
            following = DIGIT_RE.split(following, maxsplit=1)[0]
            # (nor a bracket after it: 储备粮规模21,000吨（小麦9,000吨…） lists its parts)
            following = re.split(r"[（(]", following, maxsplit=1)[0]
            candidates = {label: own for k in range(len(following) - 1)
                          for label, own in by_noun.get((fact.unit, following[k:k + 2]), ())}
            if not candidates or len(candidates) > LabelIndex.LOOSE_LIMIT:
                continue
            # (the words of the count's own clause: 完成18个老旧小区改造，向10个老旧小区派驻… — the
            # 改造 before the break is the other count's)
            held = pairs_in(own_clause + following)
            # (the label's words all said, but for the seam of two words said in the other order:
            # 老旧小区改造 for 改造老旧小区; 老旧小区 alone names the thing, not the doing counted)
            shares = sorted(((len(own & held) / len(own), label) for label, own in candidates.items()
                             if own and len(own - held) <= 1), reverse=True)
            if shares and shares[0][0] >= LINK_SHARE and (len(shares) == 1 or shares[1][0] < shares[0][0]) \
                    and _said_last(following, candidates[shares[0][1]]):
                label = shares[0][1]
                self.base.name(fact, self._vocab_concept(label) or label)


LABEL_TAIL_CHARS = 2  # words after the label's own a count's clause may end with (…改造任务, …培训工作)


def _said_last(following: str, own: set[str]) -> bool:
    """The count's clause ends on the label's words, but for a word or two (全年共完成15个老旧小区
    改造; not 向5个老旧小区改造项目拨付补助, 对10个老旧小区改造项目开展质量抽查: the count is what
    another doing is done to)."""
    ends = [k + 2 for k in range(len(following) - 1) if following[k:k + 2] in own]
    return not ends or len(following) - max(ends) <= LABEL_TAIL_CHARS


def worded_measure(header: str) -> str | None:
    """The measure a table column's head words, read as the reader reads it: the names of
    concepts and funds blanked first (预算 in 一般公共预算拨款收入 is no measure); None if none."""
    lex = lexicon()
    return lex.measures.last(blank(blank(compact(header), lex.concepts), lex.funds))


def _title_stem(title: str) -> str:
    """A table's title without its number and its years (表2 2025年度资金执行情况: 资金执行情况)."""
    return YEAR_RE.sub("", compact(CAPTION_LEAD_RE.sub("", title)))
