"""The gate: fingerprints, suppressions with expiry, baselines, configuration, batches."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from auditor.cli import app
from auditor.engine import audit_file
from auditor.ruleset import load_rules

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "部门整体支出绩效自评报告示例.txt"


def _json(tmp_path, *args):
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["check", *args, "--format", "json", "--report", str(out)])
    return result, json.loads(out.read_text(encoding="utf-8"))


def test_fingerprints_survive_edits_elsewhere(tmp_path):
    original = REPORT.read_text(encoding="utf-8")
    edited = tmp_path / REPORT.name
    edited.write_text("前言：本报告经集体研究。\n\n" + original.replace("部分项目支出进度偏慢", "个别项目支出进度偏慢"),
                      encoding="utf-8")
    rules = load_rules()
    before = {f.fingerprint for f in audit_file(str(REPORT), rules).findings}
    after = {f.fingerprint for f in audit_file(str(edited), rules).findings}
    assert before and before == after


def test_suppression_with_reason_and_expiry(tmp_path):
    _, data = _json(tmp_path, str(REPORT))
    errors = [f for f in data["files"][0]["findings"] if f["severity"] == "error"]
    keep, lapse = errors[0], errors[1]
    ignore = tmp_path / "ignore.yaml"
    ignore.write_text(
        "ignore:\n"
        f"  - fingerprint: {keep['fingerprint']}\n    reason: 已核实\n    accepted_by: 张三\n    expires: 2999-01-01\n"
        f"  - fingerprint: {lapse['fingerprint']}\n    reason: 旧条目\n    expires: 2000-01-01\n", encoding="utf-8")
    result, data = _json(tmp_path, str(REPORT), "--ignore-file", str(ignore))
    by_fp = {f["fingerprint"]: f for f in data["files"][0]["findings"]}
    assert by_fp[keep["fingerprint"]]["status"] == "suppressed"
    assert "张三" in by_fp[keep["fingerprint"]]["justification"]
    assert by_fp[lapse["fingerprint"]]["status"] == "new" and "过期" in by_fp[lapse["fingerprint"]]["message"]
    assert result.exit_code == 1


def test_baseline_fails_only_on_new_findings(tmp_path):
    work = tmp_path / "reports"
    work.mkdir()
    shutil.copy(REPORT, work / "a.txt")
    baseline = tmp_path / "baseline.json"
    made = runner.invoke(app, ["baseline", str(work), "-o", str(baseline)])
    assert made.exit_code == 0 and baseline.is_file()
    result, data = _json(tmp_path, str(work), "--baseline", str(baseline))
    assert result.exit_code == 0
    assert {f["status"] for f in data["files"][0]["findings"]} == {"baselined"}
    text = (work / "a.txt").read_text(encoding="utf-8")
    (work / "a.txt").write_text(text.replace("基本支出800.00万元，其中人员经费620.40万元",
                                             "基本支出800.00万元，其中人员经费600.40万元"), encoding="utf-8")
    result, data = _json(tmp_path, str(work), "--baseline", str(baseline))
    assert result.exit_code == 1
    new = [f for f in data["files"][0]["findings"] if f["status"] == "new"]
    assert [f["rule"] for f in new] == ["CAL001"]


def test_project_config_disables_and_overrides(tmp_path, monkeypatch):
    (tmp_path / ".auditor.yaml").write_text(
        "disable: [PER001, PER002]\nseverity: {SCO001: warning}\nignore_paths: ['skip/*']\n", encoding="utf-8")
    (tmp_path / "skip").mkdir()
    shutil.copy(REPORT, tmp_path / "skip" / "b.txt")
    shutil.copy(REPORT, tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    _, data = _json(tmp_path, ".")
    assert [Path(f["path"]).name for f in data["files"]] == ["a.txt"]
    rules = {f["rule"]: f["severity"] for f in data["files"][0]["findings"]}
    assert "PER001" not in rules and "PER002" not in rules and rules["SCO001"] == "warning"


def test_bad_config_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / ".auditor.yaml").write_text("colour: red\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", str(REPORT)])
    assert result.exit_code == 2 and "colour" in result.output


def test_pyproject_tool_section(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.auditor]\nfail_on = \"info\"\ndisable = [\"STR001\"]\n",
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, data = _json(tmp_path, str(REPORT))
    assert "STR001" not in {f["rule"] for f in data["files"][0]["findings"]}


def test_batch_with_bad_files_completes_and_exits_3(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(100):
        shutil.copy(REPORT, folder / f"good{i:03d}.txt")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n%%EOF garbage")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "gb.txt").write_bytes(REPORT.read_text(encoding="utf-8").encode("gb18030"))
    result, data = _json(tmp_path, str(folder), "--workers", "2")
    assert result.exit_code == 3
    files = {Path(f["path"]).name: f for f in data["files"]}
    assert len(files) == 103
    assert "PDF" in files["corrupt.pdf"]["error"] and "为空" in files["empty.txt"]["error"]
    assert files["gb.txt"]["error"] is None
    assert len(files["gb.txt"]["findings"]) == len(files["good000.txt"]["findings"]) > 0
    assert sum(1 for f in files.values() if f["error"]) == 2


def test_per_file_time_limit(tmp_path):
    from auditor.batch import audit_one

    slow = tmp_path / "big.txt"
    slow.write_text("2024年度部门决算\n" + "本年支出合计100万元，其中基本支出60万元，项目支出40万元。\n" * 40000,
                    encoding="utf-8")
    result = audit_one(str(slow), load_rules(), None, 0.05)
    assert result.error and "超时" in result.error
