"""Kind `score_statement`: what the narrative says of a self-evaluation score, against the score.

Checks (param `check`):
- grade: a stated grade (评价等级为“优”) against the band of scores it stands for. Each grade
  is a band (param `grades`: name, its words, `min` inclusive and `below` exclusive); a report
  that states its own bands (“90分（含）以上为优，80分（含）至90分为良”) is held to those for the
  grades it names. The grade follows the score (concept `score_concept`) in its sentence or the
  next one, after a cue (`cues`: 等级为, 评价结果为 …); in a score table, a cell holding a cue
  and a grade (自评等级：良, or 自评等级 | 良 in the next cell of the row).
  A band stated as a range of whole scores (80-89分为良) reaches to the next whole score: 89.5
  is not judged against a gap the report left between its bands.
- cap: a part's score stated right after the points it is out of (产出指标（50分）得分52分) does
  not exceed them.
- breakdown: the category scores listed after the total (综合得分95.94分，其中：预算执行得分9.83分，
  产出指标得分49.10分 …) add up to it when they are a complete set of categories (param
  `complete_sets`, `optional` categories aside); a partial list cannot exceed it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from decimal import Decimal

from ...facts.base import CURRENT, Fact, FactBase, fact_base, table_subject
from ...facts.lexicon import alternatives, lexicon
from ...facts.numbers import RANGE_JOINER, fmt, normalize_digits
from ...knowledge import compact, concepts
from ...model import Paragraph
from ..base import CHECKED, Hit

KIND = "score_statement"
PARAMS = {"check": (str, None), "grades": (list, []), "cues": (list, []), "bare_cues": (list, []),
          "other_period_words": (list, []), "score_concept": (str, "自评得分"),
          "reach": (int, 60),
          # cap: the words naming a weight in brackets right after a score (得分42分（分值40分）)
          "weight_words": (list, ["分值", "权重", "满分", "标准分"]),
          # total_cap: words saying the scheme gives points beyond the full score
          "bonus_words": (list, []),
          # total_cap: words naming the full score in a figure's phrase (满分为120分)
          "full_words": (list, []),
          # execution_text: words by which the sentence after a scoring rule applies it (按此规则，
          # 该项得20分): the score there is the rule's
          "applying_words": (list, ["按此", "据此", "按上述", "按该", "依此", "该项", "本项"]),
          # category_rate: the names of a category's rate of its points right after its score (得分率)
          "rate_words": (list, ["得分率"])}
MESSAGE_FIELDS = {"score", "grade", "expected_grade", "bands", "total", "sum", "parts", "weight", "rate"}

NUMBER = r"(\d+(?:\.\d+)?)"
YEAR_WORD_RE = re.compile(r"(?:19|20)\d\d\s*年")
OTHER_PERIOD_REACH = 12  # characters before a grade's cue that may say it is another year's
INCLUSIVE = r"\s*分?\s*(?:[（(]含[）)])?\s*"
QUOTE_OPEN, QUOTE_CLOSE = "[“\"「『‘]?", "[”\"」』’]?"


@dataclass(frozen=True)
class Band:
    grade: str
    low: Decimal | None  # inclusive
    below: Decimal | None  # exclusive, unless `top_included`
    stated: bool  # written in the report, not the default
    top_included: bool = False  # a range's top no other band starts at (90-100分为优 holds 100)
    word: str = ""  # the grade's word in the report's own statement of the band (良好 for 良)

    @property
    def shown(self) -> str:
        """The grade as the report names it (its own words where it states its bands)."""
        return self.word or self.grade

    def holds(self, score: Decimal) -> bool:
        if self.low is not None and score < self.low:
            return False
        return self.below is None or score < self.below or (self.top_included and score == self.below)

    def describe(self) -> str:
        if self.low is not None and self.below is not None:
            return f"{_plain(self.low)}分（含）至{_plain(self.below)}分为{self.shown}"
        if self.low is not None:
            return f"{_plain(self.low)}分（含）以上为{self.shown}"
        return f"{_plain(self.below)}分以下为{self.shown}"


def _plain(value: Decimal) -> str:
    """A band's bound as the report would print it: 90, 89.5."""
    return format(value.normalize(), "f")


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    if params["check"] == "cap":
        return None if _score_lists()["scored_words"] else "concepts.yaml 的 score_lists.scored_words 不能为空"
    if params["check"] in ("breakdown", "breakdown_table", "category_rate"):
        return _validate_breakdown(_score_lists())
    if params["check"] == "execution_text":
        return _validate_proportional()
    if params["check"] in ("weights_text", "weights_exceeded"):
        return _validate_breakdown(_score_lists())
    if params["check"] == "total_cap":
        return None
    if not params["cues"]:
        return "cues 不能为空"
    for k, grade in enumerate(params["grades"]):
        if not isinstance(grade, dict) or not isinstance(grade.get("name"), str) \
                or not isinstance(grade.get("words"), list) or not grade["words"] \
                or not all(isinstance(w, str) and w for w in grade["words"]):
            return f"grades[{k}] 应写明 name（文本）和 words（非空文本列表）"
        for side in ("min", "below"):
            if side in grade and not isinstance(grade[side], (int, float)):
                return f"grades[{k}].{side} 应为数字"
        if "min" not in grade and "below" not in grade:
            return f"grades[{k}] 至少写明 min 或 below 之一"
        extra = set(grade) - {"name", "words", "min", "below"}
        if extra:
            return f"grades[{k}] 有未知字段：{'、'.join(sorted(extra))}"
    return None


