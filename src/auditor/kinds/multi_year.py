"""Kind `multi_year`: claims about a series of years against the series the document states.

Sub-checks (param `check`):
- compound_growth: 年均增长 P% over a span (2022年至2024年, 近三年, 较2022年, “十四五”以来; a
  table's first and last year columns) = (end ÷ start)^(1/n) − 1, n the years between; when the
  printed P equals the total growth ÷ n instead, the finding says it looks like a simple average.
- trend: 逐年增长 / 连续N年下降 …: every year-on-year step of the thing's series goes that way.
The series is a sentence's figures each named by its year (2022年2,945.12万元、2023年…), or a
分别 list after its years (2022年、2023年、2024年分别为…; 2022年至2024年…分别为…), else the row
(or column) of a table headed by years whose name is the thing's. Where the figures of the years
needed are not all stated, nothing is judged. Intervals: every printed figure ± half its last digit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..facts.base import Fact, FactBase, fact_base
from ..facts.base.model import SPAN, RATE_AND_POINT_UNITS as RATE_UNITS
from ..facts.base.words import YEAR_RE
from ..facts.numbers import count_word, to_decimal
from ..facts.spans import RECENT_YEARS_RE, SPAN_YEARS_RE, named_span
from ..knowledge import compact
from ..model import Location
from .base import CHECKED, Hit, invalid_setting

KIND = "multi_year"
PARAMS = {
    "check": (str, None),
    # compound_growth: words of an average yearly change, rising and falling (年均增长, 年均下降)
    "growth_words": (list, []), "decline_words": (list, []),
    # trend: regexes of a trend rising and falling (group `n`: the years of 连续N年)
    "rise_pattern": (str, "(?!)"), "fall_pattern": (str, "(?!)"),
    # the words before a trend word that name no thing (保持, 持续) and that deny it (未, 并非)
    "filler_words": (list, []), "negations": (list, []),
    # the row names of a table's whole (合计): its row is the thing the table's title names
    "sum_words": (list, []),
}
MESSAGE_FIELDS = {"what", "claim", "computed", "note"}
YEAR_HEAD_RE = re.compile(r"^((?:19|20)\d\d)年度?$")
# a year a rate is said against (较2022年年均增长…, 自2022年以来)
SINCE_RE = re.compile(r"[较比自从]\s*((?:19|20)\d\d)\s*年")
NUMBER_RE = re.compile(r"^-?\d+(?:,\d{3})*(?:\.\d+)?$")
LIST_GAP_RE = re.compile(r"^\s*[、，,和及与]\s*$")
YEARS_GAP = 12  # the most characters between a year and the figure it names (2024年完成培训4,210人次)


@dataclass(frozen=True)
class Point:
    year: int
    lo: Decimal
    hi: Decimal
    text: str
    loc: Location


@dataclass
class Series:
    name: str
    unit: str
    points: dict  # year -> Point


def validate(params: dict) -> str | None:
    return invalid_setting(params, CHECKS, ("rise_pattern", "fall_pattern"))


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, fact_base(doc), rule)


# ---- the series a document states ------------------------------------------------------
def sentence_series(base: FactBase, block: int, index: int, text: str) -> Series | None:
    """The figures of one sentence each named by a year, alone or in a 分别 list; None unless
    at least two years, each once, all in one unit."""
    facts = [f for f in _sentence_facts(base).get((block, index), ()) if f.unit
             and f.unit not in RATE_UNITS and f.measure not in ("变动额", "变动率")]
    points: dict[int, Fact] = {}
    names: list[str] = []  # the words between each year and its figure (2023年收入…, 2024年支出…)
    end = 0
    k = 0
    while k < len(facts):
        f = facts[k]
        respective = text.rfind("分别", end, f.at)
        if respective >= 0:
            run = _list_run(text, facts, k)
            years = _years_before(text, end, respective)
            if len(years) == len(run):
                for year, g in zip(years, run):
                    points.setdefault(year, g)
            end, k = run[-1].at + len(run[-1].text), k + len(run)
            continue
        year = _year_naming(text, end, f.at)
        if year is not None and year not in points:
            points[year] = f
            names.append(_bare(YEAR_RE.split(text[end:f.at])[-1]).strip("，,、：:为是达到完成共计其中"))
        end, k = f.at + len(f.text), k + 1
    if len(points) < 2 or len({f.unit for f in points.values()}) != 1 or not _one_thing(names):
        return None
    unit = next(iter(points.values())).unit
    return Series("", unit, {y: Point(y, *f.interval(), f.text, f.loc) for y, f in points.items()})


def _one_thing(names: list[str]) -> bool:
    """The words naming the years' figures name one thing: each, where any, within another
    (2022年完成培训…，2024年完成… yes; 2023年收入…，2024年支出… no: two things, no series)."""
    named = [n for n in names if n]
    return all(a in b or b in a for a in named for b in named)


def _sentence_facts(base: FactBase) -> dict:
    """The text figures of each sentence, those of a span of years (多年, in no index of the
    fact base: 2022—2024年…分别为…) too; built once per document."""
    cached = getattr(base, "_multi_year_sentences", None)
    if cached is None:
        cached = {}
        for f in base.facts:
            if f.source == "text" and f.comparator in ("", SPAN):
                cached.setdefault((f.block, f.sentence), []).append(f)
        base._multi_year_sentences = cached
    return cached


def _year_naming(text: str, start: int, at: int) -> int | None:
    """The one year naming the figure at `at` in its clause (…，其中2022年1,000.00万元; 2024年完成
    培训4,210人次): no other year or figure between them, at most YEARS_GAP characters apart."""
    years = list(YEAR_RE.finditer(text, start, at))
    if not years:
        return None
    last = years[-1]
    clause = max(start, max(text.rfind(c, start, last.start()) for c in "，,；;。、：:") + 1)
    between = text[last.end():at]
    if at - last.end() > YEARS_GAP or re.search(r"[\d，,；;。、]", between) \
            or len(YEAR_RE.findall(text, clause, at)) != 1 or re.search(r"\d", YEAR_RE.sub("", text[clause:last.start()])):
        return None
    return int(last.group(1))


def _list_run(text: str, facts: list[Fact], k: int) -> list[Fact]:
    """The figures listed one after another from facts[k] (18.60万元、16.42万元、15.08万元)."""
    run = [facts[k]]
    for f in facts[k + 1:]:
        last = run[-1]
        if not LIST_GAP_RE.match(text[last.at + len(last.text):f.at]):
            break
        run.append(f)
    return run


def _years_before(text: str, start: int, at: int) -> list[int]:
    """The years a 分别 list is of: listed (2022年、2023年) or a span (2022年至2024年) before it."""
    span = list(SPAN_YEARS_RE.finditer(text, start, at))
    if span:
        first, last = int(span[-1].group(1)), int(span[-1].group(2))
        return list(range(first, last + 1)) if 0 < last - first < 30 else []
    return [int(y) for y in YEAR_RE.findall(text, start, at)]


def table_series(doc) -> list[Series]:
    """Each row of a table whose head names years (指标 | 2022年 | 2023年 | 2024年), and each column
    of one whose rows are years (年度 | 支出决算 …), as a series named by its row's (column's) words."""
    return [s for table in doc.tables for s in _series_of(table)]


def _series_of(table) -> list[Series]:
    """A table's series, by rows and by columns."""
    return [s for grid in _grids(table) for s in _grid_series(table, grid)]


