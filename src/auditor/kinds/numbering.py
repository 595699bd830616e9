"""Kind `numbering`: heading sequences that skip, repeat or switch style mid-sequence.

Sequences are tracked per level (一、 / （一） / 1. / （1））; a higher-level heading restarts
the levels below it. A heading numbered in another style that continues the sequence
(四、 then 5、) is a style switch.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

from ..facts.numbers import cn_to_int, count_word, normalize_digits
from ..ingest.build import NUMBERING_LEVELS, numbering_of, opens_number_pair
from ..knowledge import compact, concepts
from ..model import Heading, Paragraph, Table
from .base import Hit

KIND = "numbering"
# headings and table numbers run on through a bundle of several units' forms: read the whole
# document, not one part per unit (engine.audit_document)
WHOLE_DOCUMENT = True
PARAMS = {
    "styles": (list, ["part", "chapter", "cn", "paren_cn", "arabic", "paren_arabic"]),
    "switch_from": (list, [["cn", "arabic"]]),
    # the heads of a table's column of serial numbers (序号): its whole numbers run 1, 2, 3 …
    # down the table; checked instead of the headings when given
    "serial_heads": (list, []),
    # …of which those whose numbers may skip (a 决算 form's 行次 with its empty lines left out, the
    # rest keeping their numbers): only a number repeated is told
    "skipping_heads": (list, []),
    # the points of an explanation counted in words (一是…；二是…；三是…): a pattern with group
    # `number` (a Chinese numeral); their numbers run 1, 2, 3 … through a paragraph and the
    # paragraphs right after it that go on with them; checked instead of the headings when given
    "point_pattern": (str, ""),
    # the endings of a line leading into a list (主要成效如下：): no subtitle beginning a run again
    "lead_in_endings": (list, []),
    # a table's caption numbering it (附表1：…, 表2 …): a pattern with groups `lead` (the kind of
    # number, each kind its own run) and `number`; the tables' numbers run 1, 2, 3 … (a run may begin
    # again at 1: another part's forms); checked instead of the headings when given
    "caption_pattern": (str, ""),
    # words by which the text says a numbered table is left out (表7为空表, 不予公开): its number is no gap
    "omitted_words": (list, []),
    # the marks two titles under one number part on after the words they share: one table's parts
    # (…得分表（一）决策和过程指标 / …得分表（二）产出和效益指标; 之一 / 之二; （上）/（下）)
    "part_marks_pattern": (str, "(?!)"),
    # how a caption line's title ends (…决算表): a line opening on 表1 that does not is a sentence, no caption
    "caption_title_endings": (list, []),
}
MESSAGE_FIELDS = {"previous", "current", "problem"}
CN = "零一二三四五六七八九十"


def _token_for(block, value: int) -> str:
    """The block's number token with another number in it, in the same numerals (四、 → 三、, （4） → （3））."""
    return re.sub(r"[一二三四五六七八九十]+|\d+", lambda m: _cn(value) if not m.group().isdigit() else str(value),
                  block.token, count=1)


def _cn(value: int) -> str:
    if value <= 10:
        return CN[value]
    tens, ones = divmod(value, 10)
    return (CN[tens] if tens > 1 else "") + "十" + (CN[ones] if ones else "")


# A Markdown heading marker inside a paragraph: a reader that ran a “## 九、…” line into
# the paragraph before it (text after a table, such as “填报日期：…”, has no end punctuation
# to stop the join). Its number still belongs to the sequence; missing it reads as a skip.
EMBEDDED_MD_HEADING_RE = re.compile(r"#{1,6}[ \t]*(?=\S)")


