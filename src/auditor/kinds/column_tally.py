"""Kind `column_tally`: what the text says of a table's column as a whole.

- grades: “评价为“优”的5个、“良”的2个” counts the rows of a grade column (评价等级) holding each
  grade; each count is the number of such rows.
- average: “平均自评得分89.96分” is the mean of a column of figures (自评得分) over its rows.
- rows: “资金分配涉及全区4个镇（街道）” counts what a column of names is headed as (镇（街道）): the
  number of names it lists, where one column of the document is so headed and the sentence counts
  all of them (a whole word before the count; no second count of that noun beside it).

The text is read as about the table only where nothing else can be meant: the document has one
such column, and for grades the sentence's counts add up to the graded rows (or the sentence
counts the rows themselves: 8个项目中…); a sentence counting another number of rows than the
table has (其中5个重点项目平均…) is about some of them and is not judged.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..facts.base import fact_base
from ..facts.base.model import CURRENT
from ..facts.base.words import CLAUSE_BREAK_RE
from ..facts.numbers import fmt, half_unit
from ..knowledge import compact
from ..tables.typed import parse_cell
from .base import CHECKED, Checked, Hit
from .table_sum.units import HEAD_UNIT_RE

KIND = "column_tally"
PARAMS = {
    "check": (str, None),  # grades | average
    # heads of a column of grades (评价等级, 绩效等级)
    "grade_heads": (list, []),
    # a grade named in a sentence as a grade, not inside a word (优化, 良好的秩序): {grade} stands
    # for the grade's own characters
    "grade_context_pattern": (str, ""),
    # units of a count of rows (个, 项)
    "count_units": (list, []),
    # words of a row label that make the row no row of the column (合计, 平均)
    "summary_row_words": (list, []),
    # words closing a row's name that make it the government's own level (县本级, 市本级): no item of a
    # column of places (乡镇) beside it, the nouns of places as listed; one of units or departments
    # (局机关本级) counts it
    "own_level_words": (list, []), "own_level_place_nouns": (list, []),
    # words stating a mean (平均, 均值)
    "average_words": (list, []),
    # head words of columns whose mean a sentence may state (得分, 执行率)
    "averaged_heads": (list, []),
    # longest grade a column holds (优秀, 不合格): a longer cell is a remark, not a grade
    "max_grade_chars": (int, 4),
    # most distinct grades a column of grades holds (more: codes of another kind)
    "max_grades": (int, 8),
    # words closing the head of the column naming the rows (项目名称 → 项目): what the rows are is the
    # rest; a sentence not naming it counts other things (全区3个街道中…)
    "row_name_tails": (list, []),
    # heads of columns of keys, not names (序号, 编号)
    "key_heads": (list, []),
    # words pointing a sentence's count to the table right after it (具体如下表, 详见下表); words
    # saying that table groups the things counted (按类别汇总), and heads of a column counting them
    # (项目个数): its numbered rows are groups then
    "table_pointers": (list, []), "grouping_words": (list, []), "count_heads": (list, []),
    # the words that may stand before the pointer in its clause (现将, 其): a clause naming a thing of
    # its own (资金执行具体情况如下) points to a table of that thing
    "pointer_lead_words": (list, []),
    # heads of a table of the grades themselves, beside the grade column (项目个数, 分数区间)
    "grade_table_heads": (list, []),
    # the rows at a table's top its head row stands in (a title, a unit line, two rows of heads)
    "head_rows": (int, 6),
    # the characters of the head word of what the rows are (项目, 单位, 指标)
    "row_noun_chars": (int, 2),
    # a mean's unit -> the words of a column head holding figures of that unit (%: 满意度（%）, 得分率)
    "mean_units": (dict, {}),
    # what may stand before 平均 in the sentence's words: the rows, counted or all of them (4个项目平均
    # 自评得分); else a part of them or another body (上年平均, “优”等项目平均, 全市平均)
    "mean_subject_pattern": (str, ""),
    # words saying how a mean is taken (加权, 超过100%的按100%计): another mean than the plain one
    "method_words": (list, []),
    # rows: words before a count saying it counts all of them (共, 全区, 涉及, 覆盖): else some
    "whole_cues": (list, []),
    # rows: heads of label columns of any table (项目 | 金额): they name no thing the rows are
    "generic_heads": (list, []),
}
MESSAGE_FIELDS = {"table", "column", "grade", "counted", "mean", "rows"}


def validate(params: dict) -> str | None:
    if params["check"] not in ("grades", "average", "rows"):
        return "check 应为 grades、average、rows 之一"
    if params["check"] == "rows" and not (params["count_units"] and params["whole_cues"]):
        return "rows 需要 count_units 和 whole_cues"
    if params["check"] == "grades" and not (params["grade_heads"] and params["grade_context_pattern"]
                                            and params["count_units"]):
        return "grades 需要 grade_heads、grade_context_pattern 和 count_units"
    if params["check"] == "average" and not (params["average_words"] and params["averaged_heads"]
                                             and params["mean_units"]):
        return "average 需要 average_words、averaged_heads 和 mean_units"
    return None


def check(doc, rule):
    params = rule.params
    if params["check"] == "rows":
        if doc.tables:
            yield from _row_counts(doc, rule)
        return
    words = params["grade_heads"] if params["check"] == "grades" else params["average_words"]
    if not doc.tables or not any(w in doc.text for w in words):
        return  # (most reports grade no rows and state no mean: their tables need not be read)
    yield from (_grades if params["check"] == "grades" else _averages)(doc, rule)


class Column:
    """One column of a table below its head row: its cells by data row (summary rows left out)."""

    def __init__(self, table, col: int, head: str, rows: list[int], head_row: int):
        self.table, self.col, self.head, self.rows, self.head_row = table, col, head, rows, head_row

    def cells(self):
        return [self.table.rows[r][self.col] for r in self.rows]

    def name(self) -> str:
        """The column as the report prints it: its table's title and its head (镇（街道）, not the compact form)."""
        printed = self.table.grid()[self.head_row][self.col].strip() or self.head
        return f"「{self.table.name}」{printed}列"

    def row_noun(self, params) -> str:
        """What the rows are, by the head of the table's first column naming them (not a 序号's),
        its tail word (项目名称 → 项目, 所属单位 → 单位, 绩效指标 → 指标), else ""."""
        keys = tuple(params["key_heads"])
        heads = [HEAD_UNIT_RE.sub("", compact(t)) for t in self.table.grid()[self.head_row][:self.col]]
        head = next((h for h in heads if h and not any(w in h for w in keys)), "")  # (乡镇（街道） → 乡镇)
        return _without_tails(head, params["row_name_tails"])[-params["row_noun_chars"]:]

    def row_names(self) -> list[str]:
        return [next((c.text.strip() for c in self.table.rows[r] if c.text.strip() and parse_cell(c.text) is None), "")
                for r in self.rows]