def _grids(table) -> tuple[list, list]:
    """A table's cells (text, location) by rows, and by columns."""
    grid = [[(c.text, c.loc) for c in row] for row in table.rows]
    width = max((len(r) for r in grid), default=0)
    return grid, [[r[j] if j < len(r) else ("", table.loc) for r in grid] for j in range(width)]


def _grid_series(table, grid) -> list[Series]:
    """The series of the rows below the first row (of the first four) naming at least two years."""
    for h, head in enumerate(grid[:4]):
        years = {j: int(m.group(1)) for j, (text, _) in enumerate(head) if (m := YEAR_HEAD_RE.match(compact(text)))}
        if len(years) >= 2:
            break
    else:
        return []
    out = []
    for row in grid[h + 1:]:
        name = compact(row[0][0]) if row else ""
        points = {}
        for j, year in years.items():
            point = _cell_point(year, *row[j]) if j < len(row) else None
            if point is not None:
                points[year] = point
        if name and len(points) == len(years):
            out.append(Series(name, table.unit or "", points))
    return out


def _cell_point(year: int, text: str, loc: Location) -> Point | None:
    plain = text.strip()
    if not NUMBER_RE.match(plain):
        return None
    value = to_decimal(plain)
    places = len(plain.split(".")[1]) if "." in plain else 0
    half = Decimal(5) / Decimal(10) ** (places + 1)
    return Point(year, value - half, value + half, plain, loc)


