"""Context `document` of kind `calculation`: a total and every non-optional part each stated
somewhere in the document, with one value."""
from __future__ import annotations

from ...facts.agreement import round_hedge
from ...facts.base import Fact, FactBase
from ...facts.base.words import balance_side
from ...facts.lexicon import lexicon
from ...knowledge import compact
from ..base import CHECKED
from .compare import compare_sum, judge_with_unknown
from .parts import declared_names, money_amount


def check_document(base: FactBase, calc, names, rule):
    """Total and parts each stated somewhere with one value. A total whose measure is not worded
    (a bare 整体支出 X) is tried against the parts of every measure: consistent with any, it is
    quiet; a unit slip against any is reported as such; otherwise it is compared as a 决算 (in a
    plan, as its budget: FactBase.bare_measure)."""
    plain = base.bare_measure
    fund = calc.get("fund") or ""
    # (a fund's total, 一般公共预算财政拨款基本支出, is stated with its fund or none; its parts with it:
    # the 人员经费 of a 一般公共预算财政拨款基本支出决算表, not the unit's)
    total = _on_side(base, document_value(base, calc["total"], plain, ("", fund)), calc.get("side"))
    if total is None or round_hedge(total):
        return  # (a total said roughly, 约1,025万元, holds no parts stated elsewhere to it: those the
        # document lists beside them, 其他支出, may be no part the vocabulary declares)
    measures = tuple(dict.fromkeys((plain, "决算", "年初预算", "全年预算"))) if total.implicit else (plain,)
    outcomes = []
    for measure in measures:
        parts = _document_parts(base, calc, measure, (fund,) if fund else ("",))
        if parts is not None and not _listed_under_other(base, total, parts):
            outcomes.append((measure, _judged(base, total, parts, rule)))
    if outcomes:
        yield CHECKED
    if not outcomes or any(not hits or all(h.cls == "rounding" for h in hits) for _, hits in outcomes):
        yield from (h for _, hits in outcomes[:1] for h in hits if h.cls == "rounding")
        return
    slips = [hits for _, hits in outcomes if any(h.cls == "unit_error" for h in hits)]
    yield from (slips[0] if slips else dict(outcomes).get(plain, []))


def _on_side(base: FactBase, total: Fact | None, side: str | None) -> Fact | None:
    """For a sum of one side of the balanced grand total (`side`: spending), the statement of the
    total that side's word names (支出总计, not 收入总计: the same value, the quote the sum is of)."""
    if total is None or not side or balance_side(compact(total.label))[0] == side:
        return total
    return next((f for f in base.of(total.concept, total.measure) if f.value == total.value and f.fund == total.fund
                 and balance_side(compact(f.label))[0] == side), total)


def _listed_under_other(base: FactBase, total: Fact, parts: list[Fact]) -> bool:
    """The parts are the items of a list in the words, opened (其中) after an amount of another value
    (机关服务中心本年支出650.00万元，均为基本支出，其中：人员经费…；公用经费…): that amount's parts, not
    the document's total's."""
    if any(p.source != "text" for p in parts):
        return False
    first = min(parts, key=lambda p: p.id)
    # (an amount of another measure, 完成年初预算2,900.00万元的98.77%，其中：…, a rate's base, heads no list of outturns)
    before = [f for f in base.run_before(first) if f.is_money and f.measure == first.measure]
    if not before or before[-1].value == total.value:
        return False
    head = before[-1]
    words = base.sentences.get((first.block, first.sentence), "")[:first.at]
    if (head.block, head.sentence) == (first.block, first.sentence):
        words = words[head.at + len(head.text):]
    return any(w in words for w in lexicon().list_openers)


def _judged(base: FactBase, total: Fact, parts: list[Fact], rule) -> list:
    """The findings of the total against its parts: where one sentence states every part and lists
    amounts the vocabulary does not know among them (基本支出中，人员经费…，公用经费…，对个人和家庭的
    补助…), as a list with unknown items (compare.judge_with_unknown)."""
    hits = list(compare_sum(total, parts, "全文", rule))
    extra = _listed_beside(base, parts) if hits else []
    return judge_with_unknown(total, parts, extra, "全文", rule) if extra else hits


def _listed_beside(base: FactBase, parts: list[Fact]) -> list[Fact]:
    """The amounts of the one sentence stating every part, naming no part of a declared sum, listed
    among them: after the first part, up to the amount right after the last."""
    keys = {(p.block, p.sentence) for p in parts}
    if len(keys) != 1 or any(p.source != "text" or p.sentence is None for p in parts):
        return []
    first, last = min(p.id for p in parts), max(p.id for p in parts)
    summed = declared_names()[1]
    return [f for f in base.by_sentence.get(next(iter(keys)), ()) if first < f.id <= last + 1
            and all(f is not p for p in parts) and (f.concept is None or f.concept not in summed)
            and money_amount(f) and f.period == parts[0].period and f.measure == parts[0].measure]


def _document_parts(base: FactBase, calc, measure: str, funds: tuple[str, ...]) -> list[Fact] | None:
    parts = []
    for p in calc["parts"]:
        f = document_value(base, p, measure, funds)
        if f is None:
            found = [a for a in (document_value(base, x, measure, funds)
                                 for x in (calc.get("alternatives") or {}).get(p, ())) if a is not None]
            if not found:
                return None  # a part stated nowhere: not assessable in this context
            parts.extend(found)
        else:
            parts.append(f)
    # (an optional part the document states is one of the parts: 经营支出 90.00 beside 基本支出 and
    # 项目支出 under 本年支出合计; one stated nowhere is 0)
    parts.extend(f for f in (document_value(base, p, measure, funds) for p in calc.get("optional") or ()) if f is not None)
    return parts


def document_value(base: FactBase, concept: str, measure: str = "决算", funds: tuple[str, ...] = ("",)) -> Fact | None:
    """The one value the document states for the concept (its statements of the `funds` agreeing)."""
    return base.remember(("unit-level", concept, measure, funds), lambda: _agreed_value(base, concept, measure, funds))


def _agreed_value(base: FactBase, concept: str, measure: str, funds: tuple[str, ...]) -> Fact | None:
    from ...facts.agreement import meets, tail

    from ...facts.scopes import figure_scope

    # (a figure of a narrower scope, a table titled …（机关本级）, is no value of the unit's)
    found = [f for f in base.of(concept, measure) if f.is_money and not f.member and not f.subject
             and f.fund in funds and not any(figure_scope(base, f))]
    if not found or not all(meets(found[0], f) or tail(found[0], f) for f in found):
        return None
    return next((f for f in found if f.source == "table"), found[0])
