"""The JSON contract: {"files": [{path, error, meta, findings, not_assessable}]}."""
from __future__ import annotations

import json


def document(results) -> dict:
    return {"files": [r.to_dict() for r in results]}


def render(results, rules, **options) -> str:
    return json.dumps(document(results), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
