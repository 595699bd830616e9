"""Check `grade` of kind `score_statement`: a stated grade against the band of scores it stands
for. A score's grade is read after it in the text (its sentence or the next), before it in its
sentence, in a cell of its table, or in the sentence right after the table (the table's whole
score's: its total row's, or its only one's)."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base import Fact, FactBase, fact_base
from ...facts.base.model import CURRENT
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit, sentence_figures
from .common import score_lists
from .bands import Band, Grades, band_sentences, table_bands


YEAR_WORD_RE = re.compile(r"(?:19|20)\d\d\s*年")
OTHER_PERIOD_REACH = 12  # characters before a grade's cue that may say it is another year's

_BUILT: dict[str, tuple[dict, Grades]] = {}  # rule id -> (its params, their patterns)


def _grades(rule) -> Grades:
    built = _BUILT.get(rule.id)
    if built is None or built[0] is not rule.params:
        built = _BUILT[rule.id] = (rule.params, Grades(rule.params))
    return built[1]


def check_grade(doc, rule):
    grades = _grades(rule)
    base = fact_base(doc)
    # not the 分值 (100) beside the total, nor a band's bound (自评得分90分（含）以上的…)
    # nor last year's score (较上年的91.2分)
    # (a table's 自评总分 column states its scores without their unit, as plain values)
    # (nor the points taken off beside it, 总分 | 100 | 89.5 | 10.5 under 扣分: deduction_heads)
    deducted = tuple(rule.params["deduction_heads"])
    scores = [f for f in base.facts if f.concept == rule.params["score_concept"] and not f.comparator
              and f.period == CURRENT and ((f.unit == "分" and f.measure == "得分")
                                           or (f.source == "table" and not f.unit and f.measure == "实际值"
                                               and not any(w in f.header for w in deducted)))]
    scores += _summed_scores(base, rule.params)
    if not scores:
        return
    bands = None  # read from the whole text once a grade is found (most reports state none)
    wholes = _table_wholes(scores)
    for score in scores:
        found = _text_grade(base, score, grades, rule.params) if score.source == "text" \
            else _table_grade(doc, score, grades, score.id in wholes) or (
                _grade_after_table(doc, base, score, grades, rule.params) if score.id in wholes else None)
        if found is None:
            continue
        word, location, quote = found
        if bands is None:
            bands = grades.bands(band_sentences(base) + "\n" + "\n".join(table_bands(doc, grades)))
        yield CHECKED
        hit = _judge(score, word, grades.name_of[word], bands, location, quote)
        if hit is not None:
            yield hit


def _summed_scores(base: FactBase, params: dict) -> list[Fact]:
    """Points stated as the sum of every category's (四类指标合计得分94.03分, 各项指标总计得分…:
    `summed_score_words` closing words naming no category), of no concept: the whole score too, whose
    grade may follow it."""
    words = tuple(params["summed_score_words"])
    if not words:
        return []
    categories = score_lists()["categories"]
    out = []
    for f in sentence_figures(base, "得分"):
        label = compact(f.label).rstrip("为是达：:")
        # (a category named, 产出指标合计得分, 产出和效益指标合计得分: those categories' sum, no whole;
        # unless the words count the categories summed, 决策、过程、产出、效益四类指标合计得分)
        named = any(w in label for ws in categories.values() for w in ws)
        if f.concept is None and f.unit == "分" and not f.comparator and f.period == CURRENT \
                and label.endswith(words) and (not named or re.search(params["all_categories_pattern"], label)):
            out.append(f)
    return out


def _text_grade(base: FactBase, score: Fact, grades: Grades, params: dict):
    """The grade stated with the score: after it in its sentence, or in the next sentence (of the
    paragraph, or the next paragraph's first) when that one states no score of its own, at most
    `reach` characters on; else
    before it in its sentence (自评结果为“良好”（自评得分92分）). A grade said of last year
    (较上年评价结果“优”, 2024年度评价等级为优) is not this score's."""
    text = base.sentences.get((score.block, score.sentence), "")
    here = base.by_sentence.get((score.block, score.sentence), ())
    start = score.at + len(score.text)
    following = text[start:]
    # (the next sentence may open the next paragraph: 自评得分86.5分。↵评价等级按…确定，本项目自评等级为“优”)
    key = _next_sentence(base, (score.block, score.sentence))
    nxt = base.sentences.get(key)
    if nxt is not None and not _states_score(base, key, nxt, grades):
        following += nxt
        if _all_bands(nxt, grades):
            # (the bands set out on a line of their own between a table's total and its grade: 评价
            # 等级：90分（含）以上为优，…。↵自评等级：良 — the grade is the sentence after them)
            after = _next_sentence(base, key)
            text_after = base.sentences.get(after)
            if text_after is not None and not _states_score(base, after, text_after, grades) \
                    and _graded_as_own(text_after, grades, params):
                following += text_after
    # only up to the next score of the sentence: a grade after it is that score's (not a part of
    # it its 其中 lists: 自评得分89分，其中决策类指标14分、…)
    opened = min((k for k in (text.find(w, start) for w in lexicon().list_openers) if k >= 0), default=-1)
    # the bands set out between the score and its grade (90分（含）以上为“优”，…) are no scores and
    # take none of the reach
    bands = [m.span() for pattern, _ in grades.band_patterns for m in pattern.finditer(following)]
    # (a total score after the list, another project's 自评得分86分, is a score of its own; the
    # categories' scores after the total, 决策指标得分14.50分、过程指标得分…, are its parts)
    categories = tuple(w for words in score_lists()["categories"].values() for w in words)
    later = [f.at for f in here if f.at >= start and f.unit == "分" and not f.comparator and not f.member
             and not (0 <= opened < f.at and f.concept != score.concept and f.subject == score.subject)
             and not any(a <= f.at - start < b for a, b in bands)
             and not (f.subject == score.subject and any(w in compact(f.label) for w in categories))]
    window = following[:min([_outside_brackets(following, params["reach"], bands)] + [a - start for a in later])]
    m = _this_year(_grades_within(grades, following, window), window, params["other_period_words"])
    if m is not None:
        return m.group(1), score.loc, (score.quote + following[:m.end()]).strip()
    earlier = max((f.at + len(f.text) for f in here if f.at < score.at and f.unit == "分"), default=0)
    before = text[earlier:score.at]
    found = list(grades.stated.finditer(before))
    m = _this_year(reversed(found), before, params["other_period_words"])
    if m is not None:
        return m.group(1), score.loc, (before[m.start():] + text[score.at:start]).strip()
    return None


def _next_sentence(base: FactBase, key: tuple[int, int]) -> tuple[int, int]:
    """The sentence after `key`: of its paragraph, or the next block's first."""
    return (key[0], key[1] + 1) if (key[0], key[1] + 1) in base.sentences else (key[0] + 1, 0)


def _states_score(base: FactBase, key: tuple[int, int], text: str, grades: Grades) -> bool:
    """The sentence states a score of its own: a band's bound (90分（含）以上, in brackets, or in a
    band the grades' patterns read) is none."""
    bands = [m.span() for pattern, _ in grades.band_patterns for m in pattern.finditer(text)]
    return any(f.unit == "分" and not f.comparator and not _bracketed(text, f.at)
               and not any(a <= f.at < b for a, b in bands) for f in base.by_sentence.get(key, ()))


def _graded_as_own(text: str, grades: Grades, params: dict) -> bool:
    """A line after the bands grades what the score before them is of: the words before its grade's
    cue name nothing or the report's own (自评等级：良, 本项目自评等级为良), not another project or
    body (B项目自评等级, 部门整体自评等级: the rule's own_subject_words)."""
    cue = grades.any_cue.search(text)
    if cue is None:
        return False
    before = compact(text[:cue.start()])
    for word in sorted(params.get("own_subject_words") or (), key=len, reverse=True):
        before = before.replace(word, "")
    return not before.strip("，,：:")


def _all_bands(text: str, grades: Grades) -> bool:
    """The sentence sets out grade bands (…90分（含）以上为优，80分（含）至90分为良…): two or more."""
    return sum(1 for pattern, _ in grades.band_patterns for _m in pattern.finditer(text)) >= 2


def _bracketed(text: str, at: int) -> bool:
    """Whether a place of the text is inside brackets."""
    depth = 0
    for ch in text[:at]:
        depth = depth + 1 if ch in "（(" else max(0, depth - 1) if ch in "）)" else depth
    return depth > 0


def _outside_brackets(text: str, reach: int, skipped: list[tuple[int, int]] = ()) -> int:
    """Where `reach` characters outside brackets and the `skipped` spans end: a band set out in
    brackets between the score and its grade (按照评分等级标准（90分（含）以上为“优”，…），自评等级
    为“优”) takes none of the reach."""
    depth = counted = 0
    inside = bytearray(len(text))
    for a, b in skipped:
        inside[a:b] = b"\x01" * (min(b, len(text)) - a)
    for k, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and not inside[k]:
            counted += 1
            if counted > reach:
                return k
    return len(text)


def _grades_within(grades: Grades, text: str, window: str):
    """The grades stated in the window (the text's start), matched in the whole text: a grade word
    right before the next score (距“优”等级差0.5分) is seen to run on into a figure, no grade."""
    return (m for m in grades.stated.finditer(text) if m.end() <= len(window))


def _this_year(matches, text: str, other_period: list[str]) -> re.Match | None:
    """The first grade not said of another year: no year and no 上年 in the few words before it."""
    for m in matches:
        lead = text[max(0, m.start() - OTHER_PERIOD_REACH):m.start()]
        if YEAR_WORD_RE.search(lead) or any(w in lead for w in other_period):
            continue
        return m
    return None


def _grade_after_table(doc, base: FactBase, score: Fact, grades: Grades, params: dict):
    """A grade the sentence right after the score's table states, no score of its own before it
    (合计 | 100 | 86.5, then 评价等级按…确定，本项目自评等级为“优”): the table total's grade. Where
    that sentence only sets out the bands (评价等级：90分（含）以上为优，…), the next paragraph's."""
    key = (score.block + 1, 0)
    text = base.sentences.get(key)
    if text is None or not grades.any_cue.search(text):
        return None  # (most tables are followed by no grade)
    if _all_bands(text, grades) and not _states_score(base, key, text, grades):
        after = _next_sentence(base, key)
        found = _grade_opening(doc, base, after, grades, params) \
            if after[1] == 0 and _graded_as_own(base.sentences.get(after, ""), grades, params) else None
        if found is not None:
            return found
    return _grade_opening(doc, base, key, grades, params)


def _grade_opening(doc, base: FactBase, key: tuple[int, int], grades: Grades, params: dict):
    """The grade a paragraph's first sentence states before any score of its own: (grade, where,
    quote), or None."""
    text = base.sentences.get(key)
    if text is None or not grades.any_cue.search(text):
        return None
    bands = [m.span() for pattern, _ in grades.band_patterns for m in pattern.finditer(text)]
    scores = [f.at for f in base.by_sentence.get(key, ()) if f.unit == "分" and not f.comparator
              and not _bracketed(text, f.at) and not any(a <= f.at < b for a, b in bands)]
    window = text[:min([_outside_brackets(text, params["reach"], bands)] + scores)]
    m = _this_year(_grades_within(grades, text, window), window, params["other_period_words"])
    sentences = getattr(doc.blocks[key[0]], "sentences", None) if key[0] < len(doc.blocks) else None
    if m is None or not sentences:
        return None
    return m.group(1), sentences[0].loc, text[:m.end()].strip()


def _table_wholes(scores: list[Fact]) -> set[int]:
    """The ids of the table scores a grade stated for their table as a whole is of (one grade cell,
    or the sentence after the table): the total row's (合计 under 自评得分), or a table's only score.
    The other rows of a table with a total are parts of it (决策 19 of 20): a grade of the whole
    says nothing of them."""
    by_table: dict[int, list[Fact]] = {}
    for f in scores:
        if f.source == "table":
            by_table.setdefault(f.loc.table, []).append(f)
    totals = concepts().get("score_total_rows") or {}
    lex = lexicon()
    wholes = set()
    for facts in by_table.values():
        # the total row: labelled as totals are (合计), or by the score's own name (总分, 综合得分);
        # else a table's only score, or the one that is the others' sum (a total row labelled
        # otherwise: 得分合计 | 82 over 19 + 18 + 30 + 15)
        total = [f for f in facts if compact(f.label) in (totals.get(f.concept) or ())
                 or lex.concepts.last(compact(f.label)) == f.concept]
        if not total and len(facts) > 1:
            top = max(facts, key=lambda f: f.value)
            total = [top] if top.value == sum((f.value for f in facts if f is not top), Decimal(0)) else []
        wholes.update(f.id for f in (total or (facts if len(facts) == 1 else [])))
    return wholes


def _table_grade(doc, score: Fact, grades: Grades, whole: bool = True):
    """A grade cell in the score's table: “自评等级：良” in one cell, a cue cell and the grade in
    the next one of its row (the table's grade: only its `whole` score's), or the grade in the
    score's row under a column headed by a cue."""
    table = next((t for t in doc.tables if t.index == score.loc.table), None)
    if table is None:
        return None
    if not any(grades.any_cue.search(c.text) for row in table.rows for c in row if c.text):
        # most score tables state no grade: their cells need not be read, but the one right
        # after the whole score in its row (总分 | 100 | 83.14 | 优)
        return _grade_beside(table, score, grades) if whole else None
    cue_columns: set[int] = set()
    for row in table.rows:
        texts = [compact(c.text) for c in row]
        for k, text in enumerate(texts):
            if not text:
                continue
            m = grades.stated.fullmatch(text)
            if m and whole:
                return m.group(1), row[k].loc, row[k].text.strip()
            if grades.cell_cue.match(text):
                cue_columns.add(k)
                # (the grade in the next cell that says anything: 自评等级 | | 优 leaves 分值 blank)
                after = next((j for j in range(k + 1, len(texts)) if texts[j].strip("—-－/")), None)
                g = grades.cell_grade.match(texts[after]) if after is not None and whole else None
                if g:
                    return g.group(1), row[after].loc, f"{row[k].text.strip()} {row[after].text.strip()}"
    row = table.rows[score.loc.row - 1] if score.loc.row and score.loc.row <= len(table.rows) else []
    for k in sorted(cue_columns):
        g = grades.cell_grade.match(compact(row[k].text)) if k < len(row) else None
        if g:
            return g.group(1), row[k].loc, row[k].text.strip()
    return _grade_beside(table, score, grades) if whole else None  # (a cue word in an indicator's name: 耕地质量等级)


def _grade_beside(table, score: Fact, grades: Grades):
    """A grade alone in the cell right after the whole score in its row (总分 | 100 | 83.14 | 优)."""
    if not score.loc.row or not score.loc.col or score.loc.row > len(table.rows):
        return None
    row = table.rows[score.loc.row - 1]
    after = next((c for c in row[score.loc.col:] if c.text.strip()), None)
    g = grades.cell_grade.match(compact(after.text)) if after is not None else None
    return (g.group(1), after.loc, after.text.strip()) if g else None


def _judge(score: Fact, word: str, grade: str, bands: list[Band], location, quote: str) -> Hit | None:
    own = [b for b in bands if b.grade == grade]
    if not own or any(b.holds(score.value) for b in own):
        return None  # a grade with no band (a word the vocabulary knows no band of), or it holds
    right = [b for b in bands if b.holds(score.value) and b.grade != grade]
    # pass/fail words (合格) sit beside the four grades: the expected grade is a four-grade one
    expected = right[0].shown if right else "—"
    stated_bands = any(b.stated for b in own + right)
    source = "报告所列评分档次" if stated_bands else "默认评分档次（财预〔2020〕10号）"
    band_text = "；".join(b.describe() for b in own + right[:1])
    return Hit(quote=quote, location=location, stated=f"{score.text} “{word}”", expected=expected,
               formula=f"{score.text}不在“{word}”的分数段内（{source}：{band_text}）",
               fields={"score": score.text, "grade": word, "expected_grade": expected, "bands": band_text})
