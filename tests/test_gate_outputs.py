"""Output conventions: -o - and stdout, the format from the extension, --quiet, --statistics,
concise and github formats, rules not evaluated in every format, README skipped in folders."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from auditor.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
REPORT = EXAMPLES / "部门整体支出绩效自评报告示例.txt"
CLEAN = Path(__file__).parent / "fixtures" / "clean_report.txt"
AUDITOR = Path(sys.executable).with_name("auditor")


@pytest.fixture
def unscored(tmp_path):
    """A report whose execution row has no score: SCO001 cannot be evaluated."""
    path = tmp_path / "unscored.txt"
    path.write_text(CLEAN.read_text(encoding="utf-8").replace("90.00%\t9\n", "90.00%\t\n"), encoding="utf-8")
    return path


def test_dash_writes_the_report_to_stdout_and_the_summary_to_stderr(tmp_path):
    result = runner.invoke(app, ["check", str(REPORT), "--format", "json", "-o", "-"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["files"][0]["findings"] and "共 1 个文件" in result.stderr
    assert not (Path.cwd() / "-").exists()


def test_dev_stdout_with_json_is_valid_json():
    done = subprocess.run([str(AUDITOR), "check", str(REPORT), "-o", "/dev/stdout", "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["files"] and "共 1 个文件" in done.stderr


@pytest.mark.parametrize("name,check", [
    ("r.json", lambda text: json.loads(text)["files"]),
    ("r.sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
    ("r.xml", lambda text: ET.fromstring(text).tag == "testsuites"),
    ("r.html", lambda text: text.lstrip().lower().startswith("<!doctype html")),
    ("r.txt", lambda text: text.rstrip().splitlines()[-1].startswith("共 1 个文件")),
])
def test_the_format_follows_the_report_extension(tmp_path, name, check):
    out = tmp_path / name
    assert runner.invoke(app, ["check", str(REPORT), "-o", str(out)]).exit_code == 1
    assert check(out.read_text(encoding="utf-8"))


def test_an_explicit_format_wins_and_an_unknown_extension_is_a_usage_error(tmp_path):
    out = tmp_path / "r.json"
    runner.invoke(app, ["check", str(REPORT), "-o", str(out), "--format", "sarif"])
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    bad = runner.invoke(app, ["check", str(REPORT), "-o", str(tmp_path / "r.pdf")])
    assert bad.exit_code == 2 and "--format" in bad.stderr and not (tmp_path / "r.pdf").exists()


def test_quiet_prints_findings_only(tmp_path):
    loud = runner.invoke(app, ["check", str(REPORT), "--format", "text"])
    quiet = runner.invoke(app, ["check", str(REPORT), "--format", "text", "--quiet"])
    assert quiet.exit_code == loud.exit_code == 1
    assert "共 1 个文件" in loud.stdout and "共" not in quiet.stdout and quiet.stderr == ""
    assert "SCO001" in quiet.stdout
    as_json = runner.invoke(app, ["check", str(REPORT), "--format", "json", "-o", str(tmp_path / "r.json"), "-q"])
    assert as_json.output == ""


def test_statistics_count_new_findings_by_rule():
    result = runner.invoke(app, ["check", str(REPORT), "--format", "json", "-o", "-", "--statistics"])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    lines = re.findall(r"^\s*(\d+)\s+([A-Z]+\d{3})\s", result.stderr, re.M)
    assert lines and {rule: int(n) for n, rule in lines} == {
        rule: sum(1 for f in findings if f["rule"] == rule) for rule in {f["rule"] for f in findings}}


def test_concise_is_one_line_per_finding():
    result = runner.invoke(app, ["check", str(REPORT), "--format", "concise"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 1 and lines
    pattern = re.compile(rf"^{re.escape(str(REPORT))}:(\d+):(\d+): [A-Z]+\d{{3}} (错误|警告|提示) .+指纹 [0-9a-f]{{16}}）$")
    assert all(pattern.match(line) and int(pattern.match(line).group(1)) >= 1 for line in lines), lines


def test_github_annotations():
    result = runner.invoke(app, ["check", str(REPORT), "--format", "github"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 1 and lines
    assert all(re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[A-Z]+\d{3} [^:]+::\S", line)
               for line in lines), lines
    assert any(line.startswith("::error") for line in lines)


def test_rules_not_evaluated_show_in_every_format(unscored, tmp_path):
    reason = "没有填写得分"
    for fmt in ("text", "concise", "github"):
        result = runner.invoke(app, ["check", str(unscored), "--format", fmt])
        assert "SCO001" in result.stdout and reason in result.stdout, fmt
    for fmt, suffix in (("json", ".json"), ("sarif", ".sarif"), ("junit", ".xml"), ("html", ".html")):
        out = tmp_path / f"r{suffix}"
        runner.invoke(app, ["check", str(unscored), "--format", fmt, "-o", str(out)])
        text = out.read_text(encoding="utf-8")
        assert reason in text, fmt
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(n["descriptor"]["id"] == "SCO001" and reason in n["message"]["text"] for n in notes)
    skipped = ET.parse(tmp_path / "r.xml").getroot().iter("skipped")
    assert any(reason in s.get("message") for s in skipped)


def test_baselined_findings_are_counted_not_listed(tmp_path):
    baseline = tmp_path / "b.json"
    assert runner.invoke(app, ["baseline", str(REPORT), "-o", str(baseline)]).exit_code == 0
    result = runner.invoke(app, ["check", str(REPORT), "--baseline", str(baseline), "--format", "text"])
    assert result.exit_code == 0
    assert "SCO001" not in result.stdout
    assert re.search(r"错误 0，警告 0，提示 0，读取失败 0；已忽略或记入基线 \d+ 处", result.stdout)


def test_a_folder_skips_readme_and_lists_it(tmp_path):
    shutil.copy(REPORT, tmp_path / "report.txt")
    (tmp_path / "README.md").write_text("# 报告库\n说明文字。\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.txt").write_text("2024年度：新增。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json", "-o", "-"])
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["report.txt"]
    assert "README.md" in result.stderr and "CHANGELOG.txt" in result.stderr
    named = runner.invoke(app, ["check", str(tmp_path / "README.md"), "--format", "json", "-o", "-"])
    assert [Path(f["path"]).name for f in json.loads(named.stdout)["files"]] == ["README.md"]


def test_the_json_contract_keeps_its_keys(tmp_path):
    result = runner.invoke(app, ["check", str(REPORT), "--format", "json", "-o", "-"])
    entry = json.loads(result.stdout)["files"][0]
    assert {"path", "findings", "facts", "coverage", "not_assessable", "error", "meta"} <= set(entry)
    assert {"rule", "class", "severity", "message", "quote", "location", "stated", "expected", "formula",
            "fingerprint", "status"} <= set(entry["findings"][0])
