"""One error, one finding: where a document repeats a statement, or two rules see one wrong
figure at two places or two levels.

After `findings.drop_same_relation` and `drop_consequences` (a figure shown wrong and the
relations it breaks), in this order:

- a repeated statement: the same rule says the very same thing of the same words in several
  places (a target's description copied from the narrative into two tables);
- a score over full marks where the table's own weights already add up past the full marks by at
  least as much: the weights' error, which the score follows;
- nested sums: an item's 分值 off by 2 breaks its category's weight and the 合计 row's by the
  same 2; the narrowest relation names the error, the wider ones follow from it;
- a restatement: the text repeats a table's wrong 总分 and its parts, and breaks the same
  relation with the same figures: one correction, made in the table and in the text;
- a comparison with last year made on a figure whose year a period finding disputes (2023 written
  for the report's 2024): the misdated sentence gave the comparison its 上年;
- one unit slip in a sentence: its figures all written in one wrong unit (万元 for a table's 千元)
  are one slip, told at the first;
- one sum repeated: the tables of a 部门决算 repeat the same class totals (收入决算表, 支出决算表,
  财政拨款支出决算表 …), so a tail in them (541.04 against 477.9 + 31.49 + 9.08 + 22.58 = 541.05)
  breaks each table's total the same way: findings of one class and severity whose total, parts
  and sum are the very same figures on the same labels are one finding naming the other places (同见 …).

The kept finding lists each folded one (its place, and rule, message and why) in `folded`."""
from __future__ import annotations

import re

from .findings import FIGURE_RE, Finding, cell_key, figure_value, folded_entry, text_key
from .facts.numbers import MONEY_UNITS
from .model import table_ordinal

# an expected value that is a cap (SCO018's 不超过 100分): the figure after it; a bound of either way
CAP_RE = re.compile(r"^\s*(?:不超过|≤|<=)\s*(\d[\d,]*(?:\.\d+)?)")
BOUND_RE = re.compile(r"^\s*(?:不超过|不低于|[≤≥<>])")
# the classes of relations worked out from figures: a text restating a table's may break the same one
RELATION_CLASSES = frozenset({"total_mismatch", "score_mismatch", "weight_mismatch", "ratio_mismatch"})


def fold_findings(findings: list[Finding], table_titles: dict[int, str]) -> list[Finding]:
    """Every fold, in order (see the module's doc); `table_titles`: each table's title by index."""
    findings = _fold_repeats(findings, table_titles)
    # (a score over full marks first, into the weights' total: which then follows a narrower sum)
    for fold in (_over_full_by_weights, _nested_sums, _restated_in_text, _on_misdated_base, _one_unit_slip):
        live = [f for f in findings if f.severity != "info"]
        gone: set[int] = set()
        for finding, into, why in fold(live):
            if id(finding) in gone or id(into) in gone:
                continue
            into.folded = sorted({*into.folded, *finding.folded, f"{folded_entry(finding)}（{why}）"})
            gone.add(id(finding))
        findings = [f for f in findings if id(f) not in gone]
    return _fold_same_sum(findings, table_titles)


def _one_unit_slip(findings: list[Finding]):
    """A sentence whose figures all carry the same wrong unit (8,642.5万元，其中基本支出2,315.0万元、
    项目支出6,327.5万元 for a table in 千元): one slip of the sentence's unit, told once at its first
    figure; the others its own, folded in. (finding, the one it folds into, why)"""
    first: dict[tuple, Finding] = {}
    for finding in findings:
        loc = finding.location
        units = UNIT_PAIR_RE.findall(f"{finding.stated}|{finding.expected}")
        if finding.cls != "unit_error" or loc.table or len(units) != 2:
            continue
        # (its line or paragraph: a finding keeps no sentence of its own, so two slips of one unit in
        # two sentences of one line are told once, the second listed under the first)
        key = (finding.rule, *text_key(loc), *units)
        if key in first:
            yield finding, first[key], "同一句的同一单位笔误"
        else:
            first[key] = finding