def _without_tails(head: str, tails) -> str:
    """A head without the words closing it that say it names (项目名称 → 项目)."""
    for tail in tails:
        if head.endswith(tail) and len(head) > len(tail):
            head = head[:-len(tail)]
    return head


def _columns(doc, rule, wanted) -> list[Column]:
    """Every column whose head (in the row right above its first data row) `wanted` accepts."""
    summary = _summary_row(rule)
    return [column for table, h, heads, hits in _headed(doc, rule, wanted)
            for column in _columns_of(table, h, heads, hits, summary)]


def _headed(doc, rule, wanted) -> list[tuple]:
    """(table, its head row, that row's heads compacted, the columns `wanted` accepts) of each table
    whose first head_rows rows name any: the first such row names the columns."""
    found = []
    for table in doc.tables:
        grid = table.grid()
        for h, head_row in enumerate(grid[:min(len(grid) - 1, rule.params["head_rows"])]):
            heads = [compact(t) for t in head_row]
            hits = [c for c, head in enumerate(heads) if head and wanted(head)]
            if hits:
                found.append((table, h, heads, hits))
                break
    return found


def _columns_of(table, h: int, heads: list[str], hits: list[int], summary, rows: list[int] | None = None) -> list[Column]:
    """The columns `hits` of a table headed in row h, their cells below it (`rows`: _data_rows')."""
    rows = _data_rows(table, h, summary) if rows is None else rows
    return [Column(table, c, heads[c], [r for r in rows if c < len(table.rows[r])], h) for c in hits]


