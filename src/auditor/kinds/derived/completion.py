"""Sub-checks `completion` and `target_completion` of kind `derived`: 完成率 = 决算 ÷ 年初预算 or
全年预算, as the words say; a rate of completing a target = the quantity achieved ÷ the target,
stated in the rate's clause or as the indicator's 目标值 in a table."""
from __future__ import annotations

import re
from dataclasses import replace

from ...facts.base import Fact, FactBase
from ...facts.base.model import BUDGET_MEASURES, CURRENT
from ...facts.lexicon import lexicon
from ...facts.numbers import fmt
from ...facts.restated import clause_start
from ...knowledge import compact, concepts, last_open_bracket
from ..base import CHECKED, Hit, sentence_figures
from .intervals import HUNDRED, ratio_bounds, exact_ratio, consistent, rate_hit, ratio_fits, rate_against
from .lookup import same_sentence, facts_before, unique_value, clause_of, list_head
from .budgets import sentence_amount, pick, past_closed_group, other_kind


def _listed_under_budget(base: FactBase, fact: Fact, sentence: list[Fact]) -> bool:
    """The amount is an item of a list opened under a budget figure (年初预算1,236.00万元，其中…)."""
    text = base.sentences.get((fact.block, fact.sentence), "")
    openers = lexicon().list_openers
    after = fact.at
    for f in reversed([x for x in sentence if x.id < fact.id and x.is_money]):
        if any(o in text[f.at + len(f.text):after] for o in openers):
            return f.measure in BUDGET_MEASURES
        after = f.at
    return False


def check_completion(base: FactBase, rule):
    for rate in (f for f in sentence_figures(base, "完成率") if not f.comparator
                 and f.unit == "%" and f.period == CURRENT):
        sentence = facts_before(same_sentence(base, rate), rate)
        actual = pick(base, rate, sentence, "决算")
        if actual is not None and _listed_under_budget(base, actual, sentence):
            continue  # (年初预算…，其中中央资金…、县级配套…，中央资金占年初预算的80.00%: the budget's make-up)
        if rate.base == "预算":
            yield from _bare_completion(base, rate, sentence, actual)
            continue
        worded = rate.base or "全年预算"
        year = actual.period if actual is not None else CURRENT
        sentence = past_closed_group(sentence, actual)
        # (no budget of the other kind of money: 政府性基金预算 | 收入预算 55,000 for its 支出 86,540)
        budget, other = (None if b is None or actual is not None and other_kind(b, actual) else b
                         for b in (pick(base, rate, sentence, worded, year),
                                   pick(base, rate, sentence, "年初预算" if worded == "全年预算" else "全年预算", year)))
        if actual is None or (budget is None and other is None):
            continue
        if budget is not None and budget.value != 0:
            hits = list(rate_against(base, rate, actual, budget, _relation(rate, worded), f"决算 ÷ {worded}"))
        else:
            hits = [CHECKED]  # the worded budget is 0 or not stated: say so if the rate fits the other
        misfit = budget is None or budget.value == 0 or len(hits) > 1
        if misfit and other is not None and other.value and ratio_fits(rate, actual, other):
            yield CHECKED
            if budget is None:
                continue  # (完成年初预算的88.22% of the 全年预算, the 年初 unstated: they may be one)
            right = exact_ratio(actual, budget) if budget.value else None
            hit = rate_hit(rate, right if right is not None else exact_ratio(actual, other), _relation(rate, worded),
                       f"文中写“完成{worded}”，但 {rate.text} 是按{other.measure}计算的：决算 {actual.text} ÷ "
                       f"{other.measure} {other.text} = {fmt(exact_ratio(actual, other))}%"
                       + (f"；{worded}为 {budget.text}" if budget is not None else ""))
            hit.cls = None  # the wrong budget named: an error even where the digits agree
            if right is None:
                # the digits are the other budget's and the budget named has none to divide by: the
                # words are wrong, not the figure (read in the message: “…写作 95.89%，按金额计算为
                # 完成全年预算的95.89%（年初预算为 0 万元，无从计算），应写“完成全年预算”）
                hit.expected, hit.severity = f"完成{other.measure}的{rate.text}", "warning"
                hit.fields["computed"] = f"{hit.expected}（{worded}为 {budget.text}，无从计算），应写“完成{other.measure}”"
            yield hit
            continue
        for hit in hits:
            if isinstance(hit, Hit) and budget is not None:
                hit.formula += _decrease_note(rate, actual, budget)
            yield hit


