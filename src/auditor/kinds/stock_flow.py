"""Kind `stock_flow`: a table following a stock through the year, row by row.

A table whose amount columns are, by their heads, an opening stock (年初数, 年初结转和结余), what
came in (本年增加, 本年收入, 新增), what went out (本年减少, 本年支出, 处置) and a closing stock
(年末数, 年末结转和结余) holds on every row: closing = opening + Σ in − Σ out. Where one side has
its own 小计 / 合计 column, that column stands for the side; a column of a part (其中：购置) is
inside its side and not added again. A table with any other column of figures (结余分配, 其他调整,
上年数, a signed 本年增减) is not judged: the identity may have other terms than it shows.
A table may hold the terms in its rows instead (资产总额 | 负债总额 | 净资产 under 行政单位 | 事业单位 |
合计), each column then holding the identity: read so where its rule says `read_rows`.
A sentence telling the same (年初实有公务用车9辆，本年报废2辆、新购1辆，年末实有公务用车7辆) holds it
too: from its opening figure to its closing one, every figure between of that unit coming in or
going out. A stock's value less what has worn away (原值 − 累计折旧 = 净值) is the same identity
with no side coming in: its rules name no in words.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ..facts.numbers import is_column_numbers
from ..facts.lexicon import lexicon
from ..facts.base.words import CLAUSE_BREAK_RE, noted_parts
from .restatement.keys import clauses_back
from ..facts.numbers import MONEY_FIGURE_RE, Quantity, fmt
from ..knowledge import compact, open_brackets, vocabulary
from ..tables.typed import parse_cell, typed_tables
from .base import CHECKED, Hit, rounding_note, sum_check, table_start
from .table_sum.reading import is_amount, row_name
from .table_sum.units import head_unit

KIND = "stock_flow"
PARAMS = {
    # table: each row of a table of stocks; sentence: a sentence from an opening figure to a closing
    # one; paragraph: a paragraph's named totals, whatever figures stand between them
    "check": (str, "table"),
    # words of a column head naming each role; a head takes the role of its longest such word
    "closing_words": (list, []), "opening_words": (list, []),
    # sentence: words naming the closing figure stated as its negation, what went out beyond the
    # opening (超支: spent over the budget, 执行 − 预算)
    "overrun_words": (list, []),
    # sentence: how the message names the arithmetic ({terms}), and for an overrun (预算减执行, 执行减预算)
    "terms": (str, ""), "overrun_terms": (str, ""),
    # paragraph: words after the spending total saying the totals balance (收支平衡), no balance
    # stated; and words before them denying it (未能实现收支平衡)
    "balanced_words": (list, []), "balanced_not_words": (list, []),
    "in_words": (list, []), "out_words": (list, []),
    # words that take a role only as a figure's whole name, the clause naming nothing else (负债 after
    # 资产总额…；: what is owed; not 流动负债, a part of it): role -> words
    "whole_name_words": (dict, {}),
    # words of a head naming a side's own total (本年支出 | 小计 | 基本支出 | 项目支出)
    "side_total_words": (list, []),
    # words of a head naming a part of a side (其中：购置): inside the side, not added again
    "part_words": (list, []),
    # words of a head of a signed change (本年增减, 增减变动): no side of its own
    "signed_words": (list, []),
    # heads of columns of keys, not figures (科目编码, 序号)
    "key_heads": (list, []),
    # heads of columns of figures outside the flow (编制数: a limit set for the year, no stock moving)
    "outside_words": (list, []),
    # …and words of a head beside the stock unless every column's head holds one (限额: a debt's
    # ceiling beside its balance; all 限额, the ceiling itself followed through the year)
    "beside_words": (list, []),
    # words of a head mixing a term with what is no term (还本付息: principal and interest): the
    # table's identity cannot be read
    "mixed_words": (list, []),
    # table: one column a role at most (预算 | 合同金额 | 节约 beside 授予中小企业合同金额, a part of
    # the contracts named as they are): a second column of a role leaves the table unjudged
    "one_column_a_role": (bool, False),
    # table: the closing figure is a size, printed with a minus or not (扣分 -0.50: 0.50 lost)
    "closing_magnitude": (bool, False),
    # a row above the header naming the table, its unit or its maker (单位：万元, 部门：…)
    "meta_row_pattern": (str, ""),
    # table: a table whose columns take no roles may hold the terms in its rows, one row a role by its
    # label (资产总额 | 负债总额 | 净资产 rows under 行政单位 | 事业单位 | 合计): each column then holds it
    "read_rows": (bool, False),
    # table: the labels of a total row (合计): its identity is the detail rows' summed
    "total_row_words": (list, []),
    # sentence: words opening the parts of the flow before them (本年增加4人，其中调入1人): no terms
    "part_cues": (list, []),
    # sentence: words of a figure that is no stock (年初计划…人次, 年末实际完成…: a plan and an outturn)
    "not_stock_words": (list, []),
    # sentence: words of a closing figure naming the whole (项目整体结余资金): no part's own sum closes on it
    "whole_closing_words": (list, []),
    "not_flow_words": (list, []),  # see the rule file
    # sentence: units of what happens, not of what is held (人次): no stock of them
    "flow_units": (list, []),
    # sentence: judged only where the sentence states nothing else in the unit up to the closing
    # figure but the opening one first and one term (收入X，支出Y，收支结余Z): a sentence of several
    # incomes or parts is some other sum
    "single_term": (bool, False),
    # paragraph: words of a figure after the spending total naming a balance of some other kind
    # (当年收支结余 before the 年终结余 the closing words name): the paragraph's sum ends there
    "balance_words": (list, []),
    # paragraph: the three figures in sentences of their own only (one sentence holding them all is
    # the sentence check's), the figures a part cue (part_cues) opens in its clause being no terms
    # (收入X，其中保险费收入Y、财政补贴收入Z。支出W。当年收支结余V)
    "apart": (bool, False),
}
MESSAGE_FIELDS = {"table", "label", "column", "total", "sum", "diff", "terms"}  # (terms: a table's, 预算减支出)
ROLES = ("closing", "opening", "in", "out")
WHOLE_NAME_TRIM_RE = re.compile(r"^[，,、；;：:\s]+|[为是达共计：:\s]+$")  # around a figure's whole name
MONEY_WORD_RE = re.compile("元")  # a unit of money named by the table, its heads or the row
HEAD_CHARS = 600  # the characters of a table's start its header stands in


def validate(params: dict) -> str | None:
    if params["check"] not in ("table", "sentence", "paragraph"):
        return "check 应为 table、sentence、paragraph 之一"
    for role in ("opening", "closing"):
        if not params[f"{role}_words"]:
            return f"{role}_words 不能为空"
    if not params["in_words"] and not params["out_words"]:
        return "in_words 与 out_words 不能都为空"
    return None  # (meta_row_pattern, a *_pattern param, is checked at load with every rule's)


def check(doc, rule):
    if rule.params["check"] == "sentence":
        yield from _sentence_flows(doc, rule)
        return
    if rule.params["check"] == "paragraph":
        yield from _paragraph_balances(doc, rule)
        return
    opening, closing = tuple(rule.params["opening_words"]), tuple(rule.params["closing_words"])
    for table in doc.tables:
        head = table_start(table, HEAD_CHARS)
        # (most tables name no stock at both ends in their heads: their cells need not be read)
        sets, first = [], None
        if any(w in head for w in opening) and any(w in head for w in closing):
            grid = table.grid()
            first = _first_figures(grid)
            sets = _column_sets(rule, grid, first) if first else []
        if sets:
            found = [list(_table_hits(rule, table, grid, first, columns)) for columns in sets]
            yield from _one_per_slip(rule, doc, table, sets, found)
        elif rule.params["read_rows"]:
            yield from _rows_read(rule, table)


def _first_figures(grid) -> int | None:
    """The first row of figures (a 栏次 row numbering the columns is none)."""
    return next((r for r, row in enumerate(grid) if any(is_amount(t) for t in row) and not _numbers_row(row)), None)


def _rows_read(rule, table):
    """read_rows: a table whose rows are the terms, one row a role by its label (资产总额 | 负债总额 |
    净资产 under 行政单位 | 事业单位 | 合计 | 上年数): each column of figures holds the identity (a
    column headed by an outside word, a rate or a share, holds none)."""
    grid = table.grid()
    if not _names_both_ends(rule.params, grid):
        return  # (most tables: no stock named at both ends, no row takes the roles)
    first = _first_figures(grid)
    rows = _row_roles(rule, grid, first) if first else None
    if rows is None:
        return
    heads = _heads(rule, grid, first, len(grid[0]))
    outside = (*rule.params["key_heads"], *rule.params["outside_words"])
    for c in range(len(grid[0])):
        if not any(w in heads[c] for w in outside) and not _key_named(rule, heads[c]):
            yield from _column_hits(rule, table, grid, rows, c, heads[c])


def _key_named(rule, head: str) -> bool:
    """A column headed by a key's name alone (类 | 款 | 项: a code split in three, vocabulary.yaml
    budget_by_code code_parts)."""
    return compact(head) in (vocabulary()["table_types"]["budget_by_code"].get("code_parts") or ())


def _names_both_ends(params: dict, grid) -> bool:
    """Whether the table's cells, compacted, hold an opening word and a closing word: a row's label
    (compact(row_name): one cell compacted, a piece of all of them compacted run together) names
    its role by one, and _row_roles asks for a row of each."""
    words = compact("".join(map("".join, grid)))
    return any(w in words for w in params["opening_words"]) and any(w in words for w in params["closing_words"])


def _row_roles(rule, grid, first: int) -> dict | None:
    """Each role's row by its label, or None unless one opening, one closing and one row of each side
    at most are named so (行政单位资产总额 | 事业单位资产总额: two stocks, no one identity)."""
    outside = tuple(rule.params["outside_words"])
    rows: dict = {role: [] for role in ROLES}
    for r in range(first, len(grid)):
        label = compact(row_name(grid[r]))
        role = _role(rule, label) if label and not any(w in label for w in outside) else None
        if role is not None:
            rows[role].append(r)
    if any(len(rows[role]) != 1 for role in ("opening", "closing")) or not (rows["in"] or rows["out"]) \
            or any(len(rows[side]) > 1 for side in ("in", "out")):
        return None
    return rows


def _column_hits(rule, table, grid, rows: dict, c: int, head: str):
    """One column of a table read by rows: its closing row's figure against the opening row's, plus
    the in row's, less the out row's (every one printed: a blank is no 0 here, a share's column
    leaves its lower rows blank)."""
    at = {role: rows[role][0] for role in ROLES if rows[role]}
    cells = {role: grid[r][c] for role, r in at.items()}
    if not all(is_amount(t) for t in cells.values()):
        return
    q = {role: parse_cell(t.strip()) for role, t in cells.items()}
    yield CHECKED
    parts = [q["opening"], *([q["in"]] if "in" in q else []),
             *([replace(q["out"], value=-q["out"].value)] if "out" in q else [])]
    counts = not MONEY_WORD_RE.search("".join([table.title or "", table.unit or "", head]))
    closing = q["closing"]
    outcome = sum_check(closing, parts, rule.tolerance, counts=counts)
    if outcome == "ok":
        return
    exact = sum((p.value for p in parts), Decimal(0))
    places = max([closing.places] + [p.places for p in parts])
    shown = fmt(exact, places, cells["closing"])
    names = {role: row_name(grid[r]) for role, r in at.items()}
    formula = f"{names['closing']} = {names['opening']} {cells['opening'].strip()}" + "".join(
        f" {'+' if role == 'in' else '−'} {names[role]} {cells[role].strip()}" for role in ("in", "out") if role in at) \
        + f" = {shown}"
    if outcome == "rounding":
        formula += "；" + rounding_note(closing, parts, places)
    where = table.rows[at["closing"]]
    if c >= len(where):
        return
    yield Hit(
        quote=table.row_text(at["closing"]).strip("\t "), location=where[c].loc,
        stated=f"{names['closing']} {head} {cells['closing'].strip()}", expected=shown, formula=formula,
        fields={"table": table.name, "label": names["closing"], "column": head,
                "total": cells["closing"].strip(), "sum": shown, "diff": f"{closing.value - exact:.{places}f}",
                "terms": _sum_words(names.get("opening", ""), [names["in"]] if "in" in names else [],
                                [names["out"]] if "out" in names else [])},
        cls="rounding" if outcome == "rounding" else None,
        highlights=[table.rows[r][c].loc for r in at.values() if c < len(table.rows[r])])


def _one_per_slip(rule, doc, table, sets: list[dict], found: list[list]):
    """One slip told once. A closing cell off by the same amount as a cell the row's 小计 sums (its
    fund's column beside it) is that cell's slip carried into the 小计; a code's row off by the
    same amount as a code below it (2010302 → 20103 → 201 → 合计, each summing its children) is
    that code's slip carried up: told at the lowest cell, the rest named in its formula."""
    codes = _row_codes(doc, table)
    side_totals = tuple(rule.params["side_total_words"])
    slips = [(k, h) for k, hits in enumerate(found) for h in hits if h is not CHECKED and h.cls is None]

    def carried(k: int, hit) -> bool:
        row, diff = hit.location.row, hit.fields["diff"]
        if len(sets) > 1 and any(w in sets[k]["heads"][sets[k]["closing"][0]] for w in side_totals) and any(
                j != k and h.location.row == row and h.fields["diff"] == diff for j, h in slips):
            return True  # (the 小计 off as one fund's column beside it is)
        code = codes.get(row - 1)
        return code is not None and any(
            j == k and h is not hit and h.fields["diff"] == diff and _below(codes.get(h.location.row - 1), code)
            for j, h in slips)

    dropped = {id(h) for k, h in slips if carried(k, h)}
    kept = [h for k, h in slips if id(h) not in dropped]
    for hit in kept:
        below = codes.get(hit.location.row - 1)
        followers = [h for _, h in slips if id(h) in dropped and h.fields["diff"] == hit.fields["diff"]
                     and (h.location.row == hit.location.row or _below(below, codes.get(h.location.row - 1, "-")))]
        if followers:
            hit.formula += f"；同一差额 {hit.fields['diff']} 随之见于" + "、".join(
                f"{h.fields['label']}（{h.fields['column']}）" for h in followers)
    for hits in found:
        yield from (h for h in hits if id(h) not in dropped)