class Grades:
    """The words of the grades and the patterns that find them, built once per rule."""

    def __init__(self, params: dict):
        self.name_of = {w: g["name"] for g in params["grades"] for w in g["words"]}
        self.default = [Band(g["name"], _dec(g.get("min")), _dec(g.get("below")), False) for g in params["grades"]]
        words = "|".join(re.escape(w) for w in sorted(self.name_of, key=len, reverse=True))
        cues = _alternatives(params["cues"])
        # a bare cue (等级, 等次) names the grade only where no word runs into it: 服务质量等级 is
        # another thing's grade
        bare = _alternatives(params["bare_cues"])
        cue = f"(?:{cues}|(?<![\\u4e00-\\u9fff])(?:{bare}))" if bare else f"(?:{cues})"
        grade = f"{QUOTE_OPEN}({words}){QUOTE_CLOSE}"
        # 等级为“优”, 评价结果：良好, 等次评定为优秀; the word must end there (优秀率 is no grade)
        self.stated = re.compile(f"{cue}\\s*(?:(?:评定|评|定|确定)?为|是|：|:)?\\s*{grade}(?![\\w])")
        self.any_cue = re.compile(f"{cues}|{bare}" if bare else cues)  # a table that may state a grade
        self.cell_cue = re.compile(f"^(?:{cues}|{bare})[：:]?$" if bare else f"^(?:{cues})[：:]?$")
        self.cell_grade = re.compile(f"^{grade}(?:等级|等次)?$")
        # “…的为优”, “…以上的，评价等级为“优””
        after = f"\\s*(?:的|者)?[，,]?\\s*(?:{cue})?\\s*(?:为|评为|定为|属于)\\s*{grade}"
        upto = RANGE_JOINER
        self.band_patterns = [
            # 80分（含）至90分（不含）为良 / 80-89分为良 / 80～90分之间为良
            (re.compile(f"{NUMBER}{INCLUSIVE}{upto}\\s*{NUMBER}\\s*分?\\s*(?:[（(]不含[）)])?\\s*(?:之间)?{after}"),
             "range"),
            (re.compile(f"{NUMBER}{INCLUSIVE}(?:及以上|以上){after}"), "low"),
            (re.compile(f"{NUMBER}\\s*分?\\s*(?:以下|以内){after}"), "below"),
            # the grade first: 优秀（85分及以上）、良好（70-84分）、较差（60分以下）
            (re.compile(f"{grade}\\s*[（(]\\s*{NUMBER}{INCLUSIVE}{upto}\\s*{NUMBER}\\s*分?\\s*[）)]"), "range"),
            (re.compile(f"{grade}\\s*[（(]\\s*{NUMBER}{INCLUSIVE}(?:及以上|以上)\\s*[）)]"), "low"),
            (re.compile(f"{grade}\\s*[（(]\\s*{NUMBER}\\s*分?\\s*(?:以下|以内)\\s*[）)]"), "below"),
        ]

    def bands(self, text: str) -> list[Band]:
        """The bands of every grade: the report's own where it states one, else the default."""
        stated: dict[str, list[Band]] = {}
        for pattern, shape in self.band_patterns:
            for m in pattern.finditer(text):
                word, numbers = _band_groups(m)
                name = self.name_of[word]
                stated.setdefault(name, []).append(_stated_band(name, shape, numbers, word))
        own = [b for bands in stated.values() for b in bands]
        return _reach_next(own) + [b for b in self.default if b.grade not in stated]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _band_groups(m: re.Match) -> tuple[str, list[Decimal]]:
    """(the grade word, the band's numbers) of a band statement, in whichever order it names them."""
    groups = [g for g in m.groups() if g is not None]
    numbers = [Decimal(g) for g in groups if g[0].isdigit()]
    word = next(g for g in groups if not g[0].isdigit())
    return word, numbers


def _stated_band(name: str, shape: str, numbers: list[Decimal], word: str) -> Band:
    first = numbers[0]
    if shape == "low":
        return Band(name, first, None, True, word=word)
    if shape == "below":
        return Band(name, None, first, True, word=word)
    return Band(name, first, numbers[1], True, top_included=True, word=word)


def _reach_next(bands: list[Band]) -> list[Band]:
    """A range's top reaches the next band's bottom: “80-89分为良，90-100分为优” leaves 89.5 to 良
    (the report's gap is no grade), and “80（含）至90分为良” stops below 90 where 优 begins. A top
    no band starts at or above is included (90-100分: 100 is 优)."""
    lows = sorted(b.low for b in bands if b.low is not None)
    out = []
    for band in bands:
        if band.top_included and band.below is not None:
            nxt = next((low for low in lows if low >= band.below), None)
            if nxt is not None:
                band = Band(band.grade, band.low, nxt, True, word=band.word)
        out.append(band)
    return out


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


_BUILT: dict[str, tuple[dict, Grades]] = {}  # rule id -> (its params, their patterns)


def _grades(rule) -> Grades:
    built = _BUILT.get(rule.id)
    if built is None or built[0] is not rule.params:
        built = _BUILT[rule.id] = (rule.params, Grades(rule.params))
    return built[1]


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, rule)


def _check_grade(doc, rule):
    grades = _grades(rule)
    base = fact_base(doc)
    # not the 分值 (100) beside the total, nor a band's bound (自评得分90分（含）以上的…)
    # nor last year's score (较上年的91.2分)
    # (a table's 自评总分 column states its scores without their unit, as plain values)
    scores = [f for f in base.facts if f.concept == rule.params["score_concept"] and not f.comparator
              and f.period == CURRENT and ((f.unit == "分" and f.measure == "得分")
                                           or (f.source == "table" and not f.unit and f.measure == "实际值"))]
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
            bands = grades.bands(_band_sentences(base) + "\n" + "\n".join(_table_bands(doc, grades)))
        yield CHECKED
        hit = _judge(score, word, grades.name_of[word], bands, location, quote)
        if hit is not None:
            yield hit


# a band statement bounds its scores: one of these words stands in it (90分以上, 80-89分, 至)
BAND_MARKS = ("以上", "以下", "以内", "至", "到", "-", "—", "–", "~", "～")


def _band_sentences(base: FactBase) -> str:
    """The sentences that may state a band, joined: the band patterns read these, not the whole
    text (a pattern tried at every digit of a long report costs more than the rest of the rule)."""
    texts = base.sentences.values()
    signs = OPERATOR_RE.search("\n".join(texts)) is not None  # one search: most reports write none
    return "\n".join(_in_words(normalize_digits(t)) for t in texts
                      if ("分" in t and any(w in t for w in BAND_MARKS)) or (signs and OPERATOR_RE.search(t)))


