"""Whose a sentence's figures are and what it is about: subjects, topics, plans, listed parts and
score categories."""

from __future__ import annotations

import re
from functools import lru_cache

from ...knowledge import compact, concepts, vocabulary_generation
from ...memo import remember_short
from ...ingest.build import numbering_of
from ..lexicon import Lexicon
from .model import BUDGET_MEASURES, Fact
from .words import (CLAUSE_BREAK_RE, years_out, UNNAMED, OPENING_BRACKET_RE, ITEM_TOKEN_RE, YEAR_RE, RATE_OF_AFTER_RE,
                    names_nothing)
from .grids import project_key
from ..numbers import DIGIT_RE



CJK_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{2}$")

RATE_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?\s*[%％]")  # a figure in per cent

SIBLING_HEAD_MAX = 3  # characters of a sibling row's own head before a shared tail (行政|单位)
SIBLING_TAIL_MAX = 2  # characters of the tail two sibling rows share (单位 of 行政单位, 事业单位)
CATEGORY_TAILS_MAX = 2  # tails stripped off a topic naming a score category (效益指标|完成|情况)


class SubjectReading:
    """FactReader's reading of whose a sentence's figures are and what it is about."""

    def _budget_parts(self, concept: str | None) -> set:
        """The parts a budget of `concept` may list (its own parts; a unit total's, every unit total's)."""
        return self.budget_parts.get(concept) or self.nested_parts.get(concept, self.any_part)

    def _opening_topic(self, text: str, figures: list) -> str | None:
        """The concept a sentence's first clause names with no figure of its own (2024年度“三公”经费
        财政拨款支出决算与2023年度相比，增加1.95万元): the figures after it that name none are its."""
        if not figures:  # (most sentences: no figure with a unit, no clause to look for)
            return None
        end = CLAUSE_BREAK_RE.search(text)
        if end is None or any(m.group("unit") and m.start() < end.start() for m in figures):
            return None
        return self._concept(compact(text[:end.start()]), last=True)

    def _subjects_of(self, text: str, subject: str) -> tuple:
        """Whose the sentence's figures are: (the paragraph's subject, the subject the sentence
        names, where it names it, where an unnamed project's cue starts, the projects named in
        it, whose the figures after the cue are)."""
        outer, named_at = subject, -1  # a project named in quotes: the figures after its name are its
        for pattern in self.subject_patterns:
            named = pattern.search(text)
            if named:
                subject, named_at = project_key(compact(named.group(1))), named.start()
                break
        cue = self.subject_cue.search(text) if self.subject_cue and not subject else None
        # “该项目……得分 100 分”: the figures after the cue are a project's, not the unit's
        unnamed_from = cue.start() if cue else len(text) + 1
        # a project one of the document's several forms names, named here without quotes
        # (村级综合服务站建设项目自评得分96.30分): the figures after the name are that project's
        named = self._form_projects_in(text) if not subject and self._forms_name_subjects() else []
        named = _listed_together(text, named)
        own = self.own_project if cue and self._only_own_project(text) else \
            "" if cue and self.own_unnamed and self._only_own_cue(text) else UNNAMED
        own_at = self._own_name_at(text) if not subject else -1
        if own_at >= 0:  # (农村公路养护项目2024年度绩效自评总分…: the report's project by its name, as 本项目)
            unnamed_from, own = min(unnamed_from, own_at), self.own_project
        return outer, subject, named_at, unnamed_from, named, own

    def _states_plans(self, text: str, section: str | None) -> bool:
        """The sentence states plans (2024年度计划维修养护…126处) or stands in a section of targets
        (三、绩效目标): its counts and rates are targets, not what was achieved."""
        # the words before its first figure (after the item's own number: 2.2025年计划新建…)
        lead = DIGIT_RE.split(years_out(ITEM_TOKEN_RE.sub("", text, count=1)), maxsplit=1)[0]
        lead = compact(lead)
        if self.says_plan_only.search(lead):
            # (a plan word inside a name the tables print, 重点研发计划, says nothing of a plan)
            for start, end, _label in reversed(list(self.label_pattern.finditer(lead))):
                lead = lead[:start] + "\0" + lead[end:]
        plans = bool(self.says_plan_only.search(lead)) or (
            section != self.doc_title and self._names_plan(section or "")
            and not self.says_outcome.search(lead)) or (
            # under a run-in heading of targets, 全年完成X is the target; only 实际 / 已完成 state outcomes
            self.paragraph_plans and not self.says_run_in_outcome.search(lead))
        return plans

    def _sum_of_listed(self, fact: dict, phrase: str, amounts: list[Fact]) -> None:
        """A sum word opening the figure's words after amounts of the parts of one declared whole
        (因公出国（境）费0万元，公务用车购置及运行维护费15.34万元，公务接待费4.28万元，合计19.62万元):
        the figure is that whole (三公经费), in the parts' measure and period. The parts: the
        sentence's named amounts right before it, of one measure and period, the nearest of them
        that are all different parts of one declared whole only; at least two."""
        if not self.sum_words.match(phrase.lstrip("，,；;、：: ")):
            return
        listed: list[Fact] = []
        for f in reversed(amounts):
            if f.measure == "变动额" or f.concept is None or (listed and (f.measure, f.period) != (listed[0].measure, listed[0].period)):
                break
            listed.append(f)
        names = {f.concept for f in listed}
        for k in range(len(listed), 1, -1):  # (the longest run of parts of one whole, nearest first)
            names = {f.concept for f in listed[:k]}
            wholes = [t for t, parts in self.named_parts_of.items() if names <= parts]
            if len(names) == k and len(wholes) == 1:
                fact["concept"], fact["period"] = wholes[0], listed[0].period
                if fact.get("implicit"):
                    fact["measure"] = listed[0].measure
                return

    def _bracketed_parts(self, text: str, at: int) -> bool:
        """A bracket right after a figure, opening with the name of a thing of this year (基本支出…、
        项目支出…), not with another year's figure (（上年3.80万元）, （2024年…）)."""
        bracket = OPENING_BRACKET_RE.match(text, at)
        if bracket is None:
            return False
        first = DIGIT_RE.search(text, bracket.end())
        words = text[bracket.end():first.start() if first else len(text)]
        return bool(self.lex.concepts.all(compact(words))) and not self.lex.prior.search(words) \
            and not YEAR_RE.search(words)

    def _topic_clause_before(self, text: str, at: int) -> bool:
        """A clause of the figure's ；-part before it opens with the name of a kind of money the
        vocabulary does not know (…，管护员补助按每人每月1,200元发放，全年支出51.84万元)."""
        start = max(text.rfind(ch, 0, at) for ch in "；;。") + 1
        clauses = re.split(r"[，,]", text[start:at])[:-1]
        return any(self._unknown_money_topic(c) for c in clauses)

    def _unit_like(self, text: str) -> bool:
        """A unit of measure (万人次, 场, 亩, %), not a unit's name (局机关, 监测站): short, no figure,
        no ending of an organisation's name."""
        words = compact(text)
        return 0 < len(words) <= 4 and not any(ch.isdigit() for ch in words) \
            and not words.endswith(self.organization_endings)

    def _unknown_money_topic(self, text: str) -> bool:
        """The sentence opens with the name of a kind of money the vocabulary does not know (辅警经费
        按…核定，…): its first words, up to a verb or a break, end so and name no concept."""
        if not self.topic_endings_money:
            return False
        text = ITEM_TOKEN_RE.sub("", text, count=1)
        counted = self.counted_topic.match(compact(text))
        if counted and not self.lex.concepts.all(counted.group(1)):
            return True  # (城市低保1,246户2,018人，…，全年支出…: the group counted is the topic)
        lead = compact(self.topic_end.split(text, maxsplit=1)[0])
        lead = re.split(r"\d", lead, maxsplit=1)[0]  # (城市低保月人均补助612元: the name ends at its figure)
        return 2 < len(lead) <= 16 and lead.endswith(self.topic_endings_money) and not self.lex.concepts.all(lead) \
            and not any(ch.isdigit() for ch in lead)

    def _kind_only(self, bare: str) -> bool:
        """Words naming nothing (see names_nothing) name a kind of money (与上年支出; 支出较上年:
        the kind as the subject, before its comparison)."""
        return any(kind in bare for kind in self.money_kinds)

    def _ends_on_budget(self, text: str, last: Fact) -> bool:
        """The sentence's last amount outside a list is a budget its words name, and nothing after
        it names another measure (…全年预算2,436.80万元，实际支出2,371.26万元 with the actual
        unread stays no budget's sentence)."""
        if last.measure not in BUDGET_MEASURES or last.implicit or self._names_money_kind(last.label):
            return False
        if RATE_OF_AFTER_RE.match(text, last.at + len(last.text)):
            return False  # (…决算11.70万元，完成预算13.10万元的89.31%: the base of a rate, not the subject)
        tail = compact(text[last.at + len(last.text):])
        return all(name in BUDGET_MEASURES for _s, _e, name in self.lex.measures.all(tail))

    def _names_whole(self, clause: str) -> bool:
        """A score's clause names the whole evaluation: a whole score's word, or the unit itself."""
        return any(w in clause for w in self.whole_score_words) \
            or (self.self_words is not None and self.self_words.found_in(clause))

    def _whole_after_rate(self, gap: str) -> bool:
        """After a figure in per cent (the category's rate), words naming the whole score itself
        (预算执行率91.00%，项目自评得分…; not 预算执行率91.00%，得分9.10分, the category's)."""
        rates = list(RATE_FIGURE_RE.finditer(gap))
        return bool(rates) and self.lex.concepts.last(compact(gap[rates[-1].end():])) in self.score_totals.values()

    def _sibling_compound(self, phrase: str, start: int, label: str) -> bool:
        """The row label is the tail of a compound naming it together with a sibling row: the words
        right before it and the tail they share make another row's label (行政事业单位 over the rows
        行政单位 and 事业单位 names both, not 事业单位)."""
        return any(other != label and other in self.row_labels
                   for head in range(1, SIBLING_HEAD_MAX + 1) if head <= start
                   for tail in range(1, SIBLING_TAIL_MAX + 1) if tail < len(label)
                   for other in [phrase[start - head:start] + label[-tail:]])

    def _section_category(self, section: str) -> str | None:
        """The score category a section's heading names. Every paragraph under it asks, and the same
        headings stand in report after report: short headings' answers are kept per vocabulary."""
        return remember_short(self.lex.section_categories, section, self._unnumbered_category)

    def _unnumbered_category(self, heading: str) -> str | None:
        return self._score_category_named(_unnumbered(heading))

    def _score_category_named(self, words: str) -> str | None:
        """The score category a topic names, its usual tails aside (决策情况, 过程方面, 效益指标完成情况)."""
        words = compact(words)
        for _ in range(CATEGORY_TAILS_MAX + 1):
            if self.score_category.fullmatch(words):
                return words
            tail = next((e for e in self.category_tails if words.endswith(e) and len(words) > len(e)), "")
            if not tail:
                return None
            words = words[:-len(tail)]
        return None

    def _part_named_before_rate(self, phrase: str) -> str:
        """The money concept a phrase names right before its 执行率 (基本支出执行率), if a part of the
        unit's spending rather than the whole."""
        cut = phrase.rfind("执行率")
        if cut <= 0:
            return ""
        named = self._concept(CLAUSE_BREAK_RE.split(phrase[:cut])[-1], last=True)
        return named if named in self.money and named not in self.unit_totals else ""

    def _bare_rate(self, phrase: str) -> bool:
        """Whether the phrase names its rate only by a bare name (执行率, not 预算执行率)."""
        found = self.lex.concepts.all(phrase)
        return bool(found) and all(phrase[start:end] in self.bare_names for start, end, _ in found)

    def _other_named_before(self, phrase: str, start: int) -> bool:
        """Words naming a thing right before a bare name (政府采购|执行率), in its clause."""
        words = years_out(CLAUSE_BREAK_RE.split(phrase[:start])[-1])
        for own in (*self.own_cues, *self.name_heads):  # (本)项目执行率: the project's own, the form's
            words = words.replace(own, "")
        # (部门预算资金执行率, 本局资金执行率: the unit's whole money names no other thing; 项目资金执行率
        # is the projects', PROJECTS_RATE_RE)
        return bool(CJK_BEFORE_RE.search(phrase, 0, start)) and not names_nothing(words, self.lex) \
            and not names_whole_money(words, self.lex)



