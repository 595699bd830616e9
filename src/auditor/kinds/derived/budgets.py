"""The budget a completion or execution rate is on (kind `derived`, checks completion and
execution): the amount of that measure in the rate's sentence, the one value the document agrees
on, or an unnamed amount stated near it (unnamed_amounts, read by kinds/forecast.py too)."""
from __future__ import annotations

from ...facts.base import Fact, FactBase
from ...facts.base.model import BUDGET_MEASURES, CURRENT
from ...facts.grid_pairs import grid_cell
from ...ingest.build import numbering_of
from ...facts.base.words import names_nothing
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from .lookup import unique_value, document_value


def sentence_amount(rate: Fact, sentence: list[Fact], measure: str, period: str | None = None) -> Fact | None:
    """The sentence's last amount of that measure, of the rate's concept (or naming none); with
    `period`, of that period only."""
    return next((f for f in reversed(sentence) if f.is_money and f.measure == measure
                 and (f.concept == rate.concept or rate.concept is None or f.concept is None)
                 and period in (None, f.period)), None)


def pick(base: FactBase, rate: Fact, sentence: list[Fact], measure: str, period: str = CURRENT) -> Fact | None:
    """The amount of that measure the rate is on: in its sentence, else the document's one value
    of the rate's concept. A budget is of the actual's year (`period`): “2024年实际支出21.36万元，为
    当年预算的85.44%” in a 2025 budget is on the 2024 budget, not on the 2025 one."""
    here = sentence_amount(rate, sentence, measure, period if measure in BUDGET_MEASURES else None)
    if here is not None:
        return here
    if rate.concept is None:
        # a rate naming nothing: its actual is in its own sentence; its budget may stand before it,
        # or in the row of a grid of things by kinds of money whose current cell restates the actual
        # (（一）城乡居民基本养老保险基金。收入…，为预算的…: that 险种's 收入预算数)
        if measure not in BUDGET_MEASURES or period != CURRENT:
            return None
        actual = sentence_amount(rate, sentence, "决算")
        return _unnamed_budget(base, rate, sentence, measure) or (
            grid_cell(base, actual, measure, period) if actual is not None else None)
    found = document_value(base, rate.concept, measure, rate.subject, period)
    if found is None and measure in BUDGET_MEASURES and period == CURRENT:
        actual = sentence_amount(rate, sentence, "决算")
        found = grid_cell(base, actual, measure, period) if actual is not None and actual.concept == rate.concept \
            else None
    if found is None and rate.concept == unit_spending() and measure in BUDGET_MEASURES and period == CURRENT:
        # the unit's spending (全年实际支出…，完成调整后预算的93.88%) against the budget it states unnamed
        return _unnamed_budget(base, rate, sentence, measure)
    return found


def unit_spending() -> str | None:
    """The unit's spending as a whole (concepts.yaml unit_spending)."""
    from ...knowledge import concepts

    return concepts().get("unit_spending")


UNNAMED_WINDOW = 50  # unnamed amounts looked back over before a rate: the budget is stated near it


def past_closed_group(sentence: list[Fact], actual: Fact | None, around: list[Fact] | None = None) -> list[Fact]:
    """The sentence's facts but an earlier amount's own run of amount, budget and rate before the
    rate's actual (收入合计79,555.42万元，完成年初预算79,500.00万元的100.07%；支出合计74,135.91万元，
    完成年初预算的97.80%: the 79,500.00 is the income's budget, not the spending's), figures of the
    actual's own thing aside. `around`: the facts the rates are read among, where `sentence` holds
    amounts only."""
    if actual is None:
        return sentence
    around = sentence if around is None else around  # (where the rates are looked for: the paragraph)
    # (a rate right after a budget amount: the completion of that budget, the run it closes; a
    # growth rate or a share before the actual closes none)
    money = [f for f in around if f.is_money or f.unit == "%"]
    rates = [f for k, f in enumerate(money) if f.unit == "%" and f.id < actual.id and k
             and money[k - 1].measure in BUDGET_MEASURES]
    earlier = [f for f in around if rates and f.is_money and f.measure == "决算" and f.id < rates[-1].id]
    if not earlier:
        return sentence
    first, last = earlier[0].id, rates[-1].id
    return [f for f in sentence if not first <= f.id <= last or (f.concept is not None and f.concept == actual.concept)]


def _unnamed_budget(base: FactBase, rate: Fact, sentence: list[Fact], measure: str) -> Fact | None:
    """The budget a rate naming nothing is of, stated before it under the same heading and
    naming nothing either (调整后预算1,286.40万元。全年实际支出1,276.40万元，完成调整后预算的97.45%;
    本部门全年预算数…, a paragraph before): only when its own sentence states the actual, no other
    actual naming nothing comes before it there (执法装备购置实际支出95.00万元 after the unit's
    2,995.20万元 is a narrower thing's), and those amounts state one value of the budget."""
    actual = sentence_amount(rate, sentence, "决算")
    return unnamed_budget_of(base, rate, actual, measure) if actual is not None else None


