"""Kind `period`: a year or date that does not belong to the report's year.

Every check looks for a phrase whose context is the report year and that carries another
year. Checks (param `check`, one function each in CHECKS):
- activity_year: a sentence whose topic is the year's own activity (“2022 年度共接待…”,
  “2023年度本单位收入总计…”, “2022年，本单位围绕年度绩效目标…”) naming the year before or
  after the report's.
- report_title_year: the report itself or its own tables named with another year
  (“经综合评价，2021年度部门整体支出绩效自评综合得分…” in a 2022 report).
- table_period: the period line of a table (“部门：××  2022年度  单位：万元”) or its title
  naming another year.
- year_end: the year-end status date (截至2025年12月31日, 2022年末) of another year.
- deadline_actual: in a timeliness indicator row (时效指标) whose target is due in the report
  year, the actual completion dated in another year.
- self_comparison: a figure of one year compared with that same year (2024年…，较2024年提高…).
- later_comparison: a figure of one year compared with a later year (2016年…，较2025年增加…).
- signature_date: a signature or filing date (a line that is only a date, or a date after
  日期/签字) earlier than the report year or later than the year after it.
- comparison_base: a year-on-year comparison whose base is named with another year than the one
  before the report's: a table's two year columns with a change column the rows show is their
  difference (2024年预算数 | 2026年预算数 | 增减额 in a 2026 budget), or a change in the text on a
  named year (较2024年预算减少952,600.00元) whose amount is a table's this-year figure less its
  figure of the year before, and no table's of the year named.
- deadline_target: in a plan (部门预算), a timeliness target (时效指标, 完成时间) dated before the
  plan's year: a deadline already past when the plan is made.
Prior-year comparisons (与上年相比, 较2022年, 上年决算数), text under a heading about the
previous year (上年度绩效评价结果应用情况), plans (将, 计划), cited documents (〔2022〕119号,
《……》), year ranges (2021-2023年度) and a report dated the following year stay quiet.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from decimal import Decimal
from functools import lru_cache

from ..facts.base import fact_base
from ..facts.base.model import CURRENT, PRIOR
from ..facts.base.words import YEAR_RE as YEAR_NAMED_RE
from ..facts.lexicon import alternatives, lexicon
from ..facts.numbers import (MONEY_FIGURE_RE, bare_year, years_column, MONEY_UNITS, RANGE_JOINER, Quantity, arabic_dates, half_unit, normalize_digits,
                             to_decimal)
from ..ingest.build import outturn_head_re, plans_next_year
from ..knowledge import compact, concepts, han_bigrams, report_type_entry, vocabulary, vocabulary_generation
from ..memo import remember_short
from ..model import Heading, Paragraph, Sentence, Table
from ..tables.typed import is_caption_row, parse_cell
from .base import Hit, NotAssessable, document_texts, table_start

KIND = "period"
PARAMS = {
    "check": (str, None),
    # swapped_year: the fewest years a date's year stands off the report's to be read as its digits
    # swapped; words in its clause making the date a term's end of its own (到期, 期限)
    "swap_min_gap": (int, 5), "term_words": (list, []),
    # (the year opens the pattern, its look-behind following 19/20: see the note above YEAR_RE)
    # (到 before the year, as 至: a deadline, 到2030年累计建成…: a target, no year's doings; 预期2027年、
    # 预计2027年: a projection; 二期2025年, 远期2030年: a phase's or a plan's year)
    "activity_pattern": (str, r"((?:19|20)(?<![\d\-—~至到期〔\[【(（]..)(?<!预计..)\d\d)\s*年\s*度?\s*(?:全年)?\s*(?:共|累计|一共)"),
    # a year opening a sentence (after its item's number, 2、 or 2.1 ), then the subject or the
    # year's total: the sentence is about that year
    # (the unit as 本局 / 我馆 / 全院…; the look-ahead: 全社会, 本会计年度, 全所有, 本院校 name no unit)
    "topic_pattern": (str, r"^\s*(?:[（(]?[一二三四五六七八九十\d][\d.．]{0,6}[)）、.．]?\s*)?((?:19|20)\d\d)\s*年\s*度?\s*[，,]?\s*"
                           r"(?:[本我全](?:单位|部门|系统|分局|局|中心|院|委|办|馆|会|站|所|队|厅|处|社|校)(?![会计属有理校区务])"
                           r"|全年|共|累计|一共)"),
    # a 年度 or a 年 opening a sentence whose first clause states an amount: the year's figure
    # (“2024年度政府采购支出总额620.00万元”, “2026年支出预算总计3,473.78万元”); a clause break first, and the year is a time word
    # (the year may gloss a word naming a year before last, 前年（2022年）…: that year, named twice; a
    # comma may set it apart, 2022年度，全年预算数为…)
    "figure_pattern": (str, r"^\s*(?:[（(]?[一二三四五六七八九十\d][\d.．]{0,6}[)）、.．]?\s*)?(?:(?:前年|上上年)\s*[（(]\s*)?"
                            r"((?:19|20)\d\d)\s*年\s*度?\s*[）)]?\s*[，,]?"
                            r"[^，,；;。：:\d]{1,30}\d[\d,.]*\s*(?:亿元|万元|千元|元)"),
    # money of an earlier year that this year's report names by its year
    "carryover_cues": (list, ["结转", "结余", "提前下达", "追加", "上缴", "清算"]),
    # outturn_column: a column head naming a year's outturn (group 1 the year)
    "outturn_head_pattern": (str, ""),
    # self_comparison: a year, then within its clause run a comparison with that same year
    "self_comparison_pattern": (str, ""),
    # …and a sentence opening with the comparison (与2024年度相比，…), its year the sentence's before
    "opening_comparison_pattern": (str, ""),
    # …and a comparison with a year's same span (较2024年同期, group 1 the year): in a sentence naming
    # no other year, the span is the report's own, of that year only when the year is the report's
    "same_span_pattern": (str, ""),
    # words of the time of writing (今年, 目前): a span they name may be of a year after the report's
    "writing_time_words": (list, []),
    # later_comparison: a year, then within its clause run a comparison with a year (group 2)
    "later_comparison_pattern": (str, ""),
    # …and a comparison with a year (group 1) in a sentence naming no year before it: the report
    # year's figure, compared with a later year (全县支出完成498,630万元，比2025年增长3.80% in a 2024 report)
    "unyeared_comparison_pattern": (str, ""),
    # words comparing with the year before without naming it (比上年增长): see _compared_after
    "last_year_words": (list, ["上年", "去年", "同比", "上一年", "前一年"]),
    # words opening a sentence's thing that name the thing just spoken of (2023年度为…, 该项支出…)
    "back_reference_words": (list, []),
    # (由2023年末的38人增加至42人: an earlier year's end where a change starts)
    # activity_year: words opening a later clause that speak of this year beside the earlier one's figure
    "contrast_cues": (list, []),
    # …and the characters of words of time, which name no thing both clauses share (年, 本, 今)
    "time_word_chars": (list, []),
    "comparison_cues": (list, ["上年", "去年", "同比", "较", "比上", "比20", "比19", "相比", "以来", "上一年", "前一年",
                               "历年", "由20", "从20"]),
    # report_title_year: words by which a sentence refers to another year's report, not names this one
    # (2024年度…自评发现的问题已全部整改到位)
    "reference_cues": (list, []),
    # words citing another year's report right before its name (对照本局2022年度部门决算公开表)
    "citing_cues": (list, []),
    # the concept of the report's own total score: another year's evaluation stated with another
    # score than the report's own (2023年度…自评得分为92分 in a report scoring 95) is that year's
    "own_score_concept": (str, ""),
    # words before that score making it a part's (产出指标得分58分) or a weight's, not the total
    "part_score_words": (list, ["指标", "分值", "权重", "满分"]),
    # a year-end balance beside 年初 compares the opening with the closing of a year
    "year_end_cues": (list, ["年初"]),
    "future_cues": (list, ["将", "计划", "拟", "力争", "预计", "争取", "打算", "下一步"]),
    # words making a later year's clause a projection (偿还到期本金, 累计可实现净收益): a plan's year
    "forward_words": (list, []),
    # words of a budget or a target: a sentence of a later year holding one is that year's plan
    # (2025年，本局“三公”经费预算…控制在27万元以内, in a report on 2024), not its outturn
    "plan_words": (list, []),
    # activity_year in a plan's report: words saying a base-year sentence states that year's outturn
    # (实际执行, 决算): its figures are that year's even where the plan keeps them (a flat budget)
    "outturn_words": (list, []),
    # words holding a future cue that tell what was done (已将结果公开: 将 is 把 there)
    "done_words": (list, ["已将", "已经将", "均已将"]),
    # what happened once, in its year (an honour is history too: 2023年，本馆被评定为一级馆)
    "history_cues": (list, ["成立", "组建", "设立", "挂牌", "更名", "批准", "批复", "划入", "划转", "获批",
                            "评定", "评为", "荣获", "获评", "授予", "命名", "入选"]),
    # a heading naming the previous year: what is under it is about that year
    "prior_section_cues": (list, ["上年", "上一年", "以前年度", "历年", "往年", "前一年"]),
    # a heading on a project's background: an earlier year's end there is where the project
    # started from (截至2023年末，全市在册隐患点412处), not the report year's end misdated
    "background_section_cues": (list, ["项目概况", "项目背景", "立项背景", "立项依据", "基本概况"]),
    # the names a plan (部门预算) calls itself by besides its tables (2025年部门预算情况说明)
    "plan_names": (list, []),
    "report_names": (list, ["部门整体支出绩效自评", "整体支出绩效自评", "部门整体支出绩效评价", "项目支出绩效自评",
                            "部门决算", "决算报告", "绩效自评报告", "绩效自评表", "收入支出决算总表", "支出决算表",
                            "收入决算表", "三公”经费支出决算表", "三公经费支出决算表",
                            # the other standard tables of a 决算 and of a 预算 disclosure
                            "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
                            "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
                            "部门收支预算总表", "收支预算总表", "部门收入预算表", "部门支出预算表", "财政拨款收支预算总表",
                            "一般公共预算支出预算表", "一般公共预算基本支出预算表",
                            # a report's own tables of the year's execution, and a statement on its accounts
                            "预算执行情况表", "决算情况说明", "决算说明"]),
    "period_line_cues": (list, ["单位：", "单位:", "部门：", "部门:", "编制单位", "填报单位", "表"]),
    "timeliness_cues": (list, ["时效", "时限", "完成时间", "及时"]),
    "target_head_words": (list, []),  # see the rule file
    "target_heads": (list, []),
    "date_pattern": (str, r"((?:19|20)\d\d)\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[.．/-]\s*\d{1,2}\s*[.．/-]\s*\d{1,2}(?!\d))"),
    "date_context": (str, r"日期|签字|签章|盖章|报告时间|填报"),
    # a report on a year is written after it: a signature date in the report year itself is
    # allowed from this month on (12: only a year-end date); 0 allows the whole year
    "earliest_month": (int, 0),
    "max_gap": (int, 1),
    # activity_year: the furthest year after the report's a plan or a budget may be about (a
    # medium-term plan's); a sentence stating a year's own figures beyond it (2042年度…支出4.82万元
    # in a report on 2024) misprints the year, however far it is
    "plan_horizon": (int, 5),
    # event_after_report: words telling a thing was done (完成, 验收), and words making its date
    # a deadline or a plan instead (前, 计划, 预计): a done thing's date cannot be after the report
    "completion_words": (list, []),
    "deadline_words": (list, []),
    # year_end: the words of a target reached by a deadline (到2026年底累计建成…)
    "target_words": (list, []),
    # year_end: the words saying the target was already reached (到2025年底，本局已累计完成…: a state)
    "reached_words": (list, []),
    # comparison_base: a column head naming a year and a measure (group 1 the year, group 2 the
    # measure: 2025年预算数); the words heading a change column (增减额, 比上年增长)
    "year_head_pattern": (str, ""),
    "change_head_words": (list, []),
    # …and a change's words naming the year compared with (较2024年预算减少: group 1)
    "compared_year_pattern": (str, ""),
    # …and 上年 glossed with a year in brackets (上年（2023年）: group 1)
    "glossed_last_year_pattern": (str, ""),
    # glossed_year: the report's year named by its words and glossed with a year in brackets
    # (本年（2023年）: group 1)
    "glossed_this_year_pattern": (str, ""),
}
MESSAGE_FIELDS = {"year", "report_year", "what", "later", "compared"}  # (later: the later year compared with; compared: the words comparing)

# Each year below opens its pattern, the look-behind on the character before it following its
# first two digits ((?:19|20)(?<![…]..)\d\d, not (?=[12])(?<![…])(?:19|20)\d\d): a pattern
# opening with characters gives the regex engine a first-character set, so its scan passes over
# every other character at once (see lexicon.TEXT_NUMBER). It changes no match. (YEAR_END_RE keeps
# its look-ahead: its alternatives open with a group, which gives the engine no set.)
YEAR_RE = re.compile(r"((?:19|20)(?<![\d\-—–~～至〔\[【]..)\d\d)\s*年(?!\s*\d{1,2}\s*月)")
RANGE_AFTER_RE = re.compile(r"^\s*年?\s*度?\s*" + RANGE_JOINER + r"\s*(?:19|20)?\d\d")
STANDALONE_PERIOD_RE = re.compile(r"((?:19|20)(?<![\d\-—–~～至〔\[【]..)\d\d)\s*年\s*度(?=\s|$|[）)]|单位)")
# (a year end names a year whatever its digits: 截至2204年底 is a misprinted one, past any plan)
YEAR_END_RE = re.compile(r"(?=[截到12])(?:(?:截至|截止到?|到)\s*((?:19|2\d)\d\d)\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)|底|末)"
                         r"|(?<![\d\-—~至])((?:19|2\d)\d\d)\s*年\s*(?:末|底))(?!\s*前)")
# a date a report during the year stands at (截至2024年6月底, 截止2024年9月30日)
POINT_IN_YEAR_RE = re.compile(r"(?:截至|截止到?)\s*((?:19|2\d)\d\d)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末)?")
# a whole year stated as its first and last day (评价期间为2023年1月1日至2023年12月31日): the
# period a report covers, the report's own year; a range over several years is no such statement
WHOLE_YEAR_RE = re.compile(r"((?:19|20)(?<!\d..)\d\d)\s*年\s*1\s*月\s*1\s*日\s*" + RANGE_JOINER
                           + r"\s*(?:((?:19|20)\d\d)\s*年\s*)?12\s*月\s*31\s*日")
FOUR_DIGIT_YEAR_RE = re.compile(r"((?:19|20)(?<!\d..)\d\d)(?=\s*年)")
DATE_IN_CELL_RE = re.compile(r"((?:19|20)(?<!\d..)\d\d)\s*年")


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    for key in ("activity_pattern", "topic_pattern", "figure_pattern", "date_pattern", "date_context"):
        try:
            re.compile(params[key])
        except re.error as exc:
            return f"{key} 不是有效的正则表达式：{exc}"
    if params["check"] == "later_comparison":
        try:
            groups = re.compile(params["later_comparison_pattern"]).groups
        except re.error as exc:
            return f"later_comparison_pattern 不是有效的正则表达式：{exc}"
        if groups < 2:
            return "later_comparison_pattern 应有两个分组：所述年度与所比年度"
    if params["check"] == "comparison_base":
        for key, least, what in (("year_head_pattern", 2, "年度与口径"), ("compared_year_pattern", 1, "所比年度")):
            try:
                groups = re.compile(params[key]).groups
            except re.error as exc:
                return f"{key} 不是有效的正则表达式：{exc}"
            if groups < least:
                return f"{key} 应有{least}个分组：{what}"
    return None


def check(doc, rule):
    year = doc.meta.get("report_year")
    if not year:
        yield NotAssessable("无法确定报告年度")
        return
    plan = _report_kind(doc, "looks_ahead")
    if rule.params["check"] in PLAN_EXEMPT and plan:
        return  # a budget for a year states the year before as its base (截至上年底的资产)
    if rule.params["check"] == "activity_year":
        yield from _check_activity_year(doc, rule, year, base_year=year - 1 if plan else None,
                                        horizon=_horizon(doc, rule.params["plan_horizon"]))
        return
    yield from CHECKS[rule.params["check"]](doc, rule, year)


# the checks a plan's report is not held to: it states last year's assets as its base
PLAN_EXEMPT = ("year_end",)


def _title_span(doc, year: int) -> tuple[int, int] | None:
    """(first, last) year of the span the title states, where the report's year is one of its ends
    (a plan for 2025—2027 read as 2025's, an evaluation of 2021—2023 as 2023's: ingest.build); None
    for any other title. The years inside are the report's own: a plan's targets, a span's baseline."""
    from ..ingest.build import YEAR_SPAN_RE, title_block

    title = title_block(doc)
    found = YEAR_SPAN_RE.search(normalize_digits(title.text)) if title is not None else None
    if not found or year not in (int(found.group("start")), int(found.group("end"))):
        return None
    return int(found.group("start")), int(found.group("end"))


