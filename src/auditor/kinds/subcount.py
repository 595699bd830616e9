"""Kind `subcount`: a count and the counts of its kinds after 其中 or 分别为 in running text.

“共有车辆 3 辆，其中：一般公务用车 2 辆、执法执勤用车 2 辆”: kinds of one thing (their names end
alike: 用车, 编制, 职称; or differ only by the words of one classification: 小学, 初中, 高中) do not
overlap, so their counts cannot add up to more than the whole; after 分别为 / 分别是, or naming every
kind of a classification (男, 女), they are all of it and add up to it exactly. Counts of attributes that may overlap
(“职工 120 人，其中女职工 60 人、党员 80 人”: no common ending) are not compared. The parts are the
figures of the same unit that follow the marker, through clauses separated by ；, up to the first
figure of another unit or the full stop.
"""
from __future__ import annotations

import re

from ..facts.base import Fact, fact_base
from ..facts.lexicon import alternatives, lexicon
from ..facts.numbers import MONEY_UNITS, Quantity
from ..knowledge import compact, open_brackets
from .base import CHECKED, Hit, sum_check

KIND = "subcount"
# a division's basis and its verb (按品目分为, 划分为): the defaults of division_basis_pattern and
# division_words, and so of name_fillers, which leaves them out of a kind's name
DIVISION_BASIS = r"(?:按照|按)[\u4e00-\u9fff]{1,8}?"
DIVISION_WORDS = ("划分为", "分为")
PARAMS = {
    # between a count and its kinds: the kinds may leave some out (their sum may be smaller)
    "markers": (list, ["其中"]),
    # words closing a list of counts as their sum (…8个、改造4个，合计13个): the sum is exact
    "trailing_sum_words": (list, []),
    # …and the verbs that may stand between the sum word and its figure (合计流转)
    "sum_verbs": (list, []),
    # words ending the name of a staffing quota (编制数168人): a cap on a count, no count; among counts
    # of people (在职159人，离退休62人，合计221人) it is no item of their sum; unless one of
    # quota_counted_before stands right before them (占用编制人数45人 counts people)
    "quota_words": (list, []),
    "quota_counted_before": (list, []),
    # the kinds are all of it: their sum is the count
    "exhaustive_markers": (list, ["分别为", "分别是"]),
    # …unless the list ends saying others were left out (…4个等)
    "open_list_marks": (list, ["等", "…"]),
    # words right after the noun a count counts that open its kinds as 其中 does (5个项目中，评价为“优”的2个…)
    "within_markers": (list, []),
    # units that are no counts of things (rates, scores)
    "not_counts": (list, ["%", "‰", "分", "个百分点"]),
    # words opening a clause that says a thing of all the counted things (全部收回, 均已完工): such a
    # clause may stand between a count and the 其中 breaking it down
    "all_of_them_words": (list, []),
    # words of an average or a figure per one (平均年龄45.6岁, 人均): a measured quantity so named
    # is no whole its kinds add up to (whole counts are read whatever their words)
    "per_unit_words": (list, []),
    # …and words of a figure of each one, closing the label right before the figure (经营面积各2.5万亩,
    # 均为): not anywhere in it (在各乡镇完成…, 均衡)
    "per_one_tails": (list, []),
    # kinds of one thing share their last characters (一般公务用车, 执法执勤用车): at least these many
    "min_common_ending": (int, 2),
    # nouns after 其他 naming just the rest of the whole (其他人员, 其他单位)
    "generic_rest": (list, []),
    # words around the rest's noun saying all of it is meant (其余类别车辆均为…): see the rule file
    "rest_fillers": (list, []),
    # ...or one of these head nouns of places, which are of one kind each (a station is a 水位站
    # or a 雨量站, not both), when the whole's name holds it too (水文监测站点); people and
    # villages are left out: 寄宿生 and 贫困生, 脱贫村 and 重点村 overlap
    "place_heads": (list, []),
    # words opening a part that say it is besides the whole, not one of its kinds (另有公益性岗位人员8人)
    "besides_words": (list, ["另有", "另外", "此外", "另"]),
    # names of kinds written with another ending than their kind's (公务员 is a 公务人员 beside 事业人员)
    "ending_aliases": (dict, {}),
    # classifications whose kinds exclude one another, each the words of all its kinds ([男, 女],
    # [小学, 初中, 高中]): parts named alike but for a word of one of them are kinds of one thing
    # whatever their endings (小学28所、初中12所); all the words of one, of the whole's own thing, are
    # all of the whole (see _classified)
    "classifications": (list, []),
    # classifications (listed there too) whose kinds share out every thing of the whole: a person is
    # in post or retired, a project 纵向 or 横向 (see _classified): parts whose names open with all
    # its kinds, whatever nouns follow (在职教职工, 退休人员), are all of the whole
    "complementary": (list, []),
    # words of a whole's name that close a classification lying inside a wider one (小学, 初中, 高中
    # inside 幼儿园, 小学, 初中, 高中): only under such a whole (中小学校) do its kinds name all of it;
    # under another (各级各类学校 leaving out its kindergartens) they are a selection
    "narrower_wholes": (list, []),
    # characters between a part and what comes before it (the marker or the part before): its name
    # and a separator; more, and the figure is not the next item of the list (“分别为“招商引资”…”)
    "max_gap": (int, 16),
    # kinds ending so are counted by another rule (CNT002: indicator categories and their breakdowns)
    "left_to_others": (list, ["指标"]),
    # names opening with these count people or things by an attribute that cuts across the kinds
    # (女干部, 党员干部, 本年新购置公务用车): such parts may overlap the others
    "overlapping_prefixes": (list, ["女", "男", "党员", "少数民族", "新", "本年", "其中", "年内", "退役"]),
    # words saying that some of the counted things are of two kinds at once (同时包含货物和服务)
    "overlap_words": (list, []),
    # words that put a thing outside a whole so named (在职 … 离退休): a count after 其中 whose
    # name holds the second of a pair, under a whole whose name holds the first, is no kind of it
    # (在职职工132人，其中专业技术人员114人；离退休人员41人) and ends the list
    "contrary_words": (list, [["在职", "离退休"], ["在职", "退休"], ["在职", "离休"], ["在编", "编外"],
                              ["编制内", "编制外"]]),
    # words around a kind's name that are not the name (其中：, 分别为, 有, 为 …)
    "name_fillers": (str, rf"^(?:其中|分别为|分别是|包括|(?:{DIVISION_BASIS})?(?:{'|'.join(DIVISION_WORDS)})|[（(：:，,、；;\s])+"
                          r"|(?:共有|共|有|为|是|达|计|约)+$"),
    # the basis a division names between a count and its kinds (10个，按品目分为货物5个…), and the
    # words dividing (a marker too, exhaustive_markers)
    "division_basis_pattern": (str, DIVISION_BASIS), "division_words": (list, list(DIVISION_WORDS)),
    # the words leading into a list of kinds end so (自评等级为 优的…、良的…): what the first kind's
    # name holds before the words the others share
    "list_lead_words": (list, ["为", "是"]),
    # words of having or counting before the thing a total counts (…人民政府共有车辆): the
    # finding names the thing after the last of them
    "subject_after": (list, []),
    "subject_after_not_in": (list, []),  # longer words holding one of them (公共, 共同 hold 共)
    # a bracket right after a count opens the list of its kinds with no 其中 (共有车辆23辆（执法执勤
    # 用车15辆、…）) unless the words before its first figure hold one of these: a remark on the count,
    # what it includes or how it changed (（含本年新购置2辆）, （比上年增加2辆）, （同比增长5%）)
    "bracket_remark_words": (list, ["含", "包括", "较", "比", "同比", "增", "减", "占", "约", "折合", "即", "上年",
                                    "年", "其中", "分别"]),
}
MESSAGE_FIELDS = {"subject", "stated_count", "counted", "parts"}
SUM_TAIL_RE = re.compile(r"[为达约][为达约]*$")  # (not [..]+: a repeat opening a pattern leaves no first-character set)
# a count followed by 中 and a break (206人中，…) opens a whole of its own; 12家中小企业 does not
WHOLE_OF_ITS_OWN_RE = re.compile(r"中\s*[，,：:]")
# a list in brackets right after its count (中小学校46所（其中小学28所、…）): it ends where they close
BRACKET_BRIDGE_RE = re.compile(r"\s*[（(]")
AVERAGE_BRIDGE_RE = re.compile(r"\s*[，,]\s*[^，,。；;：:\d]{1,8}?\d[\d,]*(?:\.\d+)?\s*(?:分|%|％)\s*[（(]")
QUOTE_MARKS = str.maketrans("", "", "“”\"‘’'「」")  # (评为“优”的: the kind's word, quoted or not)
# where a list of counts before its sum starts: after a break that is no list separator
LIST_START_RE = re.compile(r"[：:；;。]")
LIST_FILLER = "：:，,；;。 \t"  # what may stand between a marker and its sentence's end when the list goes on after


