"""The count of heads an amount per head in prose is over (人均公用经费 over 年末在职人员126人).

A report states its heads once, often far from the figures per head: 年末在职人员126人，其中行政编制
28人、事业编制98人；另有离退休人员57人 in its 部门概况, and sections later 按年末在职人员计算人均公用经费
4.18万元. The count is looked for in the figure's sentence, else in the sentences before it in its
paragraph, else in the paragraphs before it; the nearest place holding a count that fits is the
one read, and there the count must be one (the same figure stated twice is one), else which
heads are meant is not known and nothing is judged. A count fits when it is

- counted in the units of the word per head (人, 户, 亩; 2.52万亩 as well), of the report's year,
  a whole number of heads, and no sum over years (累计) unless the figure per head is one;
- no part of a whole counted before it in its sentence (其中行政编制28人 after 在职人员126人;
  79所 after 全县86所学校中);
- of the kind of heads the basis (按年末在职人员计算) or the figure's own words name (在职, 编制,
  离退休), or, naming none, of no kind meant only when named (the retired);
- named by the basis where it names heads in words of its own (建成面积 names 实际建成2.52万亩, not
  计划新建2.4万亩): the counts sharing most of those words;
- before the paragraph, if it counts people (人: staff, pupils, trainees alike), named: by the
  basis, by a kind of heads the figure names, as the unit's staff for a figure of its own money
  (人均公用经费 over 在职在编人员84人), or by the heads its word names (生均: 在校学生). Schools,
  land and households (所, 亩, 户) are read there unnamed.

Every count of heads is read once per document (`HeadCounts`), so a place is a slice of them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal

from ..facts.base import Fact, FactBase
from ..facts.base.model import CURRENT
from ..facts.base.words import NOUN_AFTER_RE
from ..facts.lexicon import lexicon
from ..knowledge import compact, han_bigrams

TEN_THOUSAND = "万"  # a count printed in ten thousands (2.52万亩): its heads are the figure × 10,000
SCALE = Decimal(10000)


@dataclass(frozen=True)
class HeadWords:
    """The rule's words about counts of heads (rules/facts/per-head-mismatch.yaml)."""
    basis: re.Pattern  # 按年末在职人员计算: group 1 the heads named
    kinds: dict[str, list[str]]  # kind -> its words (在职: [在职, 在岗, 实有])
    named_only: tuple[str, ...]  # kinds a figure per head is over only when it names them (退休)
    cumulative: tuple[str, ...]  # words of a count summed over years (累计)
    part_openers: tuple[str, ...]  # words after a count opening a list of its parts (其中)
    whole: re.Pattern  # the words right after a count making it the whole of the counts after it (所学校中，)
    generic: frozenset[str]  # word pairs of names of heads that name no count in particular (人员, 学生)
    staff_figures: tuple[str, ...]  # figures per head of the unit's own staff (人均公用经费)
    people: tuple[str, ...]  # units counting people, whoever they are (人: staff, pupils, trainees)
    heads_named: dict[str, list[str]]  # word per head -> the heads it names (生均: 学生, 在校生)

    @classmethod
    def of(cls, params: dict) -> "HeadWords":
        return cls(re.compile(params["basis_pattern"]), params["head_kinds"], tuple(params["named_only_kinds"]),
                   tuple(params["cumulative_words"]), tuple(params["part_openers"]),
                   re.compile(params["whole_pattern"]),
                   frozenset(p for w in params["head_nouns"] for p in han_bigrams(w)), tuple(params["staff_figures"]),
                   tuple(params["people_units"]), params["heads_named"])


def basis_of(base: FactBase, per: Fact, words: HeadWords) -> str:
    """The heads the sentence says its figure per head is over, before it (按年末在职人员计算): "" if none."""
    text = base.sentences.get((per.block, per.sentence), "")[:per.at]
    found = [m.group(1) for m in words.basis.finditer(text)]
    return compact(found[-1]) if found else ""


def count_bounds(f: Fact) -> tuple[Decimal, Decimal]:
    """The heads a count stands for: exact when whole, its printed interval × 10,000 in 万."""
    if f.unit.startswith(TEN_THOUSAND):
        return f.interval(SCALE)
    return f.value, f.value


def _part_name(f: Fact, words: "HeadWords") -> str:
    """A listed part's own name (高中 of 、高中1542人; 其中初中 of the first: the list's opener out)."""
    name = compact(f.label).lstrip("，,、；;：:")
    opener = next((o for o in (*lexicon().list_openers, *words.part_openers) if name.startswith(o)), "")
    return name[len(opener):].lstrip("，,：:")


