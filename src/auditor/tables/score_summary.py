"""Score summaries: a table of an evaluation's categories (一级指标 | 分值 | 得分 | 得分率, rows 决策,
过程, 产出, 效益 and 合计; or the second level under them) paired with the detail table of the same
evaluation (一级指标 | 二级指标 | 三级指标 | 分值 | 得分), whose rows of a category sum to the
summary's row of it.

A summary row's figures are the category's score and weight in this evaluation; the detail's
sums are what they restate. Pairing is strict, since a document may hold the scores of several
things: a summary is paired only with the one evaluation (a detail table, or its parts split over
consecutive tables) whose first-level categories it lists, and not where two summaries would
restate that one evaluation (a self-evaluation's and a re-evaluation's), where the tables name
different evaluations, years or projects in their titles and heads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import compact, concepts, vocabulary_generation
from ..model import Document
from .typed import ScoreRecord, TypedTable, category_key, typed_tables

MIN_COMMON = 2  # categories a summary and a detail must share to be of one evaluation (one is a coincidence)
YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")

# how many levels of labels a score table's scored rows stand under
DEPTHS = {"level1": 1, "level2": 2, "": 3}


@dataclass
class SummaryRow:
    """One row of a summary with the detail rows it sums (`parts`)."""

    record: ScoreRecord
    label: str
    parts: list[ScoreRecord]


@dataclass
class SummaryPair:
    summary: TypedTable
    details: list[TypedTable]
    rows: list[SummaryRow]


def score_lists() -> dict:
    return concepts().get("score_lists") or {}


def category_of(label: str) -> str:
    """The first-level category a label names (决策类指标（20分）, 一、决策, 项目决策 → 决策) by the
    words of concepts.yaml score_lists.categories; "" where it names none, or more than one."""
    return _category_of(compact(label), vocabulary_generation())


@lru_cache(maxsize=4096)
def _category_of(label: str, _generation: int) -> str:
    words = sorted(((w, name) for name, ws in (score_lists().get("categories") or {}).items() for w in ws),
                   key=lambda t: -len(t[0]))
    found: set[str] = set()
    rest = label
    for word, name in words:  # (the longest word at a place: 服务对象满意度 before 满意度)
        if word in rest:
            found.add(name)
            rest = rest.replace(word, "|")
    return found.pop() if len(found) == 1 else ""


def depth(t: TypedTable) -> int:
    return 1 if t.categories_only else DEPTHS.get(t.scored_level, 3)


def summary_pairs(doc: Document) -> list[SummaryPair]:
    """Each summary of the document with the one evaluation it restates (cached on the document)."""
    cached = getattr(doc, "_summary_pairs", None)
    if cached is None:
        cached = _pairs(doc)
        doc._summary_pairs = cached  # type: ignore[attr-defined]
    return cached


def _pairs(doc: Document) -> list[SummaryPair]:
    tables = [t for t in typed_tables(doc) if t.type == "performance_scores" and t.records]
    if len(tables) < 2:
        return []  # (most documents: no score table, or one)
    deepest = max(depth(t) for t in tables)
    evaluations = _evaluations([t for t in tables if depth(t) == deepest])
    found: dict[tuple, list[SummaryPair]] = {}
    for summary in (t for t in tables if depth(t) < deepest):
        keys = _summary_keys(summary)
        if keys is None:
            continue
        covered = [e for e in evaluations if _restates(keys, e)]
        if len(covered) != 1:
            continue  # (no evaluation it lists the categories of, or several: two projects' forms)
        pair = _pair(summary, covered[0], keys)
        if pair is not None:
            found.setdefault((id(covered[0][0]), depth(summary)), []).append(pair)
    # two summaries of one evaluation at one level (自评 and 复评, this year's and last year's):
    # which of them the detail is of is not said
    pairs = [group[0] for group in found.values() if len(group) == 1]
    return [p for p in pairs if _same_evaluation(doc, p.summary, p.details)]


def _summary_keys(t: TypedTable) -> list[tuple[str, ...]] | None:
    """The key of each row of a summary (its category; and its second-level name under it), or
    None unless it lists categories: every row one of the vocabulary's, none twice (two projects'
    产出 rows in one table, 社会效益 and 经济效益 listed as if categories)."""
    keys = []
    for r in t.records:
        first = category_of(r.indicator if depth(t) == 1 else r.level1)
        if not first:
            return None
        keys.append((first,) if depth(t) == 1 else (first, category_key(r.indicator)))
    return keys if len(set(keys)) == len(keys) and len({k[0] for k in keys}) >= MIN_COMMON else None


def _evaluations(details: list[TypedTable]) -> list[list[TypedTable]]:
    """The detail tables as evaluations: a form split over consecutive tables (产出 and 效益 on the
    next page) is one, a category coming again starts another (the next project's form)."""
    runs: list[list[TypedTable]] = []
    seen: set[str] = set()
    for t in sorted(details, key=lambda t: (t.table.index, t.header_row)):
        own = {category_of(r.level1) for r in t.records} - {""}
        if not runs or own & seen:
            runs.append([])
            seen = set()
        runs[-1].append(t)
        seen |= own
    return runs


def _restates(keys: list[tuple[str, ...]], evaluation: list[TypedTable]) -> bool:
    """The summary lists every category of the evaluation (and maybe more: an execution row the
    detail form prints apart), at least MIN_COMMON of them."""
    detail = {category_of(r.level1) for t in evaluation for r in t.records} - {""}
    listed = {k[0] for k in keys}
    return len(detail & listed) >= MIN_COMMON and detail <= listed


def _pair(summary: TypedTable, evaluation: list[TypedTable], keys) -> SummaryPair | None:
    """The summary's rows with the detail rows each sums; None where a detail row stands under no
    category (its label lost, say over a page break), so that a category's sum could miss it."""
    groups: dict[tuple[str, ...], list[ScoreRecord]] = {}
    for t in evaluation:
        for r in t.records:
            first = category_of(r.level1)
            if not first:
                if not compact(r.level1):
                    return None
                continue  # (a row of another kind: 加分项, under a label of its own)
            groups.setdefault((first,), []).append(r)
            groups.setdefault((first, category_key(r.level2)), []).append(r)
    rows = [SummaryRow(r, (r.indicator if depth(summary) == 1 else f"{r.level1}/{r.indicator}").strip(),
                       without_heads(groups[key])) for r, key in zip(summary.records, keys) if key in groups]
    return SummaryPair(summary, evaluation, rows) if rows else None


def without_heads(rows: list[ScoreRecord]) -> list[ScoreRecord]:
    """A category's rows without one naming only the category it heads (产出指标 | 产出指标 | 50
    over its indicators): its points are theirs."""
    heads = [r for r in rows if category_key(r.indicator) in (category_key(r.level1), category_key(r.level2))]
    return [r for r in rows if r not in heads] if len(heads) < len(rows) else rows


def _marks(t: TypedTable, words: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """(the evaluation words, the years) a table's title and its rows down to its header name."""
    grid = t.table.grid()
    text = compact(t.table.title or "") + "|" + "|".join(compact(c) for row in grid[:t.data_row] for c in row)
    return frozenset(w for w in words if w in text), frozenset(int(y) for y in YEAR_RE.findall(text))


def _same_evaluation(doc: Document, summary: TypedTable, details: list[TypedTable]) -> bool:
    """Nothing says the summary and the detail are of different evaluations: the words naming one
    (score_lists.evaluation_words: 自评, 复评, 上年 …) in their titles and heads are the same, they
    name no year but the report's, and no project each of its own (项目名称 cells)."""
    from ..facts.base.tables import table_subject

    words = tuple(score_lists().get("evaluation_words") or ())
    said, years = _marks(summary, words)
    year = doc.meta.get("report_year")
    for t in details:
        other, other_years = _marks(t, words)
        if other != said or (year and (years | other_years) - {year}) or (not year and years != other_years):
            return False
        subjects = {table_subject(summary.table), table_subject(t.table)} - {""}
        if len(subjects) > 1:
            return False
    return True


def lone_summary(doc: Document) -> TypedTable | None:
    """The document's one score table of categories where it has no other score table: the scores
    its narrative restates, unless its title or heads name another evaluation or year."""
    tables = [t for t in typed_tables(doc) if t.type == "performance_scores" and t.records]
    if len(tables) != 1 or depth(tables[0]) != 1 or _summary_keys(tables[0]) is None:
        return None
    said, years = _marks(tables[0], tuple(score_lists().get("evaluation_words") or ()))
    year = doc.meta.get("report_year")
    return tables[0] if not said and not (years - {year}) else None
