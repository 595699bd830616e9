"""A text figure made a fact: what its sentence settles of it, multiples, counted things, faults,
shares, differences."""

from __future__ import annotations

import re
from functools import lru_cache

from ...knowledge import compact, concepts, vocabulary_generation
from ..lexicon import alternatives, lexicon
from ..numbers import DIGIT_RE, MONEY_UNITS
from .model import ADJUSTMENT, CURRENT, PRIOR, FORECAST, BUDGET_MEASURES, SCORED_MONEY_MEASURES, Fact
from .words import (respectively_words, CLAUSE_BREAK_RE, UNNAMED, share_whole_named, YEAR_RE, BOUND_AFTER_RE, PHRASE_LIMIT, phrase_start, RATE_OF_AFTER_RE,
                    change_sign, blank, names_nothing, own_words, kind_total, without_funds)
from .figures import counted_unit


INDICATOR_NAMED_RE = re.compile(r"[“\"]([^”\"]{2,30})[”\"]\s*指标|该指标")

# a clause break, but for a comma between digits (1,293: a thousands separator; see _ratio_multiple)
MULTIPLE_CLAUSE_BREAK_RE = re.compile(r"[；;：:。]|[，,](?!\d)|(?<!\d)[，,]")

POINTS_RE = re.compile(r"\d+(?:\.\d+)?\s*分")  # a figure in points

@lru_cache(maxsize=4)
def _comparison_closes(generation: int) -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    """(the words closing a comparison on its base, 与上年相比: concepts.yaml comparison_closers;
    the same right after its base's figure, …的1,180.00万元）相比; the words opening such a
    comparison, comparison_openers: 与, 跟 — not 同, 和, which join words too). A function of the
    vocabulary, compiled once per its generation."""
    closers = alternatives(concepts().get("comparison_closers") or ())
    return (re.compile(closers), re.compile(r"\s*[)）]?\s*(?:" + closers + ")"),
            tuple(concepts().get("comparison_openers") or ()))


def closed_comparison_re() -> re.Pattern:
    return _comparison_closes(vocabulary_generation())[0]


@lru_cache(maxsize=4)
def _size_compared_re(generation: int) -> re.Pattern:
    """A change's size (concepts.yaml change_size_words: 幅度, 增幅, 比例…) compared in turn with a
    year before (较上年, 比2023年, 同比): the figure after it is the change of that size, no rate of
    the thing. A base must follow 较 / 比 (较大, 比较明显 are adverbs: the size stated after them is
    the rate's own). A function of the vocabulary, compiled once per its generation."""
    sizes = alternatives(concepts().get("change_size_words") or ())
    if not sizes:
        return re.compile(r"(?!)")
    return re.compile(f"(?:{sizes})(?:(?:较|比|与)(?:{lexicon().prior.pattern}|前年|\\d{{4}}年)|同比|环比)")

WEIGHT_RE = re.compile(r"(?:分值|权重|满分)\s*(?:为)?\s*\d")  # the points a part is out of

# a word right after a compared figure saying the next figure is the difference (比预算X少Y万元)
DIFFERENCE_WORDS = {"少": -1, "少了": -1, "多": 1, "多了": 1}
# 比年初预算多: more than the budget named (the words above, longest first)
DIFFERENCE_TAIL_RE = re.compile("(" + "|".join(sorted(DIFFERENCE_WORDS, key=len, reverse=True)) + ")$")

BASE_FIGURE_REACH = 16  # characters back a multiple's base may end (是2022年（12.6万立方米）的3倍; see Lexicon.base_figure_before)


