"""The words the fact reader's parts share: clause and phrase patterns, words naming nothing, the
report's own words, row labels found in running text, a change's sign, a kind's total."""

from __future__ import annotations

import re
from functools import lru_cache

from ...knowledge import compact, concepts
from ...memo import remember_short
from ..lexicon import Lexicon, alternatives, lexicon
from ..targets import SUFFIX


CLAUSE_BREAK_RE = re.compile(r"[，,；;：:。]")
CLAUSE_KEPT_RE = re.compile(f"({CLAUSE_BREAK_RE.pattern})")  # (split so, the breaks are kept between the clauses)

YEARS_RE = re.compile(r"(?:19|20)\d\d\s*年度?")


def years_out(text: str) -> str:
    return YEARS_RE.sub("", text)


UNNAMED = "?"  # the subject of a figure about some project or item the text does not name
CLAUSE_END_RE = re.compile(r"[。；;]")

OPENING_BRACKET_RE = re.compile(r"\s*[（(]")
CLOSING_BRACKET_RE = re.compile(r"\s*[）)]")

# what ends the words that describe a number (its phrase) in running text
PHRASE_BREAK_RE = re.compile(r"[，,；;。：:、！？]")
FROM_QUALIFIER_CHARS = 6  # 由建设前的, 从2024年的: the words between 由 and the figure it starts from

ITEM_TOKEN_RE = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}\s*[、.．]|"
                           r"\d{1,2}\s*[、.．](?!\d)|[①-⑳])\s*")

YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")

CLASS_LEVEL_RE = re.compile(r"[（(](?:类|款|项)[）)]")  # 一般公共服务支出（类）: the level, not a word

LEAD_LIST_RE = re.compile(r"[，,；;、\d]")  # a label holding these is a sentence or a list

NOUN_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,6}")  # the words right after a figure: what it counts

CHANGE_TAIL_RE = re.compile(r"(?:了|为|(?<!节)约|达)+$")  # see change_sign (节约 is a direction word, not 节 + 约)
LEVEL_TAIL_RE = re.compile(r"(?:至|到)\s*$")  # see change_sign

# a bound, not a value: “90分（含）以上”, “60分以下” (a band, a threshold, a target)
BOUND_AFTER_RE = re.compile(r"\s*(?:[（(]含[）)])?\s*(" + "|".join(sorted(SUFFIX, key=len, reverse=True)) + ")")

PHRASE_LIMIT = 40  # characters of context kept before a number: a clause, never a whole table