def _trailing_sums(base, params):
    """Counts listed one after another and closed by their sum (新建服务社8个、改造提升4个，合计13个):
    the sum is the items'. The items: the counts of the sum's unit right before it, back to a colon,
    a ； or a figure of another unit."""
    words = tuple(params["trailing_sum_words"])
    for (block, index), facts in base.by_sentence.items():
        text = base.sentences.get((block, index), "")
        if not any(w in text for w in words):
            continue
        for k, total in enumerate(facts):
            # (the sum's own words are the sum word alone: …单位共3个 names another set)
            # (the sum's own words: 合计 of ，合计为; name_fillers would eat its 计)
            label = SUM_TAIL_RE.sub("", compact(total.label)).strip("，,、")
            paired = _paired_units(base, facts, k, params)
            # (合计125批次、1,022人次: the count paired with the sum is a sum too)
            summed = _sum_label(label, words, params) or (not label and k and facts[k - 1].unit in paired and _sum_label(
                SUM_TAIL_RE.sub("", compact(facts[k - 1].label)).strip("，,、"), words, params))
            if not _is_quantity(total, params) or not summed or total.comparator:
                continue
            items = []
            for f in reversed(facts[:k]):
                if f.unit in paired and f.unit != total.unit:
                    continue  # (…120批次、980人次，…合计…: each item's count in the sum's unit)
                # (an item named by a verb of change, 改造提升4个, compares nothing: an item)
                if f.unit != total.unit or f.comparator or (f.measure == "变动额" and lexicon().comparison.search(f.label)) \
                        or LIST_START_RE.search(text, f.at + len(f.text), (items[-1].at if items else total.at)):
                    break
                if items and _quota(f, params) and not any(_quota(g, params) for g in items):
                    continue  # (编制数168人，在职159人，…合计221人; 在职57人（编制数60人），…: no item)
                items.append(f)
                if any(o in compact(f.label) for o in lexicon().list_openers):
                    break  # (其中A2个、B5个，合计7个: the list opens at 其中; the figure before is its whole)
            items.reverse()
            if len(items) < 2:
                continue
            yield CHECKED
            counted = sum((f.value for f in items), 0)
            # (whole numbers of things are exact; measured quantities, 4.8公里、2.6公里，共计7.6公里,
            # stand for their printed intervals)
            if sum_check(Quantity(total.value), [Quantity(f.value) for f in items], counts=True) != "mismatch":
                continue
            parts = " + ".join(f"{compact(_own_label(base, f)).strip('，,、：:；; ')} {f.text}" for f in items)
            yield Hit(quote=base.span(items[0], total), location=total.loc, stated=total.text,
                      expected=f"{counted}{total.unit}", formula=f"{parts} = {counted}{total.unit}",
                      fields={"subject": label or SUM_TAIL_RE.sub("", compact(_own_label(base, total))).strip("，,、"),
                              "stated_count": total.text, "counted": f"{counted}{total.unit}",
                              "parts": parts})


