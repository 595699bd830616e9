"""Rates a sentence names after the figure they are of (实际到位138.00万元，到位率92.00%).

“X率” right after a figure whose words hold X (到位 in 实际到位, or a word of the same act:
支出 for 执行), in a sentence that states before it a base named by a word of plans (下达150.00
万元, 预算, 总投资) or, for a count, the one larger count right before it (老年人5,830人), is
that figure over that base. A rate no figure of its sentence gives with
the figure it is of (nor any other two of them, nor the figure over a sum of bases in a row,
年初预算 + 追加) is reported against the nearest such base; a rate after a list of figures (其中
A到位…、B到位…，到位率…) may be of their sum, and is not judged.
Bases stated elsewhere (another paragraph, a table) are not guessed at: most rates stand there.
One is not a guess: a project's funds in its form (年度资金总额's 全年预算数, concepts.yaml
project_funds), for a rate of the project's money as a whole (项目资金实际到位510.00万元，到位率…:
words naming no part of it, `part_words`): the rate is judged against the form's budgets, year-
start and full-year alike, and the text's budgets naming no other thing; reported against the
full-year one when none gives it. Nor is a figure restating a cell of a table of the money's stages
(下达（安排）数, 实际到位数, 实际支出数 by source): its rate is on the planned row's cell of the same
column, unless another row of that column gives it (`_column_beside`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ..facts.base import Fact, FactBase
from ..facts.base.model import BUDGET_MEASURES, CURRENT
from ..facts.lexicon import lexicon
from ..facts.base.subjects import names_whole_money
from ..knowledge import compact, concepts, open_brackets

NEAREST_BASES = 12  # figures before the rate it may be of: a long sentence's far figures are others' (and linear cost)
WINDOW = 40  # figures read back for them
COPULAS = ("达到", "为", "是", "达", "约", "仅")  # words between a figure's name and the figure (到位率为…)


@lru_cache(maxsize=4)
def named_rate_pattern(suffixes: tuple[str, ...]) -> re.Pattern:
    """A rate's name closing the words before its figure: two characters of its stem, a rate
    suffix (率, 度: 到位率, 满意度), an optional copula."""
    return re.compile(r"(?P<stem>[\u4e00-\u9fa5]{2})(?:" + "|".join(map(re.escape, suffixes)) + r")\s*(?:"
                      + "|".join(COPULAS) + r")?\s*$")


def named_rate_slips(base: FactBase, stems: dict[str, list[str]], excluded: tuple[str, ...],
                     base_words: tuple[str, ...], negations: tuple[str, ...], fits, suffixes: tuple[str, ...] = ("率",),
                     part_words: tuple[str, ...] = (), planned_words: tuple[str, ...] = (),
                     stem_bases: dict[str, list[str]] | None = None, form_stems: tuple[str, ...] | None = None,
                     before_stems: tuple[str, ...] = (), act_stems: tuple[str, ...] = (),
                     not_negating: tuple[str, ...] = (), manner: tuple[str, ...] = ()):
    """(rate, figure, base, judged): judged False where the rate is consistent (a CHECKED), True
    with the base it was recomputed on where it is not (see the module). `stem_bases`: a stem's own
    words of a base, in place of `base_words` (审减率 of 审减 over 送审, never over a budget);
    `form_stems`: the stems of a rate of the project's money as a whole, the only ones judged on
    bases stated outside the sentence (None: any stem); `before_stems`: the stems of a rate judged
    on the one figure of its unit of the sentence before its own, where its own states no base."""
    named_rate_re = named_rate_pattern(suffixes)
    stem_bases = stem_bases or {}
    for (block, index), facts in base.by_sentence.items():
        text = base.sentences.get((block, index), "")
        for k, rate in enumerate(facts):
            if rate.unit != "%" or rate.source != "text" or rate.comparator or k == 0:
                continue
            m = named_rate_re.search(text[:rate.at])
            if m is None or any(w in m.group(0) for w in excluded):
                continue
            stem = m.group("stem")
            words = [stem, *stems.get(stem, ())]
            bases_named = tuple(stem_bases.get(stem, base_words))
            # (the words of the rate's name before its stem, 按期 of 按期完工率: see _names_rate_of)
            qualifier = text[max(0, m.start("stem") - 2):m.start("stem")]
            qualifier = qualifier if QUALIFIER_RE.fullmatch(qualifier) else ""
            # (the words before the stem name the figure alone only where the stem is a completion's,
            # 整改完成率: they are the act; before an act's own stem, 实验开出率, they are its object,
            # which a noun holding them, 改造实验室6间, is not)
            alone = stem in act_stems
            at_figure = k - 1 if _names_rate_of(text, facts, k - 1, words, negations, qualifier, alone, not_negating) \
                else _named_in_list(text, facts, k, words)
            # (the words before the stem name the act as well: 整改 of 整改完成率, 仍在整改 not done)
            if at_figure is None and k >= 2 and _negated(text, facts, k - 1, [*words, qualifier] if qualifier else words, negations) \
                    and _names_rate_of(text, facts, k - 2, words, negations, qualifier, alone, not_negating):
                at_figure = k - 2  # (已整改14个，正在整改4个，整改率…: of the one done, the one not done beside it)
            if at_figure is None:
                continue  # the figure right before is not what the rate names (不合格19批次: its complement)
            figure = facts[at_figure]
            own = text[_start(facts, at_figure):figure.at]
            # (the figures right before, at most a window back: a long run of figures costs no more)
            window = range(max(0, at_figure - WINDOW), at_figure)
            # (of the figure's kind: amounts in any money unit, 年初预算2.30亿元 beside 22,580.00万元)
            at = [j for j in window if (facts[j].unit == figure.unit or facts[j].is_money and figure.is_money)
                  and facts[j].value > 0][-NEAREST_BASES:]
            bases = [facts[j] for j in at]
            named = [facts[j] for j in at if any(w in text[_start(facts, j):facts[j].at] for w in bases_named)]
            if not named and _counted_whole(text, facts, k, bases, at_figure):
                named = bases[-1:]  # (老年人5,830人，纳入健康管理4,286人，健康管理率…: the count it is of)
            if not named and not bases and stem in before_stems:
                # (反映的问题共170个，涉及金额…。截至…，已整改到位152个，整改率…: the base closes the sentence before)
                bases = named = _base_before(base, block, index, figure, bases_named, part_words, own, (*words, *manner))
            far = not named  # (the bases are the form's, not the sentence's figures)
            if far and _any_pair_fits(rate, [*bases, figure], fits):
                # (two of the sentence's own figures give it, its base named by no word we know:
                # 送审2,086.47万元…核减118.25万元，核减率5.67%: no slip, whatever else it may be on)
                yield rate, figure, None, False
                continue
            if far and form_stems is not None and stem not in form_stems:
                continue  # (a rate of another thing than the project's money: its base is not the form's)
            if far:
                # no base of plans stated with it: the base is elsewhere, the planned row beside the
                # table cell the figure restates, or the project form's if any
                column, planned = _column_beside(base, figure, planned_words)
                bases = column + _form_budgets(base, figure, own, part_words, bases_named)
                funds = concepts().get("project_funds")
                named = planned or [b for b in bases if b.source == "table" and b.concept == funds
                                    and b.measure == "全年预算"]
                if len({b.value for b in named}) != 1 or figure.value > named[-1].value:
                    continue  # (more than the budget: a sum over years or sources, 累计到位, not the year's)
                named = named[-1:]
            if all(b.measure == "年初预算" for b in named) and base.budget_adjusted(figure.concept, figure.subject) \
                    and not _year_budget_same(base, figure, named):
                continue  # (the year-start budget, where the document tells the year's was another)
            if any(fits(rate, figure, b) for b in bases) or (not far and _any_pair_fits(rate, [*bases, figure], fits)):
                yield rate, figure, None, False
                continue
            if _listed(text, facts, at_figure) or _sum_fits(rate, figure, bases, fits):
                continue  # (the rate of a list's sum, 其中A到位…、B到位…，到位率…; or of a sum of bases,
                # 年初预算…，年中追加…: neither is printed, and the rate may be right)
            # (a base inside brackets after another explains how that one came about, 全年预算数
            # 12,560.00万元（年初预算11,980.00万元，年中调整增加580.00万元）: the rate is of the one outside)
            outside = [b for b in named if (b.block, b.sentence) != (block, index) or not open_brackets(text, 0, b.at)]
            yield rate, figure, (outside or named)[-1], True


def _year_budget_same(base: FactBase, figure: Fact, named: list[Fact]) -> bool:
    """Every whole-year budget the document states that may be the figure's is the year-start
    one's value (a table's 预算安排 23,000.00 beside 年初预算23000.00万元), no budget changed in the
    year said in words: the year-start budget is the year's."""
    years = base.year_budgets(figure.concept)
    return bool(years) and years <= {b.in_yuan() for b in named} and not base.adjustment_told()


