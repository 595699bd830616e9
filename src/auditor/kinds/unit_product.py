"""Kind `unit_product`: an amount stated with its quantity and its standard per unit, in one sentence.

“全年落实补贴面积12.6万亩，按每亩105元标准发放补贴1,323万元”: the amount is the quantity × the
standard × the periods the standard is per (每人每月 over 全年: 12; 每学期 with 两学期 stated: 2), each
read in its unit (万亩 = 10,000 亩; 万元 = 10,000 元) and as the interval its printing allows. The
standard is a money figure per one of the measures the rule names (每亩105元, 105元/亩, 1,000元/人·学期),
or one after a standard's word (补助标准1,000元) beside a sentence's one count; the quantity is the
sentence's one figure counted in that measure, the amount its one other money figure after the standard.

The relation is judged only where it is certain: one standard, one quantity and one amount in the
sentence; no standard given as a range or a bound (80—120元, 最高不超过2,000元) or in tiers (一档,
二档); a number of periods stated or fixed by the year; no 人次 beside a standard per 人; no 累计 on
one side only. Table rows are SUM007's (tables/products.py).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..facts.base import Fact, fact_base
from ..facts.base.figures import per_unit
from ..facts.base.model import OTHER_BASIS
from ..facts.base.words import CLAUSE_BREAK_RE, clause_before
from ..facts.lexicon import alternatives, lexicon
from ..facts.numbers import FULLWIDTH, MONEY_UNITS, RANGE_JOINER, cn_to_int, fmt, to_decimal
from .base import CHECKED, Hit

KIND = "unit_product"
PARAMS = {
    "check": (str, "sentence"),
    # the words a standard is per (每亩, 元/人) and the units a quantity of each is printed in
    "measures": (dict, {}),
    # units of measured quantities: a whole figure in them is rounded too (5,000亩 is 4,999.5–5,000.5)
    "measured_units": (list, []),
    # units easily taken for a measure's (人次 for 人): either in the sentence and the count is not certain
    "confusable_units": (dict, {}),
    # words right before a money figure making it a standard without a measure (补助标准1,000元)
    "standard_words": (list, []),
    # the periods a standard may be per, with their count in a year (0: only a stated count, 两学期)
    "periods": (dict, {}),
    # how a number of each period is written after its number (两个学期, 10个月)
    "counted_periods": (dict, {}),
    # words making the amount the year's (全年): a standard per month or quarter × its count in a year
    "annual_words": (list, []),
    # words of a part of the year (上半年, 截至): the year's count of periods is no longer known
    "partial_year_words": (list, []),
    # words before a standard, in its clause, making it a bound or an average (最高, 不超过, 平均), and
    # words right after it making it a bound or one of several (以内, 不等)
    "bound_words": (list, []), "bound_after_words": (list, []),
    # words of standards in tiers or per kind (一档, 分别): which standard the count is paid at is not known
    "several_words": (list, []),
    # words of a sum over years (累计): on the quantity's side only, or the amount's, no year's relation
    "cumulative_words": (list, []),
    # words before a standard, in its clause, making it the amount over the quantity (折合每公里造价,
    # 平均每座投资, 单位造价…元/平方米): the amount may stand before it, and an average is no bound
    "derived_words": (list, []),
    # characters of verb at most between a standard's measure and its figure (每户补助1,500元)
    "max_verb_chars": (int, 4),
    # words making a standard per one of its measure, each may take 个 (每亩, 每个车位, 单个车位, 单桩)
    "per_words": (list, ["每", "单"]),
    # words naming a standard per one of a measure, the measure before 均 (生均650元, 亩均80元: 每生,
    # 每亩); not an average's (人均, 户均, 校均: bound_words)
    "per_measure_words": (list, []),
}
MESSAGE_FIELDS = {"quantity", "standard", "amount", "computed", "verdict"}

NUMBER = r"(?<![\d.,])(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<money>亿元|万元|元)"
NUMERALS = r"\d{1,3}|[一二两三四五六七八九十]{1,3}"  # a count of periods: small, in digits or numerals
# (not the tail of a longer number or of a year in numerals: 2024年, 二〇二四年)
NOT_AFTER_NUMERAL = r"(?<![\d.〇零一二两三四五六七八九十])"
# a range of months (1-6月, 3至10月): a part of the year, whatever the sentence says of it otherwise
MONTH_RANGE_RE = re.compile(r"\d{1,2}\s*月?\s*" + RANGE_JOINER + r"\s*\d{1,2}\s*月")
# a number joined to the standard's as the other end of a range (80—120元, 80元至120元)
RANGE_BEFORE_RE = re.compile(r"\d\s*(?:亿元|万元|元)?\s*" + RANGE_JOINER + r"\s*$")
RANGE_AFTER_RE = re.compile(r"^\s*" + RANGE_JOINER + r"\s*\d")


def validate(params: dict) -> str | None:
    if params["check"] != "sentence":
        return "check 只能是 sentence"
    if not params["measures"]:
        return "measures 不能为空"
    return None


def check(doc, rule):
    base = fact_base(doc)
    patterns = _Patterns(rule.params)  # (a few patterns a document; re keeps them compiled)
    # (figures after a basis, 按0.60万元/个测算，…收入1,440.00万元, are in no sentence's index: their
    # comparator 口径 set them apart; the standard may be that basis, see _amount)
    on_basis: dict = {}
    for f in base.facts:
        if f.source == "text" and f.comparator == OTHER_BASIS:
            on_basis.setdefault((f.block, f.sentence), []).append(f)
    for key, facts in base.by_sentence.items():
        if key in on_basis:
            facts = sorted([*facts, *on_basis[key]], key=lambda f: f.at)
        text = base.sentences.get(key, "")
        if not any(f.is_money for f in facts) or not patterns.marker.search(text):
            continue  # (most sentences state no standard)
        # (full-width digits read as ASCII, one character for one: the facts' places stay right)
        before = _Before(base, key)
        yield from _judge(text, text.translate(FULLWIDTH), facts, patterns, rule.params, before)


class _Before:
    """The sentence before a standard's in its paragraph, read only when asked: where the standard's
    sentence counts nothing in its measure, the quantity may close that one (年处理污水2,920万吨。…
    污水处理服务费按1.50元/吨测算，…收入为4,380.00万元)."""

    def __init__(self, base, key: tuple[int, int]):
        self.base, self.key = base, (key[0], key[1] - 1)

    def facts(self) -> tuple[str, list[Fact]]:
        return self.base.sentences.get(self.key, ""), list(self.base.by_sentence.get(self.key, ()))


# ---- the sentence's standard ---------------------------------------------------------------
class _Patterns:
    def __init__(self, params: dict):
        measures = alternatives(params["measures"])
        periods = alternatives(params["periods"])
        verb = rf"[^\d，,；;。：:、]{{0,{int(params['max_verb_chars'])}}}?"
        # 每亩105元, 每人每学期1,000元, 每季度每人发放300元, 每户补助1,500元; one of the things
        # named so (单个车位年均收费0.60万元, 单桩, 每个车位)
        per = alternatives(params["per_words"])
        self.before = re.compile(rf"(?:{per})个?(?:(?P<period1>{periods})每?)?(?P<measure>{measures})"
                                 rf"(?:每?(?P<period2>{periods}))?{verb}{NUMBER}")
        # 生均每年650元, 亩均补助80元 (the measure, 生, before 均)
        averaged = alternatives(w[:-1] for w in params["per_measure_words"] if w.endswith("均") and len(w) > 1) or "(?!)"
        self.suffixed = re.compile(rf"(?P<measure>{averaged})均(?:每?(?P<period2>{periods}))?{verb}{NUMBER}")
        # 105元/亩, 1,000元/人·学期, 200元/人/月
        self.after = re.compile(rf"{NUMBER}\s*/\s*(?P<measure>{measures})(?:\s*[·•・/]\s*(?P<period2>{periods}))?")
        # 补助标准1,000元, 补助标准为1,000元 (the measure is the one count's)
        self.named = re.compile(rf"(?:{alternatives(params['standard_words'])})(?:为|是|:|：)?{NUMBER}(?!\s*/)")
        self.marker = re.compile(rf"{per}|/|{alternatives(params['standard_words'])}|{alternatives(params['per_measure_words']) or '(?!)'}")
        self.counted = {p: re.compile(rf"{NOT_AFTER_NUMERAL}(?P<n>{NUMERALS})(?:{alternatives(words)})")
                        for p, words in params["counted_periods"].items()}


def _standards(text: str, patterns: _Patterns) -> list[re.Match]:
    """Every standard the sentence states, per measure first (每亩105元 is no bare 标准105元 too)."""
    found = [*patterns.before.finditer(text), *patterns.suffixed.finditer(text), *patterns.after.finditer(text)]
    if not found:
        found = list(patterns.named.finditer(text))
    return found


def _uncertain_standard(text: str, m: re.Match, params: dict) -> bool:
    """A bound (最高不超过2,000元, 1,000元以内), a range (80—120元) or a rough figure (约1,000元), not
    a standard."""
    before = _words_before(text, m)
    end = m.end("money")
    after = (text[end:], text[m.end():])
    derived = _derived(text, m, params)
    return (any(w in before for w in params["bound_words"] if not (derived and w in params["derived_words"]))
            or any(a.startswith(w) for a in after for w in params["bound_after_words"])
            or RANGE_BEFORE_RE.search(text[:m.start("num")]) is not None
            or RANGE_AFTER_RE.match(text[end:]) is not None
            or lexicon().approximate.search(text[:m.start("num")]) is not None
            or lexicon().approximate_after.match(text[end:]) is not None)


# ---- the relation --------------------------------------------------------------------------
def _judge(printed: str, text: str, facts: list[Fact], patterns: _Patterns, params: dict, before: _Before | None = None):
    standards = _standards(text, patterns)
    if len(standards) != 1 or any(w in text for w in params["several_words"]):
        return  # none, or several (一档…二档…): which one the count is paid at is not known
    m = standards[0]
    if _uncertain_standard(text, m, params):
        return
    measure = m.group("measure") if "measure" in m.groupdict() else None
    quantity = _quantity(text, facts, measure, m, patterns, params)
    if quantity is None and measure and before is not None and not _counts_in(facts, measure, params):
        quantity = _quantity_before(*before.facts(), measure, patterns, params)
    amount = _amount(text, facts, m, _derived(text, m, params))
    if quantity is None or amount is None or _one_sided_sum(text, quantity, amount, params):
        return
    periods = _periods(text, m, patterns, params)
    if periods is None:
        return
    yield CHECKED
    yield from _compare(printed, text, quantity, _value(m), m, periods, amount, params)


def _quantity(text: str, facts: list[Fact], measure: str | None, m: re.Match, patterns: _Patterns,
              params: dict) -> Fact | None:
    """The sentence's one figure counted in the standard's measure (any measure for a bare 标准);
    None when there is none, several, or one counted in a unit easily taken for it (人次 for 人)."""
    measures = params["measures"]
    units = set(measures[measure]) if measure else {u for us in measures.values() for u in us}
    confusable = set(params["confusable_units"].get(measure, ())) if measure else set()
    counts = [f for f in facts if not f.is_money and not f.comparator and f.source == "text"
              and not _counts_periods(text, f, patterns)]
    if any(_base_unit(f.unit)[0] in confusable for f in counts):
        return None
    found = [f for f in counts if _base_unit(f.unit)[0] in units]
    if len(found) != 1 or _rough(text, found[0]):
        return None
    return found[0]


def _counts_in(facts: list[Fact], measure: str, params: dict) -> bool:
    """Some figure of the sentence is counted in the measure's units or in one taken for them."""
    units = {*params["measures"][measure], *params["confusable_units"].get(measure, ())}
    return any(not f.is_money and _base_unit(f.unit)[0] in units for f in facts)


