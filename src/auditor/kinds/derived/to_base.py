"""Sub-checks `ratio_to_base` and `difference_to_base` of kind `derived`: “X万元，是年初预算 Y万元的
P%” (P = X ÷ Y) and “X万元，较年初预算 Y万元减少 D万元” (D = |X − Y|, in the direction the words
say), the base stated in the figure's clause or named in it."""
from __future__ import annotations

import re

from ...facts.base import Fact, FactBase
from ...facts.base.model import BUDGET_MEASURES, CURRENT
from ...facts.base.text_facts import named_budget_base, against_budget
from ...facts.base.words import respectively_words, without_funds
from ...facts.lexicon import lexicon
from ...facts.restated import clause_start
from ...knowledge import compact, concepts
from ..base import CHECKED, sentence_figures
from .intervals import difference_hit, difference_misfit, ratio_fits, rate_against
from .lookup import same_sentence, facts_before, document_value, clause_of, sentence_before, list_head


def _with_base(base: FactBase, fact: Fact, params: dict, fits=None) -> tuple[Fact, Fact] | None:
    """(this figure, the base) of a clause that compares the figure before it with one base it
    states: “2,000.00万元，是年初预算1,600.00万元的120.00%”, “12.00万元，较年初预算15.00万元减少
    4.00万元”. The clause opens with a cue (是, 较 …), holds exactly one figure before `fact`,
    in the unit family of the figure right before the clause, a figure of this year."""
    text, start, before = clause_of(base, fact, params)
    inside = [f for f in before if f.at >= start]
    earlier = [f for f in before if f.at < start]
    words, end = text, start  # (the text the earlier figures stand in, and where the clause starts in it)
    if not earlier and not text[:start].strip():
        # (机关运行经费支出46.20万元；完成年初预算48.00万元的96.25%: a clause opening the sentence after
        # a ； compares the figure the clause before it ended on)
        words = base.sentences.get((fact.block, fact.sentence - 1), "")
        earlier, end = (sentence_before(base, fact), len(words)) if words.rstrip().endswith(("；", ";")) else ([], 0)
    if len(inside) != 1 or not earlier or not text[start:inside[0].at].lstrip().startswith(tuple(params["base_cues"])):
        return None
    other = inside[0]
    if other.measure == "变动额":
        return None  # (比上年末分别减少2人、增加16人: another change, no base)
    # (7,022.36万元（含上年结转180.00万元），比…预算…减少…: a figure in brackets closed before the
    # clause glosses the one before it, which the clause compares)
    # (not where no figure outside them could be compared: 救助4,680人次（资金312.60万元），比上年…万元)
    outside = [f for f in earlier if not _bracketed_before(words, f, end)]
    earlier = outside if outside and _comparable(outside[-1], other) else earlier
    rates = ("%", "‰")
    if len(earlier) >= 2 and earlier[-1].unit in rates and other.unit not in rates \
            and re.search(r"[，,]", words[earlier[-2].at + len(earlier[-2].text):earlier[-1].at]):
        # a clause of the figure's rate alone between it and the comparison (完成人工造林12,200亩，
        # 完成年度计划的101.67%，比上年的10,800亩减少1,400亩 compares the 12,200亩; not a rate's
        # clause stating its own base, 为全年预算45.00万元的88.04%)
        earlier = earlier[:-1]
    stated = _paired_in_unit(words, earlier, other)
    head = list_head(words, earlier)
    # (an item of another year, 其中2024年建设18.3公里，比2023年的…: the comparison is the item's)
    if head is not None and stated.period == CURRENT and _comparable(head, other) \
            and not (fits and _comparable(stated, other) and fits(stated, other)):
        # “三公经费5.06万元，其中A3.80万元、B1.26万元，较上年的5.48万元减少0.42万元”: after a 其中
        # list the clause compares its whole, unless it holds for the last item
        stated = head
    return (stated, other) if _comparable(stated, other) else None


def _bracketed_before(text: str, fact: Fact, start: int) -> bool:
    """The figure stands in brackets that close before `start`: more brackets close than open
    between its end and there."""
    depth = 0
    for ch in text[fact.at + len(fact.text):start]:
        depth += ch in "（("
        depth -= ch in "）)"
        if depth < 0:
            return True
    return False


