"""Kind `direction`: words of direction and size against the facts they describe.

Sub-checks (param `check`), each a function in CHECKS:
- budget_vs_actual: “决算数大于 / 小于 / 同 / 与预算数（基本）持平” against the item's 决算 and its
  年初预算 (全年预算 when the sentence says so or no 年初 figure is stated), both taken from the
  item's paragraph — the numbered item and the lines it runs on to.
- year_on_year: “较上年增加 / 减少 D”, or “与上年持平”, against this year's and last year's figure
  of the same concept (a table's 上年 column, or a sentence about last year). A claim with no
  figure (“公务接待费支出与上年持平”, “与2023年度相比，收支总计有所减少”) is checked too: its concept
  is the one the clause names, the words between it and the direction word may only be fillers,
  degree words and the prior-year cue (上年, or the year before the report's).
Equal means the printed intervals meet; 基本持平 allows a relative gap (param `roughly_equal`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..facts.base import Fact, FactBase, fact_base
from ..facts.base.figures import part_names
from ..facts.base.model import BUDGET_MEASURES, CURRENT, OLDER, PRIOR, RATE_AND_POINT_UNITS as RATE_UNITS
from ..facts.base.text_facts import base_measure_named, compares_other_year, names_budget_base
from ..facts.base.words import YEARS_RE
from ..facts.lexicon import alternatives, lexicon
from ..knowledge import compact, concepts, vocabulary_generation
from ..model import Table
from ..facts.numbers import DIGIT_RE, MONEY_FIGURE_RE, MONEY_UNITS, fmt, normalize_digits, to_decimal
from .base import CHECKED, Hit, sentence_figures
from ..facts.agreement import meets, tail

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
    # budget_vs_actual: words right after the comparison stating both figures as one (持平，均为…)
    "both_words": (list, []),
    # the words between 决算 and 预算 that compare them (决算数与预算数持平, 决算较预算增加)
    "link_words": (list, ["与", "同", "和", "较", "比"]),
    # words opening a list of parts: a clause after them names no concept for the next to take
    "list_words": (list, ["其中", "包括", "分别"]),
    # words comparing with last year's same period without naming it (同比增加): a clause holding
    # one is about last year as a clause naming 上年 is
    "year_on_year_words": (list, ["同比"]),
}
MESSAGE_FIELDS = {"word", "actual", "budget", "truth"}
SIGN_WORDS = {1: "增加", -1: "减少", 0: "持平"}
SHARE = "占比"  # the measure (and concepts.yaml rate_measures kind) of a share of a whole


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
    link, roughly = (alternatives(rule.params[name]) for name in ("link_words", "roughly_words"))
    # (支出 before the actual words as an alternative of its own, (?:支出(?:{a})|{a}), not (?:支出)?(?:{a}):
    # the same matches, tried in the same order, and a group whose alternatives open with characters
    # gives the regex engine a first-character set, so its scan skips every other character)
    return re.compile(rf"(?:支出(?:{a})|{a})\s*(?:{link})?\s*(?P<before>{b})?\s*(?:{roughly})?\s*(?P<word>{words})"
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
    for index, block in enumerate(doc.blocks):
        for s_index, sentence in enumerate(getattr(block, "sentences", ()) or ()):
            for m in pattern.finditer(sentence.text):
                yield from _budget_statement(base, rule, index, s_index, sentence, m)


# characters after a direction word its budget may be named in, in words the pattern does not
# list (小于部门预算数, 小于批复预算, 低于年初部门预算数)
BUDGET_AFTER_CHARS = 8
CLAUSE_MARKS = "，,。；;：:"


def _budget_statement(base: FactBase, rule, index: int, s_index: int, sentence, m):
    """One statement of an outturn against its budget (决算数小于年初预算数) against the figures."""
    text = sentence.text
    after = text[m.end():m.end() + BUDGET_AFTER_CHARS]
    named_budget = m.group("before") or m.group("budget") or (after[:after.find("预算") + 2] if "预算" in after else "")
    if not named_budget:
        return  # (支出决算持平 naming no budget: a comparison with last year, 与2023年度持平)
    if text[m.end():].lstrip("，, ").startswith(tuple(rule.params["both_words"])):
        yield CHECKED  # (决算数与预算数持平，均为32.00万元: the words state both figures, one)
        return
    # (this year's figures: 较上年的26.72万元 is last year's outturn, no side of the comparison)
    facts = [f for f in _item_facts(base, index) if (f.block < index or f.sentence <= s_index)
             and f.period == CURRENT]
    # 年初 / 全年 as the words say; a bare 预算数 may mean either budget stated
    wanted = ("全年预算",) if "全年" in named_budget or "调整" in named_budget else \
        ("年初预算",) if "年初" in named_budget else ("年初预算", "全年预算")
    budgeted = {f.concept for f in facts if f.measure in wanted}
    # the outturn the statement names (项目支出决算数大于预算数: 项目支出's), else the last of a thing
    # a budget is stated for (not the last part listed after 其中, 项目支出96.30万元, budget unsaid)
    clause = compact(text[max(text.rfind(c, 0, m.start()) for c in CLAUSE_MARKS) + 1:m.start() + 2])
    named = [f for f in facts if f.measure == "决算" and f.concept and f.concept in clause]
    pool = named or [f for f in facts if f.measure == "决算" and f.concept in budgeted]
    actual = pool[-1] if pool else None
    budgets = [next((f for f in reversed(facts) if f.measure == w and actual is not None
                     and f.concept == actual.concept), None) for w in wanted]
    budgets = [b for b in budgets if b is not None]
    if actual is None or not budgets:
        return
    yield CHECKED
    roughly = any(w in m.group(0) for w in rule.params["roughly_words"])
    said = rule.params["comparisons"][m.group("word")]
    tolerance = Decimal(str(rule.params["roughly_equal"]))
    truths = [_relation(actual, b, roughly, tolerance) for b in budgets]
    if said in truths:
        return
    budget, truth = budgets[0], truths[0]
    yield Hit(quote=m.group(0), location=sentence.loc, stated=m.group("word"),
              expected=TRUTH[truth],
              formula=f"决算 {actual.text} 与{budget.measure} {budget.text} 相比为“{TRUTH[truth]}”"
                      f"（{actual.where()}）",
              fields={"word": m.group("word"), "actual": actual.with_unit(), "budget": budget.with_unit(),
                      "truth": TRUTH[truth]}, highlights=[actual.loc, budget.loc])


def _year_on_year(doc, base: FactBase, rule):
    yield from _figured_changes(base, base.plan)
    yield from _unfigured_claims(doc, base, rule)
    yield from _row_remarks(doc, base, rule)


# a remark cell's comparison with last year: the comparing words, then the direction word in
# the same clause (比上年有所增长, 较上年减少669.50万元, 与上年基本持平)
ON_LAST_YEAR_RE = re.compile(r"(?:比|较|与|同)(?:上年|上一年度?|去年|上年度)(?:相比)?")


def _row_remarks(doc, base: FactBase, rule):
    """A table row stating one thing's amount for this year and for last year, and in a remark cell
    (变动情况说明) a comparison with last year: its direction against the two amounts. Only the
    clause the comparison opens is read (the reason after it, 主要是标准提高, claims nothing)."""
    lex = lexicon()
    tolerance = Decimal(str(rule.params["roughly_equal"]))
    rows: dict[tuple, list[Fact]] = {}
    for f in base.facts:
        # amounts (决算; a plan's budgets) or quantities (接待人次 48.6 | 52.3): the row's two years of one thing
        if f.source == "table" and f.measure in ("决算", base.bare_measure, "实际值") and f.unit not in ("%", "‰") \
                and not f.member:
            rows.setdefault((f.block, f.loc.row), []).append(f)
    for (block, row), facts in rows.items():
        table = doc.blocks[block]
        current = [f for f in facts if f.period == CURRENT]
        prior = [f for f in facts if f.period == PRIOR]
        if not isinstance(table, Table) or not 1 <= row <= len(table.rows) \
                or len(current) != 1 or len(prior) != 1 or current[0].concept != prior[0].concept \
                or current[0].unit != prior[0].unit:
            continue
        label = compact(current[0].label)
        for cell in table.rows[row - 1]:
            # (a comparison with last year names it: 上年, 上一年度, 去年, all with 年)
            claim = _remark_claim(compact(cell.text), lex, rule.params["roughly_words"],
                                  label) if "年" in cell.text else None
            if claim is None:
                continue
            sign, roughly = claim
            yield CHECKED
            truth = _sign(current[0], prior[0], roughly, tolerance)
            if truth != sign:
                yield _claim_hit(cell.text.strip(), cell.loc, sign, truth, current[0], prior[0])
            break


def _stated_prior(base: FactBase, change: Fact) -> Fact | None:
    """Last year's figure the change's own sentence states before it (比2024年执行数1,500.30万元增加…):
    the base the change is on, whatever the tables hold of that year under another measure."""
    sentence = base.by_sentence.get((change.block, change.sentence), ())
    return next((f for f in reversed(sentence) if f.id < change.id and f.concept == change.concept and f.is_money
                 and f.period == PRIOR and f.measure != "变动额" and not f.comparator), None) \
        or _opening_base(sentence, change)


def _opened_on_other_base(base: FactBase, change: Fact) -> bool:
    """The change's sentence opens its comparison on a figure naming no thing that is no outturn of
    last year: a budget (与年初预算数6.00万元相比) or an earlier year's (与2023年决算数…相比)."""
    earlier = _amounts_before(base.by_sentence.get((change.block, change.sentence), ()), change)
    return bool(earlier) and _opens_comparison(earlier[0]) \
        and (earlier[0].measure in BUDGET_MEASURES or earlier[0].period == OLDER)


