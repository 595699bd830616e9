"""Findings: what a rule found, with the evidence an auditor needs to act on it."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .facts.numbers import MONEY_UNITS
from .model import Location

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
CLASSES = (
    "total_mismatch", "unit_error", "ratio_mismatch", "score_mismatch", "weight_mismatch",
    "target_not_met", "period_mismatch", "cross_ref_mismatch", "count_mismatch",
    "direction_mismatch", "missing_content", "numbering", "malformed_number", "rounding",
    "parse_warning",
)
CLASS_ZH = {
    "total_mismatch": "合计不符", "unit_error": "单位错误", "ratio_mismatch": "比率不符",
    "score_mismatch": "评分不符", "weight_mismatch": "权重不符", "target_not_met": "目标未达成",
    "period_mismatch": "年份不符", "cross_ref_mismatch": "前后不一致", "count_mismatch": "数量不符",
    "direction_mismatch": "表述与数字不符", "missing_content": "内容缺失", "numbering": "编号错误",
    "malformed_number": "数字格式错误", "rounding": "尾数误差", "parse_warning": "解析警告",
}


@dataclass
class Finding:
    rule: str
    cls: str
    severity: str
    message: str
    quote: str
    location: Location
    stated: str | None = None
    expected: str | None = None
    formula: str | None = None
    title: str = ""
    highlights: list[Location] = field(default_factory=list)
    status: str = "new"  # new | suppressed | baselined
    justification: str = ""  # why it is suppressed or baselined
    path_key: str = ""  # the file's path relative to the project root (set by `relative_paths`)
    twin: str = ""  # what tells it from another finding of its rule at the same place (set by `separate_twins`)
    also: list[str] = field(default_factory=list)  # other rules reporting the same figure there (`link_same_figure`)
    folded: list[str] = field(default_factory=list)  # findings this one's figure explains, folded into it (`drop_consequences`)

    @property
    def fingerprint(self) -> str:
        """Stable across edits elsewhere: rule, the file's path relative to the project root,
        normalised quote and table cell. Two findings of one rule at one place (each missing
        table reported on the title line) are told apart by what each expected, and only they:
        every other fingerprint stays what earlier baselines recorded. Without a project root
        (library use), the file name."""
        path = self.path_key or self.location.file.replace(chr(92), "/").rsplit("/", 1)[-1]
        basis = f"{self.rule}|{path}|{'|'.join(map(str, self.place()))}"
        if self.twin:
            basis += f"|{self.twin}"
        # surrogateescape: a file name that is not valid UTF-8 hashes as its bytes
        return hashlib.sha256(basis.encode("utf-8", "surrogateescape")).hexdigest()[:16]

    def place(self) -> tuple:
        """Normalised quote and table cell: where the finding is, as its fingerprint sees it."""
        where = (self.location.table, self.location.row, self.location.col) if self.location.table else ()
        return "".join(self.quote.split()), where  # re.sub(r"\s+", "", …): \s is str.isspace

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.page or 0, loc.line or 0, loc.paragraph or 0, loc.table or 0, loc.row or 0,
                loc.col or 0, self.rule, self.quote)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "class": self.cls,
            "severity": self.severity,
            "message": self.message,
            "quote": self.quote,
            "location": self.location.to_dict(),
            "stated": self.stated,
            "expected": self.expected,
            "formula": self.formula,
            "fingerprint": self.fingerprint,
            "status": self.status,
            **({"justification": self.justification} if self.justification else {}),
            **({"also": self.also} if self.also else {}),
            **({"folded": self.folded} if self.folded else {}),
        }


def project_path(file: str, root: Path, resolved_root: Path | None = None) -> str:
    """A file's path relative to the project root, with forward slashes (absolute when outside)."""
    resolved = Path(file).resolve()
    try:
        return resolved.relative_to(resolved_root or root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def separate_twins(findings: list[Finding]) -> None:
    """Findings of one rule at one place get what each expected into their fingerprints."""
    groups: dict[tuple, list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.rule, finding.place()), []).append(finding)
    for group in groups.values():
        if len(group) > 1:
            for finding in group:
                finding.twin = re.sub(r"\s+", "", finding.expected or finding.message)


