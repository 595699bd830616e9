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
  for the report's 2024): the misdated sentence gave the comparison its 上年.

The kept finding lists each folded one (its place, and rule, message and why) in `folded`."""
from __future__ import annotations

import re

from .findings import FIGURE_RE, Finding, cell_key, figure_value, folded_entry, text_key

# an expected value that is a cap (SCO018's 不超过 100分): the figure after it; a bound of either way
CAP_RE = re.compile(r"^\s*(?:不超过|≤|<=)\s*(\d[\d,]*(?:\.\d+)?)")
BOUND_RE = re.compile(r"^\s*(?:不超过|不低于|[≤≥<>])")
# the classes of relations worked out from figures: a text restating a table's may break the same one
RELATION_CLASSES = frozenset({"total_mismatch", "score_mismatch", "weight_mismatch", "ratio_mismatch"})


def fold_findings(findings: list[Finding], table_titles: dict[int, str]) -> list[Finding]:
    """Every fold, in order (see the module's doc); `table_titles`: each table's title by index."""
    findings = _fold_repeats(findings, table_titles)
    # (a score over full marks first, into the weights' total: which then follows a narrower sum)
    for fold in (_over_full_by_weights, _nested_sums, _restated_in_text, _on_misdated_base):
        live = [f for f in findings if f.severity != "info"]
        gone: set[int] = set()
        for finding, into, why in fold(live):
            if id(finding) in gone or id(into) in gone:
                continue
            into.folded = sorted({*into.folded, *finding.folded, f"{folded_entry(finding)}（{why}）"})
            gone.add(id(finding))
        findings = [f for f in findings if id(f) not in gone]
    return findings


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
        key = (finding.rule, finding.severity, re.sub(r"\s+", "", finding.message), re.sub(r"\s+", "", finding.quote))
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
