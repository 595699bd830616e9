"""Kind `numbering`: heading sequences that skip, repeat or switch style mid-sequence.

Sequences are tracked per level (一、 / （一） / 1. / （1））; a higher-level heading restarts
the levels below it. A heading numbered in another style that continues the sequence
(四、 then 5、) is a style switch.
"""
from __future__ import annotations

from ..ingest.build import numbering_of
from ..model import Heading, Paragraph
from .base import Hit

KIND = "numbering"
PARAMS = {"styles": (list, ["cn", "paren_cn", "arabic", "paren_arabic"]), "switch_from": (list, [["cn", "arabic"]])}
MESSAGE_FIELDS = {"previous", "current", "problem"}
CN = "零一二三四五六七八九十"


def _cn(value: int) -> str:
    if value <= 10:
        return CN[value]
    tens, ones = divmod(value, 10)
    return (CN[tens] if tens > 1 else "") + "十" + (CN[ones] if ones else "")


def _numbered(doc):
    """Numbered headings and list items, including items that a PDF run into the end of the
    previous item's paragraph (“…财务规则。（八）负责…”)."""
    for block in doc.blocks:
        if not isinstance(block, (Heading, Paragraph)) or not block.token or block.value is None:
            continue
        yield block
        if isinstance(block, Paragraph):
            for sentence in block.sentences[1:]:
                found = numbering_of(sentence.text)
                if found and found[1] == block.style:
                    item = Paragraph(sentence.text, sentence.loc)
                    item.token, item.style, item.value = found[0], found[1], found[2]
                    yield item


def check(doc, rule):
    styles = set(rule.params["styles"])
    last: dict[str, object] = {}  # style -> last block of that style in the current run
    order = ["part", "cn", "paren_cn", "arabic", "paren_arabic", "circled"]
    switched: object | None = None
    for block in _numbered(doc):
        style = block.style
        parent = last.get("cn")
        fresh = last.get(style) is None or switched is not None
        if parent is not None and (parent_style := "cn") and [parent_style, style] in rule.params["switch_from"] \
                and isinstance(block, Heading) and fresh and block.value == parent.value + 1 and block.value > 1:
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
        if previous is not None and block.value != 1:
            if block.value > previous.value + 1:
                yield _hit(block, previous, f"编号从“{previous.token}”跳到“{block.token}”，中间缺少 "
                                            f"{block.value - previous.value - 1} 个编号")
            elif block.value == previous.value:
                yield _hit(block, previous, f"编号“{block.token}”重复")
        last[style] = block
        _reset_below(last, style, order)
        if style == "cn":
            switched = None


def _reset_below(last: dict, style: str, order: list[str]) -> None:
    for lower in order[order.index(style) + 1:]:
        last.pop(lower, None)


def _hit(block, previous, problem: str) -> Hit:
    return Hit(quote=block.text[:40], location=block.loc, stated=block.token,
               expected=problem.rsplit("应为", 1)[-1].strip("“”") if "应为" in problem else None,
               formula=f"上一个同级编号：{previous.token}（{previous.text[:20]}）",
               fields={"previous": previous.token, "current": block.token, "problem": problem})