def _opening_base(sentence, change: Fact) -> Fact | None:
    """Last year's figure a sentence opens its comparison with, naming no thing (与上年决算数5.62万元相比，
    公务接待费4.87万元，增加了0.75万元): the base of the change of the thing this year's figure after it
    names, that figure standing between them and no other amount of last year in the sentence."""
    earlier = _amounts_before(sentence, change)
    if len(earlier) != 2 or earlier[0].period != PRIOR or not _opens_comparison(earlier[0]):
        return None
    opening, now = earlier
    return opening if now.period == CURRENT and now.concept == change.concept \
        and now.measure == opening.measure and now.unit == opening.unit else None


def _amounts_before(sentence, change: Fact) -> list[Fact]:
    """The sentence's amounts before the change, changes aside."""
    return [f for f in sentence if f.id < change.id and f.is_money and f.measure != "变动额"]


def _opens_comparison(f: Fact) -> bool:
    """The figure names no thing and its words open a comparison (与上年决算数…, 较年初预算…)."""
    return f.concept is None and not f.comparator and lexicon().comparison.match(compact(f.label).lstrip("，,")) is not None


def _figured_changes(base: FactBase, plan: bool = False):
    for change in (f for f in sentence_figures(base, "变动额") if f.concept and f.is_money
                   and not f.comparator):
        # 比年初预算减少, 比上年预算增加: not a change on last year's outturn (but a plan's change on last
        # year's budget, 比上年预算增加 / 比2024年预算增加, is on the base a plan compares with)
        if (names_budget_base(compact(change.label)) and not (plan and compares_other_year(change.label))) \
                or _on_stated_budget(base, change) or change.period != CURRENT or other_year_compared(base, change):
            continue  # (a later year's change, 2025年…预期…，比2024年完成数增加…, is on this year's)
        if _opened_on_other_base(base, change) and not lexicon().comparison.search(compact(change.label)):
            continue  # (与年初预算数6.00万元相比，公务接待费…，减少…: on that base, not on last year's outturn;
            # a change naming its own base, …，比上年决算减少0.75万元, is on that one)
        current = _one(base, change.concept, CURRENT, change)
        prior = _stated_prior(base, change) or _one(base, change.concept, PRIOR, change, base_measure_named(change.label))
        if (current is None or prior is None) and plan:
            # a plan's budget on last year's (政府性基金预算拨款收入120.00万元，比上年增加30.00万元)
            sentence = [f for f in base.by_sentence.get((change.block, change.sentence), ()) if f.id < change.id]
            current, prior = _same_measure_prior(base, sentence, change.concept, change.subject, True) or (None, None)
        if prior is None and current is not None:
            prior = _unitless_prior(base, current, change.subject)
        if current is None or prior is None:
            continue
        diff = current.in_yuan() - prior.in_yuan()
        if not (meets(current, prior) or tail(current, prior)) and not _amount_fits(change, diff, current, prior) \
                and _after_breakdown(base, change, current):
            # the stated amount is not this pair's difference either way, and the pair's current is
            # the last part of a breakdown (与2023年支出12,086.45万元相比，增加670.80万元 after 基本支出…；
            # 项目支出8,630.67万元): the sentence compares the whole, which its words left unnamed
            continue
        yield CHECKED
        if meets(current, prior) or tail(current, prior):
            # (0.80万元 against a prior printed 1: equal within the coarser print, but a change stated
            # as the printed figures' own difference, 减少0.20万元, reads them as printed)
            lo, hi = change.interval(MONEY_UNITS[change.unit])
            truth = 0 if diff == 0 or (diff > 0) - (diff < 0) != change.sign or not lo <= abs(diff) <= hi \
                else change.sign
        else:
            truth = 1 if diff > 0 else -1
        if truth == change.sign or (not _amount_fits(change, diff, current, prior)
                                    and _whole_may_have_moved(base, change, current)):
            # (a change after a 其中 part whose size is not the part's may be the whole's)
            continue
        factor = MONEY_UNITS[change.unit]
        yield Hit(quote=change.quote, location=change.loc, stated=SIGN_WORDS.get(change.sign, ""),
                  expected=SIGN_WORDS[truth] + (f"{fmt(abs(diff) / factor)}{change.unit}" if truth else ""),
                  formula=f"本年 {current.with_unit()}（{current.where()}）− 上年 {prior.with_unit()}（{prior.where()}）"
                          f"= {fmt(diff / factor)}{change.unit}，文中写“{SIGN_WORDS.get(change.sign, '')}”",
                  fields={"word": SIGN_WORDS.get(change.sign, ""), "actual": current.with_unit(), "budget": prior.with_unit(),
                          "truth": SIGN_WORDS[truth]}, highlights=[current.loc, prior.loc])


