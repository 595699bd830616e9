"""Sub-check `enumeration` of kind `count`: “内设科室 N 个，分别为：A、B、C。” — N against the
items listed with it (enumerations: the counts of a document with their lists, read once per
document and parameters; also the lists before a count, A、B、C共3个)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...facts.base.words import ITEM_TOKEN_RE
from ...facts.numbers import RANGE_JOINER, cn_to_int
from ...ingest.raw import MAX_LIST_CHARS, bounded_int
from ..base import Hit
from .passages import (Passage, Count, clause_start, noun_before, noun_after, sentence_bounds, stated_counts, counted_passages,
                       quote_for, joined_names, shortened)
from .lists import (introducer, split_plain, inline_list, ends_opening, numbered_paragraphs, heading_after, two_items,
                    NOUN_HEAD_CHARS)


SPACE_TO_END_RE = re.compile(r"\s*\Z")


@dataclass
class Enumeration:
    count: Count
    passage: Passage
    items: list[str]
    ambiguous: int = 0  # items that may hold two (A和B): the list may count this many more
    source: str = "inline"  # or "numbered paragraphs", "preceding"
    at_least: bool = False  # “A、B 等 5 个”: the count may exceed the items listed
    unit: str = ""  # the classifier the count is stated in, where its text does not hold it next to its number


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
    for passage in counted_passages(doc, params):
        counts = list(stated_counts(passage, params))
        groups = [_joined_before(passage.text, counts, k, params) for k in range(len(counts))]
        grouped = {id(c) for group in groups for c in group}
        for k, count in enumerate(counts):
            if id(count) in grouped:
                continue  # (the first of counts joined before one list: read with the last, below)
            intro = introducer(passage.text, count.end, params)
            if groups[k]:
                # (辖3个行政村、2个社区，分别为…: one list of the things of all the counts)
                if intro is not None:
                    found.extend(_joined_enumerations(passage, [*groups[k], count], intro[2], params))
                continue
            # (the thing counted: named after the count, 5项重点工作, or before it, 重点工作5项)
            if intro is None and len(counts) == 1 and ends_opening(
                    passage.text, params, noun_after(passage.text, count.end)[:NOUN_HEAD_CHARS]
                    or noun_before(passage.text, count.start, params)[-NOUN_HEAD_CHARS:]):
                # “共实施3个项目，资金全部为县级补助，具体如下：” then 1. 2. 3. paragraphs: the passage's
                # one count, its list after the passage
                intro = (noun_after(passage.text, count.end), "：", len(passage.text))
            if intro is None:
                bracketed = None if passage.text[:count.start].rstrip().endswith("等") \
                    else _bracketed_list(passage.text, count.end, params)  # (…等7个办: listed before)
                if bracketed is not None and (count.value >= 2 or not _kind_with_noun(passage.text, count, params)):
                # 内设机构7个（办公室、财务科、…）, 4类业务培训（财务、档案、安全）
                    count.noun = bracketed[0] or noun_before(passage.text, count.start, params)
                    found.append(Enumeration(count, passage, bracketed[1],
                                             sum(1 for i in bracketed[1] if two_items(i, params)), "bracketed"))
                continue
            if passage.text[count.end - 1] in params["occasion_classifiers"] \
                    and intro[1] not in params["occasion_introducers"]:
                continue
            if _kind_with_noun(passage.text, count, params) \
                    and (intro[1] not in params["kind_noun_introducers"] or count.value < 2):
                continue
            noun = intro[0] or noun_before(passage.text, count.start, params)
            if noun in params["not_items"] or any(noun.endswith(n) for n in params["not_items"]):
                continue
            count.noun = noun
            if SPACE_TO_END_RE.match(passage.text, intro[2]):  # nothing after the introducer
                items = numbered_paragraphs(doc, passage, count.value + 1)
                if items and len(items) > count.value and heading_after(doc, passage):
                    # (sibling headings may go on past the list into the report's next part: 主要存在
                    # 以下3个方面问题： （一）（二）（三）, then （四）审计建议): more is no error, fewer is
                    continue
                if items and len(items) >= 2:
                    found.append(Enumeration(count, passage, items, 0, "numbered paragraphs"))
                continue
            # (the counted words up to the list, brackets too: 乡镇（街道）)
            # (a count of kinds with a noun after it, strictly too: 4类业务培训 may be listed over commas,
            # 文物安全、消防安全培训，旅游服务质量培训，…, its kinds' words joined by 、 inside one)
            listed = inline_list(passage, intro[2], params, noun=passage.text[count.start:intro[2]],
                                  strict=intro[1] == "：" or _kind_with_noun(passage.text, count, params))
            if listed and intro[1] in params["weak_introducers"] and len(listed[0]) < 2 <= count.value:
                # “7个自评等级为“优””: one value after 为 / 是 says what the counted things are, it
                # lists none of them
                continue
            if listed:
                found.append(Enumeration(count, passage, listed[0], listed[1]))
        found.extend(_preceding_lists(passage, params))
    return found


def _kind_with_noun(text: str, count: Count, params: dict) -> bool:
    """A count of kinds with a noun after it (4类业务培训, 一类疫苗), not one standing alone (共3类：)."""
    return text[count.end - 1] in params["kind_classifiers"] and bool(noun_after(text, count.end))


@lru_cache(maxsize=8)
def _pattern(text: str) -> re.Pattern:
    return re.compile(text or r"(?!)")


def _bracketed_list(text: str, end: int, params: dict) -> tuple[str, list[str]] | None:
    """(noun, items) of a list in brackets right after a count and its noun (内设机构7个（办公室、
    财务科、信息科）): short names split by 、 only, nothing but the list inside the brackets."""
    noun = noun_after(text, end)[:12]
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
    counts = stated_counts(passage, params)  # Count objects of its own: it names their nouns
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
            start = clause_start(text, k, 300, stops="，,；;：:。！？!?\n")
        else:
            start = _opened_list(text, k, count, params)
            if start is None:
                continue
        lead = ITEM_TOKEN_RE.match(text[start:k]) if start == 0 or text[start - 1] == "\n" else None
        start += lead.end() if lead else 0  # (四、本部门共5个…: the paragraph's number is no item of a list)
        items, _ = split_plain(text[start:k], params)
        if len(items) < 2 or "、" not in text[start:k] or any(re.search(params["count_pattern"], i) for i in items) \
                or any(len(i) > params["max_item_chars"] for i in items) or _kinds_of(items, params["kind_nouns"]) \
                or OWN_COUNT_RE.search(items[-1]) or count.value > KINDS_FACTOR * len(items):
            # (中小学、幼儿园共38所: far more than are named, so the names are kinds of the things)
            continue
        noun = noun_after(text, count.end)
        if any(noun.startswith(n) for n in params["not_items"]) or text[count.end - 1] in params["occasion_classifiers"] \
                or noun.startswith(tuple(params["occasion_nouns"])):
            continue  # (培训、宣传，共5次: occasions of those kinds, not the kinds)
        if _another_count_joined(text, count.end, params):
            continue  # (A、B、C、D 3个股室和1个事业单位: the list is of both counts' things)
        count.noun = noun
        e = Enumeration(count, passage, items, sum(1 for i in items if two_items(i, params)), "preceding")
        e.at_least = particle in params["open_particles"]
        yield e


def _joined_before(text: str, counts: list[Count], k: int, params: dict) -> list[Count]:
    """The counts right before counts[k] in its clause, each joined to the next by 、 or a
    conjunction after the thing it counts (3个行政村、2个社区): the things of all are one list's."""
    joined, nxt = [], counts[k]
    for c in reversed(counts[:k]):
        if not JOINED_NOUN_RE.fullmatch(text[c.end:nxt.start]) or not any(
                text[c.end:nxt.start].rstrip().endswith(w) for w in ("、", *params["conjunctions"])):
            break
        joined.insert(0, c)
        nxt = c
    return joined