# Bands written with comparison signs, and the same band in the words the band patterns read:
# 80≤得分<90 is 80分（含）至90分, 80≤X≤89 is 80-89分, ≥90 (得分≥90分) is 90分（含）以上, <60 is
# 60分以下. At most a few characters (得分, 分数, X) between a bound and its sign.
# (the signs written as alternatives of their own, not a class beside >=: every alternative opening
# with a character, the regex engine has a first-character set and skips the other characters)
OPERATOR_RE = re.compile("≥|≧|≤|≦|<|＜|>=")
_AT_MOST, _BELOW, _AT_LEAST = r"(?:≤|≦|<=|＜=)", r"(?:<|＜)(?!=)", r"(?:≥|≧|>=|＞=)"
_BETWEEN = r"\s*[^\d，,；;。]{0,4}?\s*"
OPERATOR_BANDS = [
    (re.compile(f"{NUMBER}\\s*分?\\s*{_AT_MOST}{_BETWEEN}{_BELOW}\\s*{NUMBER}\\s*分?"), r"\1分（含）至\2分"),
    (re.compile(f"{NUMBER}\\s*分?\\s*{_AT_MOST}{_BETWEEN}{_AT_MOST}\\s*{NUMBER}\\s*分?"), r"\1-\2分"),
    (re.compile(f"{_AT_LEAST}\\s*{NUMBER}\\s*分?"), r"\1分（含）以上"),
    (re.compile(f"{_BELOW}\\s*{NUMBER}\\s*分?"), r"\1分以下"),
]


def _in_words(text: str) -> str:
    if not OPERATOR_RE.search(text):
        return text
    for pattern, words in OPERATOR_BANDS:
        text = pattern.sub(words, text)
    return text


def _table_bands(doc, grades: Grades) -> list[str]:
    """Bands a table sets out, as band statements (“85分（含）以上为优”): a grade and its band in one
    row (优 | 90分（含）以上), or the grades across a row and their bands under them in the next
    (优 | 良 | 中 | 差 over ≥90 | 80≤得分<90 | …). A cell is a band when it bounds a score: a figure
    and a band mark or a comparison sign."""
    out: list[str] = []
    for table in doc.tables:
        if not grades.any_cue.search(f"{table.title}\n{table.text_start(HEAD_CHARS)}"):
            continue  # a table of bands names what it grades in its title or header (评价等级)
        rows = table.rows
        for r, row in enumerate(rows):
            graded = {k: g.group(1) for k, cell in enumerate(row) if cell.text and len(cell.text) <= GRADE_CELL_CHARS
                      for g in [grades.cell_grade.match(compact(cell.text))] if g}
            if not graded:
                continue
            if len(graded) == 1:
                (k, word), = graded.items()
                bands = [cell.text for j, cell in enumerate(row) if j != k and _bounds_a_score(cell.text)]
                if len(bands) == 1:
                    out.append(f"{_band_words(bands[0])}为{word}")
            elif len(graded) >= 2 and r + 1 < len(rows):
                below = rows[r + 1]
                out.extend(f"{_band_words(below[k].text)}为{word}" for k, word in graded.items()
                           if k < len(below) and _bounds_a_score(below[k].text))
    return out


GRADE_CELL_CHARS = 8  # a grade cell holds the grade's word (“优秀”, 良好等级), nothing longer
HEAD_CHARS = 120  # a table's header: its first rows, up to this many characters