def _row_codes(doc, table) -> dict[int, str]:
    """Row → budget code of a table keyed by code (its total row: "")."""
    for typed in typed_tables(doc):
        if typed.table is table and typed.type == "budget_by_code":
            return {rec.row: "" if rec.is_total else rec.code for rec in typed.records}
    return {}


def _below(code: str | None, above: str) -> bool:
    """`code` is a code under `above` (a total row, "", is above every code)."""
    return code is not None and len(code) > len(above) and code.startswith(above)


def _table_hits(rule, table, grid, first: int, columns: dict):
    totals = tuple(rule.params["total_row_words"])
    details, judged, total_hits = 0, 0, []
    # (a blank opening is nothing brought forward where the column states openings in other rows, as
    # a 决算 form leaves its zeros blank; a column blank throughout states none)
    opening_col = columns["opening"][0]
    filled = sum(1 for row in grid if opening_col < len(row) and is_amount(row[opening_col]))
    for r in range(first, len(grid)):
        hits = list(_row_hits(rule, table, grid, r, columns, filled))
        if totals and compact(row_name(grid[r])) in totals:  # (as the column-total rule reads it)
            total_hits += hits  # (the 合计 row: judged once its rows are)
            continue
        details += any(is_amount(t) for t in grid[r])
        judged += any(h is CHECKED for h in hits)
        yield from hits
    # every row judged, the 合计 row's identity is theirs summed: a break in it is one of
    # theirs, or a 合计 cell off its column, which the column-total rule reports there
    yield from (h for h in total_hits if h is CHECKED or judged < details)