def _numbered(doc):
    """Numbered headings and list items, including items that a PDF run into the end of the
    previous item's paragraph (“…财务规则。（八）负责…”) and Markdown headings a reader
    ran into a paragraph (“…填报日期：2024年5月9日## 九、综合评价…”)."""
    for position, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            if block.token and block.value is not None:
                yield position, block
            continue
        if not isinstance(block, Paragraph):
            continue
        items = []  # (offset in the paragraph, item)
        if block.token and block.value is not None:
            items.append((0, block))
            offset = 0
            for k, sentence in enumerate(block.sentences):
                start = block.text.find(sentence.text, offset)
                offset = max(offset, start + len(sentence.text)) if start >= 0 else offset
                found = numbering_of(sentence.text) if k else None
                if k and found is None and block.style == "arabic":
                    found = _run_into_item(sentence.text, 0, items[-1][1].value + 1,
                                           lambda: (s.text for s in block.sentences[k + 1:]))
                if found and found[1] == block.style:
                    item = Paragraph(sentence.text, sentence.loc)
                    item.token, item.style, item.value = found[0], found[1], found[2]
                    items.append((max(start, 0), item))
        if "#" in block.text:
            for m in EMBEDDED_MD_HEADING_RE.finditer(block.text):
                rest = block.text[m.end():]
                found = numbering_of(rest)
                if found and found[2] is not None:
                    items.append((m.end(), Heading(rest, block.loc, found[0], found[1], found[2], found[3])))
        items.sort(key=lambda pair: pair[0])
        for _, item in items:
            yield position, item


# a table of contents' entry: its heading's words, then a leader (a tab, dots, an ellipsis or spaces)
# and the page it is on (一、部门基本情况\t1; 二、评分情况……3)
CONTENTS_ENTRY_RE = re.compile(r"(?:\t|[.．·…]{2,}|\s{2,})\s*\d{1,3}\s*$")


def _contents_entries(doc) -> set[int]:
    """The blocks (by id) of a table of contents: a heading's words with a leader and a page
    (三、部门整体支出情况……1), and the numbered lines right under a 目录 line up to the first that
    is not one, or that names again an entry listed (the body's first heading)."""
    entries: set[int] = set()
    listed: set[str] = set()
    under = False
    titles = tuple(concepts().get("contents_titles") or ())  # (目录, 目次)
    for block in doc.blocks:
        if not isinstance(block, (Heading, Paragraph)):
            under = False
            continue
        words = re.sub(r"\s+", "", CONTENTS_ENTRY_RE.sub("", block.text))
        if CONTENTS_ENTRY_RE.search(block.text):
            entries.add(id(block))
            listed.add(words)
        elif under and block.token and words not in listed and not any(m in words for m in "。；;"):
            entries.add(id(block))
            listed.add(words)
        elif under and PAGE_NUMBER_LINE_RE.match(block.text):
            continue  # (the page's number under the contents)
        else:
            under = False
        if words in titles:
            under = True
    return entries


PAGE_NUMBER_LINE_RE = re.compile(r"^\s*[-—–－]?\s*\d{1,4}\s*[-—–－]?\s*$")


