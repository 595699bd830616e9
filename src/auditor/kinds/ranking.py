"""Kind `ranking`: a sentence naming the largest or the smallest of a table's rows (支出最多的是城乡社区支出;
利润收入比重最大; 占比最低的是…) against the rows themselves.

The thing named is a row label of one of the document's tables, read after the superlative's
words (…最多的是X) or before them in its clause (X比重最大, X支出最多). Its figure is the cell of
that row in the column holding the figure the sentence states for it, else in the table's one
amount column. It is compared with its peers: the rows of its level (the same code length and
parent in a table of 科目编码; else the rows numbered alike under the same numbered row, between the
same total rows: 年终结转 after 支出合计 is no item of it; none where 其中 rows leave the levels
unsaid). A peer larger (for 最多)
or smaller (for 最少) than it beyond their printed precision breaks the claim. Tables whose rows
or columns cannot be told apart so, and names several tables hold, are not judged.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..facts.numbers import MONEY_UNITS
from ..ingest.build import numbering_of
from ..knowledge import compact
from ..model import Paragraph, Table
from ..tables.typed import parse_cell
from .base import CHECKED, Hit

KIND = "ranking"
PARAMS = {
    "check": (str, "superlative"),
    # words saying the thing named is the largest / the smallest of its peers
    "most_words": (list, []),
    "least_words": (list, []),
    # words after the superlative before the name it gives (…最多的是X, …最大的为X)
    "naming_words": (list, []),
    # words between a name and the superlative after it naming what is ranked (X比重最大, X支出最多):
    # the name is what stands before them
    "measure_words": (list, []),
    # words of a row label that make it a total, or a part of the row above (其中：…), no peer
    "total_row_words": (list, []),
    "inner_row_words": (list, []),
    # heads of a column holding no amount to rank by (a rate, a code, a count's unit)
    "unranked_head_words": (list, []),
    # words before the superlative in its sentence that narrow the peers to some rows (其中, 在…中):
    # the claim is about a part of the table, not judged
    "scope_words": (list, []),
    # words right after a superlative making it no ranking (最大化, 最大限度, 最低价中标)
    "not_followed_by": (list, []),
    # words of the superlative's clause naming a rate ranked (执行率最低, 增幅最大): not the amounts'
    # order (a share's, 比重最大, is: one whole's shares rank as their parts do)
    "rate_words": (list, []),
}
MESSAGE_FIELDS = {"name", "word", "other", "value", "other_value", "table"}

CLAUSE_BREAK_RE = re.compile(r"[，,。；;：:、]")  # (the superlative's clause: from the last break before it)
CODE_RE = re.compile(r"^\s*(\d{3,7})\s*")
NAME_END_RE = re.compile(r"[，,。；;：:（(、\d\s]")


def validate(params: dict) -> str | None:
    if params["check"] != "superlative":
        return "check 应为 superlative"
    if not params["most_words"] and not params["least_words"]:
        return "most_words 与 least_words 至少写一项"
    return None


def check(doc, rule):
    params = rule.params
    words = {w: 1 for w in params["most_words"]} | {w: -1 for w in params["least_words"]}
    ordered = sorted(words, key=len, reverse=True)
    tables = [t for t in doc.blocks if isinstance(t, Table)]
    if not tables:
        return
    superlative = re.compile("|".join(map(re.escape, ordered)))
    rows = None  # every table's rows, read for the first sentence that names a superlative
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        for sentence in block.sentences:
            text = sentence.text
            # (each superlative of the sentence: 最多的是A，最少的是B)
            for found in superlative.finditer(text):
                word, at = found.group(0), found.start()
                claim = _claim(text, at, word, params)
                if claim is None:
                    continue
                rows = rows if rows is not None else [_table_rows(t, params) for t in tables]
                yield from _claim_judged(tables, rows, claim, text, at, word, words[word], sentence, params)


def _claim(text: str, at: int, word: str, params) -> list[str] | None:
    """The names the superlative at `at` may rank (the one after its naming words, or the clause's
    before it, with and without what is ranked: 城乡社区支出最多 names 城乡社区支出 or 城乡社区); None
    where it ranks a rate or no thing."""
    clause = CLAUSE_BREAK_RE.split(text[:at])[-1]
    if text.startswith(tuple(params["not_followed_by"]), at + len(word)) \
            or any(w in clause for w in params["rate_words"]):
        return None  # (执行率最低的是…, 增幅最大的是…: a rate ranked, no amount column's order)
    after = _name_after(text, at + len(word), params)
    names = [after] if after else _names_before(text, at, params)
    return names or None


def _claim_judged(tables, rows, names: list[str], text: str, at: int, word: str, way: int, sentence, params):
    """The claim against the one table row one of its names names, and that row's peers."""
    matches = next((found for name in names
                    if (found := [(t, r) for t, table_rows in zip(tables, rows) for r in table_rows if r.name == name])), [])
    if len({id(t) for t, _ in matches}) != 1 or len(matches) != 1:
        return  # (named by no table's row, or by several: which is meant is not known)
    table, row = matches[0]
    scopes = [w for w in params["scope_words"] if w in text[:at]]
    if scopes and not (scopes == [WHOLE_LIST_OPENER] and _opens_on_total(text[:at], table, params)):
        return  # (其中民生类支出中最多的是…: some of the rows ranked; 支出合计1,800.00万元，其中… all)
    peers = _peers(row, rows[tables.index(table)])
    column = _ranked_column(table, row, peers, text, params)
    if column is None or not peers:
        return
    yield CHECKED
    yield from _judged(table, row, peers, column, word, way, sentence)