def _quota(f: Fact, params: dict) -> bool:
    """The count's name ends with a quota's word (编制数, 核定编制), not after words making it a count
    of the people holding the posts (占用编制人数)."""
    words = compact(f.label).rstrip("为是共计约：:（(")
    word = next((w for w in params["quota_words"] if words.endswith(w)), None)
    return word is not None and not words[:-len(word)].endswith(tuple(params["quota_counted_before"]))


def _own_label(base, f: Fact) -> str:
    """A count's label; the label of the count it is paired with where its own is a bare 、
    (国内公务接待120批次、980人次: 980人次 counts 国内公务接待 too)."""
    if compact(f.label).strip("、") or f.id < 1:
        return f.label
    before = base.facts[f.id - 1]
    return before.label if (before.block, before.sentence) == (f.block, f.sentence) else f.label


def _paired_units(base, facts: list[Fact], k: int, params: dict) -> frozenset:
    """The units of the counts joined to facts[k] by a bare 、 in its sentence (125批次、1,012人次:
    one doing counted in two units), other than its own."""
    total, units = facts[k], set()
    text = base.sentences.get((total.block, total.sentence), "")
    for j in (k - 1, k + 1):
        if not 0 <= j < len(facts) or not _is_count(facts[j], params) or facts[j].unit == total.unit \
                or (facts[j].block, facts[j].sentence) != (total.block, total.sentence):
            continue
        a, b = sorted((facts[j], total), key=lambda f: f.at)
        if text[a.at + len(a.text):b.at].strip() == "、":
            units.add(facts[j].unit)
    return frozenset(units)


def _sum_label(label: str, words: tuple, params: dict) -> bool:
    """A sum's own words: a sum word alone, or with a verb of what was done after it (合计流转, 共计完成:
    sum_verbs); another word (共覆盖13个村) may count other things."""
    word = next((w for w in words if label.startswith(w)), None)
    if word is None:
        return False
    rest = label[len(word):]
    return not rest or rest in params["sum_verbs"]


def validate(params: dict) -> str | None:
    if any(not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) and w for w in pair))
           for pair in params["contrary_words"]):
        return "contrary_words 的每一项应是两个非空词组成的列表（整体的词，在其外的词）"
    if any(not (isinstance(kinds, list) and len(kinds) >= 2 and all(isinstance(w, str) and w for w in kinds))
           for kinds in params["classifications"] + params["complementary"]):
        return "classifications 的每一项应是一个分类的全部类别词（至少两个非空词）组成的列表"
    if any(kinds not in params["classifications"] for kinds in params["complementary"]):
        return "complementary 的每一项也应列在 classifications 中"
    try:
        re.compile(params["name_fillers"])
    except re.error as exc:
        return f"name_fillers 不是有效的正则表达式：{exc}"
    return None


