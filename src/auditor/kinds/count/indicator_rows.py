"""Sub-check `indicator_rows` of kind `count`: “共设置 N 个绩效指标”, and the category counts
broken out of it, against the indicator rows (per category) of the score table the sentence
describes."""
from __future__ import annotations

import re
from bisect import bisect_left

from ...facts.base.grids import PROJECT_NAME_MIN
from ...facts.base.tables import table_subject
from ...ingest.raw import MAX_BREAKDOWN_CHARS
from ...knowledge import compact
from ...model import Heading, Paragraph, Table, table_ordinal
from ...tables.typed import typed_tables
from ..base import Hit, names_execution_rate
from .passages import (Passage, measured, count_number, document_passages, sentence_bounds, clause_start,
                       joined_names, clause_starts)
from .breakdown import breakdown_part_re, execution_included


def _category(text: str) -> str:
    return re.sub(r"[(（].*$", "", compact(text or ""))


def _indicator_rows(table) -> list:
    return [r for r in table.records
            if r.indicator.strip() and r.indicator.strip() not in ("无", "/")]


def _first_level_item(record, categories: list[str], suffix: str) -> bool:
    """A scored row that is a first-level item of its own (预算执行率 above the indicators, named
    in the 一级指标 column or across all three, or under a first level that is none of the
    indicator categories: 预算执行 | 年度资金总额 | 预算执行率): reports count it among the 三级指标
    or not."""
    level1 = _category(record.level1)
    # indicator categories at any level end alike (…指标: 社会效益指标 slid into the first column too)
    return compact(record.indicator) == compact(record.level1) \
        or bool(level1) and level1 not in categories and not level1.endswith(suffix)


APPENDIX_HEADING_RE = re.compile(r"^\s*附件\s*\d")  # a heading opening an appendix


class _ScoreTables:
    """Which score table a sentence describes (see `for_sentence`), worked out for the whole
    document at once: one backward sweep finds, for each block, the next score table before an
    appendix boundary, so a document of many totals does not walk its blocks once per total."""

    def __init__(self, doc, params: dict) -> None:
        # (a table of the first-level categories' scores lists no indicators to count)
        scores = [t for t in typed_tables(doc) if t.type == "performance_scores" and not t.categories_only]
        self.cues = params["whole_cues"]
        self.forward = params["forward_words"]
        self.whole = [t for t in scores if any(cue in t.table.title for cue in self.cues)]
        by_table = {id(t.table): t for t in scores}
        appendix = re.compile(params["appendix_pattern"])
        self.next: list = [None] * (len(doc.blocks) + 1)
        for i in range(len(doc.blocks) - 1, -1, -1):
            block = doc.blocks[i]
            if isinstance(block, (Heading, Paragraph)) and (appendix.match(block.text)
                                                           or isinstance(block, Heading)
                                                           and APPENDIX_HEADING_RE.match(block.text)):
                self.next[i] = None
            elif isinstance(block, Table) and id(block) in by_table:
                self.next[i] = by_table[id(block)]
            else:
                self.next[i] = self.next[i + 1]
        # block -> the score table right above it (nothing between)
        self.above = {i + 1: by_table[id(b)] for i, b in enumerate(doc.blocks) if isinstance(b, Table) and id(b) in by_table}
        self.rows: dict[int, tuple[list, dict, dict]] = {}
        # the forms of several projects, by the names their 项目名称 cells give (and those names
        # without their closing 项目): a sentence under a project's name counts that project's form
        # (a form cut over a page, its head naming the project, its indicator rows in a part of
        # their own: the project's score table is the first at or after its head)
        self.by_project: dict[str, object] = {}
        named = [(table_subject(b), i) for i, b in enumerate(doc.blocks) if isinstance(b, Table)]
        if len({name for name, _i in named if name}) > 1:
            for name, i in named:
                for key in (name, name.removesuffix("项目")):
                    if len(key) >= PROJECT_NAME_MIN and self.next[i] is not None:
                        self.by_project.setdefault(key, self.next[i])
        self.heading_before: list[str] = []  # block -> the text of the last heading above it
        last = ""
        for block in doc.blocks:
            self.heading_before.append(last)
            if isinstance(block, Heading):
                last = compact(block.text)

    def for_sentence(self, passage: Passage, start: int, end: int):
        """The one titled for the unit as a whole when the sentence says 整体; else, in a document
        of several projects' forms, the form of the project the passage names last before the
        sentence's end (or its heading names); else the next one in the same part of the document;
        None if unsure."""
        if any(_holds(passage, cue, start, end) for cue in self.cues):
            return self.whole[0] if len(self.whole) == 1 else None
        named = self._named_form(passage, end)
        if named is not None:
            return named
        above = self.above.get(passage.first_block) if not passage.cell else None
        if above is not None and (len(passage.paragraphs) < 2 or start < passage.paragraphs[1][0]) \
                and not any(_holds(passage, w, start, end) for w in self.forward):
            return above  # (…总分 100 99.33 / 该项目共设置三级指标9个: the form right above it, not the next)
        # a cell's sentence is about its own table first
        return self.next[passage.last_block + (0 if passage.cell else 1)]

    def _named_form(self, passage: Passage, end: int):
        if not self.by_project or passage.cell:
            return None
        found = [(places[k - 1], len(key), t) for key, t in self.by_project.items()
                 for places in [passage.places(key)] for k in [bisect_left(places, end)] if k]
        if found:
            return max(found, key=lambda f: f[:2])[2]  # (the last named; of two names there, the longer)
        heading = self.heading_before[passage.first_block]
        return next((t for key, t in sorted(self.by_project.items(), key=lambda kt: -len(kt[0]))
                     if key in heading), None)

    def indicator_rows(self, table) -> tuple[list, dict, dict]:
        """The table's indicator rows, and those rows by first- and by second-level category."""
        if id(table) not in self.rows:
            rows = _indicator_rows(table)
            level1: dict[str, list] = {}
            level2: dict[str, list] = {}
            for r in rows:
                level1.setdefault(_category(r.level1), []).append(r)
                level2.setdefault(_category(r.level2), []).append(r)
            self.rows[id(table)] = (rows, level1, level2)
        return self.rows[id(table)]


