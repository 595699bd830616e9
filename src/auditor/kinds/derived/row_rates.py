"""Sub-checks `row_rate` and `table_share` of kind `derived`: the rates of a table row recomputed
from the row's own figures (the formulas of concepts.yaml row_rates, and those the columns and
rows show), and a share column's rows as each row's amount ÷ the whole's row printing 100%."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ...facts.base import Fact, FactBase
from ...facts.base.grids import bare_head, shown_head
from ...facts.base.heads import names_forecast
from ...facts.base.model import BUDGET_MEASURES, FORECAST, OUTCOME_MEASURES
from ...facts.lexicon import lexicon
from ...facts.targets import PREFIX
from ...knowledge import compact, concepts
from ..base import CHECKED, SHARE_OF_RE, SUBROW_RE, Hit, sentence_figures
from ..named_rates import COPULAS
from ..rate_columns import column_runs, explained_otherwise, has_rate_column, learned_rate_slips, row_formula, transposed
from .intervals import HUNDRED, ratio_fits, rate_against, based
from .lookup import same_sentence, facts_before
from .wholes import names_period


def table_rows(base: FactBase) -> list[list[Fact]]:
    """The figures of each table row, in reading order (built once per document)."""
    def group() -> list[list[Fact]]:
        rows: dict[tuple, list[Fact]] = {}
        for f in base.facts:
            if f.source == "table":
                rows.setdefault((f.block, f.loc.row), []).append(f)
        return list(rows.values())
    return base.remember(("table rows",), group)


def check_row_rate(base: FactBase, rule):
    from ...knowledge import concepts

    formulas = [(formula, tuple(compact(n) for n in formula.get("names") or [formula["rate"]]))
                for formula in concepts().get("row_rates") or ()]
    judged: set[int] = set()  # the rates a formula of row_rates found its terms for
    for facts in table_rows(base):
        # (the row's percentages with their heads, read once for every formula; a row of none
        # holds no rate of any: most rows)
        rates = [(f, compact(f.header)) for f in facts if f.unit == "%"]
        if not rates:
            continue
        # a scored row (分值, 得分) of a self-evaluation form is judged by the score rules (SCO002)
        scored = _scored_row(facts, rule)
        for formula, rate_names in formulas:
            # every column of the row the formula names (执行率 | … | 预计执行率: each of its own terms)
            for rate in [f for f, head in rates if any(n in head for n in rate_names)]:
                outcomes = list(_check_row_rate(base, facts, formula, rate, scored and not formula.get("in_scored_rows")))
                judged.update([rate.id] if outcomes else [])
                yield from (based("同行数据", o) if isinstance(o, Hit) else o for o in outcomes)
    yield from (based("同列数据", o) if isinstance(o, Hit) else o for o in _column_rates(base, rule, formulas, judged))
    yield from (based("同行数据", o) if isinstance(o, Hit) else o for o in _learned_row_rates(base, rule, judged))
    yield from (based("同列数据", o) if isinstance(o, Hit) else o for o in _learned_column_rates(base, rule, judged))
    yield from (based("句中数据", o) if isinstance(o, Hit) else o
                for o in _text_rates(base, [(f, n) for f, n in formulas if f["rate"] in rule.params["text_rates"]]))


def _text_rates(base: FactBase, formulas: list):
    """A rate of row_rates stated in a sentence after both its terms (该部分满分25分，实际得分24.83分，
    得分率为96.32%): the rate's name ends its words, the nearest figure of each term's measure
    before it in the sentence, past any rate before, are its terms."""
    for formula, rate_names in formulas:
        for rate in (f for f in sentence_figures(base) if f.unit == "%" and not f.comparator
                     and compact(f.label).rstrip("".join(COPULAS)).endswith(rate_names)):
            before = facts_before(same_sentence(base, rate), rate)
            since = max((f.id for f in before if f.unit == "%"), default=-1)
            terms = [f for f in before if f.id > since and not f.comparator]
            # (the two terms alone in the run, of one thing: no other figure in their unit, a sub-weight
            # or points taken off, and no 其中 between a whole's points and a part's score)
            nums = [f for f in terms if f.measure == formula["numerator"]]
            dens = [f for f in terms if f.measure == formula["denominator"]]
            if len(nums) != 1 or len(dens) != 1:
                continue
            num, den = nums[0], dens[0]
            text = base.sentences.get((rate.block, rate.sentence), "")
            if num.unit != den.unit or sum(f.unit == num.unit for f in terms) != 2 or num.member != den.member \
                    or any(w in text[min(num.at, den.at):max(num.at, den.at)] for w in lexicon().list_openers):
                continue
            yield from rate_against(base, rate, num, den, formula["rate"], f"{formula['numerator']} ÷ {formula['denominator']}")


def _scored_row(facts: list[Fact], rule) -> bool:
    """Figures of a self-evaluation form's scored rows (分值, 得分 of a row): the score rules judge
    them. A project's whole score in a summary of projects (自评得分 beside its 执行率) scores no
    figure of its row (whole_score_concepts)."""
    whole = rule.params["whole_score_concepts"]
    return any(f.measure == "分值" or (f.measure == "得分" and f.concept not in whole) for f in facts)


def _learned_row_rates(base: FactBase, rule, judged: set[int]):
    """Rate columns by the formula most of their rows follow (kinds/rate_columns.py): those no
    formula of row_rates names (到位率, 支出率), and those whose row prints none of the terms the
    formula names (计划数 | 支出数 | 执行率); the rates `judged` by a row_rates formula are its."""
    heads = tuple(rule.params["rate_heads"])
    excluded = tuple(rule.params["not_rate_words"])
    for facts in base.by_table.values():
        if _scored_row(facts, rule):
            continue  # a self-evaluation form: its rates are the score rules' and row_rates' 完成率
        for rate, num, den in learned_rate_slips(facts, heads, excluded, ratio_fits):
            if rate.id in judged:
                continue
            if num is None or _fits_detail_sum(base, rate, num, den):
                yield CHECKED  # (a total row's rate of its rows' true sum: the total is the slip, SUM001's)
                continue
            yield from rate_against(base, rate, num, den, shown_head(rate.header) or "比率",
                                     f"{shown_head(num.header)} ÷ {shown_head(den.header)}（表中其余各行均按此计算）")


def _column_rates(base: FactBase, rule, formulas: list, judged: set[int]):
    """A row of rates under the rows of their terms, the things as columns (全年预算数 | 全年执行数 |
    执行率 rows under 中央资金 | 省级资金 | 合计): each column's rate against the figures right above
    it that its formula names, read by their rows' labels as a row's are by their columns' heads."""
    for facts in base.by_table.values():
        runs = None  # (the columns' runs, made only for a table holding such a rate)
        for rate in facts:
            if rate.unit != "%" or rate.comparator or rate.id in judged:
                continue
            for formula, rate_names in formulas:
                if not any(n in compact(rate.label) for n in rate_names) or any(n in compact(rate.header) for n in rate_names):
                    continue  # (a rate column's cell is the row-wise check's)
                runs = runs if runs is not None else column_runs(facts)
                run = runs.get(rate.id, [])
                if _scored_row([rate, *run], rule) and not formula.get("in_scored_rows"):
                    continue  # (an indicator's 预算执行率 row with its points: the score rules')
                outcomes = list(_check_row_rate(base, run, formula, rate, False, _column_term, _fits_row_parts, by_label=True))
                judged.update([rate.id] if outcomes else [])
                yield from outcomes