def _quantity_before(text: str, facts: list[Fact], measure: str, patterns: _Patterns, params: dict) -> Fact | None:
    """The one figure of the sentence before counted in the measure, none per another thing after it
    (8万吨/日 is a capacity, not the quantity) and no money there: a sentence stating the quantity
    alone, whose product the next one states (its own amounts would be another relation)."""
    if any(f.is_money for f in facts):
        return None
    own = [f for f in facts if not PER_AFTER_RE.match(text, f.at + len(f.text))]
    return _quantity(text, own, measure, None, patterns, params)


PER_AFTER_RE = re.compile(r"\s*[/／每]")  # a figure per something (8万吨/日, 2人每班)


def _counts_periods(text: str, f: Fact, patterns: _Patterns) -> bool:
    """A figure counting periods (两个学期, 12个月): the multiplier, no quantity."""
    at = f.at
    return any(p.match(text, at) for p in patterns.counted.values())


def _words_before(text: str, m: re.Match) -> str:
    """The words of the standard's clause before its figure (每公里造价 of 折合每公里造价275.56万元)."""
    return CLAUSE_BREAK_RE.split(text[:m.start()])[-1] + text[m.start():m.start("num")]


def _derived(text: str, m: re.Match, params: dict) -> bool:
    """The standard is the amount over the quantity (折合, 平均, 造价): worked out from them."""
    return any(w in _words_before(text, m) for w in params["derived_words"])