class TextFactReading:
    """FactReader's making of a text figure's fact."""

    def _settle(self, fact: dict, text: str, at: int, earlier: list) -> None:
        """What the figure's sentence says of it besides its phrase: a total score after a score
        category's words (产出指标分值50分，自评得分49.23分) is the category's (its member); a fund's
        figure of a concept the fund qualifies (财政拨款收、支总计…) is the fund's own concept, as
        a table titled with the fund states it (`earlier`: the sentence's amounts before it)."""
        if fact.get("measure") in ("得分", "分值") and fact.get("concept"):
            named = list(self.score_category.finditer(text, max(0, at - JOINED_REACH), at))
            if len(named) >= 2 and self._joins_list(text[named[-2].end():named[-1].start()]) \
                    and not CLAUSE_BREAK_RE.search(text, named[-1].end(), at):
                # (决策、过程指标得分35.5分: the points of the categories joined, no one category's)
                fact["concept"] = None
                return
        if fact.get("concept") in self.score_totals.values() and fact.get("measure") == "得分" \
                and not fact.get("member"):
            category, listed = None, False
            for found in self.score_category.finditer(text, 0, at):
                # (the last category named before the score; one closing a list of them, 按照决策、过程、
                # 产出、效益四类指标逐项打分，自评得分91.5分, names how all were scored, no category's score)
                listed = category is not None and self._joins_list(text[category.end():found.start()])
                category = found
            category = None if listed else category
            gap = text[category.end():at] if category else ""
            if category and (POINTS_RE.search(gap) and not WEIGHT_RE.search(gap) or self._whole_after_rate(gap)):
                # (…预算执行率91.00%，项目自评得分95.71分: after the category's rate, a whole score)
                # points of another part stand between (其中产出指标45分、…，农村公路养护项目自评
                # 得分86分 is the project's); the category's weight may (产出指标分值50分，自评得分48分)
                category = None
            indicator = INDICATOR_NAMED_RE.search(text, 0, at) if not category else None
            if category:
                fact["member"] = category.group(0)
            elif indicator:
                # “…”指标…该指标分值5分，自评得分4分: one indicator's score, not the evaluation's
                fact["member"] = indicator.group(1) or indicator.group(0)
            elif self.para_category and not self._names_whole(compact(CLAUSE_BREAK_RE.split(text[:at])[-1])):
                # (…，本项目自评总得分95分 or 本部门…整体支出绩效自评得分 in that paragraph: the whole's,
                # as its own clause says)
                fact["member"] = self.para_category
        own_concept = self.fund_qualified.get(fact.get("fund"), {}).get(fact.get("concept"))
        if own_concept and any(f.concept == own_concept for f in earlier):
            # (全区一般公共预算支出742,180万元，加上上解上级支出16,520万元，支出合计758,700万元: a
            # total summing the fund's own figure with others is no figure of the fund's)
            fact["concept"] = None
        elif own_concept:
            fact["concept"] = own_concept

    def _joins_list(self, between: str) -> bool:
        """The words between two names join them in a list (、, 和: concepts.yaml summed_names joins; a
        comma, as the plain text writes ，)."""
        between = between.strip()
        return between in (",", "，") or self.lex.list_join.fullmatch(between) is not None

    def _says_scored(self, phrase: str) -> bool:
        """The figure's own clause names points scored (满分100分，自评得分97.90分; …，得92分):
        no weight listed under the full marks."""
        clause = CLAUSE_BREAK_RE.split(phrase)[-1]
        return self.lex.measures.last(compact(clause)) == "得分" or clause.rstrip("为：: ").endswith("得")

    def _rise_multiple(self, text: str, m: re.Match, previous_end: int) -> str:
        """The multiple word after a figure with no unit, when the words before it say a rise
        (比上年增长1.5倍, 增加了2倍): the figure is a change rate of N × 100%. 是上年的2.5倍 states a
        ratio, no rise, and stays no figure."""
        word = next((w for w in self.multiple_words if text.startswith(w, m.end())), "")
        end = m.end() + len(word)
        if not word or BOUND_AFTER_RE.match(text, end) or text.startswith(self.rough_after, end):
            return ""  # (增长2倍以上, 增长2倍多: a bound or a rough figure, no rate to recompute)
        phrase = compact(text[phrase_start(text, m.start(), previous_end):m.start()])
        rises = change_sign(phrase, self.lex) > 0 and self.lex.rate_measures.last(phrase) == "变动率"
        return word if rises or self._ratio_multiple(text, m, previous_end) else ""

    def _named_with_unit(self, phrase: str, unit: str) -> str | None:
        """A count whose words and unit together name a table's row (2024年培训1,324人次 beside the
        row 培训人次（人次）: 培训 + 人次): that row's. Its words whole, its years and the report's
        time words aside (全年共, concepts.yaml count_scope_words): 其中退役军人培训300人次 names a part
        of the row's thing, no row."""
        words = YEAR_RE.sub("", compact(phrase)).rstrip("为是达共约：:")
        for word in self.count_scope_words:  # (longest first)
            words = words.removeprefix(word)
        return self.row_labels.get(words + unit) if len(words) >= 2 else None

    def _year_slice(self, phrase: str, unit: str) -> str | None:
        """A year's part of a count summed over years, listed after it (累计新建截流井36座，其中2024年
        新建15座): the figure before in the unit, summed (concepts.yaml cumulative_words), whose words
        hold the part's own (新建: its years and the list's opener aside): that year's count of the
        same thing, the concept of the whole's."""
        words = compact(phrase)
        opened = next((k + len(w) for w in self.lex.list_openers for k in [words.find(w)] if k >= 0), -1)
        previous = self.base.facts[-1] if self.base.facts else None
        if opened < 0 or previous is None or previous.unit != unit or not previous.concept \
                or not any(w in previous.label for w in self.cumulative_words):
            return None
        own = YEAR_RE.sub("", words[opened:]).strip("：:，,")
        if not YEAR_RE.search(words[opened:]) or len(own) < 2 or own not in compact(previous.label):
            return None
        return previous.concept

    def _ratio_multiple(self, text: str, m: re.Match, previous_end: int) -> bool:
        """A multiple stating the ratio of the figure before to a base its clause states (是上年
        64.00万元的1.5倍): a ratio of N × 100%, like 是…的150%. Not a multiple of a rate (增幅是上年
        增幅的2倍) or of a base no figure states (是上年的2倍)."""
        if not self.lex.base_figure_before.search(text, max(0, m.start() - BASE_FIGURE_REACH), m.start()):
            return False
        # (a base's thousands separator, 是上年1,293例的, breaks no clause)
        clause = MULTIPLE_CLAUSE_BREAK_RE.split(text[max(0, previous_end - PHRASE_LIMIT):m.start()])[-1]
        return any(w in clause for w in self.ratio_multiple_cues)

    def _counted_concept(self, phrase: str, unit: str, wide: str, m: re.Match) -> str | None:
        """The thing a count in a unit of its own counts, by a cue word in its words (共接待国内公务来宾
        15批次: 国内公务接待批次); a count listed right after another (15批次、112人次) counts the same
        doing; a count in a sum's clause (…，合计125批次) the whole of the parts counted before it."""
        words = wide + phrase
        found = self._cued(words, unit)
        if any(opener in words for opener in self.lex.list_openers):
            # (…2批次、26人次，其中：接待外宾0批次: a part of them, no count of them all; the part
            # itself where the vocabulary knows it as one)
            return found if found in self.counted_whole else None
        last = self._counted_before(m)
        if found is None and last is not None and not compact(phrase).strip("、，,和及与共计"):
            found = self._same_doing(last.concept, unit)
        if self.sum_words.match(phrase.lstrip("，,；;、：: ")):
            # (国内公务接待120批次、980人次，外事接待5批次、42人次，合计125批次: the sum is of the
            # whole, whatever part was named last)
            found = found or (last.concept if last is not None else None)
            found = self._same_doing(self.counted_whole.get(found, found), unit) if found else None
        return found

    def _cued(self, words: str, unit: str) -> str | None:
        """The counted concept of `unit` whose cue stands nearest the end of `words`, the longest of
        those ending there (国内公务接待 over 公务接待; after 接待外事团组5批次，国内公务接待…: the latter)."""
        best = max(((words.rfind(c) + len(c), len(c), name) for name, cues in self.counted[unit]
                    for c in cues if c in words), default=None)
        return best[2] if best else None

    def _same_doing(self, concept: str | None, unit: str) -> str | None:
        """The counted concept of `unit` counting what `concept` counts (公务接待批次 -> 公务接待人次)."""
        cues = self.counted_cues.get(concept)
        return next((name for name, own in self.counted.get(unit, ()) if own == cues), None) if cues else None

    def _counted_by_money(self, phrase: str, unit: str, m: re.Match, money: Fact | None) -> str | None:
        """A count whose own words name no thing (国内公务接待支出36.85万元，接待251批次): the thing the
        amount before it in its sentence names, where a counted concept of that thing exists and the
        count's words are the doing it names (接待 of 国内公务接待), no other doing (培训)."""
        words = phrase + self._clause_to(m.string, m.start())
        if money is None or money.source != "text" or money.at >= m.start() \
                or m.string[money.at:money.at + len(money.text)] != money.text \
                or any(opener in words for opener in self.lex.list_openers) or self._cued(compact(words), unit):
            return None  # (a list's part, or a count naming a thing of its own)
        found = self._cued(compact(money.label), unit)
        # (the verb closing the count's own words, 共接待 -> 接待: two characters, a doing)
        verb = compact(phrase).rstrip("了共计约为达")[-2:]
        cues = self.counted_cues.get(found, ())
        return found if len(verb) == 2 and any(verb in c for c in cues) else None

    def _counted_before(self, m: re.Match) -> Fact | None:
        """The last fact read when it is a count of a counted concept earlier in the same sentence."""
        last = self.base.facts[-1] if self.base.facts else None
        if last is None or last.concept not in self.counted_cues or last.source != "text" \
                or last.at >= m.start() or m.string[last.at:last.at + len(last.text)] != last.text:
            return None
        return last

    def _restates_row(self, bare: str, carried: str | None) -> bool:
        """The phrase states the outcome of the row a remark is beside in some of its words (实际资助
        for the row 资助学生人数, in its 偏差原因 cell): a concept named after a table's row, the
        phrase an outcome word (concepts.yaml plan_cells outcome: 实际, 完成) and then two characters
        or more of the row's name, nothing else. (A figure naming nothing does not take such a concept
        in a count: 城区、乡镇读者借阅依次为…人次、…人次 lists parts of it.)"""
        if not self._classified(carried) or any(w in compact(bare) for w in self.lex.list_openers):
            return False  # (其中实际资助150人为…: a part of the outcome, no statement of it)
        words = own_words(bare, self.lex)
        said = next((w for w in self.outcome_words if words.startswith(w)), None)
        return said is not None and len(words) - len(said) >= 2 and words[len(said):] in carried

    def _row_kind(self, concept: str, unit: str) -> bool:
        """A figure in `unit` may be of a concept named after a table's row (an indicator,
        资助学生人数): the row's figures are in that unit (286人), or in money as it is."""
        units = {f.unit for f in self.base.by_concept.get(concept, ()) if f.unit and f.unit not in ("%", "分")}
        return unit in units or (unit in MONEY_UNITS and bool(units & MONEY_UNITS.keys()))

    def _money_words(self, measured: str) -> bool:
        """Words of money's measures (预算, 执行) in a phrase (its concepts' and funds' names blanked)."""
        return any(m in SCORED_MONEY_MEASURES for _s, _e, m in self.lex.measures.all(measured))

    def scores_category(self, phrase: str, unit: str) -> bool:
        """Points after money's measure words (预算执行9.79分): a category of the form scored."""
        return unit == "分" and self._money_words(self._measure_words(blank(phrase, self.lex.concepts)))

    def _measure_words(self, bare: str) -> str:
        """A phrase's words a measure is read in (its concepts' names blanked): 预算 of a fund's name
        (一般公共预算资金支出) is no budget."""
        return without_funds(bare) if "预算" in bare else bare.replace(" ", "")

    def _text_fact(self, phrase, m, value, unit, carried, plain_carried, last_money, subject, wide) -> dict:
        """`carried`: the concept named last, for a change or a rate that names none;
        `plain_carried`: the same for a plain figure, None after a figure of an unknown thing."""
        named = concept = self._concept(phrase, last=True)  # (`named`: the phrase's own, kept for below)
        if concept is None and unit in MONEY_UNITS:
            concept = self._planned_concept(phrase)  # (一般公共预算收入安排12.97亿元: the 收入's)
        if concept is None and unit in self.counted:
            concept = self._counted_concept(phrase, unit, wide, m) or self._counted_by_money(wide + phrase, unit, m, last_money)
        unread = UNREAD_AMOUNT_RE.search(wide + phrase)
        if unread:
            # (其中罚没收入2,1680.00万元，比上年减少474万元: the change is of the amount no one can
            # read, not of the one named before it)
            carried = plain_carried = None
            # (where it stands: the phrase's words are the sentence's, spaces aside; the figure's place else)
            at = m.string.rfind(unread.group(0), 0, m.start())
            self.base.unread_sentences.setdefault(self.sentence_key, set()).add(at if at >= 0 else m.start())
        if concept in self.lead_totals and self.lead and self.lead != concept \
                and self.lead.endswith(self.lead_totals[concept]):
            # “四、“三公”经费：本年支出5.11万元” / “（二）国有资本经营预算支出。本年支出…”: the
            # item's own spending, not the unit's
            concept = self.lead
        if concept is None and (self.sum_words.match(phrase.lstrip("，,；;、：: ")) or (
                self.sum_words.search(phrase) and len(self.lex.concepts.all(phrase)) >= 2)):
            # “…、公用经费412.56万元和项目支出1,205.30万元，合计较上年的…增长7.10%”: the sum of the
            # list, not its last part; a thing the text does not name (so is 经营收入和其他收入合计)
            carried = plain_carried = None
        if concept is None or wide.endswith("、"):
            # “收、支总计各减少 …”: a name cut by a clause break still names the figure; cut by
            # 、 (财政拨款收、支总计各增加), the whole name wins over the part after the 、 (总计)
            whole = self._concept(wide + phrase, last=True, after=len(wide))
            if whole is None and wide.endswith("、") and self.sum_words.search(phrase):
                # “营房维修、宣传培训、执勤业务经费合计174.00万元”: the sum of the items listed
                concept, carried, plain_carried = None, None, None
            concept = whole or concept
        bare = blank(phrase, self.lex.concepts)  # 预算 inside 一般公共预算财政拨款收入 is no measure
        if concept and concept not in self.lex.concepts.canonical and concept in bare:
            # nor 得分 inside a table row's own name (全省营商环境评价得分88.6分: that indicator's value)
            bare = bare.replace(concept, " " * len(concept))
        # nor 上年 inside 上年结转资金 a period; a name cut by 、 (2023年度收、支总计) keeps the year
        # said before its cut, in the same clause
        cut = blank(CLAUSE_BREAK_RE.split(wide)[-1], self.lex.concepts) if wide.endswith("、") else ""
        if cut and closed_comparison_re().search(cut):
            cut = ""  # (与上年相比收、支总计…: the year compared with, not the figure's; 比上年收入、支出总计… is last year's)
        period = PRIOR if self.lex.prior.search(bare + cut) or self.opening_base.search(compact(phrase)) \
            else self._year_period(cut + phrase)
        # the fund named first: 政府性基金预算财政拨款… is that fund's, not all 财政拨款
        fund = self.lex.funds.first(bare) or ""
        out = dict(subject=subject, fund=fund, period=period)
        if unit in ("%", "‰", "个百分点"):
            if self._part_of_year(wide + phrase) or self._months_of_year(wide + phrase, phrase):
                # a rate of a part of the year (三季度末预算执行率72.9%) states no rate of the year
                # (in a report on that part, 截至6月底 in a 1-6月 report, the report's own rate)
                return dict(out, concept=None, measure="实际值")
            if _size_compared_re(vocabulary_generation()).search(compact(phrase)):
                # (下降幅度较上年扩大5.00%, 增幅比上年提高: the change of a rate's size, no rate of the thing)
                return dict(out, concept=None, measure="实际值")
            # a rate of a thing the vocabulary does not know (其中项目支出规划服务较年初完成92%) is
            # that thing's, not the concept named before; one naming only a kind of money, the
            # thing of that kind spoken of (see _kind_changed: a 1-tuple when it decides)
            kind_rate = self._kind_changed(phrase, bare, carried, m, last_money)
            rate_carried = kind_rate[0] if kind_rate else carried if names_nothing(bare, self.lex) else None
            if last_money is not None and last_money.period == PRIOR and last_money.concept is None \
                    and last_money.measure != "变动额":
                # (…项目支出2,217.75万元。与上年同期支出3,206.50万元相比，增长15.94%: the rate is of the
                # thing its base is, which names no concept; not the one the sentence before ended on)
                rate_carried = None
            if phrase.endswith("的") and self.share_use_after.match(m.string, m.end()):
                # (全年支出的58.0%用于环卫保洁: the share of the whole named before 的 the thing after
                # 用于 takes, as 环卫保洁占全年支出的58.0% reads)
                phrase = "占" + USE_SHARE_LEAD_RE.sub("", phrase)
            rate = self._rate(phrase, concept, rate_carried, last_money, out)
            if rate["concept"] is None and rate["measure"] == "实际值" and self.carried_unit == unit \
                    and names_nothing(bare, self.lex):
                # a rate naming nothing after a rate of a concept (上年预算执行率为94.25%，本年为
                # 97.35%) is that concept's, as a plain figure is
                rate["concept"] = plain_carried
                self._carry_row(rate)  # (…子项目上年执行率为80.00%，本年为84.39%: that row's too)
            return rate
        if unit != "分" and self._part_of_year(phrase if unit in MONEY_UNITS else self._clause_to(m.string, m.start())):
            # 上半年累计支出461.90万元, 四季度接待查档3,249人次: an amount or a count of a part of
            # the year, no figure of the year (no indicator's either: see _indicator_like's caller)
            return dict(out, concept=None, measure="实际值")
        change = change_sign(phrase, self.lex) or (self._verb_first_change(phrase) or self._beyond_plan(phrase)
                                                   or self._compared_money_moved(phrase) if unit in MONEY_UNITS else 0) \
            or self._more_than_base(phrase)
        if change and unit in MONEY_UNITS and self._adjustment_named(bare):
            change = 0  # (年中调整增加341.30万元: a change to the budget, its words ending so, read below)
        # a figure right after 增加 / 减少 / 提高 is a change, in money, points or things alike
        # (“与上年相比，提高2.86分” is no score)
        if change:
            # a kind of money alone as the subject of a comparison (收入比去年多297.77万元; 支出比上年…)
            compared = self.lex.comparison.search(phrase) if unit in MONEY_UNITS else None
            kind = phrase[:compared.start()] if compared and compared.start() \
                and kind_total(phrase[:compared.start()], self.self_words) else ""
            if concept is None and names_nothing(bare, self.lex) and unit in MONEY_UNITS:
                # an amount's change is of the amount named before it: a figure's, or a thing the
                # clause before says spent nothing (因公出国（境）费支出为零，较上年减少3.10万元)
                # (after a sentence listing a whole's parts, a change naming nothing is the whole's:
                # …其中：…公务接待费2.56万元。较上年减少1.14万元 is the 三公 total's)
                concept = self._zero_stated(wide) or (
                    None if self._other_thing_between(wide, carried)
                    else self.whole if self.part_carried and self.whole else carried)
                if concept in self.not_money and not self.lex.measures.all(bare.replace(" ", "")):
                    # (全年实际支出4,821.79万元，预算执行率为94.78%。较上年增加91.25万元: an amount's change
                    # after a rate is of the paragraph's amount before it, not of the rate; one naming a
                    # measure of its own, 年初预算较上年增加…, is not the amount's)
                    concept = self._amount_before_in_paragraph(last_money)
                if concept and kind:
                    concept = self._same_kind(concept, kind)  # (…收入…；支出比上年增加…: the 支出 of it)
            elif unit not in MONEY_UNITS and concept in self.money:
                concept = None  # “公务接待费减少12批次” counts receptions, not the money
            if concept is None and kind:
                # the figure of that kind spoken of (事业收入…。收入比上年…), or the whole whose parts
                # the sentence before listed (收入合计…，其中：…其他收入…。收入比去年多…); with none
                # spoken of, none (a thing the vocabulary does not know may have been)
                spoken = self.whole if self.part_carried and self.whole else carried
                if self.part_carried and not self.whole and spoken in self.any_part:
                    # (…收入预算2108.07万元，其中…其他收入35.60万元。收入预算比2024年减少…: the kind
                    # is the whole the list broke down, which no concept names, not the part listed last)
                    spoken = None
                concept = self._same_kind(spoken, kind) if spoken else None
            return dict(out, concept=concept, measure="变动额", sign=change, period=CURRENT)
        # “年初基本支出预算”: the measure's words may stand on both sides of the concept; the
        # 预算 of a fund's name (一般公共预算资金支出) is no budget
        measured = self._measure_words(bare)
        measure = None if self._fault_named(measured) else self.lex.measures.last(measured)
        if unit == "分" and self._money_words(measured):
            # (其中：预算执行9.79分, 预算编制得分4.50分: money's measure words before points name the
            # thing scored, a category of the form; no measure of the points, and no concept the
            # whole score named before carries to them)
            measure = None if measure in SCORED_MONEY_MEASURES else measure
            plain_carried = None
        if measure in BUDGET_MEASURES and measure != "年初预算" and self._year_start_budget(bare):
            measure = "年初预算"
        if unit in MONEY_UNITS and measure in (None, "决算") and self._forecast_head(compact(bare)):
            measure = FORECAST  # (预计全年执行1,265.00万元: expected, not spent; as a forecast's column)
        if measure == "决算" and unit and unit not in MONEY_UNITS and unit not in ("%", "‰", "分"):
            measure = "实际值"  # (实际完成37期: an outturn word over a quantity states what was achieved, no amount spent)
        elif measure == ADJUSTMENT and unit not in MONEY_UNITS:
            measure = "实际值"  # (结构调整增加养老床位150张: no change to a budget, which is money)
        compared = self._compared_next(phrase, m) if concept is None and unit in MONEY_UNITS else None
        if compared is not None:
            # “…，其他收入150.40万元。与2023年度的1,180.00万元相比，收入总额增长5.98%”: after a
            # list, the base of a comparison closed right after it is the whole's, not the part's
            # named last (see _compared_next)
            concept, carried, plain_carried = compared or None, None, None
        if concept is None and ((names_nothing(bare, self.lex) and ((unit in MONEY_UNITS) == (carried not in self.not_money)
                                                                    or self._measured_again(bare, unit, carried)))
                                or (self._restates_row(bare, carried) and self._row_kind(carried, unit))) \
                and (unit in MONEY_UNITS or self.carried_unit in (None, unit)) and not self._money_moved(bare):
            # not a rate's concept to a count after it (执行率95%；3条道路…). An amount naming only
            # its measure (全年预算数, 全年执行数) after a part added (加上年结转资金410.25万元，全年预算数
            # …) or after a list's sentence (…，其中A…、B…。全年执行数…) is the whole's, not the
            # part's; inside the list's sentence it is the part's (其中，基本支出全年预算…，实际支出…)
            # (so is an amount naming only the kind of money, 与上年支出3,302.67万元)
            concept = self.whole if (measure is not None or self._kind_only(bare)) and unit in MONEY_UNITS \
                and self.part_carried and plain_carried is not None else plain_carried
            previous = self.base.facts[-1] if self.base.facts else None
            if compact(phrase) in self.result_words and previous is not None and previous.measure == "变动率" \
                    and previous.concept and previous.unit == "%":
                # “公务接待费减少25%至2.40万元”: the amount a change ends at is the changed thing's,
                # of the measure the change's words name (…年初预算较上年减少25%至3.50万元: a budget)
                concept = previous.concept
                measure = measure or self.lex.measures.last(blank(compact(previous.label), self.lex.concepts)
                                                            .replace(" ", ""))
            elif compact(phrase).lstrip("，,") in self.result_words and previous is not None and previous.concept \
                    and previous.measure == "变动额" and previous.unit in MONEY_UNITS \
                    and (previous.block, previous.sentence) == self.sentence_key:
                # “…；调入资金增加2,400.00万元，调整为15,000.00万元”: the level a thing's change reached
                # is that thing's, not the whole's a list in the sentence began with
                concept = previous.concept
        if concept is None and unit and unit not in MONEY_UNITS and counted_unit(unit):
            concept = self._year_slice(phrase, unit) or self._named_with_unit(phrase, unit)
        if concept is None and unit == "分" and carried and carried == self.lead and carried not in self.money \
                and names_nothing(bare, self.lex):
            concept = carried  # (建档率：…该指标分值10分，得9.85分: the run-in indicator label's points)
        if concept is None and unit in MONEY_UNITS and carried in self.not_money and last_money is not None \
                and last_money.concept and self.lex.comparison.search(phrase) and names_nothing(bare, self.lex):
            # “全年实际支出X万元，预算执行率96.71%，较上年同期的Y万元…”: an amount compared after a
            # rate is of the amount the rate was of, not of the rate
            concept = last_money.concept
        if concept is None and measure is not None and unit in MONEY_UNITS and subject not in ("", UNNAMED) \
                and not self.classified_item.search(subject) and names_nothing(self._without_own_cues(bare), self.lex):
            # a project's amount naming nothing but its measure (本项目全年预算数为850.00万元,
            # 全年执行资金…) is of its total funds, the row its form states them in; without a
            # measure word (本项目资金总额100.00万元) it may be the budget as well as the outturn
            concept = self.project_funds
        if concept is None and unit == "分" and measure in (None, "得分") and self.project_funds \
                and compact(bare).rstrip("为是达约：:") in self.execution_score_names:
            # the points of the budget's execution (预算执行得分10.00分): the points its form gives the
            # row of its funds (年度资金总额 | … | 得分 9.50)
            concept = self.project_funds
        if concept is None and unit == "分" and measure == "得分" and self._own_whole_score(bare, subject):
            concept = next(iter(self.whole_scores))  # (经自评，项目得分98.93分: its form's total, 自评得分)
        if concept is None and unit == "分" and measure in (None, "得分") and self.whole_scores and self._sums_categories(phrase):
            concept = next(iter(self.whole_scores))  # (决策15分，过程16分，…，合计78分: the whole score)
        if concept is None and measure is not None and unit in MONEY_UNITS and subject == "" and self.lead is None \
                and plain_carried is None and self.self_words and self.self_words.found_in(phrase) \
                and names_nothing(self.self_words.sub("", bare), self.lex):
            # the unit naming itself and a measure only (全局全年预算数4,319.20万元，全年预算执行数…):
            # its spending as a whole, the first of unit_totals
            concept = self.unit_spending
        implicit = measure is None
        if measure is None:
            # points after the name of an indicator a table states achieved in points
            # (部门考核得分 ≥90分 | 93分) are what it achieved, not points scored on it
            scored = unit == "分" and concept not in self.point_indicators
            measure = self._bare_measure(phrase) if unit in MONEY_UNITS else ("得分" if scored else "实际值")
            if unit in MONEY_UNITS and period == PRIOR and last_money is not None and last_money.period == CURRENT \
                    and last_money.measure in BUDGET_MEASURES and self.lex.comparison.search(phrase) \
                    and names_nothing(bare, self.lex) and not _base_of_rate(m.string, last_money):
                # “全年预算数315.00万元，比上年300.00万元增长5.00%”: the year compared with, naming
                # no measure, is the budget's last year
                measure = last_money.measure
            if unit in MONEY_UNITS and concept is None and phrase.rstrip("，,：: 为约达").endswith(self.lex.per_unit_words):
                measure = "实际值"  # (户均546.5元: an average, no amount spent)
        if unit in MONEY_UNITS and concept and named is None:
            concept = self._same_kind(concept, phrase)
            if concept == carried and concept in self.any_part and concept not in self.whole_totals \
                    and period == PRIOR and self._opens_on_comparison(m):
                # (基本支出…，项目支出…。与上年同期支出3,206.50万元相比: last year's spending as a whole
                # or the part named last, the words do not tell)
                concept = None
        if unit in MONEY_UNITS and concept and self.fund_of.get(concept, ("", ""))[1] in self.kind_totals.values() \
                and compact(phrase).rstrip("为是达约：:").endswith(self.grand_total_words):
            # “政府性基金支出总计82,294.95万元”: a fund's grand total (with transfers and balances),
            # not its 本年支出: the fund's 收支总计 where the vocabulary names one, else nothing
            # (the unit's own 本年支出总计 is often written for its 合计: left as it reads)
            fund = self.fund_of[concept][0]
            concept = self.fund_qualified.get(fund, {}).get("收支总计")
        if unit in MONEY_UNITS and concept and self.lex.per_unit.search(phrase):
            # “初中生均一般公共预算教育支出16,987.56元”, “每生每年1,100元”: an amount per head is no
            # amount of the thing it names (the words stay its label, for DRV014)
            concept = None
        if unit in MONEY_UNITS and (concept in self.kind_totals.values() or concept in self.balanced_totals) and (
                self.other_whole or self._names_other_whole(phrase)):
            # (全县4项社会保险基金收入合计…，支出合计…: those funds' income and spending, not the unit's;
            # so too their grand totals, 社会保险基金收入总计…，支出总计…)
            concept, self.other_whole = None, True
        elif unit in MONEY_UNITS and concept in self.kind_totals.values() and self._qualified_total(phrase):
            concept = None  # (药品收入合计298.84万元: one kind of income's total, not the unit's)
        return dict(out, concept=concept, measure=measure, implicit=implicit)

    def _amount_before_in_paragraph(self, last_money: Fact | None) -> str | None:
        """The concept of the sentence's amount before (`last_money`), else of the paragraph's last
        amount before it, a change aside; None where it names none."""
        if last_money is not None:
            return last_money.concept
        block = self.sentence_key[0]
        for f in reversed(self.base.facts[-PARAGRAPH_REACH:]):
            if f.block != block or f.source != "text":
                return None
            if f.is_money and f.measure != "变动额":
                return f.concept
        return None

    def _fault_named(self, words: str) -> bool:
        """A measure word in a figure's words followed in its clause by a word of a fault (预算编制
        不细化38个1.12亿元; or holding it, 无预算超预算支出21个): the words name a kind of problem an
        audit found, after the budget it concerns, and no measure of the figure. (The fault word
        may open on the character before the measure's, 超 of 超预算.)"""
        if not self.lex.fault_words.search(words):
            return False  # (most figures' words hold no fault: one search tells)
        return any(self.lex.fault_words.search(CLAUSE_BREAK_RE.split(words[max(0, start - 1):])[0])
                   for start, _, _ in self.lex.measures.all(words))

    def _planned_concept(self, phrase: str) -> str | None:
        """The concept a plan's amount is set for, its words ending on the thing's name and a plan verb
        (concepts.yaml plan_verbs: 一般公共预算收入安排, 收入预期): read without the verb. A phrase
        holding no such verb at its end is left alone (one check of its tail)."""
        words = phrase.rstrip("为是达约：:，, ")
        verb = next((v for v in self.plan_verbs if words.endswith(v)), None)
        return self._concept(words[:-len(verb)], last=True) if verb else None

    def _embedded_share(self, phrase: str, last_money: Fact | None) -> dict | None:
        """A share whose whole is stated inside its 占…的 (税收收入98,650万元，占全县一般公共预算收入
        139,880万元的70.5%): of the amount before that whole, in the whole's concept."""
        if last_money is None or not EMBEDDED_SHARE_TAIL_RE.fullmatch(compact(phrase)) or last_money.concept is None:
            return None
        label = compact(last_money.label)
        if share_whole_named(label) is None:
            return None
        part = next((f for f in reversed(self.base.facts) if f.id < last_money.id and f.block == last_money.block
                     and f.sentence == last_money.sentence and f.is_money and f.measure != "变动额"), None)
        if part is None:
            return None
        return {"concept": part.concept, "measure": "占比", "base": last_money.concept, "of": part.id}

    def _difference(self, phrase: str, last_money: Fact) -> int:
        """+1 / −1 for an amount told as more or less than a base (比…多 / 少), else 0: the bare
        word after the base's own figure, or the word closing a phrase naming a budget."""
        words = phrase.strip("，, ")
        if words in DIFFERENCE_WORDS and self.lex.comparison.search(last_money.label):
            return DIFFERENCE_WORDS[words]
        tail = DIFFERENCE_TAIL_RE.search(phrase)
        return DIFFERENCE_WORDS[tail.group(1)] if tail and named_budget_base(phrase) else 0

    def _kind_changed(self, phrase: str, bare: str, carried: str | None, m: re.Match,
                      last_money: Fact | None) -> tuple[str | None] | None:
        """For a change whose words name one kind of money and nothing more (与上年相比，收入增长了
        6.98%; 支出较上年下降), the concept it is of, in a 1-tuple: the figure of that kind spoken of,
        or the whole whose parts the sentence before listed, as for a change in money (收入比去年多…);
        (None,) when the thing spoken of is of the other kind (…其他收入150.40万元。…支出增长了…).
        Where its sentence named another thing before it, that thing's of the kind (项目支出与上年相比，
        支出增长…; 事业收入因…，收入增长…), or no one's (another whole, 全市…; a budget compared
        with). None for words naming more, or no change (收入占60%): read as any rate."""
        kinds = [k for k in self.kind_totals if k in bare]
        if len(kinds) != 1 or not change_sign(phrase, self.lex) \
                or not names_nothing(bare.replace(kinds[0], " " * len(kinds[0])), self.lex):
            return None
        spoken = self.whole if self.part_carried and self.whole else carried
        if spoken:
            before = m.string[:m.start()]
            if self._other_base_before(before):
                return (None,)  # (全市…与上年相比; 与年初预算…相比: no figure of the unit's last year)
            # (last_money is this sentence's: the reader starts each sentence without one; its figure
            # ends at its unit, however its digits are printed)
            ends = m.string.find(last_money.unit, last_money.at) if last_money is not None else -1
            own = last_money is not None and last_money.at < m.start() and 0 <= ends < m.start() \
                and not self._names_any(m.string[ends + len(last_money.unit):m.start()])
            if own and last_money.concept:
                # (…，其中项目支出362.40万元，支出增长12.00%: the amount its sentence stated last is the
                # thing spoken of, of the kind named)
                return (self._same_kind(last_money.concept, kinds[0]),)
            named = self._concept(before, last=True) or self._names_any(before)
            if named is not None and named != spoken:
                return (self._same_kind(named, kinds[0]),)  # (项目支出与上年相比，支出增长…: that thing's)
            if self._names_other_thing(before, spoken):
                return (None,)  # (事业收入因…，收入增长…: no whole's)
        return (self._same_kind(spoken, kinds[0]) if spoken else None,)

    def _names_other_before(self, words: str, spoken: str) -> bool:
        """The sentence's words before a figure name a thing other than `spoken` or another base
        (see _names_other_thing, _other_base_before)."""
        return self._names_other_thing(words, spoken) or self._other_base_before(words)

    def _names_other_thing(self, words: str, spoken: str) -> bool:
        """The words, outside clauses of reason or purpose, name first or last a thing other than
        `spoken`."""
        kept = _without_reasons(words)
        return any(named not in (None, spoken) for named in (self._concept(kept, last=False),
                                                             self._concept(kept, last=True)))

    def _names_any(self, words: str) -> str | None:
        """The last thing of the vocabulary the words name anywhere outside a clause giving a reason or
        a purpose (…，其中事业收入因门票收入增加，…: 事业收入; 因基本支出增加，…: none), or None."""
        found = self.lex.concepts.all(_without_reasons(words))
        return found[-1][2] if found else None

    def _other_base_before(self, words: str) -> bool:
        """The words name a whole other than the unit (全市文化系统与上年相比，…: concepts.yaml
        other_whole_words), or a budget compared with (与年初预算相比，…): no figure of the unit's
        last year is the base of what follows."""
        return self._names_other_whole(words) or names_budget_base(compact(words)) or closed_budget(compact(words)) is not None

    def _compared_next(self, phrase: str, m: re.Match) -> str | None:
        """After a sentence listing a whole's parts (收入总额…，其中：…其他收入150.40万元。), for an
        amount naming nothing, not even a kind of money, that a comparison opened before it closes
        on (与2023年度的1,180.00万元相比，…): the whole's, when the words after the comparison name
        the whole, its kind only (收入增长…) or nothing; '' (no concept) when they name another
        thing, a part perhaps (…相比，公务接待费减少…: whose base it is, no one can tell); None
        (read as any amount) elsewhere."""
        close = _comparison_closes(vocabulary_generation())[1].match(m.string, m.end())
        if close is None or not (self.part_carried and self.whole) or not self.lex.comparison.search(phrase) \
                or self._kind_only(phrase):
            return None  # (与上年支出3,600.00万元相比: its own words name its kind, read as such below)
        if self._names_other_before(m.string[:m.start()], self.whole):
            return None  # (其他收入主要为…，与上年的120.00万元相比: the thing its sentence speaks of)
        words = compact(DIGIT_RE.split(CLAUSE_BREAK_RE.split(m.string[close.end():].lstrip("，, "), 1)[0], 1)[0])
        named = self._concept(words, last=False) if words else None
        if named is None:
            kind = next((k for k in self.kind_totals if k in words), None)
            named = self._same_kind(self.whole, kind) if kind else self.whole
        return self.whole if named == self.whole else ""

    def _adjustment_named(self, bare: str) -> bool:
        """The words end with a change to the budget's whose direction word closes it (调整增加,
        concepts.yaml measures 追加预算): a budget's adjustment, no change on last year."""
        found = self.lex.measures.all(bare)
        return bool(found) and found[-1][1] == len(bare) and found[-1][2] == ADJUSTMENT

    def _opens_on_comparison(self, m: re.Match) -> bool:
        """The figure's sentence opens with a comparing word (与, 较) and states no figure before it."""
        before = m.string[:m.start()].lstrip()
        return bool(self.lex.comparison.match(before)) and not any(ch.isdigit() for ch in before)

    def _money_moved(self, bare: str) -> bool:
        """The words are a direction word and money's name alone (节约资金114.14万元, 增收资金1555.53万元:
        concepts.yaml change_money_nouns): an amount of its own, saved or gained, no figure (nor change)
        of the thing named before it."""
        found = self.lex.directions.all(bare)
        return bool(found) and found[0][0] == 0 and bare[found[0][1]:] in self.change_money_nouns

    def _more_than_base(self, phrase: str) -> int:
        """The sign of 多 / 少 alone right after a base compared with (比目标6次多3次, 比上年的6次少1次:
        concepts.yaml comparative_directions): the figure is the difference from that base."""
        way = self.lex.comparative_way.get(compact(phrase).rstrip("了出"))
        last = self.base.facts[-1] if way and self.base.facts else None
        if last is None or (last.block, last.sentence) != self.sentence_key:
            return 0
        words = compact(last.label).lstrip("，,；;、：:")
        if not self.lex.comparison.match(words):
            return 0
        return 1 if way == "up" else -1

    def _compared_money_moved(self, phrase: str) -> int:
        """The sign of a direction word and money's name alone after a year compared with (比上年
        增加资金160.00万元, 较上年节约资金0.80万元): the change on that year, in money; without a
        year compared with it is an amount of its own (see _money_moved)."""
        words = compact(phrase).rstrip("为了达约：:")
        noun = next((n for n in self.change_money_nouns if words.endswith(n)), "")
        if not noun or not self.lex.comparison.search(words):
            return 0
        return change_sign(words[:-len(noun)], self.lex)

    def _measured_again(self, bare: str, unit: str, carried: str | None) -> bool:
        """A figure naming only a measure (实际完成) in a unit a table's row of the carried thing
        prints (新建高标准农田面积年度目标≥1.5万亩，实际完成1.25万亩: 万亩 of that indicator's row):
        that thing's, as an amount naming only its measure is the amount's before it."""
        return bool(carried) and unit in self.label_units.get(carried, ()) and self.lex.measures.last(bare) is not None

    def _same_kind(self, carried: str, phrase: str) -> str | None:
        """A concept carried to a phrase naming only the other kind of money (政府性基金预算财政拨款
        收入85.00万元…；支出78.60万元): that fund's figure of the kind named, or none."""
        kinds = [k for k in self.kind_totals if k in phrase]  # (concepts.yaml kind_totals: 支出, 收入)
        if len(kinds) == 1 and any(w in carried for w in self.balance_words):
            # (“…年末结转146.46万元。与2023年实际支出4,402.17万元相比…”: a balance is no spending)
            return self.kind_totals[kinds[0]]
        if kinds == [self.spending_kind] and any(w in carried for w in self.received_words):
            # (全年资金到位1,006.54万元，支出996.42万元: the money spent of the money received is
            # no figure of the money received; which thing it is the words do not say)
            return None
        if len(kinds) != 1 or kinds[0] in carried or not any(k in carried for k in self.kind_totals):
            return carried
        fund, _generic = self.fund_of.get(carried, ("", None))
        return self.fund_qualified.get(fund, {}).get(self.kind_totals[kinds[0]]) if fund else None

    def _zero_stated(self, words: str) -> str | None:
        """The concept of a clause stating a thing's amount as nothing (X为零, X为0, X未发生),
        when `words` end with one."""
        m = self.lex.zero_statement.search(words)
        if m is None or words[m.end():].strip("，,；;、 "):
            return None
        return self._concept(words[:m.start()], last=True)

    def _sums_categories(self, phrase: str) -> bool:
        """Points named by a total's word only (合计, 总计: concepts.yaml score_total_rows) after two
        score categories' points or more in the sentence, all its points before them (决策15分，过程
        16分，产出31分，效益16分，合计78分): the whole score, whatever their sum."""
        if self.score_totals.get(compact(phrase).strip("，,；;：:、为是共")) not in self.whole_scores:
            return False
        points = []
        for f in reversed(self.base.facts):  # (the sentence's facts, read last: a run at the end)
            if (f.block, f.sentence) != self.sentence_key:
                break
            if f.unit == "分":
                points.append(f)
        if len(points) < 2:
            return False
        if all(self._score_category_named(compact(f.label).strip("，,；;、：:")) for f in points):
            return True
        # (决策、过程、产出、效益指标得分分别为19.00分、17.50分…，合计…: the categories named first, as
        # many as the points after them in turn, each of those naming nothing)
        first = points[-1]
        before = self.base.sentences.get(self.sentence_key, "")[:first.at]
        return any(w in before for w in respectively_words()) \
            and len(self.score_category.findall(before)) == len(points) \
            and all(not compact(f.label).strip("，,；;、：:和及") for f in points[:-1])

    def _own_whole_score(self, bare: str, subject: str) -> bool:
        """In a report on one project, points naming nothing but the project (项目得分98.93分; not
        a table's head, 社区养老服务项目 | 得分, where a name runs into it): the project's whole score.
        (项目得分 is no word of the vocabulary's for it: in a report on many, it is some project's.)"""
        if not (self.own_project or self.own_unnamed) or subject not in ("", self.own_project) or not self.whole_scores:
            return False
        words = self._without_own_cues(bare)
        for head in self.name_heads:
            words = words.replace(head, "")
        # (the project named, and nothing else: a bare 得分8分 may be any part's)
        return words != bare and names_nothing(words, self.lex)

    def _without_own_cues(self, bare: str) -> str:
        """本项目 / 该项目 name the subject, not a concept of its own."""
        for cue in self.own_cues:
            bare = bare.replace(cue, "")
        return bare