WHOLE_LIST_OPENER = "其中"
# a figure and its money unit, if any, right before the 其中 (支出合计1,800.00万元，其中)
FIGURE_BEFORE_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:" + "|".join(map(re.escape, sorted(MONEY_UNITS, key=len, reverse=True)))
                              + r")?\s*[，,]?\s*" + WHOLE_LIST_OPENER)


def _opens_on_total(before: str, table: Table, params) -> bool:
    """The 其中 before the superlative follows a figure the table's total row states (支出合计1,800.00万元，
    其中支出最多的是…): the rows ranked are all the total's."""
    m = FIGURE_BEFORE_RE.search(before)
    value = parse_cell(m.group(1)) if m else None
    if value is None:
        return False
    for row in table.rows:
        texts = [c.text.strip() for c in row]
        if texts and any(w in compact(t) for t in texts[:2] for w in params["total_row_words"]):
            if any((q := parse_cell(t)) is not None and q.value == value.value for t in texts):
                return True
    return False


class _Row(NamedTuple):
    code: str
    name: str
    cells: list
    # the rows' run between total rows it stands in (支出合计 closes the items above it; 年终结转
    # after it is none of them)
    part: int
    style: str  # the numbering its label opens with (一、 of 一、基本支出), "" none
    group: int  # the numbered row of a level above it (人员经费 and （一）人员经费 under 一、基本支出), -1 none
    inner: bool  # the table holds 其中 rows: an unnumbered row's level is not known


def _table_rows(table: Table, params) -> list[_Row]:
    """The table's rows naming a thing, with their code where a code opens them (科目编码)."""
    out = []
    skip = (*params["total_row_words"], *params["inner_row_words"])
    inner = any(compact(c.text).startswith(tuple(params["inner_row_words"])) for row in table.rows for c in row[:3])
    part = 0
    above: list[tuple[str, int]] = []  # (style, row) of the numbered rows open above, outermost first
    for r, row in enumerate(table.rows):
        texts = [c.text.strip() for c in row]
        label_col = next((c for c, t in enumerate(texts) if t and parse_cell(t) is None), None)
        if label_col is None or not any(parse_cell(t) is not None for t in texts[label_col + 1:]):
            continue  # (a head row, a title, a note: no figure after its label)
        # (a code in a cell of its own, or opening the label's: 201 一般公共服务支出)
        code = next((m.group(1) for t in texts[:label_col] if (m := CODE_RE.fullmatch(t))), "")
        label = texts[label_col]
        opening = CODE_RE.match(label)
        if opening:
            code, label = code or opening.group(1), label[opening.end():]
        numbered = numbering_of(label)
        name = compact(label[len(numbered[0]):] if numbered else label)
        if any(w in name for w in params["total_row_words"]):
            part += 1
        if not name or any(w in name for w in skip):
            continue
        style = numbered[1] if numbered else ""
        if style:
            # (一、 closes the 一、 and （一） open above it: its group is the row of the level over it)
            while above and any(s == style for s, _ in above):
                above.pop()
        out.append(_Row(code, name, row, part, style, above[-1][1] if above else -1, inner))
        if style:
            above.append((style, r))
    return out