def _table_series_named(doc, subject: str, rule) -> Series | None:
    """The one table series the words name: its row's own words, or the table's whole (合计) row
    where the table's title names the thing; None when none or several differ."""
    thing = _bare(subject)
    if len(thing) < 2:
        return None
    found = []
    for series in _cached_table_series(doc):
        name = _bare(series.name)
        if len(name) >= 2 and (name in thing or thing in name):
            found.append(series)
    if not found:
        for table in doc.tables:
            if thing in _bare(table.title):
                found += [s for s in _series_of(table) if s.name in rule.params["sum_words"]]
    values = {tuple(sorted((y, p.text) for y, p in s.points.items())) for s in found}
    return found[0] if len(values) == 1 else None


def _cached_table_series(doc) -> list[Series]:
    cached = getattr(doc, "_multi_year_series", None)
    if cached is None:
        cached = table_series(doc)
        doc._multi_year_series = cached
    return cached


def _bare(words: str) -> str:
    return re.sub(r"[“”\"'‘’（）()\s]", "", compact(words or ""))


def _series_for(doc, base: FactBase, block: int, index: int, subject: str, years: set[int], rule) -> Series | None:
    """The series holding `years` the claim at (block, index) is about: its sentence's, else an
    earlier sentence's of its paragraph (the nearest), else the table row its words name."""
    for k in range(index, max(-1, index - SENTENCES_BACK), -1):
        text = base.sentences.get((block, k))
        series = sentence_series(base, block, k, text) if text else None
        if series is not None and years <= series.points.keys():
            return series
    series = _table_series_named(doc, subject, rule)
    return series if series is not None and years <= series.points.keys() else None


SENTENCES_BACK = 4  # sentences of the paragraph looked back over for the series a claim is about


def _subject(text: str, at: int, rule) -> str:
    """The words naming the thing in the claim's clause before `at`, fillers and years left out."""
    start = max(text.rfind(c, 0, at) for c in "，,；;。：:") + 1
    words = SPAN_YEARS_RE.sub("", text[start:at])
    words = YEAR_RE.sub("", RECENT_YEARS_RE.sub("", words))
    for w in sorted(rule.params["filler_words"], key=len, reverse=True):
        words = words.replace(w, "")
    return words.strip()


# ---- compound growth -------------------------------------------------------------------
def _span(text: str, at: int, year: int | None, rule) -> tuple[int, int] | None:
    """The first and last year the words before `at` in the sentence name (facts/spans.py), or the
    year a rate is said against (较2022年年均增长…) to the report's."""
    span = named_span(text, 0, at, year)
    if span is not None:
        return span.first, span.last
    since = list(SINCE_RE.finditer(text, 0, at))
    return (int(since[-1].group(1)), year) if since and year else None