def _column_term(run: list[Fact], name: str, _own: bool, rate: Fact) -> Fact | None:
    """The figure right above a rate that a formula names by its row's label (全年执行数 for 决算),
    the nearest one."""
    for f in run:
        label = compact(f.label)
        if f.period == rate.period and f.unit not in ("%", "‰", "个百分点") and not f.comparator and (
                f.measure == name and lexicon().measures.last(label) == name
                or f.concept == name and lexicon().concepts.last(label) == name):
            return f
    return None


def _fits_row_parts(base: FactBase, rate: Fact, num: Fact, den: Fact) -> bool:
    """A 合计 column's rate fitting the sum of the row's figures before it where it does not fit the
    printed total: the total is misprinted (SUM005 tells it), and the rate, computed from the
    parts, is right. As _fits_detail_sum, down the other way."""
    if not compact(num.header).endswith(tuple(concepts().get("column_total_heads") or ())):
        return False
    parts = [f for f in base.by_table.get(num.block, ()) if f.loc.row == num.loc.row and f.loc.col < num.loc.col
             and f.measure == num.measure and f.unit == num.unit and f.period == num.period]
    if len(parts) < 2:
        return False
    summed = replace(num, value=sum((f.value for f in parts), Decimal(0)), places=max(f.places for f in parts))
    return ratio_fits(rate, summed, den)


