"""Sub-check `row_change` of kind `derived`: a table row's change on last year, 增减额 = 本年 −
上年 and 增减率 = 增减额 ÷ 上年, read from the row's two years' figures (or a stock's two ends)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ...facts.base import Fact, FactBase
from ...facts.base.grids import bare_head
from ...facts.base.model import CURRENT, FORECAST, LATER, OUTCOME_MEASURES, PRIOR
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, fmt
from ...knowledge import compact
from ..base import CHECKED, Hit
from .intervals import HUNDRED, bounds, consistent, rate_hit, difference_hit, ratio_fits
from .lookup import YEAR_NUMBER_RE
from .row_rates import table_rows, forecast


def check_row_change(base: FactBase, rule):
    """A row stating one thing's figure for this year and for last year beside its change
    (增减额) and/or the change's rate (增减率): 增减额 = 本年 − 上年, 增减率 = 增减额 ÷ 上年, each
    figure the interval its print allows. Signs are the table's: −2.00 is a fall. A change
    column whose head names its base (决算数较预算数增减) compares other figures: left alone."""
    rate_words = lexicon().rate_measures
    for facts in table_rows(base):
        hits: list[tuple[str, Fact, Hit, tuple[Fact, Fact]]] = []  # (change / rate, its figure, hit, pair)
        flows = _flow_columns(facts)
        for f in facts:
            # a % figure under a head naming a rate (增减率 under a 比上年增减 group) is a rate
            is_rate = f.unit == "%" and rate_words.last(compact(f.header)) == "变动率"
            is_change = not is_rate and f.measure == "变动额"
            if not (is_change or is_rate) or f.id in flows:
                continue
            cues = rule.params["base_cues"]
            years = _years_named(facts, f.header, cues)
            if years is not None:
                # (2027年比2026年增长（%）: the two years' columns the head names, whatever the report's year)
                (current, later_year), (prior, earlier_year) = years
                pair = (current, prior)
                now, then, basis = f"{later_year}年", f"{earlier_year}年", f"{later_year}年数与{earlier_year}年数"
            else:
                on_last_year, measure = _change_head(f.header, cues, rule.params["other_period_cues"], base.year)
                pair = _group_year_pair(facts, f.header, base.year, cues) if on_last_year else None
                basis = f"{base.year + 1}年数与{base.year}年数" if pair else "本年数与上年数"
                ends, now, then = None, "本年", "上年"
                if pair is None and on_last_year and not _names_other_year(f.header, base.year, cues):
                    pair = _year_pair(facts, measure)
                    if pair is None and measure is None:
                        ends, basis, now, then = _row_ends(facts, rule.params)
                        pair = ends
                if pair is None:
                    continue
                current, prior = _on_named_base(facts, f.header, cues, pair) if ends is None else pair
            if is_change and _same_family(f, current):
                yield CHECKED
                hit = difference_hit(f, current, prior, 1, None, "增减额",  # signed: the table prints −2.00
                                      f"{now} {current.with_unit()} − {then} {prior.with_unit()}（{current.where()}；{prior.where()}）",
                                      quote=f.quote, stated=f.text, highlights=(current.loc, prior.loc))
            elif is_rate and bounds(prior)[0] > 0:  # nothing last year: no rate of change
                yield CHECKED
                hit = _row_growth(f, current, prior, now, then)
            else:
                continue
            if hit is not None:
                hit.fields["basis"] = basis
                hits.append(("rate" if is_rate else "change", f, hit, pair))
        yield from _told_once(hits)


def _flow_columns(facts: list[Fact]) -> set[int]:
    """The row's amounts under a head naming only a rise (本年增加) when another names only a fall
    (本年减少): a balance's inflow and outflow between its opening and closing (SUM008 sums
    them), neither of them the net change the closing and opening figures differ by, nor its rate
    (a bare 本年增加 reads as a rise's rate; a head printing % or ending in 率 does name one)."""
    directions = lexicon().directions
    ups, downs = [], []
    for f in facts:
        head = compact(f.header)
        if f.measure in ("变动额", "变动率") and "%" not in head and not bare_head(head).endswith("率"):
            kinds = {kind for _, _, kind in directions.all(head)}
            if kinds == {"up"}:
                ups.append(f.id)
            elif kinds == {"down"}:
                downs.append(f.id)
    return set(ups + downs) if ups and downs else set()


def _on_named_base(facts: list[Fact], header: str, cues: list[str], pair: tuple[Fact, Fact]) -> tuple[Fact, Fact]:
    """The pair of years, its last year's figure the one the head names as the base (比上年预计执行数
    增长%: on last year's forecast outturn, not on last year's budget beside it) where the row states
    exactly one such."""
    current, prior = pair
    base_words = _head_split(header, cues)[1]
    named = next((m[2] for m in lexicon().measures.all(base_words) if m[2] != "变动额"), None)
    if named in OUTCOME_MEASURES and forecast(base_words):
        named = FORECAST  # (比上年预计执行数: the forecast's column, whose cells are no outturn)
    if named is None or prior.measure == named:
        return pair
    of_base = [g for g in facts if g.period == prior.period and g.measure == named and g.unit == prior.unit]
    return (current, of_base[0]) if len(of_base) == 1 else pair


def _told_once(hits: list[tuple]) -> list[Hit]:
    """The row's hits, those of one pair of years whose change and rate point at one of the two
    figures (see _year_slip) told once as that figure's."""
    out, by_pair = [], {}
    for kind, f, hit, pair in hits:
        by_pair.setdefault((pair[0].id, pair[1].id), {}).setdefault(kind, []).append((f, hit, pair))
    for kinds in by_pair.values():
        one = {kind: found[0] for kind, found in kinds.items() if len(found) == 1}
        slip = _year_slip(one) if len(one) == len(kinds) else None
        out.extend(slip or [hit for found in kinds.values() for _, hit, _ in found])
    return out


def _year_slip(hits: dict) -> list[Hit] | None:
    """One hit on a year's figure where the row's change and rate both fail against it but agree
    with each other on the other year's (526.40 | 489.20 | 28.20 | 5.66: 28.20 ÷ (526.40 − 28.20)
    is 5.66%, so last year's is 498.20, misprinted): that figure is the slip, not the two."""
    if set(hits) != {"change", "rate"}:
        return None
    (change, _, (current, prior)), (rate, _, _) = hits["change"], hits["rate"]
    delta = change.in_yuan()
    factor = MONEY_UNITS.get(prior.unit, Decimal(1)) if prior.is_money else Decimal(1)
    for wrong, right_value, label in ((prior, current.in_yuan() - delta, "上年数"),
                                      (current, prior.in_yuan() + delta, "本年数")):
        base_value = right_value if wrong is prior else prior.in_yuan()
        if base_value <= 0:
            continue
        fixed = replace(wrong, value=right_value / factor)
        other = current if wrong is prior else prior
        if ratio_fits(replace(rate, value=abs(rate.value)), replace(change, value=abs(change.value)), fixed if wrong is prior else prior):
            shown = fmt(right_value / factor, wrong.places, wrong.text)
            return [Hit(quote=wrong.quote, location=wrong.loc, stated=wrong.text, expected=shown,
                        formula=f"{label}：{other.text} {'−' if wrong is prior else '+'} 增减额 {change.text} = {shown}；"
                                f"增减率 {rate.text} 与增减额 {change.text} 也按此相符（同行的增减额、增减率两处都与该数不符）",
                        fields={"rate": wrong.text, "computed": shown, "relation": f"{wrong.label or '该行'}的{label}",
                                "basis": f"{'本年数' if wrong is prior else '上年数'}与增减额、增减率"},
                        highlights=[change.loc, rate.loc, other.loc])]
    return None


def _change_head(header: str, cues: list[str], other_periods: list[str] = (),
                 year: int | None = None) -> tuple[bool, str | None]:
    """(whether a change column is one on last year, the measure it compares): “决算数比上年
    增减额” is 决算's on last year; “决算数较预算数增减” compares with the budget, not last year;
    a change on another period (环比增减率, 较上季度) neither, nor one on a year before last
    (2025年比2023年增长 in a 2025 budget); a head naming no base (增减额, 决算数增减率) is on last year."""
    lex = lexicon()
    head = compact(header)
    if any(w in head for w in other_periods):
        return False, None
    at = min((k for k in (head.find(c) for c in cues) if k >= 0), default=-1)
    left, right = (head[:at], head[at:]) if at >= 0 else (head, "")
    named_years = [int(y) for y in YEAR_NUMBER_RE.findall(right)]
    if year and named_years and named_years[0] != year - 1:
        return False, None
    if right and not (lex.prior.search(right) or YEAR_NUMBER_RE.search(right)):
        if any(m[2] != "变动额" for m in lex.measures.all(right)):
            return False, None  # 较预算数, 比年初预算: another base than last year
    named = [m[2] for m in lex.measures.all(left) if m[2] != "变动额"]
    return True, named[-1] if named else None


def _years_named(facts: list[Fact], header: str, cues: list[str]) -> tuple[tuple[Fact, int], tuple[Fact, int]] | None:
    """((the later year's figure, its year), (the earlier's, its year)) of a change column whose head
    names one year before its base cue and another after it (2027年比2026年增长（%）), each the row's
    one figure under a head naming that year alone; None otherwise."""
    left, right = _head_split(header, cues)
    first, second = set(YEAR_NUMBER_RE.findall(left)), set(YEAR_NUMBER_RE.findall(right))
    if len(first) != 1 or len(second) != 1 or first == second:
        return None
    amounts = _row_figures(facts)

    def of_year(year: str) -> Fact | None:
        found = [f for f in amounts if set(YEAR_NUMBER_RE.findall(compact(f.header))) == {year}
                 and not cues_in(f.header, cues)]
        return found[0] if len(found) == 1 else None
    later, earlier = of_year(first.pop()), of_year(second.pop())
    if later is None or earlier is None or not _same_family(later, earlier):
        return None
    return (later, int(YEAR_NUMBER_RE.findall(compact(later.header))[0])), \
        (earlier, int(YEAR_NUMBER_RE.findall(compact(earlier.header))[0]))


def cues_in(header: str, cues: list[str]) -> bool:
    """A head holding a base cue (比, 较): a change's column, no year's figure."""
    return any(c in compact(header) for c in cues)


def _head_split(header: str, cues: list[str]) -> tuple[str, str]:
    """A change column's head (compacted) before and from its base cue (比, 较)."""
    head = compact(header)
    at = min((k for k in (head.find(c) for c in cues) if k >= 0), default=len(head))
    return head[:at], head[at:]


def _head_year(header: str, cues: list[str]) -> int | None:
    """The one year a change column's head names before its base (2026年 over 比上年执行数增长%
    in a table of 2025's execution and 2026's budget: the change of 2026's figure)."""
    years = set(YEAR_NUMBER_RE.findall(_head_split(header, cues)[0]))
    return int(years.pop()) if len(years) == 1 else None


def _names_other_year(header: str, year: int | None, cues: list[str]) -> bool:
    named = _head_year(header, cues)
    return bool(year) and named is not None and named != year


def _group_year_pair(facts: list[Fact], header: str, year: int | None, cues: list[str]) -> tuple[Fact, Fact] | None:
    """A change column in the next year's group (2026年 | 比上年执行数增长%, beside 2025年's 预算数 and
    执行数): (next year's figure, this year's figure of the measure the head compares with, else
    of the next year's measure); None for any other column."""
    if not year or _head_year(header, cues) != year + 1:
        return None
    amounts = _row_figures(facts)
    later = [f for f in amounts if f.period == LATER]
    if len(later) != 1:
        return None
    named = [m[2] for m in lexicon().measures.all(_head_split(header, cues)[1]) if m[2] != "变动额"]
    measure = named[-1] if named else later[0].measure
    current = [f for f in amounts if f.period == CURRENT and f.measure == measure]
    if len(current) != 1 or not _same_family(later[0], current[0]):
        return None
    return later[0], current[0]


def _row_figures(facts: list[Fact]) -> list[Fact]:
    """The row's figures of a thing, no changes or rates: amounts, and a count printed bare under
    its years (出院人次 | 12,380 | 12,905), which is a figure of the row as an amount is; a bare
    figure of another measure says too little of what it is."""
    return [f for f in facts if f.unit not in ("%", "‰") and f.measure != "变动额" and (f.unit or f.measure == "实际值")]


def _year_pair(facts: list[Fact], measure: str | None = None) -> tuple[Fact, Fact] | None:
    """(this year's, last year's) figure of the row: the only one of each, else the one pair of
    the same measure and dimension (本年决算数 / 上年决算数 beside 本年预算数); of `measure`
    when the change's head names one (决算数增减额)."""
    if any(f.measure in ("分值", "得分") for f in facts):
        return None  # a scored row: the score rules judge it
    amounts = _row_figures(facts)
    current = [f for f in amounts if f.period == CURRENT and measure in (None, f.measure)]
    prior = [f for f in amounts if f.period == PRIOR and measure in (None, f.measure)]
    if len(current) == 1 and len(prior) == 1:
        pairs = [(current[0], prior[0])]
    else:
        pairs = [(c, p) for c in current for p in prior if c.measure == p.measure and c.member == p.member]
    if len(pairs) > 1 and len(prior) == 1 and len(current) >= 3:
        # (行政单位 | 事业单位 | 合计 | 上年数: the one figure of last year is the total's)
        total = _sum_of_others(current)
        pairs = [(total, prior[0])] if total is not None and any(c is total for c, _ in pairs) else pairs
    if len(pairs) != 1 or not _same_family(*pairs[0]):
        return None
    return pairs[0]


def _sum_of_others(facts: list[Fact]) -> Fact | None:
    """The one figure of a row that is the sum of its others within their print (行政单位 23,518 |
    事业单位 41,762 | 合计 65,280): the row's total; None if none is, or the figures are of kinds."""
    if not all(_same_family(f, facts[0]) for f in facts):
        return None
    places = max(f.places for f in facts)
    spans = [bounds(f, places) for f in facts]
    low, high = sum(lo for lo, _ in spans), sum(hi for _, hi in spans)
    # (f is the others' sum where f's interval meets theirs: their sum's bounds less f's own)
    found = [f for f, (lo, hi) in zip(facts, spans) if lo <= high - hi and low - lo <= hi]
    return found[0] if len(found) == 1 else None


def _row_ends(facts: list[Fact], params: dict) -> tuple[tuple[Fact, Fact] | None, str, str, str]:
    """(the pair, the basis, the two figures' names) of a row of this year's figures only whose
    change names no base: a stock's closing and opening figures (年末数 | 年初数 | 增减率), else the
    year's outturn and its budget (预算数 | 决算数 | 增减额 | 增减率: the outturn's change on the budget)."""
    ends = _year_ends(facts, params["closing_heads"], params["opening_heads"])
    if ends is not None:
        return ends, "年末数与年初数", "年末", "年初"
    ends = _year_ends(facts, params["outturn_heads"], params["budget_heads"])
    return ends, "决算数与预算数", "决算", "预算"


def _year_ends(facts: list[Fact], closing: list[str], opening: list[str]) -> tuple[Fact, Fact] | None:
    """(the closing, the opening) figure of a stock in a row of this year's figures only, its two
    ends by their heads (年末数 | 年初数 | 增减率): one of each; None otherwise."""
    amounts = _row_figures(facts)
    if not closing or not opening or any(f.period != CURRENT for f in amounts):
        return None
    ends = [[f for f in amounts if any(w in compact(f.header) for w in words)] for words in (closing, opening)]
    if len(ends[0]) != 1 or len(ends[1]) != 1 or ends[0][0] is ends[1][0] or not _same_family(ends[0][0], ends[1][0]):
        return None
    return ends[0][0], ends[1][0]


def _same_family(a: Fact, b: Fact) -> bool:
    """Money with money (万元 against 元 is converted), a quantity with the same unit."""
    return a.is_money == b.is_money and (a.is_money or a.unit == b.unit)


def _row_growth(rate: Fact, current: Fact, prior: Fact, now: str = "本年", then: str = "上年") -> Hit | None:
    """The rate against (current − prior) ÷ prior; last year's figure is above 0 (`now`, `then`:
    the two figures' names in the formula, 年末 and 年初 for a stock's two ends)."""
    (c_lo, c_hi), (p_lo, p_hi) = bounds(current), bounds(prior)
    # c ÷ p is monotonic in each of them where p > 0: its range is at the corners
    corners = [c / p for c in (c_lo, c_hi) for p in (p_lo, p_hi)]
    lo, hi = (min(corners) - 1) * HUNDRED, (max(corners) - 1) * HUNDRED
    if consistent(rate, lo, hi):
        return None
    computed = (current.in_yuan() / prior.in_yuan() - 1) * HUNDRED
    hit = rate_hit(rate, computed, "增减率", f"（{now} {current.with_unit()} − {then} {prior.with_unit()}）÷ {then} {prior.with_unit()} "
               f"= {fmt(computed)}%（{current.where()}；{prior.where()}）", signed=True)
    hit.highlights = [current.loc, prior.loc]
    return hit