def check(doc, rule):
    if rule.params["serial_heads"]:
        yield from _serial_columns(doc, tuple(rule.params["serial_heads"]), tuple(rule.params["skipping_heads"]))
        return
    if rule.params["point_pattern"]:
        yield from _points(doc, re.compile(rule.params["point_pattern"]))
        return
    if rule.params["caption_pattern"]:
        yield from _captions(doc, re.compile(rule.params["caption_pattern"]), tuple(rule.params["omitted_words"]),
                             re.compile(rule.params["part_marks_pattern"]), tuple(rule.params["caption_title_endings"]))
        return
    styles = set(rule.params["styles"])
    lead_ins = tuple(rule.params["lead_in_endings"])
    yield from _inline_lists(doc, styles)
    last: dict[str, object] = {}  # style -> last block of that style in the current run
    order = sorted(NUMBERING_LEVELS, key=NUMBERING_LEVELS.get)
    switched: object | None = None
    # the styles an item numbered 1 has been seen in since the last 一、 (1. 预算管理方面 / （一）… / 2. …:
    # the 2. goes on from that 1., its own run above the （一）s, no 一、 switched to 2.)
    begun_under_cn: set[str] = set()
    first_seen: dict[tuple[str, int], tuple[int, object]] = {}  # (style, value) -> first item
    where: dict[int, int] = {}  # id(item) -> block position
    repeats: set[int] = set()  # id(item) of items told as repeating the one before
    # style -> (item, its finding) of a skip by one number, held until the next item of the style:
    # repeating it (七、九、九、十), the first 九 stood for 八 — one slip, told there
    held: dict[str, tuple[object, object, Hit]] = {}  # style -> (the item, the one before it, its finding)
    ones: dict[str, tuple[object, object]] = {}  # style -> (a first item right after another, the one before)
    # style -> the last item of that style before a new part (第二部分) began: the part's first item
    # of the style starts again from 1 or goes on from it
    closed: dict[str, object] = {}
    numbered = list(_numbered(doc))
    pairs = _number_pairs([block for _, block in numbered])
    entries = _contents_entries(doc)
    for position, block in numbered:
        if id(block) in pairs:
            continue  # (一、二季度…: a pair of numbers, no item)
        where[id(block)] = position
        first_seen.setdefault((block.style, block.value), (position, block))
        if id(block) in entries:
            # (a table of contents' entry restates a heading of the body, which tells its own slip:
            # it counts as a heading listed, _listed_and_present, and in no run of the body's)
            continue
        style = block.style
        parent = last.get("cn")
        fresh = last.get(style) is None or switched is not None
        if style == "cn":
            begun_under_cn.clear()
        elif block.value == 1:
            begun_under_cn.add(style)
        if parent is not None and (parent_style := "cn") and [parent_style, style] in rule.params["switch_from"] \
                and isinstance(block, Heading) and fresh and block.value == parent.value + 1 and block.value > 1 \
                and style not in begun_under_cn:
            if switched is None:
                yield _hit(block, parent, f"编号样式由“{parent.token}”变为“{block.token}”，"
                                          f"应为“{_cn(block.value)}、”")
            switched = block
            last["cn"] = block
            _reset_below(last, "cn", order)
            continue
        if style not in styles:
            continue
        previous = last.get(style)
        carried = closed.pop(style, None) if previous is None else None
        for lower in order[order.index(style) + 1:]:
            closed.pop(lower, None)  # (a run below this item begins under it, not under the part)
        if style == order[0]:
            closed.update((lower, last[lower]) for lower in order[1:] if last.get(lower) is not None)
        if carried is not None and block.value not in (1, carried.value + 1):
            yield _hit(block, carried, f"新部分的编号从“{block.token}”开始：应从“{_token_for(block, 1)}”重新开始，"
                                       f"或接续上一部分的“{carried.token}”为“{_token_for(block, carried.value + 1)}”",
                       suggest=False)
        skipped = held.pop(style, None)
        if skipped is not None and previous is skipped[0] and block.value == previous.value:
            yield _hit(previous, skipped[1],
                       f"编号从“{skipped[1].token}”跳到“{previous.token}”，其后又是“{block.token}”："
                       f"此处应为“{_token_for(previous, previous.value - 1)}”")
            last[style] = block
            _reset_below(last, style, order)
            continue
        if skipped is not None:
            yield skipped[2]
        # (一、二、二、四: a repeated number stood for the one after it; the item after it is told no
        # second time for the same slip)
        stood_for = 1 if previous is not None and id(previous) in repeats else 0
        first_again = ones.pop(style, None)
        if first_again is not None and previous is first_again[0] and block.value == 3:
            # (（一）（一）（三）: the second （一） stood for （二）, no run begun again that skipped 2)
            yield _hit(previous, first_again[1], f"编号“{previous.token}”重复：此处应为“{_token_for(previous, 2)}”")
            stood_for = 1
        elif block.value == 1 and previous is not None and previous.value == 1:
            ones[style] = (block, previous)  # (a run begun again, or a slip: the item after it tells)
        if previous is not None and block.value != 1:
            if block.value > previous.value + 1 + stood_for \
                    and not _listed_and_present(doc, first_seen, previous, where[id(previous)], block, position) \
                    and not _run_into_figures(doc, previous, where[id(previous)], block, position):
                missing = block.value - previous.value - 1 - stood_for
                titles = _unnumbered_titles(doc, where[id(previous)], position)
                if missing <= titles <= missing + 1:  # (one more: a sub-item's title among them, 项目支出情况)
                    # (二、…，then 项目支出情况 / 政府性基金预算支出情况 / … as bare lines, then 六、: the
                    # word processor's own numbers, lost when the text was taken out, not skipped)
                    yield _hit(block, previous, f"编号从“{previous.token}”跳到“{block.token}”，中间有 {titles} 个"
                                                f"未编号的标题（疑为自动编号未能读出）", severity="info", suggest=False)
                elif missing == 1:
                    held[style] = (block, previous, _hit(block, previous, f"编号从“{previous.token}”跳到“{block.token}”，"
                                                                          f"中间缺少 1 个编号"))
                else:
                    yield _hit(block, previous, f"编号从“{previous.token}”跳到“{block.token}”，中间缺少 {missing} 个编号")
            elif block.value == previous.value:
                yield _hit(block, previous, f"编号“{block.token}”重复")
                repeats.add(id(block))
        last[style] = block
        for lower in order[order.index(style) + 1:]:
            yield from _first_repeated(doc, ones.pop(lower, None), last.get(lower), where, lead_ins)
        _reset_below(last, style, order)
        if style == "cn":
            switched = None
    for _item, _before, hit in held.values():
        yield hit  # (a skip no repeat followed)
    for style, pending in ones.items():
        yield from _first_repeated(doc, pending, last.get(style), where, lead_ins)