def _bounds_a_score(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and (any(w in text for w in BAND_MARKS) or bool(OPERATOR_RE.search(text)))


def _band_words(text: str) -> str:
    return _in_words(normalize_digits(compact(text)))


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
    key = (score.block, score.sentence + 1) if (score.block, score.sentence + 1) in base.sentences \
        else (score.block + 1, 0)
    nxt = base.sentences.get(key)
    # (a band's bound, 90分（含）以上 or in brackets, is no score of its own)
    if nxt is not None and not any(f.unit == "分" and not f.comparator and not _bracketed(nxt, f.at)
                                   for f in base.by_sentence.get(key, ())):
        following += nxt
    # only up to the next score of the sentence: a grade after it is that score's (not a part of
    # it its 其中 lists: 自评得分89分，其中决策类指标14分、…)
    opened = min((k for k in (text.find(w, start) for w in lexicon().list_openers) if k >= 0), default=-1)
    # the bands set out between the score and its grade (90分（含）以上为“优”，…) are no scores and
    # take none of the reach
    bands = [m.span() for pattern, _ in grades.band_patterns for m in pattern.finditer(following)]
    # (a total score after the list, another project's 自评得分86分, is a score of its own; the
    # categories' scores after the total, 决策指标得分14.50分、过程指标得分…, are its parts)
    categories = tuple(w for words in _score_lists()["categories"].values() for w in words)
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
    (合计 | 100 | 86.5, then 评价等级按…确定，本项目自评等级为“优”): the table total's grade."""
    key = (score.block + 1, 0)
    text = base.sentences.get(key)
    if text is None or not grades.any_cue.search(text):
        return None  # (most tables are followed by no grade)
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


# ---- breakdown ----------------------------------------------------------------------------
def _score_lists() -> dict:
    """The vocabulary of category score lists (rules/concepts.yaml `score_lists`)."""
    lists = concepts().get("score_lists") or {}
    return {key: lists.get(key) or ({} if key == "categories" else [])
            for key in ("categories", "complete_sets", "optional", "category_classifiers", "total_points_words",
                        "list_closing_words", "possible_points_words", "rule_after_words",
                        "list_openers", "deduction_words", "respectively",
                        "method_nouns", "method_openers",
                        "scored_words")}


def _validate_breakdown(params: dict) -> str | None:
    """`params`: concepts.yaml's score_lists, which the breakdown checks read."""
    categories = params["categories"]
    if not categories or not all(isinstance(w, list) and w and all(isinstance(x, str) and x for x in w)
                                 for w in categories.values()):
        return "concepts.yaml 的 score_lists.categories 应为 类别 -> 非空词语列表"
    for k, names in enumerate(params["complete_sets"]):
        if not isinstance(names, list) or not names or any(n not in categories for n in names):
            return f"score_lists.complete_sets[{k}] 应为 categories 中类别的非空列表"
    if any(n not in categories for n in params["optional"]):
        return "score_lists.optional 只能包含 categories 中的类别"
    if not params["list_openers"]:
        return "score_lists.list_openers 不能为空"
    return None


def _category_words(params: dict) -> list[tuple[str, str]]:
    """(word, category), the longest words first."""
    return sorted(((w, name) for name, ws in params["categories"].items() for w in ws), key=lambda t: -len(t[0]))


def _totals(base: FactBase, params: dict) -> list[Fact]:
    """The self-evaluation totals stated in the text, by their own words (a part's 得分 may carry
    the concept over)."""
    lex = lexicon()
    return [f for f in base.facts if f.source == "text" and f.unit == "分" and f.measure == "得分"
            and not f.comparator and f.concept == params["score_concept"]
            and lex.concepts.last(compact(f.label)) == params["score_concept"]]


def _check_breakdown(doc, rule):
    params = {**_score_lists(), **rule.params}
    base = fact_base(doc)
    words = _category_words(params)
    for total in _totals(base, params):
        listed = _listed_parts(base, total, words, params) or _listed_before(base, total, words)
        if listed is None:
            continue
        names = [name for name, _ in listed]
        complete = any(set(s) <= set(names) <= set(s) | set(params["optional"]) for s in params["complete_sets"])
        yield CHECKED
        hit = _breakdown_hit(base, total, listed, complete)
        if hit is not None:
            yield hit


LIST_SENTENCES = 8  # a list of category scores runs over at most this many sentences (；-separated)


def _listed_parts(base: FactBase, total: Fact, words, params, least: int = 2) -> list[tuple[str, Fact]] | None:
    """The category scores listed right after the total, over the sentences of its paragraph
    (a ；-separated list is several): each 分 figure whose words since the part before name a
    category. Skipped on the way: figures inside brackets (产出指标（50分）, （满分50分）,
    （其中满意度指标得分9分）), weights (权重10分) and figures in other units (预算执行率为98.30%).
    “预算执行率、产出指标…得分分别为10分、45分…” pairs the names with the figures in order. None
    unless a list opener (其中 …) comes before the first, or when the figures are deductions (扣
    0.5分); at least `least` parts (a sum needs two; one restates a table's category), no
    category twice. A deduction after the parts ends a list of at least `least` = 1 there."""
    listed: list[tuple[str, Fact]] = []
    since, depth, queued = "", 0, []
    for index in range(total.sentence, total.sentence + LIST_SENTENCES):
        text = base.sentences.get((total.block, index))
        if text is None:
            break
        cursor = total.at + len(total.text) if index == total.sentence else 0
        for f in base.by_sentence.get((total.block, index), ()):
            if f.at < cursor:
                continue
            gap, cursor = text[cursor:f.at], f.at + len(f.text)
            since, depth = since + gap, _depth(depth, gap)
            if depth > 0 or f.measure == "分值" or f.unit != "分":
                since += f.text
                continue
            if not listed and not any(o in since for o in params["list_openers"]):
                return None
            if gap.rstrip().endswith(tuple(params["deduction_words"])):
                # points taken off, not points scored: after a part, the reason it lost them
                return _distinct(listed, least) if least == 1 else None
            named = _categories_in(since, words)
            if not named and queued:
                named = [queued.pop(0)]
            elif len(named) > 1 and any(w in since for w in params["respectively"]):
                # names listed first, then 分别为 the figures (the list's first parts, or after
                # others: 其中预算执行率得分9.65分，产出、效益指标分别得分50分、28分)
                named, queued = named[:1], named[1:]
            if not named:
                return _distinct(listed, least)
            if len(named) > 1:
                return None  # (产出、效益和满意度指标共得90.00分: the sum of several, no one's score)
            listed.append((named[-1], f))
            since = ""
        rest = text[cursor:]
        since, depth = since + rest, _depth(depth, rest)
    return _distinct(listed, least)


def _listed_before(base: FactBase, total: Fact, category_words) -> list[tuple[str, Fact]] | None:
    """The category scores listed before the total in its sentence (其中：预算执行率得分9.72分，
    产出指标得分47.50分，…，自评总分95.22分): each a 得分 figure whose own words name a category;
    any other score before the total leaves the sentence unread."""
    text = base.sentences.get((total.block, total.sentence), "")
    listed, cursor = [], 0
    for f in base.by_sentence.get((total.block, total.sentence), ()):
        if f.at >= total.at:
            break
        words, cursor = text[cursor:f.at], f.at + len(f.text)
        if f.unit != "分" or f.measure != "得分" or f.comparator or _depth(0, words) > 0:
            continue
        named = _categories_in(words, category_words)
        if not named:
            return None
        listed.append((named[-1], f))
    if listed:
        # “按照预算执行率10分、产出指标50分…的评分办法，…得分99.12分”: the list names a scoring
        # method's weights, not scores; so does a list opened by 按照 / 按 (按照决策15分、…设置指标)
        after = compact(text[listed[-1][1].at + len(listed[-1][1].text):total.at])
        opened = compact(text[:listed[0][1].at])
        if any(after.startswith("的" + w) for w in _score_lists()["method_nouns"]) \
                or any(re.search(re.escape(w) + r"[^，,；;。得]*$", opened) for w in _score_lists()["method_openers"]):
            return None
    return _distinct(listed)


def _depth(depth: int, text: str) -> int:
    """How many brackets are open after `text`."""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth


def _categories_in(text: str, words) -> list[str]:
    """The categories the words name, in the order they stand (the longest word at a place)."""
    found = []
    for word, name in words:  # longest first
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, name))
            start = text.find(word, end)
    return [name for _, _, name in sorted(found)]


def _distinct(listed: list[tuple[str, Fact]], least: int = 2) -> list[tuple[str, Fact]] | None:
    names = [n for n, _ in listed]
    return listed if len(listed) >= least and len(set(names)) == len(names) else None


def _breakdown_hit(base: FactBase, total: Fact, listed, complete: bool) -> Hit | None:
    parts = [f for _, f in listed]
    places = max(f.places for f in [total, *parts])
    exact = sum((f.value for f in parts), Decimal(0))
    # as the score tables are read (SCO003): the total stands for its printed interval; a part
    # printed with decimals for its own (9.8 of a table's 9.83), a whole-number part is exact
    slack = total.half_unit + sum((f.half_unit for f in parts if f.places), Decimal(0))
    over = exact - total.value
    if abs(over) <= slack or (not complete and over <= slack):
        return None
    shown = fmt(exact, places)
    said = "、".join(f"{name}{f.text}" for name, f in listed)
    verdict = "各部分得分之和" if complete else "所列部分得分之和已超过总分"
    return Hit(quote=base.passage(total, parts[-1]), location=total.loc, stated=total.text, expected=f"{shown}分",
               formula=f"{' + '.join(f.text for f in parts)} = {shown}分（{verdict}）",
               fields={"total": total.text, "sum": f"{shown}分", "parts": said},
               highlights=[f.loc for f in parts])


# ---- a listed category score against the score table ---------------------------------------
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


