"""Sub-check `year_change` of kind `derived`: a stated change on last year (比上年减少4.00万元)
against this year's and last year's figures of its concept, in its sentence or the document's
one value; counts (人, 个) as well as amounts."""
from __future__ import annotations

from dataclasses import replace

from ...facts.base import Fact, FactBase
from ..direction import other_year_compared
from ...facts.base.model import BUDGET_MEASURES, CURRENT, PRIOR
from ...facts.base.text_facts import names_budget_base
from ...facts.base.words import balance_side, clause_before
from ...facts.lexicon import lexicon
from ...knowledge import compact, concepts
from ..base import CHECKED, Hit, sentence_figures
from ...facts.agreement import meets
from .intervals import difference_hit, difference_misfit
from .lookup import same_sentence, facts_before, unique_value, list_head, prior_value, compares_last_year
from .growth import current_figure


def check_year_change(base: FactBase, rule):
    """Each change's finding says the two figures it is the difference of (its message's basis):
    this year's and last year's, or where a figure went from and to."""
    for out in _year_changes(base, rule):
        if isinstance(out, Hit):
            out.fields.setdefault("basis", rule.params["year_basis"])
        yield out


def _year_changes(base: FactBase, rule):
    """“…32.00万元，比上年减少4.00万元” against this year's and last year's figure of the change's
    concept: in its sentence first, else the one value the document agrees on (a table's 本年
    and 上年 columns). The direction is DIR002's to judge; this checks the size."""
    cues = rule.params["year_on_year_cues"]
    for change in (f for f in sentence_figures(base, "变动额") if not f.comparator
                   and f.sign and not f.is_money and f.unit not in ("%", "‰", "")):
        yield from _count_year_change(base, change, cues, rule.params["count_other_base_words"])
    for change in (f for f in sentence_figures(base, "变动额") if not f.comparator and f.is_money
                   and f.sign):
        sentence = facts_before(same_sentence(base, change), change)
        after = _base_after_change(base, change, sentence)
        if after is not None:
            yield from after
            continue
        moved = _from_then_to(base, change, sentence, cues)
        if moved is not None:
            yield CHECKED
            earlier, later = moved
            hit = difference_hit(change, later, earlier, change.sign, ("增加", "减少"), "增减额",
                                 f"{later.text} − {earlier.text}", quote=base.span(earlier, change), stated=change.quote,
                                 highlights=(earlier.loc, later.loc), direction_elsewhere=True)
            if hit is not None:
                hit.fields["basis"] = rule.params["from_to_basis"]
                yield hit
            continue
        if other_year_compared(base, change):
            continue  # (与2022年的…相比，2023年度增加…: a change between earlier years, not this year's)
        if change.concept is None:
            yield from _unnamed_year_change(base, change, sentence, cues)
            continue
        # the words since the figure before (与上年相比，本年支出减少…: the cue may open the clause before)
        text = base.sentences.get((change.block, change.sentence), "")
        label = compact(text[sentence[-1].at + len(sentence[-1].text) if sentence else 0:change.at])
        if sentence and sentence[-1].period == PRIOR and sentence[-1].concept == change.concept and sentence[-1].is_money:
            # (年末余额比上年末62.17亿元增加…: the base stated right before the change, the cue before it)
            label = compact(sentence[-1].label) + label
        on_budget = names_budget_base(label)
        if not compares_last_year(label, cues, base.year) or (on_budget and not base.plan):
            # a change on a plan or a budget (比上年预算), or between two named years; in a budget's
            # report, 比2025年预算数 is its year on year: on last year's budget
            continue
        current = current_figure(base, change, change, sentence)
        if current is None or (on_budget and current.measure not in BUDGET_MEASURES):
            continue
        # last year's figure of the same measure: a budget's year on year (部门预算) may be on last
        # year's budget or its outturn. One the sentence states, or the change's words name (比上年
        # 决算数, 比上年预算数), is the one meant; else either the document agrees on that holds
        named_outturn = any(m == "决算" for *_, m in lexicon().measures.all(label))
        measures = ([current.measure] if current.measure in BUDGET_MEASURES and not named_outturn else []) \
            + ([] if on_budget else ["决算"])
        stated = [f for measure in measures for f in reversed(sentence) if f.is_money and f.measure == measure
                  and f.concept == change.concept and f.period == PRIOR]
        priors = stated[:1] or [p for p in (prior_value(base, change, current, m) for m in measures) if p is not None]
        priors = [p for p in priors if not _other_side(base, current, p)]
        if not priors:
            continue
        yield CHECKED
        hits = [difference_hit(change, current, prior, change.sign, ("增加", "减少"), "较上年增减额",
                                f"本年 {current.with_unit()}（{current.where()}）− 上年 {prior.with_unit()}（{prior.where()}）",
                                quote=change.quote, stated=change.quote,
                                highlights=(current.loc, prior.loc), direction_elsewhere=True) for prior in priors]
        if None not in hits and not _whole_may_be_meant(base, change, current):
            yield hits[0]


