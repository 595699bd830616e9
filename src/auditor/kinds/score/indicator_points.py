"""The points of an indicator row by its stated grounds, the smaller checks of kind `score`:
qualitative (grades stated as shares), per_item (points per item) and told_deductions (得分 = 分值 − the
points the row's reason says were taken off)."""
from __future__ import annotations

import re
from decimal import Decimal

from ...facts.numbers import fmt
from ...knowledge import compact
from ..base import CHECKED, GLOSS_RE, Hit
from .forms import table_name, row_quote, close_enough, score_places, score_tables, indicators_of
from ...facts.numbers import count_word
from .rule_text import told_deductions
from .targets import read_target


# a grade's share of the points in a list of them: a percentage, or all or none of the points
SHARE_WORDS = {"满分": Decimal(100), "全部分值": Decimal(100), "不得分": Decimal(0), "零分": Decimal(0)}
SHARE_RE = r"\d+(?:\.\d+)?|" + "|".join(SHARE_WORDS)


def _stated_grades(doc, rule) -> dict[str, Decimal]:
    """The report's grades for qualitative indicators and the share of the points each earns,
    read from its text: {grade word: percentage}. Fewer than two: no rule stated."""
    pattern = rule.params["grade_statement"]
    if not pattern:
        return {}
    grades: dict[str, Decimal] = {}
    for m in re.finditer(pattern, doc.text):
        share = Decimal(100) if m.group("full") else Decimal(0) if m.group("none") else Decimal(m.group("share"))
        grades.setdefault(m.group("grade"), share)
    glossed = rule.params["grade_share_statement"]
    for run in _listed_runs(re.finditer(glossed, doc.text) if glossed else (), doc.text):
        # (按好（100%）、较好（80%）、一般（60%）、差（0）计分: each grade's share beside it, in a list;
        # one alone, 工程主体基本完成（90%）, is a progress stated, no rule)
        for m in run:
            grades.setdefault(m.group("grade"), Decimal(0) if m.group("none") else Decimal(m.group("share")))
    listed = rule.params["grade_list_statement"]
    for m in re.finditer(listed, doc.text) if listed else ():
        # “按‘好、较好、一般、较差’四档评价，分别按分值的100%、80%、60%、0%计分”: in turn
        names = [g for g in re.split(r"[、，,和及与“”‘’\"']+", GLOSS_RE.sub("", m.group("grades"))) if g]
        shares = [SHARE_WORDS[x] if x in SHARE_WORDS else Decimal(x) for x in re.findall(SHARE_RE, m.group("shares"))]
        if len(names) == len(shares):
            for name, share in zip(names, shares):
                grades.setdefault(name, share)
    return grades if len(grades) >= 2 else {}


LIST_JOINT_RE = re.compile(r"[、，,；;和及与\s]*")  # what stands between two items of a list


def _listed_runs(matches, text: str) -> list[list[re.Match]]:
    """The matches standing two or more in a row, joined only as a list's items are (、, 和)."""
    runs: list[list[re.Match]] = []
    for m in matches:
        if runs and LIST_JOINT_RE.fullmatch(text, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [run for run in runs if len(run) >= 2]


def check_qualitative(doc, rule, typed):
    """An indicator whose actual value is one of the report's grades (部分达成，…) scored other than
    that grade's share of its points, by the report's own grading rule."""
    grades = None
    for t in score_tables(typed):
        places = score_places(t.table, typed)
        for r in indicators_of(t):
            if r.weight is None or r.score is None or r.weight <= 0 or "score" not in r.cells:
                continue
            actual = compact(r.actual_text)
            if not actual or actual[0].isdigit():
                continue
            if read_target(r.target_text) is not None:
                continue  # (a quantity's target, 4000平方米 | 未完成，3600平方米: no qualitative indicator's grade)
            if grades is None:
                grades = _stated_grades(doc, rule)
                if not grades:
                    return
            grade = max((g for g in grades if actual.startswith(g)), key=len, default=None)
            if grade is None:
                continue
            cell = r.cells["score"]
            expected = r.weight * grades[grade] / 100
            yield CHECKED
            if close_enough(r.score, expected, cell.text, places):
                continue
            shown = fmt(expected, max(places, 0))
            yield Hit(
                quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=shown,
                formula=f"实际完成值“{r.actual_text}”为“{grade}”，按报告所述计分规则得分值的 {fmt(grades[grade], 0)}%："
                        f"{r.weight} × {fmt(grades[grade], 0)}% = {shown}",
                fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                        "score": cell.text, "weight": str(r.weight), "table": table_name(t), "basis": grade,
                        "diff": shown},
                highlights=[r.cells["actual"].loc] if "actual" in r.cells else [])


