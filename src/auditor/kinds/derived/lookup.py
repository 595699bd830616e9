"""The figures a `derived` rate is read against: those of its sentence or clause before it, the one
value the document agrees on for a concept, last year's figure of a change, the head of a list,
and whether a change's words compare with last year."""
from __future__ import annotations

import re

from ...facts.base import Fact, FactBase
from ...facts.base.model import CURRENT, MEASURED_UNITS, PRIOR
from ...facts.lexicon import lexicon
from ...facts.scopes import figure_scope
from ...facts.restated import clause_start
from ...knowledge import open_brackets
from ...facts.agreement import meets, tail


YEAR_NUMBER_RE = re.compile(r"((?:19|20)\d\d)年")


RATE_OF_RE = re.compile(r"\s*[）)]?\s*的\s*")  # (an amount, its bracket closed, then 的 and a rate)


def rate_of_amount(base: FactBase, amount: Fact, rate: Fact) -> bool:
    """The rate right after an amount in its sentence, only 的 between (为年度计划18,000.00万元的
    102.42%, 占年度计划（12,000.00万元）的104.00%, 按结算价2,703.12万元的3%): a rate of that amount."""
    if rate.unit != "%" or (amount.block, amount.sentence) != (rate.block, rate.sentence) or amount.at >= rate.at:
        return False
    text = base.sentences.get((rate.block, rate.sentence), "")
    return RATE_OF_RE.fullmatch(text, amount.at + len(amount.text), rate.at) is not None


def same_sentence(base: FactBase, f: Fact) -> list[Fact]:
    return base.by_sentence.get((f.block, f.sentence), [])


def facts_before(facts: list[Fact], f: Fact) -> list[Fact]:
    return [x for x in facts if x.id < f.id]


def unique_value(facts: list[Fact]) -> Fact | None:
    """The one value several statements of a fact agree on (a table and its restatement)."""
    if not facts:
        return None
    first = facts[0]
    return first if all(meets(first, f) or tail(first, f) for f in facts) else None


def document_value(base: FactBase, concept: str | None, measure: str, subject: str,
                    period: str = CURRENT, fund: str | None = None, scope: tuple | None = None,
                    counted: bool = False) -> Fact | None:
    """The one value the document agrees on; with `fund`, among the figures of that fund only
    (a 财政拨款 table's 上年 beside an all-funds table's); with `scope`, among the figures of that
    scope only (facts/scopes.py: 企业 against 行政事业单位, 市本级 against 全市). Amounts of money,
    or with `counted` counts of things (户, 人次: a table's row by year, 改厕受益农户（户） | 3,810 | 4,420;
    no rate, no score, no bound)."""
    if not concept:
        return None
    return base.remember(("unique", concept, measure, period, subject, fund, scope, counted), lambda: unique_value(
        [f for f in base.of(concept, measure, period) if f.subject == subject and not f.member
         and (_counted(f) if counted else f.is_money)
         and fund in (None, f.fund) and scope in (None, figure_scope(base, f))]))


def _counted(f: Fact) -> bool:
    return not f.is_money and not f.comparator and f.unit not in (*MEASURED_UNITS, "")


def clause_of(base: FactBase, fact: Fact, params: dict) -> tuple[str, int, list[Fact]]:
    """(the fact's sentence, where its clause starts, the sentence's facts before it)."""
    text = base.sentences.get((fact.block, fact.sentence), "")
    return text, clause_start(text, fact.at, params["clause_breaks"], ","), facts_before(same_sentence(base, fact), fact)


CLAUSE_STOP_RE = re.compile(r"[；;。]")


def this_year_before(base: FactBase, sentence: list[Fact], stated: Fact) -> Fact | None:
    """This year's figure a stated earlier year's is compared with: before it in its sentence, or
    ending the sentence before where the comparison opens its own (…8,450.00万元。与2023年的
    7,980.00万元相比，减少…)."""
    earlier = [f for f in sentence if f.id < stated.id]
    if earlier:
        return next((f for f in reversed(earlier) if f.period == CURRENT and f.measure == stated.measure
                     and f.unit == stated.unit), None)
    return next((f for f in reversed(sentence_before(base, stated)) if f.period == CURRENT
                 and f.unit == stated.unit and f.is_money == stated.is_money and f.measure != "变动额"), None)


def sentence_before(base: FactBase, fact: Fact) -> list[Fact]:
    """The facts of the sentence before the fact's, in its paragraph."""
    return list(base.by_sentence.get((fact.block, fact.sentence - 1), ()))


def list_head(text: str, earlier: list[Fact]) -> Fact | None:
    """The figure a 其中 list right before the clause opens with, when the list is still open:
    earlier[-1] is one of its items."""
    openers = lexicon().list_openers
    for k in range(len(earlier) - 2, -1, -1):
        f, after = earlier[k], earlier[k + 1]
        if any(o in text[f.at + len(f.text):after.at] for o in openers):
            return f
        if CLAUSE_STOP_RE.search(text, f.at + len(f.text), after.at):
            return None  # (a ； or 。 closes the list)
    return None


def prior_value(base: FactBase, change: Fact, current: Fact | None, measure: str = "决算") -> Fact | None:
    """Last year's figure of `measure` the document agrees on: of the fund this year's figure is
    of, where the document states that fund's (a 财政拨款 table beside an all-funds one), else of any."""
    fund = current.fund if current is not None else ""
    found = document_value(base, change.concept, measure, change.subject, PRIOR, fund) if fund else None
    return found or document_value(base, change.concept, measure, change.subject, PRIOR)


def compares_last_year(label: str, cues: list[str], year: int | None) -> bool:
    """The change's words compare with last year: a cue (比上年, 同比) or the year before the
    report's (较2024年度, in a 2025 report); no year but these two."""
    years = {int(y) for y in YEAR_NUMBER_RE.findall(label)} - {year}  # (the report's own year: 2025年度…比上年)
    if years:
        return year is not None and years == {year - 1}
    return any(c in label for c in cues)


def in_brackets(base: FactBase, f: Fact) -> bool:
    """Whether a figure stands inside brackets in its sentence (（其中：6月追加…15.00万元…）)."""
    return open_brackets(base.sentences.get((f.block, f.sentence), ""), 0, f.at) > 0