def _paired_in_unit(text: str, earlier: list[Fact], other: Fact) -> Fact:
    """The figure right before a comparison, or, where it is one of counts of one doing in several
    units joined by a bare 、 (62批次、487人次，比上年的70批次…), the one of them in the base's unit."""
    k = len(earlier) - 1
    while k > 0 and earlier[k].unit != other.unit and not earlier[k].is_money \
            and text[earlier[k - 1].at + len(earlier[k - 1].text):earlier[k].at].strip() == "、":
        k -= 1  # (a list of such counts is short: a few steps back at most)
    return earlier[k] if earlier[k].unit == other.unit else earlier[-1]


COMPARED_TAIL_RE = re.compile(r"\s*(?:相比|比较|对比|相较)?\s*$")


def _compared_clause_before(base: FactBase, change: Fact, params: dict, fits=None) -> tuple[Fact, Fact] | None:
    """(this figure, the base) where the base has a clause of its own before the change's:
    “补助资金8,450.00万元，与2023年的7,980.00万元相比，减少470.00万元”; a sentence opening so
    compares the last figure of the sentence before (…8,450.00万元。与2023年的…相比，减少…)."""
    text, start, before = clause_of(base, change, params)
    if any(f.at >= start for f in before) or start < 2:
        return None
    opened = clause_start(text, start - 1, params["clause_breaks"], ",")
    inside = [f for f in before if f.at >= opened]
    words = text[opened:start - 1]
    # (比上年增加7.37亿元，其中…增加4.55亿元: a clause whose figure is a change is a comparison
    # finished, no base of the next change)
    if len(inside) != 1 or inside[0].measure == "变动额" or not words.lstrip().startswith(tuple(params["base_cues"])) \
            or not COMPARED_TAIL_RE.match(words, inside[0].at - opened + len(inside[0].text)):
        return None
    earlier, words = [f for f in before if f.at < opened], text[:opened]
    listed = earlier  # (the sentence before's figures, where a 其中 sentence's are passed over for its whole's)
    if not earlier and not words.strip():
        # (…11,605.93万元，预算执行率95.49%。与上年…相比，减少…: the amount, not a rate ending the sentence)
        earlier = _without_trailing_rates(sentence_before(base, change))
        words = base.sentences.get((change.block, change.sentence - 1), "")
        listed = earlier
        if change.sentence >= 2 and (_lists_in_turn(words, earlier) or lexicon().list_opener.match(words)):
            # (…支出决算3,265.80万元。项目支出分别为386.40万元和818.50万元。与2023年度…相比，增加…: a
            # sentence listing figures in turn breaks the whole before it down, as one opening with
            # 其中 does; the change is the whole's, and where no one can read the whole (35,21.36万元),
            # of nothing known)
            earlier = list(base.by_sentence.get((change.block, change.sentence - 2), ()))
            words = base.sentences.get((change.block, change.sentence - 2), "")
    if not earlier:
        return None
    # the figure the sentence is about, not an item listed under it (8,450.00万元，其中中央资金
    # 6,000.00万元，与…相比: the 8,450.00万元) nor one in brackets: the figure before the first
    # list opener or bracket after its own
    stated = earlier[-1]
    openers = (*lexicon().list_openers, "（", "(")
    for k in range(len(earlier) - 1):
        between = words[earlier[k].at + len(earlier[k].text):earlier[k + 1].at]
        if any(o in between for o in openers):
            stated = earlier[k]
            break
    other = inside[0]
    if fits is not None and earlier is not listed and listed and _comparable(listed[-1], other) and fits(listed[-1], other):
        return listed[-1], other  # (其中项目支出1,660.34万元。与2023年…相比，增加…: what holds for the part is the part's)
    if stated.measure in BUDGET_MEASURES and other.measure not in BUDGET_MEASURES \
            and lexicon().measures.last(without_funds(compact(change.label))) not in BUDGET_MEASURES:
        # (…实际支出11,605.93万元，全年预算12,154.00万元，预算执行率95.49%。与上年…相比: an outturn
        # compared with last year's is this year's outturn, not the budget stated after it; a change
        # naming the budget, 预算规模增加…, is the budget's)
        stated = next((f for f in reversed(earlier) if f.measure == other.measure and f.period == CURRENT
                       and f.is_money == other.is_money), stated)
    named = lexicon().measures.last(compact(other.label))
    if named == other.measure and stated.measure != other.measure and stated.concept == other.concept:
        # (…支出8,211.07万元。年初预算为8,520.00万元。与2023年度决算数…相比，增加…: a base naming its
        # measure is compared with this year's figure of that measure, the nearest before, not the
        # budget stated last)
        stated = next((f for f in reversed(base.by_block.get(change.block, ())) if f.id < stated.id
                       and f.concept == other.concept and f.measure == other.measure and f.period == CURRENT
                       and f.source == "text"), None)
        if stated is None:
            return None
    if other.concept is not None and stated.concept is not None and stated.concept != other.concept:
        # the fact base read the base as another thing's (the whole's, after a sentence listing its
        # parts: 全年支出…。其中基本支出…，项目支出…。与2023年度的…相比，支出增加…): the figure
        # compared is that thing's of this year, the nearest before, not the part named last
        stated = next((f for f in reversed(base.by_block.get(change.block, ()))
                       if f.id < change.id and f.sentence < change.sentence and f.concept == other.concept
                       and f.measure == other.measure and f.period == CURRENT and f.source == "text"), None)
        if stated is None:
            return None
    return (stated, other) if _comparable(stated, other) else None