QUALIFIER_RE = re.compile(r"[\u4e00-\u9fa5]{2}")  # (two characters of words right before a rate's stem)


def _names_rate_of(text: str, facts: list[Fact], j: int, words: list[str], negations: tuple[str, ...],
                   qualifier: str = "", alone: bool = True, not_negating: tuple[str, ...] = ()) -> bool:
    """The j-th figure's own words hold the rate's stem, not negated (合格312批次 for 合格率; not
    不合格19批次, its complement), and it is a figure of things or money, not a rate."""
    figure, own = facts[j], text[_start(facts, j):facts[j].at]
    if figure.unit in ("%", "‰", "个百分点") or not figure.value:
        return False
    # (the rate's act by the words before its stem too: 已整改14个 for 整改完成率; `alone`: see the caller)
    words = [*words, qualifier] if qualifier else words
    if any(w in own for w in (words if alone else words[:-1] if qualifier else words)):
        # (a negation before the word in the figure's own clause: 未达到验收标准2座 is no count of those accepted)
        clause = CLAUSE_SPLIT_RE.split(own)[-1]
        return not any(n + w in own or w in clause and n in _plain_words(clause[:clause.find(w)], not_negating)
                       for n in negations for w in words)
    # (or the words after it in its clause: 其中198份对项目实施效果表示满意，满意率… for 满意率; not
    # 12份表示不满意, nor 1处延期完工 for 按期完工率: the words before the rate's stem stand there too)
    end = figure.at + len(figure.text)
    after = CLAUSE_SPLIT_RE.split(text[end:end + AFTER_CHARS], maxsplit=1)[0]
    if any(w in after for w in words) and qualifier in after:
        # (a negation anywhere in the clause before the word: 7个标段未按合同约定工期完工 is no count of
        # those done on time, for 完工及时率; not one inside a word of its own, 克服不利天气按期完工:
        # the rule's not_negating_words)
        return not any(n in _plain_words(after[:after.find(w)], not_negating) for n in negations for w in words if w in after)
    return _named_by_clause(own, words[0], negations)


