"""Kind `forecast`: what a report during the year says of the rest of it, against the budget it
stated before (预算7000.00万元 … 预计全年可执行6860.00万元，预计执行率98.00%，剩余140.00万元).

- rate: a forecast's rate (预计执行率, 预计全年预算执行率) right after the forecast amount in its
  sentence is that amount ÷ the year's budget.
- remaining: the money left (剩余, 尚未执行) right after a forecast or an amount spent in its
  sentence is the year's budget less it. A sentence stating the budget, what was spent and the
  balance together is the sentence-balance rule's (SUM016), not read here.

The budget is the one stated in the sentence before the amount, else — the amount naming no part
of the money — the one value the document's text states for the whole year's budget naming no
part either (监控范围: 年度预算总额3650.80万元 sections before), else, for a part (基本支出预计
执行…), the one value the document states for that part's budget. Several values (年初 and 调整后
stated alike): which one is meant is not told, and nothing is judged.
"""
from __future__ import annotations

from decimal import Decimal

from ..facts.base import Fact, FactBase, fact_base
from ..facts.base.heads import names_forecast
from ..facts.base.model import CURRENT, FORECAST
from ..facts.lexicon import lexicon
from ..facts.numbers import fmt
from ..knowledge import compact, concepts
from .base import CHECKED, Hit
from .derived.budgets import unnamed_amounts
from .derived.intervals import rate_against
from .derived.lookup import unique_value

KIND = "forecast"
PARAMS = {
    "check": (str, "rate"),
    # the names of a forecast's rate (预计执行率: the words of a forecast before it are concepts.yaml
    # plan_cells forecast, as the fact reader's)
    "rate_words": (list, []),
    # remaining: the words naming the money left (剩余, 尚未执行)
    "remaining_words": (list, []),
    # characters after the name a figure may stand past (预计执行率可达98%: 可达)
    "copula_chars": (int, 3),
}
MESSAGE_FIELDS = {"rate", "computed", "relation", "label", "total", "sum", "diff", "out"}
NEAREST = 4  # figures before a rate or a balance the amount it is of may stand back (a sentence's own)
BUDGET = "全年预算"
OUTS = (FORECAST, "决算")  # the measures of what a balance is left after: expected, or spent


def validate(params: dict) -> str | None:
    if params["check"] not in ("rate", "remaining"):
        return "check 应为 rate、remaining 之一"
    words = ("rate_words",) if params["check"] == "rate" else ("remaining_words",)
    return next((f"{w} 不能为空" for w in words if not params[w]), None)


def check(doc, rule):
    base = fact_base(doc)
    if rule.params["check"] == "rate":
        yield from _rates(base, rule.params)
    else:
        yield from _remainders(base, rule.params)


def _named(label: str, words: list[str], reach: int) -> str | None:
    """The word of `words` closing the figure's label (at most `reach` characters after it), or None."""
    text = compact(label)
    return next((w for w in words if (k := text.rfind(w)) >= 0 and len(text) - k - len(w) <= reach), None)


def _rates(base: FactBase, params: dict):
    for rate in base.facts:
        if rate.unit != "%" or rate.source != "text" or rate.comparator:
            continue
        word = _named(rate.label, params["rate_words"], params["copula_chars"])
        if word is None or not names_forecast(compact(rate.label).rsplit(word, 1)[0], lexicon()):
            continue
        amount = _nearest(base, rate, (FORECAST,))
        budget = _budget(base, amount) if amount is not None else None
        yield from rate_against(base, rate, amount, budget, _rate_name(rate.label, word), "预计执行数 ÷ 全年预算")


def _rate_name(label: str, word: str) -> str:
    """The rate's name as the label words it, from its forecast word to its rate word (预计预算执行率)."""
    text = compact(label)
    end = text.rfind(word) + len(word)
    forecasts = [compact(w) for w in (concepts().get("plan_cells") or {}).get("forecast") or ()]
    start = min((k for w in forecasts if 0 <= (k := text.rfind(w, 0, end)) < end), default=0)
    return text[start:end]