def _relation(rate: Fact, budget: str) -> str:
    """What the message calls the rate: a share of the budget where its words say 占 (结余资金…，占全年
    预算的6.50%: no completion of it), else the completion of it."""
    return f"{'占' if compact(rate.label).startswith('占') else '完成'}{budget}的比例"


def _bare_completion(base: FactBase, rate: Fact, sentence: list[Fact], actual: Fact | None):
    """“完成预算的 X%” names no budget: the budgets the sentence states, else the document's
    (全年 before 年初); consistent when the rate fits any of them."""
    year = actual.period if actual is not None else CURRENT
    stated = [f for m in ("全年预算", "年初预算") for f in [sentence_amount(rate, sentence, m, year)] if f is not None]
    budgets = [f for f in stated or [pick(base, rate, sentence, m, year) for m in ("全年预算", "年初预算")]
               if f is not None and f.value]
    if actual is None or not budgets:
        return
    yield CHECKED
    if any(ratio_fits(rate, actual, b) for b in budgets):
        return
    budget = budgets[0]
    for hit in rate_against(base, rate, actual, budget, _relation(rate, "预算"), f"决算 ÷ {budget.measure}"):
        if isinstance(hit, Hit):
            hit.formula += _decrease_note(rate, actual, budget)
            yield hit


# what a completion rate of a target is, and how it is worked out (the message's relation and basis)
TARGET_RELATION = ("完成目标的比例", "实际完成 ÷ 目标")


def check_target_completion(base: FactBase, rule):
    """Each finding says how its figure was worked out (its message's basis): achieved ÷ target, or
    for a rate of going beyond the target, the excess over it ÷ the target."""
    for out in _target_completions(base, rule):
        if isinstance(out, Hit):
            out.fields.setdefault("basis", TARGET_RELATION[1])
        yield out
    yield from _excess_amounts(base, rule)