def _scored_rows_with(typed, name: str):
    """(table, the precision its scores are printed with, row, the row's `name` cell) of each
    indicator row with a weight, a score and that cell (评分标准, 扣分说明)."""
    for t in score_tables(typed):
        places = score_places(t.table, typed)
        for r in indicators_of(t):
            cell = r.cells.get(name)
            if r.weight is not None and r.score is not None and cell is not None and "score" in r.cells:
                yield t, places, r, cell


def check_per_item(doc, rule, typed):
    """An indicator scored by a per-item deduction (每发现1项问题扣0.5分) whose row says how many
    items were found (资产清查发现3项问题): the score is its points less that many deductions, not
    below zero (nor below what a stated cap leaves)."""
    per_item = re.compile(rule.params["per_item_rule"])
    cap_rule = re.compile(rule.params["cap_rule"]) if rule.params["cap_rule"] else None
    found_re = rule.params["found_count"]
    for t, places, r, criteria in _scored_rows_with(typed, "criteria"):
        words = compact(criteria.text)
        rules = list(per_item.finditer(words))
        capped = cap_rule.search(words) if cap_rule else None
        uncapped = cap_rule.sub("", words) if cap_rule else words
        if len(rules) != 1 or uncapped.count(rule.params["deduction_word"]) != 1:
            continue  # no per-item rule, or more than one way to lose points
        m = rules[0]
        # (每项扣0.5分: one item when no number is written)
        per, unit, points = count_word(m.group("per") or "1"), m.group("unit"), Decimal(m.group("points"))
        said = " ".join(c.text for name, c in r.cells.items() if name in ("reason", "actual"))
        # (the count is the pattern's first group that took part in the match)
        counts = [count_word(next(g for g in found.groups() if g))
                  for found in re.finditer(found_re.format(unit=re.escape(unit)), compact(said))]
        if len(counts) != 1 or not per or counts[0] is None:
            continue
        # the most the deductions may take: a stated cap (最多扣3分), else all the points
        cap = min(Decimal(capped.group(1)), r.weight) if capped else r.weight
        expected = max(r.weight - min(points * counts[0] / per, cap), Decimal(0))
        cell = r.cells["score"]
        yield CHECKED
        if close_enough(r.score, expected, cell.text, places):
            continue
        shown = fmt(expected, max(places, 1 if expected != expected.to_integral_value() else 0))
        yield Hit(
            quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=shown,
            formula=f"评分标准“{criteria.text.strip()}”，{said.strip()}：{r.weight} − {counts[0]} × {points} = {shown}",
            fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                    "score": cell.text, "weight": str(r.weight), "table": table_name(t),
                    "basis": f"{counts[0]}{unit}", "diff": shown},
            highlights=[criteria.loc])


def check_told_deductions(doc, rule, typed):
    """An indicator whose reason cell (扣分说明, 偏差原因) tells the points it lost (2个项目未按期开工，
    扣1分): the score is its points less those told (or less the told total, 共扣1.5分). A reason
    whose account may be incomplete (酌情扣分, a per-item rule 每…扣, a cap) is not judged."""
    told_re = re.compile(rule.params["told_deduction_pattern"])
    for t, places, r, reason in _scored_rows_with(typed, "reason"):
        told = _told_points(rule, told_re, compact(reason.text))
        if told is None:
            continue
        points = [Decimal(m.group("points")) for m in told]
        expected = max(r.weight - sum(points), Decimal(0))
        cell = r.cells["score"]
        yield CHECKED
        if close_enough(r.score, expected, cell.text, places):
            continue
        shown = fmt(expected, max(places, 1 if expected != expected.to_integral_value() else 0))
        terms = " − ".join(m.group("points") for m in told)
        yield Hit(
            quote=row_quote(cell, t.table), location=cell.loc, stated=cell.text, expected=shown,
            formula=f"「{reason.text.strip()}」：得分 = 分值 − 所扣分数 = {r.weight} − {terms} = {shown}",
            fields={"indicator": r.indicator, "target": r.target_text, "actual": r.actual_text,
                    "score": cell.text, "weight": str(r.weight), "table": table_name(t),
                    "basis": "、".join(m.group(0) for m in told), "diff": shown},
            highlights=[reason.loc, *([r.cells["weight"].loc] if "weight" in r.cells else [])])


def _told_points(rule, told_re: re.Pattern, words: str) -> list[re.Match] | None:
    """The deductions a reason tells (扣1分, group `points`): each one, or the one total told
    (共扣1.5分); None when it tells none, or its account may be partial (酌情扣分, 每…扣 …)."""
    if any(w in words for w in rule.params["untold_words"]):
        return None
    found = list(told_re.finditer(words))
    # every deduction word of the reason has its points (扣分原因 … 扣1分 and 另扣分 leave one untold;
    # a deduction told otherwise, 减2分 or (-2分), holds none)
    word = rule.params["deduction_word"]
    if not found or words.count(word) != sum(m.group(0).count(word) for m in found):
        return None
    return told_deductions(found, words, rule.params["total_words"])
