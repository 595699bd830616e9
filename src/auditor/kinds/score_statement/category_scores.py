"""Checks `breakdown_table` and `category_rate` of kind `score_statement`: a category's score the
narrative states (in the list after the total, with its weight, or on its own) against the
report's one score table (CategoryScore: the sum of the category's detail rows, or its summary
row), and the 得分率 stated after it against that score ÷ the category's points in the table."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from decimal import Decimal

from ...facts.base import Fact, FactBase, fact_base
from ...facts.base.model import CURRENT
from ...model import table_ordinal
from ...facts.base.tables import table_subject
from ...facts.lexicon import alternatives, lexicon
from ...facts.numbers import fmt
from ...knowledge import compact
from ..base import CHECKED, Hit
from .common import score_lists, category_word_pairs, text_totals, bracket_depth, categories_in, WEIGHT_WORDS
from .breakdown import listed_parts


@dataclass(frozen=True)
class CategoryScore:
    """A category's score as the report's score tables give it: the sum of its indicator rows in
    the detail table, or its row of a summary table where the report prints no detail."""

    value: Decimal
    slack: Decimal  # the half unit of a summary's figure printed with decimals (0 for a detail's sum)
    weight: Decimal | None  # the category's points in the same table (Σ分值 of its rows, its row's 分值)
    label: str
    basis: str  # where the table gives it (表2「产出指标」各指标得分之和：)
    terms: str  # the figures summed, "" for a summary's one figure
    highlights: tuple

    def formula(self, shown: str) -> str:
        return f"{self.basis}{self.terms} = {shown}分" if self.terms else self.basis


def check_breakdown_table(doc, rule):
    """Each category score the narrative states (after the total, 其中产出指标得分49.10分; with its
    weight; or on its own, 决策类指标得分18.50分) against the report's one score table."""
    params = {**score_lists(), **rule.params}
    words = category_word_pairs(params)
    scores = _category_scores(doc, words)
    if not scores:
        return  # no table, or several projects' forms: which one a sentence restates is unsaid
    subject, scores, title = scores
    base = fact_base(doc)
    # (the scores listed after the total, 其中产出指标得分…; those stated with their weight, or alone;
    # none in a sentence on the unit as a whole, 部门整体支出绩效自评得分…, where the one table is a project's form)
    listed = [pair for total in text_totals(base, params)
              for pair in listed_parts(base, total, words, params, least=1) or ()]
    seen = {part.id for _, part in listed}
    for pair in _weighted_scores(base, words, subject) + _stated_scores(base, words, subject):
        if pair[1].id not in seen:
            listed.append(pair)
            seen.add(pair[1].id)
    for name, part in listed:
        if _whole_beside_project_form(base, part, title, params):
            continue
        table = scores.get(name)
        if table is None:
            continue
        yield CHECKED
        if abs(part.value - table.value) <= part.half_unit + table.slack:
            continue
        shown = fmt(table.value, max(part.places, 2))
        yield Hit(quote=part.quote, location=part.loc, stated=part.text, expected=f"{shown}分",
                  formula=table.formula(shown),
                  # (the category as named, without the table's weight in brackets: 产出指标（60分）)
                  fields={"total": part.text, "sum": f"{shown}分", "parts": table.label},
                  highlights=list(table.highlights))


def _whole_beside_project_form(base: FactBase, part: Fact, title: str, params: dict) -> bool:
    """The score's sentence speaks of the unit as a whole (whole_cues: 部门整体…得分…，其中产出指标得分…)
    while the table is titled as a project's form (project_form_words: 学生资助项目支出绩效自评表): another
    evaluation's scores."""
    cues, forms = tuple(params["whole_cues"]), tuple(params["project_form_words"])
    said = base.sentences.get((part.block, part.sentence), "")[:part.at]
    if lexicon().list_opener.match(said):
        # (…整体支出绩效自评得分98.00分。其中：决策指标得分…: the list goes on from the sentence before)
        said = base.sentences.get((part.block, part.sentence - 1), "") + said
    return bool(cues) and any(c in said for c in cues) and any(w in compact(title) for w in forms) \
        and not any(c in title for c in cues)


