"""Context `enumeration` of kind `calculation`, numbered paragraphs: a paragraph ending on a list
opener and the numbered paragraphs after it, each an item stating the same measures."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ...facts.base import Fact, FactBase
from ...facts.base.model import CURRENT
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS
from ..base import CHECKED
from .parts import money_amount
from .compare import compare_sum


def check_numbered_items(doc, base: FactBase, rule):
    """A paragraph ending on a list opener (…年初预算为2,480.00万元，支出决算为1,446.20万元。其中：)
    and the numbered paragraphs after it (1、…年初预算为…，支出决算为…), each an item stating the
    same measures: where the items' figures of one measure add up to the whole's, the list is all
    of it, and their figures of every other measure must add up to the whole's too."""
    from ...ingest.build import numbering_of
    from ...model import Paragraph

    openers = lexicon().list_openers
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not block.text.rstrip(" ：:").endswith(openers) \
                or not block.text.rstrip().endswith(("：", ":")):
            continue
        wholes = _by_measure(base.by_block.get(i, ()))
        items = []
        for later in range(i + 1, min(len(blocks), i + 1 + MAX_NUMBERED_ITEMS)):
            text = getattr(blocks[later], "text", "")
            numbered = numbering_of(text) if isinstance(blocks[later], Paragraph) else None
            if numbered is None:
                break
            name = _item_name(text[len(numbered[0]):])
            items.append({m: replace(f, concept=name) for m, f in _by_measure(base.by_block.get(later, ())).items()})
        if len(items) < 2 or not wholes:
            continue
        sums = {m: [item[m] for item in items] for m in wholes if all(m in item for item in items)}
        if len(sums) < 2:
            continue
        whole_lists = [m for m, parts in sums.items() if _sum_meets(wholes[m], parts)]
        if not whole_lists:
            continue  # (no measure adds up: the list may name some items only)
        for measure, parts in sums.items():
            yield CHECKED
            for hit in compare_sum(wholes[measure], parts, "其后分段所列各项", rule):
                hit.formula += f"；所列各项的{whole_lists[0]}之和与总数相符，各项已列全"
                yield hit


def _item_name(text: str) -> str:
    """What a numbered item is, for the message: the 项 its classification names (一般公共服务支出（类）
    统计信息事务（款）行政运行（项）: 行政运行), else its opening words."""
    head = re.split(r"[。，,；;：:]", text.strip(), maxsplit=1)[0]
    named = next((m for m in (p.search(head) for p in _item_level_res()) if m), None)
    return named.group(1) if named else head[:ITEM_NAME_CHARS]


@lru_cache(maxsize=None)
def _item_level_res() -> tuple:
    """The lowest level of the budget's classification an item names (vocabulary budget_by_code
    code_parts: 类, 款, 项): after the level above it (其他政府办公厅（室）及相关机构事务（项）,
    brackets of its own inside), or the words right before it."""
    from ...knowledge import vocabulary

    levels = vocabulary()["table_types"]["budget_by_code"].get("code_parts") or ()
    if len(levels) < 2:
        return ()
    upper, lowest = map(re.escape, levels[-2:])
    return (re.compile(rf"[（(]{upper}[）)](.{{1,40}}?)[（(]{lowest}[）)]"),
            re.compile(rf"([^（）()]{{1,30}})[（(]{lowest}[）)]"))


ITEM_NAME_CHARS = 16  # the opening words that name an item otherwise

MAX_NUMBERED_ITEMS = 60  # numbered paragraphs a list opened at a paragraph's end runs over, at most


def _by_measure(facts) -> dict[str, Fact]:
    """A paragraph's amounts of this year by measure, the first of each (an item's 年初预算, 决算)."""
    found: dict[str, Fact] = {}
    for f in facts:
        if money_amount(f) and f.period == CURRENT and not f.comparator:
            found.setdefault(f.measure, f)
    return found


def _sum_meets(total: Fact, parts: list[Fact]) -> bool:
    """The parts add up to the total, each figure read as the interval it prints."""
    slack = sum((p.half_unit * MONEY_UNITS.get(p.unit, Decimal(1)) for p in [total, *parts]), Decimal(0))
    return abs(sum((p.in_yuan() for p in parts), Decimal(0)) - total.in_yuan()) <= slack
