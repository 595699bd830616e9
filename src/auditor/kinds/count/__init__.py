"""Kind `count`: stated counts against what they count.

Sub-checks (param `check`), each a function in CHECKS:
- enumeration: “内设科室 N 个，分别为：A、B、C。” — N against the items listed with it, inline
  (、 ； ， or quoted items, or numbered items 1. 2. 3.) or as the numbered paragraphs that
  follow a sentence ending in “如下：”.
- breakdown: “共设置三级指标 N 个，其中产出指标 a 个、效益指标 b 个…” — N against the sum of the
  counts it is broken into.
- indicator_rows: “共设置 N 个绩效指标”, and the category counts broken out of it, against the
  indicator rows (per category) of the score table the sentence describes.
- restated_total: “共涉及项目 N 个” without a list of its own, against the one complete list of
  the same thing in the same section (“本年共安排项目 M 个，分别为：……”).

A count is checked only when what it counts is complete and unambiguous: a list ending in 等
or …, a list whose items hold counts of their own, a count of something other than items
(“团组 11 个、55 人次” is two facts), or several candidate tables, keep the check quiet.
All matching runs over one logical paragraph at a time with anchored, linear patterns, and the
work per stated count is bounded: a list is read from at most MAX_LIST_CHARS of its sentence and
stops at the first item that already rules the list out (too long, or holding a count of its own),
sentence ends are looked up in a per-passage index, a breakdown has at most MAX_BREAKDOWN_PARTS
parts; a sentence of thousands of counts costs linear time, not quadratic.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ...facts.base import ITEM_TOKEN_RE, PROJECT_NAME_MIN, heads_a_column, table_subject
from ...facts.lexicon import alternatives
from ...facts.numbers import CN_COUNT_DIGITS, RANGE_JOINER, cn_to_int
from ...ingest.raw import MAX_BREAKDOWN_CHARS, MAX_BREAKDOWN_PARTS, MAX_LIST_CHARS, bounded_int
from ...knowledge import compact
from ...model import Heading, Location, Paragraph, Table, is_prose
from ...tables.typed import typed_tables
from ..base import Hit, names_execution_rate

KIND = "count"
PARAMS = {
    "check": (str, None),
    # a stated count: a number and a classifier for items
    "count_pattern": (str, r"(?=[\d一二两三四五六七八九十])(?<![\d.第])(\d+|[一二两三四五六七八九十]{1,3})\s*(个|项|家|所|处|座|支|条)"),
    # what may stand between the count and its list: a noun, a parenthesis, a comma
    "introducers": (list, ["分别为", "分别是", "分别有", "具体包括", "具体为", "具体是", "具体如下", "如下",
                           "包括", "包含", "即"]),
    # introducers that need a colon or a quote right after them to open a list
    "weak_introducers": (list, ["为", "有", "是"]),
    # introducers opening the sentence after a count's, a colon after them (6个。具体包括：…)
    "sentence_introducers": (list, []),
    # words closing a passage whose one count the numbered paragraphs after it list (…，具体如下：)
    "closing_introducers": (list, []),
    # classifiers of occasions (培训4期, 检查30次): such a count is a list's only where the
    # introducer names the occasions one by one (分别是, a colon), not where it lists kinds
    # (检查30次，包括日常检查、专项检查: three kinds of 30 checks)
    "occasion_classifiers": (list, []),
    # a bracketed item holding a count (数量指标3个, 质量指标二个): a breakdown's item, no name
    "breakdown_item_pattern": (str, ""),
    # classifiers that name what they count (6大类): no noun after them needed
    "self_naming_classifiers": (list, []),
    "occasion_introducers": (list, []),
    # a clause starting with one of these ends a list separated by ， or ；
    "tail_cues": (list, ["均", "都", "共", "累计", "合计", "总计", "以上", "其中", "全部", "已", "主要", "经", "截至", "本单位"]),
    # a list ending in one of these is incomplete
    "incomplete_marks": (list, ["等", "…", "...", "若干"]),
    # nor is a list whose last item starts with one of these
    "incomplete_starts": (list, ["其他", "其它"]),
    "conjunctions": (list, ["和", "及", "与", "以及"]),
    # classifiers counting kinds (3类, 3种): said as such in the finding
    "kind_classifiers": (list, []),
    # a count of kinds with a noun after it (4类业务培训) is a list's only after one of these, and
    # only when it counts two or more (一类疫苗, 二类事业单位 name a class, they count nothing)
    "kind_noun_introducers": (list, []),
    # conjunctions that carry a list over a comma to its last item (A、B、C，以及D)
    "comma_conjunctions": (list, []),
    # words of a clause, not a name, after such a conjunction (因, 未, 尚: 以及部分村组因资金未到位…)
    "clause_words": (list, []),
    # an amount closing a listed item (A项目320.00万元, B项目（资金180.00万元）): no part of its name
    "item_amount_pattern": (str, "(?!)"),
    "max_item_chars": (int, 40),
    "max_item_chars_strict": (int, 15),
    # a numbered item (一是……；二是……) may be a sentence or two; one longer than this is no item
    # of a list the count could be checked against (and the reading stops: its work is bounded)
    "max_numbered_item_chars": (int, 200),
    # words of prose, not of names: after a bare colon they say the text is no list
    "prose_marks": (list, ["了", "着", "过", "的", "在", "对", "将", "把", "被"]),
    # a list written before its count: “A、B、C 共 3 个”; after 等 the count may be larger
    "sum_particles": (list, ["共计", "合计", "共", "这", "计", "等"]),
    "open_particles": (list, ["等"]),
    # nouns that are counted but never listed as items
    "not_items": (list, ["百分点", "工作日", "月", "小时", "人次", "次"]),
    # a noun on the last item of a list before its count only (产出、效益指标共11个, 中央、省级资金):
    # the list names kinds of it, and the count may be of the things, not of the kinds
    "kind_nouns": (list, []),
    # a list before its count with no particle (内设办公室、财务股、综合股 3 个股室): only right after
    # one of these words, which take a list of named things as their object; the count is then of
    # those things unless its noun counts occasions (培训干部、职工 3 个批次)
    "list_openers": (list, []),
    # …of which these take a list a bare count may close (包括A、B及C 3项。): the count sums it
    "closing_list_openers": (list, []),
    "occasion_nouns": (list, []),
    # the endings of a unit's name (科, 股, 中心 …): see _two_items
    "unit_endings": (list, []),
    # words naming a class of units, not one (各, 所属, 区属): a list's one such item counts no units
    "collective_words": (list, ["各", "属", "全部", "所有", "等"]),
    # the conjunctions that join words inside one unit's name (法规与标准科), not two items
    "name_conjunctions": (list, []),
    # breakdown: markers between a count and its parts; exhaustive ones say the parts are all of it
    "breakdown_markers": (list, ["其中", "分别是", "分别为", "包括", "含"]),
    "exhaustive_markers": (list, ["分别是", "分别为"]),
    # kinds of things whose named sub-kinds never overlap (indicator categories)
    "partition_suffixes": (list, ["指标"]),
    "level1_categories": (list, ["产出指标", "效益指标", "满意度指标", "成本指标", "决策指标", "过程指标"]),
    # how indicator categories of any level end (社会效益指标): a first level ending otherwise
    # (预算执行) is an item of its own
    "category_suffix": (str, "指标"),
    # this many distinct first-level categories cover the whole set of indicators
    "min_categories_exhaustive": (int, 3),
    # breakdown and indicator_rows: the measure words indicators are counted in (15个, 十三项);
    # {measure} in total_pattern stands for them, {numeral} for a Chinese numeral's character
    "measure_words": (list, ["个"]),
    # indicator_rows: the total of a score table's indicators
    "total_pattern": (str, r"(?:共设置|共设|共有|共计|设置了?)\s*(?:(?:三级|绩效)指标\s*(\d+|{numeral}+)\s*{measure}"
                           r"|(\d+|{numeral}+)\s*{measure}(?:三级|绩效)?(?:绩效)?指标)"),
    # a sentence with one of these speaks of the unit as a whole: its table's title says so too
    "whole_cues": (list, ["整体"]),
    # a bracket right after the count naming what it includes (4个（含预算执行率）): the execution
    # rate it names, where no indicator row scores it, is counted in the form's funds block
    "included_pattern": (str, r"\s*[（(]\s*(?:含|包含|包括)(?P<items>[^（()）]{1,40})[）)]"),
    "appendix_pattern": (str, r"^\s*附件\s*\d+\s*$"),
    # restated_total: cues that make a count a total of a set
    "total_cues": (list, ["共", "共计", "合计", "总计"]),
    # or what follows the count makes it a whole the next clauses divide (“12个指标中，10个达到…”)
    "total_after": (str, r"\s*[\u4e00-\u9fa5]{0,8}?中\s*[，,：:]"),
    # words that may open a status count's clause after its 个 besides the status cues (9个已完成)
    "status_leads": (list, ["已", "均", "全部", "的"]),
    # a total of these nouns may not be smaller than the number of project forms attached
    "project_nouns": (list, ["项目"]),
    "project_name_labels": (list, ["项目名称"]),
    # status_split: clauses that count the done and the not-done part of a total (negatives first:
    # 未完成 holds 完成)
    "negative_cues": (list, ["未完成", "未达到", "未达标", "未实现", "没有完成", "尚未完成"]),
    "positive_cues": (list, ["完成", "达到", "达标", "实现"]),
    # a third status between them (部分整改, 正在整改): counted in the split when stated, checked
    # before the positive cues (部分整改 is no 整改完成)
    "partial_cues": (list, []),
    # a count of findings is a total when its clause says they were found (反映…86个问题, 查出问题12个)
    # and the finding's noun follows it
    "finding_cues": (list, []),
    "finding_nouns": (list, []),
}
MESSAGE_FIELDS = {"stated_count", "counted", "subject", "unit"}
CJK_FIRST, CJK_LAST = "\u4e00", "\u9fa5"  # the CJK unified ideographs a noun is written in
CJK = f"{CJK_FIRST}-{CJK_LAST}"
OPEN, CLOSE = "（(《【[", "）)》】]"
QUOTES = {"“": "”", "\"": "\"", "「": "」"}
# list tokens: 1. / 1、 / （1） / ① / 一是
LIST_TOKEN_RE = re.compile(r"(?:(\d{1,2})[.、．](?!\d)|[（(](\d{1,2})[）)]|([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
                           r"|([一二三四五六七八九十]{1,2})是)")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SENTENCE_END = "。！？!?"
SENTENCE_END_RE = re.compile(f"[{SENTENCE_END}]")
SPACE_TO_END_RE = re.compile(r"\s*\Z")
WRAP_END = "。！？；：!?;:”"  # a paragraph not ending in one of these was cut by a line wrap
# ... when it fills a line: a shorter one is a title or a label (某局2025年度部门决算), not a wrapped
# line (the threshold text.py joins wrapped lines at)
WRAPPED_LINE_MIN = 25


# --- typed records --------------------------------------------------------------------

@dataclass
class Passage:
    """One logical paragraph: paragraphs a hard wrap cut apart, joined again."""

    text: str  # digits normalised; offsets are those of the joined original texts
    paragraphs: list[tuple[int, Paragraph]]  # (offset in text, paragraph)
    section: int  # ordinal of the heading it stands under
    first_block: int
    last_block: int
    _ends: list[int] | None = field(default=None, repr=False)  # offsets of sentence ends, built once
    _places: dict[str, list[int]] = field(default_factory=dict, repr=False)  # word -> its offsets
    _counts: dict[str, list[tuple]] = field(default_factory=dict, repr=False)  # count pattern -> counts
    cell: bool = False  # the prose of one table cell (a form's 实际完成情况), the table its block

    def at(self, offset: int) -> tuple[int, Paragraph]:
        k = bisect_right(self.paragraphs, offset, key=lambda sp: sp[0])
        return self.paragraphs[max(0, k - 1)]

    def sentence_ends(self) -> list[int]:
        if self._ends is None:
            self._ends = [m.start() for m in SENTENCE_END_RE.finditer(self.text)]
        return self._ends

    def places(self, word: str) -> list[int]:
        if word not in self._places:
            self._places[word] = [m.start() for m in re.finditer(f"(?={re.escape(word)})", self.text)] if word else []
        return self._places[word]

    def quote(self, start: int, end: int, anchor: int | None = None) -> tuple[str, Location]:
        """The original text from start to end, clipped to the paragraph holding `anchor` (the
        figure the quote is about; start when not given): a clause reaching back over a line the
        passage joined (a title without a full stop) does not quote that line instead."""
        base, para = self.at(start if anchor is None else anchor)
        start = max(start, base)
        text = para.text[start - base:min(end - base, len(para.text))].strip()
        return text, para.loc


@dataclass
class Count:
    value: int
    written: str  # the number as written
    start: int  # offset of the number in the passage
    end: int  # offset after the classifier
    noun: str  # what is counted, as far as the text names it


@dataclass
class Enumeration:
    count: Count
    passage: Passage
    items: list[str]
    ambiguous: int = 0  # items that may hold two (A和B): the list may count this many more
    source: str = "inline"  # or "numbered paragraphs", "preceding"
    at_least: bool = False  # “A、B 等 5 个”: the count may exceed the items listed


@dataclass
class Part:
    noun: str
    value: int
    end: int  # offset after its classifier
    unit: str = "个"  # its measure word (个, 项)


@dataclass
class Breakdown:
    head: Count
    marker: str
    parts: list[Part] = field(default_factory=list)


# --- shared reading -------------------------------------------------------------------

def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    for name in ("count_pattern", "total_pattern", "appendix_pattern", "total_after"):
        try:
            re.compile(_measured(params[name], params) if name == "total_pattern" else params[name])
        except re.error as exc:
            return f"{name} 不是有效的正则表达式：{exc}"
    return None


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, rule)


def _measured(pattern: str, params: dict) -> str:
    """A pattern with {measure} standing for the rule's measure words (个|项|条) and {numeral} for
    a character of a count in Chinese numerals."""
    return pattern.replace("{measure}", f"(?:{alternatives(params['measure_words'])})") \
        .replace("{numeral}", f"[{CN_COUNT_DIGITS}]")


def _number(text: str) -> int | None:
    """A count as written (digits or 一二三); None when it is no count (more digits than any count
    has: Python's int() would refuse thousands of them)."""
    return bounded_int(text) if text.isdecimal() else cn_to_int(text)


def _cell_passages(table: Table, section: int, index: int) -> list[Passage]:
    """Each prose cell of a table is a passage of its own (its counts and lists are read as a
    paragraph's), at the cell's location."""
    return [Passage(cell_para.plain, [(0, cell_para)], section, index, index, cell=True)
            for row in table.rows for cell in row if is_prose(cell.text)
            for cell_para in [Paragraph(cell.text, cell.loc)]]


def _passages(doc) -> list[Passage]:
    """Paragraphs joined across hard wraps: a paragraph that does not end a sentence goes on in
    the next one, unless that one starts a numbered item or a heading or table comes between."""
    cached = getattr(doc, "_count_passages", None)
    if cached is not None:
        return cached
    passages: list[Passage] = []
    section = 0
    current: Passage | None = None
    for i, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph):
            section += isinstance(block, Heading)
            current = None
            if isinstance(block, Table):
                passages.extend(_cell_passages(block, section, i))
            continue
        if current is not None and not block.token and not current.text.rstrip().endswith(tuple(WRAP_END)) \
                and len(current.paragraphs[-1][1].text) >= WRAPPED_LINE_MIN:
            current.paragraphs.append((len(current.text), block))
            current.text += block.plain
            current.last_block = i
        else:
            current = Passage(block.plain, [(0, block)], section, i, i)
            passages.append(current)
    doc._count_passages = passages  # type: ignore[attr-defined]
    return passages