def _data_rows(table, h: int, summary) -> list[int]:
    """The rows below a head row h, summary and blank rows left out."""
    grid = table.grid()
    return [r for r in range(h + 1, len(grid)) if not summary(grid[r]) and any(t.strip() for t in grid[r])]


def _summary_row(rule):
    """A test whether a row is a summary row (a cell holding one of summary_row_words: 合计, 平均):
    the words made one alternation, searched once per row in its cells compacted and joined by a
    character no word holds (compact() works character by character, so no word is found across
    two cells that was not in one)."""
    words = rule.params["summary_row_words"]
    if not words:
        return lambda row: False
    pattern = re.compile("|".join(map(re.escape, words)))
    return lambda row: bool(row) and pattern.search(compact(CELL_JOIN.join(row))) is not None


CELL_JOIN = "\0"  # (no white space, which compact() drops, and in no word)


# ---- grades --------------------------------------------------------------------------------
def _grades(doc, rule):
    params = rule.params
    heads = tuple(params["grade_heads"])
    columns = _columns(doc, rule, lambda head: head in heads)
    if len(columns) != 1:
        return  # no grade column, or several: a sentence's counts may be of any of them
    column = columns[0]
    grades = [c.text.strip() for c in column.cells()]
    graded = [g for g in grades if g and parse_cell(g) is None and len(g) <= params["max_grade_chars"]]
    if len(graded) != len(grades) or len(graded) < 2:
        return  # a cell holding no grade (a score, a remark): not a column of grades
    tally = {g: graded.count(g) for g in graded}
    if len(tally) > params["max_grades"] or (len(tally) == len(graded) and _grades_listed(column, params)):
        return  # codes of another kind; or a table of the grades themselves (等级 | 分数区间 | 项目个数)
    noun = column.row_noun(params)
    # longer grades first: 优秀 before 优
    alternatives = "|".join(re.escape(g) for g in sorted(tally, key=len, reverse=True))
    pattern = re.compile(params["grade_context_pattern"].replace("{grade}", f"(?P<grade>{alternatives})"))
    base = fact_base(doc)
    units = set(params["count_units"])
    for key, facts in base.by_sentence.items():
        if not any(g in base.sentences.get(key, "") for g in tally):
            continue
        text = base.sentences.get(key, "")
        said_before = _whole_said_before(base, key, units, noun, len(graded))
        if noun and noun not in text and not said_before:
            continue  # (全区3个街道中，评价为“优”的2个: counts of other things than the rows)
        counts = [f for f in facts if f.source == "text" and f.unit in units and f.places == 0
                  and f.period == CURRENT]  # (上年评价为“优”的2个: last year's grades)
        stated = _paired_grades(text, counts, pattern)
        if not stated:
            continue
        total = sum(f.value for _, f in stated)
        whole = said_before or any(f.value == len(graded) for f in counts if all(f is not s for _, s in stated))
        if total != len(graded) and not whole:
            continue  # counts of some other rows, or of all but one slipped: not read as this column's
        yield Checked(len(stated))
        for grade, fact in stated:
            counted = tally.get(grade, 0)
            if fact.value == counted:
                continue
            rows = "、".join(n for n, g in zip(column.row_names(), grades) if g == grade) or "无"
            yield Hit(quote=base.span(fact, fact), location=fact.loc, stated=fact.text,
                      expected=f"{counted}{fact.unit}",
                      formula=f"{column.name()}为“{grade}”的共 {counted} 行：{rows}",
                      fields={"table": column.name(), "column": column.head, "grade": grade,
                              "counted": f"{counted}{fact.unit}", "mean": "", "rows": rows},
                      highlights=[column.cells()[i].loc for i, g in enumerate(grades) if g == grade])