def compound_growth(doc, base: FactBase, rule):
    words = rule.params["growth_words"] + rule.params["decline_words"]
    if not words:
        return
    stated_re = re.compile(rf"(?P<word>{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})"
                           r"率?(?:为|达到?|约)?\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％]")
    year = doc.meta.get("report_year")
    for (block, index), text in base.sentences.items():
        if "年均" not in text and "年平均" not in text:
            continue  # (most sentences: no search)
        for m in stated_re.finditer(text):
            span = _span(text, m.start(), year, rule)
            if span is None or not 0 < span[1] - span[0] < 30:
                continue
            series = _series_for(doc, base, block, index, _subject(text, m.start(), rule), set(span), rule)
            if series is None:
                continue
            sign = -1 if m.group("word") in rule.params["decline_words"] else 1
            loc = _location(base, block, index, m.start("rate"), m.end())
            rate = Point(0, *_rate_interval(m.group("rate"), sign), m.group(0), loc)
            if loc is None:
                continue
            hit = _compound_hit(series, span, rate, m.group(0), loc, text[m.start():m.end()])
            yield CHECKED
            if hit is not None:
                yield hit
    # (one alternation of the words, asked of each head cell: `any(w in text for w in words)`)
    words_re = re.compile("|".join(map(re.escape, words)))
    for table in doc.tables:
        yield from _table_compound(table, rule, words_re)


def _location(base: FactBase, block: int, index: int, start: int, end: int) -> Location | None:
    """Where the claim stands: the fact within its words, else its sentence's first fact."""
    facts = _sentence_facts(base).get((block, index), ())
    own = next((f for f in facts if start - 1 <= f.at <= end), None)
    return (own or facts[0]).loc if (own or facts) else None


def _rate_interval(printed: str, sign: int) -> tuple[Decimal, Decimal]:
    value = Decimal(printed)
    places = len(printed.split(".")[1]) if "." in printed else 0
    half = Decimal(5) / Decimal(10) ** (places + 1)
    lo, hi = (value - half) / 100 * sign, (value + half) / 100 * sign
    return min(lo, hi), max(lo, hi)


def _compound_hit(series: Series, span: tuple[int, int], rate: Point, stated: str, loc: Location, quote: str) -> Hit | None:
    start, end = series.points[span[0]], series.points[span[1]]
    n = span[1] - span[0]
    if start.lo <= 0 or end.lo <= 0:
        return None
    low, high = _root(end.lo / start.hi, n) - 1, _root(end.hi / start.lo, n) - 1
    if rate.lo <= high and low <= rate.hi:
        return None
    middle = _root((end.lo + end.hi) / (start.lo + start.hi), n) - 1
    simple = ((end.lo / start.hi) - 1) / n, ((end.hi / start.lo) - 1) / n
    note = "，疑为简单平均（总增幅÷年数）" if rate.lo <= simple[1] and simple[0] <= rate.hi else ""
    computed = f"{middle * 100:.2f}%"
    what = f"{span[0]}—{span[1]}年{series.name}"
    return Hit(quote=quote, location=loc, stated=stated, expected=computed,
               formula=f"({end.text} ÷ {start.text})^(1/{n}) − 1 = {computed}{note}",
               fields={"what": what, "claim": stated, "computed": computed, "note": note},
               highlights=[start.loc, end.loc])


def _root(x: Decimal, n: int) -> Decimal:
    return x ** (Decimal(1) / Decimal(n)) if n > 1 else x


