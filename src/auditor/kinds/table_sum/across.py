"""A table's rows adding up across, for kind `table_sum`'s column_total: a total column (合计,
全年合计) = Σ of the columns it sums, judged when most rows do; two sides side by side, groups of
columns each closed by its own total."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.base.figures import part_names
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ...tables.typed import parse_cell
from ..base import Hit, Trial
from .units import HEAD_UNIT_RE, counted_column
from .reading import row_label, row_name
from .findings import compare, stated_gap
from .heads import heads_summed, figure_rows, not_summed_words, label_column
from .code_tables import group_of, outside_each_other


def rows_across_alone(rule, table, grid, labels: set, part_totals: bool):
    """A table with no total row (分季度支出 by source, each row closed by its 全年合计): its rows
    adding up across, judged as in row_totals when most rows do."""
    if part_totals:
        return  # (a table of parts each closed by its own total row: part_total_hits reads it)
    label_col = label_column(grid, next((c for row in grid for c, text in enumerate(row) if text.strip()), 0), table.width,
                             labels | {compact(w) for w in rule.params["column_subtotal_labels"]})
    figures = figure_rows(rule, table, label_col)
    if not figures:
        return
    heads, summed = heads_summed(rule, table, grid, figures[0], label_col)
    across = row_totals(rule, table, grid, figures, summed, heads, labels)
    yield from across[1] if across is not None else ()


# a row total column is judged only where most rows add up across it: then the columns are its
# parts, and a row that does not is a slip, not another way of reading the table
MOST_ROWS = Decimal("0.6")


def row_totals(rule, table, grid, rows: list[int], summed: list[int], heads: list[str], labels: set,
                total_row: int | None = None):
    """(the total columns, hits) for a table with columns headed 合计 / 总计 whose row figures are
    the sum of the other summed columns': each row that does not add up across, in each group of
    columns where most rows do. None when the table has no such column or its rows show no identity.
    One total column sums the table's other columns; several (收入合计 | 财政拨款收入 | 其他收入 |
    支出合计 | 基本支出 | 项目支出) each sum the columns after it up to the next, a blank part 0 as
    in a 决算 table. `total_row`: the table's total row, whose gap carried up from its rows' is told
    at them, not again at it."""
    # (a head naming the period or kind of its total, 全年合计, 本年合计, is a total's too: the rows
    # adding up across in most rows show it)
    ends = (*labels, *rule.params["column_subtotal_labels"])
    bare = {c: HEAD_UNIT_RE.sub("", compact(heads[c])) for c in summed}  # (小计（万元）: its unit aside)
    total_cols = [c for c in summed if bare[c] in labels or bare[c].endswith(ends)]
    if not total_cols and len(summed) >= 3:
        # (第一季度 | 第二季度 | 上半年 | 第三季度 | 第四季度 | 全年: each period's whole the sum of its parts)
        judged = [(col, hits) for col, parts in period_wholes(rule, bare, summed)
                  for hits in [_group_across(rule, table, grid, rows, heads, col, parts, False, total_row)]
                  if hits is not None]
        return (tuple(col for col, _ in judged), [hit for _, hits in judged for hit in hits]) if judged else None
    if not total_cols or len(summed) < 3:
        return None
    if len(total_cols) == 1:
        hits = _one_total_across(rule, table, grid, rows, heads, summed, total_cols[0], bare, total_row)
        judged = [(total_cols[0], hits)] if hits is not None else []
    else:
        judged = [(col, hits) for k, col in enumerate(total_cols)
                  for hits in [_side_across(rule, table, grid, rows, heads, summed, total_cols, k, bare, total_row)]
                  if hits is not None]
    if not judged:
        return None
    return tuple(col for col, _ in judged), [hit for _, hits in judged for hit in hits]


def _one_total_across(rule, table, grid, rows, heads, summed, col: int, bare: dict, total_row: int | None):
    """The one total column against the other columns (_summed_beside); where most rows do not add
    up so, against those of them not standing beside a total (行政单位 | 事业单位 | 合计 | 上年数 |
    比上年增长: last year's figure is no part), as _side_across reads several totals. All of them
    first: a 合计 may sum a carry-over (上年结转 | 本年收入 | 合计), which the rows then bear out."""
    # (合计 | 基本支出 | 人员经费 | 公用经费 | 项目支出: the parts inside another part column held once, in it)
    parts = outside_each_other(dict(enumerate(heads)), _summed_beside(rule, table, heads, summed, col))
    # (heads stating the sum, 本年支出合计 | 基本支出 | 项目支出: a part left blank or dashed is 0, as in
    # the tables of several totals; elsewhere a blank may be a part the row has no reading of)
    declared = len(parts) >= 2 and _heads_declare(heads, col, parts)
    hits = _group_across(rule, table, grid, rows, heads, col, parts, declared, total_row) if len(parts) >= 2 else None
    if hits is not None or bare[col].endswith(tuple(rule.params["carry_total_words"])):
        return hits
    beside = tuple(rule.params["beside_total_words"])
    kept = [c for c in parts if not any(w in bare[c] for w in beside)]
    if len(kept) < 2 or len(kept) == len(parts):
        return None
    return _group_across(rule, table, grid, rows, heads, col, kept, False, total_row)


def _side_across(rule, table, grid, rows, heads, summed, total_cols: list[int], k: int, bare: dict,
                 total_row: int | None) -> list[Hit] | None:
    """One of several total columns against its parts: the columns between it and the next total
    (收入合计 | 财政拨款收入 | 其他收入) or between the one before and it (财政拨款收入 | 其他收入 |
    收入合计), a column standing beside totals left out (年末结转和结余). The side whose heads share
    the total's name (收入 of 收入合计) where one does, else the one side most rows add up on; not
    judged where that cannot be told."""
    col = total_cols[k]
    after_stop = total_cols[k + 1] if k + 1 < len(total_cols) else table.width
    before_start = total_cols[k - 1] if k else -1
    # (a 总计 holds the carry-overs, 收入总计 = 上年结转 + 本年收入; a 合计 or 小计 does not, its
    # 年末结转和结余 standing beside it)
    beside = () if bare[col].endswith(tuple(rule.params["carry_total_words"])) else tuple(rule.params["beside_total_words"])
    # (a column of counts, 户籍人口（人）, is a factor beside the amounts, no part: as _summed_beside)
    sides = [[c for c in summed if lo < c < hi and not any(w in bare[c] for w in beside)
              and not counted_column(rule, table, heads[c])]
             for lo, hi in ((col, after_stop), (before_start, col))]
    stem = _total_stem(bare[col], rule)
    others = {_total_stem(bare[c], rule) for c in total_cols if c != col} - {stem, ""}
    # (a side whose heads name another total's thing, 财政拨款收入 | 其他收入 beside 支出合计, is that one's)
    sides = [side for side in sides if not any(2 * sum(o in bare[c] for c in side) > len(side) for o in others)]
    named = [side for side in sides if len(side) >= 2 and stem and all(stem in bare[c] for c in side)]
    if len(named) == 1:
        return _group_across(rule, table, grid, rows, heads, col, named[0], True, total_row)
    with Trial() as trial:  # (two sides holding: which one the total sums is not told, nor checked)
        held = [hits for side in sides if len(side) >= 2
                for hits in [_group_across(rule, table, grid, rows, heads, col, side, True, total_row)]
                if hits is not None]
    if len(held) != 1:
        return None
    trial.keep()
    return held[0]


def _total_stem(head: str, rule) -> str:
    """What a total column's head names before its total word (收入 of 收入合计, 到位 of 到位小计)."""
    ends = sorted((*rule.params["total_row_labels"], *rule.params["column_subtotal_labels"]), key=len, reverse=True)
    end = next((w for w in ends if head.endswith(compact(w))), "")
    stem = head[:len(head) - len(compact(end))] if end else head
    return stem[len(stem) - 2:] if len(stem) > 2 else stem  # (本年收入合计: 收入)


def _group_across(rule, table, grid, rows: list[int], heads: list[str], total_col: int, parts_cols: list[int],
                  blanks_zero: bool, total_row: int | None) -> list[Hit] | None:
    """_rows_across, its rows counted as checked only where the reading holds."""
    with Trial() as trial:
        hits = _rows_across(rule, table, grid, rows, heads, total_col, parts_cols, blanks_zero, total_row)
    if hits is not None:
        trial.keep()
    return hits


def _rows_across(rule, table, grid, rows: list[int], heads: list[str], total_col: int, parts_cols: list[int],
                 blanks_zero: bool, total_row: int | None) -> list[Hit] | None:
    """The rows of one group of columns not adding up across (its total column against its parts),
    or None unless most rows do. `blanks_zero`: a blank part is 0 (a row with its total and one part
    printed at least is judged); else a row with a blank part is not judged."""
    hits, unproven = _read_across(rule, table, grid, rows, heads, total_col, parts_cols, blanks_zero, total_row)
    kept = [c for c in parts_cols if c not in unproven]
    if hits and unproven and len(kept) >= 2:
        # a part column 0 in every row that adds up and figured only in rows that do not (本年发行 |
        # 偿还本金 | 支付利息 | 本息合计: 本年发行 is 0 where 本息 adds up) is shown a part by no row: a 0
        # fits any reading. The reading without it is taken where fewer rows break it
        retried, _ = _read_across(rule, table, grid, rows, heads, total_col, kept, blanks_zero, total_row)
        if retried is not None and len(retried) < len(hits):
            return retried
    return hits


def _read_across(rule, table, grid, rows: list[int], heads: list[str], total_col: int, parts_cols: list[int],
                 blanks_zero: bool, total_row: int | None) -> tuple[list[Hit] | None, set[int]]:
    """_rows_across's one reading: (its hits or None, the part columns figured in some row not adding
    up and in no row that does, non-zero)."""
    checked, telling, hits, gaps = 0, 0, [], {}
    figured_off, figured_on = set(), set()  # part columns non-zero in a row breaking / keeping the sum
    not_summed = not_summed_words(rule)
    # (平均班额, 生均支出, 执行率 rows: their 合计 is an average or a rate, no sum)
    rows = [r for r in rows if not any(w in compact(row_label(grid[r])) for w in not_summed)]
    by_periods = _periods_before(heads, total_col, parts_cols)
    if by_periods:
        # (年末管护人员 | 12 | 15 | 15 | 累计 15: a level at each period's end, no flow the periods add)
        rows = [r for r in rows if not any(w in compact(row_label(grid[r])) for w in rule.params["stock_row_words"])]
    # (2023年 | 2024年 | 累计: since the project began, maybe, the years before too: only short of them a slip)
    at_least = by_periods and compact(heads[total_col]) in rule.params["cumulative_labels"] \
        and cumulative_reading([heads[c] for c in parts_cols]) != "exact"
    # a part column 0 or blank in every row (其他资金 0.00) adds nothing to any row: whether it is a
    # part or not, no row's sum changes, so it is left out of what makes a row telling
    silent = _silent_columns(table, rows, parts_cols)
    # (a column empty in every row, past the rows' own block under a wider form's heads, holds no part)
    parts_cols = [c for c in parts_cols if c not in silent or any(
        c < len(table.rows[r]) and table.rows[r][c].text.strip() for r in rows)]
    for r in rows:
        total_cell = table.rows[r][total_col] if total_col < len(table.rows[r]) else None
        pairs = [(table.rows[r][c], heads[c].strip() or f"第{c + 1}列", c) for c in parts_cols if c < len(table.rows[r])]
        if blanks_zero:
            pairs = [pair for pair in pairs if pair[0].text.strip() and not lexicon().dash(pair[0].text.strip())]
        if total_cell is None or not total_cell.text.strip() or not pairs \
                or any(not cell.text.strip() for cell, _, _ in pairs):
            continue
        cells, names = [cell for cell, _, _ in pairs], [name for _, name, _ in pairs]
        # (the row's name, not its 序号: 1 | 东桥村 | 8.05 is 东桥村's row)
        label = row_name(grid[r]) or compact(row_label(grid[r])) or f"第{table.row_number(r)}行"
        hit = compare(rule, table, total_cell, cells, label, heads[total_col].strip(), names)
        checked += 1
        (figured_off if hit is not None else figured_on).update(c for cell, _, c in pairs if _non_zero(cell.text))
        if hit is not None:
            hit.fields["relation"] = "各栏之和为"
            hits.append(hit)
            gaps[r] = stated_gap(hit)
        elif all(parse_cell(cell.text.strip()) is not None and parse_cell(cell.text.strip()).value
                 for cell, _, c in pairs if c not in silent) \
                and (set(parts_cols) <= {c for _, _, c in pairs} | silent or not blanks_zero):
            telling += 1  # (a row adding up with no part 0: 110 = 60 + 50 + 0.00 fits any part list)
    if total_row in gaps and len(gaps) > 1 and gaps[total_row] == sum(v for r, v in gaps.items() if r != total_row):
        # (the total row off by what its rows are: their slip carried up, told at them)
        hits = [h for h in hits if h.location.row - 1 != total_row]
        checked -= 1
    if at_least:
        hits = [h for h in hits if stated_gap(h) < 0]
    # (most rows adding up show the identity; of two rows, one adding up with every part printed)
    unproven = figured_off - figured_on
    if _heads_declare(heads, total_col, parts_cols):
        return (hits if checked else None), unproven  # (the words state the sum: every row is held to it)
    if checked < 2 or len(hits) > (1 - MOST_ROWS) * checked and not (checked == 2 and len(hits) == 1 and telling):
        return None, unproven
    return hits, unproven


def _heads_declare(heads: list[str], total_col: int, parts_cols: list[int]) -> bool:
    """The heads name a sum of the vocabulary's (concepts.yaml calculations): the total column its
    total (本年支出合计: 本年支出), the part columns its parts, each required one among them and no
    other (基本支出 | 项目支出, 经营支出 beside them optional). The row's sum is then stated by the
    words, not learnt from the rows: held in every row, however few add up."""
    lex = lexicon()
    head = compact(heads[total_col])
    if head in (concepts().get("column_total_heads") or ()) and _periods_before(heads, total_col, parts_cols):
        return True  # (2022年 | 2023年 | 2024年 | 累计, 一季度 | … | 四季度 | 合计: the periods' sum, stated by the heads)
    total = lex.concepts.last(head)
    parts = [lex.concepts.last(compact(heads[c])) for c in parts_cols]
    if None in parts or len(set(parts)) != len(parts):
        return False
    # (a bare total word over the parts, 合计 | 人员经费 | 公用经费: the total of the sum they make)
    bare = total is None and head in (concepts().get("column_total_heads") or ())
    # (the vocabulary's sums and each fund's own: lexicon().calculations; a part by any name it goes by)
    return (total is not None or bare) and any(
        (bare or calc["total"] == total) and set(calc["parts"]) <= set(parts) <= part_names(calc)
        for calc in lex.calculations)


YEAR_HEAD_RE = re.compile(r"((?:19|20)\d\d)年度?")
MONTH_HEAD_RE = re.compile(r"(1[0-2]|[1-9])月份?")


def _periods_before(heads: list[str], total_col: int, parts_cols: list[int]) -> bool:
    """The part columns are headed by periods (period_spans), all before the total column: a
    total after them sums them."""
    return bool(parts_cols) and max(parts_cols) < total_col and period_spans([heads[c] for c in parts_cols]) is not None


def period_spans(names: list[str]) -> tuple[str, list[int]] | None:
    """(the kind, the periods covered in order) of two names or more each naming a period of one
    kind, none twice: years (2022年 | 2023年 | 2024年), parts of a year (一季度 | 二季度 …, 上半年 | 下半年:
    concepts.yaml year_slices, as quarters) or months (1月 | 2月 …); None otherwise."""
    slices = concepts().get("year_slices") or {}
    spans = []
    for name in map(compact, names):
        year, month = YEAR_HEAD_RE.fullmatch(name), MONTH_HEAD_RE.fullmatch(name)
        spans.append(("年", [int(year.group(1))]) if year else ("季", list(slices[name])) if name in slices
                     else ("月", [int(month.group(1))]) if month else None)
    if len(spans) < 2 or None in spans or len({kind for kind, _ in spans}) != 1:
        return None
    covered = [part for _, parts in spans for part in parts]
    return (spans[0][0], covered) if len(covered) == len(set(covered)) else None


def period_wholes(rule, bare: dict[int, str], summed: list[int]) -> list[tuple[int, list[int]]]:
    """(a column, the columns of the parts of its period) for each column headed by a period of the
    year of several quarters (上半年, 前三季度: concepts.yaml year_slices; 全年: the rule's
    year_whole_heads) whose quarters the other columns cover once each, single quarters first
    (全年 over 第一季度 … 第四季度, not over 上半年 beside them; over 上半年 | 第三季度 | 第四季度 where no
    first and second stand)."""
    slices = concepts().get("year_slices") or {}
    whole = set(rule.params["year_whole_heads"])
    spans = {c: tuple(slices[bare[c]]) if bare[c] in slices else (1, 2, 3, 4) if bare[c] in whole else None for c in summed}
    out = []
    for col, span in spans.items():
        if span is None or len(span) < 2:
            continue
        inside = sorted((c for c, s in spans.items() if c != col and s and set(s) < set(span)), key=lambda c: len(spans[c]))
        parts, covered = [], set()
        for c in inside:  # (the finest first: a half only for quarters no single column states)
            if not covered & set(spans[c]):
                parts.append(c)
                covered |= set(spans[c])
        if covered == set(span) and len(parts) >= 2:
            out.append((col, sorted(parts)))
    return out


def cumulative_reading(names: list[str]) -> str | None:
    """How a 累计 over these periods holds: "exact" where they are a year's parts from its start, one
    after another (一季度 | 二季度 | 三季度, 1月 … 6月): their sum; "at_least" where they are years or
    parts not from the start (a 累计 may take in earlier ones, since the project began: only short of
    their sum is it a slip); None where they are no periods."""
    spans = period_spans(names)
    if spans is None:
        return None
    kind, covered = spans
    from_start = kind != "年" and sorted(covered) == list(range(1, len(covered) + 1))
    return "exact" if from_start else "at_least"


def _non_zero(text: str) -> bool:
    q = parse_cell(text.strip())
    return q is not None and q.value is not None and q.value != 0


def _silent_columns(table, rows: list[int], parts_cols: list[int]) -> set[int]:
    """The part columns blank, a dash or 0 in every one of `rows`."""
    def silent(r: int, c: int) -> bool:
        text = table.rows[r][c].text.strip() if c < len(table.rows[r]) else ""
        if not text or lexicon().dash(text):
            return True
        q = parse_cell(text)
        return q is not None and q.value == 0
    return {c for c in parts_cols if all(silent(r, c) for r in rows)}


def _summed_beside(rule, table, heads: list[str], summed: list[int], total_col: int) -> list[int]:
    """The columns a row's total column sums: those under its group head (分配金额（万元） › 中央资金 |
    省级资金 | 小计), else all but the columns of counts (常住人口（人）, 行政村（个）: factors, no parts)
    and of factors (分配系数)."""
    part_words = tuple(rule.params["part_column_words"])
    factors = tuple(rule.params["factor_column_words"])
    others = [c for c in summed if c != total_col and not compact(heads[c]).startswith(part_words)
              and not any(w in compact(heads[c]) for w in factors)]
    group = group_of(heads[total_col])
    grouped = [c for c in others if group and heads[c].startswith(group)]
    # (其中：政府采购 is inside its side, no part of its own; a group naming nothing: all the others)
    return grouped or [c for c in others if not counted_column(rule, table, heads[c])]