def _first_repeated(doc, pending: tuple | None, last_item, where: dict, lead_ins: tuple = ()):
    """A run of the style that ended on its first number told twice (（一）…（一）…, then 六、 or
    the end): the second stood for （二）. Not where a bare title line stands between the two (一)s:
    a heading lost in the reading began a run again, each of one item."""
    if pending is None or last_item is not pending[0]:
        return
    block, previous = pending
    between = doc.blocks[where[id(previous)] + 1:where[id(block)]]
    # (a subtitle may end with its colon: 存在的问题：, 改进措施：; not a line leading into a list, 如下：)
    if any(isinstance(b, Paragraph) and not getattr(b, "token", "") and len(b.text.strip()) <= TITLE_CHARS
           and not SENTENCE_MARK_RE.search(b.text.strip().rstrip("：:"))
           and not b.text.strip().rstrip("：:").endswith(lead_ins) for b in between):
        return
    # a style open before the first (一) whose first item between goes on from its run (2. after 1.) heads
    # a run the (一)s sit under; one whose first item between begins at 1 is the first (一)'s own
    # sub-items, however many follow (1. 2. 3.)
    opened = {getattr(b, "style", None) for b in doc.blocks[:where[id(previous)]] if getattr(b, "token", "")}
    first_between: dict = {}
    for b in between:
        if getattr(b, "token", "") and getattr(b, "style", None) != block.style:
            first_between.setdefault(b.style, b.value)
    if any(style in opened and value != 1 for style, value in first_between.items()):
        return  # (1.存在问题 (一)… 2.改进措施 (一)…: a head of a run open before the first (一) began one again;
        # not 1. 2. under the first (一): its own sub-items)
    yield _hit(block, previous, f"编号“{block.token}”重复：此处应为“{_token_for(block, 2)}”")


# an item's number run into a figure after it (2.3所学校: item 2 on 3 schools), read as a decimal
DECIMAL_ITEM_RE = re.compile(r"\s*(\d{1,2})[.．](?=\d)")
def _item_openings(text: str):
    """Where an item of a list run into a paragraph may open: a sentence's start, or right after a
    colon (存在的问题：1.…；2.…), in order (the places the pattern ^|(?<=[：:]) matches at, found
    without trying its look-behind at every character)."""
    yield 0
    for m in COLON_RE.finditer(text):
        yield m.end()


COLON_RE = re.compile(r"[：:]")


def _run_into_item(text: str, start: int, expected: int, later: Callable[[], Iterable[str]]) -> tuple | None:
    """An item's number run into the figure after it (2.3所学校: item 2 on 3 schools), read as a
    decimal: the item (token, style, value, level) where it is the number the list expects and the
    list goes on from it in the sentences after (`later()`, their texts, read only then: the next
    item is 3, no item 2 follows)."""
    m = DECIMAL_ITEM_RE.match(text, start)
    if m is None or int(m.group(1)) != expected or expected < 2:
        return None
    values = [found[2] for t in later() for found in [numbering_of(t)] if found and found[1] == "arabic"]
    if not values or values[0] != expected + 1 or expected in values:
        return None
    return m.group(1) + ".", "arabic", expected, NUMBERING_LEVELS["arabic"]


