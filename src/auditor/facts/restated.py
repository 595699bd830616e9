"""A thing restated without its figure: “2023年末，全区政府债务余额68.45亿元，……。年末余额比上年末
62.17亿元增加6.82亿元，增长10.1%”. The comparison's clause opens with words naming the thing (年末余额)
but no figure of it, and no concept is named by those words alone: the change, the rate and the
base stated in that clause are of the figure the paragraph gave earlier, whose name ends with the
same words once the period words are left off (余额 of 政府债务余额). Such figures take that
figure's concept, so that the rules comparing a change, a rate or a way with the two years of a
concept (DRV003, DRV012, DIR002) judge them as they judge a clause naming its thing in full.

Strict on purpose: the earlier figure is this year's outturn of a concept in the same paragraph
and fund, and the only one whose name ends so (a 其中 list's parts, 其中一般债务余额 under 政府债务
余额, do not count against their whole). Each paragraph is read once, and each restated subject
looks back over a bounded number of the paragraph's figures (LOOK_BACK): linear in the document.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..knowledge import compact, concepts
from .lexicon import alternatives, lexicon
from .numbers import groups_thousands

LOOK_BACK = 40  # the paragraph's figures a restated subject looks back over (a paragraph rarely holds more)
SUBJECT_MAX = 12  # characters of the words before the comparing word: a thing's name, not a clause
STEM_MIN = 2  # characters the thing's name keeps once its period words are left off (余额, 支出)
# (facts.base.words' CLAUSE_BREAK_RE as characters: facts.base imports this module, not the other way)
CLAUSE_BREAKS = "，,；;：:。"
# a year and its period word, year-end ones too (2023年末 余额: the stem is 余额), unlike facts.base.words'
# YEARS_RE, which leaves 末 to the words after it
YEAR_WORDS_RE = re.compile(r"(?:(?:19|20)\d\d\s*年(?:度|末|底)?)")


def name_restated_subjects(base) -> None:
    """Give each unnamed change, rate or base figure of a clause restating an earlier figure's
    thing that figure's concept, and the bare rate or change clauses right after it in its
    sentence (…增加149,459.50万元，增长13.5%) the same."""
    words = _words()
    if words is None:
        return
    for block, facts in base.by_block.items():
        _name_in_paragraph(base, facts, words)


def _words() -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """(the comparing words, the period words left off a restated name, the words pointing back)."""
    vocab = concepts().get("restated_subject") or {}
    compared = vocab.get("comparing_words") or []
    if not compared:
        return None
    periods = vocab.get("period_words") or []
    pointers = vocab.get("pointer_words") or []
    return (re.compile(alternatives(compared)),
            re.compile(r"^(?:" + alternatives(periods) + ")+") if periods else re.compile(r"^$"),
            re.compile(r"^(?:" + alternatives(pointers) + ")") if pointers else re.compile(r"^$"))


def _name_in_paragraph(base, facts: list, words) -> None:
    carried, key = None, None  # the concept the sentence's last restated clause took
    for k, fact in enumerate(facts):
        if (fact.block, fact.sentence) != key:
            key = (fact.block, fact.sentence)
            carried, sentence = None, base.by_sentence.get(key, [])
            ats = [f.at for f in sentence]  # (in order: a clause's first figure found by bisection)
        if fact.concept is not None or fact.comparator or not _comparing_figure(fact):
            carried = None  # (another thing's figure ends the run of the restated clause)
            continue
        text = base.sentences.get(key, "")
        opening = _clause_opening(text, fact, sentence, ats)
        stem = _stem(opening, words)
        if stem is None:
            if carried is not None and fact.measure in ("变动额", "变动率") and _bare(opening):
                base.name(fact, carried)
            continue
        figure = _restated_figure(base, facts[max(0, k - LOOK_BACK):k], stem, fact)
        carried = figure.concept if figure is not None else None
        if figure is not None:
            base.name(fact, figure.concept)


def _comparing_figure(fact) -> bool:
    """A text figure a comparison states: a change, a rate of change, or last year's amount."""
    return fact.source == "text" and (fact.measure in ("变动额", "变动率") or (fact.is_money and fact.period == "上年"))


def _clause_opening(text: str, fact, sentence: list, ats: list[int]) -> str:
    """The words opening the fact's clause, up to the clause's first figure (the clause names its
    thing in words only when that figure is a comparing one)."""
    start = clause_start(text, fact.at)
    first = sentence[bisect_left(ats, start)] if bisect_left(ats, start) < len(sentence) else fact
    return compact(text[start:min(first.at, fact.at)])


def _bare(opening: str) -> bool:
    """A clause naming nothing before its figure (增长13.5%): it goes on about the clause before."""
    return len(re.sub(r"[^\u4e00-\u9fff]", "", opening)) <= 2


def clause_start(text: str, at: int, breaks: str = CLAUSE_BREAKS, groups: str = ",，") -> int:
    """Where the clause holding position `at` starts: after the last of `breaks` before it; a comma
    of `groups` between digits (1,600.00) groups thousands and breaks nothing (kinds/derived/
    reads it too, with its rule's breaks and only the ASCII comma as grouping)."""
    k = at
    while k > 0:
        k -= 1
        if text[k] in breaks and not groups_thousands(text, k, groups):
            return k + 1
    return 0


def _stem(opening: str, words) -> str | None:
    """The thing's name the clause opens with, before its comparing word, with years, period
    words and words pointing back (该项) left off: None where there is none, or where the words
    name a concept themselves (the reader gave it, or chose not to)."""
    compared, periods, pointers = words
    found = compared.search(opening)
    if found is None or found.start() == 0 or found.start() > SUBJECT_MAX:
        return None
    name = opening[:found.start()]
    if lexicon().concepts.all(name) or lexicon().list_opener.match(name):
        return None
    stem = periods.sub("", pointers.sub("", periods.sub("", YEAR_WORDS_RE.sub("", name))))
    # (only a name leaving off its period or pointing back, 年末余额, 该项支出, restates: a bare one,
    # 余额比上年…, may as well be a thing of its own)
    if len(stem) < STEM_MIN or not re.fullmatch(r"[\u4e00-\u9fff]+", stem) or stem == name:
        return None
    return stem


def _restated_figure(base, earlier: list, stem: str, fact):
    """The one earlier figure of the paragraph the stem restates: this year's outturn of a
    concept, of the fact's fund, whose name ends with the stem; a 其中 list's parts left out
    where their whole is a candidate too."""
    found = [f for f in earlier if f.source == "text" and f.is_money and f.period == "本年" and f.concept
             and f.measure in ("决算", base.bare_measure) and not f.comparator
             and (not fact.fund or f.fund in ("", fact.fund))
             and YEAR_WORDS_RE.sub("", compact(f.label)).endswith(stem)]
    found = [f for f in found if not any(w.sentence == f.sentence and w.id < f.id and _listed_under(base, w, f)
                                         for w in found)]
    return found[0] if len({f.concept for f in found}) == 1 else None


def _listed_under(base, whole, part) -> bool:
    between = base.between(whole, part)
    return any(o in between for o in lexicon().list_openers)