def _sentence_bounds(passage: Passage, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding pos: after the last sentence end before pos, up to
    the first at or after it (or the passage's end); looked up, not searched for."""
    ends = passage.sentence_ends()
    k = bisect_left(ends, pos)
    return (ends[k - 1] + 1 if k else 0), (ends[k] if k < len(ends) else len(passage.text))


def _clause_start(text: str, pos: int, limit: int = 24, stops: str = "，,；;：:。！？!?、\n") -> int:
    """Where the clause holding pos begins (after the last of `stops`), at most `limit` back."""
    k = pos
    while k > 0 and pos - k < limit and text[k - 1] not in stops:
        k -= 1
    return k


def _noun_before(text: str, pos: int, params: dict, before_cue: bool = False) -> str:
    """The noun written just before a number: 内设科室8个 -> 科室, 共安排项目3个 -> 项目; with
    `before_cue`, the noun before a cue right before the number too (单位共2个 -> 单位; else "",
    and the counts keyed by noun are not matched through it)."""
    while pos > 0 and text[pos - 1] in " \u3000":
        pos -= 1
    k = pos
    while k > 0 and pos - k < 12 and CJK_FIRST <= text[k - 1] <= CJK_LAST:
        k -= 1
    run = text[k:pos]
    for cue in ("分别是", "分别为", "设置", "设", "安排", "涉及", "实施", "开展", "共有", "共计", "共", "有", "其中",
                "为", "的"):
        cut = run.rfind(cue)
        if cut >= 0:
            # (a cue right before the number, 单位共2个: the noun stands before it)
            run = run[:cut] if before_cue and cut + len(cue) == len(run) and cut > 0 else run[cut + len(cue):]
    return run


CJK_RUN_RE = re.compile(f"[{CJK}]{{1,12}}")
SPACES_RE = re.compile(r"\s*")
COLON_RE = re.compile(r"\s*[：:]")
COMMA_OR_COLON_RE = re.compile(r"\s*[，,：:]?\s*")
COLON_OR_QUOTE_RE = re.compile(r"\s*[：:“\"「]")
OPTIONAL_COLON_RE = re.compile(r"\s*[：:]?\s*")


def _noun_after(text: str, pos: int) -> str:
    m = CJK_RUN_RE.match(text, pos)
    return m.group(0) if m else ""


def _skip_brackets(text: str, pos: int) -> int:
    """Past a parenthesis opening at pos (one level, up to 80 characters), else pos."""
    if pos < len(text) and text[pos] in OPEN:
        close = CLOSE[OPEN.index(text[pos])]
        end = text.find(close, pos + 1, pos + 80)
        if end > 0:
            return end + 1
    return pos


def _counts(passage: Passage, params: dict):
    """The stated counts of a passage, found once per pattern (every check asks for them); each
    caller gets Count objects of its own, since enumerations name their nouns on them."""
    found = _found_counts(passage, params)
    return (Count(*fields) for fields in found) if found else ()


def _found_counts(passage: Passage, params: dict) -> list[tuple]:
    found = passage._counts.get(params["count_pattern"])
    if found is None:
        found = []
        for m in re.compile(params["count_pattern"]).finditer(passage.text):
            value = _number(m.group(1))
            if value is None:
                continue
            noun = _noun_after(passage.text, m.end()) or _noun_before(passage.text, m.start(), params)
            found.append((value, m.group(1), m.start(), m.end(), noun))
        passage._counts[params["count_pattern"]] = found
    return found


def _counted_passages(doc, params: dict) -> list[Passage]:
    """The passages stating a count of the rule's pattern, in document order, listed once per
    document and pattern: most passages state none, and every count check walks these only."""
    cache = doc.__dict__.setdefault("_counted_passages", {})
    key = params["count_pattern"]
    if key not in cache:
        cache[key] = [passage for passage in _passages(doc) if _found_counts(passage, params)]
    return cache[key]


def _quote_for(passage: Passage, count: Count, extra: int = 0) -> tuple[str, Location]:
    start = _clause_start(passage.text, count.start)
    return passage.quote(start, count.end + extra, count.start)


# --- enumeration ----------------------------------------------------------------------

def _introducer(text: str, pos: int, params: dict) -> tuple[str, str, int] | None:
    """(noun, introducer, offset after it) for a list opened right after a count: only a noun
    (at most 12 characters), a parenthesis and a comma may stand between; else None."""
    k = SPACES_RE.match(text, pos).end()
    introducers = sorted(params["introducers"], key=len, reverse=True)
    for n in range(13):  # each possible end of the noun; bounded, so linear overall
        if n and (k + n > len(text) or not CJK_FIRST <= text[k + n - 1] <= CJK_LAST):
            return None
        j = _skip_brackets(text, SPACES_RE.match(text, k + n).end())
        colon = COLON_RE.match(text, j)
        opening = _next_sentence_list(text, j, params)
        if opening is not None:
            return text[k:k + n], opening[0], opening[1]
        j = COMMA_OR_COLON_RE.match(text, j).end()
        for word in introducers:
            if text.startswith(word, j):
                return text[k:k + n], word, OPTIONAL_COLON_RE.match(text, j + len(word)).end()
        for word in params["weak_introducers"]:
            if text.startswith(word, j) and COLON_OR_QUOTE_RE.match(text, j + len(word)):
                return text[k:k + n], word, OPTIONAL_COLON_RE.match(text, j + len(word)).end()
        if colon:
            return text[k:k + n], "：", j  # a bare colon: only a clear-cut list counts (strict)
    return None


def _next_sentence_list(text: str, j: int, params: dict) -> tuple[str, int] | None:
    """(introducer, offset after its colon) where the count ends its sentence and the next opens
    a list with an introducer and a colon (下属二级单位6个。具体包括：A、B…): the count's list."""
    if not text.startswith(("。", "."), j):
        return None
    k = SPACES_RE.match(text, j + 1).end()
    for word in sorted(params["sentence_introducers"], key=len, reverse=True):
        if text.startswith(word, k) and COLON_RE.match(text, k + len(word)):
            return word, OPTIONAL_COLON_RE.match(text, k + len(word)).end()
    return None


ITEM_SEPARATORS = " 、，,；;和及与\u3000"
TOKEN_AFTER = "；;，,。：: \u3000"  # a list token stands at the start or after one of these
ITEM_STRIP = " ；;，,。"


def _rules_out(item: str, params: dict) -> bool:
    """An item that rules its whole list out (as `_inline_list` checks at the end): longer than
    any item, or holding a count of its own (the list is a breakdown). List readers stop at the
    first such item and return it last, so that the work per list ends with the list."""
    return len(item) > params["max_item_chars"] or re.search(params["count_pattern"], item) is not None


def _quoted_items(listing: str) -> tuple[list[str] | None, int]:
    """Items written as consecutive quotations (“A”、“B”，“C”); None if the list is not so: a
    quotation followed by more words (“A”项目) is part of an item, not an item. With the offset
    where reading stopped."""
    items, k = [], 0
    while k < len(listing):
        while k < len(listing) and listing[k] in ITEM_SEPARATORS:
            k += 1
        if k >= len(listing) or listing[k] not in QUOTES:
            break
        end = listing.find(QUOTES[listing[k]], k + 1)
        if end < 0:
            return None, len(listing)
        items.append(listing[k + 1:end])
        k = end + 1
        if k < len(listing) and listing[k] not in ITEM_SEPARATORS:
            return None, k
    if not items or listing.startswith("等", k):
        return None, k  # “A”、“B”等: an incomplete list
    return items, k


def _numbered_items(listing: str, params: dict) -> list[str] | None:
    """Items numbered 1. 2. 3. / （1）（2） / ①② / 一是 二是 inside the list; None unless numbered
    from 1 on. Each token opens an item, whatever the item holds (counts, long sentences): the
    listing read is bounded (see `_inline_list`)."""
    if not LIST_TOKEN_RE.match(listing):
        return None
    marks = []

    def item(end: int) -> str:
        return listing[marks[-1][0].end():end].strip(ITEM_STRIP)

    for m in LIST_TOKEN_RE.finditer(listing):
        if m.start() and listing[m.start() - 1] not in TOKEN_AFTER:
            mark = None  # a number inside an item (1.5万元), not a token
        else:
            style = next(g for g in (1, 2, 3, 4) if m.group(g))
            mark = None if marks and style != marks[0][1] else style  # another style: a nested list
        if mark is None:
            if marks and m.start() - marks[-1][0].end() > params["max_numbered_item_chars"]:
                return None  # the item has outgrown any item: not a list read here
            continue
        value = int(m.group(mark)) if mark < 3 else (CIRCLED.index(m.group(3)) + 1 if mark == 3
                                                     else cn_to_int(m.group(4)))
        if value != len(marks) + 1:
            return None  # a gap or a restart: not one numbered list
        marks.append((m, mark))
    return _items_of(listing, marks) + [item(len(listing))]


def _items_of(listing: str, marks: list) -> list[str]:
    """The items between consecutive marks (not the one after the last)."""
    return [listing[m.end():n.start()].strip(ITEM_STRIP) for (m, _), (n, _) in zip(marks, marks[1:])]


def _split_plain(listing: str, params: dict) -> tuple[list[str], bool]:
    """Split a list on 、 (ending at the first ，；) or, when it has no 、, on ； or ，; a clause
    starting with a tail cue ends a list split on ； or ，. `whole`: the list fills the listing.

    One pass, which stops at the first item that rules the list out (see `_rules_out`), returned
    last, so a long text read as a list costs no more than the list it can be."""
    semicolon = "；" in listing or ";" in listing
    separators = stops = ""
    limit = params["max_item_chars"]
    cues = tuple(params["tail_cues"])
    items: list[str] = []
    a, first, last = 0, -1, -1  # start of the current item, its first and last non-space character

    def cut(item: str) -> bool:
        # an item after the first that a tail cue makes the end of the list, or that states a
        # figure (…，农机操作培训，培训农民1,260人次: a clause about them all, no item)
        return separators != "、" and bool(items) and (item.startswith(cues) or any(ch.isdigit() for ch in item))

    for k, ch, top in _scan(listing, 0, len(listing)):
        if top and not separators and ch in "、，,；;":
            separators = "、" if ch == "、" else ("；;" if semicolon else "，,")
            stops = "，,；;" if separators == "、" else ""
        if top and ch in stops:
            items.append(listing[a:k].strip())
            joined = _joined_last(listing, k, params)
            if joined is not None:
                # “A、B、C，以及新组建的D”: the last item after a conjunction over the comma
                items.append(joined[0])
                return [i for i in items if i], joined[1]
            return [i for i in items if i], False
        if top and ch in separators and not (ch == "," and 0 < k < len(listing) - 1
                                             and listing[k - 1].isdigit() and listing[k + 1].isdigit()):
            item = listing[a:k].strip()  # (a thousands comma, 1,260, separates nothing)
            if cut(item):
                return [i for i in items if i], False
            items.append(item)
            if _rules_out(item, params):
                return [i for i in items if i], False
            a, first, last = k + 1, -1, -1
            continue
        if not ch.isspace():
            first = k if first < 0 else first
            last = k
        if last - first >= limit:  # longer than any item already
            item = listing[first:last + 1]
            if not cut(item):
                items.append(item)
            return [i for i in items if i], False
    item = listing[a:].strip()
    if not cut(item):
        items.append(item)
    return [i for i in items if i], not cut(item)


def _joined_last(listing: str, k: int, params: dict) -> tuple[str, bool] | None:
    """The item a conjunction joins over the comma at `k` (，以及…), up to the next break, and
    whether it ends the listing; None when the clause opens with no such conjunction, or reads
    as a clause, not a name (部分村组因资金未到位尚未开工)."""
    rest = listing[k + 1:]
    conj = next((c for c in sorted(params["comma_conjunctions"], key=len, reverse=True) if rest.startswith(c)), None)
    if conj is None:
        return None
    item = re.split(r"[，,；;。]", rest[len(conj):], maxsplit=1)[0]
    # a name (2024年新组建的急救指挥中心: its 的 modifies it), not a clause (部分村组因资金未到位尚未开工)
    name = item.strip().rsplit("的", 1)[-1]
    if not name or len(name) > params["max_item_chars_strict"] \
            or any(m in name for m in (*params["prose_marks"], *params["clause_words"])):
        return None
    return item.strip(), len(conj) + len(item) >= len(rest.rstrip("。；; "))


NOTE_RE = re.compile(r"[（(][^（）()]{1,20}[）)]")  # a short bracketed note after a name


def _inline_list(passage: Passage, start: int, params: dict, strict: bool = False,
                 noun: str = "") -> tuple[list[str], int] | None:
    """The items of a list starting at `start`, up to the end of its sentence; None when the list
    is incomplete or cannot be read unambiguously. `strict` (after a bare colon, which may open
    prose as well as a list): plain items must be short and fill the sentence. At most
    MAX_LIST_CHARS of the sentence are read: a list that has not ended by then is not checked."""
    _, end = _sentence_bounds(passage, start)
    open_ended = end - start > MAX_LIST_CHARS  # the sentence goes on past what is read
    listing = passage.text[start:min(end, start + MAX_LIST_CHARS)].strip()
    if not listing:
        return None
    items = None
    numbered = False
    if LIST_TOKEN_RE.match(listing):  # numbered items may be whole sentences: 一是……。二是……。
        if len(passage.text) - start > MAX_LIST_CHARS:
            return None  # the last item runs to the end of the passage: too long to be an item
        listing = passage.text[start:].strip()
        items = _numbered_items(listing, params)
        numbered = items is not None
    if items is None:
        items, stop = _quoted_items(listing)
        if items is not None and open_ended and stop >= len(listing):
            return None
    delimited = items is not None  # numbered or quoted items: 和/及 inside one is no second item
    if not delimited:
        items, whole = _split_plain(listing, params)
        # (共实施3个项目：A项目320.00万元、B项目180.00万元…: an item's amount is no part of its name)
        items = [_without_amount(i, params) for i in items]
        if open_ended and whole:
            return None
        if strict and not whole and items and (_closed_by_next_clause(listing, items[-1], params)
                                               or _named_as_counted(listing, items, noun)):
            whole = True
        # (a name's bracketed note, 家庭医生签约服务（32.00%）, is no part of its length)
        if strict and (not whole or any(len(NOTE_RE.sub("", i)) > params["max_item_chars_strict"]
                                        or any(w in i for w in params["prose_marks"]) for i in items)):
            return None
    colon = passage.text[:start].rstrip().endswith(("：", ":"))
    if len(items) < (1 if delimited else 2) and not (colon and whole and len(items) == 1 and _one_unit(items[0], params)):
        # one quoted item is a list; one plain item may be a list we cannot split, unless it fills
        # the sentence after a colon as one unit's name (单位共2个，包括：某区档案馆。)
        return None
    last = items[-1].rstrip("。；;，, ")
    # 等 near the end of the last item (C等, C等工作) leaves the list open
    if last.endswith(tuple(params["incomplete_marks"])) or 0 < last.rfind("等") >= len(last) - 5 \
            or items[-1].startswith(tuple(params["incomplete_starts"])) \
            or any(mark in item for item in items for mark in ("…", "...")):
        return None
    # items that hold counts are a breakdown, checked by `breakdown`; long ones may be prose. An
    # item its own token numbers (一是……；二是……) is one item whatever it holds or however long
    if not numbered and any(re.search(params["count_pattern"], item) for item in items):
        return None
    if not numbered and any(len(item) > params["max_item_chars"] for item in items):
        return None
    if not delimited:
        items = _split_peers(items, params)
    ambiguous = 0 if delimited else sum(1 for item in items if _two_items(item, params))
    return items, ambiguous


def _without_amount(item: str, params: dict) -> str:
    """The item's name without the amount stated after it (A项目320.00万元, B项目（180.00万元）)."""
    tail = _item_amount_re(params["item_amount_pattern"]).search(item)
    return item[:tail.start()].rstrip() if tail and tail.start() else item


@lru_cache(maxsize=4)
def _item_amount_re(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _split_peers(items: list[str], params: dict) -> list[str]:
    """An item of a list of several joined by a conjunction whose two halves each end in a unit's
    name (…院、…所和…中心) is two units, not one name holding 和. Halves ending otherwise (消防安全
    检查和隐患排查; 党风廉政建设和反腐败工作, one standing phrase) leave the item as it was: one
    name, or two, the count not judged between them (see _two_items)."""
    if len(items) < 2:
        return items
    out = []
    for item in items:
        halves = _halves(item, params)
        # (the list's other items units' names too: 布局, 干部 end as 局, 部 do, naming no unit)
        if halves and all(_unit_name(half, params) for half in halves) \
                and all(_unit_name(other, params) for other in items if other is not item):
            out += halves
        else:
            out.append(item)
    return out


def _halves(item: str, params: dict) -> list[str] | None:
    for c in sorted(params["conjunctions"], key=len, reverse=True):
        at = item.find(c)
        if at > 0:
            left, right = item[:at].strip(), item[at + len(c):].strip()
            return [left, right] if left and right and c not in right else None
    return None


def _unit_name(half: str, params: dict) -> bool:
    return half.rstrip("。；;，, ").endswith(tuple(params["unit_endings"]))


def _one_unit(item: str, params: dict) -> bool:
    """One unit's name and nothing more: no conjunction that might join two (本级及所属单位), no
    word naming a class of units (区属各社区卫生服务中心, 各街道城管执法中队)."""
    return _unit_name(item, params) and _halves(item, params) is None \
        and len(item) <= params["max_item_chars_strict"] and not any(w in item for w in params["collective_words"])


def _named_as_counted(listing: str, items: list[str], noun: str) -> bool:
    """A list of 、-separated names each ending in a word of the counted noun (城关街道、岚桥镇、
    桃源乡 under 乡镇（街道）), cut by a ， after which the clause ends otherwise (，实现应保尽保):
    the names are the list, the clause is about them."""
    last = items[-1]
    at = listing.rfind(last)
    if not noun or at < 0 or "、" not in listing[:at] or not listing[at + len(last):].startswith(("，", ",")):
        return False
    names = [i.strip() for i in listing[:at].rstrip("、").split("、")] + [last]
    rest = re.split(r"[，,。；;]", listing[at + len(last) + 1:], maxsplit=1)[0].strip()
    return all(n and n[-1] in noun for n in names) and not (rest and rest[-1] in noun)


def _closed_by_next_clause(listing: str, last: str, params: dict) -> bool:
    """A list of 、-separated items cut by a ， after which the sentence goes on about the whole
    (…、全民阅读月，累计服务群众12.6万人次): a clause opening with a tail cue."""
    at = listing.rfind(last)
    if at < 0 or "、" not in listing[:at]:
        return False
    rest = listing[at + len(last):]
    if not rest.startswith(("，", ",")):
        return False
    # (a figure alone proves nothing: 修缮办公楼、更新执法设备，开展业务培训120人次 is a third item;
    # a clause summing something over them does: …、天然林保护修复，年度预算合计1,968.00万元)
    return rest[1:].startswith(tuple(params["tail_cues"])) or bool(SUMMING_CLAUSE_RE.match(rest[1:]))


# a clause that sums over the items before it: a few words, then a sum word and a figure
SUMMING_CLAUSE_RE = re.compile(r"[^，,。；;、：:]{0,10}?(?:合计|共计|总计|累计)\s*(?:为|达)?\s*\d")


def _ends_opening(text: str, params: dict) -> bool:
    """Whether the passage ends with words opening a list below it (具体如下：)."""
    tail = text.rstrip().rstrip("：:")
    return tail != text.rstrip() and tail.endswith(tuple(params["closing_introducers"]))


# blocks read after a count for the headings it announces: a section's items with their bodies
# (a long report's longest run of sub-sections is a few hundred paragraphs; the cost stays bounded)
HEADING_LIST_BLOCKS = 400


def _numbered_paragraphs(doc, passage: Passage, most: int = HEADING_LIST_BLOCKS) -> list[str] | None:
    """Numbered paragraphs 1. 2. 3. right after a passage that ends in a colon, up to the next
    heading or table; None unless they are numbered from 1 without a gap. A number repeated is an
    item of its own (1. 2. 2. 4.: four items, the second 2 standing for 3, as STR001 tells)."""
    items: list[str] = []
    style, last, repeated = None, 0, False
    if passage.cell:
        return None  # the paragraphs after its table are no items of a cell
    if _heading_after(doc, passage):
        return _numbered_headings(doc, passage.last_block + 1, most)
    for i in range(passage.last_block + 1, len(doc.blocks)):
        block = doc.blocks[i]
        if isinstance(block, (Heading, Table)):
            break
        token, block_style, value = _paragraph_token(block)
        if not token or (style is not None and block_style != style):
            if items:
                continue  # an explanatory or nested paragraph inside an item
            return None
        if value == last + 1 or (items and value == last) or (repeated and value == last + 2):
            style, repeated, last = block_style, bool(items) and value == last, value
            items.append(block.text[len(token):].strip())
        elif items and value == 1:
            break  # another list begins
        else:
            return None  # a gap: not one list
    return items or None


def _heading_after(doc, passage: Passage) -> bool:
    return passage.last_block + 1 < len(doc.blocks) and isinstance(doc.blocks[passage.last_block + 1], Heading)


def _numbered_headings(doc, start: int, most: int) -> list[str] | None:
    """Headings numbered from 1 right after a passage ending in a colon (主要存在以下5个方面问题： then
    （一）… with its body, （二）…), each item a heading of the first one's level and style, up to the
    next heading of a higher level; None unless numbered from 1 without a gap (a number repeated
    counts, as in _numbered_paragraphs). Bodies, tables and deeper headings between are passed
    over, at most HEADING_LIST_BLOCKS blocks; at most `most` items are read (one more than the count
    tells all a count needs: a passage per count, each reading a few headings, stays linear)."""
    first = doc.blocks[start]
    if first.value != 1 or not first.token:
        return None
    items: list[str] = []
    last, repeated = 0, False
    for block in doc.blocks[start:start + HEADING_LIST_BLOCKS]:
        if not isinstance(block, Heading) or block.level > first.level:
            continue  # an item's body, or a heading inside it
        if block.level < first.level or block.style != first.style:
            break  # the section the list stands in ends
        value = block.value or 0
        if value == last + 1 or (items and value == last) or (repeated and value == last + 2):
            repeated, last = bool(items) and value == last, value
            items.append(block.text[len(block.token):].strip())
            if len(items) >= most:
                break
        elif value == 1:
            break  # another list begins
        else:
            return None  # a gap: not one list
    return items or None


def _paragraph_token(block) -> tuple[str, str | None, int]:
    """(token, style, value) of a paragraph's numbering: its outline token (1. （一）), or the
    list token 一是 opening it (一是……。¶二是……。, each problem in a paragraph of its own)."""
    if block.token:
        return block.token, block.style, block.value
    m = ORDINAL_OPENING_RE.match(block.text)
    return (m.group(0), "ordinal", cn_to_int(m.group("ordinal")) or 0) if m else ("", None, 0)


# 一是 / 其一是 opening a paragraph (after any indent): an item of a list, numbered in words
ORDINAL_OPENING_RE = re.compile(r"[\s\u3000]*其?(?P<ordinal>[一二三四五六七八九十]{1,2})是")


def enumerations(doc, params: dict) -> list[Enumeration]:
    """The lists of the document with their counts, read once per document and parameters:
    `enumeration` and `restated_total` both ask (their rules differ only in `check`, which the
    reading does not use); the callers only read what is returned."""
    key = _reading_key(params)
    cache = getattr(doc, "_count_enumerations", None)
    if cache is None:
        cache = doc._count_enumerations = {}  # type: ignore[attr-defined]
    if key not in cache:
        cache[key] = _read_enumerations(doc, params)
    return cache[key]


def _reading_key(params: dict) -> tuple:
    """The parameters but `check`, as a key equal for equal parameters: their values with each
    list made a tuple, each beside its type (1 and True, "1" and 1 stay apart, as in their repr,
    which costs five times as much to write out: the lists are long)."""
    key = tuple((name, type(value), tuple(value) if isinstance(value, list) else value)
                for name, value in sorted(params.items()) if name != "check")
    try:
        hash(key)
    except TypeError:  # (a value holding a list or mapping of its own: its repr, as before)
        return (repr(key),)
    return key


def _read_enumerations(doc, params: dict) -> list[Enumeration]:
    found: list[Enumeration] = []
    for passage in _counted_passages(doc, params):
        counts = list(_counts(passage, params))
        for count in counts:
            intro = _introducer(passage.text, count.end, params)
            if intro is None and len(counts) == 1 and _ends_opening(passage.text, params):
                # “共实施3个项目，资金全部为县级补助，具体如下：” then 1. 2. 3. paragraphs: the passage's
                # one count, its list after the passage
                intro = (_noun_after(passage.text, count.end), "：", len(passage.text))
            if intro is None:
                bracketed = None if passage.text[:count.start].rstrip().endswith("等") \
                    else _bracketed_list(passage.text, count.end, params)  # (…等7个办: listed before)
                if bracketed is not None and (count.value >= 2 or not _kind_with_noun(passage.text, count, params)):
                # 内设机构7个（办公室、财务科、…）, 4类业务培训（财务、档案、安全）
                    count.noun = bracketed[0] or _noun_before(passage.text, count.start, params)
                    found.append(Enumeration(count, passage, bracketed[1],
                                             sum(1 for i in bracketed[1] if _two_items(i, params)), "bracketed"))
                continue
            if passage.text[count.end - 1] in params["occasion_classifiers"] \
                    and intro[1] not in params["occasion_introducers"]:
                continue
            if _kind_with_noun(passage.text, count, params) \
                    and (intro[1] not in params["kind_noun_introducers"] or count.value < 2):
                continue
            noun = intro[0] or _noun_before(passage.text, count.start, params)
            if noun in params["not_items"] or any(noun.endswith(n) for n in params["not_items"]):
                continue
            count.noun = noun
            if SPACE_TO_END_RE.match(passage.text, intro[2]):  # nothing after the introducer
                items = _numbered_paragraphs(doc, passage, count.value + 1)
                if items and len(items) > count.value and _heading_after(doc, passage):
                    # (sibling headings may go on past the list into the report's next part: 主要存在
                    # 以下3个方面问题： （一）（二）（三）, then （四）审计建议): more is no error, fewer is
                    continue
                if items and len(items) >= 2:
                    found.append(Enumeration(count, passage, items, 0, "numbered paragraphs"))
                continue
            # (the counted words up to the list, brackets too: 乡镇（街道）)
            # (a count of kinds with a noun after it, strictly too: 4类业务培训 may be listed over commas,
            # 文物安全、消防安全培训，旅游服务质量培训，…, its kinds' words joined by 、 inside one)
            listed = _inline_list(passage, intro[2], params, noun=passage.text[count.start:intro[2]],
                                  strict=intro[1] == "：" or _kind_with_noun(passage.text, count, params))
            if listed and intro[1] in params["weak_introducers"] and len(listed[0]) < 2 <= count.value:
                # “7个自评等级为“优””: one value after 为 / 是 says what the counted things are, it
                # lists none of them
                continue
            if listed:
                found.append(Enumeration(count, passage, listed[0], listed[1]))
        found.extend(_preceding_lists(passage, params))
    return found


def _joined(names) -> str:
    """Names listed in a formula: by 、, or by ； where a name holds a 、 of its own (so that the
    count the reader makes is the count the formula states)."""
    names = list(names)
    return ("；" if any("、" in n for n in names) else "、").join(names)


def _kind_with_noun(text: str, count: Count, params: dict) -> bool:
    """A count of kinds with a noun after it (4类业务培训, 一类疫苗), not one standing alone (共3类：)."""
    return text[count.end - 1] in params["kind_classifiers"] and bool(_noun_after(text, count.end))


@lru_cache(maxsize=8)
def _pattern(text: str) -> re.Pattern:
    return re.compile(text or r"(?!)")


def _bracketed_list(text: str, end: int, params: dict) -> tuple[str, list[str]] | None:
    """(noun, items) of a list in brackets right after a count and its noun (内设机构7个（办公室、
    财务科、信息科）): short names split by 、 only, nothing but the list inside the brackets."""
    noun = _noun_after(text, end)[:12]
    at = end + len(noun)
    if at >= len(text) or text[at] not in "（(":
        return None
    close = text.find("）" if text[at] == "（" else ")", at + 1, at + 1 + MAX_LIST_CHARS)
    inside = text[at + 1:close] if close > 0 else ""
    items = [i.strip() for i in inside.split("、")]
    # (names of two characters at least: 7个办（所、中心） glosses the noun)
    # (an item holding a count, 数量指标3个 or 数量指标三个, is a breakdown, no name)
    counted = _pattern(params["breakdown_item_pattern"])
    if len(items) < 2 or any(len(i) < 2 or len(i) > params["max_item_chars_strict"] or counted.search(i)
                             or any(w in i for w in params["prose_marks"]) for i in items) \
            or items[-1].endswith(tuple(params["incomplete_marks"])) or items[-1].endswith("等") \
            or any(mark in inside for mark in ("，", ",", "；", ";", "：", ":")):
        return None
    return noun, items


def _preceding_lists(passage: Passage, params: dict):
    """Lists written before their count: summed by a particle (“A、B、C 共 3 个科室”), or the object
    of a listing word with the count right after the last item (“内设A、B、C 3 个科室”, see
    list_openers). Without either the count may be of something else (培训干部、职工 3 个批次)."""
    counts = _counts(passage, params)  # Count objects of its own: it names their nouns
    if not counts:
        return
    text = passage.text
    particles = sorted(params["sum_particles"], key=len, reverse=True)
    for count in counts:
        if _kind_with_noun(text, count, params):
            continue  # (A、B、C 3类人员: the count names a class of the list's things or sums them, not known)
        k = count.start
        while k > 0 and text[k - 1] in " \u3000":
            k -= 1
        particle = next((p for p in particles if text.endswith(p, 0, k)), None)
        if particle is not None:
            k -= len(particle)
            if particle != "等" and k > 0 and text[k - 1] in "，,":
                k -= 1  # “…、党群服务中心，共7个内设机构”: the list ends at the comma
            start = _clause_start(text, k, 300, stops="，,；;：:。！？!?\n")
        else:
            start = _opened_list(text, k, count, params)
            if start is None:
                continue
        lead = ITEM_TOKEN_RE.match(text[start:k]) if start == 0 or text[start - 1] == "\n" else None
        start += lead.end() if lead else 0  # (四、本部门共5个…: the paragraph's number is no item of a list)
        items, _ = _split_plain(text[start:k], params)
        if len(items) < 2 or "、" not in text[start:k] or any(re.search(params["count_pattern"], i) for i in items) \
                or any(len(i) > params["max_item_chars"] for i in items) or _kinds_of(items, params["kind_nouns"]) \
                or OWN_COUNT_RE.search(items[-1]) or count.value > KINDS_FACTOR * len(items):
            # (中小学、幼儿园共38所: far more than are named, so the names are kinds of the things)
            continue
        noun = _noun_after(text, count.end)
        if any(noun.startswith(n) for n in params["not_items"]) or text[count.end - 1] in params["occasion_classifiers"] \
                or noun.startswith(tuple(params["occasion_nouns"])):
            continue  # (培训、宣传，共5次: occasions of those kinds, not the kinds)
        if _another_count_joined(text, count.end, params):
            continue  # (A、B、C、D 3个股室和1个事业单位: the list is of both counts' things)
        count.noun = noun
        e = Enumeration(count, passage, items, sum(1 for i in items if _two_items(i, params)), "preceding")
        e.at_least = particle in params["open_particles"]
        yield e


def _another_count_joined(text: str, end: int, params: dict) -> bool:
    """A second count joined to the first by a conjunction within its clause (3个股室和1个事业单位)."""
    clause = re.split(r"[，,；;。：:！？!?\n]", text[end:end + 24], maxsplit=1)[0]
    joiners = "|".join(map(re.escape, [*params["conjunctions"], "、"]))
    return re.search(rf"(?:{joiners})\s*(?:{params['count_pattern']})", clause) is not None


def _two_items(item: str, params: dict) -> bool:
    """An item with a conjunction may be two (县图书馆和文化馆, 局机关和服务中心), unless what follows
    the conjunction names a unit and the words before it name none (法规与标准科, 思想政治和权益
    维护股: one office's name)."""
    for c in params["conjunctions"]:
        at = item.find(c)
        if at > 0:
            if c not in params["name_conjunctions"]:
                return True  # (人口和社会科 may be 人口科 and 社会科: not judged)
            left, right = item[:at], item[at + len(c):]
            endings = tuple(params["unit_endings"])
            return not right.endswith(endings) or left.endswith(endings)  # (局机关与…服务中心: two units)
    return False


def _opened_list(text: str, end: int, count: Count, params: dict) -> int | None:
    """Where a list of short names ending right before a count (at `end`) begins, after a list
    opener in its first item; None when there is none or the list is no list of names: an item
    too long for a name or holding a word of prose, a count of occasions, or no noun after it."""
    start = _clause_start(text, end, 300, stops="，,；;：:。！？!?\n")
    first = text.find("、", start, end)
    if first < 0:
        return None
    opener = max(((text.rfind(w, start, first), w) for w in params["list_openers"]
                  if text.rfind(w, start, first) >= 0), default=(-1, ""))
    cut = opener[0] + len(opener[1]) if opener[0] >= 0 else -1
    noun = _noun_after(text, count.end)
    if text[start:end].rstrip().endswith(tuple(params["conjunctions"])):
        return None  # “下设A、B和5个县分局”: the count is an item of the list, not its sum
    # (a count of kinds names itself: 收获后处理机械6大类; a count closing its clause after a word
    # of inclusion sums the list it closes: 建设内容包括A、B及C 3项。)
    names_itself = text[count.start:count.end].endswith(tuple(params["self_naming_classifiers"])) \
        or (opener[1] in params["closing_list_openers"] and CLAUSE_END_RE.match(text, count.end) is not None)
    if cut < 0 or (not noun and not names_itself) or text[count.end - 1] in params["occasion_classifiers"] \
            or noun.startswith(tuple(params["occasion_nouns"])):
        return None
    items = re.split(r"[、，,；;]", text[cut:end])
    if any(len(i.strip()) > params["max_item_chars_strict"] or any(m in i for m in params["prose_marks"])
           for i in items):
        return None
    return cut


# a count more than this many times the items before it counts things of those kinds, not them
KINDS_FACTOR = 3
# where a clause ends: a count right before it has no noun after it
CLAUSE_END_RE = re.compile(r"\s*(?:[，,；;。！？!?）)\n]|$)")

# a list closed by a count of its own (产出、效益、满意度三方面 共10项指标): the items are those
# 三方面, not the 10 counted after them
OWN_COUNT_RE = re.compile(r"[一二两三四五六七八九十\d]+\s*(?:个|项|大)?(?:方面|类别|类|部分|种|大类)$")


def _kinds_of(items: list[str], nouns: list[str]) -> bool:
    """The last item alone ends with a kind noun (产出、效益指标): the items are kinds of it."""
    noun = next((n for n in nouns if items[-1].endswith(n) and len(items[-1]) > len(n)), None)
    return noun is not None and not any(i.endswith(noun) for i in items[:-1])


MAX_RUN = 100
# an item naming a run of numbered things (第一至第五检察部): as many items as the run holds
RANGE_ITEM_RE = re.compile(r"^第([一二三四五六七八九十\d]+)" + RANGE_JOINER + r"第?([一二三四五六七八九十\d]+)")


def _items_in(item: str) -> int:
    m = RANGE_ITEM_RE.match(item)
    if m is None:
        return 1
    low, high = (bounded_int(x) if x.isdigit() else cn_to_int(x) for x in m.groups())
    # (a run of more than MAX_RUN things is no list of named units: read as one item)
    return high - low + 1 if low is not None and high is not None and 0 < high - low < MAX_RUN else 1


def _check_enumeration(doc, rule):
    for e in enumerations(doc, rule.params):
        n = sum(_items_in(i) for i in e.items)
        if n <= e.count.value <= n + e.ambiguous or (e.at_least and e.count.value >= n):
            continue
        quote, loc = _quote_for(e.passage, e.count, len(e.count.noun) if e.count.noun and
                                e.passage.text.startswith(e.count.noun, e.count.end) else 0)
        where = "随后各段编号列出" if e.source != "inline" else "列出"
        # (the count's own classifier where it names kinds, 3类 / 3种; else 个, as for 项, 家 …)
        unit = e.passage.text[e.count.start + len(e.count.written):e.count.end].strip()
        unit = unit if unit in rule.params["kind_classifiers"] else "个"
        # (items that may hold two, A和B: the list counts n to n + ambiguous)
        counted = f"{n}" + (f" 至 {n + e.ambiguous}" if e.ambiguous else "")
        yield Hit(quote=quote, location=loc, stated=f"{e.count.written} {unit}", expected=f"{counted} {unit}",
                  formula=f"{where}：{_joined(_short(i) for i in e.items)}（共 {counted} {unit}）",
                  fields={"stated_count": e.count.written, "counted": counted,
                          # (a list before its count, 包括A、B、C 3项: the words before the count are its last item)
                          "subject": e.count.noun or (e.source != "preceding"
                                                      and _noun_before(e.passage.text, e.count.start, rule.params, True))
                          or "项目",
                          "unit": unit})


def _short(item: str, width: int = 24) -> str:
    return item if len(item) <= width else item[:width] + "…"


# --- breakdown ------------------------------------------------------------------------

CLAUSE_BREAKS = "，,；;、：:"
MARKS_RE = re.compile("[" + re.escape("".join(QUOTES) + "".join(QUOTES.values()) + OPEN + CLOSE + CLAUSE_BREAKS) + "]")


def _step(ch: str, depth: int, quote: str) -> tuple[int, str, bool]:
    """One character through the quote and bracket state: (depth, open quote, whether the
    character is itself a quote or bracket mark or is inside quotes)."""
    if quote:
        return depth, ("" if ch == QUOTES[quote] else quote), True
    if ch in QUOTES:
        return depth, ch, True
    if ch in OPEN:
        return depth + 1, quote, True
    if ch in CLOSE:
        return max(0, depth - 1), quote, True
    return depth, quote, False


def _clause_starts(text: str, start: int, end: int):
    """Offsets in [start, end) where a clause begins: after ， ； 、 ： at depth 0, outside quotes.
    The same places as `_scan` marks outside brackets and quotes, read from one quote, bracket or
    break to the next (a regex search) instead of character by character."""
    yield start
    depth, quote = 0, ""
    for m in MARKS_RE.finditer(text, start, end):
        ch = m.group()
        depth, quote, marked = _step(ch, depth, quote)
        if not marked and depth == 0 and ch in CLAUSE_BREAKS:
            yield m.start() + 1


def _scan(text: str, start: int, end: int):
    """(offset, character, outside brackets and quotes) for each character of text[start:end];
    quote and bracket characters themselves count as inside."""
    depth, quote = 0, ""
    for k in range(start, end):
        ch = text[k]
        depth, quote, marked = _step(ch, depth, quote)
        yield k, ch, not marked and not quote and depth == 0


# a part of a breakdown: its noun, the count (digits or Chinese numerals), a measure word ({measure})
BREAKDOWN_PART = f"\\s*([{CJK}]{{1,12}}?)(?:共有|共计|共|有)?\\s*(\\d+|{{numeral}}{{1,4}})\\s*({{measure}})"


@lru_cache(maxsize=8)
def _part_re(measure_words: tuple[str, ...], markers: tuple[str, ...] = ()) -> re.Pattern:
    """BREAKDOWN_PART in the measure words, after one of the `markers` if any (其中产出指标6个)."""
    opening = f"\\s*(?:(?:{alternatives(markers)})[：:，,]?)?" if markers else ""
    return re.compile(opening + _measured(BREAKDOWN_PART, {"measure_words": measure_words}))


def breakdowns(passage: Passage, params: dict) -> list[Breakdown]:
    part_re = _part_re(tuple(params["measure_words"]))
    level1 = set(params["level1_categories"])
    found = []
    text = passage.text
    for head in _counts(passage, params):
        head_noun = _noun_before(text, head.start, params)
        if not head_noun:
            continue
        k = head.end
        after = re.compile(f"[{CJK}]{{0,4}}").match(text, k)  # 3 个目标值
        k = _skip_brackets(text, after.end())
        k = re.compile(r"\s*[，,：:]?\s*").match(text, k).end()
        marker = next((w for w in sorted(params["breakdown_markers"], key=len, reverse=True)
                       if text.startswith(w, k)), "")
        k += len(marker)
        if marker:
            k = re.compile(r"\s*[：:]?\s*").match(text, k).end()  # (其中：产出指标8个、…)
        _, end = _sentence_bounds(passage, k)
        window = min(end, k + MAX_BREAKDOWN_CHARS)
        suffix = head_noun[-2:]
        if not marker and head_noun not in level1:
            continue  # without a marker, only a category followed by its sub-categories
        if marker not in params["exhaustive_markers"] and suffix not in params["partition_suffixes"]:
            continue  # parts of other things may overlap (重点项目, 新建项目)
        b = Breakdown(head, marker)
        for pos in _clause_starts(text, k, window):
            m = part_re.match(text, pos, window)
            if not m or not m.group(1).endswith(suffix):
                if pos == k:
                    break  # the parts follow the marker at once, or this is no breakdown
                continue
            value = _number(m.group(2))
            if value is None:
                continue
            if m.group(1) in level1 and m.group(1) != head_noun and head_noun in level1:
                b = None  # a sibling category, not a part: 产出指标6个、效益指标3个
                break
            if len(b.parts) >= 2 and sum(p.value for p in b.parts) == head.value \
                    and any(ch in text[b.parts[-1].end:pos] for ch in "；;") \
                    and not any(ch in text[b.parts[0].end:b.parts[-1].end] for ch in "；;"):
                # the parts, listed with 、 or ，, made up the count and a ； follows: another split
                # of it begins (其中产出指标5个、…；已完成指标8个，未完成指标1个)
                break
            if len(b.parts) == MAX_BREAKDOWN_PARTS:
                b = None  # more parts than any breakdown has: a list of something else
                break
            b.parts.append(Part(m.group(1), value, m.end(), m.group(3)))
        else:
            if window < end:
                b = None  # the sentence goes on past the window: parts may be missing
        if b and b.parts:
            found.append(b)
    return found


def _exhaustive(b: Breakdown, params: dict) -> bool:
    if b.marker in params["exhaustive_markers"]:
        return True
    level1 = {p.noun for p in b.parts} & set(params["level1_categories"])
    return len(level1) >= params["min_categories_exhaustive"]


def _check_breakdown(doc, rule):
    params = rule.params
    for passage in _counted_passages(doc, params):
        for b in breakdowns(passage, params):
            stated, counted = b.head.value, sum(p.value for p in b.parts)
            if stated == counted or (counted < stated and not _exhaustive(b, params)):
                continue
            # (绩效指标9个（含预算执行率），其中产出指标5个、效益指标2个、满意度指标1个: the execution
            # rate counted in the total, listed in none of the categories)
            if stated - _execution_included(passage.text, b.head.end, params["included_pattern"]) == counted \
                    and not any(names_execution_rate(p.noun) for p in b.parts):
                continue
            quote, loc = passage.quote(_clause_start(passage.text, b.head.start), b.parts[-1].end, b.head.start)
            subject = _noun_before(passage.text, b.head.start, params)
            unit = passage.text[b.head.end - 1]  # (the head's measure word: 十三项 counts in 项)
            yield Hit(quote=quote, location=loc, stated=f"{subject} {stated} {unit}", expected=f"{counted} {unit}",
                      formula=" + ".join(f"{p.noun} {p.value} {p.unit}" for p in b.parts) + f" = {counted} {unit}",
                      fields={"stated_count": b.head.written, "counted": str(counted), "subject": subject,
                              "unit": unit})


# --- indicator rows -------------------------------------------------------------------

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


def _check_indicator_rows(doc, rule):
    params = rule.params
    total_re = re.compile(_measured(params["total_pattern"], params))
    tables = _ScoreTables(doc, params)
    for passage in _passages(doc):
        for m in total_re.finditer(passage.text):
            if not any(m.groups()):
                continue  # (an opener, 共有, with no level counted after it: every level is optional)
            s, e = _sentence_bounds(passage, m.start())
            table = tables.for_sentence(passage, s, e)
            if table is None:
                continue
            rows, level1, level2 = tables.indicator_rows(table)
            if not rows:
                continue
            # (八个, 8个: the pattern's unnamed groups; its named ones count the first and second levels)
            stated = _number(next((m.group(k) for k in range(1, m.re.groups + 1)
                                   if k not in m.re.groupindex.values() and m.group(k)), None) or "")
            if stated is None:
                # (一级指标4个、二级指标12个 with no third level's count: those levels only)
                yield from _level_counts(m, rows, rows, f"表{table.table.index}", passage)
                continue
            subject = "三级指标" if "三级指标" in m.group(0) else "绩效指标"
            quote, loc = passage.quote(_clause_start(passage.text, m.start(), 40), m.end(), m.start())
            label = f"表{table.table.index}"
            core = [r for r in rows if not _first_level_item(r, params["level1_categories"], params["category_suffix"])] \
                or rows
            outside = _included_elsewhere(passage.text, m.end(), rows, params["included_pattern"])
            if stated not in (len(rows), len(core)) and stated - outside not in (len(rows), len(core)):
                items = [r for r in rows if r not in core]
                yield Hit(quote=quote, location=loc, stated=f"{stated} 个", expected=f"{len(core)} 个",
                          formula=f"{label}列出指标 {len(core)} 个：" + _joined(r.indicator for r in core)
                          + (f"（另有一级指标 {_joined(r.indicator for r in items)}，计入则为 {len(rows)} 个）"
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
    return _execution_included(text, end, pattern)


def _execution_included(text: str, end: int, pattern: str) -> int:
    """How many items of a bracket right after a count (（含预算执行率）) name the budget's execution rate."""
    m = re.compile(pattern).match(text, end) if pattern else None
    if m is None:
        return 0
    return sum(1 for i in re.split(r"[、，,和及]", m.group("items")) if i.strip() and names_execution_rate(i))


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
        stated = _number(m.group(group))

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
                  formula=f"{label}列出{subject} {len(distinct)} 个：" + _joined(k[-1] for k in distinct),
                  fields={"stated_count": str(stated), "counted": str(len(distinct)), "subject": subject})


def _category_rows(passage: Passage, start: int, end: int, categories: tuple[dict, dict], label: str,
                   params: dict):
    """Category counts right after the total (其中产出指标 6 个、效益指标 3 个) against the rows of
    each category: the rows whose first-level name it is, or, when none, whose second-level."""
    part_re = _part_re(tuple(params["measure_words"]), tuple(params["breakdown_markers"]))
    level1, level2 = categories
    for pos in _clause_starts(passage.text, start, end):
        m = part_re.match(passage.text, pos, end)
        if not m or m.group(1) not in params["level1_categories"]:
            continue
        name, stated = m.group(1), _number(m.group(2))
        mine = level1.get(name) or level2.get(name) or []
        if not mine or stated is None or len(mine) == stated:
            continue
        quote, loc = passage.quote(m.start(1), m.end())
        yield Hit(quote=quote, location=loc, stated=f"{stated} 个", expected=f"{len(mine)} 个",
                  formula=f"{label}「{name}」下列出 {len(mine)} 个：" + _joined(r.indicator for r in mine),
                  fields={"stated_count": str(stated), "counted": str(len(mine)), "subject": name},
                  highlights=[r.cells["indicator"].loc for r in mine])


# --- restated totals ------------------------------------------------------------------

def _check_restated_total(doc, rule):
    """A total (共…N个) with no list of its own, against the complete list of the same noun in
    the same section; quiet when the section lists that noun more than once, or differently."""
    params = rule.params
    lists: dict[tuple[int, str], list[Enumeration]] = {}
    listed_at = set()
    for e in enumerations(doc, params):
        lists.setdefault((e.passage.section, e.count.noun), []).append(e)
        listed_at.add((id(e.passage), e.count.start))
    # a count that is no list's own (the others are skipped below) is compared with all of them
    summary = {key: ({len(e.items) for e in same}, any(e.ambiguous for e in same)) for key, same in lists.items()}
    cues = sorted(params["total_cues"], key=len, reverse=True)
    forms: list[str] | None = None  # the project forms: read only for a total of projects listed nowhere
    for passage in _counted_passages(doc, params):
        for count in _counts(passage, params):
            if (id(passage), count.start) in listed_at:
                continue
            clause = passage.text[_clause_start(passage.text, count.start):count.start]
            if not any(cue in clause for cue in cues):
                continue
            noun = _noun_before(passage.text, count.start, params) if not passage.text.startswith(
                count.noun, count.end) else count.noun
            same = lists.get((passage.section, noun), [])
            sizes, ambiguous = summary.get((passage.section, noun), (set(), False))
            if not same and noun in params["project_nouns"]:
                forms = _project_forms(doc, params) if forms is None else forms
                if len(forms) > count.value:
                    quote, loc = _quote_for(passage, count)
                    yield Hit(quote=quote, location=loc, stated=f"{count.written} 个", expected=f"至少 {len(forms)} 个",
                              formula=f"附有项目支出绩效自评表 {len(forms)} 张：{_joined(forms)}",
                              fields={"stated_count": count.written, "counted": str(len(forms)), "subject": noun})
                    continue
            if len(same) < 1 or len(sizes) != 1 or ambiguous:
                continue
            n = next(iter(sizes))
            if n == count.value:
                continue
            e = same[0]
            quote, loc = _quote_for(passage, count)
            where, _ = e.passage.quote(_clause_start(e.passage.text, e.count.start), e.count.end, e.count.start)
            yield Hit(quote=quote, location=loc, stated=f"{count.written} 个", expected=f"{n} 个",
                      formula=f"同节“{where}”列出：{_joined(_short(i) for i in e.items)}（共 {n} 个）",
                      fields={"stated_count": count.written, "counted": str(n), "subject": noun})


def _project_forms(doc, params: dict) -> list[str]:
    """Distinct project names of the project self-evaluation forms (the cell after 项目名称)."""
    labels = {compact(x) for x in params["project_name_labels"]}
    names: list[str] = []
    for table in doc.tables:
        # compact() works character by character: a cell whose compacted text is a label puts
        # that label in the table's compacted text, so a table without any is skipped whole
        whole = compact("".join(c.text for row in table.rows for c in row))
        if not any(label in whole for label in labels):
            continue
        grid = [[c.text.strip() for c in row] for row in table.rows]
        for r, cells in enumerate(grid):
            for i, text in enumerate(cells):
                if compact(text) in labels:
                    # (a summary list's 项目名称 heads its column of names: the cell after it is
                    # another column's head, 年初预算数, no project)
                    name = "" if heads_a_column(grid, r, i) else next((t for t in cells[i + 1:] if t), "")
                    if name and name not in names:
                        names.append(name)
                    break
    return names


# --- status split -----------------------------------------------------------------------

@dataclass
class StatusPart:
    status: str  # done | partial | undone
    value: int
    written: str
    start: int
    end: int


STATUS_NAMES = {"done": "完成", "partial": "部分完成", "undone": "未完成"}


def _status_of(clause: str, params: dict) -> str | None:
    """The status a clause counts: negatives first (未完成 holds 完成), then partial ones (部分整改
    holds 整改), then the positive cues; None for a clause naming no status."""
    for status, cues in (("undone", "negative_cues"), ("partial", "partial_cues"), ("done", "positive_cues")):
        if any(c in clause for c in params[cues]):
            return status
    return None


def _counts_the_same(text: str, end: int, noun: str, params: dict) -> bool:
    """A status count (9个达到…, 完成的有9个，, 9个指标未达到) counts the whole's things: after its 个
    comes a status word, a break, or the whole's own noun (指标 of “12个指标中”), not another noun."""
    follow = text[end:end + 12].lstrip()
    whole = noun[:-1] if noun.endswith("中") else noun
    return not follow or follow[0] in "，,。；;、）)" or (bool(whole) and follow.startswith(whole)) \
        or follow.startswith(tuple(params["positive_cues"] + params["negative_cues"] + params["status_leads"]))


def _status_parts(passage: Passage, head: Count, params: dict) -> list[StatusPart]:
    """The clauses right after a total that count its done and not-done parts (完成的有 5 个，
    未完成的 1 个), up to the end of the next sentence; a count of anything else ends them (其中数量
    指标 10 个 starts a sub-total whose own 完成 count is not part of this one)."""
    text = passage.text
    count_re = re.compile(params["count_pattern"])
    _, end = _sentence_bounds(passage, head.end)
    if end < len(text):
        _, end = _sentence_bounds(passage, end + 1)
    window = min(end, head.end + MAX_BREAKDOWN_CHARS)
    parts: list[StatusPart] = []
    starts = _clause_starts(text, head.end, window)
    a = next(starts)
    for b in [*starts, window]:
        clause, a = text[a:b], b
        m = count_re.search(clause)
        if m is None:
            continue
        value = _number(m.group(1))
        status = _status_of(clause, params)
        if value is None or status is None:
            break
        parts.append(StatusPart(status, value, m.group(1), b - len(clause) + m.start(), b - len(clause) + m.end()))
        if sum(p.status == status for p in parts) > 1:
            break  # two counts of one status: no plain split, whatever follows
    else:
        if window < end:
            return []  # the sentences go on past the window: parts may be missing
    return parts


def _found_total(text: str, clause: str, head: Count, params: dict) -> bool:
    """The count is of findings said found (反映了86个问题, 查出问题12个): a word of finding in its
    clause, the finding's noun right after it or right before its number."""
    if not any(c in clause for c in params["finding_cues"]):
        return False
    nouns = tuple(params["finding_nouns"])
    # (the noun within a few characters after the count: 86个问题, 12 个 问题; FINDING_NOUN_REACH)
    return bool(nouns) and (text[head.end:head.end + FINDING_NOUN_REACH].lstrip().startswith(nouns)
                            or clause.rstrip().endswith(nouns))


FINDING_NOUN_REACH = 8  # characters after a count its noun may start within (spaces of a PDF's text between)


def _check_status_split(doc, rule):
    params = rule.params
    cues = params["total_cues"]
    whole_after = re.compile(params["total_after"]) if params["total_after"] else None
    for passage in _counted_passages(doc, params):
        for head in _counts(passage, params):
            clause = passage.text[_clause_start(passage.text, head.start):head.start]
            after = whole_after.match(passage.text, head.end) if whole_after else None
            found = _found_total(passage.text, clause, head, params)
            if not any(c in clause for c in cues) and not after and not found:
                continue
            parts = _status_parts(passage, head, params)
            if (after or found) and not all(_counts_the_same(passage.text, p.end, head.noun, params) for p in parts):
                continue  # “在过去的3个月中，完成了5个项目”: the parts count something else
            statuses = [p.status for p in parts]
            if not parts or len(set(statuses)) < len(statuses):
                continue  # two counts of one status: not a plain split
            # (done and undone both stated: the split is whole, a partial count between them or not;
            # otherwise a status is left unsaid and the parts only may not exceed the total)
            # A total only said found (查出问题30个, no 共) may have parts in statuses not named here
            # (…，3个已移送纪检监察机关): its parts only may not exceed it.
            whole = "done" in statuses and "undone" in statuses and (any(c in clause for c in cues) or bool(after))
            counted = sum(p.value for p in parts)
            if (whole and counted == head.value) or (not whole and counted <= head.value):
                continue
            quote, loc = passage.quote(_clause_start(passage.text, head.start), parts[-1].end, head.start)
            what = " + ".join(f"{STATUS_NAMES[p.status]} {p.written} 个" for p in parts)
            noun = head.noun or _noun_before(passage.text, head.start, params)
            if after and noun.endswith("中"):
                noun = noun[:-1]  # “12个指标中”: the noun is 指标
            yield Hit(quote=quote, location=loc, stated=f"{head.written} 个", expected=f"{counted} 个",
                      formula=f"{what} = {counted} 个" + ("" if whole else f"，超过总数 {head.written} 个"),
                      fields={"stated_count": head.written, "counted": str(counted), "subject": noun})


CHECKS = {
    "status_split": _check_status_split,
    "enumeration": _check_enumeration,
    "breakdown": _check_breakdown,
    "indicator_rows": _check_indicator_rows,
    "restated_total": _check_restated_total,
}