def _inline_lists(doc, styles: set[str]):
    """The items a paragraph lists inside itself in a style not its own (（二）存在的问题。1.…；
    2.…；4.…): a list of their own, 1, 2, 3 … within the paragraph, apart from the headings'
    sequences around it. A list opens at its item 1 (items before it go on with a list of the
    paragraph before); an item of a higher level starts the lower levels' lists anew."""
    order = sorted(NUMBERING_LEVELS, key=NUMBERING_LEVELS.get)
    for block in doc.blocks:
        if not isinstance(block, Paragraph) or len(block.sentences) < 2:
            continue
        items, last_arabic = [], 0  # (the value of the last arabic item so far)
        for k, sentence in enumerate(block.sentences):
            for start in _item_openings(sentence.text):
                found = numbering_of(sentence.text[start:])
                if found is None:  # (2.3所学校…: item 2 run into the figure after it, as 2.3 reads)
                    found = _run_into_item(sentence.text, start, last_arabic + 1 if last_arabic else 0,
                                           lambda: (s.text for s in block.sentences[k + 1:]))
                if found is None or found[1] == block.style or found[1] not in styles or found[2] is None:
                    continue
                item = Paragraph(sentence.text[start:], block.loc)
                item.token, item.style, item.value = found[0], found[1], found[2]
                items.append(item)
                last_arabic = item.value if item.style == "arabic" else last_arabic
        pairs = _number_pairs(items)
        last: dict[str, Paragraph] = {}
        for item in (i for i in items if id(i) not in pairs):
            previous = last.get(item.style)
            if previous is not None and item.value != previous.value + 1 and item.value != 1:
                yield _hit(item, previous, f"编号“{item.token}”重复" if item.value == previous.value
                           else f"编号从“{previous.token}”跳到“{item.token}”，中间缺少 "
                                f"{item.value - previous.value - 1} 个编号" if item.value > previous.value
                           else f"编号从“{previous.token}”退回“{item.token}”")
            if previous is not None or item.value == 1:
                last[item.style] = item
                _reset_below(last, item.style, order)


def _number_pairs(items: list) -> set[int]:
    """id() of the items that open a pair of numbers instead (一、二季度…；三、四季度…, 2、3号泵站 in a
    1. 2. list): an item whose number the next number of its script follows (see
    ingest.build.opens_number_pair) is an item where the list goes on from it, the next item of its
    style being the one after it and it not repeating the one before (二、 then 二、三季度… then 三、:
    a pair), or where it is the list's last and follows or repeats the one before (二、收支情况 then
    二、三公经费: a repeated number). One pass each way: the next item of each style, the last kept."""
    ambiguous = {id(item) for item in items if opens_number_pair(item.text)}
    if not ambiguous:
        return set()
    after: dict[int, object] = {}
    following: dict[str, object] = {}  # style -> the next item of it, none of a higher level between
    for item in reversed(items):
        after[id(item)] = following.get(item.style)
        level = NUMBERING_LEVELS.get(item.style, 0)
        for style in [s for s in following if NUMBERING_LEVELS.get(s, 0) > level]:
            del following[style]  # (a higher-level item closes the lists below it)
        following[item.style] = item
    pairs, last = set(), {}  # style -> the last item kept
    for item in items:
        before = last.get(item.style)
        if id(item) in ambiguous:
            nxt = after[id(item)]
            if nxt is not None:
                goes_on = nxt.value == item.value + 1 and not (before is not None and before.value == item.value)
            else:
                goes_on = before is not None and item.value in (before.value, before.value + 1)
            if not goes_on:
                pairs.add(id(item))
                continue
        last[item.style] = item
    return pairs


def _listed_and_present(doc, first_seen, previous, previous_pos: int, block, position: int) -> bool:
    """True when every skipped number is listed earlier (a table of contents) and the content
    it names is there between the two headings: only the numbered heading was not printed
    (a 部门决算 whose tables follow 第一部分 without a “第二部分” line of their own)."""
    between = None
    for value in range(previous.value + 1, block.value):
        listed = first_seen.get((block.style, value))
        if listed is None or listed[0] >= previous_pos:
            return False
        title = re.sub(r"\s+", "", listed[1].text[len(listed[1].token):])
        if len(title) < 4:
            return False
        if between is None:
            between = re.sub(r"\s+", "", "".join(b.text for b in doc.blocks[previous_pos + 1:position]))
        if title[-6:] not in between:
            return False
    return True