def check(doc, rule):
    params = rule.params
    base = fact_base(doc)
    if params["trailing_sum_words"]:
        yield from _trailing_sums(base, params)
    markers = sorted(params["markers"] + params["exhaustive_markers"], key=len, reverse=True)
    if not markers:
        return  # (a rule of trailing sums only, CNT008)
    opens = re.compile(r"\s*[，,：:]?\s*(" + "|".join(map(re.escape, markers)) + r")")
    fillers = re.compile(params["name_fillers"])
    # (the basis a division names before its marker, 10个，按品目分为货物5个…: words between count and list)
    basis_bridge = re.compile(rf"\s*[，,]?\s*{params['division_basis_pattern']}(?=(?:{alternatives(params['division_words'])}))") \
        if params["division_basis_pattern"] and params["division_words"] else re.compile("(?!)")
    within_opens = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,6}?)(?:" + "|".join(map(re.escape, params["within_markers"]))
                              + r")\s*[，,：:]?") if params["within_markers"] else None
    for run in base.clause_runs():
        facts = [f for _, group in run for f in group]
        for k, total in enumerate(facts):
            if not _is_listed_whole(total, params):
                continue
            end = total.at + len(total.text)
            text = base.sentences.get((total.block, total.sentence), "")
            # (a clause of another measure of the counted things may stand between the count and its
            # 其中: 项目7个，平均得分92.15分（其中，评级为“优”的项目4个…）)
            paired = _paired_units(base, facts, k, params)
            # (共接待125批次、1,012人次，其中：…: the count paired after it stands between it and its 其中)
            partner = facts[k + 1] if k + 1 < len(facts) and facts[k + 1].unit in paired \
                and text[end:facts[k + 1].at].strip() == "、" else None
            end = partner.at + len(partner.text) if partner is not None else end
            # (the noun counted right after the count, 共监控6个项目，其中…: what it counts)
            within = within_opens.match(text, end) if within_opens is not None else None
            # (the noun up to the word opening the kinds, 项目 of 5个项目中: not the words after it)
            noun = COUNTED_NOUN_RE.match(text, end, within.end("noun")) if within else COUNTED_NOUN_RE.match(text, end)
            noun = noun if within or opens.match(text, noun.end()) else None
            bridge = AVERAGE_BRIDGE_RE.match(text, end) or BRACKET_BRIDGE_RE.match(text, end) or basis_bridge.match(text, end) \
                or _all_of_them(text, end, params) or (noun if noun and noun.group() else None)
            marker = opens.match(text, bridge.end() if bridge else end) or _bracket_list(text, end, total, params) or within
            listed_in = total.sentence
            if not marker and not text[end:].strip("。. ") and not opens.search(text, 0, total.at) \
                    and _only_count(base, total, params):
                # (the count ends its sentence, the next one opens with its 其中: 共有车辆5辆。其中：…;
                # only where it is its sentence's one count: after 其中：行政编制30人，事业编制20人。 or
                # 共有车辆8辆，新购置车辆2辆。 the next 其中 may break down any of them)
                listed_in = total.sentence + 1
                marker = opens.match(base.sentences.get((total.block, listed_in), ""), 0)
            if not marker:
                continue
            if total.measure == "变动额":
                # “年末实有在职人员61人，较上年增加2人，其中：…”: the list is the count's, not its change's
                total = _count_before(facts, k, total, params)
                if total is None:
                    continue
            if listed_in == total.sentence:
                following = [f for f in facts[k + 1:] if (f.block, f.sentence) != (total.block, total.sentence)
                             or f.at >= marker.end()]  # (past the bridge's figure)
            else:
                following = [f for f in _run_from(base, (total.block, listed_in))
                             if f.sentence != listed_in or f.at >= marker.end()]
            parts = _parts(base, total, marker.end(), following, params, opens, listed_in, paired)
            if _of_earlier_whole(facts[:k], total, parts, fillers, params):
                continue  # (…低保对象2,860人、特困人员420人，其中：城市低保对象…: the first whole's parts)
            parts = _within_whole(total, parts, params["contrary_words"], tuple(params["besides_words"]))
            names = [_aliased(fillers.sub("", compact(_own_label(base, p))), params) for p in parts]
            if _overlap_said(base, total, parts, params["overlap_words"]):
                continue  # (…，其中涉及货物采购的7份、涉及服务采购的6份（部分合同同时包含货物和服务）)
            if len(parts) >= 2 and _compared(total, parts) == 0:
                # (…共移送线索9件，分别为：移送纪检监察机关5件，移送司法机关1件，移送有关主管部门3件:
                # every part listed adds up to the whole, whatever their names share: no list is cut short)
                yield CHECKED
                continue
            # (a list 分别为 opens within one sentence names the whole's kinds to the sentence's end,
            # whatever words their names share: not cut)
            told_kinds = marker.group(1) in params["exhaustive_markers"] \
                and all((p.block, p.sentence) == (parts[0].block, parts[0].sentence) for p in parts)
            if not told_kinds:
                parts, names = _kinds_listed(base, parts, names, params)
            parts, names = _before_subdivision(parts, names)
            ending = _common_ending(names)
            # (a list closed by the rest of its kind, …、其他优抚对象446户, names every kind: all of the
            # whole; 其他民主党派 after 中共党员、女性 is no rest of them, 其他专业技术人员 no rest of 教职工)
            whole = fillers.sub("", compact(total.label)) + (noun.group() if noun else "")
            residual = _closed_by_rest(names, whole, params)
            # (kinds of one classification exclude one another, 男职工 and 女职工 too: see classifications)
            classified = _classified(names, whole, params)
            # (parts whose names open with an attribute may overlap: their sum may pass the whole,
            # never fall short of it where the rest closes the list)
            overlapping = not classified and any(n.startswith(tuple(params["overlapping_prefixes"])) for n in names)
            # (measured quantities, 98.2公里 of 日常养护 and 45.3公里 of 预防性养护, may overlap however
            # their names end: only told kinds, a classification or a list closed by the rest)
            kinds = _kinds_of(ending, whole, params) and _is_count(total, params)
            if len(parts) < 2 or not (told_kinds or residual or classified or kinds) \
                    or any(ending.endswith(w) for w in params["left_to_others"]) \
                    or (overlapping and not residual) or _whole_before_end(base, total, parts):
                continue
            yield CHECKED
            counted = sum(p.value for p in parts)
            exhaustive = (marker.group(1) in params["exhaustive_markers"] or residual or classified == "all") \
                and not _left_open(base, parts[-1], params)
            compared = _compared(total, parts)
            if (compared > 0 and not overlapping) or (exhaustive and compared < 0):
                yield _hit(base, total, parts, names, counted, exhaustive, params, noun.group() if noun else "")


