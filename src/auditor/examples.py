"""Run the examples each rule carries.

`fire`: the text must produce a finding of the rule (any class it reports, e.g. rounding or
unit_error, counts when `expect` names it); an example given as `{text, expect}` must produce one
finding whose `quote` contains expect.quote, whose message and formula contain expect.message and
expect.formula, and whose stated / expected / class / line / row / col equal the values given (yamllint's positioned asserts, semgrep's `ruleid:`).
`quiet`: no finding of the rule's class (nor of the class `expect` names: `{class: rounding}` says
not even a rounding note). `todo`: a known gap (semgrep's `todoruleid:`): the text
should fire but does not yet; it is reported, and fails once it fires, so it gets promoted.
"""
from __future__ import annotations

from dataclasses import dataclass

from .engine import audit_document
from .ingest.build import build_document
from .ingest.cleanup import clean_text
from .ingest.text import parse_lines
from .model import Document
from .ruleset import Rule


@dataclass
class ExampleResult:
    rule: str
    kind: str  # fire | quiet
    index: int
    passed: bool
    detail: str


def document_from_text(text: str, name: str = "<示例>") -> Document:
    lines = [clean_text(line) for line in text.replace("\r\n", "\n").split("\n")]
    return build_document(name, parse_lines(lines))


def example_parts(example) -> tuple[str, dict]:
    if isinstance(example, dict):
        return example["text"], example.get("expect") or {}
    return example, {}


def matches(finding, expect: dict) -> bool:
    loc = finding.location
    checks = {
        "quote": lambda v: v in finding.quote,
        "message": lambda v: v in finding.message,
        "formula": lambda v: v in (finding.formula or ""),
        "stated": lambda v: finding.stated == v,
        "expected": lambda v: finding.expected == v,
        "class": lambda v: finding.cls == v,
        "severity": lambda v: finding.severity == v,
        "line": lambda v: loc.line == v,
        "row": lambda v: loc.row == v,
        "col": lambda v: loc.col == v,
        "table": lambda v: loc.table == v,
    }
    return all(checks[k](v) for k, v in expect.items())


def run_examples(rule: Rule) -> list[ExampleResult]:
    results = []
    for kind in ("fire", "quiet", "todo"):
        for index, example in enumerate(rule.examples.get(kind, []), start=1):
            text, expect = example_parts(example)
            doc = document_from_text(text, f"<{rule.id} {kind} #{index}>")
            outcome = audit_document(doc, [rule])
            if kind == "quiet":
                own = [f for f in outcome.findings if f.cls in (rule.cls, expect.get("class"))]
            else:
                own = [f for f in outcome.findings if f.cls == expect.get("class", f.cls)
                       and (f.cls in (rule.cls, "rounding") or "class" in expect)]
            crashed = [n["reason"] for n in outcome.not_assessable if n["reason"].startswith("规则执行出错")]
            hit = any(matches(f, expect) for f in own)
            passed = not crashed and (hit if kind == "fire" else not own if kind == "quiet" else not hit)
            detail = "; ".join(crashed) or "; ".join(
                f"{f.message}（stated={f.stated} expected={f.expected} {f.location.describe()}）" for f in own) or "无发现"
            results.append(ExampleResult(rule.id, kind, index, passed, detail))
    return results