def _plain_words(text: str, not_negating: tuple[str, ...]) -> str:
    """The text without the words holding a negation's character that negate nothing (不利, 不断)."""
    for word in not_negating:
        text = text.replace(word, "")
    return text


def _negated(text: str, facts: list[Fact], j: int, words: list[str], negations: tuple[str, ...]) -> bool:
    """The j-th figure's own words hold the rate's stem negated (未整改, 正在整改: not done)."""
    own = text[_start(facts, j):facts[j].at]
    return any(n + w in own for n in negations for w in words)


AFTER_CHARS = 20  # characters after a figure read for the words naming what it counts, up to its clause's end


def _named_by_clause(own: str, stem: str, negations: tuple[str, ...]) -> bool:
    """The figure's words are a clause closed by 的 holding the stem's two characters in order, a
    few words apart (达到省定标准的162个 for 达标率), not negated (未达到省定标准的78个)."""
    clause = CLAUSE_SPLIT_RE.split(own)[-1].strip()
    if not clause.endswith("的"):
        return False
    found = re.search(re.escape(stem[0]) + f"[^的]{{0,{CLAUSE_STEM_GAP}}}?" + re.escape(stem[1]), clause)
    return found is not None and not any(clause[:found.start()].endswith(n) for n in negations)


CLAUSE_SPLIT_RE = re.compile(r"[，,；;：:、]")
CLAUSE_STEM_GAP = 6  # characters between a stem's two in a clause naming the figure (达到省定标准: 达…标, 4)


def _named_in_list(text: str, facts: list[Fact], k: int, words: list[str]) -> int | None:
    """The item of the list right before the rate named by the rate's stem alone (其中“满意”698份、
    “基本满意”52份、“不满意”13份，满意度…: the 698), within LIST_REACH items of one unit."""
    last = facts[k - 1]
    for j in range(k - 1, max(-1, k - 1 - LIST_REACH), -1):
        if facts[j].unit != last.unit or facts[j].unit in ("%", "‰", "个百分点"):
            return None
        own = LIST_NOISE_RE.sub("", text[_start(facts, j):facts[j].at])
        for opener in lexicon().list_openers:
            own = own.removeprefix(opener)
        if own in words and facts[j].value:
            return j
    return None


LIST_REACH = 6  # items of a list read back from the rate for the one its stem names
LIST_NOISE_RE = re.compile(r"[“”\"'‘’「」、，,：:；;\s]")