def _overlap_said(base, total, parts: list, words: list[str]) -> bool:
    """The words after the count, to the end of its parts' last sentence, say that some things are
    of two kinds at once (部分合同同时包含货物和服务; 兼有, 重叠): the kinds are not exclusive."""
    if not words or not parts:
        return False
    last = parts[-1]
    keys = sorted({(total.block, total.sentence), (last.block, last.sentence)})
    text = "".join(base.sentences.get(k, "") for k in keys)
    return any(w in text for w in words)


# the noun right after a count (6个项目): a few characters, as a unit's name after its figure is
COUNTED_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{0,6}")
ALL_CLAUSE_RE = re.compile(r"\s*[，,]([^，,。；;：:\d（(]{1,10})(?=\s*[，,])")


def _all_of_them(text: str, end: int, params: dict) -> re.Match | None:
    """A short clause after the count saying a thing of all it counts (…问卷300份，全部收回，其中…;
    …，均已完工，其中…): no figure, no new thing, so the 其中 after it still breaks down the count."""
    clause = ALL_CLAUSE_RE.match(text, end)
    return clause if clause and clause.group(1).strip().startswith(tuple(params["all_of_them_words"])) else None


# a bracket opening a list of kinds by itself: group 1 is the bracket, no marker word
BARE_BRACKET_RE = re.compile(r"\s*([（(])")
# the first figure inside such a bracket and its unit
FIGURE_RE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*")


def _bracket_list(text: str, end: int, total: Fact, params: dict) -> re.Match | None:
    """A bracket right after the count whose first words name a kind and whose first figure is of
    the count's unit (共有车辆23辆（执法执勤用车15辆、特种专业技术用车8辆、其他用车2辆）): it opens
    the list of the count's kinds as 其中 would. Not a bracket restating the count in another unit or
    remarking on it (see bracket_remark_words: （含本年新购置2辆）, （同比增长5%）), nor one naming
    nothing before its figure (（2辆为租用）)."""
    bracket = BARE_BRACKET_RE.match(text, end)
    if bracket is None:
        return None
    first = FIGURE_RE.search(text, bracket.end())
    if first is None or open_brackets(text, bracket.end(), first.start()) != 0:
        return None  # (no figure, or the bracket closed before it)
    words = compact(text[bracket.end():first.start()])
    if len(words) < 2 or any(w in words for w in params["bracket_remark_words"]) \
            or not text.startswith(total.unit, first.end()):
        return None
    return bracket


def _run_from(base, key: tuple[int, int]) -> list[Fact]:
    """The facts of sentence `key` and of the sentences joined to it after it by ； (共有车辆5辆。
    其中：应急保障用车2辆；执法执勤用车2辆；…: the list goes on past the first ；)."""
    run_of, runs = base.runs()
    k = run_of.get(key)
    if k is None:
        return list(base.by_sentence.get(key, ()))
    return [f for at, group in runs[k] if at >= key for f in group]


def _only_count(base, total: Fact, params: dict) -> bool:
    """The total is its sentence's one count in its unit (开展检查12次，检查企业共计150家: the 家 one)."""
    return sum(1 for f in base.by_sentence.get((total.block, total.sentence), ())
               if _is_count(f, params) and f.unit == total.unit) == 1


def _parts(base, total: Fact, start: int, following: list[Fact], params: dict, opens,
           sentence: int | None = None, paired: frozenset = frozenset()) -> list[Fact]:
    """The counts listed one after another from `start` (after the marker, in `sentence`: the
    total's own or the next), each within max_gap characters of the one before (or of the start
    of its clause, across a ；), up to a count that opens a list of its own (离退休人员 15 人，
    其中离休 …: a new whole) or a change. A total counted in two units (`paired`: 125批次、1,012人次)
    has parts counted in both (国内公务接待120批次、980人次，…): each part's count in the other unit
    is passed over."""
    parts: list[Fact] = []
    where = (total.block, total.sentence if sentence is None else sentence, start)
    for f in following:
        same_sentence = (f.block, f.sentence) == where[:2]
        gap = f.at - where[2] if same_sentence else f.at
        if f.unit in paired and same_sentence and gap <= params["max_gap"] and f.measure != "变动额":
            where = (f.block, f.sentence, f.at + len(f.text))
            continue
        if f.unit != total.unit or not _is_listed_whole(f, params) or gap > params["max_gap"] or f.measure == "变动额" \
                or (not same_sentence and (f.block != where[0] or f.sentence != where[1] + 1
                                           or opens.match(base.sentences.get((f.block, f.sentence), ""), 0))):
            break  # (a sentence opening with 其中 breaks down what the one before stated last)
        if not parts and not same_sentence and base.sentences.get(where[:2], "")[start:].strip(LIST_FILLER):
            break  # (临床科室7个，分别为：内科、外科…；医技科室5个: the marker listed names, the counts after are peers)
        after = base.sentences.get((f.block, f.sentence), "")
        if same_sentence and open_brackets(after, start, f.at) < 0:
            break  # (…高中4所）、…: the bracket the list opened in has closed)
        if same_sentence and open_brackets(after, start, f.at) > 0:
            # (医院27个（公立16个、民营11个）、基层…: the bracket divides the part before it)
            where = (f.block, f.sentence, f.at + len(f.text))
            continue
        if WHOLE_OF_ITS_OWN_RE.match(after, f.at + len(f.text)):
            break  # (专业课教师206人中，“双师型”教师162人: a whole of its own)
        if opens.match(after, f.at + len(f.text)):
            # (…、雨量站31处，其中…自动雨量站25处: the part is listed, what follows divides it; a
            # whole outside the list, 离退休人员15人，其中…, is cut by _within_whole and the endings)
            parts.append(f)
            break
        parts.append(f)
        where = (f.block, f.sentence, f.at + len(f.text))
    return parts