def other_year_compared(base: FactBase, change: Fact) -> bool:
    """The change's comparison has another year than the report's as its subject, before the word
    opening it in its clause (2023年度比2022年度的1,180.00万元增加120.00万元 in a report on 2024): a
    change between two earlier years. Not the year compared with (与2023年度相比)."""
    text = base.sentences.get((change.block, change.sentence), "")
    start = max(text.rfind("；", 0, change.at), text.rfind(";", 0, change.at)) + 1
    # (the word opening the comparison: 比 closing 与2023年度相比 or 同…相比 opens none; 相比 with no
    # such word before it in its clause opens one, 2023年相比2022年…)
    # (the comparison nearest before the change: …减少50.00万元，2023年度比2022年度…增加…)
    compared = None
    for m in lexicon().comparison.finditer(text, start, change.at):
        if text[m.start() - 1:m.start()] not in ("相", "对") \
                or not OPENS_COMPARISON_RE.search(text, _clause_from(text, start, m.start()), m.start()):
            compared = m
    if compared is None or not base.year:
        return False
    own = text[_clause_from(text, start, change.at):change.at]
    opening = YEAR_RE.match(own.lstrip())
    if not lexicon().comparison.search(own) and ((opening and int(opening.group(0)[:4]) != base.year)
                                                 or lexicon().prior.match(compact(own))):
        return True  # (与2022年的…相比，2023年度增加…, …，上年增加…: the change's own clause opens on another year, its subject)
    start = _clause_from(text, start, compared.start())  # (in the comparison's own clause)
    years = YEAR_RE.findall(text, start, compared.start())
    return bool(years) and int(years[-1][:4]) != base.year


def _clause_from(text: str, start: int, at: int) -> int:
    """Where the clause holding `at` begins, from `start` on."""
    return max(start, *(text.rfind(mark, start, at) + 1 for mark in "，,"))


OPENS_COMPARISON_RE = re.compile(r"[与同跟和]")  # (与…相比, 同…相比: the word a closing 相比 answers)


def _whole_may_have_moved(base: FactBase, change: Fact, current: Fact) -> bool:
    """The change follows a part listed under a whole in its sentence (资产总额4,575.12万元，其中固定
    资产3,955.12万元；较上年末下降37.71万元): it may be the whole's. True unless the whole's own two
    years are known and went the other way too."""
    whole = base.whole_before_part(change, current.concept)
    if whole is None:
        return False
    prior = (_one(base, whole.concept, PRIOR, change) if whole.concept else None) or base.unnamed_prior(change, whole) \
        or base.row_prior(whole)
    if prior is None:
        # (which the change is of, the words do not say: not judged; after a later item of the list,
        # 其中A…，B…，C…，比上年减少…, the nearest item's, judged)
        return base.first_listed(whole, current)
    return _sign(whole, prior, False, Decimal(0)) == change.sign


def _unitless_prior(base: FactBase, current: Fact, subject: str) -> Fact | None:
    """Last year's figure of this year's amount from a table printing no unit, read in the
    amount's unit where the table's own row bears it out (无形资产 | 2,312.40 | 2,486.30 beside
    无形资产2,312.40万元: the table is in 万元); the one such row, else None."""
    if not current.is_money:
        return None
    found = []
    for prior in base.of(current.concept, base.bare_measure, PRIOR):
        if prior.unit or prior.source != "table" or prior.member or prior.subject != subject:
            continue
        row = [f for f in base.by_table.get(prior.block, ()) if f.loc.row == prior.loc.row
               and f.period == CURRENT and f.concept == prior.concept and not f.unit]
        if any(f.value == current.value for f in row):
            found.append(replace(prior, unit=current.unit))
    return found[0] if len(found) == 1 else None


def _after_breakdown(base: FactBase, change: Fact, current: Fact) -> bool:
    """The current figure is a part of a declared sum (项目支出 of 本年支出) whose other part the
    paragraph states before the change (基本支出…；项目支出…): a breakdown, the current its last part."""
    before = {f.concept for f in base.by_block.get(change.block, ()) if f.id < change.id and f.is_money}
    return any(current.concept in part_names(calc) and (part_names(calc) - {current.concept}) & before
               for calc in lexicon().calculations)


def _amount_fits(change: Fact, diff, current: Fact, prior: Fact) -> bool:
    """The stated change's amount is the pair's difference, up to the printed precision of the
    three figures (the direction word aside: that is what is judged)."""
    factor = MONEY_UNITS[change.unit]
    lo, hi = change.interval(factor)
    slack = (current.half_unit * MONEY_UNITS.get(current.unit, 1) + prior.half_unit * MONEY_UNITS.get(prior.unit, 1))
    return lo - slack <= abs(diff) <= hi + slack


def _on_stated_budget(base: FactBase, change: Fact) -> bool:
    """The change follows the budget it is on (比年初预算26.00万元节约3.62万元), or follows a budget
    and compares it with the year's start (全年预算2,393.10万元，比年初增加246.80万元: on the budget
    the year began with): the figure right before it in its sentence is a budget."""
    before = [f for f in base.by_sentence.get((change.block, change.sentence), ()) if f.id < change.id]
    last = before[-1] if before else None
    return last is not None and last.measure in BUDGET_MEASURES and (
        bool(lexicon().comparison.search(last.label))
        or any(w in compact(change.label) for w in concepts().get("year_start_words") or ()))


def _one(base: FactBase, concept: str, period: str, near: Fact, measure: str | None = None) -> Fact | None:
    """The figure of a concept in a period: in the change's sentence first, else one value
    the document agrees on; of `measure` where the change names its base's (比2024年决算数增加)."""
    return _figure(base, concept, period, (near.block, near.sentence), near.id, near.subject, measure)


def _figure(base: FactBase, concept: str, period: str, sentence: tuple, before: int, subject: str,
            measure: str | None = None) -> Fact | None:
    # (of the measure an amount naming none is of: the outturn, or a plan's budget)
    measure = measure or base.bare_measure
    here = [f for f in base.by_sentence.get(sentence, ())
            if f.concept == concept and f.period == period and f.measure == measure and f.id < before]
    if here:
        return here[-1]
    return base.remember(("agreed", concept, measure, period, subject),
                         lambda: _agreed(base.of(concept, measure, period), subject))


# a clause runs to the next break; a comma between digits groups thousands (8,906.10), no break
CLAUSE_RE = re.compile(r"(?:[^，,；;。：:！？]|(?<=\d),(?=\d))+")
YEAR_RE = re.compile(r"(?:19|20)\d\d年度?")