def _form_budgets(base: FactBase, figure: Fact, own: str, part_words: tuple[str, ...],
                  base_words: tuple[str, ...]) -> list[Fact]:
    """The amounts a rate of a project's money as a whole may be on, stated outside its sentence:
    the project form's budgets, its 年度资金总额 (concepts.yaml project_funds) and its other fund
    rows (当年财政拨款, 上年结转: the rate may be of one of them), and the text's amounts of this
    year named by a word of plans (上级下达项目资金500.00万元); none for a figure of a part of the
    money (中央资金到位…), of several years (累计到位…) or of another thing."""
    funds = concepts().get("project_funds")
    if not funds or not figure.is_money or figure.fund or figure.concept not in (None, funds) \
            or any(w in own for w in part_words):
        return []
    # (the document's candidates, read once: a rate after another asks again)
    form, text = base.remember(("form budgets", base_words), lambda: (
        [f for f in base.facts if f.source == "table" and f.is_money and f.period == CURRENT
         and not f.comparator and f.measure in BUDGET_MEASURES],
        [f for f in base.facts if f.source == "text" and f.is_money and f.period == CURRENT and not f.comparator
         and any(w in f.label for w in base_words)]))
    # (a figure naming no project, in a document of one project's form: that project's)
    projects = {f.subject for f in form if f.concept == funds}
    subjects = {"", figure.subject} | (projects if not figure.subject and len(projects) == 1 else set())
    return [f for f in form if f.subject in subjects] + [f for f in text if f is not figure and f.subject in subjects]


def _column_beside(base: FactBase, figure: Fact, planned_words: tuple[str, ...]) -> tuple[list[Fact], list[Fact]]:
    """(the column's other cells, its planned cells) for the table cell a text figure restates
    (项目资金实际到位3,960.00万元 for the row 实际到位数 | 合计 3,960.00): a table whose rows are the
    stages of the money (下达（安排）数, 实际到位数, 实际支出数), its columns the sources; the planned
    cells are those of the rows whose labels hold a word of plans (planned_words: 下达, 预算, 计划). The
    figure names its row by the row's concept (value_links.py), one cell of which prints its value."""
    if figure.concept is None or not figure.is_money or not planned_words:
        return [], []
    rows, columns = base.remember(("money rows and columns by stage",), lambda: _money_columns(base))
    same = [c for c in rows.get(figure.concept, ()) if c.in_yuan() == figure.in_yuan()]
    if len(same) != 1 or any(w in same[0].label for w in planned_words):
        return [], []  # (no one cell; or the figure is a planned amount itself)
    column = [c for c in columns[(same[0].block, same[0].header)] if c is not same[0]]
    planned = [c for c in column if any(w in c.label for w in planned_words)]
    return (column, planned) if planned else ([], [])  # (no planned row: no table of the money's stages)


def _money_columns(base: FactBase) -> tuple[dict, dict]:
    """(row concept -> its cells, (table block, column head) -> its cells): the tables' amounts of
    the year, read once per document."""
    rows: dict = {}
    columns: dict = {}
    for f in base.facts:
        if f.source == "table" and f.is_money and f.period == CURRENT and not f.comparator and f.concept:
            rows.setdefault(f.concept, []).append(f)
            columns.setdefault((f.block, f.header), []).append(f)
    return rows, columns


def _start(facts: list[Fact], k: int) -> int:
    """Where the words of the k-th figure start: after the figure before it in the sentence."""
    return facts[k - 1].at + len(facts[k - 1].text) if k else 0


def _counted_whole(text: str, facts: list[Fact], k: int, bases: list[Fact], at_figure: int) -> bool:
    """A count of people or things before the rate's figure (only figures of other units between),
    larger than it, the one figure of its unit in the sentence before it, the rate standing in the clause right after the figure
    (no brackets, no 其中 between; the figure's complement, 正在整改4个, may stand between): the whole
    the rate is of, though no word of plans names it."""
    figure = facts[at_figure]
    if figure.is_money or figure.unit in ("分", "") or len(bases) != 1 or k < 2:
        return False
    # (figures of other units between them are other things of the whole: 问题132个，涉及金额9.86亿元，
    # 已整改125个; one of its unit between is another count, and the base may be neither)
    if any(f.unit == figure.unit for f in facts[facts.index(bases[0]) + 1:at_figure]):
        return False
    between = text[figure.at + len(figure.text):facts[k].at]
    return bases[0].value > figure.value and not re.search(r"[（(）)]", between) \
        and not any(o in between for o in lexicon().list_openers)