def _within_whole(total: Fact, parts: list[Fact], contrary: list[list[str]], beyond: tuple = ()) -> list[Fact]:
    """The parts up to the first one outside the whole (see contrary_words), or said to be besides
    it (另有公益性岗位人员8人: `beyond`, besides_words)."""
    whole = compact(total.label)
    outside = [b for a, b in contrary if a in whole and b not in whole]
    for k, part in enumerate(parts):
        label = compact(part.label)
        if any(w in label for w in outside) or (k and label.startswith(beyond)):
            return parts[:k]
    return parts


def _count_before(facts: list[Fact], k: int, change: Fact, params: dict) -> Fact | None:
    """The count a change (facts[k]) is of: the last count before it in its sentence."""
    for f in (facts[j] for j in range(k - 1, -1, -1)):
        if (f.block, f.sentence) != (change.block, change.sentence):
            return None
        if _is_count(f, params) and f.measure != "变动额" and f.unit == change.unit:
            return f
    return None


def _before_subdivision(parts: list[Fact], names: list[str]) -> tuple[list[Fact], list[str]]:
    """The list up to a part named after an earlier one (专任教师152人；专任教师中高级教师38人): that
    part divides the earlier one further, it is no kind beside it."""
    for k, name in enumerate(names):
        if any(name.startswith(earlier) and len(name) > len(earlier) for earlier in names[:k] if earlier):
            return parts[:k], names[:k]
    return parts, names


def _own_name(name: str, part: Fact, params: dict) -> str:
    """The part's name as written (公务员), where it was read by its alias (公务人员)."""
    label = compact(part.label)
    for short, full in params["ending_aliases"].items():
        if name.endswith(full) and label.endswith(short) and not label.endswith(full):
            return name[:len(name) - len(full)] + short
    return name


def _aliased(name: str, params: dict) -> str:
    """A kind's name with its ending as the other kinds write it (公务员 → 公务人员 beside 事业人员)."""
    for short, full in params["ending_aliases"].items():
        if name.endswith(short):
            return name[:len(name) - len(short)] + full
    return name


def _kinds_listed(base, parts: list[Fact], names: list[str], params: dict) -> tuple[list[Fact], list[str]]:
    """The list of kinds ends at a clause break after which a figure names no kind of the same
    thing (核定编制45人，其中：行政编制30人，事业编制18人；年末实有在职人员41人): the longest run of
    parts up to such a break whose names are of one kind (_one_kind); all of them when none is."""
    if _one_kind(names, params):
        return parts, names
    if len(names) >= 3 and names[-1].startswith(_residual_words()):
        # (…执法执勤用车1辆；其他均为0辆: the rest of the kinds closes the list, whatever its words)
        kept, kept_names = _kinds_listed(base, parts[:-1], names[:-1], params)
        return (parts, names) if len(kept) == len(parts) - 1 else (kept, kept_names)
    for k in range(len(parts) - 1, 1, -1):
        if _separator(base, parts[k - 1], parts[k]) in ("，", ",", "；", ";") and _one_kind(names[:k], params):
            return parts[:k], names[:k]
    return parts, names


def _one_kind(names: list[str], params: dict) -> bool:
    """The names are of kinds of one thing: they end alike (用车, 编制) or differ only by the words
    of one classification (小学, 初中)."""
    return len(_common_ending(names)) >= params["min_common_ending"] \
        or any(_split_by_kinds(names, kinds, tuple(params["list_lead_words"])) or _led_by_kinds(names, kinds)
               for kinds in params["classifications"])


def _whole_before_end(base, total: Fact, parts: list[Fact]) -> bool:
    """The first parts already make up the count and the list goes on after another separator:
    the rest begin another breakdown (在职人员 50 人，其中行政 30 人、事业 20 人，离退休人员 15 人).
    One list under one separator (一般公务用车 3 辆、执法执勤用车 5 辆、特种专业技术用车 1 辆) is
    compared whole."""
    seps = [_separator(base, a, b) for a, b in zip(parts, parts[1:])]
    running = 0
    for k, p in enumerate(parts[:-1]):
        running += p.value
        # the separator after them is not the one the list went on with (、 … 、 then ， or ；)
        if running == total.value and len(set(seps[:k])) <= 1 and seps[k] not in (seps[:k] or ["、"]):
            return True
    return False


def _separator(base, a: Fact, b: Fact) -> str:
    """The mark between two listed counts (、 ， ；); ； across sentences."""
    if (a.block, a.sentence) != (b.block, b.sentence):
        return "；"
    between = base.sentences.get((a.block, a.sentence), "")[a.at + len(a.text):b.at]
    return next((ch for ch in between if ch in "、，,；;"), "")


