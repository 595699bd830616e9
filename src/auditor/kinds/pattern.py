"""Kind `pattern`: how numbers are written, in sentences and table cells.

Checks (param `check`, one function each in CHECKS):
- regex: `regex` must match; none of `exclude` may match the matched text; `where` chooses
  sentences, table cells or both (a generic pattern rule).
- number_format: a number that is not a valid number: two decimal points in a row
  (51..05), more than one decimal point (478.08.00), or a thousands separator in the wrong
  place (14,29.33). Dates (2024.4.26), section and version numbers (1.2.3, V2.1.3), IP-like
  runs and document numbers stay quiet: a run of dotted integers is only read as a broken
  amount when it looks like one (a group after the first dot starts with 0, as decimals do and
  section numbers never do; a money or rate unit follows; or it fills a cell of a column of
  amounts).
- date_validity: a date no calendar has (2024年13月5日, 2025年2月30日, 2024-04-31).
- rate_percent: a rate printed without its %: in a sentence (“执行率为98.5，”, “增长
  13.95。”), in a column headed as a rate whose other cells carry %, or as the actual value of
  an indicator whose target is a percentage (目标 ≥95%，实际完成值 96).
"""
from __future__ import annotations

import calendar
import re
from decimal import Decimal
from functools import lru_cache

from ..facts.numbers import char_pairs, replace_chars, to_decimal
from ..knowledge import vocabulary
from ..model import Table
from .base import Hit, document_texts

KIND = "pattern"
PARAMS = {
    "check": (str, "regex"),
    # regex
    "regex": (str, ""),
    "exclude": (list, []),
    "where": (str, "all"),
    "expected": (str, ""),
    # what the match breaks, said in the finding's formula ({match}: the matched text)
    "explanation": (str, "“{match}”不是有效的数字写法"),
    # other explanations, each for a match the text right after which `after` (a regex) fits: the first that fits
    # (with its own `severity`, where what follows makes the finding matter less or more)
    "explanations": (list, []),
    # what the finding quotes: the match, or its clause with the clause before it (`clause`)
    "quote": (str, "match"),
    # number_format
    "units": (list, ["万元", "亿元", "千元", "元", "%", "％", "‰", "分"]),
    # the units a stray point is looked for before (96.5.%, 23.70.万元): not 元 or 分, which open
    # words after a numbered item or heading (10.元旦…, 2.1.分项目支出情况)
    "stray_point_units": (list, ["万元", "亿元", "千元", "%", "％", "‰"]),
    # units of counts: a comma grouping them wrongly (1,2345人) is read as well; a dotted run
    # before them may be a section number (1.1.2人员经费), so it is not
    "count_units": (list, []),
    # text right before a dotted run that makes it a version, article or section number
    "not_after": (str, r"(?:[A-Za-z]|版本?|第)\s*$"),
    "min_numeric_peers": (int, 2),
    # rate_percent
    "rate_words": (list, ["执行率", "完成率", "增长率", "下降率", "达成率", "到位率", "满意率",
                          "合格率", "覆盖率", "使用率", "占比", "比例", "比重", "增幅", "降幅", "增长", "下降"]),
    "not_rates": (list, ["汇率", "频率", "效率", "功率", "倍率", "利用效率"]),
    "actual_headers": (list, ["实际完成值", "实际完成", "实际值", "完成值", "实际完成情况"]),
    # (none given: the vocabulary's target_heads, the heads every reader of targets knows)
    "target_headers": (list, []),
    "min_percent_peers": (int, 2),
}
MESSAGE_FIELDS = {"match", "problem"}

FULLWIDTH_NUMBER = char_pairs(str.maketrans("０１２３４５６７８９．", "0123456789."))  # one char for one: offsets hold
# (opens with its digit, the look-behind on the character before it following it: the regex
# engine's first-character set then skips the other characters; (?=\d)(?<![\d.,])\d… had none)
TOKEN_RE = re.compile(r"\d(?<![\d.,]\d)[\d.,]*\d")
VALID_GROUPING_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
PERCENT_RE = re.compile(r"\d\s*[%％]")
BARE_NUMBER_RE = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")
PURE_PERCENT_RE = re.compile(r"^\s*\d+(?:\.\d+)?\s*[%％]\s*$")