def _from_then_to(base: FactBase, change: Fact, sentence: list[Fact], cues: list[str]) -> tuple[Fact, Fact] | None:
    """The two amounts right before a change in its clause that say where a figure went from and
    to (由5.00万元减少至4.00万元，减少1.50万元; 由235,120.18万元调整为260,000.00万元，增加…: the fact
    reader's `start`): (from, to), the change being the second less the first; None for any other."""
    if len(sentence) < 2:
        return None
    earlier, later = sentence[-2], sentence[-1]
    if later.start != earlier.id or not (earlier.is_money and later.is_money and earlier.unit and later.unit) \
            or earlier.concept != later.concept or later.concept != change.concept \
            or earlier.measure == "变动额" or later.measure == "变动额":
        return None
    text = base.sentences.get((change.block, change.sentence), "")
    gap = compact(text[later.at + len(later.text):change.at])
    own = compact(change.label)
    if lexicon().comparison.search(own) or any(w in own for w in cues):
        return None  # (同比增加, 比上年增加: a change on last year, the rule's year_on_year_cues; not the from–to difference)
    gap = (gap[:-len(own)] if own and gap.endswith(own) else gap).strip("，,")  # (the change's own words aside)
    return None if gap else (earlier, later)  # (the change right after where it went: nothing else between)


def _other_side(base: FactBase, current: Fact, prior: Fact) -> bool:
    """This year's 收入总计 against last year's stated as 支出总计 (or the other way): the two sides of
    the balanced grand total, one concept, that a report stating them apart does not make one
    figure (FCT001 tells the sides apart; a change is on its own side's last year)."""
    if current.concept != (concepts().get("balance_identity") or {}).get("total"):
        return False
    a, b = _side(base, current), _side(base, prior)
    return bool(a and b) and a != b and _stated_apart(base, current)


def _stated_apart(base: FactBase, current: Fact) -> bool:
    """The text states this year's grand total on both sides, and not alike (收入总计17,100.17万元 …
    支出总计16,888.92万元): its two sides are two figures here (else, in a 决算, one figure)."""
    values: dict[str, list[Fact]] = {}
    for f in base.of(current.concept, current.measure, current.period):
        side = _side(base, f) if f.source == "text" else ""
        if side:
            values.setdefault(side, []).append(f)
    return len(values) == 2 and not any(meets(f, g) for f in values["income"] for g in values["spending"])


def _side(base: FactBase, fact: Fact) -> str:
    """Which side's words (income, spending: words.balance_side) a figure stands under last: in its
    sentence up to it, or in a table cell's label; "" naming neither."""
    words = compact(base.sentences.get((fact.block, fact.sentence), "")[:fact.at] if fact.source == "text" else fact.label)
    return balance_side(words)[0]


def _whole_may_be_meant(base: FactBase, change: Fact, current: Fact) -> bool:
    """The change follows a part listed under a whole (本年支出合计1,270.00万元，其中项目支出480.00万元，
    占37.80%，比上年减少30.00万元) and may be the whole's: its size fits the whole's two years (last
    year's perhaps stated naming no concept, 上年支出…), or the whole's last year is not known and the
    part is the list's first."""
    whole = base.whole_before_part(change, current.concept)
    if whole is None:
        return False
    prior = (prior_value(base, replace(change, concept=whole.concept), whole) if whole.concept else None) \
        or base.unnamed_prior(change, whole) or base.row_prior(whole)
    if prior is None:
        # (after a later item of the list, 其中A…，B…，C…，比上年减少…, the nearest item's, judged)
        return base.first_listed(whole, current)
    return difference_misfit(change, whole, prior, change.sign) is None