def _without_trailing_rates(facts: list[Fact]) -> list[Fact]:
    """The facts without the rates (%) at their end."""
    end = len(facts)
    while end and facts[end - 1].unit in ("%", "‰"):
        end -= 1
    return facts[:end]


def _lists_in_turn(text: str, facts: list[Fact]) -> bool:
    """A sentence of two figures or more all listed in turn after its 分别 / 依次 (concepts.yaml
    score_lists respectively), none of them their sum (…分别为A和B，合计W states its whole itself)."""
    words = respectively_words()
    cut = min((k for k in (text.find(w) for w in words) if k >= 0), default=-1)
    sums = tuple(concepts().get("column_total_words") or ())
    return len(facts) >= 2 and 0 <= cut < facts[0].at \
        and not any(compact(text[facts[k - 1].at:f.at]).endswith(sums) for k, f in enumerate(facts) if k)


def _comparable(stated: Fact, other: Fact) -> bool:
    return not (stated.measure == "变动额" or stated.unit in ("%", "") or stated.period != CURRENT
                or stated.is_money != other.is_money or (not stated.is_money and stated.unit != other.unit))


def check_ratio_to_base(base: FactBase, rule):
    for rate in (f for f in sentence_figures(base, "实际值") if not f.comparator and f.unit == "%"):
        text = base.sentences.get((rate.block, rate.sentence), "")
        pair = _with_base(base, rate, rule.params, lambda num, den: den.value != 0 and ratio_fits(rate, num, den))
        if pair is None or pair[1].value == 0:
            continue
        stated, other = pair
        if text[other.at + len(other.text):rate.at].strip().lstrip("）)").strip() != "的":
            continue  # “是 Y 的 P%”: the rate is of the base, nothing between (but the bracket it closes: 是2022年（Y）的)
        # (the base by its words without the clause's cue, 完成年初预算 → 年初预算)
        words = other.label.strip("是为较比（( ")
        cue = next((c for c in sorted(rule.params["base_cues"], key=len, reverse=True) if words.startswith(c)), "")
        relation = f"与{words[len(cue):].strip() or words or '所比数字'}的比例"
        yield from rate_against(base, rate, stated, other, relation, relation)


def check_difference_to_base(base: FactBase, rule):
    for change in (f for f in sentence_figures(base, "变动额") if not f.comparator and f.sign):
        pair = _with_base(base, change, rule.params,
                          lambda later, earlier: difference_misfit(change, later, earlier, change.sign) is None) \
            or _compared_clause_before(base, change, rule.params,
                                       lambda later, earlier: difference_misfit(change, later, earlier, change.sign) is None)
        terms = f"{pair[0].text} − {pair[1].text}" if pair else ""
        if pair is None:
            pair = _named_base(base, change)
            if pair is None:
                continue
            terms = f"{pair[0].text} − {pair[1].measure} {pair[1].text}（{pair[1].where()}）"
        stated, other = pair
        yield CHECKED
        hit = difference_hit(change, stated, other, change.sign, _change_words(change, rule.params), "增减额",
                              terms, quote=base.span(stated, change), stated=change.quote)
        if hit is not None:
            yield hit


