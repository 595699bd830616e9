"""The grades of kind `score_statement` and their bands: the words of the grades and the patterns
finding a stated grade or band (Grades, built once per rule), a band of scores (Band: a default
one, or the report's own), and the sentences and table rows where a report sets out its bands,
comparison signs read as words (≥90 as 90分（含）以上)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...facts.base import FactBase
from ...facts.numbers import RANGE_JOINER, normalize_digits, plain
from ...knowledge import compact
from ..base import table_start


NUMBER = r"(\d+(?:\.\d+)?)"

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
            return f"{plain(self.low)}分（含）至{plain(self.below)}分为{self.shown}"
        if self.low is not None:
            return f"{plain(self.low)}分（含）以上为{self.shown}"
        return f"{plain(self.below)}分以下为{self.shown}"


class Grades:
    """The words of the grades and the patterns that find them, built once per rule."""

    def __init__(self, params: dict):
        self.name_of = {w: g["name"] for g in params["grades"] for w in g["words"]}
        # (a grade with no band of its own, an ex-ante evaluation's 予以支持, is judged by the report's bands only)
        self.default = [Band(g["name"], _dec(g.get("min")), _dec(g.get("below")), False) for g in params["grades"]
                        if "min" in g or "below" in g]
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
        # “…的为优”, “…以上的，评价等级为“优””; a grade of a phrase's length needs no 为 (85分（含）以上予以支持)
        spelled = "|".join(re.escape(w) for w in sorted(self.name_of, key=len, reverse=True) if len(w) >= SPELLED_GRADE)
        bare = f"|{QUOTE_OPEN}({spelled}){QUOTE_CLOSE}" if spelled else ""
        after = f"\\s*(?:的|者)?[，,]?\\s*(?:(?:{cue})?\\s*(?:为|评为|定为|属于)\\s*{grade}{bare})"
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


SPELLED_GRADE = 4  # characters of a grade that is a phrase (予以支持, 不予支持): named with no 为 before it


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


# a band statement bounds its scores: one of these words stands in it (90分以上, 80-89分, 至)
BAND_MARKS = ("以上", "以下", "以内", "至", "到", "-", "—", "–", "~", "～")


def band_sentences(base: FactBase) -> str:
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


def table_bands(doc, grades: Grades) -> list[str]:
    """Bands a table sets out, as band statements (“85分（含）以上为优”): a grade and its band in one
    row (优 | 90分（含）以上), or the grades across a row and their bands under them in the next
    (优 | 良 | 中 | 差 over ≥90 | 80≤得分<90 | …). A cell is a band when it bounds a score: a figure
    and a band mark or a comparison sign."""
    out: list[str] = []
    for table in doc.tables:
        if not grades.any_cue.search(f"{table.title}\n{table_start(table, HEAD_CHARS)}"):
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
