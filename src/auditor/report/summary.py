"""Counts shared by the report formats."""
from __future__ import annotations

from collections import Counter

from ..findings import CLASSES, SEVERITIES


def summarize(results) -> dict:
    findings = [f for r in results for f in r.findings]
    active = [f for f in findings if f.status == "new"]
    by_class = Counter(f.cls for f in active)
    by_class_severity = Counter((f.cls, f.severity) for f in active)
    return {
        "files": len(results),
        "failed": sum(1 for r in results if r.error),
        "findings": len(active),
        "by_severity": {s: sum(1 for f in active if f.severity == s) for s in SEVERITIES},
        "by_class": [(c, by_class[c]) for c in CLASSES if by_class[c]],
        # (a class's findings by severity: a long bar of rounding notes is not a long bar of errors)
        "by_class_severity": {c: {s: by_class_severity[c, s] for s in SEVERITIES} for c in CLASSES if by_class[c]},
        "not_assessable": sum(len(r.not_assessable) for r in results),
        "suppressed": sum(1 for f in findings if f.status != "new"),
    }