def _change_words(change: Fact, params: dict) -> tuple[str, str]:
    """The words for up and down: a change told as saving or overspending on a budget (比预算节约)
    is corrected in those words, any other as 增加 / 减少."""
    tail = compact(change.label)[-4:]
    if len(params["budget_words"]) == 2 and any(c in tail for c in params["budget_cues"]):
        return tuple(params["budget_words"])
    # the vocabulary's words of income over and under its budget (超收, 短收): a change told in
    # them is corrected in them
    over_under = tuple(concepts().get("budget_change_words") or ())
    if len(over_under) == 2 and any(w in tail for w in over_under):
        return over_under
    return ("增加", "减少")


def _named_base(base: FactBase, change: Fact) -> tuple[Fact, Fact] | None:
    """(this year's outturn, the budget) of a change on a budget its words name but do not state
    (全年支出1,402.35万元，较年初预算减少102.35万元, the 年初预算 stated elsewhere): the outturn of
    the change's concept before it in its sentence, the one figure of that budget the document
    agrees on."""
    measure = named_budget_base(compact(change.label)) if change.is_money else None
    if measure is None and change.is_money and change.period == CURRENT and against_budget(compact(change.label)):
        return _outturn_and_budget(base, change)
    if measure is None or change.period != CURRENT:
        return None
    before = facts_before(same_sentence(base, change), change)
    if change.concept is None:
        # a thing named nowhere (the unit's budget as a whole): “年初预算2,410.00万元，…全年预算数
        # 2,586.40万元，比年初预算多186.40万元”, both figures in the sentence, the later right before
        later = before[-1] if before and before[-1].is_money and before[-1].measure in ("决算", "全年预算") \
            and before[-1].measure != measure and before[-1].concept is None else None
        earlier = next((f for f in reversed(before) if f.is_money and f.measure == measure and f.concept is None
                        and f.period == CURRENT), None) if later is not None else None
        return (later, earlier) if earlier is not None else None
    later = next((f for f in reversed(before) if f.is_money
                  and f.measure == "决算" and f.period == CURRENT and f.concept == change.concept), None)
    earlier = document_value(base, change.concept, measure, later.subject) if later is not None else None
    if earlier is None and later is not None and measure == "全年预算" and BARE_BUDGET_RE.search(compact(change.label)):
        # a bare 预算 (比预算节约0.32万元) is whichever budget the document states: the initial one
        earlier = document_value(base, change.concept, "年初预算", later.subject)
    return (later, earlier) if earlier is not None else None


def _outturn_and_budget(base: FactBase, change: Fact) -> tuple[Fact, Fact] | None:
    """(this year's outturn, its budget) of a change against the budget by its very word, naming
    no budget measure (收入完成12.35亿元，为调整预算12.10亿元的102.1%，超收0.25亿元): the nearest
    outturn and budget of the change's own thing before it in its sentence, else the one budget
    figure of that thing the document states (of either level: two that differ leave the base
    unknown). A thing named nowhere (concept None) needs both in the sentence, one of each."""
    # (a fund named once, 政府性基金预算收入年初预算…，全年实际完成…，短收…, is the later figures' too)
    before = [f for f in facts_before(same_sentence(base, change), change)
              if f.is_money and f.period == CURRENT and f.concept == change.concept
              and (f.fund == change.fund or not f.fund or not change.fund)]
    outturns = [f for f in before if f.measure == "决算"]
    budgets = [f for f in before if f.measure in BUDGET_MEASURES]
    if not outturns or (change.concept is None and (len(outturns) != 1 or len(budgets) != 1)):
        return None
    if not budgets:
        stated = {m: document_value(base, change.concept, m, outturns[-1].subject) for m in BUDGET_MEASURES}
        budgets = [f for f in stated.values() if f is not None]
        if len({f.in_yuan() for f in budgets}) != 1:
            return None
    return outturns[-1], budgets[-1]


BARE_BUDGET_RE = re.compile(r"(?:比|较|与)(?:本年)?预算")  # 比预算, 较预算: no 年初 / 调整 / 全年