def _column_sets(rule, grid, first: int) -> list[dict]:
    """The tables's stock columns (see _columns); a table following the stock by fund, each role
    over the same sub-heads (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余, each over 小计 |
    一般公共预算财政拨款 | 政府性基金预算财政拨款), holds it under each sub-head: one set each."""
    columns = _columns(rule, grid, first)
    if columns is not None:
        # (a ceiling beside the stock, 上年末限额 | 本年新增限额 | 年末限额, may be followed through the
        # year in the same table: its own flow, checked on its own)
        ceiling = _columns(rule, grid, first, ceiling=True)
        return [columns] + ([ceiling] if ceiling is not None else [])
    roles = _roles(rule, grid, first)
    if roles is None or len(roles["opening"]) < 2:
        return []
    subs = _sub_heads(grid, first)
    keys = [[subs[c] for c in roles[role]] for role in ROLES]
    if any(not all(keys[0]) or sorted(k) != sorted(keys[0]) or len(set(k)) != len(k) for k in keys):
        return _column_runs(grid, first, roles)
    sets = []
    for key in keys[0]:
        chosen = {role: [c for c in roles[role] if subs[c] == key] for role in ROLES}
        chosen["signed_out"] = [c for c in chosen["out"] if _all_negative(grid, first, c)]
        chosen["heads"] = roles["heads"]
        sets.append(chosen)
    return sets