def unnamed_budget_of(base: FactBase, rate: Fact, actual: Fact, measure: str) -> Fact | None:
    """The budget (of `measure`) stated unnamed before the rate under the same heading, for an
    actual naming nothing or the unit's spending, when those amounts state one value of it."""
    if actual.concept not in (None, unit_spending()):
        return None
    for anywhere in (False, True) if base.project and _top_heading(rate.loc.section) else (False,):
        # (a project's report may state its budget under one heading, 一、项目基本情况, and what was
        # spent with its rate under another: the amounts naming nothing are all the project's —
        # under a top heading; under a sub-item, （一）供水管网改造, they may be that part's)
        earlier = past_closed_group(_unnamed_before(base, rate, anywhere), actual, base.by_block.get(rate.block, []))
        # (another amount spent stated before: which the rate is of cannot be told; not money
        # received, 项目资金实际到位1,600.00万元, which is no spending; nor an amount whose words say
        # no spending, 中央财政补助1,800万元, read as spent only for want of a word: _said_spent)
        # (the actual a balance, 结余资金52.00万元，占全年预算的6.50%: the spending stated before is what
        # it is left over from, no rival actual)
        if not _balance(actual) and any(f.measure == "决算" and f.value != actual.value and not _received(f)
                                        and _said_spent(f) for f in earlier):
            return None
        # (a budget's parts listed after it, 全年预算数3,560万元，其中：中央补助1,800万元…, are no
        # other value of it)
        # (nor a budget of the other kind of money, 政府性基金预算收入调整预算 before 政府性基金预算
        # 支出…为调整预算的97.2%: concepts.yaml kind_totals)
        budgets = [f for f in earlier if f.measure == measure and f.id not in base.list_parts
                   and not other_kind(f, actual)]
        # (the actual's own fund's budget where one is stated: 全年预算数135.50万元，其中：财政拨款
        # 120.00万元… before 全年执行数128.73万元 is on 135.50, not on a fund's part of it)
        found = unique_value([f for f in budgets if f.fund == actual.fund] or budgets)
        if found is not None:
            return found
    return None


def other_kind(budget: Fact, actual: Fact) -> bool:
    """The two amounts' words (a table cell's with its column's head) name each one kind of money
    (收入, 支出: concepts.yaml kind_totals), not the same one."""
    kinds = [{k for k in concepts().get("kind_totals") or () if k in f.label + f.header} for f in (budget, actual)]
    return all(len(k) == 1 for k in kinds) and kinds[0] != kinds[1]


def _said_spent(f: Fact) -> bool:
    """An outturn whose words name its measure, or say it was spent (已支付, 全年支出: concepts.yaml
    spent_words)."""
    return not f.implicit or any(w in f.label for w in concepts().get("spent_words") or ())


def _balance(f: Fact) -> bool:
    """An amount left over (结余资金, 年末结转: concepts.yaml balance_words) of the whole, its words
    naming nothing else (not 其中绿化子项目结余资金, a part's)."""
    words = compact(f.label)
    balance = [w for w in concepts().get("balance_words") or () if w in words]
    if not balance:
        return False
    for w in (*balance, *(concepts().get("money_nouns") or ())):
        words = words.replace(w, "")
    return names_nothing(words.strip("，,；;：:为是"), lexicon())


def _received(f: Fact) -> bool:
    """An amount of money received or allotted (实际到位, 下达: concepts.yaml received_funds_words)."""
    return any(w in f.label for w in concepts().get("received_funds_words") or ())


def received_before(base: FactBase, rate: Fact, available: bool = False) -> list[Fact]:
    """The amounts of money received the paragraph states before the rate; `available`: and those
    it states as what was there to spend, the budget and the balance brought forward together
    (可用资金合计, 可支配资金: measure 可支配), of the rate's year."""
    return [f for f in base.by_block.get(rate.block, ()) if f.id < rate.id and f.is_money
            and (_received(f) or available and f.measure == "可支配" and f.period == rate.period)]


def _top_heading(section: str | None) -> bool:
    """The section is titled as a top-level part of the report (二、资金使用情况), no sub-item."""
    numbered = numbering_of(section or "")
    return numbered is not None and numbered[3] == 1


def _unnamed_before(base: FactBase, rate: Fact, anywhere: bool = False) -> list[Fact]:
    """This year's amounts naming nothing, of the rate's subject, under its heading (`anywhere`:
    under any), before it (at most UNNAMED_WINDOW of them)."""
    from bisect import bisect_left

    facts = unnamed_amounts(base, rate.subject, ANY_SECTION if anywhere else rate.loc.section)
    k = bisect_left(facts, rate.id, key=lambda f: f.id)
    return facts[max(0, k - UNNAMED_WINDOW):k]


def unnamed_amounts(base: FactBase, subject: str, section=None) -> list[Fact]:
    """This year's amounts in the text of `subject` naming nothing (or the unit's spending by a
    measure only), under the heading `section` (None: under any), in the document's order."""
    by_scope = base.remember(("unnamed-amounts",), lambda: _unnamed_by_scope(base))
    return by_scope.get((ANY_SECTION if section is None else section, subject), [])


def _unnamed_by_scope(base: FactBase) -> dict[tuple, list[Fact]]:
    """(an amount the unit names by itself and a measure only, 本部门全年预算数…, is its spending:
    unnamed as much as one naming nothing)"""
    own = unit_spending()
    out: dict[tuple, list[Fact]] = {}
    for f in base.facts:
        if (f.concept is None or (f.concept == own and f.subject == "")) and f.is_money and f.source == "text" \
                and f.period == CURRENT and not f.member:
            out.setdefault((f.loc.section, f.subject), []).append(f)
            out.setdefault((ANY_SECTION, f.subject), []).append(f)
    return out


ANY_SECTION = object()  # the key of a subject's unnamed amounts under every heading (see _unnamed_before)
