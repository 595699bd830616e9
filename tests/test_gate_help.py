"""Help: --version, -h, choices shown, Chinese throughout, 80 columns; colour; 1-based rows."""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor import __version__, cli
from auditor.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"
COMMANDS = [[], ["check"], ["baseline"], ["ignore"], ["inspect"], ["schema"], ["rules"], ["rules", "list"],
            ["rules", "explain"], ["rules", "test"]]
ENGLISH = ["Usage", "Options", "Arguments", "Commands", "Show this message", "[default", "[required]",
           "<bool>", "<list", "<str>", "<int", "{paths}", "[OPTIONS]"]


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_version():
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0 and result.stdout.strip() == f"auditor {__version__}"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "auditor")
def test_help_is_chinese_plain_and_fits_80_columns(command):
    for flag in ("-h", "--help"):
        result = runner.invoke(app, [*command, flag], prog_name="auditor")
        assert result.exit_code == 0, result.output
        text = result.stdout
        assert text.startswith("用法：auditor") and "选项：" in text and "显示此帮助并退出" in text
        assert not [word for word in ENGLISH if word in text], text
        assert all(_width(line) <= 80 for line in text.splitlines()), text


def test_every_option_with_a_fixed_set_of_values_shows_them():
    text = runner.invoke(app, ["check", "-h"]).stdout
    assert "--format [html|json|sarif|junit|text|concise|github]" in text
    assert "--fail-on [error|warning|info]" in text
    assert "--color [auto|always|never]" in text
    assert "-j, --workers N" in text and "（≥ 0）" in text
    assert "[default: 0]" not in text and "0 无问题" not in text
    assert "种类 [rules|config|ignore|baseline]" in runner.invoke(app, ["schema", "-h"]).stdout


def test_colour_follows_color_and_no_color(monkeypatch):
    always = runner.invoke(app, ["check", str(REPORT), "--format", "text", "--color", "always"])
    never = runner.invoke(app, ["check", str(REPORT), "--format", "text", "--color", "never"])
    assert "\033[31m" in always.stdout and "\033[" not in never.stdout

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._coloured(cli.Colour.auto) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli._coloured(cli.Colour.auto) is False and cli._coloured(cli.Colour.always) is True


def test_inspect_counts_rows_from_1_like_the_grid_and_the_header():
    data = json.loads(runner.invoke(app, ["inspect", "--json", str(REPORT)]).stdout)
    grids = {b["index"]: b["grid"] for b in data["blocks"] if b["kind"] == "table"}
    checked = 0
    for typed in data["typed_tables"]:
        grid = grids[typed["table"]]
        assert typed["header_row"] >= 1
        for record in typed["records"]:
            if record.get("label"):
                assert record["row"] > typed["header_row"]
                assert record["label"].replace(" ", "") in "".join(grid[record["row"] - 1]).replace(" ", "")
                checked += 1
    assert checked


def test_finding_rows_and_lines_are_1_based():
    data = json.loads(runner.invoke(app, ["check", str(REPORT), "--format", "json", "-o", "-"]).stdout)
    for finding in data["files"][0]["findings"]:
        location = finding["location"]
        assert all(location[k] >= 1 for k in ("line", "row", "col", "table") if k in location)
    concise = runner.invoke(app, ["check", str(REPORT), "--format", "concise"]).stdout
    assert all(int(n) >= 1 for n in re.findall(r":(\d+):\d+: ", concise))
