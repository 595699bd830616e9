"""Terminal output: findings grouped by file, coloured only when asked (--color) or on a terminal.

Only new findings are listed; suppressed and baselined ones are counted in the summary. Rules
that could not be evaluated are listed, so a file never looks clean because it was not read."""
from __future__ import annotations

from ..findings import CLASS_ZH, SEVERITY_ZH
from .summary import summarize

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, DIM, BOLD = "\033[0m", "\033[2m", "\033[1m"


def render(results, rules, colour: bool = False, quiet: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    lines = []
    for result in results:
        lines.extend(_file_lines(result, paint, quiet))
    if not quiet:
        lines.append(summary_line(results))
    return "".join(line + "\n" for line in lines)


def _file_lines(result, paint, quiet: bool) -> list[str]:
    if result.error:
        return [f"{result.path}: " + paint(f"无法读取：{result.error}", COLOURS["error"])]
    new = [f for f in result.findings if f.status == "new"]
    if not new and not result.not_assessable:
        return []
    lines = [paint(result.path, BOLD)]
    if result.coverage and not quiet:
        checked = sum(c["checked"] for c in result.coverage.values())
        failed = sum(c["failed"] for c in result.coverage.values())
        lines.append("  " + paint(f"事实 {result.facts.get('read', 0)} 条；核对关系 {checked} 项，"
                                  f"一致 {checked - failed}，不符 {failed}", DIM))
    for f in new:
        lines.append(f"  {f.location.describe()}  " + paint(SEVERITY_ZH[f.severity], COLOURS[f.severity])
                     + f" {f.rule} [{CLASS_ZH[f.cls]}] {f.message}")
        if f.formula:
            lines.append("    " + paint(f"计算：{f.formula}", DIM))
        lines += ["    " + paint(f"已并入：{c}", DIM) for c in f.folded]
        lines.append("    " + paint(f"指纹 {f.fingerprint}", DIM))
    # (one line a reason: a document naming no report year leaves every year rule unassessed alike)
    by_reason: dict[str, list[str]] = {}
    for na in result.not_assessable:
        by_reason.setdefault(na["reason"], []).append(na["rule"])
    for reason, rules in by_reason.items():
        lines.append("  " + paint(f"未能评估 {'、'.join(rules)}：{reason}", DIM))
    return lines


def summary_line(results) -> str:
    """One line: files, new findings by severity, unreadable files, and what is not shown."""
    s = summarize(results)
    sev = s["by_severity"]
    line = (f"共 {s['files']} 个文件：错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}，"
            f"读取失败 {s['failed']}")
    extra = []
    if s["suppressed"]:
        extra.append(f"已忽略或记入基线 {s['suppressed']} 处（未列出）")
    if s["not_assessable"]:
        extra.append(f"未能评估 {s['not_assessable']} 项")
    return line + (f"；{'，'.join(extra)}" if extra else "")