def _unfigured_claims(doc, base: FactBase, rule):
    """“……支出与上年持平” with no figure of its own: the direction against this year's and last
    year's figure of the clause's concept."""
    year = doc.meta.get("report_year")
    tolerance = Decimal(str(rule.params["roughly_equal"]))
    for index, block in enumerate(doc.blocks):
        for s_index, sentence in enumerate(getattr(block, "sentences", ()) or ()):
            # the claims first: most sentences make none (no direction word), and reading them
            # changes nothing, so their facts need not be looked at
            # (read with its digits as ASCII, the same length: ３，１１５．７２ is one figure, its comma no clause's end)
            claims = list(_sentence_claims(normalize_digits(sentence.text), year, rule.params))
            if not claims:
                continue
            facts = base.by_sentence.get((index, s_index), ())
            subjects = {f.subject for f in facts}
            subject = subjects.pop() if len(subjects) == 1 else ""
            if len(subjects) > 0:
                continue  # figures of several projects: whose claim it is cannot be told
            stated_change = any(f.measure == "变动额" for f in facts)
            for concept, sign, roughly, clause in claims:
                if roughly and stated_change:
                    continue  # (减少0.10万元，与上年基本持平: the change is told, 基本 judges it small)
                # a claim after a list of several items is judged only when wrong for each reading
                readings = concept if isinstance(concept, tuple) else (concept,)
                if readings == ("",):
                    found = _own_years(facts, clause.end()) \
                        or _last_figure_pair(base, facts, clause.start(), (index, s_index), subject) \
                        or _own_years_over_clauses(base, facts, clause.end(), (index, s_index))
                    # (a sentence opening on last year after a 其中 sentence: the whole's and the last
                    # part's readings, the claim judged only when wrong for each)
                    pairs = found if isinstance(found, list) else [found]
                    if not pairs or None in pairs or not all(_both_name(p, getattr(readings[0], "words", "")) for p in pairs):
                        continue
                else:
                    pairs = [_claim_pair(base, facts, c, (index, s_index), subject, base.plan)
                             or _restated_row_pair(base, facts, c, subject) for c in readings]
                    if pairs == [None] and not lexicon().concepts.all(compact(clause.group(0))):
                        # a concept carried from the clause before, whose figures the sentence
                        # states under another reading (本年支出合计 read as the fund's own
                        # spending): the sentence's own two years are what the claim compares
                        pairs = [_own_years(facts, clause.end())]
                    if any(p is None or not (p[0].is_money or _quantity_pair(p)) for p in pairs):
                        continue
                pairs = [_on_named_base(base, pair, clause.group(0), subject) for pair in pairs]
                if None in pairs:
                    continue  # (与2025年预算持平 where last year's budget is stated nowhere)
                yield CHECKED
                truths = [_sign(current, prior, roughly, tolerance) for current, prior in pairs]
                if sign in truths:
                    continue
                (current, prior), truth = pairs[-1], truths[-1]  # (told against the nearest reading)
                yield _claim_hit(_claim_quote(sentence.text, clause, current, (index, s_index)),
                                 sentence.loc, sign, truth, current, prior, _said(clause.group(0), sign))


def _both_name(pair: tuple[Fact, Fact], words: str) -> bool:
    """Both figures' own words hold the thing a claim names (会议费 of 2023年会议费支出 and 2022年会议费
    支出), or the claim names none."""
    return not words or all(words in compact(f.label) for f in pair)


def _on_named_base(base: FactBase, pair: tuple[Fact, Fact], words: str, subject: str) -> tuple[Fact, Fact] | None:
    """The pair a claim naming its base's measure compares (与2025年预算持平: last year's budget,
    not its estimated outturn beside it): last year's one figure of that measure; the pair as it
    is when the words name no budget; None when last year's figure of that measure is not stated."""
    named = lexicon().measures.last(compact(words))
    current, prior = pair
    if named not in BUDGET_MEASURES or prior.measure == named:
        return pair
    found = {f.value: f for f in base.of(prior.concept, named, PRIOR) if f.subject == subject and not f.comparator}
    return (current, next(iter(found.values()))) if len(found) == 1 else None


def _claim_quote(text: str, clause, current: Fact, sentence: tuple) -> str:
    """The claim's words, from this year's figure when the sentence states it (“公务接待费
    7.20万元，与上年持平”): the quote shows what the claim is said of."""
    claim = clause.group(0).strip()
    if current.source != "text" or (current.block, current.sentence) != sentence:
        return claim
    at = text.rfind(current.quote, 0, clause.start())
    return text[at:clause.end()].strip() if at >= 0 else claim


def _claim_pair(base: FactBase, facts, concept: str, sentence: tuple, subject: str, plan: bool):
    """(this year's, last year's) figure a figure-less claim on the concept is judged by, or None."""
    current = _figure(base, concept, CURRENT, sentence, 1 << 62, subject)
    prior = _figure(base, concept, PRIOR, sentence, 1 << 62, subject)
    if current is None or prior is None:
        # the sentence's own two years of one measure (预算6.50万元，与2023年预算4.20万元
        # 相比基本持平: this year's budget against last year's)
        current, prior = _stated_years(facts, concept) or (current, prior)
    if current is None or prior is None:
        # a budget's own figure (2025年“三公”经费预算32.40万元，与上年持平) against last
        # year's of the same measure the document agrees on (its table's 2024年预算数)
        current, prior = _same_measure_prior(base, facts, concept, subject, plan) or (current, prior)
    if current is None or prior is None:
        # a quantity's two years the document agrees on (a table's 2023年 | 2024年 of 新建管网…公里)
        current, prior = (_agreed(base.of(concept, "实际值", period), subject, money=False) for period in (CURRENT, PRIOR))
    return None if current is None or prior is None else (current, prior)


def _last_figure_pair(base: FactBase, facts, before: int, sentence: tuple, subject: str):
    """A claim naming nothing right after one figure of this year (新建管网48.60公里，较上年有所增长):
    that figure's thing, this year's and last year's figure of it the document agrees on (a table's
    two year columns). Another figure between (…，满意度95%，较上年提高) and the claim is that one's."""
    earlier = [f for f in facts if f.at < before]
    last = earlier[-1] if earlier else None
    if last is not None and last.measure == SHARE and len(earlier) >= 2 and earlier[-2].concept == last.concept \
            and earlier[-2].is_money:
        # (…312.46万元，占一般公共预算拨款支出的9.60%，与上年持平: the share tells how big the
        # amount is in its whole; a change on last year is the amount's)
        last = earlier[-2]
    if last is None or last.comparator or last.period != CURRENT or last.measure == "变动额" or not last.concept \
            or last.unit in RATE_UNITS:
        return None
    pair = _claim_pair(base, facts, last.concept, sentence, subject, base.plan) \
        or _restated_row_pair(base, facts, last.concept, subject)
    return pair if pair is not None and (pair[0].is_money or _quantity_pair(pair)) else None


def _restated_row_pair(base: FactBase, facts, concept: str, subject: str) -> tuple[Fact, Fact] | None:
    """(this year's amount of the concept its sentence states, last year's in the table row restating
    it) where nothing else gives last year's (财政拨款支出3,860.20万元，比上年有所增加 beside 合计 |
    3,885.80 | 3,860.20, the table naming it otherwise)."""
    own = [f for f in facts if f.concept == concept and f.is_money and f.period == CURRENT and not f.comparator
           and f.measure != "变动额"]
    if len(own) != 1 or subject:
        return None
    prior = base.row_prior(own[0])
    return (own[0], prior) if prior is not None else None


def _quantity_pair(pair: tuple[Fact, Fact]) -> bool:
    """Two figures of a quantity in one unit (公里 and 公里): a claim's direction may be judged by them."""
    current, prior = pair
    return current.measure == prior.measure == "实际值" and bool(current.unit) and current.unit == prior.unit \
        and current.unit not in RATE_UNITS


def _own_years(facts, before: int | None = None) -> tuple[Fact, Fact] | None:
    """The one figure of this year and the one of last year, of one unit and measure, that a
    sentence states before a claim naming no concept (…完成45,912万元，上年为47,365万元，较上年有所
    增长): what the claim compares. Any other count of them, and the claim's thing is not known."""
    # (`before`: where the claim stands in the facts' sentence; None, facts of several sentences
    # already cut to those before it)
    own = [f for f in facts if (before is None or f.at < before) and not f.comparator and f.measure != "变动额"
           and f.unit not in RATE_UNITS]
    current = [f for f in own if f.period == CURRENT]
    prior = [f for f in own if f.period == PRIOR]
    if len(current) != 1 or len(prior) != 1 or current[0].measure != prior[0].measure \
            or current[0].is_money != prior[0].is_money or (not current[0].is_money and current[0].unit != prior[0].unit):
        return None
    return current[0], prior[0]