def _category_scores(doc, words) -> tuple[str, dict[str, CategoryScore]] | None:
    """(the table's subject, category -> its score) from the report's one detail table (the
    deepest score tables: a summary of the categories beside it is no second form), else from its
    one summary of categories; None where there are several, or none."""
    from ...tables.score_summary import depth, lone_summary
    from ...tables.typed import typed_tables

    tables = [t for t in typed_tables(doc) if t.type == "performance_scores" and any(r.score is not None for r in t.records)]
    deepest = max((depth(t) for t in tables), default=0)
    details = [t for t in tables if depth(t) == deepest > 1]
    if len(details) == 1:
        return table_subject(details[0].table), _detail_scores(details[0], words), details[0].table.title or ""
    summary = lone_summary(doc) if not details else None
    return (table_subject(summary.table), _summary_scores(summary), summary.table.title or "") if summary is not None else None


def _detail_scores(t, words) -> dict[str, CategoryScore]:
    """Each category's scored rows summed; its points, where every row of it is scored and weighed
    (a row naming only the category it heads is counted in its indicators' points)."""
    from ...tables.score_summary import without_heads

    groups: dict[str, list] = {}
    for r in t.records:
        named = categories_in(compact(r.level1), words)[-1:]
        if named:
            groups.setdefault(named[0], []).append(r)
    return {name: CategoryScore(
        sum((r.score for r in rows if r.score is not None), Decimal(0)), Decimal(0),
        sum((r.weight for r in without_heads(rows)), Decimal(0))
        if all(r.weight is not None and r.score is not None for r in rows) else None,
        BRACKETED_RE.sub("", rows[0].level1).strip(),
        f"{table_ordinal(t.table.index)}「{rows[0].level1}」各指标得分之和：", " + ".join(fmt(r.score) for r in rows if r.score is not None),
        tuple(r.cells["score"].loc for r in rows if "score" in r.cells))
        for name, rows in groups.items() if any(r.score is not None for r in rows)}


def _summary_scores(t) -> dict[str, CategoryScore]:
    from ...tables.score_summary import category_of
    from ...tables.typed import points, quantity

    out = {}
    for r in t.records:
        cell, printed = r.cells.get("score"), quantity(r.cells.get("score"))
        if r.score is None or cell is None:
            continue
        out[category_of(r.indicator)] = CategoryScore(
            r.score, printed.half_ulp if printed is not None and printed.places else Decimal(0),
            points(r.cells.get("weight")),
            BRACKETED_RE.sub("", r.indicator).strip(), f"{table_ordinal(t.table.index)}「{r.indicator}」一行的得分 {cell.text.strip()}分", "",
            (cell.loc,))
    return out


def check_category_rate(doc, rule):
    """A category's 得分率 stated right after its score (决策类指标得分18.50分，得分率92.50%) against
    that score ÷ the category's points in the report's score table: the summary's row, or the sum
    of the detail's rows (its 分值 is the table's; the sentence states only the score). At printed
    precision: the rate's interval against the score's divided by the points."""
    params = {**score_lists(), **rule.params}
    words = category_word_pairs(params)
    found = _category_scores(doc, words)
    if not found:
        return
    subject, scores, _title = found
    base = fact_base(doc)
    for name, score in _stated_scores(base, words, subject):
        table = scores.get(name)
        rate = _rate_after(base, score, rule.params["rate_words"]) if table is not None and table.weight else None
        if rate is None:
            continue
        yield CHECKED
        computed = score.value / table.weight * 100
        if abs(rate.value - computed) <= rate.half_unit + score.half_unit / table.weight * 100:
            continue
        shown = fmt(computed, max(rate.places, 2))
        weight = fmt(table.weight, 0 if table.weight == table.weight.to_integral() else 2)
        yield Hit(quote=base.passage(score, rate), location=rate.loc, stated=rate.text, expected=f"{shown}%",
                  formula=f"{score.text} ÷ {weight}分（{table.basis.split('「')[0]}「{table.label}」的分值）× 100% = {shown}%",
                  fields={"parts": table.label, "rate": rate.text, "score": score.text, "weight": f"{weight}分",
                          "sum": f"{shown}%"},
                  highlights=[score.loc])


RATE_GAP_RE = re.compile(r"\s*[，,]?\s*$")  # between a score and its rate: a comma at most, before the rate's name