def _learned_column_rates(base: FactBase, rule, judged: set[int]):
    """_learned_row_rates down the columns: a row of rates no formula of row_rates names (到位率
    under 计划数 | 到位数 rows, the sources as columns), by the two rows most columns follow. The
    table's scored rows (an indicator's 分值, 得分) are left out: the score rules' own."""
    heads = tuple(rule.params["rate_heads"])
    excluded = tuple(rule.params["not_rate_words"])
    for facts in base.by_table.values():
        if not any(f.unit == "%" and compact(f.label).endswith(heads) for f in facts):
            continue
        scored = {f.loc.row for f in facts if _scored_row([f], rule)}
        kept = {f.id: f for f in facts if f.loc.row not in scored}
        # (the percentages turned first: where none stands in a rate column once turned, there is
        # no formula to learn, and the table's other figures are not turned for nothing)
        if not has_rate_column(transposed([f for f in kept.values() if f.unit == "%"], heads), heads, excluded):
            continue
        for rate, num, den in learned_rate_slips(transposed(list(kept.values()), heads), heads, excluded, ratio_fits):
            if rate.id in judged:
                continue
            if num is None:
                yield CHECKED
                continue
            rate, num, den = kept[rate.id], kept[num.id], kept[den.id]  # (as printed, not turned)
            if _fits_row_parts(base, rate, num, den):
                yield CHECKED  # (a 合计 column's rate of its parts' true sum: the total is the slip)
                continue
            yield from rate_against(base, rate, num, den, compact(rate.label) or "比率",
                                     f"{compact(num.label)} ÷ {compact(den.label)}（表中其余各列均按此计算）")


def _ceiling_cues(formula: dict) -> tuple[str, ...]:
    """The words of an indicator kept under its target (成本, 费用, 投诉): row_rates' ceiling_cues."""
    return tuple(formula.get("ceiling_cues") or ())