def validate(params: dict) -> str | None:
    if params["check"] not in CHECKS:
        return f"check 应为 {', '.join(CHECKS)} 之一"
    if params["check"] == "regex" and not params["regex"]:
        return "check 为 regex 时必须给出 regex"
    for pattern in [params["regex"], *params["exclude"], params["not_after"]]:
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"正则表达式无效（{pattern}）：{exc}"
    if params["where"] not in ("all", "text", "cells"):
        return "where 应为 all、text 或 cells"
    if params["quote"] not in ("match", "clause"):
        return "quote 应为 match 或 clause"
    for item in params["explanations"]:
        if not isinstance(item, dict) or not {"after", "explanation"} <= set(item) <= {"after", "explanation", "severity"} \
                or item.get("severity", "info") not in ("error", "warning", "info"):
            return "explanations 的每一项应有 after 与 explanation（可另有 severity：error / warning / info）"
        try:
            re.compile(item["after"])
        except re.error as exc:
            return f"正则表达式无效（{item['after']}）：{exc}"
    return None


def check(doc, rule):
    yield from CHECKS[rule.params["check"]](doc, rule)


# --- regex -----------------------------------------------------------------------------

def _check_regex(doc, rule):
    pattern = re.compile(rule.params["regex"])
    excludes = [re.compile(p) for p in rule.params["exclude"]]
    where = rule.params["where"]
    for text, source in document_texts(doc, sentences=where in ("all", "text"), cells=where in ("all", "cells")):
        for m in pattern.finditer(text):
            if any(x.search(m.group(0)) for x in excludes):
                continue
            expected = m.expand(rule.params["expected"]) if rule.params["expected"] else None
            explained = next((e for e in rule.params["explanations"] if re.match(e["after"], text[m.end():])), {})
            explanation = explained.get("explanation", rule.params["explanation"])
            quote = _clauses_around(text, m.start(), m.end()) if rule.params["quote"] == "clause" else m.group(0)
            yield Hit(quote=quote, location=source.loc, stated=m.group(0), expected=expected,
                      formula=explanation.replace("{match}", m.group(0)), severity=explained.get("severity"),
                      fields={"match": m.group(0), "problem": "格式不符"})


CLAUSE_BREAK_RE = re.compile(r"[，,。；;！？!?\n]")
QUOTE_REACH = 40  # characters a clause quote reaches either side of the match, at most


