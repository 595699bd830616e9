"""Fingerprints from the path relative to the project root; the text output shows them;
`auditor ignore` records one; stale ignore and baseline entries are reported."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.findings import project_root

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A git work tree holding report-001.txt, as the current folder."""
    work = tmp_path / "project"
    work.mkdir()
    (work / ".git").mkdir()  # what marks a git root
    shutil.copy(REPORT, work / "report-001.txt")
    monkeypatch.chdir(work)
    return work


def _findings(*args):
    out = Path("out.json").resolve()
    result = runner.invoke(app, ["check", *args, "--format", "json", "--report", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return result, {Path(f["path"]).as_posix(): f["findings"] for f in data["files"]}


def test_a_baseline_taken_on_one_file_does_not_silence_its_namesake_elsewhere(project):
    assert runner.invoke(app, ["baseline", "report-001.txt", "-o", "baseline.json"]).exit_code == 0
    (project / "2025").mkdir()
    shutil.copy(REPORT, project / "2025" / "report-001.txt")
    result, files = _findings("report-001.txt", "2025/report-001.txt", "--baseline", "baseline.json")
    assert result.exit_code == 1
    assert {f["status"] for f in files["report-001.txt"]} == {"baselined"}
    assert {f["status"] for f in files["2025/report-001.txt"]} == {"new"}
    assert not {f["fingerprint"] for f in files["report-001.txt"]} & {
        f["fingerprint"] for f in files["2025/report-001.txt"]}


def test_fingerprints_do_not_depend_on_the_current_folder(project, monkeypatch):
    (project / "reports").mkdir()
    shutil.move(project / "report-001.txt", project / "reports" / "a.txt")
    _, from_root = _findings("reports/a.txt")
    monkeypatch.chdir(project / "reports")
    _, from_inside = _findings("a.txt")
    assert [f["fingerprint"] for f in from_root["reports/a.txt"]] == [f["fingerprint"] for f in from_inside["a.txt"]]


def test_the_project_root_is_the_config_folder_else_git_else_cwd(tmp_path):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "sub").mkdir()
    assert project_root(tmp_path / "repo" / "sub" / ".auditor.yaml") == (tmp_path / "repo" / "sub").resolve()
    assert project_root(None, tmp_path / "repo" / "sub") == (tmp_path / "repo").resolve()
    (tmp_path / "plain").mkdir()
    assert project_root(None, tmp_path / "plain") == (tmp_path / "plain").resolve()


def test_the_text_output_shows_each_fingerprint(project):
    _, files = _findings("report-001.txt")
    text = runner.invoke(app, ["check", "report-001.txt", "--format", "text"]).stdout
    for finding in files["report-001.txt"]:
        assert f"指纹 {finding['fingerprint']}" in text


def test_auditor_ignore_records_an_entry_that_suppresses_the_finding(project):
    _, files = _findings("report-001.txt")
    errors = [f for f in files["report-001.txt"] if f["severity"] == "error"]
    fingerprint = errors[0]["fingerprint"]
    added = runner.invoke(app, ["ignore", fingerprint, "--reason", "与财政局核实", "--expires", "2999-12-31",
                                "--by", "张三", "--file", "report-001.txt"])
    assert added.exit_code == 0, added.output
    assert (project / ".auditor-ignore.yaml").is_file()
    _, files = _findings("report-001.txt")
    entry = next(f for f in files["report-001.txt"] if f["fingerprint"] == fingerprint)
    assert entry["status"] == "suppressed" and "张三" in entry["justification"]
    again = runner.invoke(app, ["ignore", fingerprint, "--reason", "再次"])
    assert again.exit_code == 2 and "已有" in again.stderr
    for args, word in ((["zzz", "--reason", "x"], "指纹"), ([fingerprint[::-1], "--reason", " "], "--reason"),
                       ([fingerprint[::-1], "--reason", "x", "--expires", "tomorrow"], "--expires"),
                       ([fingerprint[::-1], "--reason", "x", "--expires", "2000-01-01"], "--expires")):
        bad = runner.invoke(app, ["ignore", *args])
        assert bad.exit_code == 2 and word in bad.stderr, bad.output


def test_stale_ignore_and_baseline_entries_are_reported(project):
    (project / ".auditor-ignore.yaml").write_text(
        "ignore:\n  - fingerprint: 0123456789abcdef\n    reason: 早已修正\n"
        "  - fingerprint: fedcba9876543210\n    reason: 另一个文件\n    file: other.txt\n", encoding="utf-8")
    assert runner.invoke(app, ["baseline", "report-001.txt", "-o", "baseline.json"]).exit_code == 0
    clean = (ROOT / "tests" / "fixtures" / "clean_report.txt").read_text(encoding="utf-8")
    (project / "report-001.txt").write_text(clean, encoding="utf-8")
    result = runner.invoke(app, ["check", "report-001.txt", "--baseline", "baseline.json", "--format", "text"])
    assert result.exit_code == 0
    assert ".auditor-ignore.yaml:2: 忽略条目 0123456789abcdef 没有匹配任何发现" in result.stderr
    assert "fedcba9876543210" not in result.stderr  # recorded for a file not audited
    recorded = len(json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"])
    assert f"baseline.json: 有 {recorded} 条记录不再出现" in result.stderr