def _of_earlier_whole(before: list[Fact], total: Fact, parts: list[Fact], fillers, params: dict) -> bool:
    """The parts end as an earlier count of the same unit in the sentence does and not as the last
    (救助低保对象2,860人、特困人员420人，其中：城市低保对象…、农村低保对象…): theirs, not the last's."""
    ending = _common_ending([fillers.sub("", compact(p.label)) for p in parts])
    if len(ending) < params["min_common_ending"] or fillers.sub("", compact(total.label)).endswith(ending):
        return False
    return any(f.unit == total.unit and f.sentence == total.sentence and f.block == total.block
               and fillers.sub("", compact(f.label)).endswith(ending) for f in before)


def _left_open(base, last: Fact, params: dict) -> bool:
    """The list says more kinds were left out after its last (…、民生保障类4个等): no more than the whole."""
    text = base.sentences.get((last.block, last.sentence), "")
    return text[last.at + len(last.text):].lstrip().startswith(tuple(params["open_list_marks"]))


def _closed_by_rest(names: list[str], whole: str, params: dict) -> bool:
    """The list's last kind is the rest (其他, 其余 …) of the whole: a noun naming just the rest
    (其他人员), the whole's own noun (其他优抚对象 of 优抚对象), or the noun every kind listed
    before it ends with (其他用车 after …用车)."""
    word = next((w for w in _residual_words() if names[-1].startswith(w)), None) if len(names) >= 2 else None
    if word is None:
        return False
    rest = names[-1][len(word):]
    for filler in params["rest_fillers"]:  # (其余类别车辆均为0辆: the rest, all of it 0)
        rest = rest.removeprefix(filler).removesuffix(filler)
    # (其他8人, 其他人员: the rest of the whole, whatever it is; 其他优抚对象 of 优抚对象; not 其他重点项目
    # of 项目, the rest of the 重点项目 only)
    # (其他用车 after 一般公务用车、执法执勤用车…: the rest of the kind every item listed is of, the
    # whole's other name; not a narrower kind of the whole, 其他重点项目 of 项目)
    return rest in ("", *params["generic_rest"]) or (len(rest) >= params["min_common_ending"] and (
        whole.endswith(rest) or (all(n.endswith(rest) for n in names[:-1])
                                 and len(_common_ending([rest, whole])) < params["min_common_ending"])))


def _classified(names: list[str], whole: str, params: dict) -> str | None:
    """How the names are kinds of one classification (classifications): "all" where they name every
    one of its kinds, of the whole's own thing (男职工, 女职工 under 在职职工; 小学, 初中, 高中 under
    中小学校): the whole falls into them, their sum is it; "some" where they are some of its kinds,
    or of a narrower thing (公办小学, 公办初中 under 中小学校; 小学教师, 初中教师 under 教职工): a
    selection, no more than the whole; None where they are not (党员, 女性; 新建, 改扩建)."""
    found = None
    names = [n.translate(QUOTE_MARKS) for n in names]
    for kinds in params["classifications"]:
        split = _split_by_kinds(names, kinds, tuple(params["list_lead_words"]))
        if not split:
            led = _led_by_kinds(names, kinds)
            if led is not None and led == set(kinds) and kinds in params["complementary"]:
                # (each name opens with a kind, the nouns after vary: 在职教职工, 退休人员 under 实有人数;
                # 纵向项目, 横向课题: the kinds share out the whole, whatever the words for its things)
                return "all"
            found = found or ("some" if led is not None else None)
            continue
        prefix, suffix, used = split
        # (the whole's own thing: no qualifier the whole lacks before the kind's word, and after it
        # nothing, a one-character ending of the word itself (男性, 女性), or the whole's noun)
        own = prefix in whole and (len(suffix) <= 1 or whole.endswith(suffix))
        if own and used == set(kinds) and (kinds in params["complementary"]
                                           or not _inside_wider(kinds, params["classifications"])
                                           or any(w in whole for w in params["narrower_wholes"])):
            return "all"
        found = "some"
    return found


def _inside_wider(kinds: list[str], classifications: list[list[str]]) -> bool:
    """The kinds are some of another classification's (小学, 初中, 高中 of 幼儿园, 小学, 初中, 高中)."""
    return any(set(kinds) < set(other) for other in classifications)


def _led_by_kinds(names: list[str], kinds: list[str]) -> set | None:
    """The kinds the names open with, each a different one (在职教职工, 退休人员: 在职 and 退休),
    whatever words follow; None where a name opens with none of them or two with the same."""
    used = set()
    longest_first = sorted(kinds, key=len, reverse=True)
    for name in names:
        kind = next((k for k in longest_first if name.startswith(k)), None)
        if kind is None or kind in used:
            return None
        used.add(kind)
    return used