def _check_row_rate(base: FactBase, facts: list[Fact], formula: dict, rate: Fact, own: bool,
                    term=None, other_sum=None, by_label: bool = False):
    """One rate column of a row against the row's figures its formula names (`term` finds them:
    _row_term; `other_sum`, another way a total's rate may be of its parts' true sum; `by_label`:
    the rates are a row under their terms' rows, which their labels name, not their heads)."""
    if formula.get("numerator_heads"):
        # (two terms of one measure, 已支付 and 合同金额 both 决算: told apart by their words)
        num, den = (_headed_term([f for f in facts if f.measure == formula[measure]], formula[side], rate, by_label)
                    for side, measure in (("numerator_heads", "numerator"), ("denominator_heads", "denominator")))
    else:
        term = term or _row_term
        num = next(filter(None, (term(facts, name, own, rate)
                                 for name in (formula["numerator"], *formula.get("numerator_alternatives", ())))), None)
        den = term(facts, formula["denominator"], own, rate)
    if not (num and den):
        return  # the row prints no such terms: nothing to check the rate against
    if forecast(rate.header) and not forecast(num.header):
        return  # 预计全年执行率 is of the forecast, which the row does not print (not of 1-6月执行数)
    if num.unit != den.unit or PREFIX.get(den.comparator, den.comparator) in ("≤", "<"):
        return  # other units, or a ceiling (≤5件) whose completion is staying under it
    if formula.get("capped") and rate.value == HUNDRED and (num.value >= den.value or (
            num.value <= den.value and any(w in compact(rate.label) for w in _ceiling_cues(formula)))):
        yield CHECKED  # a target met beyond (or a cost kept under its ceiling): its completion is written 100%
        return
    if not ratio_fits(rate, num, den) and (_fits_detail_sum(base, rate, num, den)
                                      or other_sum is not None and other_sum(base, rate, num, den)):
        yield CHECKED  # a total row's rate of the detail rows' true sum: the total is the slip (SUM001)
        return
    if not ratio_fits(rate, num, den) and explained_otherwise(rate, [f for f in facts if f.loc.col != rate.loc.col]):
        yield CHECKED  # (支出进度 of 上年结转 + 本年预算: the row's own figures give it another way)
        return
    if not ratio_fits(rate, num, den) and den.measure in BUDGET_MEASURES and term is _row_term \
            and not any(w in compact(rate.header) for w in BUDGET_LEVEL_WORDS):
        # (年初预算数 | 调整预算数 | 决算数 | 为预算%: a head naming no budget level may be of either)
        other = next((_row_term(facts, m, own, rate) for m in BUDGET_MEASURES if m != den.measure), None)
        if other is not None and ratio_fits(rate, num, other):
            yield CHECKED
            return
    yield from rate_against(base, rate, num, den, formula["rate"], formula.get("terms")
                             or f"{formula['numerator']} ÷ {formula['denominator']}")


def check_table_share(base: FactBase, rule):
    """A share column (占比, 占基本支出比重, 比重) beside an amount column: each row's share is its
    amount ÷ the amount of the row printing 100% (the whole the column is a share of). The
    amount is the row's nearest money figure left of the share; a column with no single 100%
    row names no whole, and is not judged."""
    rates = lexicon().rate_measures
    for facts in base.by_table.values():
        shares: dict[int, list[Fact]] = {}
        parent = tuple(rule.params["parent_share_words"])
        for f in facts:
            if f.unit == "%" and f.header and rates.last(compact(f.header)) == "占比" \
                    and not any(w in f.header for w in parent):
                shares.setdefault(f.loc.col, []).append(f)  # (占上级项目比重: each row's of its parent)
        for col, column in shares.items():
            # a share headed with its year (2024年占比) is of that year's amounts, wherever they
            # stand; a bare 占比 of the amounts right before it; a head naming what it is a share
            # of (占支出比重) of the column whose head names that; of a budget (决算数占调整后预算
            # 比例) a row's execution, no share of a whole
            period = column[0].period if names_period(column[0].header) else None
            of = SHARE_OF_RE.search(compact(column[0].header))
            of = of.group(1) if of else ""
            if of and lexicon().measures.last(of) in BUDGET_MEASURES:
                continue
            # (中小企业占比 beside 采购金额 | 授予中小企业合同金额: each row's one amount over
            # another of the same row, read before any share of a whole row)
            across = _row_wise_shares(base, facts, column, col)
            if across is not None:
                yield from across
                continue
            # the amounts under a head naming that whole (支出金额 for 占支出比重) if any, else those
            # of the amount column the shares fit best, the nearest on a tie (合计 | 基本支出 |
            # 项目支出 | 占比: the shares may be of the 合计 column, not of the one beside them)
            named = [f for f in facts if of and f.is_money and f.loc.col < col and of in compact(f.header or "")]
            amounts = _share_amounts(named or facts, col, period, column)
            if amounts is None:
                continue
            wholes = [f for f in column if f.value == 100 and f.loc.row in amounts]
            whole = amounts[wholes[0].loc.row]
            parent = None  # the row a 其中 run is part of, for the rows going on with the run
            for rate in column:
                part = amounts.get(rate.loc.row)
                if rate is wholes[0] or part is None:
                    continue
                if SUBROW_RE.match(part.label):
                    parent = _parent_row_amount(amounts, rate.loc.row)
                if parent is not None and parent.value and not ratio_fits(rate, part, whole) and ratio_fits(rate, part, parent):
                    yield CHECKED  # a 其中 row's share of the row it is part of (其中：人员经费 of 基本支出)
                    continue
                if not SUBROW_RE.match(part.label) and (parent is None or ratio_fits(rate, part, whole)):
                    parent = None  # (a row of the whole ends the run)
                yield from rate_against(base, rate, part, whole, f"占{whole.concept or '合计'}的比例",
                                         f"{part.concept or '该行'} ÷ {whole.concept or '合计'}")


