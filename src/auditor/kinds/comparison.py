"""Kind `comparison`: words of direction or size against the numbers they describe.

“支出决算数大于年初预算数” must come with a 决算 greater than the 预算 stated beside it;
likewise 小于, 等于/持平. The amounts are taken from the same paragraph.
"""
from __future__ import annotations

import re

from ..facts.extract import document_facts
from ..facts.numbers import MONEY_UNITS
from ..model import Paragraph
from .base import Hit

KIND = "comparison"
PARAMS = {
    "statement": (str, r"(?:支出)?决算数?(大于|小于|等于|高于|低于|超过|持平于?|与)(?:年初|全年)?预算数?"),
    "actual_words": (str, r"决算|执行|实际支出"),
    "budget_words": (str, r"预算"),
}
MESSAGE_FIELDS = {"word", "actual", "budget"}
RELATIONS = {"大于": ">", "高于": ">", "超过": ">", "小于": "<", "低于": "<", "等于": "=", "持平": "=",
             "持平于": "="}


def check(doc, rule):
    statement = re.compile(rule.params["statement"])
    facts = document_facts(doc)
    for para in (b for b in doc.blocks if isinstance(b, Paragraph)):
        m = statement.search(para.text)
        if not m or m.group(1) not in RELATIONS:
            continue
        mine = [f for f in facts if f.sentence.loc is para.loc and f.quantity.unit in MONEY_UNITS]
        actual = next((f for f in mine if re.search(rule.params["actual_words"], f.phrase)), None)
        budget = next((f for f in mine if re.search(rule.params["budget_words"], f.phrase)
                       and not re.search(rule.params["actual_words"], f.phrase)), None)
        if actual is None or budget is None:
            continue
        a, b = actual.quantity.in_base(), budget.quantity.in_base()
        relation = RELATIONS[m.group(1)]
        holds = (a > b) if relation == ">" else (a < b) if relation == "<" else (a == b)
        if holds:
            continue
        truth = "大于" if a > b else "小于" if a < b else "等于"
        yield Hit(quote=para.text[m.start():m.end()], location=para.loc, stated=m.group(0),
                  expected=f"决算数{truth}预算数",
                  formula=f"决算 {actual.quantity.text} 与预算 {budget.quantity.text} 相比为“{truth}”，"
                          f"文中写作“{m.group(1)}”",
                  fields={"word": m.group(1), "actual": actual.quantity.text, "budget": budget.quantity.text})
