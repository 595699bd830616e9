"""GitHub Actions workflow commands: one annotation per new finding, unreadable file and
rule that could not be evaluated (`::error file=…,line=…,title=…::message`)."""
from __future__ import annotations

from ..findings import SEVERITY_ZH
from .concise_report import position

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, path: str, title: str, message: str, line: int = 1, col: int = 1) -> str:
    return (f"::{level} file={_property(path)},line={line},col={col},title={_property(title)}"
            f"::{_data(message)}")


def render(results, rules, **options) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(_command("error", result.path, "读取失败", result.error))
            continue
        for f in result.findings:
            if f.status == "new":
                line, col = position(f)
                title = f"{f.rule} {SEVERITY_ZH[f.severity]}"
                message = f"{f.message}（{f.location.describe()}；指纹 {f.fingerprint}）"
                lines.append(_command(LEVELS[f.severity], result.path, title, message, line, col))
        for na in result.not_assessable:
            lines.append(_command("notice", result.path, f"{na['rule']} 未能评估", na["reason"]))
    return "".join(line + "\n" for line in lines)