def _paired_grades(text: str, counts: list, pattern: re.Pattern) -> list[tuple[str, object]]:
    """(grade, count) as the sentence pairs them: each count with the one grade its words name
    before it (评价为“优”的2个、“良”的1个), or, where more pairs come so, after it (3个项目为“优”、2个
    项目为“良”); before, where both read alike. A reading naming one grade twice is the worse (…以上为优、
    80分至90分为良划分，2个项目为优，1个项目为良: the band's 为优 before the first count is no pair of it)."""
    ends = [f.at + len(f.text) for f in counts]
    before = [text[start:f.at] for start, f in zip([0, *ends], counts)]
    after = [text[end:nxt] for end, nxt in zip(ends, [f.at for f in counts[1:]] + [len(text)])]
    def pairs(items: list[str]) -> list[tuple[str, object]]:
        named = [{m.group("grade") for m in pattern.finditer(item)} for item in items]
        return [(grades.pop(), fact) for grades, fact in zip(named, counts) if len(grades) == 1]

    first, second = pairs(before), pairs(after)
    # (a count right after its grade and 的, 为“优”的4个, is that grade's whichever reading wins: the
    # after-reading may not give it the grade named before the next count, 共4个，为“优”的4个)
    tight = {id(f): (g, f) for g, f in first if _grade_ends(before[counts.index(f)], pattern)}
    if tight:
        # (the words between two counts are the after-words of the first and the before-words of the
        # second: bound tightly to the second, they name no grade of the first)
        bound = {counts.index(f) - 1 for _, f in tight.values()}
        second = [(g, f) for g, f in second if counts.index(f) not in bound and id(f) not in tight]
        second = sorted([*second, *tight.values()], key=lambda pair: counts.index(pair[1]))
    def strength(reading: list[tuple[str, object]]) -> tuple[int, int]:
        return len({grade for grade, _ in reading}), len(reading)
    return second if strength(second) > strength(first) else first


def _whole_said_before(base, key: tuple[int, int], units: set, noun: str, rows: int) -> bool:
    """The sentence before, in the same paragraph, counts the column's rows as a whole (纳入绩效自评的
    项目共4个。自评等级为“优”的4个…): the grades after it are of those rows."""
    block, index = key
    text = base.sentences.get((block, index - 1), "")
    if not index or not text or (noun and noun not in text):
        return False
    return any(f.source == "text" and f.unit in units and f.places == 0 and f.value == rows and f.period == CURRENT
               for f in base.by_sentence.get((block, index - 1), []))


def _grade_ends(words: str, pattern: re.Pattern) -> bool:
    """The words before a count end on its grade and 的 (…自评等级为“优”的)."""
    words = words.rstrip()
    return words.endswith("的") and any(m.end() >= len(words) - 1 for m in pattern.finditer(words))


def _grades_listed(column: Column, params) -> bool:
    """A table of the grades themselves, each once: the grade column names the rows (no column of
    names before it), or a column counts or bounds each grade (项目个数, 分数区间)."""
    heads = [compact(t) for t in column.table.grid()[column.head_row]]
    keys = tuple(params["key_heads"])
    names_before = any(h and not any(w in h for w in keys) for h in heads[:column.col])
    return not names_before or any(w in h for h in heads for w in params["grade_table_heads"])