def _joined_enumerations(passage: Passage, counts: list[Count], start: int, params: dict) -> list[Enumeration]:
    """Counts joined before one list (3个行政村、2个社区，分别为东岗村、…和镇中社区、新华社区): each
    count's things are the names ending with the last word of what it counts (村, 社区); judged only
    where every name so ends for one count alone, each count against its own names."""
    nouns = [_joined_noun(passage.text, c, n, params["conjunctions"]) for c, n in zip(counts, [*counts[1:], None])]
    # (its groups may be set apart by ，: 东岗村、西岗村，镇中社区、新华社区; an item joining two names,
    # 南庄村和镇中社区, is two, one of each count; an open list, …等, a note in brackets or an item
    # longer than any name is no list read here)
    _, end = sentence_bounds(passage, start)
    listing = passage.text[start:end].strip("。；; ")
    names = [n.strip() for n in _name_split_re(params).split(listing) if n.strip()]
    if any(w in listing for w in ("（", "(", *params["incomplete_marks"])) \
            or any(len(n) > params["max_item_chars"] for n in names):
        return []
    owners = [_owners(name, nouns) for name in names]
    if not names:
        return []
    if any(len(found) != 1 for found in owners):
        # (2个科室和3个站所，分别为党政办公室、财务股、农技站、畜牧站: names not told apart by what
        # each count counts: the list is of them all, the counts' sum)
        last = counts[-1]
        total = sum(c.value for c in counts)
        unit = passage.text[last.start + len(last.written):last.end].strip()
        return [Enumeration(Count(total, str(total), last.start, last.end, "和".join(nouns)), passage, names, 0,
                            "inline", unit=unit)]
    return [Enumeration(Count(c.value, c.written, c.start, c.end, nouns[k]), passage,
                        [name for name, found in zip(names, owners) if found == [k]], 0, "inline")
            for k, c in enumerate(counts)]


