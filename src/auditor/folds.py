"""One error, one finding: where two rules see one wrong figure at two places or two levels.

After `findings.drop_consequences` (a figure shown wrong and the relations it breaks), four more
ways one error is seen twice, each folded into the finding that names the error where it is:

- nested sums: an item's 分值 off by 2 breaks its category's weight and the 合计 row's by the
  same 2; the narrowest relation names the error, the wider ones follow from it;
- a restatement: the text repeats a table's wrong 总分 and its parts, and breaks the same
  relation with the same figures: one correction, made in the table and in the text;
- a score over full marks where the table's own weights already add up past the full marks by at
  least as much: the weights' error, which the score follows;
- a comparison with last year made on a figure whose year a period finding disputes (2023 written
  for the report's 2024): the misdated sentence gave the comparison its 上年.

The kept finding lists each folded one (rule, place, message and why) in `folded`."""
from __future__ import annotations

import re

from .findings import FIGURE_RE, Finding, _cell_key, _folded_entry, _number, _text_key

# an expected value that is a cap (SCO018's 不超过 100分): the figure after it
CAP_RE = re.compile(r"^\s*(?:不超过|≤|<=)\s*(\d[\d,]*(?:\.\d+)?)")


def fold_one_error_seen_twice(findings: list[Finding]) -> list[Finding]:
    # (a score over full marks first, into the weights' total: which then follows a narrower sum)
    for fold in (_over_full_by_weights, _nested_sums, _restated_in_text, _on_misdated_base):
        live = [f for f in findings if f.severity != "info"]
        gone: set[int] = set()
        for finding, into, why in fold(live):
            if id(finding) in gone or id(into) in gone:
                continue
            into.folded = sorted({*into.folded, *finding.folded, f"{_folded_entry(finding)}（{why}）"})
            gone.add(id(finding))
        findings = [f for f in findings if id(f) not in gone]
    return findings


def _figures(text: str | None) -> list:
    return [_number(m) for m in FIGURE_RE.findall(text or "")]


def _residual(finding: Finding):
    """expected − stated for a relation whose expected value is one figure (分值合计 52 against
    产出指标（50分）): None for a cap, a range or no figure."""
    stated, expected = _figures(finding.stated), _figures(finding.expected)
    if not stated or len(expected) != 1 or CAP_RE.match(finding.expected or "") \
            or re.match(r"\s*[≤≥<>]", finding.expected or ""):
        return None
    return expected[0] - stated[-1]


def _cells(finding: Finding) -> frozenset:
    return frozenset(filter(None, map(_cell_key, finding.highlights)))


def _nested_sums(live: list[Finding]):
    """A sum over rows that include all of a narrower sum's rows, off by the same amount."""
    for wide in live:
        residual, cells = _residual(wide), _cells(wide)
        if residual is None or not residual or not cells:
            continue
        narrower = [f for f in live if f is not wide and f.cls == wide.cls and _residual(f) == residual
                    and _cells(f) and _cells(f) < cells]
        if narrower:
            yield wide, min(narrower, key=lambda f: len(_cells(f))), "同一项之误，上一级合计随之不符"


def _restated_in_text(live: list[Finding]):
    """A text finding with a table cell finding's class, stated figure and expected figure."""
    in_cells = [f for f in live if _cell_key(f.location)]
    for finding in live:
        expected, stated = _figures(finding.expected), _figures(finding.stated)
        if _cell_key(finding.location) or len(expected) != 1 or not stated:
            continue
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
        full, score = _number(cap.group(1)), stated[-1]
        source = next((w for w in weights if w.location.file == finding.location.file
                       and _figures(w.stated)[-1:] == [full] and _figures(w.expected)[0] >= score > full), None)
        if source is not None:
            yield finding, source, "分值合计本身超过满分，得分随之超过"


def _on_misdated_base(live: list[Finding]):
    """A comparison with last year whose evidence includes a sentence a period finding misdates."""
    misdated = {_text_key(p.location): p for p in live
                if p.cls == "period_mismatch" and not _cell_key(p.location)}
    for finding in live:
        if finding.cls == "period_mismatch" or "上年" not in (finding.formula or ""):
            continue
        source = next((misdated[_text_key(h)] for h in finding.highlights
                       if not _cell_key(h) and _text_key(h) in misdated), None)
        if source is not None:
            yield finding, source, "所比的“上年”数取自年份写错的句子"