def _amount(text: str, facts: list[Fact], m: re.Match, derived: bool = False) -> Fact | None:
    """The one money figure after the standard: what it comes to (an amount per head, a change on
    last year, a bound are other figures; before the standard stands the budget it is paid from).
    A standard worked out from the amount (`derived`: 结算金额…，折合每公里造价…) follows it: with
    no money figure after it, the one before it."""
    after = [f for f in facts if f.is_money and f.at >= m.end()]
    if derived and not after:
        after = [f for f in facts if f.is_money and f.at + len(f.text) <= m.start()]
    # (按0.60万元测算，…收入为1,440.00万元: the figures after a basis are read as on another one, 口径;
    # the basis being the standard itself, they are its products)
    basis = BASIS_RE.match(text, m.end()) is not None and "按" in _words_before(text, m)
    bound = [f for f in after if f.comparator and not (basis and f.comparator == OTHER_BASIS)]
    found = [f for f in after if f not in bound and not per_unit(f) and not lexicon().comparison.search(clause_before(text, f.at))]
    if len(found) != 1 or bound or _rough(text, found[0]):
        return None
    return found[0]


BASIS_RE = re.compile(r"\s*(?:/\S{1,6}?)?(?:计算|测算)")  # a standard closing a basis (按1.50元/吨测算)