def _clauses_around(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end] and the clause before it (较上年减少0.15万元，下降（增长）27.78%),
    each cut at QUOTE_REACH characters."""
    breaks = [b.start() for b in CLAUSE_BREAK_RE.finditer(text, max(0, start - QUOTE_REACH), start)]
    begin = breaks[-2] + 1 if len(breaks) >= 2 else max(0, start - QUOTE_REACH)
    after = CLAUSE_BREAK_RE.search(text, end, end + QUOTE_REACH)
    return text[begin:after.start() if after else min(len(text), end + QUOTE_REACH)].strip()


# --- number_format ---------------------------------------------------------------------

# one number with at most one decimal point and thousands grouped by three (541.04, 2,961.68, 12%)
WELL_FORMED_RE = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def _check_number_format(doc, rule):
    params = rule.params
    units = sorted(params["units"], key=len, reverse=True)
    count_units = sorted(params["count_units"], key=len, reverse=True)
    stray_units = sorted(params["stray_point_units"], key=len, reverse=True)
    not_after = re.compile(params["not_after"])
    where = params["where"]
    numeric_columns = None  # worked out for the first cell that needs it (few do)
    for text, source in document_texts(doc, sentences=where in ("all", "text"), cells=where in ("all", "cells")):
        if LOOKALIKE_LETTER_RE.search(text):  # (most texts hold none of the letters: no generator made for them)
            yield from _letter_slips(text, source)
        if "%%" in text or "％％" in text or "%％" in text or "％%" in text:
            yield from _doubled_percents(text, source)
        if MIXED_WIDTH_RE.search(text):
            yield from _mixed_width_digits(text, source, units)
        if "，" in text:
            yield from _wide_comma_groups(text, source, count_units)
        if "." not in text and "," not in text and "．" not in text:
            continue
        # most table cells: one well-formed number, nothing to look at (a text that is one needs
        # no translating: the translation only turns full-width digits into ASCII ones)
        if WELL_FORMED_RE.fullmatch(text.strip()):
            continue
        plain = replace_chars(text, FULLWIDTH_NUMBER)
        if WELL_FORMED_RE.fullmatch(plain.strip()):
            continue
        loc = source.loc
        for m in TOKEN_RE.finditer(plain):
            token = m.group(0)
            # (a point inside the number too, 96.5.% or 23.70.万元: 12.万元以下 numbers an item)
            stray = _stray_point(plain, m.end(), stray_units) if "." in token else 0
            if stray and not not_after.search(plain[max(0, m.start() - 6):m.start()]):  # (V2.5.%: a version)
                quote = text[m.start():stray]
                yield Hit(quote=quote, location=source.loc, stated=quote, expected=token + quote[len(token):].lstrip(".． "),
                          formula=f"“{quote}”数字与单位之间多了小数点，不是有效的数字",
                          fields={"match": quote, "problem": "数字与单位之间多了小数点"})
                continue
            if "," not in token and token.count(".") < 2:
                continue  # no comma and at most one dot: a well-formed number (_malformed says None)
            if loc.row is not None and numeric_columns is None:
                numeric_columns = _numeric_columns(doc, params["min_numeric_peers"])
            whole_cell = loc.row is not None and (loc.table, loc.col) in numeric_columns
            unit, end = _unit_after(plain, m.end(), units)
            if not unit and "," in token and token.count(".") < 2:
                unit, end = _unit_after(plain, m.end(), count_units)
            alone = whole_cell and not plain[:m.start()].strip() and not plain[m.end():].strip(" %％")
            found = _malformed(token, bool(unit) or alone, not_after.search(plain[max(0, m.start() - 6):m.start()]))
            if not found:
                continue
            problem, expected = found
            quote = text[m.start():end]  # the unit is quoted with the number, spaces as read
            yield Hit(quote=quote, location=loc, stated=quote,
                      expected=(expected + unit) if expected else "只有一个小数点、千分位每三位一组的数字",
                      formula=f"“{token}”{problem}，不是有效的数字",
                      fields={"match": quote, "problem": problem})


# a number typed partly in full-width digits, partly in ASCII ones (３56.20: a slip of the input
# method), the whole run of its digits; a number all in full-width digits (２０２４年) is well formed
MIXED_WIDTH_RE = re.compile(r"[0-9][０-９]|[０-９][0-9]")
NUMBER_RUN_RE = re.compile(r"[0-9０-９](?:[0-9０-９,，.．]*[0-9０-９])?")


def _mixed_width_digits(text: str, source, units: list[str]):
    """`units`: the rule's units of amounts and rates (万元, %): a run with no point or comma is
    judged only right before one of them."""
    for m in NUMBER_RUN_RE.finditer(text):
        run = m.group(0)
        if not MIXED_WIDTH_RE.search(run):
            continue
        if not any(ch in run for ch in ".．,，") and not text.startswith(tuple(units), m.end()):
            continue  # (a code or a count, 2210２ | 住房改革支出: no amount or rate misprinted)
        plain = replace_chars(run, FULLWIDTH_NUMBER)
        groups = plain.split(".")  # (FULLWIDTH_NUMBER has made ． a point already)
        if all(g.isdigit() for g in groups) and _date_like(groups):
            continue  # (a date, 2025.１2.31: no amount)
        yield Hit(quote=run, location=source.loc, stated=run, expected=plain,
                  formula=f"“{run}”混用全角与半角数字，疑为录入错误（应为 {plain}）",
                  fields={"match": run, "problem": "混用全角与半角数字"})


def _stray_point(text: str, end: int, units: list[str]) -> int:
    """Where the unit ends, for a point standing alone between a number and its unit (96.5.%,
    23.70.万元: a point with no digit after it, a slip); 0 when there is none."""
    if end >= len(text) or text[end] not in ".．":
        return 0
    point = end
    while point < len(text) and text[point] in ".．":
        point += 1
    unit, unit_end = _unit_after(text, point, units)
    # (not a dot leader, 3……, nor a sentence's end after a bare number, 共3.: a unit must follow at once)
    return unit_end if unit and point - end <= 2 and unit_end > point and not text[point:unit_end - len(unit)].strip() \
        else 0


# a rate printed with its percent sign twice (96.50%%): a slip, the rate as it reads once
# (not in a web address's query, ?rate=50%%&: after =, a digit or a letter no rate stands)
DOUBLED_PERCENT_RE = re.compile(r"(?<![=&?/A-Za-z0-9.,])\d(?:[\d.,]*\d)?\s*[%％][%％]")


def _doubled_percents(text: str, source):
    for m in DOUBLED_PERCENT_RE.finditer(text):
        quote = m.group(0)
        yield Hit(quote=quote, location=source.loc, stated=quote, expected=quote.rstrip("%％ ") + "%",
                  formula=f"“{quote}”百分号重复，不是有效的写法",
                  fields={"match": quote, "problem": "百分号重复"})


# a letter that looks like a digit (l I for 1, O o for 0) inside an amount or a rate: 29,8l6.30万元
LETTER_SLIP_RE = re.compile(r"(?<![A-Za-z\d.,])\d[\d,]*[lIOo][\d,]*(?:\.\d+)?(?=\s*(?:万元|亿元|千元|元|%|％))")
LOOKALIKE = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})
LOOKALIKE_LETTER_RE = re.compile("[lIOo]")


# a full-width comma grouping a number's thousands (3，456.78万元: typed with the Chinese input
# method on): its digits before the comma at most three, three after it, then the decimals and a
# money or rate unit, or the whole of a table cell; a comma between two figures of a list has no
# such shape (3，4项; 12，13日)
WIDE_COMMA_GROUP_RE = re.compile(r"(?<![\d.,，])\d{1,3}(?:，\d{3})+\.\d{1,2}(?=\s*(?:万元|亿元|千元|元|%|％))")
WIDE_COMMA_CELL_RE = re.compile(r"\s*\d{1,3}(?:，\d{3})+(?:\.\d+)?\s*")


def _wide_comma_groups(text: str, source, count_units: list[str]):
    found = [m.group(0)] if (m := WIDE_COMMA_CELL_RE.fullmatch(text)) and source.loc.row is not None \
        else [m.group(0) for m in WIDE_COMMA_GROUP_RE.finditer(text)] \
        + [m.group(0) for m in _wide_comma_count_re(tuple(count_units)).finditer(text)]
    for token in found:
        token = token.strip()
        yield Hit(quote=token, location=source.loc, stated=token, expected=token.replace("，", ","),
                  formula=f"“{token}”的千分位写成了中文逗号“，”，应为“{token.replace('，', ',')}”",
                  fields={"match": token, "problem": "的千分位写成了中文逗号"})


@lru_cache(maxsize=4)
def _wide_comma_count_re(units: tuple[str, ...]) -> re.Pattern:
    """A whole count grouped by full-width commas before a unit of counts (12，456人次)."""
    return re.compile(r"(?<![\d.,，])\d{1,3}(?:，\d{3})+(?=\s*(?:" + "|".join(map(re.escape, units)) + "))") \
        if units else re.compile(r"(?!)")


def _letter_slips(text: str, source):
    for m in LETTER_SLIP_RE.finditer(text):
        token = m.group(0)
        yield Hit(quote=token, location=source.loc, stated=token, expected=token.translate(LOOKALIKE),
                  formula=f"“{token}”中夹有字母，疑为数字 1 或 0 的误录",
                  fields={"match": token, "problem": "中夹有字母（疑为数字 1 或 0 的误录）"})


def _malformed(token: str, amount_context: bool, versionish) -> tuple[str, str | None] | None:
    """(what is wrong, the number probably meant) for a digit run with dots or commas."""
    if ".." in token:
        if "..." in token:  # a dot leader (目录 …… 3), not a number
            return None
        return "连续出现两个小数点", re.sub(r"\.{2}", ".", token).replace(",", "")
    chunks = token.split(",")
    if len(chunks) > 1 and all("." in chunk for chunk in chunks):
        return None  # (3.1,3.2.1 or 2024.3.5,2024.6.10: references or dates listed with commas, no one number)
    integer, _, fraction = token.partition(".")
    if "," in token:
        grouped = VALID_GROUPING_RE.fullmatch(integer) and "," not in fraction
        if not grouped:
            if not fraction and amount_context and DECIMAL_COMMA_RE.fullmatch(integer):
                # 96,5 / 1234,56: a comma written for the decimal point (one or two digits after it)
                return "用逗号代替了小数点", integer.replace(",", ".")
            # 1,2,3 without decimals may be a list written with ASCII commas
            return ("千分位分隔符位置不对", token.replace(",", "")) if fraction or amount_context else None
    groups = token.replace(",", "").split(".")
    if len(groups) < 3 or versionish:
        return None
    if _date_like(groups):
        return None
    # decimals may start with 0 (478.08), section and version parts never do (1.2.3)
    decimal_like = any(len(g) > 1 and g.startswith("0") for g in groups[1:])
    # (a thousands comma too: section and version numbers never group their digits, 1,118.4.6 is an amount)
    if not (decimal_like or amount_context or "," in token):
        return None
    if len(groups) == 3 and len(groups[1]) == 3 and len(groups[2]) <= 2:
        # 12.360.00: three digits between the points make a thousands group, the first point a comma
        return "含有多个小数点", f"{groups[0]},{groups[1]}.{groups[2]}"
    trailing_zero = all(set(g) == {"0"} for g in groups[2:])
    expected = f"{groups[0]}.{groups[1]}" if trailing_zero else None
    return "含有多个小数点", expected


DECIMAL_COMMA_RE = re.compile(r"\d+,\d{1,2}")  # one comma, one or two digits after it


def _date_like(groups: list[str]) -> bool:
    """2024.4.26 or 2024.04.26, and 4.26.2024 written the other way round."""
    if len(groups) != 3:
        return False
    y, mth, d = groups
    if len(y) == 4 and y[:2] in ("19", "20") and 1 <= int(mth) <= 12 and 1 <= int(d) <= 31:
        return True
    return len(d) == 4 and d[:2] in ("19", "20") and 1 <= int(y) <= 12 and 1 <= int(mth) <= 31


def _unit_after(text: str, end: int, units: list[str]) -> tuple[str, int]:
    """The unit right after a number (spaces allowed) and where it ends; ("", end) if none."""
    start = end
    while start < len(text) and start < end + 3 and text[start] in " \u3000":
        start += 1
    for unit in units:
        if text.startswith(unit, start):
            return unit, start + len(unit)
    return "", end


def _numeric_columns(doc, min_peers: int) -> set[tuple[int, int]]:
    """(table, column) pairs holding at least `min_peers` plain numbers: columns of amounts."""
    columns = set()
    for table in doc.tables:
        counts: dict[int, int] = {}
        for row in table.rows:
            for k, cell in enumerate(row, start=1):
                if cell.text and to_decimal(cell.text.strip(" %％")) is not None:
                    counts[k] = counts.get(k, 0) + 1
        columns.update((table.index, k) for k, n in counts.items() if n >= min_peers)
    return columns


# --- rate_percent ----------------------------------------------------------------------

def _check_rate_percent(doc, rule):
    yield from _rate_in_sentences(doc, rule.params)
    for table in doc.tables:
        yield from _rate_columns(table, rule.params)
        yield from _rate_actuals(table, rule.params)


def _rate_in_sentences(doc, params):
    words = "|".join(re.escape(w) for w in sorted(params["rate_words"], key=len, reverse=True))
    # the number must end the clause: with a unit after it (万元, 个, 分, 倍 …) it is not a rate
    # (a comma before a digit is a thousands separator, not the end of the clause)
    pattern = re.compile(rf"({words})\s*(?:为|达到|达|是|约|了|至)?\s*(\d+(?:\.\d+)?)\s*(?=[，。；、;）)]|,(?!\d)|$)")
    not_rates = params["not_rates"]
    any_word = re.compile(words)  # a sentence without a rate word cannot match: not translated
    for text, source in document_texts(doc, cells=False):
        if not any_word.search(text):
            continue
        plain = replace_chars(text, FULLWIDTH_NUMBER)
        for m in pattern.finditer(plain):
            before = plain[max(0, m.start() - 4):m.end(1)]
            if any(w in before for w in not_rates) or _part_of_longer_number(plain, m.start(2)):
                continue
            number = text[m.start(2):m.end(2)]
            yield _rate_hit(text[m.start():m.end(2)], source.loc, number,
                            f"“{m.group(1)}”后的数字是比率，却没有写 %")


def _part_of_longer_number(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isdigit() or text[start - 1] == ".")


def _rate_columns(table: Table, params):
    """A column headed as a rate, where other cells carry % and one does not."""
    rate_words = [w for w in params["rate_words"] if "率" in w or w in ("占比", "比例", "比重")]
    header_rows = []
    for row in table.rows[:4]:  # the leading rows without any number are the header
        if any(to_decimal(c.text) is not None or PERCENT_RE.search(c.text) for c in row):
            break
        header_rows.append(row)
    for k in range(1, table.width + 1):
        header = "".join(r[k - 1].text for r in header_rows if len(r) >= k)
        if not any(w in header for w in rate_words) or any(s in header for s in ("%", "％", "百分")) \
                or any(w in header for w in params["not_rates"]):
            continue
        # the run of numbers right under the header; text (“--”, a new header) ends it, so a
        # column that merged cells shift further down is not mixed in
        cells = []
        for row in table.rows[len(header_rows):]:
            text = row[k - 1].text.strip() if len(row) >= k else ""
            if text and not (PURE_PERCENT_RE.match(text) or BARE_NUMBER_RE.match(text)):
                break
            if text:
                cells.append(row[k - 1])
        with_percent = [c for c in cells if PURE_PERCENT_RE.match(c.text)]
        # (a zero is the same rate with or without its %: 差 | 0 under 好 | 100%)
        bare = [c for c in cells if BARE_NUMBER_RE.match(c.text) and to_decimal(c.text.strip()) != 0]
        if len(with_percent) < params["min_percent_peers"] or len(bare) * 2 > len(with_percent):
            continue
        for cell in bare:
            yield _rate_hit(cell.text.strip(), cell.loc, cell.text.strip(),
                            f"本列“{header[:12]}”是比率，同列 {len(with_percent)} 个数带 %，此格没有")


def _rate_actuals(table: Table, params):
    """An indicator's actual value printed bare while its target in the same row is a percentage."""
    target_col = actual_col = width = None
    actual_headers = set(params["actual_headers"])
    target_headers = set(params["target_headers"] or vocabulary().get("target_heads") or ())
    for row in table.rows:
        texts = [c.text.strip() for c in row]
        actual = next((k for k, t in enumerate(texts) if t in actual_headers), None)
        target = next((k for k, t in enumerate(texts) if t in target_headers), None) if actual is not None else None
        if actual is not None and target is not None:
            target_col, actual_col, width = target, actual, len(row)
            continue
        # only rows laid out like the header row: merged cells shift columns elsewhere
        if actual_col is None or len(row) != width:
            continue
        target_text, actual_text = texts[target_col], texts[actual_col]
        # (a bare 0, 行政复议纠错率 ≤5% | 0: nothing happened, 0 and 0% the same; no slip to report)
        if PERCENT_RE.search(target_text) and BARE_NUMBER_RE.match(actual_text) \
                and 0 < Decimal(actual_text) <= Decimal(1000):
            yield _rate_hit(actual_text, row[actual_col].loc, actual_text,
                            f"指标值“{target_text}”是百分比，实际完成值“{actual_text}”没有 %")