def _check_breakdown_table(doc, rule):
    """Each category score the narrative states (after the total, 其中产出指标得分49.10分; with its
    weight; or on its own, 决策类指标得分18.50分) against the report's one score table."""
    params = {**_score_lists(), **rule.params}
    words = _category_words(params)
    scores = _category_scores(doc, words)
    if not scores:
        return  # no table, or several projects' forms: which one a sentence restates is unsaid
    subject, scores = scores
    base = fact_base(doc)
    # (the scores listed after the total, 其中产出指标得分…; those stated with their weight, or alone)
    listed = [pair for total in _totals(base, params)
              for pair in _listed_parts(base, total, words, params, least=1) or ()]
    seen = {part.id for _, part in listed}
    for pair in _weighted_scores(base, words, subject) + _stated_scores(base, words, subject):
        if pair[1].id not in seen:
            listed.append(pair)
            seen.add(pair[1].id)
    for name, part in listed:
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
        return table_subject(details[0].table), _detail_scores(details[0], words)
    summary = lone_summary(doc) if not details else None
    return (table_subject(summary.table), _summary_scores(summary)) if summary is not None else None


def _detail_scores(t, words) -> dict[str, CategoryScore]:
    """Each category's scored rows summed; its points, where every row of it is scored and weighed
    (a row naming only the category it heads is counted in its indicators' points)."""
    from ...tables.score_summary import without_heads

    groups: dict[str, list] = {}
    for r in t.records:
        named = _categories_in(compact(r.level1), words)[-1:]
        if named:
            groups.setdefault(named[0], []).append(r)
    return {name: CategoryScore(
        sum((r.score for r in rows if r.score is not None), Decimal(0)), Decimal(0),
        sum((r.weight for r in without_heads(rows)), Decimal(0))
        if all(r.weight is not None and r.score is not None for r in rows) else None,
        BRACKETED_RE.sub("", rows[0].level1).strip(),
        f"表{t.table.index}「{rows[0].level1}」各指标得分之和：", " + ".join(fmt(r.score) for r in rows if r.score is not None),
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
            BRACKETED_RE.sub("", r.indicator).strip(), f"表{t.table.index}「{r.indicator}」一行的得分 {cell.text.strip()}分", "",
            (cell.loc,))
    return out


def _check_category_rate(doc, rule):
    """A category's 得分率 stated right after its score (决策类指标得分18.50分，得分率92.50%) against
    that score ÷ the category's points in the report's score table: the summary's row, or the sum
    of the detail's rows (its 分值 is the table's; the sentence states only the score). At printed
    precision: the rate's interval against the score's divided by the points."""
    params = {**_score_lists(), **rule.params}
    words = _category_words(params)
    found = _category_scores(doc, words)
    if not found:
        return
    subject, scores = found
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
# the start, as CATEGORY_SCORE_RE reads it (社会效益得分 is an indicator's), its classifier allowed
STATED_SCORE_RE = r"(?:^|(?<=[，,；;：:、。\s]))({words})(?:{classifiers})?(?:指标)?(?:合计|总)?(?:得分|得)(?:为)?\s*(\d+(?:\.\d+)?)\s*分"


def _stated_scores(base: FactBase, words, subject: str) -> list[tuple[str, Fact]]:
    """(category, score) of each category's score stated on its own, outside brackets, of this
    year and of the score table's `subject`, not a rule's condition (score_lists.rule_after_words);
    read once a document (SCO013 and SCO027 both hold them to the table)."""
    return base.remember(("category_scores_stated", subject), lambda: _read_stated_scores(base, words, subject))


def _read_stated_scores(base: FactBase, words, subject: str) -> list[tuple[str, Fact]]:
    lists = _score_lists()
    pattern = re.compile(STATED_SCORE_RE.format(words=alternatives([w for w, _ in words]),
                                                classifiers=alternatives(lists["category_classifiers"])))
    rule_after = tuple(lists["rule_after_words"])
    name_of = dict(words)
    out = []
    for text, m, score in _scores_matched(base, pattern, 2):
        if score is None or score.period != CURRENT or score.subject not in ("", subject) \
                or _depth(0, text[:m.start()]) or text[m.end():].lstrip().startswith(rule_after):
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
    pattern = _weighted_score_re(tuple(w for w, _ in words), tuple(_score_lists()["scored_words"]))
    rule_after = tuple(_score_lists()["rule_after_words"])
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


# ---- a part's score against the points it is out of, both in the text ----------------------
def _check_cap(doc, rule):
    """A score stated right after the points its part is out of (产出指标（50分）得分46分; 满意度
    指标10分，得12分; 权重10分，实际得分9分), or right before them in brackets (产出指标得分42分
    （分值40分）), cannot exceed them. The two figures stand in one clause, nothing but brackets,
    punctuation and the words stating the score between them."""
    base = fact_base(doc)
    scored = _score_lists()["scored_words"]
    weight_after = re.compile(r"\s*[（(]\s*(?:" + "|".join(map(re.escape, rule.params["weight_words"]))
                              + r")\s*(?:为|：|:)?\s*")  # 得分42分（分值40分）
    for facts in base.by_sentence.values():
        for k, first in enumerate(facts):
            # the next figure in points after the first (figures of other units may stand between:
            # 满意度指标（权重10分）：…调查结果为96%，得10.5分)
            second = next((f for f in facts[k + 1:] if f.unit == "分"), None)
            if second is None or first.unit != "分" or first.comparator or second.comparator:
                continue
            gap = base.sentences[(second.block, second.sentence)][first.at + len(first.text):second.at]
            if (first.measure, second.measure) == ("得分", "分值") and weight_after.fullmatch(gap):
                score, weight = first, second  # the weight in brackets right after the score
            elif (first.measure, second.measure) == ("分值", "得分") and _scored_after(
                    gap, [f for f in facts[k + 1:] if f.at < second.at], scored):
                weight, score = first, second
            else:
                continue
            yield from _capped(base, weight, score, base.span(first, second))
    for weight, score in _run_in_weights(doc, base, rule.params["applying_words"]):
        yield from _capped(base, weight, score, score.quote)


def _capped(base, weight, score, quote: str):
    yield CHECKED
    if score.value > weight.value:
        yield Hit(quote=quote, location=score.loc, stated=score.text,
                  expected=f"不超过 {weight.text}", formula=f"得分 {score.text} > 分值 {weight.text}",
                  fields={"score": score.text, "weight": weight.text}, highlights=[weight.loc])


RUN_IN_CHARS = 30  # at most this long, a paragraph's first sentence is its run-in heading


def _run_in_weights(doc, base, applying: list[str]):
    """(points, score) of a numbered paragraph whose run-in heading states a part's points and
    nothing else in 分 (（四）满意度指标（分值10分）。…，该项得10.5分。): the one score the rest of the
    paragraph states is that part's."""
    for index, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph) or not block.token or len(block.sentences) < 2:
            continue
        head = base.by_sentence.get((index, 0), ())
        points = [f for f in head if f.unit == "分"]
        if len(points) != 1 or points[0].measure != "分值" or len(block.sentences[0].text) > RUN_IN_CHARS:
            continue
        scores = [(k, f) for k in range(1, len(block.sentences)) for f in base.by_sentence.get((index, k), ())
                  if f.unit == "分" and not f.comparator]
        if len(scores) != 1:
            continue
        k, score = scores[0]
        # the item's own score (该项得10.5分), no other thing's (产出指标得分38分, 本项目自评得分92分)
        text = base.sentences.get((index, k), "")
        if score.measure == "得分" and not score.concept \
                and _applies_to_item(text[max(0, score.at - SCORED_REACH):score.at], applying):
            yield points[0], score