class HeadCounts:
    """Every count of heads of a document in prose that is no part of another, in reading order,
    with the words naming it, the kinds of heads they name and whether it sums years."""

    def __init__(self, base: FactBase, units: set[str], words: HeadWords):
        self.base, self.words = base, words
        counts = [f for key in sorted(base.by_sentence) for f in base.by_sentence[key]
                  if _counted_in(f, units) and not f.comparator and f.period == CURRENT]
        parts = self._parts(counts)
        self.facts = [f for f in counts if f.id not in parts]
        # (the parts by block: a figure whose basis names one, 按高中在校生计算, is over that part)
        self.parts_by_block: dict[int, list[Fact]] = {}
        for f in counts:
            if f.id in parts:
                self.parts_by_block.setdefault(f.block, []).append(f)
        self.blocks = [f.block for f in self.facts]
        self.by_block: dict[int, list[Fact]] = {}
        for f in self.facts:
            self.by_block.setdefault(f.block, []).append(f)
        self.named = {f.id: self._named(f) for f in self.facts}
        self.kinds = {f.id: _kinds(self.named[f.id], words) for f in self.facts}
        self.summed = {f.id: any(w in f.label for w in words.cumulative) for f in self.facts}
        self._wanted: dict[str, set[str]] = {}

    def __call__(self, per: Fact, word: str, units: list[str], basis: str, far: bool,
                 named: tuple[str, ...] = ()) -> Fact | None:
        """The one count the figure per head is over, nearest first (see the module's doc); before
        its paragraph only when `far` (a pass over the document's counts). `named`: the heads the
        words before its word per head name (出院者次均费用: 出院), which of several counts it is over."""
        block = self.by_block.get(per.block, [])
        if basis:
            # (在校学生2828人，其中初中1286人、高中1542人 … 按高中在校生计算，生均…: the part the basis names)
            parts = [f for b in (per.block - 1, per.block) for f in self.parts_by_block.get(b, ())
                     if f.id < per.id and _counted_in(f, set(units)) and len(name := _part_name(f, self.words)) >= 2 and name in basis]
            if len(parts) == 1:
                return parts[0]
        places = [[f for f in block if f.sentence == per.sentence], [f for f in block if f.sentence < per.sentence]]
        if far:
            places.append(self.facts[:bisect_left(self.blocks, per.block)])
        units_, label = set(units), compact(per.label)
        summed = any(w in label for w in self.words.cumulative)
        for k, place in enumerate(places):
            counts = [f for f in place if _counted_in(f, units_) and self.summed[f.id] == summed]
            counts = self._fitting(counts, word, label, basis, k == 2 and bool(units_ & set(self.words.people)), named)
            if len(counts) > 1 and named:
                # (门急诊86.42万人次 and 出院3.85万人次 stated together: 出院者次均费用 is over the 出院)
                counts = [f for f in counts if any(n in self.named[f.id] for n in named)] or counts
            if counts:
                return counts[0] if len({count_bounds(f) for f in counts}) == 1 else None
        return None

    def _fitting(self, counts: list[Fact], word: str, label: str, basis: str, far: bool,
                 named: tuple[str, ...] = ()) -> list[Fact]:
        """The counts of a place a figure per head (its words `label`) may be over; of people before
        its paragraph (`far`), only those it names: by its basis, by the kind of heads it is of, by
        its word per head (生均: 学生), or by the words before that word (`named`: 出院者次均: 出院)."""
        words = self.words
        if basis + label not in self._wanted:  # (the same words again and again in a long report)
            self._wanted[basis + label] = _kinds(basis + label, words)
        wanted = self._wanted[basis + label]
        if not wanted and far and not basis and any(w in label for w in words.staff_figures):
            # (人均人员经费 sections after 在职在编人员84人: the unit's staff, of whatever kind but the retired)
            wanted = set(words.kinds) - set(words.named_only)
        if wanted:
            counts = [f for f in counts if self.kinds[f.id] & wanted]
        elif far and not basis:
            names = (*words.heads_named.get(word, ()), *named)
            return [f for f in counts if any(n in self.named[f.id] for n in names)
                    and not self.kinds[f.id] & set(words.named_only)]
        else:
            counts = [f for f in counts if not self.kinds[f.id] & set(words.named_only)]
        own = han_bigrams(basis) - words.generic
        if not own or not counts:
            return counts
        shared = {f.id: len(han_bigrams(self.named[f.id]) & own) for f in counts}
        most = max(shared.values())
        return [f for f in counts if most and shared[f.id] == most]

    def _named(self, f: Fact) -> str:
        """The words naming a count: before it and right after it (全县86所实施学校)."""
        after = NOUN_AFTER_RE.match(self._text(f), f.at + len(f.text))
        return compact(f.label) + after.group()

    def _text(self, f: Fact) -> str:
        return self.base.sentences.get((f.block, f.sentence), "")

    def _parts(self, counts: list[Fact]) -> set[int]:
        """The counts listed as parts of a count before them in their sentence, in its unit (在职人员
        126人，其中行政编制28人、事业编制98人; 全县86所学校中，…学校79所): the whole counts the heads."""
        parts: set[int] = set()
        for k, whole in enumerate(counts):
            if whole.id in parts:
                continue
            text, end = self._text(whole), whole.at + len(whole.text)
            opens = self.words.whole.match(text, end) is not None
            for f in (counts[j] for j in range(k + 1, len(counts))):
                if (f.block, f.sentence) != (whole.block, whole.sentence):
                    break
                if f.unit == whole.unit and (opens or any(w in text[end:f.at] for w in self.words.part_openers)):
                    parts.add(f.id)
        return parts


def _counted_in(f: Fact, units: set[str]) -> bool:
    """A count of heads in one of the units: whole (126人), or in ten thousands (2.52万亩)."""
    if f.unit in units:
        return f.places == 0
    return f.unit.startswith(TEN_THOUSAND) and f.unit[len(TEN_THOUSAND):] in units


def _kinds(text: str, words: HeadWords) -> set[str]:
    return {kind for kind, names in words.kinds.items() if any(w in text for w in names)}