# ---- averages ------------------------------------------------------------------------------
def _averages(doc, rule):
    params = rule.params
    words, averaged = tuple(params["average_words"]), tuple(params["averaged_heads"])
    columns = _columns(doc, rule, lambda head: any(w in head for w in averaged))
    if not columns:
        return
    base = fact_base(doc)
    units = set(params["count_units"])
    subject = re.compile(params["mean_subject_pattern"]) if params["mean_subject_pattern"] else None
    measures = sorted({m for c in columns for m in [_measure(c.head, averaged)] if m}, key=len, reverse=True)
    for fact in base.facts:
        if fact.source != "text" or not any(w in fact.label for w in words) or fact.unit not in params["mean_units"] \
                or fact.period != CURRENT:
            continue
        told = compact(fact.label)
        cut = max(told.rfind(w) for w in words if w in told)
        before, told = re.split(r"[，,；;：:]", told[:cut])[-1], told[cut:]
        # (4个项目的自评得分平均为…: the measure named before 平均, the longest a column has: 自评得分, not
        # the 得分 inside it)
        named = next((m for m in measures if m in before), None)
        if named:
            told, before = told + named, before.replace(named, "")
        else:  # (项目自评平均得分: a measure's words on both sides of 平均, 自评 + 得分)
            split = next(((m, i) for m in measures for i in range(1, len(m)) if before.endswith(m[:i]) and m[i:] in told), None)
            if split:
                told, before = told + split[0], before[:-split[1]]
        if subject is not None and not subject.fullmatch(before):
            continue  # (上年平均, “优”等项目平均, 全市平均: the mean of other rows)
        sentence_text = base.sentences.get((fact.block, fact.sentence), "")
        if any(w in sentence_text for w in params["method_words"]):
            continue  # (加权平均, 超过100%的按100%计: a mean taken otherwise)
        held = params["mean_units"][fact.unit]  # (the head words of columns of that unit)
        fitting = [c for c in columns if _measure(c.head, averaged) and any(w in c.head for w in held)]
        # the column the words name in full (平均自评得分), else the one by its measure word (平均得分)
        # (the longest so named: 平均自评得分 names the 自评得分 column, not a project form's 得分 beside it)
        matching = _longest_named([c for c in fitting if _measure(c.head, averaged) in told], averaged) or \
            [c for c in fitting if any(w in told and _measure(c.head, averaged).endswith(w) for w in averaged)]
        if len(matching) != 1:
            continue  # no such column, or several (自评得分 in two tables): which mean is meant?
        column = matching[0]
        values = [parse_cell(c.text) for c in column.cells() if c.text.strip()]
        if len(values) < 2 or any(v is None for v in values):
            continue
        sentence = base.by_sentence.get((fact.block, fact.sentence), [])
        if any(f.unit in units and f.places == 0 and f.value != len(values) for f in sentence if f.at < fact.at):
            continue  # (其中5个重点项目平均…: the mean of some rows)
        yield CHECKED
        hit = _mean_hit(base, fact, column, values)
        if hit is not None:
            yield hit


def _longest_named(columns: list[Column], averaged: tuple) -> list[Column]:
    """Those of the columns whose measure is the longest of theirs."""
    longest = max((len(_measure(c.head, averaged)) for c in columns), default=0)
    return [c for c in columns if len(_measure(c.head, averaged)) == longest]


def _measure(head: str, averaged: tuple) -> str:
    """The head without its unit (自评得分（分） → 自评得分) where it ends with one of `averaged`, else ""."""
    bare = HEAD_UNIT_RE.sub("", head)
    return bare if any(bare.endswith(w) for w in averaged) else ""


def _mean_hit(base, fact, column: Column, values) -> Hit | None:
    n = Decimal(len(values))
    low = sum((v.value - half_unit(v.places) for v in values), Decimal(0)) / n
    high = sum((v.value + half_unit(v.places) for v in values), Decimal(0)) / n
    own = half_unit(fact.places)
    if fact.value + own >= low and fact.value - own <= high:
        return None
    if fact.value > 2 * max(v.value for v in values) or 2 * fact.value < min(v.value for v in values):
        # (平均得分91.00分 beside a column of 10-point scores: far beyond any of them, no mean of it but
        # another column's; a slip near the column's own figures is told)
        return None
    mean = sum((v.value for v in values), Decimal(0)) / n
    listed = " + ".join(v.text or str(v.value) for v in values)
    expected = f"{fmt(mean, fact.places)}{fact.unit}"
    return Hit(quote=base.span(fact, fact), location=fact.loc, stated=fact.text, expected=expected,
               formula=f"（{listed}）÷ {len(values)} = {fmt(mean, max(fact.places, 2) + 1)}（{column.name()}）",
               fields={"table": column.name(), "column": column.head, "grade": "", "counted": "",
                       "mean": expected, "rows": str(len(values))},
               highlights=[c.loc for c in column.cells()])