def _target_completions(base: FactBase, rule):
    """“改造老旧管网45.6公里，完成年度目标（50公里）的91.2%”, “改造路灯1150盏，完成计划的95.83%”:
    the achieved quantity (the figure before the rate's clause) ÷ the target (a figure of the same
    unit inside the clause, else the indicator's one 目标值 in a table). Money is DRV002's."""
    params = rule.params
    for rate in (f for f in sentence_figures(base) if not f.comparator and f.unit == "%" and f.measure != "变动率"):
        text, start, before = clause_of(base, rate, params)
        if params["excess_amount_pattern"]:
            # (实际完成190公里，超计划26公里，完成率115.85%: 26 is what was done beyond the plan)
            before = [f for f in before if not re.search(params["excess_amount_pattern"], compact(f.label))]
        opened = last_open_bracket(text, start, rate.at)  # (a note the rate stands in, opened in its clause)
        if opened is not None and _names_own_subject(text[:opened - 1], text[opened:rate.at], params):
            # (已完成14个，未完成1个（城镇新增就业人数完成目标的96%）: a rate in a note naming a thing of
            # its own is that thing's, not the figures' outside it; 45.6公里（完成年度目标的91.2%）is theirs)
            start, before = opened, [f for f in before if f.at > opened]
        clause = text[start:rate.at]
        # 完成年度目标的 / 目标完成率: both words in the rate's clause; or a bare 完成率 after a
        # clause stating the target and one stating what was done (计划适配900件，实际适配846件，完成率94.00%);
        # a share of a target (占年度任务5,000亩的73%) is its completion too
        if any(w in clause for w in params["excess_cues"]) and not clause.rstrip().endswith("的"):
            # 超额完成6.67%: how far beyond the target, not its completion: (achieved − target) ÷ target;
            # not an excess over last year (较上年…超出15.71%); 超额完成年度目标任务的105.42% is a
            # completion of the target, judged below
            if not lexicon().prior.search(clause):
                yield from _excess_rate(base, rate, text, [f for f in before if f.at < start and f.unit != "%"], params)
            continue
        # (or the clause opening on a copula and closing on 的 before the rate, 为年度指标值的98.33%)
        share_of_target = (any(w in clause for w in params["share_cues"])
                           or clause.lstrip().startswith(tuple(params["share_openers"])) and clause.rstrip().endswith("的")) \
            and any(c in clause for c in params["target_cues"])
        if rate.measure == "占比" and not share_of_target:
            continue
        if not (any(c in clause for c in params["completion_cues"]) or share_of_target):
            continue
        if not any(c in clause for c in params["target_cues"]):
            earlier = _with_floors(base, rate, [f for f in before if f.at < start], start)
            pair = _target_clause_before(text, earlier, params) or (
                _tabled_target(base, earlier) if _says_completion_only(clause, params) else None) or (
                _named_row_outcome(base, clause, params))
            if pair is not None and rate.value == HUNDRED and pair[0].value >= pair[1].value:
                yield CHECKED  # a target met beyond, its completion written 100%
            elif pair is not None:
                yield from _noted(rate_against(base, rate, pair[0], pair[1], *TARGET_RELATION),
                                  rate, pair[0], pair[1])
            continue
        # (in a bracketed note, the target is a figure after its last completion word; one before it
        # in the clause, 实际建成45.6公里（…完成年度目标的95.2%）, is what was achieved)
        cue_at = start + max(clause.rfind(c) for c in params["completion_cues"]) if opened is not None and any(
            c in clause for c in params["completion_cues"]) else start
        inside = [f for f in before if f.at >= cue_at and f.unit != "%" and not f.is_money] \
            or _bracketed_target(text, rate, same_sentence(base, rate), params)
        if any(mark in text[start:rate.at + len(rate.text) + 20] for mark in params["ceiling_marks"]):
            continue  # staying under a ceiling (≤5件) is its completion: no quotient
        if not inside and any(w in clause for w in params["changed_target_cues"]):
            continue  # 完成调整后任务的103.05%: of a target changed during the year, not the plan stated
        earlier = _with_floors(base, rate, [f for f in before if f.at < cue_at], cue_at)
        pair = None if inside else _target_clause_before(text, earlier, params)
        if pair is not None and rate.value == HUNDRED and pair[0].value >= pair[1].value:
            yield CHECKED  # (a target met beyond, 年度指标值≥48场，完成52场，完成年度目标的100%)
            continue
        if pair is not None:
            # “计划办理1,500件，实际办理1,380件，完成计划的95.0%”: the plan is the clause before
            yield from _noted(rate_against(base, rate, pair[0], pair[1], *TARGET_RELATION),
                                 rate, pair[0], pair[1])
            continue
        head = _whole_of_list(text, [f for f in _all_before(base, rate) if f.at < cue_at])
        if head is not None and not any(w in clause for w in params["cumulative_words"]) \
                and _agrees(rate, earlier[-1], inside):
            yield CHECKED  # (the rate is of the list's last item, as its clause may well say)
            continue
        # (…累计建成8.85万亩，其中2021年1.80万亩、…、2024年2.60万亩，累计完成规划目标12.00万亩的73.75%:
        # what was achieved is the whole the 其中 list breaks down, not its last item)
        # (a 其中 on an indicator's own quantity of the year, none cumulated and no target of years named)
        own_item = _no_whole_before(base, rate, earlier) and not any(
            w in clause + earlier[-1].label for w in params["cumulative_words"]) \
            and not re.search(params["span_target_pattern"], clause)
        achieved = _achieved(earlier, inside, own_item) if head is None else head
        if achieved is None and not before:
            # a row's remark (偏差原因: 受场馆改造影响，完成年度目标的92.4%) stating no figure but the
            # rate: of the row's achieved quantity and its target
            achieved, target = _row_outcome(base, rate)
            if achieved is not None and target is not None and target.value and target.comparator not in ("≤", "<"):
                yield from _noted(rate_against(base, rate, achieved, target, *TARGET_RELATION),
                                  rate, achieved, target)
            continue
        if achieved is None:
            continue
        target = inside[-1] if inside else _indicator_target(base, achieved)
        if target is None or target.value == 0 or target.comparator in ("≤", "<"):
            continue
        span = ratio_bounds(achieved, target)
        # “完成目标的100%” says the target was reached, also where it was exceeded
        if rate.value == HUNDRED and span is not None and span[1] >= HUNDRED:
            yield CHECKED
            continue
        yield from _noted(rate_against(base, rate, achieved, target, *TARGET_RELATION),
                          rate, achieved, target)


