"""Arithmetic on intervals for the `derived` checks: every printed number is ± half a unit of
its last digit, so a rate is consistent when the interval its inputs allow meets its own. Also
the formulas and findings they make (rate_hit, difference_hit, rate_against) and the tests of
a printing tail or a misrounding."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ...facts.agreement import restates, round_hedge, widen_by_hedge
from ...facts.base import Fact, FactBase
from ...facts.base.model import CURRENT, PRIOR
from ...facts.lexicon import lexicon
from ...facts.numbers import MONEY_UNITS, fmt, half_unit
from ..base import CHECKED, TAIL_NOTE, Hit


HUNDRED = Decimal(100)


def bounds(f: Fact, places: int | None = None) -> tuple[Decimal, Decimal]:
    return f.yuan_interval(places)


def ratio_bounds(num: Fact, den: Fact) -> tuple[Decimal, Decimal] | None:
    """The range of num ÷ den in %, each read at the finer of the two printed precisions."""
    places = max(num.places, den.places)
    n_lo, n_hi = bounds(num, places)
    d_lo, d_hi = bounds(den, places)
    if d_lo <= 0:
        return None
    return n_lo / d_hi * HUNDRED, n_hi / d_lo * HUNDRED


def exact_ratio(num: Fact, den: Fact) -> Decimal:
    return num.in_yuan() / den.in_yuan() * HUNDRED


def formula_operands(a: Fact, b: Fact) -> tuple[str, str]:
    """Two amounts of a quotient as its formula prints them: as printed, with their unit, where they are in one unit.
    Amounts in two (4.21万元 in the text, 45,000.00 in a table in 元): a table's figure in the unit
    of the amount the text states, with it (4.50万元), so the division reads as it was done; a
    figure the text states stays as printed, with its unit (a finding blaming it is found in the
    formula, findings.drop_consequences); figures from tables alone, each with its own unit."""
    if a.is_money and b.is_money and a.unit == b.unit:
        # (one unit: each with it, a table's cell too, 42.18万元 ÷ 45.13万元, not ÷ 45.13)
        return a.with_unit(), b.with_unit()
    if a.unit == b.unit or not (a.is_money and b.is_money):
        return a.text, b.text
    stated = next((f for f in (a, b) if f.source == "text"), None)
    if stated is None:
        return a.with_unit(), b.with_unit()
    return tuple(f.with_unit() if f.source == "text" else _in_unit(f, stated) for f in (a, b))


def _in_unit(fact: Fact, ref: Fact) -> str:
    """`fact`'s amount in `ref`'s unit, exactly: at `ref`'s printed places, or more where the
    conversion needs them (41,234.56元 is 4.123456万元, not 4.12)."""
    if fact.unit == ref.unit:
        return fact.with_unit()
    value = fact.in_yuan() / MONEY_UNITS[ref.unit]
    places = max(ref.places, -min(0, value.normalize().as_tuple().exponent))
    return f"{fmt(value, places, ref.text)}{ref.unit}"


def consistent(rate: Fact, lo: Decimal, hi: Decimal) -> bool:
    """The rate's interval meets [lo, hi]; a rate a word says is round (约占60%, 55%左右, 近30%) is
    widened on the side the word allows, as a round amount is (agreement.widen_by_hedge)."""
    r_lo, r_hi = rate.interval()
    hedge = round_hedge(rate) if rate.source == "text" else ""
    if hedge:
        r_lo, r_hi = widen_by_hedge(rate, r_lo, r_hi, Decimal(1), hedge)
    return r_lo <= hi and lo <= r_hi


def unit_slip(rate: Fact, num: Fact, den: Fact) -> bool:
    """The rate holds on the printed digits but not in the printed units (17.67万元 ÷ 17.8元):
    a unit slip, which the unit and restatement rules report; the rate itself is right."""
    if num.unit == den.unit or not (num.is_money and den.is_money) or den.value <= 0:
        return False
    n_lo, n_hi = num.interval()
    d_lo, d_hi = den.interval()
    return d_lo > 0 and consistent(rate, n_lo / d_hi * HUNDRED, n_hi / d_lo * HUNDRED)


def rate_hit(rate: Fact, computed: Decimal, relation: str, formula: str, quote: str | None = None,
         operands: tuple = (), signed: bool = False, than: str = "上年") -> Hit:
    """`operands`: the facts the rate was worked out from, highlighted with it. `signed`: the rate
    computed with its sign (a table's change column), not as the size of a rise or a fall. `than`:
    the base's name in the notes on multiples (上年, 所比年度)."""
    # (a fall printed with its minus, 增长-8.5%: the figure it should be, printed the same way)
    minus = "-" if rate.text[:1] in "-－−" and computed > 0 and not signed else ""
    shown = f"{minus}{fmt(computed, max(rate.places, 2))}%"
    if rate.places < 0:  # (a rise said in multiples, 增长1.5倍: the multiple it should be, and its %)
        shown = f"{fmt(computed / HUNDRED, 2)}倍（{shown}）"
        low, high = rate.interval()
        if rate.measure == "变动率" and low <= computed + HUNDRED <= high:
            formula += (f"；本年为{than}的 {fmt(computed / HUNDRED + 1, 2)} 倍：“增长 N 倍”是比{than}多出 N 倍，"
                        f"所写倍数是本年与{than}之比，不是增长的倍数")
        elif rate.measure == "变动率" and lexicon().doubling.fullmatch(rate.text):
            formula += (f"；“{rate.text}”即本年为{than}的 {fmt(rate.value / HUNDRED + 1, 0)} 倍，"
                        f"按两数为 {fmt(computed / HUNDRED + 1, 2)} 倍")
    tail = tail_of(rate, computed)
    misround = misrounded(rate, computed)
    if misround:
        formula += f"；按所印整数位四舍五入应为 {fmt(computed, 0)}%"
    return Hit(quote=quote or rate.quote, location=rate.loc, stated=rate.text,
               expected=f"{minus}{fmt(computed, 0)}%" if misround else shown,
               formula=formula, fields={"rate": rate.text, "computed": shown, "relation": relation,
                                        **({"rounding_note": TAIL_NOTE} if tail else {})},
               cls="rounding" if tail else None, severity="warning" if misround else None,
               highlights=[rate.loc, *(f.loc for f in operands)] if operands else [])


def tail_of(fact, computed: Decimal) -> bool:
    """One unit of the last printed digit off (95.457% printed 95.45%): truncated, not rounded;
    a printing tail, not an error (a fact, or a cell's Quantity: anything with value and places)."""
    return fact.places > 0 and abs(computed - fact.value) <= half_unit(fact.places) * 3


def misrounded(fact: Fact, computed: Decimal) -> bool:
    """A whole-number rate one point from the right one, the quotient between them (89.40% printed
    90%): rounded the wrong way, not a different relation; a warning that names the right figure.
    One unit of a printed decimal is a tail (tail_of); a whole point is too much to be a note. Only
    from MISROUND_FLOOR up, where a point is a tenth of the rate at most (1% for 0.10%, 3% for 2.01%
    are other figures, not other roundings)."""
    return fact.places == 0 and computed >= MISROUND_FLOOR and abs(computed - fact.value) < 1


MISROUND_FLOOR = 10


def difference_hit(change: Fact, later: Fact, earlier: Fact, sign: int, words: tuple[str, str] | None,
                    relation: str, terms: str, quote: str, stated: str, rate: str | None = None,
                    highlights: tuple = (), direction_elsewhere: bool = False) -> Hit | None:
    """A stated change (增减额, 增减百分点) against later − earlier, or None when they fit. `words`
    say the difference's direction (增加 / 减少); None: the change is printed signed (a table's
    −2.00) and so is the difference. `direction_elsewhere`: a change stated the wrong way (or
    where nothing changed) is another rule's finding (DIR002), not this one's."""
    misfit = difference_misfit(change, later, earlier, sign)
    if misfit is None:
        return None
    if difference_unit_slip(change, later, earlier, sign):
        return _slipped_unit_hit(change, later, earlier, terms)
    diff, wrong_way = misfit
    if words is None:  # signed figures: the wrong way is a sign the difference does not have
        wrong_way = diff != 0 and change.value != 0 and (diff > 0) != (change.value > 0)
    if direction_elsewhere and (wrong_way or diff == 0):
        return None
    places = max(change.places, later.places, earlier.places)
    # (thousands grouped as the document groups them: 增加24,879.82万元 beside 2,998.57)
    like = "".join(f.text for f in (change, later, earlier))  # (fmt groups where any of them does)
    if words is None:
        shown = fmt(diff, places, like)
    else:
        shown = f"{words[0] if diff > 0 else words[1] if diff < 0 else '持平，'}{fmt(abs(diff), places, like)}{change.unit}"
    tail = tail_of(change, diff if words is None else abs(diff)) and not wrong_way
    return Hit(quote=quote, location=change.loc, stated=stated, expected=shown,
               formula=f"{terms} = {fmt(diff, places, like)}{change.unit}",
               fields={"rate": rate or (f"{words[0] if sign > 0 else words[1]}{change.text}" if words and sign
                                        else change.text), "computed": shown, "relation": relation,
                       **({"rounding_note": TAIL_NOTE} if tail else {})},
               highlights=list(highlights), cls="rounding" if tail else None)


def _slipped_unit_hit(change: Fact, later: Fact, earlier: Fact, terms: str) -> Hit | None:
    """The one of the two figures printed in another unit than the change (215.36元 beside 227.84万元
    and 减少12.48万元), told as a unit slip: read in the change's unit the change holds. None where
    neither or both are in the change's unit (which slipped, the figures do not say)."""
    odd = [f for f in (later, earlier) if f.unit != change.unit]
    if len(odd) != 1:
        return None
    slipped = odd[0]
    meant = f"{slipped.text.removesuffix(slipped.unit)}{change.unit}"
    return Hit(quote=slipped.quote, location=slipped.loc, stated=slipped.text, expected=meant, cls="unit_error",
               formula=f"按 {meant} 计：{terms.replace(slipped.text, meant)} = {change.text}，与所写相符；"
                       f"按“{slipped.unit}”计则不符，应为单位笔误",
               fields={"rate": slipped.text, "computed": meant,
                       "relation": {PRIOR: "上年金额的单位", CURRENT: "本年金额的单位"}.get(slipped.period, "金额的单位")
                       if later.period != earlier.period else "金额的单位"},
               highlights=[change.loc, (earlier if slipped is later else later).loc])


def difference_unit_slip(change: Fact, later: Fact, earlier: Fact, sign: int) -> bool:
    """The change holds on the printed digits but not in the printed units (215.36元 this year,
    227.84万元 last year, 减少12.48万元): a unit slip of one of the two (told so, _slipped_unit_hit),
    not a change to work out again in the printed units."""
    money = (change, later, earlier)
    if not all(f.is_money and f.unit in MONEY_UNITS for f in money) or later.unit == earlier.unit:
        return False
    as_change = [f if f.unit == change.unit else replace(f, unit=change.unit) for f in (later, earlier)]
    return difference_misfit(change, *as_change, sign) is None


def difference_misfit(change: Fact, later: Fact, earlier: Fact, sign: int) -> tuple[Decimal, bool] | None:
    """later − earlier against a change stated with `sign` (+1 up, −1 down, 0 unsaid: its size
    only), each figure the interval its print allows: None when they fit, else (the difference in
    the change's unit, whether the change is stated the wrong way)."""
    (l_lo, l_hi), (e_lo, e_hi), (c_lo, c_hi) = bounds(later), bounds(earlier), round_bounds(change)
    lo, hi = l_lo - e_hi, l_hi - e_lo
    if sign < 0 or (sign == 0 and hi <= 0):
        lo, hi = -hi, -lo  # a fall is stated as a positive amount
    elif sign == 0 and lo < 0:
        lo, hi = Decimal(0), max(-lo, hi)
    if c_lo <= hi and lo <= c_hi:
        return None
    diff = (later.in_yuan() - earlier.in_yuan()) / MONEY_UNITS.get(change.unit, Decimal(1))
    return diff, sign != 0 and diff != 0 and (diff > 0) != (sign > 0)


def round_bounds(f: Fact) -> tuple[Decimal, Decimal]:
    """A figure's interval, widened where a word before it says it is round (相差近30个百分点: up to
    a share of it below; 约7个百分点: either side)."""
    return widen_by_hedge(f, *bounds(f), MONEY_UNITS.get(f.unit, Decimal(1)), round_hedge(f, any_digits=True),
                          open_ended=True)  # (a rate or a change said 超过 is a floor of it)


def ratio_fits(rate: Fact, num: Fact, den: Fact) -> bool:
    span = ratio_bounds(num, den)
    if span is None:
        return False
    if consistent(rate, *span):
        return True
    # a table cell printing the rate as a fraction without a % (得分率 0.975, 执行率 0.98): the
    # same rate, a hundredth of it
    return rate.source == "table" and "%" not in rate.text and "％" not in rate.text and 0 < rate.value <= 1 \
        and consistent(replace(rate, value=rate.value * HUNDRED, places=max(rate.places - 2, 0)), *span)


def rate_against(base: FactBase, rate: Fact, num: Fact | None, den: Fact | None, relation: str, words: str):
    if num is None or den is None or den.value == 0:
        return
    if rate.source == "text" and _after_unread(base, rate, num, den):
        return  # (全年预算数为104.00.00万元…，执行率100.00%: of the figure no one can read, maybe; PAT001 tells it)
    span = ratio_bounds(num, den)
    yield CHECKED
    if span is None or ratio_fits(rate, num, den) or unit_slip(rate, num, den):
        return
    computed = exact_ratio(num, den)
    first = min((num, den), key=lambda f: (f.source != "text", f.id))
    where = num.where() if num.where() == den.where() else f"{num.where()}；{den.where()}"
    # (a rate that is what is left, 100% less the rate, states the shortfall under its name)
    rest = "" if not consistent(rate, HUNDRED - span[1], HUNDRED - span[0]) else \
        f"；写作的 {rate.text} 恰为 100% − {fmt(computed)}%，是未完成（减少）的比例"
    shown = formula_operands(num, den)
    yield rate_hit(rate, computed, relation, f"{words}：{shown[0]} ÷ {shown[1]} = {fmt(computed)}%（{where}）{rest}"
                   + _slipped_operand(base, rate, num, den), quote=base.span(first, rate), operands=(num, den))


def _slipped_operand(base: FactBase, rate: Fact, num: Fact, den: Fact) -> str:
    """A note where the text's amount over the base may be the slip, not the rate: a table row states
    the same base and, beside it, an amount of the text's measure the rate fits (全年预算数1950.36万元，
    全年执行数1856.42万元，预算执行率95.64% over 合计 | 1950.36 | 1865.42 | 95.64%)."""
    if num.source != "text" or not num.is_money:
        return ""
    for cell in (f for facts in base.by_table.values() for f in facts):
        # (the same figure, in the text's unit or in a table printing none)
        if cell.measure == den.measure and (cell.value == den.value and not cell.unit or restates(cell, den)):
            beside = [f for f in base.by_table.get(cell.block, ()) if f.loc.row == cell.loc.row
                      and f.measure == num.measure and (f.is_money or not f.unit) and f is not cell]
            fitting = [f for f in beside if ratio_fits(rate, f, cell) and f.value != num.value]
            if len(fitting) == 1:
                return (f"；表中同一基数 {cell.text} 一行的{fitting[0].measure}数为 {fitting[0].text}（{fitting[0].where()}），"
                        f"按它计算正是 {rate.text}：可能是正文的 {num.text} 写错")
    return ""


def _after_unread(base: FactBase, rate: Fact, num: Fact, den: Fact) -> bool:
    """An amount no one can read stands before the rate in its sentence, and no list opener between
    it and the rate's first operand there (项目全年预算数为86.40.00万元，其中培训预算20.00万元，实际支出
    18.00万元，执行率95.00%: the 其中 item's own rate, judged on its own two figures)."""
    key = (rate.block, rate.sentence)
    unread = [p for p in base.unread_sentences.get(key, ()) if p < rate.at]
    if not unread:
        return False
    operands = [f.at for f in (num, den) if f.source == "text" and (f.block, f.sentence) == key]
    text = base.sentences.get(key, "")
    first = min(operands) if operands else rate.at
    return any(not any(o in text[p:first] for o in lexicon().list_openers) for p in unread)


def based(basis: str, hit: Hit) -> Hit:
    """The hit, telling the figures its rate was worked out from (增减额与上年数, 本年数与上年数)."""
    hit.fields.setdefault("basis", basis)
    return hit


def way(sign: int) -> str:
    return "增长" if sign > 0 else "下降"


def opposite(rate: Fact, sign: int, computed: Decimal, formula: str) -> Hit:
    """A rate said to go one way where the amounts went the other."""
    hit = rate_hit(rate, computed, "增减比例", formula)
    # (the way in words, the figure without its minus: 增长-10% is stated as 下降10%)
    hit.stated = hit.fields["rate"] = f"{way(rate.sign)}{rate.text.lstrip('-－−')}"
    hit.expected = hit.fields["computed"] = f"{way(sign)}{hit.fields['computed'].lstrip('-')}"
    hit.cls = hit.severity = None  # the direction is wrong whatever the digits: no tail, no misrounding
    return hit
