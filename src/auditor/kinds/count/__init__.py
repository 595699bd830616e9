"""Kind `count`: stated counts against what they count.

Sub-checks (param `check`), each a function in CHECKS:
- enumeration: “内设科室 N 个，分别为：A、B、C。” — N against the items listed with it, inline
  (、 ； ， or quoted items, or numbered items 1. 2. 3.) or as the numbered paragraphs that
  follow a sentence ending in “如下：”.
- breakdown: “共设置三级指标 N 个，其中产出指标 a 个、效益指标 b 个…” — N against the sum of the
  counts it is broken into.
- indicator_rows: “共设置 N 个绩效指标”, and the category counts broken out of it, against the
  indicator rows (per category) of the score table the sentence describes.
- restated_total: “共涉及项目 N 个” without a list of its own, against the one complete list of
  the same thing in the same section (“本年共安排项目 M 个，分别为：……”).
- status_split: a total split by status (共有项目 N 个，其中完成 a 个、未完成 b 个): with done and
  undone both stated the parts add up to N; otherwise they do not exceed it.

A count is checked only when what it counts is complete and unambiguous: a list ending in 等
or …, a list whose items hold counts of their own, a count of something other than items
(“团组 11 个、55 人次” is two facts), or several candidate tables, keep the check quiet.
All matching runs over one logical paragraph at a time with anchored, linear patterns, and the
work per stated count is bounded: a list is read from at most MAX_LIST_CHARS of its sentence and
stops at the first item that already rules the list out (too long, or holding a count of its own),
sentence ends are looked up in a per-passage index, a breakdown has at most MAX_BREAKDOWN_PARTS
parts; a sentence of thousands of counts costs linear time, not quadratic.

The sub-checks live in this package, one module per check: enumeration.py (and lists.py, the
items of a list read inline or as numbered paragraphs), breakdown.py, indicator_rows.py,
restated_total.py and status_split.py; passages.py holds what they all read: the logical
paragraphs, the counts stated in them, the words around a count and the clauses of a sentence.
"""
from __future__ import annotations

import re

from .passages import measured
from .enumeration import check_enumeration
from .breakdown import check_breakdown
from .indicator_rows import check_indicator_rows
from .restated_total import check_restated_total
from .status_split import check_status_split