def _contrasted(after: str, cues: list[str], time_chars: list[str]) -> bool:
    """A clause after the earlier year's figure speaks of this year, of the same thing (2023年其他收入
    15.00万元，本年无其他收入): the sentence sets last year's figure beside this year's, no misdated
    statement of it. (2023年…新增市场主体4,520户，本年度办结投诉…, another thing: no contrast.)"""
    clauses = PHRASE_BREAK_RE.split(after)
    first = _thing_pairs(clauses[0], time_chars)
    return any(c.lstrip().startswith(tuple(cues)) and first & _thing_pairs(c, time_chars) for c in clauses[1:])


def _thing_pairs(clause: str, time_chars: list[str]) -> set[str]:
    """A clause's word pairs that may name a thing: none holding a character of a word of time (年,
    度, 本年, 今年: the rule's time_word_chars)."""
    return {p for p in han_bigrams(clause) if not any(c in p for c in time_chars)}


def _report_kind(doc, mark: str) -> bool:
    """Whether the report's kind (vocabulary.yaml report_types) carries `mark`: looks_ahead (a plan
    made before its year or early in it, a project's plan over its term: signed in the year before
    or the year itself, the year before its base, later years its plan's; see PLAN_EXEMPT) or
    in_year (made during its year, 运行监控 of 1-6月: signed in the year itself or the next)."""
    return bool(report_type_entry(doc.meta.get("report_type")).get(mark))


def _horizon(doc, default: int) -> int:
    """The furthest year after the report's its plans may be about: its kind's (vocabulary.yaml
    report_types horizon: a bond's plan runs over its term), else the rule's `plan_horizon`."""
    return report_type_entry(doc.meta.get("report_type")).get("horizon") or default


def _hit(quote: str, loc, stated: int, year: int, what: str, formula: str) -> Hit:
    return Hit(quote=quote, location=loc, stated=f"{stated} 年", expected=f"{year} 年",
               formula=formula, fields={"year": str(stated), "report_year": str(year), "what": what})


def _prior_sections(params):
    """A test whether a location stands under a heading about the previous year, answered once
    per section title (every sentence of a section asks it)."""
    cues = params["prior_section_cues"]
    answers: dict[str, bool] = {}

    def prior(loc) -> bool:
        section = loc.section
        if not section:
            return False
        answer = answers.get(section)
        if answer is None:
            answer = answers[section] = any(cue in section for cue in cues)
        return answer

    return prior


def _in_citation(text: str, pos: int) -> bool:
    """Inside 《…》 or a document number 〔…〕: a cited document may carry any year."""
    opened = max(text.rfind("《", 0, pos), text.rfind("〔", 0, pos))
    closed = max(text.rfind("》", 0, pos), text.rfind("〕", 0, pos))
    return opened > closed


def _units(doc) -> list[tuple]:
    """(text, location, plain text, caption) for every sentence and heading outside tables; the
    caption is the title of the table right above its paragraph (a note under a table, 注：…,
    speaks of the table's period), or "" where a heading or another paragraph comes between.
    Listed once per document (report_title_year and year_end read them all); callers only read it."""
    kept = doc.__dict__.get("_period_units")
    if kept is None or kept[0] != len(doc.blocks):  # (again only if blocks were added since)
        kept = doc.__dict__["_period_units"] = (len(doc.blocks), _listed_units(doc.blocks))
    return kept[1]


def _listed_units(blocks) -> list[tuple]:
    units, caption = [], ""
    for block in blocks:
        if isinstance(block, Paragraph):
            units += [(s.text, s.loc, s.plain, caption) for s in block.sentences]
        elif isinstance(block, Heading):
            units.append((block.text, block.loc, block.plain, caption))
        caption = (block.title or "") if isinstance(block, Table) else ""
    return units


SPAN_START_RE = re.compile(r"((?:19|20)(?<!\d..)\d\d)\s*年?\s*" + RANGE_JOINER + r"\s*(?:19|20)\d\d\s*年")


def _opens_span(stated: int, *texts: str | None) -> bool:
    """A year-end right before a period the text, the table above it or its section names
    (2020年末 beside 2021-2024年): the period's opening state, no state of the report's year."""
    return any(int(m.group(1)) == stated + 1 for text in texts if text for m in SPAN_START_RE.finditer(text))


# --- activity_year ---------------------------------------------------------------------

def _says_any(text: str, cues: list[str], done_words: list[str]) -> bool:
    """Whether the text holds one of the cues, words that only hold a cue's characters aside."""
    for word in done_words:
        text = text.replace(word, "")
    return any(cue in text for cue in cues)