def _joined_noun(text: str, count: Count, after: Count | None, joins: list[str]) -> str:
    """What a count of joined ones counts: the words up to the next count's joiner (、 or one of the
    rule's conjunctions: 3个行政村以及2个社区), or after the last."""
    if after is None:
        return noun_after(text, count.end)
    words = text[count.end:after.start].strip().rstrip("、， ")
    return next((words[:-len(c)] for c in sorted(joins, key=len, reverse=True) if words.endswith(c)), words)


def _owners(name: str, nouns: list[str]) -> list[int]:
    """The counts whose thing's name ends the item's name the furthest (镇中社区: 社区, not 村)."""
    ends = [next((k for k in range(len(noun), 0, -1) if name.endswith(noun[-k:])), 0) for noun in nouns]
    best = max(ends, default=0)
    return [k for k, n in enumerate(ends) if n == best] if best else []


def _name_split_re(params: dict) -> re.Pattern:
    """What sets the names of joined counts' list apart: 、，, and the rule's conjunctions, but those that
    may join a name's own words (法规与标准科: name_conjunctions)."""
    joins = [c for c in params["conjunctions"] if c not in params["name_conjunctions"]]
    return _split_re(tuple(sorted(joins, key=len, reverse=True)))


@lru_cache(maxsize=4)
def _split_re(joins: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join([*map(re.escape, joins), "[、，,]"]))


JOINED_NOUN_RE = re.compile(r"[^\d，,；;。：:（()）]{1,8}\s*")  # a counted thing's name and the joiner after it


def _another_count_joined(text: str, end: int, params: dict) -> bool:
    """A second count joined to the first by a conjunction within its clause (3个股室和1个事业单位)."""
    clause = re.split(r"[，,；;。：:！？!?\n]", text[end:end + 24], maxsplit=1)[0]
    joiners = "|".join(map(re.escape, [*params["conjunctions"], "、"]))
    return re.search(rf"(?:{joiners})\s*(?:{params['count_pattern']})", clause) is not None


def _opened_list(text: str, end: int, count: Count, params: dict) -> int | None:
    """Where a list of short names ending right before a count (at `end`) begins, after a list
    opener in its first item; None when there is none or the list is no list of names: an item
    too long for a name or holding a word of prose, a count of occasions, or no noun after it."""
    start = clause_start(text, end, 300, stops="，,；;：:。！？!?\n")
    first = text.find("、", start, end)
    if first < 0:
        return None
    opener = max(((text.rfind(w, start, first), w) for w in params["list_openers"]
                  if text.rfind(w, start, first) >= 0), default=(-1, ""))
    cut = opener[0] + len(opener[1]) if opener[0] >= 0 else -1
    noun = noun_after(text, count.end)
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


def check_enumeration(doc, rule):
    for e in enumerations(doc, rule.params):
        n = sum(_items_in(i) for i in e.items)
        if n <= e.count.value <= n + e.ambiguous or (e.at_least and e.count.value >= n):
            continue
        quote, loc = quote_for(e.passage, e.count, len(e.count.noun) if e.count.noun and
                                e.passage.text.startswith(e.count.noun, e.count.end) else 0)
        where = "随后各段编号列出" if e.source != "inline" else "列出"
        unit = e.unit or e.passage.text[e.count.start + len(e.count.written):e.count.end].strip()
        # (the count's own classifier, 5项 / 6家 / 3类, as the rule says it: shown_units)
        unit = rule.params["shown_units"].get(unit, unit) or "个"
        # (items that may hold two, A和B: the list counts n to n + ambiguous)
        counted = f"{n}" + (f" 至 {n + e.ambiguous}" if e.ambiguous else "")
        yield Hit(quote=quote, location=loc, stated=f"{e.count.written} {unit}", expected=f"{counted} {unit}",
                  formula=f"{where}：{joined_names(shortened(i) for i in e.items)}（共 {counted} {unit}）",
                  fields={"stated_count": e.count.written, "counted": counted,
                          # (a list before its count, 包括A、B、C 3项: the words before the count are its last item)
                          "subject": e.count.noun or (e.source != "preceding"
                                                      and noun_before(e.passage.text, e.count.start, rule.params, True))
                          or (rule.params["default_subject"] if unit == "个" else ""),
                          "unit": unit})
