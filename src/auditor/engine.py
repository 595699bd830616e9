"""Run rules over documents: every rule, every finding, never stopping at the first.

Importing this module is cheap (FileResult and Options are what the cache and the reports need);
the readers and the rule machinery are imported when a file is audited."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .findings import (Finding, drop_consequences, drop_misread_sums, drop_same_relation, folded_entry,
                       link_same_figure, one_tail_per_cell, separate_twins)
from .folds import fold_findings

if TYPE_CHECKING:
    from .kinds.base import Hit
    from .model import Document
    from .ruleset import Rule


@dataclass
class Options:
    report_rounding: bool = True  # rounding-only differences are reported as info
    disabled: frozenset = frozenset()
    severities: dict = field(default_factory=dict)  # rule id -> severity override
    vocabulary: dict = field(default_factory=dict)  # the config's vocabulary additions (see knowledge)


@dataclass
class FileResult:
    path: str
    error: str | None = None
    meta: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    not_assessable: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    coverage: dict = field(default_factory=dict)  # rule id -> {checked, failed}
    facts: dict = field(default_factory=dict)  # how many facts were read, and linked
    tables: dict = field(default_factory=dict)  # table index -> grid, for tables findings point at

    def to_dict(self) -> dict:
        return {"path": self.path, "error": self.error, "meta": self.meta,
                "findings": [f.to_dict() for f in self.findings],
                "not_assessable": self.not_assessable, "facts": self.facts,
                "coverage": [{"rule": rule, **counts} for rule, counts in sorted(self.coverage.items())]}


UNREAD_PART = "读取"  # what a not-assessable entry names when the reader, not a rule, left a part out
# A document of this many blocks or more from which fewer than FEW_FIGURES figures were read is
# an unfilled template (上海市XX局 with blank tables) or a scan's stray text: "no finding" there
# means nothing was there to check, and says so. Every report of the corpora reads 20 or more.
FEW_FIGURES, MANY_BLOCKS = 5, 20


class _Fields(dict):
    def __missing__(self, key):
        return ""


def audit_file(path: str, rules: list[Rule], options: Options | None = None) -> FileResult:
    """The whole work for one file; picklable, so a process pool can map it. The garbage
    collector is paused meanwhile (see collector.py)."""
    from .collector import paused

    with paused():
        return _audit_file(path, rules, options)


def _audit_file(path: str, rules: list[Rule], options: Options | None = None) -> FileResult:
    import time

    from .ingest import ReadError, load

    started = time.perf_counter()
    problem = _not_regular(path)
    if problem:
        return FileResult(path, error=problem, seconds=time.perf_counter() - started)
    try:
        doc = load(path)
    except ReadError as exc:
        return FileResult(path, error=str(exc), seconds=time.perf_counter() - started)
    except MemoryError:
        raise  # the worker reports it (batch.py: 超出内存限制)
    except Exception as exc:  # a reader bug must not stop a batch
        return FileResult(path, error=f"读取时发生内部错误：{type(exc).__name__}: {exc}",
                          seconds=time.perf_counter() - started)
    try:
        result = audit_document(doc, rules, options)
    finally:
        doc.release()
    result.seconds = time.perf_counter() - started
    return result


def _not_regular(path: str) -> str | None:
    """Why a path is not opened at all: a FIFO would block, a device never ends."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "文件不存在（或是指向不存在文件的链接）"
    except OSError as exc:
        return f"无法读取：{exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return "不是普通文件（管道、设备或套接字），已跳过"
    return None


# the classes of findings that are no relation between figures (see audit_document's coverage)
NOT_RELATIONS = frozenset({"numbering", "malformed_number", "missing_content", "parse_warning", "period_mismatch"})


