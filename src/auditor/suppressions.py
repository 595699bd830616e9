"""Suppressions (a sidecar ignore file) and baselines: findings stay visible, marked as such.

Word and PDF files cannot carry inline comments, so an accepted finding is named by its
fingerprint in `.auditor-ignore.yaml`, with a reason, who accepted it and an optional expiry:

    ignore:
      - fingerprint: 3f2a9c0d1e4b5a67
        reason: 与财政局核实，表中数字以批复为准
        accepted_by: 张三
        expires: 2026-12-31

An expired entry stops suppressing and the finding says so.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typing import Annotated, Literal, Optional

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError

from .knowledge import MAX_BASELINE_BYTES, UnsafeInput, load_user_yaml, load_yaml, read_user_file
from .validation import FileProblems, problems, yaml_lines


class SuppressionError(Exception):
    pass


def _iso_date(value):
    """A date written unquoted (YAML reads a date) or quoted ("2026-12-31")."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"值「{value}」不是日期，应为 YYYY-MM-DD") from None
    return value


class IgnoreEntry(BaseModel):
    """One accepted finding."""

    model_config = ConfigDict(strict=True, extra="forbid")
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")] = Field(
        description="检查结果中的指纹（16 位十六进制）")
    reason: Annotated[str, StringConstraints(min_length=1)] = Field(description="为什么接受这一发现")
    accepted_by: Optional[str] = Field(None, description="认可人")
    file: Optional[str] = Field(None, description="发现所在文件（相对于项目根目录）；用于判断条目是否已过时")
    expires: Annotated[Optional[dt.date], BeforeValidator(_iso_date)] = Field(
        None, description="到期日（YYYY-MM-DD）；过期后不再忽略")


class IgnoreFile(BaseModel):
    """`.auditor-ignore.yaml`."""

    model_config = ConfigDict(strict=True, extra="forbid", title="auditor 忽略文件")
    ignore: list[IgnoreEntry] = Field(default_factory=list)