# the money units a stated and an expected figure end on (longest first: 万元 before 元)
UNIT_PAIR_RE = re.compile("(" + "|".join(sorted(MONEY_UNITS, key=len, reverse=True)) + r")(?=\||$)")


def _fold_repeats(findings: list[Finding], table_titles: dict[int, str]) -> list[Finding]:
    """The same rule, severity, message and quote are one correction made in several places; the
    first in report order stays and lists the others. Two different statements with one message
    (two forms each signed in the wrong year) stay two, and so do like rows of two tables with
    different titles (two projects' forms: two projects, two corrections): a quote over several
    cells is a row's; a phrase inside one cell, a sentence copied into each form, is one statement."""
    first: dict[tuple, Finding] = {}
    kept = []
    for finding in findings:
        loc = finding.location
        form = table_titles.get(loc.table, "") if loc.table and "\t" in finding.quote else ""
        # "".join(x.split()) is re.sub(r"\s+", "", x) (\s is str.isspace), without a regex call
        key = (finding.rule, finding.severity, "".join(finding.message.split()), "".join(finding.quote.split()))
        root = first.get(key)
        if root is None or (form and root.location.table and table_titles.get(root.location.table, "") != form):
            first.setdefault(key, finding)
            kept.append(finding)
            continue
        root.folded = [*root.folded, f"{loc.describe()}：{finding.quote}（同一问题另见此处）"]
    return kept


def _figures(text: str | None) -> list:
    return [figure_value(m) for m in FIGURE_RE.findall(text or "")]


def _residual(finding: Finding):
    """expected − stated for a relation whose expected value is one figure (分值合计 52 against
    产出指标（50分）): None for a cap, a range or no figure."""
    stated, expected = _figures(finding.stated), _figures(finding.expected)
    if not stated or len(expected) != 1 or BOUND_RE.match(finding.expected or ""):
        return None
    return expected[0] - stated[-1]


def _cells(finding: Finding) -> frozenset:
    return frozenset(filter(None, map(cell_key, finding.highlights)))


def _nested_sums(live: list[Finding]):
    """A sum over rows that include all of a narrower sum's rows, off by the same amount (read
    once each, then compared within their class and amount: a report has few findings)."""
    by_gap: dict[tuple, list[tuple[Finding, frozenset]]] = {}
    for f in live:
        residual, cells = _residual(f), _cells(f)
        if residual and cells:
            by_gap.setdefault((f.cls, residual), []).append((f, cells))
    for group in by_gap.values():
        for wide, cells in group:
            narrower = [(f, c) for f, c in group if c < cells]
            if narrower:
                yield wide, min(narrower, key=lambda fc: len(fc[1]))[0], "同一项之误，上一级合计随之不符"


def _restated_in_text(live: list[Finding]):
    """A text finding with a table cell finding's class, stated figure and expected figure."""
    in_cells = [f for f in live if cell_key(f.location) and f.cls in RELATION_CLASSES]
    for finding in live:
        expected, stated = _figures(finding.expected), _figures(finding.stated)
        if cell_key(finding.location) or finding.cls not in RELATION_CLASSES or len(expected) != 1 or not stated:
            continue  # (a year is no restated figure: two misdated statements are two errors)
        source = next((c for c in in_cells if c.cls == finding.cls and c.location.file == finding.location.file
                       and _figures(c.stated)[-1:] == stated[-1:] and _figures(c.expected) == expected), None)
        if source is not None:
            yield finding, source, "文中转述同一数字，同一更正"


def _over_full_by_weights(live: list[Finding]):
    """A score above its cap, where a weight total stated as the cap adds up to the score or more."""
    weights = [f for f in live if f.cls == "weight_mismatch" and len(_figures(f.expected)) == 1]
    for finding in live:
        cap, stated = CAP_RE.match(finding.expected or ""), _figures(finding.stated)
        if finding.cls != "score_mismatch" or cap is None or not stated:
            continue
        full, score = figure_value(cap.group(1)), stated[-1]
        source = next((w for w in weights if w.location.file == finding.location.file
                       and _figures(w.stated)[-1:] == [full] and _figures(w.expected)[0] >= score > full), None)
        if source is not None:
            yield finding, source, "分值合计本身超过满分，得分随之超过"