def _run_into_figures(doc, previous, previous_pos: int, block, position: int) -> bool:
    """True when every skipped number opens a paragraph between the two items with a figure
    right after it (2.110警情平均到场时间…): the item is there, its number read as a decimal."""
    if not previous.token or not re.search(r"\d", previous.token):
        return False
    starts = [b.text.lstrip() for b in doc.blocks[previous_pos + 1:position + 1]]
    for value in range(previous.value + 1, block.value):
        token = re.sub(r"\d+", str(value), previous.token, count=1)
        if not any(t.startswith(token) and t[len(token):len(token) + 1].isdigit() for t in starts):
            return False
    return True


def _reset_below(last: dict, style: str, order: list[str]) -> None:
    for lower in order[order.index(style) + 1:]:
        last.pop(lower, None)


def _hit(block, previous, problem: str, severity: str | None = None, suggest: bool = True) -> Hit:
    """`suggest`: the number after the previous item is what this one should have been (not where
    the items between lost their numbers in the reading: 六、 is then right)."""
    return Hit(quote=block.text[:40], location=block.loc, stated=block.token,
               expected=problem.rsplit("应为", 1)[-1].strip("“”") if "应为" in problem
               else _next_token(previous) if suggest else None,
               formula=f"上一个同级编号：{previous.token}（{previous.text[:20]}）",
               fields={"previous": previous.token, "current": block.token, "problem": problem}, severity=severity)


def _next_token(previous) -> str | None:
    """The number that follows the item before, written as it was (二、 → 三、, （2） → （3）, 2. → 3.):
    what a skipped or repeated number should have been; None where its numeral is not one of these."""
    return _renumbered(previous.token or "", previous.value + 1)


def _renumbered(token: str, value: int) -> str | None:
    """The token with `value` for its numeral, written as it was (二、 → 三、, 二是 → 三是, 第二 → 第三,
    2. → 3.); None where its numeral is not one of these."""
    if re.search(r"\d", token):
        return re.sub(r"\d+", str(value), token, count=1)
    circled = re.search("[①-⑳]", token)
    if circled:  # (② → ③: the circled numerals run from ① to ⑳)
        return token[:circled.start()] + chr(ord("①") + value - 1) + token[circled.end():] if 1 <= value <= 20 else None
    numeral = re.search(f"[{CN[1:]}]+", token)
    return token[:numeral.start()] + _cn(value) + token[numeral.end():] if numeral and value <= 100 else None


TITLE_CHARS = 30  # a bare line this short, with no sentence mark and a topic's ending, reads as a title
SENTENCE_MARK_RE = re.compile(r"[。，,；;：:]")


def _unnumbered_titles(doc, start: int, end: int) -> int:
    """The bare title lines between two numbered items (项目支出情况: short, no sentence mark, ending
    as a topic does, concepts.yaml topic_endings), at the items' level: after the last lower item
    between them (a bare line before （二） is a sub-item's), and no table's caption (a line right
    before a table)."""
    endings = tuple(concepts().get("topic_endings") or ())
    blocks = doc.blocks[start + 1:end + 1]  # (and the item closing the gap: what follows the last line)
    lower = max((k for k, b in enumerate(blocks[:-1]) if getattr(b, "token", "")), default=-1)
    return sum(1 for k, b in enumerate(blocks[:-1]) if k > lower and isinstance(b, Paragraph) and not b.token
               and len(b.text.strip()) <= TITLE_CHARS and not SENTENCE_MARK_RE.search(b.text)
               and b.text.strip().endswith(endings) and not isinstance(blocks[k + 1], Table))