def _base_of_rate(text: str, f: Fact) -> bool:
    """The amount is what a rate right after it is of (完成调整预算40.81亿元的91.4%, 占…的): not
    the sentence's own figure, whose last year a comparison after it names."""
    end = f.at + len(f.text)
    return text[f.at:end] == f.text and RATE_OF_AFTER_RE.match(text, end) is not None


# an amount between two figures the reader could not parse (2,1680.00万元, 106.62.00万元): a figure
# of its own, whatever it is
# the words between a share's whole stated inside its 占…的 and the share (…139,880万元的比重为72.5%)
EMBEDDED_SHARE_TAIL_RE = re.compile(r"的(?:比重|比例|份额)?(?:为|是|达)?")
JOINED_REACH = 16  # characters before a score its joined categories' names are looked for in
USE_SHARE_LEAD_RE = re.compile(r"^(?:[，,、：:\s]|即|其中)+")  # (即全年支出的: the words a share of it opens on)
UNREAD_AMOUNT_RE = re.compile(r"\d[\d.,]*\d\s*(?:亿元|万元|千元|元)")


def names_budget_base(label: str) -> bool:
    """A change's words compare with a budget, not with last year's outturn: a budget measure
    word after the comparing word (比年初预算减少, 比上年预算增加, 较预算数), or a word of a change
    against the budget by its meaning (超收, 短收)."""
    return bool(_compared_budgets(label)) or against_budget(label)