# a figure as printed: thousands grouped by commas or, as the national standard prints them, by
# spaces (46 890.12); a space only before a group of exactly three digits. (The first digit, which
# both alternatives open with, is written once, \d{1,3} as \d\d{0,2}: the same matches, and a pattern
# opening with a class gives the regex engine a first-character set, its scan skipping the rest.)
FIGURE_RE = re.compile(r"\d(?:\d{0,2}(?: \d{3})+(?:\.\d+)?(?!\d)|[\d,]*(?:\.\d+)?)")


def drop_same_relation(findings: list[Finding]) -> list[Finding]:
    """One finding where two rules see one figure break one relation the same way (a table's 合计
    against its rows, by the concepts' identity and by the rows; a full execution score under a
    rate below full, by the scoring rule and by the missed target): same place, figure and expected
    value in one class, or the very same expected value in two: one correction. The first kept (in report order:
    place, then rule id) takes the other into `folded`."""
    kept: dict[tuple, Finding] = {}
    out = []
    for finding in findings:
        figure = FIGURE_RE.search(finding.stated or "")
        expected = FIGURE_RE.search(finding.expected or "")
        loc = finding.location
        place = (loc.file, loc.table, loc.row, loc.col) if loc.table and loc.row else (loc.file, loc.page, loc.line, loc.paragraph)
        # (the correction's figures by value: 1,100.00万元 and a sheet's 1100万元 are one correction)
        corrected = FIGURE_RE.sub(lambda m: format(figure_value(m.group()).normalize(), "f"),
                                  re.sub(r"\s", "", finding.expected or ""))
        # (a change's way told wrong, 增加 for 减少0.54万元: by its words, DIR002, and by its amount,
        # DRV010: the very same correction, whatever each states)
        way = [(place, "way", corrected)] if expected is not None and corrected.startswith(WAY_WORDS) else []
        if (figure is None and not way) or expected is None or finding.severity == "info":
            out.append(finding)
            continue
        stated = figure.group().replace(",", "") if figure is not None else ""
        # (of two classes, only the very same correction: 8.15 and 8.15, not ≤ 8 and 低于 8（按比例…）)
        keys = [(place, stated, finding.cls, figure_value(expected.group())), (place, stated, corrected), *way]
        first = next((kept[k] for k in keys if k in kept), None)
        if first is None:
            kept.update((k, finding) for k in keys)
            out.append(finding)
        elif first.rule != finding.rule:
            first.folded = sorted({*first.folded, *finding.folded, f"{folded_entry(finding)}（同一处更正）"})
        else:
            out.append(finding)
    return out


WAY_WORDS = ("增加", "减少", "增长", "下降")  # a correction of a change's way starts with one


def one_tail_per_cell(findings: list[Finding]) -> list[Finding]:
    """Two rounding notes on one cell for the same tail (the 合计 against its rows, SUM002, and
    against the declared parts, CAL001: 436.91 for 436.92) tell one thing: the first is kept, the
    others folded into it."""
    first: dict[tuple, Finding] = {}
    kept = []
    for finding in findings:
        key = cell_key(finding.location)
        stated, expected = FIGURE_RE.findall(finding.stated or ""), FIGURE_RE.findall(finding.expected or "")
        if finding.cls != "rounding" or key is None or not stated or len(expected) != 1:
            kept.append(finding)
            continue
        same = first.setdefault((key, figure_value(stated[-1]), figure_value(expected[0])), finding)
        if same is finding:
            kept.append(finding)
        else:
            same.folded = sorted({*same.folded, *finding.folded, f"{folded_entry(finding)}（同一处尾差）"})
    return kept