def _check_activity_year(doc, rule, year, base_year: int | None = None, horizon: int | None = None):
    """Sentences stating a year's doings or figures in another year than the report's. A plan's
    report (a budget) has a `base_year`, the year before, whose outturn it states and whose reports
    (2024年度部门决算, 2024年度绩效自评) it names as its sources: that year is no slip there; an
    older one stating the plan's own figures (2024年支出预算总计… in a 2026 budget) is, and a later
    one only beyond the `horizon` the plan may look to (a bond's plan: its term's years)."""
    params = rule.params
    horizon = params["plan_horizon"] if horizon is None else horizon
    patterns = {key: re.compile(params[key]) for key in ("activity_pattern", "topic_pattern", "figure_pattern")}
    cues = params["comparison_cues"]
    quiet = cues + params["future_cues"] + params["history_cues"]
    outturn_or_cue = (*params["outturn_words"], *cues)  # (a base-year sentence's words that leave it alone)
    prior_section = _prior_sections(params)
    years_cells = None  # the tables' figures by the year their row or column names (see _cells_by_year)
    # the figures of the tables of the plan's (the report's) year alone (read once, for the first
    # base-year sentence of a plan, or older year's sentence, that needs them: see _plan_figures_dated_back)
    @lru_cache(maxsize=None)
    def plan_cells() -> tuple[set[Decimal], set[Decimal]]:
        return _cells_of_year_alone(doc, year)

    # the things the tables state by year (read once, for the first sentence that needs them: see _things_by_year)
    @lru_cache(maxsize=None)
    def years_things() -> dict[int, set[str]]:
        return _things_by_year(doc, year)

    # the document's sentences comparing a figure of the report year with last year's, and the bases
    # they imply (read once, for the first sentence that needs them: see _base_of_a_change)
    @lru_cache(maxsize=None)
    def comparing() -> ImpliedBases:
        return ImpliedBases(_comparing_sentences(doc, year, params["last_year_words"]))

    last = ""  # the last sentence read, its clauses ； joins all: the paragraph before's last, at first
    for block in doc.blocks:
        if not isinstance(block, Paragraph) or prior_section(block.loc) or _later_section(block.loc, year):
            last = ""  # (a heading, a table or a section skipped between: no sentence right before)
            continue
        run = ""  # the clauses before this one joined to it by ； (2024年度…；2023年度为2.80万元)
        # the sentence before this one, its clauses ； joins all (2024年…，其中…；公务接待费较上年…。),
        # the paragraph before's last for the first (a text's lines are paragraphs of their own)
        previous = ""
        sentences = block.sentences
        for index, sentence in enumerate(sentences):
            text = sentence.plain
            previous = last if not run else sentences[index - 1].plain
            before, run = run, (run + text if text.rstrip().endswith(("；", ";")) else "")
            last = before + text
            found, kind = None, ""
            for kind, pattern in patterns.items():
                if pattern.search(text) is None:
                    continue  # most sentences: no match at all
                found = next((m for m in pattern.finditer(text) if int(m.group(1)) not in (year, base_year)), None)
                if found:
                    break
            if not found and base_year is not None:
                # a plan's base year naming the plan's own figures (2024年一般公共预算基本支出942.24万元，
                # 其中人员经费…, every figure the 2025 budget table's): misdated all the same
                slip = None if str(year) in text or any(w in text for w in outturn_or_cue) \
                    else _plan_figures_dated_back(text, patterns["figure_pattern"], base_year, plan_cells())
                if slip is not None:
                    yield _hit(sentence.text[slip.start(1):].strip()[:60], sentence.loc, base_year, year,
                               "陈述当年情况的句子", f"报告年度为 {year}，本句各数均为本年预算表所列，却写作 {base_year} 年")
                continue
            if not found:
                continue
            stated = int(found.group(1))
            # a sentence merely opening with a year is read as the year's activity only for the
            # neighbouring years (a template left unchanged); older years open histories
            beyond = stated > year + horizon  # (no plan's year: a misprint)
            # (a later year within it is a plan's year: in a plan's report any, else one said so, 预算)
            # (a plan's neighbouring years are those beside its base year and its own)
            gap = stated - year if stated > year else (base_year or year) - stated
            if stated < year and gap > params["max_gap"] and base_year is None \
                    and str(year) not in text and not any(w in text for w in params["contrast_cues"]) \
                    and _plan_figures_dated_back(text, patterns["figure_pattern"], stated, plan_cells(), distinct=True):
                # (2022年度全年预算数为2180.85万元，执行数为2069.76万元 in a 2024 report whose 2024 table
                # states both: an older year than a template's last, misdated all the same; not a sentence
                # naming this year too, 2022年…方案明确每年投入300.00万元，本年实际完成285.00万元)
                yield _hit(sentence.text[found.start(1):].strip()[:60], sentence.loc, stated, year, "陈述当年情况的句子",
                           f"报告年度为 {year}，本句各数均为本年表格所列，却写作 {stated} 年")
                continue
            if kind == "figure_pattern" and YEAR_SET_APART_RE.match(text, found.end(1)):
                continue  # (2023年度，该项目预算…: a year set apart opens a history; misdated only as above)
            if (kind != "activity_pattern" and gap > params["max_gap"] and not beyond) \
                    or (kind == "figure_pattern" and not beyond
                        and _other_years_figure(before + text, found.group(0), stated, year, params)) \
                    or (stated == year - 1 and _compared_after(text, sentences[index + 1:index + 1 + COMPARED_REACH],
                                                               params["last_year_words"], year)) \
                    or (stated == year - 1 and previous and _compared_before(
                        previous, text[found.end(1):].lstrip("年度 "), params["last_year_words"],
                        params["back_reference_words"], year)) \
                    or (stated == year - 1 and _base_of_a_change(text, comparing())) \
                    or (kind == "topic_pattern" and str(year) in text[found.end(1):]) \
                    or (year < stated and not beyond and (base_year is not None
                                                          or any(w in text for w in params["plan_words"]))) \
                    or any(cue in text for cue in quiet) \
                    or (stated < year and _contrasted(text[found.end(1):], params["contrast_cues"], params["time_word_chars"])) \
                    or (year < stated and any(w in text for w in params["forward_words"])) \
                    or RANGE_AFTER_RE.match(text[found.end(1):]):
                continue
            if stated < year and years_cells is None:
                years_cells = _cells_by_year(doc, year)  # (read once, for the first sentence that needs it)
            if stated < year and _restates_year(text, years_cells.get(stated)):
                # (2023年支出合计3,188.05万元 beside a table's 2023年 row of 3,188.05: that past year's
                # own; a later year's 决算 is misdated in the table too, PER008)
                continue
            if stated < year and stated in years_cells and TABLE_LIKE_FIGURE_RE.search(text) \
                    and _names_tabulated(text, years_things().get(stated, ())) \
                    and not _states_a_cell(text, years_cells, plan_cells()):
                # (2023年项目支出776.40万元 beside a table's 2023年 row of 766.40: the document tabulates
                # that year's 项目支出, and the figure is no other year's either: a misstated figure of
                # the year it names, which the figure's check against that row reports, not a misdated one)
                continue
            parallel = _parallel(doc, text[found.end():found.end() + 8], year)
            start = found.start(1)
            yield _hit(sentence.text[start:].strip()[:60], sentence.loc, stated, year, "陈述当年情况的句子",
                       f"报告年度为 {year}，本句陈述当年情况却写作 {stated} 年"
                       + (f"；同段相邻句写作“{parallel}”" if parallel else ""))


# a year set apart from its sentence by a comma (2022年度，全年预算数为…)
YEAR_SET_APART_RE = re.compile(r"\s*年\s*度?\s*[）)]?\s*[，,]")
HEAD_ROWS = 3  # the rows a table's column heads may take (年度 over 2023年 over 决算数)
# a figure of a sentence that a table may hold: three digits or more, or with decimals; no year
TABLE_LIKE_FIGURE_RE = re.compile(r"(?<![\d.])(\d[\d,]*\.\d+|\d[\d,]{2,})(?![\d.]|\s*年)")


def _cells_by_year(doc, year: int) -> dict[int, set[Decimal]]:
    """The tables' figures by the one year their row's label or their column's heads name (近三年
    收支: a row 2023年 | 3,214.75 | 3,188.05, or a column 2023年 over its rows; a column of 上年决算数,
    the year before the report's `year`): each a year's own figure. One pass over the cells."""
    out: dict[int, set[Decimal]] = {}
    for cell_year, _thing, value in _year_cells(doc, year):
        out.setdefault(cell_year, set()).add(value.value)
    return out


def _year_cells(doc, year: int):
    """(the year, the thing, the figure) of each figure a table states for the one year its row's
    label or its column's heads name (see _cells_by_year): the thing a row's label under a year's
    column, a column's head beside a year's row."""
    prior, before = lexicon().prior, year - 1
    for table in (b for b in doc.blocks if isinstance(b, Table)):
        grid = table.grid()
        heads = [" ".join(row[c] for row in grid[:HEAD_ROWS]) for c in range(table.width)]
        columns = [_one_year(h) or (before if prior.search(compact(h)) else None) for h in heads]
        years = years_column(grid)
        for r, row in enumerate(grid):
            # (a row labelled by its year, 2023年 or a bare 2023 under 年份)
            own = (_one_year(row[0]) or (bare_year(row[0]) if years else None)) if row else None
            for c, cell in enumerate(row[1:], 1):
                cell_year = own or (columns[c] if r >= 1 else None)
                value = parse_cell(cell) if cell_year else None
                if value is not None:
                    yield cell_year, (grid[0][c] if c < len(grid[0]) else "") if own else row[0], value


def _cells_of_year_alone(doc, year: int) -> tuple[set[Decimal], set[Decimal]]:
    """The figures of the tables whose title and heads name no year but `year` (a budget's 2025
    tables, 表06 一般公共预算基本支出预算表): that year's own figures, every one; (in 元, those of
    tables in a money unit; as printed, those of tables in none)."""
    in_yuan: set[Decimal] = set()
    printed: set[Decimal] = set()
    prior = lexicon().prior
    for table in (b for b in doc.blocks if isinstance(b, Table)):
        grid = table.grid()
        if set(YEAR_NAMED_RE.findall(table.title or "")) - {str(year)} or any(_one_year(row[0]) for row in grid if row) \
                or years_column(grid):
            continue  # (a table of another year, or of years by row)
        # (its columns whose heads name no other year, by number or by words: no 上年预算数 | 2025年执行数)
        heads = [" ".join(row[c] for row in grid[:HEAD_ROWS] if c < len(row)) for c in range(table.width)]
        columns = [c for c, head in enumerate(heads) if c and not (set(YEAR_NAMED_RE.findall(head)) - {str(year)})
                   and not prior.search(head)]
        factor = MONEY_UNITS.get(table.unit or "")
        values = (q.value for row in grid[1:] for c in columns if c < len(row) and (q := parse_cell(row[c])) is not None)
        if factor is None:
            printed.update(values)
        else:
            in_yuan.update(v * factor for v in values)
    return in_yuan, printed


PLAN_RESTATED = 2  # the figures of a base-year sentence that must all be the plan table's (one may be a flat budget's)


def _plan_figures_dated_back(text: str, figure_pattern: re.Pattern, base_year: int,
                             cells: tuple[set[Decimal], set[Decimal]], distinct: bool = False):
    """The base year opening a sentence of amounts (2024年一般公共预算基本支出942.24万元，其中人员经费
    876.16万元…) every one of which, PLAN_RESTATED at least, a table of the plan's year alone states
    (in 元 where the table names its unit, as printed where not): the match, else None. `distinct`:
    PLAN_RESTATED values at least (a fixed amount, 补助预算120.00万元，执行120.00万元, may be every
    year's)."""
    in_yuan, printed = cells
    found = figure_pattern.search(text)
    if found is None or int(found.group(1)) != base_year or not (in_yuan or printed):
        return None
    amounts = [(to_decimal(m.group(1)), MONEY_UNITS[m.group(2)]) for m in MONEY_FIGURE_RE.finditer(text)]
    return found if len(set(amounts) if distinct else amounts) >= PLAN_RESTATED \
        and all(value * factor in in_yuan or value in printed for value, factor in amounts) else None



def _things_by_year(doc, year: int) -> dict[int, set[str]]:
    """The things the tables state a figure of by the one year their row or column names (as
    _cells_by_year reads them): their names, three characters at least, no total's word (合计 names
    no thing)."""
    out: dict[int, set[str]] = {}
    for cell_year, thing, _value in _year_cells(doc, year):
        out.setdefault(cell_year, set()).add(THING_NAME_RE.sub("", compact(thing)))
    totals = tuple(concepts().get("column_total_heads") or ())  # (合计, 小计 … name no thing)
    return {y: {n for n in names if len(n) >= 3 and not any(w in n for w in totals)} for y, names in out.items()}


# what a label may carry besides its thing's name: a list number, a code, a unit in brackets, 其中
THING_NAME_RE = re.compile(r"^(?:\d+[.．、]|[一二三四五六七八九十]+、|\d{3,7}|其中[：:]?)|[（(][^）)]*[）)]$")


def _names_tabulated(text: str, things) -> bool:
    """The sentence names one of the things a table states for its year (2023年项目支出… beside a
    table of years' 项目支出)."""
    words = compact(text)
    return any(name in words for name in things)


def _states_a_cell(text: str, years_cells: dict[int, set[Decimal]],
                   alone: tuple[set[Decimal], set[Decimal]]) -> bool:
    """A figure of the sentence is one a table states: for any year by its row or column
    (`years_cells`), or in a table of the report's year alone (`alone`: in 元, or as printed)."""
    in_yuan, printed = alone
    if _restates_year(text, set().union(printed, *years_cells.values())):
        return True
    return any(to_decimal(m.group(1)) * MONEY_UNITS[m.group(2)] in in_yuan for m in MONEY_FIGURE_RE.finditer(text))


def _one_year(text: str) -> int | None:
    years = set(YEAR_NAMED_RE.findall(text))
    return int(years.pop()) if len(years) == 1 else None


def _restates_year(text: str, cells: set[Decimal] | None) -> bool:
    """A figure of the sentence is one a table states for the sentence's year (`cells`)."""
    return bool(cells) and any(to_decimal(m.group(1)) in cells for m in TABLE_LIKE_FIGURE_RE.finditer(text))


def _later_section(loc, year: int) -> bool:
    """The paragraph's section is titled with years after the report's only (七、2025年绩效目标): a
    plan, whose sentences state that year's figures by right."""
    return bool(loc.section) and _titled_after(loc.section, year)


@lru_cache(maxsize=1024)  # (a pure function of its arguments: every paragraph of a section asks it)
def _titled_after(section: str, year: int) -> bool:
    years = [int(y) for y in SECTION_YEAR_RE.findall(section)]
    return bool(years) and min(years) > year


SECTION_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")


def _other_years_figure(text: str, clause: str, stated: int, year: int, params: dict) -> bool:
    """An amount of another year that belongs there: a later year's is a plan or a budget
    (2026年度预算安排 in a 2025 report); one beside the report year's own is a comparison
    (2024年度800万元，2025年度增至900万元); last year's carried over or added to this year's budget
    is named by its year (2024年度结转资金 30 万元，本年已全部支出). The report year's figure may be
    named by the words for this year instead of its number (2024年度人员经费2,121.35万元，本年人员
    经费2,210.45万元): a figure after them, past the earlier year's, is set beside it."""
    if stated > year or str(year) in text or any(cue in clause for cue in params["carryover_cues"]):
        return True
    after = text[text.find(clause) + len(clause):]
    own = alternatives(concepts().get("current_period"))
    # (the words for this year opening a clause of their own, 本年人员经费…; not inside a share's
    # whole, 占本年支出的85.20%, which says nothing of the year the figure before is of)
    return re.search(rf"(?:^|[，,；;、])\s*(?:{own})[^。；;\d]{{0,{PHRASE_REACH}}}\d", after) is not None


PHRASE_REACH = 20  # characters from 本年 to its figure (本年一般公共预算财政拨款支出…)