def _column_runs(grid, first: int, roles: dict) -> list[dict]:
    """A table setting each level's terms side by side after each level's name, a closing column
    after the last level's only (一级指标 | 分值 | 得分 | 三级指标 | 分值 | 得分 | 扣分): each closing
    column with the terms between it and the column of words (or the closing column) before it,
    one column a role, those alone followed; two openings there (年初预算数 | 调整后预算数 before
    结余数) leave which one unsaid."""
    words = [c for c in range(len(grid[0])) if not any(is_amount(grid[r][c]) for r in range(first, len(grid)))]
    sets, after = [], -1
    for c in sorted(roles["closing"]):
        start = max([after, *(k for k in words if k < c)])
        chosen = {"closing": [c], **{role: [x for x in roles[role] if start < x < c] for role in ("opening", "in", "out")}}
        after = c
        if len(chosen["opening"]) != 1 or len(chosen["in"]) > 1 or len(chosen["out"]) > 1 \
                or not (chosen["in"] or chosen["out"]) or chosen["opening"][0] > min(chosen["in"] + chosen["out"]):
            continue
        chosen["signed_out"] = [x for x in chosen["out"] if _all_negative(grid, first, x)]
        chosen["heads"] = roles["heads"]
        sets.append(chosen)
    return sets


def _sub_heads(grid, first: int) -> list[str]:
    """Each column's lowest head above the figures (a 栏次 row passed over; a head merged down
    over a row of other columns' heads, 类 | 款 | 项, read where it is written)."""
    rows = [row for row in grid[:first] if not _numbers_row(row)]
    return [next((compact(row[c]) for row in reversed(rows) if c < len(row) and row[c].strip()), "")
            for c in range(len(grid[0]))]


def _numbers_row(row: list[str]) -> bool:
    """A 栏次 row (1 2 3 … numbering the columns): no figures."""
    return is_column_numbers([t.strip() for t in row if is_amount(t)])


def _columns(rule, grid, first: int, ceiling: bool = False) -> dict | None:
    """Each role's columns and every column's head, or None when the table is no stock followed
    through the year: every column of figures takes one role (or is a part of a side), one
    opening and one closing among them. `ceiling`: the columns of the ceiling beside the stock
    (beside_words) only, in a table holding both; None where it holds no such columns."""
    columns = _roles(rule, grid, first, ceiling)
    if columns is None:
        return None
    heads = columns["heads"]
    if len(columns["opening"]) != 1 or len(columns["closing"]) != 1 or not (columns["in"] or columns["out"]):
        return None
    if rule.params["one_column_a_role"] and any(len(columns[side]) > 1 for side in ("in", "out")):
        return None
    if len({unit for role in ROLES for c in columns[role] if (unit := head_unit(heads[c]))}) > 1:
        return None  # (采购预算（万元）| 节约资金（元）: heads of two units, no row identity as printed)
    # (an out column printed with its minus, 调减 −320, is added as printed: its figures all ≤ 0)
    columns["signed_out"] = [c for c in columns["out"] if _all_negative(grid, first, c)]
    for side in ("in", "out"):
        totals = [c for c in columns[side] if any(w in heads[c] for w in rule.params["side_total_words"])]
        if len(totals) > 1:
            return None
        if totals:
            columns[side] = totals  # (本年支出 | 小计 | 基本支出 | 项目支出: the 小计 stands for the side)
    return columns


def _roles(rule, grid, first: int, ceiling: bool = False) -> dict | None:
    """Each role's columns (and "heads", every column's head), or None when a column of figures
    takes no role or two (`ceiling`: see _columns)."""
    width = len(grid[0])
    heads = _heads(rule, grid, first, width)
    figured = [c for c in range(width) if any(is_amount(grid[r][c]) for r in range(first, len(grid)))
               and not any(w in heads[c] for w in (*rule.params["key_heads"], *rule.params["outside_words"]))
               and not _key_named(rule, heads[c])]
    # a ceiling beside the stock (限额) is outside it, unless every column is the ceiling's (上年末债务限额 |
    # 本年新增债务限额 | 本年末债务限额: the ceiling followed through the year)
    beside = rule.params["beside_words"]
    if beside and not all(any(w in heads[c] for w in beside) for c in figured):
        figured = [c for c in figured if ceiling == any(w in heads[c] for w in beside)]
    elif ceiling:
        return None  # (no ceiling beside a stock: the table's one flow is read without the flag)
    if not figured:
        return None
    columns: dict = {role: [] for role in ROLES}
    for c in figured:
        if any(w in heads[c] for w in rule.params["part_words"]):
            continue  # (其中：购置 under 本年增加: counted in its side already)
        if any(w in heads[c] for w in rule.params["mixed_words"]):
            return None  # (本年还本付息: the principal and its interest in one column, no term of the stock alone)
        role = None if any(w in heads[c] for w in rule.params["signed_words"]) else _role(rule, heads[c])
        if role is None:
            return None  # a column of figures of another kind, or of two (本年增减): other terms
        columns[role].append(c)
    columns["heads"] = heads
    return columns


def _all_negative(grid, first: int, col: int) -> bool:
    values = [q.value for r in range(first, len(grid)) if is_amount(grid[r][col])
              for q in [parse_cell(grid[r][col].strip())] if q is not None and q.value]
    return bool(values) and all(v < 0 for v in values)