def _without_reasons(words: str) -> str:
    """The words, their clauses giving a reason or a purpose left out (因基本支出增加，为保障项目支出，
    …): what those name is no subject of the figure after them."""
    openers = tuple(concepts().get("reason_openers") or ())  # (concepts.yaml reason_openers)
    return "，".join(c for c in CLAUSE_BREAK_RE.split(compact(words)) if not openers or not c.startswith(openers))


def closed_budget(words: str) -> str | None:
    """The one budget measure of this year the last comparison the words close on its base names
    (与年初预算相比 -> 年初预算), or None: none, several (与年初预算和调整预算相比), or another
    year's (与2023年预算数相比, 与上年预算相比), as named_budget_base reads 比…."""
    closers, _, openers = _comparison_closes(vocabulary_generation())
    close = None
    for close in closers.finditer(words):
        pass
    if close is None or not openers:
        return None
    opened = max(words.rfind(w, 0, close.start()) for w in openers)
    base = words[opened + 1:close.start()] if opened >= 0 else ""
    measures = {found[2] for found in lexicon().measures.all(base) if found[2] in BUDGET_MEASURES}
    return next(iter(measures)) if len(measures) == 1 and not compares_other_year("比" + base) else None


def against_budget(label: str) -> bool:
    """The change's own word is one against the budget (超收0.58亿元, 短收4.54亿元: concepts.yaml
    budget_change_words), whatever last year's was."""
    return any(w in label for w in concepts().get("budget_change_words") or ())