def _rough(text: str, f: Fact) -> bool:
    """A figure said to be round (约, 近, 以上): its product is no check."""
    return (lexicon().approximate.search(text[:f.at]) is not None
            or lexicon().approximate_after.match(text[f.at + len(f.text):]) is not None)


def _one_sided_sum(text: str, quantity: Fact, amount: Fact, params: dict) -> bool:
    """累计 on the quantity's side only or the amount's (累计改造3,200户…今年下达…): years' sums and a
    year's figures, which the standard does not relate; on both, or neither, it holds."""
    words = params["cumulative_words"]
    if not any(w in text for w in words):
        return False
    return not all(any(w in clause_before(text, f.at) for w in words) for f in (quantity, amount))


def _periods(text: str, m: re.Match, patterns: _Patterns, params: dict) -> tuple[int, str] | None:
    """(the number of periods the amount is over, how the formula names it): 1 for a standard per
    nothing but its measure; a stated count of the standard's period (两学期: 2); a period's count
    in a year (每月 × 12) where the amount is the year's (全年). None where it is not known."""
    groups = m.groupdict()
    period = groups.get("period1") or groups.get("period2")
    if period is None:
        # (每名网格员每月3800元: the period after the measure's words, inside the verb's gap)
        period = next((p for p in sorted(params["periods"], key=len, reverse=True)
                       if f"{params['per_words'][0]}{p}" in m.group(0)), None) if params["per_words"] else None
    outside = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    stated = {p: {cn_to_int(c.group("n")) if not c.group("n").isdigit() else int(c.group("n"))
                  for c in pattern.finditer(outside)} for p, pattern in patterns.counted.items()}
    if period is None:
        # (每人1,000元，全年两学期共计…: the standard may be per term; not said)
        return None if any(stated.values()) else (1, "")
    counts = stated.get(period) or set()
    if any(values for p, values in stated.items() if p != period and not _same_period(p, period, params)):
        return None  # another period counted: which one multiplies is not known
    if len(counts) == 1:
        n = counts.pop()
        return (n, f"{n}个{period}") if n else None
    if counts:
        return None
    in_year = int(params["periods"].get(period) or 0)
    if in_year == 1:
        return 1, ""
    annual = any(w in text for w in params["annual_words"])
    partial = MONTH_RANGE_RE.search(text) or any(w in text for w in params["partial_year_words"])
    return (in_year, f"全年{in_year}个{period}") if in_year and annual and not partial else None


def _same_period(a: str, b: str, params: dict) -> bool:
    """Two words of one period (季, 季度)."""
    return params["periods"].get(a) == params["periods"].get(b) and (a in b or b in a)


def _value(m: re.Match) -> tuple[Decimal, int, str]:
    """(the standard in 元, its printed places, its unit)."""
    return to_decimal(m.group("num").replace(",", "")) * MONEY_UNITS[m.group("money")], _places(m.group("num")), m.group("money")


def _base_unit(unit: str) -> tuple[str, Decimal]:
    """A count's unit without a 万 or 亿 before it, and what it multiplies by (12.6万亩: 亩, 10,000)."""
    for prefix, factor in (("亿", Decimal(10) ** 8), ("万", Decimal(10000))):
        if unit.startswith(prefix) and len(unit) > 1:
            return unit[len(prefix):], factor
    return unit, Decimal(1)


def _bounds(value: Decimal, places: int, exact: bool) -> tuple[Decimal, Decimal]:
    half = Decimal(0) if exact else Decimal(5).scaleb(-places - 1)
    return value - half, value + half