def _scored_after(gap: str, between: list, scored) -> bool:
    """The words between a weight and the score after it state nothing else: only brackets,
    punctuation and the words stating a score; with figures of other units between, a short gap
    with a word of scoring and no 其中 (a part's score)."""
    if not between:
        return not _strip_words(gap, scored).strip("（）()，,：: 为了")
    # (（权重21分，得分率83.3%），产出指标得分26.5分: the weight's bracket closed and a clause
    # after it began, the score is the next part's)
    return len(gap) <= CAP_GAP_CHARS and not any(w in gap for w in lexicon().list_openers) \
        and _strip_words(gap, scored) != gap and not BRACKET_CLOSED_CLAUSE_RE.search(gap)


BRACKET_CLOSED_CLAUSE_RE = re.compile(r"[）)]\s*[，,；;]")


# ---- an execution score stated in prose against the proportional rule stated with it ----------
def _validate_proportional() -> str | None:
    pattern = (concepts().get("execution_scoring") or {}).get("proportional")
    try:
        re.compile(pattern or "")
    except re.error as exc:
        return f"concepts.yaml 的 execution_scoring.proportional 不是有效的正则表达式：{exc}"
    return None if pattern else "concepts.yaml 的 execution_scoring.proportional 不能为空"


def _check_execution_text(doc, rule):
    """“预算执行率（10分）：…执行率94.64%，按“执行率×分值”计分，本项得9.80分”: the score is the
    points × the rate (at most 100%), where the sentence states the rule (concepts.yaml
    execution_scoring `proportional`), the rate, the points and the score. The product is an
    interval as wide as the printed rate allows; the score its own printed interval."""
    pattern = (concepts().get("execution_scoring") or {}).get("proportional")
    if not pattern:
        return
    proportional = re.compile(pattern)
    base = fact_base(doc)
    for key, facts in base.by_sentence.items():
        text = base.sentences.get(key, "")
        if not proportional.search(text):
            continue
        found = _execution_terms(text, facts, base) or _scored_next(base, key, facts, rule.params["applying_words"])
        if found is None:
            continue
        weight, rate, score = found
        yield CHECKED
        lo, hi = rate.interval()
        lo, hi = weight.value * min(lo, Decimal(100)) / 100, weight.value * min(hi, Decimal(100)) / 100
        s_lo, s_hi = score.interval()
        if s_lo <= hi and lo <= s_hi:
            continue
        expected = weight.value * min(rate.value, Decimal(100)) / 100
        shown = fmt(expected, max(score.places, 2))
        yield Hit(quote=base.span(weight, score), location=score.loc, stated=score.text, expected=f"{shown}分",
                  formula=f"分值 {weight.text}{f'（{weight.where()}）' if weight.source == 'table' else ''} × 执行率 "
                          f"{rate.text}（超过100%按100%计）= {shown}分",
                  fields={"total": score.text, "sum": f"{shown}分", "parts": f"分值{weight.text}×执行率{rate.text}"},
                  highlights=[weight.loc, rate.loc])


def _execution_terms(text: str, facts, base: FactBase) -> tuple[Fact, Fact, Fact] | None:
    """(points, rate, score) of the sentence: the execution rate, the points before it (the
    first figure in 分, 预算执行率（10分）/ 分值10分) and the score after it (得9.80分). A
    sentence stating no rate takes the one the document states for the unit, if only one."""
    rate = next((f for f in facts if f.concept == "预算执行率" and f.unit == "%" and not f.comparator), None)
    here = rate is not None
    rate = rate or _document_rate(base)
    if rate is None:
        return None
    at = rate.at if here else 0
    # (not a score said as such before the rate: 预算执行率指标得分9.5分，…预算执行率95.00%，…计得9.5分;
    # 最高可得10分 is the weight)
    lists = _score_lists()
    scored, possible = tuple(lists["scored_words"]), tuple(lists["possible_points_words"])
    # (nor the points taken off: 预算执行率扣0.40分：…得4.60分)
    deducted = tuple(lists.get("deduction_words") or ())
    weight = next((f for f in facts if f.unit == "分" and (f.at < at or not here) and not f.comparator
                   and (not compact(f.label).rstrip("为：:").endswith(scored)
                        or any(w in f.label for w in possible))
                   and not compact(f.label).rstrip("了").endswith(deducted)), None)
    score = next((f for f in reversed(facts) if f.unit == "分" and f.at > at and f is not weight and not f.comparator
                  and "得" in text[max(0, f.at - 6):f.at]), None)
    if weight is None and score is not None:
        # the points in brackets after the score (该项得分9.20分（分值10分）)
        weight = next((f for f in facts if f.unit == "分" and f.at > score.at and not f.comparator
                       and text[score.at + len(score.text):f.at].strip("（(：: ").endswith(WEIGHT_WORDS)), None)
    if weight is None and score is not None and here:
        # “执行率97.60%，按执行率×分值计分，得9.86分”: the points are the form's, in its execution row
        weight = _execution_weight(base)
    if weight is None or score is None or weight.value <= 0:
        return None
    return weight, rate, score