def _excess_rate(base: FactBase, rate: Fact, text: str, earlier: list[Fact], params: dict):
    """“计划巡查1,800点次，实际巡查2,136点次，…，超额完成16.87%”: the rate against (achieved − target)
    ÷ target, the two clauses before stating them (see _target_clause_before)."""
    pair = _target_clause_before(text, earlier, params)
    if pair is None or not pair[1].value:
        return
    achieved, target = pair
    span = ratio_bounds(achieved, target)
    if span is None:
        return
    yield CHECKED
    if consistent(rate, span[0] - HUNDRED, span[1] - HUNDRED):
        return
    computed = exact_ratio(achieved, target) - HUNDRED
    hit = rate_hit(rate, computed, "超额完成的比例",
                   f"（实际完成 {achieved.text} − 目标 {target.text}）÷ 目标 {target.text} = {fmt(computed)}%",
                   operands=(achieved, target))
    hit.fields["basis"] = "（实际完成 − 目标）÷ 目标"
    yield hit


def _excess_amounts(base: FactBase, rule):
    """“计划培训600人次，实际培训642人次，…，超计划24人次”: an amount its words call done beyond the
    target (excess_amount_pattern) against achieved − target, the clauses before it stating them."""
    params = rule.params
    if not params["excess_amount_pattern"]:
        return
    pattern = re.compile(params["excess_amount_pattern"])
    for excess in (f for f in sentence_figures(base) if not f.comparator and f.unit and f.unit != "%"
                   and pattern.search(compact(f.label))):
        text, start, before = clause_of(base, excess, params)
        earlier = [f for f in facts_before(same_sentence(base, excess), excess) if f.unit == excess.unit]
        pair = _target_clause_before(text, earlier, params)
        if pair is None:
            continue
        achieved, target = pair
        yield CHECKED
        diff = achieved.value - target.value
        slack = achieved.half_unit + target.half_unit + excess.half_unit
        if abs(diff - excess.value) <= slack:
            continue
        places = max(achieved.places, target.places, excess.places)
        shown = f"{fmt(diff, places, achieved.text)}{excess.unit}"
        yield Hit(quote=excess.quote, location=excess.loc, stated=excess.quote, expected=shown,
                  formula=f"实际完成 {achieved.text} − 目标 {target.text} = {shown}",
                  fields={"relation": "超出目标的数量", "rate": excess.text, "computed": shown,
                          "basis": "实际完成 − 目标"},
                  highlights=[achieved.loc, target.loc])


def _names_own_subject(before: str, note: str, params: dict) -> bool:
    """The words of a bracketed note before its completion words name a thing (城镇新增就业人数),
    not a filler (实际, 累计: note_filler_words) nor the thing the text outside names (职业技能培训)."""
    cues = [note.find(c) for c in (*params["completion_cues"], *params["target_cues"]) if c in note]
    head = note[:min(cues)] if cues else note
    for word in params["note_filler_words"]:
        head = head.replace(word, "")
    head = re.sub(r"[^\u4e00-\u9fff]", "", head)
    return len(head) >= 2 and head not in compact(before)


def _with_floors(base: FactBase, rate: Fact, earlier: list[Fact], end: int) -> list[Fact]:
    """The sentence's figures before `end` with its floor targets among them (年度指标值≥80万人次,
    不低于48场: a bound, in no index, yet the target a share of it is counted against), in
    reading order; a few figures back at most."""
    floors = []
    if rate.loc.table is not None:
        return earlier  # (a remark cell's rate: the row's outcome, see _row_outcome)
    for f in base.facts[max(0, rate.id - FLOOR_REACH):rate.id][::-1]:
        if (f.block, f.sentence) != (rate.block, rate.sentence) or f.loc.table is not None:
            break
        if f.comparator == "≥" and f.at < end:
            floors.append(f)
    return sorted([*earlier, *floors], key=lambda f: f.at) if floors else earlier


FLOOR_REACH = 12  # figures back in its sentence a completion rate looks for a floor target


