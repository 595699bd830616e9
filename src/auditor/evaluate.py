"""Quality harness: known issues found and verified-consistent facts wrongly flagged.

    python -m auditor.evaluate [--corpus ../shared/corpus]

Reads known-issues.yaml, audits the seeds with the default rules and prints, per class,
the known issues found and the consistent facts flagged as warning or error, ending with
`recall=R false_alarms=N`. A figure to watch, not a gate.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from .engine import audit_file
from .ruleset import load_rules

DEFAULT_CORPUS = Path("..") / "shared" / "corpus"  # beside the checkout, run from its root


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def overlaps(a: str, b: str) -> bool:
    """Quotes overlap when one holds the other, or they share a run of at least half the shorter."""
    a, b = _compact(a), _compact(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    short, long_ = sorted((a, b), key=len)
    need = max(4, len(short) // 2)
    return any(short[i:i + need] in long_ for i in range(len(short) - need + 1))


def _matches(entry: dict, findings: list, serious_only: bool) -> list:
    out = []
    for f in findings:
        if f.cls != entry["class"] or (serious_only and f.severity == "info"):
            continue
        near = f.location.line is not None and abs(f.location.line - entry.get("line", -99)) <= 3
        if near and overlaps(f.quote, entry["quote"]):
            out.append(f)
    return out


def evaluate(corpus: Path) -> dict:
    known = yaml.safe_load((corpus / "known-issues.yaml").read_text(encoding="utf-8"))
    rules = load_rules()
    results = {}
    for name in sorted({e["doc"] for e in known["issues"] + known["consistent"]}):
        results[name] = audit_file(str(corpus / "seeds" / name), rules).findings
    found, missed, alarms = defaultdict(list), defaultdict(list), defaultdict(list)
    for entry in known["issues"]:
        hits = _matches(entry, results[entry["doc"]], serious_only=False)
        (found if hits else missed)[entry["class"]].append(entry["id"])
    for entry in known["consistent"]:
        if _matches(entry, results[entry["doc"]], serious_only=True):
            alarms[entry["class"]].append(entry["id"])
    total = len(known["issues"])
    hit = sum(len(v) for v in found.values())
    return {"found": found, "missed": missed, "alarms": alarms, "total": total,
            "recall": hit / total if total else 1.0, "false_alarms": sum(len(v) for v in alarms.values())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not (args.corpus / "known-issues.yaml").is_file():
        print(f"没有找到 {args.corpus / 'known-issues.yaml'}，跳过评估")
        return 0
    report = evaluate(args.corpus)
    classes = sorted(set(report["found"]) | set(report["missed"]) | set(report["alarms"]))
    for cls in classes:
        found, missed, alarms = report["found"][cls], report["missed"][cls], report["alarms"][cls]
        print(f"{cls:20s} found {len(found)}/{len(found) + len(missed)}"
              + (f"  missed: {', '.join(missed)}" if missed else "")
              + (f"  false alarms: {', '.join(alarms)}" if alarms else ""))
    print(f"recall={report['recall']:.2f} false_alarms={report['false_alarms']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
