"""The amounts a sentence lists (kind `calculation`): where a list opens after an amount (a
breakdown in brackets), the parts a clause states, the words of a sum (合计), the depth of
brackets and the lists nested in an item, and the whole a list is of (named before it or by it)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from itertools import islice, takewhile

from ...facts.base import Fact, FactBase
from ...facts.base.figures import per_unit
from ...facts.base.model import RATE_UNITS
from ...facts.base.words import CLAUSE_BREAK_RE, CLAUSE_END_RE
from ...facts.lexicon import alternatives, lexicon
from ...knowledge import compact, concepts, open_brackets, vocabulary_generation
from ..base import whole_named_by
from .parts import money_amount, sum_part_names
from ...facts.numbers import DIGIT_RE, count_word


def opener_after(text: str, facts: list[Fact], k: int, opener, remarks: tuple = ()) -> tuple[re.Match | None, int]:
    """The list opener right after the amount `facts[k]` (…支出120.50万元，其中：…), or right after
    the share it is of the whole stated next to it (…合同金额100.00万元，占政府采购支出总额的82.99%，
    其中：…: the parts are the amount's, not the share's); and the index of the first fact after it."""
    total, first = facts[k], k + 1
    if first < len(facts) and facts[first].sentence == total.sentence and facts[first].measure == "占比" \
            and facts[first].of in (-1, total.id):
        first += 1  # (one share only: a list of shares is no whole's own)
    end = facts[first - 1].at + len(facts[first - 1].text)
    if first > k + 1 and CLAUSE_END_RE.search(text, total.at + len(total.text), end):
        return None, k + 1
    if first == k + 1 and first < len(facts) and facts[first].sentence == total.sentence \
            and facts[first].source == "text" and per_unit(facts[first]) \
            and not CLAUSE_END_RE.search(text, total.at + len(total.text), facts[first].at):
        # (…5,200.00万元，按亩均1,300元标准安排，其中：…: how the whole was reckoned, between it and its parts)
        reckoned = facts[first]
        words = RECKONING_WORDS_RE.match(text, reckoned.at + len(reckoned.text))
        found = opener.match(text, words.end())
        if found:
            return found, first + 1
    # (a colon opens the list only under a whole counting its items: …计1,010.00万元：带动社会投资… is no breakdown)
    colon = COLON_OPENER_RE.match(text, end)
    colon = colon if colon is not None and items_counted(text, total) else None
    return opener.match(text, end) or _bracket_breakdown(text, facts, k, remarks) or colon, first


# a colon right after an amount, words after it (三个重点项目支出计1,010.00万元：国土空间规划编制…): the
# list of its parts where the whole counts them, all of them
COLON_OPENER_RE = re.compile(r"\s*[：:](?=\s*[^\d\s，,；;。])")


RECKONING_WORDS_RE = re.compile(r"[^，,；;。\d]{0,8}")  # the words after an amount per one thing (标准安排, 测算)


BARE_BRACKET_RE = re.compile(r"\s*[（(]")
# what stands between the named amounts of a breakdown in brackets (（门诊收入…，住院收入…）)
BRACKET_SEPARATORS_RE = re.compile(r"[、，,；;和及]")


def _bracket_breakdown(text: str, facts: list[Fact], k: int, remarks: tuple) -> re.Match | None:
    """The bracket right after the amount facts[k] when it holds a breakdown of it and nothing else
    (…收入6,420.00万元（甲项收入2,310.00万元，乙项收入4,110.00万元）): two or more amounts of its unit,
    each named by words of its own with no figure and no remark (`remarks`: 含, 较, 占 … say what
    the amount includes or how it changed, see the rule file). It opens a list as （其中 would."""
    total = facts[k]
    bracket = BARE_BRACKET_RE.match(text, total.at + len(total.text))
    if bracket is None:
        return None
    close = closing_bracket(text, bracket.end())
    # (the facts after the amount up to the bracket's close: a few, however long the paragraph)
    inside = list(takewhile(lambda f: f.sentence == total.sentence and f.at < close, islice(facts, k + 1, None)))
    if len(inside) < 2 or any(f.unit != total.unit or not f.is_money for f in inside):
        return None
    starts = [bracket.end()] + [f.at + len(f.text) for f in inside[:-1]]
    names = [BRACKET_SEPARATORS_RE.sub("", compact(text[a:f.at]), count=1) if i else compact(text[a:f.at])
             for i, (a, f) in enumerate(zip(starts, inside))]
    if compact(text[inside[-1].at + len(inside[-1].text):close]) \
            or any(not n or DIGIT_RE.search(n) or any(w in n for w in remarks) for n in names):
        return None
    return bracket


# the share an amount named after 占 is the whole of (占全年预算数52.00万元的86.54%)
SHARE_AFTER_RE = re.compile(r"\s*的\s*[\d.]+\s*[%％]")


def any_parts(after, sentence, summable=None) -> list[Fact]:
    """The amounts of one sentence (or of the sentences in `sentence`, a set: one joined by ；)
    listed one after another, up to a change or another figure (`summable`: what counts as an
    amount, money by default)."""
    within = sentence if isinstance(sentence, (set, frozenset)) else {sentence}
    summable = summable or money_amount
    parts: list[Fact] = []
    for f in after:
        if parts and f.sentence == parts[-1].sentence and (f.measure in OWN_CLAUSE_MEASURES or f.unit in RATE_UNITS):  # (or a rate in the item's clause, its execution rate, whatever its measure)
            continue  # (税收收入8.76亿元，增长4.8%，…: the item's own change or share, then the list goes on;
            # so its own rate, 基本支出执行1,241.30万元，执行率55.10%；项目支出…)
        if f.sentence not in within or not summable(f) or f.measure == "变动额" or share_base(f):
            break
        parts.append(f)
    return parts


# the measures of what an item of a list says of itself after its amount (its change, its rate of
# change, its share of the whole): no item, and no end of the list
OWN_CLAUSE_MEASURES = ("变动额", "变动率", "占比")


def share_base(f: Fact) -> bool:
    """The amount is a share's whole restated inside its 占…的 (…，占全县一般公共预算支出286,420万元
    的80.0%): no item of a list."""
    words = compact(f.label).lstrip("，,；;、：:")
    # (占 opening a name of the vocabulary's, not a word of an item's own: 占地补偿)
    return words.startswith("占") and bool(lexicon().concepts.all(words[1:]))


@lru_cache(maxsize=4)
def counted_patterns(generation: int) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """From concepts.yaml item_count_units and counted_kind_words (`generation`: of the vocabulary read):
    - the words before a sum that count its items (三项共计, 以上各项合计, 三年合计): no name of another
      thing (…等，两项支出合计: the list left open by 等, its items counted, their kind of money);
    - the words counting a list's items right before a sum word (三项累计, 以上累计), not 其中 nor a
      count of years (a list's whole's or its span's words), and the same closing the text before;
    - a count of the items right after 等 (等两项)."""
    units = alternatives(concepts().get("item_count_units"))
    kinds = alternatives(concepts().get("counted_kind_words"))
    head = rf"以上|上述|前述|{NUMERAL}(?:{units})"
    return (re.compile(rf"^(?:等[，,]?)?(?:以上|上述|前述|其中)?(?:{NUMERAL}|各)?(?:{units}|年)?(?:{kinds})?"),
            re.compile(head), re.compile(f"(?:{head})$"), re.compile(rf"\s*({NUMERAL})\s*(?:{units})"))


NUMERAL = r"[一二两三四五六七八九十\d]+"

def items_counted(text: str, total: Fact) -> tuple[int, bool] | None:
    """(how many items the whole's clause says it is of, whether a noun names them) (三个项目一共支出262.20万元:
    3, by 项目; the count is a figure of its own, before the whole's words): a list of that many items
    after it is all of them, its sum the whole, whatever opens it (其中 too). Only a count of items of
    money: in a unit of items (三项, 两类, 四笔), or 个 before a noun of them (三个项目, 三个重点项目:
    concepts.yaml counted_item_nouns; a qualifier of up to NOUN_QUALIFIER_CHARS before it, 三个民生项目),
    its words reaching the figure in a few characters (COUNTED_WORDS_CHARS); not a count of other things
    (为3个乡镇实施…支出: the places served), nor of a span of time (三个月)."""
    said = text[:total.at]
    words = compact(CLAUSE_BREAK_RE.split(said)[-1])
    found = counted_patterns(vocabulary_generation())[3].search(words)
    if found is None or len(words) - found.end() > COUNTED_WORDS_CHARS:
        return None
    unit = words[found.start(1) + len(found.group(1)):found.end()].strip()
    nouns = tuple(concepts().get("counted_item_nouns") or ())
    # (个 counts anything: only a noun after it makes the count one of items; concepts.yaml noun_counted_units)
    by_noun = unit in (concepts().get("noun_counted_units") or ())
    if by_noun and not any(words.startswith(n, found.end() + k) for k in range(NOUN_QUALIFIER_CHARS + 1) for n in nouns):
        return None
    count = count_word(found.group(1))
    return (count, by_noun) if count else None


NOUN_QUALIFIER_CHARS = 2  # characters between 个 and the noun of the items it counts (三个民生项目)
COUNTED_WORDS_CHARS = 10  # characters from a count of items to its whole's figure (三个重点项目支出计)


def counted_sum(base: FactBase, total: Fact, counted: set | frozenset) -> bool:
    """The amount's words are one of `counted` right after words counting the items (三项累计418.88万元):
    a sum of the list before, which those words alone (累计: over the year) are not."""
    words = compact(total.label).strip("，,；;：:")
    _, counted_head, counted_items, _ = counted_patterns(vocabulary_generation())
    head = counted_head.match(words)
    if head and words[head.end():] in counted:
        return True  # (以上累计, 三项累计 in the amount's own words)
    if words not in counted:
        return False
    text = compact(base.sentences.get((total.block, total.sentence), "")[:total.at])
    return text.endswith(words) and counted_items.search(text[:-len(words)]) is not None


def sum_words(label: str, words: set) -> bool:
    """The words of an amount are a sum word, after words counting the items (三项共计)."""
    bare = compact(label).strip("，,；;：:")
    return bare in words or counted_patterns(vocabulary_generation())[0].sub("", bare, count=1) in words


def list_whole_after(base: FactBase, total: Fact, cues, wholes: dict) -> Fact | None:
    """The whole of the list the sentence after the total's opens with a list opener (其中：…),
    when the total is the amount its sentence ends on (see whole_before): the total, or the
    earlier amount the list's items name (_whole_named_by_list). (`wholes`: each sentence's
    (last amount, whole), found once.)"""
    key = (total.block, total.sentence + 1)
    if not base.opens_list(key):
        return None
    if key not in wholes:
        wholes[key] = _last_and_whole(base, *key, cues)
    last, whole = wholes[key]
    return whole if last is total else None


def whole_before(base: FactBase, block: int, index: int, cues, partial: bool = False) -> Fact | None:
    """The amount the sentence before (in the paragraph) ends on, when it is a whole: an amount a
    list may add up to (see money_amount), no bound, no item of a list there (after a list opener, a
    cue, or a 、 joining it to the amount before); or the earlier one the list's items name.
    `partial`: the list may leave items out (主要用于：…), so only a sum above its whole is wrong: after
    a ；-joined list's last item (其中：基本支出…；项目支出…。主要用于：…) the whole that list was of,
    which its items, past the last item's own size, may well be of."""
    whole = _last_and_whole(base, block, index, cues)[1]
    if whole is not None or not partial:
        return whole
    head, last = _joined_list_head(base, (block, index - 1), cues)
    return head if head is not None and _item_of(head, last) else None


def _last_and_whole(base: FactBase, block: int, index: int, cues) -> tuple[Fact | None, Fact | None]:
    """(the amount the sentence before ends on, the whole of the list opening sentence `index`):
    see whole_before."""
    # (an amount per one thing after the whole, 按亩均2,000元标准安排, says how it was reckoned: no whole)
    before = [f for f in base.by_sentence.get((block, index - 1), ()) if f.is_money
              and not (f.source == "text" and per_unit(f))]
    # (…收入完成12.35亿元，为调整预算12.10亿元的102.1%，超收0.25亿元，比上年11.74亿元增长5.2%。其中：…:
    # what the whole is compared with follows it: its change, last year's amount, a rate's base)
    text = base.sentences.get((block, index - 1), "")
    while len(before) > 1 and _compared(before[-1], before[0], text):
        before.pop()
    if not before:
        return None, None
    last = before[-1]
    words = text[before[-2].at + len(before[-2].text):last.at] if len(before) > 1 else ""
    if not money_amount(last) or last.comparator or "、" in words \
            or any(w in text[:last.at] for w in (*lexicon().list_openers, *cues)) \
            or _in_joined_list(base, (block, index - 1), cues):
        return None, None
    return last, _whole_named_by_list(base, block, index, last)


def _in_joined_list(base: FactBase, key: tuple[int, int], cues) -> bool:
    """The clause's last amount is an item of a list an earlier clause ； joins it to opened (…，其中：
    基本支出…；项目支出1,600.50万元。主要用于：…: 项目支出 is the list's last item, no whole the next
    sentence's list is of); not a sibling of the list's whole (项目支出预算300.00万元，其中：…；基本支出
    预算700.00万元: a whole of its own)."""
    head, last = _joined_list_head(base, key, cues)
    return head is not None and _item_of(head, last)


def _joined_list_head(base: FactBase, key: tuple[int, int], cues) -> tuple[Fact | None, Fact | None]:
    """(the amount right before the list opener of an earlier clause of the clause's ；-run, the
    clause's last amount); (None, …) where no earlier clause opens a list."""
    facts = [f for f in base.by_sentence.get(key, ()) if f.is_money]
    if not facts:
        return None, None
    words = (*lexicon().list_openers, *cues)
    earlier = [f for f in base.run_before(facts[0]) if (f.block, f.sentence) != key]
    for sentence in sorted({(f.block, f.sentence) for f in earlier}):
        text = base.sentences.get(sentence, "")
        opened = min((k for k in (text.find(w) for w in words) if k >= 0), default=-1)
        if opened >= 0:
            before = [f for f in earlier if (f.block, f.sentence) == sentence and f.at < opened and f.is_money]
            head = before[-1] if before and money_amount(before[-1]) and not before[-1].comparator else None
            return head, facts[-1]
    return None, facts[-1]


def _item_of(whole: Fact, item: Fact) -> bool:
    """The amount may be an item of the whole's list: it names nothing the vocabulary knows, or a
    declared part of the whole's concept (项目支出 of 一般公共预算财政拨款支出)."""
    return item.concept is None or any(calc["total"] == whole.concept and item.concept in sum_part_names(calc)
                                       for calc in lexicon().checked_sums)


JOINED_CLAUSES = 8  # how many clauses joined by ； a list's whole is looked for over (as sentence_lists.py _joined)


def _whole_named_by_list(base: FactBase, block: int, index: int, last: Fact) -> Fact:
    """The whole of the list opening sentence `index`: the amount its first item names as its whole
    (kinds/base.whole_named_by) among those of the last one's year and measure in the clauses ；
    joins up to it (资产总额83.07亿元；负债总额11.39亿元；净资产71.68亿元。其中，行政单位资产总额
    34.26亿元…: the items' whole is 资产总额, not 净资产); else that last amount."""
    first = next((f for f in base.by_sentence.get((block, index), ()) if f.is_money), None)
    if first is None:
        return last
    candidates: list[Fact] = []
    for k in range(index - 1, max(-1, index - 1 - JOINED_CLAUSES), -1):
        if k < index - 1 and not base.sentences.get((block, k), "").rstrip().endswith(("；", ";")):
            break
        candidates[:0] = [f for f in base.by_sentence.get((block, k), ()) if f is not last and money_amount(f)
                          and f.period == last.period and f.measure == last.measure and not f.comparator]
    return whole_named_by(first, candidates, last)


def _compared(f: Fact, head: Fact, text: str) -> bool:
    """The amount is one the sentence's first compares itself with: its change, an amount of
    another year (比上年11.74亿元), or the base of a rate (为调整预算12.10亿元的102.1%)."""
    return f.measure == "变动额" or f.period != head.period or SHARE_AFTER_RE.match(text, f.at + len(f.text)) is not None


def bracket_depth(text: str):
    """How many brackets are open at a place of the text (read once per sentence)."""
    marks = [(m.start(), 1 if m.group() in "（(" else -1) for m in BRACKET_RE.finditer(text)]
    running, depths = 0, []
    for _, step in marks:
        running = max(0, running + step)
        depths.append(running)
    places = [at for at, _ in marks]

    def depth(at: int) -> int:
        k = bisect_left(places, at)
        return depths[k - 1] if k else 0
    return depth


BRACKET_RE = re.compile(r"[（()）]")


def closing_bracket(text: str, at: int) -> int:
    """Where the bracket open at `at` closes (the end of the text if it does not)."""
    ends = [k for k in (text.find("）", at), text.find(")", at)) if k >= 0]
    return min(ends) if ends else len(text)


def nested_lists(text: str, at: int, cues: tuple = ()) -> list[tuple[int, int]]:
    """Where an item's own parts stand in a list opened at `at`: from a list opener (or one of
    `cues`, 包括) after it (基本支出712.30万元，其中人员经费…、公用经费…) to the ； closing that item.
    An opener with no figure between it and `at` (按资金来源划分，其中：中央…) opens the same list."""
    spans = []
    for opener in (*lexicon().list_openers, *cues):
        start = text.find(opener, at + 1)
        if start >= 0 and not DIGIT_RE.search(text, at, start):
            start = text.find(opener, start + len(opener))
        while start >= 0:
            end = min((k for k in (text.find("；", start), text.find(";", start)) if k >= 0), default=len(text))
            if open_brackets(text, at, start) > 0:
                # (an opener in a bracket opened after `at` lists what the bracket remarks on: its
                # list ends with the bracket, …专用结余1,800.00万元（主要为…），经营结余71.20万元)
                end = min(end, closing_bracket(text, start))
            spans.append((start, end))
            start = text.find(opener, end)
    return spans


def enumerated_by_commas(text: str, items: list[Fact]) -> list[Fact]:
    """Items listed with 、 end at the first ， between two of them: a clause after it states
    another thing (其中货物类41.26万元、服务类71.22万元，授予中小企业合同金额112.48万元，占…)."""
    seps = [text[a.at + len(a.text):b.at] for a, b in zip(items, items[1:])]
    if not seps or "、" not in seps[0]:
        return items
    for k, sep in enumerate(seps):
        if "、" not in sep and any(ch in sep for ch in "，,"):
            return items[:k + 1]
    return items


def apart_words() -> tuple[str, ...]:
    """Words opening a clause that sets its amount beside what was listed before it, no item of the
    list (另, 此外: concepts.yaml apart_words)."""
    return tuple(concepts().get("apart_words") or ())


def pairs_of_measures(parts: list[Fact], total: Fact) -> list[Fact] | None:
    """A list whose every item states two figures of one thing, the second named by a verb or a
    measure alone (其中中央补助资金3,000.00万元，支出2,850.00万元；省级补助资金1,500.00万元，支出1,425.00
    万元; …，结余150.00万元; …，已使用…): the items' figures the total is of, each named by its item
    (实际支出 over the 支出 ones; 全年预算 over the first ones); [] where the total is of neither;
    None for a list of single figures."""
    lex = lexicon()
    if len(parts) < 2 or len(parts) % 2:
        return None
    firsts, seconds = parts[0::2], parts[1::2]

    verbs = frozenset(concepts().get("money_verbs") or ())
    spent = tuple(concepts().get("spent_words") or ())

    def verb_only(f: Fact) -> str | None:
        # (a figure's words a verb done with money or a measure alone: 支出, 已使用, 结余, 执行; not an
        # item's short name, 第一批)
        core = pair_verb(f)
        return core if core in verbs or core and lex.measures.all(core) == [(0, len(core), lex.measures.last(core))] \
            else None

    cores = {verb_only(f) for f in seconds}
    if len(cores) != 1 or None in cores or any(verb_only(f) for f in firsts):
        return None
    core = cores.pop()
    # (the whole names the verb, 实际支出 over 支出; or it is what was spent and so are they, 实际支出
    # over 实际使用 or 拨付: concepts.yaml spent_words)
    if core in compact(total.label) or (core in spent and total.measure == "决算" and any(w in compact(total.label) for w in spent)) \
            or (total.measure == seconds[0].measure and not total.implicit and lex.measures.last(core) == total.measure):
        # (each named by its item: 中央补助资金支出 2,850.00万元)
        return _named_by_items(firsts, seconds)
    # (专项资金到位5,200.00万元…，其中中央补助资金到位3,000.00万元，支出…; 实际支出…。其中A2,850.00万元，
    # 结余150.00万元: the firsts, of the total's measure or naming none)
    return firsts if all(f.implicit or f.measure == total.measure for f in firsts) else []


def pair_verb(f: Fact) -> str:
    """A pair's figure's words without the words saying it is done (已支出, 实际使用: concepts.yaml
    money_verb_leads): the verb or measure that names it."""
    words = compact(f.label).strip("，,；;、：:")
    for lead in concepts().get("money_verb_leads") or ():
        words = words.removeprefix(lead)
    return words


def other_pair_side(base: FactBase, total: Fact, parts: list[Fact], chosen: list[Fact]) -> tuple[Fact, list[Fact]] | None:
    """The whole the other figures of a list of pairs add up to (专项资金到位5,100.00万元，支出4,827.00万元。
    其中A到位3,000.00万元，支出2,850.00万元；…: the 支出 ones to 4,827.00 where the 到位 ones went to
    5,100.00; 全年预算…，实际支出…。其中A 3,000.00万元，支出…: the first ones to the budget): the one
    other amount of the total's sentence such figures are of (the second's verb in its words; for
    first figures naming no measure, the one other amount), with the figures named by their items;
    None where there is no such one."""
    firsts, seconds = parts[0::2], parts[1::2]
    ids = {f.id for f in chosen}
    others = [f for f in base.by_sentence.get((total.block, total.sentence), ()) if f is not total and f.is_money
              and f not in parts
              and f.period == total.period and f.measure not in ("变动额", "变动率")]
    if ids == {f.id for f in firsts}:
        core = pair_verb(seconds[0])
        wholes = [f for f in others if f.measure == seconds[0].measure and core in compact(f.label)]
        listed = _named_by_items(firsts, seconds)
    elif ids == {f.id for f in seconds}:
        wholes = [f for f in others if all(p.implicit or p.measure == f.measure for p in firsts)]
        listed = firsts
    else:
        return None
    if len(wholes) != 1:
        return None
    return replace(wholes[0], concept=wholes[0].concept or compact(wholes[0].label).strip("，,：:")), listed


def _named_by_items(firsts: list[Fact], seconds: list[Fact]) -> list[Fact]:
    """Each second figure named by its item, the verb of the first taken off (中央补助资金到位… 支出…:
    中央补助资金支出)."""
    verbs = tuple(concepts().get("money_verbs") or ())
    named = []
    for a, b in zip(firsts, seconds):
        item = compact(a.label).strip("，,；;、：:")
        verb = next((v for v in verbs if item.endswith(v) and len(item) > len(v)), "")
        # (named by its words, no concept its verb alone gave it: 执行 read as the form's 年度资金总额)
        named.append(replace(b, label=item[:len(item) - len(verb)] + compact(b.label).strip("，,；;、：:"), concept=None))
    return named