def _split_by_kinds(names: list[str], kinds: list[str], lead: tuple[str, ...] = ()) -> tuple[str, str, set] | None:
    """Each name as the same words around a different one of `kinds` (男职工, 女职工: 男 and 女
    before 职工): (the words before, the words after, the kinds named), or None. The first name may
    hold the words leading into the list, ending on one of `lead` (list_lead_words)."""
    around, used = set(), set()
    longest_first = sorted(kinds, key=len, reverse=True)
    for name in names:
        kind = next((k for k in longest_first if k in name), None)
        if kind is None or kind in used:
            return None
        used.add(kind)
        at = name.index(kind)
        around.add((name[:at], name[at + len(kind):]))
    if len(around) == 2 and len(names) >= 3:
        # (自评等级为优的10个、良的2个、中的3个: the first kind's name holds the words leading into the
        # list too, ending on a lead word, 为; the others' are the same words around their kinds)
        kind = next(k for k in longest_first if k in names[0])
        at = names[0].index(kind)
        first = (names[0][:at], names[0][at + len(kind):])
        rest = around - {first}
        if len(rest) == 1:
            # (…为“良”的有6个: the copula repeated before each kind leads into it too)
            before, after = next(iter(rest))
            if first[1] == after and first[0].endswith(before) and len(first[0]) > len(before) \
                    and lead and first[0].endswith(lead):
                return next((before[:-len(w)] for w in lead if before.endswith(w)), before), after, used
    return (*around.pop(), used) if len(around) == 1 else None


def _residual_words() -> tuple:
    """Words opening the name of the rest of a kind (其他, 其余: concepts.yaml residual_words)."""
    from ..knowledge import concepts

    return tuple(concepts().get("residual_words") or ())


def _is_quantity(f: Fact, params: dict) -> bool:
    """A number of things or a measured quantity in running text (4.8公里: not money, a rate or a
    score): what a list's closing sum adds up."""
    return f.source == "text" and bool(f.unit) and f.unit not in MONEY_UNITS and f.unit not in params["not_counts"]


def _is_count(f: Fact, params: dict) -> bool:
    """A whole number of things in running text (not money, a rate or a score)."""
    return f.places == 0 and _is_quantity(f, params)


def _is_listed_whole(f: Fact, params: dict) -> bool:
    """A count, or a measured quantity (48.6公里, 2.35万亩) that is no average or figure per one
    (平均年龄45.6岁, 人均面积: those do not add up): what a 其中 list of kinds breaks down."""
    label = compact(f.label)
    return _is_count(f, params) or (_is_quantity(f, params) and not any(w in label for w in params["per_unit_words"])
                                    and not label.endswith(tuple(params["per_one_tails"])))


def _compared(total: Fact, parts: list[Fact]) -> int:
    """The parts' sum against the total: 0 where they agree (whole counts exactly, measured
    quantities within their printed intervals), 1 where the parts pass it, -1 where they fall short."""
    counted = sum(p.value for p in parts)
    if counted == total.value or sum_check(Quantity(total.value), [Quantity(p.value) for p in parts],
                                           counts=True) != "mismatch":
        return 0
    return 1 if counted > total.value else -1


def _kinds_of(ending: str, whole: str, params: dict) -> bool:
    """The parts name kinds of one thing: their names end alike in min_common_ending characters
    (一般公务用车, 执法执勤用车), or in a one-character head noun of places that the whole's name
    holds too (国家基本水文站, 水位站, 雨量站 under 水文监测站点: all stations). Any other shared
    character is too often an attribute that cuts across (寄宿生, 贫困生) to be taken for a kind."""
    if len(ending) >= params["min_common_ending"]:
        return True
    return ending in params["place_heads"] and ending in whole


def _common_ending(names: list[str]) -> str:
    ending = names[0] if names else ""
    for name in names[1:]:
        while ending and not name.endswith(ending):
            ending = ending[1:]
    return ending


def _subject(label: str, params: dict) -> str:
    """What the total counts: its label after the last word of having (…人民政府共有车辆 → 车辆),
    else the label's last 12 characters. A word inside a longer one (共 of 公共, 共同:
    subject_after_not_in) is none."""
    cut = max((at + len(w) for w in params["subject_after"] for at in [_word_at(label, w, params)] if at >= 0),
              default=-1)
    return label[cut:] if 0 < cut < len(label) else label[-12:]


def _word_at(label: str, word: str, params: dict) -> int:
    """Where the word last stands in the label on its own, not inside one of subject_after_not_in."""
    at = label.rfind(word)
    while at >= 0 and any(0 <= at - x.find(word) and label.startswith(x, at - x.find(word))
                          for x in params["subject_after_not_in"] if word in x):
        at = label.rfind(word, 0, at)
    return at


def _hit(base, total: Fact, parts: list[Fact], names: list[str], counted, exhaustive: bool,
         params: dict, noun: str = "") -> Hit:
    unit = total.unit
    listing = " + ".join(f"{_own_name(name, p, params)} {p.value}{unit}" for name, p in zip(names, parts))
    subject = _subject(compact(_own_label(base, total)) + noun, params) or "总数"  # (+ the noun after it: 6个项目)
    relation = "各项是全部，之和应等于总数" if exhaustive else "各项是同一事物的不同类别，之和不能超过总数"
    # (a count in Chinese numerals as written, its value beside it: 十一辆（11辆）)
    stated = f"{total.value}{unit}" if total.text[:1].isdigit() else f"{total.text}（{total.value}{unit}）"
    return Hit(quote=base.passage(total, parts[-1]), location=total.loc, stated=f"{total.value}{unit}",
               expected=f"{counted}{unit}" if exhaustive else f"≥ {counted}{unit}",
               formula=f"{listing} = {counted}{unit}，文中写 {subject} {stated}（{relation}）",
               fields={"subject": subject, "stated_count": stated, "counted": f"{counted}{unit}",
                       "parts": listing},
               highlights=[p.loc for p in parts if p.loc != total.loc])