def _unnumbered(heading: str) -> str:
    """A heading without its numbering token ((三)产出指标情况 → 产出指标情况)."""
    numbered = numbering_of(heading.strip())
    return heading.strip()[len(numbered[0]):] if numbered else heading


def names_whole_money(words: str, lex: Lexicon) -> bool:
    """The words name only the unit's or the project's whole money (部门预算资金, 本局年度资金, 全部
    资金): once the words for the whole (concepts.yaml whole_money_words) and the money noun ending
    them (money_nouns) are out, what is left names nothing (预算, a measure). 专项资金 names a part."""
    whole, nouns = _whole_money_vocabulary(vocabulary_generation())
    rest = years_out(words)
    for word in whole:
        rest = rest.replace(word, "")
    rest = rest.strip("，,、的（( ")
    while nouns and rest.endswith(nouns):  # (the money word itself: what stands before it qualifies it)
        rest = rest[:-next(len(w) for w in nouns if rest.endswith(w))]
    return not rest or names_nothing(rest, lex)


@lru_cache(maxsize=4)
def _whole_money_vocabulary(generation: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole_money_words longest first, money_nouns) of the vocabulary read (`generation`)."""
    vocab = concepts()
    return (tuple(sorted(vocab.get("whole_money_words") or (), key=len, reverse=True)),
            tuple(vocab.get("money_nouns") or ()))


def _listed_together(text: str, named: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Projects named one after another with no figure between (分别为A、B和C项目) are listed
    together: the figures after the list are of them all, no one's (the name "")."""
    out: list[tuple[int, str]] = []
    for at, name in named:
        if out and not any(ch.isdigit() for ch in text[out[-1][0]:at]):
            out[-1] = (at, "")
        else:
            out.append((at, name))
    return out