def _own_years_over_clauses(base: FactBase, facts, before: int, sentence: tuple) -> tuple[Fact, Fact] | None:
    """_own_years over the clauses the claim's is joined to by ；, too (“三公”经费实际支出9.92万元，控制在
    预算以内；与上年6.80万元相比基本持平): this year's figure there, last year's in the claim's own. A
    clause opening with 其中 states a part (…9.92万元；其中公务接待费0.94万元；与上年…持平 compares the
    whole the run of clauses opened with)."""
    run_of, runs = base.runs()
    k = run_of.get(sentence)
    earlier = [f for key, group in runs[k] if key[1] < sentence[1] and not base.opens_list(key) for f in group] \
        if k is not None else []
    if not earlier and sentence[1] and LAST_YEAR_LEAD_RE.match(compact(base.sentences.get(sentence, ""))):
        # (机关运行经费支出176.42万元。与上年190.15万元相比，基本持平: a sentence opening on last year
        # goes on about the figure the sentence before ends on)
        readings = _sentence_amounts(base, (sentence[0], sentence[1] - 1))
        found = [pair for pair in (_own_years([f, *[g for g in facts if g.at < before]]) for f in readings) if pair]
        return found if len(found) > 1 else (found[0] if found else None)
    return _own_years(earlier + [f for f in facts if f.at < before]) if earlier else None


def _sentence_amounts(base: FactBase, key: tuple) -> list[Fact]:
    """The figures a sentence opening on last year may go on about, in the sentence before: the one
    it ends on (a rate after it aside), and where a 其中 list breaks a whole down in it (基本支出1,236.80
    万元，其中人员经费…，公用经费156.25万元), that whole as well."""
    facts = [f for f in base.by_sentence.get(key, ()) if f.unit not in RATE_UNITS]
    text = base.sentences.get(key, "")
    whole = next((facts[k] for k in range(len(facts) - 1) if any(
        o in text[facts[k].at + len(facts[k].text):facts[k + 1].at] for o in lexicon().list_openers)), None)
    return [f for f in (whole, *facts[-1:]) if f is not None]


# a sentence opening on last year, as what it compares with (与上年…相比, 上年为…, 上年同期为…)
LAST_YEAR_LEAD_RE = re.compile(r"(?:与|较|比|同)?(?:上年|上一年度?|去年|上年度)(?:同期)?(?:为|的|支出|数|决算数)?")


def _same_measure_prior(base: FactBase, facts, concept: str, subject: str, plan: bool = False):
    """This year's amount of the concept its sentence states in a measure other than 决算, and
    last year's of that measure the document agrees on. In a plan (部门预算) an amount naming no
    measure is its budget."""
    own = [f for f in facts if f.concept == concept and f.is_money and f.period == CURRENT and not f.comparator
           and (f.measure not in ("决算", "变动额") or (plan and f.implicit and f.measure == "决算"))]
    if len(own) != 1:
        return None
    measure = "全年预算" if own[0].measure == "决算" else own[0].measure
    prior = _agreed(base.of(concept, measure, PRIOR), subject)
    return (own[0], prior) if prior is not None else None


def _stated_years(facts, concept: str) -> tuple[Fact, Fact] | None:
    """This year's and last year's amount of the concept its sentence states, of one measure."""
    own = [f for f in facts if f.concept == concept and f.is_money and f.measure != "变动额" and not f.comparator]
    current = [f for f in own if f.period == CURRENT]
    prior = [f for f in own if f.period == PRIOR]
    if len(current) != 1 or len(prior) != 1 or current[0].measure != prior[0].measure:
        return None
    return current[0], prior[0]


def _said(words: str, sign: int) -> str:
    """The claim's own direction word (相当, 有所下降), the last the clause holds of its sign's kind;
    the sign's plain word where none is read."""
    kind = {1: "up", -1: "down", 0: "same"}[sign]
    found = [w for start, end, k in lexicon().directions.all(words) if k == kind for w in (words[start:end],)]
    return found[-1] if found else SIGN_WORDS[sign]


def _claim_hit(quote: str, location, sign: int, truth: int, current: Fact, prior: Fact, said: str = "") -> Hit:
    said = said or SIGN_WORDS[sign]
    diff = current.in_yuan() - prior.in_yuan()
    factor = MONEY_UNITS.get(current.unit, Decimal(1))  # (a quantity: its own unit)
    places = max(current.places, prior.places)  # (printed as the two figures are: 45,912 − 47,365)
    return Hit(quote=quote, location=location, stated=said,
               expected=SIGN_WORDS[truth] + (f"{fmt(abs(diff) / factor, places, current.text)}{current.unit}"
                                             if truth else ""),
               formula=f"本年 {current.with_unit()}（{current.where()}）− 上年 {prior.with_unit()}（{prior.where()}）"
                       f"= {fmt(diff / factor, places, current.text)}{current.unit}，文中写“{said}”",
               fields={"word": said, "actual": current.with_unit(), "budget": prior.with_unit(),
                       "truth": SIGN_WORDS[truth]}, highlights=[current.loc, prior.loc])


def _remark_claim(text: str, lex, roughly_words: list[str], label: str = "") -> tuple[int, bool] | None:
    """(sign, roughly) of a cell's comparison with last year, or None. Only words of the row's own
    thing may stand before it (接待批次比上年增加 compares the receptions, not the row's amount)."""
    m = ON_LAST_YEAR_RE.search(text)
    if m is None or any(ch.isdigit() for ch in text[:m.start()]):
        return None
    before = text[:m.start()]
    if before and before not in label and lex.filler.sub("", _blank_measures(before, lex)):
        return None
    clause = CLAUSE_RE.match(text, m.end())
    found = lex.directions.all(clause.group(0)) if clause else []
    if not found:
        return None
    start, _end, kind = found[0]
    sign = {"up": 1, "down": -1, "same": 0}.get(kind)
    if sign is None:
        return None
    return sign, any(w in clause.group(0)[:start] for w in roughly_words)


def _blank_measures(words: str, lex) -> str:
    for start, end, _ in reversed(lex.measures.all(words)):
        words = words[:start] + words[end:]
    return words


def unfigured_claims(doc, block: int, on_last_year: bool = False):
    """(concept, sign, location) of each figure-less claim of one paragraph (for other kinds: the
    持平 parts of a change breakdown). `on_last_year`: the paragraph
    is known to compare with last year, so a clause need not say 上年 itself."""
    defaults = {name: default for name, (_type, default) in PARAMS.items()}
    year = doc.meta.get("report_year")
    for sentence in getattr(doc.blocks[block], "sentences", ()) or ():
        for concept, sign, _roughly, _clause in _sentence_claims(normalize_digits(sentence.text), year, defaults,
                                                                 on_last_year):
            # (a claim after a list of several: whose is not told; "" names no thing of the
            # vocabulary, only the sentence's own figures, which the caller does not read)
            if not isinstance(concept, tuple) and concept:
                yield concept, sign, sentence.loc