class BaselineEntry(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow")
    fingerprint: str
    rule: Optional[str] = None
    file: Optional[str] = None


class BaselineFile(BaseModel):
    """The file `auditor baseline` writes."""

    model_config = ConfigDict(strict=True, extra="forbid", title="auditor 基线文件")
    version: Literal[1] = 1
    findings: list[BaselineEntry] = Field(default_factory=list)


def load_ignore(path: Path | None) -> dict[str, dict]:
    if path is None or not path.exists():
        return {}
    try:
        data = load_user_yaml(path) or {}
    except UnsafeInput as exc:
        raise SuppressionError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise SuppressionError(f"{path}{where}: YAML 语法错误：{getattr(exc, 'problem', exc)}") from exc
    lines = yaml_lines(path)
    try:
        model = IgnoreFile.model_validate(data)
    except ValidationError as exc:
        raise FileProblems(problems(exc, IgnoreFile, path, lines)) from None
    return {e.fingerprint: {**e.model_dump(), "source": f"{path}:{lines.get(('ignore', i), 1)}"}
            for i, e in enumerate(model.ignore)}


def load_baseline(path: Path | None) -> dict[str, str | None]:
    """Fingerprint -> the file (relative to the project root) it was recorded in."""
    if path is None:
        return {}
    if not path.exists():
        raise SuppressionError(f"{path}: 基线文件不存在")
    try:
        data = json.loads(read_user_file(path, MAX_BASELINE_BYTES))
    except UnsafeInput as exc:
        raise SuppressionError(f"{path}: {exc}") from None
    except RecursionError:
        raise SuppressionError(f"{path}: 基线文件嵌套过深") from None
    except json.JSONDecodeError as exc:
        raise SuppressionError(f"{path}:{exc.lineno}: 基线文件不是有效的 JSON：{exc.msg}") from exc
    try:
        model = BaselineFile.model_validate(data)
    except ValidationError as exc:
        raise FileProblems(problems(exc, BaselineFile, path, {})) from None
    return {item.fingerprint: item.file for item in model.findings}


def write_baseline(results, path: Path) -> int:
    findings = [{"fingerprint": f.fingerprint, "rule": f.rule, "file": f.path_key or r.path, "quote": f.quote,
                 "message": f.message} for r in results for f in r.findings]
    findings.sort(key=lambda x: (x["file"], x["rule"], x["fingerprint"]))
    from .report import write_atomic
    from .report.hygiene import clean_json

    write_atomic(path, clean_json(json.dumps({"version": 1, "findings": findings}, ensure_ascii=False,
                                             indent=2) + "\n"))
    return len(findings)


def apply(results, ignore: dict[str, dict], baseline, today: dt.date | None = None) -> list[str]:
    """Mark suppressed and baselined findings; returns notices about expired entries."""
    today = today or dt.date.today()
    notices = []
    for result in results:
        for finding in result.findings:
            entry = ignore.get(finding.fingerprint)
            if entry is not None:
                expires = entry.get("expires")
                if expires and expires < today:
                    finding.message += f"（忽略条目已于 {expires.isoformat()} 过期，不再忽略）"
                    notices.append(f"{result.path}: {finding.rule} 的忽略条目已于 {expires.isoformat()} 过期")
                else:
                    finding.status = "suppressed"
                    who = entry.get("accepted_by")
                    finding.justification = entry["reason"] + (f"（{who} 认可）" if who else "")
                    continue
            if finding.fingerprint in baseline:
                finding.status = "baselined"
                finding.justification = "已记录在基线中"
    return notices


def stale(results, ignore: dict[str, dict], baseline: dict, audited: set[str],
          baseline_path: Path | None = None) -> list[str]:
    """Notices about ignore and baseline entries that match no finding of the files audited.

    An entry recorded for a file not audited this time (a commit of other files) is not stale."""
    seen = {f.fingerprint for r in results for f in r.findings}
    notices = [f"{entry['source']}: 忽略条目 {fp} 没有匹配任何发现（已修正或文件已移动），可以删除"
               for fp, entry in sorted(ignore.items())
               if fp not in seen and (entry.get("file") is None or entry["file"] in audited)]
    gone = sorted(fp for fp, file in baseline.items() if fp not in seen and (file is None or file in audited))
    if gone:
        notices.append(f"{baseline_path or '基线'}: 有 {len(gone)} 条记录不再出现（已修正或文件已移动），"
                       f"可用 auditor baseline 重新生成：{', '.join(gone[:5])}{' …' if len(gone) > 5 else ''}")
    return notices


def add_entry(path: Path, fingerprint: str, reason: str, expires: dt.date | None = None,
              accepted_by: str | None = None, file: str | None = None) -> None:
    """Append one entry to an ignore file, keeping what the file already says (comments too)."""
    entry = {"fingerprint": fingerprint, "reason": reason, "accepted_by": accepted_by, "file": file,
             "expires": expires}
    IgnoreEntry.model_validate(entry)
    block = yaml.safe_dump([{k: v for k, v in entry.items() if v is not None}], allow_unicode=True,
                           sort_keys=False, default_flow_style=False)
    block = "".join("  " + line if line.strip() else line for line in block.splitlines(keepends=True))
    try:
        text = read_user_file(path) if path.exists() else ""
        data = load_yaml(text) if text.strip() else None
    except UnsafeInput as exc:
        raise SuppressionError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        raise SuppressionError(f"{path}: YAML 语法错误：{getattr(exc, 'problem', exc)}") from None
    if data is not None and not isinstance(data, dict):
        raise SuppressionError(f"{path}: 忽略文件应为映射（ignore: 列表）")
    if not data or not data.get("ignore"):
        text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("ignore:"))
        text = (text + ("\n" if text and not text.endswith("\n") else "")) + "ignore:\n"
    elif not text.endswith("\n"):
        text += "\n"
    from .report import write_atomic

    write_atomic(path, _appended(text, block, data))


def _appended(text: str, block: str, data) -> str:
    """The file with the block appended, or rewritten whole when its list is not in block style."""
    before = len((data or {}).get("ignore") or [])
    try:
        after = yaml.safe_load(text + block) or {}
        if len(after.get("ignore") or []) == before + 1:
            return text + block
    except yaml.YAMLError:
        pass
    entries = list((data or {}).get("ignore") or []) + yaml.safe_load(block.replace("\n  ", "\n"))
    return yaml.safe_dump({"ignore": entries}, allow_unicode=True, sort_keys=False)
