"""Kind `pattern`: regular-expression rules over text and cells (malformed numbers and the like).

`regex` must match; none of `exclude` may match the matched text; `where` chooses
sentences, table cells or both.
"""
from __future__ import annotations

import re

from .base import Hit, document_texts

KIND = "pattern"
PARAMS = {"regex": (str, None), "exclude": (list, []), "where": (str, "all"), "expected": (str, "")}
MESSAGE_FIELDS = {"match"}


def validate(params: dict) -> str | None:
    for pattern in [params["regex"], *params["exclude"]]:
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"正则表达式无效（{pattern}）：{exc}"
    if params["where"] not in ("all", "text", "cells"):
        return "where 应为 all、text 或 cells"
    return None


def check(doc, rule):
    pattern = re.compile(rule.params["regex"])
    excludes = [re.compile(p) for p in rule.params["exclude"]]
    where = rule.params["where"]
    for text, loc in document_texts(doc, sentences=where in ("all", "text"), cells=where in ("all", "cells")):
        for m in pattern.finditer(text):
            if any(x.search(m.group(0)) for x in excludes):
                continue
            expected = m.expand(rule.params["expected"]) if rule.params["expected"] else None
            yield Hit(quote=m.group(0), location=loc, stated=m.group(0), expected=expected,
                      formula=f"“{m.group(0)}”不是有效的数字写法", fields={"match": m.group(0)})
