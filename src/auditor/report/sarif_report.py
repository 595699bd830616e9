"""SARIF 2.1.0: rules with their docs, results with locations, fingerprints and suppressions."""
from __future__ import annotations

import json
from pathlib import PurePath

from .. import __version__
from ..model import table_ordinal

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"


def _uri(path: str) -> str:
    return PurePath(path).as_posix()


def _location(f) -> dict:
    loc = f.location
    physical = {"artifactLocation": {"uri": _uri(loc.file)}}
    if loc.line:
        physical["region"] = {"startLine": loc.line, "snippet": {"text": f.quote}}
    parts = [p for p in (loc.section, f"第{loc.page}页" if loc.page else None,
                         f"工作表{loc.sheet}" if loc.sheet else None,
                         table_ordinal(loc.table) if loc.table else None,
                         f"行{loc.row_shown}" if loc.row else None, f"列{loc.col}" if loc.col else None,
                         f"第{loc.paragraph}段" if loc.paragraph else None) if p]
    location = {"physicalLocation": physical}
    if parts:
        location["logicalLocations"] = [{"fullyQualifiedName": "/".join(parts), "kind": "element"}]
    return location


def _result(f, index: dict) -> dict:
    result = {
        "ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVELS[f.severity],
        "message": {"text": f.message}, "locations": [_location(f)],
        "partialFingerprints": {"auditorFingerprint/v1": f.fingerprint},
        "properties": {"class": f.cls, "quote": f.quote, "stated": f.stated, "expected": f.expected,
                       "formula": f.formula},
    }
    if f.status != "new":
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": getattr(f, "justification", "") or f.status}]
    return result


def document(results, rules) -> dict:
    used = sorted({f.rule for r in results for f in r.findings})
    by_id = {r.id: r for r in rules}
    descriptors = []
    for rule_id in used:
        rule = by_id.get(rule_id)
        descriptors.append({
            "id": rule_id, "name": rule.name if rule else rule_id,
            "shortDescription": {"text": rule.title if rule else rule_id},
            "fullDescription": {"text": rule.doc if rule else rule_id},
            "defaultConfiguration": {"level": LEVELS[rule.severity] if rule else "warning"},
            "properties": {"class": rule.cls if rule else "", "kind": rule.kind if rule else ""},
        })
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    failures = [{"level": "error", "message": {"text": f"{r.path}：{r.error}"},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]}
                for r in results if r.error]
    run = {
        "tool": {"driver": {"name": "auditor", "version": __version__, "rules": descriptors}},
        "invocations": [{"executionSuccessful": not failures,
                         "toolExecutionNotifications": failures + _not_assessable(results)}],
        "artifacts": [{"location": {"uri": _uri(r.path)}} for r in results],
        "results": [_result(f, index) for r in results for f in r.findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _not_assessable(results) -> list[dict]:
    """Rules that apply but could not be evaluated: a file never looks clean for want of reading."""
    return [{"level": "warning", "message": {"text": f"{na['rule']} 未能评估：{na['reason']}"},
             "descriptor": {"id": na["rule"]},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]}
            for r in results for na in r.not_assessable]


def render(results, rules, **options) -> str:
    return json.dumps(document(results, rules), ensure_ascii=False, indent=2) + "\n"
