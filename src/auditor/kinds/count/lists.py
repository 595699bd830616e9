"""The items of a list a stated count opens (kind `count`, check enumeration): read inline
(after an introducer, split on 、 ； ， or quoted or numbered items 1. 2. 3.), or as the numbered
paragraphs or headings that follow a sentence ending in “如下：”; a list ruled out by an item is
left unread."""
from __future__ import annotations

import os
import re
from functools import lru_cache

from ...facts.numbers import cn_to_int, groups_thousands
from ...ingest.raw import MAX_LIST_CHARS
from ...model import Heading, Table
from .passages import CJK_FIRST, CJK_LAST, QUOTES, Passage, sentence_bounds, skip_brackets, scan_characters


# list tokens: 1. / 1、 / （1） / ① / 一是
LIST_TOKEN_RE = re.compile(r"(?:(\d{1,2})[.、．](?!\d)|[（(](\d{1,2})[）)]|([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
                           r"|([一二三四五六七八九十]{1,2})是)")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

SPACES_RE = re.compile(r"\s*")
COLON_RE = re.compile(r"\s*[：:]")
COMMA_OR_COLON_RE = re.compile(r"\s*[，,：:]?\s*")
COLON_OR_QUOTE_RE = re.compile(r"\s*[：:“\"「]")
OPTIONAL_COLON_RE = re.compile(r"\s*[：:]?\s*")


NOUN_INTRODUCER = "具体为"  # (what a noun_introducer_pattern match is read as)


@lru_cache(maxsize=8)
def _noun_introducer(pattern: str) -> re.Pattern:
    return re.compile(pattern or "(?!)")


def introducer(text: str, pos: int, params: dict) -> tuple[str, str, int] | None:
    """(noun, introducer, offset after it) for a list opened right after a count: only a noun
    (at most 12 characters), a parenthesis and a comma may stand between; else None."""
    k = SPACES_RE.match(text, pos).end()
    introducers = sorted(params["introducers"], key=len, reverse=True)
    for n in range(13):  # each possible end of the noun; bounded, so linear overall
        if n and (k + n > len(text) or not CJK_FIRST <= text[k + n - 1] <= CJK_LAST):
            return None
        j = skip_brackets(text, SPACES_RE.match(text, k + n).end())
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
        named = _noun_introducer(params["noun_introducer_pattern"]).match(text, j)
        if named and n and text.startswith(named.group("noun"), k):
            return text[k:k + n], NOUN_INTRODUCER, named.end()
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
    """An item that rules its whole list out (as `inline_list` checks at the end): longer than
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
        if k < len(listing) and listing[k] not in ITEM_SEPARATORS and listing[k] not in QUOTES:
            return None, k  # (a quotation right after it, “A”“B”, is the next item)
    if not items or listing.startswith("等", k):
        return None, k  # “A”、“B”等: an incomplete list
    return items, k


def _numbered_items(listing: str, params: dict) -> list[str] | None:
    """Items numbered 1. 2. 3. / （1）（2） / ①② / 一是 二是 inside the list; None unless numbered
    from 1 on. Each token opens an item, whatever the item holds (counts, long sentences): the
    listing read is bounded (see `inline_list`)."""
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
    items = _items_of(listing, marks)
    last = item(len(listing))
    if items and all(listing[n.start() - 1] in "；;" for n, _ in marks[1:]):
        # (一是…；二是…；三是…。全年…: items a ； parts end with the sentence the last closes)
        end = SENTENCE_CLOSE_RE.search(last)
        last = last[:end.start()] if end else last
    return items + [last]


SENTENCE_CLOSE_RE = re.compile(r"[。！？!?]")


def _items_of(listing: str, marks: list) -> list[str]:
    """The items between consecutive marks (not the one after the last)."""
    return [listing[m.end():n.start()].strip(ITEM_STRIP) for (m, _), (n, _) in zip(marks, marks[1:])]


def split_plain(listing: str, params: dict) -> tuple[list[str], bool]:
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
        # (an item's own amount after its name, A项目3,850.00万元；B项目…, is no figure of a clause)
        return separators != "、" and bool(items) and (
            item.startswith(cues) or any(ch.isdigit() for ch in (_without_amount(item, params) if semicolon else item)))

    for k, ch, top in scan_characters(listing, 0, len(listing)):
        if top and not separators and ch in "、，,；;" and not groups_thousands(listing, k):
            joined = _conjoined_rest(listing, k, params) if ch in "，," else 0
            if joined < 0:
                return [], False  # (the rest's 、 inside a modifier or a list: which, not told)
            if joined:
                # “A机关本级，以及B、C、D”: the first item, then the rest listed on 、
                items.append(listing[a:k].strip())
                separators, stops = "、", "，,；;"
                a, first, last = joined, -1, -1
                continue
            separators = "、" if ch == "、" else ("；;" if semicolon else "，,")
            stops = "，,；;" if separators == "、" else ""
        if top and ch in stops and not groups_thousands(listing, k):
            items.append(listing[a:k].strip())
            joined = _joined_last(listing, k, params)
            if joined is not None:
                # “A、B、C，以及新组建的D”: the last item after a conjunction over the comma
                items.append(joined[0])
                return [i for i in items if i], joined[1]
            return [i for i in items if i], False
        if top and ch in separators and not groups_thousands(listing, k):
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


def _conjoined_rest(listing: str, k: int, params: dict) -> int:
    """Where the rest of a list starts when the comma at `k`, the list's first break, is followed
    by a conjunction (以及, 还有) and the rest of the clause is split on 、 (A，以及B、C、D: the
    first item alone, the others listed after the conjunction); 0 otherwise, -1 where a 的 after
    the 、 leaves untold whether it splits items or one item's modifier."""
    rest = listing[k + 1:]
    conj = next((c for c in sorted(params["comma_conjunctions"], key=len, reverse=True) if rest.startswith(c)), None)
    if conj is None:
        return 0
    clause = re.split(r"[，,；;。]", rest, maxsplit=1)[0]
    if "、" not in clause:
        return 0
    # (负责河道、供水管理的区水务服务中心: a 、 inside one item's modifier; A、B、C的部门预算: the
    # items' own; 的 after a 、 leaves which it is untold: -1, the list not read)
    return -1 if "的" in clause[clause.find("、"):] else k + 1 + len(conj)


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


