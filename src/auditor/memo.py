"""Bounded memos for short texts: labels, cells, column heads and phrases repeat across a
document and a batch, whole paragraphs do not. Only texts of at most MEMO_CHARS characters are
kept, and a memo holds at most MEMO_ENTRIES of them (it is emptied when full), so a hostile batch
of distinct long or short texts cannot grow it."""
from __future__ import annotations

MEMO_CHARS = 64
MEMO_ENTRIES = 1 << 16

_MISSING = object()


def remember_short(memo: dict, text: str, compute, *args):
    """compute(text, *args), kept in `memo` (which belongs to those args) when the text is short."""
    if len(text) > MEMO_CHARS:
        return compute(text, *args)
    found = memo.get(text, _MISSING)
    if found is _MISSING:
        if len(memo) >= MEMO_ENTRIES:
            memo.clear()
        found = memo[text] = compute(text, *args)
    return found