def _table_compound(table, rule, words_re: re.Pattern):
    """A table column (or row) headed 年均增长 beside the years' columns (rows): each row's figure
    against the compound rate from its first to its last year."""
    cells = [text for row in table.grid() for text in row]
    # (most tables: no rate head, and their cells' locations need not be made; a word in a cell is
    # in the cells' text run together too, compacted as each is, so most are told by one search)
    if not words_re.search(compact("".join(cells))) or not any(words_re.search(compact(text)) for text in cells):
        return
    for g in _grids(table):
        for h, head in enumerate(g[:4]):
            heads = [compact(text) for text, _ in head]
            years = {j: int(m.group(1)) for j, text in enumerate(heads) if (m := YEAR_HEAD_RE.match(text))}
            rates = [j for j, text in enumerate(heads) if words_re.search(text)]
            if len(years) >= 2 and len(rates) == 1:
                break
        else:
            continue
        first, last = min(years.values()), max(years.values())
        column = {y: j for j, y in years.items()}
        sign = -1 if any(w in compact(head[rates[0]][0]) for w in rule.params["decline_words"]) else 1
        for row in g[h + 1:]:
            if len(row) <= max(rates[0], *column.values()):
                continue
            printed = row[rates[0]][0].strip().rstrip("%％")
            start = _cell_point(first, *row[column[first]])
            end = _cell_point(last, *row[column[last]])
            if start is None or end is None or not re.fullmatch(r"-?\d+(?:\.\d+)?", printed):
                continue
            series = Series(compact(row[0][0]), table.unit or "", {first: start, last: end})
            lo, hi = _rate_interval(printed.lstrip("-"), -sign if printed.startswith("-") else sign)
            yield CHECKED
            hit = _compound_hit(series, (first, last), Point(0, lo, hi, printed, row[rates[0]][1]),
                                printed, row[rates[0]][1], f"{compact(row[0][0])} {compact(head[rates[0]][0])} {printed}")
            if hit is not None:
                yield hit


# ---- trends ----------------------------------------------------------------------------
def trend(doc, base: FactBase, rule):
    rise, fall = re.compile(rule.params["rise_pattern"]), re.compile(rule.params["fall_pattern"])
    negations = tuple(rule.params["negations"])
    for (block, index), text in base.sentences.items():
        if "逐年" not in text and "连续" not in text:
            continue  # (most sentences: no search)
        for direction, pattern in ((1, rise), (-1, fall)):
            for m in pattern.finditer(text):
                if text[max(0, m.start() - 3):m.start()].endswith(negations):
                    continue
                subject = _subject(text, m.start(), rule)
                series = _trend_series(doc, base, block, index, subject, rule)
                if series is None:
                    continue
                years = sorted(series.points)
                n = m.groupdict().get("n")
                if n:
                    count = count_word(n)
                    years = years[-(count + 1):] if count else years
                if len(years) < 3 or years != list(range(years[0], years[-1] + 1)):
                    continue  # (the series not fully stated: no judgement)
                yield CHECKED
                hit = _trend_hit(series, years, direction, m.group(0), subject, base, block, index, text, m)
                if hit is not None:
                    yield hit


def _trend_series(doc, base: FactBase, block: int, index: int, subject: str, rule) -> Series | None:
    """The series the trend is of: its sentence's own, else the table row its words name."""
    text = base.sentences.get((block, index), "")
    series = sentence_series(base, block, index, text)
    if series is not None and len(series.points) >= 3:
        return series
    return _table_series_named(doc, subject, rule)


def _trend_hit(series: Series, years: list[int], direction: int, word: str, subject: str,
               base: FactBase, block: int, index: int, text: str, m) -> Hit | None:
    for earlier, later in zip(years, years[1:]):
        a, b = series.points[earlier], series.points[later]
        # (a step against the words: the later figure's whole interval on the other side)
        wrong = b.hi < a.lo if direction > 0 else b.lo > a.hi
        if wrong:
            went = "下降" if direction > 0 else "上升"
            what = subject or series.name or "该项"
            step = f"{later}年 {b.text} 较{earlier}年 {a.text} {went}"
            start = max(text.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
            return Hit(quote=text[start:m.end()],
                       location=_location(base, block, index, m.start(), m.end()) or b.loc,
                       stated=word, expected=step, formula=step,
                       fields={"what": what, "claim": word, "computed": step, "note": ""},
                       highlights=[a.loc, b.loc])
    return None


CHECKS = {"compound_growth": compound_growth, "trend": trend}