def _compare(printed: str, text: str, quantity: Fact, rate: tuple[Decimal, int, str], m: re.Match,
             periods: tuple[int, str], amount: Fact, params: dict):
    unit, scale = _base_unit(quantity.unit)
    measured = unit in params["measured_units"]
    q_lo, q_hi = (b * scale for b in _bounds(quantity.value, quantity.places, not measured and quantity.places == 0))
    r_value, r_places, r_unit = rate
    r_factor = MONEY_UNITS[r_unit]
    # (a standard printed whole is a set figure, exact, as SUM007 reads it: 105元 per 亩 is no 104.5–105.5)
    r_lo, r_hi = (b * r_factor for b in _bounds(r_value / r_factor, r_places, r_places == 0))
    a_lo, a_hi = amount.interval(MONEY_UNITS[amount.unit])
    n = periods[0]
    if q_lo * r_lo * n <= a_hi and a_lo <= q_hi * r_hi * n:
        return
    yield _hit(printed, quantity, scale, m, periods, amount, r_value)


def _hit(printed: str, quantity: Fact, scale: Decimal, m: re.Match, periods: tuple[int, str], amount: Fact,
         rate: Decimal) -> Hit:
    """The amount told (its slip named where it is known), or the quantity or the standard where
    the figure the other two give is its own digits swapped."""
    n, named = periods
    product = quantity.value * scale * rate * n
    computed = f"{fmt(product / MONEY_UNITS[amount.unit], amount.places, amount.text)}{amount.unit}"
    measure = m.groupdict().get("measure")
    standard = f"{m.group('num')}{m.group('money')}" + (f"/{measure}" if measure else "")
    times = f" × {n}（{named}）" if n > 1 else ""
    # (a quantity the sentence before states is no part of this sentence's quote)
    at = [] if quantity.sentence != amount.sentence else [quantity.at, quantity.at + len(quantity.text)]
    start = min(m.start(), amount.at, *at)
    end = max(m.end(), amount.at + len(amount.text), *at)
    told = {"quote": printed[start:end],
            "fields": {"quantity": quantity.text, "standard": printed[m.start():m.end()], "amount": amount.text}}
    if not _swapped(computed, amount.text):
        # (770万元 ÷ 20万元/公里 = 38.5公里 written 35.8公里: the quantity's digits swapped)
        paid = amount.value * MONEY_UNITS[amount.unit] / n
        right = f"{fmt(paid / (rate * scale), quantity.places, quantity.text)}{quantity.unit}"
        if _swapped(right, quantity.text):
            return _told(**told, location=quantity.loc, stated=quantity.text, expected=right, which="数量",
                         formula=f"{amount.text} ÷ {standard}{times.replace('×', '÷')} = {right}{SWAPPED}",
                         highlights=[amount.loc])
        printed_rate = m.group("num")
        right = fmt(paid / (quantity.value * scale) / MONEY_UNITS[m.group("money")], _places(printed_rate), printed_rate)
        if _swapped(right, printed_rate):
            return _told(**told, location=amount.loc, stated=printed_rate + m.group("money"),
                         expected=right + m.group("money"), which="标准",
                         formula=f"{amount.text} ÷ {quantity.text}{times.replace('×', '÷')} = {right}{m.group('money')}"
                                 f"{SWAPPED}", highlights=[quantity.loc])
    return _told(**told, location=amount.loc, stated=amount.text, expected=computed, which="金额",
                 formula=f"{quantity.text} × {standard}{times} = {computed}{_note(computed, amount, product, n)}",
                 highlights=[quantity.loc])


SWAPPED = "；所写之数与计算结果数字相同、顺序不同，疑为数字颠倒"


def _told(quote: str, fields: dict, location, stated: str, expected: str, which: str, formula: str,
          highlights: list) -> Hit:
    verdict = f"按其余两数，{which}应为 {expected}" if which != "金额" else f"按数量×标准计算，金额应为 {expected}"
    return Hit(quote=quote, location=location, stated=stated, expected=expected, formula=formula,
               fields={**fields, "computed": expected, "verdict": verdict}, highlights=highlights)


def _places(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _swapped(right: str, printed: str) -> bool:
    """The same digits in another order (1,323 and 1,332): a slip of the pen in this figure."""
    a, b = (re.sub(r"\D", "", x) for x in (right, printed))
    return a != b and len(a) == len(b) and sorted(a) == sorted(b)


def _note(computed: str, amount: Fact, product: Decimal, n: int) -> str:
    """What the stated amount is where its slip is known: the product without its periods, or the
    right digits swapped."""
    lo, hi = amount.interval(MONEY_UNITS[amount.unit])
    if n > 1 and lo <= product / n <= hi:
        return f"；所写金额恰为未乘期数（{n}）的结果"
    return SWAPPED if _swapped(computed, amount.text) else ""