COMPARED_REACH = 2  # the sentences after last year's figure that may compare the report year's with it


def _compared_after(current: str, following: list, last_year_words: list[str], year: int) -> bool:
    """Last year's figure is the base the next sentences compare the report year's with: one of
    them opens on the report year, compares with 上年, and its change holds on this sentence's
    figure as the base (2023年本部门支出812.50万元。2024年支出893.75万元，比上年增加81.25万元); or
    the next states the report year's beside it, opening on its year with a figure (2023年，本局
    完成人工造林1.20万亩。2024年，本局完成…1.35万亩)."""
    bases = [to_decimal(m.group(1)) for m in MONEY_FIGURE_RE.finditer(current)]
    for k, sentence in enumerate(following[:COMPARED_REACH]):
        text = sentence.plain.lstrip()
        opens = _own_year_opening(vocabulary_generation()).match(text)
        if opens is None or int(opens.group(1) or year) != year or not re.search(r"\d", text[opens.end():]):
            continue
        if k == 0 and opens.group(1):
            return True
        if str(year - 1) not in text and any(w in text for w in last_year_words) and _change_on(text, bases):
            return True
    return False


def _compared_before(previous: str, rest: str, last_year_words: list[str], back_references: list[str],
                     year: int) -> bool:
    """The sentence right before opens on the report year by its number and states a figure of the
    same thing: last year's figure after it is set beside it (2024年“三公”经费支出8.92万元。2023年
    “三公”经费支出9.80万元。). Where this sentence does not name the thing again (2023年度为15.60万元,
    2023年度该项支出…), the one before must compare it with last year (…，比上年减少3.30万元。).
    The sentence before may as well be about last year itself, opening on its words or its number
    (上年（2023年度）一般公共预算财政拨款支出…。2023年度“三公”经费…): this one goes on about it.
    `rest`: this sentence after its year, whose words up to its first figure name the thing."""
    text = previous.lstrip().lstrip("（(")
    if text.startswith((*last_year_words, f"{year - 1}年")):
        return True
    opens = _own_year_opening(vocabulary_generation()).match(text)
    if opens is None or opens.group(1) is None or int(opens.group(1)) != year \
            or re.search(r"\d", text[opens.end():]) is None:
        return False
    # (last year named by its words, 比上年, or by its number after a comparing word, 比2023年度)
    compared = any(w in text for w in last_year_words) or _compares_year(text, year - 1)
    topic = QUOTES_RE.sub("", re.split(r"\d", rest, maxsplit=1)[0]).strip("度，,、 ")
    if len(topic) < 2 or topic.startswith(tuple(back_references)):
        return compared
    # (the thing named again, quotes aside: its first words where the sentence before compares it
    # with last year; all its words, 本局“三公”经费支出 not …预算执行率, where it only states it; not
    # where it compares with another year by its number, 比2022年度减少…)
    said = QUOTES_RE.sub("", text)
    return (topic[:TOPIC_CHARS] in said if compared else topic.rstrip(COPULAS) in said) \
        and _compared_years(text) <= {year - 1}


def _comparing_sentences(doc, year: int, last_year_words: list[str]) -> list[str]:
    """The document's sentences comparing a figure with last year's, by its words (比上年) or its
    number (比2023年), that are about the report year: opening on it, or on no year at all."""
    out = []
    for sentence in doc.sentences():
        text = sentence.plain.lstrip()
        if not (any(w in text for w in last_year_words) or _compares_year(text, year - 1)):
            continue
        opens = YEAR_NAMED_RE.match(text)
        if opens is None or int(opens.group(1)) == year:
            out.append(text)
    return out


class ImpliedBases:
    """The bases of last year the comparing sentences imply, each sentence's first amount less or
    plus each change amount it states, or over 1 ± each rate: sorted, so that a figure finds the
    sentences whose change may hold on it by bisection, not by reading them all (linear in the
    document); each one found is then judged exactly (_change_on). The bases are kept in groups
    by the order of magnitude of their half widths, each searched with its own widest: one base
    as wide as a fall of 99.9% makes (its base a thousand times the amount) widens no window but
    its group's."""

    def __init__(self, sentences: list[str]):
        self.sentences = sentences
        implied: dict[int, list[tuple[Decimal, int, Decimal]]] = {}  # magnitude -> (center, sentence, width)
        for k, text in enumerate(sentences):
            amounts = [to_decimal(m.group(1)) for m in MONEY_FIGURE_RE.finditer(text)]
            rates = [to_decimal(m.group(1)) for m in RATE_RE.finditer(text)]
            if not amounts:
                continue
            now, slack = amounts[0], Quantity(amounts[0]).half_ulp
            for change in amounts[1:]:
                width = 2 * (slack + Quantity(change).half_ulp)
                for center in (now - change, now + change):
                    implied.setdefault(_magnitude(width), []).append((center, k, width))
            for rate in rates:
                for factor in (1 + rate / 100, 1 - rate / 100):
                    if factor > 0:
                        # (the rate's half unit over the base, and the amount's, carried through)
                        base = now / factor
                        width = 2 * (base * Quantity(rate).half_ulp / 100 + slack) / factor
                        implied.setdefault(_magnitude(width), []).append((base, k, width))
        # (magnitude -> (its widest, the centers sorted, their sentences))
        self.groups = []
        for entries in implied.values():
            entries.sort()
            self.groups.append((max(w for _, _, w in entries), [c for c, _, _ in entries], [k for _, k, _ in entries]))

    def holds_on(self, base: Decimal) -> bool:
        owners: set[int] = set()
        for width, centers, sentences in self.groups:
            reach = width + Quantity(base).half_ulp
            owners.update(sentences[bisect_left(centers, base - reach):bisect_right(centers, base + reach)])
        return any(_change_on(self.sentences[k], [base]) for k in sorted(owners))


def _magnitude(width: Decimal) -> int:
    """The order of magnitude a half width falls in (0.01 and 0.05: -2), the group it is kept in."""
    return width.adjusted() if width else -100


def _base_of_a_change(text: str, comparing: ImpliedBases) -> bool:
    """Last year's figure is the base a change the document states for the report year holds on,
    wherever the change is stated (…一般公共预算收入73,440万元，比上年增长4.7%。… 2023年一般公共预算
    收入为70,120万元。): that year's own figure, rightly dated."""
    return any(comparing.holds_on(to_decimal(m.group(1))) for m in MONEY_FIGURE_RE.finditer(text))


def _compares_year(text: str, year: int) -> bool:
    """The text compares something with the year named by its number (比2023年度减少, 较2023年)."""
    return year in _compared_years(text)


def _compared_years(text: str) -> set[int]:
    """The years the text compares something with by their numbers (比2023年度减少: 2023)."""
    named = (YEAR_NAMED_RE.match(text, m.end()) for m in lexicon().comparison.finditer(text))
    return {int(n.group(1)) for n in named if n is not None}


COPULAS = "为是达共计约："  # (the words between a thing's name and its figure: 2023年度支出为…)
TOPIC_CHARS = 6  # the first characters of a sentence's thing that must stand in the sentence it follows
QUOTES_RE = re.compile(r"[“”\"'‘’]")


RATE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")


def _change_on(text: str, bases: list[Decimal]) -> bool:
    """The sentence's first amount differs from one of `bases` by an amount or a rate it states,
    within the printed precision of the figures (each a half unit of its last digit either way)."""
    amounts = [to_decimal(m.group(1)) for m in MONEY_FIGURE_RE.finditer(text)]
    rates = [to_decimal(m.group(1)) for m in RATE_RE.finditer(text)]
    if not amounts:
        return False
    now = amounts[0]
    for base in (b for b in bases if b):
        gap = abs(now - base)
        slack = Quantity(now).half_ulp + Quantity(base).half_ulp
        if any(abs(gap - a) <= slack + Quantity(a).half_ulp for a in amounts[1:]):
            return True
        # (the rate's own half unit, and the amounts' slack carried through the division)
        if any(abs(gap / base * 100 - r) <= Quantity(r).half_ulp + slack / base * 100 for r in rates):
            return True
    return False


@lru_cache(maxsize=4)
def _own_year_opening(generation: int) -> re.Pattern:
    """A sentence opening on its year, or on the words for the report year's (concepts.yaml
    current_period: 本年, 今年)."""
    return re.compile(r"(?:((?:19|20)\d\d)\s*年度?|" + alternatives(concepts().get("current_period")) + ")")


def _parallel(doc, tail: str, year: int) -> str:
    """A sentence stating the same kind of activity for the report year, if there is one."""
    words = re.sub(r"\d.*$", "", tail).strip()[:2]
    if not words:
        return ""
    pattern = re.compile(rf"{year}\s*年\s*度?\s*(?:全年)?\s*(?:共|累计)\s*{re.escape(words)}")
    for sentence in doc.sentences():
        m = pattern.search(sentence.plain)
        if m:
            return sentence.text[m.start():].strip()[:40]
    return ""


# --- report_title_year -----------------------------------------------------------------

def _cited_before(text: str, at: int, cues: list[str]) -> bool:
    """A citing word right before the named report, a few words apart at most (对照本局2022年度部门
    决算公开表: last year's published report, checked against), not anywhere in its sentence."""
    before = compact(text[max(0, at - CITED_REACH - max(map(len, cues), default=0)):at])
    return any(cue in before[-(CITED_REACH + len(cue)):] for cue in cues)


CITED_REACH = 4  # characters between a citing word and the report it names (本局, 本部门)
CITED_TITLE_RE = re.compile(r"《[^《》]*》")  # a document's title the sentence cites


def _check_report_title_year(doc, rule, year):
    params = rule.params
    report_names = params["report_names"]
    if _report_kind(doc, "looks_ahead"):
        # a budget names last year's reports as its sources (2024年度部门决算, 绩效自评): only its
        # own tables, the budget's (收支预算总表), are held to its year
        report_names = [n for n in report_names if n.endswith(("预算表", "预算总表"))] + params["plan_names"]
    pattern, bracketed = _named_year_res(tuple(report_names))
    cues = params["comparison_cues"] + params["prior_section_cues"] + params["reference_cues"]
    units = _units(doc)
    printed = {plain.strip() for _, _, plain, _c in units}
    # a table's title that is a caption line of the text already read is not read twice
    texts = units + [(t.title, t.loc, normalize_digits(t.title), "") for t in doc.tables
                     if t.title and normalize_digits(t.title).strip() not in printed]
    # a form's title printed in its own first row, the row's one filled cell (项目支出绩效自评表（2023年度）)
    texts += [(cell.text, cell.loc, normalize_digits(cell.text), "") for t in doc.tables if t.rows
              for filled in [[c for c in t.rows[0] if c.text.strip()]] if len(filled) == 1 for cell in filled]
    seen = set()
    title = _title_year(doc, year, pattern)
    if title is not None:
        seen.add(title[:2])
        yield _hit(*title, year, "报告标题", f"报告年度为 {year}（正文所述年度），本报告标题写作 {title[2]} 年")
    prior_section = _prior_sections(params)
    own_scores = None  # the report's own total scores (read for the first named year's score)
    # (a report of its year with the next year's plan, 2023年预算执行情况和2024年预算草案: the plan's
    # tables, 2024年一般公共预算收入预算表, are its own)
    plan_year = year + 1 if plans_next_year(doc) else None
    for text, loc, plain, _caption in texts:
        if "年" not in plain:
            continue  # (both patterns name a year by its 年: most sentences hold none, one test)
        found = [*pattern.finditer(plain), *bracketed.finditer(plain)]
        if not found or prior_section(loc):
            continue
        for m in found:
            stated = int(m.group(1))
            if stated in (year, plan_year) or _in_citation(plain, m.start()) or any(cue in plain for cue in cues) \
                    or _cited_before(plain, m.start(), params["citing_cues"]):
                continue
            score = SCORE_AFTER_RE.match(plain, m.end())
            if score and any(w in score.group(0) for w in params["part_score_words"]):
                score = None  # (a category's points or the weights: no total to tell the years by)
            if score and params["own_score_concept"]:
                if own_scores is None:
                    own_scores = _own_scores(doc, params["own_score_concept"])
                if own_scores and not any(_same_score(score.group(1), s) for s in own_scores):
                    continue  # (another year's evaluation and its score, not this report's)
            if re.search(rf"(?<!\d){year}\s*年", CITED_TITLE_RE.sub("", plain)):
                # “2023年度…自评发现的问题，已在2024年度预算编制中完成整改”: the sentence tells the two
                # years apart, the other year's report is meant (not a year inside a document's title
                # it cites, 根据《…关于做好2024年度…自评工作的通知》，…开展了2023年度…自评: the notice's)
                continue
            quote = text[m.start():m.end()]
            if (quote, loc) in seen:
                continue
            seen.add((quote, loc))
            yield _hit(quote, loc, stated, year, "报告或其表格的名称",
                       f"报告年度为 {year}，本报告（或其表格）的名称应为 {year} 年度，此处写作 {stated} 年度")