def _rate_after(base: FactBase, score: Fact, names: list[str]) -> Fact | None:
    """The rate in % right after a score, its name (得分率) between them (得分18.50分，得分率为92.50%)."""
    text = base.sentences.get((score.block, score.sentence), "")
    after = next((f for f in base.by_sentence.get((score.block, score.sentence), ()) if f.at > score.at), None)
    if after is None or after.unit != "%" or after.comparator:
        return None
    between = text[score.at + len(score.text):after.at]
    for name in names:
        head, sep, tail = between.partition(name)
        if sep and RATE_GAP_RE.fullmatch(head) and re.fullmatch(r"(?:为|是|达)?\s*", tail):
            return after
    return None


# a category's score on its own (决策类指标得分18.50分, 过程指标得分为21.68分): after a break or at
# the start, as weights.py CATEGORY_SCORE_RE reads it (社会效益得分 is an indicator's), its classifier allowed
STATED_SCORE_RE = r"(?:^|(?<=[，,；;：:、。\s]))({words})(?:{classifiers})?(?:指标)?(?:合计|总)?(?:得分|得)(?:为)?\s*(\d+(?:\.\d+)?)\s*分"


def _stated_scores(base: FactBase, words, subject: str) -> list[tuple[str, Fact]]:
    """(category, score) of each category's score stated on its own, outside brackets, of this
    year and of the score table's `subject`, not a rule's condition (score_lists.rule_after_words);
    read once a document (SCO013 and SCO027 both hold them to the table)."""
    return base.remember(("category_scores_stated", subject), lambda: _read_stated_scores(base, words, subject))


def _read_stated_scores(base: FactBase, words, subject: str) -> list[tuple[str, Fact]]:
    lists = score_lists()
    pattern = re.compile(STATED_SCORE_RE.format(words=alternatives([w for w, _ in words]),
                                                classifiers=alternatives(lists["category_classifiers"])))
    rule_after = tuple(lists["rule_after_words"])
    name_of = dict(words)
    out = []
    for text, m, score in _scores_matched(base, pattern, 2):
        if score is None or score.period != CURRENT or score.subject not in ("", subject) \
                or bracket_depth(0, text[:m.start()]) or text[m.end():].lstrip().startswith(rule_after):
            continue
        out.append((name_of[m.group(1)], score))
    return out


def _scores_matched(base: FactBase, pattern: re.Pattern, group: int):
    """(sentence, match, the score figure at the match's `group` or None) of each match of
    `pattern` in the sentences stating a score."""
    for key, text in base.sentences.items():
        if "得" not in text:
            continue  # (most sentences state no score)
        by_at = {f.at: f for f in base.by_sentence.get(key, ()) if f.unit == "分" and not f.comparator}
        for m in pattern.finditer(text):
            yield text, m, by_at.get(m.start(group))


BRACKETED_RE = re.compile(r"[（(][^（()）]*[）)]")


def _weighted_scores(base: FactBase, words, subject: str) -> list[tuple[str, Fact]]:
    """(category, score) of each category stated with its weight and then its score, anywhere in
    the text (产出指标分值60分，得分58分; 效益指标30分，实际得分28分): the category's score, of the
    score table's `subject` (not a named project's under its own heading), stated, not a rule's
    condition (得分60分需全部指标完成: score_lists.rule_after_words)."""
    pattern = _weighted_score_re(tuple(w for w, _ in words), tuple(score_lists()["scored_words"]))
    rule_after = tuple(score_lists()["rule_after_words"])
    name_of = dict(words)
    out = []
    for text, m, score in _scores_matched(base, pattern, 3):
        if score is not None and Decimal(m.group(2)) >= score.value and score.subject in ("", subject) \
                and not text[m.end():].lstrip().startswith(rule_after):
            out.append((name_of[m.group(1)], score))
    return out


@lru_cache(maxsize=4)
def _weighted_score_re(words: tuple[str, ...], scored: tuple[str, ...]) -> re.Pattern:
    """A category, its weight (WEIGHT_WORDS) and its score (score_lists.scored_words) in a row;
    after a break or at the start (社会效益指标 is an indicator's, not the category's)."""
    return re.compile(r"(?:^|(?<=[，,；;：:、。\s]))(" + alternatives(words) + r")(?:指标)?"
                      r"(?:" + alternatives(WEIGHT_WORDS) + r")?(?:为)?\s*(\d+(?:\.\d+)?)\s*分\s*[，,]?\s*"
                      r"(?:" + alternatives(scored) + r")(?:为)?\s*(\d+(?:\.\d+)?)\s*分")