def audit_document(doc: Document, rules: list[Rule], options: Options | None = None) -> FileResult:
    import traceback

    from .kinds.base import Checked, NotAssessable

    from .ingest.entities import entity_parts

    options = options or Options()
    result = FileResult(doc.path, meta=dict(doc.meta))
    # one part per reporting entity (a bundle of several units' forms): no rule compares, sums or
    # cross-checks two units' figures; a kind reading the document's own layout (its numbering
    # runs on through the bundle) reads it whole
    parts = entity_parts(doc)
    # parts of the file the reader could not read (PDF pages in 乱码): no rule looked at them
    result.not_assessable += [{"rule": UNREAD_PART, "reason": note} for note in doc.notes]
    for rule in rules:
        if rule.id in options.disabled or not _applies(rule, doc):
            continue
        try:
            module = rule.module  # (looked up once: a property over the kinds' registry)
            outcomes = [o for part in ([doc] if getattr(module, "WHOLE_DOCUMENT", False) else parts)
                        for o in module.check(part, rule)]
        except MemoryError:
            raise
        except Exception as exc:
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            result.not_assessable.append({"rule": rule.id, "reason": f"规则执行出错：{detail}"})
            continue
        checked = sum(o.count for o in outcomes if isinstance(o, Checked))
        failed = 0
        for outcome in outcomes:
            if isinstance(outcome, Checked):
                continue
            if isinstance(outcome, NotAssessable):
                result.not_assessable.append({"rule": rule.id, "reason": outcome.reason})
            else:
                finding = _finding(rule, outcome, options)
                failed += (outcome.cls or rule.cls) != "rounding"
                if finding is not None:
                    result.findings.append(finding)
        # (a kind that counts no relations it found consistent has still checked those it reports,
        # where they are relations of figures: the summary never says “不符 0” above a SUM005; a
        # numbering slip, a misprinted number, a missing table or a stray year is no such relation)
        if rule.cls in NOT_RELATIONS and not checked:
            failed = 0
        if checked or failed:
            result.coverage[rule.id] = {"checked": max(checked, failed), "failed": failed}
    found = one_tail_per_cell(drop_misread_sums(drop_consequences(drop_same_relation(
        _unique(sorted(result.findings, key=Finding.sort_key))))))
    result.findings = fold_findings(found, {t.index: t.title for t in doc.tables})
    separate_twins(result.findings)
    link_same_figure(result.findings)
    result.facts = _fact_figures(parts)
    for part in parts:
        if part is not doc:
            part.release()  # (the caller releases the document itself)
    if result.facts and result.facts["read"] < FEW_FIGURES and len(doc.blocks) >= MANY_BLOCKS:
        result.not_assessable.append({"rule": UNREAD_PART, "reason": (
            f"全文 {len(doc.blocks)} 段（含表格）只读出 {result.facts['read']} 个数字：可核对的内容很少"
            "（未填写的模板、扫描件或几乎不写数字的报告），多数核对无从进行")})
    result.not_assessable.sort(key=lambda n: (n["rule"], n["reason"]))
    wanted = {loc.table for f in result.findings for loc in [f.location, *f.highlights] if loc.table}
    result.tables = {t.index: {"title": t.title, "unit": t.unit, "grid": t.grid()}
                     for t in doc.tables if t.index in wanted}
    return result


def _fact_figures(parts: list[Document]) -> dict:
    """How many facts the rules had to reason over (built only if a rule asked for them), over
    the document's parts (one per reporting entity)."""
    from .facts.frame import linked_share

    figures: dict = {}
    for base in (getattr(part, "_fact_base", None) for part in parts):
        if base is None:
            continue
        linked, restating = linked_share(base)
        counts = {"read": len(base.facts), "text": sum(1 for f in base.facts if f.source == "text"),
                  "table": sum(1 for f in base.facts if f.source == "table"),
                  "narrative_restating_tables": restating, "linked": linked}
        figures = {k: figures.get(k, 0) + v for k, v in counts.items()}
    return figures


def _applies(rule: Rule, doc: Document) -> bool:
    return not rule.applies_to or doc.meta.get("report_type") in rule.applies_to


LINE_BREAK_RE = re.compile(r"[ \t]*[\r\n]+[ \t]*")
CJK_RE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def one_line(text: str) -> str:
    """A message or a formula on one line: a line break a document's words carry into it (a Word
    paragraph's soft break, a cell's lines) is no break of the finding's. Between two Chinese
    characters or marks it joins them, as the break inside a sentence did; elsewhere it is a space."""
    if "\n" not in text and "\r" not in text:
        return text

    def joined(m: re.Match) -> str:
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        return "" if CJK_RE.match(before) and CJK_RE.match(after) else " "

    return LINE_BREAK_RE.sub(joined, text).strip()


def _finding(rule: Rule, hit: Hit, options: Options) -> Finding | None:
    cls = hit.cls or rule.cls
    if cls == "rounding" and not options.report_rounding:
        return None
    severity = "info" if cls == "rounding" else (hit.severity or options.severities.get(rule.id) or rule.severity)
    fields = _Fields(stated=hit.stated or "", expected=hit.expected or "", formula=hit.formula or "",
                     quote=hit.quote, **hit.fields)
    try:
        message = rule.message.format_map(fields)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):  # checked at load; a last guard
        message = rule.message
    message = one_line(message)
    if cls == "rounding" and rule.cls != "rounding":
        # (a rule may say why the difference is a note: a last-digit tail is beyond rounding)
        message = f"{hit.fields.get('rounding_note') or '差额在四舍五入尾数误差范围内'}：{message}"
    finding = Finding(rule=rule.id, cls=cls, severity=severity, message=message, quote=hit.quote,
                      location=hit.location, stated=hit.stated, expected=hit.expected,
                      formula=one_line(hit.formula or "") or hit.formula, title=rule.title, highlights=hit.highlights)
    for other, why in hit.folded:
        folded = _finding(rule, other, options)
        if folded is not None:
            finding.folded.append(f"{folded_entry(folded)}（{why}）")
    return finding


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per rule, place and message: a relation reached twice (from each of its facts)
    is reported once. The place is the location, not the fingerprint, which leaves out a text
    line: the same words on two lines (a date under each of two signatures) are two places."""
    seen, unique = set(), []
    for f in findings:
        loc = f.location
        key = (f.rule, f.fingerprint, f.message, loc.page, loc.line, loc.paragraph, loc.sheet)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
