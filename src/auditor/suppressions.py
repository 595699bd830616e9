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

import yaml


class SuppressionError(Exception):
    pass


def load_ignore(path: Path | None) -> dict[str, dict]:
    if path is None or not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise SuppressionError(f"{path}: YAML 语法错误：{exc}") from exc
    entries = {}
    for i, entry in enumerate(data.get("ignore", []) or [], start=1):
        if not isinstance(entry, dict) or not entry.get("fingerprint") or not entry.get("reason"):
            raise SuppressionError(f"{path}: 第 {i} 条忽略条目需要 fingerprint 和 reason")
        entry["expires"] = _date(path, i, entry.get("expires"))
        entries[str(entry["fingerprint"])] = entry
    return entries


def _date(path: Path, index: int, value) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SuppressionError(f"{path}: 第 {index} 条忽略条目的 expires 值「{value}」不是日期，"
                               f"应为 YYYY-MM-DD") from None


def load_baseline(path: Path | None) -> set[str]:
    if path is None:
        return set()
    if not path.is_file():
        raise SuppressionError(f"{path}: 基线文件不存在")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SuppressionError(f"{path}: 基线文件不是有效的 JSON：{exc}") from exc
    return {item["fingerprint"] for item in data.get("findings", [])}


def write_baseline(results, path: Path) -> int:
    findings = [{"fingerprint": f.fingerprint, "rule": f.rule, "file": r.path, "quote": f.quote,
                 "message": f.message} for r in results for f in r.findings]
    findings.sort(key=lambda x: (x["file"], x["rule"], x["fingerprint"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "findings": findings}, ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return len(findings)


def apply(results, ignore: dict[str, dict], baseline: set[str], today: dt.date | None = None) -> list[str]:
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