def drop_misread_sums(findings: list[Finding]) -> list[Finding]:
    """A sum that breaks, at the place of a number printed with two points (104.25.00万元: PAT001),
    by what that number would be read as (104.25): the sum could not count the part its misprint
    left unread, and is folded into the misprint's finding, which explains it."""
    misprints: dict[tuple, list[tuple[Finding, set]]] = {}
    for finding in findings:
        if finding.cls == "malformed_number":
            readings = _readings(finding.stated or "")
            if readings:
                misprints.setdefault(cell_key(finding.location) or text_key(finding.location), []).append((finding, readings))
    if not misprints:
        return findings
    kept = []
    for finding in findings:
        delta = _delta(finding) if finding.cls == "total_mismatch" else None
        place = cell_key(finding.location) or text_key(finding.location)
        cause = next((m for m, readings in misprints.get(place, ()) if delta is not None and abs(delta) in readings), None)
        if cause is None:
            kept.append(finding)
        else:
            cause.folded = sorted({*cause.folded, f"{folded_entry(finding)}（此数按 {abs(delta)} 计入后一并相符）"})
    return kept


def _readings(stated: str) -> set:
    """The values a number printed with two or more points may have been meant as: up to its
    second point (104.25.00 → 104.25), or with all but its last point dropped (1.042.50 → 1042.50)."""
    m = MISPRINT_RE.search(stated.replace(",", ""))
    if m is None:
        return set()
    groups = m.group().split(".")
    return {figure_value(f"{groups[0]}.{groups[1]}"), figure_value("".join(groups[:-1]) + "." + groups[-1])}


MISPRINT_RE = re.compile(r"\d+(?:\.\d+){2,}")  # a number with two points or more: 104.25.00


def drop_consequences(findings: list[Finding]) -> list[Finding]:
    """One finding where a figure shown wrong (a table cell against its row's parts, a sentence's
    figure against the table stating it) also breaks a relation it is an operand or the reference
    of (the column's 合计 summing it, the text restating it) by the amount that correcting it
    takes back: the figure explains both; the other finding, which would blame a correct figure,
    is its consequence and is folded into it (`folded`: its rule, place and message). Only a figure no
    other finding explains is a cause; findings explaining one another are all kept."""
    findings = _one_per_correction(findings)
    cause = _causes(findings)
    kept = []
    for finding in findings:
        root = _root(finding, cause)
        if root is None:
            kept.append(finding)
            continue
        root.folded = sorted({*root.folded, *finding.folded, f"{folded_entry(finding)}（改正此数后一并相符）"})
    return kept


def _one_per_correction(findings: list[Finding]) -> list[Finding]:
    """Two rules finding the same cell wrong by the same amount (its row's sum and the stock's
    identity: 年末 11.00 for 10.00) tell one slip: the first is kept, the others folded into it."""
    first: dict[tuple, Finding] = {}
    kept = []
    for finding in findings:
        key = cell_key(finding.location)
        if key is None or finding.severity == "info" or _delta(finding) is None:
            kept.append(finding)
            continue
        same = first.setdefault((key, finding.stated.split(" ")[-1], finding.expected), finding)
        if same is finding:
            kept.append(finding)
        else:
            same.folded = sorted({*same.folded, *finding.folded, f"{folded_entry(finding)}（同一处差错）"})
    return kept


def folded_entry(finding: Finding) -> str:
    """A finding folded into another, as that one lists it: its rule, place and message."""
    return f"{finding.rule} · {finding.location.describe()}：{finding.message}"


def _causes(findings: list[Finding]) -> dict[int, Finding]:
    """id of a finding -> the finding whose figure explains it (see drop_consequences)."""
    at_cell: dict[tuple, Finding] = {}
    in_text: dict[tuple, list[Finding]] = {}
    for finding in findings:
        if finding.severity == "info" or _delta(finding) is None:
            continue
        if cell_key(finding.location):
            at_cell.setdefault(cell_key(finding.location), finding)
        else:
            in_text.setdefault(text_key(finding.location), []).append(finding)
    by_place: dict[str, list[Finding]] = {}  # a text finding's place as a working cites it (第4行)
    for found in in_text.values():
        for a in found:
            by_place.setdefault(a.location.describe(), []).append(a)
    cause: dict[int, Finding] = {}
    for finding in findings:
        if finding.severity == "info":
            continue
        delta = _delta(finding)
        for place in finding.highlights if delta is not None else ():
            source = at_cell.get(cell_key(place))
            if source is not None and source is not finding and (_explains(source, finding, delta) or _takes_back(
                    _operand_sign(finding.formula or "", _last_figure(source)) * _delta(source), delta,
                    _steps(source, finding))):
                cause[id(finding)] = source
                break
        if id(finding) not in cause and not cell_key(finding.location) and finding.severity != "info":
            # a figure of the same paragraph shown wrong (by a table stating it) that this finding
            # worked with: its relation breaks by what correcting it takes back, or its rate fits
            # (or of another paragraph, where the finding's working names its place: 全年支出 1,368.54万元
            # （第4行 正文）, a figure the sentence there shows wrong)
            cited = [a for place in CITED_TEXT_RE.findall(finding.formula or "") for a in by_place.get(place, ())
                     if text_key(a.location) != text_key(finding.location)]
            source = next((a for a in [*in_text.get(text_key(finding.location), ()), *cited] if a is not finding
                           and _explains(a, finding, delta)), None)
            if source is not None:
                cause[id(finding)] = source
    return cause