def _rate_hit(quote: str, loc, number: str, why: str) -> Hit:
    return Hit(quote=quote, location=loc, stated=number, expected=f"{number}%", formula=why,
               fields={"match": quote, "problem": "比率缺少百分号"})


# a date with its year: 2024年2月30日, 2024年13月, 2024-02-30 (the day optional in words)
# (a run with dashes or dots after a number's own words, 文号2024-02-30号, 编号, 第, is a number, no date)
DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?"
                     r"|(?<![\d.\-A-Za-z号第〔\[])((?:19|20)\d\d)([-/.])(\d{1,2})\5(\d{1,2})"
                     r"(?![\d/.\-]|\s*(?:号|万|亿|元|%|％))")


def _check_date_validity(doc, rule):
    """A date no calendar has: a month beyond 12 or 0, a day beyond its month's last (2月30日, 4月31日,
    2月29日 in a year not leap)."""
    for text, source in document_texts(doc):
        if "月" not in text and "-" not in text and "/" not in text and "." not in text:
            continue
        for m in DATE_RE.finditer(text):
            year, month, day = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(6), m.group(7))
            month_n, day_n = int(month), int(day) if day else None
            last = calendar.monthrange(int(year), month_n)[1] if 1 <= month_n <= 12 else 0
            if not last:
                problem = f"月份为 {month_n}，一年只有 12 个月"
            elif day_n is not None and not 1 <= day_n <= last:
                problem = f"{year} 年 {month_n} 月只有 {last} 天"
            else:
                continue
            quote = m.group(0)
            yield Hit(quote=quote, location=source.loc, stated=quote, expected="日历上存在的日期",
                      formula=f"“{quote}”：{problem}", fields={"match": quote, "problem": problem})


CHECKS = {"regex": _check_regex, "number_format": _check_number_format, "rate_percent": _check_rate_percent,
          "date_validity": _check_date_validity}