WEIGHT_WORDS = ("分值", "权重", "满分")  # words naming the points a score is out of
APPLYING_REACH = 8  # the characters at a sentence's start that may say it applies the rule before


def _scored_next(base: FactBase, key: tuple, facts: list[Fact], applying: list[str]) -> tuple[Fact, Fact, Fact] | None:
    """(points, rate, score) of a rule stated with its points in one sentence and applied in the
    next (分值20分，评分规则为：得分=预算执行率×分值。按此规则，该项得20分): the next sentence opens
    by saying so and states one score; the rate is the sentence's, else the one the document
    states for the unit."""
    points = [f for f in facts if f.unit == "分" and not f.comparator]
    after = (key[0], key[1] + 1)
    text = base.sentences.get(after, "")
    if len(points) != 1 or points[0].value <= 0 or not _applies_to_item(text[:APPLYING_REACH], applying):
        return None
    rate = next((f for f in facts if f.concept == "预算执行率" and f.unit == "%" and not f.comparator), None) \
        or _document_rate(base)
    scores = [f for f in base.by_sentence.get(after, ()) if f.unit == "分" and not f.comparator
              and "得" in text[max(0, f.at - SCORED_REACH):f.at]]
    return (points[0], rate, scores[0]) if rate is not None and len(scores) == 1 and not scores[0].concept else None


SCORED_REACH = 6  # the characters before a score that say it is scored (该项得, 得分为)


def _applies_to_item(words: str, applying: list[str]) -> bool:
    """The words name the item just told of (按此, 该项, 本项), not the project (本项目, 该项目)."""
    return any(w in words and not words[words.find(w) + len(w):].startswith("目") for w in applying)


def _execution_weight(base: FactBase) -> Fact | None:
    """The points of the execution row of the document's tables (项目资金 | … | 分值 10 | 执行率
    97.60% | 得分): the 分值 of a table row that also states the execution rate and a score, when
    all such rows agree on one value."""
    def find() -> Fact | None:
        rows: dict[tuple, list[Fact]] = {}
        for f in base.facts:
            if f.source == "table":
                rows.setdefault((f.block, f.loc.row), []).append(f)
        weights = [f for row in rows.values()
                   if any(x.concept == "预算执行率" and x.unit == "%" for x in row) and any(x.measure == "得分" for x in row)
                   for f in row if f.measure == "分值" and f.unit == "分"]
        return weights[0] if weights and all(w.value == weights[0].value for w in weights) else None
    return base.remember(("execution row weight",), find)


def _document_rate(base: FactBase) -> Fact | None:
    """The unit's execution rate, when every statement of it agrees on one value."""
    rates = [f for f in base.of("预算执行率", "实际值", CURRENT)
             if f.unit == "%" and not f.member and not f.subject and not f.comparator]
    return rates[0] if rates and all(f.value == rates[0].value for f in rates) else None


# ---- the weights of a complete set of categories add up to the full score -------------------
WEIGHT_CUE_RE = re.compile(r"权重|分值|满分|分配|设置|设定|设立|指标体系|构成")  # (设置四类一级指标，其中…10分)
POINTS_RE = re.compile(r"\d+(?:\.\d+)?\s*分(?!值)")
CATEGORY_POINTS_RE = r"({words})(?:{classifiers})?(?:指标)?(?:权重|分值)?(?:为|占)?\s*(\d+(?:\.\d+)?)\s*分"
# the points the list makes, stated with it (满分100分): score_lists total_points_words before them
TOTAL_POINTS_RE = r"(?:{words})(?:为|是)?\s*(\d+(?:\.\d+)?)\s*分"


def _check_weights_text(doc, rule):
    """“指标体系权重为：预算执行率10分，产出指标50分，效益指标30分，满意度指标20分”: the points of a
    complete set of first-level categories (score_lists complete_sets) make up the full score
    (concepts.yaml full_score). A sentence stating what was scored (得) is no list of weights."""
    default_full = Decimal(str(concepts().get("full_score", 100)))
    base = fact_base(doc)
    for key, text, listed, stated_full in _weight_lists(base):
        yield CHECKED
        full = stated_full if stated_full is not None else default_full
        total = sum((v for _, v, _ in listed), Decimal(0))
        if total == full:
            continue
        facts = base.by_sentence.get(key)
        if not facts:
            continue
        start, end = listed[0][2].start(), listed[-1][2].end()
        shown, whole = _points(total), _points(full)
        yield Hit(quote=text[start:end], location=facts[0].loc, stated=shown, expected=whole,
                  formula=" + ".join(f"{m.group(1)} {_points(v)}" for _, v, m in listed) + f" = {shown}",
                  fields={"total": whole, "sum": shown, "parts": "、".join(m.group(0) for _, _, m in listed)})


RESPECTIVE_POINTS_RE = re.compile(r"分别(?:为|是|得分为?|得)?\s*((?:\d+(?:\.\d+)?\s*分\s*[、，,和及]?\s*)+)")
NAMES_BEFORE = 40  # characters before 分别 its list of names may stand in


def _respective_points(text: str, words) -> list[tuple[list[tuple[str, Decimal]], bool]]:
    """(the (category, points) pairs, whether they are scores) of each list naming categories
    and then their points 分别 (决策、过程、产出、效益四类指标，分值分别为10分、20分、40分、30分;
    …效益指标分别得分9分、18分、42分、17.5分): the names in order, as many as the figures."""
    out = []
    for m in RESPECTIVE_POINTS_RE.finditer(text):
        before = text[max(0, m.start() - NAMES_BEFORE):m.start()]
        before = re.split(r"[。；;：:]", before)[-1]
        names = _categories_in(before, words)
        points = [Decimal(x) for x in re.findall(r"(\d+(?:\.\d+)?)\s*分", m.group(1))]
        if len(names) >= 2 and len(names) == len(points) and len(set(names)) == len(names):
            scored = "得" in text[m.start():m.start(1)] or ("得" in before and not WEIGHT_CUE_RE.search(before))
            out.append((list(zip(names, points)), scored))
    return out