def _sentence_claims(text: str, year, params: dict, on_last_year: bool = False):
    """(concept, sign, roughly, clause) of each figure-less claim of one sentence; a clause that
    only sets the period (“与2023年度相比”) makes the clauses after it about last year."""
    lex = lexicon()
    if lex.directions.pattern is None or not lex.directions.pattern.search(compact(text)):
        return  # no direction word: no claim (most sentences)
    degree = sorted(concepts().get("degree_words") or (), key=len, reverse=True)
    prior_seen = on_last_year
    # the one concept the clause before named (“X 29.10 万元，比上年持平”: X is flat); none once a
    # list has begun (“本年支出 …，其中基本支出 …、项目支出 …，与上年持平”: which one?)
    # (after a list's opener and its one item: “其中：A 21.40万元，与上年持平” is A's)
    # With more than one item listed the claim may be of the last item or of the list's whole:
    # it comes as the pair of those readings (whole first), for the caller to judge each. A ；
    # in a list begins its next item (其中：A…；B…，与上年持平: B's).
    carried, listing, items = None, False, 0
    whole, outer, last = None, None, None  # the list's whole, the outermost list's, the last item
    before = ""  # the clause before this one
    prior_stated = False  # the clause before gave last year's amount
    funded: dict[str, str] = {}  # {a generic concept: the fund's own the sentence named before}
    for clause in CLAUSE_RE.finditer(text):
        if listing and clause.start() and text[clause.start() - 1] in "；;":
            items, whole = 0, outer
        words = compact(clause.group(0))
        ambiguous = listing and items != 1
        # (同比 judges the amounts right before it: 上年同期支出14.10万元，同比增加; after a clause
        # stating a rate or a count, 药占比28.50%，同比下降, it is that figure's, not judged here)
        on_prior = prior_seen or prior_stated or (any(w in words for w in params["year_on_year_words"])
                                                  and MONEY_FIGURE_RE.search(before) is not None)
        before = words
        claim = _claim(words, lex, year, degree, params["roughly_words"], on_prior,
                       (last if whole else None) if ambiguous else carried)
        prior_seen = prior_seen or claim == "prior"
        # (a clause giving last year's amount, 上年为14.09万元 or 2023年为3.60万元, sets the period for
        # the clause right after it: 公务用车运行维护费13.98万元，上年为14.09万元，略有增加 claims a change on it)
        prior_stated = claim is None and _prior_at(words, lex, year) == 0 and MONEY_FIGURE_RE.search(words) is not None
        if isinstance(claim, tuple):
            if ambiguous and not _names_concept(words, lex) and not getattr(claim[0], "words", ""):
                # (a list's item the vocabulary does not know, 其中：城市基础设施配套费收入5,400.00万元，
                # 比上年持平, and no whole known before it: the claim is on the figure before it, as
                # one naming nothing is)
                claim = ((whole, last), *claim[1:]) if whole or last else ("", *claim[1:])
            yield (*claim, clause)
        # (a share's whole, 占一般公共预算拨款支出的9.60%, is no thing a claim after it speaks of: the
        # share says how big the amount before it is; only the words before 占 may name a thing)
        found = lex.concepts.all(_before_share(words, lex))
        named = [c for _, _, c in found]
        if clause.start() and text[clause.start() - 1] in "；;":
            funded = {}  # (a ；-clause is another thing's)
        opens = any(w in words for w in params["list_words"])
        if opens:
            whole, outer = carried, outer if listing else carried
        last = named[-1] if named else last
        items = (0 if opens else items) + (1 if listing or opens else 0) * len(set(named))
        listing = listing or opens
        # (财政拨款收入总计…，支出总计…，与上年基本持平: the total after a fund's own is that fund's)
        funded.update((lex.fund_of[c][1], c) for c in named if c in lex.fund_of)
        # (…, 单位收入总计: a total qualified by other words is no fund's)
        bare = bool(found) and not lex.current.sub("", YEARS_RE.sub("", words[:found[0][0]]))
        if found and not bare:
            funded.pop(named[0], None)  # (and the bare ones after it are that one's)
        carried = (funded.get(named[0], named[0]) if bare else named[0]) if len(set(named)) == 1 \
            else None if named else carried


SHARE_FIGURE_RE = re.compile(r"\d\s*[%％]")


def _before_share(words: str, lex) -> str:
    """A clause's words up to the share it states (人员经费1,583.88万元占基本支出的89.73%: 人员经费…),
    the whole the share is taken of left out; the clause as it is when it states none."""
    shares = [start for start, _, kind in lex.rate_measures.all(words) if kind == SHARE]
    if not shares or not SHARE_FIGURE_RE.search(words, shares[0]):
        return words
    return words[:shares[0]]


def _names_concept(words: str, lex) -> bool:
    return bool(lex.concepts.all(words))


def _claim(text: str, lex, year, degree: list[str], roughly_words: list[str], prior_seen: bool,
           carried: str | None = None):
    """A clause's figure-less year-on-year claim as (concept, sign, roughly); "prior" for a clause
    that only sets the period (“与2023年度相比”); None otherwise."""
    text = _prior_figure_out(text, lex)
    if DIGIT_RE.search(_years_out(text)):
        return None
    directions = lex.directions.all(text)
    concepts = lex.concepts.all(text)
    prior = _prior_at(text, lex, year)
    if not directions:
        return "prior" if prior is not None and not concepts else None
    start, end, word = directions[-1]
    if end != len(text):
        return None  # the direction word must close the clause (“持平” not “持平率”)
    named = [c for c in concepts if c[1] <= start] or ([(0, 0, carried)] if carried and not concepts else [])
    if not named and not concepts and (prior is not None or prior_seen):
        # (农林水支出完成45,912万元，上年为47,365万元，较上年有所增长: a thing the vocabulary does not
        # know; "" asks for the sentence's own two years' figures, see _own_years)
        named = [(0, 0, "")]
    if not named or (prior is None and not prior_seen):
        return None
    _, c_end, concept = named[-1]
    between = text[c_end:start]
    roughly = any(w in text[c_end:] for w in roughly_words)  # 基本持平 may be one direction word
    for w in degree:
        between = between.replace(w, "")
    between = _years_out(lex.prior.sub("", between))
    for s_, e_, _ in lex.measures.all(between):
        between = between[:s_] + " " * (e_ - s_) + between[e_:]
    between = lex.filler.sub("", between.replace(" ", ""))
    sign = {"up": 1, "down": -1, "same": 0}[word]
    if between and concept == "" and c_end == 0:
        # (…，2022年会议费支出2.10万元，会议费有所下降: a thing the vocabulary does not know, named;
        # the caller judges it only by the two years' figures whose words name it too)
        return UnknownThing(between), sign, roughly
    if between:
        return None  # other words between: the claim may be about something else (口径与上年一致)
    return concept, sign, roughly


class UnknownThing(str):
    """The empty concept of a claim naming a thing the vocabulary does not know, with the words
    naming it (`words`): its figures are the sentence's own two years' whose words hold them."""

    def __new__(cls, words: str):
        made = super().__new__(cls, "")
        made.words = words
        return made


PRIOR_FIGURE = r"(?:的)?\s*[（(]?\s*\d[\d,，]*(?:\.\d+)?\s*(?:亿元|万元|千元|元)\s*[）)]?"
PRIOR_MEASURES = r"年初预算数?|全年预算数?|预算数?|决算数?|执行数|实际支出"
_PRIOR_FIGURE_RES: dict = {}