def _peers(row: _Row, rows: list[_Row]) -> list[_Row]:
    """The rows of the named row's level: of its code's length and parent (科目编码), or all."""
    if row.code:
        # (a 项 among the 项 of its 款, a 款 among those of its 类, a 类 among all 类: 2210201 under 22102)
        parent = row.code[:-2] if len(row.code) > 3 else ""
        return [r for r in rows if r is not row and len(r.code) == len(row.code) and r.code.startswith(parent)]
    if any(r.code for r in rows):
        return []  # (a row without a code in a coded table: its level is not known)
    if not row.style and row.inner:
        return []  # (基本支出 | 其中：人员经费 | 公用经费 | 项目支出: which rows are parts, the labels do not say)
    # (rows numbered alike under one row above, 一、基本支出 | 二、项目支出, （一）人员经费 | （二）公用经费 under
    # 一、基本支出; the unnumbered under one of them: its parts, no peers of it)
    return [r for r in rows if r is not row and r.part == row.part and r.style == row.style and r.group == row.group]


def _ranked_column(table: Table, row: _Row, peers: list[_Row], text: str, params) -> int | None:
    """The column the claim ranks by: the one whose cell in the row the sentence states, else the
    table's one column of amounts (no rate, code or unit column), every peer figured in it."""
    heads = [" ".join(table.rows[r][c].text for r in range(min(2, len(table.rows))) if c < len(table.rows[r]))
             for c in range(table.width)]
    columns = [c for c in range(table.width) if c < len(row.cells) and parse_cell(row.cells[c].text.strip()) is not None
               and not any(w in compact(heads[c]) for w in params["unranked_head_words"])
               and all(c < len(p.cells) and parse_cell(p.cells[c].text.strip()) is not None for p in peers)]
    stated = [c for c in columns if _stated_in(row.cells[c].text.strip(), text)]
    if len(stated) == 1:
        return stated[0]
    return columns[0] if len(columns) == 1 else None


def _stated_in(cell: str, text: str) -> bool:
    value = parse_cell(cell)
    return value is not None and any(
        (q := parse_cell(m.group(0))) is not None and q.value == value.value
        for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text))


def _judged(table: Table, row: _Row, peers: list[_Row], column: int, word: str, way: int, sentence):
    own = parse_cell(row.cells[column].text.strip())
    lo, hi = own.interval()
    beyond = []
    for peer in peers:
        other = parse_cell(peer.cells[column].text.strip())
        o_lo, o_hi = other.interval()
        if (way > 0 and o_lo > hi) or (way < 0 and o_hi < lo):
            beyond.append((peer, other.value))
    if not beyond:
        return
    peer, _ = max(beyond, key=lambda p: p[1] * way)
    value, other = row.cells[column].text.strip(), peer.cells[column].text.strip()  # (as printed)
    relation = "大于" if way > 0 else "小于"
    yield Hit(quote=sentence.text.strip()[:80], location=sentence.loc, stated=row.name, expected=peer.name,
              formula=f"「{table.name}」中「{peer.name}」{other} {relation}「{row.name}」{value}",
              fields={"name": row.name, "word": word, "other": peer.name, "value": value,
                      "other_value": other, "table": f"「{table.name}」"},
              highlights=[row.cells[column].loc, peer.cells[column].loc])


def _name_after(text: str, at: int, params) -> str:
    """The name after the superlative's naming words (最多的是城乡社区支出1,530.00万元 -> 城乡社区支出)."""
    rest = text[at:]
    word = next((w for w in sorted(params["naming_words"], key=len, reverse=True) if rest.startswith(w)), None)
    if word is None:
        return ""
    tail = rest[len(word):].lstrip("“”\"'「」 ")
    end = NAME_END_RE.search(tail)
    return compact(tail[:end.start() if end else len(tail)]).strip("“”\"'「」")


def _names_before(text: str, at: int, params) -> list[str]:
    """The names before the superlative in its clause: the words with what is ranked (比重, 占比,
    支出) off their end (利润收入比重最大 -> 利润收入), and the words whole (城乡社区支出最多: a row's
    name may end so)."""
    clause = CLAUSE_BREAK_RE.split(text[:at])[-1]
    name = compact(clause).strip("“”\"'「」")
    for w in sorted(params["measure_words"], key=len, reverse=True):
        if name.endswith(w) and len(name) > len(w):
            return [name[:-len(w)].rstrip("的所"), name]
    return []