def _holds(passage: Passage, word: str, start: int, end: int) -> bool:
    """Whether passage.text[start:end] holds `word`, from an index of its places in the passage
    (built once per word), so that many sentences of one long passage are not each searched."""
    places = passage.places(word)
    k = bisect_left(places, start)
    return k < len(places) and places[k] + len(word) <= end


def check_indicator_rows(doc, rule):
    params = rule.params
    total_re = re.compile(measured(params["total_pattern"], params))
    tables = _ScoreTables(doc, params)
    for passage in document_passages(doc):
        for m in total_re.finditer(passage.text):
            if not any(m.groups()):
                continue  # (an opener, 共有, with no level counted after it: every level is optional)
            s, e = sentence_bounds(passage, m.start())
            table = tables.for_sentence(passage, s, e)
            if table is None:
                continue
            rows, level1, level2 = tables.indicator_rows(table)
            if not rows:
                continue
            # (八个, 8个: the pattern's unnamed groups; its named ones count the first and second levels)
            stated = count_number(next((m.group(k) for k in range(1, m.re.groups + 1)
                                   if k not in m.re.groupindex.values() and m.group(k)), None) or "")
            if stated is None:
                # (一级指标4个、二级指标12个 with no third level's count: those levels only)
                yield from _level_counts(m, rows, rows, f"{table_ordinal(table.table.index)}", passage)
                continue
            subject = "三级指标" if "三级指标" in m.group(0) else "绩效指标"
            quote, loc = passage.quote(clause_start(passage.text, m.start(), 40), m.end(), m.start())
            label = f"{table_ordinal(table.table.index)}"
            core = [r for r in rows if not _first_level_item(r, params["level1_categories"], params["category_suffix"])] \
                or rows
            outside = _included_elsewhere(passage.text, m.end(), rows, params["included_pattern"])
            if stated not in (len(rows), len(core)) and stated - outside not in (len(rows), len(core)):
                items = [r for r in rows if r not in core]
                yield Hit(quote=quote, location=loc, stated=f"{stated} 个", expected=f"{len(core)} 个",
                          formula=f"{label}列出指标 {len(core)} 个：" + joined_names(r.indicator for r in core)
                          + (f"（另有一级指标 {joined_names(r.indicator for r in items)}，计入则为 {len(rows)} 个）"
                             if items else ""),
                          fields={"stated_count": str(stated), "counted": str(len(core)), "subject": subject},
                          highlights=[r.cells["indicator"].loc for r in core])
            yield from _level_counts(m, rows, core, label, passage)
            yield from _category_rows(passage, m.end(), min(e, m.end() + MAX_BREAKDOWN_CHARS), (level1, level2),
                                      label, params)