def _row_wise_shares(base: FactBase, facts: list[Fact], column: list[Fact], col: int) -> list | None:
    """A share column whose rows print one amount of the row over another of the same row (采购金额
    | 授予中小企业合同金额 | 中小企业占比: the share of each row's own purchases; the pair as a
    rate column's formula is learned, rate_columns.row_formula): each row checked on that pair,
    a row breaking it a slip, a row another pair of its figures explains left alone. None when
    the rows follow no pair: the column is read as shares of a whole row."""
    found = row_formula(facts, column, col)
    if found is None:
        return None
    rows, num_col, den_col = found
    outcomes: list = []
    for rate in column:
        cells = rows.get(rate.loc.row, {})
        num, den = cells.get(num_col), cells.get(den_col)
        if num is None or den is None or not den.value or num.unit != den.unit:
            continue
        if not ratio_fits(rate, num, den) and explained_otherwise(rate, [cells[c] for c in sorted(cells) if c < col]):
            outcomes.append(CHECKED)
            continue
        num_name, den_name = (SUBROW_RE.sub("", bare_head(f.header)) or "该列" for f in (num, den))
        outcomes.extend(rate_against(base, rate, num, den, f"{num_name}占{den_name}的比例",
                                      f"{num_name} ÷ {den_name}（表中其余各行均按此计算）"))
    return outcomes


# the printed shares of the rows a 合计 row totals may add up to 100% give or take their tails and
# a tail moved to make 100%; one point leaves room for those, not for a row that is no part
SHARE_SUM_SLACK = Decimal(1)


def _whole_row(column: list[Fact], amounts: dict[int, Fact], whole_rate: Fact) -> bool:
    """The row printing 100% is the whole the column's shares are of: a 合计 (总计) row whose other
    rows (其中 rows out) print shares adding up to about 100%, or amounts adding up to its own.
    (A row of 100% among rates of each row's own, 工程 305.18 | 305.18 | 100.00, is no whole.)"""
    whole = amounts[whole_rate.loc.row]
    rows = [r for r in column if r is not whole_rate and r.loc.row in amounts]
    heading = _heads_its_list(rows, amounts, whole_rate)
    if not heading and not TOTAL_ROW_RE.match(whole.label or ""):
        return False
    top = rows if heading else _top_rows(rows, amounts)
    if len(top) < 2:
        return False
    shares = sum((r.value for r in top), Decimal(0))
    parts = [amounts[r.loc.row] for r in top]
    slack = whole.half_unit + sum((f.half_unit for f in parts), Decimal(0))
    return abs(shares - HUNDRED) <= SHARE_SUM_SLACK or abs(sum((f.value for f in parts), Decimal(0)) - whole.value) <= slack


def _heads_its_list(rows: list[Fact], amounts: dict[int, Fact], whole_rate: Fact) -> bool:
    """The 100% row stands first, over one 其中 list of all the rows after it (项目总投资 | 其中：项目
    资本金 | 专项债券 | 其他债务融资): a whole no total word names, its parts those rows (the shares or
    amounts adding up bear it out, as for a 合计)."""
    ordered = sorted(rows, key=lambda r: r.loc.row)
    return bool(ordered) and whole_rate.loc.row < ordered[0].loc.row \
        and [bool(SUBROW_RE.match(amounts[r.loc.row].label or "")) for r in ordered] == [True, *[False] * (len(ordered) - 1)]