def _points(doc, pattern: re.Pattern):
    """Points counted in words (一是, 二是 …) in a paragraph, or one a paragraph running on over
    the next ones: each the number after the one before. A 一是 opens a count of its own inside
    the current one (具体包括：一是…；二是…): a point going on with the enclosing count closes it.
    Points inside quotation marks are the quoted text's. The first that repeats or skips is told
    once per count."""
    counts: list[list] = []  # the open counts, innermost last: [value, token]
    told = False
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            counts = []  # (a heading or a table ends the count)
            continue
        found = [m for m in pattern.finditer(block.text) if not _quoted(block.text, m.start())]
        if not found:
            counts = []
            continue
        for m in found:
            value = cn_to_int(m.group("number"))
            if value is None:
                continue
            if value == 1 or not counts:
                counts.append([value, m.group(0).strip()])
                told = False
                continue
            while len(counts) > 1 and value != counts[-1][0] + 1 and value == counts[-2][0] + 1:
                counts.pop()  # (the sub-list done, the enclosing count goes on)
            previous = counts[-1]
            if value != previous[0] + 1 and not told:
                problem = (f"分项“{m.group(0).strip()}”重复" if value == previous[0]
                           else f"分项从“{previous[1]}”跳到“{m.group(0).strip()}”" if value > previous[0]
                           else f"分项从“{previous[1]}”退回“{m.group(0).strip()}”")
                yield Hit(quote=block.text[max(0, m.start() - 10):m.end() + 20], location=block.loc,
                          stated=m.group(0).strip(), expected=_renumbered(previous[1], previous[0] + 1),
                          formula=f"上一分项：{previous[1]}",
                          fields={"previous": previous[1], "current": m.group(0).strip(), "problem": problem})
                told = True
            counts[-1] = [value, m.group(0).strip()]


def _captions(doc, pattern: re.Pattern, omitted: tuple[str, ...] = (), parts: re.Pattern = re.compile("(?!)"),
              endings: tuple[str, ...] = ()):
    """The numbers tables' captions give them (附表1, 附表3): each the number after the one before of
    its kind, or 1 again. A caption is a table's title opening on its number, or a line of its own
    that is one: the number alone (附表2 over the title line and the form), or the number and a
    title ending in 表 (an empty table's caption, 表7 政府性基金…决算表, its table left out). A number
    told again under the same title is one table read twice (a page's repeated head, the caption
    line and its table's title), no repeat."""
    last: dict[str, tuple[int, str, str]] = {}  # lead -> (number, token, title) of the last caption
    for block, m, title in _caption_blocks(doc, pattern, endings):
        value = count_word(normalize_digits(m.group("number")))
        if value is None:
            continue
        lead, token = m.group("lead"), m.group(0).strip()
        previous = last.get(lead)
        last[lead] = (value, token, title or (previous[2] if previous and previous[0] == value else ""))
        if previous is None or value == 1 or value == previous[0] + 1 \
                or (value == previous[0] and _one_table(title, previous[2], parts)) \
                or (value > previous[0] and all(_said_omitted(doc.text, lead, n, omitted)
                                                for n in range(previous[0] + 1, value))):
            continue
        problem = (f"表号“{token}”重复（前一张为“{previous[1]} {_short(previous[2])}”）" if value == previous[0]
                   else f"表号从“{previous[1]}”跳到“{token}”，中间缺少 {value - previous[0] - 1} 个表号"
                   if value > previous[0] else f"表号从“{previous[1]}”退回“{token}”")
        yield Hit(quote=_short(block.title if isinstance(block, Table) and block.title else block.text.strip()),
                  location=block.loc, stated=token,
                  expected=f"{lead}{_like(previous[0] + 1, m.group('number'))}",
                  formula=f"上一张表：{previous[1]} {_short(previous[2])}",
                  fields={"previous": previous[1], "current": token, "problem": problem})


OMITTED_REACH = 24  # characters between a table's number and the words saying it is left out (表7为空表)


def _said_omitted(text: str, lead: str, number: int, words: tuple[str, ...]) -> bool:
    """The text says the table of this number is left out (注：…表7为空表，不予公开)."""
    return bool(words) and any(w in m.group(1) for m in re.finditer(
        rf"{re.escape(lead)}\s*{number}(?!\d)([^。；;]{{0,{OMITTED_REACH}}})", text) for w in words)