def inline_list(passage: Passage, start: int, params: dict, strict: bool = False,
                 noun: str = "") -> tuple[list[str], int] | None:
    """The items of a list starting at `start`, up to the end of its sentence; None when the list
    is incomplete or cannot be read unambiguously. `strict` (after a bare colon, which may open
    prose as well as a list): plain items must be short and fill the sentence. At most
    MAX_LIST_CHARS of the sentence are read: a list that has not ended by then is not checked."""
    _, end = sentence_bounds(passage, start)
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
    if delimited and not numbered and len(items) == 1 and \
            passage.text[:start].rstrip().endswith(tuple(params["weak_introducers"])):
        return None  # (1个项目为“良”, 0个项目为“良”: one quoted word after 为 is what they are, no list)
    if not delimited:
        items, whole = split_plain(listing, params)
        # (共实施3个项目：A项目320.00万元、B项目180.00万元…: an item's amount is no part of its name)
        items = [_without_amount(i, params) for i in items]
        lead = passage.text[:start].rstrip()
        if len(items) == 1 and whole and lead.endswith(("：", ":")):
            # (3个项目：A项目和B项目: two peers of one head noun joined by 和, the list's two items)
            items = _split_peers(items, params, alone=True)
        elif len(items) == 1 and whole and noun and lead.endswith(tuple(params["introducers"])):
            # (…三个重点项目，分别是A项目和B项目: so too after 分别是 where both end on the noun counted; not
            # 培训12期，分别是电工培训和焊工培训, kinds of the sessions counted)
            split = _split_peers(items, params, alone=True)
            counted = lead[:-len(next(w for w in params["introducers"] if lead.endswith(w)))].rstrip("，,：: ")
            head = counted[-HEAD_NOUN_CHARS:]  # (…三个重点项目，分别是: 项目, the items' head noun)
            items = split if all(i.rstrip("。；;，, ").endswith(head) for i in split) else items
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
    ambiguous = 0 if delimited else sum(1 for item in items if two_items(item, params))
    return items, ambiguous


ITEM_MIN_CHARS = 2  # the fewest characters an item joined by a conjunction is named by (文化馆和图书馆: 3)
HEAD_NOUN_CHARS = 2  # the last characters of a counted noun its items end on (重点项目 → 项目)


def _without_amount(item: str, params: dict) -> str:
    """The item's name without the amount stated after it (A项目320.00万元, B项目（180.00万元）)."""
    tail = _item_amount_re(params["item_amount_pattern"]).search(item)
    return item[:tail.start()].rstrip() if tail and tail.start() else item