def _prior_figure_out(text: str, lex) -> str:
    """The clause without last year's figure right after its cue (与上年4.32万元基本持平, 较上年的
    276.90万元有所下降): the figure is the base of the claim, the claim itself states no change."""
    if DIGIT_RE.search(text) is None:
        return text  # (no digit, no figure: most clauses making a claim)
    pattern = _PRIOR_FIGURE_RES.get(lex.prior.pattern)
    if pattern is None:
        # (or the year it names, with the measure it was of: 与2023年预算4.20万元相比; 19… and 20…
        # are two alternatives, so that every alternative opens with a character of its own and the
        # engine skips the others, not a group of 19|20 that left it trying every position)
        pattern = _PRIOR_FIGURE_RES[lex.prior.pattern] = re.compile(
            f"((?:{lex.prior.pattern}|19\\d\\d年度?|20\\d\\d年度?)(?:{PRIOR_MEASURES})?){PRIOR_FIGURE}")
    return pattern.sub(r"\1", text)


def _years_out(text: str) -> str:
    return YEAR_RE.sub("", text)


def _prior_at(text: str, lex, year) -> int | None:
    """Where the clause names last year: a prior-period word, or the year before the report's."""
    m = lex.prior.search(text)
    if m:
        return m.start()
    if year:
        # (the years as text: a pattern of digits and 年 is the text itself)
        before = f"{int(year) - 1}年"
        at = text.find(before)
        if at >= 0 and f"{int(year)}年" not in text[at + len(before):]:
            return at
    return None


def _sign(current: Fact, prior: Fact, roughly: bool, tolerance: Decimal) -> int:
    if meets(current, prior) or tail(current, prior):
        return 0
    diff = current.in_yuan() - prior.in_yuan()
    if roughly and prior.in_yuan() and abs(diff) <= abs(prior.in_yuan()) * tolerance:
        return 0
    return 1 if diff > 0 else -1


def _agreed(facts: list[Fact], subject: str, money: bool = True) -> Fact | None:
    """The one value the document's figures of a concept agree on (amounts, or a quantity's in one unit)."""
    found = [f for f in facts if f.is_money == money and not f.member and f.subject == subject]
    if not money and len({f.unit for f in found}) > 1:
        return None
    if found and all(meets(found[0], f) or tail(found[0], f) for f in found):
        return found[0]
    return None


# ---- from … to ---------------------------------------------------------------------------
FROM_TO_NUMBER = r"(\d[\d,，]*(?:\.\d+)?)\s*(%|‰|[\u4e00-\u9fff]{0,3}?)"  # (the unit before a direction word)
TO_NUMBER = r"(\d[\d,，]*(?:\.\d+)?)\s*(%|‰|[\u4e00-\u9fff]{0,2})"  # (the unit at the end: as long as it goes)
# a quantity and its unit, up to three characters (61.1万人次), before the words that close its clause
QUANTITY_NUMBER = r"(\d[\d,，]*(?:\.\d+)?)\s*(%|‰|[\u4e00-\u9fff]{0,3})"


def _from_to(doc, base: FactBase, rule):
    """“不合格率由2.1%上升至1.4%”, “日均就餐人次由2,160人次减少到2,850人次”: the direction word
    between two figures of one unit against the way they go."""
    lex = lexicon()
    if lex.directions.pattern is None:
        return
    words = concepts().get("from_to_words") or {}
    from_words, to_words = list(words.get("from") or ()), list(words.get("to") or ())
    if not from_words or not to_words:
        return
    pattern = _from_to_re(from_words, to_words)
    for block in doc.blocks:
        for sentence in getattr(block, "sentences", ()) or ():
            text = sentence.plain
            if not any(w in text for w in from_words):
                continue  # most sentences say no 由 … 至
            for m in pattern.finditer(text):
                start, end, unit_a, unit_b, word = m.group(1), m.group(4), m.group(2), m.group(5), m.group(3)
                sign = _word_sign(compact(word), lex)
                if sign is None:  # 降至, 升至: a one-character verb before 至
                    sign = 1 if word in (words.get("up") or ()) else -1 if word in (words.get("down") or ()) else None
                if sign is None or (unit_a and unit_b and unit_a != unit_b):
                    continue
                a, b = to_decimal(normalize_digits(start)), to_decimal(normalize_digits(end))
                if a is None or b is None:
                    continue
                yield CHECKED
                hit = _way_hit(sentence, m.span(), word, sign, (a, f"{start}{unit_a}"), (b, f"{end}{unit_b or unit_a}"),
                               f"由 {start}{unit_a} 到 {end}{unit_b or unit_a}")
                if hit is not None:
                    yield hit


def _way_hit(sentence, span: tuple[int, int], word: str, sign: int, earlier: tuple, later: tuple,
             said: str, rule=None) -> Hit | None:
    """The direction word against the way two figures go (earlier and later: (value, as printed)),
    quoted from the printed words (the plain text normalises characters one for one). 基本持平
    (rule param roughly_words) allows a gap within roughly_equal of the earlier figure."""
    truth = (later[0] > earlier[0]) - (later[0] < earlier[0])
    claim = sentence.text[span[0]:span[1]]
    if sign == 0 and rule is not None and any(w in claim for w in rule.params["roughly_words"]) \
            and abs(later[0] - earlier[0]) <= abs(earlier[0]) * Decimal(str(rule.params["roughly_equal"])):
        truth = 0
    if truth == sign:
        return None
    return Hit(quote=claim, location=sentence.loc, stated=SIGN_WORDS[sign],
               expected=SIGN_WORDS[truth],
               formula=f"{said}：{'增加' if truth > 0 else '减少' if truth < 0 else '不变'}，文中写“{word}”",
               fields={"word": SIGN_WORDS[sign], "actual": later[1], "budget": earlier[1], "truth": SIGN_WORDS[truth]})


def _against_base(doc, base: FactBase, rule):
    """“完成改造112户，较去年同期的98户有所减少”: a quantity, then last year's figure in its unit
    after a comparing word, then a direction word closing the clause: the word against the two.
    (Amounts of money are DIR002's.)"""
    lex = lexicon()
    if lex.directions.pattern is None:
        return
    pattern = _against_base_re()
    for block in doc.blocks:
        for sentence in getattr(block, "sentences", ()) or ():
            text = sentence.plain
            if not lex.comparison.search(text):
                continue
            for m in pattern.finditer(text):
                unit = m.group(2)
                if unit in MONEY_UNITS or unit in ("%", "‰") or m.group(4) != unit:
                    continue
                sign = _word_sign(compact(m.group(5)), lex)
                a, b = to_decimal(normalize_digits(m.group(3))), to_decimal(normalize_digits(m.group(1)))
                if sign is None or a is None or b is None:
                    continue
                yield CHECKED
                hit = _way_hit(sentence, m.span(), m.group(5), sign, (a, f"{m.group(3)}{unit}"), (b, f"{m.group(1)}{unit}"),
                               f"本期 {m.group(1)}{unit}，所比 {m.group(3)}{unit}", rule)
                if hit is not None:
                    yield hit
    yield from _rate_against_prior(doc, base, rule)


