"""One line per new finding, as linters print them: `path:line:col: RULE 级别 message（where）`.

Line and column are 1-based; a finding without a text line (Word, PDF, Excel) is put at 1:1
and says where it is in parentheses. Rules that could not be evaluated get a line too."""
from __future__ import annotations

from ..findings import SEVERITY_ZH


def position(finding) -> tuple[int, int]:
    loc = finding.location
    return (loc.line or 1, 1)


def render(results, rules, **options) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.path}:1:1: 读取失败 {result.error}")
            continue
        for f in result.findings:
            if f.status == "new":
                line, col = position(f)
                lines.append(f"{result.path}:{line}:{col}: {f.rule} {SEVERITY_ZH[f.severity]} {f.message}"
                             f"（{f.location.describe()}；指纹 {f.fingerprint}）")
        for na in result.not_assessable:
            lines.append(f"{result.path}:1:1: {na['rule']} 未能评估 {na['reason']}")
    return "".join(line + "\n" for line in lines)