def _root(finding: Finding, cause: dict[int, Finding]) -> Finding | None:
    """The finding whose figure explains `finding`, where that figure is itself explained by none
    (a finding explained by one whose own figure is right, its cause being another's, still
    stands: what correcting the wrong figure does to it is not known); None otherwise, and in a
    ring (each explains the next: no figure is known to be the wrong one)."""
    source = cause.get(id(finding))
    return source if source is not None and id(source) not in cause else None


# a cell's amount restated in the text in another unit of money (6,284,400.00 in a 元 table, 628.44万元):
# the ratios of the units of money a restatement in words takes to one another (元, 万元, 亿元: 1,
# 10,000, 100,000,000; not 千元's 1,000, under which two slips in one unit are as likely as one)
UNIT_STEPS = (MONEY_UNITS["元"], MONEY_UNITS["万元"], MONEY_UNITS["亿元"])


def _steps(source: Finding, finding: Finding) -> tuple:
    """The unit steps a correction of `source`'s figure may take `finding`'s break back by: only 1
    between two cells of one table or two figures written in one unit (a slip of 500.00 in a 合计
    is no 元/万元 restatement of a 0.05 slip beside it), all of UNIT_STEPS else."""
    a, b = source.location, finding.location
    if a.table and b.table and (a.file, a.sheet, a.table) == (b.file, b.sheet, b.table):
        return (Decimal(1),)
    units = {_unit_after(source), _unit_after(finding)}
    return (Decimal(1),) if len(units) == 1 and "" not in units else UNIT_STEPS


def _takes_back(correction, delta, steps: tuple = UNIT_STEPS) -> bool:
    """Correcting a figure by `correction` (expected − stated) mends a relation off by `delta`:
    the figure added into the other's sum, or restated as its reference, moves that relation's
    expected value the other way (1,859.00 → 1,895.00: the sum's expected 13,223.20 → 13,259.20),
    in the same unit or in units of money apart. (A figure subtracted in it, or a sum that stays
    off once the figure is mended, is no consequence: both findings are kept.)"""
    return any(delta == -correction * step or correction == -delta * step for step in steps)


def text_key(loc: Location) -> tuple:
    return (loc.file, loc.sheet, loc.page, loc.line, loc.paragraph)


def _explains(source: Finding, finding: Finding, delta) -> bool:
    """`finding` worked with the figure `source` shows wrong (its formula names it): a sum off by
    the same amount, or a rate (a quotient, a growth) that the corrected figure gives."""
    figure = FIGURE_RE.findall(source.stated or "")
    if not figure or figure[-1] not in FIGURE_RE.findall(finding.formula or ""):
        return False  # (the very figure, not digits inside another: 3 in 13)
    if delta is not None and _takes_back(_operand_sign(finding.formula, figure[-1]) * _delta(source), delta,
                                         _steps(source, finding)):
        return True
    if _bound_kept(source, finding, figure[-1]):
        return True
    rate = list(FIGURE_RE.finditer(finding.stated or ""))
    if not rate or not (finding.expected or "").rstrip().endswith("%"):
        return False  # (a rate: the stated figure, its % printed or not: 2.3 against 2.55%)
    recomputed = _recomputed(finding.formula or "", figure[-1], figure_value(figure[-1]) + _delta(source))
    stated = figure_value(rate[-1].group())
    places = -stated.as_tuple().exponent if isinstance(stated.as_tuple().exponent, int) else 0
    half = Decimal(5) / Decimal(10) ** (max(places, 0) + 1)
    return recomputed is not None and abs(recomputed * 100 - stated) <= half