def _weight_lists(base: FactBase):
    """(sentence key, text, [(category, points, match)]) of each sentence listing the weights of a
    complete set of first-level categories (no 得 in it: scores are no weights)."""
    params = _score_lists()
    words = _category_words(params)
    pattern = re.compile(CATEGORY_POINTS_RE.format(words="|".join(re.escape(w) for w, _ in words),
                                                   classifiers=alternatives(params["category_classifiers"])))
    total_pattern = re.compile(TOTAL_POINTS_RE.format(words=alternatives(params["total_points_words"])))
    name_of = dict(words)
    sets = [set(x) for x in params["complete_sets"]]
    closing = tuple(params["list_closing_words"])
    for key, text in base.sentences.items():
        if not WEIGHT_CUE_RE.search(text) or "得" in text:
            continue
        listed = [(name_of[m.group(1)], Decimal(m.group(2)), m) for m in pattern.finditer(text)]
        names = [n for n, _, _ in listed]
        if len(listed) < 3 or len(set(names)) != len(names) \
                or not any(s <= set(names) <= s | set(params["optional"]) for s in sets):
            continue
        # (the list's own total right after its last item, 效益指标20分，满分100分; not one of another
        # thing's, …，其中满意度指标满分10分, nor one below an item's points)
        stated = [m for m in total_pattern.finditer(text) if m.start() >= listed[-1][2].end()
                  and text[listed[-1][2].end():m.start()].strip("，,；; ") in ("", *closing)
                  and Decimal(m.group(1)) >= max(v for _, v, _ in listed)]
        if len(POINTS_RE.findall(text, listed[0][2].start())) != len(listed) + len(stated[:1]):
            continue  # a category the vocabulary does not know is listed too (管理指标10分)
        yield key, text, listed, Decimal(stated[0].group(1)) if stated else None


# a category's score in words: 效益指标合计得分32.5分 (after a break or at the start: 社会效益得分 is
# an indicator's)
CATEGORY_SCORE_RE = r"(?:^|(?<=[，,；;：:、。（(\s]))({words})(?:指标)?(?:合计|小计|总)?(?:得分|得)(?:为)?\s*(\d+(?:\.\d+)?)\s*分"


def _check_weights_exceeded(doc, rule):
    """A first-level category's score stated in words above the weight the report's own list of
    weights gives it (效益30分 … 效益指标合计得分32.5分)."""
    base = fact_base(doc)
    weights: dict[str, Decimal] = {}
    words = _category_words(_score_lists())
    respective = [(key, pairs, scored) for key, text in base.sentences.items() if "分别" in text
                  for pairs, scored in _respective_points(text, words)]
    stated = [[(name, points) for name, points, _m in listed] for _key, _text, listed, _full in _weight_lists(base)]
    for listed in stated + [pairs for _key, pairs, scored in respective if not scored]:
        for name, points in listed:
            if weights.setdefault(name, points) != points:
                return  # two lists disagree: another rule's finding (a weight is not known)
    if not weights:
        return
    for key, pairs, scored in respective:
        for name, score in (pairs if scored else ()):
            if name not in weights:
                continue
            yield CHECKED
            if score > weights[name]:
                text = base.sentences.get(key, "")
                facts = base.by_sentence.get(key)
                yield Hit(quote=text.strip()[:120], location=facts[0].loc if facts else doc.blocks[key[0]].loc,
                          stated=_points(score), expected=f"≤ {_points(weights[name])}",
                          formula=f"{name}的权重为 {_points(weights[name])}，得分 {_points(score)} 超过权重",
                          fields={"total": _points(weights[name]), "sum": _points(score), "parts": name})
    pattern = re.compile(CATEGORY_SCORE_RE.format(words="|".join(re.escape(w) for w, _ in words)))
    name_of = dict(words)
    for key, text in base.sentences.items():
        if "得" not in text:
            continue
        for m in pattern.finditer(text):
            name, score = name_of[m.group(1)], Decimal(m.group(2))
            if name not in weights:
                continue
            yield CHECKED
            if score <= weights[name]:
                continue
            facts = base.by_sentence.get(key)
            yield Hit(quote=m.group(0), location=facts[0].loc if facts else doc.blocks[key[0]].loc,
                      stated=_points(score), expected=f"≤ {_points(weights[name])}",
                      formula=f"{m.group(1)}的权重为 {_points(weights[name])}，得分 {_points(score)} 超过权重",
                      fields={"total": _points(weights[name]), "sum": _points(score), "parts": m.group(1)})


def _points(value: Decimal) -> str:
    """Points as a report prints them: 110分, 7.5分."""
    return f"{value.normalize():f}分"


CAP_GAP_CHARS = 40  # a score this far or less after its weight, other figures between


def _strip_words(text: str, words) -> str:
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, "")
    return text


# ---- the total score against the full score ---------------------------------------------------
def _check_total_cap(doc, rule):
    """A self-evaluation total stated in the text (自评得分109.79分) cannot exceed the full score:
    the one the report states for the total (满分100分, 总分值100分), else concepts.yaml
    full_score. Not where the report speaks of bonus points (加分: a scheme that may go above it)."""
    base = fact_base(doc)
    text = "".join(base.sentences.values())
    if any(w in text for w in rule.params["bonus_words"]):
        return
    concept = rule.params["score_concept"]
    stated = [f for f in base.facts if f.unit == "分" and f.source == "text" and not f.comparator and (
        (f.measure == "分值" and f.concept == concept)
        or any(w in compact(f.label).rsplit("，", 1)[-1] for w in rule.params["full_words"]))]
    # (never below the vocabulary's: a part's 满分 or a scored 得满分 is no full score of the total)
    default = Decimal(str(concepts().get("full_score", 100)))
    stated = [f for f in stated if f.value > default]
    full = max((f.value for f in stated), default=default)
    for total in _totals(base, rule.params):
        yield CHECKED
        if total.value > full:
            where = f"（{stated[0].where()}）" if stated else "（满分按百分制）"
            yield Hit(quote=total.quote, location=total.loc, stated=total.text, expected=f"不超过 {_plain(full)}分",
                      formula=f"自评得分 {total.text} > 满分 {_plain(full)}分{where}",
                      fields={"score": total.text, "weight": f"{_plain(full)}分"})


CHECKS = {"grade": _check_grade, "breakdown": _check_breakdown, "breakdown_table": _check_breakdown_table,
          "cap": _check_cap, "execution_text": _check_execution_text, "weights_text": _check_weights_text,
          "weights_exceeded": _check_weights_exceeded, "category_rate": _check_category_rate,
          "total_cap": _check_total_cap}