# ---- rows ----------------------------------------------------------------------------------
def _row_counts(doc, rule):
    params = rule.params
    base = fact_base(doc)
    units, cues = set(params["count_units"]), tuple(params["whole_cues"])
    # (the sentences with a count first: most documents state none, and their tables need not be read)
    counted = [(key, [f for f in facts if f.source == "text" and f.unit in units and f.places == 0
                      and f.period == CURRENT]) for key, facts in base.by_sentence.items()]
    counted = [(key, counts) for key, counts in counted if counts]
    pointed: set[int] = set()  # (counts judged against the table they point to: told once)
    yield from _pointed_rows(doc, rule, base, counted, pointed)
    if not counted:
        return
    lists = _NameColumns(doc, rule)
    nouns = lists.nouns
    for key, counts in counted:
        text = base.sentences.get(key, "")
        for fact in counts:
            if fact.id in pointed:
                continue
            after = compact(text[fact.at + len(fact.text):][:NOUN_REACH])
            clause = CLAUSE_BREAK_RE.split(text[:fact.at])[-1]
            noun = next((n for n in nouns if after.startswith(n) and lists.lists(n)), None)
            # (or the noun right before the count: 全年共改造老旧小区4个)
            named_before = noun is None
            if named_before:  # (a noun of its own: 项目, 单位 before a count name too many things)
                noun = next((n for n in nouns if len(n) >= NAMED_BEFORE_MIN and compact(clause).endswith(n)
                             and lists.lists(n)), None)
            if noun is None or len(lists.lists(noun)) != 1:
                continue  # (no column of such names, or several: which is counted is not known)
            following = base.by_sentence.get((key[0], key[1] + 1), ())
            if not any(w in clause for w in cues) or len(counts) > 1 \
                    or any(f.unit in units and f.places == 0 for f in following):
                continue  # (8个项目 may be some of them; 共12个项目，其中8个…: the rows may be those 8)
            shown = "" if named_before else next(
                (text[fact.at + len(fact.text):][:k] for k in range(len(noun), NOUN_REACH)
                 if compact(text[fact.at + len(fact.text):][:k]) == noun), noun)
            rest = text[fact.at + len(fact.text) + len(shown):].lstrip()
            if rest and rest[0] not in NOUN_CLOSERS:
                continue  # (共有4个三级指标未得满分, 3个项目未达到序时进度: those of a kind, not all)
            column, names = lists.lists(noun)[0]
            yield CHECKED
            if fact.value == len(names):
                continue
            listed = "、".join(names)
            before = noun if named_before else ""  # (老旧小区4个: the noun said first)
            yield Hit(quote=base.span(fact, fact), location=fact.loc, stated=f"{before}{fact.text}{shown}",
                      expected=f"{before}{len(names)}{fact.unit}{shown}",
                      formula=f"{column.name()}列出 {len(names)} 个：{listed}",
                      fields={"table": column.name(), "column": shown, "grade": "", "counted": f"{len(names)}{fact.unit}",
                              "mean": "", "rows": listed},
                      highlights=[c.loc for c in column.cells() if c.text.strip()])


POINTER_SENTENCES = 2  # sentences after a count's in its paragraph where a pointer to the table may stand