def _count_year_change(base: FactBase, change: Fact, cues: list[str], other_base: list[str]):
    """“年末退休人员566人，比上年末减少28人”: a count's change on last year right after this year's
    count of it in the same unit, against last year's count the document agrees on (a table's
    上年末 column); its size and its way (no other rule compares a count's way with a table's)."""
    sentence = facts_before(same_sentence(base, change), change)
    text = base.sentences.get((change.block, change.sentence), "")
    subject, compared = _compared_group(text, change)
    current, label = _count_changed(sentence, text, change, subject, compared)
    if current is None:
        return
    if current.period != CURRENT or current.measure not in ("实际值", "得分") or current.comparator \
            or change.concept not in (None, current.concept) or not compares_last_year(label, cues, base.year) \
            or names_budget_base(label) or _other_base(label, cues, other_base):
        return
    # last year's figure stated before this year's in the sentence (2023年度绩效评价得分为91.20分，
    # 本年度得分97.40分，较上年提高5.20分: a score, or a count), else the table's
    stated = next((f for f in reversed(sentence) if f is not current and _prior_count_of(f, current)
                   and (current.concept or _same_count_words(f, current))), None)
    if stated is None:
        # (…58人，较上年末减少3人，上年末在职人员为63人: stated as the figure right after the change)
        after = next((f for f in same_sentence(base, change) if f.id > change.id), None)
        stated = after if after is not None and _prior_count_of(after, current) \
            and _counted_words(after.label) in ("", _counted_words(current.label), subject) \
            else None  # (上年末为63人, 上年末在职人员为63人: the same)
    if not current.concept and (stated is None or not _same_count_words(stated, current)):
        return  # (a count of no concept, 培训12场次: only on last year's its sentence states in its words)

    # the two years' counts of the one group the table states: this year's as the table has it (a
    # subgroup, 其中在编112人, or another body's count, 局机关31人, is not the row's)
    def of_row(period: str) -> Fact | None:
        return unique_value([f for f in base.of(current.concept, "实际值", period) if f.source == "table"
                              and f.subject == current.subject and not f.member and f.unit in (current.unit, "")])
    prior, now = (stated, current) if stated is not None else \
        (of_row(PRIOR), of_row(CURRENT)) if current.measure == "实际值" else (None, None)
    if prior is None or now is None or not meets(now, current):
        return
    yield CHECKED
    hit = difference_hit(change, current, prior, change.sign, ("增加", "减少"), "较上年增减",
                          f"本年 {current.with_unit()} − 上年 {prior.with_unit()}（{prior.where()}）",
                          quote=base.span(current, change), stated=change.quote, highlights=(current.loc, prior.loc))
    if hit is not None:
        yield hit


def _count_changed(sentence: list[Fact], text: str, change: Fact, subject: str,
                   compared: str) -> tuple[Fact | None, str]:
    """(this year's count the change is of, the change's words since it): the count right before
    the change in its unit; last year's stated between them (本年举办培训43场，上年举办培训41场，比上年
    增加3场), this year's before it; or, where the change's clause names its group first (…在职人员
    58人、退休人员12人，在职人员较上年末减少3人) and that count counts another, the last count before
    it in the unit whose words end on that group, the change's words then `compared` (its clause
    from its comparing word). `subject`: the group the change's clause names ("" none)."""
    if not sentence or sentence[-1].unit != change.unit:
        return None, ""
    current = sentence[-1]
    since = compact(text[current.at + len(current.text):change.at])
    if len(sentence) > 1 and _prior_count_of(current, sentence[-2]) and sentence[-2].period == CURRENT \
            and _same_count_words(current, sentence[-2]) and _counted_words(sentence[-2].label).endswith(subject):
        # (not where the change's clause names another group: 讲座比上年增加3场, 线上培训比上年…)
        return sentence[-2], since
    if not subject or _counted_words(current.label).endswith(subject):
        return current, since
    named = next((f for f in reversed(sentence[:-1]) if f.unit == change.unit
                  and _counted_words(f.label).endswith(subject)), None)
    return (current, since) if named is None else (named, compared)


def _compared_group(text: str, change: Fact) -> tuple[str, str]:
    """(what the change's clause names before its comparing word, its period and link words out
    (在职人员较上年末减少 -> 在职人员; "" where it names nothing), the clause from its comparing word)."""
    clause = compact(clause_before(text, change.at))
    cue = lexicon().comparison.search(clause)
    return (_counted_words(clause[:cue.start()]), clause[cue.start():]) if cue else ("", clause)