def _last_figure(finding: Finding) -> str:
    figures = FIGURE_RE.findall(finding.stated or "")
    return figures[-1] if figures else ""


def _recomputed(formula: str, figure: str, fixed: Decimal) -> Decimal | None:
    """The formula's last step before its result ((本年 7,418.12 − 上年 7,233.96) ÷ 上年 7,233.96;
    节约资金 ÷ 采购预算（…）：104.40 ÷ 3126.50) worked out with `figure` read as `fixed`; None
    when the step is no arithmetic of figures alone."""
    from .facts.formula import FormulaError, evaluate

    step = formula.rsplit("=", 1)[0].split("=")[-1]
    step = re.split(r"[：:]", step)[-1]
    # (a bracket of words is a note; a bracket of figures groups them)
    step = re.sub(r"[（(][^（()）]*[）)]", lambda m: m.group() if re.search(r"\d", m.group()) else "", step)
    target = figure.replace(",", "")
    units = set(STEP_MONEY_RE.findall(step))

    def operand(m: re.Match) -> str:
        value = str(fixed) if m.group(1).replace(",", "") == target else m.group(1).replace(",", "")
        # (figures in two units of money, 5,612,700.00元 ÷ 1,368.54万元: each read in 元)
        return f"({value}×{MONEY_UNITS[m.group(2)]})" if len(units) > 1 and m.group(2) else value

    step = STEP_FIGURE_RE.sub(operand, step)
    expression = "".join(STEP_SYMBOLS.get(ch, ch) for ch in re.sub(r"[^\d.+＋−\-×÷（()）]", "", step))
    if "/" not in expression:
        return None
    try:
        return evaluate(expression, {})
    except (FormulaError, ArithmeticError, IndexError):
        return None


STEP_SYMBOLS = {"−": "-", "＋": "+", "×": "*", "÷": "/", "（": "(", "）": ")"}
STEP_MONEY_RE = re.compile(r"\d\s*(亿元|万元|元)")
STEP_FIGURE_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)?")


def _bound_kept(source: Finding, finding: Finding, figure: str) -> bool:
    """`finding` says a sum passes a bound (71.73% + 11.11% + 2.07% + 15.16% = 100.07%, expected ≤ 100%)
    and the sum with the source's figure corrected keeps to it (71.65%: 99.99%)."""
    bound = BOUND_RE.match((finding.expected or "").strip())
    head = (finding.formula or "").split("=")[0]
    terms = FIGURE_RE.findall(head)
    if bound is None or "+" not in head or figure not in terms:
        return False
    total = sum((figure_value(t) for t in terms), Decimal(0)) + _delta(source)
    limit = figure_value(bound.group(2))
    return total <= limit if bound.group(1) in "≤<" else total >= limit


BOUND_RE = re.compile(r"([≤≥<>])\s*(\d[\d,]*(?:\.\d+)?)")


def _operand_sign(formula: str, figure: str) -> int:
    """−1 where the figure is subtracted in the formula (本年 3,780.00 − 上年 3,300.00 = 480.00: the
    nearest operator before it is −), else +1."""
    for found in FIGURE_RE.finditer(formula):
        if found.group() == figure:
            # (a minus right against the digits is the figure's own sign, 经营收入 -14.50: _delta reads
            # it signed, the operator is the one before it)
            start = found.start() - 1 if found.start() and formula[found.start() - 1] in MINUS_SIGNS else found.start()
            before = OPERATOR_RE.findall(formula[:start])
            return -1 if before and before[-1] in "−-" else 1
    return 1


OPERATOR_RE = re.compile(r"[+＋−\-=＝÷×]")


def cell_key(loc: Location) -> tuple | None:
    return (loc.file, loc.table, loc.row, loc.col) if loc.table and loc.row and loc.col else None