def _pointed_rows(doc, rule, base, counted, pointed: set[int]):
    """“政府采购预算共8项，…具体如下表：” with the table right after numbering its rows (序号 1–7):
    the count of all the things the sentence points to the table for is its numbered rows."""
    pointers, cues = tuple(rule.params["table_pointers"]), tuple(rule.params["whole_cues"])
    lead = {compact(w) for w in rule.params["pointer_lead_words"]} | {""}
    units = set(rule.params["count_units"])
    for key, counts in counted:
        text = base.sentences.get(key, "")
        # (the pointer after the count, in its sentence or in a sentence after it in its paragraph
        # stating no count of its own: …共8项，合计169.50万元…。具体如下表：)
        later = [base.sentences.get((key[0], k), "") for k in range(key[1] + 1, key[1] + POINTER_SENTENCES + 1)
                 if not any(f.unit in units for f in base.by_sentence.get((key[0], k), ()))]
        named = _counted_nouns(text, counts[0]) if len(counts) == 1 else ()
        if len(counts) != 1 or not any(_points(t, p, lead, named) for p in pointers for t in (text[counts[0].at:], *later)):
            continue
        fact = counts[0]
        if not any(w in CLAUSE_BREAK_RE.split(text[:fact.at])[-1] for w in cues):
            continue  # (8项 may be some of them)
        table = _table_after(doc, key[0])
        if table is None or any(w in text for w in rule.params["grouping_words"]) \
                or _counts_own(table, tuple(rule.params["count_heads"])):
            continue  # (按类别汇总如下表, a 项目个数 column: the numbered rows are groups, not the things)
        places = any(p in n for n in named for p in rule.params["own_level_place_nouns"])
        serials = _serial_rows(table, rule, places)
        if not serials:
            continue
        pointed.add(fact.id)
        yield CHECKED
        if fact.value == len(serials):
            continue
        yield Hit(quote=base.span(fact, fact), location=fact.loc, stated=fact.text,
                  expected=f"{len(serials)}{fact.unit}",
                  formula=f"文中指向的「{table.name}」按序号列出 {len(serials)} 行"
                          f"（序号 {serials[0]}–{serials[-1]}{_skipped(serials)}）",
                  fields={"table": f"「{table.name}」", "column": "", "grade": "",
                          "counted": f"{len(serials)}{fact.unit}", "mean": "", "rows": ""},
                  highlights=[table.loc])


def _points(text: str, pointer: str, lead: set[str], named: tuple[str, ...]) -> bool:
    """The text points to the table after it with `pointer`, the pointer's clause naming nothing
    before it but the things counted (，具体情况如下：; ，各社区经费安排如下表; not ，资金执行具体情况
    如下：, a table of another thing)."""
    at = text.find(pointer)
    clause = compact(CLAUSE_BREAK_RE.split(text[:at])[-1]) if at >= 0 else ""
    return at >= 0 and (clause in lead or any(n in clause for n in named))


def _counted_nouns(text: str, count) -> tuple[str, ...]:
    """The two characters naming what a count counts, right before it or right after its unit
    (社区7个, 4个项目): words a pointer's clause may name them by."""
    before = re.sub(r"[^\u4e00-\u9fff]", "", text[max(0, count.at - NOUN_CHARS):count.at])[-NOUN_CHARS:]
    end = count.at + len(count.text)
    after = re.match(r"[\u4e00-\u9fff]{0,2}", text[end:end + NOUN_CHARS]).group()
    return tuple(n for n in (before, after) if len(n) == NOUN_CHARS)


NOUN_CHARS = 2  # (项目, 社区, 乡镇: the characters a counted thing is told by)


MAX_SKIPPED = 2  # serial numbers a list may skip and still be read as numbered (beyond: a code, 20240101)


def _skipped(serials: list[int]) -> str:
    """The serial numbers a rising run leaves out, as the formula tells them (，缺 4)."""
    missing = sorted(set(range(serials[0], serials[-1] + 1)) - set(serials))
    return f"，缺 {'、'.join(map(str, missing))}" if missing else ""


def _counts_own(table, heads: tuple[str, ...]) -> bool:
    """The table counts its rows' things in a column of its own (项目个数, 数量): its rows are groups."""
    return any(any(w in compact(t) for w in heads) for row in table.grid()[:HEAD_ROWS_READ] for t in row)


HEAD_ROWS_READ = 3  # the rows at a pointed table's top its heads stand in


def _table_after(doc, block: int):
    """The table right after the block (past at most one short line: its title or unit)."""
    from ..model import Table

    for later in doc.blocks[block + 1:block + 3]:
        if isinstance(later, Table):
            return later
    return None