def _base_before(base: FactBase, block: int, index: int, figure: Fact, base_words: tuple[str, ...],
                 part_words: tuple[str, ...] = (), own: str = "", acts: tuple[str, ...] = ()) -> list[Fact]:
    """The bases of a rate whose sentence states none, in the sentence before it in its paragraph:
    the figures there of the figure's unit and concept named by a word of bases (反映, 应整改; 发放
    and 收回 both, the questionnaires given out and returned, of a 有效率), not smaller than the
    figure; the rate fitting any of them is right, one fitting none is told on the last. None where
    a base names a part of the money the figure's own words (`own`) do not (市级补助资金下达…。实际
    到位…: what arrived may be of every source)."""
    facts = base.by_sentence.get((block, index - 1), ())
    text = base.sentences.get((block, index - 1), "")
    same = [(j, f) for j, f in enumerate(facts) if f.unit == figure.unit and f.value > 0 and not f.comparator]
    named = [found for j, found in same if any(w in text[_start(facts, j):found.at] for w in base_words)]
    # (the parts a 其中 list gives of a named base after it, 下达资金600.00万元，其中省级500.00万元、…, are no
    # other bases)
    opener = lexicon().list_opener
    parts = [f for _, f in same if named and f.at > named[-1].at and any(
        opener.match(text, at) for at in range(named[-1].at + len(named[-1].text), f.at))]
    # (an amount spent beside a budget, 全年预算数…，执行数…: an outturn, never the base of a rate of the
    # money, where the bases named are budgets and the figure is of the money as a whole: 年度资金到位…,
    # not 其中中央补助资金到位…, 某某专项资金到位…, a part's)
    spent = [f for _, f in same if f not in named and f not in parts and f.is_money and f.measure == "决算"] \
        if named and all(f.measure in BUDGET_MEASURES for f in named) and _whole_money(own, acts) else []
    if not same or len(named) + len(parts) + len(spent) != len(same):
        return []  # (another count of the unit there, 涉及12个部门: which is the base is not told)
    if any(w in text[_start(facts, j):found.at] and w not in own
           for j, found in same if found in named for w in part_words):
        return []
    # (the figure of one of those parts, named so, 中央资金实际到位…, 第一批资金实际到位…: the rate is of
    # that part; of none its words tell, where they name one's words of their own)
    if parts:
        own_words = compact(own)
        names = [(f, _part_name(text[_start(facts, j):f.at])) for j, f in same if f in parts]
        mine = [f for f, name in names if name and name in own_words]
        if len(mine) == 1:
            return mine if mine[0].value >= figure.value else []
        if mine or any(w in own_words for w in part_words if w not in lexicon().list_openers):
            return []
    return [found for found in named if found.concept == figure.concept and found.value >= figure.value]


def _whole_money(own: str, acts: tuple[str, ...]) -> bool:
    """The figure's words, its act's (到位, 使用) and the manner of it (实际, 足额) aside, name only the unit's
    or the project's whole money."""
    words = compact(own)
    for w in acts:
        words = words.replace(w, "")
    return names_whole_money(words.strip("，,；;：:"), lexicon())


def _part_name(words: str) -> str:
    """A listed part's name: its words without the list's opener, joins and punctuation (其中中央资金 → 中央资金)."""
    words = compact(words)
    for opener in lexicon().list_openers:
        words = words.replace(opener, "")
    return words.strip("，,、；;：:和及与为是")


def _listed(text: str, facts: list[Fact], k: int) -> bool:
    """The k-th figure closes a list of figures joined by 、 or 和 (its rate may be of their sum):
    its words open with the join, right after the figure before it (…48份、基本满意…, not 表示满意和
    基本满意的共330份, names joined inside one figure's words)."""
    if k == 0 or facts[k - 1].unit != facts[k].unit:
        return False
    own = text[_start(facts, k):facts[k].at]
    return lexicon().list_join.match(own, len(own) - len(own.lstrip())) is not None


def _sum_fits(rate: Fact, figure: Fact, bases: list[Fact], fits) -> bool:
    """The rate is the figure over the sum of some run of the bases in a row (年初预算 + 追加)."""
    for i in range(len(bases)):
        for j in range(i + 2, len(bases) + 1):
            if len({b.unit for b in bases[i:j]}) > 1:
                continue  # (bases of two money units, 亿元 and 万元: their printed values add up to nothing)
            total = sum((b.value for b in bases[i:j]), Decimal(0))
            if fits(rate, figure, replace(bases[j - 1], value=total, places=max(b.places for b in bases[i:j]))):
                return True
    return False


def _any_pair_fits(rate: Fact, figures: list[Fact], fits) -> bool:
    """Some two of the figures give the rate (the text may name another base than we take)."""
    return any(fits(rate, a, b) for a in figures for b in figures if a is not b and b.value > 0 and a.unit == b.unit)