def _role(rule, head: str) -> str | None:
    """The role of a head by its words, a word inside a longer one left out (年末 in 上年末: the
    opening); None for no role or two (本年增减（减少以“-”号填列）: a signed change)."""
    if not _any_role_word(rule.params).search(head):
        return None  # (most heads and labels hold none of the words: one scan tells)
    whole = WHOLE_NAME_TRIM_RE.sub("", head.split("，")[-1].split("；")[-1])
    named = [role for role, words in rule.params["whole_name_words"].items() if whole in words]
    if named:
        return named[0]
    found = [(w, role) for role in ROLES for w in rule.params[f"{role}_words"] if w in head]
    kept = {role for w, role in found if not any(w != other and w in other for other, _ in found)}
    if len(kept) == 2 and kept & {"in", "out"} and kept & {"opening", "closing"}:
        # (a stock's time word right before a flow's word, 年末新增3辆, 年末补充30.00亿元: the flow, at
        # that time of the year)
        flows = [w for w, role in found if role in ("in", "out")]
        if any(w + f in head for w, role in found if role in ("opening", "closing") for f in flows):
            kept -= {"opening", "closing"}
    return kept.pop() if len(kept) == 1 else None


def _any_role_word(params: dict) -> re.Pattern:
    """A pattern found in a head where any of the roles' words is, made once per rule's params
    (kept with them, so that an id is never taken for another's)."""
    kept = _ROLE_WORDS.get(id(params))
    if kept is None or kept[0] is not params:
        words = [w for role in ROLES for w in params[f"{role}_words"]] \
            + [w for words in params["whole_name_words"].values() for w in words]
        kept = _ROLE_WORDS[id(params)] = (params, re.compile("|".join(map(re.escape, words))))
    return kept[1]


_ROLE_WORDS: dict[int, tuple] = {}  # id(rule params) -> (those params, the pattern of their role words)


def _heads(rule, grid, first: int, width: int) -> list[str]:
    """Each column's head: the header rows right above the figures (no title, unit or maker line,
    no 栏次 row), a merged head carried right over the blank cells it spans in the rows above the
    last (本年支出 over 小计 | 基本支出 | 项目支出: a blank with a sub-head under it)."""
    meta = re.compile(rule.params["meta_row_pattern"]) if rule.params["meta_row_pattern"] else None
    top = first
    while top > 0 and sum(1 for t in grid[top - 1] if t.strip()) >= 2 \
            and not (meta and any(meta.match(t.strip()) for t in grid[top - 1])):
        top -= 1
    rows = [list(grid[r]) for r in range(top, first) if not _numbers_row(grid[r])]
    for upper, lower in zip(rows, rows[1:]):
        for c in range(1, width):
            if not upper[c].strip() and lower[c].strip():
                upper[c] = upper[c - 1]
    return [compact("".join(row[c] for row in rows)) for c in range(width)]


def _cell_quantity(text: str, blank_is_nil: bool) -> Quantity | None:
    """A cell's figure; a blank mark (—) is nothing moved, and so is a blank cell where `blank_is_nil`."""
    text = text.strip()
    if (text and lexicon().says_nothing(text)) or (not text and blank_is_nil):
        return Quantity(Decimal(0))
    q = parse_cell(text) if text else None
    return q if q is not None and q.unit not in ("%", "‰") else None


def _row_hits(rule, table, grid, r: int, columns: dict, filled_openings: int = 0):
    """`filled_openings`: how many rows of the grid hold an amount in the opening column (counted
    once per table)."""
    row = grid[r]
    closing_col, opening_col = columns["closing"][0], columns["opening"][0]
    closing = parse_cell(row[closing_col].strip()) if is_amount(row[closing_col]) else None
    opening = _cell_quantity(row[opening_col], blank_is_nil=filled_openings - is_amount(row[opening_col]) > 0)
    ins = [_cell_quantity(row[c], blank_is_nil=True) for c in columns["in"]]
    outs = [_cell_quantity(row[c], blank_is_nil=True) for c in columns["out"]]
    if closing is None or opening is None or any(q is None for q in [*ins, *outs]):
        return
    yield CHECKED
    if rule.params["closing_magnitude"] and closing.value < 0:
        closing = replace(closing, value=-closing.value)
    parts = [opening, *ins, *(q if c in columns["signed_out"] else replace(q, value=-q.value)
                              for c, q in zip(columns["out"], outs))]
    # (whole numbers of things, 64 + 8 − 7 辆, are exact; amounts in 万元 may be rounded)
    counts = not MONEY_WORD_RE.search("".join([table.title or "", table.unit or "", *columns["heads"], *row]))
    outcome = sum_check(closing, parts, rule.tolerance, counts=counts)
    if outcome == "ok":
        return
    heads = columns["heads"]
    exact = sum((p.value for p in parts), Decimal(0))
    places = max([closing.places] + [p.places for p in parts])
    shown = fmt(exact, places, row[closing_col])

    def term(c: int) -> str:
        return f"{heads[c]} {row[c].strip() or 0}"

    formula = (f"{heads[closing_col]} = {term(opening_col)}" + "".join(f" + {term(c)}" for c in columns["in"])
               + "".join(f" {'+' if c in columns['signed_out'] else '−'} {term(c)}" for c in columns["out"])
               + f" = {shown}")
    if outcome == "rounding":
        formula += "；" + rounding_note(closing, parts, places)
    cells = table.rows[r]
    if closing_col >= len(cells):
        return
    label = _row_label(row, min(opening_col, closing_col, *columns["in"], *columns["out"])) or row_name(row) \
        or f"第{table.row_number(r)}行"
    yield Hit(
        quote=table.row_text(r).strip("\t "), location=cells[closing_col].loc,
        stated=f"{label} {row[closing_col].strip()}", expected=shown, formula=formula,
        fields={"table": table.name, "label": label, "column": heads[closing_col],
                "total": row[closing_col].strip(), "sum": shown, "diff": f"{closing.value - exact:.{places}f}",
                "terms": _sum_words(heads[opening_col], [heads[c] for c in columns["in"]], [heads[c] for c in columns["out"]])},
        cls="rounding" if outcome == "rounding" else None,
        highlights=[c.loc for k, c in enumerate(cells)
                    if k in (opening_col, closing_col, *columns["in"], *columns["out"])])