def _target_clause_before(text: str, earlier: list[Fact], params: dict) -> tuple[Fact, Fact] | None:
    """(achieved, target) of the two clauses right before a bare 完成率: the first states a
    target (年度任务136户, 计划适配900件), the second a quantity of this year in its unit, and
    the sentence states no other quantity between them (or the other way round). None where the
    target is a comparison's base (较年度计划1.20万亩) and the quantity after it another thing's
    (其中人工造林0.80万亩), or where a target is stated after both (年中计划调整为…)."""
    # (an indicator in % counts too when its words say target and reached: 目标值60%，实际完成63.6%)
    # (money counts where neither figure is a budget's: 计划发放贷款3.00亿元，实际发放2.46亿元, an
    # output's target in money; a budget's completion is DRV002's)
    quantities = [f for f in earlier if f.unit and f.measure != "变动额" and f.measure not in BUDGET_MEASURES
                  and (f.unit != "%" or f.measure in ("目标值", "实际值"))]
    if len(quantities) < 2:
        return None
    target, achieved = quantities[-2], quantities[-1]
    if len(quantities) >= 3 and quantities[-3].unit == target.unit \
            and compact(text[quantities[-3].at + len(quantities[-3].text):target.at]).removeprefix(target.unit) in params["part_of_words"]:
        target = quantities[-3]  # (任务2.80万亩中1.20万亩推迟开工，已开工1.60万亩: 1.20 is a part of the target)
    if (target.is_money or achieved.is_money) and (
            target.is_money != achieved.is_money or any(w in compact(f.label) for f in (target, achieved)
                                                        for w in params["budget_amount_words"])):
        return None
    words = text[clause_start(text, target.at, params["clause_breaks"], ","):target.at]
    later = text[clause_start(text, achieved.at, params["clause_breaks"], ","):achieved.at]
    completed = any(c in words for c in params["completion_cues"])
    if not any(c in words for c in params["target_cues"]) or (completed and not any(
            c in later for c in params["completion_cues"])):
        # the target stated second (供餐学校40所，年度指标值为38所，完成率为…), or the first clause
        # says the target's work done (完成营造林任务128.6万亩，目标为120万亩)
        # (not a difference from the target: 比目标少0.12万人)
        # (a comparison whose base is the target itself, its figure right after the target's name,
        # 较年度计划8,000万元, states the target as 年度指标值为 does)
        if any(c in later for c in params["target_cues"]) and (
                not lexicon().comparison.search(later) or compact(later).endswith(tuple(params["target_cues"]))):
            target, achieved, words = achieved, target, later
    if target.at < achieved.at and lexicon().comparison.search(words) \
            and compact(words).endswith(tuple(params["target_cues"])):
        # the target the base of a comparison (…1.32万亩，较年度计划1.20万亩超出…) is the target of
        # the quantity compared with it, before it: a quantity after it (其中人工造林0.80万亩，完成率
        # 100%) is another thing's, its target not stated
        return None
    last = max(target.at, achieved.at)
    if any(f.at > last and f.unit == target.unit and (f.measure in BUDGET_MEASURES or f.measure == "目标值")
           for f in earlier):
        return None  # (…，年中计划调整为9,000万元，完成率…: a target stated after the two, the rate's perhaps)
    if target.unit != achieved.unit or target.period != CURRENT or achieved.period != CURRENT \
            or not any(c in words for c in params["target_cues"]) or target.value == 0 \
            or target.comparator in ("≤", "<") or any(m in words for m in params["ceiling_marks"]):
        return None
    if _undone(text[clause_start(text, achieved.at, params["clause_breaks"], ","):achieved.at], params):
        # (计划完工120公里，尚未完工18公里，完成率86%: the 18 are left undone, what was done the rest)
        return _done_of(achieved, target)
    return achieved, target


def _undone(words: str, params: dict) -> bool:
    """The words before a quantity say it is left undone: a negation with no completion word after it
    (尚未完工18公里; not 因资金未到位实际完成102公里, done after all)."""
    at = max((words.rfind(n) for n in params["negations"]), default=-1)
    # (the done words only: 未完成 holds 完成 itself)
    return at >= 0 and not any(c in words[at:] for c in params["done_words"])


def _done_of(undone: Fact, target: Fact) -> tuple[Fact, Fact] | None:
    """(what was done, the target) where a quantity is what is left of the target undone."""
    if undone.value > target.value:
        return None
    places = max(undone.places, target.places)
    value = target.value - undone.value
    return replace(undone, value=value, places=places, text=f"（{target.text} − {undone.text}）"), target


