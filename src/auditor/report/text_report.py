"""Terminal output: findings grouped by file, coloured only when writing to a terminal."""
from __future__ import annotations

from ..findings import CLASS_ZH, SEVERITY_ZH
from .summary import summarize

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, DIM = "\033[0m", "\033[2m"


def render(results, rules, colour: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.path}: " + paint(f"无法读取：{result.error}", COLOURS["error"]))
            continue
        if not result.findings:
            continue
        lines.append(paint(result.path, "\033[1m") if colour else result.path)
        if result.coverage:
            checked = sum(c["checked"] for c in result.coverage.values())
            failed = sum(c["failed"] for c in result.coverage.values())
            lines.append("  " + paint(f"事实 {result.facts.get('read', 0)} 条；核对关系 {checked} 项，"
                                      f"一致 {checked - failed}，不符 {failed}", DIM))
        for f in result.findings:
            status = "" if f.status == "new" else f"（{'已忽略' if f.status == 'suppressed' else '基线'}）"
            lines.append(f"  {f.location.describe()}  " + paint(f"{SEVERITY_ZH[f.severity]}", COLOURS[f.severity])
                         + f" {f.rule} [{CLASS_ZH[f.cls]}]{status} {f.message}")
            if f.formula:
                lines.append("    " + paint(f"计算：{f.formula}", DIM))
            lines.append("    " + paint(f"指纹 {f.fingerprint}", DIM))
    s = summarize(results)
    sev = s["by_severity"]
    lines.append(f"共 {s['files']} 个文件：错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}，"
                 f"读取失败 {s['failed']}")
    return "\n".join(lines) + "\n"