@lru_cache(maxsize=8)
def _named_year_res(report_names: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The patterns of a year a report's or table's name follows right after (a quote mark or a
    space may sit between), and of a name its year follows in brackets (…自评表（2023年度）)."""
    names = "|".join(re.escape(n) for n in sorted(report_names, key=len, reverse=True))
    return (re.compile(rf"((?:19|20)(?<![\d\-—–~～至〔\[【]..)\d\d)\s*年\s*度?\s*[“\"]?\s*(?:{names})"),
            re.compile(rf"(?:{names})\s*[（(]\s*((?:19|20)\d\d)\s*年\s*度?\s*[）)]"))


# the score a sentence naming an evaluation states right after the name (…自评综合得分 94.2 分);
# a scale (按100分制) is none
SCORE_AFTER_RE = re.compile(r"[^。；;！？\n\d]{0,16}?(\d+(?:\.\d+)?)\s*分(?!制)")


def _own_scores(doc, concept: str) -> list[str]:
    """The report's own total scores as printed: its score table's 总分, its text's 本年 score."""
    from ..facts.base import fact_base
    from ..facts.base.model import CURRENT

    return [f.text for f in fact_base(doc).by_concept.get(concept, ()) if f.period == CURRENT and f.measure == "得分"]


def _same_score(a: str, b: str) -> bool:
    """Two printed scores for the same figure (94.2 and 94.20分)."""
    x, y = to_decimal(re.sub(r"[^\d.]", "", a)), to_decimal(re.sub(r"[^\d.]", "", b))
    return x is not None and x == y


def _title_year(doc, year: int, named) -> tuple[str, object, int] | None:
    """(quote, location, year) of the title line's year when the title names a kind of report and
    its year is not the report's (枫林区2022年…项目绩效自评报告 over a body about 2024年度): the
    report year is read from the title and the opening lines together, so the title is then the odd
    one out. A year the name follows right after is left to the loop (`named`)."""
    from ..ingest.build import YEAR_RE, _report_type, title_block, title_year

    first = title_block(doc)
    if not isinstance(first, (Paragraph, Heading)):
        return None
    plain = normalize_digits(first.text)
    if not (_report_type(first.text) or YEAR_RE.search(plain)):
        return None  # (a title naming no kind of report states its year as a 年度: 2023年度“三公”经费…说明)
    m = title_year(plain)
    if m is None or int(m.group(1)) == year or named.match(plain, m.start()) or _in_citation(plain, m.start()):
        return None
    return first.text[m.start():m.end()], first.loc, int(m.group(1))


# --- table_period ----------------------------------------------------------------------

def _check_table_period(doc, rule, year):
    """The period line above a table, or a title naming only a 年度: the table's own year."""
    params = rule.params
    cues = params["period_line_cues"]
    in_year = _report_kind(doc, "in_year")
    plan_year = year + 1 if plans_next_year(doc) else None  # (the next year's plan's tables are its own)
    blocks = doc.blocks
    titles = None  # how many tables bear each title, years aside (counted once, if asked)
    covers = None  # whether the report is on a span of years (read once)
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        lines = [(b.text, [(0, b)]) for b in blocks[max(0, i - 2):i] if isinstance(b, Paragraph)]
        lines += _caption_rows(block)
        for text, pieces in lines:
            plain = normalize_digits(text)
            if len(plain) > 80 or not (any(cue in plain for cue in cues) or YEAR_LINE_RE.fullmatch(plain.strip())):
                continue  # (a line of its year alone, （2023年度）, under a form's title is one)
            period_re = STANDALONE_PERIOD_RE
            if in_year and not STANDALONE_PERIOD_RE.search(plain):
                period_re = PART_OF_YEAR_RE  # a report during its year heads its tables 2024年1—9月
            years = {int(m.group(1)) for m in period_re.finditer(plain)}
            if year in years or plan_year in years or len(years) != 1:
                continue  # a line naming the report year too compares two years
            m = period_re.search(plain)
            stated = int(m.group(1))
            loc = next(piece.loc for start, piece in reversed(pieces) if start <= m.start())
            yield _hit(text[m.start():m.end()], loc, stated, year, "表格的所属年度",
                       f"报告年度为 {year}，表格“{block.title or '（无标题）'}”标明的年度却是 {stated} 年度")
        if covers is None:
            covers = _covers_years(doc, year)  # (read once, for the first table)
        if not in_year and not _report_kind(doc, "looks_ahead") and not covers:
            # (where the title stands: its caption line above the table, or the table's first rows)
            caption = next((b.loc for b in blocks[max(0, i - 2):i] if isinstance(b, Paragraph)
                            and block.title and block.title.strip() in b.text), block.loc)
            hits = list(_earlier_year_title(block, year, params, caption))
            if hits and titles is None:
                titles = Counter(_without_years(t.title) for t in doc.tables if t.title)
            if hits and titles[_without_years(block.title)] < 2:  # (表2 2022年度… 表3 2023年度…: a table a year)
                yield from hits


def _covers_years(doc, year: int) -> bool:
    """The report is on a span of years (2022—2024年度…评价报告, 评价期间为2022年1月1日至2024年
    12月31日): a table of each of its years is its own."""
    opening = normalize_digits("\n".join(b.plain for b in doc.blocks[:OPENING_BLOCKS]
                                          if isinstance(b, (Paragraph, Heading))))
    return any(int(m.group(1)) < year for pattern in (SPAN_START_RE, DATE_SPAN_RE) for m in pattern.finditer(opening))


DATE_SPAN_RE = re.compile(r"((?:19|20)(?<!\d..)\d\d)\s*年\s*1\s*月\s*1\s*日\s*" + RANGE_JOINER + r"\s*(?:19|20)\d\d\s*年")


def _without_years(title: str | None) -> str:
    """A table's title without its number and its years (表2 2022年度改造项目完成情况 -> 改造项目完成情况)."""
    return re.sub(r"^\s*(?:附|续)?表\s*[\d一二三四五六七八九十]+(?:\s*[-－—.．]\s*\d+)?\s*|(?:19|20)\d\d\s*年度?", "",
                  normalize_digits(title or "")).strip()


OPENING_BLOCKS = 6  # the title and the first lines, where a report states the years it covers
# (年度 only: a plain year before a name, 2023年增发国债项目…表, is the programme's or the batch's,
# often spent in the report year)
TITLE_PERIOD_RE = re.compile(r"((?:19|20)(?<![\d\-—–~～至〔\[【]..)\d\d)\s*年度")


def _paragraph_key(loc) -> tuple:
    """The paragraph a sentence stands in (a line where the reader keeps no paragraphs)."""
    return loc.page, loc.paragraph, loc.line if loc.paragraph is None else None


def _earlier_year_title(table: Table, year: int, params: dict, loc):
    """A table titled with one earlier 年度 alone (表3 2023年度优抚对象抚恤补助发放明细表 in a 2024
    report), its heads naming no year (no comparison of years), its title no words of another
    year's (上年, 结转, 整改): a table of another year's figures, most likely last year's left in."""
    title = normalize_digits(table.title or "")
    years = {int(y) for y in FOUR_DIGIT_YEAR_RE.findall(title)}
    m = TITLE_PERIOD_RE.search(title)
    if m is None or years != {int(m.group(1))} or int(m.group(1)) >= year \
            or any(cue in title for cue in params["comparison_cues"] + params["prior_section_cues"]
                   + params["carryover_cues"] + params["reference_cues"]) or _in_citation(title, m.start()):
        return
    heads = normalize_digits(table_start(table, HEAD_TEXT))
    if FOUR_DIGIT_YEAR_RE.search(heads) or loc is None:
        return
    stated = int(m.group(1))
    yield _hit(table.title[m.start():m.end()] if len(table.title) == len(title) else m.group(0), loc, stated,
               year, "表格名称中的年度",
               f"报告年度为 {year}，表格“{table.title}”只写了 {stated} 年度，表中也没有其他年度的栏目")


# the months of a year from January (2024年1—9月, 2024年1-6月)
PART_OF_YEAR_RE = re.compile(r"((?:19|20)(?<![\d\-—–~～至]..)\d\d)\s*年\s*1\s*(?:月\s*)?[—\-–~～至]+\s*\d{1,2}\s*月")
HEAD_TEXT = 200  # characters of a table's first rows its heads stand in
YEAR_LINE_RE = re.compile(r"[（(]?\s*(?:19|20)\d\d\s*年度?\s*[）)]?")


def _caption_rows(table: Table) -> list[tuple[str, list]]:
    """A sheet's caption row read into the table's grid (编制单位：… | 2023年度 | 单位：万元), as
    one line: its cells' texts joined, with each cell's offset in it (a hit points at its cell)."""
    lines = []
    for row in table.rows[:2]:
        if not row or not is_caption_row([c.text for c in row]):
            continue
        text, pieces = "", []
        for cell in (c for c in row if c.text.strip()):
            text += "　" if text else ""
            pieces.append((len(text), cell))
            text += cell.text
        lines.append((text, pieces))
    return lines


# --- year_end --------------------------------------------------------------------------

def _check_year_end(doc, rule, year):
    params = rule.params
    cues = params["comparison_cues"] + params["future_cues"]
    prior_section = _prior_sections(params)
    background = _prior_sections({"prior_section_cues": params["background_section_cues"]})
    units = _units(doc)
    # (read once: asked twice; a year end is a year's 年末 or 年12月31日: a text without 年 holds none)
    ends = [list(YEAR_END_RE.finditer(plain)) if "年" in plain else [] for _t, _l, plain, _c in units]
    # the paragraphs stating the report year's year-end: an earlier year's there, before it or after
    # it, is the stock it is compared with (2023年末实有122人。2024年末实有129人，比上年末增加7人)
    told_now = {_paragraph_key(unit[1]) for unit, found in zip(units, ends)
                if any(int(m.group(1) or m.group(2)) == year for m in found)}
    # the last sentence of each paragraph naming the report's year: a year-end of the year before
    # with it after is the stock the year opened with (one pass over the sentences)
    year_named = {_paragraph_key(loc): k for k, (_t, loc, plain, _c) in enumerate(units) if str(year) in plain}
    in_year = _report_kind(doc, "in_year")
    span = _title_span(doc, year)
    for k, ((text, loc, plain, caption), found) in enumerate(zip(units, ends)):
        if not found and "日" not in plain and not (in_year and "截" in plain):
            continue  # (most sentences: no year-end, no whole year's 1月1日…日, no 截至 point in a year)
        if prior_section(loc):
            continue
        for m in found:
            stated = int(m.group(1) or m.group(2))
            clause = _year_end_clause(plain, m.start(), m.end())
            forward = params["forward_words"] if stated > year else []
            if stated == year or _in_citation(plain, m.start()) or _says_any(clause, cues + forward, params["done_words"]) \
                    or any(cue in plain for cue in params["year_end_cues"]) \
                    or (stated < year and background(loc)) or _opens_span(stated, plain, caption, loc.section):
                continue
            if stated < year and _paragraph_key(loc) in told_now:
                continue  # (last year's stock beside this year's in one paragraph: a comparison)
            if span and span[0] <= stated <= span[1]:
                continue  # (到2027年底… in a plan for 2025—2027, 2021年底… in an evaluation of 2021—2023: the span's own)
            if stated > year and plain.startswith("到", m.start()) and not plain[max(0, m.start() - 2):m.start()].endswith(("截至", "截止")) \
                    and any(w in clause for w in params["target_words"]) and not any(w in clause for w in params["reached_words"]):
                continue  # (到2026年底，全县累计建成…: a later year's end after 到, a target's verb in its
                # clause, is a deadline; 到2025年底，本局固定资产总额为… states a stock, misdated, and so
                # does 到2025年底，本局已累计完成…: reached_words)
            if stated == year - 1 and (str(year) in plain[m.end():] or year_named.get(_paragraph_key(loc), -1) > k):
                # (2023年末，余额52.3亿元。2024年发行…: the stock the report's year opened with, its
                # year's flows after it in the paragraph)
                continue
            yield _hit(text[m.start():m.end()], loc, stated, year, "年末时点",
                       f"报告年度为 {year}，年末时点应为 {year} 年末，此处写作 {stated} 年")
        if in_year:
            # a report during its year (运行监控) states where the year stood at a date of that year
            for m in POINT_IN_YEAR_RE.finditer(plain):
                stated = int(m.group(1))
                if stated == year or _in_citation(plain, m.start()) or any(cue in plain for cue in params["comparison_cues"]):
                    continue
                yield _hit(text[m.start():m.end()], loc, stated, year, "监控时点",
                           f"报告年度为 {year}，年度中的时点应在 {year} 年，此处写作 {stated} 年")
        for m in WHOLE_YEAR_RE.finditer(plain):
            stated = int(m.group(1))
            if m.group(2) and int(m.group(2)) < stated:
                # (2024年1月1日至2023年12月31日: a period ending before it begins)
                yield _hit(text[m.start():m.end()], loc, int(m.group(2)), year, "时段的结束年度",
                           f"时段自 {stated} 年1月1日开始，结束却写作 {m.group(2)} 年12月31日，早于开始")
                continue
            if stated == year or (m.group(2) and int(m.group(2)) != stated) or any(cue in plain for cue in cues):
                continue
            yield _hit(text[m.start():m.end()], loc, stated, year, "全年时段",
                       f"报告年度为 {year}，所述全年时段应为 {year} 年1月1日至12月31日，此处写作 {stated} 年")


CLAUSE_MARK_RE = re.compile(r"[，,；;。：:]")
DATE_CLAUSE_CHARS = 3  # the words besides a date that still leave its clause a date alone (在…，, 于…，)


def _year_end_clause(plain: str, start: int, end: int) -> str:
    """The clause a year-end stands in, whose comparison (较2023年末) or plan (将, 计划) it is: not
    another clause's of the sentence (…，比上年增长8.6%; …，结余将于次年使用). A clause holding the date
    alone (截至2023年12月31日，…) reaches over the clause after it, the state at that date."""
    marks = [m.start() for m in CLAUSE_MARK_RE.finditer(plain)]
    lo = max((i for i in marks if i < start), default=-1) + 1
    ends = [i for i in marks if i >= end]
    hi = ends[0] if ends else len(plain)
    if ends and len(plain[lo:start].strip()) + len(plain[end:hi].strip()) <= DATE_CLAUSE_CHARS:
        hi = ends[1] if len(ends) > 1 else len(plain)
    return plain[lo:hi]


# --- deadline_actual -------------------------------------------------------------------

def _check_deadline_actual(doc, rule, year):
    cues = rule.params["timeliness_cues"]
    for table in doc.tables:
        # a cell holding a cue puts it in the table's text: a table without any is skipped whole
        whole = "".join(c.text for row in table.rows for c in row)
        if not any(cue in whole for cue in cues):
            continue
        for row in table.rows:
            if not any(cue in c.text for c in row for cue in cues):
                continue
            dated = [(c, [int(y) for y in DATE_IN_CELL_RE.findall(normalize_digits(c.text))]) for c in row]
            dated = [(c, ys) for c, ys in dated if len(ys) == 1]
            # the target comes first (年度指标值), the actual after it (实际完成值)
            if len(dated) < 2 or dated[0][1][0] != year:
                continue
            target = dated[0][0]
            for cell, (stated,) in dated[1:]:
                if stated == year or _target_column(table, target, cell, rule.params["target_head_words"],
                                                    rule.params["target_heads"]):
                    continue  # (a 中期指标值 beside the year's: a later target, no date it was done)
                yield _hit(cell.text.strip(), cell.loc, stated, year, "时效指标的完成时间",
                           f"时效指标目标为“{target.text.strip()}”（{year} 年），实际完成时间却写作 {stated} 年")


def _target_column(table, target, cell, words: list[str], heads: list[str]) -> bool:
    """The cell's column is headed as a target (中期指标值, 目标值), not what was done: its head in the
    table's header row nearest above, the row whose cell over the target names it as one (年度指标值,
    指标值: `heads`; not a row of qualitative targets, 符合设计标准 | 按计划标准完成)."""
    at, col = target.loc.col - 1, cell.loc.col - 1
    for r in reversed(table.rows[:cell.loc.row - 1]):
        head = compact(r[at].text) if at < len(r) else ""
        if head and any(head.endswith(h) for h in heads):
            return col < len(r) and any(w in compact(r[col].text) for w in words)
    return False


# --- signature_date --------------------------------------------------------------------

def _check_signature_date(doc, rule, year):
    pattern = re.compile(rule.params["date_pattern"])
    context = re.compile(rule.params["date_context"])
    kind = doc.meta.get("report_type")
    plan = _report_kind(doc, "looks_ahead")
    # a plan (部门预算) is signed the year before or early in its own; a report on a year after
    # it, in that year's last month at the earliest, unless it is made during the year (运行监控)
    low, high = (year - 1, year) if plan else (year, year + 1)
    why = (f"{year} 年预算在该年之前或年初编制，签署或填报日期应在 {low} 年或 {high} 年" if plan
           else f"报告年度为 {year}，签署或填报日期应在 {year} 年或其后一年（{year + 1} 年）")
    if kind is None:
        # (a document of no kind the vocabulary knows may look ahead at its year or back on it:
        # only a date two years or more from it is out of place)
        low, high = year - 1, year + 1
        why = f"报告年度为 {year}，签署或填报日期应在 {low}—{high} 年之间"
    # (a report on part of its year, 2024年1-9月…执行情况分析, is made during the year as 运行监控 is)
    in_year = plan or kind is None or _report_kind(doc, "in_year") or bool(doc.meta.get("elapsed_months"))
    for _, shown, loc, m in _signature_dates(doc, pattern, context):
        stated = int(m.group(1))
        month = int(re.findall(r"\d{1,2}", m.group(0)[len(m.group(1)):])[0])
        early = not in_year and stated == year and month < rule.params["earliest_month"]
        if low <= stated <= high and not early:
            continue
        quote = shown[m.start():m.end()]
        if early:  # 2024年3月18日 on a 2024 report: last year's template's date, most likely
            yield _date_hit(quote, loc, f"{year} 年末之后的日期（多为 {year + 1} 年）",
                            f"报告年度为 {year}，报告在年度结束后出具；{year} 年 {month} 月的落款多为沿用上一年模板",
                            f"{stated} 年 {month} 月（报告年度结束之前）", year)
        else:
            yield _date_hit(quote, loc, f"{low} 或 {high} 年的日期", why, f"{stated} 年", year)


def _others_date(before: str, words: tuple[str, ...]) -> bool:
    """The context word's own clause names another document's signing (租赁合同签署日期, 协议签订日期): its
    date, not the report's (…根据施工合同填写，填报日期…: the clause before names the contract, not the date)."""
    clause = PHRASE_BREAK_RE.split(before)[-1]
    return any(w in clause for w in words)


def _signature_dates(doc, pattern, context):
    """(plain text, printed text, location, date match) of each date the report signs or files
    itself with: a paragraph that is the date alone or states it after a context word (填报日期：),
    not one naming another document signed (租赁合同签署日期: vocabulary.yaml other_document_words),
    and a form's cell doing the same or standing right after a cell of the context word alone
    (填报日期 | 2025年3月18日)."""
    others = tuple(vocabulary().get("other_document_words") or ())
    unit = re.sub(r"\s", "", doc.meta.get("unit_name") or "")
    for text, shown, source, before, matches in _dates_found(doc, pattern):
        if before is None:  # (a paragraph)
            for m in matches:
                if len(text.strip()) <= len(m.group(0)) + 2 or (context.search(text[:m.start()]) and not _others_date(
                        text[:m.start()], others)) or _signed_by_unit(text, m, unit):
                    yield text, shown, source.loc, m
            continue
        m = matches[0]
        if (context.search(text[:m.start()]) and not _others_date(text[:m.start()], others)) or (
                context.search(before) and len(before.strip()) <= 8 and not _others_date(before, others)
                and len(text.strip()) <= len(m.group(0)) + 2):
            yield text, shown, source.loc, m


def _dates_found(doc, pattern: re.Pattern) -> list[tuple]:
    """(text its dates are read in, text quoted, the paragraph or cell, the text of the nearest cell
    before it in its row holding any — None for a paragraph —, the date pattern's matches: all of a
    paragraph's, a cell's first) of every paragraph and table cell the pattern matches in (a cell
    makes its location when first asked: read it only for a date). Kept per document and pattern:
    two rules, signature_date and event_after_report, read the dates of one pattern each with their
    own context words, and every cell but a few holds none."""
    kept = doc.__dict__.setdefault("_dates_found", {})
    key = (len(doc.blocks), pattern.pattern, pattern.flags)  # (blocks added since: read again)
    found = kept.get(key)
    if found is not None:
        return found
    found = kept[key] = []
    cells = _cell_dates(pattern)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text, shown = _dated(block.plain, block.text)
            matches = list(pattern.finditer(text))
            if matches:
                found.append((text, shown, block, None, matches))
        elif isinstance(block, Table):
            for row in block.rows:
                for k, cell in enumerate(row):
                    # (a kept cell's answer read at once: a tuple, never empty; remember_short keeps a new one)
                    text, shown, m = cells.get(cell.text) or remember_short(cells, cell.text, _cell_date, pattern)
                    if m is not None:
                        before = next((c.text for c in reversed(row[:k]) if c.text.strip()), "")
                        found.append((text, shown, cell, before, [m]))
    return found


@lru_cache(maxsize=8)
def _cell_dates(pattern: re.Pattern) -> dict:
    """{a cell's text: _cell_date of it} for one date pattern (a memo for remember_short: a
    function of the text and the pattern alone, cells repeat across a document and a batch)."""
    return {}


def _cell_date(raw: str, pattern: re.Pattern) -> tuple:
    """(text a cell's dates are read in, text quoted, the pattern's first match in it or None)."""
    text, shown = _dated(normalize_digits(raw), raw)
    return text, shown, pattern.search(text)


def _dated(plain: str, printed: str) -> tuple[str, str]:
    """(the text its dates are read in, the text quoted): as printed, or both with the dates in
    Chinese numerals written in digits (二〇二五年三月十日 → 2025年3月10日: positions change)."""
    text = arabic_dates(plain)
    return text, (printed if text == plain else text)


def _signed_by_unit(text: str, m: re.Match, unit: str) -> bool:
    """A line that is the unit's name and a date (岚山市档案馆　2025年3月10日): its signature."""
    return bool(unit) and not text[m.end():].strip(" 。.\u3000") and re.sub(r"\s", "", text[:m.start()]) == unit


def _date_hit(quote: str, loc, expected: str, formula: str, stated_year: str, year: int) -> Hit:
    return Hit(quote=quote, location=loc, stated=quote, expected=expected, formula=formula,
               fields={"year": stated_year, "report_year": str(year), "what": "签署或填报日期"})


# --- event_after_report ------------------------------------------------------------------

YEAR_MONTH_RE = re.compile(r"((?:19|20)(?<![\d〔\[【]..)\d\d)\s*年\s*(\d{1,2})\s*月")
# (the date may stand in a clause of its own before what was done: 2025年10月，项目完成验收)
EVENT_CLAUSE_RE = re.compile(r"[^；;。！？!?]+")


def _check_event_after_report(doc, rule, year):
    """A thing told as done (2025年10月，项目完成竣工验收) at a date the report could not have seen:
    after the date it is signed on, or, unsigned, two years or more after the year it reports on
    (a report on a year is written early in the next). A plan, a deadline or a section titled with
    future words (下一步, 计划) or a later year looks ahead by right. Each date is judged by the words after it
    up to the next date (2024年3月开工，2026年12月通过验收: the second is the one done)."""
    params = rule.params
    if _report_kind(doc, "looks_ahead"):
        return
    span = _title_span(doc, year)
    if span and span[0] == year:
        return  # (a plan titled by its span, 2025—2027年…规划: its later years' events are its targets)
    signed = _signed_on(doc, rule)
    ahead = tuple(params["future_cues"] + params["deadline_words"] + params["plan_words"])
    for sentence, _ in _sentences_with_starts(doc):
        text = sentence.plain
        if "月" not in text or _later_section(sentence.loc, year) \
                or any(w in (sentence.loc.section or "") for w in params["future_cues"]):  # (下一步工作计划)
            continue
        for clause in EVENT_CLAUSE_RE.finditer(text):
            words = clause.group(0)
            if any(w in words for w in ahead):
                continue
            dates = list(YEAR_MONTH_RE.finditer(words))
            for k, m in enumerate(dates):
                told = words[m.end():dates[k + 1].start() if k + 1 < len(dates) else len(words)]
                when = (int(m.group(1)), int(m.group(2)))
                cited = words[:m.start()].count("《") > words[:m.start()].count("》")  # (a title's date)
                if cited or not any(w in told for w in params["completion_words"]) or not (
                        (signed is not None and when > signed) or (signed is None and when[0] >= year + 2)):
                    continue
                bound = f"报告落款 {signed[0]} 年 {signed[1]} 月" if signed else f"报告年度 {year} 年的次年"
                yield Hit(quote=words.strip()[:60], location=sentence.loc, stated=m.group(0),
                          expected=f"不晚于{bound}",
                          formula=f"句中写已于 {m.group(0)} 完成的事，晚于{bound}：报告出具时尚未发生，年份应有误",
                          fields={"year": m.group(1), "report_year": str(year), "what": "已完成事项的日期"})


def _signed_on(doc, rule) -> tuple[int, int] | None:
    """(year, month) of the one date the report is signed or filled in on, if it has one."""
    pattern = re.compile(rule.params["date_pattern"])
    context = re.compile(rule.params["date_context"])
    dates = {(int(m.group(1)), int(re.findall(r"\d{1,2}", m.group(0)[len(m.group(1)):])[0]))
             for _, _, _, m in _signature_dates(doc, pattern, context)}
    return dates.pop() if len(dates) == 1 else None


# --- self_comparison -------------------------------------------------------------------

# a year given its value at once (2023年为812.40万元, 2023年度是…): a figure named by its year alone;
# not its months or days (2024年1-12月, 2024年3月底)
BASE_VALUE_RE = re.compile(r"\s*年度?\s*(?:为|是|达|共)?\s*(?![\d０-９]{1,2}\s*(?:[-－—~～至到]\s*[\d０-９]{1,2}\s*)?[月日号])[\d０-９]")


def _check_self_comparison(doc, rule, year):
    """A figure of one year compared with that same year (2024年上线率82.6%，较2024年提高3.1个
    百分点): the year compared with is another, most likely the one before."""
    pattern = re.compile(rule.params["self_comparison_pattern"])
    opening = re.compile(rule.params["opening_comparison_pattern"]) if rule.params["opening_comparison_pattern"] else None
    same_span = re.compile(rule.params["same_span_pattern"]) if rule.params["same_span_pattern"] else None
    before: list[str] = []  # the years the sentence before states (in the same paragraph)
    earlier: set[str] = set()  # the years the paragraph's sentences before state
    now_words = tuple(rule.params["writing_time_words"])
    for sentence, first in _sentences_with_starts(doc):
        text = sentence.plain
        # (a four-digit year is one before 年: a text without 年 names none)
        years, before = FOUR_DIGIT_YEAR_RE.findall(text) if "年" in text else [], [] if first else before
        earlier = set() if first else earlier | set(before)
        if opening is not None and len(set(before)) == 1:
            m = opening.match(text)
            if m and m.group(1) == before[0] == str(year) and set(years) == {before[0]}:
                # (2024年度…支出1,121.21万元。与2024年度相比，…增加56.06万元: the report's year,
                # stated by the sentence before, compared with itself; 上年…2023年…。与2023年度相比
                # compares last year's figure, told before, with this year's)
                yield _compared_with_itself(sentence, text[m.start():m.end()], int(m.group(1)), year)
        before = years
        if "年" not in text:
            continue
        if same_span is not None and set(years) == {str(year)} and earlier <= {str(year)} \
                and not any(w in text for w in now_words) \
                and set(FOUR_DIGIT_YEAR_RE.findall(sentence.loc.section or "")) <= {str(year)}:
            # (not a span another year names in the paragraph before, 2025年1-2月，…。1-2月收入…较
            # 2024年同期, or in the section's heading, 五、2025年1-3月预算执行情况; nor one of the time
            # of writing, 今年1-2月 in a report written the year after)
            m = same_span.search(text)
            if m and m.group(1) == str(year) and not _in_citation(text, m.start(1)):
                # (上半年累计支出5,398.50万元，较2024年同期多支出… in a 2024 report: the half year
                # of 2024 compared with itself; 2025年1-3月…较2024年同期 names the later span)
                yield _compared_with_itself(sentence, text[m.start():m.end()], year, year)
                continue
        for m in pattern.finditer(text):
            stated = int(m.group(1))
            if RANGE_AFTER_RE.match(text[m.end(1):]) or any(
                    int(y) != stated for y in FOUR_DIGIT_YEAR_RE.findall(text, m.end(1), m.end())):
                continue  # (2021年至2025年，…2025年…比2021年: the figure's year is the nearest, 2025)
            if BASE_VALUE_RE.match(text, m.end(1)) and any(
                    int(y) > stated for y in FOUR_DIGIT_YEAR_RE.findall(text, 0, m.start(1))):
                # (2024年支出738.70万元，2023年为812.40万元，比2023年少…: a later year states the
                # figure compared; this one, its value given at once, is its base, then compared with.
                # 截至2025年3月底，2024年完成…，比2024年增加: no base, the year compared with itself)
                continue
            yield _compared_with_itself(sentence, sentence.text[m.start():m.end()], stated, year)


def _check_later_comparison(doc, rule, year):
    """A figure of one year compared with a later year (2016年…机关运行经费预算138.45万元，较2025年
    增加3.05万元, in a 2026 budget): a change is told on an earlier year; the stated year is the slip
    (or the one compared with). Not a year given its value at once and set against a later one
    named before (2024年支出738.70万元，2023年为812.40万元，比2024年多…), nor a span (2021年至2025年)."""
    pattern = re.compile(rule.params["later_comparison_pattern"])
    unyeared = re.compile(rule.params["unyeared_comparison_pattern"]) if rule.params["unyeared_comparison_pattern"] else None
    plans = tuple(rule.params["plan_words"])
    for sentence, _ in _sentences_with_starts(doc):
        text = sentence.plain
        if "年" not in text:
            continue
        m = unyeared.search(text) if unyeared is not None else None
        if m and int(m.group(1)) > year and not FOUR_DIGIT_YEAR_RE.search(text, 0, m.start()) \
                and not any(w in text for w in plans):
            # (no year of its own before the comparison, nor a plan's words: the report year's figure)
            later = int(m.group(1))
            yield Hit(quote=sentence.text[max(0, m.start() - 30):m.end()].strip(), location=sentence.loc,
                      stated=f"{later} 年", expected=f"早于 {year} 年的年度",
                      formula=f"本句未写年度，陈述的是报告年度 {year} 年的情况，却与更晚的 {later} 年比较",
                      fields={"year": str(year), "later": str(later), "report_year": str(year), "what": "比较的年份"})
            continue
        for m in pattern.finditer(text):
            stated, later = int(m.group(1)), int(m.group(2))
            if later <= stated or RANGE_AFTER_RE.match(text[m.end(1):]) or BASE_VALUE_RE.match(text, m.end(1)) \
                    or any(int(y) not in (stated, later) for y in FOUR_DIGIT_YEAR_RE.findall(text, m.end(1), m.start(2))):
                continue
            yield Hit(quote=sentence.text[m.start():m.end()].strip()[:80], location=sentence.loc,
                      stated=f"{stated} 年", expected=f"早于 {later} 年的年度与 {later} 年相比，或 {later} 年以后的年度",
                      formula=f"本句陈述 {stated} 年的情况，却与更晚的 {later} 年比较：增减应是相对于更早的年度",
                      fields={"year": str(stated), "later": str(later), "report_year": str(year), "what": "比较的年份"})


def _compared_with_itself(sentence, quote: str, stated: int, year: int) -> Hit:
    # (the words comparing, as printed: from the last comparing word before the year compared with)
    found = [m.start() for m in lexicon().comparison.finditer(quote, 0, max(0, quote.rfind(str(stated))))]
    compared = quote[found[-1]:].strip() if found else f"与 {stated} 年相比"
    return Hit(quote=quote.strip()[:80], location=sentence.loc, stated=f"{stated} 年", expected=f"{stated - 1} 年",
               formula=f"本句陈述 {stated} 年的情况，又与 {stated} 年比较：所比的应是另一年（通常为 {stated - 1} 年）",
               fields={"year": str(stated), "report_year": str(year), "what": "比较的年份", "compared": compared[:24]})



def _sentences_with_starts(doc) -> list[tuple]:
    """(sentence, whether it opens its block): each block's sentences in order, a heading as one
    sentence. Listed once per document (self_comparison, later_comparison and event_after_report
    read them all; a heading's sentence and its plain text are made once); callers only read it."""
    kept = doc.__dict__.get("_period_sentences")
    if kept is None or kept[0] != len(doc.blocks):  # (again only if blocks were added since)
        listed = []
        for block in doc.blocks:
            if isinstance(block, Paragraph):
                listed += [(sentence, k == 0) for k, sentence in enumerate(block.sentences)]
            elif isinstance(block, Heading):
                listed.append((Sentence(block.text, block.loc), True))
        kept = doc.__dict__["_period_sentences"] = (len(doc.blocks), listed)
    return kept[1]


# --- outturn_column -------------------------------------------------------------------

def _check_outturn_column(doc, rule, year):
    """A table column headed with an outturn of a year after the report's (2025年决算数 in a 2024
    final account): no year's outturn is known before the year is over."""
    if _report_kind(doc, "looks_ahead") or _report_kind(doc, "in_year"):
        return
    pattern = re.compile(rule.params["outturn_head_pattern"]) if rule.params["outturn_head_pattern"] else outturn_head_re()
    for rows in _header_texts(doc):
        for row in rows:
            for cell, head in row:
                m = pattern.fullmatch(head)
                if m and int(m.group(1)) > year:
                    yield _hit(cell.text.strip(), cell.loc, int(m.group(1)), year, "表格列头的决算年度",
                               f"报告年度为 {year}，列头“{cell.text.strip()}”是 {m.group(1)} 年的决算，该年尚未结束")


# --- comparison_base ---------------------------------------------------------------------

HEADER_ROWS = 3  # the rows of a table read as its header (column heads over one or two rows)


def _check_comparison_base(doc, rule, year):
    """A year-on-year comparison whose base names another year than the report's year − 1: the
    base is the year before (the table or the text shows the comparison is the usual one), so
    the year named is the slip."""
    yield from _base_columns(doc, rule, year)
    yield from _base_in_text(doc, rule, year)
    yield from _last_year_glossed(doc, rule, year)


def _last_year_glossed(doc, rule, year):
    """上年 glossed with its year in brackets (较上年（2023年）预算…) naming another year than the
    report's year − 1: the gloss contradicts the word it glosses."""
    yield from _glossed(doc, rule.params["glossed_last_year_pattern"], year, 1, "上年")


def _check_glossed_year(doc, rule, year):
    """本年 glossed with its year in brackets (本年（2023年）共举办…) naming another year than the
    report's: the gloss contradicts the word it glosses."""
    yield from _glossed(doc, rule.params["glossed_this_year_pattern"], year, 0, "本年")


def _glossed(doc, pattern: str, year: int, back: int, word: str):
    """A word for the year `back` years before the one its sentence is of, glossed with a year in
    brackets (`pattern`, group 1) naming another."""
    if not pattern:
        return
    pattern = re.compile(pattern)
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        for sentence in block.sentences:
            for m in pattern.finditer(sentence.plain):
                # (the year the sentence is of, named before the gloss: 2026年预算较上年（2025年）… in
                # a 2025 report is on 2025; else the report's)
                own = [int(y) for y in YEAR_NAMED_RE.findall(sentence.plain, 0, m.start())]
                of = own[-1] if own else year
                named = int(m.group(1))
                if named == of - back or (back == 0 and named == year):
                    continue  # (与2023年相比，本年（2024年）…: the year named before is compared with, not the sentence's)
                hit = _hit(sentence.text[m.start():m.end()], sentence.loc, named, year, f"括注的“{word}”",
                           f"{'报告' if of == year else '本句所述'}年度为 {of}，{word}应为 {of - back} 年，括注却写作 {named} 年")
                hit.expected = f"{of - back} 年"
                yield hit



def _base_columns(doc, rule, year):
    """A table heading two columns with years and one measure (2024年预算数 | 2026年预算数), the
    later the report's year, and a change column after them (增减额) whose rows are the later
    column less the earlier on most rows: a comparison with last year whose earlier head names
    another year."""
    pattern = re.compile(rule.params["year_head_pattern"])
    words = rule.params["change_head_words"]
    for table, rows in zip(doc.tables, _header_texts(doc)):
        heads = _year_heads(rows, pattern)
        if len(heads) != 2:
            continue
        # (the years in either order of columns, 2024年预算数 | 2026年预算数 or the report's year first:
        # sorted by year, the change column is checked as the later year's less the earlier's)
        (early, col_a, measure_a, cell), (late, col_b, measure_b, _) = sorted(heads, key=lambda h: (h[0], h[1]))
        if late != year or early in (year - 1, year) or measure_a != measure_b:
            continue
        changes = [c for c in _head_columns(table, words) if c > max(col_a, col_b)]
        if not any(_column_difference(table, col_a, col_b, c) for c in changes):
            continue
        hit = _hit(cell.text.strip(), cell.loc, early, year, "与本年比较的上年数列头",
                   f"“{cell.text.strip()}”与“{year}年”两列并列，其后增减列按两列之差填列，是与上年比较："
                   f"所比的应为 {year - 1} 年，此处写作 {early} 年")
        hit.expected = f"{year - 1} 年"
        yield hit


def _header_texts(doc) -> list[list[list[tuple[object, str]]]]:
    """Each table's header rows (its first HEADER_ROWS), each cell beside its text with digits made
    ASCII and white space dropped: read once per document (outturn_column and comparison_base both
    match every head), again only if blocks were added since; callers only read it."""
    kept = doc.__dict__.get("_period_header_texts")
    if kept is None or kept[0] != len(doc.blocks):
        texts = [[[(cell, SPACE_RE.sub("", normalize_digits(cell.text))) for cell in row]
                  for row in table.rows[:HEADER_ROWS]] for table in doc.tables]
        kept = doc.__dict__["_period_header_texts"] = (len(doc.blocks), texts)
    return kept[1]


SPACE_RE = re.compile(r"\s")


def _year_heads(rows: list[list[tuple[object, str]]], pattern: re.Pattern) -> list[tuple[int, int, str, object]]:
    """(year, column, measure, cell) of each header cell naming a year and a measure (`rows`: a
    table's, see _header_texts); a head repeated over the columns it spans (a merged cell each
    reader copies) counted once, at its first."""
    found = {}
    for row in rows:
        for k, (cell, head) in enumerate(row):
            m = pattern.fullmatch(head)
            if m:
                found.setdefault((int(m.group(1)), m.group(2)), (int(m.group(1)), k, m.group(2), cell))
    return list(found.values())


def _head_columns(table: Table, words: list[str]) -> list[int]:
    """The columns whose header cells hold a change word and name no year (比2024年增减 names its
    own base: a comparison made on purpose)."""
    return sorted({k for row in table.rows[:HEADER_ROWS] for k, cell in enumerate(row)
                   if any(w in compact(cell.text) for w in words) and not DATE_IN_CELL_RE.search(cell.text)})


def _column_difference(table: Table, a: int, b: int, c: int) -> bool:
    """Column c is column b less column a on more than half the rows printing all three, at least
    one: the change column compares those two columns (each figure within its print's half unit)."""
    holds = printed = 0
    for row in table.rows[1:]:
        figures = [parse_cell(row[k].text) if k < len(row) else None for k in (a, b, c)]
        if None in figures:
            continue
        printed += 1
        slack = sum((half_unit(q.places) for q in figures), Decimal(0))
        holds += abs(figures[1].value - figures[0].value - figures[2].value) <= slack
    return holds >= 1 and 2 * holds > printed


def _base_in_text(doc, rule, year):
    """A change in the text on a named year (较2024年预算减少952,600.00元) other than the year
    before the report's, where a table states the thing's figure this year and the year before
    (a column of year − 1 or of 上年, one measure) whose difference is the change, and no table
    states its figure of the year named: the comparison is with last year, misnamed."""
    compared = re.compile(rule.params["compared_year_pattern"])
    base = fact_base(doc)
    for change in base.facts:
        if change.source != "text" or change.measure != "变动额" or not change.sign or not change.is_money \
                or change.concept is None:
            continue
        m = compared.search(change.label)
        if m is None or int(m.group(1)) in (year - 1, year):
            continue  # (a comparison with the report's own year is PER007's, with a later one PER010's)
        named = int(m.group(1))
        if named > year and YEAR_TEXT_RE.search(change.label[:m.start()]):
            continue
        pair = _table_difference(base, change, year, named)
        if pair is None:
            continue
        current, prior = pair
        yield Hit(quote=change.quote.strip()[:80], location=change.loc, stated=f"{named} 年", expected=f"{year - 1} 年",
                  formula=f"所述{'增加' if change.sign > 0 else '减少'} {change.text} 等于表中本年数 {current.with_unit()} 与 {prior.header or '上年'} "
                          f"{prior.with_unit()} 之差，是与上年（{year - 1} 年）比较，文中却写与 {named} 年比较",
                  fields={"year": str(named), "report_year": str(year), "what": "增减所比的年度"},
                  highlights=[current.loc, prior.loc])


YEAR_TEXT_RE = re.compile(r"(?:19|20)\d\d\s*年")


def _table_difference(base, change, year: int, named: int):
    """(this year's, last year's) table figure of the change's concept, one measure, whose
    difference is the change (signed), last year's column naming year − 1 or no year; None where
    none is, or where a table names the year `named` for the concept (a comparison made on purpose)."""
    facts = [f for f in base.by_concept.get(change.concept, ()) if f.source == "table" and f.measure != "变动额"]
    if any(str(named) in f.header for f in facts):
        return None
    stated = change.sign * change.value
    for prior in (f for f in facts if f.period == PRIOR and f.unit == change.unit):
        years = {int(y) for y in DATE_IN_CELL_RE.findall(normalize_digits(prior.header))}
        if years - {year - 1}:
            continue
        for current in (f for f in facts if f.period == CURRENT and f.measure == prior.measure
                        and f.block == prior.block and f.unit == change.unit):
            slack = sum((half_unit(q.places) for q in (current, prior, change)), Decimal(0))
            if abs(current.value - prior.value - stated) <= slack:
                return current, prior
    return None


# --- deadline_target ---------------------------------------------------------------------

def _check_deadline_target(doc, rule, year):
    """In a plan, a timeliness row's target dated before the plan's year (时效指标 | 治理任务完成时间
    | 2024年11月底前 in a 2026 budget): a deadline already past when the plan is made, most likely
    last year's form kept. A span (2024—2026年) is a project's term, not a deadline."""
    if not _report_kind(doc, "looks_ahead"):
        return
    cues = rule.params["timeliness_cues"]
    for table in doc.tables:
        for row in table.rows:
            if not any(cue in c.text for c in row for cue in cues):
                continue
            for cell in row:
                text = normalize_digits(cell.text)
                if any(cue in text for cue in cues):
                    continue  # (the indicator's name, 2024年度完成时间, is no target)
                found = [m for m in DATE_IN_CELL_RE.finditer(text) if not RANGE_AFTER_RE.match(text[m.end(1):])]
                if len(found) != 1 or len(DATE_IN_CELL_RE.findall(text)) != 1 or int(found[0].group(1)) >= year:
                    continue
                stated = int(found[0].group(1))
                yield _hit(cell.text.strip(), cell.loc, stated, year, "时效指标的目标时间",
                           f"{year} 年的绩效目标中，时效指标的目标时间写作 {stated} 年，早于预算年度，已是过去的时间")


def _check_repeated_year_head(doc, rule, year):
    """A table's last header row naming one period twice (规划目标 | 2024年完成 | 2024年完成 | 累计完成
    in a 2024—2026 review), figures under both heads in the row below: one column's year is
    wrong (the years run on: 2024, 2025). A head a merged cell copies over its columns has sub-heads
    below it, no figures, and stays quiet."""
    for table in doc.tables:
        grid = table.grid()
        for r in range(min(HEADER_ROWS, len(grid) - 1)):
            below = grid[r + 1]
            seen: dict[str, int] = {}
            for k, text in enumerate(grid[r]):
                head = SPACE_RE.sub("", normalize_digits(text))
                if k < len(below) and below[k].strip() and not FIGURE_CELL_RE.fullmatch(below[k].strip()):
                    seen = {}  # (a label column: 收入项目 | 2024年预算数 | 支出项目 | 2024年预算数, each side on its own)
                    continue
                if not YEAR_HEAD_IN_RE.search(head) or k >= len(below) or not FIGURE_CELL_RE.fullmatch(below[k].strip()):
                    continue
                if head in seen:
                    cell = table.rows[r][k]
                    years = sorted({int(y) for y in YEAR_HEAD_IN_RE.findall(head)})
                    yield Hit(quote=cell.text.strip(), location=cell.loc, stated=f"{years[0]} 年",
                              expected="另一年度",
                              formula=f"表头第 {seen[head] + 1} 列与第 {k + 1} 列都写作“{cell.text.strip()}”，其下都是数字：同一表头两列年度相同，其中一列的年度应有误",
                              fields={"year": str(years[0]), "report_year": str(year), "what": f"表头“{cell.text.strip()}”"})
                    break
                seen[head] = k


def _check_swapped_year(doc, rule, year):
    """A date whose year is the report year's (or the year before's or after's) with two adjacent
    digits swapped (2042年12月31日 in a 2024 report; 2204年), far from any year the report is about
    (more than `swap_min_gap` years off): a typing slip of the year, not a date of the report's."""
    if _report_kind(doc, "looks_ahead"):
        return  # (a plan over years, a bond's term: 2042年12月 may be its own date)
    near = (year - 1, year, year + 1)
    swapped = {}
    for y in near:
        digits = str(y)
        for k in range(3):
            other = int(digits[:k] + digits[k + 1] + digits[k] + digits[k + 2:])
            if other != y and abs(other - year) > rule.params["swap_min_gap"]:
                swapped.setdefault(other, y)
    if not swapped:
        return
    for text, source in document_texts(doc):
        if "年" not in text and "." not in text and "．" not in text:
            continue
        plain = normalize_digits(text)
        for m in DATED_YEAR_RE.finditer(plain):
            stated = m.group(1) or m.group(2)
            meant = swapped.get(int(stated))
            if meant is None or any(w in _clause_around(plain, m.start(), m.end()) for w in rule.params["term_words"]) \
                    or RANGE_END_BEFORE_RE.search(plain, max(0, m.start() - 3), m.start()):
                continue  # (a bond's maturity, a lease's end: 将于2042年12月到期, 租期2022年7月—2032年6月)
            quote = m.group(0)
            yield Hit(quote=quote, location=source.loc, stated=f"{stated} 年", expected=f"{meant} 年",
                      formula=f"“{quote}”的年份 {stated} 与报告年度 {year} 相去甚远，恰是 {meant} 两位数字颠倒",
                      fields={"year": stated, "report_year": str(year), "what": f"日期“{quote}”的年份"})


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause (between PHRASE_BREAK_RE's breaks) holding text[start:end]."""
    before = [m.end() for m in PHRASE_BREAK_RE.finditer(text, 0, start)]
    after = PHRASE_BREAK_RE.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]


# the breaks of a clause the period checks read a word in (not a colon: 签署日期：… is one clause)
PHRASE_BREAK_RE = re.compile(r"[，,；;。]")


# a year with its month, a date: YEAR_MONTH_RE's, its document-number guard kept (〔2024〕), widened to
# the 22XX a swap of 20XX's digits gives (2204年)
DATED_YEAR_RE = re.compile(r"((?:19|20|22)(?<![\d〔\[【]..)\d\d)\s*年\s*\d{1,2}\s*月"
                           r"|(?<![\d.．])((?:19|20|22)\d\d)[.．](?:0?[1-9]|1[0-2])[.．](?:0?[1-9]|[12]\d|3[01])(?![\d.．])")  # (or dotted: 2042.12.31)
# a range's joiner right before a date: the date ends a span of its own (租期2022年7月—2032年6月; 自…起至…; not 截至)
RANGE_END_BEFORE_RE = re.compile(r"(?:[—－～~\-]|(?<!截)至)\s*$")
YEAR_HEAD_IN_RE = re.compile(r"((?:19|20)\d\d)年")
FIGURE_CELL_RE = re.compile(r"-?[\d,，]+(?:\.\d+)?%?")


CHECKS = {
    "swapped_year": _check_swapped_year,
    "repeated_year_head": _check_repeated_year_head,
    "comparison_base": _check_comparison_base,
    "deadline_target": _check_deadline_target,
    "outturn_column": _check_outturn_column,
    "self_comparison": _check_self_comparison,
    "later_comparison": _check_later_comparison,
    "event_after_report": _check_event_after_report,
    "activity_year": _check_activity_year,
    "report_title_year": _check_report_title_year,
    "table_period": _check_table_period,
    "year_end": _check_year_end,
    "deadline_actual": _check_deadline_actual,
    "signature_date": _check_signature_date,
    "glossed_year": _check_glossed_year,
}