def _included_elsewhere(text: str, end: int, rows: list, pattern: str) -> int:
    """How many items a bracket after the count says it includes (（含预算执行率）) are the budget's
    execution rate, no indicator row of the table: a form scores it in its funds block. Another
    item named so (含质量指标) is among the rows."""
    if any(names_execution_rate(r.indicator) for r in rows):
        return 0  # (the table scores it among its rows)
    return execution_included(text, end, pattern)


def _level_counts(m: re.Match, rows: list, core: list, label: str, passage: Passage):
    """The first- and second-level counts stated before the third's (一级指标4个、二级指标7个、…)
    against the categories the table's rows fall under, the first-level items (预算执行 | 预算执行率)
    counted or not, as the third-level count takes them; a table with a row of no second-level
    category (a form of two levels) is not judged on the second."""
    for level, subject in (("level1", "一级指标"), ("level2", "二级指标")):
        # (the count before the level's name or after it: 4个一级指标 | 一级指标4个, groups levelN and levelNn)
        group = next((g for g in (level, level + "n") if g in m.re.groupindex and m.group(g)), None)
        if group is None:
            continue
        stated = count_number(m.group(group))

        def keys(of: list) -> list:
            """Each row's category at the level, with the ones above it (二级 under its 一级)."""
            return [(_category(r.level1),) if level == "level1" else (_category(r.level1), _category(r.level2))
                    for r in of]
        if stated is None or not all(k[-1] for k in keys(rows)):
            continue
        distinct = list(dict.fromkeys(keys(core)))
        if stated in (len(distinct), len(dict.fromkeys(keys(rows)))):
            continue
        quote, loc = passage.quote(m.start(group), m.end(group), m.start(group))
        yield Hit(quote=quote, location=loc, stated=f"{stated} 个", expected=f"{len(distinct)} 个",
                  formula=f"{label}列出{subject} {len(distinct)} 个：" + joined_names(k[-1] for k in distinct),
                  fields={"stated_count": str(stated), "counted": str(len(distinct)), "subject": subject})


def _category_rows(passage: Passage, start: int, end: int, categories: tuple[dict, dict], label: str,
                   params: dict):
    """Category counts right after the total (其中产出指标 6 个、效益指标 3 个) against the rows of
    each category: the rows whose first-level name it is, or, when none, whose second-level."""
    part_re = breakdown_part_re(tuple(params["measure_words"]), tuple(params["breakdown_markers"]))
    level1, level2 = categories
    for pos in clause_starts(passage.text, start, end):
        m = part_re.match(passage.text, pos, end)
        if not m or m.group(1) not in params["level1_categories"]:
            continue
        name, stated = m.group(1), count_number(m.group(2))
        mine = level1.get(name) or level2.get(name) or []
        if not mine or stated is None or len(mine) == stated:
            continue
        quote, loc = passage.quote(m.start(1), m.end())
        yield Hit(quote=quote, location=loc, stated=f"{stated} 个", expected=f"{len(mine)} 个",
                  formula=f"{label}「{name}」下列出 {len(mine)} 个：" + joined_names(r.indicator for r in mine),
                  fields={"stated_count": str(stated), "counted": str(len(mine)), "subject": name},
                  highlights=[r.cells["indicator"].loc for r in mine])
