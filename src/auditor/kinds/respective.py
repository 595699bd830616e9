"""Kind `respective`: the names a 分别 list pairs with its figures, counted against the figures.

“公务用车平台运维、办公区物业管理、公共机构节能改造三个项目，分别安排68.00万元、245.00万元”: three
names, two figures — one amount is missing or one name too many. The names are the 、/和-joined
items right before 分别 (in its clause, or the clause before when 分别 opens its own), the
figures those right after it (after a few words of verb: 分别安排, 分别比上年增加). One figure is
each name's alike (A、B分别为100万元); a name holding 和 may be one name or two, so either
count of the names holds.
"""
from __future__ import annotations

import re

from ..facts.lexicon import lexicon
from ..facts.numbers import count_word
from ..knowledge import compact
from .base import CHECKED, Hit, document_texts

KIND = "respective"
PARAMS = {
    "check": (str, "names_figures"),
    # the word pairing names with figures in turn
    "marker": (str, "分别"),
    # what joins names (、 always; these words too, though a name may hold one)
    "joins": (list, ["和", "及", "与", "以及"]),
    # at most this many characters of verb between 分别 and its first figure (分别比上年增加)
    "max_verb_chars": (int, 8),
    # words standing for a figure in the list (按优、良、中、差分别得满分、80%、60%和0分)
    "word_figures": (list, []),
    # a name longer than this is a clause, not a name
    "max_name_chars": (int, 24),
}
MESSAGE_FIELDS = {"names", "figures", "name_count", "figure_count"}

# (a percentage ends with its sign, whatever follows: …60%、0%计分)
FIGURE = r"[-－]?\d[\d,，]*(?:\.\d+)?\s*(?:[%‰]|[\u4e00-\u9fff]{0,3}?(?=[、和及与，,；;。）)]|$))"
# a stated count of the names at the end of their clause (三个项目, 4项工作)
COUNT_TAIL_RE = re.compile(r"(?:等)?(?P<count>\d+|[一二两三四五六七八九十]{1,3})\s*(?:个|项|家|所|处|座|条|类|笔|部分)[\u4e00-\u9fff]{0,6}$")
CLAUSE_BREAK_RE = re.compile(r"[，,；;。：:]")
ITEM_END = r"(?=[、和及与，,；;。）)]|$)"  # after a word standing for a figure: the list's next item or its end
BRACKETED_RE = re.compile(r"[（(][^（()）]*[）)]|[“\"‘][^”\"’]*[”\"’]")


def validate(params: dict) -> str | None:
    return None if params["check"] == "names_figures" else "check 只能是 names_figures"


def check(doc, rule):
    params = rule.params
    marker = params["marker"]
    words = "".join(f"|{re.escape(w)}{ITEM_END}" for w in sorted(params["word_figures"], key=len, reverse=True))
    figure = f"{FIGURE}{words}"
    figures = re.compile(rf"(?:{figure})(?:\s*(?:、|和|及|与|以及)\s*(?:{figure}))*")
    for text, source in document_texts(doc):
        if marker not in text:
            continue  # most sentences pair nothing
        for at in _occurrences(text, marker):
            listed = _figures_after(text, at + len(marker), figures, params)
            names = _names_before(text, at, params) if listed else None
            if not names:
                continue
            yield CHECKED
            figure_count, counts = len(listed), {len(n) for n in names}
            if figure_count >= 2 and figure_count not in counts:
                yield _hit(text, source, names, listed)


def _occurrences(text: str, marker: str):
    at = text.find(marker)
    while at >= 0:
        yield at
        at = text.find(marker, at + len(marker))


def _figures_after(text: str, start: int, figures: re.Pattern, params: dict) -> list[str] | None:
    """The figures listed right after the marker and a short verb, up to the clause's end."""
    clause_end = CLAUSE_BREAK_RE.search(text, start)
    end = clause_end.start() if clause_end else len(text)
    # (a word figure only as an item of the list, 满分、80%; not 按满分的100%, 满分20分)
    first = re.search("|".join([r"\d", *(re.escape(w) + ITEM_END for w in params["word_figures"])]), text[start:end] + "。")
    if first is None or first.start() > params["max_verb_chars"]:
        return None
    m = figures.match(text, start + first.start())
    if m is None:
        return None
    return [f.strip() for f in re.split(r"、|和|及|与|以及", m.group(0)) if f.strip()]


def _names_before(text: str, at: int, params: dict) -> list[list[str]] | None:
    """The names before the marker, split two ways: on 、 and the join words, and on 、 alone
    (the last 和 still joining two names). None when they are no list of short names."""
    start = max((m.end() for m in CLAUSE_BREAK_RE.finditer(text, 0, at)), default=0)
    words = text[start:at].strip()
    if not words and start > 0:  # 分别 opens its clause: the names end the clause before
        before = max((m.end() for m in CLAUSE_BREAK_RE.finditer(text, 0, start - 1)), default=0)
        words = text[before:start - 1].strip()
    words = BRACKETED_RE.sub("名", words)
    tail = COUNT_TAIL_RE.search(words)  # (…和对个人和家庭的补助三部分组成: the names' own count)
    said = count_word(tail.group("count")) if tail else 0
    words = words[:tail.start()].strip() if tail else words.strip()
    if not words or re.search(r"\d", words) or "、" not in words and not any(j in words for j in params["joins"]):
        return None
    joins = "|".join(map(re.escape, sorted(params["joins"], key=len, reverse=True)))
    full = [n for n in re.split(rf"、|{joins}", words) if n.strip()]
    comma = [n for n in words.split("、") if n.strip()]
    if len(full) < 2 or any(len(n) > params["max_name_chars"] for n in full):
        return None
    if len(comma) < 2 and len(full) > 2:
        # (no 、 and two joins or more, 教育支出和社会保障和就业支出: any 和 may be a name's own, so
        # any count of names from two to all the pieces is a reading)
        return [full] + [full[:k - 1] + ["".join(full[k - 1:])] for k in range(2, len(full))]
    readings = [full, comma] if len(comma) >= 2 else [full]
    # (a join inside a name the vocabulary knows is that name's own, 教育支出、社会保障和就业支出: two;
    # and the count the words give the names, 人员经费、公用经费和对个人和家庭的补助三部分, is a reading)
    whole = _split_outside_names(compact(words), joins)
    readings += [whole] if whole != full and len(whole) >= 2 else []
    return readings + [[""] * said] if said and said >= 2 else readings


def _split_outside_names(words: str, joins: str) -> list[str]:
    """The words split on 、 and the join words, but not inside a name the vocabulary knows."""
    inside = [(start, end) for start, end, _ in lexicon().concepts.all(words)]
    pieces, start = [], 0
    for m in re.finditer(rf"、|{joins}", words):
        if not any(a < m.start() < b for a, b in inside):
            pieces.append(words[start:m.start()])
            start = m.end()
    pieces.append(words[start:])
    return [p for p in pieces if p.strip()]


def _hit(text: str, source, names: list[list[str]], figures: list[str]) -> Hit:
    listed = names[0]
    return Hit(quote=text.strip()[:120], location=source.loc, stated=f"{len(figures)} 个数字",
               expected=f"{len(listed)} 个",
               formula=f"“分别”之前列出 {len(listed)} 项（{'、'.join(listed)}），之后列出 {len(figures)} 个数字"
                       f"（{'、'.join(figures)}）",
               fields={"names": "、".join(listed), "figures": "、".join(figures),
                       "name_count": str(len(listed)), "figure_count": str(len(figures))})
