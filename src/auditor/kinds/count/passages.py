"""What the `count` checks read: the logical paragraphs of a document (Passage: paragraphs a hard
wrap cut apart, joined again, and each prose cell of a table), the counts stated in them (Count),
the nouns before and after a count, the bounds of its sentence and clause, and the clauses a
sentence splits into outside brackets and quotes."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ...facts.lexicon import alternatives
from ...facts.numbers import CN_COUNT_DIGITS, cn_to_int
from ...ingest.raw import bounded_int
from ...model import Heading, Location, Paragraph, Table, is_prose


CJK_FIRST, CJK_LAST = "\u4e00", "\u9fa5"  # the CJK unified ideographs a noun is written in
CJK = f"{CJK_FIRST}-{CJK_LAST}"
OPEN, CLOSE = "（(《【[", "）)》】]"
QUOTES = {"“": "”", "\"": "\"", "「": "」"}

SENTENCE_END = "。！？!?"
SENTENCE_END_RE = re.compile(f"[{SENTENCE_END}]")

WRAP_END = "。！？；：!?;:”"  # a paragraph not ending in one of these was cut by a line wrap
# ... when it fills a line: a shorter one is a title or a label (某局2025年度部门决算), not a wrapped
# line (the threshold text.py joins wrapped lines at)
WRAPPED_LINE_MIN = 25


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


def measured(pattern: str, params: dict) -> str:
    """A pattern with {measure} standing for the rule's measure words (个|项|条) and {numeral} for
    a character of a count in Chinese numerals."""
    return pattern.replace("{measure}", f"(?:{alternatives(params['measure_words'])})") \
        .replace("{numeral}", f"[{CN_COUNT_DIGITS}]")


def count_number(text: str) -> int | None:
    """A count as written (digits or 一二三); None when it is no count (more digits than any count
    has: Python's int() would refuse thousands of them)."""
    return bounded_int(text) if text.isdecimal() else cn_to_int(text)


def _cell_passages(table: Table, section: int, index: int) -> list[Passage]:
    """Each prose cell of a table is a passage of its own (its counts and lists are read as a
    paragraph's), at the cell's location."""
    return [Passage(cell_para.plain, [(0, cell_para)], section, index, index, cell=True)
            for row in table.rows for cell in row if is_prose(cell.text)
            for cell_para in [Paragraph(cell.text, cell.loc)]]


def document_passages(doc) -> list[Passage]:
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


def sentence_bounds(passage: Passage, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding pos: after the last sentence end before pos, up to
    the first at or after it (or the passage's end); looked up, not searched for."""
    ends = passage.sentence_ends()
    k = bisect_left(ends, pos)
    return (ends[k - 1] + 1 if k else 0), (ends[k] if k < len(ends) else len(passage.text))


def clause_start(text: str, pos: int, limit: int = 24, stops: str = "，,；;：:。！？!?、\n") -> int:
    """Where the clause holding pos begins (after the last of `stops`), at most `limit` back."""
    k = pos
    while k > 0 and pos - k < limit and text[k - 1] not in stops:
        k -= 1
    return k


def noun_before(text: str, pos: int, params: dict, before_cue: bool = False) -> str:
    """The noun written just before a number: 内设科室8个 -> 科室, 共安排项目3个 -> 项目; with
    `before_cue`, the noun before a cue right before the number too (单位共2个 -> 单位; else "",
    and the counts keyed by noun are not matched through it)."""
    while pos > 0 and text[pos - 1] in " \u3000":
        pos -= 1
    k = pos
    while k > 0 and pos - k < 12 and CJK_FIRST <= text[k - 1] <= CJK_LAST:
        k -= 1
    run = text[k:pos]
    for cue in params["noun_cues"]:
        cut = run.rfind(cue)
        if cut >= 0:
            # (a cue right before the number, 单位共2个: the noun stands before it)
            run = run[:cut] if before_cue and cut + len(cue) == len(run) and cut > 0 else run[cut + len(cue):]
    return run


CJK_RUN_RE = re.compile(f"[{CJK}]{{1,12}}")


def noun_after(text: str, pos: int) -> str:
    m = CJK_RUN_RE.match(text, pos)
    return m.group(0) if m else ""


def skip_brackets(text: str, pos: int) -> int:
    """Past a parenthesis opening at pos (one level, up to 80 characters), else pos."""
    if pos < len(text) and text[pos] in OPEN:
        close = CLOSE[OPEN.index(text[pos])]
        end = text.find(close, pos + 1, pos + 80)
        if end > 0:
            return end + 1
    return pos


def stated_counts(passage: Passage, params: dict):
    """The stated counts of a passage, found once per pattern (every check asks for them); each
    caller gets Count objects of its own, since enumerations name their nouns on them."""
    found = _found_counts(passage, params)
    return (Count(*fields) for fields in found) if found else ()


def _found_counts(passage: Passage, params: dict, pattern: re.Pattern | None = None) -> list[tuple]:
    """The counts of the passage as field tuples, read once per count pattern (`pattern`: that
    pattern compiled, when the caller reads many passages with it)."""
    found = passage._counts.get(params["count_pattern"])
    if found is None:
        found = []
        for m in (pattern or re.compile(params["count_pattern"])).finditer(passage.text):
            value = count_number(m.group(1))
            if value is None:
                continue
            noun = noun_after(passage.text, m.end()) or noun_before(passage.text, m.start(), params)
            found.append((value, m.group(1), m.start(), m.end(), noun))
        passage._counts[params["count_pattern"]] = found
    return found


def counted_passages(doc, params: dict) -> list[Passage]:
    """The passages stating a count of the rule's pattern, in document order, listed once per
    document and pattern: most passages state none, and every count check walks these only."""
    cache = doc.__dict__.setdefault("_counted_passages", {})
    key = params["count_pattern"]
    if key not in cache:
        pattern = re.compile(key)  # (once, not looked up in the regex cache for each passage)
        cache[key] = [passage for passage in document_passages(doc) if _found_counts(passage, params, pattern)]
    return cache[key]


def quote_for(passage: Passage, count: Count, extra: int = 0) -> tuple[str, Location]:
    start = clause_start(passage.text, count.start)
    return passage.quote(start, count.end + extra, count.start)


def joined_names(names) -> str:
    """Names listed in a formula: by 、, or by ； where a name holds a 、 of its own (so that the
    count the reader makes is the count the formula states)."""
    names = list(names)
    return ("；" if any("、" in n for n in names) else "、").join(names)


def shortened(item: str, width: int = 24) -> str:
    return item if len(item) <= width else item[:width] + "…"


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


def clause_starts(text: str, start: int, end: int):
    """Offsets in [start, end) where a clause begins: after ， ； 、 ： at depth 0, outside quotes.
    The same places as `scan_characters` marks outside brackets and quotes, read from one quote, bracket or
    break to the next (a regex search) instead of character by character."""
    yield start
    depth, quote = 0, ""
    for m in MARKS_RE.finditer(text, start, end):
        ch = m.group()
        depth, quote, marked = _step(ch, depth, quote)
        if not marked and depth == 0 and ch in CLAUSE_BREAKS:
            yield m.start() + 1


def scan_characters(text: str, start: int, end: int):
    """(offset, character, outside brackets and quotes) for each character of text[start:end];
    quote and bracket characters themselves count as inside."""
    depth, quote = 0, ""
    for k in range(start, end):
        ch = text[k]
        depth, quote, marked = _step(ch, depth, quote)
        yield k, ch, not marked and not quote and depth == 0