def _sum_words(opening: str, added: list[str], taken: list[str]) -> str:
    """The words of a row's sum as a message says it: 到位数减支出数, 年初预算加调整数 (units aside)."""
    def bare(name: str) -> str:
        return UNIT_BRACKET_RE.sub("", name.strip())
    return bare(opening) + "".join(f"加{bare(n)}" for n in added) + "".join(f"减{bare(n)}" for n in taken)


UNIT_BRACKET_RE = re.compile(r"\s*[（(][^（()）]*[）)]\s*$")  # (a head's unit: 到位数（万元）)


def _row_label(row: list[str], first_figure: int) -> str:
    """The row's name among its cells of words before the figures: the longest (过程 |
    制度执行有效性: the indicator, not its group; 公务用车 | 辆: the thing, not its unit)."""
    words = [t.strip() for t in row[:first_figure] if t.strip() and row_name([t])]
    return max(words, key=lambda t: len(compact(t))) if words else ""


def _sentence_flows(doc, rule):
    """A sentence from an opening figure (年初…) to a closing one (年末…) of one unit, each figure
    between of that unit coming in (新购, 调入) or going out (报废, 调出) by its words: closing =
    opening + in − out. A figure between of no such role (其中…) leaves the sentence unjudged."""
    from ..facts.base import fact_base

    base = fact_base(doc)
    params = rule.params
    not_stock, flow_units = tuple(params["not_stock_words"]), set(params["flow_units"])
    not_flow = tuple(params["not_flow_words"])
    part_cues = tuple(params["part_cues"])
    # (an opening figure's label holds an opening word: a statement with none is passed over
    # before any label's role is read)
    opening_word = re.compile("|".join(map(re.escape, params["opening_words"])))
    for (text, facts), labels in zip(_statements(base), _statement_labels(base)):
        if not opening_word.search(labels):
            continue  # (most statements)
        plain = [f for f in facts if not f.comparator and f.unit and f.unit not in ("%", "‰", *flow_units)]
        roles = [_role(rule, compact(f.label)) for f in plain]  # (each label's role, read once)
        if "opening" not in roles:
            continue  # (most statements: no opening figure)
        first_flow: dict[str, int] = {}  # unit -> the place of the sentence's first flow in it (read once)
        for k, f in enumerate(plain):
            if f.unit not in first_flow and roles[k] in ("in", "out"):
                first_flow[f.unit] = k
        for k, opening in enumerate(plain):
            part = _opens_part(opening.label, part_cues)
            if roles[k] != "opening" or any(w in (part or opening.label) for w in not_stock):
                continue
            # (a part's budget opening a sentence after the whole's, …。其中道路修缮子项目全年预算150.00万元，
            # 实际支出138.00万元，结余资金12.00万元, opens the part's own sum: the whole's figures before it
            # are no terms; a part named inside the whole's sentence, or under no whole, opens none)
            wholes = [g for g, r in zip(plain, roles) if r == "opening" and g.unit == opening.unit and g.id < opening.id] \
                if part else []
            if part and not (wholes and _opens_sentence(text, opening.at, part_cues)):
                continue
            if first_flow.get(opening.unit, k) < k:
                continue  # (本年收入合计…，加上年初结转和结余…，减去…: the sum starts before the opening figure, CAL002's)
            between, closing, overrun = [], None, False
            for f in _terms(params, text, opening, [f for f in plain[k + 1:] if f.unit == opening.unit]):
                # (a change on last year, 较上年减少10万元, is no flow of the year; nor a figure whose
                # words open on a plan or a stock named beside the opening one: not_flow_words, not
                # 按计划招聘3人, done as planned)
                role = None if lexicon().comparison.search(f.label) \
                    or compact(f.label).lstrip("，,、；;：:").startswith(not_flow) else _role(rule, compact(f.label))
                if role is None and any(w in compact(f.label) for w in params["overrun_words"]):
                    role = "overrun"
                if role in ("closing", "overrun"):
                    closing, overrun = f, role == "overrun"
                    break
                between.append((role, f))
            if closing is None or not between or any(role not in ("in", "out") for role, _ in between) \
                    or any(w in closing.label for w in not_stock) \
                    or overrun and any(role != "out" for role, _ in between):
                continue
            if part and any(w in closing.label for w in params["whole_closing_words"]):
                continue  # (…，项目整体结余资金22.00万元 after a part's budget: the whole's balance)
            if any(r == "opening" and g.unit == opening.unit and opening.id < g.id < closing.id
                   for g, r in zip(plain, roles)):
                # (项目全年预算620.00万元。其中绿化子项目全年预算200.00万元，实际支出180.00万元，结余资金
                # 20.00万元: another budget opened between, the flows and the balance may be its)
                continue
            # (the opening figure's own parts after a part cue or in brackets, and their shares, 收入…，
            # 其中中央转移支付8,625.00万元，占全年收入的33.65%；支出…: no terms, _terms passed over them)
            own_parts = [f for f in plain[k + 1:] if f.id < between[0][1].id]
            if params["single_term"] and ([f for f, role in zip(plain, roles) if f.unit == opening.unit and f.id <= closing.id
                                           and f not in own_parts and f not in wholes
                                           # (a figure before the opening one of no role at all, a balance brought
                                           # in, 上年结余5.00亿元，本期收入…: no term of the year's; another opening
                                           # figure, 行政单位资产总额… before 事业单位资产总额…, leaves it unjudged)
                                           and not (f.id < opening.id and role is None)]
                                          != [opening, between[0][1], closing]
                                          or noted_parts(text, closing, part_cues)):
                continue
            yield CHECKED
            # (an overrun is the closing figure's negation: 超支69.45万元 states a closing of −69.45)
            sign = -1 if overrun else 1
            parts = [Quantity(sign * opening.value),
                     *(Quantity(sign * (f.value if role == "in" else -f.value)) for role, f in between)]
            total = Quantity(closing.value)
            outcome = sum_check(total, parts, rule.tolerance, counts=not closing.is_money)
            if outcome == "ok" or any(sum_check(total, [Quantity(sign * w.value), *parts[1:]], rule.tolerance,
                                                counts=not closing.is_money) == "ok" for w in wholes):
                continue  # (…or the flows and the balance fit the whole's budget: they may be its)
            exact = sum((p.value for p in parts), Decimal(0))
            if part and exact < 0 < total.value:
                continue  # (the part's budget less more than it holds, for a balance left: the flows are the whole's)
            shown = fmt(exact, max(q.places for q in [total, *parts]), closing.text)
            terms = " + ".join(f.text for _, f in between) + f" − {opening.text}" if overrun else \
                opening.text + "".join(f" {'+' if role == 'in' else '−'} {f.text}" for role, f in between)
            yield Hit(quote=base.passage(opening, closing), location=closing.loc, stated=closing.text,
                      expected=f"{shown}{closing.unit}", formula=f"{terms} = {shown}{closing.unit}",
                      fields={"table": "正文", "label": compact(closing.label).strip("，,"), "column": "",
                              "terms": params["overrun_terms" if overrun else "terms"],
                              "total": closing.text, "sum": f"{shown}{closing.unit}",
                              "diff": fmt(total.value - exact, max(q.places for q in [total, *parts]))},
                      cls="rounding" if outcome == "rounding" else None,
                      highlights=[opening.loc, *(f.loc for _, f in between)])