def _delta(finding: Finding):
    """expected − stated, both read as numbers: the last figure of what is stated (合计 1,146.80), the
    expected value where it is one (not ≥ 5, 低于 8, 8（按比例约 7.49）); a change's direction word
    before either gives its sign (比上年增加450.00万元 → 增加540.00万元: +90); None otherwise."""
    stated_text, expected = finding.stated or "", (finding.expected or "").strip()
    stated = list(FIGURE_RE.finditer(stated_text))
    match = FIGURE_RE.search(expected)
    if not stated or match is None or FIGURE_RE.search(expected, match.end()):
        return None
    lead = expected[:match.start()].strip()
    minus = lead in MINUS_SIGNS  # (-41.50: a figure below zero, a table's fall)
    if lead and not minus and _direction_sign(lead, whole=True) is None:
        return None  # (≥ 5, 低于 8: a bound, no value)
    last = stated[-1]
    stated_sign = -1 if stated_text[last.start() - 1:last.start()] in MINUS_SIGNS and last.start() else \
        _direction_sign(stated_text[max(0, last.start() - SIGN_REACH):last.start()]) or 1
    expected_sign = -1 if minus else _direction_sign(lead, whole=True) or 1
    delta = expected_sign * figure_value(match.group()) - stated_sign * figure_value(last.group())
    return delta or None


MINUS_SIGNS = ("-", "−", "－")
CITED_TEXT_RE = re.compile(r"（([^（）]+?) 正文）")  # a text figure's place in a working: （第4行 正文）


SIGN_REACH = 4  # the characters before a stated change's figure its direction word stands in (比上年增加)


def _direction_sign(text: str, whole: bool = False) -> int | None:
    """+1 / −1 for a direction word ending `text` (the whole of it with `whole`), else None."""
    from .facts.lexicon import lexicon

    found = lexicon().directions.all(text)
    if not found or found[-1][1] != len(text) or (whole and found[-1][0] != 0):
        return None
    return 1 if found[-1][2] == "up" else -1


def figure_value(text: str) -> Decimal:
    """A figure as found by FIGURE_RE (thousands separators out)."""
    return Decimal(text.replace(",", "").replace(" ", ""))


def link_same_figure(findings: list[Finding]) -> None:
    """Findings of different rules on one figure at one place (a 执行率 cell that neither recomputes
    from the amounts nor scores right; a 合计 that is neither the sum of its rows nor the text's)
    name each other: often one error, seen by two relations. Each keeps its fingerprint."""
    groups: dict[tuple, list[Finding]] = {}
    for finding in findings:
        figure = FIGURE_RE.search(finding.stated or "")
        if figure is None or finding.severity == "info":
            continue
        loc = finding.location
        place = (loc.table, loc.row, loc.col) if loc.table and loc.row else (loc.page, loc.line, loc.paragraph)
        groups.setdefault((place, figure.group().replace(",", "")), []).append(finding)
    for group in groups.values():
        for finding in group:
            # (8亿元 and 8% on one line are two figures: a unit written after both must agree)
            unit = _unit_after(finding)
            others = {f.rule for f in group if f.rule != finding.rule
                      and not (unit and _unit_after(f) and _unit_after(f) != unit)}
            if others:
                finding.also = sorted({*finding.also, *others})


def _unit_after(finding: Finding) -> str:
    """The first character of the unit written right after a finding's stated figure (%, 万, 亿, 元), or ""."""
    figure = FIGURE_RE.search(finding.stated or "")
    after = (finding.stated or "")[figure.end():figure.end() + 1] if figure else ""
    return after if after and after in UNIT_MARKS else ""


UNIT_MARKS = "%％‰万亿千元"


def relative_paths(results, root: Path) -> None:
    """Key every finding's fingerprint to its file's path relative to `root`."""
    resolved_root = root.resolve()  # once, not once per file
    for result in results:
        if not result.findings:
            continue
        key = project_path(result.path, root, resolved_root)
        for finding in result.findings:
            finding.path_key = key


def project_root(config_path: Path | None, start: Path | None = None) -> Path:
    """The folder of the config file, else the git work tree's root, else the current folder."""
    if config_path is not None:
        return config_path.resolve().parent
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here
