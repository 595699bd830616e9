"""Kind `period`: a year or date that does not belong to the report's year.

Checks (param `check`):
- activity_year: a statement of the year's activity (“2022 年度共接待…”) naming another
  year than the report's, without a comparison cue (上年, 同比, 较…) in the sentence.
- signature_date: a signature or filing date (a line that is only a date, or a date after
  日期/签字) earlier than the report year or later than the year after it.
Prior-year columns, cited document numbers (〔2022〕119号), year ranges (2021-2023年度) and a
report dated the following year stay quiet.
"""
from __future__ import annotations

import re

from ..facts.numbers import normalize_digits
from ..model import Paragraph
from .base import Hit, NotAssessable

KIND = "period"
PARAMS = {
    "check": (str, None),
    "activity_pattern": (str, r"(?<![\d\-—~至〔\[【(（])((?:19|20)\d\d)\s*年\s*度?\s*(?:全年)?\s*(?:共|累计|一共)"),
    "comparison_cues": (list, ["上年", "去年", "同比", "较", "比上", "相比", "以来", "上一年", "前一年", "历年"]),
    "date_pattern": (str, r"((?:19|20)\d\d)\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[.．/-]\s*\d{1,2}\s*[.．/-]\s*\d{1,2}(?!\d))"),
    "date_context": (str, r"日期|签字|签章|盖章|报告时间|填报"),
}
MESSAGE_FIELDS = {"year", "report_year"}
CHECKS = ("activity_year", "signature_date")


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    for key in ("activity_pattern", "date_pattern", "date_context"):
        try:
            re.compile(params[key])
        except re.error as exc:
            return f"{key} 不是有效的正则表达式：{exc}"
    return None


def check(doc, rule):
    year = doc.meta.get("report_year")
    if not year:
        yield NotAssessable("无法确定报告年度")
        return
    yield from globals()[f"_check_{rule.params['check']}"](doc, rule, year)


def _check_activity_year(doc, rule, year):
    pattern = re.compile(rule.params["activity_pattern"])
    cues = rule.params["comparison_cues"]
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        for sentence in block.sentences:
            text = normalize_digits(sentence.text)
            for m in pattern.finditer(text):
                stated = int(m.group(1))
                if stated == year or any(cue in text for cue in cues):
                    continue
                parallel = _parallel(doc, text[m.end():m.end() + 8], year)
                yield Hit(
                    quote=sentence.text[m.start():].strip()[:60], location=sentence.loc,
                    stated=f"{stated} 年度", expected=f"{year} 年度",
                    formula=f"报告年度为 {year}，本句陈述当年情况却写作 {stated} 年度"
                            + (f"；同段相邻句写作“{parallel}”" if parallel else ""),
                    fields={"year": str(stated), "report_year": str(year)})


def _parallel(doc, tail: str, year: int) -> str:
    """A sentence stating the same kind of activity for the report year, if there is one."""
    words = re.sub(r"\d.*$", "", tail).strip()[:2]
    if not words:
        return ""
    pattern = re.compile(rf"{year}\s*年\s*度?\s*(?:全年)?\s*(?:共|累计)\s*{re.escape(words)}")
    for sentence in doc.sentences():
        m = pattern.search(normalize_digits(sentence.text))
        if m:
            return sentence.text[m.start():].strip()[:40]
    return ""


def _check_signature_date(doc, rule, year):
    pattern = re.compile(rule.params["date_pattern"])
    context = re.compile(rule.params["date_context"])
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = normalize_digits(block.text)
        for m in pattern.finditer(text):
            standalone = len(text.strip()) <= len(m.group(0)) + 2
            if not (standalone or context.search(text[:m.start()])):
                continue
            stated = int(m.group(1))
            if year <= stated <= year + 1:
                continue
            yield Hit(
                quote=block.text[m.start():m.end()], location=block.loc,
                stated=block.text[m.start():m.end()], expected=f"{year} 或 {year + 1} 年的日期",
                formula=f"报告年度为 {year}，签署或填报日期应在 {year} 年或其后一年（{year + 1} 年）",
                fields={"year": str(stated), "report_year": str(year)})