def _prior_count_of(f: Fact, current: Fact) -> bool:
    """`f` is last year's figure of what `current` counts, as this year's is stated."""
    return f.period == PRIOR and f.concept == current.concept and f.unit == current.unit \
        and f.measure == current.measure and not f.comparator and f.subject == current.subject


def _same_count_words(prior: Fact, current: Fact) -> bool:
    """Last year's count names what this year's does (上年开展培训 and 本年度共开展培训: 开展培训), or
    nothing but its year (上年为260人次), this year's naming something."""
    words = _counted_words(current.label)
    return bool(words) and _counted_words(prior.label) in ("", words)


def _counted_words(label: str) -> str:
    """What a count's words name, their period and link words out (the vocabulary's filler_words:
    年末在职人员 and 上年末在职人员为 both name 在职人员; 上年末局机关在职人员为 names 局机关在职人员,
    a group of its own)."""
    return lexicon().filler.sub("", compact(label))


def _other_base(label: str, cues: list[str], words: list[str]) -> bool:
    """The change's words compare with something besides last year's count of the thing: another
    thing or a measure (较上年末核定编制数), or the rule's words (上年同期, 分别)."""
    lex = lexicon()
    rest = label
    for cue in cues:
        rest = rest.replace(cue, "")
    return bool(lex.concepts.all(rest) or lex.measures.all(rest)) or any(w in label for w in words)


def _base_after_change(base: FactBase, change: Fact, sentence: list[Fact]):
    """“收入预算2,350.00万元，比2024年预算增加150.00万元（2024年预算为2,250.00万元）”: the base stated
    right after the change, last year's figure of this year's measure and thing, the one amount
    after it in the sentence; the change is this year's figure less it. None when the sentence
    is not so (the other readings judge it)."""
    following = [f for f in same_sentence(base, change) if f.id > change.id]
    money = [f for f in sentence if f.is_money and f.measure != "变动额"]
    if len(following) != 1 or not money:
        return None
    current, prior = money[-1], following[0]
    # (after a 其中 list still open the change is its whole's: 支出预算…，其中基本支出…，项目支出…，
    # 比上年增加…（上年预算为…）)
    head = list_head(base.sentences.get((change.block, change.sentence), ""), money)
    current = head if head is not None else current
    if not prior.is_money or prior.period != PRIOR or current.period != CURRENT or current.measure != prior.measure \
            or prior.concept not in (None, current.concept) or change.concept not in (None, current.concept) \
            or current.subject != prior.subject or current.unit != prior.unit:
        return None
    hit = difference_hit(change, current, prior, change.sign, ("增加", "减少"), "较上年增减额",
                          f"本年 {current.with_unit()} − 上年 {prior.with_unit()}", quote=base.span(current, prior),
                          stated=change.quote, highlights=(current.loc, prior.loc))
    return [CHECKED] + ([hit] if hit is not None else [])


def _unnamed_year_change(base: FactBase, change: Fact, sentence: list[Fact], cues: list[str]):
    """“2024年支出1,836.20万元，上年为1,620.80万元，同比减少215.40万元”: a change naming nothing right
    after this year's and last year's amounts naming nothing, in that order; its size and its way
    (no other rule knows these two amounts to be one thing's)."""
    money = [f for f in sentence if f.is_money and f.measure != "变动额"]
    text = base.sentences.get((change.block, change.sentence), "")
    if len(money) < 2 or money[-1] is not sentence[-1]:
        return
    current, prior = money[-2], money[-1]
    label = compact(text[prior.at + len(prior.text):change.at])
    # (outturn on outturn, or in a budget, a year's budget on last year's: 2025年支出预算…，2024年…)
    if current.period != CURRENT or prior.period != PRIOR or current.concept or prior.concept \
            or current.measure != prior.measure or current.measure not in ("决算", *BUDGET_MEASURES) \
            or current.subject != prior.subject or not compares_last_year(label, cues, base.year):
        return
    yield CHECKED
    hit = difference_hit(change, current, prior, change.sign, ("增加", "减少"), "较上年增减额",
                          f"本年 {current.with_unit()} − 上年 {prior.with_unit()}", quote=base.span(current, change),
                          stated=change.quote, highlights=(current.loc, prior.loc))
    if hit is not None:
        yield hit