def _top_rows(column: list[Fact], amounts: dict[int, Fact]) -> list[Fact]:
    """The shares of the rows a total adds up: no 其中 row, no 小计, and no row going on with a 其中
    run (基本支出 | 其中：人员经费 | 公用经费 | 项目支出: 公用经费 is 基本支出's too) while the run's
    amounts are short of the row it is part of."""
    top, run, parent = [], Decimal(0), None
    for rate in sorted(column, key=lambda r: r.loc.row):
        amount = amounts[rate.loc.row]
        label = amount.label or ""
        if SUBROW_RE.match(label):
            parent = parent if run else (amounts[top[-1].loc.row] if top else None)
            run += amount.value
        elif parent is not None and run < parent.value - parent.half_unit:
            run += amount.value  # (the run goes on: its parts do not yet make its parent)
        elif not SUBTOTAL_ROW_RE.match(label):
            top.append(rate)
            run, parent = Decimal(0), None
    return top


def _parent_row_amount(amounts: dict[int, Fact], row: int) -> Fact | None:
    """The amount of the nearest row above that is no 其中 row: the whole a 其中 row is part of."""
    for r in sorted((r for r in amounts if r < row), reverse=True):
        if not SUBROW_RE.match(amounts[r].label):
            return amounts[r]
    return None


def _share_amounts(facts: list[Fact], col: int, period, column: list[Fact]) -> dict[int, Fact] | None:
    """Row -> amount of the money column left of a share column that its shares fit best (most
    rows holding), the nearest on a tie; None when no column has one 100% row to be the whole."""
    by_col: dict[int, dict[int, Fact]] = {}
    for f in facts:
        if f.is_money and f.measure != "变动额" and f.loc.col < col and period in (None, f.period):
            by_col.setdefault(f.loc.col, {}).setdefault(f.loc.row, f)
    best, best_key = None, None
    for c, amounts in by_col.items():
        wholes = [f for f in column if f.value == 100 and f.loc.row in amounts]
        if len(wholes) != 1 or amounts[wholes[0].loc.row].value == 0 or not _whole_row(column, amounts, wholes[0]):
            continue
        whole = amounts[wholes[0].loc.row]
        fits = sum(1 for rate in column if rate.loc.row in amounts and rate is not wholes[0]
                   and ratio_fits(rate, amounts[rate.loc.row], whole))
        key = (fits, c)
        if best_key is None or key > best_key:
            best, best_key = amounts, key
    return best


TOTAL_ROW_RE = re.compile(r"^\s*(?:合\s*计|总\s*计)|^.{0,12}(?:合计|总计)\s*$")  # (合计, 总计; 收入合计 closing its rows)
SUBTOTAL_ROW_RE = re.compile(r"^\s*小\s*计")


def _fits_detail_sum(base: FactBase, rate: Fact, num: Fact, den: Fact) -> bool:
    """A 合计 (or 小计) row's rate fitting the sum of the rows it totals (the same column's figures
    of the same measure, 其中 rows out; a 小计's, the rows right above it up to its group's
    heading) where it does not fit the printed total: the total is misprinted, and the rate,
    computed from the detail, is right."""
    summed = detail_sum(base, num)
    return summed is not None and ratio_fits(rate, summed, den)