def _on_misdated_base(live: list[Finding]):
    """A comparison with last year whose evidence includes a sentence a period finding misdates."""
    misdated = {text_key(p.location): p for p in live
                if p.cls == "period_mismatch" and not cell_key(p.location)}
    for finding in live:
        if finding.cls == "period_mismatch" or "上年" not in (finding.formula or ""):
            continue
        source = next((misdated[text_key(h)] for h in finding.highlights
                       if not cell_key(h) and text_key(h) in misdated), None)
        if source is not None:
            yield finding, source, "所比的“上年”数取自年份写错的句子"


def _fold_same_sum(findings: list[Finding], table_titles: dict[int, str]) -> list[Finding]:
    """Findings of one class and severity stating the same sum on the same labels with the same
    figures (the total, each part, the parts' sum): the first in report order stays, names the
    others' places in its message (同见 …) and lists them in `folded`. A finding stating no sum
    of two parts or more is left alone, and so is a sum whose parts are named otherwise (by their
    codes, 201, or by their names, 一、一般公共服务支出: another table's relation, told apart)."""
    first: dict[tuple, Finding] = {}
    others: dict[int, list[Finding]] = {}
    kept = []
    for finding in findings:
        signature = _sum_signature(finding)
        key = (finding.cls, finding.severity, finding.location.file, signature)
        root = first.setdefault(key, finding) if signature is not None else finding
        if root is finding:
            kept.append(finding)
            continue
        others.setdefault(id(root), []).append(finding)
        root.folded = sorted({*root.folded, *finding.folded, f"{folded_entry(finding)}（同一合计、分项与差额）"})
    for root in kept:
        if id(root) in others:
            root.message = f"{root.message}（同见 {_places(others[id(root)], table_titles)}）"
    return kept


# a part of a sum in a finding's working: its label, then its figure, signed (经营收入 -14.50), and
# anything after the figure (a unit)
PART_RE = re.compile(r"^(.*?)\s*([-−－]?)(\d[\d,]*(?:\.\d+)?)\D*$")
PLUS_RE = re.compile(r"\s[+＋]\s")


def _sum_signature(finding: Finding) -> tuple | None:
    """(what is stated, the parts as (label, figure) in order, their sum) of a finding whose
    working states a sum of two parts or more (合计 = 201 477.9 + 208 31.49 + … = 541.05；…), each
    part a label and a figure; None else."""
    sides = (finding.formula or "").split("；")[0].split("=")
    terms = PLUS_RE.split(sides[1]) if len(sides) == 3 else []
    parts = [PART_RE.match(t.strip()) for t in terms]
    stated, expected = _figures(finding.stated), _figures(sides[2]) if len(sides) == 3 else []
    if len(terms) < 2 or not all(parts) or not stated or len(expected) != 1 or \
            any(re.search(r"\s[-−×÷]\s", t) for t in terms):
        return None  # (a working with a difference or a product in it is no plain sum)
    labelled = sorted((re.sub(r"\s+", "", m.group(1)), figure_value(m.group(3)) * (-1 if m.group(2) else 1))
                      for m in parts)
    return re.sub(r"\s+", "", finding.stated or ""), tuple(labelled), expected[0]


def _places(found: list[Finding], table_titles: dict[int, str]) -> str:
    """The places of findings, as a reader finds them: the cells of each table after its number and
    title (第2张表「收入决算表」第5行第3列、第5行第4列), a text's place as it is described."""
    tables: dict[int, list[str]] = {}
    text = []
    for f in found:
        loc = f.location
        if loc.table and loc.row and loc.col:
            tables.setdefault(loc.table, []).append(f"第{loc.row_shown}行第{loc.col}列")
        else:
            text.append(loc.describe())
    named = [f"{table_ordinal(n)}{'「' + table_titles[n] + '」' if table_titles.get(n) else ''}{'、'.join(cells)}"
             for n, cells in tables.items()]
    return "；".join(named + text)
