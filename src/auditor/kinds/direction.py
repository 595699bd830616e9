"""Kind `direction`: words of direction and size against the facts they describe.

Sub-checks (param `check`), each a function in CHECKS:
- budget_vs_actual: “决算数大于 / 小于 / 同 / 与预算数（基本）持平” against the item's 决算 and its
  年初预算 (全年预算 when the sentence says so or no 年初 figure is stated), both taken from the
  item's paragraph — the numbered item and the lines it runs on to.
- year_on_year: “较上年增加 / 减少 D”, or “与上年持平”, against this year's and last year's figure
  of the same concept (a table's 上年 column, or a sentence about last year).
Equal means the printed intervals meet; 基本持平 allows a relative gap (param `roughly_equal`).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..facts.base import CURRENT, PRIOR, Fact, FactBase, fact_base
from ..facts.numbers import MONEY_UNITS, fmt
from .base import CHECKED, Hit
from .restatement import meets, tail

KIND = "direction"
PARAMS = {
    "check": (str, None),
    # how a sentence compares 决算 with 预算: (word -> relation); 同/与 … 持平 is “=”
    "comparisons": (dict, {"大于": ">", "高于": ">", "超过": ">", "多于": ">", "小于": "<", "低于": "<",
                           "少于": "<", "等于": "=", "持平": "=", "一致": "=", "相等": "="}),
    "actual_words": (str, r"决算数?|执行数|实际支出"),
    "budget_words": (str, r"(年初|全年|调整后?)?预算数?"),
    "roughly_equal": (float, 0.02),  # 基本持平: within 2 % of the budget
    "roughly_words": (list, ["基本", "大体", "大致"]),
}
MESSAGE_FIELDS = {"word", "actual", "budget", "truth"}
SIGN_WORDS = {1: "增加", -1: "减少", 0: "持平"}


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    bad = [w for w, r in params["comparisons"].items() if r not in (">", "<", "=")]
    return f"comparisons 的关系只能是 >、<、=（{bad[0]}）" if bad else None


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, fact_base(doc), rule)


def _statement_re(rule) -> re.Pattern:
    words = "|".join(sorted(map(re.escape, rule.params["comparisons"]), key=len, reverse=True))
    a, b = rule.params["actual_words"], rule.params["budget_words"]
    return re.compile(rf"(?:支出)?(?:{a})\s*(?:与|同|和|较|比)?\s*(?:{b})?\s*(?:基本|大体|大致)?\s*(?P<word>{words})"
                      rf"\s*(?:于|了)?\s*(?P<budget>{b})?")


def _item_facts(base: FactBase, block: int) -> list[Fact]:
    """Figures of the numbered item a statement belongs to: its paragraph, and the paragraph
    before when the statement's paragraph states none (a PDF line break)."""
    here = [f for f in base.by_block.get(block, ()) if f.is_money]
    return here or [f for f in base.by_block.get(block - 1, ()) if f.is_money]


def _relation(actual: Fact, budget: Fact, roughly: bool, tolerance: Decimal) -> str:
    if meets(actual, budget):  # 2.22 against 2.23 is 小于: the printed figures are what is compared
        return "="
    gap = actual.in_yuan() - budget.in_yuan()
    if roughly and budget.in_yuan() and abs(gap) <= abs(budget.in_yuan()) * tolerance:
        return "="
    return ">" if gap > 0 else "<"


TRUTH = {">": "大于", "<": "小于", "=": "等于"}


def _budget_vs_actual(doc, base: FactBase, rule):
    pattern = _statement_re(rule)
    tolerance = Decimal(str(rule.params["roughly_equal"]))
    for index, block in enumerate(doc.blocks):
        for s_index, sentence in enumerate(getattr(block, "sentences", ()) or ()):
            m = pattern.search(sentence.text)
            if not m:
                continue
            facts = [f for f in _item_facts(base, index) if f.block < index or f.sentence <= s_index]
            actual = next((f for f in reversed(facts) if f.measure == "决算"), None)
            worded = m.group("budget") or ""
            # 年初 / 全年 as the words say; a bare 预算数 may mean either budget stated
            wanted = ("全年预算",) if "全年" in worded or "调整" in worded else \
                ("年初预算",) if "年初" in worded else ("年初预算", "全年预算")
            budgets = [next((f for f in reversed(facts) if f.measure == w), None) for w in wanted]
            budgets = [b for b in budgets if b is not None and actual is not None and b.concept == actual.concept]
            if actual is None or not budgets:
                continue
            yield CHECKED
            roughly = any(w in m.group(0) for w in rule.params["roughly_words"])
            said = rule.params["comparisons"][m.group("word")]
            truths = [_relation(actual, b, roughly, tolerance) for b in budgets]
            if said in truths:
                continue
            budget, truth = budgets[0], truths[0]
            yield Hit(quote=m.group(0), location=sentence.loc, stated=m.group("word"),
                      expected=TRUTH[truth],
                      formula=f"决算 {actual.text} 与{budget.measure} {budget.text} 相比为“{TRUTH[truth]}”"
                              f"（{actual.where()}）",
                      fields={"word": m.group("word"), "actual": actual.text, "budget": budget.text,
                              "truth": TRUTH[truth]}, highlights=[actual.loc, budget.loc])


def _year_on_year(doc, base: FactBase, rule):
    for change in (f for f in base.facts if f.measure == "变动额" and f.source == "text" and f.concept):
        current = _one(base, change.concept, CURRENT, change)
        prior = _one(base, change.concept, PRIOR, change)
        if current is None or prior is None:
            continue
        yield CHECKED
        diff = current.in_yuan() - prior.in_yuan()
        if meets(current, prior) or tail(current, prior):
            truth = 0
        else:
            truth = 1 if diff > 0 else -1
        if truth == change.sign:
            continue
        factor = MONEY_UNITS[change.unit]
        yield Hit(quote=change.quote, location=change.loc, stated=SIGN_WORDS.get(change.sign, ""),
                  expected=SIGN_WORDS[truth] + (f"{fmt(abs(diff) / factor)}{change.unit}" if truth else ""),
                  formula=f"本年 {current.text}（{current.where()}）− 上年 {prior.text}（{prior.where()}）"
                          f"= {fmt(diff / factor)}{change.unit}，文中写“{SIGN_WORDS.get(change.sign, '')}”",
                  fields={"word": SIGN_WORDS.get(change.sign, ""), "actual": current.text, "budget": prior.text,
                          "truth": SIGN_WORDS[truth]}, highlights=[current.loc, prior.loc])


def _one(base: FactBase, concept: str, period: str, near: Fact) -> Fact | None:
    """The figure of a concept in a period: in the change's sentence first, else one value
    the document agrees on."""
    here = [f for f in base.by_sentence.get((near.block, near.sentence), ())
            if f.concept == concept and f.period == period and f.measure == "决算" and f.id < near.id]
    if here:
        return here[-1]
    return base.remember(("agreed", concept, "决算", period, near.subject),
                         lambda: _agreed(base.of(concept, "决算", period), near.subject))


def _agreed(facts: list[Fact], subject: str) -> Fact | None:
    found = [f for f in facts if f.is_money and not f.member and f.subject == subject]
    if found and all(meets(found[0], f) or tail(found[0], f) for f in found):
        return found[0]
    return None


CHECKS = {"budget_vs_actual": _budget_vs_actual, "year_on_year": _year_on_year}