def detail_sum(base: FactBase, total: Fact) -> Fact | None:
    """A 合计 (or 小计) row's cell as the rows it totals add it up (the same column's figures of the
    same measure, 其中 rows out; a 小计's, the rows right above it up to its group's heading)."""
    column = [f for f in base.by_table.get(total.block, ()) if f.loc.col == total.loc.col and f is not total
              and f.measure == total.measure and f.period == total.period and f.unit == total.unit]
    if SUBTOTAL_ROW_RE.match(total.label or ""):
        detail = _group_above(column, total.loc.row)
    elif TOTAL_ROW_RE.match(total.label or ""):
        detail = [f for f in column if not SUBROW_RE.match(f.label or "") and not TOTAL_ROW_RE.match(f.label or "")
                  and not SUBTOTAL_ROW_RE.match(f.label or "")]
    else:
        return None
    if len(detail) < 2:
        return None
    return replace(total, value=sum((f.value for f in detail), Decimal(0)), places=max(f.places for f in detail))


def _group_above(column: list[Fact], row: int) -> list[Fact]:
    """The figures of the rows right above `row`, up to a row without one (the group's heading)
    or another total's."""
    by_row = {f.loc.row: f for f in column}
    group, r = [], row - 1
    while r in by_row and not (SUBTOTAL_ROW_RE.match(by_row[r].label or "") or TOTAL_ROW_RE.match(by_row[r].label or "")):
        group.append(by_row[r])
        r -= 1
    return group


def forecast(head: str) -> bool:
    """A column head naming a forecast (预计全年执行数, 预计执行率), as the fact reader tells one."""
    return names_forecast(compact(head or ""), lexicon())


def _headed_term(facts: list[Fact], words: list[str], rate: Fact, by_label: bool) -> Fact | None:
    """The row's amount whose column head holds one of the words (合同金额, 已支付), the nearest left
    of the rate; a formula's terms of one measure are told apart so. `by_label`: the rates are a
    row under the rows of their terms (`facts` the run above the rate): the nearest above whose
    row label holds one."""
    side = "row" if by_label else "col"
    headed = [f for f in facts if f.is_money and getattr(f.loc, side) is not None and getattr(rate.loc, side) is not None
              and getattr(f.loc, side) < getattr(rate.loc, side)
              and any(w in compact(f.label if by_label else f.header) for w in words)]
    return max(headed, key=lambda f: getattr(f.loc, side)) if headed else None


def _row_term(facts: list[Fact], name: str, scored: bool, rate: Fact) -> Fact | None:
    """The row's figure a formula names: by its concept (实有人数), else by its measure (决算, 全年
    预算: the row's 全年执行数 and 全年预算数). A row stating that measure more than once takes the
    nearest left of the rate (全年预算 | 1-6月执行 | 执行率 | 预计全年执行 | 预计执行率: each rate
    is of the columns before it)."""
    found = next((f for f in facts if f.concept == name), None)
    if found is not None or scored:
        return found
    # (a rate of last year's (上年同期执行进度) is of last year's figures; a forecast's rate, 预计执行率,
    # of the forecast's, whose cells no other rate reads as what was done)
    if name in OUTCOME_MEASURES and forecast(rate.header):
        name = FORECAST
    # (an indicator's own figures in %, 治理率 ≥45% | 41%, are the terms of its completion; no other
    # rate of the row is: 执行率 beside the amounts names another thing than the row's)
    measured = [f for f in facts if f.measure == name and f.period == rate.period
                and (f.unit not in ("%", "‰", "个百分点") or f.unit == "%" and f is not rate
                     and f.concept is not None and f.concept == rate.concept)]
    if len(measured) <= 1:
        return measured[0] if measured else None
    # (a head naming the measure, 实际支出, before one read as it only for want of another word:
    # 预算数 | 实际支出 | 结余 | 执行率 is of 实际支出, not of the balance nearer the rate)
    measures = lexicon().measures
    measured = [f for f in measured if measures.last(compact(f.header)) == name] or measured
    before = [f for f in measured if f.loc.col is not None and rate.loc.col is not None and f.loc.col < rate.loc.col]
    return max(before, key=lambda f: f.loc.col) if before else None


BUDGET_LEVEL_WORDS = ("年初", "调整", "全年")  # words of a rate's head naming the budget it is of (完成调整预算%)