@lru_cache(maxsize=4)
def _item_amount_re(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _split_peers(items: list[str], params: dict, alone: bool = False) -> list[str]:
    """An item of a list of several joined by a conjunction whose two halves each end in a unit's
    name (…院、…所和…中心) is two units, not one name holding 和. Halves ending otherwise (消防安全
    检查和隐患排查; 党风廉政建设和反腐败工作, one standing phrase) leave the item as it was: one
    name, or two, the count not judged between them (see two_items). `alone`: the one item filling
    a list after a colon, split as a list's item is."""
    if len(items) < (1 if alone else 2):
        return items
    out = []
    for item in items:
        halves = _halves(item, params)
        others = [other for other in items if other is not item]
        # (the list's other items units' names too: 布局, 干部 end as 局, 部 do, naming no unit)
        if halves and all(_unit_name(half, params) for half in halves) \
                and all(_unit_name(other, params) for other in others):
            out += halves
        elif halves and _one_head([*halves, *others]):
            out += halves  # (文书档案、科技档案、会计档案和声像档案: four 档案, peers)
        else:
            out.append(item)
    return out


# the fewest characters of a head noun the items of a list share (档案 of 文书档案、会计档案): one
# character (费, 类) is too often an ending of unlike things to make them peers
PEER_HEAD_MIN_CHARS = 2


def _one_head(names: list[str]) -> bool:
    """Every name ends in the same head noun of PEER_HEAD_MIN_CHARS or more and adds words of its
    own before it (业务培训、安全培训和消防培训): peers of one kind, so a conjunction between two of
    them joins two items, not the words of one name (消防安全检查和隐患排查 ends two ways)."""
    names = [n.rstrip("。；;，, ") for n in names]
    head = os.path.commonprefix([n[::-1] for n in names])[::-1]
    return len(head) >= PEER_HEAD_MIN_CHARS and all(len(n) > len(head) for n in names)


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


def ends_opening(text: str, params: dict, noun: str = "") -> bool:
    """Whether the passage ends with words opening a list below it (具体如下：) of the things `noun`
    (the words naming what was counted, NOUN_HEAD_CHARS of them) names: the closing clause names no
    thing, or one the noun holds (14个项目…。主要目标如下： lists goals, not the projects)."""
    tail = text.rstrip().rstrip("：:")
    closing = next((w for w in params["closing_introducers"] if tail.endswith(w)), None)
    if tail == text.rstrip() or closing is None:
        return False
    named = re.split(r"[，,。；;！？!?]", tail[:len(tail) - len(closing)])[-1]
    for word in sorted(params["closing_generic_words"], key=len, reverse=True):
        named = named.replace(word, "")
    named = named.strip()
    return not named or named[-THING_CHARS:] in noun


THING_CHARS = 2  # the last characters of a closing clause's words naming its thing (主要目标: 目标)
NOUN_HEAD_CHARS = 6  # the characters next to a count its thing is named in (5项重点工作, 重点工作5项)


# blocks read after a count for the headings it announces: a section's items with their bodies
# (a long report's longest run of sub-sections is a few hundred paragraphs; the cost stays bounded)
HEADING_LIST_BLOCKS = 400


def numbered_paragraphs(doc, passage: Passage, most: int = HEADING_LIST_BLOCKS) -> list[str] | None:
    """Numbered paragraphs 1. 2. 3. right after a passage that ends in a colon, up to the next
    heading or table; None unless they are numbered from 1 without a gap. A number repeated is an
    item of its own (1. 2. 2. 4.: four items, the second 2 standing for 3, as STR001 tells)."""
    items: list[str] = []
    style, last, repeated = None, 0, False
    if passage.cell:
        return None  # the paragraphs after its table are no items of a cell
    if heading_after(doc, passage):
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


def heading_after(doc, passage: Passage) -> bool:
    return passage.last_block + 1 < len(doc.blocks) and isinstance(doc.blocks[passage.last_block + 1], Heading)


def _numbered_headings(doc, start: int, most: int) -> list[str] | None:
    """Headings numbered from 1 right after a passage ending in a colon (主要存在以下5个方面问题： then
    （一）… with its body, （二）…), each item a heading of the first one's level and style, up to the
    next heading of a higher level; None unless numbered from 1 without a gap (a number repeated
    counts, as in numbered_paragraphs). Bodies, tables and deeper headings between are passed
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


def two_items(item: str, params: dict) -> bool:
    """An item with a conjunction may be two (县图书馆和文化馆, 局机关和服务中心), unless what follows
    the conjunction names a unit and the words before it name none (法规与标准科, 思想政治和权益
    维护股: one office's name)."""
    for c in params["conjunctions"]:
        at = item.find(c)
        if 0 < at < ITEM_MIN_CHARS:
            continue  # (中和村卫生室, 共和路: one character before the conjunction names nothing of its own)
        if at > 0:
            if c not in params["name_conjunctions"]:
                return True  # (人口和社会科 may be 人口科 and 社会科: not judged)
            left, right = item[:at], item[at + len(c):]
            endings = tuple(params["unit_endings"])
            return not right.endswith(endings) or left.endswith(endings)  # (局机关与…服务中心: two units)
    return False