def _named_row_outcome(base: FactBase, clause: str, params: dict) -> tuple[Fact, Fact] | None:
    """(achieved, target) of the one table row a rate's clause names before its completion words
    (空气质量监测站点完成率96.00% under a row 空气质量监测站点数（个） | 40 | 38): the row's label
    without its unit in brackets and a count's or measure's tail (数, 个数, 面积: concepts.yaml
    label_measure_tails) is the clause's name."""
    name = compact(clause).strip("，,：:")
    word = next((w for w in sorted(params["named_row_rate_words"], key=len, reverse=True) if name.endswith(w)), None)
    if word is None:
        return None  # (信访事项按期办结率达到99.9%: the indicator's own rate, no completion of its target)
    name = name[:-len(word)]
    if len(name) < NAMED_ROW_MIN:
        return None
    # (a rate's target, ≥95%, is the indicator's level: its 完成值 is that rate, no quantity done)
    rows = [f for f in _target_rows(base) if _row_core(f.concept) == name and f.unit not in ("%", "‰")]
    if len(rows) != 1:
        return None
    target = rows[0]
    done = [f for f in base.by_table.get(target.block, ()) if f.loc.row == target.loc.row
            and f.measure in ("实际值", "决算") and f.unit == target.unit and f.period == CURRENT]
    if len(done) != 1 or not target.value or target.comparator in ("≤", "<"):
        return None
    return done[0], target


NAMED_ROW_MIN = 4  # the fewest characters of a name a rate's clause ties to a table row by (not 完成率 alone)
BRACKETED_TAIL_RE = re.compile(r"[（(][^（）()]*[）)]$")


def _target_rows(base: FactBase) -> list[Fact]:
    """The tables' 目标值 facts of a named row (read once per document)."""
    return base.remember(("target rows",), lambda: [
        f for facts in base.by_table.values() for f in facts if f.measure == "目标值" and f.concept])


def _row_core(label: str) -> str:
    """A row's name without its unit in brackets and its measure's tail (空气质量监测站点数（个） ->
    空气质量监测站点)."""
    core = BRACKETED_TAIL_RE.sub("", compact(label))
    tails = sorted((*(concepts().get("label_measure_tails") or ()), "数"), key=len, reverse=True)
    return next((core[:-len(t)] for t in tails if core.endswith(t) and len(core) > len(t)), core)


def _row_outcome(base: FactBase, rate: Fact) -> tuple[Fact | None, Fact | None]:
    """(achieved, target) of the table row a rate in a remark cell stands in: its one quantity
    done (实际值, or a 实际完成 column's 决算) and its one 目标值, in the same unit."""
    if rate.loc.table is None or rate.loc.row is None:
        return None, None
    row = [f for f in base.by_table.get(rate.block, ()) if f.source == "table" and f.loc.row == rate.loc.row
           and f.unit not in ("%", "分", "") and f.period == CURRENT]
    done = [f for f in row if f.measure in ("实际值", "决算")]
    targets = [f for f in row if f.measure == "目标值"]
    if len(done) != 1 or len(targets) != 1 or done[0].unit != targets[0].unit:
        return None, None
    return done[0], targets[0]


def _achieved(earlier: list[Fact], inside: list[Fact], no_whole: bool = False) -> Fact | None:
    """The quantity achieved: the figure right before the rate's clause, a quantity of this year
    in the target's unit, no change (比上年增加5.6公里) and no part (其中主干管网12.0公里) — unless
    `no_whole`: no quantity of its unit is stated before it in its paragraph, the 其中 picking out
    one of the things a statement of no figure speaks of (产出指标均已完成，其中巡查里程完成…). With
    no target in the clause (the table's is used), the sentence must state that one quantity (a
    rate after 45.6公里、2座 is of them all)."""
    achieved = earlier[-1] if earlier else None
    if achieved is None or achieved.is_money or achieved.unit in ("%", "") or achieved.measure == "变动额" \
            or achieved.period != CURRENT or not no_whole and any(w in achieved.label for w in lexicon().list_openers):
        return None
    if inside:
        return achieved if achieved.unit == inside[-1].unit else None
    # (points, 满分50分，得49.60分, are scores beside it, no other quantity achieved)
    quantities = [f for f in earlier if not f.is_money and f.unit not in ("%", "", "分")]
    return achieved if len(quantities) == 1 else None


def _no_whole_before(base: FactBase, rate: Fact, earlier: list[Fact]) -> bool:
    """No quantity in the unit of the figure before the rate (the last of `earlier`) is stated
    before that figure in its paragraph: a 其中 on it opens no list of a whole's parts."""
    if not earlier:
        return False
    figure = earlier[-1]
    return not any(f.unit == figure.unit and f.source == "text" and f.id < figure.id
                   for f in base.by_block.get(figure.block, ()))