def named_budget_base(label: str) -> str | None:
    """The one budget measure of this year a change's words compare with (较年初预算减少 ->
    年初预算); None when they name none, several, or a period (比上年预算: last year's)."""
    measures = _compared_budgets(label)
    if len(set(measures)) != 1:
        return None
    return None if compares_other_year(label) else measures[0]


def base_measure_named(label: str) -> str | None:
    """The measure the words after a change's last comparing word name its base by (比2024年决算数
    增加: 决算; 较上年预算减少: 全年预算), None naming none."""
    found = list(lexicon().comparison.finditer(label))
    return lexicon().measures.last(compact(label[found[-1].end():])) if found else None


def compares_other_year(label: str) -> bool:
    """The words after a label's last comparing word name another year (比上年预算, 比2024年预算)."""
    lex = lexicon()
    found = list(lex.comparison.finditer(label))
    after = label[found[-1].end():] if found else ""
    return bool(lex.prior.search(after) or YEAR_RE.search(after))


def _compared_budgets(label: str) -> list[str]:
    """The budget measures named after the last comparing word of a label."""
    lex = lexicon()
    cue = None
    for cue in lex.comparison.finditer(label):
        pass
    if cue is None:
        return []
    return [m[2] for m in lex.measures.all(label[cue.end():]) if m[2] in BUDGET_MEASURES]


PARAGRAPH_REACH = 12  # figures back a change after a rate looks for the amount the rate was of