class LabelIndex:
    """The document's own row labels, found in a phrase without a regular expression of every
    label (whose cost grows with the number of labels at every position): a character trie gives
    the longest label at a position in time bounded by the label's length. Bigram sets serve the
    reverse look-ups (labels holding a phrase's noun, or most of its characters)."""

    END = ""  # trie key marking the end of a label
    LOOSE_LIMIT = 50  # more labels than this share the noun's characters: too loose to choose

    def __init__(self, labels: dict[str, str]):
        self.trie: dict = {}
        self.by_bigram: dict[str, set[str]] = {}
        for label in (w for w in labels if len(w) >= 3):
            node = self.trie
            for ch in label:
                node = node.setdefault(ch, {})
            node[self.END] = label
            for k in range(len(label) - 1):
                self.by_bigram.setdefault(label[k:k + 2], set()).add(label)

    def __bool__(self) -> bool:
        return bool(self.trie)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping matches as (start, end, label), in a list. The texts
        are short phrases: a character loop over them costs less than compiling, once per document,
        a character class of the labels' first characters to search them with; one loop, walking
        the trie in place at each character a label starts with (no generator, no call a position:
        a hundred and more phrases a report)."""
        trie = self.trie
        if trie.keys().isdisjoint(text):  # no label starts with any of its characters (in C)
            return []
        found, end = [], 0  # (end: past the last match; the next starts there or after)
        for k, ch in enumerate(text):
            if k < end or ch not in trie:
                continue
            node, hit = trie, None  # (the longest label starting at k, down the trie)
            for c in text[k:]:
                node = node.get(c)
                if node is None:
                    break
                hit = node.get(self.END, hit)
            if hit:
                end = k + len(hit)
                found.append((k, end, hit))
        return found

    def holding(self, noun: str) -> list[str]:
        """Labels that contain the noun whole: each holds every bigram of the noun, so any one
        bigram's labels, filtered, are all of them (the rarest is filtered); a bigram no label
        holds (most nouns have one) leaves none, told before the other bigrams are looked up."""
        sets = []
        for k in range(len(noun) - 1):
            labels = self.by_bigram.get(noun[k:k + 2])
            if not labels:
                return []
            sets.append(labels)
        rarest = min(sets, key=len, default=set())
        return sorted(w for w in rarest if noun in w)

    def sharing(self, noun: str) -> set[str]:
        """Labels sharing a bigram with the noun; empty when too many do to choose among them."""
        found: set[str] = set()
        for k in range(len(noun) - 1):
            found |= self.by_bigram.get(noun[k:k + 2], set())
            if len(found) > self.LOOSE_LIMIT:
                return set()
        return found


class OwnWords:
    """The words a report names its own unit by (FactReader._self_words), found as one pattern of
    them, longest first (alternatives), finds them: at the first place one stands, the longest
    there. Only the unit's name is the document's: the other words' pattern is compiled once per
    list of them (a few lists, by the unit's kind), the name looked for as text, so no pattern is
    compiled for each unit (a third of a millisecond, for every report of a batch of many units)."""

    def __init__(self, words: tuple[str, ...], name: str):
        self.words, self.name = _words_pattern(words), name

    def _next(self, text: str, pos: int) -> tuple[int, int] | None:
        """(start, end) of the first of the words at or after pos, the longest there."""
        word = self.words.search(text, pos)
        at = text.find(self.name, pos) if self.name else -1
        if at < 0 or (word is not None and word.start() < at):
            return word.span() if word is not None else None
        if word is None or at < word.start():
            return at, at + len(self.name)
        return at, max(word.end(), at + len(self.name))  # (both start there: the longer, as longest first)

    def found_in(self, text: str) -> bool:
        return self._next(text, 0) is not None

    def sub(self, repl: str, text: str) -> str:
        """text with each of the words found replaced by repl (plain text)."""
        found = self._next(text, 0)
        if found is None:
            return text  # (most texts hold none of the words: nothing to join)
        out, pos = [], 0
        while found is not None:
            out += [text[pos:found[0]], repl]
            pos = found[1]
            found = self._next(text, pos)
        out.append(text[pos:])
        return "".join(out)


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(alternatives(words))


def pairs_in(words: str) -> set[str]:
    """Each pair of characters standing together in the words."""
    return {words[k:k + 2] for k in range(len(words) - 1)}


def past_last_break(window: str) -> int:
    """Where the words after the window's last clause break begin (0 for a window with none): the
    first break of the window reversed (one search, no scan of every break)."""
    last = CLAUSE_BREAK_RE.search(window[::-1])
    return len(window) - last.start() if last else 0


SHARE_OPENER = "占"  # the word a share's whole follows (占本年支出合计3,000.00万元的80.00%)
# …said with the share's own words too (所占比重达到一般性支出52.00万元的21.5%)
SHARE_OPENER_RE = re.compile(r"所?占(?:(?:比重|比例)(?:达到|为|达|是))?")


def share_whole_named(words: str) -> str | None:
    """The words after 占 where compacted words open a share's whole (，占部门项目预算总额 ->
    部门项目预算总额; 所占比重达到一般性支出 -> 一般性支出), clause marks before it aside; None where
    they open no share."""
    opened = SHARE_OPENER_RE.match(words.lstrip("，,；;、"))
    return words.lstrip("，,；;、")[opened.end():] if opened else None


def names_other_year(words: str, year: int | None) -> bool:
    """The words name a year by its number other than `year` (2023年度 in a report on 2024)."""
    return any(int(y) != year for y in YEAR_RE.findall(words))


def names_other_period(words: str, year: int | None, lex: Lexicon) -> bool:
    """The words name another year than `year`, or last year by a word of it (上年, 去年)."""
    return bool(lex.prior.search(words)) or names_other_year(words, year)


def clause_before(text: str, at: int) -> str:
    """The words of the clause `at` stands in, before it (after the last clause break)."""
    return text[past_last_break(text[:at]):at]


def phrase_start(text: str, number_start: int, previous_end: int) -> int:
    """Where the words describing a number begin: after the previous number or clause break,
    and never more than PHRASE_LIMIT characters back (keeps every number's cost constant)."""
    floor = max(previous_end, number_start - PHRASE_LIMIT)
    window = text[floor:number_start]
    breaks = [m.end() for m in PHRASE_BREAK_RE.finditer(window)]
    # a break right before the number (“占比：23%”) leaves the words before it in the phrase
    while breaks and breaks[-1] >= len(window) - 1 and len(breaks) > 1:
        breaks.pop()
    if breaks and breaks[-1] >= len(window) - 1:
        breaks = []
    return floor + (breaks[-1] if breaks else 0)




def change_sign(phrase: str, lex: Lexicon) -> int:
    """+1 / −1 when the phrase ends with a direction word (增加 / 减少 …), else 0. A direction
    word followed by 至 / 到 names the level reached, not the change (由35.00万元下降至33.00万元).
    Short phrases' answers are kept per lexicon: the same phrases stand in report after report."""
    found = lex.change_signs.get(phrase)  # (a kept answer at once: no call)
    return found if found is not None else remember_short(lex.change_signs, phrase, _read_change_sign, lex)


def _read_change_sign(phrase: str, lex: Lexicon) -> int:
    if LEVEL_TAIL_RE.search(phrase):
        return 0
    signed = lex.signed_change.search(phrase)
    if signed:
        return 1 if signed.group("mark") in "+＋" else -1  # (较上年△5.41万元, 增减-5.41万元: a fall)
    tail = _size_noun_out(CHANGE_TAIL_RE.sub("", phrase))[-6:]
    found = lex.directions.all(tail)
    if not found or found[-1][1] < len(tail) - 1:
        more = lex.comparative.search(phrase) if lex.comparative else None
        way = lex.comparative_way.get(more.group(1)) if more else None
        return {"up": 1, "down": -1}.get(way or "", 0)
    return {"up": 1, "down": -1}.get(found[-1][2], 0)


def _size_noun_out(words: str) -> str:
    """The words without a change's size noun closing them (增长幅度为, 下降比例为: concepts.yaml
    change_size_nouns), which leaves the direction before it its sign."""
    for noun in concepts().get("change_size_nouns") or ():
        if words.endswith(noun):
            return CHANGE_TAIL_RE.sub("", words[:-len(noun)])
    return words


def noted_parts(text: str, fact, cues: tuple[str, ...]) -> bool:
    """The figure is noted in brackets right after it to hold parts of its own (当年结余64.60万元（含
    上年结转12.30万元）, 可用资金0.64亿元（含上年结转结余0.04亿元）): the note opens with one of `cues`."""
    after = text[fact.at + len(fact.text):].lstrip()
    return after[:1] in ("（", "(") and after[1:].lstrip().startswith(cues)


BRACKETED_RE = re.compile(r"[（(][^（()）]{0,20}[）)]")
RATE_OF_AFTER_RE = re.compile(r"\s*的\s*[\d.]+\s*[%％]")  # 13.10万元的89.31%: a rate's base


def names_own_thing(label: str) -> bool:
    """The words of a figure name a thing of their own the vocabulary does not know (会议费同比
    下降: 会议费), not only directions, measures and fillers: the figure is that thing's."""
    lex = lexicon()
    words = compact(label).lstrip("，,；;、：:")
    words = re.split(r"[，,；;]", words)[-1]  # the figure's own clause
    return not names_nothing(blank(blank(words, lex.concepts), lex.rate_measures), lex) \
        and not lex.concepts.all(words)


def blank(phrase: str, vocabulary) -> str:
    """The phrase with the words of a vocabulary (a Matcher) blanked out (same length); short
    phrases' answers are kept on the vocabulary."""
    found = vocabulary.blanked.get(phrase)  # (a kept answer at once: no call)
    return found if found is not None else remember_short(vocabulary.blanked, phrase, _read_blank, vocabulary)


def _read_blank(phrase: str, vocabulary) -> str:
    for start, end, _ in vocabulary.all(phrase):
        phrase = phrase[:start] + " " * (end - start) + phrase[end:]
    return phrase


def names_nothing(bare: str, lex: Lexicon) -> bool:
    """A phrase with no noun of its own (“全年预算”, “支出决算为”) takes the concept before it.
    Asked for every label and name a phrase holds: short phrases' answers are kept per lexicon."""
    found = lex.names_nothing.get(bare)  # (a kept answer at once: no call)
    return found if found is not None else remember_short(lex.names_nothing, bare, _read_names_nothing, lex)


def _read_names_nothing(bare: str, lex: Lexicon) -> bool:
    return not own_words(bare, lex)


def own_words(bare: str, lex: Lexicon) -> str:
    """What a phrase names beyond measures, ways of a change and filler (实际资助 -> 资助)."""
    # (a degree word before a direction word, 大幅下降, 有所增长, names nothing either)
    rest = lex.degree_before_blank.sub("", blank(blank(bare, lex.measures), lex.directions)).replace(" ", "")
    rest = lex.forecast.sub("", rest)  # (比2024年预计执行数下降: a forecast's measure, no thing of its own)
    more = lex.comparative.search(rest) if lex.comparative else None
    if more:  # (比上年少: 少 after a period compared with is a direction word, naming nothing)
        rest = rest[:more.start(1)] + rest[more.end(1):]
    signed = lex.signed_change.search(rest)
    if signed:  # (较上年△, 增减-: the sign of a change, naming nothing)
        rest = rest[:signed.start("mark")]
    return lex.filler.sub("", rest).replace(" ", "")


# the tail a row's name may carry that its statement in words leaves out: a count's 数 (持证残疾人数
# is stated as 持证残疾人8,652人), a total's 合计 (医疗收入合计 is stated as 医疗收入38,642.75万元),
# a kind's 类 (产业发展类 is stated as 用于产业发展的资金)
LABEL_TAIL_RE = re.compile(r"(?:数量|数|合计|总计|类)$")


def kind_total(words: str, self_words: "OwnWords | None" = None) -> str | None:
    """The total a whole named only by a kind of money and a measure stands for (支出预算,
    部门实际支出, 全部收入): 本年支出 or 本年收入 (concepts.yaml kind_totals), from the words once the
    measures (all but a 支出 / 收入 they end with), the unit's own name and kind_total_words are out."""
    vocab = concepts()
    totals = vocab.get("kind_totals") or {}
    kinds = tuple(totals)  # (the kinds a measure's name may end with: 实际支出 keeps its 支出)
    rest = compact(words).rstrip("的数")
    for start, end, _ in reversed(lexicon().measures.all(rest)):
        rest = rest[:start] + (rest[end - 2:end] if rest[start:end].endswith(kinds) else "") + rest[end:]
    if self_words is not None:
        rest = self_words.sub("", rest)
    for word in sorted(vocab.get("kind_total_words") or (), key=len, reverse=True):
        rest = rest.replace(word, "")
    return totals.get(rest)


def balance_side(words: str) -> tuple[str, str]:
    """(side, its word) of the balanced grand total the compacted words name last: ("income",
    收入总计) or ("spending", 支出总计) by concepts.yaml balance_identity income_words /
    spending_words; ("", "") naming neither."""
    identity = concepts().get("balance_identity") or {}
    found = [(words.rfind(w), side, w) for side, key in (("income", "income_words"), ("spending", "spending_words"))
             for w in identity.get(key) or () if w in words]
    return max(found)[1:] if found else ("", "")


def respectively_words() -> tuple[str, ...]:
    """The words giving items in turn (分别, 依次: concepts.yaml score_lists respectively)."""
    return tuple((concepts().get("score_lists") or {}).get("respectively") or ())


def without_funds(words: str) -> str:
    """The words with the funds' names taken out (一般公共预算支出增加 → 支出增加: 预算 in a fund's name
    names no budget)."""
    return blank(words, lexicon().funds).replace(" ", "")


def left_over(label: str) -> bool:
    """An amount's words call it what was left (结余28.65万元, 结转下年…: concepts.yaml left_over_words):
    no amount spent, nor the whole of the amounts spent."""
    words = compact(label)
    return any(w in words for w in concepts().get("left_over_words") or ())