def _whole_of_list(text: str, before: list[Fact]) -> Fact | None:
    """The whole a 其中 list breaks down when the last figure before the rate's clause is one of that
    list's items (…累计建成8.85万亩，其中2021年1.80万亩、2022年2.10万亩…): the figure the list opens
    after (a span's own, 多年, too), a quantity in the item's unit. None where there is no such list."""
    if len(before) < 2 or before[-1].is_money or before[-1].unit in ("%", ""):
        return None
    whole = list_head(text, before)
    return whole if whole is not None and whole.unit == before[-1].unit and whole.measure != "变动额" else None


def _all_before(base: FactBase, rate: Fact) -> list[Fact]:
    """The sentence's facts before the rate, bounds and a span's figures (多年) too, which its
    index leaves out: walked back from the rate (facts are listed by id, a sentence's together)."""
    out: list[Fact] = []
    for k in range(rate.id - 1, -1, -1):
        f = base.facts[k]
        if f.source != "text" or (f.block, f.sentence) != (rate.block, rate.sentence):
            break
        out.append(f)
    return out[::-1]


def _agrees(rate: Fact, achieved: Fact, inside: list[Fact]) -> bool:
    """The rate is the achieved figure's share of its target (inside the clause) within printed
    precision."""
    if not inside or not inside[-1].value or achieved.unit != inside[-1].unit:
        return False
    return ratio_bounds(achieved, inside[-1]) is not None and ratio_fits(rate, achieved, inside[-1])


def _bracketed_target(text: str, rate: Fact, sentence: list[Fact], params: dict) -> list[Fact]:
    """The target in brackets right after the rate: “目标完成率105%（年度目标1,200人次）”."""
    after = next((f for f in sentence if f.at > rate.at), None)
    if after is None or after.unit == "%" or after.is_money:
        return []
    between = text[rate.at + len(rate.text):after.at]
    if not between.lstrip().startswith(("（", "(")) or any(ch in between for ch in params["clause_breaks"]) \
            or not any(c in between for c in params["target_cues"]):
        return []
    return [after]


def _says_completion_only(clause: str, params: dict) -> bool:
    """The rate's clause says only that it is a completion rate (完成率为, 完成比例达): no thing of its
    own (造林成活率达到 names the survival rate, another indicator than the quantity before it)."""
    words = compact(clause).strip("，,：:")
    for word in sorted((*params["note_filler_words"], *params["bare_completion_words"]), key=len, reverse=True):
        words = words.replace(word, "")
    return not words


def _tabled_target(base: FactBase, earlier: list[Fact]) -> tuple[Fact, Fact] | None:
    """(achieved, target) for a bare 完成率 after the one quantity its sentence says was done, of an
    indicator whose target a table states (新建供水管网完成36公里，完成率为95.00% under a table's
    新建供水管网 | 40 | 36): that quantity over the table's target, a floor's."""
    achieved = _achieved(earlier, [])
    target = _indicator_target(base, achieved) if achieved is not None and achieved.measure == "实际值" else None
    if target is None or not target.value or target.comparator in ("≤", "<"):
        return None
    return achieved, target


def _indicator_target(base: FactBase, achieved: Fact) -> Fact | None:
    """The one 目标值 the tables state for the achieved quantity's indicator, in its unit."""
    if not achieved.concept:
        return None
    return base.remember(("indicator-target", achieved.concept, achieved.subject, achieved.unit), lambda: unique_value(
        [f for f in base.of(achieved.concept, "目标值") if f.source == "table" and f.unit == achieved.unit
         and f.subject in (achieved.subject, "")]))


def _noted(outcomes, rate: Fact, actual: Fact, whole: Fact):
    """The outcomes, a finding's formula saying so where the rate is the shortfall."""
    for outcome in outcomes:
        if isinstance(outcome, Hit):
            outcome.formula += _decrease_note(rate, actual, whole)
        yield outcome


def _decrease_note(rate: Fact, actual: Fact, budget: Fact) -> str:
    """“完成预算的 10%” where the outturn is 90% of the budget: the figure is the shortfall."""
    span = ratio_bounds(actual, budget)
    if span and consistent(rate, HUNDRED - span[1], HUNDRED - span[0]):
        return f"；文中比例恰为未完成部分（100% − {fmt(exact_ratio(actual, budget))}%），疑把减少幅度写成了完成比例"
    return ""
