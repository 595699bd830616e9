"""Run the examples each rule carries: `fire` texts must produce its class, `quiet` must not."""
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


def run_examples(rule: Rule) -> list[ExampleResult]:
    results = []
    for kind in ("fire", "quiet"):
        for index, text in enumerate(rule.examples.get(kind, []), start=1):
            doc = document_from_text(text, f"<{rule.id} {kind} #{index}>")
            outcome = audit_document(doc, [rule])
            own = [f for f in outcome.findings if f.cls == rule.cls]
            crashed = [n["reason"] for n in outcome.not_assessable if n["reason"].startswith("规则执行出错")]
            passed = not crashed and (bool(own) if kind == "fire" else not own)
            detail = "; ".join(crashed) or "; ".join(f.message for f in own) or "无发现"
            results.append(ExampleResult(rule.id, kind, index, passed, detail))
    return results