def _paragraph_balances(doc, rule):
    """A paragraph naming a grand total of income, one of spending after it and the balance after
    that (…收入总计335,100万元。…支出总计327,070万元。收支相抵，结转下年9,030万元): the balance is the
    income total less the spending total, whatever figures the sentences between add to them. A
    spending total equal to the income total includes the balance already (a 部门决算's 收支总计):
    no such sum."""
    from ..facts.base import fact_base

    base = fact_base(doc)
    words = {role: tuple(compact(w) for w in rule.params[f"{role}_words"]) for role in ("opening", "out", "closing")}
    apart, skipped = rule.params["apart"], tuple(rule.params["not_flow_words"])
    for facts in base.by_block.values():
        opening = out = None
        spent = None  # (the paragraph's last spending total, with an income total before it or not)
        for f in facts:
            if f.source != "text" or not f.is_money or f.comparator or f.measure in ("变动额", "变动率"):
                continue
            label = compact(f.label).rstrip("为是达约：:")
            role = _balance_role(label, words, rule.params["balance_words"], out is not None)
            if role is None:
                continue  # (most figures: nothing to do, whether or not a part; asked before the part test)
            if apart and (any(w in label for w in skipped) or _listed_part(base, rule, f, words.get(role, ()))):
                continue  # (其中保险费收入…、财政补贴收入…: parts of the income, no total of their own)
            if role == "out":
                spent = f
            if role == "opening":
                opening, out = f, None
            elif role == "out":
                # (a second 支出总计 with no 收入总计 of its own is another fund's: nothing held)
                out, opening = (f, opening) if opening is not None and out is None else (None, None)
            elif role == "closing":
                if not apart or len({x.sentence for x in (opening, out, f)}) > 1:
                    yield from _balance_hit(base, rule, opening, out, f)
                opening = out = spent = None
            else:
                opening = out = spent = None  # (the balance stated is another, 当年收支结余: no later stock stands in)
        if opening is not None and spent is not None:
            # (支出总计…，收入总计…，收支平衡: the two totals in either order; the spending total is
            # the last one, the 支出总计 held after the income total too)
            yield from _balance_claimed(base, rule, opening, spent)


def _opens_sentence(text: str, at: int, part_cues: tuple[str, ...]) -> bool:
    """The last part cue before `at` opens a sentence of the text (…。其中…)."""
    cue_at = max((text.rfind(c, 0, at) for c in part_cues), default=-1)
    return cue_at >= 0 and text[:cue_at].rstrip().endswith(("。", "."))


def _opens_part(label: str, part_cues: tuple[str, ...]) -> str:
    """An opening figure's words after the part cue they open with (其中道路修缮子项目全年预算: a part's
    own budget, which may open the part's own sum), "" where they open with none."""
    words = label.lstrip(" ，,、；;：:")
    cue = next((c for c in part_cues if words.startswith(c)), "")
    return words[len(cue):] if cue else ""


def _balance_claimed(base, rule, opening, out):
    """The paragraph's income and spending totals with no balance stated after them, but said to
    balance (收入总计215,600万元，支出总计217,000万元，收支平衡): the balance the words claim is 0."""
    last = max(opening, out, key=lambda f: f.id)  # (the claim is read after the later of the two)
    if (opening.block, opening.sentence) != (out.block, out.sentence) and last is opening:
        return
    text = base.sentences.get((last.block, last.sentence), "")
    after = text[last.at + len(last.text):]
    # (a claim closing its clause: 收支平衡压力较大, 收支平衡表 name no balance reached; an aim or a
    # denial only in the claim's own clause, 将结余资金…，收支平衡 claims it)
    found = next((m for m in _claims_re(tuple(rule.params["balanced_words"])).finditer(after)
                  if not any(w in CLAUSE_BREAK_RE.split(after[:m.start()])[-1] for w in rule.params["balanced_not_words"])),
                 None)
    if found is None:
        return
    claim = found.group(1)
    if MONEY_FIGURE_RE.search(after[:found.start()]):
        return  # (…支出总计187,900万元，动用预算稳定调节基金1,500万元，实现收支平衡: the gap closed by it)
    if opening.value == out.value and opening.unit == out.unit:
        yield CHECKED
        return
    at = last.at + len(last.text) + found.start()
    stated = replace(out, value=Decimal(0), places=out.places, text=f"0{out.unit}", label=f"文中称{claim}，结余", at=at,
                     quote=claim)
    yield from _balance_hit(base, rule, opening, out, stated)


