"""Output formats: SARIF validates against the 2.1.0 schema, JUnit parses, text is grouped."""
from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
from typer.testing import CliRunner

from auditor.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _run(tmp_path, fmt, *extra):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["check", str(EXAMPLES), str(tmp_path / "empty.txt"), "--format", fmt,
                                 "--report", str(out), *extra])
    return result, out


def test_sarif_validates_against_the_schema(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result, out = _run(tmp_path, "sarif")
    assert result.exit_code == 3
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "SCO001" in rule_ids
    scored = next(r for r in run["results"] if r["ruleId"] == "SCO001")
    assert scored["level"] == "error" and scored["partialFingerprints"]["auditorFingerprint/v1"]
    assert rule_ids[scored["ruleIndex"]] == "SCO001"
    assert run["invocations"][0]["executionSuccessful"] is False  # the empty file


def test_junit_parses(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    _, out = _run(tmp_path, "junit")
    root = ET.parse(out).getroot()
    assert root.tag == "testsuites"
    assert int(root.get("failures")) >= 5 and int(root.get("errors")) == 1
    assert len(root.findall("testsuite")) == 3


def test_text_output_groups_by_file_without_colour_when_piped(tmp_path):
    result = runner.invoke(app, ["check", str(EXAMPLES), "--format", "text"])
    assert "\033[" not in result.output
    assert "部门决算示例.md" in result.output and "SUM001" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("共 2 个文件")


def test_a_long_cell_is_cut_around_the_quote_in_the_finding_s_own_cell():
    from auditor.report.html_report import shown_cell

    text = "全年为6个社区拨付运营补助，完成4期培训：基础护理、康复护理、失智照护。服务老年人5320人次。项目共设置三级指标6个，均已完成。"
    assert shown_cell(text) == text[:40] + "…"  # any other cell: its start
    shown = shown_cell(text, "项目共设置三级指标6个")
    assert "项目共设置三级指标6个" in shown and shown.startswith("…") and len(shown) <= 42
    assert shown_cell("短文本", "短文本") == "短文本"


def test_two_rules_on_one_figure_at_one_place_name_each_other():
    from auditor.findings import Finding, link_same_figure
    from auditor.model import Location

    cell = Location("a.txt", line=6, table=1, row=4, col=7)
    made = [Finding("SCO001", "score_mismatch", "error", "m", "q", cell, stated="10"),
            Finding("SCO009", "score_mismatch", "error", "m", "q", cell, stated="10"),
            Finding("SCO003", "score_mismatch", "warning", "m", "q", cell.with_(row=9), stated="10"),
            Finding("CAL001", "total_mismatch", "error", "m", "q", Location("a.txt", line=3), stated="1,980.40"),
            Finding("SUM002", "total_mismatch", "error", "m", "q", Location("a.txt", line=3), stated="合计 1980.40")]
    fingerprints = [f.fingerprint for f in made]
    link_same_figure(made)
    assert [f.also for f in made] == [["SCO009"], ["SCO001"], [], ["SUM002"], ["CAL001"]]
    assert [f.fingerprint for f in made] == fingerprints
    assert "also" not in made[2].to_dict() and made[0].to_dict()["also"] == ["SCO009"]