def _serial_rows(table, rule, places: bool = False) -> list[int] | None:
    """The serial numbers of a table's rows under a 序号 head (summary rows, 合计, left out; and,
    `places` counted, a row of the government's own level, 县本级), or None where the table numbers
    no rows so, or not in order from 1."""
    keys, counted_summary = tuple(rule.params["key_heads"]), _summary_row(rule)
    own_level = tuple(rule.params["own_level_words"]) if places else ()
    summary = (lambda row: counted_summary(row) or any(compact(c).endswith(own_level) for c in row if c.strip())) \
        if own_level else counted_summary
    grid = table.grid()
    for h, head_row in enumerate(grid[:min(len(grid) - 1, rule.params["head_rows"])]):
        col = next((c for c, t in enumerate(head_row) if compact(t) in keys), None)
        if col is None:
            continue
        serials = [int(row[col].strip()) for row in grid[h + 1:] if col < len(row) and row[col].strip().isdigit()
                   and not summary(row)]
        if serials and serials == list(range(1, len(serials) + 1)):
            return serials
        # (numbered from 1 upwards, a number skipped: 1、2、3、5 — the rows listed are what it lists;
        # only where every row of the table but its summary prints a bare number there: 4. or （4）
        # or 4-1 or a blank is a row the numbers above do not see)
        rows = [row for row in grid[h + 1:] if any(c.strip() for c in row) and not summary(row)]
        rising = serials and serials[0] == 1 and all(a < b for a, b in zip(serials, serials[1:])) \
            and len(serials) == len(rows) and serials[-1] - len(serials) <= MAX_SKIPPED
        return serials if rising else None
    return None


NAMED_BEFORE_MIN = 3  # characters of a noun before a count that name the column's things (老旧小区)
NOUN_REACH = 16  # characters after a count its noun is read in (镇（街道）)
NOUN_CLOSERS = "，,。；;：:、（("  # what may follow a count of all the rows' things: a break, its list, a bracket


class _NameColumns:
    """Each noun a column of names is headed as (镇（街道）, 项目名称 → 项目) -> [(column, its distinct
    names)]: the cells below the head row that are words, summary rows (合计) left out. The nouns are
    read from the heads alone; a noun's columns are read (its tables' rows) only when a count asks
    for it, most counts naming none of them."""

    def __init__(self, doc, rule) -> None:
        params = rule.params
        keys, tails, generic = tuple(params["key_heads"]), params["row_name_tails"], set(params["generic_heads"])
        self.summary = _summary_row(rule)
        self.own_level, self.places = tuple(params["own_level_words"]), tuple(params["own_level_place_nouns"])
        self.headed: dict[str, list[tuple]] = {}  # noun -> (table, head row, heads, column), in document order
        for table, h, heads, hits in _headed(doc, rule, lambda head: bool(head) and not any(w in head for w in keys)
                                             and head not in generic):
            for c in hits:
                noun = _without_tails(heads[c], tails)
                if len(noun) >= params["row_noun_chars"]:
                    self.headed.setdefault(noun, []).append((table, h, heads, c))
        # (the longest noun first: 镇（街道） before 镇; nouns of one length are never both found at one place)
        self.nouns = sorted(self.headed, key=len, reverse=True)
        self._lists: dict[str, list] = {}
        self._rows: dict[int, list[int]] = {}  # id(table) -> its data rows, read once

    def lists(self, noun: str) -> list:
        """The noun's columns of names (none: no such column, or its cells are figures or one name)."""
        if noun not in self._lists:
            found = []
            for table, h, heads, col in self.headed.get(noun, ()):
                if id(table) not in self._rows:
                    self._rows[id(table)] = _data_rows(table, h, self.summary)
                column = _columns_of(table, h, heads, [col], self.summary, self._rows[id(table)])[0]
                cells = [c.text.strip() for c in column.cells() if c.text.strip()]
                if any(w in noun for w in self.places):
                    cells = [t for t in cells if not compact(t).endswith(self.own_level)]  # (县本级 under 乡镇)
                if len(cells) >= 2 and not any(parse_cell(t) is not None for t in cells):
                    found.append((column, list(dict.fromkeys(cells))))
            self._lists[noun] = found
        return self._lists[noun]