def _balance_role(label: str, words: dict, balance_words: list, after_out: bool) -> str | None:
    """What a figure so labelled is in a paragraph's balance (the tests in their order): its income
    total (opening), spending total (out), and after a spending total its balance (closing) or
    another balance (balance); None when none of them."""
    if label.endswith(words["opening"]):
        return "opening"
    if label.endswith(words["out"]):
        return "out"
    if after_out and any(w in label for w in words["closing"]):
        return "closing"
    if after_out and any(w in label for w in balance_words):
        return "balance"
    return None


@lru_cache(maxsize=4)
def _claims_re(words: tuple[str, ...]) -> re.Pattern:
    """The balance claimed, closing its clause (收支平衡。; not 收支平衡表, 收支平衡压力)."""
    return re.compile(f"({'|'.join(map(re.escape, words)) or '(?!)'})(?=$|[，,。；;])")


def _listed_part(base, rule, f, kind: tuple[str, ...] = ()) -> bool:
    """The figure stands in a clause a part cue opens before it (收入X，其中保险费收入Y、财政补贴收入Z:
    Y and Z), its sentence read up to it back to the last semicolon, or in a list set apart by ；
    after a cue following a whole of its kind (`kind`: its role's words; each ；-clause is read as a
    sentence of its own: 收入…，其中：保险费收入…；财政补贴收入…；其他收入…, not 支出 after them)."""
    cues = rule.params["part_cues"]
    for k, text in clauses_back(base, f):
        if k == f.sentence:
            if any(w in re.split(r"[；;]", text)[-1] for w in cues):
                return True
            continue
        cue = max((text.rfind(w) for w in cues), default=-1)
        if cue >= 0:
            return any(w in compact(text[:cue]) for w in kind)
    return False


def _balance_hit(base, rule, opening, out, closing):
    """The hit of a paragraph's balance against its income and spending totals, if they differ
    (the three in one unit: the printed digits are the intervals compared)."""
    if len({opening.unit, out.unit, closing.unit}) != 1 or opening.value == out.value:
        return  # (收入总计 = 支出总计: the spending total holds the balance carried over)
    yield CHECKED
    total = Quantity(closing.value)
    outcome = sum_check(total, [Quantity(opening.value), Quantity(-out.value)], rule.tolerance)
    if outcome == "ok":
        return
    places = max(f.places for f in (opening, out, closing))
    exact = opening.value - out.value
    shown = fmt(exact, places, opening.text)  # (grouped as the totals are: 0万元 is no guide)
    yield Hit(quote=base.passage(opening, closing), location=closing.loc, stated=closing.text,
              expected=f"{shown}{closing.unit}", formula=f"{opening.text} − {out.text} = {shown}{closing.unit}",
              fields={"table": "正文", "label": compact(closing.label).strip("，,：:"), "column": "",
                      "total": closing.text, "sum": f"{shown}{closing.unit}",
                      "diff": fmt(closing.value - exact, places, opening.text)},
              cls="rounding" if outcome == "rounding" else None, highlights=[opening.loc, out.loc])


def _statements(base) -> list:
    """(text, facts) of each statement: a sentence, or sentences a ； joins (收入201,840万元，完成预算的
    100.8%；支出187,350万元…；当年收支结余14,940万元: one statement's terms set apart by semicolons),
    each fact's place counted in the joined text; built once per document (four rules read them)."""
    return base.remember(("statements",), lambda: list(_joined_statements(base)))


def _statement_labels(base) -> list[str]:
    """Each statement's facts' labels compacted, joined by line breaks (no word holds one): one
    search tells whether any label of the statement holds one of a rule's words. Built once per
    document (four rules ask)."""
    return base.remember(("statement labels",), lambda: [
        "\n".join(compact(f.label) for f in facts) for _, facts in _statements(base)])


def _joined_statements(base):
    for run in base.clause_runs():
        if len(run) == 1:
            key, facts = run[0]
            yield base.sentences.get(key, ""), facts
            continue
        texts, facts, offset = [], [], 0
        for key, sentence_facts in run:
            texts.append(base.sentences.get(key, ""))
            facts += [replace(f, at=f.at + offset) if offset else f for f in sentence_facts]
            offset += len(texts[-1])
        yield "".join(texts), facts


def _terms(params, text: str, opening, after: list):
    """The figures after the opening one that are terms of the flow: not a part of the figure before
    (after 其中 / 含, and the parts listed on with 、), nor inside brackets (本年减少4辆（报废3辆、调出
    1辆）: its make-up; 调入2人（市人民医院相应调出2人）: another unit's side)."""
    cues = tuple(params["part_cues"])
    end, part, depth, part_sentence = opening.at + len(opening.text), False, 0, False
    for f in after:
        gap = text[end:f.at]
        depth += open_brackets(gap)
        # a part cue opens parts; they go on over 、 and 和, up to the next clause break; a sentence the
        # cue opens (…。其中A子项目年初预算80.00万元，全年执行72.50万元…) is the part's to its end
        part_sentence = _opens_sentence(gap, len(gap), cues) or (part_sentence and "。" not in gap)
        part = part_sentence or any(c in gap for c in cues) or (part and not any(ch in gap for ch in "，,；;"))
        end = f.at + len(f.text)
        if depth <= 0 and not part:
            yield f