def _caption_blocks(doc, pattern: re.Pattern, endings: tuple[str, ...]):
    """(block, its number's match, its title) of each caption, in document order: tables' titles, and
    lines of their own that are captions (see _captions)."""
    for block in doc.blocks:
        if isinstance(block, Table):
            m = pattern.match(block.title or "")
            if m is not None:
                yield block, m, BRACKET_TAIL_RE.sub("", block.title[m.end():]).strip(CAPTION_STRIP)
        elif isinstance(block, Paragraph):
            m = pattern.match(block.text)
            # (a title's remark in brackets, （单位：万元）, is no part of it: the table's own title leaves it out)
            rest = BRACKET_TAIL_RE.sub("", block.text[m.end():]).strip(CAPTION_STRIP) if m else ""
            if m is not None and (not rest or bool(endings) and rest.endswith(endings)):
                yield block, m, rest


CAPTION_STRIP = " ：:.、\t"
BRACKET_TAIL_RE = re.compile(r"[（(][^（()）]*[)）]\s*$")  # (…决算表（单位：万元）: its remark aside)


TITLE_SHOWN_CHARS = 24  # characters of an earlier table's title a finding shows
def _one_table(title: str, other: str, parts: re.Pattern) -> bool:
    """Two titles under one number name one table: the same, one bare (a page's repeated number), or
    its parts, the two parting after the words they share on a part's mark."""
    a, b = compact(title), compact(other)
    if a == b or not a or not b:
        return True
    shared = len(os.path.commonprefix([a, b]))
    # (the mark's opening, （ or 之 or 第, may be among the words shared: back up over it)
    return any(parts.match(a, at) and parts.match(b, at) for at in range(max(0, shared - 1), shared + 1))


def _short(title: str) -> str:
    return title if len(title) <= TITLE_SHOWN_CHARS else title[:TITLE_SHOWN_CHARS] + "…"


def _like(value: int, written: str) -> str:
    """The number written as `written` is: in Chinese numerals, full-width or ASCII digits."""
    if not normalize_digits(written).isdigit():
        return _cn(value)
    return str(value) if written.isascii() else str(value).translate(WIDE_DIGITS)


WIDE_DIGITS = {ord(d): chr(ord("０") + int(d)) for d in "0123456789"}  # (normalize_digits the other way)


def _quoted(text: str, at: int) -> bool:
    """Whether text[at] stands inside quotation marks (“…”): a quoted document's own points."""
    return text.count("“", 0, at) > text.count("”", 0, at)


SERIAL_RE = re.compile(r"^\s*(\d{1,3})\s*$")


def _serial_columns(doc, heads: tuple[str, ...], skipping: tuple[str, ...] = ()):
    """A table's column headed 序号 (or 行次, a 决算 form's line numbers, which may start past 1):
    the whole numbers down it (blank and 合计 rows aside) go 1, 2, 3 …; the first that repeats or
    skips (in a `skipping` column: repeats) is told once per column. A column restarting at 1 (a
    table of groups each numbered anew) is followed from there."""
    for table in doc.tables:
        grid = table.grid()
        for col in range(table.width):
            # "".join(x.split()) is re.sub(r"\s+", "", x) (\s is str.isspace), without a regex call
            head_row = next((r for r, row in enumerate(grid[:3]) if col < len(row)
                             and "".join(row[col].split()) in heads), None)
            if head_row is None:
                continue
            head = "".join(grid[head_row][col].split())
            previous = None
            for r in range(head_row + 1, len(grid)):
                m = SERIAL_RE.match(grid[r][col]) if col < len(grid[r]) else None
                if m is None:
                    continue
                value = int(m.group(1))
                if previous is not None and value != 1 and value != previous[0] + 1 \
                        and (head not in skipping or value == previous[0]):
                    cell = table.rows[r][col]
                    name = f"「{table.name}」"
                    problem = name + (f"{head}“{value}”重复" if value == previous[0]
                                      else f"{head}从“{previous[0]}”跳到“{value}”" if value > previous[0]
                                      else f"{head}从“{previous[0]}”退回“{value}”")
                    yield Hit(quote=table.row_text(r).strip("\t "), location=cell.loc,
                              stated=str(value), expected=str(previous[0] + 1),
                              fields={"previous": str(previous[0]), "current": str(value), "problem": problem},
                              highlights=[previous[1].loc])
                    break
                previous = (value, table.rows[r][col])