def _rate_against_prior(doc, base: FactBase, rule=None):
    """“预算执行率46.80%，低于时间进度…；执行进度较上年同期的41.20%有所下降”: a rate of last year
    after a comparing word, the clause closing on a direction word, against this year's rate of
    the same thing stated before it in the sentence (a ； does not end it). Quantities with the
    figure right before are read above; amounts are DIR002's."""
    lex = lexicon()
    closing = _prior_closing_re()
    for prior in (f for f in sentence_figures(base) if f.period == PRIOR and f.unit in ("%", "‰")
                  and not f.comparator):
        sentence = _sentence_of(doc, base, prior.block, prior.sentence)
        if sentence is None:
            continue
        text = sentence.plain
        m = closing.match(text, prior.at + len(prior.text))
        # (the comparing word a few characters before: 较上年同期的, 比2024年的; or after the figure
        # in the closing words: 上年为63.4%，较上年有所提升)
        comparing = (lex.comparison.search(text, max(0, prior.at - 12), prior.at)
                     or lex.comparison.search(text, prior.at, m.start(1))) if m else None
        if m is None:
            # (the claim first, last year's figure in brackets after it: 与上年持平（上年为35.6%）)
            m = _claim_before_bracket_re().search(text, max(0, prior.at - CLAIM_REACH), prior.at)
            comparing = m
        if comparing is None:
            continue
        earlier = [f for f in base.by_sentence.get((prior.block, prior.sentence), ()) if f.at < prior.at]
        before = _sentence_of(doc, base, prior.block, prior.sentence - 1)
        if before is not None and before.text.rstrip().endswith(("；", ";")):
            earlier = list(base.by_sentence.get((prior.block, prior.sentence - 1), ())) + earlier
        current = next((f for f in reversed(earlier) if f.concept == prior.concept and f.unit == prior.unit
                        and f.period == CURRENT and f.measure == prior.measure and not f.comparator), None)
        if prior.concept is None and (current is None or earlier[-1] is not current):
            continue  # (a rate the vocabulary does not know: only right after this year's, no other between)
        sign = _word_sign(compact(m.group(1)), lex)
        if current is None or sign is None:
            continue
        yield CHECKED
        hit = _way_hit(sentence, (comparing.start(), m.end()), m.group(1), sign, (prior.value, prior.text),
                       (current.value, current.text), f"本期 {current.with_unit()}，所比 {prior.with_unit()}", rule)
        if hit is not None:
            yield hit


def _sentence_of(doc, base: FactBase, block: int, index: int):
    """The paragraph's sentence the fact base read as sentence `index` (None for a table's)."""
    sentences = getattr(doc.blocks[block], "sentences", None) or ()
    if 0 <= index < len(sentences) and sentences[index].text == base.sentences.get((block, index)):
        return sentences[index]
    return None


def _claim_words() -> tuple[str, str, str, str]:
    """(direction, degree, last-year and comparing words) as alternations, from the vocabulary."""
    words = concepts()
    return (alternatives(w for ws in (words.get("directions") or {}).values() for w in ws),
            alternatives(words.get("degree_words") or ()), alternatives(words.get("prior_period") or ()),
            alternatives(words.get("comparison_words") or ()))


def _closing_words() -> str:
    """The words closing a clause on a direction word after the figure compared with (相比，有所增加)."""
    directions, degree, prior, comparing = _claim_words()
    # (a bracket closing on the figure, 较上年（63.4%）有所提升; the comparison said after it, 上年为
    # 63.4%，较上年有所提升)
    return (rf"\s*[）)]?\s*(?:相比|相较)?\s*[，,]?\s*(?:(?:{comparing})(?:{prior})(?:相比)?\s*[，,]?\s*)?"
            rf"(?:{degree})?\s*({directions})(?=[，,。；;]|$)")


_PATTERNS: dict[tuple, re.Pattern] = {}  # per vocabulary generation (a config may add words)


def _pattern(name, build) -> re.Pattern:
    """A pattern built from the vocabulary, once per vocabulary in use."""
    key = (vocabulary_generation(), name)
    if key not in _PATTERNS:
        _PATTERNS[key] = re.compile(build())
    return _PATTERNS[key]


def _prior_closing_re() -> re.Pattern:
    """Right after last year's figure: the words closing the clause on a direction word."""
    return _pattern("prior closing", _closing_words)


CLAIM_REACH = 30  # characters before a bracketed figure its claim may stand in (与上年基本持平（上年为…）


def _claim_before_bracket_re() -> re.Pattern:
    """A comparison with last year closing on a direction word, then a bracket opening on last
    year's figure, naming last year (与上年持平（上年为35.6%）, （2023年为…）), up to the figure."""
    def build() -> str:
        directions, degree, prior, comparing = _claim_words()
        return (rf"(?:{comparing})\s*(?:{prior})\s*(?:相比)?\s*[，,]?\s*(?:{degree})?\s*({directions})"
                rf"\s*[（(]\s*(?:{prior}|(?:19|20)\d\d\s*年度?)\s*(?:同期)?\s*(?:为|是)?\s*$")
    return _pattern("claim before bracket", build)


def _against_base_re() -> re.Pattern:
    def build() -> str:
        words = concepts()
        # (or an earlier month or part of the year: 6月当月完成3.1公里，较5月的2.7公里有所下降)
        period = r"(?:19|20)\d\d年度?(?:同期)?|(?:1[0-2]|0?[1-9])\s*月份?|" + alternatives(
            [*(words.get("prior_period") or ()), *(words.get("earlier_part_periods") or ())])
        comparing = alternatives(words.get("comparison_words") or ())
        # (last year's figure may stand in brackets: 较上年（63.4万人次）有所提升)
        return (rf"{QUANTITY_NUMBER}[^，,。；;\d]{{0,12}}[，,]\s*(?:{comparing})\s*(?:{period})\s*的?\s*[（(]?\s*"
                rf"{FROM_TO_NUMBER}" + _closing_words())
    return _pattern("against base", build)


def _from_to_re(from_words: list[str], to_words: list[str]) -> re.Pattern:
    def build() -> str:
        verbs = concepts().get("from_to_words") or {}
        directions = alternatives([*(w for words in (concepts().get("directions") or {}).values() for w in words),
                                   *(verbs.get("up") or ()), *(verbs.get("down") or ())])
        degree = alternatives(concepts().get("degree_words") or ())
        # the period of the first figure may stand between (由上年的86%, 从2024年的8,600人次), or
        # a few words saying when it held (由建设前的548公斤, 由原来的…)
        period = r"(?:19|20)\d\d年度?|" + alternatives(concepts().get("prior_period") or ())
        return (rf"(?:{alternatives(from_words)})\s*(?:(?:{period})\s*的?\s*|[\u4e00-\u9fff]{{1,6}}的\s*)?{FROM_TO_NUMBER}"
                rf"\s*((?:{degree})?(?:{directions}))"
                rf"\s*(?:{alternatives(to_words)})\s*(?:(?:{period})\s*的?\s*)?{TO_NUMBER}")
    return _pattern(("from to", tuple(from_words), tuple(to_words)), build)


def _word_sign(word: str, lex) -> int | None:
    found = lex.directions.all(word)
    if not found:
        return None
    return {"up": 1, "down": -1, "same": 0}.get(found[-1][2])


CHECKS = {"budget_vs_actual": _budget_vs_actual, "year_on_year": _year_on_year, "from_to": _from_to,
          "against_base": _against_base}
