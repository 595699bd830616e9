"""The projects a document names: its forms' and lists' 项目名称, the report's own project and its cues."""

from __future__ import annotations

import re

from ...knowledge import compact
from ...model import Heading, Paragraph, Table
from ..numbers import MONEY_UNITS, TABLE_NUMBER
from .model import BUDGET_MEASURES, CURRENT
from .words import CLAUSE_BREAK_RE, CLAUSE_KEPT_RE, NOUN_AFTER_RE, YEARS_RE, names_nothing, names_other_period
from .grids import (PROJECT_NAME_MIN, stripped_rows, subject_of, project_key, SUBJECT_HEAD_ROWS, subject_cue,
                    heads_a_column)


RUN_IN_LABEL_CHARS = 6  # characters of a run-in label before its colon (说明：, 情况说明：)
# an amount stated before the figure, in any money unit
AMOUNT_RE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:" + "|".join(sorted(MONEY_UNITS, key=len, reverse=True)) + ")")


FORM_NUMBER_RE = re.compile(TABLE_NUMBER)  # a form's table number (附表1, 表2-3)


class ProjectReading:
    """FactReader's reading of the projects a document names."""

    def _form_titles(self) -> int:
        """How many numbered tables of the document are titled as a project's form (附表1 项目支出绩效
        自评表, 附表2 …: concepts.yaml project_form_titles): more than one, a bundle of several projects'
        forms (a list of the forms a report attaches, - 1-4、…自评表, names none by a table number)."""
        titles = self.project_form_titles
        numbers = {m.group() for b in self.doc.blocks if not isinstance(b, Table) and compact(b.text).endswith(titles)
                   for m in [FORM_NUMBER_RE.match(compact(b.text))] if m} if titles else set()
        return len(numbers)

    def _single_project_cues(self, cues: list[str]) -> None:
        """In a report on one project, the words naming the report's own project that other reports
        do not say of some project (concepts.yaml own_project single not in other_subject_cues:
        项目得分) are cues too; in the others they name nothing."""
        if not (self.own_project or self.own_unnamed):
            return
        cues = [*cues, *(compact(w) for w in self.single_cues if compact(w) not in cues)]
        self.subject_cue = re.compile("|".join(map(re.escape, cues))) if cues else None

    def _counted_noun(self, label: str, unit: str = "") -> str:
        """The last two characters of a count's label before its counting word (企业 of 发放创新券企业数)."""
        return self._counted_words(label, unit)[-2:]

    def _counted_words(self, label: str, unit: str = "") -> str:
        """A count's label without its counting word (发放创新券企业 of 发放创新券企业数), or the unit
        it ends on (教师培训 of 教师培训人次): what a sentence stating the count says with it (168家企业,
        never 168家企业数; 1,050人次教师培训)."""
        if unit and label.endswith(unit) and len(label) > len(unit) + 1:
            return label[:-len(unit)]
        for suffix in self.count_suffixes:
            if label.endswith(suffix) and len(label) > len(suffix) + 1:
                return label[:-len(suffix)]
        return label

    def _forms_name_subjects(self) -> bool:
        """A project a form names is a sentence's subject where the sentence names it: forms of several
        projects (at most MAX_FORM_PROJECTS), or a department's report attaching a project's form by
        its caption (see TableReading._captioned_project)."""
        return len(self.form_projects) <= MAX_FORM_PROJECTS and (len(self.form_projects) > 1 or bool(self.captioned_projects))

    def _form_projects_in(self, text: str) -> list[tuple[int, str]]:
        """(where, name) of each project a form names that the sentence names, in order."""
        if not any(name[:2] in text for name in self.form_projects):  # most sentences: none
            return []
        found = [(m.start(), name) for name in self.form_projects for m in re.finditer(re.escape(name), text)]
        # (a name inside a longer one named there, 公路养护项目 inside 农村公路养护项目, is that one's words)
        kept = [(at, name) for at, name in found if not any(
            len(other) > len(name) and start <= at and at + len(name) <= start + len(other) for start, other in found)]
        first: dict[str, int] = {}
        for at, name in kept:
            first.setdefault(name, at)
        return sorted((at, name) for name, at in first.items())

    def _only_own_project(self, text: str) -> bool:
        """The sentence speaks of the report's own project (本项目, 该项目) and of no other: no 子项目,
        各项目 or 项目自评, no project named in quotes (“水厂改造”项目)."""
        return bool(self.own_project) and self._only_own_cue(text)

    def _own_name_at(self, text: str) -> int:
        """Where the sentence names the report's one project by its name (the form's 项目名称, or
        that name without its closing 项目), speaking of no other; -1 if it does not."""
        if not self.own_project or any(w in text for w in self.other_projects):
            return -1
        stem = self.own_project.removesuffix("项目")
        at = text.find(stem if len(stem) >= PROJECT_NAME_MIN else self.own_project)
        return at

    def _named_projects(self) -> dict[int, str]:
        """Block index -> the project the last “项目名称：X” line above it names, within its
        heading's part of the report (a heading ends it); or the project a heading names (二、免费开放
        项目, a report on several projects in turn), up to the next heading of its level."""
        out: dict[int, str] = {}
        current, chapter, chapter_level = "", "", 0
        self.listed_projects = self._listed_projects()
        sheet, captioned, caption_seen = None, "", False
        for index, block in enumerate(self.doc.blocks):
            if block.loc.sheet != sheet:
                current, sheet, captioned = "", block.loc.sheet, ""  # (a workbook's sheet is a form of its own)
            if captioned and isinstance(block, Paragraph) and captioned in compact(block.text) \
                    and len(block.text.strip()) <= CAPTION_CHARS and not any(m in block.text for m in "，。；,;"):
                out[index] = captioned  # (村庄保洁绩效指标完成情况: the caption of that project's next table)
                caption_seen = True
                continue
            if captioned and caption_seen and isinstance(block, Table):
                out[index], captioned = captioned, ""  # (…the table under it, the form's rest)
                continue
            captioned, caption_seen = "", False
            if isinstance(block, Heading):
                current = ""
                if chapter and block.level <= chapter_level:
                    chapter = ""
                named = self._project_heading(block)
                if named:
                    chapter, chapter_level = named, block.level
            elif isinstance(block, Paragraph) and self.project_line is not None:
                m = self.project_line.match(block.text)
                if m and m.group(1).strip():
                    current = project_key(compact(m.group(1)))
            if isinstance(block, Table) and self.project_line is not None and block.rows \
                    and len([c for c in block.rows[0] if c.text.strip()]) == 2:
                # (a form's first row alone, 项目名称 | 村庄保洁, then a caption naming that project and the
                # form's next table: that project's, as one table would be)
                first, name = [c.text.strip() for c in block.rows[0] if c.text.strip()]
                m = self.project_line.match(f"{first}：{name}")
                if m and m.group(1).strip():
                    captioned = project_key(compact(m.group(1)))
            if current or chapter:
                out[index] = current or chapter
        return out

    def _project_heading(self, heading: Heading) -> str:
        """The project a numbered heading names (二、免费开放项目; 3.非遗保护传承项目), or "": its
        words end with 项目 and say nothing of a part of a report (项目概况, 项目支出情况)."""
        if not heading.token or heading.level > 2:
            return ""
        words = compact(heading.text[len(heading.token):])
        if words in self.listed_projects:
            return words  # (（一）小型水库除险加固 over its figures, a row of the list of projects)
        at = words.find("项目")
        name, tail = words[:at + 2], words[at + 2:]
        # (二、森林抚育补贴项目自评情况: the project's name, then what the part says of it)
        if at < 2 or not self.project_part_tail.fullmatch(tail) or any(w in name for w in self.section_words):
            return ""
        return project_key(name)

    def _listed_projects(self) -> set[str]:
        """The names in the 项目名称 columns of the document's lists of projects (one a row)."""
        names: set[str] = set()
        for table in self.doc.tables:
            # (the 项目名称 head stands in the first rows: only a list's name column is read whole)
            k = _subject_column(stripped_rows(table.rows[:SUBJECT_HEAD_ROWS + 1]), self.subject_cells)
            if k is not None:
                names.update(n for row in table.rows if k < len(row) for n in [project_key(compact(row[k].text.strip()))]
                             if len(n) >= PROJECT_NAME_MIN)
        return names

    def _project_names(self) -> set[str]:
        """The projects the document's forms (项目名称 cells) and 项目名称： lines name. A project
        self-evaluation report naming exactly one is about it: there “本项目……得分”, “该项目……”
        state that project's figures, the subject of the forms naming it (own_project); naming
        several, the figures after such a cue are some project's (UNNAMED)."""
        names = {subject_of(stripped_rows(t.rows[:6]), self.subject_cells) for t in self.doc.tables} - {""}
        for block in self.doc.blocks:
            if isinstance(block, Paragraph):
                m = self.project_line.match(block.text) if self.project_line else None
                if m and m.group(1).strip():
                    names.add(project_key(compact(m.group(1))))
        return names

    def _only_own_cue(self, text: str) -> bool:
        """The sentence's cue is the report's own project (本项目, 该项目; or, the report being one
        project's, 项目自评: asked only then) and it speaks of no other."""
        return any(cue in text for cue in (*self.own_cues, *self.single_cues)) \
            and not any(w in text for w in self.other_projects) and not any(p.search(text) for p in self.subject_patterns)

    def _own_project_forms(self) -> None:
        """A report on one project named only by a 项目名称 line its headings part from its forms
        (项目名称：X over 一、…, the forms under 三、): the forms, naming no project, are its. The
        figures the text gives the project (本项目得分…, 项目自评得分…) are then theirs: no subject."""
        if not self.own_project or self.own_project in self.form_projects:
            return
        for f in self.base.facts:
            if f.subject == self.own_project:
                f.subject = ""

    def _own_project_funds(self) -> None:
        """In a report on one project whose form states its funds (年度资金总额 | 年初预算数 |
        全年预算数 | 全年执行数), a sentence's amount naming nothing but its measure (说明：全年预算数
        158.00万元，全年执行数142.20万元) is of those funds, as 本项目全年预算数… is: no other
        amount of that measure is the report's to state."""
        if not self.own_project or not self.project_funds:
            return
        stated = {f.measure for f in self.base.of(self.project_funds) if f.source == "table"}
        # (the sentence may name the project, 交易平台运维项目全年实际支出…: its subject, the report's own)
        # (a budget whose words do not say which, 项目计划投资260.00万元, may be the year-start one or the
        # year's: not the form's row of either)
        # (a sentence's amounts of no concept are linked all or none: 项目年初预算…，年中追加…，调整后全年
        # 预算… states one budget's make-up, whose sum DRV015 reads among amounts of one concept)
        # (an amount read as the unit's total, 全年实际支出, in a sentence opening on the project, 项目全年
        # 预算数…，全年实际支出…: the project's too)
        by_sentence: dict[tuple[int, int], list] = {}
        for f in self.base.facts:
            if f.source == "text" and f.is_money and not f.comparator and f.period == CURRENT and (
                    f.concept is None or f.concept in self.unit_totals
                    and self._opens_on_project(self.base.sentences.get((f.block, f.sentence), ""))):
                by_sentence.setdefault((f.block, f.sentence), []).append(f)
        for key, facts in by_sentence.items():
            text = self.base.sentences.get(key, "")
            if all(self._own_funds_amount(f, stated, text) for f in facts):
                for f in facts:
                    if f.concept is not None:
                        self.base.unname(f)  # (全年实际支出 read as the unit's 本年支出: out of its indexes)
                    self.base.name(f, self.project_funds)
                    f.subject = self.own_project

    def _own_funds_amount(self, f, stated: set, text: str) -> bool:
        """An amount of a measure the form states, of the report's own project or no subject, whose
        words before it in its sentence name nothing but measures (the project's name and a clause's
        bare 项目 aside)."""
        return f.measure in stated and f.subject in ("", self.own_project) \
            and (f.measure not in BUDGET_MEASURES or self._says_which_budget(f.label)) \
            and self._names_only_measures(self._without_own_name(text[:f.at]))

    def _opens_on_project(self, text: str) -> bool:
        """The sentence opens on the report's own project: its name, or a bare 项目 (项目全年预算数…)."""
        words = compact(text)
        return words.startswith(self.project_words) or self._own_name_at(words) == 0

    def _says_which_budget(self, label: str) -> bool:
        """The words name the year-start budget or the year's (年初预算, 全年预算数, 调整后预算)."""
        return any(w in label for w in (*self.year_start_words, *self.full_year_words))

    def _without_own_name(self, words: str) -> str:
        """The words with the report's own project's name taken out, and the 项目 a clause opens on
        (项目年初预算…, 项目资金全年执行…): in a report on one project, both name it, nothing else."""
        words = compact(words)
        for name in (f"{self.own_project}项目", self.own_project):
            words = words.replace(name, "")
        return "".join(next((clause[len(w):] for w in self.project_words if clause.startswith(w)), clause)
                       for clause in CLAUSE_KEPT_RE.split(words))

    def _names_only_measures(self, before: str) -> bool:
        """The words of a sentence before a figure name nothing but measures, amounts and the report's
        year, after a run-in label (说明：): no other year or period (2023年度, 上年, 1-6月, 截至6月底),
        no part or source (其中…子项, 财政资金, 一期)."""
        words = compact(before)
        label = words.find("：")
        words = words[label + 1:] if 0 <= label <= RUN_IN_LABEL_CHARS else words
        if names_other_period(words, self.base.year, self.lex):
            return False
        words = AMOUNT_RE.sub("", YEARS_RE.sub("", words))
        return not any(c.isdigit() for c in words) and all(names_nothing(w, self.lex) for w in CLAUSE_BREAK_RE.split(words))

    def _own_project_indicators(self) -> None:
        """In a report on one project, a sentence's figure of one of its form's indicators (全年接待
        读者52.3万人次 for the row 年接待读者人次) is that project's: the form's subject."""
        if not self.own_project:
            return
        indicators = {f.concept for f in self.base.facts if f.source == "table" and f.subject == self.own_project
                      and f.measure in ("目标值", "实际值") and f.concept and f.concept not in self.money}
        for f in self.base.facts:
            if f.source == "text" and not f.subject and f.concept in indicators:
                # (not a figure counting another thing: 布设点数：4处隐患点位于通信盲区 counts 隐患点)
                after = NOUN_AFTER_RE.match(self.base.sentences.get((f.block, f.sentence), ""), f.at + len(f.text))
                if not after.group() or after.group() in f.concept:
                    f.subject = self.own_project


def _subject_column(grid: list[list[str]], cues: list[str]) -> int | None:
    """The column of project names a list of projects has under its 项目名称 head, if it has one."""
    found = subject_cue(grid, cues)
    return found[1] if found is not None and heads_a_column(grid, *found) else None


# each sentence is searched for every form's project name: beyond this many forms (no report has
# them) the names are not looked for, so the cost per sentence stays bounded
MAX_FORM_PROJECTS = 64


CAPTION_CHARS = 40  # a caption line's length at most (村庄保洁绩效指标完成情况), no sentence's