KIND = "count"
PARAMS = {
    "check": (str, None),
    # a stated count: a number and a classifier for items
    "count_pattern": (str, r"(?=[\d一二两三四五六七八九十])(?<![\d.第])(\d+|[一二两三四五六七八九十]{1,3})\s*(个|项|家|所|处|座|支|条)"),
    # what may stand between the count and its list: a noun, a parenthesis, a comma
    "introducers": (list, ["分别为", "分别是", "分别有", "具体包括", "具体为", "具体是", "具体如下", "如下",
                           "包括", "包含", "即"]),
    # introducers that need a colon or a quote right after them to open a list
    "weak_introducers": (list, ["为", "有", "是"]),
    # an introducer naming again the thing counted, a colon after it (5个项目实行…，具体项目为：…): the
    # pattern's group `noun` must open the count's noun; read as 具体为
    "noun_introducer_pattern": (str, ""),
    # introducers opening the sentence after a count's, a colon after them (6个。具体包括：…)
    "sentence_introducers": (list, []),
    # words closing a passage whose one count the numbered paragraphs after it list (…，具体如下：)
    "closing_introducers": (list, []),
    # words of such a closing clause naming no thing (具体情况如下, 现将有关情况汇报如下); other words name
    # the things listed (主要目标如下), which must be the count's for the paragraphs to be its items
    "closing_generic_words": (list, []),
    # the finding's words: a count's classifier as said (四方面 as 4 个方面), and the thing named
    # where the words name none (5 个项目)
    "shown_units": (dict, {}), "default_subject": (str, ""),
    # classifiers of occasions (培训4期, 检查30次): such a count is a list's only where the
    # introducer names the occasions one by one (分别是, a colon), not where it lists kinds
    # (检查30次，包括日常检查、专项检查: three kinds of 30 checks)
    "occasion_classifiers": (list, []),
    # a bracketed item holding a count (数量指标3个, 质量指标二个): a breakdown's item, no name
    "breakdown_item_pattern": (str, ""),
    # classifiers that name what they count (6大类): no noun after them needed
    "self_naming_classifiers": (list, []),
    "occasion_introducers": (list, []),
    # a clause starting with one of these ends a list separated by ， or ；
    "tail_cues": (list, ["均", "都", "共", "累计", "合计", "总计", "以上", "其中", "全部", "已", "主要", "经", "截至", "本单位"]),
    # a list ending in one of these is incomplete
    "incomplete_marks": (list, ["等", "…", "...", "若干"]),
    # nor is a list whose last item starts with one of these
    "incomplete_starts": (list, ["其他", "其它"]),
    "conjunctions": (list, ["和", "及", "与", "以及"]),
    # classifiers counting kinds (3类, 3种): said as such in the finding
    "kind_classifiers": (list, []),
    # a count of kinds with a noun after it (4类业务培训) is a list's only after one of these, and
    # only when it counts two or more (一类疫苗, 二类事业单位 name a class, they count nothing)
    "kind_noun_introducers": (list, []),
    # conjunctions that carry a list over a comma to its last item (A、B、C，以及D)
    "comma_conjunctions": (list, []),
    # words of a clause, not a name, after such a conjunction (因, 未, 尚: 以及部分村组因资金未到位…)
    "clause_words": (list, []),
    # an amount closing a listed item (A项目320.00万元, B项目（资金180.00万元）): no part of its name
    "item_amount_pattern": (str, "(?!)"),
    "max_item_chars": (int, 40),
    # the words right before a count after which the noun it counts stands (共安排项目3个 -> 项目; the
    # verbs of holding an event, 全年组织阅读推广活动共6场 -> 阅读推广活动); the last found is cut at
    "noun_cues": (list, ["分别是", "分别为", "设置", "设", "安排", "涉及", "实施", "开展", "组织", "举办", "召开",
                         "总共", "一共", "共有", "共计", "共", "有", "其中", "为", "的"]),
    "max_item_chars_strict": (int, 15),
    # a numbered item (一是……；二是……) may be a sentence or two; one longer than this is no item
    # of a list the count could be checked against (and the reading stops: its work is bounded)
    "max_numbered_item_chars": (int, 200),
    # words of prose, not of names: after a bare colon they say the text is no list
    "prose_marks": (list, ["了", "着", "过", "的", "在", "对", "将", "把", "被"]),
    # a list written before its count: “A、B、C 共 3 个”; after 等 the count may be larger
    "sum_particles": (list, ["共计", "合计", "共", "这", "计", "等"]),
    "open_particles": (list, ["等"]),
    # nouns that are counted but never listed as items
    "not_items": (list, ["百分点", "工作日", "月", "小时", "人次", "次"]),
    # a noun on the last item of a list before its count only (产出、效益指标共11个, 中央、省级资金):
    # the list names kinds of it, and the count may be of the things, not of the kinds
    "kind_nouns": (list, []),
    # a list before its count with no particle (内设办公室、财务股、综合股 3 个股室): only right after
    # one of these words, which take a list of named things as their object; the count is then of
    # those things unless its noun counts occasions (培训干部、职工 3 个批次)
    "list_openers": (list, []),
    # …of which these take a list a bare count may close (包括A、B及C 3项。): the count sums it
    "closing_list_openers": (list, []),
    "occasion_nouns": (list, []),
    # the endings of a unit's name (科, 股, 中心 …): see two_items
    "unit_endings": (list, []),
    # words naming a class of units, not one (各, 所属, 区属): a list's one such item counts no units
    "collective_words": (list, ["各", "属", "全部", "所有", "等"]),
    # the conjunctions that join words inside one unit's name (法规与标准科), not two items
    "name_conjunctions": (list, []),
    # breakdown: markers between a count and its parts; exhaustive ones say the parts are all of it
    "breakdown_markers": (list, ["其中", "分别是", "分别为", "包括", "含"]),
    "exhaustive_markers": (list, ["分别是", "分别为"]),
    # kinds of things whose named sub-kinds never overlap (indicator categories)
    "partition_suffixes": (list, ["指标"]),
    "level1_categories": (list, ["产出指标", "效益指标", "满意度指标", "成本指标", "决策指标", "过程指标"]),
    # first-level categories another one's sub-kinds may include too (成本指标 under 产出指标 in the
    # older sets): after that one's sub-kinds in its breakdown, a part of it, no sibling
    "nested_level1_categories": (list, []),
    # …unless words set it apart before it (另设成本指标1个)
    "apart_words": (list, []),
    # a category -> all its sub-kinds: a 其中 list naming every one of them is the whole of it
    "complete_subkinds": (dict, {}),
    # how indicator categories of any level end (社会效益指标): a first level ending otherwise
    # (预算执行) is an item of its own
    "category_suffix": (str, "指标"),
    # this many distinct first-level categories cover the whole set of indicators
    "min_categories_exhaustive": (int, 3),
    # breakdown and indicator_rows: the measure words indicators are counted in (15个, 十三项);
    # {measure} in total_pattern stands for them, {numeral} for a Chinese numeral's character
    "measure_words": (list, ["个"]),
    # indicator_rows: the total of a score table's indicators
    "total_pattern": (str, r"(?:共设置|共设|共有|共计|设置了?)\s*(?:(?:三级|绩效)指标\s*(\d+|{numeral}+)\s*{measure}"
                           r"|(\d+|{numeral}+)\s*{measure}(?:三级|绩效)?(?:绩效)?指标)"),
    # a sentence with one of these speaks of the unit as a whole: its table's title says so too
    "whole_cues": (list, ["整体"]),
    # indicator_rows: words pointing a count to a table after it (如下, 下表): without them, a sentence
    # right under a score table speaks of that table, not of the next one
    "forward_words": (list, []),
    # a bracket right after the count naming what it includes (4个（含预算执行率）): the execution
    # rate it names, where no indicator row scores it, is counted in the form's funds block
    "included_pattern": (str, r"\s*[（(]\s*(?:含|包含|包括)(?P<items>[^（()）]{1,40})[）)]"),
    "appendix_pattern": (str, r"^\s*附件\s*\d+\s*$"),
    # restated_total: cues that make a count a total of a set
    "total_cues": (list, ["共", "共计", "合计", "总计"]),
    # or what follows the count makes it a whole the next clauses divide (“12个指标中，10个达到…”)
    "total_after": (str, r"\s*[\u4e00-\u9fa5]{0,8}?中\s*[，,：:]"),
    # words that may open a status count's clause after its 个 besides the status cues (9个已完成)
    "status_leads": (list, ["已", "均", "全部", "的"]),
    # a total of these nouns may not be smaller than the number of project forms attached
    "project_nouns": (list, ["项目"]),
    "project_name_labels": (list, ["项目名称"]),
    # status_split: clauses that count the done and the not-done part of a total (negatives first:
    # 未完成 holds 完成)
    "negative_cues": (list, ["未完成", "未达到", "未达标", "未实现", "没有完成", "尚未完成"]),
    "positive_cues": (list, ["完成", "达到", "达标", "实现"]),
    # a third status between them (部分整改, 正在整改): counted in the split when stated, checked
    # before the positive cues (部分整改 is no 整改完成)
    "partial_cues": (list, []),
    # a count of findings is a total when its clause says they were found (反映…86个问题, 查出问题12个)
    # and the finding's noun follows it
    "finding_cues": (list, []),
    "finding_nouns": (list, []),
    # words between a status word and its count naming nothing counted (完成的有6个, 未完成数量为2个)
    "status_fillers": (list, []),
}
MESSAGE_FIELDS = {"stated_count", "counted", "subject", "unit"}


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    for name in ("count_pattern", "total_pattern", "appendix_pattern", "total_after"):
        try:
            re.compile(measured(params[name], params) if name == "total_pattern" else params[name])
        except re.error as exc:
            return f"{name} 不是有效的正则表达式：{exc}"
    return None


def check(doc, rule):
    return CHECKS[rule.params["check"]](doc, rule)


CHECKS = {
    "status_split": check_status_split,
    "enumeration": check_enumeration,
    "breakdown": check_breakdown,
    "indicator_rows": check_indicator_rows,
    "restated_total": check_restated_total,
}