def _nearest(base: FactBase, fact: Fact, measures: tuple[str, ...]) -> Fact | None:
    """The amount of one of `measures` right before the fact in its sentence, of this year (the
    nearest amount before it, rates between passed over: 预计可执行…，预计执行率…，剩余…), or None."""
    sentence = base.by_sentence.get((fact.block, fact.sentence), [])
    before = [f for f in sentence if f.id < fact.id][-NEAREST:]
    for f in reversed(before):
        if f.is_money:
            return f if f.measure in measures and f.period == CURRENT else None
    return None


def _budget(base: FactBase, amount: Fact) -> Fact | None:
    """The year's budget the amount is of (see the module)."""
    sentence = base.by_sentence.get((amount.block, amount.sentence), [])
    here = [f for f in sentence if f.id < amount.id and f.is_money and f.measure == BUDGET
            and f.period == CURRENT and f.concept == amount.concept]
    if here:
        return here[-1]
    if amount.concept not in (None, concepts().get("unit_spending")):
        found = [f for f in base.of(amount.concept, BUDGET, CURRENT) if f.is_money and not f.member
                 and f.subject == amount.subject and f.id < amount.id]
        return unique_value(found)
    # (else the one value the text states for the whole year's budget naming no part either, derived's
    # unnamed amounts under any heading, a budget's listed parts aside)
    return unique_value([f for f in unnamed_amounts(base, amount.subject) if f.measure == BUDGET
                         and f.id not in base.list_parts and f.id < amount.id and not _listed(base, f)])


def _listed(base: FactBase, f: Fact) -> bool:
    """The amount stands in a 其中 list after an amount of its sentence (…合计2,480.00万元，其中…，
    重点项目全年预算1,980.00万元): a part of that figure, naming a thing the vocabulary does not
    know; not after a 其中 of a count (项目共8个，其中重点项目3个，全年预算资金1,860.00万元)."""
    text = base.sentences.get((f.block, f.sentence), "")
    opened = max((text.rfind(w, 0, f.at) for w in lexicon().list_openers), default=-1)
    return opened >= 0 and any(g.is_money and g.at < opened for g in base.by_sentence.get((f.block, f.sentence), ())
                               if g.id < f.id)


def _remainders(base: FactBase, params: dict):
    for rest in base.facts:
        if not rest.is_money or rest.source != "text" or rest.period != CURRENT \
                or _named(rest.label, params["remaining_words"], params["copula_chars"]) is None:
            continue
        # (what the balance is left after: the forecast or the amount spent right before it)
        out = _nearest(base, rest, OUTS)
        if out is None:
            continue
        budget = _budget(base, out)
        if budget is None or budget.unit != out.unit or rest.unit != out.unit:
            continue
        if out.measure == "决算" and (budget.block, budget.sentence) == (rest.block, rest.sentence):
            continue  # (预算X，执行Y，结余Z in one sentence: SUM016's)
        yield CHECKED
        yield from _remainder_hit(base, rest, out, budget)


def _remainder_hit(base: FactBase, rest: Fact, out: Fact, budget: Fact):
    exact = budget.value - out.value
    slack = sum((f.half_unit for f in (rest, out, budget)), Decimal(0))
    if abs(rest.value - exact) <= slack:
        return
    places = max(f.places for f in (rest, out, budget))
    shown = f"{fmt(exact, places)}{rest.unit}"
    named = "预计执行" if out.measure == FORECAST else "执行"
    first = min((budget, out), key=lambda f: f.id)
    yield Hit(quote=base.span(first, rest), location=rest.loc,
              stated=rest.with_unit(), expected=shown,
              formula=f"{compact(rest.label) or '剩余'} = 全年预算 {budget.with_unit()} − {named} {out.with_unit()} = {shown}"
                      f"（{budget.where()}；{out.where()}）",
              fields={"label": compact(rest.label) or "剩余", "total": rest.with_unit(), "sum": shown, "out": named,
                      "diff": f"{fmt(rest.value - exact, places)}{rest.unit}"},
              highlights=[rest.loc, out.loc, budget.loc])
